//! Reads a Fluent resource's messages and the variables each one uses.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Every message of `resource` (id, variables it uses), terms and comments left out.
pub(super) fn messages(resource: &FluentResource) -> Vec<(String, BTreeSet<String>)> {
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern(&a.value, &mut vars);
                }
                Some((m.id.name.to_string(), vars))
            }
            _ => None,
        })
        .collect()
}

fn pattern(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, vars);
        }
    }
}

fn expr(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline(i, vars),
        Expression::Select { selector, variants } => {
            inline(selector, vars);
            for v in variants {
                pattern(&v.value, vars);
            }
        }
    }
}

fn inline(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline(a, vars);
            }
            for a in &arguments.named {
                inline(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expr(expression, vars),
        _ => {}
    }
}
