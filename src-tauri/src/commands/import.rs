use std::path::PathBuf;
use std::sync::atomic::Ordering;

use tauri::{AppHandle, Emitter, Manager};

use crate::ipc::{ImportProgressDto, ImportSummaryDto, IpcError};
use crate::state::AppState;

/// Imports files and folders; emits `import-progress` once per file. Runs off the main
/// thread so the window stays responsive.
#[tauri::command]
pub async fn import_paths(
    paths: Vec<PathBuf>,
    app: AppHandle,
) -> Result<ImportSummaryDto, IpcError> {
    if paths.is_empty() {
        return Err(IpcError::new("invalid_input", "nothing to import"));
    }
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.import_cancel.store(false, Ordering::Relaxed);
        state.with_project_mut(|p| {
            let summary = p.import_cancellable(
                &paths,
                chrono::Utc::now(),
                &state.import_cancel,
                &mut |progress| {
                    let _ = app.emit("import-progress", ImportProgressDto::from(progress));
                },
            );
            Ok(summary.into())
        })
    })
    .await
    .map_err(|e| IpcError::new("internal", format!("import stopped: {e}")))?
}

/// Asks the running import to stop after the file it is storing; the files already stored
/// stay, and `import_paths` answers with a summary that says where it stopped.
#[tauri::command]
pub fn cancel_import(app: AppHandle) {
    app.state::<AppState>()
        .import_cancel
        .store(true, Ordering::Relaxed);
}
