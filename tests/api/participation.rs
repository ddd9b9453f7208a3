//! Participation of open rounds as each role sees it: admins exact and live; the CTO and the
//! board as of the start of the hour, without groups of fewer than k invitations.

use ctopulse::auth::Role;
use ctopulse::db::schema::{employees, invitations};
use ctopulse::domain::participation::hour_start;
use diesel::prelude::*;
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::{Duration, PrimitiveDateTime};

use crate::helpers::TestApp;
use crate::staff_support::{add_token, add_user, get_with, sign_in};

/// Six in sales, six in engineering and the CEO alone in her office: internal CSAT has the
/// groups ceo (1 invitation), engineering (6) and sales (6).
/// The shared roster with one member in the CEO's office (a one-person group) and no board.
pub fn roster_with_one_ceo() -> String {
    crate::helpers::ROSTER
        .lines()
        .filter(|l| !l.starts_with("c2@") && !l.starts_with("b1@"))
        .map(|l| format!("{l}\n"))
        .collect()
}

pub async fn progress(app: &TestApp, token: &str) -> Value {
    let res = app
        .client
        .get(format!("{}/api/v1/progress", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The row of `group` in the first open round.
pub fn group<'a>(body: &'a Value, group: &str) -> &'a Value {
    body[0]["progress"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == group)
        .unwrap_or_else(|| panic!("no group {group} in {body}"))
}

/// Marks `email`'s invitation answered, as a submission does (the counts read only the flag).
pub fn answered(app: &TestApp, email: &str) {
    let mut conn = app.conn();
    let employee: String = employees::table
        .filter(employees::email.eq(email))
        .select(employees::id)
        .first(&mut *conn)
        .unwrap();
    let n = diesel::update(invitations::table.filter(invitations::employee_id.eq(employee)))
        .set(invitations::responded.eq(true))
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(n, 1);
}

pub fn take_hourly(app: &TestApp, now: PrimitiveDateTime) -> bool {
    app.state
        .hourly_counts
        .take_if_due(&mut app.conn(), now)
        .unwrap()
}

fn rfc3339(t: PrimitiveDateTime) -> String {
    t.assume_utc().format(&Rfc3339).unwrap()
}

#[tokio::test]
async fn the_cto_and_the_board_never_see_a_one_person_group_or_a_change_within_the_hour() {
    let app = TestApp::spawn().await;
    let (_, admin) = add_token(&app, "admin-bot", Role::Admin);
    let (_, cto) = add_token(&app, "cto-bot", Role::Cto);
    let (_, board) = add_token(&app, "board-bot", Role::Board);
    app.import_roster(&roster_with_one_ceo());
    app.launch("internal-csat", "2026Q4");

    // Before the server has taken an hourly count, readers get invitations only.
    let before = progress(&app, &cto).await;
    assert_eq!(before[0]["progress"]["as_of"], Value::Null);
    assert_eq!(before[0]["progress"]["overall"]["invited"], 13);
    assert_eq!(before[0]["progress"]["overall"]["answered"], Value::Null);
    assert!(before[0]["progress"]["overall"]["withheld"]
        .as_str()
        .unwrap()
        .contains("start of each hour"));

    let t0 = ctopulse::clock::now();
    assert!(take_hourly(&app, t0));
    assert!(!take_hourly(&app, t0), "once an hour");
    let cto_at_t0 = progress(&app, &cto).await;
    let board_at_t0 = progress(&app, &board).await;
    assert_eq!(cto_at_t0, board_at_t0);
    let p = &cto_at_t0[0]["progress"];
    assert_eq!(p["as_of"], rfc3339(hour_start(t0)));
    // ceo: 1 invitation < k = 5, withheld. Overall 13 − sales 6 − engineering 6 would give
    // it back, so engineering (the smaller of two sixes by key order) is withheld too.
    let ceo = group(&cto_at_t0, "ceo");
    assert_eq!(ceo["invited"], 1);
    assert_eq!(ceo["answered"], Value::Null);
    assert_eq!(ceo["response_rate"], Value::Null);
    assert!(ceo["withheld"].as_str().unwrap().contains("fewer than 5"));
    let eng = group(&cto_at_t0, "engineering");
    assert_eq!(eng["answered"], Value::Null);
    assert!(eng["withheld"].as_str().unwrap().contains("subtraction"));
    let sales = group(&cto_at_t0, "sales");
    assert_eq!(sales["answered"], 0);
    assert_eq!(sales["withheld"], Value::Null);
    assert_eq!(p["overall"]["answered"], 0);

    // The CEO and one salesperson answer within the hour.
    answered(&app, "c1@acme.test");
    answered(&app, "s1@acme.test");
    assert_eq!(
        progress(&app, &cto).await,
        cto_at_t0,
        "nothing moves within the hour"
    );
    assert_eq!(progress(&app, &board).await, board_at_t0);

    // The admin sees exact, live counts, the one-person group included.
    let live = progress(&app, &admin).await;
    assert_eq!(group(&live, "ceo")["answered"], 1);
    assert_eq!(group(&live, "ceo")["withheld"], Value::Null);
    assert_eq!(group(&live, "sales")["answered"], 1);
    assert_eq!(live[0]["progress"]["overall"]["answered"], 2);

    // The next hour's count shows the change, and still not the CEO's own.
    assert!(take_hourly(&app, t0 + Duration::hours(1)));
    let next = progress(&app, &cto).await;
    assert_eq!(
        next[0]["progress"]["as_of"],
        rfc3339(hour_start(t0 + Duration::hours(1)))
    );
    assert_eq!(group(&next, "sales")["answered"], 1);
    assert_eq!(group(&next, "ceo")["answered"], Value::Null);
    assert_eq!(next[0]["progress"]["overall"]["answered"], 2);
}

#[tokio::test]
async fn the_dashboard_shows_the_hourly_counts_and_says_why_a_group_is_withheld() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@example.com", Role::Cto);
    app.import_roster(&roster_with_one_ceo());
    app.launch("internal-csat", "2026Q4");
    let t0 = ctopulse::clock::now();
    take_hourly(&app, t0);
    answered(&app, "c1@acme.test");
    let s = sign_in(&app, "cto@example.com").await;
    let body = get_with(&app, "/dashboard", &s.cookie)
        .await
        .text()
        .await
        .unwrap();
    let hour = hour_start(t0);
    assert!(
        body.contains(&format!(
            "0 of 0 answered (—) as of {:02}:00 UTC",
            hour.hour()
        )),
        "{body}"
    );
    assert!(
        body.contains(
            "CEO&#39;s office: 1 invited; withheld: this group has fewer than 5 invitations"
        ),
        "{body}"
    );
    assert!(body.contains("Sales: 0 of 0 answered"), "{body}");
}
