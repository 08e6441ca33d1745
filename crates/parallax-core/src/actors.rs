//! The project's actor registry and the comparison of statements across sources.
//!
//! The registry is resolved from the articles' actors ([`parallax_nlp::actors::resolve`])
//! and the analyst's edits are replayed over it, so they survive `analyze` and new imports.
//! Mentions are keyed by the article's content hash and the folded name, never by a row id
//! that re-analysis renumbers. The resolved registry and the claim groups are kept in the
//! project's cache ([`crate::analysis_cache`]) and recomputed when anything they are
//! computed from changes.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use parallax_nlp::actors::{self, ActorEdit, ActorMention, ActorRef, GlobalActor, MentionId};
use parallax_nlp::align::{self, AlignItem, Alignment, Coverage, DiffOp, GroupEdit, StatementKey};
use parallax_nlp::extract::{ActorKind, Stance, StatementKind};
use parallax_nlp::text::{fold_for_match, is_arabic_letter, match_tokens};
use parallax_nlp::Lang;
use serde::{Deserialize, Serialize};

use crate::analysis_cache::{Cached, Generation};
use crate::model::{ArticleId, SearchHit, StatementRow};
use crate::semantic::StoredVectors;
use crate::store::{edits, statements, StoreError};
use crate::{Project, ProjectError};

/// How many hex digits of the content hash name an article in a [`MentionId`].
const ARTICLE_KEY_LEN: usize = 16;

/// The outlet shown for an article whose outlet is not known.
pub const UNKNOWN_OUTLET: &str = "unknown outlet";

#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error("no actor is called {0:?}: `parallax actors PROJECT` lists them")]
    NoSuchActor(String),
    #[error("a name must have a visible character")]
    EmptyName,
    #[error("{name:?} names several actors ({}): use one of these keys instead", candidates.join(", "))]
    AmbiguousActor {
        name: String,
        candidates: Vec<String>,
    },
    #[error(
        "{actor:?} has no mention {mention:?}: `parallax actors PROJECT --json` lists its mentions"
    )]
    NoSuchMention { actor: String, mention: String },
    #[error("a split must move at least one mention")]
    EmptySplit,
    #[error("no statement has id {0}: `parallax compare PROJECT` shows the ids")]
    NoSuchStatement(i64),
    #[error("statements {0} and {1} are by different actors: merge or split the actors instead")]
    DifferentActors(i64, i64),
}

/// How an analyst names a statement in a group edit: the store's id, as `compare` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupEditRequest {
    /// `statement` joins the group of `to`, or a group of its own.
    Move { statement: i64, to: Option<i64> },
    /// The groups of the two statements become one.
    Merge { a: i64, b: i64 },
    /// The statements leave their groups for one new group.
    Split { statements: Vec<i64> },
}

/// An edit of the registry as a face asks for it: actors by name, alias or key, mentions
/// by id or article id (see [`MentionSelector`]). [`Project::edit_actor`] turns it into a
/// stored [`ActorEdit`] with stable references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorEditRequest {
    /// The two actors become one (the first one's name is kept).
    Merge {
        a: String,
        b: String,
    },
    /// The mentions leave the actor for a new actor of this name.
    Split {
        actor: String,
        mentions: Vec<MentionSelector>,
        name: String,
    },
    Rename {
        actor: String,
        name: String,
    },
    AddAlias {
        actor: String,
        alias: String,
    },
    RemoveAlias {
        actor: String,
        alias: String,
    },
}

impl From<rusqlite::Error> for ActorError {
    fn from(e: rusqlite::Error) -> Self {
        ActorError::Project(ProjectError::Store(StoreError::Sql(e)))
    }
}

/// One actor of the project, as `parallax actors` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorSummary {
    /// Unique within the project at this moment; accepted wherever a name is.
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    /// Other names, in every script, without the display name.
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    /// Display names of the actors this one is part of (a task force of a coalition).
    pub part_of: Vec<String>,
    /// How many statements the project attributes to it.
    pub statements: usize,
    /// The outlets that report its statements, sorted.
    pub outlets: Vec<String>,
    /// Its statements per outlet (the outlets of `outlets`).
    #[serde(default)]
    pub statements_by_outlet: std::collections::BTreeMap<String, usize>,
    /// Where the articles name it: the ids a split takes.
    pub mentions: Vec<MentionSummary>,
}

/// One article's naming of an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionSummary {
    pub id: MentionId,
    pub article: ArticleId,
    /// The name as the article gives it.
    pub name: String,
}

/// Which mentions a split moves: one by its id, or all of an actor's in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionSelector {
    Id(MentionId),
    Article(ArticleId),
}

impl FromStr for MentionSelector {
    type Err = std::convert::Infallible;

    /// A number is an article id; anything else a mention id (`<article key>#<name>`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().parse::<i64>() {
            Ok(id) => MentionSelector::Article(ArticleId(id)),
            Err(_) => MentionSelector::Id(MentionId(s.trim().to_owned())),
        })
    }
}

/// Statements of one actor from different articles that report the same claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonGroup {
    /// The group's index in the project's alignment (the same with or without a filter).
    pub id: usize,
    /// The actor's display name.
    pub actor: String,
    pub actor_key: String,
    /// A short label of the claim.
    pub claim: String,
    /// In article order.
    pub statements: Vec<ComparedStatement>,
    /// Index into `statements` of the version the others are compared with.
    pub base: usize,
    /// Outlets that quote this actor elsewhere but not in this group.
    pub missing_from: Vec<String>,
    /// Ids of groups with the same actor's similar claim on another occasion.
    pub related: Vec<usize>,
}

/// One member of a [`ComparisonGroup`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedStatement {
    /// The store's statement id.
    pub id: i64,
    pub article: ArticleId,
    /// The imported file.
    pub source: String,
    pub outlet: String,
    pub lang: Lang,
    pub published_at: Option<NaiveDate>,
    pub kind: StatementKind,
    pub cue: String,
    pub stance: Stance,
    pub text: String,
    /// Its words against the version it is compared with (all `Equal` for that version
    /// itself): the group's base, or its own language's base for a translation.
    pub diff: Vec<DiffOp>,
    /// The position, among the group's statements, of the version it is compared with.
    pub compared_with: usize,
}

/// The resolved registry and what it was resolved from.
pub(crate) struct Registry {
    stored: Vec<statements::StoredActor>,
    mentions: Vec<ActorMention>,
    actors: Vec<GlobalActor>,
    /// `article_actors` row id → index into `actors`.
    actor_of_row: HashMap<i64, usize>,
    /// The generation its inputs were read at, when they were all read at one (see
    /// [`crate::analysis_cache`]): what is computed from it may be kept under it.
    pub(crate) generation: Option<Generation>,
    /// The stored sentence vectors, read once for the joins by shared claims and the
    /// alignment (read when first needed).
    pub(crate) vectors: OnceCell<Option<StoredVectors>>,
}

/// The mentions of the articles' actors, in the order of `stored`.
fn mentions_of(stored: &[statements::StoredActor]) -> Vec<ActorMention> {
    stored
        .iter()
        .map(|s| ActorMention::from_local(&article_key(&s.content_hash), &s.actor))
        .collect()
}

impl Registry {
    pub(crate) fn actors(&self) -> &[GlobalActor] {
        &self.actors
    }

    /// The registry of `actors` resolved (or read from the cache) from `stored`.
    fn new(
        stored: Vec<statements::StoredActor>,
        actors: Vec<GlobalActor>,
        generation: Option<Generation>,
    ) -> Registry {
        let mentions = mentions_of(&stored);
        Registry::with_mentions(stored, mentions, actors, generation)
    }

    fn with_mentions(
        stored: Vec<statements::StoredActor>,
        mentions: Vec<ActorMention>,
        actors: Vec<GlobalActor>,
        generation: Option<Generation>,
    ) -> Registry {
        let by_mention: HashMap<&MentionId, usize> = actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m, i)))
            .collect();
        let actor_of_row = stored
            .iter()
            .zip(&mentions)
            .filter_map(|(s, m)| by_mention.get(&m.id).map(|&i| (s.id, i)))
            .collect();
        Registry {
            stored,
            mentions,
            actors,
            actor_of_row,
            generation,
            vectors: OnceCell::new(),
        }
    }

    /// The index of the actor a name, alias or key designates.
    fn find(&self, name: &str) -> Result<usize, ActorError> {
        if let Some(i) = self.actors.iter().position(|a| a.key == name) {
            return Ok(i);
        }
        let key = actors::name_key(name);
        let by_name: Vec<usize> = (0..self.actors.len())
            .filter(|&i| actors::name_key(&self.actors[i].name) == key)
            .collect();
        let found = if by_name.is_empty() {
            (0..self.actors.len())
                .filter(|&i| {
                    self.actors[i]
                        .aliases
                        .iter()
                        .any(|a| actors::name_key(a) == key)
                })
                .collect()
        } else {
            by_name
        };
        match found.as_slice() {
            [] => Err(ActorError::NoSuchActor(name.to_owned())),
            [one] => Ok(*one),
            many => Err(ActorError::AmbiguousActor {
                name: name.to_owned(),
                candidates: many.iter().map(|&i| self.actors[i].key.clone()).collect(),
            }),
        }
    }

    /// A reference that keeps pointing at this actor as the registry changes: its first
    /// mention (mention ids survive re-analysis; display names change with a rename).
    fn reference(&self, actor: usize) -> ActorRef {
        match self.actors[actor].mentions.first() {
            Some(id) => ActorRef::Mention(id.clone()),
            None => ActorRef::Name(self.actors[actor].name.clone()),
        }
    }
}

/// Whether an actor of this kind may be joined to another by the claims they share:
/// organisations and state bodies, which outlets name in ways no name rule connects (a full
/// name, an acronym, a translated description). Never people: a spokesperson who reads out
/// an organisation's statement is still a speaker of their own, and two people are told
/// apart by their names (measured: joining people too lowered actor and pair scores on the
/// held-out stories). Never unnamed sources or outlets.
pub(crate) fn may_join_by_claims(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::Organisation | ActorKind::StateBody)
}

/// A search of more words than this is not an actor's name: `search_other_scripts` finds
/// nothing for it (a full name with a title is rarely longer).
pub const MAX_NAME_QUERY_WORDS: usize = 5;

pub(crate) fn article_key(content_hash: &str) -> String {
    content_hash.chars().take(ARTICLE_KEY_LEN).collect()
}

fn display_outlet(outlet: &Option<String>) -> String {
    outlet.clone().unwrap_or_else(|| UNKNOWN_OUTLET.to_owned())
}

impl Project {
    /// The registry by names and the analyst's edits (no joins by shared claims).
    fn registry(&self) -> Result<Registry, ActorError> {
        let before = self.generation().map_err(ProjectError::from)?;
        let stored = statements::article_actors(self.conn())?;
        let edits = edits::active(self.conn(), edits::Log::Actors)?;
        let generation = self.unchanged_since(before).map_err(ProjectError::from)?;
        Ok(self.registry_by_name(stored, &edits, generation))
    }

    /// [`Self::registry`] from inputs read at `generation` (`None`: not all at one), kept
    /// in the project's cache and read back from it.
    fn registry_by_name(
        &self,
        stored: Vec<statements::StoredActor>,
        edits: &[ActorEdit],
        generation: Option<Generation>,
    ) -> Registry {
        if let Some(actors) = generation.and_then(|g| self.cached(Cached::RegistryByName, g)) {
            return Registry::new(stored, actors, generation);
        }
        let reg = self.registry_from(stored, edits, generation);
        if let Some(g) = generation {
            self.keep(Cached::RegistryByName, g, &reg.actors);
        }
        reg
    }

    fn registry_from(
        &self,
        stored: Vec<statements::StoredActor>,
        edits: &[ActorEdit],
        generation: Option<Generation>,
    ) -> Registry {
        let mentions = mentions_of(&stored);
        let actors = actors::resolve_with(&mentions, edits, self.dictionary());
        Registry::with_mentions(stored, mentions, actors, generation)
    }

    /// The registry with actors that make the same claims in different articles joined
    /// (with the sentence model; see [`align::shared_claims`]), before the analyst's edits,
    /// so that an analyst's split or rename still wins. Kept in the project's cache.
    pub(crate) fn registry_joined(&self) -> Result<Registry, ActorError> {
        if self.sentence_model.is_none() {
            // no joins without vectors: the registry by names is the whole answer
            return self.registry();
        }
        let before = self.generation().map_err(ProjectError::from)?;
        let stored = statements::article_actors(self.conn())?;
        // the edits are read once: replayed on the names now, and after the joins below
        let edits = edits::active(self.conn(), edits::Log::Actors)?;
        let generation = self.unchanged_since(before).map_err(ProjectError::from)?;
        if let Some(actors) = generation.and_then(|g| self.cached(Cached::Registry, g)) {
            return Ok(Registry::new(stored, actors, generation));
        }
        let reg = self.registry_by_name(stored, &edits, generation);
        let (_, items, _) = self.align_items_of(&reg)?;
        let joins = self.actor_joins(&items, &reg)?;
        let joined = if joins.is_empty() {
            reg
        } else {
            let first_mention: HashMap<&str, &MentionId> = reg
                .actors
                .iter()
                .filter_map(|a| Some((a.key.as_str(), a.mentions.first()?)))
                .collect();
            let mut all: Vec<ActorEdit> = joins
                .iter()
                .filter_map(|(keep, join)| {
                    Some(ActorEdit::Merge {
                        a: ActorRef::Mention((*first_mention.get(keep.as_str())?).clone()),
                        b: ActorRef::Mention((*first_mention.get(join.as_str())?).clone()),
                    })
                })
                .collect();
            all.extend(edits);
            let vectors = reg.vectors;
            let mut joined = self.registry_from(reg.stored, &all, generation);
            // the vectors read for the joins serve the alignment of the joined registry
            joined.vectors = vectors;
            joined
        };
        if let Some(g) = generation {
            self.keep(Cached::Registry, g, &joined.actors);
        }
        Ok(joined)
    }

    /// The project's actors across all articles, with the analyst's edits applied; those
    /// with the most statements first.
    pub fn actors(&self) -> Result<Vec<ActorSummary>, ActorError> {
        self.actors_in(&self.registry_joined()?)
    }

    /// [`Self::actors`] of a registry already resolved (resolving is most of the cost).
    pub(crate) fn actors_in(&self, reg: &Registry) -> Result<Vec<ActorSummary>, ActorError> {
        let rows = statements::statement_actor_ids(self.conn())?;
        let outlet_of_row: HashMap<i64, &Option<String>> =
            reg.stored.iter().map(|s| (s.id, &s.outlet)).collect();
        let mut counts = vec![0usize; reg.actors.len()];
        let mut outlets = vec![std::collections::BTreeMap::new(); reg.actors.len()];
        for (_, row) in rows {
            if let Some(&a) = reg.actor_of_row.get(&row) {
                counts[a] += 1;
                *outlets[a]
                    .entry(display_outlet(outlet_of_row[&row]))
                    .or_insert(0) += 1;
            }
        }
        let article_of: HashMap<&MentionId, (ArticleId, &str)> = reg
            .mentions
            .iter()
            .zip(&reg.stored)
            .map(|(m, s)| (&m.id, (s.article, m.name.as_str())))
            .collect();
        let mut list: Vec<ActorSummary> = reg
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| ActorSummary {
                key: a.key.clone(),
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                titles: a.titles.clone(),
                roles: a.roles.clone(),
                part_of: a
                    .part_of
                    .iter()
                    .map(|&g| reg.actors[g].name.clone())
                    .collect(),
                statements: counts[i],
                outlets: outlets[i].keys().cloned().collect(),
                statements_by_outlet: std::mem::take(&mut outlets[i]),
                mentions: a
                    .mentions
                    .iter()
                    .filter_map(|id| {
                        let &(article, name) = article_of.get(id)?;
                        Some(MentionSummary {
                            id: id.clone(),
                            article,
                            name: name.to_owned(),
                        })
                    })
                    .collect(),
            })
            .collect();
        list.sort_by(|a, b| {
            b.statements
                .cmp(&a.statements)
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(list)
    }

    /// Articles that name, in the other script than the query's, an actor the query
    /// designates: a search for "Berglund" finds the Arabic articles that name him
    /// «بيرغلوند», because the registry knows the two names are one actor. Each hit carries
    /// the name it uses ([`SearchHit::via`]); articles in `found` (the full-text hits) are
    /// left out. Queries of more than [`MAX_NAME_QUERY_WORDS`] words are not names and find
    /// nothing here. The registry is resolved by names and the analyst's edits (no sentence
    /// vectors), which takes about as long as `parallax actors`.
    pub fn search_other_scripts(
        &self,
        query: &str,
        found: &HashSet<ArticleId>,
        limit: usize,
    ) -> Result<Vec<SearchHit>, ActorError> {
        let wanted = crate::store::search::query_words(query);
        if wanted.is_empty() || wanted.len() > MAX_NAME_QUERY_WORDS {
            return Ok(Vec::new());
        }
        let arabic_query = query.chars().any(is_arabic_letter);
        let reg = self.registry()?;
        let row_of: HashMap<&MentionId, usize> = reg
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (&m.id, i))
            .collect();
        let mut seen = found.clone();
        let mut hits = Vec::new();
        for actor in &reg.actors {
            // every word of the query is a word of one of the actor's names
            let named = std::iter::once(&actor.name).chain(&actor.aliases).any(|n| {
                let words: HashSet<String> = match_tokens(n).into_iter().collect();
                wanted.iter().all(|w| words.contains(w))
            });
            if !named {
                continue;
            }
            for m in &actor.mentions {
                let Some(stored) = row_of.get(m).map(|&i| &reg.stored[i]) else {
                    continue;
                };
                let name = &stored.actor.name;
                let other_script = name.chars().any(is_arabic_letter) != arabic_query;
                if !other_script || !seen.insert(stored.article) {
                    continue;
                }
                let Some(article) = crate::store::articles::get(self.conn(), stored.article)?
                else {
                    continue;
                };
                let snippet = crate::snippet::around_first_match(&article.text, name, 160)
                    .unwrap_or_else(|| crate::snippet::head(&article.text, 160));
                hits.push(SearchHit {
                    article: article.meta,
                    snippet,
                    via: Some(name.clone()),
                });
                if hits.len() >= limit {
                    return Ok(hits);
                }
            }
        }
        Ok(hits)
    }

    /// A stable reference to the actor a name, alias or key designates now, for an edit.
    pub fn actor_ref(&self, name: &str) -> Result<ActorRef, ActorError> {
        let reg = self.registry_joined()?;
        let i = reg.find(name)?;
        Ok(reg.reference(i))
    }

    /// [`Self::actor_ref`] with the actor's display name now.
    pub(crate) fn actor_ref_and_name(&self, name: &str) -> Result<(ActorRef, String), ActorError> {
        let reg = self.registry_joined()?;
        let i = reg.find(name)?;
        Ok((reg.reference(i), reg.actors[i].name.clone()))
    }

    /// The ids of an actor's mentions that the selectors pick, for a split.
    pub fn actor_mentions(
        &self,
        actor: &str,
        selectors: &[MentionSelector],
    ) -> Result<Vec<MentionId>, ActorError> {
        let reg = self.registry_joined()?;
        let a = &reg.actors[reg.find(actor)?];
        let article_of: HashMap<&MentionId, ArticleId> = reg
            .mentions
            .iter()
            .zip(&reg.stored)
            .map(|(m, s)| (&m.id, s.article))
            .collect();
        let mut picked = Vec::new();
        for selector in selectors {
            let matching: Vec<&MentionId> = match selector {
                MentionSelector::Id(id) => a.mentions.iter().filter(|m| *m == id).collect(),
                MentionSelector::Article(article) => a
                    .mentions
                    .iter()
                    .filter(|m| article_of.get(m) == Some(article))
                    .collect(),
            };
            if matching.is_empty() {
                let mention = match selector {
                    MentionSelector::Id(id) => id.0.clone(),
                    MentionSelector::Article(article) => format!("in article {}", article.0),
                };
                return Err(ActorError::NoSuchMention {
                    actor: actor.to_owned(),
                    mention,
                });
            }
            picked.extend(matching.into_iter().cloned());
        }
        picked.sort();
        picked.dedup();
        if picked.is_empty() {
            return Err(ActorError::EmptySplit);
        }
        Ok(picked)
    }

    /// Stores an edit of the registry; it applies from now on, after the earlier ones.
    pub fn record_actor_edit(
        &mut self,
        edit: &ActorEdit,
        now: DateTime<Utc>,
    ) -> Result<(), ActorError> {
        let name = match edit {
            ActorEdit::Rename { name, .. } | ActorEdit::Split { name, .. } => Some(name),
            ActorEdit::AddAlias { alias, .. } => Some(alias),
            _ => None,
        };
        if name.is_some_and(|n| !n.chars().any(|c| c.is_alphanumeric())) {
            return Err(ActorError::EmptyName);
        }
        let tx = self.conn_mut().transaction()?;
        edits::append(&tx, edits::Log::Actors, edit, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Resolves a face's request to stable references and stores the edit; returns it.
    pub fn edit_actor(
        &mut self,
        request: &ActorEditRequest,
        now: DateTime<Utc>,
    ) -> Result<ActorEdit, ActorError> {
        let edit = match request {
            ActorEditRequest::Merge { a, b } => ActorEdit::Merge {
                a: self.actor_ref(a)?,
                b: self.actor_ref(b)?,
            },
            ActorEditRequest::Split {
                actor,
                mentions,
                name,
            } => ActorEdit::Split {
                mentions: self.actor_mentions(actor, mentions)?,
                name: name.clone(),
            },
            ActorEditRequest::Rename { actor, name } => ActorEdit::Rename {
                actor: self.actor_ref(actor)?,
                name: name.clone(),
            },
            ActorEditRequest::AddAlias { actor, alias } => ActorEdit::AddAlias {
                actor: self.actor_ref(actor)?,
                alias: alias.clone(),
            },
            ActorEditRequest::RemoveAlias { actor, alias } => ActorEdit::RemoveAlias {
                actor: self.actor_ref(actor)?,
                alias: alias.clone(),
            },
        };
        self.record_actor_edit(&edit, now)?;
        Ok(edit)
    }

    /// Undoes the latest edit in force; returns it, or `None` when there is nothing to undo.
    pub fn undo_actor_edit(&mut self) -> Result<Option<ActorEdit>, ActorError> {
        let tx = self.conn_mut().transaction()?;
        let undone = edits::undo_last(&tx, edits::Log::Actors)?;
        tx.commit()?;
        Ok(undone)
    }

    /// The statements as the aligner takes them (actor = the global actor's key), and the
    /// actor display names by key.
    pub(crate) fn align_items(&self) -> Result<AlignInput, ActorError> {
        let reg = self.registry_joined()?;
        self.align_items_of(&reg)
    }

    /// [`Self::align_items`] by names and edits only (no joins by shared claims), and the
    /// keys of the actors whose statements may still join another actor by their claims.
    pub(crate) fn align_items_by_name(&self) -> Result<(AlignInput, HashSet<String>), ActorError> {
        let reg = self.registry()?;
        let eligible = reg
            .actors
            .iter()
            .filter(|a| may_join_by_claims(a.kind))
            .map(|a| a.key.clone())
            .collect();
        Ok((self.align_items_of(&reg)?, eligible))
    }

    fn align_items_of(&self, reg: &Registry) -> Result<AlignInput, ActorError> {
        self.align_items_over(reg, &statements::list(self.conn())?)
    }

    /// [`Self::align_items_of`] over the project's statements read by the caller (`rows`,
    /// [`statements::list`]).
    fn align_items_over(
        &self,
        reg: &Registry,
        rows: &[StatementRow],
    ) -> Result<AlignInput, ActorError> {
        let actor_of_statement: HashMap<i64, usize> = statements::statement_actor_ids(self.conn())?
            .into_iter()
            .filter_map(|(s, row)| reg.actor_of_row.get(&row).map(|&a| (s, a)))
            .collect();
        let key_of_article: HashMap<ArticleId, String> = reg
            .stored
            .iter()
            .map(|s| (s.article, article_key(&s.content_hash)))
            .collect();
        let row_of_item: Vec<usize> = (0..rows.len())
            .filter(|&i| actor_of_statement.contains_key(&rows[i].id))
            .collect();
        let items = row_of_item
            .iter()
            .map(|&i| &rows[i])
            .map(|s| AlignItem {
                id: s.id as u64,
                actor: reg.actors[actor_of_statement[&s.id]].key.clone(),
                article: key_of_article.get(&s.article).cloned().unwrap_or_default(),
                outlet: display_outlet(&s.outlet),
                lang: s.lang,
                day: s.published_at.map(|d| d.num_days_from_ce()),
                text: s.text.clone(),
            })
            .collect();
        let names = reg
            .actors
            .iter()
            .map(|a| (a.key.clone(), a.name.clone()))
            .collect();
        Ok((row_of_item, items, names))
    }

    /// Stores a correction of the grouping (statements named by id, stored by
    /// [`StatementKey`] so that it survives re-analysis); it applies after the earlier ones.
    pub fn record_group_edit(
        &mut self,
        request: &GroupEditRequest,
        now: DateTime<Utc>,
    ) -> Result<GroupEdit, ActorError> {
        let (_, items, _) = self.align_items()?;
        let find = |id: i64| -> Result<&AlignItem, ActorError> {
            items
                .iter()
                .find(|it| it.id as i64 == id)
                .ok_or(ActorError::NoSuchStatement(id))
        };
        let same_actor = |a: i64, b: i64| -> Result<(), ActorError> {
            if find(a)?.actor == find(b)?.actor {
                Ok(())
            } else {
                Err(ActorError::DifferentActors(a, b))
            }
        };
        let key = |id: i64| find(id).map(StatementKey::of);
        let edit = match request {
            GroupEditRequest::Move { statement, to } => {
                if let Some(to) = to {
                    same_actor(*statement, *to)?;
                }
                GroupEdit::Move {
                    statement: key(*statement)?,
                    to: to.map(key).transpose()?,
                }
            }
            GroupEditRequest::Merge { a, b } => {
                same_actor(*a, *b)?;
                GroupEdit::Merge {
                    a: key(*a)?,
                    b: key(*b)?,
                }
            }
            GroupEditRequest::Split { statements } => {
                let Some(&first) = statements.first() else {
                    return Err(ActorError::EmptySplit);
                };
                for &s in statements {
                    same_actor(first, s)?;
                }
                GroupEdit::Split {
                    statements: statements
                        .iter()
                        .map(|&s| key(s))
                        .collect::<Result<_, _>>()?,
                }
            }
        };
        let tx = self.conn_mut().transaction()?;
        edits::append(&tx, edits::Log::Groups, &edit, now)?;
        tx.commit()?;
        Ok(edit)
    }

    /// Undoes the latest group edit in force; returns it, or `None` when there is none.
    pub fn undo_group_edit(&mut self) -> Result<Option<GroupEdit>, ActorError> {
        let tx = self.conn_mut().transaction()?;
        let undone = edits::undo_last(&tx, edits::Log::Groups)?;
        tx.commit()?;
        Ok(undone)
    }

    /// The statements grouped by actor and claim across sources, each group with a word
    /// diff against its base version and the outlets that left the claim out. With a
    /// filter, only the groups of actors whose name or aliases contain it (folded); group
    /// ids are the same either way.
    pub fn compare(&self, actor_filter: Option<&str>) -> Result<Vec<ComparisonGroup>, ActorError> {
        self.compare_in(&self.registry_joined()?, actor_filter)
    }

    /// The claim groups of `reg`'s statements (`items`, from [`Self::align_items_of`]),
    /// with the analyst's group edits: kept in the project's cache, read back from it when
    /// nothing they are computed from has changed.
    fn alignment_of(&self, reg: &Registry, items: &[AlignItem]) -> Result<Alignment, ActorError> {
        let group_edits: Vec<GroupEdit> = edits::active(self.conn(), edits::Log::Groups)?;
        // the items and the group edits were read after the registry's inputs: all of one
        // generation when it has not moved since those were read
        let generation = match reg.generation {
            Some(g) => self.unchanged_since(g.0).map_err(ProjectError::from)?,
            None => None,
        };
        if let Some((count, alignment)) =
            generation.and_then(|g| self.cached::<(usize, Alignment)>(Cached::Alignment, g))
        {
            // the groups hold indexes into the items: a count that differs is not the same
            // input (it cannot at one generation; this keeps a stray value from panicking)
            if count == items.len() {
                return Ok(alignment);
            }
        }
        let alignment = self.align(reg, items, &group_edits)?;
        if let Some(g) = generation {
            self.keep(Cached::Alignment, g, &(items.len(), &alignment));
        }
        Ok(alignment)
    }

    /// [`Self::compare`] with a registry already resolved.
    pub(crate) fn compare_in(
        &self,
        reg: &Registry,
        actor_filter: Option<&str>,
    ) -> Result<Vec<ComparisonGroup>, ActorError> {
        self.compare_over(reg, &statements::list(self.conn())?, actor_filter)
    }

    /// [`Self::compare_in`] over the project's statements read by the caller (`rows`,
    /// [`statements::list`], read after the registry), who needs them too.
    pub(crate) fn compare_over(
        &self,
        reg: &Registry,
        rows: &[StatementRow],
        actor_filter: Option<&str>,
    ) -> Result<Vec<ComparisonGroup>, ActorError> {
        let (row_of_item, items, names) = self.align_items_over(reg, rows)?;
        let alignment = self.alignment_of(reg, &items)?;
        let wanted: Option<BTreeSet<String>> = match actor_filter.map(fold_for_match) {
            None => None,
            Some(filter) => Some(
                self.actors_in(reg)?
                    .into_iter()
                    .filter(|a| {
                        std::iter::once(&a.name)
                            .chain(&a.aliases)
                            .any(|n| fold_for_match(n).contains(&filter))
                    })
                    .map(|a| a.key)
                    .collect(),
            ),
        };
        let mut related: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(a, b) in &alignment.related {
            related.entry(a).or_default().push(b);
            related.entry(b).or_default().push(a);
        }
        Ok(alignment
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| wanted.as_ref().is_none_or(|w| w.contains(&g.actor)))
            .map(|(id, g)| {
                // each language's base once per group (a wire story has thousands of members)
                let mut base_in: HashMap<parallax_nlp::Lang, usize> = HashMap::new();
                let position: HashMap<usize, usize> =
                    g.members.iter().enumerate().map(|(k, &m)| (m, k)).collect();
                let statements = g
                    .members
                    .iter()
                    .map(|&m| {
                        let s = &rows[row_of_item[m]];
                        let against = *base_in
                            .entry(items[m].lang)
                            .or_insert_with(|| g.base_for(&items, m));
                        ComparedStatement {
                            id: s.id,
                            article: s.article,
                            source: s.source.clone(),
                            outlet: items[m].outlet.clone(),
                            lang: s.lang,
                            published_at: s.published_at,
                            kind: s.kind,
                            cue: s.cue.clone(),
                            stance: s.stance,
                            text: s.text.clone(),
                            diff: align::word_diff(&items[against].text, &s.text),
                            compared_with: position.get(&against).copied().unwrap_or(0),
                        }
                    })
                    .collect();
                let mut rel = related.remove(&id).unwrap_or_default();
                rel.sort_unstable();
                ComparisonGroup {
                    id,
                    actor: names
                        .get(&g.actor)
                        .cloned()
                        .unwrap_or_else(|| g.actor.clone()),
                    actor_key: g.actor.clone(),
                    claim: g.claim.clone(),
                    statements,
                    base: g.members.iter().position(|&m| m == g.base).unwrap_or(0),
                    missing_from: g.missing_from.clone(),
                    related: rel,
                }
            })
            .collect())
    }

    /// The claim groups of one actor (by its key), with the ids [`Self::compare`] gives them.
    pub fn groups_of_actor(&self, key: &str) -> Result<Vec<ComparisonGroup>, ActorError> {
        Ok(self
            .compare(None)?
            .into_iter()
            .filter(|g| g.actor_key == key)
            .collect())
    }

    /// Statement counts per actor × outlet, each row with the actor's key and display name
    /// (display names alone can clash), rows in the registry's order (most statements first).
    pub fn actor_coverage(&self) -> Result<ActorCoverage, ActorError> {
        let reg = self.registry_joined()?;
        let (_, items, names) = self.align_items_of(&reg)?;
        let alignment = self.alignment_of(&reg, &items)?;
        let coverage = align::coverage(&items, &alignment);
        let row_of: HashMap<&str, usize> = coverage
            .actors
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        let rows = self
            .actors_in(&reg)?
            .into_iter()
            .filter_map(|a| {
                let &i = row_of.get(a.key.as_str())?;
                Some(ActorCoverageRow {
                    name: names.get(&a.key).cloned().unwrap_or_else(|| a.name.clone()),
                    key: a.key,
                    counts: coverage.by_actor[i].clone(),
                })
            })
            .collect();
        Ok(ActorCoverage {
            outlets: coverage.outlets,
            rows,
        })
    }

    /// Statement counts per actor × outlet and per claim × outlet; actor rows are display
    /// names, claim rows are in group-id order.
    pub fn coverage(&self) -> Result<Coverage, ActorError> {
        let reg = self.registry_joined()?;
        let (_, items, names) = self.align_items_of(&reg)?;
        let alignment = self.alignment_of(&reg, &items)?;
        let mut coverage = align::coverage(&items, &alignment);
        for actor in &mut coverage.actors {
            if let Some(name) = names.get(actor) {
                actor.clone_from(name);
            }
        }
        Ok(coverage)
    }
}

/// The statements as the aligner takes them, each item's index among the statements they
/// were made from, and the actors' display names by key.
type AlignInput = (Vec<usize>, Vec<AlignItem>, HashMap<String, String>);

/// Statement counts per actor × outlet ([`Project::actor_coverage`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorCoverage {
    /// Columns, sorted.
    pub outlets: Vec<String>,
    pub rows: Vec<ActorCoverageRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorCoverageRow {
    pub key: String,
    pub name: String,
    /// One count per column.
    pub counts: Vec<u32>,
}
