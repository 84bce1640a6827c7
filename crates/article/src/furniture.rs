//! Page furniture: the lines a news page puts around and inside an article that
//! are not part of it ("Advertisement", "Share", "Read more", captions, …).
//!
//! The rules work on single lines of text, so the same rules clean plain text
//! scraped from a page and the text the HTML extractor returns.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Reason;

/// Compile a rule. Rules are matched against the lowercased line (cheaper than
/// `(?i)` over Unicode), and word boundaries are ASCII ones (`\\b` as
/// `(?-u:\\b)`): both keep every rule small and within the regex crate's fast DFA.
fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("furniture pattern")
}

/// Whole-line patterns, tried in order. Each must match the entire trimmed line.
static LINE_RULES: LazyLock<Vec<(Reason, Regex)>> = LazyLock::new(|| {
    vec![
        (
            Reason::PageMeta,
            re(r"^\|?\s*((tempo de leitura|reading time|read time|temps de lecture|lesezeit|tiempo de lectura)\s*:?.*|(first |last )?(published|updated|posted)( on| at)?:?\s.*\d.*|\d+\s*(-\s*)?(minute|min)s?\.? read)$"),
        ),
        (
            Reason::Advertisement,
            re(r"^(advertisement|advertising|advert|ad|ads|sponsored( content| links?)?|paid (content|post)|promoted( content| stories)?|supported by|story continues below( this)? (advertisement|ad)|article continues below( this)? (advertisement|ad)|continue reading (the main story|below)|skip advertisement|remove ads?|ad feedback|\[?ad\]?)$"),
        ),
        (
            Reason::Social,
            re(r"^((share|share this|share this (article|story|page|post|video)|share on (facebook|twitter|x|linkedin|whatsapp)|share via email|tweet( this)?|email( this)?|e-mail|print( this)?( article| page)?|save( article| for later| story)?|copy link( to clipboard)?|link copied|copied|whatsapp|facebook|twitter|linkedin|pinterest|reddit|flipboard|messenger|telegram|x|comments?|\d+ comments?|comments? \(\d+\)|view comments|show comments|leave a comment|join the conversation|gift( this)? article|listen( to this article)?|bookmark|pin|pint|baixar|download|sharing is caring!?)[\s|·•,/]*)+$|^(follow (us|me|him|her|them|@\w+)\b.*|view (the )?author('s)? (archive|profile)|e-?mail the (author|reporter)|about the author|tell us what you think.*|join the discussion.*|via [\w.-]+\.(com|info|net|org))$"),
        ),
        (
            Reason::ReadMore,
            re(r"^(read more|read more:.*|more:\s.*|read next:?.*|see also:.*|also read:.*|also see:.*|watch:\s.*|listen:\s.*|read the full (story|article).*|click here\b.*|continue reading.*|keep reading.*|read (the )?(full )?(story|article)( here)?\.?|see more:.*|read more\b[^.]*|more:|more great .+ stories|want more stories like this\??)$"),
        ),
        (
            Reason::Newsletter,
            re(r"^((sign up|subscribe|register)\b.*\b(newsletters?|updates|alerts|emails?|briefing|digest|inbox)\b.*|.*\bnewsletters?\b.*\b(sign up|subscribe)\b.*|subscribe( now| today)?|sign up( now| today)?|get (our|the) .*newsletter.*|thanks? (you )?for (signing up|subscribing).*|you have (been )?successfully subscribed.*|breaking news (e-?mails|alerts)|.*\b(sign up|subscribe)\b.*\b(newsletters?|inbox)\b.*)$"),
        ),
        (
            Reason::Caption,
            re(r"^(caption|this slideshow requires javascript\.?|(photo|photograph|image|picture|video|graphic|illustration|file photo|photo illustration|credit|photo credit|image credit|image source|image caption|media caption|image copyright|caption)\s*[:|]\s*.+|(image|photo) (copyright|caption|source)\s.+|(enlarge|toggle|hide) (this )?(image|caption)|\(?(photo|image) by [^.]+\)?|\(?(ap|afp|reuters|getty( images)?|epa|shutterstock)( photo)?(/[^)]+)?\)?|image \d+ of \d+|\d+ of \d+|[\p{L}. ]+\s?/\s?(getty( images)?|ap|afp|reuters|shutterstock|zdnet|cnet|epa)|(фото|foto|fotos|photo)\s*:.+)$"),
        ),
        (
            Reason::Copyright,
            re(r"^((©|\(c\)).*|.*©\s?\d{4}.*|(copyright\s?)?ⓒ.*|copyright\s*(©|\(c\)|\d{4}).*|.*\ball rights reserved\b.*)$"),
        ),
        (
            Reason::CookieNotice,
            re(r"^(.*\b(we|this (web)?site|our (web)?site|our partners) (use|uses|using)( of)? cookies\b.*|.*\b(accept|manage|reject) (all )?cookies\b.*|cookie (settings|preferences|policy|notice))$"),
        ),
        (
            Reason::Navigation,
            re(r"^(skip to (main )?(content|navigation)|back to top|jump to (content|comments)|menu|main menu|home|search|log ?in|sign in|log ?out|my account|next (article|story)|previous (article|story)|close|open|loading( content)?\s*(\.*|…)|click to expand|expand|collapse|show more|show less|load more|see more|toggle navigation|text size|[\p{L} &]+( > [\p{L} &]+)+)$"),
        ),
    ]
});

/// A line that opens a list of other stories: it and the short headline-like
/// lines after it are furniture.
static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(related|related (stories|articles|coverage|content|news|links|topics|reading)|more on (this|that)( story| topic)?|more (about|on) .+|you (may|might) (also )?(like|be interested in)|recommended( for you| stories| reading)?|related (coverage|stories|articles) from .+|what to read next|editors?'?’?s? picks|in other news|elsewhere on .+|don'?’?t miss|tags|topics|recent (articles|posts|stories)|popular( this week| now)?|latest|read these next)\s*:?$")
});

/// A line that opens a trailing block of other headlines: everything after it is
/// furniture when the rest is headline-like.
static MORE_HEADLINES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(more (headlines|stories|news|top stories|from .+)|most (read|popular|viewed|shared|emailed)( stories| articles)?( on .+)?|trending( now| stories)?|top (stories|headlines|news)|latest (news|stories|headlines)|popular (now|stories)|don'?’?t miss|up next|further reading|around the web|from (our|the) (partners|web)|sponsored stories|promoted stories)\s*:?$")
});

/// An inline related link: "Related: Headline of another story".
static RELATED_INLINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(related|related (story|article|coverage|post|video)( from .+)?|more|read|read also|recommended)\s*:\s*\S.*$"));

/// Classify one line of text: `Some(reason)` when the whole line is page furniture.
pub fn classify_line(line: &str) -> Option<Reason> {
    let l = line.trim();
    // Furniture lines are short; prose paragraphs are not worth the regexes.
    if l.is_empty() || l.len() > 600 || l.chars().count() > 400 {
        return None;
    }
    let l = &l.to_lowercase();
    if RELATED_INLINE.is_match(l) && !looks_like_sentence_with_colon(l) {
        return Some(Reason::Related);
    }
    // Long lines can only be cookie notices; other furniture is short.
    let long = l.chars().count() > 200;
    LINE_RULES
        .iter()
        .filter(|(reason, _)| !long || *reason == Reason::CookieNotice)
        .find(|(_, r)| r.is_match(l))
        .map(|(reason, _)| *reason)
}

/// "More: …" and friends are links, but "Read: The president's remarks were …" in
/// running prose is rare; a long line with several sentences is kept.
fn looks_like_sentence_with_colon(l: &str) -> bool {
    l.matches(". ").count() >= 2
}

/// Does this line open a "Related" list?
pub fn is_related_header(line: &str) -> bool {
    line.len() < 80 && RELATED_HEADER.is_match(&line.trim().to_lowercase())
}

/// Does this line open a trailing "More headlines" block?
pub fn is_more_headlines_header(line: &str) -> bool {
    line.len() < 80 && MORE_HEADLINES.is_match(&line.trim().to_lowercase())
}

/// A line that reads like a headline or link text, not a paragraph of prose:
/// short, and not ending in sentence punctuation.
pub fn is_headline_like(line: &str) -> bool {
    let l = line.trim();
    let words = l.split_whitespace().count();
    if words == 0 || words > 20 {
        return false;
    }
    let last = l.chars().last().unwrap_or(' ');
    !matches!(last, '.' | ':' | ';' | ',' | '"' | '”')
}

/// Remove page furniture from a list of paragraphs (each one line of text or a
/// block of lines). Returns the kept paragraphs and what was removed, in order.
///
/// Besides single furniture lines this removes a "Related:" header with the
/// headline-like lines that follow it, and a trailing "More headlines" block
/// when nothing but headline-like lines follow its header.
pub fn strip(paragraphs: Vec<String>) -> (Vec<String>, Vec<(String, Reason)>) {
    let classes: Vec<Option<Reason>> = paragraphs.iter().map(|p| classify_line(p)).collect();
    strip_classified(&paragraphs, &classes)
}

/// [`strip`] with each paragraph's [`classify_line`] result already known.
pub fn strip_classified(paragraphs: &[String], classes: &[Option<Reason>]) -> (Vec<String>, Vec<(String, Reason)>) {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut removed = Vec::new();
    let mut in_related = false;
    for (idx, para) in paragraphs.iter().enumerate() {
        let para = para.trim();
        if para.is_empty() {
            continue;
        }
        if is_more_headlines_header(para) {
            let rest = &paragraphs[idx + 1..];
            let prose = rest.iter().zip(&classes[idx + 1..]).filter(|(p, c)| !is_headline_like(p) && c.is_none()).count();
            if prose == 0 || rest.len() >= 3 && prose * 5 <= rest.len() && idx * 2 >= paragraphs.len() {
                removed.push((para.to_string(), Reason::MoreHeadlines));
                removed.extend(rest.iter().filter(|p| !p.trim().is_empty()).map(|p| (collapse(p), Reason::MoreHeadlines)));
                break;
            }
        }
        if is_related_header(para) {
            removed.push((para.to_string(), Reason::Related));
            in_related = true;
            continue;
        }
        if in_related {
            if is_headline_like(para) && classes[idx].is_none() {
                removed.push((collapse(para), Reason::Related));
                continue;
            }
            in_related = false;
        }
        if !para.contains('\n') {
            match classes[idx] {
                Some(reason) => removed.push((para.to_string(), reason)),
                None => kept.push(para.to_string()),
            }
            continue;
        }
        // A block of lines: drop furniture lines inside it, keep the others.
        let mut lines_kept = Vec::new();
        for line in para.lines() {
            match classify_line(line) {
                Some(reason) => removed.push((line.trim().to_string(), reason)),
                None => lines_kept.push(line),
            }
        }
        if !lines_kept.is_empty() {
            kept.push(lines_kept.join("\n"));
        }
    }
    (kept, removed)
}

/// Collapse runs of white space to one space, for `removed` entries.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_lines() {
        let cases = [
            ("Advertisement", Reason::Advertisement),
            ("ADVERTISEMENT", Reason::Advertisement),
            ("Story continues below advertisement", Reason::Advertisement),
            ("Share", Reason::Social),
            ("Share this article", Reason::Social),
            ("Facebook Twitter Email", Reason::Social),
            ("Share | Tweet | Email", Reason::Social),
            ("12 Comments", Reason::Social),
            ("Read more", Reason::ReadMore),
            ("READ MORE: Fed holds rates steady", Reason::ReadMore),
            ("See also: The full transcript", Reason::ReadMore),
            ("Sign up for our newsletter", Reason::Newsletter),
            ("Sign up for the Morning Briefing newsletter and get the news in your inbox.", Reason::Newsletter),
            ("Subscribe", Reason::Newsletter),
            ("Photo: Jane Doe / The Daily Ledger", Reason::Caption),
            ("Image copyright Getty Images", Reason::Caption),
            ("(AP Photo/Evan Vucci)", Reason::Caption),
            ("Copyright 2014 The Daily Ledger. All rights reserved.", Reason::Copyright),
            ("© 2019 Example Media Group", Reason::Copyright),
            ("We use cookies to improve your experience on our site. By continuing you agree.", Reason::CookieNotice),
            ("Related: Senate passes the budget bill", Reason::Related),
            ("Skip to main content", Reason::Navigation),
            ("Updated at 1:23 p.m.", Reason::PageMeta),
            ("| UPDATED: 11:05, Tue, Nov 19, 2019", Reason::PageMeta),
            ("Follow @BGRDeals on Twitter to keep up with the latest deals.", Reason::Social),
            ("Image 1 of 8", Reason::Caption),
            ("The contents of this site are ©2019 Capitol Hill Publishing Corp.", Reason::Copyright),
        ];
        for (line, want) in cases {
            assert_eq!(classify_line(line), Some(want), "{line}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "The White House declined to comment Thursday on a news report.",
            "Share prices fell 3 percent on Monday.",
            "He said the photo was taken in 2012.",
            "Twitter said it would suspend the account.",
            "Advertisement revenue at the paper fell by a third, the company said.",
            "Copyright law does not protect facts, the judge wrote.",
            "Read more about the plan in the document released by the ministry on Tuesday, which runs to 400 pages.",
            "Home prices rose.",
            "Updated figures will be published next week, the ministry said.",
            "She posted a photo of the letter, which was dated 2019.",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
    }

    #[test]
    fn related_lists_and_trailing_headlines() {
        let paras: Vec<String> = [
            "The minister resigned on Friday.",
            "Related",
            "Budget talks collapse",
            "Opposition calls for vote",
            "Her successor is expected to be named next week, officials said.",
            "Advertisement",
            "The party will meet on Monday.",
            "More headlines",
            "Storm hits coast",
            "Local team wins title",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (kept, removed) = strip(paras);
        assert_eq!(
            kept,
            [
                "The minister resigned on Friday.",
                "Her successor is expected to be named next week, officials said.",
                "The party will meet on Monday."
            ]
        );
        let reasons: Vec<_> = removed.iter().map(|r| r.1).collect();
        assert_eq!(
            reasons,
            [
                Reason::Related,
                Reason::Related,
                Reason::Related,
                Reason::Advertisement,
                Reason::MoreHeadlines,
                Reason::MoreHeadlines,
                Reason::MoreHeadlines
            ]
        );
    }

    #[test]
    fn a_more_headlines_line_followed_by_prose_is_kept() {
        let paras: Vec<String> = ["Top stories", "This paragraph is real prose about the top stories of the year, and it goes on.", "So does this one, which explains the rest of the matter at length."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (kept, _) = strip(paras);
        assert_eq!(kept.len(), 3);
    }
}
