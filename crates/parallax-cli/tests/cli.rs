//! Black-box tests of the `parallax` binary: what a user typing commands sees.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;

#[path = "cli/correct.rs"]
mod correct;
#[path = "cli/notes.rs"]
mod notes;
#[path = "cli/report.rs"]
mod report;

/// The invented articles of the repository's `tests/fixtures` (its README says what is there).
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The Arabic fixture without a metadata line (it writes «يتعيّن» with a shadda).
fn orchards() -> PathBuf {
    fixtures().join("extra/ar-wadinews-orchards.txt")
}

/// The binary, with no sentence model unless a test names one (`--model`): the figures
/// and outputs tested here must not depend on what the machine has in its cache.
fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.env("PARALLAX_MODEL", "/nonexistent/parallax-test-model.bin");
    cmd
}

/// A new project in a temporary folder with the fixture story (`tests/fixtures/story`, one
/// event in five outlets, Arabic and English) imported.
fn imported_story() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("story.parallax");
    parallax()
        .arg("import")
        .arg(&project)
        .arg(fixtures().join("story"))
        .assert()
        .success();
    (dir, project)
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

#[test]
fn import_reimport_and_search_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.parallax");
    let news = fixtures().join("story");
    let dev = fixtures().join("extra");

    parallax()
        .arg("import")
        .arg(&project)
        .arg(&news)
        .arg(&dev)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "7 imported, 0 duplicates, 0 failed",
        ));

    parallax()
        .arg("import")
        .arg(&project)
        .arg(&news)
        .arg(&dev)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 imported, 7 duplicates, 0 failed",
        ));

    let out = parallax()
        .arg("articles")
        .arg(&project)
        .arg("--json")
        .assert()
        .success();
    let articles = json_lines(&out.get_output().stdout);
    assert_eq!(articles.len(), 7);
    for a in &articles {
        for key in ["id", "title", "outlet", "lang", "published_at", "source"] {
            assert!(a.get(key).is_some(), "articles --json has {key}: {a}");
        }
    }
    assert!(
        articles.iter().any(|a| a["lang"] == "ar") && articles.iter().any(|a| a["lang"] == "en")
    );

    // Arabic, written without the shadda the article has.
    let out = parallax()
        .arg("search")
        .arg(&project)
        .arg("يتعين")
        .arg("--json")
        .assert()
        .success();
    let hits = json_lines(&out.get_output().stdout);
    assert!(
        hits.iter().any(|h| h["source"]
            .as_str()
            .unwrap()
            .ends_with("ar-wadinews-orchards.txt")),
        "the orchards article is found: {hits:?}"
    );
    // English
    let out = parallax()
        .arg("search")
        .arg(&project)
        .arg("Nassar")
        .arg("--json")
        .assert()
        .success();
    let hits = json_lines(&out.get_output().stdout);
    assert!(
        hits.len() >= 3,
        "several English articles name Nassar: {hits:?}"
    );
    for h in &hits {
        // full-text hits show the name; the others name him in Arabic, and say so
        let shown = h["via"].as_str().unwrap_or("Nassar");
        assert!(h["snippet"].as_str().unwrap().contains(shown), "{h}");
    }
    assert!(
        hits.iter()
            .any(|h| h["lang"] == "ar" && h["via"].as_str().is_some_and(|v| v.contains("نصار"))),
        "the actor registry finds the Arabic articles that name Nassar «نصار»: {hits:?}"
    );
    let out = parallax()
        .arg("search")
        .arg(&project)
        .arg("Nassar")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.contains("names «") && text.contains("نصار"),
        "the text output marks the hits found by the actor's other name: {text}"
    );

    // show
    let id = articles[0]["id"].as_i64().unwrap();
    parallax()
        .arg("show")
        .arg(&project)
        .arg(id.to_string())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            articles[0]["title"].as_str().unwrap(),
        ));
    parallax()
        .arg("show")
        .arg(&project)
        .arg("99999")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article with id 99999"));
}

#[test]
fn a_file_that_is_not_an_article_batch_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.parallax");
    // An annotation file beside the articles: JSON, but no article has a text.
    let gold = dir.path().join("gold.json");
    std::fs::write(
        &gold,
        r#"{"actors": {"nassar": {"name": "Samir Nassar"}}, "articles": [{"file": "articles/a.txt", "lang": "ar", "statements": []}]}"#,
    )
    .unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&gold)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("gold.json"))
        .stdout(predicate::str::contains(
            "0 imported, 0 duplicates, 1 failed",
        ));
}

#[test]
fn usage_errors_and_unusable_projects_exit_2() {
    parallax()
        .arg("import")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage"));
    parallax().arg("frobnicate").assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let not_project = dir.path().join("notes.txt");
    std::fs::write(&not_project, "hello").unwrap();
    parallax()
        .arg("articles")
        .arg(&not_project)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a Parallax project"));
    parallax()
        .arg("import")
        .arg(&not_project)
        .arg(fixtures().join("extra"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a Parallax project"));
    assert_eq!(std::fs::read_to_string(&not_project).unwrap(), "hello");
}

#[test]
fn damaged_and_newer_projects_exit_2_and_say_why() {
    let (dir, project) = imported_story();
    // A project from a newer Parallax.
    let newer = dir.path().join("newer.parallax");
    std::fs::copy(&project, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 9_999)
        .unwrap();
    for args in [&["articles"][..], &["import"]] {
        let mut cmd = parallax();
        cmd.args(args).arg(&newer);
        if args == ["import"] {
            cmd.arg(orchards());
        }
        cmd.assert()
            .code(2)
            .stderr(predicate::str::contains("written by a newer Parallax"));
    }

    // A project whose pages after the first were overwritten: the header still says
    // Parallax, the tables are garbage.
    let mut bytes = std::fs::read(&project).unwrap();
    assert!(bytes.len() > 3 * 4096, "a project of several pages");
    for b in &mut bytes[4096..] {
        *b = 0x5A;
    }
    let damaged = dir.path().join("damaged.parallax");
    std::fs::write(&damaged, &bytes).unwrap();
    for args in [&["articles"][..], &["import"]] {
        let mut cmd = parallax();
        cmd.args(args).arg(&damaged);
        if args == ["import"] {
            cmd.arg(orchards());
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: an unusable project: {stderr}{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(stderr.contains("damaged.parallax"), "{args:?}: {stderr}");
    }
}

#[test]
fn help_shows_examples() {
    for sub in [
        "import",
        "articles",
        "show",
        "search",
        "extract",
        "statements",
        "analyze",
        "actors",
        "compare",
        "notes",
    ] {
        parallax()
            .arg(sub)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
    for sub in [
        ["note", "add"],
        ["note", "edit"],
        ["note", "rm"],
        ["tag", "add"],
        ["tag", "rm"],
    ] {
        parallax()
            .args(sub)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("TARGET is article:ID"))
            .stdout(predicate::str::contains("Example"));
    }
}

/// An import killed half-way leaves a consistent project: every stored article has its
/// index entry and its analysis, and importing again completes it.
#[test]
fn an_import_killed_half_way_leaves_the_project_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("killed.parallax");
    let src = dir.path().join("many");
    std::fs::create_dir(&src).unwrap();
    // Many distinct articles, so that the kill lands mid-import.
    let base = std::fs::read_to_string(orchards()).unwrap();
    for i in 0..2000 {
        std::fs::write(
            src.join(format!("a{i:04}.txt")),
            format!("{base}\nنسخة رقم {i}\n"),
        )
        .unwrap();
    }
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("parallax"))
        .arg("import")
        .arg(&project)
        .arg(&src)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some articles are committed, then kill it.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(5));
        let n = count(&project);
        if n > 5 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let stored = count(&project);
    assert!(
        stored > 0 && stored < 2000,
        "the kill landed mid-import ({stored} stored)"
    );

    let conn = rusqlite::Connection::open(&project).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let unanalysed: i64 = conn
        .query_row("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_actors x WHERE x.article_id = a.id)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(unanalysed, 0, "every stored article has its analysis");
    drop(conn);

    parallax()
        .arg("import")
        .arg(&project)
        .arg(&src)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{} imported, {stored} duplicates, 0 failed",
            2000 - stored
        )));
    parallax()
        .arg("search")
        .arg(&project)
        .arg("نسخة")
        .assert()
        .success();
}

fn count(project: &Path) -> i64 {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(project, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn extract_prints_statements_as_json_lines() {
    let out = parallax()
        .arg("extract")
        .arg(orchards())
        .arg("--json")
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert!(!lines.is_empty(), "the orchards article has statements");
    for l in &lines {
        for key in [
            "source", "actor", "speaker", "kind", "cue", "stance", "text", "start", "end",
        ] {
            assert!(l.get(key).is_some(), "extract --json has {key}: {l}");
        }
    }
}

/// What `parallax COMMAND PROJECT --json` lists.
fn listed(command: &str, project: &Path) -> Vec<serde_json::Value> {
    let out = parallax()
        .arg(command)
        .arg(project)
        .arg("--json")
        .assert()
        .success();
    json_lines(&out.get_output().stdout)
}

fn actors(project: &Path) -> Vec<serde_json::Value> {
    listed("actors", project)
}

fn actor_named<'a>(list: &'a [serde_json::Value], needle: &str) -> Vec<&'a serde_json::Value> {
    list.iter()
        .filter(|a| {
            a["name"].as_str().unwrap_or("").contains(needle)
                || a["aliases"]
                    .as_array()
                    .is_some_and(|v| v.iter().any(|x| x.as_str().unwrap_or("").contains(needle)))
        })
        .collect()
}

/// One actor across scripts, and an analyst's rename that survives re-analysis and a
/// later import, and can be undone.
#[test]
fn actors_are_one_across_scripts_and_edits_survive_reanalysis() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("study.parallax");
    parallax()
        .arg("import")
        .arg(&project)
        .arg(fixtures().join("story"))
        .arg(fixtures().join("extra"))
        .assert()
        .success();

    let list = actors(&project);
    for (latin, arabic) in [("Berglund", "بيرغلوند"), ("Mansour", "رانيا منصور")]
    {
        let found = actor_named(&list, latin);
        assert_eq!(found.len(), 1, "one actor for {latin}: {found:#?}");
        let aliases = found[0]["aliases"].to_string() + found[0]["name"].as_str().unwrap();
        assert!(
            aliases.contains(arabic),
            "{latin}'s actor also carries the Arabic {arabic}: {aliases}"
        );
    }

    let mansour = actor_named(&list, "Mansour")[0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    parallax()
        .args(["actors", "rename"])
        .arg(&project)
        .arg(&mansour)
        .arg("Union head Mansour")
        .assert()
        .success();
    parallax().arg("analyze").arg(&project).assert().success();
    let later = dir.path().join("later.txt");
    let text = std::fs::read_to_string(fixtures().join("story/en-coastalherald-dam.txt")).unwrap();
    std::fs::write(&later, format!("{text}\nUpdated later.\n")).unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&later)
        .assert()
        .success();
    let list = actors(&project);
    assert!(
        list.iter().any(|a| a["name"] == "Union head Mansour"),
        "the rename survives analyze and a later import"
    );

    parallax()
        .args(["actors", "undo"])
        .arg(&project)
        .assert()
        .success();
    let list = actors(&project);
    assert!(
        !list.iter().any(|a| a["name"] == "Union head Mansour"),
        "undo takes the rename back"
    );

    for g in listed("compare", &project) {
        for key in ["actor", "group", "claim", "statements", "missing_from"] {
            assert!(g.get(key).is_some(), "compare --json has {key}: {g}");
        }
        for s in g["statements"].as_array().unwrap() {
            for key in [
                "id",
                "source",
                "outlet",
                "text",
                "kind",
                "stance",
                "published_at",
                "diff",
                "diff_against",
            ] {
                assert!(s.get(key).is_some(), "a compared statement has {key}: {s}");
            }
        }
    }
}

/// A group of `compare --json`: actor, statement texts, statement ids.
type Group = (String, Vec<String>, Vec<i64>);

/// The groups of `compare --json`.
fn groups(project: &Path) -> Vec<Group> {
    listed("compare", project)
        .into_iter()
        .map(|g| {
            let st = g["statements"].as_array().unwrap();
            (
                g["actor"].as_str().unwrap().to_owned(),
                st.iter()
                    .map(|s| s["text"].as_str().unwrap().to_owned())
                    .collect(),
                st.iter().map(|s| s["id"].as_i64().unwrap()).collect(),
            )
        })
        .collect()
}

/// An analyst's merge of two groups survives re-analysis (new statement ids) and a later
/// import, and can be undone; statements of different actors cannot be merged.
#[test]
fn group_edits_survive_reanalysis_and_imports_and_can_be_undone() {
    let (dir, project) = imported_story();
    let before = groups(&project);
    // two single-statement groups of one actor
    let mut singles: std::collections::BTreeMap<&str, Vec<&Group>> = Default::default();
    for g in before.iter().filter(|g| g.1.len() == 1) {
        singles.entry(g.0.as_str()).or_default().push(g);
    }
    let (_, pair) = singles
        .iter()
        .find(|(_, v)| v.len() >= 2)
        .expect("an actor with two single-statement groups");
    let (a, b) = (pair[0], pair[1]);
    let together = |gs: &[Group]| {
        gs.iter()
            .any(|g| g.1.contains(&a.1[0]) && g.1.contains(&b.1[0]))
    };
    assert!(!together(&before));
    parallax()
        .args(["compare", "merge"])
        .arg(&project)
        .arg(a.2[0].to_string())
        .arg(b.2[0].to_string())
        .assert()
        .success();
    assert!(together(&groups(&project)), "merged");

    parallax().arg("analyze").arg(&project).assert().success();
    let later = dir.path().join("later.txt");
    let text = std::fs::read_to_string(orchards()).unwrap();
    std::fs::write(&later, text).unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&later)
        .assert()
        .success();
    let after = groups(&project);
    assert!(
        together(&after),
        "the merge survives analyze and a later import"
    );
    assert!(
        !after.iter().flat_map(|g| &g.2).any(|id| a.2.contains(id)),
        "statement ids changed with the re-analysis"
    );

    // statements of two actors are refused with a reason
    let other = before.iter().find(|g| g.0 != a.0).unwrap();
    parallax()
        .args(["compare", "merge"])
        .arg(&project)
        .arg(after.iter().find(|g| g.1.contains(&a.1[0])).unwrap().2[0].to_string())
        .arg(after.iter().find(|g| g.1.contains(&other.1[0])).unwrap().2[0].to_string())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("different actors"));

    parallax()
        .args(["compare", "undo"])
        .arg(&project)
        .assert()
        .success();
    assert!(!together(&groups(&project)), "undo takes the merge back");
}

/// The statement count of the one actor whose name or aliases contain `needle`.
fn statements_of(list: &[serde_json::Value], needle: &str) -> i64 {
    let found = actor_named(list, needle);
    assert_eq!(found.len(), 1, "one actor for {needle}: {found:#?}");
    found[0]["statements"].as_i64().unwrap()
}

/// An analyst's merge of two actors and split of one article's mentions out of an actor
/// survive `analyze` and the import of a new article.
#[test]
fn actor_merge_and_split_survive_reanalysis_and_imports() {
    let (dir, project) = imported_story();
    let before = actors(&project);
    let mansour = statements_of(&before, "Rania Mansour");
    let council = before
        .iter()
        .find(|a| a["kind"] == "organisation" && a["name"] == "Northern Basin Council")
        .expect("the council is an actor");
    let (council_statements, council_key) = (
        council["statements"].as_i64().unwrap(),
        council["key"].as_str().unwrap().to_owned(),
    );
    let river_post = listed("articles", &project)
        .into_iter()
        .find(|a| a["source"].as_str().unwrap().contains("riverpost"))
        .expect("the River Post article");
    let river_post_id = river_post["id"].as_i64().unwrap().to_string();
    let in_river_post = listed("statements", &project)
        .iter()
        .filter(|s| {
            s["source"] == river_post["source"] && s["actor"].as_str().unwrap().contains("Mansour")
        })
        .count() as i64;
    assert!(
        in_river_post > 0,
        "Mansour speaks in the River Post article"
    );

    parallax()
        .args(["actors", "merge"])
        .arg(&project)
        .args(["Rania Mansour", &council_key])
        .assert()
        .success();
    parallax()
        .args(["actors", "split"])
        .arg(&project)
        .arg("Rania Mansour")
        .args([
            "--mention",
            &river_post_id,
            "--name",
            "Mansour in the River Post",
        ])
        .assert()
        .success();
    // by name: the split-off actor keeps "Rania Mansour" as an alias of its mention
    let named = |list: &[serde_json::Value], name: &str| -> i64 {
        let found: Vec<_> = list.iter().filter(|a| a["name"] == name).collect();
        assert_eq!(found.len(), 1, "one actor named {name}: {found:#?}");
        found[0]["statements"].as_i64().unwrap()
    };
    let check = |when: &str| {
        let list = actors(&project);
        assert_eq!(
            named(&list, "Rania Mansour"),
            mansour + council_statements - in_river_post,
            "{when}: the council's statements are Mansour's, the River Post article's are not"
        );
        assert_eq!(
            named(&list, "Mansour in the River Post"),
            in_river_post,
            "{when}"
        );
        assert!(
            !list.iter().any(|a| a["key"] == council_key.as_str()),
            "{when}: the council is no longer an actor of its own"
        );
    };
    check("after the edits");
    parallax().arg("analyze").arg(&project).assert().success();
    check("after analyze");
    let later = dir.path().join("later.txt");
    // an article in which neither Mansour nor the council speaks
    let text =
        std::fs::read_to_string(fixtures().join("extra/en-valley-gazette-opinion.txt")).unwrap();
    std::fs::write(&later, format!("{text}\nUpdated later.\n")).unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&later)
        .assert()
        .success();
    check("after a later import");
}

/// Issue 4's acceptance, on the fixture story: one actor each for Nassar, Mansour and
/// Berglund, each with names in both scripts, and one for the river council, which speaks
/// in outlets of both languages.
#[test]
fn story_actors_are_one_each_across_languages() {
    let (_dir, project) = imported_story();
    let list = actors(&project);
    for (latin, arabic) in [
        ("Nassar", "سمير نصار"),
        ("Mansour", "رانيا منصور"),
        ("Berglund", "توماس بيرغلوند"),
    ] {
        let found = actor_named(&list, latin);
        assert_eq!(found.len(), 1, "one actor for {latin}: {found:#?}");
        let names = found[0]["aliases"].to_string() + found[0]["name"].as_str().unwrap();
        assert!(
            names.contains(arabic),
            "{latin}'s actor is also {arabic}: {names}"
        );
        assert!(
            actor_named(&list, arabic).len() == 1,
            "no other actor is named {arabic}"
        );
    }
    let council = actor_named(&list, "Northern Basin Council");
    assert_eq!(council.len(), 1, "one council: {council:#?}");
    let outlets = council[0]["outlets"].as_array().unwrap();
    assert!(
        outlets.len() >= 2,
        "the council speaks in several outlets: {outlets:?}"
    );
    assert!(
        council[0]["aliases"]
            .to_string()
            .contains("مجلس الحوض الشمالي"),
        "the council carries its Arabic name: {}",
        council[0]
    );

    parallax()
        .arg("import")
        .arg(&project)
        .arg(fixtures().join("extra"))
        .assert()
        .success();
    let list = actors(&project);
    assert_eq!(
        actor_named(&list, "Nassar").len(),
        1,
        "still one Nassar after the opinion piece names him"
    );
}

/// A dictionary that is not there is a clear usage error, not a silent fallback.
#[test]
fn compare_with_a_missing_dictionary_is_a_usage_error() {
    let (_dir, project) = imported_story();
    parallax()
        .arg("compare")
        .arg(&project)
        .args(["--dictionary", "/nonexistent/eng-ara"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no dictionary at /nonexistent/eng-ara",
        ));
}

/// `coverage`: the actors x outlets and claims x outlets matrices add up to the statements
/// that `compare` groups, and the readable form names the actors with their outlets.
#[test]
fn coverage_counts_add_up_to_the_compared_statements() {
    let (_dir, project) = imported_story();
    let out = parallax()
        .arg("coverage")
        .arg(&project)
        .args(["--claims", "--json"])
        .assert()
        .success();
    let cov: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let groups = listed("compare", &project);
    let compared: u64 = groups
        .iter()
        .map(|g| g["statements"].as_array().unwrap().len() as u64)
        .sum();
    let total = |m: &serde_json::Value| -> u64 {
        m.as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap())
            .map(|n| n.as_u64().unwrap())
            .sum()
    };
    assert_eq!(total(&cov["by_actor"]), compared, "actors x outlets");
    assert_eq!(total(&cov["by_claim"]), compared, "claims x outlets");
    assert_eq!(cov["claims"].as_array().unwrap().len(), groups.len());
    let outlets = cov["outlets"].as_array().unwrap();
    assert!(
        outlets.iter().any(|o| o == "coastalherald.example"),
        "{outlets:?}"
    );

    parallax()
        .arg("coverage")
        .arg(&project)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Samir Nassar (")
                .and(predicate::str::contains("valleycourier.example")),
        );
}

/// Two invented articles quoting one minister, for the sentence-model tests.
fn minister_articles(dir: &Path) -> Vec<PathBuf> {
    let texts = [
        ("a.txt", "Ports reopen\n\nTransport Minister Lina Haddad said that the northern port would reopen on Monday.\n\nTransport Minister Lina Haddad said that ferry fares would stay unchanged.\n"),
        ("b.txt", "Harbour news\n\nTransport Minister Lina Haddad said that the harbour in the north opens again next week.\n\nTransport Minister Lina Haddad said that ticket prices for ferries were not rising.\n"),
    ];
    texts
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

/// `parallax import PROJECT <the minister articles> --model MODEL`.
fn import_with_model(project: &Path, dir: &Path, model: &Path) -> assert_cmd::assert::Assert {
    parallax()
        .arg("import")
        .arg(project)
        .args(minister_articles(dir))
        .arg("--model")
        .arg(model)
        .assert()
}

#[test]
fn import_embeds_with_the_model_and_compare_uses_it_with_no_further_step() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.bin");
    std::fs::write(&model, parallax_core::nlp::embed::tiny::tiny_model(5)).unwrap();
    let project = dir.path().join("p.parallax");
    import_with_model(&project, dir.path(), &model)
        .success()
        .stderr(predicate::str::contains("no sentence model").not());
    // everything that can align was embedded by import
    parallax()
        .args(["embed"])
        .arg(&project)
        .arg("--model")
        .arg(&model)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 statements embedded; 4 of 4"));
    parallax()
        .arg("compare")
        .arg(&project)
        .arg("--model")
        .arg(&model)
        .assert()
        .success()
        .stderr(predicate::str::contains("have no sentence vector").not());
    // without the model: the words alone, and stderr says why
    parallax()
        .arg("compare")
        .arg(&project)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "no sentence model at /nonexistent/parallax-test-model.bin",
        ));
    parallax()
        .arg("compare")
        .arg(&project)
        .arg("--no-model")
        .assert()
        .success()
        .stderr(predicate::str::contains("no sentence model").not());
}

#[test]
fn a_damaged_model_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("broken-model.bin");
    std::fs::write(&model, b"E5S1 but nothing after").unwrap();
    let project = dir.path().join("p.parallax");
    import_with_model(&project, dir.path(), &model)
        .failure()
        .stderr(predicate::str::contains("broken-model.bin"));
}

#[test]
fn extract_explain_names_the_rules_of_each_statement() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ferry.txt");
    std::fs::write(
        &file,
        "“We will reopen the ferry line next month,” the Harbor Authority said.\n\nThe statement added that fares would stay frozen.\n",
    )
    .unwrap();
    let out = parallax()
        .arg("extract")
        .arg(&file)
        .arg("--json")
        .arg("--explain")
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 2, "two statements: {lines:?}");
    for l in &lines {
        let rules = l["rules"]
            .as_array()
            .expect("--explain adds rules to each line");
        assert!(
            !rules.is_empty(),
            "every statement was found by some rule: {l}"
        );
    }
    assert!(
        lines[1]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap_or("").starts_with("document_")),
        "a bare document gives way to its author, and the trace says so: {}",
        lines[1]
    );
    let text = parallax()
        .arg("extract")
        .arg(&file)
        .arg("--explain")
        .assert()
        .success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert_eq!(
        text.matches("    rules: ").count(),
        2,
        "one rules line per statement:\n{text}"
    );
}

/// A small English article with one statement, different for each `n` (invented text).
fn generated_article(n: usize) -> String {
    format!(
        "Bridge works, report {n}\n\n\u{201C}Lane {n} will reopen in spring,\u{201D} Mayor \
         Jane Hollis said on Tuesday.\n\nJane Hollis added that crews would inspect {n} \
         supports.\n"
    )
}

#[test]
fn two_concurrent_imports_of_a_thousand_files_each_both_complete() {
    const FILES_EACH: usize = 1_000;
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("shared.parallax");
    // An actor for the analyst to edit while both imports run.
    let seed = dir.path().join("seed.txt");
    std::fs::write(
        &seed,
        "Port report\n\n\u{201C}The port stays open,\u{201D} Omar Haddad said on Monday.\n",
    )
    .unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&seed)
        .assert()
        .success();
    let folders: Vec<PathBuf> = (0..2)
        .map(|f| {
            let folder = dir.path().join(format!("batch{f}"));
            std::fs::create_dir(&folder).unwrap();
            for i in 0..FILES_EACH {
                let n = f * FILES_EACH + i;
                std::fs::write(folder.join(format!("{i:04}.txt")), generated_article(n)).unwrap();
            }
            folder
        })
        .collect();
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let children: Vec<_> = folders
        .iter()
        .map(|folder| {
            // no sentence model: what is tested is storing, and embedding 2,000 articles'
            // statements in a debug build takes minutes
            StdCommand::new(&bin)
                .arg("import")
                .arg("--no-model")
                .arg(&project)
                .arg(folder)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let names = ["Omar Haddad", "Omar al-Haddad"];
    for edit in 0..6 {
        let (from, to) = (names[edit % 2], names[(edit + 1) % 2]);
        let out = parallax()
            .args(["actors", "rename"])
            .arg(&project)
            .args([from, to])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "an edit during the imports waits for its turn: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stdout.contains("locked") && !stderr.contains("locked"),
            "{}\n{stdout}\n{stderr}",
            out.status
        );
        assert!(
            stdout.contains(&format!("{FILES_EACH} imported, 0 duplicates, 0 failed")),
            "{stdout}"
        );
    }
    assert_eq!(count(&project), 2 * FILES_EACH as i64 + 1);
}

/// The binary, run as an unprivileged user when the tests run as root (for whom file
/// permissions do not apply). It runs from a copy in `dir`, which that user can reach: the
/// build folder may be inside root's home.
#[cfg(unix)]
fn parallax_without_privileges(dir: &Path) -> StdCommand {
    use std::os::unix::fs::PermissionsExt;
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let root = StdCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let mut command = if root {
        let copy_dir = dir.join("bin");
        std::fs::create_dir_all(&copy_dir).unwrap();
        let copy = copy_dir.join("parallax");
        std::fs::copy(&bin, &copy).unwrap();
        for path in [dir, copy_dir.as_path(), copy.as_path()] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mut wrapped = StdCommand::new("setpriv");
        wrapped
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(copy);
        wrapped
    } else {
        StdCommand::new(bin)
    };
    command.env("PARALLAX_MODEL", "/nonexistent/parallax-test-model.bin");
    command
}

#[cfg(unix)]
#[test]
fn a_read_only_project_can_be_read_and_says_it_cannot_be_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shelf");
    std::fs::create_dir(&folder).unwrap();
    let project = folder.join("p.parallax");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, generated_article(1)).unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&article)
        .assert()
        .success();
    for path in [dir.path(), folder.as_path(), article.as_path()] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::set_permissions(&project, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = parallax_without_privileges(dir.path())
        .arg("articles")
        .arg(&project)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "reading works: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 articles"));

    let out = parallax_without_privileges(dir.path())
        .arg("import")
        .arg(&project)
        .arg(&article)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "an unusable project: {stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(!stderr.contains("not a Parallax project"), "{stderr}");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported_as_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    let locked = articles.join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    for (n, name) in ["a.txt", "b.txt", "locked/c.txt", "d.txt"]
        .iter()
        .enumerate()
    {
        std::fs::write(articles.join(name), generated_article(n)).unwrap();
    }
    // where the unprivileged user may create the project
    let projects = dir.path().join("projects");
    std::fs::create_dir(&projects).unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode(&projects, 0o777);
    mode(&articles, 0o755);
    mode(&articles.join("a.txt"), 0o644);
    mode(&articles.join("d.txt"), 0o644);
    mode(&articles.join("b.txt"), 0o000);
    mode(&locked, 0o000);

    let out = parallax_without_privileges(dir.path())
        .arg("import")
        .arg(projects.join("p.parallax"))
        .arg(&articles)
        .output()
        .unwrap();
    mode(&locked, 0o755);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the readable files are imported: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let failed: Vec<&str> = stdout.lines().filter(|l| l.starts_with("failed")).collect();
    assert_eq!(failed.len(), 2, "{stdout}");
    assert!(
        failed[0].ends_with("b.txt: permission denied"),
        "the unreadable file says why: {stdout}"
    );
    assert!(
        failed[1].ends_with("locked: permission denied"),
        "the unreadable folder says why, not \"is a folder\": {stdout}"
    );
    assert!(
        stdout.contains("2 imported, 0 duplicates, 2 failed"),
        "{stdout}"
    );
}

#[test]
fn escape_codes_in_file_names_and_titles_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.parallax");
    // A name that would clear the screen and forge a summary line, holding junk.
    let evil = dir
        .path()
        .join("x\u{1b}[2J\nfailed     fake.txt: forged\u{202e}txt.exe.txt");
    std::fs::write(&evil, [0u8, 1, 2, 3]).unwrap();
    let batch = dir.path().join("b.json");
    std::fs::write(
        &batch,
        r#"[{"text": "The mayor spoke.", "title": "T\u001b]0;pwned\u0007\u202eitle", "outlet": "O\u001b[31m"}]"#,
    )
    .unwrap();
    let out = parallax()
        .arg("import")
        .arg(&project)
        .arg(&evil)
        .arg(&batch)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
        "{stdout:?}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("failed ")).count(),
        1,
        "one failure line, the forged one kept on it: {stdout}"
    );
    assert!(
        stdout.contains("\\u{1b}[2J"),
        "the escape is shown: {stdout}"
    );

    for command in ["articles", "search"] {
        let mut cmd = parallax();
        cmd.arg(command).arg(&project);
        if command == "search" {
            cmd.arg("mayor");
        }
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{command}");
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}') && !stdout.contains('\u{202e}'),
            "{command}: {stdout:?}"
        );
    }
    // JSON output keeps data exact (escaped by JSON itself).
    let list = listed("articles", &project);
    assert_eq!(
        list[0]["title"], "T]0;pwned\u{202e}itle",
        "control characters dropped at import"
    );
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.parallax");
    let batch = dir.path().join("many.jsonl");
    // More output than a pipe holds (64 KB) from every command below.
    let long_title = "on the bridge works and the roads around them ".repeat(5);
    let long_quote = "and every crew on the river will work through the night to finish the \
        repairs before the floods of the coming season reach the valley";
    let lines: String = (0..250)
        .map(|n| {
            let text =
                generated_article(n).replace("in spring", &format!("in spring {long_quote}"));
            format!(
                "{}\n",
                serde_json::json!({"text": text, "title": format!("Report {n} {long_title}")})
            )
        })
        .collect();
    std::fs::write(&batch, lines).unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&batch)
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    for args in [
        vec!["articles"],
        vec!["articles", "--json"],
        vec!["statements"],
        vec!["compare", "--no-model"],
        vec!["search", "bridge", "--limit", "250"],
    ] {
        let mut child = StdCommand::new(&bin)
            .env("PARALLAX_MODEL", "/nonexistent/parallax-test-model.bin")
            .arg(args[0])
            .arg(&project)
            .args(&args[1..])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        use std::io::Read;
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // the pipe is closed here, as `| head` closes it
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn an_actor_cannot_be_renamed_to_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.parallax");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, generated_article(7)).unwrap();
    parallax()
        .arg("import")
        .arg(&project)
        .arg(&article)
        .assert()
        .success();
    let list = actors(&project);
    let name = list[0]["name"].as_str().expect("an actor").to_string();
    for empty in ["", "   ", "\u{200f}"] {
        parallax()
            .args(["actors", "rename"])
            .arg(&project)
            .arg(&name)
            .arg(empty)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("visible character"));
    }
}
