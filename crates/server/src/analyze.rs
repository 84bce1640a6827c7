//! Analysing a pasted or posted article on the spot: the bytes are read as
//! `dossier analyze` reads a file (HTML or text, any character set), with a
//! size limit, at most two at a time, on a blocking thread, within a time bound.

use axum::http::StatusCode;
use serde_json::Value;

use dossier_analysis::{analyze, Options};
use dossier_document::{load, DocumentError, Origin};

use crate::{App, Error};

/// Analyse one document's bytes; the analysis contract as JSON.
pub async fn run(app: &App, bytes: Vec<u8>, published: Option<String>, id: Option<String>) -> Result<Value, Error> {
    let cfg = app.config().clone();
    if bytes.len() > cfg.max_analyze {
        return Err(too_large(bytes.len(), cfg.max_analyze));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::bad_request("empty input: nothing to analyse"));
    }
    let published = match published {
        None => None,
        Some(p) => Some(dossier_article::dates::parse_published(&p).ok_or_else(|| Error::bad_request(format!("published must be a date like 2025-03-05, not {p:?}")))?),
    };
    let permit = tokio::time::timeout(cfg.analyze_timeout, app.inner.analyze_permits.clone().acquire_owned())
        .await
        .map_err(|_| Error::new(StatusCode::SERVICE_UNAVAILABLE, "too many analyses at once; try again shortly"))?
        .map_err(|_| Error::internal("the server is shutting down"))?;
    let max = cfg.max_analyze as u64;
    let task = tokio::task::spawn_blocking(move || -> Result<Value, Error> {
        // The permit goes with the work: an abandoned analysis still counts until it ends.
        let _permit = permit;
        let mut docs = load(Origin::File("pasted".into()), &bytes, max);
        if docs.len() != 1 {
            return Err(Error::bad_request(format!("send one article, not {} documents (this looks like JSONL)", docs.len())));
        }
        let (_, doc) = docs.remove(0);
        let mut doc = doc.map_err(|e| match e {
            DocumentError::TooLarge { size, limit } => too_large(size as usize, limit as usize),
            DocumentError::Internal(m) => Error::internal(m),
            e => Error::bad_request(e.to_string()),
        })?;
        if let Some(id) = id {
            doc.hints.id = Some(id);
        }
        let opts = Options { article: dossier_article::Options { published }, extract_only: false };
        let a = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze(&doc, &opts))).map_err(|_| Error::internal("the analysis failed (a bug in dossier, please report it)"))?;
        serde_json::to_value(&a).map_err(|e| Error::internal(e.to_string()))
    });
    let r = tokio::time::timeout(cfg.analyze_timeout, task).await;
    match r {
        Err(_) => Err(Error::new(StatusCode::SERVICE_UNAVAILABLE, format!("the analysis took longer than {} s and was abandoned", cfg.analyze_timeout.as_secs()))),
        Ok(Err(_)) => Err(Error::internal("the analysis failed unexpectedly")),
        Ok(Ok(r)) => r,
    }
}

pub(crate) fn too_large(size: usize, limit: usize) -> Error {
    Error::new(StatusCode::PAYLOAD_TOO_LARGE, format!("too large: {size} bytes exceeds the limit of {limit} bytes"))
}
