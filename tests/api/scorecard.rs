//! The scorecard from the database: answers through real rounds, tallies at seal, the engine
//! on top — equal to the engine fed by an independent aggregation of the same answers.

use crate::helpers::rid;
use std::collections::BTreeMap;

use crate::helpers::TestApp;
use ctopulse::app::rounds;
use ctopulse::app::scorecard::{self, Options, ScorecardError};
use ctopulse::db::{seal, survey};
use ctopulse::domain::question::{QuestionKind, Role};
use ctopulse::domain::scoring::{
    self, CultureTallyRow, GroupInput, ItemInput, RoundInput, ScorecardInput, TemplateRef,
    ValueCountRow,
};
use ctopulse::domain::survey_form::AnswerValue;
use diesel::prelude::*;
use rand::SeedableRng;

/// 20 engineers in engineering, 3 in sales (a group below k), everyone English.
fn engineering_roster() -> String {
    let mut csv = String::from("email,name,department,locale,is_engineer,is_executive,active\n");
    for i in 0..20 {
        csv.push_str(&format!(
            "eng{i}@acme.test,Engineer {i},engineering,en,true,false,true\n"
        ));
    }
    for i in 0..3 {
        csv.push_str(&format!(
            "se{i}@acme.test,Sales Engineer {i},sales,en,true,false,true\n"
        ));
    }
    csv
}

/// Respondent i's answer to question j: a spread that exercises every value and N/A.
fn answer(i: usize, j: usize, kind: QuestionKind, allow_na: bool) -> AnswerValue {
    let (value, na) = match kind {
        QuestionKind::Nps11 => (Some(((i * 7 + j) % 11) as i32), false),
        _ if allow_na && (i + j).is_multiple_of(9) => (None, true),
        _ => (Some(1 + ((i * 3 + j * 2) % 5) as i32), false),
    };
    AnswerValue {
        question_key: String::new(),
        value,
        not_applicable: na,
        text: None,
    }
}

/// Launches engineering-culture for 2026Q3, answers it for the first `n` engineers through their
/// real links (the spread of `answer`), seals it, and returns the round id and its template.
pub(crate) async fn sealed_culture_round(
    app: &TestApp,
    n: usize,
) -> (String, ctopulse::domain::template::Template) {
    app.import_roster(&engineering_roster());
    let round_id = app.launch("engineering-culture", "2026Q3");
    app.send_all().await;
    let template = app
        .state
        .templates
        .get("engineering-culture")
        .unwrap()
        .clone();
    let now = ctopulse::clock::now();
    for i in 0..n {
        let token = app.link_path(&format!("eng{i}@acme.test"))[3..].to_string();
        let answers: Vec<AnswerValue> = template
            .questions()
            .filter(|q| q.kind() != QuestionKind::Text)
            .enumerate()
            .map(|(j, q)| AnswerValue {
                question_key: q.key().into(),
                ..answer(i, j, q.kind(), q.allow_na())
            })
            .collect();
        survey::submit(
            &mut app.conn(),
            rid(&round_id),
            &ctopulse::tokens::hash(&token),
            &answers,
            now,
        )
        .unwrap();
    }
    ctopulse::app::rounds::close_and_seal(&mut app.conn(), rid(&round_id), now, "test").unwrap();
    (round_id, template)
}

fn opts() -> Options {
    Options {
        include_comments: false,
        comment_sample: None,
        thresholds: Default::default(),
        fiscal_year_start_month: 1,
    }
}

#[tokio::test]
async fn the_scorecard_from_the_database_equals_the_engine_on_the_same_answers() {
    let app = TestApp::spawn().await;
    app.import_roster(&engineering_roster());
    let round_id = app.launch("engineering-culture", "2026Q3");
    app.send_all().await;
    let template = app
        .state
        .templates
        .get("engineering-culture")
        .unwrap()
        .clone();
    let questions: Vec<_> = template
        .questions()
        .filter(|q| q.kind() != QuestionKind::Text)
        .collect();

    // 17 of 20 engineers and 2 of 3 in sales answer, through their real links.
    let answering: Vec<(String, &str)> = (0..17)
        .map(|i| (format!("eng{i}@acme.test"), "engineering"))
        .chain((0..2).map(|i| (format!("se{i}@acme.test"), "sales")))
        .collect();
    let mut expected_counts: BTreeMap<(String, String, Option<i32>), u32> = BTreeMap::new();
    let mut expected_culture: BTreeMap<(String, u32, u32, u32, u32), u32> = BTreeMap::new();
    let now = ctopulse::clock::now();
    for (i, (email, group)) in answering.iter().enumerate() {
        let token = app.link_path(email)[3..].to_string();
        let mut answers = Vec::new();
        let (mut ps, mut pc, mut hs, mut hc) = (0, 0, 0, 0);
        for (j, q) in questions.iter().enumerate() {
            let mut a = answer(i, j, q.kind(), q.allow_na());
            a.question_key = q.key().to_string();
            *expected_counts
                .entry((group.to_string(), q.key().to_string(), a.value))
                .or_default() += 1;
            if let Some(v) = a.value {
                match q.role() {
                    Some(Role::Productivity) => (ps, pc) = (ps + v as u32, pc + 1),
                    Some(Role::Happiness) => (hs, hc) = (hs + v as u32, hc + 1),
                    _ => {}
                }
            }
            answers.push(a);
        }
        *expected_culture
            .entry((group.to_string(), ps, pc, hs, hc))
            .or_default() += 1;
        let stored = survey::submit(
            &mut app.conn(),
            rid(&round_id),
            &ctopulse::tokens::hash(&token),
            &answers,
            now,
        )
        .unwrap();
        assert_eq!(stored, survey::Submitted::Stored);
    }

    // An open round has no results.
    let err = scorecard::load(
        &mut app.conn(),
        Some("2026Q3".parse().unwrap()),
        &opts(),
        &mut rand::rng(),
    )
    .unwrap_err();
    assert!(
        matches!(err, ScorecardError::NoClosedRound(ref q) if q == "2026Q3"),
        "{err}"
    );
    assert_eq!(err.to_string(), "no closed round for 2026Q3");

    ctopulse::app::rounds::close_and_seal(&mut app.conn(), rid(&round_id), now, "test").unwrap();
    let loaded = scorecard::load(&mut app.conn(), None, &opts(), &mut rand::rng()).unwrap();
    assert_eq!(
        loaded.scorecard.quarter.to_string(),
        "2026Q3",
        "defaults to the latest closed quarter"
    );

    // The same round fed to the engine from the in-memory aggregation above.
    let round = rounds::get(&mut app.conn(), rid(&round_id)).unwrap();
    let input = ScorecardInput {
        quarter: "2026Q3".parse().unwrap(),
        rounds: vec![RoundInput {
            quarter: "2026Q3".parse().unwrap(),
            audience: template.audience(),
            template: TemplateRef {
                key: round.template_key.clone(),
                version: round.template_version as u32,
                content_hash: round.template_hash.clone(),
            },
            k: 5,
            comment_threshold: 10,
            status: ctopulse::domain::round::RoundStatus::Sealed,
            groups: vec![
                GroupInput {
                    key: "engineering".into(),
                    departments: vec![ctopulse::domain::department::Department::Engineering],
                    weight: 20.0,
                    delivered: 20,
                    answered: 17,
                },
                GroupInput {
                    key: "sales".into(),
                    departments: vec![ctopulse::domain::department::Department::Sales],
                    weight: 35.0,
                    delivered: 3,
                    answered: 2,
                },
            ],
            items: template
                .questions()
                .map(|q| ItemInput {
                    key: q.key().into(),
                    kind: q.kind(),
                    role: q.role(),
                    section: q.department(),
                    allow_na: q.allow_na(),
                })
                .collect(),
            value_counts: expected_counts
                .iter()
                .map(|((group, item, value), count)| ValueCountRow {
                    group: group.clone(),
                    item: item.clone(),
                    value: *value,
                    count: *count,
                })
                .collect(),
            culture_tallies: expected_culture
                .iter()
                .map(|((group, ps, pc, hs, hc), n)| CultureTallyRow {
                    group: group.clone(),
                    productivity_sum: *ps,
                    productivity_items: *pc,
                    happiness_sum: *hs,
                    happiness_items: *hc,
                    respondents: *n,
                })
                .collect(),
            alignment_tallies: vec![],
            comments: vec![],
            comment_counts: vec![],
            // Key drivers are checked by tests/api/drivers.rs; here the stored ones ride along.
            drivers: ctopulse::db::drivers::for_round(&mut app.conn(), rid(&round_id)).unwrap(),
        }],
        hr: scoring::HrInput {
            quarter_first_day: time::macros::date!(2026 - 07 - 01),
            quarter_last_day: time::macros::date!(2026 - 09 - 30),
            events: vec![],
        },
        inflection_points: vec![],
        thresholds: Default::default(),
        include_comments: false,
    };
    let expected =
        scoring::build_scorecard(&input, &mut rand::rngs::StdRng::seed_from_u64(1)).unwrap();
    assert_eq!(
        serde_json::to_value(&loaded.scorecard).unwrap(),
        serde_json::to_value(&expected).unwrap()
    );
    // And the figures are real: 17 + 2 engineers answered; the 2 in sales are below k.
    let json = serde_json::to_value(&loaded.scorecard).unwrap();
    assert_eq!(
        json["measure_b"]["productive_and_happy"]["state"], "shown",
        "{}",
        json["measure_b"]
    );
}

#[tokio::test]
async fn tallies_equal_a_fresh_aggregation_and_retally_changes_nothing() {
    let app = TestApp::spawn().await;
    let (round_id, template) = sealed_culture_round(&app, 12).await;

    use ctopulse::db::schema::{answers as a, responses as r, tallies as t};
    let read_tallies = |app: &TestApp| -> Vec<(String, String, i32, bool, i64)> {
        t::table
            .filter(t::round_id.eq(&round_id))
            .select((
                t::reporting_group,
                t::question_key,
                t::value,
                t::not_applicable,
                t::count,
            ))
            .order((
                t::reporting_group,
                t::question_key,
                t::value,
                t::not_applicable,
            ))
            .load(&mut *app.conn())
            .unwrap()
    };
    let stored = read_tallies(&app);
    let raw: Vec<(String, String, Option<i32>, bool)> = r::table
        .inner_join(a::table)
        .filter(r::round_id.eq(&round_id))
        .select((
            r::reporting_group,
            a::question_key,
            a::value,
            a::not_applicable,
        ))
        .load(&mut *app.conn())
        .unwrap();
    let mut fresh: BTreeMap<(String, String, i32, bool), i64> = BTreeMap::new();
    for (g, q, v, na) in raw {
        if v.is_some() || na {
            *fresh.entry((g, q, v.unwrap_or(-1), na)).or_default() += 1;
        }
    }
    let fresh: Vec<_> = fresh
        .into_iter()
        .map(|((g, q, v, na), c)| (g, q, v, na, c))
        .collect();
    assert_eq!(stored, fresh);
    assert!(!stored.is_empty());

    let index_before: i64 = ctopulse::db::schema::index_tallies::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    let round = rounds::get(&mut app.conn(), rid(&round_id)).unwrap();
    app.conn()
        .write_transaction(|c| {
            let rows = seal::round_rows(c, round.id, None)?;
            seal::write_tallies(c, &rows, &template)?;
            seal::finish_round_rows(c, rows)
        })
        .unwrap();
    assert_eq!(
        read_tallies(&app),
        stored,
        "retally rebuilds the same tallies"
    );
    let index_after: i64 = ctopulse::db::schema::index_tallies::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(index_before, index_after);
}

#[tokio::test]
async fn exports_round_trip_and_escape_formulas() {
    let app = TestApp::spawn().await;
    sealed_culture_round(&app, 8).await;
    ctopulse::app::inflection::add(
        &mut app.conn(),
        "=cmd|' /C calc'!A0",
        "2026Q3".parse().unwrap(),
        None,
        "test",
        ctopulse::clock::now(),
    )
    .unwrap();
    let id: String = ctopulse::db::schema::inflection_points::table
        .select(ctopulse::db::schema::inflection_points::id)
        .first(&mut *app.conn())
        .unwrap();
    ctopulse::app::inflection::assess(
        &mut app.conn(),
        &id,
        "2026Q3".parse().unwrap(),
        scoring::Assessment::Missed,
        None,
        "test",
        ctopulse::clock::now(),
    )
    .unwrap();

    let loaded = scorecard::load(&mut app.conn(), None, &opts(), &mut rand::rng()).unwrap();
    let json = ctopulse::export::to_json(&loaded, None).unwrap();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back, serde_json::to_value(&loaded).unwrap());
    assert_eq!(
        back["scorecard"]["measure_a"]["status"]["rating"], "red",
        "{}",
        back["scorecard"]["measure_a"]
    );

    let csv = ctopulse::export::to_csv(&loaded, None).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ctopulse::export::CSV_HEADER.to_vec()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.len() > 20);
    assert!(
        rows.iter()
            .all(|r| r.iter().all(|c| !c.starts_with('=') && !c.starts_with('@'))),
        "no cell can run as a formula"
    );
    assert!(
        csv.contains("'=cmd"),
        "the hostile title is escaped, not dropped"
    );
}
