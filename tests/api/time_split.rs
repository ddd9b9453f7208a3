//! Where the CTO's time goes: importing calendars, re-importing, overrides, manual hours, the
//! split per quarter, privacy of what is stored, and bad files through the CLI.

use ctopulse::app::time_split::{self as app, CalendarFile, TimeSplitConfig, TimeSplitError};
use ctopulse::domain::quarter::Quarter;
use ctopulse::domain::time_split::{Category, Rule, RuleKind, Window};
use time::macros::{date, datetime};

use crate::cli::{ctopulse, stderr};
use crate::helpers::{TestApp, TestDb};

const GOOGLE: &str = include_str!("../fixtures/calendar/google_europe_amsterdam.ics");
const OUTLOOK: &str = include_str!("../fixtures/calendar/outlook_asia_seoul.ics");

fn file(name: &str, text: &str) -> CalendarFile {
    CalendarFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn cfg(app: &TestApp) -> TimeSplitConfig {
    let mut c = TimeSplitConfig::from_settings(&app.settings);
    c.settings.owner_emails = vec!["cto@ourco.com".into()];
    c.settings.own_domains = vec!["ourco.com".into()];
    c
}

fn march_to_mid_april() -> Option<Window> {
    Some(Window {
        from: "2026-03-01T00:00:00Z".parse().unwrap(),
        to: "2026-04-15T00:00:00Z".parse().unwrap(),
    })
}

fn q(s: &str) -> Quarter {
    s.parse().unwrap()
}

async fn app_with_customer_rule() -> TestApp {
    let app = TestApp::spawn().await;
    app::add_rule(
        &mut app.conn(),
        &Rule::new(RuleKind::Domain, "acme.com", Category::Sales),
        "test",
        datetime!(2026-04-20 10:00),
    )
    .unwrap();
    app
}

#[tokio::test]
async fn a_google_export_gives_the_hand_computed_split() {
    let app = app_with_customer_rule().await;
    let c = cfg(&app);
    let report = app::import(
        &mut app.conn(),
        &[file("google.ics", GOOGLE)],
        march_to_mid_april(),
        &c,
        "test",
        datetime!(2026-04-20 10:00),
    )
    .unwrap();
    // 4 weekly + 1 customer meeting + 2 conference days.
    assert_eq!(report.stored, 7);
    let splits = app::splits(&mut app.conn(), &[q("2026Q1"), q("2026Q2")], &c).unwrap();
    // Q1 (March): leadership sync 5, 12 and 27 March = 3 h internal (keyword "leadership");
    // the Acme renewal 1.5 h sales (domain rule); KubeCon 2 × 8 h = 16 h marketing (keyword
    // "conference"). Work = 20.5 h: sales 1.5/20.5 = 7.317 %, marketing 16/20.5 = 78.049 %,
    // internal 3/20.5 = 14.634 %; sales deviation 7.317 − 35 = −27.683 points.
    let q1 = &splits[0].split;
    assert_eq!(q1.work_hours, 20.5);
    let share = |k: &str| q1.line(k).unwrap().share.unwrap();
    assert!((share("sales") - 7.317).abs() < 1e-3);
    assert!((share("marketing") - 78.049).abs() < 1e-3);
    assert!((share("internal") - 14.634).abs() < 1e-3);
    assert!((q1.line("sales").unwrap().deviation_points.unwrap() + 27.683).abs() < 1e-3);
    assert_eq!(splits[0].months.len(), 1);
    // Q2: the 9 April sync only.
    assert_eq!(splits[1].split.work_hours, 1.0);
    assert_eq!(splits[1].split.line("internal").unwrap().share, Some(100.0));
}

#[tokio::test]
async fn re_importing_the_same_file_changes_nothing_and_overrides_survive() {
    let app = app_with_customer_rule().await;
    let c = cfg(&app);
    let now = datetime!(2026-04-20 10:00);
    let import = || {
        app::import(
            &mut app.conn(),
            &[file("g.ics", GOOGLE)],
            march_to_mid_april(),
            &c,
            "test",
            now,
        )
        .unwrap()
    };
    import();
    let before = app::events(&mut app.conn(), q("2026Q1"), &c).unwrap();
    let renewal = before
        .iter()
        .find(|e| e.rule == "domain:acme.com")
        .unwrap()
        .clone();
    app::set_override(
        &mut app.conn(),
        &renewal.key,
        Some(Category::Bd),
        "test",
        now,
    )
    .unwrap();
    let again = import();
    assert_eq!((again.stored, again.replaced), (7, 7));
    assert_eq!(app.count("time_entries"), 7);
    let after = app::events(&mut app.conn(), q("2026Q1"), &c).unwrap();
    assert_eq!(after.len(), before.len());
    let r = after.iter().find(|e| e.key == renewal.key).unwrap();
    assert_eq!(
        (r.category, r.rule_category, r.overridden),
        (Category::Bd, Category::Sales, true)
    );
    assert_eq!(r.rule, "domain:acme.com");
    // Clearing the override gives the rule's category back.
    app::set_override(&mut app.conn(), &renewal.key, None, "test", now).unwrap();
    let r = app::events(&mut app.conn(), q("2026Q1"), &c)
        .unwrap()
        .into_iter()
        .find(|e| e.key == renewal.key)
        .unwrap();
    assert_eq!(r.category, Category::Sales);
    assert!(matches!(
        app::set_override(
            &mut app.conn(),
            "no-such-key",
            Some(Category::Bd),
            "test",
            now
        ),
        Err(TimeSplitError::NotFound(_))
    ));
}

#[tokio::test]
async fn nothing_is_stored_unless_every_file_is_valid() {
    let app = TestApp::spawn().await;
    let bad = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Base:20260301T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let err = app::import(
        &mut app.conn(),
        &[file("google.ics", GOOGLE), file("broken.ics", bad)],
        march_to_mid_april(),
        &cfg(&app),
        "test",
        datetime!(2026-04-20 10:00),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("broken.ics") && msg.contains("line 4") && msg.contains("Mars/Base"),
        "{msg}"
    );
    assert_eq!(app.count("time_entries"), 0);
}

#[tokio::test]
async fn only_start_end_category_and_rule_are_stored_by_default() {
    let app = TestApp::spawn().await;
    let c = cfg(&app);
    app::import(
        &mut app.conn(),
        &[file("google.ics", GOOGLE), file("outlook.ics", OUTLOOK)],
        Some(Window {
            from: "2026-01-01T00:00:00Z".parse().unwrap(),
            to: "2026-12-01T00:00:00Z".parse().unwrap(),
        }),
        &c,
        "test",
        datetime!(2026-12-01 10:00),
    )
    .unwrap();
    assert!(app.count("time_entries") > 20);
    assert_eq!(app.count("time_entries WHERE title IS NOT NULL"), 0);
    // No address, and not even a raw UID (Outlook's hold no address, Google's may).
    assert_eq!(
        app.count("time_entries WHERE event_key LIKE '%@%' OR rule LIKE '%@%'"),
        0
    );
    assert_eq!(app.count("time_entries WHERE event_key LIKE '%google%'"), 0);

    let mut keep = c.clone();
    keep.settings.keep_titles = true;
    app::import(
        &mut app.conn(),
        &[file("google.ics", GOOGLE)],
        march_to_mid_april(),
        &keep,
        "test",
        datetime!(2026-12-01 10:00),
    )
    .unwrap();
    assert_eq!(
        app.count("time_entries WHERE title = 'Renewal, roadmap and pricing'"),
        1
    );
}

#[tokio::test]
async fn weeks_entered_by_hand_count_in_their_quarter() {
    let app = TestApp::spawn().await;
    let c = cfg(&app);
    let now = datetime!(2026-04-20 10:00);
    // Wednesday 1 April 2026 is in the week of Monday 30 March: Q1.
    let monday = app::add_hours(
        &mut app.conn(),
        date!(2026 - 04 - 01),
        Category::Sales,
        7.0,
        "test",
        now,
    )
    .unwrap();
    assert_eq!(monday, date!(2026 - 03 - 30));
    app::add_hours(
        &mut app.conn(),
        date!(2026 - 03 - 30),
        Category::InternalEngineering,
        3.0,
        "test",
        now,
    )
    .unwrap();
    // Entering the same week and category again replaces it.
    app::add_hours(
        &mut app.conn(),
        date!(2026 - 03 - 31),
        Category::InternalEngineering,
        3.0,
        "test",
        now,
    )
    .unwrap();
    let s = &app::splits(&mut app.conn(), &[q("2026Q1")], &c).unwrap()[0].split;
    // 7 h sales + 3 h engineering: 70 % / 30 %.
    assert_eq!(s.work_hours, 10.0);
    assert_eq!(s.line("sales").unwrap().share, Some(70.0));
    for bad in [-1.0, 169.0, f64::NAN] {
        assert!(matches!(
            app::add_hours(
                &mut app.conn(),
                date!(2026 - 03 - 30),
                Category::Sales,
                bad,
                "test",
                now
            ),
            Err(TimeSplitError::Invalid(_))
        ));
    }
}

fn write(dir: &std::path::Path, name: &str, text: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn the_cli_refuses_bad_files_with_a_clear_error_and_stores_nothing() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap();
    let url = db.url().to_string();
    let run = |args: &[&str]| {
        let mut all = vec!["--database-url", url.as_str(), "time"];
        all.extend_from_slice(args);
        ctopulse(dir.path(), &all, &[])
    };
    let cal = |body: &str| format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n");
    let big = vec![b'x'; 21 * 1024 * 1024];
    let cases: Vec<(String, &str)> = vec![
        (write(dir.path(), "roster.csv", b"email,name\nkim@ourco.com,Kim\n"), "not an iCalendar"),
        (write(dir.path(), "huge.ics", &big), "at most"),
        (write(dir.path(), "torn.ics", cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260301T0900\r\nEND:VEVENT\r\n").as_bytes()), "line 5"),
        (write(dir.path(), "mars.ics", cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Base:20260301T090000\r\nEND:VEVENT\r\n").as_bytes()), "unknown time zone \"Mars/Base\""),
        (write(dir.path(), "endless.ics", cal("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260301T090000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n").as_bytes()), "RRULE"),
    ];
    for (path, says) in &cases {
        let o = run(&["import", path, "--from", "2026-03-01", "--to", "2026-04-01"]);
        assert_eq!(o.status.code(), Some(2), "{path}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{path}: {}", stderr(&o));
    }
    let o = run(&["split", "--quarter", "2026Q1", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["split"]["work_hours"], 0.0);

    // A good file then goes in, and its events list with the rule that chose each.
    let good = write(dir.path(), "google.ics", GOOGLE.as_bytes());
    let o = run(&[
        "import",
        &good,
        "--from",
        "2026-03-01",
        "--to",
        "2026-04-15",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["events", "--quarter", "2026Q1", "--json"]);
    let events: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(events.as_array().unwrap().len(), 6, "{events}");
    assert!(events
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["rule"] == "keyword:conference"));
    let key = events[0]["key"].as_str().unwrap().to_string();
    let o = run(&["override", &key, "bd"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["override", &key, "golf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown category"), "{}", stderr(&o));
    let o = run(&[
        "add-hours",
        "--week",
        "2026-03-02",
        "--category",
        "sales",
        "--hours",
        "200",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "rule",
        "add",
        "--kind",
        "domain",
        "--pattern",
        "acme.com",
        "--category",
        "sales",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["rule", "list", "--json"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("acme.com"));
}
