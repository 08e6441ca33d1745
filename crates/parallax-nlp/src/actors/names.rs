//! Name words, keys and the relations between one name and another: same name, acronym of,
//! surname of, transliteration of.
//!
//! Left out: titles are removed from a small built-in list only (the extractor already
//! separates most of them), and no name is translated («مجلس الحوض الشمالي» and "Northern
//! Basin Council" meet only when an article links them, or by an analyst's edit).

use super::translit::{same_name_word, word_similarity};
use crate::text::{fold_for_match, is_arabic_letter, match_tokens};

/// Honorifics, ranks and articles that are not part of a name. Titles proper are reported by
/// the extractor; this list only catches the ones that stay glued to names in aliases.
const NOT_NAME: &[&str] = &[
    "the",
    "gen",
    "general",
    "mr",
    "mrs",
    "ms",
    "dr",
    "jr",
    "sr",
    "sir",
    "lt",
    "col",
    "maj",
    "president",
    "sheikh",
    "الجنرال",
    "العميد",
    "اللواء",
    "السيد",
    "السيده",
    "الدكتور",
    "الرئيس",
    "الشيخ",
];

/// Function words skipped when taking an expansion's initials.
const NOT_INITIAL: &[&str] = &[
    "of", "the", "and", "for", "on", "to", "in", "against", "at", "في", "ضد", "من", "علي", "و",
];

/// Whether a folded word is a function word of a name ("of", "the", «في»), which gives no
/// letter to an acronym.
pub fn is_function_word(word: &str) -> bool {
    NOT_INITIAL.contains(&word)
}

/// The words of a name for matching: folded, without honorifics. Single letters (initials)
/// are kept; [`name_key`] drops them.
pub fn name_words(name: &str) -> Vec<String> {
    match_tokens(name)
        .into_iter()
        .filter(|w| !NOT_NAME.contains(&w.as_str()))
        .collect()
}

/// Words that name a channel or a document of an actor rather than the actor: "the
/// coalition's official account", «الحساب الرسمي للتحالف» and "the ministry's statement"
/// speak for their owner.
const CHANNEL: &[&str] = &[
    "account",
    "accounts",
    "tweet",
    "tweets",
    "twitter",
    "page",
    "website",
    "feed",
    "handle",
    "post",
    "statement",
    "statements",
    "بيان",
    "البيان",
    "بيانه",
    "بيانها",
    "حساب",
    "الحساب",
    "حسابه",
    "حسابها",
    "صفحه",
    "الصفحه",
    "موقع",
    "الموقع",
    "تغريده",
];

/// Modifiers that do not tell two organisations of one kind apart.
const GENERIC: &[&str] = &[
    "international",
    "official",
    "global",
    "of",
    "the",
    "s",
    "الدولي",
    "الدوليه",
    "الرسمي",
    "الرسميه",
];

/// Whether a name is an actor's channel (an account, a page, a tweet).
pub fn is_channel(name: &str) -> bool {
    name_words(name)
        .iter()
        .any(|w| CHANNEL.contains(&w.as_str()))
}

/// The words that identify an organisation among others of its kind: the name's words
/// without channel words, generic modifiers or possessive endings, with "United States"
/// written "us". English "X of Y" is read as "Y X", so that the head comes last in both
/// ("Ministry of Defence" and "Defence Ministry" have one core). `None` when nothing is
/// left ("the account").
pub fn org_core(name: &str) -> Option<Vec<String>> {
    let mut words = name_words(name);
    if let Some(of) = words.iter().position(|w| w == "of") {
        if of > 0 && !is_arabic(name) {
            let after = words.split_off(of + 1);
            words.pop();
            words = after.into_iter().chain(words).collect();
        }
    }
    let words: Vec<String> = words
        .into_iter()
        .map(|w| w.strip_suffix("'s").map(str::to_owned).unwrap_or(w))
        .filter(|w| !CHANNEL.contains(&w.as_str()) && !GENERIC.contains(&w.as_str()))
        .collect();
    let joined = format!(" {} ", words.join(" "))
        .replace(" united states ", " us ")
        .replace(" u s ", " us ");
    let core: Vec<String> = joined.split_whitespace().map(str::to_owned).collect();
    (!core.is_empty()).then_some(core)
}

/// The head noun of an organisation's core: the last word in English ("US-led coalition"),
/// the first in Arabic («التحالف الدولي»).
pub fn head_of(core: &[String]) -> &str {
    let arabic = core
        .first()
        .is_some_and(|w| w.chars().any(is_arabic_letter));
    let head = if arabic { core.first() } else { core.last() };
    head.map(String::as_str).unwrap_or_default()
}

/// Nouns of a role that leads an organisation.
const LEADING: &[&str] = &[
    "leader",
    "commander",
    "chief",
    "head",
    "president",
    "chairman",
    "chair",
    "chairwoman",
    "قائد",
    "القائد",
    "رئيس",
    "الرئيس",
    "رئيسه",
    "زعيم",
    "زعيمه",
];

/// The organisation that a role or description says its holder leads, as folded words:
/// "the leader of the Northern Basin Council" → northern basin council, "the NBC's top
/// commander" → nbc, «القائد العام لمجلس الحوض الشمالي» → مجلس الحوض الشمالي.
pub fn led_organisation(role: &str) -> Option<Vec<String>> {
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    // the list as the words are compared: folded («قائد» is «قايد»)
    let leading = FOLDED.get_or_init(|| LEADING.iter().map(|w| fold_for_match(w)).collect());
    let words = match_tokens(role);
    let lead = words.iter().position(|w| leading.contains(w))?;
    // "X's top commander": the possessor before the role noun
    if let Some(owner) = words[..lead].iter().rev().find(|w| w.ends_with("'s")) {
        return Some(vec![owner.trim_end_matches("'s").to_owned()]);
    }
    // English says whom with "of" ("President Elena Morvik" leads nothing named here)
    let arabic = words[lead].chars().any(is_arabic_letter);
    if !arabic && words.get(lead + 1).map(String::as_str) != Some("of") {
        return None;
    }
    let mut rest: Vec<String> = words[lead + 1..]
        .iter()
        .skip_while(|w| matches!(w.as_str(), "of" | "the" | "general" | "العام" | "الاعلي"))
        .take_while(|w| !matches!(w.as_str(), "and" | "who" | "in" | "و"))
        .map(|w| {
            // «لقوات» → «قوات»: a glued preposition
            w.strip_prefix('ل')
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(w)
                .to_owned()
        })
        .collect();
    rest.retain(|w| w != "the");
    (!rest.is_empty()).then_some(rest)
}

/// Whether two organisations' words name the same one: the same words, or one the acronym
/// of the other ("nbc" / "northern basin council").
pub fn same_organisation(a: &[String], b: &[String]) -> bool {
    let (ja, jb) = (a.join(" "), b.join(" "));
    ja == jb
        || (a.len() == 1 && is_acronym_of(&a[0].to_uppercase(), &jb))
        || (b.len() == 1 && is_acronym_of(&b[0].to_uppercase(), &ja))
}

/// Whether the name is written as an acronym: one or two all-capital Latin words
/// ("NBC", "CRTG-OST", "The CRTGOST").
pub fn looks_like_acronym(name: &str) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '.'))
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_uppercase()))
        && words.iter().map(|w| w.len()).sum::<usize>() >= 2
}

/// The matching key of a name: its words without initials, joined by spaces; acronyms are
/// compacted so that "CRTG-OST" and "CRTGOST" meet. Two names with one key are one name.
pub fn name_key(name: &str) -> String {
    let words = name_words(name);
    if looks_like_acronym(name) {
        return words.concat();
    }
    let full: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| w.chars().count() > 1 || w.chars().any(is_arabic_letter))
        .collect();
    if full.is_empty() {
        words.join(" ")
    } else {
        full.join(" ")
    }
}

/// The initials of an expansion: first letters of its content words, with the Arabic
/// article stripped («مجلس الحوض الشمالي» → «محش», "Combined River Task Group –
/// Operation Steady Tide" → "crtgost").
pub fn initials(expansion: &str) -> String {
    name_words(expansion)
        .iter()
        .filter(|w| !NOT_INITIAL.contains(&w.as_str()))
        .filter_map(|w| {
            w.strip_prefix("ال")
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w)
                .chars()
                .next()
        })
        .collect()
}

/// Whether `short` is an acronym of `long`: its letters are `long`'s initials. Used to tell
/// an acronym alias (a strong, global key) from a surname alias (a weak one).
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = name_words(short).concat();
    let init = initials(long);
    letters.chars().count() >= 2 && name_words(long).len() >= 2 && letters == init
}

/// Whether a name is written in Arabic script.
pub fn is_arabic(name: &str) -> bool {
    name.chars().any(is_arabic_letter)
}

fn is_initial(w: &str) -> bool {
    w.chars().count() == 1
}

fn words_match(a: &str, b: &str) -> bool {
    if is_initial(a) || is_initial(b) {
        // an initial matches a name that starts with it, in the same script only
        return a.chars().next() == b.chars().next() && !(is_initial(a) && is_initial(b) && a != b);
    }
    same_name_word(a, b)
}

/// One way to read a person name's words: the given name and the surname, each one word or
/// two written together, as compound names are written either way («عبد الله» /
/// "Abdullah", "Nasr Allah" / «نصرالله», "Le Drian" / «لودريان»). The given name ends
/// before the surname begins.
struct Reading {
    given: String,
    /// The words between the given name and the surname.
    middle: Vec<String>,
    surname: String,
}

/// The readings of a name of two words or more: one word each first; with three words or
/// more, also the first two or the last two written as one.
fn readings(words: &[String]) -> Vec<Reading> {
    let n = words.len();
    let mut out = Vec::with_capacity(4);
    for given_len in 1..=2 {
        for surname_len in 1..=2 {
            if given_len + surname_len > n || (n == 2 && (given_len, surname_len) != (1, 1)) {
                continue;
            }
            // initials are never written together with a name
            let (g, s) = (&words[..given_len], &words[n - surname_len..]);
            if g.len() + s.len() > 2 && g.iter().chain(s).any(|w| is_initial(w)) {
                continue;
            }
            out.push(Reading {
                given: g.concat(),
                middle: words[given_len..n - surname_len].to_vec(),
                surname: s.concat(),
            });
        }
    }
    out
}

/// The forms a person name's surname may take for blocking: its last word, and with three
/// words or more the last two written as one («نصر الله» as «نصرالله»).
pub fn surname_forms(name: &str) -> Vec<String> {
    let words = name_words(name);
    readings(&words)
        .into_iter()
        .map(|r| r.surname)
        .fold(Vec::new(), |mut acc, s| {
            if !acc.contains(&s) {
                acc.push(s);
            }
            acc
        })
}

/// Similarity of two person names, in [0, 1]: the surnames' similarity, and when both names
/// have a first name, the lower of that and the first names' similarity. Works within and
/// across scripts («رزان حسو» ~ "Rezan Hasso").
pub fn name_similarity(a: &str, b: &str) -> f32 {
    let (wa, wb) = (full_words(a), full_words(b));
    let (Some(la), Some(lb)) = (wa.last(), wb.last()) else {
        return 0.0;
    };
    let last = if la == lb {
        1.0
    } else {
        word_similarity(la, lb)
    };
    if wa.len() >= 2 && wb.len() >= 2 {
        let first = if wa[0] == wb[0] {
            1.0
        } else {
            word_similarity(&wa[0], &wb[0])
        };
        last.min(first)
    } else {
        last
    }
}

fn full_words(name: &str) -> Vec<String> {
    name_words(name)
        .into_iter()
        .filter(|w| !is_initial(w))
        .collect()
}

/// Whether two person names can name one person: the surnames match (same word, or a
/// transliteration of it), and the given names do not conflict — they match, or one is the
/// other's initial, or a given name of the shorter name matches a middle name or initial of
/// the longer ("Ross McKellan" ~ "Gordon R. McKellan"). One-word names are handled by
/// [`super::resolve`], which only attaches them when a single candidate exists.
pub fn person_names_compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.len() < 2 || wb.len() < 2 {
        return false;
    }
    let (ra, rb) = (readings(&wa), readings(&wb));
    ra.iter()
        .any(|x| rb.iter().any(|y| readings_compatible(x, y)))
}

fn readings_compatible(a: &Reading, b: &Reading) -> bool {
    let (la, lb) = (&a.surname, &b.surname);
    if is_initial(la) || is_initial(lb) || !words_match(la, lb) {
        return false;
    }
    if words_match(&a.given, &b.given) {
        return true;
    }
    // a nickname or middle name used as the first name: "Ross" for "Gordon R."
    let ga: Vec<&String> = std::iter::once(&a.given).chain(&a.middle).collect();
    let gb: Vec<&String> = std::iter::once(&b.given).chain(&b.middle).collect();
    let (short, long) = if ga.len() <= gb.len() {
        (ga, gb)
    } else {
        (gb, ga)
    };
    short
        .iter()
        .all(|s| long[1..].iter().any(|l| words_match(s, l)))
}

/// Whether a two-word name is the first two words of a longer person name, which the
/// person is also known by: "Rezan Tilmani" for "Rezan Tilmane Hasso" (a given name and a
/// nom de guerre, within or across scripts). Initials do not count.
pub fn is_name_prefix(short: &str, long: &str) -> bool {
    let (ws, wl) = (name_words(short), name_words(long));
    ws.len() == 2
        && wl.len() >= 3
        && ws.iter().chain(&wl[..2]).all(|w| !is_initial(w))
        && words_match(&ws[0], &wl[0])
        && words_match(&ws[1], &wl[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("CRTG-OST"), "crtgost");
        assert_eq!(name_key("The CRTGOST"), "crtgost");
        assert_eq!(name_key("Gen. Gordon R. McKellan Jr."), "gordon mckellan");
        assert_eq!(name_key("الجنرال غوردون ماكيلان"), "غوردون ماكيلان");
        assert_eq!(
            led_organisation("قائد القوات البحرية").map(|o| o.join(" ")),
            Some("القوات البحريه".to_owned()),
            "a role noun with a hamza"
        );
        assert!(is_acronym_of("محش", "مجلس الحوض الشمالي"));
        assert!(is_acronym_of("NBC", "Northern Basin Council"));
        assert!(is_acronym_of(
            "CRTG-OST",
            "Combined River Task Group – Operation Steady Tide"
        ));
        assert!(is_acronym_of("USCRH", "U.S. Commission on River Heritage"));
    }
}
