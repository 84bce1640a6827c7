//! Builds the word-cluster lookup table at compile time, so that a process
//! starts tagging at once instead of decoding 684,640 words into a hash map
//! (most of dossier's start-up before).
//!
//! Input: `data/clusters.bin.gz` (see `data/build.py`). Output, in `OUT_DIR`:
//! an open-addressing table of word hashes (`word_keys.bin`, `u64` LE each,
//! 0 for an empty slot; linear probing) with each word's cluster row
//! (`word_rows.bin`, `u16` LE), the rows' two coarser cluster ids
//! (`k1024.bin`, `k128.bin`, `u16` LE), and `clusters.rs` with the table's
//! size and the fingerprint of the input bytes (clusters and gazetteers).
//!
//! Also, so that a process decodes nothing at start-up: the gazetteers
//! (`data/gazetteers.txt.gz`) as an open-addressing table of phrase hashes
//! (`gaz_keys.bin`, `u64` LE, 0 for an empty slot; linear probing) with each
//! phrase's class bits (`gaz_masks.bin`, one byte each), and the shipped
//! model `model/ner.bin` gunzipped (`ner.raw`).

use std::io::{Read, Write};
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/hash.rs"]
mod hash;

#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;

/// Gazetteer classes, in the order of their bit in a match mask (as
/// `resources::GAZ_CLASSES`).
const GAZ_CLASSES: [&str; 5] = ["country", "city", "state", "continent", "demonym"];
/// Longest gazetteer phrase, in tokens (as `resources::GAZ_MAX_LEN`).
const GAZ_MAX_LEN: usize = 6;
/// Seed of a phrase hash (as `resources::PHRASE_SEED`).
const PHRASE_SEED: u64 = 0x7068_7261_7365;

fn gunzip(path: &str) -> Vec<u8> {
    let gz = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut b = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut b).unwrap_or_else(|e| panic!("{path}: gzip: {e}"));
    b
}

/// The gazetteer table: every phrase's hash (its tokens normalised and
/// lower-cased as the tagger's, chained by `hash::mix` from `PHRASE_SEED`)
/// with the bits of its classes; returns the table's number of slots.
fn gazetteers(out: &std::path::Path) -> usize {
    let text = gunzip("data/gazetteers.txt.gz");
    let text = std::str::from_utf8(&text).expect("gazetteers: UTF-8");
    let mut phrases: Vec<(u64, u8)> = Vec::new();
    let mut lower = String::new();
    for line in text.lines() {
        let Some((class, phrase)) = line.split_once('\t') else { continue };
        let Some(bit) = GAZ_CLASSES.iter().position(|c| *c == class) else { continue };
        let toks: Vec<&str> = phrase.split(' ').collect();
        if toks.is_empty() || toks.len() > GAZ_MAX_LEN {
            continue;
        }
        let mut h = PHRASE_SEED;
        for t in toks {
            lower.clear();
            normalize::normalize_lower(t, &mut lower);
            h = hash::mix(h, hash::hash_str(&lower));
        }
        assert!(h != 0, "gazetteers: a phrase hashes to the empty slot's key");
        phrases.push((h, 1 << bit));
    }
    let slots = (phrases.len() * 2).next_power_of_two().max(2);
    let mask = slots - 1;
    let mut keys = vec![0u64; slots];
    let mut masks = vec![0u8; slots];
    for (h, m) in phrases {
        let mut i = (h as usize) & mask;
        while keys[i] != 0 && keys[i] != h {
            i = (i + 1) & mask;
        }
        keys[i] = h;
        masks[i] |= m;
    }
    write(out.join("gaz_keys.bin"), &keys.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>());
    write(out.join("gaz_masks.bin"), &masks);
    slots
}

fn u32_at(b: &[u8], pos: &mut usize) -> usize {
    let v = u32::from_le_bytes([b[*pos], b[*pos + 1], b[*pos + 2], b[*pos + 3]]) as usize;
    *pos += 4;
    v
}

fn u16s_at(b: &[u8], pos: &mut usize, n: usize) -> Vec<u16> {
    let v = b[*pos..*pos + 2 * n].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    *pos += 2 * n;
    v
}

fn write(path: PathBuf, bytes: &[u8]) {
    std::fs::File::create(&path).and_then(|mut f| f.write_all(bytes)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    println!("cargo:rerun-if-changed=data/clusters.bin.gz");
    println!("cargo:rerun-if-changed=src/hash.rs");
    println!("cargo:rerun-if-changed=src/normalize.rs");
    println!("cargo:rerun-if-changed=data/gazetteers.txt.gz");
    println!("cargo:rerun-if-changed=model/ner.bin");
    let gz = std::fs::read("data/clusters.bin.gz").expect("data/clusters.bin.gz");
    let mut b = Vec::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_end(&mut b).expect("clusters: gzip");
    assert!(b.starts_with(b"DNCL1\n"), "clusters: bad magic");
    let mut pos = 6;
    let n_rows = u32_at(&b, &mut pos);
    let k1024 = u16s_at(&b, &mut pos, n_rows);
    let k128 = u16s_at(&b, &mut pos, n_rows);
    let n_words = u32_at(&b, &mut pos);
    let rows = u16s_at(&b, &mut pos, n_words);
    let text = std::str::from_utf8(&b[pos..]).expect("clusters: UTF-8");

    // Load about 0.65: a hit takes about two probes, a miss a few more.
    let slots = (n_words * 3 / 2).next_power_of_two().max(2);
    let mask = slots - 1;
    let mut keys = vec![0u64; slots];
    let mut vals = vec![0u16; slots];
    for (w, &r) in text.split('\n').zip(rows.iter()) {
        let h = hash::hash_str(w);
        if (r as usize) >= n_rows || h == 0 {
            continue;
        }
        let mut i = (h as usize) & mask;
        // A word listed twice keeps its last row (as a map insert would).
        while keys[i] != 0 && keys[i] != h {
            i = (i + 1) & mask;
        }
        keys[i] = h;
        vals[i] = r;
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let le16 = |v: &[u16]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
    write(out.join("word_keys.bin"), &keys.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>());
    write(out.join("word_rows.bin"), &le16(&vals));
    write(out.join("k1024.bin"), &le16(&k1024));
    write(out.join("k128.bin"), &le16(&k128));
    let fingerprint = hash::hash_bytes(1, &gz);
    let gaz_slots = gazetteers(&out);
    write(out.join("ner.raw"), &gunzip("model/ner.bin"));
    let gaz_gz = std::fs::read("data/gazetteers.txt.gz").expect("data/gazetteers.txt.gz");
    let resources_fingerprint = hash::hash_bytes(fingerprint, &gaz_gz);
    write(
        out.join("clusters.rs"),
        format!(
            "/// Slots of the word table (a power of two).\npub(crate) const WORD_SLOTS: usize = {slots};\n\
             /// Cluster rows.\npub(crate) const N_ROWS: usize = {n_rows};\n\
             /// Slots of the gazetteer table (a power of two).\npub(crate) const GAZ_SLOTS: usize = {gaz_slots};\n\
             /// `hash_bytes(hash_bytes(1, clusters.bin.gz), gazetteers.txt.gz)`: the resource fingerprint a model records.\npub(crate) const RESOURCES_FINGERPRINT: u64 = {resources_fingerprint};\n"
        )
        .as_bytes(),
    );
}
