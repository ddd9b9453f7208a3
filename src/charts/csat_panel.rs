//! Measure C's panel: weighted CSAT and one bar per reporting group, each with its interval
//! and weight; a withheld group is a hatched box that says so, never a bar or a number.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::charts::copy::{self, fill, group_name, pct0};
use crate::charts::layout::{trim_float, Frame, ReportContext, ReportError};
use crate::charts::marks::{self, Area};
use crate::charts::panel::panel_top;
use crate::charts::text_layout::{self as tl, line_height};
use crate::charts::theme::{self, size, BAND, DATA, INK, MUTED, RULE, WHITE_TEXT_BG};
use crate::charts::{drivers_line, reasons, trend};
use crate::domain::audience::Audience;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::scorecard::GroupReport;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::Scorecard;

/// Height available to the group bars.
const BARS_H: i32 = 200;
/// Width of the group-name column.
const NAME_W: i32 = 168;
/// Width of the value column at the right.
const VALUE_W: i32 = 48;

/// Measure C's status reason, as the panel states it: it names the groups below the bar.
pub fn reason(sc: &Scorecard, ctx: &ReportContext<'_>) -> String {
    let groups: Vec<(String, &Figure<Share>)> = sc
        .rounds
        .iter()
        .find(|r| r.audience == Audience::InternalCsat)
        .map(|r| r.groups.iter().collect::<Vec<&GroupReport>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|g| {
            g.csat
                .as_ref()
                .map(|f| (group_name(ctx.locale, &g.key, &g.departments), f))
        })
        .collect();
    reasons::reason_c(
        ctx.locale,
        &sc.measure_c,
        &groups,
        &ctx.methodology.thresholds,
    )
}

/// Draws measure C in `frame`, its reason given `grow` extra pixels.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
    frame: Frame,
    grow: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let c = &sc.measure_c;
    let groups: Vec<&GroupReport> = sc
        .rounds
        .iter()
        .find(|r| r.audience == Audience::InternalCsat)
        .map(|r| r.groups.iter().collect())
        .unwrap_or_default();
    let lay = panel_top(
        area,
        ctx.locale,
        frame,
        l.title_c,
        c.status.rating,
        &reason(sc, ctx),
        grow,
    )?;
    // The share of the weight C covers stands beside its number; below the threshold the
    // number is no rating: the caption says so and the number loses its data colour.
    let covers = c.coverage.as_ref().map(|cv| {
        (
            cv.rated,
            fill(l.coverage, &[("share", &pct0(ctx.locale, cv.share))]),
        )
    });
    let (caption, colour) = match &covers {
        Some((false, words)) => (format!("{}; {words}", l.not_rated_coverage), MUTED),
        Some((true, words)) => (format!("{}; {words}", l.caption_c), DATA),
        None => (l.caption_c.to_string(), DATA),
    };
    marks::headline_in(
        area,
        ctx.locale,
        &c.weighted_csat,
        &caption,
        (lay.x, lay.headline_y),
        lay.w,
        &colour,
    )?;
    let (x, w) = (lay.x, lay.w);
    let mut y = lay.details_y;
    let head = theme::bold(size::SMALL);
    tl::text(
        area,
        &tl::fit(&head, l.groups_heading, w),
        &head,
        &INK,
        (x, y),
    )?;
    y += line_height(size::SMALL) + 4;
    if groups.is_empty() {
        let why = reasons::absence(ctx.locale, &c.weighted_csat);
        let f = theme::regular(size::SMALL);
        let lines = tl::wrap(&f, &reasons::sentence(&why), w, 2);
        tl::lines(area, &lines, &f, &MUTED, (x, y), line_height(size::SMALL))?;
    } else {
        // Rows share the space; with many groups each row drops to one line. Key drivers
        // below take a little of it.
        let bars_h = if c.top_drivers.is_empty() {
            BARS_H
        } else {
            BARS_H - 20
        };
        let row_h = (bars_h / groups.len() as i32).clamp(22, 40);
        for g in groups.iter().take((bars_h / row_h) as usize) {
            group_row(area, ctx, sc, g, (x, y), w, row_h)?;
            y += row_h;
        }
    }

    let lay = drivers_line::above_trend(
        area,
        ctx,
        c.round.as_ref().map(|r| r.key.as_str()),
        &c.top_drivers,
        y,
        lay,
    )?;
    trend::trend_foot(
        area,
        ctx.locale,
        sc,
        &lay,
        Metric::WeightedCsat,
        &[Metric::WeightedCsat],
    )
}

#[allow(clippy::too_many_arguments)]
fn group_row<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    sc: &Scorecard,
    g: &GroupReport,
    (x, y): (i32, i32),
    w: i32,
    row_h: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let two_lines = row_h >= 36;
    let name = group_name(ctx.locale, &g.key, &g.departments);
    let name_font = theme::bold(size::TINY);
    tl::text(
        area,
        &tl::fit(&name_font, &name, NAME_W - 8),
        &name_font,
        &INK,
        (x, y),
    )?;
    let used = sc.measure_c.groups_used.iter().find(|u| u.group == g.key);
    let mut weight = fill(l.weight, &[("w", &trim_float(g.weight))]);
    match used {
        Some(u) => weight = format!("{weight} ({})", pct0(ctx.locale, u.weight_share)),
        None => weight = format!("{weight} · {}", l.left_out),
    }
    if two_lines {
        let f = theme::regular(size::TINY - 2.0);
        tl::text(
            area,
            &tl::fit(&f, &weight, NAME_W - 8),
            &f,
            &MUTED,
            (x, y + 17),
        )?;
    }

    let (bx0, bx1) = (x + NAME_W, x + w - VALUE_W);
    let bar_top = y + 4;
    let bar_bottom = y + row_h.min(34) - 8;
    let at = |v: f64| bx0 + ((v.clamp(0.0, 1.0)) * (bx1 - bx0) as f64).round() as i32;
    match &g.csat {
        Some(Figure::Shown { value: s }) => {
            marks::rect(
                area,
                (bx0, bar_top),
                (bx1, bar_bottom),
                WHITE_TEXT_BG.filled(),
            )?;
            marks::rect(
                area,
                (bx0, bar_top),
                (at(s.estimate), bar_bottom),
                BAND.mix(0.55).filled(),
            )?;
            let mid = (bar_top + bar_bottom) / 2;
            let (lo, hi) = (at(s.low), at(s.high));
            marks::line(area, (lo, mid), (hi, mid), INK.stroke_width(2))?;
            marks::line(area, (lo, mid - 5), (lo, mid + 5), INK.stroke_width(2))?;
            marks::line(area, (hi, mid - 5), (hi, mid + 5), INK.stroke_width(2))?;
            marks::line(
                area,
                (at(s.estimate), bar_top),
                (at(s.estimate), bar_bottom),
                DATA.stroke_width(3),
            )?;
            let f = theme::bold(size::SMALL);
            tl::anchored(
                area,
                &pct0(ctx.locale, s.estimate),
                &f,
                &INK,
                (x + w, y),
                HPos::Right,
            )?;
        }
        absent => {
            marks::hatched(area, (bx0, bar_top), (bx1, bar_bottom))?;
            // A group without a CSAT figure at all (no such question) has no engine reason.
            let words = absent.as_ref().map_or_else(
                || l.not_enough.to_string(),
                |f| reasons::absence(ctx.locale, f),
            );
            let f = theme::bold(size::TINY - 1.0);
            let words = tl::fit(&f, &words, bx1 - bx0 - 12);
            let tw = tl::width(&f, &words);
            let cx = (bx0 + bx1) / 2;
            marks::rect(
                area,
                (cx - tw / 2 - 5, bar_top + 2),
                (cx + tw / 2 + 5, bar_bottom - 2),
                WHITE_TEXT_BG.filled(),
            )?;
            tl::anchored(area, &words, &f, &INK, (cx, bar_top + 1), HPos::Center)?;
        }
    }
    // A quiet 50% guide so bars can be read against the middle of the scale.
    marks::line(
        area,
        (at(0.5), bar_top - 2),
        (at(0.5), bar_top),
        RULE.stroke_width(1),
    )?;
    Ok(())
}
