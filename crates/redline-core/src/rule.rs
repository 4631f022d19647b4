//! The `Rule` trait, rule metadata and the registry of known rules.

use crate::{Document, Finding, Severity, Span};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// What `redline rules` and `redline explain` show about a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Kebab-case id, as written in configuration: `placeholder`.
    pub id: &'static str,
    /// The rule crate (or plugin) it comes from.
    pub family: &'static str,
    pub default_severity: Severity,
    /// Whether the `recommended` preset enables it.
    pub recommended: bool,
    pub fixable: bool,
    /// One line, no trailing period.
    pub summary: &'static str,
    /// Markdown: the rule's doc comment, shown by `redline explain`; see
    /// [`RuleMeta::docs_markdown`].
    pub docs: &'static str,
}

impl RuleMeta {
    /// The docs as written, without the one space every `///` line
    /// carries after the slashes.
    pub fn docs_markdown(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }
}

/// Per-file information a rule may need besides the document.
#[derive(Debug, Clone, Copy)]
pub struct RuleContext<'a> {
    pub rule_id: &'a str,
    /// The rule's configured severity for this file.
    pub severity: Severity,
}

impl RuleContext<'_> {
    /// A finding of this rule at its configured severity.
    pub fn finding(&self, span: Span, message: impl Into<String>) -> Finding {
        Finding::new(self.rule_id, self.severity, span, message)
    }

    /// A finding the rule is less sure of: one severity below the
    /// configured one, so `error` rules report their guesses as warnings.
    pub fn tentative_finding(&self, span: Span, message: impl Into<String>) -> Finding {
        Finding::new(self.rule_id, self.severity.lowered(), span, message)
    }
}

/// A lint rule: reads the shared document model, returns findings.
///
/// Rules are built once per configuration (compiling their patterns then)
/// and shared by every thread, hence `Send + Sync`.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding>;

    /// [`Rule::check`] for rules that can fail for reasons outside the
    /// text (a plugin that returns garbage): the engine reports the failure
    /// and keeps every other rule's findings. A panic, by contrast, is a bug
    /// and fails the whole file.
    fn try_check(
        &self,
        document: &Document<'_>,
        context: &RuleContext<'_>,
    ) -> Result<Vec<Finding>, String> {
        Ok(self.check(document, context))
    }
}

/// [`RuleMeta::docs`] for Markdown written at run time (plugin and
/// config-defined rules): doc-comment text carries one leading space per
/// line, which [`RuleMeta::docs_markdown`] takes off again.
pub fn docs_from_markdown(markdown: &str) -> &'static str {
    let docs: String = markdown.lines().map(|line| format!(" {line}\n")).collect();
    intern(&docs)
}

/// Whether `name` is written like a rule id (and a plugin name):
/// kebab-case, lower-case ASCII letters and digits in dash-separated words.
pub fn is_rule_id(name: &str) -> bool {
    name.split('-').all(|word| {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// Gives a run-time string the `'static` lifetime that [`RuleMeta`] wants.
///
/// Plugin and config-defined rules are registered once per configuration
/// and live for the whole run; each distinct string is leaked once, so
/// parsing the same configuration again costs nothing.
pub fn intern(text: &str) -> &'static str {
    static INTERNED: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut interned = INTERNED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(&known) = interned.get(text) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
    interned.insert(leaked);
    leaked
}

/// A built-in rule: static metadata, typed options, a constructor.
///
/// Implemented through [`declare_rule!`](crate::declare_rule) for the
/// metadata; the options struct should use `#[serde(deny_unknown_fields)]`.
pub trait DeclaredRule: Rule + Sized + 'static {
    const META: RuleMeta;
    type Options: DeserializeOwned + Default;
    /// Builds the rule; an `Err` is reported at the rule's config table.
    fn from_options(options: Self::Options) -> Result<Self, String>;
}

/// Declares a rule's metadata; the doc comment becomes its long docs.
///
/// ```ignore
/// declare_rule! {
///     /// Finds `20xx` and friends.
///     YearPlaceholder {
///         id: "placeholder",
///         family: "placeholder",
///         severity: Error,
///         recommended: true,
///         fixable: true,
///         summary: "template placeholders that were never filled in",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $rule:ident {
            id: $id:literal,
            family: $family:literal,
            severity: $severity:ident,
            recommended: $recommended:literal,
            fixable: $fixable:literal,
            summary: $summary:literal $(,)?
        }
    ) => {
        impl $rule {
            pub const META: $crate::RuleMeta = $crate::RuleMeta {
                id: $id,
                family: $family,
                default_severity: $crate::Severity::$severity,
                recommended: $recommended,
                fixable: $fixable,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Why a rule's options could not be used.
#[derive(Debug, thiserror::Error)]
pub enum OptionsError {
    /// Carries the span of the offending TOML value.
    #[error("{}", .0.message())]
    Toml(#[from] toml::de::Error),
    #[error("{0}")]
    Invalid(String),
}

impl OptionsError {
    pub fn span(&self) -> Option<Span> {
        match self {
            OptionsError::Toml(error) => error.span().map(Span::from),
            OptionsError::Invalid(_) => None,
        }
    }
}

/// The options table of one rule, as written in the config (without its
/// `level` key), still carrying source spans for error messages.
pub struct RuleOptions<'a> {
    table: Option<toml::de::ValueDeserializer<'a>>,
}

impl<'a> RuleOptions<'a> {
    pub fn none() -> Self {
        Self { table: None }
    }

    pub fn from_table(table: toml::de::ValueDeserializer<'a>) -> Self {
        Self { table: Some(table) }
    }

    /// The options, or `T::default()` when the rule has no table.
    pub fn deserialize<T: DeserializeOwned + Default>(self) -> Result<T, OptionsError> {
        match self.table {
            Some(table) => Ok(T::deserialize(table)?),
            None => Ok(T::default()),
        }
    }
}

type BuildFn = dyn Fn(RuleOptions<'_>) -> Result<Box<dyn Rule>, OptionsError> + Send + Sync;

/// A rule the registry knows, and how to build it from options.
#[derive(Clone)]
pub struct RegisteredRule {
    pub meta: RuleMeta,
    build: Arc<BuildFn>,
}

impl RegisteredRule {
    /// A rule built at run time by `build` (plugins, config-defined rules).
    pub fn new(
        meta: RuleMeta,
        build: impl Fn(RuleOptions<'_>) -> Result<Box<dyn Rule>, OptionsError> + Send + Sync + 'static,
    ) -> Self {
        Self {
            meta,
            build: Arc::new(build),
        }
    }

    pub fn build(&self, options: RuleOptions<'_>) -> Result<Box<dyn Rule>, OptionsError> {
        (self.build)(options)
    }
}

impl fmt::Debug for RegisteredRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegisteredRule")
            .field("id", &self.meta.id)
            .finish_non_exhaustive()
    }
}

/// Loads native rule plugins for configs that list them; implemented by
/// the plugin host, outside the core.
pub trait PluginLoader: Send + Sync {
    /// The rules of the plugin library at `path` (absolute, or relative to
    /// the working directory), after checking its SHA-256 digest against
    /// `sha256` when one is pinned. Loading the same library again returns
    /// the same rules. The error says what went wrong; the config adds
    /// which plugin entry it is about.
    fn load(&self, path: &Path, sha256: Option<&str>) -> Result<PluginRules, String>;
}

/// What a plugin library offers.
pub struct PluginRules {
    pub rules: Vec<RegisteredRule>,
    /// Identifies the library's content, so that cached results die with
    /// the build that produced them.
    pub digest: String,
}

/// Every rule available to a run, by id.
#[derive(Default, Clone)]
pub struct Registry {
    rules: BTreeMap<&'static str, RegisteredRule>,
    plugin_loader: Option<Arc<dyn PluginLoader>>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registry")
            .field("rules", &self.rules.keys())
            .field("plugins", &self.plugin_loader.is_some())
            .finish()
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A registry holding the rules the engine itself implements
    /// (`unused-suppression`); front ends add the rule families to it.
    pub fn with_core_rules() -> Self {
        let mut registry = Self::new();
        registry.register::<crate::suppress::UnusedSuppression>();
        registry
    }

    /// Registers a built-in rule.
    ///
    /// # Panics
    /// When the id is taken: two rules with one id is a build mistake.
    pub fn register<R: DeclaredRule>(&mut self) {
        self.register_with(R::META, |options| {
            let options = options.deserialize::<R::Options>()?;
            let rule = R::from_options(options).map_err(OptionsError::Invalid)?;
            Ok(Box::new(rule))
        });
    }

    /// Registers a rule built by a closure (plugins, config-only rules).
    ///
    /// # Panics
    /// When the id is taken.
    pub fn register_with(
        &mut self,
        meta: RuleMeta,
        build: impl Fn(RuleOptions<'_>) -> Result<Box<dyn Rule>, OptionsError> + Send + Sync + 'static,
    ) {
        let id = meta.id;
        assert!(
            self.insert(RegisteredRule::new(meta, build)).is_ok(),
            "rule id `{id}` registered twice"
        );
    }

    /// Adds a rule unless its id is taken, in which case the rule comes
    /// back.
    pub fn insert(&mut self, rule: RegisteredRule) -> Result<(), RegisteredRule> {
        match self.rules.entry(rule.meta.id) {
            std::collections::btree_map::Entry::Occupied(_) => Err(rule),
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(rule);
                Ok(())
            }
        }
    }

    /// The loader that `plugins = [...]` in a config goes through; a
    /// registry without one rejects plugin entries.
    pub fn set_plugin_loader(&mut self, loader: Arc<dyn PluginLoader>) {
        self.plugin_loader = Some(loader);
    }

    pub fn plugin_loader(&self) -> Option<&dyn PluginLoader> {
        self.plugin_loader.as_deref()
    }

    pub fn get(&self, id: &str) -> Option<&RegisteredRule> {
        self.rules.get(id)
    }

    /// Rules sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = &RegisteredRule> {
        self.rules.values()
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The known id closest to a mistyped one, for "did you mean".
    pub fn suggest(&self, unknown: &str) -> Option<&'static str> {
        closest(unknown, self.rules.keys().copied())
    }
}

/// The candidate closest to `wanted` by Jaro-Winkler similarity, if any is
/// close enough to be worth suggesting.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(wanted, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    struct Documented;

    crate::declare_rule! {
        /// First line.
        ///
        /// ```text
        ///     indented
        /// ```
        Documented {
            id: "documented",
            family: "test",
            severity: Info,
            recommended: false,
            fixable: false,
            summary: "a documented rule",
        }
    }

    #[test]
    fn markdown_docs_come_back_as_written() {
        let markdown = "First line.\n\n```text\n    indented\n```\n";
        let meta = crate::RuleMeta {
            docs: crate::docs_from_markdown(markdown),
            ..Documented::META
        };
        assert_eq!(meta.docs_markdown(), markdown);
    }

    #[test]
    fn rule_ids_are_kebab_case() {
        for good in ["placeholder", "my-rules2", "a-1"] {
            assert!(crate::is_rule_id(good), "{good}");
        }
        for bad in ["", "My", "a--b", "-a", "a-", "a_b", "a/b", "规则"] {
            assert!(!crate::is_rule_id(bad), "{bad}");
        }
    }

    #[test]
    fn doc_comments_become_markdown() {
        assert_eq!(
            Documented::META.docs_markdown(),
            "First line.\n\n```text\n    indented\n```\n"
        );
    }
}
