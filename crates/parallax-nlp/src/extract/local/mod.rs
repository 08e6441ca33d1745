//! Actors inside one article: from speaker mentions to [`LocalActor`]s.
//!
//! A mention is split into its name, titles and roles ([`parse_mention`]); it then resolves
//! to an earlier actor when one of their names is a leading or trailing part of the other
//! («ناصيف» of «سليم ناصيف», "the alliance" of "the Nordic-led alliance"), when it is an
//! acronym the article introduced in parentheses, or when it is a definite description
//! ("the Danish general", «المسؤولة الفرنسية») whose head matches a recent actor's title or
//! role. Pronouns and subject-less verbs are resolved by [`Registry::recent`] with gender.
//! When the article is read, a description made only of a role noun ("the group's chief") is
//! the one person the article names in a role of that kind ("NLF leader Tomas Brenner").
//! People named with a title who do not speak are actors without statements; without
//! capitals (Arabic) a name is two or three plain words after a title.
//!
//! Lookups go through an index from name words to actors, so resolution stays linear in the
//! article's length. Cross-article identity (transliterations, «برينر» vs "Brenner") is
//! left to [`crate::actors`].

use std::collections::HashMap;

use super::lexicon::{FastHash, Gender, Lexicon};
use super::scan::Scan;
use super::{ActorKind, LocalActor, Span};
use crate::text::strip_arabic_proclitic;

mod collect;
mod mention;

pub(crate) use mention::parse_mention;

/// A speaker mention split into its parts.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The name as written (words joined by spaces), or the whole description.
    pub name: String,
    /// Folded name words: the key actors are matched on.
    pub key: Vec<String>,
    /// Whether the mention carries a proper name rather than only a description.
    pub named: bool,
    /// Whether it is an indefinite description ("a source"), which never refers back.
    pub indefinite: bool,
    pub kind: ActorKind,
    pub gender: Gender,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    /// Folded title and role words, for matching later descriptions.
    pub role_words: Vec<String>,
    /// The head of a description ("general" in "the Danish general").
    pub head: Option<String>,
    /// Folded words of the roles, joined, for meeting a role-only actor again.
    pub role_key: Vec<Vec<String>>,
    pub aliases: Vec<String>,
    /// The kind of role ([`Lexicon::role_classes`]) of a description made only of a role
    /// noun with a generic possessor or none: "the group's chief", "its spokesman".
    pub role_class: Option<String>,
    pub span: Span,
}

#[derive(Debug)]
struct Draft {
    name: String,
    key: Vec<String>,
    named: bool,
    kind: ActorKind,
    gender: Gender,
    titles: Vec<String>,
    roles: Vec<String>,
    role_words: Vec<String>,
    aliases: Vec<String>,
    mentions: Vec<Span>,
    indefinite: bool,
    role_class: Option<String>,
}

/// A person the article names in a role: "Northern Liberation Front leader Tomas Brenner",
/// "Brenner heads up the NLF".
#[derive(Debug)]
struct RoleHolder {
    /// The role's kind, from [`Lexicon::role_classes`].
    class: String,
    /// The name as written (one to three words).
    name: String,
    words: usize,
    /// The key of the name's last word.
    surname: String,
}

/// The actors of one article while it is being read.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    actors: Vec<Draft>,
    parent: Vec<usize>,
    /// Name word → actors whose key contains it.
    index: HashMap<String, Vec<usize>, FastHash>,
    /// Folded acronym → folded words of what it stands for, and back.
    acronyms: HashMap<String, Vec<String>, FastHash>,
    expansions: HashMap<Vec<String>, String, FastHash>,
    /// Actors of the statements so far, in text order, with the paragraph they spoke in and
    /// the gender their verb showed there (Arabic verbs agree with the mention, not the actor).
    history: Vec<(usize, u32, Gender)>,
    /// Full names written anywhere in the article ("General Ruth Halloway, the commander…"),
    /// by the key of their last word, for naming a person quoted only by surname.
    full_names: HashMap<String, Vec<(String, bool)>, FastHash>,
    /// People named in a role, for the generic descriptions of that role ("the group's
    /// chief").
    role_holders: Vec<RoleHolder>,
}

/// How far back pronouns and subject-less verbs look for their antecedent.
const RECENT: usize = 24;
/// Letters a word in capitals needs to be an acronym ("UN"); one capital is an initial.
const MIN_ACRONYM_LETTERS: usize = 2;
/// Most recent actors per name word considered when matching a mention; bounds the work on
/// an article naming one word (a family name) very often, at the cost of missing an actor
/// only mentioned long before.
const MAX_CANDIDATES_PER_WORD: usize = 64;
/// Statements an actor needs to be the article's main speaker; one statement is no evidence
/// of being the article's subject.
const MIN_MAIN_SPEAKER_STATEMENTS: usize = 2;
/// Letters an organisation's name or alias needs to be searched for in an official's role
/// ("chair of the NWRB"); shorter ones match inside unrelated words.
const MIN_ORG_NAME_CHARS: usize = 3;

impl Registry {
    /// A registry for one article, with the names collected from the whole text.
    pub(crate) fn new(scan: &Scan<'_>, lex: &Lexicon) -> Registry {
        let mut reg = Registry::default();
        reg.collect_acronyms(scan, lex);
        reg.collect_full_names(scan, lex);
        reg.collect_role_holders(scan, lex);
        reg
    }

    /// The actor `a` was merged into (union-find root).
    fn find(&self, mut a: usize) -> usize {
        while self.parent[a] != a {
            a = self.parent[a];
        }
        a
    }

    /// The actor a mention names, creating it if it is new.
    pub(crate) fn resolve(&mut self, m: Mention, recent_para: u32, lex: &Lexicon) -> usize {
        let found = if m.indefinite || m.key.is_empty() {
            None
        } else if m.named || m.kind != ActorKind::Person {
            self.match_name(&m).or_else(|| {
                if m.named {
                    self.match_role_only(&m)
                } else {
                    None
                }
            })
        } else {
            None
        }
        .or_else(|| {
            if m.named || m.indefinite {
                None
            } else {
                self.match_description(&m, lex)
            }
        });
        let _ = recent_para;
        match found {
            Some(a) => {
                self.absorb(a, m);
                a
            }
            None => self.create(m),
        }
    }

    /// Actors sharing a name word with `key`, through the index.
    fn candidates(&self, key: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for w in key {
            if let Some(ids) = self.index.get(w) {
                for &id in ids.iter().rev().take(MAX_CANDIDATES_PER_WORD) {
                    let root = self.find(id);
                    if !out.contains(&root) {
                        out.push(root);
                    }
                }
            }
        }
        out
    }

    /// The most recently mentioned actor whose name equals the mention's, or has it as a
    /// leading or trailing part (or the reverse), directly or through an acronym.
    fn match_name(&self, m: &Mention) -> Option<usize> {
        let mut keys = vec![m.key.clone()];
        if m.key.len() == 1 {
            if let Some(exp) = self.acronyms.get(&m.key[0]) {
                keys.push(exp.clone());
            }
        }
        if let Some(acro) = self.expansions.get(&m.key) {
            keys.push(vec![acro.clone()]);
        }
        let mut best: Option<(usize, usize)> = None;
        for key in &keys {
            for a in self.candidates(key) {
                let d = &self.actors[a];
                if d.indefinite || (d.kind == ActorKind::Unnamed) != (m.kind == ActorKind::Unnamed)
                {
                    continue;
                }
                let same = key == &d.key
                    || part_of(key, &d.key)
                    || part_of(&d.key, key)
                    || d.aliases_keys().any(|k| &k == key);
                if same {
                    let last = d.mentions.last().map_or(0, |s| s.start);
                    if best.is_none_or(|(_, l)| last > l) {
                        best = Some((a, last));
                    }
                }
            }
        }
        best.map(|(a, _)| a)
    }

    /// A named mention whose role is the description an earlier, nameless actor went by.
    fn match_role_only(&self, m: &Mention) -> Option<usize> {
        for rk in &m.role_key {
            for a in self.candidates(rk) {
                let d = &self.actors[a];
                if !d.named && !d.indefinite && (d.key == *rk || part_of(&d.key, rk)) {
                    return Some(a);
                }
            }
        }
        None
    }

    /// A definite description taking up a recent actor: "the Danish general".
    fn match_description(&self, m: &Mention, lex: &Lexicon) -> Option<usize> {
        let head = m.head.as_deref()?;
        let generic = lex.generic_persons.contains(head);
        for &(a, _, _) in self.history.iter().rev().take(RECENT) {
            let a = self.find(a);
            let d = &self.actors[a];
            if d.kind != ActorKind::Person || !d.named || !d.gender.agrees(m.gender) {
                continue;
            }
            if d.role_words.iter().any(|w| w == head) || generic {
                return Some(a);
            }
        }
        None
    }

    /// A new actor for a mention no earlier actor matches.
    fn create(&mut self, m: Mention) -> usize {
        let id = self.actors.len();
        for w in &m.key {
            self.index.entry(w.clone()).or_default().push(id);
        }
        self.actors.push(Draft {
            name: m.name,
            key: m.key,
            named: m.named,
            kind: m.kind,
            gender: m.gender,
            titles: m.titles,
            roles: m.roles,
            role_words: m.role_words,
            aliases: m.aliases,
            mentions: vec![m.span],
            indefinite: m.indefinite,
            role_class: m.role_class,
        });
        self.parent.push(id);
        id
    }

    /// Adds what a new mention says about an actor; a fuller name replaces a shorter one.
    fn absorb(&mut self, a: usize, m: Mention) {
        let fuller = m.named && (!self.actors[a].named || m.key.len() > self.actors[a].key.len());
        if fuller {
            for w in &m.key {
                self.index.entry(w.clone()).or_default().push(a);
            }
        }
        let d = &mut self.actors[a];
        if fuller {
            let old = std::mem::replace(&mut d.name, m.name);
            d.key = m.key;
            if d.named {
                push_new(&mut d.aliases, old);
            } else {
                push_new(&mut d.roles, old);
                d.kind = m.kind;
            }
            d.named = true;
        } else if m.name != d.name && m.named {
            push_new(&mut d.aliases, m.name);
        }
        if d.gender == Gender::Unknown {
            d.gender = m.gender;
        }
        for t in m.titles {
            push_new(&mut d.titles, t);
        }
        for r in m.roles {
            push_new(&mut d.roles, r);
        }
        for w in m.role_words {
            push_new(&mut d.role_words, w);
        }
        for al in m.aliases {
            push_new(&mut d.aliases, al);
        }
        if d.role_class.is_none() && !d.named {
            d.role_class = m.role_class;
        }
        d.mentions.push(m.span);
    }

    /// Records that actor `a` made a statement in paragraph `para`, with a verb of gender `g`.
    pub(crate) fn spoke(&mut self, a: usize, para: u32, g: Gender) {
        self.history.push((a, para, g));
    }

    /// Notes the gender a verb or pronoun showed for an actor, if none was known.
    pub(crate) fn note_gender(&mut self, a: usize, g: Gender) {
        let a = self.find(a);
        if self.actors[a].gender == Gender::Unknown && g != Gender::Unknown {
            self.actors[a].gender = g;
        }
    }

    /// The most recent speaker a pronoun or subject-less verb of gender `g` can refer to.
    /// `persons_first` prefers people for "he"/"she"; "it" looks for a non-person.
    /// With `person` ("he", "she"), people and unnamed sources come first, an organisation
    /// or state body only when no person spoke recently, and a medium never ("he said" after
    /// "…, an agency reported" is not the agency).
    pub(crate) fn recent(&self, g: Gender, person: bool) -> Option<usize> {
        if person {
            let people =
                self.recent_among(g, &|k| matches!(k, ActorKind::Person | ActorKind::Unnamed));
            return people.or_else(|| self.recent_among(g, &|k| k != ActorKind::Media));
        }
        self.recent_among(g, &|_| true)
    }

    /// Among the last [`RECENT`] speakers of the given kinds, the latest whose gender is `g`,
    /// else the latest that agrees with it, else (unless neuter) the latest.
    fn recent_among(&self, g: Gender, kinds: &dyn Fn(ActorKind) -> bool) -> Option<usize> {
        let recent = || {
            self.history
                .iter()
                .rev()
                .take(RECENT)
                .map(|&(a, _, g)| (self.find(a), g))
                .filter(|&(a, _)| kinds(self.actors[a].kind))
        };
        // A subject-less verb agrees with how the speaker was last spoken of: «وقالت الهيئة…»
        // then «وأضافت» is that actor's, even when its name is masculine («التحالف»).
        let fits = |(a, said): (usize, Gender), exact: bool| {
            let d = &self.actors[a];
            let gender = if said == Gender::Unknown || said == Gender::Plural {
                d.gender
            } else {
                said
            };
            let kind_ok = match g {
                Gender::Neuter => d.kind != ActorKind::Person,
                Gender::Plural => d.kind != ActorKind::Person || d.gender == Gender::Plural,
                _ => true,
            };
            kind_ok && if exact { gender == g } else { gender.agrees(g) }
        };
        recent()
            .find(|&e| fits(e, true))
            .or_else(|| recent().find(|&e| fits(e, false)))
            .or_else(|| {
                if g == Gender::Neuter {
                    None
                } else {
                    recent().next()
                }
            })
            .map(|(a, _)| a)
    }

    /// The last speaker and the paragraph they spoke in.
    pub(crate) fn last(&self) -> Option<(usize, u32)> {
        self.history.last().map(|&(a, p, _)| (self.find(a), p))
    }

    /// The actor with the most statements so far, if one spoke more than once.
    pub(crate) fn main_speaker(&self) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for &(a, _, _) in &self.history {
            let a = self.find(a);
            match counts.iter_mut().find(|(b, _)| *b == a) {
                Some((_, n)) => *n += 1,
                None => counts.push((a, 1)),
            }
        }
        // The first to reach the highest count wins a tie.
        let best =
            counts
                .iter()
                .fold(None, |best: Option<(usize, usize)>, &(a, n)| match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((a, n)),
                })?;
        (best.1 >= MIN_MAIN_SPEAKER_STATEMENTS).then_some(best.0)
    }

    /// Whether the actor has been mentioned only once (a mention nothing else took up).
    pub(crate) fn only_mentioned_once(&self, a: usize) -> bool {
        self.actors[self.find(a)].mentions.len() == 1
    }

    /// The people the article names with a role that names this organisation, by its name
    /// or an alias ("Chair of the Northern Water Rights Board
    /// (NWRB)" for "NWRB"); none when the actor is not an organisation.
    pub(crate) fn officials_of(&self, org: usize) -> Vec<usize> {
        let o = &self.actors[self.find(org)];
        if !matches!(o.kind, ActorKind::Organisation | ActorKind::StateBody) {
            return Vec::new();
        }
        let words = |s: &str| format!(" {} ", crate::text::match_tokens(s).join(" "));
        // its names, and what the article says an acronym of them stands for
        let mut names: Vec<String> = Vec::new();
        for n in std::iter::once(&o.name).chain(&o.aliases) {
            names.push(words(n));
            let folded = crate::text::match_tokens(n).join("");
            if let Some(expansion) = self.acronyms.get(&folded) {
                names.push(format!(" {} ", expansion.join(" ")));
            }
        }
        names.retain(|n| n.trim().chars().count() >= MIN_ORG_NAME_CHARS);
        (0..self.actors.len())
            .filter(|&i| self.find(i) == i && self.actors[i].kind == ActorKind::Person)
            .filter(|&i| {
                self.actors[i].roles.iter().any(|r| {
                    let role = words(r);
                    names.iter().any(|n| role.contains(n.as_str()))
                })
            })
            .collect()
    }

    /// Whether the actor carries a proper name.
    pub(crate) fn is_named(&self, a: usize) -> bool {
        self.actors[self.find(a)].named
    }

    /// Whether the actor is a person with a proper name whose name words include `word`.
    pub(crate) fn person_named(&self, a: usize, word: &str) -> bool {
        let d = &self.actors[self.find(a)];
        d.named && d.kind == ActorKind::Person && d.key.iter().any(|k| k == word)
    }

    /// Makes `from` the same actor as `into`, keeping `into`'s name; `from`'s description
    /// becomes one of its roles.
    pub(crate) fn merge_into(&mut self, from: usize, into: usize) {
        let (from, into) = (self.find(from), self.find(into));
        if from == into {
            return;
        }
        let mentions = std::mem::take(&mut self.actors[from].mentions);
        let roles = std::mem::take(&mut self.actors[from].roles);
        let name = std::mem::take(&mut self.actors[from].name);
        let target = &mut self.actors[into];
        target.mentions.extend(mentions);
        for r in roles.into_iter().chain(std::iter::once(name)) {
            push_new(&mut target.roles, r);
        }
        self.parent[from] = into;
    }

    /// The root of an actor id (ids may be merged).
    pub(crate) fn root(&self, a: usize) -> usize {
        self.find(a)
    }

    /// Finished actors, and a map from registry ids to their index in it.
    /// The one person the article names in a role of kind `class`, as their fullest name and
    /// its key; `None` when it names none or several.
    fn role_holder(&self, class: &str) -> Option<(String, Vec<String>)> {
        let mut found: Option<(&str, &str)> = None;
        for h in self.role_holders.iter().filter(|h| h.class == class) {
            // "Brenner heads…": the one full name the article writes with that surname.
            let name = match self.full_names.get(&h.surname).map(Vec::as_slice) {
                Some([(full, _)]) if h.words == 1 => full.as_str(),
                _ => h.name.as_str(),
            };
            match found {
                Some((surname, _)) if surname != h.surname => return None,
                Some((_, known))
                    if known.split_whitespace().count() >= name.split_whitespace().count() => {}
                _ => found = Some((&h.surname, name)),
            }
        }
        let (_, name) = found?;
        let key = name
            .split_whitespace()
            .filter(|w| !w.ends_with('.'))
            .map(|w| key_word(&crate::text::fold_for_match(w)))
            .collect();
        Some((name.to_string(), key))
    }

    /// A description made only of a role noun with a generic possessor ("the group's chief")
    /// is the one person the article names in a role of that kind ("NLF leader Tomas
    /// Brenner"): it joins that person's actor, or takes the person's name when they do not
    /// speak. Several such people, or none, leave it as it is.
    fn resolve_role_descriptions(&mut self) {
        for a in 0..self.actors.len() {
            let d = &self.actors[a];
            if self.parent[a] != a
                || d.named
                || d.indefinite
                || !matches!(d.kind, ActorKind::Person | ActorKind::Unnamed)
            {
                continue;
            }
            let Some(class) = d.role_class.clone() else {
                continue;
            };
            let Some((name, key)) = self.role_holder(&class) else {
                continue;
            };
            let surname = key.last().cloned().unwrap_or_default();
            let same: Vec<usize> = (0..self.actors.len())
                .filter(|&b| {
                    let o = &self.actors[b];
                    self.parent[b] == b
                        && o.named
                        && o.kind == ActorKind::Person
                        && o.key.last() == Some(&surname)
                })
                .collect();
            match same.as_slice() {
                [one] => {
                    let one = *one;
                    self.merge_into(a, one);
                    let o = &mut self.actors[one];
                    if o.name != name && o.key.len() < key.len() {
                        push_new(&mut o.aliases, name);
                    }
                }
                [] => {
                    let d = &mut self.actors[a];
                    let description = std::mem::replace(&mut d.name, name);
                    push_new(&mut d.roles, description);
                    d.key = key;
                    d.named = true;
                    d.kind = ActorKind::Person;
                }
                _ => {}
            }
        }
    }

    /// The article's actors, and for each registry id the index of its actor.
    pub(crate) fn finish(mut self) -> (Vec<LocalActor>, Vec<usize>) {
        self.resolve_role_descriptions();
        let mut map = vec![usize::MAX; self.actors.len()];
        let mut out = Vec::new();
        for (i, mut d) in self.actors.into_iter().enumerate() {
            if self.parent[i] != i {
                continue;
            }
            map[i] = out.len();
            // A person quoted only by surname is also known by the one full name the article
            // writes with that surname, when a title shows it is a person's name ("General
            // Ruth Halloway, the commander…" for "Halloway said"). It is kept as an alias:
            // the name stays the one the statements use.
            if d.named && d.kind == ActorKind::Person && d.key.len() == 1 {
                if let Some([(full, true)]) = self.full_names.get(&d.key[0]).map(Vec::as_slice) {
                    push_new(&mut d.aliases, full.clone());
                }
            }
            let mut aliases = d.aliases;
            aliases.retain(|a| *a != d.name);
            out.push(LocalActor {
                name: d.name,
                kind: d.kind,
                titles: d.titles,
                roles: d.roles,
                aliases,
                mentions: d.mentions,
            });
        }
        // People the article names with a title but who do not speak ("Gen. Ruth K.
        // Halloway") are actors too, without statements: the one person of that surname who
        // speaks takes the name as an alias; otherwise the name is an actor of its own. Their
        // names let the project's registry meet other spellings of them ("Ruthie Halloway").
        let mut titled: Vec<(&String, &String)> = self
            .full_names
            .iter()
            .flat_map(|(key, names)| {
                names
                    .iter()
                    .filter(|(_, titled)| *titled)
                    .map(move |(full, _)| (key, full))
            })
            .collect();
        titled.sort();
        for (key, full) in titled {
            if out
                .iter()
                .any(|a| a.name == *full || a.aliases.contains(full))
            {
                continue;
            }
            let surname_of = |a: &LocalActor| {
                a.name
                    .split_whitespace()
                    .last()
                    .map(|w| key_word(&crate::text::fold_for_match(w)))
            };
            let same: Vec<usize> = (0..out.len())
                .filter(|&k| {
                    out[k].kind == ActorKind::Person && surname_of(&out[k]).as_ref() == Some(key)
                })
                .collect();
            match same.as_slice() {
                [one] => push_new(&mut out[*one].aliases, full.clone()),
                [] => out.push(LocalActor {
                    name: full.clone(),
                    kind: ActorKind::Person,
                    titles: Vec::new(),
                    roles: Vec::new(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                }),
                _ => {}
            }
        }
        for i in 0..map.len() {
            let mut r = i;
            while self.parent[r] != r {
                r = self.parent[r];
            }
            map[i] = map[r];
        }
        (out, map)
    }
}

impl Draft {
    /// The folded key words of each alias.
    fn aliases_keys(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.aliases.iter().map(|a| {
            a.split_whitespace()
                .map(|w| key_word(&w.to_lowercase()))
                .collect()
        })
    }
}

/// Appends a non-empty string unless it is already there.
fn push_new(v: &mut Vec<String>, s: String) {
    if !s.is_empty() && !v.contains(&s) {
        v.push(s);
    }
}

/// Whether `short` is a leading or trailing run of `long`'s words.
fn part_of(short: &[String], long: &[String]) -> bool {
    !short.is_empty()
        && short.len() < long.len()
        && (long.starts_with(short) || long.ends_with(short))
}

/// The matching form of one folded name word: without a glued conjunction or preposition
/// before the Arabic article, and without an English possessive.
pub(crate) fn key_word(folded: &str) -> String {
    let w = folded.trim_end_matches("'s").trim_end_matches('\'');
    strip_arabic_proclitic(w).into_owned()
}

/// A word written in capitals: "NLF", "NWRB".
fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}
