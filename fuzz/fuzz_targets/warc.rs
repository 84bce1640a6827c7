//! WARC reading: any bytes through `dossier_warc::Reader` (every record, the
//! HTTP response it holds and its decoded body), and through
//! `dossier_document::load` (with a `WARC/1.0` line put in front half of the
//! time, so the fuzzer need not find it).
#![no_main]

use dossier_document::{load, Origin};
use libfuzzer_sys::fuzz_target;

const LIMIT: u64 = 1 << 20;

fuzz_target!(|data: &[u8]| {
    let (prefixed, data) = match data.split_first() {
        Some((&flag, rest)) => (flag & 1 == 1, rest),
        None => (false, data),
    };
    let mut bytes = Vec::with_capacity(data.len() + 16);
    if prefixed {
        bytes.extend_from_slice(b"WARC/1.0\r\n");
    }
    bytes.extend_from_slice(data);

    let mut reader = dossier_warc::Reader::new(&bytes[..]).with_max_record(LIMIT);
    let mut records = 0;
    for r in reader.by_ref() {
        records += 1;
        assert!(records <= bytes.len() + 1, "more records than bytes: the reader does not advance");
        if let Ok(record) = r {
            assert!(record.block.len() as u64 <= LIMIT);
            if let Some(Ok(resp)) = dossier_warc::http_response(&record) {
                let _ = resp.mime_type();
                let _ = resp.charset();
                if let Ok(body) = resp.body(LIMIT) {
                    assert!(body.len() as u64 <= LIMIT, "body over the limit");
                }
            }
        }
    }
    assert!(reader.position() <= bytes.len() as u64);

    for (_, doc) in load(Origin::File("fuzz.warc".into()), &bytes, LIMIT) {
        if let Ok(doc) = doc {
            let _ = dossier_article::extract(&doc, &Default::default());
        }
    }
});
