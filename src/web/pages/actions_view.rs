//! Action plans as the staff pages show them: what, why (the linked figure in words), who,
//! when, how it stands, and the linked figure quarter by quarter with its change since the
//! action was made. "Done, and did it move?" is the done actions' last change.

use crate::app::actions::follow::FollowedAction;
use crate::app::actions::LinkChoice;
use crate::domain::actions::follow::{FollowPoint, FollowValue, Unit};
use crate::domain::actions::{ActionLink, ActionStatus};
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::change::Change;
use crate::domain::scoring::drivers::WHOLE_ROUND;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::Figure;
use crate::domain::template::TemplateSet;
use crate::i18n::Arg;
use crate::web::pages::cards_view::{figure_words as shown_or_withheld, not_enough};
use crate::web::pages::change_view::change_words;
use crate::web::pages::dash_words::{say, say_n, word};
use crate::web::pages::drivers_view::question_text;
use crate::web::pages::words::{group_label, pct};

/// One action on the page.
pub struct ActionCard {
    pub id: String,
    /// Title and note in the reader's language, else the company's.
    pub title: String,
    pub note: String,
    /// The language of `title` and `note`.
    pub lang: &'static str,
    /// The note in the company's language, which the move-along form writes back.
    pub edit_note: String,
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
    /// "Planned · owner … · due …".
    pub meta: String,
    /// "Answers to …".
    pub answers: String,
    /// The follow-through table's name for screen readers.
    pub follow: String,
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
pub fn status_words(locale: Locale, s: ActionStatus) -> &'static str {
    word(
        locale,
        match s {
            ActionStatus::Planned => "dash-status-planned",
            ActionStatus::InProgress => "dash-status-in-progress",
            ActionStatus::Done => "dash-status-done",
            ActionStatus::Dropped => "dash-status-dropped",
        },
    )
}

/// A link in words; `text_of` gives a question's text.
pub fn link_words(locale: Locale, link: &ActionLink, text_of: &dyn Fn(&str) -> String) -> String {
    match link {
        ActionLink::Measure { metric } => match metric {
            Metric::Alignment => word(locale, "dash-link-alignment").into(),
            Metric::ProductiveAndHappy => word(locale, "dash-link-productive-happy").into(),
            Metric::Enps => word(locale, "dash-link-enps").into(),
            Metric::WeightedCsat => word(locale, "dash-link-weighted-csat").into(),
            other => other.key().replace('_', " "),
        },
        ActionLink::Group { group } => say(
            locale,
            "dash-link-group",
            &[("group", &group_label(locale, group))],
        ),
        ActionLink::Item { item, group: None } => {
            say(locale, "dash-link-item", &[("item", &text_of(item))])
        }
        ActionLink::Item {
            item,
            group: Some(g),
        } => say(
            locale,
            "dash-link-item-in",
            &[("item", &text_of(item)), ("group", &group_label(locale, g))],
        ),
        ActionLink::Driver { analysis, item } => {
            let whose = if analysis == WHOLE_ROUND {
                word(locale, "dash-link-engineers").to_string()
            } else {
                group_label(locale, analysis)
            };
            say(
                locale,
                "dash-link-driver",
                &[("item", &text_of(item)), ("whose", &whose)],
            )
        }
    }
}

fn value_words(locale: Locale, v: &FollowValue) -> String {
    let (key, value, low, high) = match v.unit {
        Unit::Share => (
            "dash-follow-share",
            pct(locale, v.value),
            pct(locale, v.low),
            pct(locale, v.high),
        ),
        Unit::EnpsPoints => (
            "dash-follow-points",
            format!("{:+.0}", v.value),
            format!("{:+.0}", v.low),
            format!("{:+.0}", v.high),
        ),
    };
    say_n(
        locale,
        key,
        &[
            ("value", Arg::Text(&value)),
            ("low", Arg::Text(&low)),
            ("high", Arg::Text(&high)),
            ("n", Arg::Count(v.n)),
        ],
    )
}

/// A followed figure in words; a withheld one says only that it is withheld and why.
pub fn figure_words(locale: Locale, f: &Figure<FollowValue>) -> String {
    match f {
        Figure::NotEnoughData { reason } => say(
            locale,
            "dash-follow-none",
            &[("reason", &not_enough(locale, reason))],
        ),
        other => shown_or_withheld(locale, other, |v| value_words(locale, v)),
    }
}

fn moved(locale: Locale, link: &ActionLink, points: &[FollowPoint]) -> Option<String> {
    let (first, last) = (points.first()?, points.last()?);
    let state = last.since_start.clone()?;
    change_words(
        locale,
        &Change {
            metric: link.metric(),
            group: link.group().map(str::to_string),
            from: first.quarter,
            to: last.quarter,
            state,
        },
    )
}

/// The cards of `actions`: the action's own texts in `text_locale` (the company's language),
/// the page's words in `locale`.
pub fn action_cards(
    actions: &[FollowedAction],
    templates: &TemplateSet,
    text_locale: Locale,
    locale: Locale,
) -> Vec<ActionCard> {
    actions
        .iter()
        .map(|f| {
            let a = &f.action;
            let text_of = |k: &str| question_text(templates, Some(&a.template_key), k, locale);
            // The reader reads their language where the action has it; the edit form writes
            // the note back in the company's language, so it is filled with that one.
            let text = a.texts.get(locale, text_locale);
            let shown = if text.as_ref().is_some_and(|t| !t.fallback) {
                locale
            } else {
                text_locale
            };
            let edit_note = a
                .texts
                .get(text_locale, text_locale)
                .map(|t| t.text.note.clone())
                .unwrap_or_default();
            let mut card = ActionCard {
                id: a.id.clone(),
                title: text
                    .as_ref()
                    .map(|t| t.text.title.clone())
                    .unwrap_or_default(),
                note: text.map(|t| t.text.note.clone()).unwrap_or_default(),
                lang: shown.code(),
                edit_note,
                owner: a.owner.clone(),
                due: a.due.to_string(),
                status_key: a.status.key(),
                status: status_words(locale, a.status),
                about: format!(
                    "{} — {}",
                    link_words(locale, &a.link, &text_of),
                    round_words(templates, &a.template_key, a.quarter, locale)
                ),
                points: f
                    .points
                    .iter()
                    .map(|p| {
                        let q = crate::i18n::quarter_long(locale, p.quarter);
                        (q, figure_words(locale, &p.figure))
                    })
                    .collect(),
                moved: moved(locale, &a.link, &f.points),
                meta: String::new(),
                answers: String::new(),
                follow: String::new(),
            };
            card.meta = say(
                locale,
                "dash-action-meta",
                &[
                    ("status", card.status),
                    ("owner", &card.owner),
                    ("due", &crate::i18n::quarter_long(locale, a.due)),
                ],
            );
            card.answers = say(locale, "dash-action-answers", &[("about", &card.about)]);
            card.follow = say(locale, "dash-action-follow", &[("title", &card.title)]);
            card
        })
        .collect()
}

/// A round as people name it: its survey's title in `locale` and its quarter, never the
/// template's key.
fn round_words(templates: &TemplateSet, key: &str, quarter: Quarter, locale: Locale) -> String {
    let title = templates
        .get(key)
        .map(|t| t.title().get(locale).to_string())
        .unwrap_or_else(|| key.to_string());
    say(
        locale,
        "dash-action-round",
        &[
            ("survey", &title),
            ("quarter", &crate::i18n::quarter_long(locale, quarter)),
        ],
    )
}

/// The new-action form's choices, one heading per round.
pub fn link_options(
    choices: &[LinkChoice],
    templates: &TemplateSet,
    locale: Locale,
) -> Vec<LinkOptionGroup> {
    let mut out: Vec<LinkOptionGroup> = Vec::new();
    for c in choices {
        let label = round_words(templates, &c.template_key, c.quarter, locale);
        let text_of = |k: &str| question_text(templates, Some(&c.template_key), k, locale);
        let option = LinkOption {
            value: format!(
                "{}|{}",
                c.round,
                serde_json::to_string(&c.link).unwrap_or_default()
            ),
            label: link_words(locale, &c.link, &text_of),
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
