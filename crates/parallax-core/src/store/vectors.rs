//! `statement_vectors`: sentence vectors by (model id, text hash).

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

/// Every stored vector of a model, by text hash.
pub fn all(conn: &Connection, model: &str) -> rusqlite::Result<HashMap<String, Vec<u8>>> {
    let mut stmt =
        conn.prepare_cached("SELECT text_hash, vector FROM statement_vectors WHERE model = ?1")?;
    let rows = stmt.query_map(params![model], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The text hashes of a model that have a vector.
pub fn hashes(conn: &Connection, model: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT text_hash FROM statement_vectors WHERE model = ?1")?;
    let rows = stmt.query_map(params![model], |r| r.get(0))?;
    rows.collect()
}

/// Stores vectors (an existing one for the same model and hash is kept).
pub fn insert(
    tx: &Transaction<'_>,
    model: &str,
    vectors: &[(String, Vec<u8>)],
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO statement_vectors (model, text_hash, vector) VALUES (?1, ?2, ?3)",
    )?;
    for (hash, v) in vectors {
        stmt.execute(params![model, hash, v])?;
    }
    Ok(())
}
