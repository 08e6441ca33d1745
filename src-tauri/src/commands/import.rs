use std::path::PathBuf;

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
        state.with_project_mut(|p| {
            let summary = p.import(&paths, chrono::Utc::now(), &mut |progress| {
                let _ = app.emit("import-progress", ImportProgressDto::from(progress));
            });
            Ok(summary.into())
        })
    })
    .await
    .map_err(|e| IpcError::new("internal", format!("import stopped: {e}")))?
}
