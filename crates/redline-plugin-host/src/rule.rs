//! Plugin rules as core [`Rule`]s, so that selection, levels, overrides,
//! suppressions, caching and every output format treat them like the
//! built-in ones.

use crate::library::{Instance, LoadedPlugin};
use crate::validate;
use redline_core::{
    Document, Finding, OptionsError, RegisteredRule, Rule, RuleContext, RuleMeta, Severity,
    docs_from_markdown, intern,
};
use redline_plugin_api::abi::Status;
use redline_plugin_api::wire::{self, CreateRequest, RuleMetadata};
use std::sync::Arc;

/// One registry entry per rule the plugin declares, ids namespaced as
/// `plugin-name/rule-id`.
pub fn registered_rules(plugin: &Arc<LoadedPlugin>) -> Vec<RegisteredRule> {
    plugin
        .metadata
        .rules
        .iter()
        .map(|declared| {
            let meta = rule_meta(plugin.name(), declared);
            let plugin = plugin.clone();
            let local_id = declared.id.clone();
            RegisteredRule::new(meta, move |options| {
                let options = options.deserialize::<serde_json::Value>()?;
                let request = CreateRequest {
                    rule: local_id.clone(),
                    options,
                };
                let instance = plugin.create(&request).map_err(|reply| {
                    let what = if reply.status == Status::PANIC {
                        "panicked while building the rule"
                    } else {
                        "refused the options"
                    };
                    OptionsError::Invalid(format!(
                        "plugin `{}` {what}: {}",
                        plugin.name(),
                        reply.message()
                    ))
                })?;
                Ok(Box::new(PluginRule {
                    plugin: plugin.clone(),
                    meta,
                    local_id: local_id.clone(),
                    instance,
                }) as Box<dyn Rule>)
            })
        })
        .collect()
}

fn rule_meta(plugin: &str, declared: &RuleMetadata) -> RuleMeta {
    let mut docs = declared.docs.trim_end().to_owned();
    if !declared.options_schema.is_null() {
        let schema = serde_json::to_string_pretty(&declared.options_schema)
            .expect("a JSON value always serializes");
        docs.push_str(&format!("\n\n## Options\n\n```json\n{schema}\n```"));
    }
    RuleMeta {
        id: intern(&format!("{plugin}/{}", declared.id)),
        family: intern(plugin),
        default_severity: match declared.default_severity {
            wire::Severity::Error => Severity::Error,
            wire::Severity::Warning => Severity::Warning,
            wire::Severity::Info => Severity::Info,
        },
        // Listing a plugin is asking for its rules.
        recommended: true,
        fixable: declared.fixable,
        summary: intern(declared.summary.trim_end_matches('.')),
        docs: docs_from_markdown(&docs),
    }
}

/// A plugin rule built with one config's options.
struct PluginRule {
    plugin: Arc<LoadedPlugin>,
    meta: RuleMeta,
    local_id: String,
    instance: Instance,
}

impl Rule for PluginRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        self.try_check(document, context).unwrap_or_default()
    }

    fn try_check(
        &self,
        document: &Document<'_>,
        context: &RuleContext<'_>,
    ) -> Result<Vec<Finding>, String> {
        let name = self.plugin.name();
        if self.plugin.is_disabled() {
            return Err(format!(
                "plugin `{name}` was disabled after it panicked earlier in this run"
            ));
        }
        let path = document.path().to_string_lossy();
        let reply = self.plugin.check(&self.instance, &path, document.text());
        match reply.status {
            Status::OK => validate::findings(
                &reply.bytes,
                &self.plugin.metadata,
                &self.local_id,
                document.text(),
                context,
            ),
            Status::ERROR => Err(format!("plugin `{name}` failed: {}", reply.message())),
            Status::PANIC => {
                self.plugin.disable();
                Err(format!(
                    "plugin `{name}` panicked: {}; it is disabled for the rest of the run",
                    reply.message()
                ))
            }
            Status(other) => Err(format!(
                "plugin `{name}` returned unknown status {other}: {}",
                reply.message()
            )),
        }
    }
}

impl Drop for PluginRule {
    fn drop(&mut self) {
        self.plugin.destroy(&mut self.instance);
    }
}
