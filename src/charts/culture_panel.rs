//! Measure B's panel: productive and happy, the four quadrants, eNPS and the lagging
//! indicators against their thresholds.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::charts::copy::{self, fill, pct1, signed};
use crate::charts::layout::{Frame, ReportContext, ReportError};
use crate::charts::marks::{self, Area};
use crate::charts::panel::panel_top;
use crate::charts::text_layout::{self as tl, line_height};
use crate::charts::theme::{self, size, INK, MUTED, WHITE_TEXT_BG};
use crate::charts::{drivers_line, reasons, trend};
use crate::domain::scoring::lagging::{BreachWhen, LaggingIndicator};
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::status::Rating;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::{Figure, Scorecard};
use crate::i18n::Arg;

/// Measure B's status reason, as the panel states it.
pub fn reason(sc: &Scorecard, ctx: &ReportContext<'_>) -> String {
    reasons::reason_b(ctx.locale, &sc.measure_b, &ctx.methodology.thresholds)
}

/// Draws measure B in `frame`, its reason given `grow` extra pixels.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
    frame: Frame,
    grow: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let b = &sc.measure_b;
    let lay = panel_top(
        area,
        ctx.locale,
        frame,
        l.title_b,
        b.status.rating,
        &reason(sc, ctx),
        grow,
    )?;
    marks::headline(
        area,
        ctx.locale,
        &b.productive_and_happy,
        l.caption_b,
        (lay.x, lay.headline_y),
        lay.w,
    )?;
    let (x, w) = (lay.x, lay.w);
    let mut y = lay.details_y;

    // Quadrants.
    let tiny = theme::regular(size::TINY);
    tl::text(
        area,
        &tl::fit(&tiny, l.quadrants_heading, w),
        &tiny,
        &MUTED,
        (x, y),
    )?;
    y += line_height(size::TINY) + 2;
    let cell_w = w / 2;
    let cell_h = 34;
    match b.quadrants.value() {
        Some(q) => {
            let counts = [
                q.productive_and_happy,
                q.burnout_risk,
                q.friction,
                q.neither,
            ];
            for (i, (count, name)) in counts.iter().zip(l.quadrants).enumerate() {
                let cx = x + (i as i32 % 2) * cell_w;
                let cy = y + (i as i32 / 2) * cell_h;
                let fill_style = if i == 0 {
                    theme::BAND.mix(0.35).filled()
                } else {
                    WHITE_TEXT_BG.filled()
                };
                marks::rect(
                    area,
                    (cx, cy),
                    (cx + cell_w - 4, cy + cell_h - 4),
                    fill_style,
                )?;
                let num = theme::bold(size::BODY);
                let count = count.to_string();
                tl::text(area, &count, &num, &INK, (cx + 8, cy + 3))?;
                let nw = tl::width(&num, &count) + 16;
                let f = theme::regular(size::SMALL);
                tl::text(
                    area,
                    &tl::fit(&f, name, cell_w - nw - 10),
                    &f,
                    &INK,
                    (cx + nw, cy + 5),
                )?;
            }
        }
        None => {
            marks::absent_box(
                area,
                ctx.locale,
                &b.quadrants,
                "",
                (x, y),
                (w, 2 * cell_h - 4),
            )?;
        }
    }
    y += 2 * cell_h + 6;

    // eNPS.
    match b.enps.value() {
        Some(e) => {
            let text = copy::counted(
                ctx.locale,
                "report-enps",
                &[
                    ("score", Arg::Text(&signed(e.score))),
                    ("low", Arg::Text(&signed(e.low))),
                    ("high", Arg::Text(&signed(e.high))),
                    ("n", Arg::Count(e.n)),
                ],
            );
            let f = theme::bold(size::SMALL);
            tl::text(area, &tl::fit(&f, &text, w), &f, &INK, (x, y))?;
            let ticks = vec![
                (-100.0, "–100".to_string()),
                (0.0, "0".to_string()),
                (100.0, "+100".to_string()),
            ];
            marks::interval_bar(
                area,
                (x + 14, y + 32),
                w - 28,
                (-100.0, 100.0),
                (e.low, e.score, e.high),
                &ticks,
            )?;
        }
        None => {
            let why = reasons::absence(ctx.locale, &b.enps);
            let f = theme::regular(size::SMALL);
            // Two lines fit above the lagging rows: a cause that names its survey and quarter
            // is said in full.
            let lines = tl::wrap(&f, &format!("eNPS: {why}"), w, 2);
            tl::lines(area, &lines, &f, &INK, (x, y), line_height(size::SMALL))?;
        }
    }
    y += 58;

    // Lagging indicators against their thresholds.
    for (label, ind) in [
        (l.attrition, &b.lagging.regretted_top_talent_attrition),
        (l.acceptance, &b.lagging.offer_acceptance),
    ] {
        lagging_row(area, ctx, label, ind, (x, y), w)?;
        y += 26;
    }

    let lay = drivers_line::above_trend(
        area,
        ctx,
        b.round.as_ref().map(|r| r.key.as_str()),
        &b.top_drivers,
        y,
        lay,
    )?;
    trend::trend_foot(
        area,
        ctx.locale,
        sc,
        &lay,
        Metric::ProductiveAndHappy,
        &[Metric::ProductiveAndHappy, Metric::Enps],
    )
}

fn lagging_row<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    label: &str,
    ind: &LaggingIndicator,
    (x, y): (i32, i32),
    w: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let rating = match ind.breach {
        Some(true) => Rating::Amber,
        Some(false) => Rating::Green,
        None => Rating::NotRated,
    };
    theme::draw_status_icon(area, rating, (x + 8, y + 11), 8).map_err(ReportError::drawing)?;
    let threshold = pct1(ctx.locale, ind.threshold);
    let limit = match ind.breach_when {
        BreachWhen::Above => fill(l.at_most, &[("t", &threshold)]),
        BreachWhen::Below => fill(l.at_least, &[("t", &threshold)]),
    };
    let (value, verdict) = match (ind.value.value(), ind.breach) {
        (Some(v), Some(true)) => (pct1(ctx.locale, v.value), l.breach),
        (Some(v), _) => (pct1(ctx.locale, v.value), l.within),
        // A short cause fits the row; the pages give the whole sentence.
        (None, _) => {
            let cause = match &ind.value {
                Figure::NotEnoughData {
                    reason: Missing::NoHeadcountSnapshot { .. },
                } => l.no_headcount,
                Figure::NotEnoughData {
                    reason: Missing::ZeroHeadcount,
                } => l.no_top_talent,
                Figure::NotEnoughData {
                    reason: Missing::NoOffers,
                } => l.no_offers,
                _ => l.no_hr_data,
            };
            (cause.to_string(), "")
        }
    };
    let right = if verdict.is_empty() {
        format!("{value} ({limit})")
    } else {
        format!("{value} · {verdict} ({limit})")
    };
    let bold = theme::bold(size::TINY);
    tl::anchored(area, &right, &bold, &INK, (x + w, y + 2), HPos::Right)?;
    let f = theme::regular(size::TINY);
    let room = w - 24 - tl::width(&bold, &right) - 10;
    tl::text(area, &tl::fit(&f, label, room), &f, &INK, (x + 22, y + 2))
}
