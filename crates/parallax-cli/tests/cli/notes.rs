//! `parallax notes`, `note add|edit|rm`, `tag add|rm` and notes in `parallax search`: what
//! an analyst typing them sees, on the fixture story, with invented notes.

use std::path::Path;

use predicates::prelude::*;

use super::{imported_story, json_lines, parallax};

fn run(project: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    let (command, rest) = args.split_first().unwrap();
    parallax()
        .arg(command)
        .args(&rest[..1])
        .arg(project)
        .args(&rest[1..])
        .assert()
}

fn notes(project: &Path) -> Vec<serde_json::Value> {
    let out = parallax()
        .arg("notes")
        .arg(project)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    json_lines(&out.stdout)
}

/// The id `statements` prints first on the line of a statement containing `needle`.
fn statement_id(project: &Path, needle: &str) -> String {
    let out = parallax().arg("statements").arg(project).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("a statement contains {needle:?}:\n{text}"));
    let head = lines[i - 1];
    head.strip_prefix('#')
        .and_then(|h| h.split_whitespace().next())
        .unwrap_or_else(|| panic!("`statements` starts a statement with its id: {head}"))
        .to_owned()
}

#[test]
fn notes_and_tags_are_added_listed_found_and_removed() {
    let (_dir, project) = imported_story();
    let id = statement_id(&project, "بوابات سد الزيرين ستفتح");
    let statement = format!("statement:{id}");

    // an invented note with hamza on alef and a haa for taa marbuta
    run(
        &project,
        &[
            "note",
            "add",
            &statement,
            "الوزيرة أكدت الموعد في الجلسة المقبله",
        ],
    )
    .success()
    .stdout(predicate::str::contains(format!(
        "note added to {statement}"
    )));
    run(&project, &["tag", "add", &statement, "deadline"]).success();
    run(&project, &["tag", "add", "article:1", "first day"]).success();

    let list = notes(&project);
    assert_eq!(list.len(), 2, "{list:#?}");
    let on_statement = list
        .iter()
        .find(|n| n["target"] == statement.as_str())
        .unwrap();
    assert_eq!(
        on_statement["note"],
        "الوزيرة أكدت الموعد في الجلسة المقبله"
    );
    assert_eq!(on_statement["tags"], serde_json::json!(["deadline"]));

    // found by search with a bare alef and a taa marbuta, after re-analysis renumbered it
    parallax().arg("analyze").arg(&project).assert().success();
    let id_now = statement_id(&project, "بوابات سد الزيرين ستفتح");
    parallax()
        .arg("search")
        .arg(&project)
        .arg("اكدت المقبلة")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "note on statement:{id_now}"
        )))
        .stdout(predicate::str::contains("الوزيرة أكدت"));
    let json = parallax()
        .arg("search")
        .arg(&project)
        .arg("اكدت")
        .arg("--json")
        .output()
        .unwrap();
    let lines = json_lines(&json.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l["type"] == "note" && l["target"] == format!("statement:{id_now}")),
        "{lines:#?}"
    );

    let plain = parallax().arg("notes").arg(&project).output().unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(
        plain.contains(&format!("statement:{id_now}  [deadline]")),
        "{plain}"
    );
    assert!(plain.contains("article:1  [first day]"), "{plain}");

    let statement_now = format!("statement:{id_now}");
    run(
        &project,
        &[
            "note",
            "edit",
            &statement_now,
            "Checked against the agency copy.",
        ],
    )
    .success();
    let edited = notes(&project);
    assert!(
        edited.iter().any(|n| n["target"] == statement_now.as_str()
            && n["note"] == "Checked against the agency copy."),
        "the note has its new text: {edited:#?}"
    );
    run(&project, &["note", "rm", &statement_now]).success();
    run(&project, &["tag", "rm", &statement_now, "deadline"]).success();
    run(&project, &["tag", "rm", "article:1", "first day"]).success();
    assert!(notes(&project).is_empty(), "everything was removed");
    parallax()
        .arg("notes")
        .arg(&project)
        .assert()
        .success()
        .stderr(predicate::str::contains("no notes or tags yet"));
}

#[test]
fn bad_targets_and_missing_notes_are_usage_errors_that_say_why() {
    let (_dir, project) = imported_story();
    run(&project, &["note", "add", "chapter:3", "text"])
        .code(2)
        .stderr(predicate::str::contains(
            "\"chapter:3\" is not a target: write article:ID, statement:ID, actor:KEY or group:ID",
        ));
    run(&project, &["tag", "add", "statement:99999", "x"])
        .code(2)
        .stderr(predicate::str::contains("no statement with id 99999"));
    run(&project, &["note", "add", "actor:Nobody Atall", "text"])
        .code(2)
        .stderr(predicate::str::contains("no actor is called"));
    run(&project, &["note", "rm", "article:1"])
        .code(2)
        .stderr(predicate::str::contains("article:1 has no note"));
    run(&project, &["note", "add", "article:1", "   "])
        .code(2)
        .stderr(predicate::str::contains(
            "a note must have a visible character",
        ));
}

#[test]
fn a_note_on_an_actor_follows_it_by_its_key() {
    let (_dir, project) = imported_story();
    let out = parallax()
        .arg("actors")
        .arg(&project)
        .arg("--json")
        .output()
        .unwrap();
    let actors = json_lines(&out.stdout);
    let key = actors[0]["key"].as_str().unwrap().to_owned();
    let target = format!("actor:{key}");
    run(
        &project,
        &["note", "add", &target, "Spoke first on every channel."],
    )
    .success();
    parallax().arg("analyze").arg(&project).assert().success();
    let list = notes(&project);
    assert_eq!(list[0]["target"], target.as_str(), "{list:#?}");
    assert_eq!(list[0]["label"], actors[0]["name"]);
}

#[test]
fn a_tag_selects_what_an_export_holds() {
    let (dir, project) = imported_story();
    let id = statement_id(&project, "بوابات سد الزيرين ستفتح");
    run(
        &project,
        &["tag", "add", &format!("statement:{id}"), "deadline"],
    )
    .success();
    let out = dir.path().join("deadline.json");
    parallax()
        .arg("export")
        .arg(&project)
        .args(["--tag", "Deadline", "-o"])
        .arg(&out)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let statements = json["statements"].as_array().unwrap();
    assert_eq!(
        statements.len(),
        1,
        "only the tagged statement: {statements:#?}"
    );
    assert!(statements[0]["text"]
        .as_str()
        .unwrap()
        .contains("بوابات سد الزيرين ستفتح"));
    assert_eq!(json["selection"]["tags"], serde_json::json!(["Deadline"]));
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
}
