//! A page reads many quarters' scorecards at once (the action follow-through builds one per
//! quarter): the batched read gives each quarter exactly the input it gets read alone.

use ctopulse::app::scorecard::{self, input_for, inputs_for, Options};
use ctopulse::domain::quarter::Quarter;
use ctopulse::domain::scoring::ScorecardInput;

use crate::helpers::TestApp;

fn opts(app: &TestApp, include_comments: bool) -> Options {
    Options {
        include_comments,
        comment_sample: None,
        thresholds: app.settings.thresholds,
        fiscal_year_start_month: app.settings.fiscal_year_start_month,
    }
}

/// Comments come in no fixed order (a reader cannot tell who wrote first): compared sorted.
fn sorted_comments(mut input: ScorecardInput) -> ScorecardInput {
    for r in &mut input.rounds {
        r.comments
            .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    }
    input
}

#[tokio::test]
async fn the_batched_inputs_equal_each_quarter_read_alone() {
    let app = TestApp::spawn().await;
    crate::demo::seed(&app).await;
    let quarters: Vec<Quarter> = scorecard::closed_quarters(&mut app.conn()).unwrap();
    assert!(
        quarters.len() >= 4,
        "the demo has {} closed quarters",
        quarters.len()
    );

    for include_comments in [false, true] {
        let o = opts(&app, include_comments);
        let batched = inputs_for(&mut app.conn(), &quarters, &o).unwrap();
        assert_eq!(batched.len(), quarters.len());
        for (q, got) in quarters.iter().zip(batched) {
            assert_eq!(got.quarter, *q);
            let alone = input_for(&mut app.conn(), *q, &o).unwrap();
            assert!(
                alone.rounds.len() > 1,
                "{q} trails earlier quarters' rounds"
            );
            assert_eq!(
                sorted_comments(got.clone()),
                sorted_comments(alone),
                "{q}, comments {include_comments}"
            );
            // A round's comments go only to its own quarter's scorecard.
            for r in &got.rounds {
                if r.quarter != *q || !include_comments {
                    assert!(
                        r.comments.is_empty(),
                        "{q}: round of {} carries comments",
                        r.quarter
                    );
                }
            }
            if include_comments {
                assert!(
                    got.rounds.iter().any(|r| !r.comments.is_empty()),
                    "{q}: the demo's own rounds have comments"
                );
            }
        }
    }
    // A quarter asked for twice gets its comments both times (they move to the last input
    // of their quarter and are copied to earlier ones), also when a later quarter between
    // the two trails it and must get none of them.
    let o = opts(&app, true);
    let first = *quarters.iter().min().unwrap();
    let last = *quarters.iter().max().unwrap();
    assert!(
        last.trailing(8).contains(&first),
        "{last}'s scorecard trails {first}"
    );
    let alone = |q| sorted_comments(input_for(&mut app.conn(), q, &o).unwrap());
    let got = inputs_for(&mut app.conn(), &[first, last, first], &o).unwrap();
    assert_eq!(sorted_comments(got[0].clone()), alone(first));
    assert_eq!(sorted_comments(got[1].clone()), alone(last));
    assert_eq!(sorted_comments(got[2].clone()), alone(first));
    // No quarters: nothing read, nothing built.
    assert!(inputs_for(&mut app.conn(), &[], &opts(&app, true))
        .unwrap()
        .is_empty());
}
