//! Word documents (`.docx`): the paragraphs of `word/document.xml` in order, and the core
//! properties (`docProps/core.xml`: title, creator, created) as metadata.
//!
//! A DOCX is a zip archive, and a hostile one can expand a few kilobytes into gigabytes.
//! Entries are therefore read through a hard cap on their decompressed size, whatever size
//! their headers declare, and archives with implausibly many entries are refused.
//!
//! Text: `w:t` runs concatenated, `w:tab` as a tab, `w:br`/`w:cr` as a line break, one line per
//! `w:p` (table cells and text boxes included, in document order). Deleted revisions
//! (`w:delText`), field codes (`w:instrText`), headers, footers, footnotes and comments are
//! left out: they are not the article.

use std::io::{Cursor, Read};

use parallax_nlp::Lang;
use quick_xml::events::Event;
use quick_xml::Reader;

use super::metadata::parse_date;
use super::{finish, Format, ImportError, ParsedArticle};

/// The most any one entry may expand to.
const MAX_ENTRY_BYTES: u64 = 50 * 1024 * 1024;
/// More entries than this is not a document someone wrote.
const MAX_ENTRIES: usize = 10_000;

const DOCUMENT: &str = "word/document.xml";
const CORE_PROPERTIES: &str = "docProps/core.xml";

pub(super) fn parse(bytes: &[u8]) -> Result<ParsedArticle, ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ImportError::NotDocx(format!("damaged zip archive ({e})")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::NotDocx(format!(
            "{} entries in the archive, more than the {MAX_ENTRIES} a document may have",
            archive.len()
        )));
    }
    let document = read_entry(&mut archive, DOCUMENT)?
        .ok_or_else(|| ImportError::NotDocx(format!("a zip archive without {DOCUMENT}")))?;
    let text = paragraphs(&document)?;
    let properties = match read_entry(&mut archive, CORE_PROPERTIES)? {
        Some(core) => CoreProperties::read(&core),
        None => CoreProperties::default(),
    };
    let article = ParsedArticle {
        title: properties.title.or_else(|| super::text::heading(&text)),
        outlet: None,
        author: properties.creator,
        published_at: properties.created,
        url: None,
        lang: Lang::Other,
        text,
        format: Format::Docx,
    };
    finish(article, properties.language)
}

/// Reads one entry as UTF-8 text, refusing it when it expands beyond [`MAX_ENTRY_BYTES`]
/// (by its declared size, or by what actually comes out of the decompressor).
fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(reason)) if reason.contains("assword") => {
            return Err(ImportError::NotDocx("password-protected".into()))
        }
        Err(e) => return Err(ImportError::NotDocx(format!("cannot read {name} ({e})"))),
    };
    let bomb = || ImportError::ZipBomb {
        entry: name.rsplit('/').next().unwrap_or(name).to_string(),
        limit: MAX_ENTRY_BYTES,
    };
    if entry.size() > MAX_ENTRY_BYTES {
        return Err(bomb());
    }
    let mut bytes = Vec::with_capacity(entry.size() as usize);
    entry
        .take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::NotDocx(format!("cannot read {name} ({e})")))?;
    if bytes.len() as u64 > MAX_ENTRY_BYTES {
        return Err(bomb());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ImportError::NotDocx(format!("{name} is not UTF-8 XML")))
}

/// The text of `word/document.xml`, one line per paragraph, empty paragraphs skipped.
fn paragraphs(xml: &str) -> Result<String, ImportError> {
    let mut reader = Reader::from_str(xml);
    // Open paragraphs: a text box's paragraphs nest inside the paragraph that anchors it.
    let mut open: Vec<String> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ImportError::NotDocx(format!("malformed {DOCUMENT} ({e})")))?;
        match event {
            Event::Start(e) => match e.name().as_ref() {
                b"w:p" => open.push(String::new()),
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => {
                if let Some(paragraph) = open.last_mut() {
                    match e.name().as_ref() {
                        b"w:tab" => paragraph.push('\t'),
                        b"w:br" | b"w:cr" => paragraph.push('\n'),
                        b"w:noBreakHyphen" => paragraph.push('\u{2011}'),
                        _ => {}
                    }
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    if let Some(paragraph) = open.pop() {
                        if !paragraph.trim().is_empty() {
                            done.push(paragraph.trim().to_string());
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t
                    .xml10_content()
                    .map_err(|e| ImportError::NotDocx(format!("bad text in {DOCUMENT} ({e})")))?;
                if let Some(paragraph) = open.last_mut() {
                    paragraph.push_str(&text);
                }
            }
            Event::CData(t) if in_text => {
                if let Some(paragraph) = open.last_mut() {
                    paragraph.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(paragraph) = open.last_mut() {
                    paragraph.push_str(&resolve_reference(&r));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(done.join("\n"))
}

/// The text an entity or character reference stands for.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.decode().unwrap_or_default();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or_default()
        .to_string()
}

/// `docProps/core.xml`'s fields Parallax uses.
#[derive(Default)]
struct CoreProperties {
    title: Option<String>,
    creator: Option<String>,
    created: Option<chrono::NaiveDate>,
    language: Option<Lang>,
}

impl CoreProperties {
    /// Reads the properties; a malformed file yields what was read before the fault, since
    /// metadata is never worth refusing an article for.
    fn read(xml: &str) -> Self {
        let mut reader = Reader::from_str(xml);
        let mut properties = CoreProperties::default();
        let mut current: Option<Vec<u8>> = None;
        let mut value = String::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => {
                    current = Some(e.name().as_ref().to_vec());
                    value.clear();
                }
                Ok(Event::Text(t)) => value.push_str(&t.xml10_content().unwrap_or_default()),
                Ok(Event::GeneralRef(r)) => value.push_str(&resolve_reference(&r)),
                Ok(Event::End(_)) => {
                    let text = value.trim();
                    match current.take().as_deref() {
                        Some(b"dc:title") if !text.is_empty() => {
                            properties.title = Some(text.to_string())
                        }
                        Some(b"dc:creator") if !text.is_empty() => {
                            properties.creator = Some(text.to_string())
                        }
                        Some(b"dcterms:created") => properties.created = parse_date(text),
                        Some(b"dc:language") => {
                            properties.language =
                                text.split(['-', '_']).next().and_then(|c| c.parse().ok())
                        }
                        _ => {}
                    }
                    value.clear();
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        properties
    }
}
