//! Time expressions in news text, normalised to TimeML TIMEX3 values against the publication date.
//!
//! The approach follows HeidelTime's: rules per expression family find the expressions
//! (`rules`), then news-specific resolution gives relative ones a value (`resolve`): weekdays and
//! months by the tense of their clause (`context`), "the quarter" and "a year earlier" by the
//! period under discussion, "the following day" by the last mentioned date. Everything is pure:
//! no I/O, no global mutable state (compiled regexes are immutable statics), and total.

mod context;
mod lexicon;
mod resolve;
mod rules;

#[cfg(test)]
mod tests;

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// Lower-case name as in the analysis contract: `date`, `time`, `duration`, `set`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "date",
            TimexType::Time => "time",
            TimexType::Duration => "duration",
            TimexType::Set => "set",
        }
    }
}

/// One time expression: code-point offsets into the text (end exclusive), its type and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<String>,
    pub anchor: Option<String>,
}

/// How far (code points) from an expression tense cues are looked for, within its sentence.
const TENSE_WINDOW: usize = 250;

/// Lower-case `text` one character for one character, keeping every character's UTF-8 length,
/// so byte offsets of the copy are byte offsets of the original.
fn lower_same_len(text: &str) -> String {
    // ASCII a byte at a time, then each other character in place.
    let mut out = text.to_ascii_lowercase();
    if text.is_ascii() {
        return out;
    }
    let mut buf = [0; 4];
    for (b, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
        let mut l = c.to_lowercase();
        // typographic apostrophes as ASCII would change lengths; keep them, rules accept both
        if let (Some(lc), None) = (l.next(), l.next()) {
            if lc != c && lc.len_utf8() == c.len_utf8() {
                out.replace_range(b..b + c.len_utf8(), lc.encode_utf8(&mut buf));
            }
        }
    }
    out
}

/// Find and resolve the time expressions of `text`. `published` is the document creation time as
/// ISO 8601 (`2014-11-06` or `2014-11-06T10:30:00-05:00`); without it, relative expressions get
/// underspecified values (`XXXX-11-24`, `PRESENT_REF`, ...). Pure: no I/O, never panics on any input.
pub fn find(text: &str, published: Option<&str>) -> Vec<Timex> {
    if text.is_empty() {
        return Vec::new();
    }
    // Apostrophes: rules are written with ASCII ' ; map U+2019 to ' only when lengths allow
    // (they do not: 3 bytes vs 1), so normalise by a same-length placeholder-free approach:
    // the rules that need apostrophes ("new year's", "o'clock", "'90s") also accept the plain form.
    let low = lower_same_len(text);
    let src = rules::Src {
        low: &low,
        orig: text,
    };
    let mut hits = rules::hits(&src);

    // Longest match wins; ties go to the earlier start, then to the earlier rule.
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_by(|&a, &b| {
        let la = hits[a].end - hits[a].start;
        let lb = hits[b].end - hits[b].start;
        lb.cmp(&la)
            .then(hits[a].start.cmp(&hits[b].start))
            .then(a.cmp(&b))
    });
    // accepted spans by start; they never overlap, so only the neighbours need checking
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut keep = vec![false; hits.len()];
    for i in order {
        let (s, e) = (hits[i].start, hits[i].end);
        let before_ok = taken
            .range(..=s)
            .next_back()
            .map(|(_, &te)| te <= s)
            .unwrap_or(true);
        let after_ok = taken
            .range(s..)
            .next()
            .map(|(&ts, _)| ts >= e)
            .unwrap_or(true);
        if before_ok && after_ok {
            taken.insert(s, e);
            keep[i] = true;
        }
    }
    let mut k = 0;
    hits.retain(|_| {
        let r = keep[k];
        k += 1;
        r
    });
    hits.sort_by_key(|h| h.start);

    // byte → code point offsets
    let mut cp_of = vec![0usize; text.len() + 1];
    let mut cp = 0;
    for (b, c) in text.char_indices() {
        for x in 0..c.len_utf8() {
            cp_of[b + x] = cp;
        }
        cp += 1;
    }
    cp_of[text.len()] = cp;
    let chars: Vec<char> = text.chars().collect();
    let sentences = context::sentences(&chars);

    let mut state = resolve::State {
        dct: published.and_then(resolve::parse_dct),
        ..Default::default()
    };
    let mut out = Vec::new();
    for h in hits {
        // trim trailing spaces/punctuation that a rule may have taken
        let mut e = h.end;
        while e > h.start && matches!(text.as_bytes()[e - 1], b' ' | b',' | b'\n' | b'\t') {
            e -= 1;
        }
        // a sentence's full stop after a full word ("in April.") is not part of the expression;
        // an abbreviation's is ("Nov.", "p.m.")
        if e > h.start && text.as_bytes()[e - 1] == b'.' {
            let word: &str = text[h.start..e - 1]
                .rsplit([' ', '\n'])
                .next()
                .unwrap_or("");
            if word.chars().count() > 4 && !word.contains('.') {
                e -= 1;
            }
        }
        let mut s = h.start;
        while s < e && matches!(text.as_bytes()[s], b' ' | b',' | b'\n' | b'\t') {
            s += 1;
        }
        // "the Nov. 24 deadline": the article is not part of a name-like date
        if text[s..e].len() > 4
            && text[s..e]
                .get(..4)
                .map(|p| p.eq_ignore_ascii_case("the "))
                .unwrap_or(false)
            && text[s + 4..e].starts_with(|c: char| c.is_uppercase())
        {
            s += 4;
        }
        if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let (cs, ce) = (cp_of[s], cp_of[e]);
        let k = sentences.partition_point(|&(_, b)| b <= cs);
        let sent = sentences
            .get(k)
            .copied()
            .filter(|&(a, _)| a <= cs)
            .unwrap_or((cs, ce));
        // tense cues come from the clause around the expression: at most a few hundred characters
        let sent = (
            sent.0.max(cs.saturating_sub(TENSE_WINDOW)),
            sent.1.min(ce + TENSE_WINDOW),
        );
        let tense = context::tense(&chars, sent, cs, ce);
        state.pos = cs;
        state.after = low
            .get(e..(e + 40).min(low.len()))
            .filter(|_| low.is_char_boundary((e + 40).min(low.len())))
            .unwrap_or("")
            .to_string();
        let last_day = state.last_day;
        let Some((kind, value)) = state.resolve(&h.sem, tense) else {
            continue;
        };
        // "passed a bill on Friday that keeps the government open through
        // Dec. 15, hours before a midnight deadline": the end of a span is
        // no day the story is at; a later "midnight" is Friday's.
        if ends_a_span(&low[..s]) {
            state.last_day = last_day;
        }
        // a dateline ("WASHINGTON, August 11 (Xinhua) --") dates the story: relative expressions
        // after it resolve against it rather than against the publication time
        if cs < 80
            && kind == TimexType::Date
            && value.len() == 10
            && text[..s].trim_end().ends_with(',')
            && text[..s].trim().chars().all(|c| !c.is_lowercase())
        {
            if let Some(d) = resolve::parse_dct(&value) {
                state.dct = Some(d);
            }
        }
        let anchor = if kind == TimexType::Date || kind == TimexType::Time {
            anchor_phrase(&chars, cs, ce)
        } else {
            None
        };
        out.push(Timex {
            start: cs,
            end: ce,
            text: text[s..e].to_string(),
            kind,
            value,
            modifier: h.modifier.map(str::to_string),
            anchor,
        });
    }
    out
}

/// Does the lower-cased text before an expression end in a word that makes
/// it the end of a span ("through", "until", "till")?
fn ends_a_span(before: &str) -> bool {
    let w = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    matches!(w, "through" | "until" | "till" | "thru")
}

/// Nouns of scheduled or dated events that a date can qualify ("the Nov. 24 deadline").
const EVENT_NOUNS: &[&str] = &[
    "deadline",
    "deadlines",
    "meeting",
    "meetings",
    "summit",
    "election",
    "elections",
    "vote",
    "talks",
    "conference",
    "hearing",
    "session",
    "trial",
    "launch",
    "visit",
    "debate",
    "referendum",
    "ceremony",
    "inauguration",
    "negotiations",
    "rally",
    "strike",
    "speech",
    "announcement",
    "release",
    "auction",
    "match",
    "game",
    "race",
    "opening",
    "anniversary",
    "celebration",
    "festival",
    "parade",
    "funeral",
    "sentencing",
    "ultimatum",
    "ballot",
    "primary",
    "caucus",
    "caucuses",
    "runoff",
    "trip",
    "attack",
    "attacks",
    "bombing",
    "massacre",
    "crash",
    "shooting",
    "raid",
    "storm",
    "earthquake",
    "explosion",
    "incident",
    "ruling",
    "decision",
    "verdict",
    "agreement",
    "accord",
    "treaty",
    "ceasefire",
    "truce",
    "invasion",
    "coup",
    "testimony",
    "interview",
    "appearance",
    "address",
    "broadcast",
    "premiere",
    "concert",
    "exhibition",
    "forum",
    "convention",
    "assembly",
    "gathering",
    "protest",
    "protests",
    "demonstration",
    "walkout",
    "report",
    "meeting",
    "session",
    "closing",
    "hearings",
    "sale",
    "offering",
    "payment",
    "expiration",
    "signing",
    "shutdown",
    "start",
    "kickoff",
    "deal",
    "ballots",
    "polls",
    "poll",
    "showdown",
    "settlement",
    "merger",
    "takeover",
    "bid",
    "announcement",
    "vote",
];

const PREPS: &[&str] = &[
    "for", "of", "on", "in", "with", "to", "by", "at", "from", "about", "over", "against",
    "between", "after", "before", "under", "into", "and", "or", "but", "that", "which", "who",
    "is", "was", "are", "were", "will", "would", "has", "had", "have", "as", "than", "when",
    "while", "if",
];

fn words_from(chars: &[char], mut i: usize, max: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    while i < chars.len() && out.len() < max {
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        if i >= chars.len() || !chars[i].is_alphanumeric() {
            break;
        }
        let s = i;
        while i < chars.len()
            && (chars[i].is_alphanumeric()
                || chars[i] == '-'
                || chars[i] == '\''
                || chars[i] == '\u{2019}')
        {
            i += 1;
        }
        out.push((s, i, chars[s..i].iter().collect::<String>().to_lowercase()));
    }
    out
}

/// The event a date qualifies: "the Nov. 24 deadline for international talks" → "deadline for
/// international talks"; "the deadline of Nov. 24" → "deadline".
fn anchor_phrase(chars: &[char], start: usize, end: usize) -> Option<String> {
    let ws = words_from(chars, end, 8);
    if let Some((s0, e0, w0)) = ws.first() {
        if EVENT_NOUNS.contains(&w0.as_str()) {
            let mut last = *e0;
            // one prepositional complement: "for international talks", stopping at the next preposition
            if let Some((_, _, p)) = ws.get(1) {
                if matches!(p.as_str(), "for" | "of" | "on" | "with" | "to" | "in") {
                    let mut j = 2;
                    let mut content = 0;
                    while let Some((_, e, w)) = ws.get(j) {
                        if PREPS.contains(&w.as_str()) || j > 5 {
                            break;
                        }
                        if !matches!(w.as_str(), "the" | "a" | "an") {
                            content += 1;
                        }
                        last = *e;
                        j += 1;
                        // do not run past the end of the phrase's text
                        if *e < chars.len() && !matches!(chars[*e], ' ') {
                            break;
                        }
                    }
                    if content == 0 {
                        last = *e0;
                    }
                }
            }
            return Some(chars[*s0..last].iter().collect());
        }
    }
    // "the deadline of Nov. 24", "a meeting on Tuesday", "talks scheduled for Nov. 24"
    let mut i = start;
    let mut back: Vec<String> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    while back.len() < 3 && i > 0 {
        let mut e = i;
        while e > 0 && chars[e - 1] == ' ' {
            e -= 1;
        }
        let mut s = e;
        while s > 0 && (chars[s - 1].is_alphanumeric() || chars[s - 1] == '-') {
            s -= 1;
        }
        if s == e {
            break;
        }
        back.push(chars[s..e].iter().collect::<String>().to_lowercase());
        spans.push((s, e));
        i = s;
    }
    let prep_ok = |w: &str| matches!(w, "on" | "of" | "for" | "set for" | "scheduled for");
    // "a news conference Wednesday", "the talks Tuesday"
    if let Some(w0) = back.first() {
        if EVENT_NOUNS.contains(&w0.as_str())
            && chars.get(spans[0].1).map(|c| *c == ' ').unwrap_or(false)
        {
            let (s0, e0) = spans[0];
            let modifier_word = back.get(1).filter(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !PREPS.contains(&w.as_str())
                    && !matches!(
                        w.as_str(),
                        "a" | "an"
                            | "the"
                            | "this"
                            | "that"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                            | "our"
                            | "last"
                            | "next"
                    )
            });
            let s = if modifier_word.is_some() {
                spans[1].0
            } else {
                s0
            };
            return Some(chars[s..e0].iter().collect());
        }
    }
    if back.len() >= 2 && prep_ok(&back[0]) && EVENT_NOUNS.contains(&back[1].as_str()) {
        let (s, e) = spans[1];
        return Some(chars[s..e].iter().collect());
    }
    if back.len() >= 3
        && back[0] == "for"
        && matches!(back[1].as_str(), "scheduled" | "set" | "planned" | "slated")
        && EVENT_NOUNS.contains(&back[2].as_str())
    {
        let (s, e) = spans[2];
        return Some(chars[s..e].iter().collect());
    }
    None
}
