//! Checking a `[[custom]]` table key by key and compiling it into a rule.

use super::docs::Description;
use super::matcher::Matcher;
use super::patterns::{Patterns, check_fixes_do_not_refire};
use super::raw::{RawCustom, RawExamples, Text, key_span};
use super::rule::{CustomRule, Kind, Scope};
use super::template::{Message, Placeholder};
use crate::config::ConfigProblem;
use crate::{RuleMeta, Severity, Span, closest, intern};
use toml::Spanned;
use toml::de::DeTable;

/// What substitute rules say when their table has no `message`.
const SUBSTITUTE_MESSAGE: &str = "use `{replacement}` instead of `{match}`";

pub(super) fn problem(
    span: Span,
    message: impl Into<String>,
    help: Option<String>,
) -> ConfigProblem {
    ConfigProblem {
        span: Some(span),
        message: message.into(),
        help,
    }
}

/// The `kind` key, before the rest of the table gives it data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KindName {
    Forbid,
    Require,
    MaxCount,
    Substitute,
}

impl KindName {
    const ALL: [KindName; 4] = [
        KindName::Forbid,
        KindName::Require,
        KindName::MaxCount,
        KindName::Substitute,
    ];

    pub fn name(self) -> &'static str {
        match self {
            KindName::Forbid => "forbid",
            KindName::Require => "require",
            KindName::MaxCount => "max-count",
            KindName::Substitute => "substitute",
        }
    }
}

/// `No Empty_Slogans` → `no-empty-slogans`, when that is a valid id.
fn id_suggestion(id: &str) -> Option<String> {
    let words: Vec<String> = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let suggestion = words.join("-");
    crate::is_rule_id(&suggestion).then_some(suggestion)
}

/// Which of `names` a keyword value (`kind`, `scope`, `level`) is, or the
/// problem with it.
fn keyword<T: Copy>(
    value: &Spanned<String>,
    key: &str,
    names: &[(&str, T)],
    problems: &mut Vec<ConfigProblem>,
) -> Option<T> {
    let name = value.get_ref();
    if let Some(&(_, known)) = names.iter().find(|(known, _)| known == name) {
        return Some(known);
    }
    let help = match closest(name, names.iter().map(|(known, _)| *known)) {
        Some(near) => format!("did you mean `{near}`?"),
        None => {
            let all: Vec<&str> = names.iter().map(|(known, _)| *known).collect();
            format!("one of {}", all.join(", "))
        }
    };
    problems.push(problem(
        value.span().into(),
        format!("unknown {key} `{name}`"),
        Some(help),
    ));
    None
}

/// A checked table: the rule, and its examples still to be tried.
pub(super) struct Compiled {
    pub rule: CustomRule,
    pub examples: RawExamples,
}

/// Checks every key of one table (`keys` is the table as parsed, for the
/// spans of keys); every problem found is returned.
pub(super) fn compile(
    raw: RawCustom,
    keys: &DeTable<'_>,
    header: Span,
) -> Result<Compiled, Vec<ConfigProblem>> {
    let mut problems = Vec::new();
    let id_span: Span = raw.id.span().into();
    check_id(&raw.id, &mut problems);
    let kinds = KindName::ALL.map(|kind| (kind.name(), kind));
    let kind = match &raw.kind {
        None => KindName::Forbid,
        Some(kind) => match keyword(kind, "kind", &kinds, &mut problems) {
            Some(kind) => kind,
            // Every other key's meaning depends on the kind.
            None => return Err(problems),
        },
    };
    let kind_span = raw.kind.as_ref().map_or(id_span, |kind| kind.span().into());
    let severity = raw
        .level
        .as_ref()
        .and_then(|level| severity(level, raw.id.get_ref(), &mut problems))
        .unwrap_or(Severity::Warning);
    let scopes = Scope::ALL.map(|scope| (scope.name(), scope));
    let scope = raw
        .scope
        .as_ref()
        .and_then(|scope| keyword(scope, "scope", &scopes, &mut problems))
        .unwrap_or(Scope::Paragraph);
    check_kind_keys(&raw, kind, keys, header, &mut problems);

    let patterns = Patterns::read(&raw, kind, kind_span, id_span, &mut problems);
    let max = max(&raw, kind, kind_span, scope, &mut problems);
    let replace = match (&raw.replace, kind) {
        (Some(replace), KindName::Forbid) => Some(patterns.replacement(replace, &mut problems)),
        _ => None,
    };
    let message_text = message_text(&raw, kind, id_span, &mut problems);
    let message = message_text.as_deref().and_then(|text| {
        let allowed: &[Placeholder] = match kind {
            KindName::Require => &[],
            KindName::MaxCount => &[Placeholder::Match, Placeholder::Count, Placeholder::Max],
            KindName::Substitute => &[Placeholder::Match, Placeholder::Replacement],
            KindName::Forbid if replace.is_some() => {
                &[Placeholder::Match, Placeholder::Replacement]
            }
            KindName::Forbid => &[Placeholder::Match],
        };
        Message::parse(text, allowed, kind.name())
            .map_err(|error| {
                let span = raw.message.as_ref().map_or(id_span, |message| {
                    Text::span_of(message, error.range.clone())
                });
                problems.push(problem(span, error.message, error.help));
            })
            .ok()
    });
    let summary = summary(&raw, &mut problems);
    let matcher = Matcher::new(
        &patterns.literals,
        patterns.regexes.clone(),
        raw.ignore_case,
        raw.word,
    )
    .map_err(|error| problems.push(problem(header, error, None)))
    .ok();
    let (Some(matcher), Some(message), Some(message_text), true) =
        (matcher, message, message_text, problems.is_empty())
    else {
        return Err(problems);
    };

    let examples = raw.examples.unwrap_or_default();
    let terms: Vec<(String, String)> = patterns
        .terms
        .iter()
        .map(|(wrong, right)| (wrong.get_ref().clone(), right.get_ref().clone()))
        .collect();
    let regexes: Vec<String> = patterns
        .regex_sources
        .iter()
        .map(|regex| regex.get_ref().value.clone())
        .collect();
    let bad: Vec<String> = examples.bad.iter().map(|e| e.get_ref().clone()).collect();
    let good: Vec<String> = examples.good.iter().map(|e| e.get_ref().clone()).collect();
    let description = Description {
        kind,
        scope,
        literals: if kind == KindName::Substitute {
            &[]
        } else {
            &patterns.literals
        },
        regexes: &regexes,
        word: raw.word,
        ignore_case: raw.ignore_case,
        message: &message_text,
        replace: raw.replace.as_ref().map(|r| r.get_ref().value.as_str()),
        max,
        terms: &terms,
        bad: &bad,
        good: &good,
    };
    let meta = RuleMeta {
        id: intern(raw.id.get_ref()),
        family: "custom",
        default_severity: severity,
        recommended: true,
        fixable: replace.is_some() || kind == KindName::Substitute,
        summary: intern(&summary.unwrap_or_else(|| description.summary())),
        docs: crate::docs_from_markdown(&description.docs()),
    };
    let rule = CustomRule {
        meta,
        kind: match kind {
            KindName::Forbid => Kind::Forbid { replace },
            KindName::Require => Kind::Require,
            KindName::MaxCount => Kind::MaxCount { max },
            KindName::Substitute => Kind::Substitute {
                right: terms.into_iter().map(|(_, right)| right).collect(),
            },
        },
        scope,
        matcher,
        message,
        help: raw.help.filter(|help| !help.trim().is_empty()),
    };
    check_fixes_do_not_refire(&rule, &patterns.terms, raw.replace.as_ref(), &mut problems);
    if problems.is_empty() {
        Ok(Compiled { rule, examples })
    } else {
        Err(problems)
    }
}

fn check_id(id: &Spanned<String>, problems: &mut Vec<ConfigProblem>) {
    let name = id.get_ref();
    if crate::is_rule_id(name) {
        return;
    }
    let help = match id_suggestion(name) {
        Some(suggestion) => format!(
            "write it as `{suggestion}`: lower-case letters and digits, words joined by `-`"
        ),
        None => "use lower-case letters and digits, words joined by `-`, like `no-empty-slogans`"
            .to_owned(),
    };
    problems.push(problem(
        id.span().into(),
        format!("invalid rule id `{name}`"),
        Some(help),
    ));
}

fn severity(
    level: &Spanned<String>,
    id: &str,
    problems: &mut Vec<ConfigProblem>,
) -> Option<Severity> {
    if level.get_ref() == "off" {
        problems.push(problem(
            level.span().into(),
            "a custom rule's `level` is its severity: error, warning or info",
            Some(format!(
                "to switch the rule off, write `level = \"off\"` under `[rules.{id}]`"
            )),
        ));
        return None;
    }
    let severities = [
        ("error", Severity::Error),
        ("warning", Severity::Warning),
        ("info", Severity::Info),
    ];
    keyword(level, "level", &severities, problems)
}

/// Keys that only some kinds take, reported at the key when the kind is
/// another.
fn check_kind_keys(
    raw: &RawCustom,
    kind: KindName,
    keys: &DeTable<'_>,
    header: Span,
    problems: &mut Vec<ConfigProblem>,
) {
    let name = kind.name();
    let present = [
        ("patterns", raw.patterns.is_some()),
        ("regex", raw.regex.is_some()),
        ("replace", raw.replace.is_some()),
        ("max", raw.max.is_some()),
        ("substitute", raw.substitute.is_some()),
    ];
    for (key, is_present) in present {
        let belongs = match key {
            "patterns" | "regex" => kind != KindName::Substitute,
            "replace" => kind == KindName::Forbid,
            "max" => kind == KindName::MaxCount,
            _ => kind == KindName::Substitute,
        };
        if !is_present || belongs {
            continue;
        }
        let (message, help) = match key {
            "patterns" | "regex" => (
                format!("`{key}` does not apply to `kind = \"substitute\"`"),
                "a `substitute` rule looks for the terms on the left of its `[custom.substitute]` table",
            ),
            "replace" => (
                format!("`replace` does not apply to `kind = \"{name}\"`"),
                match kind {
                    KindName::Substitute => {
                        "a `substitute` rule fixes each term to its value in `[custom.substitute]`"
                    }
                    KindName::Require => {
                        "a `require` rule reports missing text; there is nothing to replace"
                    }
                    _ => {
                        "only `forbid` rules take `replace`; a `max-count` fix could not know which uses to keep"
                    }
                },
            ),
            "max" => (
                format!("`max` does not apply to `kind = \"{name}\"`"),
                "add `kind = \"max-count\"` to limit how often the patterns may appear",
            ),
            _ => (
                format!("`[custom.substitute]` does not apply to `kind = \"{name}\"`"),
                "add `kind = \"substitute\"` to fix wrong terms to right ones",
            ),
        };
        problems.push(problem(
            key_span(keys, key).unwrap_or(header),
            message,
            Some(help.to_owned()),
        ));
    }
}

fn max(
    raw: &RawCustom,
    kind: KindName,
    kind_span: Span,
    scope: Scope,
    problems: &mut Vec<ConfigProblem>,
) -> usize {
    if kind != KindName::MaxCount {
        return 0;
    }
    let Some(max) = &raw.max else {
        problems.push(problem(
            kind_span,
            format!(
                "`kind = \"max-count\"` needs `max`, the number of matches allowed per {}",
                scope.name()
            ),
            Some("add `max = 1`".to_owned()),
        ));
        return 0;
    };
    usize::try_from(*max.get_ref()).unwrap_or_else(|_| {
        problems.push(problem(
            max.span().into(),
            "`max` must be 0 or more",
            Some(format!(
                "`max` is how many matches each {} may have before the rest are reported",
                scope.name()
            )),
        ));
        0
    })
}

fn message_text(
    raw: &RawCustom,
    kind: KindName,
    id_span: Span,
    problems: &mut Vec<ConfigProblem>,
) -> Option<String> {
    match (&raw.message, kind) {
        (Some(message), _) => Some(message.get_ref().value.clone()),
        (None, KindName::Substitute) => Some(SUBSTITUTE_MESSAGE.to_owned()),
        (None, _) => {
            let help = if kind == KindName::Require {
                "add `message = \"…\"`: what is missing and how to add it"
            } else {
                "add `message = \"…\"`: what to change and why; `{match}` stands for the text found"
            };
            problems.push(problem(
                id_span,
                format!("custom rule `{}` has no `message`", raw.id.get_ref()),
                Some(help.to_owned()),
            ));
            None
        }
    }
}

/// The written summary without a trailing period, as `redline rules`
/// shows summaries.
fn summary(raw: &RawCustom, problems: &mut Vec<ConfigProblem>) -> Option<String> {
    let summary = raw.summary.as_ref()?;
    let text = summary
        .get_ref()
        .trim()
        .trim_end_matches(['.', '。'])
        .trim_end();
    let trouble = if text.is_empty() {
        "`summary` is empty"
    } else if text.contains('\n') {
        "`summary` must be one line"
    } else {
        return Some(text.to_owned());
    };
    problems.push(problem(
        summary.span().into(),
        trouble,
        Some(
            "one short line for `redline rules`, or leave it out to get one written for you"
                .to_owned(),
        ),
    ));
    None
}
