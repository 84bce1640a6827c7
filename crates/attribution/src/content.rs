//! A learned content model: for each cue (a rule's, or a word the cue
//! detector scores above `LOW_CUE`), an averaged perceptron chooses the
//! content among candidate spans — the rules' own content, the rest of the
//! sentence, the "that"-clause, the clause up to the next comma, a quotation
//! after or before the cue, the sentence's start before the source, the
//! sentence before or after — or none at all (the cue is a false one).
//!
//! Features are hashed (as in `cues`): the candidate's kinds, conjoined with
//! the cue's word and score, the candidate's length, its first and last words
//! and those around it, whether it ends the sentence, quotes in it. Trained
//! on PolNeAR's training split by `train-content` (see the crate's README);
//! the weights ship in `model/content.bin`.

use std::sync::LazyLock;

use dossier_language::doc::Doc;

use crate::cues::{Fnv, Model, PARTICLES};
use crate::lexicon::is_speech_verb;
use crate::{chars, ends_content, inner_participle, first_closing_from, inside_quote, is_quote_mark, kind_of, subject, trim, Attribution, Kind, Quote, SourceType};

static SHIPPED: &[u8] = include_bytes!("../model/content.bin");

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::from_bytes(SHIPPED).unwrap_or_default());

/// The shipped model.
pub fn shipped() -> &'static Model {
    &MODEL
}

/// A word no rule takes as a cue is proposed to the content model when the
/// cue detector scores it above this.
/// (Tuned on PolNeAR dev: from 10 to -3 the proposals add 134 contents, 83
/// of them true, jaccard50 F1 66.8 -> 68.0; lower ones add no more and false
/// ones to the seed article: "seeking his help", "Khamenei has authorized".)
pub const LOW_CUE: f32 = -3.0;

/// The model is trained on the proposals above this (the cues the rules'
/// threshold would nearly take): trained on those above `LOW_CUE` too, it
/// chooses worse on dev (jaccard50 F1 67.6 against 67.8 for a retrain on
/// these; the shipped model, trained before the latest rules, 68.0) and
/// takes false attributions in the seed article.
pub const TRAIN_LOW_CUE: f32 = 10.0;

/// The rules' attribution is dropped only when "none" beats every candidate
/// by more than this (the model's "none" is too eager on PolNeAR dev: the
/// scorer pairs contents whatever their cue, so a rule's content may match a
/// gold content whose cue is another word).
pub const DROP_MARGIN: f32 = -50.0;

/// One candidate content of a cue.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Code points, end exclusive (`None`: no attribution).
    pub span: Option<(usize, usize)>,
    /// Token range (for the kind and the source).
    pub tok: (usize, usize),
    /// The rules' own content (with its parts, source and kind).
    pub rule: bool,
    /// The rules' parts (code points), when the cue interrupts the content.
    pub parts: Vec<(usize, usize)>,
    /// Lies before the cue (the source is between it and the cue).
    pub before: bool,
    /// Hashed features.
    pub feats: Vec<u32>,
}

/// A cue and its candidate contents.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// The cue's head token.
    pub head: usize,
    /// The cue (tokens).
    pub cue: (usize, usize),
    /// The index of the rules' attribution, if any.
    pub rule: Option<usize>,
    /// The candidates; the first is "none".
    pub cands: Vec<Cand>,
}

fn bucket_len(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2..=3 => "2-3",
        4..=7 => "4-7",
        8..=15 => "8-15",
        16..=30 => "16-30",
        _ => "31+",
    }
}

fn bucket_score(s: f32) -> &'static str {
    if s < -10.0 {
        "<-10"
    } else if s < 0.0 {
        "-10..0"
    } else if s < 5.0 {
        "0..5"
    } else if s < 8.0 {
        "5..8"
    } else if s < 15.0 {
        "8..15"
    } else {
        "15+"
    }
}

/// `true` or `false`, as a feature's value.
fn tf(x: bool) -> &'static str {
    if x {
        "true"
    } else {
        "false"
    }
}

/// Feature strings written end to end into one buffer: no `String` per
/// feature (a proposal has a few dozen per candidate).
#[derive(Default)]
struct FeatureText {
    text: String,
    ends: Vec<usize>,
}

impl FeatureText {
    fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Adds one feature: the concatenation of `parts`.
    fn add(&mut self, parts: &[&str]) {
        for p in parts {
            self.text.push_str(p);
        }
        self.ends.push(self.text.len());
    }

    /// Adds one feature: `name` then a number in decimal.
    fn add_number(&mut self, name: &str, v: isize) {
        use std::fmt::Write;
        self.text.push_str(name);
        // Writing into a String cannot fail.
        let _ = write!(self.text, "{v}");
        self.ends.push(self.text.len());
    }

    /// The number of features.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The features, in the order they were added.
    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let f = &self.text[start..end];
            start = end;
            f
        })
    }
}

/// The cue's head: its last word that is not a particle.
pub fn head_of(doc: &Doc, (cs, ce): (usize, usize)) -> usize {
    (cs..ce).rev().find(|&k| !PARTICLES.contains(&doc.low(k)) && doc.w(k).chars().any(char::is_alphabetic)).unwrap_or(cs)
}

/// The proposals of a document: one per rule attribution with a cue of
/// speech (not "according to", not "declined to comment"), and one per word
/// the detector scores above `low_cue` outside every rule cue (`LOW_CUE` in
/// the pipeline, `TRAIN_LOW_CUE` for training).
pub(crate) fn proposals(doc: &Doc, quotes: &[Quote], scores: &[f32], rules: &[Attribution], low_cue: f32) -> Vec<Proposal> {
    let mut out = Vec::new();
    let mut in_cue = vec![false; doc.tokens.len()];
    // Which tokens are verbs of saying, looked up once: the candidates of
    // every cue ask it of each of their tokens.
    let speech: Vec<bool> = (0..doc.tokens.len()).map(|k| is_speech_verb(doc.low(k))).collect();
    for (ri, att) in rules.iter().enumerate() {
        let Some((cs, ce)) = att.cue else { continue };
        for k in cs..ce.min(in_cue.len()) {
            in_cue[k] = true;
        }
        let head = head_of(doc, (cs, ce));
        // "according to", "declined to comment" and the layout's cues (a
        // speaker's colon, a signature's dash) keep the rules' content.
        if matches!(att.kind, Kind::NoComment | Kind::AccordingTo) || !doc.w(head).chars().any(char::is_alphabetic) {
            continue;
        }
        out.push(proposal(doc, quotes, scores, &speech, head, (cs, ce), Some((ri, att))));
    }
    for i in 0..doc.tokens.len() {
        if in_cue[i] || !(scores[i] > low_cue) || inside_quote(quotes, i) {
            continue;
        }
        // A cue inside a rule attribution's content (nested speech) is left to the rules.
        // ("“We'll see,” he told CNN when asked whether …": the question
        // after a quotation is the asker's, whatever content the model keeps.)
        let asked = i > 0 && doc.low(i) == "asked" && doc.low(i - 1) == "when";
        let nested = !asked && rules.iter().any(|r| r.content.is_some_and(|(s, e)| doc.tokens[i].start >= s && doc.tokens[i].end <= e));
        let w = doc.low(i);
        // "Hatch said Thursday that …": a day or a name is no cue.
        let named = i > doc.sentence_start(i) && doc.w(i).chars().next().is_some_and(char::is_uppercase);
        // ("reported last month that …": nor a unit of time.)
        if w == "according" || nested || named || crate::is_time_unit(w) || crate::is_time_word(w) {
            continue;
        }
        let a = doc.sentence_start(i);
        // "competing to demonstrate that": an infinitive is rarely a cue (57
        // of PolNeAR train's 19,831 cues follow "to"), and its subject is not before it.
        if i > a && doc.low(i - 1) == "to" {
            continue;
        }
        let cs = crate::cue_start(doc, a, i);
        // "countries, who worry that …": a weak cue in a relative clause
        // describes its noun's view rather than reporting it: the seed
        // article's labels say so, PolNeAR's often do not (this costs 0.1
        // jaccard50 F1 on its dev and train sets).
        if cs > a && matches!(doc.low(cs - 1), "who" | "which") {
            continue;
        }
        let mut ce = i + 1;
        // (Not "on" before a time: "apologized on Saturday after …".)
        if matches!(doc.low(ce), "for" | "on" | "against" | "out" | "about" | "up") && !crate::on_a_time(doc, ce) {
            ce += 1;
        }
        // Words of saying used otherwise ("a statement emailed to the paper",
        // "known for"), and "Asked afterward whether …, she said": the
        // question, not the answer (as a rule's cue PolNeAR often has it:
        // dropping those from the rules too cost 0.1).
        let asked = i == a && doc.low(i) == "asked";
        if crate::describes_document(doc, a, i) || crate::not_a_cue_here(doc, a, i) || asked {
            continue;
        }
        // "The aides spoke on condition of anonymity": how they spoke, not what.
        if doc.low(ce) == "condition" && doc.low(ce + 1) == "of" {
            continue;
        }
        out.push(proposal(doc, quotes, scores, &speech, i, (cs, ce), None));
    }
    out
}

/// The candidates of one cue and their features (`speech`: whether each
/// token is a verb of saying).
fn proposal(doc: &Doc, quotes: &[Quote], scores: &[f32], speech: &[bool], head: usize, (cs, ce): (usize, usize), rule: Option<(usize, &Attribution)>) -> Proposal {
    let a = doc.sentence_start(head);
    let b = doc.sentence_end(head);
    let n = doc.tokens.len();
    let si = doc.sentence_of[head];
    let mut cands: Vec<(Vec<&'static str>, (usize, usize), bool)> = Vec::new();
    // A candidate no longer than a quotation may be (a run-on text of
    // unclosed quotations is one sentence: its rest is no content).
    let mut add = |tag: &'static str, x: usize, y: usize, before: bool| {
        if x < y && y <= n && y - x <= crate::MAX_UNCLOSED_QUOTE_TOKENS {
            cands.push((vec![tag], (x, y), before));
        }
    };
    let first_comma = |from: usize| (from + 1..b).find(|&k| doc.w(k) == "," && !inside_quote(quotes, k)).unwrap_or(b);
    let first_end = |from: usize| {
        (from + 1..b)
            .find_map(|k| {
                if inside_quote(quotes, k) || inner_participle(doc, from, k) {
                    return None;
                }
                // A comma inside a closing mark: the mark stays in ("…me,'' according to").
                let mark = k > from + 1 && k + 1 < b && crate::comma_mark_ends(doc, k, false);
                (ends_content(doc, k, false) || mark).then_some(if mark { k + 1 } else { k })
            })
            .unwrap_or(b)
    };
    // After the cue.
    if ce < b {
        add("rest", ce, b, false);
        add("rest-comma", ce, first_comma(ce), false);
        add("rest-end", ce, first_end(ce), false);
        if let Some(t) = (ce..(ce + 8).min(b)).find(|&k| doc.low(k) == "that" || doc.w(k) == ":") {
            add("that", t + 1, b, false);
            add("that-comma", t + 1, first_comma(t + 1), false);
            add("that-end", t + 1, first_end(t + 1), false);
        }
        if let Some(t) = (ce..(ce + 3).min(b)).find(|&k| matches!(doc.w(k), "“" | "\"")) {
            if let Some(q) = crate::quote_at(quotes, t) {
                add("quote-after", t, q.close + 1, false);
            }
        }
    }
    // Before the cue: the sentence's start up to the comma or quote that ends the content.
    if cs > a {
        let mut k = cs;
        // "…, Erin Murphy, a former aide, said.": the rules' source between
        // the content and the cue is left out.
        if let Some((ss, _)) = rule.and_then(|(_, r)| r.source).filter(|&(ss, se)| ss > a && se < cs && doc.w(cs - 1) == ",") {
            k = ss;
        }
        while k > a && cs - k <= 12 && !matches!(doc.w(k - 1), "," | "”" | "\"" | "—") {
            k -= 1;
        }
        if k > a {
            let end = if doc.w(k - 1) == "," { k - 1 } else { k };
            let mut s = a;
            for j in a..end {
                if matches!(doc.w(j), ";" | ":") {
                    s = j + 1;
                }
            }
            add("before", s, end, true);
            if let Some(q) = first_closing_from(quotes, end.saturating_sub(2)).filter(|q| q.close < end + 1 && q.open < end) {
                add("quote-before", q.open, q.close + 1, true);
            }
        }
    }
    // The sentences around.
    if si > 0 {
        let p = &doc.sentences[si - 1];
        add("prev", p.tokens.start, p.tokens.end, true);
    }
    if si + 1 < doc.sentences.len() {
        let s = &doc.sentences[si + 1];
        add("next", s.tokens.start, s.tokens.end, false);
        if ce < b {
            add("rest-next", ce, s.tokens.end, false);
        }
    }
    // To char spans, merging equal ones.
    let mut merged: Vec<Cand> = vec![Cand { span: None, tok: (0, 0), rule: false, parts: Vec::new(), before: false, feats: Vec::new() }];
    let mut tags: Vec<Vec<&'static str>> = vec![vec!["none"]];
    if let Some((_, att)) = rule {
        if let Some(span) = att.content {
            let tok = (cs, ce);
            merged.push(Cand { span: Some(span), tok, rule: true, parts: att.parts.clone(), before: span.1 <= doc.tokens[cs].start, feats: Vec::new() });
            tags.push(vec!["rule"]);
            // The rules leave a "that" out of the content; PolNeAR keeps it.
            let (x, y) = rule_tokens(doc, span, cs);
            if att.parts.is_empty() && x > 0 && doc.low(x - 1) == "that" {
                cands.push((vec!["rule-that"], (x - 1, y), span.1 <= doc.tokens[cs].start));
            }
        }
    }
    for (tg, (x, y), before) in cands {
        let (x, y) = trim(doc, x, y);
        let Some(span) = chars(doc, x, y) else { continue };
        match merged.iter().position(|c| c.span == Some(span)) {
            Some(p) => tags[p].extend(tg),
            None => {
                merged.push(Cand { span: Some(span), tok: (x, y), rule: false, parts: Vec::new(), before, feats: Vec::new() });
                tags.push(tg);
            }
        }
    }
    // Features: strings written end to end into two buffers (the cue's, the
    // candidate's), each hashed under every tag of its candidate.
    let w = doc.low(head);
    let score = scores.get(head).copied().unwrap_or(f32::NEG_INFINITY);
    let nx = doc.low(ce);
    let pv = if cs > a { doc.low(cs - 1) } else { "<s>" };
    let rule_kind = rule.map_or("norule", |(_, r)| r.kind.as_str());
    let has_src = rule.is_some_and(|(_, r)| r.source.is_some());
    let mut cue_level = FeatureText::default();
    cue_level.add(&["bias"]);
    cue_level.add(&["w=", w]);
    cue_level.add(&["sc=", bucket_score(score)]);
    cue_level.add(&["nx=", nx]);
    cue_level.add(&["pv=", pv]);
    cue_level.add(&["rk=", rule_kind]);
    cue_level.add(&["src=", tf(has_src)]);
    cue_level.add(&["pos=", bucket_len(cs - a)]);
    cue_level.add(&["left=", bucket_len(b.saturating_sub(ce))]);
    cue_level.add(&["speech=", tf(is_speech_verb(w))]);
    cue_level.add(&["w=", w, "|nx=", nx]);
    cue_level.add(&["sc=", bucket_score(score), "|rk=", rule_kind]);
    let mut cand_level = FeatureText::default();
    for (ci, cand) in merged.iter_mut().enumerate() {
        cand_level.clear();
        if let Some(span) = cand.span {
            let (x, y) = if cand.rule { rule_tokens(doc, cand.span.unwrap_or_default(), cs) } else { cand.tok };
            let first = doc.low(x);
            let last = doc.low(y.saturating_sub(1));
            let before_w = if x > 0 { doc.low(x - 1) } else { "<s>" };
            let after_w = if y < n { doc.low(y) } else { "</s>" };
            let cands_sent = doc.sentence_of[x.min(n - 1)] as isize - si as isize;
            let len = bucket_len(y.saturating_sub(x));
            cand_level.add(&["len=", len]);
            cand_level.add(&["f=", first]);
            cand_level.add(&["p=", before_w]);
            cand_level.add(&["l=", last]);
            cand_level.add(&["a=", after_w]);
            cand_level.add(&["endsent=", tf(y >= b)]);
            cand_level.add(&["q0=", tf(is_quote_mark(doc.w(x)))]);
            cand_level.add(&["qin=", tf((x..y).any(|k| is_quote_mark(doc.w(k))))]);
            cand_level.add(&["commas=", bucket_len((x..y).filter(|&k| doc.w(k) == ",").count())]);
            cand_level.add(&["cue-in=", tf((x..y).any(|k| k != head && (speech.get(k).copied().unwrap_or(false) || scores.get(k).is_some_and(|&s| s > 8.0))))]);
            cand_level.add_number("sent=", cands_sent);
            cand_level.add(&["w=", w, "|f=", first]);
            cand_level.add(&["w=", w, "|len=", len]);
            cand_level.add(&["vs-rule=", rule.and_then(|(_, r)| r.content).map_or("none", |(rs, re)| {
                let (s, e) = span;
                if (s, e) == (rs, re) { "same" } else if s <= rs && e >= re { "contains" } else if s >= rs && e <= re { "inside" } else if s < re && rs < e { "overlaps" } else { "apart" }
            })]);
            cand_level.add(&["f=", first, "|l=", last]);
            cand_level.add(&["p=", before_w, "|f=", first]);
        }
        let mut feats = Vec::with_capacity((cue_level.len() + cand_level.len()) * (tags[ci].len() + 1));
        for tg in &tags[ci] {
            // fnv(101, "{tg}|{f}") for each f, the shared prefix hashed once.
            let prefix = Fnv::new(101).str(tg).str("|");
            for f in cue_level.iter().chain(cand_level.iter()) {
                feats.push(prefix.str(f).finish());
            }
        }
        // fnv(102, …) of the tags joined by "+", alone and with the cue's word and score.
        let all = tags[ci].iter().enumerate().fold(Fnv::new(102), |h, (k, tg)| if k == 0 { h.str(tg) } else { h.str("+").str(tg) });
        feats.push(all.finish());
        feats.push(all.str("|w=").str(w).finish());
        feats.push(all.str("|sc=").str(bucket_score(score)).finish());
        cand.feats = feats;
    }
    Proposal { head, cue: (cs, ce), rule: rule.map(|(ri, _)| ri), cands: merged }
}

/// The tokens a rule's content covers (by code points).
fn rule_tokens(doc: &Doc, (s, e): (usize, usize), _cs: usize) -> (usize, usize) {
    // Tokens are in text order, their starts and ends increasing: halvings,
    // not scans of the document (this runs for every proposal).
    let first = doc.tokens.partition_point(|t| t.end <= s);
    let x = if first < doc.tokens.len() { first } else { 0 };
    let y = match doc.tokens.partition_point(|t| t.start < e) {
        0 => x + 1,
        k => k,
    };
    (x, y.max(x + 1))
}

/// The index of the best candidate under a model ("none" is the first).
pub fn choose(model: &Model, p: &Proposal) -> usize {
    choose_with(model, p, 0.0)
}

/// The best candidate, "none" favoured by `margin`.
pub fn choose_with(model: &Model, p: &Proposal, margin: f32) -> usize {
    let mut best = (0usize, f32::NEG_INFINITY);
    for (ci, c) in p.cands.iter().enumerate() {
        let s = model.score(&c.feats) + if ci == 0 { margin } else { 0.0 };
        if s > best.1 {
            best = (ci, s);
        }
    }
    best.0
}


/// Apply the content model to the rules' attributions: each proposal's best
/// candidate replaces (or drops) the rules' content, or adds an attribution.
pub(crate) fn apply(doc: &Doc, quotes: &[Quote], scores: &[f32], rules: Vec<Attribution>) -> Vec<Attribution> {
    let model = shipped();
    if model.is_empty() {
        return rules;
    }
    let props = proposals(doc, quotes, scores, &rules, LOW_CUE);
    let mut keep = vec![true; rules.len()];
    let mut rules = rules;
    let mut added = Vec::new();
    for p in &props {
        let mut ci = choose_with(model, p, if p.rule.is_some() { DROP_MARGIN } else { 0.0 });
        // "“…,” he said, referring to faith-driven voters.", "“…,” he said
        // when asked about the plan.": a participle after a comma, or "asked"
        // after "when", has its content after it, not before.
        let participle = p.head > 0 && (doc.w(p.head - 1) == "," && doc.low(p.head).ends_with("ing") || doc.low(p.head) == "asked" && matches!(doc.low(p.head - 1), "when" | "after" | "before" | "if" | "once"));
        // "Microsoft filed one of the original complaints in 2010.": nor a
        // noun cue after its determiner (what went before is no content).
        // "But when Congress cut funding, Mexico said enough.", "But in
        // July 2012, Patriot failed as predicted.": nor is an adverbial
        // alone (the rules' own content is kept: `adverbial_front` joins it
        // to the main clause after the source).
        let adverbial = !p.cands[ci].rule && crate::adverbial_phrase(doc, p.cands[ci].tok.0, p.cands[ci].tok.1);
        // "The ruling comes as the department weighs a standard that
        // business groups have opposed": nor is what precedes a relative
        // clause's cue, whose words before it are no source (after a comma,
        // ", who has not endorsed anyone," the relative is an aside).
        let gap = (p.cands[ci].tok.1, p.cue.0);
        let relative = gap.0 < gap.1 && (gap.0..gap.1 - 1).any(|k| matches!(doc.low(k), "that" | "which" | "who" | "whom") && (k == gap.0 || doc.w(k - 1) != ","));
        // ("Council member Ana Ruiz, who wrote the measure, said …": nor
        // before a cue whose subject is a relative pronoun.)
        let mut r = p.cue.0;
        while r > 0 && (crate::lexicon::AUXILIARIES.contains(&doc.low(r - 1)) || crate::is_manner_adverb(doc.low(r - 1)) || matches!(doc.low(r - 1), "not" | "also" | "long" | "later" | "first")) {
            r -= 1;
        }
        let relative_subject = r > 0 && matches!(doc.low(r - 1), "who" | "which");
        if p.cands[ci].before && (participle || adverbial || relative || relative_subject || crate::determined_noun_cue(doc, p.head)) {
            let margin = |k: usize| if k == 0 && p.rule.is_some() { DROP_MARGIN } else { 0.0 };
            let score = |k: usize| model.score(&p.cands[k].feats) + margin(k);
            ci = (0..p.cands.len()).filter(|&k| !p.cands[k].before).max_by(|&x, &y| score(x).total_cmp(&score(y))).unwrap_or(0);
        }
        // "The Journal reported last month that …. Amazon's chief, Andy
        // Jassy, told employees that …": a content running into a later
        // sentence stops short of that sentence's own speaker; the rules'
        // content (or none) stands.
        if p.cands[ci].span.is_some_and(|span| runs_into_other_speaker(doc, &rules, p.head, span)) {
            match p.rule {
                Some(_) => continue,
                None => ci = 0,
            }
        }
        // ("…, people familiar with the matter said, speaking on condition
        // of anonymity because …": how the source spoke is no content.)
        let (cx, _) = p.cands[ci].tok;
        let anonymity = p.cands[ci].span.is_some()
            && matches!(doc.low(cx), "speaking" | "asking" | "requesting" | "declining")
            && (cx + 1..(cx + 5).min(doc.tokens.len())).any(|k| matches!(doc.low(k), "condition" | "anonymity" | "anonymously" | "named" | "identified"));
        if anonymity {
            continue;
        }
        // ("“…,” Cora said. “Luis is the heart of this staff.” ¶ Ferreira
        // posted a message …": a sentence before the cue that is already
        // another cue's content or part is that cue's, not this one's.)
        let taken = p.cands[ci].before
            && !p.cands[ci].rule
            && p.cands[ci].span.is_some_and(|(x, y)| {
                rules.iter().enumerate().any(|(rj, r)| Some(rj) != p.rule && r.cue != Some(p.cue) && r.content.iter().chain(&r.parts).any(|&(s, e)| s <= x && y <= e))
            });
        if taken {
            continue;
        }
        // ("As Smith noted in her speech, the plant will close": the clause
        // after a leading "as" clause is the rules' content, not the
        // adjunct before the comma.)
        if p.rule.is_some_and(|ri| crate::after_leading_as(doc, &rules[ri])) {
            continue;
        }
        // ("She said officers had recovered jewelry, electronics and about
        // $8,000 in cash": a comma in a list, no verb after it to the
        // sentence's end, cuts no content the rules ran past it.)
        // (The model's start, the rules' end.)
        if let (Some(ri), Some((x, y))) = (p.rule, p.cands[ci].span) {
            let k = p.cands[ci].tok.1;
            // (Nor does a comma before examples: "no evidence that financial
            // information, such as credit card numbers, had been taken".)
            // (The examples between the subject and its verb.)
            let examples = |k: usize| {
                doc.low(k + 1) == "such" && doc.low(k + 2) == "as" && (k + 4..(k + 12).min(doc.sentence_end(k))).find(|&j| doc.w(j) == ",").is_some_and(|j| crate::has_verb_form(doc, j + 1))
            };
            if let Some((_, re)) = rules[ri].content.filter(|&(_, re)| y < re && k < doc.tokens.len() && doc.w(k) == "," && (crate::list_comma(doc, k) || examples(k))) {
                rules[ri].content = Some((x, re));
                rules[ri].parts.clear();
                continue;
            }
        }
        let cand = &p.cands[ci];
        // "“He knew. He approved it,” the aide told jurors": a whole
        // quotation the rules found is not cut to a piece of it (its close
        // taken in when the rules stopped before the last mark of a nested
        // quotation's: "“He knew. He said, ‘Do it,’”").
        let whole = p.rule.and_then(|ri| whole_quotation(doc, &rules[ri])).filter(|&(s, e)| cand.span.is_some_and(|span| s <= span.0 && span.1 <= e && (s, e) != span));
        if let (Some(ri), Some(whole)) = (p.rule, whole) {
            rules[ri].content = Some(whole);
            continue;
        }
        match (p.rule, cand.span) {
            // ("The airbags may fail to deploy, the company told federal
            // safety regulators on Wednesday.": CONTENT, SOURCE told or
            // said is no reading to drop.)
            (Some(ri), None) if inverted_said(doc, &rules[ri]) => {}
            (Some(ri), None) => keep[ri] = false,
            (Some(_), Some(_)) if cand.rule => {}
            (Some(ri), Some(span)) => {
                // "Obama’s rise may have been a surprise, said several
                // observers.": when the model's content is what the rules
                // took for the source before the cue, the source is what that
                // leaves or the noun phrase after the cue.
                let source = source_after_cue(doc, &rules[ri], cand.tok);
                // "The talks went well, said the chief executive.": otherwise a
                // speaker the rules found is never the content.
                if source.is_none() && inverted_source_chosen(doc, &rules[ri], cand.tok) {
                    continue;
                }
                // "The plan could fail, Graham told reporters on Thursday.":
                // after an object verb, the listener and a time are no
                // content when the rules found it before the source.
                let listener = matches!(doc.low(p.head), "told" | "tells" | "tell" | "telling")
                    && !matches!(doc.low(cand.tok.0), "to" | "about" | "of" | "whether" | "if" | "how" | "why" | "what")
                    && rules[ri].content.is_some_and(|(_, e)| e <= doc.tokens[p.cue.0].start)
                    && cand.tok.0 >= p.cue.1
                    && cand.tok.1 - cand.tok.0 <= 8
                    && (cand.tok.0..cand.tok.1).all(|k| !matches!(doc.low(k), "that" | "“" | "”" | "\"" | ":") && !crate::lexicon::FINITE_AUXILIARIES.contains(&doc.low(k)));
                if listener {
                    continue;
                }
                // "“We will not negotiate,” the minister said in an address,
                // adding: “Never.”": another cue's content (the quotation
                // after "adding:") is not this one's; the rules' stays.
                // (PolNeAR dev jaccard50 +1, training split unchanged.)
                let own_cue_end = rules[ri].cue.map_or(0, |c| c.1);
                let introduced = |r: &Attribution| {
                    r.content.zip(r.cue).is_some_and(|((s, e), (c0, c1))| s < span.1 && span.0 < e && c0 >= own_cue_end && doc.tokens.get(c1.saturating_sub(1)).is_some_and(|t| t.end <= span.0))
                };
                if rules.iter().enumerate().any(|(rj, r)| rj != ri && introduced(r)) {
                    continue;
                }
                let att = &mut rules[ri];
                att.content = Some(span);
                att.parts.clear();
                att.kind = content_kind(doc, quotes, cand.tok);
                if source.is_some() {
                    att.source = source;
                }
            }
            // ("Skyward Airlines apologized on Saturday after passengers …":
            // a time, then a clause of time or reason, is when or why, not
            // what.)
            (None, Some(_)) if !cand.before && {
                let mut k = cand.tok.0;
                while k < cand.tok.1 && (matches!(doc.low(k), "on" | "late" | "early" | "last" | "this" | "night" | "morning" | "afternoon" | "evening") || crate::is_time_word(doc.low(k))) {
                    k += 1;
                }
                k > cand.tok.0 && k < cand.tok.1 && matches!(doc.low(k), "after" | "before" | "when" | "while" | "because" | "following" | "since" | "during" | "as")
            } => {}
            (None, Some(span)) => {
                let (cs, ce) = p.cue;
                let a = doc.sentence_start(p.head);
                let source = if cand.before && cand.tok.1 <= cs {
                    let mut s = cand.tok.1;
                    while s < cs && matches!(doc.w(s), "," | "”" | "\"" | "’") {
                        s += 1;
                    }
                    let (s, e) = trim(doc, s, cs);
                    // "“This is fantastic!” beamed Donald Hartley.": nothing
                    // between the content and the cue, so the speaker follows it.
                    if s >= e && doc.w(ce).starts_with(char::is_uppercase) {
                        noun_phrase_after(doc, ce)
                    } else {
                        (s < e && e - s <= 12).then_some((s, e))
                    }
                } else {
                    subject(doc, a, cs).map(|(s, _)| s)
                };
                // ("a move that would signal growing concern about …": a
                // relative clause's verb before a noun cue is no speaker.)
                let source = source.filter(|&(x, y)| !(matches!(doc.low(x), "that" | "which") && (x + 1..y).any(|k| matches!(doc.low(k), "would" | "will" | "could" | "might" | "may" | "can" | "should"))));
                let mut att = Attribution { kind: content_kind(doc, quotes, cand.tok), source, source_entity: None, source_type: SourceType::Person, cue: Some((cs, ce)), content: Some(span), parts: Vec::new(), stance: None };
                crate::fix_source(doc, &mut att);
                att.source = att.source.and_then(|src| crate::without_trailing_verbs(doc, src));
                added.push(att);
            }
            (None, None) => {}
        }
    }
    let mut out: Vec<Attribution> = rules.into_iter().zip(keep).filter_map(|(a, k)| k.then_some(a)).collect();
    out.extend(added);
    out.sort_by_key(|a| a.cue.map_or(0, |c| c.0));
    out
}

/// Is the rules' attribution `CONTENT, SOURCE said|told …` or `CONTENT,
/// OUTLET has learned` (a clause, a comma, a short source, the cue)?
fn inverted_said(doc: &Doc, att: &Attribution) -> bool {
    let (Some((ss, se)), Some((cs, ce)), Some((_, e))) = (att.source, att.cue, att.content) else { return false };
    // ("…, The Ledger has learned.": an outlet's own reporting.)
    let learned = ce == cs + 2 && matches!(doc.low(cs), "has" | "have") && doc.low(cs + 1) == "learned" && doc.w(ss).starts_with(char::is_uppercase);
    (ce == cs + 1 && matches!(doc.low(cs), "said" | "told") || learned) && se == cs && se - ss <= 4 && ss >= 1 && doc.w(ss - 1) == "," && e <= doc.tokens[ss - 1].start
}

/// The content of a direct attribution of the rules that is one clean
/// quotation (its marks open and close it and none is inside), with a
/// closing double mark right after it taken in.
fn whole_quotation(doc: &Doc, att: &Attribution) -> Option<(usize, usize)> {
    let (s, e) = att.content?;
    let e = closing_mark_after(doc, e);
    (att.kind == Kind::Direct && att.parts.is_empty() && clean_quotation(doc, s, e)).then_some((s, e))
}

/// `e`, or the end of a closing double mark that starts there.
fn closing_mark_after(doc: &Doc, e: usize) -> usize {
    let k = doc.tokens.partition_point(|t| t.start < e);
    match doc.tokens.get(k) {
        Some(t) if t.start == e && matches!(doc.w(k), "”" | "\"") => t.end,
        _ => e,
    }
}

/// Is the text between code points `s` and `e` one quotation: opened by a
/// double mark, closed by one (after any punctuation), no double mark
/// between?
fn clean_quotation(doc: &Doc, s: usize, e: usize) -> bool {
    let x = doc.tokens.partition_point(|t| t.end <= s);
    let y = doc.tokens.partition_point(|t| t.start < e);
    if y < x + 3 || !matches!(doc.w(x), "“" | "\"") {
        return false;
    }
    let Some(close) = (x + 1..y).rev().find(|&k| !matches!(doc.w(k), "." | "," | "!" | "?")) else { return false };
    matches!(doc.w(close), "”" | "\"") && (x + 1..close).all(|k| !matches!(doc.w(k), "“" | "”" | "\""))
}

/// Does `span` (code points), a content of the cue at token `head`, run past
/// the cue's sentence over another attribution of the rules whose source and
/// cue both lie in that later part?
fn runs_into_other_speaker(doc: &Doc, rules: &[Attribution], head: usize, span: (usize, usize)) -> bool {
    let b = doc.sentence_end(head);
    let Some(boundary) = doc.tokens.get(b.saturating_sub(1)).map(|t| t.end) else { return false };
    span.1 > boundary
        && rules.iter().any(|r| match (r.source, r.cue) {
            (Some((s0, _)), Some((c0, c1))) => s0 >= b && c0 >= b && doc.tokens.get(c1.saturating_sub(1)).is_some_and(|t| t.end <= span.1),
            _ => false,
        })
}

/// When the candidate `(x, y)` (tokens) ends before the cue and overlaps the
/// rules' source, which is before the cue, the source the candidate leaves:
/// the rest of the rules' source after it ("These were not omissions,
/// Brafman noted": the rules' source "These were not omissions, Brafman"),
/// else the short noun phrase after the cue ("…, said several observers.",
/// "…, said a former spokesman for the ministry, Oleg Voloshyn, who …").
/// `None` when neither is there ("Ina Kirsch, the director, told the AP her
/// group …": a clause follows the cue, so the candidate is no content).
fn source_after_cue(doc: &Doc, att: &Attribution, (x, y): (usize, usize)) -> Option<(usize, usize)> {
    let (ss, se) = att.source?;
    let (cs, ce) = att.cue?;
    if !(se <= cs && y <= cs && x < se && ss < y && crate::lexicon::is_speech_verb(doc.low(ce - 1))) {
        return None;
    }
    if y < se {
        let (s, e) = trim(doc, y, se);
        return (s < e && (s..e).filter(|&k| !crate::is_punct(doc.w(k))).count() <= 10).then_some((s, e));
    }
    // ("…, told the AP her group …": after "told" comes its listener; "X
    // denied the claim": after a verb that takes an object, the object.
    // Only a verb of saying the speaker may follow does.)
    let inverting = matches!(
        doc.low(ce - 1),
        "said" | "says" | "say" | "add" | "note" | "write" | "argue" | "warn" | "insist" | "explain" | "predict" | "caution" | "added" | "adds" | "wrote" | "writes" | "noted" | "notes" | "explained" | "recalled" | "replied" | "continued" | "argued"
            | "insisted" | "declared" | "observed" | "remarked" | "quipped" | "countered" | "conceded" | "cautioned" | "predicted" | "concluded"
            | "stated" | "answered" | "responded" | "agreed" | "complained" | "joked" | "acknowledged" | "admitted" | "announced" | "reported" | "tweeted"
    );
    if crate::lexicon::OBJECT_VERBS.contains(&doc.low(ce - 1)) || !inverting {
        return None;
    }
    noun_phrase_after(doc, ce)
}

/// The short noun phrase from token `k` to the next comma, full stop or mark
/// (at most ten words, none that would open a clause: "several observers",
/// "Donald Hartley of Madison"), else `None`.
fn noun_phrase_after(doc: &Doc, k: usize) -> Option<(usize, usize)> {
    let b = doc.sentence_end(k.saturating_sub(1));
    let end = (k..b).find(|&j| matches!(doc.w(j), "," | "." | ";" | ":" | "—") || crate::is_quote_mark(doc.w(j))).unwrap_or(b);
    let words = (k..end).filter(|&j| !crate::is_punct(doc.w(j))).count();
    let clause = (k..end).any(|j| matches!(doc.low(j), "that" | "he" | "she" | "it" | "they" | "we" | "i" | "is" | "are" | "was" | "were" | "will" | "would" | "has" | "have" | "had"));
    let (s, e) = trim(doc, k, end);
    ((1..=10).contains(&words) && !clause && s < e).then_some((s, e))
}

/// Does the candidate `(x, y)` (tokens) overlap the source of an inverted
/// attribution of the rules (`CONTENT, CUE SOURCE`: the source after a verb of
/// saying, the content before it)? Such a source is the speaker, not what
/// was said; with another verb the rules' order is less sure and the model
/// may choose.
fn inverted_source_chosen(doc: &Doc, att: &Attribution, (x, y): (usize, usize)) -> bool {
    match (att.source, att.cue, att.content) {
        (Some((ss, se)), Some((cs, ce)), Some((content_start, content_end))) => {
            let inverted = ss >= ce && content_end <= doc.tokens[cs].start;
            // "Ina Kirsch, the director, told the AP her group …": nor the
            // source before its cue when the content follows.
            let normal = se <= cs && content_start >= doc.tokens[ce - 1].end;
            (inverted || normal) && x < se && ss < y && crate::lexicon::is_speech_verb(doc.low(ce - 1))
        }
        _ => false,
    }
}

fn content_kind(doc: &Doc, quotes: &[Quote], (x, y): (usize, usize)) -> Kind {
    kind_of(doc, x, y, quotes)
}
