//! The project store: opening, refusing foreign or newer files, importing, duplicates,
//! search and re-analysis, on the real corpus articles.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use parallax_core::model::FileStatus;
use parallax_core::Project;

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
}

fn import(project: &mut Project, paths: &[PathBuf]) -> parallax_core::model::ImportSummary {
    project.import(paths, now(), &mut |_| {})
}

#[test]
fn a_new_project_is_created_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/study.parallax");
    let p = Project::open_or_create(&path).expect("creating a project in a new folder");
    assert_eq!(p.article_count().unwrap(), 0);
    drop(p);
    let p = Project::open(&path).expect("reopening it");
    assert_eq!(p.article_count().unwrap(), 0);
}

#[test]
fn a_missing_project_is_not_created_by_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.parallax");
    let err = Project::open(&path)
        .err()
        .expect("opening a missing file fails");
    assert!(err.to_string().contains("no project at"), "{err}");
    assert!(!path.exists(), "open must not create the file");
}

#[track_caller]
fn refused_untouched(path: &Path, expect_in_message: &str) {
    let before = std::fs::read(path).unwrap();
    let err = Project::open(path).err().expect("the file is refused");
    assert!(
        err.to_string().contains(expect_in_message),
        "message {err:?} should say {expect_in_message:?}"
    );
    let err = Project::open_or_create(path)
        .err()
        .expect("also when creating is allowed");
    assert!(err.to_string().contains(expect_in_message), "{err}");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "a refused file is left untouched"
    );
    let dir = path.parent().unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(
        !dir.join(format!("{name}-wal")).exists(),
        "no WAL file is left beside it"
    );
}

#[test]
fn a_file_that_is_not_a_project_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.parallax");
    std::fs::write(&text, "just some notes, not a database\n".repeat(100)).unwrap();
    refused_untouched(&text, "is not a Parallax project");

    // A real SQLite database of another application.
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    refused_untouched(&other, "is not a Parallax project");
}

#[test]
fn a_project_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.parallax");
    drop(Project::open_or_create(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = delete; PRAGMA user_version = 999;")
        .unwrap();
    drop(conn);
    refused_untouched(&path, "newer Parallax");
}

#[test]
fn the_corpus_imports_once_and_then_reports_duplicates() {
    let mut p = Project::in_memory().unwrap();
    let folders: Vec<PathBuf> = ["dev", "news", "dev-polnear"]
        .iter()
        .map(|d| corpus().join(d).join("articles"))
        .collect();
    let first = import(&mut p, &folders);
    let failed: Vec<_> = first
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Failed)
        .collect();
    assert!(failed.is_empty(), "corpus files failed: {failed:#?}");
    assert_eq!(
        first.count(FileStatus::Imported),
        103,
        "every corpus article is imported"
    );
    assert_eq!(p.article_count().unwrap(), 103);

    let again = import(&mut p, &folders);
    assert_eq!(
        again.count(FileStatus::Duplicate),
        103,
        "a second import finds only duplicates"
    );
    assert_eq!(
        p.article_count().unwrap(),
        103,
        "duplicates are not stored twice"
    );

    // Metadata from the `URL | title` first line of the news articles.
    let news = p.articles().unwrap();
    let k24 = news
        .iter()
        .find(|a| a.source.ends_with("story1_01_kurdistan24-en.txt"))
        .expect("the Kurdistan24 article");
    assert_eq!(k24.outlet.as_deref(), Some("kurdistan24.net"));
    assert!(
        k24.title
            .starts_with("US-led coalition highlight joint patrol"),
        "{}",
        k24.title
    );
    assert_eq!(k24.lang.code(), "en");
    let seed = news
        .iter()
        .find(|a| a.source.ends_with("ar-seed-coalition-sdf.txt"))
        .unwrap();
    assert_eq!(seed.lang.code(), "ar");
}

#[test]
fn arabic_search_ignores_diacritics_hamza_maqsura_taa_marbuta_and_tatweel() {
    let mut p = Project::in_memory().unwrap();
    import(
        &mut p,
        &[
            corpus().join("dev/articles"),
            corpus().join("news/articles"),
        ],
    );
    let seed = |q: &str| {
        let hits = p.search(q, 50).unwrap();
        hits.iter()
            .any(|h| h.article.source.ends_with("ar-seed-coalition-sdf.txt"))
    };
    // The article writes «يتعيّن» with a shadda.
    assert!(seed("يتعين"), "search without the shadda finds the article");
    // «الأميركية» with hamza; typed with a bare alef.
    assert!(seed("الاميركية"), "bare alef matches hamza on alef");
    // «على» with alef maqsura; typed with yaa.
    assert!(seed("علي عزمه"), "yaa matches alef maqsura");
    // «الديمقراطية» with taa marbuta; typed with haa.
    assert!(seed("الديمقراطيه"), "haa matches taa marbuta");
    // tatweel and diacritics in the query
    assert!(seed("التحـــالف"), "tatweel in the query is ignored");
    assert!(seed("قُوَّات"), "diacritics in the query are ignored");
    // proclitics: «والتحالف» in a query finds «التحالف»
    assert!(
        seed("والتحالف"),
        "a conjunction before the article is ignored"
    );
    assert!(!seed("xylophone"), "a word that is not there finds nothing");

    let hits = p.search("يتعين", 10).unwrap();
    let hit = hits
        .iter()
        .find(|h| h.article.source.ends_with("ar-seed-coalition-sdf.txt"))
        .unwrap();
    assert!(
        hit.snippet.contains("يتعيّن"),
        "the snippet shows the original spelling: {}",
        hit.snippet
    );
}

#[test]
fn english_search_finds_the_articles_that_name_mckenzie() {
    let mut p = Project::in_memory().unwrap();
    import(&mut p, &[corpus().join("news/articles")]);
    let hits = p.search("McKenzie", 50).unwrap();
    let expected: Vec<_> = p
        .articles()
        .unwrap()
        .into_iter()
        .filter(|a| a.lang.code() == "en" && p.article(a.id).unwrap().text.contains("McKenzie"))
        .map(|a| a.id)
        .collect();
    assert!(!expected.is_empty());
    for id in &expected {
        assert!(
            hits.iter().any(|h| h.article.id == *id),
            "article {id} names McKenzie but was not found"
        );
    }
    // Query syntax is taken literally, never as FTS5 operators.
    for q in ["\"", "NEAR(", "a OR", "*", "-x", "mckenzie AND"] {
        p.search(q, 5)
            .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"));
    }
}

#[test]
fn a_broken_file_fails_alone_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-junk.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 255].repeat(50),
    )
    .unwrap();
    std::fs::write(dir.path().join("b-empty.txt"), "").unwrap();
    std::fs::copy(
        corpus().join("dev/articles/ar-seed-coalition-sdf.txt"),
        dir.path().join("c-good.txt"),
    )
    .unwrap();
    let mut p = Project::in_memory().unwrap();
    let s = import(
        &mut p,
        &[dir.path().to_path_buf(), dir.path().join("missing.txt")],
    );
    assert_eq!(s.files.len(), 4, "{s:#?}");
    let by_name = |n: &str| s.files.iter().find(|f| f.path.ends_with(n)).unwrap();
    assert_eq!(by_name("c-good.txt").status, FileStatus::Imported);
    for bad in ["a-junk.txt", "b-empty.txt", "missing.txt"] {
        let f = by_name(bad);
        assert_eq!(f.status, FileStatus::Failed, "{bad}");
        assert!(
            f.message.as_deref().is_some_and(|m| !m.is_empty()),
            "{bad} has a reason"
        );
    }
    assert_eq!(p.article_count().unwrap(), 1);
}

#[test]
fn import_reports_progress_for_every_file() {
    let mut p = Project::in_memory().unwrap();
    let mut seen = Vec::new();
    p.import(&[corpus().join("news/articles")], now(), &mut |pr| {
        seen.push((pr.done, pr.total))
    });
    assert_eq!(seen.first(), Some(&(0, 18)));
    assert_eq!(seen.last(), Some(&(18, 18)));
}

#[test]
fn a_project_whose_folder_cannot_be_made_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "a file where the folder should be").unwrap();
    let err = Project::open_or_create(&blocker.join("sub/study.parallax"))
        .err()
        .expect("a folder cannot be made inside a file");
    assert!(
        err.to_string().contains("cannot create the folder"),
        "{err}"
    );
}

#[test]
fn a_file_the_database_refuses_fails_alone_and_the_rest_of_its_transaction_is_kept() {
    // Import stores many files per transaction; when the database refuses one of them (here
    // a trigger stands in for a full disk or a constraint), that file fails with the
    // database's reason and every other file of the batch is still stored and searchable.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.parallax");
    drop(Project::open_or_create(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title LIKE 'poison%'
             BEGIN SELECT RAISE(ABORT, 'the disk is on fire'); END;",
        )
        .unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    for e in std::fs::read_dir(corpus().join("news/articles")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), folder.join(e.file_name())).unwrap();
    }
    std::fs::write(
        folder.join("story1_09b_poison.txt"),
        "poison pill\n\nAn article the database will not take.",
    )
    .unwrap();

    let mut p = Project::open(&path).unwrap();
    let s = import(&mut p, std::slice::from_ref(&folder));
    assert_eq!(s.files.len(), 19);
    let poison = s
        .files
        .iter()
        .find(|f| f.path.ends_with("story1_09b_poison.txt"))
        .unwrap();
    assert_eq!(poison.status, FileStatus::Failed);
    let why = poison.message.as_deref().unwrap_or_default();
    assert!(why.contains("the disk is on fire"), "{why}");
    let imported = s
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Imported)
        .count();
    assert_eq!(imported, 18, "{s:#?}");
    assert_eq!(p.article_count().unwrap(), 18);
    assert!(!p.search("McKenzie", 50).unwrap().is_empty());
    assert!(!p.search("ماينزا", 50).unwrap().is_empty());
}

#[test]
fn plain_text_articles_take_their_date_from_the_url_or_the_dateline() {
    let mut p = Project::in_memory().unwrap();
    import(&mut p, &[corpus().join("news/articles")]);
    let date_of = |file: &str| {
        p.articles()
            .unwrap()
            .into_iter()
            .find(|a| a.source.ends_with(file))
            .unwrap()
            .published_at
            .map(|d| d.to_string())
    };
    // "date 2022-04-04 ERBIL (Kurdistan 24) – …"
    assert_eq!(
        date_of("story1_02_kurdistan24-en-2022-04.txt").as_deref(),
        Some("2022-04-04")
    );
    // https://newsaboutturkey.com/2021/09/01/…
    assert_eq!(
        date_of("story1_11_newsaboutturkey-wapo-en.txt").as_deref(),
        Some("2021-09-01")
    );
    // «ديسمبر 23. 2024» under the title
    assert_eq!(
        date_of("story1_12_afrinpost-ar.txt").as_deref(),
        Some("2024-12-23")
    );
    // no date anywhere in the excerpt
    assert_eq!(date_of("story1_04_duvarenglish.txt"), None);
}
