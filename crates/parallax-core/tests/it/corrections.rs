//! The analyst's corrections of statements: each shows at once in `statements` and the actor
//! registry, survives re-analysis, and is undone in order. Articles are invented here.

use chrono::{TimeZone, Utc};
use parallax_core::corrections::{CorrectionError, CorrectionRequest};
use parallax_core::model::ArticleId;
use parallax_core::nlp::extract::{ActorKind, StatementKind};
use parallax_core::Project;

use super::report::fixture_articles;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 11, 0, 0).unwrap()
}

fn project(dir: &std::path::Path) -> Project {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let paths = fixture_articles(&articles);
    let mut project = Project::open_or_create(&dir.join("c.parallax")).unwrap();
    project.import(&paths, now(), &mut |_| {});
    project
}

fn find<'a>(
    rows: &'a [parallax_core::model::StatementRow],
    needle: &str,
) -> Option<&'a parallax_core::model::StatementRow> {
    rows.iter().find(|s| s.text.contains(needle))
}

#[test]
fn corrections_show_at_once_survive_reanalysis_and_undo_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let rows = p.statements(None).unwrap();
    let signed = find(&rows, "would be signed next week").expect("the minister's statement");
    let article = signed.article;
    let before = rows.len();
    // the registry is read (and kept in the project) before the correction: it must follow it
    assert!(!p
        .actors()
        .unwrap()
        .iter()
        .any(|a| a.name == "Rania Mansour"));

    // the actor: another person, whom no article names yet
    p.correct_statement(
        &CorrectionRequest::SetActor {
            statement: signed.id,
            actor: "Rania Mansour".into(),
            actor_kind: None,
        },
        now(),
    )
    .unwrap();
    let rows = p.statements(None).unwrap();
    let s = find(&rows, "would be signed next week").unwrap();
    assert_eq!(s.actor, "Rania Mansour");
    assert_eq!(s.actor_kind, ActorKind::Person);
    assert!(p
        .actors()
        .unwrap()
        .iter()
        .any(|a| a.name == "Rania Mansour"));

    // the kind, then a statement the extractor missed
    p.correct_statement(
        &CorrectionRequest::SetKind {
            statement: s.id,
            kind: StatementKind::Direct,
        },
        now(),
    )
    .unwrap();
    let text = p.article(article).unwrap().text;
    let missed = "The talks resumed on Monday in the capital";
    let start = text.find(missed).unwrap();
    p.correct_statement(
        &CorrectionRequest::Add {
            article,
            start,
            end: start + missed.len(),
            actor: "Northern Basin Council".into(),
            actor_kind: Some(ActorKind::Organisation),
            kind: StatementKind::Indirect,
            cue: "reported".into(),
        },
        now(),
    )
    .unwrap();
    let rows = p.statements(None).unwrap();
    assert_eq!(rows.len(), before + 1);
    let added = find(&rows, missed).expect("the added statement");
    assert_eq!(added.actor, "Northern Basin Council");
    assert_eq!(added.actor_kind, ActorKind::Organisation);

    // re-analysis (an engine upgrade) keeps every correction
    p.analyze(&mut |_| {}).unwrap();
    let rows = p.statements(None).unwrap();
    let s = find(&rows, "would be signed next week").unwrap();
    assert_eq!(
        (s.actor.as_str(), s.kind),
        ("Rania Mansour", StatementKind::Direct)
    );
    assert!(find(&rows, missed).is_some());
    // and so does reopening the project
    drop(p);
    let mut p = Project::open(&dir.path().join("c.parallax")).unwrap();
    assert_eq!(p.statement_corrections().unwrap().len(), 3);

    // undo takes back the latest first
    p.undo_statement_correction()
        .unwrap()
        .expect("the addition");
    assert!(find(&p.statements(None).unwrap(), missed).is_none());
    p.undo_statement_correction().unwrap().expect("the kind");
    p.undo_statement_correction().unwrap().expect("the actor");
    let rows = p.statements(None).unwrap();
    let s = find(&rows, "would be signed next week").unwrap();
    assert_eq!(s.actor, "Samira Haddad");
    assert!(p.undo_statement_correction().unwrap().is_none());
}

#[test]
fn a_false_statement_is_deleted_and_its_span_corrected_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let rows = p.statements(None).unwrap();
    let arabic = find(&rows, "اتفاق المياه").expect("the Arabic statement");
    let (id, article) = (arabic.id, arabic.article);
    let text = p.article(article).unwrap().text;
    // shorten the Arabic statement to its first words, in whole characters
    let words = "اتفاق المياه سيوقع";
    let start = text.find(words).unwrap();
    p.correct_statement(
        &CorrectionRequest::SetSpan {
            statement: id,
            start,
            end: start + words.len(),
        },
        now(),
    )
    .unwrap();
    let rows = p.statements(None).unwrap();
    let s = find(&rows, "اتفاق المياه").unwrap();
    assert_eq!(s.text, words);

    let spokesman = find(&rows, "is what the files say").expect("a statement to delete");
    let before = rows.len();
    p.correct_statement(
        &CorrectionRequest::Delete {
            statement: spokesman.id,
        },
        now(),
    )
    .unwrap();
    let rows = p.statements(None).unwrap();
    assert_eq!(rows.len(), before - 1);
    assert!(find(&rows, "is what the files say").is_none());
    p.analyze(&mut |_| {}).unwrap();
    assert!(find(&p.statements(None).unwrap(), "is what the files say").is_none());
}

#[test]
fn corrections_that_cannot_be_made_say_why_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let rows = p.statements(None).unwrap();
    let arabic = find(&rows, "اتفاق المياه").unwrap();
    let err = p
        .correct_statement(&CorrectionRequest::Delete { statement: 999_999 }, now())
        .unwrap_err();
    assert!(matches!(err, CorrectionError::NoSuchStatement(999_999)));
    assert!(err.to_string().contains("parallax statements"));
    // a span that cuts an Arabic letter in two
    let err = p
        .correct_statement(
            &CorrectionRequest::SetSpan {
                statement: arabic.id,
                start: 1,
                end: 5,
            },
            now(),
        )
        .unwrap_err();
    assert!(matches!(err, CorrectionError::BadSpan { .. }), "{err}");
    let err = p
        .correct_statement(
            &CorrectionRequest::SetActor {
                statement: arabic.id,
                actor: "  ".into(),
                actor_kind: None,
            },
            now(),
        )
        .unwrap_err();
    assert!(matches!(err, CorrectionError::EmptyName));
    let err = p
        .correct_statement(
            &CorrectionRequest::Add {
                article: ArticleId(4242),
                start: 0,
                end: 3,
                actor: "Samir Nassar".into(),
                actor_kind: None,
                kind: StatementKind::Direct,
                cue: "said".into(),
            },
            now(),
        )
        .unwrap_err();
    assert!(matches!(err, CorrectionError::NoSuchArticle(4242)));
    assert!(p.statement_corrections().unwrap().is_empty());
    assert_eq!(p.statements(None).unwrap().len(), rows.len());
}
