//! The items pages: every 1–5 question of the quarter's rounds, one row each, with its mean,
//! favourable share and interval per reporting group and over all groups. A withheld figure
//! is written as "withheld" and its rule, never as a number.

use super::method::round_title;
use super::page::{Block, Cell, Column, Table, Tone};
use super::words::words;
use super::PackInput;
use crate::charts::copy::{self, fill, pct0};
use crate::charts::reasons::absence;
use crate::domain::locale::Locale;
use crate::domain::question::QuestionKind;
use crate::domain::scoring::items::ItemStats;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::Figure;

/// A decimal in the locale's notation ("3.92", "3,92").
pub fn decimal(locale: Locale, v: f64, places: usize) -> String {
    let s = format!("{v:.places$}");
    match locale {
        Locale::Nl | Locale::De => s.replace('.', ","),
        _ => s,
    }
}

/// One group's (or all groups') figure for an item.
pub(super) fn figure_cell(locale: Locale, f: &Figure<ItemStats>) -> Cell {
    let w = words(locale);
    match f {
        Figure::Shown { value } => {
            let mean = value
                .mean
                .map(|m| fill(w.mean, &[("m", &decimal(locale, m, 2))]))
                .unwrap_or_else(|| "—".into());
            let fav = value.favorable.as_ref().map(|s| {
                // A census has no interval to show: the point is the figure.
                let template = if s.census {
                    w.favorable.replace(" ({low}–{high})", "")
                } else {
                    w.favorable.to_string()
                };
                fill(
                    &template,
                    &[
                        ("p", &pct0(locale, s.estimate)),
                        ("low", &format!("{:.0}", s.low * 100.0)),
                        ("high", &pct0(locale, s.high)),
                    ],
                )
            });
            Cell::one(mean, Tone::Strong)
                .and(fav.unwrap_or_default(), Tone::Muted)
                .and(format!("n = {}", value.n), Tone::Muted)
        }
        Figure::Suppressed { .. } => {
            Cell::one(w.withheld, Tone::Withheld).and(absence(locale, f), Tone::Withheld)
        }
        Figure::NotEnoughData { .. } => {
            Cell::one("—", Tone::Muted).and(absence(locale, f), Tone::Muted)
        }
    }
}

fn round_table(input: &PackInput<'_>, r: &RoundReport) -> Option<Table> {
    let locale = input.ctx.locale;
    let w = words(locale);
    let mut columns = vec![Column {
        title: w.question.into(),
        weight: 2.4,
    }];
    columns.extend(r.groups.iter().map(|g| Column {
        title: copy::group_name(locale, &g.key, &g.departments),
        weight: 1.0,
    }));
    columns.push(Column {
        title: w.all_groups.into(),
        weight: 1.0,
    });
    let rows: Vec<Vec<Cell>> = r
        .items
        .iter()
        .filter(|i| i.kind == QuestionKind::Likert5)
        .map(|i| {
            let label = input
                .ctx
                .labels
                .get(&(r.template.key.clone(), i.key.clone()))
                .map(|l| l.get(locale).to_string())
                .unwrap_or_else(|| i.key.replace('_', " "));
            let section = i
                .section
                .map(|d| copy::department_name(locale, d).to_string())
                .unwrap_or_default();
            // A department's own question is not asked of the other groups: the engine's
            // "no answers" there reads "not asked" (a shown figure always stays shown).
            let figures: Vec<Option<&Figure<ItemStats>>> = r
                .groups
                .iter()
                .map(|g| {
                    let f = i
                        .groups
                        .iter()
                        .find(|f| f.group == g.key)
                        .map(|f| &f.figure);
                    let asked = i.section.is_none_or(|d| g.departments.contains(&d));
                    f.filter(|f| asked || matches!(f, Figure::Shown { .. }))
                })
                .chain([Some(&i.overall)])
                .collect();
            // A question nobody could be counted on (every cell "not enough data" for the same
            // reason) says so once, beside the question, instead of in every column.
            let reasons: Vec<Option<String>> = figures
                .iter()
                .flatten()
                .map(|f| match f {
                    Figure::NotEnoughData { .. } => Some(absence(locale, *f)),
                    _ => None,
                })
                .collect();
            let shared = reasons
                .first()
                .cloned()
                .flatten()
                .filter(|first| reasons.iter().all(|r| r.as_ref() == Some(first)));
            let mut row = vec![Cell::one(label, Tone::Normal)
                .and(section, Tone::Muted)
                .and(shared.clone().unwrap_or_default(), Tone::Muted)];
            for f in figures {
                row.push(match (f, &shared) {
                    (_, Some(_)) => Cell::one("—", Tone::Muted),
                    (Some(f), None) => figure_cell(locale, f),
                    (None, None) => Cell::one("—", Tone::Muted).and(w.not_asked, Tone::Muted),
                });
            }
            row
        })
        .collect();
    (!rows.is_empty()).then_some(Table { columns, rows })
}

/// The items section: one table per round.
pub fn blocks(input: &PackInput<'_>, out: &mut Vec<Block>) {
    let locale = input.ctx.locale;
    let w = words(locale);
    out.push(Block::Title(w.items_title.into()));
    out.push(Block::Note(w.items_intro.into()));
    for r in &input.scorecard.rounds {
        let rate = r
            .response_rate
            .value()
            .map(|v| pct0(locale, *v))
            .unwrap_or_else(|| "–".into());
        let answered = copy::round_participation(locale, r, &rate, input.ctx.labels);
        out.push(Block::Heading(round_title(locale, r).into()));
        out.push(Block::Note(format!("{answered} · k = {}", r.k)));
        match round_table(input, r) {
            Some(t) => out.push(Block::Table(t)),
            None => out.push(Block::Para(w.no_likert.into())),
        }
    }
}
