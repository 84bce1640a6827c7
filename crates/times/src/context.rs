//! Sentence bounds and the tense around an expression (the news resolution cue).

/// The tense that decides the direction of a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// "by", "until", "through" right before: a deadline ahead for a weekday; for a month, the nearest.
    Ahead,
    Unknown,
}

/// Sentence ranges (code points) of `chars`: ends at `.!?` followed by space and a capital or quote,
/// or at a blank line / line break. Abbreviations ("Nov.", "U.S.", "Mr.") do not end a sentence.
pub fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let mut end_here = false;
        if c == '\n' {
            end_here = true;
        } else if matches!(c, '.' | '!' | '?') {
            // next non-space char
            let mut j = i + 1;
            while j < n && matches!(chars[j], '"' | '\'' | '\u{201d}' | '\u{2019}' | ')') {
                j += 1;
            }
            if j >= n {
                end_here = true;
            } else if chars[j].is_whitespace() {
                let mut k = j;
                while k < n && chars[k] == ' ' {
                    k += 1;
                }
                if k >= n
                    || chars[k] == '\n'
                    || chars[k].is_uppercase()
                    || matches!(chars[k], '"' | '\u{201c}' | '\'')
                {
                    end_here = c != '.' || !is_abbrev(chars, i);
                }
            }
        }
        if end_here {
            if i + 1 > start {
                out.push((start, i + 1));
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < n {
        out.push((start, n));
    }
    out
}

fn is_abbrev(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (chars[s - 1].is_alphabetic() || chars[s - 1] == '.') {
        s -= 1;
    }
    let w: String = chars[s..dot].iter().collect::<String>().to_lowercase();
    if w.contains('.') || w.chars().count() == 1 {
        return true; // U.S., a.m., initials
    }
    matches!(
        w.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "capt"
            | "st"
            | "jr"
            | "sr"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "no"
            | "vs"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "mt"
            | "ft"
            | "prof"
            | "rev"
            | "gens"
            | "reps"
            | "sens"
            | "adm"
            | "maj"
            | "cmdr"
    )
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "won't",
    "wo",
    "would",
    "upcoming",
    "scheduled",
    "slated",
    "tomorrow",
    "await",
    "awaits",
    "awaiting",
];

const PAST_IRREGULAR: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "rose",
    "fell",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "told",
    "met",
    "held",
    "began",
    "left",
    "sold",
    "bought",
    "paid",
    "won",
    "lost",
    "saw",
    "found",
    "became",
    "got",
    "ran",
    "spoke",
    "wrote",
    "thought",
    "knew",
    "brought",
    "built",
    "sent",
    "spent",
    "struck",
    "broke",
    "chose",
    "drew",
    "flew",
    "grew",
    "led",
    "felt",
    "kept",
    "meant",
    "stood",
    "understood",
    "fought",
    "taught",
    "caught",
    "sought",
    "ago",
    "yesterday",
    "last",
    "earlier",
    "hit",
    "shot",
    "set",
    "cut",
    "quit",
    "ended",
    "beat",
    "dealt",
    "fled",
    "forgot",
    "froze",
    "hid",
    "lay",
    "laid",
    "slid",
    "stole",
    "swore",
    "threw",
    "woke",
    "wore",
    "withdrew",
    "overtook",
    "underwent",
];

const PRESENT_WORDS: &[&str] = &[
    "is", "are", "am", "says", "say", "has", "have", "does", "do", "'s",
];

const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "red",
    "bed",
    "feed",
    "seed",
    "breed",
    "greed",
    "deed",
    "weed",
    "shed",
    "hundred",
    "indeed",
    "proceed",
    "succeed",
    "exceed",
    "united",
    "limited",
    "based",
    "related",
    "so-called",
    "expected",
    "scheduled",
    "planned",
    "red",
    "wed",
    "fled",
    "led",
    "sled",
    "bred",
    "fed",
    "wicked",
    "naked",
    "sacred",
    "kindred",
    "bled",
    "unexpected",
    "unprecedented",
    "advanced",
    "alleged",
    "proposed",
    "detailed",
    "combined",
    "sophisticated",
    "interested",
    "qualified",
    "concerned",
    "experienced",
    "talented",
    "armed",
    "united",
    "disabled",
    "elected",
    "supposed",
    "used",
    "embed",
    "med",
    "ted",
    "ned",
    "fred",
    "ahmed",
    "mohammed",
    "muhammad",
    "ed",
];

fn token_tense(w: &str) -> Option<Tense> {
    if FUTURE_WORDS.contains(&w) {
        return Some(Tense::Future);
    }
    if PAST_IRREGULAR.contains(&w) {
        return Some(Tense::Past);
    }
    if PRESENT_WORDS.contains(&w) {
        return Some(Tense::Present);
    }
    if w.len() > 4 && w.ends_with("ed") && !NOT_PAST_ED.contains(&w) {
        return Some(Tense::Past);
    }
    None
}

/// The tense of the clause around `[start, end)` (code points) within `sentence`: the nearest tense
/// cue in the sentence, looking first at the words before the expression (HeidelTime's order), and
/// giving "going to", "is to", "plans to" the future.
pub fn tense(chars: &[char], sentence: (usize, usize), start: usize, end: usize) -> Tense {
    let (ss, se) = sentence;
    let ss = ss.min(chars.len());
    let se = se.min(chars.len());
    // words with positions, lower-cased into one buffer (one allocation for
    // the window, not one a word: this runs for every time expression)
    let mut buf = String::new();
    let mut spans: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    let mut i = ss;
    while i < se {
        if chars[i].is_alphabetic() || chars[i] == '\'' || chars[i] == '\u{2019}' {
            let s = i;
            while i < se
                && (chars[i].is_alphanumeric()
                    || chars[i] == '-'
                    || chars[i] == '\''
                    || chars[i] == '\u{2019}')
            {
                i += 1;
            }
            let from = buf.len();
            if chars[s..i].iter().all(char::is_ascii) {
                // Lower-cased as it is collected (what `to_lowercase` gives ASCII).
                buf.extend(chars[s..i].iter().map(char::to_ascii_lowercase));
            } else {
                let w: String = chars[s..i]
                    .iter()
                    .map(|c| if *c == '\u{2019}' { '\'' } else { *c })
                    .collect();
                buf.push_str(&w.to_lowercase());
            }
            let to = buf.len();
            // split clitics: he'll → he, 'll
            if let Some(p) = buf[from..to].find('\'') {
                if p > 0 {
                    spans.push((s, from..from + p));
                }
                spans.push((s + p, from + p..to));
            } else {
                spans.push((s, from..to));
            }
        } else {
            i += 1;
        }
    }
    let words: Vec<(usize, &str)> = spans.into_iter().map(|(pos, r)| (pos, &buf[r])).collect();
    let mut best: Option<(usize, Tense)> = None;
    let mut past_perfect = false;
    let mut consider = |dist: usize, t: Tense| {
        if best.map(|(d, _)| dist < d).unwrap_or(true) {
            best = Some((dist, t));
        }
    };
    // "who proposed it in January, said she would campaign": after a
    // reporting verb that follows the expression, the words are another
    // clause's (what was said), not the expression's.
    let mut reported_after = false;
    for (k, (pos, w)) in words.iter().enumerate() {
        if *pos >= start && *pos < end {
            continue;
        }
        if *pos >= end && reported_after {
            break;
        }
        if *pos >= end && matches!(*w, "said" | "says" | "told" | "added" | "stated" | "reported" | "announced" | "noted") {
            reported_after = true;
        }
        let base = token_tense(w);
        let special = matches!(
            *w,
            "planned"
                | "planning"
                | "plans"
                | "plan"
                | "set"
                | "expected"
                | "scheduled"
                | "slated"
                | "intends"
                | "intend"
                | "due"
                | "likely"
                | "ready"
                | "prepared"
                | "hope"
                | "hopes"
                | "aims"
                | "expect"
                | "expects"
        );
        if base.is_none() && !special {
            continue;
        }
        let mut t = base.unwrap_or(Tense::Unknown);
        let next = words.get(k + 1).map(|(_, w)| *w).unwrap_or("");
        let next2 = words.get(k + 2).map(|(_, w)| *w).unwrap_or("");
        if matches!(*w, "is" | "are" | "was" | "were") && next == "to" {
            t = Tense::Future;
        }
        if matches!(*w, "is" | "are" | "was" | "were") && (next == "going" && next2 == "to")
        {
            t = Tense::Future;
        }
        if matches!(
            *w,
            "is" | "are" | "was" | "were" | "be" | "been" | "'s" | "'re"
        ) && matches!(
            next,
            "expected" | "scheduled" | "due" | "set" | "slated" | "planned" | "planning" | "poised"
        ) {
            t = Tense::Future;
        }
        if matches!(*w, "is" | "are" | "'s" | "'re") && next == "about" && next2 == "to" {
            t = Tense::Future;
        }
        // ("expects the first cut in June": what is expected is to come)
        if matches!(*w, "expected" | "scheduled" | "slated" | "expects" | "expect") {
            t = Tense::Future;
        }
        if matches!(*w, "planned" | "planning" | "plans" | "plan")
            && matches!(next, "a" | "an" | "the" | "to")
        {
            t = Tense::Future;
        }
        if matches!(
            *w,
            "set" | "planned" | "scheduled" | "slated" | "due" | "targeted" | "expected"
        ) && next == "for"
        {
            t = Tense::Future;
        }
        let p1 = if k >= 1 { words[k - 1].1 } else { "" };
        let p2 = if k >= 2 { words[k - 2].1 } else { "" };
        // nouns and adjectives, not verbs: "announced plans to", "an unspecified date"
        let determiner = matches!(
            p1,
            "a" | "an"
                | "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "no"
                | "any"
                | "still"
                | "previously"
                | "newly"
                | "announced"
                | "unveiled"
                | "disclosed"
                | "outlined"
                | "new"
        );
        // ("the first cut in June", "a big hit": an irregular past after a
        // determiner and an ordinal or adjective is a noun too)
        let determined_noun = matches!(p1, "first" | "second" | "third" | "next" | "last" | "final" | "big" | "biggest" | "latest" | "initial" | "deep" | "sharp" | "new")
            && matches!(p2, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our")
            && !w.ends_with("ed")
            && base == Some(Tense::Past);
        if determined_noun
            || determiner && (w.ends_with("ed") || matches!(*w, "plans" | "plan") || base == Some(Tense::Past) && !w.ends_with("ed"))
                && !matches!(*w, "scheduled" | "expected")
        {
            continue;
        }
        if matches!(
            *w,
            "plans"
                | "plan"
                | "planned"
                | "planning"
                | "intends"
                | "intend"
                | "expects"
                | "expect"
                | "hopes"
                | "hope"
                | "aims"
                | "set"
                | "due"
                | "prepared"
                | "ready"
                | "likely"
        ) && next == "to"
        {
            t = Tense::Future;
        }
        // passives and perfects: "to be published", "had been scheduled", "has been named"
        if t == Tense::Past && matches!(p1, "be" | "being" | "been") && !w.ends_with("ed") {
            // irregular participles: "would be held", "has been sold"
            t = if matches!(p2, "to" | "will" | "'ll" | "would" | "shall") && p1 == "be" {
                Tense::Future
            } else if p1 == "been" {
                Tense::Past
            } else {
                Tense::Present
            };
        }
        if t != Tense::Present && w.ends_with("ed")
            || matches!(*w, "scheduled" | "expected" | "slated")
        {
            if matches!(p1, "be" | "being")
                && matches!(p2, "to" | "will" | "'ll" | "would" | "shall")
            {
                t = Tense::Future;
            } else if p1 == "been" && matches!(p2, "had" | "has" | "have")
                || matches!(p1, "was" | "were" | "had")
            {
                t = Tense::Past;
            } else if matches!(p1, "is" | "are")
                && !matches!(*w, "scheduled" | "expected" | "slated")
            {
                t = Tense::Present;
            }
        }
        if matches!(*w, "has" | "have" | "had") && (next.ends_with("ed") || next == "been")
        {
            t = Tense::Past;
        }
        // past perfect around a future-looking word: "had been due to expire", "had been scheduled"
        if t == Tense::Future && (p1 == "had" || p2 == "had") {
            t = Tense::Past;
        }
        if *w == "had" {
            past_perfect = true;
        }
        if t == Tense::Unknown {
            continue;
        }
        if matches!(*w, "last" | "earlier" | "later" | "next" | "coming") {
            // these qualify nearby time words; they are weak cues
            continue;
        }
        // a reporting verb after the expression ("..., Castro said") tells when it was said, not when
        if *pos >= end
            && matches!(
                *w,
                "said"
                    | "says"
                    | "told"
                    | "added"
                    | "stated"
                    | "reported"
                    | "announced"
                    | "predicted"
                    | "noted"
            )
        {
            continue;
        }
        // words before the expression count a little closer than words after it
        let dist = if *pos < start {
            (start - pos) / 4
        } else {
            (pos - end) / 4 + 3
        };
        // ("The law, signed by the governor in June, was set to take effect
        // …": past a comma the words are another clause's.)
        let (lo, hi) = if *pos < start { (*pos, start) } else { (end, *pos) };
        let dist = if chars[lo..hi].contains(&',') { dist + 6 } else { dist };
        consider(dist, t);
    }
    // a preposition right before the expression: "by February", "until March" look ahead, "since" back
    // ("before a Friday deadline", "expected before Friday": ahead as well;
    // a bare "before Friday's purchases" keeps the tense's reading.)
    let mut before_words = words.iter().rev().filter(|(p, _)| *p < start).map(|(_, w)| *w);
    let previous = before_words.next();
    let prep = match previous {
        Some("a" | "the") => before_words.next().filter(|w| *w == "before"),
        Some("before") => match before_words.next() {
            Some("expected" | "due" | "scheduled" | "planned" | "set") => Some("before"),
            _ => None,
        },
        w => w,
    };
    if let Some(w) = prep {
        let t = match w {
            "by" | "until" | "till" | "effective" | "starting" | "beginning" | "before" if !past_perfect => {
                Some((1, Tense::Future))
            }
            "through" | "thru" if !past_perfect => Some((1, Tense::Ahead)),
            "as" if words
                .iter()
                .rev()
                .filter(|(p, _)| *p < start)
                .nth(1)
                .map(|(_, w)| *w == "soon" || *w == "early")
                .unwrap_or(false) =>
            {
                Some((0, Tense::Future))
            }
            "since" => Some((0, Tense::Past)),
            _ => None,
        };
        if let Some((d, t)) = t {
            consider(d, t);
        }
    }
    // "a May 6 special election", "the Nov. 24 deadline": a date before the
    // noun of a scheduled event is the event's day, ahead whatever the verb.
    let following: Vec<&str> = words.iter().filter(|(p, _)| *p >= end).take(3).map(|(_, w)| *w).collect();
    // The event's noun within three words, only qualifiers before it.
    let noun_at = following.iter().position(|w| SCHEDULED.contains(w));
    let scheduled = noun_at.is_some_and(|n| {
        following[..n].iter().all(|w| matches!(*w, "special" | "general" | "primary" | "presidential" | "national" | "state" | "city" | "final" | "public" | "court" | "runoff"))
    })
        && chars.get(end).is_some_and(|c| *c == ' ')
        // a calendar date ("May 6"), not a weekday: "the Tuesday deadline"
        // in a Thursday story is often the one just past; but "a Friday
        // deadline" (indefinite) is the one ahead.
        && (chars[start..end].iter().any(char::is_ascii_digit) || previous == Some("a"))
        && chars[start..end].iter().any(|c| c.is_alphabetic());
    // "set a hearing for Jan. 20", "the deadline of March 1": the event's
    // noun before the date, joined by "for" or "of".
    let mut before_words = words.iter().rev().filter(|(p, _)| *p < start).map(|(_, w)| *w);
    let noun_before = matches!(before_words.next(), Some("for" | "of")) && before_words.next().is_some_and(|w| SCHEDULED.contains(&w)) && chars[start..end].iter().any(char::is_ascii_digit);
    if (scheduled || noun_before) && !past_perfect {
        return Tense::Ahead;
    }
    best.map(|(_, t)| t).unwrap_or(Tense::Unknown)
}

/// Nouns of scheduled events that a date before them is the day of.
const SCHEDULED: &[&str] = &[
    "election", "elections", "vote", "referendum", "primary", "primaries", "runoff", "ballot", "deadline", "hearing",
    "summit", "trial", "sentencing", "caucus", "caucuses", "debate", "launch", "opening", "meeting", "session",
];
