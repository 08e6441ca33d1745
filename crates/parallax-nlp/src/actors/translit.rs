//! Cross-script name matching by consonant skeletons.
//!
//! A name is turned into a sequence of [`Sym`]bols that mean the same thing in Arabic and
//! Latin script: consonant classes (ك, ق, k, c, ck and q are one class; ش and sh another),
//! the semivowels و/w and ي/y, and a single vowel symbol for any run of vowels, since Arabic
//! leaves short vowels unwritten and Latin spellings of long vowels vary (ou, oo, u). Two
//! skeletons are compared by a weighted edit distance in which vowels are cheap, near
//! classes (ج/j ↔ g, ذ ↔ d/z, ق ↔ g) cost a little and everything else costs a full edit.
//!
//! Left out: Persian, Urdu and Hebrew letters beyond a few common ones, and spelling
//! conventions of other Latin-script languages (French "ou" is just a vowel here, German
//! "sch" is s + kh). The matcher scores names; deciding that two *people* are one is
//! [`super::resolve`]'s job.

use crate::text::fold_for_match;

/// A consonant class, written as one ASCII letter for compact keys.
type Class = u8;

/// One unit of a name's skeleton.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sym {
    /// Any run of vowels (and the Arabic letters that mostly stand for one: ا ع ء).
    Vowel,
    /// و or w: a consonant or a long u/o.
    W,
    /// ي or y: a consonant or a long i/e.
    Y,
    /// A consonant class.
    Cons(Class),
}

/// The score at or above which two single name words are taken as one name written in two
/// ways. Calibrated on the corpus name pairs in `tests/actors.rs` (positives score ≥ 0.78,
/// the look-alike negatives ≤ 0.66).
pub const WORD_THRESHOLD: f32 = 0.72;

/// Consonant classes: a b c d ... are ASCII letters, and digraph sounds get capitals.
mod class {
    pub const B: u8 = b'b';
    pub const T: u8 = b't';
    pub const TH: u8 = b'T'; // ث, th
    pub const J: u8 = b'j';
    pub const G: u8 = b'g';
    pub const H: u8 = b'h';
    pub const KH: u8 = b'X'; // خ, kh
    pub const D: u8 = b'd';
    pub const DH: u8 = b'D'; // ذ ظ, dh
    pub const R: u8 = b'r';
    pub const Z: u8 = b'z';
    pub const S: u8 = b's';
    pub const SH: u8 = b'S'; // ش, sh, ch
    pub const GH: u8 = b'G'; // غ, gh
    pub const F: u8 = b'f';
    pub const K: u8 = b'k';
    pub const L: u8 = b'l';
    pub const M: u8 = b'm';
    pub const N: u8 = b'n';
}

/// Classes that transliterations commonly confuse, at a reduced substitution cost.
fn near(a: Class, b: Class) -> bool {
    use class::*;
    let pair = |x: u8, y: u8| (a == x && b == y) || (a == y && b == x);
    pair(J, G)
        || pair(GH, J)
        || pair(G, K)
        || pair(GH, G)
        || pair(GH, R)
        || pair(KH, K)
        || pair(KH, H)
        || pair(TH, T)
        || pair(TH, S)
        || pair(DH, D)
        || pair(DH, Z)
        || pair(SH, S)
        || pair(SH, J)
        || pair(Z, S)
        || pair(D, T)
        || pair(B, F)
}

/// The coarse class used in blocking keys: near classes share one letter.
fn coarse(c: Class) -> u8 {
    use class::*;
    match c {
        TH | T | D | DH => b't',
        G | GH | J | K | KH => b'k',
        S | SH | Z => b's',
        B | F => b'b',
        other => other,
    }
}

fn arabic_sym(c: char, last: bool) -> Option<Sym> {
    use class::*;
    Some(match c {
        'ا' | 'ع' | 'ء' => Sym::Vowel,
        // ة folds to ه; a word-final ه is almost always the vowel of ة
        'ه' if last => Sym::Vowel,
        'و' => Sym::W,
        'ي' => Sym::Y,
        'ب' | 'پ' => Sym::Cons(B),
        'ت' | 'ط' => Sym::Cons(T),
        'ث' => Sym::Cons(TH),
        'ج' | 'چ' | 'ژ' => Sym::Cons(J),
        'گ' | 'ڭ' => Sym::Cons(G),
        'ح' | 'ه' => Sym::Cons(H),
        'خ' => Sym::Cons(KH),
        'د' | 'ض' => Sym::Cons(D),
        'ذ' | 'ظ' => Sym::Cons(DH),
        'ر' => Sym::Cons(R),
        'ز' => Sym::Cons(Z),
        'س' | 'ص' => Sym::Cons(S),
        'ش' => Sym::Cons(SH),
        'غ' => Sym::Cons(GH),
        'ف' | 'ڤ' | 'ۋ' => Sym::Cons(F),
        'ق' | 'ك' | 'ک' => Sym::Cons(K),
        'ل' => Sym::Cons(L),
        'م' => Sym::Cons(M),
        'ن' => Sym::Cons(N),
        _ => return None,
    })
}

fn is_latin_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Skeleton of one Latin-script word (already lowercased; accents are dropped).
fn latin_syms(word: &[u8], out: &mut Vec<Sym>) {
    use class::*;
    let at = |i: usize| word.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < word.len() {
        let (c, n) = (word[i], at(i + 1));
        // a doubled letter before its digraph is the digraph: "tth" is "th", "cch" is "ch"
        let digraph = |x: u8| matches!(x, b's' | b'c' | b'k' | b't' | b'd' | b'g' | b'z');
        if c == n && digraph(c) && at(i + 2) == b'h' {
            i += 1;
            continue;
        }
        // a final "h" after a vowel is not a letter of its own ("-eh", "-ah": the Arabic
        // ة or a final ه read as a vowel)
        if c == b'h' && i + 1 == word.len() && i > 0 && is_latin_vowel(word[i - 1]) {
            break;
        }
        let (sym, used) = match (c, n) {
            // German "sch", English "tch": one sound
            (b's', b'c') if at(i + 2) == b'h' => (Sym::Cons(SH), 3),
            (b't', b'c') if at(i + 2) == b'h' => (Sym::Cons(SH), 3),
            // Slavic "zh" (ж), written ج or ژ in Arabic
            (b'z', b'h') => (Sym::Cons(J), 2),
            (b's', b'h') => (Sym::Cons(SH), 2),
            (b'c', b'h') => (Sym::Cons(SH), 2),
            (b'k', b'h') => (Sym::Cons(KH), 2),
            (b't', b'h') => (Sym::Cons(TH), 2),
            (b'd', b'h') => (Sym::Cons(DH), 2),
            (b'g', b'h') => (Sym::Cons(GH), 2),
            (b'p', b'h') => (Sym::Cons(F), 2),
            (b'c', b'k') => (Sym::Cons(K), 2),
            (b'd', b'j') => (Sym::Cons(J), 2),
            (b'c', b'e' | b'i' | b'y') => (Sym::Cons(S), 1),
            (b'c' | b'k' | b'q', _) => (Sym::Cons(K), 1),
            (b'x', _) => {
                out.push(Sym::Cons(K));
                (Sym::Cons(S), 1)
            }
            (b'y', _) if i == 0 || is_latin_vowel(n) => (Sym::Y, 1),
            (b'y', _) => (Sym::Vowel, 1),
            (b'w', _) => (Sym::W, 1),
            (v, _) if is_latin_vowel(v) => (Sym::Vowel, 1),
            (b'b' | b'p', _) => (Sym::Cons(B), 1),
            (b't', _) => (Sym::Cons(T), 1),
            (b'j', _) => (Sym::Cons(J), 1),
            (b'g', _) => (Sym::Cons(G), 1),
            (b'h', _) => (Sym::Cons(H), 1),
            (b'd', _) => (Sym::Cons(D), 1),
            (b'r', _) => (Sym::Cons(R), 1),
            (b'z', _) => (Sym::Cons(Z), 1),
            (b's', _) => (Sym::Cons(S), 1),
            (b'f' | b'v', _) => (Sym::Cons(F), 1),
            (b'l', _) => (Sym::Cons(L), 1),
            (b'm', _) => (Sym::Cons(M), 1),
            (b'n', _) => (Sym::Cons(N), 1),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(sym);
        i += used;
    }
}

/// Strips Latin accents: é → e, ü → u (NFD, then drop combining marks).
fn latin_ascii(word: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c as u8)
        .collect()
}

/// The skeleton of one word in either script. Doubled letters and vowel runs collapse,
/// and an Arabic article («ال») or Latin "al-"/"el-" prefix is dropped.
pub fn skeleton(word: &str) -> Vec<Sym> {
    skeleton_of_folded(&fold_for_match(word))
}

/// [`skeleton`] of a word already folded by [`fold_for_match`] (skips the folding).
pub fn skeleton_of_folded(folded: &str) -> Vec<Sym> {
    let folded = folded.to_owned();
    let mut raw = Vec::with_capacity(folded.len());
    if folded.chars().any(crate::text::is_arabic_letter) {
        let body = folded
            .strip_prefix("ال")
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(&folded);
        let chars: Vec<char> = body
            .chars()
            .filter(|c| crate::text::is_arabic_letter(*c))
            .collect();
        for (i, &c) in chars.iter().enumerate() {
            // «تش» writes the one sound "ch"
            if c == 'ت' && chars.get(i + 1) == Some(&'ش') {
                continue;
            }
            if let Some(s) = arabic_sym(c, i + 1 == chars.len() && i > 0) {
                raw.push(s);
            }
        }
    } else {
        let body = ["al-", "el-", "al ", "el "]
            .iter()
            .find_map(|p| folded.strip_prefix(p))
            .unwrap_or(&folded);
        latin_syms(&latin_ascii(body), &mut raw);
    }
    raw.dedup_by(|b, a| a == b);
    raw
}

/// A script-independent blocking key for a word: the coarse classes of its first three
/// consonants. Names that can score above [`WORD_THRESHOLD`] almost always share it.
pub fn block_key(word: &str) -> String {
    let key: String = skeleton(word)
        .into_iter()
        .filter_map(|s| match s {
            Sym::Cons(c) => Some(coarse(c) as char),
            _ => None,
        })
        .take(3)
        .collect();
    key
}

fn weight(s: Sym) -> f32 {
    match s {
        Sym::Vowel => 0.2,
        Sym::W | Sym::Y => 0.4,
        Sym::Cons(class::H) => 0.5,
        Sym::Cons(_) => 1.0,
    }
}

fn substitution(a: Sym, b: Sym) -> f32 {
    match (a, b) {
        _ if a == b => 0.0,
        (Sym::W | Sym::Y, Sym::Vowel) | (Sym::Vowel, Sym::W | Sym::Y) => 0.1,
        (Sym::W, Sym::Y) | (Sym::Y, Sym::W) => 0.6,
        // Latin "j" is a "y" in Germanic and Slavic names ("Jens", «ينس»)
        (Sym::Cons(class::J), Sym::Y) | (Sym::Y, Sym::Cons(class::J)) => 0.5,
        (Sym::Cons(x), Sym::Cons(y)) if near(x, y) => 0.35,
        _ => weight(a) + weight(b),
    }
}

/// Weighted edit distance between two skeletons.
pub fn skeleton_distance(a: &[Sym], b: &[Sym]) -> f32 {
    let mut prev: Vec<f32> = std::iter::once(0.0)
        .chain(b.iter().scan(0.0, |acc, &s| {
            *acc += weight(s);
            Some(*acc)
        }))
        .collect();
    let mut cur = vec![0.0; b.len() + 1];
    for &x in a {
        cur[0] = prev[0] + weight(x);
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + substitution(x, y))
                .min(prev[j + 1] + weight(x))
                .min(cur[j] + weight(y));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The consonants of a skeleton that a transliteration keeps: every class but the weak
/// "h", which spellings add and drop freely.
fn firm_consonants(s: &[Sym]) -> Vec<Class> {
    s.iter()
        .filter_map(|&x| match x {
            Sym::Cons(c) if c != class::H => Some(c),
            _ => None,
        })
        .collect()
}

/// The edits (insertions, deletions, substitutions other than between near classes) that
/// turn one word's firm consonants into the other's: "Kerry" and "Kirby" are one apart,
/// «غروسي» and "Grossi" none.
pub fn consonant_edits(a: &str, b: &str) -> usize {
    let (ca, cb) = (firm_consonants(&skeleton(a)), firm_consonants(&skeleton(b)));
    let mut prev: Vec<usize> = (0..=cb.len()).collect();
    let mut cur = vec![0; cb.len() + 1];
    for (i, &x) in ca.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &y) in cb.iter().enumerate() {
            let sub = usize::from(!(x == y || near(x, y)));
            cur[j + 1] = (prev[j] + sub).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[cb.len()]
}

/// The consonant edits two name words may differ by and still be one name: none for words
/// of up to [`SHORT_WORD_CONSONANTS`] firm consonants (where one more consonant makes
/// another name: "Kerry" / "Kirby"), one for longer words.
pub const SHORT_WORD_CONSONANTS: usize = 3;

/// Whether two single name words are one name written in two ways: the same word, or a
/// [`word_similarity`] of at least [`WORD_THRESHOLD`] with the consonant skeletons at most
/// one edit apart (none for short words).
pub fn same_name_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if word_similarity(a, b) < WORD_THRESHOLD {
        return false;
    }
    let shorter = firm_consonants(&skeleton(a))
        .len()
        .min(firm_consonants(&skeleton(b)).len());
    let allowed = usize::from(shorter > SHORT_WORD_CONSONANTS);
    consonant_edits(a, b) <= allowed
}

/// Similarity in [0, 1] of two single name words, in the same or different scripts.
pub fn word_similarity(a: &str, b: &str) -> f32 {
    let (sa, sb) = (skeleton(a), skeleton(b));
    let total = |s: &[Sym]| s.iter().map(|&x| weight(x)).sum::<f32>();
    let norm = total(&sa).max(total(&sb));
    if norm < 1.0 {
        return if sa == sb && !sa.is_empty() { 1.0 } else { 0.0 };
    }
    (1.0 - skeleton_distance(&sa, &sb) / norm).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_of_both_scripts_meet() {
        use Sym::*;
        let (m, k, l, n) = (Cons(b'm'), Cons(b'k'), Cons(b'l'), Cons(b'n'));
        assert_eq!(skeleton("McKellan"), vec![m, k, Vowel, l, Vowel, n]);
        assert_eq!(skeleton("ماكيلان"), vec![m, Vowel, k, Y, l, Vowel, n]);
        assert_eq!(block_key("McKellan"), block_key("ماكيلان"));
        assert_eq!(block_key("Tobiano"), block_key("توبيانو"));
        assert_eq!(block_key("Afghanistan"), block_key("أفغانستان"));
    }
}
