//! The analyst's edit logs, in order: `actor_edits` (corrections to the actor registry),
//! `group_edits` (corrections to the grouping of statements by claim) and `statement_edits`
//! (corrections of the statements themselves). Each is an append-only list of JSON edits; undo marks the latest one in force as undone and keeps it as history.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{de::DeserializeOwned, Serialize};

/// Which log.
#[derive(Debug, Clone, Copy)]
pub enum Log {
    Actors,
    Groups,
    Statements,
}

impl Log {
    fn table(self) -> &'static str {
        match self {
            Log::Actors => "actor_edits",
            Log::Groups => "group_edits",
            Log::Statements => "statement_edits",
        }
    }
}

fn to_json<T: Serialize>(edit: &T) -> rusqlite::Result<String> {
    serde_json::to_string(edit).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn from_json<T: DeserializeOwned>(column: usize, json: &str) -> rusqlite::Result<T> {
    serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Appends an edit; returns its id.
pub fn append<T: Serialize>(
    tx: &Transaction<'_>,
    log: Log,
    edit: &T,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    tx.execute(
        &format!(
            "INSERT INTO {} (created_at, edit) VALUES (?1, ?2)",
            log.table()
        ),
        params![now.to_rfc3339(), to_json(edit)?],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The edits in force (not undone), oldest first: the order they are replayed in.
pub fn active<T: DeserializeOwned>(conn: &Connection, log: Log) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT edit FROM {} WHERE undone = 0 ORDER BY id",
        log.table()
    ))?;
    let rows = stmt.query_map([], |r| from_json(0, &r.get::<_, String>(0)?))?;
    rows.collect()
}

/// Marks the latest edit in force as undone and returns it, or `None` when there is none.
pub fn undo_last<T: DeserializeOwned>(
    tx: &Transaction<'_>,
    log: Log,
) -> rusqlite::Result<Option<T>> {
    let last: Option<(i64, String)> = tx
        .query_row(
            &format!(
                "SELECT id, edit FROM {} WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                log.table()
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((id, json)) = last else {
        return Ok(None);
    };
    tx.execute(
        &format!("UPDATE {} SET undone = 1 WHERE id = ?1", log.table()),
        [id],
    )?;
    from_json(1, &json).map(Some)
}
