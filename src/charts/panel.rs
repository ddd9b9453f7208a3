//! The skeleton every measure's panel shares: card, status strip, title and status line.

use plotters::prelude::*;

use crate::charts::layout::{Frame, PanelLayout, ReportError, PAD};
use crate::charts::marks::{self, Area};
use crate::charts::text_layout as tl;
use crate::charts::theme::{self, size, INK, PANEL};
use crate::domain::locale::Locale;
use crate::domain::scoring::status::Rating;

/// Lines a status reason gets without growing the panels.
pub const REASON_LINES: usize = 3;

/// The lines `reason` takes as a panel of width `frame_w` sets it (never cut).
pub fn reason_lines(reason: &str, frame_w: i32) -> Vec<String> {
    let font = theme::regular(size::SMALL);
    tl::wrap(
        &font,
        &crate::charts::reasons::sentence(reason),
        frame_w - 2 * PAD,
        0,
    )
}

/// How far the panels grow so the longest of `reasons` fits: every panel grows alike, so
/// the three measures still line up across the page.
pub fn growth(reasons: &[String], frame_w: i32) -> i32 {
    let lines = reasons
        .iter()
        .map(|r| reason_lines(r, frame_w).len())
        .max()
        .unwrap_or(0);
    lines.saturating_sub(REASON_LINES) as i32 * tl::line_height(size::SMALL)
}

/// Draws a panel's card, title and status; returns where the rest goes.
///
/// Every panel has the same skeleton so the three measures line up across the page and a
/// reader compares like with like. `grow` is the extra height the page gave the reasons
/// (see [`growth`]); `f` already includes it, and any growth for the key drivers.
#[allow(clippy::too_many_arguments)]
pub fn panel_top<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    f: Frame,
    title: &str,
    rating: Rating,
    reason: &str,
    grow: i32,
) -> Result<PanelLayout, ReportError> {
    marks::rect(area, (f.x, f.y), (f.x + f.w, f.y + f.h), PANEL.filled())?;
    // A status-coloured strip on top: a second cue beside the icon and word, never the only one.
    marks::rect(
        area,
        (f.x, f.y),
        (f.x + f.w, f.y + 6),
        theme::rating_colour(rating).filled(),
    )?;
    let x = f.x + PAD;
    let w = f.w - 2 * PAD;
    let heading = theme::bold(size::HEADING);
    tl::text(
        area,
        &tl::fit(&heading, title, w),
        &heading,
        &INK,
        (x, f.y + 16),
    )?;
    marks::status(
        area,
        locale,
        rating,
        &reason_lines(reason, f.w),
        (x, f.y + 56),
    )?;
    let y = f.y + grow;
    // The trend and its notes hang from the panel's bottom: when the page grew for a long line
    // of key drivers (not for the reason), the trend moves down and keeps its height.
    let bottom = f.y + f.h;
    Ok(PanelLayout {
        x,
        w,
        headline_y: y + 168,
        details_y: y + 300,
        trend_y: bottom - 172,
        trend_h: 134,
        notes_y: bottom - 36,
    })
}
