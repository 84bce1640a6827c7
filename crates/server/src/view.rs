//! What the API and the pages both show beyond the store's own answers:
//! search hits filtered by kind, source and day, and an entity's counts per
//! day. Both are computed from the store's answers, never from SQL of their own.

use std::collections::BTreeMap;

use serde::Serialize;

use dossier_store::query::{Dossier, Hit};
use dossier_store::{Store, StoreError};

/// Filters of a search, besides its words.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Only hits of this kind: `article`, `quote` or `entity`.
    pub kind: Option<String>,
    /// Only quotes whose source's name contains this (any case).
    pub source: Option<String>,
    /// Only hits in articles published on or after this day.
    pub since: Option<String>,
}

impl SearchFilter {
    fn keeps(&self, h: &Hit) -> bool {
        if self.kind.as_deref().is_some_and(|k| k != h.kind) {
            return false;
        }
        if let Some(s) = &self.source {
            if h.kind != "quote" || !h.title.to_lowercase().contains(&s.to_lowercase()) {
                return false;
            }
        }
        if let Some(since) = &self.since {
            match &h.article.published {
                Some(p) if p.get(..10).unwrap_or(p) >= since.as_str() => {}
                _ => return false,
            }
        }
        true
    }

    fn is_empty(&self) -> bool {
        self.kind.is_none() && self.source.is_none() && self.since.is_none()
    }
}

/// Search hits, best first, filtered, the page `offset..offset + limit`
/// (at most `limit + 1` returned, so the caller knows whether more follow).
pub fn search(store: &mut Store, q: &str, f: &SearchFilter, limit: usize, offset: usize) -> Result<Vec<Hit>, StoreError> {
    let want = offset + limit + 1;
    let fetch = if f.is_empty() { want } else { (want * 8).max(400) };
    let hits = store.search(q, fetch)?;
    Ok(hits.into_iter().filter(|h| f.keeps(h)).skip(offset).take(limit + 1).collect())
}

/// How often an entity appears on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DayCounts {
    /// Publication day.
    pub day: String,
    /// Articles naming it.
    pub articles: usize,
    /// Attributions with it as source (declines included).
    pub said: usize,
    /// Attributions about it.
    pub about: usize,
    /// Of `said`, declines to comment.
    pub declined: usize,
}

/// An entity's counts per publication day, in day order (days with nothing
/// are left out).
pub fn timeline(d: &Dossier) -> Vec<DayCounts> {
    let mut days: BTreeMap<String, DayCounts> = BTreeMap::new();
    let day = |p: &Option<String>| p.as_ref().map(|p| p.chars().take(10).collect::<String>());
    for a in &d.articles {
        if let Some(k) = day(&a.published) {
            days.entry(k.clone()).or_insert_with(|| DayCounts { day: k, ..Default::default() }).articles += 1;
        }
    }
    for q in &d.said {
        if let Some(k) = day(&q.article.published) {
            let e = days.entry(k.clone()).or_insert_with(|| DayCounts { day: k, ..Default::default() });
            e.said += 1;
            if q.kind == "no_comment" {
                e.declined += 1;
            }
        }
    }
    for q in &d.about {
        if let Some(k) = day(&q.article.published) {
            days.entry(k.clone()).or_insert_with(|| DayCounts { day: k, ..Default::default() }).about += 1;
        }
    }
    days.into_values().collect()
}
