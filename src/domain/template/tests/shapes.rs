//! Question shapes (options, scale labels, N/A), keys, and syntax errors with their lines.

use super::{edit, errors_of, expect_error, line_of, MINI};
use crate::domain::audience::Audience;
use crate::domain::locale::Locale;
use crate::domain::question::QuestionKind;
use crate::domain::template::{TemplateErrorKind as E, TemplateSet};

const F: &str = "mini.toml";
const OVERALL_Q: &str = "sections[overall].questions[overall_q]";

#[test]
fn choice_needs_options_and_only_choice_has_them() {
    let text = MINI.replace("options = [\n  { en = \"A\", ko = \"가\", nl = \"A\", de = \"A\" },\n  { en = \"B\", ko = \"나\", nl = \"B\", de = \"B\" },\n]\n", "");
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
        "key = \"comment\"\noptions = [{ en = \"A\", ko = \"가\", nl = \"A\", de = \"A\" }]",
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
    let text = edit(&text, "title.de", "");
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
