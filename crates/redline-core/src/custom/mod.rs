//! `[[custom]]` rules: house rules written in `redline.toml`, without Rust.
//!
//! Each table is checked and compiled once per configuration: literals
//! into one Aho-Corasick automaton, regexes once each. The compiled rule is
//! shared by every thread; its examples are linted at load.

mod docs;
mod examples;
mod matcher;
mod patterns;
mod raw;
mod rule;
mod spec;
mod template;

use self::raw::{NoOptions, RawCustom};
use self::rule::{Invalid, Shared};
use crate::config::ConfigProblem;
use crate::{RegisteredRule, RuleMeta, Severity, Span, intern};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::Arc;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// Compiles every `[[custom]]` table of a config into a rule, with the
/// span of its `id` for errors about the id; problems go to `problems`.
pub(crate) fn rules_from_config(
    root: &DeTable<'_>,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<(RegisteredRule, Span)> {
    let mut rules = Vec::new();
    let Some(custom) = root.get("custom") else {
        return rules;
    };
    let DeValue::Array(tables) = custom.get_ref() else {
        problems.push(spec::problem(
            custom.span().into(),
            "`custom` must be an array of tables".to_owned(),
            Some("write each rule under its own `[[custom]]` header, with two brackets".to_owned()),
        ));
        return rules;
    };
    let mut defined = BTreeSet::new();
    for table in tables.iter() {
        let header: Span = table.span().into();
        let DeValue::Table(keys) = table.get_ref() else {
            problems.push(spec::problem(
                header,
                "each `custom` entry must be a table".to_owned(),
                Some("write each rule under its own `[[custom]]` header".to_owned()),
            ));
            continue;
        };
        let raw = match RawCustom::deserialize(ValueDeserializer::from(table.clone())) {
            Ok(raw) => raw,
            Err(error) => {
                problems.push(ConfigProblem {
                    span: error.span().map(Span::from).or(Some(header)),
                    message: error.message().trim_end().to_owned(),
                    help: None,
                });
                if let Some(id) = keys.get("id")
                    && let Some(name) = id.get_ref().as_str()
                    && crate::is_rule_id(name)
                    && defined.insert(name.to_owned())
                {
                    rules.push((invalid(placeholder_meta(name)), id.span().into()));
                }
                continue;
            }
        };
        let id = raw.id.get_ref().clone();
        let id_span: Span = raw.id.span().into();
        if !defined.insert(id.clone()) {
            problems.push(spec::problem(
                id_span,
                format!("custom rule `{id}` is defined twice"),
                Some("give each `[[custom]]` rule its own id".to_owned()),
            ));
            continue;
        }
        match spec::compile(raw, keys, header) {
            Ok(compiled) => {
                let before = problems.len();
                examples::verify(&compiled.rule, &compiled.examples, problems);
                let rule = Arc::new(compiled.rule);
                if problems.len() == before {
                    rules.push((shared(rule), id_span));
                } else {
                    rules.push((invalid(rule.meta), id_span));
                }
            }
            Err(found) => {
                problems.extend(found);
                if crate::is_rule_id(&id) {
                    rules.push((invalid(placeholder_meta(&id)), id_span));
                }
            }
        }
    }
    rules
}

fn shared(rule: Arc<rule::CustomRule>) -> RegisteredRule {
    RegisteredRule::new(rule.meta, move |options| {
        options.deserialize::<NoOptions>()?;
        Ok(Box::new(Shared(Arc::clone(&rule))))
    })
}

fn invalid(meta: RuleMeta) -> RegisteredRule {
    RegisteredRule::new(meta, move |_| Ok(Box::new(Invalid(meta))))
}

/// Metadata for a table too broken to describe.
fn placeholder_meta(id: &str) -> RuleMeta {
    RuleMeta {
        id: intern(id),
        family: "custom",
        default_severity: Severity::Warning,
        recommended: true,
        fixable: false,
        summary: "an invalid custom rule",
        docs: "",
    }
}

#[cfg(test)]
mod tests;
