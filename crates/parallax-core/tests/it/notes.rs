//! The analyst's notes and tags: attached by the ids the faces show, kept across
//! re-analysis, found by search with Arabic folding, removed, refused with a reason, and
//! shown in the statement exports. Articles and notes are invented here.

use std::path::Path;

use chrono::{TimeZone, Utc};
use parallax_core::model::ArticleId;
use parallax_core::notes::{NoteError, Target, TargetKind};
use parallax_core::report::Selection;
use parallax_core::Project;

use super::report::{fixture_articles, ARABIC_SENTENCE};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap()
}

fn project(dir: &Path) -> Project {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let paths = fixture_articles(&articles);
    let mut project = Project::open_or_create(&dir.join("notes.parallax")).unwrap();
    project.import(&paths, now(), &mut |_| {});
    project
}

/// The id of the statement whose text contains `needle`.
fn statement_id(project: &Project, needle: &str) -> i64 {
    project
        .statements(None)
        .unwrap()
        .into_iter()
        .find(|s| s.text.contains(needle))
        .unwrap_or_else(|| panic!("a statement contains {needle:?}"))
        .id
}

#[test]
fn notes_and_tags_stay_on_their_targets_across_reanalysis() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let arabic = statement_id(&p, ARABIC_SENTENCE);
    let haddad = p
        .actors()
        .unwrap()
        .into_iter()
        .find(|a| a.name.contains("Haddad"))
        .expect("Haddad is an actor")
        .key;
    let group = p
        .compare(None)
        .unwrap()
        .into_iter()
        .find(|g| g.statements.iter().any(|s| s.id == arabic))
        .expect("the Arabic statement has a group")
        .id;

    p.add_note(
        &Target::Statement(arabic),
        "The **only** Arabic version.",
        now(),
    )
    .unwrap();
    p.add_tag(&Target::Statement(arabic), "translation", now())
        .unwrap();
    p.add_note(
        &Target::Actor(haddad.clone()),
        "Minister since spring.",
        now(),
    )
    .unwrap();
    p.add_tag(&Target::Article(ArticleId(1)), "first day", now())
        .unwrap();
    p.add_tag(&Target::Group(group), "water deal", now())
        .unwrap();
    assert!(
        !p.add_tag(&Target::Statement(arabic), " translation ", now())
            .unwrap(),
        "the same tag twice is one tag"
    );

    // re-analysis deletes and re-inserts every statement under new ids
    p.analyze(&mut |_| {}).unwrap();
    let arabic_now = statement_id(&p, ARABIC_SENTENCE);
    assert_ne!(arabic, arabic_now, "re-analysis renumbers statements");

    let list = p.annotations().unwrap();
    let on = |kind: TargetKind| {
        list.iter()
            .find(|a| a.kind == kind)
            .unwrap_or_else(|| panic!("an annotation of a {kind:?} in {list:#?}"))
    };
    let statement = on(TargetKind::Statement);
    assert_eq!(statement.target, Some(Target::Statement(arabic_now)));
    assert!(statement.label.contains(ARABIC_SENTENCE), "{statement:?}");
    assert_eq!(
        statement.note.as_ref().map(|n| n.text.as_str()),
        Some("The **only** Arabic version."),
        "the note is kept verbatim"
    );
    assert_eq!(statement.tags, ["translation"]);
    let actor = on(TargetKind::Actor);
    assert_eq!(actor.target, Some(Target::Actor(haddad)));
    assert!(actor.label.contains("Haddad"), "{actor:?}");
    assert_eq!(
        on(TargetKind::Article).target,
        Some(Target::Article(ArticleId(1)))
    );
    assert_eq!(on(TargetKind::Article).tags, ["first day"]);
    let group_now = p
        .compare(None)
        .unwrap()
        .into_iter()
        .find(|g| g.statements.iter().any(|s| s.id == arabic_now))
        .unwrap()
        .id;
    assert_eq!(on(TargetKind::Group).target, Some(Target::Group(group_now)));

    // the statement exports carry the statement's note and tags
    let report = p.report(&Selection::default(), now()).unwrap();
    let mut csv = Vec::new();
    parallax_core::report::csv::write_statements(&report, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let row = csv
        .lines()
        .find(|l| l.contains(ARABIC_SENTENCE))
        .expect("a CSV row for the Arabic statement");
    assert!(
        row.contains("The **only** Arabic version.") && row.contains("translation"),
        "the CSV row has the note and the tag: {row}"
    );
}

#[test]
fn search_finds_an_arabic_note_whatever_its_hamza_and_taa_marbuta() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let arabic = statement_id(&p, ARABIC_SENTENCE);
    // an invented note written with «أكدت» (hamza on alef) and «المقبله» (haa)
    p.add_note(
        &Target::Statement(arabic),
        "الوزيرة أكدت الاتفاق، والتوقيع في الجلسة المقبله",
        now(),
    )
    .unwrap();
    p.add_note(
        &Target::Article(ArticleId(1)),
        "Check the date of the talks.",
        now(),
    )
    .unwrap();

    // searched with a bare alef and a taa marbuta
    let hits = p.search_notes("اكدت المقبلة", 10).unwrap();
    assert_eq!(hits.len(), 1, "one note matches: {hits:#?}");
    assert_eq!(hits[0].annotation.target, Some(Target::Statement(arabic)));
    assert!(
        hits[0].snippet.contains("أكدت"),
        "the snippet is the note as written"
    );

    let english = p.search_notes("talks", 10).unwrap();
    assert_eq!(english.len(), 1);
    assert_eq!(
        english[0].annotation.target,
        Some(Target::Article(ArticleId(1)))
    );

    // an edited note is found by its new words only
    p.edit_note(&Target::Article(ArticleId(1)), "Ask the ministry.", now())
        .unwrap();
    assert!(p.search_notes("talks", 10).unwrap().is_empty());
    assert_eq!(p.search_notes("ministry", 10).unwrap().len(), 1);
}

#[test]
fn removed_notes_and_tags_are_gone_and_no_longer_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let target = Target::Article(ArticleId(2));
    p.add_note(&target, "Compare with the morning edition.", now())
        .unwrap();
    p.add_tag(&target, "follow up", now()).unwrap();
    assert_eq!(p.annotations().unwrap().len(), 1);

    p.remove_note(&target).unwrap();
    assert!(p.search_notes("morning", 10).unwrap().is_empty());
    let left = p.annotations().unwrap();
    assert_eq!(left.len(), 1, "the tag is still there");
    assert!(left[0].note.is_none());

    p.remove_tag(&target, "follow up").unwrap();
    assert!(p.annotations().unwrap().is_empty());

    let again = p.remove_note(&target).unwrap_err();
    assert!(
        again.to_string().contains("article:2 has no note"),
        "{again}"
    );
    let tag = p.remove_tag(&target, "follow up").unwrap_err();
    assert!(
        tag.to_string().contains("has no tag \"follow up\""),
        "{tag}"
    );
}

#[test]
fn bad_targets_and_empty_text_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    for bad in [
        "paragraph:3",
        "article",
        "article:x",
        "statement:-1",
        "actor:  ",
    ] {
        let err = bad.parse::<Target>().unwrap_err();
        assert!(matches!(err, NoteError::BadTarget(_)), "{bad}: {err}");
        assert!(
            err.to_string()
                .contains("write article:ID, statement:ID, actor:KEY or group:ID"),
            "{err}"
        );
    }
    let cases = [
        (Target::Article(ArticleId(999)), "no article with id 999"),
        (Target::Statement(999_999), "no statement with id 999999"),
        (Target::Group(999_999), "no claim group with id 999999"),
        (Target::Actor("Nobody Atall".into()), "no actor is called"),
    ];
    for (target, expect) in cases {
        let err = p.add_note(&target, "text", now()).unwrap_err();
        assert!(err.to_string().contains(expect), "{target}: {err}");
    }
    let target = Target::Article(ArticleId(1));
    let err = p.add_note(&target, "  \n ", now()).unwrap_err();
    assert!(err.to_string().contains("visible character"), "{err}");
    let err = p.add_tag(&target, "two\nlines", now()).unwrap_err();
    assert!(err.to_string().contains("one line"), "{err}");
    p.add_note(&target, "first", now()).unwrap();
    let err = p.add_note(&target, "second", now()).unwrap_err();
    assert!(err.to_string().contains("already has a note"), "{err}");
    let err = p
        .edit_note(&Target::Article(ArticleId(2)), "x", now())
        .unwrap_err();
    assert!(err.to_string().contains("has no note"), "{err}");
}

/// A project written before notes existed (schema 6) is upgraded on open and takes notes.
#[test]
fn a_project_from_before_notes_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.parallax");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in [
            include_str!("../../migrations/0001_init.sql"),
            include_str!("../../migrations/0002_statements.sql"),
            include_str!("../../migrations/0003_actor_edits.sql"),
            include_str!("../../migrations/0004_fts_automerge.sql"),
            include_str!("../../migrations/0005_group_edits.sql"),
            include_str!("../../migrations/0006_statement_vectors.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = 6;",
            parallax_core::store::APPLICATION_ID
        ))
        .unwrap();
    }
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let mut p = Project::open(&path).expect("an older project opens");
    p.import(&fixture_articles(&articles), now(), &mut |_| {});
    p.add_note(&Target::Article(ArticleId(1)), "Upgraded.", now())
        .unwrap();
    drop(p);
    let p = Project::open(&path).unwrap();
    assert_eq!(p.search_notes("upgraded", 5).unwrap().len(), 1);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, parallax_core::store::SCHEMA_VERSION);
}
