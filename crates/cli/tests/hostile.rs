//! Hostile input: each case must give a clear error naming the input, or a sane
//! result, and quickly. The small inputs are committed under `tests/hostile/`;
//! the large ones (a 10 MB line, 100,000 nested `<div>`s, 100,000 "said") are
//! generated into a temporary directory. Every input the fuzzers found
//! (`fuzz/regressions/<target>/`) is replayed through `dossier analyze` too.
//!
//! Each run of the binary has a wall-clock guard of [`GUARD`]: that is a hang
//! guard for a debug build, not a performance assertion.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Longest a single run may take (debug build, shared machine).
const GUARD: Duration = Duration::from_secs(600);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn hostile(name: &str) -> String {
    root().join("tests/hostile").join(name).display().to_string()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

impl Run {
    /// Every JSON document on stdout.
    fn analyses(&self) -> Vec<Value> {
        serde_json::Deserializer::from_str(&self.stdout)
            .into_iter::<Value>()
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", &self.stdout[..self.stdout.len().min(2000)]))
    }

    /// The one analysis of a run that must succeed cleanly.
    fn one(&self) -> Value {
        assert_eq!(self.code, 0, "exit status, stderr: {}", self.stderr);
        let mut v = self.analyses();
        assert_eq!(v.len(), 1, "one analysis");
        v.pop().unwrap()
    }
}

/// Run `dossier ARGS…` (with `stdin` on standard input), killing it and
/// failing the test if it runs longer than [`GUARD`].
fn dossier_with(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dossier");
    let feeder = stdin.map(|b| {
        let mut pipe = child.stdin.take().unwrap();
        let b = b.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&b);
        })
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for dossier") {
            break status;
        }
        if start.elapsed() > GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dossier {args:?} still running after {GUARD:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    if let Some(f) = feeder {
        let _ = f.join();
    }
    let stdout = String::from_utf8(out_reader.join().unwrap()).expect("stdout is UTF-8");
    let stderr = String::from_utf8(err_reader.join().unwrap()).expect("stderr is UTF-8");
    let code = status.code().unwrap_or_else(|| panic!("dossier {args:?} killed by a signal ({status}); stderr: {stderr}"));
    assert!(!stderr.contains("internal error"), "dossier {args:?} panicked: {stderr}");
    assert!(code == 0 || code == 1, "dossier {args:?} exit status {code}; stderr: {stderr}");
    Run { code, stdout, stderr, took }
}

fn analyze(args: &[&str]) -> Run {
    let mut all = vec!["analyze", "--published", "2014-11-06"];
    all.extend_from_slice(args);
    dossier_with(&all, None)
}

/// The longest attribution content (or part) of an analysis, in code points.
fn longest_content(a: &Value) -> usize {
    a["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| std::iter::once(&x["content"]).chain(x["parts"].as_array().into_iter().flatten()))
        .filter(|s| s.is_object())
        .map(|s| (s["end"].as_u64().unwrap() - s["start"].as_u64().unwrap()) as usize)
        .max()
        .unwrap_or(0)
}

fn warnings(a: &Value) -> Vec<String> {
    a["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap().to_string()).collect()
}

// ---------------------------------------------------------------------------
// Small committed inputs
// ---------------------------------------------------------------------------

#[test]
fn empty_input_is_an_error_naming_it() {
    let path = hostile("empty.txt");
    let r = analyze(&[&path]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains(&format!("{path}: empty input")), "{}", r.stderr);
    // Standard input too.
    let r = dossier_with(&["analyze", "-"], Some(b""));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("<stdin>: empty input"), "{}", r.stderr);
}

#[test]
fn binary_input_is_an_error_naming_it() {
    let path = hostile("binary.bin");
    let r = analyze(&[&path]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!("{path}: binary data")), "{}", r.stderr);
}

#[test]
fn truncated_gzip_is_an_error_naming_it() {
    let path = hostile("truncated.html.gz");
    let r = analyze(&[&path]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains(&path) && r.stderr.to_lowercase().contains("gzip"), "{}", r.stderr);
}

#[test]
fn warc_cut_mid_record_keeps_the_whole_records_and_names_the_cut_one() {
    let path = hostile("cut-mid-record.warc");
    let r = analyze(&[&path]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = r.analyses();
    assert_eq!(v.len(), 1, "the complete page is analysed");
    assert_eq!(v[0]["url"], "https://example.com/ferry");
    assert!(v[0]["text"].as_str().unwrap().contains("ferry fares would rise"));
    assert!(r.stderr.contains(&format!("{path}@")) && r.stderr.contains("truncated"), "{}", r.stderr);
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let r = analyze(&[&hostile("invalid-utf8.txt")]);
    let a = r.one();
    assert!(a["text"].as_str().unwrap().contains("budget would pass"));
    assert!(!warnings(&a).is_empty(), "a warning about the decoding");
}

#[test]
fn billion_laughs_entities_are_not_expanded() {
    let r = analyze(&[&hostile("billion-laughs.html")]);
    let a = r.one();
    let text = a["text"].as_str().unwrap();
    // HTML has no entity definitions: `&lol9;` stays as it is written, it is
    // never expanded into 10^9 "lol"s.
    assert!(text.len() < 20_000, "text of {} bytes", text.len());
    assert!(text.contains("mayor said"), "{text}");
}

#[test]
fn quotes_never_closed_stay_short() {
    let r = analyze(&[&hostile("unclosed-quotes.txt")]);
    let a = r.one();
    let n = a["text"].as_str().unwrap().chars().count();
    let longest = longest_content(&a);
    assert!(longest < n / 2, "a quotation of {longest} of {n} code points");
}

// ---------------------------------------------------------------------------
// Large generated inputs
// ---------------------------------------------------------------------------

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn a_10_mb_single_line() {
    let dir = tempfile::tempdir().unwrap();
    // Words and quotation marks, no sentence end and no line break.
    let unit = "the council said “the levy would fund buses and ";
    let line = unit.repeat(10_000_000 / unit.len() + 1);
    let path = write(dir.path(), "line.txt", line.as_bytes());
    let r = analyze(&[&path]);
    let a = r.one();
    assert!(!a["text"].as_str().unwrap().is_empty());
    assert!(
        warnings(&a).iter().any(|w| w.contains("analysed only")),
        "a warning that the document was cut for analysis: {:?}",
        warnings(&a)
    );
    eprintln!("10 MB line: {:?}", r.took);

    // Over a smaller --max-size: refused, naming the input.
    let r = analyze(&["--max-size", "1M", &path]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&path) && r.stderr.contains("too large"), "{}", r.stderr);

    // The same line as one JSONL record: refused line by line, not read whole.
    let json = serde_json::json!({ "id": "big", "text": line }).to_string();
    let jpath = write(dir.path(), "line.jsonl", json.as_bytes());
    let r = analyze(&["--max-size", "1M", &jpath]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!("{jpath}:1")) && r.stderr.contains("too large"), "{}", r.stderr);
}

#[test]
fn one_hundred_thousand_nested_divs() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let mut html = String::from("<!doctype html><html><head><title>Nested</title></head><body>");
    html.push_str(&"<div>".repeat(n));
    html.push_str("<p>The harbor authority said on Monday that ferry fares would rise next month.</p>");
    html.push_str(&"</div>".repeat(n));
    html.push_str("</body></html>");
    let path = write(dir.path(), "nested.html", html.as_bytes());
    let r = analyze(&[&path]);
    let a = r.one();
    assert!(a["text"].as_str().unwrap().contains("ferry fares would rise"), "{}", a["text"]);
    eprintln!("100,000 nested divs: {:?}", r.took);

    // Never closed, and other elements nested as deep.
    let mut html = String::from("<html><body>");
    for i in 0..n {
        html.push_str(["<div>", "<span>", "<b>", "<table><tr><td>", "<ul><li>"][i % 5]);
    }
    html.push_str("The mayor said the bridge would reopen.");
    let path = write(dir.path(), "unclosed.html", html.as_bytes());
    let r = analyze(&[&path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    eprintln!("100,000 nested unclosed elements: {:?}", r.took);
}

#[test]
fn one_hundred_thousand_said_in_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "said.txt", "said ".repeat(100_000).as_bytes());
    let r = analyze(&[&path]);
    r.one();
    eprintln!("100,000 said: {:?}", r.took);

    let path = write(dir.path(), "he-said.txt", "He said. ".repeat(100_000).as_bytes());
    let r = analyze(&[&path]);
    r.one();
    eprintln!("100,000 'He said.': {:?}", r.took);

    let path = write(dir.path(), "quoted-said.txt", "“Yes,” he said, ".repeat(50_000).as_bytes());
    let r = analyze(&[&path]);
    r.one();
    eprintln!("50,000 quoted said: {:?}", r.took);
}

// ---------------------------------------------------------------------------
// What the fuzzers found
// ---------------------------------------------------------------------------

/// The same bytes as the fuzz target saw them, as a file `dossier analyze`
/// reads the same way where that can be arranged (a JSONL line for an HTML
/// body or a verbatim text).
fn as_target_input(target: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    match target {
        "html" => Some(serde_json::json!({ "id": "fuzz", "html": String::from_utf8_lossy(bytes) }).to_string().into_bytes()),
        "analyze" => {
            let (flag, rest) = bytes.split_first()?;
            let text = String::from_utf8_lossy(rest);
            if flag & 1 == 0 {
                Some(serde_json::json!({ "id": "fuzz", "text": text }).to_string().into_bytes())
            } else {
                Some(text.into_owned().into_bytes())
            }
        }
        "warc" => {
            let (flag, rest) = bytes.split_first()?;
            let mut b = if flag & 1 == 1 { b"WARC/1.0\r\n".to_vec() } else { Vec::new() };
            b.extend_from_slice(rest);
            Some(b)
        }
        _ => None,
    }
}

#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = root().join("fuzz/regressions");
    let Ok(targets) = fs::read_dir(&dir) else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut replayed = 0;
    for target in targets.flatten() {
        let name = target.file_name().to_string_lossy().to_string();
        let Ok(files) = fs::read_dir(target.path()) else { continue };
        for f in files.flatten() {
            let path = f.path();
            if !path.is_file() || path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            let bytes = fs::read(&path).unwrap();
            // Raw, as a file given on the command line…
            analyze(&[&path.display().to_string()]);
            // …and shaped as the target fed it.
            if let Some(shaped) = as_target_input(&name, &bytes) {
                let p = write(tmp.path(), &format!("{name}-{}", f.file_name().to_string_lossy()), &shaped);
                analyze(&[&p]);
            }
            replayed += 1;
        }
    }
    eprintln!("{replayed} fuzz regressions replayed");
}
