//! The one list of Fluent keys the code asks for, derived from the structs and tables that
//! read them; the tests hold every language's files to it.

use crate::domain::department::Department;

/// The keys of `common.ftl` that are not built from a number or a department.
const COMMON: [&str; 7] = [
    "date-long",
    "date-report",
    "quarter-long",
    "quarter-short",
    "percent",
    "decimal-mark",
    "group-separator",
];

/// Every key the code reads, in no particular order.
pub fn used() -> Vec<String> {
    let mut keys: Vec<String> = COMMON.iter().map(|k| k.to_string()).collect();
    for m in 1..=12 {
        keys.push(format!("month-{m}"));
        keys.push(format!("month-short-{m}"));
    }
    for d in Department::ALL {
        keys.push(crate::charts::copy::department_key(d).to_string());
    }
    let fixed = [
        crate::app::survey_page::copy::Copy::keys(),
        crate::app::survey_page::copy::COUNT_KEYS.to_vec(),
        crate::charts::copy::Labels::keys(),
        crate::board_pack::words::Words::keys(),
        crate::mail::content::FLUENT_KEYS.to_vec(),
        crate::charts::copy::WORD_KEYS.to_vec(),
        crate::charts::copy::COUNT_KEYS.to_vec(),
        crate::domain::actions::recap::FLUENT_KEYS.to_vec(),
        crate::charts::reasons::FLUENT_KEYS.to_vec(),
        crate::domain::scoring::missing::Missing::fluent_keys(),
        crate::domain::scoring::change::Incomparable::FLUENT_KEYS.to_vec(),
        crate::web::lang::words::keys(),
        crate::web::error::FLUENT_KEYS.to_vec(),
        crate::web::pages::dash_words::keys(),
        crate::web::pages::admin::words::keys(),
        crate::web::pages::admin::roster_words::keys(),
        crate::web::pages::admin::settings_words::keys(),
        crate::web::pages::time_words::keys(),
    ];
    keys.extend(fixed.into_iter().flatten().map(str::to_string));
    keys
}
