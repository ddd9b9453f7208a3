//! What a staff page (the dashboard, the board page, the admin pages, the audit log) could
//! not do.

use actix_web::error::BlockingError;

use crate::app::accounts::UserError;
use crate::app::commentary::CommentaryError;
use crate::app::inflection::InflectionError;
use crate::app::rounds::RoundError;
use crate::app::scorecard::ScorecardError;
use crate::app::time_split::TimeSplitError;
use crate::auth::password::HashError;
use crate::auth::roles::UnknownRole;
use crate::db::DbError;
use crate::domain::email::InvalidEmail;
use crate::domain::locale::UnknownLocale;
use crate::domain::quarter::InvalidQuarter;
use crate::domain::round::MergeError;
use crate::web::error::{responds, Kind, Localized, WebError};

/// What a staff page could not do. A use case's error keeps its own words (and its kind,
/// `web::error`'s); the rest name what failed.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("the form contains a NUL character, which no field accepts")]
    FormNul,
    #[error("the form could not be read: {0}")]
    Form(#[from] serde_urlencoded::de::Error),
    #[error("{0}")]
    Quarter(#[from] InvalidQuarter),
    #[error("invalid date {typed:?} (expected YYYY-MM-DD)")]
    Date {
        typed: String,
        #[source]
        source: time::error::Parse,
    },
    #[error("{0}")]
    Merge(#[from] MergeError),
    #[error("no survey template {0:?}")]
    NoTemplate(String),
    #[error("no round action {0:?}")]
    NoRoundAction(String),
    /// The test-send address.
    #[error("{0}")]
    Recipient(#[source] InvalidEmail),
    #[error("{0}")]
    Locale(#[from] UnknownLocale),
    #[error("unknown decision {0:?} (confirm or dispute)")]
    NoDecision(String),
    #[error("{0}")]
    Role(#[from] UnknownRole),
    #[error("no user action {0:?}")]
    NoUserAction(String),
    #[error("no such user")]
    NoUser,
    /// An account's stored email no longer parses.
    #[error("the stored email of user {id} is not valid")]
    StoredEmail {
        id: String,
        #[source]
        source: InvalidEmail,
    },
    #[error("the new password could not be hashed")]
    Password(#[from] HashError),
    #[error("the form has no weight fields (weight_sales, weight_bd, …)")]
    NoWeights,
    #[error("expected a file upload (multipart/form-data)")]
    NotMultipart,
    #[error("{0}")]
    User(#[from] UserError),
    #[error("{0}")]
    Commentary(#[from] CommentaryError),
    #[error("{0}")]
    Inflection(#[from] InflectionError),
    #[error("{0}")]
    Round(#[from] RoundError),
    #[error("{0}")]
    Schedule(#[from] crate::app::schedules::ScheduleUseError),
    #[error("{0}")]
    Scorecard(#[from] ScorecardError),
    #[error("{0}")]
    TimeSplit(#[from] TimeSplitError),
    #[error("{0}")]
    Actions(#[from] crate::app::actions::ActionsError),
    #[error("{0}")]
    Follow(#[from] crate::app::actions::follow::FollowError),
    #[error("choose what the action answers to from the list")]
    ActionTarget,
    #[error("{0}")]
    ActionField(#[from] crate::domain::actions::ActionError),
    #[error("the page could not be rendered")]
    Render(#[from] askama::Error),
    #[error("the page's database work failed")]
    Db(#[from] DbError),
    #[error("no blocking thread for the page")]
    Blocking(#[from] BlockingError),
}

impl WebError for PageError {
    fn kind(&self) -> Kind {
        use PageError as E;
        match self {
            E::FormNul
            | E::Form(_)
            | E::Quarter(_)
            | E::Date { .. }
            | E::Merge(_)
            | E::NoTemplate(_)
            | E::Recipient(_)
            | E::Locale(_)
            | E::NoDecision(_)
            | E::Role(_)
            | E::NoWeights
            | E::NotMultipart
            | E::ActionTarget
            | E::ActionField(_) => Kind::BadRequest,
            E::NoRoundAction(_) | E::NoUserAction(_) | E::NoUser => Kind::NotFound,
            E::StoredEmail { .. } | E::Password(_) => Kind::Internal,
            E::User(e) => e.kind(),
            E::Commentary(e) => e.kind(),
            E::Inflection(e) => e.kind(),
            E::Round(e) => e.kind(),
            E::Schedule(e) => e.kind(),
            E::Scorecard(e) => e.kind(),
            E::TimeSplit(e) => e.kind(),
            E::Actions(e) => e.kind(),
            E::Follow(e) => e.kind(),
            E::Render(e) => e.kind(),
            E::Db(e) => e.kind(),
            E::Blocking(e) => e.kind(),
        }
    }

    fn localized(&self) -> Option<Localized> {
        use PageError as E;
        let with = |key, name, value: &str| Localized {
            key,
            args: vec![(name, value.to_string())],
        };
        match self {
            E::Quarter(InvalidQuarter(typed)) => Some(with("staff-error-quarter", "typed", typed)),
            E::Date { typed, .. } => Some(with("staff-error-date", "typed", typed)),
            E::NoUser => Some(Localized::plain("staff-error-no-user")),
            E::NotMultipart => Some(Localized::plain("staff-error-not-multipart")),
            E::FormNul => Some(Localized::plain("staff-error-form-nul")),
            E::Scorecard(e) => e.localized(),
            _ => None,
        }
    }
}

responds!(PageError);
