//! The schema, as numbered migrations applied in order, once, under a lock.
//!
//! Each migration is written once with a few placeholders that differ between
//! the engines (the types `{id}`, `{int}`, `{real}`, `{blob}`, and
//! `{without_rowid}` for tables that are only an index); full-text search
//! is the one part written per engine (FTS5 in SQLite, a `tsvector` column
//! with a GIN index in PostgreSQL). Since schema 4 SQLite's FTS5 table
//! `search` keeps no copy of what it indexes: it reads its columns from the
//! view `search_source`, which takes an article's text from `articles` and a
//! quote's or entity's from `search_rows`.
//!
//! A migration may also run Rust code (a [`Hook`]) after its SQL, inside the
//! same transaction, for what SQL cannot compute: schema 9 computes every
//! article's shingle signature again from its text (module `resign`).
//!
//! Since schema 10 SQLite's tables of rows per article (`entity_rows`,
//! `attributions`, `about`, `times`, `citations`) and `lsh` and `aliases`
//! are clustered on their primary key (`WITHOUT ROWID`): one B-tree written
//! per row instead of a rowid table beside its key's index. A migration that
//! rebuilds a table copies its rows through a temporary table rather than
//! renaming a new one into place (SQLite checks the whole schema again on
//! every rename).

use crate::db::{Conn, Engine, Value};
use crate::StoreError;

/// Rust code a migration runs after its SQL, inside the migration's
/// transaction and under its lock, on either engine (it is given the
/// migration's connection, the same interface as the rest of the store).
/// Its error rolls the whole migration back, SQL included, so a store is
/// never left half-migrated. For values the store computes itself and SQL
/// cannot, such as fingerprints whose definition changed.
#[derive(Clone, Copy)]
pub struct Hook(pub(crate) fn(&mut Conn) -> Result<(), StoreError>);

/// A schema change: its version, a name, its SQL for both engines, and
/// optionally Rust code run after the SQL.
pub struct Migration {
    /// Applied in increasing order; recorded in `schema_migrations`.
    pub version: i64,
    /// What it does.
    pub name: &'static str,
    /// SQL with placeholders, for both engines.
    pub common: &'static str,
    /// SQL for SQLite only.
    pub sqlite: &'static str,
    /// SQL for PostgreSQL only.
    pub postgres: &'static str,
    /// Rust code run after the SQL, in the same transaction; `None` for a
    /// migration that is SQL only. (Tests that build an older store by
    /// running the SQL of the first migrations build one without data,
    /// where a hook has nothing to do.)
    pub code: Option<Hook>,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "articles, entities, attributions, times, stories, search",
    common: r#"
CREATE TABLE articles (
    id {id},
    hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    url TEXT,
    title TEXT,
    outlet TEXT,
    outlet_key TEXT,
    authors TEXT NOT NULL,
    published TEXT,
    day TEXT,
    language TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    shingles {blob} NOT NULL,
    vocabulary {blob} NOT NULL,
    linked {int} NOT NULL DEFAULT 0,
    dup_group {int},
    story {int},
    ingested TEXT NOT NULL
);
CREATE INDEX articles_day ON articles (day);
CREATE INDEX articles_story ON articles (story);
CREATE INDEX articles_linked ON articles (linked);
CREATE INDEX articles_outlet ON articles (outlet_key);
CREATE TABLE lsh (
    band_key {int} NOT NULL,
    article {int} NOT NULL,
    PRIMARY KEY (band_key, article)
);
CREATE TABLE entities (
    article {int} NOT NULL,
    local TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    affiliation TEXT,
    media {int} NOT NULL,
    mentions {int} NOT NULL,
    first_start {int} NOT NULL,
    corpus {int},
    PRIMARY KEY (article, local)
);
CREATE INDEX entities_corpus ON entities (corpus);
CREATE INDEX entities_name ON entities (kind, name);
CREATE TABLE corpus_entities (
    id {id},
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (kind, key)
);
CREATE TABLE aliases (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    corpus {int} NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (kind, name)
);
CREATE INDEX aliases_corpus ON aliases (corpus);
CREATE TABLE attributions (
    article {int} NOT NULL,
    n {int} NOT NULL,
    kind TEXT NOT NULL,
    source TEXT,
    source_entity TEXT,
    source_type TEXT NOT NULL,
    cue TEXT,
    content TEXT,
    content_start {int},
    content_end {int},
    stance TEXT,
    said TEXT,
    PRIMARY KEY (article, n)
);
CREATE INDEX attributions_source ON attributions (article, source_entity);
CREATE INDEX attributions_kind ON attributions (kind);
CREATE TABLE about (
    article {int} NOT NULL,
    n {int} NOT NULL,
    local TEXT NOT NULL,
    PRIMARY KEY (article, n, local)
);
CREATE INDEX about_entity ON about (article, local);
CREATE TABLE times (
    article {int} NOT NULL,
    n {int} NOT NULL,
    text TEXT NOT NULL,
    start_offset {int} NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    modifier TEXT,
    anchor TEXT,
    PRIMARY KEY (article, n)
);
CREATE TABLE citations (
    article {int} NOT NULL,
    n {int} NOT NULL,
    outlet TEXT NOT NULL,
    outlet_key TEXT NOT NULL,
    cited {int},
    PRIMARY KEY (article, n)
);
CREATE TABLE links (
    a {int} NOT NULL,
    b {int} NOT NULL,
    kind TEXT NOT NULL,
    score {real} NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (a, b, kind)
);
CREATE INDEX links_b ON links (b);
"#,
    sqlite: r#"
CREATE VIRTUAL TABLE search USING fts5(title, body, article UNINDEXED, kind UNINDEXED, ref UNINDEXED, tokenize = 'porter unicode61');
"#,
    postgres: r#"
CREATE TABLE search (
    article BIGINT NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || body)) STORED
);
CREATE INDEX search_tsv ON search USING GIN (tsv);
CREATE INDEX search_article ON search (article);
"#,
    code: None,
},
Migration {
    version: 2,
    name: "story terms: each article's headline and lead terms, for TF-IDF story links",
    common: r#"
CREATE TABLE terms (
    article {int} NOT NULL,
    term TEXT NOT NULL,
    weight {real} NOT NULL,
    PRIMARY KEY (article, term)
);
CREATE INDEX terms_term ON terms (term);
"#,
    sqlite: "",
    postgres: "",
    code: None,
},
Migration {
    version: 3,
    name: "story terms as one list per article plus an index of (term, article): one index written per term, not three; the unused vocabulary signature dropped",
    common: r#"
DROP TABLE terms;
CREATE TABLE terms (
    term TEXT NOT NULL,
    article {int} NOT NULL,
    PRIMARY KEY (term, article)
){without_rowid};
ALTER TABLE articles ADD COLUMN terms TEXT;
ALTER TABLE articles DROP COLUMN vocabulary;
"#,
    sqlite: "",
    postgres: "",
    // The terms of the articles stored before (when it was not yet done
    // at linking, as it once was).
    code: Some(Hook(crate::link::backfill_all_terms)),
},
Migration {
    version: 4,
    name: "SQLite search as an external-content FTS5 index: an article's text is read from articles, not kept a second time",
    common: "",
    // The rows keep their ids (so ties in ranking fall as before); an
    // article's own row has no body of its own (NULL: the text is
    // `articles.text`); the index is rebuilt from the view, which gives the
    // FTS5 table the same columns as before.
    sqlite: r#"
CREATE TABLE search_rows (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT
);
INSERT INTO search_rows (id, article, kind, ref, title, body)
    SELECT rowid, article, kind, ref, title, CASE WHEN kind = 'article' THEN NULL ELSE body END FROM search ORDER BY rowid;
DROP TABLE search;
CREATE VIEW search_source AS
    SELECT s.id AS id, s.title AS title, COALESCE(s.body, a.text) AS body, s.article AS article, s.kind AS kind, s.ref AS ref
    FROM search_rows s LEFT JOIN articles a ON s.body IS NULL AND a.id = s.article;
CREATE VIRTUAL TABLE search USING fts5(title, body, article UNINDEXED, kind UNINDEXED, ref UNINDEXED, tokenize = 'porter unicode61', content = 'search_source', content_rowid = 'id');
INSERT INTO search (search) VALUES ('rebuild');
"#,
    postgres: "",
    code: None,
},
Migration {
    version: 5,
    name: "an article entity's corpus entity read through its alias (the view entities over entity_rows and aliases), not written into every entity row after resolving",
    // `entities.corpus` was always its alias's corpus once linked: the
    // view gives the same rows without rewriting them (and their indexes)
    // on each linking run.
    common: r#"
DROP INDEX entities_corpus;
ALTER TABLE entities RENAME TO entity_rows;
ALTER TABLE entity_rows DROP COLUMN corpus;
CREATE VIEW entities AS
    SELECT e.article AS article, e.local AS local, e.kind AS kind, e.name AS name, e.roles AS roles, e.affiliation AS affiliation,
           e.media AS media, e.mentions AS mentions, e.first_start AS first_start, a.corpus AS corpus
    FROM entity_rows e LEFT JOIN aliases a ON a.kind = e.kind AND a.name = e.name;
"#,
    sqlite: "",
    postgres: "",
    code: None,
},
Migration {
    version: 6,
    name: "PostgreSQL: article text, analysis and search bodies compressed with lz4 rather than pglz",
    // pglz spent about 0.3 s of server CPU on the 924 PolNeAR articles'
    // text and analysis JSON, lz4 about 0.1 s, for the same size on disk.
    // Only new values are compressed so; a server built without lz4 keeps
    // pglz (the block catches its "not supported").
    common: "",
    sqlite: "",
    postgres: r#"
DO $$
BEGIN
    ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN analysis SET COMPRESSION lz4;
    ALTER TABLE search ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 compression not supported by this server; pglz kept';
END
$$;
"#,
    code: None,
},
Migration {
    version: 7,
    name: "PostgreSQL: the search rows' tsvector computed by the store (module fulltext), no longer generated by the server",
    // The values already stored stay as the server computed them: for
    // ordinary words its lexemes are the store's.
    common: "",
    sqlite: "",
    postgres: "ALTER TABLE search ALTER COLUMN tsv DROP EXPRESSION;",
    code: None,
},
Migration {
    version: 8,
    name: "PostgreSQL: story terms compared bytewise (collation C) and an article's term list compressed with lz4",
    // `terms` is only looked up by equality and grouped (never sorted for
    // an answer), so its 130,000 keys for the 924 PolNeAR articles need no
    // locale-aware comparison (strcoll) in the primary key; the term list
    // is an article's third long column, which the server compressed with
    // pglz on every insert and uncompressed on every linking read.
    common: "",
    sqlite: "",
    postgres: r#"
ALTER TABLE terms ALTER COLUMN term TYPE TEXT COLLATE "C";
DO $$
BEGIN
    ALTER TABLE articles ALTER COLUMN terms SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 compression not supported by this server; pglz kept';
END
$$;
"#,
    code: None,
},
Migration {
    version: 9,
    name: "shingle signatures by one-permutation hashing: every article's signature and LSH bands computed again from its text, its copy links decided again",
    // Signatures of the older definition (128 hash functions) cannot be
    // compared with new ones: see module `resign`.
    common: "",
    sqlite: "",
    postgres: "",
    code: Some(Hook(crate::resign::resign)),
},
Migration {
    version: 10,
    name: "SQLite: the tables keyed by article (and lsh, aliases) clustered on their primary key, without a rowid beside it; about keyed by (article, local, n), which makes its second index needless",
    // A rowid table with a primary key of its own is two B-trees (the rows
    // by rowid, the key's index) and each row was written into both; the
    // rows are only ever looked up by that key or another index. Rebuilt
    // with the same rows (through a temporary copy, which costs a new store
    // less than renaming a new table into place); the view over entity_rows
    // is dropped first and made again at the end. PostgreSQL's tables are
    // heaps with a key index either way: nothing to change there, only the
    // version advances.
    common: "",
    sqlite: r#"
DROP VIEW entities;
CREATE TEMP TABLE old_lsh AS SELECT band_key, article FROM lsh;
DROP TABLE lsh;
CREATE TABLE lsh (
    band_key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band_key, article)
) WITHOUT ROWID;
INSERT INTO lsh (band_key, article) SELECT band_key, article FROM old_lsh;
DROP TABLE old_lsh;
CREATE TEMP TABLE old_entity_rows AS SELECT article, local, kind, name, roles, affiliation, media, mentions, first_start FROM entity_rows;
DROP TABLE entity_rows;
CREATE TABLE entity_rows (
    article INTEGER NOT NULL,
    local TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    affiliation TEXT,
    media INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    first_start INTEGER NOT NULL,
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
INSERT INTO entity_rows (article, local, kind, name, roles, affiliation, media, mentions, first_start) SELECT article, local, kind, name, roles, affiliation, media, mentions, first_start FROM old_entity_rows;
DROP TABLE old_entity_rows;
CREATE INDEX entities_name ON entity_rows (kind, name);
CREATE TEMP TABLE old_aliases AS SELECT kind, name, corpus, reason FROM aliases;
DROP TABLE aliases;
CREATE TABLE aliases (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    corpus INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
INSERT INTO aliases (kind, name, corpus, reason) SELECT kind, name, corpus, reason FROM old_aliases;
DROP TABLE old_aliases;
CREATE INDEX aliases_corpus ON aliases (corpus);
CREATE TEMP TABLE old_attributions AS SELECT article, n, kind, source, source_entity, source_type, cue, content, content_start, content_end, stance, said FROM attributions;
DROP TABLE attributions;
CREATE TABLE attributions (
    article INTEGER NOT NULL,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    source TEXT,
    source_entity TEXT,
    source_type TEXT NOT NULL,
    cue TEXT,
    content TEXT,
    content_start INTEGER,
    content_end INTEGER,
    stance TEXT,
    said TEXT,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
INSERT INTO attributions (article, n, kind, source, source_entity, source_type, cue, content, content_start, content_end, stance, said) SELECT article, n, kind, source, source_entity, source_type, cue, content, content_start, content_end, stance, said FROM old_attributions;
DROP TABLE old_attributions;
CREATE INDEX attributions_source ON attributions (article, source_entity);
CREATE INDEX attributions_kind ON attributions (kind);
CREATE TEMP TABLE old_about AS SELECT article, n, local FROM about;
DROP TABLE about;
CREATE TABLE about (
    article INTEGER NOT NULL,
    n INTEGER NOT NULL,
    local TEXT NOT NULL,
    PRIMARY KEY (article, local, n)
) WITHOUT ROWID;
INSERT INTO about (article, n, local) SELECT article, n, local FROM old_about;
DROP TABLE old_about;
CREATE TEMP TABLE old_times AS SELECT article, n, text, start_offset, kind, value, modifier, anchor FROM times;
DROP TABLE times;
CREATE TABLE times (
    article INTEGER NOT NULL,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    modifier TEXT,
    anchor TEXT,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
INSERT INTO times (article, n, text, start_offset, kind, value, modifier, anchor) SELECT article, n, text, start_offset, kind, value, modifier, anchor FROM old_times;
DROP TABLE old_times;
CREATE TEMP TABLE old_citations AS SELECT article, n, outlet, outlet_key, cited FROM citations;
DROP TABLE citations;
CREATE TABLE citations (
    article INTEGER NOT NULL,
    n INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    outlet_key TEXT NOT NULL,
    cited INTEGER,
    PRIMARY KEY (article, n)
) WITHOUT ROWID;
INSERT INTO citations (article, n, outlet, outlet_key, cited) SELECT article, n, outlet, outlet_key, cited FROM old_citations;
DROP TABLE old_citations;
CREATE VIEW entities AS
    SELECT e.article AS article, e.local AS local, e.kind AS kind, e.name AS name, e.roles AS roles, e.affiliation AS affiliation,
           e.media AS media, e.mentions AS mentions, e.first_start AS first_start, a.corpus AS corpus
    FROM entity_rows e LEFT JOIN aliases a ON a.kind = e.kind AND a.name = e.name;
"#,
    postgres: "",
    code: None,
},
Migration {
    version: 11,
    name: "aliases keep each name's probe (a person's surname, an organisation's initials, a one-word name's key, else its key; see dossier_corpus::name_probe), so that a linking run resolves only the names that share a probe with its new articles' names",
    // (PostgreSQL's statements may meet the column already there: schema
    // 10 is a no-op in PostgreSQL, so a store taken back to an older
    // version by hand, as the upgrade tests do, still has it.)
    common: "",
    sqlite: r#"
ALTER TABLE aliases ADD COLUMN probe TEXT;
CREATE INDEX aliases_probe ON aliases (probe);
"#,
    postgres: r#"
ALTER TABLE aliases ADD COLUMN IF NOT EXISTS probe TEXT;
CREATE INDEX IF NOT EXISTS aliases_probe ON aliases (probe);
"#,
    code: Some(Hook(crate::entities::probe_aliases)),
}];

/// The newest schema version this build knows.
pub fn latest() -> i64 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}

pub(crate) fn render(sql: &str, engine: Engine) -> String {
    let (id, int, real, blob, without_rowid) = match engine {
        Engine::Sqlite => ("INTEGER PRIMARY KEY", "INTEGER", "REAL", "BLOB", " WITHOUT ROWID"),
        Engine::Postgres => ("BIGSERIAL PRIMARY KEY", "BIGINT", "DOUBLE PRECISION", "BYTEA", ""),
    };
    sql.replace("{id}", id).replace("{int}", int).replace("{real}", real).replace("{blob}", blob).replace("{without_rowid}", without_rowid)
}

/// Lock key of the migration step (PostgreSQL advisory lock).
const MIGRATE_LOCK: i64 = 0x646f_7373_0001;

/// Bring the schema up to date. Safe when several processes start at once:
/// one applies the migrations, the others wait and find them applied. A store
/// newer than this build is refused.
pub(crate) fn migrate(conn: &mut Conn) -> Result<i64, StoreError> {
    conn.begin()?;
    let result = (|| {
        // Under the lock, inside the transaction (both engines' DDL is
        // transactional): two PostgreSQL processes racing on a bare CREATE
        // TABLE IF NOT EXISTS could both try to create it, and the loser
        // failed with "type … already exists".
        conn.lock(MIGRATE_LOCK)?;
        conn.batch("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)")?;
        let current = conn.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?.first().map(|r| r.int(0)).unwrap_or(0);
        if current > latest() {
            return Err(StoreError::Schema(format!("the store is at schema version {current}, newer than this dossier ({}); upgrade dossier", latest())));
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            let engine = conn.engine();
            conn.batch(&render(m.common, engine))?;
            conn.batch(match engine {
                Engine::Sqlite => m.sqlite,
                Engine::Postgres => m.postgres,
            })?;
            if let Some(Hook(code)) = m.code {
                code(conn)?;
            }
            conn.exec("INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)", &[Value::Int(m.version), m.name.into(), crate::now().into()])?;
        }
        Ok(latest())
    })();
    match result {
        Ok(v) => {
            conn.commit()?;
            Ok(v)
        }
        Err(e) => {
            conn.rollback();
            Err(e)
        }
    }
}
