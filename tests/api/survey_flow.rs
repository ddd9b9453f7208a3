//! A survey round end to end, as respondents and the admin live it, on whichever backend
//! TEST_DATABASE_URL selects: roster → launch → invite → link → answer → thanks → reuse
//! refused → remind only the others → close → seal.

use crate::helpers::rid;
use crate::helpers::{TestApp, ROSTER};
use ctopulse::app::rounds;
use ctopulse::db::seal;
use diesel::prelude::*;

const SALES_ANSWERS: &[(&str, &str)] = &[
    ("q_overall_satisfaction", "4"),
    ("q_sales_customer_meetings", "na"),
    ("q_sales_roadmap_confidence", "5"),
    ("q_sales_says_i_dont_know", "3"),
    ("q_sales_deal_questions", "4"),
    ("q_sales_customer_feedback", "2"),
    ("q_comment", "Keep joining the big deals."),
];

/// One answer to the CSAT's overall question.
fn overall(value: i32) -> Vec<ctopulse::domain::survey_form::AnswerValue> {
    vec![ctopulse::domain::survey_form::AnswerValue {
        question_key: "q_overall_satisfaction".into(),
        value: Some(value),
        not_applicable: false,
        text: None,
    }]
}

fn with_csrf<'a>(csrf: &'a str, fields: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![("csrf_token", csrf)];
    v.extend_from_slice(fields);
    v
}

#[tokio::test]
async fn a_round_runs_from_roster_to_seal() {
    let app = TestApp::spawn().await;
    let report = app.import_roster(ROSTER);
    assert_eq!(report.added, 15);
    let round = app.launch("internal-csat", "2026Q4");

    // Everybody of the five departments is invited; the board is not in this audience.
    let stats = app.send_all().await;
    assert_eq!(stats.sent, 14);
    assert_eq!(app.mailbox.sent().len(), 14);
    assert!(app.mailbox.sent_to("b1@acme.test").is_empty());
    let invite = &app.mailbox.sent_to("s2@acme.test")[0];
    assert!(
        invite.subject.contains("4e kwartaal 2026"),
        "{}",
        invite.subject
    );
    assert!(
        invite.text.contains("anoniem"),
        "Dutch for a Dutch employee"
    );

    // Answer as s1.
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "s1@acme.test").await;
    let res = app
        .post_form(&browser, &form, &with_csrf(&csrf, SALES_ANSWERS))
        .await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Thank you"));
    assert_eq!(app.count("responses"), 1);
    assert_eq!(app.count("answers"), 7);

    // Reusing the link, or posting again, never makes a second response.
    let res = browser
        .get(format!("{}{}", app.address, app.link_path("s1@acme.test")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    let again = app.browser();
    let res = again
        .get(format!("{}{}", app.address, app.link_path("s1@acme.test")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        409,
        "a reused link on another device is refused too"
    );
    assert_eq!(app.count("responses"), 1);

    // Reminders go only to the others.
    let rounds::RemindReport {
        reminders,
        reinvites,
        ..
    } = rounds::remind(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "test",
        crate::helpers::REMIND,
    )
    .unwrap();
    assert_eq!((reminders, reinvites), (13, 0));
    app.send_all().await;
    assert_eq!(
        app.mailbox.sent_to("s1@acme.test").len(),
        1,
        "no reminder for someone who answered"
    );
    assert_eq!(app.mailbox.sent_to("s2@acme.test").len(), 2);
    // The reminder carries a new link; the first one still works too.
    let browser2 = app.browser();
    let (form2, csrf2) = app.open_survey(&browser2, "s2@acme.test").await;
    let res = app.post_overall(&browser2, &form2, &csrf2, "5").await;
    assert_eq!(res.status(), 200);

    let progress = rounds::progress(&mut app.conn(), rid(&round)).unwrap();
    assert_eq!(progress.overall.answered, 2);
    assert_eq!(progress.overall.delivered, 14);
    let sales = progress.groups.iter().find(|g| g.group == "sales").unwrap();
    assert_eq!((sales.answered, sales.delivered), (2, 6));

    // Close and seal.
    let before: Vec<String> = ctopulse::db::schema::responses::table
        .select(ctopulse::db::schema::responses::id)
        .load(&mut *app.conn())
        .unwrap();
    let sealed = app.seal_now(&round);
    assert_eq!(sealed.responses, 2);
    assert_eq!(
        app.count("invitation_links"),
        0,
        "links are deleted at seal"
    );
    let after: Vec<String> = ctopulse::db::schema::responses::table
        .select(ctopulse::db::schema::responses::id)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(after.len(), 2);
    assert!(
        after.iter().all(|id| !before.contains(id)),
        "every response has a fresh id"
    );
    assert_eq!(
        app.count("answers"),
        8,
        "answers moved with their responses"
    );
    let r = rounds::get(&mut app.conn(), rid(&round)).unwrap();
    assert_eq!(r.status.key(), "sealed");

    // Tallies equal what was answered.
    use ctopulse::db::schema::tallies::dsl as t;
    let overall: Vec<(i32, i64)> = t::tallies
        .filter(t::round_id.eq(&round))
        .filter(t::question_key.eq("overall_satisfaction"))
        .select((t::value, t::count))
        .order(t::value)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(overall, vec![(4, 1), (5, 1)]);
    let na: i64 = t::tallies
        .filter(t::round_id.eq(&round))
        .filter(t::not_applicable.eq(true))
        .select(t::count)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(na, 1);
    use ctopulse::db::schema::group_tallies::dsl as g;
    let groups: Vec<(String, i64, i64)> = g::group_tallies
        .filter(g::round_id.eq(&round))
        .select((g::reporting_group, g::delivered, g::responses))
        .order(g::reporting_group)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(
        groups,
        vec![
            ("ceo".into(), 2, 0),
            ("engineering".into(), 6, 0),
            ("sales".into(), 6, 2)
        ]
    );

    // After the seal, a link opens the "closed" page and nothing more can be written.
    let res = app.get(&app.link_path("s3@acme.test")).await;
    assert_eq!(res.status(), 404, "links are gone after seal");
    let res = app.post_overall(&browser2, &form2, &csrf2, "1").await;
    assert!(res.status().is_client_error());
    assert_eq!(app.count("responses"), 2);
    // Unsent reminders of a sealed round are never sent.
    assert!(
        ctopulse::app::rounds::close_and_seal(
            &mut app.conn(),
            rid(&round),
            ctopulse::clock::now(),
            "test"
        )
        .is_err(),
        "a round is sealed once"
    );
}

#[tokio::test]
async fn responses_hold_nothing_that_points_to_a_person() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "e3@acme.test").await;
    assert_eq!(
        app.post_overall(&browser, &form, &csrf, "3").await.status(),
        200
    );

    // The responses table has exactly: id, round_id, reporting_group.
    #[derive(QueryableByName)]
    struct Col {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let sql = match app.conn().backend() {
        ctopulse::db::Backend::Sqlite => "SELECT name FROM pragma_table_info('responses') ORDER BY name",
        ctopulse::db::Backend::Postgres => {
            "SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = 'responses' ORDER BY column_name"
        }
    };
    let cols: Vec<String> = diesel::sql_query(sql)
        .load::<Col>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(cols, vec!["id", "reporting_group", "round_id"]);
    // The id is a random v4 UUID, not derived from the invitation.
    let id: String = ctopulse::db::schema::responses::table
        .select(ctopulse::db::schema::responses::id)
        .first(&mut *app.conn())
        .unwrap();
    let parsed = uuid::Uuid::parse_str(&id).unwrap();
    assert_eq!(parsed.get_version_num(), 4);
    let invitation_ids: Vec<String> = ctopulse::db::schema::invitations::table
        .select(ctopulse::db::schema::invitations::id)
        .load(&mut *app.conn())
        .unwrap();
    assert!(!invitation_ids.contains(&id));
    // No answer carries anything but the response id, the question and the value.
    let with_text: i64 = ctopulse::db::schema::answers::table
        .filter(ctopulse::db::schema::answers::text.is_not_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(with_text, 0);
}

#[tokio::test]
async fn bad_forms_get_clear_4xx_and_write_nothing() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    let other = app.launch("engineering-culture", "2026Q4");
    app.send_all().await;
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "s4@acme.test").await;

    // Out-of-range values re-show the form (422) with the answer kept and the item marked.
    for bad in ["0", "6", "2.5", "three", "-1", ""] {
        let res = app
            .post_form(
                &browser,
                &form,
                &with_csrf(
                    &csrf,
                    &[("q_overall_satisfaction", bad), ("q_comment", "kept text")],
                ),
            )
            .await;
        assert_eq!(res.status(), 422, "value {bad:?}");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("class=\"problem\""),
            "{bad:?}: the item is marked"
        );
        assert!(body.contains("kept text"), "{bad:?}: answers are kept");
    }
    // Forged or repeated fields, another department's or another round's question.
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "repeated",
            vec![
                ("q_overall_satisfaction", "4"),
                ("q_overall_satisfaction", "5"),
            ],
        ),
        (
            "forged key",
            vec![("q_overall_satisfaction", "4"), ("q_is_admin", "1")],
        ),
        (
            "other department",
            vec![("q_overall_satisfaction", "4"), ("q_bd_due_diligence", "4")],
        ),
        (
            "other round",
            vec![("q_overall_satisfaction", "4"), ("q_focus", "4")],
        ),
    ];
    for (name, fields) in cases {
        let res = app
            .post_form(&browser, &form, &with_csrf(&csrf, &fields))
            .await;
        assert_eq!(res.status(), 400, "{name}");
    }
    // Missing or wrong CSRF token.
    let res = app
        .post_form(&browser, &form, &[("q_overall_satisfaction", "4")])
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .post_form(
            &browser,
            &form,
            &[
                ("csrf_token", &"0".repeat(64)),
                ("q_overall_satisfaction", "4"),
            ],
        )
        .await;
    assert_eq!(res.status(), 403);
    // Not a form, and an oversized body.
    let res = browser
        .post(format!("{}{form}", app.address))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let huge = format!("csrf_token={csrf}&q_comment={}", "a".repeat(200_000));
    let res = browser
        .post(format!("{}{form}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    // Invalid UTF-8 and broken percent-encoding.
    let res = browser
        .post(format!("{}{form}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"csrf_token=x&q_comment=%ff%fe%\xff".to_vec())
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    // A cookie for another round, a tampered cookie, or none.
    let res = app
        .post_overall(&browser, &format!("/survey/{other}"), &csrf, "4")
        .await;
    assert_eq!(res.status(), 403, "no cookie for the other round");
    let tampered = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = tampered
        .post(format!("{}{form}", app.address))
        .header("cookie", format!("s-{round}={}", "a".repeat(64)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf_token={csrf}&q_overall_satisfaction=4"))
        .send()
        .await
        .unwrap();
    assert!(
        res.status() == 403 || res.status() == 404,
        "{}",
        res.status()
    );
    let res = app
        .client
        .get(format!("{}{form}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    assert_eq!(app.count("responses"), 0, "nothing was written");
    assert_eq!(app.count("answers"), 0);
    // And the real answer still goes through afterwards.
    let res = app.post_overall(&browser, &form, &csrf, "4").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn unknown_links_are_refused_and_rate_limited() {
    let app = TestApp::spawn().await;
    for i in 0..10 {
        let res = app.get(&format!("/s/{:064x}", i)).await;
        assert_eq!(res.status(), 404);
        assert!(res.text().await.unwrap().contains("does not work"));
    }
    let res = app.get("/s/not-even-a-token").await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

/// A blocked client is refused a real link too (on PostgreSQL the throttle is read in the
/// link's own lookup), so guessing cannot tell a real link from a wrong one.
#[tokio::test]
async fn a_blocked_client_is_refused_a_real_link_too() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    let real = app.link_path("s5@acme.test");
    // Not blocked yet: the real link opens the form.
    let res = app.get(&real).await;
    assert_eq!(res.status(), 303);
    for i in 0..10 {
        assert_eq!(app.get(&format!("/s/{:064x}", i)).await.status(), 404);
    }
    let res = app.get(&real).await;
    assert_eq!(res.status(), 429);
    let wait: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(
        res.headers().get("set-cookie").is_none(),
        "no cookie for a blocked client"
    );
}

#[tokio::test]
async fn two_submissions_at_once_store_one_response() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    app.launch("internal-csat", "2026Q4");
    app.send_all().await;
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "s5@acme.test").await;
    let fields = with_csrf(&csrf, &[("q_overall_satisfaction", "4")]);
    let (a, b, c) = tokio::join!(
        app.post_form(&browser, &form, &fields),
        app.post_form(&browser, &form, &fields),
        app.post_form(&browser, &form, &fields)
    );
    let mut codes = vec![
        a.status().as_u16(),
        b.status().as_u16(),
        c.status().as_u16(),
    ];
    codes.sort();
    assert_eq!(codes, vec![200, 409, 409]);
    assert_eq!(app.count("responses"), 1);
}

#[tokio::test]
async fn mail_failures_are_retried_or_reported_and_nothing_is_lost() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("engineering-culture", "2026Q4");
    app.mailbox.reject_permanently("e1@acme.test");
    app.mailbox.reject_temporarily("e2@acme.test");
    let stats = app.send_all().await;
    assert_eq!((stats.sent, stats.failed, stats.retried), (4, 1, 1));
    let p = rounds::progress(&mut app.conn(), rid(&round)).unwrap();
    assert_eq!(p.overall.undeliverable, 1);
    assert_eq!(p.undeliverable[0].email, "e1@acme.test");
    assert!(p.undeliverable[0].reason.contains("550"));
    assert_eq!(
        p.emails_pending, 1,
        "the temporary failure waits for its retry"
    );
    // No link exists for a message that never left.
    assert_eq!(app.count("invitation_links"), 4);

    // The address is fixed; `round remind` re-invites it.
    app.mailbox.accept_again("e1@acme.test");
    let rounds::RemindReport {
        reminders,
        reinvites,
        ..
    } = rounds::remind(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "test",
        crate::helpers::REMIND,
    )
    .unwrap();
    assert_eq!(reinvites, 1);
    assert_eq!(
        reminders, 4,
        "everyone else who has not answered, except the one already queued"
    );
    app.send_all().await;
    assert_eq!(app.mailbox.sent_to("e1@acme.test").len(), 1);
    let p = rounds::progress(&mut app.conn(), rid(&round)).unwrap();
    assert_eq!(p.overall.undeliverable, 0);
}

#[tokio::test]
async fn a_round_cannot_be_launched_twice_or_answered_after_close() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("tech-strategy-alignment", "2026Q4");
    let t = app.state.templates.get("tech-strategy-alignment").unwrap();
    let again = rounds::launch_with(
        &mut app.conn(),
        rid(&round),
        t,
        ctopulse::clock::now(),
        "test",
    );
    assert!(matches!(again, Err(rounds::RoundError::WrongStatus { .. })));
    app.send_all().await;
    // Audience: the CEO's office, the board, and executives.
    let mut invited: Vec<String> = app.mailbox.sent().into_iter().map(|m| m.to).collect();
    invited.sort();
    assert_eq!(
        invited,
        vec![
            "b1@acme.test",
            "c1@acme.test",
            "c2@acme.test",
            "e6@acme.test",
            "s6@acme.test"
        ]
    );
    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "c1@acme.test").await;
    app.seal_now(&round);
    let res = app
        .post_form(
            &browser,
            &form,
            &with_csrf(&csrf, &[("q_strategy_supports_business", "4")]),
        )
        .await;
    assert!(
        res.status() == 410 || res.status() == 404,
        "{}",
        res.status()
    );
    assert_eq!(app.count("responses"), 0);
    // A second round of the same template and quarter is refused.
    let dup = rounds::create(
        &mut app.conn(),
        &rounds::NewRound {
            template: t,
            quarter: "2026Q4".parse().unwrap(),
            closes_on: ctopulse::clock::now().date() + time::Duration::days(3),
            k: 5,
            comment_threshold: 10,
            merges: vec![],
            timezone: "UTC",
        },
        ctopulse::clock::now(),
        "test",
    );
    assert!(matches!(dup, Err(rounds::RoundError::Exists { .. })));
}

#[tokio::test]
async fn a_round_closes_by_itself_at_the_end_of_its_close_date() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    let r = rounds::get(&mut app.conn(), rid(&round)).unwrap();
    let just_before = r.closes_at - time::Duration::seconds(1);
    assert!(
        ctopulse::startup::close_due_rounds(&app.pool, just_before, Default::default())
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ctopulse::startup::close_due_rounds(&app.pool, r.closes_at, Default::default()).unwrap(),
        vec![rid(&round)]
    );
    assert_eq!(
        rounds::get(&mut app.conn(), rid(&round))
            .unwrap()
            .status
            .key(),
        "sealed"
    );
    assert_eq!(app.count("invitation_links"), 0);
}

/// Closing from the admin page answers at once and scrubs in the background; once the scrub
/// is done, no pre-seal response id is left anywhere the database keeps bytes (SQLite: the
/// file and its WAL) or row versions (PostgreSQL: the scrub has rewritten the survey tables).
#[tokio::test]
async fn closing_from_the_admin_page_leaves_no_old_response_id_in_storage() {
    use crate::staff_support::{add_user, sign_in};
    let (app, round) = TestApp::csat_round_sent().await;
    for who in ["s1@acme.test", "s2@acme.test", "s3@acme.test"] {
        let browser = app.browser();
        let (form, csrf) = app.open_survey(&browser, who).await;
        let res = app
            .post_form(&browser, &form, &with_csrf(&csrf, SALES_ANSWERS))
            .await;
        assert_eq!(res.status(), 200, "{who} answered");
    }
    let old_ids: Vec<String> = ctopulse::db::schema::responses::table
        .select(ctopulse::db::schema::responses::id)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(old_ids.len(), 3);

    add_user(&app, "hr@acme.test", ctopulse::auth::Role::Admin);
    let admin = sign_in(&app, "hr@acme.test").await;
    let res = admin
        .post(&app, &format!("/admin/rounds/{round}/close"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let now_ids: Vec<String> = ctopulse::db::schema::responses::table
        .select(ctopulse::db::schema::responses::id)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(now_ids.len(), 3, "every response kept");
    assert!(now_ids.iter().all(|id| !old_ids.contains(id)), "new ids");

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let leftovers = match app.db.backend() {
            ctopulse::db::Backend::Sqlite => {
                let file = app.db.url().trim_start_matches("sqlite://").to_string();
                let mut bytes = std::fs::read(&file).unwrap();
                bytes.extend(std::fs::read(format!("{file}-wal")).unwrap_or_default());
                old_ids
                    .iter()
                    .filter(|id| bytes.windows(id.len()).any(|w| w == id.as_bytes()))
                    .count()
            }
            ctopulse::db::Backend::Postgres => {
                // The byte-level check is `storage_forensics`; here: the scrub has run.
                #[derive(QueryableByName)]
                struct Pending {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    n: i64,
                }
                diesel::sql_query("SELECT count(*) AS n FROM rounds WHERE scrub_pending")
                    .get_result::<Pending>(&mut *app.conn())
                    .unwrap()
                    .n as usize
            }
        };
        if leftovers == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{leftovers} old response id(s) / unscrubbed round(s) left 20 s after the seal"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A submission still being stored when the admin closes the round: the seal either waits
/// for it and includes it, or the submission is refused — never stored outside the sealed
/// results (PostgreSQL runs the two side by side; SQLite writers take turns). On PostgreSQL
/// a trigger holds the response's store statement 0.7 s (after it has locked the link; the
/// flag flip before it has committed) while the seal starts: the seal waits and includes it.
#[tokio::test]
async fn a_submission_in_flight_during_the_seal_is_sealed_with_the_round_or_refused() {
    submission_during_the_seal(
        "CREATE TRIGGER slow_store BEFORE INSERT ON responses FOR EACH ROW \
         EXECUTE FUNCTION slow_down();",
        Some(true),
    )
    .await;
}

/// PostgreSQL writes the flag flip and the response in two transactions (so they share no
/// transaction id). A seal that starts while the flip holds the link waits for it; when the
/// flip commits, either the store takes the link first (stored, and the seal includes it) or
/// the seal does (the store finds the link gone: nothing stored, the person is told the
/// survey closed). Never a response outside the sealed results.
#[tokio::test]
async fn a_seal_between_the_flip_and_the_store_includes_or_refuses_it_whole() {
    submission_during_the_seal(
        "CREATE TRIGGER slow_flip BEFORE UPDATE ON invitations FOR EACH ROW \
         WHEN (NEW.responded AND NOT OLD.responded) EXECUTE FUNCTION slow_down();",
        None,
    )
    .await;
}

/// Submits while a seal starts; on PostgreSQL `trigger` (on a function `slow_down` that
/// sleeps 0.7 s) decides where the submission is held, and `stored_on_pg` what must happen
/// (`None`: either, but whole).
async fn submission_during_the_seal(trigger: &str, stored_on_pg: Option<bool>) {
    use ctopulse::db::survey::{submit_checked, Checked, Submitted};
    let (app, round) = TestApp::csat_round_sent().await;
    let pg = app.db.backend() == ctopulse::db::Backend::Postgres;
    if pg {
        diesel::connection::SimpleConnection::batch_execute(
            &mut *app.conn(),
            &format!(
                "CREATE FUNCTION slow_down() RETURNS trigger AS $$ \
                 BEGIN PERFORM pg_sleep(0.7); RETURN NEW; END $$ LANGUAGE plpgsql; {trigger}"
            ),
        )
        .unwrap();
    }
    let token = app.link_path("s1@acme.test")[3..].to_string();
    let hash = ctopulse::tokens::hash(&token);
    let (inside_tx, inside_rx) = std::sync::mpsc::channel();

    let (pool, r) = (app.pool.clone(), round.clone());
    let submission = std::thread::spawn(move || {
        let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
        submit_checked(
            &mut conn,
            rid(&r),
            &hash,
            ctopulse::clock::now(),
            None,
            |_| {
                // Link looked up, answers being checked, nothing stored yet: let the seal
                // start now (the store then finds the round sealed).
                inside_tx.send(()).unwrap();
                if !pg {
                    std::thread::sleep(std::time::Duration::from_millis(700));
                }
                Ok::<_, std::convert::Infallible>(overall(4))
            },
        )
        .unwrap()
    });
    let (pool, r) = (app.pool.clone(), round.clone());
    let sealing = std::thread::spawn(move || {
        inside_rx.recv().unwrap();
        // On PostgreSQL, start once the store statement holds the link (it sleeps 0.7 s).
        std::thread::sleep(std::time::Duration::from_millis(if pg { 250 } else { 0 }));
        let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
        ctopulse::app::rounds::close_and_seal(&mut conn, rid(&r), ctopulse::clock::now(), "test")
            .unwrap()
    });
    let outcome = submission.join().unwrap();
    let stored = matches!(outcome, Checked::Stored(_));
    let report = sealing.join().unwrap();

    let in_table: i64 = ctopulse::db::schema::responses::table
        .filter(ctopulse::db::schema::responses::round_id.eq(&round))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    let tallied: Vec<i64> = ctopulse::db::schema::group_tallies::table
        .filter(ctopulse::db::schema::group_tallies::round_id.eq(&round))
        .select(ctopulse::db::schema::group_tallies::responses)
        .load(&mut *app.conn())
        .unwrap();
    let expected = i64::from(stored);
    if pg {
        if let Some(expected) = stored_on_pg {
            assert_eq!(stored, expected, "{outcome:?}");
        }
        if !stored {
            assert!(
                matches!(outcome, Checked::Not(Submitted::Closed, _)),
                "{outcome:?}"
            );
        }
    }
    assert_eq!(in_table, expected, "stored = {stored}");
    assert_eq!(report.responses as i64, expected, "the seal saw it");
    assert_eq!(tallied.iter().sum::<i64>(), expected, "and tallied it");
}

/// PostgreSQL: a store that fails after the flag flipped (here a trigger refuses the answers)
/// stores nothing, clears the flag again and reports the error; the person can answer again.
#[tokio::test]
async fn a_store_that_fails_after_the_flip_clears_the_flag_again() {
    use ctopulse::db::survey::{submit, Submitted};
    let (app, round) = TestApp::csat_round_sent().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return; // SQLite writes flag and response in one transaction
    }
    let refuse = "CREATE FUNCTION refuse() RETURNS trigger AS $$ \
         BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER refuse BEFORE INSERT ON answers FOR EACH ROW EXECUTE FUNCTION refuse();";
    diesel::connection::SimpleConnection::batch_execute(&mut *app.conn(), refuse).unwrap();
    let hash = ctopulse::tokens::hash(&app.link_path("s1@acme.test")[3..]);
    let failed = submit(
        &mut app.conn(),
        rid(&round),
        &hash,
        &overall(4),
        ctopulse::clock::now(),
    );
    let why = format!("{:?}", failed.expect_err("the store fails"));
    assert!(why.contains("refused by the test"), "{why}");
    assert_eq!(app.count("responses"), 0, "nothing stored");
    assert_eq!(app.count("answers"), 0);
    let flagged = ctopulse::db::schema::invitations::table
        .filter(ctopulse::db::schema::invitations::responded.eq(true))
        .count()
        .get_result::<i64>(&mut *app.conn())
        .unwrap();
    assert_eq!(flagged, 0, "the flag is cleared again");

    diesel::connection::SimpleConnection::batch_execute(
        &mut *app.conn(),
        "DROP TRIGGER refuse ON answers",
    )
    .unwrap();
    let again = submit(
        &mut app.conn(),
        rid(&round),
        &hash,
        &overall(4),
        ctopulse::clock::now(),
    );
    assert_eq!(again.unwrap(), Submitted::Stored);
    assert_eq!(app.count("responses"), 1);
}

/// The other order on PostgreSQL: the seal has locked (is deleting) the round's links when a
/// submission's store statement starts. The store waits for the seal and then stores nothing
/// (the link is gone); the respondent is told the link no longer works.
#[tokio::test]
async fn a_submission_arriving_during_the_seal_waits_and_is_refused() {
    use ctopulse::db::survey::{submit, Submitted};
    let (app, round) = TestApp::csat_round_sent().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return; // SQLite writers take turns; the test above covers it
    }
    let token = app.link_path("s1@acme.test")[3..].to_string();
    let hash = ctopulse::tokens::hash(&token);
    // After its DELETE the seal holds every link of the round (deleted, uncommitted) 0.7 s.
    diesel::connection::SimpleConnection::batch_execute(
        &mut *app.conn(),
        "CREATE FUNCTION slow_unlink() RETURNS trigger AS $$ \
         BEGIN PERFORM pg_sleep(0.7); RETURN NULL; END $$ LANGUAGE plpgsql; \
         CREATE TRIGGER slow_unlink AFTER DELETE ON invitation_links FOR EACH STATEMENT \
         EXECUTE FUNCTION slow_unlink();",
    )
    .unwrap();
    let (pool, r) = (app.pool.clone(), round.clone());
    let sealing = std::thread::spawn(move || {
        let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
        ctopulse::app::rounds::close_and_seal(&mut conn, rid(&r), ctopulse::clock::now(), "test")
            .unwrap()
    });
    std::thread::sleep(std::time::Duration::from_millis(250));
    let answers = overall(4);
    // The lookup runs before the seal commits, sees the link, and the store then waits.
    let now = ctopulse::clock::now();
    let outcome = submit(&mut app.conn(), rid(&round), &hash, &answers, now).unwrap();
    let report = sealing.join().unwrap();
    assert_eq!(outcome, Submitted::Unknown, "the link is gone");
    assert_eq!(report.responses, 0);
    assert_eq!(app.count("responses"), 0);
    assert_eq!(app.count("answers"), 0);
}

/// A response with no answers (every question skipped) is stored as a response, and answers
/// of every shape (value, not applicable, text only) arrive as given, on both backends.
#[tokio::test]
async fn submissions_store_answers_exactly_as_given() {
    use ctopulse::db::schema::answers;
    use ctopulse::db::survey::{submit, Submitted};
    use ctopulse::domain::survey_form::AnswerValue;
    let (app, round) = TestApp::csat_round_sent().await;
    let hash = |a: &str| ctopulse::tokens::hash(&app.link_path(a)[3..]);
    let now = ctopulse::clock::now();
    let given = vec![
        AnswerValue {
            question_key: "a".into(),
            value: Some(5),
            not_applicable: false,
            text: None,
        },
        AnswerValue {
            question_key: "b".into(),
            value: None,
            not_applicable: true,
            text: None,
        },
        AnswerValue {
            question_key: "c".into(),
            value: None,
            not_applicable: false,
            text: Some("« fine » — 좋아요, 'quotes' and \"more\"".into()),
        },
    ];
    let (h1, h2, h3) = (
        hash("s1@acme.test"),
        hash("s2@acme.test"),
        hash("s3@acme.test"),
    );
    assert_eq!(
        submit(&mut app.conn(), rid(&round), &h1, &[], now).unwrap(),
        Submitted::Stored
    );
    assert_eq!(
        submit(&mut app.conn(), rid(&round), &h2, &given, now).unwrap(),
        Submitted::Stored
    );
    assert_eq!(
        submit(&mut app.conn(), rid(&round), &h2, &given, now).unwrap(),
        Submitted::AlreadyAnswered
    );
    assert_eq!(
        submit(
            &mut app.conn(),
            ctopulse::domain::ids::RoundId::random(),
            &h3,
            &given,
            now
        )
        .unwrap(),
        Submitted::Unknown
    );
    assert_eq!(app.count("responses"), 2);
    let stored: Vec<(String, Option<i32>, bool, Option<String>)> = answers::table
        .select((
            answers::question_key,
            answers::value,
            answers::not_applicable,
            answers::text,
        ))
        .order(answers::question_key)
        .load(&mut *app.conn())
        .unwrap();
    let expected: Vec<_> = given
        .into_iter()
        .map(|a| (a.question_key, a.value, a.not_applicable, a.text))
        .collect();
    assert_eq!(stored, expected);
}

/// Opens an emailed link without loading the form: the browser holding the round's cookie,
/// and the CSRF token the form would carry.
async fn open_link_only(app: &TestApp, address: &str) -> (reqwest::Client, String) {
    let browser = app.browser();
    app.follow_link(&browser, address).await;
    let token = &app.link_path(address)[3..];
    (browser, ctopulse::tokens::derive("survey-csrf", token))
}

/// A POST reaching a server that has not shown the form yet (restarted in between, or
/// another instance) reads and parses the round's template then, and stores or corrects
/// the answers as usual.
#[tokio::test]
async fn a_post_to_a_server_that_never_showed_the_form_is_stored() {
    let (app, round) = TestApp::csat_round_sent().await;
    let form = format!("/survey/{round}");
    let (browser, csrf) = open_link_only(&app, "s1@acme.test").await;
    let wrong = app.post_overall(&browser, &form, &csrf, "9").await;
    assert_eq!(wrong.status(), 422, "out of range: the form again");
    assert!(wrong
        .text()
        .await
        .unwrap()
        .contains("q_overall_satisfaction"));
    let (browser, csrf) = open_link_only(&app, "s2@acme.test").await;
    let res = app.post_overall(&browser, &form, &csrf, "4").await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.count("responses"), 1);
}

/// The server remembers a link it has just read (`web::survey::recent`), so the form and
/// the POST need not read it again. Nothing remembered may outlive what the database says:
/// the form reloaded after answering says "answered"; answers posted after a seal done
/// elsewhere (the CLI, another instance: this process was not told) store nothing; a second
/// POST after a stored one is refused.
#[tokio::test]
async fn remembered_links_never_outvote_the_database() {
    let (app, round) = TestApp::csat_round_sent().await;

    let browser = app.browser();
    let (form, csrf) = app.open_survey(&browser, "s1@acme.test").await;
    let fields = with_csrf(&csrf, &[("q_overall_satisfaction", "4")]);
    assert_eq!(app.post_form(&browser, &form, &fields).await.status(), 200);
    let reload = browser
        .get(format!("{}{}", app.address, form))
        .send()
        .await
        .unwrap();
    assert_eq!(reload.status(), 403, "the cookie went with the answer");
    let res = browser
        .get(format!("{}{}", app.address, app.link_path("s1@acme.test")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409, "the link again: answered");

    // Two respondents hold the form; the round is sealed behind the server's back.
    let (b2, b3) = (app.browser(), app.browser());
    let (form2, csrf2) = app.open_survey(&b2, "s2@acme.test").await;
    let (form3, csrf3) = app.open_survey(&b3, "s3@acme.test").await;
    let sealed = ctopulse::app::rounds::close_and_seal(
        &mut app.conn(),
        rid(&round),
        ctopulse::clock::now(),
        "cli",
    )
    .unwrap();
    assert_eq!(sealed.responses, 1);
    // One posts a complete form, the other one with a mistake: neither is told to correct.
    let answers = [
        ("q_overall_satisfaction", "2"),
        ("q_overall_satisfaction", "9"),
    ];
    for ((b, form, csrf), answer) in [(&b2, &form2, &csrf2), (&b3, &form3, &csrf3)]
        .into_iter()
        .zip(answers)
    {
        let res = app.post_form(b, form, &with_csrf(csrf, &[answer])).await;
        assert!(
            res.status() == 404 || res.status() == 410,
            "after the seal: {}",
            res.status()
        );
    }
    assert_eq!(app.count("responses"), 1, "only the sealed one");
    assert_eq!(app.count("invitation_links"), 0);
}

/// The scrub rewrites storage only after a seal: at server start with no seal pending it
/// does nothing (a rewrite of the survey tables costs seconds on a large database, and
/// vacuuming an empty `responses` makes PostgreSQL plan the answers' foreign-key probe as a
/// scan of it while a first round fills it). After a seal it runs once, then not again.
#[tokio::test]
async fn the_scrub_runs_once_per_seal_and_not_at_all_without_one() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    let files = |app: &TestApp| -> Vec<String> {
        if app.db.backend() != ctopulse::db::Backend::Postgres {
            return Vec::new();
        }
        #[derive(QueryableByName)]
        struct File {
            #[diesel(sql_type = diesel::sql_types::Text)]
            f: String,
        }
        diesel::sql_query(
            "SELECT pg_relation_filepath(relname::regclass) AS f FROM pg_stat_user_tables \
             WHERE relname IN ('responses', 'answers_default', 'invitation_links', 'invitations') \
             ORDER BY relname",
        )
        .load::<File>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .map(|f| f.f)
        .collect()
    };
    let before = files(&app);
    assert_eq!(seal::scrub(&mut app.conn()).unwrap(), 0, "nothing pending");
    assert_eq!(files(&app), before, "no table rewritten");
    app.seal_now(&round);
    assert_eq!(seal::scrub(&mut app.conn()).unwrap(), 1, "the sealed round");
    if app.db.backend() == ctopulse::db::Backend::Postgres {
        assert_ne!(files(&app), before, "the survey tables were rewritten");
    }
    assert_eq!(seal::scrub(&mut app.conn()).unwrap(), 0, "done once");
}

/// Links the outbox stores while a seal is cancelling the same messages: the outbox waits
/// for the seal and then finds the messages no longer its own, so no link of a sealed round
/// is left behind (PostgreSQL runs the two side by side; SQLite writers take turns).
#[tokio::test]
async fn the_outbox_stores_no_link_for_messages_a_seal_is_cancelling() {
    use ctopulse::db::outbox::{self as store, NewLink};
    use diesel::connection::SimpleConnection;
    let app = TestApp::spawn().await;
    if app.db.backend() != ctopulse::db::Backend::Postgres {
        return;
    }
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    let claimed = store::claim(
        &mut app.conn(),
        "worker-a",
        ctopulse::clock::now(),
        time::Duration::minutes(5),
        100,
    )
    .unwrap();
    assert!(!claimed.is_empty());
    let links: Vec<NewLink> = claimed
        .iter()
        .map(|m| NewLink {
            message_id: m.id.clone(),
            invitation_id: m.invitation_id.clone().unwrap(),
            round_id: m.round_id.unwrap(),
            token_hash: ctopulse::tokens::hash(&uuid::Uuid::new_v4().to_string()),
        })
        .collect();

    // The seal's first steps, not yet committed: the round's unsent messages cancelled.
    let mut sealer = app.conn();
    sealer
        .batch_execute(&format!(
            "BEGIN; UPDATE outbox SET status = 'cancelled', claim_owner = NULL \
             WHERE round_id = '{round}' AND status = 'pending'"
        ))
        .unwrap();
    let pool = app.pool.clone();
    let storing = std::thread::spawn(move || {
        let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
        store::store_links(&mut conn, "worker-a", &links).unwrap()
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    sealer
        .batch_execute(&format!(
            "DELETE FROM invitation_links WHERE round_id = '{round}'; COMMIT"
        ))
        .unwrap();
    let stored = storing.join().unwrap();
    assert!(
        stored.is_empty(),
        "{} message(s) still counted as ours",
        stored.len()
    );
    let left: i64 = ctopulse::db::schema::invitation_links::table
        .filter(ctopulse::db::schema::invitation_links::round_id.eq(&round))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(left, 0, "no link left in the sealed round");
}
