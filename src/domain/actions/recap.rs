//! "You said, we did" as respondents read it: what their group said in the previous sealed
//! round (figures already published, never finer than the group) and what was done, in the
//! respondent's language. The survey's first page and the invitation email both show it.

use std::collections::BTreeMap;

use super::follow::{FollowValue, Unit};
use super::{ActionStatus, ActionTexts};
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::trend::Metric;

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

/// A status in the reader's language.
pub fn status_word(s: ActionStatus, l: Locale) -> &'static str {
    use ActionStatus as S;
    match (l, s) {
        (Locale::En, S::Planned) => "planned",
        (Locale::En, S::InProgress) => "in progress",
        (Locale::En, S::Done) => "done",
        (Locale::En, S::Dropped) => "dropped",
        (Locale::Ko, S::Planned) => "계획",
        (Locale::Ko, S::InProgress) => "진행 중",
        (Locale::Ko, S::Done) => "완료",
        (Locale::Ko, S::Dropped) => "중단",
        (Locale::Nl, S::Planned) => "gepland",
        (Locale::Nl, S::InProgress) => "bezig",
        (Locale::Nl, S::Done) => "gedaan",
        (Locale::Nl, S::Dropped) => "geschrapt",
    }
}

fn pct(v: &FollowValue) -> String {
    format!("{:.0}%", v.value * 100.0)
}

/// One sentence per figure: the quarter, the figure, whose it is.
fn said(f: &RecapFigure, q: Quarter, l: Locale) -> String {
    let v = &f.value;
    if v.unit == Unit::EnpsPoints {
        return match l {
            Locale::En => format!("eNPS among engineers in {q}: {:+.0}.", v.value),
            Locale::Ko => format!("{q} 엔지니어 eNPS: {:+.0}.", v.value),
            Locale::Nl => format!("eNPS onder engineers in {q}: {:+.0}.", v.value),
        };
    }
    let p = pct(v);
    match (l, f.metric) {
        (Locale::En, Metric::ProductiveAndHappy) => {
            format!("In {q}, {p} of engineers were productive and happy at the same time.")
        }
        (Locale::Ko, Metric::ProductiveAndHappy) => {
            format!("{q}에 엔지니어의 {p}가 생산적이면서 동시에 행복하다고 답했습니다.")
        }
        (Locale::Nl, Metric::ProductiveAndHappy) => {
            format!("In {q} was {p} van de engineers tegelijk productief en tevreden.")
        }
        (Locale::En, Metric::Alignment) => {
            format!(
                "In {q}, {p} of respondents saw the tech strategy as aligned with the business."
            )
        }
        (Locale::Ko, Metric::Alignment) => {
            format!("{q}에 응답자의 {p}가 기술 전략이 사업과 잘 맞는다고 답했습니다.")
        }
        (Locale::Nl, Metric::Alignment) => {
            format!("In {q} vond {p} van de respondenten de techstrategie in lijn met het bedrijf.")
        }
        (Locale::En, _) => {
            format!("In {q}, {p} of your group were satisfied with the CTO's support overall.")
        }
        (Locale::Ko, _) => {
            format!("{q}에 여러분 그룹의 {p}가 CTO의 지원에 전반적으로 만족했습니다.")
        }
        (Locale::Nl, _) => {
            format!("In {q} was {p} van je groep over het geheel tevreden met de steun van de CTO.")
        }
    }
}

fn fallback_note(l: Locale, default: Locale) -> String {
    let name = default.native_name();
    match l {
        Locale::En => format!("Not translated; shown in the company's language ({name})."),
        Locale::Ko => format!("번역이 없어 회사 기본 언어({name})로 표시합니다."),
        Locale::Nl => format!("Niet vertaald; getoond in de taal van het bedrijf ({name})."),
    }
}

/// The recap of one group in `locale`; `None` when there is nothing to show.
pub fn recap_view(
    recap: &RoundRecap,
    group: &str,
    locale: Locale,
    default: Locale,
) -> Option<RecapView> {
    let (q, g) = recap.for_group(group)?;
    let (heading, did_heading) = match locale {
        Locale::En => ("You said, we did", "What we did and are doing"),
        Locale::Ko => (
            "여러분의 의견과 그 후의 조치",
            "그동안의 조치와 진행 중인 일",
        ),
        Locale::Nl => ("Jullie zeiden, wij deden", "Wat we deden en nog doen"),
    };
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
