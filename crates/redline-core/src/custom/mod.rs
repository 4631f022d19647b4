//! `[[custom]]` rules: house rules written in `redline.toml`.

use crate::config::ConfigProblem;
use crate::{RegisteredRule, Span};
use toml::de::DeTable;

/// Compiles every `[[custom]]` table of a config into a rule, with the
/// span of its `id` for errors about the id; problems go to `problems`.
/// The tables are accepted but compile to nothing until custom rules land.
pub(crate) fn rules_from_config(
    root: &DeTable<'_>,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<(RegisteredRule, Span)> {
    let _ = (root, problems);
    Vec::new()
}
