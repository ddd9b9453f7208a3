//! Importing five years of the CTO's calendar — 20,000 events, 500 of them recurring series —
//! and classifying it. Target (issue 19): under 2 s. Two benches: the pure part (read,
//! expand, classify, credit overlaps, split per quarter) and the whole import into a
//! SQLite file (the same plus the window's replacement in one transaction), beside the
//! baseline of the same run: the same rows replaced by the `sqlite3` CLI with raw SQL.

use std::fmt::Write as _;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use ctopulse::app::time_split::{self as app, CalendarFile, TimeSplitConfig};
use ctopulse::domain::time_split::classify::default_rules;
use ctopulse::domain::time_split::split::{quarter_of, summarize};
use ctopulse::domain::time_split::tally::{hours_by, Entry};
use ctopulse::domain::time_split::{
    classify, read_calendar, ImportOptions, Rules, Targets, Window,
};

/// Recurring series: weekly, 21 occurrences less one EXDATE each → 10,000 events.
const SERIES: usize = 500;
const PER_SERIES: usize = 21;
/// Single events → 10,000 more.
const SINGLES: usize = 10_000;

/// A Google-shaped export spread over five years (2022–2026), in Europe/Amsterdam.
fn calendar() -> String {
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nX-WR-CALNAME:cto@ourco.example\r\nX-WR-TIMEZONE:Europe/Amsterdam\r\n");
    let titles = [
        "Customer call",
        "Sprint review",
        "Partner sync",
        "Webinar prep",
        "Board prep",
        "Coffee",
        "Lunch",
    ];
    let domains = [
        "acme.example",
        "ourco.example",
        "partner.example",
        "analyst.example",
    ];
    for s in 0..SERIES {
        // Series start spread over the five years, each on a weekday at 09:00–16:00.
        let day = (s * 3) % 1700;
        let start = jiff::civil::date(2022, 1, 3)
            .checked_add(jiff::Span::new().days(day as i64))
            .unwrap();
        let hour = 9 + (s % 8);
        let _ = write!(
            out,
            "BEGIN:VEVENT\r\nUID:series-{s}\r\nDTSTART;TZID=Europe/Amsterdam:{:04}{:02}{:02}T{hour:02}0000\r\nDTEND;TZID=Europe/Amsterdam:{:04}{:02}{:02}T{hour:02}3000\r\nRRULE:FREQ=WEEKLY;COUNT={PER_SERIES}\r\nEXDATE;TZID=Europe/Amsterdam:{:04}{:02}{:02}T{hour:02}0000\r\nSUMMARY:{} {s}\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:a@{}\r\nEND:VEVENT\r\n",
            start.year(), start.month(), start.day(),
            start.year(), start.month(), start.day(),
            start.year(), start.month(), start.day(),
            titles[s % titles.len()],
            domains[s % domains.len()],
        );
    }
    for e in 0..SINGLES {
        let day = (e * 7) % 1800;
        let start = jiff::civil::date(2022, 1, 3)
            .checked_add(jiff::Span::new().days(day as i64))
            .unwrap();
        let hour = 9 + (e % 8);
        let _ = write!(
            out,
            "BEGIN:VEVENT\r\nUID:single-{e}\r\nDTSTART;TZID=Europe/Amsterdam:{:04}{:02}{:02}T{hour:02}1500\r\nDTEND;TZID=Europe/Amsterdam:{:04}{:02}{:02}T{:02}0000\r\nSUMMARY:{} {e}\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:b@{}\r\nEND:VEVENT\r\n",
            start.year(), start.month(), start.day(),
            start.year(), start.month(), start.day(), hour + 1,
            titles[e % titles.len()],
            domains[e % domains.len()],
        );
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn window() -> Window {
    Window {
        from: "2022-01-01T00:00:00Z".parse().unwrap(),
        to: "2027-01-01T00:00:00Z".parse().unwrap(),
    }
}

fn bench(c: &mut Criterion) {
    let text = calendar();
    let now: Timestamp = "2027-01-01T00:00:00Z".parse().unwrap();
    let mut opts = ImportOptions::new(vec!["cto@ourco.example".into()], TimeZone::UTC, now);
    opts.window = Some(window());
    opts.max_years = 10;
    let rules = Rules {
        own_domains: vec!["ourco.example".into()],
        rules: default_rules(),
    };
    let (_, occ) = read_calendar(text.as_bytes(), &opts).unwrap();
    // 500 × 20 less one EXDATE each, plus the singles.
    assert_eq!(occ.len(), SERIES * (PER_SERIES - 1) + SINGLES);
    eprintln!("calendar: {} bytes, {} events", text.len(), occ.len());

    let mut group = c.benchmark_group("time split");
    group.sample_size(10);
    group.bench_function("read, expand, classify, split 20k events", |b| {
        b.iter(|| {
            let (_, occ) = read_calendar(black_box(text.as_bytes()), &opts).unwrap();
            let entries: Vec<Entry> = occ
                .iter()
                .map(|o| Entry {
                    key: o.key.clone(),
                    start: o.start,
                    end: o.end,
                    category: classify(o, &rules).category,
                })
                .collect();
            let tz = TimeZone::UTC;
            let by = hours_by(&entries, &[], |t| quarter_of(t, &tz, 1), |_| None);
            let targets = Targets::default();
            black_box(
                by.values()
                    .map(|h| summarize(h, &targets))
                    .collect::<Vec<_>>(),
            )
        })
    });

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let settings = {
        let env = std::collections::HashMap::from([("CTOPULSE_DATABASE_URL".to_string(), url)]);
        let lookup = move |k: &str| env.get(k).cloned();
        ctopulse::config::Settings::load(None, &lookup, &Default::default()).unwrap()
    };
    let pool = ctopulse::startup::prepare_database(&settings).unwrap();
    let cfg = TimeSplitConfig::from_settings(&settings);
    let file = CalendarFile {
        name: "bench.ics".into(),
        bytes: text.into_bytes(),
    };
    group.bench_function(
        "import 20k events into SQLite (replacing the window)",
        |b| {
            b.iter(|| {
                let mut conn = ctopulse::db::pool::checkout(&pool).unwrap();
                let r = app::import(
                    &mut conn,
                    std::slice::from_ref(&file),
                    Some(window()),
                    &cfg,
                    "bench",
                    ctopulse::clock::now(),
                )
                .unwrap();
                black_box(r.stored)
            })
        },
    );
    bare_sqlite3(&mut group, &dir.path().join("bench.db"));
    group.finish();
}

/// The baseline of the same run: the rows the import just stored, written again by the
/// `sqlite3` CLI with raw SQL on the same file and pragmas (WAL, `synchronous = FULL`,
/// foreign keys): one transaction deleting the window and inserting the same 20,000 rows,
/// one `INSERT` each as `.mode insert` writes them. No calendar reading, classification or
/// ids: what any import must do in the database. Process start is included (a few ms).
fn bare_sqlite3(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    db: &std::path::Path,
) {
    use std::process::{Command, Stdio};
    let dump = Command::new("sqlite3")
        .arg(db)
        .arg(".mode insert time_entries")
        .arg("SELECT * FROM time_entries")
        .output();
    let rows = match dump {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => panic!("sqlite3 dump: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => {
            eprintln!("no sqlite3 CLI ({e}): the bare baseline is skipped");
            return;
        }
    };
    assert_eq!(rows.lines().count(), SERIES * (PER_SERIES - 1) + SINGLES);
    let script = format!(
        "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;\n\
         BEGIN IMMEDIATE;\n\
         DELETE FROM time_entries WHERE starts_at >= '2022-01-01 00:00:00' AND starts_at < '2027-01-01 00:00:00';\n\
         {rows}COMMIT;\n"
    );
    group.bench_function("bare sqlite3 CLI: the same 20k rows replaced", |b| {
        b.iter(|| {
            let mut child = Command::new("sqlite3")
                .arg(db)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .expect("sqlite3");
            {
                use std::io::Write;
                let mut stdin = child.stdin.take().expect("stdin");
                stdin.write_all(script.as_bytes()).expect("script");
            }
            assert!(child.wait().expect("sqlite3 exit").success());
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
