//! Where the CTO's time goes: importing calendars, correcting events, entering weeks by
//! hand, and the split per month and quarter (docs/methodology.md "Time split").

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::Timestamp;
use sha2::{Digest, Sha256};
use time::{Date, PrimitiveDateTime};

use crate::config::TimeSplitSettings;
use crate::db::time_split::{self as repo, NewEntry, StoredRule};
use crate::db::{audit, DbConnection, DbError};
use crate::domain::time_split::{
    classify, read_calendar, Category, ImportError, ImportOptions, Rule, Rules, Window,
};

mod results;
pub use results::{events, quarter_summary, splits, EventView, MonthSplit, QuarterSplit};

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

    pub(crate) fn zone(&self) -> Result<TimeZone, TimeSplitError> {
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
