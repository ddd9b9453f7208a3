//! Reading real-shaped exports: Google (Europe/Amsterdam) and Outlook (Windows zone names,
//! Asia/Seoul), recurring series with moved and cancelled instances, all-day and multi-day
//! events, declined invitations, DST.

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::expand::{read_calendar, ImportOptions, Occurrence, Window};
use super::ImportError;

const GOOGLE: &str = include_str!("../../../tests/fixtures/calendar/google_europe_amsterdam.ics");
const OUTLOOK: &str = include_str!("../../../tests/fixtures/calendar/outlook_asia_seoul.ics");

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn opts(zone: &str, from: &str, to: &str) -> ImportOptions {
    let mut o = ImportOptions::new(
        vec!["CTO@ourco.com".into()],
        TimeZone::get(zone).unwrap(),
        ts(to),
    );
    o.window = Some(Window {
        from: ts(from),
        to: ts(to),
    });
    o
}

fn starts(occ: &[Occurrence], title_part: &str) -> Vec<String> {
    occ.iter()
        .filter(|o| o.title.contains(title_part))
        .map(|o| o.start.to_string())
        .collect()
}

#[test]
fn google_weekly_meeting_keeps_its_local_time_across_dst_with_moved_and_cancelled_instances() {
    let (_, occ) = read_calendar(
        GOOGLE.as_bytes(),
        &opts("UTC", "2026-03-01T00:00:00Z", "2026-04-15T00:00:00Z"),
    )
    .unwrap();
    // Thursdays 10:00 Amsterdam: 5 and 12 March (CET, 09:00Z); 19 March EXDATE; 26 March
    // moved to Friday 27 March 14:00 (CEST since 29 March, 12:00Z); 2 April cancelled by
    // its override; 9 April 10:00 CEST = 08:00Z.
    assert_eq!(
        starts(&occ, "leadership sync"),
        vec![
            "2026-03-05T09:00:00Z",
            "2026-03-12T09:00:00Z",
            "2026-03-27T13:00:00Z",
            "2026-04-09T08:00:00Z"
        ]
    );
    // The moved instance keeps the key of the instance it replaces.
    let moved = occ.iter().find(|o| o.title.contains("(moved)")).unwrap();
    assert_eq!(
        moved.key,
        format!(
            "7kq2weekly@google.com|{}",
            ts("2026-03-26T09:00:00Z").as_second()
        )
    );
    assert_eq!(moved.end.duration_since(moved.start).as_secs(), 3600);
}

#[test]
fn google_declined_free_and_cancelled_events_are_left_out() {
    let (_, occ) = read_calendar(
        GOOGLE.as_bytes(),
        &opts("UTC", "2026-03-01T00:00:00Z", "2026-04-15T00:00:00Z"),
    )
    .unwrap();
    for gone in ["brown bag", "expenses", "Partner intro"] {
        assert!(starts(&occ, gone).is_empty(), "{gone} should be left out");
    }
    // 4 weekly + 1 customer meeting + 2 conference days.
    assert_eq!(occ.len(), 7, "{occ:#?}");
}

#[test]
fn attendees_are_reduced_to_domains_without_the_owner_or_rooms() {
    let (_, occ) = read_calendar(
        GOOGLE.as_bytes(),
        &opts("UTC", "2026-03-01T00:00:00Z", "2026-04-15T00:00:00Z"),
    )
    .unwrap();
    let renewal = occ.iter().find(|o| o.title.starts_with("Renewal")).unwrap();
    assert_eq!(renewal.title, "Renewal, roadmap and pricing");
    assert_eq!(renewal.domains, vec!["eu.acme.com".to_string()]);
    let weekly = occ.iter().find(|o| o.title.contains("leadership")).unwrap();
    assert_eq!(weekly.domains, vec!["ourco.com".to_string()]);
}

#[test]
fn a_multi_day_all_day_event_counts_a_working_day_per_day_in_the_calendar_zone() {
    let (_, occ) = read_calendar(
        GOOGLE.as_bytes(),
        &opts("UTC", "2026-03-01T00:00:00Z", "2026-04-15T00:00:00Z"),
    )
    .unwrap();
    // X-WR-TIMEZONE is Europe/Amsterdam: 09:00 CET = 08:00Z, for 8 hours, on 16 and 17 March.
    let days: Vec<(String, String)> = occ
        .iter()
        .filter(|o| o.all_day)
        .map(|o| (o.start.to_string(), o.end.to_string()))
        .collect();
    assert_eq!(
        days,
        vec![
            (
                "2026-03-16T08:00:00Z".to_string(),
                "2026-03-16T16:00:00Z".to_string()
            ),
            (
                "2026-03-17T08:00:00Z".to_string(),
                "2026-03-17T16:00:00Z".to_string()
            ),
        ]
    );
    assert!(occ
        .iter()
        .filter(|o| o.all_day)
        .all(|o| o.categories == vec!["Evangelism".to_string()]));
}

#[test]
fn outlook_windows_zones_seoul_without_dst_and_amsterdam_with_it() {
    let (_, occ) = read_calendar(
        OUTLOOK.as_bytes(),
        &opts("Asia/Seoul", "2026-10-01T00:00:00Z", "2026-11-30T00:00:00Z"),
    )
    .unwrap();
    // Weekdays 09:00 KST = 00:00Z, 20–30 October (UNTIL 30 Oct 00:00Z is inclusive): 9 days,
    // unmoved by Amsterdam's change on 25 October.
    let standup = starts(&occ, "standup");
    assert_eq!(standup.len(), 9, "{standup:?}");
    assert!(standup.iter().all(|s| s.ends_with("T00:00:00Z")));
    assert_eq!(standup.first().unwrap(), "2026-10-20T00:00:00Z");
    assert_eq!(standup.last().unwrap(), "2026-10-30T00:00:00Z");
    // Mondays 17:00 "W. Europe Standard Time": CEST (15:00Z) on 19 Oct, CET (16:00Z) after.
    assert_eq!(
        starts(&occ, "Analyst briefing"),
        vec![
            "2026-10-19T15:00:00Z",
            "2026-10-26T16:00:00Z",
            "2026-11-02T16:00:00Z"
        ]
    );
    // All-day 22–23 October in the default zone (Seoul): 09:00 KST = 00:00Z.
    assert_eq!(
        starts(&occ, "advisory board"),
        vec!["2026-10-22T00:00:00Z", "2026-10-23T00:00:00Z"]
    );
    assert!(starts(&occ, "lunch").is_empty());
    assert!(starts(&occ, "Vendor review").is_empty());
}

fn cal(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n")
}

#[test]
fn an_rrule_without_end_is_bounded_by_the_window() {
    let text = cal("BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T093000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n");
    let (_, occ) = read_calendar(
        text.as_bytes(),
        &opts("UTC", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
    )
    .unwrap();
    assert_eq!(occ.len(), 28);
}

#[test]
fn a_default_window_runs_from_the_first_event_to_now() {
    let text = cal("BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T093000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n");
    let o = ImportOptions::new(vec![], TimeZone::UTC, ts("2026-01-29T00:00:00Z"));
    let (w, occ) = read_calendar(text.as_bytes(), &o).unwrap();
    assert_eq!(w.from, ts("2026-01-01T09:00:00Z"));
    assert_eq!(w.to, ts("2026-01-29T00:00:00Z"));
    // 1, 8, 15, 22 January; the 29th at 09:00 has not happened yet.
    assert_eq!(occ.len(), 4);
}

#[test]
fn a_runaway_rrule_is_refused_naming_its_line() {
    let text = cal("BEGIN:VEVENT\r\nUID:m\r\nDTSTART:20260101T090000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n");
    let err = read_calendar(
        text.as_bytes(),
        &opts("UTC", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
    )
    .unwrap_err();
    assert_eq!(err.line(), Some(6), "{err}");
    assert!(err.to_string().contains("RRULE"), "{err}");
}

#[test]
fn bad_content_is_refused_naming_its_line() {
    let cases = [
        ("BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Base:20260101T090000\r\nEND:VEVENT\r\n", 5, "Mars/Base"),
        ("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026-01-01\r\nEND:VEVENT\r\n", 5, "DTSTART"),
        ("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", 3, "DTSTART"),
        ("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T090000Z\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\n", 6, "RRULE"),
        ("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T080000Z\r\nEND:VEVENT\r\n", 3, "ends before"),
    ];
    for (body, line, word) in cases {
        let err = read_calendar(
            cal(body).as_bytes(),
            &opts("UTC", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(line), "{body}: {err}");
        assert!(err.to_string().contains(word), "{body}: {err}");
    }
    assert!(matches!(
        read_calendar(
            b"not,a,calendar\n",
            &opts("UTC", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z")
        ),
        Err(ImportError::NotCalendar(_))
    ));
}

#[test]
fn reading_the_same_file_twice_gives_the_same_occurrences() {
    let o = opts("UTC", "2026-03-01T00:00:00Z", "2026-04-15T00:00:00Z");
    assert_eq!(
        read_calendar(GOOGLE.as_bytes(), &o).unwrap(),
        read_calendar(GOOGLE.as_bytes(), &o).unwrap()
    );
}
