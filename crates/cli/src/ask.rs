//! The questions of the corpus from the command line: `entity`, `quotes`,
//! `story`, `stories`, `search`, `stats`. Each answer is the store's typed
//! value, printed as a readable table or, with `--json`, as JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use dossier_store::query::{fold_copies, Dossier, Hit, Quote, QuoteFilter, Story, StorySummary};
use dossier_store::Store;

/// Options every question takes.
#[derive(clap::Args)]
pub struct Common {
    /// The store: a file path or sqlite://PATH, or postgres://… (default: $DOSSIER_DB, else ~/.local/share/dossier/dossier.db).
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `dossier entity NAME`.
#[derive(clap::Args)]
pub struct EntityArgs {
    #[command(flatten)]
    common: Common,
    /// A name as written ("Obama", "President Obama", "FBI") or a part of one.
    #[arg(required = true)]
    name: Vec<String>,
}

/// `dossier quotes`.
#[derive(clap::Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    common: Common,
    /// Said by this entity (a name).
    #[arg(long)]
    source: Option<String>,
    /// Naming this entity in what was said.
    #[arg(long)]
    about: Option<String>,
    /// Kind: direct, mixed, indirect, according_to, no_comment.
    #[arg(long)]
    kind: Option<String>,
    /// Source type: person, organization, media, anonymous, document.
    #[arg(long)]
    source_type: Option<String>,
    /// Stance: not_denied, denied, confirmed, declined.
    #[arg(long)]
    stance: Option<String>,
    /// Published on or after this day.
    #[arg(long, value_parser = crate::parse_date)]
    since: Option<String>,
    /// Published on or before this day.
    #[arg(long, value_parser = crate::parse_date)]
    until: Option<String>,
    /// From this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// At most this many.
    #[arg(long, default_value_t = 100)]
    limit: usize,
}

/// `dossier story ID`.
#[derive(clap::Args)]
pub struct StoryArgs {
    #[command(flatten)]
    common: Common,
    /// Story id (see `dossier stories`).
    id: i64,
}

/// `dossier stories`.
#[derive(clap::Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    common: Common,
    /// At most this many.
    #[arg(long, default_value_t = 50)]
    limit: usize,
}

/// `dossier articles`.
#[derive(clap::Args)]
pub struct ArticlesArgs {
    #[command(flatten)]
    common: Common,
    /// From this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Published on or after this day.
    #[arg(long, value_parser = crate::parse_date)]
    since: Option<String>,
    /// Published on or before this day.
    #[arg(long, value_parser = crate::parse_date)]
    until: Option<String>,
    /// In this story.
    #[arg(long)]
    story: Option<i64>,
    /// At most this many.
    #[arg(long, default_value_t = 100)]
    limit: usize,
}

/// `dossier search QUERY`.
#[derive(clap::Args)]
pub struct SearchArgs {
    #[command(flatten)]
    common: Common,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Words to look for in headlines, text, quotes and names.
    #[arg(required = true)]
    query: Vec<String>,
}

fn open(c: &Common) -> Result<Store, ExitCode> {
    let url = crate::ingest::location(&c.db);
    let path = url.strip_prefix("sqlite://").unwrap_or(&url);
    if !url.starts_with("postgres") && !std::path::Path::new(path).exists() {
        eprintln!("dossier: no store at {path}: run `dossier ingest` first (or give --db)");
        return Err(ExitCode::from(2));
    }
    Store::open(&url).map_err(|e| {
        eprintln!("dossier: cannot open the store {}: {e}", Store::redact(&url));
        ExitCode::from(2)
    })
}

fn fail(e: dossier_store::StoreError) -> ExitCode {
    eprintln!("dossier: the store failed: {e}");
    ExitCode::from(2)
}

fn emit(json: bool, value: &impl serde::Serialize, table: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let r = if json {
        serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from).and_then(|_| writeln!(out))
    } else {
        table(&mut out)
    };
    match r.and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Shorten to `n` characters, on one line.
fn clip(s: &str, n: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= n {
        one
    } else {
        format!("{}…", one.chars().take(n.saturating_sub(1)).collect::<String>())
    }
}

fn day(p: &Option<String>) -> String {
    p.as_deref().map(|d| d.chars().take(10).collect()).unwrap_or_else(|| "-".into())
}

fn quote_line(q: &Quote) -> String {
    let who = match (&q.source, &q.source_name) {
        (Some(s), Some(n)) if !s.eq_ignore_ascii_case(n) => format!("{s} [{n}]"),
        (Some(s), _) => s.clone(),
        (None, Some(n)) => n.clone(),
        (None, None) => "(no source given)".into(),
    };
    let stance = q.stance.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
    format!(
        "{:<10}  {:<22}  {:<12}  {:<28}  {}{}",
        day(&q.article.published),
        clip(q.article.outlet.as_deref().unwrap_or("-"), 22),
        q.kind,
        clip(&who, 28),
        clip(&what(q), 90),
        stance
    )
}

/// What a quote's line shows: its content; for a refusal, the cue with what
/// was refused ("declined to comment", "did not return messages", "declined
/// to comment: the proposal"), since its content alone ("to comment") does
/// not say that it was refused.
fn what(q: &Quote) -> String {
    let cue = q.cue.as_deref().unwrap_or("");
    match q.content.as_deref() {
        Some(c) if q.kind == "no_comment" && !cue.is_empty() => {
            let topic = cue.ends_with("comment") || cue.ends_with("questions") || cue.ends_with("respond");
            format!("{cue}{}{c}", if topic { ": " } else { " " })
        }
        Some(c) => c.to_string(),
        None => cue.to_string(),
    }
}

/// The lines of a table of quotes: a statement that syndicated copies of one
/// text repeat (the same words in an article and its copies) is one line, the
/// first published, with the outlets of the copies after it. The JSON keeps
/// every quote.
fn write_quotes(out: &mut dyn Write, qs: &[Quote]) -> io::Result<()> {
    for (q, copies) in fold_copies(qs) {
        let copies: Vec<String> = copies.iter().map(|c| c.article.outlet.clone().unwrap_or_else(|| format!("#{}", c.article.id))).collect();
        let also = if copies.is_empty() { String::new() } else { format!("  (also in {} {}: {})", copies.len(), if copies.len() == 1 { "copy" } else { "copies" }, copies.join(", ")) };
        writeln!(out, "  {}{also}", quote_line(q))?;
    }
    Ok(())
}

/// "10" or, when copies repeat some, "6 statements, 10 with the copies".
fn count_folded(qs: &[Quote]) -> String {
    let folded = fold_copies(qs).len();
    if folded == qs.len() {
        qs.len().to_string()
    } else {
        format!("{folded} statements, {} with the copies", qs.len())
    }
}

fn write_dossier(out: &mut dyn Write, d: &Dossier, others: &[String]) -> io::Result<()> {
    writeln!(out, "{} ({}), entity {}", d.name, d.kind, d.id)?;
    writeln!(out, "Seen: {} to {} in {}", day(&d.first_seen), day(&d.last_seen), count(d.articles.len(), "article"))?;
    if !others.is_empty() {
        writeln!(out, "Other matches: {}", others.join("; "))?;
    }
    writeln!(out, "\nNames:")?;
    for a in &d.aliases {
        writeln!(out, "  {:<30}  {}", a.name, a.reason)?;
    }
    if !d.roles.is_empty() {
        writeln!(out, "\nRoles:")?;
        for r in &d.roles {
            writeln!(out, "  {:<40}  {} to {}  ({})", clip(&r.role, 40), day(&r.first), day(&r.last), count(r.articles as usize, "article"))?;
        }
    }
    writeln!(out, "\nSaid ({}):", count_folded(&d.said))?;
    write_quotes(out, &d.said)?;
    writeln!(out, "\nDeclined to comment: {}", d.declined)?;
    writeln!(out, "\nSaid about them ({}):", count_folded(&d.about))?;
    write_quotes(out, &d.about)?;
    writeln!(out, "\nArticles:")?;
    for a in &d.articles {
        writeln!(out, "  {:<10}  #{:<5} {:<22}  {}", day(&a.published), a.id, clip(a.outlet.as_deref().unwrap_or("-"), 22), clip(a.title.as_deref().unwrap_or("-"), 80))?;
    }
    Ok(())
}

fn write_story(out: &mut dyn Write, s: &Story) -> io::Result<()> {
    writeln!(out, "Story {}: {}", s.id, s.title.as_deref().unwrap_or("-"))?;
    let f = &s.first_report;
    writeln!(out, "First report: #{} {} ({})", f.id, f.outlet.as_deref().unwrap_or("-"), f.published.as_deref().unwrap_or("-"))?;
    writeln!(out, "\nArticles ({}):", s.articles.len())?;
    for a in &s.articles {
        let copy = a.copy_of.map(|c| format!("  [copy of #{c}]")).unwrap_or_default();
        writeln!(out, "  {:<25}  #{:<5} {:<22}  {}{copy}", a.published.as_deref().unwrap_or("-"), a.id, clip(a.outlet.as_deref().unwrap_or("-"), 22), clip(a.title.as_deref().unwrap_or("-"), 70))?;
    }
    writeln!(out, "\nSources (who the claims rest on):")?;
    for src in &s.sources {
        let declined = if src.declined > 0 { format!(", {} declined", src.declined) } else { String::new() };
        writeln!(out, "  {:<12}  {:<40}  {} {}{declined}", src.source_type, clip(&src.name, 40), src.claims, if src.claims == 1 { "claim" } else { "claims" })?;
    }
    writeln!(out, "\nDeclined to comment ({}):", s.declined.len())?;
    write_quotes(out, &s.declined)?;
    if !s.citations.is_empty() {
        writeln!(out, "\nOutlets cited:")?;
        for c in &s.citations {
            let to = c.cited.map(|x| format!("→ #{x}")).unwrap_or_else(|| "(not in the store)".into());
            writeln!(out, "  #{:<5} cites {:<30} {to:<20} {}", c.article, clip(&c.outlet, 30), count(c.claims, "claim"))?;
        }
    }
    writeln!(out, "\nClaims ({}):", s.claims.len())?;
    write_quotes(out, &s.claims)?;
    if !s.links.is_empty() {
        writeln!(out, "\nWhy grouped:")?;
        for l in &s.links {
            writeln!(out, "  #{} ~ #{}: {}", l.a, l.b, l.reason)?;
        }
    }
    Ok(())
}

/// Run `dossier entity`.
pub fn entity(args: EntityArgs) -> ExitCode {
    let mut store = match open(&args.common) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let name = args.name.join(" ");
    let hits = match store.find_entities(&name) {
        Ok(h) => h,
        Err(e) => return fail(e),
    };
    let Some(best) = hits.first() else {
        eprintln!("dossier: no entity named {name:?} in the store");
        return ExitCode::from(1);
    };
    let d = match store.dossier(best.id) {
        Ok(Some(d)) => d,
        Ok(None) => return ExitCode::from(1),
        Err(e) => return fail(e),
    };
    let others: Vec<String> = hits[1..].iter().map(|h| format!("{} ({}, entity {})", h.name, h.kind, h.id)).collect();
    let json = serde_json::json!({ "dossier": d, "matches": hits });
    emit(args.common.json, &json, |out| write_dossier(out, &d, &others))
}

/// Run `dossier quotes`.
pub fn quotes(args: QuotesArgs) -> ExitCode {
    let mut store = match open(&args.common) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let f = QuoteFilter {
        source: args.source,
        about: args.about,
        kind: args.kind,
        source_type: args.source_type,
        stance: args.stance,
        since: args.since,
        until: args.until,
        outlet: args.outlet,
        story: None,
        limit: Some(args.limit),
        offset: None,
    };
    match store.quotes(&f) {
        Ok(qs) => emit(args.common.json, &qs, |out| {
            writeln!(out, "{} attributions", qs.len())?;
            write_quotes(out, &qs)
        }),
        Err(e) => fail(e),
    }
}

/// Run `dossier story`.
pub fn story(args: StoryArgs) -> ExitCode {
    let mut store = match open(&args.common) {
        Ok(s) => s,
        Err(c) => return c,
    };
    match store.story(args.id) {
        Ok(Some(s)) => emit(args.common.json, &s, |out| write_story(out, &s)),
        Ok(None) => {
            eprintln!("dossier: no story {} in the store (see `dossier stories`)", args.id);
            ExitCode::from(1)
        }
        Err(e) => fail(e),
    }
}

/// Run `dossier stories`.
pub fn stories(args: StoriesArgs) -> ExitCode {
    let mut store = match open(&args.common) {
        Ok(s) => s,
        Err(c) => return c,
    };
    match store.stories(args.limit, 0) {
        Ok(list) => emit(args.common.json, &list, |out| {
            for s in &list {
                write_story_line(out, s)?;
            }
            Ok(())
        }),
        Err(e) => fail(e),
    }
}

fn write_story_line(out: &mut dyn Write, s: &StorySummary) -> io::Result<()> {
    writeln!(out, "{:>6}  {:<10} to {:<10}  {:>3} {:<8}  {:<60}  {}", s.id, day(&s.first), day(&s.last), s.articles, if s.articles == 1 { "article" } else { "articles" }, clip(s.title.as_deref().unwrap_or("-"), 60), s.outlets.join(", "))
}

/// Run `dossier search`.
pub fn search(args: SearchArgs) -> ExitCode {
    let mut store = match open(&args.common) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let q = args.query.join(" ");
    match store.search(&q, args.limit) {
        Ok(hits) => emit(args.common.json, &hits, |out| write_hits(out, &hits)),
        Err(e) => fail(e),
    }
}

fn write_hits(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    for h in hits {
        writeln!(
            out,
            "{:<8} #{:<5} {:<10}  {:<22}  {:<30}  {}",
            h.kind,
            h.article.id,
            day(&h.article.published),
            clip(h.article.outlet.as_deref().unwrap_or("-"), 22),
            clip(&h.title, 30),
            clip(&h.snippet, 100)
        )?;
    }
    Ok(())
}

/// Run `dossier articles`.
pub fn articles(args: ArticlesArgs) -> ExitCode {
    let mut store = match open(&args.common) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let f = dossier_store::query::ArticleFilter { outlet: args.outlet, since: args.since, until: args.until, story: args.story, limit: Some(args.limit), offset: None };
    match store.articles(&f) {
        Ok(list) => emit(args.common.json, &list, |out| {
            for a in &list {
                let copy = a.copy_of.map(|c| format!("  [copy of #{c}]")).unwrap_or_default();
                writeln!(
                    out,
                    "#{:<5} {:<10}  story {:<5}  {:<22}  {}{copy}",
                    a.id,
                    day(&a.published),
                    a.story.map(|s| s.to_string()).unwrap_or_default(),
                    clip(a.outlet.as_deref().unwrap_or("-"), 22),
                    clip(a.title.as_deref().unwrap_or("-"), 80)
                )?;
            }
            Ok(())
        }),
        Err(e) => fail(e),
    }
}

/// Run `dossier stats`.
pub fn stats(args: Common) -> ExitCode {
    let mut store = match open(&args) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let (s, problems) = match store.stats().and_then(|s| store.check().map(|p| (s, p))) {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    let json = serde_json::json!({ "stats": s, "problems": problems });
    let code = emit(args.json, &json, |out| {
        writeln!(out, "{} articles, {} stories, {} entities, {} attributions (schema {})", s.articles, s.stories, s.entities, s.attributions, s.schema)?;
        if problems.is_empty() {
            writeln!(out, "integrity: ok")
        } else {
            problems.iter().try_for_each(|p| writeln!(out, "integrity: {p}"))
        }
    });
    if problems.is_empty() {
        code
    } else {
        ExitCode::from(1)
    }
}

/// "1 article", "3 articles".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
