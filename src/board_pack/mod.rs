//! The board pack: one PDF per quarter and language. Page 1 is the board report itself
//! (the charts module's SVG, kept vector); then how the figures are computed and what was
//! withheld, the Likert items per reporting group, the inflection-point register, the
//! CTO's time split and the actions with their follow-through.
//!
//! Pure: it draws from a scorecard and the rows the app layer read for it, never from the
//! database, the clock or the machine's fonts, so the same quarter gives the same bytes.
//! Withheld figures travel as [`Figure`](crate::domain::scoring::Figure) states and are
//! written as words, never as numbers.

mod items;
mod measure;
mod method;
mod page;
mod pdf;
mod register;
pub(crate) mod words;

pub use pdf::PdfError;

use crate::charts::copy;
use crate::charts::{self, ReportContext, ReportError};
use crate::domain::actions::follow::FollowPoint;
use crate::domain::actions::{ActionLink, ActionStatus};
use crate::domain::quarter::Quarter;
use crate::domain::scoring::inputs::{Assessment, Confirmation};
use crate::domain::scoring::Scorecard;

use self::page::{Block, Composer, MARGIN_X, PAGE_H, PAGE_W};

/// One row of the inflection-point register: a point, and one quarter's assessment of it.
#[derive(Debug, Clone)]
pub struct RegisterRow {
    pub title: String,
    pub description: Option<String>,
    pub first_seen: String,
    /// The assessed quarter (none when the point has no assessment yet).
    pub quarter: Option<Quarter>,
    pub assessment: Option<Assessment>,
    pub confirmation: Option<Confirmation>,
    pub cto_note: Option<String>,
    pub board_note: Option<String>,
}

/// An action with its follow-through, its texts already in the pack's language.
#[derive(Debug, Clone)]
pub struct PackAction {
    pub title: String,
    pub note: String,
    pub owner: String,
    /// The quarter it was made in.
    pub made: Quarter,
    pub due: Quarter,
    pub status: ActionStatus,
    pub template_key: String,
    pub link: ActionLink,
    /// The linked figure from the quarter it was made in to the pack's quarter.
    pub points: Vec<FollowPoint>,
}

/// Everything the pack is drawn from.
pub struct PackInput<'a> {
    pub scorecard: &'a Scorecard,
    /// The board report's context (company, language, labels, commentary, time split…).
    pub ctx: &'a ReportContext<'a>,
    pub register: &'a [RegisterRow],
    pub actions: &'a [PackAction],
}

/// Why the pack could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// Page 1: the report's SVG (`height` pixels tall), scaled onto the page with a hairline frame.
fn report_page(svg: &str, height: u32) -> String {
    // Keep only what is inside the report's root element: it is re-rooted in a group.
    let inner = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .and_then(|open| svg.rfind("</svg>").map(|close| &svg[open..close]))
        .unwrap_or("");
    let (w, h) = (charts::WIDTH as f32, height as f32);
    // Full width, unless a report grown by long reasons would then run off the page.
    let scale = ((PAGE_W - 2.0 * (MARGIN_X - 20.0)) / w).min((PAGE_H - 2.0 * MARGIN_X) / h);
    let (x, y) = ((PAGE_W - w * scale) / 2.0, (PAGE_H - h * scale) / 2.0 - 6.0);
    format!(
        "<defs><clipPath id=\"report-clip\"><rect width=\"{w}\" height=\"{h}\"/></clipPath></defs>\n<g transform=\"translate({x:.2} {y:.2}) scale({scale:.5})\"><g clip-path=\"url(#report-clip)\">{inner}</g><rect width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#cecec9\" stroke-width=\"1.5\"/></g>\n"
    )
}

/// The pages as SVG documents (what [`render`] converts), for tests and inspection.
pub fn pages(input: &PackInput<'_>) -> Result<Vec<String>, PackError> {
    let locale = input.ctx.locale;
    let w = words::words(locale);
    let faces = measure::Faces::load().map_err(ReportError::from)?;
    let report = charts::render_svg(input.scorecard, input.ctx)?;
    let mut doc = Composer::new(faces);
    let height = charts::height(input.scorecard, input.ctx)?;
    doc.raw_page(report_page(&report, height));
    let mut blocks: Vec<Block> = Vec::new();
    method::blocks(input, &mut blocks);
    items::blocks(input, &mut blocks);
    register::register_blocks(input, &mut blocks);
    register::time_blocks(input, &mut blocks);
    register::action_blocks(input, &mut blocks);
    for b in &blocks {
        doc.push(b);
    }
    let company = input.ctx.company.trim();
    let header = format!(
        "{} · {} · {}",
        if company.is_empty() { "—" } else { company },
        w.pack_title,
        copy::quarter_long(locale, input.scorecard.quarter)
    );
    Ok(doc.finish(&header, |n, total| {
        copy::fill(
            w.page,
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    }))
}

/// Renders the pack as PDF bytes: same input, same bytes.
pub fn render(input: &PackInput<'_>) -> Result<Vec<u8>, PackError> {
    let pages = pages(input)?;
    let locale = input.ctx.locale;
    let title = format!(
        "{} — {} {}",
        input.ctx.company.trim(),
        words::words(locale).pack_title,
        copy::quarter_long(locale, input.scorecard.quarter)
    );
    Ok(pdf::assemble(
        &pages,
        &pdf::Meta {
            title: &title,
            lang: locale.code(),
        },
    )?)
}

#[cfg(test)]
mod tests;
