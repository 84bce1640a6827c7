//! Keeps `docs/analysis.schema.json` (and the example in `docs/contract.md`)
//! true to what `dossier analyze` prints.
//!
//! No JSON Schema crate is a dependency, so a small validator lives here. It
//! covers exactly the keywords the schema uses and panics on any other one, so
//! the schema cannot quietly grow a keyword this test would ignore.

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// The validator
// ---------------------------------------------------------------------------

/// Keywords that only annotate: ignored when validating.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$comment", "$defs", "title", "description", "examples", "default"];

/// Keywords that constrain: the ones [`Validator`] implements.
const ASSERTIONS: &[&str] =
    &["$ref", "type", "const", "enum", "minimum", "anyOf", "required", "properties", "additionalProperties", "items"];

/// Panic on any keyword, anywhere in `schema`, that the validator does not know,
/// even in parts no instance reaches (e.g. `attributions` while they are empty).
fn check_keywords(schema: &Value, path: &str) {
    let Value::Object(o) = schema else {
        assert!(schema.is_boolean(), "not a schema at {path}: {schema}");
        return;
    };
    for (k, v) in o {
        assert!(
            ANNOTATIONS.contains(&k.as_str()) || ASSERTIONS.contains(&k.as_str()),
            "schema keyword {k:?} (at {path}) is not supported by this test's validator: extend it"
        );
        match k.as_str() {
            "properties" | "$defs" => {
                for (name, sub) in v.as_object().unwrap_or_else(|| panic!("{path}/{k} is not an object")) {
                    check_keywords(sub, &format!("{path}/{k}/{name}"));
                }
            }
            "anyOf" => {
                for (i, sub) in v.as_array().unwrap_or_else(|| panic!("{path}/{k} is not an array")).iter().enumerate()
                {
                    check_keywords(sub, &format!("{path}/{k}/{i}"));
                }
            }
            "items" | "additionalProperties" => check_keywords(v, &format!("{path}/{k}")),
            _ => {}
        }
    }
}

/// A validator for the subset of JSON Schema 2020-12 the contract's schema uses:
/// `type` (a name or an array of names, including "null"), `const`, `enum`,
/// `minimum`, `properties`, `required`, `additionalProperties` (boolean or
/// schema), `items` (one schema), `anyOf`, and `$ref` to `#/...` pointers
/// (`#/$defs/name`).
struct Validator<'a> {
    root: &'a Value,
    /// Also report object keys that the applicable `properties` do not
    /// describe, even where `additionalProperties` allows them. Used on the
    /// binary's own output: consumers must accept unknown fields, but every
    /// field dossier prints must be documented.
    strict: bool,
}

impl<'a> Validator<'a> {
    fn new(root: &'a Value) -> Self {
        Validator { root, strict: false }
    }

    fn strict(root: &'a Value) -> Self {
        Validator { root, strict: true }
    }

    /// All errors of `instance` against the root schema (empty when valid).
    fn errors(&self, instance: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(self.root, instance, "", &mut errors);
        errors
    }

    fn resolve(&self, reference: &str) -> &'a Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("validator supports only local $ref (#/...), got {reference:?}"));
        self.root.pointer(pointer).unwrap_or_else(|| panic!("$ref {reference:?} does not resolve"))
    }

    fn check(&self, schema: &Value, inst: &Value, path: &str, errors: &mut Vec<String>) {
        let here = if path.is_empty() { "(root)" } else { path };
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                errors.push(format!("{here}: not allowed here (schema false)"));
                return;
            }
            Value::Object(o) => o,
            other => panic!("not a schema at {here}: {other}"),
        };
        for (keyword, arg) in schema {
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => {
                    let target = self.resolve(arg.as_str().expect("$ref is a string"));
                    self.check(target, inst, path, errors);
                }
                "type" => {
                    let names: Vec<&str> = match arg {
                        Value::String(s) => vec![s.as_str()],
                        Value::Array(a) => a.iter().map(|t| t.as_str().expect("type names are strings")).collect(),
                        _ => panic!("bad type keyword: {arg}"),
                    };
                    if !names.iter().any(|n| has_type(inst, n)) {
                        errors.push(format!("{here}: expected type {}, got {}", names.join(" or "), short(inst)));
                    }
                }
                "const" => {
                    if inst != arg {
                        errors.push(format!("{here}: expected {arg}, got {}", short(inst)));
                    }
                }
                "enum" => {
                    let options = arg.as_array().expect("enum is an array");
                    if !options.contains(inst) {
                        errors.push(format!("{here}: {} is not one of {arg}", short(inst)));
                    }
                }
                "minimum" => {
                    let min = arg.as_f64().expect("minimum is a number");
                    if let Some(n) = inst.as_f64() {
                        if n < min {
                            errors.push(format!("{here}: {n} is below the minimum {min}"));
                        }
                    }
                }
                "anyOf" => {
                    let branches = arg.as_array().expect("anyOf is an array");
                    let mut all = Vec::new();
                    let mut matched = false;
                    for b in branches {
                        let mut e = Vec::new();
                        self.check(b, inst, path, &mut e);
                        if e.is_empty() {
                            matched = true;
                            break;
                        }
                        all.extend(e);
                    }
                    if !matched {
                        errors.push(format!("{here}: matches no anyOf branch: [{}]", all.join("; ")));
                    }
                }
                "required" => {
                    if let Value::Object(obj) = inst {
                        for k in arg.as_array().expect("required is an array") {
                            let k = k.as_str().expect("required names are strings");
                            if !obj.contains_key(k) {
                                errors.push(format!("{here}: missing required property {k:?}"));
                            }
                        }
                    }
                }
                "properties" => {
                    if let Value::Object(obj) = inst {
                        let props = arg.as_object().expect("properties is an object");
                        for (k, sub) in props {
                            if let Some(v) = obj.get(k) {
                                self.check(sub, v, &format!("{path}/{k}"), errors);
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(obj) = inst {
                        let described = schema.get("properties").and_then(Value::as_object);
                        for (k, v) in obj {
                            if !described.is_some_and(|d| d.contains_key(k)) {
                                self.check(arg, v, &format!("{path}/{k}"), errors);
                            }
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = inst {
                        for (i, v) in items.iter().enumerate() {
                            self.check(arg, v, &format!("{path}/{i}"), errors);
                        }
                    }
                }
                other => {
                    assert!(
                        !ASSERTIONS.contains(&other),
                        "ASSERTIONS lists {other:?} but check() does not implement it"
                    );
                    panic!("schema keyword {other:?} (at {here}) is not supported by this test's validator: extend it")
                }
            }
        }
        if self.strict {
            if let (Value::Object(obj), Some(props)) = (inst, schema.get("properties").and_then(Value::as_object)) {
                for k in obj.keys() {
                    if !props.contains_key(k) {
                        errors.push(format!("{here}: property {k:?} is printed but not described in the schema"));
                    }
                }
            }
        }
    }
}

fn has_type(v: &Value, name: &str) -> bool {
    match name {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        other => panic!("unknown type name {other:?}"),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(rel)
}

fn schema() -> Value {
    let path = repo_file("docs/analysis.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn assert_valid(schema: &Value, analysis: &Value, what: &str) {
    let errors = Validator::strict(schema).errors(analysis);
    assert!(errors.is_empty(), "{what} does not match docs/analysis.schema.json:\n  {}", errors.join("\n  "));
}

/// The code points `start..end` of `text`.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Check the offsets rule: every range lies within `text`, and every object
/// with `start`, `end` and `text` selects exactly that text.
fn check_offsets(a: &Value, what: &str) {
    let text = a["text"].as_str().unwrap();
    let len = text.chars().count();
    fn walk(v: &Value, text: &str, len: usize, path: &str, what: &str) {
        match v {
            Value::Object(o) => {
                if let (Some(s), Some(e)) =
                    (o.get("start").and_then(Value::as_u64), o.get("end").and_then(Value::as_u64))
                {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e && e <= len, "{what}: {path}: range {s}..{e} outside text of {len} code points");
                    if let Some(t) = o.get("text").and_then(Value::as_str) {
                        assert_eq!(slice(text, s, e), t, "{what}: {path}: span text differs from text[{s}..{e}]");
                    }
                }
                for (k, v) in o {
                    walk(v, text, len, &format!("{path}/{k}"), what);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, text, len, &format!("{path}/{i}"), what);
                }
            }
            _ => {}
        }
    }
    for key in ["paragraphs", "entities", "attributions", "times"] {
        walk(&a[key], text, len, key, what);
    }
    for p in a["paragraphs"].as_array().unwrap() {
        let s = slice(text, p["start"].as_u64().unwrap() as usize, p["end"].as_u64().unwrap() as usize);
        assert!(!s.is_empty() && s.trim() == s, "{what}: paragraph {p} is empty or has surrounding white space");
    }
    let ids: BTreeSet<&str> = a["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    for at in a["attributions"].as_array().unwrap() {
        if let Some(id) = at["source_entity"].as_str() {
            assert!(ids.contains(id), "{what}: source_entity {id:?} names no entity");
        }
    }
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/// A plain-text article with page furniture, as copied from a browser.
const ARTICLE: &str = "Advertisement

Tidewater ferry adds a late sailing for the summer

By Ana Lindqvist and OMAR BELL

Published June 3, 2024

Share

The Tidewater ferry will add a 10:45 p.m. sailing from Gull Point on weekends starting June 14, the harbor commission said on Monday, after riders complained that the last boat left before waterfront concerts ended.

“People were running down the pier and watching the boat pull away,” commission chair Rosa Delgado said. “That is not a service.”

Advertisement

The extra sailing will cost about $120,000 for the season, according to a commission budget memo. The ferry workers’ union declined to comment.

Read more: Harbor commission approves new fare cards
";

/// Verbatim text for a JSONL line: odd white space and non-ASCII kept as is.
const VERBATIM: &str = "  Café owners on Pier 9 said on Friday that the new “quiet hours” rule\r\ncost them customers.\n\n\nThe rule ends in October.  ";

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("dossier").unwrap().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "dossier {args:?} exited with {:?}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

/// Run the binary on the test inputs and return (jsonl analyses, json analyses).
fn analyses() -> (Vec<Value>, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let feed = dir.path().join("feed.jsonl");
    let lines = [
        json!({"id": "cafe-1", "text": VERBATIM, "published": "2024-06-07"}),
        json!({"id": 7, "text": "Short one.", "published": "sometime soon"}),
    ];
    std::fs::write(&feed, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let (article, feed) = (article.to_str().unwrap(), feed.to_str().unwrap());

    let jsonl: Vec<Value> = run(&["analyze", "--format", "jsonl", article, feed])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {e}: {l}")))
        .collect();
    let pretty = run(&["analyze", "--format", "json", article, feed]);
    let json: Vec<Value> = serde_json::Deserializer::from_str(&pretty)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .expect("--format json prints JSON objects");
    (jsonl, json)
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn binary_output_matches_the_schema() {
    let schema = schema();
    let (jsonl, json) = analyses();
    assert_eq!(jsonl.len(), 3, "one analysis per document");
    assert_eq!(json, jsonl, "--format json and --format jsonl print the same objects");

    let props = schema["properties"].as_object().unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    for a in &jsonl {
        let id = a["id"].as_str().unwrap_or("?");
        let what = format!("analysis {id:?}");
        let obj = a.as_object().expect("an analysis is a JSON object");
        for k in obj.keys() {
            assert!(props.contains_key(k), "{what}: top-level key {k:?} is printed but not described in the schema");
        }
        for k in &required {
            assert!(obj.contains_key(*k), "{what}: required key {k:?} is not printed");
        }
        assert_valid(&schema, a, &what);
        check_offsets(a, &what);
    }

    // The plain-text article: furniture removed, paragraphs joined by blank lines.
    let ferry = &jsonl[0];
    assert_eq!(ferry["title"], "Tidewater ferry adds a late sailing for the summer");
    assert_eq!(ferry["authors"], json!(["Ana Lindqvist", "Omar Bell"]));
    assert_eq!(ferry["published"], "2024-06-03");
    assert_eq!(ferry["paragraphs"].as_array().unwrap().len(), 3);
    let reasons: BTreeSet<&str> =
        ferry["removed"].as_array().unwrap().iter().map(|r| r["reason"].as_str().unwrap()).collect();
    for r in ["advertisement", "title", "byline", "page_meta", "social", "read_more"] {
        assert!(reasons.contains(r), "no removed entry with reason {r:?}: {}", ferry["removed"]);
    }
    let text = ferry["text"].as_str().unwrap();
    let paras = ferry["paragraphs"].as_array().unwrap();
    for w in paras.windows(2) {
        let between = slice(text, w[0]["end"].as_u64().unwrap() as usize, w[1]["start"].as_u64().unwrap() as usize);
        assert_eq!(between, "\n\n", "paragraphs of a text file are separated by one blank line");
    }

    // Verbatim JSONL text: kept exactly, nothing removed.
    let cafe = &jsonl[1];
    assert_eq!(cafe["id"], "cafe-1");
    assert_eq!(cafe["text"], VERBATIM);
    assert_eq!(cafe["published"], "2024-06-07");
    assert_eq!(cafe["removed"], json!([]));
    assert_eq!(cafe["paragraphs"].as_array().unwrap().len(), 2);

    // A numeric id is printed as a string; a date not understood is a warning.
    let seven = &jsonl[2];
    assert_eq!(seven["id"], "7");
    assert_eq!(seven["published"], Value::Null);
    assert!(!seven["warnings"].as_array().unwrap().is_empty(), "expected a warning: {seven}");

    // Later stages: empty for now (the schema describes their items already).
    for a in &jsonl {
        for k in ["entities", "attributions", "times"] {
            assert!(a[k].is_array(), "{k} is an array");
        }
    }
}

#[test]
fn validator_rejects_broken_objects() {
    let schema = schema();
    let example = contract_examples().into_iter().next().expect("docs/contract.md has an example");
    assert!(Validator::new(&schema).errors(&example).is_empty());

    let broken = |edit: &dyn Fn(&mut Value)| -> Vec<String> {
        let mut a = example.clone();
        edit(&mut a);
        Validator::new(&schema).errors(&a)
    };
    let rejects = |edit: &dyn Fn(&mut Value), expected: &str| {
        let errors = broken(edit);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected an error mentioning {expected:?}, got {errors:?}"
        );
    };

    rejects(&|a| a["dossier"] = json!(2), "/dossier");
    rejects(&|a| a["dossier"] = json!("2"), "/dossier");
    rejects(&|a| a["removed"][0]["reason"] = json!("sidebar"), "/removed/0/reason");
    rejects(
        &|a| a["removed"].as_array_mut().unwrap().push(json!({"text": "x"})),
        "missing required property \"reason\"",
    );
    rejects(&|a| drop(a.as_object_mut().unwrap().remove("text")), "missing required property \"text\"");
    rejects(&|a| a["url"] = json!(5), "/url");
    rejects(&|a| a["authors"] = json!("Alma Reyes"), "/authors");
    rejects(&|a| a["paragraphs"][0]["start"] = json!(-1), "/paragraphs/0/start");
    rejects(&|a| a["paragraphs"][0]["end"] = json!(1.5), "/paragraphs/0/end");
    rejects(&|a| a["entities"][0]["type"] = json!("people"), "/entities/0/type");
    rejects(&|a| a["entities"][0]["mentions"][0]["kind"] = json!("alias"), "/entities/0/mentions/0/kind");
    rejects(&|a| a["attributions"][0]["source"] = json!("Mayor Colin Dray"), "/attributions/0/source");
    rejects(&|a| a["attributions"][0]["source_type"] = json!("official"), "/attributions/0/source_type");
    rejects(&|a| a["times"][0]["type"] = json!("moment"), "/times/0/type");

    // Accepted: nulls where the schema allows them, unknown fields (consumers must ignore them).
    assert!(broken(&|a| a["attributions"][0]["cue"] = Value::Null).is_empty());
    assert!(broken(&|a| a["title"] = Value::Null).is_empty());
    assert!(broken(&|a| a["sentiment"] = json!(0.3)).is_empty());
    assert!(broken(&|a| a["entities"][0]["wikidata"] = json!("Q1")).is_empty());
    // ...but strict mode (used on dossier's own output) reports undescribed fields.
    let mut extra = example.clone();
    extra["entities"][0]["wikidata"] = json!("Q1");
    assert!(!Validator::strict(&schema).errors(&extra).is_empty());

    // additionalProperties: false, for schemas that use it.
    let closed = json!({"type": "object", "properties": {"a": {"type": "integer"}}, "additionalProperties": false});
    assert!(Validator::new(&closed).errors(&json!({"a": 1})).is_empty());
    assert!(!Validator::new(&closed).errors(&json!({"a": 1, "b": 2})).is_empty());
}

#[test]
fn schema_is_complete_and_matches_the_code() {
    let schema = schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["additionalProperties"], json!(true), "top level stays open: consumers ignore unknown fields");
    assert_eq!(schema["properties"]["dossier"]["const"], dossier_analysis::CONTRACT_VERSION);
    check_keywords(&schema, "#");

    // Every property has a description, and every $ref resolves.
    fn walk(v: &Value, root: &Value, path: &str) {
        match v {
            Value::Object(o) => {
                if let Some(props) = o.get("properties").and_then(Value::as_object) {
                    for (k, p) in props {
                        let d = p.get("description").and_then(Value::as_str).unwrap_or("");
                        assert!(!d.trim().is_empty(), "property {path}/properties/{k} has no description");
                    }
                }
                if let Some(r) = o.get("$ref").and_then(Value::as_str) {
                    assert!(
                        r.starts_with("#/") && root.pointer(&r[1..]).is_some(),
                        "$ref {r:?} at {path} does not resolve"
                    );
                }
                for (k, v) in o {
                    walk(v, root, &format!("{path}/{k}"));
                }
            }
            Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| walk(v, root, &format!("{path}/{i}"))),
            _ => {}
        }
    }
    walk(&schema, &schema, "#");

    // The removal reasons are exactly those of `Reason` (a new variant fails to
    // compile here until it is added to the list and the schema).
    use dossier_article::Reason;
    let reasons = {
        use Reason::*;
        let all = [
            Title,
            Byline,
            PageMeta,
            Advertisement,
            Social,
            ReadMore,
            Newsletter,
            Caption,
            Copyright,
            CookieNotice,
            Related,
            MoreHeadlines,
            Navigation,
        ];
        for r in all {
            match r {
                Title | Byline | PageMeta | Advertisement | Social | ReadMore | Newsletter | Caption | Copyright
                | CookieNotice | Related | MoreHeadlines | Navigation => {}
            }
        }
        all
    };
    let names: Vec<Value> = reasons
        .iter()
        .map(|r| {
            let v = serde_json::to_value(r).unwrap();
            assert_eq!(v, r.as_str());
            v
        })
        .collect();
    assert_eq!(schema["$defs"]["reason"]["enum"], Value::Array(names));

    // Likewise the mention kinds.
    use dossier_analysis::MentionKind;
    let kinds = {
        use MentionKind::*;
        let all = [Name, Nominal, Pronoun];
        for k in all {
            match k {
                Name | Nominal | Pronoun => {}
            }
        }
        all
    };
    let names: Vec<Value> = kinds.iter().map(|k| serde_json::to_value(k).unwrap()).collect();
    assert_eq!(schema["$defs"]["mention"]["properties"]["kind"]["enum"], Value::Array(names));
}

/// The full analyses shown in `docs/contract.md`: its ```json blocks that hold
/// an object with a "dossier" key.
fn contract_examples() -> Vec<Value> {
    let path = repo_file("docs/contract.md");
    let md = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in md.lines() {
        match &mut block {
            None if line.trim() == "```json" => block = Some(String::new()),
            Some(b) if line.trim() == "```" => {
                let v: Value =
                    serde_json::from_str(b).unwrap_or_else(|e| panic!("docs/contract.md: bad JSON block: {e}\n{b}"));
                if v.get("dossier").is_some() {
                    out.push(v);
                }
                block = None;
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None => {}
        }
    }
    out
}

#[test]
fn contract_example_matches_the_schema() {
    let schema = schema();
    let examples = contract_examples();
    assert!(!examples.is_empty(), "docs/contract.md shows no full analysis");
    for (i, ex) in examples.iter().enumerate() {
        let what = format!("docs/contract.md example {}", i + 1);
        assert_valid(&schema, ex, &what);
        check_offsets(ex, &what);
    }
}
