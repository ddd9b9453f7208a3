//! The report's words in English, Korean and Dutch.
//!
//! Dutch is written in a neutral business register that never addresses the reader (no
//! "je"/"u"); Korean uses the nominal style of Korean board decks (개조식). Templates carry
//! named `{placeholders}` filled by [`fill`], so word order can differ per language.

use time::Date;

use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::inputs::{Assessment, Confirmation};
use crate::domain::scoring::status::Rating;

/// Every fixed label of the report in one language.
#[derive(Debug)]
pub struct Labels {
    /// Subtitle after the company name.
    pub report_title: &'static str,
    /// "as of {date}".
    pub as_of: &'static str,
    /// Shown instead of the date when no round of the quarter has closed.
    pub as_of_unknown: &'static str,
    /// Measure A panel title.
    pub title_a: &'static str,
    /// Measure B panel title.
    pub title_b: &'static str,
    /// Measure C panel title.
    pub title_c: &'static str,
    /// What A's headline share is.
    pub caption_a: &'static str,
    /// What B's headline share is.
    pub caption_b: &'static str,
    /// What C's headline share is.
    pub caption_c: &'static str,
    /// "95% CI {low}–{high}, n = {n}".
    pub interval: &'static str,
    /// Everybody invited answered: the interval is the point.
    pub census: &'static str,
    /// Heading of A's inflection-point list.
    pub inflection_heading: &'static str,
    /// No inflection point assessed.
    pub inflection_none: &'static str,
    /// "+{n} more" below a cut list.
    pub more: &'static str,
    /// Quadrant names: productive & happy, burnout risk, friction, neither.
    pub quadrants: [&'static str; 4],
    /// Heading over the quadrants.
    pub quadrants_heading: &'static str,
    /// eNPS line: "eNPS {score} (95% CI {low} to {high}, n = {n})".
    pub enps: &'static str,
    /// Regretted top-talent attrition label.
    pub attrition: &'static str,
    /// Offer acceptance label.
    pub acceptance: &'static str,
    /// "limit {t}" for an indicator that breaches above its threshold.
    pub at_most: &'static str,
    /// "at least {t}" for one that breaches below.
    pub at_least: &'static str,
    /// The indicator breaches.
    pub breach: &'static str,
    /// The indicator is within its threshold.
    pub within: &'static str,
    /// Heading of C's group bars.
    pub groups_heading: &'static str,
    /// "weight {w}".
    pub weight: &'static str,
    /// "fewer than {k} responses".
    pub fewer_than_k: &'static str,
    /// A group withheld so a smaller withheld group cannot be derived.
    pub protects_another: &'static str,
    /// A group with no answers to the overall item.
    pub no_overall_answers: &'static str,
    /// Marks a group that is left out of the weighted score.
    pub left_out: &'static str,
    /// No round of this measure closed in the quarter.
    pub no_survey: &'static str,
    /// A figure cannot be computed.
    pub not_enough: &'static str,
    /// HR data missing for a lagging indicator.
    pub no_hr_data: &'static str,
    /// Trend chart heading.
    pub trend_heading: &'static str,
    /// A real change: "Changed: {change} vs {quarter}".
    pub changed: &'static str,
    /// The 95 % interval of the change lies inside ±10 points: placeholders change, quarter,
    /// low, high.
    pub no_real_change: &'static str,
    /// Neither: placeholders change, quarter, low, high.
    pub cant_tell: &'static str,
    /// Beside C's headline: "covers {share} of the weight".
    pub coverage: &'static str,
    /// C's headline when its groups cover too little weight to be rated.
    pub not_rated_coverage: &'static str,
    /// "Not comparable with {quarter}".
    pub not_comparable: &'static str,
    /// Unit suffix of a change in percentage points.
    pub points: &'static str,
    /// Unit suffix of a change in eNPS points.
    pub enps_points: &'static str,
    /// Commentary box heading.
    pub commentary: &'static str,
    /// Methodology footer heading.
    pub method_heading: &'static str,
    /// "{template} v{version}: {answered} of {delivered} answered ({rate})".
    pub method_round: &'static str,
    /// No closed round at all.
    pub method_no_rounds: &'static str,
    /// Interval method and k: "{k}" placeholder.
    pub method_rules: &'static str,
    /// "Weights: {weights}".
    pub method_weights: &'static str,
    /// Status thresholds: placeholders a, b_red, b_amber, c_red, c_amber, c_group.
    pub method_thresholds: &'static str,
    /// Where the full method is written down.
    pub method_doc: &'static str,
    /// The board as a reporting group.
    pub board: &'static str,
}

const EN: Labels = Labels {
    report_title: "CTO scorecard",
    as_of: "as of {date}",
    as_of_unknown: "no survey round of this quarter has closed yet",
    title_a: "A · Tech strategy alignment",
    title_b: "B · Engineering culture",
    title_c: "C · Internal customer satisfaction",
    caption_a: "of CEO, executives and board see the tech strategy as aligned",
    caption_b: "of engineers are productive and happy at the same time",
    caption_c: "weighted CSAT across the departments served",
    interval: "95% CI {low}–{high} · n = {n}",
    census: "everyone invited answered: no sampling error",
    inflection_heading: "Technical inflection points this quarter",
    inflection_none: "No inflection point was assessed this quarter",
    more: "+{n} more",
    quadrants: [
        "Productive & happy",
        "Burnout risk",
        "Friction",
        "Neither",
    ],
    quadrants_heading: "Engineers by quadrant (productive × happy)",
    enps: "eNPS {score}  (95% CI {low} to {high}, n = {n})",
    attrition: "Regretted top-talent attrition, 12 months",
    acceptance: "Offer acceptance, this quarter",
    at_most: "limit {t}",
    at_least: "at least {t}",
    breach: "breach",
    within: "within",
    groups_heading: "CSAT by reporting group (whisker = 95% CI)",
    weight: "weight {w}",
    fewer_than_k: "fewer than {k} responses",
    protects_another: "withheld to protect a smaller group",
    no_overall_answers: "no answers to the overall question",
    left_out: "not counted",
    no_survey: "No survey for this measure closed this quarter",
    not_enough: "Not enough data to compute this figure",
    no_hr_data: "no HR data",
    trend_heading: "Last 8 quarters",
    changed: "Changed: {change} vs {quarter}",
    no_real_change: "No real change vs {quarter} ({change}; 95% CI {low} to {high})",
    cant_tell: "Can't tell vs {quarter} ({change}; 95% CI {low} to {high})",
    coverage: "covers {share} of the weight",
    not_rated_coverage: "not rated: too few departments reported",
    not_comparable: "Not comparable with {quarter} (groups, weights or survey changed)",
    points: " pts",
    enps_points: " pts",
    commentary: "CTO's commentary",
    method_heading: "Method",
    method_round: "{template} v{version}: {answered} of {delivered} answered ({rate})",
    method_no_rounds: "No survey round closed this quarter.",
    method_rules: "Figures from fewer than {k} answers are withheld. Intervals: 95% Wilson score on the effective sample size (finite-population corrected). Favourable = 4 or 5 on a 1–5 scale.",
    method_weights: "CSAT weights: {weights}.",
    method_thresholds: "Status: A amber below {a} or on a late inflection point, red on a missed one; B red below {b_red}, amber below {b_amber}; C red below {c_red} or a group below {c_group}, amber below {c_amber}.",
    method_doc: "Full method: docs/methodology.md.",
    board: "Board",
};

const KO: Labels = Labels {
    report_title: "CTO 성과 지표",
    as_of: "{date} 기준",
    as_of_unknown: "이번 분기에 마감된 설문 없음",
    title_a: "A · 기술 전략 정렬",
    title_b: "B · 엔지니어링 문화",
    title_c: "C · 내부 고객 만족도",
    caption_a: "CEO·경영진·이사회 중 기술 전략이 정렬되었다고 본 비율",
    caption_b: "생산적이면서 동시에 행복한 엔지니어 비율",
    caption_c: "지원 부서 가중 내부 고객 만족도(CSAT)",
    interval: "95% 신뢰구간 {low}–{high} · n = {n}",
    census: "대상자 전원 응답: 표본 오차 없음",
    inflection_heading: "이번 분기 기술 변곡점",
    inflection_none: "이번 분기에 평가된 변곡점 없음",
    more: "외 {n}건",
    quadrants: ["생산적 · 행복", "번아웃 위험", "마찰", "둘 다 아님"],
    quadrants_heading: "사분면별 엔지니어 수 (생산성 × 행복)",
    enps: "eNPS {score}  (95% 신뢰구간 {low} ~ {high}, n = {n})",
    attrition: "핵심 인재 유감 이직률 (12개월)",
    acceptance: "채용 제안 수락률 (이번 분기)",
    at_most: "기준 {t} 이하",
    at_least: "기준 {t} 이상",
    breach: "기준 위반",
    within: "기준 충족",
    groups_heading: "보고 그룹별 CSAT (오차 막대 = 95% 신뢰구간)",
    weight: "가중치 {w}",
    fewer_than_k: "응답 {k}명 미만",
    protects_another: "더 작은 그룹 보호를 위해 비공개",
    no_overall_answers: "전반 만족도 문항 응답 없음",
    left_out: "가중 점수 제외",
    no_survey: "이번 분기에 마감된 해당 설문 없음",
    not_enough: "산출에 필요한 데이터 부족",
    no_hr_data: "HR 데이터 없음",
    trend_heading: "최근 8분기",
    changed: "변화 있음: {quarter} 대비 {change}",
    no_real_change: "실질적 변화 없음: {quarter} 대비 {change} (95% 신뢰구간 {low} ~ {high})",
    cant_tell: "판단 불가: {quarter} 대비 {change} (95% 신뢰구간 {low} ~ {high})",
    coverage: "전체 가중치의 {share} 반영",
    not_rated_coverage: "평가 보류: 응답 부서 부족",
    not_comparable: "{quarter}와 비교 불가 (그룹·가중치·설문 변경)",
    points: "%p",
    enps_points: "점",
    commentary: "CTO 코멘트",
    method_heading: "방법",
    method_round: "{template} v{version}: {delivered}명 중 {answered}명 응답 ({rate})",
    method_no_rounds: "이번 분기에 마감된 설문 없음.",
    method_rules: "응답 {k}명 미만의 수치는 공개하지 않음. 구간: 유효 표본 크기(유한 모집단 보정)에 대한 95% 윌슨 점수 구간. 긍정 = 5점 척도의 4 또는 5.",
    method_weights: "CSAT 가중치: {weights}.",
    method_doc: "전체 방법: docs/methodology.md.",
    method_thresholds: "상태 기준: A는 {a} 미만 또는 대응이 늦은 변곡점이면 주의, 놓친 변곡점이면 위험; B는 {b_red} 미만 위험, {b_amber} 미만 주의; C는 {c_red} 미만 또는 {c_group} 미만 그룹이 있으면 위험, {c_amber} 미만 주의.",
    board: "이사회",
};

const NL: Labels = Labels {
    report_title: "CTO-scorecard",
    as_of: "stand per {date}",
    as_of_unknown: "nog geen enquêteronde van dit kwartaal afgesloten",
    title_a: "A · Afstemming technologiestrategie",
    title_b: "B · Engineeringcultuur",
    title_c: "C · Interne klanttevredenheid",
    caption_a: "van CEO, directie en board vindt de technologiestrategie afgestemd",
    caption_b: "van de engineers is tegelijk productief en tevreden",
    caption_c: "gewogen CSAT over de bediende afdelingen",
    interval: "95%-BI {low}–{high} · n = {n}",
    census: "alle genodigden hebben geantwoord: geen steekproeffout",
    inflection_heading: "Technologische kantelpunten dit kwartaal",
    inflection_none: "Dit kwartaal is geen kantelpunt beoordeeld",
    more: "+{n} meer",
    quadrants: [
        "Productief & tevreden",
        "Burn-outrisico",
        "Frictie",
        "Geen van beide",
    ],
    quadrants_heading: "Engineers per kwadrant (productief × tevreden)",
    enps: "eNPS {score}  (95%-BI {low} tot {high}, n = {n})",
    attrition: "Betreurd verloop toptalent, 12 maanden",
    acceptance: "Acceptatie van aanbiedingen, dit kwartaal",
    at_most: "max. {t}",
    at_least: "min. {t}",
    breach: "overschreden",
    within: "binnen norm",
    groups_heading: "CSAT per rapportagegroep (snor = 95%-BI)",
    weight: "gewicht {w}",
    fewer_than_k: "minder dan {k} reacties",
    protects_another: "ter bescherming van een kleinere groep",
    no_overall_answers: "geen antwoorden op de algemene vraag",
    left_out: "niet meegeteld",
    no_survey: "Geen afgesloten enquête voor deze maatstaf dit kwartaal",
    not_enough: "Onvoldoende gegevens om dit cijfer te berekenen",
    no_hr_data: "geen HR-gegevens",
    trend_heading: "Laatste 8 kwartalen",
    changed: "Veranderd: {change} t.o.v. {quarter}",
    no_real_change: "Geen echte verandering t.o.v. {quarter} ({change}; 95%-BI {low} tot {high})",
    cant_tell: "Niet vast te stellen t.o.v. {quarter} ({change}; 95%-BI {low} tot {high})",
    coverage: "dekt {share} van het gewicht",
    not_rated_coverage: "geen oordeel: te weinig afdelingen gerapporteerd",
    not_comparable: "Niet vergelijkbaar met {quarter} (groepen, gewichten of enquête gewijzigd)",
    points: " ptn",
    enps_points: " ptn",
    commentary: "Toelichting van de CTO",
    method_heading: "Methode",
    method_round: "{template} v{version}: {answered} van {delivered} beantwoord ({rate})",
    method_no_rounds: "Dit kwartaal is geen enquêteronde afgesloten.",
    method_rules: "Cijfers op basis van minder dan {k} antwoorden worden achtergehouden. Intervallen: 95%-Wilson-score op de effectieve steekproefomvang (met eindige-populatiecorrectie). Positief = 4 of 5 op een schaal van 1–5.",
    method_weights: "CSAT-gewichten: {weights}.",
    method_doc: "Volledige methode: docs/methodology.md.",
    method_thresholds: "Status: A oranje onder {a} of bij een te laat kantelpunt, rood bij een gemist kantelpunt; B rood onder {b_red}, oranje onder {b_amber}; C rood onder {c_red} of een groep onder {c_group}, oranje onder {c_amber}.",
    board: "Board",
};

/// The labels of `locale`.
pub fn labels(locale: Locale) -> &'static Labels {
    match locale {
        Locale::En => &EN,
        Locale::Ko => &KO,
        Locale::Nl => &NL,
    }
}

/// Fills `{name}` placeholders in `template` from `args`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The rating as a word: the status is never told by colour alone.
pub fn rating_word(locale: Locale, rating: Rating) -> &'static str {
    match (locale, rating) {
        (Locale::En, Rating::Green) => "GREEN",
        (Locale::En, Rating::Amber) => "AMBER",
        (Locale::En, Rating::Red) => "RED",
        (Locale::En, Rating::NotRated) => "NOT RATED",
        (Locale::Ko, Rating::Green) => "양호 (녹색)",
        (Locale::Ko, Rating::Amber) => "주의 (황색)",
        (Locale::Ko, Rating::Red) => "위험 (적색)",
        (Locale::Ko, Rating::NotRated) => "평가 보류",
        (Locale::Nl, Rating::Green) => "GROEN",
        (Locale::Nl, Rating::Amber) => "ORANJE",
        (Locale::Nl, Rating::Red) => "ROOD",
        (Locale::Nl, Rating::NotRated) => "GEEN OORDEEL",
    }
}

/// An inflection-point assessment as a word.
pub fn assessment_word(locale: Locale, a: Assessment) -> &'static str {
    match (locale, a) {
        (Locale::En, Assessment::Ahead) => "ahead",
        (Locale::En, Assessment::OnTime) => "on time",
        (Locale::En, Assessment::Late) => "late",
        (Locale::En, Assessment::Missed) => "MISSED",
        (Locale::En, Assessment::Watching) => "watching",
        (Locale::Ko, Assessment::Ahead) => "선제 대응",
        (Locale::Ko, Assessment::OnTime) => "적기 대응",
        (Locale::Ko, Assessment::Late) => "대응 늦음",
        (Locale::Ko, Assessment::Missed) => "놓침",
        (Locale::Ko, Assessment::Watching) => "관찰 중",
        (Locale::Nl, Assessment::Ahead) => "voorop",
        (Locale::Nl, Assessment::OnTime) => "op tijd",
        (Locale::Nl, Assessment::Late) => "te laat",
        (Locale::Nl, Assessment::Missed) => "GEMIST",
        (Locale::Nl, Assessment::Watching) => "in observatie",
    }
}

/// The board's confirmation state as words.
pub fn confirmation_word(locale: Locale, c: Confirmation) -> &'static str {
    match (locale, c) {
        (Locale::En, Confirmation::Confirmed) => "confirmed by the board",
        (Locale::En, Confirmation::Unconfirmed) => "NOT YET CONFIRMED by the board",
        (Locale::En, Confirmation::Disputed) => "DISPUTED by the board",
        (Locale::Ko, Confirmation::Confirmed) => "이사회 확인",
        (Locale::Ko, Confirmation::Unconfirmed) => "이사회 미확인",
        (Locale::Ko, Confirmation::Disputed) => "이사회 이의 제기",
        (Locale::Nl, Confirmation::Confirmed) => "bevestigd door de board",
        (Locale::Nl, Confirmation::Unconfirmed) => "NOG NIET BEVESTIGD door de board",
        (Locale::Nl, Confirmation::Disputed) => "BETWIST door de board",
    }
}

/// A department's display name.
pub fn department_name(locale: Locale, d: Department) -> &'static str {
    match locale {
        Locale::En => d.name(),
        Locale::Ko => match d {
            Department::Sales => "영업",
            Department::Bd => "사업개발",
            Department::Marketing => "마케팅",
            Department::Engineering => "엔지니어링·제품",
            Department::Ceo => "CEO실",
        },
        Locale::Nl => match d {
            Department::Sales => "Verkoop",
            Department::Bd => "Business development",
            Department::Marketing => "Marketing",
            Department::Engineering => "Engineering & product",
            Department::Ceo => "CEO-office",
        },
    }
}

/// A reporting group's display name: its departments joined, the board, or its key.
pub fn group_name(locale: Locale, key: &str, departments: &[Department]) -> String {
    if departments.is_empty() {
        if key == "board" {
            return labels(locale).board.to_string();
        }
        return key.to_string();
    }
    departments
        .iter()
        .map(|d| department_name(locale, *d))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The quarter in the header: "Q3 2026", "2026년 3분기", "3e kwartaal 2026".
pub fn quarter_long(locale: Locale, q: Quarter) -> String {
    match locale {
        Locale::En => format!("Q{} {}", q.number(), q.year()),
        Locale::Ko => format!("{}년 {}분기", q.year(), q.number()),
        Locale::Nl => format!("{}e kwartaal {}", q.number(), q.year()),
    }
}

/// The quarter on a trend axis: "Q3 '26", "26.3Q", "K3 '26".
pub fn quarter_short(locale: Locale, q: Quarter) -> String {
    let yy = q.year().rem_euclid(100);
    match locale {
        Locale::En => format!("Q{} '{yy:02}", q.number()),
        Locale::Ko => format!("{yy:02}.{}Q", q.number()),
        Locale::Nl => format!("K{} '{yy:02}", q.number()),
    }
}

/// A date: "30 Sep 2026", "2026년 9월 30일", "30 september 2026".
pub fn date(locale: Locale, d: Date) -> String {
    const EN_MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const NL_MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let m = u8::from(d.month());
    let idx = usize::from(m.saturating_sub(1)).min(11);
    match locale {
        Locale::En => format!("{} {} {}", d.day(), EN_MONTHS[idx], d.year()),
        Locale::Ko => format!("{}년 {}월 {}일", d.year(), m, d.day()),
        Locale::Nl => format!("{} {} {}", d.day(), NL_MONTHS[idx], d.year()),
    }
}

/// A share as a whole percentage for headlines: "72%".
pub fn pct0(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A share with one decimal, trailing ".0" dropped, in the locale's decimal mark: "66.7%",
/// "66,7%" — the same rounding as the scoring engine's status reasons.
pub fn pct1(locale: Locale, share: f64) -> String {
    let s = crate::domain::scoring::status::pct(share);
    match locale {
        Locale::Nl => s.replace('.', ","),
        _ => s,
    }
}

/// A signed whole number: "+18", "–7". An en dash stands in for the minus sign: NanumGothic
/// has no U+2212 glyph, and a hyphen is easy to miss at small sizes.
pub fn signed(v: f64) -> String {
    let r = v.round();
    if r > 0.0 {
        format!("+{r:.0}")
    } else if r < 0.0 {
        format!("–{:.0}", -r)
    } else {
        "0".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_fill_in_any_order() {
        assert_eq!(
            fill(
                KO.method_round,
                &[
                    ("template", "t"),
                    ("version", "2"),
                    ("answered", "3"),
                    ("delivered", "4"),
                    ("rate", "75%")
                ]
            ),
            "t v2: 4명 중 3명 응답 (75%)"
        );
    }

    #[test]
    fn quarters_and_dates_read_naturally() {
        let q = Quarter::new(2026, 3).unwrap();
        assert_eq!(quarter_long(Locale::Ko, q), "2026년 3분기");
        assert_eq!(quarter_short(Locale::Nl, q), "K3 '26");
        let d = time::macros::date!(2026 - 09 - 30);
        assert_eq!(date(Locale::En, d), "30 Sep 2026");
        assert_eq!(date(Locale::Nl, d), "30 september 2026");
        assert_eq!(pct1(Locale::Nl, 2.0 / 3.0), "66,7%");
        assert_eq!(signed(-7.4), "–7");
    }

    #[test]
    fn group_names_come_from_departments() {
        assert_eq!(
            group_name(Locale::En, "ceo+bd", &[Department::Ceo, Department::Bd]),
            "CEO's office + Business development"
        );
        assert_eq!(group_name(Locale::Ko, "board", &[]), "이사회");
    }
}
