//! Integration tests of the `dossier` binary: the samples under `samples/`,
//! output formats, input kinds (directories, standard input, gzip, JSONL) and
//! the handling of bad input (exit codes, one message per failed input).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

fn sample(name: &str) -> String {
    samples().join(name).display().to_string()
}

fn dossier() -> Command {
    Command::cargo_bin("dossier").expect("the dossier binary")
}

/// Run `dossier analyze ARGS…` and return its output.
fn analyze<S: AsRef<str>>(args: &[S]) -> Output {
    let mut cmd = dossier();
    cmd.arg("analyze");
    for a in args {
        cmd.arg(a.as_ref());
    }
    cmd.output().expect("run dossier")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// Every JSON value on stdout (pretty JSON documents one after the other, or JSONL).
fn analyses(o: &Output) -> Vec<Value> {
    let out = stdout(o);
    serde_json::Deserializer::from_str(&out)
        .into_iter::<Value>()
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{out}"))
}

/// Run on one input that must succeed cleanly and return its analysis.
fn analyze_one<S: AsRef<str>>(args: &[S]) -> Value {
    let o = analyze(args);
    assert_eq!(code(&o), 0, "exit code; stderr:\n{}", stderr(&o));
    let mut v = analyses(&o);
    assert_eq!(v.len(), 1, "one analysis expected");
    let a = v.pop().unwrap();
    check_contract(&a);
    a
}

fn s<'a>(a: &'a Value, key: &str) -> Option<&'a str> {
    a[key].as_str()
}

fn text(a: &Value) -> &str {
    a["text"].as_str().expect("\"text\" is a string")
}

fn authors(a: &Value) -> Vec<String> {
    a["authors"].as_array().expect("authors").iter().map(|v| v.as_str().expect("author string").to_string()).collect()
}

/// The text each paragraph range selects (code points, end exclusive).
fn paragraph_texts(a: &Value) -> Vec<String> {
    let t = text(a);
    a["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| {
            let start = p["start"].as_u64().unwrap() as usize;
            let end = p["end"].as_u64().unwrap() as usize;
            t.chars().skip(start).take(end - start).collect()
        })
        .collect()
}

fn removed_reasons(a: &Value) -> Vec<String> {
    a["removed"].as_array().expect("removed").iter().map(|r| r["reason"].as_str().unwrap().to_string()).collect()
}

/// What every analysis must satisfy: contract version, field types, and
/// paragraph offsets (Unicode code points, end exclusive) that select
/// non-empty, trimmed, non-overlapping pieces of `text` in order.
fn check_contract(a: &Value) {
    assert_eq!(a["dossier"], "1", "contract version");
    assert!(a["id"].is_string(), "id");
    for k in ["entities", "attributions", "times", "warnings", "removed", "authors", "paragraphs"] {
        assert!(a[k].is_array(), "{k} is an array");
    }
    let t = text(a);
    let n = t.chars().count();
    let mut prev_end = 0;
    for (i, p) in a["paragraphs"].as_array().unwrap().iter().enumerate() {
        let start = p["start"].as_u64().expect("start") as usize;
        let end = p["end"].as_u64().expect("end") as usize;
        assert!(start < end, "paragraph {i} is empty: {start}..{end}");
        assert!(end <= n, "paragraph {i} ends at {end}, past the text ({n} code points)");
        assert!(i == 0 || start > prev_end, "paragraph {i} overlaps the previous one");
        prev_end = end;
    }
    for (i, p) in paragraph_texts(a).iter().enumerate() {
        assert!(!p.trim().is_empty(), "paragraph {i} is blank");
        assert_eq!(p.trim(), p, "paragraph {i} is not trimmed: {p:?}");
    }
}

/// No page-furniture line left as a line of the clean text.
fn assert_no_furniture_lines(a: &Value) {
    for line in text(a).lines() {
        let l = line.trim();
        let lower = l.to_lowercase();
        assert!(
            !(l == "Advertisement" || l == "Share" || lower.starts_with("read more") || l.starts_with("Photo:")),
            "furniture left in text: {l:?}"
        );
    }
}

/// The blocks of a scraped text file that are prose (one long line, not a
/// caption): what the clean text must consist of.
fn prose_blocks(raw: &str) -> Vec<String> {
    raw.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.contains('\n') && b.split_whitespace().count() >= 25 && !b.starts_with("Photo:"))
        .map(str::to_string)
        .collect()
}

/// The `<p>` elements inside `<div class="story-body">` of the council page:
/// the article's real paragraphs (they hold no inner tags).
fn story_body_paragraphs(html: &str) -> Vec<String> {
    let start = html.find(r#"<div class="story-body">"#).expect("story body");
    let end = start + html[start..].find("<aside").expect("aside after the body");
    let body = &html[start..end];
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("<p>") {
        let j = rest[i..].find("</p>").expect("closing </p>") + i;
        out.push(rest[i + 3..j].to_string());
        rest = &rest[j + 4..];
    }
    out
}

/// stderr lines that are not warnings.
fn error_lines(o: &Output) -> Vec<String> {
    stderr(o).lines().filter(|l| !l.contains(": warning: ")).map(str::to_string).collect()
}

/// A short article, well under 1 KiB, to sit beside bad inputs.
const GOOD_TEXT: &str = "Library reopens after flood repairs\n\n\
The Dunmore Public Library reopened on Saturday after three months of repairs, \
director Alma Reyes said, adding that the children's room would follow next week.\n\n\
\"We lost about two thousand books, but not our readers,\" Reyes said. \
The city council approved the repair money in February, according to meeting minutes.\n";

fn write_good(dir: &Path) -> String {
    let p = dir.join("good.txt");
    fs::write(&p, GOOD_TEXT).unwrap();
    p.display().to_string()
}

/// One bad input beside a good one: exit 1, exactly one error line naming the
/// bad input (`dossier: NAME: …`) plus the summary, and the good one printed.
fn assert_one_failure(o: &Output, name: &str, good: &str) -> String {
    assert_eq!(code(o), 1, "exit code; stderr:\n{}", stderr(o));
    let errs = error_lines(o);
    assert_eq!(errs.len(), 2, "one error line and the summary expected:\n{}", stderr(o));
    let prefix = format!("dossier: {name}: ");
    assert!(errs[0].starts_with(&prefix), "error line {:?} does not start with {prefix:?}", errs[0]);
    assert!(errs[0].len() > prefix.len() + 5, "error message is empty: {:?}", errs[0]);
    assert_eq!(errs[1], "dossier: 1 analysed, 1 failed");
    let out = analyses(o);
    assert_eq!(out.len(), 1, "the good input is still printed");
    check_contract(&out[0]);
    assert_eq!(s(&out[0], "id"), Some(good));
    assert!(text(&out[0]).contains("reopened on Saturday after three months of repairs"));
    errs[0][prefix.len()..].to_string()
}

// ---------------------------------------------------------------------------
// The samples
// ---------------------------------------------------------------------------

#[test]
fn harbor_bridge_scraped_text() {
    let path = sample("harbor-bridge.txt");
    let raw = fs::read_to_string(&path).unwrap();
    let a = analyze_one(&[&path]);
    assert_eq!(s(&a, "id"), Some(path.as_str()));
    assert_eq!(s(&a, "title"), Some("Harbor Street Bridge to close for six months as repair costs climb"));
    assert_eq!(authors(&a), ["Daniel Whitcombe", "Priya Nandakumar"]);
    assert_eq!(s(&a, "published"), Some("2024-03-12"));
    assert_eq!(s(&a, "language"), Some("en"));
    assert_no_furniture_lines(&a);

    // The clean text is exactly the prose paragraphs, in order.
    let expected = prose_blocks(&raw);
    assert_eq!(expected.len(), 9, "the sample has 9 prose paragraphs");
    assert_eq!(paragraph_texts(&a), expected);
    assert_eq!(text(&a), expected.join("\n\n"));

    let t = text(&a);
    for sentence in [
        "Maria Okafor, the city's transportation commissioner, said the closure was \"the only responsible choice\"",
        "Two officials familiar with the plan said",
        "Brennan & Kole Construction, the firm that won the repair contract in January, declined to comment.",
        "Inspectors recommended that work begin before the March 3 deadline",
        "Mayor Ruth Abernathy said in a statement on Wednesday.",
    ] {
        assert!(t.contains(sentence), "missing: {sentence}");
    }
    for furniture in [
        "Harbor Street Bridge to close for six months",
        "By Daniel Whitcombe",
        "Published March 12",
        "Eastshore ferry service to add weekend sailings",
        "Crews inspect the underside",
        "More headlines",
        "Storm knocks out power",
        "Library renovation wins state design award",
    ] {
        assert!(!t.contains(furniture), "furniture left in text: {furniture}");
    }

    let reasons = removed_reasons(&a);
    let count = |r: &str| reasons.iter().filter(|x| *x == r).count();
    assert_eq!(count("advertisement"), 3, "{reasons:?}");
    assert_eq!(count("social"), 2, "{reasons:?}");
    assert_eq!(count("title"), 1, "{reasons:?}");
    assert_eq!(count("byline"), 1, "{reasons:?}");
    assert_eq!(count("page_meta"), 1, "{reasons:?}");
    assert_eq!(count("read_more"), 1, "{reasons:?}");
    assert_eq!(count("caption"), 1, "{reasons:?}");
    assert_eq!(count("more_headlines"), 5, "{reasons:?}");
}

#[test]
fn council_vote_html_page() {
    let path = sample("council-vote.html");
    let html = fs::read_to_string(&path).unwrap();
    let o = analyze(&[&path]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warnings expected for a well-formed page");
    let a = analyses(&o).pop().unwrap();
    check_contract(&a);
    assert_eq!(s(&a, "title"), Some("Council approves Millbrook rail depot after late-night vote"));
    assert_eq!(authors(&a), ["Helena Voss", "Marcus Oduya"]);
    assert_eq!(s(&a, "outlet"), Some("The Tessaly Courier"));
    assert_eq!(s(&a, "published"), Some("2023-10-18T07:45:00-04:00"));
    assert_eq!(s(&a, "url"), Some("https://www.tessalycourier.example/news/2023/10/18/council-approves-millbrook-rail-depot/"));
    assert_eq!(s(&a, "language"), Some("en"));
    assert_no_furniture_lines(&a);

    // The clean text is exactly the story's paragraphs: no caption, byline,
    // related links, share bar, newsletter box or footer.
    let expected = story_body_paragraphs(&html);
    assert_eq!(expected.len(), 10);
    assert_eq!(paragraph_texts(&a), expected);
    assert_eq!(text(&a), expected.join("\n\n"));

    let t = text(&a);
    assert!(t.starts_with("The Tessaly City Council voted 6–3 shortly before midnight on Tuesday"), "{t}");
    assert!(t.ends_with("according to the meeting agenda."), "{t}");
    for sentence in [
        "“This is the single largest investment in our transit system in a generation,” said Council President Adaeze Whitford",
        "I am not dismissing them — but a depot has to go somewhere.”",
        "many wearing green “Save Millbrook” buttons",
        "Officials familiar with the negotiations said",
        "He declined to comment on the possibility of a lawsuit.",
        "before the Dec. 1 deadline set by the state",
    ] {
        assert!(t.contains(sentence), "missing: {sentence}");
    }
    for furniture in [
        "Skip to main content",
        "Obituaries",
        "Search the Courier",
        "Local News",
        "Millbrook residents rally against depot plan",
        "Transit authority orders 40 electric trains",
        "Share this article",
        "Copy link",
        "Sign up for our newsletter",
        "The Morning Courier",
        "Privacy policy",
        "All rights reserved",
        "©",
        "cookies",
        "gtag",
        "By Helena Voss",
        "7:45 a.m.",
        "The vacant rail yard on Ferris Avenue",
        "Jonah Pellerin",
    ] {
        assert!(!t.contains(furniture), "furniture left in text: {furniture}");
    }
}

#[test]
fn latin1_page_is_decoded() {
    let path = sample("wire-latin1.html");
    let bytes = fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the sample must really be latin-1 bytes, not UTF-8");
    assert!(bytes.windows(4).any(|w| w == b"caf\xe9"), "café as a single 0xE9 byte");

    let o = analyze(&[&path]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "a declared charset needs no warning");
    let a = analyses(&o).pop().unwrap();
    check_contract(&a);
    let t = text(&a);
    assert!(t.contains("café"), "{t}");
    assert!(t.contains("the Zürich café chain known for its cardamom buns"), "{t}");
    assert!(t.contains("“It would be naïve to pretend the numbers still work,” said Corinne Wälti"), "{t}");
    assert!(t.contains("ZÜRICH, May 9 (Meridian Wire) — Kaffeehaus Adler"), "{t}");
    assert!(!t.contains('\u{fffd}') && !t.contains("Ã"), "mojibake: {t}");
    assert_eq!(s(&a, "title"), Some("Zürich café chain pauses expansion plans"));
    assert_eq!(authors(&a), ["Lukas Brändli"]);
    assert_eq!(s(&a, "outlet"), Some("Meridian Wire"));
    assert_eq!(s(&a, "published"), Some("2022-05-09T14:20:00+02:00"));
    assert_eq!(paragraph_texts(&a).len(), 5);
    assert!(paragraph_texts(&a)[4].ends_with("employs about 900 people."));
    for furniture in ["By Lukas", "©", "All rights reserved", "Business |"] {
        assert!(!t.contains(furniture), "furniture left in text: {furniture}");
    }
}

#[test]
fn feed_jsonl_sample() {
    let path = sample("feed.jsonl");
    let input: Vec<Value> =
        fs::read_to_string(&path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(input.len(), 3);

    let o = analyze(&["--format", "jsonl", &path]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "one output line per input line:\n{out}");
    let a: Vec<Value> = lines.iter().map(|l| serde_json::from_str(l).expect("each line is a JSON object")).collect();
    for x in &a {
        check_contract(x);
    }
    let ids: Vec<_> = a.iter().map(|x| s(x, "id").unwrap()).collect();
    assert_eq!(ids, ["feed-001", "feed-002", "feed-003"]);

    // "text" lines are analysed verbatim: the output text is the input string.
    for (i, x) in [(0, &a[0]), (2, &a[2])] {
        assert_eq!(text(x), input[i]["text"].as_str().unwrap(), "verbatim text of line {}", i + 1);
        assert!(x["removed"].as_array().unwrap().is_empty());
        let want: Vec<&str> = input[i]["text"].as_str().unwrap().split("\n\n").collect();
        assert_eq!(paragraph_texts(x), want, "paragraphs of line {}", i + 1);
    }
    assert_eq!(s(&a[0], "published"), Some("2021-02-16"));
    assert!(text(&a[0]).contains("“We owe families more time to weigh in,” Pruitt said."));
    assert_eq!(s(&a[2], "title"), Some("Port Alderny ferry fares to rise in June"));

    // "html" line: extracted, with the url echoed.
    let h = &a[1];
    assert_eq!(s(h, "url"), Some("https://www.riverbendpost.example/2020/07/22/library-hours/"));
    assert_eq!(s(h, "title"), Some("Riverbend library to restore Sunday hours"));
    assert_eq!(s(h, "outlet"), Some("Riverbend Post"));
    let t = text(h);
    assert!(t.starts_with("The Riverbend Public Library will reopen on Sundays starting in September"), "{t}");
    assert!(t.contains("The mayor’s office declined to comment."));
    assert!(t.ends_with("ahead of the August 31 deadline for fall staffing plans."), "{t}");
    assert_eq!(paragraph_texts(h).len(), 4);
    assert_no_furniture_lines(h);
    for furniture in ["Home", "Local", "© 2020", "By Tomasz"] {
        assert!(!t.contains(furniture), "furniture left in text: {furniture}");
    }

    // The default format prints the same documents as pretty JSON.
    let pretty = analyses(&analyze(&[&path]));
    assert_eq!(pretty, a);
}

#[test]
fn the_samples_directory_analyses_cleanly() {
    let o = analyze(&["--format", "jsonl", &samples().display().to_string()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o);
    let ids: Vec<String> = a.iter().map(|x| s(x, "id").unwrap().to_string()).collect();
    for want in ["council-vote.html", "harbor-bridge.txt", "wire-latin1.html", "README.md"] {
        assert!(ids.iter().any(|id| id.ends_with(want)), "{want} not analysed: {ids:?}");
    }
    for want in ["feed-001", "feed-002", "feed-003"] {
        assert!(ids.iter().any(|id| id == want), "{want} not analysed: {ids:?}");
    }
    for x in &a {
        check_contract(x);
    }
}

// ---------------------------------------------------------------------------
// Output formats and input kinds
// ---------------------------------------------------------------------------

#[test]
fn format_text_prints_a_summary() {
    let o = analyze(&["--format", "text", &sample("harbor-bridge.txt")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.trim_start().starts_with('{'), "not JSON:\n{out}");
    assert!(out.contains("Title:      Harbor Street Bridge to close for six months as repair costs climb"), "{out}");
    assert!(out.contains("Authors:    Daniel Whitcombe, Priya Nandakumar"), "{out}");
    assert!(out.contains("Published:  2024-03-12"), "{out}");
    assert!(out.contains("Body:       9 paragraphs"), "{out}");
    assert!(out.contains("The Harbor Street Bridge, the main link"), "{out}");
    assert!(!out.contains("\nAdvertisement\n"), "{out}");
    // A quotation the source interrupts is shown as its parts, without the cue.
    assert!(out.contains("she (Maria Okafor) — said (direct, person): \"It will be inconvenient, and I am sorry for that,\" … \"But when"), "{out}");
    assert!(out.contains("spokeswoman for the company (group) [Brennan & Kole Construction]"), "{out}");
}

#[test]
fn format_jsonl_prints_one_line_per_document() {
    let inputs = [sample("harbor-bridge.txt"), sample("council-vote.html"), sample("wire-latin1.html"), sample("feed.jsonl")];
    let mut args = vec!["--format".to_string(), "jsonl".to_string()];
    args.extend(inputs.iter().cloned());
    let o = analyze(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    let ids: Vec<String> =
        lines.iter().map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, [inputs[0].as_str(), &inputs[1], &inputs[2], "feed-001", "feed-002", "feed-003"]);
}

#[test]
fn directories_are_walked_recursively() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a/deeper")).unwrap();
    fs::create_dir_all(dir.path().join(".hidden")).unwrap();
    fs::copy(samples().join("harbor-bridge.txt"), dir.path().join("a/deeper/harbor.txt")).unwrap();
    fs::copy(samples().join("council-vote.html"), dir.path().join("a/council.html")).unwrap();
    fs::copy(samples().join("wire-latin1.html"), dir.path().join("wire.html")).unwrap();
    fs::copy(samples().join("harbor-bridge.txt"), dir.path().join(".hidden/skipped.txt")).unwrap();

    let o = analyze(&["--format", "jsonl", &dir.path().display().to_string()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o);
    let ids: Vec<String> = a.iter().map(|x| s(x, "id").unwrap().to_string()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    let root = dir.path().display().to_string();
    for (id, rel) in ids.iter().zip(["a/council.html", "a/deeper/harbor.txt", "wire.html"]) {
        assert!(id.starts_with(&root) && id.ends_with(rel), "{id} is not {rel}");
    }
    assert_eq!(s(&a[0], "outlet"), Some("The Tessaly Courier"));
    assert_eq!(s(&a[1], "title"), Some("Harbor Street Bridge to close for six months as repair costs climb"));
    assert!(text(&a[2]).contains("café"));
}

#[test]
fn dash_reads_standard_input() {
    let raw = fs::read_to_string(samples().join("harbor-bridge.txt")).unwrap();
    let o = dossier().args(["analyze", "-"]).write_stdin(raw).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o).pop().unwrap();
    check_contract(&a);
    assert_eq!(s(&a, "id"), Some("<stdin>"));
    assert_eq!(s(&a, "title"), Some("Harbor Street Bridge to close for six months as repair costs climb"));
    assert_eq!(paragraph_texts(&a).len(), 9);

    // JSONL on standard input: lines are named `<stdin>:N` when they have no id.
    let jsonl = "{\"text\": \"The harbor master said on Friday that the port would stay open.\"}\n";
    let o = dossier().args(["analyze", "--format", "jsonl", "-"]).write_stdin(jsonl).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o).pop().unwrap();
    assert_eq!(s(&a, "id"), Some("<stdin>:1"));
    assert_eq!(text(&a), "The harbor master said on Friday that the port would stay open.");
}

#[test]
fn gzip_compressed_html_is_opened() {
    use flate2::{write::GzEncoder, Compression};
    let dir = tempfile::tempdir().unwrap();
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(&fs::read(samples().join("council-vote.html")).unwrap()).unwrap();
    let gz = e.finish().unwrap();
    let path = dir.path().join("council.html.gz");
    fs::write(&path, &gz).unwrap();

    let a = analyze_one(&[path.display().to_string()]);
    let plain = analyze_one(&[sample("council-vote.html")]);
    assert_eq!(s(&a, "title"), Some("Council approves Millbrook rail depot after late-night vote"));
    assert_eq!(s(&a, "outlet"), Some("The Tessaly Courier"));
    assert_eq!(text(&a), text(&plain));
    assert_eq!(a["paragraphs"], plain["paragraphs"]);
}

#[test]
fn script_content_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = r#"<!doctype html><html><head><title>Pier fire damages bait shop | Coastline Daily</title>
<script>var tracker = "TRACKER-HEAD-123";</script></head>
<body><article><h1>Pier fire damages bait shop</h1>
<p>A fire broke out early on Sunday at a bait shop on the Wexley pier, fire chief Owen Marsh said, adding that nobody was hurt and the pier would reopen within days.</p>
<script>alert(1)</script>
<p>The shop's owner, Delia Frost, said she would rebuild. "Forty years on this pier is not going to end like this," she said, according to a statement from the harbor office.</p>
<noscript>Please enable JavaScript to see comments.</noscript>
<style>.x { color: red }</style>
<p>Investigators have not determined the cause, officials familiar with the inquiry said, and a report is due next month.</p>
</article></body></html>"#;
    let path = dir.path().join("pier.html");
    fs::write(&path, html).unwrap();
    let a = analyze_one(&[path.display().to_string()]);
    let t = text(&a);
    assert!(!t.contains("alert(1)"), "script in text: {t}");
    assert!(!t.contains("alert"), "script in text: {t}");
    assert!(!t.contains("TRACKER-HEAD"), "script in text: {t}");
    assert!(!t.contains("color: red"), "style in text: {t}");
    assert!(t.contains("fire chief Owen Marsh said"), "{t}");
    assert!(t.contains("Forty years on this pier is not going to end like this"), "{t}");
    assert!(t.contains("a report is due next month."), "{t}");

    // The same through a JSONL "html" field.
    let line = serde_json::json!({"id": "pier", "html": html}).to_string();
    let o = dossier().args(["analyze", "--format", "jsonl", "-"]).write_stdin(line).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o).pop().unwrap();
    assert_eq!(s(&a, "id"), Some("pier"));
    assert!(!text(&a).contains("alert"), "script in text: {}", text(&a));
    assert!(text(&a).contains("fire chief Owen Marsh said"));
}

// ---------------------------------------------------------------------------
// --published and usage errors
// ---------------------------------------------------------------------------

#[test]
fn published_option_overrides_every_document() {
    let o = analyze(&[
        "--published",
        "2014-11-06",
        "--format",
        "jsonl",
        &sample("council-vote.html"),
        &sample("harbor-bridge.txt"),
        &sample("feed.jsonl"),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o);
    assert_eq!(a.len(), 5);
    for x in &a {
        assert_eq!(s(x, "published"), Some("2014-11-06"), "{}", s(x, "id").unwrap());
    }
    // Other forms are normalised.
    let a = analyze_one(&["--published", "November 6, 2014", &sample("harbor-bridge.txt")]);
    assert_eq!(s(&a, "published"), Some("2014-11-06"));
}

#[test]
fn bad_published_value_is_a_usage_error() {
    for bad in ["not-a-date", "2014-13-45", ""] {
        let o = analyze(&["--published", bad, &sample("harbor-bridge.txt")]);
        assert_eq!(code(&o), 2, "--published {bad:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
        assert!(stderr(&o).contains("--published"), "{}", stderr(&o));
    }
}

#[test]
fn usage_errors_exit_2() {
    let o = analyze::<&str>(&[]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).to_lowercase().contains("input"), "{}", stderr(&o));

    let o = analyze(&["--format", "xml", &sample("harbor-bridge.txt")]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = analyze(&["--max-size", "lots", &sample("harbor-bridge.txt")]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = dossier().output().unwrap();
    assert_eq!(code(&o), 2);
}

// ---------------------------------------------------------------------------
// Bad input: exit 1, one message naming the input, the others still printed
// ---------------------------------------------------------------------------

#[test]
fn empty_file_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let bad = dir.path().join("empty.txt");
    fs::write(&bad, "").unwrap();
    let bad = bad.display().to_string();
    let msg = assert_one_failure(&analyze(&[&bad, &good]), &bad, &good);
    assert!(msg.contains("empty"), "{msg}");

    // White space only counts as empty too.
    fs::write(&bad, " \n\n\t \n").unwrap();
    let msg = assert_one_failure(&analyze(&[&good, &bad]), &bad, &good);
    assert!(msg.contains("empty"), "{msg}");
}

#[test]
fn binary_junk_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let bad = dir.path().join("picture.html");
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    png.extend_from_slice(&[0u8; 512]);
    fs::write(&bad, png).unwrap();
    let bad = bad.display().to_string();
    let msg = assert_one_failure(&analyze(&[&bad, &good]), &bad, &good);
    assert!(msg.contains("binary"), "{msg}");
}

#[test]
fn oversized_file_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    assert!(GOOD_TEXT.len() < 1024);
    let bad = dir.path().join("big.txt");
    fs::write(&bad, "The council met again on Tuesday. ".repeat(100)).unwrap();
    let bad = bad.display().to_string();
    let msg = assert_one_failure(&analyze(&["--max-size", "1K", &good, &bad]), &bad, &good);
    assert!(msg.contains("too large"), "{msg}");
    assert!(msg.contains("--max-size"), "{msg}");

    // The limit applies after decompression too.
    use flate2::{write::GzEncoder, Compression};
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    e.write_all("The council met again on Tuesday. ".repeat(200).as_bytes()).unwrap();
    let gz = e.finish().unwrap();
    assert!(gz.len() < 1024, "compressed size {}", gz.len());
    let bomb = dir.path().join("big.txt.gz");
    fs::write(&bomb, gz).unwrap();
    let bomb = bomb.display().to_string();
    let msg = assert_one_failure(&analyze(&["--max-size", "1K", &good, &bomb]), &bomb, &good);
    assert!(msg.contains("too large"), "{msg}");
}

#[test]
fn malformed_jsonl_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    let lines = [
        r#"{"id": "ok-1", "text": "The mayor said on Monday that the bridge would reopen."}"#,
        r#"{"id": "broken", "text": "unterminated"#,
        r#"{"id": "ok-3", "html": "<p>Officials familiar with the plan said it would be delayed.</p><p>The council declined to comment.</p>"}"#,
        r#"{"id": "no-body", "url": "https://example.org/x"}"#,
        r#"{"id": "ok-5", "text": "Councilwoman Ada Brandt said the vote would be held next month."}"#,
    ];
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let name = path.display().to_string();
    let o = analyze(&["--format", "jsonl", &name]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let errs = error_lines(&o);
    assert_eq!(errs.len(), 3, "{}", stderr(&o));
    assert!(errs[0].starts_with(&format!("dossier: {name}:2: malformed JSONL line")), "{}", errs[0]);
    assert!(errs[1].starts_with(&format!("dossier: {name}:4: malformed JSONL line")), "{}", errs[1]);
    assert_eq!(errs[2], "dossier: 3 analysed, 2 failed");
    let a = analyses(&o);
    let ids: Vec<_> = a.iter().map(|x| s(x, "id").unwrap()).collect();
    assert_eq!(ids, ["ok-1", "ok-3", "ok-5"]);
    assert_eq!(text(&a[0]), "The mayor said on Monday that the bridge would reopen.");
    assert!(text(&a[1]).contains("Officials familiar with the plan said it would be delayed."));
    assert_eq!(text(&a[2]), "Councilwoman Ada Brandt said the vote would be held next month.");
}

#[test]
fn missing_file_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let bad = dir.path().join("no-such-article.html").display().to_string();
    let msg = assert_one_failure(&analyze(&[&good, &bad]), &bad, &good);
    assert!(msg.starts_with("cannot read"), "{msg}");
}

#[test]
fn truncated_gzip_fails_alone() {
    use flate2::{write::GzEncoder, Compression};
    let dir = tempfile::tempdir().unwrap();
    let good = write_good(dir.path());
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(&fs::read(samples().join("council-vote.html")).unwrap()).unwrap();
    let gz = e.finish().unwrap();
    let bad = dir.path().join("council.html.gz");
    fs::write(&bad, &gz[..gz.len() / 2]).unwrap();
    let bad = bad.display().to_string();
    let msg = assert_one_failure(&analyze(&[&bad, &good]), &bad, &good);
    assert!(msg.contains("gzip"), "{msg}");
}

#[test]
fn invalid_utf8_text_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.txt");
    let mut bytes = b"Caf\xe9 owners on Harbor Street said on Friday that they would reopen next week, \
according to a statement from their association. \"We are ready,\" said Ren\xe9e Duval, who runs \
the corner caf\xe9 with her brother, adding that the na\xefve hope of a quick reopening had faded \
months ago and that staff would be recalled before the end of the month."
        .to_vec();
    bytes.push(b'\n');
    fs::write(&path, &bytes).unwrap();
    let name = path.display().to_string();
    let o = analyze(&[&name]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(warnings[0].starts_with(&format!("dossier: {name}: warning: input is not valid UTF-8")), "{err}");
    let a = analyses(&o).pop().unwrap();
    check_contract(&a);
    let t = text(&a);
    assert!(t.starts_with("Café owners on Harbor Street"), "{t}");
    assert!(t.contains("said Renée Duval") && t.contains("the naïve hope"), "{t}");
    assert!(!t.contains('\u{fffd}'), "{t}");
    assert!(a["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("not valid UTF-8")));
}

#[test]
fn all_bad_inputs_together() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("1-empty.txt"), "").unwrap();
    fs::write(d.join("2-junk.bin"), [0x89, b'P', b'N', b'G', 0, 0, 0, 0, 0, 0, 0, 0]).unwrap();
    fs::write(d.join("3-bad.jsonl"), "{\"id\": \"fine\", \"text\": \"The chief said so on Monday.\"}\n{oops}\n").unwrap();
    fs::write(d.join("4-trunc.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]).unwrap();
    fs::copy(samples().join("harbor-bridge.txt"), d.join("5-harbor.txt")).unwrap();
    let dir_arg = d.display().to_string();
    let missing = d.join("6-missing.txt").display().to_string();
    let o = analyze(&["--format", "jsonl", &dir_arg, &missing, &sample("council-vote.html")]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let errs = error_lines(&o);
    let names = ["1-empty.txt", "2-junk.bin", "3-bad.jsonl:2", "4-trunc.gz", "6-missing.txt"];
    assert_eq!(errs.len(), names.len() + 1, "{}", stderr(&o));
    for (line, name) in errs.iter().zip(names) {
        assert!(line.starts_with("dossier: ") && line.contains(&format!("{name}: ")), "{line} should name {name}");
    }
    assert_eq!(errs.last().unwrap(), "dossier: 3 analysed, 5 failed");
    let ids: Vec<String> = analyses(&o).iter().map(|x| s(x, "id").unwrap().to_string()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids[0], "fine");
    assert!(ids[1].ends_with("5-harbor.txt"));
    assert!(ids[2].ends_with("council-vote.html"));
}

// ---------------------------------------------------------------------------
// Regressions of bugs found by these tests.
// ---------------------------------------------------------------------------

/// A visible byline element (`<p class="byline">By …</p>`) on a page with no
/// author metadata gives the authors.
#[test]
fn html_byline_without_metadata_gives_authors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.html");
    fs::write(
        &path,
        r#"<html><body><article><h1>Bridge repairs ahead of schedule</h1><p class="byline">By Tomasz Achebe</p>
<p>The mayor said on Monday that the bridge would reopen next month, according to a statement released by her office after a long meeting with engineers.</p>
<p>Engineers said repairs were going well and that the work would be finished before the winter storms arrive on the coast.</p></article></body></html>"#,
    )
    .unwrap();
    let a = analyze_one(&[path.display().to_string()]);
    assert_eq!(authors(&a), ["Tomasz Achebe"]);
    // The same byline in the JSONL sample's "html" record.
    let o = analyze(&["--format", "jsonl", &sample("feed.jsonl")]);
    assert_eq!(authors(&analyses(&o)[1]), ["Tomasz Achebe"]);
}

/// A JSONL file whose *first* line is malformed (here cut short) is still JSONL:
/// that line fails alone and the good lines after it are analysed.
#[test]
fn malformed_first_jsonl_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    fs::write(
        &path,
        "{\"id\": \"broken\", \"text\": \"unterminated\n\
         {\"id\": \"ok-2\", \"text\": \"The mayor said on Monday that the bridge would reopen.\"}\n",
    )
    .unwrap();
    let name = path.display().to_string();
    let o = analyze(&["--format", "jsonl", &name]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let errs = error_lines(&o);
    assert!(errs[0].starts_with(&format!("dossier: {name}:1: malformed JSONL line")), "{}", stderr(&o));
    let a = analyses(&o);
    assert_eq!(a.len(), 1);
    assert_eq!(s(&a[0], "id"), Some("ok-2"));
}

// ---------------------------------------------------------------------------
// Who said what on the shipped samples, and --extract-only.
// ---------------------------------------------------------------------------

/// The full pipeline finds people and attributions in the scraped sample; with
/// --extract-only the same clean text comes back without them.
#[test]
fn full_pipeline_and_extract_only() {
    let full = analyze_one(&[sample("harbor-bridge.txt")]);
    let entities = full["entities"].as_array().unwrap();
    assert!(entities.iter().any(|e| e["type"] == "person" && !e["mentions"].as_array().unwrap().is_empty()), "{entities:?}");
    let atts = full["attributions"].as_array().unwrap();
    assert!(!atts.is_empty(), "the sample quotes its sources");
    for a in atts {
        assert!(a["cue"].is_object(), "{a}");
        assert!(["direct", "mixed", "indirect", "according_to", "no_comment"].contains(&a["kind"].as_str().unwrap()), "{a}");
    }
    assert!(!full["times"].as_array().unwrap().is_empty(), "the sample has dates");
    let only = analyze_one(&["--extract-only".to_string(), sample("harbor-bridge.txt")]);
    assert_eq!(only["text"], full["text"]);
    assert!(only["entities"].as_array().unwrap().is_empty());
    assert!(only["attributions"].as_array().unwrap().is_empty());
    assert!(only["times"].as_array().unwrap().is_empty());
}

// ---------------------------------------------------------------------------
// WARC crawl files.
// ---------------------------------------------------------------------------

/// A `.warc.gz` crawl (one gzip member per record, as crawlers write them): its
/// HTML responses are analysed, with the crawled URL, and the request, the
/// image and the redirect are skipped.
#[test]
fn warc_gz_crawl_is_analysed_page_by_page() {
    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }
    fn response(uri: &str, status: &str, content_type: &str, body: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}", body.len());
        record("response", uri, "application/http; msgtype=response", http.as_bytes())
    }
    let page = |headline: &str, who: &str| {
        format!(
            "<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>\
             <p>{who} said on Monday that the bridge would reopen next month, according to a statement released after a long meeting with engineers.</p>\
             <p>Engineers said repairs were going well and that the work would be finished before the winter storms arrive on the coast.</p></article></body></html>"
        )
    };
    let records = [
        record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        record("request", "https://news.example.com/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n"),
        response("https://news.example.com/a", "200 OK", "text/html; charset=utf-8", &page("Bridge to reopen", "The mayor")),
        response("https://news.example.com/logo.png", "200 OK", "image/png", "PNG"),
        response("https://news.example.com/old", "301 Moved Permanently", "text/html", ""),
        response("https://news.example.com/b", "200 OK", "text/html", &page("Storm season ahead", "The harbour master")),
    ];
    let mut gz = Vec::new();
    for r in &records {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(r).unwrap();
        gz.extend(e.finish().unwrap());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    fs::write(&path, gz).unwrap();
    let name = path.display().to_string();
    let o = analyze(&["--format", "jsonl", &name]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let a = analyses(&o);
    assert_eq!(a.len(), 2, "{}", stdout(&o));
    for (a, (url, title)) in a.iter().zip([("https://news.example.com/a", "Bridge to reopen"), ("https://news.example.com/b", "Storm season ahead")]) {
        check_contract(a);
        assert_eq!(s(a, "url"), Some(url));
        assert_eq!(s(a, "title"), Some(title));
        let id = s(a, "id").unwrap();
        assert!(id.starts_with(&format!("{name}@")) && id.ends_with(&format!(" ({url})")), "{id}");
        assert!(text(a).contains("bridge would reopen"), "{}", text(a));
    }
}

/// `analyze` writes each batch of documents before it reads the next: a
/// JSONL stream's first analyses come out while its writer is still writing
/// (so a dump of any size is held one batch at a time, not whole).
#[test]
fn jsonl_output_streams_before_the_input_ends() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command as Std, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let mut child = Std::new(bin).args(["analyze", "--format", "jsonl", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // More than the first 8 KiB that are sniffed, and more than one batch.
    for i in 0..200 {
        writeln!(stdin, r#"{{"id": "d{i}", "text": "The council voted on Tuesday. The mayor said the budget would pass."}}"#).unwrap();
    }
    stdin.flush().unwrap();
    // Read the first analysis while standard input is still open; a guard
    // thread ends the child if nothing comes (a hang, not a timing).
    let pid = child.id();
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let guard = std::thread::spawn(move || {
        if wait.recv_timeout(std::time::Duration::from_secs(300)).is_err() {
            let _ = Std::new("kill").arg(pid.to_string()).status();
        }
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first: Value = serde_json::from_str(&lines.next().expect("an analysis before the input ended").unwrap()).unwrap();
    assert_eq!(first["id"], "d0");
    writeln!(stdin, r#"{{"id": "last", "text": "The end of the stream."}}"#).unwrap();
    drop(stdin);
    let rest: Vec<Value> = lines.map(|l| serde_json::from_str(&l.unwrap()).unwrap()).collect();
    assert_eq!(rest.len(), 200);
    assert_eq!(rest.last().unwrap()["id"], "last");
    assert!(child.wait().unwrap().success());
    done.send(()).unwrap();
    guard.join().unwrap();
}
