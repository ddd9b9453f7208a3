//! Text widths from the embedded NanumGothic metrics, and line breaking.
//!
//! The pack's pages are SVG that usvg sets with the same two faces, so measuring with the
//! faces' own advances (in em units, plus kerning) gives the widths the PDF will have; a
//! small slack in [`wrap`] absorbs the shaper's rounding.

use ab_glyph::{Font, FontRef};
use plotters::style::FontStyle;

use crate::charts::fonts::{self, FontError};

/// The two faces, parsed once.
#[derive(Clone, Copy)]
pub struct Faces {
    regular: &'static FontRef<'static>,
    bold: &'static FontRef<'static>,
}

impl Faces {
    /// The embedded faces.
    pub fn load() -> Result<Faces, FontError> {
        Ok(Faces {
            regular: fonts::face(FontStyle::Normal)?,
            bold: fonts::face(FontStyle::Bold)?,
        })
    }

    fn face(&self, bold: bool) -> &'static FontRef<'static> {
        if bold {
            self.bold
        } else {
            self.regular
        }
    }

    /// The advance width of `text` on one line at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        let em = face.units_per_em().unwrap_or(1000.0);
        let mut prev = None;
        let mut units = 0f32;
        for c in text.chars() {
            let id = face.glyph_id(c);
            if let Some(p) = prev {
                units += face.kern_unscaled(p, id);
            }
            units += face.h_advance_unscaled(id);
            prev = Some(id);
        }
        units * size / em
    }

    /// Whether every character of `text` has a glyph in the face (a missing one would print
    /// as an empty box).
    #[cfg(test)]
    pub fn covers(&self, text: &str, bold: bool) -> bool {
        let face = self.face(bold);
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| face.glyph_id(c).0 != 0)
    }

    /// Breaks `text` into lines no wider than `max` points: at spaces, and inside a word only
    /// when the word alone is wider than the line. A newline always starts a new line.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        // Two per cent of slack: the shaper may round a little wider than the sum of advances.
        let max = max * 0.98;
        let mut out = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, bold) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                if self.width(word, size, bold) <= max {
                    line = word.to_string();
                } else {
                    // A word wider than the line: break it between characters.
                    for c in word.chars() {
                        let mut next = line.clone();
                        next.push(c);
                        if !line.is_empty() && self.width(&next, size, bold) > max {
                            out.push(std::mem::take(&mut line));
                            next = c.to_string();
                        }
                        line = next;
                    }
                }
            }
            out.push(line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let faces = Faces::load().unwrap();
        let text = "Measure C weights each department's CSAT by its share of the CTO's work \
                    내부 고객 만족도는 부서별 가중치로 합산";
        let lines = faces.wrap(text, 10.0, false, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(faces.width(l, 10.0, false) <= 120.0, "{l}");
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn an_overlong_word_is_broken_not_cut() {
        let faces = Faces::load().unwrap();
        let word = "a".repeat(80);
        let lines = faces.wrap(&word, 10.0, true, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn widths_scale_with_size_and_hangul_is_covered() {
        let faces = Faces::load().unwrap();
        let w = faces.width("Board pack", 12.0, true);
        assert!(w > 30.0 && w < 100.0, "{w}");
        assert!((faces.width("Board pack", 24.0, true) - 2.0 * w).abs() < 0.01);
        assert!(faces.covers("이사회 보고서 · 95% – n = 5", false));
        assert!(!faces.covers("\u{1F600}", false));
    }
}
