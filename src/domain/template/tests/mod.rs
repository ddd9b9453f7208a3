//! Tests of the template loader and the shipped surveys.
//!
//! Broken files are made from one small valid template by editing a marked line, and every
//! assertion looks the expected line up by its text, so the tests keep working when the base
//! template changes.

mod fuzz;
mod rules;
mod shapes;
mod shipped;

use super::{parse_template, TemplateError, TemplateErrorKind, TemplateErrors};

/// A small valid internal-CSAT template that uses every feature of the format.
pub(super) const MINI: &str = r#"key = "mini"
version = 1
audience = "internal-csat"
title.en = "Title"
title.ko = "제목"
title.nl = "Titel"
title.de = "Titel (de)"
intro.en = "Intro"
intro.ko = "소개"
intro.nl = "Inleiding"
intro.de = "Inleiding (de)"

[scales.agree]
kind = "likert5"
low.en = "No"
low.ko = "아니요"
low.nl = "Nee"
low.de = "Nee (de)"
high.en = "Yes"
high.ko = "예"
high.nl = "Ja"
high.de = "Ja (de)"

[[sections]]
key = "overall"
title.en = "Overall"
title.ko = "전반"
title.nl = "Algemeen"
title.de = "Algemeen (de)"

[[sections.questions]]
key = "overall_q"
kind = "likert5"
role = "csat_overall"
required = true
scale = "agree"
text.en = "Overall?"
text.ko = "전반적으로요?"
text.nl = "Algemeen?"
text.de = "Algemeen? (de)"

[[sections]]
key = "sales"
department = "sales"
title.en = "Sales"
title.ko = "영업"
title.nl = "Verkoop"
title.de = "Verkoop (de)"

[[sections.questions]]
key = "pick"
kind = "choice"
text.en = "Pick one"
text.ko = "하나 고르세요"
text.nl = "Kies er een"
text.de = "Kies er een (de)"
options = [
  { en = "A", ko = "가", nl = "A", de = "A" },
  { en = "B", ko = "나", nl = "B", de = "B" },
]

[[sections.questions]]
key = "meetings"
kind = "likert5"
allow_na = true
scale = "agree"
text.en = "Joins meetings"
text.ko = "회의에 참석합니다"
text.nl = "Sluit aan bij gesprekken"
text.de = "Sluit aan bij gesprekken (de)"

[[sections.questions]]
key = "comment"
kind = "text"
text.en = "Comment"
text.ko = "의견"
text.nl = "Opmerking"
text.de = "Opmerking (de)"
"#;

/// The 1-based line of the first line of `text` that contains `needle`.
pub(super) fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
}

/// `text` with the first line containing `needle` replaced by `with` (which may be several lines
/// or empty).
pub(super) fn edit(text: &str, needle: &str, with: &str) -> String {
    let at = line_of(text, needle) - 1;
    let mut lines: Vec<&str> = text.lines().collect();
    if with.is_empty() {
        lines.remove(at);
    } else {
        lines[at] = with;
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The errors of a file that must fail.
pub(super) fn errors_of(file: &str, text: &str) -> TemplateErrors {
    match parse_template(file, text) {
        Ok(_) => panic!("{file} loaded but should not have:\n{text}"),
        Err(e) => e,
    }
}

/// Asserts that some error sits on `line` at `key` and satisfies `what`; returns it.
#[track_caller]
pub(super) fn expect_error<'e>(
    errors: &'e TemplateErrors,
    file: &str,
    line: usize,
    key: &str,
    what: impl Fn(&TemplateErrorKind) -> bool,
) -> &'e TemplateError {
    errors
        .errors()
        .iter()
        .find(|e| e.file() == file && e.line() == line && e.key() == key && what(e.kind()))
        .unwrap_or_else(|| panic!("no matching error at {file}:{line} {key}; got:\n{errors}"))
}
