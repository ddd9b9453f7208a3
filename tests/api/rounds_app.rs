//! The round use cases called directly, with the time given: launch, remind, close and seal.

use ctopulse::app::rounds::{self, NewRound, RemindReport, RoundError};
use ctopulse::db::schema::{invitations, outbox};
use ctopulse::domain::round::RoundStatus;
use diesel::prelude::*;
use time::macros::datetime;
use time::PrimitiveDateTime;

use crate::helpers::{TestApp, ROSTER};

const CREATED: PrimitiveDateTime = datetime!(2026-10-01 09:00);
const LAUNCHED: PrimitiveDateTime = datetime!(2026-10-02 10:30);

/// A draft internal-csat round for 2026Q4 created at `CREATED`, closing 2026-10-20.
fn draft(app: &TestApp) -> ctopulse::domain::ids::RoundId {
    let t = app.state.templates.get("internal-csat").unwrap();
    rounds::create(
        &mut app.conn(),
        &NewRound {
            template: t,
            quarter: "2026Q4".parse().unwrap(),
            closes_on: time::macros::date!(2026 - 10 - 20),
            k: 5,
            comment_threshold: 10,
            merges: Vec::new(),
            timezone: "UTC",
        },
        CREATED,
        "test",
    )
    .unwrap()
}

#[tokio::test]
async fn a_launch_happens_at_the_time_it_is_given() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let id = draft(&app);
    let report =
        rounds::launch(&mut app.conn(), id, &app.state.templates, LAUNCHED, "test").unwrap();
    // Everyone but the board member.
    assert_eq!(report.invitations, 14);
    let r = rounds::get(&mut app.conn(), id).unwrap();
    assert_eq!(r.status, RoundStatus::Open);
    assert_eq!(r.launched_at, Some(LAUNCHED));
    assert_eq!(r.opens_on, Some(LAUNCHED.date()));
    let due: Vec<PrimitiveDateTime> = outbox::table
        .filter(outbox::round_id.eq(&id))
        .select(outbox::next_attempt_at)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(due.len(), 14);
    assert!(due.iter().all(|t| *t == LAUNCHED), "{due:?}");
    // A round is launched once.
    assert!(matches!(
        rounds::launch(&mut app.conn(), id, &app.state.templates, LAUNCHED, "test"),
        Err(RoundError::WrongStatus {
            status: RoundStatus::Open,
            ..
        })
    ));
}

#[tokio::test]
async fn a_launch_after_the_close_time_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let id = draft(&app);
    let late = datetime!(2026-10-21 00:00);
    assert!(matches!(
        rounds::launch(&mut app.conn(), id, &app.state.templates, late, "test"),
        Err(RoundError::ClosePassed(_))
    ));
    assert_eq!(
        rounds::get(&mut app.conn(), id).unwrap().status,
        RoundStatus::Draft
    );
    assert_eq!(app.count("invitations"), 0);
    assert_eq!(app.count("outbox"), 0);
}

#[tokio::test]
async fn reminders_go_only_to_those_who_have_not_answered() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let id = draft(&app);
    rounds::launch(&mut app.conn(), id, &app.state.templates, LAUNCHED, "test").unwrap();
    let mut conn = app.conn();
    // The invitations went out; two people answered.
    diesel::update(outbox::table)
        .set(outbox::status.eq("sent"))
        .execute(&mut *conn)
        .unwrap();
    let answered: Vec<String> = invitations::table
        .filter(invitations::round_id.eq(&id))
        .select(invitations::id)
        .order(invitations::id)
        .limit(2)
        .load(&mut *conn)
        .unwrap();
    diesel::update(invitations::table.filter(invitations::id.eq_any(&answered)))
        .set(invitations::responded.eq(true))
        .execute(&mut *conn)
        .unwrap();
    let at = LAUNCHED + time::Duration::days(3);
    assert_eq!(
        rounds::remind(&mut conn, id, at, "test", crate::helpers::REMIND).unwrap(),
        RemindReport {
            reminders: 12,
            reinvites: 0,
            held_back: 0
        }
    );
    let reminded: Vec<(Option<String>, PrimitiveDateTime)> = outbox::table
        .filter(outbox::kind.eq("reminder"))
        .select((outbox::invitation_id, outbox::next_attempt_at))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(reminded.len(), 12);
    assert!(reminded
        .iter()
        .all(|(inv, t)| *t == at && !answered.contains(inv.as_ref().unwrap())));
    // Reminders still waiting are not queued twice.
    assert_eq!(
        rounds::remind(&mut conn, id, at, "test", crate::helpers::REMIND).unwrap(),
        RemindReport {
            reminders: 0,
            reinvites: 0,
            held_back: 0
        }
    );
    // After the close time there is nobody left to remind.
    assert!(matches!(
        rounds::remind(
            &mut conn,
            id,
            datetime!(2026-10-21 00:00),
            "test",
            crate::helpers::REMIND
        ),
        Err(RoundError::WrongStatus { .. })
    ));
}

#[tokio::test]
async fn sealing_twice_is_refused_and_leaves_the_seal_as_it_was() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let id = draft(&app);
    rounds::launch(&mut app.conn(), id, &app.state.templates, LAUNCHED, "test").unwrap();
    let closed_at = datetime!(2026-10-10 12:00);
    let first = rounds::close_and_seal(&mut app.conn(), id, closed_at, "test").unwrap();
    assert_eq!(first.round_id, id);
    assert_eq!(first.emails_cancelled, 14);
    let tallies = app.count("group_tallies");
    let r = rounds::get(&mut app.conn(), id).unwrap();
    assert_eq!(
        (r.status, r.closed_at, r.sealed_at),
        (RoundStatus::Sealed, Some(closed_at), Some(closed_at))
    );
    let again = rounds::close_and_seal(&mut app.conn(), id, LAUNCHED, "test");
    assert!(matches!(
        again,
        Err(RoundError::WrongStatus {
            status: RoundStatus::Sealed,
            ..
        })
    ));
    let r = rounds::get(&mut app.conn(), id).unwrap();
    assert_eq!(r.sealed_at, Some(closed_at));
    assert_eq!(app.count("group_tallies"), tallies);
    // The auto-close has nothing left to do either.
    assert!(rounds::close_due(
        &mut app.conn(),
        datetime!(2026-12-31 00:00),
        Default::default()
    )
    .unwrap()
    .is_empty());
}

#[tokio::test]
async fn the_auto_close_seals_only_rounds_past_their_close_time() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let id = draft(&app);
    rounds::launch(&mut app.conn(), id, &app.state.templates, LAUNCHED, "test").unwrap();
    let closes_at = rounds::get(&mut app.conn(), id).unwrap().closes_at;
    let before = closes_at - time::Duration::seconds(1);
    assert!(
        rounds::close_due(&mut app.conn(), before, Default::default())
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        rounds::close_due(&mut app.conn(), closes_at, Default::default()).unwrap(),
        vec![id]
    );
    let r = rounds::get(&mut app.conn(), id).unwrap();
    assert_eq!(
        (r.status, r.sealed_at),
        (RoundStatus::Sealed, Some(closes_at))
    );
}

#[tokio::test]
async fn retally_needs_a_closed_round() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let id = draft(&app);
    assert!(matches!(
        rounds::retally(&mut app.conn(), LAUNCHED, id, "test", Default::default()),
        Err(RoundError::NotClosed {
            status: RoundStatus::Draft,
            ..
        })
    ));
    rounds::launch(&mut app.conn(), id, &app.state.templates, LAUNCHED, "test").unwrap();
    rounds::close_and_seal(&mut app.conn(), id, LAUNCHED, "test").unwrap();
    let tallies = app.count("group_tallies");
    assert_eq!(
        rounds::retally(&mut app.conn(), LAUNCHED, id, "test", Default::default()).unwrap(),
        id
    );
    assert_eq!(app.count("group_tallies"), tallies);
}
