use parallax_core::model::ArticleId;
use tauri::State;

use crate::ipc::{ArticleDetail, ArticleRow, IpcError, SearchHitDto};
use crate::state::AppState;

#[tauri::command]
pub fn list_articles(app: State<'_, AppState>) -> Result<Vec<ArticleRow>, IpcError> {
    app.with_project(|p| Ok(p.articles()?.into_iter().map(Into::into).collect()))
}

#[tauri::command]
pub fn get_article(id: i64, app: State<'_, AppState>) -> Result<ArticleDetail, IpcError> {
    app.with_project(|p| Ok(p.article(ArticleId(id))?.into()))
}

#[tauri::command]
pub fn search_articles(
    query: String,
    app: State<'_, AppState>,
) -> Result<Vec<SearchHitDto>, IpcError> {
    app.with_project(|p| Ok(p.search(&query, 500)?.into_iter().map(Into::into).collect()))
}
