//! "You said, we did" for invitations and reminders: read through the caller's source (which
//! caches per round), per recipient's group and language.

use std::sync::Arc;

use super::{blocking, OutboxWorker};
use crate::db;
use crate::domain::actions::recap::{recap_view, RecapView};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;

impl OutboxWorker {
    /// The recap a recipient of `group` reads in `locale`; `None` without a source, without
    /// anything to show, or when it cannot be read (logged: the email goes without it).
    pub(super) async fn recap_view(
        &self,
        round: RoundId,
        group: &str,
        locale: Locale,
    ) -> Option<RecapView> {
        let source = self.recaps.clone()?;
        let pool = self.pool.clone();
        let read = blocking(move || {
            let mut conn = db::pool::checkout(&pool)?;
            Ok(source(&mut conn, round))
        })
        .await;
        let recap = match read {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => {
                tracing::warn!(%round, error = %e, "no recap for the email");
                return None;
            }
            Err(e) => {
                tracing::warn!(%round, error = %e, "no recap for the email");
                return None;
            }
        };
        recap_view(
            Arc::as_ref(&recap),
            group,
            locale,
            self.settings.default_locale,
        )
    }
}
