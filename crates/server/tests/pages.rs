//! The web page over real HTTP: each page on the sample corpus, and article
//! text that tries to be HTML shown as text.

mod common;

use common::{article_titled, get, ingest, request, server, start};

fn page(addr: std::net::SocketAddr, path: &str) -> String {
    let a = request(addr, "GET", path, &[], b"");
    assert_eq!(a.status, 200, "GET {path}: {}", a.text());
    assert!(a.header("content-type").unwrap().starts_with("text/html"), "{path}");
    assert!(a.header("content-security-policy").unwrap().contains("script-src 'none'"));
    let t = a.text();
    assert!(t.contains("<meta name=\"viewport\""), "{path}");
    t
}

#[test]
fn every_page_on_the_sample_corpus() {
    let addr = server().addr;
    let index = page(addr, "/");
    assert!(index.contains("Harrowgate council approves transit levy for May ballot"));
    assert!(index.contains("<form action=\"/analyze\" method=\"post\""));
    let wire = article_titled("Harrowgate council approves transit levy for May ballot");
    let art = page(addr, &format!("/article/{}", wire["id"]));
    assert!(art.contains("<mark class=\"source\""));
    assert!(art.contains("<mark class=\"cue\""));
    assert!(art.contains("<mark class=\"content\""));
    assert!(art.contains("<a class=\"mention\" href=\"/entity/"));
    assert!(art.contains("<time class=\"timex\" title=\"2025-03-04\""), "late Tuesday resolves to 4 March");
    let story = page(addr, &format!("/story/{}", wire["story"]));
    assert!(story.contains("First report: <b>Lakeshore Press Association</b>"));
    let marsh = common::get_json("/api/v1/entities?name=Gideon%20Marsh")["items"][0]["id"].clone();
    let ent = page(addr, &format!("/entity/{marsh}"));
    assert!(ent.contains("<h1>Gideon Marsh</h1>"));
    assert!(ent.contains("<svg class=\"chart\" id=\"timeline\""));
    // Marsh's words in the wire story and its two copies: one row, the copies linked.
    assert!(ent.contains("with the copies)</h2>"), "{ent}");
    assert!(ent.contains("<span class=\"meta copies\">also in 2 copies: <a href=\"/article/"), "{ent}");
    let s = page(addr, "/search?q=levy&kind=quote&since=2025-03-05");
    assert!(s.contains("<ol id=\"hits\"><li>"));
    assert!(page(addr, "/search").contains("Give some words"));
    assert!(page(addr, "/analyze").contains("<textarea"));
    for (path, status) in [("/article/99999", 404), ("/entity/99999", 404), ("/story/99999", 404), ("/nowhere", 404), ("/article/x", 404), ("/search?q=a&since=soon", 400)] {
        let a = get(path);
        assert_eq!(a.status, status, "{path}");
        assert!(a.text().contains("<h1>"), "{path}: an HTML page");
    }
}

#[test]
fn the_paste_box_analyses_on_the_spot() {
    let body = "text=The+council+voted+on+Tuesday%2C+Mayor+Renata+Sobczak+said.+%3Cscript%3Ealert(1)%3C%2Fscript%3E&published=2025-03-05";
    let a = request(server().addr, "POST", "/analyze", &[("Content-Type", "application/x-www-form-urlencoded")], body.as_bytes());
    assert_eq!(a.status, 200, "{}", a.text());
    let t = a.text();
    assert!(t.contains("<mark class=\"source\""), "{t}");
    assert!(t.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!t.contains("<script>"));
    let empty = request(server().addr, "POST", "/analyze", &[("Content-Type", "application/x-www-form-urlencoded")], b"text=+++");
    assert_eq!(empty.status, 400);
}

/// An article built to break out of the page: a script, a `javascript:`
/// link, quotes that would end an attribute, an image with a handler.
pub const HOSTILE: &str = r#"{"id": "hostile", "url": "javascript:alert(document.cookie)", "title": "<script>alert('title')</script>\" onmouseover=\"alert(1)", "outlet": "<img src=x onerror=alert(2)>", "published": "2025-03-05", "text": "<script>alert('body')</script> Mayor Renata Sobczak said the \"levy\" onclick=\"alert(3)\" would pass, and 'x' <a href=\"javascript:alert(4)\">click</a>.\n\n\"It's </p><p>over,\" said Gideon Marsh."}"#;

#[test]
fn article_text_is_shown_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("hostile.jsonl");
    std::fs::write(&feed, format!("{HOSTILE}\n")).unwrap();
    let db = dir.path().join("h.db").display().to_string();
    ingest(&db, &[feed.display().to_string()]);
    let addr = start(&db, Default::default());
    let a = common::request(addr, "GET", "/api/v1/articles", &[], b"").json();
    let art = &a["items"][0];
    for path in [format!("/article/{}", art["id"]), "/".into(), format!("/story/{}", art["story"]), "/search?q=alert".into(), "/search?q=Sobczak".into()] {
        let t = page(addr, &path);
        assert!(!t.contains("<script"), "{path}: {t}");
        assert!(!t.contains("<img"), "{path}");
        assert!(!t.to_lowercase().contains("href=\"javascript"), "{path}");
        assert!(!t.contains("onmouseover=\"") && !t.contains("onclick=\""), "{path}: {t}");
    }
    let t = page(addr, &format!("/article/{}", art["id"]));
    assert!(t.contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"));
    assert!(t.contains("&lt;a href=&quot;javascript:alert(4)&quot;&gt;click&lt;/a&gt;"));
    assert!(t.contains("<span class=\"url\">javascript:alert(document.cookie)</span>"));
    assert!(t.contains("&lt;/p&gt;&lt;p&gt;over"));
}
