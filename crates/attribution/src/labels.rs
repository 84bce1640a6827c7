//! Attributions marked by layout rather than by a verb:
//!
//! - **speaker labels**: a paragraph opening with a name and a colon, as in
//!   transcripts (`PENCE: Well, the question …`) and headlines
//!   (`Okafor: Budget Cuts Will Close Libraries`); the content is the rest of
//!   the paragraph (or of the quotation the label opens);
//! - **signatures**: a quotation (or a post's text) followed by a dash and a
//!   name (`“We need the bridge.” ― Ana Ruiz`, `- Ana Ruiz.` on its own line
//!   after a quoted paragraph).
//!
//! The cue is the colon or the dash. These attributions are the rules' own;
//! the content model does not revisit them (it knows verbs, not layout).

use dossier_language::doc::Doc;

use crate::{chars, quote_at, Attribution, Kind, Quote, SourceType};

/// Words that open a paragraph with a colon but name no speaker: page
/// furniture and editorial labels.
const NOT_SPEAKERS: &[&str] = &[
    "update", "updated", "note", "editor", "editors", "editor's", "editor’s", "watch", "read", "photo", "photos", "video",
    "related", "correction", "breaking", "exclusive", "advertisement", "warning", "live", "image", "images", "credit",
    "source", "sources", "tags", "topics", "share", "subscribe", "listen", "contact", "email", "follow", "more", "see",
    "also", "click", "sign", "analysis", "opinion", "transcript", "background", "disclosure", "caption", "graphic",
    "map", "chart", "audio", "question", "answer", "q", "a", "when", "where", "what", "why", "how", "who", "date",
    "time", "location", "price", "cost", "tickets", "score", "result", "results", "final", "wednesday", "monday",
    "tuesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "begin", "end", "crosstalk",
    "contributing", "byline", "notice", "stat", "boom", "wow", "bombshell", "leaked", "just", "daily", "week", "of",
    "reporting", "additional", "written", "edited", "produced", "filed", "posted", "published",
];

const DASHES: &[&str] = &["―", "—", "–", "-"];

/// Does a paragraph start at token `k`?
fn para_start(doc: &Doc, k: usize) -> bool {
    k == 0 || doc.text[doc.tokens[k - 1].bend..doc.tokens[k].bstart].contains('\n')
}

/// For each token, the first and the last token of its paragraph, computed
/// once (a lookup per cue would make a long paragraph of dashes quadratic).
struct Paras {
    first: Vec<usize>,
    last: Vec<usize>,
}

impl Paras {
    fn new(doc: &Doc) -> Paras {
        let n = doc.tokens.len();
        let mut first = vec![0; n];
        for k in 0..n {
            first[k] = if para_start(doc, k) { k } else { first[k - 1] };
        }
        let mut last = vec![0; n];
        for k in (0..n).rev() {
            last[k] = if k + 1 < n && first[k + 1] == first[k] { last[k + 1] } else { k };
        }
        Paras { first, last }
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A name: one to five tokens, each capitalised or an initial's full stop,
/// starting at `k` and ending before `limit`. Returns its end (exclusive).
fn name_at(doc: &Doc, k: usize, limit: usize) -> Option<usize> {
    let mut e = k;
    while e < limit && e - k < 5 && (capitalised(doc.w(e)) || e > k && doc.w(e) == "." && doc.w(e - 1).chars().count() <= 3) {
        e += 1;
    }
    (e > k && capitalised(doc.w(k))).then_some(e)
}

/// Speaker labels and signatures in the document, not overlapping the
/// contents of `existing`.
pub(crate) fn find(doc: &Doc, quotes: &[Quote], existing: &[Attribution]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let n = doc.tokens.len();
    let paras = Paras::new(doc);
    // Not inside another attribution's content (a speaker's line may hold
    // attributions of its own: "as the Gazette wrote, …"). The contents by
    // start, with the furthest end so far, so that each test is a halving.
    let mut spans: Vec<(usize, usize)> = existing.iter().filter_map(|a| a.content).collect();
    spans.sort_unstable();
    let mut reach = Vec::with_capacity(spans.len());
    let mut far = 0;
    for &(_, y) in &spans {
        far = far.max(y);
        reach.push(far);
    }
    let free = |out: &[Attribution], (s, _): (usize, usize)| {
        let k = spans.partition_point(|&(x, _)| x <= s);
        // `out` grows about in text order: its last content is the one that
        // may hold `s` (an earlier one is not looked at again).
        let in_out = out.last().and_then(|a| a.content).is_some_and(|(x, y)| x <= s && s < y);
        !(k > 0 && reach[k - 1] > s) && !in_out
    };
    for k in 0..n {
        if para_start(doc, k) {
            if let Some(att) = speaker_label(doc, &paras, quotes, k) {
                if att.content.is_some_and(|c| free(&out, c)) {
                    out.push(att);
                }
            }
        }
        if doc.w(k) == ":" {
            if let Some(att) = name_colon_quote(doc, quotes, k).or_else(|| headline_quote(doc, &paras, paras.first[k], k)) {
                if att.content.is_some_and(|c| free(&out, c)) {
                    out.push(att);
                }
            }
        }
        if DASHES.contains(&doc.w(k)) {
            if let Some(att) = signature(doc, &paras, quotes, k) {
                if att.content.is_some_and(|c| free(&out, c)) {
                    out.push(att);
                }
            }
        }
    }
    out
}

/// `PENCE: text …` or `"WALLACE: text …` (a transcript line), and
/// `Okafor: Budget Cuts …` (a headline): a label of one to four words at the
/// paragraph's start, then a colon, then at least three words. A lower-case
/// label is no speaker; a label of capitalised words needs the text after it
/// to be a headline or a quotation; an upper-case label (a transcript) may
/// introduce any text.
fn speaker_label(doc: &Doc, paras: &Paras, quotes: &[Quote], p: usize) -> Option<Attribution> {
    let end = paras.last[p];
    let opened = matches!(doc.w(p), "\"" | "“");
    let l = p + usize::from(opened);
    let colon = (l..(l + 5).min(end)).find(|&k| doc.w(k) == ":")?;
    if colon == l || colon + 3 > end {
        return None;
    }
    let words: Vec<&str> = (l..colon).map(|k| doc.w(k)).collect();
    if words.iter().any(|w| NOT_SPEAKERS.contains(&w.to_lowercase().as_str())) {
        return None;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let upper = words.iter().all(|w| letters(w) == 0 || !w.chars().any(char::is_lowercase)) && words.iter().map(|w| letters(w)).sum::<usize>() >= 2;
    let named = words.iter().all(|w| capitalised(w) || matches!(*w, "." | "’s" | "'s"));
    // "Clinton camp: Trump's remarks threaten …": a name and its camp.
    let camp = words.len() >= 2 && capitalised(words[0]) && matches!(words[words.len() - 1], "camp" | "campaign" | "aides" | "allies" | "spokesman" | "spokeswoman");
    if !(upper || named || camp) {
        return None;
    }
    // A headline in sentence case ("Lynch: No outside influence on FBI
    // probe"): the label a single name ("The" and the like are no name) or
    // an outlet ("NY Daily News:", "Newspaper:"), or a camp.
    let not_a_name = |w: &str| matches!(w, "The" | "This" | "That" | "Here" | "There" | "Why" | "How" | "A" | "An" | "In" | "On" | "At" | "For" | "From");
    // A person's name of two or three words ("Mark Cuban: I'd consider a
    // future White House bid.", "De Blasio: Trust Bratton …") heads a
    // statement, not a question ("Ted Cruz: Constitutional conservative or
    // another typical career politician?" asks about him).
    let question = doc.w(end) == "?" || end > 0 && doc.w(end) != "?" && matches!(doc.w(end), "”" | "\"" | "’") && doc.w(end - 1) == "?";
    let full_name = (2..=3).contains(&words.len()) && !not_a_name(words[0]) && words.iter().all(|w| letters(w) >= 2 && capitalised(w)) && !question;
    let sentence_case_ok = camp
        || full_name
        || words.len() == 1 && letters(words[0]) >= 3 && !not_a_name(words[0])
        || words.last().is_some_and(|w| matches!(*w, "News" | "Post" | "Times" | "Journal" | "Newspaper" | "Guide" | "Report" | "Reports" | "Poll"));
    let mut c = colon + 1;
    let mut stop = end;
    // A label that opens a quotation (a transcript whose every paragraph
    // opens with a mark, closed or not) speaks to the paragraph's end: the
    // marks inside are the speaker's own quotations.
    if !opened && matches!(doc.w(c), "“" | "\"") {
        if let Some(q) = quote_at(quotes, c) {
            stop = q.close.min(end);
            c = q.open;
        }
    } else if !upper {
        // A headline: most words after the colon capitalised.
        let after: Vec<&str> = (c..=end).map(|k| doc.w(k)).filter(|w| w.chars().any(char::is_alphabetic)).collect();
        let caps = after.iter().filter(|w| capitalised(w)).count();
        if after.len() < 3 || caps * 3 < after.len() * 2 && !(sentence_case_ok && after.first().is_some_and(|w| capitalised(w))) {
            return None;
        }
    }
    let (x, y) = crate::trim(doc, c, stop + 1);
    // A list of names ("Iowa: Ann Lee, Ben Oko, …") or markup is not speech.
    let commas = (x..y).filter(|&k| doc.w(k) == ",").count();
    if commas >= 3 && commas * 5 > y - x || doc.w(x) == "<" {
        return None;
    }
    let content = chars(doc, x, y)?;
    let kind = if matches!(doc.w(x), "“" | "\"") { Kind::Direct } else { Kind::Indirect };
    Some(Attribution { kind, source: Some((l, colon)), source_entity: None, source_type: SourceType::Person, cue: Some((colon, colon + 1)), content: Some(content), parts: Vec::new(), stance: None })
}

/// `Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally
/// Investigated.’`, `A lesson from Loretta Lynch: ‘Be the voice that people
/// hear.’`: a headline whose colon (within twelve words of its start) opens
/// a quotation, single or double, that closes the paragraph; the speaker is
/// the headline's first name when a lower-case word follows it, else the
/// last run of two or more capitalised words before the colon.
fn headline_quote(doc: &Doc, paras: &Paras, p: usize, colon: usize) -> Option<Attribution> {
    let end = paras.last[p];
    if colon < p + 2 || colon > p + 12 || (p..colon).any(|k| doc.w(k) == ":") {
        return None;
    }
    let open = colon + 1;
    if !matches!(doc.w(open), "‘" | "“" | "\"" | "'") || end < open + 3 {
        return None;
    }
    // The quotation closes the paragraph (a full stop may follow the mark).
    let last = if matches!(doc.w(end), "." | "!" | "?") && end > open { end - 1 } else { end };
    if !matches!(doc.w(last), "’" | "”" | "\"" | "'") || (p..colon).any(|k| crate::is_quote_mark(doc.w(k)) || matches!(doc.w(k), "," | ";")) {
        return None;
    }
    // (A headline, not a sentence: no verb of saying, which the rules
    // read, and no pronoun or "According" to open it.)
    // (The labels' list for the first word: "Update:", "Watch:"; not "A",
    // which opens a headline as an article.)
    if NOT_SPEAKERS.contains(&doc.low(p)) && doc.low(p) != "a"
        || (p..colon).any(|k| crate::lexicon::is_speech_verb(doc.low(k)))
        || matches!(doc.low(p), "according" | "here" | "he" | "she" | "they" | "we" | "i" | "it" | "there" | "this" | "that")
    {
        return None;
    }
    // The last run of capitalised words (two at least) before the colon.
    let mut runs = Vec::new();
    let mut k = p;
    while k < colon {
        if capitalised(doc.w(k)) {
            let e = name_at(doc, k, colon).unwrap_or(k + 1);
            runs.push((k, e));
            k = e;
        } else {
            k += 1;
        }
    }
    // ("Gillibrand on Hillary Releasing Her Speech Transcripts: …": a
    // headline's first name, before a lower-case word, is its subject.)
    let article = |k: usize| matches!(doc.w(k), "A" | "An" | "The" | "In" | "On" | "At" | "For" | "From" | "How" | "Why" | "What");
    let subject = runs.first().copied().filter(|&(x, e)| !article(x) && e < colon && doc.w(e).chars().next().is_some_and(char::is_lowercase));
    let (sx, sy) = subject.or_else(|| runs.into_iter().filter(|&(x, e)| e >= x + 2).last())?;
    let content = chars(doc, open, end + 1)?;
    Some(Attribution { kind: Kind::Direct, source: Some((sx, sy)), source_entity: None, source_type: SourceType::Person, cue: Some((colon, colon + 1)), content: Some(content), parts: Vec::new(), stance: None })
}

/// `… doesn't surprise pollster Dana Shaw: “Historically, …”`, `More from
/// Jones: “…”`: a name (capitalised words, after a lower-case word, a dash or
/// a comma) right before a colon, and a quotation opening right after it.
fn name_colon_quote(doc: &Doc, quotes: &[Quote], colon: usize) -> Option<Attribution> {
    let q = quote_at(quotes, colon + 1)?;
    let mut s = colon;
    // Capitalised words and initials, and two names joined by "and".
    let name_word = |k: usize| capitalised(doc.w(k)) || doc.w(k) == "." && k >= 1 && doc.w(k - 1).chars().count() <= 2 || matches!(doc.w(k), "’s" | "'s") && k >= 1 && capitalised(doc.w(k - 1));
    while s > 0 && colon - s < 7 && (name_word(s - 1) || doc.low(s - 1) == "and" && s >= 2 && s < colon && capitalised(doc.w(s - 2))) {
        s -= 1;
    }
    if s == colon || s == 0 || !capitalised(doc.w(s)) {
        return None;
    }
    // After a lower-case word, a dash or a comma; not after a preposition
    // ("said on Twitter:", "wrote to Roffman:", "in Italian:": a medium, a
    // listener or a language), but "More from Jones:".
    let before = doc.w(s - 1);
    let preposition = matches!(doc.low(s - 1), "to" | "on" | "in" | "at" | "with" | "by" | "into" | "for" | "about" | "of" | "from" | "via" | "through");
    let more_from = doc.low(s - 1) == "from" && s >= 2 && doc.low(s - 2) == "more";
    if !(before.chars().next().is_some_and(char::is_lowercase) && (!preposition || more_from) || DASHES.contains(&before) || before == ",") {
        return None;
    }
    if (s..colon).any(|k| NOT_SPEAKERS.contains(&doc.low(k))) || q.close <= q.open + 2 {
        return None;
    }
    let content = chars(doc, q.open, q.close + 1)?;
    Some(Attribution { kind: Kind::Direct, source: Some((s, colon)), source_entity: None, source_type: SourceType::Person, cue: Some((colon, colon + 1)), content: Some(content), parts: Vec::new(), stance: None })
}

/// `“…” ― Ana Ruiz`, `text of a post — Ana Ruiz (@handle) date`, and `- Ana
/// Ruiz.` alone on the line after a quoted paragraph. The dash must be
/// followed by a name that ends the paragraph, or is followed by a full stop,
/// a parenthesis, a date or the next quotation.
fn signature(doc: &Doc, paras: &Paras, quotes: &[Quote], d: usize) -> Option<Attribution> {
    let n = doc.tokens.len();
    let end = paras.last[d];
    let name_end = name_at(doc, d + 1, end + 1)?;
    let after = if name_end <= end { doc.w(name_end) } else { "" };
    let tail_ok = name_end > end || matches!(after, "." | "(" | "“" | "\"" | "," ) || DASHES.contains(&after) || para_start(doc, name_end.min(n - 1)) && name_end < n;
    if !tail_ok || after == "," && name_end < end && !doc.w(name_end + 1).chars().next().is_some_and(|c| c.is_ascii_digit() || c.is_uppercase()) {
        return None;
    }
    // The content: the quotation closing right before the dash, else the
    // paragraph's text before it; for a dash opening its paragraph, the
    // previous paragraph's closing quotation.
    let mut k = d;
    while k > 0 && doc.w(k - 1) == "." {
        k -= 1;
    }
    let content = if k > 0 && matches!(doc.w(k - 1), "”" | "\"") {
        let q = crate::quote_closing_at(quotes, k - 1)?;
        (q.open, q.close + 1)
    } else if !para_start(doc, d) && after == "(" && doc.w(name_end + 1).starts_with('@') {
        // A post's text, signed with its author and handle.
        let s = paras.first[d];
        // A dateline ("HARBOR CITY ― The council …") is not a signature:
        // the text before the dash must be a sentence's worth of words.
        if d - s < 4 || doc.w(d - 1).chars().all(char::is_alphanumeric) && d - s < 8 {
            return None;
        }
        crate::trim(doc, s, d)
    } else {
        return None;
    };
    let (x, y) = content;
    if doc.w(x) == "<" {
        return None;
    }
    let span = chars(doc, x, y)?;
    let kind = if matches!(doc.w(x), "“" | "\"") { Kind::Direct } else { Kind::Indirect };
    Some(Attribution { kind, source: Some((d + 1, name_end)), source_entity: None, source_type: SourceType::Person, cue: Some((d, d + 1)), content: Some(span), parts: Vec::new(), stance: None })
}
