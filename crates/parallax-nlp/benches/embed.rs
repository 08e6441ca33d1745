//! Sentence-vector throughput on one core: every gold statement of the shared corpus
//! (`news/` and `news-more/`, ~250 real statements, ~34 pieces each), embedded in batches
//! of [`BATCH`] on the calling thread; prints statements per CPU second (median of five
//! runs), the batch-of-one figure and the process's peak resident memory.
//!
//! `PARALLAX_MODEL=~/.cache/parallax/models/e5-small-q4.bin cargo bench -p parallax-nlp --bench embed`
//! (without a model file it says so and measures nothing).

use std::time::Instant;

use parallax_nlp::embed::SentenceModel;

/// Statements per batch, as the project's embedding workers use.
const BATCH: usize = 32;

fn statements() -> Vec<String> {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let mut out = Vec::new();
    for folder in ["news", "news-more"] {
        let Ok(text) = std::fs::read_to_string(format!("{corpus}/{folder}/gold.json")) else {
            continue;
        };
        let gold: serde_json::Value = serde_json::from_str(&text).expect("gold.json");
        for art in gold["articles"].as_array().into_iter().flatten() {
            for s in art["statements"].as_array().into_iter().flatten() {
                out.push(s["content"].as_str().unwrap_or_default().to_owned());
            }
        }
    }
    out
}

/// This process's CPU time in seconds (user + system, from /proc), so that the figure is
/// per core even when other work shares the machine.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let path = std::env::var("PARALLAX_MODEL").unwrap_or_else(|_| {
        format!(
            "{}/.cache/parallax/models/e5-small-q4.bin",
            std::env::var("HOME").unwrap_or_default()
        )
    });
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "no model file at {path}: run `make deps` or set PARALLAX_MODEL; nothing measured"
        );
        return;
    };
    let model = SentenceModel::from_vec(bytes).expect("a model file");
    let texts = statements();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let pieces: usize = refs.iter().map(|t| model.tokens(t).len()).sum();
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let (t, cpu) = (Instant::now(), cpu_seconds());
            for chunk in refs.chunks(BATCH) {
                std::hint::black_box(model.embed(chunk));
            }
            let wall = t.elapsed().as_secs_f64();
            let used = (cpu_seconds() - cpu).max(0.01);
            eprintln!(
                "  run: {:.1} statements/s of wall time, {:.1} per CPU second",
                refs.len() as f64 / wall,
                refs.len() as f64 / used
            );
            refs.len() as f64 / used
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    println!(
        "embed: {} statements ({:.1} pieces each), batches of {BATCH}, one thread: {:.1} statements per CPU second, median ({:.1}–{:.1})",
        refs.len(),
        pieces as f64 / refs.len().max(1) as f64,
        runs[2],
        runs[0],
        runs[4]
    );
    let t = Instant::now();
    for text in refs.iter().take(64) {
        std::hint::black_box(model.embed(&[text]));
    }
    println!(
        "embed: one at a time: {:.1} statements/s",
        64.0 / t.elapsed().as_secs_f64()
    );
    println!(
        "embed: peak resident memory of this process: {}",
        peak_resident()
    );
}

/// The process's peak resident set (`VmHWM` of /proc/self/status): the model and one
/// thread's batches.
fn peak_resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().to_owned())
        .unwrap_or_else(|| "unknown".into())
}
