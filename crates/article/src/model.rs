//! The `Article` type: what the extraction stage produces.

use serde::Serialize;

/// A range of the article's clean `text`, in Unicode code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Why a piece of the input was left out of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The headline: it is the article's `title`, not body text.
    Title,
    /// A byline ("By Jane Doe"): its names are in `authors`.
    Byline,
    /// A dateline of the page ("Published Nov. 6, 2014", "Updated …", "5 min read").
    PageMeta,
    /// "Advertisement", "Story continues below advertisement", "Sponsored".
    Advertisement,
    /// Social buttons: "Share", "Tweet", "Email", "Facebook", "Comments".
    Social,
    /// "Read more", "See also: …", "Click here …".
    ReadMore,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Photo and video captions and credits ("Photo: …", "Image copyright …").
    Caption,
    /// Copyright lines.
    Copyright,
    /// Cookie and consent notices.
    CookieNotice,
    /// "Related:" lists and their entries.
    Related,
    /// Trailing blocks of other headlines ("More headlines", "Most popular").
    MoreHeadlines,
    /// Site navigation ("Skip to content", "Back to top", "Menu").
    Navigation,
}

impl Reason {
    /// The name used in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::Byline => "byline",
            Reason::PageMeta => "page_meta",
            Reason::Advertisement => "advertisement",
            Reason::Social => "social",
            Reason::ReadMore => "read_more",
            Reason::Newsletter => "newsletter",
            Reason::Caption => "caption",
            Reason::Copyright => "copyright",
            Reason::CookieNotice => "cookie_notice",
            Reason::Related => "related",
            Reason::MoreHeadlines => "more_headlines",
            Reason::Navigation => "navigation",
        }
    }
}

/// A piece of the input left out of the clean text, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// The text as it stood in the input (white space collapsed).
    pub text: String,
    /// Why it was removed.
    pub reason: Reason,
}

/// A clean news article: the output of the extraction stage and the input of
/// the language layer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Identifier: the input's `id` if it gave one, else where it came from.
    pub id: String,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Byline authors, names only.
    pub authors: Vec<String>,
    /// The outlet or site name ("The Washington Post").
    pub outlet: Option<String>,
    /// Publication date (`2014-11-06`) or date-time (`2014-11-06T10:30:00-05:00`).
    pub published: Option<String>,
    /// Language, ISO 639-1 where one exists (`en`), else ISO 639-3.
    pub language: Option<String>,
    /// The clean body: paragraphs separated by one blank line.
    pub text: String,
    /// Each paragraph's range in `text`.
    pub paragraphs: Vec<Range>,
    /// What was left out, with the reason, in input order.
    pub removed: Vec<Removed>,
}

impl Article {
    /// Set `text` and `paragraphs` from a list of paragraphs (each trimmed,
    /// empty ones dropped), joined by blank lines.
    pub fn set_paragraphs<S: AsRef<str>>(&mut self, paras: &[S]) {
        self.text.clear();
        self.paragraphs.clear();
        let mut pos = 0;
        for p in paras.iter().map(|p| p.as_ref().trim()).filter(|p| !p.is_empty()) {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
                pos += 2;
            }
            let len = p.chars().count();
            self.text.push_str(p);
            self.paragraphs.push(Range { start: pos, end: pos + len });
            pos += len;
        }
    }

    /// Set `text` verbatim, with paragraphs at runs of blank lines (or, for text
    /// with no blank line, at each line break). Offsets refer to `text` exactly.
    pub fn set_verbatim(&mut self, text: &str) {
        self.text = text.to_string();
        self.paragraphs = verbatim_paragraphs(text);
    }
}

fn verbatim_paragraphs(text: &str) -> Vec<Range> {
    let chars: Vec<char> = text.chars().collect();
    let has_blank_line = text.replace("\r\n", "\n").contains("\n\n")
        || text.lines().any(|l| l.trim().is_empty()) && text.lines().count() > 1;
    let mut out = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut last_non_ws = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            // Does a paragraph break start here?
            let mut j = i + 1;
            let mut newlines = 1;
            while j < chars.len() && chars[j].is_whitespace() {
                if chars[j] == '\n' {
                    newlines += 1;
                }
                j += 1;
            }
            if newlines >= 2 || !has_blank_line {
                if let Some(s) = para_start.take() {
                    out.push(Range { start: s, end: last_non_ws + 1 });
                }
                i = j;
                continue;
            }
        } else if !c.is_whitespace() {
            if para_start.is_none() {
                para_start = Some(i);
            }
            last_non_ws = i;
        }
        i += 1;
    }
    if let Some(s) = para_start {
        out.push(Range { start: s, end: last_non_ws + 1 });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(t: &str, r: Range) -> String {
        t.chars().skip(r.start).take(r.end - r.start).collect()
    }

    #[test]
    fn paragraphs_are_joined_by_blank_lines_with_code_point_offsets() {
        let mut a = Article::default();
        a.set_paragraphs(&["  Iran’s “deal”  ", "", "Second."]);
        assert_eq!(a.text, "Iran’s “deal”\n\nSecond.");
        assert_eq!(a.paragraphs, vec![Range { start: 0, end: 13 }, Range { start: 15, end: 22 }]);
        assert_eq!(slice(&a.text, a.paragraphs[1]), "Second.");
    }

    #[test]
    fn verbatim_paragraphs_follow_blank_lines() {
        let t = "  First line\nstill first.\n\n\n Second — é.\n";
        let mut a = Article::default();
        a.set_verbatim(t);
        assert_eq!(a.text, t);
        let got: Vec<_> = a.paragraphs.iter().map(|&r| slice(t, r)).collect();
        assert_eq!(got, ["First line\nstill first.", "Second — é."]);
    }

    #[test]
    fn verbatim_without_blank_lines_splits_at_lines() {
        let t = "One.\nTwo.\r\nThree.";
        let got: Vec<_> = verbatim_paragraphs(t).iter().map(|&r| slice(t, r)).collect();
        assert_eq!(got, ["One.", "Two.", "Three."]);
    }
}
