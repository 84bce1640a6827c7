//! Evaluation helper: reads JSONL lines `{"id", "text", "published"?}` (a file argument or stdin)
//! and prints one line per document in the analysis contract's shape:
//! `{"id", "text", "times": [{"start","end","text","type","value","mod"?,"anchor"?}]}`.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reader: Box<dyn BufRead> = match args.first() {
        Some(p) if p != "-" => match std::fs::File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("timex-eval: {p}: {e}");
                std::process::exit(2);
            }
        },
        _ => Box::new(BufReader::new(std::io::stdin())),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (n, line) in reader.lines().enumerate() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("timex-eval: line {}: {e}", n + 1);
                continue;
            }
        };
        let text = v.get("text").and_then(Value::as_str).unwrap_or("");
        let published = v.get("published").and_then(Value::as_str);
        let times: Vec<Value> = dossier_times::find(text, published)
            .into_iter()
            .map(|t| {
                let mut o = json!({"start": t.start, "end": t.end, "text": t.text, "type": t.kind.as_str(), "value": t.value});
                if let Some(m) = t.modifier {
                    o["mod"] = json!(m);
                }
                if let Some(a) = t.anchor {
                    o["anchor"] = json!(a);
                }
                o
            })
            .collect();
        let o = json!({"id": v.get("id").cloned().unwrap_or(Value::Null), "text": text, "times": times});
        if writeln!(out, "{o}").is_err() {
            break;
        }
    }
}
