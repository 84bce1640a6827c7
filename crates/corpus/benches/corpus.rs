//! Speed of the corpus functions on the shipped sample corpus (`samples/corpus`, analysed once
//! before any measurement): `cargo bench -p dossier-corpus`.
//! - `fingerprint`: content hash and the shingle signature of each article, as ingest computes them;
//! - `resolve_names`: the corpus's distinct names to corpus entities, at the sample corpus's size and with
//!   its names repeated 10 and 100 times under distinct surnames (how it grows with a larger corpus);
//! - `story_terms_tf_idf`, `story_links`: headline-and-lead terms with their weights, and `story_link` on
//!   every pair of articles.

use divan::counter::{BytesCount, ItemsCount};
use dossier_analysis::{analyze, Analysis, Options};
use dossier_corpus::fingerprint::story_terms;
use dossier_corpus::groups::tf_idf;
use dossier_corpus::{resolve_names, story_link, Fingerprint, MinHash, NameUse, StoryFeatures, SHINGLE_HASHES};
use dossier_document::{load, Origin};
use std::collections::HashMap;
use std::sync::LazyLock;

fn main() {
    LazyLock::force(&CORPUS);
    divan::main();
}

/// Each sample article's decoded body and analysis.
static CORPUS: LazyLock<Vec<(String, Analysis)>> = LazyLock::new(|| {
    let dir = format!("{}/../../samples/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("samples/corpus").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e != "gz")) {
        let bytes = std::fs::read(&path).expect("sample");
        for (_, doc) in load(Origin::File(path.display().to_string()), &bytes, 50 << 20) {
            let doc = doc.expect("sample loads");
            let body = String::from_utf8_lossy(&bytes).into_owned();
            out.push((body, analyze(&doc, &Options::default())));
        }
    }
    out
});

/// Distinct (kind, name) of persons and organisations with the number of articles using each, as the
/// store gathers them; `copies` > 1 repeats them with a distinct surname per copy.
fn name_uses(copies: usize) -> Vec<NameUse> {
    let mut counts: HashMap<(String, String), u64> = HashMap::new();
    for (_, a) in CORPUS.iter() {
        let mut seen = std::collections::HashSet::new();
        for e in &a.entities {
            if matches!(e.kind.as_str(), "person" | "organization") {
                for m in e.mentions.iter().filter(|m| matches!(m.kind, dossier_analysis::MentionKind::Name)) {
                    if seen.insert((e.kind.clone(), m.span.text.clone())) {
                        *counts.entry((e.kind.clone(), m.span.text.clone())).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut uses = Vec::new();
    for copy in 0..copies {
        // "Sobczak" → "Sobczakab" in copy 1: same shape of name, another person.
        let tag: String = if copy == 0 { String::new() } else { format!("{}{}", (b'a' + (copy / 26) as u8) as char, (b'a' + (copy % 26) as u8) as char) };
        for ((kind, name), count) in &counts {
            uses.push(NameUse { kind: kind.clone(), name: format!("{name}{tag}"), count: *count });
        }
    }
    uses.sort_by(|a, b| (&a.kind, &a.name).cmp(&(&b.kind, &b.name)));
    uses
}

#[divan::bench]
fn fingerprint(bencher: divan::Bencher) {
    let bytes: usize = CORPUS.iter().map(|(_, a)| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        CORPUS
            .iter()
            .map(|(body, a)| Fingerprint::new(divan::black_box(body), &a.text).shingles.0[0])
            .fold(0u32, |x, y| x ^ y)
    });
}

/// The shingle signature alone (five-word runs, one-permutation hashing into 128 bins), the near-duplicate
/// test's input.
#[divan::bench]
fn minhash_shingles(bencher: divan::Bencher) {
    let bytes: usize = CORPUS.iter().map(|(_, a)| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        CORPUS.iter().map(|(_, a)| MinHash::of_shingles(divan::black_box(&a.text), 5, SHINGLE_HASHES).0[0]).fold(0u32, |x, y| x ^ y)
    });
}

#[divan::bench(args = [1, 10, 100])]
fn resolve(bencher: divan::Bencher, copies: usize) {
    let uses = name_uses(copies);
    bencher.counter(ItemsCount::new(uses.len())).bench(|| resolve_names(divan::black_box(&uses)));
}

/// Each article's headline-and-lead terms weighted by TF-IDF over the sample corpus, as the store links them.
fn story_features() -> Vec<StoryFeatures> {
    let terms: Vec<Vec<(String, f64)>> = CORPUS.iter().map(|(_, a)| story_terms(a.title.as_deref(), &a.text)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for t in &terms {
        for (term, _) in t {
            *df.entry(term.as_str()).or_default() += 1;
        }
    }
    CORPUS
        .iter()
        .zip(&terms)
        .map(|((body, a), t)| StoryFeatures {
            day: a.published.as_deref().and_then(days_from_civil),
            shingles: Fingerprint::new(body, &a.text).shingles,
            terms: tf_idf(t, terms.len(), |x| df.get(x).copied().unwrap_or(0)),
        })
        .collect()
}

/// Terms of headline and lead (`story_terms`) and their TF-IDF weights, for every article.
#[divan::bench]
fn story_terms_tf_idf(bencher: divan::Bencher) {
    bencher.counter(ItemsCount::new(CORPUS.len())).bench(|| {
        let terms: Vec<Vec<(String, f64)>> =
            CORPUS.iter().map(|(_, a)| story_terms(divan::black_box(a.title.as_deref()), &a.text)).collect();
        let n = terms.len();
        terms.iter().map(|t| tf_idf(t, n, |_| 2).len()).sum::<usize>()
    });
}

/// `story_link` on every pair of sample articles.
#[divan::bench]
fn story_links(bencher: divan::Bencher) {
    let features = story_features();
    let pairs = features.len() * (features.len() - 1) / 2;
    bencher.counter(ItemsCount::new(pairs)).bench(|| {
        let mut links = 0;
        for (i, a) in features.iter().enumerate() {
            for b in &features[i + 1..] {
                links += story_link(divan::black_box(a), b).is_some() as usize;
            }
        }
        links
    });
}

/// Days since 1970-01-01 of an ISO date's `YYYY-MM-DD` prefix.
fn days_from_civil(iso: &str) -> Option<i64> {
    let (y, m, d): (i64, i64, i64) = (iso.get(0..4)?.parse().ok()?, iso.get(5..7)?.parse().ok()?, iso.get(8..10)?.parse().ok()?);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
