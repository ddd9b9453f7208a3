//! Pack tests on the sample company: every page sets in the embedded faces, withheld
//! figures stay words, the register and actions stop at the pack's quarter, and the bytes
//! are the same every time.

use super::page::{Block, Cell, Tone};
use super::*;
use crate::charts::sample::sample_scorecard;
use crate::domain::actions::follow::FollowValue;
use crate::domain::locale::Locale;
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::Figure;

fn ctx(locale: Locale) -> ReportContext<'static> {
    crate::charts::sample::sample_context(locale)
}

fn q(s: &str) -> Quarter {
    s.parse().unwrap()
}

fn register() -> Vec<RegisterRow> {
    let row = |title: &str, quarter: &str, a: Assessment, note: &str| RegisterRow {
        title: title.into(),
        description: Some("Where the market moves next".into()),
        first_seen: "2025Q4".into(),
        quarter: Some(q(quarter)),
        assessment: Some(a),
        confirmation: Some(Confirmation::Confirmed),
        cto_note: Some(note.into()),
        board_note: None,
    };
    vec![
        row(
            "On-device inference",
            "2026Q3",
            Assessment::Missed,
            "We moved a quarter late",
        ),
        // Assessed after the pack's quarter: not part of 2026Q3's pack.
        row(
            "Quantum-safe crypto",
            "2026Q4",
            Assessment::Ahead,
            "LATER-NOTE",
        ),
    ]
}

fn actions() -> Vec<PackAction> {
    let value = |v: f64| {
        Figure::shown(FollowValue {
            value: v,
            low: v - 0.1,
            high: v + 0.1,
            n: 36,
            unit: crate::domain::actions::follow::Unit::Share,
        })
    };
    let point = |quarter: &str, v: f64| FollowPoint {
        quarter: q(quarter),
        figure: value(v),
        since_start: None,
    };
    vec![PackAction {
        title: "Join the weekly deal review".into(),
        note: "Two customer meetings a week as well".into(),
        owner: "CTO".into(),
        made: q("2026Q2"),
        due: q("2026Q4"),
        status: ActionStatus::InProgress,
        template_key: "internal-csat".into(),
        link: ActionLink::Group {
            group: "sales".into(),
        },
        // 2026Q4 is after the pack's quarter: its figure must not appear.
        points: vec![
            point("2026Q2", 0.5),
            point("2026Q3", 0.47),
            point("2026Q4", 0.91),
        ],
    }]
}

fn pack_pages(locale: Locale) -> Vec<String> {
    let sc = sample_scorecard().unwrap();
    let ctx = ctx(locale);
    let (register, actions) = (register(), actions());
    pages(&PackInput {
        scorecard: &sc,
        ctx: &ctx,
        register: &register,
        actions: &actions,
    })
    .unwrap()
}

/// The text content of every `<text>` element of a page.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|c| {
            c.split_once('>')?
                .1
                .split("</text>")
                .next()
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn every_page_has_text_the_embedded_faces_can_set_in_every_language() {
    let faces = measure::Faces::load().unwrap();
    for locale in [Locale::En, Locale::Ko, Locale::Nl, Locale::De] {
        let pages = pack_pages(locale);
        // Report, method, items (three rounds), register, time split, actions.
        assert!(pages.len() >= 6, "{locale:?}: {} pages", pages.len());
        for (i, p) in pages.iter().enumerate() {
            let t = texts(p);
            // At least a title, a line, the running header and the page number.
            assert!(t.len() >= 4, "{locale:?} page {} is nearly empty", i + 1);
            for s in &t {
                assert!(
                    faces.covers(s, false),
                    "{locale:?} page {}: no glyph in {s:?}",
                    i + 1
                );
            }
        }
    }
}

#[test]
fn korean_pages_are_in_korean() {
    let pages = pack_pages(Locale::Ko);
    let all = pages.concat();
    for phrase in [
        "산출 방법",
        "그룹별 문항 결과",
        "기술 변곡점 등록부",
        "놓침",
        "진행 중",
    ] {
        assert!(all.contains(phrase), "{phrase}");
    }
    assert!(pages[1].contains(&format!(">2 / {}쪽<", pages.len())));
}

#[test]
fn the_register_and_the_actions_stop_at_the_packs_quarter() {
    let all = pack_pages(Locale::En).concat();
    assert!(all.contains("On-device inference"));
    assert!(!all.contains("Quantum-safe crypto") && !all.contains("LATER-NOTE"));
    // 2026Q3's figure (47%) is there, 2026Q4's (91%) is not.
    assert!(all.contains("Q3 &apos;26: 47% (37–57%)") || all.contains("Q3 '26: 47% (37–57%)"));
    assert!(!all.contains("91%"));
}

/// The withheld cells of the items tables: (the cell, the figure's reason in words).
fn withheld_cells(locale: Locale) -> Vec<(Cell, String)> {
    let sc = sample_scorecard().unwrap();
    let ctx = ctx(locale);
    let input = PackInput {
        scorecard: &sc,
        ctx: &ctx,
        register: &[],
        actions: &[],
    };
    let mut blocks = Vec::new();
    items::blocks(&input, &mut blocks);
    let tables: Vec<_> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (r, t) in sc.rounds.iter().zip(&tables) {
        let likert = r
            .items
            .iter()
            .filter(|i| i.kind == crate::domain::question::QuestionKind::Likert5);
        for (item, row) in likert.zip(&t.rows) {
            for (gi, g) in r.groups.iter().enumerate() {
                let Some(f) = item.groups.iter().find(|f| f.group == g.key) else {
                    continue;
                };
                if matches!(f.figure, Figure::Suppressed { .. }) {
                    let reason = crate::charts::reasons::absence(locale, &f.figure);
                    out.push((row[gi + 1].clone(), reason));
                }
            }
        }
    }
    out
}

#[test]
fn a_withheld_group_figure_is_words_never_a_number() {
    for locale in [Locale::En, Locale::Ko, Locale::Nl] {
        let cells = withheld_cells(locale);
        // The sample's BD group answered 3 of 6: below k = 5, so its cells are withheld.
        assert!(!cells.is_empty(), "{locale:?}: no withheld cell");
        for (cell, reason) in cells {
            let texts: Vec<(&str, Tone)> =
                cell.0.iter().map(|p| (p.text.as_str(), p.tone)).collect();
            assert_eq!(
                texts,
                vec![
                    (words::words(locale).withheld, Tone::Withheld),
                    (reason.as_str(), Tone::Withheld)
                ]
            );
            // The only number a reason may carry is k itself.
            assert!(
                !reason.replace('5', "").chars().any(|c| c.is_ascii_digit()),
                "{reason}"
            );
        }
    }
}

#[test]
fn a_census_share_has_no_interval_and_a_sampled_one_has() {
    let share = |census| Share {
        estimate: 0.7,
        low: if census { 0.7 } else { 0.6 },
        high: if census { 0.7 } else { 0.8 },
        n: 10,
        census,
        variance: 0.0,
    };
    let stats = |census| crate::domain::scoring::items::ItemStats {
        n: 10,
        mean: Some(3.95),
        favorable: Some(share(census)),
        distribution: vec![],
    };
    let text = |cell: Cell| cell.0.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
    assert_eq!(
        text(items::figure_cell(Locale::Nl, &Figure::shown(stats(false)))),
        vec!["gemiddelde 3,95", "70% positief (60–80%)", "n = 10"]
    );
    assert_eq!(
        text(items::figure_cell(Locale::En, &Figure::shown(stats(true)))),
        vec!["mean 3.95", "70% favourable", "n = 10"]
    );
}

#[test]
fn the_same_quarter_gives_the_same_bytes_and_embeds_its_fonts() {
    let sc = sample_scorecard().unwrap();
    let render_in = |locale| {
        let ctx = ctx(locale);
        let (register, actions) = (register(), actions());
        render(&PackInput {
            scorecard: &sc,
            ctx: &ctx,
            register: &register,
            actions: &actions,
        })
        .unwrap()
    };
    let a = render_in(Locale::Ko);
    assert_eq!(render_in(Locale::Ko), a);
    assert_ne!(render_in(Locale::En), a);
    let text = String::from_utf8_lossy(&a);
    assert!(text.starts_with("%PDF-1.7"));
    assert!(
        text.contains("+NanumGothic"),
        "subset fonts named after the face"
    );
    assert!(text.contains("/FontFile2") && text.contains("/ToUnicode"));
    assert!(!text.contains("/CreationDate") && !text.contains("/ModDate"));
}

/// Writes the sample's pack in every language to `$PACK_OUT` for looking at:
/// `PACK_OUT=/tmp/pack cargo test --lib board_pack::tests::write_sample_packs -- --ignored`.
#[test]
#[ignore]
fn write_sample_packs() {
    let Some(dir) = std::env::var_os("PACK_OUT") else {
        return;
    };
    let sc = sample_scorecard().unwrap();
    let (register, actions) = (register(), actions());
    for locale in [Locale::En, Locale::Ko, Locale::Nl, Locale::De] {
        let ctx = ctx(locale);
        let pdf = render(&PackInput {
            scorecard: &sc,
            ctx: &ctx,
            register: &register,
            actions: &actions,
        })
        .unwrap();
        let path = std::path::Path::new(&dir).join(format!("sample-{}.pdf", locale.code()));
        std::fs::write(path, pdf).unwrap();
    }
}

/// An action linked to a key driver is named in the pack as on the dashboard (one Fluent
/// key), whose analysis included.
#[test]
fn a_driver_link_reads_in_the_pack_as_on_the_dashboard() {
    let sc = sample_scorecard().unwrap();
    for locale in [Locale::En, Locale::Ko, Locale::Nl, Locale::De] {
        let ctx = ctx(locale);
        let register = register();
        let mut actions = actions();
        actions[0].link = ActionLink::Driver {
            analysis: crate::domain::scoring::drivers::WHOLE_ROUND.into(),
            item: "zz_unknown_item".into(),
        };
        actions[0].template_key = "engineering-culture".into();
        let pages = pages(&PackInput {
            scorecard: &sc,
            ctx: &ctx,
            register: &register,
            actions: &actions,
        })
        .unwrap();
        let expected =
            crate::web::pages::actions_view::link_words(locale, &actions[0].link, &|k: &str| {
                k.replace('_', " ")
            });
        let all: String = pages
            .iter()
            .flat_map(|p| texts(p))
            .collect::<Vec<_>>()
            .join(" ");
        let flat = all.replace("&quot;", "\"").replace("&amp;", "&");
        let head: String = expected.chars().take(12).collect();
        assert!(flat.contains(&head), "{locale:?}: {expected} in {flat}");
        let whose = crate::i18n::template(locale, "dash-link-engineers");
        assert!(expected.contains(whose), "{locale:?}");
    }
}
