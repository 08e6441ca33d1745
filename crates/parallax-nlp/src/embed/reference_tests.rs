//! The encoder's vectors against reference vectors stored in `testdata/reference_vectors.txt`.
//!
//! The references were computed by the encoder as it was before its speed and memory work
//! (commit ab183b9: every layer dequantised to f32 at load, plain `exp` in GELU and softmax),
//! for invented sentences, with the tiny model of [`super::tiny`] (seed 7) and with the real
//! model file. Vectors already stored in users' projects were computed that way and are
//! never recomputed (they are kept under the model id), so a faster encoder must give the
//! same vectors: within [`MIN_COSINE`] of cosine.
//!
//! Why stored vectors rather than the old code kept beside the new as a test oracle: the old
//! code would be a second encoder to maintain, and it would follow the new one when both are
//! edited together. Why the tiny model always and the real model only when its file is
//! present: tests must run offline on a fresh clone, which has no 72 MB model file (`make
//! deps` fetches it); the tiny model runs every code path of the encoder (tokenizer, 4-bit
//! word table, attention, GELU, layer norms, pooling) but with one layer and random weights,
//! so the real model's twelve layers are what shows that the numerics stay close. On a
//! machine with the file (every machine that ran `make deps`, as `make ci` does) both are
//! checked; without it the real-model half has nothing to compare and only the tiny model is
//! asserted on.
//!
//! `PARALLAX_WRITE_REFERENCE_VECTORS=1 cargo test -p parallax-nlp reference_vectors` rewrites
//! the file from the current encoder: do that only when the vectors are meant to change,
//! which also means giving the model another id so that stored vectors are recomputed.

use super::tiny::tiny_model;
use super::{dot, SentenceModel};

/// The least cosine between a vector and its reference.
const MIN_COSINE: f32 = 0.999;

const REFERENCE: &str = include_str!("testdata/reference_vectors.txt");

/// Invented statements, English and Arabic, short and long, embedded as one batch.
const SENTENCES: &[&str] = &[
    "The harbour commissioner said the new ferry route will open in the spring.",
    "Officials at the Valdren water board denied that the reservoir was ever at risk.",
    "قال المتحدث باسم بلدية تل الزيتون إن أعمال الترميم ستنتهي قبل نهاية العام.",
    "نفت وزارة الزراعة في جمهورية سورانيا أي نقص في مخزون القمح.",
    "Talks resume.",
    "The spokeswoman for the Orlen Valley council, Mira Dostal, told reporters on Tuesday that \
     the budget for the northern bridge had doubled since the plans were first shown, and that \
     the council would ask the regional assembly for help before any work began.",
    "وأضاف رئيس اتحاد الصيادين سامي البرقاوي أن الأسعار ارتفعت بشكل كبير، وأن الحكومة لم تف بوعودها للمزارعين والصيادين في المنطقة الساحلية.",
];

fn real_model_path() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("PARALLAX_MODEL") {
        return p.into();
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cache")))
        .unwrap_or_default();
    cache.join("parallax/models/e5-small-q4.bin")
}

/// The stored vectors of one model (`tiny` or `real`), with the model id they were
/// computed with.
fn stored(which: &str) -> (String, Vec<Vec<f32>>) {
    let mut id = String::new();
    let mut vectors = Vec::new();
    for line in REFERENCE.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        if fields.next() != Some(which) {
            continue;
        }
        match fields.next() {
            Some("id") => id = fields.next().unwrap_or_default().to_owned(),
            Some(_) => vectors.push(
                fields
                    .next()
                    .unwrap_or_default()
                    .split(' ')
                    .map(|x| x.parse().expect("a number"))
                    .collect(),
            ),
            None => {}
        }
    }
    (id, vectors)
}

/// The least cosine between `model`'s vectors of [`SENTENCES`] and the stored ones.
fn least_cosine(which: &str, model: &SentenceModel) -> f32 {
    let (id, reference) = stored(which);
    assert_eq!(
        model.id(),
        id,
        "the {which} model file is not the one the references were computed with"
    );
    assert_eq!(
        reference.len(),
        SENTENCES.len(),
        "one reference per sentence"
    );
    let now = model.embed(SENTENCES);
    let mut least = 1.0f32;
    for (i, (a, b)) in now.iter().zip(&reference).enumerate() {
        let cos = dot(a, b);
        assert!(
            cos >= MIN_COSINE,
            "{which} model, sentence {i}: cosine {cos} to the reference vector (at least {MIN_COSINE} expected)"
        );
        least = least.min(cos);
    }
    // each vector alone (a batch of one) is also the reference vector
    for (i, text) in SENTENCES.iter().enumerate().step_by(3) {
        let cos = dot(&model.embed(&[text])[0], &reference[i]);
        assert!(
            cos >= MIN_COSINE,
            "{which} model, sentence {i} alone: cosine {cos} to the reference vector"
        );
        least = least.min(cos);
    }
    least
}

fn write_references() {
    let mut out = String::from(
        "# Reference sentence vectors: see reference_tests.rs. One line per vector:\n\
         # model <TAB> sentence index <TAB> components; and model <TAB> id <TAB> model id.\n",
    );
    let mut add = |which: &str, model: &SentenceModel| {
        out.push_str(&format!("{which}\tid\t{}\n", model.id()));
        for (i, v) in model.embed(SENTENCES).iter().enumerate() {
            let v: Vec<String> = v.iter().map(f32::to_string).collect();
            out.push_str(&format!("{which}\t{i}\t{}\n", v.join(" ")));
        }
    };
    add("tiny", &SentenceModel::from_vec(tiny_model(7)).unwrap());
    let bytes =
        std::fs::read(real_model_path()).expect("the real model file, to write its references");
    add("real", &SentenceModel::from_vec(bytes).unwrap());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/embed/testdata/reference_vectors.txt"
    );
    std::fs::write(path, out).expect("writing the reference vectors");
}

#[test]
fn reference_vectors_are_reproduced_within_a_thousandth_of_cosine() {
    if std::env::var_os("PARALLAX_WRITE_REFERENCE_VECTORS").is_some() {
        write_references();
        return;
    }
    let tiny = SentenceModel::from_vec(tiny_model(7)).expect("the tiny model parses");
    let least = least_cosine("tiny", &tiny);
    eprintln!("tiny model: least cosine to the reference vectors {least}");
    // The real model when this machine has it (see the module's comment).
    if let Ok(bytes) = std::fs::read(real_model_path()) {
        let real = SentenceModel::from_vec(bytes).expect("the real model parses");
        let least = least_cosine("real", &real);
        eprintln!("real model: least cosine to the reference vectors {least}");
    }
}
