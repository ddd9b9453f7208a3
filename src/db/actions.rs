//! Action plans and their words per language.

use std::collections::BTreeMap;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::schema::{action_texts as at, actions as a, rounds};
use super::{DbConnection, DbError};
use crate::domain::actions::{ActionLink, ActionStatus, ActionText, ActionTexts};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

/// An action as stored, with its round's template key.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAction {
    pub id: String,
    pub round_id: RoundId,
    /// The template of the round it responds to (follow-through reads that template's round
    /// in later quarters).
    pub template_key: String,
    pub quarter: Quarter,
    pub link: ActionLink,
    pub owner: String,
    pub due: Quarter,
    pub status: ActionStatus,
    pub texts: ActionTexts,
    pub created_by: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

/// What changes when an action is written.
pub struct ActionRow<'a> {
    pub link: &'a ActionLink,
    pub owner: &'a str,
    pub due: Quarter,
    pub status: ActionStatus,
    pub texts: &'a ActionTexts,
}

fn link_json(link: &ActionLink) -> Result<String, DbError> {
    serde_json::to_string(link).map_err(|e| DbError::Malformed {
        table: "actions",
        column: "link".into(),
        value: format!("{link:?}"),
        reason: e.to_string(),
    })
}

fn write_texts(conn: &mut DbConnection, id: &str, texts: &ActionTexts) -> Result<(), DbError> {
    diesel::delete(at::table.filter(at::action_id.eq(id))).execute(conn)?;
    for (locale, t) in &texts.0 {
        diesel::insert_into(at::table)
            .values((
                at::action_id.eq(id),
                at::locale.eq(locale),
                at::title.eq(&t.title),
                at::note.eq(&t.note),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Stores a new action on round `round_id` of `quarter`.
pub fn insert(
    conn: &mut DbConnection,
    id: &str,
    round_id: RoundId,
    quarter: Quarter,
    row: &ActionRow<'_>,
    actor: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(a::table)
        .values((
            a::id.eq(id),
            a::round_id.eq(round_id),
            a::quarter.eq(quarter),
            a::link.eq(link_json(row.link)?),
            a::owner.eq(row.owner),
            a::due_quarter.eq(row.due),
            a::status.eq(row.status),
            a::created_by.eq(actor),
            a::created_at.eq(now),
            a::updated_at.eq(now),
        ))
        .execute(conn)?;
    write_texts(conn, id, row.texts)
}

/// Replaces an action's fields and words; returns false when there is no such action.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    row: &ActionRow<'_>,
    now: PrimitiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(a::table.find(id))
        .set((
            a::link.eq(link_json(row.link)?),
            a::owner.eq(row.owner),
            a::due_quarter.eq(row.due),
            a::status.eq(row.status),
            a::updated_at.eq(now),
        ))
        .execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    write_texts(conn, id, row.texts)?;
    Ok(true)
}

type Row = (
    String,
    RoundId,
    String,
    Quarter,
    String,
    String,
    Quarter,
    ActionStatus,
    String,
    PrimitiveDateTime,
    PrimitiveDateTime,
);

/// Every action, oldest first (or the one with `only`).
fn load(conn: &mut DbConnection, only: Option<&str>) -> Result<Vec<StoredAction>, DbError> {
    let mut q = a::table
        .inner_join(rounds::table)
        .select((
            a::id,
            a::round_id,
            rounds::template_key,
            a::quarter,
            a::link,
            a::owner,
            a::due_quarter,
            a::status,
            a::created_by,
            a::created_at,
            a::updated_at,
        ))
        .order((a::quarter.asc(), a::created_at.asc(), a::id.asc()))
        .into_boxed();
    if let Some(id) = only {
        q = q.filter(a::id.eq(id.to_string()));
    }
    let rows: Vec<Row> = q.load(conn).map_err(malformed_in("actions"))?;
    let mut texts: BTreeMap<String, BTreeMap<Locale, ActionText>> = BTreeMap::new();
    let mut tq = at::table
        .select((at::action_id, at::locale, at::title, at::note))
        .into_boxed();
    if let Some(id) = only {
        tq = tq.filter(at::action_id.eq(id.to_string()));
    }
    let text_rows: Vec<(String, Locale, String, String)> =
        tq.load(conn).map_err(malformed_in("action_texts"))?;
    for (id, locale, title, note) in text_rows {
        texts
            .entry(id)
            .or_default()
            .insert(locale, ActionText { title, note });
    }
    rows.into_iter()
        .map(|r| {
            let link = serde_json::from_str(&r.4).map_err(|e| DbError::Malformed {
                table: "actions",
                column: "link".into(),
                value: r.4.clone(),
                reason: e.to_string(),
            })?;
            Ok(StoredAction {
                texts: ActionTexts(texts.remove(&r.0).unwrap_or_default()),
                id: r.0,
                round_id: r.1,
                template_key: r.2,
                quarter: r.3,
                link,
                owner: r.5,
                due: r.6,
                status: r.7,
                created_by: r.8,
                created_at: r.9,
                updated_at: r.10,
            })
        })
        .collect()
}

/// Every action, by the quarter it was made in, oldest first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<StoredAction>, DbError> {
    load(conn, None)
}

/// One action.
pub fn get(conn: &mut DbConnection, id: &str) -> Result<Option<StoredAction>, DbError> {
    Ok(load(conn, Some(id))?.pop())
}
