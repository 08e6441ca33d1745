//! A project: one SQLite file of articles and their analysis, and the operations the faces
//! (CLI, desktop) call on it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use parallax_nlp::align::Bilingual;
use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::import::{self, ParsedArticle};
use crate::model::{
    Article, ArticleId, ArticleMeta, FileOutcome, FileStatus, ImportProgress, ImportStop,
    ImportSummary, MetadataEdit, SearchHit, StatementRow,
};
use crate::store::{self, articles, search, statements, OpenMode, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no article with id {0}")]
    NoSuchArticle(ArticleId),
}

impl From<rusqlite::Error> for ProjectError {
    fn from(e: rusqlite::Error) -> Self {
        ProjectError::Store(StoreError::Sql(e))
    }
}

pub type Result<T, E = ProjectError> = std::result::Result<T, E>;

pub struct Project {
    conn: Connection,
    path: PathBuf,
    /// The bilingual word list that cross-language alignment uses besides the built-in
    /// concepts (see [`crate::dictionary`]); none unless the face sets one.
    dictionary: Option<Arc<Bilingual>>,
    /// The sentence model whose stored vectors alignment uses; none unless the face sets one.
    pub(crate) sentence_model: Option<Arc<crate::sentence_model::SentenceModelFile>>,
    /// The pair model scoring vectors; the shipped one unless the face sets another.
    pub(crate) pair_model: Option<parallax_nlp::align::PairModel>,
}

impl Project {
    /// Opens an existing project file; one that cannot be written (a read-only file,
    /// folder or disk) is opened read-only, so that reading works.
    pub fn open(path: &Path) -> Result<Project> {
        Ok(Project {
            conn: store::open(path, OpenMode::Existing)?,
            path: path.to_path_buf(),
            dictionary: None,
            sentence_model: None,
            pair_model: None,
        })
    }

    /// Opens a project file for reading only: nothing is written to it (not even a
    /// migration), and every write fails with an error that says the project is read-only.
    /// [`Project::open`] falls back to this by itself when the file cannot be written.
    pub fn open_read_only(path: &Path) -> Result<Project> {
        Ok(Project {
            conn: store::open_read_only(path)?,
            path: path.to_path_buf(),
            dictionary: None,
            sentence_model: None,
            pair_model: None,
        })
    }

    /// Opens a project file, creating it if it does not exist.
    pub fn open_or_create(path: &Path) -> Result<Project> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateFolder {
                path: dir.display().to_string(),
                source,
            })?;
        }
        Ok(Project {
            conn: store::open(path, OpenMode::CreateIfMissing)?,
            path: path.to_path_buf(),
            dictionary: None,
            sentence_model: None,
            pair_model: None,
        })
    }

    /// A project that lives in memory only (tests, benchmarks).
    pub fn in_memory() -> Result<Project> {
        Ok(Project {
            conn: store::open_in_memory()?,
            path: PathBuf::from(":memory:"),
            dictionary: None,
            sentence_model: None,
            pair_model: None,
        })
    }

    /// The project's database, for the operations that live in other modules of the crate.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The project's database, to open a write transaction on.
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Sets the bilingual word list used to align statements across languages.
    pub fn set_dictionary(&mut self, dictionary: Option<Arc<Bilingual>>) {
        self.dictionary = dictionary;
    }

    pub(crate) fn dictionary(&self) -> Option<&Bilingual> {
        self.dictionary.as_deref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn article_count(&self) -> Result<u64> {
        Ok(articles::count(&self.conn)?)
    }

    pub fn articles(&self) -> Result<Vec<ArticleMeta>> {
        Ok(articles::list(&self.conn)?)
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        articles::get(&self.conn, id)?.ok_or(ProjectError::NoSuchArticle(id))
    }

    /// Corrects an article's title, outlet, author and date (cleaned as the importer cleans
    /// them); the title is indexed again for search. Returns the metadata as it was, so that
    /// the caller can put it back. Statements, notes and edits stay: they are keyed by the
    /// article's content, which does not change.
    pub fn edit_metadata(&mut self, id: ArticleId, edit: &MetadataEdit) -> Result<ArticleMeta> {
        let before = self.article(id)?;
        let title = import::clean_field(Some(edit.title.clone())).unwrap_or_default();
        let outlet = import::clean_field(edit.outlet.clone());
        let author = import::clean_field(edit.author.clone());
        let tx = self.conn.transaction()?;
        if !articles::update_meta(
            &tx,
            id,
            &title,
            outlet.as_deref(),
            author.as_deref(),
            edit.published_at,
        )? {
            return Err(ProjectError::NoSuchArticle(id));
        }
        if title != before.meta.title {
            search::reindex(&tx, id, &search::Shadow::new(&title, &before.text))?;
        }
        tx.commit()?;
        Ok(before.meta)
    }

    /// Articles whose title or text contain every word of the query (folded for matching),
    /// best first, each with a snippet of its original text.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut hits = Vec::new();
        for id in search::query(&self.conn, query, limit)? {
            let Some(article) = articles::get(&self.conn, id)? else {
                continue;
            };
            let snippet = crate::snippet::around_first_match(&article.text, query, 160)
                .unwrap_or_else(|| crate::snippet::head(&article.text, 160));
            hits.push(SearchHit {
                article: article.meta,
                snippet,
                via: None,
            });
        }
        Ok(hits)
    }

    /// Imports files and folders (recursively). Each file is read, parsed and stored
    /// atomically: a bad file is reported with its reason and the batch goes on; a killed
    /// import leaves every file either wholly stored or not at all.
    ///
    /// Reading, parsing, hashing, analysing and folding for the index run on worker threads
    /// while this thread stores the previous files, in the files' order. Storing groups
    /// files into transactions of at most [`FILES_PER_COMMIT`] files or [`COMMIT_EVERY`]
    /// (each file in its own savepoint), so a file that cannot be stored is rolled back
    /// alone and a kill loses at most the last fraction of a second of work.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> ImportSummary {
        let never = std::sync::atomic::AtomicBool::new(false);
        self.import_cancellable(paths, now, &never, progress)
    }

    /// [`Project::import`] that stops soon after `cancel` is set (from another thread): the
    /// files already stored stay, the transaction in progress is committed, no further file
    /// is read, and the summary says where it stopped ([`ImportSummary::cancelled`]).
    pub fn import_cancellable(
        &mut self,
        paths: &[PathBuf],
        now: DateTime<Utc>,
        cancel: &std::sync::atomic::AtomicBool,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> ImportSummary {
        use std::sync::atomic::Ordering;
        let files = import::collect_files(paths);
        let total = files.len();
        let mut summary = ImportSummary::default();
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let conn = &self.conn;
        // fewer, larger checkpoints while importing (a 16 MB write-ahead log at most)
        let _ = conn.pragma_update(None, "wal_autocheckpoint", 4000);
        let next_file = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            // workers take the next file and send it back prepared; this thread stores the
            // files in their order as they come
            let (send, receive) = std::sync::mpsc::sync_channel::<(usize, Prepared)>(64);
            for _ in 0..workers {
                let (send, files, next_file) = (send.clone(), &files, &next_file);
                let worker = move || loop {
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = next_file.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    // A panic in analysis (parsers catch their own) is this file's error.
                    let prepared = import::catch_panic(|| prepare(file))
                        .unwrap_or_else(|message| Err(import::ImportError::Panicked(message)));
                    if send.send((i, prepared)).is_err() {
                        break;
                    }
                };
                let spawned = std::thread::Builder::new()
                    .name("import worker".into())
                    .stack_size(WORKER_STACK_BYTES)
                    .spawn_scoped(scope, worker);
                if spawned.is_err() {
                    // Fewer workers than planned still import every file; none at all is
                    // caught below, since the channel then closes with files left.
                    continue;
                }
            }
            drop(send);
            let mut batch = Batch::default();
            let mut waiting: std::collections::BTreeMap<usize, Prepared> = Default::default();
            let mut done = 0;
            'receiving: for (i, prepared) in receive {
                waiting.insert(i, prepared);
                while let Some(prepared) = waiting.remove(&done) {
                    if cancel.load(Ordering::Relaxed) {
                        // leaving the loop drops the channel, so the workers stop too
                        break 'receiving;
                    }
                    let file = &files[done];
                    let shown = file.display().to_string();
                    progress(&ImportProgress {
                        done,
                        total,
                        current: shown.clone(),
                    });
                    batch.add(conn, shown, prepared, now);
                    done += 1;
                    if batch.files.len() >= FILES_PER_COMMIT
                        || batch.opened.elapsed() >= COMMIT_EVERY
                    {
                        summary.files.extend(batch.commit(conn, now));
                    }
                }
            }
            summary.files.extend(batch.commit(conn, now));
            if done < total && cancel.load(Ordering::Relaxed) {
                summary.cancelled = Some(ImportStop { done, total });
                return;
            }
            for file in &files[done..] {
                let why = "not read: no import worker could be started".to_string();
                summary.files.push(failed(&file.display().to_string(), why));
            }
        });
        let _ = conn.pragma_update(None, "wal_autocheckpoint", 1000);
        progress(&ImportProgress {
            done: summary.cancelled.map_or(total, |stop| stop.done),
            total,
            current: String::new(),
        });
        summary
    }

    /// Re-runs the statement analysis of every article (after an engine upgrade), with the
    /// analyst's corrections replayed, one transaction per article; reports progress once per article.
    pub fn analyze(&mut self, progress: &mut dyn FnMut(&ImportProgress)) -> Result<usize> {
        let ids = articles::content_hashes(&self.conn)?;
        let total = ids.len();
        // the analyst's corrections of statements are replayed on the new analysis
        let corrections: Vec<crate::corrections::StatementCorrection> =
            store::edits::active(&self.conn, store::edits::Log::Statements)?;
        for (done, (id, hash)) in ids.into_iter().enumerate() {
            let article = self.article(id)?;
            progress(&ImportProgress {
                done,
                total,
                current: article.meta.title.clone(),
            });
            let analysis =
                self.corrected_analysis(&hash, &article.text, article.meta.lang, &corrections);
            let tx = self.conn.transaction()?;
            statements::replace(&tx, id, &analysis)?;
            tx.commit()?;
        }
        progress(&ImportProgress {
            done: total,
            total,
            current: String::new(),
        });
        Ok(total)
    }

    /// One article's statements, in text order.
    pub fn statements_of_article(&self, article: ArticleId) -> Result<Vec<StatementRow>> {
        Ok(statements::list(&self.conn)?
            .into_iter()
            .filter(|s| s.article == article)
            .collect())
    }

    /// The project's statements, in article order; with a filter, only those whose actor's
    /// name or aliases contain it (folded for matching, so «بيرغلوند» finds «توماس بيرغلوند»).
    pub fn statements(&self, actor_filter: Option<&str>) -> Result<Vec<StatementRow>> {
        let all = statements::list(&self.conn)?;
        let Some(filter) = actor_filter.map(parallax_nlp::text::fold_for_match) else {
            return Ok(all);
        };
        Ok(all
            .into_iter()
            .filter(|s| {
                std::iter::once(&s.actor)
                    .chain(&s.actor_aliases)
                    .any(|n| parallax_nlp::text::fold_for_match(n).contains(&filter))
            })
            .collect())
    }
}

/// The extension of a project file.
pub const PROJECT_EXTENSION: &str = "parallax";

/// The file a new project named `path` goes to: `path.parallax` when the name has no
/// extension (a save dialog returns what was typed), else `path` as given.
pub fn project_file(path: &Path) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(PROJECT_EXTENSION);
        PathBuf::from(name)
    }
}

/// Stack of each import worker. Parsers' nesting is bounded (see `import`), but the PDF and
/// HTML libraries recurse per level; 16 MB leaves a wide margin over the bounds for the cost
/// of address space only (pages are committed as they are touched).
const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

/// How long an import leaves the project's write lock free after each commit, so that a
/// writer waiting in another process gets its turn (it polls every few milliseconds, see
/// `store::WRITE_LOCK_WAIT`). About 1% of an import's time at 4 commits a second; shorter
/// and a waiting writer may miss the gap, longer slows every import.
const PAUSE_BETWEEN_COMMITS: std::time::Duration = std::time::Duration::from_millis(6);

/// The most files stored in one transaction during an import.
const FILES_PER_COMMIT: usize = 256;
/// The longest an import keeps a transaction open.
const COMMIT_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

fn failed(shown: &str, message: String) -> FileOutcome {
    FileOutcome {
        path: shown.to_string(),
        status: FileStatus::Failed,
        message: Some(message),
        article_ids: Vec::new(),
    }
}

fn cannot_store(e: &rusqlite::Error) -> String {
    format!("could not store it: {}", store::describe(e))
}

/// A file read, parsed and analysed on a worker thread, or why it could not be.
type Prepared = Result<Vec<PreparedArticle>, import::ImportError>;

/// An import's open transaction and the files stored in it so far. The files are kept
/// until the commit: if anything fails, nothing of the batch is kept and each file is
/// stored again in a transaction of its own, so a file that cannot be stored fails alone.
/// The full-text index rows are written last, just before the commit, because FTS5 writes
/// out its pending index at every statement transaction boundary it takes part in; one
/// write per commit is what keeps a large import fast.
struct Batch<'c> {
    tx: Option<rusqlite::Transaction<'c>>,
    opened: std::time::Instant,
    files: Vec<(String, Prepared)>,
    outcomes: Vec<FileOutcome>,
    /// (article id, file, article of the file) still to index
    index: Vec<(ArticleId, usize, usize)>,
    error: Option<rusqlite::Error>,
}

impl Default for Batch<'_> {
    fn default() -> Self {
        Batch {
            tx: None,
            opened: std::time::Instant::now(),
            files: Vec::new(),
            outcomes: Vec::new(),
            index: Vec::new(),
            error: None,
        }
    }
}

impl<'c> Batch<'c> {
    fn add(&mut self, conn: &'c Connection, shown: String, prepared: Prepared, now: DateTime<Utc>) {
        let file = self.files.len();
        match &prepared {
            Err(e) => self.outcomes.push(failed(&shown, e.to_string())),
            Ok(_) if self.error.is_some() => {}
            Ok(parsed) => {
                if self.tx.is_none() {
                    match conn.unchecked_transaction() {
                        Ok(tx) => {
                            self.tx = Some(tx);
                            self.opened = std::time::Instant::now();
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
                if let Some(tx) = &self.tx {
                    match store_articles(tx, &shown, parsed, now) {
                        Ok((outcome, ids)) => {
                            self.outcomes.push(outcome);
                            self.index
                                .extend(ids.into_iter().map(|(id, article)| (id, file, article)));
                        }
                        Err(e) => self.error = Some(e),
                    }
                }
            }
        }
        self.files.push((shown, prepared));
    }

    /// Commits the files added since the last commit and returns their outcomes.
    fn commit(&mut self, conn: &'c Connection, now: DateTime<Utc>) -> Vec<FileOutcome> {
        let files = std::mem::take(&mut self.files);
        let index = std::mem::take(&mut self.index);
        let outcomes = std::mem::take(&mut self.outcomes);
        let tx = self.tx.take();
        let result = match (self.error.take(), tx) {
            (Some(e), _) => Err(e),
            (None, None) => Ok(()),
            (None, Some(tx)) => index
                .iter()
                .try_for_each(|&(id, file, article)| {
                    let parsed = files[file]
                        .1
                        .as_ref()
                        .expect("only stored files are indexed");
                    search::index(&tx, id, &parsed[article].index)
                })
                .and_then(|()| tx.commit()),
        };
        match result {
            Ok(()) => {
                // Let a writer waiting in another process (the desktop app, a second
                // import) take the lock before this import's next transaction.
                if !files.is_empty() {
                    std::thread::sleep(PAUSE_BETWEEN_COMMITS);
                }
                outcomes
            }
            // Storing the files one by one would wait for the lock once per file.
            Err(e) if store::is_busy(&e) => {
                let busy = StoreError::Sql(e).to_string();
                files
                    .into_iter()
                    .map(|(shown, prepared)| match prepared {
                        Err(why) => failed(&shown, why.to_string()),
                        Ok(_) => failed(&shown, busy.clone()),
                    })
                    .collect()
            }
            Err(_) if files.len() > 1 => files
                .into_iter()
                .flat_map(|(shown, prepared)| {
                    let mut alone = Batch::default();
                    alone.add(conn, shown, prepared, now);
                    alone.commit(conn, now)
                })
                .collect(),
            Err(e) => files
                .into_iter()
                .map(|(shown, prepared)| match prepared {
                    Err(why) => failed(&shown, why.to_string()),
                    Ok(_) => failed(&shown, cannot_store(&e)),
                })
                .collect(),
        }
    }
}

/// Stores the articles of one file (not their index rows); returns the file's outcome and
/// the new ids with the index of each article in the file.
fn store_articles(
    tx: &Connection,
    shown: &str,
    parsed: &[PreparedArticle],
    now: DateTime<Utc>,
) -> rusqlite::Result<(FileOutcome, Vec<(ArticleId, usize)>)> {
    let mut ids = Vec::new();
    let mut duplicates = 0;
    for (
        n,
        PreparedArticle {
            article: a,
            hash,
            title,
            analysis,
            ..
        },
    ) in parsed.iter().enumerate()
    {
        if articles::id_by_hash(tx, hash)?.is_some() {
            duplicates += 1;
            continue;
        }
        let id = articles::insert(
            tx,
            &articles::NewArticle {
                title,
                outlet: a.outlet.as_deref(),
                author: a.author.as_deref(),
                published_at: a.published_at,
                url: a.url.as_deref(),
                lang: a.lang,
                source: shown,
                format: a.format,
                text: &a.text,
                content_hash: hash,
                imported_at: now,
            },
        )?;
        statements::replace(tx, id, analysis)?;
        ids.push((id, n));
    }
    let outcome = |status, message: Option<String>| FileOutcome {
        path: shown.to_string(),
        status,
        message,
        article_ids: ids.iter().map(|&(id, _)| id).collect(),
    };
    let outcome = match (ids.len(), duplicates) {
        (0, 1) => outcome(FileStatus::Duplicate, Some("already in the project".into())),
        (0, _) => outcome(
            FileStatus::Duplicate,
            Some(format!(
                "all {duplicates} articles are already in the project"
            )),
        ),
        (_, 0) => outcome(FileStatus::Imported, None),
        _ => outcome(
            FileStatus::Imported,
            Some(format!(
                "{duplicates} of {} articles were already in the project",
                parsed.len()
            )),
        ),
    };
    Ok((outcome, ids))
}

/// The duplicate key of an article: SHA-256 of its text after NFC, with invisible controls
/// dropped and every run of white space made one space.
pub fn content_hash(text: &str) -> String {
    use parallax_nlp::text::{for_each_normalized, is_invisible_control, Normal};
    let mut nfc = String::with_capacity(text.len());
    for_each_normalized(text, Normal::Nfc, |c| {
        if !is_invisible_control(c) {
            nfc.push(c);
        }
    });
    let mut normal = String::with_capacity(nfc.len());
    for word in nfc.split_whitespace() {
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.push_str(word);
    }
    hex::encode(Sha256::digest(normal.as_bytes()))
}

/// A title for an article that has none: its first line, shortened, else the file name.
fn fallback_title(text: &str, shown: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if first.is_empty() {
        return Path::new(shown)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    crate::snippet::head(first, 120)
}

/// One article read from a file and analysed, without a project (`parallax extract`).
pub struct ExtractedArticle {
    pub article: ParsedArticle,
    pub analysis: parallax_nlp::extract::Analysis,
    /// The rules that found each statement and its speaker (`parallax extract --explain`).
    pub rules: Vec<Vec<&'static str>>,
}

/// Reads a file as the import would and analyses its articles, storing nothing.
pub fn extract_file(path: &Path) -> Result<Vec<ExtractedArticle>, import::ImportError> {
    Ok(import::read_file(path)?
        .into_iter()
        .map(|article| {
            let (analysis, rules) =
                parallax_nlp::extract::analyze_explained(&article.text, article.lang);
            ExtractedArticle {
                article,
                analysis,
                rules,
            }
        })
        .collect())
}

/// One article of a file, parsed, analysed and folded for the index, ready to store.
struct PreparedArticle {
    article: ParsedArticle,
    hash: String,
    /// The article's title, or one made from its text or file name.
    title: String,
    index: search::Shadow,
    analysis: parallax_nlp::extract::Analysis,
}

/// The work of importing a file that needs no database: reading, parsing, hashing,
/// analysing and folding for the index. Runs on worker threads.
fn prepare(file: &Path) -> Result<Vec<PreparedArticle>, import::ImportError> {
    let shown = file.display().to_string();
    Ok(import::read_file(file)?
        .into_iter()
        .map(|article| {
            let title = article
                .title
                .clone()
                .unwrap_or_else(|| fallback_title(&article.text, &shown));
            PreparedArticle {
                hash: content_hash(&article.text),
                analysis: parallax_nlp::extract::analyze(&article.text, article.lang),
                index: search::Shadow::new(&title, &article.text),
                title,
                article,
            }
        })
        .collect())
}
