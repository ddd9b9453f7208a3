//! What can be wrong with a survey template, located by file, line and key.

use std::fmt;

use crate::domain::audience::Audience;
use crate::domain::locale::Locale;
use crate::domain::question::{QuestionKind, Role};

/// One problem in one template file.
///
/// The `key` is a path such as `sections[sales].questions[joins_meetings].role`: sections and
/// questions are named by their own `key` when it is readable (`sections[#2]`, 1-based, when it
/// is not), so the author can find the spot even if the line has moved since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    file: String,
    line: usize,
    key: String,
    kind: TemplateErrorKind,
}

impl TemplateError {
    /// Builds an error; only the loader does this.
    pub(crate) fn new(
        file: impl Into<String>,
        line: usize,
        key: impl Into<String>,
        kind: TemplateErrorKind,
    ) -> Self {
        TemplateError {
            file: file.into(),
            line,
            key: key.into(),
            kind,
        }
    }

    /// The file name the template was loaded under.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line the problem is on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The path of the offending key (see the type's documentation).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// What is wrong.
    pub fn kind(&self) -> &TemplateErrorKind {
        &self.kind
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}:{}: {}", self.file, self.line, self.kind)
        } else {
            write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.key, self.kind
            )
        }
    }
}

impl std::error::Error for TemplateError {}

/// The kinds of template problems, so tests and callers can match on them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateErrorKind {
    /// The file is not valid TOML.
    #[error("malformed TOML: {0}")]
    Syntax(String),
    /// A key the format does not define (usually a typo).
    #[error("unknown key (allowed here: {allowed})")]
    UnknownKey {
        /// The keys allowed at this level, comma-separated.
        allowed: String,
    },
    /// A required key is absent.
    #[error("missing required key")]
    Missing,
    /// A value has the wrong TOML type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the format expects.
        expected: &'static str,
        /// The TOML type found.
        found: &'static str,
    },
    /// A translation is absent or blank.
    #[error("missing or empty translation for {0}")]
    MissingTranslation(Locale),
    /// A template, section, scale or question key is not a usable identifier.
    #[error("invalid key {0:?} (use lowercase letters, digits, '_' or '-', starting with a letter, at most 64 characters)")]
    InvalidIdentifier(String),
    /// The version is not a positive integer.
    #[error("version must be a whole number from 1 to 4294967295, found {0}")]
    InvalidVersion(String),
    /// The audience is not one of the three.
    #[error("unknown audience {0:?} (expected internal-csat, engineering-culture or tech-strategy-alignment)")]
    UnknownAudience(String),
    /// The question kind does not exist.
    #[error("unknown question kind {0:?} (expected likert5, nps11, choice or text)")]
    UnknownKind(String),
    /// The scoring role does not exist.
    #[error("unknown scoring role {0:?} (expected csat_overall, productivity, happiness, enps or alignment; leave `role` out for none)")]
    UnknownRole(String),
    /// The department does not exist (`board` is an audience group, not a department).
    #[error("unknown department {0:?} (expected sales, bd, marketing, engineering or ceo)")]
    UnknownDepartment(String),
    /// A question refers to a scale that `[scales]` does not define.
    #[error("unknown scale {name:?} (defined: {defined}; add [scales.{name}] to define it)")]
    UnknownScale {
        /// The name used.
        name: String,
        /// The scales the template defines, comma-separated.
        defined: String,
    },
    /// A scale's own kind is not a scale kind.
    #[error("a scale's kind must be likert5 or nps11, not {0}")]
    NotAScaleKind(QuestionKind),
    /// A scoring role on a question kind that scoring cannot use.
    #[error("role {role} needs a {} question, not {kind}", role.required_kind())]
    RoleKindMismatch {
        /// The role given.
        role: Role,
        /// The question's kind.
        kind: QuestionKind,
    },
    /// A scoring role that no measure of this audience uses.
    #[error("role {role} is not scored for audience {audience}")]
    RoleNotForAudience {
        /// The role given.
        role: Role,
        /// The template's audience.
        audience: Audience,
    },
    /// A role that must appear in every template of the audience is absent.
    #[error("a {audience} template needs a question with role {role}")]
    MissingRole {
        /// The absent role.
        role: Role,
        /// The template's audience.
        audience: Audience,
    },
    /// A role that may appear only once appears again.
    #[error("role {role} may appear only once (first on line {first_line})")]
    DuplicateRole {
        /// The repeated role.
        role: Role,
        /// Where it first appears.
        first_line: usize,
    },
    /// The overall-satisfaction item must be answered by every respondent.
    #[error("the {0} question must be required")]
    RoleMustBeRequired(Role),
    /// The overall-satisfaction item sits in a department section, so other departments never see it.
    #[error("the {0} question must be in a section without a department, so everybody sees it")]
    RoleInDepartmentSection(Role),
    /// N/A makes no sense on this question.
    #[error("allow_na is not allowed here: {0}")]
    NaNotAllowed(&'static str),
    /// Two questions of the template share a key (answers are stored by key).
    #[error("duplicate question key (first used on line {first_line})")]
    DuplicateQuestionKey {
        /// Where the key is first used.
        first_line: usize,
    },
    /// Two sections share a key.
    #[error("duplicate section key (first used on line {first_line})")]
    DuplicateSectionKey {
        /// Where the key is first used.
        first_line: usize,
    },
    /// Two sections are tied to the same department.
    #[error("a second section for this department (first on line {first_line})")]
    DuplicateDepartmentSection {
        /// Where the first section for the department is.
        first_line: usize,
    },
    /// Department sections only mean something in internal CSAT.
    #[error("department sections are only allowed in internal-csat templates, not {0}")]
    DepartmentSectionOutsideCsat(Audience),
    /// The template has no sections.
    #[error("a template needs at least one [[sections]]")]
    NoSections,
    /// A section has no questions.
    #[error("section has no questions")]
    EmptySection,
    /// A choice question with fewer than two options.
    #[error("a choice question needs at least two options")]
    ChoiceNeedsOptions,
    /// Options on a question that is not a choice.
    #[error("options are only allowed on choice questions, not {0}")]
    OptionsOnNonChoice(QuestionKind),
    /// A likert5 or nps11 question without end labels.
    #[error("a {0} question needs end labels: set `scale` to a scale defined under [scales]")]
    MissingEndLabels(QuestionKind),
    /// A scale on a question that has no numeric scale.
    #[error("a {0} question has no scale; remove `scale`")]
    ScaleOnNonScaleKind(QuestionKind),
    /// The scale is for another question kind.
    #[error("scale {scale:?} is for {scale_kind} questions, not {kind}")]
    ScaleKindMismatch {
        /// The scale named.
        scale: String,
        /// The kind the scale is for.
        scale_kind: QuestionKind,
        /// The question's kind.
        kind: QuestionKind,
    },
    /// Two files define the same template key.
    #[error("template key already used in {other_file} (line {other_line})")]
    DuplicateTemplateKey {
        /// The file that used the key first.
        other_file: String,
        /// The line of `key` in that file.
        other_line: usize,
    },
    /// A safety net: the loader found nothing specific but could not build the template.
    #[error("template is incomplete")]
    Incomplete,
}

/// Every problem found in one or more template files, in file and line order.
///
/// The loader never stops at the first problem, so an author can fix a file in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateErrors {
    errors: Vec<TemplateError>,
}

impl TemplateErrors {
    /// Wraps a list of errors, sorted so output is stable and reads top to bottom.
    pub(crate) fn new(mut errors: Vec<TemplateError>) -> Self {
        errors.sort_by(|a, b| (&a.file, a.line, &a.key).cmp(&(&b.file, b.line, &b.key)));
        TemplateErrors { errors }
    }

    /// The individual errors.
    pub fn errors(&self) -> &[TemplateError] {
        &self.errors
    }

    /// How many errors there are (never zero when returned by the loader).
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether the list is empty (the loader never returns an empty list).
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
}

impl fmt::Display for TemplateErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateErrors {}

/// Why a templates folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadDirError {
    /// A file or the folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that failed.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// One or more templates are invalid.
    #[error("{0}")]
    Invalid(TemplateErrors),
}
