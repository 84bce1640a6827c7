//! Token normalisation shared by the tagger's features, the word-cluster
//! lookups and the gazetteer table (`build.rs` includes this file, so the
//! table's phrases are normalised exactly as the tagger's tokens are).

/// Appends the normalised form of a token to `out`.
pub(crate) fn normalize_into(tok: &str, out: &mut String) {
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
    // CoNLL writes double quotes as a single `"` token; PTB-style quotes become the same.
    if tok == "``" || tok == "''" {
        out.truncate(out.len() - 2);
        out.push('"');
    }
}

/// Appends the normalised, lower-cased form of a token to `out`.
pub(crate) fn normalize_lower(tok: &str, out: &mut String) {
    let start = out.len();
    normalize_into(tok, out);
    if out[start..].chars().any(|c| c.is_uppercase()) {
        let lower = out[start..].to_lowercase();
        out.truncate(start);
        out.push_str(&lower);
    }
}
