//! Hours and shares per category for a month or quarter, against the article's targets.
//!
//! Share = a category's hours ÷ work hours, where work hours are every category's hours but
//! "not work time". Unclassified time is part of work hours and has its own share, so the
//! shares of sales, marketing, BD, internal and unclassified add up to 100 %. The deviation
//! is share − target in percentage points, for the four targeted groups (internal = both
//! internal categories).

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::Category;
use crate::domain::quarter::Quarter;

/// The article's targets in percent (settings; defaults 35 / 20 / 15 / 30).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Targets {
    /// Sales and customers.
    pub sales: f64,
    /// Marketing, evangelism and analysts.
    pub marketing: f64,
    /// Business development and partners.
    pub bd: f64,
    /// Internal (engineering, product, CEO, executives, board).
    pub internal: f64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            sales: 35.0,
            marketing: 20.0,
            bd: 15.0,
            internal: 30.0,
        }
    }
}

impl Targets {
    /// Targets that are each 0–100 and add up to 100.
    pub fn new(sales: f64, marketing: f64, bd: f64, internal: f64) -> Result<Targets, String> {
        let t = Targets {
            sales,
            marketing,
            bd,
            internal,
        };
        let all = [sales, marketing, bd, internal];
        if all.iter().any(|v| !v.is_finite() || *v < 0.0 || *v > 100.0) {
            return Err("each time-split target must be between 0 and 100".into());
        }
        let sum: f64 = all.iter().sum();
        if (sum - 100.0).abs() > 0.01 {
            return Err(format!(
                "the time-split targets must add up to 100, not {sum}"
            ));
        }
        Ok(t)
    }
}

/// Hours per category.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CategoryHours(pub BTreeMap<Category, f64>);

impl CategoryHours {
    /// Adds hours to a category.
    pub fn add(&mut self, c: Category, hours: f64) {
        *self.0.entry(c).or_insert(0.0) += hours;
    }

    /// Hours of a category (0 when none).
    pub fn get(&self, c: Category) -> f64 {
        self.0.get(&c).copied().unwrap_or(0.0)
    }

    /// Hours of every category but "not work time". Folded from +0.0: an empty `sum` of
    /// floats is −0.0, which would reach pages and the API as "-0".
    pub fn work_hours(&self) -> f64 {
        self.0
            .iter()
            .filter(|(c, _)| **c != Category::NotWork)
            .fold(0.0, |total, (_, h)| total + h)
    }
}

/// One line of a split: hours, share, target and deviation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SplitLine {
    /// `sales`, `marketing`, `bd`, `internal`, `internal_engineering`, `internal_executive`,
    /// `unclassified` or `not_work`.
    pub key: String,
    /// Hours in the period.
    pub hours: f64,
    /// Percent of work hours; none for "not work time" or a period without work hours.
    pub share: Option<f64>,
    /// The target in percent, for the four targeted groups.
    pub target: Option<f64>,
    /// share − target in percentage points.
    pub deviation_points: Option<f64>,
}

/// The split of one period.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SplitSummary {
    /// Hours of work time (everything but "not work time").
    pub work_hours: f64,
    /// The lines, in display order: the four targeted groups, the two internal parts,
    /// unclassified, not work time.
    pub lines: Vec<SplitLine>,
}

impl SplitSummary {
    /// The line with `key`.
    pub fn line(&self, key: &str) -> Option<&SplitLine> {
        self.lines.iter().find(|l| l.key == key)
    }
}

/// The split of `hours` against `targets`.
pub fn summarize(hours: &CategoryHours, targets: &Targets) -> SplitSummary {
    use Category::*;
    let work = hours.work_hours();
    let share = |h: f64| (work > 0.0).then(|| 100.0 * h / work);
    let line = |key: &str, h: f64, target: Option<f64>| {
        let s = share(h);
        SplitLine {
            key: key.to_string(),
            hours: h,
            share: s,
            target,
            deviation_points: s.zip(target).map(|(s, t)| s - t),
        }
    };
    let internal = hours.get(InternalEngineering) + hours.get(InternalExecutive);
    let mut lines = vec![
        line("sales", hours.get(Sales), Some(targets.sales)),
        line("marketing", hours.get(Marketing), Some(targets.marketing)),
        line("bd", hours.get(Bd), Some(targets.bd)),
        line("internal", internal, Some(targets.internal)),
        line(
            InternalEngineering.key(),
            hours.get(InternalEngineering),
            None,
        ),
        line(InternalExecutive.key(), hours.get(InternalExecutive), None),
        line(Unclassified.key(), hours.get(Unclassified), None),
    ];
    lines.push(SplitLine {
        key: NotWork.key().to_string(),
        hours: hours.get(NotWork),
        share: None,
        target: None,
        deviation_points: None,
    });
    SplitSummary {
        work_hours: work,
        lines,
    }
}

/// A month, `YYYY-MM`, as a sortable key.
pub fn month_key(t: Timestamp, tz: &TimeZone) -> String {
    let d = t.to_zoned(tz.clone()).date();
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The reporting quarter an instant falls in, in the company's zone.
pub fn quarter_of(t: Timestamp, tz: &TimeZone, fy_start_month: u8) -> Option<Quarter> {
    let d = t.to_zoned(tz.clone()).date();
    let month = time::Month::try_from(d.month() as u8).ok()?;
    let date = time::Date::from_calendar_date(i32::from(d.year()), month, d.day() as u8).ok()?;
    Some(Quarter::containing(date, fy_start_month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_hand_computed_quarter() {
        // Sales 14 h, marketing 6 h, BD 4 h, engineering 10 h, exec 2 h, unclassified 4 h,
        // lunch 5 h. Work = 14+6+4+10+2+4 = 40 h.
        // Sales 14/40 = 35 % (dev 0), marketing 6/40 = 15 % (−5), BD 4/40 = 10 % (−5),
        // internal 12/40 = 30 % (0), unclassified 4/40 = 10 %.
        let mut h = CategoryHours::default();
        for (c, v) in [
            (Category::Sales, 14.0),
            (Category::Marketing, 6.0),
            (Category::Bd, 4.0),
            (Category::InternalEngineering, 10.0),
            (Category::InternalExecutive, 2.0),
            (Category::Unclassified, 4.0),
            (Category::NotWork, 5.0),
        ] {
            h.add(c, v);
        }
        let s = summarize(&h, &Targets::default());
        assert_eq!(s.work_hours, 40.0);
        let get = |k: &str| s.line(k).unwrap().clone();
        assert_eq!(get("sales").share, Some(35.0));
        assert_eq!(get("sales").deviation_points, Some(0.0));
        assert_eq!(get("marketing").deviation_points, Some(-5.0));
        assert_eq!(get("bd").share, Some(10.0));
        assert_eq!(get("internal").share, Some(30.0));
        assert_eq!(get("unclassified").share, Some(10.0));
        assert_eq!(get("not_work").share, None);
        assert_eq!(get("not_work").hours, 5.0);
    }

    #[test]
    fn no_work_hours_means_no_shares_not_zero() {
        let s = summarize(&CategoryHours::default(), &Targets::default());
        assert!(s
            .lines
            .iter()
            .all(|l| l.share.is_none() && l.deviation_points.is_none()));
        // +0.0, not the −0.0 an empty float sum gives: JSON would say "-0.0".
        assert!(s.work_hours.is_sign_positive(), "{}", s.work_hours);
        assert_eq!(serde_json::to_string(&s.work_hours).unwrap(), "0.0");
    }

    #[test]
    fn targets_must_add_up_to_100() {
        assert!(Targets::new(35.0, 20.0, 15.0, 30.0).is_ok());
        assert!(Targets::new(40.0, 20.0, 15.0, 30.0).is_err());
        assert!(Targets::new(-5.0, 40.0, 35.0, 30.0).is_err());
    }

    #[test]
    fn quarters_and_months_are_taken_in_the_company_zone() {
        // 2026-03-31 23:30 UTC is already 1 April 08:30 in Seoul: Q2 there, Q1 in UTC.
        let t: Timestamp = "2026-03-31T23:30:00Z".parse().unwrap();
        let seoul = TimeZone::get("Asia/Seoul").unwrap();
        assert_eq!(quarter_of(t, &seoul, 1).unwrap().to_string(), "2026Q2");
        assert_eq!(
            quarter_of(t, &TimeZone::UTC, 1).unwrap().to_string(),
            "2026Q1"
        );
        assert_eq!(month_key(t, &seoul), "2026-04");
    }

    proptest! {
        #[test]
        fn shares_sum_to_100(hours in proptest::collection::vec(0.0f64..500.0, 7)) {
            let mut h = CategoryHours::default();
            for (c, v) in Category::ALL.iter().zip(&hours) {
                h.add(*c, *v);
            }
            let s = summarize(&h, &Targets::default());
            let sum: f64 = ["sales", "marketing", "bd", "internal", "unclassified"]
                .iter()
                .filter_map(|k| s.line(k).and_then(|l| l.share))
                .sum();
            if s.work_hours > 0.0 {
                prop_assert!((sum - 100.0).abs() < 1e-9, "{sum}");
            } else {
                prop_assert_eq!(sum, 0.0);
            }
        }
    }
}
