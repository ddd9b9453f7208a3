//! Colours, type sizes and the status marks: a colour-blind-safe palette (Okabe–Ito) where
//! every status is also a word and an icon shape, so nothing is told by colour alone.

use plotters::prelude::*;
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor};

use crate::charts::fonts::FAMILY;
use crate::domain::scoring::status::Rating;

/// Page background.
pub const PAPER: RGBColor = RGBColor(255, 255, 255);
/// Panel background: a faint grey so the three measures read as three cards.
pub const PANEL: RGBColor = RGBColor(247, 247, 245);
/// Body text.
pub const INK: RGBColor = RGBColor(33, 33, 33);
/// Secondary text (labels, footnotes).
pub const MUTED: RGBColor = RGBColor(96, 96, 96);
/// Rules, tracks and grid lines.
pub const RULE: RGBColor = RGBColor(206, 206, 202);
/// Data marks (Okabe–Ito blue).
pub const DATA: RGBColor = RGBColor(0, 114, 178);
/// Interval whiskers and bands (Okabe–Ito sky blue).
pub const BAND: RGBColor = RGBColor(86, 180, 233);
/// Green status (Okabe–Ito bluish green).
pub const GOOD: RGBColor = RGBColor(0, 158, 115);
/// Amber status (Okabe–Ito orange).
pub const WARN: RGBColor = RGBColor(230, 159, 0);
/// Red status, a missed inflection point and real changes (Okabe–Ito vermillion).
pub const ALARM: RGBColor = RGBColor(213, 94, 0);
/// Background tint behind a missed inflection point.
pub const ALARM_TINT: RGBColor = RGBColor(251, 226, 209);
/// A figure withheld or missing: hatched grey, never a bar of length zero.
pub const WITHHELD: RGBColor = RGBColor(150, 150, 150);

/// Type sizes in pixels (plotters' font size: roughly 1.24 × the SVG `font-size`).
pub mod size {
    /// Company name.
    pub const TITLE: f64 = 38.0;
    /// Panel titles.
    pub const HEADING: f64 = 25.0;
    /// Headline numbers.
    pub const HEADLINE: f64 = 46.0;
    /// Status word.
    pub const STATUS: f64 = 21.0;
    /// Ordinary text.
    pub const BODY: f64 = 18.0;
    /// Labels and notes.
    pub const SMALL: f64 = 16.0;
    /// Footer and axis labels.
    pub const TINY: f64 = 14.5;
}

/// A regular font of `size`.
pub fn regular(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FAMILY), size, FontStyle::Normal)
}

/// A bold font of `size`.
pub fn bold(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FAMILY), size, FontStyle::Bold)
}

/// The colour of a rating.
pub fn rating_colour(rating: Rating) -> RGBColor {
    match rating {
        Rating::Green => GOOD,
        Rating::Amber => WARN,
        Rating::Red => ALARM,
        Rating::NotRated => WITHHELD,
    }
}

/// Draws the rating's icon centred on `(cx, cy)` with radius `r`.
///
/// Each rating has its own shape — green a disc with a tick, amber a triangle with "!", red an
/// octagon ("stop") with a cross, not rated a hollow circle with "?" — so a reader who cannot
/// tell the colours apart, or a grey-scale print, still sees the status.
pub fn draw_status_icon<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    rating: Rating,
    (cx, cy): (i32, i32),
    r: i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let colour = rating_colour(rating);
    let white = WHITE.stroke_width(3);
    match rating {
        Rating::Green => {
            area.draw(&Circle::new((cx, cy), r, colour.filled()))?;
            area.draw(&PathElement::new(
                vec![
                    (cx - r / 2, cy),
                    (cx - r / 8, cy + r * 3 / 8),
                    (cx + r / 2, cy - r * 3 / 8),
                ],
                white,
            ))?;
        }
        Rating::Amber => {
            let pts = vec![
                (cx, cy - r),
                (cx + r, cy + r * 3 / 4),
                (cx - r, cy + r * 3 / 4),
            ];
            area.draw(&Polygon::new(pts, colour.filled()))?;
            area.draw(&PathElement::new(
                vec![(cx, cy - r / 3), (cx, cy + r / 5)],
                INK.stroke_width(3),
            ))?;
            area.draw(&Circle::new((cx, cy + r / 2), 2, INK.filled()))?;
        }
        Rating::Red => {
            // A regular octagon: the stop-sign shape.
            let k = r * 41 / 100;
            let pts = vec![
                (cx - k, cy - r),
                (cx + k, cy - r),
                (cx + r, cy - k),
                (cx + r, cy + k),
                (cx + k, cy + r),
                (cx - k, cy + r),
                (cx - r, cy + k),
                (cx - r, cy - k),
            ];
            area.draw(&Polygon::new(pts, colour.filled()))?;
            let d = r * 2 / 5;
            area.draw(&PathElement::new(
                vec![(cx - d, cy - d), (cx + d, cy + d)],
                white,
            ))?;
            area.draw(&PathElement::new(
                vec![(cx - d, cy + d), (cx + d, cy - d)],
                white,
            ))?;
        }
        Rating::NotRated => {
            area.draw(&Circle::new((cx, cy), r, colour.stroke_width(2)))?;
            area.draw_text(
                "?",
                &bold(r as f64 * 1.5)
                    .color(&colour)
                    .pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        plotters::style::text_anchor::VPos::Center,
                    )),
                (cx, cy),
            )?;
        }
    }
    Ok(())
}

/// White behind text laid over tints or hatching.
pub const WHITE_TEXT_BG: RGBColor = RGBColor(255, 255, 255);
