//! Tokens for news English, with code-point offsets.
//!
//! White space separates tokens; punctuation is split off a word's ends, except
//! where it belongs to the word: abbreviations and initials ("U.S.", "Nov.",
//! "J."), numbers ("3.5", "1,000", "$4.2"), internal hyphens and apostrophes
//! ("U.S.-Iranian", "O'Neil"). A possessive "'s" / "’s" is its own token, as
//! in CoNLL and Penn Treebank.

/// One token: its range in the text, in code points (`start`, `end`) and in
/// bytes (`bstart`, `bend`), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First byte.
    pub bstart: usize,
    /// One past the last byte.
    pub bend: usize,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.bstart..self.bend]
    }
}

/// Words that keep their final period (lower-cased, without the period).
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "reps", "sens", "gen", "col", "lt", "maj", "sgt", "capt",
    "adm", "cmdr", "cpl", "pvt", "rev", "fr", "st", "jr", "sr", "mt", "ft", "pres", "atty", "supt", "insp", "det",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ",
    "assn", "ave", "blvd", "rd", "hwy", "no", "nos", "vs", "etc", "approx", "est", "vol", "pp", "ca", "cf", "al",
    "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass",
    "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_empty() {
        return false;
    }
    // Initialisms and initials: "U.S", "a.m", "J" (one letter).
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)) {
        return true;
    }
    let lower = w.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '}' | '»' | '›' | ',' | ';' | ':' | '!' | '?' | '.' | '…')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    // Walk white-space separated chunks with both byte and char positions.
    let mut chunk: Option<(usize, usize)> = None; // (byte start, char start)
    let mut ci = 0;
    for (bi, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some((bs, cs)) = chunk.take() {
                split_chunk(text, bs, bi, cs, &mut out);
            }
        } else if chunk.is_none() {
            chunk = Some((bi, ci));
        }
        ci += 1;
    }
    if let Some((bs, cs)) = chunk {
        split_chunk(text, bs, text.len(), cs, &mut out);
    }
    out
}

/// Split one white-space free chunk `text[bs..be]` (starting at code point
/// `cs`): first where a curly quotation mark stands between words with no
/// space (`paranoia,”Clinton said`, `said,“Look`), as if a space were there.
fn split_chunk(text: &str, bs: usize, be: usize, cs: usize, out: &mut Vec<Token>) {
    if !text[bs..be].contains(['“', '”']) {
        // No mark to cut at (most chunks).
        split_piece(text, bs, be, cs, out);
        return;
    }
    let chars: Vec<(usize, char)> = text[bs..be].char_indices().collect();
    let (mut from, mut from_char) = (0usize, 0usize);
    for k in 1..chars.len() {
        let (prev, c) = (chars[k - 1].1, chars[k].1);
        // (A chunk that starts with an opening mark, or a mark closing a chunk,
        // keeps to the old rules; a closing mark that starts a chunk and is
        // attached to a word is split off: `”Fear.`, written for `“Fear.`.)
        let next_is_word = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        let cut = prev == '”' && c.is_alphanumeric() || c == '“' && !is_opening(prev) && next_is_word;
        if cut {
            split_piece(text, bs + from, bs + chars[k].0, cs + from_char, out);
            from = chars[k].0;
            from_char = k;
        }
    }
    split_piece(text, bs + from, be, cs + from_char, out);
}

/// Split a white-space free piece `text[bs..be]` (starting at code point `cs`).
fn split_piece(text: &str, bs: usize, be: usize, cs: usize, out: &mut Vec<Token>) {
    let piece = &text[bs..be];
    if !piece.is_empty() && piece.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // A plain word or number (most pieces): no punctuation to split off,
        // no possessive or "n't", so the piece is one token.
        out.push(Token { start: cs, end: cs + piece.len(), bstart: bs, bend: be });
        return;
    }
    let chars: Vec<(usize, char)> = text[bs..be].char_indices().map(|(b, c)| (bs + b, c)).collect();
    let n = chars.len();
    let mut lo = 0;
    let mut hi = n;
    let tok = |a: usize, b: usize| Token {
        start: cs + a,
        end: cs + b,
        bstart: chars[a].0,
        bend: if b < n { chars[b].0 } else { be },
    };
    // Leading punctuation: one token each.
    let mut lead = Vec::new();
    while lo < hi && (is_opening(chars[lo].1) || is_dash(chars[lo].1) || chars[lo].1 == '-' && lo + 1 < hi && chars[lo + 1].1 == '-') {
        let step = if chars[lo].1 == '-' { 2 } else { 1 };
        lead.push(tok(lo, lo + step));
        lo += step;
    }
    // Trailing punctuation, innermost last.
    let mut trail = Vec::new();
    while hi > lo {
        let c = chars[hi - 1].1;
        if c == '.' {
            // Keep the period of an abbreviation or an ellipsis-free number.
            let word: String = chars[lo..hi].iter().map(|&(_, c)| c).collect();
            let core = word.trim_end_matches(|c: char| is_closing(c) && c != '.');
            if core == word && is_abbreviation(&word) && word.chars().filter(|&c| c == '.').count() <= word.chars().count() / 2 + 1 {
                break;
            }
            if hi - lo >= 3 && chars[hi - 2].1 == '.' && chars[hi - 3].1 == '.' {
                trail.push(tok(hi - 3, hi));
                hi -= 3;
                continue;
            }
            trail.push(tok(hi - 1, hi));
            hi -= 1;
        } else if is_closing(c) || is_dash(c) || c == '“' && hi - lo > 1 {
            // An apostrophe closing a plural possessive ("officials'") is its own token too;
            // so is an opening mark written for a closing one ("unusual,“").
            trail.push(tok(hi - 1, hi));
            hi -= 1;
        } else {
            break;
        }
    }
    out.extend(lead);
    // The middle: split at dashes ("said—and"), and a possessive suffix.
    let mut start = lo;
    let mut k = lo;
    while k < hi {
        let c = chars[k].1;
        if is_dash(c) || (c == '-' && k + 1 < hi && chars[k + 1].1 == '-') {
            if k > start {
                push_word(&chars, start, k, &tok, out);
            }
            let step = if c == '-' { 2 } else { 1 };
            out.push(tok(k, k + step));
            k += step;
            start = k;
        } else {
            k += 1;
        }
    }
    if hi > start {
        push_word(&chars, start, hi, &tok, out);
    }
    out.extend(trail.into_iter().rev());
}

fn push_word(chars: &[(usize, char)], a: usize, b: usize, tok: &impl Fn(usize, usize) -> Token, out: &mut Vec<Token>) {
    // Possessive 's / ’s, and n't ("didn't" → "did" "n't").
    if b - a >= 3 {
        let (c1, c2) = (chars[b - 2].1, chars[b - 1].1);
        if matches!(c1, '\'' | '’') && matches!(c2, 's' | 'S') {
            out.push(tok(a, b - 2));
            out.push(tok(b - 2, b));
            return;
        }
        if b - a >= 4 && matches!(chars[b - 3].1, 'n' | 'N') && matches!(c1, '\'' | '’') && matches!(c2, 't' | 'T') {
            out.push(tok(a, b - 3));
            out.push(tok(b - 3, b));
            return;
        }
    }
    out.push(tok(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn news_sentences() {
        assert_eq!(
            words("The report, in the Wall Street Journal, said that Obama wrote to Khamenei in mid-October."),
            ["The", "report", ",", "in", "the", "Wall", "Street", "Journal", ",", "said", "that", "Obama", "wrote", "to", "Khamenei", "in", "mid-October", "."]
        );
        assert_eq!(words("a U.S.-Iranian alliance"), ["a", "U.S.-Iranian", "alliance"]);
        assert_eq!(words("America’s Arab allies"), ["America", "’s", "Arab", "allies"]);
        assert_eq!(words("on “any correspondence.”"), ["on", "“", "any", "correspondence", ".", "”"]);
        assert_eq!(words("the Nov. 24 deadline"), ["the", "Nov.", "24", "deadline"]);
        assert_eq!(words("talks with the U.S."), ["talks", "with", "the", "U.S."]);
        assert_eq!(words("WASHINGTON — The"), ["WASHINGTON", "—", "The"]);
        assert_eq!(words("said—and left"), ["said", "—", "and", "left"]);
        assert_eq!(words("$4.2 million, 1,000 people (est.)"), ["$4.2", "million", ",", "1,000", "people", "(", "est.", ")"]);
        assert_eq!(words("He didn't. Wait..."), ["He", "did", "n't", ".", "Wait", "..."]);
        assert_eq!(words("Sen. John J. Doe Jr. spoke."), ["Sen.", "John", "J.", "Doe", "Jr.", "spoke", "."]);
        // Curly quotation marks between words with no space.
        assert_eq!(words("paranoia,”Clinton said,“Look"), ["paranoia", ",", "”", "Clinton", "said", ",", "“", "Look"]);
        assert_eq!(words("”Fear. I am afraid.”"), ["”", "Fear", ".", "I", "am", "afraid", ".", "”"]);
        assert_eq!(words("(“quoted”)"), ["(", "“", "quoted", "”", ")"]);
        assert_eq!(words("“It's unusual,“ said"), ["“", "It", "'s", "unusual", ",", "“", "said"]);
    }

    #[test]
    fn offsets_are_code_points() {
        let t = "“Iran’s” é";
        let toks = tokenize(t);
        let spans: Vec<(usize, usize)> = toks.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(spans, [(0, 1), (1, 5), (5, 7), (7, 8), (9, 10)]);
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_and_cover_only_non_space(s in "\\PC{0,120}") {
            let toks = tokenize(&s);
            let chars: Vec<char> = s.chars().collect();
            let mut last = 0;
            for t in &toks {
                prop_assert!(t.start < t.end && t.start >= last && t.end <= chars.len());
                prop_assert_eq!(t.text(&s), chars[t.start..t.end].iter().collect::<String>());
                prop_assert!(!t.text(&s).chars().any(char::is_whitespace));
                last = t.end;
            }
            let covered: usize = toks.iter().map(|t| t.end - t.start).sum();
            prop_assert_eq!(covered, chars.iter().filter(|c| !c.is_whitespace()).count());
        }
    }
}
