//! A believable company's quarter, for golden images, benches and previews of the report.
//!
//! "Northwind Robotics", 2026Q3: five CSAT groups (business development too small to report),
//! a culture survey with eNPS, an alignment survey of the CEO's office and the board, four
//! inflection points (one missed, two not yet confirmed), HR events with high regretted
//! attrition, and eight quarters of history in which weighted CSAT drops sharply this quarter.

use rand::rngs::StdRng;
use rand::SeedableRng;
use time::macros::date;

use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::quarter::Quarter;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::scoring::drivers::{DriverFit, DriverRow, Estimate, ItemImportance};
use crate::domain::scoring::inputs::*;
use crate::domain::scoring::{build_scorecard, Scorecard, ScoringError};

/// The sample company's name.
pub const COMPANY: &str = "Northwind Robotics";

/// The sample's commentary from the CTO.
pub const COMMENTARY: &str = "We misjudged how fast on-device inference would reach our \
price point; a platform team is re-scoping the Q4 roadmap around it. Sales CSAT fell after the \
delayed 4.2 release; weekly release notes and a named engineer per key account start in October.";

fn quarter(year: i32, q: u8) -> Quarter {
    // Only called with literal, valid quarters below; the fallback is never reached.
    Quarter::new(year, q).unwrap_or_else(|_| Quarter::containing(date!(2026 - 07 - 01), 1))
}

fn item(key: &str, kind: QuestionKind, role: Option<Role>) -> ItemInput {
    ItemInput {
        key: key.into(),
        kind,
        role,
        section: None,
        allow_na: false,
    }
}

fn group(key: &str, departments: &[Department], delivered: u32, answered: u32) -> GroupInput {
    GroupInput {
        key: key.into(),
        departments: departments.to_vec(),
        weight: departments.iter().map(|d| d.default_weight()).sum(),
        delivered,
        answered,
    }
}

fn round(q: Quarter, audience: Audience, template: &str, version: u32) -> RoundInput {
    RoundInput {
        quarter: q,
        audience,
        template: TemplateRef {
            key: template.into(),
            version,
            content_hash: format!("sha256:{template}-v{version}"),
        },
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

fn counts(group: &str, item: &str, values: &[(i32, u32)]) -> Vec<ValueCountRow> {
    values
        .iter()
        .filter(|(_, c)| *c > 0)
        .map(|&(value, count)| ValueCountRow {
            group: group.into(),
            item: item.into(),
            value: Some(value),
            count,
        })
        .collect()
}

/// Internal CSAT: per group (key, departments, delivered, answered, favourable answers).
fn csat(q: Quarter, groups: &[(&str, &[Department], u32, u32, u32)]) -> RoundInput {
    let mut r = round(q, Audience::InternalCsat, "internal-csat", 1);
    r.items = vec![item(
        "overall",
        QuestionKind::Likert5,
        Some(Role::CsatOverall),
    )];
    for &(key, deps, delivered, answered, fav) in groups {
        r.groups.push(group(key, deps, delivered, answered));
        let unfav = answered - fav;
        r.value_counts.extend(counts(
            key,
            "overall",
            &[
                (2, unfav / 2),
                (3, unfav - unfav / 2),
                (4, fav - fav / 3),
                (5, fav / 3),
            ],
        ));
    }
    r
}

/// Engineering culture: quadrant counts (happy & productive, burnout, friction, neither) and
/// eNPS (promoters, passives, detractors) over one engineering group of `delivered`.
fn culture(q: Quarter, delivered: u32, quad: [u32; 4], enps: [u32; 3]) -> RoundInput {
    let mut r = round(q, Audience::EngineeringCulture, "engineering-culture", 2);
    r.items = vec![
        item("focus", QuestionKind::Likert5, Some(Role::Productivity)),
        item(
            "clear_priorities",
            QuestionKind::Likert5,
            Some(Role::Productivity),
        ),
        item(
            "here_in_a_year",
            QuestionKind::Likert5,
            Some(Role::Happiness),
        ),
        item(
            "respected_and_heard",
            QuestionKind::Likert5,
            Some(Role::Happiness),
        ),
        item("enps", QuestionKind::Nps11, Some(Role::Enps)),
    ];
    let answered = quad.iter().sum();
    r.groups.push(group(
        "engineering",
        &[Department::Engineering],
        delivered,
        answered,
    ));
    let sums = [(9, 9), (9, 6), (6, 9), (5, 5)];
    for (&(p, h), &n) in sums.iter().zip(&quad) {
        if n > 0 {
            r.culture_tallies.push(CultureTallyRow {
                group: "engineering".into(),
                productivity_sum: p,
                productivity_items: 2,
                happiness_sum: h,
                happiness_items: 2,
                respondents: n,
            });
        }
    }
    let [promoters, passives, detractors] = enps;
    r.value_counts.extend(counts(
        "engineering",
        "enps",
        &[
            (10, promoters / 2),
            (9, promoters - promoters / 2),
            (8, passives),
            (5, detractors),
        ],
    ));
    r
}

/// Tech strategy alignment: aligned / not aligned respondents in the CEO's office and board.
fn alignment(q: Quarter, ceo: (u32, u32), board: (u32, u32)) -> RoundInput {
    let mut r = round(
        q,
        Audience::TechStrategyAlignment,
        "tech-strategy-alignment",
        1,
    );
    r.items = vec![
        item("a1", QuestionKind::Likert5, Some(Role::Alignment)),
        item("a2", QuestionKind::Likert5, Some(Role::Alignment)),
        item("a3", QuestionKind::Likert5, Some(Role::Alignment)),
    ];
    for (key, deps, (aligned, not), delivered) in [
        ("ceo", &[Department::Ceo][..], ceo, 8),
        ("board", &[][..], board, 7),
    ] {
        r.groups.push(group(key, deps, delivered, aligned + not));
        for (sum, n) in [(13, aligned), (9, not)] {
            if n > 0 {
                r.alignment_tallies.push(AlignmentTallyRow {
                    group: key.into(),
                    alignment_sum: sum,
                    alignment_items: 3,
                    respondents: n,
                });
            }
        }
    }
    r
}

/// A stored key-driver analysis with intervals of ±40 % around each value.
fn driver_row(
    analysis: &str,
    outcome: &str,
    (n, r2): (u64, f64),
    items: &[(&str, f64)],
) -> DriverRow {
    let est = |v: f64| Estimate {
        estimate: v,
        low: v * 0.6,
        high: (v * 1.4).min(1.0),
    };
    DriverRow {
        analysis: analysis.into(),
        outcome: outcome.into(),
        min_respondents: 20,
        fit: Some(DriverFit {
            n,
            r_squared: est(r2),
            items: items
                .iter()
                .map(|&(item, v)| ItemImportance {
                    item: item.into(),
                    importance: est(v),
                })
                .collect(),
        }),
    }
}

/// The latest CSAT round's department items and key drivers: sales' customer meetings lead.
fn with_csat_drivers(r: &mut RoundInput) {
    for (key, d) in [
        ("sales_customer_meetings", Department::Sales),
        ("sales_customer_feedback", Department::Sales),
        ("eng_decisions_explained", Department::Engineering),
        ("eng_keeps_learning", Department::Engineering),
    ] {
        r.items.push(ItemInput {
            section: Some(d),
            ..item(key, QuestionKind::Likert5, None)
        });
    }
    r.drivers = vec![
        driver_row(
            "sales",
            "overall",
            (34, 0.58),
            &[
                ("sales_customer_meetings", 0.41),
                ("sales_customer_feedback", 0.17),
            ],
        ),
        driver_row(
            "engineering",
            "overall",
            (50, 0.44),
            &[
                ("eng_decisions_explained", 0.26),
                ("eng_keeps_learning", 0.18),
            ],
        ),
    ];
}

/// The shipped templates' titles and their questions' short names, as the service passes
/// them (`app::scorecard`).
pub fn sample_labels() -> crate::charts::ItemLabels {
    let mut labels = crate::charts::ItemLabels::new();
    if let Ok(set) = crate::domain::template::TemplateSet::shipped() {
        for t in set.templates() {
            let title = crate::charts::layout::TEMPLATE_TITLE.to_string();
            labels.insert((t.key().to_string(), title), t.title().clone());
            for q in t.questions() {
                labels.insert(
                    (t.key().to_string(), q.key().to_string()),
                    q.short().clone(),
                );
            }
        }
    }
    labels
}

/// The sample's scorecard input for 2026Q3.
pub fn sample_input() -> ScorecardInput {
    use Department::*;
    let quarters: Vec<Quarter> = quarter(2026, 3).trailing(8);
    // Favourable sales answers per quarter, oldest first: a sharp fall in the last one.
    let sales_fav = [24, 25, 24, 26, 27, 26, 28, 17];
    let mut rounds = Vec::new();
    for (i, &q) in quarters.iter().enumerate() {
        rounds.push(csat(
            q,
            &[
                ("sales", &[Sales], 48, 36, sales_fav[i]),
                ("marketing", &[Marketing], 22, 17, 12 + (i as u32 % 3)),
                ("bd", &[Bd], 6, 3, 2),
                ("engineering", &[Engineering], 70, 52, 41 + (i as u32 % 4)),
                ("ceo", &[Ceo], 8, 7, 6),
            ],
        ));
        if i == quarters.len() - 1 {
            if let Some(r) = rounds.last_mut() {
                with_csat_drivers(r);
            }
        }
        let ph = [30, 31, 29, 33, 34, 32, 35, 36][i];
        rounds.push(culture(q, 84, [ph, 14, 9, 8], [27, 25, 16]));
        if i == quarters.len() - 1 {
            if let Some(r) = rounds.last_mut() {
                r.drivers = vec![driver_row(
                    "all",
                    "enps",
                    (66, 0.56),
                    &[
                        ("here_in_a_year", 0.24),
                        ("respected_and_heard", 0.19),
                        ("focus", 0.08),
                        ("clear_priorities", 0.05),
                    ],
                )];
            }
        }
        // The alignment survey started three quarters into the history.
        if i >= 3 {
            rounds.push(alignment(q, (5 + (i as u32 % 2), 2), (4, 2)));
        }
    }
    let events = vec![
        hr(
            date!(2025 - 10 - 01),
            HrEventKind::TopTalentHeadcount,
            24,
            false,
            true,
        ),
        hr(
            date!(2026 - 04 - 01),
            HrEventKind::TopTalentHeadcount,
            26,
            false,
            true,
        ),
        hr(date!(2026 - 01 - 20), HrEventKind::Exit, 2, true, true),
        hr(date!(2026 - 08 - 14), HrEventKind::Exit, 1, true, true),
        hr(
            date!(2026 - 07 - 10),
            HrEventKind::OfferAccepted,
            9,
            false,
            false,
        ),
        hr(
            date!(2026 - 09 - 02),
            HrEventKind::OfferDeclined,
            3,
            false,
            false,
        ),
    ];
    ScorecardInput {
        quarter: quarter(2026, 3),
        rounds,
        hr: HrInput {
            quarter_first_day: date!(2026 - 07 - 01),
            quarter_last_day: date!(2026 - 09 - 30),
            events,
        },
        inflection_points: vec![
            point(
                "On-device LLM inference",
                Assessment::Missed,
                Confirmation::Confirmed,
            ),
            point(
                "EU AI Act conformity tooling",
                Assessment::Late,
                Confirmation::Unconfirmed,
            ),
            point(
                "Vector search in the core product",
                Assessment::OnTime,
                Confirmation::Confirmed,
            ),
            point(
                "Humanoid manipulation platforms",
                Assessment::Watching,
                Confirmation::Unconfirmed,
            ),
        ],
        thresholds: StatusThresholds::default(),
        include_comments: false,
    }
}

fn hr(date: time::Date, kind: HrEventKind, count: u32, regretted: bool, top: bool) -> HrEvent {
    HrEvent {
        date,
        kind,
        count,
        regretted,
        top_talent: top,
    }
}

fn point(title: &str, assessment: Assessment, confirmation: Confirmation) -> InflectionInput {
    InflectionInput {
        title: title.into(),
        assessment,
        confirmation,
        notes: String::new(),
    }
}

/// The sample's scorecard, built by the real scoring engine.
pub fn sample_scorecard() -> Result<Scorecard, ScoringError> {
    // Comments are not requested, so the generator is never drawn from; seeded regardless.
    build_scorecard(&sample_input(), &mut StdRng::seed_from_u64(7))
}

/// The date the sample's rounds closed.
pub fn sample_as_of() -> time::Date {
    date!(2026 - 09 - 30)
}

/// The sample labels, made once.
pub static SAMPLE_LABELS: std::sync::LazyLock<crate::charts::ItemLabels> =
    std::sync::LazyLock::new(sample_labels);

/// The sample company's report context in `locale`: what the goldens, the reason tests and
/// the board pack's tests draw.
pub fn sample_context(
    locale: crate::domain::locale::Locale,
) -> crate::charts::ReportContext<'static> {
    crate::charts::ReportContext {
        company: COMPANY,
        locale,
        as_of: Some(sample_as_of()),
        commentary: Some(COMMENTARY),
        methodology: crate::charts::Methodology::default(),
        labels: &SAMPLE_LABELS,
        actions: &[],
        actions_total: 0,
        time_split: None,
    }
}
