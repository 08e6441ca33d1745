//! Sentence vectors in the project: which statements are embedded, resumable background
//! embedding, and alignment using the stored vectors. The model is the tiny generated one
//! (`parallax_nlp::embed::tiny`), in the real file format, so no download is needed.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use parallax_core::actors::MentionSelector;
use parallax_core::nlp::actors::ActorEdit;
use parallax_core::nlp::align::PairModel;
use parallax_core::nlp::embed::tiny::tiny_model;
use parallax_core::sentence_model::SentenceModelFile;
use parallax_core::Project;

const STATEMENTS_PER_ARTICLE: usize = 45;

/// Two invented articles quoting one minister many times in different words, and a third
/// quoting someone nobody else quotes.
fn write_articles(dir: &Path) -> Vec<PathBuf> {
    let mut one = String::from("Harbour works to resume\n\n");
    let mut two = String::from("Port reopening planned\n\n");
    for i in 0..STATEMENTS_PER_ARTICLE {
        one.push_str(&format!(
            "Transport Minister Lina Haddad said that quay number {i} would reopen within {i} days.\n\n"
        ));
        two.push_str(&format!(
            "Transport Minister Lina Haddad said that work on berth {i} was finished after {i} weeks.\n\n"
        ));
    }
    let three =
        "Rain expected\n\nForecaster Omar Saleh said that heavy rain would fall on Sunday.\n";
    let mut paths = Vec::new();
    for (name, text) in [
        ("one.txt", one.as_str()),
        ("two.txt", &two),
        ("three.txt", three),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    paths
}

fn project_with_articles(dir: &Path) -> Project {
    let mut p = Project::open_or_create(&dir.join("study.parallax")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let summary = p.import(&write_articles(dir), now, &mut |_| {});
    assert_eq!(summary.files.len(), 3, "{summary:?}");
    p
}

pub fn model_file(dir: &Path) -> Arc<SentenceModelFile> {
    let path = dir.join("tiny-model.bin");
    std::fs::write(&path, tiny_model(3)).unwrap();
    Arc::new(SentenceModelFile::open(&path).expect("the tiny model opens"))
}

/// A pair model that takes any two statements with vectors for one claim.
pub fn pair_model_joining_all() -> PairModel {
    let mut m = PairModel::shipped().clone();
    m.weights = vec![0.0; m.weights.len()];
    m.bias = 10.0;
    m
}

#[test]
fn only_statements_of_actors_quoted_in_two_articles_need_a_vector() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project_with_articles(dir.path());
    let status = p.embedding_status().unwrap();
    assert_eq!(status.model, None);
    assert_eq!(status.needed, 2 * STATEMENTS_PER_ARTICLE, "{status:?}");
    assert_eq!(
        status.statements,
        2 * STATEMENTS_PER_ARTICLE + 1,
        "{status:?}"
    );
    p.set_sentence_model(Some(model_file(dir.path())));
    let status = p.embedding_status().unwrap();
    assert!(status.model.is_some());
    assert_eq!(status.embedded, 0);
    assert_eq!(status.pending(), 2 * STATEMENTS_PER_ARTICLE);
}

#[test]
fn embedding_cancelled_midway_keeps_what_was_done_and_the_next_run_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let model = model_file(dir.path());
    {
        let mut p = project_with_articles(dir.path());
        p.set_sentence_model(Some(model.clone()));
        let cancel = AtomicBool::new(false);
        let mut calls = Vec::new();
        let stored = p
            .embed_pending(
                1,
                &mut |done, total| {
                    calls.push((done, total));
                    cancel.store(true, Ordering::Relaxed);
                },
                &cancel,
            )
            .unwrap();
        assert!(
            stored > 0 && stored < 2 * STATEMENTS_PER_ARTICLE,
            "stored {stored}"
        );
        assert_eq!(
            calls[0].1,
            2 * STATEMENTS_PER_ARTICLE,
            "progress names the total"
        );
        // the project is dropped here, as when the process is stopped
    }
    let mut p = Project::open(&dir.path().join("study.parallax")).unwrap();
    p.set_sentence_model(Some(model.clone()));
    let before = p.embedding_status().unwrap();
    assert!(
        before.embedded > 0,
        "the first run's batches were kept: {before:?}"
    );
    let never = AtomicBool::new(false);
    let stored = p.embed_pending(2, &mut |_, _| {}, &never).unwrap();
    assert_eq!(
        stored,
        before.pending(),
        "only what was missing is computed"
    );
    assert_eq!(p.embedding_status().unwrap().pending(), 0);
    assert_eq!(
        p.embed_pending(2, &mut |_, _| {}, &never).unwrap(),
        0,
        "nothing twice"
    );
}

#[test]
fn compare_uses_the_stored_vectors_through_the_pair_model() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project_with_articles(dir.path());
    // how many of the minister's statements share a group with a statement of another
    // article
    let grouped = |p: &Project| {
        p.compare(Some("Haddad"))
            .unwrap()
            .into_iter()
            .filter(|g| {
                let first = g.statements[0].article;
                g.statements.iter().any(|s| s.article != first)
            })
            .map(|g| g.statements.len())
            .sum::<usize>()
    };
    let words_only = grouped(&p);
    p.set_sentence_model(Some(model_file(dir.path())));
    let never = AtomicBool::new(false);
    p.embed_pending(2, &mut |_, _| {}, &never).unwrap();
    // each statement of one article then has a partner in the other
    p.set_pair_model(pair_model_joining_all());
    let with_vectors = grouped(&p);
    assert!(
        with_vectors > words_only,
        "vectors must join statements the words miss: {words_only} statements grouped across articles by words, {with_vectors} with vectors"
    );
}

#[test]
fn a_file_that_is_not_a_model_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.bin");
    std::fs::write(&path, b"just some notes").unwrap();
    let err = SentenceModelFile::open(&path).err().expect("refused");
    assert!(err.to_string().contains("notes.bin"), "{err}");
    let missing = SentenceModelFile::open(&dir.path().join("absent.bin"))
        .err()
        .unwrap();
    assert!(
        missing.to_string().contains("no sentence model"),
        "{missing}"
    );
}

/// Two invented organisations, each named in one article only, making the same two claims.
fn write_two_names_of_one_board(dir: &Path) -> Vec<PathBuf> {
    let one = "Quay to reopen\n\n\
        The Eastmere Harbour Board said that the quay would reopen on Monday.\n\n\
        The Eastmere Harbour Board said that ferry fares would not rise this year.\n";
    let two = "Ferries\n\n\
        The Lakeside Port Authority said that the quay would reopen on Monday.\n\n\
        The Lakeside Port Authority said that fares for ferries would not rise this year.\n";
    [("board.txt", one), ("authority.txt", two)]
        .into_iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

#[test]
fn organisations_making_the_same_claims_are_one_actor_until_the_analyst_splits_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = Project::open_or_create(&dir.path().join("study.parallax")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let summary = p.import(&write_two_names_of_one_board(dir.path()), now, &mut |_| {});
    assert_eq!(summary.files.len(), 2, "{summary:?}");
    let named = |p: &Project| {
        let mut v: Vec<(usize, String)> = p
            .actors()
            .unwrap()
            .into_iter()
            .map(|a| (a.statements, a.name))
            .collect();
        v.sort();
        v
    };
    let by_name = named(&p);
    assert_eq!(by_name.len(), 2, "no name rule joins the two: {by_name:?}");

    // with vectors and a pair model that takes every pair of statements for one claim
    p.set_sentence_model(Some(model_file(dir.path())));
    let never = AtomicBool::new(false);
    let stored = p.embed_pending(2, &mut |_, _| {}, &never).unwrap();
    assert_eq!(
        stored,
        3,
        "the three distinct wordings of organisations quoted in one article each are embedded \
         (they may be joined): {:?}",
        p.actors().unwrap()
    );
    p.set_pair_model(pair_model_joining_all());
    let actors = p.actors().unwrap();
    assert_eq!(
        actors.len(),
        1,
        "two organisations making the same claims in two articles are one actor: {actors:?}"
    );
    assert_eq!(actors[0].statements, 4);
    assert_eq!(actors[0].mentions.len(), 2, "{:?}", actors[0]);

    // the analyst's split wins over the join, and is still there when the project reopens
    let authority = actors[0]
        .mentions
        .iter()
        .find(|m| m.name.contains("Lakeside"))
        .expect("the authority is one of the mentions")
        .id
        .clone();
    let key = actors[0].key.clone();
    let mentions = p
        .actor_mentions(&key, &[MentionSelector::Id(authority)])
        .unwrap();
    p.record_actor_edit(
        &ActorEdit::Split {
            mentions,
            name: "Lakeside Port Authority".into(),
        },
        now,
    )
    .unwrap();
    assert_eq!(named(&p).len(), 2, "the split separates them again");
    drop(p);
    let mut p = Project::open(&dir.path().join("study.parallax")).unwrap();
    p.set_sentence_model(Some(model_file(dir.path())));
    p.set_pair_model(pair_model_joining_all());
    assert_eq!(
        named(&p).len(),
        2,
        "the split survives reopening the project"
    );
}
