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
use std::ops::Range;

use super::lexicon::{FastHash, Gender, HeadKind, Lexicon};
use super::scan::{Kind, Scan};
use super::{ActorKind, LocalActor, Span};
use crate::text::strip_arabic_proclitic;

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
    /// The head of a description ("general" in "the U.S. general").
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

impl Registry {
    pub(crate) fn new(scan: &Scan<'_>, lex: &Lexicon) -> Registry {
        let mut reg = Registry::default();
        reg.collect_acronyms(scan, lex);
        reg.collect_full_names(scan, lex);
        reg.collect_role_holders(scan, lex);
        reg
    }

    /// Records the people the article names in a role of a [`Lexicon::role_classes`] kind:
    /// a name right after the role ("NLF leader Tomas Brenner", "the leader of the NLF,
    /// Tomas Brenner"), before it (", the commander of the NLF"), or the subject of a leading
    /// verb ("Brenner heads up the NLF"). Only languages that capitalise names are read.
    fn collect_role_holders(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        if !lex.capitalised_names || lex.role_classes.is_empty() {
            return;
        }
        let toks = &scan.toks;
        let class_at = |k: usize| -> Option<&String> {
            toks.get(k)
                .filter(|t| t.kind == Kind::Word)
                .and_then(|t| lex.role_classes.get(t.norm.as_ref()))
        };
        let is_word = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Word);
        let is_comma = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Comma);
        for run in name_runs(scan, lex) {
            let words: Vec<&str> = run
                .clone()
                .map(|k| &scan.text[toks[k].start..toks[k].end])
                .collect();
            let n = words.iter().filter(|w| !w.ends_with('.')).count();
            if !(1..=3).contains(&n) {
                continue;
            }
            // Titles and their dots between a role and the name: "SDF commander Gen. X"; a
            // title may itself be the role ("President Alma Ruiz").
            let mut b = run.start;
            while b > 0
                && class_at(b - 1).is_none()
                && (lex.titles.contains_key(toks[b - 1].norm.as_ref())
                    || scan.text[toks[b - 1].start..toks[b - 1].end] == *".")
            {
                b -= 1;
            }
            // "NLF leader Tomas Brenner", not "deputy leader Ines Varga".
            let right_after = b.checked_sub(1).and_then(|r| {
                let deputy =
                    r > 0 && is_word(r - 1) && lex.roles.contains(toks[r - 1].norm.as_ref());
                class_at(r).filter(|_| !deputy)
            });
            // "the leader of the Northern Liberation Front, Tomas Brenner".
            let after_of = || {
                if b == 0 || !is_comma(b - 1) {
                    return None;
                }
                let mut k = b - 1;
                let mut org = 0;
                while k > 0 && org < 8 {
                    k -= 1;
                    let t = &toks[k];
                    if t.kind != Kind::Word {
                        return None;
                    }
                    if lex.np_prepositions.contains(t.norm.as_ref()) && org > 0 {
                        return k.checked_sub(1).and_then(class_at);
                    }
                    if !(t.cap || lex.determiners.contains(t.norm.as_ref())) {
                        return None;
                    }
                    org += 1;
                }
                None
            };
            // "Tomas Brenner, the commander of the NLF" / "Tomas Brenner, NLF commander,".
            let before_role = || {
                if n < 2 || !is_comma(run.end) {
                    return None;
                }
                let mut k = run.end + 1;
                if toks
                    .get(k)
                    .is_some_and(|t| lex.determiners.contains(t.norm.as_ref()))
                {
                    k += 1;
                }
                for _ in 0..3 {
                    if let Some(c) = class_at(k) {
                        return Some(c);
                    }
                    if !toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.cap) {
                        return None;
                    }
                    k += 1;
                }
                None
            };
            // "Brenner heads up the rebel-led NLF militia network", not "Brenner heads to Oslo".
            let leads = || {
                let verb = toks.get(run.end).filter(|t| t.kind == Kind::Word)?;
                let class = lex.role_verbs.get(verb.norm.as_ref())?;
                let next = toks.get(run.end + 1)?;
                if next.kind != Kind::Word || lex.speaker_stops.contains(next.norm.as_ref()) {
                    return None;
                }
                let group = (run.end + 1..toks.len().min(run.end + 8))
                    .take_while(|&k| toks[k].kind == Kind::Word)
                    .any(|k| {
                        let w = &scan.text[toks[k].start..toks[k].end];
                        is_acronym(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                            || matches!(
                                lex.heads.get(toks[k].norm.as_ref()),
                                Some(HeadKind::Organisation | HeadKind::StateBody)
                            )
                    });
                group.then_some(class)
            };
            let Some(class) = right_after
                .or_else(after_of)
                .or_else(before_role)
                .or_else(leads)
            else {
                continue;
            };
            self.role_holders.push(RoleHolder {
                class: class.clone(),
                name: words.join(" "),
                words: n,
                surname: key_word(&toks[run.end - 1].norm),
            });
        }
    }

    /// Records the runs of two or three capitalised name words ("Ruth Halloway", "Tomas
    /// Brenner"): the full names the article writes, whether or not their bearer speaks.
    fn collect_full_names(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        if !lex.capitalised_names {
            self.collect_titled_names_without_capitals(scan, lex);
            return;
        }
        let toks = &scan.toks;
        for run in name_runs(scan, lex) {
            let words: Vec<&str> = run
                .clone()
                .map(|k| &scan.text[toks[k].start..toks[k].end])
                .collect();
            if (2..=3).contains(&words.iter().filter(|w| !w.ends_with('.')).count()) {
                let full = words.join(" ");
                // "Gen. Ruth Halloway": a title before the run marks a person's name.
                let mut b = run.start;
                while b > 0
                    && toks[b - 1].kind != Kind::Word
                    && scan.text[toks[b - 1].start..toks[b - 1].end] == *"."
                {
                    b -= 1;
                }
                let titled = b > 0 && lex.titles.contains_key(toks[b - 1].norm.as_ref());
                self.add_full_name(key_word(&toks[run.end - 1].norm), full, titled);
            }
        }
    }

    /// Arabic writes no capitals, so a name is known only by the title before it: two or three
    /// words after a title, inside quotation marks or not («الجنرال "سامر يوسف" قائد…»,
    /// «السفير مارك دالتون،»), none of them a word the lexicon knows, a place, or a word with
    /// the article. Unquoted, the name must be followed by what follows names (a role, a
    /// reporting verb, an apposition): a following word with the article may be the name's
    /// own («حسن نصر الله»), and a verb after a title reads like a name («الوزير يلتقي
    /// نظيره»).
    fn collect_titled_names_without_capitals(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        let Some(article) = lex.definite_article.as_deref() else {
            return;
        };
        let toks = &scan.toks;
        let word = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Word);
        let title = |k: usize| {
            word(k).is_some_and(|t| {
                lex.titles
                    .contains_key(strip_arabic_proclitic(&t.norm).as_ref())
            })
        };
        let quote_mark = |k: usize| {
            toks.get(k).is_some_and(|t| {
                matches!(t.kind, Kind::QuoteOpen | Kind::QuoteClose | Kind::Other)
                    && scan.text[t.start..t.end]
                        .chars()
                        .all(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’'))
            })
        };
        let listed = |f: &str| {
            lex.titles.contains_key(f)
                || lex.in_set(&lex.roles, f)
                || lex.heads.contains_key(f)
                || lex.heads.contains_key(lex.bare(f))
                || lex.cue(f).is_some()
                || lex.complementizers.contains(f)
        };
        let name_word = |k: usize| {
            word(k).is_some_and(|t| {
                let f = t.norm.as_ref();
                // «علي» (Ali) folds onto the preposition «على»; the spelling tells them apart.
                let ali = f == "علي" && scan.text[t.start..t.end].ends_with('ي');
                f.chars().count() >= 2
                    && f.chars().all(char::is_alphabetic)
                    && !f.starts_with(article)
                    && !strip_arabic_proclitic(f).starts_with(article)
                    && !listed(f)
                    && !lex.places.contains(f)
                    && (ali || !lex.speaker_stops.contains(f))
                    && !lex.time_words.contains(f)
                    && !lex.unnamed.contains(f)
                    && !lex.pronouns.contains_key(f)
                    && !lex.first_person.contains(f)
                    && !lex.leading_conjunctions.contains(f)
            })
        };
        // «الرئيس الفرنسي نبيل عازار»: an adjective of origin may sit between title and name.
        let nisba = |k: usize| {
            word(k).is_some_and(|t| {
                let f = t.norm.as_ref();
                f.starts_with(article)
                    && f.chars().count() >= 5
                    && (f.ends_with('ي') || f.ends_with("يه"))
                    && !listed(f)
            })
        };
        // «…نبيل عازار للضغط على اليونان»: a preposition or conjunction glued before the
        // article ends a name.
        let glued_article = |f: &str| {
            let bare = strip_arabic_proclitic(f);
            bare.as_ref() != f && bare.starts_with(article)
        };
        for i in 0..toks.len() {
            if !title(i) {
                continue;
            }
            let mut after = i + 1;
            while after < i + 3 && nisba(after) {
                after += 1;
            }
            let quoted = quote_mark(after);
            let start = after + usize::from(quoted);
            let mut end = start;
            while end < start + 4 && name_word(end) {
                end += 1;
            }
            if !(2..=3).contains(&(end - start)) {
                continue;
            }
            let ends = if quoted {
                quote_mark(end)
            } else {
                // What follows a name: a role, a reporting verb, «إن», a word with a glued
                // preposition before the article, or a comma and an apposition («الجنرال
                // سامر يوسف، قائد…»). Other punctuation may as well end a verb and its
                // object («الوزير يلتقي نظيره.»), and a quotation may follow a verbal noun
                // («الرئيس نبيل عازار إدراج “الحركة”»).
                let follows =
                    |k: usize| word(k).is_some_and(|t| listed(&t.norm) || glued_article(&t.norm));
                let apposition = toks.get(end).is_some_and(|t| t.kind == Kind::Comma)
                    && word(end + 1).is_some_and(|t| {
                        let f = t.norm.as_ref();
                        lex.titles.contains_key(f)
                            || lex.in_set(&lex.roles, f)
                            || (f.starts_with(article) && lex.cue(f).is_none())
                    });
                follows(end) || apposition
            };
            if !ends {
                continue;
            }
            let full = (start..end)
                .map(|k| &scan.text[toks[k].start..toks[k].end])
                .collect::<Vec<_>>()
                .join(" ");
            self.add_full_name(key_word(&toks[end - 1].norm), full, true);
        }
    }

    fn add_full_name(&mut self, surname: String, full: String, titled: bool) {
        let names = self.full_names.entry(surname).or_default();
        match names.iter_mut().find(|(n, _)| *n == full) {
            Some((_, t)) => *t |= titled,
            None => names.push((full, titled)),
        }
    }

    fn find(&self, mut a: usize) -> usize {
        while self.parent[a] != a {
            a = self.parent[a];
        }
        a
    }

    /// Records "Full Name (ACRONYM)" pairs the article introduces.
    fn collect_acronyms(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        let toks = &scan.toks;
        for i in 1..toks.len().saturating_sub(2) {
            if toks[i].kind != Kind::OpenParen
                || toks[i + 1].kind != Kind::Word
                || toks[i + 2].kind != Kind::CloseParen
            {
                continue;
            }
            let acro_text = &scan.text[toks[i + 1].start..toks[i + 1].end];
            let letters: Vec<char> = toks[i + 1]
                .norm
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            if letters.len() < 2 || letters.len() > 10 {
                continue;
            }
            let latin = acro_text.is_ascii();
            if latin
                && !acro_text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
            {
                continue;
            }
            // The words before the parenthesis, nearest first, while they can be part of a name.
            let mut words: Vec<&str> = Vec::new();
            let mut j = i;
            while j > 0 && words.len() < 10 {
                j -= 1;
                let t = &toks[j];
                if t.kind != Kind::Word {
                    break;
                }
                if latin && !t.cap && !lex.np_prepositions.contains(&*t.norm) {
                    break;
                }
                words.push(&*t.norm);
            }
            words.reverse();
            // Trim from the left until the first word starts like the acronym.
            let first = letters[0];
            let initial = |w: &str| lex.bare(w).chars().next();
            let Some(from) = words.iter().position(|w| initial(w) == Some(first)) else {
                continue;
            };
            let expansion: Vec<String> = words[from..].iter().map(|w| key_word(w)).collect();
            if expansion.len() < 2 {
                continue;
            }
            let acro = key_word(&toks[i + 1].norm);
            self.expansions
                .entry(expansion.clone())
                .or_insert_with(|| acro.clone());
            self.acronyms.entry(acro).or_insert(expansion);
        }
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

    fn candidates(&self, key: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for w in key {
            if let Some(ids) = self.index.get(w) {
                for &id in ids.iter().rev().take(64) {
                    let root = self.find(id);
                    if !out.contains(&root) {
                        out.push(root);
                    }
                }
            }
        }
        out
    }

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

    /// A definite description taking up a recent actor: "the U.S. general".
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

    fn recent_among(&self, g: Gender, kinds: &dyn Fn(ActorKind) -> bool) -> Option<usize> {
        let recent = || {
            self.history
                .iter()
                .rev()
                .take(RECENT)
                .map(|&(a, _, g)| (self.find(a), g))
                .filter(|&(a, _)| kinds(self.actors[a].kind))
        };
        // A subject-less verb agrees with how the speaker was last spoken of: «وقالت القوة…»
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
        (best.1 >= 2).then_some(best.0)
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
        names.retain(|n| n.trim().chars().count() >= 3);
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
    fn aliases_keys(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.aliases.iter().map(|a| {
            a.split_whitespace()
                .map(|w| key_word(&w.to_lowercase()))
                .collect()
        })
    }
}

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

/// The maximal runs of capitalised name words in the article, as token ranges: "Ruth
/// Halloway", "Ruth K. Halloway" (a middle initial inside a name keeps its dot).
fn name_runs(scan: &Scan<'_>, lex: &Lexicon) -> Vec<Range<usize>> {
    let toks = &scan.toks;
    let name_word = |i: usize| {
        toks.get(i).is_some_and(|t| {
            let f = t.norm.as_ref();
            t.kind == Kind::Word
                && t.cap
                && f.chars().count() > 1
                && f.chars().all(char::is_alphabetic)
                && !lex.titles.contains_key(f)
                && !lex.roles.contains(f)
                && !lex.heads.contains_key(f)
                && !lex.determiners.contains(f)
                && !lex.speaker_stops.contains(f)
                && !lex.time_words.contains(f)
                && !lex.pronouns.contains_key(f)
        })
    };
    // (the scanner keeps an initial's dot: one token "F.")
    let initial = |i: usize| {
        toks.get(i).is_some_and(|t| {
            let mut w = scan.text[t.start..t.end].chars();
            t.kind == Kind::Word
                && w.next().is_some_and(char::is_uppercase)
                && w.next() == Some('.')
                && w.next().is_none()
        }) && name_word(i + 1)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        while name_word(i) || (i > start && initial(i)) {
            i += 1;
        }
        runs.push(start..i);
    }
    runs
}

/// Splits the speaker mention in tokens `range` into name, titles and roles.
pub(crate) fn parse_mention(
    scan: &Scan<'_>,
    lex: &Lexicon,
    range: Range<usize>,
    gender: Gender,
) -> Mention {
    let toks = &scan.toks;
    let span = Span {
        start: toks[range.start].start,
        end: toks[range.end - 1].end,
    };
    // Comma-separated parts: "Name, the commander of X," / «رئيسة الهيئة، سلمى قاسم».
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut depth = 0usize;
    let mut parens: Vec<usize> = Vec::new();
    for i in range.clone() {
        match toks[i].kind {
            Kind::Comma if depth == 0 => parts.push(Vec::new()),
            Kind::OpenParen => depth += 1,
            Kind::CloseParen => depth = depth.saturating_sub(1),
            Kind::Word if depth > 0 => parens.push(i),
            Kind::Word => parts.last_mut().expect("one part").push(i),
            _ => {}
        }
    }
    parts.retain(|p| !p.is_empty());
    let word = |i: usize| &scan.text[toks[i].start..toks[i].end];
    let join = |ids: &[usize]| ids.iter().map(|&i| word(i)).collect::<Vec<_>>().join(" ");
    let folded = |i: usize| toks[i].norm.as_ref();

    let mut name: Vec<usize> = Vec::new();
    let mut name_part = usize::MAX;
    let mut titles: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut role_words: Vec<String> = Vec::new();
    let mut role_key: Vec<Vec<String>> = Vec::new();
    let mut g = gender;

    // The name a mention is headed by. A name after a preposition is only the complement of
    // a description ("The top commander of allied forces in the Baltic"): a name in
    // apposition to it wins ("…, Gen. Ruth Halloway,").
    let runs: Vec<Vec<usize>> = parts.iter().map(|p| name_run(scan, lex, p)).collect();
    let complement = |pi: usize| {
        let part = &parts[pi];
        let n = runs[pi].len();
        lex.capitalised_names
            && n > 0
            && part[..part.len() - n]
                .iter()
                .rev()
                .find(|&&i| !lex.determiners.contains(folded(i)))
                .is_some_and(|&i| lex.np_prepositions.contains(folded(i)))
    };
    let chosen = (0..parts.len())
        .find(|&pi| !runs[pi].is_empty() && !complement(pi))
        .or_else(|| (0..parts.len()).find(|&pi| !runs[pi].is_empty()));
    // "The leader of the Northern Liberation Front": a role of an organisation describes the
    // person holding it, not the organisation.
    let role_of_organisation = chosen.is_some_and(|pi| {
        let part = &parts[pi];
        let run = &runs[pi];
        let org = run.last().is_some_and(|&i| {
            lex.heads.contains_key(folded(i)) || is_acronym(word(i)) && run.len() == 1
        });
        let role_before = part[..part.len() - run.len()]
            .iter()
            .any(|&i| lex.roles.contains(folded(i)) || lex.titles.contains_key(folded(i)));
        complement(pi) && org && role_before
    });
    if let (Some(pi), false) = (chosen, role_of_organisation) {
        name = runs[pi].clone();
        name_part = pi;
    } else if !lex.capitalised_names {
        if let Some(first) = parts.first() {
            name = leading_name(scan, lex, first);
            if name.is_empty() {
                name = name_after_role_phrase(scan, lex, first);
            }
            if !name.is_empty() {
                name_part = 0;
            }
        }
    }
    for (pi, part) in parts.iter().enumerate() {
        let leading = pi == name_part && part.first() == name.first() && name.len() < part.len();
        let before: &[usize] = if leading {
            // «سامر يوسف قائد قوات الدفاع الشعبي»: the role follows the name.
            &part[name.len()..]
        } else if pi == name_part {
            &part[..part.len() - name.len()]
        } else {
            part
        };
        // Titles directly before the name; the rest is a role.
        let mut cut = before.len();
        if pi == name_part && !leading {
            while cut > 0 && lex.titles.contains_key(folded(before[cut - 1])) {
                cut -= 1;
            }
            for &t in &before[cut..] {
                titles.push(word(t).to_string());
                let canon = lex.titles.get(folded(t)).cloned().unwrap_or_default();
                role_words.push(lex.bare(&canon).to_string());
            }
        }
        let role = &before[..cut];
        let role: Vec<usize> = role
            .iter()
            .copied()
            .skip_while(|&i| lex.determiners.contains(folded(i)))
            .collect();
        if !role.is_empty() && (pi != name_part || !name.is_empty()) && !name.is_empty() {
            roles.push(join(&role));
            role_key.push(role.iter().map(|&i| key_word(folded(i))).collect());
        }
        for &i in part {
            let f = folded(i);
            let b = lex.bare(f);
            if lex.roles.contains(f) || lex.roles.contains(b) || lex.titles.contains_key(f) {
                let canon = lex.titles.get(f).map_or(b, |c| lex.bare(c));
                role_words.push(canon.to_string());
            }
            if let Some(&gw) = lex.gendered.get(f) {
                if g == Gender::Unknown {
                    g = gw;
                }
            }
        }
    }
    // Arabic role nouns mark the feminine: رئيسة، نائبة، المسؤولة.
    if g == Gender::Unknown {
        if let (Some(fs), Some(&first)) = (
            lex.feminine_noun_suffix,
            parts.first().and_then(|p| p.first()),
        ) {
            let b = lex.bare(folded(first));
            if b.ends_with(fs) && (lex.roles.contains(b) || lex.titles.contains_key(folded(first)))
            {
                g = Gender::Feminine;
            }
        }
    }

    let all: Vec<usize> = parts.iter().flatten().copied().collect();
    let head_kind = all.iter().find_map(|&i| {
        lex.heads
            .get(folded(i))
            .or_else(|| lex.heads.get(lex.bare(folded(i))))
            .copied()
    });
    let named = !name.is_empty();
    let (name_ids, kind) = if named {
        // The last head word decides: "The Washington Post" is a medium.
        let name_heads = name
            .iter()
            .rev()
            .find_map(|&i| lex.heads.get(folded(i)).copied());
        let acronym = name.len() == 1 && is_acronym(word(name[0])) && {
            let w = word(name[0]);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
        };
        let kind = match name_heads {
            Some(k) => head_actor_kind(k),
            None if acronym => ActorKind::Organisation,
            None => ActorKind::Person,
        };
        (name.clone(), kind)
    } else {
        // A description: the first part, without a leading determiner.
        let first: Vec<usize> = parts
            .first()
            .map(|p| {
                p.iter()
                    .copied()
                    .skip_while(|&i| lex.determiners.contains(folded(i)))
                    .collect()
            })
            .unwrap_or_default();
        let unnamed = first.iter().any(|&i| lex.in_set(&lex.unnamed, folded(i)))
            && !first
                .iter()
                .any(|&i| toks[i].cap && !lex.in_set(&lex.unnamed, folded(i)));
        let kind = if unnamed {
            ActorKind::Unnamed
        } else if role_of_organisation {
            ActorKind::Person
        } else if let Some(k) = head_kind {
            head_actor_kind(k)
        } else if first.iter().any(|&i| lex.in_set(&lex.roles, folded(i))) {
            ActorKind::Person
        } else {
            ActorKind::Organisation
        };
        (first, kind)
    };
    let indefinite = !named
        && parts
            .first()
            .and_then(|p| p.first())
            .is_some_and(|&i| lex.indefinites.contains(folded(i)));
    let mut key: Vec<String> = name_ids.iter().map(|&i| key_word(folded(i))).collect();
    if !named {
        key.retain(|w| !lex.determiners.contains(w));
    }
    // Arabic descriptions keep a parenthesised name: «تنظيم (نور)».
    let mut display = join(&name_ids);
    // A possessive mention ("Mr. Orwin's show", "the senators' letter") names the possessor.
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(bare) = display.strip_suffix(suffix) {
            display = bare.to_string();
            break;
        }
    }
    if !named && !lex.capitalised_names && !parens.is_empty() {
        display = join(
            &range
                .clone()
                .filter(|&i| toks[i].kind == Kind::Word)
                .collect::<Vec<_>>(),
        );
        key = range
            .clone()
            .filter(|&i| toks[i].kind == Kind::Word)
            .map(|i| key_word(folded(i)))
            .collect();
    }
    let mut aliases = Vec::new();
    for &p in &parens {
        let acro = key_word(folded(p));
        if named && !name.is_empty() && name.len() >= 2 {
            let exp: Vec<String> = name.iter().map(|&i| key_word(folded(i))).collect();
            if key_starts(&acro, &exp, lex) {
                aliases.push(word(p).to_string());
            }
        }
    }
    let head = if named {
        None
    } else if lex.capitalised_names {
        name_ids.iter().rev().find_map(|&i| {
            let f = folded(i);
            (lex.roles.contains(f) || lex.titles.contains_key(f))
                .then(|| lex.titles.get(f).map_or(f, |c| c.as_str()).to_string())
        })
    } else {
        name_ids
            .first()
            .map(|&i| without_possessive_suffix(lex, lex.bare(folded(i))).to_string())
    };
    let role_class = if named || indefinite || parts.len() != 1 || !parens.is_empty() {
        None
    } else {
        generic_role(scan, lex, &name_ids)
    };
    Mention {
        name: display,
        key,
        named,
        indefinite,
        kind,
        gender: g,
        titles,
        roles,
        role_words,
        head,
        role_key,
        aliases,
        role_class,
        span,
    }
}

/// The kind of role of a description made only of a role noun and a generic possessor or
/// none: "the group's chief", "the militia's spokesman", "its leader" (the determiners are
/// already dropped). A capitalised possessor names one organisation ("the NLF's chief"): the
/// project's registry matches those across articles, so they are left alone here.
fn generic_role(scan: &Scan<'_>, lex: &Lexicon, words: &[usize]) -> Option<String> {
    let toks = &scan.toks;
    if !lex.capitalised_names {
        return None;
    }
    let (&last, before) = words.split_last()?;
    let class = lex.role_classes.get(toks[last].norm.as_ref())?;
    let generic_possessor = |i: usize| {
        let t = &toks[i];
        let f = t.norm.as_ref();
        let stem = f.strip_suffix("'s").or_else(|| f.strip_suffix('\''));
        !t.cap && stem.is_some_and(|w| lex.heads.contains_key(w))
    };
    match before {
        [] => Some(class.clone()),
        [p] if generic_possessor(*p) => Some(class.clone()),
        _ => None,
    }
}

/// An Arabic name followed by its role without a comma: «سامر يوسف قائد قوات الدفاع
/// الشعبي». The role word is not part of the name.
fn leading_name(scan: &Scan<'_>, lex: &Lexicon, part: &[usize]) -> Vec<usize> {
    let toks = &scan.toks;
    let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
    let folded = |i: usize| toks[i].norm.as_ref();
    let Some(role) = part
        .iter()
        .position(|&i| lex.in_set(&lex.roles, folded(i)) || lex.titles.contains_key(folded(i)))
    else {
        return Vec::new();
    };
    let name = &part[..role];
    let plain = name.iter().all(|&i| {
        let f = folded(i);
        !(strip_arabic_proclitic(f).starts_with(article)
            || f.starts_with(article)
            || lex.heads.contains_key(f)
            || lex.heads.contains_key(lex.bare(f))
            || lex.speaker_stops.contains(f)
            || lex.time_words.contains(f)
            || lex.unnamed.contains(f)
            || lex.determiners.contains(f))
    });
    if plain && (1..=4).contains(&name.len()) && role + 1 < part.len() {
        name.to_vec()
    } else {
        Vec::new()
    }
}

/// Possessive pronoun suffixes on Arabic nouns («زعيمها» "its leader»), longest first.
const POSSESSIVE_SUFFIXES: [&str; 4] = ["هما", "هم", "ها", "ه"];

/// A role noun without a possessive pronoun suffix: «زعيمها» → «زعيم», so that the
/// description meets the person the article named in that role. Other words are unchanged.
fn without_possessive_suffix<'w>(lex: &Lexicon, w: &'w str) -> &'w str {
    POSSESSIVE_SUFFIXES
        .iter()
        .filter_map(|s| w.strip_suffix(s))
        .find(|stem| stem.chars().count() >= 3 && lex.in_set(&lex.roles, stem))
        .unwrap_or(w)
}

/// An Arabic name after a role phrase, «ال» words included: «المتحدث باسم الوزارة عبد الله
/// الحسيني» → «عبد الله الحسيني». The name starts at the first plain word (no article, not
/// listed) that follows a word with the article (the last such), and runs to the end.
fn name_after_role_phrase(scan: &Scan<'_>, lex: &Lexicon, part: &[usize]) -> Vec<usize> {
    /// The longest name taken this way, in words; longer tails are clauses.
    const MAX_NAME_WORDS: usize = 4;
    let toks = &scan.toks;
    let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
    let folded = |i: usize| toks[i].norm.as_ref();
    let definite =
        |f: &str| strip_arabic_proclitic(f).starts_with(article) || f.starts_with(article);
    let listed = |f: &str| {
        let b = lex.bare(f);
        lex.titles.contains_key(f)
            || lex.in_set(&lex.roles, f)
            || lex.heads.contains_key(f)
            || lex.heads.contains_key(b)
            || lex.places.contains(f)
            || lex.speaker_stops.contains(f)
            || lex.time_words.contains(f)
            || lex.unnamed.contains(f)
    };
    let Some(&first) = part.first() else {
        return Vec::new();
    };
    if !(lex.in_set(&lex.roles, folded(first)) || lex.titles.contains_key(folded(first))) {
        return Vec::new();
    }
    let start = (1..part.len()).rev().find(|&k| {
        let f = folded(part[k]);
        !definite(f) && !listed(f) && definite(folded(part[k - 1]))
    });
    let plain_tail = |k: usize| part[k..].iter().all(|&i| !listed(folded(i)));
    match start {
        Some(k) if (2..=MAX_NAME_WORDS).contains(&(part.len() - k)) && plain_tail(k) => {
            part[k..].to_vec()
        }
        _ => Vec::new(),
    }
}

/// A word written in capitals: "NLF", "NWRB".
fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}

fn key_starts(acro: &str, expansion: &[String], lex: &Lexicon) -> bool {
    let first = acro.chars().next();
    expansion.first().and_then(|w| lex.bare(w).chars().next()) == first
}

fn head_actor_kind(k: HeadKind) -> ActorKind {
    match k {
        HeadKind::Organisation => ActorKind::Organisation,
        HeadKind::StateBody => ActorKind::StateBody,
        HeadKind::Media => ActorKind::Media,
    }
}

/// The proper name ending a part of a mention, as token ids (possibly empty).
fn name_run(scan: &Scan<'_>, lex: &Lexicon, part: &[usize]) -> Vec<usize> {
    let toks = &scan.toks;
    let folded = |i: usize| toks[i].norm.as_ref();
    let is_listed = |f: &str| {
        let b = lex.bare(f);
        lex.titles.contains_key(f)
            || lex.roles.contains(f)
            || lex.roles.contains(b)
            || lex.determiners.contains(f)
            || lex.time_words.contains(f)
            || lex.unnamed.contains(f)
    };
    if lex.capitalised_names {
        // English: the trailing run of capitalised words, with "of"/"for" inside it.
        let first = part
            .iter()
            .copied()
            .find(|&i| !lex.titles.contains_key(folded(i)));
        // A part opening with a lowercase word is a description, not a name.
        if first.is_some_and(|i| !toks[i].cap) {
            return Vec::new();
        }
        let mut run = Vec::new();
        for (k, &i) in part.iter().enumerate().rev() {
            let t = &toks[i];
            let f = folded(i);
            let capitalised = t.cap && !lex.titles.contains_key(f) && !lex.determiners.contains(f);
            let inner_preposition = lex.np_prepositions.contains(f)
                && !run.is_empty()
                && k > 0
                && toks[part[k - 1]].cap;
            if capitalised || inner_preposition {
                run.push(i);
            } else {
                break;
            }
        }
        while run.last().is_some_and(|&i| !toks[i].cap) {
            run.pop();
        }
        run.reverse();
        return run;
    }
    // Arabic: a description opening with an organisation word is named by all of it.
    let Some(&first) = part.first() else {
        return Vec::new();
    };
    let opens_with_head =
        lex.heads.contains_key(folded(first)) || lex.heads.contains_key(lex.bare(folded(first)));
    if opens_with_head {
        return Vec::new();
    }
    let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
    let mut run = Vec::new();
    let mut after_preposition = false;
    for &i in part.iter().rev() {
        let f = folded(i);
        let definite = strip_arabic_proclitic(f).starts_with(article) || f.starts_with(article);
        // «علي» (Ali) folds onto the preposition «على»; the spelling tells them apart.
        let t = &toks[i];
        let ali = f == "علي" && scan.text[t.start..t.end].ends_with('ي');
        if definite
            || is_listed(f)
            || lex.heads.contains_key(f)
            || lex.places.contains(f)
            || (lex.speaker_stops.contains(f) && !ali)
        {
            after_preposition = matches!(f, "في" | "من");
            break;
        }
        run.push(i);
    }
    run.reverse();
    // «…في كندا سلمى قاسم»: the word after a preposition is its complement (a place),
    // not the first name.
    if after_preposition && run.len() >= 3 {
        run.remove(0);
    }
    // Only the whole part, or what follows a role or title, is a person's name.
    let opens_with_role =
        lex.in_set(&lex.roles, folded(first)) || lex.titles.contains_key(folded(first));
    if run.len() == part.len() || opens_with_role {
        run
    } else {
        Vec::new()
    }
}
