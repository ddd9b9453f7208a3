//! The Fluent files agree with each other and with the code: a missing, unused or misspelt
//! key, a variable one language forgets, or a syntax error fails here, not in front of a user.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;

use super::{keys, parse, FILES};
use crate::domain::locale::Locale;

/// Variables that only some languages need: grammar the code works out for them (the Korean
/// topic particle after a company name). Any other variable must be used by every language.
const GRAMMAR_VARIABLES: [&str; 1] = ["topic"];

/// Every message of a language's files: key → (file, variables).
fn messages(locale: Locale) -> BTreeMap<String, (&'static str, BTreeSet<String>)> {
    let mut all = BTreeMap::new();
    for (file, source) in FILES.iter().zip(locale.ftl_sources()) {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for (key, vars) in parse::messages(&resource) {
            let previous = all.insert(key.clone(), (*file, vars));
            assert!(previous.is_none(), "{locale}: {key} is defined twice");
        }
    }
    all
}

#[test]
fn every_file_parses_without_error() {
    for locale in Locale::ALL {
        for (file, source) in FILES.iter().zip(locale.ftl_sources()) {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("locales/{locale}/{file}.ftl: {errors:?}");
            }
        }
    }
}

#[test]
fn every_language_has_exactly_the_keys_the_code_uses() {
    let used: BTreeSet<String> = keys::used().into_iter().collect();
    for locale in Locale::ALL {
        let have: BTreeSet<String> = messages(locale).into_keys().collect();
        let missing: Vec<_> = used.difference(&have).collect();
        let unused: Vec<_> = have.difference(&used).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(
            unused.is_empty(),
            "{locale} has keys no code uses: {unused:?}"
        );
    }
}

#[test]
fn every_language_uses_the_same_variables_and_files() {
    let english = messages(Locale::En);
    for locale in Locale::ALL {
        for (key, (file, vars)) in messages(locale) {
            let Some((en_file, en_vars)) = english.get(&key) else {
                continue; // reported by the key test
            };
            assert_eq!(file, *en_file, "{locale}: {key} is in another file");
            let strip = |v: &BTreeSet<String>| -> BTreeSet<String> {
                v.iter()
                    .filter(|n| !GRAMMAR_VARIABLES.contains(&n.as_str()))
                    .cloned()
                    .collect()
            };
            assert_eq!(
                strip(&vars),
                strip(en_vars),
                "{locale}: {key} uses other variables than English"
            );
        }
    }
}

#[test]
fn the_checks_catch_a_forgotten_variable_and_a_bad_line() {
    // The variable walk the tests rely on sees through select expressions.
    let r = FluentResource::try_new(
        "a = { $n ->\n    [one] one { $what }\n   *[other] { $n } { $what }\n}\n".to_string(),
    )
    .unwrap();
    let found = parse::messages(&r);
    let vars: Vec<&str> = found[0].1.iter().map(String::as_str).collect();
    assert_eq!(vars, ["n", "what"]);
    assert!(FluentResource::try_new("b = { $unclosed\n".to_string()).is_err());
}

#[test]
fn templates_keep_placeholders_and_format_fills_them() {
    assert_eq!(
        super::template(Locale::En, "survey-promise-groups"),
        "Results are shown only after the survey closes, and only for groups of at least {k} people."
    );
    assert_eq!(
        super::format(Locale::Nl, "report-weight", &[("w", "35")]),
        "gewicht 35"
    );
    // No bidi isolation marks around variables (they would show in plain-text emails).
    assert!(!super::format(Locale::Ko, "report-weight", &[("w", "35")]).contains('\u{2068}'));
}

#[test]
fn dates_and_shares_follow_each_language() {
    let d = time::macros::date!(2026 - 12 - 16);
    assert_eq!(super::date_long(Locale::En, d), "16 December 2026");
    assert_eq!(super::date_long(Locale::Ko, d), "2026년 12월 16일");
    assert_eq!(super::date_long(Locale::Nl, d), "16 december 2026");
    assert_eq!(super::date_long(Locale::De, d), "16. Dezember 2026");
    assert_eq!(super::date_report(Locale::En, d), "16 Dec 2026");
    assert_eq!(super::percent(Locale::De, "66.7"), "66,7\u{a0}%");
    assert_eq!(super::percent(Locale::Nl, "66.7"), "66,7%");
    assert_eq!(super::percent(Locale::En, "66.7"), "66.7%");
}

#[test]
fn counts_choose_the_plural_form_and_group_their_digits() {
    use super::{format_with, Arg};
    let fewer = |l, k| format_with(l, "report-fewer-than-k", &[("k", Arg::Count(k))]);
    let more = |l, n| format_with(l, "report-more", &[("n", Arg::Count(n))]);
    let cases: [(Locale, [&str; 4], [&str; 4]); 4] = [
        (
            Locale::En,
            [
                "fewer than 1 response",
                "fewer than 2 responses",
                "fewer than 1,000 responses",
                "fewer than 12,345 responses",
            ],
            ["+1 more", "+2 more", "+1,000 more", "+12,345 more"],
        ),
        (
            Locale::Ko,
            [
                "응답 1명 미만",
                "응답 2명 미만",
                "응답 1,000명 미만",
                "응답 12,345명 미만",
            ],
            ["외 1건", "외 2건", "외 1,000건", "외 12,345건"],
        ),
        (
            Locale::Nl,
            [
                "minder dan 1 reactie",
                "minder dan 2 reacties",
                "minder dan 1.000 reacties",
                "minder dan 12.345 reacties",
            ],
            ["+1 meer", "+2 meer", "+1.000 meer", "+12.345 meer"],
        ),
        (
            Locale::De,
            [
                "weniger als 1 Antwort",
                "weniger als 2 Antworten",
                "weniger als 1.000 Antworten",
                "weniger als 12.345 Antworten",
            ],
            [
                "+1 weitere",
                "+2 weitere",
                "+1.000 weitere",
                "+12.345 weitere",
            ],
        ),
    ];
    for (locale, want_fewer, want_more) in cases {
        for (i, n) in [1, 2, 1000, 12345].into_iter().enumerate() {
            assert_eq!(fewer(locale, n), want_fewer[i], "{locale} {n}");
            assert_eq!(more(locale, n), want_more[i], "{locale} {n}");
        }
    }
    // The emails' promise, in full for one language and by its count for the others.
    let promise = |l, k| {
        format_with(
            l,
            "email-anonymity",
            &[("company", Arg::Text("Acme")), ("k", Arg::Count(k))],
        )
    };
    assert!(promise(Locale::En, 1).ends_with("groups of at least 1 person."));
    assert!(promise(Locale::En, 12345).ends_with("groups of at least 12,345 people."));
    assert!(promise(Locale::Nl, 1).ends_with("minstens 1 persoon."));
    assert!(promise(Locale::Nl, 1000).ends_with("minstens 1.000 mensen."));
    assert!(promise(Locale::De, 1).ends_with("mindestens 1 Person."));
    assert!(promise(Locale::De, 2).ends_with("mindestens 2 Personen."));
    assert!(promise(Locale::Ko, 12345).contains("12,345명 이상인 그룹"));
    // Text variables stay as they are: a year or a template version is never grouped.
    assert_eq!(
        super::format(
            Locale::De,
            "quarter-long",
            &[("number", "3"), ("year", "2026")]
        ),
        "3. Quartal 2026"
    );
}

#[test]
fn korean_double_particles_only_follow_a_variable() {
    // "을(를)" is for a bare word the text cannot know; after fixed or quoted text (a quoted
    // question ends in "요") one particle is right.
    const PAIRS: [&str; 8] = [
        "을(를)", "를(을)", "은(는)", "는(은)", "이(가)", "가(이)", "와(과)", "과(와)",
    ];
    for (file, source) in FILES.iter().zip(Locale::Ko.ftl_sources()) {
        for line in source.lines() {
            for pair in PAIRS.iter().chain(&["(으)로"]) {
                for (at, _) in line.match_indices(pair) {
                    assert!(
                        line[..at].ends_with('}'),
                        "locales/ko/{file}.ftl: {pair} after fixed text: {line}"
                    );
                }
            }
        }
    }
}
