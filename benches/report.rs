//! Board report rendering: scorecard to encoded PNG bytes, to an SVG string, and the board
//! pack to PDF bytes beside bare svg2pdf converting the same pages one at a time (its own
//! `to_pdf` per page, fonts set by usvg from the same faces): the baseline of the same run.
//!
//! The PNG has its own baseline, `bare plotters png {locale}`: plain plotters drawing the
//! same report's primitives (every rectangle, line, polyline, circle, polygon and text run,
//! at the same coordinates, colours, sizes and faces) on a `BitMapBackend::with_buffer` of
//! the same size, then the same PNG encoding. The primitives are recorded once, untimed, by
//! drawing the report on [`Recorder`]; the timed loop only replays them, so it has none of
//! the product's layout, measuring, wrapping or glyph setting (the crate-private `Typeset`
//! wrapper's per-glyph placement): its text goes through plotters' own ab_glyph drawing with
//! the same embedded face, which outlines, rasterises and blends every glyph as `Typeset`
//! does. What the product adds to drawing and encoding is the report figure minus this one.

use std::convert::Infallible;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ColorType, ImageEncoder};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::Pos;
use plotters::style::{FontFamily, FontTransform, RGBAColor};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use ctopulse::board_pack::{self, PackInput};
use ctopulse::charts::board_report::draw_report;
use ctopulse::charts::sample::{sample_as_of, sample_scorecard, COMMENTARY, COMPANY};
use ctopulse::charts::{height, render_png, render_svg, Methodology, ReportContext, WIDTH};
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
        let ops = record(&sc, &ctx);
        let size = (WIDTH, report_height(&sc, &ctx));
        eprintln!("bare plotters png {locale}: replays {}", Census::of(&ops));
        c.bench_function(&format!("bare plotters png {locale}"), |b| {
            b.iter(|| bare_png(black_box(&ops), size))
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

/// The report's height for this scorecard (1000 for the sample; taller if a reason wraps).
fn report_height(sc: &ctopulse::domain::scoring::Scorecard, ctx: &ReportContext<'_>) -> u32 {
    match height(sc, ctx) {
        Ok(h) => h,
        Err(e) => panic!("report height: {e}"),
    }
}

/// One drawing primitive of the report, as it reached the backend: absolute pixel
/// coordinates, final colours and stroke widths, text with its family, size, style and
/// anchor. Nothing in it needs layout to draw.
enum Op {
    Pixel(BackendCoord, RGBAColor),
    Line(BackendCoord, BackendCoord, ShapeStyle),
    Rect(BackendCoord, BackendCoord, ShapeStyle),
    Path(Vec<BackendCoord>, ShapeStyle),
    Circle(BackendCoord, u32, ShapeStyle),
    Polygon(Vec<BackendCoord>, ShapeStyle),
    Text {
        text: String,
        family: String,
        size: f64,
        style: FontStyle,
        transform: FontTransform,
        colour: RGBAColor,
        anchor: Pos,
        at: BackendCoord,
    },
}

fn rgba(c: BackendColor) -> RGBAColor {
    RGBAColor(c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
}

fn shape<S: BackendStyle>(style: &S, filled: bool) -> ShapeStyle {
    ShapeStyle {
        color: rgba(style.color()),
        filled,
        stroke_width: style.stroke_width(),
    }
}

/// A backend that draws nothing and writes down every call the report makes of it.
///
/// `render_png` hands the bitmap backend exactly these calls (its `Typeset` wrapper passes
/// shapes through and only sets the text itself), and the SVG backend writes one element per
/// call, so the record is the report's picture, primitive for primitive.
struct Recorder<'a> {
    size: (u32, u32),
    ops: &'a mut Vec<Op>,
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        at: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Pixel(at, rgba(colour)));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Line(from, to, shape(style, false)));
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops
            .push(Op::Rect(upper_left, bottom_right, shape(style, fill)));
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops
            .push(Op::Path(path.into_iter().collect(), shape(style, false)));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops
            .push(Op::Circle(centre, radius, shape(style, fill)));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops
            .push(Op::Polygon(vert.into_iter().collect(), shape(style, true)));
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        at: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Text {
            text: text.to_string(),
            family: style.family().as_str().to_string(),
            size: style.size(),
            style: style.style(),
            transform: style.transform(),
            colour: rgba(style.color()),
            anchor: style.anchor(),
            at,
        });
        Ok(())
    }

    fn blit_bitmap(
        &mut self,
        _: BackendCoord,
        _: (u32, u32),
        _: &[u8],
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        panic!("the report blits a bitmap: the bare baseline would not replay it");
    }
}

/// The report's primitives, drawn once on a [`Recorder`] (untimed).
fn record(sc: &ctopulse::domain::scoring::Scorecard, ctx: &ReportContext<'_>) -> Vec<Op> {
    let mut ops = Vec::new();
    {
        let root = Recorder {
            size: (WIDTH, report_height(sc, ctx)),
            ops: &mut ops,
        }
        .into_drawing_area();
        if let Err(e) = draw_report(&root, sc, ctx) {
            panic!("recording the report: {e}");
        }
    }
    ops
}

/// How many primitives of each kind a recording holds, printed beside the bench so the
/// baseline's work can be checked against the report's.
#[derive(Default)]
struct Census {
    rects: usize,
    lines: usize,
    paths: usize,
    circles: usize,
    polygons: usize,
    pixels: usize,
    texts: usize,
    chars: usize,
}

impl Census {
    fn of(ops: &[Op]) -> Self {
        let mut n = Census::default();
        for op in ops {
            match op {
                Op::Pixel(..) => n.pixels += 1,
                Op::Line(..) => n.lines += 1,
                Op::Rect(..) => n.rects += 1,
                Op::Path(..) => n.paths += 1,
                Op::Circle(..) => n.circles += 1,
                Op::Polygon(..) => n.polygons += 1,
                Op::Text { text, .. } => {
                    n.texts += 1;
                    n.chars += text.chars().count();
                }
            }
        }
        n
    }
}

impl std::fmt::Display for Census {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} rectangles, {} lines, {} polylines, {} circles, {} polygons, {} pixels, \
             {} text runs ({} characters)",
            self.rects,
            self.lines,
            self.paths,
            self.circles,
            self.polygons,
            self.pixels,
            self.texts,
            self.chars
        )
    }
}

/// Draws the recorded primitives with plain plotters: elements and `draw_text` on a drawing
/// area over the bitmap, in the recorded order.
fn replay<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, ops: &[Op]) {
    let result = ops.iter().try_for_each(|op| match op {
        Op::Pixel(at, colour) => area.draw_pixel(*at, colour),
        Op::Line(from, to, style) => area.draw(&PathElement::new(vec![*from, *to], *style)),
        Op::Rect(a, b, style) => area.draw(&Rectangle::new([*a, *b], *style)),
        Op::Path(points, style) => area.draw(&PathElement::new(points.clone(), *style)),
        Op::Circle(centre, radius, style) => area.draw(&Circle::new(
            *centre,
            i32::try_from(*radius).unwrap_or(0),
            *style,
        )),
        Op::Polygon(points, style) => area.draw(&Polygon::new(points.clone(), *style)),
        Op::Text {
            text,
            family,
            size,
            style,
            transform,
            colour,
            anchor,
            at,
        } => {
            let font = FontDesc::new(FontFamily::Name(family.as_str()), *size, *style)
                .transform(transform.clone());
            area.draw_text(text, &font.color(colour).pos(*anchor), *at)
        }
    });
    if let Err(e) = result {
        panic!("bare plotters replay: {e}");
    }
}

/// The baseline: a fresh RGB buffer, the recorded primitives drawn on it by plain plotters,
/// and the PNG encoding `render_png` uses (fast deflate, Sub filter).
fn bare_png(ops: &[Op], (w, h): (u32, u32)) -> Vec<u8> {
    let mut pixels = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (w, h)).into_drawing_area();
        replay(&root, ops);
        if let Err(e) = root.present() {
            panic!("bare plotters present: {e}");
        }
    }
    let mut out = Vec::with_capacity(256 * 1024);
    if let Err(e) = PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Sub)
        .write_image(&pixels, w, h, ColorType::Rgb8)
    {
        panic!("bare plotters png encoding: {e}");
    }
    out
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
