//! The board's line of key drivers under a measure: its three most important drivers, each
//! named in a few words with the share of the variation it explains, "fix first" marked.

use plotters::prelude::*;

use crate::charts::copy::{department_name, pct0};
use crate::charts::layout::{ItemLabels, PanelLayout, ReportContext, ReportError};
use crate::charts::marks::Area;
use crate::charts::text_layout as tl;
use crate::charts::theme::{self, size, INK};
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::scoring::drivers::report::{Priority, TopDriver};
use crate::domain::scoring::drivers::WHOLE_ROUND;

/// The line's heading per language.
fn heading(locale: Locale) -> &'static str {
    crate::charts::copy::labels(locale).drivers_heading
}

/// Marks a driver that is important and below average.
fn fix_first(locale: Locale) -> &'static str {
    crate::charts::copy::labels(locale).fix_first
}

/// One driver in words: its group ("Sales"; none for the culture round) and
/// "Joins customer meetings 41%".
fn entry(
    locale: Locale,
    template: &str,
    t: &TopDriver,
    labels: &ItemLabels,
) -> (Option<String>, String) {
    let name = labels
        .get(&(template.to_string(), t.driver.item.clone()))
        .map(|l| l.get(locale).to_string())
        .unwrap_or_else(|| t.driver.item.replace('_', " "));
    let group = (t.analysis != WHOLE_ROUND).then(|| {
        t.analysis
            .split('+')
            .filter_map(|k| k.parse::<Department>().ok())
            .map(|d| department_name(locale, d))
            .collect::<Vec<_>>()
            .join(" + ")
    });
    (
        group,
        format!("{name} {}", pct0(locale, t.driver.importance.estimate)),
    )
}

/// Draws the heading and the drivers at `(x, y)` within `w`: as many whole drivers, most
/// important first, as fit in two lines; the most important one alone wraps onto as many lines
/// as its name takes (a name is never cut off). Returns the height used (0 when there is
/// nothing to show: no driver passed the rules, so the board sees none).
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    template: &str,
    top: &[TopDriver],
    (x, y): (i32, i32),
    w: i32,
) -> Result<i32, ReportError> {
    if top.is_empty() {
        return Ok(0);
    }
    let bold = theme::bold(size::TINY);
    let head = format!("{}:", heading(ctx.locale));
    tl::text(area, &head, &bold, &INK, (x, y))?;
    let (indent, lines) = layout(ctx, template, top, w);
    let step = tl::line_height(size::TINY);
    let regular = theme::regular(size::TINY);
    tl::lines(area, &lines, &regular, &INK, (x + indent, y), step)?;
    Ok(step * lines.len().max(1) as i32)
}

/// Lines the drivers get without the page growing.
const LINES: usize = 2;

/// The indent after the heading and the lines of drivers, as [`draw`] sets them in `w`.
fn layout(
    ctx: &ReportContext<'_>,
    template: &str,
    top: &[TopDriver],
    w: i32,
) -> (i32, Vec<String>) {
    let bold = theme::bold(size::TINY);
    let regular = theme::regular(size::TINY);
    let indent = tl::width(&bold, &format!("{}:", heading(ctx.locale))) + 6;
    let width = w - indent;
    let lines = (1..=top.len())
        .rev()
        .map(|n| tl::wrap(&regular, &words(ctx, template, &top[..n]), width, 0))
        .find(|lines| lines.len() <= LINES)
        .unwrap_or_else(|| tl::wrap(&regular, &words(ctx, template, &top[..1]), width, 0));
    (indent, lines)
}

/// How far the page grows so a top driver whose name needs more than [`LINES`] lines is set
/// in full without taking the trend's height.
pub fn growth(ctx: &ReportContext<'_>, template: &str, top: &[TopDriver], w: i32) -> i32 {
    if top.is_empty() {
        return 0;
    }
    let (_, lines) = layout(ctx, template, top, w);
    lines.len().saturating_sub(LINES) as i32 * tl::line_height(size::TINY)
}

/// The drivers in words: "Sales: Joins customer meetings 41%, Explains decisions 26% ·
/// Engineering: …", the group named once for its run of drivers.
fn words(ctx: &ReportContext<'_>, template: &str, top: &[TopDriver]) -> String {
    let mut text = String::new();
    let mut last_group: Option<&str> = None;
    for (i, t) in top.iter().enumerate() {
        let (group, item) = entry(ctx.locale, template, t, ctx.labels);
        if last_group == Some(t.analysis.as_str()) {
            text.push_str(", ");
        } else {
            if i > 0 {
                text.push_str(" · ");
            }
            if let Some(g) = group {
                text.push_str(&format!("{g}: "));
            }
            last_group = Some(t.analysis.as_str());
        }
        text.push_str(&item);
        if t.driver.priority == Some(Priority::FixFirst) {
            text.push_str(&format!(" ({})", fix_first(ctx.locale)));
        }
    }
    text
}

/// Draws the line below the panel's content (which ends at `content_end`) and moves the
/// trend down only as far as the line reaches into it.
pub fn above_trend<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    template: Option<&str>,
    top: &[TopDriver],
    content_end: i32,
    lay: PanelLayout,
) -> Result<PanelLayout, ReportError> {
    let Some(template) = template else {
        return Ok(lay);
    };
    let y = content_end + 6;
    let used = draw(area, ctx, template, top, (lay.x, y), lay.w)?;
    let shift = if used > 0 {
        (y + used + 8 - lay.trend_y).max(0)
    } else {
        0
    };
    Ok(PanelLayout {
        trend_y: lay.trend_y + shift,
        trend_h: lay.trend_h - shift,
        ..lay
    })
}
