//! The admin's side of schedules and reminders: the Remind button says how many people will
//! get a reminder and asks to confirm; the round page shows each wave; /admin/schedules sets,
//! shows and removes schedules, refuses bad ones with a clear 400, and only for admins.

use ctopulse::auth::Role;
use ctopulse::db::schema::outbox;
use diesel::prelude::*;

use crate::helpers::{TestApp, ROSTER};
use crate::staff_support::{add_user, get_with, sign_in};

async fn admin_with_open_round() -> (TestApp, crate::staff_support::Session, String) {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q4");
    add_user(&app, "admin@acme.test", Role::Admin);
    let admin = sign_in(&app, "admin@acme.test").await;
    (app, admin, round)
}

fn pending_reminders(app: &TestApp) -> i64 {
    outbox::table
        .filter(outbox::kind.eq("reminder"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

#[tokio::test]
async fn the_remind_button_asks_first_with_the_count_and_the_round_page_shows_each_wave() {
    let (app, admin, round) = admin_with_open_round().await;
    // The admin list and the round page link to a confirmation, not a one-click POST.
    let list = admin.page(&app, "/admin").await;
    assert!(
        list.contains(&format!("/admin/rounds/{round}?confirm=remind#confirm")),
        "{list}"
    );
    assert!(!list.contains(&format!("action=\"/admin/rounds/{round}/remind\"")));
    let page = admin
        .page(&app, &format!("/admin/rounds/{round}?confirm=remind"))
        .await;
    // 14 invited, nobody answered, the invitations still waiting in the outbox: nobody yet.
    assert!(page.contains("Nobody would get a reminder now"), "{page}");
    app.mark_sent();
    let page = admin
        .page(&app, &format!("/admin/rounds/{round}?confirm=remind"))
        .await;
    assert!(
        page.contains("<strong>14</strong> people who have not answered get a reminder"),
        "{page}"
    );
    assert!(page.contains("Send 14 messages"), "{page}");
    assert_eq!(pending_reminders(&app), 0, "asking sends nothing");

    let res = admin
        .post(&app, &format!("/admin/rounds/{round}/remind"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()[reqwest::header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(to.starts_with(&format!("/admin/rounds/{round}?")), "{to}");
    assert_eq!(pending_reminders(&app), 14);
    // A second press at once (a double click, a second admin) reminds nobody again.
    app.mark_sent();
    let page = admin
        .page(&app, &format!("/admin/rounds/{round}?confirm=remind"))
        .await;
    assert!(
        page.contains("14) was reminded in the last 24 hours"),
        "{page}"
    );
    let res = admin
        .post(&app, &format!("/admin/rounds/{round}/remind"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(pending_reminders(&app), 14);
    let page = admin.page(&app, &format!("/admin/rounds/{round}")).await;
    assert!(page.contains("Reminder waves"), "{page}");
    assert!(page.contains("Admin page (admin@acme.test)"), "{page}");
    assert!(
        page.contains("data-label=\"Reminders\">14<")
            && page.contains("data-label=\"Held back\">14<"),
        "{page}"
    );
}

#[tokio::test]
async fn admins_set_see_and_remove_schedules_and_bad_ones_are_refused_with_a_reason() {
    let (app, admin, _) = admin_with_open_round().await;
    let empty = admin.page(&app, "/admin/schedules").await;
    assert!(empty.contains("No survey has a schedule yet"), "{empty}");

    let res = admin
        .post(
            &app,
            "/admin/schedules",
            &[
                ("survey", "engineering-culture"),
                ("launch_day", "10"),
                ("days_open", "14"),
                ("reminders", "3, 5"),
                ("merge", ""),
                ("enabled", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = admin.page(&app, "/admin/schedules").await;
    assert!(
        page.contains("days 3,5") && page.contains("14 days"),
        "{page}"
    );
    assert!(page.contains("Next"), "{page}");
    // The admin's home page names the soonest scheduled step.
    let home = admin.page(&app, "/admin").await;
    assert!(home.contains("Next scheduled: "), "{home}");
    assert!(home.contains("Engineering culture"), "{home}");

    for (field, value, says) in [
        ("launch_day", "85", "would close after day 89"),
        ("launch_day", "ten", "whole number of days"),
        ("days_open", "1", "outside 2–60"),
        ("reminders", "3,14", "not within the 14 days"),
        ("reminders", "5,3", "increasing order"),
        ("survey", "nope", "no survey"),
        ("merge", "ceo", "at least two departments"),
    ] {
        let mut form = vec![
            ("survey", "internal-csat"),
            ("launch_day", "6"),
            ("days_open", "14"),
            ("reminders", "3,5"),
            ("merge", ""),
            ("enabled", "on"),
        ];
        for f in form.iter_mut() {
            if f.0 == field {
                f.1 = value;
            }
        }
        let res = admin.post(&app, "/admin/schedules", &form).await;
        assert_eq!(res.status(), 400, "{field}={value}");
        let body = res.text().await.unwrap();
        assert!(body.contains(says), "{field}={value}: {body}");
        // The form keeps what was typed.
        assert!(
            body.contains(&format!("value=\"{value}\"")) || field == "survey",
            "{field}={value}"
        );
    }
    assert_eq!(app.count("schedules"), 1);

    // Without the CSRF token, or as the CTO: refused, nothing changed.
    let res = crate::staff_support::post_form_with(
        &app,
        "/admin/schedules/engineering-culture/remove",
        &admin.cookie,
        &[],
    )
    .await;
    assert_eq!(res.status(), 403);
    add_user(&app, "cto@acme.test", Role::Cto);
    let cto = sign_in(&app, "cto@acme.test").await;
    assert_eq!(
        get_with(&app, "/admin/schedules", &cto.cookie)
            .await
            .status(),
        403
    );
    let res = cto
        .post(&app, "/admin/schedules/engineering-culture/remove", &[])
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(app.count("schedules"), 1);

    let res = admin
        .post(&app, "/admin/schedules/engineering-culture/remove", &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.count("schedules"), 0);
    let res = admin
        .post(&app, "/admin/schedules/engineering-culture/remove", &[])
        .await;
    assert_eq!(res.status(), 404);
}

#[test]
fn the_cli_sets_lists_runs_and_removes_schedules_and_refuses_bad_ones() {
    use crate::cli::{ctopulse, stderr};
    let dir = tempfile::tempdir().unwrap();
    let db = crate::helpers::TestDb::new();
    let env = [("CTOPULSE_DATABASE_URL", db.url())];
    let o = ctopulse(
        dir.path(),
        &[
            "schedule",
            "set",
            "internal-csat",
            "--launch-day",
            "6",
            "--merge",
            "ceo+bd",
        ],
        &env,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("launch day 6, open 14 days, reminders on days 3,5, merging ceo+bd"),
        "{out}"
    );
    let o = ctopulse(dir.path(), &["schedule", "list", "--json"], &env);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["survey"], "internal-csat");
    assert_eq!(
        list[0]["schedule"]["reminder_days"],
        serde_json::json!([3, 5])
    );
    assert!(list[0]["next"]["step"].is_string(), "{list}");

    // Out of range: exit 2 with the reason; nothing changed.
    let o = ctopulse(
        dir.path(),
        &[
            "schedule",
            "set",
            "internal-csat",
            "--launch-day",
            "80",
            "--days-open",
            "30",
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("would close after day 89"),
        "{}",
        stderr(&o)
    );
    let o = ctopulse(
        dir.path(),
        &[
            "schedule",
            "set",
            "internal-csat",
            "--launch-day",
            "6",
            "--reminders",
            "3;5",
        ],
        &env,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("comma-separated"), "{}", stderr(&o));

    // `run` takes what is due now: the real clock is long past this quarter's launch window
    // or before it, so at most the launch; it must exit cleanly either way.
    let o = ctopulse(dir.path(), &["schedule", "run"], &env);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = ctopulse(dir.path(), &["schedule", "remove", "internal-csat"], &env);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = ctopulse(dir.path(), &["schedule", "remove", "internal-csat"], &env);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no schedule for internal-csat"),
        "{}",
        stderr(&o)
    );
}
