//! From a calendar file to the occurrences that took the CTO's time in a window.
//!
//! Rules (also in docs/methodology.md, "Time split"):
//! - Recurring events are expanded from RRULE and RDATE, less EXDATE, in the event's local
//!   wall time (so a 09:00 weekly meeting stays at 09:00 across DST), and only inside the
//!   import window, so an RRULE without an end is fine. A series that still yields more than
//!   `MAX_PER_SERIES` occurrences inside the window (a minutely rule, say) is refused.
//! - A VEVENT with RECURRENCE-ID replaces the instance it names (moved or cancelled).
//! - Left out: STATUS:CANCELLED, TRANSP:TRANSPARENT (free), and events the owner declined
//!   (an ATTENDEE whose address is the owner's, with PARTSTAT=DECLINED).
//! - An all-day event counts as a working day on each of its days: `workday_start` for
//!   `workday_hours`, in the calendar's default zone.
//! - An occurrence belongs to the window when it starts inside it.

use std::collections::{BTreeMap, HashSet};

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

use super::ics::{self, Component};
use super::zones::{When, Zones};
use super::ImportError;

/// Occurrences one recurring series may yield inside the window.
pub const MAX_PER_SERIES: usize = 10_000;
/// Occurrences one import may yield.
pub const MAX_OCCURRENCES: usize = 200_000;

/// The half-open span `[from, to)` an import covers; re-importing it replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First instant covered.
    pub from: Timestamp,
    /// First instant not covered.
    pub to: Timestamp,
}

impl Window {
    /// Whether `t` is inside.
    pub fn contains(&self, t: Timestamp) -> bool {
        self.from <= t && t < self.to
    }
}

/// What an import needs besides the file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The owner's addresses (lower case): their PARTSTAT decides "declined", and they are not
    /// counted as attendees.
    pub owner: Vec<String>,
    /// The zone for floating times and all-day events when the file names none.
    pub default_zone: TimeZone,
    /// The window; `None` means from the file's earliest event (at most `max_years` back)
    /// to `now`.
    pub window: Option<Window>,
    /// The end of the default window: time not yet spent is not counted.
    pub now: Timestamp,
    /// How far back a default window reaches, in years.
    pub max_years: i16,
    /// When an all-day event's working day starts, local time.
    pub workday_start: civil::Time,
    /// How long an all-day event's working day is, in hours.
    pub workday_hours: i64,
}

impl ImportOptions {
    /// Options with the defaults (09:00, 8 hours, six years back).
    pub fn new(owner: Vec<String>, default_zone: TimeZone, now: Timestamp) -> ImportOptions {
        ImportOptions {
            owner: owner.into_iter().map(|o| o.trim().to_lowercase()).collect(),
            default_zone,
            window: None,
            now,
            max_years: 6,
            workday_start: civil::time(9, 0, 0, 0),
            workday_hours: 8,
        }
    }
}

/// One occurrence that took time, with what classification needs. Attendee addresses are
/// reduced to their domains here and go no further.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence {
    /// Stable across re-imports of the same event: UID and the instance's original start.
    pub key: String,
    /// When it starts.
    pub start: Timestamp,
    /// When it ends (after `start`, or equal for a zero-length event).
    pub end: Timestamp,
    /// Whether it came from an all-day event.
    pub all_day: bool,
    /// SUMMARY.
    pub title: String,
    /// CATEGORIES values.
    pub categories: Vec<String>,
    /// Domains of the attendees and organizer other than the owner, lower case, sorted.
    pub domains: Vec<String>,
    /// The line of the VEVENT it came from.
    pub line: usize,
}

/// Reads every VEVENT of a file and returns the occurrences inside the window, sorted by
/// start, together with the window used.
pub fn read_calendar(
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<(Window, Vec<Occurrence>), ImportError> {
    let cals = ics::parse(bytes)?;
    let mut events: Vec<(&Component, Zones, Vec<String>)> = Vec::new();
    for cal in &cals {
        if cal.name != "VCALENDAR" {
            return Err(ImportError::at(
                cal.line,
                format!("BEGIN:{} outside VCALENDAR", cal.name),
            ));
        }
        let zones = Zones::of(cal, &opts.default_zone)?;
        let mut owner = opts.owner.clone();
        // Google names the exported calendar after its owner's address.
        if let Some(name) = cal.prop("X-WR-CALNAME") {
            let n = name.text_value().trim().to_lowercase();
            if n.contains('@') {
                owner.push(n);
            }
        }
        for ev in cal.children.iter().filter(|c| c.name == "VEVENT") {
            events.push((ev, zones.clone(), owner.clone()));
        }
    }
    let mut parsed = Vec::with_capacity(events.len());
    for (ev, zones, owner) in &events {
        parsed.push(Event::read(ev, zones, owner)?);
    }
    let window = match opts.window {
        Some(w) => w,
        None => default_window(&parsed, opts)?,
    };
    let mut out = Vec::new();
    let mut overrides: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for e in parsed.iter().filter(|e| e.recurrence_id.is_some()) {
        overrides.entry(e.uid.as_str()).or_default().push(e);
    }
    for master in parsed.iter().filter(|e| e.recurrence_id.is_none()) {
        let moved = overrides.remove(master.uid.as_str()).unwrap_or_default();
        master.expand(&moved, &window, opts, &mut out)?;
        if out.len() > MAX_OCCURRENCES {
            return Err(ImportError::at(
                master.line,
                format!("the file yields more than {MAX_OCCURRENCES} events in the window"),
            ));
        }
    }
    // Instances whose series is not in the file (some exports hold only the moved one).
    for e in overrides.into_values().flatten() {
        e.emit(e.start_instant(), e.original_key(), &window, opts, &mut out)?;
    }
    out.sort_by(|a, b| (a.start, &a.key).cmp(&(b.start, &b.key)));
    out.dedup_by(|a, b| a.key == b.key);
    Ok((window, out))
}

fn default_window(events: &[Event], opts: &ImportOptions) -> Result<Window, ImportError> {
    let earliest_allowed = opts
        .now
        .to_zoned(TimeZone::UTC)
        .checked_sub(opts.max_years.years())
        .map_err(|e| ImportError::NotCalendar(format!("window: {e}")))?
        .timestamp();
    let earliest = events
        .iter()
        .map(|e| e.start_instant())
        .min()
        .unwrap_or(opts.now)
        .max(earliest_allowed)
        .min(opts.now);
    Ok(Window {
        from: earliest,
        to: opts.now,
    })
}

/// One VEVENT, read.
pub(super) struct Event {
    uid: String,
    line: usize,
    pub(super) start: When,
    pub(super) zone: TimeZone,
    /// Exact length for timed events; whole days for all-day ones.
    length: Length,
    rrules: Vec<(usize, String)>,
    rdates: Vec<When>,
    exdates: HashSet<Timestamp>,
    recurrence_id: Option<Timestamp>,
    skipped: bool,
    title: String,
    categories: Vec<String>,
    domains: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
enum Length {
    Exact(SignedDuration),
    Days(i64),
}

impl Event {
    fn read(ev: &Component, zones: &Zones, owner: &[String]) -> Result<Event, ImportError> {
        let dtstart = ev
            .prop("DTSTART")
            .ok_or_else(|| ImportError::at(ev.line, "VEVENT without DTSTART"))?;
        let start = zones.when(dtstart)?;
        let zone = start.zone(&zones.default);
        let start_ts = instant(zones, &start, &zone, dtstart.line)?;
        let length = match (ev.prop("DTEND"), ev.prop("DURATION")) {
            (Some(p), _) => {
                let end = zones.when(p)?;
                match (&start, &end) {
                    (When::Date(a), When::Date(b)) => Length::Days(i64::from((*b - *a).get_days())),
                    (When::Date(_), _) | (_, When::Date(_)) => {
                        return Err(ImportError::at(
                            p.line,
                            "DTEND must be a date when DTSTART is",
                        ))
                    }
                    _ => {
                        let end_ts = instant(zones, &end, &end.zone(&zones.default), p.line)?;
                        Length::Exact(end_ts.duration_since(start_ts))
                    }
                }
            }
            (None, Some(p)) => {
                let span: jiff::Span = p.value.trim().parse().map_err(|_| {
                    ImportError::at(p.line, format!("DURATION {:?} is not a duration", p.value))
                })?;
                let d = span
                    .to_duration(civil::date(2000, 1, 1))
                    .map_err(|e| ImportError::at(p.line, format!("DURATION: {e}")))?;
                match start {
                    When::Date(_) => Length::Days((d.as_secs() / 86_400).max(1)),
                    _ => Length::Exact(d),
                }
            }
            (None, None) if start.is_date() => Length::Days(1),
            (None, None) => Length::Exact(SignedDuration::ZERO),
        };
        if matches!(length, Length::Exact(d) if d.is_negative())
            || matches!(length, Length::Days(d) if d < 0)
        {
            return Err(ImportError::at(ev.line, "the event ends before it starts"));
        }
        let upper = |name: &str| ev.prop(name).map(|p| p.value.trim().to_ascii_uppercase());
        let declined = ev.props_named("ATTENDEE").any(|a| {
            owner.contains(&address(&a.value))
                && a.param("PARTSTAT")
                    .is_some_and(|s| s.eq_ignore_ascii_case("DECLINED"))
        });
        let skipped = upper("STATUS").as_deref() == Some("CANCELLED")
            || upper("TRANSP").as_deref() == Some("TRANSPARENT")
            || declined;
        let mut domains: Vec<String> = ev
            .props
            .iter()
            .filter(|p| p.name == "ATTENDEE" || p.name == "ORGANIZER")
            .filter(|p| {
                !p.param("CUTYPE").is_some_and(|t| {
                    t.eq_ignore_ascii_case("ROOM") || t.eq_ignore_ascii_case("RESOURCE")
                })
            })
            .map(|p| address(&p.value))
            .filter(|a| !owner.contains(a))
            .filter_map(|a| a.rsplit_once('@').map(|(_, d)| d.to_string()))
            .filter(|d| !d.is_empty())
            .collect();
        domains.sort();
        domains.dedup();
        let mut exdates = HashSet::new();
        for p in ev.props_named("EXDATE") {
            for w in zones.when_list(p)? {
                exdates.insert(instant(zones, &w, &w.zone(&zone), p.line)?);
            }
        }
        let mut rdates = Vec::new();
        for p in ev.props_named("RDATE") {
            rdates.extend(zones.when_list(p)?);
        }
        let recurrence_id = match ev.prop("RECURRENCE-ID") {
            Some(p) => {
                let w = zones.when(p)?;
                Some(instant(zones, &w, &w.zone(&zone), p.line)?)
            }
            None => None,
        };
        Ok(Event {
            uid: ev
                .prop("UID")
                .map(|p| p.value.trim().to_string())
                .unwrap_or_else(|| format!("line-{}", ev.line)),
            line: ev.line,
            start,
            zone,
            length,
            rrules: ev
                .props_named("RRULE")
                .map(|p| (p.line, p.value.clone()))
                .collect(),
            rdates,
            exdates,
            recurrence_id,
            skipped,
            title: ev
                .prop("SUMMARY")
                .map(|p| p.text_value())
                .unwrap_or_default(),
            categories: ev
                .props_named("CATEGORIES")
                .flat_map(|p| {
                    p.value
                        .split(',')
                        .map(|c| c.replace('\\', "").trim().to_string())
                        .collect::<Vec<_>>()
                })
                .filter(|c| !c.is_empty())
                .collect(),
            domains,
        })
    }

    fn start_instant(&self) -> Timestamp {
        self.zone
            .to_timestamp(self.start.civil())
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn original_key(&self) -> Timestamp {
        self.recurrence_id.unwrap_or_else(|| self.start_instant())
    }

    /// Every instance of the series inside the window, overrides applied.
    fn expand(
        &self,
        moved: &[&Event],
        window: &Window,
        opts: &ImportOptions,
        out: &mut Vec<Occurrence>,
    ) -> Result<(), ImportError> {
        let mut starts: Vec<civil::DateTime> = vec![self.start.civil()];
        for (line, rule) in &self.rrules {
            starts.extend(self.rrule_starts(*line, rule, window)?);
        }
        starts.extend(self.rdates.iter().map(When::civil));
        starts.sort();
        starts.dedup();
        let mut replaced: BTreeMap<Timestamp, &Event> = moved
            .iter()
            .filter_map(|m| m.recurrence_id.map(|r| (r, *m)))
            .collect();
        for local in starts {
            let at = self
                .zone
                .to_timestamp(local)
                .map_err(|e| ImportError::at(self.line, format!("time out of range: {e}")))?;
            if self.exdates.contains(&at) {
                continue;
            }
            match replaced.remove(&at) {
                Some(m) => m.emit(m.start_instant(), at, window, opts, out)?,
                None => self.emit(at, at, window, opts, out)?,
            }
        }
        // Overrides of instances the rule does not produce (e.g. past the rule's end).
        for m in replaced.into_values() {
            m.emit(m.start_instant(), m.original_key(), window, opts, out)?;
        }
        Ok(())
    }

    /// Pushes the instance starting at `at` (originally at `original`) if it counts.
    fn emit(
        &self,
        at: Timestamp,
        original: Timestamp,
        window: &Window,
        opts: &ImportOptions,
        out: &mut Vec<Occurrence>,
    ) -> Result<(), ImportError> {
        if self.skipped {
            return Ok(());
        }
        let key = format!("{}|{}", self.uid, original.as_second());
        let mut push = |key: String, start: Timestamp, end: Timestamp, all_day: bool| {
            if window.contains(start) {
                out.push(Occurrence {
                    key,
                    start,
                    end,
                    all_day,
                    title: self.title.clone(),
                    categories: self.categories.clone(),
                    domains: self.domains.clone(),
                    line: self.line,
                });
            }
        };
        match self.length {
            Length::Exact(d) => {
                let end = at
                    .checked_add(d)
                    .map_err(|e| ImportError::at(self.line, e.to_string()))?;
                push(key, at, end, false);
            }
            Length::Days(days) => {
                // An all-day event's zone is the calendar's default zone (see `Zones::of`).
                let first = at.to_zoned(self.zone.clone()).date();
                for i in 0..days.max(1) {
                    let day = first
                        .checked_add(i.days())
                        .map_err(|e| ImportError::at(self.line, e.to_string()))?;
                    let start = self
                        .zone
                        .to_timestamp(day.to_datetime(opts.workday_start))
                        .map_err(|e| ImportError::at(self.line, e.to_string()))?;
                    let end = start
                        .checked_add(SignedDuration::from_hours(opts.workday_hours))
                        .map_err(|e| ImportError::at(self.line, e.to_string()))?;
                    push(format!("{key}|d{i}"), start, end, true);
                }
            }
        }
        Ok(())
    }
}

/// An instant for a value, in `zone` unless it carries its own.
fn instant(
    zones: &Zones,
    w: &When,
    zone: &TimeZone,
    line: usize,
) -> Result<Timestamp, ImportError> {
    zones.instant(w.civil(), &w.zone(zone), line)
}

/// `mailto:Kim@Acme.com` → `kim@acme.com`.
fn address(value: &str) -> String {
    let v = value.trim();
    let v = v
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .map_or(v, |_| &v[7..]);
    v.trim().to_lowercase()
}
