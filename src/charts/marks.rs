//! The marks every panel shares: the status line, the headline share with its interval, an
//! interval bar, and the hatched box that stands in for a withheld figure.

use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;

use crate::charts::copy::{self, pct0};
use crate::charts::layout::ReportError;
use crate::charts::text_layout::{self as tl, line_height};
use crate::charts::theme::{self, size, ALARM, BAND, DATA, INK, MUTED, RULE, WITHHELD};
use crate::domain::locale::Locale;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::status::Rating;
use crate::i18n::Arg;

/// The drawing surface every mark draws on (the whole image; marks place themselves).
pub type Area<DB> = DrawingArea<DB, Shift>;

fn draw<DB: DrawingBackend, E>(area: &Area<DB>, e: &E) -> Result<(), ReportError>
where
    for<'b> &'b E: PointCollection<'b, (i32, i32)>,
    E: Drawable<DB>,
{
    area.draw(e).map_err(ReportError::drawing)
}

/// A filled rectangle.
pub fn rect<DB: DrawingBackend>(
    area: &Area<DB>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    style: ShapeStyle,
) -> Result<(), ReportError> {
    draw(area, &Rectangle::new([(x0, y0), (x1, y1)], style))
}

/// A straight line.
pub fn line<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    style: ShapeStyle,
) -> Result<(), ReportError> {
    draw(area, &PathElement::new(vec![from, to], style))
}

/// A disc.
pub fn disc<DB: DrawingBackend>(
    area: &Area<DB>,
    centre: (i32, i32),
    r: i32,
    style: ShapeStyle,
) -> Result<(), ReportError> {
    draw(area, &Circle::new(centre, r, style))
}

/// A box of diagonal grey hatching with a grey outline: the mark of a withheld or missing
/// figure, so it can never be mistaken for a bar of length zero.
pub fn hatched<DB: DrawingBackend>(
    area: &Area<DB>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
) -> Result<(), ReportError> {
    let h = y1 - y0;
    let mut s = x0 - h;
    while s < x1 {
        // The 45° line from (s, y1) to (s + h, y0), clipped to x0..x1.
        let (mut ax, mut ay) = (s, y1);
        let (mut bx, mut by) = (s + h, y0);
        if ax < x0 {
            ay -= x0 - ax;
            ax = x0;
        }
        if bx > x1 {
            by += bx - x1;
            bx = x1;
        }
        if ax < bx {
            line(area, (ax, ay), (bx, by), theme::RULE.stroke_width(1))?;
        }
        s += 8;
    }
    rect(area, (x0, y0), (x1, y1), WITHHELD.stroke_width(1))
}

/// The status line (icon, word) and its reason below, already wrapped to the panel's width;
/// returns the y below it.
pub fn status<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    rating: Rating,
    reason: &[String],
    (x, y): (i32, i32),
) -> Result<i32, ReportError> {
    theme::draw_status_icon(area, rating, (x + 14, y + 14), 14).map_err(ReportError::drawing)?;
    let word = copy::rating_word(locale, rating);
    let colour = if rating == Rating::Red { ALARM } else { INK };
    tl::text(
        area,
        word,
        &theme::bold(size::STATUS),
        &colour,
        (x + 38, y + 1),
    )?;
    let font = theme::regular(size::SMALL);
    tl::lines(
        area,
        reason,
        &font,
        &INK,
        (x, y + 34),
        line_height(size::SMALL),
    )
}

/// A horizontal track from `lo` to `hi` (axis units) with the interval as a thick band and
/// the estimate as a dot; returns nothing, occupying `y - 8 .. y + 8`.
#[allow(clippy::too_many_arguments)]
pub fn interval_bar<DB: DrawingBackend>(
    area: &Area<DB>,
    (x, y): (i32, i32),
    w: i32,
    (lo, hi): (f64, f64),
    (low, estimate, high): (f64, f64, f64),
    ticks: &[(f64, String)],
) -> Result<(), ReportError> {
    let at = |v: f64| x + (((v - lo) / (hi - lo)).clamp(0.0, 1.0) * w as f64).round() as i32;
    line(area, (x, y), (x + w, y), RULE.stroke_width(2))?;
    let tick_font = theme::regular(size::TINY - 2.0);
    for (v, label) in ticks {
        let tx = at(*v);
        line(area, (tx, y - 5), (tx, y + 5), RULE.stroke_width(1))?;
        tl::anchored(
            area,
            label,
            &tick_font,
            &MUTED,
            (tx, y + 6),
            plotters::style::text_anchor::HPos::Center,
        )?;
    }
    rect(
        area,
        (at(low), y - 4),
        (at(high).max(at(low) + 1), y + 4),
        BAND.filled(),
    )?;
    disc(area, (at(estimate), y), 7, DATA.filled())?;
    disc(area, (at(estimate), y), 7, WHITE.stroke_width(2))
}

/// The headline share: a big number, its caption, interval bar and interval in words; or,
/// when the figure is absent, a hatched box that says why. Returns the y below it.
#[allow(clippy::too_many_arguments)]
pub fn headline<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    figure: &Figure<Share>,
    caption: &str,
    at: (i32, i32),
    w: i32,
) -> Result<i32, ReportError> {
    headline_in(area, locale, figure, caption, at, w, &DATA)
}

/// [`headline`] with the big number in `number_colour` (muted for a figure that is no rating).
#[allow(clippy::too_many_arguments)]
pub fn headline_in<DB: DrawingBackend>(
    area: &Area<DB>,
    locale: Locale,
    figure: &Figure<Share>,
    caption: &str,
    (x, y): (i32, i32),
    w: i32,
    number_colour: &RGBColor,
) -> Result<i32, ReportError> {
    let l = copy::labels(locale);
    match figure.value() {
        Some(s) => {
            let big = theme::bold(size::HEADLINE);
            let number = pct0(locale, s.estimate);
            tl::text(area, &number, &big, number_colour, (x, y))?;
            let nw = tl::width(&big, &number) + 14;
            let cap_font = theme::regular(size::SMALL);
            let cap = tl::wrap(&cap_font, caption, w - nw, 2);
            let cap_y = if cap.len() == 1 { y + 16 } else { y + 6 };
            tl::lines(
                area,
                &cap,
                &cap_font,
                &INK,
                (x + nw, cap_y),
                line_height(size::SMALL),
            )?;
            let ticks: Vec<(f64, String)> = [0.0, 0.5, 1.0]
                .iter()
                .map(|&v| (v, pct0(locale, v)))
                .collect();
            interval_bar(
                area,
                (x + 10, y + 72),
                w - 20,
                (0.0, 1.0),
                (s.low, s.estimate, s.high),
                &ticks,
            )?;
            let words = if s.census {
                format!("n = {} · {}", crate::i18n::count(locale, s.n), l.census)
            } else {
                copy::counted(
                    locale,
                    "report-interval",
                    &[
                        ("low", Arg::Text(&pct0(locale, s.low))),
                        ("high", Arg::Text(&pct0(locale, s.high))),
                        ("n", Arg::Count(s.n)),
                    ],
                )
            };
            let f = theme::regular(size::TINY);
            tl::text(area, &tl::fit(&f, &words, w), &f, &MUTED, (x, y + 98))?;
            Ok(y + 124)
        }
        None => {
            absent_box(area, locale, figure, caption, (x, y + 4), (w, 112))?;
            Ok(y + 124)
        }
    }
}

/// A hatched box saying what the figure would have been and why it is absent.
pub fn absent_box<DB: DrawingBackend, T>(
    area: &Area<DB>,
    locale: Locale,
    figure: &Figure<T>,
    caption: &str,
    (x, y): (i32, i32),
    (w, h): (i32, i32),
) -> Result<(), ReportError> {
    hatched(area, (x, y), (x + w, y + h))?;
    let why = crate::charts::reasons::sentence(&crate::charts::reasons::absence(locale, figure));
    let pad = 12;
    let bold = theme::bold(size::BODY);
    let lines = tl::wrap(&bold, &why, w - 2 * pad, 2);
    // White under the words so the hatching never crosses them.
    let lh = line_height(size::BODY);
    let text_h = lh * lines.len() as i32 + line_height(size::SMALL) * 2;
    let top = y + ((h - text_h) / 2).max(4);
    rect(
        area,
        (x + pad - 4, top - 4),
        (x + w - pad + 4, top + text_h + 2),
        WHITE.filled(),
    )?;
    let after = tl::lines(area, &lines, &bold, &INK, (x + pad, top), lh)?;
    let f = theme::regular(size::SMALL);
    let cap = tl::wrap(&f, caption, w - 2 * pad, 2);
    tl::lines(
        area,
        &cap,
        &f,
        &MUTED,
        (x + pad, after),
        line_height(size::SMALL),
    )?;
    Ok(())
}
