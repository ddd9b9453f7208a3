//! The typed, validated survey template.
//!
//! Fields are private and only the loader builds these types, so every `Template` the rest of
//! the service sees has passed every rule: translations complete, roles on the right kinds,
//! unique question keys. Scoring and the survey page rely on that instead of re-checking.

use crate::domain::audience::Audience;
use crate::domain::department::Department;
use crate::domain::locale::Locale;
use crate::domain::question::{QuestionKind, Role};

/// A text in every supported locale (none missing, none blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    /// One text per locale, in the order of [`Locale::ALL`].
    pub(crate) texts: Vec<String>,
}

impl Localized {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        self.texts
            .get(locale.index())
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// The end labels of a numeric scale, e.g. "Strongly disagree" … "Strongly agree".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    pub(crate) key: String,
    pub(crate) kind: QuestionKind,
    pub(crate) low: Localized,
    pub(crate) high: Localized,
}

impl Scale {
    /// The scale's name in the template (`[scales.<key>]`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The question kind the scale belongs to (likert5 or nps11).
    pub fn kind(&self) -> QuestionKind {
        self.kind
    }

    /// The label of the lowest value (1 on likert5, 0 on nps11).
    pub fn low(&self) -> &Localized {
        &self.low
    }

    /// The label of the highest value (5 on likert5, 10 on nps11).
    pub fn high(&self) -> &Localized {
        &self.high
    }
}

/// One question of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub(crate) key: String,
    pub(crate) kind: QuestionKind,
    pub(crate) role: Option<Role>,
    pub(crate) required: bool,
    pub(crate) allow_na: bool,
    pub(crate) text: Localized,
    pub(crate) short: Option<Localized>,
    pub(crate) scale: Option<Scale>,
    pub(crate) options: Vec<Localized>,
    pub(crate) section_key: String,
    pub(crate) department: Option<Department>,
}

impl Question {
    /// The key answers are stored under; unique within the template.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// How the question is answered.
    pub fn kind(&self) -> QuestionKind {
        self.kind
    }

    /// The part the question plays in scoring, if any.
    pub fn role(&self) -> Option<Role> {
        self.role
    }

    /// Whether the respondent must answer (N/A counts as an answer where allowed).
    pub fn required(&self) -> bool {
        self.required
    }

    /// Whether "N/A" is offered; N/A answers are excluded from n.
    pub fn allow_na(&self) -> bool {
        self.allow_na
    }

    /// The question text.
    pub fn text(&self) -> &Localized {
        &self.text
    }

    /// A few words naming the question for charts and the board report; the full text when
    /// the template gives none.
    pub fn short(&self) -> &Localized {
        self.short.as_ref().unwrap_or(&self.text)
    }

    /// The end labels, present exactly for likert5 and nps11 questions.
    pub fn scale(&self) -> Option<&Scale> {
        self.scale.as_ref()
    }

    /// The options of a choice question (answers store the 0-based index); empty otherwise.
    pub fn options(&self) -> &[Localized] {
        &self.options
    }

    /// The key of the section the question belongs to.
    pub fn section_key(&self) -> &str {
        &self.section_key
    }

    /// The department whose respondents see the question, or `None` if everybody does.
    pub fn department(&self) -> Option<Department> {
        self.department
    }

    /// The inclusive range of valid numeric answers, or `None` for free text.
    pub fn value_range(&self) -> Option<(i32, i32)> {
        match self.kind {
            QuestionKind::Choice => {
                // Options are at least two and few, so the cast cannot truncate in practice.
                let last = i32::try_from(self.options.len().saturating_sub(1)).unwrap_or(i32::MAX);
                Some((0, last))
            }
            other => other.numeric_range(),
        }
    }
}

/// A titled group of questions, optionally shown to one department only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub(crate) key: String,
    pub(crate) department: Option<Department>,
    pub(crate) title: Localized,
    pub(crate) questions: Vec<Question>,
}

impl Section {
    /// The section's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The department whose respondents see the section, or `None` if everybody does.
    pub fn department(&self) -> Option<Department> {
        self.department
    }

    /// The section title.
    pub fn title(&self) -> &Localized {
        &self.title
    }

    /// The questions, in template order (never empty).
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
}

/// A validated survey template, with the text it was parsed from and that text's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub(crate) file_name: String,
    pub(crate) key_line: usize,
    pub(crate) key: String,
    pub(crate) version: u32,
    pub(crate) audience: Audience,
    pub(crate) title: Localized,
    pub(crate) intro: Localized,
    pub(crate) sections: Vec<Section>,
    pub(crate) content_hash: String,
    pub(crate) source: String,
}

impl Template {
    /// The template key, e.g. `internal-csat`; unique within a set.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The author's version number; rounds of different versions are "not comparable".
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Who the survey is sent to.
    pub fn audience(&self) -> Audience {
        self.audience
    }

    /// The survey title.
    pub fn title(&self) -> &Localized {
        &self.title
    }

    /// The text shown above the first question.
    pub fn intro(&self) -> &Localized {
        &self.intro
    }

    /// SHA-256 of the file bytes, lowercase hex; stored with each round.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// The exact text the template was parsed from; a round stores it and re-parses it later.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The file name the template was loaded under (used in error messages).
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// All sections, in template order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Every question of every section, in template order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The sections a respondent of `department` sees: every section without a department,
    /// plus that department's own. `None` (e.g. a board member) sees only the former.
    pub fn sections_for(&self, department: Option<Department>) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(move |s| s.department.is_none() || s.department == department)
    }

    /// The questions a respondent of `department` sees, in template order.
    pub fn questions_for(&self, department: Option<Department>) -> impl Iterator<Item = &Question> {
        self.sections_for(department)
            .flat_map(|s| s.questions.iter())
    }

    /// The question with `key`, if any.
    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    /// The questions that feed `role`, in template order.
    pub fn questions_with_role(&self, role: Role) -> impl Iterator<Item = &Question> {
        self.questions().filter(move |q| q.role == Some(role))
    }
}
