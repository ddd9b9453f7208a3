use std::collections::BTreeMap;

use proptest::prelude::*;

use super::follow::{follow_through, Unit};
use super::*;
use crate::domain::audience::Audience;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::change::{ChangeState, Direction};
use crate::domain::scoring::testkit::{culture_round, input, likert_rows, q3};
use crate::domain::scoring::trend::Metric;
use crate::domain::scoring::{build_scorecard, Figure, RoundInput, Scorecard};

fn text(title: &str, note: &str) -> ActionText {
    ActionText {
        title: title.into(),
        note: note.into(),
    }
}

fn texts(pairs: &[(Locale, ActionText)]) -> BTreeMap<Locale, ActionText> {
    pairs.iter().cloned().collect()
}

#[test]
fn status_words_round_trip_and_others_are_refused() {
    for s in ActionStatus::ALL {
        assert_eq!(s.key().parse::<ActionStatus>(), Ok(s));
    }
    assert_eq!("In progress".parse(), Ok(ActionStatus::InProgress));
    assert!(matches!(
        "finished".parse::<ActionStatus>(),
        Err(ActionError::UnknownStatus(_))
    ));
}

#[test]
fn texts_need_the_default_language_and_respect_limits_in_characters() {
    let en = text("  CTO joins the weekly deal review ", "");
    let t = clean_texts(&texts(&[(Locale::En, en.clone())]), Locale::En).unwrap();
    assert_eq!(t.0[&Locale::En].title, "CTO joins the weekly deal review");
    assert_eq!(
        clean_texts(&texts(&[(Locale::Ko, en.clone())]), Locale::En),
        Err(ActionError::NoDefaultText(Locale::En))
    );
    // 200 Hangul syllables are 600 bytes but 200 characters: allowed; 201 are not.
    let long = "가".repeat(TITLE_MAX);
    assert!(clean_texts(&texts(&[(Locale::En, text(&long, ""))]), Locale::En).is_ok());
    let longer = "가".repeat(TITLE_MAX + 1);
    assert_eq!(
        clean_texts(&texts(&[(Locale::En, text(&longer, ""))]), Locale::En),
        Err(ActionError::TooLong {
            field: "title",
            locale: Locale::En,
            max: TITLE_MAX
        })
    );
    let note = "n".repeat(NOTE_MAX + 1);
    assert!(matches!(
        clean_texts(&texts(&[(Locale::En, text("x", &note))]), Locale::En),
        Err(ActionError::TooLong { field: "note", .. })
    ));
    assert_eq!(
        clean_texts(&texts(&[(Locale::En, text("   ", ""))]), Locale::En),
        Err(ActionError::EmptyTitle(Locale::En))
    );
    assert_eq!(
        clean_texts(&texts(&[(Locale::En, text("a\u{0}b", ""))]), Locale::En),
        Err(ActionError::ControlCharacter)
    );
    assert_eq!(
        clean_texts(&texts(&[(Locale::En, text("two\nlines", ""))]), Locale::En),
        Err(ActionError::ControlCharacter)
    );
}

#[test]
fn a_reader_gets_their_language_or_the_default_marked_as_such() {
    let t = clean_texts(
        &texts(&[
            (Locale::En, text("Cloud dev environments", "")),
            (Locale::Nl, text("Ontwikkelomgevingen in de cloud", "")),
        ]),
        Locale::En,
    )
    .unwrap();
    let nl = t.get(Locale::Nl, Locale::En).unwrap();
    assert_eq!(nl.text.title, "Ontwikkelomgevingen in de cloud");
    assert!(!nl.fallback);
    let ko = t.get(Locale::Ko, Locale::En).unwrap();
    assert_eq!(ko.text.title, "Cloud dev environments");
    assert!(ko.fallback);
    assert!(!t.get(Locale::En, Locale::En).unwrap().fallback);
}

#[test]
fn owner_due_quarter_and_dropping_are_checked() {
    assert_eq!(clean_owner("  Platform team "), Ok("Platform team".into()));
    assert_eq!(clean_owner(" "), Err(ActionError::EmptyOwner));
    assert_eq!(
        clean_owner(&"o".repeat(OWNER_MAX + 1)),
        Err(ActionError::OwnerTooLong)
    );
    let q = q3();
    assert!(check_due(q, q).is_ok());
    assert!(check_due(q, q.next()).is_ok());
    assert_eq!(
        check_due(q, q.prev()),
        Err(ActionError::DueTooEarly {
            due: q.prev(),
            quarter: q
        })
    );
    let bare = clean_texts(&texts(&[(Locale::En, text("x", ""))]), Locale::En).unwrap();
    assert_eq!(
        check_status(ActionStatus::Dropped, &bare, Locale::En),
        Err(ActionError::DroppedWithoutNote)
    );
    assert!(check_status(ActionStatus::Done, &bare, Locale::En).is_ok());
}

fn shape(audience: Audience) -> RoundShape {
    RoundShape {
        audience,
        groups: vec!["sales".into(), "eng".into()],
        likert_items: vec!["overall".into(), "sales_roadmap".into()],
        drivers: vec![("sales".into(), "sales_roadmap".into())],
    }
}

#[test]
fn links_must_point_at_something_the_round_has() {
    let csat = shape(Audience::InternalCsat);
    let ok = [
        ActionLink::Measure {
            metric: Metric::WeightedCsat,
        },
        ActionLink::Group {
            group: "sales".into(),
        },
        ActionLink::Item {
            item: "sales_roadmap".into(),
            group: Some("eng".into()),
        },
        ActionLink::Driver {
            analysis: "sales".into(),
            item: "sales_roadmap".into(),
        },
    ];
    for l in &ok {
        assert_eq!(l.check(&csat), Ok(()), "{l:?}");
    }
    let bad = [
        ActionLink::Measure {
            metric: Metric::Enps,
        },
        ActionLink::Measure {
            metric: Metric::GroupCsat,
        },
        ActionLink::Group {
            group: "legal".into(),
        },
        ActionLink::Item {
            item: "nope".into(),
            group: None,
        },
        ActionLink::Item {
            item: "overall".into(),
            group: Some("legal".into()),
        },
        ActionLink::Driver {
            analysis: "eng".into(),
            item: "sales_roadmap".into(),
        },
    ];
    for l in &bad {
        assert!(l.check(&csat).is_err(), "{l:?}");
    }
    assert_eq!(
        ActionLink::Group {
            group: "sales".into()
        }
        .check(&shape(Audience::EngineeringCulture)),
        Err(LinkError::NotCsat("engineering-culture".into()))
    );
}

#[test]
fn a_link_concerns_its_group_or_everyone() {
    let whole = ActionLink::Driver {
        analysis: "all".into(),
        item: "tools".into(),
    };
    assert!(whole.concerns("eng") && whole.concerns("sales"));
    let sales = ActionLink::Group {
        group: "sales".into(),
    };
    assert!(sales.concerns("sales") && !sales.concerns("eng"));
    let measure = ActionLink::Measure {
        metric: Metric::WeightedCsat,
    };
    assert_eq!(measure.group(), None);
}

/// An internal-CSAT round in `quarter` whose groups are (key, delivered, answered, favourable
/// answers); the rest answer 2.
fn csat(quarter: Quarter, groups: &[(&str, u32, u32, u32)]) -> RoundInput {
    let mut r = crate::domain::scoring::testkit::csat_round(&[]);
    r.quarter = quarter;
    for &(key, delivered, answered, fav) in groups {
        r.groups.push(crate::domain::scoring::testkit::group(
            key, 35.0, delivered, answered,
        ));
        r.value_counts.extend(likert_rows(
            key,
            "overall",
            [0, answered - fav, 0, fav, 0],
            0,
        ));
    }
    r
}

fn scorecard(quarter: Quarter, rounds: Vec<RoundInput>) -> Scorecard {
    let mut i = input(rounds);
    i.quarter = quarter;
    build_scorecard(&i, &mut rand::rng()).unwrap()
}

#[test]
fn a_groups_csat_is_followed_with_the_scorecards_own_figures_and_change_state() {
    let (q3, q4) = (q3(), q3().next());
    let rounds = vec![
        csat(q3, &[("sales", 40, 20, 14)]),
        csat(q4, &[("sales", 40, 20, 19)]),
    ];
    let s3 = scorecard(q3, rounds.clone());
    let s4 = scorecard(q4, rounds);
    let link = ActionLink::Group {
        group: "sales".into(),
    };
    let points = follow_through(&link, "internal-csat", &[&s3, &s4]);
    assert_eq!(points.len(), 2);
    assert_eq!(points[0].quarter, q3);
    assert!(points[0].since_start.is_none());
    // The numbers are the scorecard's own.
    for (p, s) in points.iter().zip([&s3, &s4]) {
        let own = s.rounds[0].groups[0]
            .csat
            .as_ref()
            .unwrap()
            .value()
            .unwrap();
        let v = p.figure.value().unwrap();
        assert_eq!(
            (v.value, v.low, v.high, v.n),
            (own.estimate, own.low, own.high, own.n)
        );
        assert_eq!(v.unit, Unit::Share);
    }
    // 14/20 = 0.70 then 19/20 = 0.95: Δ = 0.25.
    // Var = (1 − 20/40)·p(1−p)/19: 0.5·0.21/19 = 0.0055263 and 0.5·0.0475/19 = 0.00125;
    // z = 0.25/√0.0067763 = 0.25/0.082318 = 3.04, p ≈ 0.0024 (one test, so adjusted the same).
    match points[1].since_start.as_ref().unwrap() {
        ChangeState::Changed { direction, test } => {
            assert_eq!(*direction, Direction::Up);
            assert!((test.change - 0.25).abs() < 1e-12);
            assert!((test.p - 0.0024).abs() < 0.0002, "{}", test.p);
        }
        other => panic!("expected changed, got {other:?}"),
    }
}

#[test]
fn a_withheld_figure_stays_withheld_and_no_change_is_claimed() {
    let (q3, q4) = (q3(), q3().next());
    // In Q4 sales has 4 answers (< k = 5): its CSAT is suppressed.
    let rounds = vec![
        csat(q3, &[("sales", 40, 20, 14), ("eng", 40, 20, 10)]),
        csat(q4, &[("sales", 40, 4, 4), ("eng", 40, 20, 10)]),
    ];
    let s3 = scorecard(q3, rounds.clone());
    let s4 = scorecard(q4, rounds);
    let link = ActionLink::Item {
        item: "overall".into(),
        group: Some("sales".into()),
    };
    let points = follow_through(&link, "internal-csat", &[&s3, &s4]);
    assert!(matches!(points[1].figure, Figure::Suppressed { .. }));
    assert!(matches!(
        points[1].since_start,
        Some(ChangeState::NotEnoughData { .. })
    ));
    let json = serde_json::to_string(&points[1]).unwrap();
    assert!(!json.contains("\"value\""), "{json}");
}

#[test]
fn enps_is_followed_in_points_and_a_missing_round_is_said_plainly() {
    let q = q3();
    let s = scorecard(q, vec![culture_round(&[("eng", 10)])]);
    let link = ActionLink::Measure {
        metric: Metric::Enps,
    };
    let p = follow_through(&link, "engineering-culture", &[&s]);
    // Everyone answered 9: p⁺ = 1, p⁻ = 0, eNPS = 100·(1 − 0) = 100.
    let v = p[0].figure.value().unwrap();
    assert_eq!((v.value, v.unit), (100.0, Unit::EnpsPoints));
    let none = follow_through(&link, "tech-strategy-alignment", &[&s]);
    assert_eq!(
        none[0].figure.absence().unwrap(),
        format!("no sealed tech-strategy-alignment round in {q}")
    );
}

proptest! {
    /// Whatever the answers, a follow-through has one point per quarter, the first without a
    /// change, and every shown number is the scorecard's own group CSAT.
    #[test]
    fn follow_through_numbers_are_the_scorecards(
        quarters in proptest::collection::vec((6u32..60, 0u32..=100), 1..5)
    ) {
        let mut rounds = Vec::new();
        let mut q = q3();
        let mut qs = Vec::new();
        for &(answered, fav_pct) in &quarters {
            let fav = answered * fav_pct / 100;
            rounds.push(csat(q, &[("sales", answered * 2, answered, fav)]));
            qs.push(q);
            q = q.next();
        }
        let cards: Vec<Scorecard> = qs.iter().map(|&q| scorecard(q, rounds.clone())).collect();
        let refs: Vec<&Scorecard> = cards.iter().collect();
        let link = ActionLink::Group { group: "sales".into() };
        let points = follow_through(&link, "internal-csat", &refs);
        prop_assert_eq!(points.len(), cards.len());
        prop_assert!(points[0].since_start.is_none());
        for (p, s) in points.iter().zip(&cards) {
            prop_assert_eq!(p.quarter, s.quarter);
            let own = s.rounds[0].groups[0].csat.as_ref().unwrap();
            prop_assert_eq!(p.figure.value().map(|v| v.value), own.value().map(|s| s.estimate));
            if p.quarter != qs[0] {
                prop_assert!(p.since_start.is_some());
            }
        }
    }
}
