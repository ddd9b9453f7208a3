//! The skeleton every measure's panel shares: card, status strip, title and status line.

use plotters::prelude::*;

use crate::charts::layout::{Frame, PanelLayout, ReportError, PAD};
use crate::charts::marks::{self, Area};
use crate::charts::text_layout as tl;
use crate::charts::theme::{self, size, INK, PANEL};
use crate::domain::locale::Locale;
use crate::domain::scoring::status::Rating;

/// Draws a panel's card, title and status; returns where the rest goes.
///
/// Every panel has the same skeleton so the three measures line up across the page and a
/// reader compares like with like.
pub fn panel_top<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    f: Frame,
    title: &str,
    rating: Rating,
    reason: &str,
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
    let reason = crate::charts::reasons::sentence(reason);
    marks::status(area, locale, rating, &reason, (x, f.y + 56), w, 3)?;
    Ok(PanelLayout {
        x,
        w,
        headline_y: f.y + 168,
        details_y: f.y + 300,
        trend_y: f.y + 528,
        trend_h: 134,
        notes_y: f.y + 664,
    })
}
