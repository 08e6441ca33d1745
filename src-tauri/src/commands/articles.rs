use parallax_core::model::ArticleId;
use tauri::{AppHandle, State};

use crate::ipc::{ArticleDetail, ArticleRow, IpcError, MetadataEditDto, SearchHitDto};
use crate::state::AppState;

#[tauri::command]
pub fn list_articles(app: State<'_, AppState>) -> Result<Vec<ArticleRow>, IpcError> {
    app.with_project(|p| Ok(p.articles()?.into_iter().map(Into::into).collect()))
}

#[tauri::command]
pub fn get_article(id: i64, app: State<'_, AppState>) -> Result<ArticleDetail, IpcError> {
    app.with_project(|p| Ok(p.article(ArticleId(id))?.into()))
}

/// At most this many search hits reach the table.
const SEARCH_LIMIT: usize = 500;

/// Full-text hits first, then the articles that name the searched actor in the other script
/// (through the actor registry, which takes a moment on a large project: off the main thread).
#[tauri::command]
pub async fn search_articles(query: String, app: AppHandle) -> Result<Vec<SearchHitDto>, IpcError> {
    super::off_main_thread(app, move |p| {
        let mut hits = p.search(&query, SEARCH_LIMIT)?;
        let found = hits.iter().map(|h| h.article.id).collect();
        let room = SEARCH_LIMIT.saturating_sub(hits.len());
        if room > 0 {
            hits.extend(p.search_other_scripts(&query, &found, room)?);
        }
        Ok(hits.into_iter().map(Into::into).collect())
    })
    .await
}

/// Corrects an article's title, outlet, author and date; answers with the article's row as
/// it now is. Off the main thread: the project may be busy with a long report.
#[tauri::command]
pub async fn edit_article_metadata(
    id: i64,
    edit: MetadataEditDto,
    app: AppHandle,
) -> Result<ArticleRow, IpcError> {
    let edit = edit.try_into()?;
    super::off_main_thread_mut(app, move |p| {
        p.edit_metadata(ArticleId(id), &edit)?;
        Ok(p.article(ArticleId(id))?.meta.into())
    })
    .await
}
