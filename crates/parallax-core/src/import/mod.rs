//! Reading article files: plain text, HTML, PDF, DOCX and JSON/JSONL batches.
//!
//! [`read_file`] (or [`parse_bytes`]) turns one file into one or more [`ParsedArticle`]s:
//! the verbatim article text plus whatever metadata the file carries (title, outlet, author,
//! date, URL, language). The format is recognised by content first (`%PDF`, a zip holding
//! `word/document.xml`, `<html`, JSON) and by extension second, so a PDF named `.txt` is still
//! read as a PDF.
//!
//! Every bad input yields exactly one [`ImportError`] whose message names the reason in words
//! a user understands; the caller prefixes the file name.
//!
//! Deliberately left out: nothing is fetched or executed (HTML scripts, remote resources,
//! PDF JavaScript), no OCR for scanned PDFs, no legacy `.doc`/`.rtf`/`.odt`, and no
//! normalisation of the article text: normalised forms for matching are made elsewhere.

mod docx;
mod html;
mod jsonl;
mod metadata;
mod pdf;
mod text;

use std::io::Read;
use std::path::{Path, PathBuf};

use parallax_nlp::Lang;

pub use metadata::{detect_lang, outlet_from_url, parse_date};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// File extensions [`collect_files`] picks up inside folders (lowercase, without the dot).
pub const IMPORTABLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx", "json", "jsonl",
    "ndjson",
];

/// The kind of file an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Pdf,
    Docx,
    Json,
}

/// One article read from a file, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedArticle {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<chrono::NaiveDate>,
    pub url: Option<String>,
    /// What the file declares, else detected from the text.
    pub lang: Lang,
    /// The article body as the file has it: never normalised; trimmed, with paragraphs
    /// separated by `"\n"` (blank lines between paragraphs are kept as the file has them).
    pub text: String,
    pub format: Format,
}

/// Why a file could not be imported. `Display` is a lowercase reason for the user; the
/// caller adds the file's path.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("file is {:.1} MB, larger than the {} MB limit", *.bytes as f64 / 1_048_576.0, MAX_FILE_BYTES / 1_048_576)]
    TooLarge { bytes: u64 },
    #[error("empty file")]
    Empty,
    #[error("binary data, not a text document ({0})")]
    Binary(&'static str),
    #[error("not valid UTF-8 or a known encoding")]
    Undecodable,
    #[error("no article text found")]
    NoText,
    #[error("no text layer (scanned document?)")]
    NoTextLayer,
    #[error("encrypted PDF")]
    EncryptedPdf,
    #[error("truncated PDF (the file ends before %%EOF)")]
    TruncatedPdf,
    #[error("damaged PDF: {0}")]
    DamagedPdf(String),
    #[error("zip bomb: {entry} expands beyond {} MB", .limit / 1_048_576)]
    ZipBomb { entry: String, limit: u64 },
    #[error("not a DOCX document: {0}")]
    NotDocx(String),
    #[error("unsupported format: {0}")]
    Unsupported(&'static str),
    #[error("invalid JSON{}: {message}", line.map(|l| format!(" at line {l}")).unwrap_or_default())]
    InvalidJson {
        line: Option<usize>,
        message: String,
    },
    #[error("not an article batch: expected objects with a \"text\" field{}", detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    NotABatch { detail: Option<String> },
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
}

/// Every importable file under the given paths: folders are walked recursively in sorted
/// order, skipping hidden entries (names starting with `.`) and files whose extension is not
/// in [`IMPORTABLE_EXTENSIONS`]. A path named explicitly is returned whatever its extension,
/// and so is a path that does not exist, so that reading it reports the error.
pub fn collect_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk_dir(path, &mut out);
        } else {
            out.push(path.clone());
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // An unreadable folder is reported when its own path is read.
        out.push(dir.to_path_buf());
        return;
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        // `symlink_metadata` so that a symlinked folder cannot send the walk round a loop.
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk_dir(&path, out);
        } else if has_importable_extension(&path) {
            out.push(path);
        }
    }
}

fn has_importable_extension(path: &Path) -> bool {
    extension(&path.to_string_lossy())
        .is_some_and(|ext| IMPORTABLE_EXTENSIONS.contains(&ext.as_str()))
}

/// Reads and parses one file. The size is checked before anything is read, so an over-size
/// file costs nothing. A batch file (`.json`/`.jsonl`) yields several articles.
pub fn read_file(path: &Path) -> Result<Vec<ParsedArticle>, ImportError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(ImportError::Io(std::io::Error::other("is a folder")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: meta.len() });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the size check and the read: never read past the limit.
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    parse_bytes(&name, &bytes)
}

/// Parses one file's bytes; `file_name` supplies the extension, used when the content alone
/// does not settle the format.
pub fn parse_bytes(file_name: &str, bytes: &[u8]) -> Result<Vec<ParsedArticle>, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let ext = extension(file_name);
    match sniff_binary(bytes) {
        Some(Sniffed::Pdf) => return pdf::parse(bytes).map(|a| vec![a]),
        Some(Sniffed::Zip) => return docx::parse(bytes).map(|a| vec![a]),
        Some(Sniffed::Ole) => {
            return Err(ImportError::Unsupported(
                "legacy Word (.doc) or password-protected Office file",
            ))
        }
        None => {}
    }

    let ext_says_html = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"));
    let decoded = match text::decode(bytes, ext_says_html) {
        Ok(decoded) => decoded,
        // Content wins over the extension when it is readable text; when it is not, the
        // extension names what the user expected the file to be.
        Err(ImportError::Binary(_) | ImportError::Undecodable) if ext.as_deref() == Some("pdf") => {
            return Err(ImportError::DamagedPdf("no %PDF header".into()))
        }
        Err(ImportError::Binary(_) | ImportError::Undecodable)
            if ext.as_deref() == Some("docx") =>
        {
            return Err(ImportError::NotDocx("not a zip archive".into()))
        }
        Err(e) => return Err(e),
    };
    let head = decoded.trim_start();
    if ext_says_html || looks_like_html(head) {
        return html::parse(&decoded).map(|a| vec![a]);
    }
    let ext_says_json = matches!(ext.as_deref(), Some("json" | "jsonl" | "ndjson"));
    if ext_says_json || head.starts_with('{') || head.starts_with('[') {
        match jsonl::parse(&decoded) {
            Ok(articles) => return Ok(articles),
            // Text that merely starts with a bracket is still text unless the name says JSON.
            Err(ImportError::InvalidJson { .. }) if !ext_says_json => {}
            Err(e) => return Err(e),
        }
    }
    text::parse(&decoded, matches!(ext.as_deref(), Some("md" | "markdown"))).map(|a| vec![a])
}

enum Sniffed {
    Pdf,
    Zip,
    Ole,
}

fn sniff_binary(bytes: &[u8]) -> Option<Sniffed> {
    // The PDF header may follow a little junk; readers accept it within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        Some(Sniffed::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(Sniffed::Zip)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Sniffed::Ole)
    } else {
        None
    }
}

fn looks_like_html(head: &str) -> bool {
    if !head.starts_with('<') {
        return false;
    }
    let prefix: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|tag| prefix.contains(tag))
}

/// The lowercase extension of a file name, if any.
fn extension(file_name: &str) -> Option<String> {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// Fills the fields every importer derives the same way: the outlet from the URL's host when
/// the file names none, and the language from the text when the file declares none.
fn finish(
    mut article: ParsedArticle,
    declared_lang: Option<Lang>,
) -> Result<ParsedArticle, ImportError> {
    article.text = article.text.trim().to_string();
    if article.text.is_empty() {
        return Err(ImportError::NoText);
    }
    article.title = clean_field(article.title);
    article.author = clean_field(article.author);
    article.outlet = clean_field(article.outlet);
    article.url = clean_field(article.url);
    if article.outlet.is_none() {
        article.outlet = article.url.as_deref().and_then(outlet_from_url);
    }
    if article.published_at.is_none() {
        article.published_at = article
            .url
            .as_deref()
            .and_then(metadata::date_from_url)
            .or_else(|| metadata::dateline(&article.text));
    }
    article.lang = match declared_lang {
        Some(lang) if lang != Lang::Other => lang,
        _ => detect_lang(&article.text),
    };
    Ok(article)
}

/// Trims a metadata field and collapses its inner whitespace; empty becomes `None`.
fn clean_field(field: Option<String>) -> Option<String> {
    let field = field?;
    let cleaned = field.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}
