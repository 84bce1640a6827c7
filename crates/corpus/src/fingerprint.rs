//! Fingerprints of an article: an exact content hash (same document), a
//! MinHash signature (near-duplicate copies) and the story terms of its
//! headline and lead (same event).

use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

/// Hash of a document's decoded body: equal bodies give equal hashes, which is
/// how the store recognises a document it already holds. 32 hex digits.
pub fn content_hash(body: &str) -> String {
    format!("{:032x}", xxh3_128(body.as_bytes()))
}

/// Lower-cased words (runs of letters and digits) of a text.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase())
}

/// Short function words, never story terms.
const STOP: &[&str] = &[
    "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "but", "not", "this", "from", "his", "her",
    "its", "their", "they", "said", "says", "will", "would", "could", "should", "been", "which", "who", "what", "when", "where",
    "also", "about", "after", "before", "into", "than", "then", "there", "some", "more", "most", "other", "over", "only", "just",
    "our", "out", "she", "him", "them", "you", "all", "any", "can", "one", "two", "new", "may", "did", "does", "told", "because",
];

/// Characters of an article's text read as its lead for [`story_terms`].
pub const LEAD_CHARS: usize = 1200;

/// Whether a lower-cased word carries content: three letters or more, not a
/// function word, not a number.
fn content_word(w: &str) -> bool {
    w.chars().count() >= 3 && !STOP.contains(&w) && !w.chars().all(|c| c.is_ascii_digit())
}

/// The terms that say what an article's news is, with their weights: the
/// content words and two-word phrases (adjacent content words, `"trade deal"`)
/// of its headline (weight 3 each) and of the first [`LEAD_CHARS`] characters
/// of its text (1.5 in the first half, then 1). The lead states the event;
/// the rest of a text is mostly background shared by every article on the
/// topic. Sorted by term.
pub fn story_terms(title: Option<&str>, text: &str) -> Vec<(String, f64)> {
    let mut weights: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    let mut add = |part: &str, weight: &dyn Fn(usize) -> f64| {
        let mut prev: Option<String> = None;
        let mut at = 0;
        for raw in part.split(|c: char| !c.is_alphanumeric()) {
            let pos = at;
            at += raw.chars().count() + 1;
            if raw.is_empty() {
                continue;
            }
            let w = raw.to_lowercase();
            if !content_word(&w) {
                prev = None;
                continue;
            }
            let x = weight(pos);
            if let Some(p) = &prev {
                *weights.entry(format!("{p} {w}")).or_default() += x;
            }
            *weights.entry(w.clone()).or_default() += x;
            prev = Some(w);
        }
    };
    if let Some(t) = title {
        add(t, &|_| 3.0);
    }
    let lead: String = text.chars().take(LEAD_CHARS).collect();
    add(&lead, &|pos| if pos < LEAD_CHARS / 2 { 1.5 } else { 1.0 });
    let mut v: Vec<(String, f64)> = weights.into_iter().collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// A MinHash signature: for each of `n` hash functions, the least hash of the
/// set's elements. The share of equal positions of two signatures estimates the
/// Jaccard similarity of the two sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinHash(pub Vec<u32>);

/// splitmix64's finaliser: a fast, well-mixed permutation of 64-bit values.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Lanes of [`minima`]: the signature values computed side by side.
const LANES: usize = 8;

/// `sig[j]` = the least of `sig[j]` and the high halves of `mix(h ^ seeds[j])`
/// over all `hashes`. Eight values at a time, each kept in a register while
/// every hash goes by, so that the compiler can use vector instructions.
#[inline(always)]
fn minima(hashes: &[u64], seeds: &[u64], sig: &mut [u32]) {
    let mut chunks = sig.chunks_exact_mut(LANES).zip(seeds.chunks_exact(LANES));
    for (slots, seeds) in chunks.by_ref() {
        let seeds: [u64; LANES] = seeds.try_into().expect("chunks of LANES");
        let mut acc = [u32::MAX; LANES];
        for &h in hashes {
            for j in 0..LANES {
                acc[j] = acc[j].min((mix(h ^ seeds[j]) >> 32) as u32);
            }
        }
        for (slot, a) in slots.iter_mut().zip(acc) {
            *slot = (*slot).min(a);
        }
    }
    let done = sig.len() / LANES * LANES;
    for (slot, seed) in sig[done..].iter_mut().zip(&seeds[done..]) {
        for &h in hashes {
            *slot = (*slot).min((mix(h ^ seed) >> 32) as u32);
        }
    }
}

/// [`minima`] compiled for AVX-512 (64-bit vector multiplies), used when
/// the CPU has it: the same values, several times faster.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn minima_avx512(hashes: &[u64], seeds: &[u64], sig: &mut [u32]) {
    minima(hashes, seeds, sig)
}

/// [`minima`] compiled for AVX2 (four 64-bit lanes a vector, the multiplies
/// made of 32-bit ones), used when the CPU has AVX2 but not AVX-512: the
/// same values.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn minima_avx2(hashes: &[u64], seeds: &[u64], sig: &mut [u32]) {
    minima(hashes, seeds, sig)
}

impl MinHash {
    /// Signature of a set of element hashes, with `n` hash functions. An empty
    /// set gives a signature of `u32::MAX`, similar to nothing but itself.
    pub fn of_hashes(hashes: impl IntoIterator<Item = u64>, n: usize) -> MinHash {
        let hashes: Vec<u64> = hashes.into_iter().collect();
        let seeds: Vec<u64> = (0..n as u64).map(|i| mix(i.wrapping_add(0x9e37_79b9_7f4a_7c15))).collect();
        let mut sig = vec![u32::MAX; n];
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512dq") {
            // SAFETY: the CPU has the features the function is compiled for.
            unsafe { minima_avx512(&hashes, &seeds, &mut sig) };
            return MinHash(sig);
        }
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has the feature the function is compiled for.
            unsafe { minima_avx2(&hashes, &seeds, &mut sig) };
            return MinHash(sig);
        }
        minima(&hashes, &seeds, &mut sig);
        MinHash(sig)
    }

    /// Signature of the text's word `k`-shingles (runs of `k` consecutive
    /// words): near-identical bodies share most shingles whatever their
    /// headline, byline or an added sentence.
    pub fn of_shingles(text: &str, k: usize, n: usize) -> MinHash {
        let ws: Vec<u64> = words(text).map(|w| xxh3_64(w.as_bytes())).collect();
        let k = k.max(1);
        if ws.len() < k {
            return MinHash::of_hashes(ws.iter().copied(), n);
        }
        let shingles = ws.windows(k).map(|win| win.iter().fold(0u64, |acc, &h| mix(acc ^ h)));
        MinHash::of_hashes(shingles, n)
    }

    /// Estimated Jaccard similarity of the two sets (0 when lengths differ).
    pub fn similarity(&self, other: &MinHash) -> f64 {
        if self.0.len() != other.0.len() || self.0.is_empty() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }

    /// Locality-sensitive hashing keys: one per band of `rows` consecutive
    /// values. Two signatures share a key with probability `1 - (1 - s^rows)^bands`
    /// for similarity `s`, so candidates are found by key lookup, not by
    /// comparing every pair.
    pub fn bands(&self, rows: usize) -> Vec<i64> {
        self.0
            .chunks(rows.max(1))
            .enumerate()
            .map(|(i, band)| {
                let h = band.iter().fold(mix(i as u64 + 1), |acc, &v| mix(acc ^ v as u64));
                h as i64
            })
            .collect()
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// The inverse of [`MinHash::to_bytes`]; a trailing partial value is ignored.
    pub fn from_bytes(b: &[u8]) -> MinHash {
        MinHash(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

/// The fingerprints the store keeps for every article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// [`content_hash`] of the document's body.
    pub hash: String,
    /// 5-word shingles of the clean text, 128 values: near-duplicates.
    pub shingles: MinHash,
}

/// Number of values in a shingle signature.
pub const SHINGLE_HASHES: usize = 128;
/// Rows per LSH band of a shingle signature (32 bands of 4: pairs above about
/// 0.5 similarity nearly always share a band; below 0.2 rarely).
pub const BAND_ROWS: usize = 4;
/// Estimated shingle similarity from which two articles are copies of one text.
pub const DUPLICATE_SIMILARITY: f64 = 0.5;

impl Fingerprint {
    /// Fingerprints of a document with body `body` (the raw decoded input, for
    /// the exact hash) and clean `text`.
    pub fn new(body: &str, text: &str) -> Fingerprint {
        Fingerprint { hash: content_hash(body), shingles: MinHash::of_shingles(text, 5, SHINGLE_HASHES) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WIRE: &str = "The city council voted 7-2 on Tuesday to put a half-cent transit levy on the May ballot, \
        ending months of debate over how to pay for the long-delayed Eastside light rail line. Supporters \
        packed the chamber. Council member Tom Becker, the finance chair, said the vote gave residents the final word. \
        Opponents warned that the tax would fall hardest on low-income families and small businesses.";

    #[test]
    fn copies_with_small_edits_are_similar_and_other_texts_are_not() {
        let copy = format!("By Ana Lee, Lakeshore Press Association. {WIRE} The measure needs a simple majority.");
        let other = "The state's largest hospital system said Monday that it would close two rural clinics \
            next year, citing staff shortages and falling payments from insurers. Patients will be sent elsewhere.";
        let a = MinHash::of_shingles(WIRE, 5, SHINGLE_HASHES);
        let b = MinHash::of_shingles(&copy, 5, SHINGLE_HASHES);
        let c = MinHash::of_shingles(other, 5, SHINGLE_HASHES);
        assert!(a.similarity(&b) > 0.7, "{}", a.similarity(&b));
        assert!(a.similarity(&c) < 0.1, "{}", a.similarity(&c));
        let shared = a.bands(BAND_ROWS).iter().zip(b.bands(BAND_ROWS)).filter(|(x, y)| **x == *y).count();
        assert!(shared > 0);
        assert_eq!(MinHash::from_bytes(&a.to_bytes()), a);
    }

    #[test]
    fn hash_is_exact() {
        assert_eq!(content_hash("a b"), content_hash("a b"));
        assert_ne!(content_hash("a b"), content_hash("a  b"));
        assert_eq!(content_hash("").len(), 32);
    }

    #[test]
    fn story_terms_weigh_the_headline_and_lead() {
        let t = story_terms(Some("Council backs transit levy"), "The city council voted on Tuesday to put a transit levy on the ballot.");
        let get = |k: &str| t.iter().find(|x| x.0 == k).map(|x| x.1);
        assert_eq!(get("levy"), Some(4.5), "headline 3 + lead 1.5");
        assert_eq!(get("transit levy"), Some(4.5));
        assert_eq!(get("voted"), Some(1.5));
        assert_eq!(get("the"), None, "function word");
        assert_eq!(get("on tuesday"), None, "phrases join content words only");
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        let long = format!("{} flood", "word ".repeat(LEAD_CHARS / 5));
        assert_eq!(story_terms(None, &long).iter().find(|x| x.0 == "flood"), None, "beyond the lead");
    }

    /// The signature as first defined (one hash function after another for
    /// each element): what [`MinHash::of_hashes`] must still give, on every
    /// path, since stored signatures are compared with new ones.
    fn reference(hashes: &[u64], n: usize) -> MinHash {
        let mut sig = vec![u32::MAX; n];
        let seeds: Vec<u64> = (0..n as u64).map(|i| mix(i.wrapping_add(0x9e37_79b9_7f4a_7c15))).collect();
        for &h in hashes {
            for (slot, seed) in sig.iter_mut().zip(&seeds) {
                let v = (mix(h ^ seed) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
        MinHash(sig)
    }

    #[test]
    fn signatures_are_those_of_the_first_definition() {
        let hashes: Vec<u64> = (0..1000u64).map(|i| mix(i * 7919)).collect();
        for n in [0, 1, 7, 8, 13, SHINGLE_HASHES] {
            for len in [0, 1, 5, 1000] {
                assert_eq!(MinHash::of_hashes(hashes[..len].iter().copied(), n), reference(&hashes[..len], n), "n {n}, {len} hashes");
                let mut sig = vec![u32::MAX; n];
                let seeds: Vec<u64> = (0..n as u64).map(|i| mix(i.wrapping_add(0x9e37_79b9_7f4a_7c15))).collect();
                minima(&hashes[..len], &seeds, &mut sig);
                assert_eq!(MinHash(sig), reference(&hashes[..len], n), "portable path, n {n}, {len} hashes");
                #[cfg(target_arch = "x86_64")]
                if std::is_x86_feature_detected!("avx2") {
                    let mut sig = vec![u32::MAX; n];
                    // SAFETY: the CPU has AVX2.
                    unsafe { minima_avx2(&hashes[..len], &seeds, &mut sig) };
                    assert_eq!(MinHash(sig), reference(&hashes[..len], n), "AVX2 path, n {n}, {len} hashes");
                }
            }
        }
        // A text's shingle signature: the first definition over its shingles.
        let sig = MinHash::of_shingles(WIRE, 5, SHINGLE_HASHES);
        assert_eq!(sig, reference(&{
            let ws: Vec<u64> = words(WIRE).map(|w| xxh3_64(w.as_bytes())).collect();
            ws.windows(5).map(|win| win.iter().fold(0u64, |acc, &h| mix(acc ^ h))).collect::<Vec<u64>>()
        }, SHINGLE_HASHES));
    }

    proptest! {
        #[test]
        fn signatures_are_total_and_self_similar(s in "\\PC{0,200}") {
            let a = MinHash::of_shingles(&s, 5, 16);
            prop_assert_eq!(a.0.len(), 16);
            prop_assert_eq!(a.similarity(&a), 1.0);
            prop_assert_eq!(a.bands(4).len(), 4);
        }
    }
}
