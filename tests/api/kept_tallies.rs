//! The results keep closed rounds' tallies and key drivers in memory (`app::kept_tallies`)
//! under the round's stamp; every rewrite of them renews the stamp, so no page ever shows a
//! figure from tallies the database no longer holds.

use diesel::prelude::*;
use rand::SeedableRng;

use crate::helpers::{rid, TestApp};
use crate::scorecard::sealed_culture_round;
use ctopulse::app::rounds::{self, SealOptions};
use ctopulse::app::scorecard::{self, Options};
use ctopulse::db::schema::rounds as r;
use ctopulse::db::seal;

fn stamp(app: &TestApp, round: &str) -> Option<String> {
    r::table
        .filter(r::id.eq(round))
        .select(r::tallies_stamp)
        .first(&mut *app.conn())
        .expect("round")
}

fn measure_b(app: &TestApp) -> serde_json::Value {
    let opts = Options::from_settings(&app.state.settings, false);
    let loaded = scorecard::load(
        &mut app.conn(),
        Some("2026Q3".parse().expect("quarter")),
        &opts,
        &mut rand::rngs::StdRng::seed_from_u64(1),
    )
    .expect("scorecard");
    serde_json::to_value(&loaded.scorecard).expect("json")["measure_b"]["productive_and_happy"]
        .clone()
}

#[tokio::test]
async fn a_retally_that_changes_the_tallies_is_read_at_once() {
    let app = TestApp::spawn().await;
    let (round, template) = sealed_culture_round(&app, 12).await;
    let first = stamp(&app, &round).expect("the seal stamps the round's tallies");
    let before = measure_b(&app);
    assert_eq!(measure_b(&app), before, "read again, from memory");
    assert_eq!(before["state"], "shown", "{before}");
    assert_ne!(before["value"]["estimate"], 1.0, "{before}");

    // The sealed answers change under the tallies (as a corrected seal would rewrite them):
    // every scale answer becomes 5, so everybody is productive and happy.
    diesel::sql_query(format!(
        "UPDATE answers SET value = 5 WHERE round_id = '{round}' AND value IS NOT NULL"
    ))
    .execute(&mut *app.conn())
    .expect("answers changed");
    assert_eq!(measure_b(&app), before, "the tallies have not changed yet");

    // The tallies alone rewritten (the retally's first half).
    let template_ = template.clone();
    app.conn()
        .write_transaction(|c| {
            let rows = seal::round_rows(c, rid(&round), None)?;
            seal::write_tallies(c, &rows, &template_)?;
            seal::finish_round_rows(c, rows)
        })
        .expect("tallies rewritten");
    let second = stamp(&app, &round).expect("stamp");
    assert_ne!(second, first, "rewriting the tallies renews the stamp");
    let after = measure_b(&app);
    assert_ne!(after, before, "{after}");
    assert_eq!(after["state"], "shown", "{after}");
    assert_eq!(after["value"]["estimate"], 1.0, "{after}");

    // Key drivers recomputed on their own renew it too.
    rounds::recompute_drivers(
        &mut app.conn(),
        rid(&round),
        &template,
        SealOptions::default(),
    )
    .expect("drivers");
    let third = stamp(&app, &round).expect("stamp");
    assert_ne!(third, second);

    // And a retally (tallies and drivers) renews it and reads the same figures.
    rounds::retally(
        &mut app.conn(),
        ctopulse::clock::now(),
        rid(&round),
        "test",
        SealOptions::default(),
    )
    .expect("retally");
    assert_ne!(stamp(&app, &round).expect("stamp"), third);
    assert_eq!(measure_b(&app), after);
}
