//! The board report's actions, beside the CTO's commentary: the few actions that are live
//! in the quarter, each with its status and its whole title, wrapped; the band grows when
//! the titles need more lines than it has.

use plotters::prelude::*;

use super::layout::{ReportContext, ReportError, PAD};
use super::marks::{self, Area};
use super::text_layout::{self as tl, line_height};
use super::theme::{self, size, INK, MUTED, PANEL};
use crate::domain::actions::recap::status_word;
use crate::domain::actions::ActionStatus;
use crate::domain::locale::Locale;

/// One action as the report shows it (its title already in the report's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportAction {
    pub title: String,
    pub status: ActionStatus,
}

/// How many actions the box has room for.
pub const SHOWN: usize = 3;

fn heading(locale: Locale, total: usize) -> String {
    crate::charts::copy::counted(
        locale,
        "report-actions-heading",
        &[("total", crate::i18n::Arg::Count(total as u64))],
    )
}

/// A status as a board member reads it at the start of a line.
fn status_label(s: ActionStatus, locale: Locale) -> String {
    let w = status_word(s, locale);
    let mut c = w.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Each shown action's status label and its title's lines in a box from `x0` to `x1`, with
/// where the title starts.
fn laid_out(ctx: &ReportContext<'_>, (x0, x1): (i32, i32)) -> Vec<(String, i32, Vec<String>)> {
    let f = theme::regular(size::SMALL);
    let bold = theme::bold(size::SMALL);
    ctx.actions
        .iter()
        .take(SHOWN)
        .map(|a| {
            let label = format!("{} ·", status_label(a.status, ctx.locale));
            let lw = tl::width(&bold, &label) + 8;
            let room = x1 - x0 - 2 * PAD - lw;
            let lines = tl::wrap(&f, &a.title, room, 0);
            (label, lw, lines)
        })
        .collect()
}

/// The extra height the box needs beyond the band's, which holds one line per shown action.
pub fn growth(ctx: &ReportContext<'_>, span: (i32, i32)) -> i32 {
    let lines: usize = laid_out(ctx, span).iter().map(|a| a.2.len().max(1)).sum();
    let shown = ctx.actions.len().min(SHOWN);
    (lines.saturating_sub(shown) as i32) * line_height(size::SMALL)
}

/// Draws the box between `x0` and `x1`, from `top` to `bottom`. `total` counts every live
/// action; the first [`SHOWN`] of `ctx.actions` are drawn.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    (x0, x1): (i32, i32),
    (top, bottom): (i32, i32),
    total: usize,
) -> Result<(), ReportError> {
    marks::rect(area, (x0, top), (x1, bottom), PANEL.filled())?;
    marks::rect(area, (x0, top), (x0 + 5, bottom), theme::DATA.filled())?;
    let head = theme::bold(size::SMALL);
    tl::text(
        area,
        &heading(ctx.locale, total),
        &head,
        &INK,
        (x0 + PAD, top + 8),
    )?;
    let f = theme::regular(size::SMALL);
    let bold = theme::bold(size::SMALL);
    let step = line_height(size::SMALL);
    let mut y = top + 8 + step;
    for ((label, lw, lines), a) in laid_out(ctx, (x0, x1)).into_iter().zip(ctx.actions.iter()) {
        let colour = if a.status == ActionStatus::Done {
            &INK
        } else {
            &MUTED
        };
        tl::text(area, &label, &bold, colour, (x0 + PAD, y))?;
        tl::lines(area, &lines, &f, &INK, (x0 + PAD + lw, y), step)?;
        y += step * lines.len().max(1) as i32;
    }
    Ok(())
}
