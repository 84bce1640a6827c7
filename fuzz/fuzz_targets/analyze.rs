//! The whole analysis on text: tokens, sentences, names, entities,
//! attributions and times (`dossier_analysis::analyze`), with the contract's
//! invariant checked: every span lies in the text and repeats what it selects.
#![no_main]

use dossier_analysis::{analyze, Analysis, Options, Span};
use dossier_document::{Body, Document, Origin};
use libfuzzer_sys::fuzz_target;

fn check(a: &Analysis) {
    let chars: Vec<char> = a.text.chars().collect();
    let ok = |s: &Span| {
        assert!(s.start <= s.end && s.end <= chars.len(), "span {s:?} outside a text of {} code points", chars.len());
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text, "span text differs from the text it selects");
    };
    for e in &a.entities {
        e.mentions.iter().for_each(|m| ok(&m.span));
    }
    for x in &a.attributions {
        [&x.source, &x.cue, &x.content].into_iter().flatten().chain(x.parts.iter()).for_each(ok);
    }
    a.times.iter().for_each(|t| ok(&t.span));
}

fuzz_target!(init: {
    // Decode the shipped models once before fuzzing: in the instrumented
    // build that takes seconds, which libFuzzer would otherwise charge to the
    // first input as a timeout.
    let mut warm = Document::new(Origin::Stdin, Body::Text("The mayor said on Monday that “the ferry will run.”".into()));
    warm.hints.published = Some("2014-11-06".into());
    let _ = analyze(&warm, &Options::default());
}, |data: &[u8]| {
    // The first byte picks verbatim (JSONL "text") or scraped text.
    let Some((&flag, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let body = if flag & 1 == 0 { Body::VerbatimText(text) } else { Body::Text(text) };
    let mut doc = Document::new(Origin::Stdin, body);
    doc.hints.published = Some("2014-11-06".into());
    check(&analyze(&doc, &Options::default()));
});
