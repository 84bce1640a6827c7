//! Corpus entities: every distinct name of the store resolved to one entity
//! (see [`dossier_corpus::resolve_names`]), kept as `corpus_entities` (one
//! row per entity) and `aliases` (each name as written, its entity and the
//! reason); each article entity (`entity_rows`) reaches its corpus entity
//! through the alias of its kind and name (the view `entities`), so that
//! resolving writes nothing per article entity. Written in a few set-based
//! statements, so that it costs little even over a network.

use std::collections::HashMap;

use dossier_corpus::{resolve_names, NameUse};

use crate::db::{Conn, Value};
use crate::record::insert_rows;
use crate::StoreError;

/// Resolve every distinct name; the number of corpus entities after.
pub(crate) fn resolve(conn: &mut Conn) -> Result<usize, StoreError> {
    let phases = crate::trace::Phases::new("entities");
    let mut uses: Vec<NameUse> = Vec::new();
    conn.query_each("SELECT kind, name, COUNT(DISTINCT article) FROM entity_rows GROUP BY kind, name ORDER BY kind, name", &[], |r| {
        uses.push(NameUse { kind: r.text(0).into_owned(), name: r.text(1).into_owned(), count: r.int(2) as u64 })
    })?;
    phases.mark("names");
    let resolved = resolve_names(&uses);
    phases.mark("resolved");

    // Corpus entities: create the missing ones, rename where the display name changed.
    let mut existing: ByKind<(i64, String)> = ByKind::default();
    conn.query_each("SELECT kind, key, id, name FROM corpus_entities", &[], |r| {
        existing.insert(&r.text(0), r.text(1).into_owned(), (r.int(2), r.text(3).into_owned()));
    })?;
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
        let mut ids = ByKind::default();
        conn.query_each("SELECT kind, key, id FROM corpus_entities", &[], |r| {
            ids.insert(&r.text(0), r.text(1).into_owned(), r.int(2));
        })?;
        ids
    } else {
        existing.map(|v| v.0)
    };

    phases.mark("corpus");
    // Aliases: each name as written, its entity and the reason.
    let mut aliases: ByKind<(i64, String)> = ByKind::default();
    conn.query_each("SELECT kind, name, corpus, reason FROM aliases", &[], |r| {
        aliases.insert(&r.text(0), r.text(1).into_owned(), (r.int(2), r.text(3).into_owned()));
    })?;
    let mut fresh: Vec<Vec<Value>> = Vec::new();
    let mut changed = false;
    for (u, r) in uses.iter().zip(&resolved) {
        let id = ids.get(&r.kind, &r.key).copied().ok_or_else(|| StoreError::Schema(format!("no corpus entity for {} {}", r.kind, r.key)))?;
        match aliases.get(&u.kind, &u.name) {
            Some((c, reason)) if *c == id && *reason == r.reason => {}
            Some(_) => {
                changed = true;
                conn.exec("UPDATE aliases SET corpus = ?, reason = ? WHERE kind = ? AND name = ?", &[id.into(), r.reason.as_str().into(), u.kind.as_str().into(), u.name.as_str().into()])?;
            }
            None => fresh.push(vec![u.kind.as_str().into(), u.name.as_str().into(), id.into(), r.reason.as_str().into()]),
        }
    }
    insert_rows(conn, "aliases", &["kind", "name", "corpus", "reason"], fresh)?;

    phases.mark("aliases");
    // Article entities reach their corpus entity through their alias (the
    // view `entities`): nothing to write per article entity.
    if changed || created {
        conn.exec("DELETE FROM corpus_entities WHERE id NOT IN (SELECT corpus FROM aliases)", &[])?;
    }
    Ok(conn.query("SELECT COUNT(*) FROM corpus_entities", &[])?.first().map(|r| r.int(0) as usize).unwrap_or(0))
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
