//! Input sniffing and decoding: any bytes (gzip, HTML in any charset, text,
//! JSONL, WARC, binary) through `dossier_document::load`, then the article
//! stage on every document it gives.
#![no_main]

use dossier_document::{load, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let entries = load(Origin::File("fuzz".into()), data, 1 << 20);
    for (_, doc) in entries {
        if let Ok(doc) = doc {
            let _ = dossier_article::extract(&doc, &Default::default());
        }
    }
});
