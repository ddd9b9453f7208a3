//! Survey rounds: create, launch (invitations + outbox in one transaction), progress,
//! reminders. Closing and sealing live in `seal`.

use std::collections::BTreeMap;

use diesel::prelude::*;
use serde::Serialize;
use time::{Date, Duration, PrimitiveDateTime};

use super::schema::{audit_log, employees, invitations, outbox, rounds};
use super::{audit, departments, DbConnection, DbError};
use crate::domain::audience::Audience;
use crate::domain::department::Membership;
use crate::domain::quarter::Quarter;
use crate::domain::round::{self, ReportingGroup, RoundStatus};
use crate::domain::template::{parse_template, Template};

/// A round as stored.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = rounds)]
pub struct Round {
    pub id: String,
    pub template_key: String,
    pub template_version: i32,
    #[serde(skip)]
    pub template_content: String,
    pub template_hash: String,
    pub quarter: String,
    pub audience: String,
    pub status: String,
    pub opens_on: Option<Date>,
    pub closes_on: Date,
    #[serde(skip)]
    pub closes_at: PrimitiveDateTime,
    pub k: i32,
    pub comment_threshold: i32,
    #[serde(skip)]
    pub reporting_groups: String,
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

impl Round {
    /// The round's status (an unknown value reads as sealed: never reopen by accident).
    pub fn status(&self) -> RoundStatus {
        self.status.parse().unwrap_or(RoundStatus::Sealed)
    }

    /// The reporting groups snapshotted for this round.
    pub fn groups(&self) -> Vec<ReportingGroup> {
        serde_json::from_str(&self.reporting_groups).unwrap_or_default()
    }

    /// The quarter (stored validated).
    pub fn quarter(&self) -> Option<Quarter> {
        self.quarter.parse().ok()
    }

    /// The template content the round was created or launched with.
    pub fn template(&self) -> Result<Template, RoundError> {
        parse_template(
            &format!("{}.toml", self.template_key),
            &self.template_content,
        )
        .map_err(|e| RoundError::StoredTemplate(e.to_string()))
    }

    /// Whether answers are accepted at `now`.
    pub fn accepts_answers(&self, now: PrimitiveDateTime) -> bool {
        self.status() == RoundStatus::Open && now < self.closes_at
    }
}

/// Why a round operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum RoundError {
    #[error("no round {0}")]
    NotFound(String),
    #[error("a round of {template} for {quarter} already exists ({id})")]
    Exists {
        template: String,
        quarter: String,
        id: String,
    },
    #[error("round {id} is {status}; {action} needs a {needed} round")]
    WrongStatus {
        id: String,
        status: String,
        action: &'static str,
        needed: &'static str,
    },
    #[error("the close date {0} has already passed; choose a later date")]
    ClosePassed(Date),
    #[error("nobody on the roster is in the audience of {0}; import the roster first")]
    NoInvitees(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the round's stored template does not load: {0}")]
    StoredTemplate(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for RoundError {
    fn from(e: diesel::result::Error) -> Self {
        RoundError::Db(e.into())
    }
}

/// What a new round is made of.
pub struct NewRound<'a> {
    pub template: &'a Template,
    pub quarter: Quarter,
    pub closes_on: Date,
    pub k: u32,
    pub comment_threshold: u32,
    pub merges: Vec<Vec<Membership>>,
    pub timezone: &'a str,
}

/// Creates a draft round and returns its id.
pub fn create(
    conn: &mut DbConnection,
    new: &NewRound<'_>,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<String, RoundError> {
    if !(3..=50).contains(&new.k) {
        return Err(RoundError::Invalid(format!(
            "k = {} is outside 3–50",
            new.k
        )));
    }
    if new.comment_threshold < new.k {
        return Err(RoundError::Invalid(format!(
            "the comment threshold {} may not be below k = {}",
            new.comment_threshold, new.k
        )));
    }
    let closes_at =
        round::close_instant(new.closes_on, new.timezone).map_err(RoundError::Invalid)?;
    if closes_at <= now {
        return Err(RoundError::ClosePassed(new.closes_on));
    }
    conn.write_transaction(|conn| {
        let weights = departments::weights(conn)?;
        let groups = round::plan_groups(new.template.audience(), &new.merges, &weights)
            .map_err(|e| RoundError::Invalid(e.to_string()))?;
        let existing: Option<String> = rounds::table
            .filter(rounds::template_key.eq(new.template.key()))
            .filter(rounds::quarter.eq(new.quarter.to_string()))
            .select(rounds::id)
            .first(conn)
            .optional()?;
        if let Some(id) = existing {
            return Err(RoundError::Exists {
                template: new.template.key().into(),
                quarter: new.quarter.to_string(),
                id,
            });
        }
        let id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(rounds::table)
            .values((
                rounds::id.eq(&id),
                rounds::template_key.eq(new.template.key()),
                rounds::template_version.eq(new.template.version() as i32),
                rounds::template_content.eq(new.template.source()),
                rounds::template_hash.eq(new.template.content_hash()),
                rounds::quarter.eq(new.quarter.to_string()),
                rounds::audience.eq(new.template.audience().key()),
                rounds::status.eq(RoundStatus::Draft.key()),
                rounds::closes_on.eq(new.closes_on),
                rounds::closes_at.eq(closes_at),
                rounds::k.eq(new.k as i32),
                rounds::comment_threshold.eq(new.comment_threshold as i32),
                rounds::reporting_groups.eq(to_json(&groups)?),
                rounds::weights.eq(to_json(&weight_map(&weights))?),
                rounds::created_at.eq(now),
            ))
            .execute(conn)?;
        let detail = format!(
            "template={} v{} quarter={} closes_on={} k={} groups={}",
            new.template.key(),
            new.template.version(),
            new.quarter,
            new.closes_on,
            new.k,
            groups
                .iter()
                .map(|g| g.key.as_str())
                .collect::<Vec<_>>()
                .join(",")
        );
        audit::record(
            conn,
            actor,
            "round.create",
            "round",
            Some(&id),
            Some(&detail),
        )?;
        Ok(id)
    })
}

fn weight_map(
    weights: &BTreeMap<crate::domain::department::Department, f64>,
) -> BTreeMap<String, f64> {
    weights
        .iter()
        .map(|(d, w)| (d.key().to_string(), *w))
        .collect()
}

fn to_json<T: Serialize>(v: &T) -> Result<String, RoundError> {
    serde_json::to_string(v).map_err(|e| RoundError::Invalid(e.to_string()))
}

/// One round by id (a unique prefix of at least 8 characters also works, for typing).
pub fn get(conn: &mut DbConnection, id: &str) -> Result<Round, RoundError> {
    if let Some(r) = rounds::table
        .find(id)
        .select(Round::as_select())
        .first(conn)
        .optional()?
    {
        return Ok(r);
    }
    if id.len() >= 8 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        let found: Vec<Round> = rounds::table
            .filter(rounds::id.like(format!("{id}%")))
            .select(Round::as_select())
            .limit(2)
            .load(conn)?;
        if found.len() == 1 {
            return found
                .into_iter()
                .next()
                .ok_or_else(|| RoundError::NotFound(id.into()));
        }
    }
    Err(RoundError::NotFound(id.to_string()))
}

/// Every round, newest quarter first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Round>, RoundError> {
    Ok(rounds::table
        .order((rounds::quarter.desc(), rounds::template_key))
        .select(Round::as_select())
        .load(conn)?)
}

/// What a launch did.
#[derive(Debug, Clone, Serialize)]
pub struct LaunchReport {
    pub invitations: usize,
    /// Roster changes in the 7 days before launch (a padded roster would weaken k).
    pub recent_roster_changes: i64,
}

#[derive(Insertable)]
#[diesel(table_name = invitations)]
struct NewInvitation {
    id: String,
    round_id: String,
    employee_id: String,
    reporting_group: String,
    responded: bool,
    undeliverable: bool,
    emails_sent: i32,
}

/// A queued email.
#[derive(Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxRow {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub round_id: Option<String>,
    pub invitation_id: Option<String>,
    pub locale: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: PrimitiveDateTime,
    pub created_at: PrimitiveDateTime,
}

impl NewOutboxRow {
    /// A message for an invitation, due now.
    pub fn for_invitation(
        kind: &str,
        recipient: &str,
        round_id: &str,
        invitation_id: &str,
        locale: &str,
        now: PrimitiveDateTime,
    ) -> Self {
        NewOutboxRow {
            id: uuid::Uuid::new_v4().to_string(),
            kind: kind.into(),
            recipient: recipient.into(),
            round_id: Some(round_id.into()),
            invitation_id: Some(invitation_id.into()),
            locale: locale.into(),
            status: "pending".into(),
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        }
    }
}

/// `n` random v4 ids in ascending order.
fn sorted_ids(n: usize) -> std::vec::IntoIter<String> {
    let mut ids: Vec<String> = (0..n).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    ids.sort_unstable();
    ids.into_iter()
}

/// Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 binds.
const BATCH: usize = 1000;

fn insert_invitations(conn: &mut DbConnection, rows: &[NewInvitation]) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        crate::db::insert_rows!(conn, invitations::table, chunk)?;
    }
    Ok(())
}

/// Queues emails, in batches.
pub fn insert_outbox(conn: &mut DbConnection, rows: &[NewOutboxRow]) -> Result<(), DbError> {
    for chunk in rows.chunks(BATCH) {
        crate::db::insert_rows!(conn, outbox::table, chunk)?;
    }
    Ok(())
}

/// Launches a draft round: snapshots the template (the current version of its key), the
/// weights and groups, and creates every invitation and its outbox row in one transaction.
pub fn launch(
    conn: &mut DbConnection,
    id: &str,
    template: &Template,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<LaunchReport, RoundError> {
    let round = get(conn, id)?;
    let id = round.id.clone();
    conn.write_transaction(|conn| {
        // Re-read inside the write lock: two launches at once must not both pass.
        let round = get(conn, &id)?;
        if round.status() != RoundStatus::Draft {
            return Err(RoundError::WrongStatus {
                id: id.clone(),
                status: round.status.clone(),
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
        let merges: Vec<Vec<Membership>> = round
            .groups()
            .iter()
            .filter(|g| g.members.len() > 1)
            .map(|g| g.members.iter().filter_map(|m| m.parse().ok()).collect())
            .collect();
        let groups = round::plan_groups(template.audience(), &merges, &weights)
            .map_err(|e| RoundError::Invalid(e.to_string()))?;

        let mut people: Vec<(String, String, String, String, bool, bool)> = employees::table
            .filter(employees::active.eq(true))
            .select((
                employees::id,
                employees::email,
                employees::department,
                employees::locale,
                employees::is_engineer,
                employees::is_executive,
            ))
            .load(conn)?;
        // Insert in key order: invitations sorted by employee id get ids (and their outbox
        // rows ids) sorted the same way, so every index takes a sequential sweep instead of
        // random inserts. With random order a 100,000-person launch spent most of its time
        // re-reading and re-writing pages that fell out of SQLite's page cache.
        people.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut invitation_ids = sorted_ids(people.len());
        let mut outbox_ids = sorted_ids(people.len());
        let mut invites = Vec::new();
        let mut mails = Vec::new();
        for (emp_id, email, dept, locale, engineer, executive) in people {
            let member: Option<Membership> = dept.parse().ok();
            let included = match (template.audience(), member) {
                (_, None) => false,
                (Audience::InternalCsat, Some(m)) => m != Membership::Board,
                (Audience::EngineeringCulture, Some(m)) => engineer && m != Membership::Board,
                (Audience::TechStrategyAlignment, Some(m)) => {
                    executive
                        || m == Membership::Board
                        || m == Membership::Department(crate::domain::department::Department::Ceo)
                }
            };
            if !included {
                continue;
            }
            let Some(group) = round::group_for(&groups, &dept) else {
                continue;
            };
            let (Some(inv_id), Some(mail_id)) = (invitation_ids.next(), outbox_ids.next()) else {
                break;
            };
            let mut mail =
                NewOutboxRow::for_invitation("invite", &email, &id, &inv_id, &locale, now);
            mail.id = mail_id;
            mails.push(mail);
            invites.push(NewInvitation {
                id: inv_id,
                round_id: id.clone(),
                employee_id: emp_id,
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
        let used: std::collections::BTreeSet<&str> =
            invites.iter().map(|i| i.reporting_group.as_str()).collect();
        let groups: Vec<ReportingGroup> = groups
            .into_iter()
            .filter(|g| used.contains(g.key.as_str()))
            .collect();
        analyze(conn, "employees")?;
        insert_invitations(conn, &invites)?;
        analyze(conn, "invitations")?;
        insert_outbox(conn, &mails)?;
        analyze(conn, "outbox")?;

        diesel::update(rounds::table.find(&id))
            .set((
                rounds::status.eq(RoundStatus::Open.key()),
                rounds::template_version.eq(template.version() as i32),
                rounds::template_content.eq(template.source()),
                rounds::template_hash.eq(template.content_hash()),
                rounds::reporting_groups.eq(to_json(&groups)?),
                rounds::weights.eq(to_json(&weight_map(&weights))?),
                rounds::launched_at.eq(Some(now)),
                rounds::opens_on.eq(Some(now.date())),
            ))
            .execute(conn)?;
        let recent_roster_changes = roster_changes_before(conn, now)?;
        let detail = format!(
            "invitations={} template_hash={} roster_changes_7d={recent_roster_changes}",
            invites.len(),
            template.content_hash()
        );
        audit::record(
            conn,
            actor,
            "round.launch",
            "round",
            Some(&id),
            Some(&detail),
        )?;
        Ok(LaunchReport {
            invitations: invites.len(),
            recent_roster_changes,
        })
    })
}

/// Refreshes PostgreSQL's statistics of `table` (rows this transaction wrote included).
/// Foreign-key checks and the outbox worker's queries are planned from them; right after a
/// roster import or a launch they still describe the old, smaller table, and the checks of
/// a 100,000-invitation launch and the worker's batch lookups ran as sequential scans.
fn analyze(conn: &mut DbConnection, table: &str) -> Result<(), DbError> {
    use diesel::connection::SimpleConnection;
    if let DbConnection::Pg(c) = conn {
        c.batch_execute(&format!("ANALYZE {table}"))?;
    }
    Ok(())
}

/// Roster changes recorded in the 7 days before `at`.
pub fn roster_changes_before(
    conn: &mut DbConnection,
    at: PrimitiveDateTime,
) -> Result<i64, DbError> {
    Ok(audit_log::table
        .filter(audit_log::object_type.eq("employee"))
        .filter(audit_log::at.ge(at - Duration::days(7)))
        .filter(audit_log::at.le(at))
        .count()
        .get_result(conn)?)
}

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
    pub round_id: String,
    pub status: String,
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

/// Answered and delivered invitations of every round, by round id: the same counts as
/// [`progress`]'s overall row. Sealed rounds never change, so theirs come from the
/// `group_tallies` the seal wrote (a few rows per round); only rounds still open or closed
/// are counted from their invitations — the admin page lists every round, and scanning a
/// 10,000-person company's 25 rounds of invitations took most of its 75 ms.
pub fn answered_and_delivered(
    conn: &mut DbConnection,
) -> Result<BTreeMap<String, (i64, i64)>, DbError> {
    use super::schema::group_tallies;
    let mut out: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let sealed: Vec<(String, i64, i64)> = group_tallies::table
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
        .filter(rounds::status.eq_any([RoundStatus::Open.key(), RoundStatus::Closed.key()]))
        .select(rounds::id);
    let answered: Vec<(String, i64)> = invitations::table
        .filter(invitations::round_id.eq_any(live.clone()))
        .filter(invitations::responded.eq(true))
        .group_by(invitations::round_id)
        .select((invitations::round_id, diesel::dsl::count_star()))
        .load(conn)?;
    let delivered: Vec<(String, i64)> = invitations::table
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
pub fn progress(conn: &mut DbConnection, id: &str) -> Result<RoundProgress, RoundError> {
    let round = get(conn, id)?;
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
        g.response_rate = rate(g.answered, g.delivered);
        overall.invited += g.invited;
        overall.delivered += g.delivered;
        overall.answered += g.answered;
        overall.undeliverable += g.undeliverable;
        list.push(g);
    }
    overall.response_rate = rate(overall.answered, overall.delivered);
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

/// Answered ÷ delivered, when anything was delivered.
pub fn rate(answered: i64, delivered: i64) -> Option<f64> {
    (delivered > 0).then(|| answered as f64 / delivered as f64)
}

/// Queues a reminder for everyone who has not answered, and a fresh invitation for those
/// whose address bounced (after it was fixed in the roster). Returns (reminders, re-invites).
pub fn remind(
    conn: &mut DbConnection,
    id: &str,
    now: PrimitiveDateTime,
    actor: &str,
) -> Result<(usize, usize), RoundError> {
    let round = get(conn, id)?;
    if !round.accepts_answers(now) {
        return Err(RoundError::WrongStatus {
            id: round.id,
            status: round.status,
            action: "remind",
            needed: "open",
        });
    }
    conn.write_transaction(|conn| {
        let pending: Vec<(String, bool, String, String)> = invitations::table
            .inner_join(employees::table)
            .filter(invitations::round_id.eq(&round.id))
            .filter(invitations::responded.eq(false))
            .filter(employees::active.eq(true))
            .select((
                invitations::id,
                invitations::undeliverable,
                employees::email,
                employees::locale,
            ))
            .load(conn)?;
        // Skip invitations that already have a message waiting: no double reminders.
        let queued: std::collections::HashSet<String> = outbox::table
            .filter(outbox::round_id.eq(&round.id))
            .filter(outbox::status.eq("pending"))
            .select(outbox::invitation_id)
            .load::<Option<String>>(conn)?
            .into_iter()
            .flatten()
            .collect();
        let mut rows = Vec::new();
        let (mut reminders, mut reinvites) = (0, 0);
        let mut reset = Vec::new();
        for (inv, bounced, email, locale) in pending {
            if queued.contains(&inv) {
                continue;
            }
            let kind = if bounced {
                reinvites += 1;
                reset.push(inv.clone());
                "invite"
            } else {
                reminders += 1;
                "reminder"
            };
            rows.push(NewOutboxRow::for_invitation(
                kind, &email, &round.id, &inv, &locale, now,
            ));
        }
        for chunk in reset.chunks(BATCH) {
            diesel::update(invitations::table.filter(invitations::id.eq_any(chunk)))
                .set((
                    invitations::undeliverable.eq(false),
                    invitations::undeliverable_reason.eq(None::<String>),
                ))
                .execute(conn)?;
        }
        insert_outbox(conn, &rows)?;
        let detail = format!("reminders={reminders} reinvites={reinvites}");
        audit::record(
            conn,
            actor,
            "round.remind",
            "round",
            Some(&round.id),
            Some(&detail),
        )?;
        Ok((reminders, reinvites))
    })
}

/// Open rounds whose close time has passed (the auto-closer seals them).
pub fn due_to_close(
    conn: &mut DbConnection,
    now: PrimitiveDateTime,
) -> Result<Vec<String>, DbError> {
    Ok(rounds::table
        .filter(rounds::status.eq(RoundStatus::Open.key()))
        .filter(rounds::closes_at.le(now))
        .select(rounds::id)
        .load(conn)?)
}
