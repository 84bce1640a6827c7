//! Train the content model on PolNeAR (JSONL, one article a line with its
//! `attributions`): for each cue the rules or the cue detector propose, the
//! candidate whose span best matches the gold content of that cue (Jaccard of
//! code points at least 0.5), else "none". Reports the share of proposals
//! chosen right on a dev split, and writes the weights.
//!
//! usage: train-content --train TRAIN.jsonl [--cue-folds F0.bin,F1.bin] [--dev DEV.jsonl] [--epochs N] [--min-weight W] --out model/content.bin
//!
//! `--cue-folds`: cue detectors, the k-th trained without the articles on lines
//! k, k + n, k + 2n … of TRAIN (n folds), which it then scores.
//!
//! Only hashed features and weights are written: no text of the corpus.

use std::collections::HashMap;
use std::time::Instant;

use dossier_attribution::content::{choose, Proposal};
use dossier_attribution::cues::Model;
use dossier_attribution::training_proposals;
use dossier_language::doc::{tokenise, Doc};

struct Example {
    cands: Vec<Vec<u32>>,
    gold: usize,
    rule: Option<usize>,
}

const TRIM: &str = "\"\u{201c}\u{201d}\u{201e}\u{ab}\u{bb}'\u{2018}\u{2019}` \t\n\r,.;:!?\u{2014}\u{2013}-";

fn trim(text: &[char], (mut s, mut e): (usize, usize)) -> Option<(usize, usize)> {
    while s < e && TRIM.contains(text[s]) {
        s += 1;
    }
    while e > s && TRIM.contains(text[e - 1]) {
        e -= 1;
    }
    (e > s).then_some((s, e))
}

fn jaccard(a: (usize, usize), b: (usize, usize)) -> f64 {
    let i = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let u = (a.1 - a.0) + (b.1 - b.0) - i;
    if u == 0 { 0.0 } else { i as f64 / u as f64 }
}

fn spans(v: &serde_json::Value) -> Vec<(usize, usize)> {
    v.as_array().into_iter().flatten().filter_map(|x| Some((x[0].as_u64()? as usize, x[1].as_u64()? as usize))).collect()
}

/// `cue_models`: the cue detector for the article of each line index (modulo
/// their number), each trained without those articles; the shipped one if none.
fn load(path: &str, cue_models: &[Model]) -> Vec<Example> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (li, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("bad JSON line");
        let body = v["text"].as_str().unwrap_or_default();
        let cue_model = if cue_models.is_empty() { dossier_attribution::cues::shipped() } else { &cue_models[li % cue_models.len()] };
        let chars: Vec<char> = body.chars().collect();
        let t = tokenise(body);
        let doc = Doc::new(body, &t.tokens, &t.sentences);
        // Gold: each attribution's cue pieces and trimmed content pieces.
        let gold: Vec<(Vec<(usize, usize)>, Vec<(usize, usize)>)> = v["attributions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|att| {
                let mut cue = spans(&att["cue_frags"]);
                if cue.is_empty() {
                    cue = spans(&serde_json::json!([att["cue"]]));
                }
                let mut content = spans(&att["content_frags"]);
                if content.is_empty() {
                    content = spans(&serde_json::json!([att["content"]]));
                }
                (cue, content.into_iter().filter_map(|c| trim(&chars, c)).collect())
            })
            .collect();
        let (props, _): (Vec<Proposal>, _) = training_proposals(&doc, cue_model);
        for p in props {
            let h = &t.tokens[p.head];
            let golds: Vec<&Vec<(usize, usize)>> = gold.iter().filter(|(cue, _)| cue.iter().any(|&(s, e)| h.start < e && s < h.end)).map(|(_, c)| c).collect();
            let mut best = (0usize, 0.5f64);
            for (ci, c) in p.cands.iter().enumerate() {
                if c.span.is_none() {
                    continue;
                }
                // Each part is scored on its own: the mean of their best matches.
                let pieces: Vec<(usize, usize)> = if c.parts.is_empty() { c.span.into_iter().collect() } else { c.parts.clone() };
                let q = pieces
                    .iter()
                    .map(|&p| trim(&chars, p).map_or(0.0, |span| golds.iter().flat_map(|g| g.iter()).map(|&g| jaccard(span, g)).fold(0.0, f64::max)))
                    .sum::<f64>()
                    / pieces.len() as f64;
                if q > best.1 + 1e-9 || q >= best.1 && c.rule && q > 0.5 {
                    best = (ci, q);
                }
            }
            let rule = p.cands.iter().position(|c| c.rule);
            out.push(Example { cands: p.cands.into_iter().map(|c| c.feats).collect(), gold: best.0, rule });
        }
    }
    out
}

fn evaluate(name: &str, model: &Model, exs: &[Example]) {
    let (mut right, mut rule_right, mut oracle_some) = (0usize, 0usize, 0usize);
    for ex in exs {
        let p = Proposal { head: 0, cue: (0, 0), rule: None, cands: ex.cands.iter().map(|f| dossier_attribution::content::Cand { span: None, tok: (0, 0), rule: false, parts: Vec::new(), before: false, feats: f.clone() }).collect() };
        right += usize::from(choose(model, &p) == ex.gold);
        rule_right += usize::from(ex.rule.unwrap_or(0) == ex.gold);
        oracle_some += usize::from(ex.gold != 0);
    }
    let n = exs.len().max(1) as f64;
    println!("{name}: {} proposals, {:.1}% chosen right (rules alone {:.1}%), {} with a good candidate", exs.len(), 100.0 * right as f64 / n, 100.0 * rule_right as f64 / n, oracle_some);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let (Some(train), Some(out)) = (arg("--train"), arg("--out")) else {
        eprintln!("usage: train-content --train TRAIN.jsonl [--dev DEV.jsonl] [--epochs N] [--min-weight W] --out model/content.bin");
        std::process::exit(2);
    };
    let min_weight: f32 = arg("--min-weight").and_then(|e| e.parse().ok()).unwrap_or(0.5);
    let epochs: usize = arg("--epochs").and_then(|e| e.parse().ok()).unwrap_or(8);
    let started = Instant::now();
    // Cue detectors trained on the other folds of the training split, so that
    // the cue scores seen in training are like those of unseen articles.
    let folds: Vec<Model> = arg("--cue-folds")
        .map(|f| f.split(',').map(|p| Model::from_bytes(&std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"))).expect("not a cue model")).collect())
        .unwrap_or_default();
    let mut exs = load(&train, &folds);
    let dev = arg("--dev").map(|d| load(&d, &[]));
    println!("train: {} proposals ({:.1}s)", exs.len(), started.elapsed().as_secs_f64());
    let mut w: HashMap<u32, f32> = HashMap::new();
    let mut u: HashMap<u32, f32> = HashMap::new();
    let mut c = 1.0f32;
    let mut seed = 0x2545_f491_u64;
    for epoch in 0..epochs {
        for k in (1..exs.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            exs.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for ex in &exs {
            let score = |f: &Vec<u32>| -> f32 { f.iter().map(|k| w.get(k).copied().unwrap_or(0.0)).sum() };
            let mut pred = 0;
            let mut best = f32::NEG_INFINITY;
            for (ci, f) in ex.cands.iter().enumerate() {
                let s = score(f);
                if s > best {
                    best = s;
                    pred = ci;
                }
            }
            if pred != ex.gold {
                errors += 1;
                for (ci, y) in [(ex.gold, 1.0f32), (pred, -1.0)] {
                    for &k in &ex.cands[ci] {
                        *w.entry(k).or_default() += y;
                        *u.entry(k).or_default() += c * y;
                    }
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
    evaluate("train", &model, &exs);
    if let Some(dev) = &dev {
        evaluate("dev", &model, dev);
    }
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
}
