//! Text on the bitmap, set glyph by glyph from the font's own metrics.
//!
//! plotters' ab_glyph text drawing places each glyph's ink at the pen position without the
//! glyph's left side bearing and truncates the pen to whole pixels per glyph, so words come
//! out with gaps inside them ("qu arters"). [`Typeset`] wraps a pixel backend and draws the
//! report's text itself: pen advanced by the unhinted advance widths plus the font's
//! kerning, each glyph outlined at its exact (sub-pixel) origin. Everything else is handed to
//! the wrapped backend untouched, and measuring stays plotters' (the same advances and
//! kerning), so layout and the SVG output do not change.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontFamily, FontStyle, FontTransform};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use crate::charts::fonts;

/// A glyph of a laid-out line: which glyph, and where its origin (on the baseline) sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    pub id: ab_glyph::GlyphId,
    pub x: f32,
    /// A diacritic drawn over the glyph, offset from its origin, for a letter the face lacks.
    pub mark: Option<(ab_glyph::GlyphId, f32, f32)>,
}

/// Capitals with a diaeresis that NanumGothic lacks (German needs Ä and Ö; it has Ü, Ë, Ï,
/// which are drawn as they are), set as the base letter with the spacing diaeresis over it.
pub(crate) const COMPOSED: [(char, char); 4] = [('Ä', 'A'), ('Ö', 'O'), ('Ë', 'E'), ('Ï', 'I')];

/// The size marks are measured at: whole-pixel ink bounds at this size are exact enough to
/// scale down to any text size.
const MEASURE: f32 = 1000.0;

/// Outline bounds of `c` at `scale` with its origin at (0, 0), in pixels.
fn ink(font: &FontRef<'static>, c: char, scale: PxScale) -> Option<ab_glyph::Rect> {
    let id = font.glyph_id(c);
    if id.0 == 0 {
        return None;
    }
    let outline = font.outline_glyph(id.with_scale_and_position(scale, point(0.0, 0.0)))?;
    Some(outline.px_bounds())
}

/// German's opening quote, which NanumGothic lacks: two commas, as the low double quote is drawn.
pub(crate) const LOW_QUOTE: char = '„';

/// How `c`, which the face lacks, is composed: the base glyph, the mark over it, and the
/// advance the pair adds beyond the base's own.
fn composed(font: &FontRef<'static>, c: char, scale: PxScale) -> Option<(Placed, f32)> {
    if c == LOW_QUOTE {
        let comma = font.glyph_id(',');
        let step = font.as_scaled(scale).h_advance(comma) * 0.45;
        let placed = Placed {
            id: comma,
            x: 0.0,
            mark: Some((comma, step, 0.0)),
        };
        return (comma.0 != 0).then_some((placed, step));
    }
    let base = COMPOSED.iter().find(|(k, _)| *k == c)?.1;
    // The dots sit over the capital as the font sets them over the small letter (ä over a),
    // raised by how much taller the capital is. NanumGothic's own Ü is no guide: it shrinks
    // the U to make room, so its dots would land on a full-height A's apex.
    let small = c.to_lowercase().next()?;
    let small_base = base.to_lowercase().next()?;
    let at = PxScale::from(MEASURE);
    let (b, lower, lower_marked, dots) = (
        ink(font, base, at)?,
        ink(font, small_base, at)?,
        ink(font, small, at)?,
        ink(font, '¨', at)?,
    );
    let centre = |r: &ab_glyph::Rect| (r.min.x + r.max.x) / 2.0;
    let top = lower_marked.min.y + (b.min.y - lower.min.y);
    let k = scale.y / MEASURE;
    let placed = Placed {
        id: font.glyph_id(base),
        x: 0.0,
        mark: Some((
            font.glyph_id('¨'),
            (centre(&b) - centre(&dots)) * k,
            (top - dots.min.y) * k,
        )),
    };
    Some((placed, 0.0))
}

/// Lays `text` out on one line from x = 0: advances plus kerning, as plotters measures it.
/// Returns the glyphs and the line's advance width.
pub(crate) fn layout(font: &FontRef<'static>, size: f32, text: &str) -> (Vec<Placed>, f32) {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut placed = Vec::with_capacity(text.len());
    let mut pen = 0f32;
    let mut prev = None;
    for c in text.chars() {
        let mut id = scaled.glyph_id(c);
        let (mut mark, mut extra) = (None, 0.0);
        if id.0 == 0 {
            if let Some((p, more)) = composed(font, c, PxScale::from(size)) {
                (id, mark, extra) = (p.id, p.mark, more);
            }
        }
        if let Some(p) = prev {
            pen += scaled.kern(p, id);
        }
        placed.push(Placed { id, x: pen, mark });
        pen += scaled.h_advance(id) + extra;
        prev = Some(id);
    }
    (placed, pen)
}

/// A pixel backend whose text is set by [`layout`] instead of plotters' glyph placement.
pub(crate) struct Typeset<B>(pub B);

impl<B: DrawingBackend> Typeset<B> {
    /// Draws `text` in the embedded face; `None` when the style is not ours to set (another
    /// family or rotated text), which the caller hands to the wrapped backend.
    fn set_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Option<Result<(), DrawingErrorKind<B::ErrorType>>> {
        let ours = matches!(style.family(), FontFamily::Name(name) if name == fonts::FAMILY);
        if !ours || !matches!(style.transform(), FontTransform::None) {
            return None;
        }
        let face_style = match style.style() {
            FontStyle::Bold => FontStyle::Bold,
            _ => FontStyle::Normal,
        };
        let face = fonts::face(face_style).ok()?;
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Some(Ok(()));
        }
        let size = style.size() as f32;
        let (glyphs, width) = layout(face, size, text);
        // The anchor box is plotters' (advance width × size / 1.24), so text keeps the place
        // it had; the baseline sits half the size below the box top, on a whole pixel so
        // horizontal strokes stay sharp.
        let height = (style.size() / 1.24) as i32;
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Right => -width,
            HPos::Center => -width / 2.0,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let x0 = pos.0 as f32 + dx;
        let baseline = (pos.1 + dy) as f32 + (size / 2.0).round();
        let scale = PxScale::from(size);
        let (w, h) = self.0.get_size();
        let parts = glyphs.iter().flat_map(|g| {
            let mark = g
                .mark
                .map(|(id, dx, dy)| (id, x0 + g.x + dx, baseline + dy));
            std::iter::once((g.id, x0 + g.x, baseline)).chain(mark)
        });
        for (id, gx, gy) in parts {
            let glyph = id.with_scale_and_position(scale, point(gx, gy));
            let Some(outline) = face.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            let (bx, by) = (bounds.min.x as i32, bounds.min.y as i32);
            let mut result = Ok(());
            outline.draw(|gx, gy, coverage| {
                let (x, y) = (bx + gx as i32, by + gy as i32);
                if result.is_err() || coverage <= 0.0 {
                    return;
                }
                if x < 0 || y < 0 || x >= w as i32 || y >= h as i32 {
                    return;
                }
                let c = BackendColor {
                    alpha: colour.alpha * f64::from(coverage.min(1.0)),
                    rgb: colour.rgb,
                };
                result = self.0.draw_pixel((x, y), c);
            });
            if result.is_err() {
                return Some(result);
            }
        }
        Some(Ok(()))
    }
}

impl<B: DrawingBackend> DrawingBackend for Typeset<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        match self.set_text(text, style, pos) {
            Some(result) => result,
            None => self.0.draw_text(text, style, pos),
        }
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.0.estimate_text_size(text, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{text_layout as tl, theme};
    use plotters::prelude::*;

    const W: u32 = 700;
    const H: u32 = 90;
    const X0: i32 = 10;

    /// The columns holding visible ink when `word` is set at `size` from x = `X0`.
    fn rendered_columns(word: &str, font: &plotters::style::FontDesc<'_>) -> Vec<bool> {
        fonts::ensure_registered().unwrap();
        let mut px = vec![255u8; (W * H * 3) as usize];
        {
            let root = Typeset(BitMapBackend::with_buffer(&mut px, (W, H))).into_drawing_area();
            tl::text(&root, word, font, &BLACK, (X0, 4)).unwrap();
            root.present().unwrap();
        }
        (0..W as usize)
            .map(|x| (0..H as usize).any(|y| px[(y * W as usize + x) * 3] < 160))
            .collect()
    }

    /// The columns each glyph's outline may cover, placed from the font's advances and
    /// kerning alone (computed here, independently of `layout`).
    fn expected_columns(word: &str, style: FontStyle, size: f32) -> Vec<bool> {
        let face = fonts::face(style).unwrap();
        let scaled = face.as_scaled(PxScale::from(size));
        let mut cols = vec![false; W as usize];
        let (mut pen, mut prev) = (X0 as f32, None);
        for c in word.chars() {
            let id = scaled.glyph_id(c);
            pen += prev.map_or(0.0, |p| scaled.kern(p, id));
            let glyph = id.with_scale_and_position(PxScale::from(size), point(pen, 50.0));
            if let Some(o) = face.outline_glyph(glyph) {
                let b = o.px_bounds();
                for col in &mut cols[b.min.x as usize..b.max.x as usize] {
                    *col = true;
                }
            }
            pen += scaled.h_advance(id);
            prev = Some(id);
        }
        cols
    }

    fn runs(cols: &[bool]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (x, &ink) in cols.iter().chain([false].iter()).enumerate() {
            match (ink, start) {
                (true, None) => start = Some(x),
                (false, Some(s)) => {
                    out.push((s, x));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    /// Every glyph's ink lands where the font's metrics put it: no ink outside the glyphs'
    /// boxes, and each stretch of glyphs inked to within a pixel of both ends. A glyph drawn
    /// without its side bearing or on a truncated pen (the gaps in "qu arters") fails this.
    #[test]
    fn words_are_set_by_advances_and_kerning_in_latin_and_hangul() {
        let words = [
            "quarters",
            "ahead",
            "confirmed",
            "time",
            "Engineering",
            "top-talent",
            "AVATAR Toyota",
            "엔지니어링",
            "기술 전략 정렬",
            "신뢰구간",
        ];
        for size in [theme::size::TINY, theme::size::SMALL, theme::size::TITLE] {
            for (style, font) in [
                (FontStyle::Normal, theme::regular(size)),
                (FontStyle::Bold, theme::bold(size)),
            ] {
                for word in words {
                    let got = rendered_columns(word, &font);
                    let want = expected_columns(word, style, size as f32);
                    for (x, &ink) in got.iter().enumerate() {
                        assert!(!ink || want[x], "{word} at {size}: ink at column {x}");
                    }
                    for (a, b) in runs(&want) {
                        let inked: Vec<usize> = (a..b).filter(|&x| got[x]).collect();
                        let (first, last) = (inked.first(), inked.last());
                        assert!(
                            first.is_some_and(|&f| f <= a + 1) && last.is_some_and(|&l| l + 2 >= b),
                            "{word} at {size}: glyphs {a}..{b} inked {first:?}..{last:?}"
                        );
                    }
                }
            }
        }
    }

    /// The topmost row holding visible ink when `word` is set at `size`.
    fn top_row(word: &str, size: f64) -> usize {
        fonts::ensure_registered().unwrap();
        let mut px = vec![255u8; (W * H * 3) as usize];
        {
            let root = Typeset(BitMapBackend::with_buffer(&mut px, (W, H))).into_drawing_area();
            let font = (fonts::FAMILY, size).into_font();
            tl::text(&root, word, &font, &BLACK, (X0, 20)).unwrap();
            root.present().unwrap();
        }
        (0..H as usize)
            .find(|y| (0..W as usize).any(|x| px[(y * W as usize + x) * 3] < 160))
            .unwrap()
    }

    #[test]
    fn dots_over_a_composed_capital_clear_it_as_they_clear_the_small_letter() {
        for size in [24.0, 40.0, 56.0] {
            for (cap, small) in [('Ä', 'ä'), ('Ö', 'ö')] {
                let base_cap = &COMPOSED
                    .iter()
                    .find(|(k, _)| *k == cap)
                    .unwrap()
                    .1
                    .to_string();
                let base_small = small_base(small);
                let over_cap = top_row(base_cap, size) - top_row(&cap.to_string(), size);
                let over_small = top_row(&base_small, size) - top_row(&small.to_string(), size);
                assert!(
                    over_cap.abs_diff(over_small) <= 1,
                    "{cap} at {size}: dots reach {over_cap} px above the capital, {small}'s {over_small}"
                );
            }
        }
    }

    fn small_base(c: char) -> String {
        match c {
            'ä' => "a",
            _ => "o",
        }
        .to_string()
    }
}
