//! The analyst's corrections of statements from the reader: delete a false one, change its
//! actor, kind or words, add one the extractor missed; undo and redo. Each re-analyses the
//! article, so it runs off the main thread.

use parallax_core::corrections::{self, CorrectionRequest, StatementCorrection};
use parallax_core::model::ArticleId;
use tauri::AppHandle;

use crate::ipc::{IpcError, StatementCorrectionDto, StoredCorrection};

fn label(c: &StatementCorrection) -> String {
    match c {
        StatementCorrection::Delete { .. } => "statement deleted".into(),
        StatementCorrection::SetKind { kind, .. } => format!("kind: {kind:?}").to_lowercase(),
        StatementCorrection::SetActor { actor, .. } => format!("actor: {actor}"),
        StatementCorrection::SetSpan { .. } => "statement's words changed".into(),
        StatementCorrection::Add { actor, .. } => format!("statement by {actor} added"),
    }
}

fn stored(c: &StatementCorrection) -> Result<StoredCorrection, IpcError> {
    Ok(StoredCorrection {
        correction: serde_json::to_value(c)
            .map_err(|e| IpcError::new("internal", e.to_string()))?,
        label: label(c),
    })
}

/// The words the analyst selected, as offsets into the article's text.
fn words_in(text: &str, words: &str) -> Result<(usize, usize), IpcError> {
    corrections::locate(text, words).ok_or_else(|| {
        IpcError::new(
            "invalid_input",
            "the selected words are not in the article's text as stored: select them in the \
             article's text itself",
        )
    })
}

#[tauri::command]
pub async fn correct_statement(
    edit: StatementCorrectionDto,
    app: AppHandle,
) -> Result<StoredCorrection, IpcError> {
    super::off_main_thread_mut(app, move |p| {
        let request = match edit {
            StatementCorrectionDto::Delete { statement } => CorrectionRequest::Delete { statement },
            StatementCorrectionDto::SetKind { statement, kind } => {
                CorrectionRequest::SetKind { statement, kind }
            }
            StatementCorrectionDto::SetActor {
                statement,
                actor,
                actor_kind,
            } => CorrectionRequest::SetActor {
                statement,
                actor,
                actor_kind,
            },
            StatementCorrectionDto::SetWords { statement, words } => {
                let article = p.article_of_statement(statement)?;
                let (start, end) = words_in(&p.article(article)?.text, &words)?;
                CorrectionRequest::SetSpan {
                    statement,
                    start,
                    end,
                }
            }
            StatementCorrectionDto::Add {
                article,
                words,
                actor,
                actor_kind,
                kind,
                cue,
            } => {
                let (start, end) = words_in(&p.article(ArticleId(article))?.text, &words)?;
                CorrectionRequest::Add {
                    article: ArticleId(article),
                    start,
                    end,
                    actor,
                    actor_kind,
                    kind,
                    cue,
                }
            }
        };
        let c = p.correct_statement(&request, chrono::Utc::now())?;
        stored(&c)
    })
    .await
}

/// Takes back the latest correction; null when there was none.
#[tauri::command]
pub async fn undo_statement_correction(
    app: AppHandle,
) -> Result<Option<StoredCorrection>, IpcError> {
    super::off_main_thread_mut(app, |p| {
        p.undo_statement_correction()?
            .as_ref()
            .map(stored)
            .transpose()
    })
    .await
}

/// Makes a correction again (redo after an undo), in the stored form `correct_statement` or
/// `undo_statement_correction` handed back.
#[tauri::command]
pub async fn redo_statement_correction(
    correction: serde_json::Value,
    app: AppHandle,
) -> Result<(), IpcError> {
    let c: StatementCorrection = serde_json::from_value(correction)
        .map_err(|e| IpcError::new("invalid_input", format!("not a stored correction: {e}")))?;
    super::off_main_thread_mut(app, move |p| {
        p.record_statement_correction(&c, chrono::Utc::now())?;
        Ok(())
    })
    .await
}
