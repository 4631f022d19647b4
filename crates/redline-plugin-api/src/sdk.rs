//! The Rust side a plugin author sees: [`PluginRule`] and the pieces
//! [`export_plugin!`](crate::export_plugin) assembles.

use crate::wire::{Finding, RuleMetadata, Severity};
use serde::de::DeserializeOwned;

/// What a rule is given to check.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The document's path as Redline shows it.
    pub path: &'a str,
    /// The whole document, decoded; finding spans are byte offsets into it.
    pub text: &'a str,
}

/// A rule a plugin offers: metadata, typed options, a check.
///
/// One value is built per configuration and shared by every thread Redline
/// lints with, hence `Send + Sync`.
pub trait PluginRule: Send + Sync + Sized + 'static {
    /// Kebab-case; users write it as `plugin-name/ID`.
    const ID: &'static str;
    /// One line, no trailing period.
    const SUMMARY: &'static str;
    /// Markdown for `redline explain`.
    const DOCS: &'static str;
    const DEFAULT_SEVERITY: Severity;
    /// Whether findings carry fixes.
    const FIXABLE: bool = false;

    /// Deserialized from the user's `[rules."plugin/id"]` table; use
    /// `#[serde(deny_unknown_fields)]` so a typo is an error.
    type Options: DeserializeOwned + Default;

    /// A JSON Schema of the options, shown by `redline explain`.
    fn options_schema() -> serde_json::Value {
        serde_json::Value::Null
    }

    /// Builds the rule; an `Err` is shown at the user's config table.
    fn new(options: Self::Options) -> Result<Self, String>;

    fn check(&self, input: &Input<'_>) -> Vec<Finding>;
}

/// A rule with its type erased, as instances are kept behind the ABI.
pub(crate) trait ErasedRule: Send + Sync {
    fn id(&self) -> &'static str;
    fn check(&self, input: &Input<'_>) -> Vec<Finding>;
}

impl<R: PluginRule> ErasedRule for R {
    fn id(&self) -> &'static str {
        R::ID
    }

    fn check(&self, input: &Input<'_>) -> Vec<Finding> {
        PluginRule::check(self, input)
    }
}

pub(crate) type Instance = Box<dyn ErasedRule>;

/// One rule of a plugin, as [`export_plugin!`](crate::export_plugin)
/// lists it.
pub struct RuleEntry {
    pub(crate) id: &'static str,
    pub(crate) metadata: fn() -> RuleMetadata,
    pub(crate) create: fn(serde_json::Value) -> Result<Instance, String>,
}

impl RuleEntry {
    pub const fn of<R: PluginRule>() -> Self {
        RuleEntry {
            id: R::ID,
            metadata: metadata_of::<R>,
            create: create::<R>,
        }
    }
}

fn metadata_of<R: PluginRule>() -> RuleMetadata {
    RuleMetadata {
        id: R::ID.to_owned(),
        summary: R::SUMMARY.to_owned(),
        docs: R::DOCS.to_owned(),
        default_severity: R::DEFAULT_SEVERITY,
        fixable: R::FIXABLE,
        options_schema: R::options_schema(),
    }
}

fn create<R: PluginRule>(options: serde_json::Value) -> Result<Instance, String> {
    let options = if options.is_null() {
        R::Options::default()
    } else {
        serde_json::from_value(options).map_err(|error| format!("invalid options: {error}"))?
    };
    Ok(Box::new(R::new(options)?))
}

/// A plugin: its name, version and rules.
pub struct Plugin {
    pub(crate) name: &'static str,
    pub(crate) version: &'static str,
    pub(crate) rules: &'static [RuleEntry],
}

impl Plugin {
    pub const fn new(
        name: &'static str,
        version: &'static str,
        rules: &'static [RuleEntry],
    ) -> Self {
        Plugin {
            name,
            version,
            rules,
        }
    }
}
