//! Templates stored in rounds, parsed once per content hash and process: a form page or a
//! submission would otherwise parse several kB of template text on every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::domain::template::Template;

/// The parsed templates, by content hash (a handful per install: one per template version).
#[derive(Default)]
pub struct ParsedTemplates {
    parsed: Mutex<HashMap<String, Arc<Template>>>,
}

impl ParsedTemplates {
    /// The parsed template for a content hash, if parsed already.
    pub fn get(&self, hash: &str) -> Option<Arc<Template>> {
        self.parsed.lock().ok().and_then(|m| m.get(hash).cloned())
    }

    /// Keeps a parsed template under its content hash and returns it.
    pub fn insert(&self, hash: &str, template: Template) -> Arc<Template> {
        let t = Arc::new(template);
        if let Ok(mut m) = self.parsed.lock() {
            m.insert(hash.to_string(), t.clone());
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_kept_by_its_hash() {
        let cache = ParsedTemplates::default();
        assert!(cache.get("h1").is_none());
        let set = crate::domain::template::TemplateSet::shipped().unwrap();
        let t = set.templates()[0].clone();
        let kept = cache.insert("h1", t);
        assert!(Arc::ptr_eq(&kept, &cache.get("h1").unwrap()));
        assert!(cache.get("h2").is_none());
    }
}
