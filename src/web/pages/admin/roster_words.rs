//! The roster page's words in the reader's language (`ros-*` in `admin.ftl`): the fixed ones,
//! and the check report's sentences. Counts reach Fluent twice: `$n`/`$rows` as a number, so
//! the plural form follows it, and `$shown` as text, its digits grouped as the language
//! writes them ("10,000", "10.000").

use crate::app::roster::ImportReport;
use crate::domain::locale::Locale;
use crate::i18n::Arg;

use super::roster::CheckReport;
use super::words::{say_n, strong_numbers};

crate::i18n::fluent_struct! {
    /// The roster page's fixed words.
    pub struct Body {
        pub title: "staff-nav-roster",
        pub col_department: "ros-col-department",
        pub col_people: "ros-col-people",
        pub col_active: "ros-col-active",
        pub nothing_yet: "ros-nothing-yet",
        /// With `{import}`, where the template puts the button's name in bold.
        pub press_import: "ros-press-import",
        pub import: "ros-import",
        pub upload_heading: "ros-upload-heading",
        pub file_label: "ros-file-label",
        pub deactivate_file: "ros-deactivate-file",
        pub check_file: "ros-check-file",
        pub paste_heading: "ros-paste-heading",
        pub paste_intro: "ros-paste-intro",
        pub csv_label: "ros-csv-label",
        pub deactivate_text: "ros-deactivate-text",
        pub check: "ros-check",
    }
}

/// The fixed words in `locale`.
pub fn body(locale: Locale) -> &'static Body {
    Body::of(locale)
}

/// The messages formatted with counts.
pub const FORMATTED: &[&str] = &[
    "ros-summary",
    "ros-upload-intro",
    "ros-errors-heading",
    "ros-errors-more",
    "ros-valid",
    "ros-will-add",
    "ros-will-update",
    "ros-will-update-reactivated",
    "ros-will-leave",
    "ros-will-deactivate",
    "ros-will-keep",
    "ros-missing-summary",
    "ros-missing-more",
    "ros-confirm-file",
    "ros-import-rows",
    "ros-imported-deactivated",
    "ros-imported-kept",
    "ros-nothing-written",
    "ros-too-large",
    "ros-choose-file",
    "ros-not-checked",
];

/// `key` with `count` as `$n` and `$shown`, and further text variables.
fn counted(locale: Locale, key: &str, count: usize, text: &[(&str, &str)]) -> String {
    let shown = grouped(locale, count);
    let mut args = vec![
        ("n", Arg::Count(u64::try_from(count).unwrap_or(0))),
        ("shown", Arg::Text(&shown)),
    ];
    args.extend(text.iter().map(|(k, v)| (*k, Arg::Text(v))));
    say_n(locale, key, &args)
}

/// "N people on the roster, M active."
pub fn summary(locale: Locale, people: usize, active: usize) -> String {
    let active = grouped(locale, active);
    counted(locale, "ros-summary", people, &[("active", &active)])
}

/// The upload form's introduction, split around the CSV header the template shows as code.
pub fn upload_intro(locale: Locale, max_mb: usize) -> (String, String) {
    let mb = max_mb.to_string();
    let text = crate::i18n::format(
        locale,
        "ros-upload-intro",
        &[("header", "\u{1}"), ("mb", &mb)],
    );
    match text.split_once('\u{1}') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (text, String::new()),
    }
}

/// A check report's sentences. `will` lines are HTML (escaped, counts in bold).
pub struct ReportWords {
    pub errors_heading: String,
    pub errors_more: Option<String>,
    pub valid: String,
    pub will: Vec<String>,
    pub missing_summary: String,
    pub missing_more: Option<String>,
    pub confirm_file: String,
    pub import_rows: String,
}

impl ReportWords {
    /// The words of `r` in `locale`.
    pub fn of(r: &CheckReport, locale: Locale) -> ReportWords {
        let source = r.source.as_str();
        let rows = |key: &str, text: &[(&str, &str)]| counted(locale, key, r.rows, text);
        let errors_total = grouped(locale, r.errors_total);
        let errors_more = r.errors_total.saturating_sub(r.errors.len());
        let mut will = Vec::new();
        let (mut missing_total, mut missing_more) = (0, None);
        if let Some(w) = &r.would {
            will = will_lines(w, r.deactivate_missing, locale);
            missing_total = w.missing.len();
            let more = missing_total.saturating_sub(r.missing_shown.len());
            missing_more = (more > 0).then(|| counted(locale, "ros-missing-more", more, &[]));
        }
        ReportWords {
            errors_heading: rows(
                "ros-errors-heading",
                &[("errors", &errors_total), ("source", source)],
            ),
            errors_more: (errors_more > 0)
                .then(|| counted(locale, "ros-errors-more", errors_more, &[])),
            valid: rows("ros-valid", &[("source", source)]),
            will,
            missing_summary: counted(locale, "ros-missing-summary", missing_total, &[]),
            missing_more,
            confirm_file: crate::i18n::format(locale, "ros-confirm-file", &[("source", source)]),
            import_rows: rows("ros-import-rows", &[]),
        }
    }
}

/// What an import would do, one line each.
fn will_lines(w: &ImportReport, deactivate: bool, locale: Locale) -> Vec<String> {
    let line = |key: &str, count: usize, text: &[(&str, &str)]| {
        strong_numbers(
            &counted(locale, key, count, text),
            &[grouped(locale, count)],
        )
    };
    let reactivated = grouped(locale, w.reactivated);
    let missing = w.missing.len();
    vec![
        line("ros-will-add", w.added, &[]),
        if w.reactivated > 0 {
            line(
                "ros-will-update-reactivated",
                w.updated,
                &[("reactivated", &reactivated)],
            )
        } else {
            line("ros-will-update", w.updated, &[])
        },
        line("ros-will-leave", w.unchanged, &[]),
        if deactivate {
            line("ros-will-deactivate", missing, &[])
        } else {
            line("ros-will-keep", missing, &[])
        },
    ]
}

/// The notice after an import: what changed, and what happened to people missing from the file.
pub fn imported(locale: Locale, r: &ImportReport, deactivate: bool) -> String {
    let n = |c: usize| Arg::Count(u64::try_from(c).unwrap_or(0));
    let key = if deactivate {
        "ros-imported-deactivated"
    } else {
        "ros-imported-kept"
    };
    say_n(
        locale,
        key,
        &[
            ("added", n(r.added)),
            ("updated", n(r.updated)),
            ("unchanged", n(r.unchanged)),
            ("missing", n(r.missing.len())),
        ],
    )
}

/// `n` with its digits grouped as `locale` writes them.
pub fn grouped(locale: Locale, n: usize) -> String {
    crate::i18n::count(locale, u64::try_from(n).unwrap_or(u64::MAX))
}

/// Every Fluent key of the roster page.
pub fn keys() -> Vec<&'static str> {
    [Body::keys(), FORMATTED.to_vec()].concat()
}
