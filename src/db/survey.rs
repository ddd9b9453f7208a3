//! The respondent's side: survey links and submissions.

use crate::domain::ids::RoundId;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Array, Bool, Integer, Nullable, Text, Timestamp};
use time::{Date, PrimitiveDateTime};

use super::column::malformed_in;
use super::schema::{employees, invitation_links, invitations, rounds};
use super::{survey_store, DbConnection, DbError};
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
    /// The last day answers are taken (in the service's time zone), as the invitation said.
    pub closes_on: Date,
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

/// What a survey token leads to. A link that still exists names its invitee's language, so
/// every page it leads to speaks it (not the browser's).
#[derive(Debug, Clone)]
pub enum LinkState {
    /// A live invitation of an open round.
    Open(Respondent),
    /// The invitation was already answered.
    Answered { round: SurveyRound, locale: Locale },
    /// The round has closed (or its close time has passed).
    Closed { round: SurveyRound, locale: Locale },
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
    ($token_hash:expr $(, $extra:expr)*) => {
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
                $($extra,)*
            ))
    };
}

type LinkRow = (String, String, bool, Membership, Locale, SurveyRound);

/// Looks a token hash up (on the backend's own connection; SQLite's statement is
/// `survey_sql::LinkLookup`).
pub fn lookup(
    conn: &mut DbConnection,
    token_hash: &str,
    now: PrimitiveDateTime,
) -> Result<LinkState, DbError> {
    let found = match conn {
        DbConnection::Pg(c) => link_query!(token_hash).load::<LinkRow>(c),
        DbConnection::Sqlite(c) => super::survey_sql::LinkLookup { token_hash }.load::<LinkRow>(c),
    }
    .map_err(malformed_in("employees, rounds"))?
    .pop();
    Ok(link_state(found, now))
}

/// Whether a lookup read the client's link throttle too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    /// Seconds the client must wait, if it is blocked.
    Read(Option<i64>),
    /// Not read: the caller asks `throttle::retry_after`.
    Unread,
}

/// Looks a token hash up for `client_ip`. On PostgreSQL the client's survey-link throttle
/// rides in the same statement as a one-value subquery: one round trip instead of two on
/// every link opened. It comes back only with a row, so an unknown link (and SQLite, which
/// has no round trip to save) leaves it [`Throttle::Unread`].
pub fn lookup_for(
    conn: &mut DbConnection,
    token_hash: &str,
    client_ip: &str,
    now: PrimitiveDateTime,
) -> Result<(LinkState, Throttle), DbError> {
    let DbConnection::Pg(pg) = conn else {
        return Ok((lookup(conn, token_hash, now)?, Throttle::Unread));
    };
    use super::schema::login_failures as f;
    use super::throttle::{self, AttemptKind};
    let blocking = f::table
        .filter(f::kind.eq(AttemptKind::SurveyLink.key()))
        .filter(f::client_ip.eq(client_ip))
        .filter(f::failed_at.gt(throttle::window_start(now)))
        .select(f::failed_at)
        .order(f::failed_at.desc())
        .offset(throttle::NTH)
        .single_value();
    let found = link_query!(token_hash, blocking)
        .load::<(
            String,
            String,
            bool,
            Membership,
            Locale,
            SurveyRound,
            Option<PrimitiveDateTime>,
        )>(pg)
        .map_err(malformed_in("employees, rounds"))?
        .pop();
    Ok(match found {
        None => (LinkState::Unknown, Throttle::Unread),
        Some((invitation, group, responded, department, locale, round, blocking)) => (
            link_state(
                Some((invitation, group, responded, department, locale, round)),
                now,
            ),
            Throttle::Read(throttle::wait_after(blocking, now)),
        ),
    })
}

fn link_state(found: Option<LinkRow>, now: PrimitiveDateTime) -> LinkState {
    let Some((invitation_id, reporting_group, responded, department, locale, round)) = found else {
        return LinkState::Unknown;
    };
    if !round.accepts_answers(now) {
        LinkState::Closed { round, locale }
    } else if responded {
        LinkState::Answered { round, locale }
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
    /// PostgreSQL in a transaction of its own, see [`SubmitPg`]).
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
        Checked::Not(s, _) => s,
    })
}

/// How `submit_checked` ended.
#[derive(Debug)]
pub enum Checked<R> {
    /// Stored, by this respondent.
    Stored(Respondent),
    /// `check` refused the answers of this respondent; nothing was written.
    Refused(Respondent, R),
    /// Not stored: not an open invitation of the round (never `Stored`), with the invitee's
    /// language when the link still names one.
    Not(Submitted, Option<Locale>),
}

/// `submit` with the answers made from the respondent by `check` (the form validated against
/// the respondent's questions), so the link is looked up once per submission rather than
/// once to validate and again to store.
///
/// `known` is the respondent as a recent lookup of this link found it: the lookup is then
/// skipped (the store re-checks the link, flag and round under the write either way). SQLite
/// stores by group commit ([`survey_store`]); PostgreSQL through `ctopulse_submit`.
pub fn submit_checked<R>(
    conn: &mut DbConnection,
    round_id: RoundId,
    token_hash: &str,
    now: PrimitiveDateTime,
    known: Option<Respondent>,
    check: impl FnOnce(&Respondent) -> Result<Vec<AnswerValue>, R>,
) -> Result<Checked<R>, DbError> {
    let look = |conn: &mut DbConnection| -> Result<_, DbError> {
        Ok(open_in(lookup(conn, token_hash, now)?, round_id))
    };
    let known = known.filter(|r| r.round.id == round_id && r.round.accepts_answers(now));
    let remembered = known.is_some();
    let respondent = match known.map_or_else(|| look(conn), |r| Ok(Ok(r)))? {
        Ok(r) => r,
        Err((not, locale)) => return Ok(Checked::Not(not, locale)),
    };
    let answers_in = match check(&respondent) {
        Ok(a) => a,
        Err(refused) => {
            // Asking to correct answers only makes sense while the link still works.
            if remembered {
                if let Err((not, locale)) = look(conn)? {
                    return Ok(Checked::Not(not, locale));
                }
            }
            return Ok(Checked::Refused(respondent, refused));
        }
    };
    // The store re-checks the link, flag and round under the write (the lookup may be a
    // moment old, or remembered).
    let stored = match conn {
        DbConnection::Pg(pg) => store_pg(pg, round_id, token_hash, now, &answers_in)?,
        DbConnection::Sqlite(_) => {
            let job = survey_store::StoreJob {
                token_hash: token_hash.to_string(),
                invitation_id: respondent.invitation_id.clone(),
                reporting_group: respondent.reporting_group.clone(),
                round_id,
                now,
                answers: answers_in,
            };
            match survey_store::store(conn, job)? {
                survey_store::Stored::Yes => StoreOutcome::Stored,
                survey_store::Stored::NotFlipped => StoreOutcome::NotFlipped,
            }
        }
    };
    match stored {
        StoreOutcome::Stored => Ok(Checked::Stored(respondent)),
        StoreOutcome::ClosedBetween => Ok(Checked::Not(Submitted::Closed, Some(respondent.locale))),
        StoreOutcome::NotFlipped => {
            // The link, flag or round changed since the lookup; say which. (Neither a flag
            // nor a round ever turns back to open, so the second lookup cannot find it open.)
            let (not, locale) = match look(conn)? {
                Err(not) => not,
                Ok(r) => (Submitted::AlreadyAnswered, Some(r.locale)),
            };
            Ok(Checked::Not(not, locale))
        }
    }
}

/// How a store ended, on either backend.
enum StoreOutcome {
    Stored,
    /// PostgreSQL: the flag flipped but the round closed before the response was stored.
    ClosedBetween,
    /// Nothing stored: the link was answered, deleted or its round closed since the lookup.
    NotFlipped,
}

/// Why a submission was not stored, and the invitee's language when the link names one.
type NotStored = (Submitted, Option<Locale>);

/// Whether the lookup found an open invitation of `round_id`; otherwise why not.
fn open_in(state: LinkState, round_id: RoundId) -> Result<Respondent, NotStored> {
    match state {
        LinkState::Open(r) if r.round.id == round_id => Ok(r),
        LinkState::Open(_) | LinkState::Unknown => Err((Submitted::Unknown, None)),
        LinkState::Answered { locale, .. } => Err((Submitted::AlreadyAnswered, Some(locale))),
        LinkState::Closed { locale, .. } => Err((Submitted::Closed, Some(locale))),
    }
}

/// PostgreSQL stores a response with one call of the `ctopulse_submit` procedure (see its
/// migration), which runs two transactions so that the response and the invitation it
/// answers never share a transaction id (`xmin`): one transaction writing both let
/// `responses JOIN invitations ON xmin` pair every answer with its respondent while the round
/// was open (DESIGN "Anonymity" 5). First the invitation's flag flips, only if it is still
/// unanswered and its round (the one posted to) still takes answers: this is what makes a
/// submission count once. Then the response and its answers are stored; if that fails the
/// procedure clears the flag again. One call, so a server that dies after sending it cannot
/// leave the flag set without its response.
///
/// Both transactions lock the link row, which keeps the seal's order: the seal deletes a
/// round's links before it reads its responses, so it waits for a store holding one and then
/// includes its response; if the seal came first the link is gone and nothing is stored. Two
/// submissions of one invitation queue on the flag's row and the second finds it set.
///
/// A query type of its own rather than `sql_query`, so diesel prepares it once per
/// connection: a `sql_query` is parsed and planned by PostgreSQL on every run.
struct SubmitPg<'a> {
    token_hash: &'a str,
    round_id: RoundId,
    now: PrimitiveDateTime,
    response_id: &'a str,
    keys: Vec<&'a str>,
    values: Vec<Option<i32>>,
    not_applicable: Vec<bool>,
    texts: Vec<Option<&'a str>>,
}

/// What `ctopulse_submit` reports.
mod outcome {
    /// Not flipped: answered, closed or unknown (the caller looks again to say which).
    pub const NOT_FLIPPED: i32 = 0;
    pub const STORED: i32 = 1;
    /// Sealed or closed between the flip and the store: nothing stored.
    pub const CLOSED_BETWEEN: i32 = 2;
    /// The store failed: nothing stored, the flag cleared again.
    pub const STORE_FAILED: i32 = 3;
}

impl QueryId for SubmitPg<'_> {
    type QueryId = SubmitPg<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for SubmitPg<'_> {
    type SqlType = (Integer, Nullable<Text>);
}

impl RunQueryDsl<PgConnection> for SubmitPg<'_> {}

impl QueryFragment<Pg> for SubmitPg<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("CALL ctopulse_submit(");
        out.push_bind_param::<Text, _>(self.token_hash)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&self.round_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(RoundStatus::Open.key())?;
        out.push_sql(", ");
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(self.response_id)?;
        out.push_sql(", ");
        out.push_bind_param::<Array<Text>, _>(&self.keys)?;
        out.push_sql("::text[], ");
        out.push_bind_param::<Array<Nullable<Integer>>, _>(&self.values)?;
        out.push_sql("::int4[], ");
        out.push_bind_param::<Array<Bool>, _>(&self.not_applicable)?;
        out.push_sql("::bool[], ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.texts)?;
        out.push_sql("::text[], NULL, NULL)");
        Ok(())
    }
}

/// PostgreSQL: one call of `ctopulse_submit` (one round trip where a transaction took six;
/// submissions are the service's hottest write).
fn store_pg(
    pg: &mut PgConnection,
    round_id: RoundId,
    token_hash: &str,
    now: PrimitiveDateTime,
    answers_in: &[AnswerValue],
) -> Result<StoreOutcome, DbError> {
    // A random v4 id and nothing else: no invitation, person, locale or time.
    let response_id = uuid::Uuid::new_v4().to_string();
    let (reported, error): (i32, Option<String>) = SubmitPg {
        token_hash,
        round_id,
        now,
        response_id: &response_id,
        keys: answers_in.iter().map(|a| a.question_key.as_str()).collect(),
        values: answers_in.iter().map(|a| a.value).collect(),
        not_applicable: answers_in.iter().map(|a| a.not_applicable).collect(),
        texts: answers_in.iter().map(|a| a.text.as_deref()).collect(),
    }
    .get_result(pg)?;
    match reported {
        outcome::STORED => Ok(StoreOutcome::Stored),
        outcome::CLOSED_BETWEEN => Ok(StoreOutcome::ClosedBetween),
        outcome::NOT_FLIPPED => Ok(StoreOutcome::NotFlipped),
        other => Err(DbError::Query(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            Box::new(match (other, error) {
                (outcome::STORE_FAILED, Some(why)) => format!("storing a response failed: {why}"),
                (n, why) => format!("ctopulse_submit reported {n}: {why:?}"),
            }),
        ))),
    }
}
