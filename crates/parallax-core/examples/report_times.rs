//! How long reports and exports of a large project take: imports N articles of about 5 KB
//! (made from the corpus, each made unique, as the import bench does) into a new project,
//! then times the report model, the statements CSV, the HTML report and the other formats.
//!
//! `cargo run --release -p parallax-core --example report_times -- 10000 [CORPUS] [PROJECT]`
//! (CORPUS: the shared corpus, by default `../shared/corpus` beside the repository;
//! PROJECT: a project file to keep, and to reuse without importing when it exists, so that
//! the export times can be taken again on the same project).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use parallax_core::report::{self, Selection};
use parallax_core::Project;

fn corpus_texts(root: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    for set in ["dev", "news", "dev-polnear"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(set).join("articles"))
            .expect("the corpus beside the repository")
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            texts.push(std::fs::read_to_string(f).unwrap());
        }
    }
    texts
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(10_000, |a| a.parse().expect("a number of articles"));
    let corpus = std::env::args().nth(2).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        PathBuf::from,
    );
    let kept = std::env::args().nth(3).map(PathBuf::from);
    let dir = tempfile::tempdir().unwrap();
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let project_path = kept
        .clone()
        .unwrap_or_else(|| dir.path().join("bench.parallax"));
    let reuse = project_path.exists();
    let mut project = Project::open_or_create(&project_path).unwrap();
    if reuse {
        println!("reusing {}", project_path.display());
    } else {
        import(&mut project, n, &corpus, dir.path(), now);
    }
    exports(&mut project, dir.path(), now);
}

/// Imports `n` articles of about 5 KB made from the corpus into the project.
fn import(project: &mut Project, n: usize, corpus: &Path, dir: &Path, now: DateTime<Utc>) {
    let texts = corpus_texts(corpus);
    let folder = dir.join("articles");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..n {
        let mut body = String::new();
        let mut j = i;
        while body.len() < 5_000 {
            let t = &texts[j % texts.len()];
            let cut = t
                .char_indices()
                .nth(5_000 - body.len().min(4_999))
                .map_or(t.len(), |(k, _)| k);
            body.push_str(&t[..cut]);
            body.push('\n');
            j += 7;
        }
        body.push_str(&format!("\nArticle {i}.\n"));
        std::fs::write(folder.join(format!("a{i:05}.txt")), body).unwrap();
    }
    let t = Instant::now();
    project.import(std::slice::from_ref(&folder), now, &mut |_| {});
    println!("import of {n} articles: {:.2} s", t.elapsed().as_secs_f64());
}

/// Times each export of the whole project.
fn exports(project: &mut Project, dir: &Path, now: DateTime<Utc>) {
    let time = |label: &str, f: &mut dyn FnMut() -> usize| {
        let t = Instant::now();
        let bytes = f();
        println!(
            "{label}: {:.2} s ({:.1} MB)",
            t.elapsed().as_secs_f64(),
            bytes as f64 / 1e6
        );
    };
    let whole = Selection::default();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let csv = |project: &Project| {
        let r = project.report(&whole, now).unwrap();
        let mut file = std::io::BufWriter::new(std::fs::File::create(out.join("s.csv")).unwrap());
        report::csv::write_statements(&r, &mut file).unwrap();
        file.flush().unwrap();
        std::fs::metadata(out.join("s.csv")).unwrap().len() as usize
    };
    let html = |project: &Project| {
        let r = project.report(&whole, now).unwrap();
        let mut file = std::io::BufWriter::new(std::fs::File::create(out.join("r.html")).unwrap());
        report::html::write(&r, &Default::default(), &mut file).unwrap();
        std::fs::metadata(out.join("r.html")).unwrap().len() as usize
    };
    // the first export after a change resolves and aligns, and keeps the result; the next
    // ones read it back
    project.clear_analysis_cache().unwrap();
    time(
        "statements CSV, first after a change (report model + statements.csv)",
        &mut || csv(project),
    );
    time("statements CSV, analysis kept", &mut || csv(project));
    project.clear_analysis_cache().unwrap();
    time(
        "HTML report, first after a change (report model + HTML)",
        &mut || html(project),
    );
    time("HTML report, analysis kept", &mut || html(project));
    let t = Instant::now();
    let r = project.report(&whole, now).unwrap();
    println!(
        "report model alone, analysis kept: {:.2} s ({} statements, {} actors, {} groups)",
        t.elapsed().as_secs_f64(),
        r.summary.statements,
        r.summary.actors,
        r.summary.claim_groups
    );
    time("  Markdown", &mut || report::markdown::render(&r).len());
    time("  JSON", &mut || {
        let mut v = Vec::new();
        report::json::write(&r, &mut v).unwrap();
        v.len()
    });
    time("  XLSX", &mut || {
        report::xlsx::write(&r, Cursor::new(Vec::new()))
            .unwrap()
            .into_inner()
            .len()
    });
    time("  DOCX", &mut || {
        report::docx::write(&r, Cursor::new(Vec::new()))
            .unwrap()
            .into_inner()
            .len()
    });
    time("  REFI-QDA (with reading the texts)", &mut || {
        let texts = project.report_texts(&r).unwrap();
        report::qdpx::write(&r, &texts, Cursor::new(Vec::new()))
            .unwrap()
            .into_inner()
            .len()
    });
}
