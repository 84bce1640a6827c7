//! Speed of the whole pipeline, `dossier_analysis::analyze`, on the shipped samples (documents
//! already in memory): `cargo bench -p dossier-analysis`. Article extraction, the language layer,
//! attribution and times; `extract_only` is the article stage alone, for the difference.
//! Throughput is in bytes of input. The stages have their own benches (`dossier-article`,
//! `dossier-language`, `dossier-attribution`, `dossier-times`); the comparison with spaCy + textacy
//! is `bench/compare_spacy.py`.

use divan::counter::BytesCount;
use dossier_analysis::{analyze, Options};
use dossier_document::{load, Document, Origin};

const SAMPLES: &[&str] = &["harbor-bridge.txt", "council-vote.html", "wire-latin1.html", "corpus/metro-council-transit-levy.html"];

fn main() {
    // Decode the shipped models once, outside the measurements.
    analyze(&sample(SAMPLES[0]).0, &Options::default());
    divan::main();
}

/// The sample's first document and its size in bytes.
fn sample(name: &str) -> (Document, usize) {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("shipped sample");
    (load(Origin::File(path), &bytes, 50 << 20).remove(0).1.expect("sample loads"), bytes.len())
}

#[divan::bench(args = SAMPLES)]
fn full(bencher: divan::Bencher, name: &str) {
    let (doc, size) = sample(name);
    let opts = Options::default();
    bencher.counter(BytesCount::new(size)).bench(|| analyze(divan::black_box(&doc), &opts));
}

#[divan::bench(args = SAMPLES)]
fn extract_only(bencher: divan::Bencher, name: &str) {
    let (doc, size) = sample(name);
    let opts = Options { extract_only: true, ..Options::default() };
    bencher.counter(BytesCount::new(size)).bench(|| analyze(divan::black_box(&doc), &opts));
}

/// Every document of the shipped sample corpus (HTML pages, texts, the JSONL feed), one after another.
#[divan::bench(sample_count = 20)]
fn sample_corpus(bencher: divan::Bencher) {
    let dir = format!("{}/../../samples/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    let mut size = 0;
    for entry in std::fs::read_dir(&dir).expect("samples/corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "gz") {
            continue; // the WARC crawl: read by the warc crate, not `load`
        }
        let bytes = std::fs::read(&path).expect("sample");
        size += bytes.len();
        docs.extend(load(Origin::File(path.display().to_string()), &bytes, 50 << 20).into_iter().filter_map(|(_, d)| d.ok()));
    }
    let opts = Options::default();
    bencher.counter(BytesCount::new(size)).bench(|| docs.iter().map(|d| analyze(divan::black_box(d), &opts).attributions.len()).sum::<usize>());
}
