//! The rounds repository: the `rounds` table (this file), invitations and their emails
//! (`invitations`), participation counts (`progress`). Queries only: the use cases that
//! create, launch, remind and seal rounds live in `app::rounds`.

mod invitations;
mod progress;

pub use invitations::{
    active_people, analyze, clear_bounced, forget_reminder_times, insert_invitations,
    insert_outbox, mark_reminded, queued_invitations, sorted_ids, unanswered, NewInvitation,
    NewOutboxRow, Person, Unanswered,
};
pub use progress::{
    answered_and_delivered, invited_by_group, progress, GroupProgress, RoundProgress, Undeliverable,
};

use std::fmt;
use std::str::FromStr;

use diesel::prelude::*;
use serde::Serialize;
use time::{Date, Duration, PrimitiveDateTime};

use super::column::{malformed_in, TextColumn};
use super::schema::{audit_log, rounds};
use super::{DbConnection, DbError};
use crate::domain::audience::Audience;
use crate::domain::ids::RoundId;
use crate::domain::quarter::Quarter;
use crate::domain::round::{ReportingGroup, RoundStatus};
use crate::domain::template::{parse_template, Template, TemplateErrors};

/// A round's reporting groups as stored (a JSON list); a list that does not parse is an error.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredGroups(pub Vec<ReportingGroup>);

impl FromStr for StoredGroups {
    type Err = serde_json::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        serde_json::from_str(s).map(StoredGroups)
    }
}

impl fmt::Display for StoredGroups {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let json = serde_json::to_string(&self.0).map_err(|_| fmt::Error)?;
        f.write_str(&json)
    }
}

impl TextColumn for StoredGroups {
    const WHAT: &'static str = "reporting groups";
}

text_column!(StoredGroups, StoredGroupsColumn);

/// A round as stored.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = rounds)]
pub struct Round {
    pub id: RoundId,
    pub template_key: String,
    pub template_version: i32,
    #[serde(skip)]
    pub template_content: String,
    pub template_hash: String,
    pub quarter: Quarter,
    pub audience: Audience,
    pub status: RoundStatus,
    pub opens_on: Option<Date>,
    pub closes_on: Date,
    #[serde(skip)]
    pub closes_at: PrimitiveDateTime,
    pub k: i32,
    pub comment_threshold: i32,
    #[serde(skip)]
    pub reporting_groups: StoredGroups,
    #[serde(skip)]
    pub weights: String,
    #[serde(skip)]
    pub created_at: PrimitiveDateTime,
    #[serde(skip)]
    pub launched_at: Option<PrimitiveDateTime>,
    #[serde(skip)]
    pub closed_at: Option<PrimitiveDateTime>,
    #[serde(skip)]
    pub sealed_at: Option<PrimitiveDateTime>,
}

/// The template a round stores does not load (it loaded when the round was created).
#[derive(Debug, thiserror::Error)]
#[error("the round's stored template does not load: {0}")]
pub struct StoredTemplateError(#[source] pub TemplateErrors);

impl Round {
    /// The round's status.
    pub fn status(&self) -> RoundStatus {
        self.status
    }

    /// The reporting groups snapshotted for this round.
    pub fn groups(&self) -> Vec<ReportingGroup> {
        self.reporting_groups.0.clone()
    }

    /// The quarter (always present: the column is typed; kept for the scorecard's reader).
    pub fn quarter(&self) -> Option<Quarter> {
        Some(self.quarter)
    }

    /// The template content the round was created or launched with.
    pub fn template(&self) -> Result<Template, StoredTemplateError> {
        parse_template(
            &format!("{}.toml", self.template_key),
            &self.template_content,
        )
        .map_err(StoredTemplateError)
    }

    /// Whether answers are accepted at `now`.
    pub fn accepts_answers(&self, now: PrimitiveDateTime) -> bool {
        self.status == RoundStatus::Open && now < self.closes_at
    }
}

/// A round row to insert (a draft).
pub struct NewRoundRow<'a> {
    pub id: RoundId,
    pub template: &'a Template,
    pub quarter: Quarter,
    pub closes_on: Date,
    pub closes_at: PrimitiveDateTime,
    pub k: i32,
    pub comment_threshold: i32,
    pub groups: &'a StoredGroups,
    pub weights: &'a str,
    pub created_at: PrimitiveDateTime,
}

/// Inserts a draft round.
pub fn insert(conn: &mut DbConnection, r: &NewRoundRow<'_>) -> Result<(), DbError> {
    diesel::insert_into(rounds::table)
        .values((
            rounds::id.eq(r.id),
            rounds::template_key.eq(r.template.key()),
            rounds::template_version.eq(r.template.version() as i32),
            rounds::template_content.eq(r.template.source()),
            rounds::template_hash.eq(r.template.content_hash()),
            rounds::quarter.eq(r.quarter),
            rounds::audience.eq(r.template.audience()),
            rounds::status.eq(RoundStatus::Draft),
            rounds::closes_on.eq(r.closes_on),
            rounds::closes_at.eq(r.closes_at),
            rounds::k.eq(r.k),
            rounds::comment_threshold.eq(r.comment_threshold),
            rounds::reporting_groups.eq(r.groups),
            rounds::weights.eq(r.weights),
            rounds::created_at.eq(r.created_at),
        ))
        .execute(conn)?;
    crate::db::answer_tables::make_for_round(conn, r.id)
}

/// The id of the round of `template_key` for `quarter`, if there is one.
pub fn id_for(
    conn: &mut DbConnection,
    template_key: &str,
    quarter: Quarter,
) -> Result<Option<RoundId>, DbError> {
    Ok(rounds::table
        .filter(rounds::template_key.eq(template_key))
        .filter(rounds::quarter.eq(quarter))
        .select(rounds::id)
        .first(conn)
        .optional()?)
}

/// One round by id.
pub fn find(conn: &mut DbConnection, id: RoundId) -> Result<Option<Round>, DbError> {
    rounds::table
        .find(id)
        .select(Round::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("rounds"))
}

/// The one round whose id starts with `prefix` (at least 8 hex digits or hyphens, so a
/// person can type a short form); none when no round or more than one matches.
pub fn find_by_prefix(conn: &mut DbConnection, prefix: &str) -> Result<Option<Round>, DbError> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if prefix.len() < 8 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Ok(None);
    }
    let found: Vec<Round> = rounds::table
        .filter(rounds::id.like(format!("{prefix}%")))
        .select(Round::as_select())
        .limit(2)
        .load(conn)
        .map_err(malformed_in("rounds"))?;
    Ok(if found.len() == 1 {
        found.into_iter().next()
    } else {
        None
    })
}

/// Every round, newest quarter first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Round>, DbError> {
    rounds::table
        .order((rounds::quarter.desc(), rounds::template_key))
        .select(Round::as_select())
        .load(conn)
        .map_err(malformed_in("rounds"))
}

/// The rounds in `status`, newest quarter first: pages that show the open rounds need not
/// read every round's template text.
pub fn with_status(conn: &mut DbConnection, status: RoundStatus) -> Result<Vec<Round>, DbError> {
    rounds::table
        .filter(rounds::status.eq(status))
        .order((rounds::quarter.desc(), rounds::template_key))
        .select(Round::as_select())
        .load(conn)
        .map_err(malformed_in("rounds"))
}

/// The rounds of `quarter`, by template key.
pub fn of_quarter(conn: &mut DbConnection, quarter: Quarter) -> Result<Vec<Round>, DbError> {
    rounds::table
        .filter(rounds::quarter.eq(quarter))
        .order(rounds::template_key)
        .select(Round::as_select())
        .load(conn)
        .map_err(malformed_in("rounds"))
}

/// What a launch locks in: the template version, thresholds, groups and weights, and when
/// it opened.
pub struct LaunchSnapshot<'a> {
    pub template: &'a Template,
    pub k: i32,
    pub comment_threshold: i32,
    pub groups: &'a StoredGroups,
    pub weights: &'a str,
    pub launched_at: PrimitiveDateTime,
}

/// Opens a round with the snapshot taken at launch.
pub fn mark_launched(
    conn: &mut DbConnection,
    id: RoundId,
    s: &LaunchSnapshot<'_>,
) -> Result<(), DbError> {
    diesel::update(rounds::table.find(id))
        .set((
            rounds::status.eq(RoundStatus::Open),
            rounds::template_version.eq(s.template.version() as i32),
            rounds::template_content.eq(s.template.source()),
            rounds::template_hash.eq(s.template.content_hash()),
            rounds::k.eq(s.k),
            rounds::comment_threshold.eq(s.comment_threshold),
            rounds::reporting_groups.eq(s.groups),
            rounds::weights.eq(s.weights),
            rounds::launched_at.eq(Some(s.launched_at)),
            rounds::opens_on.eq(Some(s.launched_at.date())),
        ))
        .execute(conn)?;
    Ok(())
}

/// How a round's answering ends: first closed, then sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Closed,
    Sealed,
}

/// Holds the round's row until the transaction ends (PostgreSQL; on SQLite the write
/// transaction already excludes every other writer), so two writers of the same round take
/// turns and the second reads what the first wrote.
pub fn lock_round(conn: &mut DbConnection, id: RoundId) -> Result<(), DbError> {
    if let DbConnection::Pg(c) = conn {
        rounds::table
            .find(id)
            .select(rounds::id)
            .for_update()
            .load::<RoundId>(c)?;
    }
    Ok(())
}

/// Moves a round to closed or sealed, stamping when it did so; the rows changed (0: it was no
/// longer open when asked to close).
pub fn mark_ended(
    conn: &mut DbConnection,
    id: RoundId,
    ending: Ending,
    at: PrimitiveDateTime,
) -> Result<usize, DbError> {
    let row = rounds::table.find(id);
    Ok(match ending {
        // Only an open round closes: two instances closing at once (both read "open") meet
        // here, and PostgreSQL re-checks the condition after the first commits, so the second
        // changes nothing.
        Ending::Closed => diesel::update(row.filter(rounds::status.eq(RoundStatus::Open)))
            .set((
                rounds::status.eq(RoundStatus::Closed),
                rounds::closed_at.eq(Some(at)),
            ))
            .execute(conn)?,
        Ending::Sealed => diesel::update(row)
            .set((
                rounds::status.eq(RoundStatus::Sealed),
                rounds::sealed_at.eq(Some(at)),
                // Its storage is scrubbed after the transaction (`seal::scrub`).
                rounds::scrub_pending.eq(true),
            ))
            .execute(conn)?,
    })
}

/// Roster changes recorded in the 7 days before `at`, counted only since the last launch before
/// it (none before a first launch).
pub fn roster_changes_before(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
) -> Result<i64, DbError> {
    // Before any round was launched the roster is being set up, not padded: a new install's
    // first import is no warning. After one, changes count from the later of the last launch
    // and seven days back.
    let last_launch: Option<PrimitiveDateTime> = rounds::table
        .filter(rounds::launched_at.lt(at))
        .select(diesel::dsl::max(rounds::launched_at))
        .first::<Option<PrimitiveDateTime>>(conn)?;
    let Some(last_launch) = last_launch else {
        return Ok(0);
    };
    let from = last_launch.max(at - Duration::days(7));
    Ok(audit_log::table
        .filter(audit_log::object_type.eq("employee"))
        .filter(audit_log::at.ge(from))
        .filter(audit_log::at.le(at))
        .count()
        .get_result(conn)?)
}

/// Open rounds whose close time is at or before `now` (the auto-closer seals them).
pub fn due_to_close(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
) -> Result<Vec<RoundId>, DbError> {
    Ok(rounds::table
        .filter(rounds::status.eq(RoundStatus::Open))
        .filter(rounds::closes_at.le(now))
        .select(rounds::id)
        .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_groups_round_trip_and_a_malformed_list_is_an_error() {
        let groups = StoredGroups(vec![ReportingGroup {
            key: "ceo+bd".into(),
            members: vec!["ceo".into(), "bd".into()],
            weight: 20.0,
        }]);
        assert_eq!(StoredGroups::from_stored(&groups.to_string()), Ok(groups));
        let err = StoredGroups::from_stored("[{\"key\":").unwrap_err();
        assert_eq!(
            (err.what, err.value.as_str()),
            ("reporting groups", "[{\"key\":")
        );
    }
}
