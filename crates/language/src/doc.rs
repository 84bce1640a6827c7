//! A tokenised text with its sentences, and the small helpers every rule over
//! tokens needs (word at an index, lower-cased word, span text, quotes).

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
        Doc { text, tokens, sentence_of, sentences }
    }

    /// The word at token `i` ("" past the end).
    pub fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The word at token `i`, lower-cased.
    pub fn lower(&self, i: usize) -> String {
        self.w(i).to_lowercase()
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
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_of.get(i).and_then(|&s| self.sentences.get(s)).map_or(0, |s| s.tokens.start)
    }

    /// One past the last token of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        self.sentence_of.get(i).and_then(|&s| self.sentences.get(s)).map_or(self.tokens.len(), |s| s.tokens.end)
    }

    /// Is token `i` inside quotation marks opened in its sentence?
    pub fn in_quote(&self, i: usize) -> bool {
        let mut open = false;
        for k in self.sentence_start(i)..i {
            match self.w(k) {
                "“" => open = true,
                "”" => open = false,
                "\"" => open = !open,
                _ => {}
            }
        }
        open
    }
}

/// Tokens and sentences of a text, owned.
pub struct Tokenised {
    /// Tokens.
    pub tokens: Vec<Token>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
}

/// Tokenise and split a text.
pub fn tokenise(text: &str) -> Tokenised {
    let tokens = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens);
    Tokenised { tokens, sentences }
}
