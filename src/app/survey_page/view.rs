//! The survey page's view models: a template, a respondent's department and locale, and
//! (after a mistake) the answers kept and problems marked.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template as Askama;

use super::copy::{copy, Copy};
use super::sections;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::QuestionKind;
use crate::domain::survey_form::{Problem, FIELD_PREFIX, NA_VALUE};
use crate::domain::template::{Question, Template};
use crate::i18n::{format_with, Arg};

/// One answer option.
pub struct OptionView {
    pub value: String,
    pub label: String,
    pub id: String,
    pub checked: bool,
    pub is_na: bool,
    /// Extra words for screen readers (the end label of a numbered scale).
    pub sr_label: Option<String>,
}

/// One question.
pub struct QuestionView {
    pub field: String,
    pub anchor: String,
    pub text: String,
    pub required: bool,
    pub is_text: bool,
    pub scale_class: &'static str,
    pub ends: Option<(String, String)>,
    pub options: Vec<OptionView>,
    pub problem: Option<&'static str>,
    pub text_value: String,
}

/// One section.
pub struct SectionView {
    pub title: String,
    pub questions: Vec<QuestionView>,
}

/// A language link.
pub struct LanguageLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
    pub current: bool,
}

/// The survey form page.
#[derive(Askama)]
#[template(path = "survey/form.html")]
pub struct FormPage {
    pub lang: &'static str,
    pub copy: &'static Copy,
    pub title: String,
    pub intro: String,
    pub promise_groups: String,
    pub promise_comments: String,
    /// Strict mode (works council) is on: the first page says so.
    pub strict_mode: bool,
    /// The questions' markup (`sections`), escaped when it was rendered.
    pub sections: Arc<str>,
    pub errors: Vec<(String, String)>,
    pub action: String,
    pub csrf: String,
    pub preview: bool,
    pub languages: Vec<LanguageLink>,
    /// "You said, we did", when the group has something to be shown.
    pub recap: Option<crate::domain::actions::recap::RecapView>,
}

/// A one-message page (thank you, link problems).
#[derive(Askama)]
#[template(path = "survey/message.html")]
pub struct MessagePage {
    pub lang: &'static str,
    pub heading: &'static str,
    pub body: String,
    pub tone: &'static str,
}

/// Everything the form is built from.
pub struct FormInput<'a> {
    pub template: &'a Template,
    /// The template's content hash: a fresh form's questions are then rendered once per
    /// template, language and department (`sections::fresh`). `None` renders them now.
    pub template_hash: Option<&'a str>,
    pub department: Option<Department>,
    pub locale: Locale,
    pub k: u32,
    pub comment_threshold: u32,
    pub kept: &'a BTreeMap<String, String>,
    pub problems: &'a BTreeMap<String, Problem>,
    pub action: String,
    pub csrf: String,
    pub preview: bool,
    /// Whether strict mode (works council) is on.
    pub strict_mode: bool,
    /// The page's own URL without `lang`, for language links.
    pub self_url: String,
    /// "You said, we did" for the respondent's group, in `locale`.
    pub recap: Option<crate::domain::actions::recap::RecapView>,
}

/// The questions of the respondent's sections, with what the respondent sent back (if any);
/// pushes each marked problem to `errors`.
fn section_views(input: &FormInput<'_>, errors: &mut Vec<(String, String)>) -> Vec<SectionView> {
    let c = copy(input.locale);
    let locale = input.locale;
    input
        .template
        .sections_for(input.department)
        .map(|s| SectionView {
            title: s.title().get(locale).to_string(),
            questions: s
                .questions()
                .iter()
                .map(|q| {
                    let v = question_view(
                        q,
                        locale,
                        c,
                        input.kept.get(q.key()),
                        input.problems.get(q.key()).copied(),
                    );
                    if let Some(p) = v.problem {
                        errors.push((v.anchor.clone(), format!("{} \u{2014} {p}", short(&v.text))));
                    }
                    v
                })
                .collect(),
        })
        .filter(|s| !s.questions.is_empty())
        .collect()
}

/// Builds the form page (its questions rendered, or kept from an earlier fresh form).
pub fn form_page(input: &FormInput<'_>) -> Result<FormPage, askama::Error> {
    let c = copy(input.locale);
    let locale = input.locale;
    let mut errors = Vec::new();
    let fresh = input.kept.is_empty() && input.problems.is_empty();
    let sections = match input.template_hash {
        Some(hash) if fresh => {
            sections::fresh((hash.to_string(), locale, input.department), c, || {
                section_views(input, &mut Vec::new())
            })?
        }
        _ => sections::render(c, &section_views(input, &mut errors))?,
    };
    let sep = if input.self_url.contains('?') {
        '&'
    } else {
        '?'
    };
    Ok(FormPage {
        lang: locale.code(),
        copy: c,
        title: input.template.title().get(locale).to_string(),
        intro: input.template.intro().get(locale).to_string(),
        promise_groups: format_with(
            locale,
            "survey-promise-groups",
            &[("k", Arg::Count(input.k.into()))],
        ),
        promise_comments: format_with(
            locale,
            "survey-promise-comments",
            &[("c", Arg::Count(input.comment_threshold.into()))],
        ),
        strict_mode: input.strict_mode,
        sections,
        errors,
        action: input.action.clone(),
        csrf: input.csrf.clone(),
        preview: input.preview,
        languages: Locale::ALL
            .iter()
            .map(|l| LanguageLink {
                code: l.code(),
                label: l.native_name(),
                href: format!("{}{sep}lang={}", input.self_url, l.code()),
                current: *l == locale,
            })
            .collect(),
        recap: input.recap.clone(),
    })
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('\u{2026}');
    }
    s
}

fn question_view(
    q: &Question,
    locale: Locale,
    c: &Copy,
    kept: Option<&String>,
    problem: Option<Problem>,
) -> QuestionView {
    let field = format!("{FIELD_PREFIX}{}", q.key());
    let kept = kept.map(String::as_str).unwrap_or("");
    let mut options = Vec::new();
    let ends = q.scale().map(|s| {
        (
            s.low().get(locale).to_string(),
            s.high().get(locale).to_string(),
        )
    });
    let scale_class = match q.kind() {
        QuestionKind::Nps11 => "nps",
        QuestionKind::Choice => "choice",
        _ => "likert",
    };
    match q.kind() {
        QuestionKind::Likert5 | QuestionKind::Nps11 => {
            if let Some((lo, hi)) = q.value_range() {
                for v in lo..=hi {
                    let sr_label = match (&ends, v) {
                        (Some((low, _)), v) if v == lo => Some(low.clone()),
                        (Some((_, high)), v) if v == hi => Some(high.clone()),
                        _ => None,
                    };
                    options.push(OptionView {
                        value: v.to_string(),
                        label: v.to_string(),
                        id: format!("{field}-{v}"),
                        checked: kept == v.to_string(),
                        is_na: false,
                        sr_label,
                    });
                }
            }
        }
        QuestionKind::Choice => {
            for (i, o) in q.options().iter().enumerate() {
                options.push(OptionView {
                    value: i.to_string(),
                    label: o.get(locale).to_string(),
                    id: format!("{field}-{i}"),
                    checked: kept == i.to_string(),
                    is_na: false,
                    sr_label: None,
                });
            }
        }
        QuestionKind::Text => {}
    }
    if q.allow_na() && q.kind() != QuestionKind::Text {
        options.push(OptionView {
            value: NA_VALUE.into(),
            label: c.not_applicable.into(),
            id: format!("{field}-na"),
            checked: kept == NA_VALUE,
            is_na: true,
            sr_label: None,
        });
    }
    QuestionView {
        anchor: if q.kind() == QuestionKind::Text {
            field.clone()
        } else {
            format!("{field}-group")
        },
        field,
        text: q.text().get(locale).to_string(),
        required: q.required(),
        is_text: q.kind() == QuestionKind::Text,
        scale_class,
        ends: if q.kind() == QuestionKind::Choice {
            None
        } else {
            ends
        },
        options,
        problem: problem.map(|p| c.problem(p)),
        text_value: if q.kind() == QuestionKind::Text {
            kept.to_string()
        } else {
            String::new()
        },
    }
}

#[cfg(test)]
mod recap_tests {
    use std::collections::BTreeMap;

    use askama::Template as _;

    use super::*;
    use crate::domain::actions::follow::{FollowValue, Unit};
    use crate::domain::actions::recap::{
        recap_view, GroupRecap, RecapAction, RecapFigure, RoundRecap,
    };
    use crate::domain::actions::{ActionStatus, ActionText, ActionTexts};
    use crate::domain::quarter::Quarter;
    use crate::domain::scoring::trend::Metric;
    use crate::domain::template::TemplateSet;

    fn recap() -> RoundRecap {
        let text = |t: &str| ActionText {
            title: t.into(),
            note: String::new(),
        };
        let group = GroupRecap {
            figures: vec![RecapFigure {
                metric: Metric::GroupCsat,
                value: FollowValue {
                    value: 0.62,
                    low: 0.5,
                    high: 0.72,
                    n: 40,
                    unit: Unit::Share,
                },
            }],
            actions: vec![RecapAction {
                texts: ActionTexts(
                    [
                        (Locale::En, text("CTO joins the weekly deal review")),
                        (Locale::Ko, text("CTO가 주간 딜 리뷰에 참석합니다")),
                    ]
                    .into_iter()
                    .collect(),
                ),
                status: ActionStatus::Done,
            }],
        };
        RoundRecap {
            previous: Some(Quarter::new(2026, 3).unwrap()),
            groups: [("sales".to_string(), group)].into_iter().collect(),
        }
    }

    /// The first page's "you said, we did" section as a respondent of sales sees it.
    fn section(locale: Locale) -> String {
        let set = TemplateSet::shipped().unwrap();
        let template = set.get("internal-csat").unwrap();
        let page = form_page(&FormInput {
            template,
            template_hash: None,
            department: Some(crate::domain::department::Department::Sales),
            locale,
            k: 5,
            comment_threshold: 10,
            kept: &BTreeMap::new(),
            problems: &BTreeMap::new(),
            action: String::new(),
            csrf: String::new(),
            preview: false,
            strict_mode: false,
            self_url: "/survey/x".into(),
            recap: recap_view(&recap(), "sales", locale, Locale::En),
        })
        .unwrap()
        .render()
        .unwrap();
        let start = page
            .find("<section class=\"recap\"")
            .expect("a recap section");
        let end = page[start..].find("</section>").unwrap() + start + "</section>".len();
        page[start..end].to_string()
    }

    #[test]
    fn the_first_page_says_you_said_we_did_in_every_language() {
        for locale in Locale::ALL {
            insta::assert_snapshot!(
                format!("first_page_recap_{}", locale.code()),
                section(locale)
            );
        }
    }
}
