//! The dashboard's "Open rounds": each round's participation as the signed-in role may see
//! it (`app::participation`), in words.

use crate::app::participation::{SeenGroup, SeenRound};
use crate::domain::locale::Locale;
use crate::domain::participation::Withheld;
use crate::domain::template::TemplateSet;
use crate::i18n::Arg;

use super::dash_words::{say, say_n, word};
use super::words::{group_label, pct};

/// One open round on the dashboard.
pub struct OpenRoundView {
    pub title: String,
    /// The overall row, when the counts were taken and the close date.
    pub summary: String,
    /// One line per reporting group: its counts, or why they are withheld.
    pub groups: Vec<String>,
}

/// The dashboard's lines for these rounds, in `locale`.
pub fn open_round_views(
    seen: Vec<SeenRound>,
    templates: &TemplateSet,
    locale: Locale,
) -> Vec<OpenRoundView> {
    seen.into_iter()
        .map(|s| {
            let survey = templates
                .get(&s.round.template_key)
                .map(|t| t.title().get(locale).to_string())
                .unwrap_or_else(|| s.round.template_key.clone());
            let counts = counts_text(locale, &s.overall);
            let date = crate::i18n::date_long(locale, s.round.closes_on);
            let summary = match s.as_of {
                Some(at) => say(
                    locale,
                    "dash-open-summary-at",
                    &[
                        ("counts", &counts),
                        ("time", &format!("{:02}:{:02}", at.hour(), at.minute())),
                        ("date", &date),
                    ],
                ),
                None => say(
                    locale,
                    "dash-open-summary",
                    &[("counts", &counts), ("date", &date)],
                ),
            };
            OpenRoundView {
                title: format!("{} · {survey}", s.round.quarter),
                summary,
                groups: s
                    .groups
                    .iter()
                    .map(|g| {
                        format!(
                            "{}: {}",
                            group_label(locale, &g.group),
                            counts_text(locale, g)
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

fn counts_text(locale: Locale, g: &SeenGroup) -> String {
    match &g.counts {
        Ok(c) => {
            let rate = c
                .response_rate
                .map(|r| pct(locale, r))
                .unwrap_or_else(|| "—".into());
            say_n(
                locale,
                "dash-open-counts",
                &[
                    (
                        "answered",
                        Arg::Count(u64::try_from(c.answered).unwrap_or(0)),
                    ),
                    (
                        "delivered",
                        Arg::Count(u64::try_from(c.delivered).unwrap_or(0)),
                    ),
                    ("rate", Arg::Text(&rate)),
                ],
            )
        }
        Err(why) => say_n(
            locale,
            "dash-open-invited",
            &[
                ("invited", Arg::Count(u64::try_from(g.invited).unwrap_or(0))),
                ("why", Arg::Text(&withheld(locale, why))),
            ],
        ),
    }
}

/// Why a group's counts are withheld, in words.
fn withheld(locale: Locale, why: &Withheld) -> String {
    let k = |key: &str, k: u32| say_n(locale, key, &[("k", Arg::Count(u64::from(k)))]);
    match why {
        Withheld::FewerThanK { k: n } => k("dash-open-fewer-than-k", *n),
        Withheld::RoundBelowK { k: n } => k("dash-open-round-below-k", *n),
        Withheld::ProtectsAnotherGroup => word(locale, "dash-open-protects").to_string(),
        Withheld::StrictMode => word(locale, "dash-open-strict").to_string(),
        Withheld::NotYetCounted { next } => say(
            locale,
            "dash-open-not-counted",
            &[("hour", &format!("{:02}", next.hour()))],
        ),
    }
}
