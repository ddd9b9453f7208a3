//! How long a sealed round keeps its raw answers and comments (`retention.raw_answers_quarters`).
//!
//! The rule, in one place: with N quarters of retention, a round of quarter Q is purged once
//! the current quarter is Q + N or later. So the current quarter and the N − 1 before it
//! keep their raw answers — N quarters in all — and everything older keeps only its tallies.
//! With N = 8 in 2026Q4, rounds of 2025Q1…2026Q4 keep their answers and 2024Q4 loses them.

use time::PrimitiveDateTime;

use super::quarter::Quarter;

/// The newest quarter whose rounds are purged when the current quarter is `current` and
/// `keep` quarters are kept (`keep` ≥ 1; 0 is treated as 1, the settings refuse it).
pub fn newest_purged(current: Quarter, keep: u32) -> Quarter {
    let mut q = current;
    for _ in 0..keep.max(1) {
        q = q.prev();
    }
    q
}

/// Whether a sealed round of `quarter` has outlived its raw answers in `current`.
pub fn is_due(quarter: Quarter, current: Quarter, keep: u32) -> bool {
    quarter <= newest_purged(current, keep)
}

/// The quarter `now` (UTC) falls in, as seen in `timezone` — the same zone that decides when
/// rounds close. An unknown zone (the settings refuse one) counts as UTC.
pub fn current_quarter(now: PrimitiveDateTime, timezone: &str, fy_start_month: u8) -> Quarter {
    let local = jiff::tz::TimeZone::get(timezone)
        .ok()
        .and_then(|tz| {
            let ts = jiff::Timestamp::from_second(now.assume_utc().unix_timestamp()).ok()?;
            let d = ts.to_zoned(tz).date();
            let month = time::Month::try_from(d.month() as u8).ok()?;
            time::Date::from_calendar_date(d.year() as i32, month, d.day() as u8).ok()
        })
        .unwrap_or(now.date());
    Quarter::containing(local, fy_start_month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn q(s: &str) -> Quarter {
        s.parse().unwrap()
    }

    #[test]
    fn eight_quarters_keep_the_current_and_seven_before() {
        // 2026Q4 − 8 = 2024Q4: purged; 2025Q1 is the oldest of the 8 kept.
        assert_eq!(newest_purged(q("2026Q4"), 8), q("2024Q4"));
        assert!(is_due(q("2024Q4"), q("2026Q4"), 8));
        assert!(is_due(q("2020Q1"), q("2026Q4"), 8));
        assert!(!is_due(q("2025Q1"), q("2026Q4"), 8));
        assert!(!is_due(q("2026Q4"), q("2026Q4"), 8));
    }

    #[test]
    fn one_quarter_purges_the_previous_quarter_once_the_next_begins() {
        // Q + 1 = current: a round of 2026Q3 is purged from 2026Q4 on, not before.
        assert!(is_due(q("2026Q3"), q("2026Q4"), 1));
        assert!(!is_due(q("2026Q4"), q("2026Q4"), 1));
        // Across a year: 2025Q4 + 1 = 2026Q1.
        assert!(is_due(q("2025Q4"), q("2026Q1"), 1));
        assert!(!is_due(q("2026Q1"), q("2026Q1"), 1));
    }

    #[test]
    fn the_current_quarter_follows_the_configured_zone() {
        // 31 Dec 23:30 UTC is already 1 January in Seoul (UTC+9): 2027Q1 there, 2026Q4 in UTC.
        let now = datetime!(2026-12-31 23:30);
        assert_eq!(current_quarter(now, "UTC", 1), q("2026Q4"));
        assert_eq!(current_quarter(now, "Asia/Seoul", 1), q("2027Q1"));
        // Fiscal year from April: December 2026 is the third quarter of FY2027.
        assert_eq!(current_quarter(now, "UTC", 4), q("2027Q3"));
        assert_eq!(current_quarter(now, "Not/AZone", 1), q("2026Q4"));
    }
}
