//! One demo respondent's answers to a template, drawn so that the figures the story needs
//! come out exactly: whether the person is favourable, productive, happy or aligned is decided
//! by the caller (in exact proportions); this module draws item values consistent with it.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;

use super::comments::{self, Survey};
use super::story;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::{QuestionKind, Role};
use crate::domain::survey_form::AnswerValue;
use crate::domain::template::{Question, Template};

/// Where a respondent's eNPS answer falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnpsBand {
    Promoter,
    Passive,
    Detractor,
}

/// What the story decided about one respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Internal CSAT: favourable (4–5) on the overall item or not.
    Csat { favorable: bool },
    /// Engineering culture: productivity and happiness indices ≥ 4 or not, and the eNPS band.
    Culture {
        productive: bool,
        happy: bool,
        enps: EnpsBand,
    },
    /// Alignment index ≥ 4 or not.
    Alignment { aligned: bool },
}

impl Profile {
    fn positive(self) -> bool {
        match self {
            Profile::Csat { favorable } => favorable,
            Profile::Culture {
                productive, happy, ..
            } => productive && happy,
            Profile::Alignment { aligned } => aligned,
        }
    }

    fn survey(self) -> Survey {
        match self {
            Profile::Csat { .. } => Survey::Csat,
            Profile::Culture { .. } => Survey::Culture,
            Profile::Alignment { .. } => Survey::Alignment,
        }
    }
}

/// Who answers and how.
pub struct Respondent {
    pub department: Option<Department>,
    pub locale: Locale,
    pub profile: Profile,
    /// Whether the platform work of the surprise quarter has landed (picks comments).
    pub after_platform: bool,
}

/// Share of respondents who leave a comment.
const COMMENT_RATE: f64 = 0.15;
/// Share of N/A on items that allow it.
const NA_RATE: f64 = 0.06;

/// Draws the answers of one respondent to the questions they are shown.
pub fn draw(template: &Template, who: &Respondent, rng: &mut StdRng) -> Vec<AnswerValue> {
    let questions: Vec<&Question> = template.questions_for(who.department).collect();
    let mut out = Vec::with_capacity(questions.len());
    // Index items are drawn together so the index lands on the side the story chose.
    for (role, high) in index_roles(who.profile) {
        let items: Vec<&&Question> = questions
            .iter()
            .filter(|q| q.role() == Some(role))
            .collect();
        let values = index_values(items.len(), high, rng);
        for (q, v) in items.into_iter().zip(values) {
            out.push(number(q, v));
        }
    }
    for q in &questions {
        match q.role() {
            Some(Role::Productivity | Role::Happiness | Role::Alignment) => {}
            Some(Role::CsatOverall) => {
                let fav = matches!(who.profile, Profile::Csat { favorable: true });
                out.push(number(q, likert(fav, rng)));
            }
            Some(Role::Enps) => {
                let band = match who.profile {
                    Profile::Culture { enps, .. } => enps,
                    _ => EnpsBand::Passive,
                };
                out.push(number(q, enps(band, rng)));
            }
            None => {
                if let Some(a) = plain(q, who, rng) {
                    out.push(a);
                }
            }
        }
    }
    out
}

/// Roles whose per-person index the story fixes, and on which side of 4 it must fall.
fn index_roles(p: Profile) -> Vec<(Role, bool)> {
    match p {
        Profile::Culture {
            productive, happy, ..
        } => vec![(Role::Productivity, productive), (Role::Happiness, happy)],
        Profile::Alignment { aligned } => vec![(Role::Alignment, aligned)],
        Profile::Csat { .. } => Vec::new(),
    }
}

fn number(q: &Question, v: i32) -> AnswerValue {
    AnswerValue {
        question_key: q.key().to_string(),
        value: Some(v),
        not_applicable: false,
        text: None,
    }
}

/// A question without a scoring role: a comment now and then, N/A now and then, else a value
/// that leans with the respondent's mood.
fn plain(q: &Question, who: &Respondent, rng: &mut StdRng) -> Option<AnswerValue> {
    match q.kind() {
        QuestionKind::Text => {
            if !rng.random_bool(COMMENT_RATE) {
                return None;
            }
            let pool = comments::pool(
                who.profile.survey(),
                who.locale,
                who.profile.positive(),
                who.after_platform,
            );
            pool.choose(rng).map(|t| AnswerValue {
                question_key: q.key().to_string(),
                value: None,
                not_applicable: false,
                text: Some((*t).to_string()),
            })
        }
        _ if q.allow_na() && rng.random_bool(NA_RATE) => Some(AnswerValue {
            question_key: q.key().to_string(),
            value: None,
            not_applicable: true,
            text: None,
        }),
        // A department item of the CSAT survey follows overall satisfaction as strongly as
        // the story says, so the key-driver analysis has something true to find.
        QuestionKind::Likert5 if q.department().is_some() => {
            let follows = rng.random_bool(story::csat_item_loading(q.key()));
            let favorable = if follows {
                who.profile.positive()
            } else {
                rng.random_bool(story::CSAT_ITEM_BASELINE)
            };
            Some(number(q, likert(favorable, rng)))
        }
        QuestionKind::Likert5 => Some(number(q, likert(who.profile.positive(), rng))),
        QuestionKind::Nps11 => Some(number(q, enps(EnpsBand::Passive, rng))),
        QuestionKind::Choice => {
            let (lo, hi) = q.value_range()?;
            Some(number(q, rng.random_range(lo..=hi)))
        }
    }
}

/// Picks from `(value, weight)` pairs.
fn weighted(choices: &[(i32, u32)], rng: &mut StdRng) -> i32 {
    let total: u32 = choices.iter().map(|c| c.1).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (v, w) in choices {
        if roll < *w {
            return *v;
        }
        roll -= w;
    }
    choices.last().map_or(3, |c| c.0)
}

/// A 1–5 answer: favourable is 4 or 5, unfavourable 1 to 3.
fn likert(favorable: bool, rng: &mut StdRng) -> i32 {
    if favorable {
        weighted(&[(4, 55), (5, 45)], rng)
    } else {
        weighted(&[(1, 8), (2, 32), (3, 60)], rng)
    }
}

fn enps(band: EnpsBand, rng: &mut StdRng) -> i32 {
    match band {
        EnpsBand::Promoter => weighted(&[(9, 55), (10, 45)], rng),
        EnpsBand::Passive => weighted(&[(7, 50), (8, 50)], rng),
        EnpsBand::Detractor => weighted(&[(2, 5), (3, 10), (4, 15), (5, 30), (6, 40)], rng),
    }
}

/// `n` item values whose mean is ≥ 4 when `high`, < 4 otherwise — with the spread of real
/// answers (a "high" person may still give one 3).
pub fn index_values(n: usize, high: bool, rng: &mut StdRng) -> Vec<i32> {
    if n == 0 {
        return Vec::new();
    }
    let need = 4 * n as i32;
    let mut v: Vec<i32> = (0..n)
        .map(|_| {
            if high {
                weighted(&[(3, 8), (4, 50), (5, 42)], rng)
            } else {
                weighted(&[(1, 5), (2, 25), (3, 45), (4, 20), (5, 5)], rng)
            }
        })
        .collect();
    if high {
        while v.iter().sum::<i32>() < need {
            if let Some(min) = v.iter_mut().min() {
                *min = 5;
            }
        }
    } else {
        while v.iter().sum::<i32>() >= need {
            if let Some(max) = v.iter_mut().max() {
                *max = 3;
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn index_values_land_on_the_chosen_side_of_four() {
        let mut rng = StdRng::seed_from_u64(3);
        for n in 1..6 {
            for _ in 0..200 {
                let hi = index_values(n, true, &mut rng);
                assert!(hi.iter().sum::<i32>() >= 4 * n as i32, "{hi:?}");
                let lo = index_values(n, false, &mut rng);
                assert!(lo.iter().sum::<i32>() < 4 * n as i32, "{lo:?}");
                assert!(hi.iter().chain(&lo).all(|v| (1..=5).contains(v)));
            }
        }
    }
}
