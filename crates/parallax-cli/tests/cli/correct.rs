//! `parallax correct`: the analyst's corrections of statements, as a user sees them in
//! `statements`, kept across `analyze`, undone, listed, refused with a reason.

use super::{imported_story, json_lines, parallax};

fn statements(project: &std::path::Path) -> Vec<serde_json::Value> {
    let out = parallax()
        .args(["statements"])
        .arg(project)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    json_lines(&out.stdout)
}

fn with_text<'a>(list: &'a [serde_json::Value], needle: &str) -> Option<&'a serde_json::Value> {
    list.iter()
        .find(|s| s["text"].as_str().unwrap_or_default().contains(needle))
}

#[test]
fn a_statement_corrected_stays_corrected_after_analyze_and_undo_brings_it_back() {
    let (_dir, project) = imported_story();
    let list = statements(&project);
    let quote = with_text(&list, "orchards of the valley").expect("the minister's quotation");
    let id = quote["id"].as_i64().unwrap().to_string();
    let speaker = quote["actor"].as_str().unwrap().to_owned();

    parallax()
        .args(["correct", "actor"])
        .arg(&project)
        .args([&id, "Rania Mansour"])
        .assert()
        .success()
        .stdout(predicates::str::contains("corrected: actor Rania Mansour"));
    parallax()
        .args(["analyze"])
        .arg(&project)
        .assert()
        .success();
    let list = statements(&project);
    let quote = with_text(&list, "orchards of the valley").unwrap();
    assert_eq!(quote["actor"], "Rania Mansour");

    // a false one goes; the list says what is in force
    let id2 = quote["id"].as_i64().unwrap().to_string();
    parallax()
        .args(["correct", "delete"])
        .arg(&project)
        .arg(&id2)
        .assert()
        .success();
    assert!(with_text(&statements(&project), "orchards of the valley").is_none());
    let out = parallax()
        .args(["correct", "list"])
        .arg(&project)
        .arg("--json")
        .output()
        .unwrap();
    let ops: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|c| c["op"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ops, ["set_actor", "delete"]);

    for _ in 0..2 {
        parallax()
            .args(["correct", "undo"])
            .arg(&project)
            .assert()
            .success()
            .stdout(predicates::str::contains("undone:"));
    }
    let list = statements(&project);
    assert_eq!(
        with_text(&list, "orchards of the valley").unwrap()["actor"],
        speaker.as_str()
    );
    parallax()
        .args(["correct", "undo"])
        .arg(&project)
        .assert()
        .success()
        .stdout(predicates::str::contains("no correction to undo"));
}

#[test]
fn a_missed_statement_is_added_and_bad_corrections_exit_2_with_the_reason() {
    let (_dir, project) = imported_story();
    let out = parallax()
        .args(["articles"])
        .arg(&project)
        .arg("--json")
        .output()
        .unwrap();
    let article = json_lines(&out.stdout)
        .into_iter()
        .find(|a| {
            a["source"]
                .as_str()
                .unwrap_or_default()
                .contains("coastalherald")
        })
        .expect("the English article");
    let id = article["id"].as_i64().unwrap();
    let text = String::from_utf8(
        parallax()
            .args(["show"])
            .arg(&project)
            .arg(id.to_string())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("to relieve farms downstream"));
    // offsets are into the article's text: find them through the core's own reading
    let body = parallax_core::Project::open(&project)
        .unwrap()
        .article(parallax_core::model::ArticleId(id))
        .unwrap()
        .text;
    let words = "to relieve farms downstream";
    let start = body.find(words).unwrap();
    parallax()
        .args(["correct", "add"])
        .arg(&project)
        .args([
            id.to_string(),
            start.to_string(),
            (start + words.len()).to_string(),
            "Samir Nassar".into(),
            "--kind".into(),
            "indirect".into(),
            "--cue".into(),
            "said".into(),
        ])
        .assert()
        .success();
    let list = statements(&project);
    let added = list
        .iter()
        .find(|s| s["text"] == words)
        .expect("the added statement");
    assert!(added["actor"].as_str().unwrap().contains("Nassar"));

    parallax()
        .args(["correct", "delete"])
        .arg(&project)
        .arg("987654")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no statement has id 987654"));
    parallax()
        .args(["correct", "span"])
        .arg(&project)
        .args([
            added["id"].as_i64().unwrap().to_string(),
            "10".into(),
            "5".into(),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not a stretch of words"));
}
