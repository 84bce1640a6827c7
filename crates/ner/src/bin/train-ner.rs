//! Trains the named-entity tagger and writes the model.
//!
//! usage: train-ner --train TRAIN.jsonl --dev DEV.jsonl --out MODEL.bin [--epochs N] [--seed N]
//!        [--without clusters,gazetteers,document,history]
//!        [--predictions DEV_PREDICTIONS.jsonl]

use dossier_ner::train::{evaluate, read_jsonl, train, TrainConfig};
use dossier_ner::Tagger;
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("train-ner: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut train_path, mut dev_path, mut out, mut pred_out) = (None, None, None, None);
    let mut cfg = TrainConfig::default();
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--train" => train_path = Some(val()?),
            "--dev" => dev_path = Some(val()?),
            "--out" => out = Some(val()?),
            "--predictions" => pred_out = Some(val()?),
            "--epochs" => cfg.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--without" => {
                for name in val()?.split(',') {
                    let (_, bit) = dossier_ner::group::NAMES
                        .iter()
                        .find(|(n, _)| *n == name)
                        .ok_or(format!("--without: unknown group {name} (clusters, gazetteers, document, history)"))?;
                    cfg.without |= bit;
                }
            }
            "--seed" => cfg.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            _ => return Err(format!("unknown argument {a}\nusage: train-ner --train T.jsonl --dev D.jsonl --out M.bin")),
        }
    }
    let (train_path, dev_path, out) = (
        train_path.ok_or("--train is required")?,
        dev_path.ok_or("--dev is required")?,
        out.ok_or("--out is required")?,
    );
    let read = |p: &str| -> Result<_, String> {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?;
        let (docs, dropped) = read_jsonl(&text).map_err(|e| format!("{p}: {e}"))?;
        if dropped > 0 {
            eprintln!("{p}: {dropped} entities not on token boundaries, dropped");
        }
        Ok(docs)
    };
    let t0 = Instant::now();
    let train_docs = read(&train_path)?;
    let dev_docs = read(&dev_path)?;
    let (tagger, _) = train(&train_docs, &dev_docs, cfg)?;
    let bytes = tagger.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    // Score the model exactly as written.
    let reloaded = Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let t1 = Instant::now();
    let scores = evaluate(&reloaded, &dev_docs);
    let secs = t1.elapsed().as_secs_f64();
    let n_tok: usize = dev_docs.iter().flat_map(|d| &d.sentences).map(|s| s.tokens.len()).sum();
    if let Some(p) = pred_out {
        let jsonl = dossier_ner::train::predictions_jsonl(&reloaded, &dev_docs);
        std::fs::write(&p, jsonl).map_err(|e| format!("{p}: {e}"))?;
    }
    println!("dev (entity-level exact match):\n{scores}");
    println!("tagging the dev set: {n_tok} tokens in {secs:.3} s, {:.0} tokens/s (one core)", n_tok as f64 / secs);
    println!(
        "model: {} features, {} bytes; training took {:.0} s",
        reloaded.feature_count(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}
