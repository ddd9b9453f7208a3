//! What a scorecard is built from, as stored: closed rounds and the tallies written at seal
//! time (never raw answers; the scored quarter's comments come from the copy sealing made).
//! Queries only — the scoring itself is `app::scorecard` + `domain::scoring`.

use crate::domain::ids::RoundId;
use std::collections::HashMap;

use diesel::prelude::*;
use time::Date;

use super::column::{malformed_in, TextColumn};
use super::schema::{group_tallies, index_tallies, rounds, tallies};
use super::seal::{INDEX_ALIGNMENT, INDEX_CULTURE};
use super::{DbConnection, DbError};
use crate::domain::audience::Audience;
use crate::domain::department::Membership;
use crate::domain::quarter::Quarter;
use crate::domain::round::{ReportingGroup, RoundStatus};
use crate::domain::scoring::{AlignmentTallyRow, CultureTallyRow, ValueCountRow};

/// Statuses whose results may be read.
const CLOSED: [RoundStatus; 2] = [RoundStatus::Closed, RoundStatus::Sealed];

/// A closed round, typed: what scoring reads of it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rounds)]
pub struct ClosedRound {
    pub id: RoundId,
    pub template_key: String,
    pub template_version: i32,
    pub template_content: String,
    pub template_hash: String,
    pub quarter: Quarter,
    pub audience: Audience,
    pub status: RoundStatus,
    pub k: i32,
    pub comment_threshold: i32,
    pub reporting_groups: String,
    /// Renewed whenever the round's tallies or key drivers are written (see
    /// [`renew_tallies_stamp`]); `None` before its first seal.
    pub tallies_stamp: Option<String>,
}

/// A reporting group as snapshotted, its members typed.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredGroup {
    pub key: String,
    pub members: Vec<Membership>,
    pub weight: f64,
}

impl ClosedRound {
    /// The reporting groups snapshotted for this round; a snapshot or member that does not
    /// parse is an error naming the column (never a group silently left out).
    pub fn groups(&self) -> Result<Vec<StoredGroup>, DbError> {
        let malformed = |value: &str, reason: String| DbError::Malformed {
            table: "rounds",
            column: "reporting_groups".into(),
            value: value.to_string(),
            reason,
        };
        let groups: Vec<ReportingGroup> = serde_json::from_str(&self.reporting_groups)
            .map_err(|e| malformed(&self.reporting_groups, e.to_string()))?;
        groups
            .into_iter()
            .map(|g| {
                let members = g
                    .members
                    .iter()
                    .map(|m| Membership::from_stored(m).map_err(|e| malformed(m, e.reason)))
                    .collect::<Result<_, _>>()?;
                Ok(StoredGroup {
                    key: g.key,
                    members,
                    weight: g.weight,
                })
            })
            .collect()
    }
}

/// The newest quarter with a closed round.
pub fn latest_closed_quarter(conn: &mut DbConnection) -> Result<Option<Quarter>, DbError> {
    rounds::table
        .filter(rounds::status.eq_any(CLOSED))
        .select(diesel::dsl::max(rounds::quarter))
        .first::<Option<Quarter>>(conn)
        .map_err(malformed_in("rounds"))
}

/// Quarters that have a closed round, newest first.
pub fn closed_quarters(conn: &mut DbConnection) -> Result<Vec<Quarter>, DbError> {
    rounds::table
        .filter(rounds::status.eq_any(CLOSED))
        .select(rounds::quarter)
        .distinct()
        .order(rounds::quarter.desc())
        .load::<Quarter>(conn)
        .map_err(malformed_in("rounds"))
}

/// The closed rounds of `quarters`, by quarter and template.
pub fn closed_rounds(
    conn: &mut DbConnection,
    quarters: &[Quarter],
) -> Result<Vec<ClosedRound>, DbError> {
    let window: Vec<String> = quarters.iter().map(|q| q.to_string()).collect();
    rounds::table
        .filter(rounds::quarter.eq_any(&window))
        .filter(rounds::status.eq_any(CLOSED))
        .select(ClosedRound::as_select())
        .order((rounds::quarter, rounds::template_key))
        .load(conn)
        .map_err(malformed_in("rounds"))
}

/// Gives `round` a new tallies stamp: called in the transaction that writes its tallies or
/// key drivers, so what a reader keeps of the old ones in memory is never used again.
pub fn renew_tallies_stamp(conn: &mut DbConnection, round: RoundId) -> Result<(), DbError> {
    diesel::update(rounds::table.filter(rounds::id.eq(round)))
        .set(rounds::tallies_stamp.eq(uuid::Uuid::new_v4().simple().to_string()))
        .execute(conn)?;
    Ok(())
}

/// The last close date of the quarter's closed rounds ("as of").
pub fn closed_as_of(conn: &mut DbConnection, quarter: Quarter) -> Result<Option<Date>, DbError> {
    Ok(rounds::table
        .filter(rounds::quarter.eq(quarter.to_string()))
        .filter(rounds::status.eq_any(CLOSED))
        .select(diesel::dsl::max(rounds::closed_at))
        .first::<Option<time::PrimitiveDateTime>>(conn)?
        .map(|t| t.date()))
}

/// What the scorecard reads of each closed round's seal, for many rounds at once: one
/// statement per table however many rounds a page needs (a scorecard and its trend read
/// up to eight quarters of rounds).
#[derive(Debug, Clone, Default)]
pub struct SealedTallies {
    /// Invitations delivered and responses per reporting group.
    pub participation: HashMap<String, (i64, i64)>,
    /// The sealed answer counts.
    pub value_counts: Vec<ValueCountRow>,
    /// The sealed culture index sums.
    pub culture: Vec<CultureTallyRow>,
    /// The sealed alignment index sums.
    pub alignment: Vec<AlignmentTallyRow>,
}

/// The sealed tallies of `round_ids`, by round (a round with no rows is absent: the caller
/// reads it as empty tallies).
pub fn sealed_tallies(
    conn: &mut DbConnection,
    round_ids: &[RoundId],
) -> Result<HashMap<RoundId, SealedTallies>, DbError> {
    let mut out: HashMap<RoundId, SealedTallies> = HashMap::new();
    let groups = group_tallies::table
        .filter(group_tallies::round_id.eq_any(round_ids))
        .select((
            group_tallies::round_id,
            group_tallies::reporting_group,
            group_tallies::delivered,
            group_tallies::responses,
        ))
        .load::<(RoundId, String, i64, i64)>(conn)?;
    for (round, g, d, n) in groups {
        out.entry(round)
            .or_default()
            .participation
            .insert(g, (d, n));
    }
    let counts = tallies::table
        .filter(tallies::round_id.eq_any(round_ids))
        .select((
            tallies::round_id,
            tallies::reporting_group,
            tallies::question_key,
            tallies::value,
            tallies::not_applicable,
            tallies::count,
        ))
        .load::<(RoundId, String, String, i32, bool, i64)>(conn)?;
    for (round, group, item, value, na, count) in counts {
        out.entry(round)
            .or_default()
            .value_counts
            .push(ValueCountRow {
                group,
                item,
                value: if na { None } else { Some(value) },
                count: count.max(0) as u32,
            });
    }
    let index = index_tallies::table
        .filter(index_tallies::round_id.eq_any(round_ids))
        .select((
            index_tallies::round_id,
            index_tallies::reporting_group,
            index_tallies::index_kind,
            index_tallies::a_sum,
            index_tallies::a_count,
            index_tallies::b_sum,
            index_tallies::b_count,
            index_tallies::count,
        ))
        .load::<(RoundId, String, String, i32, i32, i32, i32, i64)>(conn)?;
    for (round, group, kind, a_sum, a_count, b_sum, b_count, count) in index {
        let u = |v: i32| v.max(0) as u32;
        let entry = out.entry(round).or_default();
        if kind == INDEX_CULTURE {
            entry.culture.push(CultureTallyRow {
                group,
                productivity_sum: u(a_sum),
                productivity_items: u(a_count),
                happiness_sum: u(b_sum),
                happiness_items: u(b_count),
                respondents: count.max(0) as u32,
            });
        } else if kind == INDEX_ALIGNMENT {
            entry.alignment.push(AlignmentTallyRow {
                group,
                alignment_sum: u(a_sum),
                alignment_items: u(a_count),
                respondents: count.max(0) as u32,
            });
        }
    }
    Ok(out)
}

/// One round, if it has closed.
pub fn closed_round(conn: &mut DbConnection, id: RoundId) -> Result<Option<ClosedRound>, DbError> {
    rounds::table
        .filter(rounds::id.eq(id))
        .filter(rounds::status.eq_any(CLOSED))
        .select(ClosedRound::as_select())
        .first(conn)
        .optional()
        .map_err(malformed_in("rounds"))
}

/// The latest sealed round of `template` before `quarter`, with its quarter. Quarters are
/// stored as `YYYYQn`, so text order is time order.
pub fn previous_sealed(
    conn: &mut DbConnection,
    template: &str,
    quarter: Quarter,
) -> Result<Option<(RoundId, Quarter)>, DbError> {
    rounds::table
        .filter(rounds::template_key.eq(template))
        .filter(rounds::status.eq(RoundStatus::Sealed))
        .filter(rounds::quarter.lt(quarter))
        .order(rounds::quarter.desc())
        .select((rounds::id, rounds::quarter))
        .first::<(RoundId, Quarter)>(conn)
        .optional()
        .map_err(malformed_in("rounds"))
}
