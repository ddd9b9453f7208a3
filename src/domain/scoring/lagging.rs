//! Measure B's lagging indicators from HR events: regretted top-talent attrition and offer
//! acceptance. HR figures are not survey answers, so the survey's k does not apply to them.

use serde::Serialize;
use time::{Date, Month};

use crate::domain::scoring::figure::Figure;
use crate::domain::scoring::inputs::{HrEventKind, HrInput, StatusThresholds};
use crate::domain::scoring::missing::Missing;

/// A ratio with its parts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Ratio {
    /// numerator / denominator.
    pub value: f64,
    /// e.g. regretted top-talent exits.
    pub numerator: f64,
    /// e.g. mean top-talent headcount.
    pub denominator: f64,
}

/// Which way a lagging indicator breaches its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BreachWhen {
    /// Breach when the value is above the threshold.
    Above,
    /// Breach when the value is below the threshold.
    Below,
}

/// One lagging indicator against its threshold.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct LaggingIndicator {
    /// The value, or why there is none.
    pub value: Figure<Ratio>,
    /// The threshold from settings.
    pub threshold: f64,
    /// Which side of the threshold is a breach.
    pub breach_when: BreachWhen,
    /// Whether it breaches; `None` when there is no value.
    pub breach: Option<bool>,
    /// First day of the window counted.
    pub from: Date,
    /// Last day of the window counted.
    pub to: Date,
}

/// Both lagging indicators.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct LaggingIndicators {
    /// Regretted top-talent exits in the twelve months ending with the quarter ÷ mean of the
    /// top-talent headcount snapshots in that window.
    pub regretted_top_talent_attrition: LaggingIndicator,
    /// Accepted ÷ (accepted + declined) for offers decided in the quarter.
    pub offer_acceptance: LaggingIndicator,
}

/// The first day of the twelve months that end on `last_day` (inclusive).
pub fn twelve_months_ending(last_day: Date) -> Date {
    let Some(next) = last_day.next_day() else {
        return last_day;
    };
    next.replace_year(next.year() - 1)
        // Only 29 February has no twin a year earlier; 1 March is the day after its eve.
        .or_else(|_| Date::from_calendar_date(next.year() - 1, Month::March, 1))
        .unwrap_or(last_day)
}

fn indicator(
    value: Figure<Ratio>,
    threshold: f64,
    breach_when: BreachWhen,
    from: Date,
    to: Date,
) -> LaggingIndicator {
    let breach = value.value().map(|r| match breach_when {
        BreachWhen::Above => r.value > threshold,
        BreachWhen::Below => r.value < threshold,
    });
    LaggingIndicator {
        value,
        threshold,
        breach_when,
        breach,
        from,
        to,
    }
}

/// Computes both indicators from the events and the quarter's bounds.
pub fn lagging_indicators(hr: &HrInput, thresholds: &StatusThresholds) -> LaggingIndicators {
    let last = hr.quarter_last_day;
    let year_start = twelve_months_ending(last);
    let in_year = |d: Date| d >= year_start && d <= last;
    let in_quarter = |d: Date| d >= hr.quarter_first_day && d <= last;

    let mut exits = 0u64;
    let mut snapshots = 0u64;
    let mut snapshot_total = 0u64;
    let mut accepted = 0u64;
    let mut declined = 0u64;
    for e in &hr.events {
        let count = u64::from(e.count);
        match e.kind {
            HrEventKind::Exit if e.regretted && e.top_talent && in_year(e.date) => exits += count,
            HrEventKind::TopTalentHeadcount if in_year(e.date) => {
                snapshots += 1;
                snapshot_total += count;
            }
            HrEventKind::OfferAccepted if in_quarter(e.date) => accepted += count,
            HrEventKind::OfferDeclined if in_quarter(e.date) => declined += count,
            _ => {}
        }
    }

    let attrition = if snapshots == 0 {
        Figure::not_enough(Missing::NoHeadcountSnapshot {
            from: year_start,
            to: last,
        })
    } else if snapshot_total == 0 {
        Figure::not_enough(Missing::ZeroHeadcount)
    } else {
        let mean = snapshot_total as f64 / snapshots as f64;
        Figure::shown(Ratio {
            value: exits as f64 / mean,
            numerator: exits as f64,
            denominator: mean,
        })
    };
    let offers = accepted + declined;
    let acceptance = if offers == 0 {
        Figure::not_enough(Missing::NoOffers)
    } else {
        Figure::shown(Ratio {
            value: accepted as f64 / offers as f64,
            numerator: accepted as f64,
            denominator: offers as f64,
        })
    };
    LaggingIndicators {
        regretted_top_talent_attrition: indicator(
            attrition,
            thresholds.b_attrition_breach,
            BreachWhen::Above,
            year_start,
            last,
        ),
        offer_acceptance: indicator(
            acceptance,
            thresholds.b_acceptance_breach,
            BreachWhen::Below,
            hr.quarter_first_day,
            last,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::inputs::HrEvent;
    use time::macros::date;

    fn event(date: Date, kind: HrEventKind, count: u32, regretted: bool, top: bool) -> HrEvent {
        HrEvent {
            date,
            kind,
            count,
            regretted,
            top_talent: top,
        }
    }

    #[test]
    fn the_window_is_the_twelve_months_ending_with_the_quarter() {
        assert_eq!(
            twelve_months_ending(date!(2026 - 09 - 30)),
            date!(2025 - 10 - 01)
        );
        assert_eq!(
            twelve_months_ending(date!(2026 - 12 - 31)),
            date!(2026 - 01 - 01)
        );
    }

    #[test]
    fn attrition_and_acceptance_fixture() {
        use HrEventKind::*;
        let hr = HrInput {
            quarter_first_day: date!(2026 - 07 - 01),
            quarter_last_day: date!(2026 - 09 - 30),
            events: vec![
                // Snapshots 40, 44, 36 in the window; one from 2025-09 is outside it.
                event(date!(2025 - 09 - 30), TopTalentHeadcount, 100, false, true),
                event(date!(2025 - 12 - 31), TopTalentHeadcount, 40, false, true),
                event(date!(2026 - 03 - 31), TopTalentHeadcount, 44, false, true),
                event(date!(2026 - 06 - 30), TopTalentHeadcount, 36, false, true),
                // Regretted top-talent exits in the window: 2 + 3 = 5. Others don't count.
                event(date!(2025 - 10 - 01), Exit, 2, true, true),
                event(date!(2026 - 08 - 15), Exit, 3, true, true),
                event(date!(2026 - 08 - 15), Exit, 9, false, true),
                event(date!(2026 - 08 - 15), Exit, 9, true, false),
                event(date!(2025 - 09 - 30), Exit, 9, true, true),
                // Offers in the quarter: 6 accepted, 4 declined; the June one is outside.
                event(date!(2026 - 07 - 01), OfferAccepted, 6, false, false),
                event(date!(2026 - 09 - 30), OfferDeclined, 4, false, false),
                event(date!(2026 - 06 - 30), OfferDeclined, 50, false, false),
            ],
        };
        let l = lagging_indicators(&hr, &StatusThresholds::default());
        // mean headcount = (40 + 44 + 36)/3 = 40; attrition = 5/40 = 0.125 > 0.10 → breach.
        let a = &l.regretted_top_talent_attrition;
        assert!((a.value.value().unwrap().value - 0.125).abs() < 1e-9);
        assert_eq!(a.breach, Some(true));
        // acceptance = 6/(6 + 4) = 0.6 < 0.70 → breach.
        let o = &l.offer_acceptance;
        assert!((o.value.value().unwrap().value - 0.6).abs() < 1e-9);
        assert_eq!(o.breach, Some(true));
    }

    #[test]
    fn no_snapshots_and_no_offers_are_not_enough_data_not_zero() {
        let hr = HrInput {
            quarter_first_day: date!(2026 - 07 - 01),
            quarter_last_day: date!(2026 - 09 - 30),
            events: vec![],
        };
        let l = lagging_indicators(&hr, &StatusThresholds::default());
        assert!(matches!(
            l.regretted_top_talent_attrition.value,
            Figure::NotEnoughData { .. }
        ));
        assert_eq!(l.offer_acceptance.breach, None);
    }
}
