//! The analysis kept in the project between runs: the actor registry (by names, and joined
//! by shared claims) and the claim groups, so that exports, `compare`, `actors` and
//! `coverage` read them instead of resolving and aligning a large project every time.
//!
//! A cached value is a pure function of the project's data and of the settings it was
//! computed with, and is used only when neither has changed since:
//! - the data: `analysis_generation` counts the changes to the articles, their actors and
//!   statements, the analyst's actor and group edit logs and the sentence vectors (SQLite
//!   triggers bump it for every row of those tables, whichever code writes, except an
//!   article's actors and statements, whose one writer, `store::statements::replace`,
//!   bumps it once per article). A value is
//!   stored under the generation read *before* its inputs, and only when the generation
//!   read *after* them is the same (no write came in between), so a value can never be
//!   filed under a generation whose data it was not computed from.
//! - the settings ([`Project::analysis_settings`]): this build of the engine (a hash of its
//!   sources, so an upgraded resolver or aligner never reads an older one's results), the
//!   bilingual dictionary, the sentence model and the pair model.
//!
//! Writing the cache is best effort: a read-only project, or a write that fails, leaves the
//! result computed and returned as before. Values are JSON. The analyst's edits are inputs,
//! not something applied on top of a cached value, so they apply exactly as without a cache.
//! Left out: the word diffs of each group (recomputed from the texts; they would multiply
//! the cache's size) and the notes and tags (read fresh every time).

use serde::{de::DeserializeOwned, Serialize};
use sha2::{Digest, Sha256};

use crate::store::{cache, StoreError};
use crate::{Project, ProjectError};

/// The build of the engine whose results the cache holds (see `build.rs`).
const ENGINE: &str = env!("PARALLAX_ENGINE_FINGERPRINT");

/// What is cached, by name.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cached {
    /// The registry resolved by names and the analyst's actor edits.
    RegistryByName,
    /// The registry with the joins by shared claims, then the analyst's actor edits.
    Registry,
    /// The claim groups of the joined registry's statements, with the analyst's group edits.
    Alignment,
}

impl Cached {
    fn name(self) -> &'static str {
        match self {
            Cached::RegistryByName => "registry_by_name",
            Cached::Registry => "registry",
            Cached::Alignment => "alignment",
        }
    }
}

/// The generation of the data a computation reads, when it read all of it at one
/// generation (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Generation(pub(crate) i64);

impl Project {
    /// Drops the analysis kept in the project, so that the next read computes it afresh.
    /// Results never need it (what is kept is recomputed whenever anything it is computed
    /// from changes); it is for tests and for measuring the first read after a change.
    pub fn clear_analysis_cache(&mut self) -> Result<(), ProjectError> {
        let tx = self.conn_mut().transaction()?;
        cache::clear(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// The generation now, to read before the inputs of a computation.
    pub(crate) fn generation(&self) -> Result<i64, StoreError> {
        Ok(cache::generation(self.conn())?)
    }

    /// `Some` when the generation is still `before`: the inputs read since were all of that
    /// generation.
    pub(crate) fn unchanged_since(&self, before: i64) -> Result<Option<Generation>, StoreError> {
        Ok((self.generation()? == before).then_some(Generation(before)))
    }

    /// Everything besides the project's data that `what` depends on.
    pub(crate) fn analysis_settings(&self, what: Cached) -> String {
        let dictionary = self.dictionary().map_or_else(
            || "none".to_owned(),
            |d| format!("{:016x}", d.fingerprint()),
        );
        let mut settings = format!("engine={ENGINE};dictionary={dictionary}");
        if !matches!(what, Cached::RegistryByName) {
            let model = self.sentence_model.as_ref().map_or("none", |m| m.id());
            let pair = self.pair_model.as_ref().map_or_else(
                || "shipped".to_owned(),
                |p| {
                    let json = serde_json::to_string(p).unwrap_or_default();
                    hex::encode(&Sha256::digest(json.as_bytes())[..8])
                },
            );
            settings.push_str(&format!(";model={model};pair={pair}"));
        }
        settings
    }

    /// The value of `what` computed at `generation` with today's settings, if it is kept.
    /// A value that does not read back (written by a build with other types) is a miss.
    pub(crate) fn cached<T: DeserializeOwned>(
        &self,
        what: Cached,
        generation: Generation,
    ) -> Option<T> {
        let settings = self.analysis_settings(what);
        let json = cache::get(self.conn(), what.name(), &settings, generation.0).ok()??;
        serde_json::from_str(&json).ok()
    }

    /// Keeps a value of `what` computed at `generation`; best effort (see the module
    /// documentation).
    pub(crate) fn keep<T: Serialize>(&self, what: Cached, generation: Generation, value: &T) {
        let Ok(json) = serde_json::to_string(value) else {
            return;
        };
        let settings = self.analysis_settings(what);
        // a read-only project, or a lock another process holds too long: the value was
        // computed and is returned all the same
        let _ = cache::put(self.conn(), what.name(), &settings, generation.0, &json);
    }
}
