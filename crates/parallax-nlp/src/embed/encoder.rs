//! The BERT encoder of multilingual-e5-small: embeddings, twelve layers of self-attention
//! and feed-forward, mean pooling. Matrix products run on `ndarray` (its `matrixmultiply`
//! kernels).
//!
//! The weights stay in the model file's 4-bit blocks, read in place: a weight matrix is
//! dequantised into a scratch buffer of the batch just before its product and overwritten by
//! the next one, so the process holds the 72 MB file and one matrix (2.4 MB) of f32 weights
//! per batch in flight, not the 85 MB of all twelve layers dequantised. Dequantising costs
//! one pass over the matrix per batch, about 1% of a batch of 32 statements (the product
//! reads each weight once per token); a batch of one pays it in full (see the README).
//!
//! A batch is one matrix: every statement's tokens one after another, so each weight matrix
//! is read once per batch; attention alone runs per statement. No padding is computed.
//!
//! The element-wise steps (GELU, softmax, layer norm) are written so that the compiler
//! vectorises them: an `exp` of their own (a polynomial, as precise as the C library's to a
//! few units in the last place) and sums in eight lanes. They differ from a plain
//! sequential evaluation by rounding only; the reference test holds the vectors to those of
//! the earlier, plain encoder.

use std::ops::Range;

use ndarray::{linalg::general_mat_mul, Array2, ArrayView2, ArrayViewMut2, Axis, Slice};

use super::format::{dequantize_q4, Dims, FormatError, ModelFile, Tensor, Q4_BLOCK_BYTES, QK};

/// A weight matrix as the file stores it: `rows` outputs of `cols` weights each, row by row,
/// in 4-bit blocks starting `at` bytes into the file.
#[derive(Clone, Copy)]
struct Q4Matrix {
    at: usize,
    rows: usize,
    cols: usize,
}

impl Q4Matrix {
    fn bytes(&self) -> usize {
        self.rows * self.cols / QK * Q4_BLOCK_BYTES
    }
}

struct Layer {
    /// Query, key and value projections, dequantised one after another into one
    /// `[3·hidden, hidden]` matrix so that one product computes all three.
    qkv: [Q4Matrix; 3],
    qkv_bias: Vec<f32>,
    attn_out: Q4Matrix,
    attn_out_bias: Vec<f32>,
    attn_norm: (Vec<f32>, Vec<f32>),
    ffn_in: Q4Matrix,
    ffn_in_bias: Vec<f32>,
    ffn_out: Q4Matrix,
    ffn_out_bias: Vec<f32>,
    ffn_norm: (Vec<f32>, Vec<f32>),
}

/// Tokens computed as one matrix at most. The buffers of a forward pass hold ~15 KB per
/// token (the activations and the feed-forward layer's 1,536 per token), so a batch of 32
/// statements of 192 pieces would need 95 MB; cut into groups of this many tokens it needs
/// 32 MB. Typical batches (32 statements of ~35 pieces) are one group. Larger groups gain
/// nothing: a weight matrix is dequantised once per group, which is ~1% of the group's
/// products already at this size.
const MAX_GROUP_TOKENS: usize = 2048;

pub struct Encoder {
    pub dims: Dims,
    /// The model file's bytes, which hold the word embedding table (4-bit, one row of
    /// `hidden` weights per piece) at `words_at` and every layer's weight matrices: they are
    /// read in place, not copied.
    file: Vec<u8>,
    words_at: usize,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
}

/// Where a 4-bit tensor of `elements` weights starts in `bytes` (the file `f` was parsed from:
/// the parser hands out sub-slices of it).
fn q4_offset(
    f: &ModelFile<'_>,
    bytes: &[u8],
    name: &str,
    elements: usize,
) -> Result<usize, FormatError> {
    match f.tensor(name, elements)? {
        Tensor::Q4(blocks) => (blocks.as_ptr() as usize)
            .checked_sub(bytes.as_ptr() as usize)
            .filter(|at| at + blocks.len() <= bytes.len())
            .ok_or(FormatError::Truncated("tensor data")),
        Tensor::F32(_) => Err(FormatError::Unsupported("dense weight matrices")),
    }
}

/// Buffers of one forward pass, reused from layer to layer.
struct Scratch {
    /// The weight matrix of the product being computed, dequantised.
    weights: Vec<f32>,
    qkv: Array2<f32>,
    ctx: Array2<f32>,
    mid: Array2<f32>,
    out: Array2<f32>,
}

impl Encoder {
    /// The encoder of a parsed file (`bytes` is the file `f` was parsed from). Only the
    /// small tensors are copied out; [`Encoder::attach`] then hands over the file's bytes,
    /// which hold the word table and the layers' weights.
    pub fn load(f: &ModelFile<'_>, bytes: &[u8]) -> Result<Encoder, FormatError> {
        let d = f.dims;
        let (h, ff) = (d.hidden, d.ffn);
        let vec = |name: &str, n: usize| f.dense(name, n);
        let matrix = |name: &str, rows: usize, cols: usize| {
            Ok::<_, FormatError>(Q4Matrix {
                at: q4_offset(f, bytes, name, rows * cols)?,
                rows,
                cols,
            })
        };
        let words_at = q4_offset(f, bytes, "emb.word", d.vocab_rows * h)?;
        let mut layers = Vec::with_capacity(d.layers);
        for l in 0..d.layers {
            let name = |s: &str| format!("l{l}.{s}");
            let mut qkv_bias = vec(&name("q.b"), h)?;
            qkv_bias.extend(vec(&name("k.b"), h)?);
            qkv_bias.extend(vec(&name("v.b"), h)?);
            layers.push(Layer {
                qkv: [
                    matrix(&name("q.w"), h, h)?,
                    matrix(&name("k.w"), h, h)?,
                    matrix(&name("v.w"), h, h)?,
                ],
                qkv_bias,
                attn_out: matrix(&name("ao.w"), h, h)?,
                attn_out_bias: vec(&name("ao.b"), h)?,
                attn_norm: (vec(&name("aln.w"), h)?, vec(&name("aln.b"), h)?),
                ffn_in: matrix(&name("fi.w"), ff, h)?,
                ffn_in_bias: vec(&name("fi.b"), ff)?,
                ffn_out: matrix(&name("fo.w"), h, ff)?,
                ffn_out_bias: vec(&name("fo.b"), h)?,
                ffn_norm: (vec(&name("oln.w"), h)?, vec(&name("oln.b"), h)?),
            });
        }
        Ok(Encoder {
            dims: d,
            file: Vec::new(),
            words_at,
            positions: vec("emb.pos", d.max_positions * h)?,
            token_type: vec("emb.type", 2 * h)?,
            embed_norm: (vec("emb.ln.w", h)?, vec("emb.ln.b", h)?),
            layers,
        })
    }

    /// Takes the bytes of the file the encoder was loaded from (they hold the word table
    /// and the layers' weights).
    pub fn attach(&mut self, file: Vec<u8>) {
        self.file = file;
    }

    /// `matrices` (stacked, row after row) dequantised into `into`: a `[Σ rows, cols]` view.
    fn dequantize<'s>(&self, matrices: &[Q4Matrix], into: &'s mut Vec<f32>) -> ArrayView2<'s, f32> {
        let cols = matrices[0].cols;
        let rows: usize = matrices.iter().map(|m| m.rows).sum();
        into.resize(rows * cols, 0.0);
        let mut at = 0;
        for m in matrices {
            let n = m.rows * m.cols;
            dequantize_q4(&self.file[m.at..m.at + m.bytes()], &mut into[at..at + n]);
            at += n;
        }
        ArrayView2::from_shape((rows, cols), &into[..]).expect("the buffer was sized for it")
    }

    /// `out = x · Wᵀ + bias`, `W` the stacked `matrices` (one row per output).
    fn affine(
        &self,
        x: ArrayView2<'_, f32>,
        matrices: &[Q4Matrix],
        bias: &[f32],
        weights: &mut Vec<f32>,
        out: &mut Array2<f32>,
    ) {
        let w = self.dequantize(matrices, weights);
        for mut row in out.rows_mut() {
            row.as_slice_mut()
                .expect("rows are contiguous")
                .copy_from_slice(bias);
        }
        general_mat_mul(1.0, &x, &w.t(), 1.0, out);
    }

    /// Mean-pooled, L2-normalised sentence vectors of token sequences (each with its
    /// sentence marks, at most `max_positions` long).
    pub fn forward(&self, seqs: &[Vec<u32>]) -> Vec<Vec<f32>> {
        self.forward_in_groups(seqs, MAX_GROUP_TOKENS)
    }

    /// [`Encoder::forward`] over consecutive groups of sequences of at most `max_tokens`
    /// tokens in all (or one sequence, when it alone is longer).
    fn forward_in_groups(&self, seqs: &[Vec<u32>], max_tokens: usize) -> Vec<Vec<f32>> {
        let mut out = Vec::with_capacity(seqs.len());
        let mut rest = seqs;
        while !rest.is_empty() {
            let mut tokens = 0;
            let n = rest
                .iter()
                .take_while(|s| {
                    tokens += s.len();
                    tokens <= max_tokens
                })
                .count()
                .max(1);
            out.extend(self.forward_group(&rest[..n]));
            rest = &rest[n..];
        }
        out
    }

    fn forward_group(&self, seqs: &[Vec<u32>]) -> Vec<Vec<f32>> {
        let (h, ff) = (self.dims.hidden, self.dims.ffn);
        let total: usize = seqs.iter().map(Vec::len).sum();
        let mut spans = Vec::with_capacity(seqs.len());
        let mut x = Array2::<f32>::zeros((total, h));
        let row_bytes = h / QK * Q4_BLOCK_BYTES;
        let mut t = 0;
        for seq in seqs {
            spans.push((t, t + seq.len()));
            for (p, &id) in seq.iter().enumerate() {
                let mut row = x.row_mut(t);
                let r = row.as_slice_mut().expect("rows are contiguous");
                let id = (id as usize).min(self.dims.vocab_rows - 1);
                let at = self.words_at + id * row_bytes;
                dequantize_q4(&self.file[at..at + row_bytes], r);
                let p = p.min(self.dims.max_positions - 1);
                let pos = &self.positions[p * h..(p + 1) * h];
                for ((v, p), t) in r.iter_mut().zip(pos).zip(&self.token_type[..h]) {
                    *v += p + t;
                }
                t += 1;
            }
        }
        layer_norm(&mut x, None, &self.embed_norm, self.dims.eps);
        let mut scratch = Scratch {
            weights: Vec::new(),
            qkv: Array2::zeros((total, 3 * h)),
            ctx: Array2::zeros((total, h)),
            mid: Array2::zeros((total, ff)),
            out: Array2::zeros((total, h)),
        };
        for layer in &self.layers {
            self.layer(layer, &mut x, &spans, &mut scratch);
        }
        spans
            .iter()
            .map(|&(a, b)| {
                let mut v = x
                    .slice_axis(Axis(0), Slice::from(a..b))
                    .mean_axis(Axis(0))
                    .map(|m| m.to_vec())
                    .unwrap_or_else(|| vec![0.0; h]);
                let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
                v.iter_mut().for_each(|x| *x /= norm);
                v
            })
            .collect()
    }

    fn layer(&self, l: &Layer, x: &mut Array2<f32>, spans: &[(usize, usize)], s: &mut Scratch) {
        let (h, heads) = (self.dims.hidden, self.dims.heads);
        let hd = h / heads;
        let scale = 1.0 / (hd as f32).sqrt();
        self.affine(x.view(), &l.qkv, &l.qkv_bias, &mut s.weights, &mut s.qkv);
        let longest = spans.iter().map(|(a, b)| b - a).max().unwrap_or(0);
        let mut scores_buf = vec![0.0f32; longest * longest];
        for &(a, b) in spans {
            let n = b - a;
            let mut scores = ArrayViewMut2::from_shape((n, n), &mut scores_buf[..n * n])
                .expect("the buffer holds the longest statement's scores");
            for head in 0..heads {
                let c = head * hd;
                let q = block(&s.qkv, a..b, c..c + hd);
                let k = block(&s.qkv, a..b, h + c..h + c + hd);
                let v = block(&s.qkv, a..b, 2 * h + c..2 * h + c + hd);
                general_mat_mul(1.0, &q, &k.t(), 0.0, &mut scores);
                for mut row in scores.rows_mut() {
                    softmax(row.as_slice_mut().expect("rows are contiguous"), scale);
                }
                general_mat_mul(
                    1.0,
                    &scores,
                    &v,
                    0.0,
                    &mut block_mut(&mut s.ctx, a..b, c..c + hd),
                );
            }
        }
        self.affine(
            s.ctx.view(),
            &[l.attn_out],
            &l.attn_out_bias,
            &mut s.weights,
            &mut s.out,
        );
        layer_norm(x, Some(&s.out), &l.attn_norm, self.dims.eps);
        self.affine(
            x.view(),
            &[l.ffn_in],
            &l.ffn_in_bias,
            &mut s.weights,
            &mut s.mid,
        );
        gelu_in_place(s.mid.as_slice_mut().expect("a standard layout"));
        self.affine(
            s.mid.view(),
            &[l.ffn_out],
            &l.ffn_out_bias,
            &mut s.weights,
            &mut s.out,
        );
        layer_norm(x, Some(&s.out), &l.ffn_norm, self.dims.eps);
    }
}

/// Rows `rows` and columns `cols` of `x`.
fn block(x: &Array2<f32>, rows: Range<usize>, cols: Range<usize>) -> ArrayView2<'_, f32> {
    x.view()
        .slice_axis_move(Axis(0), Slice::from(rows))
        .slice_axis_move(Axis(1), Slice::from(cols))
}

fn block_mut(
    x: &mut Array2<f32>,
    rows: Range<usize>,
    cols: Range<usize>,
) -> ArrayViewMut2<'_, f32> {
    x.view_mut()
        .slice_axis_move(Axis(0), Slice::from(rows))
        .slice_axis_move(Axis(1), Slice::from(cols))
}

/// Lanes of the vectorised sums.
const LANES: usize = 8;

/// The sum of `f(v)` over `values`, in [`LANES`] partial sums (which the compiler keeps in
/// vector registers; a single running sum would be evaluated one value at a time).
#[inline(always)]
fn lane_sum(values: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut acc = [0.0f32; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest = chunks.remainder();
    for c in chunks {
        for (a, &v) in acc.iter_mut().zip(c) {
            *a += f(v);
        }
    }
    acc.iter().sum::<f32>() + rest.iter().map(|&v| f(v)).sum::<f32>()
}

/// `row = softmax(row · scale)`.
fn softmax(row: &mut [f32], scale: f32) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for s in row.iter_mut() {
        *s = exp((*s - max) * scale);
    }
    let inv = 1.0 / lane_sum(row, |s| s);
    for s in row.iter_mut() {
        *s *= inv;
    }
}

/// `x = LayerNorm(x + add)` row by row.
fn layer_norm(
    x: &mut Array2<f32>,
    add: Option<&Array2<f32>>,
    (w, b): &(Vec<f32>, Vec<f32>),
    eps: f32,
) {
    let h = x.ncols();
    let x = x.as_slice_mut().expect("a standard layout");
    let add = add.map(|a| a.as_slice().expect("a standard layout"));
    for (t, r) in x.chunks_exact_mut(h).enumerate() {
        if let Some(add) = add {
            for (v, a) in r.iter_mut().zip(&add[t * h..(t + 1) * h]) {
                *v += a;
            }
        }
        let mean = lane_sum(r, |v| v) / h as f32;
        let var = lane_sum(r, |v| (v - mean) * (v - mean)) / h as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, w), b) in r.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inv * w + b;
        }
    }
}

/// The exact (erf) GELU of every value.
fn gelu_in_place(values: &mut [f32]) {
    for v in values {
        *v = gelu(*v);
    }
}

/// The exact (erf) GELU.
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
#[inline(always)]
fn erf(x: f32) -> f32 {
    let sign = x.signum();
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y = 1.0
        - (((((1.061_405_4 * t - 1.453_152_1) * t) + 1.421_413_7) * t - 0.284_496_74) * t
            + 0.254_829_6)
            * t
            * exp(-x * x);
    sign * y
}

/// `eˣ` for `x` in the range of normal results (clamped to it), relative error ~2e-7: the
/// Cephes single-precision polynomial. Written without branches or calls, so that loops
/// over it are vectorised; `f32::exp` calls the C library one value at a time.
#[inline(always)]
fn exp(x: f32) -> f32 {
    // Rounding by adding 1.5·2²³: the sum's low bits hold the integer.
    const ROUND: f32 = 12_582_912.0;
    let x = x.clamp(-87.3, 88.3);
    let shifted = x * std::f32::consts::LOG2_E + ROUND;
    let n = shifted - ROUND;
    // x − n·ln 2, with ln 2 in two parts so that the product is exact (the first is
    // 355/512, 0.693359375 exactly).
    let r = x - n * 0.693_359_4 + n * 2.121_944_4e-4;
    let p = ((((1.987_569_1e-4 * r + 1.398_2e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 1.666_666_5e-1)
        * r
        + 0.5;
    let e = p * r * r + r + 1.0;
    // 2ⁿ from n's bits in `shifted`: n + 127 in the exponent field.
    let two_n = f32::from_bits(
        (shifted.to_bits().wrapping_sub(ROUND.to_bits()) as i32 + 127).wrapping_shl(23) as u32,
    );
    e * two_n
}

#[cfg(test)]
mod tests {
    use super::super::{dot, tiny::tiny_model, SentenceModel};
    use super::*;

    #[test]
    fn a_batch_cut_into_groups_gives_the_vectors_of_one_group() {
        let m = SentenceModel::from_vec(tiny_model(7)).unwrap();
        let texts = [
            "the minister said talks will resume",
            "قال الوزير إن المحادثات ستستأنف",
            "talks",
            "the minister said the talks will resume next week after a long pause",
        ];
        let seqs: Vec<Vec<u32>> = texts.iter().map(|t| m.tokens(t)).collect();
        let whole = m.encoder.forward_in_groups(&seqs, usize::MAX);
        // groups of one or two statements, and one statement longer than the limit alone
        for limit in [1, 30, 60] {
            let grouped = m.encoder.forward_in_groups(&seqs, limit);
            assert_eq!(
                grouped.len(),
                whole.len(),
                "one vector per text (limit {limit})"
            );
            for (a, b) in whole.iter().zip(&grouped) {
                assert!(dot(a, b) > 0.99999, "limit {limit}: cosine {}", dot(a, b));
            }
        }
    }

    #[test]
    fn the_vectorised_exp_matches_the_c_library() {
        let mut worst = 0.0f32;
        let mut x = -87.0f32;
        while x < 88.0 {
            let rel = ((exp(x) - x.exp()) / x.exp()).abs();
            worst = worst.max(rel);
            x += 0.0137;
        }
        assert!(worst < 1e-6, "relative error {worst}");
        assert_eq!(exp(0.0), 1.0);
        assert!(
            exp(-1000.0) >= 0.0 && exp(-1000.0) < 1e-37,
            "underflow clamps"
        );
        assert!(exp(f32::NEG_INFINITY) < 1e-37);
    }

    #[test]
    fn gelu_is_the_erf_form() {
        // values of x·Φ(x) from the normal distribution's table
        for (x, want) in [
            (-3.0, -0.004_049_7),
            (-1.0, -0.158_655_25),
            (0.0, 0.0),
            (0.5, 0.345_731_36),
            (2.0, 1.954_499_7),
        ] {
            assert!(
                (gelu(x) - want).abs() < 1e-6,
                "gelu({x}) = {}, {want} expected",
                gelu(x)
            );
        }
    }
}
