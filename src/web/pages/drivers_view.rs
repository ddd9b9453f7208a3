//! The key drivers of a round as the dashboard shows them: per analysis, a table of items
//! (most important first) and the importance × performance grid.

use crate::charts::driver_matrix::driver_matrix_svg;
use crate::domain::locale::Locale;
use crate::domain::scoring::drivers::report::{DriverItem, Priority, TopDriver};
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::Figure;
use crate::domain::template::TemplateSet;
use crate::i18n::Arg;
use crate::web::pages::cards_view::{not_enough, suppression};
use crate::web::pages::dash_words::{say, say_n, word};
use crate::web::pages::words::{decimal, group_label, pct};

/// One item's row.
pub struct DriverRowView {
    pub number: usize,
    pub text: String,
    pub importance: String,
    pub favorable: String,
    pub priority: String,
    pub fix_first: bool,
}

/// One analysis.
pub struct DriverView {
    pub title: String,
    /// The table's name for screen readers.
    pub region: String,
    /// Why there is nothing to show (withheld, too few answers).
    pub note: Option<String>,
    pub fit: String,
    pub rows: Vec<DriverRowView>,
    pub chart: Option<String>,
}

/// The priority in words.
pub fn priority_words(locale: Locale, p: Option<Priority>) -> &'static str {
    let key = match p {
        Some(Priority::FixFirst) => "dash-priority-fix-first",
        Some(Priority::KeepUp) => "dash-priority-keep-up",
        Some(Priority::LowerPriority) => "dash-priority-lower",
        Some(Priority::PossibleOverkill) => "dash-priority-overkill",
        None => return "—",
    };
    word(locale, key)
}

/// Whose figure an analysis explains, in words.
fn whose(locale: Locale, analysis: &str) -> String {
    if analysis == WHOLE_ROUND {
        word(locale, "dash-engineers").to_string()
    } else {
        group_label(locale, analysis)
    }
}

fn importance_words(locale: Locale, d: &DriverItem) -> String {
    say(
        locale,
        "dash-importance",
        &[
            ("share", &pct(locale, d.share_of_r2)),
            ("estimate", &decimal(locale, d.importance.estimate, 2)),
            ("low", &decimal(locale, d.importance.low, 2)),
            ("high", &decimal(locale, d.importance.high, 2)),
        ],
    )
}

/// The driver views of one round in `locale`; `text_of` gives a question's text.
pub fn driver_views(
    locale: Locale,
    r: &RoundReport,
    text_of: &dyn Fn(&str) -> String,
) -> Vec<DriverView> {
    r.drivers
        .iter()
        .map(|d| {
            let who = whose(locale, &d.analysis);
            let title = say(
                locale,
                "dash-driver-title",
                &[("whose", &who), ("outcome", &text_of(&d.outcome))],
            );
            let region = say(locale, "dash-drivers-region", &[("title", &title)]);
            let absent = |key: &str, reason: String| DriverView {
                title: title.clone(),
                region: region.clone(),
                note: Some(say(locale, key, &[("reason", &reason)])),
                fit: String::new(),
                rows: Vec::new(),
                chart: None,
            };
            match &d.figure {
                Figure::Shown { value } => DriverView {
                    title: title.clone(),
                    region: region.clone(),
                    note: None,
                    fit: say_n(
                        locale,
                        "dash-driver-fit",
                        &[
                            (
                                "r2",
                                Arg::Text(&decimal(locale, value.r_squared.estimate, 2)),
                            ),
                            ("low", Arg::Text(&decimal(locale, value.r_squared.low, 2))),
                            ("high", Arg::Text(&decimal(locale, value.r_squared.high, 2))),
                            ("n", Arg::Count(value.n)),
                        ],
                    ),
                    rows: value
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| DriverRowView {
                            number: i + 1,
                            text: text_of(&item.item),
                            importance: importance_words(locale, item),
                            favorable: item
                                .favorable
                                .map(|f| pct(locale, f))
                                .unwrap_or_else(|| word(locale, "dash-withheld-word").into()),
                            priority: priority_words(locale, item.priority).to_string(),
                            fix_first: item.priority == Some(Priority::FixFirst),
                        })
                        .collect(),
                    chart: driver_matrix_svg(value, &who, locale),
                },
                Figure::Suppressed { reason } => {
                    absent("dash-not-shown", suppression(locale, reason))
                }
                Figure::NotEnoughData {
                    reason: Missing::DriversNotComputed,
                } => DriverView {
                    note: Some(word(locale, "dash-drivers-predate").to_string()),
                    ..absent("dash-not-computed", String::new())
                },
                Figure::NotEnoughData { reason } => {
                    absent("dash-not-computed", not_enough(locale, reason))
                }
            }
        })
        .collect()
}

/// A question's text in `locale` from its template, or its key in words.
pub fn question_text(
    templates: &TemplateSet,
    template: Option<&str>,
    key: &str,
    locale: Locale,
) -> String {
    template
        .and_then(|t| templates.get(t))
        .and_then(|t| t.question(key))
        .map(|q| q.text().get(locale).to_string())
        .unwrap_or_else(|| key.replace('_', " "))
}

/// A measure's top drivers on one line, for its card.
pub fn top_line(
    locale: Locale,
    top: &[TopDriver],
    text_of: &dyn Fn(&str) -> String,
) -> Option<String> {
    (!top.is_empty()).then(|| {
        top.iter()
            .map(|t| {
                let key = if t.driver.priority == Some(Priority::FixFirst) {
                    "dash-top-driver-fix"
                } else {
                    "dash-top-driver"
                };
                say(
                    locale,
                    key,
                    &[
                        ("whose", &whose(locale, &t.analysis)),
                        ("item", &text_of(&t.driver.item)),
                        ("share", &pct(locale, t.driver.importance.estimate)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    })
}
