//! Survey templates: the TOML format, a strict loader and the shipped surveys.
//!
//! The format is documented in `survey-templates/README.md`. The core ([`parse_template`],
//! [`TemplateSet::from_sources`]) is pure: it takes file names and texts and never touches the
//! file system, so a round can re-parse the text it stored at launch. [`load_dir`] and
//! [`load_files`] are thin `std::fs` wrappers for the CLI and the settings override.

mod error;
mod fields;
mod loader;
mod model;
mod sections;
mod set;

pub use error::{LoadDirError, TemplateError, TemplateErrorKind, TemplateErrors};
pub use loader::{parse_template, sha256_hex};
pub use model::{Localized, Question, Scale, Section, Template};
pub use set::{load_dir, load_files, TemplateSet, SHIPPED};

#[cfg(test)]
mod tests;
