//! The page: header, the three measure panels, the CTO's commentary and the methodology
//! footer, laid out on one 1600 × 1000 image (taller when a status reason runs long), and the
//! PNG and SVG entry points.

use std::collections::BTreeSet;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ColorType, ImageEncoder};
use plotters::prelude::*;

use crate::charts::copy::{self, fill, pct0};
use crate::charts::layout::{trim_float, Frame, ReportContext, ReportError, PAD};
use crate::charts::marks::{self, Area};
use crate::charts::text_layout::{self as tl, line_height};
use crate::charts::theme::{self, size, INK, MUTED, PANEL, PAPER, RULE};
use crate::charts::typeset::Typeset;
use crate::charts::{
    actions_box, alignment_panel, csat_panel, culture_panel, drivers_line, fonts, panel,
    time_split_bar,
};
use crate::domain::audience::Audience;
use crate::domain::locale::Locale;
use crate::domain::scoring::status::Rating;
use crate::domain::scoring::Scorecard;
use crate::i18n::Arg;

/// Image width in pixels.
pub const WIDTH: u32 = 1600;
/// Image height in pixels when every status reason fits in three lines; see [`height`].
pub const HEIGHT: u32 = 1000;

const MARGIN: i32 = 24;
const GAP: i32 = 16;
const PANELS_TOP: i32 = 104;
const PANELS_BOTTOM: i32 = 804;
const COMMENTARY_TOP: i32 = 814;
const FOOTER_TOP: i32 = 916;
/// Width of the time split's box at the right end of the commentary band.
const TIME_BOX: i32 = 540;

fn header<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let title = theme::bold(size::TITLE);
    let company = if ctx.company.trim().is_empty() {
        "—"
    } else {
        ctx.company.trim()
    };
    tl::text(
        area,
        &tl::fit(&title, company, 980),
        &title,
        &INK,
        (MARGIN, 14),
    )?;
    let as_of = match ctx.as_of {
        Some(d) => fill(l.as_of, &[("date", &copy::date(ctx.locale, d))]),
        None => l.as_of_unknown.to_string(),
    };
    let sub = format!(
        "{} · {} · {}",
        l.report_title,
        copy::quarter_long(ctx.locale, sc.quarter),
        as_of
    );
    let f = theme::regular(size::BODY);
    tl::text(area, &tl::fit(&f, &sub, 980), &f, &MUTED, (MARGIN, 62))?;
    legend(area, ctx.locale)?;
    marks::line(
        area,
        (MARGIN, 94),
        (WIDTH as i32 - MARGIN, 94),
        RULE.stroke_width(1),
    )
}

/// The key to the status icons, top right: shape, colour and word together.
fn legend<DB: DrawingBackend>(area: &Area<DB>, locale: Locale) -> Result<(), ReportError> {
    let f = theme::regular(size::TINY);
    let ratings = [Rating::Green, Rating::Amber, Rating::Red, Rating::NotRated];
    let widths: Vec<i32> = ratings
        .iter()
        .map(|r| tl::width(&f, copy::rating_word(locale, *r)) + 34)
        .collect();
    let mut x = WIDTH as i32 - MARGIN - widths.iter().sum::<i32>();
    for (r, w) in ratings.iter().zip(&widths) {
        theme::draw_status_icon(area, *r, (x + 10, 66), 9).map_err(ReportError::drawing)?;
        tl::text(area, copy::rating_word(locale, *r), &f, &INK, (x + 24, 56))?;
        x += w;
    }
    Ok(())
}

/// Where the band below the panels puts the actions box: its left and right edge, and the
/// commentary's right edge; `None` without actions.
fn actions_span(ctx: &ReportContext<'_>) -> Option<((i32, i32), i32)> {
    if ctx.actions.is_empty() {
        return None;
    }
    let (left, mut right) = (MARGIN, WIDTH as i32 - MARGIN);
    if ctx.time_split.is_some() {
        right -= TIME_BOX + GAP;
    }
    // With actions, the commentary takes the left three fifths and the actions the rest.
    let split = left + (right - left) * 3 / 5;
    let from = if ctx.commentary.is_some_and(|t| !t.trim().is_empty()) {
        split + GAP
    } else {
        left
    };
    Some(((from, right), split))
}

fn commentary<DB: DrawingBackend>(
    area: &Area<DB>,
    ctx: &ReportContext<'_>,
    grow: Growth,
) -> Result<(), ReportError> {
    // The band sits below the panels, however much they grew, and grows itself when the
    // actions' titles take more lines than it has.
    let commentary_top = COMMENTARY_TOP + grow.panels();
    let footer_top = FOOTER_TOP + grow.total();
    let (left, right) = (MARGIN, WIDTH as i32 - MARGIN);
    // The time split, when the calendar has the quarter, takes the right end of the band.
    if let Some((split, targets)) = &ctx.time_split {
        let from = right - TIME_BOX;
        marks::rect(
            area,
            (from, commentary_top),
            (right, footer_top - 10),
            PANEL.filled(),
        )?;
        let frame = Frame {
            x: from + PAD,
            y: commentary_top + 8,
            w: TIME_BOX - 2 * PAD,
            h: footer_top - 10 - commentary_top - 16,
        };
        time_split_bar::draw(area, frame, split, targets, ctx.locale)?;
    }
    let x1 = match actions_span(ctx) {
        Some((span, split)) => {
            actions_box::draw(
                area,
                ctx,
                span,
                (commentary_top, footer_top - 10),
                ctx.actions_total,
            )?;
            split
        }
        None if ctx.time_split.is_some() => right - TIME_BOX - GAP,
        None => right,
    };
    let Some(text) = ctx.commentary.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(());
    };
    let l = copy::labels(ctx.locale);
    let x0 = left;
    marks::rect(
        area,
        (x0, commentary_top),
        (x1, footer_top - 10),
        PANEL.filled(),
    )?;
    marks::rect(
        area,
        (x0, commentary_top),
        (x0 + 5, footer_top - 10),
        theme::DATA.filled(),
    )?;
    let head = theme::bold(size::SMALL);
    tl::text(
        area,
        l.commentary,
        &head,
        &INK,
        (x0 + PAD, commentary_top + 8),
    )?;
    let f = theme::regular(size::SMALL);
    let lines = tl::wrap(&f, text, x1 - x0 - 2 * PAD, 3);
    tl::lines(
        area,
        &lines,
        &f,
        &INK,
        (x0 + PAD, commentary_top + 8 + line_height(size::SMALL)),
        line_height(size::SMALL),
    )?;
    Ok(())
}

/// The methodology footer as one paragraph: rounds and response rates, k and the interval
/// method, weights, template versions and status thresholds.
pub fn methodology_text(sc: &Scorecard, ctx: &ReportContext<'_>) -> String {
    let locale = ctx.locale;
    let l = copy::labels(locale);
    let mut parts = Vec::new();
    if sc.rounds.is_empty() {
        parts.push(l.method_no_rounds.to_string());
    } else {
        let rounds: Vec<String> = sc
            .rounds
            .iter()
            .map(|r| {
                let rate = r
                    .response_rate
                    .value()
                    .map(|v| pct0(locale, *v))
                    .unwrap_or_else(|| "–".to_string());
                copy::round_participation(locale, r, &rate, ctx.labels)
            })
            .collect();
        parts.push(format!("{}.", rounds.join(" · ")));
        let ks: BTreeSet<u32> = sc.rounds.iter().map(|r| r.k).collect();
        // One k is a count (its plural form); several are listed as "3/5".
        let joined = ks.iter().map(u32::to_string).collect::<Vec<_>>().join("/");
        let k = match ks.iter().collect::<Vec<_>>().as_slice() {
            [one] => Arg::Count(u64::from(**one)),
            _ => Arg::Text(&joined),
        };
        parts.push(copy::counted(locale, "report-method-rules", &[("k", k)]));
    }
    if let Some(r) = sc
        .rounds
        .iter()
        .find(|r| r.audience == Audience::InternalCsat)
    {
        let weights: Vec<String> = r
            .groups
            .iter()
            .map(|g| {
                format!(
                    "{} {}",
                    copy::group_name(locale, &g.key, &g.departments),
                    trim_float(g.weight)
                )
            })
            .collect();
        parts.push(fill(l.method_weights, &[("weights", &weights.join(", "))]));
    }
    let t = &ctx.methodology.thresholds;
    let p = |v| copy::pct1(locale, v);
    parts.push(fill(
        l.method_thresholds,
        &[
            ("a", &p(t.a_amber_alignment)),
            ("b_red", &p(t.b_red_productive_happy)),
            ("b_amber", &p(t.b_amber_productive_happy)),
            ("c_red", &p(t.c_red_weighted)),
            ("c_group", &p(t.c_red_any_group)),
            ("c_amber", &p(t.c_amber_weighted)),
        ],
    ));
    parts.push(l.method_doc.to_string());
    parts.join(" ")
}

fn footer<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
    grow: i32,
) -> Result<(), ReportError> {
    let l = copy::labels(ctx.locale);
    let head = theme::bold(size::TINY);
    let x = MARGIN;
    let footer_top = FOOTER_TOP + grow;
    tl::text(area, l.method_heading, &head, &INK, (x, footer_top))?;
    let indent = tl::width(&head, l.method_heading) + 10;
    let f = theme::regular(size::TINY - 1.0);
    let text = methodology_text(sc, ctx);
    let lines = tl::wrap(&f, &text, WIDTH as i32 - 2 * MARGIN - indent, 4);
    tl::lines(
        area,
        &lines,
        &f,
        &MUTED,
        (x + indent, footer_top),
        line_height(size::TINY - 1.0) - 1,
    )?;
    Ok(())
}

/// Width of each of the three panels.
const PANEL_W: i32 = (WIDTH as i32 - 2 * MARGIN - 2 * GAP) / 3;

/// The extra height the panels take so nothing in them is cut: the longest status reason
/// (the content below it moves down) and the longest line of key drivers (the trend below
/// it moves down). Everything below the panels moves down by the sum.
#[derive(Debug, Clone, Copy)]
struct Growth {
    reasons: i32,
    drivers: i32,
    /// The band below the panels, for actions whose titles wrap or the time split's key.
    band: i32,
}

impl Growth {
    /// How much taller the panels are.
    fn panels(self) -> i32 {
        self.reasons + self.drivers
    }

    fn total(self) -> i32 {
        self.panels() + self.band
    }
}

fn growth(sc: &Scorecard, ctx: &ReportContext<'_>) -> Result<Growth, ReportError> {
    fonts::ensure_registered()?;
    let reasons = [
        alignment_panel::reason(sc, ctx),
        culture_panel::reason(sc, ctx),
        csat_panel::reason(sc, ctx),
    ];
    let inner = PANEL_W - 2 * PAD;
    let drivers = [
        (&sc.measure_b.round, &sc.measure_b.top_drivers),
        (&sc.measure_c.round, &sc.measure_c.top_drivers),
    ]
    .into_iter()
    .filter_map(|(round, top)| {
        let key = round.as_ref()?.key.as_str();
        Some(drivers_line::growth(ctx, key, top, inner))
    })
    .max()
    .unwrap_or(0);
    let actions = actions_span(ctx)
        .map(|(span, _)| actions_box::growth(ctx, span))
        .unwrap_or(0);
    let time = ctx
        .time_split
        .as_ref()
        .map(|(split, _)| time_split_bar::growth(split, ctx.locale, TIME_BOX - 2 * PAD))
        .unwrap_or(0);
    Ok(Growth {
        reasons: panel::growth(&reasons, PANEL_W),
        drivers,
        band: actions.max(time),
    })
}

/// The report's height in pixels: [`HEIGHT`], or more when a status reason needs more than
/// three lines or the key drivers more than two.
pub fn height(sc: &Scorecard, ctx: &ReportContext<'_>) -> Result<u32, ReportError> {
    Ok(HEIGHT + growth(sc, ctx)?.total().unsigned_abs())
}

/// Draws the whole report on `area` ([`WIDTH`] × [`height`]).
pub fn draw_report<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
) -> Result<(), ReportError> {
    draw_grown(area, sc, ctx, growth(sc, ctx)?)
}

fn draw_grown<DB: DrawingBackend>(
    area: &Area<DB>,
    sc: &Scorecard,
    ctx: &ReportContext<'_>,
    grow: Growth,
) -> Result<(), ReportError> {
    fonts::ensure_registered()?;
    area.fill(&PAPER).map_err(ReportError::drawing)?;
    header(area, sc, ctx)?;
    let frame = |i: i32| Frame {
        x: MARGIN + i * (PANEL_W + GAP),
        y: PANELS_TOP,
        w: PANEL_W,
        h: PANELS_BOTTOM - PANELS_TOP + grow.panels(),
    };
    alignment_panel::draw(area, sc, ctx, frame(0), grow.reasons)?;
    culture_panel::draw(area, sc, ctx, frame(1), grow.reasons)?;
    csat_panel::draw(area, sc, ctx, frame(2), grow.reasons)?;
    commentary(area, ctx, grow)?;
    footer(area, sc, ctx, grow.total())
}

/// Renders the report as PNG bytes: same scorecard and context, same bytes.
pub fn render_png(sc: &Scorecard, ctx: &ReportContext<'_>) -> Result<Vec<u8>, ReportError> {
    let grow = growth(sc, ctx)?;
    let height = HEIGHT + grow.total().unsigned_abs();
    let mut pixels = vec![0u8; (WIDTH * height * 3) as usize];
    {
        // Text is set by `Typeset`: plotters' own glyph placement leaves gaps inside words.
        let root =
            Typeset(BitMapBackend::with_buffer(&mut pixels, (WIDTH, height))).into_drawing_area();
        draw_grown(&root, sc, ctx, grow)?;
        root.present().map_err(ReportError::drawing)?;
    }
    let mut out = Vec::with_capacity(256 * 1024);
    // Fast deflate with the Sub filter: a flat-colour chart compresses well either way, and
    // the default level or adaptive filtering multiply the encode time for a few per cent.
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Sub)
        .write_image(&pixels, WIDTH, height, ColorType::Rgb8)
        .map_err(|e| ReportError::Encoding(e.to_string()))?;
    Ok(out)
}

/// Renders the report as an SVG document; its text stays text and names the font family.
pub fn render_svg(sc: &Scorecard, ctx: &ReportContext<'_>) -> Result<String, ReportError> {
    let grow = growth(sc, ctx)?;
    let mut out = String::with_capacity(128 * 1024);
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT + grow.total().unsigned_abs()))
            .into_drawing_area();
        draw_grown(&root, sc, ctx, grow)?;
        root.present().map_err(ReportError::drawing)?;
    }
    Ok(out)
}
