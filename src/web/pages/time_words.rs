//! The words of `/dashboard/time` (`tim-*` in `locales/<code>/settings.ftl`): the fixed ones
//! the template shows, each category's name, and the sentences the handlers format.

use crate::domain::locale::Locale;
use crate::domain::time_split::{Category, RuleKind};

crate::i18n::fluent_struct! {
    /// The time-split page's fixed words.
    pub struct TimeWords {
        pub title: "tim-title",
        pub intro: "tim-intro",
        pub quarter: "tim-quarter",
        pub show: "tim-show",
        pub trend_region: "tim-trend-region",
        pub trend_caption: "tim-trend-caption",
        /// The trend's columns after the quarter: sales, marketing, BD, internal, unclassified.
        pub trend_cols: [
            "tim-col-sales",
            "tim-col-marketing",
            "tim-col-bd",
            "tim-col-internal",
            "tim-col-unclassified"
        ],
        pub import_heading: "tim-import-heading",
        pub files_label: "tim-files-label",
        pub import: "tim-import",
        pub hours_heading: "tim-hours-heading",
        pub week_of: "tim-week-of",
        pub category: "tim-category",
        pub hours: "tim-hours",
        pub save_hours: "tim-save-hours",
        pub rules_heading: "tim-rules-heading",
        pub rules_intro: "tim-rules-intro",
        pub rules_region: "tim-rules-region",
        pub col_kind: "tim-col-kind",
        pub col_pattern: "tim-col-pattern",
        pub col_action: "tim-col-action",
        pub remove: "tim-remove",
        pub kind_domain: "tim-kind-domain",
        pub kind_keyword: "tim-kind-keyword",
        pub kind_calendar_category: "tim-kind-calendar-category",
        pub add_rule: "tim-add-rule",
        pub events_none: "tim-events-none",
        pub events_region: "tim-events-region",
        pub col_start: "tim-col-start",
        pub col_rule: "tim-col-rule",
        pub col_override: "tim-col-override",
        pub by_rules: "tim-by-rules",
        pub set: "tim-set",
        /// Each category's name, in the order of [`Category::ALL`].
        pub categories: [
            "tim-cat-sales",
            "tim-cat-marketing",
            "tim-cat-bd",
            "tim-cat-internal-engineering",
            "tim-cat-internal-executive",
            "tim-cat-unclassified",
            "tim-cat-not-work"
        ],
    }
}

impl TimeWords {
    /// A rule kind's name (the form's words, not its stored key).
    pub fn kind(&self, k: impl std::borrow::Borrow<RuleKind>) -> &'static str {
        match k.borrow() {
            RuleKind::CalendarCategory => self.kind_calendar_category,
            RuleKind::Domain => self.kind_domain,
            RuleKind::Keyword => self.kind_keyword,
        }
    }

    /// A category's name.
    pub fn cat(&self, c: impl std::borrow::Borrow<Category>) -> &'static str {
        let c = c.borrow();
        Category::ALL
            .iter()
            .position(|x| x == c)
            .and_then(|i| self.categories.get(i))
            .copied()
            .unwrap_or_else(|| c.label())
    }
}

/// The messages the handlers format.
pub const FORMATTED: &[&str] = &[
    "tim-split-for",
    "tim-import-intro",
    "tim-events-heading",
    "tim-overridden",
    "tim-nothing-written",
    "tim-choose-file",
    "tim-too-large",
    "tim-unreadable",
    "tim-too-many",
    "tim-field-too-long",
    "tim-imported",
    "tim-hours-saved",
    "tim-override-cleared",
    "tim-event-set",
    "tim-rule-added",
    "tim-rule-removed",
];

/// The fixed words in `locale`.
pub fn words(locale: Locale) -> &'static TimeWords {
    TimeWords::of(locale)
}

/// Every Fluent key of the time-split page.
pub fn keys() -> Vec<&'static str> {
    [TimeWords::keys(), FORMATTED.to_vec()].concat()
}
