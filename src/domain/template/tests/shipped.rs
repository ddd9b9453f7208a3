//! The three shipped surveys: they load, stay short, are fully translated, and a mistake
//! planted in a copy of each is reported with its line.

use super::{edit, errors_of, expect_error, line_of};
use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::template::{
    load_dir, parse_template, sha256_hex, Localized, Template, TemplateErrorKind as E, TemplateSet,
    SHIPPED,
};

const CSAT: &str = include_str!("../../../../survey-templates/internal-csat.toml");
const CULTURE: &str = include_str!("../../../../survey-templates/engineering-culture.toml");
const ALIGNMENT: &str = include_str!("../../../../survey-templates/tech-strategy-alignment.toml");

/// The most items any one respondent may see, to stay under three minutes.
const MAX_ITEMS_SEEN: usize = 12;

fn shipped() -> TemplateSet {
    TemplateSet::shipped().unwrap_or_else(|e| panic!("shipped templates are invalid:\n{e}"))
}

#[test]
fn the_shipped_templates_load_one_per_audience() {
    let set = shipped();
    assert_eq!(set.templates().len(), 3);
    for audience in Audience::ALL {
        let ts: Vec<&Template> = set.for_audience(audience).collect();
        assert_eq!(ts.len(), 1, "{audience}");
        assert_eq!(ts[0].key(), audience.key(), "key matches audience");
        assert_eq!(ts[0].file_name(), format!("{}.toml", audience.key()));
    }
}

#[test]
fn the_embedded_copies_are_the_files_on_disk() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("survey-templates");
    let from_disk = load_dir(&dir).unwrap();
    let embedded = shipped();
    for t in embedded.templates() {
        let disk = from_disk.get(t.key()).unwrap();
        assert_eq!(disk.content_hash(), t.content_hash(), "{}", t.key());
        assert!(disk.file_name().ends_with(t.file_name()));
    }
    assert_eq!([CSAT, CULTURE, ALIGNMENT], SHIPPED.map(|(_, text)| text));
}

#[test]
fn nobody_sees_more_than_twelve_items() {
    let set = shipped();
    let respondents: Vec<Option<Department>> = std::iter::once(None)
        .chain(Department::ALL.map(Some))
        .collect();
    for t in set.templates() {
        for &d in &respondents {
            let seen = t.questions_for(d).count();
            assert!(
                seen <= MAX_ITEMS_SEEN,
                "{} shows {seen} items to {d:?}",
                t.key()
            );
        }
    }
}

#[test]
fn internal_csat_has_the_overall_item_a_section_per_department_and_a_comment() {
    let set = shipped();
    let t = set.get("internal-csat").unwrap();
    let overall: Vec<_> = t.questions_with_role(Role::CsatOverall).collect();
    assert_eq!(overall.len(), 1);
    let overall = overall[0];
    assert!(overall.required() && !overall.allow_na() && overall.department().is_none());
    assert_eq!(
        overall.text().get(Locale::En),
        "Overall, how satisfied are you with the support your department gets from the CTO?"
    );
    for d in Department::ALL {
        let own: Vec<_> = t
            .questions()
            .filter(|q| q.department() == Some(d))
            .collect();
        assert!((4..=6).contains(&own.len()), "{d}: {} items", own.len());
        assert!(own
            .iter()
            .all(|q| q.kind() == QuestionKind::Likert5 && q.role().is_none()));
        let seen: Vec<&str> = t.questions_for(Some(d)).map(|q| q.key()).collect();
        assert_eq!(
            seen.first(),
            Some(&overall.key()),
            "{d} starts with the overall item"
        );
        assert_eq!(seen.last(), Some(&"comment"), "{d} ends with the comment");
    }
    let comment = t.question("comment").unwrap();
    assert!(
        comment.kind() == QuestionKind::Text && !comment.required() && comment.role().is_none()
    );
    // Someone who never needed a customer meeting has no basis to rate it.
    assert!(t.question("sales_customer_meetings").unwrap().allow_na());
}

#[test]
fn engineering_culture_has_productivity_happiness_enps_practice_and_a_comment() {
    let set = shipped();
    let t = set.get("engineering-culture").unwrap();
    assert!(t.questions_with_role(Role::Productivity).count() >= 3);
    assert!(t.questions_with_role(Role::Happiness).count() >= 3);
    let enps: Vec<_> = t.questions_with_role(Role::Enps).collect();
    assert_eq!(enps.len(), 1);
    assert_eq!(enps[0].kind(), QuestionKind::Nps11);
    assert_eq!(enps[0].value_range(), Some((0, 10)));
    let practice = t
        .questions()
        .filter(|q| q.role().is_none() && q.kind() == QuestionKind::Likert5)
        .count();
    assert!((2..=3).contains(&practice), "{practice} practice items");
    assert_eq!(
        t.questions()
            .filter(|q| q.kind() == QuestionKind::Text)
            .count(),
        1
    );
}

#[test]
fn tech_strategy_alignment_asks_about_strategy_inflection_points_options_and_neutrality() {
    let set = shipped();
    let t = set.get("tech-strategy-alignment").unwrap();
    let keys: Vec<&str> = t
        .questions_with_role(Role::Alignment)
        .map(|q| q.key())
        .collect();
    for k in [
        "strategy_supports_business",
        "anticipates_inflection_points",
        "options_to_decide",
        "neutral_sounding_board",
        "communicates_strategy",
    ] {
        assert!(keys.contains(&k), "{k}");
    }
    assert_eq!(
        t.questions()
            .filter(|q| q.kind() == QuestionKind::Text)
            .count(),
        1
    );
}

/// Every text a respondent reads, with where it comes from.
fn texts(t: &Template) -> Vec<(String, &Localized)> {
    let mut out = vec![
        ("title".to_string(), t.title()),
        ("intro".to_string(), t.intro()),
    ];
    for s in t.sections() {
        out.push((format!("section {}", s.key()), s.title()));
        for q in s.questions() {
            out.push((q.key().to_string(), q.text()));
            if let Some(scale) = q.scale() {
                out.push((format!("{} low", q.key()), scale.low()));
                out.push((format!("{} high", q.key()), scale.high()));
            }
            for o in q.options() {
                out.push((format!("{} option", q.key()), o));
            }
        }
    }
    out
}

#[test]
fn every_text_is_translated_into_korean_and_dutch() {
    for t in shipped().templates() {
        for (what, text) in texts(t) {
            let (en, ko, nl) = (
                text.get(Locale::En),
                text.get(Locale::Ko),
                text.get(Locale::Nl),
            );
            assert!(
                ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                "{}: {what} ko has no Hangul",
                t.key()
            );
            // Short titles such as "Sales" may be the same word; sentences never are.
            if en.split_whitespace().count() > 2 {
                assert_ne!(en, nl, "{}: {what} nl is the English text", t.key());
            }
        }
    }
}

#[test]
fn korean_is_polite_and_dutch_says_je_throughout() {
    for t in shipped().templates() {
        for q in t.questions() {
            let ko = q.text().get(Locale::Ko);
            let polite = ["니다.", "요?", "요.", "세요."]
                .iter()
                .any(|end| ko.ends_with(end));
            assert!(
                polite,
                "{}: {} ko is not in 합니다/-요 style: {ko}",
                t.key(),
                q.key()
            );
            if let Some(s) = q.scale() {
                for label in [s.low().get(Locale::Ko), s.high().get(Locale::Ko)] {
                    assert!(label.ends_with("니다"), "{}: label {label}", t.key());
                }
            }
        }
        for (what, text) in texts(t) {
            let nl = text.get(Locale::Nl);
            let formal = nl
                .split(|c: char| !c.is_alphabetic())
                .any(|w| matches!(w, "u" | "U" | "uw" | "Uw"));
            assert!(!formal, "{}: {what} nl uses u/uw: {nl}", t.key());
        }
    }
}

#[test]
fn na_is_never_offered_on_headline_items() {
    for t in shipped().templates() {
        for role in [Role::CsatOverall, Role::Enps] {
            assert!(
                t.questions_with_role(role).all(|q| !q.allow_na()),
                "{}",
                t.key()
            );
        }
    }
}

#[test]
fn a_planted_mistake_in_each_shipped_template_is_reported_with_its_line() {
    for (file, text) in SHIPPED {
        // Mistake 1: a typo in a scale name, on the last question that uses a scale.
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let typo_at = lines
            .iter()
            .rposition(|l| l.starts_with("scale = \"agreement\""))
            .unwrap();
        lines[typo_at] = "scale = \"agreemnt\"".to_string();
        // Mistake 2: the Korean text of the first question is dropped.
        let ko_at = lines
            .iter()
            .position(|l| l.starts_with("text.ko = "))
            .unwrap();
        lines.remove(ko_at);
        let broken = lines.join("\n");

        let e = errors_of(file, &broken);
        assert_eq!(e.len(), 2, "{e}");
        let typo_line = line_of(&broken, "agreemnt");
        let typo = expect_error(
            &e,
            file,
            typo_line,
            e.errors()[1].key(),
            |k| matches!(k, E::UnknownScale { name, .. } if name == "agreemnt"),
        );
        assert!(typo.key().ends_with("].scale"), "{}", typo.key());
        let en_line = line_of(&broken, "text.en = ");
        let missing = expect_error(&e, file, en_line, e.errors()[0].key(), |k| {
            *k == E::MissingTranslation(Locale::Ko)
        });
        assert!(missing.key().ends_with("].text.ko"), "{}", missing.key());
    }
}

#[test]
fn a_planted_unknown_key_is_reported_in_each_shipped_template() {
    for (file, text) in SHIPPED {
        let broken = edit(
            text,
            "[[sections.questions]]",
            "[[sections.questions]]\nweight = 2",
        );
        let e = errors_of(file, &broken);
        assert_eq!(e.len(), 1, "{e}");
        let line = line_of(&broken, "weight = 2");
        let err = &e.errors()[0];
        assert_eq!((err.file(), err.line()), (file, line), "{e}");
        assert!(
            err.key().starts_with("sections[") && err.key().ends_with(".weight"),
            "{e}"
        );
    }
}

#[test]
fn the_content_hash_is_the_sha256_of_the_file_and_stable() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    for (file, text) in SHIPPED {
        let a = parse_template(file, text).unwrap();
        let b = parse_template("renamed.toml", text).unwrap();
        assert_eq!(a.content_hash(), sha256_hex(text.as_bytes()));
        assert_eq!(a.content_hash(), b.content_hash(), "the name is not hashed");
        assert_eq!(a.content_hash().len(), 64);
        // A round re-parses the text it stored and gets the same template back.
        let again = parse_template(file, a.source()).unwrap();
        assert_eq!(again, a);
        // Even a comment changes the hash: the hash is of the bytes, not the meaning.
        let commented = format!("{text}# edited\n");
        let c = parse_template(file, &commented).unwrap();
        assert_ne!(c.content_hash(), a.content_hash());
    }
}

#[test]
fn the_example_in_the_format_readme_loads() {
    let readme = include_str!("../../../../survey-templates/README.md");
    let start = readme.find("```toml\n").unwrap() + "```toml\n".len();
    let len = readme[start..].find("```").unwrap();
    let t = parse_template("README.md", &readme[start..start + len])
        .unwrap_or_else(|e| panic!("the README example is invalid:\n{e}"));
    assert_eq!(t.key(), "team-pulse");
    assert_eq!(t.question("main_blocker").unwrap().options().len(), 3);
}

#[test]
fn every_item_that_can_be_a_key_driver_has_a_short_label_in_every_language() {
    // Department items of the CSAT survey and the culture survey's Likert items are the
    // predictors of the key-driver analyses; the board report names them in a few words.
    let set = shipped();
    for key in ["internal-csat", "engineering-culture"] {
        let t = set.get(key).unwrap();
        for q in t.questions().filter(|q| q.kind() == QuestionKind::Likert5) {
            if key == "internal-csat" && q.department().is_none() {
                continue;
            }
            for locale in Locale::ALL {
                let short = q.short().get(locale);
                assert_ne!(
                    short,
                    q.text().get(locale),
                    "{key}/{} has no short {locale:?}",
                    q.key()
                );
                assert!(
                    short.chars().count() <= 32,
                    "{key}/{}: {short:?} is too long",
                    q.key()
                );
            }
        }
    }
}

#[test]
fn a_short_label_missing_a_language_is_reported_with_its_line() {
    let text = edit(CSAT, "short.ko = \"고객 미팅 참석\"", "");
    let errors = errors_of("internal-csat.toml", &text);
    let line = line_of(&text, "short.nl = \"Aanwezig bij klantgesprekken\"");
    assert!(
        errors
            .errors()
            .iter()
            .any(|e| matches!(e.kind(), E::MissingTranslation(Locale::Ko))
                && e.line().abs_diff(line) <= 2),
        "{errors}"
    );
}
