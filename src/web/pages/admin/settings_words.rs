//! The words of the settings pages (departments, users, a password shown once, schedules,
//! the audit log), read from `locales/<code>/settings.ftl`: one struct of fixed words per
//! page, and the sentences the handlers format, listed in [`FORMATTED`] so the Fluent tests
//! hold every language to them.

use crate::app::accounts::UserError;
use crate::auth::Role;
use crate::domain::department::{WeightError, MAX_WEIGHT};
use crate::domain::locale::Locale;

use super::words::{say, word};

crate::i18n::fluent_struct! {
    /// `/admin/departments`.
    pub struct Departments {
        pub title: "adm-departments-link",
        pub intro: "dep-intro",
        pub notice: "dep-notice",
        pub col_department: "dep-col-department",
        pub col_weight: "dep-col-weight",
        pub col_share: "dep-col-share",
        pub help: "dep-help",
        pub save: "dep-save",
    }
}

crate::i18n::fluent_struct! {
    /// `/admin/users`.
    pub struct Users {
        pub title: "staff-nav-users",
        pub intro: "usr-intro",
        pub col_email: "staff-field-email",
        pub col_role: "usr-col-role",
        pub col_status: "usr-col-status",
        pub col_last: "usr-col-last",
        pub col_actions: "usr-col-actions",
        pub you: "usr-you",
        pub change: "usr-change",
        pub active: "usr-active",
        pub disabled: "usr-disabled",
        pub disable: "usr-disable",
        pub enable: "usr-enable",
        pub new_password: "usr-new-password",
        pub add_heading: "usr-add-heading",
        pub add_submit: "usr-add-submit",
        pub add_help: "usr-add-help",
    }
}

crate::i18n::fluent_struct! {
    /// The page that shows a new password once.
    pub struct Password {
        pub title: "pwd-title",
        pub created: "pwd-created",
        pub reset: "pwd-reset",
        pub once: "pwd-once",
        pub back: "pwd-back",
    }
}

crate::i18n::fluent_struct! {
    /// `/admin/schedules`.
    pub struct Schedules {
        pub title: "staff-nav-schedules",
        pub list_heading: "sch-list-heading",
        pub col_survey: "sch-col-survey",
        pub col_launch: "sch-col-launch",
        pub col_open: "sch-col-open",
        pub col_reminders: "sch-col-reminders",
        pub col_quarter: "sch-col-quarter",
        pub col_next: "sch-col-next",
        pub remove: "sch-remove",
        pub disabled: "sch-disabled",
        pub set_heading: "sch-set-heading",
        pub set_help: "sch-set-help",
        pub field_launch: "sch-field-launch",
        pub field_open: "sch-field-open",
        pub field_reminders: "sch-field-reminders",
        pub field_merge: "sch-field-merge",
        pub field_enabled: "sch-field-enabled",
        pub save: "sch-save",
        pub recent: "sch-recent",
        pub col_when: "sch-col-when",
        pub col_step: "sch-col-step",
        pub col_outcome: "sch-col-outcome",
    }
}

crate::i18n::fluent_struct! {
    /// `/admin/audit`.
    pub struct Audit {
        pub title: "staff-nav-audit",
        pub empty: "aud-empty",
        pub col_when: "aud-col-when",
        pub col_who: "aud-col-who",
        pub col_action: "aud-col-action",
        pub col_object: "aud-col-object",
        pub col_detail: "aud-col-detail",
    }
}

/// The messages the handlers format with figures and names, or read as single words.
pub const FORMATTED: &[&str] = &[
    "dep-none-changed",
    "dep-changed",
    "dep-nothing-saved",
    "dep-error-range",
    "dep-error-number",
    "dep-error-all-zero",
    "usr-added",
    "usr-role-of",
    "usr-never",
    "usr-role-cto",
    "usr-role-board",
    "usr-role-admin",
    "usr-notice-disabled",
    "usr-notice-enabled",
    "usr-notice-role",
    "usr-error-email",
    "usr-error-role",
    "usr-error-exists",
    "usr-error-not-found",
    "usr-error-last-admin",
    "pwd-account-created",
    "pwd-account-reset",
    "pwd-give",
    "sch-intro",
    "sch-none",
    "sch-merging",
    "sch-days-open",
    "sch-reminders-none",
    "sch-reminders-days",
    "sch-date-launch",
    "sch-date-remind",
    "sch-date-last",
    "sch-next",
    "sch-next-none",
    "sch-error-launch-day",
    "sch-error-days-open",
    "sch-saved",
    "sch-removed",
    "aud-intro",
];

/// `text` split at the one `\u{1}` a placeholder was filled with, for a template that puts
/// markup there (a link, bold text, code).
pub fn split_mark(text: String) -> (String, String) {
    match text.split_once('\u{1}') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (text, String::new()),
    }
}

/// The message `key` with `mark` left as `\u{1}` and split there, the other variables filled.
pub fn around(locale: Locale, key: &str, mark: &str, args: &[(&str, &str)]) -> (String, String) {
    let mut all = vec![(mark, "\u{1}")];
    all.extend_from_slice(args);
    split_mark(say(locale, key, &all))
}

/// A role's name in the users page's menus and notices.
pub fn role(locale: Locale, r: Role) -> &'static str {
    word(
        locale,
        match r {
            Role::Cto => "usr-role-cto",
            Role::Board => "usr-role-board",
            Role::Admin => "usr-role-admin",
        },
    )
}

/// What is wrong with a weight, in `locale`.
pub fn weight_error(locale: Locale, e: &WeightError) -> String {
    let name = |d| crate::charts::copy::department_name(locale, d);
    match e {
        WeightError::OutOfRange { dept, value } => say(
            locale,
            "dep-error-range",
            &[
                ("department", name(*dept)),
                ("max", &MAX_WEIGHT.to_string()),
                ("value", &value.to_string()),
            ],
        ),
        WeightError::NotANumber { dept, text } => say(
            locale,
            "dep-error-number",
            &[("department", name(*dept)), ("text", text)],
        ),
        WeightError::AllZero => word(locale, "dep-error-all-zero").to_string(),
    }
}

/// Why an account change was refused, in `locale`; `None` for a database failure.
pub fn user_error(locale: Locale, e: &UserError) -> Option<String> {
    let (key, email) = match e {
        UserError::Exists(email) => ("usr-error-exists", email),
        UserError::NotFound(email) => ("usr-error-not-found", email),
        UserError::LastAdmin(email) => ("usr-error-last-admin", email),
        UserError::Db(_) => return None,
    };
    Some(say(locale, key, &[("email", email)]))
}

/// Every Fluent key of the settings pages.
pub fn keys() -> Vec<&'static str> {
    [
        Departments::keys(),
        Users::keys(),
        Password::keys(),
        Schedules::keys(),
        Audit::keys(),
        FORMATTED.to_vec(),
    ]
    .concat()
}
