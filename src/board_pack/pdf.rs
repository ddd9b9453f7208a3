//! SVG pages to one PDF: each page is converted by svg2pdf into a Form XObject (vector, text
//! kept as text in the embedded NanumGothic subsets) and placed on an A4 page.
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
}

/// The font database usvg sets text with: the two embedded faces under one family name,
/// regular and bold, and nothing from the system (so output never depends on the machine).
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
        for generic in ["sans-serif", "serif"] {
            if generic == "serif" {
                db.set_serif_family(FAMILY);
            } else {
                db.set_sans_serif_family(FAMILY);
            }
        }
        let mut options = usvg::Options {
            font_family: FAMILY.to_string(),
            ..usvg::Options::default()
        };
        options.fontdb = Arc::new(db);
        options
    })
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
    let mut page_ids = Vec::with_capacity(pages.len());
    for (i, svg) in pages.iter().enumerate() {
        let page = i + 1;
        let tree = usvg::Tree::from_str(svg, options).map_err(|e| PdfError::Svg {
            page,
            message: e.to_string(),
        })?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| PdfError::Convert {
                page,
                message: e.to_string(),
            })?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let Some(xobject) = map.get(&root).copied() else {
            return Err(PdfError::Convert {
                page,
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
        pdf.extend(&chunk);
        page_ids.push(page_id);
    }
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
        // Both faces are embedded as subsets of NanumGothic.
        assert!(text.matches("/FontFile2").count() >= 2);
        assert!(!text.contains("/CreationDate"));
    }

    #[test]
    fn the_bold_face_is_registered_as_bold() {
        let db = &font_options().fontdb;
        let weights: Vec<u16> = db.faces().map(|f| f.weight.0).collect();
        assert_eq!(weights, vec![400, 700]);
        assert!(db.faces().all(|f| f.families[0].0 == FAMILY));
    }
}
