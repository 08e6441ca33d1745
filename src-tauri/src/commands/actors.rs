//! The actor registry and the analyst's edits of it. Resolving the registry reads every
//! article's actors, so each command runs off the main thread.

use tauri::AppHandle;

use crate::ipc::{ActorEditDto, ActorRow, IpcError};

/// Every actor with aliases, kind and statement counts per outlet; most statements first.
#[tauri::command]
pub async fn list_actors(app: AppHandle) -> Result<Vec<ActorRow>, IpcError> {
    super::off_main_thread(app, |p| {
        Ok(p.actors()?.into_iter().map(Into::into).collect())
    })
    .await
}

/// Merges, splits, renames or edits the aliases of actors; stored as an edit that survives
/// re-analysis.
#[tauri::command]
pub async fn edit_actor(edit: ActorEditDto, app: AppHandle) -> Result<(), IpcError> {
    super::off_main_thread_mut(app, move |p| {
        p.edit_actor(&edit.into(), chrono::Utc::now())?;
        Ok(())
    })
    .await
}

/// Takes back the latest actor edit; false when there was none.
#[tauri::command]
pub async fn undo_actor_edit(app: AppHandle) -> Result<bool, IpcError> {
    super::off_main_thread_mut(app, |p| Ok(p.undo_actor_edit()?.is_some())).await
}
