//! Shared by the server's tests: a SQLite store of the sample corpus, the
//! server on an ephemeral loopback port, and a small HTTP/1.1 client.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dossier_document::Body;
use dossier_server::{App, Config};
use dossier_store::{Record, Store};

/// The running test server.
pub struct Server {
    /// `127.0.0.1:PORT`.
    pub addr: SocketAddr,
    /// Its store's path.
    pub db: String,
}

impl Server {
    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fill a store with documents, as `dossier ingest` does (one transaction), then group.
pub fn ingest(db: &str, inputs: &[String]) {
    let mut store = Store::open(db).expect("open store");
    let mut records = Vec::new();
    for input in dossier_input::expand(inputs) {
        let input = input.expect("readable input");
        for (origin, doc) in dossier_input::documents(&input, 50 << 20) {
            let doc = doc.expect("readable document");
            let a = dossier_analysis::analyze(&doc, &dossier_analysis::Options::default());
            let body = match &doc.body {
                Body::Html(s) | Body::Text(s) | Body::VerbatimText(s) => s.clone(),
            };
            records.push(Record::new(&origin.to_string(), &body, &a));
        }
    }
    store.insert(&records).expect("insert");
    store.link().expect("link");
}

/// Start a server on `db` on an ephemeral loopback port, in a thread of its own.
pub fn start(db: &str, config: Config) -> SocketAddr {
    let app = App::open(db, config).expect("open app");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            dossier_server::serve(listener, app, std::future::pending()).await.unwrap();
        });
    });
    rx.recv().expect("server started")
}

/// The sample corpus in a store, served; built once per test binary.
pub fn server() -> &'static Server {
    static S: OnceLock<Server> = OnceLock::new();
    S.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir").keep();
        let db = dir.join("corpus.db").display().to_string();
        ingest(&db, &[repo_root().join("samples/corpus").display().to_string()]);
        let addr = start(&db, Config { max_analyze: 1 << 20, ..Config::default() });
        Server { addr, db }
    })
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One request over a fresh connection (`Connection: close`).
pub fn request(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(60))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // A server may answer (413) before reading the whole body and close.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked")) {
        body = unchunk(&body);
    }
    Answer { status, headers, body }
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(nl) = b.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(String::from_utf8_lossy(&b[..nl]).split(';').next().unwrap().trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + n]);
        b = &b[nl + 2 + n + 2..];
    }
    out
}

pub fn get(path: &str) -> Answer {
    request(server().addr, "GET", path, &[], b"")
}

pub fn get_json(path: &str) -> serde_json::Value {
    let a = get(path);
    assert_eq!(a.status, 200, "GET {path}: {}", a.text());
    assert!(a.header("content-type").unwrap_or("").starts_with("application/json"), "GET {path}: {:?}", a.header("content-type"));
    a.json()
}

/// The stored articles, all of them.
pub fn articles() -> Vec<serde_json::Value> {
    get_json("/api/v1/articles?limit=100")["items"].as_array().unwrap().clone()
}

/// The stored article with this headline.
pub fn article_titled(title: &str) -> serde_json::Value {
    articles().into_iter().find(|a| a["title"] == title).unwrap_or_else(|| panic!("no article titled {title:?}"))
}
