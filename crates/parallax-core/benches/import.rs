//! Importing articles into a new project: files read, parsed, language detected, stored,
//! indexed and analysed. Articles are made from the corpus (about 5 KB each, each made
//! unique) at several batch sizes so that growth is visible.
//!
//! `cargo bench -p parallax-core --bench import`

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use parallax_core::Project;

fn main() {
    divan::main();
}

fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
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

/// `n` distinct articles of about 5 KB in a fresh folder.
fn make_articles(n: usize) -> (tempfile::TempDir, PathBuf) {
    let texts = corpus_texts();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
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
    (dir, folder)
}

#[divan::bench(args = [1_000, 10_000], sample_count = 2, sample_size = 1)]
fn import_into_new_project(bencher: divan::Bencher<'_, '_>, n: usize) {
    let (_dir, folder) = make_articles(n);
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    bencher
        .with_inputs(|| {
            let out = tempfile::tempdir().unwrap();
            let path = out.path().join("bench.parallax");
            (out, path)
        })
        .bench_local_values(|(out, path)| {
            let mut project = Project::open_or_create(&path).unwrap();
            let summary = project.import(std::slice::from_ref(&folder), now, &mut |_| {});
            assert_eq!(summary.files.len(), n);
            drop(project);
            out
        });
}
