//! Prints the statements of article files as JSON lines, as `parallax extract --json` will.
//!
//! Usage: `cargo run -p parallax-nlp --example extract_jsonl -- [--explain] FILE...`
//!
//! A first line of the form `URL | title` (a page's metadata) is dropped; the language is
//! guessed from the letters' scripts. Offsets are bytes into the text after that line.

use std::process::ExitCode;

use parallax_nlp::extract::analyze_explained;
use parallax_nlp::text::guess_lang_by_script;

/// The text the importer would analyse: without a leading `URL | title` line.
fn article_text(raw: &str) -> &str {
    let first_end = raw.find('\n').map_or(raw.len(), |i| i + 1);
    let first = &raw[..first_end];
    if first.starts_with("http") && first.contains(" | ") {
        &raw[first_end..]
    } else {
        raw
    }
}

fn main() -> ExitCode {
    let mut failed = false;
    // `--explain` adds the rules that fired for each statement.
    let explain = std::env::args().nth(1).as_deref() == Some("--explain");
    for path in std::env::args().skip(1).filter(|a| a != "--explain") {
        let raw = match std::fs::read_to_string(&path) {
            Ok(raw) => raw,
            Err(e) => {
                eprintln!("reading {path}: {e}");
                failed = true;
                continue;
            }
        };
        let text = article_text(&raw);
        let (analysis, trace) = analyze_explained(text, guess_lang_by_script(text));
        for (s, rules) in analysis.statements.iter().zip(&trace) {
            let mut line = serde_json::json!({
                "source": path,
                "actor": analysis.actors[s.actor].name,
                "speaker": s.speaker,
                "kind": s.kind,
                "cue": s.cue,
                "stance": s.stance,
                "text": s.text,
                "start": s.span.start,
                "end": s.span.end,
            });
            if explain {
                line["rules"] = serde_json::json!(rules);
            }
            println!("{line}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
