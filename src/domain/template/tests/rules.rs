//! One broken file per loader rule; each error must name file, line and key.

use super::{edit, errors_of, expect_error, line_of, MINI};
use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::template::{parse_template, TemplateErrorKind as E, TemplateSet};

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
        "text.nl = \"Algemeen?\"\ntext.de = \"Allgemein?\"",
    );
    let text = edit(
        &text,
        "{ en = \"B\"",
        "  { en = \"B\", ko = \"나\", nl = \"B\", fr = \"B\" },",
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
        line_of(&text, "text.de"),
        &format!("{OVERALL_Q}.text.de"),
        unknown,
    );
    expect_error(
        &e,
        F,
        line_of(&text, "fr = "),
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
    let second = "[[sections.questions]]\nkey = \"overall_2\"\nkind = \"likert5\"\nrole = \"csat_overall\"\nrequired = true\nscale = \"agree\"\ntext.en = \"a\"\ntext.ko = \"가\"\ntext.nl = \"a\"\n\n[[sections]]\nkey = \"sales\"";
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
        "[[sections]]\nkey = \"bd\"\ndepartment = \"bd\"\ntitle.en = \"BD\"\ntitle.ko = \"사업\"\ntitle.nl = \"BD\"\n\n[[sections]]\nkey = \"sales\"",
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

#[test]
fn choice_needs_options_and_only_choice_has_them() {
    let text = MINI.replace("options = [\n  { en = \"A\", ko = \"가\", nl = \"A\" },\n  { en = \"B\", ko = \"나\", nl = \"B\" },\n]\n", "");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "key = \"pick\"") - 1,
        "sections[sales].questions[pick].options",
        |k| *k == E::ChoiceNeedsOptions,
    );

    let text = edit(MINI, "{ en = \"B\"", "");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "options = ["),
        "sections[sales].questions[pick].options",
        |k| *k == E::ChoiceNeedsOptions,
    );

    let text = edit(
        MINI,
        "key = \"comment\"",
        "key = \"comment\"\noptions = [{ en = \"A\", ko = \"가\", nl = \"A\" }]",
    );
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "key = \"comment\"") + 1,
        "sections[sales].questions[comment].options",
        |k| *k == E::OptionsOnNonChoice(QuestionKind::Text),
    );
}

#[test]
fn scales_need_end_labels_of_their_own_kind() {
    let text = MINI.replace("allow_na = true\nscale = \"agree\"\n", "allow_na = true\n");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "key = \"meetings\"") - 1,
        "sections[sales].questions[meetings].scale",
        |k| *k == E::MissingEndLabels(QuestionKind::Likert5),
    );

    let text = edit(MINI, "scale = \"agree\"", "scale = \"agreee\"");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "agreee"),
        &format!("{OVERALL_Q}.scale"),
        |k| matches!(k, E::UnknownScale { name, defined } if name == "agreee" && defined == "agree"),
    );

    let text = MINI.replace("kind = \"likert5\"\nallow_na", "kind = \"nps11\"\nallow_na");
    let e = errors_of(F, &text);
    let at = line_of(&text, "key = \"meetings\"") + 3;
    expect_error(
        &e,
        F,
        at,
        "sections[sales].questions[meetings].scale",
        |k| {
            matches!(
                k,
                E::ScaleKindMismatch {
                    scale_kind: QuestionKind::Likert5,
                    kind: QuestionKind::Nps11,
                    ..
                }
            )
        },
    );

    let text = edit(
        MINI,
        "key = \"comment\"",
        "key = \"comment\"\nscale = \"agree\"",
    );
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "key = \"comment\"") + 1,
        "sections[sales].questions[comment].scale",
        |k| *k == E::ScaleOnNonScaleKind(QuestionKind::Text),
    );

    let text = MINI.replace("kind = \"likert5\"\nlow", "kind = \"text\"\nlow");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "kind = \"text\""),
        "scales.agree.kind",
        |k| *k == E::NotAScaleKind(QuestionKind::Text),
    );
    // Questions that use the broken scale are not blamed for it a second time.
    assert_eq!(e.len(), 1, "{e}");
}

#[test]
fn text_questions_do_not_offer_na() {
    let text = edit(
        MINI,
        "key = \"comment\"",
        "key = \"comment\"\nallow_na = true",
    );
    let e = errors_of(F, &text);
    let at = line_of(&text, "key = \"comment\"") + 1;
    expect_error(
        &e,
        F,
        at,
        "sections[sales].questions[comment].allow_na",
        |k| matches!(k, E::NaNotAllowed(_)),
    );
}

#[test]
fn missing_keys_and_wrong_types_are_rejected() {
    let text = edit(MINI, "version = 1", "");
    let e = errors_of(F, &text);
    expect_error(&e, F, 1, "version", |k| *k == E::Missing);

    for bad in [
        "version = \"1\"",
        "version = 0",
        "version = -3",
        "version = 1.5",
        "version = 99999999999",
    ] {
        let text = edit(MINI, "version = 1", bad);
        let e = errors_of(F, &text);
        expect_error(&e, F, 2, "version", |k| matches!(k, E::InvalidVersion(_)));
    }

    let text = edit(MINI, "required = true", "required = \"yes\"");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "\"yes\""),
        &format!("{OVERALL_Q}.required"),
        |k| {
            *k == E::WrongType {
                expected: "true or false",
                found: "string",
            }
        },
    );

    let text = edit(MINI, "title.en = \"Title\"", "title = \"Title\"");
    let text = edit(&text, "title.ko", "");
    let text = edit(&text, "title.nl", "");
    let e = errors_of(F, &text);
    expect_error(&e, F, 4, "title", |k| {
        matches!(
            k,
            E::WrongType {
                found: "string",
                ..
            }
        )
    });

    let text = edit(MINI, "key = \"pick\"", "");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "kind = \"choice\"") - 1,
        "sections[sales].questions[#1].key",
        |k| *k == E::Missing,
    );
}

#[test]
fn keys_must_be_plain_identifiers() {
    let text = edit(MINI, "key = \"meetings\"", "key = \"Joins Meetings\"");
    let e = errors_of(F, &text);
    expect_error(
        &e,
        F,
        line_of(&text, "Joins Meetings"),
        "sections[sales].questions[Joins Meetings].key",
        |k| *k == E::InvalidIdentifier("Joins Meetings".into()),
    );
    let text = edit(MINI, "key = \"mini\"", "key = \"\"");
    let e = errors_of(F, &text);
    expect_error(&e, F, 1, "key", |k| matches!(k, E::InvalidIdentifier(_)));
}

#[test]
fn malformed_toml_is_reported_with_its_line() {
    let text = edit(MINI, "text.en = \"Comment\"", "text.en = \"Comment");
    let e = errors_of(F, &text);
    let line = line_of(&text, "text.en = \"Comment");
    expect_error(&e, F, line, "text.en", |k| matches!(k, E::Syntax(_)));

    let text = edit(MINI, "version = 1", "version = 1\nversion = 2");
    let e = errors_of(F, &text);
    assert!(
        e.errors().iter().all(|e| matches!(e.kind(), E::Syntax(_))),
        "{e}"
    );
    assert!(e.errors().iter().any(|e| e.line() == 3), "{e}");
}

#[test]
fn several_errors_in_one_file_are_all_reported_in_line_order() {
    let text = edit(MINI, "audience = ", "audience = \"all\"");
    let text = edit(&text, "title.ko = \"영업\"", "");
    let text = edit(&text, "kind = \"text\"", "kind = \"essay\"");
    let text = edit(&text, "key = \"meetings\"", "key = \"overall_q\"");
    let text = edit(&text, "allow_na = true", "allow_na = true\nhelp.en = \"?\"");
    let e = errors_of(F, &text);
    expect_error(&e, F, 3, "audience", |k| matches!(k, E::UnknownAudience(_)));
    expect_error(
        &e,
        F,
        line_of(&text, "title.en = \"Sales\""),
        "sections[sales].title.ko",
        |k| matches!(k, E::MissingTranslation(Locale::Ko)),
    );
    expect_error(
        &e,
        F,
        line_of(&text, "essay"),
        "sections[sales].questions[comment].kind",
        |k| matches!(k, E::UnknownKind(_)),
    );
    let dup = line_of(&text, "help.en") - 3;
    expect_error(
        &e,
        F,
        dup,
        "sections[sales].questions[overall_q].key",
        |k| matches!(k, E::DuplicateQuestionKey { .. }),
    );
    expect_error(
        &e,
        F,
        line_of(&text, "help.en"),
        "sections[sales].questions[overall_q].help",
        |k| matches!(k, E::UnknownKey { .. }),
    );
    assert_eq!(e.len(), 5, "{e}");
    let lines: Vec<usize> = e.errors().iter().map(|e| e.line()).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    // The message a person reads carries all three coordinates.
    let shown = e.to_string();
    assert!(
        shown.contains(&format!(
            "mini.toml:{dup}: sections[sales].questions[overall_q].key: duplicate"
        )),
        "{shown}"
    );
}

#[test]
fn two_files_with_the_same_template_key_are_rejected() {
    let other = format!("# a copy\n{MINI}");
    let e = TemplateSet::from_sources([("a.toml", MINI), ("b.toml", other.as_str())]).unwrap_err();
    expect_error(&e, "b.toml", 2, "key", |k| {
        *k == E::DuplicateTemplateKey {
            other_file: "a.toml".into(),
            other_line: 1,
        }
    });
    assert_eq!(e.len(), 1);

    let renamed = edit(MINI, "key = \"mini\"", "key = \"mini-2\"");
    let set = TemplateSet::from_sources([("a.toml", MINI), ("b.toml", renamed.as_str())]).unwrap();
    assert_eq!(set.templates().len(), 2);
    assert_eq!(set.get("mini-2").unwrap().file_name(), "b.toml");
    assert_eq!(set.for_audience(Audience::InternalCsat).count(), 2);
}

#[test]
fn a_set_reports_the_errors_of_every_file() {
    let bad_a = edit(MINI, "kind = \"text\"", "kind = \"essay\"");
    let bad_b = edit(MINI, "version = 1", "version = 0");
    let e = TemplateSet::from_sources([("a.toml", bad_a.as_str()), ("b.toml", bad_b.as_str())])
        .unwrap_err();
    assert!(e.errors().iter().any(|e| e.file() == "a.toml"), "{e}");
    assert!(e.errors().iter().any(|e| e.file() == "b.toml"), "{e}");
}
