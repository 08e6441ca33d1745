//! Bilingual concepts (`concepts.toml`): English and Arabic words that name the same
//! thing, found in a statement's tokens so that a translation shares features with its
//! original.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::bilingual::Bilingual;
use super::features::{stem, FxBuild};
use crate::text::match_tokens;

#[derive(Deserialize)]
struct RawConcept {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    ar: Vec<String>,
}

/// Word sequences (stemmed match tokens) → concept numbers.
pub struct Concepts {
    /// first stem → (the whole sequence, concept), longest sequences first
    by_first: HashMap<String, Vec<(Vec<String>, u32)>, FxBuild>,
}

/// The stems a word or phrase of the lexicon is matched as.
fn stems_of(phrase: &str) -> Vec<String> {
    match_tokens(phrase).iter().map(|t| stem(t)).collect()
}

/// The bundled lexicon's concepts, by key.
fn raw() -> std::collections::BTreeMap<String, RawConcept> {
    toml::from_str(include_str!("concepts.toml")).expect("concepts.toml is valid TOML")
}

impl Concepts {
    fn parse(raw: std::collections::BTreeMap<String, RawConcept>) -> Concepts {
        let mut by_first: HashMap<String, Vec<(Vec<String>, u32)>, FxBuild> = HashMap::default();
        for (n, (_, c)) in raw.into_iter().enumerate() {
            for phrase in c.en.iter().chain(&c.ar) {
                let seq = stems_of(phrase);
                if let Some(first) = seq.first().cloned() {
                    let list = by_first.entry(first).or_default();
                    if !list.iter().any(|(s, k)| *s == seq && *k == n as u32) {
                        list.push((seq, n as u32));
                    }
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
        Concepts { by_first }
    }

    /// The bundled lexicon as a bilingual word list (every English word of a concept with
    /// every Arabic word of it), built once: the base of cross-language word matching.
    pub(crate) fn bilingual() -> &'static Bilingual {
        static B: OnceLock<Bilingual> = OnceLock::new();
        B.get_or_init(|| {
            let mut dict = Bilingual::new();
            for c in raw().values() {
                for en in &c.en {
                    for ar in &c.ar {
                        dict.add(en, ar);
                    }
                }
            }
            dict
        })
    }

    /// The bundled lexicon, parsed once.
    pub fn get() -> &'static Concepts {
        static C: OnceLock<Concepts> = OnceLock::new();
        C.get_or_init(|| Concepts::parse(raw()))
    }

    /// The concepts named in a sequence of stems. An Arabic verb's imperfect or future
    /// prefix (ي ت ن أ س) is tried off when the word itself is not known.
    pub fn find(&self, stems: &[String]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < stems.len() {
            let mut matched = 0;
            // the word, then without one or two verb prefixes
            let mut candidates: [&str; 3] = [stems[i].as_str(), "", ""];
            let mut w = stems[i].as_str();
            for slot in candidates.iter_mut().skip(1) {
                match w.strip_prefix(['ي', 'ت', 'ن', 'ا', 'س']) {
                    Some(r) if r.chars().count() >= 3 => {
                        *slot = r;
                        w = r;
                    }
                    _ => break,
                }
            }
            'found: for first in candidates.iter().filter(|c| !c.is_empty()) {
                for (seq, concept) in self.by_first.get(*first).into_iter().flatten() {
                    let fits = seq.len() <= stems.len() - i
                        && seq[1..].iter().zip(&stems[i + 1..]).all(|(a, b)| a == b);
                    if fits {
                        // every concept of the longest match
                        out.push(*concept);
                        matched = matched.max(seq.len());
                    }
                }
                if matched > 0 {
                    break 'found;
                }
            }
            i += matched.max(1);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts_of(text: &str) -> Vec<u32> {
        Concepts::get().find(&stems_of(text))
    }

    #[test]
    fn a_statement_and_its_translation_share_concepts() {
        let en = concepts_of("The ministry urged Moscow to set a timeline to withdraw");
        let ar = concepts_of("الوزارة طالبت موسكو بإعداد جدول زمني للانسحاب");
        let shared: Vec<u32> = en.iter().filter(|c| ar.contains(c)).copied().collect();
        assert!(shared.len() >= 3, "{en:?} / {ar:?}");
    }

    #[test]
    fn arabic_verb_prefixes_and_spelling_variants_are_found() {
        assert_eq!(concepts_of("سيستمر"), concepts_of("يستمر"));
        assert!(!concepts_of("ندعم").is_empty());
        assert_eq!(concepts_of("الأمريكي"), concepts_of("الأميركي"));
        assert!(concepts_of("the weather was fine").is_empty());
    }
}
