//! A measure's last eight quarters as a small line chart, with a real change marked, and the
//! change state of each compared figure in words.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::charts::copy::{self, fill, pct0, quarter_short};
use crate::charts::layout::{PanelLayout, ReportError};
use crate::charts::marks::{self, Area};
use crate::charts::text_layout::{self as tl, line_height};
use crate::charts::theme::{self, size, ALARM, DATA, INK, MUTED, RULE};
use crate::domain::locale::Locale;
use crate::domain::scoring::change::{Change, ChangeState, Direction};
use crate::domain::scoring::trend::{Metric, TrendSeries};
use crate::domain::scoring::Scorecard;

/// The trend chart of one share metric in the box at `(x, y)` of size `(w, h)`.
pub fn share_trend<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    series: Option<&TrendSeries>,
    change: Option<&Change>,
    (x, y): (i32, i32),
    (w, h): (i32, i32),
) -> Result<(), ReportError> {
    let l = copy::labels(locale);
    let small = theme::bold(size::SMALL);
    tl::text(area, l.trend_heading, &small, &INK, (x, y))?;
    let top = y + line_height(size::SMALL) + 2;
    let sub = area.clone().shrink(
        (x, top),
        ((w.max(1)) as u32, ((h - (top - y)).max(1)) as u32),
    );
    let points = series.map(|s| s.points.as_slice()).unwrap_or(&[]);
    let n = points.len().max(1);
    let mut chart = ChartBuilder::on(&sub)
        .margin_right(14)
        .margin_top(10)
        .x_label_area_size(24)
        .y_label_area_size(44)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..1f64)
        .map_err(ReportError::drawing)?;
    let label_font = theme::regular(size::TINY - 1.5);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(3)
        .y_label_formatter(&|v| pct0(locale, *v))
        .light_line_style(TRANSPARENT)
        .bold_line_style(RULE.stroke_width(1))
        .axis_style(RULE)
        .label_style(label_font.color(&MUTED))
        .draw()
        .map_err(ReportError::drawing)?;
    // Quarter labels drawn by hand: plotters' own float key points would not land on quarters.
    for (i, p) in points.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(i as f64, 0.0));
        tl::anchored(
            area,
            &quarter_short(locale, p.quarter),
            &label_font,
            &MUTED,
            (px, py + 3),
            HPos::Center,
        )?;
    }
    let shown: Vec<(usize, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.value.value().map(|v| (i, *v)))
        .collect();
    if shown.is_empty() {
        let (cx, cy) = chart.backend_coord(&((n as f64 - 1.0) / 2.0, 0.5));
        let f = theme::regular(size::SMALL);
        // Paper behind the words so the grid line does not strike them through.
        let half = tl::width(&f, l.not_enough) / 2 + 6;
        marks::rect(
            area,
            (cx - half, cy - 12),
            (cx + half, cy + 12),
            theme::PANEL.filled(),
        )?;
        tl::anchored(area, l.not_enough, &f, &MUTED, (cx, cy - 12), HPos::Center)?;
        return Ok(());
    }
    // Runs of consecutive quarters are joined; a quarter without a figure leaves a gap rather
    // than a line drawn through a value nobody measured.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut runs = Vec::new();
    let mut prev: Option<usize> = None;
    for &(i, v) in &shown {
        if prev.is_some_and(|p| p + 1 != i) {
            runs.push(std::mem::take(&mut run));
        }
        run.push((i as f64, v));
        prev = Some(i);
    }
    runs.push(run);
    for r in runs {
        chart
            .draw_series(LineSeries::new(r, DATA.stroke_width(3)))
            .map_err(ReportError::drawing)?;
    }
    chart
        .draw_series(
            shown
                .iter()
                .map(|&(i, v)| Circle::new((i as f64, v), 4, DATA.filled())),
        )
        .map_err(ReportError::drawing)?;

    let last = points.len() - 1;
    if let Some(&(i, v)) = shown.last().filter(|(i, _)| *i == last) {
        let (px, py) = chart.backend_coord(&(i as f64, v));
        let big = is_changed(change);
        if big {
            if let Some(&(j, u)) = shown.iter().rev().nth(1).filter(|(j, _)| *j + 1 == i) {
                let from = chart.backend_coord(&(j as f64, u));
                marks::line(area, from, (px, py), ALARM.stroke_width(4))?;
            }
            marks::disc(area, (px, py), 11, ALARM.stroke_width(3))?;
        }
        marks::disc(area, (px, py), 6, DATA.filled())?;
        let f = theme::bold(size::TINY);
        let label_y = if py - 30 < top { py + 12 } else { py - 30 };
        tl::anchored(
            area,
            &pct0(locale, v),
            &f,
            if big { &ALARM } else { &INK },
            (px - 14, label_y),
            HPos::Right,
        )?;
    }
    Ok(())
}

fn is_changed(c: Option<&Change>) -> bool {
    matches!(c.map(|c| &c.state), Some(ChangeState::Changed { .. }))
}

/// The note under a trend: the change state in words, and whether it is a real change (drawn
/// bold in the alarm colour). `None` when there was nothing to compare.
pub fn change_note(locale: Locale, c: &Change) -> Option<(String, bool)> {
    let l = copy::labels(locale);
    let quarter = quarter_short(locale, c.from);
    let amount = |v: f64| match c.metric {
        Metric::Enps => format!("{}{}", copy::signed(v), l.enps_points),
        _ => format!("{}{}", copy::signed(v * 100.0), l.points),
    };
    // Interval bounds carry no unit: the change just before them names it.
    let bound = |v: f64| match c.metric {
        Metric::Enps => copy::signed(v),
        _ => copy::signed(v * 100.0),
    };
    let what = match c.metric {
        Metric::Enps => "eNPS: ",
        _ => "",
    };
    let words = |template: &str, t: &crate::domain::scoring::change::ChangeTest| {
        fill(
            template,
            &[
                ("change", &amount(t.change)),
                ("quarter", &quarter),
                ("low", &bound(t.low)),
                ("high", &bound(t.high)),
            ],
        )
    };
    match &c.state {
        ChangeState::Changed { direction, test } => {
            let arrow = match direction {
                Direction::Up => "▲",
                Direction::Down => "▼",
            };
            Some((format!("{arrow} {what}{}", words(l.changed, test)), true))
        }
        ChangeState::NoRealChange { test } => {
            Some((format!("{what}{}", words(l.no_real_change, test)), false))
        }
        ChangeState::CantTell { test } => {
            Some((format!("{what}{}", words(l.cant_tell, test)), false))
        }
        ChangeState::NotComparable { .. } => Some((
            format!("{what}{}", fill(l.not_comparable, &[("quarter", &quarter)])),
            false,
        )),
        ChangeState::NotEnoughData { .. } => None,
    }
}

/// Draws the change notes of the headline `metrics` from `(x, y)`; returns the y below them.
pub fn notes<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    changes: &[Change],
    metrics: &[Metric],
    (x, y): (i32, i32),
    w: i32,
) -> Result<i32, ReportError> {
    let mut y = y;
    // The notes share the 36 px under the trend: two notes get one line each (cut with "…").
    let max_lines = if metrics.len() > 1 { 1 } else { 2 };
    for m in metrics {
        let Some(note) = changes
            .iter()
            .find(|c| c.metric == *m && c.group.is_none())
            .and_then(|c| change_note(locale, c))
        else {
            continue;
        };
        let (text, big) = note;
        let font = if big {
            theme::bold(size::SMALL)
        } else {
            theme::regular(size::TINY)
        };
        let colour = if big { ALARM } else { MUTED };
        let lines = tl::wrap(&font, &text, w, max_lines);
        y = tl::lines(
            area,
            &lines,
            &font,
            &colour,
            (x, y),
            line_height(font.get_size()),
        )?;
    }
    Ok(y)
}

/// The foot every measure's panel shares: the trend of its headline `metric` with the
/// quarter's real change marked, then the change notes of the `noted` metrics.
pub fn trend_foot<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    sc: &Scorecard,
    lay: &PanelLayout,
    metric: Metric,
    noted: &[Metric],
) -> Result<(), ReportError> {
    let series = sc.trends.iter().find(|t| t.metric == metric);
    let change = sc
        .changes
        .iter()
        .find(|c| c.metric == metric && c.group.is_none());
    share_trend(
        area,
        locale,
        series,
        change,
        (lay.x, lay.trend_y),
        (lay.w, lay.trend_h),
    )?;
    notes(
        area,
        locale,
        &sc.changes,
        noted,
        (lay.x, lay.notes_y),
        lay.w,
    )?;
    Ok(())
}
