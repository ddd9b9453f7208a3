//! The dashboard's small charts, in the board report's visual language (palette, type,
//! quarter labels): a measure's last eight quarters, and an item's answer distribution. SVG,
//! placed inline in the page; each sits beside a table or text that holds the same figures.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::copy::{pct0, quarter_short};
use crate::charts::fonts::{ensure_registered, FAMILY};
use crate::charts::text_layout::svg_width;
use crate::charts::theme::{BAND, DATA, MUTED, RULE};
use crate::domain::locale::Locale;
use crate::domain::scoring::items::ItemStats;
use crate::domain::scoring::trend::TrendSeries;

/// Size of the trend chart in CSS pixels (it scales down with the card).
const TREND: (u32, u32) = (320, 150);
/// Axis labels' size in plotters' units (plotters writes font-size = size / 1.24 into SVG:
/// 15 gives 12 px text).
const AXIS: u32 = 15;
/// The latest value's size, beside its point, and its distance from the point.
const LATEST: u32 = 17;
const LATEST_GAP: u32 = 6;
/// Size of a distribution chart.
const DIST: (u32, u32) = (220, 44);

/// How a trend's values read: shares (0–100 %) or eNPS points (−100 to +100).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Share,
    Points,
}

impl Scale {
    fn range(self) -> std::ops::Range<f64> {
        match self {
            Scale::Share => 0.0..1.0,
            Scale::Points => -100.0..100.0,
        }
    }

    fn label(self, v: f64, locale: Locale) -> String {
        match self {
            Scale::Share => pct0(locale, v),
            Scale::Points => format!("{v:+.0}"),
        }
    }
}

/// Eight quarters as a line with a labelled axis: gaps where a quarter has no shown figure,
/// the latest value written beside its point, quarters and shares as `locale` writes them.
/// `None` without any shown figure.
pub fn trend_svg(
    series: Option<&TrendSeries>,
    scale: Scale,
    label: &str,
    locale: Locale,
) -> Option<String> {
    let points = &series?.points;
    let shown: Vec<(usize, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.value.value().map(|v| (i, *v)))
        .collect();
    if shown.is_empty() {
        return None;
    }
    ensure_registered().ok()?;
    let n = points.len().max(2);
    // The margins are measured from the words, which differ by language ("100 %" in German).
    let range = scale.range();
    let widest_y = [range.start, (range.start + range.end) / 2.0, range.end]
        .iter()
        .map(|v| svg_width(&scale.label(*v, locale), svg_px(AXIS), FontStyle::Normal))
        .fold(0.0, f64::max);
    let latest = shown.last().map(|&(_, v)| scale.label(v, locale));
    let latest_w = latest
        .as_deref()
        .map(|t| svg_width(t, svg_px(LATEST), FontStyle::Bold))
        .unwrap_or(0.0);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, TREND).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin_top(12)
            .margin_right((latest_w.ceil() as u32 + LATEST_GAP + 2).max(30))
            .margin_left(4)
            .x_label_area_size(22)
            // Tick mark and the gap plotters leaves before the label.
            .y_label_area_size(widest_y.ceil() as u32 + 12)
            .build_cartesian_2d(-0.4f64..(n as f64 - 0.6), scale.range())
            .ok()?;
        let labels: Vec<String> = points
            .iter()
            .map(|p| quarter_short(locale, p.quarter))
            .collect();
        let font = (FAMILY, AXIS).into_font().color(&MUTED);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(RULE.stroke_width(1))
            .axis_style(RULE)
            .y_labels(3)
            .y_label_formatter(&|v| scale.label(*v, locale))
            .x_labels(n)
            // Every other quarter keeps eight labels from running into each other.
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() > 0.01 || i < 0.0 || (i as usize) % 2 == 1 {
                    return String::new();
                }
                labels.get(i as usize).cloned().unwrap_or_default()
            })
            .label_style(font.clone())
            .draw()
            .ok()?;
        // One line per run of consecutive shown quarters: a gap stays a gap.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (i, p) in points.iter().enumerate() {
            match p.value.value() {
                Some(v) => run.push((i as f64, *v)),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for r in runs.into_iter().filter(|r| r.len() > 1) {
            chart
                .draw_series(LineSeries::new(r, DATA.stroke_width(2)))
                .ok()?;
        }
        chart
            .draw_series(
                shown
                    .iter()
                    .map(|&(i, v)| Circle::new((i as f64, v), 3, DATA.filled())),
            )
            .ok()?;
        if let (Some(&(i, v)), Some(text)) = (shown.last(), latest) {
            let (x, y) = chart.backend_coord(&(i as f64, v));
            let style = (FAMILY, LATEST)
                .into_font()
                .style(FontStyle::Bold)
                .color(&DATA)
                .pos(Pos::new(HPos::Left, VPos::Center));
            root.draw_text(&text, &style, (x + LATEST_GAP as i32, y))
                .ok()?;
        }
        root.present().ok()?;
    }
    Some(accessible(out, label))
}

/// The CSS pixel size plotters writes into SVG for its font size `size`.
fn svg_px(size: u32) -> f64 {
    f64::from(size) / 1.24
}

/// Bars of one item's answers (each value's count, scaled to the most common), with the
/// scale's values under them; its name for screen readers in `locale` (`dash-distribution`).
pub fn distribution_svg(stats: &ItemStats, locale: Locale) -> Option<String> {
    let most = stats.distribution.iter().map(|v| v.count).max()?;
    if most == 0 {
        return None;
    }
    ensure_registered().ok()?;
    let n = stats.distribution.len();
    let label = stats
        .distribution
        .iter()
        .map(|v| format!("{}: {}", v.value, crate::i18n::count(locale, v.count)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, DIST).into_drawing_area();
        let (w, h) = (DIST.0 as i32, DIST.1 as i32);
        let (bars_h, gap) = (h - 16, 2);
        let bw = w / n.max(1) as i32;
        let font = (FAMILY, 14)
            .into_font()
            .color(&MUTED)
            .pos(Pos::new(HPos::Center, VPos::Top));
        for (i, v) in stats.distribution.iter().enumerate() {
            let x0 = i as i32 * bw;
            let bh = ((bars_h as f64) * v.count as f64 / most as f64).round() as i32;
            // A zero count still shows a hairline, so "nobody" differs from a missing bar.
            let top = bars_h - bh.max(1);
            root.draw(&Rectangle::new(
                [(x0 + gap, top), (x0 + bw - gap, bars_h)],
                BAND.filled(),
            ))
            .ok()?;
            root.draw_text(&v.value.to_string(), &font, (x0 + bw / 2, bars_h + 3))
                .ok()?;
        }
        root.present().ok()?;
    }
    let name = crate::i18n::format(locale, "dash-distribution", &[("counts", &label)]);
    Some(accessible(out, &name))
}

/// Makes the SVG scale with its box and gives it a name for screen readers.
fn accessible(svg: String, label: &str) -> String {
    let escaped = label
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\" "),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::items::{ItemStats, ValueCount};
    use crate::domain::scoring::trend::{Metric, TrendPoint};
    use crate::domain::scoring::Figure;

    /// The words of the SVG's text elements.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = t.split_once('>')?.1;
                Some(body.split("</text>").next()?.trim().to_string())
            })
            .collect()
    }

    fn series(values: &[Option<f64>]) -> TrendSeries {
        let mut q: crate::domain::quarter::Quarter = "2024Q4".parse().unwrap();
        TrendSeries {
            metric: Metric::Alignment,
            points: values
                .iter()
                .map(|v| {
                    let p = TrendPoint {
                        quarter: q,
                        value: match v {
                            Some(x) => Figure::Shown { value: *x },
                            None => Figure::Suppressed {
                                reason: crate::domain::scoring::figure::Suppression::FewerThanK {
                                    k: 5,
                                },
                            },
                        },
                    };
                    q = q.next();
                    p
                })
                .collect(),
        }
    }

    #[test]
    fn a_trend_is_a_labelled_line_with_a_gap_where_a_quarter_is_withheld() {
        let s = series(&[
            Some(0.68),
            Some(0.63),
            None,
            Some(0.63),
            Some(0.58),
            Some(0.58),
            Some(0.58),
            Some(0.631),
        ]);
        let svg = trend_svg(
            Some(&s),
            Scale::Share,
            "Alignment, last eight quarters",
            Locale::En,
        )
        .unwrap();
        assert!(
            svg.contains("aria-label=\"Alignment, last eight quarters\""),
            "{svg}"
        );
        // Two runs (before and after the gap): two data lines; seven points.
        assert_eq!(
            svg.matches("stroke=\"#0072B2\" stroke-width=\"2\"").count(),
            2,
            "{svg}"
        );
        assert_eq!(svg.matches("<circle").count(), 7, "{svg}");
        // The latest value written beside it, every other quarter on the axis, 0–100 %.
        let t = texts(&svg);
        assert_eq!(t.last().map(String::as_str), Some("63%"), "{t:?}");
        for q in ["Q4 &apos;24", "Q2 &apos;25", "Q4 &apos;25", "Q2 &apos;26"] {
            assert!(t.iter().any(|x| x == q), "{q} in {t:?}");
        }
        assert!(!t.iter().any(|x| x == "Q1 &apos;25"), "{t:?}");
        assert!(
            t.iter().any(|x| x == "100%") && t.iter().any(|x| x == "0%"),
            "{t:?}"
        );
        // Nothing shown at all: no chart.
        assert!(trend_svg(Some(&series(&[None; 8])), Scale::Share, "x", Locale::En).is_none());
        assert!(trend_svg(None, Scale::Share, "x", Locale::En).is_none());
    }

    /// Each text element's anchor, x, font size, weight and words.
    fn placed(svg: &str) -> Vec<(String, f64, f64, bool, String)> {
        let attr = |t: &str, name: &str| -> Option<String> {
            let rest = t.split(&format!(" {name}=\"")).nth(1)?;
            Some(rest.split('"').next()?.to_string())
        };
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let (head, body) = t.split_once('>')?;
                Some((
                    attr(head, "text-anchor")?,
                    attr(head, "x")?.parse().ok()?,
                    attr(head, "font-size")?.parse().ok()?,
                    head.contains("font-weight=\"bold\""),
                    body.split("</text>")
                        .next()?
                        .trim()
                        .replace("&apos;", "'")
                        .replace("&amp;", "&"),
                ))
            })
            .collect()
    }

    #[test]
    fn every_axis_label_and_the_latest_value_fit_inside_the_chart_in_every_language() {
        let wide = series(&[Some(1.0), Some(0.5), Some(1.0)]);
        let enps = series(&[Some(-100.0), Some(100.0)]);
        for locale in Locale::ALL {
            for (s, scale) in [(&wide, Scale::Share), (&enps, Scale::Points)] {
                let svg = trend_svg(Some(s), scale, "x", locale).unwrap();
                let texts = placed(&svg);
                // y labels are right-aligned against the axis.
                let y_labels: Vec<_> = texts.iter().filter(|t| t.0 == "end").collect();
                let top = scale.label(scale.range().end, locale);
                assert!(
                    y_labels.iter().any(|t| t.4 == top),
                    "{locale:?} {top}: {texts:?}"
                );
                for (anchor, x, px, bold, words) in &texts {
                    let style = if *bold {
                        FontStyle::Bold
                    } else {
                        FontStyle::Normal
                    };
                    let w = svg_width(words, *px, style);
                    let (left, right) = match anchor.as_str() {
                        "end" => (x - w, *x),
                        "middle" => (x - w / 2.0, x + w / 2.0),
                        _ => (*x, x + w),
                    };
                    assert!(
                        left >= 0.0 && right <= TREND.0 as f64,
                        "{locale:?}: {words:?} spans {left:.1}..{right:.1} of {}",
                        TREND.0
                    );
                }
            }
        }
    }

    #[test]
    fn enps_reads_in_points_with_a_sign() {
        let s = series(&[Some(12.0), Some(-5.0), Some(29.0)]);
        let svg = trend_svg(Some(&s), Scale::Points, "eNPS", Locale::En).unwrap();
        assert_eq!(texts(&svg).last().map(String::as_str), Some("+29"), "{svg}");
    }

    #[test]
    fn a_distribution_has_a_bar_and_a_label_per_value_inside_its_box() {
        let stats = ItemStats {
            distribution: (1..=5)
                .map(|v| ValueCount {
                    value: v,
                    count: [0, 3, 10, 40, 20][v as usize - 1],
                })
                .collect(),
            n: 73,
            mean: None,
            favorable: None,
        };
        let svg = distribution_svg(&stats, Locale::En).unwrap();
        assert_eq!(svg.matches("<rect").count(), 5, "{svg}");
        assert_eq!(texts(&svg), ["1", "2", "3", "4", "5"], "{svg}");
        assert!(svg.contains("aria-label=\"distribution: 1: 0, 2: 3, 3: 10, 4: 40, 5: 20\""));
    }
}
