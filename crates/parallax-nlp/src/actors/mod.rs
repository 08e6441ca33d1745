//! Actors across articles and scripts: name matching and the project's actor registry.
//!
//! The extractor names actors per article ([`crate::extract::LocalActor`]). [`resolve`]
//! clusters those mentions into project-wide [`GlobalActor`]s and then replays the analyst's
//! [`ActorEdit`]s on top, so that the registry is always *automatic resolution + edits*:
//!
//! 1. **Same name.** Names and aliases are compared by [`name_key`] (folded words without
//!    honorifics). Every name of an organisation, and every person name of two words or
//!    more, is a *strong* key: mentions sharing one are one actor. Aliases given by one
//!    article (an acronym in parentheses, «محش», "CRTG-OST") therefore link the acronym and
//!    its expansion for the whole project, once any article links them. With a bilingual
//!    dictionary, an organisation's Arabic and English names that translate each other word
//!    for word are one actor too («التحالف الدولي» ~ "international coalition").
//!    A bare channel ("the account") is the one owner whose channel its article names.
//! 2. **Same person, other spelling or script.** Person names are blocked by the
//!    [`block_key`] of their surname (a script-independent consonant key) and merged within
//!    a block when [`person_names_compatible`] (surnames match by transliteration, given
//!    names agree or one is an initial).
//!    A two-word name that begins the one longer name ("Rezan Tilmani" for "Rezan
//!    Tilmane Hasso") is that person too.
//! 3. **Surname alone.** A one-word person name ("McKellan", «حسو») joins the one person
//!    whose full name contains a matching word, and stays on its own when there are none or
//!    several.
//! 4. **Role descriptions.** A person named only by a leading role ("the leader of the
//!    Northern Basin Council") joins the one named person whose role leads the same
//!    organisation ("the NBC's top commander"; an acronym counts), and stays alone when
//!    there are none or several.
//! 5. **Edits.** [`ActorEdit`]s are applied in order. They refer to actors through
//!    [`ActorRef`]s, which name a *mention* ([`MentionId`]) or a *name* (matched by key),
//!    never an output position or a cluster number, so they mean the same thing after
//!    re-analysis or the import of new articles: as long as the re-run extractor still
//!    names the actor the same way in the same article, its [`MentionId`] is unchanged.
//!
//! Membership ("a task force is part of a coalition") is a relation
//! ([`GlobalActor::part_of`]), recorded from an analyst's [`ActorEdit::PartOf`] or when a
//! person's role names an organisation («القائد العام لمجلس الحوض الشمالي»); members are
//! never merged into their group.
//!
//! Every step is near-linear: keys go through hash maps and fuzzy comparisons happen only
//! inside blocks. Left out: translation of descriptive names without a dictionary (an
//! Arabic organisation name and its English name then meet only through an article or an
//! edit; with one, step 1c matches them word for word), and resolving unnamed sources
//! across articles (each article's "officials" stay its own).

mod mention;
mod names;
mod rules;
mod translit;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use names::{
    initials, is_acronym_of, looks_like_acronym, name_key, name_similarity, name_words,
    person_names_compatible, surname_forms,
};
pub use translit::{
    block_key, consonant_edits, same_name_word, skeleton, skeleton_of_folded, word_similarity, Sym,
    WORD_THRESHOLD,
};

use crate::align::Bilingual;
use crate::extract::{ActorKind, LocalActor};
use rules::Clustering;

/// A stable identifier of one actor mention: the article and the [`name_key`] of the name
/// the article uses. Re-running the extractor on the same article gives the same ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MentionId(pub String);

impl MentionId {
    /// The id of the actor named `name` in the article the store knows as `article`.
    pub fn new(article: &str, name: &str) -> MentionId {
        MentionId(format!("{article}#{}", name_key(name)))
    }
}

/// One article's actor, as the registry sees it: a [`LocalActor`] with an id and its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub id: MentionId,
    /// The store's stable name for the article (path or id).
    pub article: String,
    pub name: String,
    pub kind: ActorKind,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
}

impl ActorMention {
    /// The mention of a local actor of `article`, with its [`MentionId::new`] id.
    pub fn from_local(article: &str, actor: &LocalActor) -> ActorMention {
        ActorMention {
            id: MentionId::new(article, &actor.name),
            article: article.to_owned(),
            name: actor.name.clone(),
            kind: actor.kind,
            titles: actor.titles.clone(),
            roles: actor.roles.clone(),
            aliases: actor.aliases.clone(),
        }
    }
}

/// How an edit names an actor: stable across re-analysis (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRef {
    /// The actor that this mention belongs to.
    Mention(MentionId),
    /// The actor(s) whose mentions are named this (by [`name_key`]; aliases count when no
    /// mention has it as its name).
    Name(String),
}

/// An analyst's correction, stored as an edit and replayed by [`resolve`]. Undo is removing
/// the edit from the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum ActorEdit {
    /// One actor: `b`'s mentions join `a` (whose name and kind win).
    Merge {
        a: ActorRef,
        b: ActorRef,
    },
    /// These mentions leave their actor and form a new one named `name`.
    Split {
        mentions: Vec<MentionId>,
        name: String,
    },
    Rename {
        actor: ActorRef,
        name: String,
    },
    /// Another name for the actor; mentions named so join it.
    AddAlias {
        actor: ActorRef,
        alias: String,
    },
    /// Hides a name from the actor's aliases (its mentions stay).
    RemoveAlias {
        actor: ActorRef,
        alias: String,
    },
    SetKind {
        actor: ActorRef,
        kind: ActorKind,
    },
    /// `member` is part of `group` (a task force of a coalition, a person of a body).
    PartOf {
        member: ActorRef,
        group: ActorRef,
    },
    /// Removes a membership, automatic or not.
    NotPartOf {
        member: ActorRef,
        group: ActorRef,
    },
}

/// A project-wide actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlobalActor {
    /// A key unique in this result (the display name's [`name_key`], numbered on clashes);
    /// good for grouping statements by actor, not for storing edits (use [`ActorRef`]).
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    /// Every other name used for it, in every script, as first written.
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<MentionId>,
    /// Indexes into the result of the groups this actor is part of.
    pub part_of: Vec<usize>,
}

/// Per-cluster state while resolving.
#[derive(Default)]
struct Cluster {
    members: Vec<usize>,
    name: Option<String>,
    kind: Option<ActorKind>,
    extra_aliases: Vec<String>,
    hidden: HashSet<String>,
}

struct Registry<'a> {
    /// The mentions as the articles name them, which edits refer to.
    raw: &'a [ActorMention],
    /// The same mentions as the rules matched them ([`cleaned_mention`]).
    mentions: &'a [ActorMention],
    label: Vec<usize>,
    clusters: Vec<Cluster>,
}

impl Registry<'_> {
    /// Moves `from`'s members into `into` (smaller into larger lists, keeping `into`'s
    /// overrides).
    fn merge(&mut self, into: usize, from: usize) {
        if into == from {
            return;
        }
        let moved = std::mem::take(&mut self.clusters[from]);
        for &m in &moved.members {
            self.label[m] = into;
        }
        let target = &mut self.clusters[into];
        target.members.extend(moved.members);
        target.name = target.name.take().or(moved.name);
        target.kind = target.kind.or(moved.kind);
        target.extra_aliases.extend(moved.extra_aliases);
        target.hidden.extend(moved.hidden);
    }

    fn clusters_of(&self, r: &ActorRef, by_id: &HashMap<&MentionId, usize>) -> Vec<usize> {
        let mut out: Vec<usize> = match r {
            ActorRef::Mention(id) => by_id.get(id).map(|&m| self.label[m]).into_iter().collect(),
            ActorRef::Name(n) => {
                let key = name_key(n);
                let named: Vec<usize> = (0..self.mentions.len())
                    .filter(|&i| {
                        name_key(&self.raw[i].name) == key
                            || name_key(&self.mentions[i].name) == key
                    })
                    .map(|i| self.label[i])
                    .collect();
                if named.is_empty() {
                    let aliased = self
                        .raw
                        .iter()
                        .chain(self.mentions)
                        .enumerate()
                        .filter(|(_, m)| m.aliases.iter().any(|a| name_key(a) == key));
                    let n = self.mentions.len();
                    let aliased = aliased.map(|(i, m)| (i % n, m));
                    let mut by_alias: Vec<usize> = aliased.map(|(i, _)| self.label[i]).collect();
                    by_alias.extend(
                        self.clusters
                            .iter()
                            .enumerate()
                            .filter(|(_, c)| c.extra_aliases.iter().any(|a| name_key(a) == key))
                            .map(|(i, _)| i),
                    );
                    by_alias
                } else {
                    named
                }
            }
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The mention as the rules match it: its name without titles, roles or run-on words
/// ([`mention::clean`]), its aliases likewise, and a fuller name found in a role as one
/// more alias. Its id stays the article's, so that edits keep naming it.
fn cleaned_mention(m: &ActorMention) -> ActorMention {
    let clean = mention::clean(&m.name, m.kind, &m.roles);
    let mut out = m.clone();
    out.aliases = m
        .aliases
        .iter()
        .map(|a| mention::clean(a, clean.kind, &[]).name)
        .chain(clean.fuller)
        .collect();
    out.name = clean.name;
    out.kind = clean.kind;
    out.roles.extend(clean.roles);
    out
}

/// [`cleaned_mention`] of every mention, each distinct name, kind, roles and aliases cleaned
/// once (a project names its main actors the same way in many articles).
fn cleaned_mentions(mentions: &[ActorMention]) -> Vec<ActorMention> {
    type Shape<'m> = (&'m str, ActorKind, &'m [String], &'m [String]);
    let mut done: HashMap<Shape<'_>, ActorMention> = HashMap::new();
    mentions
        .iter()
        .map(|m| {
            let shape = (m.name.as_str(), m.kind, &m.roles[..], &m.aliases[..]);
            let clean = done.entry(shape).or_insert_with(|| cleaned_mention(m));
            ActorMention {
                id: m.id.clone(),
                article: m.article.clone(),
                titles: m.titles.clone(),
                ..clean.clone()
            }
        })
        .collect()
}

fn is_person(kind: ActorKind) -> bool {
    kind == ActorKind::Person
}

/// Clusters actor mentions from many articles into project-wide actors, then applies the
/// analyst's edits in order. See the module docs for the rules and why edits survive
/// re-analysis. The result is ordered by each actor's first mention.
pub fn resolve(mentions: &[ActorMention], edits: &[ActorEdit]) -> Vec<GlobalActor> {
    resolve_with(mentions, edits, None)
}

/// [`resolve`] with a bilingual dictionary, by which organisations' names in Arabic and in
/// English that translate each other word for word are one actor (step 1c).
pub fn resolve_with(
    mentions: &[ActorMention],
    edits: &[ActorEdit],
    dict: Option<&Bilingual>,
) -> Vec<GlobalActor> {
    let n = mentions.len();
    let cleaned = cleaned_mentions(mentions);
    let mut rules = Clustering::new(&cleaned);
    let weak = rules.same_name();
    rules.organisations_by_core();
    rules.short_forms_in_article();
    rules.partial_names();
    rules.bare_channels();
    rules.spelt_out_acronyms();
    if let Some(dict) = dict {
        rules.organisations_across_scripts(dict);
        rules.acronyms_across_scripts(dict);
    }
    rules.person_full_names();
    rules.one_word_names(weak);
    rules.role_descriptions();
    rules.descriptions_in_article();

    // clusters from the union-find, labelled by their smallest member
    let mut reg = Registry {
        raw: mentions,
        mentions: &cleaned,
        label: vec![0; n],
        clusters: Vec::new(),
    };
    let mut root_label: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let root = rules.find(i);
        let next = reg.clusters.len();
        let label = *root_label.entry(root).or_insert(next);
        if label == next {
            reg.clusters.push(Cluster::default());
        }
        reg.clusters[label].members.push(i);
        reg.label[i] = label;
    }

    // 4. the analyst's edits, in order
    let by_id: HashMap<&MentionId, usize> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (&m.id, i))
        .collect();
    let mut memberships: Vec<(ActorRef, ActorRef, bool)> = Vec::new();
    for edit in edits {
        match edit {
            ActorEdit::Merge { a, b } => {
                let targets = reg.clusters_of(a, &by_id);
                if let Some(&into) = targets.first() {
                    // the first actor's name wins, as it reads now: the joined mentions
                    // must not change which of the names is shown
                    if reg.clusters[into].name.is_none() && !reg.clusters[into].members.is_empty() {
                        let shown = build_actor(&cleaned, &reg.clusters[into]).name;
                        reg.clusters[into].name = Some(shown);
                    }
                    for from in targets[1..]
                        .iter()
                        .copied()
                        .chain(reg.clusters_of(b, &by_id))
                    {
                        reg.merge(into, from);
                    }
                }
            }
            ActorEdit::Split {
                mentions: moved,
                name,
            } => {
                let new = reg.clusters.len();
                reg.clusters.push(Cluster {
                    name: Some(name.clone()),
                    ..Cluster::default()
                });
                for id in moved {
                    if let Some(&m) = by_id.get(id) {
                        let old = reg.label[m];
                        reg.clusters[old].members.retain(|&x| x != m);
                        reg.clusters[new].members.push(m);
                        reg.label[m] = new;
                    }
                }
            }
            ActorEdit::Rename { actor, name } => {
                for c in reg.clusters_of(actor, &by_id) {
                    reg.clusters[c].name = Some(name.clone());
                }
            }
            ActorEdit::AddAlias { actor, alias } => {
                let targets = reg.clusters_of(actor, &by_id);
                if let Some(&into) = targets.first() {
                    for from in reg.clusters_of(&ActorRef::Name(alias.clone()), &by_id) {
                        reg.merge(into, from);
                    }
                    reg.clusters[into].extra_aliases.push(alias.clone());
                    reg.clusters[into].hidden.remove(&name_key(alias));
                }
            }
            ActorEdit::RemoveAlias { actor, alias } => {
                for c in reg.clusters_of(actor, &by_id) {
                    reg.clusters[c].hidden.insert(name_key(alias));
                }
            }
            ActorEdit::SetKind { actor, kind } => {
                for c in reg.clusters_of(actor, &by_id) {
                    reg.clusters[c].kind = Some(*kind);
                }
            }
            ActorEdit::PartOf { member, group } => {
                memberships.push((member.clone(), group.clone(), true))
            }
            ActorEdit::NotPartOf { member, group } => {
                memberships.push((member.clone(), group.clone(), false))
            }
        }
    }

    // output, ordered by first mention
    let mut order: Vec<usize> = (0..reg.clusters.len())
        .filter(|&c| !reg.clusters[c].members.is_empty())
        .collect();
    order.sort_by_key(|&c| reg.clusters[c].members.iter().min().copied());
    let mut out_index = vec![usize::MAX; reg.clusters.len()];
    let mut used_keys: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(order.len());
    for &c in &order {
        out_index[c] = out.len();
        let actor = build_actor(&cleaned, &reg.clusters[c]);
        let count = used_keys.entry(actor.key.clone()).or_insert(0);
        *count += 1;
        let mut actor = actor;
        if *count > 1 {
            actor.key = format!("{}#{}", actor.key, count);
        }
        out.push(actor);
    }

    // memberships: automatic from roles, then the analyst's
    let mut org_keys: HashMap<String, usize> = HashMap::new();
    for (i, m) in cleaned
        .iter()
        .enumerate()
        .filter(|(_, m)| !is_person(m.kind) && m.kind != ActorKind::Unnamed)
    {
        for name in std::iter::once(&m.name).chain(&m.aliases) {
            org_keys
                .entry(name_key(name))
                .or_insert(out_index[reg.label[i]]);
        }
    }
    let org_words: HashSet<&str> = org_keys.keys().flat_map(|k| k.split(' ')).collect();
    let mut relations: HashSet<(usize, usize)> = HashSet::new();
    for (idx, actor) in out.iter().enumerate() {
        for role in &actor.roles {
            let words: Vec<String> = name_words(role)
                .into_iter()
                .map(|w| role_word(w, &org_words))
                .collect();
            for start in 0..words.len() {
                for end in start + 1..=words.len().min(start + 6) {
                    if let Some(&g) = org_keys.get(&words[start..end].join(" ")) {
                        if g != idx {
                            relations.insert((idx, g));
                        }
                    }
                }
            }
        }
    }
    for (member, group, add) in memberships {
        for m in reg.clusters_of(&member, &by_id) {
            for g in reg.clusters_of(&group, &by_id) {
                let pair = (out_index[m], out_index[g]);
                if pair.0 == usize::MAX || pair.1 == usize::MAX || pair.0 == pair.1 {
                    continue;
                }
                if add {
                    relations.insert(pair);
                } else {
                    relations.remove(&pair);
                }
            }
        }
    }
    let mut relations: Vec<(usize, usize)> = relations.into_iter().collect();
    relations.sort_unstable();
    for (m, g) in relations {
        out[m].part_of.push(g);
    }
    out
}

/// A role word as it would appear in an organisation's name: «لقوات» → «قوات» (a glued
/// preposition), "nbc's" → "nbc".
fn role_word(word: String, org_words: &HashSet<&str>) -> String {
    if org_words.contains(word.as_str()) {
        return word;
    }
    let bare = word.strip_suffix("'s").unwrap_or(&word);
    let unglued = bare
        .strip_prefix(['ل', 'ب', 'و', 'ف'])
        .filter(|r| r.chars().count() >= 3 && org_words.contains(r));
    unglued.unwrap_or(bare).to_owned()
}

/// Pushes `s` unless a string with the same [`name_key`] is already there.
fn push_distinct(list: &mut Vec<String>, keys: &mut HashSet<String>, s: &str) {
    let key = name_key(s);
    if !key.is_empty() && keys.insert(key) {
        list.push(s.trim().to_owned());
    }
}

fn build_actor(mentions: &[ActorMention], c: &Cluster) -> GlobalActor {
    let members: Vec<&ActorMention> = c.members.iter().map(|&m| &mentions[m]).collect();
    let kind = c.kind.unwrap_or_else(|| {
        let mut counts: BTreeMap<u8, (usize, ActorKind)> = BTreeMap::new();
        for m in &members {
            counts.entry(m.kind as u8).or_insert((0, m.kind)).0 += 1;
        }
        counts
            .values()
            .max_by_key(|(n, _)| *n)
            .map(|(_, k)| *k)
            .unwrap_or(ActorKind::Unnamed)
    });
    // the display name: the analyst's, else the most used fullest name
    let name = c.name.clone().unwrap_or_else(|| {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &members {
            *counts.entry(m.name.trim()).or_default() += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(name, count)| {
                let words = name_words(name).len().min(3);
                let acronym = looks_like_acronym(name);
                (
                    words >= 2 || !is_person(kind),
                    !acronym,
                    !names::is_channel(name),
                    names::led_organisation(name).is_none(),
                    *count,
                    words,
                    !names::is_arabic(name),
                )
            })
            .map(|(n, _)| n.to_owned())
            .unwrap_or_default()
    });
    let mut keys = HashSet::from([name_key(&name)]);
    keys.extend(c.hidden.iter().cloned());
    let mut aliases = Vec::new();
    for m in &members {
        for a in std::iter::once(&m.name).chain(&m.aliases) {
            push_distinct(&mut aliases, &mut keys, a);
        }
    }
    for a in &c.extra_aliases {
        push_distinct(&mut aliases, &mut keys, a);
    }
    let (mut titles, mut roles) = (Vec::new(), Vec::new());
    let (mut tk, mut rk) = (HashSet::new(), HashSet::new());
    for m in &members {
        m.titles
            .iter()
            .for_each(|t| push_distinct(&mut titles, &mut tk, t));
        m.roles
            .iter()
            .for_each(|r| push_distinct(&mut roles, &mut rk, r));
    }
    let mut ids: Vec<MentionId> = members.iter().map(|m| m.id.clone()).collect();
    ids.sort();
    GlobalActor {
        key: name_key(&name),
        name,
        kind,
        aliases,
        titles,
        roles,
        mentions: ids,
        part_of: Vec::new(),
    }
}
