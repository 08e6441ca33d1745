//! A tiny model file in the real format, for tests: one layer, a vocabulary of letters and a
//! few words, weights from a seeded generator. Its vectors mean nothing, but everything that
//! reads, runs, stores and compares vectors can be tested without the 72 MB model (which
//! tests must not need: a fresh clone runs its tests offline).

use super::format::{Q4_BLOCK_BYTES, QK};
use super::DIM;

/// Pieces beyond the letters, so that words of the tests segment into several pieces.
const WORDS: &[&str] = &[
    "\u{2581}query",
    ":",
    "\u{2581}the",
    "\u{2581}minister",
    "\u{2581}said",
    "\u{2581}talks",
    "\u{2581}will",
    "\u{2581}resume",
    "\u{2581}قال",
    "\u{2581}الوزير",
    "\u{2581}إن",
];
const FFN: usize = 64;
const MAX_POSITIONS: usize = 256;

/// A model file of this format whose weights are drawn from `seed`: another seed, another
/// model (and another model id).
pub fn tiny_model(seed: u64) -> Vec<u8> {
    let mut pieces: Vec<String> = ["<s>", "<pad>", "</s>", "<unk>"].map(String::from).to_vec();
    pieces.push("\u{2581}".into());
    for c in ('a'..='z').chain('ا'..='ي') {
        pieces.push(c.to_string());
        pieces.push(format!("\u{2581}{c}"));
    }
    pieces.extend(WORDS.iter().map(|w| w.to_string()));
    let n = pieces.len();
    let vocab_rows = n.div_ceil(8) * 8;
    let mut rng = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        ((rng >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
    };

    let mut head = Vec::new();
    head.extend_from_slice(b"E5S1");
    head.extend_from_slice(&1u32.to_le_bytes());
    for v in [DIM, 1, 6, FFN, vocab_rows, MAX_POSITIONS, 1] {
        head.extend_from_slice(&(v as i32).to_le_bytes());
    }
    head.extend_from_slice(&1e-12f32.to_le_bytes());
    head.extend_from_slice(&(QK as i32).to_le_bytes());
    // tokenizer: pieces, scores (longer pieces score higher, so words beat letters)
    head.extend_from_slice(&(n as i32).to_le_bytes());
    for id in [0u32, 2, 1, 3] {
        head.extend_from_slice(&id.to_le_bytes());
    }
    let blob: Vec<u8> = pieces.iter().flat_map(|p| p.bytes()).collect();
    head.extend_from_slice(&(blob.len() as u64).to_le_bytes());
    let mut at = 0u32;
    head.extend_from_slice(&at.to_le_bytes());
    for p in &pieces {
        at += p.len() as u32;
        head.extend_from_slice(&at.to_le_bytes());
    }
    for p in &pieces {
        head.extend_from_slice(&(-12.0 + p.chars().count() as f32).to_le_bytes());
    }
    head.extend_from_slice(&blob);
    // normalisation: capitals to small letters
    let norm: Vec<(char, char)> = ('A'..='Z').zip('a'..='z').collect();
    head.extend_from_slice(&(norm.len() as i32).to_le_bytes());
    head.extend_from_slice(&((norm.len() * 9) as u32).to_le_bytes());
    for (from, to) in norm {
        head.extend_from_slice(&(from as u32).to_le_bytes());
        head.push(1);
        head.extend_from_slice(&(to as u32).to_le_bytes());
    }

    // tensors: (name, f32 values or Q4 blocks)
    let h = DIM;
    let mut tensors: Vec<(String, u8, usize, Vec<u8>)> = Vec::new();
    let mut dense = |name: &str, values: Vec<f32>| {
        let bytes = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        tensors.push((name.to_owned(), 0, values.len(), bytes));
    };
    let ones = |n| vec![1.0f32; n];
    let zeros = |n| vec![0.0f32; n];
    dense(
        "emb.pos",
        (0..MAX_POSITIONS * h).map(|_| next() * 0.1).collect(),
    );
    dense("emb.type", (0..2 * h).map(|_| next() * 0.1).collect());
    dense("emb.ln.w", ones(h));
    dense("emb.ln.b", zeros(h));
    for s in ["q.b", "k.b", "v.b", "ao.b", "fo.b", "aln.b", "oln.b"] {
        dense(&format!("l0.{s}"), zeros(h));
    }
    dense("l0.aln.w", ones(h));
    dense("l0.oln.w", ones(h));
    dense("l0.fi.b", zeros(FFN));
    let mut q4 = |name: &str, elements: usize| {
        let mut bytes = Vec::with_capacity(elements / QK * Q4_BLOCK_BYTES);
        for _ in 0..elements / QK {
            bytes.extend_from_slice(&0x2c00u16.to_le_bytes()); // f16 0.0625
            bytes.extend((0..16).map(|_| ((next() * 0.5 + 0.5) * 255.0) as u8));
        }
        tensors.push((name.to_owned(), 1, elements, bytes));
    };
    q4("emb.word", vocab_rows * h);
    for s in ["q.w", "k.w", "v.w", "ao.w"] {
        q4(&format!("l0.{s}"), h * h);
    }
    q4("l0.fi.w", FFN * h);
    q4("l0.fo.w", h * FFN);

    let mut index_len = 4;
    for (name, ..) in &tensors {
        index_len += 2 + name.len() + 1 + 4 + 8 + 8;
    }
    let mut offset = (head.len() + index_len) as u64;
    let mut out = head;
    out.extend_from_slice(&(tensors.len() as i32).to_le_bytes());
    for (name, dtype, elements, bytes) in &tensors {
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.push(*dtype);
        out.extend_from_slice(&(*elements as u32).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        offset += bytes.len() as u64;
    }
    for (.., bytes) in tensors {
        out.extend_from_slice(&bytes);
    }
    out
}
