//! Tauri commands, one file per area. Each unpacks its arguments, calls one function of
//! `parallax-core` and maps the error.

pub mod actors;
pub mod articles;
pub mod compare;
pub mod corrections;
pub mod embedding;
pub mod export;
pub mod import;
pub mod notes;
pub mod project;
pub mod statements;

use parallax_core::Project;
use tauri::{AppHandle, Manager};

use crate::ipc::IpcError;
use crate::state::AppState;

/// Runs `f` on the open project on a worker thread, so the window never waits for it.
async fn off_main_thread<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&Project) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().with_project(f))
        .await
        .map_err(|e| IpcError::new("internal", format!("the work stopped: {e}")))?
}

/// [`off_main_thread`] for work that writes to the project.
async fn off_main_thread_mut<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&mut Project) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().with_project_mut(f))
        .await
        .map_err(|e| IpcError::new("internal", format!("the work stopped: {e}")))?
}
