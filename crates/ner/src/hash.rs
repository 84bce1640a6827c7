//! Small, fast, deterministic hashing (FxHash-style mixing) used for feature keys and lookup tables.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes `x` into the running hash `h`.
#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Final avalanche (MurmurHash3's fmix64), so that low bits are usable as a table index.
#[inline]
pub(crate) fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hashes a byte string.
#[inline]
pub(crate) fn hash_bytes(seed: u64, b: &[u8]) -> u64 {
    let mut h = mix(seed, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The rest as a little-endian number padded with zero bytes, built
        // byte by byte (a copy of a variable length is a call to memcpy).
        let v = rest.iter().enumerate().fold(0u64, |v, (j, &b)| v | u64::from(b) << (8 * j));
        h = mix(h, v);
    }
    h
}

/// Hashes a string (used for word lookups in the resources).
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_str_bytes(s.as_bytes())
}

/// [`hash_str`] of a string's bytes.
#[inline]
pub(crate) fn hash_str_bytes(b: &[u8]) -> u64 {
    fmix(hash_bytes(0x9e37_79b9_7f4a_7c15, b))
}

/// A `Hasher` for keys that are already well-mixed `u64` hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A hash map keyed by pre-hashed `u64` values.
pub(crate) type U64Map<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The tail of a string is hashed as the zero-padded little-endian
    /// number it was read as before (the shipped model's keys depend on it).
    #[test]
    fn tails_hash_as_zero_padded_words() {
        let padded = |seed: u64, b: &[u8]| {
            let mut h = mix(seed, b.len() as u64);
            for c in b.chunks(8) {
                let mut a = [0u8; 8];
                a[..c.len()].copy_from_slice(c);
                h = mix(h, u64::from_le_bytes(a));
            }
            h
        };
        let text = "Khamenei’s letter, 2014";
        for n in 0..=text.len() {
            assert_eq!(hash_bytes(7, &text.as_bytes()[..n]), padded(7, &text.as_bytes()[..n]), "{n}");
        }
    }
}
