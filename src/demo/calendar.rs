//! The demo CTO's calendar: two years generated as a Google-shaped `.ics` export and loaded
//! through the real import (`app::time_split::import`), so the dashboard's time split has a
//! history that fits the demo's story.
//!
//! The plot: near the article's 70/30 at first, slightly inward; drawn inward during the
//! attrition spike (quarter 3) and the sales low (quarter 4) — the CTO is hiring, keeping
//! people and firefighting; back near 35/20/15/30 by the last closed quarter. Weekly
//! recurring meetings, declined invitations, cancelled meetings, lunches (not work time),
//! conference days and a few "coffee" meetings no rule knows (shown as unclassified) make it
//! look like a real calendar.

use std::fmt::Write as _;

use rand::{Rng, SeedableRng};
use time::{Date, Duration, PrimitiveDateTime, Weekday};

use super::company::DOMAIN;
use super::story::{ATTRITION_SPIKE, HISTORY, SALES_LOW};
use super::{DemoError, CTO_ACTOR, SEED};
use crate::app::time_split::{self as app, CalendarFile, TimeSplitConfig};
use crate::config::Settings;
use crate::db::DbConnection;
use crate::domain::quarter::Quarter;
use crate::domain::time_split::{Category, Rule, RuleKind};

/// Customers, partners and analysts/press of the demo company (reserved `.example` names).
const CUSTOMERS: [&str; 4] = [
    "acme-retail.example",
    "globex.example",
    "hooli.example",
    "umbrella-health.example",
];
const PARTNERS: [&str; 2] = ["initech-cloud.example", "vandelay-systems.example"];
const ANALYSTS: [&str; 2] = ["analyst-house.example", "techpress.example"];

/// Planned share of calendar work time per quarter index (0–7 closed, 8 the current one):
/// sales, marketing, BD, internal engineering, internal executive (percent).
fn plan(h: usize) -> [f64; 5] {
    match h {
        _ if h == ATTRITION_SPIKE => [20.0, 9.0, 8.0, 45.0, 18.0],
        _ if h == SALES_LOW => [23.0, 10.0, 9.0, 40.0, 18.0],
        5 => [28.0, 14.0, 11.0, 32.0, 15.0],
        6 => [32.0, 17.0, 13.0, 26.0, 12.0],
        7 => [35.0, 19.0, 15.0, 21.0, 10.0],
        _ if h >= HISTORY => [34.0, 20.0, 15.0, 21.0, 10.0],
        _ => [31.0, 16.0, 13.0, 27.0, 13.0],
    }
}

/// Calendar work hours a week besides the two recurring meetings.
const WEEK_HOURS: f64 = 28.0;

/// Adds the demo's domain rules and imports the generated calendar. Returns events stored.
pub fn load(
    conn: &mut DbConnection,
    settings: &Settings,
    history: &[Quarter],
    now: PrimitiveDateTime,
) -> Result<usize, DemoError> {
    let failed = |e: app::TimeSplitError| DemoError::Failed(format!("the demo calendar: {e}"));
    let rules = CUSTOMERS
        .iter()
        .map(|d| (*d, Category::Sales))
        .chain(PARTNERS.iter().map(|d| (*d, Category::Bd)))
        .chain(ANALYSTS.iter().map(|d| (*d, Category::Marketing)));
    for (domain, category) in rules {
        app::add_rule(
            conn,
            &Rule::new(RuleKind::Domain, domain, category),
            CTO_ACTOR,
            now,
        )
        .map_err(failed)?;
    }
    let mut cfg = TimeSplitConfig::from_settings(settings);
    cfg.settings.owner_emails = vec![format!("cto@{DOMAIN}")];
    cfg.settings.own_domains = vec![DOMAIN.to_string()];
    let fy = settings.fiscal_year_start_month;
    let text = ics(history, fy, now.date());
    let file = CalendarFile {
        name: "demo-cto-calendar.ics".into(),
        bytes: text.into_bytes(),
    };
    let report = app::import(conn, &[file], None, &cfg, CTO_ACTOR, now).map_err(failed)?;
    Ok(report.stored)
}

const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nX-LIC-LOCATION:Europe/Amsterdam\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

fn stamp(d: Date, hour: u8) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}0000",
        d.year(),
        u8::from(d.month()),
        d.day(),
        hour
    )
}

fn day(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The calendar from the first Monday of the history to `today`, as Google exports it.
pub fn ics(history: &[Quarter], fy: u8, today: Date) -> String {
    let mut rng = rand::rngs::StdRng::seed_from_u64(SEED ^ 0x7153);
    let mut out = String::with_capacity(2 << 20);
    out.push_str("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
    let _ = write!(
        out,
        "X-WR-CALNAME:cto@{DOMAIN}\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\n"
    );
    out.push_str(VTIMEZONE);
    let Some(first) = history.first() else {
        out.push_str("END:VCALENDAR\r\n");
        return out;
    };
    let mut monday = first.first_day(fy);
    while monday.weekday() != Weekday::Monday {
        monday = monday.next_day().unwrap_or(monday);
    }
    let me = format!("ATTENDEE;PARTSTAT=ACCEPTED;CN=CTO:mailto:cto@{DOMAIN}\r\n");
    // Two weekly series without end: the exec staff meeting and the architecture review.
    for (uid, weekday, title, offset) in [
        ("exec-staff", "MO", "Exec staff meeting", 0),
        ("arch-review", "TU", "Platform architecture review", 1),
    ] {
        let d = monday + Duration::days(offset);
        let _ = write!(
            out,
            "BEGIN:VEVENT\r\nUID:{uid}@demo.northwind\r\nDTSTART;TZID=Europe/Amsterdam:{}\r\nDTEND;TZID=Europe/Amsterdam:{}\r\nRRULE:FREQ=WEEKLY;BYDAY={weekday}\r\nSUMMARY:{title}\r\nORGANIZER:mailto:ceo@{DOMAIN}\r\n{me}STATUS:CONFIRMED\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n",
            stamp(d, 9),
            stamp(d, 10)
        );
    }
    let mut n = 0usize;
    while monday <= today {
        let h = history
            .iter()
            .position(|q| *q == Quarter::containing(monday, fy))
            .unwrap_or(HISTORY);
        let shares = plan(h);
        // Free hour slots: Monday–Friday 09:00–17:00 but lunch, less the two series.
        let mut slots: Vec<(i64, u8)> = (0..5)
            .flat_map(|d| {
                [9u8, 10, 11, 13, 14, 15, 16]
                    .into_iter()
                    .map(move |t| (d, t))
            })
            .filter(|s| *s != (0, 9) && *s != (1, 9))
            .collect();
        let mut take = |rng: &mut rand::rngs::StdRng| -> Option<(Date, u8)> {
            if slots.is_empty() {
                return None;
            }
            let (d, t) = slots.swap_remove(rng.random_range(0..slots.len()));
            Some((monday + Duration::days(d), t))
        };
        for (i, share) in shares.iter().enumerate() {
            // The series give 2 h of internal time a week; singles fill the rest.
            let hours = WEEK_HOURS * share / 100.0 - if i >= 3 { 1.0 } else { 0.0 };
            let whole =
                hours.max(0.0).floor() as usize + usize::from(rng.random::<f64>() < hours.fract());
            for _ in 0..whole {
                let Some((d, t)) = take(&mut rng) else { break };
                if d > today {
                    continue;
                }
                n += 1;
                let (title, who) = single(i, &mut rng);
                let _ = write!(
                    out,
                    "BEGIN:VEVENT\r\nUID:e{n}@demo.northwind\r\nDTSTART;TZID=Europe/Amsterdam:{}\r\nDTEND;TZID=Europe/Amsterdam:{}\r\nSUMMARY:{title}\r\n{me}{who}STATUS:CONFIRMED\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n",
                    stamp(d, t),
                    stamp(d, t + 1)
                );
            }
        }
        // Texture: a coffee no rule knows, a declined invitation, a cancelled meeting, lunch.
        for kind in 0..4 {
            let Some((d, t)) = take(&mut rng) else { break };
            if d > today || rng.random::<f64>() < 0.4 {
                continue;
            }
            n += 1;
            let body = match kind {
                0 => format!("SUMMARY:Coffee with a new hire\r\n{me}"),
                1 => format!("SUMMARY:Optional: brown bag\r\nATTENDEE;PARTSTAT=DECLINED;CN=CTO:mailto:cto@{DOMAIN}\r\n"),
                2 => "SUMMARY:Vendor pitch\r\nSTATUS:CANCELLED\r\n".to_string(),
                _ => "SUMMARY:Lunch with family\r\n".to_string(),
            };
            let _ = write!(
                out,
                "BEGIN:VEVENT\r\nUID:t{n}@demo.northwind\r\nDTSTART;TZID=Europe/Amsterdam:{}\r\nDTEND;TZID=Europe/Amsterdam:{}\r\n{body}END:VEVENT\r\n",
                stamp(d, t),
                stamp(d, t + 1)
            );
        }
        // A two-day conference in the middle month of the quarters after the dip.
        if h >= 6 && monday.day() <= 7 && u8::from(monday.month()) % 3 == 2 {
            let d = monday + Duration::days(3);
            if d + Duration::days(2) <= today {
                let _ = write!(
                    out,
                    "BEGIN:VEVENT\r\nUID:conf{n}@demo.northwind\r\nDTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\nSUMMARY:Conference: DevWorld keynote\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n",
                    day(d),
                    day(d + Duration::days(2))
                );
            }
        }
        monday += Duration::days(7);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// Title and attendee lines of a single event of plan category `i`.
fn single(i: usize, rng: &mut rand::rngs::StdRng) -> (String, String) {
    let pick =
        |list: &[&'static str], rng: &mut rand::rngs::StdRng| list[rng.random_range(0..list.len())];
    let guest = |domain: &str| format!("ATTENDEE;PARTSTAT=ACCEPTED:mailto:guest@{domain}\r\n");
    match i {
        0 if rng.random::<f64>() < 0.8 => {
            let d = pick(&CUSTOMERS, rng);
            (
                format!("Call with {}", d.trim_end_matches(".example")),
                guest(d),
            )
        }
        0 => ("Deal review: enterprise pipeline".into(), String::new()),
        1 if rng.random::<f64>() < 0.5 => {
            let d = pick(&ANALYSTS, rng);
            ("Briefing".into(), guest(d))
        }
        1 => (
            pick(
                &["Webinar rehearsal", "Podcast recording", "Keynote prep"],
                rng,
            )
            .into(),
            String::new(),
        ),
        2 => {
            let d = pick(&PARTNERS, rng);
            ("Joint roadmap sync".into(), guest(d))
        }
        3 => (
            pick(
                &[
                    "Sprint review",
                    "1:1 with a team lead",
                    "Design review",
                    "Standup drop-in",
                ],
                rng,
            )
            .into(),
            format!("ATTENDEE;PARTSTAT=ACCEPTED:mailto:lead@{DOMAIN}\r\n"),
        ),
        _ => (
            pick(
                &["Board prep", "CEO 1:1", "Leadership offsite planning"],
                rng,
            )
            .into(),
            String::new(),
        ),
    }
}
