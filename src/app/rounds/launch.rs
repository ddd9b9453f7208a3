//! Launching a round: invitations, their emails and the snapshot, in one transaction.

use crate::domain::ids::RoundId;
use std::collections::BTreeSet;

use serde::Serialize;
use time::PrimitiveDateTime;

use super::{get, weights_json, RoundError};
use crate::db::rounds::{self, LaunchSnapshot, NewInvitation, NewOutboxRow, Round, StoredGroups};
use crate::db::{audit, departments, DbConnection, DbError};
use crate::domain::anonymity::ThresholdFloor;
use crate::domain::department::Membership;
use crate::domain::round::{self, ReportingGroup, RoundStatus};
use crate::domain::template::{Template, TemplateSet};

/// What a launch did.
#[derive(Debug, Clone, Serialize)]
pub struct LaunchReport {
    pub invitations: usize,
    /// Roster changes in the 7 days before launch (a padded roster would weaken k).
    pub recent_roster_changes: i64,
    /// The anonymity and comment thresholds the round is locked with.
    pub k: u32,
    pub comment_threshold: u32,
}

/// Launches a draft round with the current version of its template in `templates`: snapshots
/// the template, the weights and groups, and creates every invitation and its outbox row in
/// one transaction.
pub fn launch(
    conn: &mut DbConnection,
    id: RoundId,
    templates: &TemplateSet,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<LaunchReport, RoundError> {
    launch_at_floor(conn, id, templates, ThresholdFloor::STANDARD, now, actor)
}

/// [`launch`] with the round's k and comment threshold raised to at least `floor` (strict
/// mode: a draft made before the mode was switched on gets 10 and 20).
pub fn launch_at_floor(
    conn: &mut DbConnection,
    id: RoundId,
    templates: &TemplateSet,
    floor: ThresholdFloor,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<LaunchReport, RoundError> {
    let round = get(conn, id)?;
    let template = templates
        .get(&round.template_key)
        .ok_or_else(|| RoundError::TemplateGone(round.template_key.clone()))?;
    launch_with_floor(conn, round.id, template, floor, now, actor)
}

/// [`launch`] with the template given (its key must be the round's).
pub fn launch_with(
    conn: &mut DbConnection,
    id: RoundId,
    template: &Template,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<LaunchReport, RoundError> {
    launch_with_floor(conn, id, template, ThresholdFloor::STANDARD, now, actor)
}

/// [`launch_with`] at a threshold floor (see [`launch_at_floor`]).
pub fn launch_with_floor(
    conn: &mut DbConnection,
    id: RoundId,
    template: &Template,
    floor: ThresholdFloor,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<LaunchReport, RoundError> {
    let id = get(conn, id)?.id;
    conn.write_transaction(|conn| {
        // Re-read inside the write lock: two launches at once must not both pass.
        let round = get(conn, id)?;
        if round.status != RoundStatus::Draft {
            return Err(RoundError::WrongStatus {
                id,
                status: round.status,
                action: "launch",
                needed: "draft",
            });
        }
        if round.closes_at <= now {
            return Err(RoundError::ClosePassed(round.closes_on));
        }
        if template.key() != round.template_key {
            return Err(RoundError::Invalid(format!(
                "template {} is not this round's template {}",
                template.key(),
                round.template_key
            )));
        }
        let weights = departments::weights(conn)?;
        let merges = stored_merges(&round)?;
        let groups = round::plan_groups(template.audience(), &merges, &weights)
            .map_err(|e| RoundError::Invalid(e.to_string()))?;

        let mut people = rounds::active_people(conn)?;
        // Insert in key order: invitations sorted by employee id get ids (and their outbox
        // rows ids) sorted the same way, so every index takes a sequential sweep instead of
        // random inserts. With random order a 100,000-person launch spent most of its time
        // re-reading and re-writing pages that fell out of SQLite's page cache.
        people.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        let mut invitation_ids = rounds::sorted_ids(people.len());
        let mut outbox_ids = rounds::sorted_ids(people.len());
        let mut invites = Vec::new();
        let mut mails = Vec::new();
        for p in people {
            if !template
                .audience()
                .includes(p.department, p.is_engineer, p.is_executive)
            {
                continue;
            }
            let Some(group) = round::group_for(&groups, p.department.key()) else {
                continue;
            };
            let (Some(inv_id), Some(mail_id)) = (invitation_ids.next(), outbox_ids.next()) else {
                break;
            };
            let mut mail =
                NewOutboxRow::for_invitation("invite", &p.email, id, &inv_id, p.locale, now);
            mail.id = mail_id;
            mails.push(mail);
            invites.push(NewInvitation {
                id: inv_id,
                round_id: id,
                employee_id: p.id,
                reporting_group: group.key.clone(),
                responded: false,
                undeliverable: false,
                emails_sent: 0,
            });
        }
        if invites.is_empty() {
            return Err(RoundError::NoInvitees(template.audience().key().into()));
        }
        // Groups nobody falls into are dropped: they would only ever read "no data".
        let used: BTreeSet<&str> = invites.iter().map(|i| i.reporting_group.as_str()).collect();
        let groups: Vec<ReportingGroup> = groups
            .into_iter()
            .filter(|g| used.contains(g.key.as_str()))
            .collect();
        rounds::analyze(conn, "employees")?;
        rounds::insert_invitations(conn, &invites)?;
        rounds::analyze(conn, "invitations")?;
        rounds::insert_outbox(conn, &mails)?;
        rounds::analyze(conn, "outbox")?;
        // Locked from here on: nothing changes a launched round's k or comment threshold.
        let (k, comment_threshold) = floor.raise(
            u32::try_from(round.k).unwrap_or(0),
            u32::try_from(round.comment_threshold).unwrap_or(0),
        );
        rounds::mark_launched(
            conn,
            id,
            &LaunchSnapshot {
                template,
                k: i32::try_from(k).unwrap_or(i32::MAX),
                comment_threshold: i32::try_from(comment_threshold).unwrap_or(i32::MAX),
                groups: &StoredGroups(groups),
                weights: &weights_json(&weights)?,
                launched_at: now,
            },
        )?;
        let recent_roster_changes = rounds::roster_changes_before(conn, now)?;
        let detail = format!(
            "invitations={} template_hash={} roster_changes_7d={recent_roster_changes} k={k} comment_threshold={comment_threshold}",
            invites.len(),
            template.content_hash()
        );
        audit::record(
            conn,
            now,
            actor,
            "round.launch",
            "round",
            Some(&id.to_string()),
            Some(&detail),
        )?;
        Ok(LaunchReport {
            invitations: invites.len(),
            recent_roster_changes,
            k,
            comment_threshold,
        })
    })
}

/// The merges a draft was created with: its groups of more than one membership.
fn stored_merges(round: &Round) -> Result<Vec<Vec<Membership>>, DbError> {
    round
        .reporting_groups
        .0
        .iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| {
            g.members
                .iter()
                .map(|m| {
                    m.parse()
                        .map_err(|e: crate::domain::department::UnknownDepartment| {
                            DbError::Malformed {
                                table: "rounds",
                                column: "reporting_groups".into(),
                                value: m.clone(),
                                reason: e.to_string(),
                            }
                        })
                })
                .collect()
        })
        .collect()
}
