//! The method pages: how each measure is computed, this quarter's rounds and thresholds (the
//! report's own methodology paragraph), and which groups' figures were withheld and why.

use super::page::Block;
use super::words::words;
use super::PackInput;
use crate::charts::board_report::methodology_text;
use crate::charts::copy::{self, fill};
use crate::charts::reasons::absence;
use crate::domain::audience::Audience;
use crate::domain::locale::Locale;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::Figure;

/// A round's name in the pack: the measure it feeds.
pub fn round_title(locale: Locale, r: &RoundReport) -> &'static str {
    let l = copy::labels(locale);
    match r.audience {
        Audience::TechStrategyAlignment => l.title_a,
        Audience::EngineeringCulture => l.title_b,
        Audience::InternalCsat => l.title_c,
    }
}

/// One line per reporting group with a withheld figure: the rule that withheld it. A group
/// counts once per round, by its first withheld figure (CSAT, then its items).
fn withheld_lines(input: &PackInput<'_>) -> Vec<String> {
    let locale = input.ctx.locale;
    let w = words(locale);
    let mut out = Vec::new();
    for r in &input.scorecard.rounds {
        for g in &r.groups {
            let csat = g
                .csat
                .as_ref()
                .filter(|f| matches!(f, Figure::Suppressed { .. }));
            let item = r.items.iter().find_map(|i| {
                i.groups
                    .iter()
                    .find(|f| f.group == g.key && matches!(f.figure, Figure::Suppressed { .. }))
                    .map(|f| absence(locale, &f.figure))
            });
            let reason = match (csat, item) {
                (Some(f), _) => absence(locale, f),
                (None, Some(reason)) => reason,
                (None, None) => continue,
            };
            out.push(fill(
                w.withheld_line,
                &[
                    ("round", round_title(locale, r)),
                    ("group", &copy::group_name(locale, &g.key, &g.departments)),
                    ("reason", &reason),
                ],
            ));
        }
    }
    out
}

/// The method section.
pub fn blocks(input: &PackInput<'_>, out: &mut Vec<Block>) {
    let w = words(input.ctx.locale);
    out.push(Block::Title(w.method_title.into()));
    for (heading, text) in w.method_headings.into_iter().zip(w.method_texts) {
        out.push(Block::Heading(heading.into()));
        out.push(Block::Para(text.into()));
    }
    out.push(Block::Heading(w.this_quarter.into()));
    out.push(Block::Para(methodology_text(input.scorecard, input.ctx)));
    out.push(Block::Heading(w.withheld_heading.into()));
    let lines = withheld_lines(input);
    if lines.is_empty() {
        out.push(Block::Para(w.withheld_none.into()));
    }
    for l in lines {
        out.push(Block::Para(format!("• {l}")));
    }
}
