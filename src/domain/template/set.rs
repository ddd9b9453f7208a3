//! A set of templates with unique keys: the shipped ones, or a folder that overrides them.

use std::path::Path;

use super::error::{LoadDirError, TemplateError, TemplateErrorKind, TemplateErrors};
use super::loader::parse_template;
use super::model::Template;
use crate::domain::audience::Audience;

/// The shipped templates, embedded so the binary runs from any directory: (file name, text).
pub const SHIPPED: [(&str, &str); 3] = [
    (
        "internal-csat.toml",
        include_str!("../../../survey-templates/internal-csat.toml"),
    ),
    (
        "engineering-culture.toml",
        include_str!("../../../survey-templates/engineering-culture.toml"),
    ),
    (
        "tech-strategy-alignment.toml",
        include_str!("../../../survey-templates/tech-strategy-alignment.toml"),
    ),
];

/// Validated templates whose keys are unique, in the order they were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSet {
    templates: Vec<Template>,
}

impl TemplateSet {
    /// Parses every `(file name, text)` pair and checks keys are unique across files.
    /// Reports the errors of all files together.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, TemplateErrors> {
        let mut templates: Vec<Template> = Vec::new();
        let mut errors: Vec<TemplateError> = Vec::new();
        for (name, text) in sources {
            match parse_template(name, text) {
                Ok(t) => {
                    if let Some(other) = templates.iter().find(|o| o.key() == t.key()) {
                        errors.push(TemplateError::new(
                            t.file_name(),
                            t.key_line,
                            "key",
                            TemplateErrorKind::DuplicateTemplateKey {
                                other_file: other.file_name().to_string(),
                                other_line: other.key_line,
                            },
                        ));
                    } else {
                        templates.push(t);
                    }
                }
                Err(e) => errors.extend(e.errors().iter().cloned()),
            }
        }
        if errors.is_empty() {
            Ok(TemplateSet { templates })
        } else {
            Err(TemplateErrors::new(errors))
        }
    }

    /// The templates shipped with ctopulse.
    pub fn shipped() -> Result<Self, TemplateErrors> {
        Self::from_sources(SHIPPED)
    }

    /// The template with `key`, if any.
    pub fn get(&self, key: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.key() == key)
    }

    /// All templates, in load order.
    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    /// The templates for one audience.
    pub fn for_audience(&self, audience: Audience) -> impl Iterator<Item = &Template> {
        self.templates
            .iter()
            .filter(move |t| t.audience() == audience)
    }
}

/// Loads every `*.toml` file of `dir` (sorted by name, so errors come out in a stable order).
/// Error messages name each file by its path under `dir` as given.
pub fn load_dir(dir: &Path) -> Result<TemplateSet, LoadDirError> {
    let io = |path: &Path, source| LoadDirError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        if path.extension().is_some_and(|x| x == "toml") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    load_files(&paths)
}

/// Loads the given template files as one set.
pub fn load_files<P: AsRef<Path>>(paths: &[P]) -> Result<TemplateSet, LoadDirError> {
    let mut files = Vec::with_capacity(paths.len());
    for p in paths {
        let p = p.as_ref();
        let text = std::fs::read_to_string(p).map_err(|source| LoadDirError::Io {
            path: p.display().to_string(),
            source,
        })?;
        files.push((p.display().to_string(), text));
    }
    TemplateSet::from_sources(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(LoadDirError::Invalid)
}
