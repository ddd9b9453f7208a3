//! Building a scorecard with trends from the sufficient statistics of a 10,000-employee
//! company × 8 quarters × 3 surveys. Target: under 10 ms.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rand::rngs::StdRng;
use rand::SeedableRng;
use time::macros::date;

use ctopulse::domain::audience::Audience;
use ctopulse::domain::department::Department;
use ctopulse::domain::quarter::Quarter;
use ctopulse::domain::question::{QuestionKind, Role};
use ctopulse::domain::scoring::*;

/// Employees per department: 10,000 in all.
const HEADCOUNT: [(Department, u32); 5] = [
    (Department::Sales, 3000),
    (Department::Bd, 800),
    (Department::Marketing, 1200),
    (Department::Engineering, 4000),
    (Department::Ceo, 1000),
];

fn template(key: &str) -> TemplateRef {
    TemplateRef {
        key: key.into(),
        version: 1,
        content_hash: "sha256:bench".into(),
    }
}

fn item(
    key: String,
    kind: QuestionKind,
    role: Option<Role>,
    section: Option<Department>,
) -> ItemInput {
    ItemInput {
        key,
        kind,
        role,
        section,
        allow_na: true,
    }
}

fn empty_round(quarter: Quarter, audience: Audience, key: &str) -> RoundInput {
    RoundInput {
        quarter,
        audience,
        template: template(key),
        k: 5,
        comment_threshold: 10,
        status: RoundStatus::Sealed,
        groups: Vec::new(),
        items: Vec::new(),
        value_counts: Vec::new(),
        culture_tallies: Vec::new(),
        alignment_tallies: Vec::new(),
        comments: Vec::new(),
        comment_counts: Vec::new(),
        drivers: Vec::new(),
    }
}

/// Spreads `n` answers over a 1–5 scale, tilted by `seed`.
fn likert_counts(group: &str, item: &str, n: u32, seed: u32, rows: &mut Vec<ValueCountRow>) {
    let shares = [5, 10, 20, 35, 30];
    let mut left = n;
    for (i, s) in shares.iter().enumerate() {
        let c = if i == 4 {
            left
        } else {
            (n * (s + (seed + i as u32) % 7) / 100).min(left)
        };
        left -= c;
        rows.push(ValueCountRow {
            group: group.into(),
            item: item.into(),
            value: Some(i as i32 + 1),
            count: c,
        });
    }
    rows.push(ValueCountRow {
        group: group.into(),
        item: item.into(),
        value: None,
        count: n / 50,
    });
}

fn csat_round(quarter: Quarter, seed: u32) -> RoundInput {
    let mut r = empty_round(quarter, Audience::InternalCsat, "internal-csat");
    r.items.push(item(
        "overall".into(),
        QuestionKind::Likert5,
        Some(Role::CsatOverall),
        None,
    ));
    for (d, _) in HEADCOUNT {
        for j in 0..6 {
            r.items.push(item(
                format!("{}_{j}", d.key()),
                QuestionKind::Likert5,
                None,
                Some(d),
            ));
        }
    }
    r.items
        .push(item("comment".into(), QuestionKind::Text, None, None));
    for (d, head) in HEADCOUNT {
        let answered = head * 7 / 10;
        r.groups.push(GroupInput {
            key: d.key().into(),
            departments: vec![d],
            weight: d.default_weight(),
            delivered: head - head / 100,
            answered,
        });
        likert_counts(d.key(), "overall", answered, seed, &mut r.value_counts);
        for j in 0..6 {
            likert_counts(
                d.key(),
                &format!("{}_{j}", d.key()),
                answered,
                seed + j,
                &mut r.value_counts,
            );
        }
        for c in 0..answered / 20 {
            r.comments.push(CommentRow {
                group: d.key().into(),
                item: "comment".into(),
                text: format!("comment {c} from {} about the platform team", d.key()),
            });
        }
    }
    r
}

fn culture_round(quarter: Quarter, seed: u32) -> RoundInput {
    let mut r = empty_round(quarter, Audience::EngineeringCulture, "engineering-culture");
    for j in 0..4 {
        r.items.push(item(
            format!("p{j}"),
            QuestionKind::Likert5,
            Some(Role::Productivity),
            None,
        ));
        r.items.push(item(
            format!("h{j}"),
            QuestionKind::Likert5,
            Some(Role::Happiness),
            None,
        ));
    }
    r.items.push(item(
        "enps".into(),
        QuestionKind::Nps11,
        Some(Role::Enps),
        None,
    ));
    let answered = 3200;
    r.groups.push(GroupInput {
        key: "engineering".into(),
        departments: vec![Department::Engineering],
        weight: 20.0,
        delivered: 4000,
        answered,
    });
    for j in 0..4 {
        likert_counts(
            "engineering",
            &format!("p{j}"),
            answered,
            seed + j,
            &mut r.value_counts,
        );
        likert_counts(
            "engineering",
            &format!("h{j}"),
            answered,
            seed + j + 4,
            &mut r.value_counts,
        );
    }
    for v in 0..=10 {
        r.value_counts.push(ValueCountRow {
            group: "engineering".into(),
            item: "enps".into(),
            value: Some(v),
            count: 100 + (v as u32 * 37 + seed) % 400,
        });
    }
    // Every (productivity sum, happiness sum) over four answered items each: 17 × 17 tuples.
    for p in 4..=20 {
        for h in 4..=20 {
            r.culture_tallies.push(CultureTallyRow {
                group: "engineering".into(),
                productivity_sum: p,
                productivity_items: 4,
                happiness_sum: h,
                happiness_items: 4,
                respondents: 1 + (p * h + seed) % 21,
            });
        }
    }
    r
}

fn alignment_round(quarter: Quarter, seed: u32) -> RoundInput {
    let mut r = empty_round(
        quarter,
        Audience::TechStrategyAlignment,
        "tech-strategy-alignment",
    );
    for j in 0..5 {
        r.items.push(item(
            format!("a{j}"),
            QuestionKind::Likert5,
            Some(Role::Alignment),
            None,
        ));
    }
    for (key, delivered, answered) in [("ceo", 40, 30), ("board", 9, 8), ("executives", 60, 45)] {
        r.groups.push(GroupInput {
            key: key.into(),
            departments: if key == "ceo" {
                vec![Department::Ceo]
            } else {
                vec![]
            },
            weight: 0.0,
            delivered,
            answered,
        });
        for j in 0..5 {
            likert_counts(
                key,
                &format!("a{j}"),
                answered,
                seed + j,
                &mut r.value_counts,
            );
        }
        for sum in 5..=25 {
            r.alignment_tallies.push(AlignmentTallyRow {
                group: key.into(),
                alignment_sum: sum,
                alignment_items: 5,
                respondents: (sum + seed) % 3,
            });
        }
    }
    r
}

fn company() -> ScorecardInput {
    let quarter = Quarter::new(2026, 3).unwrap_or_else(|_| unreachable!());
    let mut rounds = Vec::new();
    for (i, q) in quarter.trailing(8).into_iter().enumerate() {
        let seed = i as u32 * 3;
        rounds.push(csat_round(q, seed));
        rounds.push(culture_round(q, seed));
        rounds.push(alignment_round(q, seed));
    }
    let mut events = Vec::new();
    // One set of HR events on the 28th of each month from October 2025 to September 2026.
    let months = [10u8, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    for (i, m) in months.into_iter().enumerate() {
        let year = if i < 3 { 2025 } else { 2026 };
        let month = time::Month::try_from(m).unwrap_or(time::Month::January);
        let date = time::Date::from_calendar_date(year, month, 28).unwrap_or(date!(2026 - 01 - 28));
        events.push(HrEvent {
            date,
            kind: HrEventKind::TopTalentHeadcount,
            count: 400,
            regretted: false,
            top_talent: true,
        });
        events.push(HrEvent {
            date,
            kind: HrEventKind::Exit,
            count: 3,
            regretted: true,
            top_talent: true,
        });
        events.push(HrEvent {
            date,
            kind: HrEventKind::OfferAccepted,
            count: 20,
            regretted: false,
            top_talent: false,
        });
        events.push(HrEvent {
            date,
            kind: HrEventKind::OfferDeclined,
            count: 6,
            regretted: false,
            top_talent: false,
        });
    }
    ScorecardInput {
        quarter,
        rounds,
        hr: HrInput {
            quarter_first_day: date!(2026 - 07 - 01),
            quarter_last_day: date!(2026 - 09 - 30),
            events,
        },
        inflection_points: vec![InflectionInput {
            title: "LLM platforms".into(),
            assessment: Assessment::OnTime,
            confirmation: Confirmation::Confirmed,
            notes: String::new(),
        }],
        thresholds: StatusThresholds::default(),
        include_comments: true,
    }
}

fn bench(c: &mut Criterion) {
    let input = company();
    let mut rng = StdRng::seed_from_u64(7);
    // Fail loudly (in the bench, not the engine) if the fixture is rejected.
    match build_scorecard(&input, &mut rng) {
        Ok(card) => eprintln!(
            "statuses: A {:?} / B {:?} / C {:?}",
            card.measure_a.status.reason,
            card.measure_b.status.reason,
            card.measure_c.status.reason
        ),
        Err(e) => panic!("bench input rejected: {e}"),
    }
    c.bench_function("scorecard 10k employees × 8 quarters × 3 surveys", |b| {
        b.iter(|| build_scorecard(black_box(&input), &mut rng))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
