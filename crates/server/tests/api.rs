//! The HTTP API over real HTTP on loopback, on a store of the sample corpus
//! (samples/corpus, answer key samples/corpus-facts.md), and the OpenAPI
//! document held to the router and to the answers.

mod common;

use std::collections::BTreeSet;

use common::{article_titled, get, get_json, request, server};
use dossier_store::query::QuoteFilter;
use dossier_store::Store;
use serde_json::Value;

fn store() -> Store {
    Store::open(&server().db).unwrap()
}

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items")
}

fn error_of(path: &str, status: u16) -> String {
    let a = get(path);
    assert_eq!(a.status, status, "GET {path}: {}", a.text());
    let v = a.json();
    v["error"].as_str().unwrap_or_else(|| panic!("no error message: {v}")).to_string()
}

#[test]
fn stats_and_article_pages() {
    let s = get_json("/api/v1/stats");
    assert_eq!(s["articles"], 14);
    let first = get_json("/api/v1/articles?limit=5");
    assert_eq!(items(&first).len(), 5);
    assert_eq!(first["limit"], 5);
    assert_eq!(first["next_offset"], 5);
    let last = get_json("/api/v1/articles?limit=5&offset=10");
    assert_eq!(items(&last).len(), 4);
    assert_eq!(last["next_offset"], Value::Null);
    let all: Vec<i64> = items(&get_json("/api/v1/articles?limit=100")).iter().map(|a| a["id"].as_i64().unwrap()).collect();
    assert_eq!(all.len(), 14);
    let paged: Vec<i64> = (0..3).flat_map(|p| items(&get_json(&format!("/api/v1/articles?limit=5&offset={}", p * 5))).iter().map(|a| a["id"].as_i64().unwrap()).collect::<Vec<_>>()).collect();
    assert_eq!(paged, all, "pages cover the list once, in order");
    let metro = get_json("/api/v1/articles?outlet=Harrowgate%20Metro%20Daily&limit=100");
    assert_eq!(items(&metro).len(), 3, "A4, B2 and C3 (A5, plain text, names no outlet)");
    assert!(items(&metro).iter().all(|a| a["outlet"] == "Harrowgate Metro Daily"));
    let late = get_json("/api/v1/articles?since=2025-03-08");
    assert_eq!(items(&late).len(), 2, "C4 (8 March) and S2 (9 March)");
}

#[test]
fn bad_parameters_are_json_400s() {
    for (path, says) in [
        ("/api/v1/articles?limit=0", "limit"),
        ("/api/v1/articles?limit=5000", "limit"),
        ("/api/v1/articles?offset=-1", "offset"),
        ("/api/v1/articles?limit=ten", "limit"),
        ("/api/v1/articles?since=March", "since"),
        ("/api/v1/attributions?kind=shouted", "kind"),
        ("/api/v1/attributions?source_type=alien", "source_type"),
        ("/api/v1/search", "q="),
        ("/api/v1/search?q=levy&kind=pdf", "kind"),
        ("/api/v1/entities", "name="),
        ("/api/v1/articles/abc", "whole number"),
    ] {
        let m = error_of(path, 400);
        assert!(m.contains(says), "{path}: {m}");
    }
}

#[test]
fn unknown_ids_and_routes_are_json_404s() {
    for path in ["/api/v1/articles/99999", "/api/v1/entities/99999", "/api/v1/entities/99999/timeline", "/api/v1/stories/99999", "/api/v1/nothing-here"] {
        error_of(path, 404);
    }
    let a = request(server().addr, "DELETE", "/api/v1/stats", &[], b"");
    assert_eq!(a.status, 405);
}

#[test]
fn one_article_with_its_analysis() {
    let wire = article_titled("Harrowgate council approves transit levy for May ballot");
    let a = get_json(&format!("/api/v1/articles/{}", wire["id"]));
    assert_eq!(a["article"], wire);
    assert_eq!(a["analysis"]["dossier"], "1");
    assert_eq!(a["analysis"]["outlet"], "Lakeshore Press Association");
    assert_eq!(a["analysis"]["title"], wire["title"]);
    assert!(a["analysis"]["text"].as_str().unwrap().contains("7-2"));
    // Every analysis entity with a corpus id leads to a dossier that lists this article.
    let links = a["entity_links"].as_object().unwrap();
    assert!(!links.is_empty());
    let sobczak = a["analysis"]["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Renata Sobczak").expect("the mayor");
    let corpus = links[sobczak["id"].as_str().unwrap()].as_i64().unwrap();
    let d = get_json(&format!("/api/v1/entities/{corpus}"));
    assert_eq!(d["name"], "Renata Sobczak");
    assert!(d["articles"].as_array().unwrap().iter().any(|x| x["id"] == wire["id"]));
}

#[test]
fn stories_with_first_reports_copies_and_citations() {
    let stories = get_json("/api/v1/stories");
    let wire = article_titled("Harrowgate council approves transit levy for May ballot");
    let levy = items(&stories).iter().find(|s| s["id"] == wire["story"]).expect("the levy story is listed").clone();
    assert_eq!(levy["articles"], 5);
    assert_eq!(levy["title"], "Harrowgate council approves transit levy for May ballot");
    let story = get_json(&format!("/api/v1/stories/{}", wire["story"]));
    assert_eq!(story["articles"].as_array().unwrap().len(), 5);
    assert_eq!(story["first_report"]["id"], wire["id"]);
    assert_eq!(story["first_report"]["outlet"], "Lakeshore Press Association");
    for t in ["Harrowgate asks voters to fund buses with 10-year levy", "Transit levy headed to Harrowgate voters in May"] {
        assert_eq!(article_titled(t)["copy_of"], wire["id"], "{t} is a copy of the wire story");
    }
    assert_eq!(article_titled("After four hours of testimony, council sends $41 million transit levy to voters")["copy_of"], Value::Null);

    let exclusive = article_titled("Exclusive: State regulators investigate Brackwater Financial over undisclosed data breach");
    let b = get_json(&format!("/api/v1/stories/{}", exclusive["story"]));
    assert_eq!(b["first_report"]["id"], exclusive["id"]);
    let cites = b["citations"].as_array().unwrap();
    assert!(!cites.is_empty());
    // Every citation of the Journal points to its exclusive.
    let journal: Vec<&Value> = cites.iter().filter(|c| c["outlet"] == "Northbank Business Journal").collect();
    assert!(journal.len() >= 2, "{cites:?}");
    assert!(journal.iter().all(|c| c["cited"] == exclusive["id"]), "{cites:?}");
    assert!(b["declined"].as_array().unwrap().iter().any(|q| q["source"] == "Brackwater"), "{}", b["declined"]);
    let types: BTreeSet<&str> = b["sources"].as_array().unwrap().iter().map(|s| s["source_type"].as_str().unwrap()).collect();
    assert!(types.contains("anonymous") && types.contains("person"), "{types:?}");

    let page1 = get_json("/api/v1/stories?limit=2");
    assert_eq!(items(&page1).len(), 2);
    assert_eq!(page1["next_offset"], 2);
}

#[test]
fn entities_dossiers_and_timelines() {
    let hits = get_json("/api/v1/entities?name=Mayor%20Renata%20Sobczak");
    let top = items(&hits)[0].clone();
    assert_eq!(top["name"], "Renata Sobczak");
    assert_eq!(top["type"], "person");
    let same = get_json("/api/v1/entities?name=Sobczak");
    assert_eq!(items(&same)[0]["id"], top["id"], "a title and a surname find the same entity");
    let d = get_json(&format!("/api/v1/entities/{}", top["id"]));
    assert_eq!(d["first_seen"], "2025-03-04");
    assert!(d["roles"].as_array().unwrap().iter().any(|r| r["role"] == "mayor" && r["first"] == "2025-03-04"), "{}", d["roles"]);
    // Six articles name her (A1–A5 and C3).
    assert_eq!(d["articles"].as_array().unwrap().len(), 6);
    let t = get_json(&format!("/api/v1/entities/{}/timeline", top["id"]));
    let days = t["days"].as_array().unwrap();
    assert_eq!(days.first().unwrap()["day"], "2025-03-04");
    let sum = |k: &str| days.iter().map(|x| x[k].as_u64().unwrap()).sum::<u64>();
    assert_eq!(sum("articles"), 6);
    assert_eq!(sum("said") as usize, d["said"].as_array().unwrap().len());
    assert_eq!(sum("about") as usize, d["about"].as_array().unwrap().len());
    assert_eq!(sum("declined"), d["declined"].as_u64().unwrap());
    // Owen Strickland could not be reached for comment (A5).
    let owen = items(&get_json("/api/v1/entities?name=Owen%20Strickland"))[0].clone();
    let dv = get_json(&format!("/api/v1/entities/{}", owen["id"]));
    assert!(dv["declined"].as_u64().unwrap() >= 1, "{}", dv["said"]);
    let t = get_json(&format!("/api/v1/entities/{}/timeline", owen["id"]));
    assert_eq!(t["days"].as_array().unwrap().iter().map(|x| x["declined"].as_u64().unwrap()).sum::<u64>(), dv["declined"].as_u64().unwrap());
}

#[test]
fn attributions_with_filters() {
    let by = get_json("/api/v1/attributions?source=Renata%20Sobczak&limit=100");
    assert!(items(&by).len() >= 6);
    assert!(items(&by).iter().all(|q| q["source_name"] == "Renata Sobczak"));
    let declined = get_json("/api/v1/attributions?kind=no_comment&limit=100");
    assert!(items(&declined).len() >= 4);
    assert!(items(&declined).iter().all(|q| q["kind"] == "no_comment"));
    let late = get_json("/api/v1/attributions?since=2025-03-08&limit=100");
    assert!(!items(&late).is_empty());
    assert!(items(&late).iter().all(|q| q["article"]["published"].as_str().unwrap() >= "2025-03-08"));
    let dispatch = get_json("/api/v1/attributions?outlet=The%20Capitol%20Dispatch&limit=100");
    assert!(!items(&dispatch).is_empty());
    assert!(items(&dispatch).iter().all(|q| q["article"]["outlet"] == "The Capitol Dispatch"));
    let two = get_json("/api/v1/attributions?limit=2&offset=1");
    let all = get_json("/api/v1/attributions?limit=3");
    assert_eq!(items(&two)[..], items(&all)[1..3]);
}

#[test]
fn search_with_filters() {
    let s = get_json("/api/v1/search?q=sugaring");
    assert_eq!(items(&s)[0]["kind"], "article");
    assert!(items(&s)[0]["article"]["title"].as_str().unwrap().contains("sugaring"));
    let quotes = get_json("/api/v1/search?q=levy&kind=quote&limit=50");
    assert!(!items(&quotes).is_empty());
    assert!(items(&quotes).iter().all(|h| h["kind"] == "quote"));
    let league = get_json("/api/v1/search?q=levy&source=taxpayers&limit=50");
    assert!(!items(&league).is_empty());
    assert!(items(&league).iter().all(|h| h["kind"] == "quote" && h["title"].as_str().unwrap().to_lowercase().contains("taxpayers")), "{league}");
    let late = get_json("/api/v1/search?q=budget&since=2025-03-07&limit=50");
    assert!(!items(&late).is_empty());
    assert!(items(&late).iter().all(|h| h["article"]["published"].as_str().unwrap() >= "2025-03-07"));
    assert_eq!(items(&get_json("/api/v1/search?q=zebra%20xylophone")).len(), 0);
    // FTS syntax is taken as words, not as a query language.
    get_json("/api/v1/search?q=levy%22%20OR%20(NOT*");
}

#[test]
fn the_api_gives_the_stores_own_answers() {
    let mut st = store();
    let wire = article_titled("Harrowgate council approves transit levy for May ballot");
    let id = wire["story"].as_i64().unwrap();
    assert_eq!(get_json(&format!("/api/v1/stories/{id}")), serde_json::to_value(st.story(id).unwrap().unwrap()).unwrap());
    let who = st.find_entities("Gideon Marsh").unwrap()[0].id;
    assert_eq!(get_json(&format!("/api/v1/entities/{who}")), serde_json::to_value(st.dossier(who).unwrap().unwrap()).unwrap());
    let q = st.quotes(&QuoteFilter { kind: Some("no_comment".into()), limit: Some(50), ..Default::default() }).unwrap();
    assert_eq!(get_json("/api/v1/attributions?kind=no_comment&limit=50")["items"], serde_json::to_value(q).unwrap());
    assert_eq!(get_json("/api/v1/stats"), serde_json::to_value(st.stats().unwrap()).unwrap());
}

const ARTICLE: &str = "HARROWGATE — The council voted 7-2 on Tuesday to send the levy to voters, Mayor Renata Sobczak said.\n\n\
    “We need two more weeks to finish the numbers,” Sobczak said. “Then we vote.”\n\nThe Ardmoor Taxpayers League declined to comment.";

#[test]
fn analyze_text_and_html() {
    let a = request(server().addr, "POST", "/api/v1/analyze?published=2025-03-05", &[("Content-Type", "text/plain; charset=utf-8")], ARTICLE.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    let v = a.json();
    assert_eq!(v["dossier"], "1");
    assert_eq!(v["published"], "2025-03-05");
    assert!(v["attributions"].as_array().unwrap().iter().any(|t| t["kind"] == "no_comment"), "{}", v["attributions"]);
    assert!(v["entities"].as_array().unwrap().iter().any(|e| e["name"] == "Renata Sobczak"));
    // The same as the library gives.
    let doc = dossier_document::load(dossier_document::Origin::File("pasted".into()), ARTICLE.as_bytes(), 1 << 20).remove(0).1.unwrap();
    let opts = dossier_analysis::Options { article: dossier_article_options("2025-03-05"), extract_only: false };
    assert_eq!(v, serde_json::to_value(dossier_analysis::analyze(&doc, &opts)).unwrap());

    let html = "<html><head><title>Levy vote</title><meta property=\"og:site_name\" content=\"Test Daily\"></head><body><article><h1>Levy vote</h1><p>The council voted on Tuesday, Mayor Renata Sobczak said.</p></article></body></html>";
    let h = request(server().addr, "POST", "/api/v1/analyze", &[("Content-Type", "text/html")], html.as_bytes());
    assert_eq!(h.status, 200, "{}", h.text());
    assert_eq!(h.json()["outlet"], "Test Daily");
}

fn dossier_article_options(published: &str) -> dossier_article::Options {
    dossier_article::Options { published: Some(published.to_string()) }
}

#[test]
fn analyze_refuses_bad_input_with_json_errors() {
    let addr = server().addr;
    let post = |ct: &str, body: &[u8]| {
        let a = request(addr, "POST", "/api/v1/analyze", &[("Content-Type", ct)], body);
        let msg = a.json()["error"].as_str().unwrap_or_else(|| panic!("no error: {}", a.text())).to_string();
        (a.status, msg)
    };
    let (s, m) = post("text/plain", b"");
    assert_eq!(s, 400, "{m}");
    let (s, m) = post("text/plain", b"   \n\n  ");
    assert_eq!(s, 400, "{m}");
    let (s, m) = post("application/octet-stream", &[0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255, 254, 0, 7]);
    assert_eq!(s, 400);
    assert!(m.contains("binary"), "{m}");
    let (s, m) = post("image/png", b"\x89PNG\r\n\x1a\n");
    assert_eq!(s, 400);
    assert!(m.contains("image/png"), "{m}");
    // The test server's limit is 1 MiB.
    let big = "word ".repeat(250_000);
    let (s, m) = post("text/plain", big.as_bytes());
    assert_eq!(s, 413, "{m}");
    let a = request(addr, "POST", "/api/v1/analyze?published=someday", &[], ARTICLE.as_bytes());
    assert_eq!(a.status, 400);
    assert!(a.json()["error"].as_str().unwrap().contains("published"));
    let a = request(addr, "GET", "/api/v1/analyze", &[], b"");
    assert_eq!(a.status, 405);
}

#[test]
fn analyses_are_bounded_in_time() {
    let db = &server().db;
    let addr = common::start(db, dossier_server::Config { analyze_timeout: std::time::Duration::from_millis(1), ..Default::default() });
    let long = ARTICLE.repeat(200);
    let a = request(addr, "POST", "/api/v1/analyze", &[("Content-Type", "text/plain")], long.as_bytes());
    assert_eq!(a.status, 503, "{}", a.text());
    assert!(a.json()["error"].as_str().unwrap().contains("longer than"));
}

// ---- OpenAPI -------------------------------------------------------------

fn openapi() -> Value {
    get_json("/api/v1/openapi.json")
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let doc = openapi();
    assert_eq!(doc["openapi"].as_str().unwrap().get(..2), Some("3."));
    let documented: BTreeSet<(String, String)> =
        doc["paths"].as_object().unwrap().iter().flat_map(|(p, ops)| ops.as_object().unwrap().keys().map(move |m| (m.to_string(), p.to_string()))).collect();
    let routed: BTreeSet<(String, String)> = dossier_server::api_routes().into_iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    assert_eq!(documented, routed, "the OpenAPI paths and the router's routes differ");
}

/// Check `v` against an OpenAPI schema: types, required properties, no
/// undocumented properties, enums, items, `$ref`s.
fn conforms(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        return conforms(doc, &doc["components"]["schemas"][name], v, at);
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => vec![],
    };
    let actual = match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    if !types.is_empty() && !types.contains(&actual) && !(actual == "integer" && types.contains(&"number")) {
        return Err(format!("{at}: {actual}, documented as {types:?}"));
    }
    if let (Some(e), false) = (schema["enum"].as_array(), v.is_null()) {
        if !e.contains(v) {
            return Err(format!("{at}: {v} is not one of {e:?}"));
        }
    }
    match v {
        Value::Array(xs) if schema.get("items").is_some() => {
            for (i, x) in xs.iter().enumerate() {
                conforms(doc, &schema["items"], x, &format!("{at}[{i}]"))?;
            }
        }
        Value::Object(o) => {
            for r in schema["required"].as_array().into_iter().flatten() {
                if !o.contains_key(r.as_str().unwrap()) {
                    return Err(format!("{at}: {r} is missing"));
                }
            }
            if let Some(props) = schema["properties"].as_object() {
                for (k, x) in o {
                    match props.get(k) {
                        Some(p) => conforms(doc, p, x, &format!("{at}.{k}"))?,
                        None => return Err(format!("{at}: {k} is not documented")),
                    }
                }
            }
            if let Some(ap) = schema.get("additionalProperties").filter(|a| a.is_object()) {
                for (k, x) in o {
                    conforms(doc, ap, x, &format!("{at}.{k}"))?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

#[test]
fn every_documented_path_answers_as_documented() {
    let doc = openapi();
    let wire = article_titled("Harrowgate council approves transit levy for May ballot");
    let marsh = items(&get_json("/api/v1/entities?name=Gideon%20Marsh"))[0]["id"].clone();
    let exclusive = article_titled("Exclusive: State regulators investigate Brackwater Financial over undisclosed data breach");
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            // A real id, and the parameters a caller would give.
            let id = if path.starts_with("/entities") { marsh.to_string() } else if path.starts_with("/stories") { exclusive["story"].to_string() } else { wire["id"].to_string() };
            let mut url = format!("/api/v1{}", path.replace("{id}", &id));
            let none = vec![];
            let required: Vec<&str> = op["parameters"].as_array().unwrap_or(&none).iter().filter(|p| p["required"] == true && p["in"] == "query").map(|p| p["name"].as_str().unwrap()).collect::<Vec<_>>().to_vec();
            if !required.is_empty() {
                url.push('?');
                url.push_str(&required.iter().map(|n| format!("{n}={}", if *n == "name" { "Marsh" } else { "levy" })).collect::<Vec<_>>().join("&"));
            }
            let a = if method == "post" {
                request(server().addr, "POST", &url, &[("Content-Type", "text/plain")], ARTICLE.as_bytes())
            } else {
                request(server().addr, &method.to_uppercase(), &url, &[], b"")
            };
            assert_eq!(a.status, 200, "{method} {url}: {}", a.text());
            conforms(&doc, &op["responses"]["200"]["content"]["application/json"]["schema"], &a.json(), &format!("{method} {url}")).unwrap();
            // Documented error statuses are JSON errors.
            for code in op["responses"].as_object().unwrap().keys().filter(|c| c.as_str() != "200") {
                assert!(op["responses"][code]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error", "{method} {path} {code}");
            }
        }
    }
    // A few list pages in full, with more than one page.
    for url in ["/api/v1/attributions?limit=100", "/api/v1/search?q=council&limit=50", "/api/v1/entities?name=a&limit=5"] {
        let path = url.split('?').next().unwrap().trim_start_matches("/api/v1");
        conforms(&doc, &doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"], &get_json(url), url).unwrap();
    }
}
