//! The analyst's notes and tags (`notes`, `tags`) and the notes' full-text index
//! (`notes_fts`). Targets are named by a kind and a stable key (see the migration
//! `0007_notes_tags.sql`); what a key designates now is the caller's business.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::search::{fts_query, Shadow};

/// One stored note.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredNote {
    pub id: i64,
    pub kind: String,
    pub key: String,
    pub label: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One stored tag of one target.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredTag {
    pub kind: String,
    pub key: String,
    pub tag: String,
    pub label: String,
}

fn time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or_default()
}

fn note_from_row(r: &Row<'_>) -> rusqlite::Result<StoredNote> {
    Ok(StoredNote {
        id: r.get(0)?,
        kind: r.get(1)?,
        key: r.get(2)?,
        label: r.get(3)?,
        text: r.get(4)?,
        created_at: time(&r.get::<_, String>(5)?),
        updated_at: time(&r.get::<_, String>(6)?),
    })
}

const NOTE_COLUMNS: &str = "id, target_kind, target_key, label, body, created_at, updated_at";

/// The note of a target, if it has one.
pub fn note_of(conn: &Connection, kind: &str, key: &str) -> rusqlite::Result<Option<StoredNote>> {
    conn.prepare_cached(&format!(
        "SELECT {NOTE_COLUMNS} FROM notes WHERE target_kind = ?1 AND target_key = ?2"
    ))?
    .query_row(params![kind, key], note_from_row)
    .optional()
}

/// Every note, oldest first.
pub fn notes(conn: &Connection) -> rusqlite::Result<Vec<StoredNote>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {NOTE_COLUMNS} FROM notes ORDER BY id"))?;
    let rows = stmt.query_map([], note_from_row)?;
    rows.collect()
}

/// Stores a new note of a target (which has none) and indexes it; returns its id.
pub fn insert_note(
    tx: &Connection,
    kind: &str,
    key: &str,
    label: &str,
    text: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO notes (target_kind, target_key, label, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![kind, key, label, text, now.to_rfc3339()],
    )?;
    let id = tx.last_insert_rowid();
    index(tx, id, text)?;
    Ok(id)
}

/// Replaces a note's text (and its label) and its index row.
pub fn update_note(
    tx: &Connection,
    id: i64,
    label: &str,
    text: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE notes SET body = ?2, label = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, text, label, now.to_rfc3339()],
    )?;
    tx.execute("DELETE FROM notes_fts WHERE rowid = ?1", [id])?;
    index(tx, id, text)
}

/// Removes a note and its index row.
pub fn delete_note(tx: &Connection, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM notes_fts WHERE rowid = ?1", [id])?;
    tx.execute("DELETE FROM notes WHERE id = ?1", [id])?;
    Ok(())
}

fn index(tx: &Connection, id: i64, text: &str) -> rusqlite::Result<()> {
    let shadow = Shadow::new("", text);
    tx.prepare_cached("INSERT INTO notes_fts (rowid, body) VALUES (?1, ?2)")?
        .execute(params![id, shadow.body()])?;
    Ok(())
}

/// Ids of the notes containing every word of the query (folded as the articles' index
/// is), best first.
pub fn search(conn: &Connection, user_query: &str, limit: usize) -> rusqlite::Result<Vec<i64>> {
    let Some(q) = fts_query(user_query) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![q, limit as i64], |r| r.get(0))?;
    rows.collect()
}

/// Tags a target; returns false when it already had the tag.
pub fn add_tag(
    tx: &Connection,
    kind: &str,
    key: &str,
    label: &str,
    tag: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let added = tx.execute(
        "INSERT OR IGNORE INTO tags (target_kind, target_key, tag, label, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![kind, key, tag, label, now.to_rfc3339()],
    )?;
    Ok(added > 0)
}

/// Removes a tag from a target; returns false when it did not have it.
pub fn remove_tag(tx: &Connection, kind: &str, key: &str, tag: &str) -> rusqlite::Result<bool> {
    let removed = tx.execute(
        "DELETE FROM tags WHERE target_kind = ?1 AND target_key = ?2 AND tag = ?3",
        params![kind, key, tag],
    )?;
    Ok(removed > 0)
}

/// Every tag of every target, by target and then tag.
pub fn tags(conn: &Connection) -> rusqlite::Result<Vec<StoredTag>> {
    let mut stmt = conn.prepare_cached(
        "SELECT target_kind, target_key, tag, label FROM tags
         ORDER BY target_kind, target_key, tag",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(StoredTag {
            kind: r.get(0)?,
            key: r.get(1)?,
            tag: r.get(2)?,
            label: r.get(3)?,
        })
    })?;
    rows.collect()
}
