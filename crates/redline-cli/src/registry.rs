//! Every rule family compiled into the binary.

use redline_core::Registry;
use redline_plugin_host::PluginHost;
use std::sync::Arc;

/// The built-in rules, and a loader for the plugins configs list.
pub fn builtin_registry() -> Registry {
    let mut registry = Registry::with_core_rules();
    registry.set_plugin_loader(Arc::new(PluginHost::new()));
    redline_rules_garbled_number::register(&mut registry);
    redline_rules_garbled_text::register(&mut registry);
    redline_rules_numbering::register(&mut registry);
    redline_rules_truncation::register(&mut registry);
    redline_rules_required_sections::register(&mut registry);
    redline_rules_boilerplate::register(&mut registry);
    redline_rules_punctuation::register(&mut registry);
    redline_rules_repeated_block::register(&mut registry);
    redline_rules_placeholder::register(&mut registry);
    registry
}
