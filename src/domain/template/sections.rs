//! Reading `[[sections]]` and their `[[sections.questions]]`, with the per-question rules.

use std::collections::HashMap;

use toml::de::DeTable;

use super::error::TemplateErrorKind as E;
use super::fields::{
    array, check_keys, flag, identifier, join, keyword, localized, localized_field, required,
    table, Cx, Value, KINDS,
};
use super::model::{Localized, Question, Scale, Section};
use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::question::{QuestionKind, Role};

/// Keys allowed in a `[[sections]]` table.
const SECTION_KEYS: &[&str] = &["key", "department", "title", "questions"];
/// Keys allowed in a `[[sections.questions]]` table.
const QUESTION_KEYS: &[&str] = &[
    "key", "kind", "role", "required", "allow_na", "text", "short", "scale", "options",
];

/// What a rule about roles needs to know about one question.
pub(super) struct RoleSeen {
    pub(super) role: Role,
    pub(super) offset: usize,
    pub(super) path: String,
}

/// All `[[sections]]`, plus every scoring role seen (for whole-template rules).
pub(super) fn read_sections(
    cx: &mut Cx<'_>,
    root: &DeTable<'_>,
    audience: Option<Audience>,
    scales: &HashMap<String, Option<Scale>>,
) -> (Option<Vec<Section>>, Vec<RoleSeen>) {
    let mut roles = Vec::new();
    let Some(value) = required(cx, root, 0, "", "sections") else {
        return (None, roles);
    };
    let Some(items) = array(cx, value, "sections", "an array of [[sections]]") else {
        return (None, roles);
    };
    if items.is_empty() {
        cx.report(value.span().start, "sections", E::NoSections);
        return (None, roles);
    }
    let mut seen = Seen::default();
    let mut sections = Vec::with_capacity(items.len());
    let mut complete = true;
    for (i, item) in items.iter().enumerate() {
        match read_section(cx, i, item, audience, scales, &mut seen, &mut roles) {
            Some(s) => sections.push(s),
            None => complete = false,
        }
    }
    (complete.then_some(sections), roles)
}

/// Keys already used, with the line of first use, for duplicate checks across the template.
#[derive(Default)]
struct Seen {
    sections: HashMap<String, usize>,
    departments: HashMap<Department, usize>,
    questions: HashMap<String, usize>,
}

/// `name[key]` when the key is readable, else `name[#n]` (1-based).
fn item_path(parent: &str, name: &str, index: usize, table: Option<&DeTable<'_>>) -> String {
    let label = table
        .and_then(|t| t.get("key"))
        .and_then(|v| v.get_ref().as_str())
        .filter(|k| !k.is_empty() && k.len() <= 64 && !k.contains(['[', ']', '.']))
        .map_or_else(|| format!("#{}", index + 1), str::to_string);
    join(parent, &format!("{name}[{label}]"))
}

/// One `[[sections]]` table.
fn read_section(
    cx: &mut Cx<'_>,
    index: usize,
    item: &Value<'_>,
    audience: Option<Audience>,
    scales: &HashMap<String, Option<Scale>>,
    seen: &mut Seen,
    roles: &mut Vec<RoleSeen>,
) -> Option<Section> {
    let offset = item.span().start;
    let path = item_path("", "sections", index, item.get_ref().as_table());
    let t = table(cx, item, &path, "a [[sections]] table")?;
    check_keys(cx, t, &path, SECTION_KEYS);

    let key = required(cx, t, offset, &path, "key").and_then(|v| {
        let key = identifier(cx, v, &join(&path, "key"))?;
        let line = cx.line(v.span().start);
        if let Some(&first_line) = seen.sections.get(&key) {
            cx.report(
                v.span().start,
                join(&path, "key"),
                E::DuplicateSectionKey { first_line },
            );
        } else {
            seen.sections.insert(key.clone(), line);
        }
        Some(key)
    });

    // `Ok(None)` means "everybody"; `Err(())` means the department was bad (and reported).
    let department: Result<Option<Department>, ()> = match t.get("department") {
        None => Ok(None),
        Some(v) => {
            let dpath = join(&path, "department");
            let d = keyword(
                cx,
                v,
                &dpath,
                &Department::ALL,
                Department::key,
                E::UnknownDepartment,
            );
            if let Some(d) = d {
                let line = cx.line(v.span().start);
                if let Some(&first_line) = seen.departments.get(&d) {
                    cx.report(
                        v.span().start,
                        &dpath,
                        E::DuplicateDepartmentSection { first_line },
                    );
                } else {
                    seen.departments.insert(d, line);
                }
                if let Some(a) = audience.filter(|&a| a != Audience::InternalCsat) {
                    cx.report(v.span().start, &dpath, E::DepartmentSectionOutsideCsat(a));
                }
            }
            d.map(Some).ok_or(())
        }
    };
    let title = localized_field(cx, t, offset, &path, "title");

    let qpath = join(&path, "questions");
    let items = match t.get("questions") {
        None => {
            cx.report(offset, &qpath, E::EmptySection);
            None
        }
        Some(v) => {
            let items = array(cx, v, &qpath, "an array of [[sections.questions]]");
            if items.is_some_and(|a| a.is_empty()) {
                cx.report(v.span().start, &qpath, E::EmptySection);
            }
            items
        }
    };
    let section_key = key.clone().unwrap_or_default();
    let ctx = QuestionContext {
        audience,
        department: department.ok().flatten(),
        section_key: &section_key,
        scales,
    };
    let mut questions = Vec::new();
    let mut complete = true;
    for (i, q) in items.unwrap_or_default().iter().enumerate() {
        match read_question(cx, &path, i, q, &ctx, seen, roles) {
            Some(q) => questions.push(q),
            None => complete = false,
        }
    }
    if !complete || questions.is_empty() {
        return None;
    }
    Some(Section {
        key: key?,
        department: department.ok()?,
        title: title?,
        questions,
    })
}

/// What a question needs to know about where it sits.
struct QuestionContext<'a> {
    audience: Option<Audience>,
    department: Option<Department>,
    section_key: &'a str,
    scales: &'a HashMap<String, Option<Scale>>,
}

/// One `[[sections.questions]]` table.
fn read_question(
    cx: &mut Cx<'_>,
    section_path: &str,
    index: usize,
    item: &Value<'_>,
    ctx: &QuestionContext<'_>,
    seen: &mut Seen,
    roles: &mut Vec<RoleSeen>,
) -> Option<Question> {
    let offset = item.span().start;
    let path = item_path(section_path, "questions", index, item.get_ref().as_table());
    let t = table(cx, item, &path, "a [[sections.questions]] table")?;
    check_keys(cx, t, &path, QUESTION_KEYS);
    let at = |k: &str| join(&path, k);

    let key = required(cx, t, offset, &path, "key").and_then(|v| {
        let key = identifier(cx, v, &at("key"))?;
        let line = cx.line(v.span().start);
        if let Some(&first_line) = seen.questions.get(&key) {
            cx.report(
                v.span().start,
                at("key"),
                E::DuplicateQuestionKey { first_line },
            );
        } else {
            seen.questions.insert(key.clone(), line);
        }
        Some(key)
    });
    let kind = required(cx, t, offset, &path, "kind").and_then(|v| {
        keyword(
            cx,
            v,
            &at("kind"),
            &KINDS,
            QuestionKind::key,
            E::UnknownKind,
        )
    });
    let role_value = t.get("role");
    let role =
        role_value.and_then(|v| keyword(cx, v, &at("role"), &Role::ALL, Role::key, E::UnknownRole));
    let is_required = flag(cx, t, &path, "required");
    let allow_na = flag(cx, t, &path, "allow_na");
    let text = localized_field(cx, t, offset, &path, "text");
    // Optional: a few words for charts and the board report (key drivers), in every language.
    let short = t.get("short").and_then(|v| localized(cx, v, &at("short")));
    let scale = read_question_scale(cx, t, &path, ctx.scales);
    let options = read_options(cx, t, &path);

    if let (Some(role), Some(v)) = (role, role_value) {
        let start = v.span().start;
        roles.push(RoleSeen {
            role,
            offset: start,
            path: at("role"),
        });
        if let Some(kind) = kind.filter(|&k| k != role.required_kind()) {
            cx.report(start, at("role"), E::RoleKindMismatch { role, kind });
        }
        if let Some(audience) = ctx.audience.filter(|&a| !roles_for(a).contains(&role)) {
            cx.report(start, at("role"), E::RoleNotForAudience { role, audience });
        }
        if role == Role::CsatOverall {
            if !is_required {
                cx.report(start, at("required"), E::RoleMustBeRequired(role));
            }
            if ctx.department.is_some() {
                cx.report(start, at("role"), E::RoleInDepartmentSection(role));
            }
        }
        if allow_na && matches!(role, Role::CsatOverall | Role::Enps) {
            let why = "the headline item of a measure must have an answer";
            cx.report(na_offset(t, offset), at("allow_na"), E::NaNotAllowed(why));
        }
    }
    if let Some(kind) = kind {
        check_kind_shape(cx, t, offset, &path, kind, allow_na, &scale, &options);
    }

    let (scale, options) = (scale.ok()?, options.ok()?);
    let kind = kind?;
    Some(Question {
        key: key?,
        kind,
        role,
        required: is_required,
        allow_na,
        text: text?,
        short,
        // A scale only belongs to the kinds that have one; `check_kind_shape` reported the rest.
        scale: scale.filter(|s| s.kind == kind),
        options: options.unwrap_or_default(),
        section_key: ctx.section_key.to_string(),
        department: ctx.department,
    })
}

/// Where to point an `allow_na` complaint: the key if present, else the question header.
fn na_offset(t: &DeTable<'_>, fallback: usize) -> usize {
    t.get("allow_na").map_or(fallback, |v| v.span().start)
}

/// The roles each audience's measure scores; any other role there would be silently ignored.
fn roles_for(audience: Audience) -> &'static [Role] {
    match audience {
        Audience::InternalCsat => &[Role::CsatOverall],
        Audience::EngineeringCulture => &[Role::Productivity, Role::Happiness, Role::Enps],
        Audience::TechStrategyAlignment => &[Role::Alignment],
    }
}

/// The question's scale: `Ok(None)` when absent, `Err(())` when named but unusable (reported).
fn read_question_scale(
    cx: &mut Cx<'_>,
    t: &DeTable<'_>,
    path: &str,
    scales: &HashMap<String, Option<Scale>>,
) -> Result<Option<Scale>, ()> {
    let Some(v) = t.get("scale") else {
        return Ok(None);
    };
    let spath = join(path, "scale");
    let name = super::fields::string(cx, v, &spath).ok_or(())?;
    match scales.get(name) {
        None => {
            let mut defined: Vec<&str> = scales.keys().map(String::as_str).collect();
            defined.sort_unstable();
            let defined = if defined.is_empty() {
                "none".to_string()
            } else {
                defined.join(", ")
            };
            let name = name.to_string();
            cx.report(v.span().start, spath, E::UnknownScale { name, defined });
            Err(())
        }
        // A broken scale was reported where it is defined.
        Some(None) => Err(()),
        Some(Some(s)) => Ok(Some(s.clone())),
    }
}

/// The options of a choice question: `Ok(None)` when absent, `Err(())` when broken (reported).
fn read_options(
    cx: &mut Cx<'_>,
    t: &DeTable<'_>,
    path: &str,
) -> Result<Option<Vec<Localized>>, ()> {
    let Some(v) = t.get("options") else {
        return Ok(None);
    };
    let opath = join(path, "options");
    let items = array(cx, v, &opath, "an array of per-locale option tables").ok_or(())?;
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        match localized(cx, item, &format!("{opath}[{}]", i + 1)) {
            Some(l) => out.push(l),
            None => ok = false,
        }
    }
    if ok {
        Ok(Some(out))
    } else {
        Err(())
    }
}

/// Rules that tie a question's kind to its scale, options and N/A.
#[allow(clippy::too_many_arguments)]
fn check_kind_shape(
    cx: &mut Cx<'_>,
    t: &DeTable<'_>,
    offset: usize,
    path: &str,
    kind: QuestionKind,
    allow_na: bool,
    scale: &Result<Option<Scale>, ()>,
    options: &Result<Option<Vec<Localized>>, ()>,
) {
    let scale_offset = t.get("scale").map_or(offset, |v| v.span().start);
    let at = |k: &str| join(path, k);
    match kind {
        QuestionKind::Likert5 | QuestionKind::Nps11 => match scale {
            Ok(None) => cx.report(offset, at("scale"), E::MissingEndLabels(kind)),
            Ok(Some(s)) if s.kind != kind => cx.report(
                scale_offset,
                at("scale"),
                E::ScaleKindMismatch {
                    scale: s.key.clone(),
                    scale_kind: s.kind,
                    kind,
                },
            ),
            _ => {}
        },
        QuestionKind::Choice | QuestionKind::Text => {
            if t.get("scale").is_some() {
                cx.report(scale_offset, at("scale"), E::ScaleOnNonScaleKind(kind));
            }
        }
    }
    let options_offset = t.get("options").map_or(offset, |v| v.span().start);
    match (kind, options) {
        (QuestionKind::Choice, Ok(None)) => cx.report(offset, at("options"), E::ChoiceNeedsOptions),
        (QuestionKind::Choice, Ok(Some(o))) if o.len() < 2 => {
            cx.report(options_offset, at("options"), E::ChoiceNeedsOptions)
        }
        (QuestionKind::Choice, _) => {}
        (_, Ok(None)) => {}
        (other, _) => cx.report(options_offset, at("options"), E::OptionsOnNonChoice(other)),
    }
    if kind == QuestionKind::Text && allow_na {
        let why = "a text question is simply left blank";
        cx.report(na_offset(t, offset), at("allow_na"), E::NaNotAllowed(why));
    }
}
