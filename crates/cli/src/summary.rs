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
    writeln!(out)?;
    for p in &a.paragraphs {
        let text: String = a.text.chars().skip(p.start).take(p.end - p.start).collect();
        writeln!(out, "{}", wrap(&text, 78))?;
        writeln!(out)?;
    }
    Ok(())
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
