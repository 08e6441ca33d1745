//! SQLite storage: opening a project file, its pragmas and migrations, one module per table.
//!
//! All SQL of the project lives under this module. Reads take `&Connection`, writes take
//! `&Transaction`, so callers decide transaction boundaries (one per imported file).

pub mod articles;
pub mod edits;
pub mod search;
pub mod statements;
pub mod vectors;

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

/// `PRAGMA application_id` of a Parallax project: "PRLX".
pub const APPLICATION_ID: i32 = 0x5052_4C58;

/// The migrations, in order; `PRAGMA user_version` counts how many have run. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_statements.sql"),
    include_str!("../../migrations/0003_actor_edits.sql"),
    include_str!("../../migrations/0004_fts_automerge.sql"),
    include_str!("../../migrations/0005_group_edits.sql"),
    include_str!("../../migrations/0006_statement_vectors.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Parallax project")]
    NotAProject { path: String },
    #[error(
        "{path} was written by a newer Parallax (schema {found}; this version knows up to \
         {known}): update Parallax to open it"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("no project at {path}")]
    Missing { path: String },
    #[error("cannot create the folder {path}: {source}")]
    CreateFolder {
        path: String,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// How [`open`] treats a missing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The file must exist and be a project.
    Existing,
    /// Create the file if it is missing (an existing file must still be a project).
    CreateIfMissing,
}

/// Opens a project file: checks that it is a Parallax project of a schema this build
/// knows *before* writing anything, then sets the pragmas and runs pending migrations.
pub fn open(path: &Path, mode: OpenMode) -> Result<Connection, StoreError> {
    let shown = path.display().to_string();
    let exists = path.exists();
    if !exists && mode == OpenMode::Existing {
        return Err(StoreError::Missing { path: shown });
    }
    let is_new = !exists
        || std::fs::metadata(path)
            .map(|m| m.len() == 0)
            .unwrap_or(false);
    let flags = if exists {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    if !is_new {
        check_identity(&conn, &shown)?;
    }
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "wal")?;
    conn.pragma_update(None, "synchronous", "normal")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&conn)?;
    Ok(conn)
}

/// An in-memory project, for tests and benchmarks.
pub fn open_in_memory() -> Result<Connection, StoreError> {
    let conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&conn)?;
    Ok(conn)
}

fn check_identity(conn: &Connection, shown: &str) -> Result<(), StoreError> {
    let not_a_project = || StoreError::NotAProject {
        path: shown.to_string(),
    };
    // Reading the header fails with SQLITE_NOTADB on a file that is not SQLite at all.
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_a_project())?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(not_a_project());
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: shown.to_string(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Runs the migrations the file has not seen yet, each in its own transaction together
/// with the `user_version` bump, so a crash leaves the file at a whole version.
fn migrate(conn: &Connection) -> Result<(), StoreError> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = i as i64 + 1;
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;\n{sql}\nPRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = {version};\nCOMMIT;"
        ))
        .inspect_err(|_| {
            let _ = conn.execute_batch("ROLLBACK");
        })?;
    }
    Ok(())
}
