//! Stored values are typed: a malformed value in a typed column is an error naming its table,
//! column and value — never a row silently skipped or an account silently locked out.

use ctopulse::auth::Role;
use ctopulse::db::{users, DbError};
use ctopulse::domain::email::Email;
use diesel::RunQueryDsl;

use crate::helpers::TestApp;

#[tokio::test]
async fn a_stored_role_round_trips_as_its_type() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn();
    let email = Email::parse("typed@example.com").unwrap();
    ctopulse::app::accounts::create_user(
        &mut conn,
        &email,
        Role::Board,
        "x",
        "test",
        ctopulse::clock::now(),
    )
    .unwrap();
    let u = users::find_by_email(&mut conn, "typed@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(u.role, Role::Board);
}

#[tokio::test]
async fn a_malformed_stored_role_is_an_error_naming_table_column_and_value() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn();
    let email = Email::parse("typed@example.com").unwrap();
    ctopulse::app::accounts::create_user(
        &mut conn,
        &email,
        Role::Board,
        "x",
        "test",
        ctopulse::clock::now(),
    )
    .unwrap();
    diesel::sql_query("UPDATE users SET role = 'overlord' WHERE email = 'typed@example.com'")
        .execute(&mut *conn)
        .unwrap();
    let err = users::find_by_email(&mut conn, "typed@example.com").unwrap_err();
    match &err {
        DbError::Malformed {
            table,
            column,
            value,
            ..
        } => {
            assert_eq!(
                (*table, column.as_str(), value.as_str()),
                ("users", "role", "overlord")
            );
        }
        other => panic!("expected a malformed-value error, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("users.role") && message.contains("overlord"),
        "{message}"
    );
    // Listing does not skip the row either.
    assert!(matches!(
        users::list(&mut conn),
        Err(DbError::Malformed { .. })
    ));
}
