//! Measuring, wrapping and shortening text so nothing overlaps or runs off a panel.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, RGBColor};

use crate::charts::layout::ReportError;

/// The drawn width of `text` in `font`, in pixels (0 if the font cannot measure it).
pub fn width(font: &FontDesc<'_>, text: &str) -> i32 {
    font.box_size(text).map(|(w, _)| w as i32).unwrap_or(0)
}

/// `text` cut to fit `max` pixels, ending in "…" when cut.
pub fn fit(font: &FontDesc<'_>, text: &str, max: i32) -> String {
    if width(font, text) <= max {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search on the number of characters kept: widths grow monotonically.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if width(font, &candidate) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
}

/// `text` broken into at most `max_lines` lines of at most `max` pixels; the last line ends
/// in "…" if the text did not fit (`max_lines` 0: as many lines as it takes). Words longer
/// than a line are broken between characters (long unbroken names, or Korean written without
/// spaces). A no-break space never breaks a line: German keeps "11 %" together.
pub fn wrap(font: &FontDesc<'_>, text: &str, max: i32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(font, &candidate) <= max {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // The word alone may still be too long: break it between characters.
        let mut piece = String::new();
        for ch in word.chars() {
            piece.push(ch);
            if width(font, &piece) > max && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(ch);
            }
        }
        current = piece;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines && max_lines > 0 {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(fit(font, &format!("{rest} …"), max));
    }
    lines
}

/// Draws one line of text with its top-left at `(x, y)`.
///
/// The glyphs are placed a quarter of the font size below `y`, so a line box starting at `y`
/// holds the ascenders (plotters' ab_glyph drawing otherwise pokes above the anchor).
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    s: &str,
    font: &FontDesc<'_>,
    colour: &RGBColor,
    (x, y): (i32, i32),
) -> Result<(), ReportError> {
    anchored(area, s, font, colour, (x, y), HPos::Left)
}

/// Like [`text`] with a chosen horizontal anchor (`Right` puts the text's end at `x`).
pub fn anchored<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    s: &str,
    font: &FontDesc<'_>,
    colour: &RGBColor,
    (x, y): (i32, i32),
    h: HPos,
) -> Result<(), ReportError> {
    if s.is_empty() {
        return Ok(());
    }
    let style = font.color(colour).pos(Pos::new(h, VPos::Top));
    let dy = (font.get_size() * 0.25) as i32;
    area.draw_text(s, &style, (x, y + dy))
        .map_err(ReportError::drawing)
}

/// Draws `lines` from `y` down, `line_height` apart; returns the y below the last line.
pub fn lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    lines: &[String],
    font: &FontDesc<'_>,
    colour: &RGBColor,
    (x, y): (i32, i32),
    line_height: i32,
) -> Result<i32, ReportError> {
    let mut y = y;
    for l in lines {
        text(area, l, font, colour, (x, y))?;
        y += line_height;
    }
    Ok(y)
}

/// The line height for a font size: 1.3 × the size, enough for Hangul and descenders.
pub fn line_height(size: f64) -> i32 {
    (size * 1.3).round() as i32
}

/// The widest `text` is drawn at `px` CSS pixels in an SVG chart: the SVG names NanumGothic
/// first but a browser without it sets the text in its own sans-serif, so the wider of the
/// embedded face and its Latin fallback (DejaVu Sans, wider than most system faces) is used.
pub fn svg_width(text: &str, px: f64, style: FontStyle) -> f64 {
    use ab_glyph::Font;
    let faces = [
        crate::charts::fonts::face(style),
        crate::charts::fonts::fallback_face(style),
    ];
    faces
        .into_iter()
        .flatten()
        .map(|face| {
            let em = f64::from(face.units_per_em().unwrap_or(1000.0));
            let units: f32 = text
                .chars()
                .map(|c| face.h_advance_unscaled(face.glyph_id(c)))
                .sum();
            f64::from(units) / em * px
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{fonts, theme};

    #[test]
    fn a_number_stays_on_the_line_of_its_percent_sign() {
        fonts::ensure_registered().unwrap();
        let f = theme::regular(14.0);
        let head = "Zeit für technische Schulden 11";
        // Room for the words up to the number, not for the number's "%" after its no-break space.
        let max = width(&f, head) + 2;
        let out = wrap(&f, &format!("{head}\u{a0}% (zuerst angehen)"), max, 0);
        assert_eq!(out[0], "Zeit für technische Schulden", "{out:?}");
        assert!(out[1].starts_with("11\u{a0}%"), "{out:?}");
        assert!(out.iter().all(|l| !l.starts_with('%')), "{out:?}");
    }

    #[test]
    fn long_text_wraps_within_width_and_ends_in_ellipsis() {
        fonts::ensure_registered().unwrap();
        let f = theme::regular(16.0);
        let text = "Supercalifragilisticexpialidocious-Holdings-International-Worldwide \
                    wraps onto several lines of a narrow panel and then some more words";
        let out = wrap(&f, text, 200, 3);
        assert_eq!(out.len(), 3);
        assert!(out.iter().all(|l| width(&f, l) <= 200), "{out:?}");
        assert!(out[2].ends_with('…'));
        let cut = fit(&f, "주식회사 아주 긴 회사 이름 글로벌 테크놀로지", 120);
        assert!(width(&f, &cut) <= 120 && cut.ends_with('…'));
    }
}
