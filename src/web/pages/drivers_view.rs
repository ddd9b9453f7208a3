//! The key drivers of a round as the dashboard shows them: per analysis, a table of items
//! (most important first) and the importance × performance grid.

use crate::charts::driver_matrix::driver_matrix_svg;
use crate::domain::locale::Locale;
use crate::domain::scoring::drivers::report::{DriverItem, Priority, TopDriver};
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::Figure;
use crate::domain::template::TemplateSet;
use crate::web::pages::words::{group_label, pct};

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
    /// Why there is nothing to show (withheld, too few answers).
    pub note: Option<String>,
    pub fit: String,
    pub rows: Vec<DriverRowView>,
    pub chart: Option<String>,
}

/// The priority in words.
pub fn priority_words(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::FixFirst) => "Fix first",
        Some(Priority::KeepUp) => "Keep it up",
        Some(Priority::LowerPriority) => "Lower priority",
        Some(Priority::PossibleOverkill) => "Possible overkill",
        None => "—",
    }
}

/// Whose figure an analysis explains, in words.
fn whose(analysis: &str) -> String {
    if analysis == WHOLE_ROUND {
        "Engineers".to_string()
    } else {
        group_label(analysis)
    }
}

fn importance_words(d: &DriverItem) -> String {
    format!(
        "{} ({:.2}; 95% {:.2}–{:.2})",
        pct(d.share_of_r2),
        d.importance.estimate,
        d.importance.low,
        d.importance.high
    )
}

/// The driver views of one round; `text_of` gives a question's text.
pub fn driver_views(r: &RoundReport, text_of: &dyn Fn(&str) -> String) -> Vec<DriverView> {
    r.drivers
        .iter()
        .map(|d| {
            let title = format!(
                "{}: what drives “{}”",
                whose(&d.analysis),
                text_of(&d.outcome)
            );
            match &d.figure {
                Figure::Shown { value } => DriverView {
                    title,
                    note: None,
                    fit: format!(
                        "R² = {:.2} (95% {:.2}–{:.2}) over {} respondents who answered every item",
                        value.r_squared.estimate,
                        value.r_squared.low,
                        value.r_squared.high,
                        value.n
                    ),
                    rows: value
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| DriverRowView {
                            number: i + 1,
                            text: text_of(&item.item),
                            importance: importance_words(item),
                            favorable: item.favorable.map(pct).unwrap_or_else(|| "withheld".into()),
                            priority: priority_words(item.priority).to_string(),
                            fix_first: item.priority == Some(Priority::FixFirst),
                        })
                        .collect(),
                    chart: driver_matrix_svg(value, &whose(&d.analysis)),
                },
                Figure::Suppressed { reason } => DriverView {
                    title,
                    note: Some(format!("Not shown: {reason}.")),
                    fit: String::new(),
                    rows: Vec::new(),
                    chart: None,
                },
                Figure::NotEnoughData { reason } => DriverView {
                    title,
                    note: Some(format!("Not computed: {reason}.")),
                    fit: String::new(),
                    rows: Vec::new(),
                    chart: None,
                },
            }
        })
        .collect()
}

/// A question's English text from its template, or its key in words.
pub fn question_text(templates: &TemplateSet, template: Option<&str>, key: &str) -> String {
    template
        .and_then(|t| templates.get(t))
        .and_then(|t| t.question(key))
        .map(|q| q.text().get(Locale::En).to_string())
        .unwrap_or_else(|| key.replace('_', " "))
}

/// A measure's top drivers on one line, for its card.
pub fn top_line(top: &[TopDriver], text_of: &dyn Fn(&str) -> String) -> Option<String> {
    (!top.is_empty()).then(|| {
        top.iter()
            .map(|t| {
                format!(
                    "{}: {} (explains {} of the variation{})",
                    whose(&t.analysis),
                    text_of(&t.driver.item),
                    pct(t.driver.importance.estimate),
                    if t.driver.priority == Some(Priority::FixFirst) {
                        "; fix first"
                    } else {
                        ""
                    }
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    })
}
