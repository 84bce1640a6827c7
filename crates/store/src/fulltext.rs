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
use std::collections::{BTreeMap, HashMap};

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

/// Turns text into lexemes: the stemmer, and each word already seen with
/// its lexeme (`None` for a stop word), since a batch's quotes and names
/// repeat its articles' words.
pub(crate) struct Lexer {
    stemmer: Stemmer,
    seen: HashMap<String, Option<String>>,
}

impl Lexer {
    /// A lexer with nothing seen yet.
    pub(crate) fn new() -> Self {
        Lexer { stemmer: Stemmer::create(Algorithm::English), seen: HashMap::new() }
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

/// A user's query as a `tsquery` literal: every lexeme of it (stop words
/// dropped), all required (as `plainto_tsquery` has it), quoted so that the
/// server takes them as they are. Empty when no word is left.
pub(crate) fn tsquery(q: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    Lexer::new().terms(q, 0, |lexeme, _| {
        if !words.contains(&lexeme) {
            words.push(lexeme);
        }
    });
    words.iter().map(|w| format!("'{}'", w.replace('\\', "\\\\").replace('\'', "''"))).collect::<Vec<_>>().join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
