//! A figure the engine could not compute says why on the report, in the report's language.

use rand::rngs::StdRng;
use rand::SeedableRng;

use super::sample::{sample_context, sample_input};
use super::*;
use crate::domain::audience::Audience;
use crate::domain::locale::Locale;
use crate::domain::scoring::build_scorecard;
use crate::domain::scoring::missing::Missing;
use crate::domain::scoring::{Figure, Scorecard};

/// The sample company, except that nobody answered the eNPS question this quarter.
fn nobody_answered_enps() -> Scorecard {
    let mut input = sample_input();
    let last = input
        .rounds
        .iter_mut()
        .filter(|r| r.audience == Audience::EngineeringCulture)
        .max_by_key(|r| r.quarter)
        .unwrap();
    last.value_counts.retain(|c| c.item != "enps");
    build_scorecard(&input, &mut StdRng::seed_from_u64(1)).unwrap()
}

/// Every `<text>` of the SVG, its entities for quotes and ampersands undone.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|chunk| {
            let (_, rest) = chunk.split_once('>')?;
            let text = rest.split("</text>").next()?.trim();
            Some(text.replace("&amp;", "&").replace("&quot;", "\""))
        })
        .collect()
}

#[test]
fn a_german_board_reads_why_the_enps_is_missing() {
    let sc = nobody_answered_enps();
    assert_eq!(
        sc.measure_b.enps,
        Figure::not_enough(Missing::NoEnpsAnswers)
    );
    let svg = render_svg(&sc, &sample_context(Locale::De)).unwrap();
    let all = texts(&svg);
    assert!(
        all.iter()
            .any(|t| t == "eNPS: niemand hat die eNPS-Frage beantwortet"),
        "{all:?}"
    );
    // The English board reads the engine's own sentence.
    let svg = render_svg(&sc, &sample_context(Locale::En)).unwrap();
    assert!(texts(&svg)
        .iter()
        .any(|t| t == "eNPS: nobody answered the eNPS question"));
}

#[test]
fn every_language_names_the_cause() {
    let sc = nobody_answered_enps();
    for locale in Locale::ALL {
        let svg = render_svg(&sc, &sample_context(locale)).unwrap();
        let expected = format!(
            "eNPS: {}",
            crate::charts::missing::words(locale, &Missing::NoEnpsAnswers)
        );
        assert!(texts(&svg).contains(&expected), "{locale}: {expected}");
    }
}

#[test]
fn a_cause_naming_its_survey_and_quarter_is_said_in_full_beside_the_enps() {
    let mut input = sample_input();
    input
        .rounds
        .retain(|r| r.audience != Audience::EngineeringCulture || r.quarter != input.quarter);
    let sc = build_scorecard(&input, &mut StdRng::seed_from_u64(1)).unwrap();
    let why = Missing::NoClosedRound {
        audience: Audience::EngineeringCulture,
        quarter: input.quarter,
    };
    assert_eq!(sc.measure_b.enps, Figure::not_enough(why.clone()));
    let svg = render_svg(&sc, &sample_context(Locale::Nl)).unwrap();
    let all = texts(&svg);
    let Some(first) = all.iter().position(|t| t.starts_with("eNPS: ")) else {
        panic!("no eNPS line: {all:?}");
    };
    let said = format!("{} {}", all[first], all[first + 1]);
    assert_eq!(
        said,
        format!("eNPS: {}", crate::charts::missing::words(Locale::Nl, &why))
    );
}

#[test]
fn a_lagging_row_names_its_gap_in_every_language() {
    use crate::domain::scoring::HrEventKind;
    let mut input = sample_input();
    input.hr.events.retain(|e| {
        !matches!(
            e.kind,
            HrEventKind::OfferAccepted | HrEventKind::OfferDeclined
        )
    });
    let sc = build_scorecard(&input, &mut StdRng::seed_from_u64(1)).unwrap();
    assert_eq!(
        sc.measure_b.lagging.offer_acceptance.value,
        Figure::not_enough(Missing::NoOffers)
    );
    for (locale, cause) in [
        (Locale::En, "no offers"),
        (Locale::De, "keine Jobangebote"),
        (Locale::Ko, "제안 없음"),
        (Locale::Nl, "geen aanbiedingen"),
    ] {
        let svg = render_svg(&sc, &sample_context(locale)).unwrap();
        let all = texts(&svg);
        assert!(
            all.iter().any(|t| t.starts_with(&format!("{cause} ("))),
            "{locale:?}: {all:?}"
        );
        // The attrition row still has its data, so nothing says HR data is missing.
        let generic = crate::i18n::template(locale, "report-no-hr-data");
        assert!(!all.iter().any(|t| t.contains(&*generic)), "{locale:?}");
    }
}
