//! JSONL dumps: one document per line,
//! `{"id", "text" | "html", "url"?, "published"?, "title"?, "outlet"?}`.

use serde_json::Value;

use crate::{Body, Document, DocumentError, Hints, Origin};

/// Split a JSONL buffer into documents, one per non-blank line. A malformed line
/// gives an error for that line only (with its 1-based line number in the
/// returned origin); the other lines are unaffected.
///
/// `"text"` is analysed verbatim; `"html"` goes through HTML extraction. When a
/// line has no `id`, its origin (`file:line`) stands in.
pub fn split_jsonl(container: &str, text: &str) -> Vec<(Origin, Result<Document, DocumentError>)> {
    text.split('\n').enumerate().filter_map(|(i, line)| jsonl_line(container, i + 1, line)).collect()
}

/// One line of a JSONL file or stream (its 1-based `number` in `container`) as
/// [`split_jsonl`] reads it: `None` for a blank line, else the document or why
/// the line is not one. A trailing `\r` (and `\n`) is ignored. For readers
/// that stream a dump line by line.
pub fn jsonl_line(container: &str, number: usize, line: &str) -> Option<(Origin, Result<Document, DocumentError>)> {
    let line = line.trim_end_matches('\n').trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let origin = Origin::JsonlLine { container: container.to_string(), line: number };
    let doc = parse_line(line).map(|(body, hints)| Document { origin: origin.clone(), body, hints, warnings: Vec::new() });
    Some((origin, doc))
}

fn parse_line(line: &str) -> Result<(Body, Hints), DocumentError> {
    let value: Value = serde_json::from_str(line).map_err(|e| DocumentError::BadJsonl(e.to_string()))?;
    let Value::Object(obj) = value else {
        return Err(DocumentError::BadJsonl("not a JSON object".into()));
    };
    let string = |k: &str| -> Option<String> {
        match obj.get(k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let hints = Hints {
        id: string("id"),
        url: string("url"),
        published: string("published").or_else(|| string("date")),
        title: string("title"),
        outlet: string("outlet").or_else(|| string("publisher")).or_else(|| string("site")),
    };
    let body = if let Some(t) = obj.get("text").and_then(Value::as_str) {
        Body::VerbatimText(t.to_string())
    } else if let Some(h) = obj.get("html").and_then(Value::as_str) {
        Body::Html(h.to_string())
    } else {
        return Err(DocumentError::BadJsonl("no \"text\" or \"html\" string field".into()));
    };
    Ok((body, hints))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_documents_and_bad_lines_are_reported() {
        let input = "{\"id\":\"a\",\"text\":\"Hello.\\nWorld.\",\"published\":\"2014-11-06\"}\n\
                     not json\n\
                     \n\
                     {\"id\":7,\"html\":\"<p>x</p>\",\"url\":\"https://example.org/a\"}\n\
                     {\"id\":\"c\"}\n";
        let docs = split_jsonl("in.jsonl", input);
        assert_eq!(docs.len(), 4);
        let a = docs[0].1.as_ref().unwrap();
        assert_eq!(a.body, Body::VerbatimText("Hello.\nWorld.".into()));
        assert_eq!(a.hints.published.as_deref(), Some("2014-11-06"));
        assert!(matches!(docs[1].1, Err(DocumentError::BadJsonl(_))));
        assert_eq!(docs[1].0.to_string(), "in.jsonl:2");
        let b = docs[2].1.as_ref().unwrap();
        assert_eq!(b.hints.id.as_deref(), Some("7"));
        assert_eq!(b.body, Body::Html("<p>x</p>".into()));
        assert!(docs[3].1.is_err());
    }

    #[test]
    fn verbatim_text_keeps_every_character() {
        let t = "  Leading space,\r\n“curly” and tabs\t.  ";
        let line = serde_json::json!({"id": "x", "text": t}).to_string();
        let docs = split_jsonl("-", &line);
        assert_eq!(docs[0].1.as_ref().unwrap().body, Body::VerbatimText(t.into()));
    }
}
