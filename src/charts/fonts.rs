//! The report's embedded fonts, so the PNG renders Latin and Hangul on a machine with no fonts.

use std::sync::OnceLock;

use ab_glyph::FontRef;
use plotters::style::{register_font, FontStyle};

/// NanumGothic Regular (OFL-1.1, NAVER Corporation; licence in `assets/fonts/OFL.txt`).
static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");
/// NanumGothic Bold, for headings and figures.
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NanumGothicBold.ttf");

/// DejaVu Sans (Bitstream Vera and Arev licences; `assets/fonts/DejaVu-LICENSE.txt`): the
/// board pack's PDF sets with it the Latin letters NanumGothic lacks (Ä, Ö, „ …).
static FALLBACK_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, the fallback for bold text.
static FALLBACK_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name the report draws with.
///
/// plotters looks fonts up by this exact string, and the SVG backend writes it verbatim into
/// `font-family`, so it doubles as a CSS fallback list: a viewer without NanumGothic falls back
/// to a system Korean sans-serif instead of showing boxes.
pub const FAMILY: &str =
    "NanumGothic, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans CJK KR', sans-serif";

/// Why the embedded fonts could not be registered (only possible if the TTF files are corrupt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the embedded NanumGothic font could not be parsed")]
pub struct FontError;

/// Registers the embedded fonts with plotters once per process; later calls are free.
///
/// plotters keeps a process-wide font table, and a family that is not in it fails every draw
/// with `FontUnavailable`, so every render goes through here first.
pub fn ensure_registered() -> Result<(), FontError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(FontError)
    }
}

/// The parsed embedded face for `style` (bold for bold, regular for everything else), for
/// drawing text glyph by glyph in [`crate::charts::typeset`].
pub(crate) fn face(style: FontStyle) -> Result<&'static FontRef<'static>, FontError> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        Some((
            FontRef::try_from_slice(REGULAR).ok()?,
            FontRef::try_from_slice(BOLD).ok()?,
        ))
    });
    match (faces, style) {
        (Some((_, bold)), FontStyle::Bold) => Ok(bold),
        (Some((regular, _)), _) => Ok(regular),
        (None, _) => Err(FontError),
    }
}

/// The embedded font file for `style` (bold for bold, regular for everything else), for
/// the board pack's PDF, which embeds the faces it sets.
pub fn bytes(style: FontStyle) -> &'static [u8] {
    match style {
        FontStyle::Bold => BOLD,
        _ => REGULAR,
    }
}

/// The Latin-complete fallback font file for `style`, for characters NanumGothic lacks.
pub fn fallback_bytes(style: FontStyle) -> &'static [u8] {
    match style {
        FontStyle::Bold => FALLBACK_BOLD,
        _ => FALLBACK_REGULAR,
    }
}

/// The parsed fallback face for `style`, for measuring what the PDF sets with it.
pub(crate) fn fallback_face(style: FontStyle) -> Result<&'static FontRef<'static>, FontError> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        Some((
            FontRef::try_from_slice(FALLBACK_REGULAR).ok()?,
            FontRef::try_from_slice(FALLBACK_BOLD).ok()?,
        ))
    });
    match (faces, style) {
        (Some((_, bold)), FontStyle::Bold) => Ok(bold),
        (Some((regular, _)), _) => Ok(regular),
        (None, _) => Err(FontError),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_fonts_register_and_cover_hangul() {
        ensure_registered().unwrap();
        let font = plotters::style::FontDesc::new(
            plotters::style::FontFamily::Name(FAMILY),
            20.0,
            FontStyle::Normal,
        );
        // A Hangul string must have a real advance width (a missing glyph would be .notdef).
        let (w, _) = font.box_size("정렬").unwrap();
        assert!(w > 20, "width {w}");
    }

    /// Every character of every language's words has a glyph in both faces, or is composed
    /// by the typesetter: a missing one is drawn as a box.
    #[test]
    fn every_character_of_the_fluent_files_has_a_glyph() {
        use ab_glyph::Font;
        for locale in crate::domain::locale::Locale::ALL {
            for source in locale.ftl_sources() {
                let text: String = source
                    .lines()
                    .filter(|l| !l.trim_start().starts_with('#'))
                    .collect();
                for style in [FontStyle::Normal, FontStyle::Bold] {
                    let face = face(style).unwrap();
                    let missing: std::collections::BTreeSet<char> = text
                        .chars()
                        .filter(|c| !c.is_control() && face.glyph_id(*c).0 == 0)
                        .filter(|c| *c != crate::charts::typeset::LOW_QUOTE)
                        .filter(|c| !crate::charts::typeset::COMPOSED.iter().any(|(k, _)| k == c))
                        .collect();
                    assert!(missing.is_empty(), "{locale}: no glyph for {missing:?}");
                }
            }
        }
    }
}
