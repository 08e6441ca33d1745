//! SQLite storage: opening a project file, its pragmas and migrations, one module per table.
//!
//! All SQL of the project lives under this module. Reads take `&Connection`, writes take
//! `&Transaction`, so callers decide transaction boundaries (one per imported file).

pub mod articles;
pub mod cache;
pub mod edits;
pub mod notes;
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
    include_str!("../../migrations/0007_notes_tags.sql"),
    include_str!("../../migrations/0008_statement_edits.sql"),
    include_str!("../../migrations/0009_analysis_cache.sql"),
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
    #[error(
        "{path} is read-only (the file or its folder cannot be written): reading commands \
         work, this one needs to write"
    )]
    ReadOnly { path: String },
    #[error(
        "{path} is read-only and was written by an older Parallax (schema {found}): open it \
         once where it can be written so that it is upgraded"
    )]
    ReadOnlyOutdated { path: String, found: i64 },
    #[error("{}", describe(.0))]
    Sql(#[from] rusqlite::Error),
}

/// A database error in words: the two a user can act on said plainly.
pub fn describe(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ReadOnly) => "the project is read-only (its file or folder \
             cannot be written): this command needs to write to it"
            .to_string(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => format!(
            "the project stayed locked by another program for more than {} s; try again when \
             it has finished",
            WRITE_LOCK_WAIT.as_secs()
        ),
        _ => format!("database error: {e}"),
    }
}

/// Whether an error is another connection holding the write lock past [`WRITE_LOCK_WAIT`].
pub fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// How long a write waits for another process (the desktop app, a second `parallax import`)
/// to release the project's write lock before giving up. Writers hold it for at most a
/// fraction of a second at a time (an import commits every 250 ms), so this is generous;
/// shorter fails writes behind a slow disk, longer leaves a user waiting on a stuck process.
pub const WRITE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// The longest pause between two attempts to take the write lock. Short, because another
/// writer frees the lock only briefly between its transactions (see `project::import`):
/// polling more slowly would rarely catch the gap.
const LOCK_RETRY_MAX_PAUSE_MS: u64 = 4;

/// SQLite's busy handler: waits 1, 2, 3, then 4 ms between attempts (the backoff), for at
/// most [`WRITE_LOCK_WAIT`] in all.
fn wait_for_lock(attempt: i32) -> bool {
    let attempt = u64::try_from(attempt).unwrap_or(0);
    let pause = (attempt + 1).min(LOCK_RETRY_MAX_PAUSE_MS);
    // attempts after the first few each pause the maximum
    let waited_ms = attempt.saturating_mul(LOCK_RETRY_MAX_PAUSE_MS);
    if waited_ms >= WRITE_LOCK_WAIT.as_millis() as u64 {
        return false;
    }
    std::thread::sleep(std::time::Duration::from_millis(pause));
    true
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
///
/// An existing project that cannot be written (a read-only file, folder or disk) is opened
/// read-only instead, so that reading works; writes then fail with a read-only error. A
/// project to create is never opened read-only.
///
/// Every transaction begins `IMMEDIATE`: it takes the write lock up front, waiting for
/// another process's writes with [`wait_for_lock`], rather than reading first and failing
/// with "database is locked" when it then needs to write.
pub fn open(path: &Path, mode: OpenMode) -> Result<Connection, StoreError> {
    match open_writable(path, mode) {
        Err(StoreError::ReadOnly { .. }) if mode == OpenMode::Existing => open_read_only(path),
        other => other,
    }
}

/// Opens a project for reading only, whatever the file's permissions; nothing is written,
/// not even a migration.
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(StoreError::Missing { path: shown });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_handler(Some(wait_for_lock))?;
    let conn = match check_identity(&conn, &shown) {
        Ok(()) => conn,
        // A project in WAL mode needs its `-shm` file; in a folder that cannot be written
        // and after a clean close there is none, and none can be made. Nothing can be
        // writing to such a file either, so it may be read as immutable.
        Err(StoreError::ReadOnly { .. }) => {
            let absolute = std::fs::canonicalize(path).map_err(|_| StoreError::ReadOnly {
                path: shown.clone(),
            })?;
            let mut uri =
                url::Url::from_file_path(&absolute).map_err(|()| StoreError::ReadOnly {
                    path: shown.clone(),
                })?;
            uri.set_query(Some("immutable=1"));
            let conn = Connection::open_with_flags(uri.as_str(), flags)?;
            check_identity(&conn, &shown)?;
            conn
        }
        Err(e) => return Err(e),
    };
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < SCHEMA_VERSION {
        return Err(StoreError::ReadOnlyOutdated {
            path: shown,
            found: version,
        });
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(conn)
}

fn open_writable(path: &Path, mode: OpenMode) -> Result<Connection, StoreError> {
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
    let read_only = || StoreError::ReadOnly {
        path: shown.clone(),
    };
    let mut conn = Connection::open_with_flags(path, flags)?;
    // SQLite quietly opens a write-protected file read-only.
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(read_only());
    }
    conn.busy_handler(Some(wait_for_lock))?;
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    if !is_new {
        check_identity(&conn, &shown)?;
    }
    let writable = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => read_only(),
        _ => StoreError::Sql(e),
    };
    conn.pragma_update(None, "journal_mode", "wal")
        .map_err(writable)?;
    conn.pragma_update(None, "synchronous", "normal")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    migrate(&conn).map_err(|e| match e {
        StoreError::Sql(e) => writable(e),
        other => other,
    })?;
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
    // Reading the header fails with SQLITE_NOTADB on a file that is not SQLite at all, and
    // with SQLITE_CANTOPEN on a project in WAL mode whose folder cannot be written.
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => not_a_project(),
            Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                StoreError::ReadOnly {
                    path: shown.to_string(),
                }
            }
            _ => StoreError::Sql(e),
        })?;
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
///
/// Two processes may open a new project at once: each step re-reads the version once it
/// holds the write lock, so a step the other process has just run is not run twice.
fn migrate(conn: &Connection) -> Result<(), StoreError> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = i as i64 + 1;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let step = (|| {
            let now: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now >= version {
                return Ok(());
            }
            conn.execute_batch(&format!(
                "{sql}\nPRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = {version};"
            ))
        })();
        match step {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e.into());
            }
        }
    }
    Ok(())
}
