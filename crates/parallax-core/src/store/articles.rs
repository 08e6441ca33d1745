//! The `articles` table.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::model::{Article, ArticleId, ArticleMeta, Format, Lang};

/// A new article, as the import pipeline hands it to the store.
pub struct NewArticle<'a> {
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub published_at: Option<NaiveDate>,
    pub url: Option<&'a str>,
    pub lang: Lang,
    pub source: &'a str,
    pub format: Format,
    pub text: &'a str,
    pub content_hash: &'a str,
    pub imported_at: DateTime<Utc>,
}

pub fn insert(tx: &Connection, a: &NewArticle<'_>) -> rusqlite::Result<ArticleId> {
    tx.prepare_cached(
        "INSERT INTO articles (title, outlet, author, published_at, url, lang, source_path,
                               format, body, content_hash, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        a.title,
        a.outlet,
        a.author,
        a.published_at.map(|d| d.to_string()),
        a.url,
        a.lang.code(),
        a.source,
        a.format.as_str(),
        a.text,
        a.content_hash,
        a.imported_at.to_rfc3339(),
    ])?;
    Ok(ArticleId(tx.last_insert_rowid()))
}

/// Sets an article's editable metadata; false when there is no such article.
pub fn update_meta(
    tx: &Connection,
    id: ArticleId,
    title: &str,
    outlet: Option<&str>,
    author: Option<&str>,
    published_at: Option<NaiveDate>,
) -> rusqlite::Result<bool> {
    let changed = tx
        .prepare_cached(
            "UPDATE articles SET title = ?2, outlet = ?3, author = ?4, published_at = ?5
             WHERE id = ?1",
        )?
        .execute(params![
            id.0,
            title,
            outlet,
            author,
            published_at.map(|d| d.to_string())
        ])?;
    Ok(changed == 1)
}

/// The article already stored with this content hash, if any.
pub fn id_by_hash(conn: &Connection, hash: &str) -> rusqlite::Result<Option<ArticleId>> {
    conn.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0).map(ArticleId))
        .optional()
}

const META_COLUMNS: &str =
    "id, title, outlet, author, published_at, url, lang, source_path, format, imported_at";

fn meta_from_row(r: &Row<'_>) -> rusqlite::Result<ArticleMeta> {
    let published: Option<String> = r.get(4)?;
    let lang: String = r.get(6)?;
    let format: String = r.get(8)?;
    let imported: String = r.get(9)?;
    Ok(ArticleMeta {
        id: ArticleId(r.get(0)?),
        title: r.get(1)?,
        outlet: r.get(2)?,
        author: r.get(3)?,
        published_at: published.and_then(|d| d.parse().ok()),
        url: r.get(5)?,
        lang: lang.parse().unwrap_or_default(),
        source: r.get(7)?,
        format: Format::from_str_lossy(&format),
        imported_at: DateTime::parse_from_rfc3339(&imported)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default(),
    })
}

/// Every article's metadata, in import order.
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<ArticleMeta>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {META_COLUMNS} FROM articles ORDER BY id"))?;
    let rows = stmt.query_map([], meta_from_row)?;
    rows.collect()
}

pub fn get(conn: &Connection, id: ArticleId) -> rusqlite::Result<Option<Article>> {
    conn.query_row(
        &format!("SELECT {META_COLUMNS}, body FROM articles WHERE id = ?1"),
        [id.0],
        |r| {
            Ok(Article {
                meta: meta_from_row(r)?,
                text: r.get(10)?,
            })
        },
    )
    .optional()
}

pub fn count(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
}

/// The ids of every article, in import order, for re-analysis.
pub fn ids(conn: &Connection) -> rusqlite::Result<Vec<ArticleId>> {
    let mut stmt = conn.prepare("SELECT id FROM articles ORDER BY id")?;
    let rows = stmt.query_map([], |r| r.get(0).map(ArticleId))?;
    rows.collect()
}

/// Every article's id and content hash (the key notes and edits name articles by).
pub fn content_hashes(conn: &Connection) -> rusqlite::Result<Vec<(ArticleId, String)>> {
    let mut stmt = conn.prepare_cached("SELECT id, content_hash FROM articles ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((ArticleId(r.get(0)?), r.get(1)?)))?;
    rows.collect()
}

/// One article's content hash, or `None` when there is no such article.
pub fn content_hash(conn: &Connection, id: ArticleId) -> rusqlite::Result<Option<String>> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        "SELECT content_hash FROM articles WHERE id = ?1",
        [id.0],
        |r| r.get(0),
    )
    .optional()
}
