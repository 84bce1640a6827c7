//! A byte-level pass over an HTML page before it is parsed: drops `<script>`
//! (except JSON-LD), `<style>`, `<svg>`, `<noscript>`, `<template>`, `<iframe>`,
//! `<select>`, `<nav>` and comments, and closed `<footer>`, `<aside>`,
//! `<button>`, `<object>` and `<textarea>` elements. On news pages these are
//! more than half of the bytes and none of the text; removing them first saves
//! the HTML parser most of its work. The parser would drop nothing else for us:
//! readability removes the same elements after parsing.

use std::borrow::Cow;

use memchr::memchr;

use crate::scan::{close_tag, Cuts};

/// `html` without scripts (JSON-LD kept), styles, inline SVG and comments.
/// Returns the input unchanged (borrowed) when there is nothing to drop.
pub fn prestrip(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut cuts = Cuts::new(html);
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let start = i + off;
        let rest = &b[start + 1..];
        let skip_to = if rest.starts_with(b"!--") {
            Some(find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3))
        } else if let Some(name) = heavy_tag(rest, &HEAVY) {
            let tag_end = tag_end(b, start);
            let is_json_ld = name == "script" && contains_ci(&b[start..tag_end], b"ld+json");
            if is_json_ld {
                None
            } else {
                Some(close_tag(b, tag_end, name.as_bytes()))
            }
        } else if let Some(name) = heavy_tag(rest, &ASIDE) {
            matching_close(b, tag_end(b, start), name.as_bytes())
        } else {
            None
        };
        match skip_to {
            Some(end) => {
                cuts.cut(start, end);
                i = end;
            }
            None => i = start + 1,
        }
        if i >= b.len() {
            break;
        }
    }
    cuts.finish()
}

/// Elements dropped whole: no article text is ever in them.
const HEAVY: [&str; 8] = ["script", "style", "svg", "noscript", "template", "iframe", "select", "nav"];

/// Elements readability removes from every article it finds (footers, asides,
/// buttons, embedded objects, text areas): dropped too, but only when they are
/// properly closed (counting nested ones), so a stray open tag never takes
/// the text after it.
const ASIDE: [&str; 5] = ["footer", "aside", "button", "object", "textarea"];

/// The element of `names` a tag opens (`rest` starts just after `<`), if any.
fn heavy_tag(rest: &[u8], names: &[&'static str]) -> Option<&'static str> {
    for &name in names {
        let n = name.len();
        if rest.len() > n
            && rest[..n].eq_ignore_ascii_case(name.as_bytes())
            && matches!(rest[n], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/' | b'\x0c')
        {
            return Some(name);
        }
    }
    None
}

/// One past the `>` that ends the tag starting at `start`, honouring quotes.
fn tag_end(b: &[u8], start: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b[start..].iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return start + k + 1,
            _ => {}
        }
    }
    b.len()
}

/// One past the `>` of the `</name>` that closes the element whose start tag
/// ends at `from`, counting nested elements of the same name; `None` when it
/// is never closed.
fn matching_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut depth = 1;
    let mut i = from;
    while let Some(p) = memchr(b'<', &b[i..]).map(|o| i + o) {
        let rest = &b[p + 1..];
        let (closing, at) = if rest.first() == Some(&b'/') { (true, &rest[1..]) } else { (false, rest) };
        let named = at.len() > name.len()
            && at[..name.len()].eq_ignore_ascii_case(name)
            && matches!(at[name.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/' | b'\x0c');
        if named {
            let end = tag_end(b, p);
            if closing {
                depth -= 1;
                if depth == 0 {
                    return Some(end);
                }
            } else if b[end.saturating_sub(2)] != b'/' {
                depth += 1;
            }
            i = end;
        } else {
            i = p + 1;
        }
        if i >= b.len() {
            break;
        }
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&b[from.min(b.len())..], needle).map(|p| from + p)
}

fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn drops_scripts_styles_svg_and_comments() {
        let html = "<html><head><STYLE>p{color:red}</style><script src=x></script>\
            <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>\
            <body><!-- c --><p>One <svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg>two</p>\
            <script>if (a > b && c < d) { x = '</p>'; }</SCRIPT ><p>three</p></body></html>";
        assert_eq!(
            prestrip(html),
            "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>\
             <body><p>One two</p><p>three</p></body></html>"
        );
    }

    #[test]
    fn drops_closed_footers_and_asides_only() {
        let html = "<p>a</p><aside class=x><aside>in</aside>still in</aside><p>b</p><footer>f</footer><button/>\
            <p>c</p><BUTTON type=button>Share</BUTTON>";
        assert_eq!(prestrip(html), "<p>a</p><p>b</p><button/><p>c</p>");
        // Never closed: kept, so a stray open tag never takes the article with it.
        let open = "<p>a</p><footer><p>the last paragraph</p>";
        assert_eq!(prestrip(open), open);
        assert!(matches!(prestrip("<p>An <asides> tag and footers.</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn leaves_lookalikes_and_clean_pages_alone() {
        let html = "<p>Scripts and <scripture> and <styles> stay.</p>";
        assert!(matches!(prestrip(html), Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_elements_run_to_the_end() {
        assert_eq!(prestrip("<p>a</p><script>never closed"), "<p>a</p>");
        assert_eq!(prestrip("<p>a</p><!-- never closed"), "<p>a</p>");
        // A tag cut off before its name ends is left for the parser (it drops it at EOF).
        assert_eq!(prestrip("<p>a</p><script"), "<p>a</p><script");
    }

    proptest! {
        #[test]
        fn never_panics_and_keeps_utf8(parts in proptest::collection::vec(prop_oneof![
            Just("<script>"), Just("</script>"), Just("<style"), Just(">"), Just("<!--"), Just("-->"),
            Just("<svg>"), Just("</svg"), Just("é"), Just("“"), Just("<p>"), Just("text"), Just("<"), Just("\""),
        ], 0..40)) {
            let html = parts.concat();
            let out = prestrip(&html);
            prop_assert!(out.len() <= html.len());
        }
    }
}
