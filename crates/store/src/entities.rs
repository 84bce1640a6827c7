//! Corpus entities: every distinct name of the store resolved to one entity
//! (see [`dossier_corpus::resolve_names`]), kept as `corpus_entities` (one
//! row per entity) and `aliases` (each name as written, its entity and the
//! reason); each article entity (`entity_rows`) reaches its corpus entity
//! through the alias of its kind and name (the view `entities`), so that
//! resolving writes nothing per article entity. Written in a few set-based
//! statements, so that it costs little even over a network.

use std::collections::{HashMap, HashSet};

use dossier_corpus::{name_key, name_probe, resolve_names, NameUse};

use crate::db::{Conn, Value};
use crate::record::insert_rows;
use crate::StoreError;

/// Resolve names to corpus entities: every distinct name of the store, or
/// (`new`, the articles a linking run adds) only the names that share a
/// probe ([`probe`]) with theirs, whose resolutions are the only ones those
/// articles can change (see [`resolve_names`]: a name's resolution depends
/// on its own key's names and, for a one-word name, on the names it may
/// stand for; a test in `dossier-corpus` holds such a subset to the whole).
/// The number of corpus entities after.
pub(crate) fn resolve(conn: &mut Conn, new: Option<&[i64]>) -> Result<usize, StoreError> {
    let phases = crate::trace::Phases::new("entities");
    let mut uses: Vec<NameUse> = Vec::new();
    // `scope`: the names resolved, by kind (None: all).
    let scope = match new {
        None => {
            conn.query_each("SELECT kind, name, COUNT(DISTINCT article) FROM entity_rows GROUP BY kind, name ORDER BY kind, name", &[], |r| {
                uses.push(NameUse { kind: r.text(0).into_owned(), name: r.text(1).into_owned(), count: r.int(2) as u64 })
            })?;
            None
        }
        Some(new) => {
            let scope = Scope::around(conn, new)?;
            // How many articles use each name (the index on kind and name, a kind at a time).
            for (kind, names) in &scope.names {
                let sql = format!("SELECT name, COUNT(DISTINCT article) FROM entity_rows WHERE kind = ? AND {} GROUP BY name ORDER BY name", conn.in_list("name"));
                conn.query_each(&sql, &[kind.as_str().into(), list(names.iter())], |r| {
                    uses.push(NameUse { kind: kind.clone(), name: r.text(0).into_owned(), count: r.int(1) as u64 })
                })?;
            }
            uses.sort_by(|a, b| (&a.kind, &a.name).cmp(&(&b.kind, &b.name)));
            Some(scope)
        }
    };
    phases.mark("names");
    let resolved = resolve_names(&uses);
    phases.mark("resolved");

    // Corpus entities: create the missing ones, rename where the display name changed.
    let keys: Option<Vec<&str>> = scope.as_ref().map(|_| resolved.iter().map(|r| r.key.as_str()).collect());
    let read_entities = |conn: &mut Conn, into: &mut ByKind<(i64, String)>| -> Result<(), StoreError> {
        let mut each = |r: &crate::db::RowRef<'_>| into.insert(&r.text(0), r.text(1).into_owned(), (r.int(2), r.text(3).into_owned()));
        match &keys {
            None => conn.query_each("SELECT kind, key, id, name FROM corpus_entities", &[], each),
            Some(keys) => {
                let sql = format!("SELECT kind, key, id, name FROM corpus_entities WHERE {}", conn.in_list("key"));
                conn.query_each(&sql, &[list(keys.iter())], &mut each)
            }
        }
    };
    let mut existing: ByKind<(i64, String)> = ByKind::default();
    read_entities(conn, &mut existing)?;
    let mut wanted: HashMap<(&str, &str), &str> = HashMap::new();
    for r in &resolved {
        wanted.insert((&r.kind, &r.key), &r.display);
    }
    let mut missing: Vec<(&str, &str, &str)> = Vec::new();
    for (&(kind, key), &display) in &wanted {
        match existing.get(kind, key) {
            None => missing.push((kind, key, display)),
            Some((id, name)) if name != display => {
                conn.exec("UPDATE corpus_entities SET name = ? WHERE id = ?", &[display.into(), (*id).into()])?;
            }
            Some(_) => {}
        }
    }
    missing.sort_unstable();
    let created = !missing.is_empty();
    let missing = missing.into_iter().map(|(k, key, name)| vec![k.into(), key.into(), name.into()]).collect();
    insert_rows(conn, "corpus_entities", &["kind", "key", "name"], missing)?;
    let ids: ByKind<i64> = if created {
        let mut now = ByKind::default();
        read_entities(conn, &mut now)?;
        now.map(|v| v.0)
    } else {
        existing.map(|v| v.0)
    };

    phases.mark("corpus");
    // Aliases: each name as written, its entity and the reason (and the
    // name's probe, by which a later run finds it).
    let mut aliases: ByKind<(i64, String)> = ByKind::default();
    let mut each = |r: &crate::db::RowRef<'_>| aliases.insert(&r.text(0), r.text(1).into_owned(), (r.int(2), r.text(3).into_owned()));
    match &scope {
        None => conn.query_each("SELECT kind, name, corpus, reason FROM aliases", &[], each)?,
        Some(scope) => {
            for (kind, names) in &scope.names {
                let sql = format!("SELECT kind, name, corpus, reason FROM aliases WHERE kind = ? AND {}", conn.in_list("name"));
                conn.query_each(&sql, &[kind.as_str().into(), list(names.iter())], &mut each)?;
            }
        }
    }
    let mut fresh: Vec<Vec<Value>> = Vec::new();
    let mut left: Vec<i64> = Vec::new();
    for (u, r) in uses.iter().zip(&resolved) {
        let id = ids.get(&r.kind, &r.key).copied().ok_or_else(|| StoreError::Schema(format!("no corpus entity for {} {}", r.kind, r.key)))?;
        match aliases.get(&u.kind, &u.name) {
            Some((c, reason)) if *c == id && *reason == r.reason => {}
            Some((c, _)) => {
                left.push(*c);
                conn.exec("UPDATE aliases SET corpus = ?, reason = ? WHERE kind = ? AND name = ?", &[id.into(), r.reason.as_str().into(), u.kind.as_str().into(), u.name.as_str().into()])?;
            }
            None => fresh.push(vec![u.kind.as_str().into(), u.name.as_str().into(), id.into(), r.reason.as_str().into(), r.probe.as_str().into()]),
        }
    }
    insert_rows(conn, "aliases", &["kind", "name", "corpus", "reason", "probe"], fresh)?;

    phases.mark("aliases");
    // Article entities reach their corpus entity through their alias (the
    // view `entities`): nothing to write per article entity. A corpus
    // entity no alias points at any more goes (in a run over a few names,
    // only those some alias left can be such).
    match &scope {
        None if !left.is_empty() || created => {
            conn.exec("DELETE FROM corpus_entities WHERE id NOT IN (SELECT corpus FROM aliases)", &[])?;
        }
        Some(_) if !left.is_empty() => {
            let sql = format!("DELETE FROM corpus_entities WHERE {} AND id NOT IN (SELECT corpus FROM aliases)", conn.in_list("id"));
            conn.exec(&sql, &[Value::List(left.into_iter().map(Value::Int).collect())])?;
        }
        _ => {}
    }
    Ok(conn.query("SELECT COUNT(*) FROM corpus_entities", &[])?.first().map(|r| r.int(0) as usize).unwrap_or(0))
}

/// A list parameter of strings (see [`Conn::in_list`]).
fn list<'a>(items: impl Iterator<Item = &'a (impl AsRef<str> + 'a + ?Sized)>) -> Value {
    Value::List(items.map(|s| Value::from(s.as_ref())).collect())
}

/// The name under which an alias is found again: [`name_probe`] of its key,
/// or the key itself when it has none (a place). Names whose resolutions
/// depend on each other share it (names of one key share their probe).
fn probe(kind: &str, name: &str) -> String {
    let key = name_key(name, kind);
    name_probe(kind, &key).unwrap_or(key)
}

/// The names a run over some new articles resolves, by kind: the new
/// articles' names and every stored name sharing a probe with one of them
/// (a one-word key is a probe too: "Obama" meets "Barack Obama"). Each name
/// so found brings the others of its key (they share its probe) and, if it
/// is one word, the names it could stand for (their probe is its key).
struct Scope {
    names: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl Scope {
    fn around(conn: &mut Conn, new: &[i64]) -> Result<Scope, StoreError> {
        let mut names: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = Default::default();
        let sql = format!("SELECT DISTINCT kind, name FROM entity_rows WHERE {}", conn.in_list("article"));
        conn.query_each(&sql, &[Value::List(new.iter().map(|&i| Value::Int(i)).collect())], |r| {
            names.entry(r.text(0).into_owned()).or_default().insert(r.text(1).into_owned());
        })?;
        let mut probes: HashSet<(String, String)> = HashSet::new();
        for (kind, ns) in &names {
            for n in ns {
                let key = name_key(n, kind);
                if !key.contains(' ') {
                    probes.insert((kind.clone(), key.clone()));
                }
                probes.insert((kind.clone(), name_probe(kind, &key).unwrap_or(key)));
            }
        }
        if !probes.is_empty() {
            let sql = format!("SELECT kind, name, probe FROM aliases WHERE {}", conn.in_list("probe"));
            let values: std::collections::BTreeSet<&str> = probes.iter().map(|w| w.1.as_str()).collect();
            conn.query_each(&sql, &[list(values.into_iter())], |r| {
                if probes.contains(&(r.text(0).into_owned(), r.text(2).into_owned())) {
                    names.entry(r.text(0).into_owned()).or_default().insert(r.text(1).into_owned());
                }
            })?;
        }
        Ok(Scope { names })
    }
}

/// Schema 11: every alias's probe, computed as a linking run does.
pub(crate) fn probe_aliases(conn: &mut Conn) -> Result<(), StoreError> {
    let rows = conn.query("SELECT kind, name FROM aliases", &[])?;
    for r in rows {
        let (kind, name) = (r.text(0), r.text(1));
        let probe = probe(&kind, &name);
        conn.exec("UPDATE aliases SET probe = ? WHERE kind = ? AND name = ?", &[probe.into(), kind.into(), name.into()])?;
    }
    Ok(())
}

/// Values by kind and name (or key), looked up without building a key.
struct ByKind<V>(HashMap<String, HashMap<String, V>>);

impl<V> Default for ByKind<V> {
    fn default() -> Self {
        ByKind(HashMap::new())
    }
}

impl<V> ByKind<V> {
    fn insert(&mut self, kind: &str, name: String, v: V) {
        match self.0.get_mut(kind) {
            Some(m) => {
                m.insert(name, v);
            }
            None => {
                self.0.insert(kind.to_string(), HashMap::from([(name, v)]));
            }
        }
    }

    fn get(&self, kind: &str, name: &str) -> Option<&V> {
        self.0.get(kind)?.get(name)
    }

    fn map<W>(self, f: impl Fn(V) -> W) -> ByKind<W> {
        ByKind(self.0.into_iter().map(|(k, m)| (k, m.into_iter().map(|(n, v)| (n, f(v))).collect())).collect())
    }
}
