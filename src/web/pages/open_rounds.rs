//! The dashboard's "Open rounds": each round's participation as the signed-in role may see
//! it (`app::participation`), in words.

use crate::app::participation::{SeenGroup, SeenRound};
use crate::domain::locale::Locale;
use crate::domain::template::TemplateSet;

use super::words::pct;

/// One open round on the dashboard.
pub struct OpenRoundView {
    pub title: String,
    /// The overall row, when the counts were taken and the close date.
    pub summary: String,
    /// One line per reporting group: its counts, or why they are withheld.
    pub groups: Vec<String>,
}

/// The dashboard's lines for these rounds.
pub fn open_round_views(seen: Vec<SeenRound>, templates: &TemplateSet) -> Vec<OpenRoundView> {
    seen.into_iter()
        .map(|s| {
            let survey = templates
                .get(&s.round.template_key)
                .map(|t| t.title().get(Locale::En).to_string())
                .unwrap_or_else(|| s.round.template_key.clone());
            let as_of = match s.as_of {
                Some(at) => format!(" as of {:02}:{:02} UTC", at.hour(), at.minute()),
                None => String::new(),
            };
            OpenRoundView {
                title: format!("{} · {survey}", s.round.quarter),
                summary: format!(
                    "{}{as_of}; closes {}",
                    counts_text(&s.overall),
                    s.round.closes_on
                ),
                groups: s
                    .groups
                    .iter()
                    .map(|g| format!("{}: {}", g.group, counts_text(g)))
                    .collect(),
            }
        })
        .collect()
}

fn counts_text(g: &SeenGroup) -> String {
    match &g.counts {
        Ok(c) => {
            let rate = c.response_rate.map(pct).unwrap_or_else(|| "—".into());
            format!("{} of {} answered ({rate})", c.answered, c.delivered)
        }
        Err(why) => format!("{} invited; {}", g.invited, why.reason()),
    }
}
