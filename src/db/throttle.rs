//! Failed attempts (logins, unknown survey links) counted in the database, so every
//! instance behind a load balancer shares the count.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use super::schema::login_failures;
use super::{DbConnection, DbError};

/// What is being limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptKind {
    Login,
    SurveyLink,
    /// Every POST of the first-run `/setup` form (each costs an argon2 hash).
    Setup,
}

impl AttemptKind {
    pub(super) fn key(self) -> &'static str {
        match self {
            AttemptKind::Login => "login",
            AttemptKind::SurveyLink => "survey_link",
            AttemptKind::Setup => "setup",
        }
    }
}

/// Failures allowed per window before requests get 429.
pub const LIMIT: i64 = 10;
/// The window.
pub const WINDOW: Duration = Duration::minutes(1);

/// Records one failure. `account` is a key the caller chose (a staff account's id), never
/// text a person typed.
pub fn record(
    conn: &mut DbConnection,
    kind: AttemptKind,
    account: Option<&str>,
    client_ip: &str,
    now: PrimitiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::id.eq(uuid::Uuid::new_v4().to_string()),
            login_failures::kind.eq(kind.key()),
            login_failures::account.eq(account),
            login_failures::client_ip.eq(client_ip),
            login_failures::failed_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Seconds until another attempt is allowed, if the limit is reached for this client IP
/// (and, when `account` is given, for this account from this IP).
pub fn retry_after(
    conn: &mut DbConnection,
    kind: AttemptKind,
    account: Option<&str>,
    client_ip: &str,
    now: PrimitiveDateTime,
) -> Result<Option<i64>, DbError> {
    let since = window_start(now);
    let base = || {
        login_failures::table
            .filter(login_failures::kind.eq(kind.key()))
            .filter(login_failures::client_ip.eq(client_ip.to_string()))
            .filter(login_failures::failed_at.gt(since))
    };
    // The LIMIT-th newest failure blocks until it leaves the window. No `.limit()`: SQLite
    // re-parses a statement with a bound LIMIT on every run (see `survey::lookup`), and this
    // runs on every survey link opened; a blocked client records no more failures, so the
    // window holds little more than LIMIT rows per client anyway.
    let nth = NTH as usize;
    let mut oldest_blocking: Vec<PrimitiveDateTime> = Vec::new();
    let per_ip = super::load_native!(
        conn,
        base()
            .select(login_failures::failed_at)
            .order(login_failures::failed_at.desc()),
        PrimitiveDateTime
    )?;
    oldest_blocking.extend(per_ip.get(nth));
    if let Some(acc) = account {
        let per_account: Vec<PrimitiveDateTime> = base()
            .filter(login_failures::account.eq(acc.to_string()))
            .select(login_failures::failed_at)
            .order(login_failures::failed_at.desc())
            .load(conn)?;
        oldest_blocking.extend(per_account.get(nth));
    }
    Ok(wait_after(oldest_blocking.into_iter().max(), now))
}

/// The position (from the newest, 0-based) of the failure that blocks: the LIMIT-th newest.
pub(super) const NTH: i64 = LIMIT - 1;

/// Failures after this count.
pub(super) fn window_start(now: PrimitiveDateTime) -> PrimitiveDateTime {
    now - WINDOW
}

/// Seconds until the blocking failure (the [`NTH`] newest in the window) leaves the window.
pub(super) fn wait_after(
    blocking: Option<PrimitiveDateTime>,
    now: PrimitiveDateTime,
) -> Option<i64> {
    blocking.map(|oldest| ((oldest + WINDOW) - now).whole_seconds().max(1))
}

/// Deletes failures older than a day.
pub fn prune(conn: &mut DbConnection, now: PrimitiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::delete(
        login_failures::table.filter(login_failures::failed_at.lt(now - Duration::days(1))),
    )
    .execute(conn)?)
}
