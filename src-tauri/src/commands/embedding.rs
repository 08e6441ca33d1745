//! Sentence vectors in the background: after an import (or on opening a project that an
//! interrupted run left unfinished) the UI asks for the missing vectors, shows progress and
//! can cancel. Each batch is stored as it is done, so a cancelled or killed run loses at most
//! the batches in flight and the next one goes on from there.

use std::sync::atomic::Ordering;

use parallax_core::semantic::EmbedError;
use tauri::{AppHandle, Emitter, Manager};

use crate::ipc::{EmbedProgressDto, EmbedSummaryDto, EmbeddingStatusDto, IpcError};
use crate::state::AppState;

fn embed_error(e: EmbedError) -> IpcError {
    match e {
        EmbedError::NoModel => IpcError::new("invalid_input", e.to_string()),
        e => IpcError::new("internal", e.to_string()),
    }
}

/// How many statements that can align have a vector, and what the machine lacks.
#[tauri::command]
pub async fn embedding_status(app: AppHandle) -> Result<EmbeddingStatusDto, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        // waits for the start-up search of the model and dictionaries, then makes sure the
        // open project has them (it may have been opened before they were found)
        let installed = state.installed();
        let missing: Vec<String> = installed.missing.iter().map(|m| m.to_string()).collect();
        state.with_project_mut(|p| {
            installed.apply(p);
            let status = p.embedding_status().map_err(embed_error)?;
            Ok(EmbeddingStatusDto {
                model: status.model,
                needed: status.needed,
                embedded: status.embedded,
                missing,
            })
        })
    })
    .await
    .map_err(|e| IpcError::new("internal", format!("the work stopped: {e}")))?
}

/// Computes the missing vectors on all cores; emits `embed-progress` after each stored batch.
/// Without a sentence model it does nothing (claims are then aligned by their words).
#[tauri::command]
pub async fn embed_pending(app: AppHandle) -> Result<EmbedSummaryDto, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.embed_cancel.store(false, Ordering::Relaxed);
        let installed = state.installed();
        state.with_project_mut(|p| {
            installed.apply(p);
            if p.embedding_status().map_err(embed_error)?.model.is_none() {
                return Ok(EmbedSummaryDto {
                    embedded: 0,
                    cancelled: false,
                });
            }
            let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
            let embedded = p
                .embed_pending(
                    workers,
                    &mut |done, total| {
                        let _ = app.emit("embed-progress", EmbedProgressDto { done, total });
                    },
                    &state.embed_cancel,
                )
                .map_err(embed_error)?;
            Ok(EmbedSummaryDto {
                embedded,
                cancelled: state.embed_cancel.load(Ordering::Relaxed),
            })
        })
    })
    .await
    .map_err(|e| IpcError::new("internal", format!("embedding stopped: {e}")))?
}

/// Asks the running embedding to stop after the batches in flight; what was stored stays.
#[tauri::command]
pub fn cancel_embedding(app: AppHandle) {
    app.state::<AppState>()
        .embed_cancel
        .store(true, Ordering::Relaxed);
}

/// Resolves the actors and aligns the claims once, after an import and its vectors, so that
/// the project keeps them (`parallax_core`'s kept analysis) and the Compare view, the Actors
/// view and the exports open at once. Does nothing when they are kept already.
#[tauri::command]
pub async fn prepare_analysis(app: AppHandle) -> Result<(), IpcError> {
    super::off_main_thread(app, |p| {
        p.actor_coverage()?;
        Ok(())
    })
    .await
}
