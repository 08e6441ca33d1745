//! PDF files: the text layer in logical reading order, and the document information
//! dictionary (title, author, creation date) as metadata.
//!
//! `pdf-extract` interprets the content streams and hands over every glyph with its position;
//! glyphs are grouped into lines by baseline and ordered left to right. That is *visual*
//! order, which for Arabic is the reverse of reading order, so each line whose strong
//! characters are mostly right-to-left is turned back into logical order: `unicode-bidi`
//! resolves the embedding levels of the visual line and the glyphs are reordered by rule L2
//! (reversing runs at each odd level), which inverts the display reordering for the text of
//! news articles (Arabic with embedded Latin names and numbers). Glyphs, not characters, are
//! the unit of reordering, since one glyph may stand for several characters (the lam-alef
//! ligature maps to «لا»). Arabic presentation forms are mapped back to their letters.
//!
//! Lines are joined into paragraphs: a wider gap than the usual line spacing, or a line that
//! ends well short of the full width, ends a paragraph. Page numbers alone on a line are
//! dropped.
//!
//! Left out: OCR (a PDF without a text layer is refused with "no text layer"), multi-column
//! reading order (columns are read across), passwords (a PDF that needs one is refused).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use lopdf::Document;
use parallax_nlp::Lang;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};
use unicode_normalization::UnicodeNormalization;

use super::metadata::parse_date;
use super::{finish, Format, ImportError, ParsedArticle};

pub(super) fn parse(bytes: &[u8]) -> Result<ParsedArticle, ImportError> {
    // A complete PDF ends with %%EOF (possibly followed by a little whitespace or junk);
    // a download cut short does not, and its cross-reference table is missing too.
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(ImportError::TruncatedPdf);
    }
    super::pdf_bounds::check(bytes)?;
    let document = match without_panics(|| Document::load_mem(bytes)) {
        Some(Ok(document)) => document,
        Some(Err(lopdf::Error::Decryption(_))) => return Err(ImportError::EncryptedPdf),
        Some(Err(e)) => return Err(ImportError::DamagedPdf(e.to_string())),
        None => {
            return Err(ImportError::DamagedPdf(
                "the PDF reader gave up on it".into(),
            ))
        }
    };
    // lopdf opens documents encrypted with an empty user password by itself; anything still
    // encrypted needs a password we do not have.
    if document.is_encrypted() && document.authenticate_password("").is_err() {
        return Err(ImportError::EncryptedPdf);
    }

    check_drawing(&document)?;
    let mut collector = GlyphCollector::default();
    match without_panics(|| pdf_extract::output_doc(&document, &mut collector)) {
        Some(Ok(())) => {}
        Some(Err(_)) if collector.glyphs > MAX_GLYPHS => {
            return Err(ImportError::Limit(format!(
                "more than {} million characters of text: not an article",
                MAX_GLYPHS / 1_000_000
            )))
        }
        Some(Err(e)) => return Err(ImportError::DamagedPdf(e.to_string())),
        None => {
            return Err(ImportError::DamagedPdf(
                "the PDF reader gave up on it".into(),
            ))
        }
    }
    let text = collector.into_text();
    if text.trim().is_empty() {
        return Err(ImportError::NoTextLayer);
    }

    let info = Info::read(&document);
    let title = info.title.or_else(|| super::text::heading(&text));
    let article = ParsedArticle {
        title,
        outlet: None,
        author: info.author,
        published_at: info.created,
        url: None,
        lang: Lang::Other,
        text,
        format: Format::Pdf,
    };
    finish(article, None)
}

/// Runs the PDF libraries, turning a panic (they do panic on unusual files) into `None`.
fn without_panics<T>(f: impl FnOnce() -> T) -> Option<T> {
    super::catch_panic(f).ok()
}

/// How deeply XObjects (forms, and images, which the text extractor also reads as content)
/// may draw others. The extractor draws one by recursing into it, so a form that draws
/// itself, directly or through others, would recurse until the stack overflows (which
/// aborts the process). Real documents nest a few levels at most.
const MAX_FORM_DEPTH: usize = 32;

/// The most content the text extractor may parse for one file, in bytes, counting a stream
/// each time it is drawn. The decompressed size is bounded (see `pdf_bounds`), but a small
/// file can draw one large form thousands of times, or give a thousand pages one large
/// content stream, which would keep the extractor busy for minutes. A 1,000-page report
/// parses some 50 MB; this takes the extractor a few seconds.
const MAX_DRAWN_BYTES: u64 = 256 * 1024 * 1024;

/// The most operators and operands the text extractor may parse for one file, counting a
/// stream each time it is drawn. The extractor holds a whole content stream's operations in
/// memory, some 150–250 bytes each (60 MB of `0 0 m` took 6 GB and 35 s), so bytes alone
/// do not bound it. Three million is some 600 MB at worst and a few seconds; a page of text
/// has a few thousand, so a 1,000-page report fits.
const MAX_DRAWN_TOKENS: u64 = 3_000_000;

/// How deep a content stream may save the graphics state (`q`) without restoring it. The
/// extractor keeps a copy of the state per level, so 30 million `q`s exhaust any memory;
/// the PDF specification's own limit is 28.
const MAX_SAVED_STATES: usize = 256;

/// The longest string a content stream may hold. The extractor decodes a shown string
/// whole, at some 60 bytes of memory per byte, before it draws a glyph of it; one line of
/// text is a few hundred bytes.
const MAX_CONTENT_STRING_BYTES: usize = 1024 * 1024;

/// A stream as the extractor draws it: the object whose resources name what it draws in
/// turn (the stream itself, or its caller when it has none, as pdf-extract resolves them),
/// and the stream.
type Visit = (lopdf::ObjectId, lopdf::ObjectId);

/// Refuses a PDF whose XObjects draw each other in a loop or more than [`MAX_FORM_DEPTH`]
/// deep, whose pages make the extractor parse more than [`MAX_DRAWN_BYTES`] of content or
/// [`MAX_DRAWN_TOKENS`] operators and operands, or one of whose drawn streams saves the
/// graphics state more than [`MAX_SAVED_STATES`] deep or holds a string longer than
/// [`MAX_CONTENT_STRING_BYTES`], following the `Do` operators of each content stream as the
/// extractor would. Each stream is decompressed and scanned once; an explicit stack, so that
/// the check cannot overflow the stack it protects.
fn check_drawing(document: &Document) -> Result<(), ImportError> {
    let mut drawing = Drawing {
        document,
        scanned: HashMap::new(),
        cost: HashMap::new(),
    };
    let mut total = Cost::default();
    for page in document.page_iter() {
        let mut drawn: HashMap<Vec<u8>, u64> = HashMap::new();
        for id in document.get_page_contents(page) {
            let scanned = drawing.scan(id)?;
            total = total.plus(scanned.cost, 1);
            for (name, times) in &scanned.drawn {
                *drawn.entry(name.clone()).or_default() += times;
            }
        }
        let xobjects = xobjects_of(document, page);
        for (name, times) in drawn {
            let Some(&id) = xobjects.get(&name) else {
                continue;
            };
            let cost = drawing.cost((drawing.owner(id, page), id))?;
            total = total.plus(cost, times);
        }
        total.check()?;
    }
    Ok(())
}

/// What the extractor parses to draw a stream: bytes of content, and operators and
/// operands.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    bytes: u64,
    tokens: u64,
}

impl Cost {
    /// This cost and `times` times `other`.
    fn plus(self, other: Cost, times: u64) -> Cost {
        Cost {
            bytes: self.bytes.saturating_add(other.bytes.saturating_mul(times)),
            tokens: self
                .tokens
                .saturating_add(other.tokens.saturating_mul(times)),
        }
    }

    fn check(self) -> Result<(), ImportError> {
        if self.bytes > MAX_DRAWN_BYTES {
            return Err(ImportError::Limit(format!(
                "its pages draw more than {} MB of content (a PDF built to hang readers?)",
                MAX_DRAWN_BYTES / 1_048_576
            )));
        }
        if self.tokens > MAX_DRAWN_TOKENS {
            return Err(ImportError::Limit(format!(
                "its pages draw more than {} million operators and operands (a PDF built to \
                 exhaust memory?)",
                MAX_DRAWN_TOKENS / 1_000_000
            )));
        }
        Ok(())
    }
}

/// A stream as the extractor reads it: what it costs to parse and how often it draws each
/// name.
#[derive(Clone, Default)]
struct ScannedStream {
    cost: Cost,
    drawn: Vec<(Vec<u8>, u64)>,
}

/// What [`check_drawing`] has learnt of the document so far.
struct Drawing<'d> {
    document: &'d Document,
    /// each stream as the extractor reads it
    scanned: HashMap<lopdf::ObjectId, ScannedStream>,
    /// what one visit has the extractor parse, what it draws included
    cost: HashMap<Visit, Cost>,
}

/// A visit on [`Drawing::cost`]'s stack: how often its parent draws it, what it draws that
/// is yet to be followed (with how often), and its cost so far.
struct Frame {
    visit: Visit,
    times: u64,
    pending: Vec<(Visit, u64)>,
    cost: Cost,
}

impl Drawing<'_> {
    fn scan(&mut self, id: lopdf::ObjectId) -> Result<&ScannedStream, ImportError> {
        match self.scanned.entry(id) {
            Entry::Occupied(known) => Ok(known.into_mut()),
            Entry::Vacant(new) => Ok(new.insert(scan_stream(self.document, id)?)),
        }
    }

    /// The object whose resources a stream drawn with `caller`'s resources uses.
    fn owner(&self, stream: lopdf::ObjectId, caller: lopdf::ObjectId) -> lopdf::ObjectId {
        match self.document.get_object(stream) {
            Ok(lopdf::Object::Stream(s)) if s.dict.has(b"Resources") => stream,
            _ => caller,
        }
    }

    fn frame(&mut self, visit: Visit, times: u64) -> Result<Frame, ImportError> {
        let (owner, stream) = visit;
        let ScannedStream { cost, drawn } = self.scan(stream)?.clone();
        let xobjects = xobjects_of(self.document, owner);
        let pending = drawn
            .into_iter()
            .filter_map(|(name, times)| {
                let &id = xobjects.get(&name)?;
                Some(((self.owner(id, owner), id), times))
            })
            .collect();
        Ok(Frame {
            visit,
            times,
            pending,
            cost,
        })
    }

    /// What drawing `start` has the extractor parse, or an error when what it draws loops,
    /// nests too deep or breaks a bound of [`Drawing::scan`].
    fn cost(&mut self, start: Visit) -> Result<Cost, ImportError> {
        let too_deep = || {
            ImportError::Limit(format!(
                "PDF forms draw each other in a loop or more than {MAX_FORM_DEPTH} deep"
            ))
        };
        if let Some(&cost) = self.cost.get(&start) {
            return Ok(cost);
        }
        let mut path = vec![self.frame(start, 1)?];
        loop {
            let next = path.last_mut().and_then(|frame| frame.pending.pop());
            match next {
                Some((next, times)) => {
                    if path.iter().any(|f| f.visit == next) || path.len() >= MAX_FORM_DEPTH {
                        return Err(too_deep());
                    }
                    if let Some(&cost) = self.cost.get(&next) {
                        let top = path.last_mut().expect("the path is not empty");
                        top.cost = top.cost.plus(cost, times);
                    } else {
                        let frame = self.frame(next, times)?;
                        path.push(frame);
                    }
                }
                None => {
                    let done = path.pop().expect("the path is not empty");
                    self.cost.insert(done.visit, done.cost);
                    let Some(parent) = path.last_mut() else {
                        return Ok(done.cost);
                    };
                    parent.cost = parent.cost.plus(done.cost, done.times);
                }
            }
        }
    }
}

/// Reads a drawn stream as the extractor will, refusing one that saves the graphics state
/// too deep or holds too long a string.
fn scan_stream(document: &Document, id: lopdf::ObjectId) -> Result<ScannedStream, ImportError> {
    let Ok(lopdf::Object::Stream(stream)) = document.get_object(id) else {
        return Ok(ScannedStream::default());
    };
    // as pdf-extract reads a stream's content
    let decompressed = stream
        .filters()
        .ok()
        .and_then(|_| stream.decompressed_content().ok());
    let content = decompressed.as_deref().unwrap_or(&stream.content);
    let lexed = scan_content(content);
    if lexed.deepest_save > MAX_SAVED_STATES {
        return Err(ImportError::Limit(format!(
            "its content saves the graphics state more than {MAX_SAVED_STATES} deep (a PDF \
             built to exhaust memory?)"
        )));
    }
    if lexed.longest_string > MAX_CONTENT_STRING_BYTES {
        return Err(ImportError::Limit(format!(
            "its content holds a string of more than {} MB (a PDF built to exhaust memory?)",
            MAX_CONTENT_STRING_BYTES / 1_048_576
        )));
    }
    Ok(ScannedStream {
        cost: Cost {
            bytes: content.len() as u64,
            tokens: lexed.tokens,
        },
        drawn: lexed.drawn.into_iter().collect(),
    })
}

/// The `/XObject` entries of a page's resources (its own or inherited) or a stream's, by
/// name.
fn xobjects_of(document: &Document, owner: lopdf::ObjectId) -> HashMap<Vec<u8>, lopdf::ObjectId> {
    let resources: Vec<&lopdf::Dictionary> = match document.get_object(owner) {
        Ok(lopdf::Object::Stream(s)) => s
            .dict
            .get(b"Resources")
            .and_then(|o| document.dereference(o))
            .and_then(|(_, o)| o.as_dict())
            .ok()
            .into_iter()
            .collect(),
        Ok(lopdf::Object::Dictionary(_)) => match document.get_page_resources(owner) {
            Ok((own, inherited)) => own
                .into_iter()
                .chain(
                    inherited
                        .into_iter()
                        .filter_map(|id| document.get_dictionary(id).ok()),
                )
                .collect(),
            Err(_) => Vec::new(),
        },
        _ => Vec::new(),
    };
    let mut named = HashMap::new();
    for resources in resources {
        let Ok((_, lopdf::Object::Dictionary(xobjects))) = resources
            .get(b"XObject")
            .and_then(|o| document.dereference(o))
        else {
            continue;
        };
        for (name, object) in xobjects.iter() {
            if let Ok(id) = object.as_reference() {
                // the page's own resources come first and win
                named.entry(name.clone()).or_insert(id);
            }
        }
    }
    named
}

/// What a lexical scan of a content stream finds.
#[derive(Default)]
struct ContentScan {
    /// the names `Do` operators draw, with how often
    drawn: HashMap<Vec<u8>, u64>,
    /// operators and operands (each element of an array counted)
    tokens: u64,
    /// the most `q`s not yet restored by a `Q`
    deepest_save: usize,
    /// the longest string's length in the file (bytes, delimiters included)
    longest_string: usize,
}

/// Scans a content stream as the extractor will parse it: a lexical scan that skips
/// comments and inline images' data, and takes an operator's first operand.
fn scan_content(content: &[u8]) -> ContentScan {
    let is_delimiter = |b: u8| {
        matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
    };
    let is_white = |b: u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'\0');
    let mut scan = ContentScan::default();
    let mut saved = 0usize;
    // the first operand since the last operator: Some(Some(name)), Some(None) for another
    // kind, None before any
    let mut first: Option<Option<&[u8]>> = None;
    let mut i = 0;
    while i < content.len() {
        let b = content[i];
        if is_white(b) {
            i += 1;
            continue;
        }
        if b != b'%' {
            scan.tokens += 1;
        }
        match b {
            b'%' => {
                while i < content.len() && !matches!(content[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'(' => {
                let start = i;
                let mut depth = 0usize;
                while i < content.len() {
                    match content[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                scan.longest_string = scan.longest_string.max(i.min(content.len()) - start);
                first.get_or_insert(None);
            }
            b'<' | b'>' if content.get(i + 1) == Some(&b) => {
                i += 2;
                first.get_or_insert(None);
            }
            b'<' => {
                let start = i;
                while i < content.len() && content[i] != b'>' {
                    i += 1;
                }
                i += 1;
                scan.longest_string = scan.longest_string.max(i.min(content.len()) - start);
                first.get_or_insert(None);
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < content.len() && !is_white(content[i]) && !is_delimiter(content[i]) {
                    i += 1;
                }
                first.get_or_insert(Some(&content[start..i]));
            }
            _ if is_delimiter(b) => {
                i += 1;
                first.get_or_insert(None);
            }
            _ => {
                let start = i;
                while i < content.len() && !is_white(content[i]) && !is_delimiter(content[i]) {
                    i += 1;
                }
                let token = &content[start..i];
                let operand = token[0].is_ascii_digit()
                    || matches!(token[0], b'+' | b'-' | b'.')
                    || matches!(token, b"true" | b"false" | b"null");
                if operand {
                    first.get_or_insert(None);
                    continue;
                }
                match token {
                    b"Do" => {
                        if let Some(Some(name)) = first {
                            *scan.drawn.entry(name.to_vec()).or_default() += 1;
                        }
                    }
                    b"q" => {
                        saved += 1;
                        scan.deepest_save = scan.deepest_save.max(saved);
                    }
                    b"Q" => saved = saved.saturating_sub(1),
                    b"ID" => {
                        // an inline image's data, up to `EI` between white space
                        i += 1;
                        while i + 2 < content.len()
                            && !(is_white(content[i - 1])
                                && &content[i..i + 2] == b"EI"
                                && is_white(content[i + 2]))
                        {
                            i += 1;
                        }
                        i += 2;
                    }
                    _ => {}
                }
                first = None;
            }
        }
    }
    scan
}

/// The document information dictionary's useful entries.
#[derive(Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    created: Option<chrono::NaiveDate>,
}

impl Info {
    fn read(document: &Document) -> Self {
        let Ok(info) = document
            .trailer
            .get(b"Info")
            .and_then(|o| document.dereference(o))
            .and_then(|(_, o)| o.as_dict())
        else {
            return Self::default();
        };
        let string = |key: &[u8]| {
            info.get(key)
                .ok()
                .and_then(|o| lopdf::decode_text_string(o).ok())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        Info {
            // Producers often put a file name or the template's name here: that is no title.
            title: string(b"Title").filter(|t| {
                let lower = t.to_lowercase();
                ![".doc", ".docx", ".pdf", ".htm", ".html", ".txt", ".odt"]
                    .iter()
                    .any(|ext| lower.ends_with(ext))
                    && !lower.starts_with("microsoft word")
                    && lower != "untitled"
            }),
            author: string(b"Author"),
            created: string(b"CreationDate").as_deref().and_then(parse_date),
        }
    }
}

/// The most glyphs a PDF may draw. A glyph waits in memory (about 80 bytes) until its page
/// is laid out, and lines are kept until the end: 4 million is a 1,000-page book, some
/// 300 MB at worst, where an article draws a few ten thousand.
const MAX_GLYPHS: usize = 4_000_000;

/// One glyph as drawn: its position (top-left origin), advance and text.
struct Glyph {
    x: f64,
    end: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Collects the glyphs of each page, then lays them out as lines and paragraphs.
#[derive(Default)]
struct GlyphCollector {
    /// glyphs drawn so far, against [`MAX_GLYPHS`]
    glyphs: usize,
    page_height: f64,
    page: Vec<Glyph>,
    lines: Vec<Line>,
}

/// A line of text in logical order, with its horizontal extent and baseline.
struct Line {
    text: String,
    left: f64,
    right: f64,
    y: f64,
    size: f64,
    page_break_before: bool,
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let glyphs = std::mem::take(&mut self.page);
        let first = self.lines.len();
        self.lines.extend(lay_out_lines(glyphs));
        if let Some(line) = self.lines.get_mut(first) {
            line.page_break_before = first > 0;
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The text rendering matrix maps glyph space to the page, origin bottom left; flip
        // it so that y grows down the page, and scale the font size by it as pdf-extract does.
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        let (x, y) = (trm.m31, self.page_height - trm.m32);
        let scaled_x = font_size * (trm.m11 + trm.m21);
        let scaled_y = font_size * (trm.m12 + trm.m22);
        let size = (scaled_x * scaled_y).abs().sqrt();
        if !size.is_finite() || size <= 0.0 || text.is_empty() {
            return Ok(());
        }
        self.page.push(Glyph {
            x,
            end: x + width * size,
            y,
            size,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Groups one page's glyphs into lines (top to bottom) in logical order.
fn lay_out_lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if (glyph.y - row[0].y).abs() <= row[0].size.max(glyph.size) * 0.5 => {
                row.push(glyph)
            }
            _ => rows.push(vec![glyph]),
        }
    }
    rows.into_iter().filter_map(row_to_line).collect()
}

fn row_to_line(mut row: Vec<Glyph>) -> Option<Line> {
    // Stable, so that glyphs drawn at one position keep their drawing order.
    row.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut units: Vec<String> = Vec::with_capacity(row.len());
    // Where the previous glyph ended; `None` when its width is unknown (some producers'
    // fonts give none for a few glyphs) and the gap after it cannot be judged.
    let mut last_end: Option<f64> = None;
    for glyph in &row {
        let text: String = arabic_letters(&glyph.text);
        let is_space = text.trim().is_empty();
        if let Some(end) = last_end {
            let gap = glyph.x - end;
            if !is_space
                && gap > glyph.size * 0.15
                && units.last().is_some_and(|u| !u.trim().is_empty())
            {
                units.push(" ".into());
            }
        }
        let has_width = glyph.end - glyph.x > glyph.size * 0.01;
        last_end = if has_width || is_mark(&text) {
            Some(last_end.map_or(glyph.end, |end: f64| end.max(glyph.end)))
        } else {
            None
        };
        units.push(text);
    }
    let text = visual_to_logical(&units);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty()
        || text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
    {
        return None;
    }
    let left = row.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let right = row.iter().map(|g| g.end).fold(f64::NEG_INFINITY, f64::max);
    let size = row.iter().map(|g| g.size).sum::<f64>() / row.len() as f64;
    Some(Line {
        text,
        left,
        right,
        y: row[0].y,
        size,
        page_break_before: false,
    })
}

/// Maps Arabic presentation forms (how some producers encode shaped glyphs) back to the
/// letters they stand for; any other text is kept as it is.
fn arabic_letters(text: &str) -> String {
    let is_presentation_form =
        |c: char| matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}');
    if text.chars().any(is_presentation_form) {
        text.chars()
            .flat_map(|c| {
                if is_presentation_form(c) {
                    c.to_string().nfkc().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    } else {
        text.to_string()
    }
}

/// Whether a glyph is only combining marks (Arabic vowel signs, shadda, ...), drawn over
/// the letter before it.
fn is_mark(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(bidi_class(c), BidiClass::NSM))
}

/// The mirror image of a paired punctuation mark: right-to-left text shows «(» as «)», and
/// the PDF records the glyph that is shown.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        c => c,
    }
}

/// Reorders a line given in visual order (glyphs left to right) into logical order when its
/// strong characters are mostly right-to-left; other lines are already logical.
fn visual_to_logical(units: &[String]) -> String {
    let line: String = units.concat();
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in line.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    if rtl <= ltr {
        return line;
    }
    let info = BidiInfo::new(&line, Some(Level::rtl()));
    let mut levels = Vec::with_capacity(units.len());
    let mut offset = 0;
    for unit in units {
        levels.push(info.levels.get(offset).map_or(1, |l| l.number()));
        offset += unit.len();
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every run of
    // units at that level or above.
    // A mark is drawn over the letter it follows in logical order, and so lies after that
    // letter in visual order too; put each letter-and-marks cluster at an odd level in
    // reverse, so that reversing the line puts the marks back after their letter.
    let mut order: Vec<usize> = (0..units.len()).collect();
    let mut i = 0;
    while i < order.len() {
        let end = (i + 1..order.len())
            .find(|&j| !is_mark(&units[j]))
            .unwrap_or(order.len());
        if end - i > 1 && levels[i] % 2 == 1 {
            order[i..end].reverse();
        }
        i = end;
    }
    let highest = levels.iter().copied().max().unwrap_or(1);
    let lowest_odd = levels
        .iter()
        .copied()
        .filter(|l| l % 2 == 1)
        .min()
        .unwrap_or(1);
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
        .into_iter()
        .flat_map(|i| {
            let odd = levels[i] % 2 == 1;
            units[i]
                .chars()
                .map(move |c| if odd { mirrored(c) } else { c })
        })
        .collect()
}

impl GlyphCollector {
    /// The document's text: lines joined into paragraphs, paragraphs separated by `\n`.
    fn into_text(self) -> String {
        let lines = self.lines;
        if lines.is_empty() {
            return String::new();
        }
        let full_width = {
            let mut widths: Vec<f64> = lines.iter().map(|l| l.right - l.left).collect();
            widths.sort_by(f64::total_cmp);
            // The 80th percentile: most lines of body text run the full width.
            widths[(widths.len() * 4 / 5).min(widths.len() - 1)]
        };
        let spacing = {
            let mut gaps: Vec<f64> = lines
                .windows(2)
                .filter(|w| !w[1].page_break_before)
                .map(|w| w[1].y - w[0].y)
                .filter(|g| *g > 0.0)
                .collect();
            gaps.sort_by(f64::total_cmp);
            gaps.get(gaps.len() / 2).copied()
        };
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let previous = &lines[i - 1];
                let short = previous.right - previous.left < full_width * 0.8;
                let wide_gap = !line.page_break_before
                    && spacing.is_some_and(|s| line.y - previous.y > s * 1.4)
                    || (line.size - previous.size).abs() > previous.size * 0.2;
                text.push(if short || wide_gap { '\n' } else { ' ' });
            }
            text.push_str(&line.text);
        }
        text
    }
}
