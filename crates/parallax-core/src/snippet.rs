//! Plain-text excerpts of original article text, cut on character boundaries.

use parallax_nlp::text::match_tokens;

/// The start of a text, at most `max_chars` characters, ending with "…" when cut.
pub fn head(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

/// Byte spans of the words of a text (runs of letters, digits and joining marks).
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            let in_word =
                c.is_alphanumeric() || (start.is_some() && (is_mark(c) || c == '\u{0640}'));
            match (in_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    start = None;
                    return Some((s, i));
                }
                _ => {}
            }
        }
        None
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
        || parallax_nlp::text::is_invisible_control(c)
}

/// About `max_chars` characters of the original text around the first word that matches
/// one of the query's words (after folding), or `None` when no word matches.
pub fn around_first_match(text: &str, query: &str, max_chars: usize) -> Option<String> {
    let wanted: std::collections::HashSet<String> = match_tokens(query).into_iter().collect();
    let (start, end) = word_spans(text)
        .find(|&(s, e)| match_tokens(&text[s..e]).iter().any(|t| wanted.contains(t)))?;
    let before = max_chars / 3;
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(before.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let rest_chars = max_chars.saturating_sub(text[from..end].chars().count());
    let to = text[end..]
        .char_indices()
        .nth(rest_chars)
        .map_or(text.len(), |(i, _)| end + i);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to < text.len() {
        out.push('…');
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_finds_arabic_word_written_without_diacritics() {
        let text = "مقدمة طويلة. وأضافت أنه يتعيّن على الجميع أن يراجعوا خطط الري قبل الصيف.";
        let s = around_first_match(text, "يتعين", 30).expect("the word is there");
        assert!(
            s.contains("يتعيّن"),
            "snippet shows the original spelling: {s}"
        );
    }

    #[test]
    fn head_cuts_on_char_boundary() {
        assert_eq!(head("قالت دالينزا", 4), "قالت…");
    }
}
