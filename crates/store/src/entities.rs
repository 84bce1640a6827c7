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
    let uses: Vec<NameUse> = conn
        .query("SELECT kind, name, COUNT(DISTINCT article) FROM entity_rows GROUP BY kind, name ORDER BY kind, name", &[])?
        .iter()
        .map(|r| NameUse { kind: r.text(0), name: r.text(1), count: r.int(2) as u64 })
        .collect();
    phases.mark("names");
    let resolved = resolve_names(&uses);
    phases.mark("resolved");

    // Corpus entities: create the missing ones, rename where the display name changed.
    let existing: HashMap<(String, String), (i64, String)> =
        conn.query("SELECT kind, key, id, name FROM corpus_entities", &[])?.iter().map(|r| ((r.text(0), r.text(1)), (r.int(2), r.text(3)))).collect();
    let mut wanted: HashMap<(String, String), String> = HashMap::new();
    for r in &resolved {
        wanted.insert((r.kind.clone(), r.key.clone()), r.display.clone());
    }
    let mut missing: Vec<(&str, &str, &str)> = Vec::new();
    for (k, display) in &wanted {
        match existing.get(k) {
            None => missing.push((k.0.as_str(), k.1.as_str(), display.as_str())),
            Some((id, name)) if name != display => {
                conn.exec("UPDATE corpus_entities SET name = ? WHERE id = ?", &[display.as_str().into(), (*id).into()])?;
            }
            Some(_) => {}
        }
    }
    missing.sort_unstable();
    let created = !missing.is_empty();
    let missing = missing.into_iter().map(|(k, key, name)| vec![k.into(), key.into(), name.into()]).collect();
    insert_rows(conn, "corpus_entities", &["kind", "key", "name"], missing)?;
    let ids: HashMap<(String, String), i64> = if created {
        conn.query("SELECT kind, key, id FROM corpus_entities", &[])?.iter().map(|r| ((r.text(0), r.text(1)), r.int(2))).collect()
    } else {
        existing.iter().map(|(k, v)| (k.clone(), v.0)).collect()
    };

    phases.mark("corpus");
    // Aliases: each name as written, its entity and the reason.
    let aliases: HashMap<(String, String), (i64, String)> =
        conn.query("SELECT kind, name, corpus, reason FROM aliases", &[])?.iter().map(|r| ((r.text(0), r.text(1)), (r.int(2), r.text(3)))).collect();
    let mut fresh: Vec<Vec<Value>> = Vec::new();
    let mut changed = false;
    for (u, r) in uses.iter().zip(&resolved) {
        let id = ids[&(r.kind.clone(), r.key.clone())];
        match aliases.get(&(u.kind.clone(), u.name.clone())) {
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
