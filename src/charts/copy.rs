//! The report's words, read once from `locales/<code>/report.ftl` (department names, dates
//! and quarters from `common.ftl`).
//!
//! Dutch and German are is written in a neutral business register that never addresses the reader (no
//! "je"/"u", no "du"/"Sie"); Korean uses the nominal style of Korean board decks (개조식). Templates carry
//! named `{placeholders}` filled by [`fill`], so word order can differ per language.

use time::Date;

use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::inputs::{Assessment, Confirmation};
use crate::domain::scoring::status::Rating;
use crate::i18n::Arg;

crate::i18n::fluent_struct! {
    /// Every fixed label of the report in one language.
    #[derive(Debug)]
    pub struct Labels {
        /// Subtitle after the company name.
        pub report_title: "report-title",
        /// "as of {date}".
        pub as_of: "report-as-of",
        /// Shown instead of the date when no round of the quarter has closed.
        pub as_of_unknown: "report-as-of-unknown",
        /// Measure A panel title.
        pub title_a: "report-title-a",
        /// Measure B panel title.
        pub title_b: "report-title-b",
        /// Measure C panel title.
        pub title_c: "report-title-c",
        /// What A's headline share is.
        pub caption_a: "report-caption-a",
        /// What B's headline share is.
        pub caption_b: "report-caption-b",
        /// What C's headline share is.
        pub caption_c: "report-caption-c",
        /// Everybody invited answered: the interval is the point.
        pub census: "report-census",
        /// Heading of A's inflection-point list.
        pub inflection_heading: "report-inflection-heading",
        /// No inflection point assessed.
        pub inflection_none: "report-inflection-none",
        /// Quadrant names: productive & happy, burnout risk, friction, neither.
        pub quadrants: ["report-quadrant-productive-happy", "report-quadrant-burnout-risk", "report-quadrant-friction", "report-quadrant-neither"],
        /// Heading over the quadrants.
        pub quadrants_heading: "report-quadrants-heading",
        /// Regretted top-talent attrition label.
        pub attrition: "report-attrition",
        /// Offer acceptance label.
        pub acceptance: "report-acceptance",
        /// "limit {t}" for an indicator that breaches above its threshold.
        pub at_most: "report-at-most",
        /// "at least {t}" for one that breaches below.
        pub at_least: "report-at-least",
        /// The indicator breaches.
        pub breach: "report-breach",
        /// The indicator is within its threshold.
        pub within: "report-within",
        /// Heading of C's group bars.
        pub groups_heading: "report-groups-heading",
        /// "weight {w}".
        pub weight: "report-weight",
        /// A group withheld so a smaller withheld group cannot be derived.
        pub protects_another: "report-protects-another",
        /// A group with no answers to the overall item.
        pub no_overall_answers: "report-no-overall-answers",
        /// A group whose CSAT weight is zero.
        pub zero_weight: "report-zero-weight",
        /// Marks a group that is left out of the weighted score.
        pub left_out: "report-left-out",
        /// A figure cannot be computed.
        pub not_enough: "report-not-enough",
        /// HR data missing for a lagging indicator.
        pub no_hr_data: "report-no-hr-data",
        /// A lagging indicator without a headcount snapshot in its window.
        pub no_headcount: "report-lagging-no-headcount",
        /// A lagging indicator whose top-talent headcount was zero.
        pub no_top_talent: "report-lagging-no-top-talent",
        /// Offer acceptance in a quarter without offers.
        pub no_offers: "report-lagging-no-offers",
        /// Trend chart heading.
        pub trend_heading: "report-trend-heading",
        /// A real change: "Changed: {change} vs {quarter}".
        pub changed: "report-changed",
        /// The 95 % interval of the change lies inside ±10 points: placeholders change, quarter,
        /// low, high.
        pub no_real_change: "report-no-real-change",
        /// Neither: placeholders change, quarter, low, high.
        pub cant_tell: "report-cant-tell",
        /// Beside C's headline: "covers {share} of the weight".
        pub coverage: "report-coverage",
        /// C's headline when its groups cover too little weight to be rated.
        pub not_rated_coverage: "report-not-rated-coverage",
        /// "Not comparable with {quarter}".
        pub not_comparable: "report-not-comparable",
        /// Unit suffix of a change in percentage points.
        pub points: "report-points",
        /// Unit suffix of a change in eNPS points.
        pub enps_points: "report-enps-points",
        /// Commentary box heading.
        pub commentary: "report-commentary",
        /// Methodology footer heading.
        pub method_heading: "report-method-heading",
        /// No closed round at all.
        pub method_no_rounds: "report-method-no-rounds",
        /// "Weights: {weights}".
        pub method_weights: "report-method-weights",
        /// Status thresholds: placeholders a, b_red, b_amber, c_red, c_amber, c_group.
        pub method_thresholds: "report-method-thresholds",
        /// Where the full method is written down.
        pub method_doc: "report-method-doc",
        /// The board as a reporting group.
        pub board: "report-board",
        /// Heading of a measure's line of key drivers.
        pub drivers_heading: "report-drivers-heading",
        /// Marks a driver that is important and below average.
        pub fix_first: "report-fix-first",
        /// The time split's groups: sales, marketing, BD, internal, unclassified.
        pub time_groups: [
            "report-time-sales",
            "report-time-marketing",
            "report-time-bd",
            "report-time-internal",
            "report-time-unclassified"
        ],
        /// The time split bar's title.
        pub time_title: "report-time-title",
        /// Marks a target on the time split bar.
        pub time_target: "report-time-target",
        /// Heading of the points-versus-target figures.
        pub time_versus: "report-time-versus",
    }
}

/// The labels of `locale`.
pub fn labels(locale: Locale) -> &'static Labels {
    Labels::of(locale)
}

/// Fills `{name}` placeholders in `template` from `args`.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The report's messages that carry counts. They are formatted whole ([`counted`]), not read
/// as templates: Fluent picks their plural form from the number and groups its digits.
pub(crate) const COUNT_KEYS: [&str; 7] = [
    "report-interval",
    "report-more",
    "report-enps",
    "report-fewer-than-k",
    "report-method-round",
    "report-method-rules",
    "report-actions-heading",
];

/// The message `key` (one of [`COUNT_KEYS`]) in `locale`, counts given as numbers.
pub fn counted(locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    crate::i18n::format_with(locale, key, args)
}

/// A round's participation: "Engineering culture check-in v2: 1,234 of 1,500 answered (82%)",
/// the survey named by its title in `labels` (its key when the title is not there).
pub fn round_participation(
    locale: Locale,
    r: &crate::domain::scoring::scorecard::RoundReport,
    rate: &str,
    labels: &crate::charts::ItemLabels,
) -> String {
    let version = r.template.version.to_string();
    let title_key = (
        r.template.key.clone(),
        crate::charts::layout::TEMPLATE_TITLE.to_string(),
    );
    let title = labels
        .get(&title_key)
        .map_or(r.template.key.as_str(), |t| t.get(locale));
    counted(
        locale,
        "report-method-round",
        &[
            ("template", Arg::Text(title)),
            ("version", Arg::Text(&version)),
            ("answered", Arg::Count(r.answered)),
            ("delivered", Arg::Count(r.delivered)),
            ("rate", Arg::Text(rate)),
        ],
    )
}

/// The keys of the rating, assessment and confirmation words below.
pub(crate) const WORD_KEYS: [&str; 12] = [
    "report-rating-green",
    "report-rating-amber",
    "report-rating-red",
    "report-rating-not-rated",
    "report-assessment-ahead",
    "report-assessment-on-time",
    "report-assessment-late",
    "report-assessment-missed",
    "report-assessment-watching",
    "report-confirmation-confirmed",
    "report-confirmation-unconfirmed",
    "report-confirmation-disputed",
];

/// The rating as a word: the status is never told by colour alone.
pub fn rating_word(locale: Locale, rating: Rating) -> &'static str {
    let key = match rating {
        Rating::Green => "report-rating-green",
        Rating::Amber => "report-rating-amber",
        Rating::Red => "report-rating-red",
        Rating::NotRated => "report-rating-not-rated",
    };
    crate::i18n::template(locale, key)
}

/// An inflection-point assessment as a word.
pub fn assessment_word(locale: Locale, a: Assessment) -> &'static str {
    let key = match a {
        Assessment::Ahead => "report-assessment-ahead",
        Assessment::OnTime => "report-assessment-on-time",
        Assessment::Late => "report-assessment-late",
        Assessment::Missed => "report-assessment-missed",
        Assessment::Watching => "report-assessment-watching",
    };
    crate::i18n::template(locale, key)
}

/// The board's confirmation state as words.
pub fn confirmation_word(locale: Locale, c: Confirmation) -> &'static str {
    let key = match c {
        Confirmation::Confirmed => "report-confirmation-confirmed",
        Confirmation::Unconfirmed => "report-confirmation-unconfirmed",
        Confirmation::Disputed => "report-confirmation-disputed",
    };
    crate::i18n::template(locale, key)
}

/// A department's display name.
pub fn department_name(locale: Locale, d: Department) -> &'static str {
    crate::i18n::template(locale, department_key(d))
}

/// The Fluent key of a department's name.
pub(crate) fn department_key(d: Department) -> &'static str {
    match d {
        Department::Sales => "department-sales",
        Department::Bd => "department-bd",
        Department::Marketing => "department-marketing",
        Department::Engineering => "department-engineering",
        Department::Ceo => "department-ceo",
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

/// A reporting group named by its key (`bd+ceo`), with each department's name; a part that
/// names no department stays as it is.
pub fn group_label(locale: Locale, key: &str) -> String {
    key.split('+')
        .map(|k| match k.parse::<Department>() {
            Ok(d) => department_name(locale, d).to_string(),
            Err(_) => group_name(locale, k, &[]),
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The quarter in the header: "Q3 2026", "2026년 3분기", "3e kwartaal 2026".
pub fn quarter_long(locale: Locale, q: Quarter) -> String {
    crate::i18n::quarter_long(locale, q)
}

/// The quarter on a trend axis: "Q3 '26", "26.3Q", "K3 '26".
pub fn quarter_short(locale: Locale, q: Quarter) -> String {
    crate::i18n::quarter_short(locale, q)
}

/// A date: "30 Sep 2026", "2026년 9월 30일", "30 september 2026".
pub fn date(locale: Locale, d: Date) -> String {
    crate::i18n::date_report(locale, d)
}

/// A share as a whole percentage for headlines, as the language writes it: "72%", "72 %"
/// (German, with a no-break space).
pub fn pct0(locale: Locale, share: f64) -> String {
    crate::i18n::percent(locale, &format!("{:.0}", share * 100.0))
}

/// A share with one decimal, trailing ".0" dropped, in the locale's decimal mark: "66.7%",
/// "66,7%" — the same rounding as the scoring engine's status reasons.
pub fn pct1(locale: Locale, share: f64) -> String {
    let s = crate::domain::scoring::status::pct(share);
    // The scoring engine writes "66.7%"; the number goes through the locale's form.
    match s.strip_suffix('%') {
        Some(number) => crate::i18n::percent(locale, number),
        None => s,
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
        let args = |answered, delivered| {
            [
                ("template", Arg::Text("t")),
                ("version", Arg::Text("2")),
                ("answered", Arg::Count(answered)),
                ("delivered", Arg::Count(delivered)),
                ("rate", Arg::Text("75%")),
            ]
        };
        let line = |l, a, d| counted(l, "report-method-round", &args(a, d));
        assert_eq!(line(Locale::Ko, 3, 4), "‘t’ 버전 2: 4명 중 3명 응답 (75%)");
        assert_eq!(
            line(Locale::Ko, 9000, 12000),
            "‘t’ 버전 2: 12,000명 중 9,000명 응답 (75%)"
        );
        assert_eq!(
            line(Locale::De, 9000, 12000),
            "„t“, Version 2: 9.000 von 12.000 beantwortet (75%)"
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
        // 0.745 × 100 in binary is 74.49999…, so 74; 0.755 × 100 is 75.5000…01, so 76.
        assert_eq!(pct0(Locale::En, 0.745), "74%");
        assert_eq!(pct0(Locale::De, 0.755), "76\u{a0}%");
        assert_eq!(
            pct0(Locale::De, 0.75),
            pct1(Locale::De, 0.75),
            "headline and reason agree"
        );
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
