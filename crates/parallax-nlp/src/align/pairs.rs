//! The learned pair score: how likely two statements of one actor, from different articles,
//! report the same claim. A logistic regression over a few features of the pair (below),
//! fitted on the gold alignments of the shared corpus by
//! `cargo run --release -p parallax-nlp --example fit_pairs -- MODEL.bin CORPUS OUT.toml`,
//! which writes `pair_model.toml` (weights, the two probability cuts, the language means
//! and the cross-validated scores they reached).
//!
//! Sentence vectors of one language share an offset: unrelated statements in one language
//! are closer than a statement and its translation. Subtracting each language's mean vector
//! and renormalising (*centring*) removes most of it; the means come from the project's own
//! statements, shrunk towards the shipped means (computed over the whole corpus) while the
//! project is small ([`PRIOR_WEIGHT`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Lang;

/// How many statements the shipped language mean counts for when it is blended with a
/// project's own mean: a project of a few dozen statements leans on the shipped mean, one of
/// thousands on its own (a project's mean fits its topics; a small sample of it is noisy).
pub const PRIOR_WEIGHT: f32 = 200.0;

/// The pair model's features, in the order of its weights.
pub const FEATURES: [&str; 4] = ["cosine", "cross_language", "cosine_x_cross", "lexical"];

/// A fitted pair model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairModel {
    /// What the vectors must come from (the sentence model the means were computed with).
    pub sentence_model: String,
    pub features: Vec<String>,
    pub weights: Vec<f32>,
    pub bias: f32,
    /// Pairs at or above this probability are grouped.
    pub cut: f32,
    /// Pairs at or above this probability count as linked when two groups may merge.
    pub link_cut: f32,
    /// Mean vector of each language (`ar`, `en`) over the corpus statements.
    pub means: BTreeMap<String, Vec<f32>>,
    /// How the file was made and what it scored (for people; not read).
    #[serde(default)]
    pub provenance: BTreeMap<String, String>,
}

#[derive(Debug, thiserror::Error)]
#[error("the pair model file is not valid: {0}")]
pub struct PairModelError(String);

impl PairModel {
    /// The model shipped with Parallax (`pair_model.toml`).
    pub fn shipped() -> &'static PairModel {
        static SHIPPED: std::sync::OnceLock<PairModel> = std::sync::OnceLock::new();
        SHIPPED.get_or_init(|| {
            PairModel::from_toml(include_str!("pair_model.toml"))
                .expect("the shipped pair model parses (a test checks it)")
        })
    }

    pub fn from_toml(text: &str) -> Result<PairModel, PairModelError> {
        let m: PairModel = toml::from_str(text).map_err(|e| PairModelError(e.to_string()))?;
        if m.weights.len() != FEATURES.len() || m.features != FEATURES {
            return Err(PairModelError(format!(
                "expected the features {FEATURES:?}, found {:?}",
                m.features
            )));
        }
        Ok(m)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a pair model serialises")
    }

    /// The probability that a pair with these features reports one claim.
    pub fn probability(&self, features: &[f32; 4]) -> f32 {
        let z: f32 = self.bias
            + self
                .weights
                .iter()
                .zip(features)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The features of a pair: the cosine of the centred vectors, whether the pair crosses
/// languages, their product, and the lexical or translation similarity of the words.
pub fn pair_features(a: &[f32], b: &[f32], cross: bool, lexical: f32) -> [f32; 4] {
    let cos = crate::embed::dot(a, b);
    let x = if cross { 1.0 } else { 0.0 };
    [cos, x, cos * x, lexical]
}

/// Each language's mean vector for centring: the project's statements' mean, blended with
/// the shipped mean by [`PRIOR_WEIGHT`].
pub struct LanguageMeans {
    means: BTreeMap<&'static str, Vec<f32>>,
    overall: Vec<f32>,
}

impl LanguageMeans {
    pub fn new<'a>(
        vectors: impl Iterator<Item = (Lang, &'a [f32])>,
        prior: &BTreeMap<String, Vec<f32>>,
    ) -> LanguageMeans {
        let mut sums: BTreeMap<&'static str, (Vec<f32>, f32)> = BTreeMap::new();
        let mut overall: Vec<f32> = Vec::new();
        let mut count = 0.0;
        for (lang, v) in vectors {
            let (sum, n) = sums
                .entry(lang.code())
                .or_insert_with(|| (vec![0.0; v.len()], 0.0));
            if sum.len() != v.len() {
                continue;
            }
            sum.iter_mut().zip(v).for_each(|(s, x)| *s += x);
            *n += 1.0;
            if overall.is_empty() {
                overall = vec![0.0; v.len()];
            }
            overall.iter_mut().zip(v).for_each(|(s, x)| *s += x);
            count += 1.0;
        }
        let mut means = BTreeMap::new();
        for code in ["ar", "en", Lang::Other.code()] {
            let own = sums.get(code);
            let shipped = prior.get(code);
            let mean = match (own, shipped) {
                (Some((sum, n)), Some(p)) if p.len() == sum.len() => sum
                    .iter()
                    .zip(p)
                    .map(|(s, p)| (s + PRIOR_WEIGHT * p) / (n + PRIOR_WEIGHT))
                    .collect(),
                (Some((sum, n)), _) => sum.iter().map(|s| s / n).collect(),
                (None, Some(p)) => p.clone(),
                (None, None) => continue,
            };
            means.insert(code, mean);
        }
        if count > 0.0 {
            overall.iter_mut().for_each(|s| *s /= count);
        }
        LanguageMeans { means, overall }
    }

    /// `v` less its language's mean, renormalised.
    pub fn centre(&self, lang: Lang, v: &[f32]) -> Vec<f32> {
        let mean = self.means.get(lang.code()).unwrap_or(&self.overall);
        let mut out: Vec<f32> = if mean.len() == v.len() {
            v.iter().zip(mean).map(|(x, m)| x - m).collect()
        } else {
            v.to_vec()
        };
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
        out.iter_mut().for_each(|x| *x /= norm);
        out
    }
}
