//! The one place that knows both database engines: a connection to SQLite or
//! PostgreSQL behind the same small interface (execute, query, transactions),
//! with SQL written once using `?` placeholders.

use std::collections::HashMap;

use crate::StoreError;

/// A value passed to or read from the database.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// An integer (BIGINT in PostgreSQL).
    Int(i64),
    /// A float.
    Real(f64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
    /// A list of integers or texts, as the one parameter of a
    /// [`Conn::in_list`] condition (an array in PostgreSQL, a JSON array in
    /// SQLite), so that a statement stays the same whatever the list's length;
    /// in PostgreSQL also a `bigint[]`, `bytea[]` or `text[]` to `unnest`.
    List(Vec<Value>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<usize> for Value {
    fn from(v: usize) -> Self {
        Value::Int(v as i64)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Int(v as i64)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::Text(v.clone())
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Blob(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map(Into::into).unwrap_or(Value::Null)
    }
}

/// One result row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Value>);

impl Row {
    /// Column `i` as an integer (0 for NULL or another type).
    pub fn int(&self, i: usize) -> i64 {
        match self.0.get(i) {
            Some(Value::Int(v)) => *v,
            Some(Value::Real(v)) => *v as i64,
            Some(Value::Text(t)) => t.parse().unwrap_or(0),
            _ => 0,
        }
    }
    /// Column `i` as an optional integer.
    pub fn opt_int(&self, i: usize) -> Option<i64> {
        match self.0.get(i) {
            Some(Value::Null) | None => None,
            _ => Some(self.int(i)),
        }
    }
    /// Column `i` as a float.
    pub fn real(&self, i: usize) -> f64 {
        match self.0.get(i) {
            Some(Value::Real(v)) => *v,
            Some(Value::Int(v)) => *v as f64,
            _ => 0.0,
        }
    }
    /// Column `i` as optional text.
    pub fn opt_text(&self, i: usize) -> Option<String> {
        match self.0.get(i) {
            Some(Value::Text(t)) => Some(t.clone()),
            Some(Value::Int(v)) => Some(v.to_string()),
            _ => None,
        }
    }
    /// Column `i` as text ("" for NULL).
    pub fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }
    /// Column `i` as bytes.
    pub fn blob(&self, i: usize) -> Vec<u8> {
        match self.0.get(i) {
            Some(Value::Blob(b)) => b.clone(),
            _ => Vec::new(),
        }
    }
}

/// A result row borrowed from the engine (see [`Conn::query_each`]), read
/// as loosely as [`Row`] reads its values.
pub(crate) enum RowRef<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl RowRef<'_> {
    /// Column `i` as text, borrowed where the engine allows (`None` for
    /// NULL; an integer as its digits, as [`Row::opt_text`] has it).
    pub(crate) fn opt_text(&self, i: usize) -> Option<std::borrow::Cow<'_, str>> {
        use rusqlite::types::ValueRef;
        match self {
            RowRef::Sqlite(r) => match r.get_ref(i).ok()? {
                ValueRef::Text(t) => Some(String::from_utf8_lossy(t)),
                ValueRef::Integer(v) => Some(v.to_string().into()),
                _ => None,
            },
            RowRef::Postgres(r) => match r.try_get::<_, Option<&str>>(i) {
                Ok(t) => t.map(Into::into),
                Err(_) => Row(vec![pg_value(r, i)]).opt_text(0).map(Into::into),
            },
        }
    }

    /// Column `i` as text ("" for NULL).
    pub(crate) fn text(&self, i: usize) -> std::borrow::Cow<'_, str> {
        self.opt_text(i).unwrap_or_default()
    }

    /// Column `i` as an integer (0 for NULL or another type), as [`Row::int`].
    pub(crate) fn int(&self, i: usize) -> i64 {
        use rusqlite::types::ValueRef;
        match self {
            RowRef::Sqlite(r) => match r.get_ref(i) {
                Ok(ValueRef::Integer(v)) => v,
                Ok(v) => Row(vec![sqlite_value(v)]).int(0),
                Err(_) => 0,
            },
            RowRef::Postgres(r) => Row(vec![pg_value(r, i)]).int(0),
        }
    }

    /// Column `i` as an optional integer (`None` for NULL), as [`Row::opt_int`].
    pub(crate) fn opt_int(&self, i: usize) -> Option<i64> {
        match self {
            RowRef::Sqlite(r) => match r.get_ref(i) {
                Ok(rusqlite::types::ValueRef::Null) | Err(_) => None,
                Ok(_) => Some(self.int(i)),
            },
            RowRef::Postgres(r) => Row(vec![pg_value(r, i)]).opt_int(0),
        }
    }
}

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// A connection to either engine. SQLite's has beside it the statements
/// of its bulk inserts ([`Bulk`]), finalized when it is dropped.
pub(crate) enum Conn {
    Sqlite(rusqlite::Connection, Bulk),
    Postgres { client: Box<postgres::Client>, statements: HashMap<String, postgres::Statement> },
}

impl Drop for Conn {
    fn drop(&mut self) {
        // Before the connection itself (its fields drop after this), which
        // SQLite would not close with statements of its own still open.
        if let Conn::Sqlite(_, bulk) = self {
            bulk.clear();
        }
    }
}

/// SQLite statements of the bulk inserts ([`Conn::exec_rows`]), prepared
/// once each and run with their values bound where they are
/// (`SQLITE_STATIC`): rusqlite binds every text and blob as
/// `SQLITE_TRANSIENT`, for which SQLite allocates a copy of each value and
/// frees the one before (some 300 instructions a text, about a third of a
/// small row's insert). The bindings are cleared after each run, so no
/// statement keeps a pointer into values that are gone.
#[derive(Default)]
pub(crate) struct Bulk(HashMap<String, std::ptr::NonNull<rusqlite::ffi::sqlite3_stmt>>);

// The statements belong to the connection beside them, move with it and
// are used only through `&mut Conn`, as the connection is.
unsafe impl Send for Bulk {}

impl Bulk {
    /// Most statements kept: far more than the bulk inserts need.
    const KEPT: usize = 64;

    fn clear(&mut self) {
        for (_, st) in self.0.drain() {
            // SAFETY: prepared by `statement` on the connection that owns
            // this `Bulk`, which is still open, and finalized once.
            unsafe { rusqlite::ffi::sqlite3_finalize(st.as_ptr()) };
        }
    }

    /// The prepared statement of `sql`, prepared now if it is new.
    fn statement(&mut self, c: &rusqlite::Connection, sql: &str) -> Result<*mut rusqlite::ffi::sqlite3_stmt, StoreError> {
        use rusqlite::ffi;
        if let Some(st) = self.0.get(sql) {
            return Ok(st.as_ptr());
        }
        if self.0.len() >= Self::KEPT {
            self.clear();
        }
        let len = std::ffi::c_int::try_from(sql.len()).map_err(|_| StoreError::Schema("statement too long".into()))?;
        let mut st: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        // SAFETY: the connection's handle is valid while `c` lives; the SQL
        // is read within its length; `st` receives the statement or null.
        let rc = unsafe { ffi::sqlite3_prepare_v3(c.handle(), sql.as_ptr().cast(), len, ffi::SQLITE_PREPARE_PERSISTENT, &mut st, std::ptr::null_mut()) };
        if rc != ffi::SQLITE_OK {
            return Err(sqlite_error(c, rc));
        }
        let st = std::ptr::NonNull::new(st).ok_or_else(|| StoreError::Schema(format!("no statement in {sql}")))?;
        self.0.insert(sql.to_string(), st);
        Ok(st.as_ptr())
    }
}

/// SQLite's error `rc` on connection `c`, with its message, as rusqlite
/// reports it (so that [`StoreError::is_retryable`] reads it alike).
fn sqlite_error(c: &rusqlite::Connection, rc: std::ffi::c_int) -> StoreError {
    use rusqlite::ffi;
    // SAFETY: the handle is valid while `c` lives; the message is copied
    // before any other call on the connection.
    let (code, msg) = unsafe {
        let db = c.handle();
        let msg = ffi::sqlite3_errmsg(db);
        let msg = if msg.is_null() { None } else { Some(std::ffi::CStr::from_ptr(msg).to_string_lossy().into_owned()) };
        (ffi::sqlite3_extended_errcode(db), msg)
    };
    let code = if code == ffi::SQLITE_OK { rc } else { code };
    StoreError::Sqlite(rusqlite::Error::SqliteFailure(ffi::Error::new(code), msg))
}

/// Run the prepared statement `st` of connection `c` once, its parameters
/// `values` in order, bound in place; the rows it changed.
fn run_bound<'a>(c: &rusqlite::Connection, st: *mut rusqlite::ffi::sqlite3_stmt, values: impl Iterator<Item = &'a Value>) -> Result<u64, StoreError> {
    use rusqlite::ffi;
    use std::ffi::{c_int, c_uchar};
    // SAFETY: `st` is a live statement of `c` (see `Bulk`). Texts and blobs
    // are bound as SQLITE_STATIC: `values` outlives this call, and the
    // bindings are cleared before it returns, whatever happens, so SQLite
    // reads them only during the step here. An empty text or blob is bound
    // from a static empty string, never from a dangling pointer.
    unsafe {
        let mut rc = ffi::SQLITE_OK;
        for (i, v) in values.enumerate() {
            let ix = c_int::try_from(i + 1).unwrap_or(c_int::MAX);
            rc = match v {
                Value::Null => ffi::sqlite3_bind_null(st, ix),
                Value::Int(x) => ffi::sqlite3_bind_int64(st, ix, *x),
                Value::Real(x) => ffi::sqlite3_bind_double(st, ix, *x),
                Value::Text(t) if t.is_empty() => ffi::sqlite3_bind_text64(st, ix, c"".as_ptr(), 0, ffi::SQLITE_STATIC(), ffi::SQLITE_UTF8 as c_uchar),
                Value::Text(t) => ffi::sqlite3_bind_text64(st, ix, t.as_ptr().cast(), t.len() as u64, ffi::SQLITE_STATIC(), ffi::SQLITE_UTF8 as c_uchar),
                Value::Blob(b) if b.is_empty() => ffi::sqlite3_bind_zeroblob(st, ix, 0),
                Value::Blob(b) => ffi::sqlite3_bind_blob64(st, ix, b.as_ptr().cast(), b.len() as u64, ffi::SQLITE_STATIC()),
                Value::List(_) => ffi::SQLITE_MISUSE,
            };
            if rc != ffi::SQLITE_OK {
                break;
            }
        }
        let stepped = if rc == ffi::SQLITE_OK { ffi::sqlite3_step(st) } else { rc };
        let result = match stepped {
            ffi::SQLITE_DONE => Ok(ffi::sqlite3_changes64(c.handle()) as u64),
            ffi::SQLITE_ROW => Err(StoreError::Sqlite(rusqlite::Error::ExecuteReturnedResults)),
            rc => Err(sqlite_error(c, rc)),
        };
        ffi::sqlite3_reset(st);
        ffi::sqlite3_clear_bindings(st);
        result
    }
}

/// `?` placeholders to PostgreSQL's `$1, $2, …` (the SQL here never has a `?`
/// inside a string literal).
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Value::Real(v) => ToSqlOutput::Borrowed(ValueRef::Real(*v)),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Value::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Value::List(items) => {
                let json: Vec<serde_json::Value> = items
                    .iter()
                    .map(|v| match v {
                        Value::Int(i) => (*i).into(),
                        Value::Real(r) => (*r).into(),
                        Value::Text(t) => t.as_str().into(),
                        _ => serde_json::Value::Null,
                    })
                    .collect();
                ToSqlOutput::Owned(rusqlite::types::Value::Text(serde_json::Value::Array(json).to_string()))
            }
        })
    }
}

impl postgres::types::ToSql for Value {
    fn to_sql(&self, ty: &postgres::types::Type, out: &mut postgres::types::private::BytesMut) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(v) => match *ty {
                Type::INT2 => (*v as i16).to_sql(ty, out),
                Type::INT4 => (*v as i32).to_sql(ty, out),
                Type::FLOAT8 => (*v as f64).to_sql(ty, out),
                Type::FLOAT4 => (*v as f32).to_sql(ty, out),
                Type::BOOL => (*v != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => v.to_string().to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Value::Real(v) => match *ty {
                Type::FLOAT4 => (*v as f32).to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Value::Text(t) => t.to_sql(ty, out),
            Value::Blob(b) => b.to_sql(ty, out),
            Value::List(items) => match *ty {
                Type::INT8_ARRAY => items.iter().map(|v| if let Value::Int(i) = v { *i } else { 0 }).collect::<Vec<i64>>().to_sql(ty, out),
                Type::BYTEA_ARRAY => items.iter().map(|v| if let Value::Blob(b) = v { b.as_slice() } else { &[][..] }).collect::<Vec<&[u8]>>().to_sql(ty, out),
                _ => items
                    .iter()
                    .map(|v| match v {
                        Value::Text(t) => t.clone(),
                        Value::Int(i) => i.to_string(),
                        _ => String::new(),
                    })
                    .collect::<Vec<String>>()
                    .to_sql(ty, out),
            },
        }
    }
    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
    postgres::types::to_sql_checked!();
}

fn pg_value(row: &postgres::Row, i: usize) -> Value {
    use postgres::types::Type;
    let ty = row.columns()[i].type_();
    let v = match *ty {
        Type::INT8 => row.get::<_, Option<i64>>(i).map(Value::Int),
        Type::INT4 => row.get::<_, Option<i32>>(i).map(|v| Value::Int(v as i64)),
        Type::INT2 => row.get::<_, Option<i16>>(i).map(|v| Value::Int(v as i64)),
        Type::BOOL => row.get::<_, Option<bool>>(i).map(|v| Value::Int(v as i64)),
        Type::FLOAT8 => row.get::<_, Option<f64>>(i).map(Value::Real),
        Type::FLOAT4 => row.get::<_, Option<f32>>(i).map(|v| Value::Real(v as f64)),
        Type::BYTEA => row.get::<_, Option<Vec<u8>>>(i).map(Value::Blob),
        _ => row.try_get::<_, Option<String>>(i).ok().flatten().map(Value::Text),
    };
    v.unwrap_or(Value::Null)
}

fn sqlite_value(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

impl Conn {
    pub(crate) fn engine(&self) -> Engine {
        match self {
            Conn::Sqlite(..) => Engine::Sqlite,
            Conn::Postgres { .. } => Engine::Postgres,
        }
    }

    fn pg_statement(client: &mut postgres::Client, statements: &mut HashMap<String, postgres::Statement>, sql: &str) -> Result<postgres::Statement, StoreError> {
        if let Some(s) = statements.get(sql) {
            return Ok(s.clone());
        }
        let s = client.prepare(&numbered(sql))?;
        if statements.len() > 512 {
            statements.clear();
        }
        statements.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    /// Run a statement; the number of rows it changed.
    pub(crate) fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        match self {
            Conn::Sqlite(c, _) => {
                let mut st = c.prepare_cached(sql)?;
                Ok(st.execute(rusqlite::params_from_iter(params.iter()))? as u64)
            }
            Conn::Postgres { client, statements } => {
                let st = Self::pg_statement(client, statements, sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect();
                Ok(client.execute(&st, &refs)?)
            }
        }
    }

    /// Run one statement once per row of parameters; the rows it changed in
    /// all. SQLite prepares it once for all the rows (no statement-cache
    /// lookup, SQL hashing and reset per row) and binds the values in place
    /// ([`Bulk`]); PostgreSQL runs it per row.
    pub(crate) fn exec_each(&mut self, sql: &str, rows: &[Vec<Value>]) -> Result<u64, StoreError> {
        match self {
            Conn::Sqlite(c, bulk) => {
                let st = bulk.statement(c, sql)?;
                let mut n = 0;
                for row in rows {
                    n += run_bound(c, st, row.iter())?;
                }
                Ok(n)
            }
            Conn::Postgres { .. } => {
                let mut n = 0;
                for row in rows {
                    n += self.exec(sql, row)?;
                }
                Ok(n)
            }
        }
    }

    /// Run one statement once per `per` rows of `rows` (whose length is a
    /// multiple of `per`), its parameters the values of those rows in order
    /// (a multi-row `INSERT … VALUES (…), (…)`), without copying them; the
    /// rows it changed in all. The statement is looked up once for all the
    /// chunks; SQLite's values are bound in place ([`Bulk`]).
    pub(crate) fn exec_rows(&mut self, sql: &str, rows: &[Vec<Value>], per: usize) -> Result<u64, StoreError> {
        let mut n = 0;
        match self {
            Conn::Sqlite(c, bulk) => {
                let st = bulk.statement(c, sql)?;
                for chunk in rows.chunks(per) {
                    n += run_bound(c, st, chunk.iter().flatten())?;
                }
            }
            Conn::Postgres { client, statements } => {
                let st = Self::pg_statement(client, statements, sql)?;
                for chunk in rows.chunks(per) {
                    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = chunk.iter().flatten().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect();
                    n += client.execute(&st, &refs)?;
                }
            }
        }
        Ok(n)
    }

    /// Run a query and hand each row to `each` as it comes, borrowed
    /// ([`RowRef`]): no [`Row`] and no copy of its texts for rows that are
    /// only read once.
    pub(crate) fn query_each(&mut self, sql: &str, params: &[Value], mut each: impl FnMut(&RowRef<'_>)) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(c, _) => {
                let mut st = c.prepare_cached(sql)?;
                let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
                while let Some(r) = rows.next()? {
                    each(&RowRef::Sqlite(r));
                }
            }
            Conn::Postgres { client, statements } => {
                let st = Self::pg_statement(client, statements, sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect();
                for r in client.query(&st, &refs)? {
                    each(&RowRef::Postgres(&r));
                }
            }
        }
        Ok(())
    }

    /// Run a query; all its rows.
    pub(crate) fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        match self {
            Conn::Sqlite(c, _) => {
                let mut st = c.prepare_cached(sql)?;
                let n = st.column_count();
                let mut rows = st.query(rusqlite::params_from_iter(params.iter()))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(Row((0..n).map(|i| r.get_ref(i).map(sqlite_value).unwrap_or(Value::Null)).collect()));
                }
                Ok(out)
            }
            Conn::Postgres { client, statements } => {
                let st = Self::pg_statement(client, statements, sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|p| p as &(dyn postgres::types::ToSql + Sync)).collect();
                let rows = client.query(&st, &refs)?;
                Ok(rows.iter().map(|r| Row((0..r.len()).map(|i| pg_value(r, i)).collect())).collect())
            }
        }
    }

    /// The condition "`column` is one of the list given as the next
    /// parameter" ([`Value::List`]): one statement, planned once, for any
    /// number of values.
    pub(crate) fn in_list(&self, column: &str) -> String {
        match self {
            Conn::Sqlite(..) => format!("{column} IN (SELECT value FROM json_each(?))"),
            Conn::Postgres { .. } => format!("{column} = ANY(?)"),
        }
    }

    /// Bulk-load rows into `table`: PostgreSQL's binary `COPY` (one stream,
    /// no statement per row; column types read from the table). `None` from
    /// SQLite, which inserts several rows per statement instead
    /// (`record::insert_values`).
    ///
    /// The rows are encoded here, in the binary `COPY` format, into one
    /// buffer written to the server at once: the driver's
    /// `BinaryCopyInWriter` enters its runtime for every row (about 2,300
    /// instructions each, most of the client's cost of a `COPY`).
    pub(crate) fn copy_in(&mut self, table: &str, cols: &[&str], rows: &[Vec<Value>]) -> Result<Option<usize>, StoreError> {
        use postgres::types::{IsNull, ToSql};
        use std::io::Write;
        let Conn::Postgres { client, statements } = self else { return Ok(None) };
        let cols = cols.join(", ");
        let probe = Self::pg_statement(client, statements, &format!("SELECT {cols} FROM {table} LIMIT 0"))?;
        let types: Vec<postgres::types::Type> = probe.columns().iter().map(|c| c.type_().clone()).collect();
        let mut buf = postgres::types::private::BytesMut::new();
        // Signature, flags (none), header extension length (none).
        buf.extend_from_slice(b"PGCOPY\n\xff\r\n\0");
        buf.extend_from_slice(&[0; 8]);
        for row in rows {
            if row.len() != types.len() {
                return Err(StoreError::Schema(format!("{} values for the {} columns of {table}", row.len(), types.len())));
            }
            buf.extend_from_slice(&(types.len() as i16).to_be_bytes());
            for (v, ty) in row.iter().zip(&types) {
                // Each field: its length (-1 for NULL), then its bytes.
                let at = buf.len();
                buf.extend_from_slice(&[0; 4]);
                let len = match v.to_sql(ty, &mut buf).map_err(|e| StoreError::Schema(format!("a value for {table}: {e}")))? {
                    IsNull::Yes => -1,
                    IsNull::No => i32::try_from(buf.len() - at - 4).map_err(|_| StoreError::Schema(format!("a value for {table} over 2 GiB")))?,
                };
                buf[at..at + 4].copy_from_slice(&len.to_be_bytes());
            }
        }
        buf.extend_from_slice(&(-1i16).to_be_bytes());
        let mut sink = client.copy_in(&format!("COPY {table} ({cols}) FROM STDIN (FORMAT binary)"))?;
        // One write into the writer's empty buffer: sent once, by `finish`.
        sink.write_all(&buf).map_err(|e| StoreError::Location(format!("PostgreSQL COPY into {table}: {e}")))?;
        Ok(Some(sink.finish()? as usize))
    }

    /// Run several statements with no parameters.
    pub(crate) fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(c, _) => Ok(c.execute_batch(sql)?),
            Conn::Postgres { client, .. } => Ok(client.batch_execute(sql)?),
        }
    }

    /// Start a write transaction (SQLite takes the write lock at once, so two
    /// writers wait for each other rather than fail).
    pub(crate) fn begin(&mut self) -> Result<(), StoreError> {
        match self.engine() {
            Engine::Sqlite => self.batch("BEGIN IMMEDIATE"),
            Engine::Postgres => self.batch("BEGIN"),
        }
    }

    pub(crate) fn commit(&mut self) -> Result<(), StoreError> {
        self.batch("COMMIT")
    }

    pub(crate) fn rollback(&mut self) {
        let _ = self.batch("ROLLBACK");
    }

    /// Hold `key`'s lock until the transaction ends: PostgreSQL's advisory
    /// lock (SQLite's write transaction is already exclusive).
    pub(crate) fn lock(&mut self, key: i64) -> Result<(), StoreError> {
        if self.engine() == Engine::Postgres {
            self.query("SELECT pg_advisory_xact_lock(?)", &[Value::Int(key)])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_postgres() {
        assert_eq!(numbered("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"), "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
    }

    /// Bulk rows bound in place: every kind of value reads back as given
    /// (an empty text is a text, an empty blob a blob), a conflict is
    /// SQLite's error and the statement runs again after it, and the
    /// statements are finalized with the connection, which then closes
    /// cleanly (its write-ahead log removed).
    #[test]
    fn bulk_rows_are_bound_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "WAL").unwrap();
        c.execute_batch("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c BLOB, d REAL)").unwrap();
        let mut conn = Conn::Sqlite(c, Bulk::default());
        let rows = vec![
            vec![Value::Int(1), Value::Text(String::new()), Value::Blob(Vec::new()), Value::Real(0.5)],
            vec![Value::Int(2), Value::Text("é x".into()), Value::Blob(vec![0, 1]), Value::Null],
        ];
        assert_eq!(conn.exec_rows("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?), (?, ?, ?, ?)", &rows, 2).unwrap(), 2);
        let one = "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)";
        assert_eq!(conn.exec_each(one, &[vec![Value::Int(3), Value::Null, Value::Null, Value::Int(2)]]).unwrap(), 1);
        let err = conn.exec_each(one, &[vec![Value::Int(1), Value::Null, Value::Null, Value::Null]]).unwrap_err();
        assert!(matches!(&err, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, Some(_))) if e.code == rusqlite::ErrorCode::ConstraintViolation), "{err}");
        assert_eq!(conn.exec_each(one, &[vec![Value::Int(4), Value::Text("d".into()), Value::Null, Value::Null]]).unwrap(), 1);
        let got = conn.query("SELECT a, b, typeof(b), c, typeof(c), d FROM t ORDER BY a", &[]).unwrap();
        let want = |a: i64, b: Value, tb: &str, c: Value, tc: &str, d: Value| Row(vec![Value::Int(a), b, tb.into(), c, tc.into(), d]);
        assert_eq!(
            got,
            vec![
                want(1, Value::Text(String::new()), "text", Value::Blob(Vec::new()), "blob", Value::Real(0.5)),
                want(2, Value::Text("é x".into()), "text", Value::Blob(vec![0, 1]), "blob", Value::Null),
                want(3, Value::Null, "null", Value::Null, "null", Value::Real(2.0)),
                want(4, Value::Text("d".into()), "text", Value::Null, "null", Value::Null),
            ]
        );
        drop(conn);
        assert!(!dir.path().join("t.db-wal").exists(), "the connection closed with its statements finalized");
    }

    #[test]
    fn rows_read_loosely() {
        let r = Row(vec![Value::Int(3), Value::Null, Value::Text("x".into()), Value::Real(1.5)]);
        assert_eq!((r.int(0), r.opt_int(1), r.text(2), r.real(3), r.text(1)), (3, None, "x".to_string(), 1.5, String::new()));
    }
}
