//! The eight closed quarters: each survey created, launched, answered and sealed at the dates
//! it would have happened, plus the HR events, the inflection-point register and the CTO's
//! commentaries. All writes go through the `db` functions, with `now` in the past.

use crate::domain::ids::RoundId;
use std::collections::BTreeMap;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use time::{Duration, PrimitiveDateTime};

use super::answers::{self, Profile, Respondent};
use super::links::{self, Invitee};
use super::story::{self, HR_LEAD_IN};
use super::{profiles, DemoError, ACTOR, BOARD_ACTOR, CTO_ACTOR, SEED};
use crate::app::rounds::{self, NewRound};
use crate::app::{commentary, hr, inflection};
use crate::db::survey::{self, Submitted};
use crate::db::DbConnection;
use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::{HrEvent, HrEventKind};
use crate::domain::template::Template;

/// What the rounds of the demo share.
pub struct RoundSettings<'a> {
    pub k: u32,
    pub comment_threshold: u32,
    pub timezone: &'a str,
    pub fiscal_year_start_month: u8,
    pub seal: rounds::SealOptions,
}

/// Days into a quarter when its surveys go out (one a day, in template order).
const LAUNCH_DAY: i64 = 35;
/// How long a round stays open.
const OPEN_DAYS: i64 = 14;

/// A reproducible random stream for one part of the story, so changing one part leaves the
/// others as they were.
pub fn rng_for(part: u64) -> StdRng {
    StdRng::seed_from_u64(SEED ^ part.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Runs one historical round of `template` in story quarter `h`; returns the answers stored.
/// `note` hears which part of the round is under way (minutes each at 100,000 employees).
pub fn run_round(
    conn: &mut DbConnection,
    template: &Template,
    order: usize,
    quarter: Quarter,
    h: usize,
    rs: &RoundSettings<'_>,
    note: &dyn Fn(String),
) -> Result<usize, DemoError> {
    let mut rng = rng_for(((h as u64) << 8) | order as u64);
    let first = quarter.first_day(rs.fiscal_year_start_month);
    let launch_at = PrimitiveDateTime::new(
        first + Duration::days(LAUNCH_DAY + order as i64),
        time::macros::time!(09:00),
    );
    let id = rounds::create(
        conn,
        &NewRound {
            template,
            quarter,
            closes_on: launch_at.date() + Duration::days(OPEN_DAYS),
            k: rs.k,
            comment_threshold: rs.comment_threshold,
            merges: Vec::new(),
            timezone: rs.timezone,
        },
        launch_at,
        ACTOR,
    )?;
    note("launching".into());
    rounds::launch_with(conn, id, template, launch_at, ACTOR)?;
    links::mark_sent(conn, id, launch_at)?;
    let invitees = links::invitees(conn, id)?;
    let chosen = plan(template.audience(), &invitees, h, rs.k, &mut rng);
    let closes_at = rounds::get(conn, id)?.closes_at;
    let window = (closes_at - launch_at).whole_minutes().max(2);
    let stored = store_all(conn, (template, id, h), &chosen, &mut rng, window, note)?;
    note(format!("sealing {} responses", group_digits(stored)));
    rounds::close_and_seal_with(conn, id, closes_at, ACTOR, rs.seal)?;
    Ok(stored)
}

/// Respondents whose answers are drawn before they are written in one batch.
const STORE_BATCH: usize = 5000;

/// Draws the answers of every chosen invitee of a round that is sealed right after and stores
/// them in batches ([`links::store_answered`]). Draws exactly as [`submit_all`] does (the
/// answers, then the time of answering), so the story's numbers do not depend on the path.
/// `round`: the template, the round and its story quarter; `window`: the minutes it is open.
fn store_all(
    conn: &mut DbConnection,
    round: (&Template, RoundId, usize),
    chosen: &[(Invitee, Profile)],
    rng: &mut StdRng,
    window: i64,
    note: &dyn Fn(String),
) -> Result<usize, DemoError> {
    let (template, round_id, h) = round;
    let total = group_digits(chosen.len());
    for (i, part) in chosen.chunks(STORE_BATCH).enumerate() {
        let done = (i * STORE_BATCH + part.len()).min(chosen.len());
        note(format!("storing answers {} of {total}", group_digits(done)));
        let batch: Vec<links::Answered> = part
            .iter()
            .map(|(invitee, profile)| {
                let who = respondent(invitee, *profile, h);
                let answers = answers::draw(template, &who, rng);
                // The minute of answering: unused here (nothing stores when a response came),
                // drawn to keep the stream as `submit_all` draws it.
                let _ = rng.random_range(1..window);
                links::Answered {
                    invitation_id: invitee.invitation_id.clone(),
                    reporting_group: invitee.group.clone(),
                    answers,
                }
            })
            .collect();
        links::store_answered(conn, round_id, &batch)?;
    }
    Ok(chosen.len())
}

/// 85000 → "85,000": the progress line's counts.
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn respondent(invitee: &Invitee, profile: Profile, h: usize) -> Respondent {
    Respondent {
        department: invitee.department.parse().ok(),
        locale: invitee.locale.parse().unwrap_or(Locale::En),
        profile,
        after_platform: h >= story::SURPRISE,
    }
}

/// Who answers a historical round, and how.
fn plan(
    audience: Audience,
    invitees: &[Invitee],
    h: usize,
    k: u32,
    rng: &mut StdRng,
) -> Vec<(Invitee, Profile)> {
    match audience {
        Audience::InternalCsat => {
            let mut out = Vec::new();
            for (dept, members) in by_department(invitees) {
                let n = if h == story::BD_BELOW_K && dept == Department::Bd {
                    // Fewer than k answers: the group's CSAT is suppressed this quarter.
                    (k.saturating_sub(1) as usize).min(members.len())
                } else {
                    share_of(story::csat_response(dept), members.len())
                };
                let picked = pick(&members, n, rng);
                let profiles = profiles::csat(story::csat(h, dept), picked.len(), rng);
                out.extend(picked.into_iter().zip(profiles));
            }
            out
        }
        Audience::EngineeringCulture => {
            let picked = pick(
                invitees,
                share_of(story::CULTURE_RESPONSE, invitees.len()),
                rng,
            );
            let profiles = profiles::culture(&story::culture(h), picked.len(), rng);
            picked.into_iter().zip(profiles).collect()
        }
        Audience::TechStrategyAlignment => {
            let picked = pick(
                invitees,
                share_of(story::ALIGNMENT_RESPONSE, invitees.len()),
                rng,
            );
            let profiles = profiles::alignment(story::aligned(h), picked.len(), rng);
            picked.into_iter().zip(profiles).collect()
        }
    }
}

/// Invitees grouped by department, in department order (the board has no CSAT section).
pub fn by_department(invitees: &[Invitee]) -> BTreeMap<Department, Vec<Invitee>> {
    let mut out: BTreeMap<Department, Vec<Invitee>> = BTreeMap::new();
    for i in invitees {
        if let Ok(d) = i.department.parse::<Department>() {
            out.entry(d).or_default().push(i.clone());
        }
    }
    out
}

fn share_of(rate: f64, n: usize) -> usize {
    ((rate * n as f64).round() as usize).min(n)
}

/// `n` of `from`, at random.
pub fn pick(from: &[Invitee], n: usize, rng: &mut StdRng) -> Vec<Invitee> {
    let mut v = from.to_vec();
    v.shuffle(rng);
    v.truncate(n);
    v
}

/// Gives every chosen invitee a link and submits their answers through `survey::submit`, at
/// the time `at` draws. Returns the number stored.
pub fn submit_all(
    conn: &mut DbConnection,
    template: &Template,
    round_id: RoundId,
    chosen: &[(Invitee, Profile)],
    h: usize,
    rng: &mut StdRng,
    at: impl Fn(&mut StdRng) -> PrimitiveDateTime,
) -> Result<usize, DemoError> {
    let ids: Vec<String> = chosen
        .iter()
        .map(|(i, _)| i.invitation_id.clone())
        .collect();
    let hashes = links::add_links(conn, round_id, &ids)?;
    for ((invitee, profile), hash) in chosen.iter().zip(&hashes) {
        let who = respondent(invitee, *profile, h);
        let values = answers::draw(template, &who, rng);
        match survey::submit(conn, round_id, hash, &values, at(rng))? {
            Submitted::Stored => {}
            other => {
                return Err(DemoError::Failed(format!(
                    "round {round_id} refused a demo answer: {other:?}"
                )))
            }
        }
    }
    Ok(chosen.len())
}

/// The HR events of the lead-in year and the eight quarters, scaled to `engineers`.
pub fn hr_events(quarters: &[Quarter], engineers: usize, fy: u8) -> Vec<HrEvent> {
    let scale = engineers as f64 / story::HR_BASE_ENGINEERS as f64;
    let scaled = |x: u32| (f64::from(x) * scale).round() as u32;
    let mut out = Vec::new();
    let mut push = |date, kind, count, regretted, top_talent| {
        if count > 0 {
            out.push(HrEvent {
                date,
                kind,
                count,
                regretted,
                top_talent,
            });
        }
    };
    let n = quarters.len();
    for (i, q) in quarters.iter().enumerate() {
        let plan = story::hr(i);
        let first = q.first_day(fy);
        let last = q.last_day(fy);
        let top = scaled(plan.top_talent).max(3);
        let offers = scaled(story::OFFERS).max(4);
        let accepted = (f64::from(offers) * plan.offer_acceptance).round() as u32;
        // Engineering grew by about one person a quarter to today's size.
        let headcount = engineers.saturating_sub(n - 1 - i) as u32;
        push(last, HrEventKind::Headcount, headcount, false, false);
        push(last, HrEventKind::TopTalentHeadcount, top, false, true);
        push(
            first + Duration::days(70),
            HrEventKind::Exit,
            scaled(plan.regretted_top_exits),
            true,
            true,
        );
        push(
            first + Duration::days(55),
            HrEventKind::Exit,
            scaled(plan.other_exits).max(1),
            false,
            false,
        );
        push(
            first + Duration::days(20),
            HrEventKind::Hire,
            scaled(plan.hires).max(1),
            false,
            false,
        );
        push(
            first + Duration::days(40),
            HrEventKind::OfferAccepted,
            accepted,
            false,
            false,
        );
        push(
            first + Duration::days(45),
            HrEventKind::OfferDeclined,
            offers - accepted,
            false,
            false,
        );
    }
    out
}

/// Imports the HR events.
pub fn write_hr(
    conn: &mut DbConnection,
    history: &[Quarter],
    engineers: usize,
    fy: u8,
    now: PrimitiveDateTime,
) -> Result<usize, DemoError> {
    let first = history
        .first()
        .copied()
        .ok_or_else(|| DemoError::Failed("the demo history has no quarters".into()))?;
    let mut quarters = first.prev().trailing(HR_LEAD_IN);
    quarters.extend_from_slice(history);
    let events = hr_events(&quarters, engineers, fy);
    hr::import(conn, &events, ACTOR, now)?;
    Ok(events.len())
}

/// The inflection-point register and the CTO's commentaries.
pub fn write_register(
    conn: &mut DbConnection,
    history: &[Quarter],
    now: PrimitiveDateTime,
) -> Result<(), DemoError> {
    let quarter = |h: usize| history.get(h).copied();
    for point in story::POINTS {
        let Some(first_seen) = quarter(point.first_seen) else {
            continue;
        };
        let id = inflection::add(
            conn,
            point.title,
            first_seen,
            Some(point.description),
            CTO_ACTOR,
            now,
        )?;
        for s in point.steps {
            let Some(q) = quarter(s.quarter) else {
                continue;
            };
            inflection::assess(conn, &id, q, s.assessment, Some(s.cto_note), CTO_ACTOR, now)?;
            if let Some((dispute, note)) = s.board {
                inflection::confirm(conn, &id, q, dispute, Some(note), BOARD_ACTOR, now)?;
            }
        }
    }
    for (h, text) in story::COMMENTARIES {
        if let Some(q) = quarter(h) {
            commentary::set(conn, q, text, CTO_ACTOR, now)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    #[test]
    fn progress_counts_are_grouped_by_thousands() {
        // 100000 → 100 | 000; 1234567 → 1 | 234 | 567.
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(85_000), "85,000");
        assert_eq!(group_digits(100_000), "100,000");
        assert_eq!(group_digits(1_234_567), "1,234,567");
    }
}
