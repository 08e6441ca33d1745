//! What two statements are compared on: weighted lexical features within a language, and
//! anchors (numbers, transliterated names) across languages.

use std::collections::HashMap;

use crate::actors::{skeleton, skeleton_of_folded, Sym};
use crate::text::{is_arabic_letter, match_tokens};
use crate::Lang;

/// Function words that carry no claim. Data rather than rules: a new language is a list.
const STOP_EN: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
    "these", "those", "they", "them", "their", "he", "she", "his", "her", "we", "our", "us", "you",
    "i", "my", "me", "will", "would", "has", "have", "had", "do", "does", "did", "so", "than",
    "there", "which", "who", "whom", "what", "also", "not", "no", "all", "any", "some", "such",
    "into", "about", "very", "can", "could", "should", "may", "might", "said", "says", "just",
    "more", "most", "if", "then", "once", "again", "up", "out",
];
const STOP_AR: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "هو",
    "هي",
    "هم",
    "نحن",
    "انا",
    "لا",
    "لم",
    "لن",
    "ما",
    "كما",
    "بان",
    "بين",
    "حول",
    "عند",
    "كل",
    "بعد",
    "قبل",
    "ايضا",
    "اي",
    "وقد",
    "فان",
    "وان",
    "انه",
    "انها",
    "الا",
    "حتي",
    "منذ",
    "لكن",
    "قال",
    "قالت",
    "اضاف",
    "و",
    "ف",
];

pub(super) fn is_stop(w: &str) -> bool {
    STOP_EN.contains(&w) || STOP_AR.contains(&w)
}

/// A crude stem: English inflections and Arabic article, glued prepositions and pronoun
/// suffixes. Character n-grams catch what this misses.
pub fn stem(word: &str) -> String {
    let n = word.chars().count();
    if word.chars().any(is_arabic_letter) {
        let mut w = word;
        if let Some(r) = w.strip_prefix("ال").filter(|r| r.chars().count() >= 3) {
            w = r;
        }
        for suffix in ["هما", "ها", "هم", "كم", "نا", "ات", "ون", "ين", "ه", "ي"]
        {
            if let Some(r) = w.strip_suffix(suffix).filter(|r| r.chars().count() >= 3) {
                w = r;
                break;
            }
        }
        return w.to_owned();
    }
    let w = word.strip_suffix("'s").unwrap_or(word);
    for suffix in [
        "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s", "ly", "e",
    ] {
        if n > suffix.len() + 3 {
            if let Some(r) = w.strip_suffix(suffix) {
                return r.to_owned();
            }
        }
    }
    w.to_owned()
}

/// A fast hasher for u64 keys that are already hashes (FxHash's multiply).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;

/// FNV-1a over bytes with a tag, for feature ids.
fn hash(tag: u8, s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// One statement's features: sorted, deduplicated ids with counts.
#[derive(Debug, Default, Clone)]
pub struct Features {
    /// Word stems (tag 1) and character 4-grams of stems (tag 2).
    pub lexical: Vec<(u64, u32)>,
    /// Stem ids only, the candidates' blocking keys.
    pub stems: Vec<u64>,
    /// Cross-language anchors: numbers and name skeletons.
    pub anchors: Vec<u64>,
    /// Content words for the bilingual word list: each word's stem id (its weight) and its
    /// matching keys (see `bilingual::word_keys`, plus its name skeleton), once per stem.
    pub words: Vec<(u64, Vec<u64>)>,
}

fn counted(mut ids: Vec<u64>) -> Vec<(u64, u32)> {
    ids.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(ids.len());
    for id in ids {
        match out.last_mut() {
            Some((last, c)) if *last == id => *c += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// The consonant classes of a word's skeleton, as an anchor key, when it has at least three
/// (shorter skeletons collide too often across languages).
fn skeleton_key(word: &str, folded: bool) -> Option<String> {
    let syms = if folded {
        skeleton_of_folded(word)
    } else {
        skeleton(word)
    };
    let key: String = syms
        .into_iter()
        .filter_map(|s| match s {
            Sym::Cons(c) => Some(coarse(c) as char),
            _ => None,
        })
        .collect();
    (key.len() >= 3).then_some(key)
}

/// Collapses transliteration-near classes (as the actor matcher's blocking does).
fn coarse(c: u8) -> u8 {
    match c {
        b'T' | b't' | b'd' | b'D' => b't',
        b'g' | b'G' | b'j' | b'k' | b'X' => b'k',
        b's' | b'S' | b'z' => b's',
        b'b' | b'f' => b'b',
        other => other,
    }
}

/// Numbers written with Arabic-Indic or Western digits, as one key.
fn number_key(word: &str) -> Option<String> {
    let digits: String = word
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10),
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10),
            _ => None,
        })
        .collect();
    (!digits.is_empty()).then_some(digits)
}

/// Names in a Latin-script text: capitalised words not opening a sentence, and acronyms.
fn latin_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        if !word.is_empty()
            && (acronym || (capital && !sentence_start))
            && !is_stop(&word.to_lowercase())
        {
            out.push(word.to_owned());
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']);
    }
    out
}

/// Acronyms a Latin-script text spells out or writes with dots, lowercased, so that
/// "Northern Basin Council" and "NBC", "U.S." and "United States" and "US" meet: the
/// initials of every run of two or more capitalised words (function words inside a run
/// are skipped: "Commission on River Heritage" → "crh"), with the run's
/// words, and dotted acronyms without their dots (no words). The United States is "usa"
/// (plain "us" is a pronoun).
fn acronyms(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut initials = String::new();
    let mut run: Vec<String> = Vec::new();
    let flush =
        |initials: &mut String, run: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>| {
            if run.len() >= 2 {
                out.push((std::mem::take(initials), std::mem::take(run)));
            }
            initials.clear();
            run.clear();
        };
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
        if dotted && word.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            flush(&mut initials, &mut run, &mut out);
            out.push((word.replace('.', "").to_lowercase(), Vec::new()));
            continue;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let lower = word.to_lowercase();
        let all_caps = word.chars().all(|c| c.is_ascii_uppercase());
        if capital && !all_caps && !is_stop(&lower) {
            initials.extend(word.chars().next().map(|c| c.to_ascii_lowercase()));
            run.push(lower.clone());
        } else if !run.is_empty()
            && matches!(lower.as_str(), "of" | "on" | "for")
            && !raw.ends_with([',', '.', ';', ':'])
        {
            // "of", "on", "for" inside a name ("and" or "the" ends it: "the Northern
            // Basin Council and the old river guard")
        } else {
            flush(&mut initials, &mut run, &mut out);
        }
        if raw.ends_with([',', '.', ';', ':', '!', '?']) || raw.contains(['(', ')']) {
            flush(&mut initials, &mut run, &mut out);
        }
        if all_caps && word.len() >= 2 && lower == "us" {
            out.push(("usa".into(), Vec::new()));
        }
    }
    flush(&mut initials, &mut run, &mut out);
    for (a, _) in &mut out {
        if a == "us" {
            *a = "usa".into();
        }
    }
    out
}

/// The acronyms a batch of statements writes as such ("NBC", "US" as "usa"), lowercased:
/// a run of capitalised words whose initials are one of them stands for it
/// ([`features`]).
pub fn written_acronyms<'a>(
    texts: impl Iterator<Item = &'a str>,
) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for text in texts {
        for raw in text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
                let lower = word.to_lowercase();
                out.insert(if lower == "us" {
                    "usa".to_owned()
                } else {
                    lower
                });
            }
        }
    }
    out
}

/// Computes a statement's features; its content words for a bilingual word list only when
/// `with_words` (they cost a little, and are of no use without one).
///
/// A run of capitalised words whose acronym the batch writes (`written`) counts as that
/// acronym alone ("Northern Basin Council" is "NBC", not three more words besides it), so
/// that a statement spelling a name out is as close to one that abbreviates it as the words
/// say.
pub fn features(
    text: &str,
    lang: Lang,
    with_words: bool,
    written: &std::collections::HashSet<String>,
) -> Features {
    let mut tokens = match_tokens(text);
    if !(lang == Lang::Ar || (lang == Lang::Other && text.chars().any(is_arabic_letter))) {
        for (acronym, run) in acronyms(text) {
            if written.contains(&acronym) {
                for w in run {
                    if let Some(at) = tokens.iter().position(|t| *t == w) {
                        tokens.remove(at);
                    }
                }
            }
            tokens.push(acronym);
        }
    }
    let mut lexical = Vec::with_capacity(tokens.len() * 6);
    let mut stems = Vec::with_capacity(tokens.len());
    let mut anchors = Vec::new();
    let arabic = lang == Lang::Ar || (lang == Lang::Other && text.chars().any(is_arabic_letter));
    let stemmed: Vec<String> = tokens.iter().map(|t| stem(t)).collect();
    let mut padded: Vec<char> = Vec::with_capacity(24);
    // each name with its skeleton key, computed once for the anchors and the words
    let names: Vec<(String, Option<String>)> = if arabic {
        Vec::new()
    } else {
        latin_names(text)
            .into_iter()
            .map(|n| {
                let k = skeleton_key(&n, false);
                (n, k)
            })
            .collect()
    };
    let mut words: Vec<(u64, Vec<u64>)> = Vec::new();
    for (t, s) in tokens.iter().zip(&stemmed) {
        if let Some(n) = number_key(t) {
            anchors.push(hash(3, &n));
            lexical.push(hash(1, &n));
            continue;
        }
        if is_stop(t) {
            continue;
        }
        let id = hash(1, s);
        lexical.push(id);
        stems.push(id);
        let arabic_skeleton = if arabic && t.chars().count() >= 4 {
            skeleton_key(t, true).map(|k| hash(4, &k))
        } else {
            None
        };
        if with_words && !words.iter().any(|(w, _)| *w == id) {
            let mut keys = Vec::with_capacity(3);
            super::bilingual::word_keys(t, &mut keys);
            let skeleton = if arabic {
                arabic_skeleton
            } else {
                names
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(t))
                    .and_then(|(_, k)| k.as_ref().map(|k| hash(4, k)))
            };
            keys.extend(skeleton);
            if !keys.is_empty() {
                words.push((id, keys));
            }
        }
        padded.clear();
        padded.push('^');
        padded.extend(s.chars());
        padded.push('$');
        for g in padded.windows(4) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ 2;
            for &c in g {
                h ^= u64::from(c);
                h = h.wrapping_mul(0x100_0000_01b3);
            }
            lexical.push(h);
        }
        if arabic && t.chars().count() >= 4 {
            anchors.extend(arabic_skeleton);
            // long vowels are written or left out freely («الأميركي» / «الأمريكي»,
            // «دالينزا» / «دلينزا»): the stem without them is a feature too
            let mut chars = s.chars();
            let bare: String = chars
                .next()
                .into_iter()
                .chain(chars.filter(|c| !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء')))
                .collect();
            if bare.chars().count() >= 3 {
                lexical.push(hash(5, &bare));
            }
        }
    }
    if !arabic {
        for (_, k) in &names {
            if let Some(k) = k {
                anchors.push(hash(4, k));
            }
        }
    }
    // bilingual concepts: anchors across languages, synonyms within one
    for c in super::concepts::Concepts::get().find(&stemmed) {
        let id = hash(6, &c.to_string());
        anchors.push(id);
        lexical.push(id);
    }
    stems.sort_unstable();
    stems.dedup();
    anchors.sort_unstable();
    anchors.dedup();
    Features {
        lexical: counted(lexical),
        stems,
        anchors,
        words,
    }
}

/// Inverse document frequencies over a batch: `ln(1 + n / df)`.
pub struct Idf {
    n: f32,
    df: FxMap<u64, u32>,
}

impl Idf {
    pub fn new<'a>(docs: impl Iterator<Item = &'a Features>) -> Idf {
        let mut df: FxMap<u64, u32> = FxMap::default();
        let mut n = 0usize;
        for f in docs {
            n += 1;
            for &(id, _) in &f.lexical {
                *df.entry(id).or_default() += 1;
            }
            for &id in &f.anchors {
                *df.entry(id ^ 0x5bd1_e995).or_default() += 1;
            }
        }
        Idf { n: n as f32, df }
    }

    pub fn weight(&self, id: u64) -> f32 {
        (1.0 + self.n / self.df.get(&id).copied().unwrap_or(1) as f32).ln()
    }

    pub fn anchor_weight(&self, id: u64) -> f32 {
        self.weight(id ^ 0x5bd1_e995)
    }

    pub fn df(&self, id: u64) -> u32 {
        self.df.get(&id).copied().unwrap_or(0)
    }
}

/// A feature list with its IDF weights resolved once, so comparisons do no hashing.
#[derive(Debug, Default, Clone)]
pub struct Weighted {
    pub ids: Vec<u64>,
    pub weights: Vec<f32>,
    pub total: f32,
}

impl Weighted {
    pub fn lexical(f: &Features, idf: &Idf) -> Weighted {
        let ids: Vec<u64> = f.lexical.iter().map(|x| x.0).collect();
        let weights: Vec<f32> = f
            .lexical
            .iter()
            .map(|&(id, c)| idf.weight(id) * c as f32)
            .collect();
        Weighted {
            total: weights.iter().sum(),
            ids,
            weights,
        }
    }

    pub fn anchors(f: &Features, idf: &Idf) -> Weighted {
        let weights: Vec<f32> = f.anchors.iter().map(|&id| idf.anchor_weight(id)).collect();
        Weighted {
            total: weights.iter().sum(),
            ids: f.anchors.clone(),
            weights,
        }
    }

    /// The weight both lists share (the smaller of the two weights per feature) and how
    /// many features they share.
    pub fn shared(&self, other: &Weighted) -> (f32, usize) {
        let (mut i, mut j, mut sum, mut n) = (0, 0, 0.0, 0);
        while i < self.ids.len() && j < other.ids.len() {
            match self.ids[i].cmp(&other.ids[j]) {
                std::cmp::Ordering::Equal => {
                    sum += self.weights[i].min(other.weights[j]);
                    n += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        (sum, n)
    }
}
