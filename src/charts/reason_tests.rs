//! Long status reasons: set in full on the board report, with the page grown to hold them.

use rand::rngs::StdRng;
use rand::SeedableRng;

use super::sample::sample_input;
use super::text_layout::{self as tl, line_height};
use super::theme::{self, size};
use super::*;
use crate::domain::locale::Locale;
use crate::domain::scoring::inputs::{Assessment, Confirmation, InflectionInput};
use crate::domain::scoring::{build_scorecard, Scorecard};

/// Three missed inflection points with long titles in the report's language: measure A's
/// reason names each, so it runs well past the three lines a panel used to give it.
fn long_titles(locale: Locale) -> [&'static str; 3] {
    match locale {
        Locale::Ko => [
            "모든 고객용 서비스를 노후한 사내 데이터센터에서 다중 리전 클라우드 플랫폼으로 옮기고 \
             예전 시스템과 백업 장비를 연말 전에 완전히 끄고 운영 비용을 크게 줄이는 일",
            "수작업 배포 스크립트를 모든 제품 팀이 함께 쓰는 감사 가능한 단일 릴리스 파이프라인으로 \
             바꾸고 배포 주기를 절반으로 줄이며 장애 복구 시간을 한 시간 이내로 낮추는 일",
            "가을 트래픽 정점 전에 전담 플랫폼 신뢰성 팀을 채용하고 온보딩해서 야간 호출과 \
             장애 대응 부담을 제품 팀에서 덜어내고 신규 입사자의 적응 기간을 줄이는 일",
        ],
        Locale::Nl => [
            "Alle klantgerichte diensten verhuizen van het verouderde eigen rekencentrum naar \
             het cloudplatform met meerdere regio's",
            "De zelfgebouwde uitrolscripts vervangen door één controleerbare releasepijplijn \
             voor alle productteams",
            "Een toegewijd platformbetrouwbaarheidsteam aannemen en inwerken vóór de \
             verkeerspiek in het najaar",
        ],
        Locale::De => [
            "Alle kundennahen Dienste aus dem veralteten hauseigenen Rechenzentrum auf die \
             Mehrregionen-Cloudplattform umziehen",
            "Die selbstgebauten Bereitstellungsskripte durch eine prüfbare \
             Veröffentlichungspipeline für alle Produktteams ersetzen",
            "Ein eigenes Plattformzuverlässigkeitsteam vor der herbstlichen Lastspitze \
             einstellen und einarbeiten",
        ],
        _ => [
            "Moving every customer-facing service from the ageing on-premise data centre to \
             the multi-region cloud platform",
            "Replacing the hand-built deployment scripts with one audited release pipeline for \
             all product teams",
            "Hiring and onboarding a dedicated platform reliability team before the autumn \
             traffic peak",
        ],
    }
}

fn scorecard_with_long_reason(locale: Locale) -> Scorecard {
    let mut input = sample_input();
    input.inflection_points = long_titles(locale)
        .iter()
        .map(|t| InflectionInput {
            title: t.split_whitespace().collect::<Vec<_>>().join(" "),
            assessment: Assessment::Missed,
            confirmation: Confirmation::Confirmed,
            notes: String::new(),
        })
        .collect();
    build_scorecard(&input, &mut StdRng::seed_from_u64(1)).unwrap()
}

fn ctx(locale: Locale) -> ReportContext<'static> {
    super::sample::sample_context(locale)
}

/// `<tag …>` elements of an SVG as (attributes, content) pairs, in document order.
pub(super) fn elements<'a>(svg: &'a str, tag: &str) -> Vec<(&'a str, &'a str)> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|chunk| {
            let (attrs, rest) = chunk.split_once('>')?;
            let content = rest.split(&format!("</{tag}>")).next().unwrap_or("");
            Some((attrs, content))
        })
        .collect()
}

fn attr(attrs: &str, name: &str) -> Option<i32> {
    attrs
        .split(&format!("{name}=\""))
        .nth(1)?
        .split('"')
        .next()?
        .parse::<f64>()
        .ok()
        .map(|v| v.round() as i32)
}

pub(super) fn unescape(s: &str) -> String {
    s.trim()
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn a_long_reason_wraps_in_full_and_the_page_grows_to_hold_it() {
    let font = theme::regular(size::SMALL);
    for locale in Locale::ALL {
        let sc = scorecard_with_long_reason(locale);
        let c = ctx(locale);
        let reason = reasons::sentence(&super::alignment_panel::reason(&sc, &c));
        assert!(reason.chars().count() >= 300, "{locale}: {reason}");
        let svg = render_svg(&sc, &c).unwrap();
        let texts: Vec<(i32, i32, String)> = elements(&svg, "text")
            .into_iter()
            .filter_map(|(a, t)| Some((attr(a, "x")?, attr(a, "y")?, unescape(t))))
            .collect();

        // The reason's lines, consecutive in the drawing, put back together are the reason.
        let first = texts
            .iter()
            .position(|(_, _, t)| !t.is_empty() && reason.starts_with(t.as_str()))
            .unwrap_or_else(|| panic!("{locale}: the reason's first line is not drawn"));
        let mut joined = String::new();
        let mut end = first;
        while joined.len() < reason.len() && end < texts.len() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&texts[end].2);
            end += 1;
        }
        let words: Vec<&str> = reason.split_whitespace().collect();
        assert_eq!(
            joined.split_whitespace().collect::<Vec<_>>(),
            words,
            "{locale}: the reason is not drawn in full"
        );
        let lines = &texts[first..end];
        assert!(lines.len() > 3, "{locale}: {} lines", lines.len());
        assert!(
            lines.iter().all(|(_, _, t)| !t.ends_with('…')),
            "{locale}: a line is cut"
        );

        // Nothing runs out of the panel: each line within the panel's content width, all at
        // the panel's left edge, and the headline figure below the last line.
        let (x0, panel_w) = (texts[first].0, (WIDTH as i32 - 48 - 32) / 3);
        for (x, _, t) in lines {
            assert_eq!(*x, x0, "{locale}: {t}");
            assert!(
                tl::width(&font, t) <= panel_w - 36,
                "{locale}: too wide: {t}"
            );
        }
        let below = lines[lines.len() - 1].1 + line_height(size::SMALL);
        let (_, next_y, next) = &texts[end];
        assert!(
            *next_y >= below,
            "{locale}: '{next}' at y {next_y} overlaps the reason ending at {below}"
        );

        // The three panels grow alike and end above the commentary; the page holds it all.
        let h = height(&sc, &c).unwrap();
        assert!(h > HEIGHT, "{locale}: the page did not grow");
        assert!(svg.contains(&format!("height=\"{h}\"")), "{locale}");
        let panels: Vec<(i32, i32)> = elements(&svg, "rect")
            .into_iter()
            .filter(|(a, _)| a.contains("fill=\"#F7F7F5\""))
            .filter_map(|(a, _)| Some((attr(a, "y")?, attr(a, "height")?)))
            .collect();
        assert!(panels.len() >= 3, "{locale}: {panels:?}");
        assert!(
            panels[..3].iter().all(|p| *p == panels[0]),
            "{locale}: panels differ: {panels:?}"
        );
        let panel_bottom = panels[0].0 + panels[0].1;
        assert!(
            panels[3..].iter().all(|(y, _)| *y > panel_bottom),
            "{locale}: the commentary band overlaps the panels: {panels:?}"
        );
        let lowest = texts.iter().map(|(_, y, _)| *y).max().unwrap_or(0);
        assert!(
            lowest + line_height(size::TINY) <= h as i32,
            "{locale}: text at {lowest} runs off a {h} px page"
        );
        let png = render_png(&sc, &c).unwrap();
        let decoded = image::load_from_memory(&png).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (WIDTH, h), "{locale}");
    }
}

#[test]
fn short_reasons_keep_the_page_at_its_usual_size() {
    let sc = super::sample::sample_scorecard().unwrap();
    for locale in Locale::ALL {
        assert_eq!(height(&sc, &ctx(locale)).unwrap(), HEIGHT, "{locale}");
    }
}

/// Writes each language's long-reason report to the temp directory, to look at.
#[test]
#[ignore = "writes images to look at"]
fn write_long_reason_reports() {
    for locale in Locale::ALL {
        let sc = scorecard_with_long_reason(locale);
        let png = render_png(&sc, &ctx(locale)).unwrap();
        let path = std::env::temp_dir().join(format!("long-reason-{}.png", locale.code()));
        std::fs::write(&path, png).unwrap();
        println!("{}", path.display());
    }
}

#[test]
fn a_grown_report_still_fits_the_packs_first_page() {
    let (sc, c) = (scorecard_with_long_reason(Locale::De), ctx(Locale::De));
    let input = crate::board_pack::PackInput {
        scorecard: &sc,
        ctx: &c,
        register: &[],
        actions: &[],
    };
    let pages = crate::board_pack::pages(&input).unwrap();
    // The report is placed by `translate(x y) scale(s)` on the A4 landscape page.
    let placed = pages[0].split("translate(").nth(1).unwrap();
    let (xy, rest) = placed.split_once(") scale(").unwrap();
    let y: f32 = xy.split(' ').nth(1).unwrap().parse().unwrap();
    let s: f32 = rest.split(')').next().unwrap().parse().unwrap();
    let h = height(&sc, &c).unwrap() as f32;
    assert!(h > HEIGHT as f32);
    assert!(
        y > 20.0 && y + h * s < 595.28 - 20.0,
        "y {y}, scale {s}, h {h}"
    );
}

#[test]
fn no_driver_name_is_cut_off_in_any_language() {
    for locale in Locale::ALL {
        let sc = super::sample::sample_scorecard().unwrap();
        let svg = render_svg(&sc, &ctx(locale)).unwrap();
        let cut: Vec<String> = elements(&svg, "text")
            .into_iter()
            .map(|(_, t)| unescape(t))
            .filter(|t| t.ends_with('…'))
            .collect();
        // German names of the sample's three drivers need three lines: the line shows the
        // two that fit whole rather than a name ending in "…".
        assert!(cut.is_empty(), "{locale}: {cut:?}");
    }
}

/// The sample, with the culture round's most important driver given a German name that
/// needs more than the driver line's two lines.
fn long_german_driver_name() -> (&'static str, crate::charts::ItemLabels) {
    let name = "Ich sehe mich auch in einem Jahr noch hier arbeiten, weil mir die Arbeit, das \
                Team und die Möglichkeiten zur Weiterentwicklung in diesem Unternehmen gefallen";
    let mut labels = super::sample::sample_labels();
    let key = (
        "engineering-culture".to_string(),
        "here_in_a_year".to_string(),
    );
    let mut texts: Vec<String> = Locale::ALL
        .iter()
        .map(|l| {
            labels
                .get(&key)
                .map(|t| t.get(*l).to_string())
                .unwrap_or_default()
        })
        .collect();
    texts[Locale::De.index()] = name.to_string();
    labels.insert(key, crate::domain::template::Localized { texts });
    (name, labels)
}

#[test]
fn a_long_german_top_driver_wraps_whole_instead_of_being_cut() {
    let (name, labels) = long_german_driver_name();
    let sc = super::sample::sample_scorecard().unwrap();
    let c = ReportContext {
        labels: &labels,
        ..ctx(Locale::De)
    };
    let svg = render_svg(&sc, &c).unwrap();
    let texts: Vec<String> = elements(&svg, "text")
        .into_iter()
        .map(|(_, t)| unescape(t))
        .collect();
    let cut: Vec<&String> = texts.iter().filter(|t| t.ends_with('…')).collect();
    assert!(cut.is_empty(), "{cut:?}");
    // Every word of the name is drawn, in order, on consecutive lines.
    let all = texts.join(" ");
    assert!(all.contains(name), "{texts:?}");
    // The page grew by the third line, so the trend below keeps its height.
    let plain = render_svg(&sc, &ctx(Locale::De)).unwrap();
    let tall = |svg: &str| height_of(svg);
    assert_eq!(tall(&svg), tall(&plain) + tl::line_height(size::TINY));
}

/// The `height` attribute of an SVG document.
pub(super) fn height_of(svg: &str) -> i32 {
    svg.split("height=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Writes the German report with the long driver name to the temp directory, to look at.
#[test]
#[ignore = "writes an image to look at"]
fn write_long_driver_report() {
    let (_, labels) = long_german_driver_name();
    let sc = super::sample::sample_scorecard().unwrap();
    let c = ReportContext {
        labels: &labels,
        ..ctx(Locale::De)
    };
    let path = std::env::temp_dir().join("long-driver-de.png");
    std::fs::write(&path, render_png(&sc, &c).unwrap()).unwrap();
    println!("{}", path.display());
}

#[test]
fn the_method_footer_names_each_survey_by_its_title_in_the_report_language() {
    let sc = super::sample::sample_scorecard().unwrap();
    let set = crate::domain::template::TemplateSet::shipped().unwrap();
    let labels = super::sample::sample_labels();
    for locale in [Locale::Ko, Locale::De] {
        let ctx = ReportContext {
            labels: &labels,
            ..super::sample::sample_context(locale)
        };
        let text = board_report::methodology_text(&sc, &ctx);
        for r in &sc.rounds {
            let title = set.get(&r.template.key).unwrap().title().get(locale);
            assert!(text.contains(title), "{locale}: {title}: {text}");
            let key = format!("{} v", r.template.key);
            assert!(!text.contains(&key), "{locale}: {text}");
        }
    }
}
