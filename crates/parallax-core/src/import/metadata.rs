//! Metadata every importer derives the same way: the article's language, the outlet from a
//! URL, and dates written in the forms news pages use.
//!
//! Language detection: Parallax supports Arabic and English, which are written in different
//! scripts, so when one script makes up nearly all the letters of the text's opening the script
//! decides (a few microseconds). Only text that mixes the scripts goes to `lingua`, restricted
//! to those two languages, in low-accuracy mode on a prefix of the text: measured here, lingua
//! costs about a microsecond per byte, which on every 5-KB article would take most of the
//! import's time budget. Text with no letters is `Other`.

use std::sync::LazyLock;

use chrono::NaiveDate;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use parallax_nlp::text::{guess_lang_by_script, is_arabic_letter};
use parallax_nlp::Lang;

/// How much of the text language detection reads: enough letters to be sure, little enough
/// to be cheap on long articles.
const DETECTION_PREFIX_BYTES: usize = 600;
/// How much of the prefix lingua reads when the scripts are mixed.
const LINGUA_PREFIX_BYTES: usize = 300;
/// The share of letters one script must have to settle the language without lingua.
const DECISIVE_SCRIPT_SHARE: f64 = 0.9;

static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    LanguageDetectorBuilder::from_languages(&[Language::Arabic, Language::English])
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
});

/// The language of an article's text: Arabic, English, or `Other` when it has no letters.
pub fn detect_lang(text: &str) -> Lang {
    let prefix = &text[..floor_char_boundary(text, DETECTION_PREFIX_BYTES)];
    let (mut arabic, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in prefix.chars().filter(|c| c.is_alphabetic()) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    let letters = (arabic + latin + other) as f64;
    if letters == 0.0 {
        return guess_lang_by_script(text);
    }
    if arabic as f64 >= letters * DECISIVE_SCRIPT_SHARE {
        return Lang::Ar;
    }
    if latin as f64 >= letters * DECISIVE_SCRIPT_SHARE {
        return Lang::En;
    }
    let sample = &prefix[..floor_char_boundary(prefix, LINGUA_PREFIX_BYTES)];
    match DETECTOR.detect_language_of(sample) {
        Some(Language::Arabic) => Lang::Ar,
        Some(Language::English) => Lang::En,
        _ => guess_lang_by_script(text),
    }
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// The outlet named by a URL: its host without `www.` or a mobile/AMP or language prefix,
/// e.g. `https://www.rivergazette.net/en/story/1` → `rivergazette.net`.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let mut host = parsed
        .host_str()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    const PREFIXES: &[&str] = &[
        "www.", "m.", "amp.", "mobile.", "en.", "ar.", "english.", "arabic.",
    ];
    while let Some(prefix) = PREFIXES.iter().find(|p| host.starts_with(**p)) {
        // Never strip down to a bare top-level domain ("en.com" stays).
        if host[prefix.len()..].contains('.') {
            host = host[prefix.len()..].to_string();
        } else {
            break;
        }
    }
    Some(host)
}

/// The publication date a URL's path carries, as news sites write it: `/2021/09/01/`,
/// `/2021-09-01-`, `/20210901/`. A year and month without a day are not a date.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let parts: Vec<&str> = parsed.path().split(['/', '-', '_']).collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    for w in 0..parts.len() {
        if let Some(compact) = number(parts[w], 8) {
            let (y, m, d) = (compact / 10_000, compact / 100 % 100, compact % 100);
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                if (1990..=2100).contains(&y) {
                    return Some(date);
                }
            }
        }
        let (Some(y), Some(m), Some(d)) = (
            number(parts[w], 4),
            parts.get(w + 1).and_then(|p| number(p, 2)),
            parts.get(w + 2).and_then(|p| number(p, 2)),
        ) else {
            continue;
        };
        if (1990..=2100).contains(&y) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Some(date);
            }
        }
    }
    None
}

/// Labels that introduce a dateline: «date 2022-04-04», "Published: May 13, 2022".
const DATE_LABELS: &[&str] = &[
    "date",
    "dated",
    "published",
    "posted",
    "updated",
    "تاريخ",
    "التاريخ",
    "نشر",
    "النشر",
    "بتاريخ",
];

/// The publication date in the first lines of a plain text, where copied pages keep their
/// dateline: a short line that is a date (`Wednesday, 15 September 2021 - 10:34`, «23
/// ديسمبر 2024»), or a labelled one at the start of a line (`Date: May 13, 2022`, `date
/// 2022-04-04 TARVEL (River Gazette) – …`). Dates inside sentences are not taken.
pub fn dateline(text: &str) -> Option<NaiveDate> {
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
    {
        let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let mut labelled = false;
        while let Some(first) = words.first() {
            let bare = first.trim_end_matches([':', '،', ',']).to_lowercase();
            if DATE_LABELS.contains(&bare.as_str()) {
                words.remove(0);
                labelled = true;
            } else {
                break;
            }
        }
        if words.is_empty() {
            continue;
        }
        // other words than the date's: at most one ("TARVEL", "GMT", an "am")
        let others = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic) && !is_date_word(w))
            .count();
        if words.len() <= 8 && others <= 1 && words.iter().any(|w| w.chars().any(char::is_numeric))
        {
            if let Some(date) = parse_date(&words.join(" ")) {
                return Some(date);
            }
        }
        if labelled {
            // a labelled date followed by the body: take the shortest prefix that is a date
            for n in 1..=words.len().min(6) {
                if let Some(date) = parse_date(&words[..n].join(" ")) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// A date in one of the forms pages use: ISO 8601 with or without a time (`2021-09-15`,
/// `2021-09-15T10:34:00+03:00`), `2021/09/15`, day-first `15/09/2021` and `15.09.2021`,
/// RFC 2822, PDF's `D:20210915...`, and month names in English or Arabic (Egyptian and
/// Levantine names) with Western or Arabic-Indic digits: `September 15, 2021`,
/// `Wednesday, 15 Sept. 2021 - 10:34`, `15 أيلول 2021`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text: String = text.trim().chars().map(western_digit).collect();
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(pdf) = text.strip_prefix("D:") {
        return numeric_compact(pdf);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(dt.date_naive());
    }
    // ISO date at the start, whatever follows (a time, a zone without a colon, ...).
    if text.len() >= 10 && text.is_char_boundary(10) {
        if let Ok(date) = NaiveDate::parse_from_str(&text[..10], "%Y-%m-%d") {
            return Some(date);
        }
    }
    if text.len() >= 8 && text.bytes().take(8).all(|b| b.is_ascii_digit()) {
        if let Some(date) = numeric_compact(text) {
            return Some(date);
        }
    }
    tokens_date(text)
}

/// `20210915` optionally followed by more digits (PDF dates, compact ISO).
fn numeric_compact(text: &str) -> Option<NaiveDate> {
    let digits: String = text.chars().take(8).collect();
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

/// Picks a year, a month and a day out of the words and numbers of a free-form date.
fn tokens_date(text: &str) -> Option<NaiveDate> {
    let mut numbers: Vec<u32> = Vec::new();
    let mut month_by_name = None;
    let words: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.' | '،' | '|' | '(' | ')')
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if word.contains(':') {
            // A time of day: not part of the date.
        } else if let Ok(n) = word
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
        {
            // "15th", "1st" keep their number.
            numbers.push(n);
        } else if month_by_name.is_none() {
            // Levantine names may take two words: «كانون الثاني», «تشرين الأول».
            let two = words.get(i + 1).map(|next| format!("{word} {next}"));
            if let Some(month) = two.as_deref().and_then(month_number) {
                month_by_name = Some(month);
                i += 1;
            } else if let Some(month) = month_number(word) {
                month_by_name = Some(month);
            }
        }
        i += 1;
    }
    let year_at = numbers.iter().position(|&n| (1900..=2100).contains(&n))?;
    let year = numbers.remove(year_at) as i32;
    let (month, day) = match month_by_name {
        Some(month) => (month, *numbers.first()?),
        // Numeric dates: year first means year-month-day; otherwise day first, as in most
        // of the world's press, unless that cannot be a month.
        None if year_at == 0 => (*numbers.first()?, *numbers.get(1)?),
        None => {
            let (a, b) = (*numbers.first()?, *numbers.get(1)?);
            if b > 12 {
                (a, b)
            } else {
                (b, a)
            }
        }
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A month or weekday name, or a word with a digit in it.
fn is_date_word(word: &str) -> bool {
    const WEEKDAYS: &[&str] = &[
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
    ];
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    word.chars().any(char::is_numeric)
        || month_number(word).is_some()
        || WEEKDAYS
            .iter()
            .any(|d| lower.starts_with(d) && (d.is_ascii() || lower == *d))
        || ["كانون", "تشرين", "الأول", "الثاني"].contains(&word)
}

fn month_number(word: &str) -> Option<u32> {
    const ENGLISH: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const ARABIC: &[(&str, u32)] = &[
        ("يناير", 1),
        ("كانون الثاني", 1),
        ("فبراير", 2),
        ("شباط", 2),
        ("مارس", 3),
        ("آذار", 3),
        ("أبريل", 4),
        ("ابريل", 4),
        ("نيسان", 4),
        ("مايو", 5),
        ("أيار", 5),
        ("ايار", 5),
        ("يونيو", 6),
        ("حزيران", 6),
        ("يوليو", 7),
        ("تموز", 7),
        ("أغسطس", 8),
        ("اغسطس", 8),
        ("آب", 8),
        ("سبتمبر", 9),
        ("أيلول", 9),
        ("ايلول", 9),
        ("أكتوبر", 10),
        ("اكتوبر", 10),
        ("تشرين الأول", 10),
        ("نوفمبر", 11),
        ("تشرين الثاني", 11),
        ("ديسمبر", 12),
        ("كانون الأول", 12),
    ];
    let lower = word.to_lowercase();
    if lower.is_ascii() && lower.len() >= 3 {
        let month = ENGLISH.iter().position(|m| lower.starts_with(m))?;
        // "march" and "mar" but not "marching"; "sept" is a common abbreviation.
        let full = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ][month];
        return (full.starts_with(&lower) || lower == "sept").then_some(month as u32 + 1);
    }
    ARABIC
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, n)| *n)
}

fn western_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_in_common_forms() {
        for (input, expect) in [
            ("2021-09-15", ymd(2021, 9, 15)),
            ("2021-09-15T10:34:00+03:00", ymd(2021, 9, 15)),
            ("2021-09-15T10:34:00.000Z", ymd(2021, 9, 15)),
            ("2021-09-15 10:34", ymd(2021, 9, 15)),
            ("2021/09/15", ymd(2021, 9, 15)),
            ("15/09/2021", ymd(2021, 9, 15)),
            ("09/15/2021", ymd(2021, 9, 15)),
            ("15.09.2021", ymd(2021, 9, 15)),
            ("September 18, 2021", ymd(2021, 9, 18)),
            ("Sept. 10, 2021", ymd(2021, 9, 10)),
            ("Wednesday, 15 September 2021 - 10:34", ymd(2021, 9, 15)),
            ("Wed, 15 Sep 2021 10:34:00 +0000", ymd(2021, 9, 15)),
            ("D:20210915103400+03'00'", ymd(2021, 9, 15)),
            ("15 أيلول 2021", ymd(2021, 9, 15)),
            ("الأربعاء 15 سبتمبر 2021", ymd(2021, 9, 15)),
            ("١٥ تشرين الأول ٢٠٢١", ymd(2021, 10, 15)),
            ("not a date", None),
            ("", None),
            ("2021-02-30", None),
        ] {
            assert_eq!(parse_date(input), expect, "parsing {input:?}");
        }
    }

    #[test]
    fn dates_in_urls() {
        for (url, expect) in [
            (
                "https://newsaboutturkey.com/2021/09/01/as-u-s-completes-afghan-withdrawal/",
                ymd(2021, 9, 1),
            ),
            (
                "https://example.com/news/2022-04-04-coalition-patrol",
                ymd(2022, 4, 4),
            ),
            (
                "https://example.com/a/20210915/story.html",
                ymd(2021, 9, 15),
            ),
            ("https://example.com/2021/09/story", None),
            ("https://www.rivergazette.net/en/story/27843", None),
            ("https://valleywire.com/en/70522/", None),
        ] {
            assert_eq!(date_from_url(url), expect, "{url}");
        }
    }

    #[test]
    fn datelines_in_the_first_lines_of_a_text() {
        for (text, expect) in [
            (
                "date 2022-04-04 TARVEL (River Gazette) – The council said",
                ymd(2022, 4, 4),
            ),
            (
                "Headline\n\nWednesday, 15 September 2021 - 10:34\n\nBody.",
                ymd(2021, 9, 15),
            ),
            ("Title\nDate: May 13, 2022\nBody text.", ymd(2022, 5, 13)),
            ("عنوان الخبر\nديسمبر 23. 2024\nنص الخبر", ymd(2024, 12, 23)),
            ("  • 13:49 12 April 2021\nText", ymd(2021, 4, 12)),
            // a date inside a sentence is not the article's date
            (
                "Title\nIn March 2019, 15 people were hurt when the coalition struck.",
                None,
            ),
            ("No dates here.\nNone at all.", None),
            (
                "Halvorsen: 2,000 engineers to stay by March 2022\nBody",
                None,
            ),
        ] {
            assert_eq!(dateline(text), expect, "{text:?}");
        }
    }

    #[test]
    fn outlet_is_the_host_without_www_or_language_prefix() {
        assert_eq!(
            outlet_from_url("https://www.rivergazette.net/en/story/1").as_deref(),
            Some("rivergazette.net")
        );
        assert_eq!(
            outlet_from_url("https://english.valleywire.com/20503/x/").as_deref(),
            Some("valleywire.com")
        );
        assert_eq!(
            outlet_from_url("https://sahilnews.com/news").as_deref(),
            Some("sahilnews.com")
        );
        assert_eq!(outlet_from_url("not a url"), None);
        assert_eq!(outlet_from_url("file:///etc/passwd"), None);
    }
}
