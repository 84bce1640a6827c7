//! Schema 9: the shingle signatures computed again after their definition
//! changed (from 128 hash functions to one-permutation hashing, see
//! [`dossier_corpus::MinHash`]). A signature stored by an older build is
//! not comparable with a new one, so the migration recomputes every
//! article's signature from its stored text, rewrites the LSH band rows, and
//! decides again, with the new signatures, whether each pair of linked
//! articles is a copy: the pairs sharing a band and the pairs already
//! linked. A pair that becomes a copy gets a duplicate link (in place of a
//! story link); a duplicate link whose pair is no longer a copy is removed
//! and the pair decided as [`Store::link`](crate::Store::link) would decide
//! it now (a story link or none); a duplicate link that stays has its score
//! and reason updated. Groups and citations are recomputed when a link
//! changed. Story links are otherwise kept as they were decided. Articles
//! not linked yet are linked by the next linking run, with the new bands.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dossier_corpus::{copy_link, shingle_signature, story_link, LinkKind, MinHash, BAND_ROWS};

use crate::db::{Conn, Engine, Value};
use crate::StoreError;

/// Articles read, signed and written at a time.
const CHUNK: i64 = 1000;

/// The hook of schema 9 (see the module's documentation).
pub(crate) fn resign(conn: &mut Conn) -> Result<(), StoreError> {
    let phases = crate::trace::Phases::new("schema 9");
    let n = signatures(conn)?;
    phases.mark(format_args!("{n} signatures and their bands"));
    let changed = copies(conn)?;
    phases.mark(format_args!("{changed} links changed"));
    if changed > 0 {
        crate::link::regroup_all(conn)?;
        phases.mark("groups");
    }
    Ok(())
}

/// Every article's signature from its text, and its LSH rows. The number
/// of articles.
fn signatures(conn: &mut Conn) -> Result<usize, StoreError> {
    conn.exec("DELETE FROM lsh", &[])?;
    let mut after = i64::MIN;
    let mut n = 0;
    loop {
        let rows = conn.query("SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", &[after.into(), CHUNK.into()])?;
        let Some(last) = rows.last() else { break };
        after = last.int(0);
        n += rows.len();
        let signed: Vec<(i64, MinHash)> = rows.iter().map(|r| (r.int(0), shingle_signature(&r.text(1)))).collect();
        let mut lsh = Vec::with_capacity(signed.len() * 32);
        for (id, sig) in &signed {
            let mut keys = sig.bands(BAND_ROWS);
            keys.sort_unstable();
            keys.dedup();
            lsh.extend(keys.into_iter().map(|k| vec![Value::Int(k), Value::Int(*id)]));
        }
        match conn.engine() {
            Engine::Sqlite => {
                let rows: Vec<Vec<Value>> = signed.iter().map(|(id, sig)| vec![sig.to_bytes().into(), (*id).into()]).collect();
                conn.exec_each("UPDATE articles SET shingles = ? WHERE id = ?", &rows)?;
            }
            Engine::Postgres => {
                // One statement for the chunk, not a round trip per article.
                let ids = Value::List(signed.iter().map(|(id, _)| Value::Int(*id)).collect());
                let sigs = Value::List(signed.iter().map(|(_, sig)| Value::Blob(sig.to_bytes())).collect());
                conn.exec("UPDATE articles SET shingles = v.s FROM unnest(?::bigint[], ?::bytea[]) AS v(id, s) WHERE articles.id = v.id", &[ids, sigs])?;
            }
        }
        crate::record::insert_rows(conn, "lsh", &["band_key", "article"], lsh)?;
    }
    Ok(n)
}

/// Decide again which pairs of linked articles are copies (see the
/// module's documentation). The number of links added or removed.
fn copies(conn: &mut Conn) -> Result<usize, StoreError> {
    let mut changed = 0;
    let mut lost: Vec<(i64, i64)> = Vec::new();
    let mut after = i64::MIN;
    loop {
        let chunk: Vec<i64> = conn
            .query("SELECT id FROM articles WHERE linked <> 0 AND id > ? ORDER BY id LIMIT ?", &[after.into(), CHUNK.into()])?
            .iter()
            .map(|r| r.int(0))
            .collect();
        let Some(&last) = chunk.last() else { break };
        after = last;
        let list = || Value::List(chunk.iter().map(|&i| Value::Int(i)).collect());
        // The pairs (a < b, a in the chunk): linked ones, with their kinds,
        // and those sharing a band.
        let mut pairs: BTreeMap<(i64, i64), BTreeSet<String>> = BTreeMap::new();
        let sql = format!("SELECT a, b, kind FROM links WHERE {}", conn.in_list("a"));
        for r in conn.query(&sql, &[list()])? {
            pairs.entry((r.int(0), r.int(1))).or_default().insert(r.text(2));
        }
        let sql = format!(
            "SELECT DISTINCT l1.article, l2.article FROM lsh l1 JOIN lsh l2 ON l2.band_key = l1.band_key AND l2.article > l1.article \
             JOIN articles a ON a.id = l2.article WHERE {} AND a.linked <> 0",
            conn.in_list("l1.article")
        );
        for r in conn.query(&sql, &[list()])? {
            pairs.entry((r.int(0), r.int(1))).or_default();
        }
        if pairs.is_empty() {
            continue;
        }
        let mut ids: Vec<i64> = pairs.keys().flat_map(|&(a, b)| [a, b]).collect();
        ids.sort_unstable();
        ids.dedup();
        let sql = format!("SELECT id, shingles FROM articles WHERE {}", conn.in_list("id"));
        let sigs: HashMap<i64, MinHash> =
            conn.query(&sql, &[Value::List(ids.into_iter().map(Value::Int).collect())])?.iter().map(|r| (r.int(0), MinHash::from_bytes(&r.blob(1)))).collect();
        let duplicate = LinkKind::Duplicate.as_str();
        let story = LinkKind::Story.as_str();
        for ((a, b), kinds) in pairs {
            let (Some(sa), Some(sb)) = (sigs.get(&a), sigs.get(&b)) else { continue };
            match copy_link(sa, sb) {
                Some(link) if kinds.contains(duplicate) => {
                    conn.exec("UPDATE links SET score = ?, reason = ? WHERE a = ? AND b = ? AND kind = ?", &[link.score.into(), link.reason.into(), a.into(), b.into(), duplicate.into()])?;
                }
                Some(link) => {
                    if kinds.contains(story) {
                        conn.exec("DELETE FROM links WHERE a = ? AND b = ? AND kind = ?", &[a.into(), b.into(), story.into()])?;
                    }
                    conn.exec("INSERT INTO links (a, b, kind, score, reason) VALUES (?, ?, ?, ?, ?)", &[a.into(), b.into(), duplicate.into(), link.score.into(), link.reason.into()])?;
                    changed += 1;
                }
                None if kinds.contains(duplicate) => {
                    conn.exec("DELETE FROM links WHERE a = ? AND b = ? AND kind = ?", &[a.into(), b.into(), duplicate.into()])?;
                    changed += 1;
                    if !kinds.contains(story) {
                        lost.push((a, b));
                    }
                }
                None => {}
            }
        }
    }
    // Pairs that are no longer copies: the same story or nothing, as
    // linking decides now.
    if !lost.is_empty() {
        crate::link::backfill_terms(conn)?;
        let mut df = crate::link::Df::new(conn)?;
        let mut ids: Vec<i64> = lost.iter().flat_map(|&(a, b)| [a, b]).collect();
        ids.sort_unstable();
        ids.dedup();
        let feats = crate::link::features(conn, &ids, &mut df)?;
        for (a, b) in lost {
            let (Some(fa), Some(fb)) = (feats.get(&a), feats.get(&b)) else { continue };
            if let Some(link) = story_link(fa, fb) {
                conn.exec("INSERT INTO links (a, b, kind, score, reason) VALUES (?, ?, ?, ?, ?)", &[a.into(), b.into(), link.kind.as_str().into(), link.score.into(), link.reason.into()])?;
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{Inserted, Record, Store};
    use dossier_analysis::Analysis;

    const LEVY: &str = "The city council voted 7-2 on Tuesday to put a half-cent transit levy on the May ballot, \
        ending months of debate over how to pay for the long-delayed Eastside light rail line. Supporters \
        packed the chamber and cheered the vote. Council member Tom Becker, the finance chair, said the vote gave \
        residents the final word on a project first proposed a decade ago. Opponents warned that the tax would \
        fall hardest on low-income families and small businesses, and promised to campaign against it.";
    const CLINIC: &str = "The county's largest hospital system will close two rural clinics next year, its chief executive \
        said on Tuesday, citing staff shortages and falling payments from insurers. Patients will be referred to a \
        hospital an hour away, and the clinics' nurses will be offered jobs there.";
    const CLINIC2: &str = "Two rural clinics run by the county hospital system are to shut next year. Residents of the valley \
        said the closures would leave them without a doctor within forty miles; the hospital blamed insurers' payments.";
    const MUSEUM: &str = "The city museum reopened its doors on Thursday after a two-year renovation, with a new wing \
        for maritime history and a rooftop garden that volunteers planted over the winter.";

    fn record(n: usize, title: &str, day: &str, text: &str) -> Record {
        let a = Analysis {
            dossier: "1",
            id: format!("d{n}"),
            url: None,
            title: Some(title.into()),
            authors: Vec::new(),
            outlet: Some(format!("Outlet {n}")),
            published: Some(day.into()),
            language: Some("en".into()),
            text: text.into(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            entities: Vec::new(),
            attributions: Vec::new(),
            times: Vec::new(),
            warnings: Vec::new(),
        };
        Record::new("test", &format!("{n} {text}"), &a)
    }

    /// Five articles: a levy story and its copy, two on clinics, a museum.
    pub(crate) fn corpus() -> Vec<Record> {
        let copy = format!("By Ana Lee, Lakeshore Press Association. {LEVY} The measure needs a simple majority.");
        vec![
            record(1, "Council puts transit levy on May ballot", "2025-03-04", LEVY),
            record(2, "Voters to decide rail levy", "2025-03-05", &copy),
            record(3, "Hospital system to close two rural clinics", "2025-03-04", CLINIC),
            record(4, "Rural clinics to close, hospital system says", "2025-03-04", CLINIC2),
            record(5, "Museum reopens with maritime wing", "2025-03-06", MUSEUM),
        ]
    }

    type Rows = (Vec<(i64, Vec<u8>, Option<i64>, Option<i64>, i64)>, Vec<(i64, i64)>, Vec<(i64, i64, String, f64, String)>);

    /// Articles (id, signature, copy group, story, linked), LSH rows and links.
    fn rows(path: &std::path::Path) -> Rows {
        let c = rusqlite::Connection::open(path).unwrap();
        let all = |sql: &str| -> Vec<Vec<rusqlite::types::Value>> {
            let mut st = c.prepare(sql).unwrap();
            let n = st.column_count();
            st.query_map([], |r| (0..n).map(|i| r.get(i)).collect()).unwrap().map(Result::unwrap).collect()
        };
        use rusqlite::types::Value as V;
        let int = |v: &V| if let V::Integer(i) = v { Some(*i) } else { None };
        let text = |v: &V| if let V::Text(t) = v { t.clone() } else { String::new() };
        let articles = all("SELECT id, shingles, dup_group, story, linked FROM articles ORDER BY id")
            .iter()
            .map(|r| (int(&r[0]).unwrap(), if let V::Blob(b) = &r[1] { b.clone() } else { Vec::new() }, int(&r[2]), int(&r[3]), int(&r[4]).unwrap()))
            .collect();
        let lsh = all("SELECT band_key, article FROM lsh ORDER BY band_key, article").iter().map(|r| (int(&r[0]).unwrap(), int(&r[1]).unwrap())).collect();
        let links = all("SELECT a, b, kind, score, reason FROM links ORDER BY a, b, kind")
            .iter()
            .map(|r| (int(&r[0]).unwrap(), int(&r[1]).unwrap(), text(&r[2]), if let V::Real(x) = r[3] { x } else { f64::NAN }, text(&r[4])))
            .collect();
        (articles, lsh, links)
    }

    /// A store written before schema 9 (signatures of 128 hash functions,
    /// their bands, and copy links decided with them, one of them wrongly by
    /// the new signatures' account and one missed) is migrated: the same
    /// signatures, bands, links and groups as a store made now from the same
    /// articles, and a new copy is found.
    #[test]
    fn stores_of_schema_8_are_signed_again_and_their_copies_decided_again() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.db");
        let old = dir.path().join("old.db");
        {
            let mut store = Store::open(fresh.to_str().unwrap()).unwrap();
            store.insert(&corpus()).unwrap();
            store.link().unwrap();
        }
        let now = rows(&fresh);
        let kinds: Vec<(i64, i64, &str)> = now.2.iter().map(|l| (l.0, l.1, l.2.as_str())).collect();
        assert!(kinds.contains(&(1, 2, "duplicate")) && !kinds.iter().any(|l| (l.0, l.1) == (3, 5)), "{kinds:?}");

        // The same store as an older build left it.
        std::fs::copy(&fresh, &old).unwrap();
        {
            let c = rusqlite::Connection::open(&old).unwrap();
            c.execute("DELETE FROM schema_migrations WHERE version > 8", []).unwrap();
            c.execute("DELETE FROM lsh", []).unwrap();
            let texts: Vec<(i64, String)> = c.prepare("SELECT id, text FROM articles").unwrap().query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
            for (id, text) in texts {
                let sig = dossier_corpus::fingerprint::legacy::shingle_signature(&text);
                c.execute("UPDATE articles SET shingles = ?1 WHERE id = ?2", rusqlite::params![sig.to_bytes(), id]).unwrap();
                let mut keys = sig.bands(BAND_ROWS);
                keys.sort_unstable();
                keys.dedup();
                for k in keys {
                    c.execute("INSERT INTO lsh (band_key, article) VALUES (?1, ?2)", rusqlite::params![k, id]).unwrap();
                }
            }
            // Scores of the old signatures; a copy missed and a false one.
            c.execute_batch(
                "UPDATE links SET score = 0.61, reason = 'copies of one text: 61% of their five-word runs are shared' WHERE kind = 'duplicate';
                 DELETE FROM links WHERE a = 1 AND b = 2;
                 INSERT INTO links (a, b, kind, score, reason) VALUES (3, 5, 'duplicate', 0.52, 'copies of one text: 52% of their five-word runs are shared');
                 UPDATE articles SET dup_group = id, story = id;
                 UPDATE articles SET dup_group = 3, story = 3 WHERE id = 5;",
            )
            .unwrap();
        }
        assert_ne!(rows(&old), now);
        let mut store = Store::open(old.to_str().unwrap()).unwrap();
        assert_eq!(store.schema_version().unwrap(), crate::schema::latest());
        drop(store);
        assert_eq!(rows(&old), now);
        let (articles, _, _) = rows(&old);
        for ((_, sig, ..), r) in articles.iter().zip(corpus()) {
            assert_eq!(MinHash::from_bytes(sig), r.fingerprint.shingles);
        }

        // A new copy of the levy story goes into the copy group of both.
        let late = record(6, "Levy heads to voters", "2025-03-09", &format!("{LEVY} Early voting starts in April."));
        for path in [&old, &fresh] {
            let mut store = Store::open(path.to_str().unwrap()).unwrap();
            assert_eq!(store.insert(std::slice::from_ref(&late)).unwrap(), vec![Inserted::New(6)]);
            store.link().unwrap();
        }
        let (after, ..) = rows(&old);
        assert_eq!(after[5].2, Some(1), "copy of the first published");
        assert_eq!(rows(&old), rows(&fresh));
    }
}
