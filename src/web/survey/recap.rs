//! "You said, we did" for the survey's first page: the respondent's group's recap, from the
//! shared cache, in the page's language. A recap that cannot be read is left out (and
//! logged): it never stands between a respondent and the survey.

use std::time::Instant;

use crate::app::actions::recap::cached_for;
use crate::app::scorecard::Options;
use crate::app::survey::Respondent;
use crate::db;
use crate::domain::actions::recap::{recap_view, RecapView};
use crate::domain::locale::Locale;
use crate::web::state::AppState;

/// The recap `r`'s group is shown, in `locale`.
pub(super) async fn recap_for(
    state: &AppState,
    r: &Respondent,
    locale: Locale,
) -> Option<RecapView> {
    let round = r.round.id;
    let now = Instant::now();
    let recap = match state.recaps.cached(round, now) {
        Some(recap) => recap,
        None => {
            let (pool, cache) = (state.pool.clone(), state.recaps.clone());
            let opts = Options::from_settings(&state.settings, false);
            let read = actix_web::web::block(move || {
                let mut conn = db::pool::checkout(&pool).map_err(|e| e.to_string())?;
                cached_for(&mut conn, &cache, round, &opts, now).map_err(|e| e.to_string())
            })
            .await;
            match read {
                Ok(Ok(recap)) => recap,
                Ok(Err(e)) => {
                    tracing::warn!(%round, error = %e, "the survey's recap could not be read");
                    return None;
                }
                Err(e) => {
                    tracing::warn!(%round, error = %e, "no blocking thread for the survey's recap");
                    return None;
                }
            }
        }
    };
    recap_view(
        &recap,
        &r.reporting_group,
        locale,
        state.settings.default_locale,
    )
}
