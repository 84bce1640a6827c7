//! Sentence boundaries over tokens, for news English.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets after it) when the next token opens a sentence (a capital, a digit,
//! an opening quote); at a line break unless the next line runs on in lower
//! case; and always at a paragraph break (a blank line). Abbreviations keep
//! their period inside the token ("Nov.", "Gov.", "U.S."), so they end a
//! sentence only where the next word is a common sentence opener ("… the
//! U.S. The talks …").

use std::ops::Range;

use crate::tokens::Token;

/// A sentence: its code-point range in the text and its tokens' index range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// First code point of the first token.
    pub start: usize,
    /// One past the last code point of the last token.
    pub end: usize,
    /// Indices of its tokens.
    pub tokens: Range<usize>,
}

/// Words that open sentences and rarely follow an abbreviation inside one.
const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That", "There",
    "His", "Her", "Their", "Its", "Our", "As", "If", "When", "While", "After", "Before", "Some", "Many", "Most",
    "Officials", "Mr.", "Mrs.", "Ms.", "Dr.",
];

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "..." | "?!" | "!?")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

fn opens_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '—' | '-' | '¿' | '¡'))
}

/// The most tokens one sentence may have: a longer run without a sentence end
/// (a text with no punctuation, a table flattened into one line) is cut into
/// pieces of this length, so that rules looking across a sentence stay cheap.
/// Real sentences in news stay far below it.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// Split tokenised `text` into sentences (none longer than
/// [`MAX_SENTENCE_TOKENS`]).
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let n = tokens.len();
    for i in 0..n {
        let tok = tokens[i].text(text);
        let next = tokens.get(i + 1);
        let end_here = match next {
            None => true,
            Some(nt) => {
                let gap = &text[tokens[i].bend..nt.bstart];
                let newlines = gap.matches('\n').count();
                let next_text = nt.text(text);
                if newlines >= 2 {
                    true
                } else if is_terminal(tok) || is_closer(tok) && after_terminal(text, tokens, first, i) {
                    // Closing quotes and brackets stay with the sentence they close; a
                    // straight quote after a space opens the next one.
                    let closes = is_closer(next_text) && (gap.is_empty() || next_text != "\"" && next_text != "'");
                    !closes && (opens_sentence(next_text) || newlines == 1)
                } else if newlines == 1 {
                    !next_text.chars().next().is_some_and(char::is_lowercase)
                } else if tok.ends_with('.') && tok.len() > 1 && !gap.is_empty() {
                    // An abbreviation or initialism that may also end the sentence.
                    // ("… shortly after 10 p.m. “The voters have spoken,” he
                    // said": an opening quotation mark and a capital too.)
                    let quotation = matches!(next_text, "“" | "\"") && tokens.get(i + 2).is_some_and(|t| t.bstart == nt.bend && t.text(text).starts_with(char::is_uppercase));
                    (OPENERS.contains(&next_text) || quotation) && !is_title(tok)
                } else {
                    false
                }
            }
        };
        if end_here || i + 1 - first >= MAX_SENTENCE_TOKENS {
            out.push(Sentence { start: tokens[first].start, end: tokens[i].end, tokens: first..i + 1 });
            first = i + 1;
        }
    }
    out
}

/// Is closer `i` one of a run of closers right after a sentence's terminal
/// mark (`.”`, `.)`, and `.''`: two apostrophes as a closing quote)?
fn after_terminal(text: &str, tokens: &[Token], first: usize, i: usize) -> bool {
    let mut k = i;
    while k > first && k + 3 > i && is_closer(tokens[k - 1].text(text)) && tokens[k - 1].bend == tokens[k].bstart {
        k -= 1;
    }
    k > first && is_terminal(tokens[k - 1].text(text))
}

/// Titles before a name never end a sentence ("Dr. The" does not occur).
fn is_title(tok: &str) -> bool {
    matches!(tok, "Mr." | "Mrs." | "Ms." | "Dr." | "Gov." | "Sen." | "Rep." | "Gen." | "Col." | "Lt." | "Sgt." | "Capt." | "Prof." | "Rev." | "St.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sents(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        split(text, &toks).iter().map(|s| text.chars().skip(s.start).take(s.end - s.start).collect()).collect()
    }

    #[test]
    fn a_run_without_sentence_ends_is_cut_at_the_limit() {
        let text = "word ".repeat(2 * MAX_SENTENCE_TOKENS + 10);
        let toks = tokenize(&text);
        let s = split(&text, &toks);
        assert_eq!(s.iter().map(|s| s.tokens.len()).collect::<Vec<_>>(), [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 10]);
        assert_eq!(s[1].tokens.start, MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("He noted that U.S. officials are in talks with Iran. Gov. Jerry Brown of Calif. said no. The Nov. 24 deadline is near."),
            [
                "He noted that U.S. officials are in talks with Iran.",
                "Gov. Jerry Brown of Calif. said no.",
                "The Nov. 24 deadline is near."
            ]
        );
    }

    #[test]
    fn an_abbreviation_before_an_opening_quotation_ends_the_sentence() {
        // One sentence had run from "Dawson" to "hotel".
        assert_eq!(
            sents("Dawson conceded shortly after 10 p.m. “The voters have spoken,” he told supporters. He left the U.S. \"for good.\""),
            ["Dawson conceded shortly after 10 p.m.", "“The voters have spoken,” he told supporters.", "He left the U.S. \"for good.\""]
        );
    }

    #[test]
    fn abbreviation_at_the_end_of_a_sentence() {
        assert_eq!(sents("The deal was signed in the U.S. The talks resume Monday."), ["The deal was signed in the U.S.", "The talks resume Monday."]);
        assert_eq!(sents("Acme Inc. said profits rose."), ["Acme Inc. said profits rose."]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("He said he could not comment on “any correspondence.” Iranian officials declined to comment."),
            ["He said he could not comment on “any correspondence.”", "Iranian officials declined to comment."]
        );
        assert_eq!(sents("“Is it over?” she asked."), ["“Is it over?” she asked."]);
        assert_eq!(sents("\"He will live,\" she said. \"I swear.\" Then she left."), ["\"He will live,\" she said.", "\"I swear.\"", "Then she left."]);
        // Two apostrophes as a closing quotation mark, as some outlets write.
        assert_eq!(sents("He said he ''was not brought up that way.'' He struggles."), ["He said he ''was not brought up that way.''", "He struggles."]);
        assert_eq!(sents("It was ''odd.'') Then he left."), ["It was ''odd.'')", "Then he left."]);
    }

    #[test]
    fn initials_and_datelines() {
        assert_eq!(sents("WASHINGTON — John F. Kennedy Jr. arrived. He left."), ["WASHINGTON — John F. Kennedy Jr. arrived.", "He left."]);
    }

    #[test]
    fn lines_and_paragraphs() {
        assert_eq!(sents("CRICKET - LEICESTERSHIRE TAKE OVER\nLONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four"), [
            "CRICKET - LEICESTERSHIRE TAKE OVER",
            "LONDON 1996-08-30",
            "West Indian all-rounder Phil Simmons took four"
        ]);
        assert_eq!(sents("A line that runs\non in lower case.\n\nNew paragraph"), ["A line that runs\non in lower case.", "New paragraph"]);
    }
}
