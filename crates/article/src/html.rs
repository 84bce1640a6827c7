//! HTML pages: the page's metadata first, the body from `dom_smoothie`'s
//! readability, then the news-specific cleaning shared with plain text.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::meta::{self, PageMeta};
use crate::model::Article;
use crate::text;
use dossier_document::Warning;

/// Fill `article` from an HTML page. Fields already set in `article` (from the
/// caller's hints) win over what the page says.
pub fn extract(html: &str, article: &mut Article, warnings: &mut Vec<Warning>) {
    let doc = Document::from(html);
    let page = meta::collect(&doc);
    let url = article.url.clone().or_else(|| page.url.clone());
    let base = url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let (body, readability_title) = match Readability::with_document(doc, base, Some(cfg.clone()))
        .or_else(|_| Readability::with_document(Document::from(html), None, Some(cfg)))
    {
        Ok(mut r) => match r.parse() {
            Ok(a) => (a.text_content.to_string(), Some(a.title).filter(|t| !t.trim().is_empty())),
            Err(e) => {
                warnings.push(Warning(format!("no article body found in the page ({e}): output is what was found")));
                (fallback_text(html, &page), None)
            }
        },
        Err(e) => {
            warnings.push(Warning(format!("page could not be read as an article ({e}): output is what was found")));
            (fallback_text(html, &page), None)
        }
    };
    fill_meta(article, &page, url, readability_title);
    let paras: Vec<String> = body.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    text::clean(paras, article);
}

fn fill_meta(article: &mut Article, page: &PageMeta, url: Option<String>, readability_title: Option<String>) {
    article.url = url;
    if article.title.is_none() {
        article.title = page
            .title
            .clone()
            .or(readability_title)
            .or_else(|| page.html_title.clone())
            .map(|t| strip_site_suffix(&t, page.outlet.as_deref()));
    }
    if article.authors.is_empty() {
        article.authors = page.authors.clone();
    }
    if article.outlet.is_none() {
        article.outlet = page.outlet.clone();
    }
    if article.published.is_none() {
        article.published = page.published.clone();
    }
    if article.language.is_none() {
        article.language = page.language.clone();
    }
}

/// The page's visible text when readability finds no article: the JSON-LD
/// `articleBody` if there is one, else the text of `<body>`.
fn fallback_text(html: &str, page: &PageMeta) -> String {
    if let Some(b) = &page.article_body {
        return b.clone();
    }
    let doc = Document::from(html);
    doc.select("script, style, noscript, nav, header, footer").remove();
    let body = doc.select("body");
    if body.exists() { body.formatted_text().to_string() } else { doc.formatted_text().to_string() }
}

/// "Headline | The Daily Ledger" → "Headline" when the suffix is the outlet's
/// name or the part after the separator is much shorter than the headline.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let title = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let tail_is_outlet = outlet.is_some_and(|o| {
                let o = o.to_lowercase();
                let t = tail.to_lowercase();
                o.contains(&t) || t.contains(&o)
            });
            if tail_is_outlet || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 4 && sep == " | ") {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix() {
        assert_eq!(strip_site_suffix("Bridge reopens after storm | Harbor Gazette", Some("Harbor Gazette")), "Bridge reopens after storm");
        assert_eq!(strip_site_suffix("Bridge reopens after storm - Harbor Gazette", Some("The Harbor Gazette")), "Bridge reopens after storm");
        assert_eq!(strip_site_suffix("Iran - a country in talks", None), "Iran - a country in talks");
    }
}
