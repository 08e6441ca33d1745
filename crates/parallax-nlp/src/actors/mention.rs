//! A mention's name as the registry matches it: the words the article wrote around the name
//! (titles, roles, the rest of the sentence) taken off and kept as attributes.
//!
//! Each rule is a function over the name's words, with the lexicon of the name's script
//! (`extract/lexicon/*.toml`): titles, role nouns, organisation heads, places, and the
//! words that never belong to a speaker's noun phrase.
//!
//! - [`clause_end`]: a name ends where its clause ends («الوزارة.ونشرت…» is «الوزارة»).
//! - [`run_on_end`]: an Arabic name ends before the adverbs and objects that follow it
//!   («واشنطن بالاتفاق» is «واشنطن»).
//! - [`trailing_name`]: a role or title followed by a personal name is that name, with the
//!   role as an attribute ("Jordanian Foreign Minister Ayman Safadi", «وزير الخارجية
//!   الأردني أيمن الصفدي» are "Ayman Safadi", «أيمن الصفدي»).
//! - a role that ends with the fuller form of the mention's name gives that fuller name
//!   ("Tobiano" with the role "Fisheries Minister Clara Tobiano" is "Clara Tobiano").
//!
//! Left out: names inside a role that do not end it ("Clara Tobiano, the minister of
//! fisheries"), and any reordering of the words of a name.

use crate::extract::lexicon::Lexicon;
use crate::extract::ActorKind;
use crate::text::{fold_for_match, is_arabic_letter};
use crate::Lang;

use super::names;

/// The most words a personal name takes ("Luiz Inacio Lula da Silva" has five; longer runs
/// of capitalised words are names of organisations or the start of a sentence).
const MAX_NAME_WORDS: usize = 5;

/// A mention's name with what the article wrote around it taken off.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanMention {
    /// The name as written, without titles, roles or run-on words.
    pub name: String,
    pub kind: ActorKind,
    /// Roles and titles found in the name ("Jordanian Foreign Minister").
    pub roles: Vec<String>,
    /// A fuller form of the name found in one of the mention's roles.
    pub fuller: Option<String>,
}

/// One word of a name: as written, and folded for the lexicon (without the punctuation
/// around it).
struct Word<'a> {
    text: &'a str,
    folded: String,
}

fn words_of(name: &str) -> Vec<Word<'_>> {
    name.split_whitespace()
        .map(|text| Word {
            text,
            folded: fold_for_match(text)
                .trim_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '\'')))
                .trim_end_matches("'s")
                .to_owned(),
        })
        .filter(|w| !w.folded.is_empty())
        .collect()
}

fn lexicon_of(name: &str) -> (&'static Lexicon, bool) {
    let arabic = name.chars().any(is_arabic_letter);
    (
        Lexicon::get(if arabic { Lang::Ar } else { Lang::En }),
        arabic,
    )
}

/// The Arabic word without its article: «الوزير» → «وزير».
fn bare(word: &str) -> &str {
    word.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(word)
}

/// Whether a word names a title or a role ("minister", "gen.", «وزير», «الجنرال»).
fn is_title_or_role(lex: &Lexicon, w: &str) -> bool {
    let undotted = w.trim_end_matches('.');
    // «مديرها» ("its director"): a role with a possessive pronoun
    let unpossessed = ["هم", "ها", "ه"]
        .iter()
        .find_map(|p| w.strip_suffix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(w);
    [w, bare(w), undotted, unpossessed]
        .iter()
        .any(|f| lex.titles.contains_key(*f) || lex.roles.contains(*f))
        || lex.titles.contains_key(format!("{undotted}.").as_str())
}

/// Whether a word is the head of an organisation's name or stands for a state body
/// ("ministry", "forces", «وزارة», «القوات»).
fn is_head(lex: &Lexicon, w: &str) -> bool {
    lex.heads.contains_key(w) || lex.heads.contains_key(bare(w))
}

/// Words that start a name without being capitalised: "al-", "bin", "de", "van".
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "van", "von", "der", "la",
    "le",
];

/// Arabic words after which a word with the article is still part of the name: «عبد
/// الفتاح», «أبو بكر», «بن سلمان», «آل ثاني».
const ARABIC_NAME_JOINERS: &[&str] = &["عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ام", "ال"];

/// A name ends where its clause ends: a sentence's punctuation inside an Arabic name
/// («الوزارة.ونشرت الوزارة الكندية») or a line break cuts it, and the part before is the
/// name (where the article's mention began).
pub fn clause_end(name: &str) -> &str {
    let arabic = name.chars().any(is_arabic_letter);
    let cut = name.find(|c: char| {
        matches!(c, '\n' | '!' | '?' | '؟' | ';' | '؛' | '،')
            || (arabic && matches!(c, '.' | ':' | ','))
    });
    let head = cut.map_or(name, |i| &name[..i]).trim();
    if head.is_empty() {
        name.trim()
    } else {
        head
    }
}

/// An Arabic name ends before a word that cannot belong to it: one that the lexicon never
/// lets into a speaker's phrase (adverbs, prepositions, times), or a word with a preposition
/// glued to its article («بالاتفاق», «كالعادة»), which begins the verb's object or an
/// adverbial. The first word always stays.
pub fn run_on_end(name: &str) -> &str {
    let (lex, arabic) = lexicon_of(name);
    if !arabic {
        return name;
    }
    let mut end = None;
    let mut offset = 0;
    for (i, text) in name.split_whitespace().enumerate() {
        let at = name[offset..].find(text).map_or(offset, |p| offset + p);
        offset = at + text.len();
        if i == 0 {
            continue;
        }
        let f = fold_for_match(text);
        let glued = (f.starts_with("بال") || f.starts_with("كال")) && f.chars().count() > 4;
        if glued
            || lex.speaker_stops.contains(f.as_str())
            || lex.time_words.contains(f.as_str())
            || lex.auxiliaries.contains(f.as_str())
            || lex.complementizers.contains(f.as_str())
        {
            end = Some(at);
            break;
        }
    }
    end.map_or(name, |e| name[..e].trim_end())
}

/// Whether a word can be part of a personal name in English: capitalised (or an initial,
/// or a particle such as "al-" or "de"), and not a title, role, organisation head or acronym.
fn is_latin_name_word(lex: &Lexicon, w: &Word<'_>) -> bool {
    let first = w.text.chars().find(|c| c.is_alphabetic());
    let capitalised = first.is_some_and(char::is_uppercase);
    let particle = NAME_PARTICLES
        .iter()
        .any(|p| w.folded == *p || w.folded.starts_with(&format!("{p}-")));
    let acronym = w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    (capitalised || particle)
        && !acronym
        && !is_title_or_role(lex, &w.folded)
        && !is_head(lex, &w.folded)
        && !lex.abbreviations.contains(w.folded.trim_end_matches('.'))
        && !lex.unnamed.contains(&w.folded)
}

/// Whether an Arabic word can be part of a personal name: not a place, title, role,
/// organisation head or function word, and not glued to a preposition.
fn is_arabic_name_word(lex: &Lexicon, w: &str) -> bool {
    let glued = ["بال", "لل", "وال", "فال", "كال"]
        .iter()
        .any(|p| w.starts_with(p) && w.chars().count() > 4);
    !(glued
        || lex.places.contains(w)
        || is_title_or_role(lex, w)
        || is_head(lex, w)
        || lex.speaker_stops.contains(w)
        || lex.time_words.contains(w)
        || matches!(
            w,
            "و" | "في" | "من" | "عن" | "باسم" | "باسمه" | "باسمها" | "باسمهم"
        ))
}

/// The personal name that ends a phrase after a title or role, and the phrase before it:
/// "IAEA Director General Rafael Grossi" → ("IAEA Director General", "Rafael Grossi"),
/// «وزير الخارجية الأردني أيمن الصفدي» → («وزير الخارجية الأردني», «أيمن الصفدي»).
/// `None` when no title or role comes before the name, or nothing name-like ends the
/// phrase ("President of the Republic", «وزير الخارجية الأمريكي»).
pub fn trailing_name(phrase: &str) -> Option<(String, String)> {
    let (lex, arabic) = lexicon_of(phrase);
    let words = words_of(phrase);
    let mut start = words.len();
    if arabic {
        // backwards: a word with the article is a surname only at the end, or after a word
        // that joins it to the name («عبد الفتاح»)
        while start > 0 && words.len() - start < MAX_NAME_WORDS {
            let w = &words[start - 1];
            if !is_arabic_name_word(lex, &w.folded) {
                break;
            }
            let definite = w.folded.starts_with("ال") && w.folded.chars().count() > 3;
            let joined =
                start >= 2 && ARABIC_NAME_JOINERS.contains(&words[start - 2].folded.as_str());
            if definite && start != words.len() && !joined {
                break;
            }
            start -= 1;
        }
    } else {
        // trailing "Jr." and the like stay with the name
        while start > 0 && words.len() - start < MAX_NAME_WORDS {
            if !is_latin_name_word(lex, &words[start - 1]) {
                break;
            }
            start -= 1;
        }
        // a name does not begin with a particle ("of the Republic" is not one either)
        while start < words.len() && NAME_PARTICLES.contains(&words[start].folded.as_str()) {
            start += 1;
        }
    }
    // the word after a preposition is its object, not the start of a name: "Minister of
    // Finance John Okoro", «… في كندا ليلى مارتن», and "President of the Republic" names
    // no one
    let is_function_word = |w: &str| {
        lex.np_prepositions.contains(w)
            || lex.determiners.contains(w)
            || matches!(w, "في" | "من" | "عن")
    };
    while start > 0 && start < words.len() && is_function_word(&words[start - 1].folded) {
        start += 1;
    }
    if start == 0 || start >= words.len() {
        return None;
    }
    // a name has a word without the article (a given name): «الأمريكي» alone is an
    // adjective
    if arabic && words[start..].iter().all(|w| w.folded.starts_with("ال")) {
        return None;
    }
    let before = &words[..start];
    if !before.iter().any(|w| is_title_or_role(lex, &w.folded)) {
        return None;
    }
    let join = |ws: &[Word<'_>]| ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
    let role = join(before)
        .trim_end_matches([',', '،', ':'])
        .trim()
        .to_owned();
    Some((role, join(&words[start..])))
}

/// Whether `short` names the person that `full` names more fully: its last word is `full`'s
/// last word (or a spelling of it), and it has fewer words.
fn shortens(short: &str, full: &str) -> bool {
    let (ws, wf) = (names::name_words(short), names::name_words(full));
    match (ws.last(), wf.last()) {
        (Some(a), Some(b)) => ws.len() < wf.len() && super::translit::same_name_word(a, b),
        _ => false,
    }
}

/// Whether a name describes a person by a title or role instead of naming them: «الجنرال
/// الأميركي», «قائد القوات البحرية», "the agency's chief", "the American general". In Arabic
/// the description begins with the title or role noun and no word of it is a personal
/// name; in English the head noun is a title or role and no capitalised word is a name.
pub fn is_description(name: &str) -> bool {
    let (lex, arabic) = lexicon_of(name);
    let words = words_of(name);
    let Some(first) = words.first() else {
        return false;
    };
    let role_word = |w: &str| is_title_or_role(lex, w) || lex.generic_persons.contains(w);
    if arabic {
        // after the role noun: adjectives and organisations, all with the article or glued
        // to a preposition; a word without them would be a given name
        role_word(&first.folded)
            && words[1..].iter().all(|w| {
                let f = w.folded.as_str();
                f.starts_with("ال")
                    || f.starts_with("لل")
                    || is_head(lex, f)
                    || is_head(lex, f.strip_prefix('ل').unwrap_or(f))
                    || lex.places.contains(f)
            })
    } else {
        // the head noun: the last word, or the last before "of" ("head of the commission")
        let head = words
            .iter()
            .position(|w| w.folded == "of")
            .map_or(words.len(), |of| of)
            .checked_sub(1)
            .map(|h| &words[h]);
        head.is_some_and(|h| role_word(&h.folded))
            && !words.iter().any(|w| {
                is_latin_name_word(lex, w)
                    && !lex.places.contains(&w.folded)
                    && !is_nationality(&w.folded)
            })
    }
}

/// Whether an organisation's name is its head noun alone ("the fund", «الصندوق», "the
/// ministry"): a short form that means one organisation in one article and another in the
/// next.
pub fn is_bare_head(name: &str) -> bool {
    let (lex, _) = lexicon_of(name);
    match names::org_core(name).as_deref() {
        Some([word]) => is_head(lex, word),
        _ => false,
    }
}

/// An English adjective of nationality or origin ("American", "Jordanian", "Turkish"),
/// which is capitalised without being a name.
fn is_nationality(w: &str) -> bool {
    ["an", "ian", "ish", "ese", "i", "ic"]
        .iter()
        .any(|s| w.ends_with(s) && w.len() > s.len() + 3)
}

/// The mention's name without what the article wrote around it (see the module docs).
pub fn clean(name: &str, kind: ActorKind, roles: &[String]) -> CleanMention {
    let mut name = run_on_end(clause_end(name)).to_owned();
    let mut kind = kind;
    let mut found_roles = Vec::new();
    if kind != ActorKind::Unnamed {
        if let Some((role, person)) = trailing_name(&name) {
            // a state body or organisation word in the role ("Foreign", «الخارجية») made
            // the extractor call it an institution; a role and a name make a person
            let words = names::name_words(&person).len();
            if kind == ActorKind::Person || words >= 2 {
                kind = ActorKind::Person;
                found_roles.push(role);
                name = person;
            }
        }
    }
    // a title or role with no name describes a person («الجنرال الأميركي»), though the
    // extractor may have taken the organisation it leads for the actor
    if found_roles.is_empty()
        && matches!(kind, ActorKind::Organisation | ActorKind::StateBody)
        && is_description(&name)
    {
        kind = ActorKind::Person;
    }
    let fuller = (kind == ActorKind::Person)
        .then(|| {
            roles
                .iter()
                .filter_map(|r| trailing_name(r))
                .map(|(_, n)| n)
                .find(|n| shortens(&name, n))
        })
        .flatten();
    CleanMention {
        name,
        kind,
        roles: found_roles,
        fuller,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_trailing(phrase: &str, expect: Option<(&str, &str)>) {
        let got = trailing_name(phrase);
        assert_eq!(
            got.as_ref().map(|(r, n)| (r.as_str(), n.as_str())),
            expect,
            "{phrase}"
        );
    }

    #[test]
    fn a_role_before_a_name_is_an_attribute() {
        check_trailing(
            "Atlantic Fisheries Minister Tomas Varga",
            Some(("Atlantic Fisheries Minister", "Tomas Varga")),
        );
        check_trailing(
            "ICRC Director General Ilse Marković",
            Some(("ICRC Director General", "Ilse Marković")),
        );
        check_trailing(
            "Secretary of State Dana Whitlock",
            Some(("Secretary of State", "Dana Whitlock")),
        );
        check_trailing(
            "Ministry Press Secretary Brig. Gen. Colm Ferrity",
            Some(("Ministry Press Secretary Brig. Gen.", "Colm Ferrity")),
        );
        check_trailing(
            "union media official Karim Haddou",
            Some(("union media official", "Karim Haddou")),
        );
        check_trailing("President of the Republic", None);
        check_trailing("leader of the Northern Farmers Union", None);
        check_trailing("Northern Farmers Union", None);
        check_trailing("the agency's chief", None);
        check_trailing(
            "وزير الزراعة الموريتاني سالم ولد الداه",
            Some(("وزير الزراعة الموريتاني", "سالم ولد الداه")),
        );
        check_trailing(
            "المدير العام للهيئة الدولية للمياه عبد الكريم الناصري",
            Some(("المدير العام للهيئة الدولية للمياه", "عبد الكريم الناصري")),
        );
        // "its spokesman", "its director general": the role with a possessive pronoun
        check_trailing(
            "المتحدث باسمها سامي الخطيب",
            Some(("المتحدث باسمها", "سامي الخطيب")),
        );
        check_trailing(
            "مديرها العام كريم نصار",
            Some(("مديرها العام", "كريم نصار")),
        );
        check_trailing(
            "نائبة رئيس هيئة حماية البيئة في كندا ليلى مارتن",
            Some(("نائبة رئيس هيئة حماية البيئة في كندا", "ليلى مارتن")),
        );
        check_trailing("وزير الخارجية الأمريكي", None);
        check_trailing("قائد القوات البحرية", None);
        check_trailing("المتحدث باسم الوزارة", None);
    }

    #[test]
    fn a_name_ends_where_it_ends() {
        assert_eq!(clause_end("الوزارة.وأعلنت الوزارة"), "الوزارة");
        assert_eq!(run_on_end("واشنطن بالاتفاق"), "واشنطن");
        assert_eq!(run_on_end("سالم الداه أمس"), "سالم الداه");
        assert_eq!(
            run_on_end("اللجنة الوطنية للانتخابات"),
            "اللجنة الوطنية للانتخابات"
        );
        assert_eq!(clause_end("Gen. T. R. Okafor Jr."), "Gen. T. R. Okafor Jr.");
    }

    #[test]
    fn a_role_may_hold_the_fuller_name() {
        let roles = vec!["Trade Minister Ana Lucía Ferro".to_owned()];
        let m = clean("Ferro", ActorKind::Person, &roles);
        assert_eq!(m.fuller.as_deref(), Some("Ana Lucía Ferro"));
        let m = clean("Okafor", ActorKind::Person, &roles);
        assert_eq!(m.fuller, None, "another person's role");
    }

    #[test]
    fn a_role_and_a_name_make_a_person() {
        let m = clean("وزير المالية اللبناني كريم عساف", ActorKind::StateBody, &[]);
        assert_eq!(m.name, "كريم عساف");
        assert_eq!(m.kind, ActorKind::Person);
        assert_eq!(m.roles, vec!["وزير المالية اللبناني".to_owned()]);
    }
}
