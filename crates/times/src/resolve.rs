//! Resolution: from an expression's meaning (`Sem`) to its TIMEX3 value, against the publication
//! date (the document creation time), the tense of its clause, and the dates mentioned before it.

use crate::context::Tense;
use crate::lexicon::Unit;
use crate::rules::{QWhich, Sem, YearSpec};
use crate::TimexType;
use chrono::{Datelike, Duration, Months, NaiveDate};

/// What resolution remembers along the document.
#[derive(Debug, Default)]
pub struct State {
    pub dct: Option<NaiveDate>,
    /// The last day mentioned (explicit or resolved), for "the next day", "two days later".
    pub last_day: Option<NaiveDate>,
    /// The last year mentioned, for "that year", "the following year".
    pub last_year: Option<i32>,
    /// The last month mentioned (by a month or a day), for "the following month".
    pub last_month: Option<(i32, u32)>,
    /// The quarter under discussion (earnings news), for "the quarter", "a year earlier".
    pub last_quarter: Option<(i32, u32)>,
    /// Where the last quarter was mentioned (code points), and where the expression being resolved is.
    pub last_quarter_pos: usize,
    pub pos: usize,
    /// The lower-cased text right after the expression ("ended sept. 30").
    pub after: String,
}

/// How far (code points) a mentioned quarter stays the period under discussion.
const QUARTER_SCOPE: usize = 1500;

fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn month(y: i32, m: u32) -> String {
    format!("{:04}-{:02}", y, m)
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.min(100_000) as u32))
    } else {
        d.checked_sub_months(Months::new((-n).min(100_000) as u32))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n.clamp(-10_000_000, 10_000_000))?)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
}

fn quarter_of(m: u32) -> u32 {
    (m.clamp(1, 12) - 1) / 3 + 1
}

fn shift_quarter(y: i32, q: u32, off: i32) -> (i32, u32) {
    let idx = y as i64 * 4 + (q as i64 - 1) + off as i64;
    ((idx.div_euclid(4)) as i32, (idx.rem_euclid(4) + 1) as u32)
}

fn ref_for(off: i32) -> &'static str {
    match off.signum() {
        -1 => "PAST_REF",
        1 => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
}

const PAST_AHEAD: i32 = 2;

/// The year of a month named without one, by tense.
pub fn infer_year_month(m: u32, tense: Tense, dct: NaiveDate) -> i32 {
    let (y, cm) = (dct.year(), dct.month());
    let ahead = (m as i32 - cm as i32).rem_euclid(12);
    match tense {
        // a month just ahead is an upcoming one even in a past-tense clause ("agreed to close the
        // deal in January")
        Tense::Past if (1..=PAST_AHEAD).contains(&ahead) => {
            if m > cm {
                y
            } else {
                y + 1
            }
        }
        Tense::Past => {
            if m <= cm {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if m >= cm {
                y
            } else {
                y + 1
            }
        }
        _ => {
            let diff = m as i32 - cm as i32;
            if diff > 4 {
                y - 1
            } else if diff < -7 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// The year of a month and day named without one: past tense looks back, future ahead (and so does
/// a deadline or another scheduled event: "the work runs past the September 30 deadline" in March),
/// otherwise the nearest. A date less than two months ahead (or behind) stays in the publication
/// year even against the tense: deadlines and schedules are reported in the past tense too.
pub fn infer_year_md(m: u32, d: u32, tense: Tense, dct: NaiveDate) -> i32 {
    let y = dct.year();
    let Some(c) = ymd(y, m, d) else { return y };
    let diff = (c - dct).num_days();
    match tense {
        Tense::Past => {
            if diff > 61 {
                y - 1
            } else {
                y
            }
        }
        Tense::Future | Tense::Ahead => {
            if diff < -61 {
                y + 1
            } else {
                y
            }
        }
        _ => {
            if diff > 183 {
                y - 1
            } else if diff < -183 {
                y + 1
            } else {
                y
            }
        }
    }
}

fn season_start(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

fn season_of(m: u32) -> &'static str {
    match m {
        3..=5 => "SP",
        6..=8 => "SU",
        9..=11 => "FA",
        _ => "WI",
    }
}

impl State {
    fn recent_quarter(&self) -> Option<(i32, u32)> {
        self.last_quarter
            .filter(|_| self.pos.saturating_sub(self.last_quarter_pos) <= QUARTER_SCOPE)
    }

    fn year(&self, y: YearSpec) -> Option<i32> {
        match y {
            YearSpec::Abs(y) => Some(y),
            YearSpec::Rel(k) if k.abs() < 100 => self.dct.map(|d| d.year() + k),
            _ => None,
        }
    }

    /// Resolve one expression. Returns its type and value (None when nothing sensible can be said).
    pub fn resolve(&mut self, sem: &Sem, tense: Tense) -> Option<(TimexType, String)> {
        use TimexType::*;
        let dct = self.dct;
        match sem {
            Sem::Lit(v) => Some((Date, v.clone())),
            Sem::Dur(v) => Some((Duration, v.clone())),
            Sem::Set(v) => Some((Set, v.clone())),
            Sem::Date { y, m, d } => {
                let v = match (*y, *m, *d) {
                    (YearSpec::Rel(k), Some(m), None) if k.abs() > 100 => {
                        // "last April" / "next March": relative to the publication month
                        let Some(dct) = dct else {
                            return Some((Date, format!("XXXX-{:02}", m)));
                        };
                        let cm = dct.month();
                        let yy = if k < 1000 {
                            if m < cm {
                                dct.year()
                            } else {
                                dct.year() - 1
                            }
                        } else if m > cm {
                            dct.year()
                        } else {
                            dct.year() + 1
                        };
                        self.last_year = Some(yy);
                        month(yy, m)
                    }
                    (ys, Some(m), Some(dd)) => {
                        let yy = match ys {
                            YearSpec::Infer => dct.map(|dct| infer_year_md(m, dd, tense, dct)),
                            other => self.year(other),
                        };
                        match yy {
                            Some(yy) => {
                                if let Some(dt) = NaiveDate::from_ymd_opt(yy, m, dd) {
                                    self.last_day = Some(dt);
                                }
                                self.last_month = Some((yy, m));
                                self.last_year = Some(yy);
                                format!("{:04}-{:02}-{:02}", yy, m, dd)
                            }
                            None => format!("XXXX-{:02}-{:02}", m, dd),
                        }
                    }
                    (ys, Some(m), None) => {
                        let yy = match ys {
                            YearSpec::Infer => dct.map(|dct| infer_year_month(m, tense, dct)),
                            other => self.year(other),
                        };
                        match yy {
                            Some(yy) => {
                                self.last_year = Some(yy);
                                self.last_month = Some((yy, m));
                                month(yy, m)
                            }
                            None => format!("XXXX-{:02}", m),
                        }
                    }
                    (ys, None, _) => {
                        let yy = self.year(ys)?;
                        self.last_year = Some(yy);
                        format!("{:04}", yy)
                    }
                };
                Some((Date, v))
            }
            Sem::Weekday { wd, rel } => {
                let Some(dct) = dct else {
                    return Some((Date, format!("XXXX-WXX-{wd}")));
                };
                let dwd = dct.weekday().number_from_monday() as i64;
                let wd = *wd as i64;
                let back = (dwd - wd).rem_euclid(7);
                let ahead = (wd - dwd).rem_euclid(7);
                let off = match rel {
                    -1 => -(if back == 0 { 7 } else { back }),
                    1 => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    _ => match tense {
                        Tense::Future | Tense::Ahead => ahead,
                        _ => -back,
                    },
                };
                let d = add_days(dct, off)?;
                self.last_day = Some(d);
                Some((Date, day(d)))
            }
            Sem::RelDay { off } => {
                let Some(dct) = dct else {
                    return Some((Date, ref_for(*off as i32).to_string()));
                };
                let d = add_days(dct, *off)?;
                self.last_day = Some(d);
                Some((Date, day(d)))
            }
            Sem::OrdDay { d } => {
                let Some(dct) = dct else {
                    return Some((Date, format!("XXXX-XX-{:02}", d)));
                };
                let base = ymd(dct.year(), dct.month(), 1)?;
                let base = match tense {
                    Tense::Past if *d > dct.day() + 2 => add_months(base, -1)?,
                    Tense::Future if *d + 2 < dct.day() => add_months(base, 1)?,
                    _ => base,
                };
                let v = format!("{:04}-{:02}-{:02}", base.year(), base.month(), d);
                Some((Date, v))
            }
            Sem::Rel {
                unit,
                off,
                anchored,
            } => {
                let base = if *anchored {
                    match unit {
                        Unit::Year | Unit::Decade | Unit::Century => self
                            .last_year
                            .and_then(|y| ymd(y, 6, 15))
                            .or(self.last_day)
                            .or(dct),
                        Unit::Month => self
                            .last_month
                            .and_then(|(y, m)| ymd(y, m, 1))
                            .or(self.last_day)
                            .or(dct),
                        _ => self.last_day.or(dct),
                    }
                } else {
                    dct
                };
                let Some(base) = base else {
                    return Some((Date, ref_for(*off).to_string()));
                };
                let off = *off as i64;
                let v = match unit {
                    Unit::Year => format!("{:04}", base.year() as i64 + off),
                    Unit::Month => {
                        let d = add_months(base, off)?;
                        month(d.year(), d.month())
                    }
                    Unit::Week => week(add_days(base, 7 * off)?),
                    Unit::Day => {
                        let d = add_days(base, off)?;
                        self.last_day = Some(d);
                        day(d)
                    }
                    Unit::Decade => format!("{:03}", base.year() as i64 / 10 + off),
                    Unit::Century => format!("{:02}", base.year() as i64 / 100 + off),
                    Unit::Quarter => {
                        let (y, q) =
                            shift_quarter(base.year(), quarter_of(base.month()), off as i32);
                        format!("{y:04}-Q{q}")
                    }
                    _ => day(base),
                };
                Some((Date, v))
            }
            Sem::Ago {
                unit,
                n,
                dir,
                anchored,
            } => {
                let base = if *anchored {
                    self.last_day.or(dct)
                } else {
                    dct
                };
                let Some(n) = n else {
                    return Some((Date, ref_for(*dir).to_string()));
                };
                let Some(base) = base else {
                    return Some((Date, ref_for(*dir).to_string()));
                };
                let k = (n.round() as i64) * (*dir as i64);
                let v = match unit {
                    Unit::Year => format!("{:04}", base.year() as i64 + k),
                    Unit::Month => {
                        let d = add_months(base, k)?;
                        month(d.year(), d.month())
                    }
                    Unit::Quarter => {
                        let (y, q) = shift_quarter(base.year(), quarter_of(base.month()), k as i32);
                        format!("{y:04}-Q{q}")
                    }
                    Unit::Week => week(add_days(base, 7 * k)?),
                    Unit::Day => {
                        let d = add_days(base, k)?;
                        self.last_day = Some(d);
                        day(d)
                    }
                    Unit::Decade => format!("{:04}", base.year() as i64 + 10 * k),
                    Unit::Century => format!("{:02}", base.year() as i64 / 100 + k),
                    Unit::Hour | Unit::Minute | Unit::Second => day(base),
                };
                Some((Date, v))
            }
            Sem::YearAgo => {
                if let Some((y, q)) = self.recent_quarter() {
                    return Some((Date, format!("{:04}-Q{}", y - 1, q)));
                }
                let Some(dct) = dct else {
                    return Some((Date, "PAST_REF".into()));
                };
                Some((Date, format!("{:04}", dct.year() - 1)))
            }
            Sem::Quarter { which, y } => {
                let Some(dct) = dct else {
                    return Some((
                        Date,
                        match which {
                            QWhich::Ord(q) => match self.year(*y) {
                                Some(yy) => format!("{yy:04}-Q{q}"),
                                None => format!("XXXX-Q{q}"),
                            },
                            QWhich::OfYear(yy) => format!("{yy:04}"),
                            _ => "XXXX-QX".into(),
                        },
                    ));
                };
                let cq = quarter_of(dct.month());
                // "the quarter ended Sept. 30": the calendar quarter of that month
                if !matches!(which, QWhich::Ord(_) | QWhich::YearAgo) {
                    let a = self.after.trim_start();
                    if let Some(rest) = a
                        .strip_prefix("ended ")
                        .or_else(|| a.strip_prefix("ending "))
                    {
                        if let Some(m) = crate::lexicon::month_num(rest.trim_start()) {
                            // a quarter ending in month m covers m-2..m: mostly the calendar quarter of m-1
                            let yy = infer_year_month(m, Tense::Past, dct);
                            let (yy, q) = if m == 1 {
                                (yy - 1, 4)
                            } else {
                                (yy, quarter_of(m - 1))
                            };
                            self.last_quarter = Some((yy, q));
                            self.last_quarter_pos = self.pos;
                            return Some((Date, format!("{yy:04}-Q{q}")));
                        }
                    }
                }
                let (yy, q) = match which {
                    QWhich::Ord(q) => {
                        let yy = match y {
                            YearSpec::Infer => {
                                if let Some((ly, _)) =
                                    self.last_quarter.filter(|(ly, _)| *ly != dct.year())
                                {
                                    // a year already under discussion ("the 1988 second quarter ... the third quarter")
                                    if tense == Tense::Past && *q > cq {
                                        dct.year() - 1
                                    } else {
                                        let _ = ly;
                                        dct.year()
                                    }
                                } else if tense == Tense::Past && *q > cq {
                                    dct.year() - 1
                                } else {
                                    dct.year()
                                }
                            }
                            other => self.year(*other)?,
                        };
                        (yy, *q)
                    }
                    QWhich::Latest => match (self.last_quarter, y) {
                        (_, YearSpec::Rel(k)) => {
                            let q = self.last_quarter.map(|(_, q)| q).unwrap_or(cq);
                            (dct.year() + k, q)
                        }
                        // the quarter under discussion, unless it lies ahead: then the last one completed
                        (Some(lq), _) if lq <= shift_quarter(dct.year(), cq, -1) => lq,
                        _ => shift_quarter(dct.year(), cq, -1),
                    },
                    QWhich::Current => (dct.year(), cq),
                    QWhich::That => match self.last_quarter {
                        Some(lq) => lq,
                        None => shift_quarter(dct.year(), cq, -1),
                    },
                    QWhich::OfYear(yy) => {
                        let q = self.recent_quarter().map(|(_, q)| q);
                        match q {
                            Some(q) => return Some((Date, format!("{yy:04}-Q{q}"))),
                            None => return Some((Date, format!("{yy:04}"))),
                        }
                    }
                    // "this quarter" in a report on a quarter: that quarter
                    QWhich::Rel(0) => self.recent_quarter().unwrap_or((dct.year(), cq)),
                    QWhich::Rel(off) => shift_quarter(dct.year(), cq, *off),
                    QWhich::YearAgo => {
                        let (ly, lq) = self
                            .recent_quarter()
                            .unwrap_or_else(|| shift_quarter(dct.year(), cq, -1));
                        return Some((Date, format!("{:04}-Q{}", ly - 1, lq)));
                    }
                };
                // a quarter ahead (a forecast) does not become the quarter under discussion
                if (yy, q) <= shift_quarter(dct.year(), cq, -1) {
                    self.last_quarter = Some((yy, q));
                    self.last_quarter_pos = self.pos;
                }
                Some((Date, format!("{yy:04}-Q{q}")))
            }
            Sem::Half { h, y } => {
                let yy = match y {
                    YearSpec::Infer => {
                        let Some(dct) = dct else {
                            return Some((Date, format!("XXXX-H{h}")));
                        };
                        if *h == 2 && dct.month() <= 6 && tense == Tense::Past {
                            dct.year() - 1
                        } else {
                            dct.year()
                        }
                    }
                    other => match self.year(*other) {
                        Some(y) => y,
                        None => return Some((Date, format!("XXXX-H{h}"))),
                    },
                };
                Some((Date, format!("{yy:04}-H{h}")))
            }
            Sem::Season { s, y, rel } => {
                if let Some(yy) = self.year(*y) {
                    return Some((Date, format!("{yy:04}-{s}")));
                }
                let Some(dct) = dct else {
                    return Some((Date, format!("XXXX-{s}")));
                };
                let (yv, cm) = (dct.year(), dct.month());
                let start = season_start(s);
                let cur = season_of(cm) == *s;
                let explicit = *rel;
                let rel = if *rel == 2 {
                    match tense {
                        Tense::Future => 1,
                        Tense::Past => -1,
                        _ => 0,
                    }
                } else {
                    *rel
                };
                let yy = match rel {
                    -1 => {
                        if cur && explicit == -1 {
                            yv - 1
                        } else if cur || start < cm {
                            yv
                        } else {
                            yv - 1
                        }
                    }
                    1 => {
                        if start > cm || (cur && *s != "WI") {
                            yv
                        } else {
                            yv + 1
                        }
                    }
                    _ => yv,
                };
                // winter that began in December of the year before
                let yy = if *s == "WI" && cm <= 2 && rel != 1 {
                    yy.min(yv - 1)
                } else {
                    yy
                };
                Some((Date, format!("{yy:04}-{s}")))
            }
            Sem::Weekend { rel } => {
                let Some(dct) = dct else {
                    return Some((Date, "XXXX-WXX-WE".into()));
                };
                let dwd = dct.weekday().number_from_monday() as i64; // Sat = 6
                let sat = match (rel, tense) {
                    (-1, _) | (0, Tense::Past) => {
                        let back = (dwd - 6).rem_euclid(7);
                        let back = if *rel == -1 && back <= 1 {
                            back + 7
                        } else {
                            back
                        };
                        add_days(dct, -back)?
                    }
                    _ => {
                        let ahead = (6 - dwd).rem_euclid(7);
                        let ahead = if *rel == 1 && ahead == 0 { 7 } else { ahead };
                        if dwd == 7 && *rel == 0 {
                            add_days(dct, -1)?
                        } else {
                            add_days(dct, ahead)?
                        }
                    }
                };
                Some((Date, format!("{}-WE", week(sat))))
            }
            Sem::YearEnd => {
                let Some(dct) = dct else {
                    return Some((Date, "XXXX-12-31".into()));
                };
                let y = if tense == Tense::Past && dct.month() < 12 {
                    dct.year() - 1
                } else {
                    dct.year()
                };
                Some((Date, format!("{y:04}-12-31")))
            }
            Sem::AnchoredWeekday { wd, dir } => {
                let Some(base) = self.last_day.or(dct) else {
                    return Some((Date, format!("XXXX-WXX-{wd}")));
                };
                let bwd = base.weekday().number_from_monday() as i64;
                let wd = *wd as i64;
                let off = if *dir < 0 {
                    let b = (bwd - wd).rem_euclid(7);
                    -(if b == 0 { 7 } else { b })
                } else {
                    let a = (wd - bwd).rem_euclid(7);
                    if a == 0 {
                        7
                    } else {
                        a
                    }
                };
                let d = add_days(base, off)?;
                self.last_day = Some(d);
                Some((Date, day(d)))
            }
            Sem::ElectionDay => {
                let Some(dct) = dct else {
                    return Some((Date, "XXXX-11-XX".into()));
                };
                let yy = infer_year_md(11, 5, tense, dct);
                let first = NaiveDate::from_ymd_opt(yy, 11, 2)?;
                let wd = first.weekday().number_from_monday() as i64;
                let d = add_days(first, (2 - wd).rem_euclid(7))?;
                self.last_day = Some(d);
                Some((Date, day(d)))
            }
            Sem::WeekOf(inner) => {
                let (_, v) = self.resolve(inner, tense)?;
                match parse_dct(&v) {
                    Some(d) => Some((Date, week(d))),
                    None => Some((Date, v)),
                }
            }
            Sem::Thanksgiving => {
                let Some(dct) = dct else {
                    return Some((Date, "XXXX-11-XX".into()));
                };
                let tg = |y: i32| -> Option<NaiveDate> {
                    let first = NaiveDate::from_ymd_opt(y, 11, 1)?;
                    let wd = first.weekday().number_from_monday() as i64;
                    add_days(first, (4 - wd).rem_euclid(7) + 21)
                };
                let yy = infer_year_md(11, 25, tense, dct);
                let d = tg(yy)?;
                self.last_day = Some(d);
                Some((Date, day(d)))
            }
            Sem::Time { h, mi, day: dsem } => {
                let base = match dsem {
                    Some(ds) => self.resolve(ds, tense).map(|(_, v)| v),
                    None => self.last_day.or(dct).map(day),
                };
                let t = if *h == 24 {
                    "T24".to_string()
                } else {
                    format!("T{:02}:{:02}", h, mi)
                };
                let v = match base {
                    Some(b) if b.len() == 10 || b.starts_with("XXXX-WXX-") => format!("{b}{t}"),
                    _ => format!("XXXX-XX-XX{t}"),
                };
                Some((Time, v))
            }
            Sem::Shift { day: dsem, off } => {
                let (_, v) = self.resolve(dsem, tense)?;
                match parse_dct(&v).filter(|_| v.len() == 10) {
                    Some(d) => {
                        let d = add_days(d, *off)?;
                        self.last_day = Some(d);
                        Some((Date, day(d)))
                    }
                    None => Some((Date, v)),
                }
            }
            Sem::Part { day: dsem, part } => {
                let (_, b) = self.resolve(dsem, tense)?;
                if b.len() == 10 || b.starts_with("XXXX-WXX-") {
                    Some((Time, format!("{b}T{part}")))
                } else {
                    Some((Time, format!("XXXX-XX-XXT{part}")))
                }
            }
        }
    }
}

/// The publication date of an ISO 8601 string: `2014-11-06`, `2014-11-06T10:30:00-05:00`.
pub fn parse_dct(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
