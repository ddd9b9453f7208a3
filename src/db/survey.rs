//! The respondent's side: survey links and submissions.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::rounds::Round;
use super::schema::{answers, employees, invitation_links, invitations, responses, rounds};
use super::{DbConnection, DbError};
use crate::domain::survey_form::AnswerValue;

/// What a survey token leads to.
#[derive(Debug, Clone)]
pub enum LinkState {
    /// A live invitation of an open round.
    Open(Respondent),
    /// The invitation was already answered.
    Answered { round: Round },
    /// The round has closed (or its close time has passed).
    Closed { round: Round },
    /// No such link (never existed, or deleted when its round was sealed).
    Unknown,
}

/// What the survey page needs about the person answering (never stored with an answer).
#[derive(Debug, Clone)]
pub struct Respondent {
    pub round: Round,
    pub invitation_id: String,
    pub reporting_group: String,
    pub department: String,
    pub locale: String,
}

/// Looks a token hash up.
pub fn lookup(
    conn: &mut DbConnection,
    token_hash: &str,
    now: PrimitiveDateTime,
) -> Result<LinkState, DbError> {
    // One query: this runs three times per respondent (link, form, and inside the
    // submission's transaction). No `.first()`: SQLite (3.47+) plans a bound
    // LIMIT by its value and so re-parses such a statement on every run, which was 37 % of
    // the server's CPU under survey load; the token hash is the key, so at most one row.
    // Run on the backend's own connection: through the multi-backend connection diesel
    // rebuilds the SQL text on every run to find the cached statement (~9 % of the server's
    // CPU under survey load, most of it this query).
    macro_rules! query {
        () => {
            invitation_links::table
                .inner_join(
                    invitations::table
                        .inner_join(employees::table)
                        .inner_join(rounds::table),
                )
                .filter(invitation_links::token_hash.eq(token_hash))
                .select((
                    invitations::id,
                    invitations::reporting_group,
                    invitations::responded,
                    employees::department,
                    employees::locale,
                    Round::as_select(),
                ))
        };
    }
    type Row = (String, String, bool, String, String, Round);
    let found: Option<Row> = match conn {
        DbConnection::Pg(c) => query!().load::<Row>(c)?.pop(),
        DbConnection::Sqlite(c) => query!().load::<Row>(c)?.pop(),
    };
    let Some((invitation_id, reporting_group, responded, department, locale, round)) = found else {
        return Ok(LinkState::Unknown);
    };
    Ok(if !round.accepts_answers(now) {
        LinkState::Closed { round }
    } else if responded {
        LinkState::Answered { round }
    } else {
        LinkState::Open(Respondent {
            round,
            invitation_id,
            reporting_group,
            department,
            locale,
        })
    })
}

/// The outcome of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Stored: response, answers and the `responded` flag committed together.
    Stored,
    AlreadyAnswered,
    Closed,
    Unknown,
}

/// Stores one response in one transaction. The `responded` flag is flipped first, with a
/// condition, so two concurrent submissions of one invitation cannot both store.
pub fn submit(
    conn: &mut DbConnection,
    round_id: &str,
    token_hash: &str,
    answers_in: &[AnswerValue],
    now: PrimitiveDateTime,
) -> Result<Submitted, DbError> {
    let checked = submit_checked(conn, round_id, token_hash, now, |_| {
        Ok::<_, std::convert::Infallible>(answers_in.to_vec())
    })?;
    Ok(match checked {
        Checked::Stored(_) => Submitted::Stored,
        Checked::Refused(_, never) => match never {},
        Checked::Not(s) => s,
    })
}

/// How `submit_checked` ended.
#[derive(Debug)]
pub enum Checked<R> {
    /// Stored, by this respondent.
    Stored(Respondent),
    /// `check` refused the answers of this respondent; nothing was written.
    Refused(Respondent, R),
    /// Not stored: not an open invitation of the round (never `Stored`).
    Not(Submitted),
}

/// `submit` with the answers made from the respondent by `check` (the form validated against
/// the respondent's questions) inside the transaction, so the link is looked up once per
/// submission rather than once to validate and again to store.
pub fn submit_checked<R>(
    conn: &mut DbConnection,
    round_id: &str,
    token_hash: &str,
    now: PrimitiveDateTime,
    check: impl FnOnce(&Respondent) -> Result<Vec<AnswerValue>, R>,
) -> Result<Checked<R>, DbError> {
    conn.write_transaction(|conn| {
        // PostgreSQL runs transactions side by side: lock the link row first, so a seal
        // (which deletes the round's links before it reads its responses) waits for this
        // submission to commit and then includes it, or, if the seal came first, the link
        // is gone and the lookup below says so. Without it a response committed during a
        // seal stayed outside the sealed results. SQLite writers already take turns.
        if let DbConnection::Pg(c) = conn {
            invitation_links::table
                .filter(invitation_links::token_hash.eq(token_hash))
                .select(invitation_links::token_hash)
                .for_update()
                .load::<String>(c)?;
        }
        let respondent = match lookup(conn, token_hash, now)? {
            LinkState::Open(r) if r.round.id == round_id => r,
            LinkState::Open(_) | LinkState::Unknown => return Ok(Checked::Not(Submitted::Unknown)),
            LinkState::Answered { .. } => return Ok(Checked::Not(Submitted::AlreadyAnswered)),
            LinkState::Closed { .. } => return Ok(Checked::Not(Submitted::Closed)),
        };
        let answers_in = match check(&respondent) {
            Ok(a) => a,
            Err(refused) => return Ok(Checked::Refused(respondent, refused)),
        };
        let flipped = diesel::update(
            invitations::table
                .filter(invitations::id.eq(&respondent.invitation_id))
                .filter(invitations::responded.eq(false)),
        )
        .set(invitations::responded.eq(true))
        .execute(conn)?;
        if flipped == 0 {
            return Ok(Checked::Not(Submitted::AlreadyAnswered));
        }
        // A random v4 id and nothing else: no invitation, person, locale or time.
        let response_id = uuid::Uuid::new_v4().to_string();
        diesel::insert_into(responses::table)
            .values((
                responses::id.eq(&response_id),
                responses::round_id.eq(round_id),
                responses::reporting_group.eq(&respondent.reporting_group),
            ))
            .execute(conn)?;
        let rows: Vec<_> = answers_in
            .iter()
            .map(|a| {
                (
                    answers::response_id.eq(response_id.clone()),
                    answers::question_key.eq(a.question_key.clone()),
                    answers::value.eq(a.value),
                    answers::not_applicable.eq(a.not_applicable),
                    answers::text.eq(a.text.clone()),
                )
            })
            .collect();
        if !rows.is_empty() {
            crate::db::insert_rows!(conn, answers::table, &rows)?;
        }
        Ok(Checked::Stored(respondent))
    })
}
