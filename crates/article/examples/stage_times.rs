//! CPU time of the HTML path's parts on a directory of pages, one thread,
//! pages already in memory: `cargo run --release -p dossier-article --example
//! stage_times -- DIR`. Prints seconds for parsing alone, dom_smoothie alone,
//! and the whole article stage.

use std::time::Instant;

use dossier_document::{load, Origin};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stage_times DIR");
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&dir).expect("readable directory") {
        let p = e.expect("entry").path();
        let bytes = std::fs::read(&p).expect("readable file");
        for (_, d) in load(Origin::File(p.display().to_string()), &bytes, 50 << 20) {
            if let Ok(d) = d {
                pages.push(d);
            }
        }
    }
    let html: Vec<&str> = pages
        .iter()
        .filter_map(|d| match &d.body {
            dossier_document::Body::Html(h) => Some(h.as_str()),
            _ => None,
        })
        .collect();
    let t = Instant::now();
    for h in &html {
        std::hint::black_box(dom_query::Document::from(*h));
    }
    println!("parse only      {:.3} s ({} pages)", t.elapsed().as_secs_f64(), html.len());
    let t = Instant::now();
    for h in &html {
        let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
        let mut r = dom_smoothie::Readability::new(*h, None, Some(cfg)).unwrap();
        std::hint::black_box(r.parse().ok());
    }
    println!("dom_smoothie    {:.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    for d in &pages {
        std::hint::black_box(dossier_article::extract(d, &Default::default()));
    }
    println!("article stage   {:.3} s", t.elapsed().as_secs_f64());
}
