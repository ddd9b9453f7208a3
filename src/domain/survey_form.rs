//! Validating a submitted survey form against the questions one respondent was shown.
//!
//! Two kinds of failure: a *forged* form (fields no page of ours would send: unknown or
//! repeated fields, another round's question) is refused outright; a *mistake* (a required
//! item left out, a value out of range, an over-long comment) re-shows the form with the
//! answers kept and the problems marked.

use std::collections::{BTreeMap, HashSet};

use super::question::QuestionKind;
use super::template::Question;

/// Longest comment accepted, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// Form fields for questions are named `q_<question key>`.
pub const FIELD_PREFIX: &str = "q_";
/// The value of the "not applicable" choice.
pub const NA_VALUE: &str = "na";

/// One validated answer, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerValue {
    pub question_key: String,
    pub value: Option<i32>,
    pub not_applicable: bool,
    pub text: Option<String>,
}

/// What is wrong with one question's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A required question was not answered.
    Required,
    /// The value is not one of the offered choices.
    OutOfRange,
    /// The comment is longer than [`MAX_COMMENT_CHARS`].
    TooLong,
}

/// A form no page of ours would produce.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Forgery {
    #[error("the field {0:?} appears more than once")]
    Repeated(String),
    #[error("the field {0:?} is not a question of this survey")]
    UnknownField(String),
}

/// The outcome of validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Validation {
    /// Every answer is fine.
    Valid(Vec<AnswerValue>),
    /// The respondent should fix these; `kept` holds what they entered, by question key.
    Mistakes {
        problems: BTreeMap<String, Problem>,
        kept: BTreeMap<String, String>,
    },
}

/// Validates `fields` (name, value pairs in submission order) against `questions`. Fields in
/// `ignored` (e.g. the CSRF token) are skipped.
pub fn validate(
    questions: &[&Question],
    fields: &[(String, String)],
    ignored: &[&str],
) -> Result<Validation, Forgery> {
    let mut seen = HashSet::new();
    let mut kept: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in fields {
        if !seen.insert(name.as_str()) {
            return Err(Forgery::Repeated(name.clone()));
        }
        if ignored.contains(&name.as_str()) {
            continue;
        }
        let key = name
            .strip_prefix(FIELD_PREFIX)
            .filter(|k| questions.iter().any(|q| q.key() == *k))
            .ok_or_else(|| Forgery::UnknownField(truncate(name, 80)))?;
        kept.insert(key.to_string(), value.clone());
    }

    let mut problems = BTreeMap::new();
    let mut answers = Vec::new();
    for q in questions {
        let raw = kept.get(q.key()).map(|s| s.trim()).unwrap_or("");
        match check(q, raw) {
            Ok(Some(a)) => answers.push(a),
            Ok(None) if q.required() => {
                problems.insert(q.key().to_string(), Problem::Required);
            }
            Ok(None) => {}
            Err(p) => {
                problems.insert(q.key().to_string(), p);
            }
        }
    }
    if problems.is_empty() {
        Ok(Validation::Valid(answers))
    } else {
        Ok(Validation::Mistakes { problems, kept })
    }
}

fn check(q: &Question, raw: &str) -> Result<Option<AnswerValue>, Problem> {
    let answer = |value, na, text| {
        Ok(Some(AnswerValue {
            question_key: q.key().to_string(),
            value,
            not_applicable: na,
            text,
        }))
    };
    if q.kind() == QuestionKind::Text {
        let text: String = raw
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect::<String>()
            .replace("\r\n", "\n");
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if text.chars().count() > MAX_COMMENT_CHARS {
            return Err(Problem::TooLong);
        }
        return answer(None, false, Some(text.to_string()));
    }
    if raw.is_empty() {
        return Ok(None);
    }
    if raw == NA_VALUE {
        return if q.allow_na() {
            answer(None, true, None)
        } else {
            Err(Problem::OutOfRange)
        };
    }
    // Only plain decimal digits: "2.5", "+3", " 3", "three" are all out of range.
    if raw.len() > 3 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::OutOfRange);
    }
    let v: i32 = raw.parse().map_err(|_| Problem::OutOfRange)?;
    match q.value_range() {
        Some((lo, hi)) if (lo..=hi).contains(&v) => answer(Some(v), false, None),
        _ => Err(Problem::OutOfRange),
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::department::Department;
    use crate::domain::template::TemplateSet;

    fn with_sales_questions<R>(f: impl FnOnce(&[&Question]) -> R) -> R {
        let set = TemplateSet::shipped().unwrap();
        let t = set.get("internal-csat").unwrap();
        let qs: Vec<&Question> = t.questions_for(Some(Department::Sales)).collect();
        f(&qs)
    }

    fn complete(qs: &[&Question]) -> Vec<(String, String)> {
        qs.iter()
            .filter(|q| q.kind() != QuestionKind::Text)
            .map(|q| (format!("q_{}", q.key()), "4".to_string()))
            .collect()
    }

    #[test]
    fn a_complete_form_is_valid() {
        with_sales_questions(|qs| {
            let mut f = complete(qs);
            f.push(("csrf_token".into(), "x".into()));
            match validate(qs, &f, &["csrf_token"]).unwrap() {
                Validation::Valid(a) => assert_eq!(
                    a.len(),
                    qs.iter().filter(|q| q.kind() != QuestionKind::Text).count()
                ),
                other => panic!("{other:?}"),
            }
        });
    }

    #[test]
    fn out_of_range_values_are_marked_and_kept() {
        with_sales_questions(|qs| {
            let likert = qs
                .iter()
                .find(|q| q.kind() == QuestionKind::Likert5 && q.required())
                .unwrap();
            for bad in ["0", "6", "2.5", "three", "+3", "-1", "99999999999"] {
                let mut f = complete(qs);
                for (k, v) in f.iter_mut() {
                    if k == &format!("q_{}", likert.key()) {
                        *v = bad.to_string();
                    }
                }
                match validate(qs, &f, &[]).unwrap() {
                    Validation::Mistakes { problems, kept } => {
                        assert_eq!(
                            problems.get(likert.key()),
                            Some(&Problem::OutOfRange),
                            "{bad}"
                        );
                        assert_eq!(kept.get(likert.key()).map(String::as_str), Some(bad));
                    }
                    other => panic!("{bad}: {other:?}"),
                }
            }
        });
    }

    #[test]
    fn missing_required_items_are_marked() {
        with_sales_questions(|qs| match validate(qs, &[], &[]).unwrap() {
            Validation::Mistakes { problems, .. } => {
                let required = qs.iter().filter(|q| q.required()).count();
                assert_eq!(problems.len(), required);
                assert!(problems.values().all(|p| *p == Problem::Required));
            }
            other => panic!("{other:?}"),
        });
    }

    #[test]
    fn na_only_where_allowed() {
        with_sales_questions(|qs| {
            let overall = qs
                .iter()
                .find(|q| !q.allow_na() && q.kind() == QuestionKind::Likert5)
                .unwrap();
            let mut f = complete(qs);
            for (k, v) in f.iter_mut() {
                if k == &format!("q_{}", overall.key()) {
                    *v = "na".into();
                }
            }
            assert!(matches!(
                validate(qs, &f, &[]).unwrap(),
                Validation::Mistakes { .. }
            ));
            if let Some(na_q) = qs.iter().find(|q| q.allow_na()) {
                let mut f = complete(qs);
                for (k, v) in f.iter_mut() {
                    if k == &format!("q_{}", na_q.key()) {
                        *v = "na".into();
                    }
                }
                match validate(qs, &f, &[]).unwrap() {
                    Validation::Valid(a) => assert!(a.iter().any(|a| a.question_key == na_q.key()
                        && a.not_applicable
                        && a.value.is_none())),
                    other => panic!("{other:?}"),
                }
            }
        });
    }

    #[test]
    fn forged_and_repeated_fields_are_refused() {
        with_sales_questions(|qs| {
            let mut f = complete(qs);
            f.push(("q_not_a_question".into(), "3".into()));
            assert!(matches!(
                validate(qs, &f, &[]),
                Err(Forgery::UnknownField(_))
            ));
            let mut f = complete(qs);
            let first = f[0].clone();
            f.push(first);
            assert!(matches!(validate(qs, &f, &[]), Err(Forgery::Repeated(_))));
            // A question of another department's section is not this respondent's.
            let set = TemplateSet::shipped().unwrap();
            let t = set.get("internal-csat").unwrap();
            let bd_only = t
                .questions_for(Some(Department::Bd))
                .find(|q| q.department() == Some(Department::Bd))
                .unwrap();
            let mut f = complete(qs);
            f.push((format!("q_{}", bd_only.key()), "3".into()));
            assert!(matches!(
                validate(qs, &f, &[]),
                Err(Forgery::UnknownField(_))
            ));
        });
    }

    #[test]
    fn comments_are_trimmed_and_limited() {
        with_sales_questions(|qs| {
            let Some(text_q) = qs.iter().find(|q| q.kind() == QuestionKind::Text) else {
                return;
            };
            let mut f = complete(qs);
            f.push((
                format!("q_{}", text_q.key()),
                "  fine \u{0007}work  ".into(),
            ));
            match validate(qs, &f, &[]).unwrap() {
                Validation::Valid(a) => {
                    assert!(a.iter().any(|a| a.text.as_deref() == Some("fine work")))
                }
                other => panic!("{other:?}"),
            }
            let mut f = complete(qs);
            f.push((
                format!("q_{}", text_q.key()),
                "x".repeat(MAX_COMMENT_CHARS + 1),
            ));
            assert!(matches!(
                validate(qs, &f, &[]).unwrap(),
                Validation::Mistakes { .. }
            ));
        });
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_never_accepts_foreign_fields(
            pairs in proptest::collection::vec(("[a-z_]{0,12}", "\\PC{0,12}"), 0..20)
        ) {
            with_sales_questions(|qs| {
                let f: Vec<(String, String)> = pairs.clone();
                if let Ok(Validation::Valid(answers)) = validate(qs, &f, &[]) {
                    for a in answers {
                        assert!(qs.iter().any(|q| q.key() == a.question_key));
                    }
                }
            });
        }
    }
}
