//! Measure A's panel: alignment share and the quarter's inflection points.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use crate::charts::copy::{self, assessment_word, confirmation_word};
use crate::charts::layout::{Frame, PanelLayout, ReportContext, ReportError};
use crate::charts::marks::{self, Area};
use crate::charts::panel::panel_top;
use crate::charts::text_layout::{self as tl, line_height};
use crate::charts::theme::{self, size, ALARM, ALARM_TINT, INK, MUTED};
use crate::charts::{reasons, trend};
use crate::domain::scoring::alignment::InflectionPoint;
use crate::domain::scoring::inputs::{Assessment, Confirmation};
use crate::domain::scoring::status::Rating;
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::Scorecard;
use crate::i18n::Arg;

/// How many inflection points fit in the panel.
const MAX_ROWS: usize = 4;
const ROW_H: i32 = 50;

/// Measure A's status reason, as the panel states it.
pub fn reason(sc: &Scorecard, ctx: &ReportContext<'_>) -> String {
    reasons::reason_a(ctx.locale, &sc.measure_a, &ctx.methodology.thresholds)
}

/// Draws measure A in `frame`, its reason given `grow` extra pixels.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
    frame: Frame,
    grow: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let a = &sc.measure_a;
    let lay: PanelLayout = panel_top(
        area,
        ctx.locale,
        frame,
        l.title_a,
        a.status.rating,
        &reason(sc, ctx),
        grow,
    )?;
    marks::headline(
        area,
        ctx.locale,
        &a.alignment,
        l.caption_a,
        (lay.x, lay.headline_y),
        lay.w,
    )?;
    inflection_points(
        area,
        ctx,
        &a.inflection_points,
        (lay.x, lay.details_y),
        lay.w,
    )?;
    trend::trend_foot(
        area,
        ctx.locale,
        sc,
        &lay,
        Metric::Alignment,
        &[Metric::Alignment],
    )
}

/// The icon shape of an assessment, borrowed from the status icons: missed is the red stop
/// sign, late the amber triangle, on time or ahead the green disc, watching the hollow circle.
fn icon(a: Assessment) -> Rating {
    match a {
        Assessment::Missed => Rating::Red,
        Assessment::Late => Rating::Amber,
        Assessment::Ahead | Assessment::OnTime => Rating::Green,
        Assessment::Watching => Rating::NotRated,
    }
}

fn severity(a: Assessment) -> u8 {
    match a {
        Assessment::Missed => 0,
        Assessment::Late => 1,
        Assessment::Watching => 2,
        Assessment::OnTime => 3,
        Assessment::Ahead => 4,
    }
}

fn inflection_points<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    points: &[InflectionPoint],
    (x, y): (i32, i32),
    w: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    tl::text(
        area,
        l.inflection_heading,
        &theme::bold(size::SMALL),
        &INK,
        (x, y),
    )?;
    let mut y = y + line_height(size::SMALL) + 6;
    if points.is_empty() {
        tl::text(
            area,
            l.inflection_none,
            &theme::regular(size::SMALL),
            &MUTED,
            (x, y),
        )?;
        return Ok(());
    }
    // Worst first, so a missed point is always among the rows drawn, whatever the list length.
    let mut sorted: Vec<&InflectionPoint> = points.iter().collect();
    sorted.sort_by_key(|p| severity(p.assessment));
    let shown = if sorted.len() > MAX_ROWS {
        MAX_ROWS - 1
    } else {
        sorted.len()
    };
    for p in &sorted[..shown] {
        row(area, ctx, p, (x, y), w)?;
        y += ROW_H;
    }
    let rest = &sorted[shown..];
    if !rest.is_empty() {
        let missed = rest
            .iter()
            .filter(|p| p.assessment == Assessment::Missed)
            .count();
        let mut more = copy::counted(
            ctx.locale,
            "report-more",
            &[("n", Arg::Count(rest.len() as u64))],
        );
        if missed > 0 {
            more = format!(
                "{more} ({missed} × {})",
                assessment_word(ctx.locale, Assessment::Missed)
            );
        }
        let colour = if missed > 0 { ALARM } else { MUTED };
        tl::text(
            area,
            &more,
            &theme::bold(size::SMALL),
            &colour,
            (x + 34, y + 4),
        )?;
    }
    Ok(())
}

fn row<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    p: &InflectionPoint,
    (x, y): (i32, i32),
    w: i32,
) -> Result<(), ReportError> {
    let missed = p.assessment == Assessment::Missed;
    if missed {
        // Tinted band and a thick left bar: a missed inflection point cannot be overlooked.
        marks::rect(
            area,
            (x - 6, y - 3),
            (x + w + 6, y + ROW_H - 5),
            ALARM_TINT.filled(),
        )?;
        marks::rect(area, (x - 6, y - 3), (x - 1, y + ROW_H - 5), ALARM.filled())?;
    }
    theme::draw_status_icon(area, icon(p.assessment), (x + 13, y + 13), 11)
        .map_err(ReportError::drawing)?;
    let word = assessment_word(ctx.locale, p.assessment);
    let word_font = theme::bold(size::BODY);
    let word_colour = if missed { ALARM } else { INK };
    tl::anchored(
        area,
        word,
        &word_font,
        &word_colour,
        (x + w, y),
        HPos::Right,
    )?;
    let title_w = w - 34 - tl::width(&word_font, word) - 12;
    let title_font = theme::bold(size::BODY);
    let title = tl::fit(&title_font, &p.title, title_w);
    tl::text(area, &title, &title_font, &INK, (x + 34, y))?;
    let conf = confirmation_word(ctx.locale, p.confirmation);
    let (conf_font, conf_colour) = match p.confirmation {
        Confirmation::Confirmed => (theme::regular(size::TINY), MUTED),
        // Unconfirmed and disputed assessments are marked, not hidden: DESIGN shows them as such.
        _ => (theme::bold(size::TINY), INK),
    };
    let conf = tl::fit(&conf_font, conf, w - 34);
    tl::text(area, &conf, &conf_font, &conf_colour, (x + 34, y + 24))
}
