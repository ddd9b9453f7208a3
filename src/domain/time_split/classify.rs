//! Which of the article's categories an event belongs to, and the rule that said so.
//!
//! Precedence (first that matches wins; docs/methodology.md says the same):
//! 1. a per-event override by the CTO (applied when results are read, see `app::time_split`);
//! 2. a calendar-category rule (the CTO tagged the event in the calendar itself);
//! 3. an attendee-domain rule — the customer, partner and analyst/press lists. When an event
//!    has attendees from several lists, customers win over partners, partners over analysts
//!    and press, so a customer meeting a partner joined is sales;
//! 4. a title-keyword rule, in the order the rules are listed;
//! 5. otherwise unclassified — shown as such, never guessed.
//!
//! The company's own domains never match a domain rule, so listing one by mistake cannot
//! turn internal meetings external.

use super::expand::Occurrence;
use super::Category;

/// What a rule looks at.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A value of the event's CATEGORIES (case-insensitive, whole value).
    CalendarCategory,
    /// An attendee's or the organizer's email domain (the domain or any subdomain of it).
    Domain,
    /// A word or phrase in the title (case-insensitive, whole words).
    Keyword,
}

impl RuleKind {
    /// The stable key used in storage and the CLI.
    pub fn key(self) -> &'static str {
        match self {
            RuleKind::CalendarCategory => "calendar_category",
            RuleKind::Domain => "domain",
            RuleKind::Keyword => "keyword",
        }
    }

    /// Parses a key (`calendar_category`, `domain`, `keyword`).
    pub fn parse(s: &str) -> Option<RuleKind> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "calendar_category" | "category" => Some(RuleKind::CalendarCategory),
            "domain" => Some(RuleKind::Domain),
            "keyword" => Some(RuleKind::Keyword),
            _ => None,
        }
    }
}

/// One classification rule the CTO keeps.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Rule {
    /// What it looks at.
    pub kind: RuleKind,
    /// The category name, domain or keyword, lower case.
    pub pattern: String,
    /// The category it assigns.
    pub category: Category,
}

impl Rule {
    /// A rule with its pattern normalised (trimmed, lower case, no leading `@`).
    pub fn new(kind: RuleKind, pattern: &str, category: Category) -> Rule {
        let p = pattern.trim().to_lowercase();
        let p = match kind {
            RuleKind::Domain => p.trim_start_matches('@').to_string(),
            _ => p,
        };
        Rule {
            kind,
            pattern: p,
            category,
        }
    }

    /// The label stored with each event: `keyword:board`, `domain:acme.com`.
    pub fn label(&self) -> String {
        format!("{}:{}", self.kind.key(), self.pattern)
    }
}

/// The rules, in order, and the company's own domains.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// The company's own email domains.
    pub own_domains: Vec<String>,
    /// The CTO's rules, in the order they were listed.
    pub rules: Vec<Rule>,
}

/// A category with the rule that chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    /// The category.
    pub category: Category,
    /// The rule's label, or `none` when no rule matched.
    pub rule: String,
}

/// The rule label for "nothing matched".
pub const NO_RULE: &str = "none";

/// Title keywords shipped as a starting point; the CTO edits them.
pub fn default_rules() -> Vec<Rule> {
    use Category::*;
    let k = |p: &str, c| Rule::new(RuleKind::Keyword, p, c);
    vec![
        k("customer", Sales),
        k("prospect", Sales),
        k("sales", Sales),
        k("deal review", Sales),
        k("qbr", Sales),
        k("webinar", Marketing),
        k("keynote", Marketing),
        k("conference", Marketing),
        k("analyst", Marketing),
        k("press", Marketing),
        k("podcast", Marketing),
        k("partner", Bd),
        k("alliance", Bd),
        k("board", InternalExecutive),
        k("exec", InternalExecutive),
        k("leadership", InternalExecutive),
        k("ceo", InternalExecutive),
        k("standup", InternalEngineering),
        k("sprint", InternalEngineering),
        k("architecture", InternalEngineering),
        k("design review", InternalEngineering),
        k("roadmap", InternalEngineering),
        k("1:1", InternalEngineering),
        k("all hands", InternalEngineering),
        k("lunch", NotWork),
        k("dentist", NotWork),
        k("doctor", NotWork),
        k("vacation", NotWork),
        k("out of office", NotWork),
        k("ooo", NotWork),
    ]
}

/// Classifies one occurrence (overrides are applied later, by whoever holds them).
pub fn classify(o: &Occurrence, rules: &Rules) -> Classified {
    let by = |r: &Rule| Classified {
        category: r.category,
        rule: r.label(),
    };
    let of_kind = |kind: RuleKind| rules.rules.iter().filter(move |r| r.kind == kind);
    for r in of_kind(RuleKind::CalendarCategory) {
        if o.categories
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case(&r.pattern))
        {
            return by(r);
        }
    }
    let external: Vec<&String> = o
        .domains
        .iter()
        .filter(|d| !rules.own_domains.iter().any(|own| in_domain(d, own)))
        .collect();
    let best_domain = of_kind(RuleKind::Domain)
        .filter(|r| {
            !rules
                .own_domains
                .iter()
                .any(|own| in_domain(&r.pattern, own))
        })
        .filter(|r| external.iter().any(|d| in_domain(d, &r.pattern)))
        .min_by_key(|r| domain_priority(r.category));
    if let Some(r) = best_domain {
        return by(r);
    }
    let title = o.title.to_lowercase();
    for r in of_kind(RuleKind::Keyword) {
        if has_phrase(&title, &r.pattern) {
            return by(r);
        }
    }
    Classified {
        category: Category::Unclassified,
        rule: NO_RULE.to_string(),
    }
}

/// Customers before partners before analysts and press (the module doc says why).
fn domain_priority(c: Category) -> u8 {
    match c {
        Category::Sales => 0,
        Category::Bd => 1,
        Category::Marketing => 2,
        _ => 3,
    }
}

/// `sub.acme.com` is in `acme.com`; `notacme.com` is not.
fn in_domain(domain: &str, of: &str) -> bool {
    let of = of.trim().trim_start_matches('@').to_lowercase();
    !of.is_empty() && (domain == of || domain.ends_with(&format!(".{of}")))
}

/// `phrase` occurs in `text` between non-alphanumeric characters (or the ends).
fn has_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(phrase) {
        let s = from + i;
        let e = s + phrase.len();
        let before = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return true;
        }
        from = s + text[s..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn occ(title: &str, domains: &[&str], categories: &[&str]) -> Occurrence {
        Occurrence {
            key: "k".into(),
            start: Timestamp::UNIX_EPOCH,
            end: Timestamp::UNIX_EPOCH,
            all_day: false,
            title: title.into(),
            categories: categories.iter().map(|s| s.to_string()).collect(),
            domains: domains.iter().map(|s| s.to_string()).collect(),
            line: 1,
        }
    }

    fn rules() -> Rules {
        use Category::*;
        let mut rules = vec![
            Rule::new(RuleKind::Domain, "analyst-firm.com", Marketing),
            Rule::new(RuleKind::Domain, "partner.io", Bd),
            Rule::new(RuleKind::Domain, "@Acme.com", Sales),
            Rule::new(RuleKind::Domain, "ourco.com", Sales),
            Rule::new(RuleKind::CalendarCategory, "Evangelism", Marketing),
        ];
        rules.extend(default_rules());
        Rules {
            own_domains: vec!["ourco.com".into()],
            rules,
        }
    }

    #[test]
    fn a_calendar_category_beats_attendees_and_title() {
        let c = classify(&occ("Board prep", &["acme.com"], &["evangelism"]), &rules());
        assert_eq!(c.category, Category::Marketing);
        assert_eq!(c.rule, "calendar_category:evangelism");
    }

    #[test]
    fn customers_win_over_partners_and_analysts() {
        let c = classify(
            &occ(
                "Sync",
                &["analyst-firm.com", "eu.acme.com", "partner.io"],
                &[],
            ),
            &rules(),
        );
        assert_eq!(
            (c.category, c.rule.as_str()),
            (Category::Sales, "domain:acme.com")
        );
        let c = classify(
            &occ("Sync", &["analyst-firm.com", "partner.io"], &[]),
            &rules(),
        );
        assert_eq!(c.category, Category::Bd);
    }

    #[test]
    fn attendees_beat_the_title() {
        // "Lunch" is not-work by keyword, but lunch with a customer is customer time.
        let c = classify(&occ("Lunch", &["acme.com"], &[]), &rules());
        assert_eq!(c.category, Category::Sales);
    }

    #[test]
    fn own_domains_never_match_a_domain_rule() {
        let c = classify(&occ("Weekly sync", &["ourco.com"], &[]), &rules());
        assert_eq!(
            (c.category, c.rule.as_str()),
            (Category::Unclassified, NO_RULE)
        );
    }

    #[test]
    fn keywords_match_whole_words_only() {
        let c = classify(&occ("Exec staff", &[], &[]), &rules());
        assert_eq!(
            (c.category, c.rule.as_str()),
            (Category::InternalExecutive, "keyword:exec")
        );
        // "boarding" is not "board"; "notacme.com" is not "acme.com".
        let c = classify(&occ("Boarding pass check", &["notacme.com"], &[]), &rules());
        assert_eq!(c.category, Category::Unclassified);
        assert!(has_phrase("weekly 1:1 with kim", "1:1"));
        assert!(has_phrase("design review: api", "design review"));
    }
}
