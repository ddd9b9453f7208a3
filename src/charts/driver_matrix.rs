//! The importance × performance grid of one key-driver analysis, as SVG for the dashboard.
//!
//! x = the item's favourable share, y = its share of the explained variance; the cross-hairs
//! are the analysis's own averages (an equal share 1/p; the mean favourable share), so the
//! top-left quadrant is "fix first". Points carry their row number in the table beside the
//! chart, which holds the words; the chart only shows where each item sits.

use plotters::prelude::*;

use crate::charts::copy::pct0;
use crate::charts::fonts::{ensure_registered, FAMILY};
use crate::charts::theme::{ALARM, DATA, INK, MUTED, RULE};
use crate::domain::locale::Locale;
use crate::domain::scoring::drivers::report::{DriverResult, Priority};

/// Width and height of the chart, in CSS pixels (it scales with the page).
const SIZE: (u32, u32) = (360, 300);

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
            .x_label_area_size(34)
            .y_label_area_size(44)
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
            .label_style((FAMILY, 12).into_font().color(&MUTED))
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
                    + Circle::new((0, 0), 9, colour.filled())
                    + Text::new(
                        n.to_string(),
                        (-4, -6),
                        (FAMILY, 12).into_font().color(&WHITE),
                    )
            }))
            .ok()?;
        root.draw(&Text::new(
            format!("Fix first ↖ — {label}"),
            (60, 2),
            (FAMILY, 12).into_font().color(&INK),
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

    #[test]
    fn no_shown_share_no_chart() {
        let r = result(vec![item(1.0, None, None)]);
        assert!(driver_matrix_svg(&r, "Sales", Locale::En).is_none());
    }
}
