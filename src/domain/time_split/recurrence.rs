//! Recurrence: the local start times an RRULE yields, run by the `rrule` crate in wall time.

use chrono::TimeZone as _;
use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, ToSpan};

use super::expand::{Event, Window, MAX_PER_SERIES};
use super::ImportError;

impl Event {
    /// The local start times an RRULE yields up to the window's end.
    pub(super) fn rrule_starts(
        &self,
        line: usize,
        rule: &str,
        window: &Window,
    ) -> Result<Vec<civil::DateTime>, ImportError> {
        let bad = |e: &dyn std::fmt::Display| ImportError::at(line, format!("RRULE: {e}"));
        // UNTIL is read here, in the event's zone, so the rule itself can run in wall time.
        let mut until = None;
        let mut rest = Vec::new();
        for part in rule.trim().split(';').filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((k, v)) if k.eq_ignore_ascii_case("UNTIL") => {
                    until = Some(v.trim().to_string())
                }
                _ => rest.push(part),
            }
        }
        let mut parsed: rrule::RRule<rrule::Unvalidated> = format!("RRULE:{}", rest.join(";"))
            .parse()
            .map_err(|e| bad(&e))?;
        if let Some(u) = until {
            let local = self
                .until_local(&u)
                .ok_or_else(|| bad(&format!("UNTIL {u:?} is not a date or time")))?;
            parsed = parsed.until(wall(local).ok_or_else(|| bad(&"UNTIL out of range"))?);
        }
        let dt_start = wall(self.start.civil()).ok_or_else(|| bad(&"DTSTART out of range"))?;
        let set = parsed.build(dt_start).map_err(|e| bad(&e))?;
        // Stop a day past the window's end in any zone.
        let stop = window
            .to
            .to_zoned(self.zone.clone())
            .datetime()
            .checked_add(2.days())
            .map_err(|e| bad(&e))?;
        let mut out = Vec::new();
        for dt in &set {
            let local = civil::DateTime::new(
                i16::try_from(chrono::Datelike::year(&dt)).map_err(|e| bad(&e))?,
                chrono::Datelike::month(&dt) as i8,
                chrono::Datelike::day(&dt) as i8,
                chrono::Timelike::hour(&dt) as i8,
                chrono::Timelike::minute(&dt) as i8,
                chrono::Timelike::second(&dt) as i8,
                0,
            )
            .map_err(|e| bad(&e))?;
            if local >= stop {
                break;
            }
            if self
                .zone
                .to_timestamp(local)
                .is_ok_and(|t| t >= window.from - SignedDuration::from_hours(48))
            {
                out.push(local);
                if out.len() > MAX_PER_SERIES {
                    return Err(bad(&format!(
                        "the rule yields more than {MAX_PER_SERIES} occurrences inside the import window"
                    )));
                }
            }
        }
        Ok(out)
    }

    /// UNTIL as a wall time in the event's zone (UTC values are converted; dates end the day).
    fn until_local(&self, u: &str) -> Option<civil::DateTime> {
        if let Some(d) = super::zones::parse_date(u) {
            return Some(d.to_datetime(civil::time(23, 59, 59, 0)));
        }
        match u.strip_suffix(['Z', 'z']) {
            Some(body) => {
                let utc = super::zones::parse_datetime(body)?
                    .to_zoned(TimeZone::UTC)
                    .ok()?;
                Some(utc.timestamp().to_zoned(self.zone.clone()).datetime())
            }
            None => super::zones::parse_datetime(u),
        }
    }
}

/// A wall time as rrule's date type; rrule runs in UTC so wall times never shift by DST.
fn wall(dt: civil::DateTime) -> Option<chrono::DateTime<rrule::Tz>> {
    rrule::Tz::UTC
        .with_ymd_and_hms(
            i32::from(dt.year()),
            dt.month() as u32,
            dt.day() as u32,
            dt.hour() as u32,
            dt.minute() as u32,
            dt.second() as u32,
        )
        .single()
}
