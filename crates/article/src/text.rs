//! Plain text as scraped or copied from a news page: find the headline, the
//! byline and the page's date lines at the top, and strip page furniture.

use crate::byline;
use crate::dates;
use crate::furniture::{self, classify_line, collapse};
use crate::model::{Article, Reason, Removed};

/// How many leading non-furniture lines may hold the headline, byline and dates.
const HEAD_LINES: usize = 6;

/// Fill `article` from scraped plain text. Metadata already in `article`
/// (a title given by the caller) is kept and used to recognise the headline.
pub fn extract(text: &str, article: &mut Article) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n").replace('\u{a0}', " ");
    clean(paragraphs(&text), article);
}

/// Fill `article`'s body from paragraphs in page order: the head (furniture,
/// headline, byline, date lines) is recognised and removed, then furniture
/// throughout. When `article.title` is already set, only a paragraph repeating
/// it is taken as the headline.
pub fn clean(paras: Vec<String>, article: &mut Article) {
    // Each paragraph is classified once; the head and `strip` share the result.
    let classes: Vec<Option<Reason>> = paras.iter().map(|p| classify_line(p)).collect();
    let mut removed = Vec::new();
    let mut body_start = 0;
    let mut seen = 0;
    // The head: furniture, headline, byline and date lines before the first prose paragraph.
    for (i, p) in paras.iter().enumerate() {
        if seen >= HEAD_LINES {
            break;
        }
        if let Some(reason) = classes[i] {
            if reason == Reason::PageMeta && article.published.is_none() {
                article.published = dates::normalize(p);
            }
            removed.push(Removed { text: collapse(p), reason });
            body_start = i + 1;
            continue;
        }
        seen += 1;
        let has_more = classes[i + 1..].iter().any(Option::is_none);
        let given_title = article.title.as_deref().is_some_and(|t| same_text(t, p));
        if (article.title.is_none() && is_title_candidate(p) && has_more) || given_title {
            if article.title.is_none() {
                article.title = Some(collapse(p));
            }
            removed.push(Removed { text: collapse(p), reason: Reason::Title });
            body_start = i + 1;
            continue;
        }
        if byline::is_byline(p) {
            let names = byline::authors(p);
            for n in names {
                if !article.authors.contains(&n) {
                    article.authors.push(n);
                }
            }
            if article.published.is_none() {
                article.published = dates::find_date(p).map(|d| d.format("%Y-%m-%d").to_string());
            }
            removed.push(Removed { text: collapse(p), reason: Reason::Byline });
            body_start = i + 1;
            continue;
        }
        if is_page_meta(p) {
            if article.published.is_none() {
                article.published = dates::normalize(p);
            }
            removed.push(Removed { text: collapse(p), reason: Reason::PageMeta });
            body_start = i + 1;
            continue;
        }
        break;
    }
    let (kept, rest_removed) = furniture::strip_classified(&paras[body_start..], &classes[body_start..]);
    removed.extend(rest_removed.into_iter().map(|(text, reason)| Removed { text, reason }));
    article.set_paragraphs(&kept);
    article.removed.extend(removed);
}

/// Split text into paragraphs: blocks between blank lines; inside a block each
/// line is a paragraph, unless the block is hard-wrapped prose (long lines that
/// run on), whose lines are joined with spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        if is_hard_wrapped(&lines) {
            out.push(lines.join(" "));
        } else {
            out.extend(lines.iter().map(|l| l.to_string()));
        }
    }
    out
}

fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let widths: Vec<usize> = body.iter().map(|l| l.chars().count()).collect();
    let max = *widths.iter().max().unwrap_or(&0);
    let min = *widths.iter().min().unwrap_or(&0);
    let run_on = body.iter().filter(|l| !l.ends_with(['.', '!', '?', '"', '”', ':'])).count();
    max <= 100 && min >= 35 && max - min <= 30 && run_on * 2 >= body.len()
}

/// A headline: one short line of words that does not end like a sentence.
fn is_title_candidate(p: &str) -> bool {
    let words = p.split_whitespace().count();
    let chars = p.chars().count();
    (2..=30).contains(&words)
        && chars <= 250
        && !p.ends_with(['.', ',', ';', ':'])
        && p.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '‘' || c == '"' || c == '“' || c == '\'')
}

/// "Published Nov. 6, 2014", "Updated 10:42 a.m.", "5 min read", or a line that
/// is only a date.
fn is_page_meta(p: &str) -> bool {
    use std::sync::LazyLock;
    static META: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\|?\s*((first |last )?(published|updated|posted|modified)\b.{0,80}|\d+\s*(-\s*)?(minute|min)s?\.? read|(mon|tues|wednes|thurs|fri|satur|sun)day,?\s.{0,40}\d{4}.{0,30})$").unwrap()
    });
    let p = p.trim();
    if META.is_match(p) {
        return true;
    }
    p.chars().count() <= 40 && !p.ends_with('.') && dates::find_date(p).is_some() && p.split_whitespace().count() <= 7
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Article {
        let mut a = Article::default();
        extract(text, &mut a);
        a
    }

    #[test]
    fn headline_furniture_and_body() {
        let a = run("Advertisement\n\nMayor vows to fix the bridge\n\nShare\n\nThe mayor said on Monday that the bridge would reopen.\n\nAdvertisement\n\nCrews began work at dawn.\n\nAdvertisement");
        assert_eq!(a.title.as_deref(), Some("Mayor vows to fix the bridge"));
        assert_eq!(a.text, "The mayor said on Monday that the bridge would reopen.\n\nCrews began work at dawn.");
        let reasons: Vec<_> = a.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [Reason::Advertisement, Reason::Title, Reason::Social, Reason::Advertisement, Reason::Advertisement]
        );
    }

    #[test]
    fn byline_and_date_lines() {
        let a = run("Council approves budget\nBy JANE DOE and Sam Roe\nPublished Nov. 6, 2014\n5 min read\n\nThe council approved the budget on Thursday, members said.\n");
        assert_eq!(a.title.as_deref(), Some("Council approves budget"));
        assert_eq!(a.authors, ["Jane Doe", "Sam Roe"]);
        assert_eq!(a.published.as_deref(), Some("2014-11-06"));
        assert_eq!(a.text, "The council approved the budget on Thursday, members said.");
    }

    #[test]
    fn no_headline_when_text_starts_with_prose() {
        let a = run("The council approved the budget on Thursday.\n\nIt passed 7-2.");
        assert_eq!(a.title, None);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let p = paragraphs("The council approved the budget on Thursday after a long\nnight of debate in which members argued over the cost of\nthe new bridge.\n\nNext.");
        assert_eq!(p.len(), 2);
        assert!(p[0].starts_with("The council") && p[0].ends_with("bridge."));
    }

    #[test]
    fn given_title_is_recognised() {
        let mut a = Article { title: Some("Mayor’s plan".into()), ..Default::default() };
        extract("Mayor's plan\n\nThe mayor spoke.", &mut a);
        assert_eq!(a.text, "The mayor spoke.");
        assert_eq!(a.title.as_deref(), Some("Mayor’s plan"));
    }
}
