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
mod pdf_bounds;
mod text;

use std::io::Read;
use std::path::{Path, PathBuf};

use parallax_nlp::Lang;

pub use metadata::{detect_lang, outlet_from_url, parse_date};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most text one article may have once extracted (bytes of UTF-8). Files are at most
/// [`MAX_FILE_BYTES`], but a compressed format (PDF, DOCX) can expand; this keeps one file
/// from filling memory and the index. Far above any article (a long report is ~1 MB).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

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
    #[error(
        "not valid UTF-8: byte 0x{byte:02X} at offset {offset} (the rest reads as UTF-8; \
         re-save the file as UTF-8)"
    )]
    InvalidUtf8 { offset: usize, byte: u8 },
    #[error("the file ends in the middle of a UTF-8 character at offset {offset} (cut short?)")]
    TruncatedUtf8 { offset: usize },
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
    #[error("{0}")]
    Limit(String),
    #[error("item {item} holds NUL characters (binary data, not text)")]
    NulInBatch { item: usize },
    #[error("not a regular file ({0}): skipped")]
    NotAFile(&'static str),
    #[error("permission denied")]
    PermissionDenied,
    #[error("cannot read file: {0}")]
    Io(std::io::Error),
    #[error("internal error while reading the file (please report it): {0}")]
    Panicked(String),
}

impl From<std::io::Error> for ImportError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::PermissionDenied => ImportError::PermissionDenied,
            _ => ImportError::Io(e),
        }
    }
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

/// What a file that is neither a folder nor a regular file is, in words.
fn special_file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "a special file"
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
        // A folder reaches here when it could not be listed: say why.
        std::fs::read_dir(path)?;
        return Err(ImportError::Io(std::io::Error::other("is a folder")));
    }
    if !meta.is_file() {
        return Err(ImportError::NotAFile(special_file_kind(&meta)));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: meta.len() });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let file = std::fs::File::open(path)?;
    // The path may have been replaced by a pipe or device since it was checked: reading one
    // could block forever.
    if !file.metadata()?.is_file() {
        return Err(ImportError::NotAFile("replaced while being read"));
    }
    // The file may grow between the size check and the read: never read past the limit.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
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
/// does not settle the format. A panic in a parser (a bug, or a library's on a hostile file)
/// becomes this file's error.
pub fn parse_bytes(file_name: &str, bytes: &[u8]) -> Result<Vec<ParsedArticle>, ImportError> {
    catch_panic(|| parse_bytes_unguarded(file_name, bytes))
        .unwrap_or_else(|message| Err(ImportError::Panicked(message)))
}

thread_local! {
    static SILENCED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `Err` with its message. The message is kept off the
/// terminal: a hook installed once stays quiet while this thread is inside `catch_panic` and
/// passes every other panic to the previous hook.
pub(crate) fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static INSTALL_HOOK: std::sync::Once = std::sync::Once::new();
    INSTALL_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !SILENCED.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let was_silenced = SILENCED.with(|s| s.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    SILENCED.with(|s| s.set(was_silenced));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a parser panicked".to_string())
    })
}

fn parse_bytes_unguarded(file_name: &str, bytes: &[u8]) -> Result<Vec<ParsedArticle>, ImportError> {
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
    if article.text.len() > MAX_TEXT_BYTES {
        return Err(ImportError::Limit(format!(
            "the text is {} MB, more than the {} MB an article may have",
            article.text.len() / 1_048_576,
            MAX_TEXT_BYTES / 1_048_576
        )));
    }
    // PDF fonts without a usable map and `&#0;` in markup yield NULs: they are not text.
    if article.text.contains('\0') {
        article.text.retain(|c| c != '\0');
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

/// Longest a metadata field (title, outlet, author, URL) may be, in characters; longer ones
/// are cut. Generous for any real headline or URL; keeps a hostile file from storing
/// megabytes in a field every listing prints.
const MAX_FIELD_CHARS: usize = 2_000;

/// Trims a metadata field, drops control characters (a field is one line of text: escape
/// codes or NULs in it can only be hostile) and collapses its inner whitespace; empty
/// becomes `None`.
pub(crate) fn clean_field(field: Option<String>) -> Option<String> {
    let field = field?;
    let visible: String = field
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .take(MAX_FIELD_CHARS)
        .collect();
    let cleaned = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}
