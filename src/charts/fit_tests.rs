//! Words the board report sets in full: action titles wrap instead of ending in "…", and the
//! lagging indicators' labels fit beside their longest verdict, in every language.

use super::actions_box::ReportAction;
use super::reason_tests::{elements, height_of, unescape};
use super::sample::{sample_context, sample_scorecard};
use super::*;
use crate::domain::actions::ActionStatus;
use crate::domain::locale::Locale;

/// Three action titles in `locale`, each longer than a line of the actions box.
fn long_titles(locale: Locale) -> [&'static str; 3] {
    match locale {
        Locale::Ko => [
            "매주 목요일 오후 엔지니어링 조직 전체에 열려 있는 CTO 오피스 아워를 운영하고 \
             나온 질문과 답을 모두가 볼 수 있게 정리하기",
            "분기마다 제품 팀과 플랫폼 팀이 함께 기술 부채 목록을 검토하고 우선순위를 정하기",
            "신규 입사자 온보딩 문서를 새로 쓰고 첫 주 안에 배포까지 해 볼 수 있게 하기",
        ],
        Locale::Nl => [
            "Spreekuur elke donderdag, open voor iedereen in engineering, met de CTO en de \
             staff engineers aan tafel",
            "Elk kwartaal met product- en platformteams samen de lijst met technische schuld \
             doornemen en prioriteren",
            "De inwerkdocumentatie herschrijven zodat nieuwe collega's in hun eerste week al \
             iets uitrollen",
        ],
        Locale::De => [
            "Sprechstunde jeden Donnerstag, offen für alle in der Entwicklung, mit dem CTO und \
             den Staff Engineers am Tisch",
            "Jedes Quartal mit Produkt- und Plattformteams gemeinsam die Liste der technischen \
             Schulden durchgehen und priorisieren",
            "Die Einarbeitungsunterlagen neu schreiben, damit neue Kolleginnen und Kollegen in \
             der ersten Woche etwas ausliefern",
        ],
        Locale::En => [
            "Office hours every Thursday, open to everyone in engineering, with the CTO and \
             the staff engineers at the table",
            "Every quarter, product and platform teams review the technical-debt list together \
             and set its priorities",
            "Rewrite the onboarding documents so that new colleagues ship something in their \
             first week",
        ],
    }
}

fn actions(titles: [&str; 3]) -> Vec<ReportAction> {
    let status = [
        ActionStatus::InProgress,
        ActionStatus::Planned,
        ActionStatus::Done,
    ];
    titles
        .iter()
        .zip(status)
        .map(|(t, status)| ReportAction {
            title: t.split_whitespace().collect::<Vec<_>>().join(" "),
            status,
        })
        .collect()
}

/// The sample's report in `locale` with `actions`, five live in all.
fn with(locale: Locale, actions: &[ReportAction]) -> ReportContext<'_> {
    ReportContext {
        actions,
        actions_total: 5,
        ..sample_context(locale)
    }
}

#[test]
fn long_action_titles_and_lagging_labels_are_drawn_whole_in_every_language() {
    let mut sc = sample_scorecard().unwrap();
    // A breach with a decimal gives the longest text right of the label: the least room.
    for ind in [
        &mut sc.measure_b.lagging.offer_acceptance,
        &mut sc.measure_b.lagging.regretted_top_talent_attrition,
    ] {
        ind.breach = Some(true);
        ind.threshold = 0.125;
        ind.value = crate::domain::scoring::Figure::Shown {
            value: crate::domain::scoring::lagging::Ratio {
                value: 0.667,
                numerator: 2.0,
                denominator: 3.0,
            },
        };
    }
    for locale in Locale::ALL {
        let long = actions(long_titles(locale));
        let short = actions(["A", "B", "C"]);
        let svg = render_svg(&sc, &with(locale, &long)).unwrap();
        let texts: Vec<String> = elements(&svg, "text")
            .into_iter()
            .map(|(_, t)| unescape(t))
            .collect();
        let cut: Vec<&String> = texts.iter().filter(|t| t.ends_with('…')).collect();
        assert!(cut.is_empty(), "{locale}: {cut:?}");
        let all = texts.join(" ");
        for a in &long {
            assert!(
                all.contains(&a.title),
                "{locale}: {:?} in {texts:?}",
                a.title
            );
        }
        let l = copy::labels(locale);
        for label in [l.acceptance, l.attrition] {
            assert!(texts.iter().any(|t| t == label), "{locale}: {label}");
        }
        // The band grew by the extra lines; the panels above kept their height.
        let plain = render_svg(&sc, &with(locale, &short)).unwrap();
        assert!(height_of(&svg) > height_of(&plain), "{locale}");
        assert_eq!(height_of(&plain), HEIGHT as i32, "{locale}");
    }
}

/// Writes the report with long action titles to the temp directory, to look at.
#[test]
#[ignore = "writes images to look at"]
fn write_long_action_reports() {
    let mut sc = sample_scorecard().unwrap();
    sc.measure_b.lagging.offer_acceptance.breach = Some(true);
    for locale in Locale::ALL {
        let long = actions(long_titles(locale));
        let c = with(locale, &long);
        let path = std::env::temp_dir().join(format!("wtc-long-actions-{}.png", locale.code()));
        std::fs::write(&path, render_png(&sc, &c).unwrap()).unwrap();
        println!("{}", path.display());
    }
}
