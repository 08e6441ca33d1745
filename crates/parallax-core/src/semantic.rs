//! Sentence vectors in the project: which statements need one, computing them in the
//! background (resumable: each batch is committed as it is done), and aligning with them.
//!
//! A statement needs a vector when it can be aligned with anything: its actor is quoted in
//! two or more articles, or is an organisation or state body that its claims may join to
//! another ([`align::shared_claims`]); unnamed sources and outlets quoted
//! in one article only are left out. Vectors are keyed by (model id, text hash), so re-analysis,
//! a second import of the same wording and actor edits never recompute one; an actor edit
//! that joins two actors may make new statements need one (`embed` computes them).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use parallax_nlp::align::{
    self, AlignConfig, AlignItem, Alignment, EvidenceConfig, GroupEdit, PairModel, Semantic,
};
use parallax_nlp::embed;
use sha2::{Digest, Sha256};

use crate::actors::{may_join_by_claims, ActorError, Registry};
use crate::sentence_model::{ModelError, SentenceModelFile};
use crate::store::vectors;
use crate::Project;

/// Statements embedded per batch: one matrix product per layer for the batch, so larger
/// batches are faster per statement, up to the cache; 32 also bounds what a cancel waits for.
pub const EMBED_BATCH: usize = 32;

/// How far embedding has got for the project's sentence model.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EmbeddingStatus {
    /// The model's id, or `None` when no model is set.
    pub model: Option<String>,
    /// Statements that can be aligned (distinct wordings): of actors quoted in two or more
    /// articles, or of organisations and state bodies that their claims may join to another.
    pub needed: usize,
    /// Of those, how many have a vector.
    pub embedded: usize,
    /// All statements (distinct wordings), for what restricting to `needed` saves.
    pub statements: usize,
}

impl EmbeddingStatus {
    pub fn pending(&self) -> usize {
        self.needed - self.embedded
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error(transparent)]
    Actors(#[from] ActorError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("no sentence model is set")]
    NoModel,
}

impl From<rusqlite::Error> for EmbedError {
    fn from(e: rusqlite::Error) -> Self {
        EmbedError::Actors(ActorError::from(e))
    }
}

/// The hash a statement's vector is stored under.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    hex::encode(&digest[..16])
}

/// The distinct texts (by hash) of statements whose actor appears in two or more articles
/// or is in `eligible` (may join another actor by its claims).
fn needed(items: &[AlignItem], eligible: &HashSet<String>) -> Vec<(String, String)> {
    let mut articles: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for it in items {
        articles.entry(&it.actor).or_default().insert(&it.article);
    }
    let mut seen = HashSet::new();
    items
        .iter()
        .filter(|it| articles[it.actor.as_str()].len() >= 2 || eligible.contains(&it.actor))
        .filter_map(|it| {
            let h = text_hash(&it.text);
            seen.insert(h.clone()).then(|| (h, it.text.clone()))
        })
        .collect()
}

impl Project {
    /// Sets the sentence model whose vectors alignment uses (and `embed` computes).
    pub fn set_sentence_model(&mut self, model: Option<Arc<SentenceModelFile>>) {
        self.sentence_model = model;
    }

    /// Sets the pair model that scores pairs of vectors (default: the shipped one).
    pub fn set_pair_model(&mut self, model: PairModel) {
        self.pair_model = Some(model);
    }

    fn pair_model(&self) -> &PairModel {
        self.pair_model
            .as_ref()
            .unwrap_or_else(|| PairModel::shipped())
    }

    /// How many statements need a vector and how many have one.
    pub fn embedding_status(&self) -> Result<EmbeddingStatus, EmbedError> {
        let ((_, items, _), eligible) = self.align_items_by_name()?;
        let needed = needed(&items, &eligible);
        let statements = items
            .iter()
            .map(|it| it.text.as_str())
            .collect::<HashSet<_>>()
            .len();
        let Some(model) = &self.sentence_model else {
            return Ok(EmbeddingStatus {
                model: None,
                needed: needed.len(),
                embedded: 0,
                statements,
            });
        };
        let have: HashSet<String> = vectors::hashes(self.conn(), model.id())?
            .into_iter()
            .collect();
        Ok(EmbeddingStatus {
            model: Some(model.id().to_owned()),
            embedded: needed.iter().filter(|(h, _)| have.contains(h)).count(),
            needed: needed.len(),
            statements,
        })
    }

    /// Computes the missing vectors on `workers` threads, storing each batch as it is done,
    /// so that an interrupted run loses at most the batches in flight and the next run goes
    /// on from there. `progress(done, total)` is called after each stored batch; `cancel`
    /// stops the work after the batches in flight. Returns how many were stored.
    pub fn embed_pending(
        &mut self,
        workers: usize,
        progress: &mut dyn FnMut(usize, usize),
        cancel: &AtomicBool,
    ) -> Result<usize, EmbedError> {
        let file = self.sentence_model.clone().ok_or(EmbedError::NoModel)?;
        let ((_, items, _), eligible) = self.align_items_by_name()?;
        let have: HashSet<String> = vectors::hashes(self.conn(), file.id())?
            .into_iter()
            .collect();
        let pending: Vec<(String, String)> = needed(&items, &eligible)
            .into_iter()
            .filter(|(h, _)| !have.contains(h))
            .collect();
        let total = pending.len();
        if total == 0 {
            return Ok(0);
        }
        let model = file.model()?;
        let batches = Mutex::new(pending.chunks(EMBED_BATCH));
        let (tx, rx) = mpsc::channel::<Vec<(String, Vec<u8>)>>();
        let mut done = 0;
        let mut stored = Ok(());
        std::thread::scope(|scope| {
            for _ in 0..workers.max(1) {
                let tx = tx.clone();
                let (batches, model) = (&batches, &model);
                scope.spawn(move || loop {
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let Some(batch) = batches.lock().ok().and_then(|mut b| b.next()) else {
                        break;
                    };
                    let texts: Vec<&str> = batch.iter().map(|(_, t)| t.as_str()).collect();
                    let out = model
                        .embed(&texts)
                        .iter()
                        .zip(batch)
                        .map(|(v, (h, _))| (h.clone(), embed::quantize(v)))
                        .collect();
                    if tx.send(out).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            for batch in rx {
                let result = (|| -> rusqlite::Result<()> {
                    let t = self.conn_mut().transaction()?;
                    vectors::insert(&t, file.id(), &batch)?;
                    t.commit()
                })();
                if let Err(e) = result {
                    stored = Err(e);
                    cancel.store(true, Ordering::Relaxed);
                    break;
                }
                done += batch.len();
                progress(done, total);
            }
        });
        stored?;
        Ok(done)
    }

    /// The stored vectors of the sentence model, read once per registry: `None` when no
    /// model is set.
    fn stored_vectors<'r>(
        &self,
        reg: &'r Registry,
    ) -> Result<Option<&'r StoredVectors>, ActorError> {
        if reg.vectors.get().is_none() {
            let read = match &self.sentence_model {
                None => None,
                Some(model) => Some(StoredVectors(vectors::all(self.conn(), model.id())?)),
            };
            let _ = reg.vectors.set(read);
        }
        Ok(reg.vectors.get().and_then(Option::as_ref))
    }

    /// Pairs of actors (keys of `items`, resolved by name in `reg`) that make the same
    /// claims in different articles: `(keep, join)`, to join in this order. None without a
    /// sentence model. Only organisations and state bodies are joined this way (see
    /// [`may_join_by_claims`]).
    pub(crate) fn actor_joins(
        &self,
        items: &[AlignItem],
        reg: &Registry,
    ) -> Result<Vec<(String, String)>, ActorError> {
        if self.sentence_model.is_none() {
            return Ok(Vec::new());
        }
        let joinable_actors: HashSet<&str> = reg
            .actors()
            .iter()
            .filter(|a| may_join_by_claims(a.kind))
            .map(|a| a.key.as_str())
            .collect();
        // only their statements take part: the search is quadratic in them
        let items: Vec<AlignItem> = items
            .iter()
            .filter(|it| joinable_actors.contains(it.actor.as_str()))
            .cloned()
            .collect();
        let Some(stored) = self.stored_vectors(reg)? else {
            return Ok(Vec::new());
        };
        let vectors = stored.of(&items);
        let joinable =
            |a: &str, b: &str| joinable_actors.contains(a) && joinable_actors.contains(b);
        let semantic = Semantic {
            vectors: &vectors,
            model: self.pair_model(),
        };
        let found = align::shared_claims(
            &items,
            self.dictionary(),
            &semantic,
            &EvidenceConfig::default(),
            &joinable,
        );
        Ok(found.joins)
    }

    /// Aligns the statements of `reg` (`items`, [`Project::align_items_of`]): with the
    /// stored vectors of the sentence model when one is set, else by their words alone.
    pub(crate) fn align(
        &self,
        reg: &Registry,
        items: &[AlignItem],
        edits: &[GroupEdit],
    ) -> Result<Alignment, ActorError> {
        let cfg = AlignConfig::default();
        let Some(stored) = self.stored_vectors(reg)? else {
            return Ok(align::align_with(items, &cfg, edits, self.dictionary()));
        };
        let vectors = stored.of(items);
        let semantic = Semantic {
            vectors: &vectors,
            model: self.pair_model(),
        };
        Ok(align::align_semantic(
            items,
            &cfg,
            edits,
            self.dictionary(),
            Some(&semantic),
        ))
    }
}

/// The stored vectors of the project's sentence model, by text hash (8-bit, as stored).
pub(crate) struct StoredVectors(HashMap<String, Vec<u8>>);

impl StoredVectors {
    /// The vector of each item (dequantised), `None` for those not embedded yet.
    fn of(&self, items: &[AlignItem]) -> Vec<Option<Vec<f32>>> {
        items
            .iter()
            .map(|it| {
                self.0
                    .get(&text_hash(&it.text))
                    .and_then(|b| embed::dequantize(b))
            })
            .collect()
    }
}
