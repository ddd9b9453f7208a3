//! Each measure's status reason in the report's language.
//!
//! The scoring engine rates each measure and explains it in English; the report re-derives the
//! same clauses from the scorecard's figures so a Korean or Dutch board reads the reason in its
//! own language. The rating itself is always the engine's; a test keeps the English clauses
//! word-for-word equal to the engine's reason.

use crate::charts::copy::{self, pct1};
use crate::domain::locale::Locale;
use crate::domain::scoring::figure::{Figure, Suppression};
use crate::domain::scoring::inputs::{Assessment, Confirmation, StatusThresholds};
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::lagging::LaggingIndicators;
use crate::domain::scoring::scorecard::{MeasureA, MeasureB, MeasureC};
use crate::domain::scoring::status::Rating;

/// Why a figure is absent, in the locale's words.
pub fn absence<T>(locale: Locale, figure: &Figure<T>, has_round: bool) -> String {
    let l = copy::labels(locale);
    match figure {
        Figure::Shown { .. } => String::new(),
        Figure::Suppressed {
            reason: Suppression::FewerThanK { k },
        } => copy::fill(l.fewer_than_k, &[("k", &k.to_string())]),
        Figure::Suppressed { .. } => l.protects_another.to_string(),
        // The engine's own reason is English prose; other languages get the general case.
        Figure::NotEnoughData { reason } if locale == Locale::En => reason.clone(),
        Figure::NotEnoughData { .. } if !has_round => lowercase_first(l.no_survey),
        Figure::NotEnoughData { .. } => lowercase_first(l.not_enough),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The clauses behind a rating, joined; the rating picks which list is shown.
fn pick(
    rating: Rating,
    red: Vec<String>,
    amber: Vec<String>,
    green: String,
    unrated: String,
) -> String {
    match rating {
        Rating::Red if !red.is_empty() => red.join("; "),
        Rating::Amber if !amber.is_empty() => amber.join("; "),
        Rating::NotRated => unrated,
        _ => green,
    }
}

fn point_clause(locale: Locale, title: &str, a: Assessment, c: Confirmation) -> String {
    let state = match (locale, c) {
        (_, Confirmation::Confirmed) => "",
        (Locale::En, Confirmation::Unconfirmed) => " (not yet confirmed by the board)",
        (Locale::En, Confirmation::Disputed) => " (disputed by the board)",
        (Locale::Ko, Confirmation::Unconfirmed) => " (이사회 미확인)",
        (Locale::Ko, Confirmation::Disputed) => " (이사회 이의 제기)",
        (Locale::Nl, Confirmation::Unconfirmed) => " (nog niet bevestigd door de board)",
        (Locale::Nl, Confirmation::Disputed) => " (betwist door de board)",
    };
    let missed = a == Assessment::Missed;
    match locale {
        Locale::En => format!(
            "the inflection point '{title}' was assessed as {}{state}",
            if missed { "missed" } else { "late" }
        ),
        Locale::Ko => format!(
            "'{title}' 변곡점을 {}{state}",
            if missed {
                "놓친 것으로 평가"
            } else {
                "늦게 대응한 것으로 평가"
            }
        ),
        Locale::Nl => format!(
            "het kantelpunt '{title}' is beoordeeld als {}{state}",
            if missed { "gemist" } else { "te laat" }
        ),
    }
}

/// Measure A's reason.
pub fn reason_a(locale: Locale, a: &MeasureA, t: &StatusThresholds) -> String {
    let of = |want: Assessment| -> Vec<String> {
        a.inflection_points
            .iter()
            .filter(|p| p.assessment == want)
            .map(|p| point_clause(locale, &p.title, p.assessment, p.confirmation))
            .collect()
    };
    let red = of(Assessment::Missed);
    let mut amber = of(Assessment::Late);
    let share = a.alignment.value().map(|s| s.estimate);
    let (p, th) = (|v| pct1(locale, v), t.a_amber_alignment);
    if let Some(v) = share.filter(|v| *v < th) {
        amber.push(match locale {
            Locale::En => format!("alignment is {} (below {})", p(v), p(th)),
            Locale::Ko => format!("정렬 비율 {} (기준 {} 미만)", p(v), p(th)),
            Locale::Nl => format!("afstemming is {} (onder {})", p(v), p(th)),
        });
    }
    let green = share
        .map(|v| match locale {
            Locale::En => format!(
                "alignment is {} and no inflection point is late or missed",
                p(v)
            ),
            Locale::Ko => format!("정렬 비율 {}, 늦거나 놓친 변곡점 없음", p(v)),
            Locale::Nl => format!(
                "afstemming is {} en geen kantelpunt is te laat of gemist",
                p(v)
            ),
        })
        .unwrap_or_default();
    let unrated = unavailable(locale, Which::Alignment, &a.alignment, a.round.is_some());
    pick(a.status.rating, red, amber, green, unrated)
}

enum Which {
    Alignment,
    ProductiveHappy,
    WeightedCsat,
}

fn unavailable(locale: Locale, which: Which, figure: &Figure<Share>, has_round: bool) -> String {
    let why = absence(locale, figure, has_round);
    match (locale, which) {
        (Locale::En, Which::Alignment) => format!("alignment is not available ({why})"),
        (Locale::En, Which::ProductiveHappy) => {
            format!("the productive-and-happy share is not available ({why})")
        }
        (Locale::En, Which::WeightedCsat) => format!("weighted CSAT is not available ({why})"),
        (Locale::Ko, Which::Alignment) => format!("정렬 비율 산출 불가 ({why})"),
        (Locale::Ko, Which::ProductiveHappy) => {
            format!("생산적·행복 엔지니어 비율 산출 불가 ({why})")
        }
        (Locale::Ko, Which::WeightedCsat) => format!("가중 CSAT 산출 불가 ({why})"),
        (Locale::Nl, Which::Alignment) => format!("afstemming is niet beschikbaar ({why})"),
        (Locale::Nl, Which::ProductiveHappy) => {
            format!("het aandeel productief en tevreden is niet beschikbaar ({why})")
        }
        (Locale::Nl, Which::WeightedCsat) => {
            format!("gewogen CSAT is niet beschikbaar ({why})")
        }
    }
}

fn lagging_breaches(locale: Locale, lagging: &LaggingIndicators) -> Vec<String> {
    let p = |v| pct1(locale, v);
    let mut out = Vec::new();
    let at = &lagging.regretted_top_talent_attrition;
    if let (Some(true), Some(v)) = (at.breach, at.value.value()) {
        out.push(match locale {
            Locale::En => format!(
                "regretted top-talent attrition is {} (above {})",
                p(v.value),
                p(at.threshold)
            ),
            Locale::Ko => format!(
                "핵심 인재 유감 이직률 {} (기준 {} 초과)",
                p(v.value),
                p(at.threshold)
            ),
            Locale::Nl => format!(
                "betreurd verloop van toptalent is {} (boven {})",
                p(v.value),
                p(at.threshold)
            ),
        });
    }
    let ac = &lagging.offer_acceptance;
    if let (Some(true), Some(v)) = (ac.breach, ac.value.value()) {
        out.push(match locale {
            Locale::En => format!(
                "offer acceptance is {} (below {})",
                p(v.value),
                p(ac.threshold)
            ),
            Locale::Ko => format!(
                "채용 제안 수락률 {} (기준 {} 미만)",
                p(v.value),
                p(ac.threshold)
            ),
            Locale::Nl => format!(
                "acceptatie van aanbiedingen is {} (onder {})",
                p(v.value),
                p(ac.threshold)
            ),
        });
    }
    out
}

/// Measure B's reason.
pub fn reason_b(locale: Locale, b: &MeasureB, t: &StatusThresholds) -> String {
    let p = |v| pct1(locale, v);
    let share = b.productive_and_happy.value().map(|s| s.estimate);
    let low = |v: f64, th: f64| match locale {
        Locale::En => format!(
            "{} of engineers are productive and happy (below {})",
            p(v),
            p(th)
        ),
        Locale::Ko => format!(
            "생산적이면서 행복한 엔지니어 {} (기준 {} 미만)",
            p(v),
            p(th)
        ),
        Locale::Nl => format!(
            "{} van de engineers is productief en tevreden (onder {})",
            p(v),
            p(th)
        ),
    };
    let mut red = Vec::new();
    let mut amber = Vec::new();
    match share {
        Some(v) if v < t.b_red_productive_happy => red.push(low(v, t.b_red_productive_happy)),
        Some(v) if v < t.b_amber_productive_happy => amber.push(low(v, t.b_amber_productive_happy)),
        _ => {}
    }
    let breaches = lagging_breaches(locale, &b.lagging);
    if breaches.len() == 2 {
        red.push(match locale {
            Locale::En => format!("both lagging indicators breach: {}", breaches.join(" and ")),
            Locale::Ko => format!("두 후행 지표 모두 기준 위반: {}", breaches.join(", ")),
            Locale::Nl => format!(
                "beide achterlopende indicatoren buiten de norm: {}",
                breaches.join(" en ")
            ),
        });
    } else {
        amber.extend(breaches);
    }
    let green = share
        .map(|v| match locale {
            Locale::En => format!(
                "{} of engineers are productive and happy and no lagging indicator breaches",
                p(v)
            ),
            Locale::Ko => format!(
                "생산적이면서 행복한 엔지니어 {}, 후행 지표 위반 없음",
                p(v)
            ),
            Locale::Nl => format!(
                "{} van de engineers is productief en tevreden en geen achterlopende indicator is buiten de norm",
                p(v)
            ),
        })
        .unwrap_or_default();
    let unrated = unavailable(
        locale,
        Which::ProductiveHappy,
        &b.productive_and_happy,
        b.round.is_some(),
    );
    pick(b.status.rating, red, amber, green, unrated)
}

/// Measure C's reason. `groups` are (display name, CSAT figure) of the round's groups.
pub fn reason_c(
    locale: Locale,
    c: &MeasureC,
    groups: &[(String, &Figure<Share>)],
    t: &StatusThresholds,
) -> String {
    let p = |v| pct1(locale, v);
    let weighted = c.weighted_csat.value().map(|s| s.estimate);
    let low = |v: f64, th: f64| match locale {
        Locale::En => format!("weighted CSAT is {} (below {})", p(v), p(th)),
        Locale::Ko => format!("가중 CSAT {} (기준 {} 미만)", p(v), p(th)),
        Locale::Nl => format!("gewogen CSAT is {} (onder {})", p(v), p(th)),
    };
    let mut red = Vec::new();
    let mut amber = Vec::new();
    match weighted {
        Some(v) if v < t.c_red_weighted => red.push(low(v, t.c_red_weighted)),
        Some(v) if v < t.c_amber_weighted => amber.push(low(v, t.c_amber_weighted)),
        _ => {}
    }
    for (name, figure) in groups {
        if let Some(s) = figure.value().filter(|s| s.estimate < t.c_red_any_group) {
            let (v, th) = (p(s.estimate), p(t.c_red_any_group));
            red.push(match locale {
                Locale::En => format!("the CSAT of group '{name}' is {v} (below {th})"),
                Locale::Ko => format!("'{name}' 그룹 CSAT {v} (기준 {th} 미만)"),
                Locale::Nl => format!("de CSAT van groep '{name}' is {v} (onder {th})"),
            });
        }
    }
    let green = weighted
        .map(|v| match locale {
            Locale::En => format!("weighted CSAT is {}", p(v)),
            Locale::Ko => format!("가중 CSAT {}", p(v)),
            Locale::Nl => format!("gewogen CSAT is {}", p(v)),
        })
        .unwrap_or_default();
    let unrated = match c.coverage.as_ref().filter(|cv| !cv.rated) {
        Some(cv) => {
            let (share, th) = (p(cv.share), p(cv.threshold));
            match locale {
                Locale::En => format!(
                    "too few departments reported (the groups in it cover {share} of the weight, below {th})"
                ),
                Locale::Ko => format!(
                    "응답 부서 부족 (반영된 그룹의 가중치 {share}, 기준 {th} 미만)"
                ),
                Locale::Nl => format!(
                    "te weinig afdelingen gerapporteerd (de groepen erin dekken {share} van het gewicht, onder {th})"
                ),
            }
        }
        None => unavailable(
            locale,
            Which::WeightedCsat,
            &c.weighted_csat,
            c.round.is_some(),
        ),
    };
    pick(c.status.rating, red, amber, green, unrated)
}

/// `s` with its first letter in upper case, for a reason shown as a sentence.
pub fn sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
