//! `parallax report` and `parallax export`: every format from the fixture story, the PDF's
//! Arabic read back in logical order, hostile article text, and a missing browser.
//!
//! Screenshots of the HTML and PDF reports are written to `$PARALLAX_SCREENSHOTS` when it is
//! set (the README's come from `PARALLAX_SCREENSHOTS=docs/reports cargo test -p parallax-cli
//! --test cli report::`), else into the test's temporary folder.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use predicates::prelude::*;

use super::{imported_story, parallax};

/// The REFI-QDA schema (MIT licence), kept beside the core's tests.
fn refi_qda_schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../parallax-core/tests/data/refi-qda/Project.xsd")
}

fn unzip(path: &Path) -> std::collections::HashMap<String, String> {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut parts = std::collections::HashMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        parts.insert(entry.name().to_owned(), text);
    }
    parts
}

/// Words separated by single spaces, for comparing text extracted from a PDF, whose line
/// breaks fall anywhere.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The letters of a text in their logical order, for finding Arabic in text extracted from
/// a PDF: pdftotext wraps runs in bidi embedding controls, moves spaces around punctuation,
/// and gives a lam-alef ligature back as its two letters in either order, so spaces,
/// punctuation, diacritics, lams and alefs are left out (every other letter must still come
/// in the order the article has it).
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .filter(|c| {
            !matches!(
                c,
                'ل' | 'ا' | 'أ' | 'إ' | 'آ' | '\u{64B}'..='\u{65F}' | '\u{670}'
            )
        })
        .collect()
}

fn screenshot_dir(fallback: &Path) -> PathBuf {
    match std::env::var_os("PARALLAX_SCREENSHOTS").filter(|d| !d.is_empty()) {
        Some(d) => {
            // relative to the repository, where the command is typed
            let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(d);
            std::fs::create_dir_all(&d).unwrap();
            d
        }
        None => fallback.to_owned(),
    }
}

fn run_ok(command: &mut StdCommand) -> std::process::Output {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The Arabic statements of the project, from the JSON export.
fn arabic_statements(json: &serde_json::Value) -> Vec<String> {
    json["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["lang"] == "ar")
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_format_is_written_from_the_fixture_story() {
    let (dir, project) = imported_story();
    let out = dir.path();

    // exports
    parallax()
        .args(["export", "--format", "json", "-o"])
        .arg(out.join("news.json"))
        .arg(&project)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("news.json")).unwrap()).unwrap();
    assert_eq!(json["schema"], "parallax-report/1");
    assert_eq!(
        json["summary"]["articles"], 5,
        "every article of tests/fixtures/story"
    );
    let arabic = arabic_statements(&json);
    assert!(
        arabic.len() >= 5,
        "the story has Arabic statements: {arabic:?}"
    );
    let statements = json["statements"].as_array().unwrap().len();

    parallax()
        .args(["export", "-o"])
        .arg(out.join("csv"))
        .arg(&project)
        .assert()
        .success();
    let csv = std::fs::read_to_string(out.join("csv/statements.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert!(csv.contains(&arabic[0]), "Arabic verbatim in the CSV");
    for name in ["actors.csv", "coverage.csv"] {
        assert!(out.join("csv").join(name).is_file(), "{name}");
    }

    parallax()
        .args(["export", "-o"])
        .arg(out.join("news.xlsx"))
        .arg(&project)
        .assert()
        .success();
    let xlsx = unzip(&out.join("news.xlsx"));
    let sheet = &xlsx["xl/worksheets/sheet1.xml"];
    assert_eq!(
        sheet.matches("<row ").count(),
        statements + 1,
        "one row per statement and the header"
    );

    parallax()
        .args(["export", "-o"])
        .arg(out.join("news.qdpx"))
        .arg(&project)
        .assert()
        .success();
    let qdpx = unzip(&out.join("news.qdpx"));
    assert_eq!(
        qdpx.keys().filter(|k| k.starts_with("sources/")).count(),
        5,
        "one source per article"
    );
    std::fs::write(out.join("project.qde"), &qdpx["project.qde"]).unwrap();
    let validation = StdCommand::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(refi_qda_schema())
        .arg(out.join("project.qde"))
        .output()
        .expect("xmllint runs (Debian: libxml2-utils, which `make deps` installs)");
    assert!(
        validation.status.success(),
        "the .qdpx's project.qde does not validate against Project.xsd: {}",
        String::from_utf8_lossy(&validation.stderr)
    );

    // reports
    for (format, file) in [
        ("md", "news.md"),
        ("docx", "news.docx"),
        ("html", "news.html"),
    ] {
        parallax()
            .args(["report", "--format", format, "-o"])
            .arg(out.join(file))
            .arg(&project)
            .assert()
            .success()
            .stderr(predicate::str::contains("wrote"));
    }
    let md = std::fs::read_to_string(out.join("news.md")).unwrap();
    assert!(md.contains("## Coverage: actors × outlets"));
    let docx = unzip(&out.join("news.docx"));
    assert!(
        docx["word/document.xml"].contains("<w:bidi/>"),
        "right-to-left paragraphs"
    );
    let html = std::fs::read_to_string(out.join("news.html")).unwrap();
    for s in &arabic {
        assert!(
            html.contains(&format!("dir=\"rtl\">{}", html_escape(s)))
                || html.contains(&html_escape(s))
                || s.split_whitespace().all(|w| html.contains(&html_escape(w))),
            "the HTML report shows the Arabic statement {s:?}"
        );
    }
    assert!(
        html.contains("@font-face"),
        "the Arabic font is embedded (fonts-noto-core is installed by `make deps`)"
    );
    assert!(!html.contains("<script"), "no scripts");

    // the PDF, read back with pdftotext: the Arabic statements in logical order
    parallax()
        .args(["report", "-o"])
        .arg(out.join("news.pdf"))
        .arg(&project)
        .assert()
        .success();
    let pdf = std::fs::read(out.join("news.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    run_ok(
        StdCommand::new("pdftotext")
            .arg(out.join("news.pdf"))
            .arg(out.join("news.txt")),
    );
    let text = std::fs::read_to_string(out.join("news.txt")).unwrap();
    let letters_of_text = letters(&text);
    // Statements shown whole (those compared with nothing, or the base of their group): a
    // statement with word differences interleaves the words its base has and it lacks.
    let whole: Vec<String> = json["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["lang"] == "ar" && s["diff"].as_array().is_none_or(|d| d.is_empty()))
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect();
    let found: Vec<&String> = whole
        .iter()
        .filter(|s| letters_of_text.contains(&letters(s)))
        .collect();
    // Every word of every such statement comes back with its letters in logical order...
    for s in &whole {
        for word in s
            .split_whitespace()
            .map(letters)
            .filter(|w| w.chars().count() >= 2)
        {
            assert!(
                letters_of_text.contains(&word),
                "the word {word:?} of the Arabic statement {s:?} is not in the PDF's text"
            );
        }
    }
    // ...and at least a third of the statements whole. pdftotext orders the runs of a line by heuristics: a line
    // broken at an Arabic comma may come back with its halves swapped, and a statement may
    // be broken across a page.
    assert!(
        !whole.is_empty() && found.len() * 3 >= whole.len(),
        "{} of {} Arabic statements found in logical order in the PDF's text; missing: {:?}",
        found.len(),
        whole.len(),
        whole
            .iter()
            .filter(|s| !found.contains(s))
            .collect::<Vec<_>>()
    );
    let text = words(&text);
    assert!(text.contains("Contents"), "a table of contents");
    let pages = pdfinfo_pages(&out.join("news.pdf"));
    assert!(pages >= 2, "{pages} pages");
    // pdftotext keeps or drops the spaces around the slash depending on the line's layout
    let numbered = |n: usize| {
        text.contains(&format!("{n} / {pages}")) || text.contains(&format!("{n}/{pages}"))
    };
    assert!(numbered(1) && numbered(pages), "page numbers on every page");

    // screenshots for the README: the first Arabic claim of the HTML, the PDF's first
    // page of claims
    let shots = screenshot_dir(out);
    // one actor quoted in Arabic and English, so that the claims are on the first screen
    parallax()
        .args(["report", "--actor", "Nassar", "-o"])
        .arg(out.join("nassar.html"))
        .arg(&project)
        .assert()
        .success();
    let url = format!("file://{}", out.join("nassar.html").display());
    run_ok(
        StdCommand::new("chromium")
            .args(chromium_flags(out))
            .arg("--window-size=1280,2000")
            .arg(format!(
                "--screenshot={}",
                shots.join("report-html.png").display()
            ))
            .arg(url),
    );
    let shot = std::fs::metadata(shots.join("report-html.png"))
        .unwrap()
        .len();
    assert!(
        shot > 50_000,
        "the screenshot shows the page ({shot} bytes)"
    );
    let page = first_page_with(&out.join("news.pdf"), pages, &words(&arabic[0]));
    run_ok(
        StdCommand::new("pdftoppm")
            .args([
                "-png",
                "-r",
                "80",
                "-singlefile",
                "-f",
                &page.to_string(),
                "-l",
                &page.to_string(),
            ])
            .arg(out.join("news.pdf"))
            .arg(shots.join("report-pdf")),
    );
    assert!(shots.join("report-pdf.png").is_file());
}

fn chromium_flags(profile_parent: &Path) -> Vec<String> {
    vec![
        "--headless".into(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--hide-scrollbars".into(),
        "--no-first-run".into(),
        format!(
            "--user-data-dir={}",
            profile_parent.join("chromium-profile").display()
        ),
    ]
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn pdfinfo_pages(pdf: &Path) -> usize {
    let out = run_ok(StdCommand::new("pdfinfo").arg(pdf));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo says how many pages")
}

/// The first page whose text contains `needle`, else 1.
fn first_page_with(pdf: &Path, pages: usize, needle: &str) -> usize {
    (1..=pages)
        .find(|p| {
            let out = run_ok(
                StdCommand::new("pdftotext")
                    .args(["-f", &p.to_string(), "-l", &p.to_string()])
                    .arg(pdf)
                    .arg("-"),
            );
            words(&String::from_utf8_lossy(&out.stdout)).contains(needle)
        })
        .unwrap_or(1)
}

/// An invented article full of markup and formulas.
fn hostile_article(dir: &Path) -> PathBuf {
    let path = dir.join("hostile.txt");
    std::fs::write(
        &path,
        "https://evil-example.org/2024/03/07/files | =HYPERLINK(\"http://evil.example\",\"open\") <script>alert('title')</script>\n\n\
         \"The <script>alert(1)</script> and <img src=x onerror=alert(2)> were found in </table> the files,\" Spokesman Omar Nasser said.\n\n\
         \"=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\") is what the files say,\" Omar Nasser said.\n\n\
         وقال المتحدث عمر ناصر إن <script>alert(3)</script> وجد في الملفات.\n",
    )
    .unwrap();
    path
}

#[test]
fn hostile_article_text_is_shown_and_runs_nothing_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let project = out.join("hostile.parallax");
    parallax()
        .arg("import")
        .arg(&project)
        .arg(hostile_article(out))
        .assert()
        .success();
    // An analyst's name for an actor is untrusted text too.
    let quoted = super::actors(&project)[0]["name"]
        .as_str()
        .expect("an actor")
        .to_owned();
    parallax()
        .args(["actors", "rename"])
        .arg(&project)
        .arg(&quoted)
        .arg("=HYPERLINK(\"http://evil.example\",\"actor\") <img src=y onerror=alert(5)>")
        .assert()
        .success();

    for (args, file) in [
        (&["report"][..], "r.html"),
        (&["report"][..], "r.md"),
        (&["report"][..], "r.docx"),
        (&["report"][..], "r.pdf"),
        (&["export"][..], "e.xlsx"),
        (&["export"][..], "e.qdpx"),
        (&["export"][..], "e.json"),
        (&["export"][..], "csv"),
    ] {
        parallax()
            .args(args)
            .arg(&project)
            .arg("-o")
            .arg(out.join(file))
            .assert()
            .success();
    }

    let html = std::fs::read_to_string(out.join("r.html")).unwrap();
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element in the HTML");
    assert!(!lower.contains("<img"), "no image element in the HTML");
    assert_eq!(
        lower.matches("<table").count(),
        lower.matches("</table>").count(),
        "the article's </table> is text"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(
        html.contains("&lt;img src=y onerror=alert(5)&gt;"),
        "the actor's name is shown"
    );

    // the PDF is printed from that page with scripts off: the text is there, as text
    run_ok(
        StdCommand::new("pdftotext")
            .arg(out.join("r.pdf"))
            .arg(out.join("r.txt")),
    );
    let pdf_text = std::fs::read_to_string(out.join("r.txt")).unwrap();
    assert!(
        words(&pdf_text).contains("<script>alert(1)</script> and <img src=x onerror=alert(2)>"),
        "{pdf_text}"
    );

    let md = std::fs::read_to_string(out.join("r.md"))
        .unwrap()
        .to_lowercase();
    assert!(
        !md.contains("<script") && !md.contains("<img"),
        "Markdown passes raw HTML on"
    );

    for (name, part) in [
        ("r.docx", "word/document.xml"),
        ("e.xlsx", "xl/worksheets/sheet1.xml"),
        ("e.qdpx", "project.qde"),
    ] {
        let xml = &unzip(&out.join(name))[part];
        assert!(
            !xml.contains("<script") && !xml.contains("<img"),
            "{name}: markup escaped"
        );
        assert!(xml.contains("&lt;script&gt;"), "{name}: the text is there");
        assert!(!xml.contains("<f>"), "{name}: no formula");
    }
    let actors_sheet = &unzip(&out.join("e.xlsx"))["xl/worksheets/sheet2.xml"];
    assert!(
        !actors_sheet.contains("<img") && !actors_sheet.contains("<f>"),
        "the actors sheet escapes the name and runs no formula"
    );
    assert!(actors_sheet.contains("&lt;img src=y onerror=alert(5)&gt;"));
    let sheet = &unzip(&out.join("e.xlsx"))["xl/worksheets/sheet1.xml"];
    assert!(
        sheet.contains("s=\"2\"><is><t xml:space=\"preserve\">=HYPERLINK("),
        "the formula-like title is a quote-prefixed text cell"
    );

    let csv = std::fs::read_to_string(out.join("csv/statements.csv")).unwrap();
    assert!(
        csv.contains("'=HYPERLINK("),
        "the formula is neutralised: {csv}"
    );
    for table in ["statements", "actors", "coverage"] {
        let text = std::fs::read_to_string(out.join(format!("csv/{table}.csv"))).unwrap();
        for cell in csv_cells(text.trim_start_matches('\u{feff}')) {
            assert!(
                !parallax_core::report::starts_like_formula(&cell),
                "a cell of {table}.csv a spreadsheet would run: {cell:?}"
            );
        }
    }
    assert!(
        std::fs::read_to_string(out.join("csv/actors.csv"))
            .unwrap()
            .contains("'=HYPERLINK(\"\"http://evil.example\"\""),
        "the actor's name is neutralised"
    );
    assert!(
        csv.contains("<script>alert(1)</script>"),
        "CSV shows the text verbatim"
    );

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("e.json")).unwrap()).unwrap();
    assert!(
        json["statements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["text"]
                .as_str()
                .unwrap()
                .contains("<script>alert(1)</script>")),
        "JSON carries the text verbatim (escaped by JSON itself)"
    );
}

/// The cells of RFC 4180 CSV, as a spreadsheet reads them.
fn csv_cells(text: &str) -> Vec<String> {
    let mut cells = vec![];
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
            (false, ',' | '\n') => cells.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, c) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

#[test]
fn a_pdf_without_chromium_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.parallax");
    parallax()
        .arg("import")
        .arg(&project)
        .arg(hostile_article(dir.path()))
        .assert()
        .success();
    parallax()
        .args(["report", "-o"])
        .arg(dir.path().join("r.pdf"))
        .arg(&project)
        .env("PATH", dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("apt install chromium"))
        .stderr(predicate::str::contains("HTML report"));
    parallax()
        .args(["report", "--browser", "/nonexistent/chromium", "-o"])
        .arg(dir.path().join("r.pdf"))
        .arg(&project)
        .assert()
        .failure()
        .stderr(predicate::str::contains("/nonexistent/chromium"));
    assert!(!dir.path().join("r.pdf").exists(), "no PDF is left behind");
}

#[test]
fn the_format_comes_from_the_extension_or_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.parallax");
    parallax()
        .arg("import")
        .arg(&project)
        .arg(hostile_article(dir.path()))
        .assert()
        .success();
    parallax()
        .args(["report", "-o"])
        .arg(dir.path().join("r.odt"))
        .arg(&project)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format html, pdf, docx or md"));
    parallax()
        .args(["report", "--actor", "nobody-at-all", "-o"])
        .arg(dir.path().join("r.md"))
        .arg(&project)
        .assert()
        .success()
        .stderr(predicate::str::contains("the selection has no statements"));
}
