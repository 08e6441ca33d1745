//! Domain types shared by the store, the import pipeline and the faces (CLI, desktop).

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use parallax_nlp::Lang;

pub use crate::import::Format;

/// The id of an article in one project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An article's metadata: what lists and tables show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: ArticleId,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub url: Option<String>,
    pub lang: Lang,
    /// The imported file's path as it was given to the import.
    pub source: String,
    pub format: Format,
    pub imported_at: DateTime<Utc>,
}

/// The analyst's correction of an article's metadata: every field as it should now read.
/// Fields are cleaned as the importer cleans them (one line, at most 2,000 characters); an
/// empty outlet or author clears it. The text, URL and language are not editable: the text is
/// what was imported, and the others come from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetadataEdit {
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<NaiveDate>,
}

impl From<ArticleMeta> for MetadataEdit {
    /// The edit that puts `meta` back.
    fn from(meta: ArticleMeta) -> Self {
        MetadataEdit {
            title: meta.title,
            outlet: meta.outlet,
            author: meta.author,
            published_at: meta.published_at,
        }
    }
}

/// An article with its verbatim text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    #[serde(flatten)]
    pub meta: ArticleMeta,
    pub text: String,
}

/// One article found by a full-text search, with a plain-text snippet of the original
/// text around the first match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    #[serde(flatten)]
    pub article: ArticleMeta,
    pub snippet: String,
    /// For an article found through the actor registry rather than its words: the name, in
    /// the other script, by which it names the actor the query designates («بيرغلوند» for a
    /// search of "Berglund"). `None` for a full-text match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// What became of one imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    Imported,
    Duplicate,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileOutcome {
    pub path: String,
    pub status: FileStatus,
    /// Why a file failed, or a note such as how many of a batch's articles were duplicates.
    pub message: Option<String>,
    pub article_ids: Vec<ArticleId>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub files: Vec<FileOutcome>,
    /// Set when the import was cancelled: where it stopped. Files before that point are
    /// stored (or failed, or duplicates) and listed in `files`; the rest were not read.
    pub cancelled: Option<ImportStop>,
}

/// Where a cancelled import stopped: `done` of the `total` files were handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportStop {
    pub done: usize,
    pub total: usize,
}

impl ImportSummary {
    pub fn count(&self, status: FileStatus) -> usize {
        self.files.iter().filter(|f| f.status == status).count()
    }
}

/// Progress of a long import, reported once per file before it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub current: String,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }

    /// The format stored under `s`; unknown names read as text.
    pub fn from_str_lossy(s: &str) -> Format {
        match s {
            "html" => Format::Html,
            "pdf" => Format::Pdf,
            "docx" => Format::Docx,
            "json" => Format::Json,
            _ => Format::Text,
        }
    }
}

/// A stored statement with where it came from and who made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementRow {
    pub id: i64,
    pub article: ArticleId,
    pub source: String,
    pub outlet: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub lang: Lang,
    /// The actor's name (resolved within the article).
    pub actor: String,
    pub actor_kind: parallax_nlp::extract::ActorKind,
    pub actor_aliases: Vec<String>,
    pub speaker: String,
    pub kind: parallax_nlp::extract::StatementKind,
    pub cue: String,
    pub stance: parallax_nlp::extract::Stance,
    pub text: String,
    pub span: parallax_nlp::extract::Span,
}
