//! The `actor_edits` table: the analyst's corrections to the actor registry, in order.

use chrono::{DateTime, Utc};
use parallax_nlp::actors::ActorEdit;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

fn to_json(edit: &ActorEdit) -> rusqlite::Result<String> {
    serde_json::to_string(edit).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn from_json(column: usize, json: &str) -> rusqlite::Result<ActorEdit> {
    serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Appends an edit; returns its id.
pub fn append(tx: &Transaction<'_>, edit: &ActorEdit, now: DateTime<Utc>) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO actor_edits (created_at, edit) VALUES (?1, ?2)",
        params![now.to_rfc3339(), to_json(edit)?],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The edits in force (not undone), oldest first: the order they are replayed in.
pub fn active(conn: &Connection) -> rusqlite::Result<Vec<ActorEdit>> {
    let mut stmt =
        conn.prepare_cached("SELECT edit FROM actor_edits WHERE undone = 0 ORDER BY id")?;
    let rows = stmt.query_map([], |r| from_json(0, &r.get::<_, String>(0)?))?;
    rows.collect()
}

/// Marks the latest edit in force as undone and returns it, or `None` when there is none.
pub fn undo_last(tx: &Transaction<'_>) -> rusqlite::Result<Option<ActorEdit>> {
    let last: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, edit FROM actor_edits WHERE undone = 0 ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((id, json)) = last else {
        return Ok(None);
    };
    tx.execute("UPDATE actor_edits SET undone = 1 WHERE id = ?1", [id])?;
    from_json(1, &json).map(Some)
}
