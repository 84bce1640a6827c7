//! JSONL reading: any text through `dossier_document::split_jsonl`, and the same
//! bytes as a file through the streaming reader `dossier_input::documents`
//! (line by line, with a small line limit), each document through the article
//! stage.
#![no_main]

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use dossier_document::split_jsonl;
use dossier_input::{documents, Input};
use libfuzzer_sys::fuzz_target;

/// One scratch file per fuzzing process.
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| std::env::temp_dir().join(format!("dossier-fuzz-jsonl-{}.jsonl", std::process::id())))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (_, doc) in split_jsonl("fuzz.jsonl", &text) {
        if let Ok(doc) = doc {
            let _ = dossier_article::extract(&doc, &Default::default());
        }
    }

    // The streaming reader, as the CLI uses it: a line limit of 4 KiB so that
    // long lines meet it.
    let path = scratch();
    if let Ok(mut f) = std::fs::File::create(path) {
        if f.write_all(data).is_ok() {
            drop(f);
            for (_, doc) in documents(&Input::File(path.clone()), 4096) {
                if let Ok(doc) = doc {
                    let _ = dossier_article::extract(&doc, &Default::default());
                }
            }
        }
    }
});
