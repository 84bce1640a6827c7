//! The dossier corpus store: analyses of many articles kept in one database
//! (an embedded SQLite file by default, or PostgreSQL for several machines),
//! grouped into near-duplicates and stories, with corpus-wide entities, and
//! the questions asked of them (entity dossiers, quotes, stories, search).
//!
//! **API boundary:** this crate and the CLI/server are the only places that
//! know SQL. Callers hand in [`Record`]s (built from an [`Analysis`] by a pure
//! function, so in parallel) and get typed answers ([`query`]) back.
//!
//! **Architecture invariant:** every write is a transaction keyed by the
//! document's content hash, so a batch is either stored whole or not at all,
//! a document is never stored twice, and an ingest killed at any point is
//! finished by running it again. Grouping ([`Store::link`]) runs under a lock
//! over what is stored; a story link, once decided with the term frequencies
//! of the store at that time, is not revisited (see ARCHITECTURE.md).
//!
//! [`Analysis`]: dossier_analysis::Analysis

use std::fmt;

mod cite;
mod db;
mod entities;
mod fulltext;
mod resign;
mod trace;
pub mod link;
pub mod query;
pub mod record;
pub mod schema;

pub use db::{Engine, Row, Value};
pub use link::LinkReport;
pub use record::Record;

use db::Conn;

/// Why a store operation failed.
#[derive(Debug)]
pub enum StoreError {
    /// SQLite said no.
    Sqlite(rusqlite::Error),
    /// PostgreSQL said no.
    Postgres(postgres::Error),
    /// The location could not be used (bad URL, no directory).
    Location(String),
    /// The store's schema is not one this build can use.
    Schema(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "SQLite: {e}"),
            StoreError::Postgres(e) => match e.as_db_error() {
                Some(d) => write!(f, "PostgreSQL: {}", d.message()),
                None => write!(f, "PostgreSQL: {e}"),
            },
            StoreError::Location(e) => f.write_str(e),
            StoreError::Schema(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

impl StoreError {
    /// A conflict between concurrent writers that succeeds when retried
    /// (PostgreSQL deadlock or serialisation failure, SQLite busy).
    pub fn is_retryable(&self) -> bool {
        match self {
            StoreError::Postgres(e) => e.code().is_some_and(|c| matches!(c.code(), "40P01" | "40001" | "23505")),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            }
            _ => false,
        }
    }
}

/// The current time, UTC, ISO 8601 (seconds).
pub(crate) fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `YYYY-MM-DD` to days since 1970-01-01.
pub(crate) fn days_from_civil(day: &str) -> Option<i64> {
    let b = day.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = day.get(0..4)?.parse().ok()?;
    let m: i64 = day.get(5..7)?.parse().ok()?;
    let d: i64 = day.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Run `f` in a write transaction on `conn`, retrying it when a concurrent
/// writer got in the way (see [`StoreError::is_retryable`]).
fn transaction<T>(conn: &mut Conn, mut f: impl FnMut(&mut Conn) -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut attempt = 0;
    loop {
        conn.begin()?;
        let r = f(conn).and_then(|v| conn.commit().map(|_| v));
        match r {
            Ok(v) => return Ok(v),
            Err(e) => {
                conn.rollback();
                attempt += 1;
                if !e.is_retryable() || attempt >= 8 {
                    return Err(e);
                }
                std::thread::sleep(std::time::Duration::from_millis(20 << attempt.min(6)));
            }
        }
    }
}

/// A corpus store: one open connection.
pub struct Store {
    conn: Conn,
    location: String,
    /// PostgreSQL's search terms (module `fulltext`): the lexemes of the
    /// words met so far, kept from batch to batch.
    lexer: fulltext::Lexer,
}

/// What happened to one record handed to [`Store::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored now, under this article id.
    New(i64),
    /// Already in the store (same content hash), under this article id.
    Duplicate(i64),
}

impl Store {
    /// Where the embedded store lives when `--db` is not given:
    /// `$DOSSIER_DB` if set, else `$XDG_DATA_HOME/dossier/dossier.db`, else
    /// `~/.local/share/dossier/dossier.db`, else `./dossier.db`.
    pub fn default_location() -> String {
        if let Ok(v) = std::env::var("DOSSIER_DB") {
            if !v.is_empty() {
                return v;
            }
        }
        let base = std::env::var("XDG_DATA_HOME")
            .ok()
            .filter(|v| !v.is_empty())
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::var("HOME").ok().filter(|v| !v.is_empty()).map(|h| std::path::Path::new(&h).join(".local/share")));
        match base {
            Some(b) => b.join("dossier").join("dossier.db").display().to_string(),
            None => "dossier.db".to_string(),
        }
    }

    /// Open (creating if needed) the store at `location`: a file path or
    /// `sqlite://PATH` for SQLite, `postgres://…` or `postgresql://…` for
    /// PostgreSQL. The schema is migrated to the latest version.
    pub fn open(location: &str) -> Result<Store, StoreError> {
        // A new SQLite file opened by several processes at once: switching it
        // to WAL or creating the schema may find it locked; wait and retry.
        let mut attempt = 0u32;
        loop {
            match Self::open_once(location) {
                Err(e) if e.is_retryable() && attempt < 40 => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50 + 25 * attempt as u64));
                }
                r => return r,
            }
        }
    }

    fn open_once(location: &str) -> Result<Store, StoreError> {
        let conn = if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            let client = postgres::Client::connect(location, postgres::NoTls)?;
            Conn::Postgres { client: Box::new(client), statements: Default::default() }
        } else {
            let path = location.strip_prefix("sqlite://").unwrap_or(location);
            if path.is_empty() {
                return Err(StoreError::Location("empty store path".into()));
            }
            let p = std::path::Path::new(path);
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| StoreError::Location(format!("cannot create {}: {e}", dir.display())))?;
            }
            let c = rusqlite::Connection::open(p)?;
            c.busy_timeout(std::time::Duration::from_secs(120))?;
            // Pages of 8 KiB for a new file (an existing one keeps its
            // own): fewer page splits and overflow pages per batch (an
            // article's analysis is some 20 KB).
            c.pragma_update(None, "page_size", 8192)?;
            c.pragma_update(None, "journal_mode", "WAL")?;
            c.pragma_update(None, "synchronous", "NORMAL")?;
            // A larger page cache (64 MiB at most, taken only as used): the
            // indexes of a batch are written at random places.
            c.pragma_update(None, "cache_size", -65536)?;
            // Checkpoint the write-ahead log every 64 MiB rather than 4: a
            // page that many batches change is copied back once, not each time.
            c.pragma_update(None, "wal_autocheckpoint", 16384)?;
            // Room for every statement a batch runs (each table's insert
            // in two sizes, see `record::insert_values`), so that none is
            // compiled again for the next batch.
            c.set_prepared_statement_cache_capacity(64);
            Conn::Sqlite(c, Default::default())
        };
        let mut store = Store { conn, location: location.to_string(), lexer: fulltext::Lexer::new() };
        schema::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The location it was opened with.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// A location fit for messages: a PostgreSQL URL's password is hidden.
    pub fn redact(location: &str) -> String {
        match (location.find("://"), location.rfind('@')) {
            (Some(scheme), Some(at)) if at > scheme => {
                let userinfo = &location[scheme + 3..at];
                match userinfo.find(':') {
                    Some(colon) => format!("{}{}:***{}", &location[..scheme + 3], &userinfo[..colon], &location[at..]),
                    None => location.to_string(),
                }
            }
            _ => location.to_string(),
        }
    }

    /// The engine behind it.
    pub fn engine(&self) -> Engine {
        self.conn.engine()
    }

    /// The schema version in use.
    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        Ok(self.conn.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &[])?.first().map(|r| r.int(0)).unwrap_or(0))
    }

    /// Run `f` in a write transaction, retrying it when a concurrent writer
    /// got in the way (see [`StoreError::is_retryable`]).
    pub(crate) fn transaction<T>(&mut self, f: impl FnMut(&mut Conn) -> Result<T, StoreError>) -> Result<T, StoreError> {
        transaction(&mut self.conn, f)
    }

    /// Which of these content hashes the store already holds.
    pub fn known(&mut self, hashes: &[String]) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut out = std::collections::HashSet::new();
        for chunk in hashes.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let params: Vec<Value> = chunk.iter().map(Value::from).collect();
            for r in self.conn.query(&format!("SELECT hash FROM articles WHERE hash IN ({marks})"), &params)? {
                out.insert(r.text(0));
            }
        }
        Ok(out)
    }

    /// Store records in one transaction: each is [`Inserted::New`], or
    /// [`Inserted::Duplicate`] when its content hash is already there (stored
    /// by an earlier run or by another process at the same time). The result
    /// is in the order of `records`. Nothing is half-stored: on error, none of
    /// the batch is.
    pub fn insert(&mut self, records: &[Record]) -> Result<Vec<Inserted>, StoreError> {
        let phases = trace::Phases::new("batch");
        let lexer = &mut self.lexer;
        let r = transaction(&mut self.conn, |conn| {
            let r = record::insert_all(conn, records, lexer)?;
            phases.mark("rows");
            Ok(r)
        });
        phases.mark("committed");
        r
    }

    /// Execute a read query written with `?` placeholders (for the queries of
    /// [`query`]; the SQL must suit both engines).
    pub(crate) fn rows(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        self.conn.query(sql, params)
    }

    /// Consistency check: SQLite's `PRAGMA integrity_check` (PostgreSQL checks
    /// itself), plus every article has its fingerprints. `Ok(())` or the
    /// problems found.
    pub fn check(&mut self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        if self.engine() == Engine::Sqlite {
            for r in self.conn.query("PRAGMA integrity_check", &[])? {
                let t = r.text(0);
                if t != "ok" {
                    problems.push(t);
                }
            }
        }
        let dup = self.conn.query("SELECT hash, COUNT(*) FROM articles GROUP BY hash HAVING COUNT(*) > 1", &[])?;
        problems.extend(dup.iter().map(|r| format!("hash {} stored {} times", r.text(0), r.int(1))));
        Ok(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        assert_eq!(days_from_civil("1970-01-01"), Some(0));
        assert_eq!(days_from_civil("2014-11-06"), Some(16380));
        assert_eq!(civil_from_days(16380), (2014, 11, 6));
        assert_eq!(days_from_civil("2014-13-06"), None);
        assert_eq!(days_from_civil("nope"), None);
        assert_eq!(now().len(), 20);
    }

    #[test]
    fn passwords_are_hidden_in_messages() {
        assert_eq!(Store::redact("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(Store::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(Store::redact("/tmp/a@b.db"), "/tmp/a@b.db");
    }
}
