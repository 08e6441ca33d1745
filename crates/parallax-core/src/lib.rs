//! Parallax's engine: a project store (one SQLite file), article import, statement analysis
//! and cross-source comparison.
//!
//! This crate knows nothing of user interfaces: no Tauri, no command-line parsing, no
//! printing. The `parallax` CLI and the desktop shell are thin faces over [`Project`].
//! The core never reads the clock or the environment: callers pass the time in.

pub mod actors;
mod analysis_cache;
pub mod corrections;
pub mod dictionary;
pub mod import;
pub mod model;
pub mod notes;
mod project;
pub mod report;
pub mod resources;
pub mod semantic;
pub mod sentence_model;
pub mod snippet;
pub mod store;

pub use parallax_nlp as nlp;
pub use project::{
    content_hash, extract_file, project_file, ExtractedArticle, Project, ProjectError,
    PROJECT_EXTENSION,
};
