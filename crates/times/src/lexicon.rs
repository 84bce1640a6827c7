//! Words: months, weekdays, numbers (digits and words), spoken years, units.

/// Regex alternation of month names and abbreviations (lower case), longest first.
pub const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";
/// Regex alternation of weekday names (lower case).
pub const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun)";
/// Cardinal number words and digits that can count units.
pub const NUMWORD: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|hundred|a thousand|two thousand|a dozen|dozen|a half|half an?|a|an)";
/// Vague quantities (value X).
pub const VAGUE: &str = r"(?:several|a few|few|a couple of|a couple|couple of|some|many|numerous|dozens of|hundreds of|thousands of|a number of)";
/// Digits, with an optional fraction ("2 1/2", "1.5").
pub const DIGITS: &str = r"(?:\d{1,4}(?:\.\d+)?(?:\s+1/2|-1/2|½)?)";

pub fn month_num(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.');
    let m = match s.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// ISO weekday number, Monday = 1.
pub fn weekday_num(s: &str) -> Option<u32> {
    let d = match s.get(..3)? {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    Some(d)
}

fn unit_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A number phrase to its value: "24", "2 1/2", "twenty-four", "a hundred", "half a", "a dozen".
/// `None` for vague quantities ("several", "a few").
pub fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let (main, half) = if let Some(p) = s.strip_suffix("1/2") {
            (p.trim_end_matches(['-', ' ']), 0.5)
        } else if let Some(p) = s.strip_suffix('½') {
            (p, 0.5)
        } else {
            (s, 0.0)
        };
        let main = main.replace(',', "");
        return main.trim().parse::<f64>().ok().map(|v| v + half);
    }
    match s {
        "half a" | "half an" | "a half" => return Some(0.5),
        "a dozen" | "dozen" => return Some(12.0),
        "a couple" | "a couple of" | "couple of" => return Some(2.0),
        _ => {}
    }
    let mut total = 0u32;
    let mut cur = 0u32;
    let mut any = false;
    for w in s.split([' ', '-']).filter(|w| !w.is_empty()) {
        if w == "and" {
            continue;
        }
        if w == "hundred" {
            cur = cur.max(1) * 100;
            any = true;
        } else if w == "thousand" {
            total += cur.max(1) * 1000;
            cur = 0;
            any = true;
        } else if let Some(v) = unit_word(w) {
            cur += v;
            any = true;
        } else {
            return None;
        }
    }
    if any {
        Some((total + cur) as f64)
    } else {
        None
    }
}

/// Format a count for a TIMEX3 duration: `3`, `2.5`, or `X` when unknown.
pub fn fmt_num(n: Option<f64>) -> String {
    match n {
        None => "X".to_string(),
        Some(v) if v.fract() == 0.0 && v.abs() < 1e9 => format!("{}", v as i64),
        Some(v) => {
            let s = format!("{:.2}", v);
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

/// Ordinals as words or digits ("third", "3rd", "24th") to numbers.
pub fn ordinal(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let d: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
        return d.parse().ok();
    }
    const ORD: [&str; 31] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-first",
    ];
    let s2 = s.replace(' ', "-");
    ORD.iter().position(|o| *o == s2).map(|i| i as u32 + 1)
}

/// Regex alternation of ordinal day words.
pub const ORDWORD: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)";

/// Spoken years: "nineteen ninety-six" → 1996, "two thousand" → 2000, "two thousand and one" → 2001.
pub const SPOKEN_YEAR: &str = r"(?:(?:nineteen|eighteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))|two thousand(?:(?: and)? (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)";

pub fn spoken_year(s: &str) -> Option<i32> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("two thousand") {
        let rest = rest.trim().trim_start_matches("and").trim();
        if rest.is_empty() {
            return Some(2000);
        }
        return number(rest).map(|v| 2000 + v as i32);
    }
    let (head, rest) = s.split_once([' ', '-'])?;
    let century = match head {
        "eighteen" => 1800,
        "nineteen" => 1900,
        "twenty" => 2000,
        _ => return None,
    };
    let rest = rest.trim();
    if rest == "hundred" {
        return Some(century);
    }
    let rest = rest.trim_start_matches("oh").trim_start_matches(['-', ' ']);
    number(rest)
        .filter(|v| *v < 100.0)
        .map(|v| century + v as i32)
}

/// Decade words: "nineties" → 9.
pub fn decade_word(s: &str) -> Option<u32> {
    Some(match s {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Regex alternation of unit words, singular or plural.
pub const UNIT: &str = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|century|centuries|weekends?|nights?|mornings?|evenings?|afternoons?)";

pub fn unit(s: &str) -> Option<Unit> {
    let s = s.trim_end_matches('s');
    Some(match s {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" | "night" | "morning" | "evening" | "afternoon" => Unit::Day,
        "week" | "weekend" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    })
}

/// TIMEX3 duration value for `n` units: `P3W`, `PT2H`, `P2.5Y`, `PXD`.
pub fn duration(n: Option<f64>, u: Unit) -> String {
    // fractions go down a unit: 2.5 years is P2Y6M, 1.5 minutes PT1M30S
    if let Some(v) = n {
        if v.fract() != 0.0 && v > 0.0 && v < 1e6 {
            let whole = v.trunc();
            let sub = match u {
                Unit::Year => Some((12.0, "M", false)),
                Unit::Month => Some((30.0, "D", false)),
                Unit::Week => Some((7.0, "D", false)),
                Unit::Day => Some((24.0, "H", true)),
                Unit::Hour => Some((60.0, "M", true)),
                Unit::Minute => Some((60.0, "S", true)),
                _ => None,
            };
            if let Some((k, l, t)) = sub {
                let rest = ((v - whole) * k).round();
                let head = duration(Some(whole), u);
                let head = if whole == 0.0 {
                    "P".to_string() + if t { "T" } else { "" }
                } else {
                    head
                };
                if whole == 0.0 {
                    return format!("{head}{}{l}", fmt_num(Some(rest)));
                }
                let sep = if t && !head.contains('T') { "T" } else { "" };
                return format!("{head}{sep}{}{l}", fmt_num(Some(rest)));
            }
        }
    }
    let (n, t, letter) = match u {
        Unit::Second => (n, true, "S"),
        Unit::Minute => (n, true, "M"),
        Unit::Hour => (n, true, "H"),
        Unit::Day => (n, false, "D"),
        Unit::Week => (n, false, "W"),
        Unit::Month => (n, false, "M"),
        Unit::Quarter => (n, false, "Q"),
        Unit::Year => (n, false, "Y"),
        Unit::Decade => match n {
            Some(v) => (Some(v * 10.0), false, "Y"),
            // "decades" as years, like "two decades" (P20Y)
            None => (None, false, "Y"),
        },
        Unit::Century => match n {
            Some(v) => (Some(v * 100.0), false, "Y"),
            None => (None, false, "C"),
        },
    };
    format!("P{}{}{}", if t { "T" } else { "" }, fmt_num(n), letter)
}

/// Parts of the day to TIMEX3 suffixes.
pub fn part_of_day(s: &str) -> Option<&'static str> {
    Some(match s.trim_end_matches('s') {
        "morning" => "MO",
        "afternoon" | "mid-afternoon" | "midafternoon" | "mid afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number("twenty four"), Some(24.0));
        assert_eq!(number("twenty-four"), Some(24.0));
        assert_eq!(number("a hundred"), Some(100.0));
        assert_eq!(number("2 1/2"), Some(2.5));
        assert_eq!(number("several"), None);
        assert_eq!(spoken_year("nineteen ninety-six"), Some(1996));
        assert_eq!(spoken_year("two thousand"), Some(2000));
        assert_eq!(duration(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration(Some(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration(Some(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration(None, Unit::Hour), "PTXH");
        assert_eq!(ordinal("twenty-fourth"), Some(24));
        assert_eq!(ordinal("24th"), Some(24));
    }
}
