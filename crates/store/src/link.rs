//! Grouping what is stored: corpus entities from the names of all articles,
//! near-duplicate and same-story links for articles not yet linked, the
//! groups those links make, and which stored article each citation of an
//! outlet points to.

use std::collections::HashMap;

use dossier_corpus::{story_link, Components, LinkKind, StoryFeatures};

use crate::db::{Conn, Value};
use crate::record::signature;
use crate::{Store, StoreError};

/// What a [`Store::link`] run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkReport {
    /// Articles linked in this run.
    pub articles: usize,
    /// Links found (duplicates and same story).
    pub links: usize,
    /// Distinct corpus entities after the run.
    pub entities: usize,
    /// Stories (groups of one or more articles) after the run.
    pub stories: usize,
}

/// Lock key of the linking step (PostgreSQL advisory lock).
const LINK_LOCK: i64 = 0x646f_7373_0002;
/// Most candidate articles compared with one new article.
const MAX_CANDIDATES: usize = 400;

/// An article's story features, read from the store.
fn features(conn: &mut Conn, id: i64) -> Result<Option<StoryFeatures>, StoreError> {
    let Some(a) = conn.query("SELECT day, shingles, vocabulary FROM articles WHERE id = ?", &[id.into()])?.pop() else {
        return Ok(None);
    };
    let mut entities: HashMap<i64, (String, u32)> = HashMap::new();
    for r in conn.query(
        "SELECT e.corpus, c.name, e.mentions FROM entities e JOIN corpus_entities c ON c.id = e.corpus \
         WHERE e.article = ? AND e.kind IN ('person', 'organization') AND e.media = 0",
        &[id.into()],
    )? {
        let slot = entities.entry(r.int(0)).or_insert_with(|| (r.text(1), 0));
        slot.1 += r.int(2) as u32;
    }
    let mut entities: Vec<(i64, String, u32)> = entities.into_iter().map(|(k, (n, c))| (k, n, c)).collect();
    entities.sort();
    Ok(Some(StoryFeatures {
        day: a.opt_text(0).and_then(|d| crate::days_from_civil(&d)),
        entities,
        shingles: signature(&a.blob(1)),
        vocabulary: signature(&a.blob(2)),
    }))
}

fn shift_day(day: &str, by: i64) -> String {
    let d = crate::days_from_civil(day).unwrap_or(0) + by;
    let (y, m, dd) = crate::civil_from_days(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

/// Links of one new article to the stored articles it could be related to.
fn link_article(conn: &mut Conn, id: i64, cache: &mut HashMap<i64, StoryFeatures>) -> Result<usize, StoreError> {
    let Some(me) = features(conn, id)? else { return Ok(0) };
    let day = conn.query("SELECT day FROM articles WHERE id = ?", &[id.into()])?.first().and_then(|r| r.opt_text(0));
    let mut candidates: Vec<i64> = conn
        .query("SELECT DISTINCT l2.article FROM lsh l1 JOIN lsh l2 ON l2.band_key = l1.band_key WHERE l1.article = ? AND l2.article <> ?", &[id.into(), id.into()])?
        .iter()
        .map(|r| r.int(0))
        .collect();
    let window = match &day {
        Some(d) => {
            let (lo, hi) = (shift_day(d, -dossier_corpus::groups::STORY_WINDOW_DAYS), shift_day(d, dossier_corpus::groups::STORY_WINDOW_DAYS));
            conn.query(
                "SELECT e2.article, COUNT(*) FROM entities e1 JOIN entities e2 ON e2.corpus = e1.corpus JOIN articles a2 ON a2.id = e2.article \
                 WHERE e1.article = ? AND e2.article <> ? AND e1.kind IN ('person', 'organization') AND e1.media = 0 \
                 AND (a2.day IS NULL OR (a2.day >= ? AND a2.day <= ?)) GROUP BY e2.article ORDER BY COUNT(*) DESC, e2.article",
                &[id.into(), id.into(), lo.into(), hi.into()],
            )?
        }
        None => conn.query(
            "SELECT e2.article, COUNT(*) FROM entities e1 JOIN entities e2 ON e2.corpus = e1.corpus \
             WHERE e1.article = ? AND e2.article <> ? AND e1.kind IN ('person', 'organization') AND e1.media = 0 \
             GROUP BY e2.article ORDER BY COUNT(*) DESC, e2.article",
            &[id.into(), id.into()],
        )?,
    };
    candidates.extend(window.iter().take(MAX_CANDIDATES).map(|r| r.int(0)));
    candidates.sort_unstable();
    candidates.dedup();
    let mut found = 0;
    for c in candidates {
        if !cache.contains_key(&c) {
            if let Some(f) = features(conn, c)? {
                cache.insert(c, f);
            } else {
                continue;
            }
        }
        let Some(link) = story_link(&me, &cache[&c]) else { continue };
        let (a, b) = (id.min(c), id.max(c));
        found += conn.exec(
            "INSERT INTO links (a, b, kind, score, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (a, b, kind) DO NOTHING",
            &[a.into(), b.into(), link.kind.as_str().into(), link.score.into(), link.reason.as_str().into()],
        )? as usize;
    }
    if cache.len() > 20_000 {
        cache.clear();
    }
    cache.insert(id, me);
    Ok(found)
}

/// Recompute duplicate groups and stories from all links.
fn regroup(conn: &mut Conn) -> Result<usize, StoreError> {
    let mut dups = Components::new();
    let mut stories = Components::new();
    for r in conn.query("SELECT id FROM articles", &[])? {
        dups.add(r.int(0));
        stories.add(r.int(0));
    }
    for r in conn.query("SELECT a, b, kind FROM links", &[])? {
        if r.text(2) == LinkKind::Duplicate.as_str() {
            dups.union(r.int(0), r.int(1));
        }
        stories.union(r.int(0), r.int(1));
    }
    let current: HashMap<i64, (Option<i64>, Option<i64>)> =
        conn.query("SELECT id, dup_group, story FROM articles", &[])?.iter().map(|r| (r.int(0), (r.opt_int(1), r.opt_int(2)))).collect();
    // A group of copies is named by its first published member (the
    // original, as far as the store can tell), not by the first stored.
    let published: HashMap<i64, String> = conn
        .query("SELECT id, published FROM articles", &[])?
        .iter()
        .map(|r| (r.int(0), r.opt_text(1).unwrap_or_else(|| "9999".into())))
        .collect();
    let mut first: HashMap<i64, i64> = HashMap::new();
    let assigned = dups.assignments();
    for &(id, root) in &assigned {
        let f = first.entry(root).or_insert(id);
        if (&published[&id], id) < (&published[f], *f) {
            *f = id;
        }
    }
    let dups: HashMap<i64, i64> = assigned.into_iter().map(|(id, root)| (id, first[&root])).collect();
    let mut n_stories = std::collections::HashSet::new();
    for (id, story) in stories.assignments() {
        n_stories.insert(story);
        let dup = dups.get(&id).copied().unwrap_or(id);
        if current.get(&id) != Some(&(Some(dup), Some(story))) {
            conn.exec("UPDATE articles SET dup_group = ?, story = ? WHERE id = ?", &[dup.into(), story.into(), id.into()])?;
        }
    }
    Ok(n_stories.len())
}

/// Point each citation of an outlet at the stored article of that outlet in
/// the same story, the earliest one, when there is one.
fn cite(conn: &mut Conn) -> Result<(), StoreError> {
    conn.exec(
        "UPDATE citations SET cited = (SELECT a2.id FROM articles a2 JOIN articles a1 ON a1.id = citations.article \
         WHERE a2.outlet_key = citations.outlet_key AND a2.story = a1.story AND a2.id <> a1.id \
         ORDER BY a2.published, a2.id LIMIT 1)",
        &[],
    )?;
    Ok(())
}

impl Store {
    /// Group what is stored: resolve names to corpus entities, link every
    /// article not yet linked to the stored articles it copies or shares a
    /// story with, recompute the groups, and resolve citations. One process
    /// at a time links (a lock); running it again with nothing new changes
    /// nothing.
    pub fn link(&mut self) -> Result<LinkReport, StoreError> {
        self.transaction(|conn| {
            conn.lock(LINK_LOCK)?;
            let trace = std::env::var_os("DOSSIER_TRACE_LINK").is_some();
            let t = std::time::Instant::now();
            let entities = crate::entities::resolve(conn)?;
            if trace {
                eprintln!("link: entities {:?}", t.elapsed());
            }
            let new: Vec<i64> = conn.query("SELECT id FROM articles WHERE linked = 0 ORDER BY id", &[])?.iter().map(|r| r.int(0)).collect();
            let mut cache = HashMap::new();
            let mut links = 0;
            for &id in &new {
                links += link_article(conn, id, &mut cache)?;
                conn.exec("UPDATE articles SET linked = 1 WHERE id = ?", &[Value::Int(id)])?;
            }
            if trace {
                eprintln!("link: pairs {:?}", t.elapsed());
            }
            let stories = regroup(conn)?;
            if trace {
                eprintln!("link: groups {:?}", t.elapsed());
            }
            crate::cite::cite_outlets(conn)?;
            cite(conn)?;
            if trace {
                eprintln!("link: citations {:?}", t.elapsed());
            }
            Ok(LinkReport { articles: new.len(), links, entities, stories })
        })
    }
}
