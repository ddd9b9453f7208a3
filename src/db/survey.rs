//! The respondent's side: survey links and submissions.

use crate::domain::ids::RoundId;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text, Timestamp};
use time::PrimitiveDateTime;

use super::column::malformed_in;
use super::schema::{answers, employees, invitation_links, invitations, responses, rounds};
use super::{DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::locale::Locale;
use crate::domain::round::RoundStatus;
use crate::domain::survey_form::AnswerValue;

/// What the survey pages need of a round: not its template's text (several kB, which
/// PostgreSQL decompresses and sends on every read of a link); pages parse that once per
/// content hash (`web::survey`, via `round_with_template`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rounds)]
pub struct SurveyRound {
    pub id: RoundId,
    pub template_hash: String,
    pub status: RoundStatus,
    pub closes_at: PrimitiveDateTime,
    pub k: i32,
    pub comment_threshold: i32,
}

impl SurveyRound {
    /// Whether answers are accepted at `now` (as `Round::accepts_answers`).
    pub fn accepts_answers(&self, now: PrimitiveDateTime) -> bool {
        self.status == RoundStatus::Open && now < self.closes_at
    }
}

/// What a survey token leads to.
#[derive(Debug, Clone)]
pub enum LinkState {
    /// A live invitation of an open round.
    Open(Respondent),
    /// The invitation was already answered.
    Answered { round: SurveyRound },
    /// The round has closed (or its close time has passed).
    Closed { round: SurveyRound },
    /// No such link (never existed, or deleted when its round was sealed).
    Unknown,
}

/// What the survey page needs about the person answering (never stored with an answer).
#[derive(Debug, Clone)]
pub struct Respondent {
    pub round: SurveyRound,
    pub invitation_id: String,
    pub reporting_group: String,
    pub department: Membership,
    pub locale: Locale,
}

/// The link, its invitation, person and round, by token hash. No `.first()`: SQLite (3.47+)
/// plans a bound LIMIT by its value and so re-parses such a statement on every run, which
/// was 37 % of the server's CPU under survey load; the token hash is the key, so at most
/// one row.
macro_rules! link_query {
    ($token_hash:expr) => {
        invitation_links::table
            .inner_join(
                invitations::table
                    .inner_join(employees::table)
                    .inner_join(rounds::table),
            )
            .filter(invitation_links::token_hash.eq($token_hash))
            .select((
                invitations::id,
                invitations::reporting_group,
                invitations::responded,
                employees::department,
                employees::locale,
                SurveyRound::as_select(),
            ))
    };
}

type LinkRow = (String, String, bool, Membership, Locale, SurveyRound);

/// Looks a token hash up (on the backend's own connection: `load_native`).
pub fn lookup(
    conn: &mut DbConnection,
    token_hash: &str,
    now: PrimitiveDateTime,
) -> Result<LinkState, DbError> {
    let found = super::load_native!(conn, link_query!(token_hash), LinkRow)
        .map_err(malformed_in("employees, rounds"))?
        .pop();
    Ok(link_state(found, now))
}

fn link_state(found: Option<LinkRow>, now: PrimitiveDateTime) -> LinkState {
    let Some((invitation_id, reporting_group, responded, department, locale, round)) = found else {
        return LinkState::Unknown;
    };
    if !round.accepts_answers(now) {
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
    }
}

/// The whole round, template text included, for a page whose template is not parsed yet.
pub fn round_with_template(
    conn: &mut DbConnection,
    round_id: RoundId,
) -> Result<Option<super::rounds::Round>, DbError> {
    use super::rounds::Round;
    Ok(rounds::table
        .filter(rounds::id.eq(round_id))
        .select(Round::as_select())
        .load::<Round>(conn)?
        .pop())
}

/// The outcome of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Stored: the response and its answers committed, the `responded` flag set (on
    /// PostgreSQL in a transaction of its own, see [`FlipPg`]).
    Stored,
    AlreadyAnswered,
    Closed,
    Unknown,
}

/// Stores one response. The `responded` flag is flipped first, with a condition, so two
/// concurrent submissions of one invitation cannot both store.
pub fn submit(
    conn: &mut DbConnection,
    round_id: RoundId,
    token_hash: &str,
    answers_in: &[AnswerValue],
    now: PrimitiveDateTime,
) -> Result<Submitted, DbError> {
    let checked = submit_checked(conn, round_id, token_hash, now, None, |_| {
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
/// the respondent's questions), so the link is looked up once per submission rather than
/// once to validate and again to store.
///
/// `known` is the respondent as a recent lookup of this link found it: PostgreSQL then
/// skips its own lookup (its store re-checks everything under the link's lock). SQLite
/// always looks up inside its write transaction.
pub fn submit_checked<R>(
    conn: &mut DbConnection,
    round_id: RoundId,
    token_hash: &str,
    now: PrimitiveDateTime,
    known: Option<Respondent>,
    check: impl FnOnce(&Respondent) -> Result<Vec<AnswerValue>, R>,
) -> Result<Checked<R>, DbError> {
    match conn {
        DbConnection::Pg(pg) => submit_pg(pg, round_id, token_hash, now, known, check),
        DbConnection::Sqlite(_) => submit_sqlite(conn, round_id, token_hash, now, check),
    }
}

/// Whether the lookup found an open invitation of `round_id`; otherwise why not.
fn open_in(state: LinkState, round_id: RoundId) -> Result<Respondent, Submitted> {
    match state {
        LinkState::Open(r) if r.round.id == round_id => Ok(r),
        LinkState::Open(_) | LinkState::Unknown => Err(Submitted::Unknown),
        LinkState::Answered { .. } => Err(Submitted::AlreadyAnswered),
        LinkState::Closed { .. } => Err(Submitted::Closed),
    }
}

/// SQLite: one `BEGIN IMMEDIATE` transaction (writers take turns, so nothing runs alongside).
fn submit_sqlite<R>(
    conn: &mut DbConnection,
    round_id: RoundId,
    token_hash: &str,
    now: PrimitiveDateTime,
    check: impl FnOnce(&Respondent) -> Result<Vec<AnswerValue>, R>,
) -> Result<Checked<R>, DbError> {
    conn.write_transaction(|conn| {
        let respondent = match open_in(lookup(conn, token_hash, now)?, round_id) {
            Ok(r) => r,
            Err(not) => return Ok(Checked::Not(not)),
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

/// PostgreSQL stores a response in two statements, each committed on its own, so that the
/// response and the invitation it answers never share a transaction id (`xmin`): one
/// transaction writing both let `responses JOIN invitations ON xmin` pair every answer with
/// its respondent while the round was open (DESIGN "Anonymity" 5).
///
/// First [`FlipPg`] flips the invitation's flag, only if it is still unanswered and its
/// round (the one posted to) still takes answers: this is what makes a submission count once.
/// Then [`StorePg`] inserts the response with the invitation's group, and its answers. A
/// failure in between leaves the flag set and nothing stored; the respondent was told of an
/// error, never thanked, and [`submit_pg`] clears the flag again where it can. The flip
/// commits without waiting for its WAL flush: the store's commit, later in the same WAL,
/// flushes it, and a flip lost in a crash only lets the person answer again.
///
/// Both lock the link row, which keeps the seal's order: the seal deletes a round's links
/// before it reads its responses, so it waits for a statement holding one and then includes
/// its response; if the seal came first the link is gone and nothing is stored. Two
/// submissions of one invitation queue on the flag's row and the second finds it set.
///
/// Query types of their own rather than `sql_query`, so diesel prepares them once per
/// connection: a `sql_query` is parsed and planned by PostgreSQL on every run.
struct FlipPg<'a> {
    token_hash: &'a str,
    round_id: RoundId,
    now: PrimitiveDateTime,
}

/// See [`FlipPg`]: the response and its answers, for an invitation flipped a moment ago.
/// Data-modifying CTEs run once and to completion even though only `response` is read; the
/// answers' foreign key is checked at the end of the statement, after the response.
struct StorePg<'a> {
    token_hash: &'a str,
    round_id: RoundId,
    now: PrimitiveDateTime,
    response_id: &'a str,
    keys: Vec<&'a str>,
    values: Vec<Option<i32>>,
    not_applicable: Vec<bool>,
    texts: Vec<Option<&'a str>>,
}

/// The round still takes answers: appended to both statements' conditions on `rounds r`.
fn push_round_open<'b>(
    out: &mut AstPass<'_, 'b, Pg>,
    round_id: &'b RoundId,
    now: &'b PrimitiveDateTime,
) -> QueryResult<()> {
    out.push_sql(" AND r.id = i.round_id AND i.round_id = ");
    out.push_bind_param::<Text, _>(round_id)?;
    out.push_sql(" AND r.status = ");
    out.push_bind_param::<Text, _>(RoundStatus::Open.key())?;
    out.push_sql(" AND r.closes_at > ");
    out.push_bind_param::<Timestamp, _>(now)
}

macro_rules! pg_query_type {
    ($name:ident, $sql_type:ty) => {
        impl QueryId for $name<'_> {
            type QueryId = $name<'static>;
            const HAS_STATIC_QUERY_ID: bool = true;
        }
        impl Query for $name<'_> {
            type SqlType = $sql_type;
        }
        impl RunQueryDsl<PgConnection> for $name<'_> {}
    };
}
pg_query_type!(FlipPg, Text);
pg_query_type!(StorePg, BigInt);

impl QueryFragment<Pg> for FlipPg<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "WITH link AS (SELECT invitation_id FROM invitation_links WHERE token_hash = ",
        );
        out.push_bind_param::<Text, _>(self.token_hash)?;
        out.push_sql(
            " FOR UPDATE), relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) \
             UPDATE invitations i SET responded = true FROM link, rounds r, relaxed \
             WHERE i.id = link.invitation_id AND i.responded = false",
        );
        push_round_open(&mut out, &self.round_id, &self.now)?;
        out.push_sql(" RETURNING i.id");
        Ok(())
    }
}

impl QueryFragment<Pg> for StorePg<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "WITH link AS (SELECT invitation_id FROM invitation_links WHERE token_hash = ",
        );
        out.push_bind_param::<Text, _>(self.token_hash)?;
        out.push_sql(
            " FOR SHARE), answering AS (SELECT i.round_id, i.reporting_group \
             FROM link, invitations i, rounds r WHERE i.id = link.invitation_id AND i.responded",
        );
        push_round_open(&mut out, &self.round_id, &self.now)?;
        out.push_sql(
            "), response AS (INSERT INTO responses (id, round_id, reporting_group) SELECT ",
        );
        out.push_bind_param::<Text, _>(self.response_id)?;
        out.push_sql(
            ", round_id, reporting_group FROM answering RETURNING id), stored AS (\
             INSERT INTO answers (response_id, question_key, value, not_applicable, text) \
             SELECT response.id, a.question_key, a.value, a.not_applicable, a.text \
             FROM response, unnest(",
        );
        out.push_bind_param::<Array<Text>, _>(&self.keys)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Nullable<Integer>>, _>(&self.values)?;
        out.push_sql("::int4[], ");
        out.push_bind_param::<Array<Bool>, _>(&self.not_applicable)?;
        out.push_sql("::bool[], ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.texts)?;
        out.push_sql(
            "::text[]) AS a(question_key, value, not_applicable, text)) \
             SELECT count(*) FROM response",
        );
        Ok(())
    }
}

/// PostgreSQL: an autocommit lookup (unless `known`), the check, then `StorePg`: one or two
/// round trips where a transaction took six (submissions are the service's hottest write).
fn submit_pg<R>(
    pg: &mut PgConnection,
    round_id: RoundId,
    token_hash: &str,
    now: PrimitiveDateTime,
    known: Option<Respondent>,
    check: impl FnOnce(&Respondent) -> Result<Vec<AnswerValue>, R>,
) -> Result<Checked<R>, DbError> {
    let look = |pg: &mut PgConnection| -> Result<_, DbError> {
        let found = link_query!(token_hash)
            .load::<LinkRow>(pg)
            .map_err(malformed_in("employees, rounds"))?
            .pop();
        Ok(open_in(link_state(found, now), round_id))
    };
    let known = known.filter(|r| r.round.id == round_id && r.round.accepts_answers(now));
    let remembered = known.is_some();
    let respondent = match known.map_or_else(|| look(pg), |r| Ok(Ok(r)))? {
        Ok(r) => r,
        Err(not) => return Ok(Checked::Not(not)),
    };
    let answers_in = match check(&respondent) {
        Ok(a) => a,
        Err(refused) => {
            // Asking to correct answers only makes sense while the link still works.
            if remembered {
                if let Err(not) = look(pg)? {
                    return Ok(Checked::Not(not));
                }
            }
            return Ok(Checked::Refused(respondent, refused));
        }
    };
    let flipped: Vec<String> = FlipPg {
        token_hash,
        round_id,
        now,
    }
    .load(pg)?;
    let Some(invitation_id) = flipped.into_iter().next() else {
        // Not flipped: the link, flag or round changed since the lookup; say which.
        // (Neither a flag nor a round ever turns back to open, so the second lookup cannot
        // find it open.)
        return Ok(Checked::Not(match look(pg)? {
            Err(not) => not,
            Ok(_) => Submitted::AlreadyAnswered,
        }));
    };
    // A random v4 id and nothing else: no invitation, person, locale or time.
    let response_id = uuid::Uuid::new_v4().to_string();
    let stored = StorePg {
        token_hash,
        round_id,
        now,
        response_id: &response_id,
        keys: answers_in.iter().map(|a| a.question_key.as_str()).collect(),
        values: answers_in.iter().map(|a| a.value).collect(),
        not_applicable: answers_in.iter().map(|a| a.not_applicable).collect(),
        texts: answers_in.iter().map(|a| a.text.as_deref()).collect(),
    }
    .get_result::<i64>(pg);
    match stored {
        Ok(1) => Ok(Checked::Stored(respondent)),
        // The round was sealed or closed between the two statements: nothing stored.
        Ok(_) => Ok(Checked::Not(Submitted::Closed)),
        Err(e) => {
            // Nothing was stored (a statement that fails does not commit): let the person
            // answer again. If this fails too, the flag stays set and they see "answered".
            let reopened = diesel::update(invitations::table.find(&invitation_id))
                .set(invitations::responded.eq(false))
                .execute(pg);
            if let Err(again) = reopened {
                tracing::warn!(error = %again, "a failed submission's flag could not be cleared");
            }
            Err(e.into())
        }
    }
}
