//! The loader never panics: arbitrary text and damaged copies of the shipped templates give a
//! template or a non-empty list of located errors.

use proptest::prelude::*;

use super::MINI;
use crate::domain::template::{parse_template, SHIPPED};

/// Checks the loader's contract on one input.
fn holds(text: &str) -> Result<(), TestCaseError> {
    match parse_template("fuzz.toml", text) {
        Ok(t) => prop_assert_eq!(t.source(), text),
        Err(e) => {
            prop_assert!(!e.is_empty());
            let last_line = text.split('\n').count();
            for err in e.errors() {
                prop_assert_eq!(err.file(), "fuzz.toml");
                prop_assert!(
                    err.line() >= 1 && err.line() <= last_line,
                    "line {} of {}",
                    err.line(),
                    last_line
                );
            }
        }
    }
    Ok(())
}

/// A base text to damage: one of the shipped templates or the small test template.
fn base() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(SHIPPED[0].1),
        Just(SHIPPED[1].1),
        Just(SHIPPED[2].1),
        Just(MINI),
    ]
}

/// Snaps a byte position down to a char boundary, so edits keep the text valid UTF-8.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Fragments that tend to reach deep loader rules rather than fail at the first byte.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n[[sections]]\n".to_string()),
        Just("\n[[sections.questions]]\n".to_string()),
        Just("kind = \"nps11\"\n".to_string()),
        Just("role = \"enps\"\n".to_string()),
        Just("options = [{ en = \"a\" }]\n".to_string()),
        Just("department = \"ceo\"\n".to_string()),
        Just("text.ko = \"\"\n".to_string()),
        Just("scale = 3\n".to_string()),
        Just("\"".to_string()),
        Just("=".to_string()),
        Just("]".to_string()),
        ".{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        holds(&text)?;
    }

    #[test]
    fn toml_looking_text_never_panics(
        lines in prop::collection::vec("[a-z_.\\[\\]]{0,12} ?= ?(\"[^\"\n]{0,10}\"|[0-9]{1,3}|true|\\[\\]|\\{\\})?", 0..30)
    ) {
        holds(&lines.join("\n"))?;
    }

    #[test]
    fn a_damaged_template_never_panics(
        text in base(),
        cut_at in any::<usize>(),
        cut_len in 0usize..200,
        insert_at in any::<usize>(),
        insert in fragment(),
    ) {
        let start = boundary(text, cut_at % (text.len() + 1));
        let end = boundary(text, start + cut_len);
        let mut damaged = format!("{}{}", &text[..start], &text[end..]);
        let at = boundary(&damaged, insert_at % (damaged.len() + 1));
        damaged.insert_str(at, &insert);
        holds(&damaged)?;
    }

    #[test]
    fn dropping_any_line_never_panics(text in base(), drop in any::<usize>()) {
        let lines: Vec<&str> = text.lines().collect();
        let drop = drop % lines.len();
        let damaged: Vec<&str> = lines.iter().enumerate().filter(|&(i, _)| i != drop).map(|(_, l)| *l).collect();
        holds(&damaged.join("\n"))?;
    }
}
