//! The weight table, scoring and the serialized model format.
//!
//! Format (the whole of it gzipped): `b"DNER"`, `u32` version (1), `u64` resource fingerprint, `u32` feature groups
//! switched off (see `features::group`), `u32` number
//! of tags, `u32` number of features `n`, `f32` weight scale, `f32` transitions ((tags + 1) × tags, the last
//! row being the sentence start), `u64` feature keys (n, strictly increasing), then `i16` weights stored tag
//! by tag (tags × n). All little-endian. A weight is `i16 × scale`.

use crate::features::DocState;
use crate::tags::{viterbi, NT};
use crate::ModelError;
use std::io::{Read, Write};

const MAGIC: &[u8; 4] = b"DNER";
const VERSION: u32 = 1;
const EMPTY: u32 = u32::MAX;

/// Something that scores the tags of a token from its feature keys.
pub(crate) trait Scorer {
    /// Adds the emission scores of the features to `out` (length NT).
    fn emissions(&self, feats: &[u64], out: &mut [f32]);
    /// Transition scores, (NT + 1) × NT, the last row being the sentence start.
    fn transitions(&self) -> &[f32];
}

/// Scratch buffers for decoding.
#[derive(Default)]
pub(crate) struct Scratch {
    em: Vec<f32>,
    delta: Vec<f32>,
    /// The best tags of the last decoded sentence.
    pub tags: Vec<u8>,
}

/// Decodes the sentence whose features are in `st` into `scratch.tags`.
pub(crate) fn decode<S: Scorer + ?Sized>(scorer: &S, st: &DocState, scratch: &mut Scratch) {
    let n = st.offs.len().saturating_sub(1);
    scratch.em.clear();
    scratch.em.resize(n * NT, 0.0);
    for i in 0..n {
        scorer.emissions(&st.feats[st.offs[i]..st.offs[i + 1]], &mut scratch.em[i * NT..(i + 1) * NT]);
    }
    viterbi(&scratch.em, scorer.transitions(), n, &mut scratch.delta, &mut scratch.tags);
}

#[derive(Clone, Copy)]
#[repr(C)]
struct Entry {
    key: u64,
    w: [i16; NT],
}

/// A trained model: quantized weights in an open-addressing table.
pub(crate) struct Model {
    slots: Vec<u32>,
    mask: usize,
    entries: Vec<Entry>,
    scale: f32,
    trans: Vec<f32>,
    fingerprint: u64,
    /// Feature groups the model was trained without.
    pub(crate) off: u32,
}

impl Scorer for Model {
    #[inline]
    fn emissions(&self, feats: &[u64], out: &mut [f32]) {
        let mut acc = [0i32; NT];
        for &k in feats {
            let mut i = (k as usize) & self.mask;
            loop {
                let s = self.slots[i];
                if s == EMPTY {
                    break;
                }
                let e = &self.entries[s as usize];
                if e.key == k {
                    for t in 0..NT {
                        acc[t] += e.w[t] as i32;
                    }
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        for t in 0..NT {
            out[t] += acc[t] as f32 * self.scale;
        }
    }
    fn transitions(&self) -> &[f32] {
        &self.trans
    }
}

impl Model {
    /// Builds a model from float weights (`keys.len()` × NT, row-major), quantizing them to `i16` and dropping
    /// features whose weights all round to zero.
    pub(crate) fn quantize(keys: &[u64], weights: &[f32], trans: Vec<f32>, fingerprint: u64, off: u32) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = max / 32767.0;
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_unstable_by_key(|&i| keys[i]);
        let mut entries = Vec::with_capacity(keys.len());
        for i in order {
            let mut w = [0i16; NT];
            for t in 0..NT {
                w[t] = (weights[i * NT + t] / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            if w.iter().any(|&x| x != 0) && keys[i] != 0 {
                entries.push(Entry { key: keys[i], w });
            }
        }
        entries.dedup_by_key(|e| e.key);
        Model::build(entries, scale, trans, fingerprint, off)
    }

    fn build(entries: Vec<Entry>, scale: f32, trans: Vec<f32>, fingerprint: u64, off: u32) -> Model {
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![EMPTY; cap];
        for (n, e) in entries.iter().enumerate() {
            let mut i = (e.key as usize) & mask;
            while slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = n as u32;
        }
        Model { slots, mask, entries, scale, trans, fingerprint, off }
    }

    /// Number of features with a weight.
    pub(crate) fn n_features(&self) -> usize {
        self.entries.len()
    }

    /// Resource fingerprint the model was trained with.
    pub(crate) fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Serializes the model (gzipped).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let n = self.entries.len();
        let mut b = Vec::with_capacity(32 + n * (8 + 2 * NT));
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&self.fingerprint.to_le_bytes());
        b.extend_from_slice(&self.off.to_le_bytes());
        b.extend_from_slice(&(NT as u32).to_le_bytes());
        b.extend_from_slice(&(n as u32).to_le_bytes());
        b.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.trans {
            b.extend_from_slice(&t.to_le_bytes());
        }
        for e in &self.entries {
            b.extend_from_slice(&e.key.to_le_bytes());
        }
        for t in 0..NT {
            for e in &self.entries {
                b.extend_from_slice(&e.w[t].to_le_bytes());
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into a Vec cannot fail.
        let _ = gz.write_all(&b);
        gz.finish().unwrap_or_default()
    }

    /// Parses serialized bytes (gzipped, as [`Model::to_bytes`] writes them).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .take(1 << 30)
            .read_to_end(&mut b)
            .map_err(|e| ModelError::Corrupt(format!("not a gzipped model: {e}")))?;
        Model::from_raw(&b)
    }

    /// Parses serialized bytes once gunzipped (the shipped model is gunzipped
    /// at build time, see `build.rs`).
    pub(crate) fn from_raw(b: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::Corrupt("bad magic".into()));
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(ModelError::Corrupt(format!("unsupported version {version}")));
        }
        let fingerprint = r.u64()?;
        let off = r.u32()?;
        if r.u32()? as usize != NT {
            return Err(ModelError::Corrupt("wrong number of tags".into()));
        }
        let n = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.array()?);
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Corrupt("bad scale".into()));
        }
        let mut trans = Vec::with_capacity((NT + 1) * NT);
        for _ in 0..(NT + 1) * NT {
            let t = f32::from_le_bytes(r.array()?);
            if !t.is_finite() {
                return Err(ModelError::Corrupt("bad transition weight".into()));
            }
            trans.push(t);
        }
        if b.len().saturating_sub(r.pos) != n * (8 + 2 * NT) {
            return Err(ModelError::Corrupt("size does not match the feature count".into()));
        }
        // The rest is exactly the keys then the weights (checked above): read
        // in chunks, not value by value through the reader.
        let (keys, weights) = b[r.pos..].split_at(8 * n);
        let mut entries = Vec::with_capacity(n);
        let mut last = 0u64;
        for c in keys.chunks_exact(8) {
            let key = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            if key <= last {
                return Err(ModelError::Corrupt("feature keys not increasing".into()));
            }
            last = key;
            entries.push(Entry { key, w: [0; NT] });
        }
        if n > 0 {
            for (t, column) in weights.chunks_exact(2 * n).enumerate() {
                for (e, c) in entries.iter_mut().zip(column.chunks_exact(2)) {
                    e.w[t] = i16::from_le_bytes([c[0], c[1]]);
                }
            }
        }
        Ok(Model::build(entries, scale, trans, fingerprint, off))
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self.b.get(self.pos..self.pos + n).ok_or(ModelError::Corrupt("truncated".into()))?;
        self.pos += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
}
