//! A project: one SQLite file of articles and their analysis, and the operations the faces
//! (CLI, desktop) call on it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::import::{self, ParsedArticle};
use crate::model::{
    Article, ArticleId, ArticleMeta, FileOutcome, FileStatus, ImportProgress, ImportSummary,
    SearchHit, StatementRow,
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
}

impl Project {
    /// Opens an existing project file.
    pub fn open(path: &Path) -> Result<Project> {
        Ok(Project {
            conn: store::open(path, OpenMode::Existing)?,
            path: path.to_path_buf(),
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
        })
    }

    /// A project that lives in memory only (tests, benchmarks).
    pub fn in_memory() -> Result<Project> {
        Ok(Project {
            conn: store::open_in_memory()?,
            path: PathBuf::from(":memory:"),
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
            });
        }
        Ok(hits)
    }

    /// Imports files and folders (recursively). Each file is read, parsed and stored in its
    /// own transaction: a bad file is reported with its reason and the batch goes on; a
    /// killed import leaves every file either wholly stored or not at all.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(&ImportProgress),
    ) -> ImportSummary {
        let files = import::collect_files(paths);
        let total = files.len();
        let mut summary = ImportSummary::default();
        // Reading, parsing and analysing run on every core, a batch of files at a time;
        // storing stays on this thread, one transaction per file, in the files' order.
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let mut done = 0;
        for batch in files.chunks(16 * workers) {
            progress(&ImportProgress {
                done,
                total,
                current: batch[0].display().to_string(),
            });
            for (file, prepared) in batch
                .iter()
                .zip(parallel_map(batch, workers, |f| prepare(f)))
            {
                let shown = file.display().to_string();
                progress(&ImportProgress {
                    done,
                    total,
                    current: shown.clone(),
                });
                let outcome = match prepared {
                    Ok(articles) => self.store_file(&shown, articles, now),
                    Err(e) => FileOutcome {
                        path: shown.clone(),
                        status: FileStatus::Failed,
                        message: Some(e.to_string()),
                        article_ids: Vec::new(),
                    },
                };
                summary.files.push(outcome);
                done += 1;
            }
        }
        progress(&ImportProgress {
            done: total,
            total,
            current: String::new(),
        });
        summary
    }

    fn store_file(
        &mut self,
        shown: &str,
        parsed: Vec<PreparedArticle>,
        now: DateTime<Utc>,
    ) -> FileOutcome {
        let outcome = |status, message: Option<String>, ids| FileOutcome {
            path: shown.to_string(),
            status,
            message,
            article_ids: ids,
        };
        match self.store_articles(shown, &parsed, now) {
            Ok((ids, duplicates)) if ids.is_empty() => {
                let what = if duplicates == 1 {
                    "already in the project".to_string()
                } else {
                    format!("all {duplicates} articles are already in the project")
                };
                outcome(FileStatus::Duplicate, Some(what), ids)
            }
            Ok((ids, 0)) => outcome(FileStatus::Imported, None, ids),
            Ok((ids, duplicates)) => outcome(
                FileStatus::Imported,
                Some(format!(
                    "{duplicates} of {} articles were already in the project",
                    parsed.len()
                )),
                ids,
            ),
            Err(e) => outcome(
                FileStatus::Failed,
                Some(format!("could not store it: {e}")),
                Vec::new(),
            ),
        }
    }

    /// Stores the articles of one file in one transaction; returns the new ids and how many
    /// were duplicates.
    fn store_articles(
        &mut self,
        shown: &str,
        parsed: &[PreparedArticle],
        now: DateTime<Utc>,
    ) -> rusqlite::Result<(Vec<ArticleId>, usize)> {
        let tx = self.conn.transaction()?;
        let mut ids = Vec::new();
        let mut duplicates = 0;
        for PreparedArticle {
            article: a,
            hash,
            analysis,
        } in parsed
        {
            if articles::id_by_hash(&tx, hash)?.is_some() {
                duplicates += 1;
                continue;
            }
            let title = a
                .title
                .clone()
                .unwrap_or_else(|| fallback_title(&a.text, shown));
            let id = articles::insert(
                &tx,
                &articles::NewArticle {
                    title: &title,
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
            search::index(&tx, id, &title, &a.text)?;
            statements::replace(&tx, id, analysis)?;
            ids.push(id);
        }
        tx.commit()?;
        Ok((ids, duplicates))
    }

    /// Re-runs the statement analysis of every article (after an engine upgrade), one
    /// transaction per article; reports progress once per article.
    pub fn analyze(&mut self, progress: &mut dyn FnMut(&ImportProgress)) -> Result<usize> {
        let ids = articles::ids(&self.conn)?;
        let total = ids.len();
        for (done, id) in ids.into_iter().enumerate() {
            let article = self.article(id)?;
            progress(&ImportProgress {
                done,
                total,
                current: article.meta.title.clone(),
            });
            let analysis = parallax_nlp::extract::analyze(&article.text, article.meta.lang);
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

    /// The project's statements, in article order; with a filter, only those whose actor's
    /// name or aliases contain it (folded for matching, so «ماكينزي» finds «كينيث ماكينزي»).
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

/// The duplicate key of an article: SHA-256 of its text after NFC, with invisible controls
/// dropped and every run of white space made one space.
pub fn content_hash(text: &str) -> String {
    let mut normal = String::with_capacity(text.len());
    for word in text
        .nfc()
        .filter(|c| !parallax_nlp::text::is_invisible_control(*c))
        .collect::<String>()
        .split_whitespace()
    {
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
}

/// Reads a file as the import would and analyses its articles, storing nothing.
pub fn extract_file(path: &Path) -> Result<Vec<ExtractedArticle>, import::ImportError> {
    Ok(import::read_file(path)?
        .into_iter()
        .map(|article| {
            let analysis = parallax_nlp::extract::analyze(&article.text, article.lang);
            ExtractedArticle { article, analysis }
        })
        .collect())
}

/// One article of a file, parsed and analysed, ready to store.
struct PreparedArticle {
    article: ParsedArticle,
    hash: String,
    analysis: parallax_nlp::extract::Analysis,
}

/// The work of importing a file that needs no database: reading, parsing, hashing and
/// analysing. Runs on worker threads.
fn prepare(file: &Path) -> Result<Vec<PreparedArticle>, import::ImportError> {
    Ok(import::read_file(file)?
        .into_iter()
        .map(|article| PreparedArticle {
            hash: content_hash(&article.text),
            analysis: parallax_nlp::extract::analyze(&article.text, article.lang),
            article,
        })
        .collect())
}

/// `f` over `items` on up to `workers` threads; results in the items' order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if workers <= 1 || items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let per = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(per)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}
