//! Grouping what is stored: corpus entities from the names of all articles,
//! near-duplicate and same-story links for articles not yet linked, the
//! groups those links make, and which stored article each citation of an
//! outlet points to.

use std::collections::HashMap;

use dossier_corpus::fingerprint::story_terms;
use dossier_corpus::groups::tf_idf;
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
/// An article's rarest terms looked up to find the articles it may share a
/// story with.
const CANDIDATE_TERMS: usize = 20;

/// Document frequencies of terms (how many stored articles have each),
/// counted once per linking run and only for the terms it meets.
struct Df {
    articles: usize,
    counts: HashMap<String, usize>,
}

impl Df {
    fn new(conn: &mut Conn) -> Result<Df, StoreError> {
        let articles = conn.query("SELECT COUNT(*) FROM articles", &[])?.first().map(|r| r.int(0) as usize).unwrap_or(0);
        Ok(Df { articles, counts: HashMap::new() })
    }

    /// Count the terms not counted yet (index lookups, a few hundred at a time).
    fn count(&mut self, conn: &mut Conn, terms: &[(String, f64)]) -> Result<(), StoreError> {
        let missing: Vec<&str> = terms.iter().map(|t| t.0.as_str()).filter(|t| !self.counts.contains_key(*t)).collect();
        for chunk in missing.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let params: Vec<Value> = chunk.iter().map(|t| (*t).into()).collect();
            for r in conn.query(&format!("SELECT term, COUNT(*) FROM terms WHERE term IN ({marks}) GROUP BY term"), &params)? {
                self.counts.insert(r.text(0), r.int(1) as usize);
            }
            for t in chunk {
                self.counts.entry(t.to_string()).or_insert(0);
            }
        }
        Ok(())
    }
}

/// An article's story features, read from the store.
fn features(conn: &mut Conn, id: i64, df: &mut Df) -> Result<Option<StoryFeatures>, StoreError> {
    let Some(a) = conn.query("SELECT day, shingles FROM articles WHERE id = ?", &[id.into()])?.pop() else {
        return Ok(None);
    };
    let terms: Vec<(String, f64)> = conn.query("SELECT term, weight FROM terms WHERE article = ?", &[id.into()])?.iter().map(|r| (r.text(0), r.real(1))).collect();
    df.count(conn, &terms)?;
    let terms = tf_idf(&terms, df.articles, |t| df.counts.get(t).copied().unwrap_or(0));
    Ok(Some(StoryFeatures { day: a.opt_text(0).and_then(|d| crate::days_from_civil(&d)), shingles: signature(&a.blob(1)), terms }))
}

/// Store the story terms of articles that have none (stored before terms
/// were kept), from their headline and text.
fn backfill_terms(conn: &mut Conn) -> Result<(), StoreError> {
    let missing = conn.query("SELECT id, title, text FROM articles a WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.article = a.id)", &[])?;
    let mut rows = Vec::new();
    for r in &missing {
        let id = r.int(0);
        for (t, w) in story_terms(r.opt_text(1).as_deref(), &r.text(2)) {
            rows.push(vec![Value::Int(id), t.into(), w.into()]);
        }
    }
    crate::record::insert_rows(conn, "terms", &["article", "term", "weight"], rows)
}

fn shift_day(day: &str, by: i64) -> String {
    let d = crate::days_from_civil(day).unwrap_or(0) + by;
    let (y, m, dd) = crate::civil_from_days(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

/// Links of one new article to the stored articles it could be related to:
/// those sharing a locality-sensitive hash band of its shingles (copies, at
/// any date) and those within the story window sharing one of its rarest
/// headline and lead terms.
fn link_article(conn: &mut Conn, id: i64, df: &mut Df, cache: &mut HashMap<i64, StoryFeatures>) -> Result<usize, StoreError> {
    let Some(me) = features(conn, id, df)? else { return Ok(0) };
    let day = conn.query("SELECT day FROM articles WHERE id = ?", &[id.into()])?.first().and_then(|r| r.opt_text(0));
    let mut candidates: Vec<i64> = conn
        .query("SELECT DISTINCT l2.article FROM lsh l1 JOIN lsh l2 ON l2.band_key = l1.band_key WHERE l1.article = ? AND l2.article <> ?", &[id.into(), id.into()])?
        .iter()
        .map(|r| r.int(0))
        .collect();
    let mut rare: Vec<&(String, f64)> = me.terms.iter().collect();
    rare.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rare.truncate(CANDIDATE_TERMS);
    if !rare.is_empty() {
        let marks = vec!["?"; rare.len()].join(", ");
        let mut params: Vec<Value> = rare.iter().map(|t| t.0.as_str().into()).collect();
        params.push(id.into());
        let window = match &day {
            Some(d) => {
                let w = dossier_corpus::groups::STORY_WINDOW_DAYS;
                params.push(shift_day(d, -w).into());
                params.push(shift_day(d, w).into());
                "AND (a.day IS NULL OR (a.day >= ? AND a.day <= ?))"
            }
            None => "",
        };
        params.push((MAX_CANDIDATES as i64).into());
        let sql = format!(
            "SELECT t.article FROM terms t JOIN articles a ON a.id = t.article WHERE t.term IN ({marks}) AND t.article <> ? {window} \
             GROUP BY t.article ORDER BY COUNT(*) DESC, t.article LIMIT ?"
        );
        candidates.extend(conn.query(&sql, &params)?.iter().map(|r| r.int(0)));
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut found = 0;
    for c in candidates {
        if !cache.contains_key(&c) {
            if let Some(f) = features(conn, c, df)? {
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
            backfill_terms(conn)?;
            let mut df = Df::new(conn)?;
            let mut cache = HashMap::new();
            let mut links = 0;
            for &id in &new {
                links += link_article(conn, id, &mut df, &mut cache)?;
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
