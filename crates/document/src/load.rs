//! Raw bytes of one input to the documents it holds.

use crate::{
    decode_html, decode_text, gunzip, sniff, split_jsonl, warc_error, warc_record, Body, Document, DocumentError, Format, Origin,
};

/// The default size limit for one input: 50 MiB (after decompression).
pub const DEFAULT_MAX_SIZE: u64 = 50 * 1024 * 1024;

/// Turn the raw bytes of one input (a file or standard input) into documents:
/// gzip is decompressed (up to `max_size` bytes), the format is sniffed from the
/// content, HTML and text are decoded to strings, a JSONL input becomes one
/// document per line, and a WARC crawl file one document per archived page (see
/// [`warc_record`]; each record is limited to `max_size` too). Each entry is the origin and either the document or why it
/// could not be read; one bad line does not affect the others.
pub fn load(origin: Origin, bytes: &[u8], max_size: u64) -> Vec<(Origin, Result<Document, DocumentError>)> {
    let fail = |e| vec![(origin.clone(), Err(e))];
    if bytes.len() as u64 > max_size {
        return fail(DocumentError::TooLarge { size: bytes.len() as u64, limit: max_size });
    }
    let unzipped;
    let mut bytes = bytes;
    let mut format = sniff(bytes);
    if format == Format::Gzip {
        unzipped = match gunzip(bytes, max_size) {
            Ok(b) => b,
            Err(e) => return fail(e),
        };
        bytes = &unzipped;
        format = sniff(bytes);
    }
    let doc = |body, warnings| vec![(origin.clone(), Ok(Document { origin: origin.clone(), body, hints: Default::default(), warnings }))];
    match format {
        Format::Empty => fail(DocumentError::Empty),
        Format::Binary | Format::Gzip => fail(DocumentError::Binary),
        Format::Html => {
            let d = decode_html(bytes);
            doc(Body::Html(d.text), d.warnings)
        }
        Format::Text => {
            let d = decode_text(bytes);
            doc(Body::Text(d.text), d.warnings)
        }
        Format::Warc => {
            let container = origin.to_string();
            dossier_warc::Reader::new(bytes)
                .with_max_record(max_size)
                .filter_map(|r| match r {
                    Ok(record) => warc_record(&container, &record, max_size),
                    Err(e) => Some(warc_error(&container, &e)),
                })
                .collect()
        }
        Format::Jsonl => {
            let d = decode_text(bytes);
            let mut docs = split_jsonl(&origin.to_string(), &d.text);
            if let Some((_, Ok(first))) = docs.first_mut() {
                first.warnings.extend(d.warnings);
            }
            docs
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(bytes: &[u8]) -> Result<Document, DocumentError> {
        let mut v = load(Origin::File("f".into()), bytes, 1000);
        assert_eq!(v.len(), 1);
        v.pop().unwrap().1
    }

    #[test]
    fn formats_become_bodies() {
        assert!(matches!(one(b"<html><p>x</p></html>").unwrap().body, Body::Html(_)));
        assert!(matches!(one(b"Just words.").unwrap().body, Body::Text(_)));
        assert_eq!(one(b"").unwrap_err(), DocumentError::Empty);
        assert_eq!(one(b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap_err(), DocumentError::Binary);
        assert!(matches!(one(&[b'a'; 2000]).unwrap_err(), DocumentError::TooLarge { .. }));
    }

    #[test]
    fn gzip_is_opened() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(b"<!doctype html><title>t</title><p>body</p>").unwrap();
        assert!(matches!(one(&e.finish().unwrap()).unwrap().body, Body::Html(_)));
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let d = one(b"Caf\xe9 owners said they would reopen.").unwrap();
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn jsonl_splits() {
        let v = load(Origin::Stdin, b"{\"id\":\"1\",\"text\":\"a\"}\n{\"id\":\"2\",\"text\":\"b\"}\n", 1000);
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].0.to_string(), "<stdin>:2");
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
            let _ = load(Origin::Stdin, &bytes, 1 << 20);
        }
    }
}
