//! The current quarter: the internal-CSAT round is open, its invitations went out through the
//! real outbox worker (with the file transport they land in the mail folder as .eml files),
//! and about 40 % have answered.

use crate::domain::ids::RoundId;
use std::sync::Arc;

use time::{Duration, PrimitiveDateTime};

use super::history::{self, RoundSettings};
use super::links;
use super::story::{self, HISTORY};
use super::{blocking, profiles, DemoError, ACTOR};
use crate::app::rounds::{self, NewRound};
use crate::config::Settings;
use crate::db::{self, DbPool};
use crate::domain::quarter::Quarter;
use crate::domain::template::Template;
use crate::mail::outbox::OutboxWorker;
use crate::mail::Mailer;

/// What the open round looks like after seeding.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CurrentReport {
    pub round_id: RoundId,
    pub quarter: String,
    pub invited: usize,
    pub emailed: usize,
    pub answered: usize,
}

/// How long before `now` the round went out (so it has been open a few days).
const OPENED_DAYS_AGO: i64 = 3;

/// Launches, mails and partly answers the current quarter's internal-CSAT round.
pub async fn open_round(
    pool: &DbPool,
    settings: Arc<Settings>,
    mailer: Mailer,
    template: Arc<Template>,
    now: PrimitiveDateTime,
) -> Result<CurrentReport, DemoError> {
    let fy = settings.fiscal_year_start_month;
    let quarter = Quarter::containing(now.date(), fy);
    // Opened a few days ago, but never before the quarter began.
    let quarter_start = PrimitiveDateTime::new(quarter.first_day(fy), time::Time::MIDNIGHT);
    let launch_at = (now - Duration::days(OPENED_DAYS_AGO)).max(quarter_start);
    let (p, s, t) = (pool.clone(), settings.clone(), template.clone());
    let (round_id, invited) = blocking(move || {
        let mut conn = db::pool::checkout(&p)?;
        let rs = round_settings(&s);
        let id = rounds::create(
            &mut conn,
            &NewRound {
                template: &t,
                quarter,
                closes_on: launch_at.date() + Duration::days(14),
                k: rs.k,
                comment_threshold: rs.comment_threshold,
                merges: Vec::new(),
                timezone: rs.timezone,
            },
            launch_at,
            ACTOR,
        )?;
        let launched = rounds::launch_with(&mut conn, id, &t, launch_at, ACTOR)?;
        Ok((id, launched.invitations))
    })
    .await?;

    let stats = OutboxWorker::new(pool.clone(), mailer, settings.clone())
        .with_recaps(crate::app::actions::recap::outbox_source(
            &settings,
            Default::default(),
        ))
        .drain()
        .await?;

    let (p, t, id) = (pool.clone(), template.clone(), round_id);
    let answered = blocking(move || {
        let mut conn = db::pool::checkout(&p)?;
        links::with_fast_commits(&mut conn, |conn| {
            let mut rng = history::rng_for(HISTORY as u64);
            let invitees = links::invitees(conn, id)?;
            let n = (story::CURRENT_ANSWERED * invitees.len() as f64).round() as usize;
            let picked = history::pick(&invitees, n, &mut rng);
            let mut chosen = Vec::with_capacity(n);
            for (dept, members) in history::by_department(&picked) {
                let profiles = profiles::csat(story::csat(HISTORY, dept), members.len(), &mut rng);
                chosen.extend(members.into_iter().zip(profiles));
            }
            history::submit_all(conn, &t, id, &chosen, HISTORY, &mut rng, |_| now)
        })
    })
    .await?;

    Ok(CurrentReport {
        round_id,
        quarter: quarter.to_string(),
        invited,
        emailed: stats.sent,
        answered,
    })
}

/// The round settings the demo uses, from the service's settings.
pub fn round_settings(s: &Settings) -> RoundSettings<'_> {
    RoundSettings {
        k: s.anonymity.round_k(),
        comment_threshold: s.anonymity.round_comment_threshold(s.anonymity.round_k()),
        timezone: &s.timezone,
        fiscal_year_start_month: s.fiscal_year_start_month,
        seal: crate::app::rounds::SealOptions {
            driver_min_respondents: s.drivers.min_respondents,
        },
    }
}
