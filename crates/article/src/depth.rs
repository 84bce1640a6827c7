//! A bound on how deeply a page's elements nest, applied to its bytes before
//! it is parsed.
//!
//! The HTML parser looks down its stack of open elements for every tag, so a
//! page of 100,000 nested `<div>`s costs it quadratic time (minutes), and a
//! tree that deep would overflow the stack of any recursive walk after it.
//! Real pages nest a few dozen levels. Here the tags that would open elements
//! below [`MAX_DEPTH`] are dropped, with the end tags that close them; all the
//! text stays.
//!
//! The depth is estimated from the tags alone: start tags of elements that
//! need an end tag count one level down, their end tags one level up. Void
//! elements (`<br>`, `<img>`, …) and elements whose end tag may be left out
//! (`<p>`, `<li>`, `<td>`, …) do not count, and the content of raw-text
//! elements (`<script>`, `<title>`, `<textarea>`, …) is not read as tags.

use std::borrow::Cow;

use memchr::memchr;

use crate::scan::{close_tag, Cuts};

/// The deepest nesting of elements kept.
pub const MAX_DEPTH: usize = 256;

/// `html` with the tags nested deeper than `max` removed (borrowed unchanged
/// when there are none).
pub fn cap(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    // Fewer tags than levels: nothing can be too deep.
    if memchr::memchr_iter(b'<', b).count() <= max {
        return Cow::Borrowed(html);
    }
    let mut cuts = Cuts::new(html);
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let start = i + off;
        let rest = &b[start + 1..];
        let (end, drop) = match rest.first() {
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let name = tag_name(&rest[1..]);
                let end = tag_end(b, start + 2 + name.len());
                if counts(name) {
                    let deep = depth > max;
                    depth = depth.saturating_sub(1);
                    (end, deep)
                } else {
                    (end, false)
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(rest);
                let end = tag_end(b, start + 1 + name.len());
                if name.eq_ignore_ascii_case(b"plaintext") {
                    break; // everything after it is text
                }
                if let Some(raw) = raw_text(name) {
                    (close_tag(b, end, raw.as_bytes()), false)
                } else if counts(name) {
                    depth += 1;
                    (end, depth > max)
                } else {
                    (end, false)
                }
            }
            Some(b'!') if rest.starts_with(b"!--") => {
                (memchr::memmem::find(&b[start + 4..], b"-->").map_or(b.len(), |e| start + 4 + e + 3), false)
            }
            Some(b'!' | b'?') => (memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e + 1), false),
            _ => (start + 1, false),
        };
        if drop {
            cuts.cut(start, end);
        }
        i = end;
        if i >= b.len() {
            break;
        }
    }
    cuts.finish()
}

/// Elements whose content is text, not tags.
const RAW_TEXT: [&str; 9] = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Elements that never nest (void) or whose end tag may be left out, so that
/// an open one does not mean a level deeper. (The list [`counts`] matches on;
/// kept here for the test that holds the two together.)
#[cfg(test)]
const NOT_COUNTED: [&str; 34] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
    "basefont", "bgsound", "frame", "image", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "html", "head", "body",
];

/// Does an element of this name count as a level? (Not a void element nor
/// one whose end tag may be left out, in any case; a `match` on the lower-cased name, which the
/// compiler turns into a test by length and bytes, not 34 comparisons.)
fn counts(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    match lower(name, &mut buf) {
        None => true,
        Some(n) => !matches!(
            n,
            b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta" | b"param" | b"source"
                | b"track" | b"wbr" | b"keygen" | b"basefont" | b"bgsound" | b"frame" | b"image" | b"p" | b"li" | b"dt" | b"dd"
                | b"tr" | b"td" | b"th" | b"option" | b"optgroup" | b"thead" | b"tbody" | b"tfoot" | b"html" | b"head" | b"body"
        ),
    }
}

/// The [`RAW_TEXT`] element this name opens, in any case.
fn raw_text(name: &[u8]) -> Option<&'static str> {
    let mut buf = [0u8; 12];
    let n = lower(name, &mut buf)?;
    RAW_TEXT.iter().copied().find(|r| r.as_bytes() == n)
}

/// `name` lower-cased into `buf`, or `None` when it is longer than any name
/// of the lists above.
fn lower<'a>(name: &[u8], buf: &'a mut [u8; 12]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// The tag name at the start of `rest` (up to white space, `/` or `>`).
fn tag_name(rest: &[u8]) -> &[u8] {
    let n = rest.iter().position(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')).unwrap_or(rest.len());
    &rest[..n]
}

/// One past the `>` that ends the tag whose attributes start at `from`: a
/// quote opens an attribute value only right after `=`, as in the tokenizer.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    let mut after_eq = false;
    while k < b.len() {
        match b[k] {
            b'>' => return k + 1,
            q @ (b'"' | b'\'') if after_eq => match memchr(q, &b[k + 1..]) {
                Some(e) => {
                    k += e + 2;
                    after_eq = false;
                    continue;
                }
                None => return b.len(),
            },
            b'=' => after_eq = true,
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => after_eq = false,
        }
        k += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shallow_pages_are_left_alone() {
        let html = "<html><body><div><div><p>One<p>Two<br><img src=x></div></div></body></html>";
        assert!(matches!(cap(html, 2), Cow::Borrowed(_)));
        assert!(matches!(cap(html, 512), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_below_the_limit_are_dropped_and_text_kept() {
        assert_eq!(cap("<div><div><div><b>x</b></div>y</div></div>", 2), "<div><div>xy</div></div>");
        // Unclosed: the opening tags only.
        assert_eq!(cap("<div><span><div><span>text", 2), "<div><span>text");
    }

    #[test]
    fn raw_text_and_attributes_are_not_tags() {
        let html = r#"<div title="<div><div>"><script type="application/ld+json">{"a":"<div><div><div>"}</script><title><div><div></title><div a=b"c>d</div></div>"#;
        assert_eq!(cap(html, 2), r#"<div title="<div><div>"><script type="application/ld+json">{"a":"<div><div><div>"}</script><title><div><div></title><div a=b"c>d</div></div>"#);
    }

    #[test]
    fn one_hundred_thousand_nested_divs_become_a_shallow_page_quickly() {
        let n = 100_000;
        let html = format!("{}<p>The text.</p>{}", "<div>".repeat(n), "</div>".repeat(n));
        let start = std::time::Instant::now();
        let capped = cap(&html, MAX_DEPTH);
        assert_eq!(capped, format!("{}<p>The text.</p>{}", "<div>".repeat(MAX_DEPTH), "</div>".repeat(MAX_DEPTH)));
        let doc = dom_query::Document::from(&*capped);
        assert_eq!(doc.select("p").text().to_string(), "The text.");
        assert!(start.elapsed() < std::time::Duration::from_secs(300), "{:?}", start.elapsed());
    }

    proptest! {
        /// The lookups answer what a comparison with each name of the lists
        /// answers.
        #[test]
        fn lookups_are_the_lists(name in prop_oneof![
            proptest::sample::select(NOT_COUNTED.to_vec()).prop_map(str::to_string),
            proptest::sample::select(RAW_TEXT.to_vec()).prop_map(str::to_string),
            "[a-zA-Z]{1,14}",
        ], upper in any::<u16>()) {
            let name: String = name.chars().enumerate().map(|(i, c)| if upper >> (i % 16) & 1 == 1 { c.to_ascii_uppercase() } else { c }).collect();
            let b = name.as_bytes();
            prop_assert_eq!(counts(b), !NOT_COUNTED.iter().any(|n| b.eq_ignore_ascii_case(n.as_bytes())));
            prop_assert_eq!(raw_text(b), RAW_TEXT.iter().copied().find(|r| b.eq_ignore_ascii_case(r.as_bytes())));
        }

        #[test]
        fn never_panics_and_keeps_the_text(parts in proptest::collection::vec(prop_oneof![
            Just("<div>"), Just("</div>"), Just("<b "), Just(">"), Just("<script>"), Just("</script"), Just("<!--"), Just("-->"),
            Just("é"), Just("“"), Just("<p>"), Just("text"), Just("<"), Just("\""), Just("='"), Just("</"), Just("<!x"),
        ], 0..60)) {
            let html = parts.concat();
            let out = cap(&html, 2);
            prop_assert!(out.len() <= html.len());
        }
    }
}
