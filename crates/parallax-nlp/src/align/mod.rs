//! Grouping one actor's statements from different articles that report the same claim, and
//! comparing the versions.
//!
//! [`align`] takes plain statements ([`AlignItem`]: actor key, article, outlet, language,
//! day, text) and returns [`Group`]s and `related` links between groups:
//!
//! - **Blocking, never all pairs.** Candidates share the actor and one of each statement's
//!   rarest word stems (an inverted index per actor; at most
//!   [`AlignConfig::max_postings`] earlier statements are looked at per key), or, across
//!   languages, an anchor (a number, or a name's consonant skeleton: Afghanistan ~
//!   «أفغانستان»). Cost is O(n · keys · max_postings).
//! - **Same language:** IDF-weighted overlap of word stems and character 4-grams; the score
//!   is the mean of Dice and containment, so a trimmed quote scores like a full one.
//! - **Across languages:** anchors in common: numbers, a name's consonant skeleton, and
//!   bilingual concepts (`concepts.toml`: "withdrawal" ~ «انسحاب», "afraid" ~ «قلق»), scored
//!   like same-language pairs on IDF weights, with at least
//!   [`AlignConfig::min_cross_anchors`] of them. Concepts are synonyms within a language too.
//!   With a bilingual dictionary ([`Bilingual`], loaded by the caller: FreeDict's dictd
//!   files), also word by word: the IDF-weighted share of each statement's content words
//!   that the other translates (dictionary, concepts or a name's skeleton), scored like
//!   Dice and containment and blocked on the rarest translations; the higher score counts.
//! - Pairs at or above the threshold are linked when their days are at most
//!   [`AlignConfig::max_days_apart`] apart (or unknown), and groups are the connected
//!   components; a pair over the threshold but further apart in time links the two groups
//!   as `related` instead.
//! - **Occasions without dates:** two articles whose days are unknown report one occasion of
//!   an actor when they share [`AlignConfig::min_occasion_overlap`] of the smaller one's
//!   claims of that actor; a group spanning several occasions is split into related groups.
//!
//! Left out: meaning beyond words. Two renderings of a claim in different languages that
//! share no number, name, listed concept or dictionary translation are not grouped, nor are
//! paraphrases in other words; a multilingual sentence-embedding model is the way there (not
//! built: see issue 4's notes), and the analyst can move statements between groups. Same words from a different actor are never
//! compared (blocking is by actor).
//!
//! Calibration (on `shared/corpus/news`, gold statements, `examples/align_gold.rs`; and on
//! the product's own statements, `examples/realign.rs`): threshold 0.50, cross-language
//! threshold 0.50, groups merge when 70% of their member pairs from different articles are
//! linked, occasions at 40% shared claims: on the gold statements pairs F1 0.59 (P 1.00),
//! cross-language F1 0.65 (P 1.00); on the product's statements with the FreeDict
//! dictionaries pairs F1 0.88 (P 0.92), cross-language 0.91 (P 1.00).

mod bilingual;
mod concepts;
mod diff;
mod evidence;
mod features;
mod pairs;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

pub use bilingual::{Bilingual, NameWords};
pub use diff::{word_diff, DiffOp};
pub use evidence::{shared_claims, EvidenceConfig, SharedClaims};
pub use features::stem;
pub use pairs::{pair_features, LanguageMeans, PairModel, PairModelError, FEATURES, PRIOR_WEIGHT};

use crate::Lang;
use features::{features, Features, FxMap, Idf, Weighted};

/// One statement to align.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignItem {
    /// The caller's id (the store's statement id).
    pub id: u64,
    /// The global actor key ([`crate::actors::GlobalActor::key`] or the store's actor id).
    pub actor: String,
    pub article: String,
    pub outlet: String,
    pub lang: Lang,
    /// Publication day as a day number (e.g. days since 1970-01-01), when known.
    pub day: Option<i32>,
    pub text: String,
}

/// Thresholds and limits. The defaults are the calibrated values (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignConfig {
    /// Minimum same-language similarity (mean of weighted Dice and containment) to link.
    pub threshold: f32,
    /// Minimum weighted share of shared anchors to link across languages.
    pub cross_threshold: f32,
    /// Minimum number of shared anchors across languages.
    pub min_cross_anchors: usize,
    /// Cross-language pairs at or above this similarity count as links when deciding
    /// whether two groups may merge (the cross-language [`Self::link_threshold`]).
    pub cross_link_threshold: f32,
    /// Pairs at or above this (lower) similarity count as links when deciding whether two
    /// groups may merge.
    pub link_threshold: f32,
    /// Two groups merge only when at least this share of their member pairs are linked
    /// (among the pairs that blocking compared), so one loose pair cannot chain two claims.
    pub min_linkage: f32,
    /// Statements further apart than this many days are separate groups (linked as related).
    pub max_days_apart: i32,
    /// Two articles without near dates report one occasion of an actor when they share at
    /// least this share of the smaller one's claims of that actor (see
    /// `split_by_occasion`).
    pub min_occasion_overlap: f32,
    /// How many of a statement's rarest stems are used to find candidates.
    pub blocking_keys: usize,
    /// How many earlier statements are compared per blocking key (the most recent).
    pub max_postings: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            threshold: 0.5,
            link_threshold: 0.2,
            min_linkage: 0.7,
            cross_threshold: 0.5,
            cross_link_threshold: 0.5,
            min_cross_anchors: 2,
            max_days_apart: 3,
            min_occasion_overlap: 0.4,
            blocking_keys: 8,
            max_postings: 200,
        }
    }
}

/// A stable name for a statement: its article's key and its folded words. Re-running the
/// extractor on the same article gives the same keys, so group edits survive re-analysis.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StatementKey(pub String);

impl StatementKey {
    pub fn new(article: &str, text: &str) -> StatementKey {
        StatementKey(format!(
            "{article}#{}",
            crate::text::match_tokens(text).join(" ")
        ))
    }

    pub fn of(item: &AlignItem) -> StatementKey {
        StatementKey::new(&item.article, &item.text)
    }
}

/// An analyst's correction of the grouping, stored as an edit and replayed by
/// [`align_edited`] in order. Edits never move a statement to another actor's group (that is
/// an actor edit); one that would is skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum GroupEdit {
    /// The statement leaves its group for the group of `to`, or for a group of its own.
    Move {
        statement: StatementKey,
        to: Option<StatementKey>,
    },
    /// The groups of `a` and `b` become one.
    Merge { a: StatementKey, b: StatementKey },
    /// These statements leave their groups and form one new group.
    Split { statements: Vec<StatementKey> },
}

/// Replays group edits on the groups (lists of item indexes); returns the new groups.
fn apply_group_edits(
    items: &[AlignItem],
    comps: Vec<Vec<usize>>,
    edits: &[GroupEdit],
) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<StatementKey, Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        by_key.entry(StatementKey::of(it)).or_default().push(i);
    }
    let mut group_of = vec![0usize; items.len()];
    for (g, ms) in comps.iter().enumerate() {
        for &m in ms {
            group_of[m] = g;
        }
    }
    let mut next = comps.len();
    let found = |k: &StatementKey| by_key.get(k).cloned().unwrap_or_default();
    for edit in edits {
        match edit {
            GroupEdit::Move { statement, to } => {
                let moving = found(statement);
                let Some(&first) = moving.first() else {
                    continue;
                };
                let target = match to {
                    None => {
                        next += 1;
                        next - 1
                    }
                    Some(t) => match found(t).first() {
                        Some(&t) if items[t].actor == items[first].actor => group_of[t],
                        _ => continue,
                    },
                };
                for m in moving {
                    group_of[m] = target;
                }
            }
            GroupEdit::Merge { a, b } => {
                let (Some(&a), Some(&b)) = (found(a).first(), found(b).first()) else {
                    continue;
                };
                if items[a].actor != items[b].actor {
                    continue;
                }
                let (ga, gb) = (group_of[a], group_of[b]);
                for g in group_of.iter_mut().filter(|g| **g == gb) {
                    *g = ga;
                }
            }
            GroupEdit::Split { statements } => {
                let members: Vec<usize> = statements.iter().flat_map(found).collect();
                let Some(&first) = members.first() else {
                    continue;
                };
                for m in members {
                    if items[m].actor == items[first].actor {
                        group_of[m] = next;
                    }
                }
                next += 1;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, g) in group_of.into_iter().enumerate() {
        groups.entry(g).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Statements of one actor reporting one claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub actor: String,
    /// Indexes into the items, in input order.
    pub members: Vec<usize>,
    /// The version others are compared with: the earliest, then the fullest (members in
    /// another language are compared with their own language's base: [`Group::base_for`]).
    pub base: usize,
    /// A short label: the shortest version of four words or more, cut to 14 words.
    pub claim: String,
    /// Outlets that quote this actor but have no statement in this group.
    pub missing_from: Vec<String>,
}

impl Group {
    /// The version a member's wording is compared with: the group's base when it is in the
    /// member's language, else the base among the members in that language (a word diff
    /// between two languages says nothing).
    pub fn base_for(&self, items: &[AlignItem], member: usize) -> usize {
        let lang = items[member].lang;
        if items[self.base].lang == lang {
            return self.base;
        }
        base_of(
            items,
            self.members
                .iter()
                .copied()
                .filter(|&m| items[m].lang == lang),
        )
        .unwrap_or(member)
    }

    /// The word diff of every member against its base ([`Group::base_for`]), in member
    /// order.
    pub fn diffs(&self, items: &[AlignItem]) -> Vec<Vec<DiffOp>> {
        self.members
            .iter()
            .map(|&m| word_diff(&items[self.base_for(items, m)].text, &items[m].text))
            .collect()
    }
}

/// The version others are compared with: the earliest, then the fullest, then the first.
fn base_of(items: &[AlignItem], members: impl Iterator<Item = usize>) -> Option<usize> {
    let words = |m: usize| items[m].text.split_whitespace().count();
    members.min_by_key(|&m| {
        (
            items[m].day.unwrap_or(i32::MAX),
            std::cmp::Reverse(words(m)),
            m,
        )
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Every statement is in exactly one group; singletons included. Ordered by actor, then
    /// first member.
    pub groups: Vec<Group>,
    /// Pairs of group indexes: the same actor's similar claim on another occasion.
    pub related: Vec<(usize, usize)>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Similarity of two statements of one actor: lexical within a language, anchors across.
/// Returns the score and whether the pair crosses languages.
fn similarity(a: &Prepared, la: Lang, b: &Prepared, lb: Lang, cfg: &AlignConfig) -> (f32, bool) {
    let cross = la != lb && la != Lang::Other && lb != Lang::Other;
    if !cross {
        let (shared, _) = a.lexical.shared(&b.lexical);
        if shared == 0.0 {
            return (0.0, false);
        }
        let dice = 2.0 * shared / (a.lexical.total + b.lexical.total);
        let containment = shared / a.lexical.total.min(b.lexical.total);
        return (0.5 * (dice + containment), false);
    }
    let words = a.words.similarity(&b.words);
    let (shared, n) = a.anchors.shared(&b.anchors);
    if n < cfg.min_cross_anchors {
        return (words, true);
    }
    let dice = 2.0 * shared / (a.anchors.total + b.anchors.total);
    let containment = shared / a.anchors.total.min(b.anchors.total);
    ((0.5 * (dice + containment)).max(words), true)
}

/// The bundled concept lexicon (`concepts.toml`) as a bilingual word list.
pub fn concept_lexicon() -> &'static Bilingual {
    concepts::Concepts::bilingual()
}

/// A statement's features with weights resolved.
struct Prepared {
    lexical: Weighted,
    anchors: Weighted,
    words: Words,
}

/// A statement's content words as the bilingual word lists read them: per word its weight,
/// its keys and its translations' keys; and all of those keys, sorted, for look-ups.
#[derive(Default)]
struct Words {
    words: Vec<(f32, Vec<u64>, Vec<u64>)>,
    own: Vec<u64>,
    reach: Vec<u64>,
    total: f32,
}

impl Words {
    fn new(f: &Features, arabic: bool, idf: &Idf, dicts: &[&Bilingual]) -> Words {
        let mut out = Words::default();
        for (stem, keys) in &f.words {
            let mut translations: Vec<u64> = Vec::new();
            for &k in keys {
                let before = translations.len();
                for d in dicts {
                    translations.extend_from_slice(d.translations(k, arabic));
                }
                if translations.len() == before {
                    // a name's skeleton (or a word no list knows) can meet itself
                    translations.push(k);
                }
            }
            translations.sort_unstable();
            translations.dedup();
            let weight = idf.weight(*stem);
            out.total += weight;
            out.own.extend_from_slice(keys);
            out.reach.extend_from_slice(&translations);
            out.words.push((weight, keys.clone(), translations));
        }
        out.own.sort_unstable();
        out.own.dedup();
        out.reach.sort_unstable();
        out.reach.dedup();
        out
    }

    /// The weight and number of this statement's words that `other` translates.
    fn covered_by(&self, other: &Words) -> (f32, usize) {
        let (mut weight, mut n) = (0.0, 0);
        for (w, keys, translations) in &self.words {
            let met = keys.iter().any(|k| other.reach.binary_search(k).is_ok())
                || translations
                    .iter()
                    .any(|t| other.own.binary_search(t).is_ok());
            if met {
                weight += w;
                n += 1;
            }
        }
        (weight, n)
    }

    /// Translation similarity: the mean of both sides' covered shares and the shorter
    /// side's, as Dice and containment are for one language; zero below two words met.
    fn similarity(&self, other: &Words) -> f32 {
        if self.total == 0.0 || other.total == 0.0 {
            return 0.0;
        }
        let (wa, na) = self.covered_by(other);
        let (wb, nb) = other.covered_by(self);
        if na.min(nb) < 2 {
            return 0.0;
        }
        let (ra, rb) = (wa / self.total, wb / other.total);
        let shorter = if self.total <= other.total { ra } else { rb };
        0.5 * (0.5 * (ra + rb) + shorter)
    }
}

/// Every pair of one actor's statements from different articles with its similarity and
/// whether it crosses languages: a diagnostic for calibrating thresholds (quadratic in the
/// statements of an actor; [`align`] never compares all pairs).
pub fn pair_similarities(
    items: &[AlignItem],
    cfg: &AlignConfig,
    dict: Option<&Bilingual>,
) -> Vec<(usize, usize, f32, bool)> {
    let (_, _, prepared) = prepare(items, workers(), dict);
    let mut out = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if items[i].actor != items[j].actor || items[i].article == items[j].article {
                continue;
            }
            let (sim, cross) = similarity(
                &prepared[i],
                items[i].lang,
                &prepared[j],
                items[j].lang,
                cfg,
            );
            out.push((i, j, sim, cross));
        }
    }
    out
}

/// One actor's groups (item indexes) and its similar pairs far apart in time.
type ActorGroups = (Vec<Vec<usize>>, Vec<(usize, usize)>);

/// What aligning one actor's statements reads.
struct ActorCtx<'a> {
    items: &'a [AlignItem],
    feats: &'a [Features],
    idf: &'a Idf,
    prepared: &'a [Prepared],
    cfg: &'a AlignConfig,
    /// Centred sentence vectors (per item, when it has one) and the pair model.
    semantic: Option<(&'a [Option<Vec<f32>>], &'a PairModel)>,
}

/// Actors with at most this many statements compare every pair of them from different
/// articles when sentence vectors are there (the pair score sees paraphrases that share no
/// rare word); larger ones (wire copies republished by hundreds of outlets) compare only the
/// candidates of blocking, so that cost stays linear in their statements.
pub const MAX_DENSE_ACTOR: usize = 1000;

/// Sentence vectors and the pair model that scores them.
pub struct Semantic<'a> {
    /// One vector per item when it has one (L2-normalised, as the sentence model gives it).
    pub vectors: &'a [Option<Vec<f32>>],
    pub model: &'a PairModel,
}

impl ActorCtx<'_> {
    /// Groups one actor's statements (`ids`: indexes into the items, ascending). Returns the
    /// groups (indexes ascending) and the pairs that are similar but far apart in time.
    fn align_actor(&self, ids: &[usize]) -> ActorGroups {
        let (items, feats, idf, prepared, cfg) =
            (self.items, self.feats, self.idf, self.prepared, self.cfg);
        // one wording on one day is one node, however many outlets carry it (wire copies):
        // pairs are scored between nodes, and a node counts once per statement it stands for
        let mut node_of_wording: HashMap<(&str, Option<i32>), u32> = HashMap::new();
        let mut nodes: Vec<usize> = Vec::new();
        let mut node_of: Vec<u32> = Vec::with_capacity(ids.len());
        for &i in ids {
            let next = nodes.len() as u32;
            let k = *node_of_wording
                .entry((items[i].text.as_str(), items[i].day))
                .or_insert(next);
            if k == next {
                nodes.push(i);
            }
            node_of.push(k);
        }
        let n = nodes.len();
        let mut article_no: HashMap<&str, u32> = HashMap::new();
        // each node's statements per article
        let mut node_articles: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
        for (li, &i) in ids.iter().enumerate() {
            let next = article_no.len() as u32;
            let a = *article_no.entry(items[i].article.as_str()).or_insert(next);
            let arts = &mut node_articles[node_of[li] as usize];
            match arts.iter_mut().find(|(x, _)| *x == a) {
                Some((_, c)) => *c += 1,
                None => arts.push((a, 1)),
            }
        }
        let weight: Vec<usize> = node_articles
            .iter()
            .map(|arts| arts.iter().map(|&(_, c)| c as usize).sum())
            .collect();
        let dense = self.semantic.is_some() && n <= MAX_DENSE_ACTOR;
        let mut parent: Vec<usize> = (0..n).collect();
        let mut far_pairs: Vec<(usize, usize)> = Vec::new();
        let mut postings: FxMap<u64, Vec<u32>> = FxMap::default();
        let mut candidates: Vec<u32> = Vec::new();
        // pairs over the link threshold, and over the grouping threshold, near in time
        let mut links: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut edges: Vec<(f32, u32, u32)> = Vec::new();
        for (li, &i) in nodes.iter().enumerate() {
            // the rarest stems are the keys; anchors are keys for other-language statements
            let mut keys: Vec<(u32, u64)> =
                feats[i].stems.iter().map(|&s| (idf.df(s), s)).collect();
            keys.sort_unstable();
            keys.truncate(cfg.blocking_keys);
            candidates.clear();
            if dense {
                candidates.extend(0..li as u32);
            } else {
                for &(_, key) in &keys {
                    if let Some(list) = postings.get(&key) {
                        candidates.extend(list.iter().rev().take(cfg.max_postings));
                    }
                }
                for &anchor in &feats[i].anchors {
                    if let Some(list) = postings.get(&(anchor ^ 1)) {
                        candidates.extend(list.iter().rev().take(cfg.max_postings));
                    }
                }
                // the rarest translations of its words, for statements in the other language
                let mut reach: Vec<(usize, &Vec<u32>)> = prepared[i]
                    .words
                    .reach
                    .iter()
                    .filter_map(|&k| postings.get(&(k ^ 2)).map(|l| (l.len(), l)))
                    .collect();
                reach.sort_unstable_by_key(|&(len, _)| len);
                for (_, list) in reach.into_iter().take(cfg.blocking_keys) {
                    candidates.extend(list.iter().rev().take(cfg.max_postings));
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &lj in &candidates {
                let j = nodes[lj as usize];
                if dense
                    && items[i].article == items[j].article
                    && weight[li] == 1
                    && weight[lj as usize] == 1
                {
                    continue; // two statements of one article are never one report of another's
                }
                let (sim, cross) = similarity(
                    &prepared[i],
                    items[i].lang,
                    &prepared[j],
                    items[j].lang,
                    cfg,
                );
                let vectors = self
                    .semantic
                    .and_then(|(v, m)| Some((v[i].as_deref()?, v[j].as_deref()?, m)));
                // the word rule's verdict, and the pair model's where both have vectors: a
                // pair the words alone tie (a quote repeated verbatim) stays tied
                let (limit, link) = if cross {
                    (cfg.cross_threshold, cfg.cross_link_threshold)
                } else {
                    (cfg.threshold, cfg.link_threshold)
                };
                let (mut score, mut edge, mut link) = (sim, sim >= limit, sim >= link);
                if let Some((a, b, model)) = vectors {
                    let p = model.probability(&pair_features(a, b, cross, sim));
                    score = score.max(p);
                    edge |= p >= model.cut;
                    link |= p >= model.link_cut;
                }
                if !link {
                    continue;
                }
                let near_in_time = match (items[i].day, items[j].day) {
                    (Some(a), Some(b)) => (a - b).abs() <= cfg.max_days_apart,
                    _ => true,
                };
                if !near_in_time {
                    if edge {
                        far_pairs.push((i, j));
                    }
                    continue;
                }
                links[li].push(lj);
                links[lj as usize].push(li as u32);
                if edge {
                    edges.push((score, li as u32, lj));
                }
            }
            for &key in &feats[i].stems {
                postings.entry(key).or_default().push(li as u32);
            }
            for &anchor in &feats[i].anchors {
                postings.entry(anchor ^ 1).or_default().push(li as u32);
            }
            for &key in &prepared[i].words.own {
                postings.entry(key ^ 2).or_default().push(li as u32);
            }
        }

        // greedy average-link merging, strongest pairs first: two groups merge when enough
        // of their member pairs from different articles are linked (two statements of one
        // article are never compared, so they count neither way)
        edges.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let mut size = weight.clone();
        let mut roster: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
        // each group's members per article
        let mut articles: Vec<FxMap<u32, u32>> = node_articles
            .iter()
            .map(|arts| arts.iter().copied().collect())
            .collect();
        let mut failed: std::collections::HashSet<(u32, u32, u32, u32), features::FxBuild> =
            Default::default();
        for &(_, i, j) in &edges {
            let (ri, rj) = (find(&mut parent, i as usize), find(&mut parent, j as usize));
            if ri == rj {
                continue;
            }
            let (small, large) = if size[ri] <= size[rj] {
                (ri, rj)
            } else {
                (rj, ri)
            };
            // a pair of groups that failed keeps failing until one of them grows
            let attempt = (
                small as u32,
                large as u32,
                size[small] as u32,
                size[large] as u32,
            );
            if failed.contains(&attempt) {
                continue;
            }
            let mut linked = 0usize;
            for &m in &roster[small] {
                for &o in &links[m as usize] {
                    if find(&mut parent, o as usize) == large {
                        linked += weight[m as usize] * weight[o as usize];
                    }
                }
            }
            let comparable: usize = roster[small]
                .iter()
                .flat_map(|&m| node_articles[m as usize].iter())
                .map(|&(a, c)| {
                    let same = articles[large].get(&a).copied().unwrap_or(0) as usize;
                    c as usize * (size[large] - same)
                })
                .sum();
            if (linked as f32) < cfg.min_linkage * comparable as f32 {
                failed.insert(attempt);
                continue;
            }
            parent[small] = large;
            size[large] += size[small];
            let moved = std::mem::take(&mut roster[small]);
            roster[large].extend(moved);
            for (a, c) in std::mem::take(&mut articles[small]) {
                *articles[large].entry(a).or_default() += c;
            }
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (li, &id) in ids.iter().enumerate() {
            let root = find(&mut parent, node_of[li] as usize);
            members.entry(root).or_default().push(id);
        }
        let (groups, related) = split_by_occasion(items, members.into_values().collect(), cfg);
        far_pairs.extend(related);
        (groups, far_pairs)
    }
}

/// One actor's groups split by occasion, where publication dates cannot tell occasions
/// apart: two articles report the same occasion when their days are near, or when they share
/// at least [`AlignConfig::min_occasion_overlap`] of the smaller one's claims of this actor
/// (two reports of one press conference carry most of the same claims; an actor repeating
/// one talking point on another occasion shares that one claim among many). A group whose
/// articles fall in several occasions becomes one group per occasion, linked as related.
/// Returns the groups and, for each split, a pair of members of the parts.
fn split_by_occasion(
    items: &[AlignItem],
    groups: Vec<Vec<usize>>,
    cfg: &AlignConfig,
) -> (Vec<Vec<usize>>, Vec<(usize, usize)>) {
    let mut article_no: HashMap<&str, usize> = HashMap::new();
    let mut day: Vec<Option<i32>> = Vec::new();
    let articles_of: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut arts: Vec<usize> = g
                .iter()
                .map(|&m| {
                    let next = article_no.len();
                    let a = *article_no.entry(items[m].article.as_str()).or_insert(next);
                    if a == next {
                        day.push(items[m].day);
                    }
                    a
                })
                .collect();
            arts.sort_unstable();
            arts.dedup();
            arts
        })
        .collect();
    let n = article_no.len();
    let mut occasion: Vec<usize> = (0..n).collect();
    // articles near in time are one occasion: sorted by day, each joins the one before it
    // when they are near (the same components as comparing every pair, in n log n)
    let mut dated: Vec<(i32, usize)> = (0..n).filter_map(|a| Some((day[a]?, a))).collect();
    dated.sort_unstable();
    for w in dated.windows(2) {
        if w[1].0 - w[0].0 <= cfg.max_days_apart {
            let (rx, ry) = (find(&mut occasion, w[0].1), find(&mut occasion, w[1].1));
            occasion[rx] = ry;
        }
    }
    // then claims shared between articles of different occasions; pairs already in one
    // occasion are never counted, so wire copies of one day cost nothing here
    let mut claims = vec![0u32; n];
    let mut shared: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for arts in &articles_of {
        let mut by_occasion: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &x in arts {
            claims[x] += 1;
            by_occasion
                .entry(find(&mut occasion, x))
                .or_default()
                .push(x);
        }
        let parts: Vec<&Vec<usize>> = by_occasion.values().collect();
        for (k, p) in parts.iter().enumerate() {
            for q in &parts[k + 1..] {
                for &x in p.iter() {
                    for &y in q.iter() {
                        *shared.entry((x.min(y), x.max(y))).or_default() += 1;
                    }
                }
            }
        }
    }
    for (&(x, y), &together) in &shared {
        let smaller = claims[x].min(claims[y]) as f32;
        if together as f32 >= cfg.min_occasion_overlap * smaller {
            let (rx, ry) = (find(&mut occasion, x), find(&mut occasion, y));
            occasion[rx] = ry;
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    let mut related = Vec::new();
    for g in groups {
        let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for m in g {
            let a = article_no[items[m].article.as_str()];
            parts.entry(find(&mut occasion, a)).or_default().push(m);
        }
        let firsts: Vec<usize> = parts.values().map(|p| p[0]).collect();
        for (k, &a) in firsts.iter().enumerate() {
            for &b in &firsts[k + 1..] {
                related.push((a, b));
            }
        }
        out.extend(parts.into_values());
    }
    (out, related)
}

/// How many threads alignment uses.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Every statement's features, the batch's IDF, and the features weighted by it.
/// Translations come from the concept lexicon and, when given, the caller's word list.
fn prepare(
    items: &[AlignItem],
    workers: usize,
    dict: Option<&Bilingual>,
) -> (Vec<Features>, Idf, Vec<Prepared>) {
    let written = features::written_acronyms(items.iter().map(|it| it.text.as_str()));
    let feats: Vec<Features> = par_map(items, workers, |it| {
        features(&it.text, it.lang, dict.is_some(), &written)
    });
    let idf = Idf::new(feats.iter());
    // word-by-word translation needs a dictionary; the concepts then fill its gaps
    let dicts: Vec<&Bilingual> = match dict {
        Some(d) => vec![d, concepts::Concepts::bilingual()],
        None => Vec::new(),
    };
    let arabic: Vec<bool> = items.iter().map(is_arabic).collect();
    let indexed: Vec<(&Features, bool)> = feats.iter().zip(arabic).collect();
    let prepared = par_map(&indexed, workers, |&(f, arabic)| Prepared {
        lexical: Weighted::lexical(f, &idf),
        anchors: Weighted::anchors(f, &idf),
        words: if dicts.is_empty() {
            Words::default()
        } else {
            Words::new(f, arabic, &idf, &dicts)
        },
    });
    (feats, idf, prepared)
}

/// Whether a statement is read as Arabic (its language, or its letters when unknown).
fn is_arabic(item: &AlignItem) -> bool {
    item.lang == Lang::Ar
        || (item.lang == Lang::Other && item.text.chars().any(crate::text::is_arabic_letter))
}

/// `f` over `items` on up to `workers` threads, in order.
fn par_map<T: Sync, R: Send>(items: &[T], workers: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if workers <= 1 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let per = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(per)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Groups each actor's statements that report the same claim. See the module docs.
///
/// Actors are independent (candidates never cross actors), so features are computed and
/// actors aligned on every core; the result does not depend on how many there are.
pub fn align(items: &[AlignItem], cfg: &AlignConfig) -> Alignment {
    align_edited(items, cfg, &[])
}

/// [`align`], then the analyst's [`GroupEdit`]s replayed in order.
pub fn align_edited(items: &[AlignItem], cfg: &AlignConfig, edits: &[GroupEdit]) -> Alignment {
    align_with(items, cfg, edits, None)
}

/// [`align_edited`] with a bilingual word list (a dictionary the caller loaded) for
/// statements in different languages, besides the concept lexicon.
pub fn align_with(
    items: &[AlignItem],
    cfg: &AlignConfig,
    edits: &[GroupEdit],
    dict: Option<&Bilingual>,
) -> Alignment {
    align_semantic(items, cfg, edits, dict, None)
}

/// [`align_with`] with sentence vectors: pairs whose two statements both have a vector are
/// scored by the pair model ([`PairModel`]) on their centred vectors and word similarity;
/// the others by the word similarity thresholds of `cfg`.
pub fn align_semantic(
    items: &[AlignItem],
    cfg: &AlignConfig,
    edits: &[GroupEdit],
    dict: Option<&Bilingual>,
    semantic: Option<&Semantic<'_>>,
) -> Alignment {
    let workers = workers();
    let (feats, idf, prepared) = prepare(items, workers, dict);
    let centred: Vec<Option<Vec<f32>>> = match semantic {
        Some(sem) => {
            let means = LanguageMeans::new(
                items
                    .iter()
                    .zip(sem.vectors)
                    .filter_map(|(it, v)| Some((it.lang, v.as_deref()?))),
                &sem.model.means,
            );
            items
                .iter()
                .zip(sem.vectors)
                .map(|(it, v)| v.as_deref().map(|v| means.centre(it.lang, v)))
                .collect()
        }
        None => Vec::new(),
    };
    let n = items.len();

    // each actor's statements, in input order; actors in order of first statement
    let mut actor_slot: HashMap<&str, usize> = HashMap::new();
    let mut by_actor: Vec<Vec<usize>> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let next = by_actor.len();
        let slot = *actor_slot.entry(it.actor.as_str()).or_insert(next);
        if slot == next {
            by_actor.push(Vec::new());
        }
        by_actor[slot].push(i);
    }
    // the largest actors first, dealt to the workers in turn, so that work is even
    let mut order: Vec<usize> = (0..by_actor.len()).collect();
    order.sort_by_key(|&a| std::cmp::Reverse(by_actor[a].len()));
    let mut shares: Vec<Vec<usize>> = vec![Vec::new(); workers.max(1)];
    let mut load = vec![0usize; workers.max(1)];
    for a in order {
        let w = (0..load.len()).min_by_key(|&w| load[w]).unwrap_or(0);
        load[w] += by_actor[a].len();
        shares[w].push(a);
    }
    let ctx = ActorCtx {
        items,
        feats: &feats,
        idf: &idf,
        prepared: &prepared,
        cfg,
        semantic: semantic.map(|sem| (centred.as_slice(), sem.model)),
    };
    let results: Vec<ActorGroups> = par_map(&shares, workers, |share| {
        let mut comps = Vec::new();
        let mut far = Vec::new();
        for &a in share {
            let (c, f) = ctx.align_actor(&by_actor[a]);
            comps.extend(c);
            far.extend(f);
        }
        (comps, far)
    });
    let mut comps: Vec<Vec<usize>> = Vec::with_capacity(n);
    let mut far_pairs: Vec<(usize, usize)> = Vec::new();
    for (c, f) in results {
        comps.extend(c);
        far_pairs.extend(f);
    }
    if !edits.is_empty() {
        comps = apply_group_edits(items, comps, edits);
    }

    // components → groups, ordered by actor then first member
    let mut outlets_of_actor: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for it in items {
        outlets_of_actor
            .entry(&it.actor)
            .or_default()
            .insert(&it.outlet);
    }
    comps.sort_by(|a, b| (&items[a[0]].actor, a[0]).cmp(&(&items[b[0]].actor, b[0])));
    let mut group_of = vec![0usize; n];
    let groups: Vec<Group> = comps
        .into_iter()
        .enumerate()
        .map(|(g, ms)| {
            for &m in &ms {
                group_of[m] = g;
            }
            make_group(items, ms, &outlets_of_actor)
        })
        .collect();
    let mut related: Vec<(usize, usize)> = far_pairs
        .into_iter()
        .map(|(a, b)| {
            let (ga, gb) = (group_of[a], group_of[b]);
            (ga.min(gb), ga.max(gb))
        })
        .filter(|(a, b)| a != b)
        .collect();
    related.sort_unstable();
    related.dedup();
    Alignment { groups, related }
}

fn make_group(
    items: &[AlignItem],
    members: Vec<usize>,
    outlets_of_actor: &HashMap<&str, BTreeSet<&str>>,
) -> Group {
    let words = |m: usize| items[m].text.split_whitespace().count();
    let base = base_of(items, members.iter().copied()).expect("a group has members");
    let label_from = members
        .iter()
        .copied()
        .filter(|&m| words(m) >= 4)
        .min_by_key(|&m| (words(m), m))
        .unwrap_or(base);
    let mut claim: Vec<&str> = items[label_from].text.split_whitespace().take(15).collect();
    if claim.len() == 15 {
        claim.pop();
        claim.push("…");
    }
    let actor = items[members[0]].actor.clone();
    let present: BTreeSet<&str> = members.iter().map(|&m| items[m].outlet.as_str()).collect();
    let missing_from = outlets_of_actor
        .get(actor.as_str())
        .map(|all| all.difference(&present).map(|s| s.to_string()).collect())
        .unwrap_or_default();
    Group {
        actor,
        members,
        base,
        claim: claim.join(" "),
        missing_from,
    }
}

/// Statement counts per actor and outlet, and per claim (group) and outlet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Column names, sorted.
    pub outlets: Vec<String>,
    /// Row names, sorted.
    pub actors: Vec<String>,
    /// `by_actor[actor][outlet]`: statements.
    pub by_actor: Vec<Vec<u32>>,
    /// `by_claim[group][outlet]`: statements of that group, rows in group order.
    pub by_claim: Vec<Vec<u32>>,
}

/// The coverage matrices of an alignment.
pub fn coverage(items: &[AlignItem], alignment: &Alignment) -> Coverage {
    let outlets: Vec<String> = items
        .iter()
        .map(|i| i.outlet.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let actors: Vec<String> = items
        .iter()
        .map(|i| i.actor.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let col: HashMap<&str, usize> = outlets
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str(), i))
        .collect();
    let row: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.as_str(), i))
        .collect();
    let mut by_actor = vec![vec![0u32; outlets.len()]; actors.len()];
    for it in items {
        by_actor[row[it.actor.as_str()]][col[it.outlet.as_str()]] += 1;
    }
    let by_claim = alignment
        .groups
        .iter()
        .map(|g| {
            let mut counts = vec![0u32; outlets.len()];
            for &m in &g.members {
                counts[col[items[m].outlet.as_str()]] += 1;
            }
            counts
        })
        .collect();
    Coverage {
        outlets,
        actors,
        by_actor,
        by_claim,
    }
}
