//! The words of the admin pages' bodies, read from `locales/<code>/admin.ftl`: [`Body`] holds
//! the fixed words the templates show; the messages with figures are formatted by the pages
//! and listed in [`FORMATTED`] so the Fluent tests hold every language to them.

use crate::domain::locale::Locale;
use crate::domain::round::RoundStatus;
use crate::domain::schedule::Step;

crate::i18n::fluent_struct! {
    /// The fixed words of the rounds list and a round's page.
    pub struct Body {
        pub title: "adm-title",
        pub roster: "staff-nav-roster",
        pub users: "staff-nav-users",
        pub schedules: "staff-nav-schedules",
        pub departments_link: "adm-departments-link",
        pub create: "adm-create",
        pub rounds: "adm-rounds",
        pub rounds_none: "adm-rounds-none",
        pub col_quarter: "adm-col-quarter",
        pub col_survey: "adm-col-survey",
        pub col_status: "adm-col-status",
        pub col_closes: "adm-col-closes",
        pub col_answered: "adm-col-answered",
        pub col_actions: "adm-col-actions",
        pub details: "adm-details",
        pub preview: "adm-preview",
        pub field_closes: "adm-field-closes",
        pub field_merge: "adm-field-merge",
        pub create_submit: "adm-create-submit",
        pub round_title: "adm-round-title",
        pub back: "adm-back",
        pub round_status: "adm-round-status",
        pub close_heading: "adm-close-heading",
        pub close_submit: "adm-close-submit",
        pub keep_open: "adm-keep-open",
        pub remind_heading: "adm-remind-heading",
        pub back_button: "adm-back-button",
        pub not_now: "adm-not-now",
        pub check_heading: "adm-check-heading",
        pub check_intro: "adm-check-intro",
        pub language: "adm-language",
        pub department: "adm-department",
        pub open_preview: "adm-open-preview",
        pub sample_heading: "adm-sample-heading",
        pub sample_intro: "adm-sample-intro",
        pub send_to: "adm-send-to",
        pub send_sample: "adm-send-sample",
        pub participation: "adm-participation",
        pub not_invited: "adm-not-invited",
        pub participation_caption: "adm-participation-caption",
        pub col_group: "adm-col-group",
        pub col_invited: "adm-col-invited",
        pub col_delivered: "adm-col-delivered",
        pub col_undeliverable: "adm-col-undeliverable",
        pub col_rate: "adm-col-rate",
        pub waves: "adm-waves",
        pub col_sent: "adm-col-sent",
        pub col_by: "adm-col-by",
        pub col_reminders: "adm-col-reminders",
        pub col_reinvites: "adm-col-reinvites",
        pub col_held_back: "adm-col-held-back",
        /// With `{roster}`, where the template puts the link to the roster.
        pub undeliverable_intro: "adm-undeliverable-intro",
    }
}

/// The fixed words in `locale`.
pub fn body(locale: Locale) -> &'static Body {
    Body::of(locale)
}

/// The messages the pages format with figures or read as single words.
pub const FORMATTED: &[&str] = &[
    "adm-roster-summary",
    "adm-progress",
    "adm-next-scheduled",
    "adm-step-launch",
    "adm-step-remind",
    "adm-step-close",
    "adm-status-draft",
    "adm-status-open",
    "adm-status-closed",
    "adm-status-sealed",
    "adm-action-launch",
    "adm-action-remind",
    "adm-action-close",
    "adm-round-closes",
    "adm-round-pending",
    "adm-close-body",
    "adm-remind-nobody",
    "adm-remind-nobody-held",
    "adm-remind-plan",
    "adm-remind-plan-reinvites",
    "adm-remind-held",
    "adm-remind-answered",
    "adm-remind-send",
    "adm-roster-changed",
    "adm-all",
    "adm-waves-caption",
    "adm-by-schedule",
    "adm-by-cli",
    "adm-by-admin",
    "adm-undeliverable",
    "adm-launched",
    "adm-launched-warn",
    "adm-reminded",
    "adm-closed",
    "adm-notice-created",
    "adm-notice-sample-failed",
    "adm-notice-sample-sent",
];

/// The admin pages format their messages the way the dashboard does.
pub use crate::web::pages::dash_words::{say, say_n, word};

/// A round's status as a word.
pub fn status(locale: Locale, s: RoundStatus) -> &'static str {
    word(
        locale,
        match s {
            RoundStatus::Draft => "adm-status-draft",
            RoundStatus::Open => "adm-status-open",
            RoundStatus::Closed => "adm-status-closed",
            RoundStatus::Sealed => "adm-status-sealed",
        },
    )
}

/// A schedule's step in words.
pub fn step(locale: Locale, s: Step) -> String {
    match s {
        Step::Launch => word(locale, "adm-step-launch").to_string(),
        Step::Remind(d) => say(locale, "adm-step-remind", &[("day", &d.to_string())]),
        Step::Close => word(locale, "adm-step-close").to_string(),
    }
}

/// `text` HTML-escaped, with the first occurrence of each of `numbers` in bold.
pub fn strong_numbers(text: &str, numbers: &[String]) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut out = String::new();
    let mut rest = text;
    for n in numbers {
        if let Some(at) = rest.find(n.as_str()) {
            out.push_str(&escape(&rest[..at]));
            out.push_str(&format!("<strong>{}</strong>", escape(n)));
            rest = &rest[at + n.len()..];
        }
    }
    out.push_str(&escape(rest));
    out
}

/// Every Fluent key of the admin pages' bodies.
pub fn keys() -> Vec<&'static str> {
    [Body::keys(), FORMATTED.to_vec()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_bold_and_the_rest_is_escaped() {
        assert_eq!(
            strong_numbers("14 people & 3 <others>", &["14".into(), "3".into()]),
            "<strong>14</strong> people &amp; <strong>3</strong> &lt;others&gt;"
        );
    }
}
