//! The benchmark company generator: a small one, built through the real round and seal
//! paths, gives a full scorecard — so a broken generator fails here, not in a bench run.

use crate::bench_data::{self, ScaleError};
use ctopulse::app::scorecard::{self, Options};
use ctopulse::domain::scoring::Figure;
use rand::SeedableRng;

use crate::helpers::TestApp;

const EMPLOYEES: usize = 120;

fn sum(app: &TestApp, sql: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(sql)
        .load::<N>(&mut *app.conn())
        .expect("query")
        .first()
        .map_or(0, |r| r.n)
}

#[tokio::test]
async fn a_small_scale_company_gives_a_full_scorecard() {
    let app = TestApp::spawn().await;
    let now = ctopulse::clock::now();
    let report = bench_data::build(
        &mut app.conn(),
        &app.settings,
        &app.state.templates,
        EMPLOYEES,
        now,
    )
    .expect("build");
    assert_eq!(report.sealed_rounds, 24);
    assert_eq!(app.count("employees"), EMPLOYEES as i64 + 5);
    assert_eq!(app.count("rounds"), 25, "24 sealed and the open one");
    assert_eq!(
        sum(
            &app,
            "SELECT COUNT(*) AS n FROM rounds WHERE status = 'sealed'"
        ),
        24
    );
    // Sealing deleted every historical link and wrote tallies that count every response.
    assert_eq!(
        sum(
            &app,
            "SELECT COUNT(*) AS n FROM invitation_links l JOIN rounds r ON r.id = l.round_id \
             WHERE r.status = 'sealed'"
        ),
        0
    );
    assert_eq!(
        sum(
            &app,
            "SELECT CAST(COALESCE(SUM(g.responses), 0) AS BIGINT) AS n FROM group_tallies g"
        ),
        sum(
            &app,
            "SELECT COUNT(*) AS n FROM responses s JOIN rounds r ON r.id = s.round_id \
             WHERE r.status = 'sealed'"
        )
    );
    assert_eq!(
        sum(
            &app,
            "SELECT COUNT(*) AS n FROM answers a JOIN responses s ON s.id = a.response_id \
             JOIN rounds r ON r.id = s.round_id WHERE r.status = 'sealed'"
        ),
        report.answers as i64
    );

    // Sealing copied every comment of the round, and only those.
    assert_eq!(
        sum(&app, "SELECT COUNT(*) AS n FROM sealed_comments"),
        sum(
            &app,
            "SELECT COUNT(*) AS n FROM answers a JOIN responses s ON s.id = a.response_id \
             JOIN rounds r ON r.id = s.round_id WHERE r.status = 'sealed' AND a.text IS NOT NULL"
        )
    );
    assert!(sum(&app, "SELECT COUNT(*) AS n FROM sealed_comments") > 0);

    // The open CSAT round: everyone invited, 40 % answered, a live link each.
    let open = &report.open_round;
    let invited = sum(
        &app,
        &format!("SELECT COUNT(*) AS n FROM invitations WHERE round_id = '{open}'"),
    );
    assert_eq!(invited, EMPLOYEES as i64);
    assert_eq!(
        sum(
            &app,
            &format!(
                "SELECT COUNT(*) AS n FROM invitations WHERE round_id = '{open}' AND responded"
            )
        ),
        (EMPLOYEES as f64 * 0.4).round() as i64
    );
    assert_eq!(
        sum(
            &app,
            &format!("SELECT COUNT(*) AS n FROM invitation_links WHERE round_id = '{open}'")
        ),
        invited
    );

    // The finished build is marked with this schema, so a cache can trust it.
    let marker = bench_data::marker(&mut app.conn()).expect("marker");
    assert_eq!(marker.employees, EMPLOYEES as i64);
    assert_eq!(marker.open_round, *open);
    assert_eq!(
        marker.schema_fingerprint,
        bench_data::schema_fingerprint(&mut app.conn()).expect("fingerprint")
    );
    assert!(matches!(
        bench_data::build(
            &mut app.conn(),
            &app.settings,
            &app.state.templates,
            EMPLOYEES,
            now
        ),
        Err(ScaleError::NotEmpty)
    ));

    // A full scorecard: all three measures shown, every group reported, eight-quarter trends.
    let opts = Options {
        include_comments: true,
        comment_sample: None,
        thresholds: app.settings.thresholds,
        fiscal_year_start_month: app.settings.fiscal_year_start_month,
    };
    let loaded = scorecard::load(
        &mut app.conn(),
        None,
        &opts,
        &mut rand::rngs::StdRng::seed_from_u64(3),
    )
    .expect("scorecard");
    let sc = &loaded.scorecard;
    assert_eq!(
        sc.quarter,
        bench_data::current_quarter(now, &app.settings).prev()
    );
    assert_eq!(sc.rounds.len(), 3);
    assert!(
        sc.measure_a.alignment.value().is_some(),
        "{:?}",
        sc.measure_a
    );
    assert!(sc.measure_b.productive_and_happy.value().is_some());
    assert!(sc.measure_b.enps.value().is_some());
    assert!(sc
        .measure_b
        .lagging
        .regretted_top_talent_attrition
        .value
        .value()
        .is_some());
    assert!(sc
        .measure_b
        .lagging
        .offer_acceptance
        .value
        .value()
        .is_some());
    assert!(sc.measure_c.weighted_csat.value().is_some());
    assert_eq!(
        sc.measure_c.groups_used.len(),
        5,
        "left out: {:?}",
        sc.measure_c.groups_left_out
    );
    assert!(!sc.trends.is_empty());
    for t in &sc.trends {
        assert_eq!(t.points.len(), 8, "{:?}", t.metric);
        assert!(
            t.points
                .iter()
                .all(|p| matches!(p.value, Figure::Shown { .. })),
            "{:?}: {:?}",
            t.metric,
            t.points
        );
    }

    // A scratch round is taken back without a trace, as the benches rely on.
    let before = app.count("invitations");
    bench_data::reset_round(&mut app.conn(), *open).expect("reset");
    assert_eq!(
        bench_data::unanswered(&mut app.conn(), *open)
            .expect("unanswered")
            .len(),
        EMPLOYEES
    );
    bench_data::discard_round(&mut app.conn(), *open).expect("discard");
    assert_eq!(app.count("invitations"), before - EMPLOYEES as i64);
    assert_eq!(app.count("rounds"), 24);
    assert_eq!(
        sum(
            &app,
            &format!("SELECT COUNT(*) AS n FROM outbox WHERE round_id = '{open}'")
        ),
        0
    );
}
