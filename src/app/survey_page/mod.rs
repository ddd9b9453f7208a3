//! The respondent's survey page, rendered without HTTP: the survey routes serve it, and
//! `ctopulse round preview` writes the read-only preview to a file.

pub mod copy;
pub mod sections;
pub mod view;

use std::collections::BTreeMap;

use askama::Template as Askama;

use crate::db::rounds::Round;
use crate::domain::department::Department;
use crate::domain::locale::Locale;

/// Renders the read-only survey of a round as a respondent of `dept` (default sales) sees it,
/// saying so when strict mode is on. `None` when the round's stored template does not load or
/// the page does not render.
pub fn preview_html(
    round: &Round,
    locale: Locale,
    dept: Option<&str>,
    strict_mode: bool,
) -> Option<String> {
    let template = round.template().ok()?;
    let department = dept
        .and_then(|d| d.parse().ok())
        .or(Some(Department::Sales));
    let page = view::form_page(&view::FormInput {
        template: &template,
        template_hash: None,
        department,
        locale,
        k: round.k.max(0) as u32,
        comment_threshold: round.comment_threshold.max(0) as u32,
        kept: &BTreeMap::new(),
        problems: &BTreeMap::new(),
        action: String::new(),
        csrf: String::new(),
        preview: true,
        strict_mode,
        self_url: format!(
            "/preview/{}?dept={}",
            round.id,
            department.map(|d| d.key()).unwrap_or("sales")
        ),
        recap: None,
    })
    .ok()?;
    page.render().ok()
}
