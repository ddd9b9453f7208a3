//! The pack's page composer: headings, paragraphs and tables flowed onto A4 landscape pages
//! as SVG, with a running header, page numbers and margins.
//!
//! Every page is written as an SVG document in points (1 unit = 1 pt) and set by usvg with
//! the embedded faces, so text stays text in the PDF. Tables wrap their cells and repeat
//! their header row on each page they run onto; nothing is cut.

use std::fmt::Write;

use super::measure::Faces;

/// A4 landscape, in points.
pub const PAGE_W: f32 = 841.89;
/// A4 landscape, in points.
pub const PAGE_H: f32 = 595.28;
/// Left and right margin.
pub const MARGIN_X: f32 = 48.0;
/// Where the running header's rule sits.
const HEADER_RULE: f32 = 40.0;
/// Where a page's content starts.
const TOP: f32 = 58.0;
/// Where a page's content must end (above the footer).
const BOTTOM: f32 = PAGE_H - 58.0;
/// Paragraphs are set narrower than the page: long lines are hard to read.
const PROSE_W: f32 = 600.0;
/// The text face's family name in the pages' SVG (as registered with usvg).
pub const FAMILY: &str = "NanumGothic";

const INK: &str = "#212121";
const MUTED: &str = "#606060";
const RULE: &str = "#cecec9";
const PANEL: &str = "#f7f7f5";
const ALARM: &str = "#c25400";
const ACCENT: &str = "#0072b2";

/// The usable width between the margins.
pub fn body_width() -> f32 {
    PAGE_W - 2.0 * MARGIN_X
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Normal,
    /// Bold (a figure or a name).
    Strong,
    /// Smaller and grey (an interval, a note).
    Muted,
    /// A withheld figure's words: grey, never a number.
    Withheld,
    /// Bold and red (a missed inflection point).
    Alert,
}

/// One paragraph inside a table cell.
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

/// A table cell: its pieces, one under the other.
#[derive(Debug, Clone, Default)]
pub struct Cell(pub Vec<Piece>);

impl Cell {
    /// A cell of one piece.
    pub fn one(text: impl Into<String>, tone: Tone) -> Cell {
        Cell(vec![Piece {
            text: text.into(),
            tone,
        }])
    }

    /// Adds a piece below (empty text is skipped).
    pub fn and(mut self, text: impl Into<String>, tone: Tone) -> Cell {
        let text = text.into();
        if !text.trim().is_empty() {
            self.0.push(Piece { text, tone });
        }
        self
    }
}

/// A table column: its title and its share of the width.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub weight: f32,
}

/// A table: columns and rows of cells.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// What flows onto the pages.
#[derive(Debug, Clone)]
pub enum Block {
    /// A section title: starts a new page.
    Title(String),
    /// A section title that shares a page with the section before when a third of the
    /// page is still free.
    Section(String),
    /// A heading inside a section (kept with what follows it).
    Heading(String),
    Para(String),
    /// A small grey paragraph.
    Note(String),
    Table(Table),
}

/// Sizes of the text styles, in points.
mod size {
    pub const TITLE: f32 = 18.0;
    pub const HEADING: f32 = 12.0;
    pub const BODY: f32 = 9.5;
    pub const CELL: f32 = 8.5;
    pub const SMALL: f32 = 7.5;
}

fn line_height(size: f32) -> f32 {
    size * 1.38
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn tone_style(tone: Tone) -> (f32, bool, &'static str) {
    match tone {
        Tone::Normal => (size::CELL, false, INK),
        Tone::Strong => (size::CELL, true, INK),
        Tone::Muted => (size::SMALL, false, MUTED),
        Tone::Withheld => (size::SMALL, false, MUTED),
        Tone::Alert => (size::CELL, true, ALARM),
    }
}

/// Flows blocks onto pages.
pub struct Composer {
    faces: Faces,
    pages: Vec<String>,
    body: String,
    y: f32,
}

impl Composer {
    /// An empty document.
    pub fn new(faces: Faces) -> Composer {
        Composer {
            faces,
            pages: Vec::new(),
            body: String::new(),
            y: TOP,
        }
    }

    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.body));
        self.y = TOP;
    }

    fn fresh(&self) -> bool {
        self.body.is_empty()
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn need(&mut self, h: f32) {
        if self.y + h > BOTTOM && !self.fresh() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, top: f32, text: &str, size: f32, bold: bool, fill: &str) {
        // The baseline sits where NanumGothic's capitals centre in the line box.
        let baseline = top + (line_height(size) + size * 0.72) / 2.0;
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            self.body,
            "<text x=\"{x:.2}\" y=\"{baseline:.2}\" font-family=\"{FAMILY}\" font-size=\"{size}\"{weight} fill=\"{fill}\">{}</text>",
            esc(text)
        );
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: &str) {
        let _ = writeln!(
            self.body,
            "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"{fill}\"/>"
        );
    }

    fn hline(&mut self, x0: f32, x1: f32, y: f32, width: f32, stroke: &str) {
        let _ = writeln!(
            self.body,
            "<line x1=\"{x0:.2}\" y1=\"{y:.2}\" x2=\"{x1:.2}\" y2=\"{y:.2}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>"
        );
    }

    fn lines(&mut self, text: &str, size: f32, bold: bool, fill: &str, width: f32) {
        let lh = line_height(size);
        for line in self.faces.wrap(text, size, bold, width) {
            self.need(lh);
            self.text(MARGIN_X, self.y, &line, size, bold, fill);
            self.y += lh;
        }
    }

    /// Adds one block.
    pub fn push(&mut self, block: &Block) {
        match block {
            Block::Title(t) | Block::Section(t) => {
                let soft = matches!(block, Block::Section(_));
                if soft && !self.fresh() && self.y + (BOTTOM - TOP) / 3.0 <= BOTTOM {
                    self.y += 18.0;
                } else if !self.fresh() {
                    self.new_page();
                }
                self.text(MARGIN_X, self.y, t, size::TITLE, true, INK);
                self.y += line_height(size::TITLE) + 2.0;
                self.rect(MARGIN_X, self.y, 36.0, 2.5, ACCENT);
                self.y += 12.0;
            }
            Block::Heading(t) => {
                // Kept with at least three lines of what follows.
                self.need(line_height(size::HEADING) + 8.0 + 3.0 * line_height(size::BODY));
                if self.y > TOP {
                    self.y += 8.0;
                }
                self.lines(t, size::HEADING, true, INK, body_width());
                self.y += 3.0;
            }
            Block::Para(t) => {
                self.lines(t, size::BODY, false, INK, PROSE_W);
                self.y += 6.0;
            }
            Block::Note(t) => {
                self.lines(t, size::SMALL, false, MUTED, PROSE_W);
                self.y += 5.0;
            }
            Block::Table(t) => self.table(t),
        }
    }

    fn widths(&self, t: &Table) -> Vec<f32> {
        let total: f32 = t.columns.iter().map(|c| c.weight).sum::<f32>().max(1e-3);
        t.columns
            .iter()
            .map(|c| body_width() * c.weight / total)
            .collect()
    }

    /// A cell's lines as (text, size, bold, colour), wrapped to `w`.
    fn cell_lines(&self, cell: &Cell, w: f32) -> Vec<(String, f32, bool, &'static str)> {
        let mut out = Vec::new();
        for p in &cell.0 {
            let (size, bold, fill) = tone_style(p.tone);
            for l in self.faces.wrap(&p.text, size, bold, w) {
                out.push((l, size, bold, fill));
            }
        }
        out
    }

    const PAD_X: f32 = 5.0;
    const PAD_Y: f32 = 4.0;

    fn row_height(lines: &[(String, f32, bool, &str)]) -> f32 {
        lines.iter().map(|l| line_height(l.1)).sum::<f32>() + 2.0 * Self::PAD_Y
    }

    fn header_row(&mut self, t: &Table, widths: &[f32]) {
        let cells: Vec<_> = t
            .columns
            .iter()
            .zip(widths)
            .map(|(c, w)| {
                self.faces
                    .wrap(&c.title, size::SMALL, true, w - 2.0 * Self::PAD_X)
            })
            .collect();
        let rows = cells.iter().map(Vec::len).max().unwrap_or(1) as f32;
        let h = rows * line_height(size::SMALL) + 2.0 * Self::PAD_Y;
        self.rect(MARGIN_X, self.y, body_width(), h, PANEL);
        let mut x = MARGIN_X;
        for (lines, w) in cells.iter().zip(widths) {
            let mut y = self.y + Self::PAD_Y;
            for l in lines {
                self.text(x + Self::PAD_X, y, l, size::SMALL, true, MUTED);
                y += line_height(size::SMALL);
            }
            x += w;
        }
        self.y += h;
        self.hline(MARGIN_X, MARGIN_X + body_width(), self.y, 0.8, MUTED);
    }

    fn table(&mut self, t: &Table) {
        let widths = self.widths(t);
        let laid: Vec<Vec<_>> = t
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| self.cell_lines(c, w - 2.0 * Self::PAD_X))
                    .collect()
            })
            .collect();
        let header_h = 2.0 * line_height(size::SMALL) + 2.0 * Self::PAD_Y;
        let first_h = laid
            .first()
            .map(|r: &Vec<Vec<_>>| r.iter().map(|c| Self::row_height(c)).fold(0.0, f32::max))
            .unwrap_or(0.0);
        self.need(header_h + first_h);
        self.header_row(t, &widths);
        for (i, row) in laid.iter().enumerate() {
            let h = row.iter().map(|c| Self::row_height(c)).fold(0.0, f32::max);
            if self.y + h > BOTTOM {
                self.new_page();
                self.header_row(t, &widths);
            }
            if i % 2 == 1 {
                self.rect(MARGIN_X, self.y, body_width(), h, PANEL);
            }
            let mut x = MARGIN_X;
            for (lines, w) in row.iter().zip(&widths) {
                let mut y = self.y + Self::PAD_Y;
                for (text, size, bold, fill) in lines {
                    self.text(x + Self::PAD_X, y, text, *size, *bold, fill);
                    y += line_height(*size);
                }
                x += w;
            }
            self.y += h;
            self.hline(MARGIN_X, MARGIN_X + body_width(), self.y, 0.4, RULE);
        }
        self.y += 10.0;
    }

    /// Adds a page drawn elsewhere (the board report), as SVG elements in page points.
    pub fn raw_page(&mut self, svg: String) {
        if !self.fresh() {
            self.new_page();
        }
        self.body = svg;
        self.new_page();
    }

    /// The finished pages as SVG documents: each with the running header (but the first,
    /// which carries its own) and "page n of total" in the footer.
    pub fn finish(
        mut self,
        header: &str,
        page_words: impl Fn(usize, usize) -> String,
    ) -> Vec<String> {
        if !self.fresh() {
            self.new_page();
        }
        let total = self.pages.len();
        let bodies = std::mem::take(&mut self.pages);
        bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| {
                self.body = String::new();
                if i > 0 {
                    self.text(MARGIN_X, HEADER_RULE - 16.0, header, size::SMALL, false, MUTED);
                    self.hline(MARGIN_X, PAGE_W - MARGIN_X, HEADER_RULE, 0.6, RULE);
                }
                let words = page_words(i + 1, total);
                let w = self.faces.width(&words, size::SMALL, false);
                self.text(PAGE_W - MARGIN_X - w, PAGE_H - 32.0, &words, size::SMALL, false, MUTED);
                format!(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PAGE_W}\" height=\"{PAGE_H}\" viewBox=\"0 0 {PAGE_W} {PAGE_H}\">\n<rect width=\"{PAGE_W}\" height=\"{PAGE_H}\" fill=\"#ffffff\"/>\n{body}{}</svg>\n",
                    self.body
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: usize) -> Vec<Cell> {
        vec![
            Cell::one(
                format!("row {n} with a long name that has to wrap onto a second line at least"),
                Tone::Normal,
            ),
            Cell::one("4.12", Tone::Strong).and("71% (62–79%)", Tone::Muted),
        ]
    }

    #[test]
    fn a_long_table_runs_onto_new_pages_with_its_header_repeated() {
        let mut c = Composer::new(Faces::load().unwrap());
        c.push(&Block::Title("Items".into()));
        c.push(&Block::Table(Table {
            columns: vec![
                Column {
                    title: "Question".into(),
                    weight: 1.0,
                },
                Column {
                    title: "Overall".into(),
                    weight: 6.0,
                },
            ],
            rows: (0..60).map(row).collect(),
        }));
        let pages = c.finish("Header", |n, t| format!("{n}/{t}"));
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (i, p) in pages.iter().enumerate() {
            assert_eq!(p.matches(">Question<").count(), 1, "page {}", i + 1);
            assert!(p.contains(&format!(">{}/{}<", i + 1, pages.len())));
        }
        // Every row is somewhere, whole: its first and its last words.
        let all = pages.concat();
        for n in 0..60 {
            assert!(all.contains(&format!(">row {n} with")), "row {n}");
        }
        assert_eq!(all.matches("least</text>").count(), 60);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("R&D <b>\"x\""), "R&amp;D &lt;b&gt;&quot;x&quot;");
    }
}
