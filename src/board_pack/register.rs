//! The last pages: the inflection-point register, the CTO's time split and the actions with
//! their follow-through — each as a table in the pack's language.

use super::items::decimal;
use super::page::{Block, Cell, Column, Table, Tone};
use super::words::{self, words};
use super::{PackAction, PackInput};
use crate::charts::copy::{self, fill, pct0, quarter_short};
use crate::charts::reasons::absence;
use crate::charts::time_split_bar;
use crate::domain::actions::follow::{FollowValue, Unit};
use crate::domain::actions::{live_in, ActionLink};
use crate::domain::locale::Locale;
use crate::domain::scoring::inputs::Assessment;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::Figure;

fn columns(titles: &[&str], weights: &[f32]) -> Vec<Column> {
    titles
        .iter()
        .zip(weights)
        .map(|(t, w)| Column {
            title: (*t).to_string(),
            weight: *w,
        })
        .collect()
}

/// The register up to the pack's quarter (later assessments are not part of this quarter).
pub fn register_blocks(input: &PackInput<'_>, out: &mut Vec<Block>) {
    let locale = input.ctx.locale;
    let w = words(locale);
    let q = input.scorecard.quarter;
    out.push(Block::Title(w.register_title.into()));
    out.push(Block::Note(w.register_intro.into()));
    let rows: Vec<Vec<Cell>> = input
        .register
        .iter()
        .filter(|r| r.quarter.is_none_or(|rq| rq <= q))
        .filter(|r| {
            r.first_seen
                .parse()
                .is_ok_and(|f: crate::domain::quarter::Quarter| f <= q)
        })
        .map(|r| {
            let assessment = match r.assessment {
                Some(a) => Cell::one(
                    copy::assessment_word(locale, a),
                    if a == Assessment::Missed {
                        Tone::Alert
                    } else {
                        Tone::Strong
                    },
                ),
                None => Cell::one(w.not_assessed, Tone::Muted),
            };
            let board = r
                .confirmation
                .filter(|_| r.assessment.is_some())
                .map(|c| Cell::one(copy::confirmation_word(locale, c), Tone::Normal))
                .unwrap_or_default();
            let mut notes = Cell::default();
            for (template, note) in [(w.cto_note, &r.cto_note), (w.board_note, &r.board_note)] {
                if let Some(n) = note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                    notes = notes.and(fill(template, &[("note", n)]), Tone::Normal);
                }
            }
            vec![
                Cell::one(&r.title, Tone::Strong)
                    .and(r.description.clone().unwrap_or_default(), Tone::Muted),
                Cell::one(
                    r.first_seen
                        .parse()
                        .map(|f| quarter_short(locale, f))
                        .unwrap_or_else(|_| r.first_seen.clone()),
                    Tone::Normal,
                ),
                Cell::one(
                    r.quarter
                        .map(|q| quarter_short(locale, q))
                        .unwrap_or_default(),
                    Tone::Normal,
                ),
                assessment,
                board,
                notes,
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push(Block::Para(w.register_none.into()));
        return;
    }
    out.push(Block::Table(Table {
        columns: columns(&w.register_cols, &[2.4, 0.8, 0.8, 1.0, 1.3, 2.8]),
        rows,
    }));
}

/// The quarter's time split against its targets.
pub fn time_blocks(input: &PackInput<'_>, out: &mut Vec<Block>) {
    let locale = input.ctx.locale;
    let w = words(locale);
    let (names, _, _, _) = time_split_bar::words(locale);
    out.push(Block::Section(w.time_title.into()));
    out.push(Block::Note(w.time_intro.into()));
    let Some((split, _)) = input.ctx.time_split.filter(|(s, _)| s.work_hours > 0.0) else {
        out.push(Block::Para(w.time_none.into()));
        return;
    };
    let name = |key: &str| -> String {
        match key {
            "sales" => names[0],
            "marketing" => names[1],
            "bd" => names[2],
            "internal" => names[3],
            "unclassified" => names[4],
            "internal_engineering" => w.time_extra[0],
            "internal_executive" => w.time_extra[1],
            "not_work" => w.time_extra[2],
            other => other,
        }
        .to_string()
    };
    let points = |v: f64| {
        let s = decimal(locale, v.abs(), 1);
        if v < 0.0 {
            format!("–{s}")
        } else {
            format!("+{s}")
        }
    };
    let rows = split
        .lines
        .iter()
        .map(|l| {
            let tone = if l.target.is_some() {
                Tone::Strong
            } else {
                Tone::Normal
            };
            vec![
                Cell::one(name(&l.key).trim_start(), tone),
                Cell::one(decimal(locale, l.hours, 1), Tone::Normal),
                Cell::one(
                    l.share
                        .map(|s| pct0(locale, s / 100.0))
                        .unwrap_or_else(|| "—".into()),
                    tone,
                ),
                Cell::one(
                    l.target
                        .map(|t| pct0(locale, t / 100.0))
                        .unwrap_or_default(),
                    Tone::Normal,
                ),
                Cell::one(
                    l.deviation_points.map(points).unwrap_or_default(),
                    Tone::Normal,
                ),
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        columns: columns(&w.time_cols, &[2.6, 1.0, 1.0, 1.0, 1.0]),
        rows,
    }));
}

fn value_words(locale: Locale, v: &FollowValue) -> String {
    match v.unit {
        Unit::Share => format!(
            "{} ({:.0}–{})",
            pct0(locale, v.value),
            v.low * 100.0,
            pct0(locale, v.high)
        ),
        Unit::EnpsPoints => format!(
            "{} ({} – {})",
            copy::signed(v.value),
            copy::signed(v.low),
            copy::signed(v.high)
        ),
    }
}

/// What an action answers to, in the pack's language.
fn link_words(input: &PackInput<'_>, a: &PackAction) -> String {
    let locale = input.ctx.locale;
    let (l, w) = (copy::labels(locale), words(locale));
    let item = |key: &str| {
        input
            .ctx
            .labels
            .get(&(a.template_key.clone(), key.to_string()))
            .map(|t| t.get(locale).to_string())
            .unwrap_or_else(|| key.replace('_', " "))
    };
    let group = |key: &str| {
        let departments: Vec<_> = key.split('+').filter_map(|k| k.parse().ok()).collect();
        copy::group_name(locale, key, &departments)
    };
    match &a.link {
        ActionLink::Measure { metric } => match metric {
            Metric::Alignment => l.title_a.to_string(),
            Metric::ProductiveAndHappy => l.title_b.to_string(),
            Metric::Enps => "eNPS".to_string(),
            Metric::WeightedCsat => l.title_c.to_string(),
            other => other.key().replace('_', " "),
        },
        ActionLink::Group { group: g } => fill(w.link_group, &[("group", &group(g))]),
        ActionLink::Item {
            item: i,
            group: None,
        } => format!("“{}”", item(i)),
        ActionLink::Item {
            item: i,
            group: Some(g),
        } => fill(w.link_item_in, &[("item", &item(i)), ("group", &group(g))]),
        ActionLink::Driver { item: i, analysis } => {
            let whose = if analysis == crate::domain::scoring::drivers::WHOLE_ROUND {
                w.link_engineers.to_string()
            } else {
                group(analysis)
            };
            fill(w.link_driver, &[("item", &item(i)), ("whose", &whose)])
        }
    }
}

/// The actions live in the pack's quarter, with the linked figure quarter by quarter up to
/// it; a withheld figure stays withheld.
pub fn action_blocks(input: &PackInput<'_>, out: &mut Vec<Block>) {
    let locale = input.ctx.locale;
    let w = words(locale);
    let q = input.scorecard.quarter;
    out.push(Block::Section(w.actions_title.into()));
    out.push(Block::Note(w.actions_intro.into()));
    let mut live: Vec<&PackAction> = input
        .actions
        .iter()
        .filter(|a| live_in(q, a.made, a.due, a.status))
        .collect();
    live.sort_by_key(|a| crate::domain::actions::board_rank(a.status, a.due));
    if live.is_empty() {
        out.push(Block::Para(w.actions_none.into()));
        return;
    }
    let rows = live
        .into_iter()
        .map(|a| {
            let mut figure = Cell::one(link_words(input, a), Tone::Strong);
            for p in a.points.iter().filter(|p| p.quarter <= q) {
                let text = match &p.figure {
                    Figure::Shown { value } => value_words(locale, value),
                    Figure::Suppressed { .. } => {
                        format!("{} ({})", w.withheld, absence(locale, &p.figure))
                    }
                    Figure::NotEnoughData { .. } => {
                        format!("— ({})", absence(locale, &p.figure))
                    }
                };
                figure = figure.and(
                    format!("{}: {text}", quarter_short(locale, p.quarter)),
                    Tone::Muted,
                );
            }
            vec![
                Cell::one(&a.title, Tone::Strong)
                    .and(&a.note, Tone::Normal)
                    .and(
                        fill(
                            w.made,
                            &[
                                ("quarter", &quarter_short(locale, a.made)),
                                ("template", &a.template_key),
                            ],
                        ),
                        Tone::Muted,
                    ),
                Cell::one(&a.owner, Tone::Normal),
                Cell::one(quarter_short(locale, a.due), Tone::Normal),
                Cell::one(words::status(locale, a.status), Tone::Strong),
                figure,
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        columns: columns(&w.action_cols, &[3.0, 1.1, 0.7, 0.9, 2.6]),
        rows,
    }));
}
