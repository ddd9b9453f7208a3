//! The survey pages' own words (the questions come from the template), read once from
//! `locales/<code>/survey.ftl`. Dutch uses "je", German "du" and Korean the polite 합니다/-요
//! style, as the templates do.

use time::Date;

use crate::domain::locale::Locale;
use crate::domain::survey_form::Problem;
use crate::i18n::date_long;

/// The promises that carry a count (the anonymity thresholds): formatted whole, so Fluent
/// picks the plural form ("at least 1 person", "at least 5 people").
pub(crate) const COUNT_KEYS: [&str; 2] = ["survey-promise-groups", "survey-promise-comments"];

crate::i18n::fluent_struct! {
    /// Every fixed string of the respondent's pages.
    pub struct Copy {
        pub promise_title: "survey-promise-title",
        pub promise_nobody: "survey-promise-nobody",
        pub promise_unanimous: "survey-promise-unanimous",
        /// Said on the first page while strict mode (works council) is on.
        pub promise_strict: "survey-promise-strict",
        pub required_note: "survey-required-note",
        pub optional: "survey-optional",
        pub not_applicable: "survey-not-applicable",
        pub submit: "survey-submit",
        pub errors_title: "survey-errors-title",
        /// Starts the page title after a failed submit, so the change is heard before the form.
        pub error_prefix: "survey-error-prefix",
        pub problem_required: "survey-problem-required",
        pub problem_range: "survey-problem-range",
        pub problem_too_long: "survey-problem-too-long",
        pub comment_hint: "survey-comment-hint",
        pub thanks_title: "survey-thanks-title",
        pub thanks_body: "survey-thanks-body",
        pub answered_title: "survey-answered-title",
        pub answered_body: "survey-answered-body",
        pub closed_title: "survey-closed-title",
        /// With `{date}` (the close date, as [`date_long`] writes it) and `{tz}`.
        pub closed_body: "survey-closed-body",
        /// As `closed_body`, for a round closed by hand before its close date.
        pub closed_early_body: "survey-closed-early-body",
        pub unknown_title: "survey-unknown-title",
        pub unknown_body: "survey-unknown-body",
        pub no_cookie_title: "survey-no-cookie-title",
        pub no_cookie_body: "survey-no-cookie-body",
        pub forged_title: "survey-forged-title",
        pub forged_body: "survey-forged-body",
        pub limited_title: "survey-limited-title",
        pub limited_body: "survey-limited-body",
        pub unavailable_title: "survey-unavailable-title",
        pub unavailable_body: "survey-unavailable-body",
        pub preview_banner: "survey-preview-banner",
        pub language: "survey-language",
    }
}

impl Copy {
    /// The message for a form problem.
    pub fn problem(&self, p: Problem) -> &'static str {
        match p {
            Problem::Required => self.problem_required,
            Problem::OutOfRange => self.problem_range,
            Problem::TooLong => self.problem_too_long,
        }
    }
}

/// The copy for a locale.
pub fn copy(locale: Locale) -> &'static Copy {
    Copy::of(locale)
}

/// The closed page's text: when the survey closed, in the reader's language. `closed_early`
/// is the day (in `timezone`) a round closed by hand before its close date.
pub fn closed_body(
    locale: Locale,
    closes_on: Date,
    closed_early: Option<Date>,
    timezone: &str,
) -> String {
    let c = copy(locale);
    let (text, day) = match closed_early {
        Some(d) => (c.closed_early_body, d),
        None => (c.closed_body, closes_on),
    };
    text.replace("{date}", &date_long(locale, day))
        .replace("{tz}", timezone)
}

/// Picks a locale from an Accept-Language header (for pages where the respondent is unknown).
pub fn from_accept_language(header: Option<&str>) -> Locale {
    accept_language(header).unwrap_or(Locale::En)
}

/// The first supported language an Accept-Language header names, if any.
pub fn accept_language(header: Option<&str>) -> Option<Locale> {
    header?
        .split(',')
        .filter_map(|part| part.split(';').next())
        .map(|tag| tag.trim().to_ascii_lowercase())
        .find_map(|tag| tag.get(..2)?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            from_accept_language(Some("nl-BE,nl;q=0.9,en;q=0.8")),
            Locale::Nl
        );
        assert_eq!(from_accept_language(Some("fr-FR,ko;q=0.5")), Locale::Ko);
        assert_eq!(from_accept_language(Some("de-DE,ko;q=0.5")), Locale::De);
        assert_eq!(from_accept_language(Some("fr")), Locale::En);
        assert_eq!(from_accept_language(None), Locale::En);
    }

    #[test]
    fn promises_count_people_in_each_language() {
        use crate::i18n::{format_with, Arg};
        let groups = |l, k| format_with(l, "survey-promise-groups", &[("k", Arg::Count(k))]);
        let comments = |l, c| format_with(l, "survey-promise-comments", &[("c", Arg::Count(c))]);
        let en = groups(Locale::En, 1);
        assert!(en.ends_with("at least 1 person."), "{en}");
        assert!(groups(Locale::En, 2).ends_with("at least 2 people."));
        assert!(groups(Locale::En, 1000).ends_with("at least 1,000 people."));
        assert!(groups(Locale::Nl, 1).ends_with("minstens 1 persoon."));
        assert!(groups(Locale::Nl, 12345).ends_with("minstens 12.345 mensen."));
        assert!(groups(Locale::De, 1).ends_with("mindestens 1 Person."));
        assert!(groups(Locale::De, 2).ends_with("mindestens 2 Personen."));
        assert!(groups(Locale::Ko, 12345).contains("12,345명 이상"));
        assert!(comments(Locale::En, 1).contains("at least 1 person, in random order"));
        assert!(comments(Locale::De, 1000).contains("mindestens 1.000 Personen gezeigt"));
        assert!(comments(Locale::Nl, 2).contains("minstens 2 mensen, in willekeurige"));
        assert!(comments(Locale::Ko, 1).contains("1명 이상"));
    }

    #[test]
    fn promise_placeholders_are_present_in_every_locale() {
        for l in Locale::ALL {
            let c = copy(l);
            assert!(c.closed_body.contains("{date}"), "{l}");
            assert!(c.closed_body.contains("{tz}"), "{l}");
            assert!(c.closed_early_body.contains("{date}"), "{l}");
            assert!(c.closed_early_body.contains("{tz}"), "{l}");
        }
    }

    #[test]
    fn the_closed_page_says_when_in_the_readers_language() {
        let d = time::macros::date!(2026 - 12 - 16);
        let ko = closed_body(Locale::Ko, d, None, "Asia/Seoul");
        assert!(
            ko.contains("2026년 12월 16일 하루가 끝날 때(Asia/Seoul 기준)"),
            "{ko}"
        );
        let en = closed_body(Locale::En, d, None, "UTC");
        assert!(en.contains("at the end of 16 December 2026 (UTC)"), "{en}");
        let nl = closed_body(Locale::Nl, d, None, "Europe/Amsterdam");
        assert!(nl.contains("16 december 2026 (Europe/Amsterdam)"), "{nl}");
        let early = closed_body(
            Locale::Ko,
            d,
            Some(time::macros::date!(2026 - 12 - 10)),
            "UTC",
        );
        assert!(
            early.contains("2026년 12월 10일(UTC 기준)에 마감"),
            "{early}"
        );
    }
}
