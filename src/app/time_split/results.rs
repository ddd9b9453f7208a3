//! Reading the split: per quarter with its months, and a quarter's events as stored.

use jiff::tz::TimeZone;
use jiff::Timestamp;
use time::Date;

use super::{TimeSplitConfig, TimeSplitError};
use crate::db::time_split as repo;
use crate::db::DbConnection;
use crate::domain::quarter::Quarter;
use crate::domain::time_split::split::{month_key, quarter_of, summarize};
use crate::domain::time_split::tally::{hours_by, ManualHours};
use crate::domain::time_split::{Category, SplitSummary};

/// The split of one quarter, with its months.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct QuarterSplit {
    /// The quarter.
    pub quarter: Quarter,
    /// The quarter as a whole.
    pub split: SplitSummary,
    /// Each month of the quarter (`YYYY-MM`) that has hours.
    pub months: Vec<MonthSplit>,
}

/// The split of one month.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct MonthSplit {
    /// `YYYY-MM`.
    pub month: String,
    /// The split.
    pub split: SplitSummary,
}

/// The instants `[start of first, start of the quarter after last)` in the company's zone.
fn span(
    quarters: &[Quarter],
    cfg: &TimeSplitConfig,
) -> Result<(Timestamp, Timestamp), TimeSplitError> {
    let tz = cfg.zone()?;
    let fy = cfg.fiscal_year_start_month;
    let first = quarters
        .iter()
        .min()
        .copied()
        .ok_or_else(|| TimeSplitError::Invalid("no quarter".into()))?;
    let last = quarters.iter().max().copied().unwrap_or(first);
    let at = |d: Date| {
        jiff::civil::date(d.year() as i16, u8::from(d.month()) as i8, d.day() as i8)
            .to_zoned(tz.clone())
            .map(|z| z.timestamp())
            .map_err(|e| TimeSplitError::Invalid(e.to_string()))
    };
    Ok((at(first.first_day(fy))?, at(last.next().first_day(fy))?))
}

/// The split of each quarter asked for (oldest first), each with its months.
pub fn splits(
    conn: &mut DbConnection,
    quarters: &[Quarter],
    cfg: &TimeSplitConfig,
) -> Result<Vec<QuarterSplit>, TimeSplitError> {
    let targets = cfg.settings.targets().map_err(TimeSplitError::Invalid)?;
    let tz = cfg.zone()?;
    let fy = cfg.fiscal_year_start_month;
    let (from, to) = span(quarters, cfg)?;
    let entries = repo::spans_between(conn, from, to)?;
    let manual = manual_hours(conn, from, to, &tz)?;
    let day_quarter = |d: jiff::civil::Date| {
        let m = time::Month::try_from(d.month() as u8).ok()?;
        let date = Date::from_calendar_date(i32::from(d.year()), m, d.day() as u8).ok()?;
        Some(Quarter::containing(date, fy))
    };
    let by_q = hours_by(&entries, &manual, |t| quarter_of(t, &tz, fy), day_quarter);
    let by_m = hours_by(
        &entries,
        &manual,
        |t| Some(month_key(t, &tz)),
        |d| Some(format!("{:04}-{:02}", d.year(), d.month())),
    );
    let mut out = Vec::new();
    let mut sorted = quarters.to_vec();
    sorted.sort();
    sorted.dedup();
    for q in sorted {
        let hours = by_q.get(&q).cloned().unwrap_or_default();
        let months = by_m
            .iter()
            .filter(|(m, _)| month_quarter(m, fy) == Some(q))
            .map(|(m, h)| MonthSplit {
                month: m.clone(),
                split: summarize(h, &targets),
            })
            .collect();
        out.push(QuarterSplit {
            quarter: q,
            split: summarize(&hours, &targets),
            months,
        });
    }
    Ok(out)
}

fn month_quarter(month: &str, fy: u8) -> Option<Quarter> {
    let (y, m) = month.split_once('-')?;
    let date = Date::from_calendar_date(
        y.parse().ok()?,
        time::Month::try_from(m.parse::<u8>().ok()?).ok()?,
        1,
    )
    .ok()?;
    Some(Quarter::containing(date, fy))
}

fn manual_hours(
    conn: &mut DbConnection,
    from: Timestamp,
    to: Timestamp,
    tz: &TimeZone,
) -> Result<Vec<ManualHours>, TimeSplitError> {
    let day = |t: Timestamp| -> Result<Date, TimeSplitError> {
        let d = t.to_zoned(tz.clone()).date();
        let m = time::Month::try_from(d.month() as u8)
            .map_err(|e| TimeSplitError::Invalid(e.to_string()))?;
        Date::from_calendar_date(i32::from(d.year()), m, d.day() as u8)
            .map_err(|e| TimeSplitError::Invalid(e.to_string()))
    };
    let rows = repo::manual_between(conn, day(from)?, day(to)? - time::Duration::days(1))?;
    Ok(rows
        .into_iter()
        .filter_map(|(week, category, hours)| {
            let d = jiff::civil::Date::new(
                week.year() as i16,
                u8::from(week.month()) as i8,
                week.day() as i8,
            )
            .ok()?;
            Some(ManualHours {
                week: d,
                category,
                hours,
            })
        })
        .collect())
}

/// One stored event as the CTO sees it: when, the category that counts, the rule that chose
/// the imported one, and the override if any.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct EventView {
    /// Key for overriding.
    pub key: String,
    /// Start (RFC 3339, UTC).
    pub start: String,
    /// End.
    pub end: String,
    /// Hours (wall time of the event itself, before overlap credit).
    pub hours: f64,
    /// From an all-day event.
    pub all_day: bool,
    /// The category that counts.
    pub category: Category,
    /// The category the rules gave.
    pub rule_category: Category,
    /// The rule that gave it (`keyword:board`, `domain:acme.com`, `none`).
    pub rule: String,
    /// Whether the CTO overrode it.
    pub overridden: bool,
    /// The title, when titles are kept.
    pub title: Option<String>,
}

/// The events of one quarter, by start.
pub fn events(
    conn: &mut DbConnection,
    quarter: Quarter,
    cfg: &TimeSplitConfig,
) -> Result<Vec<EventView>, TimeSplitError> {
    let (from, to) = span(&[quarter], cfg)?;
    Ok(repo::entries_between(conn, from, to)?
        .into_iter()
        .map(|s| EventView {
            key: s.entry.key.clone(),
            start: s.entry.start.to_string(),
            end: s.entry.end.to_string(),
            hours: s.entry.end.duration_since(s.entry.start).as_secs_f64() / 3600.0,
            all_day: s.entry.all_day,
            category: s.category(),
            rule_category: s.entry.category,
            rule: s.entry.rule.clone(),
            overridden: s.overridden.is_some(),
            title: s.entry.title.clone(),
        })
        .collect())
}

/// The split of one quarter for an export or report, when the calendar (or manual entry)
/// holds work time for it.
pub fn quarter_summary(
    conn: &mut DbConnection,
    quarter: Quarter,
    cfg: &TimeSplitConfig,
) -> Result<Option<SplitSummary>, TimeSplitError> {
    Ok(splits(conn, &[quarter], cfg)?
        .pop()
        .map(|q| q.split)
        .filter(|s| s.work_hours > 0.0))
}
