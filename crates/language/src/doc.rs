//! A tokenised text with its sentences, and the small helpers every rule over
//! tokens needs (word at an index, lower-cased word, span text, quotes).

use std::borrow::Cow;

use crate::entities::{Mention, MentionKind};
use crate::sentences::{self, Sentence};
use crate::tokens::{self, Token};

/// A tokenised, sentence-split text.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Sentence index of each token.
    pub sentence_of: Vec<usize>,
    /// Its sentences.
    pub sentences: &'a [Sentence],
    /// For each token, whether it is inside quotation marks opened earlier in
    /// its sentence (see [`Doc::in_quote`]), computed once in a single pass.
    quoted: Vec<bool>,
    /// The number of quotation-mark tokens before each token (and before the
    /// end), for [`Doc::quote_marks`].
    marks_before: Vec<u32>,
    /// Each token lower-cased, once (rules ask for it many times per token);
    /// a token already in lower case is borrowed from the text.
    lowered: Vec<Cow<'a, str>>,
}

impl<'a> Doc<'a> {
    /// Index the sentences of already tokenised text.
    pub fn new(text: &'a str, tokens: &'a [Token], sentences: &'a [Sentence]) -> Self {
        let mut sentence_of = vec![0; tokens.len()];
        for (si, s) in sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                if let Some(slot) = sentence_of.get_mut(t) {
                    *slot = si;
                }
            }
        }
        let mut quoted = vec![false; tokens.len()];
        for s in sentences {
            let mut open = false;
            for k in s.tokens.clone() {
                let Some(t) = tokens.get(k) else { break };
                if let Some(slot) = quoted.get_mut(k) {
                    *slot = open;
                }
                match t.text(text) {
                    "“" => open = true,
                    "”" => open = false,
                    "\"" => open = !open,
                    _ => {}
                }
            }
        }
        let mut marks_before = Vec::with_capacity(tokens.len() + 1);
        let mut marks = 0u32;
        for t in tokens {
            marks_before.push(marks);
            if matches!(t.text(text), "“" | "”" | "\"" | "‘" | "’" | "'") {
                marks += 1;
            }
        }
        marks_before.push(marks);
        let lowered = tokens
            .iter()
            .map(|t| {
                let w = t.text(text);
                if !w.is_ascii() {
                    Cow::Owned(w.to_lowercase())
                } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        Doc { text, tokens, sentence_of, sentences, quoted, marks_before, lowered }
    }

    /// The word at token `i` ("" past the end).
    #[inline]
    pub fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The word at token `i`, lower-cased.
    pub fn lower(&self, i: usize) -> String {
        self.low(i).to_string()
    }

    /// The word at token `i`, lower-cased, borrowed ("" past the end).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.lowered.get(i).map_or("", |w| w)
    }

    /// The text from token `a` to token `b` (exclusive), with the white space between.
    pub fn span_text(&self, a: usize, b: usize) -> String {
        if a >= b || b > self.tokens.len() {
            return String::new();
        }
        self.text[self.tokens[a].bstart..self.tokens[b - 1].bend].to_string()
    }

    /// A mention covering tokens `a..b`.
    pub fn mention(&self, a: usize, b: usize, kind: MentionKind) -> Mention {
        Mention { tok_start: a, tok_end: b, start: self.tokens[a].start, end: self.tokens[b - 1].end, kind }
    }

    /// The first token of the sentence holding token `i`.
    #[inline]
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_of.get(i).and_then(|&s| self.sentences.get(s)).map_or(0, |s| s.tokens.start)
    }

    /// One past the last token of the sentence holding token `i`.
    #[inline]
    pub fn sentence_end(&self, i: usize) -> usize {
        self.sentence_of.get(i).and_then(|&s| self.sentences.get(s)).map_or(self.tokens.len(), |s| s.tokens.end)
    }

    /// The number of quotation-mark tokens (`“ ” " ‘ ’ '`) among tokens
    /// `a..b`, in constant time.
    #[inline]
    pub fn quote_marks(&self, a: usize, b: usize) -> usize {
        let at = |k: usize| self.marks_before.get(k.min(self.tokens.len())).copied().unwrap_or(0) as usize;
        at(b).saturating_sub(at(a))
    }

    /// Is token `i` inside quotation marks opened in its sentence?
    ///
    /// Constant time: the answer for every token is computed by [`Doc::new`]
    /// (a rule asking it of every token of a very long sentence stays linear).
    #[inline]
    pub fn in_quote(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }
}

/// Tokens and sentences of a text, owned.
pub struct Tokenised {
    /// Tokens.
    pub tokens: Vec<Token>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
}

/// The most tokens of one document the language and attribution stages
/// analyse (about 600 KB of English, ten times a long report): the rest of a
/// longer text is kept in the output but not analysed (see
/// [`Tokenised::limit`]).
pub const MAX_TOKENS: usize = 100_000;

impl Tokenised {
    /// Keep only the whole sentences within the first `max` tokens. Returns
    /// `None` when nothing was cut, else the number of tokens there were and
    /// the byte offset where the kept text ends.
    pub fn limit(&mut self, max: usize) -> Option<(usize, usize)> {
        if self.tokens.len() <= max {
            return None;
        }
        let total = self.tokens.len();
        let keep_sentences = self.sentences.iter().take_while(|s| s.tokens.end <= max).count();
        self.sentences.truncate(keep_sentences);
        let keep = self.sentences.last().map_or(0, |s| s.tokens.end);
        self.tokens.truncate(keep);
        Some((total, self.tokens.last().map_or(0, |t| t.bend)))
    }
}

/// Tokenise and split a text.
pub fn tokenise(text: &str) -> Tokenised {
    let tokens = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens);
    Tokenised { tokens, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotation state of every token, the slow way: scan from the start of
    /// its sentence.
    fn in_quote_by_scan(doc: &Doc, i: usize) -> bool {
        let mut open = false;
        for k in doc.sentence_start(i)..i {
            match doc.w(k) {
                "“" => open = true,
                "”" => open = false,
                "\"" => open = !open,
                _ => {}
            }
        }
        open
    }

    #[test]
    fn in_quote_is_the_state_left_by_the_marks_before_the_token() {
        let text = "“Yes,” he said. She said \"no \"and” “never. Then “more";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        for i in 0..t.tokens.len() {
            assert_eq!(doc.in_quote(i), in_quote_by_scan(&doc, i), "token {i} {:?}", doc.w(i));
        }
        assert!(doc.in_quote(1) && doc.in_quote(3) && !doc.in_quote(4), "the closing mark is still inside");
        assert!(!doc.in_quote(t.tokens.len()), "past the end");
        for a in 0..t.tokens.len() + 2 {
            for b in a..t.tokens.len() + 2 {
                let slow = (a..b).filter(|&k| matches!(doc.w(k), "“" | "”" | "\"" | "‘" | "’" | "'")).count();
                assert_eq!(doc.quote_marks(a, b), slow, "{a}..{b}");
            }
        }
    }

    #[test]
    fn limit_keeps_whole_sentences() {
        let text = "One two three. Four five six. Seven eight.";
        let mut t = tokenise(text);
        assert_eq!(t.limit(100), None);
        assert_eq!(t.limit(9), Some((11, "One two three. Four five six.".len())));
        assert_eq!(t.tokens.len(), 8);
        assert_eq!(t.sentences.len(), 2);
    }

    #[test]
    fn in_quote_is_linear_on_a_long_sentence() {
        // 300,000 tokens in one sentence: a scan per token would take minutes.
        let text = "“Yes,” he said, ".repeat(50_000);
        let t = tokenise(&text);
        let doc = Doc::new(&text, &t.tokens, &t.sentences);
        let start = std::time::Instant::now();
        let n = (0..t.tokens.len()).filter(|&i| doc.in_quote(i)).count();
        assert!(n > 0);
        assert!(start.elapsed() < std::time::Duration::from_secs(300));
    }
}
