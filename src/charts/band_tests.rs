//! The band under the panels: actions beside the commentary, and the time split at its right.

use super::sample::sample_scorecard;
use super::*;
use crate::domain::locale::Locale;

fn ctx(locale: Locale) -> ReportContext<'static> {
    super::sample::sample_context(locale)
}

#[test]
fn actions_sit_beside_the_commentary_escaped_and_wrapped_in_every_language() {
    use crate::charts::actions_box::ReportAction;
    use crate::domain::actions::ActionStatus;
    let actions = vec![
        ReportAction {
            title: "<script>alert(1)</script> & the weekly deal review".into(),
            status: ActionStatus::InProgress,
        },
        ReportAction {
            // As long as a title may be (200 characters).
            title: "A title far too long for the box: ".repeat(6)[..200]
                .trim()
                .into(),
            status: ActionStatus::Planned,
        },
        ReportAction {
            title: "Move developer environments to the cloud".into(),
            status: ActionStatus::Done,
        },
    ];
    let sc = sample_scorecard().unwrap();
    for locale in Locale::ALL {
        let c = ReportContext {
            actions: &actions,
            actions_total: 5,
            ..ctx(locale)
        };
        let svg = render_svg(&sc, &c).unwrap();
        assert!(!svg.contains("<script"), "{locale}: markup must be escaped");
        assert!(
            svg.contains("&lt;script&gt;") || svg.contains("&#60;script"),
            "{locale}"
        );
        let heading = match locale {
            Locale::En => "Actions (5)",
            Locale::Ko => "조치 (5건)",
            Locale::Nl => "Acties (5)",
            Locale::De => "Maßnahmen (5)",
        };
        assert!(svg.contains(heading), "{locale}");
        // The long title wraps in full, the band growing to hold it: nothing is cut.
        assert!(!svg.contains('…'), "{locale}");
        assert!(
            crate::charts::height(&sc, &c).unwrap() > crate::charts::HEIGHT,
            "{locale}"
        );
        assert!(!render_png(&sc, &c).unwrap().is_empty());
    }
}

#[test]
fn the_time_split_sits_at_the_right_of_the_band_beside_commentary_and_actions() {
    use crate::charts::actions_box::ReportAction;
    use crate::domain::actions::ActionStatus;
    use crate::domain::time_split::split::summarize;
    use crate::domain::time_split::{Category, CategoryHours, Targets};
    let mut h = CategoryHours::default();
    for (c, v) in [
        (Category::Sales, 34.0),
        (Category::Marketing, 21.0),
        (Category::Bd, 15.0),
        (Category::InternalEngineering, 30.0),
    ] {
        h.add(c, v);
    }
    let split = summarize(&h, &Targets::default());
    let actions = vec![ReportAction {
        title: "CTO joins the weekly deal review".into(),
        status: ActionStatus::Done,
    }];
    let sc = sample_scorecard().unwrap();
    for (locale, title) in [
        (Locale::En, "time goes (calendar)"),
        (Locale::Ko, "CTO의 시간 배분"),
        (Locale::Nl, "Waar de tijd van de CTO heen gaat"),
    ] {
        let c = ReportContext {
            actions: &actions,
            actions_total: 1,
            time_split: Some((&split, Targets::default())),
            ..ctx(locale)
        };
        let svg = render_svg(&sc, &c).unwrap();
        assert!(svg.contains(title), "{locale}");
        assert!(svg.contains(&ctx(locale).commentary.unwrap()[..20]) || locale != Locale::En);
        assert!(!render_png(&sc, &c).unwrap().is_empty());
    }
}
