//! Text widths from the embedded NanumGothic metrics, and line breaking.
//!
//! The pack's pages are SVG that usvg sets with the same two faces, so measuring with the
//! faces' own advances (in em units, plus kerning) gives the widths the PDF will have; a
//! small slack in [`wrap`] absorbs the shaper's rounding. A character NanumGothic lacks is
//! measured in DejaVu Sans, the face the PDF falls back to for it (the whole line, when
//! DejaVu Sans has all of it: usvg then sets the line in the fallback face).

use ab_glyph::{Font, FontRef};
use plotters::style::FontStyle;

use crate::charts::fonts::{self, FontError};

/// The advance width of `text` set in `face` at `size` points, with the face's kerning.
fn advance(face: &FontRef<'static>, text: &str, size: f32) -> f32 {
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

/// The two faces and their fallbacks, parsed once.
#[derive(Clone, Copy)]
pub struct Faces {
    regular: &'static FontRef<'static>,
    bold: &'static FontRef<'static>,
    fallback_regular: &'static FontRef<'static>,
    fallback_bold: &'static FontRef<'static>,
}

impl Faces {
    /// The embedded faces.
    pub fn load() -> Result<Faces, FontError> {
        Ok(Faces {
            regular: fonts::face(FontStyle::Normal)?,
            bold: fonts::face(FontStyle::Bold)?,
            fallback_regular: fonts::fallback_face(FontStyle::Normal)?,
            fallback_bold: fonts::fallback_face(FontStyle::Bold)?,
        })
    }

    fn fallback(&self, bold: bool) -> &'static FontRef<'static> {
        if bold {
            self.fallback_bold
        } else {
            self.fallback_regular
        }
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
        let (face, fallback) = (self.face(bold), self.fallback(bold));
        let missing = text.chars().any(|c| face.glyph_id(c).0 == 0);
        // usvg's rule: when the fallback face has every glyph of a line that lacks some in
        // NanumGothic, the whole line is set in the fallback; otherwise only the missing ones.
        if missing && text.chars().all(|c| fallback.glyph_id(c).0 != 0) {
            return advance(fallback, text, size);
        }
        if !missing {
            return advance(face, text, size);
        }
        text.chars()
            .map(|c| {
                let f = if face.glyph_id(c).0 == 0 {
                    fallback
                } else {
                    face
                };
                advance(f, c.encode_utf8(&mut [0; 4]), size)
            })
            .sum()
    }

    /// Whether every character of `text` has a glyph in the face or its fallback (a missing
    /// one would print as an empty box).
    #[cfg(test)]
    pub fn covers(&self, text: &str, bold: bool) -> bool {
        let (face, fallback) = (self.face(bold), self.fallback(bold));
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| face.glyph_id(c).0 != 0 || fallback.glyph_id(c).0 != 0)
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
        assert!(!faces.covers("\u{10FFFD}", false));
    }

    #[test]
    fn letters_from_the_fallback_face_have_their_own_width() {
        let faces = Faces::load().unwrap();
        assert!(faces.covers("BESTÄTIGT „Öl“", true));
        // Ä is a little wider than A in DejaVu Sans; a missing glyph would measure as a box.
        let (a, umlaut) = (faces.width("A", 10.0, true), faces.width("Ä", 10.0, true));
        assert!(umlaut > 0.5 * a && umlaut < 2.0 * a, "{a} {umlaut}");
    }
}
