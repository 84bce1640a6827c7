//! Bytes to text: gzip, byte-order marks, declared and sniffed character sets.

use std::io::Read;

use encoding_rs::{Encoding, UTF_8};

use crate::{DocumentError, Warning};

/// Text decoded from bytes, with the encoding used and what went wrong on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text (malformed sequences replaced by U+FFFD).
    pub text: String,
    /// The name of the encoding used, e.g. `UTF-8`, `windows-1252`.
    pub encoding: &'static str,
    /// Problems met while decoding.
    pub warnings: Vec<Warning>,
}

/// Decompress gzip data (several members too), stopping with
/// [`DocumentError::TooLarge`] as soon as the output passes `limit` bytes.
pub fn gunzip(bytes: &[u8], limit: u64) -> Result<Vec<u8>, DocumentError> {
    let mut out = Vec::with_capacity(expected_size(bytes, limit));
    let reader = flate2::read::MultiGzDecoder::new(bytes);
    match reader.take(limit.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > limit => {
            Err(DocumentError::TooLarge { size: out.len() as u64, limit })
        }
        Ok(_) => Ok(out),
        Err(e) => Err(DocumentError::BadGzip(e.to_string())),
    }
}

/// The output size a gzip stream of `compressed` bytes announces in its
/// last member's ISIZE trailer (`trailer`, its last four bytes), to allocate
/// once rather than grow by doubling and copying: a hint, bounded by `limit`
/// (plus the byte that shows it passed) and by deflate's greatest ratio
/// (1,032 to 1), so a forged trailer cannot make a reader allocate more than
/// the data could give.
pub fn gzip_size_hint(trailer: [u8; 4], compressed: u64, limit: u64) -> u64 {
    u64::from(u32::from_le_bytes(trailer)).min(limit.saturating_add(1)).min(compressed.saturating_mul(1032))
}

/// [`gzip_size_hint`] of gzip data in memory.
fn expected_size(bytes: &[u8], limit: u64) -> usize {
    let Some(tail) = bytes.len().checked_sub(4).and_then(|at| bytes.get(at..)) else { return 0 };
    gzip_size_hint([tail[0], tail[1], tail[2], tail[3]], bytes.len() as u64, limit) as usize
}

/// Decode an HTML page the way a browser would: a byte-order mark first, then a
/// `<meta charset>` or `http-equiv` declaration in the first 1024 bytes, then a
/// guess from the content. A page declared in a legacy single-byte encoding whose
/// bytes are valid UTF-8 with non-ASCII characters is decoded as UTF-8 (a page
/// saved by a browser keeps its old declaration), with a warning.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    decode_html_declared(bytes, None)
}

/// [`decode_html`] with the character set the transport declared (an HTTP
/// `Content-Type` charset), which comes after a byte-order mark and before
/// `<meta charset>`, as in a browser. An unknown label is ignored.
pub(crate) fn decode_html_declared(bytes: &[u8], transport: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom..], Vec::new());
    }
    let mut warnings = Vec::new();
    let transport = transport.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(declared) = transport.or_else(|| prescan_charset(bytes)) {
        let utf8_ok = std::str::from_utf8(bytes).is_ok();
        if declared == UTF_8 || declared.name() == "UTF-16LE" || declared.name() == "UTF-16BE" {
            // A UTF-16 declaration in an ASCII-compatible byte stream means UTF-8.
            return decode_with(UTF_8, bytes, warnings);
        }
        if utf8_ok && !bytes.is_ascii() {
            warnings.push(Warning(format!(
                "page declares {} but its bytes are valid UTF-8: decoded as UTF-8",
                declared.name()
            )));
            return decode_with(UTF_8, bytes, warnings);
        }
        return decode_with(declared, bytes, warnings);
    }
    decode_guess(bytes)
}

/// Decode plain text: a byte-order mark, else UTF-8, else the encoding guessed
/// from the content, with a warning saying the input was not valid UTF-8.
pub fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom..], Vec::new());
    }
    decode_guess(bytes)
}

/// [`decode_text`] with the character set the transport declared: used when
/// there is no byte-order mark and the bytes are not valid UTF-8.
pub(crate) fn decode_text_declared(bytes: &[u8], transport: Option<&str>) -> Decoded {
    let declared = transport.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    match declared {
        Some(enc) if Encoding::for_bom(bytes).is_none() && std::str::from_utf8(bytes).is_err() => {
            decode_with(enc, bytes, Vec::new())
        }
        _ => decode_text(bytes),
    }
}

fn decode_guess(bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded { text: s.to_string(), encoding: UTF_8.name(), warnings: Vec::new() };
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let msg = if enc == UTF_8 {
        "input is not valid UTF-8: decoded lossily, bad bytes replaced by U+FFFD".to_string()
    } else {
        format!("input is not valid UTF-8: decoded as {} (guessed from the content)", enc.name())
    };
    decode_with(enc, bytes, vec![Warning(msg)])
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], mut warnings: Vec<Warning>) -> Decoded {
    let (text, used, had_errors) = enc.decode(bytes);
    if had_errors && warnings.is_empty() {
        warnings.push(Warning(format!(
            "input has bytes that are not valid {}: decoded lossily, bad bytes replaced by U+FFFD",
            used.name()
        )));
    }
    Decoded { text: text.into_owned(), encoding: used.name(), warnings }
}

/// The encoding declared by `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1024
/// bytes (or, failing that, anywhere in the `<head>`'s first 8 KiB).
fn prescan_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = skip(rest, |b| b.is_ascii_whitespace());
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = skip(rest, |b| b.is_ascii_whitespace() || b == b'"' || b == b'\'');
                let label_end = rest
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn skip(s: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let n = s.iter().take_while(|&&b| pred(b)).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn meta_charset_is_honoured() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in cp1251
        page.extend_from_slice(b"</body></html>");
        let d = decode_html(&page);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("Привет"), "{}", d.text);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn http_equiv_charset() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9</p>";
        let d = decode_html(page);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("café"));
    }

    #[test]
    fn valid_utf8_beats_legacy_declaration() {
        let page = "<meta charset=iso-8859-1><p>café — “quoted”</p>".as_bytes();
        let d = decode_html(page);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("“quoted”"));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice("<meta charset=windows-1252>é".as_bytes());
        assert_eq!(decode_html(&b).encoding, "UTF-8");
        let mut b = vec![0xff, 0xfe];
        for c in "Héllo".encode_utf16() {
            b.extend_from_slice(&c.to_le_bytes());
        }
        assert_eq!(decode_text(&b).text, "Héllo");
    }

    #[test]
    fn undeclared_legacy_text_is_guessed_and_reported() {
        let d = decode_text(b"The caf\xe9 on the corner said it would reopen na\xefvely soon.");
        assert!(d.text.contains("café"), "{}", d.text);
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].0.contains("not valid UTF-8"));
    }

    #[test]
    fn gzip_round_trip_and_limit() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = e.finish().unwrap();
        assert_eq!(gunzip(&gz, 20_000).unwrap().len(), 10_000);
        assert!(matches!(gunzip(&gz, 1000), Err(DocumentError::TooLarge { .. })));
        assert!(matches!(gunzip(&gz[..gz.len() / 2], 20_000), Err(DocumentError::BadGzip(_))));
    }

    #[test]
    fn announced_size_is_allocated_within_bounds() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(&vec![b'a'; 10_000]).unwrap();
        let mut gz = e.finish().unwrap();
        assert_eq!(expected_size(&gz, 1 << 20), 10_000);
        assert_eq!(expected_size(&gz, 100), 101);
        assert_eq!(gunzip(&gz, 1 << 20).unwrap().capacity(), 10_000);
        // A forged trailer claiming 4 GB: no more than deflate could give.
        let n = gz.len();
        gz[n - 4..].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(expected_size(&gz, u64::MAX), n * 1032);
        assert!(gunzip(&gz, 1 << 30).is_err());
        assert_eq!(expected_size(b"ab", 100), 0);
    }

    proptest! {
        #[test]
        fn decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
            let _ = decode_html(&bytes);
            let _ = decode_text(&bytes);
            let _ = gunzip(&bytes, 1 << 20);
        }

        #[test]
        fn utf8_text_is_kept_exactly(s in "\\PC{0,200}") {
            prop_assert_eq!(decode_text(s.as_bytes()).text, s);
        }
    }
}
