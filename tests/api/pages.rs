//! The CTO dashboard and the board page, as their users see them.

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::{add_user, get_with, post_form_with, sign_in};
use ctopulse::auth::Role;

/// A closed internal-CSAT round where sales (6) answered: enough for k = 5.
pub(crate) async fn closed_round(app: &TestApp) -> String {
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    app.send_all().await;
    for i in 1..=6 {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, &format!("s{i}@acme.test")).await;
        let value = if i <= 4 { "5" } else { "2" };
        let res = app
            .post_form(
                &browser,
                &form,
                &[("csrf_token", &csrf), ("q_overall_satisfaction", value)],
            )
            .await;
        assert_eq!(res.status(), 200);
    }
    app.seal_now(&round);
    round
}

#[tokio::test]
async fn the_cto_dashboard_shows_measures_and_takes_commentary_and_assessments() {
    let app = TestApp::spawn().await;
    closed_round(&app).await;
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    let page = get_with(&app, "/dashboard", &cto.cookie).await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let body = page.text().await.unwrap();
    assert!(body.contains("2026Q3"));
    assert!(body.contains("Internal CSAT"));
    assert!(
        body.contains("67%"),
        "sales CSAT 4 of 6 favourable is shown"
    );
    assert!(
        body.contains("fewer than 5 answers") || body.contains("not enough data"),
        "small groups say why they are missing"
    );
    assert!(!body.contains("<script"), "no script on the page");
    // Items sit under their department's name; the trend and distributions are charts
    // with names for screen readers.
    for dept in ["Sales", "Business development", "Marketing"] {
        assert!(
            body.contains(&format!(
                "<tr class=\"section\"><th scope=\"colgroup\" colspan=\"3\">{dept}</th></tr>"
            )),
            "{dept} heading"
        );
    }
    // One heading per department (engineering and the CEO's office too).
    assert_eq!(body.matches("<tr class=\"section\">").count(), 5);
    assert!(
        body.contains("aria-label=\"Weighted internal CSAT, last eight quarters"),
        "trend chart"
    );
    assert!(
        body.contains("aria-label=\"distribution: 1: 0, 2: 2, 3: 0, 4: 0, 5: 4\""),
        "distribution"
    );
    assert!(
        !body.contains("the roster changed"),
        "a new install's first roster import before its first launch is no warning"
    );

    let res = cto
        .post(
            &app,
            "/dashboard/commentary",
            &[
                ("quarter", "2026Q3"),
                ("body", "Sales support recovered after the Q2 hiring push."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let body = cto.page(&app, "/dashboard?quarter=2026Q3").await;
    assert!(body.contains("Sales support recovered"));

    let too_long = "x".repeat(601);
    let res = cto
        .post(
            &app,
            "/dashboard/commentary",
            &[("quarter", "2026Q3"), ("body", &too_long)],
        )
        .await;
    assert_eq!(res.status(), 400);

    let res = cto
        .post(
            &app,
            "/dashboard/inflections",
            &[
                ("title", "Agentic AI"),
                ("quarter", "2026Q3"),
                ("description", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let id: String = {
        use diesel::prelude::*;
        ctopulse::db::schema::inflection_points::table
            .select(ctopulse::db::schema::inflection_points::id)
            .first(&mut *app.conn())
            .unwrap()
    };
    let res = cto
        .post(
            &app,
            &format!("/dashboard/inflections/{id}/assess"),
            &[
                ("quarter", "2026Q3"),
                ("assessment", "missed"),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let body = cto.page(&app, "/dashboard?quarter=2026Q3").await;
    assert!(body.contains("Agentic AI"));
    assert!(
        body.contains("was assessed as missed"),
        "measure A turns red with the reason in words"
    );
    // Without the CSRF token nothing changes.
    let res = post_form_with(
        &app,
        &format!("/dashboard/inflections/{id}/assess"),
        &cto.cookie,
        &[("quarter", "2026Q3"), ("assessment", "ahead")],
    )
    .await;
    assert_eq!(res.status(), 403);
    // A bad assessment word is a clear 400.
    let res = cto
        .post(
            &app,
            &format!("/dashboard/inflections/{id}/assess"),
            &[("quarter", "2026Q3"), ("assessment", "meh")],
        )
        .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn the_board_sees_the_scorecard_and_confirms_or_disputes() {
    let app = TestApp::spawn().await;
    closed_round(&app).await;
    let id = ctopulse::app::inflection::add(
        &mut app.conn(),
        "LLM platforms",
        "2026Q2".parse().unwrap(),
        None,
        "test",
        ctopulse::clock::now(),
    )
    .unwrap();
    ctopulse::app::inflection::assess(
        &mut app.conn(),
        &id,
        "2026Q3".parse().unwrap(),
        ctopulse::domain::scoring::Assessment::Late,
        None,
        "test",
        ctopulse::clock::now(),
    )
    .unwrap();
    add_user(&app, "board@acme.test", Role::Board);
    let board = sign_in(&app, "board@acme.test").await;
    let body = board.page(&app, "/board").await;
    assert!(body.contains("/api/v1/report?quarter=2026Q3"));
    assert!(body.contains("/api/v1/export?quarter=2026Q3&amp;format=csv"));
    assert!(
        !body.contains(">Comments</h3>"),
        "the board reads no comments by default"
    );

    let res = board
        .post(
            &app,
            &format!("/board/inflections/{id}/confirm"),
            &[("quarter", "2026Q3"), ("decision", "dispute"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), 400, "a dispute needs a note");
    let res = board
        .post(
            &app,
            &format!("/board/inflections/{id}/confirm"),
            &[("quarter", "2026Q3"), ("decision", "confirm"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let body = board.page(&app, "/board?quarter=2026Q3").await;
    assert!(body.contains("confirmed"));
    // The board cannot reach the CTO's forms.
    let res = board
        .post(
            &app,
            "/dashboard/commentary",
            &[("quarter", "2026Q3"), ("body", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn the_admin_checks_a_roster_before_writing_and_runs_a_round() {
    let app = TestApp::spawn().await;
    add_user(&app, "hr@acme.test", Role::Admin);
    let admin = sign_in(&app, "hr@acme.test").await;
    let bad = format!("{ROSTER}broken-email,X,sales,en,false,false,true\n");
    let res = admin
        .post(
            &app,
            "/admin/roster",
            &[("csv", &bad), ("action", "import")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Nothing was written") && body.contains("line 17"),
        "the bad row is reported with its line"
    );
    assert_eq!(
        app.count("employees"),
        0,
        "nothing is written while any row is bad"
    );

    let res = admin
        .post(
            &app,
            "/admin/roster",
            &[("csv", ROSTER), ("action", "import")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("employees"), 15);

    let res = admin.draft_csat_round(&app, "ceo+bd").await;
    assert_eq!(res.status(), 303);
    let round: String = {
        use diesel::prelude::*;
        ctopulse::db::schema::rounds::table
            .select(ctopulse::db::schema::rounds::id)
            .first(&mut *app.conn())
            .unwrap()
    };
    for action in ["launch", "remind", "close"] {
        let res = admin
            .post(&app, &format!("/admin/rounds/{round}/{action}"), &[])
            .await;
        assert_eq!(res.status(), 303, "{action}");
    }
    let body = admin.page(&app, &format!("/admin/rounds/{round}")).await;
    assert!(
        body.contains("sealed") && body.contains("Business development + CEO&#39;s office"),
        "status page with the merged group, named as people name it: {body}"
    );
    // A second launch is refused with a clear 409.
    let res = admin
        .post(&app, &format!("/admin/rounds/{round}/launch"), &[])
        .await;
    assert_eq!(res.status(), 409);
}

#[tokio::test]
async fn a_roster_padded_after_a_launch_is_flagged_at_the_next_launch() {
    let app = TestApp::spawn().await;
    closed_round(&app).await;
    // Two people added after the first launch, just before the next one.
    app.import_roster(&format!(
        "{ROSTER}pad1@acme.test,Pad One,sales,en,false,false,true\npad2@acme.test,Pad Two,sales,en,false,false,true\n"
    ));
    app.launch("internal-csat", "2026Q4");
    let q4 =
        ctopulse::app::rounds::roster_changes_at_launch(&mut app.conn(), "2026Q4".parse().unwrap())
            .unwrap();
    assert_eq!(q4.len(), 1, "{q4:?}");
    assert!(q4[0].2 >= 2, "{q4:?}");
    let q3 =
        ctopulse::app::rounds::roster_changes_at_launch(&mut app.conn(), "2026Q3".parse().unwrap())
            .unwrap();
    assert!(
        q3.is_empty(),
        "the first launch after the first import: {q3:?}"
    );
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    // The Q4 round is open, so the dashboard shows Q3; its launch was not padded.
    let body = get_with(&app, "/dashboard?quarter=2026Q3", &cto.cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!body.contains("the roster changed"));
}
