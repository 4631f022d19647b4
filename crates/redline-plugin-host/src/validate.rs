//! What a plugin says is checked before Redline believes it.

use redline_core::{Applicability, Edit, Finding, Fix, Label, RuleContext, Span, is_rule_id};
use redline_plugin_api::wire::{self, PluginMetadata};
use std::collections::HashSet;

/// Checks names, ids and their uniqueness.
pub fn metadata(metadata: &PluginMetadata) -> Result<(), String> {
    if !is_rule_id(&metadata.name) {
        return Err(format!(
            "the plugin's name `{}` is not kebab-case (like `my-rules`)",
            metadata.name
        ));
    }
    if metadata.rules.is_empty() {
        return Err(format!("plugin `{}` declares no rules", metadata.name));
    }
    let mut seen = HashSet::new();
    for rule in &metadata.rules {
        if !is_rule_id(&rule.id) {
            return Err(format!(
                "plugin `{}` declares rule id `{}`, which is not kebab-case",
                metadata.name, rule.id
            ));
        }
        if !seen.insert(rule.id.as_str()) {
            return Err(format!(
                "plugin `{}` declares rule `{}` twice",
                metadata.name, rule.id
            ));
        }
    }
    Ok(())
}

/// Turns a `check` reply into findings of `rule` (the plugin-local id),
/// rejecting the whole reply at the first thing that does not hold: JSON
/// shape, rule ids, spans inside `text` and on character boundaries.
pub fn findings(
    bytes: &[u8],
    plugin: &PluginMetadata,
    rule: &str,
    text: &str,
    context: &RuleContext<'_>,
) -> Result<Vec<Finding>, String> {
    let found: Vec<wire::Finding> = serde_json::from_slice(bytes).map_err(|error| {
        format!(
            "plugin `{}` returned invalid findings JSON: {error}",
            plugin.name
        )
    })?;
    found
        .into_iter()
        .map(|finding| convert(finding, plugin, rule, text, context))
        .collect()
}

fn convert(
    finding: wire::Finding,
    plugin: &PluginMetadata,
    rule: &str,
    text: &str,
    context: &RuleContext<'_>,
) -> Result<Finding, String> {
    if finding.rule != rule {
        return Err(
            if plugin
                .rules
                .iter()
                .any(|declared| declared.id == finding.rule)
            {
                format!(
                    "plugin `{}` returned a finding of rule `{}` when asked to run `{rule}`",
                    plugin.name, finding.rule
                )
            } else {
                format!(
                    "plugin `{}` returned a finding of rule `{}`, which it does not declare",
                    plugin.name, finding.rule
                )
            },
        );
    }
    let span_in = |span: wire::Span, what: &str| -> Result<Span, String> {
        check_span(span, text).map_err(|problem| {
            format!(
                "plugin `{}` returned a {what} at bytes {}..{}, {problem}",
                plugin.name, span.start, span.end
            )
        })
    };
    let span = span_in(finding.span, "finding")?;
    let mut converted = if finding.tentative {
        context.tentative_finding(span, finding.message)
    } else {
        context.finding(span, finding.message)
    };
    for label in finding.labels {
        converted.labels.push(Label {
            span: span_in(label.span, "label")?,
            message: label.message,
        });
    }
    converted.help = finding.help;
    if let Some(fix) = finding.fix {
        let edits = fix
            .edits
            .into_iter()
            .map(|edit| {
                Ok(Edit::replace(
                    span_in(edit.span, "fix edit")?,
                    edit.replacement,
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let fix = Fix::new(
            match fix.applicability {
                wire::Applicability::Safe => Applicability::Safe,
                wire::Applicability::Unsafe => Applicability::Unsafe,
            },
            edits,
        );
        if fix.edits.windows(2).any(|pair| pair[0].end > pair[1].start) {
            return Err(format!(
                "plugin `{}` returned a fix whose edits overlap",
                plugin.name
            ));
        }
        converted.fix = Some(fix);
    }
    Ok(converted)
}

fn check_span(span: wire::Span, text: &str) -> Result<Span, String> {
    if span.start > span.end {
        return Err("which ends before it starts".to_owned());
    }
    if span.end > text.len() {
        return Err(format!("but the text is {} bytes long", text.len()));
    }
    for offset in [span.start, span.end] {
        if !text.is_char_boundary(offset) {
            return Err(format!("but byte {offset} is inside a character"));
        }
    }
    Ok(Span::new(span.start, span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use redline_core::Severity;
    use redline_plugin_api::wire::RuleMetadata;

    fn plugin() -> PluginMetadata {
        let rule = |id: &str| RuleMetadata {
            id: id.to_owned(),
            summary: String::new(),
            docs: String::new(),
            default_severity: wire::Severity::Warning,
            fixable: false,
            options_schema: serde_json::Value::Null,
        };
        PluginMetadata {
            name: "demo".to_owned(),
            version: "1.0.0".to_owned(),
            rules: vec![rule("one"), rule("two")],
        }
    }

    fn run(json: &str, text: &str) -> Result<Vec<Finding>, String> {
        let context = RuleContext {
            rule_id: "demo/one",
            severity: Severity::Error,
        };
        findings(json.as_bytes(), &plugin(), "one", text, &context)
    }

    #[test]
    fn good_findings_become_core_findings_of_the_namespaced_rule() {
        let found = run(
            r#"[{"rule":"one","span":{"start":0,"end":3},"message":"m","help":"h",
                 "labels":[{"span":{"start":3,"end":6},"message":"here"}],
                 "fix":{"applicability":"safe","edits":[{"span":{"start":0,"end":3},"replacement":"x"}]}},
                {"rule":"one","span":{"start":3,"end":3},"message":"guess","tentative":true}]"#,
            "年度总结",
        )
        .unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].rule, "demo/one");
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].span, Span::new(0, 3));
        assert_eq!(found[0].help.as_deref(), Some("h"));
        assert_eq!(found[0].labels[0].span, Span::new(3, 6));
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(fix.applicability, Applicability::Safe);
        assert_eq!(fix.edits, vec![Edit::replace(Span::new(0, 3), "x")]);
        assert_eq!(found[1].severity, Severity::Warning);
    }

    #[test]
    fn bad_replies_are_refused_with_the_reason() {
        let cases = [
            (
                "not json",
                "plugin `demo` returned invalid findings JSON: expected ident at line 1 column 2",
            ),
            (
                r#"[{"rule":"one","span":{"start":0,"end":99},"message":"m"}]"#,
                "plugin `demo` returned a finding at bytes 0..99, but the text is 12 bytes long",
            ),
            (
                r#"[{"rule":"one","span":{"start":1,"end":3},"message":"m"}]"#,
                "plugin `demo` returned a finding at bytes 1..3, but byte 1 is inside a character",
            ),
            (
                r#"[{"rule":"one","span":{"start":3,"end":0},"message":"m"}]"#,
                "plugin `demo` returned a finding at bytes 3..0, which ends before it starts",
            ),
            (
                r#"[{"rule":"one","span":{"start":0,"end":3},"message":"m","labels":[{"span":{"start":0,"end":13},"message":"l"}]}]"#,
                "plugin `demo` returned a label at bytes 0..13, but the text is 12 bytes long",
            ),
            (
                r#"[{"rule":"three","span":{"start":0,"end":3},"message":"m"}]"#,
                "plugin `demo` returned a finding of rule `three`, which it does not declare",
            ),
            (
                r#"[{"rule":"two","span":{"start":0,"end":3},"message":"m"}]"#,
                "plugin `demo` returned a finding of rule `two` when asked to run `one`",
            ),
            (
                r#"[{"rule":"one","span":{"start":0,"end":6},"message":"m","fix":{"edits":[
                    {"span":{"start":0,"end":6},"replacement":""},{"span":{"start":3,"end":6},"replacement":""}]}}]"#,
                "plugin `demo` returned a fix whose edits overlap",
            ),
        ];
        for (json, expected) in cases {
            assert_eq!(run(json, "年度总结"), Err(expected.to_owned()), "{json}");
        }
    }

    #[test]
    fn names_must_be_rule_ids_and_rules_unique() {
        let mut shouting = plugin();
        shouting.name = "My_Rules".to_owned();
        assert_eq!(
            metadata(&shouting),
            Err("the plugin's name `My_Rules` is not kebab-case (like `my-rules`)".to_owned())
        );
        let mut twice = plugin();
        twice.rules[1].id = "one".to_owned();
        assert_eq!(
            metadata(&twice),
            Err("plugin `demo` declares rule `one` twice".to_owned())
        );
        let mut none = plugin();
        none.rules.clear();
        assert_eq!(
            metadata(&none),
            Err("plugin `demo` declares no rules".to_owned())
        );
    }
}
