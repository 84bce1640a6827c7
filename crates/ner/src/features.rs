//! Feature extraction: per-token information, document statistics and the hashed feature templates.
//!
//! Every feature is a `u64` key: a template id mixed with one or more value hashes. Token strings are
//! normalised first (curly quotes and apostrophes to ASCII, dashes to `-`/`--`), so dossier's tokens and
//! CoNLL's look alike. Extraction writes into buffers owned by [`DocState`], reused across sentences.

use crate::hash::{fmix, hash_bytes, hash_str, mix, U64Map};
pub(crate) use crate::normalize::{lower_normalized, normalize_into, normalize_lower};
use crate::resources::{phrase_step, Resources, GAZ_CLASSES, GAZ_MAX_LEN, PHRASE_SEED};
use crate::tags::{split, O};

/// Characters of a token looked at for shapes (very long tokens are cut for speed).
const MAX_SHAPE_CHARS: usize = 48;

/// Optional feature groups; a model records which ones it was trained without (for ablations).
pub mod group {
    /// Word clusters.
    pub const CLUSTERS: u32 = 1;
    /// Gazetteer matches.
    pub const GAZETTEERS: u32 = 2;
    /// Document case statistics.
    pub const DOCUMENT: u32 = 4;
    /// History of earlier predictions in the document.
    pub const HISTORY: u32 = 8;
    /// Names of the groups, by bit.
    pub const NAMES: [(&str, u32); 4] =
        [("clusters", CLUSTERS), ("gazetteers", GAZETTEERS), ("document", DOCUMENT), ("history", HISTORY)];
}

/// Token flags.
pub(crate) mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const ALL_LOWER: u16 = 4;
    pub const HAS_DIGIT: u16 = 8;
    pub const ALL_DIGIT: u16 = 16;
    pub const HAS_HYPHEN: u16 = 32;
    pub const HAS_PERIOD: u16 = 64;
    pub const HAS_ALPHA: u16 = 128;
    pub const NO_ALNUM: u16 = 256;
    pub const MIXED_CAPS: u16 = 512;
    pub const EMPTY: u16 = 1024;
}

/// Shape class of a character.
#[inline]
fn shape_char(c: char) -> u32 {
    if c.is_uppercase() {
        'X' as u32
    } else if c.is_lowercase() {
        'x' as u32
    } else if c.is_ascii_digit() {
        'd' as u32
    } else if c.is_ascii() {
        c as u32
    } else if c.is_alphabetic() {
        'a' as u32
    } else {
        '?' as u32
    }
}

/// Flags, full-shape hash (runs capped at 4) and short-shape hash (runs collapsed) of a normalised token.
pub(crate) fn shape(norm: &str) -> (u16, u64, u64) {
    use flag::*;
    let (mut f, mut full, mut short) = (0u16, 0x5348_4150u64, 0x5348_4f52u64);
    let (mut last, mut run) = (u32::MAX, 0usize);
    let (mut upper, mut lower, mut digit, mut alpha, mut other) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut first_upper = false;
    let mut upper_after_first = false;
    for (i, c) in norm.chars().take(MAX_SHAPE_CHARS).enumerate() {
        let s = shape_char(c);
        if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                first_upper = true;
            } else {
                upper_after_first = true;
            }
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_ascii_digit() {
            digit += 1;
        } else if !c.is_alphabetic() {
            other += 1;
            if c == '-' {
                f |= HAS_HYPHEN;
            } else if c == '.' {
                f |= HAS_PERIOD;
            }
        }
        if c.is_alphabetic() {
            alpha += 1;
        }
        if s == last {
            run += 1;
        } else {
            run = 1;
            short = mix(short, s as u64);
        }
        if run <= 4 {
            full = mix(full, s as u64);
        }
        last = s;
    }
    if norm.is_empty() {
        f |= EMPTY;
    }
    if first_upper {
        f |= INIT_CAP;
    }
    if alpha > 0 {
        f |= HAS_ALPHA;
        if lower == 0 && upper > 0 {
            f |= ALL_CAPS;
        }
        if upper == 0 {
            f |= ALL_LOWER;
        }
        if upper_after_first && lower > 0 {
            f |= MIXED_CAPS;
        }
    }
    if digit > 0 {
        f |= HAS_DIGIT;
        if alpha == 0 && digit + other == norm.chars().count().min(MAX_SHAPE_CHARS) {
            f |= ALL_DIGIT;
        }
    }
    if alpha == 0 && digit == 0 {
        f |= NO_ALNUM;
    }
    (f, full, short)
}

/// What is known about one token before features are built.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte range of the lower-cased normalised form in the document arena.
    lower: (u32, u32),
    h_word: u64,
    h_lower: u64,
    h_shape: u64,
    h_short: u64,
    flags: u16,
    row: u32,
    k1024: u32,
    k128: u32,
    /// Gazetteer matches: bit `class * 4 + position` (B, I, L, U).
    gaz: u32,
}

const NONE: u32 = u32::MAX;

/// Document-wide statistics of one lower-cased word.
#[derive(Clone, Copy, Default, Debug)]
struct DocStat {
    /// Capitalised occurrences that are neither sentence-initial nor in an all-caps line.
    cap_mid: u16,
    /// All-lower-case occurrences.
    lower: u16,
    /// Short shape and coarse cluster of the first such capitalised occurrence (0: none).
    form_short: u64,
    form_k1024: u32,
}

// Template ids.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_PREFIX: u64 = 4;
const T_SUFFIX: u64 = 5;
const T_SHAPE: u64 = 6;
const T_SHORT: u64 = 7;
const T_FLAGS: u64 = 8;
const T_POS0_SHORT: u64 = 9;
const T_HEAD_SHORT: u64 = 10;
const T_HEAD_LOWER: u64 = 11;
const T_CTX_LOWER: u64 = 12;
const T_CTX_SHORT: u64 = 13;
const T_BI_LEFT: u64 = 14;
const T_BI_RIGHT: u64 = 15;
const T_TRI_SHORT: u64 = 16;
const T_PREV_LOWER_SHORT: u64 = 17;
const T_NEXT_LOWER_SHORT: u64 = 18;
const T_ROW: u64 = 19;
const T_K1024: u64 = 20;
const T_K128: u64 = 21;
const T_NO_CLUSTER: u64 = 22;
const T_CTX_K1024: u64 = 23;
const T_CTX_K128: u64 = 24;
const T_K128_BI_LEFT: u64 = 25;
const T_K128_BI_RIGHT: u64 = 26;
const T_GAZ: u64 = 27;
const T_GAZ_CTX: u64 = 28;
const T_DOC_CASE: u64 = 29;
const T_DOC_FORM: u64 = 30;
const T_DOC_FORM_K: u64 = 31;
const T_HIST: u64 = 32;
const T_HIST_MAJ: u64 = 33;
const T_LEN: u64 = 34;

const BOS: u64 = 0xB05;
const EOS: u64 = 0xE05;

/// A feature key from a template and a value.
#[inline]
fn key(t: u64, v: u64) -> u64 {
    let k = fmix(mix(mix(0x004E_4552, t), v));
    k.max(1)
}

/// The per-document state of extraction: token information for all sentences, document statistics,
/// the memory of earlier predictions, and the feature buffer of the current sentence.
pub(crate) struct DocState<'r> {
    res: &'r Resources,
    /// Feature groups switched off (see [`group`]).
    off: u32,
    arena: String,
    toks: Vec<Tok>,
    /// Token range of each sentence in `toks`.
    sents: Vec<(usize, usize)>,
    headline: Vec<bool>,
    stats: U64Map<DocStat>,
    /// Per lower-cased word: how earlier sentences' predictions labelled it (O, PER, ORG, LOC, MISC).
    memory: U64Map<[u16; 5]>,
    /// Feature keys of the current sentence, token after token.
    pub feats: Vec<u64>,
    /// Start of each token's features in `feats`, plus the end (length n + 1).
    pub offs: Vec<usize>,
}

impl<'r> DocState<'r> {
    /// Prepares a document: token information, gazetteer matches and document statistics.
    pub(crate) fn new<S: AsRef<str>>(res: &'r Resources, sentences: &[Vec<S>], off: u32) -> DocState<'r> {
        let n_tok: usize = sentences.iter().map(|s| s.len()).sum();
        let mut st = DocState {
            res,
            off,
            arena: String::with_capacity(n_tok * 8),
            toks: Vec::with_capacity(n_tok),
            sents: Vec::with_capacity(sentences.len()),
            headline: Vec::with_capacity(sentences.len()),
            stats: U64Map::default(),
            memory: U64Map::default(),
            feats: Vec::with_capacity(128 * 64),
            offs: Vec::with_capacity(128),
        };
        let mut norm = String::new();
        for sent in sentences {
            let start = st.toks.len();
            for t in sent {
                norm.clear();
                normalize_into(t.as_ref(), &mut norm);
                let (flags, h_shape, h_short) = shape(&norm);
                let a = st.arena.len();
                lower_normalized(&norm, &mut st.arena);
                let b = st.arena.len();
                let h_word = hash_str(&norm);
                let h_lower = hash_str(&st.arena[a..b]);
                let (row, k1024, k128) = match res.clusters(h_word, h_lower) {
                    Some(c) => (c.row, c.k1024, c.k128),
                    None => (NONE, NONE, NONE),
                };
                st.toks.push(Tok {
                    lower: (a as u32, b as u32),
                    h_word,
                    h_lower,
                    h_shape,
                    h_short,
                    flags,
                    row,
                    k1024,
                    k128,
                    gaz: 0,
                });
            }
            let end = st.toks.len();
            st.sents.push((start, end));
            let toks = &st.toks[start..end];
            let any_lower = toks.iter().any(|t| t.flags & flag::HAS_ALPHA != 0 && t.flags & flag::ALL_CAPS == 0);
            let any_caps = toks.iter().any(|t| t.flags & flag::ALL_CAPS != 0);
            st.headline.push(any_caps && !any_lower);
            st.match_gazetteers(start, end);
        }
        for (s, &(a, b)) in st.sents.iter().enumerate() {
            let head = st.headline[s];
            for i in a..b {
                let t = &st.toks[i];
                if t.flags & flag::HAS_ALPHA == 0 {
                    continue;
                }
                let e = st.stats.entry(t.h_lower).or_default();
                if t.flags & flag::ALL_LOWER != 0 {
                    e.lower = e.lower.saturating_add(1);
                } else if t.flags & flag::INIT_CAP != 0 && i > a && !head {
                    e.cap_mid = e.cap_mid.saturating_add(1);
                    if e.form_short == 0 {
                        e.form_short = t.h_short | 1;
                        e.form_k1024 = t.k1024;
                    }
                }
            }
        }
        st
    }

    fn match_gazetteers(&mut self, start: usize, end: usize) {
        for i in start..end {
            if self.toks[i].flags & flag::INIT_CAP == 0 {
                continue;
            }
            let mut h = PHRASE_SEED;
            for len in 1..=GAZ_MAX_LEN.min(end - i) {
                h = phrase_step(h, self.toks[i + len - 1].h_lower);
                let mask = self.res.gazetteer(h);
                if mask == 0 {
                    continue;
                }
                for class in 0..GAZ_CLASSES.len() {
                    if mask & (1 << class) == 0 {
                        continue;
                    }
                    for j in 0..len {
                        let pos = if len == 1 {
                            3
                        } else if j == 0 {
                            0
                        } else if j + 1 == len {
                            2
                        } else {
                            1
                        };
                        self.toks[i + j].gaz |= 1 << (class * 4 + pos);
                    }
                }
            }
        }
    }

    /// Number of sentences.
    pub(crate) fn len(&self) -> usize {
        self.sents.len()
    }

    /// Number of tokens of sentence `s`.
    pub(crate) fn sentence_len(&self, s: usize) -> usize {
        let (a, b) = self.sents[s];
        b - a
    }

    /// Builds the features of sentence `s` into `feats` / `offs`.
    pub(crate) fn extract(&mut self, s: usize) {
        let (a, b) = self.sents[s];
        let head = self.headline[s] as u64;
        let n = b - a;
        let toks = &self.toks[a..b];
        let feats = &mut self.feats;
        feats.clear();
        self.offs.clear();
        let lower_at = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else {
                toks.get(j as usize).map_or(EOS, |t| t.h_lower)
            }
        };
        let short_at = |j: isize| -> u64 {
            if j < 0 {
                BOS
            } else {
                toks.get(j as usize).map_or(EOS, |t| t.h_short)
            }
        };
        let k_at = |j: isize, coarse: bool| -> u64 {
            if j < 0 {
                BOS
            } else {
                toks.get(j as usize).map_or(EOS, |t| if coarse { t.k128 as u64 } else { t.k1024 as u64 })
            }
        };
        for i in 0..n {
            self.offs.push(feats.len());
            let t = &toks[i];
            let ii = i as isize;
            let mut push = |tpl: u64, v: u64| feats.push(key(tpl, v));
            push(T_BIAS, 0);
            push(T_WORD, t.h_word);
            push(T_LOWER, t.h_lower);
            let lower = &self.arena[t.lower.0 as usize..t.lower.1 as usize];
            let nchars = lower.chars().count();
            if nchars > 1 {
                for (k, (p, c)) in lower.char_indices().skip(1).take(4).enumerate() {
                    let _ = c;
                    push(T_PREFIX, hash_bytes(k as u64, &lower.as_bytes()[..p]));
                }
                if nchars <= 4 {
                    push(T_PREFIX, hash_bytes(nchars as u64 - 1, lower.as_bytes()));
                }
                for (k, (p, _)) in lower.char_indices().rev().take(4).enumerate() {
                    push(T_SUFFIX, hash_bytes(k as u64, &lower.as_bytes()[p..]));
                }
            }
            push(T_SHAPE, t.h_shape);
            push(T_SHORT, t.h_short);
            push(T_FLAGS, t.flags as u64);
            push(T_LEN, nchars.min(12) as u64);
            push(T_POS0_SHORT, mix((i == 0) as u64, t.h_short));
            push(T_HEAD_SHORT, mix(head, t.h_short));
            if head == 1 {
                push(T_HEAD_LOWER, t.h_lower);
            }
            for d in [-2isize, -1, 1, 2] {
                push(T_CTX_LOWER, mix(d as u64, lower_at(ii + d)));
            }
            for d in [-1isize, 1] {
                push(T_CTX_SHORT, mix(d as u64, short_at(ii + d)));
            }
            push(T_BI_LEFT, mix(lower_at(ii - 1), t.h_lower));
            push(T_BI_RIGHT, mix(t.h_lower, lower_at(ii + 1)));
            push(T_TRI_SHORT, mix(mix(short_at(ii - 1), t.h_short), short_at(ii + 1)));
            push(T_PREV_LOWER_SHORT, mix(lower_at(ii - 1), t.h_short));
            push(T_NEXT_LOWER_SHORT, mix(t.h_short, lower_at(ii + 1)));
            if self.off & group::CLUSTERS != 0 {
                // Clusters switched off.
            } else if t.row != NONE {
                push(T_ROW, t.row as u64);
                push(T_K1024, t.k1024 as u64);
                push(T_K128, t.k128 as u64);
            } else {
                push(T_NO_CLUSTER, t.h_short);
            }
            if self.off & group::CLUSTERS == 0 {
                for d in [-1isize, 1] {
                    push(T_CTX_K1024, mix(d as u64, k_at(ii + d, false)));
                }
                for d in [-2isize, 2] {
                    push(T_CTX_K128, mix(d as u64, k_at(ii + d, true)));
                }
                push(T_K128_BI_LEFT, mix(k_at(ii - 1, true), t.k128 as u64));
                push(T_K128_BI_RIGHT, mix(t.k128 as u64, k_at(ii + 1, true)));
            }
            let mut g = if self.off & group::GAZETTEERS == 0 { t.gaz } else { 0 };
            while g != 0 {
                let bit = g.trailing_zeros() as u64;
                push(T_GAZ, bit);
                push(T_GAZ_CTX, mix(bit, t.h_short));
                g &= g - 1;
            }
            if t.flags & flag::HAS_ALPHA != 0 {
                let stat = if self.off & group::DOCUMENT == 0 { self.stats.get(&t.h_lower) } else { None };
                if let Some(stat) = stat {
                    let initial = (i == 0 || head == 1) as u64;
                    let caseinfo = ((stat.cap_mid > 0) as u64) | ((stat.lower > 0) as u64) << 1;
                    push(T_DOC_CASE, mix(mix(initial, caseinfo), (t.flags & 3) as u64));
                    if (initial == 1 || t.flags & flag::ALL_CAPS != 0) && stat.form_short != 0 {
                        push(T_DOC_FORM, stat.form_short);
                        push(T_DOC_FORM_K, stat.form_k1024 as u64);
                    }
                }
                if t.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0 && self.off & group::HISTORY == 0 {
                    if let Some(m) = self.memory.get(&t.h_lower) {
                        let mut best = 0;
                        for c in 0..5 {
                            if m[c] > 0 {
                                push(T_HIST, c as u64);
                            }
                            if m[c] > m[best] {
                                best = c;
                            }
                        }
                        push(T_HIST_MAJ, best as u64);
                    }
                }
            }
        }
        self.offs.push(feats.len());
    }

    /// Records the predicted tags of sentence `s`, for the history features of later sentences.
    pub(crate) fn remember(&mut self, s: usize, tags: &[u8]) {
        let (a, b) = self.sents[s];
        for (t, &tag) in self.toks[a..b].iter().zip(tags) {
            if t.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0 || t.flags & flag::HAS_ALPHA == 0 {
                continue;
            }
            let class = if tag == O { 0 } else { split(tag).map_or(0, |(k, _)| k + 1) };
            let m = self.memory.entry(t.h_lower).or_default();
            m[class] = m[class].saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_curly_quotes() {
        let mut s = String::new();
        normalize_into("\u{2019}s", &mut s);
        assert_eq!(s, "'s");
        s.clear();
        normalize_lower("\u{201C}Hello\u{201D}", &mut s);
        assert_eq!(s, "\"hello\"");
    }

    #[test]
    fn shapes_and_flags() {
        let (f, full_a, short_a) = shape("Obama");
        assert!(f & flag::INIT_CAP != 0 && f & flag::HAS_ALPHA != 0 && f & flag::ALL_CAPS == 0);
        let (_, full_b, short_b) = shape("Geneva");
        assert_eq!(short_a, short_b);
        assert_eq!(full_a, full_b); // runs are capped at 4: both are "Xxxx"
        assert_ne!(full_a, shape("OBAMA").1);
        let (f, ..) = shape("U.S.");
        assert!(f & flag::ALL_CAPS != 0 && f & flag::HAS_PERIOD != 0);
        let (f, ..) = shape("1996-08-22");
        assert!(f & flag::ALL_DIGIT != 0 && f & flag::HAS_HYPHEN != 0);
        let (f, ..) = shape("");
        assert!(f & flag::EMPTY != 0);
        let (f, ..) = shape("\u{1F600}");
        assert!(f & flag::NO_ALNUM != 0);
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        let res = Resources::get().expect("resources");
        let long = "x".repeat(10_000);
        let sents = vec![vec!["", "\u{1F600}", long.as_str(), "\u{2019}s", "ǅ", "İstanbul", "``"]];
        let mut st = DocState::new(res, &sents, 0);
        st.extract(0);
        assert_eq!(st.offs.len(), 8);
        assert!(st.feats.iter().all(|&k| k != 0));
    }

    #[test]
    fn gazetteer_and_document_features() {
        let res = Resources::get().expect("resources");
        let sents = vec![vec!["GENEVA", "TALKS"], vec!["Talks", "opened", "in", "Geneva", "."]];
        let mut st = DocState::new(res, &sents, 0);
        assert!(st.headline[0] && !st.headline[1]);
        // "Geneva" is a city: U position of class 1.
        assert!(st.toks[5].gaz & (1 << (4 + 3)) != 0, "{:b}", st.toks[5].gaz);
        // The headline token "GENEVA" gets the mixed-case form of "Geneva" seen later.
        st.extract(0);
        let k = key(T_DOC_FORM, st.stats[&st.toks[0].h_lower].form_short);
        assert!(st.feats[st.offs[0]..st.offs[1]].contains(&k));
    }

    #[test]
    fn history_features_follow_predictions() {
        let res = Resources::get().expect("resources");
        let sents = vec![vec!["Smith", "spoke"], vec!["Smith", "left"]];
        let mut st = DocState::new(res, &sents, 0);
        st.remember(0, &[crate::tags::tag(0, crate::tags::U), O]);
        st.extract(1);
        assert!(st.feats[st.offs[0]..st.offs[1]].contains(&key(T_HIST_MAJ, 1)));
    }
}
