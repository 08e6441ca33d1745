//! The BERT encoder of multilingual-e5-small: embeddings, twelve layers of self-attention
//! and feed-forward, mean pooling. Matrix products run on `ndarray` (its `matrixmultiply`
//! kernels); the weights are dequantised from the file's 4-bit blocks once, at load, except
//! the 250,000-row word embedding table, which stays 4-bit and is dequantised a row at a
//! time (54 MB instead of 384 MB).
//!
//! A batch is one matrix: every statement's tokens one after another, so each weight matrix
//! is read once per batch; attention alone runs per statement. No padding is computed.

use std::ops::Range;

use ndarray::{linalg::general_mat_mul, Array2, ArrayView2, ArrayViewMut2, Axis, Slice};

use super::format::{dequantize_q4, Dims, FormatError, ModelFile, Tensor, Q4_BLOCK_BYTES, QK};

struct Layer {
    /// Query, key and value projections side by side: `[hidden, 3·hidden]`.
    qkv: Array2<f32>,
    qkv_bias: Vec<f32>,
    attn_out: Array2<f32>,
    attn_out_bias: Vec<f32>,
    attn_norm: (Vec<f32>, Vec<f32>),
    ffn_in: Array2<f32>,
    ffn_in_bias: Vec<f32>,
    ffn_out: Array2<f32>,
    ffn_out_bias: Vec<f32>,
    ffn_norm: (Vec<f32>, Vec<f32>),
}

pub struct Encoder {
    pub dims: Dims,
    /// The model file's bytes, which hold the word embedding table (4-bit, one row of
    /// `hidden` weights per piece) at `words_at`: the table is read in place, not copied.
    file: Vec<u8>,
    words_at: usize,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
}

/// A row-major `[rows, cols]` weight matrix from the file, transposed to `[cols, rows]` so
/// that activations multiply it on the right.
fn matrix(
    f: &ModelFile<'_>,
    name: &str,
    rows: usize,
    cols: usize,
) -> Result<Array2<f32>, FormatError> {
    let dense = f.dense(name, rows * cols)?;
    let m = Array2::from_shape_vec((rows, cols), dense)
        .map_err(|_| FormatError::Unsupported("matrix shape"))?;
    Ok(m.reversed_axes().as_standard_layout().into_owned())
}

impl Encoder {
    /// The encoder of a parsed file (`bytes` is the file `f` was parsed from). The layers
    /// are dequantised; [`Encoder::attach`] then hands over the file's bytes for the word
    /// table.
    pub fn load(f: &ModelFile<'_>, bytes: &[u8]) -> Result<Encoder, FormatError> {
        let d = f.dims;
        let (h, ff) = (d.hidden, d.ffn);
        let vec = |name: &str, n: usize| f.dense(name, n);
        let words_at = match f.tensor("emb.word", d.vocab_rows * h)? {
            // where the table starts in the file (the parser hands out sub-slices of it)
            Tensor::Q4(blocks) => (blocks.as_ptr() as usize)
                .checked_sub(bytes.as_ptr() as usize)
                .filter(|at| at + blocks.len() <= bytes.len())
                .ok_or(FormatError::Truncated("word table"))?,
            Tensor::F32(_) => return Err(FormatError::Unsupported("dense word embeddings")),
        };
        let mut layers = Vec::with_capacity(d.layers);
        for l in 0..d.layers {
            let name = |s: &str| format!("l{l}.{s}");
            let (q, k, v) = (
                matrix(f, &name("q.w"), h, h)?,
                matrix(f, &name("k.w"), h, h)?,
                matrix(f, &name("v.w"), h, h)?,
            );
            let qkv = ndarray::concatenate(Axis(1), &[q.view(), k.view(), v.view()])
                .map_err(|_| FormatError::Unsupported("attention shape"))?;
            let mut qkv_bias = vec(&name("q.b"), h)?;
            qkv_bias.extend(vec(&name("k.b"), h)?);
            qkv_bias.extend(vec(&name("v.b"), h)?);
            layers.push(Layer {
                qkv: qkv.as_standard_layout().into_owned(),
                qkv_bias,
                attn_out: matrix(f, &name("ao.w"), h, h)?,
                attn_out_bias: vec(&name("ao.b"), h)?,
                attn_norm: (vec(&name("aln.w"), h)?, vec(&name("aln.b"), h)?),
                ffn_in: matrix(f, &name("fi.w"), ff, h)?,
                ffn_in_bias: vec(&name("fi.b"), ff)?,
                ffn_out: matrix(f, &name("fo.w"), h, ff)?,
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

    /// Takes the bytes of the file the encoder was loaded from (they hold the word table).
    pub fn attach(&mut self, file: Vec<u8>) {
        self.file = file;
    }

    /// Mean-pooled, L2-normalised sentence vectors of token sequences (each with its
    /// sentence marks, at most `max_positions` long).
    pub fn forward(&self, seqs: &[Vec<u32>]) -> Vec<Vec<f32>> {
        let h = self.dims.hidden;
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
                for (i, v) in r.iter_mut().enumerate() {
                    *v += self.positions[p * h + i] + self.token_type[i];
                }
                t += 1;
            }
        }
        layer_norm(&mut x, None, &self.embed_norm, self.dims.eps);
        for layer in &self.layers {
            self.layer(layer, &mut x, &spans);
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

    fn layer(&self, l: &Layer, x: &mut Array2<f32>, spans: &[(usize, usize)]) {
        let (h, heads) = (self.dims.hidden, self.dims.heads);
        let hd = h / heads;
        let scale = 1.0 / (hd as f32).sqrt();
        let qkv = affine(x.view(), &l.qkv, &l.qkv_bias);
        let mut ctx = Array2::<f32>::zeros((x.nrows(), h));
        for &(a, b) in spans {
            for head in 0..heads {
                let c = head * hd;
                let q = block(&qkv, a..b, c..c + hd);
                let k = block(&qkv, a..b, h + c..h + c + hd);
                let v = block(&qkv, a..b, 2 * h + c..2 * h + c + hd);
                let mut scores = q.dot(&k.t());
                for mut row in scores.rows_mut() {
                    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let mut sum = 0.0;
                    for s in row.iter_mut() {
                        *s = ((*s - max) * scale).exp();
                        sum += *s;
                    }
                    row.mapv_inplace(|s| s / sum);
                }
                block_mut(&mut ctx, a..b, c..c + hd).assign(&scores.dot(&v));
            }
        }
        let attn = affine(ctx.view(), &l.attn_out, &l.attn_out_bias);
        layer_norm(x, Some(&attn), &l.attn_norm, self.dims.eps);
        let mut mid = affine(x.view(), &l.ffn_in, &l.ffn_in_bias);
        mid.mapv_inplace(gelu);
        let out = affine(mid.view(), &l.ffn_out, &l.ffn_out_bias);
        layer_norm(x, Some(&out), &l.ffn_norm, self.dims.eps);
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

/// `x · w + bias` (bias per column).
fn affine(x: ArrayView2<'_, f32>, w: &Array2<f32>, bias: &[f32]) -> Array2<f32> {
    let mut y = Array2::<f32>::zeros((x.nrows(), w.ncols()));
    for mut row in y.rows_mut() {
        row.as_slice_mut()
            .expect("rows are contiguous")
            .copy_from_slice(bias);
    }
    general_mat_mul(1.0, &x, w, 1.0, &mut y);
    y
}

/// `x = LayerNorm(x + add)` row by row.
fn layer_norm(
    x: &mut Array2<f32>,
    add: Option<&Array2<f32>>,
    (w, b): &(Vec<f32>, Vec<f32>),
    eps: f32,
) {
    let h = x.ncols() as f32;
    for (t, mut row) in x.rows_mut().into_iter().enumerate() {
        let r = row.as_slice_mut().expect("rows are contiguous");
        if let Some(add) = add {
            for (v, a) in r.iter_mut().zip(add.row(t)) {
                *v += a;
            }
        }
        let mean = r.iter().sum::<f32>() / h;
        let var = r.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, w), b) in r.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inv * w + b;
        }
    }
}

/// The exact (erf) GELU.
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
fn erf(x: f32) -> f32 {
    let sign = x.signum();
    let x = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let y = 1.0
        - (((((1.061_405_4 * t - 1.453_152_1) * t) + 1.421_413_7) * t - 0.284_496_74) * t
            + 0.254_829_6)
            * t
            * (-x * x).exp();
    sign * y
}
