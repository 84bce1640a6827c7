//! The questions asked of the corpus, as typed answers: entity dossiers,
//! quotes with filters, stories with their sources, full-text search, and
//! articles. The CLI prints them as tables or JSON; the server serves the same
//! values. The SQL suits both engines, except search, which uses each
//! engine's own full-text index.

use std::collections::{BTreeMap, HashMap};

use dossier_corpus::name_key;
use serde::Serialize;

use crate::db::{Engine, Row, Value};
use crate::{Store, StoreError};

/// An article, as listed in answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRef {
    /// Article id in the store.
    pub id: i64,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Where it was read from.
    pub origin: String,
    /// The analysis's id (the input's own id, or where it came from).
    pub doc_id: String,
    /// Its story's id.
    pub story: Option<i64>,
    /// When this article is a copy of another text in the store: the id of
    /// the first stored copy.
    pub copy_of: Option<i64>,
}

const ARTICLE_COLS: &str = "a.id, a.title, a.outlet, a.published, a.url, a.origin, a.story, a.dup_group, a.doc_id";

fn article_ref(r: &Row, at: usize) -> ArticleRef {
    let id = r.int(at);
    let dup = r.opt_int(at + 7);
    ArticleRef {
        id,
        title: r.opt_text(at + 1),
        outlet: r.opt_text(at + 2),
        published: r.opt_text(at + 3),
        url: r.opt_text(at + 4),
        origin: r.text(at + 5),
        story: r.opt_int(at + 6),
        copy_of: dup.filter(|&d| d != id),
        doc_id: r.text(at + 8),
    }
}

/// One attribution, with its article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The article it is in.
    pub article: ArticleRef,
    /// Its index in the article's analysis.
    pub n: i64,
    /// `direct`, `mixed`, `indirect`, `according_to`, `no_comment`.
    pub kind: String,
    /// The source as written.
    pub source: Option<String>,
    /// The corpus entity the source resolves to.
    pub source_entity: Option<i64>,
    /// That entity's name.
    pub source_name: Option<String>,
    /// `person`, `organization`, `media`, `anonymous`, `document`.
    pub source_type: String,
    /// The cue.
    pub cue: Option<String>,
    /// What was said.
    pub content: Option<String>,
    /// Stance, when the text gives it.
    pub stance: Option<String>,
    /// When it was said (TIMEX3), when the text gives it.
    pub said: Option<String>,
}

impl Quote {
    /// What makes two quotes one statement repeated by copies of one text:
    /// the group of copies (the first stored copy's id), and the source, cue
    /// and content as written, with quotation marks straightened and spaces
    /// collapsed (copies differ in those, not in their words).
    pub fn statement_key(&self) -> (i64, String, String, String) {
        let norm = |s: Option<&str>| -> String {
            let straight: String = s
                .unwrap_or("")
                .chars()
                .map(|c| match c {
                    '“' | '”' | '„' | '″' => '"',
                    '‘' | '’' => '\'',
                    c => c,
                })
                .collect();
            straight.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        (self.article.copy_of.unwrap_or(self.article.id), norm(self.source.as_deref()), norm(self.cue.as_deref()), norm(self.content.as_deref()))
    }
}

/// Quotes in order, each with the quotes that repeat it in copies of its text
/// (same [`Quote::statement_key`], another article): what a table shows as
/// one line, "also in 2 copies: …".
pub fn fold_copies(qs: &[Quote]) -> Vec<(&Quote, Vec<&Quote>)> {
    let mut out: Vec<(&Quote, Vec<&Quote>)> = Vec::new();
    let mut seen: HashMap<(i64, String, String, String), usize> = HashMap::new();
    for q in qs {
        let key = q.statement_key();
        match seen.get(&key) {
            Some(&i) if out[i].0.article.id != q.article.id => out[i].1.push(q),
            _ => {
                seen.entry(key).or_insert(out.len());
                out.push((q, Vec::new()));
            }
        }
    }
    out
}

/// An attribution with its article and its source's corpus entity (`sa`, the
/// alias of the source's name; joined as tables rather than through the view
/// `entities`, which SQLite would materialise on the right of a LEFT JOIN).
/// Filter by source with [`BY_SOURCE`], which the planners start from.
const QUOTE_SELECT: &str = "SELECT a.id, a.title, a.outlet, a.published, a.url, a.origin, a.story, a.dup_group, a.doc_id, \
    t.n, t.kind, t.source, sa.corpus, c.name, t.source_type, t.cue, t.content, t.stance, t.said \
    FROM attributions t JOIN articles a ON a.id = t.article \
    LEFT JOIN entity_rows e ON e.article = t.article AND e.local = t.source_entity \
    LEFT JOIN aliases sa ON sa.kind = e.kind AND sa.name = e.name \
    LEFT JOIN corpus_entities c ON c.id = sa.corpus";

/// The [`QUOTE_SELECT`] condition "the source is one of these corpus
/// entities" (followed by their placeholders and a closing bracket).
const BY_SOURCE: &str = "(t.article, t.source_entity) IN (SELECT x.article, x.local FROM entities x WHERE x.corpus IN (";

fn quote(r: &Row) -> Quote {
    Quote {
        article: article_ref(r, 0),
        n: r.int(9),
        kind: r.text(10),
        source: r.opt_text(11),
        source_entity: r.opt_int(12),
        source_name: r.opt_text(13),
        source_type: r.text(14),
        cue: r.opt_text(15),
        content: r.opt_text(16),
        stance: r.opt_text(17),
        said: r.opt_text(18),
    }
}

/// A corpus entity found by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityHit {
    /// Corpus entity id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `person`, `organization`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// Number of articles naming it.
    pub articles: i64,
}

/// A name under which an entity appears, and why it was merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alias {
    /// The name as written in articles.
    pub name: String,
    /// Why it is this entity.
    pub reason: String,
}

/// A role of an entity and when it was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    /// The role ("White House press secretary").
    pub role: String,
    /// First publication day with it.
    pub first: Option<String>,
    /// Last publication day with it.
    pub last: Option<String>,
    /// Number of articles giving it.
    pub articles: i64,
}

/// Everything the corpus says of one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    /// Corpus entity id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `person`, `organization`, …
    #[serde(rename = "type")]
    pub kind: String,
    /// Names it appears under, with the reason of each merge.
    pub aliases: Vec<Alias>,
    /// Roles over time.
    pub roles: Vec<Role>,
    /// First publication day it appears.
    pub first_seen: Option<String>,
    /// Last publication day it appears.
    pub last_seen: Option<String>,
    /// Articles naming it, by date.
    pub articles: Vec<ArticleRef>,
    /// What it said (attributions with it as source), declined-to-comment included.
    pub said: Vec<Quote>,
    /// What others said about it (attributions whose content names it).
    pub about: Vec<Quote>,
    /// How often it declined to comment, could not be reached or did not respond.
    pub declined: usize,
}

/// Filters of [`Store::quotes`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteFilter {
    /// The source is this entity (by name).
    pub source: Option<String>,
    /// The content names this entity.
    pub about: Option<String>,
    /// Attribution kind.
    pub kind: Option<String>,
    /// Source type.
    pub source_type: Option<String>,
    /// Stance.
    pub stance: Option<String>,
    /// Published on or after this day.
    pub since: Option<String>,
    /// Published on or before this day.
    pub until: Option<String>,
    /// From this outlet.
    pub outlet: Option<String>,
    /// In this story.
    pub story: Option<i64>,
    /// At most this many (default 100).
    pub limit: Option<usize>,
    /// Skip this many.
    pub offset: Option<usize>,
}

/// A story, as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    /// Story id (the id of its first stored article).
    pub id: i64,
    /// The first report's headline.
    pub title: Option<String>,
    /// Number of articles.
    pub articles: i64,
    /// Distinct outlets.
    pub outlets: Vec<String>,
    /// First publication date.
    pub first: Option<String>,
    /// Last publication date.
    pub last: Option<String>,
}

/// Who a story's claims rest on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The source: the entity's name, or the text as written ("presidential aides").
    pub name: String,
    /// `person`, `organization`, `media`, `anonymous`, `document`.
    pub source_type: String,
    /// The corpus entity, when resolved.
    pub entity: Option<i64>,
    /// Number of statements resting on it (one that copies of a text repeat
    /// counts once).
    pub claims: usize,
    /// Of those, how many are declines to comment.
    pub declined: usize,
}

/// An outlet cited by an article of the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// The citing article.
    pub article: i64,
    /// The outlet as cited.
    pub outlet: String,
    /// The stored article of that outlet in the story, when there is one.
    pub cited: Option<i64>,
    /// How many of the citing article's claims rest on it.
    pub claims: usize,
}

/// Why two articles of a story are grouped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// One article.
    pub a: i64,
    /// The other.
    pub b: i64,
    /// `duplicate` or `story`.
    pub kind: String,
    /// Strength, 0 to 1.
    pub score: f64,
    /// Why.
    pub reason: String,
}

/// One story: its articles, sources and claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// Story id.
    pub id: i64,
    /// The first report's headline.
    pub title: Option<String>,
    /// The earliest article.
    pub first_report: ArticleRef,
    /// Articles by publication time.
    pub articles: Vec<ArticleRef>,
    /// Who the claims rest on, most cited first.
    pub sources: Vec<Source>,
    /// Who declined to comment (or could not be reached).
    pub declined: Vec<Quote>,
    /// Every attribution, by article time.
    pub claims: Vec<Quote>,
    /// Outlets cited, and the stored article each points to.
    pub citations: Vec<Citation>,
    /// Why the articles are grouped.
    pub links: Vec<Link>,
}

/// A search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// `article`, `quote` or `entity`.
    pub kind: String,
    /// The article it is in.
    pub article: ArticleRef,
    /// The attribution index or entity id within the article ("" for the article).
    #[serde(rename = "ref")]
    pub reference: String,
    /// Headline, source or entity name.
    pub title: String,
    /// The matching passage.
    pub snippet: String,
    /// Relevance (higher is better).
    pub score: f64,
}

/// Filters of [`Store::articles`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFilter {
    /// From this outlet.
    pub outlet: Option<String>,
    /// Published on or after this day.
    pub since: Option<String>,
    /// Published on or before this day.
    pub until: Option<String>,
    /// In this story.
    pub story: Option<i64>,
    /// At most this many (default 100).
    pub limit: Option<usize>,
    /// Skip this many.
    pub offset: Option<usize>,
}

/// Counts of what the store holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Articles.
    pub articles: i64,
    /// Stories.
    pub stories: i64,
    /// Corpus entities.
    pub entities: i64,
    /// Attributions.
    pub attributions: i64,
    /// Schema version.
    pub schema: i64,
}

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// `"council vote"` → `"council" "vote"`: every word quoted, so no input is
/// read as FTS5 syntax.
fn fts_query(q: &str) -> String {
    // The stop words PostgreSQL's search drops are dropped here too, so that
    // both engines find the same rows ("the of and" finds nothing).
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !crate::fulltext::is_stop_word(&w.to_lowercase()))
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Store {
    /// Counts of what the store holds.
    pub fn stats(&mut self) -> Result<Stats, StoreError> {
        let one = |s: &mut Store, sql: &str| -> Result<i64, StoreError> { Ok(s.rows(sql, &[])?.first().map(|r| r.int(0)).unwrap_or(0)) };
        Ok(Stats {
            articles: one(self, "SELECT COUNT(*) FROM articles")?,
            stories: one(self, "SELECT COUNT(DISTINCT story) FROM articles")?,
            entities: one(self, "SELECT COUNT(*) FROM corpus_entities")?,
            attributions: one(self, "SELECT COUNT(*) FROM attributions")?,
            schema: self.schema_version()?,
        })
    }

    /// Corpus entities matching a name: the name as written in an article
    /// (any case), the same name once titles and initials are set aside, or
    /// else a part of a name. Most covered first.
    pub fn find_entities(&mut self, name: &str) -> Result<Vec<EntityHit>, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(Vec::new());
        }
        let count = "SELECT c.id, c.name, c.kind, COUNT(DISTINCT e.article) FROM corpus_entities c LEFT JOIN aliases al ON al.corpus = c.id LEFT JOIN entity_rows e ON e.kind = al.kind AND e.name = al.name";
        let mut rows = self.rows(
            &format!("{count} WHERE c.id IN (SELECT corpus FROM aliases WHERE lower(name) = lower(?)) OR (c.kind = 'person' AND c.key = ?) OR (c.kind = 'organization' AND c.key = ?) GROUP BY c.id, c.name, c.kind"),
            &[name.into(), name_key(name, "person").into(), name_key(name, "organization").into()],
        )?;
        if rows.is_empty() {
            rows = self.rows(&format!("{count} WHERE lower(c.name) LIKE ? GROUP BY c.id, c.name, c.kind"), &[format!("%{}%", name.to_lowercase()).into()])?;
        }
        let mut hits: Vec<EntityHit> = rows.iter().map(|r| EntityHit { id: r.int(0), name: r.text(1), kind: r.text(2), articles: r.int(3) }).collect();
        hits.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.id.cmp(&b.id)));
        Ok(hits)
    }

    /// The dossier of one corpus entity, or `None` if there is no such id.
    pub fn dossier(&mut self, id: i64) -> Result<Option<Dossier>, StoreError> {
        let Some(head) = self.rows("SELECT id, name, kind FROM corpus_entities WHERE id = ?", &[id.into()])?.pop() else {
            return Ok(None);
        };
        let aliases = self
            .rows("SELECT name, reason FROM aliases WHERE corpus = ? ORDER BY name", &[id.into()])?
            .iter()
            .map(|r| Alias { name: r.text(0), reason: r.text(1) })
            .collect();
        let mut roles: BTreeMap<String, Role> = BTreeMap::new();
        for r in self.rows("SELECT e.roles, a.day FROM entities e JOIN articles a ON a.id = e.article WHERE e.corpus = ? ORDER BY a.day", &[id.into()])? {
            let day = r.opt_text(1);
            for role in r.text(0).split("; ").filter(|s| !s.is_empty()) {
                let e = roles.entry(role.to_string()).or_insert_with(|| Role { role: role.to_string(), first: day.clone(), last: day.clone(), articles: 0 });
                e.articles += 1;
                if day.is_some() && (e.first.is_none() || day < e.first) {
                    e.first = day.clone();
                }
                if day > e.last {
                    e.last = day.clone();
                }
            }
        }
        let mut roles: Vec<Role> = roles.into_values().collect();
        roles.sort_by(|a, b| a.first.cmp(&b.first).then(b.articles.cmp(&a.articles)).then(a.role.cmp(&b.role)));
        let articles: Vec<ArticleRef> = self
            .rows(&format!("SELECT DISTINCT {ARTICLE_COLS} FROM articles a JOIN entities e ON e.article = a.id WHERE e.corpus = ? ORDER BY a.published, a.id"), &[id.into()])?
            .iter()
            .map(|r| article_ref(r, 0))
            .collect();
        let days: Vec<String> = self.rows("SELECT a.day FROM articles a JOIN entities e ON e.article = a.id WHERE e.corpus = ? AND a.day IS NOT NULL ORDER BY a.day", &[id.into()])?.iter().map(|r| r.text(0)).collect();
        let said: Vec<Quote> = self.rows(&format!("{QUOTE_SELECT} WHERE {BY_SOURCE}?)) ORDER BY a.published, a.id, t.n"), &[id.into()])?.iter().map(quote).collect();
        let about: Vec<Quote> = self
            .rows(
                &format!("{QUOTE_SELECT} WHERE (t.article, t.n) IN (SELECT b.article, b.n FROM about b JOIN entities x ON x.article = b.article AND x.local = b.local WHERE x.corpus = ?) ORDER BY a.published, a.id, t.n"),
                &[id.into()],
            )?
            .iter()
            .map(quote)
            .collect();
        let declined = said.iter().filter(|q| q.kind == "no_comment").count();
        Ok(Some(Dossier {
            id: head.int(0),
            name: head.text(1),
            kind: head.text(2),
            aliases,
            roles,
            first_seen: days.first().cloned(),
            last_seen: days.last().cloned(),
            articles,
            said,
            about,
            declined,
        }))
    }

    /// Attributions matching the filter, by publication time.
    pub fn quotes(&mut self, f: &QuoteFilter) -> Result<Vec<Quote>, StoreError> {
        let mut wh: Vec<String> = Vec::new();
        let mut p: Vec<Value> = Vec::new();
        if let Some(s) = &f.source {
            let ids: Vec<i64> = self.find_entities(s)?.iter().map(|h| h.id).collect();
            if ids.is_empty() {
                wh.push("lower(t.source) LIKE ?".into());
                p.push(format!("%{}%", s.to_lowercase()).into());
            } else {
                wh.push(format!("{BY_SOURCE}{}))", marks(ids.len())));
                p.extend(ids.into_iter().map(Value::Int));
            }
        }
        if let Some(s) = &f.about {
            let ids: Vec<i64> = self.find_entities(s)?.iter().map(|h| h.id).collect();
            if ids.is_empty() {
                wh.push("lower(t.content) LIKE ?".into());
                p.push(format!("%{}%", s.to_lowercase()).into());
            } else {
                wh.push(format!(
                    "(t.article, t.n) IN (SELECT b.article, b.n FROM about b JOIN entities x ON x.article = b.article AND x.local = b.local WHERE x.corpus IN ({}))",
                    marks(ids.len())
                ));
                p.extend(ids.into_iter().map(Value::Int));
            }
        }
        for (col, v) in [("t.kind", &f.kind), ("t.source_type", &f.source_type), ("t.stance", &f.stance)] {
            if let Some(v) = v {
                wh.push(format!("{col} = ?"));
                p.push(v.as_str().into());
            }
        }
        if let Some(v) = &f.since {
            wh.push("a.day >= ?".into());
            p.push(v.as_str().into());
        }
        if let Some(v) = &f.until {
            wh.push("a.day <= ?".into());
            p.push(v.as_str().into());
        }
        if let Some(v) = &f.outlet {
            wh.push("a.outlet_key = ?".into());
            p.push(name_key(v, "organization").into());
        }
        if let Some(v) = f.story {
            wh.push("a.story = ?".into());
            p.push(v.into());
        }
        let cond = if wh.is_empty() { String::new() } else { format!(" WHERE {}", wh.join(" AND ")) };
        p.push((f.limit.unwrap_or(100) as i64).into());
        p.push((f.offset.unwrap_or(0) as i64).into());
        Ok(self.rows(&format!("{QUOTE_SELECT}{cond} ORDER BY a.published, a.id, t.n LIMIT ? OFFSET ?"), &p)?.iter().map(quote).collect())
    }

    /// Stories, most recent first.
    pub fn stories(&mut self, limit: usize, offset: usize) -> Result<Vec<StorySummary>, StoreError> {
        let rows = self.rows(
            "SELECT story, COUNT(*), MIN(published), MAX(published) FROM articles WHERE story IS NOT NULL GROUP BY story ORDER BY MAX(published) DESC, story LIMIT ? OFFSET ?",
            &[(limit as i64).into(), (offset as i64).into()],
        )?;
        let mut out = Vec::new();
        for r in rows {
            let id = r.int(0);
            let arts = self.rows(&format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.story = ? ORDER BY a.published, a.id"), &[id.into()])?;
            let mut outlets: Vec<String> = arts.iter().filter_map(|a| a.opt_text(2)).collect();
            outlets.sort();
            outlets.dedup();
            out.push(StorySummary { id, title: arts.first().and_then(|a| a.opt_text(1)), articles: r.int(1), outlets, first: r.opt_text(2), last: r.opt_text(3) });
        }
        Ok(out)
    }

    /// One story, or `None` if no article has this story id.
    pub fn story(&mut self, id: i64) -> Result<Option<Story>, StoreError> {
        let articles: Vec<ArticleRef> =
            self.rows(&format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.story = ? ORDER BY a.published, a.id"), &[id.into()])?.iter().map(|r| article_ref(r, 0)).collect();
        let Some(first) = articles.first().cloned() else { return Ok(None) };
        let claims = self.quotes(&QuoteFilter { story: Some(id), limit: Some(100_000), ..Default::default() })?;
        let mut sources: HashMap<(String, String), Source> = HashMap::new();
        let mut statements = std::collections::HashSet::new();
        for q in &claims {
            if !statements.insert(q.statement_key()) {
                continue;
            }
            let name = q.source_name.clone().or_else(|| q.source.clone()).unwrap_or_else(|| "(no source given)".to_string());
            let key = (q.source_type.clone(), q.source_entity.map(|e| e.to_string()).unwrap_or_else(|| name.to_lowercase()));
            let s = sources.entry(key).or_insert_with(|| Source { name: name.clone(), source_type: q.source_type.clone(), entity: q.source_entity, claims: 0, declined: 0 });
            s.claims += 1;
            if q.kind == "no_comment" {
                s.declined += 1;
            }
        }
        let mut sources: Vec<Source> = sources.into_values().collect();
        sources.sort_by(source_order);
        let declined = claims.iter().filter(|q| q.kind == "no_comment").cloned().collect();
        // One line per article and outlet cited, with how many claims rest on it.
        let mut citations: Vec<Citation> = Vec::new();
        for r in self.rows("SELECT c.article, c.outlet, c.cited FROM citations c JOIN articles a ON a.id = c.article WHERE a.story = ? ORDER BY a.published, c.article, c.n", &[id.into()])?.iter() {
            let (article, outlet, cited) = (r.int(0), r.text(1), r.opt_int(2));
            match citations.iter_mut().find(|c| c.article == article && c.outlet == outlet && c.cited == cited) {
                Some(c) => c.claims += 1,
                None => citations.push(Citation { article, outlet, cited, claims: 1 }),
            }
        }
        let links = self
            .rows("SELECT l.a, l.b, l.kind, l.score, l.reason FROM links l JOIN articles x ON x.id = l.a WHERE x.story = ? ORDER BY l.a, l.b, l.kind", &[id.into()])?
            .iter()
            .map(|r| Link { a: r.int(0), b: r.int(1), kind: r.text(2), score: r.real(3), reason: r.text(4) })
            .collect();
        Ok(Some(Story { id, title: first.title.clone(), first_report: first, articles, sources, declined, claims, citations, links }))
    }

    /// Full-text search over headlines, article text, quotes (with their
    /// sources) and entity names, best first.
    pub fn search(&mut self, q: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
        let rows = match self.engine() {
            Engine::Sqlite => {
                let fq = fts_query(q);
                if fq.is_empty() {
                    return Ok(Vec::new());
                }
                self.rows(
                    "SELECT article, kind, ref, title, snippet(search, 1, '[', ']', '…', 16), -bm25(search, 4.0, 1.0) FROM search WHERE search MATCH ? ORDER BY bm25(search, 4.0, 1.0) LIMIT ?",
                    &[fq.into(), (limit as i64).into()],
                )?
            }
            Engine::Postgres => {
                // The query's lexemes as the index has them (`fulltext`).
                let tq = crate::fulltext::tsquery(q);
                if tq.is_empty() {
                    return Ok(Vec::new());
                }
                self.rows(
                    "SELECT s.article, s.kind, s.ref, s.title, ts_headline('english', s.body, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8'), ts_rank(s.tsv, q)::float8 \
                     FROM search s, CAST(CAST(? AS text) AS tsquery) q WHERE s.tsv @@ q ORDER BY 6 DESC, s.article, s.kind, s.ref LIMIT ?",
                    &[tq.into(), (limit as i64).into()],
                )?
            }
        };
        let mut out = Vec::new();
        let mut cache: HashMap<i64, ArticleRef> = HashMap::new();
        for r in rows {
            let id = r.int(0);
            if !cache.contains_key(&id) {
                if let Some(a) = self.rows(&format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.id = ?"), &[id.into()])?.first() {
                    cache.insert(id, article_ref(a, 0));
                }
            }
            let Some(article) = cache.get(&id).cloned() else { continue };
            out.push(Hit { kind: r.text(1), article, reference: r.text(2), title: r.text(3), snippet: r.text(4).split_whitespace().collect::<Vec<_>>().join(" "), score: r.real(5) });
        }
        Ok(out)
    }

    /// Articles matching the filter, by publication time.
    pub fn articles(&mut self, f: &ArticleFilter) -> Result<Vec<ArticleRef>, StoreError> {
        let mut wh = Vec::new();
        let mut p: Vec<Value> = Vec::new();
        if let Some(v) = &f.outlet {
            wh.push("a.outlet_key = ?");
            p.push(name_key(v, "organization").into());
        }
        if let Some(v) = &f.since {
            wh.push("a.day >= ?");
            p.push(v.as_str().into());
        }
        if let Some(v) = &f.until {
            wh.push("a.day <= ?");
            p.push(v.as_str().into());
        }
        if let Some(v) = f.story {
            wh.push("a.story = ?");
            p.push(v.into());
        }
        let cond = if wh.is_empty() { String::new() } else { format!(" WHERE {}", wh.join(" AND ")) };
        p.push((f.limit.unwrap_or(100) as i64).into());
        p.push((f.offset.unwrap_or(0) as i64).into());
        Ok(self.rows(&format!("SELECT {ARTICLE_COLS} FROM articles a{cond} ORDER BY a.published, a.id LIMIT ? OFFSET ?"), &p)?.iter().map(|r| article_ref(r, 0)).collect())
    }

    /// One article's full analysis (contract JSON), or `None`.
    pub fn analysis(&mut self, id: i64) -> Result<Option<serde_json::Value>, StoreError> {
        Ok(self.rows("SELECT analysis FROM articles WHERE id = ?", &[id.into()])?.first().and_then(|r| serde_json::from_str(&r.text(0)).ok()))
    }

    /// One article's listing, or `None`.
    pub fn article(&mut self, id: i64) -> Result<Option<ArticleRef>, StoreError> {
        Ok(self.rows(&format!("SELECT {ARTICLE_COLS} FROM articles a WHERE a.id = ?"), &[id.into()])?.first().map(|r| article_ref(r, 0)))
    }

    /// The corpus entity ids of an article's entities (analysis id → corpus id).
    pub fn entity_links(&mut self, article: i64) -> Result<HashMap<String, i64>, StoreError> {
        Ok(self.rows("SELECT local, corpus FROM entities WHERE article = ? AND corpus IS NOT NULL", &[article.into()])?.iter().map(|r| (r.text(0), r.int(1))).collect())
    }
}

/// The order of a story's sources: most claims first, then by name; then,
/// for a total order (two sources may share a name and a count: "Trump" the
/// person and, misread, the organisation), by type and entity, not in the
/// hash map's order.
fn source_order(a: &Source, b: &Source) -> std::cmp::Ordering {
    b.claims.cmp(&a.claims).then(a.name.cmp(&b.name)).then(a.source_type.cmp(&b.source_type)).then(a.entity.cmp(&b.entity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_sources_sharing_a_name_and_a_count_have_one_order() {
        let src = |t: &str, e: Option<i64>, claims| Source { name: "Trump".into(), source_type: t.into(), entity: e, claims, declined: 0 };
        let a = vec![src("person", Some(3), 2), src("organization", Some(9), 2), src("person", Some(1), 2), src("anonymous", None, 5)];
        let mut b = a.clone();
        b.reverse();
        let (mut a, mut b) = (a, b);
        a.sort_by(source_order);
        b.sort_by(source_order);
        assert_eq!(a, b);
        assert_eq!(a[0].source_type, "anonymous");
        assert_eq!((a[1].source_type.as_str(), a[1].entity), ("organization", Some(9)));
        assert_eq!((a[2].entity, a[3].entity), (Some(1), Some(3)));
    }

    #[test]
    fn search_words_are_quoted() {
        assert_eq!(fts_query("council \"Vote\" levy* AND"), "\"council\" \"Vote\" \"levy\"");
        // Stop words are dropped, as PostgreSQL's search drops them.
        assert_eq!(fts_query("the OR not"), "");
        assert_eq!(fts_query("  ()  "), "");
    }
}
