//! What a custom rule looks for: literals, `[custom.substitute]` terms and
//! regexes, checked and compiled; and the `replace` template.

use super::raw::{RawCustom, Strings, Text};
use super::rule::{CustomRule, Kind};
use super::spec::{KindName, problem};
use super::template::{Group, Replacement};
use crate::Span;
use crate::config::ConfigProblem;
use regex::{Regex, RegexBuilder};
use toml::Spanned;

const REGEX_SYNTAX_HELP: &str =
    "Redline uses the syntax of the Rust regex crate: https://docs.rs/regex/latest/regex/#syntax";

const NEVER_FINISHES: &str = "`--fix` would never finish; a fix must remove what the rule reports";

/// The patterns of one table, those that are valid compiled.
pub(super) struct Patterns {
    /// Literal patterns, or the wrong terms of a substitute rule.
    pub literals: Vec<String>,
    /// `(wrong, right)` of a substitute rule, in the order written.
    pub terms: Vec<(Spanned<String>, Spanned<String>)>,
    pub regex_sources: Vec<Spanned<Text>>,
    pub regexes: Vec<Regex>,
}

impl Patterns {
    /// Reads `patterns` and `regex`, or `[custom.substitute]`; `kind_span`
    /// and `id_span` locate what is missing.
    pub fn read(
        raw: &RawCustom,
        kind: KindName,
        kind_span: Span,
        id_span: Span,
        problems: &mut Vec<ConfigProblem>,
    ) -> Patterns {
        if kind == KindName::Substitute {
            let terms = substitute_terms(raw, kind_span, problems);
            return Patterns {
                literals: terms
                    .iter()
                    .map(|(wrong, _)| wrong.get_ref().clone())
                    .collect(),
                terms,
                regex_sources: Vec::new(),
                regexes: Vec::new(),
            };
        }
        if raw.patterns.is_none() && raw.regex.is_none() {
            problems.push(problem(
                id_span,
                format!("custom rule `{}` has nothing to look for", raw.id.get_ref()),
                Some("add `patterns = [\"…\"]` (plain text) or `regex = '…'`".to_owned()),
            ));
        }
        let regex_sources = match &raw.regex {
            Some(regex) => {
                let list = Strings::list(regex);
                if list.is_empty() {
                    problems.push(problem(
                        regex.span().into(),
                        "`regex` is an empty list",
                        Some("list at least one regex, or remove `regex`".to_owned()),
                    ));
                }
                list
            }
            None => Vec::new(),
        };
        let regexes = regex_sources
            .iter()
            .filter_map(|source| {
                compile_regex(source, raw.ignore_case)
                    .map_err(|found| problems.push(found))
                    .ok()
            })
            .collect();
        Patterns {
            literals: literal_patterns(raw, problems),
            terms: Vec::new(),
            regex_sources,
            regexes,
        }
    }

    /// Parses `replace`, checking that every group it names exists in
    /// every regex, and that plain patterns, which have no groups, use
    /// only `$0`.
    pub fn replacement(
        &self,
        replace: &Spanned<Text>,
        problems: &mut Vec<ConfigProblem>,
    ) -> Replacement {
        let (template, references) = Replacement::parse(&replace.get_ref().value);
        for (range, group) in references {
            if group == Group::Index(0) {
                continue;
            }
            let written = &replace.get_ref().value[range.clone()];
            let span = Text::span_of(replace, range);
            if !self.literals.is_empty() {
                problems.push(problem(
                    span,
                    format!(
                        "`{written}` refers to a regex group, but `patterns` are plain text without groups"
                    ),
                    Some("use `$0` for the whole match, or `$$` for a dollar sign".to_owned()),
                ));
                continue;
            }
            let missing = self
                .regexes
                .iter()
                .zip(&self.regex_sources)
                .find(|(regex, _)| !has_group(regex, &group));
            if let Some((regex, source)) = missing {
                let (message, help) =
                    missing_group(written, &group, regex, &source.get_ref().value);
                problems.push(problem(span, message, Some(help)));
            }
        }
        template
    }
}

fn has_group(regex: &Regex, group: &Group) -> bool {
    match group {
        Group::Index(index) => *index < regex.captures_len(),
        Group::Name(name) => regex.capture_names().flatten().any(|n| n == name),
    }
}

fn missing_group(written: &str, group: &Group, regex: &Regex, pattern: &str) -> (String, String) {
    match group {
        Group::Index(index) => {
            let groups = match regex.captures_len() - 1 {
                0 => "no groups".to_owned(),
                1 => "only 1 group".to_owned(),
                n => format!("only {n} groups"),
            };
            (
                format!("`{written}` refers to group {index}, but regex `{pattern}` has {groups}"),
                "groups are counted by their opening `(`; `(?:…)` does not count".to_owned(),
            )
        }
        Group::Name(name) => {
            // The regex crate reads `$1a` as the name `1a`.
            let digits = name.bytes().take_while(u8::is_ascii_digit).count();
            let help = if digits > 0 {
                let (number, rest) = name.split_at(digits);
                format!(
                    "`${name}` reads as one name; write `${{{number}}}{rest}` for group {number} followed by `{rest}`"
                )
            } else {
                "name a group with `(?P<name>…)`; write `$$` for a dollar sign".to_owned()
            };
            (
                format!("`{written}` names no group of regex `{pattern}`"),
                help,
            )
        }
    }
}

fn literal_patterns(raw: &RawCustom, problems: &mut Vec<ConfigProblem>) -> Vec<String> {
    let Some(patterns) = &raw.patterns else {
        return Vec::new();
    };
    if patterns.get_ref().is_empty() {
        problems.push(problem(
            patterns.span().into(),
            "`patterns` is an empty list",
            Some("list the text to look for, or remove `patterns`".to_owned()),
        ));
    }
    let mut literals = Vec::new();
    for pattern in patterns.get_ref() {
        if pattern.get_ref().value.is_empty() {
            problems.push(problem(
                pattern.span().into(),
                "empty text in `patterns`",
                Some("empty text would match everywhere; remove it".to_owned()),
            ));
        } else {
            literals.push(pattern.get_ref().value.clone());
        }
    }
    literals
}

/// The `[custom.substitute]` terms in the order they are written.
fn substitute_terms(
    raw: &RawCustom,
    kind_span: Span,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    let Some(table) = &raw.substitute else {
        problems.push(problem(
            kind_span,
            "`kind = \"substitute\"` needs a `[custom.substitute]` table of wrong = right terms",
            Some("add `[custom.substitute]` with lines like `\"登陆\" = \"登录\"`".to_owned()),
        ));
        return Vec::new();
    };
    let mut terms: Vec<(Spanned<String>, Spanned<String>)> = table
        .get_ref()
        .iter()
        .map(|(wrong, right)| (wrong.clone(), right.clone()))
        .collect();
    terms.sort_by_key(|(wrong, _)| wrong.span().start);
    if terms.is_empty() {
        problems.push(problem(
            table.span().into(),
            "`[custom.substitute]` is empty",
            Some(
                "add lines like `\"登陆\" = \"登录\"`: the wrong term, then the right one"
                    .to_owned(),
            ),
        ));
    }
    for (wrong, right) in &terms {
        if wrong.get_ref().is_empty() {
            problems.push(problem(
                wrong.span().into(),
                "empty term in `[custom.substitute]`",
                Some("empty text would match everywhere; remove it".to_owned()),
            ));
        } else if wrong.get_ref() == right.get_ref() {
            problems.push(problem(
                right.span().into(),
                format!("`{}` is replaced by itself", wrong.get_ref()),
                Some("remove the line, or write the right term on the right".to_owned()),
            ));
        }
    }
    terms
}

/// Compiles one regex, refusing those that cannot match and those that
/// match empty text; errors point into the regex where they can.
fn compile_regex(source: &Spanned<Text>, ignore_case: bool) -> Result<Regex, ConfigProblem> {
    let pattern = source.get_ref().value.as_str();
    let whole: Span = source.span().into();
    let parsed = regex_syntax::ParserBuilder::new()
        .case_insensitive(ignore_case)
        .build()
        .parse(pattern);
    let hir = parsed.map_err(|error| {
        let (range, kind) = match &error {
            regex_syntax::Error::Parse(error) => (
                error.span().start.offset..error.span().end.offset,
                error.kind().to_string(),
            ),
            regex_syntax::Error::Translate(error) => (
                error.span().start.offset..error.span().end.offset,
                error.kind().to_string(),
            ),
            other => (0..pattern.len(), other.to_string()),
        };
        problem(
            Text::span_of(source, range),
            format!("invalid regex: {kind}"),
            Some(REGEX_SYNTAX_HELP.to_owned()),
        )
    })?;
    match hir.properties().minimum_len() {
        None => Err(problem(
            whole,
            format!("regex `{pattern}` can never match"),
            Some(
                "it asks for something no text has, such as a character in an empty class"
                    .to_owned(),
            ),
        )),
        Some(0) => Err(problem(
            whole,
            format!("regex `{pattern}` matches empty text, so it would fire everywhere"),
            Some("make sure it needs at least one character: `a+` rather than `a*`".to_owned()),
        )),
        Some(_) => RegexBuilder::new(pattern)
            .case_insensitive(ignore_case)
            .build()
            .map_err(|error| {
                // The parser accepted it, so this is a limit (size,
                // nesting), told on the message's last line.
                let message = error.to_string();
                problem(
                    whole,
                    format!(
                        "invalid regex: {}",
                        message.lines().last().unwrap_or_default()
                    ),
                    Some(REGEX_SYNTAX_HELP.to_owned()),
                )
            }),
    }
}

/// A fix whose new text the rule reports again would make `--fix` go
/// round in circles: refused for terms and for a `replace` without groups
/// (fixes with groups are tried on the `bad` examples instead).
pub(super) fn check_fixes_do_not_refire(
    rule: &CustomRule,
    terms: &[(Spanned<String>, Spanned<String>)],
    replace: Option<&Spanned<Text>>,
    problems: &mut Vec<ConfigProblem>,
) {
    let mut found = Vec::new();
    let mut refires = |text: &str| {
        rule.matcher
            .find_in(text, Span::new(0, text.len()), &mut found);
        found.first().map(|f| text[f.span.range()].to_owned())
    };
    for (_, right) in terms {
        if let Some(again) = refires(right.get_ref()) {
            problems.push(problem(
                right.span().into(),
                format!(
                    "the replacement `{}` contains `{again}`, which this rule replaces again",
                    right.get_ref()
                ),
                Some(NEVER_FINISHES.to_owned()),
            ));
        }
    }
    let Kind::Forbid {
        replace: Some(template),
    } = &rule.kind
    else {
        return;
    };
    if let (Some(replace), Some(literal)) = (replace, template.as_literal())
        && let Some(again) = refires(&literal)
    {
        problems.push(problem(
            replace.span().into(),
            format!(
                "the replacement `{literal}` contains `{again}`, which this rule reports again"
            ),
            Some(NEVER_FINISHES.to_owned()),
        ));
    }
}
