//! Rounds' stored templates, parsed once per process and kept by their exact text: a
//! scorecard reads up to 24 rounds, and parsing their TOML on every page was a tenth of the
//! dashboard's CPU at 100,000 people. Keyed by the text itself, not its stored hash, so a
//! template whose text changed is parsed (and refused) afresh.

use std::sync::{Arc, LazyLock};

use super::memo::Memo;
use crate::domain::template::{parse_template, Template, TemplateErrors};

/// A handful per install (one per template version); the bound only guards against growth.
const KEPT: usize = 64;

static PARSED: LazyLock<Memo<(String, String), Template>> = LazyLock::new(|| Memo::new(KEPT));

/// The template `text` (read from `file_name`), parsed now or earlier. Errors are not kept.
pub fn parsed(file_name: &str, text: &str) -> Result<Arc<Template>, TemplateErrors> {
    PARSED.get_or_try((file_name.to_string(), text.to_string()), || {
        parse_template(file_name, text).map(Arc::new)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_is_parsed_once_and_a_changed_text_afresh() {
        let set = crate::domain::template::SHIPPED;
        let (name, text) = set[0];
        let first = parsed(name, text).unwrap();
        assert!(Arc::ptr_eq(&first, &parsed(name, text).unwrap()));
        // One byte more and the text is another template (here, one that does not load).
        let broken = format!("{text}\n[[[");
        assert!(parsed(name, &broken).is_err());
        assert!(Arc::ptr_eq(&first, &parsed(name, text).unwrap()));
    }
}
