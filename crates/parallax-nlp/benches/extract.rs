//! Extraction throughput over the evaluation corpus, repeated to several sizes.
//!
//! `cargo bench -p parallax-nlp --bench extract`. The articles are read from `../shared/corpus`
//! beside the repository (as CI lays it out); each size concatenates whole articles, so the
//! work per byte is that of real news text, and comparing sizes shows cost is linear.

use parallax_nlp::extract::analyze;
use parallax_nlp::text::guess_lang_by_script;
use parallax_nlp::Lang;

fn main() {
    divan::main();
}

/// Every corpus article, without its `URL | title` line, with its language.
fn articles() -> Vec<(String, Lang)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut out = Vec::new();
    for set in ["dev", "news", "dev-polnear"] {
        let Ok(dir) = std::fs::read_dir(root.join(set).join("articles")) else {
            continue;
        };
        let mut paths: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(raw) = std::fs::read_to_string(&p) else {
                continue;
            };
            let text = match raw.split_once('\n') {
                Some((first, rest)) if first.starts_with("http") && first.contains(" | ") => rest,
                _ => raw.as_str(),
            };
            out.push((text.to_string(), guess_lang_by_script(text)));
        }
    }
    assert!(
        !out.is_empty(),
        "no corpus articles under {}",
        root.display()
    );
    out
}

/// Articles repeated until they hold at least `bytes` bytes.
fn corpus_of(bytes: usize) -> Vec<(String, Lang)> {
    let base = articles();
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for a in &base {
            total += a.0.len();
            out.push(a.clone());
        }
    }
    out
}

#[divan::bench(args = [1_000_000, 10_000_000, 50_000_000], sample_count = 3, sample_size = 1)]
fn analyze_corpus(bencher: divan::Bencher<'_, '_>, bytes: usize) {
    let corpus = corpus_of(bytes);
    let total: usize = corpus.iter().map(|a| a.0.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(total))
        .bench_local(|| {
            let mut n = 0;
            for (text, lang) in &corpus {
                n += analyze(divan::black_box(text), *lang).statements.len();
            }
            n
        });
}

/// One long article, to show that a single text is also read in linear time.
#[divan::bench(args = [1_000_000, 10_000_000], sample_count = 3, sample_size = 1)]
fn analyze_one_long_text(bencher: divan::Bencher<'_, '_>, bytes: usize) {
    let corpus = corpus_of(bytes);
    let mut text = String::with_capacity(bytes + 100_000);
    for (t, lang) in &corpus {
        if *lang == Lang::En {
            text.push_str(t);
            text.push('\n');
        }
    }
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench_local(|| analyze(divan::black_box(&text), Lang::En).statements.len());
}
