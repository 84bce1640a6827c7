//! The JSON API under `/api/v1/`. Each handler reads its parameters, asks the
//! store one typed question on a blocking thread and answers its serde form;
//! lists come in a `{items, limit, offset, next_offset}` envelope.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde::Serialize;

use dossier_store::query::{ArticleFilter, ArticleRef, QuoteFilter};

use crate::params::{Params, HIT_KINDS, KINDS, SOURCE_TYPES};
use crate::view::{self, SearchFilter};
use crate::{App, Error};

type Answer = Result<Response, Error>;

/// A page of a list.
#[derive(Serialize)]
struct Page<T> {
    items: Vec<T>,
    limit: usize,
    offset: usize,
    /// The offset of the next page, or null on the last one.
    next_offset: Option<usize>,
}

/// `items` holds up to `limit + 1` answers; the extra one only says more follow.
fn page<T: Serialize>(mut items: Vec<T>, limit: usize, offset: usize) -> Response {
    let more = items.len() > limit;
    items.truncate(limit);
    Json(Page { items, limit, offset, next_offset: more.then_some(offset + limit) }).into_response()
}

fn id_of(p: Result<Path<i64>, PathRejection>) -> Result<i64, Error> {
    p.map(|Path(id)| id).map_err(|_| Error::bad_request("the id must be a whole number"))
}

/// Records routes as they are added, so that the list of documented routes
/// is the router's own.
struct Routes {
    router: Router<App>,
    list: Vec<(&'static str, &'static str)>,
}

impl Routes {
    fn add(mut self, method: &'static str, path: &'static str, r: MethodRouter<App>) -> Self {
        self.list.push((method, path));
        self.router = self.router.route(path, r);
        self
    }
}

/// The API router (to nest under `/api/v1`) and its `(method, path)` list.
pub(crate) fn routes() -> (Router<App>, Vec<(&'static str, &'static str)>) {
    let r = Routes { router: Router::new(), list: Vec::new() }
        .add("get", "/openapi.json", get(openapi))
        .add("get", "/stats", get(stats))
        .add("get", "/articles", get(articles))
        .add("get", "/articles/{id}", get(article))
        .add("get", "/entities", get(entities))
        .add("get", "/entities/{id}", get(entity))
        .add("get", "/entities/{id}/timeline", get(entity_timeline))
        .add("get", "/attributions", get(attributions))
        .add("get", "/stories", get(stories))
        .add("get", "/stories/{id}", get(story))
        .add("get", "/search", get(search))
        // The handler reads the body within the configured limit (413 as JSON).
        .add("post", "/analyze", post(analyze).layer(DefaultBodyLimit::disable()));
    (r.router.fallback(api_not_found), r.list)
}

async fn api_not_found() -> Error {
    Error::not_found("no such API route (see /api/v1/openapi.json)")
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

async fn stats(State(app): State<App>) -> Answer {
    Ok(Json(app.with_store(|s| s.stats()).await?).into_response())
}

async fn articles(State(app): State<App>, p: Params) -> Answer {
    let (limit, offset) = p.page(50)?;
    let f = ArticleFilter { outlet: p.text("outlet"), since: p.day("since")?, until: p.day("until")?, story: p.int("story")?, limit: Some(limit + 1), offset: Some(offset) };
    Ok(page(app.with_store(move |s| s.articles(&f)).await?, limit, offset))
}

/// One stored article: its listing, its full analysis and its entities' corpus ids.
#[derive(Serialize)]
pub(crate) struct ArticleAnswer {
    pub article: ArticleRef,
    pub analysis: serde_json::Value,
    pub entity_links: HashMap<String, i64>,
}

pub(crate) async fn load_article(app: &App, id: i64) -> Result<ArticleAnswer, Error> {
    let found = app
        .with_store(move |s| {
            let Some(article) = s.article(id)? else { return Ok(None) };
            let analysis = s.analysis(id)?.unwrap_or(serde_json::Value::Null);
            Ok(Some(ArticleAnswer { article, analysis, entity_links: s.entity_links(id)? }))
        })
        .await?;
    found.ok_or_else(|| Error::not_found(format!("no article {id}")))
}

async fn article(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> Answer {
    Ok(Json(load_article(&app, id_of(id)?).await?).into_response())
}

async fn entities(State(app): State<App>, p: Params) -> Answer {
    let (limit, offset) = p.page(50)?;
    let name = p.text("name").ok_or_else(|| Error::bad_request("give name=… (a name as written, or part of one)"))?;
    let hits = app.with_store(move |s| s.find_entities(&name)).await?;
    Ok(page(hits.into_iter().skip(offset).take(limit + 1).collect(), limit, offset))
}

async fn entity(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> Answer {
    let id = id_of(id)?;
    match app.with_store(move |s| s.dossier(id)).await? {
        Some(d) => Ok(Json(d).into_response()),
        None => Err(Error::not_found(format!("no entity {id}"))),
    }
}

#[derive(Serialize)]
struct Timeline {
    entity: i64,
    days: Vec<view::DayCounts>,
}

async fn entity_timeline(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> Answer {
    let id = id_of(id)?;
    match app.with_store(move |s| s.dossier(id)).await? {
        Some(d) => Ok(Json(Timeline { entity: id, days: view::timeline(&d) }).into_response()),
        None => Err(Error::not_found(format!("no entity {id}"))),
    }
}

async fn attributions(State(app): State<App>, p: Params) -> Answer {
    let (limit, offset) = p.page(50)?;
    let f = QuoteFilter {
        source: p.text("source"),
        about: p.text("about"),
        kind: p.one_of("kind", &KINDS)?,
        source_type: p.one_of("source_type", &SOURCE_TYPES)?,
        stance: p.text("stance"),
        since: p.day("since")?,
        until: p.day("until")?,
        outlet: p.text("outlet"),
        story: p.int("story")?,
        limit: Some(limit + 1),
        offset: Some(offset),
    };
    Ok(page(app.with_store(move |s| s.quotes(&f)).await?, limit, offset))
}

async fn stories(State(app): State<App>, p: Params) -> Answer {
    let (limit, offset) = p.page(50)?;
    Ok(page(app.with_store(move |s| s.stories(limit + 1, offset)).await?, limit, offset))
}

async fn story(State(app): State<App>, id: Result<Path<i64>, PathRejection>) -> Answer {
    let id = id_of(id)?;
    match app.with_store(move |s| s.story(id)).await? {
        Some(st) => Ok(Json(st).into_response()),
        None => Err(Error::not_found(format!("no story {id}"))),
    }
}

async fn search(State(app): State<App>, p: Params) -> Answer {
    let (limit, offset) = p.page(20)?;
    let q = p.text("q").ok_or_else(|| Error::bad_request("give q=… (words to look for)"))?;
    let f = SearchFilter { kind: p.one_of("kind", &HIT_KINDS)?, source: p.text("source"), since: p.day("since")? };
    Ok(page(app.with_store(move |s| view::search(s, &q, &f, limit, offset)).await?, limit, offset))
}

/// Content types that are certainly not an article.
pub(crate) fn refused_type(headers: &HeaderMap) -> Option<String> {
    let ct = headers.get(header::CONTENT_TYPE)?.to_str().ok()?.to_ascii_lowercase();
    let main = ct.split(';').next().unwrap_or("").trim().to_string();
    let refused = ["image/", "audio/", "video/", "font/", "multipart/", "application/pdf", "application/zip", "application/msword", "application/vnd."];
    refused.iter().any(|r| main.starts_with(r)).then_some(main)
}

async fn analyze(State(app): State<App>, p: Params, headers: HeaderMap, body: Body) -> Answer {
    let max = app.config().max_analyze;
    if let Some(t) = refused_type(&headers) {
        return Err(Error::bad_request(format!("send an article as text/plain or text/html, not {t}")));
    }
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if let Some(n) = declared.filter(|&n| n > max) {
        return Err(crate::analyze::too_large(n, max));
    }
    // Read at most one byte more than the limit, so a body without a length
    // is refused as soon as it is too large, without holding more of it.
    let body = axum::body::to_bytes(body, max + 1).await.map_err(|_| crate::analyze::too_large(max + 1, max))?;
    let a = crate::analyze::run(&app, body.to_vec(), p.text("published"), p.text("id")).await?;
    Ok(Json(a).into_response())
}
