//! Where the CTO's time goes: calendar entries, overrides, manual weekly hours, rules.
//! Queries only; the rules for what is stored live in `app::time_split`.

use std::collections::HashMap;

use diesel::prelude::*;
use jiff::Timestamp;
use time::{Date, PrimitiveDateTime};

use super::column::malformed_in;
use super::schema::{time_entries, time_manual_hours, time_overrides, time_rules};
use super::{DbConnection, DbError};
use crate::domain::time_split::tally::Entry;
use crate::domain::time_split::{Category, Rule, RuleKind};

/// An entry to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    /// Stable key (hash of UID and original start).
    pub key: String,
    /// Start.
    pub start: Timestamp,
    /// End.
    pub end: Timestamp,
    /// From an all-day event.
    pub all_day: bool,
    /// Category the rules gave.
    pub category: Category,
    /// The rule's label.
    pub rule: String,
    /// The title, only when the setting allows it.
    pub title: Option<String>,
}

/// A stored entry with its override, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEntry {
    /// The entry as imported.
    pub entry: NewEntry,
    /// The CTO's override of its category.
    pub overridden: Option<Category>,
}

impl StoredEntry {
    /// The category that counts: the override, else the rules'.
    pub fn category(&self) -> Category {
        self.overridden.unwrap_or(self.entry.category)
    }
}

/// UTC instant ↔ the `Timestamp` column (UTC, whole seconds).
pub fn to_column(t: Timestamp) -> Result<PrimitiveDateTime, DbError> {
    let odt = time::OffsetDateTime::from_unix_timestamp(t.as_second())
        .map_err(|e| out_of_range(t.to_string(), e))?;
    Ok(PrimitiveDateTime::new(odt.date(), odt.time()))
}

fn from_column(p: PrimitiveDateTime) -> Result<Timestamp, DbError> {
    Timestamp::from_second(p.assume_utc().unix_timestamp())
        .map_err(|e| out_of_range(p.to_string(), e))
}

/// An instant neither side can represent (beyond year ±9999).
fn out_of_range(value: String, e: impl std::fmt::Display) -> DbError {
    DbError::Malformed {
        table: "time_entries",
        column: "starts_at".into(),
        value,
        reason: e.to_string(),
    }
}

/// Deletes every entry starting in `[from, to)` and stores `rows`; returns how many went.
pub fn replace_window(
    conn: &mut DbConnection,
    from: Timestamp,
    to: Timestamp,
    rows: &[NewEntry],
    now: PrimitiveDateTime,
) -> Result<usize, DbError> {
    let deleted = diesel::delete(
        time_entries::table
            .filter(time_entries::starts_at.ge(to_column(from)?))
            .filter(time_entries::starts_at.lt(to_column(to)?)),
    )
    .execute(conn)?;
    type Row = (
        diesel::dsl::Eq<time_entries::id, String>,
        diesel::dsl::Eq<time_entries::event_key, String>,
        diesel::dsl::Eq<time_entries::starts_at, PrimitiveDateTime>,
        diesel::dsl::Eq<time_entries::ends_at, PrimitiveDateTime>,
        diesel::dsl::Eq<time_entries::all_day, bool>,
        diesel::dsl::Eq<time_entries::category, Category>,
        diesel::dsl::Eq<time_entries::rule, String>,
        diesel::dsl::Eq<time_entries::title, Option<String>>,
        diesel::dsl::Eq<time_entries::imported_at, PrimitiveDateTime>,
    );
    // SQLite allows 32,766 bound values a statement: 9 a row, so 2,000 rows a batch.
    for chunk in rows.chunks(2_000) {
        let mut batch: Vec<Row> = Vec::with_capacity(chunk.len());
        for r in chunk {
            batch.push((
                time_entries::id.eq(uuid::Uuid::new_v4().to_string()),
                time_entries::event_key.eq(r.key.clone()),
                time_entries::starts_at.eq(to_column(r.start)?),
                time_entries::ends_at.eq(to_column(r.end)?),
                time_entries::all_day.eq(r.all_day),
                time_entries::category.eq(r.category),
                time_entries::rule.eq(r.rule.clone()),
                time_entries::title.eq(r.title.clone()),
                time_entries::imported_at.eq(now),
            ));
        }
        crate::insert_rows!(conn, time_entries::table, &batch)?;
    }
    Ok(deleted)
}

/// Entries starting in `[from, to)`, by start, with their overrides.
pub fn entries_between(
    conn: &mut DbConnection,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<StoredEntry>, DbError> {
    type Loaded = (
        String,
        PrimitiveDateTime,
        PrimitiveDateTime,
        bool,
        Category,
        String,
        Option<String>,
    );
    let rows: Vec<Loaded> = time_entries::table
        .filter(time_entries::starts_at.ge(to_column(from)?))
        .filter(time_entries::starts_at.lt(to_column(to)?))
        .order((time_entries::starts_at, time_entries::event_key))
        .select((
            time_entries::event_key,
            time_entries::starts_at,
            time_entries::ends_at,
            time_entries::all_day,
            time_entries::category,
            time_entries::rule,
            time_entries::title,
        ))
        .load(conn)
        .map_err(malformed_in("time_entries"))?;
    let overrides = overrides(conn)?;
    rows.into_iter()
        .map(|(key, s, e, all_day, category, rule, title)| {
            Ok(StoredEntry {
                overridden: overrides.get(&key).copied(),
                entry: NewEntry {
                    key,
                    start: from_column(s)?,
                    end: from_column(e)?,
                    all_day,
                    category,
                    rule,
                    title,
                },
            })
        })
        .collect()
}

/// The entries starting in [from, to) as the split counts them: key, span and the category
/// that counts (the override, else the rules'), without titles or rules — what the quarterly
/// shares read on every dashboard. Same order as [`entries_between`], so sums add up alike.
pub fn spans_between(
    conn: &mut DbConnection,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<Entry>, DbError> {
    let rows: Vec<(String, PrimitiveDateTime, PrimitiveDateTime, Category)> = time_entries::table
        .filter(time_entries::starts_at.ge(to_column(from)?))
        .filter(time_entries::starts_at.lt(to_column(to)?))
        .order((time_entries::starts_at, time_entries::event_key))
        .select((
            time_entries::event_key,
            time_entries::starts_at,
            time_entries::ends_at,
            time_entries::category,
        ))
        .load(conn)
        .map_err(malformed_in("time_entries"))?;
    let overrides = overrides(conn)?;
    rows.into_iter()
        .map(|(key, s, e, category)| {
            Ok(Entry {
                category: overrides.get(&key).copied().unwrap_or(category),
                start: from_column(s)?,
                end: from_column(e)?,
                key,
            })
        })
        .collect()
}

/// Every override, by event key.
pub fn overrides(conn: &mut DbConnection) -> Result<HashMap<String, Category>, DbError> {
    let rows: Vec<(String, Category)> = time_overrides::table
        .select((time_overrides::event_key, time_overrides::category))
        .load(conn)
        .map_err(malformed_in("time_overrides"))?;
    Ok(rows.into_iter().collect())
}

/// Whether any stored entry has this key.
pub fn entry_exists(conn: &mut DbConnection, key: &str) -> Result<bool, DbError> {
    Ok(diesel::select(diesel::dsl::exists(
        time_entries::table.filter(time_entries::event_key.eq(key)),
    ))
    .get_result(conn)?)
}

/// Sets (or, with `None`, removes) the override of one event.
pub fn set_override(
    conn: &mut DbConnection,
    key: &str,
    category: Option<Category>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(time_overrides::table.find(key)).execute(conn)?;
    if let Some(c) = category {
        diesel::insert_into(time_overrides::table)
            .values((
                time_overrides::event_key.eq(key),
                time_overrides::category.eq(c),
                time_overrides::set_by.eq(actor),
                time_overrides::set_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Manual hours of weeks starting in `[from, to]`: (Monday, category, hours).
pub fn manual_between(
    conn: &mut DbConnection,
    from: Date,
    to: Date,
) -> Result<Vec<(Date, Category, f64)>, DbError> {
    time_manual_hours::table
        .filter(time_manual_hours::week_start.ge(from))
        .filter(time_manual_hours::week_start.le(to))
        .order((time_manual_hours::week_start, time_manual_hours::category))
        .select((
            time_manual_hours::week_start,
            time_manual_hours::category,
            time_manual_hours::hours,
        ))
        .load(conn)
        .map_err(malformed_in("time_manual_hours"))
}

/// Sets the hours of one week and category (0 removes them).
pub fn set_manual(
    conn: &mut DbConnection,
    week: Date,
    category: Category,
    hours: f64,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::delete(
        time_manual_hours::table
            .filter(time_manual_hours::week_start.eq(week))
            .filter(time_manual_hours::category.eq(category)),
    )
    .execute(conn)?;
    if hours > 0.0 {
        diesel::insert_into(time_manual_hours::table)
            .values((
                time_manual_hours::week_start.eq(week),
                time_manual_hours::category.eq(category),
                time_manual_hours::hours.eq(hours),
                time_manual_hours::set_by.eq(actor),
                time_manual_hours::set_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A stored rule with its id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredRule {
    /// Its id (to remove it).
    pub id: String,
    /// The rule.
    #[serde(flatten)]
    pub rule: Rule,
}

/// The rules in position order.
pub fn rules(conn: &mut DbConnection) -> Result<Vec<StoredRule>, DbError> {
    let rows: Vec<(String, String, String, Category)> = time_rules::table
        .order((time_rules::position, time_rules::id))
        .select((
            time_rules::id,
            time_rules::kind,
            time_rules::pattern,
            time_rules::category,
        ))
        .load(conn)
        .map_err(malformed_in("time_rules"))?;
    rows.into_iter()
        .map(|(id, kind, pattern, category)| {
            let kind = RuleKind::parse(&kind).ok_or_else(|| DbError::Malformed {
                table: "time_rules",
                column: "kind".into(),
                value: kind.clone(),
                reason: "not a rule kind".into(),
            })?;
            Ok(StoredRule {
                id,
                rule: Rule::new(kind, &pattern, category),
            })
        })
        .collect()
}

/// Adds a rule at the end (replacing one with the same kind and pattern); returns its id.
pub fn add_rule(conn: &mut DbConnection, rule: &Rule) -> Result<String, DbError> {
    diesel::delete(
        time_rules::table
            .filter(time_rules::kind.eq(rule.kind.key()))
            .filter(time_rules::pattern.eq(&rule.pattern)),
    )
    .execute(conn)?;
    let last: Option<i32> = time_rules::table
        .select(diesel::dsl::max(time_rules::position))
        .first(conn)?;
    let id = uuid::Uuid::new_v4().to_string();
    diesel::insert_into(time_rules::table)
        .values((
            time_rules::id.eq(&id),
            time_rules::position.eq(last.unwrap_or(0) + 1),
            time_rules::kind.eq(rule.kind.key()),
            time_rules::pattern.eq(&rule.pattern),
            time_rules::category.eq(rule.category),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Removes a rule; false when there was none with that id.
pub fn remove_rule(conn: &mut DbConnection, id: &str) -> Result<bool, DbError> {
    Ok(diesel::delete(time_rules::table.find(id)).execute(conn)? > 0)
}
