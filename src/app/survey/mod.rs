//! The respondent's use cases: follow an emailed link, see the form, submit answers.
//!
//! The survey is the service's hottest path, so two in-memory caches sit beside the database:
//! templates parsed once per content hash, and links read a moment ago (`recent`). Both are
//! hints for speed only; every write re-checks link, flag and round in the database.

pub mod recent;
pub mod templates;

use crate::domain::ids::RoundId;
use std::collections::BTreeMap;
use std::sync::Arc;

use time::PrimitiveDateTime;

use self::recent::RecentLinks;
use self::templates::ParsedTemplates;
use crate::db::survey;
/// What following a link and submitting return, as the repository reads it.
pub use crate::db::survey::{Checked, LinkState, Respondent, Submitted, SurveyRound, Throttle};
use crate::db::throttle::{self, AttemptKind};
use crate::db::{DbConnection, DbError};
use crate::domain::department::Membership;
use crate::domain::locale::Locale;
use crate::domain::survey_form::{self, Validation};
use crate::domain::template::Template;

/// The survey's caches (one per server process).
#[derive(Clone, Copy)]
pub struct Caches<'a> {
    pub templates: &'a ParsedTemplates,
    pub links: &'a RecentLinks,
}

/// How following an emailed link ended.
#[derive(Debug)]
pub enum Followed {
    /// Too many unknown links from this client: retry after this many seconds.
    Throttled { retry_after: i64 },
    /// What the link leads to.
    Link(LinkState),
}

/// Follows an emailed link: refuses a client that guessed too many unknown links, looks the
/// link up, counts an unknown one against the client, and remembers an open one for the form
/// that follows. `token_hash` is `None` for a token not of our shape (never looked up).
pub fn follow_link(
    conn: &mut DbConnection,
    caches: Caches<'_>,
    token_hash: Option<&str>,
    client: &str,
    now: PrimitiveDateTime,
) -> Result<Followed, DbError> {
    // A blocked client is told so whatever its link leads to, so guessing learns nothing;
    // the lookup may read the throttle in the same round trip (`lookup_for`).
    let (state, throttled) = match token_hash {
        Some(hash) => survey::lookup_for(conn, hash, client, now)?,
        None => (LinkState::Unknown, Throttle::Unread),
    };
    let wait = match throttled {
        Throttle::Read(wait) => wait,
        Throttle::Unread => {
            throttle::retry_after(conn, AttemptKind::SurveyLink, None, client, now)?
        }
    };
    if let Some(wait) = wait {
        return Ok(Followed::Throttled { retry_after: wait });
    }
    match (&state, token_hash) {
        (LinkState::Unknown, _) => {
            throttle::record(conn, AttemptKind::SurveyLink, None, client, now)?;
        }
        (LinkState::Open(r), Some(hash)) => caches.links.remember(hash, r),
        _ => {}
    }
    Ok(Followed::Link(state))
}

/// The form's link and, when it is open, its round's template, from memory alone: the lookup
/// the link made a moment ago (the redirect to the form). `None` when it must be read.
pub fn form_from_memory(
    caches: Caches<'_>,
    token_hash: &str,
    round_id: RoundId,
    now: PrimitiveDateTime,
) -> Option<(Respondent, Arc<Template>)> {
    let r = caches.links.get(token_hash, round_id, recent::FORM_FRESH)?;
    let t = caches.templates.get(&r.round.template_hash)?;
    r.round.accepts_answers(now).then_some((r, t))
}

/// The form's link and, when it is open, its round's template, from the database (then
/// remembered for the submission). An open link whose stored template does not load is an
/// error: the round cannot be answered until that is fixed.
pub fn form(
    conn: &mut DbConnection,
    caches: Caches<'_>,
    token_hash: &str,
    now: PrimitiveDateTime,
) -> Result<Form, SurveyError> {
    Ok(match survey::lookup(conn, token_hash, now)? {
        LinkState::Open(r) => {
            caches.links.remember(token_hash, &r);
            let template = template_of(conn, caches, &r.round, r.locale)?;
            Form::Open(r, template)
        }
        other => Form::Not(other),
    })
}

/// What the form page shows.
#[derive(Debug)]
pub enum Form {
    /// The form of an open invitation.
    Open(Respondent, Arc<Template>),
    /// Not an open invitation (answered, closed, unknown).
    Not(LinkState),
}

/// The template a round stores: from memory, or read and parsed now.
fn template_of(
    conn: &mut DbConnection,
    caches: Caches<'_>,
    round: &SurveyRound,
    locale: Locale,
) -> Result<Arc<Template>, SurveyError> {
    if let Some(t) = caches.templates.get(&round.template_hash) {
        return Ok(t);
    }
    let unreadable = |reason: String| SurveyError::TemplateUnreadable {
        round: round.id,
        reason,
        locale,
    };
    let stored = survey::round_with_template(conn, round.id)?
        .ok_or_else(|| unreadable("the round is gone".into()))?;
    let parsed = stored.template().map_err(|e| unreadable(e.to_string()))?;
    Ok(caches.templates.insert(&stored.template_hash, parsed))
}

/// Why a submission's answers were not stored (nothing was written).
#[derive(Debug)]
pub enum Refusal {
    /// Fields that no form of ours sends.
    Forged,
    /// Answers to correct: the form again, with what was kept.
    Mistakes {
        problems: BTreeMap<String, survey_form::Problem>,
        kept: BTreeMap<String, String>,
        template: Arc<Template>,
    },
}

/// Validates a submission's fields against the respondent's questions and stores the answers,
/// looking the link up once (`db::survey::submit_checked`; the store re-checks it). `ignored`
/// names fields the page adds that are not answers (the CSRF token).
pub fn submit(
    conn: &mut DbConnection,
    caches: Caches<'_>,
    round_id: RoundId,
    token_hash: &str,
    fields: &[(String, String)],
    ignored: &[&str],
    now: PrimitiveDateTime,
) -> Result<Checked<Refusal>, SurveyError> {
    // Checked with the template only when it is already in memory; otherwise it is parsed
    // once, then the submission checked and stored.
    enum Refused {
        Not(Refusal),
        NoTemplate,
    }
    let check = |respondent: &Respondent| {
        let template = caches
            .templates
            .get(&respondent.round.template_hash)
            .ok_or(Refused::NoTemplate)?;
        let department = match respondent.department {
            Membership::Department(d) => Some(d),
            Membership::Board => None,
        };
        let questions: Vec<_> = template.questions_for(department).collect();
        match survey_form::validate(&questions, fields, ignored) {
            Err(_) => Err(Refused::Not(Refusal::Forged)),
            Ok(Validation::Mistakes { problems, kept }) => Err(Refused::Not(Refusal::Mistakes {
                problems,
                kept,
                template: template.clone(),
            })),
            Ok(Validation::Valid(a)) => Ok(a),
        }
    };
    let known = caches.links.get(token_hash, round_id, recent::KEPT_FOR);
    let looked_up = known.is_none();
    let mut outcome = survey::submit_checked(conn, round_id, token_hash, now, known, check)?;
    if let Checked::Refused(r, Refused::NoTemplate) = outcome {
        template_of(conn, caches, &r.round, r.locale)?;
        outcome = survey::submit_checked(conn, round_id, token_hash, now, Some(r), check)?;
    }
    let outcome = match outcome {
        Checked::Refused(r, Refused::Not(why)) => Checked::Refused(r, why),
        // Parsed a moment ago and still not in memory: the cache refused it.
        Checked::Refused(r, Refused::NoTemplate) => {
            return Err(SurveyError::TemplateUnreadable {
                round: r.round.id,
                reason: "not kept after parsing".into(),
                locale: r.locale,
            })
        }
        Checked::Stored(r) => Checked::Stored(r),
        Checked::Not(n, l) => Checked::Not(n, l),
    };
    match &outcome {
        // Remember what this submission read; a remembered entry keeps its own age.
        Checked::Refused(r, _) if looked_up => caches.links.remember(token_hash, r),
        Checked::Refused(..) => {}
        Checked::Stored(_) | Checked::Not(..) => caches.links.forget(token_hash),
    }
    Ok(outcome)
}

/// What can go wrong answering a survey, beyond what the respondent can correct.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    /// The round's stored template does not load, so its form cannot be shown or checked.
    #[error("the survey template stored in round {round} does not load: {reason}")]
    TemplateUnreadable {
        round: RoundId,
        reason: String,
        /// The respondent's language, for the page that says so.
        locale: Locale,
    },
    #[error(transparent)]
    Db(#[from] DbError),
}
