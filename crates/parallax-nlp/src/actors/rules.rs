//! The rules that join mentions into actors, one function per pattern, over a union-find of
//! the mentions. [`super::resolve_with`] runs them in order; each one's doc says what it
//! recognises, with an invented example.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::names::{self, is_acronym_of, looks_like_acronym, name_key, name_words};
use super::translit::block_key;
use super::translit::{same_name_word, word_similarity};
use super::ActorMention;
use crate::align::{Bilingual, NameWords};
use crate::extract::ActorKind;
use crate::text::{fold_for_match, match_tokens};

/// How much better the best of several candidates for a one-word name must score than the
/// next to be taken (on [`word_similarity`]'s 0–1 scale): lower joins more short forms when
/// a look-alike name is in the project, higher leaves more of them on their own.
const CANDIDATE_MARGIN: f32 = 0.15;

/// The fewest letters an acronym needs to be read across scripts through a dictionary:
/// two-letter acronyms match too many names' translations.
const MIN_CROSS_SCRIPT_ACRONYM: usize = 3;

/// The most content words of a name whose translations are tried against an acronym (the
/// letters are matched by trying the words' orders, so this bounds the work).
const MAX_ACRONYM_WORDS: usize = 6;

/// Mentions being clustered: a union-find over their indexes.
pub(super) struct Clustering<'a> {
    pub mentions: &'a [ActorMention],
    parent: Vec<usize>,
}

fn is_person(kind: ActorKind) -> bool {
    kind == ActorKind::Person
}

fn is_organisation(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Organisation | ActorKind::StateBody | ActorKind::Media
    )
}

/// The mention's name and its aliases.
fn names_of(m: &ActorMention) -> impl Iterator<Item = &String> {
    std::iter::once(&m.name).chain(&m.aliases)
}

/// An organisation's name as a key: [`name_key`] with the country abbreviations spelt one
/// way ("U.S.", "US" and "United States" are "us").
fn org_key(name: &str) -> String {
    if looks_like_acronym(name) {
        return name_key(name);
    }
    let spelt = format!(" {} ", name_words(name).join(" "))
        .replace(" united states ", " us ")
        .replace(" u s a ", " us ")
        .replace(" u s ", " us ")
        .replace(" united kingdom ", " uk ")
        .replace(" u k ", " uk ");
    // initials left over are dropped, as by `name_key`
    let words: Vec<&str> = spelt
        .split_whitespace()
        .filter(|w| w.chars().count() > 1 || names::is_arabic(w))
        .collect();
    words.join(" ")
}

/// The head noun of an organisation's core without the Arabic article: «الصندوق» and
/// «صندوق النقد الدولي» share «صندوق».
fn bare_head(core: &[String]) -> String {
    let head = names::head_of(core);
    head.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(head)
        .to_owned()
}

impl<'a> Clustering<'a> {
    pub fn new(mentions: &'a [ActorMention]) -> Clustering<'a> {
        Clustering {
            mentions,
            parent: (0..mentions.len()).collect(),
        }
    }

    /// The root of `x`'s cluster (path halving).
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }

    /// The distinct clusters of some mentions.
    fn roots(&mut self, members: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut roots: Vec<usize> = members.into_iter().map(|m| self.find(m)).collect();
        roots.sort_unstable();
        roots.dedup();
        roots
    }

    /// Joins `i` to the one cluster among `candidates`; with none or several, nothing.
    fn join_if_one(&mut self, i: usize, candidates: impl IntoIterator<Item = usize>) -> bool {
        match self.roots(candidates).as_slice() {
            [one] => {
                self.union(i, *one);
                true
            }
            _ => false,
        }
    }

    /// **Same name.** Mentions sharing a strong key are one actor: every name of an
    /// organisation, every person name of two words or more, and acronyms ("Northern
    /// Farmers Union" in two articles; "NFU" given by one article as its acronym and used
    /// alone by another). Unnamed sources, bare channels and bare heads ("the fund") stay
    /// their article's own (the rules below join a bare head to its organisation).
    /// Returns the one-word person names, for [`Clustering::one_word_names`].
    pub fn same_name(&mut self) -> Vec<(usize, String)> {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut weak = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            for name in names_of(m) {
                let bare_channel = names::is_channel(name) && names::org_core(name).is_none();
                let bare_head = is_organisation(m.kind) && super::mention::is_bare_head(name);
                let scope = if m.kind == ActorKind::Unnamed || bare_channel || bare_head {
                    m.article.as_str()
                } else {
                    ""
                };
                let key = if is_organisation(m.kind) {
                    org_key(name)
                } else {
                    name_key(name)
                };
                if key.is_empty() {
                    continue;
                }
                let full_words = key.split(' ').filter(|w| w.chars().count() > 1).count();
                let strong = !is_person(m.kind)
                    || full_words >= 2
                    || looks_like_acronym(name)
                    || names_of(m).any(|long| is_acronym_of(name, long));
                if strong {
                    match by_key.entry(format!("{scope}\u{1}{key}")) {
                        std::collections::hash_map::Entry::Occupied(e) => {
                            let j = *e.get();
                            self.union(i, j);
                        }
                        std::collections::hash_map::Entry::Vacant(e) => {
                            e.insert(i);
                        }
                    }
                } else if name == &m.name {
                    weak.push((i, key));
                }
            }
        }
        weak
    }

    /// **Organisations by their core.** A channel speaks for its owner ("the union's
    /// official account" is the union), generic modifiers do not tell organisations apart
    /// ("the international union"), and a bare head ("the union") is the one organisation
    /// of that head that the project names more fully, when there is only one (with
    /// several, the bare heads of one article are one actor, left to the next rule).
    pub fn organisations_by_core(&mut self) {
        let mut by_head: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            let org = is_organisation(m.kind) && m.kind != ActorKind::Media;
            for name in names_of(m) {
                let channel = names::is_channel(name);
                let document = matches!(m.kind, ActorKind::Unnamed | ActorKind::Media);
                if !(org || (document && channel)) {
                    continue;
                }
                if let Some(core) = names::org_core(name) {
                    by_head.entry(bare_head(&core)).or_default().push((i, core));
                }
            }
        }
        for group in by_head.values() {
            let specific: HashSet<&Vec<String>> = group
                .iter()
                .map(|(_, c)| c)
                .filter(|c| c.len() > 1)
                .collect();
            let mut first_of: HashMap<(&Vec<String>, &str), usize> = HashMap::new();
            for (i, core) in group {
                let key = if specific.len() <= 1 && core.len() == 1 {
                    (specific.iter().next().copied().unwrap_or(core), "")
                } else if core.len() == 1 {
                    // a bare head among several organisations of that head: its article's
                    // own ("the fund" of one article is not the next one's)
                    (core, self.mentions[*i].article.as_str())
                } else {
                    (core, "")
                };
                match first_of.get(&key) {
                    Some(&j) => self.union(*i, j),
                    None => {
                        first_of.insert(key, *i);
                    }
                }
            }
        }
    }

    /// **A short form the article defines.** A bare head ("the fund", «الصندوق») is the one
    /// organisation of that head its own article names more fully ("the Coastal Fisheries
    /// Fund", «صندوق الثروة السمكية»), even when other articles name other organisations of
    /// that head.
    pub fn short_forms_in_article(&mut self) {
        let mut fuller: HashMap<(&str, String), Vec<usize>> = HashMap::new();
        let mut short: Vec<(usize, String)> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if !is_organisation(m.kind) {
                continue;
            }
            for name in names_of(m) {
                if names::is_channel(name) {
                    continue;
                }
                let Some(core) = names::org_core(name) else {
                    continue;
                };
                let head = bare_head(&core);
                if core.len() > 1 {
                    fuller
                        .entry((m.article.as_str(), head))
                        .or_default()
                        .push(i);
                } else if name == &m.name {
                    short.push((i, head));
                }
            }
        }
        for (i, head) in short {
            let article = self.mentions[i].article.as_str();
            if let Some(candidates) = fuller.get(&(article, head)) {
                let candidates = candidates.clone();
                self.join_if_one(i, candidates);
            }
        }
    }

    /// **Part of one fuller name.** An organisation named by some of the words of one
    /// fuller name of the same head is that organisation: «القوة البحرية المشتركة» for
    /// «القوة البحرية المشتركة للعمليات الخاصة», "Coastal Guard" for "the Northern Coastal
    /// Guard". The fuller names of its own article are tried first, then the project's;
    /// with several, it stays apart.
    pub fn partial_names(&mut self) {
        // per mention: its core's words without the Arabic article, and the head
        let mut cores: Vec<(usize, String, HashSet<String>)> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if !is_organisation(m.kind) || m.kind == ActorKind::Media {
                continue;
            }
            for name in names_of(m) {
                if names::is_channel(name) || looks_like_acronym(name) {
                    continue;
                }
                if let Some(core) = names::org_core(name) {
                    let words = core
                        .iter()
                        .map(|w| {
                            w.strip_prefix("ال")
                                .filter(|r| r.chars().count() >= 2)
                                .unwrap_or(w)
                                .to_owned()
                        })
                        .collect();
                    cores.push((i, bare_head(&core), words));
                }
            }
        }
        // each distinct set of words once per head (sorted), with the mentions that bear it
        type WordSets<'w> = HashMap<Vec<&'w str>, (&'w HashSet<String>, Vec<usize>)>;
        let mut by_head: HashMap<&str, WordSets<'_>> = HashMap::new();
        for (i, head, words) in &cores {
            let mut key: Vec<&str> = words.iter().map(String::as_str).collect();
            key.sort_unstable();
            by_head
                .entry(head.as_str())
                .or_default()
                .entry(key)
                .or_insert_with(|| (words, Vec::new()))
                .1
                .push(*i);
        }
        let mentions = self.mentions;
        for sets in by_head.values() {
            for (words, bearers) in sets.values() {
                if words.len() < 2 {
                    continue;
                }
                let fuller: Vec<usize> = sets
                    .values()
                    .filter(|(other, _)| other.len() > words.len() && words.is_subset(other))
                    .flat_map(|(_, b)| b.iter().copied())
                    .collect();
                if fuller.is_empty() {
                    continue;
                }
                for &i in bearers {
                    let article = &mentions[i].article;
                    let here: Vec<usize> = fuller
                        .iter()
                        .copied()
                        .filter(|&j| mentions[j].article == *article)
                        .collect();
                    if !self.join_if_one(i, here.clone()) && here.is_empty() {
                        self.join_if_one(i, fuller.iter().copied());
                    }
                }
            }
        }
    }

    /// **A bare channel** ("the account", "the page") is, within its article, the one owner
    /// whose channel the article names ("the official account of the union").
    pub fn bare_channels(&mut self) {
        let mut owners_in: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut bare: Vec<usize> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if is_person(m.kind) {
                continue;
            }
            if names_of(m).any(|n| names::is_channel(n) && names::org_core(n).is_some()) {
                owners_in.entry(m.article.as_str()).or_default().push(i);
            } else if names::is_channel(&m.name) && names::org_core(&m.name).is_none() {
                bare.push(i);
            }
        }
        for i in bare {
            let owners = owners_in
                .get(self.mentions[i].article.as_str())
                .cloned()
                .unwrap_or_default();
            self.join_if_one(i, owners);
        }
    }

    /// **A name spelt out is its acronym**, when the project writes the acronym and only
    /// one organisation spells it out: "Northern Farmers Union" is "NFU", "U.S. Board of
    /// Trade Standards" and "United States Board of Trade Standards" are both "USBTS".
    pub fn spelt_out_acronyms(&mut self) {
        let mut acronyms: HashMap<String, usize> = HashMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if is_person(m.kind) || m.kind == ActorKind::Unnamed {
                continue;
            }
            for name in names_of(m) {
                if looks_like_acronym(name) {
                    acronyms.entry(name_key(name)).or_insert(i);
                }
            }
        }
        let mut spelt: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if !is_organisation(m.kind) {
                continue;
            }
            for name in names_of(m) {
                if looks_like_acronym(name) || name_words(name).len() < 2 {
                    continue;
                }
                let init = names::initials(name);
                if let Some((key, _)) = acronyms.get_key_value(&init) {
                    spelt.entry(key.as_str()).or_default().push(i);
                }
            }
        }
        for (acronym, members) in spelt {
            let roots = self.roots(members);
            if let [one] = roots.as_slice() {
                self.union(acronyms[acronym], *one);
            }
        }
    }

    /// **Organisations across scripts, word for word.** With a dictionary, an Arabic name
    /// and an English name that translate each other word for word are one actor
    /// («الاتحاد الوطني للمزارعين» ~ "National Farmers Union"); a name of one word is too
    /// generic for this ("the government"). An Arabic name is also tried without its
    /// complement («التحالف الدولي لحماية البحار» is also «التحالف الدولي»).
    pub fn organisations_across_scripts(&mut self, dict: &Bilingual) {
        let dicts = [dict, crate::align::concept_lexicon()];
        let mut latin: Vec<(usize, NameWords)> = Vec::new();
        let mut arabic: Vec<(usize, NameWords)> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if !is_organisation(m.kind) {
                continue;
            }
            for name in names_of(m) {
                if names::is_arabic(name) {
                    let head: Vec<&str> = name
                        .split_whitespace()
                        .take_while(|w| {
                            let f = fold_for_match(w);
                            !(f.starts_with('ل') && f.chars().count() >= 4)
                        })
                        .collect();
                    let head = head.join(" ");
                    arabic.extend(NameWords::new(name, &dicts).map(|w| (i, w)));
                    if head != *name {
                        arabic.extend(NameWords::new(&head, &dicts).map(|w| (i, w)));
                    }
                } else {
                    latin.extend(NameWords::new(name, &dicts).map(|w| (i, w)));
                }
            }
        }
        // candidates share a translation key (blocking); the word-for-word check decides
        let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
        for (k, (_, words)) in latin.iter().enumerate() {
            for key in words.own_keys().chain(words.reach()) {
                by_key.entry(key).or_default().push(k);
            }
        }
        for (i, words) in &arabic {
            let mut candidates: Vec<usize> = words
                .reach()
                .chain(words.own_keys())
                .filter_map(|key| by_key.get(&key))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for k in candidates {
                let (j, other) = &latin[k];
                if self.find(*i) != self.find(*j) && words.translate_each_other(other) {
                    self.union(*i, *j);
                }
            }
        }
    }

    /// **An acronym across scripts.** With a dictionary, a Latin acronym is the one Arabic
    /// organisation name whose words translate to its letters, the Arabic head noun giving
    /// the last letter (English puts the head last): "NFU" ~ «الاتحاد الوطني للمزارعين»
    /// (union, national, farmers). Only when one Arabic organisation of the project fits,
    /// and it fits no other acronym.
    pub fn acronyms_across_scripts(&mut self, dict: &Bilingual) {
        let dicts = [dict, crate::align::concept_lexicon()];
        let mut acronyms: HashMap<String, usize> = HashMap::new();
        let mut arabic: Vec<(usize, Vec<Vec<u8>>)> = Vec::new();
        for (i, m) in self.mentions.iter().enumerate() {
            if !is_organisation(m.kind) {
                continue;
            }
            for name in names_of(m) {
                if looks_like_acronym(name) {
                    let key = name_key(name);
                    if key.len() >= MIN_CROSS_SCRIPT_ACRONYM && key.is_ascii() {
                        acronyms.entry(key).or_insert(i);
                    }
                } else if names::is_arabic(name) {
                    let letters: Vec<Vec<u8>> = match_tokens(name)
                        .iter()
                        .filter(|t| !names::is_function_word(t))
                        .map(|t| {
                            let mut l: Vec<u8> =
                                dicts.iter().flat_map(|d| d.english_initials(t)).collect();
                            l.sort_unstable();
                            l.dedup();
                            l
                        })
                        .collect();
                    if (2..=MAX_ACRONYM_WORDS).contains(&letters.len()) {
                        arabic.push((i, letters));
                    }
                }
            }
        }
        let mut fits: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut fitted_by: HashMap<usize, HashSet<&str>> = HashMap::new();
        for (acronym, _) in acronyms.iter() {
            for (i, letters) in &arabic {
                if spells_acronym(acronym.as_bytes(), letters) {
                    fits.entry(acronym.as_str()).or_default().push(*i);
                    fitted_by.entry(*i).or_default().insert(acronym.as_str());
                }
            }
        }
        for (acronym, members) in fits {
            if members.iter().any(|i| fitted_by[i].len() > 1) {
                continue;
            }
            let roots = self.roots(members);
            if let [one] = roots.as_slice() {
                let a = acronyms[acronym];
                self.union(a, *one);
            }
        }
    }

    /// **Person full names, other spelling or script.** Blocked by the consonant key of the
    /// surname, merged when [`names::person_names_compatible`] ("Ilse Markovic" ~ «إيلسه
    /// ماركوفيتش» ~ "I. Marković").
    pub fn person_full_names(&mut self) {
        let blocks = self.person_blocks();
        for block in blocks.values() {
            // each distinct name once (a name of many articles is compared once), with the
            // mentions that bear it
            let mut distinct: Vec<(&str, Vec<usize>)> = Vec::new();
            let mut seen: HashMap<String, usize> = HashMap::new();
            for &(i, name) in block {
                let k = name_words(name).join(" ");
                match seen.get(&k) {
                    Some(&d) => distinct[d].1.push(i),
                    None => {
                        seen.insert(k, distinct.len());
                        distinct.push((name, vec![i]));
                    }
                }
            }
            for (_, bearers) in &distinct {
                for pair in bearers.windows(2) {
                    self.union(pair[0], pair[1]);
                }
            }
            for (x, (a, ma)) in distinct.iter().enumerate() {
                for (b, mb) in &distinct[x + 1..] {
                    if self.find(ma[0]) != self.find(mb[0]) && names::person_names_compatible(a, b)
                    {
                        self.union(ma[0], mb[0]);
                    }
                }
            }
        }
        // a two-word name that begins a longer one (a given name and a nom de guerre:
        // "Karim Haddou" ~ "Karim Haddou Benali"): merged when there is one such person
        let mut by_second: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
        for block in blocks.values() {
            for &(i, name) in block {
                let words = name_words(name);
                if words.len() >= 3 {
                    by_second
                        .entry(block_key(&words[1]))
                        .or_default()
                        .push((i, name));
                }
            }
        }
        for block in blocks.values() {
            for &(i, short) in block {
                let words = name_words(short);
                if words.len() != 2 {
                    continue;
                }
                let longer: Vec<usize> = by_second
                    .get(&block_key(&words[1]))
                    .into_iter()
                    .flatten()
                    .filter(|(_, long)| names::is_name_prefix(short, long))
                    .map(|&(j, _)| j)
                    .collect();
                self.join_if_one(i, longer);
            }
        }
    }

    /// Person names of two words or more (initials count), blocked by their surname's key.
    fn person_blocks(&self) -> HashMap<String, Vec<(usize, &'a str)>> {
        let mut blocks: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
        let mut seen: HashSet<(usize, String)> = HashSet::new();
        let mentions = self.mentions;
        for (i, m) in mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| is_person(m.kind))
        {
            for name in names_of(m) {
                let words = name_words(name);
                if words.len() >= 2 && seen.insert((i, words.join(" "))) {
                    let mut keys: Vec<String> = names::surname_forms(name)
                        .iter()
                        .map(|s| block_key(s))
                        .collect();
                    keys.sort_unstable();
                    keys.dedup();
                    for key in keys {
                        blocks.entry(key).or_default().push((i, name.as_str()));
                    }
                }
            }
        }
        blocks
    }

    /// **A one-word person name** ("Okafor", «أوكافور») joins the person whose full name
    /// has a matching word: a surname before any other word; among several, one named in
    /// the same article, else the best spelling match when it is clearly the best. With no
    /// candidate, one-word names group by their spelling.
    pub fn one_word_names(&mut self, weak: Vec<(usize, String)>) {
        // the words of full names by blocking key: each distinct (word, is a surname) with
        // the clusters that bear it, and the articles each cluster is named in there
        type Bearers<'m> = HashMap<usize, (usize, HashSet<&'m str>)>;
        let mentions = self.mentions;
        let mut word_index: HashMap<String, HashMap<(String, bool), Bearers<'_>>> = HashMap::new();
        for (i, m) in mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| is_person(m.kind))
        {
            let root = self.find(i);
            for name in names_of(m) {
                let words: Vec<String> = name_words(name)
                    .into_iter()
                    .filter(|w| w.chars().count() > 1)
                    .collect();
                if words.len() < 2 {
                    continue;
                }
                let mut add = |word: String, is_surname: bool| {
                    let bearers = word_index
                        .entry(block_key(&word))
                        .or_default()
                        .entry((word, is_surname))
                        .or_default();
                    bearers
                        .entry(root)
                        .or_insert_with(|| (i, HashSet::new()))
                        .1
                        .insert(m.article.as_str());
                };
                for (k, w) in words.iter().enumerate() {
                    add(w.clone(), k + 1 == words.len());
                    // two words written as one ("Nasrallah" for «نصر الله»)
                    if k + 1 < words.len() && words.len() >= 3 {
                        add(format!("{w}{}", words[k + 1]), k + 2 == words.len());
                    }
                }
            }
        }
        // each one-word name's matching words, computed once per spelling
        type Match<'w> = (&'w (String, bool), f32, &'w Bearers<'w>);
        let mut matches: HashMap<String, Vec<Match<'_>>> = HashMap::new();
        let mut groups: HashMap<String, usize> = HashMap::new();
        for (i, key) in weak {
            let root = self.find(i);
            if root != i && !is_person(mentions[root].kind) {
                continue;
            }
            let found = matches.entry(key.clone()).or_insert_with(|| {
                word_index
                    .get(&block_key(&key))
                    .into_iter()
                    .flatten()
                    .filter(|((w, _), _)| same_name_word(w, &key))
                    .map(|(entry, bearers)| {
                        let sim = if entry.0 == key {
                            1.0
                        } else {
                            word_similarity(&entry.0, &key)
                        };
                        (entry, sim, bearers)
                    })
                    .collect()
            });
            // per candidate cluster: (a surname matched, best similarity, same article)
            let mut best: BTreeMap<usize, (bool, f32, bool)> = BTreeMap::new();
            let article = mentions[i].article.as_str();
            for ((_, is_surname), sim, bearers) in found.iter() {
                for (member, articles) in bearers.values() {
                    let here = articles.contains(article);
                    let e = best
                        .entry(self.find(*member))
                        .or_insert((false, 0.0, false));
                    *e = (e.0 || *is_surname, e.1.max(*sim), e.2 || here);
                }
            }
            match pick_candidate(&best) {
                Some(root) => self.union(i, root),
                None => match groups.get(&key) {
                    Some(&j) => self.union(i, j),
                    None => {
                        groups.insert(key, i);
                    }
                },
            }
        }
    }

    /// **A role description** ("the head of the Northern Farmers Union") is the one named
    /// person of the project whose role leads the same organisation ("NFU chairwoman");
    /// one that names no organisation ("the union's chief") is, within its article, the
    /// one named person there whose role leads anything. None or several: it stays alone.
    pub fn role_descriptions(&mut self) {
        let mut leaders: Vec<(usize, Vec<String>)> = Vec::new();
        let mut descriptions: Vec<(usize, Vec<String>)> = Vec::new();
        for (i, m) in self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| is_person(m.kind))
        {
            if let Some(org) = names::led_organisation(&m.name) {
                descriptions.push((i, org));
                continue;
            }
            for role in &m.roles {
                if let Some(org) = names::led_organisation(role) {
                    leaders.push((i, org));
                }
            }
        }
        for (d, org) in descriptions {
            let same: Vec<usize> = leaders
                .iter()
                .filter(|(_, led)| names::same_organisation(led, &org))
                .map(|&(p, _)| p)
                .collect();
            if self.join_if_one(d, same.clone()) || !same.is_empty() {
                continue;
            }
            // "the union's chief": a possessor of one word that no leader's role names
            let article = self.mentions[d].article.as_str();
            let here: Vec<usize> = leaders
                .iter()
                .filter(|(p, _)| self.mentions[*p].article == article)
                .map(|&(p, _)| p)
                .collect();
            if org.len() == 1 {
                self.join_if_one(d, here);
            }
        }
    }
}

impl Clustering<'_> {
    /// **A description of a person named in the same article** («الجنرال الأميركي», "the
    /// American general", «قائد القوات البحرية» that no leader's role matched) is the one
    /// person its article names whom the project knows by a full name or from another
    /// article; with none or several, it stays apart. A one-word "name" that is a common
    /// noun («تعبيره») is thus never a candidate unless the project names it fully.
    pub fn descriptions_in_article(&mut self) {
        let mentions = self.mentions;
        let persons: Vec<usize> = (0..mentions.len())
            .filter(|&i| is_person(mentions[i].kind))
            .collect();
        let described: HashSet<usize> = persons
            .iter()
            .copied()
            .filter(|&i| super::mention::is_description(&mentions[i].name))
            .collect();
        if described.is_empty() {
            return;
        }
        // per cluster: a full personal name, and the articles it is named in
        let mut full: HashSet<usize> = HashSet::new();
        let mut articles: HashMap<usize, HashSet<&str>> = HashMap::new();
        for &i in &persons {
            if described.contains(&i) {
                continue;
            }
            let root = self.find(i);
            if names_of(&mentions[i]).any(|n| {
                name_words(n)
                    .iter()
                    .filter(|w| w.chars().count() > 1)
                    .count()
                    >= 2
            }) {
                full.insert(root);
            }
            articles
                .entry(root)
                .or_default()
                .insert(mentions[i].article.as_str());
        }
        let known: HashSet<usize> = articles
            .iter()
            .filter(|(root, arts)| full.contains(root) || arts.len() >= 2)
            .map(|(&root, _)| root)
            .collect();
        // the named persons of each article
        let mut by_article: HashMap<&str, Vec<usize>> = HashMap::new();
        for &p in persons.iter().filter(|p| !described.contains(p)) {
            by_article
                .entry(mentions[p].article.as_str())
                .or_default()
                .push(p);
        }
        // clusters that hold a name, not only descriptions
        let named: HashSet<usize> = (0..mentions.len())
            .filter(|i| !described.contains(i))
            .map(|i| self.find(i))
            .collect();
        for d in described {
            if named.contains(&self.find(d)) {
                continue; // already joined to a named actor
            }
            let here: Vec<usize> = by_article
                .get(mentions[d].article.as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|&p| known.contains(&self.find(p)))
                .collect();
            self.join_if_one(d, here);
        }
    }
}

/// The cluster a one-word name joins, from its candidates (cluster → (a surname matched,
/// similarity, named in the same article)): surnames before other name words; one
/// candidate is taken; among several, the one in the same article, else the best when it
/// leads the next by [`CANDIDATE_MARGIN`].
fn pick_candidate(best: &BTreeMap<usize, (bool, f32, bool)>) -> Option<usize> {
    let surnames: Vec<(usize, f32, bool)> = best
        .iter()
        .filter(|(_, v)| v.0)
        .map(|(&k, v)| (k, v.1, v.2))
        .collect();
    let pool: Vec<(usize, f32, bool)> = if surnames.is_empty() {
        best.iter().map(|(&k, v)| (k, v.1, v.2)).collect()
    } else {
        surnames
    };
    match pool.as_slice() {
        [] => None,
        [one] => Some(one.0),
        many => {
            let here: Vec<&(usize, f32, bool)> = many.iter().filter(|c| c.2).collect();
            if let [one] = here.as_slice() {
                return Some(one.0);
            }
            let mut sorted: Vec<&(usize, f32, bool)> = many.iter().collect();
            sorted.sort_by(|a, b| b.1.total_cmp(&a.1));
            (sorted[0].1 >= sorted[1].1 + CANDIDATE_MARGIN).then_some(sorted[0].0)
        }
    }
}

/// Whether an acronym's letters are the initials of translations of the words, one letter
/// per word: the first word (the Arabic head noun) gives the last letter, the others the
/// rest in any order.
fn spells_acronym(acronym: &[u8], words: &[Vec<u8>]) -> bool {
    let n = words.len();
    if acronym.len() != n || n == 0 || !words[0].contains(&acronym[n - 1]) {
        return false;
    }
    // the rest: a perfect matching of letters to words, by trying assignments (n ≤ 6)
    fn assign(letters: &[u8], words: &[Vec<u8>], used: &mut [bool]) -> bool {
        let Some((&first, rest)) = letters.split_first() else {
            return true;
        };
        for (k, w) in words.iter().enumerate() {
            if !used[k] && w.contains(&first) {
                used[k] = true;
                if assign(rest, words, used) {
                    return true;
                }
                used[k] = false;
            }
        }
        false
    }
    let mut used = vec![false; n - 1];
    assign(&acronym[..n - 1], &words[1..], &mut used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronym_letters_come_from_translations_head_last() {
        // «الاتحاد الوطني للمزارعين»: union, national, farmers
        let words = vec![vec![b'u', b'a'], vec![b'n'], vec![b'f', b'p']];
        assert!(spells_acronym(b"nfu", &words));
        assert!(spells_acronym(b"fnu", &words));
        assert!(
            !spells_acronym(b"unf", &words),
            "the head gives the last letter"
        );
        assert!(!spells_acronym(b"nf", &words), "one letter per word");
    }

    #[test]
    fn organisation_keys_spell_countries_one_way() {
        assert_eq!(
            org_key("U.S. Board of Trade"),
            org_key("United States Board of Trade")
        );
        assert_eq!(org_key("US Board of Trade"), org_key("U.S. Board of Trade"));
    }
}
