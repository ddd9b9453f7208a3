//! Report tests: golden images per language, anonymity on the image, the missed inflection
//! point, determinism, and inputs with little or no data.
//!
//! Golden PNGs live in `src/charts/golden/`. After an intended visual change, regenerate them
//! with `UPDATE_GOLDEN=1 cargo test --lib charts`, look at every image, and commit them.

use std::path::PathBuf;

use rand::rngs::StdRng;
use rand::SeedableRng;
use time::macros::date;

use super::sample::{sample_as_of, sample_input, sample_scorecard};
use super::*;
use crate::domain::locale::Locale;
use crate::domain::scoring::inputs::*;
use crate::domain::scoring::{build_scorecard, Scorecard};

fn ctx(locale: Locale) -> ReportContext<'static> {
    super::sample::sample_context(locale)
}

fn scorecard(input: &ScorecardInput) -> Scorecard {
    build_scorecard(input, &mut StdRng::seed_from_u64(1)).unwrap()
}

/// One `<text>` element of the SVG: its attributes and its (unescaped enough) content.
#[derive(Debug)]
struct SvgText {
    y: i32,
    fill: String,
    text: String,
}

fn svg_texts(svg: &str) -> Vec<SvgText> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|chunk| {
            let (attrs, rest) = chunk.split_once('>')?;
            let text = rest.split("</text>").next()?.trim().to_string();
            let attr = |name: &str| {
                attrs
                    .split(&format!(" {name}=\""))
                    .nth(1)
                    .or_else(|| attrs.strip_prefix(&format!("{name}=\"")))
                    .and_then(|s| s.split('"').next())
                    .map(str::to_string)
            };
            Some(SvgText {
                y: attr("y")?.parse().ok()?,
                fill: attr("fill").unwrap_or_default(),
                text: text.replace("&apos;", "'").replace("&amp;", "&"),
            })
        })
        .collect()
}

fn golden_path(locale: Locale) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/charts/golden")
        .join(format!("board-report-{}.png", locale.code()))
}

fn check_golden(locale: Locale) {
    let png = render_png(&sample_scorecard().unwrap(), &ctx(locale)).unwrap();
    let path = golden_path(locale);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &png).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if png != expected {
        let actual =
            std::env::temp_dir().join(format!("board-report-{}.actual.png", locale.code()));
        std::fs::write(&actual, &png).unwrap();
        panic!(
            "the {} report differs from {}; the new image is at {}. If the change is intended, \
             look at it and regenerate with UPDATE_GOLDEN=1",
            locale.code(),
            path.display(),
            actual.display()
        );
    }
}

#[test]
fn golden_report_in_english() {
    check_golden(Locale::En);
}

#[test]
fn golden_report_in_korean() {
    check_golden(Locale::Ko);
}

#[test]
fn golden_report_in_dutch() {
    check_golden(Locale::Nl);
}

#[test]
fn golden_report_in_german() {
    check_golden(Locale::De);
}

#[test]
fn same_scorecard_gives_identical_bytes() {
    let sc = sample_scorecard().unwrap();
    for locale in Locale::ALL {
        assert_eq!(
            render_png(&sc, &ctx(locale)).unwrap(),
            render_png(&sc, &ctx(locale)).unwrap()
        );
        assert_eq!(
            render_svg(&sc, &ctx(locale)).unwrap(),
            render_svg(&sc, &ctx(locale)).unwrap()
        );
    }
    let png = render_png(&sc, &ctx(Locale::En)).unwrap();
    assert_eq!(&png[1..4], b"PNG");
}

/// The texts on the row of the group whose name is `name`.
fn row_texts<'a>(texts: &'a [SvgText], name: &str) -> Vec<&'a SvgText> {
    let row = texts
        .iter()
        .find(|t| t.text == name)
        .unwrap_or_else(|| panic!("no row named {name:?}"));
    texts
        .iter()
        .filter(|t| t.y >= row.y - 4 && t.y <= row.y + 30)
        .collect()
}

fn has_percentage(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'%')
}

#[test]
fn suppressed_group_never_drawn_as_a_number() {
    let sc = sample_scorecard().unwrap();
    // The sample's BD group has 3 answers with k = 5.
    let svg = render_svg(&sc, &ctx(Locale::En)).unwrap();
    let texts = svg_texts(&svg);
    let row = row_texts(&texts, "Business development");
    assert!(
        row.iter().any(|t| t.text == "fewer than 5 responses"),
        "{row:?}"
    );
    assert!(!row.iter().any(|t| has_percentage(&t.text)), "{row:?}");
    // Korean and Dutch say the same in their words.
    let ko = svg_texts(&render_svg(&sc, &ctx(Locale::Ko)).unwrap());
    assert!(row_texts(&ko, "사업개발")
        .iter()
        .any(|t| t.text == "응답 5명 미만"));
    let nl = svg_texts(&render_svg(&sc, &ctx(Locale::Nl)).unwrap());
    assert!(row_texts(&nl, "Business development")
        .iter()
        .any(|t| t.text == "minder dan 5 reacties"));
}

#[test]
fn every_group_suppressed_renders_and_says_why() {
    let mut input = sample_input();
    for r in &mut input.rounds {
        for g in &mut r.groups {
            // Keep participation consistent with the (now tiny) answer counts.
            g.answered = g.answered.min(3);
        }
        for row in &mut r.value_counts {
            row.count = row.count.min(1);
        }
        for row in &mut r.culture_tallies {
            row.respondents = 0;
        }
        r.culture_tallies.retain(|t| t.respondents > 0);
        r.alignment_tallies.retain(|_| false);
    }
    let sc = scorecard(&input);
    assert!(sc.measure_c.weighted_csat.value().is_none());
    let svg = render_svg(&sc, &ctx(Locale::En)).unwrap();
    let texts = svg_texts(&svg);
    for name in ["Sales", "Marketing", "Business development"] {
        let row = row_texts(&texts, name);
        assert!(!row.iter().any(|t| has_percentage(&t.text)), "{row:?}");
    }
    assert!(texts.iter().any(|t| t.text == "fewer than 5 responses"));
    render_png(&sc, &ctx(Locale::Ko)).unwrap();
}

#[test]
fn missed_inflection_point_always_shows_in_red() {
    let mut input = sample_input();
    // Eight other points first: the missed one comes last and would fall off a naive list.
    let mut points: Vec<InflectionInput> = (0..8)
        .map(|i| InflectionInput {
            title: format!("Watched trend {i}"),
            assessment: Assessment::Watching,
            confirmation: Confirmation::Confirmed,
            notes: String::new(),
        })
        .collect();
    points.push(InflectionInput {
        title: "Serverless GPUs".into(),
        assessment: Assessment::Missed,
        confirmation: Confirmation::Unconfirmed,
        notes: String::new(),
    });
    input.inflection_points = points;
    let sc = scorecard(&input);
    let red = format!(
        "#{:02X}{:02X}{:02X}",
        theme::ALARM.0,
        theme::ALARM.1,
        theme::ALARM.2
    );
    for (locale, word) in [
        (Locale::En, "MISSED"),
        (Locale::Ko, "놓침"),
        (Locale::Nl, "GEMIST"),
    ] {
        let texts = svg_texts(&render_svg(&sc, &ctx(locale)).unwrap());
        let title = texts
            .iter()
            .find(|t| t.text == "Serverless GPUs")
            .unwrap_or_else(|| panic!("{locale}: the missed point is not drawn"));
        let mark = texts
            .iter()
            .find(|t| t.text == word && (t.y - title.y).abs() <= 2)
            .unwrap_or_else(|| panic!("{locale}: no '{word}' beside the missed point"));
        assert_eq!(mark.fill, red, "{locale}");
        // The status says so in words, and in red.
        let word = copy::rating_word(locale, Rating::Red);
        assert!(
            texts.iter().any(|t| t.text == word && t.fill == red),
            "{locale}"
        );
    }
}

use crate::domain::scoring::status::Rating;

#[test]
fn a_quarter_with_no_data_renders_and_says_what_is_missing() {
    let input = ScorecardInput {
        quarter: crate::domain::quarter::Quarter::new(2026, 3).unwrap(),
        rounds: Vec::new(),
        hr: HrInput {
            quarter_first_day: date!(2026 - 07 - 01),
            quarter_last_day: date!(2026 - 09 - 30),
            events: Vec::new(),
        },
        inflection_points: Vec::new(),
        thresholds: StatusThresholds::default(),
        include_comments: false,
    };
    let sc = scorecard(&input);
    for locale in Locale::ALL {
        let c = ReportContext {
            company: "Empty Co",
            locale,
            as_of: None,
            commentary: None,
            methodology: Methodology::default(),
            labels: &super::sample::SAMPLE_LABELS,
            actions: &[],
            actions_total: 0,
            time_split: None,
        };
        render_png(&sc, &c).unwrap();
        let svg = render_svg(&sc, &c).unwrap();
        let l = copy::labels(locale);
        assert!(svg.contains(l.as_of_unknown), "{locale}");
        assert!(svg.contains(l.inflection_none), "{locale}");
        assert!(
            svg.contains(copy::rating_word(locale, Rating::NotRated)),
            "{locale}"
        );
    }
}

#[test]
fn very_long_names_render_shortened() {
    let mut input = sample_input();
    for r in &mut input.rounds {
        for g in &mut r.groups {
            g.departments.clear();
            g.key = format!(
                "{}-a-very-long-reporting-group-name-nobody-abbreviated",
                g.key
            );
        }
        for row in &mut r.value_counts {
            row.group = format!(
                "{}-a-very-long-reporting-group-name-nobody-abbreviated",
                row.group
            );
        }
        for row in &mut r.culture_tallies {
            row.group = format!(
                "{}-a-very-long-reporting-group-name-nobody-abbreviated",
                row.group
            );
        }
        for row in &mut r.alignment_tallies {
            row.group = format!(
                "{}-a-very-long-reporting-group-name-nobody-abbreviated",
                row.group
            );
        }
    }
    input.inflection_points[0].title =
        "A remarkably long inflection point title that goes on and on past any panel width".into();
    let sc = scorecard(&input);
    let company = "Internationale Verenigde Scheepsbouw- en Robotica-Maatschappij Noord-Holland \
                   Besloten Vennootschap met Beperkte Aansprakelijkheid";
    let long = "긴 코멘트 ".repeat(150);
    for locale in Locale::ALL {
        let c = ReportContext {
            company,
            locale,
            as_of: Some(sample_as_of()),
            commentary: Some(&long),
            methodology: Methodology::default(),
            labels: &super::sample::SAMPLE_LABELS,
            actions: &[],
            actions_total: 0,
            time_split: None,
        };
        render_png(&sc, &c).unwrap();
        let texts = svg_texts(&render_svg(&sc, &c).unwrap());
        assert!(texts.iter().any(|t| t.text.ends_with('…')), "{locale}");
    }
}

#[test]
fn english_reasons_match_the_scoring_engine_word_for_word() {
    let sc = sample_scorecard().unwrap();
    let t = StatusThresholds::default();
    let strip = |s: &str| {
        s.split_once(": ")
            .map(|(_, r)| r.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        reasons::reason_a(Locale::En, &sc.measure_a, &t),
        strip(&sc.measure_a.status.reason)
    );
    assert_eq!(
        reasons::reason_b(Locale::En, &sc.measure_b, &t),
        strip(&sc.measure_b.status.reason)
    );
    // With the missed point gone, A falls back to its amber clauses; still the same words.
    let mut input = sample_input();
    input.inflection_points.remove(0);
    let sc = scorecard(&input);
    assert_eq!(
        reasons::reason_a(Locale::En, &sc.measure_a, &t),
        strip(&sc.measure_a.status.reason)
    );
}

#[test]
fn c_below_its_coverage_threshold_is_drawn_without_a_rating() {
    // The sample's C covers 75 % of the weight (BD and the CEO's office withheld); with the
    // threshold at 80 % it is not rated: a grey badge, the coverage beside a muted number.
    let mut input = sample_input();
    input.thresholds.c_min_coverage = 0.80;
    let sc = scorecard(&input);
    assert_eq!(
        sc.measure_c.status.rating,
        crate::domain::scoring::status::Rating::NotRated
    );
    let t = input.thresholds;
    let strip = |s: &str| {
        s.split_once(": ")
            .map(|(_, r)| r.to_string())
            .unwrap_or_default()
    };
    let named: Vec<(String, &crate::domain::scoring::figure::Figure<_>)> = Vec::new();
    assert_eq!(
        reasons::reason_c(Locale::En, &sc.measure_c, &named, &t),
        strip(&sc.measure_c.status.reason)
    );
    let words = [
        (Locale::En, "NOT RATED", "too few departments reported"),
        (Locale::Ko, "평가 보류", "응답 부서 부족"),
        (
            Locale::Nl,
            "GEEN OORDEEL",
            "te weinig afdelingen gerapporteerd",
        ),
    ];
    for (locale, badge, caption) in words {
        let texts = svg_texts(&render_svg(&sc, &ctx(locale)).unwrap());
        let all: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
        let joined = all.join(" ");
        assert!(all.contains(&badge), "{locale}: {all:?}");
        assert!(joined.contains(caption), "{locale}: {joined}");
        assert!(joined.contains("75%"), "{locale}: {joined}");
        // The number is drawn, but in the muted ink, not the data colour of a rating.
        let c = crate::charts::copy::pct0(
            Locale::En,
            sc.measure_c.weighted_csat.value().unwrap().estimate,
        );
        let muted = crate::charts::theme::MUTED;
        let muted = format!("#{:02X}{:02X}{:02X}", muted.0, muted.1, muted.2);
        // (The trend below may still mark a real change of the figure in its own colour.)
        let headline = texts
            .iter()
            .filter(|t| t.text == c)
            .min_by_key(|t| t.y)
            .unwrap_or_else(|| panic!("{locale}: no headline number"));
        assert!(
            headline.fill.eq_ignore_ascii_case(&muted),
            "{locale}: {headline:?}"
        );
    }
}

/// Writes edge-case renders to the temp directory for a human to look at
/// (`cargo test --lib charts::tests::preview_edge_cases -- --ignored`).
#[test]
#[ignore]
fn preview_edge_cases() {
    let dir = std::env::temp_dir();
    let empty = ScorecardInput {
        quarter: crate::domain::quarter::Quarter::new(2026, 3).unwrap(),
        rounds: Vec::new(),
        hr: HrInput {
            quarter_first_day: date!(2026 - 07 - 01),
            quarter_last_day: date!(2026 - 09 - 30),
            events: Vec::new(),
        },
        inflection_points: Vec::new(),
        thresholds: StatusThresholds::default(),
        include_comments: false,
    };
    let c = ReportContext {
        company: "Empty Co",
        locale: Locale::Nl,
        as_of: None,
        commentary: None,
        methodology: Methodology::default(),
        labels: &super::sample::SAMPLE_LABELS,
        actions: &[],
        actions_total: 0,
        time_split: None,
    };
    let png = render_png(&scorecard(&empty), &c).unwrap();
    std::fs::write(dir.join("report-empty-nl.png"), png).unwrap();
    let mut input = sample_input();
    for r in &mut input.rounds {
        for g in &mut r.groups {
            g.answered = g.answered.min(3);
        }
        for row in &mut r.value_counts {
            row.count = row.count.min(1);
        }
        r.culture_tallies.clear();
        r.alignment_tallies.clear();
    }
    let long = "긴 코멘트 ".repeat(150);
    let c = ReportContext {
        company:
            "주식회사 노스윈드 로보틱스 글로벌 테크놀로지 홀딩스 인터내셔널 아시아 태평양 지역 본부",
        locale: Locale::Ko,
        as_of: Some(sample_as_of()),
        commentary: Some(&long),
        methodology: Methodology::default(),
        labels: &super::sample::SAMPLE_LABELS,
        actions: &[],
        actions_total: 0,
        time_split: None,
    };
    let png = render_png(&scorecard(&input), &c).unwrap();
    std::fs::write(dir.join("report-suppressed-ko.png"), png).unwrap();
    let mut input = sample_input();
    input.thresholds.c_min_coverage = 0.80;
    for locale in Locale::ALL {
        let png = render_png(&scorecard(&input), &ctx(locale)).unwrap();
        std::fs::write(
            dir.join(format!("report-not-rated-{}.png", locale.code())),
            png,
        )
        .unwrap();
    }
}

#[test]
fn the_board_names_the_top_drivers_of_b_and_c_and_none_without_them() {
    let sc = sample_scorecard().unwrap();
    let svg = render_svg(&sc, &ctx(Locale::En)).unwrap();
    assert!(svg.contains("Top drivers:"), "the heading is drawn");
    assert!(svg.contains("Joins customer meetings 41%"));
    assert!(svg.contains("Still here in a year 24%"));
    // Without stored drivers (or with every group withheld) there is no line at all.
    let mut input = sample_input();
    for r in &mut input.rounds {
        r.drivers.clear();
    }
    let svg = render_svg(&scorecard(&input), &ctx(Locale::En)).unwrap();
    assert!(!svg.contains("Top drivers:"));
}
