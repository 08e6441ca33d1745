//! The analyst's notes and tags. A target is a string as the CLI takes it (`article:12`,
//! `statement:345`, `actor:KEY`, `group:7`). Resolving actor and group targets needs the
//! registry and the alignment, so each command runs off the main thread.

use parallax_core::notes::Target;
use tauri::AppHandle;

use crate::ipc::{Annotation, IpcError, NoteHit};

fn target(s: &str) -> Result<Target, IpcError> {
    Ok(s.parse::<Target>()?)
}

/// Every target with a note or tags.
#[tauri::command]
pub async fn list_annotations(app: AppHandle) -> Result<Vec<Annotation>, IpcError> {
    super::off_main_thread(app, |p| {
        Ok(p.annotations()?.into_iter().map(Into::into).collect())
    })
    .await
}

/// One target's note and tags (empty when it has none).
#[tauri::command]
pub async fn annotation_of(target: String, app: AppHandle) -> Result<Annotation, IpcError> {
    super::off_main_thread(app, move |p| {
        Ok(p.annotation(&self::target(&target)?)?.into())
    })
    .await
}

/// Attaches, replaces or (with empty text) removes a target's note.
#[tauri::command]
pub async fn set_note(target: String, text: String, app: AppHandle) -> Result<(), IpcError> {
    super::off_main_thread_mut(app, move |p| {
        let t = self::target(&target)?;
        let now = chrono::Utc::now();
        let has_note = p.annotation(&t)?.note.is_some();
        match (has_note, text.trim().is_empty()) {
            (true, true) => p.remove_note(&t)?,
            (true, false) => p.edit_note(&t, &text, now)?,
            (false, _) => p.add_note(&t, &text, now)?,
        }
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn add_tag(target: String, tag: String, app: AppHandle) -> Result<(), IpcError> {
    super::off_main_thread_mut(app, move |p| {
        p.add_tag(&self::target(&target)?, &tag, chrono::Utc::now())?;
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn remove_tag(target: String, tag: String, app: AppHandle) -> Result<(), IpcError> {
    super::off_main_thread_mut(app, move |p| {
        p.remove_tag(&self::target(&target)?, &tag)?;
        Ok(())
    })
    .await
}

/// Notes containing every word of the query (Arabic folded as article search is).
#[tauri::command]
pub async fn search_notes(query: String, app: AppHandle) -> Result<Vec<NoteHit>, IpcError> {
    super::off_main_thread(app, move |p| {
        Ok(p.search_notes(&query, 200)?
            .into_iter()
            .map(Into::into)
            .collect())
    })
    .await
}
