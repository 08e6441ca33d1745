//! Aligns the gold statements of the news corpus and prints one group per line, in the
//! shape `parallax compare --json` prints, for `shared/eval/score_alignment.py`:
//!
//! ```text
//! cargo run -p parallax-nlp --example align_gold -- ../shared/corpus/news/gold.json > /tmp/groups.jsonl
//! python3 ../shared/eval/score_alignment.py ../shared/corpus/news/gold.json \
//!     ../shared/corpus/news/alignment.json /tmp/groups.jsonl --show
//! ```
//!
//! The gold actor ids only stand in for the extractor's *in-article* resolution (which
//! statements of one article share a speaker); which articles' actors are one actor is
//! decided by [`resolve`] from the names each article uses, as in the product.
//! `ALIGN_CFG` and `ALIGN_DICT` are read as `common/mod.rs` says.

use std::collections::BTreeMap;
use std::path::Path;

use parallax_nlp::actors::{resolve, ActorMention, MentionId};
use parallax_nlp::align::{align_with, AlignItem};
use parallax_nlp::extract::ActorKind;
use parallax_nlp::text::fold_for_match;
use parallax_nlp::Lang;
use serde_json::{json, Value};

mod common;

/// Words that make a name an organisation's, for this harness only (the extractor reports
/// kinds from its lexicons).
const ORG_WORDS: &[&str] = &[
    "coalition",
    "commission",
    "committee",
    "forces",
    "force",
    "administration",
    "times",
    "news",
    "government",
    "washington",
    "united",
    "uscirf",
    "cjtfoir",
    "cjtf",
    "التحالف",
    "قوات",
    "لجنه",
    "اللجنه",
    "المفوضيه",
    "هيئه",
    "صحيفه",
    "الولايات",
    "الاداره",
    "واشنطن",
    "تايمز",
];

fn kind_of(name: &str) -> ActorKind {
    let words = parallax_nlp::text::match_tokens(name);
    if words.iter().any(|w| w == "officials" || w == "مصادر") {
        ActorKind::Unnamed
    } else if words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))
        || parallax_nlp::actors::looks_like_acronym(name)
    {
        ActorKind::Organisation
    } else {
        ActorKind::Person
    }
}

/// A name rather than a description: no article or "the" first, Latin words capitalised.
fn proper_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or_default();
    !first.eq_ignore_ascii_case("the")
        && !fold_for_match(first).starts_with("ال")
        && name
            .split_whitespace()
            .all(|w| !w.starts_with(|c: char| c.is_ascii_lowercase()))
        && kind_of(name) == ActorKind::Person
}

fn outlet_of(article_text: &str, file: &str) -> String {
    let first = article_text.lines().next().unwrap_or_default();
    let url = first.split(" | ").next().unwrap_or_default();
    let host = url
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or(file);
    host.trim_start_matches("www.").to_owned()
}

fn main() {
    let gold_path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../../../shared/corpus/news/gold.json".into());
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("reading gold.json"))
            .expect("parsing gold.json");
    let root = Path::new(&gold_path).parent().expect("gold.json's folder");
    let names_of = |id: &str| -> Vec<String> {
        gold["actors"][id]["names"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|n| n.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };

    // per article and gold speaker: the names of it found in the article (as an extractor
    // would report them), and the statements
    let mut mentions: Vec<ActorMention> = Vec::new();
    let mut statements: Vec<(usize, String, String, Lang, String)> = Vec::new(); // (mention, file, outlet, lang, text)
    for art in gold["articles"].as_array().expect("articles") {
        let file = art["file"].as_str().expect("file");
        let lang: Lang = art["lang"]
            .as_str()
            .unwrap_or("")
            .parse()
            .unwrap_or_default();
        let text = std::fs::read_to_string(root.join(file)).expect("reading article");
        let folded = fold_for_match(&text);
        let outlet = outlet_of(&text, file);
        let mut local: BTreeMap<String, usize> = BTreeMap::new();
        for st in art["statements"].as_array().expect("statements") {
            let id = st["actor"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| st["names"][0].as_str().unwrap_or("?").to_owned());
            let m = *local.entry(id.clone()).or_insert_with(|| {
                // the names of this actor that its speaker mentions in this article contain,
                // as the extractor reports them: the shortest full name, other short names
                // as aliases
                let speakers: Vec<String> = art["statements"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|s| s["actor"].as_str() == Some(id.as_str()))
                    .filter_map(|s| s["speaker"].as_str().map(fold_for_match))
                    .collect();
                let mut found: Vec<String> = names_of(&id)
                    .into_iter()
                    .filter(|n| {
                        let f = fold_for_match(n);
                        folded.contains(&f)
                            && (speakers.iter().any(|s| s.contains(&f)) || proper_name(n))
                    })
                    .filter(|n| n.split_whitespace().count() <= 3)
                    .collect();
                let speaker = st["speaker"].as_str().unwrap_or("").to_owned();
                if found.is_empty() && !speaker.is_empty() {
                    found.push(speaker);
                }
                let words = |n: &String| n.split_whitespace().count();
                found.sort_by_key(|n| (words(n) < 2, words(n), n.clone()));
                let name = found.first().cloned().unwrap_or_else(|| id.clone());
                mentions.push(ActorMention {
                    id: MentionId::new(file, &name),
                    article: file.to_owned(),
                    kind: kind_of(&name),
                    name,
                    titles: vec![],
                    roles: vec![],
                    aliases: found.into_iter().skip(1).collect(),
                });
                mentions.len() - 1
            });
            statements.push((
                m,
                file.to_owned(),
                outlet.clone(),
                lang,
                st["content"].as_str().unwrap_or("").to_owned(),
            ));
        }
    }

    let actors = resolve(&mentions, &[]);
    let mut actor_of_mention: BTreeMap<&MentionId, &str> = BTreeMap::new();
    for a in &actors {
        eprintln!("actor {} [{:?}]: {}", a.name, a.kind, a.aliases.join(" | "));
        for m in &a.mentions {
            actor_of_mention.insert(m, &a.name);
        }
    }
    let items: Vec<AlignItem> = statements
        .iter()
        .enumerate()
        .map(|(i, (m, file, outlet, lang, text))| AlignItem {
            id: i as u64,
            actor: actor_of_mention[&mentions[*m].id].to_owned(),
            article: file.clone(),
            outlet: outlet.clone(),
            lang: *lang,
            day: None,
            text: text.clone(),
        })
        .collect();
    let (cfg, dict) = (common::config(), common::dictionary());
    let alignment = align_with(&items, &cfg, &[], dict.as_ref());
    // ALIGN_SIMS=FILE: every same-actor pair's similarity, for calibration
    if let Ok(path) = std::env::var("ALIGN_SIMS") {
        let lines: Vec<String> =
            parallax_nlp::align::pair_similarities(&items, &cfg, dict.as_ref())
                .into_iter()
                .map(|(a, b, sim, cross)| {
                    json!({"a": items[a].article, "at": items[a].text, "b": items[b].article,
                       "bt": items[b].text, "sim": sim, "cross": cross})
                    .to_string()
                })
                .collect();
        std::fs::write(path, lines.join("\n")).expect("writing ALIGN_SIMS");
    }
    common::print_groups(&items, &alignment);
}
