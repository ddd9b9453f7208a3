//! Why a figure could not be computed, in the reader's language.
//!
//! The engine names the cause as a [`Missing`]; each cause has one Fluent message in
//! `report.ftl`. The English messages are the engine's sentences word for word; the reader
//! sees groups, quarters and dates named as the rest of the page names them.

use time::Date;

use crate::charts::copy;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::missing::Missing;
use crate::i18n::{format_with, Arg};

/// How the names inside a cause are written.
struct Names {
    group: fn(Locale, &str) -> String,
    quarter: fn(Locale, Quarter) -> String,
    date: fn(Locale, Date) -> String,
}

/// As pages and the report name them: "Sales + Marketing", "Q3 2026", "30 Sep 2026".
const READER: Names = Names {
    group: copy::group_label,
    quarter: copy::quarter_long,
    date: copy::date,
};

/// Why the figure is missing, in `locale`, lower case as a clause (callers capitalise it
/// when it stands as a sentence).
pub fn words(locale: Locale, why: &Missing) -> String {
    phrase(locale, why, &READER)
}

fn phrase(locale: Locale, why: &Missing, names: &Names) -> String {
    let text = |name, value: &str| (name, value.to_string());
    let args: Vec<(&str, String)> = match why {
        Missing::NoQuestion {
            template,
            version,
            role,
        } => vec![
            text("template", template),
            // A version is a label, never grouped like a count.
            text("version", &version.to_string()),
            text("role", role.key()),
        ],
        Missing::NoClosedRound { audience, quarter }
        | Missing::SeveralClosedRounds { audience, quarter } => vec![
            text("audience", audience.key()),
            text("quarter", &(names.quarter)(locale, *quarter)),
        ],
        Missing::NoGroup { group } => vec![text("group", &(names.group)(locale, group))],
        Missing::NoHeadcountSnapshot { from, to } => vec![
            text("from", &(names.date)(locale, *from)),
            text("to", &(names.date)(locale, *to)),
        ],
        Missing::TooFewForDrivers { .. } => Vec::new(),
        Missing::NoItem { template, item } => vec![text("template", template), text("item", item)],
        Missing::NoFavourableShare { item } => vec![text("item", item)],
        Missing::NoSealedRound { template, quarter } => vec![
            text("template", template),
            text("quarter", &(names.quarter)(locale, *quarter)),
        ],
        Missing::NotMeasureHeadline { metric } => vec![text("metric", metric.key())],
        Missing::NoCsatQuestion { template } => vec![text("template", template)],
        Missing::NoAnswers
        | Missing::NoAlignmentAnswers
        | Missing::NoCultureAnswers
        | Missing::NoEnpsAnswers
        | Missing::NotAHeadline
        | Missing::NoInvitationDelivered
        | Missing::ZeroHeadcount
        | Missing::NoOffers
        | Missing::NothingToExplain
        | Missing::DriversNotComputed
        | Missing::ZeroWeights
        | Missing::NoGroupToWeigh => Vec::new(),
    };
    let mut fargs: Vec<(&str, Arg<'_>)> = args.iter().map(|(n, v)| (*n, Arg::Text(v))).collect();
    if let Missing::TooFewForDrivers { min } = why {
        // A count, so the language picks its plural form.
        fargs.push(("min", Arg::Count(u64::from(*min))));
    }
    format_with(locale, why.fluent_key(), &fargs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine's own spelling of every name, to hold the English messages to its sentences.
    const ENGINE: Names = Names {
        group: |_, g| g.to_string(),
        quarter: |_, q| q.to_string(),
        date: |_, d| d.to_string(),
    };

    #[test]
    fn english_says_what_the_engine_says_for_every_cause() {
        for why in Missing::examples() {
            assert_eq!(
                phrase(Locale::En, &why, &ENGINE),
                why.to_string(),
                "{why:?}"
            );
        }
    }

    #[test]
    fn every_cause_has_its_own_words_in_every_language() {
        for why in Missing::examples() {
            let english = words(Locale::En, &why);
            for locale in Locale::ALL {
                let text = words(locale, &why);
                assert!(
                    !text.is_empty() && !text.contains(why.fluent_key()),
                    "{locale}: {why:?}"
                );
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{locale}: {why:?} left a placeholder: {text}"
                );
                // A select spread over lines in the file still reads as one line.
                assert!(!text.contains('\n'), "{locale}: {why:?}: {text:?}");
                if locale != Locale::En {
                    assert_ne!(text, english, "{locale}: {why:?} is not translated");
                }
            }
        }
    }

    #[test]
    fn a_group_reads_as_its_departments_and_a_quarter_as_the_page_writes_it() {
        let why = Missing::NoGroup {
            group: "sales+marketing".into(),
        };
        assert_eq!(
            words(Locale::En, &why),
            "no reporting group Sales + Marketing"
        );
        assert!(words(Locale::De, &why).contains("Vertrieb + Marketing"));
        let ex = Missing::examples();
        let Some(round) = ex
            .iter()
            .find(|m| matches!(m, Missing::NoSealedRound { .. }))
        else {
            panic!("no example of NoSealedRound");
        };
        assert!(words(Locale::En, round).ends_with("in Q3 2026"));
    }

    #[test]
    fn german_names_why_nobody_can_see_the_enps() {
        assert_eq!(
            words(Locale::De, &Missing::NoEnpsAnswers),
            "niemand hat die eNPS-Frage beantwortet"
        );
    }
}
