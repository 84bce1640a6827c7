//! WARC crawl files: one document per archived HTML or plain-text page.
//!
//! These functions turn records already read (by [`dossier_warc::Reader`], over
//! bytes in memory in [`crate::load`], or over a file by `dossier-input`) into
//! documents; they do no I/O themselves.

use dossier_warc::{http_response, Record, WarcError, WarcErrorKind};

use crate::decode::{decode_html_declared, decode_text_declared};
use crate::{sniff, Body, Document, DocumentError, Format, Hints, Origin};

/// The document archived in one WARC record of the file named `container`, or
/// `None` when the record holds no page to analyse.
///
/// A page is a `response` record whose HTTP status is 200 and whose content type
/// is HTML (`text/html`, `application/xhtml+xml`) or plain text (`text/plain`),
/// or is missing and the body sniffs as one of those. Requests, `warcinfo`,
/// `metadata` and other records, redirects, errors and images are skipped
/// silently. The body is de-chunked, decompressed (at most `max_size` bytes) and
/// decoded with the HTTP charset; the document's `hints.url` is the record's
/// `WARC-Target-URI`. A response that cannot be read is an error entry.
pub fn warc_record(container: &str, record: &Record, max_size: u64) -> Option<(Origin, Result<Document, DocumentError>)> {
    let response = http_response(record)?;
    let origin = Origin::WarcRecord { container: container.to_string(), offset: record.offset, uri: record.target_uri.clone() };
    let response = match response {
        Ok(r) => r,
        Err(e) => return Some((origin, Err(error(&e)))),
    };
    if response.status != 200 {
        return None;
    }
    let declared_html = match response.mime_type().as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some(true),
        Some("text/plain") => Some(false),
        Some(_) => return None,
        None => None,
    };
    let body = match response.body(max_size) {
        Ok(b) => b,
        Err(e) => return Some((origin, Err(error(&e)))),
    };
    let sniffed = sniff(&body);
    let html = match (declared_html, sniffed) {
        (_, Format::Empty) => return Some((origin, Err(DocumentError::Empty))),
        (_, Format::Binary | Format::Gzip) => return Some((origin, Err(DocumentError::Binary))),
        (Some(html), _) => html,
        (None, Format::Html) => true,
        (None, Format::Text) => false,
        (None, _) => return None,
    };
    let charset = response.charset();
    let (body, warnings) = if html {
        let d = decode_html_declared(&body, charset.as_deref());
        (Body::Html(d.text), d.warnings)
    } else {
        let d = decode_text_declared(&body, charset.as_deref());
        (Body::Text(d.text), d.warnings)
    };
    let hints = Hints { url: record.target_uri.clone(), ..Hints::default() };
    Some((origin.clone(), Ok(Document { origin, body, hints, warnings })))
}

/// The error entry for a WARC record that could not be read, in the file named
/// `container`: its origin names the record's offset.
pub fn warc_error(container: &str, e: &WarcError) -> (Origin, Result<Document, DocumentError>) {
    (Origin::WarcRecord { container: container.to_string(), offset: e.offset, uri: None }, Err(error(e)))
}

fn error(e: &WarcError) -> DocumentError {
    match &e.kind {
        WarcErrorKind::TooLarge { length, limit } => DocumentError::TooLarge { size: *length, limit: *limit },
        WarcErrorKind::Corrupt(m) => DocumentError::BadGzip(m.clone()),
        WarcErrorKind::Io(m) => DocumentError::Unreadable(m.clone()),
        kind => DocumentError::BadWarc(kind.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use proptest::prelude::*;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn response(uri: &str, status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut http = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
        http.extend_from_slice(body);
        record("response", uri, "application/http; msgtype=response", &http)
    }

    /// A crawl with two pages among records that are not pages.
    fn crawl() -> Vec<Vec<u8>> {
        vec![
            record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
            record("request", "https://example.com/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
            response("https://example.com/a", "200 OK", "text/html; charset=windows-1252", b"<html><p>Caf\xe9 news</p></html>"),
            record("metadata", "https://example.com/a", "application/warc-fields", b"x: y\r\n"),
            response("https://example.com/old", "301 Moved", "text/html", b""),
            response("https://example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00"),
            response("https://example.com/b.txt", "200 OK", "text/plain", b"Plain words."),
            response("https://example.com/404", "404 Not Found", "text/html", b"<p>gone</p>"),
        ]
    }

    #[test]
    fn load_takes_the_pages_out_of_a_warc() {
        let bytes = crawl().concat();
        let v = load(Origin::File("crawl.warc".into()), &bytes, 1 << 20);
        assert_eq!(v.len(), 2, "{v:?}");
        let a = v[0].1.as_ref().unwrap();
        assert_eq!(a.hints.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.body, Body::Html("<html><p>Café news</p></html>".into()), "the HTTP charset is used");
        let offset = crawl()[..2].iter().map(Vec::len).sum::<usize>();
        assert_eq!(v[0].0.to_string(), format!("crawl.warc@{offset} (https://example.com/a)"));
        assert_eq!(a.origin, v[0].0);
        let b = v[1].1.as_ref().unwrap();
        assert_eq!(b.body, Body::Text("Plain words.".into()));
    }

    #[test]
    fn gzip_per_record_warc_loads_too() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut gz = Vec::new();
        for r in crawl() {
            let mut e = GzEncoder::new(Vec::new(), Compression::fast());
            e.write_all(&r).unwrap();
            gz.extend(e.finish().unwrap());
        }
        assert_eq!(sniff(&crate::gunzip(&gz, 1 << 20).unwrap()), Format::Warc);
        let v = load(Origin::File("crawl.warc.gz".into()), &gz, 1 << 20);
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|(_, d)| d.is_ok()));
    }

    #[test]
    fn a_bad_record_is_one_error_and_the_others_are_kept() {
        let parts = crawl();
        let bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
        let bytes = [parts[2].as_slice(), bad, &parts[6]].concat();
        let v = load(Origin::File("c.warc".into()), &bytes, 1 << 20);
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(v[0].1.is_ok() && v[2].1.is_ok());
        assert_eq!(v[1].0.to_string(), format!("c.warc@{}", parts[2].len()));
        let e = v[1].1.as_ref().unwrap_err();
        assert!(matches!(e, DocumentError::BadWarc(_)), "{e}");
        assert!(e.to_string().contains("Content-Length"), "{e}");

        // Cut in the middle of the last block: the good records and one error.
        let bytes = parts.concat();
        let v = load(Origin::File("c.warc".into()), &bytes[..bytes.len() - 8], 1 << 20);
        assert_eq!(v.len(), 3);
        assert!(v[0].1.is_ok() && v[1].1.is_ok());
        let e = v[2].1.as_ref().unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");
        assert_eq!(v[2].0.to_string(), format!("c.warc@{}", parts[..7].iter().map(Vec::len).sum::<usize>()));
    }

    #[test]
    fn oversized_records_and_bodies_are_too_large() {
        let page = response("https://example.com/big", "200 OK", "text/html", &[b'a'; 3000]);
        let v = load(Origin::File("c.warc".into()), &page, 2000);
        assert!(matches!(v[0].1, Err(DocumentError::TooLarge { .. })), "{v:?}");
    }

    proptest! {
        #[test]
        fn warc_like_bytes_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..1500), cut in 0usize..3000) {
            let mut bytes = crawl().concat();
            bytes.truncate(cut);
            bytes.extend_from_slice(&tail);
            let _ = load(Origin::Stdin, &bytes, 1 << 20);
            let mut warc = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\n".to_vec();
            warc.extend_from_slice(&tail);
            let _ = load(Origin::Stdin, &warc, 1 << 20);
        }
    }
}
