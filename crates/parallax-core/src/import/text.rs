//! Plain text and Markdown files, and the byte-to-text decoding every text-like format uses.
//!
//! Decoding: a byte-order mark decides (UTF-8, UTF-16LE/BE); otherwise valid UTF-8 is UTF-8.
//! Bytes that are *mostly* UTF-8 (a stray byte, an overlong sequence, a file cut in the middle
//! of a character) are refused with the offset of the first bad byte rather than guessed at:
//! decoding them in a legacy encoding turns the whole article into mojibake, and replacing the
//! bad bytes silently would store text the file does not hold. Only bytes that are not
//! UTF-8-like go to `chardetng`, which guesses a legacy encoding (windows-1256, ISO-8859-6,
//! windows-1252, ...) that must decode without a single malformed sequence. Bytes that are not
//! text at all (NUL bytes, many control characters) are refused rather than imported as
//! garbage.
//!
//! Metadata: a first line `URL | title` (how the team's corpus records a page's source) is
//! metadata and is removed from the text. Otherwise a short first line that reads as a heading
//! becomes the title but *stays* in the text, so that the stored text is the file's own text
//! and offsets into it match the file. Line endings become `\n`; nothing else is changed.

use encoding_rs::Encoding;
use parallax_nlp::Lang;

use super::{finish, Format, ImportError, ParsedArticle};

/// Longest first line that may still be taken for a title.
const MAX_TITLE_CHARS: usize = 200;
const MAX_TITLE_WORDS: usize = 35;

/// Decodes a text file's bytes. `html` lets a `<meta charset>` declaration pick the encoding
/// when the bytes are not UTF-8.
pub(super) fn decode(bytes: &[u8], html: bool) -> Result<String, ImportError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == encoding_rs::UTF_8 {
            return match std::str::from_utf8(&bytes[bom_len..]) {
                Ok(text) => check_is_text(text.to_string()),
                Err(e) => Err(utf8_error(bytes, bom_len + e.valid_up_to())),
            };
        }
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[bom_len..])
            .ok_or(ImportError::Undecodable)?;
        return check_is_text(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary("contains NUL bytes"));
    }
    let first_error = match std::str::from_utf8(bytes) {
        Ok(text) => return check_is_text(text.to_string()),
        Err(e) => e.valid_up_to(),
    };
    if is_utf8_like(bytes) {
        return Err(utf8_error(bytes, first_error));
    }
    let declared = if html {
        declared_html_charset(bytes)
    } else {
        None
    };
    let encoding = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        detector.guess(None, false)
    });
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(ImportError::Undecodable)?;
    check_is_text(text.into_owned())
}

/// At least this many well-formed multi-byte UTF-8 sequences for each malformed one make a
/// file "UTF-8 with a few bad bytes" rather than a legacy encoding. Lower refuses more legacy
/// files as broken UTF-8; higher lets more damaged UTF-8 through to the legacy guess, which
/// turns it into mojibake. Legacy Arabic or Latin text forms a valid UTF-8 pair only by
/// accident (a lead byte followed by a continuation byte), far less often than one in four.
const UTF8_LIKE_VALID_PER_INVALID: usize = 4;

/// Whether bytes that are not valid UTF-8 are nevertheless UTF-8 text with a few bad bytes:
/// they hold well-formed multi-byte sequences, and malformed ones are rare among them, or
/// the only malformed one is a character cut short at the very end (a truncated file).
fn is_utf8_like(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut only_the_end_is_cut = false;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            // `utf8_chunks` ends with the incomplete sequence, if any, as the last chunk.
            only_the_end_is_cut = invalid == 1
                && std::ptr::eq(chunk.invalid().as_ptr_range().end, bytes.as_ptr_range().end)
                && std::str::from_utf8(chunk.invalid()).is_err_and(|e| e.error_len().is_none());
        }
    }
    valid > 0 && (invalid * UTF8_LIKE_VALID_PER_INVALID <= valid || only_the_end_is_cut)
}

/// The error for UTF-8 text that breaks at `offset`: cut short in the middle of a character,
/// or holding a byte that UTF-8 does not allow there.
fn utf8_error(bytes: &[u8], offset: usize) -> ImportError {
    let rest = &bytes[offset..];
    match std::str::from_utf8(rest) {
        // The sequence is incomplete and nothing follows it: the file was cut short.
        Err(e) if e.error_len().is_none() => ImportError::TruncatedUtf8 { offset },
        _ => ImportError::InvalidUtf8 {
            offset,
            byte: rest[0],
        },
    }
}

/// Refuses decoded "text" that is really binary data: more than one control character in 200
/// (tabs, line and page breaks aside) does not occur in prose.
fn check_is_text(text: String) -> Result<String, ImportError> {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            if c == '\0' {
                return Err(ImportError::Binary("contains NUL characters"));
            }
            controls += 1;
        }
    }
    if controls * 200 > total {
        return Err(ImportError::Binary("too many control characters"));
    }
    Ok(text)
}

/// The encoding named by `<meta charset=...>` or `content="...; charset=..."` in the first
/// kilobytes of an HTML page, as a browser's pre-scan would find it.
fn declared_html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'' || b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    Encoding::for_label(&label)
}

/// Parses a decoded plain-text (or Markdown) file.
pub(super) fn parse(decoded: &str, markdown: bool) -> Result<ParsedArticle, ImportError> {
    let normalised;
    let text = if decoded.contains('\r') {
        normalised = decoded.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        decoded
    };
    let text = text.trim_start_matches('\u{FEFF}').trim();
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    let (first_line, rest) = text.split_once('\n').unwrap_or((text, ""));

    let mut article = ParsedArticle {
        title: None,
        outlet: None,
        author: None,
        published_at: None,
        url: None,
        lang: Lang::Other,
        text: text.to_string(),
        format: Format::Text,
    };
    if let Some((url, title)) = source_line(first_line) {
        article.url = Some(url);
        article.title = Some(title);
        article.text = rest.to_string();
    } else if markdown && first_line.starts_with('#') {
        article.title = Some(first_line.trim_start_matches('#').trim().to_string());
    } else {
        article.title = heading(text);
    }
    finish(article, None)
}

/// The first line of a text when it reads as a heading (see [`looks_like_heading`]); used
/// as the title of formats whose metadata names none.
pub(super) fn heading(text: &str) -> Option<String> {
    let text = text.trim();
    let (first_line, rest) = text.split_once('\n')?;
    looks_like_heading(first_line, rest).then(|| first_line.trim().to_string())
}

/// A first line `URL | title`, as in the team's corpus of page excerpts.
fn source_line(line: &str) -> Option<(String, String)> {
    let (url, title) = line.split_once(" | ")?;
    let url = url.trim();
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return None;
    }
    Some((url.to_string(), title.trim().to_string()))
}

/// Whether a first line reads as a heading: short, and either without the punctuation that
/// ends a sentence or set apart from the body by a blank line.
fn looks_like_heading(line: &str, rest: &str) -> bool {
    let line = line.trim();
    if rest.trim().is_empty() || line.chars().count() > MAX_TITLE_CHARS {
        return false;
    }
    if line.split_whitespace().count() > MAX_TITLE_WORDS || !line.chars().any(char::is_alphabetic) {
        return false;
    }
    let ends_sentence = line.ends_with(['.', '!', '?', '؟', '…', ':', ';', ',', '،']);
    let followed_by_blank = rest.split('\n').next().is_some_and(|l| l.trim().is_empty());
    !ends_sentence || followed_by_blank
}
