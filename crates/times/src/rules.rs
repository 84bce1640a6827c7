//! Recognition: one rule per expression family, each a regex over the lower-cased text and a
//! function from its match to the expression's meaning (`Sem`), resolved later in `resolve`.

use crate::lexicon::{self as lx, Unit};
use regex::{Captures, Regex};
use std::sync::{LazyLock, OnceLock};

/// The year of a partly given date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearSpec {
    Abs(i32),
    /// Relative to the publication year ("last year's third quarter").
    Rel(i32),
    /// From tense and context.
    Infer,
}

/// Which quarter a quarter expression names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QWhich {
    Ord(u32),
    /// "the quarter", "the latest quarter": the one under discussion.
    Latest,
    /// "last/this/next quarter".
    Rel(i32),
    /// "the year-ago quarter".
    YearAgo,
    /// "the current quarter": the one the publication date falls in.
    Current,
    /// "that quarter": the last one mentioned.
    That,
    /// "the 1988 quarter", "the 1989 period": the quarter under discussion, in that year.
    OfYear(i32),
}

/// What an expression means, before resolution against the publication date.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    Date {
        y: YearSpec,
        m: Option<u32>,
        d: Option<u32>,
    },
    /// A weekday; `rel` -1 "last", 1 "next", 0 by tense.
    Weekday {
        wd: u32,
        rel: i32,
    },
    RelDay {
        off: i64,
    },
    /// "last week", "this year", "next month"; `anchored` for "the following year" (the last mentioned date).
    Rel {
        unit: Unit,
        off: i32,
        anchored: bool,
    },
    /// "three weeks ago", "two days later".
    Ago {
        unit: Unit,
        n: Option<f64>,
        dir: i32,
        anchored: bool,
    },
    /// "a year ago", "a year earlier", "year-earlier": a year before the period under discussion.
    YearAgo,
    Quarter {
        which: QWhich,
        y: YearSpec,
    },
    Half {
        h: u32,
        y: YearSpec,
    },
    Season {
        s: &'static str,
        y: YearSpec,
        rel: i32,
    },
    Weekend {
        rel: i32,
    },
    Thanksgiving,
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// "the week of March 6".
    WeekOf(Box<Sem>),
    /// "year-end": the last day of the year, this one or (in the past tense) the one before.
    YearEnd,
    /// "the previous Friday": relative to the last mentioned day.
    AnchoredWeekday {
        wd: u32,
        dir: i32,
    },
    /// "the 24th": a day of the current month.
    OrdDay {
        d: u32,
    },
    Lit(String),
    Dur(String),
    Set(String),
    /// A clock time, on a day (or the publication day).
    Time {
        h: u32,
        mi: u32,
        day: Option<Box<Sem>>,
    },
    /// "the day before last Tuesday": a day some days from another one.
    Shift {
        day: Box<Sem>,
        off: i64,
    },
    /// A part of a day: "Friday morning", "tonight".
    Part {
        day: Box<Sem>,
        part: &'static str,
    },
}

/// One recognised expression, with byte offsets into the lower-cased text.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<&'static str>,
}

/// What a rule may look at: the lower-cased text and the original characters.
pub struct Src<'a> {
    pub low: &'a str,
    pub orig: &'a str,
}

impl Src<'_> {
    /// Is the original character at byte `b` of the lower-cased text upper case? (Both strings
    /// have the same characters one for one, and the same byte lengths: see `lib::prepare`.)
    pub fn upper_at(&self, b: usize) -> bool {
        self.orig
            .get(b..)
            .and_then(|s| s.chars().next())
            .map(|c| c.is_uppercase())
            .unwrap_or(false)
    }
    pub fn before(&self, b: usize, n: usize) -> &str {
        let mut s = b.saturating_sub(n);
        while s > 0 && !self.low.is_char_boundary(s) {
            s -= 1;
        }
        self.low.get(s..b).unwrap_or("")
    }
    pub fn after(&self, b: usize, n: usize) -> &str {
        let mut e = (b + n).min(self.low.len());
        while e < self.low.len() && !self.low.is_char_boundary(e) {
            e += 1;
        }
        self.low.get(b..e).unwrap_or("")
    }
    /// The previous word before byte `b`.
    pub fn prev_word(&self, b: usize) -> &str {
        let s = self.before(b, 40).trim_end();
        let s = s.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%');
        let i = s.rfind(|c: char| {
            !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '$' || c == '%' || c == '.')
        });
        match i {
            // Past the separator, which may be a multi-byte character (’ “ —).
            Some(i) => &s[i + s[i..].chars().next().map_or(1, char::len_utf8)..],
            None => s,
        }
    }
    pub fn next_word(&self, b: usize) -> &str {
        let s = self.after(b, 40).trim_start();
        let e = s
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .unwrap_or(s.len());
        &s[..e]
    }
}

type Handler = fn(&Captures, &Src, usize, usize) -> Option<(Sem, Option<&'static str>)>;

/// Groups of words for a rule's prefilter: a text must contain a word of every group.
type Need = &'static [&'static [&'static str]];

/// No prefilter: the rule is always run.
const ANY: Need = &[];

/// The seasons, one of which a season rule's match names.
const SEASONS: Need = &[&["spring", "summer", "fall", "autumn", "winter"]];

/// A rule: its pattern, compiled the first time a text may match it, and a literal prefilter.
struct Rule {
    pattern: String,
    re: OnceLock<Regex>,
    /// Words every match contains: the text must contain one word of each group, or the rule
    /// cannot match and its scan is skipped. Each is read off the pattern (an alternative the
    /// match must take, spelled with plain characters), so skipping never changes the output.
    need: Need,
    f: Handler,
}

impl Rule {
    /// Can the rule match in `low` at all? A cheap test before compiling and running the regex
    /// ([`Prefilter::rules`] answers it for every rule at once; this is its reference).
    #[cfg(test)]
    fn may_match(&self, low: &str) -> bool {
        self.need
            .iter()
            .all(|group| group.iter().any(|w| low.contains(w)))
    }

    fn re(&self) -> &Regex {
        self.re.get_or_init(|| r(&self.pattern))
    }
}

/// A named group's text; an empty match counts as absent.
fn g<'a>(c: &'a Captures, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str()).filter(|s| !s.is_empty())
}

fn modifier(s: Option<&str>) -> Option<&'static str> {
    let s = s?.trim().trim_end_matches('-').trim();
    Some(match s {
        "early" | "the beginning of" | "the start of" | "beginning of" | "start of"
        | "the first half of" | "earlier" => "START",
        "late" | "the end of" | "end of" | "end" | "the second half of" | "later"
        | "the close of" => "END",
        "mid" | "the middle of" | "middle of" => "MID",
        "about" | "around" | "approximately" | "roughly" | "some" | "close to" => "APPROX",
        "nearly" | "almost" | "less than" | "fewer than" | "under" | "barely" | "just under" => {
            "LESS_THAN"
        }
        "more than" | "over" | "well over" | "upwards of" | "just over" => "MORE_THAN",
        "at least" | "no less than" => "EQUAL_OR_MORE",
        "at most" | "up to" | "no more than" => "EQUAL_OR_LESS",
        _ => return None,
    })
}

fn year_of(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    if let Some(r) = s.strip_prefix('\'') {
        let v: i32 = r.parse().ok()?;
        return Some(if v < 30 { 2000 + v } else { 1900 + v });
    }
    lx::spoken_year(s)
}

fn year_spec(s: Option<&str>) -> YearSpec {
    let Some(s) = s else { return YearSpec::Infer };
    let s = s.replace('\u{2019}', "'");
    let s = s
        .trim()
        .trim_start_matches("fiscal")
        .trim_start_matches("year")
        .trim();
    match s {
        "this year" | "this year's" | "the current year" | "the current year's" => YearSpec::Rel(0),
        "last year" | "last year's" | "the previous year" => YearSpec::Rel(-1),
        "next year" | "next year's" => YearSpec::Rel(1),
        _ => year_of(s).map(YearSpec::Abs).unwrap_or(YearSpec::Infer),
    }
}

const MEASURE_NOUNS: &[&str] = &[
    "people",
    "shares",
    "tons",
    "tonnes",
    "employees",
    "workers",
    "jobs",
    "miles",
    "feet",
    "foot",
    "meters",
    "metres",
    "points",
    "units",
    "cars",
    "troops",
    "soldiers",
    "members",
    "dollars",
    "yen",
    "marks",
    "francs",
    "pounds",
    "acres",
    "barrels",
    "vehicles",
    "students",
    "children",
    "residents",
    "homes",
    "houses",
    "copies",
    "pages",
    "votes",
    "delegates",
    "kilometers",
    "km",
    "ft",
    "square",
    "cubic",
    "degrees",
    "percent",
    "per",
    "lbs",
    "calories",
    "passengers",
    "planes",
    "aircraft",
    "rooms",
    "beds",
    "seats",
    "deaths",
    "cases",
    "patients",
    "stores",
    "plants",
    "offices",
    "words",
    "hours",
    "days",
    "hrs",
    "contracts",
    "mark",
    "gmt",
    "utc",
    "tanks",
    "lines",
    "companies",
    "firms",
    "banks",
    "accounts",
    "customers",
    "mw",
    "megawatts",
    "kilowatts",
];

fn ok_year_context(src: &Src, s: usize, e: usize) -> bool {
    let before = src.before(s, 2);
    let b1 = before.chars().last().unwrap_or(' ');
    if matches!(
        b1,
        '$' | '#' | '-' | '/' | ':' | '.' | ',' | '£' | '€' | '+'
    ) && !before.ends_with(". ")
        && !(b1 == '-' && src.before(s, 5).trim_end_matches('-').ends_with("mid"))
    {
        return false;
    }
    let after = src.after(e, 12);
    if after.starts_with(|c: char| c == '%' || c == '-' && !after.starts_with("-year")) {
        return false;
    }
    if after.starts_with(",0")
        || after.starts_with(",1")
        || after.starts_with(".0")
        || after.starts_with(':')
    {
        return false;
    }
    if after.starts_with('/')
        || (after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let nw = src.next_word(e);
    if MEASURE_NOUNS.contains(&nw) {
        return false;
    }
    let pw = src.prev_word(s);
    if matches!(
        pw,
        "no."
            | "number"
            | "flight"
            | "route"
            | "room"
            | "highway"
            | "interstate"
            | "about"
            | "some"
            | "nearly"
            | "than"
            | "over"
            | "of"
            | "to"
            | "the"
            | "top"
            | "and"
    ) {
        // "of 1990" and "to 1990" are usually years; keep them when the number looks like a year and the
        // next word is not a noun of measure. "the 1990 budget" is a year too.
        return matches!(pw, "of" | "to" | "the" | "and" | "than")
            && !src.after(e, 1).starts_with(|c: char| c.is_ascii_digit());
    }
    true
}

fn cap_ok(src: &Src, c: &Captures, name: &str) -> bool {
    match c.name(name) {
        Some(m) => src.upper_at(m.start()),
        None => true,
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(build);

/// Every rule's prefilter ([`Rule::need`]) answered in one pass over a text:
/// the needed words in one automaton, instead of a `contains` scan of the
/// text per word per rule (seventy scans of each article).
struct Prefilter {
    words: aho_corasick::AhoCorasick,
    /// For each rule, its groups of needed words as indexes into `words`.
    groups: Vec<Vec<Vec<usize>>>,
}

static PREFILTER: LazyLock<Prefilter> = LazyLock::new(|| {
    let mut vocab: Vec<&'static str> = Vec::new();
    let mut index = |w: &'static str| match vocab.iter().position(|v| *v == w) {
        Some(i) => i,
        None => {
            vocab.push(w);
            vocab.len() - 1
        }
    };
    let groups = RULES.iter().map(|r| r.need.iter().map(|g| g.iter().map(|w| index(w)).collect()).collect()).collect();
    // Substring matches, overlapping: what `str::contains` answers, word by word.
    let words = aho_corasick::AhoCorasick::new(&vocab).expect("the prefilter words build an automaton");
    Prefilter { words, groups }
});

impl Prefilter {
    /// Which rules may match `low`: [`Rule::may_match`] of each, from one scan.
    fn rules(&self, low: &str) -> Vec<bool> {
        let mut present = vec![false; self.words.patterns_len()];
        for m in self.words.find_overlapping_iter(low) {
            present[m.pattern().as_usize()] = true;
        }
        self.groups.iter().map(|groups| groups.iter().all(|g| g.iter().any(|&w| present[w]))).collect()
    }
}

fn r(p: &str) -> Regex {
    // typographic apostrophes count as straight ones ("New Year’s Day", "the ’90s")
    let p = p.replace('\'', "['\u{2019}]");
    let p = p
        .replace("MONTH", lx::MONTH)
        .replace("WEEKDAY", lx::WEEKDAY)
        .replace("NUMWORD", lx::NUMWORD)
        .replace("VAGUE", lx::VAGUE)
        .replace("DIGITS", lx::DIGITS)
        .replace("ORDWORD", lx::ORDWORD)
        .replace("SPOKENYEAR", lx::SPOKEN_YEAR)
        .replace("UNIT", lx::UNIT)
        .replace("YEAR4", r"(?:1[6-9]\d\d|20\d\d)")
        .replace("DMOD", r"(?:early|late|mid-|mid|the end of|the beginning of|the start of|the middle of|end-|the close of)");
    // ASCII word boundaries keep every rule within the regex crate's fast DFA
    // (a Unicode `\b` makes it fall back to a much slower engine); the text is
    // lower-cased news English, where the two agree on word edges.
    let p = p.replace(r"\b", r"(?-u:\b)");
    // Digits are ASCII: the values are read with `str::parse`, which takes
    // no others, and Unicode's `\d` (some 70 ranges of digits) made each
    // rule's automaton several times larger to build.
    let p = p.replace(r"\d", "[0-9]");
    Regex::new(&p).unwrap_or_else(|e| panic!("bad rule regex {p}: {e}"))
}

const DAYEXPR: &str = r"(?:today|yesterday|tomorrow|tonight|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|MONTH\.?\s+[0-3]?\d(?:,?\s+YEAR4)?)";

/// A day expression inside a longer one ("Wednesday" in "10 p.m. Wednesday").
pub fn parse_day(s: &str) -> Option<Sem> {
    let s = s
        .trim()
        .trim_start_matches(',')
        .trim()
        .trim_start_matches("on ")
        .trim();
    match s {
        "today" => return Some(Sem::RelDay { off: 0 }),
        "tonight" => return Some(Sem::RelDay { off: 0 }),
        "yesterday" => return Some(Sem::RelDay { off: -1 }),
        "tomorrow" => return Some(Sem::RelDay { off: 1 }),
        _ => {}
    }
    if let Some(wd) = lx::weekday_num(s) {
        if s.len() > 5 {
            return Some(Sem::Weekday { wd, rel: 0 });
        }
    }
    static MD: LazyLock<Regex> =
        LazyLock::new(|| r(r"^(?P<mon>MONTH)\.?\s+(?P<d>[0-3]?\d)(?:,?\s+(?P<y>YEAR4))?$"));
    let c = MD.captures(s)?;
    let m = lx::month_num(g(&c, "mon")?)?;
    let d: u32 = g(&c, "d")?.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    Some(Sem::Date {
        y: year_spec(g(&c, "y")),
        m: Some(m),
        d: Some(d),
    })
}

fn build() -> Vec<Rule> {
    let mut v: Vec<Rule> = Vec::new();
    // `need`: the words a match must contain (see `Rule::need`); `ANY` for no prefilter.
    let mut add = |need: Need, p: &str, f: Handler| {
        v.push(Rule {
            pattern: p.to_string(),
            re: OnceLock::new(),
            need,
            f,
        })
    };

    // Month day, year: "Nov. 24", "Saturday, April 25", "March 26, 1996", "March eighth".
    add(
        ANY,
        r"\b(?:(?P<wd>WEEKDAY)\.?,?\s+)?(?:the\s+)?(?P<mon>MONTH)\b\.?\s+(?:the\s+)?(?P<d>[0-3]?\d(?:st|nd|rd|th)?|ORDWORD)\b(?:,?\s+(?P<y>YEAR4|SPOKENYEAR)\b)?",
        |c, src, _, _| {
            if !cap_ok(src, c, "mon") && !cap_ok(src, c, "wd") {
                return None;
            }
            let m = lx::month_num(g(c, "mon")?)?;
            let d = lx::ordinal(g(c, "d")?)?;
            if !(1..=31).contains(&d) {
                return None;
            }
            // "May 5 percent" or "Jan 12 cents": not dates
            let nw = src.next_word(c.get(0)?.end());
            if g(c, "y").is_none() && MEASURE_NOUNS.contains(&nw) {
                return None;
            }
            Some((
                Sem::Date {
                    y: year_spec(g(c, "y")),
                    m: Some(m),
                    d: Some(d),
                },
                None,
            ))
        },
    );
    // Day month year: "24 November 2014", "the 24th of November".
    add(
        ANY,
        r"\b(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>MONTH)\b\.?(?:,?\s+(?P<y>YEAR4)\b)?",
        |c, src, _, _| {
            if !cap_ok(src, c, "mon") {
                return None;
            }
            let m = lx::month_num(g(c, "mon")?)?;
            let d = lx::ordinal(g(c, "d")?)?;
            if !(1..=31).contains(&d) {
                return None;
            }
            Some((
                Sem::Date {
                    y: year_spec(g(c, "y")),
                    m: Some(m),
                    d: Some(d),
                },
                None,
            ))
        },
    );
    // Numeric dates: 2014-11-06, 11/06/2014.
    add(
        ANY,
        r"\b(?P<y>YEAR4)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
        |c, _, _, _| {
            let m: u32 = g(c, "m")?.parse().ok()?;
            let d: u32 = g(c, "d")?.parse().ok()?;
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            Some((
                Sem::Date {
                    y: year_spec(g(c, "y")),
                    m: Some(m),
                    d: Some(d),
                },
                None,
            ))
        },
    );
    add(
        &[&["/"]],
        r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>YEAR4|\d\d)\b",
        |c, _, _, _| {
            let m: u32 = g(c, "m")?.parse().ok()?;
            let d: u32 = g(c, "d")?.parse().ok()?;
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            let ys = g(c, "y")?;
            let y: i32 = ys.parse().ok()?;
            let y = if ys.len() == 2 {
                if y < 30 {
                    2000 + y
                } else {
                    1900 + y
                }
            } else {
                y
            };
            Some((
                Sem::Date {
                    y: YearSpec::Abs(y),
                    m: Some(m),
                    d: Some(d),
                },
                None,
            ))
        },
    );
    // Months: "October", "mid-October", "October 2014", "last April", "January this year", "the end of March".
    add(
        ANY,
        r"\b(?:(?P<mod>DMOD)\s*)?(?:(?P<rel>last|this|next|this past|this coming|this last)\s+)?(?P<mon>MONTH)\b\.?(?:,?\s+(?:of\s+)?(?P<y>YEAR4|SPOKENYEAR|this year|last year|next year)\b)?",
        |c, src, _, _| {
            let mon = g(c, "mon")?;
            let full = mon.len() > 4 || matches!(mon, "may" | "june" | "july");
            if !cap_ok(src, c, "mon") {
                return None;
            }
            if !full && g(c, "y").is_none() {
                return None;
            }
            let m = lx::month_num(mon)?;
            if mon == "may" && g(c, "y").is_none() && g(c, "rel").is_none() && g(c, "mod").is_none()
            {
                // the modal verb "May" at a sentence start; the month needs a preposition before it
                let pw = src.prev_word(c.name("mon")?.start());
                if !matches!(
                    pw,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "through"
                        | "from"
                        | "and"
                        | "to"
                        | "last"
                        | "next"
                        | "before"
                        | "after"
                        | "during"
                        | "the"
                ) {
                    return None;
                }
            }
            if mon == "march" && g(c, "y").is_none() && g(c, "rel").is_none() {
                let pw = src.prev_word(c.name("mon")?.start());
                if !matches!(
                    pw,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "through"
                        | "from"
                        | "and"
                        | "to"
                        | "before"
                        | "after"
                        | "during"
                        | "this"
                        | "next"
                        | "last"
                        | "the"
                ) {
                    return None;
                }
                // "the March of the Mothers", "the March on Washington": a name
                if pw == "the" && matches!(src.next_word(c.get(0)?.end()), "of" | "on" | "for") {
                    return None;
                }
            }
            let rel = match g(c, "rel") {
                Some("last") | Some("this past") | Some("this last") => -1,
                Some("next") | Some("this coming") => 1,
                _ => 0,
            };
            let y = match (g(c, "y"), rel) {
                (Some(y), _) => year_spec(Some(y)),
                (None, 0) if g(c, "rel") == Some("this") => YearSpec::Rel(0),
                (None, 0) => YearSpec::Infer,
                (None, r) => YearSpec::Rel(1000 + r), // sentinel: month relative to the publication month
            };
            Some((
                Sem::Date {
                    y,
                    m: Some(m),
                    d: None,
                },
                modifier(g(c, "mod")),
            ))
        },
    );
    // Weekdays: "Thursday", "last Friday", "next Tuesday", "Friday morning", "late Tuesday".
    add(
        &[&[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]],
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|this|next|this past|this coming|coming|past)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<pl>s)?\b(?:\s+(?P<part>morning|afternoon|evening|night|nights)\b)?",
        |c, src, _, _| {
            if !cap_ok(src, c, "wd") {
                return None;
            }
            let wd = lx::weekday_num(g(c, "wd")?)?;
            if g(c, "pl").is_some() || g(c, "part") == Some("nights") {
                let part = g(c, "part")
                    .and_then(lx::part_of_day)
                    .map(|p| format!("T{p}"))
                    .unwrap_or_default();
                return Some((Sem::Set(format!("XXXX-WXX-{wd}{part}")), None));
            }
            let rel = match g(c, "rel") {
                Some("last") | Some("this past") | Some("past") => -1,
                Some("next") | Some("this coming") | Some("coming") => 1,
                _ => 0,
            };
            let day = Sem::Weekday { wd, rel };
            let m = match g(c, "mod") {
                Some("early") | Some("earlier") => Some("START"),
                Some("late") | Some("later") => Some("END"),
                _ => None,
            };
            match g(c, "part").and_then(lx::part_of_day) {
                Some(p) => Some((
                    Sem::Part {
                        day: Box::new(day),
                        part: p,
                    },
                    m,
                )),
                None => Some((day, m)),
            }
        },
    );
    // Days relative to today: "yesterday", "tomorrow morning", "late yesterday", "the day before yesterday".
    add(
        &[&["today", "tonight", "yesterday", "tomorrow"]],
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow)\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?",
        |c, src, _, e| {
            let w = g(c, "w")?;
            if (src.after(e, 2) == "'s" || src.after(e, 4) == "\u{2019}s") && w == "today" {
                // "today's world" is generic; "today's editions" is the day
                let nw = src.next_word(e + 2);
                if matches!(
                    nw,
                    "world"
                        | "society"
                        | "standards"
                        | "children"
                        | "youth"
                        | "economy"
                        | "technology"
                        | "personal"
                        | "young"
                        | "modern"
                        | "global"
                        | "america"
                        | "business"
                        | "culture"
                ) || src.after(e + 2, 4).starts_with(" s ")
                {
                    return None;
                }
            }
            // a title: "VOA Today", "USA Today"
            let ws = c.name("w")?.start();
            if src.upper_at(ws)
                && src.prev_word(ws).starts_with(|ch: char| ch.is_alphabetic())
                && src
                    .orig
                    .get(..ws)
                    .map(|b| {
                        let pw = b.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
                        // "USA Today": the name runs straight on; after "Kopp." or a quote mark
                        // a new sentence starts
                        pw.chars()
                            .next()
                            .map(|ch| ch.is_uppercase())
                            .unwrap_or(false)
                            && pw.chars().last().map(|ch| ch.is_alphanumeric()).unwrap_or(false)
                            && b.ends_with(' ')
                    })
                    .unwrap_or(false)
            {
                return None;
            }
            let off = match w {
                "today" | "tonight" => 0,
                "yesterday" => -1,
                "tomorrow" => 1,
                "the day before yesterday" => -2,
                _ => 2,
            };
            let m = match g(c, "mod") {
                Some("early") | Some("earlier") => Some("START"),
                Some("late") | Some("later") => Some("END"),
                _ => None,
            };
            let part = if w == "tonight" {
                Some("NI")
            } else {
                g(c, "part").and_then(lx::part_of_day)
            };
            let day = Sem::RelDay { off };
            match part {
                Some(p) => Some((
                    Sem::Part {
                        day: Box::new(day),
                        part: p,
                    },
                    m,
                )),
                None => Some((day, m)),
            }
        },
    );
    add(
        &[&["morning", "afternoon", "evening", "night"]],
        r"\b(?:(?:later|earlier)\s+)?(?P<w>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
        |c, _, _, _| {
            let part = lx::part_of_day(g(c, "part")?)?;
            let off = if g(c, "w")? == "last" { -1 } else { 0 };
            if off == -1 && part != "NI" {
                return None;
            }
            Some((
                Sem::Part {
                    day: Box::new(Sem::RelDay { off }),
                    part,
                },
                None,
            ))
        },
    );
    // This/last/next week, month, year, quarter, decade; "the coming year", "earlier this month".
    add(
        ANY,
        r"\b(?:(?P<mod>DMOD|earlier|later|the rest of|the remainder of|the first half of|the second half of)\s+)?(?P<rel>last|this|next|the past|the coming|the current|the previous|the following|this past|this coming|the last|the next|coming|current|previous|following|the same|that|the prior|prior|the preceding|the new)\s+(?P<u>day|week|weekend|month|year|fiscal year|calendar year|decade|century)\b",
        |c, src, _, e| {
            let rel = g(c, "rel")?;
            let u = g(c, "u")?;
            let unit = lx::unit(
                u.trim_start_matches("fiscal ")
                    .trim_start_matches("calendar "),
            )?;
            let anchored = matches!(
                rel,
                "the following"
                    | "following"
                    | "the same"
                    | "that"
                    | "the preceding"
                    | "the prior"
                    | "prior"
            ) || (unit == Unit::Day && matches!(rel, "the next" | "the previous"));
            let off = match rel {
                "last" | "the past" | "the previous" | "this past" | "the last" | "previous"
                | "the prior" | "prior" | "the preceding" => -1,
                "next" | "the coming" | "the following" | "this coming" | "the next" | "coming"
                | "following" | "the new" => 1,
                _ => 0,
            };
            if unit == Unit::Day && !anchored {
                return None;
            }
            // "the past year" of a duration: "the past year's" is a date, "over the past year" is a period
            if matches!(rel, "the next" | "the past" | "the last" | "the coming")
                && matches!(unit, Unit::Week | Unit::Month)
            {
                return Some((Sem::Dur(lx::duration(Some(1.0), unit)), None));
            }
            if rel == "the new" && unit != Unit::Year {
                return None;
            }
            if u == "weekend" {
                return Some((Sem::Weekend { rel: off }, modifier(g(c, "mod"))));
            }
            // "year" followed by a number is a label ("the year 2000" is a different rule)
            if src
                .after(e, 2)
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
            {
                return None;
            }
            // a title: "This Week"
            if rel == "this" && src.upper_at(c.name("u")?.start()) {
                return None;
            }
            Some((
                Sem::Rel {
                    unit,
                    off,
                    anchored,
                },
                modifier(g(c, "mod")),
            ))
        },
    );
    // "the weekend", "this weekend".
    add(
        &[&["weekend"]],
        r"\b(?:the|this)\s+weekend\b",
        |_, _, _, _| Some((Sem::Weekend { rel: 0 }, None)),
    );
    // "three weeks ago", "two years earlier", "a decade ago", "five days later".
    add(
        &[&["ago", "earlier", "from now", "hence"]],
        r"\b(?:(?P<mod>about|around|approximately|roughly|some|nearly|almost|more than|less than|just|only|at least|barely|over)\s+)?(?P<n>DIGITS|NUMWORD|VAGUE)[\s-]+(?P<u>UNIT)(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from now|hence)\b",
        |c, src, _, e| {
            let u = g(c, "u")?;
            let unit = lx::unit(u)?;
            let dir = g(c, "dir")?;
            if matches!(dir, "before" | "after") {
                // "two years before the war": a duration that anchors to an event; keep the duration only
                let nw = src.next_word(e);
                if !nw.is_empty() && !matches!(nw, "that" | "and" | "but") {
                    return None;
                }
            }
            let nstr = g(c, "n")?;
            let n = lx::number(nstr);
            if n.is_none() && !VAGUE_RE.is_match(nstr) {
                return None;
            }
            let anchored = matches!(dir, "earlier" | "later" | "before" | "after");
            let sign = if matches!(dir, "ago" | "earlier" | "before") {
                -1
            } else {
                1
            };
            if n == Some(1.0) && unit == Unit::Year && sign == -1 {
                return Some((Sem::YearAgo, modifier(g(c, "mod"))));
            }
            Some((
                Sem::Ago {
                    unit,
                    n,
                    dir: sign,
                    anchored,
                },
                modifier(g(c, "mod")),
            ))
        },
    );
    // "year-earlier", "the year-ago quarter", "the year-earlier period".
    add(
        &[&["year"]],
        r"\b(?:the\s+(?:(?:corresponding|comparable|same)\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year|the\s+previous\s+year)|(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?:year-earlier|year-ago|year earlier|year ago))(?:\s+(?:(?:first|second|third|fourth)[- ])?(?:fiscal\s+)?(?:quarter|period))?\b",
        |c, src, s, _| {
            // "a year ago" is the ago rule
            let m = c.get(0)?.as_str();
            if !m.contains('-')
                && !src.before(s, 2).ends_with("a ")
                && !m.starts_with("the")
                && !m.contains("quarter")
            {
                return None;
            }
            Some((Sem::YearAgo, None))
        },
    );
    // Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter",
    // "the 1988 second quarter", "this year's third quarter", "the fourth quarter of 1990".
    add(
        &[&["quarter", "half"]],
        r"\b(?:(?P<y1>YEAR4|fiscal YEAR4|this year's|last year's|next year's)\s+)?(?:(?P<det>the|its|their|his|her|a|this|last|next|that)\s+)?(?:(?:fiscal|calendar|flat|weak|strong|disappointing)[- ])?(?:(?P<y3>YEAR4)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)[- ](?:fiscal[- ])?(?P<q>quarter|half|quarters)\b(?:\s+of\s+(?:fiscal\s+)?(?:the\s+)?(?P<y2>YEAR4|this year|last year|next year|the year|the current year|the previous year))?",
        |c, _, _, _| {
            let ord = if g(c, "ord")? == "last" {
                if g(c, "q")? != "half" {
                    return None;
                }
                2
            } else {
                lx::ordinal(g(c, "ord")?)?
            };
            let ys = g(c, "y1").or(g(c, "y2")).or(g(c, "y3"));
            let y = if ys == Some("the year") {
                YearSpec::Infer
            } else {
                year_spec(ys)
            };
            if g(c, "q")? == "half" {
                if ord > 2 {
                    return None;
                }
                return Some((Sem::Half { h: ord, y }, None));
            }
            if !(1..=4).contains(&ord) {
                return None;
            }
            Some((
                Sem::Quarter {
                    which: QWhich::Ord(ord),
                    y,
                },
                None,
            ))
        },
    );
    add(
        &[&["quarter"]],
        r"\b(?:(?P<y1>this year's|last year's|next year's)\s+|the\s+|its\s+)(?P<which>latest|current|last|this|next|previous|same|year-ago|year-earlier|prior|recent|latest fiscal|most recent|just-ended|just-completed|)\s*(?:fiscal\s+)?quarter\b",
        |c, src, _, _| {
            // "its quarter-century low", "quarter-to-quarter"
            let tail = src.after(c.get(0)?.end(), 4);
            if tail.starts_with("-cen") || tail.starts_with("-to") {
                return None;
            }
            let which = match g(c, "which").unwrap_or("") {
                "" | "latest" | "latest fiscal" | "same" | "recent" | "most recent"
                | "just-ended" | "just-completed" => QWhich::Latest,
                "this" => QWhich::Rel(0),
                "current" => QWhich::Current,
                "last" | "previous" | "prior" => QWhich::Rel(-1),
                "next" => QWhich::Rel(1),
                _ => QWhich::YearAgo,
            };
            let which = match (g(c, "y1"), which) {
                (Some(_), QWhich::Latest) => QWhich::Latest,
                (_, w) => w,
            };
            Some((
                Sem::Quarter {
                    which,
                    y: year_spec(g(c, "y1")),
                },
                None,
            ))
        },
    );
    add(
        &[&["quarter"]],
        r"\b(?:last|this|next)\s+quarter\b",
        |c, _, _, _| {
            let m = c.get(0)?.as_str();
            let off = if m.starts_with("last") {
                -1
            } else if m.starts_with("next") {
                1
            } else {
                0
            };
            Some((
                Sem::Quarter {
                    which: QWhich::Rel(off),
                    y: YearSpec::Infer,
                },
                None,
            ))
        },
    );
    add(
        &[&["quarter", "period"]],
        r"\b(?:the|that)\s+(?P<which>latest|year-ago|year-earlier|comparable|same|(?P<y>YEAR4)|)\s*(?:(?P<ord>first|second|third|fourth)[- ]quarter|period|quarter)\b",
        |c, src, _, _| {
            if let Some(o) = g(c, "ord") {
                let q = lx::ordinal(o)?;
                return Some((
                    Sem::Quarter {
                        which: QWhich::Ord(q),
                        y: year_spec(g(c, "y")),
                    },
                    None,
                ));
            }
            if let Some(y) = g(c, "y") {
                return Some((
                    Sem::Quarter {
                        which: QWhich::OfYear(year_of(y)?),
                        y: YearSpec::Infer,
                    },
                    None,
                ));
            }
            let m0 = c.get(0)?.as_str();
            let tail = src.after(c.get(0)?.end(), 4);
            if tail.starts_with("-cen") || tail.starts_with("-to") {
                return None;
            }
            if m0.starts_with("that") {
                return Some((
                    Sem::Quarter {
                        which: QWhich::That,
                        y: YearSpec::Infer,
                    },
                    None,
                ));
            }
            let which = match g(c, "which").unwrap_or("") {
                "latest" => QWhich::Latest,
                "" if m0.ends_with("period") => return None,
                "" => QWhich::Latest,
                _ => QWhich::YearAgo,
            };
            Some((
                Sem::Quarter {
                    which,
                    y: YearSpec::Infer,
                },
                None,
            ))
        },
    );
    // "the first two quarters of 1990": a half.
    add(
        &[&["quarters"]],
        r"\bthe\s+(?P<w>first|last|final|second)\s+two\s+quarters(?:\s+of\s+(?:fiscal\s+)?(?P<y>YEAR4|this year|last year|next year))?\b",
        |c, _, _, _| {
            let h = if g(c, "w")? == "first" { 1 } else { 2 };
            Some((
                Sem::Half {
                    h,
                    y: year_spec(g(c, "y")),
                },
                None,
            ))
        },
    );
    // Seasons: "last fall", "this summer", "the winter of 1994", "summer 2014", "early spring".
    add(
        SEASONS,
        r"\b(?:(?P<mod>DMOD)\s*)?(?:(?P<rel>last|this|next|this past|this coming|the past|the coming|the|in|during)\s+)?(?P<s>spring|summer|fall|autumn|winter)\b(?:,?\s+(?:of\s+)?(?P<y>YEAR4|SPOKENYEAR)\b)?",
        |c, src, _, e| {
            let s = match g(c, "s")? {
                "spring" => "SP",
                "summer" => "SU",
                "fall" | "autumn" => "FA",
                _ => "WI",
            };
            let rel = g(c, "rel");
            if g(c, "y").is_none() && g(c, "mod").is_none() {
                match rel {
                    None => return None,
                    Some("the") | Some("in") | Some("during") => {
                        if g(c, "s")? == "fall" {
                            // "the fall of the wall", "in the fall in prices"
                            let nw = src.next_word(e);
                            if matches!(nw, "of" | "in" | "from" | "to") || rel == Some("in") {
                                return None;
                            }
                        }
                        if rel == Some("in") || rel == Some("during") {
                            // "in summer": fine
                        }
                    }
                    _ => {}
                }
            }
            let r = match rel {
                Some("last") | Some("this past") | Some("the past") => -1,
                Some("next") | Some("this coming") | Some("the coming") => 1,
                Some("this") => 0,
                _ => 2, // by tense
            };
            Some((
                Sem::Season {
                    s,
                    y: year_spec(g(c, "y")),
                    rel: r,
                },
                modifier(g(c, "mod")),
            ))
        },
    );
    add(
        SEASONS,
        r"\b(?P<y>YEAR4)\s+(?P<s>spring|summer|fall|autumn|winter)\b",
        |c, _, _, _| {
            let s = match g(c, "s")? {
                "spring" => "SP",
                "summer" => "SU",
                "fall" | "autumn" => "FA",
                _ => "WI",
            };
            Some((
                Sem::Season {
                    s,
                    y: year_spec(g(c, "y")),
                    rel: 0,
                },
                None,
            ))
        },
    );
    // Years: "2009", "fiscal 1989", "mid-1996", "the end of 1990", "the year 2000", "nineteen ninety-six".
    add(
        ANY,
        r"\b(?:(?P<mod>DMOD|the first half of|the second half of)\s*)?(?:(?P<fy>fiscal year|fiscal|calendar year|calendar|the year|year|model year)\s+)?(?P<pp>pre-|post-)?(?P<y>YEAR4)\b",
        |c, src, s, e| {
            let ym = c.name("y")?;
            if g(c, "fy").is_none()
                && g(c, "mod").is_none()
                && !ok_year_context(src, c.get(0)?.start(), ym.end())
            {
                return None;
            }
            let _ = (s, e);
            let y: i32 = ym.as_str().parse().ok()?;
            let m = match g(c, "mod") {
                Some("the first half of") => {
                    return Some((
                        Sem::Half {
                            h: 1,
                            y: YearSpec::Abs(y),
                        },
                        None,
                    ));
                }
                Some("the second half of") => {
                    return Some((
                        Sem::Half {
                            h: 2,
                            y: YearSpec::Abs(y),
                        },
                        None,
                    ));
                }
                m => modifier(m),
            };
            // "post-1959 politics", "pre-1990 levels"
            let m = match g(c, "pp") {
                Some("pre-") => Some("BEFORE"),
                Some(_) => Some("AFTER"),
                None => m,
            };
            Some((
                Sem::Date {
                    y: YearSpec::Abs(y),
                    m: None,
                    d: None,
                },
                m,
            ))
        },
    );
    add(
        &[&["nineteen", "eighteen", "twenty", "thousand"]],
        r"\b(?:the year\s+)?(?P<y>SPOKENYEAR)\b",
        |c, src, s, _| {
            let y = lx::spoken_year(g(c, "y")?)?;
            let m = c.get(0)?.as_str();
            // "two thousand" alone is a number unless it is "the year two thousand"
            let needs_in = m == "two thousand"
                || (!m.starts_with("the year")
                    && !m.starts_with("nineteen")
                    && !m.starts_with("eighteen"));
            if needs_in && !src.before(s, 4).ends_with("in ") {
                return None;
            }
            if m.starts_with("nineteen") && !m.contains(['-', ' ']) {
                return None;
            }
            Some((
                Sem::Date {
                    y: YearSpec::Abs(y),
                    m: None,
                    d: None,
                },
                None,
            ))
        },
    );
    // Decades and centuries: "the 1990s", "the late 1970s", "the '90s", "the nineties", "the 20th century".
    add(
        &[&["0s", "0'", "0\u{2019}", "ties"]],
        r"(?:\b(?:the\s+)?(?:(?P<mod>early|mid|late)[- ]?)?(?P<dec>(?:1[0-9]|20)\d0)'?s\b|\b(?:the\s+)?(?:(?P<mod2>early|mid|late)[- ]?)?'(?P<d2>\d0)s\b|\bthe\s+(?:(?P<mod3>early|mid|late)[- ]?)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
        |c, _, _, _| {
            let v = if let Some(d) = g(c, "dec") {
                d[..3].to_string()
            } else if let Some(d) = g(c, "d2") {
                let t = &d[..1];
                if t == "0" || t == "1" {
                    format!("20{t}")
                } else {
                    format!("19{t}")
                }
            } else {
                format!("19{}", lx::decade_word(g(c, "dw")?)?)
            };
            let m = modifier(g(c, "mod").or(g(c, "mod2")).or(g(c, "mod3")));
            Some((Sem::Lit(v), m))
        },
    );
    add(
        &[&["century"]],
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[- ]?)?(?P<c>\d{1,2}(?:st|nd|rd|th)|ORDWORD)[- ]century\b",
        |c, _, _, _| {
            let n = lx::ordinal(g(c, "c")?)?;
            if n == 0 || n > 21 {
                return None;
            }
            Some((Sem::Lit(format!("{:02}", n - 1)), modifier(g(c, "mod"))))
        },
    );
    // Durations: "less than three weeks", "two-year", "the first nine months", "2 1/2 years", "a few days".
    add(
        ANY,
        r"\b(?:(?P<mod>about|around|approximately|roughly|some|nearly|almost|more than|less than|fewer than|at least|at most|up to|over|under|no more than|no less than|only|just|well over|barely|a mere|close to|upwards of|just over|just under)\s+)?(?:(?P<det>the|its|their|his|her|our|each of the|all|a)\s+)?(?:(?P<adj>past|last|next|first|previous|coming|final|following|remaining|initial|latest|recent|entire|full|whole|same|other|preceding|ensuing|subsequent|better part of|)\s+)?(?P<n>DIGITS|NUMWORD|VAGUE)[\s-]+(?:(?:more|additional|straight|consecutive|full|long|fiscal|extra|further|calendar|solid|short|trading|business|working)\s+)?(?P<u>UNIT)\b(?P<old>-old)?(?P<half>\s+and\s+a\s+half\b)?(?P<orso>\s+or\s+so\b)?",
        |c, src, s, e| {
            let nstr = g(c, "n")?;
            let u = g(c, "u")?;
            let unit = lx::unit(u)?;
            let n = lx::number(nstr).map(|v| if g(c, "half").is_some() { v + 0.5 } else { v });
            if n.is_none() && !VAGUE_RE.is_match(nstr) {
                return None;
            }
            if u.starts_with("weekend")
                || matches!(
                    u,
                    "night"
                        | "nights"
                        | "morning"
                        | "mornings"
                        | "evening"
                        | "evenings"
                        | "afternoon"
                        | "afternoons"
                )
            {
                if u.starts_with("weekend") {
                    return Some((Sem::Dur(format!("P{}WE", lx::fmt_num(n))), None));
                }
                if !u.starts_with("night") {
                    return None;
                }
            }
            // titles: "60 Minutes"
            if src.upper_at(c.name("u")?.start()) {
                return None;
            }
            // ages: "37 years old", "a 52-year-old"
            let rest = src.after(e, 6);
            if rest.starts_with(" old") || rest.starts_with("-old") || g(c, "old").is_some() {
                return None;
            }
            // fractions: "about three-quarters of its food"
            if unit == Unit::Quarter
                && (c.get(0)?.as_str().contains("-quarter")
                    || (src.next_word(e) == "of" && matches!(nstr, "one" | "two" | "three")))
                && u.ends_with('s')
            {
                return None;
            }
            if unit == Unit::Second && matches!(nstr, "a" | "an") {
                return None;
            }
            // "a year" after an amount is a rate: "$5 a year", "twice a year"
            if matches!(nstr, "a" | "an")
                && g(c, "adj").is_none()
                && g(c, "det").is_none()
                && g(c, "mod").is_none()
            {
                let pw = src.prev_word(s);
                let pb = src.before(s, 3);
                if pw.starts_with('$')
                    || pw.ends_with('%')
                    || pw
                        .chars()
                        .next()
                        .map(|ch| ch.is_ascii_digit())
                        .unwrap_or(false)
                    || lx::unit(pw).is_some()
                    || matches!(
                        pw,
                        "once"
                            | "twice"
                            | "times"
                            | "percent"
                            | "cents"
                            | "dollars"
                            | "million"
                            | "billion"
                            | "per"
                            | "yen"
                            | "barrels"
                            | "tons"
                            | "each"
                    )
                    || pb.ends_with(") ")
                {
                    return None;
                }
            }
            // "a day": "one day" in the future sense is handled elsewhere; "the day" is not a number
            if matches!(nstr, "a" | "an") && unit == Unit::Quarter {
                return None;
            }
            // "changed from a fiscal year to a calendar year": a kind of year, not a period
            let m0 = c.get(0)?.as_str();
            if matches!(nstr, "a" | "an") && (m0.contains("fiscal") || m0.contains("calendar")) {
                return None;
            }
            if matches!(nstr, "one" | "some")
                && u == "day"
                && matches!(
                    src.prev_word(s),
                    "will"
                        | "would"
                        | "may"
                        | "might"
                        | "could"
                        | "should"
                        | "can"
                        | "hope"
                        | "hopes"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                )
            {
                return Some((Sem::Lit("FUTURE_REF".into()), None));
            }
            if nstr == "some" && !u.ends_with('s') {
                return None;
            }
            // "one day" at the start of a clause is "some day": FUTURE_REF would be right; keep a duration
            // "the 1990s" is not "the 1990 seconds"; numbers above 1000 with days etc. are odd
            if let Some(v) = n {
                if v > 1000.0 && unit != Unit::Second && unit != Unit::Minute && unit != Unit::Day {
                    return None;
                }
            }
            let _ = e;
            Some((Sem::Dur(lx::duration(n, unit)), modifier(g(c, "mod"))))
        },
    );
    // Bare plural units in a durational context: "for years", "in recent years", "weeks or months".
    add(
        ANY,
        r"\b(?:(?P<adj>recent|the past|past|the coming|coming|the next|the last|the early|the first|the final|future)\s+)?(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters)\b(?P<ahead>\s+ahead\b)?",
        |c, src, s, _| {
            let u = g(c, "u")?;
            let unit = lx::unit(u)?;
            let adj = g(c, "adj");
            if u == "quarters" {
                return match adj {
                    Some("recent") | Some("the past") | Some("past") | Some("the last") => {
                        Some((Sem::Dur("PXQ".into()), None))
                    }
                    Some("the coming") | Some("coming") | Some("future") | Some("the next") => {
                        Some((Sem::Lit("FUTURE_REF".into()), None))
                    }
                    _ => None,
                };
            }
            if adj == Some("future") {
                return None;
            }
            if g(c, "ahead").is_some() {
                return Some((Sem::Dur(lx::duration(None, unit)), None));
            }
            match adj {
                // "in recent years" is the vague past; "in recent weeks" a period
                Some("recent") | Some("past")
                    if matches!(unit, Unit::Year | Unit::Decade | Unit::Century) =>
                {
                    return Some((Sem::Lit("PAST_REF".into()), None))
                }
                Some("recent") => return Some((Sem::Dur(lx::duration(None, unit)), None)),
                Some("the coming") | Some("coming") => {
                    return Some((Sem::Dur(lx::duration(None, unit)), None))
                }
                Some(_) => return Some((Sem::Dur(lx::duration(None, unit)), None)),
                None => {}
            }
            let pw = src.prev_word(s);
            if matches!(
                pw,
                "for"
                    | "over"
                    | "within"
                    | "in"
                    | "after"
                    | "than"
                    | "take"
                    | "takes"
                    | "took"
                    | "taken"
                    | "spent"
                    | "lasted"
                    | "last"
                    | "or"
                    | "and"
                    | "of"
            ) {
                // "of days" as in "a matter of days"; "in days" fine; "and years" after another unit
                if pw == "of" {
                    return None;
                }
                return Some((Sem::Dur(lx::duration(None, unit)), None));
            }
            None
        },
    );
    // Sets: "every Monday", "each year", "every two weeks", "daily", "annually", "twice a week".
    add(
        &[&["every", "each"]],
        r"\b(?:every|each)\s+(?:(?P<n>other|DIGITS|NUMWORD)\s+)?(?P<u>UNIT|monday|tuesday|wednesday|thursday|friday|saturday|sunday|MONTH|summer|winter|spring|fall)\b",
        |c, src, s, _| {
            let u = g(c, "u")?;
            let n = match g(c, "n") {
                Some("other") => Some(2.0),
                Some(x) => lx::number(x),
                None => Some(1.0),
            };
            if let Some(wd) = lx::weekday_num(u).filter(|_| u.len() > 5) {
                return Some((Sem::Set(format!("XXXX-WXX-{wd}")), None));
            }
            if let Some(unit) = lx::unit(u) {
                if u.starts_with("night")
                    || u.starts_with("morning")
                    || u.starts_with("evening")
                    || u.starts_with("afternoon")
                {
                    return Some((Sem::Set(format!("TXX{}", lx::part_of_day(u)?)), None));
                }
                if u.starts_with("weekend") {
                    return Some((Sem::Set("XXXX-WXX-WE".into()), None));
                }
                // "per year" after an amount is a rate: keep it as a set too
                let _ = (src, s);
                return Some((Sem::Set(lx::duration(n, unit)), None));
            }
            match u {
                "summer" => Some((Sem::Set("XXXX-SU".into()), None)),
                "winter" => Some((Sem::Set("XXXX-WI".into()), None)),
                "spring" => Some((Sem::Set("XXXX-SP".into()), None)),
                "fall" => Some((Sem::Set("XXXX-FA".into()), None)),
                m => Some((Sem::Set(format!("XXXX-{:02}", lx::month_num(m)?)), None)),
            }
        },
    );
    add(
        ANY,
        r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|bimonthly)\b",
        |c, src, s, _| {
            let w = g(c, "w")?;
            if src.upper_at(s) {
                return None; // "Daily News", "Weekly Standard"
            }
            // a rate: "rise 8.5% annually", "10,000 units annually"
            let pw = src.prev_word(s);
            if pw.ends_with('%')
                || pw.starts_with(|ch: char| ch.is_ascii_digit())
                || matches!(
                    pw,
                    "percent" | "units" | "tons" | "barrels" | "cars" | "shares"
                )
            {
                return None;
            }
            let v = match w {
                "daily" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "annually" | "yearly" => "P1Y",
                "hourly" => "PT1H",
                "nightly" => "TNI",
                "biweekly" => "P2W",
                "semiannually" => "P6M",
                _ => "P2M",
            };
            Some((Sem::Set(v.into()), None))
        },
    );
    add(
        &[&["once", "twice", "times"]],
        r"\b(?:once|twice|three times|four times|\d+ times)\s+(?:a|an|per|each|every)\s+(?P<u>UNIT)\b",
        |c, _, _, _| {
            let unit = lx::unit(g(c, "u")?)?;
            Some((Sem::Set(lx::duration(Some(1.0), unit)), None))
        },
    );
    // Clock times: "10:30 a.m.", "5 p.m. EST Nov. 9", "around 7:15 p.m.", "noon Thursday", "midnight Friday".
    add(
        &[&["a.m", "p.m", "am", "pm", "clock"]],
        &format!(
            r"\b(?:(?P<mod>about|around|approximately|shortly before|shortly after|just before|just after)\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|o'clock)(?:\s+(?P<tz>[ecmp][sd]t|gmt|utc|et)\b)?(?P<day>,?\s+(?:on\s+)?{DAYEXPR}\b)?"
        ),
        |c, _, _, _| {
            let mut h: u32 = g(c, "h")?.parse().ok()?;
            let mi: u32 = g(c, "mi").and_then(|m| m.parse().ok()).unwrap_or(0);
            let ap = g(c, "ap")?.replace('\u{2019}', "'");
            let ap = ap.as_str();
            if h > 12 && ap != "o'clock" || h == 0 && ap.starts_with('p') {
                return None;
            }
            if ap.starts_with('p') && h < 12 {
                h += 12;
            }
            if ap.starts_with('a') && h == 12 {
                h = 0;
            }
            let day = g(c, "day").and_then(parse_day).map(Box::new);
            let m = match g(c, "mod") {
                Some("about") | Some("around") | Some("approximately") => Some("APPROX"),
                _ => None,
            };
            Some((Sem::Time { h, mi, day }, m))
        },
    );
    add(
        &[&["noon", "mid"]],
        &format!(
            r"\b(?P<w>noon|midnight|midday|mid-afternoon|midafternoon|mid afternoon|mid-morning|midmorning)(?P<day>,?\s+(?:on\s+)?{DAYEXPR}\b)?"
        ),
        |c, src, _, _| {
            let w = g(c, "w")?;
            if src.upper_at(c.name("w")?.start())
                && !src
                    .before(c.name("w")?.start(), 2)
                    .trim_end()
                    .ends_with(['.', '"', '\n'])
                || src.prev_word(c.name("w")?.start()) == "high"
            {
                return None; // "High Noon"
            }
            let day = g(c, "day").and_then(parse_day);
            match w {
                "noon" | "midday" => Some((
                    Sem::Time {
                        h: 12,
                        mi: 0,
                        day: day.map(Box::new),
                    },
                    None,
                )),
                "midnight" => Some((
                    Sem::Time {
                        h: 24,
                        mi: 0,
                        day: day.map(Box::new),
                    },
                    None,
                )),
                "mid-morning" | "midmorning" => Some((
                    Sem::Part {
                        day: Box::new(day.unwrap_or(Sem::RelDay { off: 0 })),
                        part: "MO",
                    },
                    Some("MID"),
                )),
                _ => Some((
                    Sem::Part {
                        day: Box::new(day.unwrap_or(Sem::RelDay { off: 0 })),
                        part: "AF",
                    },
                    Some("MID"),
                )),
            }
        },
    );
    // Reference words: "now", "currently", "recently", "the past", "the future", "soon".
    add(
        ANY,
        r"\b(?P<w>right now|just now|now|currently|then[ -]current|current|at present|presently|nowadays|these days|today's|(?:more\s+|most\s+|until\s+|only\s+|very\s+)?recently|recent|the past|in the past|the (?:near |distant |immediate )?future|the foreseeable future|the near term|the short term|as soon as possible|(?:in\s+)?future|soon|a later date|the time being|at the moment|at this time|at this point|so far|the moment|formerly|once)\b",
        |c, src, s, e| {
            let w = g(c, "w")?;
            let nw = src.next_word(e);
            let pw = src.prev_word(s);
            let v = match w {
                "right now" | "just now" | "now" => "PRESENT_REF",
                "currently" | "at present" | "presently" | "nowadays" | "these days"
                | "the time being" => "PRESENT_REF",
                // "the then-current price": current at a past time
                "then current" | "then-current" => "PAST_REF",
                "at the moment" | "at this time" | "at this point" | "the moment" | "so far"
                | "today's" => return None,
                "current" => {
                    if matches!(
                        nw,
                        "account"
                            | "accounts"
                            | "affairs"
                            | "events"
                            | "flows"
                            | "flow"
                            | "and"
                            | "or"
                    ) || pw == "the" && matches!(nw, "quarter" | "year" | "month" | "week")
                    {
                        return None;
                    }
                    "PRESENT_REF"
                }
                // "recent" alone qualifies too many nouns that are not annotated times ("the recent sale")
                "recent" => return None,
                "the past" | "in the past" => {
                    if nw
                        .chars()
                        .next()
                        .map(|ch| ch.is_ascii_digit())
                        .unwrap_or(false)
                        || lx::number(nw).is_some()
                        || matches!(
                            nw,
                            "few"
                                | "several"
                                | "year"
                                | "week"
                                | "month"
                                | "decade"
                                | "century"
                                | "couple"
                        )
                    {
                        return None;
                    }
                    "PAST_REF"
                }
                "soon" => {
                    let past = |w: &str| {
                        w.len() > 3 && w.ends_with("ed")
                            || matches!(
                                w,
                                "became"
                                    | "was"
                                    | "were"
                                    | "had"
                                    | "came"
                                    | "began"
                                    | "fell"
                                    | "rose"
                                    | "went"
                            )
                    };
                    if pw == "as"
                        || matches!(nw, "as" | "after")
                        || pw == "too"
                        || past(nw)
                        || past(pw)
                    {
                        return None;
                    }
                    "FUTURE_REF"
                }
                "future" | "in future" => {
                    if w == "future" && pw != "in" && pw != "near" {
                        return None;
                    }
                    "FUTURE_REF"
                }
                "formerly" | "once" | "the foreseeable future" => return None,
                x if x.ends_with("recently") => "PAST_REF",
                x if x.contains("future")
                    || x == "a later date"
                    || x.ends_with("term")
                    || x == "as soon as possible" =>
                {
                    "FUTURE_REF"
                }
                _ => return None,
            };
            Some((Sem::Lit(v.into()), None))
        },
    );
    // "the week of March 6": the week that day falls in.
    add(
        &[&["week"]],
        r"\bthe\s+week\s+of\s+(?P<mon>MONTH)\b\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>YEAR4)\b)?",
        |c, src, _, _| {
            if !cap_ok(src, c, "mon") {
                return None;
            }
            let m = lx::month_num(g(c, "mon")?)?;
            let d = lx::ordinal(g(c, "d")?)?;
            if !(1..=31).contains(&d) {
                return None;
            }
            Some((
                Sem::WeekOf(Box::new(Sem::Date {
                    y: year_spec(g(c, "y")),
                    m: Some(m),
                    d: Some(d),
                })),
                None,
            ))
        },
    );
    // Holidays with fixed dates, and Thanksgiving.
    add(
        &[&[
            "thanksgiving",
            "election",
            "christmas",
            "new year",
            "independence",
            "halloween",
            "valentine",
            "veterans",
            "boxing",
        ]],
        r"\b(?:(?:last|this|next)\s+)?(?P<h>thanksgiving(?: day)?|election day|christmas(?: day| eve)?|new year's(?: day| eve)?|independence day|halloween|valentine's day|veterans day|boxing day)\b(?:,?\s+(?P<y>YEAR4))?",
        |c, src, s, _| {
            if !src.upper_at(c.name("h")?.start()) {
                return None;
            }
            let _ = s;
            let h = g(c, "h")?.replace('\u{2019}', "'");
            let h = h.as_str();
            let (m, d) = match h {
                x if x.starts_with("thanksgiving") => return Some((Sem::Thanksgiving, None)),
                "election day" => return Some((Sem::ElectionDay, None)),
                "christmas" | "christmas day" => (12, 25),
                "christmas eve" => (12, 24),
                "new year's eve" => (12, 31),
                x if x.starts_with("new year") => (1, 1),
                "independence day" => (7, 4),
                "halloween" => (10, 31),
                "valentine's day" => (2, 14),
                "veterans day" => (11, 11),
                _ => (12, 26),
            };
            Some((
                Sem::Date {
                    y: year_spec(g(c, "y")),
                    m: Some(m),
                    d: Some(d),
                },
                None,
            ))
        },
    );
    // Ordinal days: "on the 24th".
    add(
        ANY,
        r"\bthe\s+(?P<d>[1-3]?\d)(?:st|nd|rd|th)\b",
        |c, src, _, e| {
            let d: u32 = g(c, "d")?.parse().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let nw = src.next_word(e);
            let ok = nw.is_empty()
                || matches!(
                    nw,
                    "and" | "or" | "at" | "in" | "when" | "but" | "to" | "through" | "until"
                );
            if !ok {
                return None;
            }
            Some((Sem::OrdDay { d }, None))
        },
    );
    // "year-end", "the end of the year/month".
    add(
        &[&["year"]],
        r"\b(?:the\s+)?(?P<w>year-end|year end|yearend|year's end)\b",
        |c, _, _, _| {
            // "year-end net" is the closing day; "by year end" the end of this year
            if g(c, "w")? == "year-end" {
                Some((Sem::YearEnd, None))
            } else {
                Some((
                    Sem::Rel {
                        unit: Unit::Year,
                        off: 0,
                        anchored: false,
                    },
                    Some("END"),
                ))
            }
        },
    );
    // "the full year", "the fiscal year", "the current fiscal year", "the latest fiscal year".
    add(
        &[&["year"]],
        r"\b(?:the|its)\s+(?P<adj>full|fiscal|current fiscal|current|latest fiscal|latest|entire|full fiscal|calendar)\s+year\b",
        |c, src, s, e| {
            let adj = g(c, "adj")?;
            let nw = src.next_word(e);
            if matches!(nw, "ended" | "ending" | "ends" | "that")
                || src
                    .after(e, 2)
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_digit())
                || matches!(src.prev_word(s), "throughout" | "during" | "over")
            {
                return Some((Sem::Dur("P1Y".into()), None));
            }
            let off = if adj.starts_with("latest") { -1 } else { 0 };
            Some((
                Sem::Rel {
                    unit: Unit::Year,
                    off,
                    anchored: false,
                },
                None,
            ))
        },
    );
    // "the previous Friday": the weekday before the day under discussion.
    add(
        &[&["day"]],
        r"\bthe\s+(?:previous|preceding|following|next)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        |c, _, _, _| {
            let wd = lx::weekday_num(g(c, "wd")?)?;
            let m = c.get(0)?.as_str();
            let dir = if m.contains("previous") || m.contains("preceding") {
                -1
            } else {
                1
            };
            Some((Sem::AnchoredWeekday { wd, dir }, None))
        },
    );
    add(
        &[&[
            "the end of",
            "the beginning of",
            "the start of",
            "the middle of",
            "the rest of",
        ]],
        r"\b(?P<mod>the end of|the beginning of|the start of|the middle of|the rest of)\s+the\s+(?P<u>week|month|year|decade|century)\b",
        |c, _, _, _| {
            let unit = lx::unit(g(c, "u")?)?;
            Some((
                Sem::Rel {
                    unit,
                    off: 0,
                    anchored: false,
                },
                modifier(g(c, "mod")),
            ))
        },
    );
    // "the day", "that day": the day under discussion; "the year", "the week".
    add(
        &[&["day", "morning", "night"]],
        r"\b(?P<det>that|the same)\s+(?P<u>day|morning|night)\b",
        |_, _, _, _| {
            Some((
                Sem::Ago {
                    unit: Unit::Day,
                    n: Some(0.0),
                    dir: 1,
                    anchored: true,
                },
                None,
            ))
        },
    );
    add(
        &[&["year", "week"]],
        r"\bthe\s+(?P<u>year|week)\b",
        |c, src, s, e| {
            let u = g(c, "u")?;
            let nw = src.next_word(e);
            let pw = src.prev_word(s);
            if nw
                .chars()
                .next()
                .map(|ch| ch.is_ascii_digit())
                .unwrap_or(false)
                || matches!(nw, "of" | "before" | "after" | "when" | "in" | "that")
            {
                return None;
            }
            if u == "year" {
                // "the year ended Sept. 30" is a fiscal year: a period; "for the year" is this year
                if matches!(nw, "ended" | "ending" | "ends")
                    || matches!(pw, "during" | "over" | "throughout" | "through")
                {
                    return Some((Sem::Dur("P1Y".into()), None));
                }
                if matches!(pw, "for" | "in" | "earlier" | "later" | "of") {
                    return Some((
                        Sem::Rel {
                            unit: Unit::Year,
                            off: 0,
                            anchored: false,
                        },
                        None,
                    ));
                }
                return None;
            }
            if matches!(pw, "for" | "during" | "in" | "of" | "over") {
                return Some((
                    Sem::Rel {
                        unit: Unit::Week,
                        off: 0,
                        anchored: false,
                    },
                    None,
                ));
            }
            None
        },
    );
    // The second day of "April 24 and 25": the month carries over ("25" alone is April 25).
    add(
        ANY,
        r"\b(?P<mon>MONTH)\b\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?P<pre>\s+(?:and|or)\s+)(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>YEAR4)\b)?",
        |c, src, _, e| {
            if !cap_ok(src, c, "mon") {
                return None;
            }
            let m = lx::month_num(g(c, "mon")?)?;
            let d = lx::ordinal(g(c, "d")?)?;
            if !(1..=31).contains(&d) {
                return None;
            }
            // "May 5 and 6 percent": amounts
            if MEASURE_NOUNS.contains(&src.next_word(e)) {
                return None;
            }
            Some((
                Sem::Date {
                    y: year_spec(g(c, "y")),
                    m: Some(m),
                    d: Some(d),
                },
                None,
            ))
        },
    );
    // "the day before last Tuesday", "the day after Nov. 24": one day from a named day.
    add(
        &[&["day"], &["before", "after"]],
        r"\b(?:the\s+)?day\s+(?P<dir>before|after)\s+(?P<day>(?:(?:last|next|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|MONTH\.?\s+[0-3]?\d(?:,?\s+YEAR4)?)\b",
        |c, src, _, _| {
            let dm = c.name("day")?;
            if !src.upper_at(dm.start() + dm.as_str().rfind(' ').map_or(0, |i| i + 1))
                && !src.upper_at(dm.start())
            {
                return None;
            }
            let ds = dm.as_str();
            let day = match ds.split_once(' ') {
                Some((rel @ ("last" | "next" | "this"), wd)) => Sem::Weekday {
                    wd: lx::weekday_num(wd)?,
                    rel: match rel {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    },
                },
                _ => parse_day(ds)?,
            };
            let off = if g(c, "dir")? == "before" { -1 } else { 1 };
            Some((
                Sem::Shift {
                    day: Box::new(day),
                    off,
                },
                None,
            ))
        },
    );
    // Compound adjectives of length: "a day-long meeting", "a decades-long feud" (not "year-long" with a number,
    // which the duration rule reads as "two-year").
    add(
        &[&["-long"]],
        r"\b(?P<u>hour|day|week|month|year|decade|century|hours|days|weeks|months|years|decades|centuries)-long\b",
        |c, src, s, _| {
            if src.before(s, 1) == "-" {
                return None;
            }
            let u = g(c, "u")?;
            let unit = lx::unit(u)?;
            let n = if u.ends_with('s') { None } else { Some(1.0) };
            Some((Sem::Dur(lx::duration(n, unit)), None))
        },
    );
    v
}

static VAGUE_RE: LazyLock<Regex> = LazyLock::new(|| r(r"^VAGUE$"));

/// Hedges left outside an expression's extent.
const OUTSIDE_MODS: &[&str] = &[
    "about", "just", "only", "almost", "barely", "a mere", "earlier", "later",
];

/// All rule matches over the lower-cased text (overlapping; `lib` picks the longest).
pub fn hits(src: &Src) -> Vec<Hit> {
    let mut out = Vec::new();
    let may = PREFILTER.rules(src.low);
    for rule in RULES.iter().zip(may).filter(|(_, may)| *may).map(|(rule, _)| rule) {
        // find every match start, including overlapping ones from later positions: iterate with
        // captures_iter (leftmost-first, non-overlapping) which is enough with the longest-wins merge.
        for c in rule.re().captures_iter(src.low) {
            let m = match c.get(0) {
                Some(m) => m,
                None => continue,
            };
            if m.as_str().trim().is_empty() {
                continue;
            }
            // The second half of a hyphenated word is no expression
            // ("after-hours trading", "round-the-clock"): its compound as a
            // whole matches where it is one ("mid-March", "third-quarter").
            let before = &src.low[..m.start()];
            // ("late-November" is November's, as TimeML marks it.)
            let modifier = ["late-", "early-", "mid-"].iter().any(|p| before.ends_with(p));
            if before.ends_with('-') && !modifier && before[..before.len() - 1].chars().next_back().is_some_and(char::is_alphabetic) {
                continue;
            }
            if let Some((sem, mut modifier)) = (rule.f)(&c, src, m.start(), m.end()) {
                let mut start = m.start();
                // Hedges stay outside the extent (TimeML): "about [five hours]", "earlier [Friday]";
                // their meaning stays in `modifier`.
                if let Some(md) = c.name("mod") {
                    let w = md.as_str();
                    let rest = src.low.get(md.end()..).unwrap_or("").trim_start();
                    let prep_over = matches!(w, "over" | "under")
                        && !rest.starts_with(|ch: char| ch.is_ascii_digit())
                        && !rest.starts_with("a ")
                        && !rest.starts_with("an ");
                    if OUTSIDE_MODS.contains(&w) || prep_over {
                        start = md.end();
                        while src.low[start..].starts_with(' ') {
                            start += 1;
                        }
                        if prep_over {
                            modifier = None;
                        }
                    }
                }
                // possessives and demonstratives are not part of the expression: "its [third-quarter] loss"
                if let Some(dt) = c.name("det") {
                    if dt.start() == start
                        && matches!(
                            dt.as_str(),
                            "its" | "their" | "his" | "her" | "our" | "that" | "a" | "an"
                        )
                    {
                        start = dt.end();
                        while src.low[start..].starts_with(' ') {
                            start += 1;
                        }
                    }
                }
                // a lead-in that only gives context: "April 24 and [25]"
                if let Some(pre) = c.name("pre") {
                    start = pre.end();
                }
                // A stop after a month's whole name ends the sentence, not
                // an abbreviation ("the first cut in June."; "Jan." keeps it).
                let mut end = m.end();
                if src.low[..end].ends_with('.') {
                    let word = src.low[..end - 1].rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                    if matches!(word, "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december") {
                        end -= 1;
                    }
                }
                out.push(Hit {
                    start,
                    end,
                    sem,
                    modifier,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod prefilter_tests {
    use super::RULES;

    /// Expressions the rules match, lower-cased as `hits` sees them.
    const SAMPLES: &[&str] = &[
        "nov. 24",
        "saturday, april 25",
        "march 26, 1996",
        "march eighth",
        "the 24th of may",
        "2014-11-06",
        "11/06/2014",
        "3/4/96",
        "early march",
        "last december",
        "this year",
        "next month",
        "the following year",
        "the coming decade",
        "april 24 and 25",
        "last thursday",
        "mondays",
        "friday morning",
        "this coming sunday",
        "later tuesday",
        "yesterday afternoon",
        "the day before yesterday",
        "later tonight",
        "the day after tomorrow",
        "today",
        "this morning",
        "last night",
        "later this evening",
        "this weekend",
        "the weekend",
        "three weeks ago",
        "two days earlier",
        "a few years from now",
        "about 20 minutes ago",
        "ten years hence",
        "several months ago",
        "2 1/2 years ago",
        "the year-ago quarter",
        "the same period last year",
        "the year-earlier period",
        "a year ago",
        "the corresponding quarter a year earlier",
        "the third quarter",
        "the fourth-quarter",
        "last year's second quarter",
        "the first half",
        "fiscal 1990 first-quarter",
        "the latest quarter",
        "its current fiscal quarter",
        "the quarter",
        "last quarter",
        "next quarter",
        "the year-ago period",
        "that quarter",
        "the 1988 quarter",
        "the same period",
        "the first two quarters",
        "the last two quarters of fiscal 1990",
        "last spring",
        "the summer of 1996",
        "early fall",
        "winter",
        "1995 autumn",
        "nineteen ninety-six",
        "two thousand and one",
        "the year nineteen eighty-four",
        "the 1990s",
        "the '80s",
        "the \u{2019}80s",
        "the mid-1980s",
        "the 1990's",
        "the eighties",
        "the late seventies",
        "the 21st century",
        "the nineteenth century",
        "the early 20th-century",
        "1990",
        "fiscal 1990",
        "pre-1990",
        "several years",
        "the past few weeks",
        "weeks",
        "every day",
        "each week",
        "every other month",
        "every monday",
        "every summer",
        "daily",
        "once a week",
        "twice a year",
        "three times a day",
        "4 times per month",
        "3 p.m.",
        "10:30 a.m",
        "at 5pm",
        "7 o'clock",
        "11 am est",
        "7 o\u{2019}clock",
        "10 p.m. wednesday",
        "noon",
        "midnight friday",
        "mid-afternoon",
        "midmorning today",
        "now",
        "recently",
        "the future",
        "the week of march 6",
        "the week of nov. 24th, 1996",
        "thanksgiving",
        "last christmas eve",
        "new year's day",
        "new year\u{2019}s eve",
        "election day",
        "valentine's day",
        "independence day 1996",
        "halloween",
        "veterans day",
        "boxing day",
        "the 24th",
        "year-end",
        "the year's end",
        "yearend",
        "year end",
        "the full year",
        "its fiscal year",
        "the current fiscal year",
        "the previous friday",
        "the following monday",
        "the end of the year",
        "the rest of the week",
        "the middle of the month",
        "that day",
        "the same morning",
        "that night",
        "the year",
        "the week",
        "the day before last tuesday",
        "day after nov. 5",
        "the day after march 3, 1996",
        "year-long",
        "weeks-long",
        "hour-long",
    ];

    /// Each rule's prefilter passes every sample its regex matches, and every rule with a
    /// prefilter has a sample.
    #[test]
    fn prefilter_accepts_every_match() {
        for (i, rule) in RULES.iter().enumerate() {
            let mut matched = 0;
            for s in SAMPLES {
                if rule.re().is_match(s) {
                    matched += 1;
                    assert!(
                        rule.may_match(s),
                        "rule {i} ({}) matches {s:?} but its prefilter refuses it",
                        rule.pattern
                    );
                }
            }
            assert!(!rule.pattern.contains('\u{8}'), "rule {i} holds a backspace where `\\b` was meant");
            assert!(
                rule.need.is_empty() || matched > 0,
                "no sample for rule {i} ({})",
                rule.pattern
            );
        }
    }

    /// The one-pass prefilter answers what each rule's own does.
    #[test]
    fn one_pass_prefilter_agrees_with_each_rule() {
        let texts = SAMPLES.iter().map(|s| s.to_string()).chain([
            "the minister said the plan would cost 40 million.".to_string(),
            SAMPLES.join(" "),
            String::new(),
            "yesterday's meeting, the 1990s and next spring; 3 p.m. tuesday".to_string(),
        ]);
        for text in texts {
            let may = super::PREFILTER.rules(&text);
            for (i, rule) in RULES.iter().enumerate() {
                assert_eq!(may[i], rule.may_match(&text), "rule {i} on {text:?}");
            }
        }
    }

    /// The prefilter refuses a text without the words (so it does skip rules).
    #[test]
    fn prefilter_skips() {
        let text = "the minister said the plan would cost 40 million.";
        let skipped = RULES.iter().filter(|r| !r.may_match(text)).count();
        assert!(skipped > 20, "only {skipped} rules skipped");
    }
}
