//! Reporting quarters such as `2026Q3`.
//!
//! Quarters are calendar quarters unless a fiscal-year start month is set. A fiscal year
//! is named by the calendar year in which it ends (a year starting in April 2025 is FY2026),
//! so with start month 4, `2026Q1` is April–June 2025.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

/// One reporting quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    year: i32,
    q: u8,
}

/// Why a string is not a quarter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid quarter {0:?} (expected YEARQn such as 2026Q3, year 2000–2999, n 1–4)")]
pub struct InvalidQuarter(pub String);

impl Quarter {
    /// A quarter, if `q` is 1–4 and the year is plausible for this product.
    pub fn new(year: i32, q: u8) -> Result<Self, InvalidQuarter> {
        if (1..=4).contains(&q) && (2000..=2999).contains(&year) {
            Ok(Quarter { year, q })
        } else {
            Err(InvalidQuarter(format!("{year}Q{q}")))
        }
    }

    /// The (fiscal) year the quarter belongs to.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The quarter number, 1–4.
    pub fn number(self) -> u8 {
        self.q
    }

    /// The quarter before this one.
    pub fn prev(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    /// The earliest quarter the product names (year 2000, as [`Quarter::new`] allows).
    pub const FIRST: Quarter = Quarter { year: 2000, q: 1 };

    /// This quarter and the `n - 1` before it, oldest first, never before [`Quarter::FIRST`]:
    /// a trend is shown to users and documented with the same pattern a request must match.
    pub fn trailing(self, n: usize) -> Vec<Quarter> {
        let mut out = Vec::with_capacity(n);
        let mut q = self;
        for _ in 0..n {
            if q < Quarter::FIRST {
                break;
            }
            out.push(q);
            q = q.prev();
        }
        out.reverse();
        out
    }

    /// The first day of the quarter, for a fiscal year starting in `fy_start_month` (1 = January).
    pub fn first_day(self, fy_start_month: u8) -> Date {
        let start = fy_start_month.clamp(1, 12) as i32;
        // Months since year 0 of the quarter's first month.
        let fiscal_offset = if start == 1 { 0 } else { -12 };
        let index = self.year * 12 + fiscal_offset + (start - 1) + (self.q as i32 - 1) * 3;
        let year = index.div_euclid(12);
        let month0 = index.rem_euclid(12) as u8;
        let month = Month::try_from(month0 + 1).unwrap_or(Month::January);
        Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN)
    }

    /// The last day of the quarter.
    pub fn last_day(self, fy_start_month: u8) -> Date {
        self.next()
            .first_day(fy_start_month)
            .previous_day()
            .unwrap_or(Date::MIN)
    }

    /// The quarter that contains `date`.
    pub fn containing(date: Date, fy_start_month: u8) -> Quarter {
        let start = fy_start_month.clamp(1, 12) as i32;
        let month0 = u8::from(date.month()) as i32 - 1;
        let shifted = date.year() * 12 + month0 - (start - 1);
        let mut year = shifted.div_euclid(12);
        let q = (shifted.rem_euclid(12) / 3 + 1) as u8;
        if start != 1 {
            year += 1;
        }
        Quarter { year, q }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

impl Quarter {
    /// Parses only the canonical form `YYYYQn` ([`QUARTER_PATTERN`]): no spaces, no lowercase
    /// `q`. The API documents this pattern, so it must refuse what the pattern refuses; forms
    /// and the CLI keep the lenient [`FromStr`].
    pub fn parse_strict(s: &str) -> Result<Quarter, InvalidQuarter> {
        let b = s.as_bytes();
        let canonical = b.len() == 6
            && b[0] == b'2'
            && b[1..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'Q'
            && (b'1'..=b'4').contains(&b[5]);
        if canonical {
            s.parse()
        } else {
            Err(InvalidQuarter(s.to_string()))
        }
    }
}

impl FromStr for Quarter {
    type Err = InvalidQuarter;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InvalidQuarter(s.to_string());
        let t = s.trim();
        let (y, q) = t
            .split_once('Q')
            .or_else(|| t.split_once('q'))
            .ok_or_else(bad)?;
        if y.len() != 4 || q.len() != 1 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let q: u8 = q.parse().map_err(|_| bad())?;
        Quarter::new(year, q).map_err(|_| bad())
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a quarter looks like on the wire: exactly what [`Quarter::parse_strict`] accepts.
pub const QUARTER_PATTERN: &str = "^2[0-9]{3}Q[1-4]$";

impl utoipa::PartialSchema for Quarter {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(QUARTER_PATTERN))
            .examples(["2026Q3"])
            .into()
    }
}

impl utoipa::ToSchema for Quarter {}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn strict_parsing_accepts_exactly_the_documented_pattern() {
        assert_eq!(
            Quarter::parse_strict("2026Q3").unwrap().to_string(),
            "2026Q3"
        );
        assert_eq!(
            Quarter::parse_strict("2999Q4").unwrap().to_string(),
            "2999Q4"
        );
        for bad in [
            "2026q3",
            " 2026Q3",
            "2026Q3 ",
            "",
            "1999Q1",
            "3000Q1",
            "2026Q5",
            "2026Q0",
            "\u{ff12}026Q3",
            "20261Q1",
            "2026Q",
        ] {
            assert!(Quarter::parse_strict(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn parses_and_prints() {
        let q: Quarter = "2026Q3".parse().unwrap();
        assert_eq!(q.to_string(), "2026Q3");
        assert_eq!("2026q1".parse::<Quarter>().unwrap().number(), 1);
        for bad in [
            "2026Q5", "2026Q0", "26Q1", "2026-Q1", "Q1", "", "2026Q", "2026Q12",
        ] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad}");
        }
    }

    #[test]
    fn neighbours_wrap_across_years() {
        let q = Quarter::new(2026, 1).unwrap();
        assert_eq!(q.prev().to_string(), "2025Q4");
        assert_eq!(q.prev().next(), q);
        let t = q.trailing(8);
        assert_eq!(t.len(), 8);
        assert_eq!(t[0].to_string(), "2024Q2");
        assert_eq!(t[7], q);
    }

    #[test]
    fn a_trend_never_names_a_quarter_before_the_first() {
        // 2001Q1 and the seven before would reach 1999Q2; only 2000Q1…2001Q1 (five) exist.
        let q = Quarter::new(2001, 1).unwrap();
        let t = q.trailing(8);
        assert_eq!(t.len(), 5);
        assert_eq!(t[0], Quarter::FIRST);
        assert_eq!(t[4], q);
        for q in &t {
            assert!(Quarter::parse_strict(&q.to_string()).is_ok(), "{q}");
        }
        assert_eq!(Quarter::FIRST.trailing(8), vec![Quarter::FIRST]);
    }

    #[test]
    fn calendar_quarter_bounds() {
        let q = Quarter::new(2026, 3).unwrap();
        assert_eq!(q.first_day(1), date!(2026 - 07 - 01));
        assert_eq!(q.last_day(1), date!(2026 - 09 - 30));
        assert_eq!(Quarter::containing(date!(2026 - 09 - 30), 1), q);
        assert_eq!(Quarter::containing(date!(2026 - 10 - 01), 1), q.next());
    }

    #[test]
    fn fiscal_year_is_named_by_its_end_year() {
        // FY2026 starting in April: Q1 = Apr–Jun 2025, Q4 = Jan–Mar 2026.
        let q1 = Quarter::new(2026, 1).unwrap();
        assert_eq!(q1.first_day(4), date!(2025 - 04 - 01));
        assert_eq!(q1.last_day(4), date!(2025 - 06 - 30));
        let q4 = Quarter::new(2026, 4).unwrap();
        assert_eq!(q4.first_day(4), date!(2026 - 01 - 01));
        assert_eq!(q4.last_day(4), date!(2026 - 03 - 31));
        assert_eq!(Quarter::containing(date!(2025 - 04 - 15), 4), q1);
        assert_eq!(Quarter::containing(date!(2026 - 03 - 31), 4), q4);
        assert_eq!(
            Quarter::containing(date!(2026 - 04 - 01), 4),
            Quarter::new(2027, 1).unwrap()
        );
    }

    #[test]
    fn every_day_belongs_to_the_quarter_whose_bounds_contain_it() {
        for start in 1..=12u8 {
            let mut d = date!(2024 - 01 - 01);
            while d < date!(2027 - 01 - 01) {
                let q = Quarter::containing(d, start);
                assert!(
                    q.first_day(start) <= d && d <= q.last_day(start),
                    "{d} {start} {q}"
                );
                d = d.next_day().unwrap();
            }
        }
    }
}
