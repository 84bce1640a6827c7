//! The analysis contract (v1) and the pipeline that fills it.
//!
//! [`analyze`] runs the stages in order on one [`Document`]:
//! article extraction ([`dossier_article`]) and, as they are added, the language
//! layer (entities), attribution and time expressions. The result is an
//! [`Analysis`], whose serde form is the JSON contract documented in
//! `docs/contract.md` and `docs/analysis.schema.json`.
//!
//! **Architecture invariant:** `analyze` is pure: no I/O, no global mutable
//! state, no failure. Problems come back as warnings beside the result.

use serde::Serialize;

use dossier_article::{Article, Range, Removed};
use dossier_document::{Document, Warning};

/// The contract version written in every analysis as `"dossier"`.
pub const CONTRACT_VERSION: &str = "1";

/// A span of the article's `text`: code-point offsets (end exclusive) and the
/// text they select.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text of `text[start..end]`.
    pub text: String,
}

impl Span {
    /// The span of `text` between two code-point offsets.
    pub fn of(text: &str, start: usize, end: usize) -> Span {
        Span { start, end, text: text.chars().skip(start).take(end.saturating_sub(start)).collect() }
    }
}

/// How an entity is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// By name ("Josh Earnest", "Earnest").
    Name,
    /// By description ("the press secretary").
    Nominal,
    /// By pronoun ("he").
    Pronoun,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// How it names the entity.
    pub kind: MentionKind,
}

/// A person, organisation, place or other named thing of the article, with all
/// its mentions (filled by the language layer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Identifier within this analysis (`e1`, `e2`, …).
    pub id: String,
    /// The fullest name in the article.
    pub name: String,
    /// `person`, `organization`, `place`, `misc` or `group`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Roles and titles ("president", "White House press secretary").
    pub roles: Vec<String>,
    /// What the entity belongs to, when stated ("Iran").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// For organisations: a news outlet.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub media: bool,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// Who said, reported or declined to say what (filled by the attribution stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// `direct`, `mixed`, `indirect`, `according_to` or `no_comment`.
    pub kind: String,
    /// The source as written.
    pub source: Option<Span>,
    /// The entity the source resolves to.
    pub source_entity: Option<String>,
    /// `person`, `organization`, `media`, `anonymous` or `document`.
    pub source_type: String,
    /// The cue ("said", "according to").
    pub cue: Option<Span>,
    /// What was said.
    pub content: Option<Span>,
    /// The pieces of content split by the cue (`"A," he said, "B."`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    /// `not_denied`, `denied`, `confirmed`, `declined`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    /// TIMEX3 value of when it was said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

impl Attribution {
    /// What was said as a reader quotes it: the parts joined by " … " when
    /// the cue interrupts the content (`"A," he said, "B."` gives `"A," …
    /// "B."`), else the content's text.
    pub fn said_text(&self) -> Option<String> {
        if self.parts.is_empty() {
            self.content.as_ref().map(|c| c.text.clone())
        } else {
            Some(self.parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … "))
        }
    }
}

/// A time expression with its TIMEX3 value (filled by the time stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Time {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// `date`, `time`, `duration` or `set`.
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value (`2014-11-06`, `P3W`, `PRESENT_REF`).
    pub value: String,
    /// TIMEX3 modifier (`START`, `MID`, `END`, `APPROX`), when the text gives one.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// The phrase a deadline or scheduled date qualifies ("deadline for international talks").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// The analysis of one document: the article and everything found in it. Its
/// serde form is contract v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// Contract version, always [`CONTRACT_VERSION`].
    pub dossier: &'static str,
    /// The input's id, or where it came from.
    pub id: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Outlet or site name.
    pub outlet: Option<String>,
    /// Publication date or date-time, ISO 8601.
    pub published: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// Clean text; every offset refers to it.
    pub text: String,
    /// Paragraph ranges.
    pub paragraphs: Vec<Range>,
    /// What extraction left out, and why.
    pub removed: Vec<Removed>,
    /// People, organisations, places, …
    pub entities: Vec<Entity>,
    /// Who said what.
    pub attributions: Vec<Attribution>,
    /// Time expressions.
    pub times: Vec<Time>,
    /// Problems met on the way (not fatal).
    pub warnings: Vec<String>,
}

/// Options for the whole pipeline.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Options of the article stage.
    pub article: dossier_article::Options,
    /// Stop after the article stage: `entities`, `attributions` and `times`
    /// stay empty (for clean text and metadata only, at extraction speed).
    pub extract_only: bool,
}

/// Run the pipeline on one document.
pub fn analyze(doc: &Document, opts: &Options) -> Analysis {
    let (article, warnings) = dossier_article::extract(doc, &opts.article);
    let mut analysis = from_article(article, warnings);
    if !opts.extract_only {
        language_and_attribution(&mut analysis, dossier_language::doc::MAX_TOKENS);
    }
    analysis
}

/// Code-point offsets to text, in constant time per span.
struct Spans<'a> {
    text: &'a str,
    /// Byte offset of each code point, and the text's length at the end.
    bytes: Vec<usize>,
}

impl<'a> Spans<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Spans { text, bytes }
    }
    fn span(&self, start: usize, end: usize) -> Span {
        let (s, e) = (start.min(self.bytes.len() - 1), end.min(self.bytes.len() - 1));
        Span { start: s, end: e.max(s), text: self.text[self.bytes[s]..self.bytes[e.max(s)]].to_string() }
    }
}

/// The language layer and the attribution stage, into the contract's arrays,
/// on at most `max_tokens` tokens of the text.
fn language_and_attribution(a: &mut Analysis, max_tokens: usize) {
    use dossier_language::doc::{tokenise, Doc};
    let text = a.text.as_str();
    let mut t = tokenise(text);
    // A very long text is analysed up to a limit (whole sentences), with a
    // warning: every later stage then works on a bounded number of tokens.
    let cut = t.limit(max_tokens);
    let warning = cut.map(|(total, _)| {
        format!(
            "long document: analysed only the first {} of its {total} tokens (entities, attributions and times after that are not reported)",
            t.tokens.len()
        )
    });
    let analysed = cut.map_or(text, |(_, end)| &text[..end]);
    let doc = Doc::new(text, &t.tokens, &t.sentences);
    let names = dossier_language::names::find(&doc);
    let entities = dossier_language::entities::build_in(&doc, &names);
    let (attributions, entities) = dossier_attribution::resolve(&doc, entities);
    let times = dossier_times::find(analysed, a.published.as_deref());
    let spans = Spans::new(text);
    let tok_span = |(s, e): (usize, usize)| spans.span(t.tokens[s].start, t.tokens[e - 1].end);
    a.entities = entities
        .iter()
        .enumerate()
        .map(|(i, e)| Entity {
            id: format!("e{}", i + 1),
            name: e.name.clone(),
            kind: e.kind.as_str().to_string(),
            roles: e.roles.clone(),
            affiliation: e.affiliation.clone(),
            media: e.media,
            mentions: e
                .mentions
                .iter()
                .map(|m| Mention {
                    span: spans.span(m.start, m.end),
                    kind: match m.kind {
                        dossier_language::entities::MentionKind::Name => MentionKind::Name,
                        dossier_language::entities::MentionKind::Nominal => MentionKind::Nominal,
                        dossier_language::entities::MentionKind::Pronoun => MentionKind::Pronoun,
                    },
                })
                .collect(),
        })
        .collect();
    // What was said: a time inside it is no time of a statement ("…for the
    // next decade,” said Marsh"; "X, who proposed it in January, said …").
    let said: Vec<(usize, usize)> = attributions.iter().flat_map(|x| x.content.into_iter().chain(x.parts.iter().copied())).collect();
    let statement_times: Vec<&dossier_times::Timex> = times
        .iter()
        .filter(|t| matches!(t.kind, dossier_times::TimexType::Date | dossier_times::TimexType::Time))
        .filter(|t| !said.iter().any(|&(s, e)| t.start < e && s < t.end))
        .collect();
    a.attributions = attributions
        .iter()
        .map(|x| Attribution {
            kind: x.kind.as_str().to_string(),
            source: x.source.map(tok_span),
            source_entity: x.source_entity.map(|i| format!("e{}", i + 1)),
            source_type: x.source_type.as_str().to_string(),
            cue: x.cue.map(tok_span),
            content: x.content.map(|(s, e)| spans.span(s, e)),
            parts: x.parts.iter().map(|&(s, e)| spans.span(s, e)).collect(),
            stance: x.stance.map(|s| s.as_str().to_string()),
            time: x.cue.and_then(|cue| statement_time(&doc, cue, x.source, &statement_times)),
        })
        .collect();
    a.times = times
        .iter()
        .map(|t| Time {
            span: spans.span(t.start, t.end),
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
            modifier: t.modifier.clone(),
            anchor: t.anchor.clone(),
        })
        .collect();
    a.warnings.extend(warning);
}

/// When a statement was made, where the text says: a date or time right after
/// the cue ("declined to comment Thursday", "said on Tuesday") or before it in
/// its sentence ("In comments at a news conference Wednesday, Obama said"),
/// not inside a relative clause before the cue nor in the source's
/// appositive. `times` are the dates and times outside what any statement
/// said, in text order.
fn statement_time(doc: &dossier_language::doc::Doc, (cs, ce): (usize, usize), source: Option<(usize, usize)>, times: &[&dossier_times::Timex]) -> Option<String> {
    let sentence_end = doc.sentence_end(cs);
    let after_start = doc.tokens.get(ce)?.start;
    let after_end = doc.tokens.get((ce + 3).min(sentence_end).saturating_sub(1).max(ce))?.end;
    let a = doc.sentence_start(cs);
    let before_start = doc.tokens.get(a)?.start;
    let before_end = doc.tokens.get(cs)?.start;
    // "Fairweather, who has represented Eastgate since 2017, said": a time in
    // a relative clause before the cue is that clause's, not the statement's.
    let before_end = (a + 1..cs).find(|&k| doc.w(k - 1) == "," && matches!(doc.low(k), "who" | "which")).map_or(before_end, |k| doc.tokens[k].start.min(before_end));
    // "Brennan & Kole, the firm that won the contract in January, declined
    // to comment": nor is one after a comma inside the source.
    let appositive = source.and_then(|(ss, se)| (ss + 1..se.min(doc.tokens.len())).find(|&k| doc.w(k) == ",").map(|k| (doc.tokens[k].start, doc.tokens[se.min(doc.tokens.len()) - 1].end)));
    let in_appositive = |t: &dossier_times::Timex| appositive.is_some_and(|(s, e)| t.start >= s && t.end <= e);
    // (Times are in text order: start at the sentence.)
    let from = times.partition_point(|t| t.start < before_start);
    times[from..]
        .iter()
        .take_while(|t| t.start < after_end)
        .find(|t| !in_appositive(t) && (t.start >= after_start && t.end <= after_end || t.start >= before_start && t.end <= before_end))
        .map(|t| t.value.clone())
}

fn from_article(a: Article, warnings: Vec<Warning>) -> Analysis {
    Analysis {
        dossier: CONTRACT_VERSION,
        id: a.id,
        url: a.url,
        title: a.title,
        authors: a.authors,
        outlet: a.outlet,
        published: a.published,
        language: a.language,
        text: a.text,
        paragraphs: a.paragraphs,
        removed: a.removed,
        entities: Vec::new(),
        attributions: Vec::new(),
        times: Vec::new(),
        warnings: warnings.into_iter().map(|w| w.0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::{Body, Origin};
    use proptest::prelude::*;

    /// Every span of an analysis selects its text; nothing points past the end.
    fn check_spans(a: &Analysis) -> Result<(), TestCaseError> {
        let chars: Vec<char> = a.text.chars().collect();
        let ok = |s: &Span| s.start <= s.end && s.end <= chars.len() && chars[s.start..s.end].iter().collect::<String>() == s.text;
        for e in &a.entities {
            for m in &e.mentions {
                prop_assert!(ok(&m.span), "mention {:?}", m);
            }
        }
        for x in &a.attributions {
            for s in [&x.source, &x.cue, &x.content].into_iter().flatten().chain(x.parts.iter()) {
                prop_assert!(ok(s), "attribution span {:?}", s);
            }
        }
        for t in &a.times {
            prop_assert!(ok(&t.span), "time {:?}", t);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn the_whole_pipeline_is_total_on_news_like_text(parts in proptest::collection::vec(prop_oneof![
            Just("The White House".to_string()), Just(" said ".to_string()), Just("“".to_string()), Just("”".to_string()), Just("\"".to_string()), Just("’s".to_string()), Just(" he ".to_string()),
            Just(", according to ".to_string()), Just(" officials".to_string()), Just(" declined to comment".to_string()), Just(" on Thursday".to_string()),
            Just(" Nov. 24".to_string()), Just(" U.S.".to_string()), Just(".".to_string()), Just(",".to_string()), Just("\n\n".to_string()), Just(" — ".to_string()), Just(" Mr. Obama".to_string()),
            Just(" told reporters that ".to_string()), Just("é".to_string()), Just("🙂".to_string()), Just(" mid-October ".to_string()), Just(" 2009".to_string()), Just(" who ".to_string()),
            Just("FENWICK, Ardmoor (LPA) — ".to_string()), Just(" House Minority Leader ".to_string()), Just(" Brackwater".to_string()), Just(" Financial Group".to_string()),
            Just(" office".to_string()), Just(" Aides to ".to_string()), Just(" rejected ".to_string()), Just(" the report".to_string()), Just(" Calder Falls".to_string()),
            "[A-Za-z’“”—.,: ]{0,12}",
        ], 0..40)) {
            let text = parts.concat();
            let mut d = Document::new(Origin::Stdin, Body::VerbatimText(text));
            d.hints.published = Some("2014-11-06".into());
            let a = analyze(&d, &Options::default());
            check_spans(&a)?;
        }
    }

    #[test]
    fn a_long_text_is_analysed_up_to_the_limit_with_a_warning() {
        let sentence = "The mayor said the ferry would run on Monday. "; // 10 tokens
        let text = sentence.repeat(30);
        let d = Document::new(Origin::Stdin, Body::VerbatimText(text.clone()));
        let (article, warnings) = dossier_article::extract(&d, &Default::default());
        let mut a = from_article(article, warnings);
        language_and_attribution(&mut a, 105);
        assert_eq!(a.text, text, "the whole text is kept");
        assert_eq!(a.warnings, ["long document: analysed only the first 100 of its 300 tokens (entities, attributions and times after that are not reported)"]);
        let limit = sentence.chars().count() * 10;
        let cues: Vec<usize> = a.attributions.iter().filter_map(|x| x.cue.as_ref()).map(|c| c.end).collect();
        assert_eq!(cues.len(), 10, "one per sentence analysed");
        assert!(cues.iter().all(|&e| e <= limit), "nothing analysed after the limit");
        assert!(!a.times.is_empty() && a.times.iter().all(|t| t.span.end <= limit));
        // Within the limit: no warning.
        let short = analyze(&Document::new(Origin::Stdin, Body::VerbatimText(sentence.into())), &Options::default());
        assert!(short.warnings.is_empty(), "{:?}", short.warnings);
    }

    #[test]
    fn a_statement_has_the_time_of_its_telling_not_of_what_was_said() {
        let text = "“This is the decision of the next decade,” said Gideon Marsh, the finance chair. \
                    Fairweather, who has represented Eastgate since 2017, said her neighbors would pay more. \
                    The mayor said on Thursday that the city would appeal. \
                    In an interview on Tuesday, the comptroller said payments would go out. \
                    Brennan & Kole Construction, the firm that won the contract in January, declined to comment.";
        let mut d = Document::new(Origin::Stdin, Body::VerbatimText(text.into()));
        d.hints.published = Some("2025-03-07".into());
        let a = analyze(&d, &Options::default());
        let time_of = |who: &str| {
            let x = a.attributions.iter().find(|x| x.source.as_ref().is_some_and(|s| s.text.contains(who))).unwrap_or_else(|| panic!("no attribution of {who}: {:?}", a.attributions));
            x.time.clone()
        };
        assert_eq!(time_of("Marsh"), None);
        assert_eq!(time_of("Fairweather"), None);
        assert_eq!(time_of("mayor").as_deref(), Some("2025-03-06"));
        assert_eq!(time_of("comptroller").as_deref(), Some("2025-03-04"));
        // A time in the source's appositive is the appositive's.
        assert_eq!(time_of("Brennan"), None);
    }

    #[test]
    fn span_of_counts_code_points() {
        let s = Span::of("Iran’s “deal”", 7, 13);
        assert_eq!(s.text, "“deal”");
    }

    #[test]
    fn pipeline_fills_the_article_fields() {
        let d = Document::new(Origin::Stdin, Body::Text("Advertisement\n\nCity hall to close early\n\nThe mayor said the building would close at noon.".into()));
        let a = analyze(&d, &Options::default());
        assert_eq!(a.dossier, "1");
        assert_eq!(a.title.as_deref(), Some("City hall to close early"));
        assert_eq!(a.text, "The mayor said the building would close at noon.");
        assert_eq!(a.removed.len(), 2);
        assert!(!a.attributions.is_empty(), "the full pipeline finds 'The mayor said'");
        let only = analyze(&d, &Options { extract_only: true, ..Options::default() });
        assert_eq!(only.text, a.text);
        assert!(only.entities.is_empty() && only.attributions.is_empty() && only.times.is_empty());
    }
}
