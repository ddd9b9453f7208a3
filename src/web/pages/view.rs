//! View models of a scorecard for the staff pages: plain strings and numbers, so templates
//! stay simple and every figure keeps its suppressed / not-enough-data state in words.

use crate::app::scorecard::LoadedScorecard;
use crate::charts::dashboard::{distribution_svg, trend_svg, Scale};
use crate::domain::department::Department;
use crate::domain::scoring::interval::Share;
use crate::domain::scoring::status::{Rating, Status};
use crate::domain::scoring::trend::{Metric, TrendSeries};
use crate::domain::scoring::Figure;
use crate::domain::template::TemplateSet;
use crate::web::pages::change_view::{changes_for, group_change};
use crate::web::pages::drivers_view::{driver_views, question_text, top_line, DriverView};
pub use crate::web::pages::words::{group_label, pct};

/// A rating as a CSS class and a word (never colour alone).
pub struct RatingView {
    pub class: &'static str,
    pub word: &'static str,
    pub reason: String,
}

fn rating(s: &Status) -> RatingView {
    let (class, word) = match s.rating {
        Rating::Green => ("green", "Green"),
        Rating::Amber => ("amber", "Amber"),
        Rating::Red => ("red", "Red"),
        Rating::NotRated => ("not-rated", "Not rated"),
    };
    RatingView {
        class,
        word,
        reason: s.reason.clone(),
    }
}

/// One line of a card: a label and its text.
pub struct Line {
    pub label: String,
    pub text: String,
}

/// One measure's card.
pub struct MeasureCard {
    pub letter: &'static str,
    pub title: &'static str,
    pub headline: String,
    pub interval: String,
    pub status: RatingView,
    pub sparkline: String,
    pub trend_table: Vec<(String, String)>,
    /// The change state of each headline figure of the card: a CSS class and the words.
    pub changes: Vec<(&'static str, String)>,
    /// The share of the weight the figure covers (measure C).
    pub coverage: Option<String>,
    pub lines: Vec<Line>,
}

/// A row of a group table.
pub struct GroupRow {
    pub key: String,
    pub weight: String,
    pub participation: String,
    pub csat: String,
    /// The group's CSAT compared with the quarter before.
    pub change: String,
}

/// A row of an item table.
pub struct ItemRow {
    pub text: String,
    pub figure: String,
    pub bars: String,
}

/// Items under one department heading (none for items that belong to no department).
pub struct ItemSection {
    pub heading: Option<String>,
    pub rows: Vec<ItemRow>,
}

/// Groups items, in template order, under their department's name: a new heading wherever
/// the department changes.
fn item_sections(items: Vec<(Option<Department>, ItemRow)>) -> Vec<ItemSection> {
    let mut out: Vec<(Option<Department>, ItemSection)> = Vec::new();
    for (section, row) in items {
        match out.last_mut() {
            Some((last, group)) if *last == section => group.rows.push(row),
            _ => out.push((
                section,
                ItemSection {
                    heading: section.map(|d| d.name().to_string()),
                    rows: vec![row],
                },
            )),
        }
    }
    out.into_iter().map(|(_, g)| g).collect()
}

/// One round's drill-down.
pub struct RoundView {
    pub title: String,
    pub participation: String,
    /// Whether the round scores CSAT: only then do its groups carry a weight and a CSAT.
    pub csat: bool,
    pub groups: Vec<GroupRow>,
    pub items: Vec<ItemSection>,
    pub comments: Vec<(String, Vec<String>)>,
    pub comments_note: Option<String>,
    pub drivers: Vec<DriverView>,
}

/// The whole scorecard as the pages show it.
pub struct ScorecardView {
    pub quarter: String,
    pub as_of: String,
    pub commentary: Option<String>,
    pub cards: Vec<MeasureCard>,
    pub rounds: Vec<RoundView>,
    pub inflections: Vec<Line>,
    /// Rounds of the quarter whose roster changed in the 7 days before launch (a padded
    /// roster would weaken k, so readers of the results see it).
    pub roster_notes: Vec<String>,
}

fn share_text(f: &Figure<Share>) -> (String, String) {
    match f {
        Figure::Shown { value } if value.census => (
            pct(value.estimate),
            format!("census of {} (no sampling error)", value.n),
        ),
        Figure::Shown { value } => (
            pct(value.estimate),
            format!(
                "95% interval {}–{}, n = {}",
                pct(value.low),
                pct(value.high),
                value.n
            ),
        ),
        Figure::Suppressed { reason } => ("—".into(), format!("withheld: {reason}")),
        Figure::NotEnoughData { reason } => ("—".into(), format!("not enough data: {reason}")),
    }
}

fn figure_words<T>(f: &Figure<T>, shown: impl Fn(&T) -> String) -> String {
    match f {
        Figure::Shown { value } => shown(value),
        Figure::Suppressed { reason } => format!("withheld ({reason})"),
        Figure::NotEnoughData { reason } => format!("not enough data ({reason})"),
    }
}

fn series(trends: &[TrendSeries], m: Metric) -> Option<&TrendSeries> {
    trends.iter().find(|t| t.metric == m)
}

fn trend_rows(s: Option<&TrendSeries>, fmt: impl Fn(f64) -> String) -> Vec<(String, String)> {
    s.map(|s| {
        s.points
            .iter()
            .map(|p| {
                // The row names the quarter; "no closed round in <that quarter>" said it again.
                let text = match &p.value {
                    Figure::NotEnoughData { .. } => "no data".to_string(),
                    other => figure_words(other, |v| fmt(*v)),
                };
                (p.quarter.to_string(), text)
            })
            .collect()
    })
    .unwrap_or_default()
}

/// Builds the view of a loaded scorecard; question texts come from `templates` (English).
pub fn scorecard_view(l: &LoadedScorecard, templates: &TemplateSet) -> ScorecardView {
    let s = &l.scorecard;
    let t = &s.trends;
    let (a_head, a_int) = share_text(&s.measure_a.alignment);
    let (b_head, b_int) = share_text(&s.measure_b.productive_and_happy);
    let (mut c_head, mut c_int) = share_text(&s.measure_c.weighted_csat);
    let c_coverage = s.measure_c.coverage.as_ref().map(|cv| {
        if cv.rated {
            format!("Covers {} of the weight", pct(cv.share))
        } else {
            format!(
                "Covers {} of the weight, below the {} needed to rate it",
                pct(cv.share),
                pct(cv.threshold)
            )
        }
    });
    // Too little of the company reported: the number is shown, but not as the headline.
    if s.measure_c.coverage.as_ref().is_some_and(|cv| !cv.rated) && c_head != "—" {
        c_int = format!("{c_head} across the groups that reported; {c_int}");
        c_head = "Not rated".into();
    }
    let b = &s.measure_b;
    let mut b_lines = vec![
        Line {
            label: "eNPS".into(),
            text: figure_words(&b.enps, |e| {
                format!(
                    "{:+.0} (95% interval {:+.0} to {:+.0}, n = {})",
                    e.score, e.low, e.high, e.n
                )
            }),
        },
        Line {
            label: "Quadrants".into(),
            text: figure_words(&b.quadrants, |q| {
                format!(
                    "{} productive & happy · {} burnout risk · {} friction · {} neither",
                    q.productive_and_happy, q.burnout_risk, q.friction, q.neither
                )
            }),
        },
    ];
    for (label, ind) in [
        (
            "Regretted top-talent attrition",
            &b.lagging.regretted_top_talent_attrition,
        ),
        ("Offer acceptance", &b.lagging.offer_acceptance),
    ] {
        let value = figure_words(&ind.value, |r| {
            format!(
                "{} ({:.0} of {:.0})",
                pct(r.value),
                r.numerator,
                r.denominator
            )
        });
        let when = match ind.breach_when {
            crate::domain::scoring::lagging::BreachWhen::Above => "above",
            crate::domain::scoring::lagging::BreachWhen::Below => "below",
        };
        let limit = pct(ind.threshold);
        let verdict = match ind.breach {
            Some(true) => format!("breached: {when} the {limit} limit"),
            Some(false) => format!("within the limit (breach {when} {limit})"),
            None => format!("breach {when} {limit}"),
        };
        b_lines.push(Line {
            label: label.into(),
            text: format!("{value} — {verdict}"),
        });
    }
    let c = &s.measure_c;
    let mut c_lines: Vec<Line> = c
        .groups_used
        .iter()
        .map(|g| Line {
            label: group_label(&g.group),
            text: format!("{} (weight {:.0}%)", pct(g.csat), g.weight_share * 100.0),
        })
        .collect();
    c_lines.extend(c.groups_left_out.iter().map(|g| Line {
        label: group_label(&g.group),
        text: format!("left out: {}", g.why),
    }));
    for (lines, top, round) in [
        (&mut b_lines, &b.top_drivers, &b.round),
        (&mut c_lines, &c.top_drivers, &c.round),
    ] {
        let text =
            |key: &str| question_text(templates, round.as_ref().map(|r| r.key.as_str()), key);
        if let Some(text) = top_line(top, &text) {
            lines.push(Line {
                label: "Top drivers".into(),
                text,
            });
        }
    }
    let a_lines = s
        .measure_a
        .inflection_points
        .iter()
        .map(|p| {
            let v = serde_json::to_value(p).unwrap_or_default();
            Line {
                label: p.title.clone(),
                text: format!(
                    "{} ({})",
                    v["assessment"].as_str().unwrap_or("").replace('_', " "),
                    v["confirmation"].as_str().unwrap_or("")
                ),
            }
        })
        .collect();
    let cards = vec![
        MeasureCard {
            letter: "A",
            title: "Tech strategy alignment",
            headline: a_head,
            interval: a_int,
            status: rating(&s.measure_a.status),
            sparkline: trend_svg(
                series(t, Metric::Alignment),
                Scale::Share,
                "Tech strategy alignment, last eight quarters; the figures are in the table below",
            )
            .unwrap_or_default(),
            trend_table: trend_rows(series(t, Metric::Alignment), pct),
            changes: changes_for(l, &[Metric::Alignment]),
            coverage: None,
            lines: a_lines,
        },
        MeasureCard {
            letter: "B",
            title: "Engineering culture: productive and happy",
            headline: b_head,
            interval: b_int,
            status: rating(&b.status),
            sparkline: trend_svg(
                series(t, Metric::ProductiveAndHappy),
                Scale::Share,
                "Productive and happy, last eight quarters; the figures are in the table below",
            )
            .unwrap_or_default(),
            trend_table: trend_rows(series(t, Metric::ProductiveAndHappy), pct),
            changes: changes_for(l, &[Metric::ProductiveAndHappy, Metric::Enps]),
            coverage: None,
            lines: b_lines,
        },
        MeasureCard {
            letter: "C",
            title: "Internal CSAT (weighted)",
            headline: c_head,
            interval: c_int,
            status: rating(&c.status),
            sparkline: trend_svg(
                series(t, Metric::WeightedCsat),
                Scale::Share,
                "Weighted internal CSAT, last eight quarters; the figures are in the table below",
            )
            .unwrap_or_default(),
            trend_table: trend_rows(series(t, Metric::WeightedCsat), pct),
            changes: changes_for(l, &[Metric::WeightedCsat]),
            coverage: c_coverage,
            lines: c_lines,
        },
    ];
    let rounds = s
        .rounds
        .iter()
        .map(|r| {
            let template = templates.get(&r.template.key);
            let text_of = |key: &str| {
                template
                    .and_then(|t| t.question(key))
                    .map(|q| q.text().get(crate::domain::locale::Locale::En).to_string())
                    .unwrap_or_else(|| key.replace('_', " "))
            };
            let title = template.map(|t| t.title().get(crate::domain::locale::Locale::En).to_string()).unwrap_or_else(|| r.template.key.clone());
            let rate = figure_words(&r.response_rate, |x| pct(*x));
            let groups = r
                .groups
                .iter()
                .map(|g| GroupRow {
                    key: group_label(&g.key),
                    weight: format!("{:.0}", g.weight),
                    participation: format!("{} of {} ({})", g.answered, g.delivered, figure_words(&g.response_rate, |x| pct(*x))),
                    csat: g.csat.as_ref().map(|f| { let (h, i) = share_text(f); if h == "—" { i } else { format!("{h} ({i})") } }).unwrap_or_else(|| "—".into()),
                    change: if g.csat.is_some() { group_change(l, &g.key) } else { "—".into() },
                })
                .collect();
            let items = r
                .items
                .iter()
                .filter(|i| i.kind != crate::domain::question::QuestionKind::Text)
                .map(|i| {
                    let figure = figure_words(&i.overall, |st| match (&st.favorable, st.mean) {
                        (Some(f), Some(m)) => format!("{} favorable, mean {m:.2}, n = {}", pct(f.estimate), st.n),
                        (None, Some(m)) => format!("mean {m:.2}, n = {}", st.n),
                        _ => format!("n = {}", st.n),
                    });
                    let bars = match &i.overall {
                        Figure::Shown { value } => distribution_svg(value).unwrap_or_default(),
                        _ => String::new(),
                    };
                    (i.section, ItemRow { text: text_of(&i.key), figure, bars })
                })
                .collect();
            let items = item_sections(items);
            let mut comments = Vec::new();
            let mut withheld = 0;
            for block in &r.comments {
                match &block.comments {
                    Figure::Shown { value } if !value.is_empty() => comments.push((group_label(&block.group), value.clone())),
                    Figure::Shown { .. } => {}
                    _ => withheld += 1,
                }
            }
            RoundView {
                title,
                participation: format!("{} of {} invited answered ({rate}); k = {}", r.answered, r.delivered, r.k),
                csat: r.groups.iter().any(|g| g.csat.is_some()),
                groups,
                items,
                comments,
                drivers: driver_views(r, &text_of),
                comments_note: (withheld > 0).then(|| format!("Comments of {withheld} group(s) are withheld: fewer answers than the comment threshold.")),
            }
        })
        .collect();
    ScorecardView {
        quarter: s.quarter.to_string(),
        as_of: l.as_of.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
        commentary: l.commentary.clone(),
        cards,
        rounds,
        inflections: Vec::new(),
        roster_notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::group_label;

    #[test]
    fn groups_read_as_department_names() {
        assert_eq!(group_label("sales"), "Sales");
        assert_eq!(group_label("bd+ceo"), "Business development + CEO's office");
        assert_eq!(group_label("board"), "Board");
        assert_eq!(group_label("guild"), "guild");
    }
}
