//! The actions as CSV: one row per action and quarter of follow-through, every cell escaped
//! against spreadsheet formulas (action texts are free text).

use super::types::ActionView;
use crate::domain::actions::ActionLink;
use crate::domain::locale::Locale;
use crate::domain::scoring::change::ChangeState;
use crate::domain::scoring::Figure;
use crate::export::escape_cell;

/// The header.
pub const HEADER: [&str; 16] = [
    "action",
    "quarter",
    "template",
    "link",
    "owner",
    "due",
    "status",
    "title",
    "note",
    "followed_quarter",
    "state",
    "value",
    "low",
    "high",
    "n",
    "change_since_start",
];

/// A link in words: `group sales`, `item sales_roadmap in sales`, ….
pub fn link_words(link: &ActionLink) -> String {
    match link {
        ActionLink::Measure { metric } => format!("measure {}", metric.key()),
        ActionLink::Group { group } => format!("group {group}"),
        ActionLink::Item { item, group: None } => format!("item {item}"),
        ActionLink::Item {
            item,
            group: Some(g),
        } => format!("item {item} in {g}"),
        ActionLink::Driver { analysis, item } => format!("driver {item} of {analysis}"),
    }
}

fn state_word(s: &ChangeState) -> &'static str {
    match s {
        ChangeState::Changed { .. } => "changed",
        ChangeState::NoRealChange { .. } => "no_real_change",
        ChangeState::CantTell { .. } => "cant_tell",
        ChangeState::NotComparable { .. } => "not_comparable",
        ChangeState::NotEnoughData { .. } => "not_enough_data",
    }
}

/// Writes the CSV; texts in `locale` (the company's default language).
pub fn to_csv(actions: &[ActionView], locale: Locale) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    for a in actions {
        let text = a.texts.get(&locale);
        let fixed = [
            a.id.clone(),
            a.quarter.to_string(),
            a.template.clone(),
            link_words(&a.link),
            a.owner.clone(),
            a.due.to_string(),
            a.status.key().to_string(),
            text.map(|t| t.title.clone()).unwrap_or_default(),
            text.map(|t| t.note.clone()).unwrap_or_default(),
        ];
        for p in &a.follow_through {
            let (state, value, low, high, n) = match &p.figure {
                Figure::Shown { value } => (
                    "shown",
                    value.value.to_string(),
                    value.low.to_string(),
                    value.high.to_string(),
                    value.n.to_string(),
                ),
                Figure::Suppressed { .. } => (
                    "suppressed",
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                Figure::NotEnoughData { .. } => (
                    "not_enough_data",
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
            };
            let change = p.since_start.as_ref().map(state_word).unwrap_or_default();
            let row = fixed.iter().cloned().chain([
                p.quarter.to_string(),
                state.to_string(),
                value,
                low,
                high,
                n,
                change.to_string(),
            ]);
            w.write_record(row.map(|c| escape_cell(&c)))?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
