//! The service stack without the network, over the 10,000-employee company on SQLite and
//! PostgreSQL: the real actix `App` (`startup::app`: the same route table, middleware and
//! state the server runs) driven in-process with `actix_web::test`.
//! - a survey submission: POST /survey/{round} of a valid engineering-culture form (12
//!   answers) for a fresh invitation each iteration;
//! - page renders with a signed-in staff session: /dashboard (CTO), /board (board), /admin
//!   and /admin/rounds/{id} of the open 10,000-invitation round (admin) — target < 50 ms.

mod support;

use std::time::{Duration, Instant};

use actix_web::http::{header, StatusCode};
use actix_web::rt::System;
use actix_web::test;
use criterion::{criterion_group, criterion_main, Criterion};

use ctopulse::auth::Role;
use ctopulse::clock;
use ctopulse::db::schema::rounds;
use ctopulse::domain::department::Department;
use ctopulse::domain::question::QuestionKind;
use ctopulse::startup::app;
use ctopulse::tokens;
use diesel::prelude::*;
use support::bench_data;

/// A valid form body for the culture survey, without the CSRF field.
fn culture_answers(t: &ctopulse::domain::template::Template) -> String {
    let mut fields: Vec<(String, String)> = Vec::new();
    for q in t.questions_for(Some(Department::Engineering)) {
        let v = match q.kind() {
            QuestionKind::Likert5 => "4".to_string(),
            QuestionKind::Nps11 => "9".to_string(),
            QuestionKind::Text => "Deploys got faster this quarter.".to_string(),
            QuestionKind::Choice => match q.value_range() {
                Some((lo, _)) => lo.to_string(),
                None => continue,
            },
        };
        fields.push((format!("q_{}", q.key()), v));
    }
    serde_urlencoded::to_string(fields).unwrap_or_else(|e| panic!("{e}"))
}

fn submission(c: &mut Criterion) {
    for b in support::backends() {
        let state = b.state();
        let culture = state
            .templates
            .get("engineering-culture")
            .cloned()
            .unwrap_or_else(|| panic!("shipped template engineering-culture"));
        let current = bench_data::current_quarter(clock::now(), &b.settings);
        // The company's open round is CSAT; this quarter's culture round is the bench's own.
        {
            let mut conn = b.conn();
            let stale: Vec<ctopulse::domain::ids::RoundId> = rounds::table
                .filter(rounds::quarter.eq(current.to_string()))
                .filter(rounds::template_key.eq(culture.key()))
                .select(rounds::id)
                .load(&mut *conn)
                .unwrap_or_else(|e| panic!("{e}"));
            for id in stale {
                bench_data::discard_round(&mut conn, id).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        let round = {
            let mut conn = b.conn();
            let launch = clock::now() - time::Duration::hours(1);
            bench_data::open_round(&mut conn, &b.settings, &culture, current, launch)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let answers = culture_answers(&culture);
        let https = b.settings.is_https();
        let cookie_name = if https {
            format!("__Host-s-{round}")
        } else {
            format!("s-{round}")
        };
        let sys = System::new();
        let service = sys.block_on(test::init_service(app(actix_web::web::Data::new(state))));
        let mut group = c.benchmark_group(format!("submit/{}", b.label));
        group
            .sample_size(30)
            .measurement_time(Duration::from_secs(8));
        group.bench_function("POST /survey/{round} culture form, 12 answers", |bn| {
            bn.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                let mut left = iters as usize;
                while left > 0 {
                    // Untimed: fresh links for invitations nobody answered (reset when used up).
                    let tokens = {
                        let mut conn = b.conn();
                        let mut open = bench_data::unanswered(&mut conn, round)
                            .unwrap_or_else(|e| panic!("{e}"));
                        if open.is_empty() {
                            bench_data::reset_round(&mut conn, round)
                                .unwrap_or_else(|e| panic!("{e}"));
                            open = bench_data::unanswered(&mut conn, round)
                                .unwrap_or_else(|e| panic!("{e}"));
                        }
                        open.truncate(left);
                        bench_data::issue_links(&mut conn, round, &open)
                            .unwrap_or_else(|e| panic!("{e}"))
                    };
                    left -= tokens.len();
                    let bodies: Vec<(String, String)> = tokens
                        .iter()
                        .map(|t| {
                            let csrf = tokens::derive("survey-csrf", t);
                            (
                                format!("{cookie_name}={t}"),
                                format!("{answers}&csrf_token={csrf}"),
                            )
                        })
                        .collect();
                    let t0 = Instant::now();
                    sys.block_on(async {
                        for (cookie, body) in bodies {
                            let req = test::TestRequest::post()
                                .uri(&format!("/survey/{round}"))
                                .insert_header((header::COOKIE, cookie))
                                .insert_header((
                                    header::CONTENT_TYPE,
                                    "application/x-www-form-urlencoded",
                                ))
                                .set_payload(body)
                                .to_request();
                            let resp = test::call_service(&service, req).await;
                            assert_eq!(resp.status(), StatusCode::OK, "submission refused");
                            let _ = test::read_body(resp).await;
                        }
                    });
                    timed += t0.elapsed();
                }
                timed
            })
        });
        group.finish();
        let mut conn = b.conn();
        bench_data::discard_round(&mut conn, round).unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{}: load average {}", b.label, support::loadavg());
    }
}

fn pages(c: &mut Criterion) {
    for b in support::backends() {
        let state = b.state();
        let admin = support::staff_cookie(&b, Role::Admin);
        let cto = support::staff_cookie(&b, Role::Cto);
        let board = support::staff_cookie(&b, Role::Board);
        let open = b.marker.open_round;
        let sys = System::new();
        let service = sys.block_on(test::init_service(app(actix_web::web::Data::new(state))));
        let mut group = c.benchmark_group(format!("pages/{}", b.label));
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(8));
        let round_page = format!("/admin/rounds/{open}");
        for (path, cookie) in [
            ("/dashboard", &cto),
            ("/board", &board),
            ("/admin", &admin),
            (round_page.as_str(), &admin),
        ] {
            let get = || {
                test::TestRequest::get()
                    .uri(path)
                    .insert_header((header::COOKIE, cookie.clone()))
                    .to_request()
            };
            // Fail loudly if the page does not render for this session.
            let size = sys.block_on(async {
                let resp = test::call_service(&service, get()).await;
                assert_eq!(resp.status(), StatusCode::OK, "GET {path}");
                test::read_body(resp).await.len()
            });
            eprintln!("{}: GET {path}: {size} bytes", b.label);
            let label = if path == round_page {
                "/admin/rounds/{open round}"
            } else {
                path
            };
            group.bench_function(format!("GET {label}"), |bn| {
                bn.iter_custom(|iters| {
                    let t0 = Instant::now();
                    sys.block_on(async {
                        for _ in 0..iters {
                            let resp = test::call_service(&service, get()).await;
                            assert_eq!(resp.status(), StatusCode::OK, "GET {path}");
                            let _ = test::read_body(resp).await;
                        }
                    });
                    t0.elapsed()
                })
            });
        }
        group.finish();
        eprintln!("{}: load average {}", b.label, support::loadavg());
    }
}

criterion_group!(benches, submission, pages);
criterion_main!(benches);
