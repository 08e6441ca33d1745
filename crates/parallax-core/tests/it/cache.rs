//! The analysis the project keeps between runs (the resolved actor registry and the claim
//! groups): whatever changed in between — an import, an analyst's actor or group edit and
//! its undo, a re-analysis, new sentence vectors, another dictionary — what the faces read
//! equals the analysis computed from scratch, on the invented articles of `tests/fixtures`.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use parallax_core::actors::{ActorEditRequest, ActorSummary, ComparisonGroup, GroupEditRequest};
use parallax_core::nlp::align::{Bilingual, Coverage};
use parallax_core::report::{Report, Selection};
use parallax_core::Project;

use super::project::fixtures;
use super::semantic::{model_file, pair_model_joining_all};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap()
}

fn files(set: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures().join(set))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
}

/// What the faces read of the analysis.
#[derive(Debug, PartialEq)]
struct Analysis {
    actors: Vec<ActorSummary>,
    groups: Vec<ComparisonGroup>,
    coverage: Coverage,
    report: Report,
}

fn analysis(p: &Project) -> Analysis {
    Analysis {
        actors: p.actors().unwrap(),
        groups: p.compare(None).unwrap(),
        coverage: p.coverage().unwrap(),
        report: p.report(&Selection::default(), now()).unwrap(),
    }
}

/// Reads the analysis as the project keeps it — the first read after the change, then a
/// second one that is surely the kept one — and computes it afresh with nothing kept; all
/// three must agree. Returns it.
fn kept_equals_fresh(p: &mut Project, after: &str) -> Analysis {
    let first = analysis(p);
    let kept = analysis(p);
    p.clear_analysis_cache().unwrap();
    let fresh = analysis(p);
    for (read, which) in [(&first, "the first read"), (&kept, "the kept analysis")] {
        assert_eq!(read.actors, fresh.actors, "after {after}: {which}: actors");
        assert_eq!(read.groups, fresh.groups, "after {after}: {which}: groups");
        assert_eq!(
            read.coverage, fresh.coverage,
            "after {after}: {which}: coverage"
        );
        assert_eq!(read.report, fresh.report, "after {after}: {which}: report");
    }
    fresh
}

fn multi_member_group(a: &Analysis) -> &ComparisonGroup {
    a.groups
        .iter()
        .find(|g| g.statements.len() >= 2)
        .expect("the story has a claim that two outlets report")
}

#[test]
fn the_kept_analysis_equals_a_fresh_one_after_every_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.parallax");
    let mut p = Project::open_or_create(&path).unwrap();

    p.import(&files("story"), now(), &mut |_| {});
    let imported = kept_equals_fresh(&mut p, "the first import");
    assert!(imported.groups.len() > 1, "{:?}", imported.groups);

    p.import(&files("extra"), now(), &mut |_| {});
    let more = kept_equals_fresh(&mut p, "a second import");
    assert_ne!(more.report.statements, imported.report.statements);

    // an analyst's actor edit, then its undo
    let actor = more.actors[0].key.clone();
    p.edit_actor(
        &ActorEditRequest::Rename {
            actor,
            name: "Rania Mansour of the valley".into(),
        },
        now(),
    )
    .unwrap();
    let renamed = kept_equals_fresh(&mut p, "an actor edit");
    assert!(
        renamed
            .actors
            .iter()
            .any(|a| a.name == "Rania Mansour of the valley"),
        "the rename shows: {:?}",
        renamed.actors
    );
    assert!(p.undo_actor_edit().unwrap().is_some());
    let undone = kept_equals_fresh(&mut p, "undoing the actor edit");
    assert_eq!(undone, more, "the undo restores the analysis");

    // an analyst's group edit, then its undo
    let group = multi_member_group(&undone);
    let leaving = group.statements[1].id;
    let members = group.statements.len();
    p.record_group_edit(
        &GroupEditRequest::Split {
            statements: vec![leaving],
        },
        now(),
    )
    .unwrap();
    let split = kept_equals_fresh(&mut p, "a group edit");
    let alone = split
        .groups
        .iter()
        .find(|g| g.statements.iter().any(|s| s.id == leaving))
        .unwrap();
    assert_eq!(
        alone.statements.len(),
        1,
        "the statement left its group of {members}"
    );
    assert!(p.undo_group_edit().unwrap().is_some());
    assert_eq!(kept_equals_fresh(&mut p, "undoing the group edit"), undone);

    // re-analysis stores every statement again, under new ids
    p.analyze(&mut |_| {}).unwrap();
    let reanalysed = kept_equals_fresh(&mut p, "a re-analysis");
    let ids = |a: &Analysis| a.report.statements.iter().map(|s| s.id).collect::<Vec<_>>();
    assert_ne!(ids(&reanalysed), ids(&undone), "re-analysis renumbers");

    // a sentence model: first without vectors, then with them
    p.set_sentence_model(Some(model_file(dir.path())));
    p.set_pair_model(pair_model_joining_all());
    let no_vectors = kept_equals_fresh(&mut p, "setting a sentence model");
    let never = AtomicBool::new(false);
    let embedded = p.embed_pending(1, &mut |_, _| {}, &never).unwrap();
    assert!(embedded > 0);
    let with_vectors = kept_equals_fresh(&mut p, "embedding");
    assert_ne!(
        with_vectors.groups, no_vectors.groups,
        "the vectors regroup the claims"
    );

    // back to words alone, and with a dictionary: each setting has its own analysis
    p.set_sentence_model(None);
    assert_eq!(
        kept_equals_fresh(&mut p, "leaving the sentence model"),
        reanalysed
    );
    let mut words = Bilingual::new();
    words.add("dam", "السد");
    words.add("water", "المياه");
    p.set_dictionary(Some(Arc::new(words)));
    kept_equals_fresh(&mut p, "setting a dictionary");

    // reopened, the project reads what it kept
    drop(p);
    let mut p = Project::open(&path).unwrap();
    assert_eq!(kept_equals_fresh(&mut p, "reopening"), reanalysed);
}

#[test]
fn a_read_only_project_computes_what_it_cannot_keep() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.parallax");
    let mut p = Project::open_or_create(&path).unwrap();
    p.import(&files("story"), now(), &mut |_| {});
    let expected = analysis(&p);
    p.clear_analysis_cache().unwrap();
    drop(p);
    let p = Project::open_read_only(&path).unwrap();
    assert_eq!(analysis(&p), expected);
    assert_eq!(analysis(&p), expected, "read twice");
}

#[test]
fn the_kept_analysis_survives_only_what_does_not_change_it() {
    // notes and tags are not inputs: adding one keeps the analysis as it was computed
    let dir = tempfile::tempdir().unwrap();
    let mut p = Project::open_or_create(&dir.path().join("notes.parallax")).unwrap();
    p.import(&files("story"), now(), &mut |_| {});
    let before = kept_equals_fresh(&mut p, "the import");
    let statement = before.report.statements[0].id;
    let target: parallax_core::notes::Target = format!("statement:{statement}").parse().unwrap();
    p.add_tag(&target, "checked", now()).unwrap();
    let after = kept_equals_fresh(&mut p, "a tag");
    assert_eq!(after.groups, before.groups);
    assert_eq!(after.report.statements[0].tags, vec!["checked".to_owned()]);
}

/// Every writer of what the analysis is computed from moves the generation the kept
/// analysis is filed under, including those whose change leaves today's analysis as it was
/// (a re-analysis by the same engine), so that none can leave a stale value behind.
#[test]
fn every_change_to_the_inputs_moves_the_generation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.parallax");
    let generation = || -> i64 {
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("SELECT n FROM analysis_generation", [], |r| r.get(0))
            .unwrap()
    };
    let mut p = Project::open_or_create(&path).unwrap();
    let mut last = generation();
    let mut moved = |what: &str| {
        let now = generation();
        assert!(
            now > last,
            "{what} must move the generation ({last} → {now})"
        );
        last = now;
    };
    p.import(&files("story"), now(), &mut |_| {});
    moved("an import");
    p.analyze(&mut |_| {}).unwrap();
    moved("a re-analysis");
    let actor = p.actors().unwrap()[0].key.clone();
    p.edit_actor(
        &ActorEditRequest::Rename {
            actor,
            name: "Samir Nassar of the council".into(),
        },
        now(),
    )
    .unwrap();
    moved("an actor edit");
    p.undo_actor_edit().unwrap();
    moved("undoing it");
    let group = p
        .compare(None)
        .unwrap()
        .into_iter()
        .find(|g| g.statements.len() >= 2)
        .unwrap();
    p.record_group_edit(
        &GroupEditRequest::Split {
            statements: vec![group.statements[1].id],
        },
        now(),
    )
    .unwrap();
    moved("a group edit");
    p.undo_group_edit().unwrap();
    moved("undoing it");
    p.set_sentence_model(Some(model_file(dir.path())));
    let never = AtomicBool::new(false);
    assert!(p.embed_pending(1, &mut |_, _| {}, &never).unwrap() > 0);
    moved("embedding");
}
