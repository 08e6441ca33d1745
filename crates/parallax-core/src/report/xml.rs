//! Escaping for the XML formats (REFI-QDA, DOCX, XLSX) and the zip archives they travel in.

use std::io::{Seek, Write};

use zip::write::SimpleFileOptions;

/// Text for XML element content or a double-quoted attribute: `&`, `<`, `>`, `"` and `'`
/// escaped, and the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone
/// surrogates cannot occur in a `str`) left out, since no parser would accept them.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text that XML 1.0 can carry: the forbidden characters of [`escape`] left out, nothing
/// else changed (for plain-text files whose character offsets must match the XML's).
pub(crate) fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !(((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
                || c == '\u{FFFE}'
                || c == '\u{FFFF}')
        })
        .collect()
}

/// A zip archive written entry by entry (deflated, fixed timestamps so that the same report
/// gives the same bytes).
pub(crate) struct Archive<W: Write + Seek> {
    zip: zip::ZipWriter<W>,
}

impl<W: Write + Seek> Archive<W> {
    pub(crate) fn new(out: W) -> Self {
        Archive {
            zip: zip::ZipWriter::new(out),
        }
    }

    pub(crate) fn add(&mut self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        self.zip.start_file(name, options).map_err(io_error)?;
        self.zip.write_all(bytes)
    }

    pub(crate) fn finish(self) -> std::io::Result<W> {
        self.zip.finish().map_err(io_error)
    }
}

fn io_error(e: zip::result::ZipError) -> std::io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        other => std::io::Error::other(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("<script>a&b</script>\u{1}\"'"),
            "&lt;script&gt;a&amp;b&lt;/script&gt;&quot;&apos;"
        );
        assert_eq!(xml_safe("a\u{0}b\nc"), "ab\nc");
    }
}
