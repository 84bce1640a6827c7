//! Train the cue detector on PolNeAR (JSONL, one article a line with its
//! `attributions`), report its token-level precision and recall on a dev
//! split, and write the weights.
//!
//! usage: train-cues --dump ARTICLES.jsonl [--model M]   (scores, for error analysis)
//!        train-cues --train TRAIN.jsonl [--dev DEV.jsonl] [--epochs N] [--min-weight W] --out model/cues.bin
//!
//! Only hashed features and weights are written: no text of the corpus.

use std::collections::HashMap;
use std::time::Instant;

use dossier_attribution::cues::{candidate, features, scores_with, token_info, Model, PARTICLES};
use dossier_language::doc::{tokenise, Doc};

struct Example {
    feats: Vec<u32>,
    gold: bool,
}

/// Feature vectors and labels of every candidate token of a file's articles.
fn load(path: &str) -> Vec<Vec<Example>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("bad JSON line");
        let body = v["text"].as_str().unwrap_or_default();
        let t = tokenise(body);
        let doc = Doc::new(body, &t.tokens, &t.sentences);
        let mut heads = vec![false; t.tokens.len()];
        for att in v["attributions"].as_array().into_iter().flatten() {
            let frags: Vec<(usize, usize)> = match att["cue_frags"].as_array() {
                Some(f) if !f.is_empty() => f.iter().filter_map(|x| Some((x[0].as_u64()? as usize, x[1].as_u64()? as usize))).collect(),
                _ => att["cue"].as_array().and_then(|x| Some(vec![(x[0].as_u64()? as usize, x[1].as_u64()? as usize)])).unwrap_or_default(),
            };
            // The head: the last word of the cue that is not a particle.
            let inside: Vec<usize> = (0..t.tokens.len()).filter(|&k| candidate(&doc, k) && frags.iter().any(|&(s, e)| t.tokens[k].start >= s && t.tokens[k].end <= e)).collect();
            let head = inside.iter().rev().find(|&&k| !PARTICLES.contains(&doc.lower(k).as_str())).or(inside.last());
            if let Some(&h) = head {
                heads[h] = true;
            }
        }
        let mut ex = Vec::new();
        let info = token_info(&doc);
        for (i, &gold) in heads.iter().enumerate() {
            if candidate(&doc, i) {
                let mut feats = Vec::new();
                features(&doc, &info, i, &mut feats);
                ex.push(Example { feats, gold });
            }
        }
        docs.push(ex);
    }
    docs
}

fn evaluate(model: &Model, docs: &[Vec<Example>]) {
    // Recall at a fixed precision: comparable across models whose scales differ.
    let mut scored: Vec<(f32, bool)> = docs.iter().flatten().map(|ex| (model.score(&ex.feats), ex.gold)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total = scored.iter().filter(|x| x.1).count().max(1);
    let mut line = String::from("  recall at precision");
    for target in [0.95, 0.90, 0.85, 0.80] {
        let (mut tp, mut best, mut at) = (0usize, 0usize, f32::INFINITY);
        for (k, &(s, g)) in scored.iter().enumerate() {
            tp += usize::from(g);
            if tp as f64 >= target * (k + 1) as f64 && tp > best {
                best = tp;
                at = s;
            }
        }
        line += &format!(" {:.0}: {:.1} (score {at:.1});", 100.0 * target, 100.0 * best as f64 / total as f64);
    }
    println!("{line}");
    for th in [-5.0f32, 0.0, 5.0, 10.0, 15.0] {
        let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
        for ex in docs.iter().flatten() {
            let p = model.score(&ex.feats) > th;
            match (p, ex.gold) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fnn += 1,
                _ => {}
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fnn).max(1) as f64;
        println!("  threshold {th:5.1}: P {:5.1} R {:5.1} F1 {:5.1}", 100.0 * p, 100.0 * r, 200.0 * p * r / (p + r).max(1e-9));
    }
}

/// For error analysis: a model's score of every word token of each article,
/// one JSON line an article (`{"id", "tokens": [[start, end, score]]}`).
fn dump(path: &str, model: &Model) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("bad JSON line");
        let body = v["text"].as_str().unwrap_or_default();
        let t = tokenise(body);
        let doc = Doc::new(body, &t.tokens, &t.sentences);
        let scores = scores_with(&doc, model);
        let toks: Vec<serde_json::Value> = (0..t.tokens.len()).filter(|&k| scores[k].is_finite()).map(|k| serde_json::json!([t.tokens[k].start, t.tokens[k].end, scores[k]])).collect();
        println!("{}", serde_json::json!({"id": v["id"], "tokens": toks}));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    if let Some(path) = arg("--dump") {
        // The model given, else the one built into this binary.
        let model = match arg("--model") {
            Some(m) => Model::from_bytes(&std::fs::read(&m).unwrap_or_else(|e| panic!("{m}: {e}"))).expect("not a cue model"),
            None => dossier_attribution::cues::shipped().clone(),
        };
        dump(&path, &model);
        return;
    }
    let (Some(train), Some(out)) = (arg("--train"), arg("--out")) else {
        eprintln!("usage: train-cues --train TRAIN.jsonl [--dev DEV.jsonl] [--epochs N] [--min-weight W] --out model/cues.bin");
        std::process::exit(2);
    };
    let min_weight: f32 = arg("--min-weight").and_then(|e| e.parse().ok()).unwrap_or(1.0);
    let epochs: usize = arg("--epochs").and_then(|e| e.parse().ok()).unwrap_or(6);
    let started = Instant::now();
    let mut docs = load(&train);
    let dev = arg("--dev").map(|d| load(&d));
    let n: usize = docs.iter().map(Vec::len).sum();
    let pos = docs.iter().flatten().filter(|e| e.gold).count();
    println!("train: {} articles, {n} tokens, {pos} cue heads ({:.1}s)", docs.len(), started.elapsed().as_secs_f64());
    // Averaged perceptron with lazy averaging: w is the current weight, u the
    // sum of c * update, so the average is w - u / c.
    let mut w: HashMap<u32, f32> = HashMap::new();
    let mut u: HashMap<u32, f32> = HashMap::new();
    let mut c = 1.0f32;
    let mut seed = 0x2545_f491_u64;
    for epoch in 0..epochs {
        // Shuffle the articles (xorshift).
        for k in (1..docs.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            docs.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for ex in docs.iter().flatten() {
            let s: f32 = ex.feats.iter().map(|k| w.get(k).copied().unwrap_or(0.0)).sum();
            let y = if ex.gold { 1.0 } else { -1.0 };
            if s * y <= 0.0 {
                errors += 1;
                for &k in &ex.feats {
                    *w.entry(k).or_default() += y;
                    *u.entry(k).or_default() += c * y;
                }
            }
            c += 1.0;
        }
        println!("epoch {}: {errors} mistakes", epoch + 1);
    }
    let avg: HashMap<u32, f32> = w.iter().map(|(&k, &x)| (k, x - u.get(&k).copied().unwrap_or(0.0) / c)).filter(|&(_, x)| x.abs() >= min_weight).collect();
    let model = Model::from_weights(avg);
    let bytes = model.to_bytes();
    let model = Model::from_bytes(&bytes).expect("round trip");
    println!("features {}, {} bytes, trained in {:.1}s", model.len(), bytes.len(), started.elapsed().as_secs_f64());
    println!("train:");
    evaluate(&model, &docs);
    if let Some(dev) = &dev {
        println!("dev:");
        evaluate(&model, dev);
    }
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
}
