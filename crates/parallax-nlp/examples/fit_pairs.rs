//! Fits the pair model (`src/align/pair_model.toml`) on the gold alignments of the shared
//! corpus: a logistic regression over the pair features ([`FEATURES`]), then the two
//! probability cuts that give the best mean pairs F1 over the training stories when the
//! product's clustering runs on their gold statements.
//!
//! ```text
//! cargo run --release -p parallax-nlp --example fit_pairs -- MODEL.bin ../shared/corpus \
//!     crates/parallax-nlp/src/align/pair_model.toml [--hold-out story2] [--no-dictionary]
//! ```
//!
//! Stories: `news/` is story1, `news-more/`'s files are named `storyN_…`. `--hold-out`
//! leaves a story out of everything (weights, cuts, language means), for leave-one-story-out
//! figures (`tools/eval.py --loso`). The FreeDict dictionaries are read from
//! `/usr/share/dictd` when there (the product's default), since the `lexical` feature
//! depends on them. Language means: every gold statement of the training stories, of `dev/`
//! and up to [`POLNEAR_SAMPLE`] of `dev-polnear/` (English).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Read, Write};
use std::path::Path;

use parallax_nlp::align::{
    align_semantic, pair_features, pair_similarities, AlignConfig, AlignItem, Bilingual,
    LanguageMeans, PairModel, Semantic, FEATURES,
};
use parallax_nlp::embed::SentenceModel;
use parallax_nlp::Lang;
use serde_json::Value;

/// English statements of the PolNeAR split taken into the language means (the rest add
/// little to a mean and cost embedding time).
const POLNEAR_SAMPLE: usize = 400;
/// Newton steps of the logistic regression (it converges in a handful).
const NEWTON_STEPS: usize = 25;
/// L2 penalty on the weights (not the bias): a few hundred positive pairs must not give
/// extreme weights.
const L2: f64 = 1e-4;

/// One story's gold statements as align items, their vectors, and their indexes in the
/// statement list.
type StoryData = (Vec<AlignItem>, Vec<Option<Vec<f32>>>, Vec<usize>);

struct Stmt {
    story: String,
    file: String,
    lang: Lang,
    actor: String,
    text: String,
    groups: BTreeSet<(String, usize)>,
    optional: BTreeSet<(String, usize)>,
}

fn story_of(folder: &str, file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    match name.split_once('_') {
        Some((s, _)) if s.starts_with("story") => s.to_owned(),
        _ if folder == "news" => "story1".to_owned(),
        _ => folder.to_owned(),
    }
}

fn load(corpus: &Path, folder: &str) -> Vec<Stmt> {
    let dir = corpus.join(folder);
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).expect("gold.json"))
            .expect("gold.json is JSON");
    let mut out = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for art in gold["articles"].as_array().into_iter().flatten() {
        let file = art["file"].as_str().unwrap_or_default().to_owned();
        let lang = match art["lang"].as_str() {
            Some("ar") => Lang::Ar,
            Some("en") => Lang::En,
            _ => Lang::Other,
        };
        for s in art["statements"].as_array().into_iter().flatten() {
            let actor = match s["actor"].as_str() {
                Some(a) => a.to_owned(),
                None => s["names"].to_string(),
            };
            let text = s["content"].as_str().unwrap_or_default().to_owned();
            index.insert((file.clone(), text.clone()), out.len());
            out.push(Stmt {
                story: story_of(folder, &file),
                file: format!("{folder}/{file}"),
                lang,
                actor: format!("{folder}:{actor}"),
                text,
                groups: BTreeSet::new(),
                optional: BTreeSet::new(),
            });
        }
    }
    if let Ok(text) = std::fs::read_to_string(dir.join("alignment.json")) {
        let al: Value = serde_json::from_str(&text).expect("alignment.json is JSON");
        for story in al["stories"].as_array().into_iter().flatten() {
            let name = story["story"].to_string();
            for (g, grp) in story["groups"].as_array().into_iter().flatten().enumerate() {
                let optional = grp["optional"].as_bool().unwrap_or(false);
                for m in grp["members"].as_array().into_iter().flatten() {
                    let key = (
                        m["file"].as_str().unwrap_or_default().to_owned(),
                        m["content"].as_str().unwrap_or_default().to_owned(),
                    );
                    if let Some(&i) = index.get(&key) {
                        let set = if optional {
                            &mut out[i].optional
                        } else {
                            &mut out[i].groups
                        };
                        set.insert((name.clone(), g));
                    }
                }
            }
        }
    }
    out
}

fn dictionary() -> Option<Bilingual> {
    let mut dict = Bilingual::new();
    let mut any = false;
    for name in ["freedict-eng-ara", "freedict-ara-eng"] {
        let prefix = Path::new("/usr/share/dictd").join(name);
        let Ok(index) = std::fs::read_to_string(prefix.with_extension("index")) else {
            continue;
        };
        let Ok(file) = std::fs::File::open(prefix.with_extension("dict.dz")) else {
            continue;
        };
        let mut body = String::new();
        flate2::read::MultiGzDecoder::new(file)
            .read_to_string(&mut body)
            .expect("reading a dictionary");
        dict.add_dictd(&index, &body);
        any = true;
    }
    any.then_some(dict)
}

/// Gold label of a pair: `Some(true)` same claim, `Some(false)` not, `None` neutral.
fn label(a: &Stmt, b: &Stmt) -> Option<bool> {
    if a.groups.intersection(&b.groups).next().is_some() {
        return Some(true);
    }
    let a_all: BTreeSet<_> = a.groups.union(&a.optional).collect();
    if b.optional
        .iter()
        .chain(&b.groups)
        .any(|g| a_all.contains(g))
    {
        return None;
    }
    Some(false)
}

/// Logistic regression by Newton's method (iteratively reweighted least squares) with an
/// L2 penalty; returns the weights and the bias.
fn logistic_regression(data: &[&([f32; 4], bool, String)]) -> ([f32; 4], f32) {
    const K: usize = 5; // four weights and the bias
    let mut beta = [0.0f64; K];
    let row =
        |x: &[f32; 4]| -> [f64; K] { [x[0] as f64, x[1] as f64, x[2] as f64, x[3] as f64, 1.0] };
    for _ in 0..NEWTON_STEPS {
        let mut g = [0.0f64; K];
        let mut h = [[0.0f64; K]; K];
        for (x, y, _) in data {
            let r = row(x);
            let z: f64 = r.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if *y { 1.0 } else { 0.0 };
            for i in 0..K {
                g[i] += err * r[i];
                for j in 0..K {
                    h[i][j] += p * (1.0 - p) * r[i] * r[j];
                }
            }
        }
        for i in 0..K - 1 {
            g[i] += L2 * beta[i] * data.len() as f64;
            h[i][i] += L2 * data.len() as f64;
        }
        let step = solve(h, g);
        for i in 0..K {
            beta[i] -= step[i];
        }
    }
    (
        [
            beta[0] as f32,
            beta[1] as f32,
            beta[2] as f32,
            beta[3] as f32,
        ],
        beta[4] as f32,
    )
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve<const K: usize>(mut a: [[f64; K]; K], mut b: [f64; K]) -> [f64; K] {
    for c in 0..K {
        let p = (c..K)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        let d = if a[c][c].abs() < 1e-12 {
            1e-12
        } else {
            a[c][c]
        };
        let pivot = a[c];
        for r in c + 1..K {
            let f = a[r][c] / d;
            for (x, p) in a[r][c..].iter_mut().zip(&pivot[c..]) {
                *x -= f * p;
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = [0.0; K];
    for c in (0..K).rev() {
        let s: f64 = (c + 1..K).map(|k| a[c][k] * x[k]).sum();
        let d = if a[c][c].abs() < 1e-12 {
            1e-12
        } else {
            a[c][c]
        };
        x[c] = (b[c] - s) / d;
    }
    x
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f32 {
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f32 / (tp + fp) as f32;
    let r = tp as f32 / (tp + fn_) as f32;
    2.0 * p * r / (p + r)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name);
    let hold_out = flag("--hold-out").map(|i| args[i + 1].clone());
    let use_dict = flag("--no-dictionary").is_none();
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !(a.starts_with("--") || *i > 0 && args[i - 1] == "--hold-out"))
        .map(|(_, a)| a)
        .collect();
    let [model_path, corpus, out] = positional[..] else {
        eprintln!(
            "usage: fit_pairs MODEL.bin CORPUS OUT.toml [--hold-out storyN] [--no-dictionary]"
        );
        std::process::exit(2);
    };
    let corpus = Path::new(corpus);
    let model = SentenceModel::from_bytes(&std::fs::read(model_path).expect("model file"))
        .expect("a model file");
    let dict = if use_dict { dictionary() } else { None };
    eprintln!(
        "dictionary: {}",
        if dict.is_some() { "FreeDict" } else { "none" }
    );

    let mut stmts = load(corpus, "news");
    stmts.extend(load(corpus, "news-more"));
    let train = |s: &Stmt| Some(&s.story) != hold_out.as_ref();
    let mut mean_texts: Vec<(Lang, String)> = stmts
        .iter()
        .filter(|s| train(s))
        .map(|s| (s.lang, s.text.clone()))
        .collect();
    for s in load(corpus, "dev") {
        mean_texts.push((s.lang, s.text));
    }
    mean_texts.extend(
        load(corpus, "dev-polnear")
            .into_iter()
            .take(POLNEAR_SAMPLE)
            .map(|s| (Lang::En, s.text)),
    );

    // vectors of earlier runs (FIT_PAIRS_CACHE=file): the fit is rerun for every fold
    let cache_path = std::env::var("FIT_PAIRS_CACHE").ok();
    let cache: std::cell::RefCell<HashMap<String, Vec<f32>>> = std::cell::RefCell::new(
        cache_path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default(),
    );
    let embed = |texts: Vec<&str>| -> Vec<Vec<f32>> {
        let key = |t: &str| format!("{}\u{1}{t}", model.id());
        let missing: Vec<&str> = texts
            .iter()
            .copied()
            .filter(|t| !cache.borrow().contains_key(&key(t)))
            .collect();
        for chunk in missing.chunks(32) {
            for (t, v) in chunk.iter().zip(model.embed(chunk)) {
                cache.borrow_mut().insert(key(t), v);
            }
        }
        texts
            .iter()
            .map(|t| cache.borrow()[&key(t)].clone())
            .collect()
    };
    let t0 = std::time::Instant::now();
    let vectors: Vec<Vec<f32>> = embed(stmts.iter().map(|s| s.text.as_str()).collect());
    let mean_vectors = embed(mean_texts.iter().map(|(_, t)| t.as_str()).collect());
    if let Some(p) = &cache_path {
        let _ = std::fs::write(
            p,
            serde_json::to_string(&*cache.borrow()).unwrap_or_default(),
        );
    }
    eprintln!(
        "embedded {} statements in {:.1?}",
        vectors.len() + mean_vectors.len(),
        t0.elapsed()
    );
    let mut means = BTreeMap::new();
    for lang in [Lang::Ar, Lang::En] {
        let vs: Vec<&Vec<f32>> = mean_texts
            .iter()
            .zip(&mean_vectors)
            .filter(|((l, _), _)| *l == lang)
            .map(|(_, v)| v)
            .collect();
        let mut m = vec![0.0f32; vs.first().map_or(0, |v| v.len())];
        for v in &vs {
            m.iter_mut().zip(v.iter()).for_each(|(s, x)| *s += x);
        }
        m.iter_mut().for_each(|s| *s /= vs.len().max(1) as f32);
        means.insert(lang.code().to_owned(), m);
    }

    // FIT_PAIRS_DUMP=file: every statement and pair as JSON lines, for experiments
    let mut dump = std::env::var("FIT_PAIRS_DUMP")
        .ok()
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("dump file")));
    if let Some(d) = dump.as_mut() {
        for (i, s) in stmts.iter().enumerate() {
            writeln!(d, "{}", serde_json::json!({"stmt": i, "story": s.story, "file": s.file, "lang": s.lang.code(), "actor": s.actor, "text": s.text, "groups": s.groups.iter().map(|g| format!("{}#{}", g.0, g.1)).collect::<Vec<_>>(), "optional": s.optional.iter().map(|g| format!("{}#{}", g.0, g.1)).collect::<Vec<_>>(), "vector": vectors[i]})).ok();
        }
        for (lang, m) in &means {
            writeln!(d, "{}", serde_json::json!({"mean": lang, "vector": m})).ok();
        }
    }
    // per story: items, vectors, pairs with features and labels
    let stories: BTreeSet<String> = stmts.iter().map(|s| s.story.clone()).collect();
    let cfg = AlignConfig::default();
    let mut data: Vec<([f32; 4], bool, String)> = Vec::new();
    let mut per_story: BTreeMap<String, StoryData> = BTreeMap::new();
    for story in &stories {
        let idx: Vec<usize> = (0..stmts.len())
            .filter(|&i| &stmts[i].story == story)
            .collect();
        let items: Vec<AlignItem> = idx
            .iter()
            .enumerate()
            .map(|(k, &i)| AlignItem {
                id: k as u64,
                actor: stmts[i].actor.clone(),
                article: stmts[i].file.clone(),
                outlet: stmts[i].file.clone(),
                lang: stmts[i].lang,
                day: None,
                text: stmts[i].text.clone(),
            })
            .collect();
        let local = LanguageMeans::new(
            idx.iter().map(|&i| (stmts[i].lang, vectors[i].as_slice())),
            &means,
        );
        let centred: Vec<Vec<f32>> = idx
            .iter()
            .map(|&i| local.centre(stmts[i].lang, &vectors[i]))
            .collect();
        for (a, b, sim, cross) in pair_similarities(&items, &cfg, dict.as_ref()) {
            if let Some(d) = dump.as_mut() {
                let y = label(&stmts[idx[a]], &stmts[idx[b]]);
                writeln!(d, "{}", serde_json::json!({"pair": [idx[a], idx[b]], "sim": sim, "cross": cross, "label": y})).ok();
            }
            if let Some(y) = label(&stmts[idx[a]], &stmts[idx[b]]) {
                data.push((
                    pair_features(&centred[a], &centred[b], cross, sim),
                    y,
                    story.clone(),
                ));
            }
        }
        let vs = idx.iter().map(|&i| Some(vectors[i].clone())).collect();
        per_story.insert(story.clone(), (items, vs, idx));
    }

    // logistic regression on the training pairs
    let training: Vec<&([f32; 4], bool, String)> = data
        .iter()
        .filter(|d| Some(&d.2) != hold_out.as_ref())
        .collect();
    let positives = training.iter().filter(|d| d.1).count();
    eprintln!(
        "{} training pairs, {positives} of one claim",
        training.len()
    );
    let (w, bias) = logistic_regression(&training);
    eprintln!("weights {w:?} bias {bias}");

    // the cuts: best mean pairs F1 over the training stories, the product's clustering
    let mut pm = PairModel {
        sentence_model: model.id().to_owned(),
        features: FEATURES.iter().map(|s| s.to_string()).collect(),
        weights: w.to_vec(),
        bias,
        cut: 0.5,
        link_cut: 0.3,
        means,
        provenance: BTreeMap::new(),
    };
    let score = |pm: &PairModel, story: &str| -> (f32, f32) {
        let (items, vs, idx) = &per_story[story];
        let al = align_semantic(
            items,
            &cfg,
            &[],
            dict.as_ref(),
            Some(&Semantic {
                vectors: vs,
                model: pm,
            }),
        );
        let mut group_of = vec![0; items.len()];
        for (g, grp) in al.groups.iter().enumerate() {
            for &m in &grp.members {
                group_of[m] = g;
            }
        }
        let (mut c, mut x) = ([0usize; 3], [0usize; 3]);
        for a in 0..items.len() {
            for b in a + 1..items.len() {
                let (sa, sb) = (&stmts[idx[a]], &stmts[idx[b]]);
                if sa.file == sb.file {
                    continue;
                }
                let Some(gold) = label(sa, sb) else { continue };
                let gold = gold && sa.actor == sb.actor;
                let pred = group_of[a] == group_of[b];
                let k = match (gold, pred) {
                    (true, true) => 0,
                    (false, true) => 1,
                    (true, false) => 2,
                    _ => continue,
                };
                c[k] += 1;
                if sa.lang != sb.lang {
                    x[k] += 1;
                }
            }
        }
        (f1(c[0], c[1], c[2]), f1(x[0], x[1], x[2]))
    };
    let train_stories: Vec<&String> = stories
        .iter()
        .filter(|s| Some(*s) != hold_out.as_ref())
        .collect();
    let mut best = (f32::MIN, 0.5, 0.3);
    for cut in (2..=18).map(|k| k as f32 * 0.05) {
        for link in (1..=18).map(|k| k as f32 * 0.05).filter(|&l| l <= cut) {
            pm.cut = cut;
            pm.link_cut = link;
            let mean = train_stories.iter().map(|s| score(&pm, s).0).sum::<f32>()
                / train_stories.len() as f32;
            if mean > best.0 + 1e-4 {
                best = (mean, cut, link);
            }
        }
    }
    pm.cut = best.1;
    pm.link_cut = best.2;
    let mut report = Vec::new();
    for s in &stories {
        let (f, x) = score(&pm, s);
        let tag = if Some(s) == hold_out.as_ref() {
            " (held out)"
        } else {
            ""
        };
        eprintln!("{s}{tag}: gold-statement pairs F1 {f:.3}, cross-language {x:.3}");
        report.push(format!("{s}{tag} {f:.3}/{x:.3}"));
    }
    eprintln!(
        "cuts: {:.2} / link {:.2} (mean training F1 {:.3})",
        pm.cut, pm.link_cut, best.0
    );
    pm.provenance.insert(
        "command".into(),
        format!(
            "cargo run --release -p parallax-nlp --example fit_pairs -- MODEL.bin CORPUS OUT.toml{}{}",
            hold_out.as_ref().map(|h| format!(" --hold-out {h}")).unwrap_or_default(),
            if use_dict { "" } else { " --no-dictionary" }
        ),
    );
    pm.provenance.insert(
        "data".into(),
        "shared/corpus news/ (story1) and news-more/ (stories 2-4) gold statements and alignments; \
         means also over dev/ and a sample of dev-polnear/"
            .into(),
    );
    pm.provenance.insert(
        "gold_statement_scores".into(),
        format!(
            "pairs F1/cross-language F1 on gold statements, gold actors: {}",
            report.join(", ")
        ),
    );
    std::fs::write(out, pm.to_toml()).expect("writing the pair model");
}
