//! `[custom.examples]`: each example is linted with its rule when the
//! configuration loads, so a rule that does not do what its author showed
//! is an error at the example, not a surprise in a report.

use super::docs::scope_phrase;
use super::raw::RawExamples;
use super::rule::{CustomRule, Kind};
use super::spec::problem;
use crate::config::ConfigProblem;
use crate::fix::{FixMode, apply_edits, select_fixes};
use crate::{Document, Finding, Rule, RuleContext, SourceFile, Span};
use toml::Spanned;

pub(super) fn verify(rule: &CustomRule, examples: &RawExamples, problems: &mut Vec<ConfigProblem>) {
    let id = rule.meta.id;
    for bad in &examples.bad {
        let findings = run(rule, bad.get_ref());
        if findings.is_empty() {
            problems.push(problem(
                bad.span().into(),
                format!(
                    "this `bad` example does not trigger `{id}`{}",
                    why_silent(rule, bad)
                ),
                Some(search_hint(rule)),
            ));
        } else if let Some(refired) = refires_after_fix(rule, bad, &findings) {
            problems.push(refired);
        }
    }
    for good in &examples.good {
        let findings = run(rule, good.get_ref());
        let Some(first) = findings.first() else {
            continue;
        };
        let matched = &good.get_ref()[first.span.range()];
        let why = match &rule.kind {
            Kind::Require => ": nothing in it matches the required text".to_owned(),
            Kind::MaxCount { max } => format!(
                ": one {} has more matches than `max = {max}`; the first extra one is `{matched}`",
                rule.scope.name()
            ),
            Kind::Forbid { .. } | Kind::Substitute { .. } => format!(": it matches `{matched}`"),
        };
        let help = match &rule.kind {
            Kind::Require => search_hint(rule),
            _ => "move the example to `bad`, or narrow the patterns".to_owned(),
        };
        problems.push(problem(
            good.span().into(),
            format!("this `good` example triggers `{id}`{why}"),
            Some(help),
        ));
    }
}

/// The rule's findings in `text`, linted as a document of its own.
fn run(rule: &CustomRule, text: &str) -> Vec<Finding> {
    let source = SourceFile::new("example", text.to_owned());
    let document = Document::parse(&source);
    let context = RuleContext {
        rule_id: rule.meta.id,
        severity: rule.meta.default_severity,
    };
    rule.check(&document, &context)
}

/// Why a `bad` example found nothing, when the kind says more than "no
/// match".
fn why_silent(rule: &CustomRule, bad: &Spanned<String>) -> String {
    match &rule.kind {
        Kind::Require => {
            let source = SourceFile::new("example", bad.get_ref().clone());
            let document = Document::parse(&source);
            rule.first_match(&document)
                .map(|span: Span| format!(": it contains `{}`", document.slice(span)))
                .unwrap_or_default()
        }
        Kind::MaxCount { max } => format!(
            ": no {} in it has more matches than `max = {max}`",
            rule.scope.name()
        ),
        Kind::Forbid { .. } | Kind::Substitute { .. } => ": nothing in it matches".to_owned(),
    }
}

/// How the rule searches, for an example that does not behave.
fn search_hint(rule: &CustomRule) -> String {
    if let Kind::Require = rule.kind {
        return format!(
            "a `bad` example of a `require` rule is a document that lacks the required text; Redline searches {}",
            scope_phrase(rule.scope)
        );
    }
    let mut hint = format!("Redline searches {}", scope_phrase(rule.scope));
    if rule.matcher.word() {
        hint.push_str(", and with `word = true` a match must start and end at a word boundary");
    }
    if !rule.matcher.ignore_case() {
        hint.push_str("; case matters unless `ignore-case = true`");
    }
    hint
}

/// A `bad` example whose fixed text the rule still reports: `--fix` would
/// repeat the fix (or find new matches it creates) round after round.
fn refires_after_fix(
    rule: &CustomRule,
    bad: &Spanned<String>,
    findings: &[Finding],
) -> Option<ConfigProblem> {
    let fixes = select_fixes(findings, FixMode::Safe);
    if fixes.is_empty() {
        return None;
    }
    let fixed = apply_edits(bad.get_ref(), fixes.iter().flat_map(|fix| fix.edits.iter()));
    let again = run(rule, &fixed);
    let first = again.first()?;
    Some(problem(
        bad.span().into(),
        format!(
            "fixing this `bad` example gives `{}`, in which `{}` still reports `{}`",
            fixed.trim_end(),
            rule.meta.id,
            &fixed[first.span.range()]
        ),
        Some("`--fix` would never finish; a fix must remove what the rule reports".to_owned()),
    ))
}
