//! Claims as evidence that two actors are one.
//!
//! Names alone leave one speaker split when outlets name it in ways no name rule connects:
//! a task force by its full name in one article and by a translated description in another,
//! an agency by its acronym in one script and its full name in the other. When two such actors, in different articles, make the
//! *same claims* — several of them, at a pair probability the sentence model rarely gives to
//! different claims — they are most likely one speaker. [`shared_claims`] finds those pairs
//! of actors; the caller joins them before the analyst's edits are replayed, so an analyst's
//! split still wins.
//!
//! What keeps it from joining two speakers who merely agree:
//! - several claims, not one ([`EvidenceConfig::min_shared`]), and a large share of the
//!   smaller actor's claims ([`EvidenceConfig::min_share`]): two officials who both "support
//!   the agreement" share one claim among many;
//! - a high pair probability ([`EvidenceConfig::cut`]), above the grouping cut;
//! - never two actors that one article quotes side by side: the article itself tells them
//!   apart (checked again for every actor a chain of joins would bring together);
//! - the caller's `joinable` test (Parallax joins only organisations and state bodies this
//!   way: people are told apart by their names, and a spokesperson reading out an
//!   organisation's statement is a speaker of their own).
//!
//! Cost: every pair of statements with vectors from different actors and articles whose days
//! are near (or unknown) is scored, once per distinct wording. That is quadratic, so it runs
//! only when at most [`EvidenceConfig::max_statements`] distinct statements take part (a
//! project of a few stories); larger projects are left to names and edits, and
//! [`SharedClaims::skipped`] says so.

use std::collections::{HashMap, HashSet};

use super::pairs::{pair_features, LanguageMeans};
use super::{prepare, similarity, workers, AlignConfig, AlignItem, Bilingual, Semantic};
use crate::Lang;

/// Thresholds of [`shared_claims`]; each trades joins found against wrong joins.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceConfig {
    /// A statement pair counts as one claim at or above this pair probability. Higher: fewer
    /// wrong joins of speakers on one topic, more speakers left split.
    pub cut: f32,
    /// At least this many statements of each actor must have such a match in the other.
    pub min_shared: usize,
    /// And at least this share of the smaller actor's statements (with vectors).
    pub min_share: f32,
    /// No evidence is looked for when more distinct statements than this take part (cost is
    /// quadratic in them: 5,000 is about 12 million pair scores).
    pub max_statements: usize,
}

impl Default for EvidenceConfig {
    fn default() -> Self {
        EvidenceConfig {
            cut: 0.5,
            min_shared: 2,
            min_share: 0.5,
            max_statements: 5000,
        }
    }
}

/// What [`shared_claims`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharedClaims {
    /// Actor keys to join, `(keep, join)`: the second joins the first (the actor with more
    /// statements). In the order they were accepted; apply them in this order.
    pub joins: Vec<(String, String)>,
    /// True when the project was too large to look (see [`EvidenceConfig::max_statements`]).
    pub skipped: bool,
}

/// Pairs of actors (keys of `items`) that make the same claims in different articles. See
/// the module docs. `joinable(a, b)` is the caller's veto on a pair of actors.
pub fn shared_claims(
    items: &[AlignItem],
    dict: Option<&Bilingual>,
    semantic: &Semantic<'_>,
    cfg: &EvidenceConfig,
    joinable: &(dyn Fn(&str, &str) -> bool + Sync),
) -> SharedClaims {
    // one entry per (actor, article, wording) with a vector
    let mut seen: HashSet<(&str, &str, &str)> = HashSet::new();
    let chosen: Vec<usize> = (0..items.len())
        .filter(|&i| semantic.vectors.get(i).is_some_and(Option::is_some))
        .filter(|&i| {
            let it = &items[i];
            seen.insert((it.actor.as_str(), it.article.as_str(), it.text.as_str()))
        })
        .collect();
    if chosen.len() > cfg.max_statements {
        return SharedClaims {
            joins: Vec::new(),
            skipped: true,
        };
    }
    // articles where each actor speaks: two actors quoted side by side are two
    let mut articles_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for it in items {
        articles_of
            .entry(it.actor.as_str())
            .or_default()
            .insert(it.article.as_str());
    }
    let mut actors: Vec<&str> = articles_of.keys().copied().collect();
    actors.sort_unstable();
    if actors.len() < 2 || chosen.is_empty() {
        return SharedClaims::default();
    }
    let sub: Vec<AlignItem> = chosen.iter().map(|&i| items[i].clone()).collect();
    let means = LanguageMeans::new(
        chosen
            .iter()
            .filter_map(|&i| Some((items[i].lang, semantic.vectors[i].as_deref()?))),
        &semantic.model.means,
    );
    let centred: Vec<Vec<f32>> = chosen
        .iter()
        .map(|&i| {
            let v = semantic.vectors[i].as_deref().unwrap_or_default();
            means.centre(items[i].lang, v)
        })
        .collect();
    let workers = workers();
    let (_, _, prepared) = prepare(&sub, workers, dict);
    let align_cfg = AlignConfig::default();
    let n = sub.len();
    let rows: Vec<usize> = (0..n).collect();
    // each statement's strong matches among the earlier ones: (other statement)
    let matches: Vec<Vec<u32>> = super::par_map(&rows, workers, |&i| {
        let a = &sub[i];
        let mut out = Vec::new();
        for j in 0..i {
            let b = &sub[j];
            if a.actor == b.actor || a.article == b.article {
                continue;
            }
            if let (Some(x), Some(y)) = (a.day, b.day) {
                if (x - y).abs() > align_cfg.max_days_apart {
                    continue;
                }
            }
            if !joinable(&a.actor, &b.actor) {
                continue;
            }
            // the vectors first: when no word similarity (in 0..=1) could lift the pair to
            // the cut, the costlier word comparison is skipped
            let crosses = a.lang != b.lang && a.lang != Lang::Other && b.lang != Lang::Other;
            let best = |lexical: f32| {
                let f = pair_features(&centred[i], &centred[j], crosses, lexical);
                semantic.model.probability(&f)
            };
            if best(0.0).max(best(1.0)) < cfg.cut {
                continue;
            }
            let (sim, cross) = similarity(&prepared[i], a.lang, &prepared[j], b.lang, &align_cfg);
            let p =
                semantic
                    .model
                    .probability(&pair_features(&centred[i], &centred[j], cross, sim));
            if p >= cfg.cut {
                out.push(j as u32);
            }
        }
        out
    });
    // per pair of actors, the statements of each side that match the other side
    type Sides = (HashSet<u32>, HashSet<u32>);
    let mut by_pair: HashMap<(&str, &str), Sides> = HashMap::new();
    for (i, js) in matches.iter().enumerate() {
        for &j in js {
            let (x, y) = (i as u32, j);
            let (ax, ay) = (sub[i].actor.as_str(), sub[j as usize].actor.as_str());
            let (key, first, second) = if ax < ay {
                ((ax, ay), x, y)
            } else {
                ((ay, ax), y, x)
            };
            let sides = by_pair.entry(key).or_default();
            sides.0.insert(first);
            sides.1.insert(second);
        }
    }
    let mut size: HashMap<&str, usize> = HashMap::new();
    for it in &sub {
        *size.entry(it.actor.as_str()).or_default() += 1;
    }
    let mut found: Vec<(usize, &str, &str)> = by_pair
        .into_iter()
        .filter_map(|((a, b), (sa, sb))| {
            let shared = sa.len().min(sb.len());
            let smaller = size[a].min(size[b]);
            (shared >= cfg.min_shared && shared as f32 >= cfg.min_share * smaller as f32)
                .then_some((shared, a, b))
        })
        .collect();
    // the strongest evidence first, then by key (deterministic)
    found.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    // join, refusing any join that would bring together actors quoted in one article
    let mut root: HashMap<&str, &str> = actors.iter().map(|&a| (a, a)).collect();
    let mut where_: HashMap<&str, HashSet<&str>> = articles_of.clone();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for it in items {
        *count.entry(it.actor.as_str()).or_default() += 1;
    }
    fn find<'s>(root: &HashMap<&'s str, &'s str>, mut x: &'s str) -> &'s str {
        while root[x] != x {
            x = root[x];
        }
        x
    }
    let mut joins = Vec::new();
    for (_, a, b) in found {
        let (ra, rb) = (find(&root, a), find(&root, b));
        if ra == rb || !where_[ra].is_disjoint(&where_[rb]) {
            continue;
        }
        // the actor with more statements keeps its name (ties: the first key)
        let (keep, join) =
            if (count[ra], std::cmp::Reverse(ra)) >= (count[rb], std::cmp::Reverse(rb)) {
                (ra, rb)
            } else {
                (rb, ra)
            };
        root.insert(join, keep);
        let moved = where_.remove(join).unwrap_or_default();
        where_.entry(keep).or_default().extend(moved);
        let joined = count[join];
        *count.entry(keep).or_default() += joined;
        joins.push((keep.to_owned(), join.to_owned()));
    }
    SharedClaims {
        joins,
        skipped: false,
    }
}
