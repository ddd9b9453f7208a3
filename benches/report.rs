//! Board report rendering: scorecard to encoded PNG bytes, to an SVG string, and the board
//! pack to PDF bytes beside bare svg2pdf converting the same pages one at a time (its own
//! `to_pdf` per page, fonts set by usvg from the same faces): the baseline of the same run.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

use ctopulse::board_pack::{self, PackInput};
use ctopulse::charts::sample::{sample_as_of, sample_scorecard, COMMENTARY, COMPANY};
use ctopulse::charts::{render_png, render_svg, Methodology, ReportContext};
use ctopulse::domain::locale::Locale;
use plotters::style::FontStyle;
use svg2pdf::usvg;

fn report(c: &mut Criterion) {
    let sc = match sample_scorecard() {
        Ok(sc) => sc,
        Err(e) => panic!("sample scorecard: {e}"),
    };
    let labels = ctopulse::charts::sample::sample_labels();
    for locale in [Locale::En, Locale::Ko] {
        let ctx = ReportContext {
            company: COMPANY,
            locale,
            as_of: Some(sample_as_of()),
            commentary: Some(COMMENTARY),
            methodology: Methodology::default(),
            labels: &labels,
            actions: &[],
            actions_total: 0,
            time_split: None,
        };
        c.bench_function(&format!("report png {locale}"), |b| {
            b.iter(|| render_png(black_box(&sc), black_box(&ctx)))
        });
        c.bench_function(&format!("report svg {locale}"), |b| {
            b.iter(|| render_svg(black_box(&sc), black_box(&ctx)))
        });
        let input = PackInput {
            scorecard: &sc,
            ctx: &ctx,
            register: &[],
            actions: &[],
        };
        c.bench_function(&format!("pack pdf {locale}"), |b| {
            b.iter(|| board_pack::render(black_box(&input)))
        });
        let pages = match board_pack::pages(&input) {
            Ok(p) => p,
            Err(e) => panic!("pack pages: {e}"),
        };
        let options = bare_options();
        c.bench_function(&format!("bare svg2pdf per page {locale}"), |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|svg| match usvg::Tree::from_str(svg, &options) {
                        Ok(tree) => svg2pdf::to_pdf(
                            &tree,
                            svg2pdf::ConversionOptions::default(),
                            svg2pdf::PageOptions::default(),
                        )
                        .map(|pdf| pdf.len())
                        .unwrap_or(0),
                        Err(_) => 0,
                    })
                    .sum::<usize>()
            })
        });
    }
}

/// usvg's options with the report's two faces and nothing from the system.
fn bare_options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    for style in [FontStyle::Normal, FontStyle::Bold] {
        db.load_font_data(ctopulse::charts::fonts::bytes(style).to_vec());
        db.load_font_data(ctopulse::charts::fonts::fallback_bytes(style).to_vec());
    }
    usvg::Options {
        fontdb: std::sync::Arc::new(db),
        ..usvg::Options::default()
    }
}

criterion_group!(benches, report);
criterion_main!(benches);
