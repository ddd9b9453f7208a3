//! Participation counts: who answered is known, what they answered is not.

use crate::domain::ids::RoundId;
use crate::domain::round::response_rate;
use std::collections::BTreeMap;

use diesel::prelude::*;
use serde::Serialize;

use super::Round;
use crate::db::schema::{employees, invitations, outbox, rounds};
use crate::db::{DbConnection, DbError};
use crate::domain::round::RoundStatus;

/// Participation of one reporting group (counts only: who answered is known, what is not).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GroupProgress {
    pub group: String,
    pub invited: i64,
    pub delivered: i64,
    pub answered: i64,
    pub undeliverable: i64,
    pub response_rate: Option<f64>,
}

/// Participation of a round, overall and per group, plus the undeliverable addresses.
#[derive(Debug, Clone, Serialize)]
pub struct RoundProgress {
    pub round_id: RoundId,
    pub status: RoundStatus,
    pub overall: GroupProgress,
    pub groups: Vec<GroupProgress>,
    pub undeliverable: Vec<Undeliverable>,
    pub emails_pending: i64,
}

/// An invitation the mail server refused.
#[derive(Debug, Clone, Serialize)]
pub struct Undeliverable {
    pub email: String,
    pub reason: String,
}

/// Invitations of a round per reporting group, in group order: one index-only count, without
/// the delivery and answer columns [`progress`] reads. The counts are fixed at launch.
pub fn invited_by_group(
    conn: &mut DbConnection,
    round_id: RoundId,
) -> Result<Vec<(String, i64)>, DbError> {
    let mut rows: Vec<(String, i64)> = invitations::table
        .filter(invitations::round_id.eq(round_id))
        .group_by(invitations::reporting_group)
        .select((invitations::reporting_group, diesel::dsl::count_star()))
        .load(conn)?;
    // Sorted here, not by SQL: the database's collation need not be [`progress`]'s byte order.
    rows.sort();
    Ok(rows)
}

/// Answered and delivered invitations of every round, by round id: the same counts as
/// [`progress`]'s overall row. Sealed rounds never change, so theirs come from the
/// `group_tallies` the seal wrote (a few rows per round); only rounds still open or closed
/// are counted from their invitations — the admin page lists every round, and scanning a
/// 10,000-person company's 25 rounds of invitations took most of its 75 ms.
pub fn answered_and_delivered(
    conn: &mut DbConnection,
) -> Result<BTreeMap<RoundId, (i64, i64)>, DbError> {
    use crate::db::schema::group_tallies;
    let mut out: BTreeMap<RoundId, (i64, i64)> = BTreeMap::new();
    let sealed: Vec<(RoundId, i64, i64)> = group_tallies::table
        .group_by(group_tallies::round_id)
        .select((
            group_tallies::round_id,
            diesel::dsl::sql::<diesel::sql_types::BigInt>("CAST(SUM(responses) AS BIGINT)"),
            diesel::dsl::sql::<diesel::sql_types::BigInt>("CAST(SUM(delivered) AS BIGINT)"),
        ))
        .load(conn)?;
    for (id, answered, delivered) in sealed {
        out.insert(id, (answered, delivered));
    }
    let live = rounds::table
        .filter(rounds::status.eq_any([RoundStatus::Open, RoundStatus::Closed]))
        .select(rounds::id);
    let answered: Vec<(RoundId, i64)> = invitations::table
        .filter(invitations::round_id.eq_any(live.clone()))
        .filter(invitations::responded.eq(true))
        .group_by(invitations::round_id)
        .select((invitations::round_id, diesel::dsl::count_star()))
        .load(conn)?;
    let delivered: Vec<(RoundId, i64)> = invitations::table
        .filter(invitations::round_id.eq_any(live))
        .filter(delivered_invitation())
        .group_by(invitations::round_id)
        .select((invitations::round_id, diesel::dsl::count_star()))
        .load(conn)?;
    for (id, n) in answered {
        out.entry(id).or_default().0 = n;
    }
    for (id, n) in delivered {
        out.entry(id).or_default().1 = n;
    }
    Ok(out)
}

type Delivered = diesel::dsl::Or<
    diesel::dsl::Eq<invitations::responded, bool>,
    diesel::dsl::And<
        diesel::dsl::Eq<invitations::undeliverable, bool>,
        diesel::dsl::Gt<invitations::emails_sent, i32>,
    >,
>;

/// Delivered: answered, or sent and not bounced (an invitation cancelled unsent at the seal
/// reached nobody). The seal's `group_tallies` count the same way.
fn delivered_invitation() -> Delivered {
    invitations::responded
        .eq(true)
        .or(invitations::undeliverable
            .eq(false)
            .and(invitations::emails_sent.gt(0)))
}

/// Counts per group: invited, delivered (sent and not bounced), answered, undeliverable.
pub fn progress(conn: &mut DbConnection, round: &Round) -> Result<RoundProgress, DbError> {
    // Counted by the database: the admin page lists every round, and a round of a large
    // company holds ten thousand invitations.
    let rows: Vec<(String, bool, bool, i32, i64)> = invitations::table
        .filter(invitations::round_id.eq(&round.id))
        .group_by((
            invitations::reporting_group,
            invitations::responded,
            invitations::undeliverable,
            invitations::emails_sent,
        ))
        .select((
            invitations::reporting_group,
            invitations::responded,
            invitations::undeliverable,
            invitations::emails_sent,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let mut groups: BTreeMap<String, GroupProgress> = BTreeMap::new();
    for (group, responded, undeliverable, sent, n) in rows {
        let g = groups
            .entry(group.clone())
            .or_insert_with(|| GroupProgress {
                group,
                ..Default::default()
            });
        g.invited += n;
        if responded {
            g.answered += n;
        }
        if undeliverable && !responded {
            g.undeliverable += n;
        } else if sent > 0 || responded {
            g.delivered += n;
        }
    }
    let mut overall = GroupProgress {
        group: "all".into(),
        ..Default::default()
    };
    let mut list = Vec::new();
    for (_, mut g) in groups {
        g.response_rate = response_rate(g.answered, g.delivered);
        overall.invited += g.invited;
        overall.delivered += g.delivered;
        overall.answered += g.answered;
        overall.undeliverable += g.undeliverable;
        list.push(g);
    }
    overall.response_rate = response_rate(overall.answered, overall.delivered);
    let undeliverable = invitations::table
        .inner_join(employees::table)
        .filter(invitations::round_id.eq(&round.id))
        .filter(invitations::undeliverable.eq(true))
        .filter(invitations::responded.eq(false))
        .select((employees::email, invitations::undeliverable_reason))
        .order(employees::email)
        .load::<(String, Option<String>)>(conn)?
        .into_iter()
        .map(|(email, reason)| Undeliverable {
            email,
            reason: reason.unwrap_or_default(),
        })
        .collect();
    let emails_pending = outbox::table
        .filter(outbox::round_id.eq(&round.id))
        .filter(outbox::status.eq("pending"))
        .count()
        .get_result(conn)?;
    Ok(RoundProgress {
        round_id: round.id,
        status: round.status,
        overall,
        groups: list,
        undeliverable,
        emails_pending,
    })
}
