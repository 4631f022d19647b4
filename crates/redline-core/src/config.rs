//! `redline.toml`: parsing with source spans, presets, per-file levels.

use crate::{Finding, Level, RegisteredRule, Registry, Rule, RuleOptions, Severity, Span, closest};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// Config file names, in the order they are looked for in each directory.
pub const CONFIG_FILE_NAMES: [&str; 2] = ["redline.toml", ".redline.toml"];

/// Files linted when a config does not say otherwise.
pub const DEFAULT_INCLUDE: [&str; 3] = ["**/*.txt", "**/*.md", "**/*.markdown"];

/// Built-in presets for `extends`.
pub const PRESETS: [&str; 3] = ["recommended", "all", "none"];

/// One problem in a config file, at a span of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
}

/// A config file that cannot be used, with every problem found in it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid configuration in {}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    /// The file's text, for pointing at the problems.
    pub text: String,
    pub problems: Vec<ConfigProblem>,
}

/// Which rules a run is limited to, from `--select` and `--ignore`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these rules run, at their configured level, or at their default
    /// severity when the config switches them off.
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// Ids that the registry does not know, each with a suggestion.
    pub fn unknown_ids<'a>(&'a self, registry: &Registry) -> Vec<(&'a str, Option<&'static str>)> {
        self.select
            .iter()
            .flatten()
            .chain(&self.ignore)
            .filter(|id| registry.get(id).is_none())
            .map(|id| (id.as_str(), registry.suggest(id)))
            .collect()
    }
}

struct BuiltRule {
    rule: Box<dyn Rule>,
    level: Level,
}

struct Ignore {
    path: GlobSet,
    rule: &'static str,
    text: String,
}

struct Override {
    files: GlobSet,
    /// Index into `Config::rules`, and the level it gets.
    levels: Vec<(usize, Level)>,
}

/// A loaded configuration: which files, which rules at which level.
pub struct Config {
    path: Option<PathBuf>,
    /// Globs are matched against paths relative to this directory.
    root: PathBuf,
    include: GlobSet,
    exclude: GlobSet,
    rules: Vec<BuiltRule>,
    overrides: Vec<Override>,
    ignores: Vec<Ignore>,
    /// Identifies everything that decides findings besides the text: the
    /// config file's text and the command-line selection.
    fingerprint: blake3::Hash,
    registry: Registry,
    /// Plugins that could not be used, each with why.
    plugin_errors: Vec<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("path", &self.path)
            .field("root", &self.root)
            .field("rules", &self.rules.len())
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    extends: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    files: RawFiles,
    /// Read from the span-carrying tree instead; declared so that
    /// `deny_unknown_fields` accepts the key.
    #[serde(default)]
    #[allow(dead_code)]
    rules: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
    #[serde(default)]
    plugins: Vec<RawPlugin>,
    /// `[[custom]]` rules, read from the span-carrying tree by
    /// [`crate::custom`].
    #[serde(default)]
    #[allow(dead_code)]
    custom: Option<serde::de::IgnoredAny>,
}

/// `plugins = [{ path = "…", sha256 = "…" }]`: a native rule library.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlugin {
    /// Relative to the config's folder.
    path: Spanned<String>,
    /// Hex digest the file must have before it is loaded.
    sha256: Option<Spanned<String>>,
}

/// `[[ignore]]`: silences one finding in a document that cannot carry a
/// suppression comment (plain text), without touching the document.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    /// A glob, relative to the config's folder.
    path: Spanned<String>,
    rule: Spanned<String>,
    /// The exact text the finding covers.
    text: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    include: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// The configuration used when no file is found: recommended rules at
    /// their default levels, default file patterns, globs relative to `root`
    /// (normally the working directory).
    pub fn defaults(root: impl Into<PathBuf>, registry: &Registry) -> Config {
        let mut problems = Vec::new();
        let levels = preset_levels(registry, None, &mut problems);
        let rules = build_rules(registry, &BTreeMap::new(), &levels, &mut problems);
        debug_assert!(
            problems.is_empty(),
            "built-in rules reject their defaults: {problems:?}"
        );
        Config {
            path: None,
            root: root.into(),
            include: default_include(),
            exclude: GlobSet::empty(),
            rules,
            overrides: Vec::new(),
            ignores: Vec::new(),
            fingerprint: blake3::hash(b"built-in defaults"),
            registry: registry.clone(),
            plugin_errors: Vec::new(),
        }
    }

    /// Reads and parses the config file at `path`.
    pub fn load(path: &Path, registry: &Registry) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError {
            path: path.to_owned(),
            text: String::new(),
            problems: vec![ConfigProblem {
                span: None,
                message: format!("cannot read config file: {error}"),
                help: None,
            }],
        })?;
        Config::parse(path, &text, registry)
    }

    /// Parses config `text` that was read from `path`.
    pub fn parse(path: &Path, text: &str, registry: &Registry) -> Result<Config, ConfigError> {
        let fail = |problems: Vec<ConfigProblem>| ConfigError {
            path: path.to_owned(),
            text: text.to_owned(),
            problems,
        };
        let tree = DeTable::parse(text).map_err(|error| fail(vec![toml_problem(&error)]))?;
        let raw = RawConfig::deserialize(toml::de::Deserializer::from(tree.clone()))
            .map_err(|error| fail(vec![toml_problem(&error)]))?;

        let mut problems = Vec::new();
        // Presets choose among the built-in rules; rules the config adds
        // (plugins, `[[custom]]`) run at their own level unless configured.
        let mut levels = preset_levels(registry, raw.extends.as_deref(), &mut problems);
        let mut registry = registry.clone();
        // Globs and plugin paths are relative to the config's folder.
        let root = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
            _ => PathBuf::from("."),
        };
        // A plugin that cannot be used costs its own rules, not the run:
        // its failures are reported apart from the config's problems.
        let mut plugin_errors = Vec::new();
        let mut fingerprint = blake3::Hasher::new();
        fingerprint.update(text.as_bytes());
        for plugin in &raw.plugins {
            match load_plugin(&registry, &root, plugin, &mut problems) {
                Some(Ok(loaded)) => {
                    fingerprint.update(loaded.digest.as_bytes());
                    for rule in loaded.rules {
                        let at = plugin.path.span().into();
                        add_rule(&mut registry, rule, Some(at), &mut levels, &mut problems);
                    }
                }
                Some(Err(message)) => {
                    fingerprint.update(message.as_bytes());
                    plugin_errors.push(message);
                }
                None => {}
            }
        }
        // Tables of rules from a plugin that did not load are unknown; that
        // is the same failure again, not a new one.
        let plugin_ids_unknowable = !plugin_errors.is_empty();
        for (rule, id_span) in crate::custom::rules_from_config(tree.get_ref(), &mut problems) {
            add_rule(
                &mut registry,
                rule,
                Some(id_span),
                &mut levels,
                &mut problems,
            );
        }
        let registry = &registry;
        let rule_tables = rule_tables(
            tree.get_ref(),
            registry,
            plugin_ids_unknowable,
            &mut levels,
            &mut problems,
        );
        let rules = build_rules(registry, &rule_tables, &levels, &mut problems);

        let include = match &raw.files.include {
            Some(patterns) => glob_set(patterns, &mut problems),
            None => default_include(),
        };
        let exclude = glob_set(&raw.files.exclude, &mut problems);
        let overrides = raw
            .overrides
            .iter()
            .map(|raw| Override {
                files: glob_set(&raw.files, &mut problems),
                levels: raw
                    .rules
                    .iter()
                    .filter_map(|(id, level)| {
                        let index = rule_position(&rules, registry, id, &mut problems)?;
                        Some((index, parse_level(level, &mut problems)?))
                    })
                    .collect(),
            })
            .collect();
        let ignores = raw
            .ignore
            .iter()
            .filter_map(|raw| {
                let index = rule_position(&rules, registry, &raw.rule, &mut problems)?;
                Some(Ignore {
                    path: glob_set(std::slice::from_ref(&raw.path), &mut problems),
                    rule: rules[index].rule.meta().id,
                    text: raw.text.clone(),
                })
            })
            .collect();

        if !problems.is_empty() {
            return Err(fail(problems));
        }
        Ok(Config {
            path: Some(path.to_owned()),
            root,
            include,
            exclude,
            rules,
            overrides,
            ignores,
            fingerprint: fingerprint.finalize(),
            registry: registry.clone(),
            plugin_errors,
        })
    }

    /// Every rule this configuration can run: the built-in ones and those
    /// its plugins and `[[custom]]` tables add.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The plugins this config lists that could not be loaded, each as a
    /// sentence naming the library; their rules do not run, the others do.
    pub fn plugin_errors(&self) -> &[String] {
        &self.plugin_errors
    }

    /// The config file this came from, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether a file found by walking a directory is linted. Paths here
    /// and below are relative to [`Config::root`].
    pub fn includes(&self, relative: &Path) -> bool {
        self.include.is_match(relative) && !self.exclude.is_match(relative)
    }

    /// Whether a path (file or directory) is excluded.
    pub fn excludes(&self, relative: &Path) -> bool {
        self.exclude.is_match(relative)
    }

    /// Whether a rule id is known to this configuration (for suppression
    /// comments that name rules).
    pub fn knows_rule(&self, id: &str) -> bool {
        self.rules.iter().any(|built| built.rule.meta().id == id)
    }

    /// Drops the findings that `[[ignore]]` entries silence in `relative`.
    pub fn drop_ignored(&self, relative: &Path, text: &str, findings: &mut Vec<Finding>) {
        let ignores: Vec<&Ignore> = self
            .ignores
            .iter()
            .filter(|ignore| ignore.path.is_match(relative))
            .collect();
        if ignores.is_empty() {
            return;
        }
        findings.retain(|finding| {
            !ignores.iter().any(|ignore| {
                ignore.rule == finding.rule && text.get(finding.span.range()) == Some(&ignore.text)
            })
        });
    }

    /// Identifies everything in this configuration that decides findings,
    /// for result caches.
    pub fn fingerprint(&self) -> &blake3::Hash {
        &self.fingerprint
    }

    /// Narrows the rules to a `--select`/`--ignore` selection.
    pub fn apply_selection(&mut self, selection: &Selection) {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.fingerprint.as_bytes());
        hasher.update(format!("{selection:?}").as_bytes());
        self.fingerprint = hasher.finalize();
        for built in &mut self.rules {
            let id = built.rule.meta().id;
            if let Some(select) = &selection.select {
                if !select.iter().any(|wanted| wanted == id) {
                    built.level = Level::Off;
                } else if built.level == Level::Off {
                    built.level = built.rule.meta().default_severity.into();
                }
            }
            if selection.ignore.iter().any(|ignored| ignored == id) {
                built.level = Level::Off;
            }
        }
        if selection.select.is_some() || !selection.ignore.is_empty() {
            // Overrides may change a selected rule's level, never revive one
            // the command line switched off.
            let rules = &self.rules;
            for override_ in &mut self.overrides {
                override_
                    .levels
                    .retain(|&(index, _)| rules[index].level != Level::Off);
            }
        }
    }

    /// The rules that run on `path`, each with its severity there.
    pub fn rules_for(&self, relative: &Path) -> Vec<(&dyn Rule, Severity)> {
        let mut levels: Vec<Level> = self.rules.iter().map(|built| built.level).collect();
        for override_ in &self.overrides {
            if override_.files.is_match(relative) {
                for &(index, level) in &override_.levels {
                    levels[index] = level;
                }
            }
        }
        self.rules
            .iter()
            .zip(levels)
            .filter_map(|(built, level)| Some((built.rule.as_ref(), level.severity()?)))
            .collect()
    }
}

/// A shared, immutable config, as the engine hands it to threads.
pub type SharedConfig = Arc<Config>;

/// The globs of [`DEFAULT_INCLUDE`], compiled.
fn default_include() -> GlobSet {
    let patterns = DEFAULT_INCLUDE.map(|pattern| Spanned::new(0..0, pattern.to_owned()));
    let mut problems = Vec::new();
    let globs = glob_set(&patterns, &mut problems);
    debug_assert!(problems.is_empty(), "default globs are valid: {problems:?}");
    globs
}

fn toml_problem(error: &toml::de::Error) -> ConfigProblem {
    ConfigProblem {
        span: error.span().map(Span::from),
        message: error.message().trim_end().to_owned(),
        help: None,
    }
}

fn spanned_problem<T>(value: &Spanned<T>, message: String, help: Option<String>) -> ConfigProblem {
    ConfigProblem {
        span: Some(value.span().into()),
        message,
        help,
    }
}

fn did_you_mean(suggestion: Option<&str>) -> Option<String> {
    suggestion.map(|s| format!("did you mean `{s}`?"))
}

fn preset_levels(
    registry: &Registry,
    extends: Option<&[Spanned<String>]>,
    problems: &mut Vec<ConfigProblem>,
) -> BTreeMap<&'static str, Level> {
    let default = [Spanned::new(0..0, "recommended".to_owned())];
    let mut levels = BTreeMap::new();
    for preset in extends.unwrap_or(&default) {
        let enabled: Box<dyn Fn(&crate::RuleMeta) -> bool> = match preset.get_ref().as_str() {
            "recommended" => Box::new(|meta| meta.recommended),
            "all" => Box::new(|_| true),
            "none" => Box::new(|_| false),
            unknown => {
                problems.push(spanned_problem(
                    preset,
                    format!("unknown preset `{unknown}`"),
                    did_you_mean(closest(unknown, PRESETS))
                        .or_else(|| Some(format!("presets are {}", PRESETS.join(", ")))),
                ));
                continue;
            }
        };
        for registered in registry.iter() {
            let level = if enabled(&registered.meta) {
                registered.meta.default_severity.into()
            } else {
                Level::Off
            };
            levels.insert(registered.meta.id, level);
        }
    }
    levels
}

/// Reads `[rules.<id>]` tables: levels go into `levels`, the remaining keys
/// are returned as each rule's options, spans intact.
fn rule_tables<'i>(
    root: &DeTable<'i>,
    registry: &Registry,
    plugin_ids_unknowable: bool,
    levels: &mut BTreeMap<&'static str, Level>,
    problems: &mut Vec<ConfigProblem>,
) -> BTreeMap<&'static str, Spanned<DeValue<'i>>> {
    let mut options = BTreeMap::new();
    let Some(rules) = root.get("rules") else {
        return options;
    };
    let DeValue::Table(rules) = rules.get_ref() else {
        problems.push(spanned_problem(
            rules,
            "`rules` must be a table".to_owned(),
            None,
        ));
        return options;
    };
    for (id, table) in rules.iter() {
        let Some(registered) = registry.get(id.get_ref()) else {
            if !(plugin_ids_unknowable && id.get_ref().contains('/')) {
                problems.push(unknown_rule(id, registry));
            }
            continue;
        };
        let rule_id = registered.meta.id;
        match table.get_ref() {
            // `[rules] placeholder = "warning"` is short for a level.
            DeValue::String(level) => {
                let level = Spanned::new(table.span(), level.to_string());
                if let Some(level) = parse_level(&level, problems) {
                    levels.insert(rule_id, level);
                }
            }
            DeValue::Table(entries) => {
                let mut rest = DeTable::new();
                for (key, value) in entries.iter() {
                    if key.get_ref() == "level" {
                        match value.get_ref().as_str() {
                            Some(name) => {
                                let level = Spanned::new(value.span(), name.to_owned());
                                if let Some(level) = parse_level(&level, problems) {
                                    levels.insert(rule_id, level);
                                }
                            }
                            None => problems.push(spanned_problem(
                                value,
                                "`level` must be a string".to_owned(),
                                Some(format!("one of {}", Level::NAMES.join(", "))),
                            )),
                        }
                    } else {
                        rest.insert(key.clone(), value.clone());
                    }
                }
                if !rest.is_empty() {
                    options.insert(rule_id, Spanned::new(table.span(), DeValue::Table(rest)));
                }
            }
            _ => problems.push(spanned_problem(
                table,
                format!("`rules.{rule_id}` must be a table or a level"),
                Some(format!(
                    "write `[rules.{rule_id}]` with `level = \"warning\"` and options"
                )),
            )),
        }
    }
    options
}

/// Loads one `plugins` entry: `None` when this build cannot load plugins
/// at all (a config problem), else the plugin's rules or why it failed.
fn load_plugin(
    registry: &Registry,
    folder: &Path,
    plugin: &RawPlugin,
    problems: &mut Vec<ConfigProblem>,
) -> Option<Result<crate::PluginRules, String>> {
    let Some(loader) = registry.plugin_loader() else {
        problems.push(spanned_problem(
            &plugin.path,
            "this build of Redline cannot load plugins".to_owned(),
            None,
        ));
        return None;
    };
    let library = folder.join(plugin.path.get_ref());
    let pin = plugin.sha256.as_ref().map(|pin| pin.get_ref().as_str());
    Some(loader.load(&library, pin).map_err(|error| {
        format!(
            "plugin `{}` cannot be used, its rules do not run: {error}",
            plugin.path.get_ref()
        )
    }))
}

/// Registers a rule the config adds, at its default severity.
fn add_rule(
    registry: &mut Registry,
    rule: RegisteredRule,
    origin: Option<Span>,
    levels: &mut BTreeMap<&'static str, Level>,
    problems: &mut Vec<ConfigProblem>,
) {
    let meta = rule.meta;
    if registry.insert(rule).is_err() {
        problems.push(ConfigProblem {
            span: origin,
            message: format!("rule id `{}` is already taken", meta.id),
            help: Some("each rule id, built-in, plugin or custom, must be unique".to_owned()),
        });
        return;
    }
    levels.insert(meta.id, meta.default_severity.into());
}

fn unknown_rule<T: AsRef<str>>(id: &Spanned<T>, registry: &Registry) -> ConfigProblem {
    let name = id.get_ref().as_ref();
    spanned_problem(
        id,
        format!("unknown rule `{name}`"),
        did_you_mean(registry.suggest(name))
            .or_else(|| Some("`redline rules` lists every rule".to_owned())),
    )
}

fn parse_level(level: &Spanned<String>, problems: &mut Vec<ConfigProblem>) -> Option<Level> {
    let parsed = Level::parse(level.get_ref());
    if parsed.is_none() {
        problems.push(spanned_problem(
            level,
            format!("unknown level `{}`", level.get_ref()),
            Some(format!("one of {}", Level::NAMES.join(", "))),
        ));
    }
    parsed
}

fn rule_position(
    rules: &[BuiltRule],
    registry: &Registry,
    id: &Spanned<String>,
    problems: &mut Vec<ConfigProblem>,
) -> Option<usize> {
    let position = rules
        .iter()
        .position(|built| built.rule.meta().id == id.get_ref());
    if position.is_none() {
        problems.push(unknown_rule(id, registry));
    }
    position
}

/// Builds every registered rule (a rule off in the config may still be
/// switched on by an override or `--select`) at its configured level.
fn build_rules(
    registry: &Registry,
    options: &BTreeMap<&'static str, Spanned<DeValue<'_>>>,
    levels: &BTreeMap<&'static str, Level>,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<BuiltRule> {
    registry
        .iter()
        .filter_map(|registered| {
            let id = registered.meta.id;
            let table = options.get(id);
            let rule_options = match table {
                Some(table) => RuleOptions::from_table(ValueDeserializer::from(table.clone())),
                None => RuleOptions::none(),
            };
            match registered.build(rule_options) {
                Ok(rule) => Some(BuiltRule {
                    rule,
                    level: levels.get(id).copied().unwrap_or(Level::Off),
                }),
                Err(error) => {
                    problems.push(ConfigProblem {
                        span: error.span().or(table.map(|t| t.span().into())),
                        message: format!("invalid options for rule `{id}`: {error}"),
                        help: None,
                    });
                    None
                }
            }
        })
        .collect()
}

fn glob_set(patterns: &[Spanned<String>], problems: &mut Vec<ConfigProblem>) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        // `drafts/**` and `**/*.txt` both match relative paths; a bare
        // `drafts` matches the folder and everything in it.
        let text = pattern.get_ref().trim_start_matches("./");
        match Glob::new(text) {
            Ok(glob) => {
                builder.add(glob);
                if !text.contains(['*', '?', '[', '{']) {
                    if let Ok(glob) = Glob::new(&format!("{}/**", text.trim_end_matches('/'))) {
                        builder.add(glob);
                    }
                }
            }
            Err(error) => problems.push(spanned_problem(
                pattern,
                format!("invalid glob `{}`: {}", pattern.get_ref(), error.kind()),
                None,
            )),
        }
    }
    builder.build().unwrap_or_else(|error| {
        problems.push(ConfigProblem {
            span: None,
            message: format!("cannot compile globs: {error}"),
            help: None,
        });
        GlobSet::empty()
    })
}

#[cfg(test)]
mod tests;
