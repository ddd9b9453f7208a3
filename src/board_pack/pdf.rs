//! SVG pages to one PDF: each page is converted by svg2pdf into a Form XObject (vector, text
//! kept as text in the embedded NanumGothic subsets, with DejaVu Sans subsets for the Latin
//! letters NanumGothic lacks) and placed on an A4 page.
//!
//! The document carries fixed metadata only — title, language, producer, and a file id
//! derived from the content — so the same pages always give the same bytes.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use plotters::style::FontStyle;
use sha2::{Digest, Sha256};
use svg2pdf::usvg::{self, fontdb};

use super::page::{FAMILY, PAGE_H, PAGE_W};
use crate::charts::fonts;

/// Why the pages could not be made into a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A page's SVG did not parse (a bug in the page writer, not user input).
    #[error("page {page} is not valid SVG: {message}")]
    Svg { page: usize, message: String },
    #[error("page {page} could not be converted to PDF: {message}")]
    Convert { page: usize, message: String },
    /// The fonts and colour profiles the pages share are written last, for no page in
    /// particular.
    #[error("the pages could not be converted to PDF: {0}")]
    ConvertPages(String),
}

/// The font database usvg sets text with: the two embedded faces under one family name,
/// regular and bold, the two fallback faces under their own name, and nothing from the
/// system (so output never depends on the machine).
fn font_options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for (style, weight) in [
            (FontStyle::Normal, fontdb::Weight::NORMAL),
            (FontStyle::Bold, fontdb::Weight::BOLD),
        ] {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(fonts::bytes(style));
            let source = fontdb::Source::Binary(data);
            let ids = db.load_font_source(source);
            // Both files are re-registered under one family name with their true weight, so
            // `font-weight="bold"` picks the bold file whatever the files call themselves.
            for id in ids {
                let Some(mut info) = db.face(id).cloned() else {
                    continue;
                };
                db.remove_face(id);
                info.families = vec![(FAMILY.to_string(), fontdb::Language::English_UnitedStates)];
                info.weight = weight;
                info.style = fontdb::Style::Normal;
                db.push_face_info(info);
            }
        }
        // DejaVu Sans keeps its own family name, so it is never chosen for the text itself,
        // only by `fallback` for a character NanumGothic lacks (Ä, Ö, „ …) that would
        // otherwise print as an empty box.
        for style in [FontStyle::Normal, FontStyle::Bold] {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(fonts::fallback_bytes(style));
            db.load_font_source(fontdb::Source::Binary(data));
        }
        for generic in ["sans-serif", "serif"] {
            if generic == "serif" {
                db.set_serif_family(FAMILY);
            } else {
                db.set_sans_serif_family(FAMILY);
            }
        }
        let mut options = usvg::Options {
            font_family: FAMILY.to_string(),
            font_resolver: usvg::FontResolver {
                select_font: usvg::FontResolver::default_font_selector(),
                select_fallback: Box::new(fallback),
            },
            ..usvg::Options::default()
        };
        options.fontdb = Arc::new(db);
        options
    })
}

/// For a character the faces in `used` lack, the first other face (in registration order, so
/// the same every run) of the same weight that has it. usvg's own choice ignores the weight
/// and would set a bold heading's Ä in the regular face.
fn fallback(c: char, used: &[fontdb::ID], db: &mut Arc<fontdb::Database>) -> Option<fontdb::ID> {
    let weight = db.face(*used.first()?)?.weight;
    let db: &fontdb::Database = db;
    let mut candidates = db
        .faces()
        .filter(|f| !used.contains(&f.id) && has_char(db, f.id, c));
    let first = candidates.next()?;
    let same_weight = std::iter::once(first)
        .chain(candidates)
        .find(|f| f.weight == weight);
    Some(same_weight.unwrap_or(first).id)
}

/// Whether face `id` has a glyph for `c`.
fn has_char(db: &fontdb::Database, id: fontdb::ID, c: char) -> bool {
    db.with_face_data(id, |data, index| {
        ab_glyph::FontRef::try_from_slice_and_index(data, index)
            .is_ok_and(|face| ab_glyph::Font::glyph_id(&face, c).0 != 0)
    })
    .unwrap_or(false)
}

/// Document metadata; fixed for a given quarter and language.
pub struct Meta<'a> {
    pub title: &'a str,
    pub lang: &'a str,
}

/// Converts A4-landscape SVG pages into one PDF.
pub fn assemble(pages: &[String], meta: &Meta<'_>) -> Result<Vec<u8>, PdfError> {
    let options = font_options();
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let tree_id = alloc.bump();
    let info_id = alloc.bump();
    let mut pdf = Pdf::new();
    // All pages in one conversion: each font is subset and embedded once for the pack, not
    // once per page (which parsed and copied NanumGothic for every page). Each page is parsed
    // just before it is converted and dropped after: a parsed page holds every glyph's outline.
    let mut writer = svg2pdf::ChunkWriter::new(svg2pdf::ConversionOptions::default());
    let mut roots = Vec::with_capacity(pages.len());
    for (i, svg) in pages.iter().enumerate() {
        let tree = usvg::Tree::from_str(svg, options).map_err(|e| PdfError::Svg {
            page: i + 1,
            message: e.to_string(),
        })?;
        roots.push(writer.add(&tree).map_err(|e| PdfError::Convert {
            page: i + 1,
            message: e.to_string(),
        })?);
    }
    let chunk = writer
        .finish()
        .map_err(|e| PdfError::ConvertPages(e.to_string()))?;
    let mut map = HashMap::new();
    let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
    let mut page_ids = Vec::with_capacity(pages.len());
    for (i, root) in roots.iter().enumerate() {
        let Some(xobject) = map.get(root).copied() else {
            return Err(PdfError::Convert {
                page: i + 1,
                message: "the page's XObject is missing".into(),
            });
        };
        let page_id = alloc.bump();
        let content_id = alloc.bump();
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        p.parent(tree_id);
        p.contents(content_id);
        p.resources().x_objects().pair(Name(b"P"), xobject);
        p.finish();
        let mut content = Content::new();
        // The XObject is one point square; scale it to the page.
        content
            .save_state()
            .transform([PAGE_W, 0.0, 0.0, PAGE_H, 0.0, 0.0])
            .x_object(Name(b"P"))
            .restore_state();
        pdf.stream(content_id, &content.finish());
        page_ids.push(page_id);
    }
    pdf.extend(&chunk);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(page_ids.len() as i32);
    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    catalog.lang(TextStr(meta.lang));
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();
    // No creation date: the same quarter must give the same bytes.
    pdf.document_info(info_id)
        .title(TextStr(meta.title))
        .creator(TextStr("ctopulse"))
        .producer(TextStr("ctopulse (svg2pdf)"));
    // The file id is the hash of the pages, so it is stable and still tells packs apart.
    let mut hash = Sha256::new();
    for svg in pages {
        hash.update(svg.as_bytes());
    }
    hash.update(meta.title.as_bytes());
    let id = hash.finalize()[..16].to_vec();
    pdf.set_file_id((id.clone(), id));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PAGE_W}\" height=\"{PAGE_H}\" viewBox=\"0 0 {PAGE_W} {PAGE_H}\"><text x=\"40\" y=\"80\" font-family=\"{FAMILY}\" font-size=\"20\">{text}</text><text x=\"40\" y=\"120\" font-family=\"{FAMILY}\" font-size=\"20\" font-weight=\"bold\">{text}</text></svg>"
        )
    }

    #[test]
    fn two_faces_on_two_pages_give_the_same_bytes_every_time() {
        let pages = vec![page("Board pack 이사회"), page("Pagina 2")];
        let meta = Meta {
            title: "t",
            lang: "en",
        };
        let a = assemble(&pages, &meta).unwrap();
        // svg2pdf iterates hash maps; a fresh map per run would reorder the fonts.
        for _ in 0..5 {
            assert_eq!(assemble(&pages, &meta).unwrap(), a);
        }
        let text = String::from_utf8_lossy(&a);
        assert!(text.starts_with("%PDF-"));
        assert_eq!(
            text.matches("/Type /Page\n").count() + text.matches("/Type /Page ").count(),
            2,
            "{}",
            &text[..0]
        );
        // Both faces are embedded as subsets of NanumGothic, once each for the whole
        // document although both pages use both (per page it would be 2 × 2 = 4).
        assert_eq!(text.matches("/FontFile2").count(), 2);
        assert!(!text.contains("/CreationDate"));
    }

    /// Pages are converted one by one: a face first used on a later page is still embedded,
    /// once, with the glyphs of every page that uses it.
    #[test]
    fn a_face_first_used_on_a_later_page_is_embedded() {
        let plain = |text: &str| {
            format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PAGE_W}\" height=\"{PAGE_H}\" viewBox=\"0 0 {PAGE_W} {PAGE_H}\"><text x=\"40\" y=\"80\" font-family=\"{FAMILY}\" font-size=\"20\">{text}</text></svg>"
            )
        };
        let pages = vec![plain("Page one"), plain("Page two"), page("Page three")];
        let meta = Meta {
            title: "t",
            lang: "en",
        };
        let pdf = assemble(&pages, &meta).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("/FontFile2").count(), 2);
        assert!(
            text.contains("+NanumGothicBold"),
            "page three's bold face is embedded"
        );
        assert_eq!(assemble(&pages, &meta).unwrap(), pdf);
    }

    #[test]
    fn the_bold_face_is_registered_as_bold() {
        let db = &font_options().fontdb;
        let weights: Vec<u16> = db.faces().map(|f| f.weight.0).collect();
        assert_eq!(weights, vec![400, 700, 400, 700]);
        let families: Vec<&str> = db.faces().map(|f| f.families[0].0.as_str()).collect();
        assert_eq!(families, [FAMILY, FAMILY, "DejaVu Sans", "DejaVu Sans"]);
    }

    #[test]
    fn letters_nanum_gothic_lacks_are_set_in_dejavu_sans_of_the_same_weight() {
        let pages = vec![page("BESTÄTIGT „Ölfeld“ 이사회")];
        let meta = Meta {
            title: "t",
            lang: "de",
        };
        let pdf = assemble(&pages, &meta).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(
            text.contains("+NanumGothic"),
            "the text itself stays NanumGothic"
        );
        let bold_subsets = text.matches("+DejaVuSans-Bold").count();
        assert!(bold_subsets > 0, "bold text falls back to the bold face");
        assert!(
            text.matches("+DejaVuSans").count() > bold_subsets,
            "regular text falls back to the regular face"
        );
        let db = &font_options().fontdb;
        let nanum = db.faces().next().unwrap().id;
        let bold = db.faces().nth(1).unwrap().id;
        let mut shared = Arc::clone(db);
        for c in ['Ä', 'Ö', '„'] {
            assert!(!has_char(db, nanum, c), "{c} is in NanumGothic after all");
            let regular = fallback(c, &[nanum], &mut shared).unwrap();
            assert_eq!(db.face(regular).unwrap().post_script_name, "DejaVuSans");
            let heavy = fallback(c, &[bold], &mut shared).unwrap();
            assert_eq!(db.face(heavy).unwrap().post_script_name, "DejaVuSans-Bold");
        }
    }
}
