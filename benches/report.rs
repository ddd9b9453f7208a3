//! Board report rendering: scorecard to encoded PNG bytes, and to an SVG string.

use criterion::{black_box, criterion_group, criterion_main, Criterion};

use ctopulse::charts::sample::{sample_as_of, sample_scorecard, COMMENTARY, COMPANY};
use ctopulse::charts::{render_png, render_svg, Methodology, ReportContext};
use ctopulse::domain::locale::Locale;

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
    }
}

criterion_group!(benches, report);
criterion_main!(benches);
