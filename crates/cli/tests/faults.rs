//! Faults and concurrency: ingest killed with SIGKILL at random points and
//! re-run, several ingest processes on one store, and the server answering
//! under load while an ingest writes. Against SQLite always and PostgreSQL
//! when `DOSSIER_TEST_PG` is set (see `common`).

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A small deterministic generator of delays (xorshift), so a failing run can be repeated.
struct Delays(u64);

impl Delays {
    fn next_ms(&mut self, max: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        20 + self.0 % max
    }
}

/// `dossier stats` with its integrity check: (articles, problems).
fn integrity(db: &Db) -> (i64, usize) {
    let s = json(&["stats", "--db", &db.url]);
    (s["stats"]["articles"].as_i64().unwrap(), s["problems"].as_array().unwrap().len())
}

#[test]
fn killed_at_twenty_random_points_then_rerun_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = many_articles(dir.path(), 400);
    for db in Db::all("kill") {
        let mut delays = Delays(0x5eed_1234_abcd_0001);
        let mut before = 0;
        for round in 0..20 {
            let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(["ingest", "--quiet", "--db", &db.url, input.to_str().unwrap()])
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(delays.next_ms(700)));
            let _ = child.kill(); // SIGKILL
            let _ = child.wait();
            let (n, problems) = integrity(&db);
            assert_eq!(problems, 0, "integrity after kill {round}");
            assert!(n >= before && n <= 400, "after kill {round}: {n} articles (was {before})");
            before = n;
        }
        let o = ingest(&db, &[input.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let (new, dup, failed) = summary(&o);
        assert_eq!((new + dup, failed), (400, 0));
        assert_eq!(integrity(&db), (400, 0), "each document exactly once");
    }
}

fn spawn_ingest(db: &Db, input: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(["ingest", "--quiet", "--db", &db.url, input]).stderr(Stdio::piped()).spawn().unwrap()
}

#[test]
fn concurrent_ingests_store_each_document_once() {
    let dir = tempfile::tempdir().unwrap();
    // Two processes on one SQLite file, four on one PostgreSQL database.
    for (db, processes) in Db::all("concurrent").into_iter().zip([2usize, 4]) {
        let n = 600 / processes;
        let sub = dir.path().join(processes.to_string());
        std::fs::create_dir_all(&sub).unwrap();
        let input = many_articles(&sub, n);
        let input = input.to_str().unwrap();
        let start = Instant::now();
        let children: Vec<_> = (0..processes).map(|_| spawn_ingest(&db, input)).collect();
        let outputs: Vec<_> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
        let mut stored = 0;
        for o in &outputs {
            assert!(o.status.success(), "no error reaches the user: {}", stderr(o));
            let (new, dup, failed) = summary(o);
            assert_eq!((new + dup, failed), (n, 0), "{}", stderr(o));
            stored += new;
        }
        assert_eq!(stored, n, "each document stored by exactly one process");
        assert_eq!(integrity(&db), (n as i64, 0));
        eprintln!("{processes} concurrent ingests of {n} articles into {} took {:?}", if db.pg.is_some() { "PostgreSQL" } else { "SQLite" }, start.elapsed());
    }
}

/// A free loopback port.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP/1.1 GET on loopback (connection closed after): the status code.
fn get(port: u16, path: &str) -> std::io::Result<u16> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let head = String::from_utf8_lossy(&buf[..buf.len().min(64)]).into_owned();
    head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).ok_or_else(|| std::io::Error::other(format!("bad response: {head:?}")))
}

/// Start `dossier serve` on a free loopback port and wait until it answers.
fn start_server(db: &Db, extra: &[&str]) -> (std::process::Child, u16) {
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let mut args = vec!["serve", "--db", db.url.as_str(), "--addr", addr.as_str()];
    args.extend_from_slice(extra);
    let server = Command::new(env!("CARGO_BIN_EXE_dossier")).args(&args).stderr(Stdio::null()).spawn().unwrap();
    let up = Instant::now();
    while get(port, "/api/v1/stats").is_err() {
        assert!(up.elapsed() < Duration::from_secs(30), "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, port)
}

#[test]
fn the_server_answers_every_request_while_an_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let input = many_articles(dir.path(), 300);
    for db in Db::all("serve") {
        let o = ingest(&db, &[&corpus()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let (mut server, port) = start_server(&db, &[]);
        let mut writer = spawn_ingest(&db, input.to_str().unwrap());
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let clients: Vec<_> = (0..4)
            .map(|i| {
                let done = done.clone();
                std::thread::spawn(move || {
                    let paths = ["/api/v1/search?q=harbor", "/api/v1/entities?name=Quill", "/api/v1/stories", "/api/v1/stats", "/", "/search?q=levy"];
                    let (mut ok, mut failed) = (0, Vec::new());
                    let mut k = i;
                    while !done.load(std::sync::atomic::Ordering::Relaxed) {
                        let path = paths[k % paths.len()];
                        match get(port, path) {
                            Ok(200) => ok += 1,
                            other => failed.push(format!("{path}: {other:?}")),
                        }
                        k += 1;
                    }
                    (ok, failed)
                })
            })
            .collect();
        let status = writer.wait().unwrap();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut total = 0;
        for c in clients {
            let (ok, failed) = c.join().unwrap();
            assert!(failed.is_empty(), "failed requests during ingest: {failed:?}");
            total += ok;
        }
        let _ = server.kill();
        let _ = server.wait();
        assert!(status.success());
        assert!(total > 0, "some requests were made");
        assert_eq!(integrity(&db), (314, 0), "no article lost: 14 samples + 300 new");
        eprintln!("{total} requests answered during the ingest");
    }
}

/// Send raw request bytes; the status code and the body.
fn raw(port: u16, request: &[u8]) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let _ = s.write_all(request);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let code = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (code, text)
}

#[test]
fn the_server_refuses_traversal_and_oversized_bodies() {
    let db = Db::sqlite();
    assert!(ingest(&db, &[&corpus()]).status.success());
    let (mut server, port) = start_server(&db, &["--max-analyze", "64K"]);
    for path in ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/article/..%2f..%2fCargo.toml", "/article/1/../../../etc/passwd"] {
        let (code, body) = raw(port, format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes());
        assert!(matches!(code, 400 | 404), "{path}: {code}");
        assert!(!body.contains("root:") && !body.contains("[workspace]"), "{path} leaked a file");
    }
    // A body over the limit is refused with 413, before the analysis.
    let big = "a ".repeat(100_000);
    let req = format!("POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{big}", big.len());
    assert_eq!(raw(port, req.as_bytes()).0, 413);
    // SQL-looking input is a value, not SQL.
    let (code, _) = raw(port, b"GET /api/v1/entities?name=x%27%3B%20DROP%20TABLE%20articles%3B%20-- HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(code, 200);
    let (code, _) = raw(port, b"GET /api/v1/search?q=%22%20OR%201%3D1%20-- HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(code, 200);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(integrity(&db), (14, 0), "the articles are all still there");
}
