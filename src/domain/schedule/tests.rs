use super::*;
use time::macros::{date, datetime};

fn q(s: &str) -> Quarter {
    s.parse().unwrap()
}

/// Launch on day 6, open 14 days, reminders on days 3 and 5.
fn standard() -> Schedule {
    Schedule::new(6, 14, vec![3, 5]).unwrap()
}

#[test]
fn a_quarters_dates_are_counted_from_its_first_day() {
    // 2026Q4 starts 2026-10-01: day 6 is 10-06; open 14 days counting the launch day, so the
    // last day is 10-06 + 13 = 10-19; reminders 10-06 + 3 = 10-09 and + 5 = 10-11.
    let d = standard().dates(q("2026Q4"), 1);
    assert_eq!(d.launch_on, date!(2026 - 10 - 06));
    assert_eq!(
        d.reminders,
        vec![(3, date!(2026 - 10 - 09)), (5, date!(2026 - 10 - 11))]
    );
    assert_eq!(d.closes_on, date!(2026 - 10 - 19));
    // A fiscal year from April: FY2026's first quarter starts 2025-04-01, day 6 is 04-06.
    let fy = standard().dates(q("2026Q1"), 4);
    assert_eq!(fy.launch_on, date!(2025 - 04 - 06));
}

#[test]
fn instants_follow_the_companys_time_zone_across_a_clock_change() {
    // Amsterdam is UTC+2 until 2026-10-25 03:00, then UTC+1.
    let t = Schedule::new(20, 14, vec![7])
        .unwrap()
        .dates(q("2026Q4"), 1)
        .timeline(9, "Europe/Amsterdam")
        .unwrap();
    // Launch 10-20 09:00 CEST = 07:00 UTC; the reminder 10-27 09:00 CET = 08:00 UTC; the
    // last day 10-20 + 13 = 11-02 ends at 11-03 00:00 CET = 11-02 23:00 UTC.
    assert_eq!(t.launch_at, datetime!(2026-10-20 07:00));
    assert_eq!(t.reminders, vec![(7, datetime!(2026-10-27 08:00))]);
    assert_eq!(t.close_at, datetime!(2026-11-02 23:00));
}

#[test]
fn a_schedule_must_close_within_every_quarter_and_remind_while_open() {
    // Day 80 + 10 days: the last day is day 89, the shortest quarter's last.
    assert!(Schedule::new(80, 10, vec![]).is_ok());
    assert_eq!(
        Schedule::new(80, 11, vec![]),
        Err(ScheduleError::PastQuarter {
            launch_day: 80,
            days_open: 11
        })
    );
    assert_eq!(
        Schedule::new(0, 14, vec![]),
        Err(ScheduleError::LaunchDay(0))
    );
    assert_eq!(Schedule::new(1, 1, vec![]), Err(ScheduleError::DaysOpen(1)));
    assert_eq!(
        Schedule::new(1, 61, vec![]),
        Err(ScheduleError::DaysOpen(61))
    );
    // Open 14 days: reminders may fall on days 1–13 after launch.
    assert!(Schedule::new(1, 14, vec![13]).is_ok());
    assert_eq!(
        Schedule::new(1, 14, vec![3, 14]),
        Err(ScheduleError::ReminderDay {
            day: 14,
            days_open: 14
        })
    );
    assert_eq!(
        Schedule::new(1, 14, vec![0]),
        Err(ScheduleError::ReminderDay {
            day: 0,
            days_open: 14
        })
    );
    assert_eq!(
        Schedule::new(1, 14, vec![5, 3]),
        Err(ScheduleError::ReminderOrder)
    );
    assert_eq!(
        Schedule::new(1, 14, vec![3, 3]),
        Err(ScheduleError::ReminderOrder)
    );
    assert_eq!(
        Schedule::new(1, 30, vec![1, 2, 3, 4, 5, 6]),
        Err(ScheduleError::TooManyReminders)
    );
}

#[test]
fn reminder_days_parse_and_print_alike() {
    assert_eq!(parse_reminder_days(" 3, 5 ").unwrap(), vec![3, 5]);
    assert_eq!(parse_reminder_days("").unwrap(), Vec::<u16>::new());
    assert!(matches!(
        parse_reminder_days("3;5"),
        Err(ScheduleError::ReminderList(_))
    ));
    assert_eq!(format_reminder_days(&[3, 5]), "3,5");
    for s in ["launch", "remind-3", "close"] {
        assert_eq!(s.parse::<Step>().unwrap().to_string(), s);
    }
    assert!("remind-x".parse::<Step>().is_err());
}

fn utc() -> Timeline {
    // Launch 2026-10-06 09:00, reminders 10-09 and 10-11 09:00, close 10-20 00:00 (UTC).
    standard().dates(q("2026Q4"), 1).timeline(9, "UTC").unwrap()
}

const NOT_LAUNCHED: RoundState = RoundState { launched_at: None };
const ON_TIME: RoundState = RoundState {
    launched_at: Some(datetime!(2026-10-06 09:00)),
};

#[test]
fn the_launch_is_due_from_its_time_for_two_days() {
    let t = utc();
    assert_eq!(t.due(datetime!(2026-10-06 08:59), &[], NOT_LAUNCHED), None);
    assert_eq!(
        t.due(datetime!(2026-10-06 09:00), &[], NOT_LAUNCHED),
        Some(Step::Launch)
    );
    // A service stopped over the launch time launches when back within 48 h …
    assert_eq!(
        t.due(datetime!(2026-10-08 08:59), &[], NOT_LAUNCHED),
        Some(Step::Launch)
    );
    // … not later: the quarter is skipped, and the next step is in no part of it.
    assert_eq!(t.due(datetime!(2026-10-08 09:00), &[], NOT_LAUNCHED), None);
    assert_eq!(t.next(datetime!(2026-10-08 09:00), &[], NOT_LAUNCHED), None);
    // Taken once.
    assert_eq!(
        t.due(datetime!(2026-10-06 09:00), &[Step::Launch], NOT_LAUNCHED),
        None
    );
}

#[test]
fn reminders_are_due_on_their_days_once_and_a_missed_one_gives_way_to_the_next() {
    let t = utc();
    assert_eq!(
        t.due(datetime!(2026-10-07 12:00), &[Step::Launch], ON_TIME),
        None
    );
    assert_eq!(
        t.due(datetime!(2026-10-09 09:00), &[Step::Launch], ON_TIME),
        Some(Step::Remind(3))
    );
    let after_3 = [Step::Launch, Step::Remind(3)];
    assert_eq!(t.due(datetime!(2026-10-10 09:00), &after_3, ON_TIME), None);
    assert_eq!(
        t.due(datetime!(2026-10-11 09:00), &after_3, ON_TIME),
        Some(Step::Remind(5))
    );
    // Stopped from day 2 to day 6: only the day-5 reminder goes out, not both.
    assert_eq!(
        t.due(datetime!(2026-10-12 10:00), &[Step::Launch], ON_TIME),
        Some(Step::Remind(5))
    );
    // Nothing once the round's close time has come.
    assert_eq!(
        t.due(datetime!(2026-10-20 00:00), &[Step::Launch], ON_TIME),
        None
    );
}

#[test]
fn a_round_launched_after_a_reminders_time_gets_no_reminder_at_once() {
    let t = utc();
    let late = RoundState {
        launched_at: Some(datetime!(2026-10-10 08:00)),
    };
    assert_eq!(t.due(datetime!(2026-10-10 08:01), &[], late), None);
    assert_eq!(
        t.next(datetime!(2026-10-10 08:01), &[], late),
        Some((Step::Remind(5), datetime!(2026-10-11 09:00)))
    );
    assert_eq!(
        t.due(datetime!(2026-10-11 09:00), &[], late),
        Some(Step::Remind(5))
    );
}

#[test]
fn the_next_step_is_the_launch_then_each_reminder_then_the_close() {
    let t = utc();
    assert_eq!(
        t.next(datetime!(2026-10-01 00:00), &[], NOT_LAUNCHED),
        Some((Step::Launch, datetime!(2026-10-06 09:00)))
    );
    assert_eq!(
        t.next(datetime!(2026-10-06 10:00), &[Step::Launch], ON_TIME),
        Some((Step::Remind(3), datetime!(2026-10-09 09:00)))
    );
    assert_eq!(
        t.next(
            datetime!(2026-10-11 10:00),
            &[Step::Launch, Step::Remind(3), Step::Remind(5)],
            ON_TIME
        ),
        Some((Step::Close, datetime!(2026-10-20 00:00)))
    );
    assert_eq!(t.next(datetime!(2026-10-20 00:00), &[], ON_TIME), None);
}

proptest::proptest! {
    /// Every valid schedule falls inside every quarter it is applied to: launch on or after the
    /// first day, reminders after the launch day and on or before the last day to answer,
    /// that day within the quarter.
    #[test]
    fn every_valid_schedule_fits_its_quarter(
        launch_day in 1u16..=90,
        days_open in 2u16..=60,
        raw in proptest::collection::btree_set(1u16..60, 0..=5),
        year in 2020i32..2040,
        quarter in 1u8..=4,
        fy in 1u8..=12,
    ) {
        let Ok(s) = Schedule::new(launch_day, days_open, raw.into_iter().collect()) else {
            return Ok(());
        };
        let quarter = Quarter::new(year, quarter).unwrap();
        let d = s.dates(quarter, fy);
        proptest::prop_assert!(d.launch_on >= quarter.first_day(fy));
        proptest::prop_assert!(d.closes_on <= quarter.last_day(fy));
        for (_, on) in &d.reminders {
            proptest::prop_assert!(*on > d.launch_on && *on <= d.closes_on);
        }
    }

    /// Whatever the instant, a due step's time has come and the round is not yet closed; and
    /// once a step is recorded done it is never due again.
    #[test]
    fn a_due_step_is_in_its_window_and_never_twice(minutes in 0i64..(25 * 24 * 60)) {
        let t = utc();
        let now = datetime!(2026-10-01 00:00) + Duration::minutes(minutes);
        let state = if now >= t.launch_at { ON_TIME } else { NOT_LAUNCHED };
        if let Some(step) = t.due(now, &[], state) {
            proptest::prop_assert!(now < t.close_at);
            let at = match step {
                Step::Launch => t.launch_at,
                Step::Remind(d) => t.reminders.iter().find(|r| r.0 == d).unwrap().1,
                Step::Close => t.close_at,
            };
            proptest::prop_assert!(at <= now);
            proptest::prop_assert_eq!(t.due(now, &[step], state), None);
        }
    }
}

#[test]
fn the_shortest_quarter_is_february_to_april_of_a_common_year() {
    // A fiscal year from May: FY2021's fourth quarter is 2021-02-01..2021-04-30,
    // 28 + 31 + 30 = 89 days. The longest valid schedule closes on its last day.
    let longest = Schedule::new(1, 60, vec![]).unwrap();
    let d = longest.dates(q("2021Q4"), 5);
    assert_eq!(d.launch_on, date!(2021 - 02 - 01));
    let late = Schedule::new(40, 50, vec![]).unwrap();
    let d = late.dates(q("2021Q4"), 5);
    // Day 40 is 02-01 + 39 = 03-12; open 50 days, the last is 03-12 + 49 = 04-30.
    assert_eq!(d.launch_on, date!(2021 - 03 - 12));
    assert_eq!(d.closes_on, date!(2021 - 04 - 30));
    assert_eq!(q("2021Q4").last_day(5), date!(2021 - 04 - 30));
    assert!(Schedule::new(40, 51, vec![]).is_err());
}
