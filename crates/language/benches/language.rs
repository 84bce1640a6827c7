//! Speed of the language layer on the shipped text samples: `cargo bench -p dossier-language`.
//! Tokens and sentences (`tokenise`), names (the NER tagger, `names::find`), entities
//! (`entities::build`: mentions, roles, pronouns), and the three together, as `analyze` runs them.
//! Throughput is in bytes of text. For the end-to-end comparison with spaCy + textacy, see
//! `bench/compare_spacy.py`.

use divan::counter::BytesCount;
use dossier_language::doc::{tokenise, Doc};
use dossier_language::{entities, names};

const SAMPLES: &[&str] = &["harbor-bridge.txt", "corpus/metro-daily-levy-followup.txt", "corpus/pine-hollow-library-reopens.txt"];

fn main() {
    // Decode the shipped tagger once, outside the measurements.
    let text = sample(SAMPLES[0]);
    let t = tokenise(&text);
    names::find(&Doc::new(&text, &t.tokens, &t.sentences));
    divan::main();
}

fn sample(name: &str) -> String {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("shipped sample")
}

#[divan::bench(args = SAMPLES)]
fn tokenise_text(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    bencher.counter(BytesCount::of_str(&text)).bench(|| tokenise(divan::black_box(&text)));
}

#[divan::bench(args = SAMPLES)]
fn find_names(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    let t = tokenise(&text);
    let doc = Doc::new(&text, &t.tokens, &t.sentences);
    bencher.counter(BytesCount::of_str(&text)).bench(|| names::find(divan::black_box(&doc)));
}

#[divan::bench(args = SAMPLES)]
fn build_entities(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    let t = tokenise(&text);
    let found = names::find(&Doc::new(&text, &t.tokens, &t.sentences));
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| entities::build(divan::black_box(&text), &t.tokens, &t.sentences, &found));
}

/// Tokenise, names and entities, as `dossier_analysis::analyze` runs them.
#[divan::bench(args = SAMPLES)]
fn language_layer(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let text = divan::black_box(text.as_str());
        let t = tokenise(text);
        let found = names::find(&Doc::new(text, &t.tokens, &t.sentences));
        entities::build(text, &t.tokens, &t.sentences, &found)
    });
}
