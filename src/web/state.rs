//! What every request handler can reach: the pool, settings, templates, the mailer and the
//! in-memory survey-link cache. Lives in the web layer, which owns it; startup builds it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::config::Settings;
use crate::db::DbPool;
use crate::domain::template::{Template, TemplateSet};
use crate::mail::Mailer;
use crate::web;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    /// The current survey templates (for new rounds).
    pub templates: Arc<TemplateSet>,
    /// Templates stored in rounds, parsed once per content hash.
    parsed: Arc<Mutex<HashMap<String, Arc<Template>>>>,
    /// Survey links read a moment ago (see `web::survey::recent`).
    pub recent_links: Arc<web::survey::recent::RecentLinks>,
    pub mailer: Mailer,
}

impl AppState {
    /// Builds the shared state.
    pub fn new(
        pool: DbPool,
        settings: Arc<Settings>,
        templates: Arc<TemplateSet>,
        mailer: Mailer,
    ) -> Self {
        AppState {
            pool,
            settings,
            templates,
            parsed: Arc::default(),
            recent_links: Arc::default(),
            mailer,
        }
    }

    /// The parsed template for a content hash, parsing it with `parse` the first time.
    pub fn template_for(
        &self,
        hash: &str,
        parse: impl FnOnce() -> Option<Template>,
    ) -> Option<Arc<Template>> {
        if let Some(t) = self.parsed.lock().ok().and_then(|m| m.get(hash).cloned()) {
            return Some(t);
        }
        let t = Arc::new(parse()?);
        if let Ok(mut m) = self.parsed.lock() {
            m.insert(hash.to_string(), t.clone());
        }
        Some(t)
    }
}
