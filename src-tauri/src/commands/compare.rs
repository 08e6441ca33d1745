//! The comparison across outlets: the coverage matrix, an actor's claim groups and the
//! analyst's corrections of the grouping. Alignment is the costliest work of the app, so
//! each command runs off the main thread.

use tauri::AppHandle;

use crate::ipc::{ClaimGroup, CoverageMatrix, GroupEditDto, IpcError};

/// Statements per actor × outlet.
#[tauri::command]
pub async fn coverage_matrix(app: AppHandle) -> Result<CoverageMatrix, IpcError> {
    super::off_main_thread(app, |p| Ok(p.actor_coverage()?.into())).await
}

/// One actor's claim groups (by its key), each with its members, word diffs and the outlets
/// that left the claim out.
#[tauri::command]
pub async fn actor_groups(actor: String, app: AppHandle) -> Result<Vec<ClaimGroup>, IpcError> {
    super::off_main_thread(app, move |p| {
        Ok(p.groups_of_actor(&actor)?
            .into_iter()
            .map(Into::into)
            .collect())
    })
    .await
}

/// Moves a statement to another group, merges or splits groups.
#[tauri::command]
pub async fn edit_group(edit: GroupEditDto, app: AppHandle) -> Result<(), IpcError> {
    super::off_main_thread_mut(app, move |p| {
        p.record_group_edit(&edit.into(), chrono::Utc::now())?;
        Ok(())
    })
    .await
}

/// Takes back the latest group edit; false when there was none.
#[tauri::command]
pub async fn undo_group_edit(app: AppHandle) -> Result<bool, IpcError> {
    super::off_main_thread_mut(app, |p| Ok(p.undo_group_edit()?.is_some())).await
}
