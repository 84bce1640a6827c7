//! PostgreSQL full-text terms computed by the store, not by the server.
//!
//! `to_tsvector('english', …)` was most of the server's CPU on ingest
//! (about 1.1 s of 1.6 s for the search rows of the 924 PolNeAR articles,
//! the GIN index the rest), on the same cores as the analysis. Since schema
//! 7 the store computes the lexemes itself and sends each row's `tsvector`
//! in PostgreSQL's binary format; a query is turned into a `tsquery` of
//! lexemes by the same function, so the index and the query agree by
//! construction whatever PostgreSQL's own parser would have made of a word.
//!
//! A term is a maximal run of letters and digits (an apostrophe, a hyphen,
//! a period split words: "Trump's" gives "trump" and "s", "state-owned"
//! "state" and "owned"), lowercased, dropped if it is one of the stop words
//! of PostgreSQL's `english` configuration, and stemmed with the Snowball
//! English stemmer that configuration uses. For ordinary words the lexemes
//! are those of `to_tsvector('english', …)`, so `ts_headline` (which parses
//! with the server's configuration) marks the words a query matched.
//! Positions count every word, stop words too, from 1, as PostgreSQL does.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
#[cfg(test)]
use std::collections::BTreeMap;

/// The stop words of PostgreSQL's `english` text search configuration.
const STOP_WORDS: &[&str] = &[
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she",
    "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
    "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
    "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through",
    "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then",
    "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor",
    "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now",
];

/// Whether a lowercased word is one of those stop words.
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// PostgreSQL's limits: the largest position (`MAXENTRYPOS - 1`), the most
/// positions kept per lexeme (`MAXNUMPOS`), the longest lexeme in bytes
/// (`MAXSTRLEN - 1`).
const MAX_POS: u32 = (1 << 14) - 1;
const MAX_POSITIONS: usize = 256;
const MAX_LEXEME: usize = 2047;

/// Turns text into lexemes: the stemmer, and each word already seen (as
/// written) with the number of its lexeme (none for a stop word), since a
/// batch's quotes and names repeat its articles' words. Lexemes are kept
/// once each and a row's words handled as numbers: no string per word.
pub(crate) struct Lexer {
    stemmer: Stemmer,
    seen: HashMap<Box<str>, Option<u32>, Seeded>,
    /// Each lexeme once; its number is its index.
    lexemes: Vec<String>,
    /// Each lexeme's first eight bytes as a number (see [`prefix`]).
    prefixes: Vec<u64>,
    numbers: HashMap<String, u32, Seeded>,
    /// A row's (lexeme number, position) pairs as numbers, kept for its
    /// allocation.
    hits: Vec<u64>,
}

/// A fast hash for words (FxHash's multiply-and-rotate over eight bytes at
/// a time), its start drawn once per lexer so that texts cannot be written
/// to collide.
#[derive(Clone)]
struct Seeded(u64);

impl Default for Seeded {
    fn default() -> Self {
        use std::hash::BuildHasher;
        Seeded(std::collections::hash_map::RandomState::new().hash_one(0x646f_7373u32))
    }
}

impl std::hash::BuildHasher for Seeded {
    type Hasher = WordHasher;
    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// The hasher of [`Seeded`].
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ (rest.len() as u64) << 59);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Words a [`Lexer`] keeps with their lexemes, at most (then it starts
/// afresh).
const SEEN_MAX: usize = 200_000;

/// A lexeme's first eight bytes as a number, zeros after a shorter one:
/// lexemes (which have no zero byte) compare as their prefixes do, unless
/// these are equal.
fn prefix(lexeme: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = lexeme.len().min(8);
    b[..n].copy_from_slice(&lexeme.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

impl Lexer {
    /// A lexer with nothing seen yet.
    pub(crate) fn new() -> Self {
        Lexer { stemmer: Stemmer::create(Algorithm::English), seen: HashMap::default(), lexemes: Vec::new(), prefixes: Vec::new(), numbers: HashMap::default(), hits: Vec::new() }
    }

    /// The number of a word's lexeme; `None` for a stop word (or a lexeme
    /// PostgreSQL would not keep).
    fn lexeme(&mut self, word: &str) -> Option<u32> {
        if let Some(&l) = self.seen.get(word) {
            return l;
        }
        let lower = word.to_lowercase();
        let l = if is_stop_word(&lower) {
            None
        } else if lower.chars().all(|c| c.is_ascii_digit()) {
            Some(lower)
        } else {
            Some(self.stemmer.stem(&lower).into_owned())
        };
        let l = l.filter(|l| !l.is_empty() && l.len() <= MAX_LEXEME).map(|l| match self.numbers.get(&l) {
            Some(&n) => n,
            None => {
                let n = self.lexemes.len() as u32;
                self.prefixes.push(prefix(&l));
                self.lexemes.push(l.clone());
                self.numbers.insert(l, n);
                n
            }
        });
        self.seen.insert(word.into(), l);
        l
    }

    /// Each term of `text` (the number of its lexeme) with its position
    /// (counted on from `first`), in order; the last position used. Words
    /// are [`dossier_corpus::fingerprint::word_runs`].
    fn terms(&mut self, text: &str, first: u32, mut each: impl FnMut(u32, u32)) -> u32 {
        let mut pos = first;
        for (s, e, _) in dossier_corpus::fingerprint::word_runs(text) {
            pos += 1;
            if let Some(l) = self.lexeme(&text[s..e]) {
                each(l, pos.min(MAX_POS));
            }
        }
        pos
    }

    /// The lexemes of a search row (its title, then its body, as the
    /// generated column of schema 1 had them), in byte order, each with its
    /// positions: increasing, at most [`MAX_POSITIONS`] (the first ones).
    fn each_lexeme(&mut self, title: &str, body: &str, mut each: impl FnMut(&str, &mut dyn Iterator<Item = u16>)) {
        // What is kept from row to row stays bounded: past this many
        // words, start afresh (between rows, so a row's numbers hold).
        if self.seen.len() >= SEEN_MAX {
            self.seen.clear();
            self.lexemes.clear();
            self.prefixes.clear();
            self.numbers.clear();
        }
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        let next = self.terms(title, 0, |l, pos| hits.push(u64::from(l) << 32 | u64::from(pos)));
        self.terms(body, next, |l, pos| hits.push(u64::from(l) << 32 | u64::from(pos)));
        // By lexeme number, then position; then the lexemes in byte order.
        hits.sort_unstable();
        let mut groups: Vec<(u32, usize, usize)> = Vec::new();
        for (i, &h) in hits.iter().enumerate() {
            let l = (h >> 32) as u32;
            match groups.last_mut() {
                Some(g) if g.0 == l => g.2 = i + 1,
                _ => groups.push((l, i, i + 1)),
            }
        }
        let (lexemes, prefixes) = (&self.lexemes, &self.prefixes);
        groups.sort_unstable_by(|a, b| {
            let (a, b) = (a.0 as usize, b.0 as usize);
            prefixes[a].cmp(&prefixes[b]).then_with(|| lexemes[a].as_bytes().cmp(lexemes[b].as_bytes()))
        });
        for &(l, from, to) in &groups {
            let mut last = None;
            let mut positions = hits[from..to]
                .iter()
                .map(|&h| h as u32 as u16)
                .filter(|&p| last.replace(p) != Some(p))
                .take(MAX_POSITIONS);
            each(&lexemes[l as usize], &mut positions);
        }
        self.hits = hits;
    }

    /// The lexemes of a search row (see [`Lexer::each_lexeme`]), each with
    /// its positions.
    #[cfg(test)]
    pub(crate) fn lexemes(&mut self, title: &str, body: &str) -> BTreeMap<String, Vec<u16>> {
        let mut out = BTreeMap::new();
        self.each_lexeme(title, body, |l, positions| {
            out.insert(l.to_string(), positions.collect());
        });
        out
    }

    /// A row's `tsvector` in PostgreSQL's binary format (`tsvectorsend`):
    /// the number of lexemes, then each lexeme as a NUL-terminated string
    /// with its number of positions and the positions (weight D, the
    /// default), lexemes in byte order as the server keeps them.
    pub(crate) fn tsvector(&mut self, title: &str, body: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + body.len() + title.len());
        out.extend_from_slice(&[0; 4]);
        let mut n = 0i32;
        let mut positions: Vec<u16> = Vec::new();
        self.each_lexeme(title, body, |word, each| {
            n += 1;
            positions.clear();
            positions.extend(each);
            out.extend_from_slice(word.as_bytes());
            out.push(0);
            out.extend_from_slice(&(positions.len() as u16).to_be_bytes());
            for p in &positions {
                out.extend_from_slice(&p.to_be_bytes());
            }
        });
        out[..4].copy_from_slice(&n.to_be_bytes());
        out
    }
}

/// A user's query as a `tsquery` literal: every lexeme of it (stop words
/// dropped), all required (as `plainto_tsquery` has it), quoted so that the
/// server takes them as they are. Empty when no word is left.
pub(crate) fn tsquery(q: &str) -> String {
    let mut lexer = Lexer::new();
    let mut numbers: Vec<u32> = Vec::new();
    lexer.terms(q, 0, |lexeme, _| {
        if !numbers.contains(&lexeme) {
            numbers.push(lexeme);
        }
    });
    numbers.iter().map(|&l| &lexer.lexemes[l as usize]).map(|w| format!("'{}'", w.replace('\\', "\\\\").replace('\'', "''"))).collect::<Vec<_>>().join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lexer as first written (a string per word, a `BTreeMap` per row):
    /// the reference the faster one must equal, byte for byte.
    /// Turns text into lexemes: the stemmer, and each word already seen with
    /// its lexeme (`None` for a stop word), since a batch's quotes and names
    /// repeat its articles' words.
    pub(crate) struct Reference {
        stemmer: Stemmer,
        seen: HashMap<String, Option<String>>,
    }

    impl Reference {
        /// A lexer with nothing seen yet.
        pub(crate) fn new() -> Self {
            Reference { stemmer: Stemmer::create(Algorithm::English), seen: HashMap::new() }
        }

        fn lexeme(&mut self, word: &str) -> Option<String> {
            if let Some(l) = self.seen.get(word) {
                return l.clone();
            }
            let lower = word.to_lowercase();
            let l = if is_stop_word(&lower) {
                None
            } else if lower.chars().all(|c| c.is_ascii_digit()) {
                Some(lower)
            } else {
                Some(self.stemmer.stem(&lower).into_owned())
            };
            let l = l.filter(|l| !l.is_empty() && l.len() <= MAX_LEXEME);
            if self.seen.len() < 200_000 {
                self.seen.insert(word.to_string(), l.clone());
            }
            l
        }

        /// Each term of `text` with its position (counted on from `first`), in
        /// order; the last position used.
        fn terms(&mut self, text: &str, first: u32, mut each: impl FnMut(String, u32)) -> u32 {
            let mut pos = first;
            let mut start = None;
            for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                if c.is_alphanumeric() {
                    start.get_or_insert(i);
                    continue;
                }
                let Some(s) = start.take() else { continue };
                pos += 1;
                if let Some(l) = self.lexeme(&text[s..i]) {
                    each(l, pos.min(MAX_POS));
                }
            }
            pos
        }

        /// The lexemes of a search row (its title, then its body, as the
        /// generated column of schema 1 had them), each with its sorted
        /// positions.
        pub(crate) fn lexemes(&mut self, title: &str, body: &str) -> BTreeMap<String, Vec<u16>> {
            let mut out: BTreeMap<String, Vec<u16>> = BTreeMap::new();
            let mut add = |lexeme: String, pos: u32| {
                let positions = out.entry(lexeme).or_default();
                if positions.len() < MAX_POSITIONS && positions.last().is_none_or(|&p| u32::from(p) < pos) {
                    positions.push(pos as u16);
                }
            };
            let next = self.terms(title, 0, &mut add);
            self.terms(body, next, &mut add);
            out
        }

        /// A row's `tsvector` in PostgreSQL's binary format (`tsvectorsend`):
        /// the number of lexemes, then each lexeme as a NUL-terminated string
        /// with its number of positions and the positions (weight D, the
        /// default), lexemes in byte order as the server keeps them.
        pub(crate) fn tsvector(&mut self, title: &str, body: &str) -> Vec<u8> {
            let lex = self.lexemes(title, body);
            let mut out = Vec::with_capacity(16 * lex.len() + 4);
            out.extend_from_slice(&(lex.len() as i32).to_be_bytes());
            for (word, positions) in &lex {
                out.extend_from_slice(word.as_bytes());
                out.push(0);
                out.extend_from_slice(&(positions.len() as u16).to_be_bytes());
                for p in positions {
                    out.extend_from_slice(&p.to_be_bytes());
                }
            }
            out
        }
    }


    /// Texts from a small generator (xorshift): words that try the lexer
    /// (stop words, capitals, numbers, stems shared by several words, other
    /// scripts, letters that change when lower-cased) and separators.
    fn generated(seed: u64, words: usize) -> String {
        const WORDS: &[&str] = &[
            "the", "The", "said", "Said", "saying", "says", "letter", "letters", "Letters", "quoted", "quoting", "2014", "7", "x2", "İstanbul", "ΟΔΥΣΣΕΥΣ",
            "Σ", "naïve", "CAFÉ", "café", "Straße", "ﬁnance", "日本語", "O", "Rourke", "s", "t", "don", "running", "runs", "ran", "generously", "a", "I",
            "presidents", "president", "Obama", "Obama's", "state-owned", "x²", "3½", "ⅷ", "",
        ];
        const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", "-", "'", "’", "\n\n", "—", "“", "” ", "_", "\u{a0}", ""];
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        (0..words).map(|_| format!("{}{}", WORDS[next(WORDS.len())], SEPARATORS[next(SEPARATORS.len())])).collect()
    }

    #[test]
    fn tsvectors_are_those_of_the_reference_lexer() {
        // One lexer for many rows, as for a batch: words seen before are
        // looked up, not stemmed again.
        let (mut lexer, mut reference) = (Lexer::new(), Reference::new());
        let mut rows: Vec<(String, String)> = vec![
            (String::new(), String::new()),
            ("Iran talks".into(), "The president's letter was quoted, naïve state-owned 2014".into()),
            ("".into(), "said ".repeat(20_000)),
            ("".into(), format!("{} Tehran", "x ".repeat(20_000))),
        ];
        rows.extend((0..300).map(|i| (generated(i, i as usize % 7), generated(i + 1000, (i as usize * 37) % 700))));
        for (title, body) in &rows {
            assert_eq!(lexer.tsvector(title, body), reference.tsvector(title, body), "{title:?} {body:?}");
            assert_eq!(lexer.lexemes(title, body), reference.lexemes(title, body));
        }
        for (title, body) in &rows[..50] {
            assert_eq!(Lexer::new().tsvector(title, body), Reference::new().tsvector(title, body));
        }
    }

    #[test]
    fn a_lexer_that_starts_afresh_answers_the_same() {
        let mut lexer = Lexer::new();
        let many: String = (0..SEEN_MAX + 10).map(|i| format!("w{i}ing ")).collect();
        let row = generated(7, 500);
        let first = lexer.tsvector("", &row);
        assert_eq!(lexer.tsvector("title", &many), Reference::new().tsvector("title", &many));
        assert!(lexer.seen.len() > SEEN_MAX);
        assert_eq!(lexer.tsvector("", &row), first, "after starting afresh");
        assert!(lexer.seen.len() < SEEN_MAX);
    }

    #[test]
    fn words_are_lowercased_stemmed_and_stop_words_dropped_but_counted() {
        let l = Lexer::new().lexemes("Iran talks", "The president's letter was quoted, naïve state-owned 2014");
        let got: Vec<(&str, &[u16])> = l.iter().map(|(k, v)| (k.as_str(), v.as_slice())).collect();
        assert_eq!(
            got,
            vec![("2014", &[12][..]), ("iran", &[1][..]), ("letter", &[6][..]), ("naïv", &[9][..]), ("own", &[11][..]), ("presid", &[4][..]), ("quot", &[8][..]), ("state", &[10][..]), ("talk", &[2][..])]
        );
    }

    #[test]
    fn positions_repeat_per_lexeme_and_are_capped() {
        let text = "said ".repeat(20_000);
        let l = Lexer::new().lexemes("", &text);
        let p = &l["said"];
        assert_eq!(p.len(), MAX_POSITIONS);
        assert!(p.windows(2).all(|w| w[0] < w[1]));
        let far = Lexer::new().lexemes("", &format!("{} Tehran", "x ".repeat(20_000)));
        assert_eq!(far["tehran"], vec![MAX_POS as u16]);
    }

    #[test]
    fn the_binary_format_counts_lexemes_and_positions() {
        let b = Lexer::new().tsvector("", "Obama wrote Obama");
        assert_eq!(&b[..4], &2i32.to_be_bytes());
        assert_eq!(&b[4..10], b"obama\0");
        assert_eq!(&b[10..16], &[0, 2, 0, 1, 0, 3]);
        assert_eq!(&b[16..22], b"wrote\0");
        assert_eq!(&b[22..], &[0, 1, 0, 2]);
    }

    #[test]
    fn queries_are_the_same_lexemes_all_required() {
        assert_eq!(tsquery("Who declined to comment on the letters?"), "'declin' & 'comment' & 'letter'");
        assert_eq!(tsquery("the of and"), "");
        assert_eq!(tsquery("O'Rourke"), "'o' & 'rourk'");
    }
}
