//! `analysis_cache` and `analysis_generation`: computed analysis kept between runs, and the
//! counter of changes to its inputs (bumped by triggers and by [`bump`]; see
//! `0009_analysis_cache.sql`).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// Counts a change to the analysis' inputs, for the writers that no trigger covers
/// (`statements::replace`, the only writer of `article_actors` and `statements`).
pub fn bump(tx: &Connection) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE analysis_generation SET n = n + 1")?
        .execute([])?;
    Ok(())
}

/// The current generation of the analysis' inputs.
pub fn generation(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT n FROM analysis_generation WHERE id = 1", [], |r| {
        r.get(0)
    })
}

/// The cached value of `name` computed with `settings` at `generation`, if there is one.
pub fn get(
    conn: &Connection,
    name: &str,
    settings: &str,
    generation: i64,
) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT value FROM analysis_cache WHERE name = ?1 AND settings = ?2 AND generation = ?3",
    )?
    .query_row(params![name, settings, generation], |r| r.get(0))
    .optional()
}

/// Stores a value computed at `generation`, and drops the values of older generations
/// (whatever their name and settings: they can never be used again).
pub fn put(
    conn: &Connection,
    name: &str,
    settings: &str,
    generation: i64,
    value: &str,
) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "DELETE FROM analysis_cache WHERE generation < ?1",
        [generation],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO analysis_cache (name, settings, generation, value)
         VALUES (?1, ?2, ?3, ?4)",
        params![name, settings, generation, value],
    )?;
    tx.commit()
}

/// Drops every cached value.
pub fn clear(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM analysis_cache", [])?;
    Ok(())
}
