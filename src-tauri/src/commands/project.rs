use std::path::PathBuf;

use tauri::State;

use crate::ipc::{IpcError, ProjectInfo};
use crate::state::AppState;

#[tauri::command]
pub fn project_info(app: State<'_, AppState>) -> Result<ProjectInfo, IpcError> {
    app.with_project(|p| Ok(crate::state::info(p)?))
}

#[tauri::command]
pub fn open_project(path: PathBuf, app: State<'_, AppState>) -> Result<ProjectInfo, IpcError> {
    app.open(&path, false)
}

#[tauri::command]
pub fn new_project(path: PathBuf, app: State<'_, AppState>) -> Result<ProjectInfo, IpcError> {
    // "study" typed in the save dialog is study.parallax
    let path = parallax_core::project_file(&path);
    if path.exists() {
        // The save dialog already asked before overwriting; a project is never replaced in
        // place, so an existing file is opened only if it is a project.
        return app.open(&path, false);
    }
    app.open(&path, true)
}
