//! Bounds a PDF must keep before the PDF libraries see it.
//!
//! `lopdf` parses nested arrays and dictionaries recursively and decompresses every stream
//! whole, without limits: a 3 KB file of nested brackets overflows the stack (which aborts
//! the process), and a 1 MB file of compressed zeros asks for gigabytes. So one lexical pass
//! over the file, before it is loaded, measures both: the nesting depth of arrays and
//! dictionaries outside streams and inside the streams that may be parsed as PDF syntax
//! (page contents, object streams, forms, images), and the decompressed size of every Flate or LZW stream,
//! streamed through a counter and never held.
//!
//! Left out: streams whose first filter is neither Flate nor LZW (ASCII85 over Flate, for
//! one) are not decompressed here; `lopdf` does not decompress them either except ASCII85,
//! whose output is smaller than its input, so the bomb inside stays compressed. A stream
//! that pdf-extract decompresses again for every page that uses it costs time, not memory.

use std::io::{Read, Write};

use super::ImportError;

/// The deepest nesting of arrays and dictionaries a PDF may have. The PDF reader recurses
/// once per level (about 2 KB of stack each); real files nest fewer than 10 levels. Lower
/// would refuse odd but harmless files, higher needs more stack per import worker.
pub(super) const MAX_NESTING: usize = 256;

/// The most one stream may expand to, like a DOCX entry's limit: far above any page's
/// content or font, and the unit a hostile file must repeat to use memory.
pub(super) const MAX_STREAM_BYTES: u64 = 64 * 1024 * 1024;

/// The most all of a file's streams may expand to together: a 64 MB PDF of real pages
/// expands a few times over; more is a decompression bomb. Bounds memory (the reader holds
/// decompressed object streams) and the time spent decompressing.
pub(super) const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// Checks a PDF's nesting and decompressed size; the error says which bound it broke.
pub(super) fn check(bytes: &[u8]) -> Result<(), ImportError> {
    let mut outside = Nesting::default();
    let mut total = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let was_top = outside.depth == 0 && outside.string == 0 && !outside.comment;
        outside.feed(b)?;
        if outside.depth == 1 && was_top && b == b'<' && outside.just_opened_dictionary {
            outside.dictionary_start = i.saturating_sub(1);
        }
        let keyword = b == b'm'
            && was_top
            && bytes[..=i].ends_with(b"stream")
            && !bytes[..=i].ends_with(b"endstream");
        if keyword {
            // the keyword is followed by CRLF or LF (CR alone in some producers' files)
            let body = match bytes.get(i + 1..(i + 3).min(bytes.len())) {
                Some([b'\r', b'\n']) => i + 3,
                Some([b'\n' | b'\r', ..]) => i + 2,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let end = find(bytes, body, b"endstream").unwrap_or(bytes.len());
            let dictionary = &bytes[outside.dictionary_start.min(i)..i];
            // A crafted stream can hold the bytes `endstream` in its data, which the PDF
            // reader passes over by the stream's /Length: compressed data is decoded up to
            // its own end marker instead, wherever that is.
            total += check_stream(dictionary, &bytes[body..end], &bytes[body..], total)?;
            i = end + b"endstream".len();
            continue;
        }
        i += 1;
    }
    Ok(())
}

/// Checks one stream: its decompressed size (added to `total_before` against
/// [`MAX_TOTAL_BYTES`]) and, for streams of PDF syntax, its nesting. `body` runs to the
/// first `endstream`, `to_end_of_file` on from the same place (for compressed data, which
/// ends itself). Returns its size.
fn check_stream(
    dictionary: &[u8],
    body: &[u8],
    to_end_of_file: &[u8],
    total_before: u64,
) -> Result<u64, ImportError> {
    let mut nesting = is_syntax(dictionary).then(Nesting::default);
    let budget = MAX_STREAM_BYTES.min(MAX_TOTAL_BYTES.saturating_sub(total_before));
    let mut sink = Sink {
        written: 0,
        budget,
        nesting: nesting.as_mut(),
        error: None,
    };
    match first_filter(dictionary) {
        Some(Filter::Flate) => {
            let mut decoder = flate2::read::ZlibDecoder::new(to_end_of_file);
            let mut buffer = [0u8; 64 * 1024];
            loop {
                match decoder.read(&mut buffer) {
                    Ok(0) | Err(_) => break, // the reader keeps what decoded before an error
                    Ok(n) => {
                        if sink.write_all(&buffer[..n]).is_err() {
                            break;
                        }
                    }
                }
            }
        }
        Some(Filter::Lzw) => {
            let mut decoder =
                weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
            let _ = decoder.into_stream(&mut sink).decode_all(to_end_of_file);
        }
        Some(Filter::Unfiltered) => {
            let _ = sink.write_all(body);
        }
        // Encoded in a way this check does not decode (see the module's doc): its bytes
        // are counted but are not syntax to scan.
        None => sink.written += body.len() as u64,
    }
    if let Some(error) = sink.error {
        return Err(error);
    }
    if sink.written > budget {
        return Err(ImportError::Limit(if budget < MAX_STREAM_BYTES {
            format!(
                "PDF bomb: its streams expand beyond {} MB together",
                MAX_TOTAL_BYTES / 1_048_576
            )
        } else {
            format!(
                "PDF bomb: a stream expands beyond {} MB",
                MAX_STREAM_BYTES / 1_048_576
            )
        }));
    }
    Ok(sink.written)
}

/// Where decompressed bytes go: counted, scanned for nesting when the stream is syntax,
/// and dropped.
struct Sink<'a> {
    written: u64,
    budget: u64,
    nesting: Option<&'a mut Nesting>,
    error: Option<ImportError>,
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.written += buf.len() as u64;
        if self.written > self.budget {
            return Err(std::io::Error::other("over the limit"));
        }
        if let Some(nesting) = self.nesting.as_deref_mut() {
            for &b in buf {
                if let Err(e) = nesting.feed(b) {
                    self.error = Some(e);
                    return Err(std::io::Error::other("nested too deep"));
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

enum Filter {
    Unfiltered,
    Flate,
    Lzw,
}

/// The stream's first filter, when it has none or one this check decompresses.
fn first_filter(dictionary: &[u8]) -> Option<Filter> {
    let Some(at) = find(dictionary, 0, b"/Filter") else {
        return Some(Filter::Unfiltered);
    };
    let at = at + b"/Filter".len();
    let rest = &dictionary[at..];
    let name_at = rest.iter().position(|&b| b == b'/')?;
    let name: Vec<u8> = rest[name_at + 1..]
        .iter()
        .copied()
        .take_while(|b| b.is_ascii_alphanumeric())
        .collect();
    match name.as_slice() {
        b"FlateDecode" | b"Fl" => Some(Filter::Flate),
        b"LZWDecode" | b"LZW" => Some(Filter::Lzw),
        _ => None,
    }
}

/// Whether a stream may be parsed as PDF syntax (page contents, forms, object streams, and
/// images too: pdf-extract parses whatever a page draws as content) rather than data that
/// is never parsed (fonts, colour profiles, cross-reference tables, metadata, attachments),
/// whose bytes would only look like brackets by chance.
fn is_syntax(dictionary: &[u8]) -> bool {
    let has = |key: &[u8]| {
        let mut from = 0;
        while let Some(at) = find(dictionary, from, key) {
            let next = dictionary.get(at + key.len());
            if !next.is_some_and(|b| b.is_ascii_alphanumeric()) {
                return true;
            }
            from = at + 1;
        }
        false
    };
    if has(b"/ObjStm") || has(b"/Form") {
        return true;
    }
    !(has(b"/XRef")
        || has(b"/Metadata")
        || has(b"/Length1")
        || has(b"/Length2")
        || has(b"/Length3")
        || has(b"/Type1C")
        || has(b"/CIDFontType0C")
        || has(b"/OpenType")
        || has(b"/EmbeddedFile")
        || (has(b"/N") && !has(b"/Width")))
}

/// The nesting of arrays and dictionaries in PDF syntax, fed one byte at a time; strings
/// and comments are skipped.
#[derive(Default)]
struct Nesting {
    depth: usize,
    /// open parentheses of a literal string
    string: usize,
    escaped: bool,
    comment: bool,
    hex_string: bool,
    /// the previous byte was a `<` that may open a dictionary or a hex string
    angle: bool,
    just_opened_dictionary: bool,
    /// the previous byte was a `>` that may be the first of `>>`
    closing_angle: bool,
    /// the last four bytes, to see the `ID` and `EI` around an inline image's data
    recent: [u8; 4],
    inline_image: bool,
    /// where the latest top-level dictionary began (for the stream check)
    dictionary_start: usize,
}

impl Nesting {
    fn feed(&mut self, b: u8) -> Result<(), ImportError> {
        self.just_opened_dictionary = false;
        self.recent = [self.recent[1], self.recent[2], self.recent[3], b];
        if self.inline_image {
            // binary image data up to `EI` between white space
            if let [before, b'E', b'I', after] = self.recent {
                self.inline_image = !(is_white(before) && is_white(after));
            }
            return Ok(());
        }
        if self.comment {
            self.comment = !matches!(b, b'\n' | b'\r');
            return Ok(());
        }
        if self.string > 0 {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'(' {
                self.string += 1;
            } else if b == b')' {
                self.string -= 1;
            }
            return Ok(());
        }
        if self.hex_string {
            self.hex_string = b != b'>';
            return Ok(());
        }
        if self.angle {
            self.angle = false;
            if b == b'<' {
                self.just_opened_dictionary = true;
                return self.open();
            }
            // a hex string: this byte is its first digit (or its end)
            self.hex_string = b != b'>';
            return Ok(());
        }
        if let [before, b'I', b'D', after] = self.recent {
            // `ID` starts an inline image's binary data in page contents
            if is_white(before) && is_white(after) {
                self.inline_image = true;
                return Ok(());
            }
        }
        let closing = std::mem::take(&mut self.closing_angle);
        match b {
            b'%' => self.comment = true,
            b'(' => self.string = 1,
            b'<' => self.angle = true,
            b'[' => return self.open(),
            b']' => self.depth = self.depth.saturating_sub(1),
            // `>>` closes a dictionary; a lone `>` is malformed and harmless
            b'>' if closing => self.depth = self.depth.saturating_sub(1),
            b'>' => self.closing_angle = true,
            _ => {}
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), ImportError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ImportError::Limit(format!(
                "PDF objects nested more than {MAX_NESTING} deep"
            )));
        }
        Ok(())
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'\0')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}
