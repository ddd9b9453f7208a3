//! The pack's own words — only what the board report's copy (`charts::copy`) does not already
//! say — read once from `locales/<code>/board.ftl`. Same registers as there: neutral business
//! Dutch and German, Korean nominal style (개조식).

use crate::domain::actions::ActionStatus;
use crate::domain::locale::Locale;

crate::i18n::fluent_struct! {
    /// Every fixed text of the pack's pages in one language.
    pub struct Words {
        pub pack_title: "board-pack-title",
        /// "Page {n} of {total}".
        pub page: "board-page",
        pub method_title: "board-method-title",
        /// How each measure and the shared rules are computed: headings, then paragraphs.
        pub method_headings: ["report-title-a", "report-title-b", "report-title-c", "board-method-heading-4", "board-method-heading-5", "board-method-heading-6"],
        pub method_texts: ["board-method-text-1", "board-method-text-2", "board-method-text-3", "board-method-text-4", "board-method-text-5", "board-method-text-6"],
        pub this_quarter: "board-this-quarter",
        pub withheld_heading: "board-withheld-heading",
        pub withheld_none: "board-withheld-none",
        /// "{round}: {group} — {reason}".
        pub withheld_line: "board-withheld-line",
        pub items_title: "board-items-title",
        pub items_intro: "board-items-intro",
        pub question: "board-question",
        pub all_groups: "board-all-groups",
        pub not_asked: "board-not-asked",
        pub withheld: "board-withheld",
        /// "mean {m}".
        pub mean: "board-mean",
        /// "{p} favourable ({low}–{high})".
        pub favorable: "board-favorable",
        pub no_likert: "board-no-likert",
        pub register_title: "board-register-title",
        pub register_intro: "board-register-intro",
        pub register_none: "board-register-none",
        /// Columns: point, first seen, quarter, assessment, board, notes.
        pub register_cols: ["board-register-cols-1", "board-register-cols-2", "board-register-cols-3", "board-register-cols-4", "board-register-cols-5", "board-register-cols-6"],
        pub not_assessed: "board-not-assessed",
        /// "CTO: {note}".
        pub cto_note: "board-cto-note",
        /// "Board: {note}".
        pub board_note: "board-board-note",
        pub time_title: "tim-title",
        pub time_intro: "board-time-intro",
        pub time_none: "board-time-none",
        /// Columns: category, hours, share, target, vs target.
        pub time_cols: ["board-time-cols-1", "board-time-cols-2", "board-time-cols-3", "board-time-cols-4", "board-time-cols-5"],
        /// internal engineering, internal executive, not work time (the other lines' names
        /// come from the report's time-split bar).
        pub time_extra: ["board-time-extra-1", "board-time-extra-2", "tim-cat-not-work"],
        pub actions_title: "board-actions-title",
        pub actions_intro: "board-actions-intro",
        pub actions_none: "board-actions-none",
        /// Columns: action, owner, due, status, linked figure.
        pub action_cols: ["board-action-cols-1", "board-action-cols-2", "board-action-cols-3", "board-action-cols-4", "board-action-cols-5"],
        /// Planned, in progress, done, dropped.
        pub statuses: ["board-statuses-1", "board-statuses-2", "board-statuses-3", "board-statuses-4"],
        /// "made {quarter}, {template}".
        pub made: "board-made",
        /// A linked figure that is not a measure: "{what} CSAT", "“{item}”", "“{item}” in {group}",
        /// "key driver “{item}”".
        // Links read as the dashboard writes them: one key each.
        pub link_group: "dash-link-group",
        pub link_item_in: "dash-link-item-in",
        pub link_driver: "dash-link-driver",
        pub link_engineers: "dash-link-engineers",
    }
}

/// The pack's words in `locale`.
pub fn words(locale: Locale) -> &'static Words {
    Words::of(locale)
}

/// An action's status in `locale`.
pub fn status(locale: Locale, s: ActionStatus) -> &'static str {
    let w = words(locale);
    match s {
        ActionStatus::Planned => w.statuses[0],
        ActionStatus::InProgress => w.statuses[1],
        ActionStatus::Done => w.statuses[2],
        ActionStatus::Dropped => w.statuses[3],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fluent_keeps_the_words_as_written() {
        let en = words(Locale::En);
        // Leading spaces indent the sub-lines of the time table; Fluent would trim them.
        assert_eq!(en.time_extra[0], "  of which engineering");
        assert_eq!(en.page, "Page {n} of {total}");
        assert!(en.method_texts[5].contains("\"withheld\""));
        assert_eq!(words(Locale::De).link_driver, "Treiber „{item}“ ({whose})");
        assert_eq!(words(Locale::Ko).page, "{n} / {total}쪽");
        assert_eq!(
            status(Locale::Nl, ActionStatus::Done),
            words(Locale::Nl).statuses[2]
        );
    }

    /// "Not work time" is one key: the board pack, the dashboard's time page and the time
    /// settings say it in the same words (Korean once had 근무 외 and 업무 외 side by side);
    /// so is each category's name on the time page and in the settings.
    #[test]
    fn not_work_time_reads_the_same_everywhere() {
        use crate::domain::time_split::Category;
        for locale in Locale::ALL {
            let settings = crate::web::pages::time_words::TimeWords::of(locale);
            let board = words(locale).time_extra[2];
            assert_eq!(board, settings.cat(Category::NotWork), "{locale}");
            let page = crate::web::pages::time_split::label(locale, "not_work");
            assert_eq!(board, page, "{locale}");
            // The categories the time page and the settings both name, likewise.
            for (line, c) in [
                ("sales", Category::Sales),
                ("marketing", Category::Marketing),
                ("bd", Category::Bd),
                ("unclassified", Category::Unclassified),
            ] {
                let page = crate::web::pages::time_split::label(locale, line);
                assert_eq!(page, settings.cat(c), "{locale} {line}");
            }
        }
        assert_eq!(words(Locale::Ko).time_extra[2], "업무 외 시간");
    }

    /// "Where the CTO's time goes" is one key, so the board pack, the board's page and the
    /// time settings title it alike; the report's bar adds only "(calendar)".
    #[test]
    fn where_the_ctos_time_goes_reads_the_same_everywhere() {
        for locale in Locale::ALL {
            let title = words(locale).time_title;
            let settings = crate::web::pages::time_words::TimeWords::of(locale);
            assert_eq!(title, settings.title, "{locale}");
            let page = crate::web::pages::dash_words::Body::of(locale);
            assert_eq!(title, page.board_time_heading, "{locale}");
            let report = crate::charts::copy::labels(locale).time_title;
            assert!(report.starts_with(title), "{locale}: {report} / {title}");
        }
    }

    /// The method pages head the measures with the report's own titles (one key each).
    #[test]
    fn the_method_pages_title_the_measures_as_the_report_does() {
        for locale in Locale::ALL {
            let l = crate::charts::copy::labels(locale);
            let w = words(locale);
            assert_eq!(
                w.method_headings[..3],
                [l.title_a, l.title_b, l.title_c],
                "{locale}"
            );
        }
    }
}
