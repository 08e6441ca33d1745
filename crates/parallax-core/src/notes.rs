//! The analyst's notes and tags on articles, statements, actors and claim groups.
//!
//! The analyst names a target by the id the faces show ([`Target`]: `article:12`,
//! `statement:345`, `actor:KEY`, `group:7`); the project stores it under a stable key that
//! survives re-analysis, new imports and edits (see `migrations/0007_notes_tags.sql`):
//! - an article by its content hash;
//! - a statement by its article key and folded text ([`StatementKey`], as group edits are);
//! - an actor by one of its mentions ([`ActorRef`], as actor edits are), so a note follows
//!   the actor through merges and renames;
//! - a claim group by the key of its base statement, so it follows the group that holds
//!   that statement.
//!
//! A target has at most one note (Markdown, stored verbatim) and any number of tags. Notes
//! are indexed with the articles' folding, so `search` finds «المسؤولة» in a note that wrote
//! «المسئوله». Left out: undo of notes and tags, and notes on a target that no longer
//! exists are listed (with their last label) but can no longer be named to edit them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use parallax_nlp::actors::ActorRef;
use parallax_nlp::align::StatementKey;
use parallax_nlp::text::fold_for_match;
use serde::{Deserialize, Serialize};

use crate::actors::{article_key, ActorError};
use crate::model::ArticleId;
use crate::store::{articles, notes as store, statements};
use crate::{Project, ProjectError};

/// What a note or tag is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Article,
    Statement,
    Actor,
    Group,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Article => "article",
            TargetKind::Statement => "statement",
            TargetKind::Actor => "actor",
            TargetKind::Group => "group",
        }
    }

    fn from_stored(s: &str) -> Option<TargetKind> {
        Some(match s {
            "article" => TargetKind::Article,
            "statement" => TargetKind::Statement,
            "actor" => TargetKind::Actor,
            "group" => TargetKind::Group,
            _ => return None,
        })
    }
}

/// A target as the faces name it, by the ids they show now.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "id")]
pub enum Target {
    /// An article id, as `parallax articles` prints it.
    Article(ArticleId),
    /// A statement id, as `parallax statements` and `compare` print it.
    Statement(i64),
    /// An actor's key (as `parallax actors --json` prints it), name or alias.
    Actor(String),
    /// A claim group id, as `parallax compare` prints it.
    Group(usize),
}

impl Target {
    pub fn kind(&self) -> TargetKind {
        match self {
            Target::Article(_) => TargetKind::Article,
            Target::Statement(_) => TargetKind::Statement,
            Target::Actor(_) => TargetKind::Actor,
            Target::Group(_) => TargetKind::Group,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Article(id) => write!(f, "article:{id}"),
            Target::Statement(id) => write!(f, "statement:{id}"),
            Target::Actor(key) => write!(f, "actor:{key}"),
            Target::Group(id) => write!(f, "group:{id}"),
        }
    }
}

impl FromStr for Target {
    type Err = NoteError;

    /// `article:ID`, `statement:ID`, `actor:KEY` or `group:ID`.
    fn from_str(s: &str) -> Result<Target, NoteError> {
        let bad = || NoteError::BadTarget(s.to_owned());
        let (kind, id) = s.split_once(':').ok_or_else(bad)?;
        let id = id.trim();
        let number = || id.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(bad);
        match kind.trim().to_lowercase().as_str() {
            "article" => Ok(Target::Article(ArticleId(number()?))),
            "statement" => Ok(Target::Statement(number()?)),
            "group" => Ok(Target::Group(number()? as usize)),
            "actor" if id.chars().any(|c| !c.is_whitespace()) => Ok(Target::Actor(id.to_owned())),
            _ => Err(bad()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NoteError {
    #[error(transparent)]
    Actor(#[from] ActorError),
    #[error(
        "{0:?} is not a target: write article:ID, statement:ID, actor:KEY or group:ID, with \
         the ids that `parallax articles`, `statements`, `actors --json` and `compare` print"
    )]
    BadTarget(String),
    #[error("no article with id {0}: `parallax articles PROJECT` lists them")]
    NoSuchArticle(ArticleId),
    #[error("no statement with id {0}: `parallax statements PROJECT` lists them")]
    NoSuchStatement(i64),
    #[error("no claim group with id {0}: `parallax compare PROJECT` shows them")]
    NoSuchGroup(usize),
    #[error("a note must have a visible character")]
    EmptyNote,
    #[error("a tag must have a visible character and fit on one line")]
    BadTag,
    #[error("{0} already has a note: edit it instead")]
    NoteExists(String),
    #[error("{0} has no note")]
    NoNote(String),
    #[error("{target} has no tag {tag:?}")]
    NoSuchTag { target: String, tag: String },
}

impl From<rusqlite::Error> for NoteError {
    fn from(e: rusqlite::Error) -> Self {
        NoteError::Actor(e.into())
    }
}

impl From<ProjectError> for NoteError {
    fn from(e: ProjectError) -> Self {
        NoteError::Actor(e.into())
    }
}

/// A note's text and times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: i64,
    /// Markdown, verbatim as the analyst wrote it.
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A target's note and tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub kind: TargetKind,
    /// The stable key the target is stored under.
    pub key: String,
    /// The target by the ids the faces show now; `None` when it is no longer in the project
    /// (a statement that re-analysis no longer finds).
    pub target: Option<Target>,
    /// What the target is: an article's title, a statement's text, an actor's name, a
    /// group's actor and claim (the last one known when it is no longer found).
    pub label: String,
    pub note: Option<Note>,
    /// Sorted.
    pub tags: Vec<String>,
}

/// A note that a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteHit {
    pub annotation: Annotation,
    /// Plain text of the note around the first match.
    pub snippet: String,
}

/// The most characters of a label kept with a note or tag.
const LABEL_CHARS: usize = 160;

/// The stable key of an actor reference.
fn actor_key_of(reference: &ActorRef) -> String {
    match reference {
        ActorRef::Mention(id) => id.0.clone(),
        ActorRef::Name(name) => format!("name:{}", parallax_nlp::actors::name_key(name)),
    }
}

/// What the stable keys of the project's targets designate now, computed per kind on first
/// use (actors and groups need the registry and the alignment).
struct Resolver<'p> {
    project: &'p Project,
    articles: Option<HashMap<String, (ArticleId, String)>>,
    statements: Option<HashMap<String, (i64, String)>>,
    actors: Option<HashMap<String, (String, String)>>,
    groups: Option<HashMap<String, (usize, String)>>,
}

impl<'p> Resolver<'p> {
    fn new(project: &'p Project) -> Self {
        Resolver {
            project,
            articles: None,
            statements: None,
            actors: None,
            groups: None,
        }
    }

    fn statements(&mut self) -> Result<&HashMap<String, (i64, String)>, ActorError> {
        if self.statements.is_none() {
            self.statements = Some(statement_keys(self.project)?);
        }
        Ok(self.statements.as_ref().expect("just computed"))
    }

    /// The target a stable key designates now, with its label.
    fn resolve(
        &mut self,
        kind: TargetKind,
        key: &str,
    ) -> Result<Option<(Target, String)>, ActorError> {
        let conn = self.project.conn();
        Ok(match kind {
            TargetKind::Article => {
                if self.articles.is_none() {
                    let titles: HashMap<ArticleId, String> = articles::list(conn)?
                        .into_iter()
                        .map(|a| (a.id, a.title))
                        .collect();
                    self.articles = Some(
                        articles::content_hashes(conn)?
                            .into_iter()
                            .map(|(id, hash)| {
                                (hash, (id, titles.get(&id).cloned().unwrap_or_default()))
                            })
                            .collect(),
                    );
                }
                self.articles
                    .as_ref()
                    .and_then(|m| m.get(key))
                    .map(|(id, title)| (Target::Article(*id), title.clone()))
            }
            TargetKind::Statement => self
                .statements()?
                .get(key)
                .map(|(id, text)| (Target::Statement(*id), label(text))),
            TargetKind::Actor => {
                if self.actors.is_none() {
                    let mut map = HashMap::new();
                    for a in self.project.actors()? {
                        let name_ref = ActorRef::Name(a.name.clone());
                        for id in a
                            .mentions
                            .iter()
                            .map(|m| m.id.0.clone())
                            .chain([actor_key_of(&name_ref)])
                        {
                            map.entry(id)
                                .or_insert_with(|| (a.key.clone(), a.name.clone()));
                        }
                    }
                    self.actors = Some(map);
                }
                self.actors
                    .as_ref()
                    .and_then(|m| m.get(key))
                    .map(|(k, name)| (Target::Actor(k.clone()), name.clone()))
            }
            TargetKind::Group => {
                if self.groups.is_none() {
                    let key_of: HashMap<i64, String> = self
                        .statements()?
                        .iter()
                        .map(|(k, (id, _))| (*id, k.clone()))
                        .collect();
                    let mut map = HashMap::new();
                    for g in self.project.compare(None)? {
                        for s in &g.statements {
                            if let Some(k) = key_of.get(&s.id) {
                                map.insert(k.clone(), (g.id, group_label(&g.actor, &g.claim)));
                            }
                        }
                    }
                    self.groups = Some(map);
                }
                self.groups
                    .as_ref()
                    .and_then(|m| m.get(key))
                    .map(|(id, l)| (Target::Group(*id), l.clone()))
            }
        })
    }
}

fn label(text: &str) -> String {
    crate::snippet::head(text, LABEL_CHARS)
}

fn group_label(actor: &str, claim: &str) -> String {
    label(&format!("{actor} — {claim}"))
}

/// Every statement's stable key → (its id now, its text); the first of equal keys wins.
fn statement_keys(project: &Project) -> Result<HashMap<String, (i64, String)>, ActorError> {
    let conn = project.conn();
    let hashes: HashMap<ArticleId, String> = articles::content_hashes(conn)?
        .into_iter()
        .map(|(id, hash)| (id, article_key(&hash)))
        .collect();
    let mut map = HashMap::new();
    for s in statements::list(conn)? {
        let Some(article) = hashes.get(&s.article) else {
            continue;
        };
        map.entry(StatementKey::new(article, &s.text).0)
            .or_insert((s.id, s.text));
    }
    Ok(map)
}

fn visible(s: &str) -> bool {
    s.chars().any(|c| c.is_alphanumeric())
}

impl Project {
    /// The stable key a target is stored under, and its label now.
    fn locate(&self, target: &Target) -> Result<(String, String), NoteError> {
        let conn = self.conn();
        match target {
            Target::Article(id) => {
                let article = articles::get(conn, *id)?.ok_or(NoteError::NoSuchArticle(*id))?;
                let hash = articles::content_hashes(conn)?
                    .into_iter()
                    .find(|(a, _)| a == id)
                    .map(|(_, h)| h)
                    .ok_or(NoteError::NoSuchArticle(*id))?;
                Ok((hash, article.meta.title))
            }
            Target::Statement(id) => statement_keys(self)?
                .into_iter()
                .find(|(_, (s, _))| s == id)
                .map(|(key, (_, text))| (key, label(&text)))
                .ok_or(NoteError::NoSuchStatement(*id)),
            Target::Actor(name) => {
                let (reference, name) = self.actor_ref_and_name(name)?;
                Ok((actor_key_of(&reference), name))
            }
            Target::Group(id) => {
                let group = self
                    .compare(None)?
                    .into_iter()
                    .find(|g| g.id == *id)
                    .ok_or(NoteError::NoSuchGroup(*id))?;
                let base = group
                    .statements
                    .get(group.base)
                    .or(group.statements.first())
                    .ok_or(NoteError::NoSuchGroup(*id))?;
                let key_of_base = statement_keys(self)?
                    .into_iter()
                    .find(|(_, (s, _))| *s == base.id)
                    .map(|(key, _)| key)
                    .ok_or(NoteError::NoSuchGroup(*id))?;
                Ok((key_of_base, group_label(&group.actor, &group.claim)))
            }
        }
    }

    /// Attaches a note to a target that has none.
    pub fn add_note(
        &mut self,
        target: &Target,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), NoteError> {
        if !visible(text) {
            return Err(NoteError::EmptyNote);
        }
        let (key, label) = self.locate(target)?;
        let kind = target.kind().as_str();
        let tx = self.conn_mut().transaction()?;
        if store::note_of(&tx, kind, &key)?.is_some() {
            return Err(NoteError::NoteExists(target.to_string()));
        }
        store::insert_note(&tx, kind, &key, &label, text, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the text of a target's note.
    pub fn edit_note(
        &mut self,
        target: &Target,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), NoteError> {
        if !visible(text) {
            return Err(NoteError::EmptyNote);
        }
        let (key, label) = self.locate(target)?;
        let tx = self.conn_mut().transaction()?;
        let note = store::note_of(&tx, target.kind().as_str(), &key)?
            .ok_or_else(|| NoteError::NoNote(target.to_string()))?;
        store::update_note(&tx, note.id, &label, text, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a target's note.
    pub fn remove_note(&mut self, target: &Target) -> Result<(), NoteError> {
        let (key, _) = self.locate(target)?;
        let tx = self.conn_mut().transaction()?;
        let note = store::note_of(&tx, target.kind().as_str(), &key)?
            .ok_or_else(|| NoteError::NoNote(target.to_string()))?;
        store::delete_note(&tx, note.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Tags a target (surrounding spaces dropped); returns false when it had the tag already.
    pub fn add_tag(
        &mut self,
        target: &Target,
        tag: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, NoteError> {
        let tag = tag.trim();
        if !visible(tag) || tag.contains(['\n', '\r']) {
            return Err(NoteError::BadTag);
        }
        let (key, label) = self.locate(target)?;
        let tx = self.conn_mut().transaction()?;
        let added = store::add_tag(&tx, target.kind().as_str(), &key, &label, tag, now)?;
        tx.commit()?;
        Ok(added)
    }

    /// Removes a tag from a target.
    pub fn remove_tag(&mut self, target: &Target, tag: &str) -> Result<(), NoteError> {
        let (key, _) = self.locate(target)?;
        let tx = self.conn_mut().transaction()?;
        if !store::remove_tag(&tx, target.kind().as_str(), &key, tag.trim())? {
            return Err(NoteError::NoSuchTag {
                target: target.to_string(),
                tag: tag.trim().to_owned(),
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// Every target with a note or a tag: articles, statements, actors, groups, each by id.
    pub fn annotations(&self) -> Result<Vec<Annotation>, NoteError> {
        Ok(self.annotations_of(None)?)
    }

    /// The targets that carry one of `tags` (compared folded: case and Arabic diacritics do
    /// not matter), by today's ids, for a report's tag filter. Only the targets that carry
    /// such a tag are resolved, so actors and groups cost the registry only when one of them
    /// is tagged so.
    pub fn targets_tagged(&self, tags: &[String]) -> Result<Vec<Target>, ActorError> {
        let wanted: BTreeSet<String> = tags.iter().map(|t| fold_for_match(t.trim())).collect();
        let tagged: BTreeSet<(String, String)> = store::tags(self.conn())?
            .into_iter()
            .filter(|t| wanted.contains(&fold_for_match(&t.tag)))
            .map(|t| (t.kind, t.key))
            .collect();
        if tagged.is_empty() {
            return Ok(Vec::new());
        }
        Ok(self
            .annotations_where(&|kind, key| {
                tagged.contains(&(kind.as_str().to_owned(), key.to_owned()))
            })?
            .into_iter()
            .filter_map(|a| a.target)
            .collect())
    }

    /// The statements' notes and tags by statement id, for reports.
    pub fn statement_annotations(&self) -> Result<HashMap<i64, Annotation>, ActorError> {
        Ok(self
            .annotations_of(Some(TargetKind::Statement))?
            .into_iter()
            .filter_map(|a| match a.target {
                Some(Target::Statement(id)) => Some((id, a)),
                _ => None,
            })
            .collect())
    }

    fn annotations_of(&self, only: Option<TargetKind>) -> Result<Vec<Annotation>, ActorError> {
        self.annotations_where(&|kind, _| only.is_none_or(|o| o == kind))
    }

    /// The annotations of the targets `wanted` picks by kind and stable key; only the kinds
    /// picked are resolved (actors and groups need the registry and the alignment).
    fn annotations_where(
        &self,
        wanted: &dyn Fn(TargetKind, &str) -> bool,
    ) -> Result<Vec<Annotation>, ActorError> {
        let conn = self.conn();
        let pick =
            |kind: &str, key: &str| TargetKind::from_stored(kind).filter(|k| wanted(*k, key));
        // (kind, stable key) → (last label, note, tags)
        let mut by_key: BTreeMap<(TargetKind, String), Gathered> = BTreeMap::new();
        for n in store::notes(conn)? {
            let Some(kind) = pick(&n.kind, &n.key) else {
                continue;
            };
            let entry = by_key
                .entry((kind, n.key))
                .or_insert_with(|| (n.label.clone(), None, Vec::new()));
            entry.0 = n.label;
            entry.1 = Some(Note {
                id: n.id,
                text: n.text,
                created_at: n.created_at,
                updated_at: n.updated_at,
            });
        }
        for t in store::tags(conn)? {
            let Some(kind) = pick(&t.kind, &t.key) else {
                continue;
            };
            by_key
                .entry((kind, t.key))
                .or_insert_with(|| (t.label, None, Vec::new()))
                .2
                .push(t.tag);
        }
        let mut resolver = Resolver::new(self);
        let mut list = Vec::with_capacity(by_key.len());
        for ((kind, key), (stored_label, note, mut tags)) in by_key {
            let now = resolver.resolve(kind, &key)?;
            tags.sort();
            let (target, label) = match now {
                Some((target, label)) => (Some(target), label),
                None => (None, stored_label),
            };
            list.push(Annotation {
                kind,
                key,
                target,
                label,
                note,
                tags,
            });
        }
        list.sort_by_key(|a| (a.kind, a.target.is_none(), sort_id(&a.target)));
        Ok(list)
    }

    /// A target's note and tags (empty when it has none).
    pub fn annotation(&self, target: &Target) -> Result<Annotation, NoteError> {
        let (key, label) = self.locate(target)?;
        let kind = target.kind();
        Ok(self
            .annotations_of(Some(kind))?
            .into_iter()
            .find(|a| a.key == key)
            .unwrap_or(Annotation {
                kind,
                key,
                target: Some(target.clone()),
                label,
                note: None,
                tags: Vec::new(),
            }))
    }

    /// Notes containing every word of the query (folded for matching as article search is),
    /// best first, each with its target and a snippet.
    pub fn search_notes(&self, query: &str, limit: usize) -> Result<Vec<NoteHit>, NoteError> {
        let ids = store::search(self.conn(), query, limit)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let found: std::collections::HashSet<(String, String)> = store::notes(self.conn())?
            .into_iter()
            .filter(|n| ids.contains(&n.id))
            .map(|n| (n.kind, n.key))
            .collect();
        let mut by_id: HashMap<i64, Annotation> = self
            .annotations_where(&|kind, key| {
                found.contains(&(kind.as_str().to_owned(), key.to_owned()))
            })?
            .into_iter()
            .filter_map(|a| Some((a.note.as_ref()?.id, a)))
            .collect();
        Ok(ids
            .into_iter()
            .filter_map(|id| by_id.remove(&id))
            .map(|annotation| {
                let text = annotation.note.as_ref().map_or("", |n| n.text.as_str());
                let snippet = crate::snippet::around_first_match(text, query, 160)
                    .unwrap_or_else(|| crate::snippet::head(text, 160));
                NoteHit {
                    annotation,
                    snippet,
                }
            })
            .collect())
    }
}

/// A target's stored label, note and tags, gathered from the notes and tags tables.
type Gathered = (String, Option<Note>, Vec<String>);

/// Orders targets of one kind by their ids (actors by key).
fn sort_id(target: &Option<Target>) -> (i64, String) {
    match target {
        Some(Target::Article(id)) => (id.0, String::new()),
        Some(Target::Statement(id)) => (*id, String::new()),
        Some(Target::Group(id)) => (*id as i64, String::new()),
        Some(Target::Actor(key)) => (0, key.clone()),
        None => (0, String::new()),
    }
}
