use std::io::{BufReader, Write};

use flate2::{read::MultiGzDecoder, write::GzEncoder, Compression};
use proptest::prelude::*;

use super::*;

/// One WARC record's bytes.
fn record(kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n");
    if let Some(u) = uri {
        r.push_str(&format!("WARC-Target-URI: {u}\r\n"));
    }
    r.push_str("WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n");
    r.push_str(&format!("Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", block.len()));
    let mut r = r.into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(uri: &str, http: &[u8]) -> Vec<u8> {
    record("response", Some(uri), "application/http; msgtype=response", http)
}

fn html_response(body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// A small crawl: warcinfo, request, response, metadata, response (image).
fn crawl() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", None, "application/warc-fields", b"software: test\r\nformat: WARC File Format 1.0\r\n"),
        record("request", Some("https://example.com/a"), "application/http; msgtype=request", b"GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"),
        response("https://example.com/a", &html_response("<html><p>Hello</p></html>")),
        record("metadata", Some("https://example.com/a"), "application/warc-fields", b"fetchTimeMs: 12\r\n"),
        response("https://example.com/b.png", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00"),
    ]
}

fn gzip_each(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(r).unwrap();
        out.extend(e.finish().unwrap());
    }
    out
}

fn read_all(bytes: &[u8]) -> Vec<Result<Record, WarcError>> {
    Reader::new(bytes).take(10_000).collect()
}

fn read_gz(bytes: &[u8]) -> Vec<Result<Record, WarcError>> {
    Reader::new(BufReader::new(MultiGzDecoder::new(bytes))).take(10_000).collect()
}

fn kinds(v: &[Result<Record, WarcError>]) -> Vec<String> {
    v.iter()
        .map(|r| match r {
            Ok(r) => r.kind.clone(),
            Err(e) => format!("error@{}", e.offset),
        })
        .collect()
}

#[test]
fn plain_records_with_their_fields_and_offsets() {
    let parts = crawl();
    let bytes = parts.concat();
    let v = read_all(&bytes);
    assert_eq!(kinds(&v), ["warcinfo", "request", "response", "metadata", "response"]);
    let offsets: Vec<u64> = v.iter().map(|r| r.as_ref().unwrap().offset).collect();
    let mut expected = Vec::new();
    let mut at = 0u64;
    for p in &parts {
        expected.push(at);
        at += p.len() as u64;
    }
    assert_eq!(offsets, expected);
    let resp = v[2].as_ref().unwrap();
    assert_eq!(resp.target_uri.as_deref(), Some("https://example.com/a"));
    assert_eq!(resp.date.as_deref(), Some("2024-05-01T10:00:00Z"));
    assert_eq!(resp.header("content-type"), Some("application/http; msgtype=response"));
    assert!(resp.block.starts_with(b"HTTP/1.1 200 OK\r\n") && resp.block.ends_with(b"</html>"));
    assert_eq!(v[0].as_ref().unwrap().target_uri, None);
}

#[test]
fn gzip_per_record_reads_the_same() {
    let parts = crawl();
    let plain = read_all(&parts.concat());
    let gz = read_gz(&gzip_each(&parts));
    assert_eq!(plain, gz);
}

#[test]
fn warc_1_1_lf_endings_and_angle_bracket_uris() {
    let bytes = b"WARC/1.1\nWARC-Type: resource\nWARC-Target-URI: <https://example.org/x>\nContent-Length: 3\n\nabc\n\n";
    let v = read_all(bytes);
    let r = v[0].as_ref().unwrap();
    assert_eq!((r.kind.as_str(), r.block.as_slice()), ("resource", &b"abc"[..]));
    assert_eq!(r.target_uri.as_deref(), Some("https://example.org/x"));
    assert_eq!(v.len(), 1);
}

#[test]
fn http_responses_are_parsed_and_others_are_not() {
    let v = read_all(&crawl().concat());
    let recs: Vec<&Record> = v.iter().map(|r| r.as_ref().unwrap()).collect();
    assert!(http_response(recs[0]).is_none(), "warcinfo");
    assert!(http_response(recs[1]).is_none(), "request");
    assert!(http_response(recs[3]).is_none(), "metadata");
    let page = http_response(recs[2]).unwrap().unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(page.mime_type().as_deref(), Some("text/html"));
    assert_eq!(page.charset().as_deref(), Some("utf-8"));
    assert_eq!(page.body(1 << 20).unwrap().as_ref(), b"<html><p>Hello</p></html>");
    let image = http_response(recs[4]).unwrap().unwrap();
    assert_eq!(image.mime_type().as_deref(), Some("image/png"));
}

fn one_response(http: &[u8]) -> Record {
    read_all(&response("https://example.com/", http)).remove(0).unwrap()
}

#[test]
fn chunked_and_gzipped_bodies_are_decoded() {
    let chunked = one_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5\r\n<p>He\r\n7;ext=1\r\nllo</p>\r\n0\r\nX-Trailer: y\r\n\r\n");
    let r = http_response(&chunked).unwrap().unwrap();
    assert_eq!(r.body(1000).unwrap().as_ref(), b"<p>Hello</p>");
    assert!(r.body(5).is_err(), "the limit holds");

    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(b"<p>Zipped</p>").unwrap();
    let zipped = e.finish().unwrap();
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    let (a, b) = zipped.split_at(zipped.len() / 2);
    for part in [a, b] {
        http.extend(format!("{:x}\r\n", part.len()).bytes());
        http.extend_from_slice(part);
        http.extend_from_slice(b"\r\n");
    }
    http.extend_from_slice(b"0\r\n\r\n");
    let rec = one_response(&http);
    let r = http_response(&rec).unwrap().unwrap();
    assert_eq!(r.body(1000).unwrap().as_ref(), b"<p>Zipped</p>");

    // Stored already decoded although the headers still say otherwise.
    let rec = one_response(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n<p>plain</p>");
    assert_eq!(http_response(&rec).unwrap().unwrap().body(1000).unwrap().as_ref(), b"<p>plain</p>");

    // A chunk cut short, a corrupt gzip body, an unknown encoding.
    for http in [
        &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nshort"[..],
        b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00garbage",
        b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx",
    ] {
        let rec = one_response(http);
        let e = http_response(&rec).unwrap().unwrap().body(1000).unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(matches!(e.kind, WarcErrorKind::BadHttp(_)), "{e}");
    }
}

#[test]
fn redirects_and_bad_status_lines() {
    let rec = one_response(b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/b\r\n\r\n");
    let r = http_response(&rec).unwrap().unwrap();
    assert_eq!((r.status, r.header("location")), (301, Some("https://example.com/b")));
    assert!(r.body(10).unwrap().is_empty());
    let rec = one_response(b"<html>no status line</html>");
    let e = http_response(&rec).unwrap().unwrap_err();
    assert!(e.to_string().contains("not an HTTP status line"), "{e}");
}

#[test]
fn a_record_cut_mid_block_is_an_error_naming_its_offset() {
    let parts = crawl();
    let bytes = parts.concat();
    let head = parts[2].windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let cut_at = parts[0].len() + parts[1].len() + head + 20; // inside the first response's block
    let v = read_all(&bytes[..cut_at]);
    assert_eq!(kinds(&v), ["warcinfo".to_string(), "request".into(), format!("error@{}", parts[0].len() + parts[1].len())]);
    let e = v[2].as_ref().unwrap_err();
    assert!(matches!(e.kind, WarcErrorKind::Truncated { .. }), "{e}");
    assert!(e.to_string().starts_with(&format!("WARC record at offset {}: truncated", parts[0].len() + parts[1].len())), "{e}");

    // The same cut in a gzip-per-record file.
    let gz = gzip_each(&parts);
    let first_two = gzip_each(&parts[..2]).len();
    let v = read_gz(&gz[..first_two + 40]);
    assert_eq!(kinds(&v)[..2], ["warcinfo", "request"]);
    assert_eq!(v.len(), 3, "{v:?}");
    assert_eq!(v[2].as_ref().unwrap_err().offset, (parts[0].len() + parts[1].len()) as u64);

    // Cut inside a header.
    let v = read_all(&bytes[..parts[0].len() + 30]);
    assert_eq!(v[1].as_ref().unwrap_err().kind, WarcErrorKind::TruncatedHeader);
}

#[test]
fn garbage_between_records_is_reported_once_and_skipped() {
    let parts = crawl();
    let mut bytes = parts[0].clone();
    let garbage_at = bytes.len() as u64;
    bytes.extend_from_slice(b"some stray bytes\nand more\x00\xff\nWARX/1.0 not quite\n");
    bytes.extend_from_slice(&parts[2]);
    let v = read_all(&bytes);
    assert_eq!(kinds(&v), ["warcinfo".to_string(), format!("error@{garbage_at}"), "response".into()]);
    assert!(matches!(v[1].as_ref().unwrap_err().kind, WarcErrorKind::NotWarc(_)));
}

#[test]
fn bad_versions_and_lengths_resynchronise() {
    let parts = crawl();
    let good = &parts[2];
    let cases: [&[u8]; 4] = [
        b"WARC/0.17\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\n\r\nno length here\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nabc\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n",
    ];
    let expect: [fn(&WarcErrorKind) -> bool; 4] = [
        |k| matches!(k, WarcErrorKind::BadVersion(_)),
        |k| *k == WarcErrorKind::MissingContentLength,
        |k| matches!(k, WarcErrorKind::BadContentLength(_)),
        |k| matches!(k, WarcErrorKind::BadHeader(_)),
    ];
    for (case, ok) in cases.iter().zip(expect) {
        let bytes = [good.as_slice(), case, good].concat();
        let v = read_all(&bytes);
        assert_eq!(kinds(&v), ["response".to_string(), format!("error@{}", good.len()), "response".into()], "{}", String::from_utf8_lossy(case));
        let e = v[1].as_ref().unwrap_err();
        assert!(ok(&e.kind), "{e}");
        assert_eq!(v[2].as_ref().unwrap().offset, (good.len() + case.len()) as u64);
    }
}

#[test]
fn a_record_over_the_limit_is_skipped_unread() {
    let parts = crawl();
    let big = record("resource", Some("https://example.com/big"), "text/plain", &vec![b'x'; 5000]);
    let bytes = [parts[0].as_slice(), &big, &parts[2]].concat();
    let v: Vec<_> = Reader::new(&bytes[..]).with_max_record(1000).collect();
    assert_eq!(kinds(&v), ["warcinfo".to_string(), format!("error@{}", parts[0].len()), "response".into()]);
    assert_eq!(v[1].as_ref().unwrap_err().kind, WarcErrorKind::TooLarge { length: 5000, limit: 1000 });
}

#[test]
fn corrupt_gzip_ends_with_one_error() {
    let parts = crawl();
    let mut gz = gzip_each(&parts[..2]);
    let second = gzip_each(&parts[..1]).len();
    // Damage the deflate data of the second member.
    for b in &mut gz[second + 12..second + 30] {
        *b ^= 0x5a;
    }
    let v = read_gz(&gz);
    assert_eq!(v[0].as_ref().unwrap().kind, "warcinfo");
    assert_eq!(v.len(), 2, "{v:?}");
    let e = v[1].as_ref().unwrap_err();
    assert_eq!(e.offset, parts[0].len() as u64);
}

#[test]
fn empty_and_blank_inputs_have_no_records() {
    assert!(read_all(b"").is_empty());
    assert!(read_all(b"\r\n\r\n\n").is_empty());
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read_all(&bytes);
        let mut prefixed = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n".to_vec();
        prefixed.extend_from_slice(&bytes);
        for r in read_all(&prefixed).iter().flatten() {
            if let Some(Ok(h)) = http_response(r) {
                let _ = h.body(1000);
            }
        }
        let _ = read_gz(&bytes);
    }

    #[test]
    fn truncations_never_panic_and_keep_the_records_before_the_cut(cut in 0usize..2000, gz in any::<bool>()) {
        let parts = crawl();
        let bytes = if gz { gzip_each(&parts) } else { parts.concat() };
        let cut = cut.min(bytes.len());
        let v = if gz { read_gz(&bytes[..cut]) } else { read_all(&bytes[..cut]) };
        let ok = v.iter().take_while(|r| r.is_ok()).count();
        prop_assert!(v.len() <= ok + 1, "at most one error, at the end: {:?}", kinds(&v));
        if !gz {
            let whole = parts.iter().scan(0, |n, p| { *n += p.len(); Some(*n) }).filter(|&end| end <= cut).count();
            prop_assert!(ok >= whole);
        }
        for r in v.iter().flatten() {
            if let Some(Ok(h)) = http_response(r) {
                let _ = h.body(1 << 20);
            }
        }
    }

    #[test]
    fn damaged_http_blocks_never_panic(head in "[ -~\r\n]{0,200}", tail in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut http = head.into_bytes();
        http.extend_from_slice(&tail);
        let rec = Record { kind: "response".into(), target_uri: None, date: None, headers: vec![], block: http, offset: 0 };
        if let Some(Ok(h)) = http_response(&rec) {
            let _ = h.body(1 << 16);
        }
        let mut chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        chunked.extend_from_slice(&tail);
        let rec = Record { block: chunked, ..rec };
        let _ = http_response(&rec).unwrap().map(|h| h.body(1 << 16).map(|b| b.len()));
    }
}
