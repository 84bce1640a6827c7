//! Speed of the attribution stage on the shipped text samples: `cargo bench -p dossier-attribution`.
//! `resolve` (cues, sources, contents, and the entity merges it makes) on a text already
//! tokenised, with its names and entities found, as `dossier_analysis::analyze` calls it.
//! Throughput is in bytes of text.

use divan::counter::BytesCount;
use dossier_attribution::resolve;
use dossier_language::doc::{tokenise, Doc, Tokenised};
use dossier_language::entities::{self, Entity};
use dossier_language::names;

const SAMPLES: &[&str] = &["harbor-bridge.txt", "corpus/metro-daily-levy-followup.txt", "corpus/pine-hollow-library-reopens.txt"];

fn main() {
    // Decode the shipped models (tagger, cue and content models) once, outside the measurements.
    let (text, t, found) = prepared(SAMPLES[0]);
    resolve(&Doc::new(&text, &t.tokens, &t.sentences), found);
    divan::main();
}

/// A sample's text, tokens and sentences, and entities.
fn prepared(name: &str) -> (String, Tokenised, Vec<Entity>) {
    let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("shipped sample");
    let t = tokenise(&text);
    let found = names::find(&Doc::new(&text, &t.tokens, &t.sentences));
    let ents = entities::build(&text, &t.tokens, &t.sentences, &found);
    (text, t, ents)
}

#[divan::bench(args = SAMPLES)]
fn resolve_attributions(bencher: divan::Bencher, name: &str) {
    let (text, t, ents) = prepared(name);
    let doc = Doc::new(&text, &t.tokens, &t.sentences);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| ents.clone())
        .bench_values(|ents| resolve(divan::black_box(&doc), ents));
}
