//! What every request handler can reach: the pool, settings, templates, the mailer and the
//! survey's in-memory caches. Lives in the web layer, which owns it; startup builds it.

use std::sync::Arc;

use crate::app::participation::HourlyCounts;
use crate::app::survey::recent::RecentLinks;
use crate::app::survey::templates::ParsedTemplates;
use crate::app::survey::Caches;
use crate::config::Settings;
use crate::db::DbPool;
use crate::domain::template::TemplateSet;
use crate::mail::Mailer;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    /// The current survey templates (for new rounds).
    pub templates: Arc<TemplateSet>,
    /// Templates stored in rounds, parsed once per content hash.
    pub parsed_templates: Arc<ParsedTemplates>,
    /// Survey links read a moment ago (see `app::survey::recent`).
    pub recent_links: Arc<RecentLinks>,
    /// Open rounds' participation taken at the start of the hour, for the CTO and the board.
    pub hourly_counts: Arc<HourlyCounts>,
    pub mailer: Mailer,
    /// "You said, we did" per open round, shared by the survey pages.
    pub recaps: crate::app::actions::recap::RecapCache,
    /// The company's identity provider, when single sign-on is on.
    pub oidc: Option<Arc<crate::oidc::Provider>>,
    /// Report renders (PNG, PDF) run at most one per core: they are CPU-bound, so more at
    /// once finish no sooner, and each holds tens of megabytes while it runs.
    pub render_slots: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// Builds the shared state.
    pub fn new(
        pool: DbPool,
        settings: Arc<Settings>,
        templates: Arc<TemplateSet>,
        mailer: Mailer,
    ) -> Self {
        let oidc = identity_provider(&settings);
        AppState {
            pool,
            settings,
            templates,
            parsed_templates: Arc::default(),
            recent_links: Arc::default(),
            hourly_counts: Arc::default(),
            mailer,
            recaps: Default::default(),
            oidc,
            render_slots: Arc::new(tokio::sync::Semaphore::new(render_slots())),
        }
    }

    /// The survey's caches.
    pub fn survey_caches(&self) -> Caches<'_> {
        Caches {
            templates: &self.parsed_templates,
            links: &self.recent_links,
        }
    }
}

/// One render slot per core the process may use.
fn render_slots() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The configured identity provider. Settings were checked when they loaded, so this fails
/// only on a callback URL the OIDC library refuses; sign-on then stays off, said in the log.
fn identity_provider(settings: &Settings) -> Option<Arc<crate::oidc::Provider>> {
    match crate::oidc::Provider::new(&settings.oidc, &settings.server.public_url) {
        Ok(p) => p.map(Arc::new),
        Err(e) => {
            tracing::error!(error = %e, "single sign-on is off: the provider settings are unusable");
            None
        }
    }
}
