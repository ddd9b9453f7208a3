//! Action plans as the staff pages show them: what, why (the linked figure in words), who,
//! when, how it stands, and the linked figure quarter by quarter with its change since the
//! action was made. "Done, and did it move?" is the done actions' last change.

use crate::app::actions::follow::FollowedAction;
use crate::app::actions::LinkChoice;
use crate::domain::actions::follow::{FollowPoint, FollowValue, Unit};
use crate::domain::actions::{ActionLink, ActionStatus};
use crate::domain::locale::Locale;
use crate::domain::scoring::change::Change;
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::Figure;
use crate::domain::template::TemplateSet;
use crate::web::pages::change_view::change_words;
use crate::web::pages::drivers_view::question_text;
use crate::web::pages::words::{group_label, pct};

/// One action on the page.
pub struct ActionCard {
    pub id: String,
    pub title: String,
    pub note: String,
    pub owner: String,
    pub due: String,
    pub status_key: &'static str,
    pub status: &'static str,
    /// What it answers to, in words, with the round it was made on.
    pub about: String,
    /// (quarter, the linked figure in words), the action's quarter first.
    pub points: Vec<(String, String)>,
    /// The latest change since the action was made, in words.
    pub moved: Option<String>,
}

/// One choice in the new-action form's list of links.
pub struct LinkOption {
    /// `round id|link as JSON`.
    pub value: String,
    pub label: String,
}

/// A round's choices under one heading.
pub struct LinkOptionGroup {
    pub label: String,
    pub options: Vec<LinkOption>,
}

/// A status as people read it.
pub fn status_words(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Planned => "Planned",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
        ActionStatus::Dropped => "Dropped",
    }
}

/// A link in words; `text_of` gives a question's text.
pub fn link_words(link: &ActionLink, text_of: &dyn Fn(&str) -> String) -> String {
    match link {
        ActionLink::Measure { metric } => match metric {
            Metric::Alignment => "Alignment (measure A)".into(),
            Metric::ProductiveAndHappy => "Productive and happy (measure B)".into(),
            Metric::Enps => "eNPS (measure B)".into(),
            Metric::WeightedCsat => "Weighted CSAT (measure C)".into(),
            other => other.key().replace('_', " "),
        },
        ActionLink::Group { group } => format!("{} CSAT", group_label(group)),
        ActionLink::Item { item, group: None } => format!("“{}”", text_of(item)),
        ActionLink::Item {
            item,
            group: Some(g),
        } => format!("“{}” in {}", text_of(item), group_label(g)),
        ActionLink::Driver { analysis, item } => {
            let whose = if analysis == WHOLE_ROUND {
                "engineers".to_string()
            } else {
                group_label(analysis)
            };
            format!("Key driver “{}” ({whose})", text_of(item))
        }
    }
}

fn value_words(v: &FollowValue) -> String {
    match v.unit {
        Unit::Share => format!(
            "{} (95% {}–{}, n = {})",
            pct(v.value),
            pct(v.low),
            pct(v.high),
            v.n
        ),
        Unit::EnpsPoints => format!(
            "{:+.0} (95% {:+.0} to {:+.0}, n = {})",
            v.value, v.low, v.high, v.n
        ),
    }
}

/// A followed figure in words; a withheld one says only that it is withheld and why.
pub fn figure_words(f: &Figure<FollowValue>) -> String {
    match f {
        Figure::Shown { value } => value_words(value),
        Figure::Suppressed { reason } => format!("withheld ({reason})"),
        Figure::NotEnoughData { reason } => format!("no figure ({reason})"),
    }
}

fn moved(link: &ActionLink, points: &[FollowPoint]) -> Option<String> {
    let (first, last) = (points.first()?, points.last()?);
    let state = last.since_start.clone()?;
    change_words(&Change {
        metric: link.metric(),
        group: link.group().map(str::to_string),
        from: first.quarter,
        to: last.quarter,
        state,
    })
}

/// The cards of `actions`, texts in `locale`.
pub fn action_cards(
    actions: &[FollowedAction],
    templates: &TemplateSet,
    locale: Locale,
) -> Vec<ActionCard> {
    actions
        .iter()
        .map(|f| {
            let a = &f.action;
            let text_of = |k: &str| question_text(templates, Some(&a.template_key), k);
            let text = a.texts.get(locale, locale);
            ActionCard {
                id: a.id.clone(),
                title: text
                    .as_ref()
                    .map(|t| t.text.title.clone())
                    .unwrap_or_default(),
                note: text.map(|t| t.text.note.clone()).unwrap_or_default(),
                owner: a.owner.clone(),
                due: a.due.to_string(),
                status_key: a.status.key(),
                status: status_words(a.status),
                about: format!(
                    "{} — {} {}",
                    link_words(&a.link, &text_of),
                    a.template_key,
                    a.quarter
                ),
                points: f
                    .points
                    .iter()
                    .map(|p| (p.quarter.to_string(), figure_words(&p.figure)))
                    .collect(),
                moved: moved(&a.link, &f.points),
            }
        })
        .collect()
}

/// The new-action form's choices, one heading per round.
pub fn link_options(choices: &[LinkChoice], templates: &TemplateSet) -> Vec<LinkOptionGroup> {
    let mut out: Vec<LinkOptionGroup> = Vec::new();
    for c in choices {
        let label = format!("{} {}", c.template_key, c.quarter);
        let text_of = |k: &str| question_text(templates, Some(&c.template_key), k);
        let option = LinkOption {
            value: format!(
                "{}|{}",
                c.round,
                serde_json::to_string(&c.link).unwrap_or_default()
            ),
            label: link_words(&c.link, &text_of),
        };
        match out.last_mut() {
            Some(g) if g.label == label => g.options.push(option),
            _ => out.push(LinkOptionGroup {
                label,
                options: vec![option],
            }),
        }
    }
    out
}
