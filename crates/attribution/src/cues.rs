//! A learned cue detector: an averaged perceptron that scores each token as
//! the head of an attribution cue (the verb or noun a cue ends on, particles
//! left out: "said", "called" in "called for", "criticism" in "criticism of").
//!
//! Features are hashed to 32 bits: the word, its suffixes, its neighbours,
//! what follows it ("that", a quotation, a colon, "to"), what precedes it (a
//! capitalised name, a pronoun, a determiner), the mined cue rate of the word,
//! its position in the sentence, and the word clusters (dossier-ner's table)
//! of the word and its neighbours, so that a rare verb of saying shares the
//! weights of the frequent ones. The weights are trained on PolNeAR's
//! training split by `train-cues` (see the crate's README) and shipped in
//! `model/cues.bin`, embedded in the binary and decoded once.

use std::collections::HashMap;
use std::sync::LazyLock;

use dossier_language::doc::Doc;
use dossier_ner::WordClusters;

use crate::lexicon::{cue_rate, is_speech_verb, PRONOUNS};

static SHIPPED: &[u8] = include_bytes!("../model/cues.bin");

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::from_bytes(SHIPPED).unwrap_or_default());

/// Words after a cue's head that belong to the cue but are not its head.
pub const PARTICLES: &[&str] = &["for", "on", "to", "out", "up", "about", "in", "that", "of", "with", "against", "as"];

/// A linear model over hashed features.
///
/// The non-zero weights sit in an open-addressing table (linear probing, at
/// most half full). An empty slot has weight 0, which is also what a missing
/// key scores, so no key value is reserved for it: a probe stops at the key
/// or at a slot of weight 0.
#[derive(Debug, Default, Clone)]
pub struct Model {
    slots: Vec<(u32, f32)>,
    /// The number of keys the model was given (zero weights included).
    len: usize,
}

/// FNV-1a of a string under a seed, folded: the feature hash.
pub fn fnv(seed: u32, s: &str) -> u32 {
    Fnv::new(seed).str(s).finish()
}

/// [`fnv`] fed piece by piece: the hash of the pieces' concatenation, with no
/// string built (a feature like `"{w} {n1}"` is hashed as `w`, `" "`, `n1`).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u32);

impl Fnv {
    pub(crate) fn new(seed: u32) -> Fnv {
        Fnv(0x811c_9dc5 ^ seed.wrapping_mul(0x0100_0193))
    }

    pub(crate) fn str(mut self, s: &str) -> Fnv {
        // Four bytes a round, then the rest: the same steps with less loop.
        let step = |h: u32, b: u8| (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        let mut chunks = s.as_bytes().chunks_exact(4);
        for c in &mut chunks {
            self.0 = step(step(step(step(self.0, c[0]), c[1]), c[2]), c[3]);
        }
        for &b in chunks.remainder() {
            self.0 = step(self.0, b);
        }
        self
    }

    /// Feed a number's four bytes (little-endian).
    pub(crate) fn num(mut self, v: u32) -> Fnv {
        for b in v.to_le_bytes() {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
        self
    }

    pub(crate) fn finish(self) -> u32 {
        self.0 ^ (self.0 >> 15)
    }
}

fn is_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_quote(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’" | "'")
}

/// Is token `i` a candidate for a cue head (a word, not inside a number)?
pub fn candidate(doc: &Doc, i: usize) -> bool {
    is_word(doc.w(i)) && !never_cue(doc.low(i))
}

/// Function words the detector does not score (a third of all words; a
/// `match`: the compiler sorts the words by length and first byte). PolNeAR's
/// annotators marked a few as whole cues (in the training split 22 "for", 15
/// "of", 8 "on", 6 others, as in "support for"), but the detector found none
/// of them when it scored them, and no rule takes them: the output on PolNeAR
/// dev and train is the same without them.
fn never_cue(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "of" | "and" | "or" | "but" | "he" | "she" | "they" | "we" | "i" | "you" | "his" | "her" | "their" | "our"
            | "its" | "my" | "this" | "these" | "those" | "will" | "would" | "not" | "for" | "with" | "on" | "if" | "than" | "who" | "which"
    )
}

/// What [`features`] asks of every token, as a token or as a neighbour,
/// looked up once per document.
pub struct TokenInfo {
    /// The word clusters (dossier-ner's table) of each token's lower-cased form.
    clusters: Vec<Option<WordClusters>>,
    /// The class of each token as a word that follows a cue (see [`follow_class`]).
    follows: Vec<&'static str>,
}

/// The [`TokenInfo`] of a document.
pub fn token_info(doc: &Doc) -> TokenInfo {
    let n = doc.tokens.len();
    TokenInfo {
        clusters: (0..n).map(|k| dossier_ner::word_clusters(doc.low(k))).collect(),
        follows: (0..n).map(|k| follow_class(doc.low(k), doc.w(k))).collect(),
    }
}

/// The class of a word (lower-cased `x`, as written `raw`) that follows a
/// cue: "that", a quotation, a colon, "to", a comma, a time, a pronoun, a name.
fn follow_class(x: &str, raw: &str) -> &'static str {
    match x {
        "that" => "that",
        ":" => "colon",
        "," => "comma",
        "to" => "to",
        "of" => "of",
        "." => "stop",
        "<s>" => "end",
        _ if is_quote(x) => "quote",
        _ if is_time(x) => "time",
        _ if PRONOUNS.contains(&x) => "pron",
        _ if capitalised(raw) => "name",
        _ => "other",
    }
}

/// The hashed features of token `i` (`info` from [`token_info`]).
pub fn features(doc: &Doc, info: &TokenInfo, i: usize, out: &mut Vec<u32>) {
    let clusters = &info.clusters;
    out.clear();
    let a = doc.sentence_start(i);
    let b = doc.sentence_end(i);
    let w = doc.low(i);
    let word = |k: isize| -> &str {
        let k = i as isize + k;
        if k < a as isize || k >= b as isize {
            "<s>"
        } else {
            doc.low(k as usize)
        }
    };
    let h = |t: u32, parts: &[&str]| parts.iter().fold(Fnv::new(t), |h, p| h.str(p)).finish();
    out.push(h(0, &[]));
    out.push(h(1, &[w]));
    let nchars = w.chars().count();
    for (t, n) in [(2u32, 2usize), (3, 3), (4, 4)] {
        if nchars > n {
            let from = w.char_indices().nth(nchars - n).map_or(0, |(x, _)| x);
            out.push(h(t, &[&w[from..]]));
        }
    }
    let (p1, p2, n1, n2) = (word(-1), word(-2), word(1), word(2));
    out.push(h(5, &[p1]));
    out.push(h(6, &[p2]));
    out.push(h(7, &[n1]));
    out.push(h(8, &[n2]));
    out.push(h(9, &[p1, " ", w]));
    out.push(h(10, &[w, " ", n1]));
    out.push(h(11, &[w, " ", n1, " ", n2]));
    let raw = doc.w(i);
    out.push(h(12, &[if capitalised(raw) { if i == a { "cap-first" } else { "cap" } } else { "low" }]));
    // What follows: "that", a quotation, a colon, "to", a comma; within three tokens.
    for (k, digit) in [(1, "1"), (2, "2"), (3, "3")] {
        // Past the sentence's end, the word is "<s>": its class is "end".
        let class = if i + k < b { info.follows[i + k] } else { "end" };
        out.push(h(13, &[digit, class]));
        out.push(h(14, &[w, " ", digit, class]));
    }
    // What precedes.
    let prev_raw = if i > a { doc.w(i - 1) } else { "" };
    let pclass = if i == a {
        "start"
    } else if PRONOUNS.contains(&p1) {
        "pron"
    } else if matches!(p1, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "this") {
        "det"
    } else if p1.ends_with("'s") || p1.ends_with("’s") {
        "poss"
    } else if capitalised(prev_raw) {
        "name"
    } else if is_quote(p1) {
        "quote"
    } else if p1 == "," {
        "comma"
    } else if matches!(p1, "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will" | "would" | "to" | "be" | "been" | "not" | "also" | "did" | "does") {
        "aux"
    } else {
        "other"
    };
    out.push(h(15, &[pclass]));
    out.push(h(16, &[w, " ", pclass]));
    // The mined cue rate and the rules' verb list.
    let rate = cue_rate(w);
    let bucket = if rate <= 0.0 { 0 } else { 1 + (rate * 5.0).min(4.0) as usize };
    out.push(h(17, &[["0", "1", "2", "3", "4", "5"][bucket.min(5)]]));
    out.push(h(18, &[if is_speech_verb(w) { "speech" } else { "-" }]));
    // Position in the sentence and quotation context.
    let pos = i - a;
    let pos_b = match pos {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    };
    out.push(h(19, &[pos_b]));
    let left = b - i - 1;
    out.push(h(20, &[match left {
        0 | 1 => "0-1",
        2..=4 => "2-4",
        5..=9 => "5-9",
        _ => "10+",
    }]));
    let in_q = doc.in_quote(i);
    out.push(h(21, &[if in_q { "inq" } else { "outq" }]));
    // Counted in constant time (`is_quote`'s marks): a scan per token would be
    // quadratic in the sentence's length.
    let tf = |x: bool| if x { "true" } else { "false" };
    let q_before = tf(doc.quote_marks(a, i) > 0);
    let q_after = tf(doc.quote_marks(i + 1, b) > 0);
    out.push(h(22, &[q_before, q_after]));
    out.push(h(23, &[w, " ", q_before, q_after]));
    let that_after = (i + 1..(i + 6).min(b)).any(|k| doc.low(k) == "that");
    out.push(h(24, &[tf(that_after)]));
    // Word clusters (dossier-ner's table, from word vectors): a rare verb of
    // saying or evaluation shares the weights of its frequent neighbours.
    let cw = clusters.get(i).copied().flatten();
    let row = cw.map(|c| c.row);
    let k1 = cw.map(|c| c.k1024);
    let k2 = cw.map(|c| c.k128);
    let hc = |t: u32, x: Option<u32>, rest: &[&str]| {
        let f = Fnv::new(t);
        let f = match x {
            Some(v) => f.num(v),
            None => f.str("-"),
        };
        rest.iter().fold(f, |f, p| f.str(p)).finish()
    };
    out.push(hc(25, row, &[]));
    out.push(hc(26, k1, &[]));
    out.push(hc(27, k2, &[]));
    let next_class = |x: &str| match x {
        "that" => "that",
        ":" => "colon",
        "," => "comma",
        "to" => "to",
        "." => "stop",
        "<s>" => "end",
        _ if is_quote(x) => "quote",
        _ => "other",
    };
    out.push(hc(28, k1, &[" ", next_class(n1)]));
    out.push(hc(29, k1, &[" ", pclass]));
    let kn = |k: isize| if word(k) == "<s>" { None } else { clusters.get((i as isize + k) as usize).copied().flatten().map(|c| c.k1024) };
    out.push(hc(30, kn(-1), &[]));
    out.push(hc(31, kn(1), &[]));
}

/// The home slot of a key in a table of `mask + 1` slots (a power of two):
/// the high bits of a multiplicative hash.
#[inline]
fn slot_of(key: u32, mask: usize) -> usize {
    ((u64::from(key).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize) & mask
}

/// How many of [`features`]' keys (the last ones) are of word clusters.
pub const CLUSTER_FEATURES: usize = 7;

fn is_time(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today" | "yesterday" | "tonight" | "earlier" | "later" | "recently" | "last" | "this")
}

impl Model {
    /// The score of a feature vector.
    pub fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|&k| self.weight(k)).sum()
    }

    /// The weight of a feature (0 when it has none).
    #[inline]
    pub fn weight(&self, key: u32) -> f32 {
        if self.slots.is_empty() {
            return 0.0;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot_of(key, mask);
        loop {
            let (k, w) = self.slots[i];
            if w == 0.0 || k == key {
                return w;
            }
            i = (i + 1) & mask;
        }
    }

    /// The number of weights (those of the model's file, or the non-zero
    /// ones given to [`Model::from_weights`]).
    pub fn len(&self) -> usize {
        self.len
    }

    /// No weights at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// A model from weights (zero weights left out).
    pub fn from_weights(weights: HashMap<u32, f32>) -> Model {
        let nonzero: Vec<(u32, f32)> = weights.into_iter().filter(|&(_, w)| w != 0.0).collect();
        Model::from_distinct(nonzero.len(), &nonzero)
    }

    /// A model of `len` distinct keys, of which `weights` (distinct keys)
    /// holds the non-zero ones and maybe some zero ones (left out).
    fn from_distinct(len: usize, weights: &[(u32, f32)]) -> Model {
        let cap = (2 * weights.len()).next_power_of_two().max(2);
        let mask = cap - 1;
        let mut slots = vec![(0u32, 0.0f32); cap];
        for &(k, w) in weights.iter().filter(|&&(_, w)| w != 0.0) {
            let mut i = slot_of(k, mask);
            while slots[i].1 != 0.0 {
                i = (i + 1) & mask;
            }
            slots[i] = (k, w);
        }
        Model { slots, len }
    }

    /// The non-zero weights, in no particular order.
    fn entries(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        self.slots.iter().copied().filter(|&(_, w)| w != 0.0)
    }

    /// Serialise: `CUE1`, the count, the scale, then sorted (key u32, weight i16) pairs.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<(u32, f32)> = self.entries().collect();
        entries.sort_by_key(|e| e.0);
        let max = entries.iter().map(|e| e.1.abs()).fold(0.0f32, f32::max).max(1e-9);
        let scale = max / 32767.0;
        let mut out = b"CUE1".to_vec();
        out.extend((entries.len() as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        for (k, w) in entries {
            let q = (w / scale).round() as i16;
            if q != 0 {
                out.extend(k.to_le_bytes());
                out.extend(q.to_le_bytes());
            }
        }
        let n = ((out.len() - 12) / 6) as u32;
        out[4..8].copy_from_slice(&n.to_le_bytes());
        out
    }

    /// Decode what `to_bytes` wrote; `None` for anything else (an empty file too).
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if bytes.len() < 12 || &bytes[..4] != b"CUE1" {
            return None;
        }
        let n = u32::from_le_bytes(bytes[4..8].try_into().ok()?) as usize;
        let scale = f32::from_le_bytes(bytes[8..12].try_into().ok()?);
        let body = &bytes[12..];
        if body.len() != n * 6 {
            return None;
        }
        let weights: Vec<(u32, f32)> = body
            .chunks_exact(6)
            .map(|c| (u32::from_le_bytes([c[0], c[1], c[2], c[3]]), f32::from(i16::from_le_bytes([c[4], c[5]])) * scale))
            .collect();
        if weights.windows(2).all(|p| p[0].0 < p[1].0) {
            // As `to_bytes` writes them: sorted, so no key twice.
            return Some(Model::from_distinct(weights.len(), &weights));
        }
        // Otherwise a later weight of a key replaces an earlier one.
        let map: HashMap<u32, f32> = weights.into_iter().collect();
        let distinct: Vec<(u32, f32)> = map.into_iter().collect();
        Some(Model::from_distinct(distinct.len(), &distinct))
    }

    /// The score of token `i` as a cue head (`f32::NEG_INFINITY` for a
    /// non-word; `info` from [`token_info`], `feats` a buffer).
    pub fn token_score(&self, doc: &Doc, info: &TokenInfo, i: usize, feats: &mut Vec<u32>) -> f32 {
        if !candidate(doc, i) || self.is_empty() {
            return f32::NEG_INFINITY;
        }
        features(doc, info, i, feats);
        self.score(feats)
    }
}

/// The shipped model.
pub fn shipped() -> &'static Model {
    &MODEL
}

/// The score above which a word neither a verb of saying nor a mined cue is
/// taken as a cue (tuned on PolNeAR dev with the seed article kept exact; the
/// scale is the perceptron's, so retraining may move it).
pub const CUE_THRESHOLD: f32 = 10.0;

/// The score above which a verb that is rarely speech ("shows", "say",
/// "hopes") is a cue without a "that" after it.
pub const STRONG_CUE: f32 = 4.0;

/// Scores of every token of a document under the shipped model.
pub fn scores(doc: &Doc) -> Vec<f32> {
    scores_with(doc, shipped())
}

/// Scores of every token of a document under a model.
pub fn scores_with(doc: &Doc, m: &Model) -> Vec<f32> {
    let info = token_info(doc);
    let mut feats = Vec::with_capacity(48);
    (0..doc.tokens.len()).map(|i| m.token_score(doc, &info, i, &mut feats)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped models' keys are `fnv` of whole feature strings; features
    /// are now hashed piece by piece, which must give the same keys.
    #[test]
    fn pieces_hash_like_their_concatenation() {
        assert_eq!(Fnv::new(11).str("said").str(" ").str("that").finish(), fnv(11, "said that"));
        assert_eq!(Fnv::new(0).finish(), fnv(0, ""));
        assert_ne!(fnv(1, "said"), fnv(2, "said"));
    }

    /// Verbs of saying absent from PolNeAR's training split ("averred",
    /// "intoned", "griped", "grumbled": no weight for the word itself) get
    /// the weights of their clusters, shared with frequent verbs of saying
    /// (about +10 with the shipped model: not enough alone to pass
    /// `CUE_THRESHOLD`); a noun in the same frame gets none of it.
    #[test]
    fn unseen_verbs_of_saying_are_cues_through_their_clusters() {
        use dossier_language::doc::tokenise;
        let m = shipped();
        let score_of = |text: &str, word: &str| {
            let tk = tokenise(text);
            let doc = Doc::new(text, &tk.tokens, &tk.sentences);
            let i = (0..tk.tokens.len()).find(|&k| doc.w(k) == word).unwrap();
            let mut f = Vec::new();
            features(&doc, &token_info(&doc), i, &mut f);
            assert_eq!(m.weight(f[1]), 0.0, "{word} has a weight of its own");
            let cl = m.score(&f[f.len() - CLUSTER_FEATURES..]);
            (m.score(&f), cl)
        };
        let (noun, noun_cl) = score_of("The old mayor bridges that the river would never be crossed.", "bridges");
        assert!(noun_cl < 0.0, "bridges: {noun} (clusters {noun_cl})");
        for w in ["averred", "intoned", "griped", "grumbled"] {
            let (all, cl) = score_of(&format!("The old mayor {w} that the bridge would never be finished."), w);
            assert!(cl > 5.0 && all > noun + 10.0, "{w}: {all} (clusters {cl})");
        }
    }

    #[test]
    fn function_words_are_not_scored() {
        use dossier_language::doc::tokenise;
        let text = "He said that the mayor would not be there, and they declined to comment on it.";
        let tk = tokenise(text);
        let doc = Doc::new(text, &tk.tokens, &tk.sentences);
        let s = scores(&doc);
        let at = |w: &str| s[(0..tk.tokens.len()).find(|&k| doc.w(k) == w).unwrap()];
        for w in ["He", "the", "would", "not", "and", "they", "on"] {
            assert_eq!(at(w), f32::NEG_INFINITY, "{w}");
        }
        assert!(at("said") > CUE_THRESHOLD && at("declined").is_finite() && at("be").is_finite());
    }

    #[test]
    fn weights_are_found_by_key() {
        let m = Model::from_weights([(fnv(1, "said"), 2.0), (fnv(5, "he"), 0.5)].into_iter().collect());
        assert_eq!(m.score(&[fnv(1, "said"), fnv(5, "he"), fnv(7, "x")]), 2.5);
    }
}
