//! The project store: opening, refusing foreign or newer files, importing, duplicates,
//! search and re-analysis, on the invented articles of `tests/fixtures`.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use parallax_core::model::FileStatus;
use parallax_core::Project;

/// The invented articles of the repository's `tests/fixtures` (its README says what is there).
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The Arabic fixture without a metadata line (it writes «يتعيّن» with a shadda).
const ORCHARDS: &str = "ar-wadinews-orchards.txt";

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
fn the_fixtures_import_once_and_then_report_duplicates() {
    let mut p = Project::in_memory().unwrap();
    let folders: Vec<PathBuf> = ["story", "extra", "formats"]
        .iter()
        .map(|d| fixtures().join(d))
        .collect();
    let first = import(&mut p, &folders);
    let failed: Vec<_> = first
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Failed)
        .collect();
    assert!(failed.is_empty(), "fixture files failed: {failed:#?}");
    // 7 text files, an HTML page, a DOCX, a PDF and a batch of two; the Arabic PDF holds
    // the whole text of an Arabic .txt, so it is that article again
    assert_eq!(
        first.count(FileStatus::Imported),
        11,
        "every fixture file is imported: {first:#?}"
    );
    assert_eq!(first.count(FileStatus::Duplicate), 1);
    assert_eq!(
        p.article_count().unwrap(),
        12,
        "the batch holds two articles"
    );

    let again = import(&mut p, &folders);
    assert_eq!(
        again.count(FileStatus::Duplicate),
        12,
        "a second import finds only duplicates"
    );
    assert_eq!(
        p.article_count().unwrap(),
        12,
        "duplicates are not stored twice"
    );

    // Metadata from the `URL | title` first line of the news articles.
    let news = p.articles().unwrap();
    let herald = news
        .iter()
        .find(|a| a.source.ends_with("en-coastalherald-dam.txt"))
        .expect("the Coastal Herald article");
    assert_eq!(herald.outlet.as_deref(), Some("coastalherald.example"));
    assert!(
        herald.title.starts_with("Zerin dam gates to open"),
        "{}",
        herald.title
    );
    assert_eq!(herald.lang.code(), "en");
    let orchards = news.iter().find(|a| a.source.ends_with(ORCHARDS)).unwrap();
    assert_eq!(orchards.lang.code(), "ar");
}

#[test]
fn arabic_search_ignores_diacritics_hamza_maqsura_taa_marbuta_and_tatweel() {
    let mut p = Project::in_memory().unwrap();
    import(
        &mut p,
        &[fixtures().join("extra"), fixtures().join("story")],
    );
    let seed = |q: &str| {
        let hits = p.search(q, 50).unwrap();
        hits.iter().any(|h| h.article.source.ends_with(ORCHARDS))
    };
    // The article writes «يتعيّن» with a shadda.
    assert!(seed("يتعين"), "search without the shadda finds the article");
    // «أمس الأربعاء» with hamza; typed with bare alefs.
    assert!(seed("امس الاربعاء"), "bare alef matches hamza on alef");
    // «على» with alef maqsura; typed with yaa.
    assert!(seed("علي الحكومة"), "yaa matches alef maqsura");
    // «الحكومة» with taa marbuta; typed with haa.
    assert!(seed("الحكومه"), "haa matches taa marbuta");
    // tatweel and diacritics in the query
    assert!(seed("الاتحـــاد"), "tatweel in the query is ignored");
    assert!(seed("المُزَارِعِين"), "diacritics in the query are ignored");
    // proclitics: «والمشمش» in a query finds «المشمش»
    assert!(
        seed("والمشمش"),
        "a conjunction before the article is ignored"
    );
    assert!(!seed("xylophone"), "a word that is not there finds nothing");

    let hits = p.search("يتعين", 10).unwrap();
    let hit = hits
        .iter()
        .find(|h| h.article.source.ends_with(ORCHARDS))
        .unwrap();
    assert!(
        hit.snippet.contains("يتعيّن"),
        "the snippet shows the original spelling: {}",
        hit.snippet
    );
}

#[test]
fn english_search_finds_the_articles_that_name_berglund() {
    let mut p = Project::in_memory().unwrap();
    import(&mut p, &[fixtures().join("story")]);
    let hits = p.search("Berglund", 50).unwrap();
    let expected: Vec<_> = p
        .articles()
        .unwrap()
        .into_iter()
        .filter(|a| a.lang.code() == "en" && p.article(a.id).unwrap().text.contains("Berglund"))
        .map(|a| a.id)
        .collect();
    assert!(!expected.is_empty());
    for id in &expected {
        assert!(
            hits.iter().any(|h| h.article.id == *id),
            "article {id} names Berglund but was not found"
        );
    }
    // Query syntax is taken literally, never as FTS5 operators.
    for q in ["\"", "NEAR(", "a OR", "*", "-x", "berglund AND"] {
        p.search(q, 5)
            .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"));
    }
}

#[test]
fn a_name_searched_in_one_script_finds_the_articles_naming_the_actor_in_the_other() {
    let mut p = Project::in_memory().unwrap();
    import(&mut p, &[fixtures().join("story")]);
    let arabic: Vec<_> = p
        .articles()
        .unwrap()
        .into_iter()
        .filter(|a| a.lang.code() == "ar" && p.article(a.id).unwrap().text.contains("بيرغلوند"))
        .map(|a| a.id)
        .collect();
    assert_eq!(arabic.len(), 2, "both Arabic fixtures name him");
    let words: std::collections::HashSet<_> = p
        .search("Berglund", 50)
        .unwrap()
        .iter()
        .map(|h| h.article.id)
        .collect();
    assert!(
        arabic.iter().all(|id| !words.contains(id)),
        "the words alone do not find the Arabic articles"
    );
    let more = p.search_other_scripts("Berglund", &words, 50).unwrap();
    for id in &arabic {
        let hit = more
            .iter()
            .find(|h| h.article.id == *id)
            .unwrap_or_else(|| panic!("article {id} names Berglund in Arabic: {more:?}"));
        assert!(
            hit.via.as_deref().is_some_and(|v| v.contains("بيرغلوند")),
            "the hit says by which name: {hit:?}"
        );
        assert!(hit.snippet.contains("بيرغلوند"), "{}", hit.snippet);
    }
    assert!(
        more.iter().all(|h| !words.contains(&h.article.id)),
        "nothing twice"
    );
    // and the other way round: the Arabic name finds the English articles
    let arabic_words: std::collections::HashSet<_> = p
        .search("بيرغلوند", 50)
        .unwrap()
        .iter()
        .map(|h| h.article.id)
        .collect();
    let english = p
        .search_other_scripts("بيرغلوند", &arabic_words, 50)
        .unwrap();
    assert!(
        english
            .iter()
            .any(|h| h.via.as_deref() == Some("Tomas Berglund")
                || h.via.as_deref().is_some_and(|v| v.contains("Berglund"))),
        "{english:?}"
    );
    // a sentence is not a name
    assert!(p
        .search_other_scripts("the dam will be finished before the rains come", &words, 50)
        .unwrap()
        .is_empty());
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
        fixtures().join("extra").join(ORCHARDS),
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
    p.import(&[fixtures().join("story")], now(), &mut |pr| {
        seen.push((pr.done, pr.total))
    });
    assert_eq!(seen.first(), Some(&(0, 5)));
    assert_eq!(seen.last(), Some(&(5, 5)));
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
    for e in std::fs::read_dir(fixtures().join("story")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), folder.join(e.file_name())).unwrap();
    }
    std::fs::write(
        folder.join("en-poison.txt"),
        "poison pill\n\nAn article the database will not take.",
    )
    .unwrap();

    let mut p = Project::open(&path).unwrap();
    let s = import(&mut p, std::slice::from_ref(&folder));
    assert_eq!(s.files.len(), 6);
    let poison = s
        .files
        .iter()
        .find(|f| f.path.ends_with("en-poison.txt"))
        .unwrap();
    assert_eq!(poison.status, FileStatus::Failed);
    let why = poison.message.as_deref().unwrap_or_default();
    assert!(why.contains("the disk is on fire"), "{why}");
    let imported = s
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Imported)
        .count();
    assert_eq!(imported, 5, "{s:#?}");
    assert_eq!(p.article_count().unwrap(), 5);
    assert!(!p.search("Berglund", 50).unwrap().is_empty());
    assert!(!p.search("بيرغلوند", 50).unwrap().is_empty());
}

#[test]
fn plain_text_articles_take_their_date_from_the_url_or_the_dateline() {
    let mut p = Project::in_memory().unwrap();
    import(
        &mut p,
        &[fixtures().join("story"), fixtures().join("extra")],
    );
    let date_of = |file: &str| {
        p.articles()
            .unwrap()
            .into_iter()
            .find(|a| a.source.ends_with(file))
            .unwrap()
            .published_at
            .map(|d| d.to_string())
    };
    // "Tuesday, 10 June 2025 - 09:30" under the title
    assert_eq!(
        date_of("en-coastalherald-dam.txt").as_deref(),
        Some("2025-06-10")
    );
    // https://riverpost.example/2025/06/12/…
    assert_eq!(
        date_of("en-riverpost-dam.txt").as_deref(),
        Some("2025-06-12")
    );
    // «10 حزيران 2025» under the title
    assert_eq!(date_of("ar-alsahil-dam.txt").as_deref(), Some("2025-06-10"));
    // no date anywhere in the text
    assert_eq!(date_of("en-valley-gazette-opinion.txt"), None);
}

#[test]
fn a_cancelled_import_keeps_what_it_stored_and_says_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("many");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..2000 {
        std::fs::write(
            folder.join(format!("a{i:04}.txt")),
            format!(
                "Report {i}\n\nMinister Samir Nassar said that gate {i} of the dam would open.\n"
            ),
        )
        .unwrap();
    }
    let mut p = Project::in_memory().unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut last = None;
    let summary = p.import_cancellable(std::slice::from_ref(&folder), now(), &cancel, &mut |pr| {
        // the user presses Cancel while the 50th file is stored
        if pr.done == 50 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        last = Some((pr.done, pr.total));
    });
    let stop = summary
        .cancelled
        .expect("the summary says the import was cancelled");
    assert_eq!(stop.total, 2000);
    assert!(
        (50..2000).contains(&stop.done),
        "it stops soon after Cancel, not before: {stop:?}"
    );
    assert_eq!(
        last,
        Some((stop.done, 2000)),
        "the last progress is where it stopped"
    );
    assert_eq!(
        summary.files.len(),
        stop.done,
        "one outcome per file handled"
    );
    assert_eq!(
        summary.count(FileStatus::Imported),
        stop.done,
        "every handled file was stored"
    );
    assert_eq!(
        p.article_count().unwrap() as usize,
        stop.done,
        "the files stored before Cancel stay"
    );

    // importing again completes it: the stored ones are duplicates
    let again = import(&mut p, &[folder]);
    assert_eq!(again.cancelled, None);
    assert_eq!(again.count(FileStatus::Duplicate), stop.done);
    assert_eq!(again.count(FileStatus::Imported), 2000 - stop.done);
    assert_eq!(p.article_count().unwrap(), 2000);
}

#[test]
fn a_new_project_named_without_an_extension_gets_parallax() {
    use parallax_core::project_file;
    for (typed, expect) in [
        ("/home/a/study", "/home/a/study.parallax"),
        ("/home/a/study.parallax", "/home/a/study.parallax"),
        ("/home/a/study.db", "/home/a/study.db"),
        ("/home/a/v1.2/دراسة", "/home/a/v1.2/دراسة.parallax"),
    ] {
        assert_eq!(project_file(Path::new(typed)), Path::new(expect), "{typed}");
    }
}
