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

/// A word of at most eight bytes as a number: its bytes in order, zeros
/// after. Two such words are equal when their numbers are (no word has a
/// zero byte), and their numbers compare as the words do bytewise.
const fn packed(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        k <<= 8;
        if i < w.len() {
            k |= w[i] as u64;
        }
        i += 1;
    }
    k
}

/// [`STOP`], each word [`packed`].
const STOP_KEYS: [u64; STOP.len()] = {
    let mut keys = [0u64; STOP.len()];
    let mut i = 0;
    while i < STOP.len() {
        keys[i] = packed(STOP[i].as_bytes());
        i += 1;
    }
    keys
};

/// Whether a lower-cased word carries content: three letters or more, not a
/// function word, not a number.
fn content_word(w: &str) -> bool {
    // A word of fewer than three bytes has fewer than three characters; the
    // function words have three to seven letters.
    if w.len() < 3 || (!w.is_ascii() && w.chars().count() < 3) {
        return false;
    }
    let stop = w.len() <= 7 && STOP_KEYS.contains(&packed(w.as_bytes()));
    let number = w.bytes().all(|b| b.is_ascii_digit());
    !stop && !number
}

/// The terms that say what an article's news is, with their weights: the
/// content words and two-word phrases (adjacent content words, `"trade deal"`)
/// of its headline (weight 3 each) and of the first [`LEAD_CHARS`] characters
/// of its text (1.5 in the first half, then 1). The lead states the event;
/// the rest of a text is mostly background shared by every article on the
/// topic. Sorted by term.
///
/// Words are read as [`words`] reads them (runs of letters and digits,
/// lower-cased by [`str::to_lowercase`]), but without a string per word:
/// the lower-cased content words are written one after another into one
/// buffer, a space before a word that follows another content word, so that
/// a phrase is the buffer's run from its first word to its second; terms are
/// ranges of that buffer, sorted and summed, and only the distinct terms
/// become strings. (Weights are halves, so their sums do not depend on the
/// order they are added in.)
pub fn story_terms(title: Option<&str>, text: &str) -> Vec<(String, f64)> {
    let mut terms = TermRuns::default();
    if let Some(t) = title {
        terms.add(t, |_| 3.0);
    }
    let lead = match text.char_indices().nth(LEAD_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    terms.add(lead, |pos| if pos < LEAD_CHARS / 2 { 1.5 } else { 1.0 });
    terms.finish()
}

/// The words of `text`, runs of letters and digits (`char::is_alphanumeric`),
/// read a byte at a time where the text is ASCII: each as its byte range and
/// the offset of its first character, in order. The story terms here and the
/// store's full-text lexer read words alike through it.
pub fn word_runs(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let bytes = text.as_bytes();
    // The word being read: its first byte and its offset in characters.
    let mut word: Option<(usize, usize)> = None;
    let (mut i, mut chars) = (0, 0);
    std::iter::from_fn(move || {
        while i <= bytes.len() {
            let (alnum, width) = match bytes.get(i) {
                None => (false, 1),
                Some(&b) if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
                Some(_) => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    (c.is_alphanumeric(), c.len_utf8())
                }
            };
            let at = i;
            i += width;
            chars += 1;
            if alnum {
                word.get_or_insert((at, chars - 1));
            } else if let Some((start, pos)) = word.take() {
                return Some((start, at, pos));
            }
        }
        None
    })
}

/// The terms of [`story_terms`] as they are read: the lower-cased content
/// words in one buffer, and each term (a word, or a phrase of two adjacent
/// content words) as a byte range of it with its weight.
#[derive(Default)]
struct TermRuns {
    buf: String,
    terms: Vec<(usize, usize, f64)>,
}

impl TermRuns {
    /// Read `part`, each term weighted by `weight` of the character offset
    /// of its (last) word in `part`.
    fn add(&mut self, part: &str, weight: impl Fn(usize) -> f64) {
        // Where the previous word, when it was a content word, starts in `buf`.
        let mut prev: Option<usize> = None;
        for (start, end, pos) in word_runs(part) {
            prev = self.word(&part[start..end], weight(pos), prev);
        }
    }

    /// Add one word read after the content word starting at `prev` in the
    /// buffer (if any), with weight `x`; where it starts in the buffer if
    /// it is a content word.
    fn word(&mut self, raw: &str, x: f64, prev: Option<usize>) -> Option<usize> {
        // The word goes into the buffer after a space when it may make a
        // phrase with the previous one; it is taken back out if it is not a
        // content word.
        let mark = self.buf.len();
        if prev.is_some() {
            self.buf.push(' ');
        }
        let start = self.buf.len();
        if raw.is_ascii() {
            self.buf.extend(raw.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            self.buf.push_str(&raw.to_lowercase());
        }
        if !content_word(&self.buf[start..]) {
            self.buf.truncate(mark);
            return None;
        }
        let end = self.buf.len();
        if let Some(p) = prev {
            self.terms.push((p, end, x));
        }
        self.terms.push((start, end, x));
        Some(start)
    }

    /// The distinct terms with their summed weights, sorted by term.
    fn finish(self) -> Vec<(String, f64)> {
        let TermRuns { buf, terms } = self;
        let term = |t: &(usize, usize, f64)| &buf[t.0..t.1];
        // Sorted by their first eight bytes as a number, then by the rest.
        let mut keyed: Vec<(u64, usize)> = terms.iter().enumerate().map(|(i, t)| (packed(&term(t).as_bytes()[..(t.1 - t.0).min(8)]), i)).collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| term(&terms[a.1]).cmp(term(&terms[b.1]))));
        let mut out: Vec<(String, f64)> = Vec::with_capacity(terms.len());
        for &(_, i) in &keyed {
            let t = &terms[i];
            match out.last_mut() {
                Some(last) if last.0 == term(t) => last.1 += t.2,
                _ => out.push((term(t).to_string(), t.2)),
            }
        }
        out
    }
}

/// A MinHash signature of a set, made by one-permutation hashing (Li, Owen
/// and Zhang, 2012) with optimal densification (Shrivastava, 2017): each
/// element is hashed once, the hash picks one of the `n` bins and the bin
/// keeps the least of the hash's other bits; a bin that no element reached
/// (a set with few elements) takes the value of the first filled bin along
/// a probe sequence fixed for that bin. The share of equal positions of two
/// signatures estimates the Jaccard similarity of the two sets, without bias
/// whatever their sizes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinHash(pub Vec<u32>);

/// splitmix64's finaliser: a fast, well-mixed permutation of 64-bit values.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Key xored into an element's hash before it is mixed (so that a signature
/// does not depend on any other use of the same hashes).
const ELEMENT_KEY: u64 = 0x9e37_79b9_7f4a_7c15;
/// Key of the densification's probe sequences.
const PROBE_KEY: u64 = 0x632b_e59b_d9b4_e019;
/// Pseudo-random probes tried for an empty bin, in multiples of the number
/// of bins, before the probe sequence goes on bin by bin (a fixed sequence
/// too, so a signature stays a function of the set; reached with
/// probability about e^-16 even for a set of one element).
const PROBE_ROUNDS: usize = 16;

/// Where `(x >> 32)` falls in `0..n` (Lemire's multiply-shift reduction:
/// the high bits pick the bin, leaving the low bits to the value).
#[inline(always)]
fn bin_of(x: u64, n: usize) -> usize {
    (((x >> 32) * n as u64) >> 32) as usize
}

/// The bins of one-permutation hashing: for each of `n` bins the least
/// value of the elements that fell into it, `u64::MAX` for none (values fit
/// in 32 bits).
struct Bins {
    least: Vec<u64>,
}

impl Bins {
    fn new(n: usize) -> Bins {
        Bins { least: vec![u64::MAX; n] }
    }

    /// Put in the element whose (already well-mixed) hash is `h`.
    #[inline(always)]
    fn add(&mut self, h: u64) {
        let x = mix(h ^ ELEMENT_KEY);
        let n = self.least.len();
        if n == 0 {
            return;
        }
        let slot = &mut self.least[bin_of(x, n)];
        *slot = (*slot).min(x & 0xffff_ffff);
    }

    /// The signature: empty bins filled by optimal densification. Bin `i`,
    /// when empty, probes bins `mix(PROBE_KEY ^ (i << 32 | a))` for
    /// `a = 1, 2, …` and takes the value of the first that an element
    /// reached; two sets whose bin `i` is empty in both follow the same
    /// probes, so their values agree exactly when the first bin filled in
    /// either set holds the same least element in both, which happens with
    /// probability their Jaccard similarity. No element at all: every value
    /// is `u32::MAX`.
    fn densified(self) -> MinHash {
        let n = self.least.len();
        if self.least.iter().all(|&v| v == u64::MAX) {
            return MinHash(vec![u32::MAX; n]);
        }
        let sig = (0..n)
            .map(|i| {
                if self.least[i] != u64::MAX {
                    return self.least[i] as u32;
                }
                for a in 1..=(PROBE_ROUNDS * n) as u64 {
                    let j = bin_of(mix(PROBE_KEY ^ ((i as u64) << 32 | a)), n);
                    if self.least[j] != u64::MAX {
                        return self.least[j] as u32;
                    }
                }
                // Bin by bin after the last probe: there is a filled bin.
                let last = bin_of(mix(PROBE_KEY ^ ((i as u64) << 32 | (PROBE_ROUNDS * n) as u64)), n);
                (1..n).map(|d| self.least[(last + d) % n]).find(|&v| v != u64::MAX).unwrap_or(u64::MAX) as u32
            })
            .collect();
        MinHash(sig)
    }
}

/// The xxh3 hash of each of the text's [`words`], in order, without a new
/// string per word: an ASCII word is hashed in place when it has no capital
/// letter (most words) and lower-cased into a buffer otherwise; a word with
/// other characters is lower-cased by [`str::to_lowercase`], as [`words`]
/// does.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut buf: Vec<u8> = Vec::with_capacity(32);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if !w.is_ascii() {
                xxh3_64(w.to_lowercase().as_bytes())
            } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.clear();
                buf.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
                xxh3_64(&buf)
            } else {
                xxh3_64(w.as_bytes())
            }
        })
        .collect()
}

/// Hash of a run of words from their hashes: order matters.
fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0u64, |acc, &h| mix(acc ^ h))
}

impl MinHash {
    /// Signature of a set of element hashes, with `n` bins. The hashes
    /// should be distinct for distinct elements (they are mixed once more
    /// before use, so they need not be uniform). An empty set gives a
    /// signature of `u32::MAX`, similar to nothing but itself.
    pub fn of_hashes(hashes: impl IntoIterator<Item = u64>, n: usize) -> MinHash {
        let mut bins = Bins::new(n);
        for h in hashes {
            bins.add(h);
        }
        bins.densified()
    }

    /// Signature of the text's word `k`-shingles (runs of `k` consecutive
    /// [`words`], each hashed with xxh3, a run's hash folded from its words'
    /// through splitmix64), or of its words when it has fewer than `k`:
    /// near-identical bodies share most shingles whatever their headline,
    /// byline or an added sentence. Each shingle is hashed once (see
    /// [`MinHash`]), so the cost is that of reading the words.
    pub fn of_shingles(text: &str, k: usize, n: usize) -> MinHash {
        let ws = word_hashes(text);
        let k = k.max(1);
        if ws.len() < k {
            return MinHash::of_hashes(ws, n);
        }
        MinHash::of_hashes(ws.windows(k).map(shingle_hash), n)
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
    /// [`shingle_signature`] of the clean text: near-duplicates.
    pub shingles: MinHash,
}

/// Words in a shingle of [`shingle_signature`].
pub const SHINGLE_WORDS: usize = 5;
/// Number of values (bins) in a shingle signature.
pub const SHINGLE_HASHES: usize = 128;
/// Rows per LSH band of a shingle signature: 32 bands of 4, so two articles
/// share a band with probability `1 - (1 - s^4)^32` for similarity `s`: 0.05
/// at 0.2, 0.56 at 0.4, 0.87 at 0.5, 0.99 at 0.6. (Copies published within
/// the story window are also compared when they share rare headline and
/// lead terms, which copies do.)
pub const BAND_ROWS: usize = 4;
/// Estimated shingle similarity from which two articles are copies of one
/// text. Copies share about half their five-word runs or more (Jaccard 0.5
/// and up); the estimate from [`SHINGLE_HASHES`] values has a standard
/// deviation of about 0.044 there, so the threshold sits over two of them
/// lower: a pair at 0.5 is taken with probability 0.99, one at 0.25 with
/// probability under 10^-4. On the PolNeAR labels (bench/grouping) the
/// copies have a shingle Jaccard of 0.52 to 0.93 and the closest other pair
/// 0.12; at 0.5 one of the copies (0.518, estimated 0.438) was missed.
pub const DUPLICATE_SIMILARITY: f64 = 0.4;

/// The near-duplicate signature of a clean text: [`MinHash::of_shingles`]
/// of its [`SHINGLE_WORDS`]-word runs in [`SHINGLE_HASHES`] bins. Stored
/// signatures are compared with new ones, so changing what this computes
/// needs a store migration that computes them again.
pub fn shingle_signature(text: &str) -> MinHash {
    MinHash::of_shingles(text, SHINGLE_WORDS, SHINGLE_HASHES)
}

impl Fingerprint {
    /// Fingerprints of a document with body `body` (the raw decoded input, for
    /// the exact hash) and clean `text`.
    pub fn new(body: &str, text: &str) -> Fingerprint {
        Fingerprint { hash: content_hash(body), shingles: shingle_signature(text) }
    }
}

/// The shingle signature as stores of schema 8 and earlier hold it: 128
/// hash functions (`mix(h ^ seed)` for 128 seeds), each taking the least of
/// the high halves over all shingles, 128 mixes per shingle. Not used by
/// dossier itself (schema 9 replaced every stored one): kept so that tests
/// can build a store as an older build wrote it.
#[doc(hidden)]
pub mod legacy {
    use super::{mix, shingle_hash, words, SHINGLE_HASHES, SHINGLE_WORDS};
    use xxhash_rust::xxh3::xxh3_64;

    /// The signature of a clean text as [`super::shingle_signature`]
    /// computed it before schema 9.
    pub fn shingle_signature(text: &str) -> super::MinHash {
        let ws: Vec<u64> = words(text).map(|w| xxh3_64(w.as_bytes())).collect();
        let shingles: Vec<u64> = if ws.len() < SHINGLE_WORDS { ws } else { ws.windows(SHINGLE_WORDS).map(shingle_hash).collect() };
        let seeds: Vec<u64> = (0..SHINGLE_HASHES as u64).map(|i| mix(i.wrapping_add(0x9e37_79b9_7f4a_7c15))).collect();
        let mut sig = vec![u32::MAX; SHINGLE_HASHES];
        for h in shingles {
            for (slot, seed) in sig.iter_mut().zip(&seeds) {
                *slot = (*slot).min((mix(h ^ seed) >> 32) as u32);
            }
        }
        super::MinHash(sig)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn word_runs_are_byte_ranges_with_character_offsets() {
        let text = "Zoë's café, 2024—ok";
        let runs: Vec<(&str, usize)> = word_runs(text).map(|(s, e, c)| (&text[s..e], c)).collect();
        assert_eq!(runs, [("Zoë", 0), ("s", 4), ("café", 6), ("2024", 12), ("ok", 17)]);
        assert_eq!(word_runs("").count(), 0);
        assert_eq!(word_runs(" , ").count(), 0);
    }

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

    /// [`story_terms`] as first written: a string per word and per phrase,
    /// summed in a hash map. The reference the faster reading must equal.
    fn story_terms_reference(title: Option<&str>, text: &str) -> Vec<(String, f64)> {
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
                if w.chars().count() < 3 || STOP.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()) {
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

    /// Words that try the reading: function words, short words, numbers,
    /// capitals, letters that change length or context when lower-cased,
    /// other scripts, and the separators between them.
    const TRICKY: &[&str] = &[
        "the", "The", "THE", "said", "Because", "because", "ab", "AB", "abc", "Harbor", "HARBOR", "bridge", "Bridge", "toll", "vote", "2014", "7",
        "x2", "3rd", "İstanbul", "İİ", "İi", "ΟΔΥΣΣΕΥΣ", "ΣΑΣ", "Σ", "σας", "CAFÉ", "café", "naïve", "x²", "3½", "ⅷ", "ⅧⅧⅧ", "日本語", "テキスト", "ß", "STRASSE",
        "Straße", "ǅemal", "ﬁnance", "K", "Ω", "levy", "levy", "transit", "Transit", "council", "Council",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", "-", "'", "’", "\n\n", "—", "  ", "“", "” ", "_", "\u{a0}", "…", ""];

    #[test]
    fn story_terms_are_those_of_the_reference_reading() {
        let texts = [
            "",
            " -- ",
            "Council backs transit levy",
            "The city council voted on Tuesday to put a transit levy on the ballot.",
            "ΟΔΥΣΣΕΥΣ ΣΑΣ sas İstanbul CAFÉ naïve x² 3½ ⅷ abcΣ Σabc “Quoted” — dash…end 日本語 テキスト",
            WIRE,
        ];
        for title in texts.iter().map(|t| Some(*t)).chain([None]) {
            for text in texts {
                assert_eq!(story_terms(title, text), story_terms_reference(title, text), "{title:?} {text:?}");
            }
        }
        // Around the lead's end and its halfway mark, in characters of
        // several widths.
        for pad in ["a", "é", "日", "İ"] {
            for n in [LEAD_CHARS / 2 - 6, LEAD_CHARS / 2 - 1, LEAD_CHARS - 12, LEAD_CHARS - 4, LEAD_CHARS, LEAD_CHARS + 3] {
                let text = format!("{} Harbor Bridge toll levy vote council transit", pad.repeat(n));
                assert_eq!(story_terms(None, &text), story_terms_reference(None, &text), "{pad} × {n}");
                let text = format!("{} Harbor Bridge toll levy vote", "levy ".repeat(n / 5));
                assert_eq!(story_terms(Some(&text), &text), story_terms_reference(Some(&text), &text), "{n}");
            }
        }
    }

    proptest! {
        #[test]
        fn story_terms_read_generated_texts_as_the_reference(
            title in proptest::option::of(proptest::collection::vec((0..TRICKY.len(), 0..SEPARATORS.len()), 0..12)),
            text in proptest::collection::vec((0..TRICKY.len(), 0..SEPARATORS.len()), 0..400),
            any_text in "\\PC{0,300}",
        ) {
            let join = |v: &[(usize, usize)]| v.iter().map(|&(w, s)| format!("{}{}", TRICKY[w], SEPARATORS[s])).collect::<String>();
            let title = title.map(|t| join(&t));
            let text = join(&text);
            prop_assert_eq!(story_terms(title.as_deref(), &text), story_terms_reference(title.as_deref(), &text));
            prop_assert_eq!(story_terms(Some(&any_text), &any_text), story_terms_reference(Some(&any_text), &any_text));
        }
    }

    /// The shingle hashes of a text, as [`MinHash::of_shingles`] defines
    /// them, read through [`words`] (one string per word).
    fn shingles(text: &str) -> Vec<u64> {
        let ws: Vec<u64> = words(text).map(|w| xxh3_64(w.as_bytes())).collect();
        if ws.len() < SHINGLE_WORDS {
            return ws;
        }
        ws.windows(SHINGLE_WORDS).map(shingle_hash).collect()
    }

    /// Exact Jaccard similarity of two sets of hashes.
    fn jaccard(a: &[u64], b: &[u64]) -> f64 {
        let a: std::collections::HashSet<u64> = a.iter().copied().collect();
        let b: std::collections::HashSet<u64> = b.iter().copied().collect();
        a.intersection(&b).count() as f64 / a.union(&b).count() as f64
    }

    /// Two sets of element hashes drawn with `seed` whose union has `union`
    /// elements and whose Jaccard similarity is exactly `shared / union`
    /// (the elements only one set has split evenly between the two).
    fn pair(seed: u64, union: u64, shared: u64) -> (Vec<u64>, Vec<u64>, f64) {
        let only = (union - shared) / 2;
        let element = |i: u64| mix(seed.wrapping_mul(0x0100_0000_01b3) ^ i.wrapping_add(1 << 40));
        let a: Vec<u64> = (0..only + shared).map(element).collect();
        let b: Vec<u64> = (only..2 * only + shared).map(element).collect();
        (a, b, shared as f64 / (2 * only + shared) as f64)
    }

    #[test]
    fn the_estimate_is_close_to_the_jaccard_similarity() {
        // Sets larger than the 128 bins and sets smaller (densified), at
        // three similarities, each over many draws: the mean estimate is
        // unbiased and single estimates spread no more than those of 128
        // independent hash functions would (sd sqrt(J(1-J)/128)).
        for union in [2000u64, 400, 60] {
            for target in [0.2, 0.5, 0.8] {
                let draws = 200;
                let (mut sum, mut sq, mut worst) = (0.0, 0.0, 0.0f64);
                let mut exact = 0.0;
                for seed in 0..draws {
                    let shared = (target * union as f64).round() as u64;
                    let (a, b, j) = pair(seed, union, shared);
                    exact = j;
                    let est = MinHash::of_hashes(a.iter().copied(), SHINGLE_HASHES).similarity(&MinHash::of_hashes(b.iter().copied(), SHINGLE_HASHES));
                    sum += est;
                    sq += (est - j) * (est - j);
                    worst = worst.max((est - j).abs());
                }
                let mean = sum / draws as f64;
                let rmse = (sq / draws as f64).sqrt();
                let sd = (exact * (1.0 - exact) / SHINGLE_HASHES as f64).sqrt();
                eprintln!("{union:5} elements, J {exact:.3}: mean {mean:.4}, rmse {rmse:.4} (128 hash functions: {sd:.4}), worst {worst:.3}");
                assert!((mean - exact).abs() < 0.02, "{union} elements, J {exact:.2}: mean estimate {mean:.3}");
                assert!(rmse < 1.25 * sd, "{union} elements, J {exact:.2}: rmse {rmse:.3}, sd of 128 hash functions {sd:.3}");
                assert!(worst < 0.2, "{union} elements, J {exact:.2}: worst estimate off by {worst:.3}");
            }
        }
    }

    #[test]
    fn identical_texts_have_identical_signatures() {
        let a = MinHash::of_shingles(WIRE, 5, SHINGLE_HASHES);
        assert_eq!(a, MinHash::of_shingles(&WIRE.to_string(), 5, SHINGLE_HASHES));
        assert_eq!(a, MinHash::of_shingles(&WIRE.to_uppercase(), 5, SHINGLE_HASHES), "words are lower-cased");
        assert_eq!(a.similarity(&a), 1.0);
        assert_eq!(shingle_signature(WIRE), a);
        assert_eq!(Fingerprint::new("body", WIRE).shingles, a);
    }

    #[test]
    fn words_are_hashed_as_words_gives_them() {
        for text in ["", "  ", "Harbor", "The Harbor-Bridge's toll, 7-2!", "ΟΔΥΣΣΕΥΣ ΣΑΣ sas", "İstanbul CAFÉ naïve x² 3½ ⅷ", "abcΣ Σabc", "“Quoted” — dash…end", "日本語 テキスト"] {
            let expected: Vec<u64> = words(text).map(|w| xxh3_64(w.as_bytes())).collect();
            assert_eq!(word_hashes(text), expected, "{text}");
        }
    }

    #[test]
    fn short_texts_have_valid_signatures() {
        // Fewer shingles than bins: 14 shingles, so at most 14 distinct
        // values, every one the least of a bin, and no bin left empty.
        let short = "the harbor bridge will close for repairs on monday the city said in a statement on friday evening";
        let s = MinHash::of_shingles(short, 5, SHINGLE_HASHES);
        let hashes = shingles(short);
        assert_eq!(hashes.len(), 14);
        let values: std::collections::HashSet<u32> = hashes.iter().map(|&h| mix(h ^ ELEMENT_KEY) as u32).collect();
        assert_eq!(s.0.len(), SHINGLE_HASHES);
        assert!(s.0.iter().all(|v| values.contains(v)), "every value is an element's");
        let distinct: std::collections::HashSet<u32> = s.0.iter().copied().collect();
        assert!(distinct.len() <= 14 && distinct.len() >= 8, "{} distinct values", distinct.len());
        assert_eq!(s.similarity(&MinHash::of_shingles(short, 5, SHINGLE_HASHES)), 1.0);
        assert_eq!(s.similarity(&MinHash::of_shingles(&short.to_uppercase(), 5, SHINGLE_HASHES)), 1.0);
        // A word changed: two of the 14 shingles differ (J = 12/16).
        let edited = short.replace("friday", "thursday");
        let e = MinHash::of_shingles(&edited, 5, SHINGLE_HASHES);
        let j = jaccard(&hashes, &shingles(&edited));
        assert!((s.similarity(&e) - j).abs() < 0.15, "estimate {} for {j}", s.similarity(&e));

        // One word: one element, in every bin.
        let one = MinHash::of_shingles("Harbor", 5, SHINGLE_HASHES);
        assert_eq!(one.0.len(), SHINGLE_HASHES);
        assert!(one.0.iter().all(|&v| v == one.0[0]));
        assert_eq!(one.similarity(&MinHash::of_shingles("harbor", 5, SHINGLE_HASHES)), 1.0);
        assert_eq!(one.similarity(&MinHash::of_shingles("Bridge", 5, SHINGLE_HASHES)), 0.0);
        // Three words (fewer than a shingle): the words are the set.
        let three = MinHash::of_shingles("harbor bridge closed", 5, SHINGLE_HASHES);
        assert_eq!(three, MinHash::of_hashes(shingles("harbor bridge closed"), SHINGLE_HASHES));
        assert_eq!(three.0.iter().collect::<std::collections::HashSet<_>>().len(), 3);

        // No word: u32::MAX everywhere, similar only to another empty text.
        let empty = MinHash::of_shingles("", 5, SHINGLE_HASHES);
        assert_eq!(empty, MinHash(vec![u32::MAX; SHINGLE_HASHES]));
        assert_eq!(empty, MinHash::of_shingles(" -- ... ", 5, SHINGLE_HASHES));
        assert_eq!(empty.similarity(&empty), 1.0);
        assert_eq!(empty.similarity(&one), 0.0);
        assert_eq!(empty.bands(BAND_ROWS).len(), SHINGLE_HASHES / BAND_ROWS);
        // Any number of bins, including none.
        for n in [0, 1, 7, 13] {
            let s = MinHash::of_shingles(short, 5, n);
            assert_eq!(s.0.len(), n);
            assert_eq!(s, MinHash::of_hashes(hashes.iter().copied(), n));
        }
    }

    #[test]
    fn the_estimate_on_real_edits_is_close_to_the_shingle_jaccard() {
        let copy = format!("By Ana Lee, Lakeshore Press Association. {WIRE} The measure needs a simple majority.");
        let cut = WIRE.split(". ").take(2).collect::<Vec<_>>().join(". ");
        for other in [copy.as_str(), cut.as_str()] {
            let j = jaccard(&shingles(WIRE), &shingles(other));
            let est = MinHash::of_shingles(WIRE, 5, SHINGLE_HASHES).similarity(&MinHash::of_shingles(other, 5, SHINGLE_HASHES));
            assert!((est - j).abs() < 0.15, "estimate {est:.3}, shingle Jaccard {j:.3}");
        }
    }

    /// Stored signatures are compared with new ones: a change to what a
    /// signature is must come with a store migration that computes them
    /// again (`dossier-store`'s schema 9 did so for one-permutation
    /// hashing), and with a new value here.
    #[test]
    fn the_signature_definition_is_pinned() {
        let sig = MinHash::of_shingles(WIRE, 5, SHINGLE_HASHES);
        assert_eq!(xxh3_64(&sig.to_bytes()), PINNED, "the shingle signature changed: stored signatures need a migration");
    }
    const PINNED: u64 = 15_852_415_368_153_075_476;

    proptest! {
        #[test]
        fn signatures_are_total_and_self_similar(s in "\\PC{0,200}") {
            let a = MinHash::of_shingles(&s, 5, 16);
            prop_assert_eq!(a.0.len(), 16);
            prop_assert_eq!(a.similarity(&a), 1.0);
            prop_assert_eq!(a.bands(4).len(), 4);
            // The words are those of `words` (the byte-wise reading agrees).
            prop_assert_eq!(&a, &MinHash::of_hashes(shingles(&s), 16));
        }

        #[test]
        fn similarity_is_symmetric_and_bounded(s in "[a-e ]{0,120}", t in "[a-e ]{0,120}") {
            let a = MinHash::of_shingles(&s, 2, 32);
            let b = MinHash::of_shingles(&t, 2, 32);
            let x = a.similarity(&b);
            prop_assert_eq!(x, b.similarity(&a));
            prop_assert!((0.0..=1.0).contains(&x));
            if shingles(&s).is_empty() != shingles(&t).is_empty() {
                prop_assert_eq!(x, 0.0);
            }
        }
    }
}
