//! A bilingual word list (English ↔ Arabic) that lets a translation share words with its
//! original beyond the concept lexicon: "sanctions" ~ «العقوبات», "oil" ~ «النفط».
//!
//! The list is data the caller loads (this crate reads no files): [`Bilingual::add_dictd`]
//! takes a dictionary in the dictd format that FreeDict publishes (`freedict-eng-ara`,
//! `freedict-ara-eng`: an index and the text of the entries), [`Bilingual::add`] one pair.
//! It is optional: without one, cross-language alignment uses the concept lexicon, numbers
//! and names only.
//!
//! Words are keyed for matching, never shown: English words by their stem, Arabic words by
//! their stem without long vowels, and again without one verb prefix («ينسحب» ~ «انسحب»), so
//! that inflected forms in a statement meet the dictionary's citation forms.
//!
//! Left out: phrases. Only one-word headwords are read, and only translations of at most
//! three words (longer ones are explanations); every content word of a translation counts.

use super::features::{is_stop, stem, FxMap};
use crate::text::{is_arabic_letter, match_tokens};

/// The most translations kept per word: a word with more is vague, and the rest add noise.
const MAX_TRANSLATIONS: usize = 24;

/// English and Arabic words that translate each other, by matching key.
#[derive(Debug, Default, Clone)]
pub struct Bilingual {
    /// English word key → Arabic word keys.
    en_to_ar: FxMap<u64, Vec<u64>>,
    /// Arabic word key → English word keys.
    ar_to_en: FxMap<u64, Vec<u64>>,
    /// Arabic word key → the first letters of its English translations (a translation of
    /// several words gives its first content word's), for reading acronyms across scripts.
    ar_initials: FxMap<u64, Vec<u8>>,
    pairs: usize,
    /// Of the pairs added, in order ([`Bilingual::fingerprint`]).
    fingerprint: u64,
}

/// FNV-1a with a tag, as the aligner's feature ids.
fn hash(tag: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

const EN_TAG: u8 = 8;
const AR_TAG: u8 = 9;

/// The matching keys of one folded word (a match token): one for an English word, one or
/// two for an Arabic word; none for a function word or a number.
pub(super) fn word_keys(token: &str, out: &mut Vec<u64>) {
    if is_stop(token) || token.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let s = stem(token);
    if !token.chars().any(is_arabic_letter) {
        if s.chars().count() >= 2 {
            out.push(hash(EN_TAG, &s));
        }
        return;
    }
    let bare = |w: &str| -> String {
        let mut chars = w.chars();
        chars
            .next()
            .into_iter()
            .chain(chars.filter(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ')))
            .collect()
    };
    let whole = bare(&s);
    if whole.chars().count() >= 2 {
        out.push(hash(AR_TAG, &whole));
    }
    if let Some(rest) = s
        .strip_prefix(['ي', 'ت', 'ن', 'ا', 'س'])
        .filter(|r| r.chars().count() >= 3)
    {
        let unprefixed = bare(rest);
        if unprefixed != whole && unprefixed.chars().count() >= 2 {
            out.push(hash(AR_TAG, &unprefixed));
        }
    }
}

/// The keys of a short phrase's content words.
fn phrase_keys(phrase: &str) -> Vec<u64> {
    let mut keys = Vec::new();
    for t in match_tokens(phrase) {
        word_keys(&t, &mut keys);
    }
    keys
}

/// A dictd number: base64 digits, most significant first.
fn dictd_number(s: &str) -> Option<usize> {
    let mut n: usize = 0;
    for b in s.bytes() {
        let d = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n = n.checked_mul(64)?.checked_add(usize::from(d))?;
    }
    Some(n)
}

impl Bilingual {
    pub fn new() -> Bilingual {
        Bilingual::default()
    }

    /// How many word pairs were added.
    pub fn len(&self) -> usize {
        self.pairs
    }

    pub fn is_empty(&self) -> bool {
        self.pairs == 0
    }

    /// A number that names what was added: two lists built from the same pairs in the same
    /// order have the same fingerprint, and other lists almost surely another (for results
    /// computed with a dictionary and kept, such as the project's cached analysis).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Adds a word or short phrase and its translation (either order of languages).
    pub fn add(&mut self, a: &str, b: &str) {
        let (en, ar) = if a.chars().any(is_arabic_letter) {
            (b, a)
        } else {
            (a, b)
        };
        if en.chars().any(is_arabic_letter) || !ar.chars().any(is_arabic_letter) {
            return;
        }
        let (en_keys, ar_keys) = (phrase_keys(en), phrase_keys(ar));
        if en_keys.is_empty() || ar_keys.is_empty() {
            return;
        }
        let link = |map: &mut FxMap<u64, Vec<u64>>, from: &[u64], to: &[u64]| {
            for &f in from {
                let list = map.entry(f).or_default();
                for &t in to {
                    if list.len() < MAX_TRANSLATIONS && !list.contains(&t) {
                        list.push(t);
                    }
                }
            }
        };
        link(&mut self.en_to_ar, &en_keys, &ar_keys);
        link(&mut self.ar_to_en, &ar_keys, &en_keys);
        let initial = match_tokens(en)
            .iter()
            .find(|t| !is_stop(t))
            .and_then(|t| t.bytes().next())
            .filter(u8::is_ascii_lowercase);
        if let Some(initial) = initial {
            for &k in &ar_keys {
                let list = self.ar_initials.entry(k).or_default();
                if !list.contains(&initial) {
                    list.push(initial);
                }
            }
        }
        self.pairs += 1;
        self.fingerprint = (self.fingerprint ^ hash(b'e', en)).wrapping_mul(0x0000_0100_0000_01b3)
            ^ hash(b'a', ar).rotate_left(17);
    }

    /// Adds the entries of a dictd dictionary: `index` is its `.index` file (`headword TAB
    /// offset TAB length`, numbers in base64), `body` the text of its `.dict` file
    /// (uncompressed). An entry is its headword line, then one translation per line
    /// (optionally numbered `1. `); alternatives in a line are separated by commas, and what
    /// follows ` - ` explains. Malformed lines are skipped. Returns the pairs added.
    pub fn add_dictd(&mut self, index: &str, body: &str) -> usize {
        let before = self.pairs;
        for line in index.lines() {
            let mut fields = line.split('\t');
            let (Some(head), Some(off), Some(len)) = (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if head.starts_with("00-database") || head.split_whitespace().count() != 1 {
                continue;
            }
            let (Some(off), Some(len)) = (dictd_number(off), dictd_number(len)) else {
                continue;
            };
            let Some(entry) = off.checked_add(len).and_then(|end| body.get(off..end)) else {
                continue;
            };
            for translation in entry.lines().skip(1) {
                let t = translation.trim();
                let t = t
                    .split_once(". ")
                    .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
                    .map_or(t, |(_, rest)| rest);
                let t = t.split(" - ").next().unwrap_or_default();
                for alternative in t.split([',', '،', ';', '؛']) {
                    let alternative = alternative.trim();
                    if !alternative.is_empty() && alternative.split_whitespace().count() <= 3 {
                        self.add(head, alternative);
                    }
                }
            }
        }
        self.pairs - before
    }

    /// The first letters of the English translations of an Arabic word (a match token):
    /// «صندوق» → f (fund), b (box), …; empty for a word the dictionary does not know.
    pub fn english_initials(&self, arabic_token: &str) -> Vec<u8> {
        let mut keys = Vec::new();
        word_keys(arabic_token, &mut keys);
        let mut out: Vec<u8> = keys
            .iter()
            .filter_map(|k| self.ar_initials.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The translations' keys of a word key, in the other language.
    pub(super) fn translations(&self, key: u64, arabic: bool) -> &[u64] {
        let map = if arabic {
            &self.ar_to_en
        } else {
            &self.en_to_ar
        };
        map.get(&key).map_or(&[], Vec::as_slice)
    }
}

/// A name's content words as translation keys: per word, its own keys and the keys of
/// its translations in the other language.
pub struct NameWords {
    words: Vec<(Vec<u64>, Vec<u64>)>,
    arabic: bool,
}

impl NameWords {
    /// The content words of `name` (a name in either script) with their translations by
    /// any of `dicts`; `None` for a name of fewer than two content words, which is too
    /// generic to be matched by translation ("the government").
    pub fn new(name: &str, dicts: &[&Bilingual]) -> Option<NameWords> {
        let arabic = name.chars().any(is_arabic_letter);
        let mut words = Vec::new();
        for t in match_tokens(name) {
            let mut keys = Vec::new();
            word_keys(&t, &mut keys);
            if keys.is_empty() {
                continue;
            }
            let mut translations: Vec<u64> = keys
                .iter()
                .flat_map(|&k| dicts.iter().flat_map(move |d| d.translations(k, arabic)))
                .copied()
                .collect();
            translations.sort_unstable();
            translations.dedup();
            words.push((keys, translations));
        }
        (words.len() >= 2).then_some(NameWords { words, arabic })
    }

    /// Every key of the name's own words, for blocking.
    pub fn own_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.words.iter().flat_map(|(k, _)| k.iter().copied())
    }

    /// Every translation key of the name's words, for blocking.
    pub fn reach(&self) -> impl Iterator<Item = u64> + '_ {
        self.words.iter().flat_map(|(_, t)| t.iter().copied())
    }

    /// Whether the two names, in different scripts, translate each other word for word:
    /// every content word of each is a translation of a word of the other, but for one
    /// word on each side when both have four or more ("Northern Commission on River
    /// Heritage" ~ «اللجنة الشمالية لتراث الأنهار في الحوض»).
    pub fn translate_each_other(&self, other: &NameWords) -> bool {
        if self.arabic == other.arabic {
            return false;
        }
        let met = |w: &(Vec<u64>, Vec<u64>), by: &NameWords| {
            by.words.iter().any(|(keys, translations)| {
                keys.iter().any(|k| w.1.contains(k)) || w.0.iter().any(|k| translations.contains(k))
            })
        };
        let slack = usize::from(self.words.len() >= 4 && other.words.len() >= 4);
        let unmet = |a: &NameWords, b: &NameWords| a.words.iter().filter(|w| !met(w, b)).count();
        unmet(self, other) <= slack && unmet(other, self) <= slack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<u64> {
        phrase_keys(text)
    }

    #[test]
    fn the_fingerprint_names_the_pairs_added() {
        let list = |pairs: &[(&str, &str)]| {
            let mut b = Bilingual::new();
            for (en, ar) in pairs {
                b.add(en, ar);
            }
            b.fingerprint()
        };
        let basin = [("council", "مجلس"), ("basin", "الحوض")];
        assert_eq!(
            list(&basin),
            list(&basin),
            "the same pairs, the same fingerprint"
        );
        assert_ne!(list(&basin), list(&basin[..1]), "a pair fewer");
        assert_ne!(
            list(&basin),
            list(&[("council", "مجلس"), ("north", "الحوض")]),
            "another translation"
        );
        assert_ne!(
            list(&basin),
            Bilingual::new().fingerprint(),
            "an empty list"
        );
    }

    #[test]
    fn inflected_forms_meet_citation_forms() {
        assert_eq!(keys("الانسحاب"), keys("انسحاب"));
        assert!(keys("ينسحب").iter().any(|k| keys("انسحب").contains(k)));
        assert!(keys("ندعم").iter().any(|k| keys("الدعم").contains(k)));
        assert_eq!(keys("sanctions"), keys("sanction"));
        assert!(keys("the of").is_empty());
    }

    #[test]
    fn dictd_entries_are_read_in_both_directions() {
        let body = "Sanctions /x/\n1. العقوبات\n2. القداسة\nOil /y/\nالنفط، الزيت - مادة\n";
        let sanctions = body.find("Sanctions").unwrap();
        let oil = body.find("Oil").unwrap();
        let b64 = |mut n: usize| {
            const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = Vec::new();
            loop {
                s.push(A[n % 64]);
                n /= 64;
                if n == 0 {
                    break;
                }
            }
            s.reverse();
            String::from_utf8(s).unwrap()
        };
        let index = format!(
            "00-database-info\tA\tB\nOil\t{}\t{}\nSanctions\t{}\t{}\nbroken line\n",
            b64(oil),
            b64(body.len() - oil),
            b64(sanctions),
            b64(oil - sanctions)
        );
        let mut dict = Bilingual::new();
        assert_eq!(dict.add_dictd(&index, body), 4);
        let en = keys("sanctions")[0];
        let ar = keys("عقوبات");
        assert!(dict.translations(en, false).contains(&ar[0]));
        assert!(dict.translations(ar[0], true).contains(&en));
        let oil = keys("oil")[0];
        assert!(dict.translations(oil, false).contains(&keys("زيت")[0]));
        assert_eq!(dict.translations(keys("مادة")[0], true), &[] as &[u64]);
    }
}
