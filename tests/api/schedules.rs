//! Schedules under simulated time: the scheduler's pass is called with the instant it runs
//! at, so a quarter (launch, reminders on days 3 and 5 to those who have not answered, close)
//! runs in milliseconds. Also with two instances, and with an instance that stops mid-step.

use ctopulse::app::rounds::{self, RemindReport};
use ctopulse::app::schedules::{self, ScheduleInput, StepOutcome};
use ctopulse::db::schedules as stored;
use ctopulse::db::schema::{invitations, outbox, reminder_waves, rounds as rounds_t};
use ctopulse::domain::round::RoundStatus;
use ctopulse::domain::schedule::{Schedule, Step};
use diesel::prelude::*;
use time::macros::datetime;
use time::PrimitiveDateTime;

use crate::helpers::{TestApp, REMIND, ROSTER};

/// 2026Q4, UTC, sending at 09:00: launch 2026-10-06 09:00; reminders on day 3 (10-09 09:00)
/// and day 5 (10-11 09:00); 14 days open, so the last day is 10-19 and the round closes at
/// 10-20 00:00.
const LAUNCH: PrimitiveDateTime = datetime!(2026-10-06 09:00);
const DAY_3: PrimitiveDateTime = datetime!(2026-10-09 09:00);
const DAY_5: PrimitiveDateTime = datetime!(2026-10-11 09:00);
const CLOSE: PrimitiveDateTime = datetime!(2026-10-20 00:00);

async fn scheduled_app() -> TestApp {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    schedule(&app);
    app
}

/// Sets internal-csat's schedule: launch on day 6, open 14 days, reminders on days 3 and 5.
fn schedule(app: &TestApp) {
    schedules::set(
        &mut app.conn(),
        &app.state.templates,
        &ScheduleInput {
            survey: "internal-csat".into(),
            schedule: Schedule::new(6, 14, vec![3, 5]).unwrap(),
            merges: Vec::new(),
            enabled: true,
        },
        datetime!(2026-09-20 12:00),
        "admin@acme.test",
    )
    .unwrap();
}

/// One scheduler pass at `now` as instance `owner`.
fn pass(app: &TestApp, now: PrimitiveDateTime, owner: &str) -> Vec<StepOutcome> {
    schedules::run_due(
        &mut app.conn(),
        &app.state.templates,
        &app.settings,
        now,
        owner,
    )
    .unwrap()
}

fn steps(out: &[StepOutcome]) -> Vec<Step> {
    out.iter().map(|o| o.step).collect()
}

fn the_round(app: &TestApp) -> ctopulse::domain::ids::RoundId {
    rounds_t::table
        .select(rounds_t::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// Marks `n` more unanswered invitations answered; their ids.
fn answer(app: &TestApp, n: i64) -> Vec<String> {
    let mut conn = app.conn();
    let ids: Vec<String> = invitations::table
        .filter(invitations::responded.eq(false))
        .select(invitations::id)
        .order(invitations::id)
        .limit(n)
        .load(&mut *conn)
        .unwrap();
    diesel::update(invitations::table.filter(invitations::id.eq_any(&ids)))
        .set(invitations::responded.eq(true))
        .execute(&mut *conn)
        .unwrap();
    ids
}

/// Invitation ids that got a reminder queued at `at`.
fn reminded_at(app: &TestApp, at: PrimitiveDateTime) -> Vec<String> {
    outbox::table
        .filter(outbox::kind.eq("reminder"))
        .filter(outbox::created_at.eq(at))
        .select(outbox::invitation_id)
        .load::<Option<String>>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .flatten()
        .collect()
}

#[tokio::test]
async fn a_quarter_runs_itself_launch_reminders_on_days_3_and_5_to_non_respondents_then_close() {
    let app = scheduled_app().await;
    assert!(pass(&app, LAUNCH - time::Duration::minutes(1), "a").is_empty());
    let out = pass(&app, LAUNCH, "a");
    assert_eq!(steps(&out), vec![Step::Launch], "{out:?}");
    assert!(out[0].outcome.contains("14 invitation(s)"), "{out:?}");
    let id = the_round(&app);
    let r = rounds::get(&mut app.conn(), id).unwrap();
    assert_eq!(r.status, RoundStatus::Open);
    assert_eq!(r.launched_at, Some(LAUNCH));
    assert_eq!(r.closes_on, time::macros::date!(2026 - 10 - 19));
    assert_eq!(app.count("invitations"), 14);
    app.mark_sent();

    // Two answer; nothing is due on days 1 and 2.
    let early = answer(&app, 2);
    assert!(pass(&app, datetime!(2026-10-07 09:00), "a").is_empty());
    assert!(pass(&app, datetime!(2026-10-08 23:59), "a").is_empty());

    // Day 3: the other 12 are reminded, once.
    assert_eq!(steps(&pass(&app, DAY_3, "a")), vec![Step::Remind(3)]);
    let day3 = reminded_at(&app, DAY_3);
    assert_eq!(day3.len(), 12);
    assert!(day3.iter().all(|i| !early.contains(i)));
    assert!(pass(&app, DAY_3 + time::Duration::minutes(1), "a").is_empty());
    app.mark_sent();

    // One more answers; day 5 reminds the remaining 11 (14 − 2 − 1).
    let later = answer(&app, 1);
    assert_eq!(steps(&pass(&app, DAY_5, "a")), vec![Step::Remind(5)]);
    let day5 = reminded_at(&app, DAY_5);
    assert_eq!(day5.len(), 11);
    assert!(day5
        .iter()
        .all(|i| !early.contains(i) && !later.contains(i)));
    assert!(pass(&app, datetime!(2026-10-15 09:00), "a").is_empty());

    // The close at the end of the last day seals it (the auto-closer's pass).
    let options = rounds::SealOptions::default();
    assert!(
        rounds::close_due(&mut app.conn(), CLOSE - time::Duration::seconds(1), options)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        rounds::close_due(&mut app.conn(), CLOSE, options).unwrap(),
        vec![id]
    );
    assert_eq!(
        rounds::get(&mut app.conn(), id).unwrap().status,
        RoundStatus::Sealed
    );
    // Sealing forgets when each person was reminded; the waves keep only their counts.
    let stamped: i64 = invitations::table
        .filter(invitations::last_reminded_at.is_not_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(stamped, 0);
    let waves = rounds::reminder_waves(&mut app.conn(), id).unwrap();
    let counts: Vec<(usize, String)> = waves
        .iter()
        .map(|w| (w.counts.reminders, w.trigger.to_string()))
        .collect();
    assert_eq!(
        counts,
        vec![(12, "schedule".to_string()), (11, "schedule".to_string())]
    );
    // Nothing more this quarter; the next step is next quarter's launch (2027Q1 day 6).
    assert!(pass(&app, datetime!(2026-10-25 09:00), "a").is_empty());
    let next = schedules::overview(&mut app.conn(), &app.settings, datetime!(2026-10-25 09:00))
        .unwrap()[0]
        .next
        .unwrap();
    assert_eq!(
        (next.quarter.to_string(), next.step, next.at),
        (
            "2027Q1".to_string(),
            Step::Launch,
            datetime!(2027-01-06 09:00)
        )
    );
}

#[tokio::test]
async fn two_instances_take_each_step_once() {
    let app = scheduled_app().await;
    // Both instances pass at every instant, in turn.
    for at in [LAUNCH, DAY_3, DAY_5] {
        let a = pass(&app, at, "instance-a");
        let b = pass(&app, at, "instance-b");
        assert_eq!(a.len() + b.len(), 1, "{at}: {a:?} {b:?}");
        app.mark_sent();
    }
    assert_eq!(app.count("rounds"), 1);
    assert_eq!(app.count("invitations"), 14);
    // 14 invitations; reminders on day 3 and day 5 to all 14 (nobody answered): 28.
    let reminders: i64 = outbox::table
        .filter(outbox::kind.eq("reminder"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(reminders, 28);
    assert_eq!(app.count("reminder_waves"), 2);
}

#[tokio::test]
async fn two_instances_at_the_same_moment_on_their_own_threads_take_a_step_once() {
    let app = scheduled_app().await;
    pass(&app, LAUNCH, "a");
    app.mark_sent();
    // Both threads pass at day 3 at once, each on its own connection.
    let outcomes: Vec<Vec<StepOutcome>> = std::thread::scope(|s| {
        let runs: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|owner| {
                let (pool, templates, settings) = (
                    app.pool.clone(),
                    app.state.templates.clone(),
                    app.settings.clone(),
                );
                s.spawn(move || {
                    let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
                    schedules::run_due(&mut conn, &templates, &settings, DAY_3, owner).unwrap()
                })
            })
            .collect();
        runs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        outcomes.iter().map(Vec::len).sum::<usize>(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(reminded_at(&app, DAY_3).len(), 14);
    assert_eq!(app.count("reminder_waves"), 1);
}

#[tokio::test]
async fn an_instance_that_stops_mid_step_is_taken_over_when_its_lease_runs_out() {
    let app = scheduled_app().await;
    // Instance A claimed the launch and stopped before doing anything.
    assert!(stored::claim(
        &mut app.conn(),
        ("internal-csat", "2026Q4", "launch"),
        "stopped",
        LAUNCH,
        LAUNCH + time::Duration::minutes(10),
    )
    .unwrap());
    // B (the restarted service) leaves it while the lease lives …
    assert!(pass(&app, LAUNCH + time::Duration::minutes(5), "b").is_empty());
    assert_eq!(app.count("rounds"), 0);
    // … and takes it over after.
    let out = pass(&app, LAUNCH + time::Duration::minutes(10), "b");
    assert_eq!(steps(&out), vec![Step::Launch]);
    assert_eq!(app.count("invitations"), 14);
    // The stopped instance cannot record it done afterwards.
    assert!(!stored::finish(
        &mut app.conn(),
        ("internal-csat", "2026Q4", "launch"),
        "stopped",
        LAUNCH + time::Duration::minutes(11),
        "late",
    )
    .unwrap());
    app.mark_sent();

    // A stopped after sending the day-3 wave but before recording it: whoever takes the step
    // over sends nothing twice (the cooldown holds everyone back).
    assert!(stored::claim(
        &mut app.conn(),
        ("internal-csat", "2026Q4", "remind-3"),
        "stopped",
        DAY_3,
        DAY_3 + time::Duration::minutes(10),
    )
    .unwrap());
    let id = the_round(&app);
    let mut rules = REMIND;
    rules.trigger = ctopulse::domain::reminders::Trigger::Schedule;
    rounds::remind(&mut app.conn(), id, DAY_3, "system:schedule", rules).unwrap();
    app.mark_sent();
    let out = pass(&app, DAY_3 + time::Duration::minutes(10), "b");
    assert_eq!(steps(&out), vec![Step::Remind(3)]);
    assert!(
        out[0].outcome.contains("0 reminder(s)") && out[0].outcome.contains("14 held back"),
        "{out:?}"
    );
    assert_eq!(reminded_at(&app, DAY_3).len(), 14);
    assert_eq!(
        reminded_at(&app, DAY_3 + time::Duration::minutes(10)).len(),
        0
    );
}

#[tokio::test]
async fn a_service_restarted_after_a_whole_stop_catches_up_without_doubling() {
    let app = scheduled_app().await;
    pass(&app, LAUNCH, "first");
    app.mark_sent();
    // Stopped from day 2 until day 6: the day-3 reminder is skipped for the day-5 one.
    let out = pass(&app, datetime!(2026-10-12 08:00), "second");
    assert_eq!(steps(&out), vec![Step::Remind(5)]);
    assert_eq!(app.count("reminder_waves"), 1);
    // A launch missed by more than two days is not made up: the quarter is skipped.
    let late = TestApp::spawn().await;
    late.import_roster(ROSTER);
    schedule(&late);
    assert!(pass(&late, datetime!(2026-10-08 09:00), "x").is_empty());
    assert_eq!(late.count("rounds"), 0);
}

#[tokio::test]
async fn a_second_reminder_within_the_cooldown_is_held_back_whatever_triggers_it() {
    let app = scheduled_app().await;
    pass(&app, LAUNCH, "a");
    app.mark_sent();
    let id = the_round(&app);
    // `round remind` run twice, 6 s apart: the second reminds nobody.
    let at = DAY_3 - time::Duration::hours(2);
    assert_eq!(
        rounds::remind(&mut app.conn(), id, at, "cli:admin", REMIND).unwrap(),
        RemindReport {
            reminders: 14,
            reinvites: 0,
            held_back: 0
        }
    );
    app.mark_sent();
    assert_eq!(
        rounds::remind(
            &mut app.conn(),
            id,
            at + time::Duration::seconds(6),
            "cli:admin",
            REMIND
        )
        .unwrap(),
        RemindReport {
            reminders: 0,
            reinvites: 0,
            held_back: 14
        }
    );
    // The schedule's day-3 wave two hours later holds them back too.
    let out = pass(&app, DAY_3, "a");
    assert!(out[0].outcome.contains("14 held back"), "{out:?}");
    assert!(reminded_at(&app, DAY_3).is_empty());
    // 24 h after the manual wave, they can be reminded again.
    let preview = rounds::preview_reminders(
        &mut app.conn(),
        id,
        at + time::Duration::hours(24),
        REMIND.cooldown,
    )
    .unwrap();
    assert_eq!(preview.reminders, 14);
    let waves: i64 = reminder_waves::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(waves, 3);
}

#[tokio::test]
async fn a_disabled_or_removed_schedule_does_nothing_and_a_bad_one_is_refused() {
    let app = scheduled_app().await;
    let mut input = ScheduleInput {
        survey: "internal-csat".into(),
        schedule: Schedule::new(6, 14, vec![3, 5]).unwrap(),
        merges: Vec::new(),
        enabled: false,
    };
    let now = datetime!(2026-09-21 12:00);
    schedules::set(&mut app.conn(), &app.state.templates, &input, now, "admin").unwrap();
    assert!(pass(&app, LAUNCH, "a").is_empty());
    input.enabled = true;
    schedules::set(&mut app.conn(), &app.state.templates, &input, now, "admin").unwrap();
    schedules::remove(&mut app.conn(), "internal-csat", now, "admin").unwrap();
    assert!(pass(&app, LAUNCH, "a").is_empty());
    assert_eq!(app.count("rounds"), 0);
    // Unknown survey, bad merge: refused, nothing stored.
    input.survey = "no-such-survey".into();
    let e = schedules::set(&mut app.conn(), &app.state.templates, &input, now, "admin")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("no-such-survey") && e.contains("internal-csat"),
        "{e}"
    );
    input.survey = "internal-csat".into();
    input.merges = vec!["ceo".into()];
    assert!(schedules::set(&mut app.conn(), &app.state.templates, &input, now, "admin").is_err());
    assert_eq!(app.count("schedules"), 0);
    // Every change is audited.
    let audited: i64 = ctopulse::db::schema::audit_log::table
        .filter(ctopulse::db::schema::audit_log::action.like("schedule.%"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(audited, 1 + 2 + 1, "set in setup, set twice, removed once");
}
