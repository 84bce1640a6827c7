//! `--format text`: a readable summary of one analysis, for a person.

use std::collections::BTreeMap;
use std::io::{self, Write};

use dossier_analysis::Analysis;

/// Write the summary: metadata, what was removed, then the clean body.
pub fn write(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "== {}", a.id)?;
    writeln!(out, "Title:      {}", or_dash(&a.title))?;
    let authors = if a.authors.is_empty() { "-".to_string() } else { a.authors.join(", ") };
    writeln!(out, "Authors:    {authors}")?;
    writeln!(out, "Outlet:     {}", or_dash(&a.outlet))?;
    writeln!(out, "Published:  {}", or_dash(&a.published))?;
    writeln!(out, "Language:   {}", or_dash(&a.language))?;
    if let Some(u) = &a.url {
        writeln!(out, "URL:        {u}")?;
    }
    let words = a.text.split_whitespace().count();
    writeln!(out, "Body:       {} paragraphs, {words} words", a.paragraphs.len())?;
    if !a.removed.is_empty() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &a.removed {
            *counts.entry(r.reason.as_str()).or_default() += 1;
        }
        let list: Vec<String> = counts.iter().map(|(k, n)| if *n > 1 { format!("{k} ×{n}") } else { k.to_string() }).collect();
        writeln!(out, "Removed:    {}", list.join(", "))?;
    }
    for w in &a.warnings {
        writeln!(out, "Warning:    {w}")?;
    }
    let named: Vec<&dossier_analysis::Entity> = a.entities.iter().filter(|e| e.kind != "misc").collect();
    if !named.is_empty() {
        writeln!(out, "\nWho:")?;
        for e in named {
            let mut line = format!("  {} ({}{})", e.name, e.kind, if e.media { ", media" } else { "" });
            if !e.roles.is_empty() {
                line.push_str(&format!(", {}", e.roles.join("; ")));
            }
            if let Some(aff) = &e.affiliation {
                line.push_str(&format!(" [{aff}]"));
            }
            writeln!(out, "{line} ×{}", e.mentions.len())?;
        }
    }
    if !a.attributions.is_empty() {
        writeln!(out, "\nWho said what:")?;
        for x in &a.attributions {
            let source = match (&x.source, &x.source_entity) {
                (Some(s), Some(id)) => {
                    let name = a.entities.iter().find(|e| &e.id == id).map_or(s.text.as_str(), |e| e.name.as_str());
                    if name == s.text { name.to_string() } else { format!("{} ({name})", s.text) }
                }
                (Some(s), None) => s.text.clone(),
                (None, _) => "(no source)".to_string(),
            };
            let cue = x.cue.as_ref().map_or("", |c| c.text.as_str());
            // A content the source interrupts reads as its parts, not the
            // whole span with the cue in it.
            let text = x.said_text();
            let content = text.map_or(String::new(), |t| format!(": {}", clip(&t, 100)));
            let when = x.time.as_ref().map_or(String::new(), |t| format!(" [{t}]"));
            writeln!(out, "  {source} — {cue}{when} ({}, {}){content}", x.kind, x.source_type)?;
        }
    }
    if !a.times.is_empty() {
        let list: Vec<String> = a.times.iter().map(|t| format!("{} = {}", t.span.text, t.value)).collect();
        writeln!(out, "\nWhen:       {}", list.join("; "))?;
    }
    writeln!(out)?;
    for p in &a.paragraphs {
        let text: String = a.text.chars().skip(p.start).take(p.end - p.start).collect();
        writeln!(out, "{}", wrap(&text, 78))?;
        writeln!(out)?;
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        format!("{}…", one_line.chars().take(n).collect::<String>())
    }
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
    }
    out
}
