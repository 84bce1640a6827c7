//! One analysed document as the store keeps it: built from an [`Analysis`] by
//! a pure function (so records are made in parallel), then written in
//! batches.

use dossier_analysis::Analysis;
use dossier_corpus::{name_key, Fingerprint, MinHash, BAND_ROWS};

use crate::db::{Conn, Value};
use crate::{Inserted, StoreError};

/// An entity of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    /// Its id in the analysis (`e3`).
    pub local: String,
    /// `person`, `organization`, …
    pub kind: String,
    /// Fullest name in the article.
    pub name: String,
    /// Roles, `; `-separated.
    pub roles: String,
    /// Affiliation, when stated.
    pub affiliation: Option<String>,
    /// A news outlet.
    pub media: bool,
    /// Number of mentions.
    pub mentions: usize,
    /// Offset of its first mention.
    pub first_start: usize,
}

/// An attribution of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionRow {
    /// Its index in the analysis.
    pub n: usize,
    /// `direct`, `mixed`, `indirect`, `according_to`, `no_comment`.
    pub kind: String,
    /// The source as written.
    pub source: Option<String>,
    /// The source's entity id in the analysis.
    pub source_entity: Option<String>,
    /// `person`, `organization`, `media`, `anonymous`, `document`.
    pub source_type: String,
    /// The cue.
    pub cue: Option<String>,
    /// What was said (its parts joined by " … " when the cue interrupts
    /// it: the cue is no part of a quotation a reader is shown or searches).
    pub content: Option<String>,
    /// Content offsets (the whole span, parts and cue).
    pub content_span: Option<(usize, usize)>,
    /// Stance.
    pub stance: Option<String>,
    /// When it was said (TIMEX3 value).
    pub said: Option<String>,
}

/// Everything stored for one document.
#[derive(Debug, Clone)]
pub struct Record {
    /// Where it came from.
    pub origin: String,
    /// The analysis as contract JSON.
    pub json: String,
    /// Exact and near-duplicate fingerprints.
    pub fingerprint: Fingerprint,
    /// The analysis's id.
    pub doc_id: String,
    /// Canonical URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Byline names, `; `-separated.
    pub authors: String,
    /// Publication date as given.
    pub published: Option<String>,
    /// Publication day, `YYYY-MM-DD`.
    pub day: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Clean text.
    pub text: String,
    /// Entities.
    pub entities: Vec<EntityRow>,
    /// Attributions.
    pub attributions: Vec<AttributionRow>,
    /// Which entities each attribution's content mentions: (attribution, entity id).
    pub about: Vec<(usize, String)>,
    /// Time expressions: (text, offset, type, value, mod, anchor).
    pub times: Vec<(String, usize, String, String, Option<String>, Option<String>)>,
    /// Outlets cited as sources: (attribution, outlet name).
    pub citations: Vec<(usize, String)>,
    /// Headline and lead terms with their weights (same-story evidence).
    pub terms: Vec<(String, f64)>,
}

/// The `YYYY-MM-DD` day of an ISO date or date-time.
fn day_of(published: Option<&str>) -> Option<String> {
    let p = published?;
    let d = p.get(0..10)?;
    crate::days_from_civil(d).map(|_| d.to_string())
}

impl Record {
    /// The record of an analysis of a document whose decoded body is `body`
    /// (the content hash is of the body, so the same input is recognised
    /// before it is analysed again).
    pub fn new(origin: &str, body: &str, a: &Analysis) -> Record {
        let fingerprint = Fingerprint::new(body, &a.text);
        let entities: Vec<EntityRow> = a
            .entities
            .iter()
            .map(|e| EntityRow {
                local: e.id.clone(),
                kind: e.kind.clone(),
                name: e.name.clone(),
                roles: e.roles.join("; "),
                affiliation: e.affiliation.clone(),
                media: e.media,
                mentions: e.mentions.len(),
                first_start: e.mentions.iter().map(|m| m.span.start).min().unwrap_or(0),
            })
            .collect();
        let attributions: Vec<AttributionRow> = a
            .attributions
            .iter()
            .enumerate()
            .map(|(n, x)| AttributionRow {
                n,
                kind: x.kind.clone(),
                source: x.source.as_ref().map(|s| s.text.clone()),
                source_entity: x.source_entity.clone(),
                source_type: x.source_type.clone(),
                cue: x.cue.as_ref().map(|s| s.text.clone()),
                content: x.said_text(),
                content_span: x.content.as_ref().map(|s| (s.start, s.end)),
                stance: x.stance.clone(),
                said: x.time.clone(),
            })
            .collect();
        let mut about = Vec::new();
        for x in &attributions {
            let Some((cs, ce)) = x.content_span else { continue };
            for e in &a.entities {
                if Some(&e.id) == x.source_entity.as_ref() {
                    continue;
                }
                if e.mentions.iter().any(|m| m.span.start >= cs && m.span.end <= ce) {
                    about.push((x.n, e.id.clone()));
                }
            }
        }
        let own_outlet = a.outlet.as_deref().map(|o| name_key(o, "organization"));
        let mut citations = Vec::new();
        for x in &attributions {
            let entity = x.source_entity.as_ref().and_then(|id| a.entities.iter().find(|e| &e.id == id));
            let outlet = match entity {
                Some(e) if e.media => Some(e.name.clone()),
                _ if x.source_type == "media" => x.source.clone(),
                _ => None,
            };
            // ("reviewed by the Journal" in the Northbank Business Journal:
            // the outlet's own short name is no citation.)
            let own_short = |o: &str| {
                let o = o.strip_prefix("the ").or_else(|| o.strip_prefix("The ")).unwrap_or(o);
                !o.contains(' ') && a.outlet.as_deref().is_some_and(|own| own.contains(' ') && own.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(o)))
            };
            if let Some(o) = outlet {
                if own_outlet.as_deref() != Some(name_key(&o, "organization").as_str()) && !own_short(&o) {
                    citations.push((x.n, o));
                }
            }
        }
        Record {
            origin: origin.to_string(),
            json: serde_json::to_string(a).unwrap_or_default(),
            fingerprint,
            doc_id: a.id.clone(),
            url: a.url.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            authors: a.authors.join("; "),
            published: a.published.clone(),
            day: day_of(a.published.as_deref()),
            language: a.language.clone(),
            text: a.text.clone(),
            entities,
            attributions,
            about,
            times: a.times.iter().map(|t| (t.span.text.clone(), t.span.start, t.kind.clone(), t.value.clone(), t.modifier.clone(), t.anchor.clone())).collect(),
            citations,
            terms: dossier_corpus::fingerprint::story_terms(a.title.as_deref(), &a.text),
        }
    }

    /// The content hash.
    pub fn hash(&self) -> &str {
        &self.fingerprint.hash
    }
}

/// Insert many rows into one table with as few statements as the engines'
/// parameter limits allow.
pub(crate) fn insert_rows(conn: &mut Conn, table: &str, cols: &[&str], rows: Vec<Vec<Value>>) -> Result<(), StoreError> {
    insert_rows_with(conn, table, cols, rows, "").map(|_| ())
}

/// [`insert_rows`] with a clause after the values (`ON CONFLICT …`); the
/// number of rows inserted.
pub(crate) fn insert_rows_with(conn: &mut Conn, table: &str, cols: &[&str], rows: Vec<Vec<Value>>, tail: &str) -> Result<usize, StoreError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let phases = crate::trace::Phases::new("insert");
    let n = rows.len();
    let _done = Done(|| phases.mark(format_args!("{n} rows into {table}")));
    if tail.is_empty() {
        if let Some(n) = conn.copy_in(table, cols, &rows)? {
            return Ok(n);
        }
    }
    let head = format!("INSERT INTO {table} ({}) VALUES", cols.join(", "));
    insert_values(conn, &head, cols.len(), &rows, tail)
}

/// Most rows in one SQLite `INSERT … VALUES` statement: past a few dozen,
/// more rows per statement save nothing (the statement's own cost is
/// already spread thin), while each size of statement is compiled once.
const SQLITE_ROWS: usize = 64;

/// Run `head` (`INSERT INTO t (a, b) VALUES`) with `rows` of `width` values
/// each and `tail` after the values, several rows per statement: in SQLite
/// [`SQLITE_ROWS`] at a time and the rest one by one (so that only two
/// statements are compiled per table), in PostgreSQL as many as its
/// parameter limit allows. The number of rows inserted.
///
/// Not for SQLite's FTS5 table: a statement of several rows opens a
/// statement savepoint, which makes FTS5 write out the terms it holds in
/// memory, so that the index would be written in many small segments
/// (and merged again) rather than once per transaction.
pub(crate) fn insert_values(conn: &mut Conn, head: &str, width: usize, rows: &[Vec<Value>], tail: &str) -> Result<usize, StoreError> {
    let tuple = format!("({})", vec!["?"; width].join(", "));
    let per = match conn.engine() {
        crate::db::Engine::Sqlite => SQLITE_ROWS,
        crate::db::Engine::Postgres => (30_000 / width).max(1),
    };
    let whole = rows.len() / per * per;
    let mut inserted = 0;
    if whole > 0 {
        let sql = format!("{head} {}{tail}", vec![tuple.as_str(); per].join(", "));
        inserted += conn.exec_rows(&sql, &rows[..whole], per)? as usize;
    }
    let rest = &rows[whole..];
    if !rest.is_empty() {
        inserted += if conn.engine() == crate::db::Engine::Sqlite {
            conn.exec_each(&format!("{head} {tuple}{tail}"), rest)?
        } else {
            conn.exec_rows(&format!("{head} {}{tail}", vec![tuple.as_str(); rest.len()].join(", ")), rest, rest.len())?
        } as usize;
    }
    Ok(inserted)
}

/// Insert a batch inside the caller's transaction. Articles are claimed in
/// hash order, so concurrent writers take their locks in one order.
pub(crate) fn insert_all(conn: &mut Conn, records: &[Record], lexer: &mut crate::fulltext::Lexer) -> Result<Vec<Inserted>, StoreError> {
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by(|&a, &b| records[a].hash().cmp(records[b].hash()));
    let mut result = vec![Inserted::Duplicate(0); records.len()];
    let mut fresh: Vec<(i64, &Record)> = Vec::new();
    let ingested = crate::now();
    let phases = crate::trace::Phases::new("insert");
    let row = |r: &Record| -> Vec<Value> {
        vec![
            r.hash().into(),
            r.origin.as_str().into(),
            r.doc_id.as_str().into(),
            r.url.clone().into(),
            r.title.clone().into(),
            r.outlet.clone().into(),
            r.outlet.as_deref().map(|o| name_key(o, "organization")).into(),
            r.authors.as_str().into(),
            r.published.clone().into(),
            r.day.clone().into(),
            r.language.clone().into(),
            r.text.as_str().into(),
            r.json.as_str().into(),
            r.fingerprint.shingles.to_bytes().into(),
            crate::link::encode_terms(&r.terms).into(),
            ingested.as_str().into(),
        ]
    };
    const ARTICLE_COLS: &str = "hash, origin, doc_id, url, title, outlet, outlet_key, authors, published, day, language, text, analysis, shingles, terms, ingested";
    const ARTICLE_TUPLE: &str = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    if conn.engine() == crate::db::Engine::Postgres {
        // One statement for the batch, not a round trip per article: the
        // rows go in hash order (ids are taken in that order, as one by one),
        // and the hashes already stored are looked up together.
        let mut ids: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
        for chunk in order.chunks(1000) {
            let sql = format!("INSERT INTO articles ({ARTICLE_COLS}) VALUES {} ON CONFLICT (hash) DO NOTHING RETURNING hash, id", vec![ARTICLE_TUPLE; chunk.len()].join(", "));
            let params: Vec<Value> = chunk.iter().flat_map(|&i| row(&records[i])).collect();
            for r in conn.query(&sql, &params)? {
                ids.insert(r.text(0), r.int(1));
            }
        }
        let known: Vec<Value> = order.iter().map(|&i| records[i].hash()).filter(|h| !ids.contains_key(*h)).map(Value::from).collect();
        let mut stored: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
        if !known.is_empty() {
            let sql = format!("SELECT hash, id FROM articles WHERE {}", conn.in_list("hash"));
            stored = conn.query(&sql, &[Value::List(known)])?.iter().map(|r| (r.text(0), r.int(1))).collect();
        }
        let mut taken = std::collections::HashSet::new();
        for i in order {
            let r = &records[i];
            match ids.get(r.hash()) {
                // A batch holding one document twice stores it once.
                Some(&id) if taken.insert(id) => {
                    result[i] = Inserted::New(id);
                    fresh.push((id, r));
                }
                Some(&id) => result[i] = Inserted::Duplicate(id),
                None => result[i] = Inserted::Duplicate(stored.get(r.hash()).copied().unwrap_or(0)),
            }
        }
    } else {
        // In-process: one prepared statement run per article costs least.
        let sql = format!("INSERT INTO articles ({ARTICLE_COLS}) VALUES {ARTICLE_TUPLE} ON CONFLICT (hash) DO NOTHING RETURNING id");
        for i in order {
            let r = &records[i];
            match conn.query(&sql, &row(r))?.first() {
                Some(row) => {
                    let id = row.int(0);
                    result[i] = Inserted::New(id);
                    fresh.push((id, r));
                }
                None => {
                    let id = conn.query("SELECT id FROM articles WHERE hash = ?", &[r.hash().into()])?.first().map(|r| r.int(0)).unwrap_or(0);
                    result[i] = Inserted::Duplicate(id);
                }
            }
        }
    }
    phases.mark(format_args!("{} rows into articles", fresh.len()));
    let mut lsh = Vec::new();
    let mut entities = Vec::new();
    let mut attributions = Vec::new();
    let mut about = Vec::new();
    let mut times = Vec::new();
    let mut citations = Vec::new();
    let mut search = Vec::new();
    let mut terms = Vec::new();
    for &(id, r) in &fresh {
        terms.extend(r.terms.iter().map(|(t, _)| (t.as_str(), id)));
        let mut keys = r.fingerprint.shingles.bands(BAND_ROWS);
        keys.sort_unstable();
        keys.dedup();
        lsh.extend(keys.into_iter().map(|k| (k, id)));
        for e in &r.entities {
            entities.push(vec![
                id.into(),
                e.local.as_str().into(),
                e.kind.as_str().into(),
                e.name.as_str().into(),
                e.roles.as_str().into(),
                e.affiliation.clone().into(),
                e.media.into(),
                e.mentions.into(),
                e.first_start.into(),
            ]);
            search.push(vec![e.name.as_str().into(), format!("{} {}", e.kind, e.roles).into(), id.into(), "entity".into(), e.local.as_str().into()]);
        }
        for x in &r.attributions {
            attributions.push(vec![
                id.into(),
                x.n.into(),
                x.kind.as_str().into(),
                x.source.clone().into(),
                x.source_entity.clone().into(),
                x.source_type.as_str().into(),
                x.cue.clone().into(),
                x.content.clone().into(),
                x.content_span.map(|s| s.0).into(),
                x.content_span.map(|s| s.1).into(),
                x.stance.clone().into(),
                x.said.clone().into(),
            ]);
            if let Some(c) = &x.content {
                let source_name = x.source_entity.as_ref().and_then(|l| r.entities.iter().find(|e| &e.local == l)).map(|e| e.name.as_str());
                let title = format!("{} {}", x.source.as_deref().unwrap_or(""), source_name.unwrap_or("")).trim().to_string();
                search.push(vec![title.into(), c.as_str().into(), id.into(), "quote".into(), x.n.to_string().into()]);
            }
        }
        about.extend(r.about.iter().map(|(n, l)| vec![id.into(), (*n).into(), l.as_str().into()]));
        times.extend(r.times.iter().enumerate().map(|(n, t)| {
            vec![id.into(), n.into(), t.0.as_str().into(), t.1.into(), t.2.as_str().into(), t.3.as_str().into(), t.4.clone().into(), t.5.clone().into()]
        }));
        citations.extend(r.citations.iter().map(|(n, o)| vec![id.into(), (*n).into(), o.as_str().into(), name_key(o, "organization").into()]));
        search.push(vec![r.title.clone().unwrap_or_default().into(), r.text.as_str().into(), id.into(), "article".into(), "".into()]);
    }
    // The index-like tables' rows go in in key order: each B-tree page is
    // then reached once for its run of keys, not once for each.
    lsh.sort_unstable();
    terms.sort_unstable();
    let lsh = lsh.into_iter().map(|(k, id)| vec![Value::Int(k), Value::Int(id)]).collect();
    let terms = terms.into_iter().map(|(t, id)| vec![t.into(), id.into()]).collect();
    insert_rows(conn, "lsh", &["band_key", "article"], lsh)?;
    insert_rows(conn, "entity_rows", &["article", "local", "kind", "name", "roles", "affiliation", "media", "mentions", "first_start"], entities)?;
    insert_rows(
        conn,
        "attributions",
        &["article", "n", "kind", "source", "source_entity", "source_type", "cue", "content", "content_start", "content_end", "stance", "said"],
        attributions,
    )?;
    insert_rows(conn, "about", &["article", "n", "local"], about)?;
    insert_rows(conn, "times", &["article", "n", "text", "start_offset", "kind", "value", "modifier", "anchor"], times)?;
    insert_rows(conn, "citations", &["article", "n", "outlet", "outlet_key"], citations)?;
    insert_rows(conn, "terms", &["term", "article"], terms)?;
    // Last: in SQLite a later statement of several rows would make FTS5
    // write out what it holds (see `insert_values`) before the commit does.
    insert_search(conn, search, lexer)?;
    Ok(result)
}

/// Index the search rows (title, body, article, kind, ref) of a batch. In
/// PostgreSQL they are rows of `search`. In SQLite each goes into
/// `search_rows` (without the body when it is an article's own text, which
/// `articles` already holds) and into the external-content FTS5 index under
/// the same id, numbered on from the last one as FTS5 numbered its rows
/// before schema 4.
fn insert_search(conn: &mut Conn, rows: Vec<Vec<Value>>, lexer: &mut crate::fulltext::Lexer) -> Result<(), StoreError> {
    if conn.engine() == crate::db::Engine::Postgres {
        // The row's tsvector, computed here (`fulltext`), goes in its binary
        // format, which the driver writes as it is given.
        let rows = rows
            .into_iter()
            .map(|mut row| {
                fn text(v: &Value) -> &str {
                    if let Value::Text(t) = v { t } else { "" }
                }
                let tsv = lexer.tsvector(text(&row[0]), text(&row[1]));
                row.push(Value::Blob(tsv));
                row
            })
            .collect();
        return insert_rows(conn, "search", &["title", "body", "article", "kind", "ref", "tsv"], rows);
    }
    if rows.is_empty() {
        return Ok(());
    }
    let phases = crate::trace::Phases::new("insert");
    let n = rows.len();
    let last = conn.query("SELECT COALESCE(MAX(id), 0) FROM search_rows", &[])?.first().map(|r| r.int(0)).unwrap_or(0);
    let mut id = last;
    let mut own_rows = Vec::with_capacity(n);
    for row in rows {
        id += 1;
        let [title, body, article, kind, reference]: [Value; 5] = row.try_into().map_err(|_| StoreError::Schema("a search row has five columns".into()))?;
        let own = if matches!(&kind, Value::Text(k) if k == "article") { Value::Null } else { body };
        own_rows.push(vec![id.into(), article, kind, reference, title, own]);
    }
    insert_values(conn, "INSERT INTO search_rows (id, article, kind, ref, title, body) VALUES", 6, &own_rows, "")?;
    // The index takes the new rows from the view it indexes (an article's
    // text from `articles`), in id order, in one statement: its savepoint
    // comes before any of the batch's terms are held (see `insert_values`),
    // so FTS5 writes them out once, at the commit, as row by row.
    conn.exec(
        "INSERT INTO search (rowid, title, body) SELECT id, title, body FROM search_source WHERE id > ? AND id <= ? ORDER BY id",
        &[last.into(), id.into()],
    )?;
    phases.mark(format_args!("{n} rows into search"));
    Ok(())
}

/// A stored signature back from its bytes.
pub(crate) fn signature(b: &[u8]) -> MinHash {
    MinHash::from_bytes(b)
}

/// Runs its closure when dropped (a phase mark on every way out).
struct Done<F: FnMut()>(F);

impl<F: FnMut()> Drop for Done<F> {
    fn drop(&mut self) {
        (self.0)()
    }
}
