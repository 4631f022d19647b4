//! `redline rules`, `redline explain`, `redline init`.

use crate::EXIT_RUN_FAILED;
use crate::check::{print_config_error, use_color};
use crate::cli::{ColorChoice, ConfigArgs};
use crate::discover::{ConfigResolver, ConfigSource};
use crate::registry::builtin_registry;
use crate::report::human::HumanRenderer;
use crate::write::{Existing, write_atomically};
use redline_core::Registry;
use redline_core::config::DEFAULT_INCLUDE;
use redline_core::config::Selection;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

pub fn rules(config: &ConfigArgs) -> ExitCode {
    let registry = match config_registry(config) {
        Ok(registry) => registry,
        Err(code) => return code,
    };
    print!("{}", rules_table(&registry));
    ExitCode::SUCCESS
}

/// The rules of the config that governs the current directory (or of
/// `--config`), with the plugins and `[[custom]]` rules it adds.
fn config_registry(args: &ConfigArgs) -> Result<Registry, ExitCode> {
    let builtin = builtin_registry();
    let source = ConfigSource::from_flags(args.config.as_deref(), args.isolated);
    let mut resolver = ConfigResolver::new(&builtin, Selection::default(), source);
    let here = resolver.absolute(Path::new("."));
    match resolver.config_for_folder(&here) {
        Ok(config) => {
            for (path, message) in resolver.plugin_errors() {
                eprintln!("error: {}: {message}", path.display());
            }
            Ok(config.registry().clone())
        }
        Err(error) => {
            let color = use_color(ColorChoice::Auto, std::io::stderr().is_terminal());
            print_config_error(&HumanRenderer::new(color), &error);
            Err(ExitCode::from(EXIT_RUN_FAILED))
        }
    }
}

fn rules_table(registry: &Registry) -> String {
    let id_width = registry
        .iter()
        .map(|r| r.meta.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!(
        "{:id_width$}  {:7}  {:7}  {:3}  SUMMARY\n",
        "ID", "LEVEL", "PRESET", "FIX"
    );
    for registered in registry.iter() {
        let meta = &registered.meta;
        out.push_str(&format!(
            "{:id_width$}  {:7}  {:7}  {:3}  {}\n",
            meta.id,
            meta.default_severity.as_str(),
            if meta.recommended {
                "default"
            } else {
                "opt-in"
            },
            if meta.fixable { "yes" } else { "no" },
            meta.summary,
        ));
    }
    out
}

pub fn explain(id: &str, config: &ConfigArgs) -> ExitCode {
    let registry = match config_registry(config) {
        Ok(registry) => registry,
        Err(code) => return code,
    };
    let Some(registered) = registry.get(id) else {
        let hint = registry
            .suggest(id)
            .map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"));
        eprintln!("error: unknown rule `{id}`{hint}; `redline rules` lists every rule");
        return ExitCode::from(EXIT_RUN_FAILED);
    };
    let meta = &registered.meta;
    println!("# {}\n", meta.id);
    println!("{}.\n", capitalize(meta.summary));
    println!(
        "Family: {}. Default level: {}{}. Fixable: {}.\n",
        meta.family,
        meta.default_severity,
        if meta.recommended {
            ""
        } else {
            " (opt-in: not in the recommended preset)"
        },
        if meta.fixable { "yes" } else { "no" },
    );
    print!("{}", meta.docs_markdown());
    ExitCode::SUCCESS
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn init(force: bool) -> ExitCode {
    let path = Path::new("redline.toml");
    let text = init_template(&builtin_registry());
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    match write_atomically(path, text.as_bytes(), existing) {
        Ok(()) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; use --force to overwrite it",
                path.display()
            );
            ExitCode::from(EXIT_RUN_FAILED)
        }
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", path.display());
            ExitCode::from(EXIT_RUN_FAILED)
        }
    }
}

fn init_template(registry: &Registry) -> String {
    let include = DEFAULT_INCLUDE
        .iter()
        .map(|pattern| format!("\"{pattern}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = format!(
        r#"# Redline configuration. Every key is optional; `redline explain RULE`
# documents each rule and its options.

# Presets applied in order, then the [rules] tables below:
# "recommended" (default), "all", or "none".
extends = ["recommended"]

[files]
# Globs relative to this file's folder. Files named on the command line
# are linted whatever their extension, unless excluded.
include = [{include}]
exclude = []

# One table per rule: `level` is error, warning, info or off; the other
# keys are the rule's options.
"#
    );
    for registered in registry.iter() {
        let meta = &registered.meta;
        out.push_str(&format!(
            "\n# {}\n[rules.{}]\nlevel = \"{}\"\n",
            meta.summary, meta.id, meta.default_severity
        ));
    }
    out.push_str(
        r#"
# Different levels for some files:
# [[overrides]]
# files = ["archive/**"]
# rules = { placeholder = "warning" }

# A house rule without code (docs/custom-rules.md):
# [[custom]]
# id = "no-empty-slogans"
# message = "avoid the empty phrase `{match}`"
# patterns = ["高度重视", "取得了一定成绩"]

# Native rule plugins, pinned to the build you trust (docs/plugins.md):
# plugins = [{ path = "plugins/libmy_rules.so", sha256 = "…" }]
"#,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use redline_core::config::Config;

    #[test]
    fn init_template_is_a_valid_config() {
        let registry = builtin_registry();
        let text = init_template(&registry);
        Config::parse(Path::new("redline.toml"), &text, &registry).unwrap();
        for registered in registry.iter() {
            assert!(text.contains(&format!("[rules.{}]", registered.meta.id)));
        }
    }

    #[test]
    fn rules_table_lists_every_rule() {
        let registry = builtin_registry();
        let table = rules_table(&registry);
        assert_eq!(table.lines().count(), registry.len() + 1);
    }
}
