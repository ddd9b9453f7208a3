//! Database-scale benchmarks over the 10,000-employee company (8 sealed quarters of all
//! three surveys), on SQLite and PostgreSQL:
//! - sealing one open round of 10,000 respondents (shuffled rewrite, link deletion and
//!   tallies in one transaction) — target < 2 s;
//! - the scorecard with trends for the latest quarter, loaded from tallies exactly as
//!   `GET /api/v1/scorecard` loads it — target < 50 ms.

mod support;

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion, SamplingMode};
use rand::rngs::StdRng;
use rand::SeedableRng;

use ctopulse::app::scorecard::{self, Options};
use ctopulse::clock;
use ctopulse::db::schema::rounds;
use ctopulse::db::seal;
use diesel::prelude::*;
use support::bench_data::{self, Mood};

/// Deletes rounds an interrupted run left in the scratch quarter.
fn clear_scratch(b: &support::Bench, quarter: &str) {
    let mut conn = b.conn();
    let ids: Vec<ctopulse::domain::ids::RoundId> = rounds::table
        .filter(rounds::quarter.eq(quarter))
        .select(rounds::id)
        .load(&mut *conn)
        .unwrap_or_else(|e| panic!("{e}"));
    for id in ids {
        bench_data::discard_round(&mut conn, id).unwrap_or_else(|e| panic!("{e}"));
    }
}

fn seal_round(c: &mut Criterion) {
    for b in support::backends() {
        let templates =
            ctopulse::startup::load_templates(&b.settings).unwrap_or_else(|e| panic!("{e}"));
        let csat =
            bench_data::template(&templates, "internal-csat").unwrap_or_else(|e| panic!("{e}"));
        // The quarter after the open one: scratch rounds there never touch the company's data.
        let scratch = bench_data::current_quarter(clock::now(), &b.settings).next();
        clear_scratch(&b, &scratch.to_string());
        let mut rng = StdRng::seed_from_u64(11);
        let mut setup = Duration::ZERO;
        let mut setups = 0u32;
        let mut scrubbed = Duration::ZERO;
        let mut drivers = Duration::ZERO;
        let mut group = c.benchmark_group(format!("seal/{}", b.label));
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(15));
        let respondents = b.marker.employees;
        group.bench_function(format!("close_and_seal {respondents} respondents"), |bn| {
            bn.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                for _ in 0..iters {
                    let mut conn = b.conn();
                    // Untimed: a fresh open round, every invitee answered, every link live.
                    let t0 = Instant::now();
                    let launch = clock::now() - time::Duration::hours(1);
                    let id = bench_data::open_round(&mut conn, &b.settings, csat, scratch, launch)
                        .unwrap_or_else(|e| panic!("{e}"));
                    let (links, _) = bench_data::answer_round(
                        &mut conn,
                        csat,
                        id,
                        1.0,
                        &Mood::for_round(0, 0),
                        true,
                        &mut rng,
                    )
                    .unwrap_or_else(|e| panic!("{e}"));
                    setup += t0.elapsed();
                    setups += 1;

                    let t1 = Instant::now();
                    let report =
                        ctopulse::app::rounds::close_and_seal(&mut conn, id, clock::now(), "bench")
                            .unwrap_or_else(|e| panic!("seal: {e}"));
                    timed += t1.elapsed();
                    assert_eq!(
                        report.responses, respondents as usize,
                        "every invitee answered"
                    );
                    assert_eq!(report.links_deleted, links);
                    // Untimed: the key drivers alone, recomputed on the sealed round, to say
                    // what share of the seal above they are.
                    let t3 = Instant::now();
                    ctopulse::app::rounds::recompute_drivers(
                        &mut conn,
                        id,
                        csat,
                        ctopulse::app::rounds::SealOptions::default(),
                    )
                    .unwrap_or_else(|e| panic!("drivers: {e}"));
                    drivers += t3.elapsed();
                    // Untimed: the scrub runs after the commit, off the caller's path.
                    let t2 = Instant::now();
                    seal::scrub(&mut conn).unwrap_or_else(|e| panic!("scrub: {e}"));
                    scrubbed += t2.elapsed();

                    bench_data::discard_round(&mut conn, id).unwrap_or_else(|e| panic!("{e}"));
                }
                timed
            })
        });
        group.finish();
        if setups > 0 {
            eprintln!(
                "{}: untimed set-up of a {respondents}-respondent open round: {:.2} s on average (load {})",
                b.label,
                setup.as_secs_f64() / f64::from(setups),
                support::loadavg()
            );
            eprintln!(
                "{}: key drivers alone (part of the seal above; recomputed untimed): {:.3} s on average",
                b.label,
                drivers.as_secs_f64() / f64::from(setups)
            );
            eprintln!(
                "{}: post-seal scrub (background, untimed): {:.2} s on average",
                b.label,
                scrubbed.as_secs_f64() / f64::from(setups)
            );
        }
    }
}

fn scorecard_load(c: &mut Criterion) {
    for b in support::backends() {
        let opts = Options {
            include_comments: true,
            comment_sample: None,
            thresholds: b.settings.thresholds,
            fiscal_year_start_month: b.settings.fiscal_year_start_month,
        };
        let mut conn = b.conn();
        let mut rng = StdRng::seed_from_u64(5);
        let loaded = scorecard::load(&mut conn, None, &opts, &mut rng)
            .unwrap_or_else(|e| panic!("{}: scorecard: {e}", b.label));
        eprintln!(
            "{}: scorecard {} with {} rounds in the quarter, {} trend series × {} points",
            b.label,
            loaded.scorecard.quarter,
            loaded.scorecard.rounds.len(),
            loaded.scorecard.trends.len(),
            loaded
                .scorecard
                .trends
                .first()
                .map_or(0, |t| t.points.len())
        );
        let mut group = c.benchmark_group(format!("scorecard/{}", b.label));
        group
            .sample_size(30)
            .measurement_time(Duration::from_secs(8));
        group.bench_function(
            format!(
                "latest quarter + 7 from tallies, {} employees",
                b.marker.employees
            ),
            |bn| {
                bn.iter(|| {
                    scorecard::load(&mut conn, None, black_box(&opts), &mut rng)
                        .unwrap_or_else(|e| panic!("{e}"))
                })
            },
        );
        group.finish();
        eprintln!("{}: load average {}", b.label, support::loadavg());
    }
}

criterion_group!(benches, scorecard_load, seal_round);
criterion_main!(benches);
