//! Reports and exports: the model of a selection, and every format escaping hostile text.
//! The articles are invented here (an Arabic and two English reports of one claim, and one
//! article full of markup and formulas).

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use parallax_core::report::{self, Report, Selection};
use parallax_core::Project;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).unwrap()
}

/// The Arabic statement of the fixture, as the extractor takes it (the clause after «إن»).
pub const ARABIC_SENTENCE: &str = "اتفاق المياه سيوقع الأسبوع المقبل";

/// Invented articles, as `URL | title` text files.
pub fn fixture_articles(dir: &Path) -> Vec<std::path::PathBuf> {
    let files = [
        (
            "a1.txt",
            "https://daily-example.org/2024/03/05/water-talks | Water talks resume\n\n\
             Minister Samira Haddad said that the water agreement would be signed next week.\n\n\
             The talks resumed on Monday in the capital after a pause of two months.\n",
        ),
        (
            "a2.txt",
            "https://morning-example.com/2024/03/06/haddad-deal | Haddad expects a deal\n\n\
             Minister Samira Haddad said that the water agreement would be signed early next week.\n\n\
             Farmers in the valley have waited for the agreement since the dry summer.\n",
        ),
        (
            "a3.txt",
            "https://arabic-example.net/2024/03/05/water | محادثات المياه\n\n\
             وقالت الوزيرة سميرة حداد إن اتفاق المياه سيوقع الأسبوع المقبل.\n\n\
             واستؤنفت المحادثات يوم الاثنين في العاصمة بعد توقف دام شهرين.\n",
        ),
        (
            "a4.txt",
            "https://evil-example.org/2024/03/07/files | =HYPERLINK(\"http://evil.example\",\"open\") <script>alert('title')</script>\n\n\
             \"The <script>alert(1)</script> and <img src=x onerror=alert(2)> were found in </table> the files,\" Spokesman Omar Nasser said.\n\n\
             \"=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\") is what the files say,\" Omar Nasser said.\n",
        ),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn fixture_project(dir: &Path) -> Project {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let paths = fixture_articles(&articles);
    let mut project = Project::open_or_create(&dir.join("study.parallax")).unwrap();
    let summary = project.import(&paths, now(), &mut |_| {});
    assert_eq!(
        summary.count(parallax_core::model::FileStatus::Imported),
        4,
        "{summary:?}"
    );
    project
}

fn whole(project: &Project) -> Report {
    project.report(&Selection::default(), now()).unwrap()
}

fn unzip(bytes: &[u8]) -> HashMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = HashMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        parts.insert(entry.name().to_owned(), text);
    }
    parts
}

/// The tags of an HTML page (`<` to `>` outside of text), lowercase as given.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.find('>').map(|end| &rest[..end]))
        .collect()
}

/// RFC 4180 CSV, as a spreadsheet reads it: quoted cells may hold commas, quotes (doubled)
/// and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Parses XML to the end: a renderer's escaping mistake makes it ill-formed.
fn well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
        }
    }
}

#[test]
fn the_model_links_statements_groups_and_articles() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let r = whole(&project);
    assert_eq!(r.schema, report::SCHEMA);
    assert_eq!(r.project, "study");
    assert_eq!(r.summary.articles, 4);
    assert!(r.summary.statements >= 4, "{:#?}", r.statements);
    let haddad = r
        .actors
        .iter()
        .find(|a| a.name.contains("Haddad") || a.aliases.iter().any(|x| x.contains("Haddad")))
        .unwrap_or_else(|| panic!("the minister is an actor: {:#?}", r.actors));
    assert!(
        haddad.aliases.iter().any(|a| a.contains("حداد")) || haddad.name.contains("حداد"),
        "one actor across scripts: {haddad:#?}"
    );
    assert_eq!(haddad.outlets.len(), 3, "{haddad:#?}");
    let statements = r.statement_index();
    let articles = r.article_index();
    for g in &haddad.groups {
        assert!(g.statements.contains(&g.base), "the base is a member");
        for id in &g.statements {
            let s = statements[id];
            assert_eq!(s.group, Some(g.id));
            assert!(
                articles.contains_key(&s.article),
                "every statement links to its article"
            );
        }
    }
    let english: Vec<_> = r
        .statements
        .iter()
        .filter(|s| s.actor_key == haddad.key && s.text.contains("early"))
        .collect();
    assert!(
        english.iter().all(|s| !s.diff.is_empty())
            || haddad.groups.iter().any(|g| g.base == english[0].id),
        "a version compared with another carries its word diff"
    );
    // coverage rows are the actors, columns the outlets, counts the statements
    let total: u32 = r.coverage.rows.iter().flat_map(|row| &row.counts).sum();
    let attributed = r
        .statements
        .iter()
        .filter(|s| r.actors.iter().any(|a| a.key == s.actor_key))
        .count();
    assert_eq!(total as usize, attributed);
    assert_eq!(r.coverage.rows.len(), r.actors.len());
    let a3 = r
        .articles
        .iter()
        .find(|a| a.outlet.contains("arabic-example"))
        .unwrap();
    assert_eq!(a3.published_at, NaiveDate::from_ymd_opt(2024, 3, 5));
    assert_eq!(
        a3.url.as_deref(),
        Some("https://arabic-example.net/2024/03/05/water")
    );
}

#[test]
fn a_selection_narrows_actors_outlets_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let by_actor = project
        .report(
            &Selection {
                actors: vec!["nasser".into()],
                ..Selection::default()
            },
            now(),
        )
        .unwrap();
    assert!(!by_actor.statements.is_empty());
    assert!(
        by_actor
            .statements
            .iter()
            .all(|s| s.actor.contains("Nasser")),
        "{:#?}",
        by_actor.statements
    );
    assert_eq!(
        by_actor.summary.articles, 1,
        "only the articles that quote the actor"
    );

    let by_outlet = project
        .report(
            &Selection {
                outlets: vec!["ARABIC-example".into()],
                ..Selection::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(by_outlet.summary.articles, 1);
    assert_eq!(by_outlet.coverage.outlets.len(), 1);
    for a in &by_outlet.actors {
        for g in &a.groups {
            assert!(
                g.missing_from.is_empty(),
                "omissions only among the selected outlets"
            );
        }
    }

    let by_date = project
        .report(
            &Selection {
                from: NaiveDate::from_ymd_opt(2024, 3, 6),
                to: NaiveDate::from_ymd_opt(2024, 3, 6),
                ..Selection::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(by_date.summary.articles, 1);
    assert!(by_date
        .statements
        .iter()
        .all(|s| s.published_at == NaiveDate::from_ymd_opt(2024, 3, 6)));
}

#[test]
fn a_tag_selects_the_statements_tagged_and_those_of_tagged_articles_and_actors() {
    use parallax_core::notes::Target;
    let dir = tempfile::tempdir().unwrap();
    let mut project = fixture_project(dir.path());
    let by_tag = |project: &Project, tag: &str| {
        project
            .report(
                &Selection {
                    tags: vec![tag.into()],
                    ..Selection::default()
                },
                now(),
            )
            .unwrap()
    };
    assert!(
        by_tag(&project, "deadline").statements.is_empty(),
        "no statement carries the tag yet"
    );

    let whole = whole(&project);
    let arabic = whole
        .statements
        .iter()
        .find(|s| s.text.contains(ARABIC_SENTENCE))
        .expect("the Arabic statement");
    project
        .add_tag(&Target::Statement(arabic.id), "Deadline", now())
        .unwrap();
    let report = by_tag(&project, "deadline");
    assert_eq!(
        report.statements.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![arabic.id],
        "the tagged statement alone (tags compared without case)"
    );
    assert_eq!(report.summary.articles, 1, "only its article is a source");

    let nasser = whole
        .actors
        .iter()
        .find(|a| a.name.contains("Nasser"))
        .expect("the spokesman");
    project
        .add_tag(&Target::Actor(nasser.key.clone()), "files", now())
        .unwrap();
    let report = by_tag(&project, "files");
    assert!(!report.statements.is_empty());
    assert!(
        report.statements.iter().all(|s| s.actor_key == nasser.key),
        "an actor's tag selects its statements"
    );

    let article = whole.statements[0].article;
    project
        .add_tag(&Target::Article(article), "valley", now())
        .unwrap();
    let report = by_tag(&project, "valley");
    assert!(!report.statements.is_empty());
    assert!(report.statements.iter().all(|s| s.article == article));
    assert_eq!(report.articles.len(), 1);
}

#[test]
fn html_shows_hostile_text_and_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let html = report::html::render(&whole(&project), &Default::default());
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("<img"), "no image element");
    for tag in tags(&lower) {
        assert!(
            !tag.contains("onerror"),
            "no event handler attribute: {tag}"
        );
    }
    assert_eq!(
        html.matches("<table>").count(),
        html.matches("</table>").count(),
        "an article's </table> does not close the report's tables"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(
        html.contains("=HYPERLINK("),
        "HTML shows formulas as they are"
    );
    assert!(
        html.contains("script-src") || html.contains("default-src 'none'"),
        "a CSP forbids scripts"
    );
    // Arabic: its own direction and language, names isolated
    assert!(
        html.contains("<p lang=\"ar\" dir=\"rtl\">"),
        "Arabic statements are right-to-left paragraphs"
    );
    assert!(html.contains(ARABIC_SENTENCE), "the Arabic text verbatim");
    assert!(html.contains("<bdi>"));
    assert!(
        html.contains("Noto Naskh Arabic"),
        "an Arabic-capable font stack"
    );
    assert!(html.contains("@media print"), "printable");
}

#[test]
fn markdown_shows_hostile_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let md = report::markdown::render(&whole(&project));
    assert!(
        !md.to_lowercase().contains("<script"),
        "raw HTML would pass through Markdown"
    );
    assert!(!md.to_lowercase().contains("<img"));
    assert!(
        md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
        "{md}"
    );
    assert!(md.contains(ARABIC_SENTENCE));
    assert!(md.contains("## Coverage: actors × outlets"));
}

#[test]
fn csv_neutralises_formulas_and_keeps_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let r = whole(&project);
    let files = report::csv::write_folder(&r, &dir.path().join("csv")).unwrap();
    assert_eq!(files.len(), 3);
    let statements = std::fs::read_to_string(dir.path().join("csv/statements.csv")).unwrap();
    assert!(statements.starts_with("\u{feff}statement_id,article_id,title,outlet,date,url,lang,actor,speaker,kind,cue,stance,text,group,notes,tags\r\n"));
    for row in parse_csv(statements.trim_start_matches('\u{feff}')) {
        for cell in row {
            assert!(
                !report::starts_like_formula(&cell),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    assert!(
        statements.contains("'=HYPERLINK("),
        "the formula is kept as text"
    );
    assert!(
        statements.contains("<script>alert(1)</script>"),
        "CSV carries the text verbatim"
    );
    assert!(statements.contains(ARABIC_SENTENCE));
    let actors = std::fs::read_to_string(dir.path().join("csv/actors.csv")).unwrap();
    assert!(
        actors.contains("Haddad") && actors.contains("حداد"),
        "aliases in every script: {actors}"
    );
    let coverage = std::fs::read_to_string(dir.path().join("csv/coverage.csv")).unwrap();
    assert!(
        coverage.lines().next().unwrap().contains("arabic-example"),
        "{coverage}"
    );
}

#[test]
fn json_is_the_whole_model_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let r = whole(&project);
    let mut out = Vec::new();
    report::json::write(&r, &mut out).unwrap();
    let back: Report = serde_json::from_slice(&out).unwrap();
    assert_eq!(back, r);
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    for key in [
        "schema",
        "project",
        "generated_at",
        "selection",
        "summary",
        "articles",
        "actors",
        "coverage",
        "statements",
    ] {
        assert!(value.get(key).is_some(), "documented field {key}");
    }
}

#[test]
fn xlsx_cells_are_text_right_to_left_where_arabic_and_never_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let bytes = report::xlsx::write(&whole(&project), Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let parts = unzip(&bytes);
    for name in [
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    ] {
        well_formed(
            name,
            parts.get(name).unwrap_or_else(|| panic!("{name} missing")),
        );
    }
    let sheet = &parts["xl/worksheets/sheet1.xml"];
    assert!(!sheet.contains("<f>"), "no formula");
    assert!(sheet.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        sheet.contains("s=\"2\"><is><t xml:space=\"preserve\">=HYPERLINK("),
        "a formula-like cell carries the quote prefix style"
    );
    let arabic_cell = format!("s=\"1\"><is><t xml:space=\"preserve\">{}", "وقالت");
    assert!(
        sheet.contains("s=\"1\"><is><t xml:space=\"preserve\">") && sheet.contains(ARABIC_SENTENCE),
        "Arabic cells use the right-to-left style ({arabic_cell})"
    );
    assert!(parts["xl/styles.xml"].contains("readingOrder=\"2\""));
    assert!(parts["xl/styles.xml"].contains("quotePrefix=\"1\""));
}

#[test]
fn docx_paragraphs_are_right_to_left_where_arabic_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let bytes = report::docx::write(&whole(&project), Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let parts = unzip(&bytes);
    let document = &parts["word/document.xml"];
    well_formed("word/document.xml", document);
    well_formed("word/styles.xml", &parts["word/styles.xml"]);
    assert!(document.contains("<w:bidi/>"), "right-to-left paragraphs");
    assert!(document.contains("<w:rtl/>"));
    assert!(
        !document.contains("<w:fldSimple") && !document.contains("<w:hyperlink"),
        "no fields or links from text"
    );
    // Parallax's own DOCX import reads the report back as text.
    let read = parallax_core::import::parse_bytes("report.docx", &bytes).unwrap();
    let text = &read[0].text;
    assert!(
        text.contains("<script>alert(1)</script>"),
        "the hostile text is shown as text"
    );
    assert!(text.contains("Claims by actor"));
    assert!(text.contains("اتفاق المياه"), "{text}");
}

#[test]
fn qdpx_carries_sources_and_coded_statements() {
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let r = whole(&project);
    let texts = project.report_texts(&r).unwrap();
    let bytes = report::qdpx::write(&r, &texts, Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let parts = unzip(&bytes);
    let qde = &parts["project.qde"];
    well_formed("project.qde", qde);
    let sources: Vec<&String> = parts.keys().filter(|k| k.starts_with("sources/")).collect();
    assert_eq!(sources.len(), 4, "one plain-text file per article");
    assert!(!qde.contains("<script"), "markup escaped in the XML");
    assert_eq!(
        qde.matches("<PlainTextSelection ").count(),
        r.statements.len()
    );
    // A selection's positions are code points into its source file: the Arabic statement
    // is found where the selection says.
    let arabic = r
        .statements
        .iter()
        .find(|s| s.text.contains("اتفاق المياه"))
        .unwrap();
    let source_guid = {
        let at = qde.find(&format!("name=\"{}", "محادثات المياه")).unwrap();
        let tag = &qde[qde[..at].rfind("<TextSource").unwrap()..at];
        tag.split("guid=\"").nth(1).unwrap()[..36].to_owned()
    };
    let file: Vec<char> = parts[&format!("sources/{source_guid}.txt")]
        .chars()
        .collect();
    let selection = qde[qde.find("محادثات المياه").unwrap()..]
        .split("<PlainTextSelection ")
        .nth(1)
        .unwrap();
    let position = |name: &str| -> usize {
        selection
            .split(&format!("{name}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let segment: String = file[position("startPosition")..position("endPosition")]
        .iter()
        .collect();
    assert_eq!(segment, arabic.text, "positions in code points");
}

#[test]
fn qdpx_validates_against_the_refi_qda_schema() {
    // a copy of ../shared/refi-qda/Project.xsd (MIT licence, REFI), so a fresh clone tests it
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi-qda/Project.xsd");
    let dir = tempfile::tempdir().unwrap();
    let project = fixture_project(dir.path());
    let r = whole(&project);
    let texts = project.report_texts(&r).unwrap();
    let bytes = report::qdpx::write(&r, &texts, Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let qde = dir.path().join("project.qde");
    std::fs::write(&qde, &unzip(&bytes)["project.qde"]).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&qde)
        .output()
        .expect("xmllint runs (Debian: libxml2-utils, which `make deps` installs)");
    assert!(
        out.status.success(),
        "project.qde does not validate against {}: {}",
        schema.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}
