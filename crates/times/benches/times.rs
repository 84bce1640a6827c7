//! Speed of time-expression finding and resolution on the shipped text samples:
//! `cargo bench -p dossier-times`. Throughput is in bytes of text.

use divan::counter::BytesCount;

const SAMPLES: &[&str] = &["harbor-bridge.txt", "corpus/metro-daily-levy-followup.txt", "corpus/pine-hollow-library-reopens.txt"];

fn main() {
    divan::main();
}

fn sample(name: &str) -> String {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("shipped sample")
}

/// Find and resolve against a publication date, as `analyze` does.
#[divan::bench(args = SAMPLES)]
fn find(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    dossier_times::find(&text, Some("2025-03-07")); // compile the patterns outside the measurements
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| dossier_times::find(divan::black_box(&text), Some("2025-03-07")));
}

/// Without a publication date (relative expressions stay unresolved).
#[divan::bench(args = SAMPLES)]
fn find_undated(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    dossier_times::find(&text, None);
    bencher.counter(BytesCount::of_str(&text)).bench(|| dossier_times::find(divan::black_box(&text), None));
}
