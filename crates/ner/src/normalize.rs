//! Token normalisation shared by the tagger's features, the word-cluster
//! lookups and the gazetteer table (`build.rs` includes this file, so the
//! table's phrases are normalised exactly as the tagger's tokens are).

/// Appends the normalised form of a token to `out`.
pub(crate) fn normalize_into(tok: &str, out: &mut String) {
    if is_plain(tok) {
        // Nothing to replace: most tokens.
        out.push_str(tok);
    } else {
        normalize_chars(tok, out);
    }
    // CoNLL writes double quotes as a single `"` token; PTB-style quotes become the same.
    if tok == "``" || tok == "''" {
        out.truncate(out.len() - 2);
        out.push('"');
    }
}

/// Is a token its own normalised form (ASCII without a backquote)?
#[inline]
pub(crate) fn is_plain(tok: &str) -> bool {
    tok.bytes().all(|b| b.is_ascii() && b != b'`')
}

/// Appends `tok` with the characters that normalisation replaces replaced.
fn normalize_chars(tok: &str, out: &mut String) {
    for c in tok.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            '\u{2013}' | '\u{2012}' | '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{2014}' | '\u{2015}' => out.push_str("--"),
            '\u{00A0}' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// Appends the normalised, lower-cased form of a token to `out`.
pub(crate) fn normalize_lower(tok: &str, out: &mut String) {
    let start = out.len();
    normalize_into(tok, out);
    lower_from(out, start);
}

/// Appends an already normalised token lower-cased: what [`normalize_lower`]
/// gives for the token `norm` was made from.
pub(crate) fn lower_normalized(norm: &str, out: &mut String) {
    let start = out.len();
    out.push_str(norm);
    lower_from(out, start);
}

/// Lower-cases `out` from byte `start` on.
fn lower_from(out: &mut String, start: usize) {
    if out[start..].is_ascii() {
        // The same as `to_lowercase` for ASCII, without a new string.
        out[start..].make_ascii_lowercase();
    } else if out[start..].chars().any(|c| c.is_uppercase()) {
        let lower = out[start..].to_lowercase();
        out.truncate(start);
        out.push_str(&lower);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcuts for plain tokens give what the general way gives.
    #[test]
    fn plain_tokens_normalise_as_any_other() {
        for tok in ["Obama", "U.S.", "said", "''", "``", "it's", "MIXED-case", "x`y", "İstanbul", "\u{2019}s", ""] {
            let mut general = String::new();
            normalize_chars(tok, &mut general);
            if tok == "``" || tok == "''" {
                general = "\"".to_string();
            }
            let mut fast = String::new();
            normalize_into(tok, &mut fast);
            assert_eq!(fast, general, "{tok}");
            let mut lower = String::new();
            normalize_lower(tok, &mut lower);
            assert_eq!(lower, general.to_lowercase(), "{tok}");
        }
    }
}
