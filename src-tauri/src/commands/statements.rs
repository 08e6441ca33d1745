//! The statements of an article, for the reader.

use parallax_core::model::ArticleId;
use tauri::AppHandle;

use crate::ipc::{IpcError, StatementRow};

#[tauri::command]
pub async fn article_statements(id: i64, app: AppHandle) -> Result<Vec<StatementRow>, IpcError> {
    super::off_main_thread(app, move |p| {
        Ok(p.statements_of_article(ArticleId(id))?
            .into_iter()
            .map(Into::into)
            .collect())
    })
    .await
}
