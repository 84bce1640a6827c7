//! The web page: server-rendered HTML over the same store questions as the
//! API (no JavaScript). Every piece of stored text goes through [`esc`].

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use dossier_store::query::{ArticleRef, Dossier, Quote, Story};

use crate::html::{article_view, esc, page, urlenc, when};
use crate::params::{Params, HIT_KINDS};
use crate::view::{self, SearchFilter};
use crate::{App, Error};

/// An error shown as a page, with its status.
pub struct PageError(Error);

impl From<Error> for PageError {
    fn from(e: Error) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = self.0.status.canonical_reason().unwrap_or("Error");
        (self.0.status, Html(page(title, &format!("<h1>{}</h1><p class=\"err\">{}</p><p><a href=\"/\">Back to the stories</a></p>", esc(title), esc(&self.0.message))))).into_response()
    }
}

type PageResult = Result<Html<String>, PageError>;

pub(crate) fn routes() -> Router<App> {
    Router::new()
        .route("/", get(index))
        .route("/article/{id}", get(article))
        .route("/entity/{id}", get(entity))
        .route("/story/{id}", get(story))
        .route("/search", get(search))
        // Urlencoded text is up to three times its size: the handler checks the text itself.
        .route("/analyze", get(analyze_form).post(analyze).layer(DefaultBodyLimit::max(16 << 20)))
}

pub(crate) async fn not_found() -> PageError {
    PageError(Error::not_found("There is no such page."))
}

fn page_id(p: Result<Path<i64>, PathRejection>) -> Result<i64, PageError> {
    p.map(|Path(id)| id).map_err(|_| PageError(Error::not_found("There is no such page: ids are whole numbers.")))
}

fn article_link(a: &ArticleRef) -> String {
    format!("<a href=\"/article/{}\">{}</a>", a.id, esc(a.title.as_deref().unwrap_or("(no headline)")))
}

fn paste_box() -> String {
    "<form action=\"/analyze\" method=\"post\" class=\"paste\"><label for=\"paste\"><b>Analyse an article</b>: paste its text or HTML</label>\
     <textarea id=\"paste\" name=\"text\" required></textarea>\
     <p><label>Published <input type=\"date\" name=\"published\"></label> <button type=\"submit\">Analyse</button></p></form>"
        .to_string()
}

fn pager(base: &str, offset: usize, limit: usize, more: bool) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut out = String::from("<p class=\"pager\">");
    if offset > 0 {
        let _ = write!(out, "<a href=\"{base}{sep}offset={}\">← newer</a>", offset.saturating_sub(limit));
    }
    if more {
        let _ = write!(out, "<a href=\"{base}{sep}offset={}\">older →</a>", offset + limit);
    }
    out.push_str("</p>");
    out
}

async fn index(State(app): State<App>, p: Params) -> PageResult {
    let (limit, offset) = p.page(50)?;
    let (stats, stories) = app.with_store(move |s| Ok((s.stats()?, s.stories(limit + 1, offset)?))).await?;
    let more = stories.len() > limit;
    let mut b = String::new();
    let _ = write!(b, "<h1>Stories</h1><p class=\"meta\">{} articles, {} stories, {} entities, {} attributions in the store.</p>", stats.articles, stats.stories, stats.entities, stats.attributions);
    if stories.is_empty() {
        b.push_str("<p>No stories yet: add articles with <code>dossier ingest</code>.</p>");
    } else {
        b.push_str("<div class=\"scroll\"><table id=\"stories\"><thead><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>First</th><th>Last</th></tr></thead><tbody>");
        for st in stories.iter().take(limit) {
            let _ = write!(
                b,
                "<tr><td><a href=\"/story/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                st.id,
                esc(st.title.as_deref().unwrap_or("(no headline)")),
                st.articles,
                esc(&st.outlets.join(", ")),
                when(&st.first),
                when(&st.last)
            );
        }
        b.push_str("</tbody></table></div>");
        b.push_str(&pager("/", offset, limit, more));
    }
    b.push_str("<h2>Search</h2><form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" aria-label=\"Search words\" placeholder=\"e.g. transit levy\"> <button>Search</button></form>");
    b.push_str("<h2>Paste an article</h2>");
    b.push_str(&paste_box());
    Ok(Html(page("Stories", &b)))
}

async fn article(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> PageResult {
    let id = page_id(id)?;
    let a = crate::api::load_article(&app, id).await?;
    let r = &a.article;
    let mut extra = String::from("<p class=\"meta\">");
    if let Some(st) = r.story {
        let _ = write!(extra, "Story: <a href=\"/story/{st}\">story {st}</a>. ");
    }
    if let Some(c) = r.copy_of {
        let _ = write!(extra, "A copy of <a href=\"/article/{c}\">article {c}</a>. ");
    }
    let _ = write!(extra, "Read from <code>{}</code>. <a href=\"/api/v1/articles/{id}\">JSON</a></p>", esc(&r.origin));
    let title = a.analysis.get("title").and_then(|v| v.as_str()).unwrap_or("Article").to_string();
    Ok(Html(page(&title, &article_view(&a.analysis, &a.entity_links, &extra))))
}

/// "10", or "6 statements, 10 with the copies" when copies of a text repeat some.
fn folded_count(qs: &[Quote]) -> String {
    let folded = dossier_store::query::fold_copies(qs).len();
    if folded == qs.len() {
        qs.len().to_string()
    } else {
        format!("{folded} statements, {} with the copies", qs.len())
    }
}

fn quote_table(qs: &[Quote], id: &str, show_source: bool) -> String {
    if qs.is_empty() {
        return "<p class=\"meta\">None.</p>".to_string();
    }
    let mut b = format!("<div class=\"scroll\"><table id=\"{id}\"><thead><tr><th>When</th><th>Outlet</th>{}<th>Kind</th><th>What</th></tr></thead><tbody>", if show_source { "<th>Source</th>" } else { "" });
    for (q, copies) in dossier_store::query::fold_copies(qs) {
        let _ = write!(b, "<tr><td>{}</td><td>{}</td>", when(&q.article.published), esc(q.article.outlet.as_deref().unwrap_or("")));
        if show_source {
            let name = q.source_name.clone().or_else(|| q.source.clone()).unwrap_or_else(|| "(no source given)".into());
            match q.source_entity {
                Some(e) => {
                    let _ = write!(b, "<td><a href=\"/entity/{e}\">{}</a> <span class=\"meta\">{}</span></td>", esc(&name), esc(&q.source_type));
                }
                None => {
                    let _ = write!(b, "<td>{} <span class=\"meta\">{}</span></td>", esc(&name), esc(&q.source_type));
                }
            }
        }
        let what = match (&q.cue, &q.content) {
            (Some(c), Some(t)) => format!("<i>{}</i>: {}", esc(c), esc(t)),
            (Some(c), None) => format!("<i>{}</i>", esc(c)),
            (None, Some(t)) => esc(t),
            (None, None) => String::new(),
        };
        // The same words in copies of the text: one row, the copies linked.
        let also = if copies.is_empty() {
            String::new()
        } else {
            let links: Vec<String> = copies.iter().map(|c| format!("<a href=\"/article/{}#a{}\">{}</a>", c.article.id, c.n, esc(c.article.outlet.as_deref().unwrap_or("(no outlet)")))).collect();
            format!(" <span class=\"meta copies\">also in {} {}: {}</span>", copies.len(), if copies.len() == 1 { "copy" } else { "copies" }, links.join(", "))
        };
        let _ = write!(
            b,
            "<td><span class=\"kind {}\">{}</span></td><td>{what} <a class=\"meta\" href=\"/article/{}#a{}\">in “{}”</a>{also}</td></tr>",
            esc(&q.kind),
            esc(&q.kind.replace('_', " ")),
            q.article.id,
            q.n,
            esc(q.article.title.as_deref().unwrap_or("(no headline)"))
        );
    }
    b.push_str("</tbody></table></div>");
    b
}

/// Counts per day by kind as a grouped bar chart (inline SVG, no script).
fn timeline_svg(d: &Dossier) -> String {
    let days = view::timeline(d);
    if days.is_empty() {
        return "<p class=\"meta\">No dated articles.</p>".to_string();
    }
    let series: [(&str, &str, fn(&view::DayCounts) -> usize); 4] =
        [("articles", "#868e96", |c| c.articles), ("said", "#1c5fc4", |c| c.said), ("about", "#2f9e44", |c| c.about), ("declined", "#e03131", |c| c.declined)];
    let max = days.iter().flat_map(|c| series.iter().map(move |s| (s.2)(c))).max().unwrap_or(1).max(1);
    let (bar, gap, top, height) = (10usize, 14usize, 20usize, 120usize);
    let group = bar * series.len() + gap;
    let width = (40 + group * days.len()).max(380);
    let mut s = format!("<svg class=\"chart\" id=\"timeline\" role=\"img\" aria-label=\"Counts per day by kind\" viewBox=\"0 0 {width} {h}\" width=\"{width}\" height=\"{h}\">", h = top + height + 40);
    let _ = write!(s, "<text x=\"0\" y=\"{}\" font-size=\"10\">{max}</text><line x1=\"30\" y1=\"{}\" x2=\"{width}\" y2=\"{}\" stroke=\"#ccc\"/>", top + 4, top + height, top + height);
    for (i, c) in days.iter().enumerate() {
        let x0 = 36 + i * group;
        for (k, (name, colour, f)) in series.iter().enumerate() {
            let v = f(c);
            let h = v * height / max;
            let _ = write!(
                s,
                "<rect class=\"bar {name}\" data-day=\"{}\" data-count=\"{v}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\" fill=\"{colour}\"><title>{}: {v} {name}</title></rect>",
                esc(&c.day),
                x0 + k * bar,
                top + height - h,
                bar - 1,
                esc(&c.day)
            );
        }
        let _ = write!(s, "<text x=\"{x0}\" y=\"{}\" font-size=\"10\">{}</text>", top + height + 14, esc(c.day.get(5..).unwrap_or(&c.day)));
    }
    for (k, (name, colour, _)) in series.iter().enumerate() {
        let x = 36 + k * 80;
        let _ = write!(s, "<rect x=\"{x}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{name}</text>", top + height + 22, x + 14, top + height + 31);
    }
    s.push_str("</svg>");
    s
}

async fn entity(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> PageResult {
    let id = page_id(id)?;
    let d = app.with_store(move |s| s.dossier(id)).await?.ok_or_else(|| Error::not_found(format!("There is no entity {id}.")))?;
    let mut b = String::new();
    let _ = write!(b, "<h1>{}</h1><p class=\"meta\">{} · in {} article{}", esc(&d.name), esc(&d.kind), d.articles.len(), if d.articles.len() == 1 { "" } else { "s" });
    if let (Some(f), Some(l)) = (&d.first_seen, &d.last_seen) {
        let _ = write!(b, " · from {} to {}", esc(f), esc(l));
    }
    let _ = write!(b, " · <a href=\"/api/v1/entities/{id}\">JSON</a></p>");
    b.push_str("<h2>Timeline</h2>");
    b.push_str(&timeline_svg(&d));
    b.push_str("<div class=\"cols\"><section style=\"flex:1 1 18rem\"><h2>Names</h2><ul id=\"aliases\">");
    for a in &d.aliases {
        let _ = write!(b, "<li>{} <span class=\"meta\">({})</span></li>", esc(&a.name), esc(&a.reason));
    }
    b.push_str("</ul></section><section style=\"flex:1 1 18rem\"><h2>Roles over time</h2>");
    if d.roles.is_empty() {
        b.push_str("<p class=\"meta\">None given.</p>");
    } else {
        b.push_str("<table id=\"roles\"><thead><tr><th>Role</th><th>First</th><th>Last</th><th>Articles</th></tr></thead><tbody>");
        for r in &d.roles {
            let _ = write!(b, "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", esc(&r.role), when(&r.first), when(&r.last), r.articles);
        }
        b.push_str("</tbody></table>");
    }
    b.push_str("</section></div>");
    let declined: Vec<Quote> = d.said.iter().filter(|q| q.kind == "no_comment").cloned().collect();
    let said: Vec<Quote> = d.said.iter().filter(|q| q.kind != "no_comment").cloned().collect();
    let _ = write!(b, "<h2>What they said ({})</h2>", folded_count(&said));
    b.push_str(&quote_table(&said, "said", false));
    let _ = write!(b, "<h2>Declined to comment ({})</h2>", declined.len());
    b.push_str(&quote_table(&declined, "declined", false));
    let _ = write!(b, "<h2>What was said about them ({})</h2>", folded_count(&d.about));
    b.push_str(&quote_table(&d.about, "about", true));
    let _ = write!(b, "<h2>Articles ({})</h2><ul id=\"articles\">", d.articles.len());
    for a in &d.articles {
        let _ = write!(b, "<li>{} · {} · {}</li>", when(&a.published), esc(a.outlet.as_deref().unwrap_or("")), article_link(a));
    }
    b.push_str("</ul>");
    Ok(Html(page(&d.name, &b)))
}

fn story_body(st: &Story) -> String {
    let mut b = String::new();
    let _ = write!(b, "<h1>{}</h1><p class=\"meta\">{} articles · <a href=\"/api/v1/stories/{}\">JSON</a></p>", esc(st.title.as_deref().unwrap_or("(no headline)")), st.articles.len(), st.id);
    let f = &st.first_report;
    let _ = write!(b, "<p id=\"first-report\" class=\"first\">First report: <b>{}</b>, {}, {}</p>", esc(f.outlet.as_deref().unwrap_or("unknown outlet")), when(&f.published), article_link(f));
    b.push_str("<h2>Articles by time</h2><div class=\"scroll\"><table id=\"articles\"><thead><tr><th>Published</th><th>Outlet</th><th>Headline</th><th></th></tr></thead><tbody>");
    for a in &st.articles {
        let note = match a.copy_of {
            Some(c) => format!("copy of <a href=\"/article/{c}\">{c}</a>"),
            None if a.id == f.id => "first report".to_string(),
            None => String::new(),
        };
        let _ = write!(b, "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{note}</td></tr>", if a.id == f.id { " class=\"first\"" } else { "" }, when(&a.published), esc(a.outlet.as_deref().unwrap_or("")), article_link(a));
    }
    b.push_str("</tbody></table></div>");
    // Who the claims rest on, by type.
    let mut by_type: BTreeMap<&str, Vec<&dossier_store::query::Source>> = BTreeMap::new();
    for s in &st.sources {
        by_type.entry(s.source_type.as_str()).or_default().push(s);
    }
    b.push_str("<h2>Who the claims rest on</h2><div class=\"cols\" id=\"sources\">");
    for (ty, list) in &by_type {
        let total: usize = list.iter().map(|s| s.claims).sum();
        let _ = write!(b, "<section style=\"flex:1 1 12rem\" data-type=\"{}\"><h3>{} ({total})</h3><ul>", esc(ty), esc(ty));
        for s in list {
            let name = match s.entity {
                Some(e) => format!("<a href=\"/entity/{e}\">{}</a>", esc(&s.name)),
                None => esc(&s.name),
            };
            let _ = write!(b, "<li>{name}: {} claim{}{}</li>", s.claims, if s.claims == 1 { "" } else { "s" }, if s.declined > 0 { format!(", {} declined", s.declined) } else { String::new() });
        }
        b.push_str("</ul></section>");
    }
    b.push_str("</div>");
    let _ = write!(b, "<h2>Declined to comment ({})</h2>", st.declined.len());
    b.push_str(&quote_table(&st.declined, "declined", true));
    let _ = write!(b, "<h2>Citations ({})</h2>", st.citations.len());
    if st.citations.is_empty() {
        b.push_str("<p class=\"meta\">No article cites another outlet.</p>");
    } else {
        let titles: HashMap<i64, &ArticleRef> = st.articles.iter().map(|a| (a.id, a)).collect();
        b.push_str("<ul id=\"citations\">");
        for c in &st.citations {
            let from = titles.get(&c.article).map(|a| article_link(a)).unwrap_or_else(|| format!("<a href=\"/article/{0}\">article {0}</a>", c.article));
            let to = match c.cited.and_then(|x| titles.get(&x)) {
                Some(a) => format!(" → {}", article_link(a)),
                None => String::new(),
            };
            let _ = write!(b, "<li>{from} cites <b>{}</b>{to} ({} claim{})</li>", esc(&c.outlet), c.claims, if c.claims == 1 { "" } else { "s" });
        }
        b.push_str("</ul>");
    }
    let _ = write!(b, "<h2>Claims ({})</h2>", st.claims.len());
    b.push_str(&quote_table(&st.claims, "claims", true));
    b
}

async fn story(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> PageResult {
    let id = page_id(id)?;
    let st = app.with_store(move |s| s.story(id)).await?.ok_or_else(|| Error::not_found(format!("There is no story {id}.")))?;
    Ok(Html(page(st.title.as_deref().unwrap_or("Story"), &story_body(&st))))
}

/// `[`…`]` around matched words in a snippet become `<mark>`, after escaping.
fn snippet(s: &str) -> String {
    let mut out = String::new();
    let mut open = false;
    for c in esc(s).chars() {
        match c {
            '[' if !open => {
                out.push_str("<mark>");
                open = true;
            }
            ']' if open => {
                out.push_str("</mark>");
                open = false;
            }
            c => out.push(c),
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

async fn search(State(app): State<App>, p: Params) -> PageResult {
    let (limit, offset) = p.page(20)?;
    let q = p.text("q").unwrap_or_default();
    let f = SearchFilter { kind: p.one_of("kind", &HIT_KINDS)?, source: p.text("source"), since: p.day("since")? };
    let mut b = String::from("<h1>Search</h1>");
    let opt = |v: &str, label: &str| format!("<option value=\"{v}\"{}>{label}</option>", if f.kind.as_deref() == Some(v) || (v.is_empty() && f.kind.is_none()) { " selected" } else { "" });
    let _ = write!(
        b,
        "<form action=\"/search\" method=\"get\" id=\"search-form\"><p><input type=\"search\" name=\"q\" value=\"{}\" aria-label=\"Words\" placeholder=\"words\"> \
         <select name=\"kind\" aria-label=\"Kind\">{}{}{}{}</select> \
         <input name=\"source\" value=\"{}\" placeholder=\"source (quotes)\" aria-label=\"Source\"> \
         <label>since <input type=\"date\" name=\"since\" value=\"{}\"></label> <button>Search</button></p></form>",
        esc(&q),
        opt("", "anything"),
        opt("article", "articles"),
        opt("quote", "quotes"),
        opt("entity", "names"),
        esc(f.source.as_deref().unwrap_or("")),
        esc(f.since.as_deref().unwrap_or(""))
    );
    if q.is_empty() {
        b.push_str("<p class=\"meta\">Give some words to look for in headlines, article text, quotes and names.</p>");
        return Ok(Html(page("Search", &b)));
    }
    let (q2, f2) = (q.clone(), f.clone());
    let want_entities = offset == 0 && matches!(f.kind.as_deref(), None | Some("entity")) && f.source.is_none();
    let (entities, hits) = app
        .with_store(move |s| {
            let e = if want_entities { s.find_entities(&q2)? } else { Vec::new() };
            Ok((e, view::search(s, &q2, &f2, limit, offset)?))
        })
        .await?;
    if !entities.is_empty() {
        b.push_str("<h2>Names</h2><ul id=\"entities\">");
        for e in entities.iter().take(20) {
            let _ = write!(b, "<li><a href=\"/entity/{}\">{}</a> <span class=\"meta\">{} · {} articles</span></li>", e.id, esc(&e.name), esc(&e.kind), e.articles);
        }
        b.push_str("</ul>");
    }
    let more = hits.len() > limit;
    let _ = write!(b, "<h2>Results</h2>");
    if hits.is_empty() {
        b.push_str("<p class=\"meta\">Nothing found.</p>");
    }
    b.push_str("<ol id=\"hits\">");
    for h in hits.iter().take(limit) {
        let target = match h.kind.as_str() {
            "quote" => format!("/article/{}#a{}", h.article.id, esc(&h.reference)),
            _ => format!("/article/{}", h.article.id),
        };
        let _ = write!(
            b,
            "<li><span class=\"kind\">{}</span> <a href=\"{target}\">{}</a> <span class=\"meta\">{} · {} · {}</span><br>{}</li>",
            esc(&h.kind),
            esc(&h.title),
            esc(h.article.outlet.as_deref().unwrap_or("")),
            when(&h.article.published),
            esc(h.article.title.as_deref().unwrap_or("")),
            snippet(&h.snippet)
        );
    }
    b.push_str("</ol>");
    let mut base = format!("/search?q={}", urlenc(&q));
    for (k, v) in [("kind", &f.kind), ("source", &f.source), ("since", &f.since)] {
        if let Some(v) = v {
            let _ = write!(base, "&amp;{k}={}", urlenc(v));
        }
    }
    b.push_str(&pager(&base, offset, limit, more).replace("&offset", "&amp;offset"));
    Ok(Html(page(&format!("Search: {q}"), &b)))
}

async fn analyze_form() -> Html<String> {
    Html(page("Analyse an article", &format!("<h1>Analyse an article</h1>{}", paste_box())))
}

#[derive(Deserialize)]
struct PasteForm {
    text: String,
    #[serde(default)]
    published: String,
}

async fn analyze(State(app): State<App>, headers: HeaderMap, form: Result<Form<PasteForm>, FormRejection>) -> PageResult {
    let _ = headers;
    let Form(f) = form.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            crate::analyze::too_large(app.config().max_analyze + 1, app.config().max_analyze)
        } else {
            Error::bad_request(format!("the form could not be read: {}", e.body_text()))
        }
    })?;
    let published = Some(f.published.trim().to_string()).filter(|p| !p.is_empty());
    let a = crate::analyze::run(&app, f.text.into_bytes(), published, Some("pasted".into())).await?;
    let extra = "<p class=\"meta\">Analysed on the spot, not stored. Entities are linked to their dossiers only for stored articles.</p>";
    let title = a.get("title").and_then(|v| v.as_str()).unwrap_or("Pasted article").to_string();
    Ok(Html(page(&title, &article_view(&a, &HashMap::new(), extra))))
}
