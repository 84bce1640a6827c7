//! HTML building blocks: escaping, the page frame, and the article view with
//! its highlighted spans. Every piece of article or store text goes through
//! [`esc`]; links to outside pages only through [`safe_url`].

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::Value;

/// Escape text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encode a query-string value.
pub fn urlenc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// An outside URL fit for an `href`: only `http:` and `https:` (so no
/// `javascript:` or `data:` link is ever made from article data), escaped.
pub fn safe_url(u: &str) -> Option<String> {
    let t = u.trim();
    let lower = t.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| esc(t))
}

const CSS: &str = r#"
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header.top{background:#20304a;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header.top a{color:#fff;text-decoration:none;font-weight:600}
header.top form{display:flex;gap:.3rem;flex:1 1 14rem;max-width:28rem}
header.top input{flex:1;min-width:0}
main{max-width:72rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
h1{font-size:1.5rem;line-height:1.25;margin:.2rem 0 .6rem}
h2{font-size:1.15rem;margin:1.4rem 0 .4rem}
a{color:#1450a0}
.meta{color:#555;font-size:.9rem}
p.meta{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid #ddd}
.scroll{overflow-x:auto}
input,select,textarea,button{font:inherit;padding:.3rem .4rem}
textarea{width:100%;min-height:10rem}
.cols{display:flex;flex-wrap:wrap;gap:1.5rem}
.cols>article{flex:3 1 28rem;min-width:0}
.cols>aside{flex:2 1 18rem;min-width:0}
article.text p{margin:0 0 1em;white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:none;color:inherit;padding:0}
mark.content{background:#d3f9d8}
mark.source{background:#c5dcff;box-shadow:inset 0 -2px #1c5fc4}
mark.cue{background:#ffd8a8;box-shadow:inset 0 -2px #e8590c}
.mention{text-decoration:underline dotted #333;text-underline-offset:2px;color:inherit}
a.mention:hover{background:#eee}
time.timex{border-bottom:2px dashed #862e9c;cursor:help}
.legend span{display:inline-block;padding:0 .35rem;margin-right:.3rem;border-radius:3px;font-size:.85rem}
.kind{display:inline-block;font-size:.75rem;padding:0 .35rem;border-radius:3px;background:#e9ecef;white-space:nowrap}
.kind.no_comment{background:#ffe3e3}
ol.attr{padding-left:1.4rem;font-size:.92rem}
ol.attr li{margin-bottom:.6rem}
.first{background:#fff3bf}
svg.chart{max-width:100%;height:auto;display:block}
.err{background:#ffe3e3;padding:.6rem;border-radius:4px}
.pager a{margin-right:1rem}
"#;

/// A whole page: frame, title, navigation with the search box, body.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · dossier</title><style>{CSS}</style></head><body>\
         <header class=\"top\"><a href=\"/\">dossier</a><form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search articles, quotes, names\" aria-label=\"Search\"><button>Search</button></form></header>\
         <main>{body}</main></body></html>",
        esc(title)
    )
}

/// A day or date-time shortened for tables (`2025-03-05 06:30`).
pub fn when(p: &Option<String>) -> String {
    match p {
        None => String::new(),
        Some(p) => esc(&p.chars().take(16).collect::<String>().replace('T', " ")),
    }
}

/// Convert code-point offsets to a clamped range over `chars`.
fn clamp(start: &Value, end: &Value, n: usize) -> Option<(usize, usize)> {
    let s = start.as_u64()? as usize;
    let e = end.as_u64()? as usize;
    let (s, e) = (s.min(n), e.min(n));
    (s < e).then_some((s, e))
}

/// A highlighted span: where, how deep it nests, and its tag.
struct Mark {
    start: usize,
    end: usize,
    /// Outer first: content 0, source 1, cue 2, mention 3, time 4.
    depth: u8,
    /// The opening tag without its closing `>` (data-start/end are added per piece).
    open: String,
    close: &'static str,
}

fn span_of(v: &Value, n: usize) -> Option<(usize, usize)> {
    clamp(v.get("start")?, v.get("end")?, n)
}

/// The marks of an analysis: attributions' contents (or their parts),
/// sources and cues, entity mentions (linked to their corpus entity when
/// `links` knows it) and time expressions (value in `title`).
fn marks(a: &Value, n: usize, links: &HashMap<String, i64>) -> Vec<Mark> {
    let mut out = Vec::new();
    let empty = Vec::new();
    let arr = |k: &str| a.get(k).and_then(|v| v.as_array()).unwrap_or(&empty).clone();
    for (i, t) in arr("attributions").iter().enumerate() {
        let kind = esc(t.get("kind").and_then(|v| v.as_str()).unwrap_or(""));
        let parts: Vec<&Value> = match t.get("parts").and_then(|p| p.as_array()) {
            Some(p) if !p.is_empty() => p.iter().collect(),
            _ => t.get("content").filter(|c| !c.is_null()).into_iter().collect(),
        };
        for p in parts {
            if let Some((s, e)) = span_of(p, n) {
                out.push(Mark { start: s, end: e, depth: 0, open: format!("<mark class=\"content\" data-a=\"{i}\" data-kind=\"{kind}\" title=\"attribution {}: {kind}\"", i + 1), close: "</mark>" });
            }
        }
        if let Some((s, e)) = t.get("source").and_then(|v| span_of(v, n)) {
            out.push(Mark { start: s, end: e, depth: 1, open: format!("<mark class=\"source\" data-a=\"{i}\" title=\"source of attribution {}\"", i + 1), close: "</mark>" });
        }
        if let Some((s, e)) = t.get("cue").and_then(|v| span_of(v, n)) {
            out.push(Mark { start: s, end: e, depth: 2, open: format!("<mark class=\"cue\" data-a=\"{i}\" title=\"cue of attribution {}\"", i + 1), close: "</mark>" });
        }
    }
    for e in arr("entities") {
        let id = e.get("id").and_then(|v| v.as_str()).unwrap_or("");
        let name = e.get("name").and_then(|v| v.as_str()).unwrap_or("");
        let ty = e.get("type").and_then(|v| v.as_str()).unwrap_or("");
        let title = esc(&format!("{name} ({ty})"));
        for m in e.get("mentions").and_then(|v| v.as_array()).unwrap_or(&empty) {
            if let Some((s, en)) = span_of(m, n) {
                let (open, close) = match links.get(id) {
                    Some(c) => (format!("<a class=\"mention\" href=\"/entity/{c}\" data-e=\"{}\" title=\"{title}\"", esc(id)), "</a>"),
                    None => (format!("<span class=\"mention\" data-e=\"{}\" title=\"{title}\"", esc(id)), "</span>"),
                };
                out.push(Mark { start: s, end: en, depth: 3, open, close });
            }
        }
    }
    for t in arr("times") {
        if let Some((s, e)) = span_of(&t, n) {
            let value = esc(t.get("value").and_then(|v| v.as_str()).unwrap_or(""));
            let ty = esc(t.get("type").and_then(|v| v.as_str()).unwrap_or(""));
            out.push(Mark { start: s, end: e, depth: 4, open: format!("<time class=\"timex\" title=\"{value}\" data-value=\"{value}\" data-type=\"{ty}\""), close: "</time>" });
        }
    }
    out
}

/// One paragraph `[ps, pe)` with its marks as properly nested elements: a
/// mark crossing another's boundary is split into pieces, each carrying its
/// own code-point range in `data-start` / `data-end`.
fn paragraph(chars: &[char], ps: usize, pe: usize, marks: &[Mark], out: &mut String) {
    let inside: Vec<(usize, usize, usize)> =
        marks.iter().enumerate().filter(|(_, m)| m.start < pe && m.end > ps).map(|(i, m)| (i, m.start.max(ps), m.end.min(pe))).collect();
    let mut points: Vec<usize> = vec![ps, pe];
    for &(_, s, e) in &inside {
        points.push(s);
        points.push(e);
    }
    points.sort_unstable();
    points.dedup();
    let mut parts: Vec<String> = Vec::new();
    // Open elements: (mark, index of its opening tag in `parts`, piece start).
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    let close = |stack: &mut Vec<(usize, usize, usize)>, parts: &mut Vec<String>, at: usize| {
        if let Some((m, slot, start)) = stack.pop() {
            parts[slot] = format!("{} data-start=\"{start}\" data-end=\"{at}\">", marks[m].open);
            parts.push(marks[m].close.to_string());
        }
    };
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut active: Vec<usize> = inside.iter().filter(|&&(_, s, e)| s <= a && e >= b).map(|&(i, _, _)| i).collect();
        active.sort_by(|&x, &y| {
            let (mx, my) = (&marks[x], &marks[y]);
            mx.depth.cmp(&my.depth).then(mx.start.cmp(&my.start)).then(my.end.cmp(&mx.end)).then(x.cmp(&y))
        });
        let keep = stack.iter().zip(&active).take_while(|(s, a)| s.0 == **a).count();
        while stack.len() > keep {
            close(&mut stack, &mut parts, a);
        }
        for &m in &active[keep..] {
            parts.push(String::new());
            stack.push((m, parts.len() - 1, a));
        }
        parts.push(esc(&chars[a..b].iter().collect::<String>()));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut parts, pe);
    }
    let _ = write!(out, "<p data-start=\"{ps}\" data-end=\"{pe}\">");
    out.extend(parts);
    out.push_str("</p>\n");
}

/// The article's clean text as paragraphs, with attributions, mentions and
/// times highlighted.
pub fn article_text(a: &Value, links: &HashMap<String, i64>) -> String {
    let text = a.get("text").and_then(|v| v.as_str()).unwrap_or("");
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let marks = marks(a, n, links);
    let mut paras: Vec<(usize, usize)> = a.get("paragraphs").and_then(|v| v.as_array()).map(|ps| ps.iter().filter_map(|p| span_of(p, n)).collect()).unwrap_or_default();
    if paras.is_empty() && n > 0 {
        paras.push((0, n));
    }
    let mut out = String::new();
    for (s, e) in paras {
        paragraph(&chars, s, e, &marks, &mut out);
    }
    out
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(|x| x.as_str()).unwrap_or("")
}

/// The list of attributions beside the text.
pub fn attribution_list(a: &Value, links: &HashMap<String, i64>) -> String {
    let empty = Vec::new();
    let attrs = a.get("attributions").and_then(|v| v.as_array()).unwrap_or(&empty);
    let entities = a.get("entities").and_then(|v| v.as_array()).unwrap_or(&empty);
    let name_of = |id: &str| entities.iter().find(|e| s(e, "id") == id).map(|e| s(e, "name").to_string());
    if attrs.is_empty() {
        return "<p class=\"meta\">No attributions found.</p>".to_string();
    }
    let mut out = String::from("<ol class=\"attr\">");
    for (i, t) in attrs.iter().enumerate() {
        let kind = s(t, "kind");
        let source = t.get("source").map(|v| s(v, "text")).unwrap_or("");
        let entity = t.get("source_entity").and_then(|v| v.as_str());
        let who = match entity.and_then(|e| links.get(e).map(|c| (e, *c))) {
            Some((e, c)) => format!("<a href=\"/entity/{c}\">{}</a>", esc(&name_of(e).unwrap_or_else(|| source.to_string()))),
            None => match entity.and_then(name_of) {
                Some(nm) => esc(&nm),
                None if source.is_empty() => "<i>no source given</i>".to_string(),
                None => esc(source),
            },
        };
        let _ = write!(out, "<li id=\"a{i}\"><span class=\"kind {}\">{}</span> <b>{who}</b> <span class=\"meta\">({})</span>", esc(kind), esc(&kind.replace('_', " ")), esc(s(t, "source_type")));
        if !source.is_empty() && entity.and_then(name_of).is_some_and(|nm| nm != source) {
            let _ = write!(out, " <span class=\"meta\">as “{}”</span>", esc(source));
        }
        if let Some(cue) = t.get("cue").filter(|c| !c.is_null()) {
            let _ = write!(out, " <i>{}</i>", esc(s(cue, "text")));
        }
        if let Some(c) = t.get("content").filter(|c| !c.is_null()) {
            let _ = write!(out, ": {}", esc(s(c, "text")));
        }
        for (k, label) in [("stance", "stance"), ("time", "when")] {
            if let Some(v) = t.get(k).and_then(|v| v.as_str()) {
                let _ = write!(out, " <span class=\"meta\">{label}: {}</span>", esc(v));
            }
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// The full article view: headline, metadata, legend, highlighted text and
/// the attributions beside it. `extra` is shown under the metadata.
pub fn article_view(a: &Value, links: &HashMap<String, i64>, extra: &str) -> String {
    let mut out = String::new();
    let title = a.get("title").and_then(|v| v.as_str()).unwrap_or("(no headline)");
    let _ = write!(out, "<h1>{}</h1><p class=\"meta\">", esc(title));
    let mut bits = Vec::new();
    if let Some(o) = a.get("outlet").and_then(|v| v.as_str()) {
        bits.push(format!("<b>{}</b>", esc(o)));
    }
    let authors: Vec<String> = a.get("authors").and_then(|v| v.as_array()).map(|v| v.iter().filter_map(|x| x.as_str()).map(esc).collect()).unwrap_or_default();
    if !authors.is_empty() {
        bits.push(format!("by {}", authors.join(", ")));
    }
    if let Some(p) = a.get("published").and_then(|v| v.as_str()) {
        bits.push(format!("<time datetime=\"{}\">{}</time>", esc(p), esc(p)));
    }
    if let Some(u) = a.get("url").and_then(|v| v.as_str()) {
        match safe_url(u) {
            Some(href) => bits.push(format!("<a href=\"{href}\" rel=\"noopener noreferrer nofollow\">{}</a>", esc(u))),
            None => bits.push(format!("<span class=\"url\">{}</span>", esc(u))),
        }
    }
    out.push_str(&bits.join(" · "));
    out.push_str("</p>");
    out.push_str(extra);
    out.push_str("<p class=\"legend meta\"><span class=\"source\" style=\"background:#c5dcff\">source</span><span style=\"background:#ffd8a8\">cue</span><span style=\"background:#d3f9d8\">what was said</span><span class=\"mention\">entity</span> <time class=\"timex\">time (hover for its value)</time></p>");
    let _ = write!(out, "<div class=\"cols\"><article class=\"text\" id=\"text\">{}</article><aside><h2>Attributions</h2>{}</aside></div>", article_text(a, links), attribution_list(a, links));
    if let Some(w) = a.get("warnings").and_then(|v| v.as_array()).filter(|w| !w.is_empty()) {
        out.push_str("<h2>Warnings</h2><ul>");
        for x in w {
            let _ = write!(out, "<li>{}</li>", esc(x.as_str().unwrap_or("")));
        }
        out.push_str("</ul>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(esc("<script>\"a\"&'b'</script>"), "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;");
        assert_eq!(urlenc("Renata Sobczak&x=1"), "Renata+Sobczak%26x%3D1");
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" https://a.example/?q=\"x\"").as_deref(), Some("https://a.example/?q=&quot;x&quot;"));
    }

    #[test]
    fn overlapping_spans_nest_and_keep_their_offsets() {
        // “Hi,” Ann said. — content 1..4, source 6..9, cue 10..14, mention 6..9, and a time crossing the cue.
        let a = serde_json::json!({
            "text": "“Hi,” Ann said. Tuesday",
            "paragraphs": [{"start": 0, "end": 23}],
            "attributions": [{"kind": "direct", "source": {"start": 6, "end": 9, "text": "Ann"}, "cue": {"start": 10, "end": 14, "text": "said"}, "content": {"start": 1, "end": 4, "text": "Hi,"}}],
            "entities": [{"id": "e1", "name": "Ann", "type": "person", "mentions": [{"start": 6, "end": 9, "text": "Ann", "kind": "name"}]}],
            "times": [{"start": 12, "end": 23, "text": "id. Tuesday", "type": "date", "value": "2025-03-04"}]
        });
        let links = HashMap::from([("e1".to_string(), 7)]);
        let h = article_text(&a, &links);
        assert!(h.contains("<mark class=\"content\" data-a=\"0\" data-kind=\"direct\" title=\"attribution 1: direct\" data-start=\"1\" data-end=\"4\">Hi,</mark>"), "{h}");
        assert!(h.contains("<mark class=\"source\" data-a=\"0\" title=\"source of attribution 1\" data-start=\"6\" data-end=\"9\"><a class=\"mention\" href=\"/entity/7\""), "{h}");
        // The time is split at the cue's end: one piece inside the cue, one after it.
        assert!(h.contains("data-start=\"12\" data-end=\"14\">id</time></mark>"), "{h}");
        assert!(h.contains("data-start=\"14\" data-end=\"23\">. Tuesday</time>"), "{h}");
        assert!(h.starts_with("<p data-start=\"0\" data-end=\"23\">“"));
    }

    #[test]
    fn article_text_is_escaped() {
        let a = serde_json::json!({"text": "<script>alert(1)</script> \"x\" onmouseover='y'", "paragraphs": [], "url": "javascript:alert(2)", "title": "<b>t</b>"});
        let h = article_view(&a, &HashMap::new(), "");
        assert!(!h.contains("<script>"));
        assert!(!h.contains("href=\"javascript"));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; onmouseover=&#39;y&#39;"));
        assert!(h.contains("<h1>&lt;b&gt;t&lt;/b&gt;</h1>"));
    }
}
