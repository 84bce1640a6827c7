//! Speed of the article stage on the shipped samples (pages already in memory):
//! `cargo bench -p dossier-article`. For the end-to-end comparison with
//! trafilatura on the 181-page benchmark, see `bench/compare_trafilatura.py`.

use dossier_article::{extract, Options};
use dossier_document::{load, Document, Origin};

fn main() {
    divan::main();
}

fn sample(name: &str) -> Document {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("shipped sample");
    load(Origin::File(path), &bytes, 50 << 20).remove(0).1.expect("sample loads")
}

#[divan::bench(args = ["council-vote.html", "wire-latin1.html", "harbor-bridge.txt"])]
fn article_stage(bencher: divan::Bencher, name: &str) {
    let doc = sample(name);
    bencher.bench(|| extract(divan::black_box(&doc), &Options::default()));
}

#[divan::bench(args = ["council-vote.html", "wire-latin1.html"])]
fn load_and_decode(bencher: divan::Bencher, name: &str) {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).expect("shipped sample");
    bencher.bench(|| load(Origin::Stdin, divan::black_box(&bytes), 50 << 20));
}
