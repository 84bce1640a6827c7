//! Grouping what is stored: corpus entities from the names of all articles,
//! near-duplicate and same-story links for articles not yet linked, the
//! groups those links make, and which stored article each citation of an
//! outlet points to.

use std::collections::HashMap;

use dossier_corpus::fingerprint::story_terms;
use dossier_corpus::groups::tf_idf;
use dossier_corpus::{story_link_by, Components, LinkKind, StoryFeatures};

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
/// New articles linked at a time (what linking holds in memory is
/// proportional to it, not to the corpus).
const LINK_CHUNK: usize = 1000;
/// Story features kept from one chunk to the next (the candidates of one
/// chunk are often those of the next: copies, the same story); forgotten
/// past this many, so memory stays bounded.
const FEATURES_KEPT: usize = 10_000;
/// Term postings kept from one chunk to the next, at most.
const POSTINGS_KEPT: usize = 1_000_000;

/// What one linking run keeps from chunk to chunk: nothing in the store
/// changes while it runs, so what was read once holds. An article's terms
/// are kept as numbers standing for them (`terms`): a first chunk may read
/// the features of the whole corpus as candidates, and as strings they were
/// most of the run's memory (about 9 KB an article; 2 KB as numbers).
#[derive(Default)]
struct Kept {
    feats: HashMap<i64, StoryFeatures<u32>>,
    terms: Interner,
    postings: HashMap<String, Vec<(i64, Option<i64>)>>,
    postings_len: usize,
}

/// The terms of the kept features, each text once, numbered in the order
/// they come.
#[derive(Default)]
struct Interner {
    ids: HashMap<std::rc::Rc<str>, u32, std::hash::BuildHasherDefault<TermHasher>>,
    names: Vec<std::rc::Rc<str>>,
}

impl Interner {
    /// The number of `term`, given now if it has none.
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&i) = self.ids.get(term) {
            return i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let name: std::rc::Rc<str> = term.into();
        self.names.push(name.clone());
        self.ids.insert(name, i);
        i
    }

    /// The term numbered `i`.
    fn name(&self, i: u32) -> &str {
        self.names.get(i as usize).map_or("", |t| t)
    }

    /// Features with numbers for their terms, sorted by number (the order
    /// [`story_link_by`] merges by; equal terms keep their order).
    fn features(&mut self, f: StoryFeatures) -> StoryFeatures<u32> {
        let mut terms: Vec<(u32, f64)> = f.terms.iter().map(|(t, w)| (self.id(t), *w)).collect();
        terms.sort_by_key(|t| t.0);
        StoryFeatures { day: f.day, shingles: f.shingles, terms }
    }

    fn clear(&mut self) {
        self.ids.clear();
        self.names.clear();
    }
}
/// Are `new` articles few beside a store of `stored` (under a quarter of
/// it)? Then a linking run reads what they touch by key rather than
/// passing over the store.
fn few_beside(new: usize, stored: usize) -> bool {
    new * 4 < stored
}

/// Most candidate articles compared with one new article.
const MAX_CANDIDATES: usize = 400;
/// An article's rarest terms looked up to find the articles it may share a
/// story with.
const CANDIDATE_TERMS: usize = 20;

/// The rows of `sql`, whose one parameter is the list `ids` (see
/// [`Conn::in_list`]).
fn by_ids(conn: &mut Conn, sql: &str, ids: &[i64]) -> Result<Vec<crate::db::Row>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    conn.query(sql, &[Value::List(ids.iter().map(|&i| Value::Int(i)).collect())])
}

/// Document frequencies of terms (how many stored articles have each),
/// counted once per linking run and only for the terms it meets.
pub(crate) struct Df {
    articles: usize,
    counts: HashMap<String, usize, std::hash::BuildHasherDefault<TermHasher>>,
    /// Count the terms of the next articles read ([`features`]) instead of
    /// asking the store: set when those are every stored article.
    from_lists: bool,
}

impl Df {
    pub(crate) fn new(conn: &mut Conn) -> Result<Df, StoreError> {
        let articles = conn.query("SELECT COUNT(*) FROM articles", &[])?.first().map(|r| r.int(0) as usize).unwrap_or(0);
        Ok(Df { articles, counts: HashMap::default(), from_lists: false })
    }

    /// Count the terms not counted yet (one query, an index range per term).
    fn count<'a>(&mut self, conn: &mut Conn, terms: impl IntoIterator<Item = &'a str>) -> Result<(), StoreError> {
        let mut missing: Vec<&str> = terms.into_iter().filter(|t| !self.counts.contains_key(*t)).collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(());
        }
        let sql = format!("SELECT term, COUNT(*) FROM terms WHERE {} GROUP BY term", conn.in_list("term"));
        let counts = &mut self.counts;
        conn.query_each(&sql, &[Value::List(missing.iter().map(|t| (*t).into()).collect())], |r| {
            counts.insert(r.text(0).into_owned(), r.int(1) as usize);
        })?;
        for t in missing {
            self.counts.entry(t.to_string()).or_insert(0);
        }
        Ok(())
    }

    /// Count every term of the store in one pass: cheaper than looking
    /// terms up one by one when most of the store is new.
    fn count_all(&mut self, conn: &mut Conn) -> Result<(), StoreError> {
        let counts = &mut self.counts;
        conn.query_each("SELECT term, COUNT(*) FROM terms GROUP BY term", &[], |r| {
            counts.insert(r.text(0).into_owned(), r.int(1) as usize);
        })
    }

    /// Forget the counts when they grow large (they are counted again as
    /// needed), so that memory stays flat over a long run.
    fn trim(&mut self) {
        if self.counts.len() > 1_000_000 {
            self.counts.clear();
        }
    }

    fn get(&self, term: &str) -> usize {
        self.counts.get(term).copied().unwrap_or(0)
    }
}

/// A hasher for the document frequencies' terms (short, not chosen by an
/// adversary who could gain by colliding them: at worst a slow lookup),
/// far cheaper than the default SipHash: eight bytes at a time, a rotation,
/// a xor and a multiplication each (as rustc's own `FxHasher`).
#[derive(Default)]
pub(crate) struct TermHasher(u64);

impl std::hash::Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(tail) ^ ((rest.len() as u64) << 56)).wrapping_mul(K);
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Story features of the articles `ids`, read in a few set-based queries.
pub(crate) fn features(conn: &mut Conn, ids: &[i64], df: &mut Df) -> Result<HashMap<i64, StoryFeatures>, StoreError> {
    features_as(conn, ids, df, |f| f)
}

/// [`features`], each article's given to `keep` as soon as it is made (its
/// terms numbered, by linking), so that the terms of many articles are never
/// all held as strings at once: an article's stored list stays text until
/// its turn.
fn features_as<K>(conn: &mut Conn, ids: &[i64], df: &mut Df, mut keep: impl FnMut(StoryFeatures) -> StoryFeatures<K>) -> Result<HashMap<i64, StoryFeatures<K>>, StoreError> {
    let sql = format!("SELECT id, day, shingles, terms FROM articles WHERE {}", conn.in_list("id"));
    let rows = by_ids(conn, &sql, ids)?;
    let mut raw: Vec<(i64, Option<String>, Vec<u8>, String)> = rows
        .into_iter()
        .map(|mut r| {
            let terms = match r.0.get_mut(3) {
                Some(Value::Text(t)) => std::mem::take(t),
                _ => r.text(3),
            };
            let shingles = match r.0.get_mut(2) {
                Some(Value::Blob(b)) => std::mem::take(b),
                _ => Vec::new(),
            };
            (r.int(0), r.opt_text(1), shingles, terms)
        })
        .collect();
    raw.shrink_to_fit();
    // The lists decoded at once only when they are all counted here (a new
    // store linked at once, whose first chunk reads no candidates).
    let mut decoded: Vec<Vec<(String, f64)>> = Vec::new();
    if std::mem::take(&mut df.from_lists) {
        // Every stored article is among these: a term's document frequency
        // is the number of their lists that hold it (an article's list has
        // each of its terms once, as `terms` has a row per term and article).
        decoded = raw.iter().map(|r| decode_terms(&r.3)).collect();
        for terms in &decoded {
            for (i, (t, _)) in terms.iter().enumerate() {
                if i > 0 && terms[i - 1].0 == *t {
                    continue;
                }
                match df.counts.get_mut(t.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        df.counts.insert(t.clone(), 1);
                    }
                }
            }
        }
    } else {
        df.count(conn, raw.iter().flat_map(|r| term_names(&r.3)))?;
    }
    let mut out = HashMap::with_capacity(raw.len());
    let mut decoded = decoded.into_iter();
    for (id, day, shingles, terms) in raw {
        let terms = match decoded.next() {
            Some(list) => tf_idf(&list, df.articles, |t| df.get(t)),
            None => tf_idf(&decode_terms(&terms), df.articles, |t| df.get(t)),
        };
        out.insert(id, keep(StoryFeatures { day: day.and_then(|d| crate::days_from_civil(&d)), shingles: signature(&shingles), terms }));
    }
    Ok(out)
}

/// The terms of a stored list, as [`decode_terms`] reads them (a line with
/// a weight), without a string each.
fn term_names(s: &str) -> impl Iterator<Item = &str> {
    s.lines().filter_map(|l| l.split_once('\t').filter(|(_, w)| parse_weight(w).is_some()).map(|(t, _)| t))
}

/// Compute and store the story terms of the articles not linked yet that
/// have none (rows written without them), from their headline and text.
/// (By the index of `linked`: the test of `terms` alone would read every
/// stored row, past its text, on every linking run.)
pub(crate) fn backfill_terms(conn: &mut Conn) -> Result<(), StoreError> {
    backfill_terms_of(conn, "linked = 0 AND terms IS NULL")
}

/// Schema 3: the story terms of every article stored before it.
pub(crate) fn backfill_all_terms(conn: &mut Conn) -> Result<(), StoreError> {
    backfill_terms_of(conn, "terms IS NULL")
}

fn backfill_terms_of(conn: &mut Conn, filter: &str) -> Result<(), StoreError> {
    let missing = conn.query(&format!("SELECT id, title, text FROM articles WHERE {filter}"), &[])?;
    let mut postings = Vec::new();
    for r in &missing {
        let id = r.int(0);
        let terms = story_terms(r.opt_text(1).as_deref(), &r.text(2));
        conn.exec("UPDATE articles SET terms = ? WHERE id = ?", &[encode_terms(&terms).into(), id.into()])?;
        postings.extend(terms.into_iter().map(|(t, _)| vec![Value::Text(t), Value::Int(id)]));
    }
    crate::record::insert_rows(conn, "terms", &["term", "article"], postings)
}

/// An article's story terms as stored: a line `term<TAB>weight` each, the
/// weight as Rust's `Display` of `f64` writes it.
pub(crate) fn encode_terms(terms: &[(String, f64)]) -> String {
    let mut s = String::with_capacity(terms.iter().map(|(t, _)| t.len() + 6).sum());
    for (t, w) in terms {
        s.push_str(t);
        s.push('\t');
        push_weight(&mut s, *w);
        s.push('\n');
    }
    s
}

/// Append `w` as `w.to_string()` would: story terms weigh whole and half
/// units (see [`story_terms`]), written here without the general float
/// formatting (`4`, `4.5`); any other value goes through `Display`.
fn push_weight(s: &mut String, w: f64) {
    use std::fmt::Write;
    let twice = w * 2.0;
    if w.is_sign_positive() && twice < 1e15 && twice.fract() == 0.0 {
        let twice = twice as u64;
        let _ = write!(s, "{}", twice / 2);
        if twice % 2 == 1 {
            s.push_str(".5");
        }
    } else {
        let _ = write!(s, "{w}");
    }
}

/// The inverse of [`encode_terms`], sorted by term; malformed lines are skipped.
fn decode_terms(s: &str) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = s
        .lines()
        .filter_map(|l| {
            let (t, w) = l.split_once('\t')?;
            Some((t.to_string(), parse_weight(w)?))
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// A weight as [`push_weight`] writes it: whole and half units read
/// directly (exact in `f64`, so the same value as `str::parse` gives),
/// anything else through `str::parse`.
fn parse_weight(w: &str) -> Option<f64> {
    let (whole, half) = match w.strip_suffix(".5") {
        Some(whole) => (whole, 0.5),
        None => (w, 0.0),
    };
    if !whole.is_empty() && whole.len() <= 15 && whole.bytes().all(|b| b.is_ascii_digit()) {
        let n = whole.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(n as f64 + half);
    }
    w.parse().ok()
}

/// Links of the new articles to the stored articles they could be related
/// to: those sharing a locality-sensitive hash band of their shingles (copies,
/// at any date) and the [`MAX_CANDIDATES`] within the story window sharing
/// most of their [`CANDIDATE_TERMS`] rarest headline and lead terms. Every
/// set is read in one query (a list of ids or terms), not per article,
/// so that linking costs little even over a network. The links written.
fn link_new(conn: &mut Conn, new: &[i64], df: &mut Df, kept: &mut Kept) -> Result<usize, StoreError> {
    if new.is_empty() {
        return Ok(0);
    }
    let phases = crate::trace::Phases::new("link chunk");
    df.trim();
    if kept.feats.len() > FEATURES_KEPT {
        kept.feats.clear();
        kept.terms.clear();
    }
    let (feats, names) = (&mut kept.feats, &mut kept.terms);
    let missing: Vec<i64> = new.iter().copied().filter(|id| !feats.contains_key(id)).collect();
    feats.extend(features_as(conn, &missing, df, |f| names.features(f))?);
    phases.mark("new features");
    let mut candidates: HashMap<i64, Vec<i64>> = HashMap::new();
    // Copies: the articles sharing a band with a new article. The bands
    // that more than one article has, with one of this chunk's articles or
    // a later one, are found in one pass over `lsh` in key order (most
    // bands are one article's alone); their members are then read by key.
    // A chunk small beside the store looks its own bands up by key instead
    // (the same members of the same bands).
    let first = new.iter().copied().min().unwrap_or(0);
    let mut bands: Vec<(i64, i64)> = Vec::new();
    if few_beside(new.len(), df.articles) {
        let mut keys: Vec<i64> = new.iter().filter_map(|id| feats.get(id)).flat_map(|f| f.shingles.bands(dossier_corpus::BAND_ROWS)).collect();
        keys.sort_unstable();
        keys.dedup();
        let sql = format!("SELECT band_key, article FROM lsh WHERE {} ORDER BY band_key, article", conn.in_list("band_key"));
        conn.query_each(&sql, &[Value::List(keys.into_iter().map(Value::Int).collect())], |r| bands.push((r.int(0), r.int(1))))?;
    } else {
        conn.query_each(
            "SELECT band_key, article FROM lsh WHERE band_key IN (SELECT band_key FROM lsh GROUP BY band_key HAVING COUNT(*) > 1 AND MAX(article) >= ?) ORDER BY band_key, article",
            &[Value::Int(first)],
            |r| bands.push((r.int(0), r.int(1))),
        )?;
    }
    let chunk: std::collections::HashSet<i64> = new.iter().copied().collect();
    for band in bands.chunk_by(|a, b| a.0 == b.0) {
        for &(_, id) in band.iter().filter(|(_, id)| chunk.contains(id)) {
            candidates.entry(id).or_default().extend(band.iter().map(|b| b.1).filter(|&other| other != id));
        }
    }
    phases.mark("lsh");

    // The rarest terms of each new article, and every article having one.
    let mut rare: HashMap<i64, Vec<String>> = HashMap::new();
    for &id in new {
        let Some(me) = feats.get(&id) else { continue };
        let mut terms: Vec<&(u32, f64)> = me.terms.iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| names.name(a.0).cmp(names.name(b.0))));
        rare.insert(id, terms.into_iter().take(CANDIDATE_TERMS).map(|t| names.name(t.0).to_string()).collect());
    }
    if kept.postings_len > POSTINGS_KEPT {
        kept.postings.clear();
        kept.postings_len = 0;
    }
    // A term only one stored article has is the new article's own: its one
    // posting would be that article, which is no candidate of itself, so
    // it is not looked up (an article's rarest terms are mostly such).
    let mut wanted: Vec<&str> = rare.values().flatten().map(String::as_str).filter(|t| df.get(t) != 1 && !kept.postings.contains_key(*t)).collect();
    wanted.sort_unstable();
    wanted.dedup();
    if !wanted.is_empty() {
        let sql = format!("SELECT t.term, t.article, a.day FROM terms t JOIN articles a ON a.id = t.article WHERE {}", conn.in_list("t.term"));
        let (postings, len) = (&mut kept.postings, &mut kept.postings_len);
        conn.query_each(&sql, &[Value::List(wanted.iter().map(|t| (*t).into()).collect())], |r| {
            let posting = (r.int(1), r.opt_text(2).and_then(|d| crate::days_from_civil(&d)));
            let term = r.text(0);
            match postings.get_mut(term.as_ref()) {
                Some(list) => list.push(posting),
                None => {
                    postings.insert(term.into_owned(), vec![posting]);
                }
            }
            *len += 1;
        })?;
        for t in wanted {
            kept.postings.entry(t.to_string()).or_default();
        }
    }
    let postings = &kept.postings;
    phases.mark("postings");
    for &id in new {
        let Some(me) = feats.get(&id) else { continue };
        let w = dossier_corpus::groups::STORY_WINDOW_DAYS;
        let mut shared: HashMap<i64, usize> = HashMap::new();
        for t in rare.get(&id).into_iter().flatten() {
            for (other, day) in postings.get(t).into_iter().flatten() {
                let inside = match (me.day, day) {
                    (Some(mine), Some(d)) => (d - mine).abs() <= w,
                    _ => true,
                };
                if *other != id && inside {
                    *shared.entry(*other).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.entry(id).or_default().extend(ranked.into_iter().take(MAX_CANDIDATES).map(|r| r.0));
    }

    // Features of the candidates not among the new articles.
    let mut others: Vec<i64> = candidates.values().flatten().copied().filter(|c| !feats.contains_key(c)).collect();
    others.sort_unstable();
    others.dedup();
    phases.mark("candidates");
    feats.extend(features_as(conn, &others, df, |f| names.features(f))?);
    phases.mark("other features");

    let mut links: std::collections::BTreeMap<(i64, i64), dossier_corpus::StoryLink> = std::collections::BTreeMap::new();
    for &id in new {
        let Some(me) = feats.get(&id) else { continue };
        let mut cs = candidates.remove(&id).unwrap_or_default();
        cs.sort_unstable();
        cs.dedup();
        for c in cs {
            let key = (id.min(c), id.max(c));
            if links.contains_key(&key) {
                continue;
            }
            let Some(other) = feats.get(&c) else { continue };
            if let Some(link) = story_link_by(me, other, |&t| names.name(t)) {
                links.insert(key, link);
            }
        }
    }
    phases.mark(format_args!("{} links", links.len()));
    let rows: Vec<Vec<Value>> = links
        .into_iter()
        .map(|((a, b), l)| vec![a.into(), b.into(), l.kind.as_str().into(), l.score.into(), l.reason.into()])
        .collect();
    // The new articles are marked linked by `regroup`, in the one update
    // of their row that gives them their groups.
    crate::record::insert_rows_with(conn, "links", &["a", "b", "kind", "score", "reason"], rows, " ON CONFLICT (a, b, kind) DO NOTHING")
}

/// Recompute duplicate groups and stories from all links, and mark the
/// articles `linked` (those this run linked) as linked: a new article's row
/// is written once, with its groups and the mark together (in PostgreSQL
/// each update of an indexed column writes a new row version and an entry in
/// every index of `articles`).
fn regroup(conn: &mut Conn, linked: &[i64]) -> Result<usize, StoreError> {
    let linked: std::collections::HashSet<i64> = linked.iter().copied().collect();
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
    let mut current: HashMap<i64, (Option<i64>, Option<i64>, bool)> = HashMap::new();
    // A group of copies is named by its first published member (the
    // original, as far as the store can tell), not by the first stored.
    let mut published: HashMap<i64, String> = HashMap::new();
    for r in conn.query("SELECT id, dup_group, story, linked, published FROM articles", &[])? {
        current.insert(r.int(0), (r.opt_int(1), r.opt_int(2), r.int(3) != 0));
        published.insert(r.int(0), r.opt_text(4).unwrap_or_else(|| "9999".into()));
    }
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
    let mut changed: Vec<(i64, i64, i64, bool)> = Vec::new();
    for (id, story) in stories.assignments() {
        n_stories.insert(story);
        let dup = dups.get(&id).copied().unwrap_or(id);
        let was = current.get(&id).copied().unwrap_or((None, None, false));
        let mark = was.2 || linked.contains(&id);
        if was != (Some(dup), Some(story), mark) {
            changed.push((id, dup, story, mark));
        }
    }
    write_groups(conn, changed)?;
    Ok(n_stories.len())
}

/// Write articles' new groups and marks: `(id, dup_group, story, linked)`.
fn write_groups(conn: &mut Conn, changed: Vec<(i64, i64, i64, bool)>) -> Result<(), StoreError> {
    if conn.engine() == crate::db::Engine::Postgres {
        // One statement over arrays, not a round trip per article.
        let list = |f: fn(&(i64, i64, i64, bool)) -> i64| Value::List(changed.iter().map(|c| Value::Int(f(c))).collect());
        if !changed.is_empty() {
            conn.exec(
                "UPDATE articles SET dup_group = v.dup, story = v.story, linked = v.linked \
                 FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS v(id, dup, story, linked) WHERE articles.id = v.id",
                &[list(|c| c.0), list(|c| c.1), list(|c| c.2), list(|c| c.3 as i64)],
            )?;
        }
    } else {
        for (id, dup, story, mark) in changed {
            conn.exec("UPDATE articles SET dup_group = ?, story = ?, linked = ? WHERE id = ?", &[dup.into(), story.into(), mark.into(), id.into()])?;
        }
    }
    Ok(())
}

/// Recompute the groups from the links as they stand and resolve the
/// citations again (after links were changed outside a linking run, by a
/// migration); the articles' `linked` marks are kept.
pub(crate) fn regroup_all(conn: &mut Conn) -> Result<(), StoreError> {
    regroup(conn, &[])?;
    crate::cite::cite_outlets(conn)?;
    cite(conn, None)
}

/// Point each citation of an outlet at the stored article of that outlet in
/// the same story, the earliest one, when there is one: every citation, or
/// (`scope`) those of the given articles.
fn cite(conn: &mut Conn, scope: Option<&[i64]>) -> Result<(), StoreError> {
    const SET: &str = "UPDATE citations SET cited = (SELECT a2.id FROM articles a2 JOIN articles a1 ON a1.id = citations.article \
         WHERE a2.outlet_key = citations.outlet_key AND a2.story = a1.story AND a2.id <> a1.id \
         ORDER BY a2.published, a2.id LIMIT 1)";
    match scope {
        None => conn.exec(SET, &[])?,
        Some([]) => 0,
        Some(ids) => {
            let sql = format!("{SET} WHERE {}", conn.in_list("article"));
            conn.exec(&sql, &[Value::List(ids.iter().map(|&i| Value::Int(i)).collect())])?
        }
    };
    Ok(())
}

/// What [`regroup_new`] found: the number of stories and the articles of
/// every story a new article joined (whose citations may point elsewhere now).
struct Regrouped {
    stories: usize,
    touched: Vec<i64>,
}

/// The groups after linking the articles `new` into a store whose other
/// articles are grouped already, reading only what the new links touch.
/// Links are only ever added, so each new group is a union of old groups and
/// new articles: a story is named by its smallest member, so the union's
/// name is the smallest of its parts' names; a group of copies by its first
/// published member, so the union's is the first published of its parts'
/// names. The same groups as [`regroup`] (a test holds the two together);
/// `None` when an old article at the end of a new link has no group yet
/// (a store whose groups were never computed: the caller regroups all).
fn regroup_new(conn: &mut Conn, new: &[i64]) -> Result<Option<Regrouped>, StoreError> {
    let fresh: std::collections::HashSet<i64> = new.iter().copied().collect();
    let ids = |v: &mut dyn Iterator<Item = i64>| Value::List(v.map(Value::Int).collect());
    // The links of the new articles (both ends new: read twice, kept once).
    let mut links: std::collections::BTreeSet<(i64, i64, bool)> = std::collections::BTreeSet::new();
    for end in ["a", "b"] {
        let sql = format!("SELECT a, b, kind FROM links WHERE {}", conn.in_list(end));
        conn.query_each(&sql, &[ids(&mut new.iter().copied())], |r| {
            links.insert((r.int(0), r.int(1), r.text(2) == LinkKind::Duplicate.as_str()));
        })?;
    }
    // The groups of the old articles at their other ends.
    let old_ends: std::collections::BTreeSet<i64> = links.iter().flat_map(|l| [l.0, l.1]).filter(|x| !fresh.contains(x)).collect();
    let mut group: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut ungrouped = false;
    if !old_ends.is_empty() {
        let sql = format!("SELECT id, dup_group, story FROM articles WHERE {}", conn.in_list("id"));
        conn.query_each(&sql, &[ids(&mut old_ends.iter().copied())], |r| match (r.opt_int(1), r.opt_int(2)) {
            (Some(d), Some(s)) => {
                group.insert(r.int(0), (d, s));
            }
            _ => ungrouped = true,
        })?;
    }
    if ungrouped || group.len() != old_ends.len() {
        return Ok(None);
    }
    // Unions of the groups' names (an old article stands for its groups, a
    // new one for itself).
    let name = |x: i64| group.get(&x).copied().unwrap_or((x, x));
    let mut dups = Components::new();
    let mut stories = Components::new();
    for &id in new {
        dups.add(id);
        stories.add(id);
    }
    for &(a, b, duplicate) in &links {
        let (na, nb) = (name(a), name(b));
        if duplicate {
            dups.union(na.0, nb.0);
        } else {
            dups.add(na.0);
            dups.add(nb.0);
        }
        stories.union(na.1, nb.1);
    }
    // Every article of a story touched: the old stories' members, read by
    // the story index, and the new articles.
    let old_stories: std::collections::BTreeSet<i64> = group.values().map(|g| g.1).collect();
    let mut current: Vec<(i64, Option<i64>, Option<i64>, bool, String)> = Vec::new();
    let sql = format!("SELECT id, dup_group, story, linked, published FROM articles WHERE {} OR {}", conn.in_list("story"), conn.in_list("id"));
    conn.query_each(&sql, &[ids(&mut old_stories.iter().copied()), ids(&mut new.iter().copied())], |r| {
        current.push((r.int(0), r.opt_int(1), r.opt_int(2), r.int(3) != 0, r.opt_text(4).map_or_else(|| "9999".into(), |t| t.into_owned())))
    })?;
    // A union of copies is named by its first published part's name (each
    // part's name is its own first published member, so among the store's
    // articles as among the names).
    let published: HashMap<i64, &str> = current.iter().map(|c| (c.0, c.4.as_str())).collect();
    for c in current.iter().filter(|c| !fresh.contains(&c.0)) {
        dups.add(c.1.unwrap_or(c.0));
    }
    let mut first: HashMap<i64, i64> = HashMap::new();
    for (part, root) in dups.assignments() {
        let Some(&p) = published.get(&part) else { return Ok(None) };
        let f = first.entry(root).or_insert(part);
        if (p, part) < (published[&*f], *f) {
            *f = part;
        }
    }
    let mut changed: Vec<(i64, i64, i64, bool)> = Vec::new();
    for &(id, dup, story, linked, _) in &current {
        let (old_dup, old_story) = if fresh.contains(&id) { (id, id) } else { (dup.unwrap_or(id), story.unwrap_or(id)) };
        let now = (first[&dups.find(old_dup)], stories.find(old_story), linked || fresh.contains(&id));
        if (dup, story, linked) != (Some(now.0), Some(now.1), now.2) {
            changed.push((id, now.0, now.1, now.2));
        }
    }
    write_groups(conn, changed)?;
    let stories = conn.query("SELECT COUNT(DISTINCT story) FROM articles", &[])?.first().map_or(0, |r| r.int(0) as usize);
    Ok(Some(Regrouped { stories, touched: current.iter().map(|c| c.0).collect() }))
}

impl Store {
    /// Group what is stored: resolve names to corpus entities, link every
    /// article not yet linked to the stored articles it copies or shares a
    /// story with, recompute the groups, and resolve citations. One process
    /// at a time links (a lock); running it again with nothing new changes
    /// nothing.
    pub fn link(&mut self) -> Result<LinkReport, StoreError> {
        self.link_as(None)
    }

    /// [`Store::link`], regrouping only what the new links touch when
    /// `few` (by default: when the new articles are under a quarter of the
    /// store).
    fn link_as(&mut self, few: Option<bool>) -> Result<LinkReport, StoreError> {
        self.transaction(|conn| {
            conn.lock(LINK_LOCK)?;
            let phases = crate::trace::Phases::new("link");
            if conn.engine() == crate::db::Engine::Postgres {
                // Fresh statistics after a bulk load, so the planner uses the
                // indexes for the lookups below (autovacuum may not have run).
                conn.batch("ANALYZE articles, terms, lsh, entity_rows, aliases")?;
                phases.mark("analyze");
            }
            let new: Vec<i64> = conn.query("SELECT id FROM articles WHERE linked = 0 ORDER BY id", &[])?.iter().map(|r| r.int(0)).collect();
            let mut df = Df::new(conn)?;
            // A few new articles into a large store: only the names, groups
            // and citations they touch are read and written.
            let few = few.unwrap_or(few_beside(new.len(), df.articles));
            let entities = crate::entities::resolve(conn, few.then_some(&new[..]))?;
            phases.mark("entities");
            backfill_terms(conn)?;
            if new.len() == df.articles && new.len() <= LINK_CHUNK {
                // A new store linked at once: the new articles' term lists,
                // read anyway, give every document frequency.
                df.from_lists = true;
            } else if new.len() * 4 >= df.articles && new.len() <= LINK_CHUNK {
                df.count_all(conn)?;
            }
            let mut links = 0;
            let mut kept = Kept::default();
            for chunk in new.chunks(LINK_CHUNK) {
                links += link_new(conn, chunk, &mut df, &mut kept)?;
            }
            phases.mark("pairs");
            let regrouped = if few { regroup_new(conn, &new)? } else { None };
            let stories = match &regrouped {
                Some(r) => r.stories,
                None => regroup(conn, &new)?,
            };
            phases.mark("groups");
            let mut cited = crate::cite::cite_outlets(conn)?;
            match regrouped {
                Some(r) => {
                    cited.extend(r.touched);
                    cited.sort_unstable();
                    cited.dedup();
                    cite(conn, Some(&cited))?
                }
                None => cite(conn, None)?,
            }
            phases.mark("citations");
            Ok(LinkReport { articles: new.len(), links, entities, stories })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::MIGRATIONS;

    #[test]
    fn weights_are_written_as_display_writes_them() {
        let mut ws: Vec<f64> = (0..2000).map(|k| k as f64 / 2.0).collect();
        ws.extend([0.1, 1.25, 1e15, 4.5e14, 1e20, -0.0, -1.5, f64::MIN_POSITIVE, 2.0f64.powi(52) + 1.0, f64::INFINITY, f64::NAN]);
        for w in ws {
            let mut s = String::new();
            push_weight(&mut s, w);
            assert_eq!(s, w.to_string());
        }
    }

    /// Regrouping only what a run's new links touch gives the groups and
    /// citations a full regrouping gives: copies join their original's
    /// group, a second report its story, in stores linked in several runs.
    #[test]
    fn regrouping_the_new_articles_is_regrouping_all() {
        let corpus = crate::resign::tests::corpus();
        let snapshot = |store: &mut Store| -> Vec<String> {
            let conn = &mut store.conn;
            let mut rows: Vec<String> = conn.query("SELECT id, dup_group, story, linked FROM articles ORDER BY id", &[]).unwrap().iter().map(|r| format!("{:?}", r.0)).collect();
            rows.extend(conn.query("SELECT article, n, outlet_key, cited FROM citations ORDER BY article, n", &[]).unwrap().iter().map(|r| format!("{:?}", r.0)));
            rows
        };
        // Runs of the corpus in several orders: the levy story's copy (2)
        // after its original (1) or before it, the second clinic report (4)
        // in a later run than the first (3).
        for runs in [vec![vec![2, 4], vec![0, 1], vec![3]], vec![vec![0, 2], vec![4, 1, 3]], vec![vec![1], vec![3], vec![0], vec![2, 4]]] {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(dir.path().join("s.db").to_str().unwrap()).unwrap();
            for (k, run) in runs.iter().enumerate() {
                let records: Vec<crate::record::Record> = run.iter().map(|&i| corpus[i].clone()).collect();
                store.insert(&records).unwrap();
                store.link_as(Some(k > 0)).unwrap();
            }
            let incremental = snapshot(&mut store);
            regroup_all(&mut store.conn).unwrap();
            assert_eq!(snapshot(&mut store), incremental, "{runs:?}");
            // The copy is in its original's group, the clinic reports in one story.
            let groups: HashMap<String, (i64, i64)> =
                store.conn.query("SELECT doc_id, dup_group, story FROM articles", &[]).unwrap().iter().map(|r| (r.text(0), (r.int(1), r.int(2)))).collect();
            assert_eq!(groups["d1"].0, groups["d2"].0, "{runs:?} {groups:?}");
            assert_eq!(groups["d3"].1, groups["d4"].1, "{runs:?} {groups:?}");
            assert_ne!(groups["d1"].1, groups["d3"].1, "{runs:?} {groups:?}");
        }
    }

    /// When every stored article is linked at once, the document
    /// frequencies counted from their term lists are those the store counts.
    #[test]
    fn a_new_stores_frequencies_are_counted_from_its_lists() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("s.db").to_str().unwrap()).unwrap();
        store.insert(&crate::resign::tests::corpus()).unwrap();
        let conn = &mut store.conn;
        let ids: Vec<i64> = conn.query("SELECT id FROM articles ORDER BY id", &[]).unwrap().iter().map(|r| r.int(0)).collect();
        let mut counted = Df::new(conn).unwrap();
        counted.count_all(conn).unwrap();
        let mut listed = Df::new(conn).unwrap();
        listed.from_lists = true;
        let a = features(conn, &ids, &mut counted).unwrap();
        let b = features(conn, &ids, &mut listed).unwrap();
        assert_eq!((ids.len(), listed.from_lists), (5, false));
        assert!(counted.counts.values().any(|&n| n > 1));
        assert_eq!(listed.counts, counted.counts);
        assert_eq!(a, b);
    }

    /// The terms' hasher tells apart terms that differ in one byte, in
    /// length only, or around its eight-byte steps.
    #[test]
    fn term_hashes_differ_for_different_terms() {
        use std::hash::BuildHasher;
        let build = std::hash::BuildHasherDefault::<TermHasher>::default();
        let mut terms: Vec<String> = vec![String::new(), "a".into(), "a\0".into(), "\0a".into(), "harbor bridge".into(), "harbor bridgf".into(), "harbor bridge ".into()];
        terms.extend((0..2000).map(|i| format!("term{i}")));
        terms.extend((1..20).map(|n| "x".repeat(n)));
        let hashes: std::collections::HashSet<u64> = terms.iter().map(|t| build.hash_one(t.as_str())).collect();
        assert_eq!(hashes.len(), terms.len());
        assert_eq!(build.hash_one("levy"), build.hash_one(String::from("levy").as_str()));
    }

    #[test]
    fn weights_are_read_as_parse_reads_them() {
        for w in ["0", "4", "4.5", "0.5", "12", "999999999999999", "999999999999999.5", "1e3", "0.25", "-1.5", ".5", "5.", "inf", "NaN", "1.50", "x", ""] {
            assert_eq!(parse_weight(w).map(f64::to_bits), w.parse::<f64>().ok().map(f64::to_bits), "{w}");
        }
    }

    #[test]
    fn terms_round_trip() {
        let terms = vec![("harbor bridge".to_string(), 4.5), ("levy".to_string(), 1.0), ("vote".to_string(), 2.5)];
        assert_eq!(decode_terms(&encode_terms(&terms)), terms);
        assert_eq!(decode_terms("bad line\nlevy\tx\nvote\t2\n"), vec![("vote".to_string(), 2.0)]);
    }

    /// A store of schema 3 (an FTS5 `search` table holding its own copy of
    /// every text) is migrated to the external-content index: the same
    /// search answers (order, scores, snippets) and no article text kept
    /// twice.
    #[test]
    fn stores_of_schema_3_keep_their_search_answers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let query = "SELECT article, kind, ref, title, snippet(search, 1, '[', ']', '…', 16), -bm25(search, 4.0, 1.0) FROM search WHERE search MATCH ?1 ORDER BY bm25(search, 4.0, 1.0) LIMIT 50";
        let answers = |c: &rusqlite::Connection, q: &str| -> Vec<(i64, String, String, String, String, f64)> {
            let mut st = c.prepare(query).unwrap();
            st.query_map([q], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))).unwrap().map(Result::unwrap).collect()
        };
        let queries = ["\"bridge\"", "\"toll\" \"vote\"", "\"mayor\"", "\"council\""];
        let before: Vec<_>;
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)").unwrap();
            for m in &MIGRATIONS[..3] {
                c.execute_batch(&crate::schema::render(m.common, crate::db::Engine::Sqlite)).unwrap();
                c.execute_batch(m.sqlite).unwrap();
                c.execute("INSERT INTO schema_migrations VALUES (?1, ?2, 'then')", rusqlite::params![m.version, m.name]).unwrap();
            }
            let texts = [
                ("Harbor Bridge toll vote delayed", "The council delayed its vote on the Harbor Bridge toll. The mayor said the bridge needs repairs."),
                ("Mayor defends bridge toll", "The mayor defended the toll on Tuesday, saying the council would vote on it soon."),
                ("Council names new clerk", "The council named a clerk; the mayor was not at the meeting."),
            ];
            for (i, (title, text)) in texts.iter().enumerate() {
                let id = i as i64 + 1;
                let f = dossier_corpus::Fingerprint::new(text, text);
                c.execute(
                    "INSERT INTO articles (id, hash, origin, doc_id, title, authors, day, text, analysis, shingles, ingested) VALUES (?1, ?2, 'test', ?3, ?4, '', '2025-03-04', ?5, '{}', ?6, 'then')",
                    rusqlite::params![id, f.hash, format!("d{i}"), title, text, f.shingles.to_bytes()],
                )
                .unwrap();
                // As schema 3 wrote them: entities, quotes, then the article's own row.
                let rows: [(&str, &str, &str, &str); 3] =
                    [("Mayor Ann Cole", "person mayor", "entity", "e1"), ("the mayor Mayor Ann Cole", "the bridge needs repairs and the council must vote", "quote", "0"), (title, text, "article", "")];
                for (t, b, kind, r) in rows {
                    c.execute("INSERT INTO search (title, body, article, kind, ref) VALUES (?1, ?2, ?3, ?4, ?5)", rusqlite::params![t, b, id, kind, r]).unwrap();
                }
            }
            before = queries.iter().map(|q| answers(&c, q)).collect();
        }
        assert!(before.iter().all(|a| !a.is_empty()));
        let mut store = Store::open(path.to_str().unwrap()).unwrap();
        assert_eq!(store.schema_version().unwrap(), crate::schema::latest());
        let hits = store.search("bridge", 50).unwrap();
        assert_eq!(hits.len(), before[0].len());
        for (h, b) in hits.iter().zip(&before[0]) {
            assert_eq!((h.article.id, &h.kind, &h.reference, &h.title, h.score), (b.0, &b.1, &b.2, &b.3, b.5));
        }
        drop(store);
        let c = rusqlite::Connection::open(&path).unwrap();
        let after: Vec<_> = queries.iter().map(|q| answers(&c, q)).collect();
        assert_eq!(after, before);
        let (rows, bodies): (i64, i64) = c.query_row("SELECT COUNT(*), COUNT(body) FROM search_rows", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!((rows, bodies), (9, 6), "an article's own row keeps no copy of its text");
        let fts_copy: i64 = c.query_row("SELECT COUNT(*) FROM sqlite_master WHERE name = 'search_content'", [], |r| r.get(0)).unwrap();
        assert_eq!(fts_copy, 0);
        let problems = Store::open(path.to_str().unwrap()).unwrap().check().unwrap();
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// A store of schema 4 (each article entity's corpus entity written into
    /// its row) is migrated to the view over `entity_rows` and `aliases`:
    /// the same rows, each with the same corpus entity, and a later linking
    /// run points new article entities at theirs.
    #[test]
    fn stores_of_schema_4_keep_their_entities() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let rows = |c: &rusqlite::Connection| -> Vec<(i64, String, String, String, Option<i64>)> {
            let mut st = c.prepare("SELECT article, local, kind, name, corpus FROM entities ORDER BY article, local").unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))).unwrap().map(Result::unwrap).collect()
        };
        let before;
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)").unwrap();
            for m in &MIGRATIONS[..4] {
                c.execute_batch(&crate::schema::render(m.common, crate::db::Engine::Sqlite)).unwrap();
                c.execute_batch(m.sqlite).unwrap();
                c.execute("INSERT INTO schema_migrations VALUES (?1, ?2, 'then')", rusqlite::params![m.version, m.name]).unwrap();
            }
            c.execute_batch(
                "INSERT INTO corpus_entities (id, kind, key, name) VALUES (7, 'person', 'obama', 'Barack Obama'), (9, 'organization', 'white house', 'White House');
                 INSERT INTO aliases (kind, name, corpus, reason) VALUES ('person', 'Barack Obama', 7, 'full name'), ('person', 'Obama', 7, 'surname of Barack Obama'), ('organization', 'White House', 9, 'name');
                 INSERT INTO entities (article, local, kind, name, roles, media, mentions, first_start, corpus) VALUES
                   (1, 'e1', 'person', 'Barack Obama', 'president', 0, 3, 0, 7), (1, 'e2', 'organization', 'White House', '', 0, 1, 40, 9),
                   (2, 'e1', 'person', 'Obama', '', 0, 2, 5, 7), (2, 'e3', 'person', 'Josh Earnest', 'press secretary', 0, 1, 80, NULL);",
            )
            .unwrap();
            before = rows(&c);
        }
        let mut store = Store::open(path.to_str().unwrap()).unwrap();
        assert_eq!(store.schema_version().unwrap(), crate::schema::latest());
        assert_eq!(store.entity_links(1).unwrap(), HashMap::from([("e1".to_string(), 7), ("e2".to_string(), 9)]));
        drop(store);
        let c = rusqlite::Connection::open(&path).unwrap();
        assert_eq!(rows(&c), before);
        let columns: Vec<String> = c.prepare("SELECT name FROM pragma_table_info('entity_rows')").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        assert!(!columns.iter().any(|c| c == "corpus"), "{columns:?}");
        // Once linked, the unresolved name has its corpus entity too.
        c.execute_batch("INSERT INTO aliases (kind, name, corpus, reason) VALUES ('person', 'Josh Earnest', 11, 'name')").unwrap();
        assert_eq!(rows(&c)[3].4, Some(11));
    }

    /// A store written before story terms moved into `articles` (schema 2,
    /// terms as rows) is migrated, its terms computed again, and its
    /// articles linked.
    #[test]
    fn stores_of_schema_2_are_migrated_and_linked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)").unwrap();
            for m in &MIGRATIONS[..2] {
                c.execute_batch(&crate::schema::render(m.common, crate::db::Engine::Sqlite)).unwrap();
                c.execute_batch(m.sqlite).unwrap();
                c.execute("INSERT INTO schema_migrations VALUES (?1, ?2, 'then')", rusqlite::params![m.version, m.name]).unwrap();
            }
            let texts = [
                ("Harbor Bridge toll vote delayed by council", "The Lakeshore council delayed its vote on the Harbor Bridge toll after a heated hearing on Tuesday."),
                ("Council delays Harbor Bridge toll vote", "A vote on tolls for the Harbor Bridge was put off by the Lakeshore council on Tuesday after hours of testimony."),
                ("School board names new superintendent", "The school board picked a former principal to lead the district's forty schools."),
                ("Storm knocks out power across the valley", "Thousands of homes lost power when high winds brought down lines overnight."),
                ("Museum reopens after renovation", "The city museum reopened its doors with a new wing for maritime history."),
            ];
            for (i, (title, text)) in texts.iter().enumerate() {
                let f = dossier_corpus::Fingerprint::new(text, text);
                c.execute(
                    "INSERT INTO articles (hash, origin, doc_id, title, authors, day, text, analysis, shingles, vocabulary, ingested) VALUES (?1, 'test', ?2, ?3, '', '2025-03-04', ?4, '{}', ?5, ?6, 'then')",
                    rusqlite::params![f.hash, format!("d{i}"), title, text, f.shingles.to_bytes(), f.shingles.to_bytes()],
                )
                .unwrap();
            }
        }
        let mut store = Store::open(path.to_str().unwrap()).unwrap();
        assert_eq!(store.schema_version().unwrap(), crate::schema::latest());
        let report = store.link().unwrap();
        assert_eq!((report.articles, report.links, report.stories), (5, 1, 4));
        let c = rusqlite::Connection::open(&path).unwrap();
        let without: i64 = c.query_row("SELECT COUNT(*) FROM articles WHERE terms IS NULL", [], |r| r.get(0)).unwrap();
        let postings: i64 = c.query_row("SELECT COUNT(*) FROM terms WHERE term = 'harbor bridge'", [], |r| r.get(0)).unwrap();
        assert_eq!((without, postings), (0, 2));
    }
}
