//! A page's own metadata: JSON-LD (`NewsArticle` and kin), OpenGraph and other
//! `<meta>` tags, `<time>` elements, the canonical link and the URL's date.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::Value;

use crate::byline;
use crate::dates;

/// What a page says about itself. Each field is the first value found, in the
/// order of preference documented on [`collect`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// The `<title>` element's text.
    pub html_title: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Site or outlet name.
    pub outlet: Option<String>,
    /// Publication date, normalised.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Declared language (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).
    pub language: Option<String>,
    /// JSON-LD `articleBody`, when the page gives it.
    pub article_body: Option<String>,
}

const ARTICLE_TYPES: [&str; 9] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "WebPage",
    "ReviewNewsArticle",
];

/// Collect a page's metadata. Preference: JSON-LD article objects, then
/// OpenGraph / `article:` / Dublin Core / Parse.ly / named `<meta>` tags, then
/// `<time datetime>`, then the date in the canonical URL.
pub fn collect(doc: &Document) -> PageMeta {
    let mut m = PageMeta::default();
    // One walk of the tree for every element the metadata can come from.
    let mut metas: HashMap<String, String> = HashMap::new();
    let mut times = Vec::new();
    let mut canonical = None;
    let mut lang = None;
    let mut title = None;
    for node in doc.root().descendants_it().filter(|n| n.is_element()) {
        let Some(name) = node.qual_name_ref().map(|q| q.local.clone()) else { continue };
        match &*name {
            "html" => lang = node.attr("lang").map(|l| l.to_string()),
            "title" if title.is_none() => title = Some(node.text().to_string()),
            "link" if canonical.is_none() && node.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                canonical = node.attr("href").map(|h| h.to_string())
            }
            "time" => times.extend(node.attr("datetime").map(|d| d.to_string())),
            "meta" => {
                let content = node.attr("content").map(|c| c.trim().to_string()).unwrap_or_default();
                if content.is_empty() {
                    continue;
                }
                for attr in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = node.attr(attr) {
                        metas.entry(k.trim().to_ascii_lowercase()).or_insert_with(|| content.clone());
                    }
                }
            }
            "script" if node.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                let raw = node.text();
                let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim();
                if let Ok(v) = serde_json::from_str::<Value>(raw) {
                    let mut objs = Vec::new();
                    article_objects(&v, &mut objs);
                    // Most specific type first: NewsArticle over WebPage.
                    objs.sort_by_key(|o| type_rank(o));
                    for o in objs {
                        from_json_ld(o, &mut m);
                    }
                }
            }
            _ => {}
        }
    }
    let meta = |keys: &[&str]| -> Option<String> { keys.iter().find_map(|k| metas.get(&k.to_ascii_lowercase()).cloned()) };
    set(&mut m.title, meta(&["og:title", "twitter:title", "headline", "dc.title", "parsely-title", "sailthru.title"]).map(|t| decode_entities(&t)));
    set(&mut m.outlet, meta(&["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"]).map(|s| s.trim_start_matches('@').to_string()));
    set(
        &mut m.published,
        meta(&[
            "article:published_time",
            "datePublished",
            "article.published",
            "published_time",
            "publish-date",
            "publish_date",
            "pubdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "og:published_time",
            "article:modified_time",
            "og:updated_time",
        ])
        .and_then(|d| dates::normalize(&d)),
    );
    if m.authors.is_empty() {
        if let Some(a) = meta(&["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "citation_author"]) {
            if !a.starts_with("http") {
                m.authors = byline::authors(&a);
            }
        }
    }
    if m.published.is_none() {
        m.published = times.iter().find_map(|d| dates::normalize(d));
    }
    set(&mut m.url, canonical);
    set(&mut m.url, meta(&["og:url"]));
    if m.published.is_none() {
        m.published = m.url.as_deref().and_then(dates::date_from_url);
    }
    let lang = lang.or_else(|| meta(&["og:locale", "language", "content-language", "dc.language"]));
    set(&mut m.language, lang.and_then(|l| normalise_lang(&l)));
    let title = collapse(&title.unwrap_or_default());
    if !title.is_empty() {
        m.html_title = Some(title);
    }
    m
}

fn set(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v.map(|s| collapse(&s)).filter(|s| !s.is_empty());
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    // dom_query already decodes attribute entities; titles sometimes carry a second,
    // literal layer ("&amp;#8217;").
    s.replace("&amp;", "&").replace("&#8217;", "’").replace("&#8216;", "‘").replace("&quot;", "\"").replace("&#39;", "'")
}

fn type_names(o: &Value) -> Vec<&str> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn type_rank(o: &Value) -> usize {
    let names = type_names(o);
    ARTICLE_TYPES.iter().position(|t| names.contains(t)).unwrap_or(ARTICLE_TYPES.len())
}

fn article_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| article_objects(x, out)),
        Value::Object(o) => {
            if type_names(v).iter().any(|t| ARTICLE_TYPES.contains(t)) {
                out.push(v);
            }
            if let Some(g) = o.get("@graph") {
                article_objects(g, out);
            }
            if let Some(e) = o.get("mainEntity") {
                article_objects(e, out);
            }
        }
        _ => {}
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name")).or_else(|| str_of(o.get("@id"))),
        _ => None,
    }
}

fn from_json_ld(o: &Value, m: &mut PageMeta) {
    let is_page = type_names(o).contains(&"WebPage");
    set(&mut m.title, str_of(o.get("headline")).or_else(|| if is_page { None } else { str_of(o.get("name")) }));
    if m.authors.is_empty() {
        let mut names = Vec::new();
        let authors = o.get("author").or_else(|| o.get("creator"));
        let list: Vec<&Value> = match authors {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => Vec::new(),
        };
        for a in list {
            let name = match a {
                Value::String(s) => Some(s.clone()),
                Value::Object(obj) => str_of(obj.get("name")),
                _ => None,
            };
            if let Some(n) = name.filter(|n| !n.starts_with("http")) {
                for n in byline::authors(&n) {
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
            }
        }
        m.authors = names;
    }
    set(&mut m.outlet, o.get("publisher").and_then(|p| str_of(Some(p))).filter(|p| !p.starts_with("http") && !p.starts_with('#')));
    set(&mut m.published, str_of(o.get("datePublished")).or_else(|| str_of(o.get("dateCreated"))).and_then(|d| dates::normalize(&d)));
    set(&mut m.url, str_of(o.get("url")).filter(|u| u.starts_with("http")));
    set(&mut m.language, str_of(o.get("inLanguage")).and_then(|l| normalise_lang(&l)));
    if m.article_body.is_none() {
        m.article_body = str_of(o.get("articleBody")).filter(|b| b.trim().len() > 200);
    }
}

/// `en-US`, `en_GB`, `EN` → `en`.
pub fn normalise_lang(l: &str) -> Option<String> {
    let primary = l.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()) {
        Some(primary)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_first() {
        let html = r#"<html lang="en-US"><head>
            <title>Obama wrote to Khamenei - The Daily Ledger</title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="The Daily Ledger">
            <meta name="author" content="Someone Else">
            <link rel="canonical" href="https://ledger.example/2014/11/06/obama-letter/">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","name":"page"},
              {"@type":"NewsArticle","headline":"Obama wrote to Khamenei",
               "author":[{"@type":"Person","name":"JANE DOE"},{"@type":"Person","name":"Sam Roe"}],
               "publisher":{"@type":"Organization","name":"Daily Ledger"},
               "datePublished":"2014-11-06T10:30:00-05:00"}]}</script>
            </head><body><p>x</p></body></html>"#;
        let m = collect(&Document::from(html));
        assert_eq!(m.title.as_deref(), Some("Obama wrote to Khamenei"));
        assert_eq!(m.authors, ["Jane Doe", "Sam Roe"]);
        assert_eq!(m.outlet.as_deref(), Some("Daily Ledger"));
        assert_eq!(m.published.as_deref(), Some("2014-11-06T10:30:00-05:00"));
        assert_eq!(m.url.as_deref(), Some("https://ledger.example/2014/11/06/obama-letter/"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.html_title.as_deref(), Some("Obama wrote to Khamenei - The Daily Ledger"));
    }

    #[test]
    fn meta_tags_time_and_url() {
        let html = r#"<html><head>
            <meta property="og:title" content="Bridge reopens">
            <meta property="og:site_name" content="Harbor Gazette">
            <meta name="author" content="By Pat Lee">
            <meta property="og:url" content="https://gazette.example/news/2019/03/02/bridge/">
            </head><body><time datetime="2019-03-02T08:00:00Z">March 2</time></body></html>"#;
        let m = collect(&Document::from(html));
        assert_eq!(m.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(m.authors, ["Pat Lee"]);
        assert_eq!(m.published.as_deref(), Some("2019-03-02T08:00:00+00:00"));
        let m = collect(&Document::from(r#"<link rel="canonical" href="https://g.example/2019/03/02/x"><p>hi</p>"#));
        assert_eq!(m.published.as_deref(), Some("2019-03-02"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = collect(&Document::from(r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><title>T</title>"#));
        assert_eq!(m.title, None);
        assert_eq!(m.html_title.as_deref(), Some("T"));
    }
}
