//! Stored values are typed: a malformed value in a typed column is an error naming its table,
//! column and value — never a row silently skipped or an account silently locked out.

use crate::helpers::rid;
use ctopulse::auth::Role;
use ctopulse::db::{users, DbError};
use ctopulse::domain::email::Email;
use diesel::RunQueryDsl;

use crate::helpers::TestApp;

/// A fresh app with one board account, `typed@example.com`.
async fn with_board_user() -> TestApp {
    let app = TestApp::spawn().await;
    let email = Email::parse("typed@example.com").unwrap();
    let now = ctopulse::clock::now();
    ctopulse::app::accounts::create_user(&mut app.conn(), &email, Role::Board, "x", "test", now)
        .unwrap();
    app
}

#[tokio::test]
async fn a_stored_role_round_trips_as_its_type() {
    let app = with_board_user().await;
    let u = users::find_by_email(&mut app.conn(), "typed@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(u.role, Role::Board);
}

#[tokio::test]
async fn a_malformed_stored_role_is_an_error_naming_table_column_and_value() {
    let app = with_board_user().await;
    let mut conn = app.conn();
    diesel::sql_query("UPDATE users SET role = 'overlord' WHERE email = 'typed@example.com'")
        .execute(&mut *conn)
        .unwrap();
    let err = users::find_by_email(&mut conn, "typed@example.com").unwrap_err();
    assert_malformed(&err, "users", "role", "overlord");
    // Listing does not skip the row either.
    assert!(matches!(
        users::list(&mut conn),
        Err(DbError::Malformed { .. })
    ));
}

/// The error of a typed read: (table, column, value).
fn malformed(err: &DbError) -> (&'static str, String, String) {
    match err {
        DbError::Malformed {
            table,
            column,
            value,
            ..
        } => (*table, column.clone(), value.clone()),
        other => panic!("expected a malformed-value error, got {other:?}"),
    }
}

/// The error names table, column and value, in its fields and in its message.
fn assert_malformed(err: &DbError, table: &str, column: &str, value: &str) {
    let (t, c, v) = malformed(err);
    assert_eq!((t, c.as_str(), v.as_str()), (table, column, value));
    let message = err.to_string();
    assert!(
        message.contains(&format!("{table}.{column}")) && message.contains(value),
        "{message}"
    );
}

#[tokio::test]
async fn a_malformed_board_state_is_an_error_not_a_missing_inflection_point() {
    use ctopulse::app::inflection;
    use ctopulse::db::inflection as inflection_db;
    use ctopulse::domain::scoring::Assessment;
    let app = TestApp::spawn().await;
    let mut conn = app.conn();
    let q = "2026Q3".parse().unwrap();
    let now = ctopulse::clock::now();
    let id = inflection::add(&mut conn, "LLM platforms", q, None, "test", now).unwrap();
    inflection::assess(&mut conn, &id, q, Assessment::Missed, None, "test", now).unwrap();
    assert_eq!(inflection_db::for_quarter(&mut conn, q).unwrap().len(), 1);

    diesel::sql_query("UPDATE inflection_assessments SET board_state = 'maybe'")
        .execute(&mut *conn)
        .unwrap();
    let err = inflection_db::for_quarter(&mut conn, q).unwrap_err();
    assert_eq!(
        malformed(&err),
        (
            "inflection_assessments",
            "board_state".into(),
            "maybe".into()
        )
    );
    assert!(matches!(
        inflection::register(&mut conn),
        Err(inflection::InflectionError::Db(DbError::Malformed { .. }))
    ));
}

#[tokio::test]
async fn a_malformed_stored_department_is_an_error_not_a_missing_weight() {
    use ctopulse::db::departments;
    let app = TestApp::spawn().await;
    let mut conn = app.conn();
    assert_eq!(departments::weights(&mut conn).unwrap().len(), 5);
    diesel::sql_query("UPDATE departments SET key = 'finance' WHERE key = 'sales'")
        .execute(&mut *conn)
        .unwrap();
    let err = departments::weights(&mut conn).unwrap_err();
    assert_eq!(
        malformed(&err),
        ("departments", "key".into(), "finance".into())
    );
    assert!(err.to_string().contains("finance"), "{err}");
}

#[tokio::test]
async fn a_malformed_group_member_is_an_error_not_a_smaller_scorecard() {
    use ctopulse::app::scorecard::{self, Options, ScorecardError};
    let app = TestApp::spawn().await;
    crate::scorecard::sealed_culture_round(&app, 8).await;
    let opts = Options {
        include_comments: false,
        comment_sample: None,
        thresholds: Default::default(),
        fiscal_year_start_month: 1,
    };
    let mut conn = app.conn();
    scorecard::load(&mut conn, None, &opts, &mut rand::rng()).unwrap();
    diesel::sql_query(
        "UPDATE rounds SET reporting_groups = REPLACE(reporting_groups, '\"engineering\"', '\"enginering\"')",
    )
    .execute(&mut *conn)
    .unwrap();
    let err = scorecard::load(&mut conn, None, &opts, &mut rand::rng()).unwrap_err();
    match &err {
        ScorecardError::Db(db) => assert_eq!(
            malformed(db),
            ("rounds", "reporting_groups".into(), "enginering".into())
        ),
        other => panic!("expected a malformed-value error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_malformed_hr_event_is_an_error_not_a_missing_event() {
    use ctopulse::app::hr as hr_app;
    use ctopulse::db::hr;
    use ctopulse::domain::scoring::{HrEvent, HrEventKind};
    let app = TestApp::spawn().await;
    let mut conn = app.conn();
    let date = time::macros::date!(2026 - 08 - 01);
    let event = HrEvent {
        date,
        kind: HrEventKind::Exit,
        count: 1,
        regretted: true,
        top_talent: false,
    };
    hr_app::import(&mut conn, &[event], "test", ctopulse::clock::now()).unwrap();
    assert_eq!(hr::between(&mut conn, date, date).unwrap(), vec![event]);
    diesel::sql_query("UPDATE hr_events SET event = 'quit'")
        .execute(&mut *conn)
        .unwrap();
    let err = hr::between(&mut conn, date, date).unwrap_err();
    assert_eq!(
        malformed(&err),
        ("hr_events", "event".into(), "quit".into())
    );
}

/// The error a read of a corrupted round must give: table, column and value named.
fn assert_malformed_round(err: &DbError, column: &str, value: &str) {
    assert_malformed(err, "rounds", column, value);
}

#[tokio::test]
async fn a_malformed_stored_round_quarter_or_status_is_an_error_not_a_missing_round() {
    use ctopulse::app::rounds::{self, RoundError};
    use ctopulse::db::rounds as stored;

    let app = TestApp::spawn().await;
    app.import_roster(crate::helpers::ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    let mut conn = app.conn();
    let listed = stored::list(&mut conn).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].quarter.to_string(), "2026Q4");

    diesel::sql_query(format!(
        "UPDATE rounds SET quarter = '2026Q9' WHERE id = '{round}'"
    ))
    .execute(&mut *conn)
    .unwrap();
    // The list does not quietly leave the round out, and the round is not "not found".
    assert_malformed_round(&stored::list(&mut conn).unwrap_err(), "quarter", "2026Q9");
    match rounds::get(&mut conn, rid(&round)) {
        Err(RoundError::Db(e)) => assert_malformed_round(&e, "quarter", "2026Q9"),
        other => panic!("expected a malformed-value error, got {other:?}"),
    }

    diesel::sql_query(format!(
        "UPDATE rounds SET quarter = '2026Q4', status = 'half-open' WHERE id = '{round}'"
    ))
    .execute(&mut *conn)
    .unwrap();
    assert_malformed_round(&stored::list(&mut conn).unwrap_err(), "status", "half-open");
    // A round of unknown status is never reminded or sealed as if it were open.
    assert!(matches!(
        rounds::remind(
            &mut conn,
            rid(&round),
            ctopulse::clock::now(),
            "test",
            crate::helpers::REMIND
        ),
        Err(RoundError::Db(DbError::Malformed { .. }))
    ));
    assert!(matches!(
        rounds::close_due(
            &mut conn,
            ctopulse::clock::now() + time::Duration::days(30),
            Default::default(),
        ),
        Ok(ids) if ids.is_empty()
    ));
}
