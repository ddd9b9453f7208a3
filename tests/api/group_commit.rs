//! Survey submissions stored together (SQLite's group commit, `db::survey_store`): while the
//! write turn is held, submissions queue; the next transaction stores all of them, each in a
//! savepoint. Each is stored exactly once, a second submission of one link is refused, and one
//! that fails takes nothing else with it. On PostgreSQL the same calls store one by one, and
//! the same must hold.

use std::sync::Barrier;
use std::time::Duration;

use ctopulse::db::survey::{self, Submitted};
use ctopulse::db::DbConnection;
use ctopulse::domain::survey_form::AnswerValue;

use crate::helpers::{rid, TestApp};

fn overall(value: i32) -> AnswerValue {
    AnswerValue {
        question_key: "overall_satisfaction".into(),
        value: Some(value),
        not_applicable: false,
        text: None,
    }
}

/// Every address the round's invitations went to.
fn invited(app: &TestApp, round: &str) -> Vec<String> {
    use ctopulse::db::schema::outbox;
    use diesel::prelude::*;
    outbox::table
        .filter(outbox::round_id.eq(round))
        .select(outbox::recipient)
        .distinct()
        .load(&mut *app.conn())
        .expect("recipients")
}

/// The token hash of each person's emailed link.
fn link_hashes(app: &TestApp, people: &[String]) -> Vec<String> {
    people
        .iter()
        .map(|p| ctopulse::tokens::hash(&app.link_path(p)[3..]))
        .collect()
}

/// What `pick` takes from each event of the SQLite connection `inner` from now on.
fn record(
    inner: &mut diesel::SqliteConnection,
    pick: fn(diesel::connection::InstrumentationEvent<'_>) -> Option<String>,
) -> std::sync::Arc<std::sync::Mutex<Vec<String>>> {
    use diesel::connection::Connection;
    let recorded = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = recorded.clone();
    inner.set_instrumentation(move |event: diesel::connection::InstrumentationEvent<'_>| {
        if let Some(text) = pick(event) {
            seen.lock().expect("recorded").push(text);
        }
    });
    recorded
}

/// Runs `submit(i)` for every `i` on threads of their own, all released together while the
/// test holds SQLite's write turn for a moment (so they queue and are stored in one
/// transaction); returns each outcome.
fn at_once<T: Send>(app: &TestApp, n: usize, submit: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let start = Barrier::new(n + 1);
    std::thread::scope(|s| {
        let mut held = app.conn();
        let turn = match &mut *held {
            DbConnection::Sqlite(c) => Some(ctopulse::db::pool::sqlite_writer(c)),
            DbConnection::Pg(_) => None,
        };
        let handles: Vec<_> = (0..n)
            .map(|i| {
                let (start, submit) = (&start, &submit);
                s.spawn(move || {
                    start.wait();
                    submit(i)
                })
            })
            .collect();
        start.wait();
        std::thread::sleep(Duration::from_millis(300));
        drop(turn);
        handles
            .into_iter()
            .map(|h| h.join().expect("submitter"))
            .collect()
    })
}

#[tokio::test]
async fn submissions_at_once_are_each_stored_once_and_a_second_one_of_a_link_refused() {
    let (app, round) = TestApp::csat_round_sent().await;
    let people = invited(&app, &round);
    assert!(people.len() >= 8, "{people:?}");
    let hashes = link_hashes(&app, &people);
    let now = ctopulse::clock::now();
    // Every link submitted twice at once.
    let outcomes = at_once(&app, hashes.len() * 2, |i| {
        let value = 1 + (i % 5) as i32;
        survey::submit(
            &mut app.conn(),
            rid(&round),
            &hashes[i / 2],
            &[overall(value)],
            now,
        )
        .expect("submit")
    });
    for (i, pair) in outcomes.chunks(2).enumerate() {
        let mut pair = pair.to_vec();
        pair.sort_by_key(|s| format!("{s:?}"));
        assert_eq!(
            pair,
            vec![Submitted::AlreadyAnswered, Submitted::Stored],
            "{}",
            people[i]
        );
    }
    assert_eq!(app.count("responses"), people.len() as i64);
    assert_eq!(app.count("answers"), people.len() as i64);
    assert_eq!(
        app.count("invitations WHERE responded"),
        people.len() as i64
    );
}

#[tokio::test]
async fn a_submission_that_fails_among_others_stores_nothing_and_takes_nothing_with_it() {
    let (app, round) = TestApp::csat_round_sent().await;
    let people = invited(&app, &round);
    let hashes = link_hashes(&app, &people);
    let now = ctopulse::clock::now();
    // The first person's answers name one question twice: the store fails on the answers'
    // key after flipping the flag and writing the response, so its savepoint must undo both.
    let outcomes = at_once(&app, hashes.len(), |i| {
        let answers = if i == 0 {
            vec![overall(4), overall(5)]
        } else {
            vec![overall(3)]
        };
        survey::submit(&mut app.conn(), rid(&round), &hashes[i], &answers, now)
    });
    assert!(outcomes[0].is_err(), "{:?}", outcomes[0]);
    for (who, outcome) in people.iter().zip(&outcomes).skip(1) {
        assert_eq!(outcome.as_ref().ok(), Some(&Submitted::Stored), "{who}");
    }
    let others = people.len() as i64 - 1;
    assert_eq!(app.count("responses"), others);
    assert_eq!(app.count("answers"), others);
    assert_eq!(app.count("invitations WHERE responded"), others);
    // The one that failed can still answer.
    let again = survey::submit(&mut app.conn(), rid(&round), &hashes[0], &[overall(4)], now)
        .expect("submit");
    assert_eq!(again, Submitted::Stored);
}

/// SQLite: a submission's statements are prepared once per connection and then taken from its
/// statement cache (diesel would parse its own UPDATE and multi-row INSERT every time, inside
/// the write turn every submission waits for).
#[tokio::test]
async fn a_connection_prepares_the_submission_statements_once() {
    use diesel::connection::InstrumentationEvent;
    let (app, round) = TestApp::csat_round_sent().await;
    let people = invited(&app, &round);
    let hashes = link_hashes(&app, &people);
    let mut conn = app.conn();
    let DbConnection::Sqlite(inner) = &mut *conn else {
        return;
    };
    let cached = record(inner, |event| match event {
        InstrumentationEvent::CacheQuery { sql, .. } => Some(sql.to_string()),
        _ => None,
    });
    let answers = |value| {
        vec![
            overall(value),
            AnswerValue {
                question_key: "recommend".into(),
                value: Some(value),
                not_applicable: false,
                text: Some("said once".into()),
            },
        ]
    };
    let now = ctopulse::clock::now();
    let first = survey::submit(&mut conn, rid(&round), &hashes[0], &answers(4), now);
    assert_eq!(first.expect("first"), Submitted::Stored);
    let prepared = std::mem::take(&mut *cached.lock().expect("events"));
    for statement in ["UPDATE `invitations`", "INSERT INTO `answers`"] {
        assert!(
            prepared.iter().any(|sql| sql.contains(statement)),
            "{statement} is not cached: {prepared:#?}"
        );
    }
    let second = survey::submit(&mut conn, rid(&round), &hashes[1], &answers(2), now);
    assert_eq!(second.expect("second"), Submitted::Stored);
    let again = cached.lock().expect("events").clone();
    assert!(again.is_empty(), "prepared again: {again:#?}");
    // Stored as diesel's own statements stored them: two responses, each with both answers.
    assert_eq!(app.count("responses"), 2);
    assert_eq!(app.count("answers WHERE question_key = 'recommend'"), 2);
    assert_eq!(app.count("answers WHERE text = 'said once'"), 2);
    assert_eq!(app.count("invitations WHERE responded"), 2);
}

/// SQLite: what a submission reads of its round (the link lookup, the flag flip's guard) comes
/// from the index `rounds_survey`, never from the round's row, whose template text (several
/// overflow pages) lies before the status and close time.
#[tokio::test]
async fn a_submission_reads_its_round_from_the_covering_index() {
    use diesel::connection::InstrumentationEvent;
    use diesel::sql_types::Text;
    #[derive(diesel::QueryableByName)]
    struct Step {
        #[diesel(sql_type = Text)]
        detail: String,
    }
    let (app, round) = TestApp::csat_round_sent().await;
    let people = invited(&app, &round);
    let hash = link_hashes(&app, &people[..1]).remove(0);
    let mut conn = app.conn();
    let DbConnection::Sqlite(inner) = &mut *conn else {
        return;
    };
    let statements = record(inner, |event| match event {
        InstrumentationEvent::StartQuery { query, .. } => {
            let text = query.to_string();
            Some(text.split(" -- binds:").next().unwrap_or("").to_string())
        }
        _ => None,
    });
    let now = ctopulse::clock::now();
    let stored = survey::submit(&mut conn, rid(&round), &hash, &[overall(4)], now);
    assert_eq!(stored.expect("submit"), Submitted::Stored);
    let reading_rounds: Vec<String> = statements
        .lock()
        .expect("statements")
        .iter()
        .filter(|sql| sql.contains("`rounds`"))
        .cloned()
        .collect();
    assert!(reading_rounds.len() >= 2, "{reading_rounds:#?}");
    let DbConnection::Sqlite(inner) = &mut *conn else {
        return;
    };
    for sql in reading_rounds {
        let plan: Vec<Step> = diesel::RunQueryDsl::load(
            diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}")),
            inner,
        )
        .expect("plan");
        let rounds: Vec<&str> = plan
            .iter()
            .map(|s| s.detail.as_str())
            // The table by name or alias, or one of its indexes.
            .filter(|d| {
                d.contains("rounds") || d.starts_with("SEARCH r ") || d.starts_with("SCAN r")
            })
            .collect();
        assert!(
            !rounds.is_empty()
                && rounds
                    .iter()
                    .all(|d| d.contains("COVERING INDEX rounds_survey")),
            "{sql}\n{rounds:?}"
        );
    }
}
