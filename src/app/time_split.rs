//! Where the CTO's time goes: importing calendars, correcting events, entering weeks by
//! hand, and the split per month and quarter (docs/methodology.md "Time split").

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::Timestamp;
use sha2::{Digest, Sha256};
use time::{Date, PrimitiveDateTime};

use crate::config::TimeSplitSettings;
use crate::db::time_split::{self as repo, NewEntry, StoredEntry, StoredRule};
use crate::db::{audit, DbConnection, DbError};
use crate::domain::quarter::Quarter;
use crate::domain::time_split::split::{month_key, quarter_of, summarize};
use crate::domain::time_split::tally::{hours_by, Entry, ManualHours};
use crate::domain::time_split::{
    classify, read_calendar, Category, ImportError, ImportOptions, Rule, Rules, SplitSummary,
    Window,
};

/// Why a time-split action failed.
#[derive(Debug, thiserror::Error)]
pub enum TimeSplitError {
    /// A calendar file is not valid; nothing was stored.
    #[error("{file}: {source}")]
    File {
        /// The file's name as given.
        file: String,
        /// What is wrong, naming the line.
        #[source]
        source: ImportError,
    },
    /// An input is not valid (a week, hours, a category, a window, a setting).
    #[error("{0}")]
    Invalid(String),
    /// No event or rule with that key or id.
    #[error("{0}")]
    NotFound(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for TimeSplitError {
    fn from(e: diesel::result::Error) -> Self {
        TimeSplitError::Db(e.into())
    }
}

/// The settings a time-split use case needs.
#[derive(Debug, Clone)]
pub struct TimeSplitConfig {
    /// `[time_split]`.
    pub settings: TimeSplitSettings,
    /// The company's zone (months and quarters, floating times, all-day events).
    pub timezone: String,
    /// First month of the fiscal year.
    pub fiscal_year_start_month: u8,
}

impl TimeSplitConfig {
    /// From the effective settings.
    pub fn from_settings(s: &crate::config::Settings) -> TimeSplitConfig {
        TimeSplitConfig {
            settings: s.time_split.clone(),
            timezone: s.timezone.clone(),
            fiscal_year_start_month: s.fiscal_year_start_month,
        }
    }

    fn zone(&self) -> Result<TimeZone, TimeSplitError> {
        TimeZone::get(&self.timezone)
            .map_err(|e| TimeSplitError::Invalid(format!("time zone {:?}: {e}", self.timezone)))
    }
}

/// One uploaded file.
#[derive(Debug, Clone)]
pub struct CalendarFile {
    /// Its name, for messages.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// First instant of the window replaced (RFC 3339).
    pub from: String,
    /// First instant after it.
    pub to: String,
    /// Entries stored.
    pub stored: usize,
    /// Entries the import replaced.
    pub replaced: usize,
    /// Entries per category, before overrides.
    pub by_category: BTreeMap<Category, usize>,
}

/// Imports one or more calendar files as one import: every file is read and checked first,
/// and nothing is written unless all are valid. The window is `window`, or the union of the
/// files' own windows (first event to `now`); every entry starting inside it is replaced.
pub fn import(
    conn: &mut DbConnection,
    files: &[CalendarFile],
    window: Option<Window>,
    cfg: &TimeSplitConfig,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<ImportReport, TimeSplitError> {
    if files.is_empty() {
        return Err(TimeSplitError::Invalid("no calendar file given".into()));
    }
    let now_ts = Timestamp::from_second(now.assume_utc().unix_timestamp())
        .map_err(|e| TimeSplitError::Invalid(e.to_string()))?;
    let mut opts = ImportOptions::new(cfg.settings.owner_emails.clone(), cfg.zone()?, now_ts);
    opts.window = window;
    let rules = current_rules(conn, cfg)?;
    let mut covered: Option<Window> = None;
    let mut rows: BTreeMap<String, NewEntry> = BTreeMap::new();
    for f in files {
        let (w, occurrences) =
            read_calendar(&f.bytes, &opts).map_err(|source| TimeSplitError::File {
                file: f.name.clone(),
                source,
            })?;
        covered = Some(match covered {
            None => w,
            Some(c) => Window {
                from: c.from.min(w.from),
                to: c.to.max(w.to),
            },
        });
        for o in occurrences {
            let c = classify(&o, &rules);
            let key = event_key(&o.key);
            rows.insert(
                key.clone(),
                NewEntry {
                    key,
                    start: o.start,
                    end: o.end,
                    all_day: o.all_day,
                    category: c.category,
                    rule: c.rule,
                    title: cfg.settings.keep_titles.then(|| o.title.clone()),
                },
            );
        }
    }
    let Some(covered) = covered else {
        return Err(TimeSplitError::Invalid("no calendar file given".into()));
    };
    let rows: Vec<NewEntry> = rows.into_values().collect();
    let mut by_category = BTreeMap::new();
    for r in &rows {
        *by_category.entry(r.category).or_insert(0) += 1;
    }
    conn.write_transaction(|conn| {
        let replaced = repo::replace_window(conn, covered.from, covered.to, &rows, now)?;
        let detail = format!(
            "files={} from={} to={} stored={} replaced={replaced}",
            files.len(),
            covered.from,
            covered.to,
            rows.len()
        );
        audit::record(
            conn,
            now,
            actor,
            "time.import",
            "time_entries",
            None,
            Some(&detail),
        )?;
        Ok(ImportReport {
            from: covered.from.to_string(),
            to: covered.to.to_string(),
            stored: rows.len(),
            replaced,
            by_category,
        })
    })
}

/// The stored key of an occurrence: a hash, so a UID that holds an address is not stored.
fn event_key(occurrence_key: &str) -> String {
    let digest = Sha256::digest(occurrence_key.as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// The rules in force: the stored ones with the own domains from the settings.
pub fn current_rules(
    conn: &mut DbConnection,
    cfg: &TimeSplitConfig,
) -> Result<Rules, TimeSplitError> {
    Ok(Rules {
        own_domains: cfg
            .settings
            .own_domains
            .iter()
            .map(|d| d.trim().trim_start_matches('@').to_lowercase())
            .collect(),
        rules: repo::rules(conn)?.into_iter().map(|r| r.rule).collect(),
    })
}

/// The stored rules with their ids.
pub fn list_rules(conn: &mut DbConnection) -> Result<Vec<StoredRule>, TimeSplitError> {
    Ok(repo::rules(conn)?)
}

/// Adds a rule (it applies from the next import); returns its id.
pub fn add_rule(
    conn: &mut DbConnection,
    rule: &Rule,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<String, TimeSplitError> {
    if rule.pattern.is_empty() || rule.pattern.chars().count() > 200 {
        return Err(TimeSplitError::Invalid(
            "a rule's pattern must be 1–200 characters".into(),
        ));
    }
    conn.write_transaction(|conn| {
        let id = repo::add_rule(conn, rule)?;
        audit::record(
            conn,
            now,
            actor,
            "time.rule_add",
            "time_rules",
            Some(&id),
            Some(&rule.label()),
        )?;
        Ok(id)
    })
}

/// Removes a rule.
pub fn remove_rule(
    conn: &mut DbConnection,
    id: &str,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), TimeSplitError> {
    conn.write_transaction(|conn| {
        if !repo::remove_rule(conn, id)? {
            return Err(TimeSplitError::NotFound(format!("no rule with id {id}")));
        }
        audit::record(
            conn,
            now,
            actor,
            "time.rule_remove",
            "time_rules",
            Some(id),
            None,
        )?;
        Ok(())
    })
}

/// Sets (or clears, with `None`) the CTO's category for one event.
pub fn set_override(
    conn: &mut DbConnection,
    key: &str,
    category: Option<Category>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), TimeSplitError> {
    conn.write_transaction(|conn| {
        if !repo::entry_exists(conn, key)? {
            return Err(TimeSplitError::NotFound(format!(
                "no calendar event with key {key}"
            )));
        }
        repo::set_override(conn, key, category, actor, now)?;
        let detail = category.map_or("cleared".to_string(), |c| c.key().to_string());
        audit::record(
            conn,
            now,
            actor,
            "time.override",
            "time_entries",
            Some(key),
            Some(&detail),
        )?;
        Ok(())
    })
}

/// Enters the hours of one week (any day of it; stored under its Monday) and category.
pub fn add_hours(
    conn: &mut DbConnection,
    day: Date,
    category: Category,
    hours: f64,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<Date, TimeSplitError> {
    if !hours.is_finite() || !(0.0..=168.0).contains(&hours) {
        return Err(TimeSplitError::Invalid(format!(
            "{hours} hours is not between 0 and 168 (a week)"
        )));
    }
    let monday = day - time::Duration::days(i64::from(day.weekday().number_days_from_monday()));
    conn.write_transaction(|conn| {
        repo::set_manual(conn, monday, category, hours, actor, now)?;
        let detail = format!("week={monday} category={} hours={hours}", category.key());
        audit::record(
            conn,
            now,
            actor,
            "time.hours",
            "time_manual_hours",
            None,
            Some(&detail),
        )?;
        Ok(monday)
    })
}

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
    let stored = repo::entries_between(conn, from, to)?;
    let entries: Vec<Entry> = stored.iter().map(to_entry).collect();
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

fn to_entry(s: &StoredEntry) -> Entry {
    Entry {
        key: s.entry.key.clone(),
        start: s.entry.start,
        end: s.entry.end,
        category: s.category(),
    }
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
