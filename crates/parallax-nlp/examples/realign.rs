//! Re-aligns the statements of a project as `parallax compare --json` printed them, for
//! calibrating the aligner on the product's own statements and actors without rebuilding
//! the CLI:
//!
//! ```text
//! parallax compare study.parallax --json > /tmp/compare.jsonl
//! cargo run --release -p parallax-nlp --example realign -- /tmp/compare.jsonl > /tmp/groups.jsonl
//! python3 ../shared/eval/score_alignment.py ../shared/corpus/news/gold.json \
//!     ../shared/corpus/news/alignment.json /tmp/groups.jsonl --show
//! ```
//!
//! `ALIGN_SIMS=FILE` also writes every same-actor pair's similarity (JSON lines);
//! `ALIGN_CFG` and `ALIGN_DICT` are read as `common/mod.rs` says.

mod common;

use parallax_nlp::align::{align_with, pair_similarities, AlignItem};
use serde_json::{json, Value};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: realign COMPARE.jsonl");
    let text = std::fs::read_to_string(&path).expect("reading the compare output");
    let mut items: Vec<AlignItem> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let group: Value = serde_json::from_str(line).expect("a JSON line");
        let actor = group["actor"].as_str().unwrap_or_default().to_owned();
        for st in group["statements"].as_array().into_iter().flatten() {
            let day = st["published_at"].as_str().and_then(chrono_free_day);
            items.push(AlignItem {
                id: st["id"].as_u64().unwrap_or(items.len() as u64),
                actor: actor.clone(),
                article: st["source"].as_str().unwrap_or_default().to_owned(),
                outlet: st["outlet"].as_str().unwrap_or_default().to_owned(),
                lang: st["lang"]
                    .as_str()
                    .unwrap_or("")
                    .parse()
                    .unwrap_or_default(),
                day,
                text: st["text"].as_str().unwrap_or_default().to_owned(),
            });
        }
    }
    items.sort_by_key(|it| it.id);
    let cfg = common::config();
    let dict = common::dictionary();
    if let Ok(out) = std::env::var("ALIGN_SIMS") {
        let lines: Vec<String> = pair_similarities(&items, &cfg, dict.as_ref())
            .into_iter()
            .map(|(a, b, sim, cross)| {
                json!({"a": items[a].article, "at": items[a].text, "b": items[b].article,
                       "bt": items[b].text, "sim": sim, "cross": cross, "actor": items[a].actor})
                .to_string()
            })
            .collect();
        std::fs::write(out, lines.join("\n")).expect("writing ALIGN_SIMS");
    }
    let alignment = align_with(&items, &cfg, &[], dict.as_ref());
    common::print_groups(&items, &alignment);
}

/// Days since 1970-01-01 of a `YYYY-MM-DD…` date (civil-from-days, no calendar crate).
fn chrono_free_day(date: &str) -> Option<i32> {
    let mut parts = date.get(..10)?.split('-');
    let (y, m, d): (i32, i32, i32) = (
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
