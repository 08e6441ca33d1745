//! Bilingual dictionaries for cross-language alignment, read from dictd files as FreeDict
//! publishes them (Debian: `dict-freedict-eng-ara`, `dict-freedict-ara-eng`).
//!
//! A dictionary is named by its path without extension: `PREFIX.index` and `PREFIX.dict.dz`
//! (gzip, as dictzip writes it) or `PREFIX.dict`. They are optional data: the project aligns
//! without them, and the faces decide which to load ([`STANDARD_DICTIONARIES`] are where
//! the Debian packages put them).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parallax_nlp::align::Bilingual;

/// Where Debian's FreeDict packages install the English–Arabic dictionaries.
pub const STANDARD_DICTIONARIES: &[&str] = &[
    "/usr/share/dictd/freedict-eng-ara",
    "/usr/share/dictd/freedict-ara-eng",
];

/// A dictionary file larger than this (uncompressed) is refused.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("cannot read dictionary file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("dictionary file {path} is over 64 MB uncompressed")]
    TooLarge { path: String },
    #[error("dictionary file {path} is not UTF-8 text")]
    NotText { path: String },
    #[error(
        "no dictionary at {prefix}: expected {prefix}.index and {prefix}.dict.dz or {prefix}.dict"
    )]
    Missing { prefix: String },
    #[error("dictionary {prefix} has no English–Arabic word pairs")]
    Empty { prefix: String },
}

fn read_text(path: &Path, gzip: bool) -> Result<String, DictionaryError> {
    let shown = || path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| DictionaryError::Read {
        path: shown(),
        source,
    })?;
    let mut bytes = Vec::new();
    let reader: Box<dyn Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| DictionaryError::Read {
            path: shown(),
            source,
        })?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(DictionaryError::TooLarge { path: shown() });
    }
    String::from_utf8(bytes).map_err(|_| DictionaryError::NotText { path: shown() })
}

fn with_extension(prefix: &Path, ext: &str) -> PathBuf {
    let mut s = prefix.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

/// Whether a dictionary's files are there.
pub fn dictionary_exists(prefix: &Path) -> bool {
    with_extension(prefix, ".index").is_file()
        && (with_extension(prefix, ".dict.dz").is_file()
            || with_extension(prefix, ".dict").is_file())
}

/// Adds one dictd dictionary's word pairs to `dict`; returns how many.
pub fn add_dictionary(dict: &mut Bilingual, prefix: &Path) -> Result<usize, DictionaryError> {
    let shown = || prefix.display().to_string();
    if !dictionary_exists(prefix) {
        return Err(DictionaryError::Missing { prefix: shown() });
    }
    let index = read_text(&with_extension(prefix, ".index"), false)?;
    let dz = with_extension(prefix, ".dict.dz");
    let body = if dz.is_file() {
        read_text(&dz, true)?
    } else {
        read_text(&with_extension(prefix, ".dict"), false)?
    };
    match dict.add_dictd(&index, &body) {
        0 => Err(DictionaryError::Empty { prefix: shown() }),
        n => Ok(n),
    }
}

/// The word pairs of several dictionaries as one list.
pub fn load_dictionaries(prefixes: &[PathBuf]) -> Result<Arc<Bilingual>, DictionaryError> {
    let mut dict = Bilingual::new();
    for p in prefixes {
        add_dictionary(&mut dict, p)?;
    }
    Ok(Arc::new(dict))
}
