//! View models of a scorecard for the staff pages: plain strings and numbers in the page's
//! language, so templates stay simple and every figure keeps its suppressed / not-enough-data
//! state in words.

use crate::app::scorecard::{LoadedScorecard, COMMENT_SAMPLE};
use crate::charts::copy;
use crate::charts::dashboard::distribution_svg;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::QuestionKind;
use crate::domain::scoring::inputs::StatusThresholds;
use crate::domain::scoring::scorecard::RoundReport;
use crate::domain::scoring::Figure;
use crate::domain::template::TemplateSet;
use crate::i18n::Arg;
use crate::web::pages::cards_view::{figure_words, measure_cards, share_text};
use crate::web::pages::change_view::group_change;
use crate::web::pages::dash_words::{say, say_n};
use crate::web::pages::drivers_view::{driver_views, question_text, DriverView};
pub use crate::web::pages::words::{decimal, group_label, pct};

/// A rating as a CSS class and a word (never colour alone).
pub struct RatingView {
    pub class: &'static str,
    pub word: &'static str,
    pub reason: String,
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
fn item_sections(locale: Locale, items: Vec<(Option<Department>, ItemRow)>) -> Vec<ItemSection> {
    let mut out: Vec<(Option<Department>, ItemSection)> = Vec::new();
    for (section, row) in items {
        match out.last_mut() {
            Some((last, group)) if *last == section => group.rows.push(row),
            _ => out.push((
                section,
                ItemSection {
                    heading: section.map(|d| copy::department_name(locale, d).to_string()),
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
    /// The tables' names for screen readers.
    pub groups_region: String,
    pub items_region: String,
    pub participation: String,
    /// Whether the round scores CSAT: only then do its groups carry a weight and a CSAT.
    pub csat: bool,
    pub groups: Vec<GroupRow>,
    pub items: Vec<ItemSection>,
    pub comments: Vec<(String, Vec<String>)>,
    pub comments_note: Option<String>,
    /// When lists were cut to [`COMMENT_SAMPLE`]: how many are shown, and where all are.
    pub comments_more: Option<CommentsMore>,
    pub drivers: Vec<DriverView>,
}

/// A round's comment lists were cut: the sentence saying so and the link to all of them.
pub struct CommentsMore {
    pub sentence: String,
    pub href: String,
}

/// The whole scorecard as the pages show it.
pub struct ScorecardView {
    /// The quarter's code, for links.
    pub quarter: String,
    /// The quarter as the reader says it, for headings.
    pub quarter_label: String,
    pub as_of: String,
    pub commentary: Option<String>,
    pub cards: Vec<MeasureCard>,
    pub rounds: Vec<RoundView>,
    pub inflections: Vec<Line>,
    /// Rounds of the quarter whose roster changed in the 7 days before launch (a padded
    /// roster would weaken k, so readers of the results see it).
    pub roster_notes: Vec<String>,
}

/// Builds the view of a loaded scorecard in `locale`; question texts come from `templates`.
pub fn scorecard_view(
    l: &LoadedScorecard,
    templates: &TemplateSet,
    locale: Locale,
    thresholds: &StatusThresholds,
    all_comments: bool,
) -> ScorecardView {
    let s = &l.scorecard;
    let text_of = |round: Option<&str>, key: &str| question_text(templates, round, key, locale);
    let cards = measure_cards(l, locale, thresholds, &text_of);
    let rounds = s
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| round_view(l, r, templates, locale, (i + 1, all_comments)))
        .collect();
    ScorecardView {
        quarter: s.quarter.to_string(),
        quarter_label: crate::i18n::quarter_long(locale, s.quarter),
        as_of: say(
            locale,
            "dash-as-of",
            &[(
                "date",
                &l.as_of
                    .map(|d| crate::i18n::date_long(locale, d))
                    .unwrap_or_else(|| "—".into()),
            )],
        ),
        commentary: l.commentary.clone(),
        cards,
        rounds,
        inflections: Vec::new(),
        roster_notes: Vec::new(),
    }
}

/// One round's drill-down: its groups, items under department headings, drivers, comments.
fn round_view(
    l: &LoadedScorecard,
    r: &RoundReport,
    templates: &TemplateSet,
    locale: Locale,
    (index, all_comments): (usize, bool),
) -> RoundView {
    let p = |v: f64| pct(locale, v);
    let template = templates.get(&r.template.key);
    let text_of = |key: &str| question_text(templates, Some(&r.template.key), key, locale);
    let title = template
        .map(|t| t.title().get(locale).to_string())
        .unwrap_or_else(|| r.template.key.clone());
    let rate = figure_words(locale, &r.response_rate, |x| p(*x));
    let groups = r
        .groups
        .iter()
        .map(|g| GroupRow {
            key: copy::group_name(locale, &g.key, &g.departments),
            weight: format!("{:.0}", g.weight),
            participation: say_n(
                locale,
                "dash-group-participation",
                &[
                    ("answered", Arg::Count(u64::from(g.answered))),
                    ("delivered", Arg::Count(u64::from(g.delivered))),
                    (
                        "rate",
                        Arg::Text(&figure_words(locale, &g.response_rate, |x| p(*x))),
                    ),
                ],
            ),
            csat: g
                .csat
                .as_ref()
                .map(|f| {
                    let (h, i) = share_text(locale, f);
                    if h == "—" {
                        i
                    } else {
                        format!("{h} ({i})")
                    }
                })
                .unwrap_or_else(|| "—".into()),
            change: if g.csat.is_some() {
                group_change(l, locale, &g.key)
            } else {
                "—".into()
            },
        })
        .collect();
    let items = r
        .items
        .iter()
        .filter(|i| i.kind != QuestionKind::Text)
        .map(|i| {
            let figure = figure_words(locale, &i.overall, |st| {
                let n = Arg::Count(st.n);
                match (&st.favorable, st.mean) {
                    (Some(f), Some(m)) => say_n(
                        locale,
                        "dash-item-favourable-mean",
                        &[
                            ("favourable", Arg::Text(&p(f.estimate))),
                            ("mean", Arg::Text(&decimal(locale, m, 2))),
                            ("n", n),
                        ],
                    ),
                    (None, Some(m)) => say_n(
                        locale,
                        "dash-item-mean",
                        &[("mean", Arg::Text(&decimal(locale, m, 2))), ("n", n)],
                    ),
                    _ => say_n(locale, "dash-item-n", &[("n", n)]),
                }
            });
            let bars = match &i.overall {
                Figure::Shown { value } => distribution_svg(value, locale).unwrap_or_default(),
                _ => String::new(),
            };
            (
                i.section,
                ItemRow {
                    text: text_of(&i.key),
                    figure,
                    bars,
                },
            )
        })
        .collect();
    let mut comments = Vec::new();
    let (mut withheld, mut total, mut shown) = (0u64, 0usize, 0usize);
    // The sample is read as such; an unsealed round gives all, so it is cut here too.
    let cut = if all_comments {
        usize::MAX
    } else {
        COMMENT_SAMPLE as usize
    };
    for block in &r.comments {
        match &block.comments {
            Figure::Shown { value } if !value.is_empty() => {
                let list: Vec<String> = value.iter().take(cut).cloned().collect();
                total += block.total.map_or(value.len(), |t| t as usize);
                shown += list.len();
                comments.push((group_label(locale, &block.group), list))
            }
            Figure::Shown { .. } => {}
            _ => withheld += 1,
        }
    }
    RoundView {
        participation: say_n(
            locale,
            "dash-round-participation",
            &[
                ("answered", Arg::Count(r.answered)),
                ("delivered", Arg::Count(r.delivered)),
                ("rate", Arg::Text(&rate)),
                ("k", Arg::Count(u64::from(r.k))),
            ],
        ),
        groups_region: say(locale, "dash-groups-region", &[("round", &title)]),
        items_region: say(locale, "dash-items-region", &[("round", &title)]),
        title,
        csat: r.groups.iter().any(|g| g.csat.is_some()),
        groups,
        items: item_sections(locale, items),
        comments,
        comments_more: (shown < total).then(|| CommentsMore {
            sentence: say_n(
                locale,
                "dash-comments-sample",
                &[
                    ("shown", Arg::Count(shown as u64)),
                    ("total", Arg::Count(total as u64)),
                    ("per", Arg::Count(u64::from(COMMENT_SAMPLE))),
                ],
            ),
            href: format!(
                "?quarter={}&comments=all#comments-{index}",
                l.scorecard.quarter
            ),
        }),
        drivers: driver_views(locale, r, &text_of),
        comments_note: (withheld > 0).then(|| {
            say_n(
                locale,
                "dash-comments-withheld",
                &[("n", Arg::Count(withheld))],
            )
        }),
    }
}
