//! The staff pages' language: the [`Lang`] extractor and the chrome every staff page shares
//! (the navigation, the sign-out button, `<html lang>`).
//!
//! Staff accounts keep no language of their own, so a page follows the browser's
//! Accept-Language and, when it names no supported language, the configured default.

pub mod words;

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};

use crate::app::survey_page::copy::accept_language;
use crate::auth::{Identity, Role};
use crate::domain::locale::Locale;
use crate::web::state::AppState;

use self::words::Chrome;

/// The language a staff page is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(pub Locale);

impl Lang {
    /// The language of the page `req` asks for.
    pub fn of(req: &HttpRequest) -> Lang {
        let header = req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let default = req
            .app_data::<web::Data<AppState>>()
            .map_or(Locale::En, |s| s.settings.default_locale);
        Lang(accept_language(header).unwrap_or(default))
    }
}

impl FromRequest for Lang {
    type Error = std::convert::Infallible;
    type Future = Ready<Result<Lang, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang::of(req)))
    }
}

/// The navigation and words of the staff layout (`templates/staff/layout.html`).
#[derive(Clone)]
pub struct Nav {
    /// `<html lang>`.
    pub lang: &'static str,
    /// (path, label, whether it is the current page).
    pub items: Vec<(&'static str, &'static str, bool)>,
    /// The signed-in role's name.
    pub role: &'static str,
    pub w: &'static Chrome,
}

/// The Fluent keys of the navigation's labels, the roles' names and the dashboard's notices.
pub const FLUENT_KEYS: [&str; 20] = [
    "staff-nav-dashboard",
    "staff-nav-time",
    "staff-nav-board",
    "staff-nav-admin",
    "staff-nav-schedules",
    "staff-nav-roster",
    "staff-nav-departments",
    "staff-nav-actions",
    "staff-nav-users",
    "staff-nav-audit",
    "staff-role-cto",
    "staff-role-board",
    "staff-role-admin",
    "staff-notice-commentary-saved",
    "staff-notice-point-added",
    "staff-notice-assessment-saved",
    "staff-notice-disputed",
    "staff-notice-confirmed",
    "staff-notice-action-recorded",
    "staff-notice-action-updated",
];

/// The staff navigation for `who`'s role, `current` marked, in `lang`.
pub fn nav(who: &Identity, current: &str, lang: Lang) -> Nav {
    let items: &[(&str, &str)] = match who.role {
        Role::Cto => &[
            ("/dashboard", "staff-nav-dashboard"),
            ("/dashboard/time", "staff-nav-time"),
        ],
        Role::Board => &[("/board", "staff-nav-board")],
        Role::Admin => &[
            ("/admin", "staff-nav-admin"),
            ("/admin/schedules", "staff-nav-schedules"),
            ("/admin/roster", "staff-nav-roster"),
            ("/admin/departments", "staff-nav-departments"),
            ("/admin/actions", "staff-nav-actions"),
            ("/admin/users", "staff-nav-users"),
            ("/admin/audit", "staff-nav-audit"),
            ("/dashboard/time", "staff-nav-time"),
        ],
    };
    let t = |key| crate::i18n::template(lang.0, key);
    Nav {
        lang: lang.0.code(),
        items: items
            .iter()
            .map(|(h, key)| (*h, t(key), *h == current))
            .collect(),
        role: t(match who.role {
            Role::Cto => "staff-role-cto",
            Role::Board => "staff-role-board",
            Role::Admin => "staff-role-admin",
        }),
        w: words::chrome(lang.0),
    }
}
