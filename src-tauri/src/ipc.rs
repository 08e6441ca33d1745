//! Everything that crosses to the UI: DTOs (with generated TypeScript types, committed under
//! `ui/src/lib/ipc/bindings/`) and the error shape `{code, message}`.
//!
//! `cargo test -p parallax-desktop` regenerates the TypeScript files; CI fails when the
//! committed ones are stale.

use parallax_core::model::{
    Article, ArticleMeta, FileOutcome, FileStatus, ImportProgress, ImportSummary, SearchHit,
};
use parallax_core::nlp::extract::{ActorKind, StatementKind};
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
    /// Found through the actor registry: the actor's name in the other script that the
    /// article uses (the row says "names «…»"); `null` for a full-text match.
    pub via: Option<String>,
}

impl From<SearchHit> for SearchHitDto {
    fn from(h: SearchHit) -> Self {
        SearchHitDto {
            article: h.article.into(),
            snippet: h.snippet,
            via: h.via,
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

/// How far the sentence vectors of the open project are, and what the machine lacks.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "EmbeddingStatus"
)]
pub struct EmbeddingStatusDto {
    /// The sentence model's id, or null when there is none (claims aligned by words only).
    pub model: Option<String>,
    /// Statements that can align (distinct wordings).
    #[ts(type = "number")]
    pub needed: usize,
    /// Of those, how many have a vector.
    #[ts(type = "number")]
    pub embedded: usize,
    /// What is missing on this machine, in sentences for the analyst (model, dictionary).
    pub missing: Vec<String>,
}

/// Sent as `embed-progress` after each stored batch of vectors.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "EmbedProgress"
)]
pub struct EmbedProgressDto {
    #[ts(type = "number")]
    pub done: usize,
    #[ts(type = "number")]
    pub total: usize,
}

/// The end of an embedding run.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(
    export,
    export_to = "../../ui/src/lib/ipc/bindings/",
    rename = "EmbedSummary"
)]
pub struct EmbedSummaryDto {
    /// Vectors computed and stored by this run.
    #[ts(type = "number")]
    pub embedded: usize,
    /// Stopped by Cancel; what was stored stays, and the next run goes on from there.
    pub cancelled: bool,
}

/// A correction of a statement from the reader; statements by id, words as the analyst
/// selected them in the article (found in its text whatever the line breaks).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub enum StatementCorrectionDto {
    Delete {
        #[ts(type = "number")]
        statement: i64,
    },
    SetKind {
        #[ts(type = "number")]
        statement: i64,
        #[ts(type = "\"direct\" | \"indirect\" | \"mixed\"")]
        kind: StatementKind,
    },
    SetActor {
        #[ts(type = "number")]
        statement: i64,
        actor: String,
        #[ts(type = "\"person\" | \"organisation\" | \"state_body\" | \"media\" | null")]
        actor_kind: Option<ActorKind>,
    },
    /// The statement's words become `words`, found in its article.
    SetWords {
        #[ts(type = "number")]
        statement: i64,
        words: String,
    },
    Add {
        #[ts(type = "number")]
        article: i64,
        words: String,
        actor: String,
        #[ts(type = "\"person\" | \"organisation\" | \"state_body\" | \"media\" | null")]
        actor_kind: Option<ActorKind>,
        #[ts(type = "\"direct\" | \"indirect\" | \"mixed\"")]
        kind: StatementKind,
        cue: String,
    },
}

/// A correction as the project stored it: handed back to redo it after an undo.
#[derive(Debug, Clone, Serialize, serde::Deserialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct StoredCorrection {
    /// The stored form (opaque to the UI).
    #[ts(type = "unknown")]
    pub correction: serde_json::Value,
    /// What it did, in a few words ("statement deleted", "actor: Rania Mansour").
    pub label: String,
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

// ---------------------------------------------------------------------------------------
// The analyst's workbench: actors, comparison, statements, notes and tags.

fn enum_label<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// One article's naming of an actor: the id a split takes.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct MentionDto {
    pub id: String,
    #[ts(type = "number")]
    pub article: i64,
    pub name: String,
}

/// Statements of an actor in one outlet.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct OutletCount {
    pub outlet: String,
    #[ts(type = "number")]
    pub statements: usize,
}

/// One actor of the registry, as the Actors view lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ActorRow {
    /// Unique in the project now; what edits and `actor:` note targets take.
    pub key: String,
    pub name: String,
    #[ts(type = "\"person\" | \"organisation\" | \"state_body\" | \"media\" | \"unnamed\"")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    #[ts(type = "number")]
    pub statements: usize,
    /// Sorted by outlet.
    pub outlets: Vec<OutletCount>,
    pub mentions: Vec<MentionDto>,
}

impl From<parallax_core::actors::ActorSummary> for ActorRow {
    fn from(a: parallax_core::actors::ActorSummary) -> Self {
        ActorRow {
            kind: enum_label(&a.kind),
            outlets: a
                .statements_by_outlet
                .into_iter()
                .map(|(outlet, statements)| OutletCount { outlet, statements })
                .collect(),
            mentions: a
                .mentions
                .into_iter()
                .map(|m| MentionDto {
                    id: m.id.0,
                    article: m.article.0,
                    name: m.name,
                })
                .collect(),
            key: a.key,
            name: a.name,
            aliases: a.aliases,
            titles: a.titles,
            roles: a.roles,
            statements: a.statements,
        }
    }
}

/// An edit of the actor registry. Actors are named by key (or name); `mentions` are
/// mention ids or article ids (as numbers in strings).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub enum ActorEditDto {
    Merge {
        a: String,
        b: String,
    },
    Split {
        actor: String,
        mentions: Vec<String>,
        name: String,
    },
    Rename {
        actor: String,
        name: String,
    },
    AddAlias {
        actor: String,
        alias: String,
    },
    RemoveAlias {
        actor: String,
        alias: String,
    },
}

impl From<ActorEditDto> for parallax_core::actors::ActorEditRequest {
    fn from(e: ActorEditDto) -> Self {
        use parallax_core::actors::ActorEditRequest as R;
        match e {
            ActorEditDto::Merge { a, b } => R::Merge { a, b },
            ActorEditDto::Split {
                actor,
                mentions,
                name,
            } => R::Split {
                actor,
                mentions: mentions
                    .iter()
                    .map(|m| m.parse().expect("parsing a selector cannot fail"))
                    .collect(),
                name,
            },
            ActorEditDto::Rename { actor, name } => R::Rename { actor, name },
            ActorEditDto::AddAlias { actor, alias } => R::AddAlias { actor, alias },
            ActorEditDto::RemoveAlias { actor, alias } => R::RemoveAlias { actor, alias },
        }
    }
}

/// Statement counts per actor × outlet.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct CoverageMatrix {
    /// Columns, sorted.
    pub outlets: Vec<String>,
    pub rows: Vec<CoverageRow>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct CoverageRow {
    pub key: String,
    pub name: String,
    /// One count per column.
    #[ts(type = "Array<number>")]
    pub counts: Vec<u32>,
}

impl From<parallax_core::actors::ActorCoverage> for CoverageMatrix {
    fn from(c: parallax_core::actors::ActorCoverage) -> Self {
        CoverageMatrix {
            outlets: c.outlets,
            rows: c
                .rows
                .into_iter()
                .map(|r| CoverageRow {
                    key: r.key,
                    name: r.name,
                    counts: r.counts,
                })
                .collect(),
        }
    }
}

/// A run of words of a statement against the version it is compared with.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct DiffPart {
    #[ts(type = "\"equal\" | \"added\" | \"removed\"")]
    pub op: String,
    pub text: String,
}

impl From<parallax_core::nlp::align::DiffOp> for DiffPart {
    fn from(d: parallax_core::nlp::align::DiffOp) -> Self {
        use parallax_core::nlp::align::DiffOp;
        let (op, text) = match d {
            DiffOp::Equal(t) => ("equal", t),
            DiffOp::Added(t) => ("added", t),
            DiffOp::Removed(t) => ("removed", t),
        };
        DiffPart {
            op: op.to_owned(),
            text,
        }
    }
}

/// One member of a claim group.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct GroupMember {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article: i64,
    pub outlet: String,
    pub lang: String,
    pub published_at: Option<String>,
    pub kind: String,
    pub cue: String,
    pub stance: String,
    /// Verbatim.
    pub text: String,
    /// Its words against the version it is compared with (all "equal" for that version).
    pub diff: Vec<DiffPart>,
    /// Index, among the group's members, of the version it is compared with.
    #[ts(type = "number")]
    pub compared_with: usize,
}

/// One claim of an actor as each outlet reported it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ClaimGroup {
    #[ts(type = "number")]
    pub id: usize,
    pub actor: String,
    pub actor_key: String,
    pub claim: String,
    pub members: Vec<GroupMember>,
    /// Index into `members` of the base version.
    #[ts(type = "number")]
    pub base: usize,
    /// Outlets that quote the actor elsewhere but not here.
    pub missing_from: Vec<String>,
    #[ts(type = "Array<number>")]
    pub related: Vec<usize>,
}

impl From<parallax_core::actors::ComparisonGroup> for ClaimGroup {
    fn from(g: parallax_core::actors::ComparisonGroup) -> Self {
        ClaimGroup {
            id: g.id,
            actor: g.actor,
            actor_key: g.actor_key,
            claim: g.claim,
            members: g
                .statements
                .into_iter()
                .map(|s| GroupMember {
                    id: s.id,
                    article: s.article.0,
                    outlet: s.outlet,
                    lang: s.lang.code().to_owned(),
                    published_at: s.published_at.map(|d| d.to_string()),
                    kind: enum_label(&s.kind),
                    cue: s.cue,
                    stance: enum_label(&s.stance),
                    text: s.text,
                    diff: s.diff.into_iter().map(Into::into).collect(),
                    compared_with: s.compared_with,
                })
                .collect(),
            base: g.base,
            missing_from: g.missing_from,
            related: g.related,
        }
    }
}

/// A correction of the grouping; statements by id, as the Compare view shows them.
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub enum GroupEditDto {
    Move {
        #[ts(type = "number")]
        statement: i64,
        #[ts(type = "number | null")]
        to: Option<i64>,
    },
    Merge {
        #[ts(type = "number")]
        a: i64,
        #[ts(type = "number")]
        b: i64,
    },
    Split {
        #[ts(type = "Array<number>")]
        statements: Vec<i64>,
    },
}

impl From<GroupEditDto> for parallax_core::actors::GroupEditRequest {
    fn from(e: GroupEditDto) -> Self {
        use parallax_core::actors::GroupEditRequest as R;
        match e {
            GroupEditDto::Move { statement, to } => R::Move { statement, to },
            GroupEditDto::Merge { a, b } => R::Merge { a, b },
            GroupEditDto::Split { statements } => R::Split { statements },
        }
    }
}

/// One statement of an article, for the reader.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct StatementRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article: i64,
    /// The actor as the article names it.
    pub actor: String,
    pub speaker: String,
    pub kind: String,
    pub cue: String,
    pub stance: String,
    /// Verbatim.
    pub text: String,
    /// Byte offsets into the article's text.
    #[ts(type = "number")]
    pub start: usize,
    #[ts(type = "number")]
    pub end: usize,
}

impl From<parallax_core::model::StatementRow> for StatementRow {
    fn from(s: parallax_core::model::StatementRow) -> Self {
        StatementRow {
            id: s.id,
            article: s.article.0,
            kind: enum_label(&s.kind),
            stance: enum_label(&s.stance),
            actor: s.actor,
            speaker: s.speaker,
            cue: s.cue,
            text: s.text,
            start: s.span.start,
            end: s.span.end,
        }
    }
}

/// A target's note and tags. Targets are strings: `article:12`, `statement:345`,
/// `actor:KEY`, `group:7`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct Annotation {
    /// Null when the target is no longer in the project.
    pub target: Option<String>,
    #[ts(type = "\"article\" | \"statement\" | \"actor\" | \"group\"")]
    pub kind: String,
    /// What the target is: a title, a statement, an actor's name, a group's claim.
    pub label: String,
    /// Markdown, verbatim; render as text.
    pub note: Option<String>,
    pub updated_at: Option<String>,
    pub tags: Vec<String>,
}

impl From<parallax_core::notes::Annotation> for Annotation {
    fn from(a: parallax_core::notes::Annotation) -> Self {
        Annotation {
            target: a.target.map(|t| t.to_string()),
            kind: a.kind.as_str().to_owned(),
            label: a.label,
            updated_at: a.note.as_ref().map(|n| n.updated_at.to_rfc3339()),
            note: a.note.map(|n| n.text),
            tags: a.tags,
        }
    }
}

/// A note that a search found.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct NoteHit {
    pub annotation: Annotation,
    pub snippet: String,
}

impl From<parallax_core::notes::NoteHit> for NoteHit {
    fn from(h: parallax_core::notes::NoteHit) -> Self {
        NoteHit {
            annotation: h.annotation.into(),
            snippet: h.snippet,
        }
    }
}

impl From<parallax_core::actors::ActorError> for IpcError {
    fn from(e: parallax_core::actors::ActorError) -> Self {
        use parallax_core::actors::ActorError;
        match e {
            ActorError::Project(p) => p.into(),
            ActorError::NoSuchActor(_)
            | ActorError::NoSuchMention { .. }
            | ActorError::NoSuchStatement(_) => IpcError::new("not_found", e.to_string()),
            other => IpcError::new("invalid_input", other.to_string()),
        }
    }
}

impl From<parallax_core::notes::NoteError> for IpcError {
    fn from(e: parallax_core::notes::NoteError) -> Self {
        use parallax_core::notes::NoteError;
        match e {
            NoteError::Actor(a) => a.into(),
            NoteError::NoSuchArticle(_)
            | NoteError::NoSuchStatement(_)
            | NoteError::NoSuchGroup(_)
            | NoteError::NoNote(_)
            | NoteError::NoSuchTag { .. } => IpcError::new("not_found", e.to_string()),
            other => IpcError::new("invalid_input", other.to_string()),
        }
    }
}

/// An article's metadata as the analyst corrected it (`published_at`: `YYYY-MM-DD`, null or
/// empty to clear; an empty outlet or author clears it).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct MetadataEditDto {
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<String>,
}

impl TryFrom<MetadataEditDto> for parallax_core::model::MetadataEdit {
    type Error = IpcError;

    fn try_from(e: MetadataEditDto) -> Result<Self, IpcError> {
        let published_at = match e.published_at.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(date) => Some(chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(
                |_| {
                    IpcError::new(
                        "invalid_input",
                        format!("the date \"{date}\" is not a date YYYY-MM-DD"),
                    )
                },
            )?),
        };
        Ok(parallax_core::model::MetadataEdit {
            title: e.title,
            outlet: e.outlet,
            author: e.author,
            published_at,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Reports and exports.

/// A report format (`html`, `pdf`, `docx`, `md`) or a data export (`csv`, `xlsx`, `json`,
/// `qdpx`), as the CLI's `--format` names them.
#[derive(Debug, Clone, Copy, serde::Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub enum ExportFormat {
    Html,
    Pdf,
    Docx,
    Md,
    Csv,
    Xlsx,
    Json,
    Qdpx,
}

impl From<ExportFormat> for parallax_core::report::output::Output {
    fn from(f: ExportFormat) -> Self {
        use parallax_core::report::output::{ExportFormat as E, Output, ReportFormat as R};
        match f {
            ExportFormat::Html => Output::Report(R::Html),
            ExportFormat::Pdf => Output::Report(R::Pdf),
            ExportFormat::Docx => Output::Report(R::Docx),
            ExportFormat::Md => Output::Report(R::Markdown),
            ExportFormat::Csv => Output::Export(E::Csv),
            ExportFormat::Xlsx => Output::Export(E::Xlsx),
            ExportFormat::Json => Output::Export(E::Json),
            ExportFormat::Qdpx => Output::Export(E::Qdpx),
        }
    }
}

/// What to export: the format and the selection, with the filters of `parallax report` and
/// `parallax export` (empty lists select everything; dates are `YYYY-MM-DD`).
#[derive(Debug, Clone, serde::Deserialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ExportRequest {
    pub format: ExportFormat,
    pub actors: Vec<String>,
    pub outlets: Vec<String>,
    pub tags: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl ExportRequest {
    /// The selection, or an `invalid_input` error naming a date that is not one.
    pub fn selection(&self) -> Result<parallax_core::report::Selection, IpcError> {
        let date = |field: &str, value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| {
                    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                        IpcError::new(
                            "invalid_input",
                            format!("the {field} date \"{v}\" is not a date YYYY-MM-DD"),
                        )
                    })
                })
                .transpose()
        };
        let list = |values: &[String]| -> Vec<String> {
            values
                .iter()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect()
        };
        Ok(parallax_core::report::Selection {
            actors: list(&self.actors),
            outlets: list(&self.outlets),
            tags: list(&self.tags),
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
        })
    }
}

/// What an export of the selection holds, before it is written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ExportPreview {
    /// The report's summary in one sentence ("3 articles from 2 outlets, ...").
    pub summary: String,
    pub articles: u32,
    pub statements: u32,
    pub actors: u32,
    pub claim_groups: u32,
    pub outlets: Vec<String>,
    /// The names of the files the export makes (three for CSV, written into a folder).
    pub files: Vec<String>,
    /// The report as HTML (without the embedded font), for a preview in a sandboxed frame;
    /// null for the data exports.
    pub html: Option<String>,
}

impl ExportPreview {
    /// The counts of `report`, with the file names and the preview the command made.
    pub fn new(
        report: &parallax_core::report::Report,
        files: Vec<String>,
        html: Option<String>,
    ) -> Self {
        let summary = &report.summary;
        ExportPreview {
            summary: summary.sentence(),
            articles: count(summary.articles),
            statements: count(summary.statements),
            actors: count(summary.actors),
            claim_groups: count(summary.claim_groups),
            outlets: summary.outlets.iter().map(|o| o.outlet.clone()).collect(),
            files,
            html,
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The files an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ExportWritten {
    pub files: Vec<String>,
    pub summary: String,
}

/// Where a running export is: `building` the report (reading the project, resolving actors,
/// aligning claims), then `writing` the files.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub struct ExportProgress {
    pub stage: ExportStage,
    /// The path being written (empty while building).
    pub path: String,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../ui/src/lib/ipc/bindings/")]
pub enum ExportStage {
    Building,
    Writing,
}

impl From<parallax_core::report::output::OutputError> for IpcError {
    fn from(e: parallax_core::report::output::OutputError) -> Self {
        use parallax_core::report::output::OutputError;
        match e {
            OutputError::Project(p) => p.into(),
            OutputError::NoBrowser => IpcError::new("invalid_input", e.to_string()),
            other => IpcError::new("io", other.to_string()),
        }
    }
}

impl From<parallax_core::corrections::CorrectionError> for IpcError {
    fn from(e: parallax_core::corrections::CorrectionError) -> Self {
        use parallax_core::corrections::CorrectionError;
        match e {
            CorrectionError::Project(p) => p.into(),
            CorrectionError::NoSuchStatement(_) | CorrectionError::NoSuchArticle(_) => {
                IpcError::new("not_found", e.to_string())
            }
            other => IpcError::new("invalid_input", other.to_string()),
        }
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
        for name in [
            "ArticleRow",
            "ImportSummary",
            "SearchHit",
            "IpcError",
            "ActorRow",
            "CoverageMatrix",
            "ClaimGroup",
            "Annotation",
            "ExportRequest",
            "ExportPreview",
        ] {
            assert!(
                ui.join(format!("{name}.ts")).exists(),
                "{name}.ts is in the UI's bindings folder"
            );
        }
    }
}
