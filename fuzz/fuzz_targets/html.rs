//! HTML extraction: any text as an HTML body through `dossier_article::extract`
//! (prestrip, the parser, metadata, furniture removal, readability).
#![no_main]

use dossier_document::{Body, Document, Origin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data).into_owned();
    let doc = Document::new(Origin::Stdin, Body::Html(html));
    let (article, _) = dossier_article::extract(&doc, &Default::default());
    let n = article.text.chars().count();
    for p in &article.paragraphs {
        assert!(p.start <= p.end && p.end <= n, "paragraph {p:?} outside a text of {n} code points");
    }
});
