//! `ctopulse demo --employees` above the old 5,000 ceiling: the batched seed writes every
//! row a person-by-person seed would.

use crate::helpers::TestApp;
use ctopulse::demo::{self, company, Seeded};

/// Above the old ceiling of 5,000, small enough for a debug build.
const EMPLOYEES: usize = 6_000;

#[tokio::test]
#[ignore = "about 6 minutes in a debug build (unoptimised key-driver bootstraps, 6,000 invitation emails each committed on its own); run with --ignored"]
async fn a_company_of_six_thousand_is_seeded_with_every_row() {
    let app = TestApp::spawn().await;
    let Seeded::Fresh(report) = demo::seed(
        &app.pool,
        app.state.settings.clone(),
        app.state.mailer.clone(),
        &app.state.templates,
        ctopulse::clock::now(),
        EMPLOYEES,
        &indicatif::ProgressBar::hidden(),
    )
    .await
    .expect("seed") else {
        panic!("a new database is seeded");
    };
    assert_eq!(report.employees, EMPLOYEES);
    assert_eq!(report.sealed_rounds, 24);
    // 6,000 employees plus the 5 board members.
    assert_eq!(app.count("employees"), 6_005);
    // Sales 27 % = 1,620, marketing 13 % = 780, BD 6 % = 360, CEO's office 4 % = 240,
    // engineering the rest: 6,000 − 3,000 = 3,000.
    for (dept, n) in [
        ("sales", 1_620),
        ("marketing", 780),
        ("bd", 360),
        ("ceo", 240),
        ("engineering", 3_000),
        ("board", 5),
    ] {
        let rows = app.count(&format!("employees WHERE department = '{dept}'"));
        assert_eq!(rows, n, "{dept}");
    }
    assert_eq!(
        company::department_sizes(EMPLOYEES)
            .iter()
            .map(|s| s.1)
            .sum::<usize>(),
        EMPLOYEES
    );
    // 24 sealed rounds and the open one.
    assert_eq!(app.count("rounds"), 25);
    // The open internal-CSAT round asks every employee (not the board); 40 % answered:
    // 0.40 × 6,000 = 2,400.
    assert_eq!(report.current.invited, 6_000);
    assert_eq!(report.current.emailed, 6_000);
    assert_eq!(report.current.answered, 2_400);
    // Every answer the seed reports is stored once, and flagged once on its invitation.
    let answered = (report.historical_answers + report.current.answered) as i64;
    assert!(report.historical_answers > 8 * 6_000 / 2, "{report:?}");
    assert_eq!(app.count("responses"), answered);
    assert_eq!(app.count("invitations WHERE responded"), answered);
    // Responses without answers would mean a batch lost rows.
    assert_eq!(
        // NOT EXISTS rather than NOT IN: PostgreSQL runs a NOT IN over 600,000 answers as
        // a nested scan.
        app.count(
            "responses r WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id)"
        ),
        0
    );
    // Sealed rounds keep no links; the open round's are the emailed ones plus those used.
    let open = report.current.round_id.to_string();
    assert_eq!(
        app.count(&format!("invitation_links WHERE round_id <> '{open}'")),
        0
    );
    // Every sealed round was scrubbed.
    assert_eq!(app.count("rounds WHERE scrub_pending"), 0);
}
