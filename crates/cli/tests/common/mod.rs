//! Helpers shared by the corpus and fault tests: running the binary, stores
//! for one test (a SQLite file, or a fresh PostgreSQL database when
//! `DOSSIER_TEST_PG` names a server whose user may create databases; with
//! `DOSSIER_REQUIRE_PG=1` a missing server fails the test), and generated
//! articles.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};


use serde_json::Value;

pub fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/corpus").display().to_string()
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).env_remove("DOSSIER_DB").output().expect("run dossier")
}

pub fn json(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.push("--json");
    let o = run(&a);
    assert!(o.status.success(), "{:?} failed: {}", args, String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A store for one test: a SQLite file in a temporary directory, or a fresh
/// PostgreSQL database dropped at the end.
pub struct Db {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pub pg: Option<(String, String)>,
}

impl Db {
    pub fn sqlite() -> Db {
        let dir = tempfile::tempdir().unwrap();
        Db { url: dir.path().join("store.db").display().to_string(), _dir: Some(dir), pg: None }
    }

    /// A fresh PostgreSQL database, or `None` (with a note) when no server is configured.
    pub fn postgres(name: &str) -> Option<Db> {
        let Ok(admin) = std::env::var("DOSSIER_TEST_PG") else {
            assert!(std::env::var("DOSSIER_REQUIRE_PG").is_err(), "DOSSIER_REQUIRE_PG is set but DOSSIER_TEST_PG is not");
            eprintln!("note: DOSSIER_TEST_PG not set: PostgreSQL part of {name} skipped");
            return None;
        };
        let db = format!("dossier_test_{name}_{}", std::process::id());
        let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("connect to DOSSIER_TEST_PG");
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {db}")).unwrap();
        c.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
        let base = admin.rsplit_once('/').map(|(b, _)| b.to_string()).unwrap_or(admin.clone());
        Some(Db { url: format!("{base}/{db}"), _dir: None, pg: Some((admin, db)) })
    }

    pub fn all(name: &str) -> Vec<Db> {
        let mut v = vec![Db::sqlite()];
        v.extend(Db::postgres(name));
        v
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Some((admin, db)) = &self.pg {
            if let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
            }
        }
    }
}

pub fn ingest(db: &Db, inputs: &[&str]) -> Output {
    let mut a = vec!["ingest", "--quiet", "--db", &db.url];
    a.extend_from_slice(inputs);
    run(&a)
}

/// The summary numbers of an ingest: (ingested, duplicates, failed).
pub fn summary(o: &Output) -> (usize, usize, usize) {
    let e = stderr(o);
    let line = e.lines().find(|l| l.contains(" ingested, ")).unwrap_or_else(|| panic!("no summary in {e}"));
    let nums: Vec<usize> = line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).take(3).map(|s| s.parse().unwrap()).collect();
    (nums[0], nums[1], nums[2])
}

/// `n` small distinct articles as JSONL lines in one file.
pub fn many_articles(dir: &Path, n: usize) -> PathBuf {
    let mut s = String::new();
    for i in 0..n {
        let line = serde_json::json!({
            "id": format!("doc-{i}"),
            "text": format!("Harbor board approves plan number {i}\n\nThe harbor board voted {i} to {} on Tuesday to approve plan {i}, the chair, Mara Quill, said. \
                \"We have waited {i} years for this,\" Quill said. Opponents said plan {i} would cost more than promised.", i % 7),
            "published": "2025-03-04",
        });
        s.push_str(&line.to_string());
        s.push('\n');
    }
    let p = dir.join("many.jsonl");
    std::fs::write(&p, s).unwrap();
    p
}

pub fn count(db: &Db) -> i64 {
    json(&["stats", "--db", &db.url])["stats"]["articles"].as_i64().unwrap()
}

