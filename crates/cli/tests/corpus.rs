//! Integration tests of the corpus commands (`ingest`, `entity`, `quotes`,
//! `story`, `stories`, `articles`, `search`, `stats`) on the shipped sample
//! corpus, against SQLite always and against PostgreSQL when
//! `DOSSIER_TEST_PG` names a server (see `common`).

mod common;

use common::*;
use serde_json::Value;

fn article_by_url<'a>(articles: &'a [Value], part: &str) -> &'a Value {
    articles.iter().find(|a| a["url"].as_str().is_some_and(|u| u.contains(part))).unwrap_or_else(|| panic!("no article with URL {part}"))
}

#[test]
fn sample_corpus_ingests_once_and_answers_every_question() {
    for db in Db::all("sample") {
        let o = ingest(&db, &[&corpus()]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(summary(&o), (14, 0, 0), "{}", stderr(&o));
        // Idempotent: nothing new the second time.
        let o = ingest(&db, &[&corpus()]);
        assert_eq!(summary(&o), (0, 14, 0), "{}", stderr(&o));
        let stats = json(&["stats", "--db", &db.url]);
        assert_eq!(stats["stats"]["articles"], 14);
        assert_eq!(stats["problems"].as_array().unwrap().len(), 0);
        if db.pg.is_some() {
            // Schemas 6 and 7: long text in lz4 where the server has it, and
            // the search terms a plain column the store fills.
            let mut c = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
            let col = |c: &mut postgres::Client, table: &str, column: &str, what: &str| -> String {
                let q = format!("SELECT {what}::text FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attname = '{column}'");
                c.query_one(q.as_str(), &[]).unwrap().get(0)
            };
            if c.batch_execute("SET default_toast_compression = 'lz4'").is_ok() {
                assert_eq!(col(&mut c, "articles", "text", "attcompression"), "l");
                assert_eq!(col(&mut c, "search", "body", "attcompression"), "l");
            }
            assert_eq!(col(&mut c, "search", "tsv", "attgenerated"), "");
            let filled: i64 = c.query_one("SELECT COUNT(*) FROM search WHERE tsv IS NOT NULL AND length(tsv) > 0", &[]).unwrap().get(0);
            assert!(filled > 0);
        }

        let articles = json(&["articles", "--db", &db.url]);
        let arts = articles.as_array().unwrap();
        assert_eq!(arts.len(), 14);
        // Story A: the wire story, its two syndicated copies, the Metro Daily's report and its follow-up.
        let wire = article_by_url(arts, "lakeshorepress.example/2025/03/04/harrowgate-council-transit-levy");
        let sentinel = article_by_url(arts, "caldervalleysentinel.example/2025/03/05/harrowgate-asks-voters");
        let gazette = article_by_url(arts, "pinehollowgazette.example/news/2025-03-05/transit-levy");
        let metro = article_by_url(arts, "harrowgatemetro.example/news/city-hall/2025/03/05/council-sends-transit-levy");
        assert_eq!(wire["copy_of"], Value::Null);
        assert_eq!(sentinel["copy_of"], wire["id"], "the Sentinel re-ran the wire story");
        assert_eq!(gazette["copy_of"], wire["id"], "the Gazette re-ran the wire story");
        assert_eq!(metro["copy_of"], Value::Null, "the Metro Daily wrote its own");
        let followup = arts.iter().find(|a| a["origin"].as_str().unwrap().ends_with("metro-daily-levy-followup.txt")).unwrap();
        for a in [sentinel, gazette, metro, followup] {
            assert_eq!(a["story"], wire["story"], "{} is in the levy story", a["title"]);
        }
        let story = json(&["story", "--db", &db.url, &wire["story"].to_string()]);
        assert_eq!(story["articles"].as_array().unwrap().len(), 5);
        assert_eq!(story["first_report"]["outlet"], "Lakeshore Press Association");
        assert_eq!(story["first_report"]["id"], wire["id"]);
        // A source's claims count what the copies repeat once: Marsh's words
        // in the wire story and its two copies are one claim.
        let marsh: Vec<&Value> = story["claims"].as_array().unwrap().iter().filter(|q| q["source_name"] == "Gideon Marsh").collect();
        let in_copies = marsh.iter().filter(|q| q["article"]["copy_of"] == wire["id"]).count();
        assert!(in_copies >= 2, "{marsh:?}");
        let source = story["sources"].as_array().unwrap().iter().find(|s| s["name"] == "Gideon Marsh").unwrap();
        assert_eq!(source["claims"].as_u64().unwrap() as usize, marsh.len() - in_copies, "{source}");
        // The one-offs are stories of their own.
        let library = arts.iter().find(|a| a["title"].as_str().unwrap().contains("library reopens")).unwrap();
        assert_eq!(json(&["story", "--db", &db.url, &library["story"].to_string()])["articles"].as_array().unwrap().len(), 1);

        // Story B: the exclusive, and the wire story citing it by name.
        let exclusive = article_by_url(arts, "northbankbusiness.example/news/2025/03/05/brackwater");
        let wire_b = article_by_url(arts, "lakeshorepress.example/2025/03/06/ardmoor-attorney-general-brackwater");
        assert_eq!(exclusive["story"], wire_b["story"]);
        let b = json(&["story", "--db", &db.url, &exclusive["story"].to_string()]);
        assert_eq!(b["first_report"]["id"], exclusive["id"]);
        let cites: Vec<&Value> = b["citations"].as_array().unwrap().iter().filter(|c| c["article"] == wire_b["id"]).collect();
        assert!(!cites.is_empty(), "the wire story cites the Journal: {}", b["citations"]);
        assert!(cites.iter().all(|c| c["outlet"] == "Northbank Business Journal" && c["cited"] == exclusive["id"]));
        // Every citation in the story is of the Journal's exclusive: "the
        // Journal" after its full name is the same outlet, and the Journal's
        // own "reviewed by the Journal" is no citation. One line per citing
        // article, with the claims that rest on it.
        let all = b["citations"].as_array().unwrap();
        assert!(all.iter().all(|c| c["outlet"] == "Northbank Business Journal" && c["cited"] == exclusive["id"] && c["article"] != exclusive["id"]), "{all:?}");
        let mut citing: Vec<&Value> = all.iter().map(|c| &c["article"]).collect();
        citing.dedup();
        assert_eq!(citing.len(), all.len(), "{all:?}");
        assert!(all.iter().any(|c| c["claims"].as_u64().unwrap() > 1), "{all:?}");
        assert!(b["declined"].as_array().unwrap().iter().any(|q| q["source"] == "Brackwater" && q["cue"].as_str().is_some_and(|c| c.contains("declined"))), "Brackwater declined to comment: {}", b["declined"]);
        let types: Vec<&str> = b["sources"].as_array().unwrap().iter().map(|s| s["source_type"].as_str().unwrap()).collect();
        assert!(types.contains(&"anonymous") && types.contains(&"person"), "{types:?}");

        // An entity across articles, under several names, with its role.
        let d = json(&["entity", "--db", &db.url, "Sobczak"]);
        let dossier = &d["dossier"];
        assert_eq!(dossier["name"], "Renata Sobczak");
        assert_eq!(dossier["type"], "person");
        assert!(dossier["roles"].as_array().unwrap().iter().any(|r| r["role"] == "mayor" && r["first"] == "2025-03-04"), "{}", dossier["roles"]);
        assert_eq!(dossier["first_seen"], "2025-03-04");
        assert!(dossier["articles"].as_array().unwrap().len() >= 5);
        assert!(dossier["said"].as_array().unwrap().len() >= 6);
        // The table shows a statement the wire copies repeat once, with the copies' outlets.
        let table = String::from_utf8(run(&["entity", "--db", &db.url, "Sobczak"]).stdout).unwrap();
        let campaign: Vec<&str> = table.lines().filter(|l| l.contains("in every ward")).collect();
        assert_eq!(campaign.len(), 1, "{table}");
        assert!(campaign[0].contains("also in 2 copies: Calder Valley Sentinel, Pine Hollow Gazette"), "{table}");
        assert!(table.contains(" with the copies):"), "{table}");
        let same = json(&["entity", "--db", &db.url, "Mayor Renata Sobczak"]);
        assert_eq!(same["dossier"]["id"], dossier["id"], "a title and a full name find the same entity");
        let town = json(&["entity", "--db", &db.url, "FENWICK"]);
        assert_eq!(town["dossier"]["name"], "Fenwick");
        assert!(town["dossier"]["aliases"].as_array().unwrap().iter().any(|a| a["name"] == "FENWICK" && a["reason"].as_str().unwrap().contains("same name")), "{}", town["dossier"]["aliases"]);

        // Quotes with filters.
        // A story of one article says so in the singular.
        let stories = String::from_utf8(run(&["stories", "--db", &db.url]).stdout).unwrap();
        assert!(stories.lines().any(|l| l.contains(" 1 article ")) && !stories.contains(" 1 articles"), "{stories}");
        let by_sobczak = json(&["quotes", "--db", &db.url, "--source", "Renata Sobczak"]);
        assert!(by_sobczak.as_array().unwrap().iter().all(|q| q["source_name"] == "Renata Sobczak"));
        // A quotation the cue interrupts is shown in its parts, without the cue.
        let spent = by_sobczak.as_array().unwrap().iter().find(|q| q["content"].as_str().unwrap().contains("six years")).expect("the mayor's quotation");
        assert!(spent["content"].as_str().unwrap().split(" … ").count() >= 2, "{spent}");
        assert!(!spent["content"].as_str().unwrap().contains("the mayor said"), "{spent}");
        let declined = json(&["quotes", "--db", &db.url, "--kind", "no_comment"]);
        assert!(declined.as_array().unwrap().len() >= 4);
        assert!(declined.as_array().unwrap().iter().all(|q| q["kind"] == "no_comment"));
        // The table says what was refused with its cue, not the bare content ("to comment").
        let table = String::from_utf8(run(&["quotes", "--db", &db.url, "--kind", "no_comment"]).stdout).unwrap();
        assert!(table.lines().any(|l| l.contains("Brackwater") && l.contains("declined to comment")), "{table}");
        assert!(table.lines().any(|l| l.contains("did not return messages")), "{table}");
        let late = json(&["quotes", "--db", &db.url, "--since", "2025-03-08"]);
        assert!(late.as_array().unwrap().iter().all(|q| q["article"]["published"].as_str().unwrap() >= "2025-03-08"));
        assert!(!late.as_array().unwrap().is_empty());

        // Search, ranked: a headline word finds its articles first.
        let hits = json(&["search", "--db", &db.url, "sugaring"]);
        assert_eq!(hits[0]["kind"], "article");
        assert!(hits[0]["article"]["title"].as_str().unwrap().contains("sugaring"));
        let none = json(&["search", "--db", &db.url, "zebra"]);
        assert_eq!(none.as_array().unwrap().len(), 0);
        // Words match in other forms (stems), and a snippet marks them;
        // a query of stop words only finds nothing.
        let stems = json(&["search", "--db", &db.url, "declines comments"]);
        assert!(!stems.as_array().unwrap().is_empty(), "{stems}");
        assert!(stems.as_array().unwrap().iter().any(|h| h["snippet"].as_str().unwrap().contains("[declined]")), "{stems}");
        assert_eq!(json(&["search", "--db", &db.url, "the of and"]).as_array().unwrap().len(), 0);
        // Operators and punctuation are words, not syntax.
        assert!(run(&["search", "--db", &db.url, "levy\" OR (NOT*"]).status.success());

        let unknown = run(&["entity", "--db", &db.url, "Nobody Atall"]);
        assert_eq!(unknown.status.code(), Some(1));
        assert!(stderr(&unknown).contains("no entity named"));
    }
}

#[test]
fn a_bad_document_is_reported_and_the_others_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Council approves budget\n\nThe council approved the budget on Monday, the mayor said.").unwrap();
    std::fs::write(dir.path().join("b.bin"), [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    std::fs::write(dir.path().join("c.jsonl"), "{\"id\": \"x\", \"text\": \"The clinic will close, its director said.\"}\nnot json\n").unwrap();
    let db = Db::sqlite();
    let o = ingest(&db, &[dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(summary(&o), (2, 0, 2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("b.bin: binary data"), "{e}");
    assert!(e.contains("c.jsonl:2: malformed JSONL line"), "{e}");
}

#[test]
fn a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["entity", "--db", dir.path().join("none.db").to_str().unwrap(), "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("run `dossier ingest` first"));
    let o = run(&["stats", "--db", "postgres://nobody:secret@127.0.0.1:1/none"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot open the store postgres://nobody:***@127.0.0.1:1/none"), "{}", stderr(&o));
}


/// The stories of a store as sets of articles (each by its URL or file, with
/// the article it is a copy of), independent of the ids the store gave.
fn story_sets(db: &Db) -> Vec<Vec<(String, String)>> {
    let key = |a: &Value| a["url"].as_str().or(a["doc_id"].as_str()).unwrap_or("").to_string();
    let mut sets: Vec<Vec<(String, String)>> = json(&["stories", "--db", &db.url])
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let story = json(&["story", "--db", &db.url, &s["id"].to_string()]);
            let articles = story["articles"].as_array().unwrap();
            let by_id = |id: &Value| articles.iter().find(|a| a["id"] == *id).map(key).unwrap_or_default();
            let mut set: Vec<(String, String)> = articles.iter().map(|a| (key(a), by_id(&a["copy_of"]))).collect();
            set.sort();
            set
        })
        .collect();
    sets.sort();
    sets
}

/// Every name's corpus entity and reason (with the name's probe),
/// one line each, and the corpus entities no name points at.
fn resolutions(db: &Db) -> (Vec<String>, i64) {
    const LINES: &str = "SELECT a.kind || '|' || a.name || '|' || c.kind || '|' || c.key || '|' || c.name || '|' || a.reason || '|' || COALESCE(a.probe, '') \
                         FROM aliases a JOIN corpus_entities c ON c.id = a.corpus ORDER BY 1";
    const ORPHANS: &str = "SELECT COUNT(*) FROM corpus_entities WHERE id NOT IN (SELECT corpus FROM aliases)";
    match db.pg {
        Some(_) => {
            let mut c = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
            (c.query(LINES, &[]).unwrap().iter().map(|r| r.get(0)).collect(), c.query_one(ORPHANS, &[]).unwrap().get(0))
        }
        None => {
            let c = rusqlite::Connection::open(&db.url).unwrap();
            let lines = c.prepare(LINES).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            (lines, c.query_row(ORPHANS, [], |r| r.get(0)).unwrap())
        }
    }
}

/// A later run of a few articles regroups only what their links touch: a
/// wire copy joins its original's group of copies and a follow-up its story,
/// as when the corpus is ingested in one run.
#[test]
fn a_later_run_joins_the_stories_it_belongs_to() {
    let dir = corpus();
    let later = ["sentinel-harrowgate-transit-levy.html", "metro-daily-levy-followup.txt"];
    let first: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !later.iter().any(|l| p.ends_with(l)))
        .map(|p| p.display().to_string())
        .collect();
    for (k, (once, twice)) in Db::all("once").into_iter().zip(Db::all("twice")).enumerate() {
        assert!(ingest(&once, &[&dir]).status.success());
        let refs: Vec<&str> = first.iter().map(String::as_str).collect();
        assert_eq!(summary(&ingest(&twice, &refs)).0, 12, "engine {k}");
        let before = story_sets(&twice);
        let paths: Vec<String> = later.iter().map(|l| format!("{dir}/{l}")).collect();
        let o = ingest(&twice, &[&paths[0], &paths[1]]);
        assert_eq!(summary(&o), (2, 0, 0), "{}", stderr(&o));
        let after = story_sets(&twice);
        assert_ne!(before, after);
        assert_eq!(after, story_sets(&once), "engine {k}");
        // It resolves only the names that share a probe with its
        // own, and every name resolves as in one run.
        let (lines, orphans) = resolutions(&twice);
        assert_eq!((lines.clone(), orphans), resolutions(&once), "engine {k}");
        assert!(lines.iter().any(|l| l == "person|Owen Strickland|person|owen strickland|Owen Strickland|its own name|strickland"), "{lines:?}");
        // The copy is marked as one, in the levy story with the follow-up.
        let levy = after.iter().find(|s| s.iter().any(|a| a.0.contains("caldervalleysentinel.example/2025/03/05"))).unwrap();
        assert!(levy.iter().any(|a| a.0.contains("caldervalleysentinel.example/2025/03/05") && !a.1.is_empty()), "{levy:?}");
        assert!(levy.iter().any(|a| a.0.ends_with("metro-daily-levy-followup.txt")), "{levy:?}");
    }
}
