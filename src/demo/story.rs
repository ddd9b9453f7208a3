//! The plot of the demo: what each of the eight closed quarters holds. Pure data; `history`
//! turns it into rounds, answers and register entries.
//!
//! Quarters are indexed oldest first: 0 is eight quarters ago, 7 the last closed one.
//! - 1: BD is at its partner summit during the survey window; only k − 1 answer, so their
//!   CSAT is suppressed (and measure C is not comparable with the quarters around it).
//! - 2: "Platform engineering" is assessed late (board confirms): measure A amber.
//! - 3: sales CSAT starts to slide; three extra top engineers leave and offers are declined:
//!   both lagging indicators breach, measure B red.
//! - 4: sales CSAT bottoms out below 50 %: measure C red.
//! - 5: sales recovers halfway; "Generative AI in the product" is missed (board confirms):
//!   measure A red.
//! - 6: sales is back; "EU data residency" is assessed ahead, which the board disputes.
//! - 7: the platform team's new developer environments land: productive-and-happy jumps by
//!   more than 20 points — the one big surprise of the history.
//!
//! Every other quarter-over-quarter move of a headline figure stays under 4 points, so no
//! other quarter flags a surprise whatever the company size.

use crate::domain::department::Department;
use crate::domain::scoring::Assessment;

/// Closed quarters before the current one.
pub const HISTORY: usize = 8;
/// The quarter whose BD answers fall below k.
pub const BD_BELOW_K: usize = 1;
/// The quarter with the big surprise.
pub const SURPRISE: usize = 7;
/// The quarter with the missed inflection point.
pub const MISSED: usize = 5;
/// The quarter with the late inflection point.
pub const LATE: usize = 2;
/// The quarter of the attrition spike.
pub const ATTRITION_SPIKE: usize = 3;
/// The quarter where sales CSAT bottoms out.
pub const SALES_LOW: usize = 4;

/// Departments in the order of the arrays below.
pub const DEPARTMENTS: [Department; 5] = Department::ALL;

/// Favourable share on the overall-satisfaction item, per quarter and department
/// (sales, bd, marketing, engineering, ceo).
const CSAT: [[f64; 5]; HISTORY] = [
    [0.78, 0.72, 0.74, 0.70, 0.82],
    [0.77, 0.71, 0.73, 0.71, 0.80],
    [0.76, 0.70, 0.75, 0.69, 0.83],
    [0.63, 0.71, 0.74, 0.70, 0.82],
    [0.47, 0.70, 0.72, 0.71, 0.80],
    [0.64, 0.72, 0.73, 0.72, 0.79],
    [0.76, 0.73, 0.75, 0.74, 0.80],
    [0.79, 0.75, 0.77, 0.76, 0.84],
];
/// The item each department's satisfaction hinges on (what the key-driver analysis should
/// find): sales judge the CTO by the customer meetings they join, so when sales slid, that
/// item slid with it and the analysis marks it "fix first".
pub const KEY_DRIVERS: [&str; 5] = [
    "sales_customer_meetings",
    "bd_partner_meetings",
    "mkt_evangelism",
    "eng_decisions_explained",
    "ceo_no_surprises",
];

/// The favourable share of a department item that does not follow overall satisfaction: the
/// level a department is used to, so only the key driver moves with a slide.
pub const CSAT_ITEM_BASELINE: f64 = 0.78;

/// How often a department item follows the respondent's overall satisfaction rather than an
/// independent draw at [`CSAT_ITEM_BASELINE`]: nearly always for the key driver, seldom otherwise.
pub fn csat_item_loading(key: &str) -> f64 {
    if KEY_DRIVERS.contains(&key) {
        0.9
    } else {
        0.3
    }
}

/// The current quarter's round, as its answers come in.
const CSAT_NOW: [f64; 5] = [0.80, 0.76, 0.77, 0.78, 0.84];
/// Response rate of the internal-CSAT survey per department.
const CSAT_RESPONSE: [f64; 5] = [0.72, 0.78, 0.80, 0.76, 0.85];

/// The CSAT plan of one department in one quarter.
pub fn csat(quarter: usize, dept: Department) -> f64 {
    let i = dept_index(dept);
    CSAT.get(quarter).map_or(CSAT_NOW[i], |row| row[i])
}

/// The internal-CSAT response rate of a department.
pub fn csat_response(dept: Department) -> f64 {
    CSAT_RESPONSE[dept_index(dept)]
}

/// Share of the current round answered when the demo starts.
pub const CURRENT_ANSWERED: f64 = 0.40;

fn dept_index(dept: Department) -> usize {
    DEPARTMENTS.iter().position(|d| *d == dept).unwrap_or(0)
}

/// How the engineers feel in one quarter: exact shares of the four quadrants and of eNPS
/// promoters and detractors among respondents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CulturePlan {
    pub productive_happy: f64,
    /// Productive but unhappy: burnout risk.
    pub productive_unhappy: f64,
    /// Happy but unproductive: friction.
    pub happy_unproductive: f64,
    pub promoters: f64,
    pub detractors: f64,
}

const PRODUCTIVE_HAPPY: [f64; HISTORY] = [0.47, 0.46, 0.45, 0.42, 0.43, 0.44, 0.45, 0.68];
const BURNOUT: [f64; HISTORY] = [0.15, 0.16, 0.17, 0.20, 0.18, 0.17, 0.16, 0.10];
const ENPS: [f64; HISTORY] = [8.0, 6.0, 4.0, -3.0, -1.0, 2.0, 5.0, 29.0];
/// Response rate of the engineering-culture survey.
pub const CULTURE_RESPONSE: f64 = 0.82;

/// The culture plan of a quarter.
pub fn culture(quarter: usize) -> CulturePlan {
    let q = quarter.min(HISTORY - 1);
    // Promoters and detractors around a 36 % base, split to give the eNPS.
    let enps = ENPS[q];
    CulturePlan {
        productive_happy: PRODUCTIVE_HAPPY[q],
        productive_unhappy: BURNOUT[q],
        happy_unproductive: if q == SURPRISE { 0.10 } else { 0.12 },
        promoters: 0.36 + enps / 200.0,
        detractors: 0.36 - enps / 200.0,
    }
}

const ALIGNED: [f64; HISTORY] = [0.66, 0.65, 0.63, 0.62, 0.59, 0.56, 0.58, 0.61];
/// Response rate of the alignment survey.
pub const ALIGNMENT_RESPONSE: f64 = 0.9;

/// Share of alignment respondents whose index is ≥ 4.
pub fn aligned(quarter: usize) -> f64 {
    ALIGNED[quarter.min(HISTORY - 1)]
}

/// One assessment in the inflection-point register.
#[derive(Debug, Clone, Copy)]
pub struct RegisterStep {
    pub quarter: usize,
    pub assessment: Assessment,
    pub cto_note: &'static str,
    /// None: left unconfirmed; Some((dispute, note)).
    pub board: Option<(bool, &'static str)>,
}

/// An inflection point and its history.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub title: &'static str,
    pub description: &'static str,
    pub first_seen: usize,
    pub steps: &'static [RegisterStep],
}

const fn step(
    quarter: usize,
    assessment: Assessment,
    cto_note: &'static str,
    board: Option<(bool, &'static str)>,
) -> RegisterStep {
    RegisterStep {
        quarter,
        assessment,
        cto_note,
        board,
    }
}

/// The register.
pub const POINTS: [Point; 3] = [
    Point {
        title: "Platform engineering",
        description: "Internal developer platforms on Kubernetes replace hand-run environments.",
        first_seen: 0,
        steps: &[
            step(
                0,
                Assessment::Watching,
                "Two competitors are hiring platform teams.",
                Some((false, "Agreed.")),
            ),
            step(
                1,
                Assessment::Watching,
                "Building the business case.",
                Some((false, "")),
            ),
            step(
                LATE,
                Assessment::Late,
                "We started the migration two quarters after we should have.",
                Some((false, "Confirmed: the delay shows in release cadence.")),
            ),
            step(
                3,
                Assessment::OnTime,
                "Migration on plan; half the services moved.",
                Some((false, "")),
            ),
        ],
    },
    Point {
        title: "Generative AI in the product",
        description: "LLM-based assistants in the customer workflow.",
        first_seen: 3,
        steps: &[
            step(
                3,
                Assessment::Watching,
                "Prototyping with two design partners.",
                Some((false, "")),
            ),
            step(
                4,
                Assessment::Watching,
                "Waiting for model costs to fall.",
                None,
            ),
            step(
                MISSED,
                Assessment::Missed,
                "A competitor shipped an assistant to our top accounts first; we had no answer.",
                Some((false, "Confirmed. Sales lost two renewals over it.")),
            ),
            step(
                6,
                Assessment::Late,
                "Our assistant is in beta with ten customers.",
                Some((false, "")),
            ),
            step(
                7,
                Assessment::OnTime,
                "Generally available; usage doubling monthly.",
                None,
            ),
        ],
    },
    Point {
        title: "EU data residency",
        description: "Customers in the EU require data to stay in EU regions.",
        first_seen: 5,
        steps: &[
            step(
                5,
                Assessment::Watching,
                "Regulators signalling stricter rules.",
                Some((false, "")),
            ),
            step(
                6,
                Assessment::Ahead,
                "Frankfurt region built before the first customer asked.",
                Some((
                    true,
                    "Ahead is generous: the region is not generally available yet.",
                )),
            ),
            step(
                7,
                Assessment::Ahead,
                "Region live; three enterprise deals closed on it.",
                Some((false, "Agreed now.")),
            ),
        ],
    },
];

/// The CTO's commentary on some quarters.
pub const COMMENTARIES: [(usize, &str); 6] = [
    (
        BD_BELOW_K,
        "BD was at its partner summit while the survey ran and only a few answered, so their \
         CSAT is withheld this quarter: k protects them. The platform business case goes to \
         the board next month.",
    ),
    (
        LATE,
        "We were late to platform engineering. The migration is funded and staffed; I expect \
         to be on time by next quarter.",
    ),
    (
        ATTRITION_SPIKE,
        "Three of our strongest staff engineers left for AI start-ups and two offers were \
         declined for the same reason. Sales also tells me I am missing from late-stage deals. \
         Both are on me.",
    ),
    (
        SALES_LOW,
        "Sales CSAT below 50 % is the clearest signal I have had. I am back in the weekly deal \
         review and we publish a customer-facing roadmap every month.",
    ),
    (
        MISSED,
        "We missed generative AI. The board is right to mark it red. A tiger team ships a beta \
         next quarter; sales CSAT is recovering.",
    ),
    (
        SURPRISE,
        "The new developer environments cut build loops from twenty minutes to three and \
         on-call load halved. Engineers noticed: productive-and-happy is up more than twenty \
         points.",
    ),
];

/// HR numbers of one quarter at the full 150-engineer size (scaled for other sizes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HrQuarter {
    pub regretted_top_exits: u32,
    pub other_exits: u32,
    pub hires: u32,
    pub top_talent: u32,
    pub offer_acceptance: f64,
}

/// Four quarters before the history, so the first twelve-month attrition window is full.
pub const HR_LEAD_IN: usize = 4;
const HR_EXITS: [u32; HR_LEAD_IN + HISTORY] = [1, 0, 1, 0, 1, 0, 1, 4, 0, 0, 0, 1];
const HR_TOP: [u32; HR_LEAD_IN + HISTORY] = [29, 30, 30, 31, 31, 32, 32, 28, 28, 29, 30, 31];
const HR_ACCEPTANCE: [f64; HR_LEAD_IN + HISTORY] = [
    0.80, 0.82, 0.79, 0.81, 0.80, 0.78, 0.82, 0.55, 0.72, 0.75, 0.80, 0.85,
];

/// HR numbers for quarter index `i` counted from the start of the lead-in.
pub fn hr(i: usize) -> HrQuarter {
    let i = i.min(HR_LEAD_IN + HISTORY - 1);
    HrQuarter {
        regretted_top_exits: HR_EXITS[i],
        other_exits: 2 + (i % 2) as u32,
        hires: 4 + (i % 3) as u32,
        top_talent: HR_TOP[i],
        offer_acceptance: HR_ACCEPTANCE[i],
    }
}

/// Offers decided per quarter at the full size.
pub const OFFERS: u32 = 12;
/// Engineering headcount the HR numbers are written for.
pub const HR_BASE_ENGINEERS: usize = 150;
