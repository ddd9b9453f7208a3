//! The importance × performance grid of one key-driver analysis, as SVG for the dashboard.
//!
//! x = the item's favourable share, y = its share of the explained variance; the cross-hairs
//! are the analysis's own averages (an equal share 1/p; the mean favourable share), so the
//! top-left quadrant is "fix first". Points carry their row number in the table beside the
//! chart, which holds the words; the chart only shows where each item sits.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::copy::pct0;
use crate::charts::fonts::{ensure_registered, FAMILY};
use crate::charts::theme::{ALARM, DATA, INK, MUTED, RULE};
use crate::domain::locale::Locale;
use crate::domain::scoring::drivers::report::{DriverResult, Priority};

/// Width and height of the chart, in CSS pixels (it scales with the page; `static/staff.css`
/// shows it at most this wide).
const SIZE: (u32, u32) = (360, 300);
/// Type size in plotters' units: plotters writes `font-size` = size / 1.24 into SVG, so 17
/// gives 13.7 px text, still 12 px or more when a phone shows the chart ~330 px wide.
const TEXT: u32 = 17;

/// The grid as an SVG document; `None` when no item has a shown favourable share.
/// Axis names and shares are in `locale`.
pub fn driver_matrix_svg(result: &DriverResult, label: &str, locale: Locale) -> Option<String> {
    let points: Vec<(usize, f64, f64, Option<Priority>)> = result
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.favorable.map(|f| (i + 1, f, d.share_of_r2, d.priority)))
        .collect();
    if points.is_empty() {
        return None;
    }
    let p = result.items.len().max(1) as f64;
    let mean_fav = points.iter().map(|x| x.1).sum::<f64>() / points.len() as f64;
    let top = points.iter().map(|x| x.2).fold(1.0 / p, f64::max).min(0.87) * 1.15;
    ensure_registered().ok()?;
    // Zoomed to the shares present (10 points either side), so close items stay apart.
    let lo = points.iter().map(|x| x.1).fold(mean_fav, f64::min);
    let hi = points.iter().map(|x| x.1).fold(mean_fav, f64::max);
    let x_range = (lo - 0.1).max(0.0)..(hi + 0.1).min(1.0);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .margin_top(22)
            .margin_right(16)
            .x_label_area_size(40)
            .y_label_area_size(66)
            .build_cartesian_2d(x_range.clone(), 0.0..top)
            .ok()?;
        chart
            .configure_mesh()
            .disable_mesh()
            .axis_style(RULE)
            .x_desc(crate::i18n::template(locale, "dash-matrix-x"))
            .y_desc(crate::i18n::template(locale, "dash-matrix-y"))
            .x_label_formatter(&|v| pct0(locale, *v))
            .y_label_formatter(&|v| pct0(locale, *v))
            .x_labels(5)
            .y_labels(5)
            .label_style((FAMILY, TEXT).into_font().color(&MUTED))
            .axis_desc_style((FAMILY, TEXT).into_font().color(&MUTED))
            .draw()
            .ok()?;
        let dashed = ShapeStyle::from(&MUTED).stroke_width(1);
        chart
            .draw_series(DashedLineSeries::new(
                vec![(mean_fav, 0.0), (mean_fav, top)],
                4,
                3,
                dashed,
            ))
            .ok()?;
        chart
            .draw_series(DashedLineSeries::new(
                vec![(x_range.start, 1.0 / p), (x_range.end, 1.0 / p)],
                4,
                3,
                dashed,
            ))
            .ok()?;
        chart
            .draw_series(points.iter().map(|&(n, x, y, priority)| {
                let colour = if priority == Some(Priority::FixFirst) {
                    ALARM
                } else {
                    DATA
                };
                EmptyElement::at((x, y))
                    + Circle::new((0, 0), 11, colour.filled())
                    + Text::new(
                        n.to_string(),
                        (0, 0),
                        (FAMILY, TEXT)
                            .into_font()
                            .color(&WHITE)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    )
            }))
            .ok()?;
        let title = crate::i18n::format(locale, "dash-matrix-title", &[("group", label)]);
        root.draw(&Text::new(
            title,
            (64, 2),
            (FAMILY, TEXT).into_font().color(&INK),
        ))
        .ok()?;
        root.present().ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::drivers::report::DriverItem;
    use crate::domain::scoring::drivers::Estimate;

    fn item(share: f64, fav: Option<f64>, priority: Option<Priority>) -> DriverItem {
        let e = Estimate {
            estimate: share / 2.0,
            low: 0.0,
            high: share,
        };
        DriverItem {
            item: "x".into(),
            importance: e,
            share_of_r2: share,
            favorable: fav,
            priority,
        }
    }

    fn result(items: Vec<DriverItem>) -> DriverResult {
        DriverResult {
            n: 30,
            r_squared: Estimate {
                estimate: 0.5,
                low: 0.4,
                high: 0.6,
            },
            items,
        }
    }

    #[test]
    fn every_item_with_a_shown_share_is_a_numbered_point() {
        let r = result(vec![
            item(0.7, Some(0.3), Some(Priority::FixFirst)),
            item(0.3, Some(0.8), Some(Priority::PossibleOverkill)),
            item(0.0, None, None),
        ]);
        let svg = driver_matrix_svg(&r, "Sales", Locale::En).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("viewBox"), "the grid scales with the page");
        assert_eq!(svg.matches("<circle").count(), 2);
        // Text content sits on lines of its own in plotters' SVG.
        let flat = svg.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("> 1 </text>") && flat.contains("> 2 </text>"));
        assert!(!flat.contains("> 3 </text>"));
        assert!(svg.contains("Sales"));
    }

    /// Every `font-size` the SVG writes, in CSS pixels at its drawn size.
    fn font_sizes(svg: &str) -> Vec<f64> {
        svg.split("font-size=\"")
            .skip(1)
            .filter_map(|t| t.split('"').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn the_title_is_in_the_charts_language() {
        let r = result(vec![item(0.7, Some(0.3), Some(Priority::FixFirst))]);
        for (locale, words) in [
            (Locale::En, "Fix first ↖ — Sales"),
            (Locale::De, "Zuerst angehen ↖ — Sales"),
            (Locale::Ko, "우선 개선 ↖ — Sales"),
            (Locale::Nl, "Eerst aanpakken ↖ — Sales"),
        ] {
            let svg = driver_matrix_svg(&r, "Sales", locale).unwrap();
            assert!(svg.contains(words), "{locale:?}: {svg}");
        }
    }

    #[test]
    fn text_stays_readable_at_the_width_a_phone_shows() {
        // staff.css caps the chart at its own width; a 360 px phone leaves it ~328 px.
        let shown = 328.0 / SIZE.0 as f64;
        let r = result(vec![
            item(0.7, Some(0.3), Some(Priority::FixFirst)),
            item(0.3, Some(0.8), None),
        ]);
        for locale in Locale::ALL {
            let svg = driver_matrix_svg(&r, "Sales", locale).unwrap();
            let sizes = font_sizes(&svg);
            assert!(!sizes.is_empty(), "{svg}");
            for s in sizes {
                assert!(
                    s * shown >= 12.0,
                    "{locale:?}: {s} px text shown at {shown}"
                );
            }
        }
        let css = include_str!("../../static/staff.css");
        assert!(css.contains(&format!(
            ".driver-chart svg {{ width: 100%; height: auto; max-width: {}px; }}",
            SIZE.0
        )));
    }

    #[test]
    fn no_shown_share_no_chart() {
        let r = result(vec![item(1.0, None, None)]);
        assert!(driver_matrix_svg(&r, "Sales", Locale::En).is_none());
    }
}
