//! Everything that crosses to the UI: DTOs (with generated TypeScript types, committed under
//! `ui/src/lib/ipc/bindings/`) and the error shape `{code, message}`.
//!
//! `cargo test -p parallax-desktop` regenerates the TypeScript files; CI fails when the
//! committed ones are stale.

use parallax_core::model::{
    Article, ArticleMeta, FileOutcome, FileStatus, ImportProgress, ImportSummary, SearchHit,
};
use parallax_core::ProjectError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ProjectInfo {
    pub path: String,
    #[ts(type = "number")]
    pub article_count: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ArticleRow {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub lang: String,
    pub published_at: Option<String>,
    pub source: String,
    pub format: String,
    pub imported_at: String,
}

impl From<ArticleMeta> for ArticleRow {
    fn from(a: ArticleMeta) -> Self {
        ArticleRow {
            id: a.id.0,
            title: a.title,
            outlet: a.outlet,
            author: a.author,
            lang: a.lang.code().to_string(),
            published_at: a.published_at.map(|d| d.to_string()),
            source: a.source,
            format: a.format.as_str().to_string(),
            imported_at: a.imported_at.to_rfc3339(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ArticleDetail {
    pub article: ArticleRow,
    pub url: Option<String>,
    pub text: String,
}

impl From<Article> for ArticleDetail {
    fn from(a: Article) -> Self {
        let url = a.meta.url.clone();
        ArticleDetail {
            article: a.meta.into(),
            url,
            text: a.text,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "SearchHit"
)]
pub struct SearchHitDto {
    pub article: ArticleRow,
    pub snippet: String,
}

impl From<SearchHit> for SearchHitDto {
    fn from(h: SearchHit) -> Self {
        SearchHitDto {
            article: h.article.into(),
            snippet: h.snippet,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "FileOutcome"
)]
pub struct FileOutcomeDto {
    pub path: String,
    #[ts(type = "\"imported\" | \"duplicate\" | \"failed\"")]
    pub status: String,
    pub message: Option<String>,
    #[ts(type = "Array<number>")]
    pub article_ids: Vec<i64>,
}

impl From<FileOutcome> for FileOutcomeDto {
    fn from(f: FileOutcome) -> Self {
        let status = match f.status {
            FileStatus::Imported => "imported",
            FileStatus::Duplicate => "duplicate",
            FileStatus::Failed => "failed",
        };
        FileOutcomeDto {
            path: f.path,
            status: status.to_string(),
            message: f.message,
            article_ids: f.article_ids.iter().map(|id| id.0).collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "ImportSummary"
)]
pub struct ImportSummaryDto {
    pub files: Vec<FileOutcomeDto>,
    #[ts(type = "number")]
    pub imported: usize,
    #[ts(type = "number")]
    pub duplicates: usize,
    #[ts(type = "number")]
    pub failed: usize,
    /// Set when the user cancelled: how many of how many files were handled before it stopped.
    pub cancelled: Option<ImportStopDto>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "ImportStop"
)]
pub struct ImportStopDto {
    #[ts(type = "number")]
    pub done: usize,
    #[ts(type = "number")]
    pub total: usize,
}

impl From<ImportSummary> for ImportSummaryDto {
    fn from(s: ImportSummary) -> Self {
        ImportSummaryDto {
            cancelled: s.cancelled.map(|stop| ImportStopDto {
                done: stop.done,
                total: stop.total,
            }),
            imported: s.count(FileStatus::Imported),
            duplicates: s.count(FileStatus::Duplicate),
            failed: s.count(FileStatus::Failed),
            files: s.files.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "ImportProgress"
)]
pub struct ImportProgressDto {
    #[ts(type = "number")]
    pub done: usize,
    #[ts(type = "number")]
    pub total: usize,
    pub current: String,
}

impl From<&ImportProgress> for ImportProgressDto {
    fn from(p: &ImportProgress) -> Self {
        ImportProgressDto {
            done: p.done,
            total: p.total,
            current: p.current.clone(),
        }
    }
}

/// An error as the UI sees it. `code` is one of the few values the UI branches on.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct IpcError {
    /// One of "not_found", "invalid_project", "invalid_input", "io", "internal".
    pub code: &'static str,
    pub message: String,
}

impl IpcError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }
}

impl From<ProjectError> for IpcError {
    fn from(e: ProjectError) -> Self {
        use parallax_core::store::StoreError;
        let code = match &e {
            ProjectError::NoSuchArticle(_) => "not_found",
            ProjectError::Store(StoreError::Missing { .. }) => "not_found",
            ProjectError::Store(StoreError::NotAProject { .. } | StoreError::TooNew { .. }) => {
                "invalid_project"
            }
            ProjectError::Store(
                StoreError::Sql(_)
                | StoreError::CreateFolder { .. }
                | StoreError::ReadOnly { .. }
                | StoreError::ReadOnlyOutdated { .. },
            ) => "io",
        };
        IpcError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    /// ts-rs writes the bindings (relative to `src-tauri/bindings/`) where the UI imports
    /// them from; this test fails if the export path and the UI's folder drift apart.
    #[test]
    fn bindings_land_in_the_ui() {
        let ui =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/ipc/bindings");
        for name in ["ArticleRow", "ImportSummary", "SearchHit", "IpcError"] {
            assert!(
                ui.join(format!("{name}.ts")).exists(),
                "{name}.ts is in the UI's bindings folder"
            );
        }
    }
}
