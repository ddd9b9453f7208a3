//! The shipped stylesheets meet WCAG 2.1 AA contrast: text at least 4.5:1 (1.4.3); the edges
//! of controls, focus rings and status colours at least 3:1 (1.4.11). The colours are read from
//! `static/*.css` itself (custom properties resolved), so a fainter colour there fails here.

use std::collections::HashMap;

const APP_CSS: &str = include_str!("../../static/app.css");
const STAFF_CSS: &str = include_str!("../../static/staff.css");

const TEXT: f64 = 4.5;
const NON_TEXT: f64 = 3.0;

/// One rule: its selector list and declarations, `@media` blocks flattened.
struct Rule {
    selector: String,
    decls: Vec<(String, String)>,
}

/// An sRGB colour, 0–255 per channel.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rgb(u8, u8, u8);

impl Rgb {
    fn hex(s: &str) -> Option<Rgb> {
        let h = s.strip_prefix('#')?;
        let full: String = match h.len() {
            3 => h.chars().flat_map(|c| [c, c]).collect(),
            6 => h.to_string(),
            _ => return None,
        };
        let byte = |i: usize| u8::from_str_radix(full.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG 2.x relative luminance.
    fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }
}

/// WCAG 2.x contrast ratio, 1–21.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// The style rules of a stylesheet, in order. Only what our sheets use: rules, and `@media`
/// blocks whose rules count as if written at the top level.
fn rules(css: &str) -> Vec<Rule> {
    let css = strip_comments(css);
    let mut out = Vec::new();
    let mut prelude = String::new();
    let mut chars = css.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' if prelude.trim_start().starts_with('@') => prelude.clear(),
            '{' => {
                let body: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let decls = body
                    .split(';')
                    .filter_map(|d| d.split_once(':'))
                    .map(|(p, v)| (p.trim().to_ascii_lowercase(), v.trim().to_string()))
                    .collect();
                out.push(Rule {
                    selector: prelude.trim().to_string(),
                    decls,
                });
                prelude.clear();
            }
            '}' => prelude.clear(),
            _ => prelude.push(c),
        }
    }
    out
}

/// Custom properties declared on `:root`, the last declaration winning.
fn custom_properties(rules: &[Rule]) -> HashMap<String, String> {
    rules
        .iter()
        .filter(|r| r.selector == ":root")
        .flat_map(|r| r.decls.iter())
        .filter(|(p, _)| p.starts_with("--"))
        .map(|(p, v)| (p.clone(), v.clone()))
        .collect()
}

/// What a value names as colours: hex colours, `white`/`black`, and custom properties
/// (resolved). `Err` for a `var()` that is not declared.
fn colours(value: &str, props: &HashMap<String, String>) -> Result<Vec<Rgb>, String> {
    let mut out = Vec::new();
    for token in value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        if let Some(name) = token.strip_prefix("var(").map(|t| t.trim_end_matches(')')) {
            let v = props
                .get(name)
                .ok_or_else(|| format!("{name} is not declared on :root"))?;
            out.extend(colours(v, props)?);
        } else if let Some(c) = Rgb::hex(token) {
            out.push(c);
        } else if token.eq_ignore_ascii_case("white") {
            out.push(Rgb(255, 255, 255));
        } else if token.eq_ignore_ascii_case("black") {
            out.push(Rgb(0, 0, 0));
        }
    }
    Ok(out)
}

fn decl<'a>(rule: &'a Rule, names: &[&str]) -> Option<&'a str> {
    rule.decls
        .iter()
        .rev()
        .find(|(p, _)| names.contains(&p.as_str()))
        .map(|(_, v)| v.as_str())
}

/// A selector that styles something a person clicks or types in, or its focus ring.
fn is_control(selector: &str) -> bool {
    selector.split(',').any(|part| {
        let words: Vec<&str> = part
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == ':'))
            .collect();
        words.iter().any(|w| {
            let tag = w.split(['.', ':']).next().unwrap_or("");
            matches!(tag, "input" | "textarea" | "select" | "button")
                || w.contains(".opt")
                || w.contains(".button")
                || w.contains(":focus")
        })
    })
}

/// Every contrast shortfall of a stylesheet, in words; empty when it passes.
fn problems(css: &str) -> Vec<String> {
    let rules = rules(css);
    let props = custom_properties(&rules);
    let mut out = Vec::new();
    let mut read = |what: &str, value: &str| match colours(value, &props) {
        Ok(c) => c,
        Err(e) => {
            out.push(format!("{what}: {e}"));
            Vec::new()
        }
    };
    let page = read("--bg", props.get("--bg").map_or("#fff", String::as_str))
        .first()
        .copied()
        .unwrap_or(Rgb(255, 255, 255));
    let mut checks: Vec<(String, Rgb, Rgb, f64)> = Vec::new();

    // Status colours stand for a state (non-text).
    for (name, value) in &props {
        if name.starts_with("--status-") {
            for c in read(name, value) {
                checks.push((name.clone(), c, page, NON_TEXT));
            }
        }
    }
    // Text on its own background where the rule sets one, else on the page.
    let mut text_colours = Vec::new();
    for r in &rules {
        let back = decl(r, &["background", "background-color"])
            .map(|v| read(&r.selector, v))
            .and_then(|c| c.first().copied());
        let text_prop = if r.selector.ends_with(" text") {
            decl(r, &["fill"])
        } else {
            decl(r, &["color"])
        };
        if let Some(v) = text_prop {
            for c in read(&r.selector, v) {
                checks.push((
                    format!("{} text", r.selector),
                    c,
                    back.unwrap_or(page),
                    TEXT,
                ));
                if back.is_none() {
                    text_colours.push((r.selector.clone(), c));
                }
            }
        }
        if is_control(&r.selector) {
            for (p, v) in &r.decls {
                if p.starts_with("border") || p.starts_with("outline") {
                    for c in read(&r.selector, v) {
                        checks.push((format!("{} {p}", r.selector), c, page, NON_TEXT));
                    }
                }
            }
        }
    }
    // A tinted box with no colour of its own shows the page's text colours on its tint.
    for r in &rules {
        if decl(r, &["color"]).is_some() {
            continue;
        }
        let Some(v) = decl(r, &["background", "background-color"]) else {
            continue;
        };
        for back in read(&r.selector, v) {
            for (sel, c) in &text_colours {
                checks.push((format!("{sel} text inside {}", r.selector), *c, back, TEXT));
            }
        }
    }
    for (what, fg, bg, min) in checks {
        let ratio = contrast(fg, bg);
        if ratio < min {
            out.push(format!(
                "{what}: {fg:?} on {bg:?} is {ratio:.2}:1, below {min}:1"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_formula() {
        let white = Rgb(255, 255, 255);
        assert!((contrast(Rgb(0, 0, 0), white) - 21.0).abs() < 1e-9);
        // The audit's figures: the old control border 1.45:1, the old amber 2.25:1.
        let old_line = Rgb::hex("#d0d7de").unwrap();
        assert!((contrast(old_line, white) - 1.45).abs() < 0.005);
        let old_amber = Rgb::hex("#e69f00").unwrap();
        assert!((contrast(old_amber, white) - 2.25).abs() < 0.005);
        assert_eq!(Rgb::hex("#fff"), Some(white));
    }

    #[test]
    fn the_survey_stylesheet_meets_wcag_aa_contrast() {
        assert_eq!(problems(APP_CSS), Vec::<String>::new());
    }

    #[test]
    fn the_staff_stylesheet_meets_wcag_aa_contrast() {
        assert_eq!(problems(STAFF_CSS), Vec::<String>::new());
    }

    #[test]
    fn the_checks_see_what_they_must() {
        let rules = rules(APP_CSS);
        let props = custom_properties(&rules);
        assert!(props.contains_key("--control") && props.contains_key("--bg"));
        for sel in [".opt span:first-of-type", "textarea", ":focus-visible"] {
            let rule = rules.iter().find(|r| r.selector == sel).unwrap();
            assert!(is_control(&rule.selector), "{sel}");
        }
        let staff = custom_properties(&super::rules(STAFF_CSS));
        for status in ["green", "amber", "red", "none"] {
            assert!(
                staff.contains_key(&format!("--status-{status}")),
                "{status}"
            );
        }
        assert!(!is_control(".question"));
        assert!(!is_control(".card.amber"));
    }

    #[test]
    fn korean_on_the_survey_pages_breaks_between_words_only() {
        let rules = rules(APP_CSS);
        let ko = rules.iter().find(|r| r.selector == ":lang(ko)").unwrap();
        assert_eq!(decl(ko, &["word-break"]), Some("keep-all"));
    }

    #[test]
    fn a_faint_colour_in_the_stylesheet_fails() {
        let faint = APP_CSS.replace("--control: #818b95", "--control: #d0d7de");
        assert_ne!(faint, APP_CSS, "the survey sheet declares --control");
        let found = problems(&faint);
        assert!(
            found.iter().any(|p| p.starts_with("textarea border")),
            "{found:?}"
        );
        assert!(found.iter().any(|p| p.contains(".opt span")), "{found:?}");

        let amber = STAFF_CSS.replace("--status-amber: #bf8300", "--status-amber: #e69f00");
        assert_ne!(amber, STAFF_CSS, "the staff sheet declares --status-amber");
        assert!(problems(&amber)
            .iter()
            .any(|p| p.starts_with("--status-amber")));

        let muted = APP_CSS.replace("--muted: #57606a", "--muted: #9aa1a8");
        assert!(problems(&muted).iter().any(|p| p.contains(".note")));
    }
}
