use unicode_normalization::UnicodeNormalization;

/// Zero-width characters and bidi controls: invisible, and never part of a word.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// Letters of the Arabic script (base block, supplement and presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && !is_invisible_control(c)
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Folds one character (already NFKC) for matching: `None` drops it.
///
/// Arabic: diacritics and tatweel are dropped; hamza forms on alef (أ إ آ ٱ) become ا,
/// alef maqsura ى becomes ي, taa marbuta ة becomes ه, ؤ becomes و and ئ becomes ي.
/// Other scripts are lowercased.
pub fn fold_char(c: char) -> Option<char> {
    if is_arabic_mark(c) || c == '\u{0640}' || is_invisible_control(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        // typographic apostrophes and quotes fold to their ASCII forms
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        c if c.is_uppercase() => return c.to_lowercase().next(),
        c => c,
    })
}

/// The matching form of a text: NFKC (which also maps Arabic presentation forms to their
/// base letters), then [`fold_char`] on every character.
pub fn fold_for_match(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_normalized(text, Normal::Nfkc, |c| {
        if let Some(f) = fold_char(c) {
            out.push(f);
        }
    });
    out
}

/// A Unicode normalisation form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normal {
    Nfc,
    Nfkc,
}

/// Characters that NFC and NFKC leave as they are and that never compose or reorder with a
/// neighbour: ASCII, the Arabic base letters and digits, Arabic punctuation, typographic
/// quotes and dashes. (Checked against Python's `unicodedata` for every character and
/// every pair; see the `stable_characters_are_normal` test.)
fn is_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}'
            | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}')
}

/// Calls `f` with every character of the text in the normalisation form, skipping the
/// normaliser for the pieces (between ASCII white space, which nothing composes or
/// reorders across) that only hold [`is_stable`] characters: almost all of a news text.
pub fn for_each_normalized(text: &str, form: Normal, mut f: impl FnMut(char)) {
    for piece in text.split_inclusive(|c: char| c.is_ascii_whitespace()) {
        if piece.chars().all(is_stable) {
            piece.chars().for_each(&mut f);
        } else if form == Normal::Nfkc {
            piece.nfkc().for_each(&mut f);
        } else {
            piece.nfc().for_each(&mut f);
        }
    }
}

/// Strips a conjunction or preposition glued before the Arabic article: «والتحالف» →
/// «التحالف», «بالمنطقة» → «المنطقة», «للحرية» → «الحرية». Words without the article are
/// left alone, since a leading و or ب is as often part of the root (وزير, بيان).
pub fn strip_arabic_proclitic(token: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = token.chars();
    let first = chars.next();
    let rest = chars.as_str();
    match first {
        Some('و' | 'ف') => {
            // و/ف may stack on another proclitic: «وبالتالي», «فللمرة»
            let inner = strip_arabic_proclitic(rest);
            if inner.len() < rest.len() || rest.starts_with("ال") {
                return std::borrow::Cow::Owned(inner.into_owned());
            }
            std::borrow::Cow::Borrowed(token)
        }
        Some('ب' | 'ك') if rest.starts_with("ال") && rest.chars().count() > 3 => {
            std::borrow::Cow::Borrowed(rest)
        }
        // ل + ال is written لل: «للحرية» = ل + الحرية
        Some('ل') if rest.starts_with('ل') && rest.chars().count() > 3 => {
            std::borrow::Cow::Owned(format!("ا{rest}"))
        }
        _ => std::borrow::Cow::Borrowed(token),
    }
}

/// Folded word tokens of a text, with Arabic proclitics before the article stripped. The
/// shared currency of search, actor matching and alignment.
pub fn match_tokens(text: &str) -> Vec<String> {
    let folded = fold_for_match(text);
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|t| t.trim_matches('\''))
        .filter(|t| !t.is_empty())
        .map(|t| strip_arabic_proclitic(t).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_characters_are_normal() {
        let stable: Vec<char> = (0u32..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable(c))
            .collect();
        for &a in &stable {
            for &b in &stable {
                let s: String = [a, b].into_iter().collect();
                assert_eq!(s.nfkc().collect::<String>(), s, "NFKC of {s:?}");
                assert_eq!(s.nfc().collect::<String>(), s, "NFC of {s:?}");
            }
        }
    }

    #[test]
    fn the_fast_path_normalises_like_the_normaliser() {
        let samples = [
            "Cafe\u{301} au lait, l’été — «قال» يتعيّن ﻻ ﷲ e\u{301}\u{327} x²",
            "ا\u{654} و\u{654} ي\u{654} ﺃﻫﻼ ½ ﬁne\tline\nnext",
            "plain ASCII only",
        ];
        for s in samples {
            for form in [Normal::Nfc, Normal::Nfkc] {
                let mut fast = String::new();
                for_each_normalized(s, form, |c| fast.push(c));
                let slow: String = match form {
                    Normal::Nfc => s.nfc().collect(),
                    Normal::Nfkc => s.nfkc().collect(),
                };
                assert_eq!(fast, slow, "{form:?} of {s:?}");
            }
        }
    }

    #[track_caller]
    fn check(input: &str, expect: &str) {
        assert_eq!(fold_for_match(input), expect, "folding {input:?}");
    }

    #[test]
    fn arabic_variants_fold_together() {
        // shadda and other diacritics
        check("يتعيّن", "يتعين");
        check("اتفاقاً", "اتفاقا");
        // hamza forms on alef
        check("أميركية", "اميركيه");
        check("إدارة", "اداره");
        check("آخر", "اخر");
        // alef maqsura and taa marbuta
        check("على", "علي");
        check("الحكومة", "الحكومه");
        // tatweel
        check("الحـــكومة", "الحكومه");
        // presentation forms (NFKC) and invisible controls
        check("\u{FEB3}\u{FEE0}\u{FE8E}\u{FEE1}", "سلام");
        check("قا\u{200D}ل\u{200F}", "قال");
        check("McKellan", "mckellan");
    }

    #[test]
    fn proclitics_before_the_article_are_stripped() {
        assert_eq!(
            match_tokens("والتحالف بالمنطقة للحرية وزير بيان"),
            vec!["التحالف", "المنطقه", "الحريه", "وزير", "بيان"]
        );
        assert_eq!(match_tokens("وبالتالي"), vec!["التالي"]);
    }

    #[test]
    fn tokens_split_on_punctuation() {
        assert_eq!(
            match_tokens("“محش”، NBC's forces."),
            vec!["محش", "nbc's", "forces"]
        );
    }
}
