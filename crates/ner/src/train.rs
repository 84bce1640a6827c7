//! Training and evaluation: reading CoNLL-style JSONL, the averaged structured perceptron, entity-level
//! exact-match scoring (as the project's `score_ner.py` and conlleval).

use crate::features::DocState;
use crate::hash::U64Map;
use crate::model::{decode, Model, Scorer, Scratch};
use crate::resources::Resources;
use crate::tags::{spans_to_tags, NT};
use crate::{tag_with, EntityType, Tagger, TokenSpan};
use std::time::Instant;

/// One sentence: its tokens and gold entities.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// Gold entities (token spans).
    pub entities: Vec<TokenSpan>,
    /// Code-point offset of each token in its document's text.
    pub offsets: Vec<usize>,
}

/// One document: its sentences, in order.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Document id from the data.
    pub id: String,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The sentences' tokens, as [`Tagger::tag_document`] takes them.
    pub fn token_refs(&self) -> Vec<Vec<&str>> {
        self.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect()
    }
}

/// Reads JSONL documents `{"id", "text", "entities": [{"start", "end", "type"}]}` whose text is tokens
/// joined by single spaces, one sentence a line, offsets in code points. Entities that do not fall on
/// token boundaries are dropped (counted in the second value returned).
pub fn read_jsonl(text: &str) -> Result<(Vec<Document>, usize), String> {
    let mut docs = Vec::new();
    let mut dropped = 0;
    for (ln, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", ln + 1))?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let body = v["text"].as_str().ok_or_else(|| format!("line {}: no text", ln + 1))?;
        // Token boundaries in code points -> (sentence, token).
        let mut starts: std::collections::HashMap<usize, (usize, usize)> = Default::default();
        let mut ends: std::collections::HashMap<usize, (usize, usize)> = Default::default();
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut cp = 0usize;
        for l in body.split('\n') {
            let mut s = Sentence::default();
            for tok in l.split(' ') {
                let len = tok.chars().count();
                if len > 0 {
                    starts.insert(cp, (sentences.len(), s.tokens.len()));
                    ends.insert(cp + len, (sentences.len(), s.tokens.len()));
                    s.tokens.push(tok.to_string());
                    s.offsets.push(cp);
                }
                cp += len + 1;
            }
            sentences.push(s);
        }
        if let Some(ents) = v["entities"].as_array() {
            for e in ents {
                let (Some(a), Some(b), Some(kind)) = (
                    e["start"].as_u64(),
                    e["end"].as_u64(),
                    e["type"].as_str().and_then(EntityType::from_name),
                ) else {
                    dropped += 1;
                    continue;
                };
                match (starts.get(&(a as usize)), ends.get(&(b as usize))) {
                    (Some(&(s1, t1)), Some(&(s2, t2))) if s1 == s2 && t1 <= t2 => {
                        sentences[s1].entities.push(TokenSpan { start: t1, end: t2 + 1, kind })
                    }
                    _ => dropped += 1,
                }
            }
        }
        sentences.retain(|s| !s.tokens.is_empty());
        docs.push(Document { id, sentences });
    }
    Ok((docs, dropped))
}

/// Entity-level exact-match counts per class.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Correct predictions per class.
    pub tp: [usize; 4],
    /// Predictions per class.
    pub predicted: [usize; 4],
    /// Gold entities per class.
    pub gold: [usize; 4],
}

impl Scores {
    /// Adds the comparison of one sentence's predictions with its gold entities.
    pub fn add(&mut self, gold: &[TokenSpan], predicted: &[TokenSpan]) {
        for g in gold {
            self.gold[g.kind.index()] += 1;
        }
        for p in predicted {
            self.predicted[p.kind.index()] += 1;
            if gold.contains(p) {
                self.tp[p.kind.index()] += 1;
            }
        }
    }

    /// Precision, recall and F1 (fractions) over the given classes.
    pub fn prf(&self, classes: &[EntityType]) -> (f64, f64, f64) {
        let sum = |a: &[usize; 4]| classes.iter().map(|c| a[c.index()]).sum::<usize>() as f64;
        let (tp, pr, go) = (sum(&self.tp), sum(&self.predicted), sum(&self.gold));
        let p = if pr > 0.0 { tp / pr } else { 0.0 };
        let r = if go > 0.0 { tp / go } else { 0.0 };
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }

    /// Overall 4-class F1 (fraction).
    pub fn f1(&self) -> f64 {
        self.prf(&EntityType::ALL).2
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in EntityType::ALL {
            let (p, r, f1) = self.prf(&[c]);
            writeln!(
                f,
                "{:<13} P {:5.1}  R {:5.1}  F1 {:5.1}  (gold {}, predicted {})",
                c.name(),
                100.0 * p,
                100.0 * r,
                100.0 * f1,
                self.gold[c.index()],
                self.predicted[c.index()]
            )?;
        }
        let (p, r, f1) = self.prf(&EntityType::ALL);
        let (_, _, f3) = self.prf(&EntityType::ALL[..3]);
        write!(f, "overall       P {:5.1}  R {:5.1}  F1 {:5.1}  (3-class F1 {:.1})", 100.0 * p, 100.0 * r, 100.0 * f1, 100.0 * f3)
    }
}

/// Predictions for documents in the analysis-contract shape that `score_ner.py` reads, one JSON line each
/// (`{"id", "entities": [{"type", "mentions": [{"start", "end", "text"}]}]}`, code-point offsets).
pub fn predictions_jsonl(tagger: &Tagger, docs: &[Document]) -> String {
    let mut out = String::new();
    for d in docs {
        let pred = tagger.tag_document(&d.token_refs());
        let mut ents = Vec::new();
        for (s, spans) in d.sentences.iter().zip(&pred) {
            for sp in spans {
                let (Some(&a), Some(last)) = (s.offsets.get(sp.start), s.tokens.get(sp.end.wrapping_sub(1))) else {
                    continue;
                };
                let text = s.tokens[sp.start..sp.end].join(" ");
                let end = s.offsets[sp.end - 1] + last.chars().count();
                ents.push(serde_json::json!({"type": sp.kind.name(),
                    "mentions": [{"start": a, "end": end, "text": text}]}));
            }
        }
        out.push_str(&serde_json::json!({"id": d.id, "entities": ents}).to_string());
        out.push('\n');
    }
    out
}

/// Scores a tagger on documents.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> Scores {
    evaluate_with(&tagger.model, tagger.res, docs, tagger.model.off)
}

fn evaluate_with<S: Scorer>(scorer: &S, res: &Resources, docs: &[Document], off: u32) -> Scores {
    let mut sc = Scores::default();
    for d in docs {
        let pred = tag_with(scorer, res, &d.token_refs(), off);
        for (s, p) in d.sentences.iter().zip(&pred) {
            sc.add(&s.entities, p);
        }
    }
    sc
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Maximum number of passes over the training data.
    pub epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    pub patience: usize,
    /// Seed of the document shuffling.
    pub seed: u64,
    /// Feature groups to leave out (bits of [`crate::group`]), for ablations.
    pub without: u32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { epochs: 25, patience: 4, seed: 42, without: 0 }
    }
}

/// The averaged perceptron being trained.
struct Perceptron {
    index: U64Map<u32>,
    keys: Vec<u64>,
    w: Vec<f32>,
    u: Vec<f64>,
    tw: Vec<f32>,
    tu: Vec<f64>,
    c: f64,
}

impl Scorer for Perceptron {
    fn emissions(&self, feats: &[u64], out: &mut [f32]) {
        for k in feats {
            if let Some(&r) = self.index.get(k) {
                let row = &self.w[r as usize * NT..(r as usize + 1) * NT];
                for t in 0..NT {
                    out[t] += row[t];
                }
            }
        }
    }
    fn transitions(&self) -> &[f32] {
        &self.tw
    }
}

impl Perceptron {
    fn new() -> Self {
        Perceptron {
            index: U64Map::default(),
            keys: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            tw: vec![0.0; (NT + 1) * NT],
            tu: vec![0.0; (NT + 1) * NT],
            c: 1.0,
        }
    }

    fn row(&mut self, k: u64) -> usize {
        let n = self.keys.len();
        let r = *self.index.entry(k).or_insert(n as u32) as usize;
        if r == n {
            self.keys.push(k);
            self.w.resize(self.w.len() + NT, 0.0);
            self.u.resize(self.u.len() + NT, 0.0);
        }
        r
    }

    fn bump(&mut self, feats: &[u64], t: usize, d: f32) {
        for &k in feats {
            let r = self.row(k);
            self.w[r * NT + t] += d;
            self.u[r * NT + t] += self.c * d as f64;
        }
    }

    fn bump_trans(&mut self, prev: Option<u8>, cur: u8, d: f32) {
        let i = prev.map_or(NT, |p| p as usize) * NT + cur as usize;
        self.tw[i] += d;
        self.tu[i] += self.c * d as f64;
    }

    fn update(&mut self, st: &DocState, gold: &[u8], pred: &[u8]) {
        for i in 0..gold.len() {
            let f = &st.feats[st.offs[i]..st.offs[i + 1]];
            if gold[i] != pred[i] {
                self.bump(f, gold[i] as usize, 1.0);
                self.bump(f, pred[i] as usize, -1.0);
            }
            let gp = if i == 0 { None } else { Some(gold[i - 1]) };
            let pp = if i == 0 { None } else { Some(pred[i - 1]) };
            if (gp, gold[i]) != (pp, pred[i]) {
                self.bump_trans(gp, gold[i], 1.0);
                self.bump_trans(pp, pred[i], -1.0);
            }
        }
    }

    fn averaged(&self, fingerprint: u64, off: u32) -> Model {
        let avg: Vec<f32> = self.w.iter().zip(&self.u).map(|(w, u)| (*w as f64 - u / self.c) as f32).collect();
        let trans: Vec<f32> = self.tw.iter().zip(&self.tu).map(|(w, u)| (*w as f64 - u / self.c) as f32).collect();
        Model::quantize(&self.keys, &avg, trans, fingerprint, off)
    }
}

/// A small deterministic PRNG (xorshift64*) for shuffling.
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed >> 12;
        *seed ^= *seed << 25;
        *seed ^= *seed >> 27;
        let r = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
        v.swap(i, (r % (i as u64 + 1)) as usize);
    }
}

/// Trains on `train`, picks the epoch with the best F1 on `dev` (evaluating the quantized model that is
/// returned, so the figures match what ships) and returns it with its dev scores. Progress goes to stderr.
pub fn train(train: &[Document], dev: &[Document], cfg: TrainConfig) -> Result<(Tagger, Scores), String> {
    let res = Resources::get()?;
    let gold: Vec<Vec<Vec<u8>>> = train
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    let spans: Vec<_> = s.entities.iter().map(|e| (e.start, e.end, e.kind.index())).collect();
                    spans_to_tags(s.tokens.len(), &spans)
                })
                .collect()
        })
        .collect();
    let mut p = Perceptron::new();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = crate::hash::fmix(cfg.seed ^ 0x9e37_79b9_7f4a_7c15) | 1;
    let mut best: Option<(Model, Scores, usize)> = None;
    let mut scratch = Scratch::default();
    let t0 = Instant::now();
    for epoch in 1..=cfg.epochs {
        shuffle(&mut order, &mut seed);
        let mut errors = 0usize;
        for &d in &order {
            let toks = train[d].token_refs();
            let mut st = DocState::new(res, &toks, cfg.without);
            for s in 0..st.len() {
                st.extract(s);
                decode(&p, &st, &mut scratch);
                let g = &gold[d][s];
                if scratch.tags != *g {
                    errors += 1;
                    p.update(&st, g, &scratch.tags);
                }
                p.c += 1.0;
                st.remember(s, &scratch.tags);
            }
        }
        let model = p.averaged(res.fingerprint, cfg.without);
        let sc = evaluate_with(&model, res, dev, cfg.without);
        eprintln!(
            "epoch {epoch:2}: {errors} sentences wrong, {} features, dev F1 {:.2}  ({:.0}s)",
            model.n_features(),
            100.0 * sc.f1(),
            t0.elapsed().as_secs_f64()
        );
        let better = !best.as_ref().is_some_and(|(_, b, _)| sc.f1() <= b.f1());
        if better {
            best = Some((model, sc, epoch));
        } else if best.as_ref().is_some_and(|(_, _, e)| epoch - e >= cfg.patience) {
            break;
        }
    }
    let (model, sc, epoch) = best.ok_or("no epochs")?;
    eprintln!("best epoch {epoch}");
    Ok((Tagger { model, res }, sc))
}
