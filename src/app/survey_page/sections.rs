//! The form's questions as HTML. Building and rendering them was most of the form page's
//! CPU under survey load, yet for a fresh form they depend only on the template, the
//! language and the department; so a fresh form's questions are rendered once per process
//! and kept, and only a returned form (answers kept, problems marked) renders its own.

use std::sync::{Arc, LazyLock};

use askama::Template as Askama;

use super::copy::Copy;
use super::view::SectionView;
use crate::app::memo::Memo;
use crate::domain::department::Department;
use crate::domain::locale::Locale;

/// The questions' markup (`survey/sections.html`).
#[derive(Askama)]
#[template(path = "survey/sections.html")]
struct SectionsHtml<'a> {
    copy: &'static Copy,
    sections: &'a [SectionView],
}

/// What a fresh form's questions depend on: the template's content hash, the language and
/// the respondent's department (`None` for the board).
pub type FreshKey = (String, Locale, Option<Department>);

/// A handful of templates × languages × departments; the bound only guards against growth.
const KEPT: usize = 256;

static FRESH: LazyLock<Memo<FreshKey, str>> = LazyLock::new(|| Memo::new(KEPT));

/// Renders `sections`.
pub fn render(copy: &'static Copy, sections: &[SectionView]) -> Result<Arc<str>, askama::Error> {
    Ok(SectionsHtml { copy, sections }.render()?.into())
}

/// A fresh form's questions under `key`: kept, or built by `build` and rendered now.
pub fn fresh(
    key: FreshKey,
    copy: &'static Copy,
    build: impl FnOnce() -> Vec<SectionView>,
) -> Result<Arc<str>, askama::Error> {
    FRESH.get_or_try(key, || render(copy, &build()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use askama::Template as _;

    use super::super::view::{form_page, FormInput};
    use super::*;
    use crate::domain::survey_form::Problem;
    use crate::domain::template::TemplateSet;

    fn page(
        hash: Option<&str>,
        locale: Locale,
        department: Option<Department>,
        problems: &BTreeMap<String, Problem>,
    ) -> String {
        let set = TemplateSet::shipped().unwrap();
        form_page(&FormInput {
            template: set.get("internal-csat").unwrap(),
            template_hash: hash,
            department,
            locale,
            k: 5,
            comment_threshold: 10,
            kept: &BTreeMap::new(),
            problems,
            action: "/survey/x".into(),
            csrf: "c".into(),
            preview: false,
            strict_mode: false,
            self_url: "/survey/x".into(),
            recap: None,
        })
        .unwrap()
        .render()
        .unwrap()
    }

    #[test]
    fn a_kept_fresh_form_is_the_form_rendered_now() {
        let none = BTreeMap::new();
        for locale in Locale::ALL {
            for dept in [Some(Department::Sales), Some(Department::Engineering), None] {
                let now = page(None, locale, dept, &none);
                assert!(now.contains("<fieldset"), "questions rendered");
                // Twice under the key: once rendered and kept, once read back.
                assert_eq!(page(Some("sections-test-a"), locale, dept, &none), now);
                assert_eq!(page(Some("sections-test-a"), locale, dept, &none), now);
            }
        }
        // Each department keeps its own questions.
        assert_ne!(
            page(
                Some("sections-test-a"),
                Locale::En,
                Some(Department::Sales),
                &none
            ),
            page(Some("sections-test-a"), Locale::En, None, &none)
        );
    }

    #[test]
    fn a_returned_form_renders_its_own_problems_never_the_kept_ones() {
        let none = BTreeMap::new();
        let fresh = page(
            Some("sections-test-b"),
            Locale::En,
            Some(Department::Sales),
            &none,
        );
        assert!(!fresh.contains("aria-invalid"));
        let problems = BTreeMap::from([("overall_satisfaction".to_string(), Problem::Required)]);
        let returned = page(
            Some("sections-test-b"),
            Locale::En,
            Some(Department::Sales),
            &problems,
        );
        assert!(returned.contains("aria-invalid=\"true\""), "{returned}");
        // And the kept fresh form is untouched by it.
        assert_eq!(
            page(
                Some("sections-test-b"),
                Locale::En,
                Some(Department::Sales),
                &none
            ),
            fresh
        );
    }
}
