//! The shipped model on invented sentences, model round trips and malformed models.

use dossier_ner::{EntityType, ModelError, Tagger, TokenSpan};

fn toks(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

fn span(start: usize, end: usize, kind: EntityType) -> TokenSpan {
    TokenSpan { start, end, kind }
}

#[test]
fn shipped_model_tags_an_invented_sentence() {
    let sent = toks("President Barack Obama met Iranian officials in Geneva on Monday , the White House said .");
    let out = Tagger::shipped().tag_document(&[sent]);
    let got = &out[0];
    for want in [
        span(1, 3, EntityType::Person),
        span(4, 5, EntityType::Misc),
        span(7, 8, EntityType::Place),
    ] {
        assert!(got.contains(&want), "missing {want:?} in {got:?}");
    }
    // CoNLL-2003 annotates "White House" as a place (12 times in train, never as an organization), and the
    // model follows its training data; the span itself must be found.
    assert!(
        got.iter().any(|s| (s.start, s.end) == (12, 14) && matches!(s.kind, EntityType::Place | EntityType::Organization)),
        "White House missing in {got:?}"
    );
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn curly_quotes_and_possessives_as_dossier_tokenizes_them() {
    let doc = vec![
        toks("“ We will not back down , ” said Angela Merkel , Germany ’s chancellor ."),
        toks("Merkel spoke in Berlin ."),
    ];
    let out = Tagger::shipped().tag_document(&doc);
    assert!(out[0].contains(&span(9, 11, EntityType::Person)), "{:?}", out[0]);
    assert!(out[0].contains(&span(12, 13, EntityType::Place)), "{:?}", out[0]);
    assert!(out[1].contains(&span(0, 1, EntityType::Person)), "{:?}", out[1]);
    assert!(out[1].contains(&span(3, 4, EntityType::Place)), "{:?}", out[1]);
}

#[test]
fn one_result_per_sentence_even_empty_ones() {
    let out = Tagger::shipped().tag_document(&[vec![], toks("Hello there ."), vec![]]);
    assert_eq!(out.len(), 3);
    assert!(out[0].is_empty() && out[2].is_empty());
    assert!(Tagger::shipped().tag_document(&[]).is_empty());
}

#[test]
fn odd_tokens_do_not_panic() {
    let long = "Ab".repeat(5000);
    let doc = vec![vec!["", "😀", long.as_str(), "’s", "\u{0}", "ǅemal", "İstanbul", "“", "U.S.", "Nov."]];
    let out = Tagger::shipped().tag_document(&doc);
    for s in &out[0] {
        assert!(s.start < s.end && s.end <= doc[0].len());
    }
}

#[test]
fn model_bytes_round_trip() {
    let t = Tagger::shipped();
    let bytes = t.to_bytes();
    let again = Tagger::from_bytes(&bytes).expect("round trip");
    assert_eq!(again.feature_count(), t.feature_count());
    assert_eq!(again.to_bytes(), bytes);
    let doc = vec![toks("Shares of Toyota rose in Tokyo on Tuesday .")];
    assert_eq!(again.tag_document(&doc), t.tag_document(&doc));
}

#[test]
fn malformed_models_give_errors() {
    assert!(matches!(Tagger::from_bytes(b""), Err(ModelError::Corrupt(_))));
    assert!(matches!(Tagger::from_bytes(b"not a model at all"), Err(ModelError::Corrupt(_))));
    let bytes = Tagger::shipped().to_bytes();
    // Truncated gzip stream.
    assert!(Tagger::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    // A valid gzip stream holding garbage.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, b"DNER\x01\x00\x00\x00garbage").expect("write");
    let garbage = gz.finish().expect("gzip");
    assert!(matches!(Tagger::from_bytes(&garbage), Err(ModelError::Corrupt(_))));
    // Flipped bytes anywhere: an error or a model, never a panic.
    for i in (0..bytes.len()).step_by(bytes.len() / 50 + 1) {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        let _ = Tagger::from_bytes(&b);
    }
}
