//! "You said, we did" as respondents read it: what their group said in the previous sealed
//! round (figures already published, never finer than the group) and what was done, in the
//! respondent's language. The survey's first page and the invitation email both show it.

use std::collections::BTreeMap;

use super::follow::{FollowValue, Unit};
use super::{ActionStatus, ActionTexts};
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::trend::Metric;
use crate::i18n;

/// One figure a group's respondents are reminded of.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapFigure {
    /// What it is: a group's CSAT, productive-and-happy, eNPS or alignment.
    pub metric: Metric,
    pub value: FollowValue,
}

/// One action shown to respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct RecapAction {
    pub texts: ActionTexts,
    pub status: ActionStatus,
}

/// What one reporting group's respondents are shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupRecap {
    pub figures: Vec<RecapFigure>,
    pub actions: Vec<RecapAction>,
}

impl GroupRecap {
    /// Whether there is anything to show.
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.actions.is_empty()
    }
}

/// What a round's respondents are shown, per reporting group.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoundRecap {
    /// The quarter of the previous sealed round (None: there was none, and nothing is shown).
    pub previous: Option<Quarter>,
    pub groups: BTreeMap<String, GroupRecap>,
}

impl RoundRecap {
    /// The recap for a respondent of reporting group `group`, if there is anything to show.
    pub fn for_group(&self, group: &str) -> Option<(Quarter, &GroupRecap)> {
        let q = self.previous?;
        self.groups
            .get(group)
            .filter(|g| !g.is_empty())
            .map(|g| (q, g))
    }
}

/// One action as a respondent reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapItem {
    pub title: String,
    pub status: &'static str,
    pub note: String,
    /// Said when the text is in the company's language for want of the reader's.
    pub fallback: Option<String>,
    /// The language the text is in (for `lang` in HTML).
    pub lang: &'static str,
}

/// The recap in one language, ready to lay out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapView {
    pub heading: &'static str,
    /// What the group said, one sentence per figure.
    pub said: Vec<String>,
    /// The heading of the actions list.
    pub did_heading: &'static str,
    pub did: Vec<RecapItem>,
}

/// Every Fluent key the recap reads (in `email.ftl`: the recap is part of the messages).
pub(crate) const FLUENT_KEYS: [&str; 11] = [
    "recap-heading",
    "recap-did-heading",
    "recap-status-planned",
    "recap-status-in-progress",
    "recap-status-done",
    "recap-status-dropped",
    "recap-said-enps",
    "recap-said-productive-happy",
    "recap-said-alignment",
    "recap-said-csat",
    "recap-fallback",
];

/// A status in the reader's language.
pub fn status_word(s: ActionStatus, l: Locale) -> &'static str {
    use ActionStatus as S;
    let key = match s {
        S::Planned => "recap-status-planned",
        S::InProgress => "recap-status-in-progress",
        S::Done => "recap-status-done",
        S::Dropped => "recap-status-dropped",
    };
    i18n::template(l, key)
}

/// One sentence per figure: the quarter, the figure, whose it is.
fn said(f: &RecapFigure, q: Quarter, l: Locale) -> String {
    let v = &f.value;
    let quarter = i18n::quarter_long(l, q);
    if v.unit == Unit::EnpsPoints {
        let value = format!("{:+.0}", v.value);
        return i18n::format(
            l,
            "recap-said-enps",
            &[("quarter", &quarter), ("value", &value)],
        );
    }
    let share = i18n::percent(l, &format!("{:.0}", v.value * 100.0));
    let key = match f.metric {
        Metric::ProductiveAndHappy => "recap-said-productive-happy",
        Metric::Alignment => "recap-said-alignment",
        _ => "recap-said-csat",
    };
    i18n::format(l, key, &[("quarter", &quarter), ("share", &share)])
}

fn fallback_note(l: Locale, default: Locale) -> String {
    i18n::format(l, "recap-fallback", &[("language", default.native_name())])
}

/// The recap of one group in `locale`; `None` when there is nothing to show.
pub fn recap_view(
    recap: &RoundRecap,
    group: &str,
    locale: Locale,
    default: Locale,
) -> Option<RecapView> {
    let (q, g) = recap.for_group(group)?;
    let (heading, did_heading) = (
        i18n::template(locale, "recap-heading"),
        i18n::template(locale, "recap-did-heading"),
    );
    let did = g
        .actions
        .iter()
        .filter_map(|a| {
            let t = a.texts.get(locale, default)?;
            Some(RecapItem {
                title: t.text.title.clone(),
                status: status_word(a.status, locale),
                note: t.text.note.clone(),
                fallback: t.fallback.then(|| fallback_note(locale, default)),
                lang: if t.fallback {
                    default.code()
                } else {
                    locale.code()
                },
            })
        })
        .collect();
    Some(RecapView {
        heading,
        said: g.figures.iter().map(|f| said(f, q, locale)).collect(),
        did_heading,
        did,
    })
}
