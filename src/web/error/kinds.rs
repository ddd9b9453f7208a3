//! The kind of failure of each application error a handler can meet — decided here once, so
//! every area that wraps one answers it the same way.

use actix_web::error::BlockingError;

use super::{Kind, Localized, WebError};
use crate::app::accounts::UserError;
use crate::app::commentary::CommentaryError;
use crate::app::inflection::InflectionError;
use crate::app::rounds::RoundError;
use crate::app::scorecard::ScorecardError;
use crate::db::DbError;

/// A database that is down or busy may answer a retry; anything else is our fault, except a
/// seal that gave way to other readers of the answers, which the admin is told as such.
impl WebError for DbError {
    fn kind(&self) -> Kind {
        if let DbError::AnswersInUse(_) = self {
            Kind::Conflict
        } else if self.is_transient() {
            Kind::Unavailable
        } else {
            Kind::Internal
        }
    }
}

impl WebError for BlockingError {
    fn kind(&self) -> Kind {
        Kind::Internal
    }
}

/// A page that does not render is a defect of ours.
impl WebError for askama::Error {
    fn kind(&self) -> Kind {
        Kind::Internal
    }
}

impl WebError for RoundError {
    fn kind(&self) -> Kind {
        use RoundError as E;
        match self {
            E::NotFound(_) => Kind::NotFound,
            E::Exists { .. } | E::WrongStatus { .. } | E::NotClosed { .. } | E::TemplateGone(_) => {
                Kind::Conflict
            }
            E::ClosePassed(_) | E::NoInvitees(_) | E::Invalid(_) | E::BelowStrictFloor { .. } => {
                Kind::BadRequest
            }
            E::Db(d) => d.kind(),
            E::StoredTemplate(_) | E::Message(_) => Kind::Internal,
        }
    }
}

impl WebError for crate::app::schedules::ScheduleUseError {
    fn kind(&self) -> Kind {
        use crate::app::schedules::ScheduleUseError as E;
        match self {
            E::Invalid(_) | E::NoSurvey(..) | E::Merge(_) => Kind::BadRequest,
            E::NotScheduled(_) => Kind::NotFound,
            E::Round(r) => r.kind(),
            E::Db(d) => d.kind(),
            E::Stored { .. } | E::TimeZone(_) => Kind::Internal,
        }
    }
}

impl WebError for ScorecardError {
    fn kind(&self) -> Kind {
        use ScorecardError as E;
        match self {
            E::NoClosedRound(_) | E::NothingClosed | E::NoResults(_) => Kind::NotFound,
            E::RoundOpen { .. } => Kind::Conflict,
            E::Round(r) => r.kind(),
            E::Db(d) => d.kind(),
            E::Engine(_) | E::Template { .. } => Kind::Internal,
        }
    }

    fn localized(&self) -> Option<Localized> {
        use ScorecardError as E;
        match self {
            E::NoClosedRound(quarter) => Some(Localized {
                key: "staff-error-no-closed-round",
                args: vec![("quarter", quarter.clone())],
            }),
            E::NothingClosed => Some(Localized::plain("staff-error-nothing-closed")),
            _ => None,
        }
    }
}

/// The Fluent keys [`WebError::localized`] answers with, here and in `pages::PageError`.
pub const FLUENT_KEYS: [&str; 7] = [
    "staff-error-no-closed-round",
    "staff-error-nothing-closed",
    "staff-error-quarter",
    "staff-error-date",
    "staff-error-no-user",
    "staff-error-not-multipart",
    "staff-error-form-nul",
];

impl WebError for InflectionError {
    fn kind(&self) -> Kind {
        use InflectionError as E;
        match self {
            E::UnknownPoint(_) | E::NoAssessment { .. } => Kind::NotFound,
            E::Invalid(_) => Kind::BadRequest,
            E::Db(d) => d.kind(),
        }
    }
}

impl WebError for CommentaryError {
    fn kind(&self) -> Kind {
        match self {
            CommentaryError::TooLong(_) => Kind::BadRequest,
            CommentaryError::Db(d) => d.kind(),
        }
    }
}

impl WebError for UserError {
    fn kind(&self) -> Kind {
        match self {
            UserError::NotFound(_) => Kind::NotFound,
            UserError::Exists(_) | UserError::LastAdmin(_) => Kind::Conflict,
            UserError::Db(d) => d.kind(),
        }
    }
}

/// A bad calendar file or input is the caller's to fix; the file error names the line.
impl WebError for crate::app::time_split::TimeSplitError {
    fn kind(&self) -> Kind {
        use crate::app::time_split::TimeSplitError as E;
        use crate::domain::time_split::ImportError;
        match self {
            E::File {
                source: ImportError::TooLarge { .. },
                ..
            } => Kind::TooLarge,
            E::File { .. } | E::Invalid(_) => Kind::BadRequest,
            E::NotFound(_) => Kind::NotFound,
            E::Db(e) => e.kind(),
        }
    }
}

impl WebError for crate::app::actions::ActionsError {
    fn kind(&self) -> Kind {
        use crate::app::actions::ActionsError as E;
        match self {
            E::NotFound(_) => Kind::NotFound,
            E::NotSealed { .. } => Kind::Conflict,
            E::OtherQuarter { .. } | E::Link { .. } | E::Invalid(_) => Kind::Unprocessable,
            E::Round(r) => r.kind(),
            E::Db(d) => d.kind(),
        }
    }
}

impl WebError for crate::app::actions::follow::FollowError {
    fn kind(&self) -> Kind {
        use crate::app::actions::follow::FollowError as E;
        match self {
            E::Actions(a) => a.kind(),
            E::Scorecard(s) => s.kind(),
        }
    }
}
