//! The compact time-split bar for the board report: where the CTO's calendar time went in
//! the quarter (sales, marketing, BD, internal, unclassified) as one stacked bar, the
//! article's targets as a thin bar beneath it, and each group's deviation in points.
//! Quarterly shares only — never events. Every segment carries its word, so nothing is told
//! by colour alone: in the segment when it fits, else in a key under the bar beside a swatch
//! of its colour. Unclassified time is hatched grey, never folded into a category.
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

/// Each segment's width in a bar `w` wide, in [`GROUPS`] order (the last takes the rounding).
fn segments(split: &SplitSummary, w: i32) -> [i32; 5] {
    let share = |k: &str| split.line(k).and_then(|l| l.share).unwrap_or(0.0);
    let mut out = [0; 5];
    let mut used = 0;
    for (i, (key, _)) in GROUPS.iter().enumerate() {
        out[i] = if i == GROUPS.len() - 1 {
            w - used
        } else {
            ((share(key) / 100.0) * w as f64).round() as i32
        };
        used += out[i];
    }
    out
}

/// Each segment's words ("Sales 34%"), and whether they fit inside it.
fn labels(split: &SplitSummary, locale: Locale, w: i32) -> Vec<(String, bool)> {
    let (names, ..) = words(locale);
    let small = theme::regular(size::TINY);
    let share = |k: &str| split.line(k).and_then(|l| l.share).unwrap_or(0.0);
    GROUPS
        .iter()
        .zip(segments(split, w))
        .enumerate()
        .map(|(i, ((key, _), seg))| {
            let label = format!("{} {:.0}%", names[i], share(key));
            let fits = tl::width(&small, &label) + 8 <= seg;
            (label, fits)
        })
        .collect()
}

/// The extra height the bar needs in a frame `w` wide: a line for the key when a segment's
/// words do not fit inside it.
pub fn growth(split: &SplitSummary, locale: Locale, w: i32) -> i32 {
    let segs = segments(split, w);
    let keyed = labels(split, locale, w)
        .iter()
        .zip(segs)
        .any(|((_, fits), seg)| seg > 0 && !fits);
    if split.work_hours > 0.0 && keyed {
        tl::line_height(size::TINY)
    } else {
        0
    }
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
    // The actual shares, stacked; each segment labelled inside when its words fit, else in
    // the key below.
    let labels = labels(split, locale, w);
    let mut keyed = Vec::new();
    let mut x = x0;
    for (((key, colour), seg), (label, fits)) in GROUPS.iter().zip(segments(split, w)).zip(&labels)
    {
        if seg <= 0 {
            continue;
        }
        swatch(area, key, *colour, (x, bar_y), (x + seg, bar_y + bar_h))?;
        let text_colour = if *key == "sales" || *key == "bd" {
            theme::WHITE_TEXT_BG
        } else {
            INK
        };
        if *fits {
            tl::text(area, label, &small, &text_colour, (x + 4, bar_y + 3))?;
        } else {
            keyed.push((*key, *colour, label));
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
    let mut y = ty + 10;
    if !keyed.is_empty() {
        let mut x = x0;
        for (key, colour, label) in keyed {
            swatch(area, key, colour, (x, y + 2), (x + 12, y + 14))?;
            tl::text(area, label, &small, &INK, (x + 16, y))?;
            x += 16 + tl::width(&small, label) + 14;
        }
        y += tl::line_height(size::TINY);
    }
    let note = format!("{versus}: {}", deviations.join(" · "));
    tl::text(area, &tl::fit(&small, &note, w), &small, &MUTED, (x0, y))?;
    Ok(())
}

/// A group's colour in a box: a bar segment or a key's swatch. Unclassified time is hatched.
fn swatch<DB: DrawingBackend>(
    area: &Area<DB>,
    key: &str,
    colour: RGBColor,
    from: (i32, i32),
    to: (i32, i32),
) -> Result<(), ReportError> {
    if key == "unclassified" {
        marks::hatched(area, from, to)
    } else {
        marks::rect(area, from, to, colour.filled())
    }
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

    #[test]
    fn a_segment_too_narrow_for_its_words_is_named_in_the_key_in_every_language() {
        for locale in Locale::ALL {
            let (names, ..) = words(locale);
            let s = svg(&quarter(), locale);
            let texts: Vec<String> = s
                .split("<text")
                .skip(1)
                .filter_map(|t| {
                    Some(
                        t.split_once('>')?
                            .1
                            .split("</text>")
                            .next()?
                            .trim()
                            .to_string(),
                    )
                })
                .collect();
            for (name, share) in names.iter().zip(["34%", "21%", "15%", "30%"]) {
                let label = format!("{name} {share}");
                assert!(texts.contains(&label), "{locale}: {label} in {texts:?}");
            }
            let keyed = labels(&quarter(), locale, 540)
                .iter()
                .zip(segments(&quarter(), 540))
                .filter(|(l, seg)| *seg > 0 && !l.1)
                .count();
            let grown = growth(&quarter(), locale, 540);
            assert_eq!(grown > 0, keyed > 0, "{locale}: a key needs its line");
        }
    }
}
