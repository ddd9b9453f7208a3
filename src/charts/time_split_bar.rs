//! The compact time-split bar for the board report: where the CTO's calendar time went in
//! the quarter (sales, marketing, BD, internal, unclassified) as one stacked bar, the
//! article's targets as a thin bar beneath it, and each group's deviation in points.
//! Quarterly shares only — never events. Every segment carries its word, so nothing is told
//! by colour alone; unclassified time is hatched grey, never folded into a category.
//!
//! The report draws it at the right end of the commentary band (about 500 × 76 px).

use plotters::prelude::*;

use crate::charts::layout::{Frame, ReportError};
use crate::charts::marks::{self, Area};
use crate::charts::text_layout as tl;
use crate::charts::theme::{self, size, BAND, DATA, GOOD, INK, MUTED, RULE, WARN};
use crate::domain::locale::Locale;
use crate::domain::time_split::{SplitSummary, Targets};

/// The groups of the bar, in order: line key of the split and colour.
const GROUPS: [(&str, RGBColor); 5] = [
    ("sales", DATA),
    ("marketing", BAND),
    ("bd", GOOD),
    ("internal", WARN),
    ("unclassified", theme::WITHHELD),
];

/// Words of the bar in a language: the five groups, the title, "target", "points vs target".
pub(crate) fn words(
    locale: Locale,
) -> ([&'static str; 5], &'static str, &'static str, &'static str) {
    let l = crate::charts::copy::labels(locale);
    (l.time_groups, l.time_title, l.time_target, l.time_versus)
}

/// Draws the bar in `frame`. A quarter without work time draws the title and a hatched box.
pub fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    frame: Frame,
    split: &SplitSummary,
    targets: &Targets,
    locale: Locale,
) -> Result<(), ReportError> {
    let (names, title, target_word, versus) = words(locale);
    let head = theme::bold(size::SMALL);
    let small = theme::regular(size::TINY);
    let heading = format!(
        "{title} · {target_word} {:.0}/{:.0}/{:.0}/{:.0}",
        targets.sales, targets.marketing, targets.bd, targets.internal
    );
    tl::text(
        area,
        &tl::fit(&head, &heading, frame.w),
        &head,
        &INK,
        (frame.x, frame.y),
    )?;
    let bar_y = frame.y + 26;
    let bar_h = 26;
    let (x0, w) = (frame.x, frame.w);
    if split.work_hours <= 0.0 {
        return marks::hatched(area, (x0, bar_y), (x0 + w, bar_y + bar_h));
    }
    let share = |k: &str| split.line(k).and_then(|l| l.share).unwrap_or(0.0);
    let target_of = |k: &str| match k {
        "sales" => targets.sales,
        "marketing" => targets.marketing,
        "bd" => targets.bd,
        "internal" => targets.internal,
        _ => 0.0,
    };
    // The actual shares, stacked; each segment labelled when its words fit.
    let mut x = x0;
    for (i, (key, colour)) in GROUPS.iter().enumerate() {
        let seg = ((share(key) / 100.0) * w as f64).round() as i32;
        let seg = if i == GROUPS.len() - 1 {
            x0 + w - x
        } else {
            seg
        };
        if seg <= 0 {
            continue;
        }
        if *key == "unclassified" {
            marks::hatched(area, (x, bar_y), (x + seg, bar_y + bar_h))?;
        } else {
            marks::rect(area, (x, bar_y), (x + seg, bar_y + bar_h), colour.filled())?;
        }
        let label = format!("{} {:.0}%", names[i], share(key));
        let text_colour = if *key == "sales" || *key == "bd" {
            theme::WHITE_TEXT_BG
        } else {
            INK
        };
        if tl::width(&small, &label) + 8 <= seg {
            tl::text(area, &label, &small, &text_colour, (x + 4, bar_y + 3))?;
        }
        x += seg;
    }
    // The targets, thin, beneath; then each targeted group's deviation in points.
    let ty = bar_y + bar_h + 4;
    let mut x = x0;
    for (key, colour) in GROUPS.iter().take(4) {
        let seg = ((target_of(key) / 100.0) * w as f64).round() as i32;
        marks::rect(area, (x, ty), (x + seg, ty + 6), colour.mix(0.55).filled())?;
        marks::line(area, (x, ty - 2), (x, ty + 8), RULE.stroke_width(1))?;
        x += seg;
    }
    let mut deviations: Vec<String> = GROUPS
        .iter()
        .take(4)
        .enumerate()
        .filter_map(|(i, (key, _))| {
            split
                .line(key)
                .and_then(|l| l.deviation_points)
                .map(|d| format!("{} {d:+.0}", names[i]))
        })
        .collect();
    deviations.push(format!("{} {:.0}%", names[4], share("unclassified")));
    let note = format!("{versus}: {}", deviations.join(" · "));
    tl::text(
        area,
        &tl::fit(&small, &note, w),
        &small,
        &MUTED,
        (x0, ty + 10),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time_split::split::summarize;
    use crate::domain::time_split::{Category, CategoryHours};

    fn svg(split: &SplitSummary, locale: Locale) -> String {
        crate::charts::fonts::ensure_registered().unwrap();
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (560, 110)).into_drawing_area();
            let frame = Frame {
                x: 10,
                y: 6,
                w: 540,
                h: 96,
            };
            draw(&root, frame, split, &Targets::default(), locale).unwrap();
            root.present().unwrap();
        }
        out
    }

    fn quarter() -> SplitSummary {
        // 34 + 21 + 15 + 20 + 10 = 100 h of work; shares equal the hours.
        let mut h = CategoryHours::default();
        for (c, v) in [
            (Category::Sales, 34.0),
            (Category::Marketing, 21.0),
            (Category::Bd, 15.0),
            (Category::InternalEngineering, 20.0),
            (Category::InternalExecutive, 10.0),
        ] {
            h.add(c, v);
        }
        summarize(&h, &Targets::default())
    }

    #[test]
    fn every_segment_says_its_word_and_share_and_the_deviations_are_in_points() {
        let s = svg(&quarter(), Locale::En);
        for label in ["Sales 34%", "Marketing 21%", "BD 15%", "Internal 30%"] {
            assert!(s.contains(label), "{label} missing");
        }
        assert!(s.contains("Sales -1") && s.contains("Marketing +1") && s.contains("Internal +0"));
        assert!(s.contains("target 35/20/15/30"));
    }

    #[test]
    fn a_quarter_without_calendar_time_is_hatched_not_an_empty_bar() {
        let empty = summarize(&CategoryHours::default(), &Targets::default());
        let s = svg(&empty, Locale::Ko);
        assert!(s.contains("CTO의 시간 배분"));
        assert!(!s.contains("영업 0%"));
    }
}
