//! The article stage: a [`Document`] to a clean [`Article`] with its metadata.
//!
//! - HTML pages: the page's own metadata first (JSON-LD, OpenGraph, `<meta>`,
//!   `<time>`, the URL's date), the body from `dom_smoothie`, then page furniture
//!   removal ([`furniture`]).
//! - Scraped plain text: the headline, byline and date lines at the top are
//!   recognised, then the same furniture rules apply.
//! - Verbatim text (a JSONL `"text"` field): kept exactly, so that offsets refer
//!   to the string the caller gave.
//!
//! **Architecture invariant:** [`extract`] is a pure function of the document and
//! the options. It does no I/O and never fails: odd input gives an article (maybe
//! empty) and warnings.

pub mod byline;
pub mod dates;
mod depth;
pub mod furniture;
mod html;
mod lang;
pub mod meta;
mod model;
mod prestrip;
mod scan;
pub mod text;

pub use model::{Article, Range, Reason, Removed};

use dossier_document::{Body, Document, Warning};

/// Options of the article stage.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date to use whatever the document says (`--published`),
    /// already normalised by [`dates::normalize`].
    pub published: Option<String>,
}

/// Extract the article from a document. See the crate documentation.
pub fn extract(doc: &Document, opts: &Options) -> (Article, Vec<Warning>) {
    let mut warnings = doc.warnings.clone();
    let mut article = Article {
        id: doc.id(),
        url: doc.hints.url.clone(),
        title: doc.hints.title.as_deref().map(furniture::collapse).filter(|t| !t.is_empty()),
        published: doc.hints.published.as_deref().and_then(|p| {
            let n = dates::normalize(p);
            if n.is_none() {
                warnings.push(Warning(format!("published date {p:?} not understood: ignored")));
            }
            n
        }),
        ..Article::default()
    };
    match &doc.body {
        Body::Html(h) => html::extract(h, &mut article, &mut warnings),
        Body::Text(t) => text::extract(t, &mut article),
        Body::VerbatimText(t) => article.set_verbatim(t),
    }
    if opts.published.is_some() {
        article.published = opts.published.clone();
    }
    if article.outlet.is_none() {
        article.outlet = doc.hints.outlet.as_deref().map(furniture::collapse).filter(|t| !t.is_empty());
    }
    if article.published.is_none() {
        article.published = article.url.as_deref().and_then(dates::date_from_url);
    }
    if article.language.is_none() {
        article.language = lang::detect(&article.text);
    }
    if article.text.trim().is_empty() {
        warnings.push(Warning("no article text found".into()));
    } else if !matches!(doc.body, Body::VerbatimText(_)) && article.text.split_whitespace().count() < 40 {
        warnings.push(Warning("very little text: this may not be an article".into()));
    }
    (article, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::{load, Origin};
    use proptest::prelude::*;

    fn doc(body: Body) -> Document {
        Document::new(Origin::File("t".into()), body)
    }

    #[test]
    fn published_override_wins() {
        let d = doc(Body::Text("Headline here now\n\nPublished Jan. 2, 2015\n\nBody text.".into()));
        let (a, _) = extract(&d, &Options { published: Some("2014-11-06".into()) });
        assert_eq!(a.published.as_deref(), Some("2014-11-06"));
        let (a, _) = extract(&d, &Options::default());
        assert_eq!(a.published.as_deref(), Some("2015-01-02"));
    }

    #[test]
    fn url_date_is_the_last_resort() {
        let mut d = doc(Body::Html("<p>The library will open longer hours from Monday, the board said.</p>".into()));
        d.hints.url = Some("https://post.example/2020/07/22/library-hours/".into());
        let (a, _) = extract(&d, &Options::default());
        assert_eq!(a.published.as_deref(), Some("2020-07-22"));
    }

    #[test]
    fn verbatim_text_is_untouched() {
        let t = "Advertisement\n\nShare\n\nThe text stays.  ";
        let (a, _) = extract(&doc(Body::VerbatimText(t.into())), &Options::default());
        assert_eq!(a.text, t);
        assert!(a.removed.is_empty());
        assert_eq!(a.paragraphs.len(), 3);
    }

    #[test]
    fn empty_html_gives_a_warning_not_a_panic() {
        let (a, w) = extract(&doc(Body::Html("<html><body></body></html>".into())), &Options::default());
        assert!(a.text.is_empty());
        assert!(!w.is_empty());
    }

    proptest! {
        #[test]
        fn any_bytes_any_path_no_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1500)) {
            for (_, d) in load(Origin::Stdin, &bytes, 1 << 20) {
                if let Ok(d) = d {
                    let (a, _) = extract(&d, &Options::default());
                    for p in &a.paragraphs { prop_assert!(p.start <= p.end && p.end <= a.text.chars().count()); }
                }
            }
        }

        #[test]
        fn html_soup_no_panic(parts in proptest::collection::vec(prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"share\">".to_string()),
            Just("</div>".to_string()), Just("<script>".to_string()), Just("<article>".to_string()),
            Just("<h1>Title</h1>".to_string()), Just("<meta charset=\"x\">".to_string()),
            Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":".to_string()),
            "[a-zA-Z ,.“”]{0,80}",
        ], 0..60)) {
            let html = format!("<html><body>{}</body></html>", parts.concat());
            let (a, _) = extract(&doc(Body::Html(html)), &Options::default());
            prop_assert!(a.paragraphs.iter().all(|p| p.end <= a.text.chars().count()));
        }
    }
}
