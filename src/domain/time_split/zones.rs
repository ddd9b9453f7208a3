//! Dates, times and time zones of a calendar file.
//!
//! A `TZID` is looked up as an IANA name first (Google and Apple write those), then in the
//! file's own `VTIMEZONE` definitions (Outlook writes Windows names such as
//! "W. Europe Standard Time" and defines them there); a `TZID` that is neither is an error
//! naming the line. Local times that fall in a DST gap move forward and those in a fold take
//! the earlier instant (RFC 5545 §3.3.5, jiff's "compatible" rule).

use std::collections::HashMap;

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::ics::{Component, Property};
use super::ImportError;

/// A DTSTART/DTEND/RDATE/EXDATE/RECURRENCE-ID value as written.
#[derive(Debug, Clone)]
pub enum When {
    /// A date without time (an all-day event).
    Date(civil::Date),
    /// A local time in a known zone (UTC values use the UTC zone).
    Zoned(civil::DateTime, TimeZone),
    /// A local time without zone: it happens at that wall time wherever the owner is, taken
    /// in the calendar's default zone.
    Floating(civil::DateTime),
}

impl When {
    /// The wall time, midnight for a date.
    pub fn civil(&self) -> civil::DateTime {
        match self {
            When::Date(d) => d.to_datetime(civil::Time::midnight()),
            When::Zoned(dt, _) | When::Floating(dt) => *dt,
        }
    }

    /// The zone the wall time is read in (`default` for floating times and dates).
    pub fn zone(&self, default: &TimeZone) -> TimeZone {
        match self {
            When::Zoned(_, tz) => tz.clone(),
            _ => default.clone(),
        }
    }

    /// Whether this is an all-day value.
    pub fn is_date(&self) -> bool {
        matches!(self, When::Date(_))
    }
}

/// The zones a file defines, and the one floating times and all-day events are read in.
#[derive(Debug, Clone)]
pub struct Zones {
    defined: HashMap<String, TimeZone>,
    /// The zone for floating times and all-day events.
    pub default: TimeZone,
}

impl Zones {
    /// Collects the `VTIMEZONE`s of a calendar. `X-WR-TIMEZONE` (Google) overrides `fallback`
    /// as the default zone when it names a known IANA zone.
    pub fn of(cal: &Component, fallback: &TimeZone) -> Result<Zones, ImportError> {
        let mut defined = HashMap::new();
        for vtz in cal.children.iter().filter(|c| c.name == "VTIMEZONE") {
            let Some(id) = vtz.prop("TZID") else {
                return Err(ImportError::at(vtz.line, "VTIMEZONE without TZID"));
            };
            let tzid = id.value.trim().to_string();
            if let Ok(tz) = iana(&tzid) {
                defined.insert(tzid, tz);
                continue;
            }
            if let Some(tz) = vtz
                .prop("X-LIC-LOCATION")
                .and_then(|p| iana(p.value.trim()).ok())
            {
                defined.insert(tzid, tz);
                continue;
            }
            defined.insert(tzid, from_vtimezone(vtz)?);
        }
        let default = cal
            .prop("X-WR-TIMEZONE")
            .and_then(|p| iana(p.value.trim()).ok())
            .unwrap_or_else(|| fallback.clone());
        Ok(Zones { defined, default })
    }

    /// The zone called `tzid` on `line`.
    pub fn get(&self, tzid: &str, line: usize) -> Result<TimeZone, ImportError> {
        if let Some(tz) = self.defined.get(tzid) {
            return Ok(tz.clone());
        }
        iana(tzid).map_err(|_| ImportError::at(line, format!("unknown time zone {tzid:?}")))
    }

    /// Reads a date or date-time property (one value).
    pub fn when(&self, p: &Property) -> Result<When, ImportError> {
        let mut all = self.when_list(p)?;
        match all.len() {
            1 => Ok(all.remove(0)),
            _ => Err(ImportError::at(
                p.line,
                format!("{} must hold one value", p.name),
            )),
        }
    }

    /// Reads a comma-separated list of dates or date-times (RDATE, EXDATE).
    pub fn when_list(&self, p: &Property) -> Result<Vec<When>, ImportError> {
        let is_date = p
            .param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        if p.param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("PERIOD"))
        {
            return Err(ImportError::at(
                p.line,
                format!("{} periods are not supported", p.name),
            ));
        }
        let tz = match p.param("TZID") {
            Some(id) => Some(self.get(id.trim(), p.line)?),
            None => None,
        };
        p.value
            .split(',')
            .map(|v| {
                let v = v.trim();
                if is_date || (v.len() == 8 && !v.contains('T')) {
                    return parse_date(v).map(When::Date).ok_or_else(|| bad_value(p, v));
                }
                let (body, utc) = match v.strip_suffix(['Z', 'z']) {
                    Some(b) => (b, true),
                    None => (v, false),
                };
                let dt = parse_datetime(body).ok_or_else(|| bad_value(p, v))?;
                Ok(match (utc, &tz) {
                    (true, _) => When::Zoned(dt, TimeZone::UTC),
                    (false, Some(tz)) => When::Zoned(dt, tz.clone()),
                    (false, None) => When::Floating(dt),
                })
            })
            .collect()
    }

    /// The instant a wall time happens (see the module doc for gaps and folds).
    pub fn instant(
        &self,
        dt: civil::DateTime,
        tz: &TimeZone,
        line: usize,
    ) -> Result<Timestamp, ImportError> {
        tz.to_timestamp(dt)
            .map_err(|e| ImportError::at(line, format!("time out of range: {e}")))
    }
}

fn bad_value(p: &Property, v: &str) -> ImportError {
    ImportError::at(
        p.line,
        format!("{} has an invalid date or time {v:?}", p.name),
    )
}

/// An IANA zone, also when an exporter prefixes it (`/mozilla.org/20050126_1/Europe/Paris`).
fn iana(name: &str) -> Result<TimeZone, jiff::Error> {
    match TimeZone::get(name) {
        Ok(tz) => Ok(tz),
        Err(e) => {
            let parts: Vec<&str> = name.trim_matches('/').split('/').collect();
            for n in [2, 3] {
                if parts.len() > n {
                    if let Ok(tz) = TimeZone::get(&parts[parts.len() - n..].join("/")) {
                        return Ok(tz);
                    }
                }
            }
            Err(e)
        }
    }
}

/// `YYYYMMDD`.
pub fn parse_date(s: &str) -> Option<civil::Date> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = s[0..4].parse().ok()?;
    let m: i8 = s[4..6].parse().ok()?;
    let d: i8 = s[6..8].parse().ok()?;
    civil::Date::new(y, m, d).ok()
}

/// `YYYYMMDDTHHMMSS`.
pub fn parse_datetime(s: &str) -> Option<civil::DateTime> {
    let (d, t) = s.split_once(['T', 't'])?;
    let date = parse_date(d)?;
    if t.len() != 6 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i8 = t[0..2].parse().ok()?;
    let mi: i8 = t[2..4].parse().ok()?;
    // A leap second (60) is read as 59, as jiff has no leap seconds.
    let s: i8 = t[4..6].parse::<i8>().ok()?.min(59);
    let time = civil::Time::new(h, mi, s, 0).ok()?;
    Some(date.to_datetime(time))
}

/// A zone from a `VTIMEZONE`'s current STANDARD/DAYLIGHT rules, as a POSIX TZ rule: the
/// sub-component with the latest DTSTART of each kind is the rule in force today. Good for
/// the yearly "n-th weekday of a month" rules every exporter writes; history before the
/// latest rule is not kept (an IANA name keeps it).
fn from_vtimezone(vtz: &Component) -> Result<TimeZone, ImportError> {
    let latest = |kind: &str| {
        vtz.children
            .iter()
            .filter(|c| c.name == kind)
            .max_by_key(|c| c.prop("DTSTART").map(|p| p.value.clone()))
    };
    let unknown = || {
        let id = vtz
            .prop("TZID")
            .map(|p| p.value.clone())
            .unwrap_or_default();
        ImportError::at(
            vtz.line,
            format!("unknown time zone {id:?} (its VTIMEZONE cannot be read)"),
        )
    };
    let std = latest("STANDARD").ok_or_else(unknown)?;
    let std_off = offset_of(std).ok_or_else(unknown)?;
    let posix = match latest("DAYLIGHT") {
        Some(dst) if dst.prop("RRULE").is_some() && std.prop("RRULE").is_some() => {
            let dst_off = offset_of(dst).ok_or_else(unknown)?;
            format!(
                "<STD>{}<DST>{},{},{}",
                posix_offset(std_off),
                posix_offset(dst_off),
                posix_rule(dst).ok_or_else(unknown)?,
                posix_rule(std).ok_or_else(unknown)?
            )
        }
        _ => format!("<STD>{}", posix_offset(std_off)),
    };
    TimeZone::posix(&posix).map_err(|_| unknown())
}

/// TZOFFSETTO in seconds east of UTC (`+0100`, `-0530`, `+013000`).
fn offset_of(c: &Component) -> Option<i32> {
    let v = c.prop("TZOFFSETTO")?.value.trim().to_string();
    let (sign, digits) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[0..2].parse().ok()?;
    let m: i32 = digits[2..4].parse().ok()?;
    let s: i32 = digits.get(4..6).map_or(Some(0), |s| s.parse().ok())?;
    Some(sign * (h * 3600 + m * 60 + s))
}

/// POSIX offsets count west of UTC: UTC+1 is `-1`.
fn posix_offset(east: i32) -> String {
    let west = -east;
    let sign = if west < 0 { "-" } else { "" };
    let a = west.abs();
    format!("{sign}{}:{:02}:{:02}", a / 3600, (a / 60) % 60, a % 60)
}

/// `Mm.w.d/hh:mm:ss` from `RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=±nDD` and DTSTART's time.
fn posix_rule(c: &Component) -> Option<String> {
    let rule = &c.prop("RRULE")?.value;
    let mut month = None;
    let mut byday = None;
    for part in rule.split(';') {
        let (k, v) = part.split_once('=')?;
        match k.to_ascii_uppercase().as_str() {
            "BYMONTH" => month = v.parse::<u8>().ok(),
            "BYDAY" => byday = Some(v.to_ascii_uppercase()),
            _ => {}
        }
    }
    let byday = byday?;
    let (n, day) = byday.split_at(byday.len().checked_sub(2)?);
    let week = match n.trim_start_matches('+') {
        "-1" => 5,
        w => w.parse::<u8>().ok().filter(|w| (1..=4).contains(w))?,
    };
    let weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
        .iter()
        .position(|d| *d == day)?;
    let start = parse_datetime(c.prop("DTSTART")?.value.trim())?;
    Some(format!(
        "M{}.{week}.{weekday}/{}:{:02}:{:02}",
        month?,
        start.hour(),
        start.minute(),
        start.second()
    ))
}

#[cfg(test)]
mod tests {
    use super::super::ics;
    use super::*;

    const OUTLOOK_AMSTERDAM: &str = "BEGIN:VCALENDAR\r\n\
BEGIN:VTIMEZONE\r\n\
TZID:W. Europe Standard Time\r\n\
BEGIN:STANDARD\r\n\
DTSTART:16010101T030000\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n\
END:STANDARD\r\n\
BEGIN:DAYLIGHT\r\n\
DTSTART:16010101T020000\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n\
END:DAYLIGHT\r\n\
END:VTIMEZONE\r\n\
END:VCALENDAR\r\n";

    fn zones(text: &str) -> Zones {
        let cal = &ics::parse(text.as_bytes()).unwrap()[0];
        Zones::of(cal, &TimeZone::UTC).unwrap()
    }

    #[test]
    fn an_outlook_windows_zone_follows_its_vtimezone_across_dst() {
        let z = zones(OUTLOOK_AMSTERDAM);
        let tz = z.get("W. Europe Standard Time", 1).unwrap();
        // 2026-03-29 is the last Sunday of March: 09:00 before is CET (08:00Z) …
        let before = tz
            .to_timestamp(civil::date(2026, 3, 28).at(9, 0, 0, 0))
            .unwrap();
        assert_eq!(before.to_string(), "2026-03-28T08:00:00Z");
        // … and 09:00 after is CEST (07:00Z).
        let after = tz
            .to_timestamp(civil::date(2026, 3, 30).at(9, 0, 0, 0))
            .unwrap();
        assert_eq!(after.to_string(), "2026-03-30T07:00:00Z");
        // It agrees with the IANA zone on the autumn change too: 2026-10-25.
        let iana = TimeZone::get("Europe/Amsterdam").unwrap();
        for day in [24, 25, 26] {
            let dt = civil::date(2026, 10, day).at(10, 30, 0, 0);
            assert_eq!(tz.to_timestamp(dt).unwrap(), iana.to_timestamp(dt).unwrap());
        }
    }

    #[test]
    fn seoul_has_no_dst() {
        let z = zones("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
        let tz = z.get("Asia/Seoul", 1).unwrap();
        for (m, d) in [(3, 28), (3, 30), (10, 24), (10, 26)] {
            let ts = tz
                .to_timestamp(civil::date(2026, m, d).at(9, 0, 0, 0))
                .unwrap();
            // 09:00 KST is always 00:00Z.
            assert_eq!(ts.to_string(), format!("2026-{m:02}-{d:02}T00:00:00Z"));
        }
    }

    #[test]
    fn an_unknown_zone_is_an_error_naming_the_line() {
        let z = zones("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
        let err = z.get("Mars/Olympus_Mons", 12).unwrap_err();
        assert_eq!(err.line(), Some(12));
        assert!(err.to_string().contains("Mars/Olympus_Mons"));
    }

    #[test]
    fn prefixed_iana_names_are_found() {
        let z = zones("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
        assert!(z.get("/mozilla.org/20050126_1/Europe/Amsterdam", 1).is_ok());
    }

    #[test]
    fn values_are_dates_utc_zoned_or_floating() {
        let z = zones("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
        let p = |s: &str| {
            ics::parse(format!("BEGIN:VCALENDAR\n{s}\nEND:VCALENDAR\n").as_bytes()).unwrap()[0]
                .props[0]
                .clone()
        };
        assert!(z.when(&p("DTSTART;VALUE=DATE:20260105")).unwrap().is_date());
        assert!(
            matches!(z.when(&p("DTSTART:20260105T090000Z")).unwrap(), When::Zoned(_, tz) if tz == TimeZone::UTC)
        );
        assert!(matches!(
            z.when(&p("DTSTART:20260105T090000")).unwrap(),
            When::Floating(_)
        ));
        assert!(matches!(
            z.when(&p("DTSTART;TZID=Asia/Seoul:20260105T090000"))
                .unwrap(),
            When::Zoned(..)
        ));
        assert_eq!(
            z.when_list(&p("EXDATE:20260105T090000Z,20260112T090000Z"))
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            z.when(&p("DTSTART:20261305T090000")).unwrap_err().line(),
            Some(2)
        );
    }
}
