//! The XLM-RoBERTa SentencePiece unigram tokenizer, from the pieces and scores of the model
//! file: per-codepoint normalisation, runs of spaces collapsed, a leading `▁` and every
//! space written as `▁`, then the most probable segmentation (Viterbi over piece scores),
//! with an unknown character scored below every piece.
//!
//! Left out: byte fallback and sampling, which this model does not use. The control pieces
//! (`<s>`, `</s>`, `<pad>`, `<unk>`) are never matched in text, so a statement quoting
//! "<s>" cannot forge a sentence boundary.

use std::collections::HashMap;

use super::format::TokenizerData;

/// SentencePiece's word-boundary mark.
const META: char = '\u{2581}';

/// How far below the lowest piece score an unknown character scores (SentencePiece's
/// `kUnkPenalty`): low enough that any known segmentation wins.
const UNK_PENALTY: f32 = 10.0;

pub struct Tokenizer {
    ids: HashMap<Box<str>, u32>,
    scores: Vec<f32>,
    normalise: HashMap<char, Vec<char>>,
    unk_score: f32,
    max_piece_chars: usize,
    pub bos: u32,
    pub eos: u32,
    pub unk: u32,
}

impl Tokenizer {
    pub fn new(data: TokenizerData) -> Tokenizer {
        let controls = [data.bos, data.eos, data.pad, data.unk];
        let mut ids = HashMap::with_capacity(data.pieces.len());
        let mut max_piece_chars = 1;
        for (i, p) in data.pieces.iter().enumerate() {
            if p.is_empty() || controls.contains(&(i as u32)) {
                continue;
            }
            max_piece_chars = max_piece_chars.max(p.chars().count());
            ids.entry(p.clone().into_boxed_str()).or_insert(i as u32);
        }
        let min = data.scores.iter().copied().fold(f32::INFINITY, f32::min);
        Tokenizer {
            ids,
            unk_score: if min.is_finite() { min } else { 0.0 } - UNK_PENALTY,
            scores: data.scores,
            normalise: data.normalise,
            max_piece_chars,
            bos: data.bos,
            eos: data.eos,
            unk: data.unk,
        }
    }

    /// The normalised text as SentencePiece segments it: `▁` for every space and at the
    /// start.
    fn prepare(&self, text: &str) -> Vec<char> {
        let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
        for ch in text.chars() {
            match self.normalise.get(&ch) {
                Some(out) => chars.extend_from_slice(out),
                None => chars.push(ch),
            }
        }
        chars.dedup_by(|a, b| *a == ' ' && *b == ' '); // a run of spaces is one
        let mut out = Vec::with_capacity(chars.len() + 1);
        if chars.first() != Some(&' ') {
            out.push(META);
        }
        out.extend(
            chars
                .into_iter()
                .map(|ch| if ch == ' ' { META } else { ch }),
        );
        out
    }

    /// The piece ids of `text`, without the sentence marks, at most `max` of them (the
    /// first ones).
    pub fn encode(&self, text: &str, max: usize) -> Vec<u32> {
        let chars = self.prepare(text);
        let n = chars.len();
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut back: Vec<(usize, u32)> = vec![(0, self.unk); n + 1];
        best[0] = 0.0;
        let mut piece = String::new();
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            piece.clear();
            for (e, &ch) in chars[i..n.min(i + self.max_piece_chars)].iter().enumerate() {
                piece.push(ch);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    let s = best[i] + self.scores[id as usize];
                    if s > best[i + e + 1] {
                        best[i + e + 1] = s;
                        back[i + e + 1] = (i, id);
                    }
                }
            }
            let s = best[i] + self.unk_score;
            if s > best[i + 1] {
                best[i + 1] = s;
                back[i + 1] = (i, self.unk);
            }
        }
        let mut ids = Vec::new();
        let mut at = n;
        while at > 0 {
            let (from, id) = back[at];
            ids.push(id);
            at = from;
        }
        ids.reverse();
        ids.truncate(max);
        ids
    }
}
