//! One broken file per loader rule; each error must name file, line and key.

use super::{edit, errors_of, expect_error, line_of, MINI};
use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::template::{parse_template, TemplateErrorKind as E};

const F: &str = "mini.toml";
const OVERALL_Q: &str = "sections[overall].questions[overall_q]";

#[test]
fn the_base_template_loads_and_answers_the_getters() {
    let t = parse_template(F, MINI).unwrap();
    assert_eq!(t.key(), "mini");
    assert_eq!(t.version(), 1);
    assert_eq!(t.audience(), Audience::InternalCsat);
    assert_eq!(t.title().get(Locale::Ko), "제목");
    assert_eq!(t.file_name(), F);
    assert_eq!(t.source(), MINI);
    let all: Vec<&str> = t.questions().map(|q| q.key()).collect();
    assert_eq!(all, ["overall_q", "pick", "meetings", "comment"]);
    let sales: Vec<&str> = t
        .questions_for(Some(Department::Sales))
        .map(|q| q.key())
        .collect();
    assert_eq!(sales, all);
    let bd: Vec<&str> = t
        .questions_for(Some(Department::Bd))
        .map(|q| q.key())
        .collect();
    assert_eq!(bd, ["overall_q"]);
    let board: Vec<&str> = t.questions_for(None).map(|q| q.key()).collect();
    assert_eq!(board, ["overall_q"]);
    let overall: Vec<&str> = t
        .questions_with_role(Role::CsatOverall)
        .map(|q| q.key())
        .collect();
    assert_eq!(overall, ["overall_q"]);

    let pick = t.question("pick").unwrap();
    assert_eq!(pick.kind(), QuestionKind::Choice);
    assert_eq!(pick.options().len(), 2);
    assert_eq!(pick.options()[1].get(Locale::Ko), "나");
    assert_eq!(pick.value_range(), Some((0, 1)));
    assert_eq!(pick.department(), Some(Department::Sales));
    assert_eq!(pick.section_key(), "sales");
    assert!(pick.scale().is_none());
    assert!(!pick.required() && !pick.allow_na() && pick.role().is_none());

    let meetings = t.question("meetings").unwrap();
    assert!(meetings.allow_na());
    let scale = meetings.scale().unwrap();
    assert_eq!(scale.key(), "agree");
    assert_eq!(scale.kind(), QuestionKind::Likert5);
    assert_eq!(scale.low().get(Locale::Nl), "Nee");
    assert_eq!(scale.high().get(Locale::En), "Yes");
    assert_eq!(meetings.value_range(), Some((1, 5)));
    assert_eq!(t.question("comment").unwrap().value_range(), None);
    assert!(t.question("nope").is_none());
}

#[test]
fn unknown_keys_are_rejected_at_every_level() {
    let text = edit(MINI, "version = 1", "version = 1\ncolour = \"red\"");
    let text = edit(
        &text,
        "low.nl = \"Nee\"",
        "low.nl = \"Nee\"\nmiddle.en = \"Maybe\"",
    );
    let text = edit(&text, "key = \"overall\"", "key = \"overall\"\nweight = 3");
    let text = edit(&text, "required = true", "requird = true");
    let text = edit(
        &text,
        "text.nl = \"Algemeen?\"",
        "text.nl = \"Algemeen?\"\ntext.fr = \"Général ?\"",
    );
    let text = edit(
        &text,
        "{ en = \"B\"",
        "  { en = \"B\", ko = \"나\", nl = \"B\", de = \"B\", fr = \"B\" },",
    );
    let e = errors_of(F, &text);
    let unknown = |k: &E| matches!(k, E::UnknownKey { .. });
    expect_error(&e, F, line_of(&text, "colour"), "colour", unknown);
    expect_error(
        &e,
        F,
        line_of(&text, "middle.en"),
        "scales.agree.middle",
        unknown,
    );
    expect_error(
        &e,
        F,
        line_of(&text, "weight = 3"),
        "sections[overall].weight",
        unknown,
    );
    expect_error(
        &e,
        F,
        line_of(&text, "requird"),
        &format!("{OVERALL_Q}.requird"),
        unknown,
    );
    expect_error(
        &e,
        F,
        line_of(&text, "text.fr"),
        &format!("{OVERALL_Q}.text.fr"),
        unknown,
    );
    expect_error(
        &e,
        F,
        line_of(&text, "fr = \"B\""),
        "sections[sales].questions[pick].options[2].fr",
        unknown,
    );
    // requird is not `required`, so the overall item is also reported as optional.
    assert_eq!(e.len(), 7, "{e}");
}

#[test]
fn duplicate_question_keys_are_rejected_across_sections() {
    let text = edit(MINI, "key = \"comment\"", "key = \"overall_q\"");
    let e = errors_of(F, &text);
    let first_line = line_of(&text, "key = \"overall_q\"");
    let dup_line = line_of(&text, "kind = \"text\"") - 1;
    expect_error(
        &e,
        F,
        dup_line,
        "sections[sales].questions[overall_q].key",
        |k| *k == E::DuplicateQuestionKey { first_line },
    );
    assert_eq!(e.len(), 1, "{e}");
}

#[test]
fn a_missing_or_blank_translation_is_rejected() {
    let text = edit(MINI, "text.ko = \"전반적으로요?\"", "");
    let text = edit(&text, "title.nl = \"Titel\"", "title.nl = \"   \"");
    let text = edit(&text, "high.ko = \"예\"", "");
    let e = errors_of(F, &text);
    // A missing translation is reported where its table starts (the first `text.` line).
    expect_error(
        &e,
        F,
        line_of(&text, "text.en = \"Overall?\""),
        &format!("{OVERALL_Q}.text.ko"),
        |k| *k == E::MissingTranslation(Locale::Ko),
    );
    expect_error(&e, F, line_of(&text, "title.nl"), "title.nl", |k| {
        *k == E::MissingTranslation(Locale::Nl)
    });
    expect_error(
        &e,
        F,
        line_of(&text, "high.en"),
        "scales.agree.high.ko",
        |k| *k == E::MissingTranslation(Locale::Ko),
    );
    assert_eq!(e.len(), 3, "{e}");
}

#[test]
fn a_missing_option_translation_is_rejected() {
    let text = edit(MINI, "{ en = \"A\"", "  { en = \"A\", ko = \"가\" },");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "{ en = \"A\""),
        "sections[sales].questions[pick].options[1].nl",
        |k| *k == E::MissingTranslation(Locale::Nl),
    );
}

#[test]
fn unknown_kind_role_audience_and_department_are_rejected() {
    let text = edit(MINI, "kind = \"choice\"", "kind = \"likert7\"");
    let text = edit(&text, "role = \"csat_overall\"", "role = \"csat\"");
    let text = edit(&text, "audience = ", "audience = \"everyone\"");
    let text = edit(&text, "department = \"sales\"", "department = \"board\"");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "likert7"),
        "sections[sales].questions[pick].kind",
        |k| *k == E::UnknownKind("likert7".into()),
    );
    expect_error(
        &e,
        F,
        line_of(&text, "\"csat\""),
        &format!("{OVERALL_Q}.role"),
        |k| *k == E::UnknownRole("csat".into()),
    );
    expect_error(&e, F, 3, "audience", |k| {
        *k == E::UnknownAudience("everyone".into())
    });
    expect_error(
        &e,
        F,
        line_of(&text, "\"board\""),
        "sections[sales].department",
        |k| *k == E::UnknownDepartment("board".into()),
    );
}

#[test]
fn keywords_are_matched_exactly() {
    let text = edit(MINI, "department = \"sales\"", "department = \"Sales\"");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "\"Sales\""),
        "sections[sales].department",
        |k| matches!(k, E::UnknownDepartment(_)),
    );
}

#[test]
fn a_scoring_role_must_sit_on_its_kind() {
    let text = edit(
        MINI,
        "key = \"pick\"",
        "key = \"pick\"\nrole = \"csat_overall\"",
    );
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "key = \"pick\"") + 1,
        "sections[sales].questions[pick].role",
        |k| {
            *k == E::RoleKindMismatch {
                role: Role::CsatOverall,
                kind: QuestionKind::Choice,
            }
        },
    );
}

#[test]
fn every_role_is_accepted_on_exactly_its_required_kind() {
    for role in Role::ALL {
        for kind in ["likert5", "nps11", "choice", "text"] {
            let text = edit(
                MINI,
                "role = \"csat_overall\"",
                &format!("role = \"{role}\""),
            );
            let text = text.replace(
                "kind = \"likert5\"\nrole",
                &format!("kind = \"{kind}\"\nrole"),
            );
            let mismatch = match parse_template(F, &text) {
                Ok(_) => false,
                Err(e) => e
                    .errors()
                    .iter()
                    .any(|e| matches!(e.kind(), E::RoleKindMismatch { .. })),
            };
            assert_eq!(
                mismatch,
                role.required_kind().key() != kind,
                "{role} on {kind}"
            );
        }
    }
}

#[test]
fn a_role_outside_its_audience_is_rejected() {
    let text = edit(
        MINI,
        "key = \"meetings\"",
        "key = \"meetings\"\nrole = \"productivity\"",
    );
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "\"productivity\""),
        "sections[sales].questions[meetings].role",
        |k| {
            *k == E::RoleNotForAudience {
                role: Role::Productivity,
                audience: Audience::InternalCsat,
            }
        },
    );
}

#[test]
fn the_overall_item_is_required_single_without_na_and_for_everybody() {
    let text = edit(MINI, "required = true", "allow_na = true");
    let e = errors_of(F, &text);
    let role_line = line_of(&text, "role = \"csat_overall\"");
    expect_error(&e, F, role_line, &format!("{OVERALL_Q}.required"), |k| {
        *k == E::RoleMustBeRequired(Role::CsatOverall)
    });
    expect_error(
        &e,
        F,
        line_of(&text, "allow_na = true"),
        &format!("{OVERALL_Q}.allow_na"),
        |k| matches!(k, E::NaNotAllowed(_)),
    );

    let text = edit(
        MINI,
        "key = \"meetings\"",
        "key = \"meetings\"\nrole = \"csat_overall\"\nrequired = true",
    );
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "key = \"meetings\"") + 1,
        "sections[sales].questions[meetings].role",
        |k| *k == E::RoleInDepartmentSection(Role::CsatOverall),
    );

    let text = edit(MINI, "role = \"csat_overall\"", "");
    let e = errors_of(F, &text);
    expect_error(&e, F, 3, "audience", |k| {
        *k == E::MissingRole {
            role: Role::CsatOverall,
            audience: Audience::InternalCsat,
        }
    });
}

#[test]
fn a_second_overall_item_is_rejected() {
    let second = "[[sections.questions]]\nkey = \"overall_2\"\nkind = \"likert5\"\nrole = \"csat_overall\"\nrequired = true\nscale = \"agree\"\ntext.en = \"a\"\ntext.ko = \"가\"\ntext.nl = \"a\"\ntext.de = \"a\"\n\n[[sections]]\nkey = \"sales\"";
    let text = MINI.replace("[[sections]]\nkey = \"sales\"", second);
    let e = errors_of(F, &text);
    let first_line = line_of(&text, "role = \"csat_overall\"");
    let again = line_of(&text, "key = \"overall_2\"") + 2;
    expect_error(
        &e,
        F,
        again,
        "sections[overall].questions[overall_2].role",
        |k| {
            *k == E::DuplicateRole {
                role: Role::CsatOverall,
                first_line,
            }
        },
    );
}

#[test]
fn an_empty_section_is_rejected() {
    let text = MINI.replace(
        "[[sections]]\nkey = \"sales\"",
        "[[sections]]\nkey = \"bd\"\ndepartment = \"bd\"\ntitle.en = \"BD\"\ntitle.ko = \"사업\"\ntitle.nl = \"BD\"\ntitle.de = \"BD\"\n\n[[sections]]\nkey = \"sales\"",
    );
    let e = errors_of(F, &text);
    let header = line_of(&text, "key = \"bd\"") - 1;
    expect_error(&e, F, header, "sections[bd].questions", |k| {
        *k == E::EmptySection
    });
    assert_eq!(e.len(), 1, "{e}");
}

#[test]
fn a_template_without_sections_is_rejected() {
    let head: String = MINI.split("[[sections]]").next().unwrap().to_string();
    let e = errors_of(F, &head);
    expect_error(&e, F, 1, "sections", |k| *k == E::Missing);
    let e = errors_of(F, &format!("sections = []\n{head}"));
    expect_error(&e, F, 1, "sections", |k| *k == E::NoSections);
}

#[test]
fn department_sections_belong_to_internal_csat_only() {
    let text = edit(
        MINI,
        "audience = ",
        "audience = \"tech-strategy-alignment\"",
    );
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "department = \"sales\""),
        "sections[sales].department",
        |k| *k == E::DepartmentSectionOutsideCsat(Audience::TechStrategyAlignment),
    );
}

#[test]
fn two_sections_for_one_department_are_rejected() {
    let text = edit(
        MINI,
        "key = \"overall\"",
        "key = \"overall\"\ndepartment = \"sales\"",
    );
    let e = errors_of(F, &text);
    let first_line = line_of(&text, "department = \"sales\"");
    let second = line_of(&text, "key = \"sales\"") + 1;
    expect_error(&e, F, second, "sections[sales].department", |k| {
        *k == E::DuplicateDepartmentSection { first_line }
    });
}
