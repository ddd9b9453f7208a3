//! Each measure's traffic light, with its reason in plain English.

use serde::Serialize;

use crate::domain::scoring::csat::Coverage;
use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::inputs::{Assessment, Confirmation, InflectionInput, StatusThresholds};
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::lagging::LaggingIndicators;

/// A measure's rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// All is well.
    Green,
    /// Needs attention.
    Amber,
    /// Serious.
    Red,
    /// The data does not allow a rating (never shown as green by default).
    NotRated,
}

/// A rating and its reason in words, e.g. "Red: the inflection point 'LLM platforms' was
/// assessed as missed".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Status {
    /// The rating.
    pub rating: Rating,
    /// Why, as one English sentence starting with the rating.
    pub reason: String,
}

/// A share as a percentage for sentences: one decimal, trailing ".0" dropped.
pub fn pct(share: f64) -> String {
    let s = format!("{:.1}", share * 100.0);
    format!("{}%", s.strip_suffix(".0").unwrap_or(&s))
}

fn verdict(red: Vec<String>, amber: Vec<String>, green: Option<String>, unrated: String) -> Status {
    if !red.is_empty() {
        Status {
            rating: Rating::Red,
            reason: format!("Red: {}", red.join("; ")),
        }
    } else if !amber.is_empty() {
        Status {
            rating: Rating::Amber,
            reason: format!("Amber: {}", amber.join("; ")),
        }
    } else if let Some(g) = green {
        Status {
            rating: Rating::Green,
            reason: format!("Green: {g}"),
        }
    } else {
        Status {
            rating: Rating::NotRated,
            reason: format!("Not rated: {unrated}"),
        }
    }
}

fn absent(what: &str, figure: &Figure<Share>) -> String {
    format!(
        "{what} is not available ({})",
        figure.absence().unwrap_or_default()
    )
}

fn inflection_clause(p: &InflectionInput, word: &str) -> String {
    let state = match p.confirmation {
        Confirmation::Confirmed => "",
        Confirmation::Unconfirmed => " (not yet confirmed by the board)",
        Confirmation::Disputed => " (disputed by the board)",
    };
    format!(
        "the inflection point '{}' was assessed as {word}{state}",
        p.title
    )
}

/// A: red if any inflection point is missed; amber if any is late or alignment < threshold.
pub fn status_a(
    alignment: &Figure<Share>,
    points: &[InflectionInput],
    t: &StatusThresholds,
) -> Status {
    let red = points
        .iter()
        .filter(|p| p.assessment == Assessment::Missed)
        .map(|p| inflection_clause(p, "missed"))
        .collect();
    let mut amber: Vec<String> = points
        .iter()
        .filter(|p| p.assessment == Assessment::Late)
        .map(|p| inflection_clause(p, "late"))
        .collect();
    let share = alignment.value().map(|s| s.estimate);
    if let Some(a) = share.filter(|a| *a < t.a_amber_alignment) {
        amber.push(format!(
            "alignment is {} (below {})",
            pct(a),
            pct(t.a_amber_alignment)
        ));
    }
    let green = share.map(|a| {
        format!(
            "alignment is {} and no inflection point is late or missed",
            pct(a)
        )
    });
    verdict(red, amber, green, absent("alignment", alignment))
}

/// B: red if productive-and-happy < red threshold or both lagging indicators breach; amber if
/// it is < amber threshold or one breaches.
pub fn status_b(
    productive_and_happy: &Figure<Share>,
    lagging: &LaggingIndicators,
    t: &StatusThresholds,
) -> Status {
    let share = productive_and_happy.value().map(|s| s.estimate);
    let mut breaches = Vec::new();
    let attrition = &lagging.regretted_top_talent_attrition;
    if let (Some(true), Some(v)) = (attrition.breach, attrition.value.value()) {
        breaches.push(format!(
            "regretted top-talent attrition is {} (above {})",
            pct(v.value),
            pct(attrition.threshold)
        ));
    }
    let acceptance = &lagging.offer_acceptance;
    if let (Some(true), Some(v)) = (acceptance.breach, acceptance.value.value()) {
        breaches.push(format!(
            "offer acceptance is {} (below {})",
            pct(v.value),
            pct(acceptance.threshold)
        ));
    }
    let mut red = Vec::new();
    let mut amber = Vec::new();
    match share {
        Some(s) if s < t.b_red_productive_happy => red.push(format!(
            "{} of engineers are productive and happy (below {})",
            pct(s),
            pct(t.b_red_productive_happy)
        )),
        Some(s) if s < t.b_amber_productive_happy => amber.push(format!(
            "{} of engineers are productive and happy (below {})",
            pct(s),
            pct(t.b_amber_productive_happy)
        )),
        _ => {}
    }
    if breaches.len() == 2 {
        red.push(format!(
            "both lagging indicators breach: {}",
            breaches.join(" and ")
        ));
    } else {
        amber.extend(breaches);
    }
    let green = share.map(|s| {
        format!(
            "{} of engineers are productive and happy and no lagging indicator breaches",
            pct(s)
        )
    });
    verdict(
        red,
        amber,
        green,
        absent("the productive-and-happy share", productive_and_happy),
    )
}

/// C: not rated when its groups cover less than the coverage threshold of the weight; else
/// red if weighted CSAT < red threshold or any reported group < group threshold; amber if
/// weighted CSAT < amber threshold. `groups` are (group key, CSAT figure) pairs.
pub fn status_c(
    weighted: &Figure<Share>,
    groups: &[(&str, &Figure<Share>)],
    coverage: Option<&Coverage>,
    t: &StatusThresholds,
) -> Status {
    // Too little of the company to rate: no colour, whatever the figure or the groups say.
    if let Some(cov) = coverage.filter(|c| !c.rated) {
        return Status {
            rating: Rating::NotRated,
            reason: format!(
                "Not rated: too few departments reported (the groups in it cover {} of the weight, below {})",
                pct(cov.share),
                pct(cov.threshold)
            ),
        };
    }
    let c = weighted.value().map(|s| s.estimate);
    let mut red = Vec::new();
    let mut amber = Vec::new();
    match c {
        Some(c) if c < t.c_red_weighted => red.push(format!(
            "weighted CSAT is {} (below {})",
            pct(c),
            pct(t.c_red_weighted)
        )),
        Some(c) if c < t.c_amber_weighted => amber.push(format!(
            "weighted CSAT is {} (below {})",
            pct(c),
            pct(t.c_amber_weighted)
        )),
        _ => {}
    }
    for (key, figure) in groups {
        if let Some(s) = figure.value().filter(|s| s.estimate < t.c_red_any_group) {
            red.push(format!(
                "the CSAT of group '{key}' is {} (below {})",
                pct(s.estimate),
                pct(t.c_red_any_group)
            ));
        }
    }
    let green = c.map(|c| format!("weighted CSAT is {}", pct(c)));
    verdict(red, amber, green, absent("weighted CSAT", weighted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::interval::one_group_share;

    fn point(title: &str, assessment: Assessment, confirmation: Confirmation) -> InflectionInput {
        InflectionInput {
            title: title.into(),
            assessment,
            confirmation,
            notes: String::new(),
        }
    }

    #[test]
    fn missed_inflection_point_turns_a_red_whatever_the_survey_says() {
        let alignment = Figure::shown(one_group_share(10, 10, 10));
        let s = status_a(
            &alignment,
            &[point(
                "LLM platforms",
                Assessment::Missed,
                Confirmation::Confirmed,
            )],
            &StatusThresholds::default(),
        );
        assert_eq!(s.rating, Rating::Red);
        assert_eq!(
            s.reason,
            "Red: the inflection point 'LLM platforms' was assessed as missed"
        );
    }

    #[test]
    fn late_inflection_point_or_low_alignment_turns_a_amber() {
        let t = StatusThresholds::default();
        let high = Figure::shown(one_group_share(9, 10, 10));
        let s = status_a(
            &high,
            &[point("Edge", Assessment::Late, Confirmation::Unconfirmed)],
            &t,
        );
        assert_eq!(s.rating, Rating::Amber);
        assert!(s.reason.contains("not yet confirmed"));
        let low = Figure::shown(one_group_share(5, 10, 10));
        assert_eq!(
            status_a(&low, &[], &t).reason,
            "Amber: alignment is 50% (below 60%)"
        );
        // Exactly 60 % is not below 60 %.
        let edge = Figure::shown(one_group_share(6, 10, 10));
        assert_eq!(status_a(&edge, &[], &t).rating, Rating::Green);
    }

    #[test]
    fn no_alignment_data_is_not_rated_rather_than_green() {
        let s = status_a(
            &Figure::not_enough(crate::domain::scoring::missing::Missing::NoAnswers),
            &[],
            &StatusThresholds::default(),
        );
        assert_eq!(s.rating, Rating::NotRated);
    }

    #[test]
    fn one_reported_group_below_half_turns_c_red() {
        let t = StatusThresholds::default();
        let weighted = Figure::shown(one_group_share(8, 10, 10));
        let bad = Figure::shown(one_group_share(4, 10, 10));
        let s = status_c(&weighted, &[("sales", &bad)], None, &t);
        assert_eq!(s.rating, Rating::Red);
        assert_eq!(
            s.reason,
            "Red: the CSAT of group 'sales' is 40% (below 50%)"
        );
    }

    #[test]
    fn c_covering_too_little_weight_is_not_rated_whatever_its_figures() {
        // Sales (35) and engineering (20) reported of 35+20+20+15+10 = 100: coverage 0.55.
        let t = StatusThresholds::default();
        let weighted = Figure::shown(one_group_share(9, 10, 10));
        let bad = Figure::shown(one_group_share(4, 10, 10));
        let low = Coverage::new(0.55, t.c_min_coverage);
        let s = status_c(&weighted, &[("sales", &bad)], Some(&low), &t);
        assert_eq!(s.rating, Rating::NotRated);
        assert_eq!(
            s.reason,
            "Not rated: too few departments reported (the groups in it cover 55% of the weight, below 60%)"
        );
        // Exactly the threshold is enough: 60/100 covers 60 %.
        let edge = Coverage::new(60.0 / 100.0, t.c_min_coverage);
        assert!(edge.rated);
        assert_eq!(
            status_c(&weighted, &[], Some(&edge), &t).rating,
            Rating::Green
        );
    }

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(pct(0.6), "60%");
        assert_eq!(pct(0.6666666), "66.7%");
    }
}
