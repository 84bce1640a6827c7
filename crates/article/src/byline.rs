//! Bylines to author names: "By JANE DOE and John Smith | Reuters, Updated 5
//! Minute Read" → `["Jane Doe", "John Smith"]`.

use std::sync::LazyLock;

use regex::Regex;

static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(published|updated|posted|last\ updated|modified)\b.*$   # a date follows these
        | \b\d+\s*(-\s*)?(minute|min)s?\.?\s+read\b
        | \b(read\ time|reading\ time)\b.*$
        | \S+@\S+                                                   # e-mail
        | https?://\S+
        | \bfollow\b.*$
        | @\w+
        ",
    )
    .unwrap()
});

static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*((written|words|reporting|story|text|photos?)\s+)?by\s*:?\s+").unwrap());

static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(staff|senior|chief|special|contributing|political|foreign|national|white house|washington)?\s*(writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|bureau chief|staff writer)s?$|^(the )?(staff|editors|editorial board|newsroom|guest|admin|administrator|author|by)$").unwrap()
});

/// Names in one byline string (or one metadata author value). Names only: roles,
/// dates, "Updated", "5 Minute Read", e-mail addresses and handles are dropped;
/// names written in capitals are given title case.
pub fn authors(byline: &str) -> Vec<String> {
    let s = LEAD.replace(byline.trim(), "");
    let s = NOISE.replace_all(&s, " ");
    let mut out = Vec::new();
    let parts = s
        .split([',', '|', ';', '&', '/', '•', '·', '\n'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" And "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "));
    for part in parts {
        let part = LEAD.replace(part.trim(), "");
        let part = part.trim().trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c == ':' || c.is_whitespace());
        if let Some(name) = clean_name(part) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn clean_name(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || ROLE_WORDS.is_match(part) {
        return None;
    }
    let particle = |w: &str| matches!(w, "de" | "da" | "van" | "von" | "der" | "den" | "la" | "le" | "del" | "di" | "al" | "bin" | "ibn" | "el" | "du" | "dos" | "do");
    for w in &words {
        let first = w.chars().next()?;
        if !(first.is_uppercase() || particle(w) || w.starts_with("al-") || w.starts_with("el-")) {
            return None;
        }
        if !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')) {
            return None;
        }
    }
    let all_caps = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let name = if all_caps && part.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        words.iter().map(|w| title_case(w)).collect::<Vec<_>>().join(" ")
    } else {
        words.join(" ")
    };
    Some(name)
}

fn title_case(w: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '’' | '.');
    }
    out
}

/// Does this line look like a byline ("By Jane Doe", "By Jane Doe, Reuters")?
pub fn is_byline(line: &str) -> bool {
    let l = line.trim();
    l.chars().count() < 160 && LEAD.is_match(l) && !authors(l).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_only() {
        assert_eq!(authors("By Jane Doe and John Smith"), ["Jane Doe", "John Smith"]);
        assert_eq!(authors("By JANE DOE | Reuters"), ["Jane Doe", "Reuters"]);
        assert_eq!(authors("Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(authors("By Maria de la Cruz Published 5:30 p.m. ET Nov. 6, 2014"), ["Maria de la Cruz"]);
        assert_eq!(authors("Jane Doe 5 Minute Read"), ["Jane Doe"]);
        assert_eq!(authors("Updated 10:00 AM"), Vec::<String>::new());
        assert_eq!(authors("By Ali al-Sayed, Amy O'Neil & Kim Lee-Park"), ["Ali al-Sayed", "Amy O'Neil", "Kim Lee-Park"]);
        assert_eq!(authors("https://www.facebook.com/janedoe"), Vec::<String>::new());
        assert_eq!(authors("jane.doe@example.com"), Vec::<String>::new());
        assert_eq!(authors("By Justine Coleman - 11/18/19 11:04 PM EST"), ["Justine Coleman"]);
    }

    #[test]
    fn byline_lines() {
        assert!(is_byline("By Paul Richter"));
        assert!(is_byline("By PAUL RICHTER and JANE DOE"));
        assert!(!is_byline("By the end of the year, prices had doubled."));
        assert!(!is_byline("Obama reportedly sought Khamenei’s aid"));
    }
}
