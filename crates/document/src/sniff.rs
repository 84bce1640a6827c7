//! Format detection from content, not from the file name.

use std::borrow::Cow;

/// What a buffer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Gzip-compressed data (magic bytes `1f 8b`).
    Gzip,
    /// An HTML page or fragment.
    Html,
    /// JSON Lines: one JSON object per line.
    Jsonl,
    /// A WARC crawl file (starts with `WARC/1.`).
    Warc,
    /// Plain text.
    Text,
    /// Not text at all.
    Binary,
    /// Nothing but white space.
    Empty,
}

/// Detect the format of `bytes` from their content.
///
/// Gzip by its magic number; WARC by its version line `WARC/1.` at the very
/// start; binary by NUL bytes or a high share of control
/// characters in the first 8 KiB; JSONL when the first non-blank line is a JSON
/// object; HTML when the start of the text has a doctype, an `<html>`, `<head>`
/// or `<body>` tag, or several common block tags.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    // Before the binary test: a crawl's first records may hold images.
    if bytes.starts_with(b"WARC/1.") {
        return Format::Warc;
    }
    let head = &bytes[..bytes.len().min(8192)];
    // UTF-16 text (with a BOM) legitimately holds NULs.
    let utf16 = head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]);
    if !utf16 && looks_binary(head) {
        return Format::Binary;
    }
    let text = head_text(head);
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return if bytes.iter().all(|b| b.is_ascii_whitespace()) { Format::Empty } else { Format::Text };
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        // JSONL even when its first line is malformed: the line-level errors are
        // reported later, one per line, and the good lines still count.
        let mut lines = trimmed.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().unwrap_or("");
        let second_is_object = lines.next().is_some_and(|l| l.trim_start().starts_with('{'));
        if first.trim_end().ends_with('}')
            || first.starts_with("{\"")
            || second_is_object
            || serde_json::from_str::<serde_json::Value>(first).is_ok()
        {
            return Format::Jsonl;
        }
    }
    // The first 4,096 characters, lower-cased, and which of the tags below
    // open somewhere in them: one pass over the `<`s, not a search per tag.
    let end = trimmed.char_indices().nth(4096).map_or(trimmed.len(), |(i, _)| i);
    let lower = trimmed[..end].to_ascii_lowercase();
    let lower = lower.as_bytes();
    let mut seen = [false; TAGS.len()];
    for at in memchr::memchr_iter(b'<', lower) {
        let rest = &lower[at..];
        for (t, tag) in TAGS.iter().enumerate() {
            seen[t] |= rest.starts_with(tag.as_bytes());
        }
    }
    let has = |tag: &str| TAGS.iter().position(|t| *t == tag).is_some_and(|t| seen[t]);
    if lower.starts_with(b"<!doctype html") || has("<html") || has("<head") || has("<body") {
        return Format::Html;
    }
    let blocks = BLOCK_TAGS.iter().filter(|t| has(t)).count();
    if lower.starts_with(b"<") && blocks >= 1 || blocks >= 2 {
        return Format::Html;
    }
    Format::Text
}

/// Tags whose opening marks HTML: the page's own, then common block tags.
const TAGS: [&str; 12] = ["<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<h1", "<h2", "<br", "<span", "<a href"];

/// The block tags of [`TAGS`]: one in a text that starts with `<`, or two
/// anywhere, make it HTML.
const BLOCK_TAGS: [&str; 9] = ["<p>", "<p ", "<div", "<article", "<h1", "<h2", "<br", "<span", "<a href"];

/// What `String::from_utf8_lossy` gives, without its slow path in the
/// common cases: valid UTF-8 is borrowed, and a character cut at the end of
/// the sniffed head becomes one replacement character.
fn head_text(head: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(head) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) if e.error_len().is_none() => {
            let valid = std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default();
            Cow::Owned(format!("{valid}\u{fffd}"))
        }
        Err(_) => String::from_utf8_lossy(head),
    }
}

fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats() {
        assert_eq!(sniff(b""), Format::Empty);
        assert_eq!(sniff(b" \n\t\n"), Format::Empty);
        assert_eq!(sniff(&[0x1f, 0x8b, 8, 0]), Format::Gzip);
        assert_eq!(sniff(b"WARC/1.0\r\nWARC-Type: response\r\n\x00\x01"), Format::Warc);
        assert_eq!(sniff(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(sniff(b"The WARC/1.0 format, he said."), Format::Text);
        assert_eq!(sniff(b"\x00\x01\x02ELF"), Format::Binary);
        assert_eq!(sniff(b"<!DOCTYPE html><html><body><p>x</p></body></html>"), Format::Html);
        assert_eq!(sniff(b"\n  <html lang=en><p>hi"), Format::Html);
        assert_eq!(sniff(b"<p>One</p><p>Two</p>"), Format::Html);
        assert_eq!(sniff(b"{\"id\": \"1\", \"text\": \"hi\"}\n{\"id\": \"2\", \"text\": \"yo\"}\n"), Format::Jsonl);
        assert_eq!(sniff(b"{\"id\": \"broken\", \"text\": \"unterminated\n{\"id\": \"2\", \"text\": \"ok\"}\n"), Format::Jsonl);
        assert_eq!(sniff("Advertisement\n\nObama said so.\n".as_bytes()), Format::Text);
        // A text that merely mentions a tag is still text.
        assert_eq!(sniff(b"The <p> element is a paragraph, he said."), Format::Text);
    }

    #[test]
    fn utf16_with_bom_is_not_binary() {
        let mut b = vec![0xff, 0xfe];
        for c in "Hello world".encode_utf16() {
            b.extend_from_slice(&c.to_le_bytes());
        }
        assert_ne!(sniff(&b), Format::Binary);
    }

    /// The HTML test as it was written first: a substring search per tag
    /// over the lower-cased start of the text.
    fn html_by_search(text: &str) -> bool {
        let lower = text.trim_start().chars().take(4096).collect::<String>().to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.contains("<html") || lower.contains("<head") || lower.contains("<body") {
            return true;
        }
        let n = BLOCK_TAGS.iter().filter(|t| lower.contains(*t)).count();
        lower.starts_with('<') && n >= 1 || n >= 2
    }

    /// Texts made of tag-like pieces, so that HTML and text both come up.
    fn tagsoup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<P>".to_string()),
            Just("<p ".to_string()),
            Just("<DiV".to_string()),
            Just("<br/>".to_string()),
            Just("<HTML".to_string()),
            Just("<a href=x>".to_string()),
            Just("<spa".to_string()),
            Just("<!DOCTYPE html>".to_string()),
            Just(" ".to_string()),
            Just("é".to_string()),
            "[a-z<>]{1,6}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn html_test_is_the_search_it_replaces(text in tagsoup()) {
            let by_search = html_by_search(&text);
            let got = sniff(text.as_bytes());
            if !text.trim().is_empty() && !text.trim_start().starts_with('{') {
                prop_assert_eq!(got == Format::Html, by_search, "{:?}", text);
            }
        }

        #[test]
        fn head_text_is_the_lossy_decoding(bytes in proptest::collection::vec(prop_oneof![any::<u8>(), Just(b'a'), Just(0xc3u8), Just(0xa9u8), Just(0xe2u8), Just(0x80u8)], 0..64)) {
            prop_assert_eq!(head_text(&bytes), String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = sniff(&bytes);
        }
    }
}
