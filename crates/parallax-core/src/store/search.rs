//! The full-text index (`articles_fts`): a folded shadow of each article, queried with the
//! same folding, so that Arabic matches regardless of diacritics, tatweel, hamza forms,
//! alef maqsura and taa marbuta.

use rusqlite::Connection;

use crate::model::ArticleId;
use parallax_nlp::text::match_tokens;

/// The indexed form of an article: its title's and body's folded tokens, each joined by
/// spaces. Made off the database thread (it is the costly part of indexing).
pub struct Shadow {
    title: String,
    body: String,
}

impl Shadow {
    pub fn new(title: &str, body: &str) -> Shadow {
        Shadow {
            title: match_tokens(title).join(" "),
            body: match_tokens(body).join(" "),
        }
    }

    /// The folded body, as it goes into an index.
    pub fn body(&self) -> &str {
        &self.body
    }
}

pub fn index(conn: &Connection, id: ArticleId, shadow: &Shadow) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(rusqlite::params![id.0, shadow.title, shadow.body])?;
    Ok(())
}

/// Replaces an article's indexed form (after its title changed).
pub fn reindex(conn: &Connection, id: ArticleId, shadow: &Shadow) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
        .execute([id.0])?;
    index(conn, id, shadow)
}

/// The most distinct words of a query that are searched for; the rest are ignored. FTS5's
/// cost grows with the square of a query's terms (a 48 KB query took minutes): 64 words is
/// far beyond what anyone types and still answers in milliseconds.
pub const MAX_QUERY_WORDS: usize = 64;

/// The folded words of a query, each once (a word repeated adds nothing to "every word must
/// occur"), at most [`MAX_QUERY_WORDS`].
pub fn query_words(user_query: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    match_tokens(user_query)
        .into_iter()
        .filter(|t| seen.insert(t.clone()))
        .take(MAX_QUERY_WORDS)
        .collect()
}

/// The FTS5 query for what a user typed: every folded token must occur (each quoted, so
/// that FTS5 operators and punctuation in the input are taken literally).
pub fn fts_query(user_query: &str) -> Option<String> {
    let tokens = query_words(user_query);
    if tokens.is_empty() {
        return None;
    }
    Some(
        tokens
            .iter()
            .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Ids of the articles matching the query, best first.
pub fn query(
    conn: &Connection,
    user_query: &str,
    limit: usize,
) -> rusqlite::Result<Vec<ArticleId>> {
    let Some(q) = fts_query(user_query) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![q, limit as i64], |r| {
        r.get(0).map(ArticleId)
    })?;
    rows.collect()
}
