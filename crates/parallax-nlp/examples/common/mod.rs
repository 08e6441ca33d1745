//! Settings the calibration examples read from the environment.
//!
//! - `ALIGN_CFG='{"threshold": 0.45}'` overrides [`AlignConfig`] fields;
//! - `ALIGN_DICT=INDEX:BODY[,INDEX:BODY]` reads dictd dictionaries as the bilingual word
//!   list (the body uncompressed, e.g. `zcat freedict-eng-ara.dict.dz > eng-ara.dict`).

use parallax_nlp::align::{AlignConfig, AlignItem, Alignment, Bilingual};
use serde_json::{json, Value};

pub fn config() -> AlignConfig {
    let mut cfg = serde_json::to_value(AlignConfig::default()).expect("config as JSON");
    if let Ok(over) = std::env::var("ALIGN_CFG") {
        let over: Value = serde_json::from_str(&over).expect("ALIGN_CFG is a JSON object");
        for (k, v) in over.as_object().into_iter().flatten() {
            cfg[k] = v.clone();
        }
    }
    serde_json::from_value(cfg).expect("ALIGN_CFG fits AlignConfig")
}

pub fn dictionary() -> Option<Bilingual> {
    let spec = std::env::var("ALIGN_DICT").ok()?;
    let mut dict = Bilingual::new();
    for pair in spec.split(',') {
        let (index, body) = pair.split_once(':').expect("ALIGN_DICT is INDEX:BODY");
        let read = |p: &str| std::fs::read_to_string(p).expect("reading a dictionary file");
        let n = dict.add_dictd(&read(index), &read(body));
        eprintln!("{index}: {n} word pairs");
    }
    Some(dict)
}

/// Prints one group per line in the shape `parallax compare --json` prints (the fields the
/// scorer reads, and `missing_from`).
pub fn print_groups(items: &[AlignItem], alignment: &Alignment) {
    for (g, group) in alignment.groups.iter().enumerate() {
        let members: Vec<Value> = group
            .members
            .iter()
            .map(|&m| json!({"source": items[m].article, "text": items[m].text, "outlet": items[m].outlet}))
            .collect();
        println!(
            "{}",
            json!({"actor": group.actor, "group": g, "claim": group.claim, "statements": members, "missing_from": group.missing_from})
        );
    }
}
