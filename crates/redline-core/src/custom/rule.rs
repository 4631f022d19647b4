//! A compiled custom rule: what it checks the document for.

use super::matcher::{Found, Matcher, Pattern};
use super::template::{Message, Replacement, Values};
use crate::script::is_blank;
use crate::{Document, Edit, Finding, Fix, Rule, RuleContext, RuleMeta, Span};
use std::sync::Arc;

/// Which pieces of the document are searched, each on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    Line,
    Sentence,
    Paragraph,
    Heading,
    Document,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::Line,
        Scope::Sentence,
        Scope::Paragraph,
        Scope::Heading,
        Scope::Document,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scope::Line => "line",
            Scope::Sentence => "sentence",
            Scope::Paragraph => "paragraph",
            Scope::Heading => "heading",
            Scope::Document => "document",
        }
    }

    /// The spans searched, in order.
    fn units<'d>(self, document: &'d Document<'_>) -> Box<dyn Iterator<Item = Span> + 'd> {
        match self {
            Scope::Line => Box::new(document.lines()),
            Scope::Sentence => Box::new(document.sentences().iter().map(|s| s.span)),
            Scope::Paragraph => Box::new(document.blocks().iter().map(|b| b.span)),
            Scope::Heading => Box::new(document.headings().iter().map(|h| h.title)),
            Scope::Document => Box::new(std::iter::once(Span::new(0, document.text().len()))),
        }
    }
}

/// What a match means.
#[derive(Debug)]
pub(super) enum Kind {
    /// Every match is a finding, fixed by `replace` when given.
    Forbid { replace: Option<Replacement> },
    /// A document without any match is one finding.
    Require,
    /// Matches beyond the `max`-th in one unit are findings.
    MaxCount { max: usize },
    /// Every match is a finding, fixed to the right term; indexed like
    /// the literal patterns.
    Substitute { right: Vec<String> },
}

#[derive(Debug)]
pub(super) struct CustomRule {
    pub meta: RuleMeta,
    pub kind: Kind,
    pub scope: Scope,
    pub matcher: Matcher,
    pub message: Message,
    pub help: Option<String>,
}

impl CustomRule {
    /// Whether some unit of the document has a match.
    pub fn has_match(&self, document: &Document<'_>) -> bool {
        self.first_match(document).is_some()
    }

    /// The first match in the document, in scope order.
    pub fn first_match(&self, document: &Document<'_>) -> Option<Span> {
        let mut found = Vec::new();
        self.scope.units(document).find_map(|unit| {
            self.matcher.find_in(document.text(), unit, &mut found);
            found.first().map(|f| f.span)
        })
    }

    fn report(
        &self,
        text: &str,
        unit: Span,
        found: &[Found],
        context: &RuleContext<'_>,
        findings: &mut Vec<Finding>,
    ) {
        match &self.kind {
            Kind::Forbid { replace } => {
                for &f in found {
                    let matched = &text[f.span.range()];
                    let replacement = replace.as_ref().map(|replace| {
                        let groups = if replace.needs_groups() {
                            self.matcher.captures(text, unit, f)
                        } else {
                            None
                        };
                        replace.expand(matched, groups.as_ref())
                    });
                    let values = Values {
                        matched,
                        replacement: replacement.as_deref().unwrap_or_default(),
                        ..Values::default()
                    };
                    let mut finding = context.finding(f.span, self.message.render(&values));
                    if let Some(replacement) = replacement {
                        let help = match &self.help {
                            Some(help) => help.clone(),
                            None if replacement.is_empty() => "delete it".to_owned(),
                            None => format!("replace it with `{replacement}`"),
                        };
                        finding = finding
                            .with_help(help)
                            .with_fix(Fix::safe(vec![Edit::replace(f.span, replacement)]));
                    } else if let Some(help) = &self.help {
                        finding = finding.with_help(help.clone());
                    }
                    findings.push(finding);
                }
            }
            Kind::Substitute { right } => {
                for &f in found {
                    let Pattern::Literal(index) = f.pattern else {
                        continue;
                    };
                    let replacement = right[index].as_str();
                    let values = Values {
                        matched: &text[f.span.range()],
                        replacement,
                        ..Values::default()
                    };
                    let finding = context
                        .finding(f.span, self.message.render(&values))
                        .with_fix(Fix::safe(vec![Edit::replace(f.span, replacement)]));
                    findings.push(self.with_help(finding));
                }
            }
            Kind::MaxCount { max } => {
                if found.len() <= *max {
                    return;
                }
                let first = found[0].span;
                for (position, f) in found.iter().enumerate().skip(*max) {
                    let values = Values {
                        matched: &text[f.span.range()],
                        count: found.len(),
                        max: *max,
                        ..Values::default()
                    };
                    let mut finding = context.finding(f.span, self.message.render(&values));
                    if position > 0 {
                        finding = finding.with_label(first, "first use here");
                    }
                    findings.push(self.with_help(finding));
                }
            }
            Kind::Require => {}
        }
    }

    fn with_help(&self, finding: Finding) -> Finding {
        match &self.help {
            Some(help) => finding.with_help(help.clone()),
            None => finding,
        }
    }
}

impl Rule for CustomRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let mut findings = Vec::new();
        if let Kind::Require = self.kind {
            if !self.has_match(document) {
                let span = first_line(document);
                let finding = context.finding(span, self.message.render(&Values::default()));
                findings.push(self.with_help(finding));
            }
            return findings;
        }
        let text = document.text();
        let mut found = Vec::new();
        for unit in self.scope.units(document) {
            self.matcher.find_in(text, unit, &mut found);
            if !found.is_empty() {
                self.report(text, unit, &found, context, &mut findings);
            }
        }
        findings
    }
}

/// Where a missing required text is reported: the first line with text,
/// without surrounding blanks; an empty document's start.
fn first_line(document: &Document<'_>) -> Span {
    document
        .lines()
        .find_map(|line| {
            let slice = document.slice(line);
            let trimmed = slice.trim_start_matches(is_blank);
            let start = line.start + slice.len() - trimmed.len();
            let content = trimmed.trim_end_matches(is_blank);
            (!content.is_empty()).then(|| Span::new(start, start + content.len()))
        })
        .unwrap_or_default()
}

/// One compiled rule shared by every configuration build and thread.
pub(super) struct Shared(pub Arc<CustomRule>);

impl Rule for Shared {
    fn meta(&self) -> &RuleMeta {
        &self.0.meta
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        self.0.check(document, context)
    }
}

/// Stands in for a `[[custom]]` table that has errors: the configuration
/// fails to load either way, and registering the id keeps `[rules.<id>]`
/// and `[[overrides]]` that name it from adding "unknown rule" errors to
/// the real ones.
pub(super) struct Invalid(pub RuleMeta);

impl Rule for Invalid {
    fn meta(&self) -> &RuleMeta {
        &self.0
    }

    fn check(&self, _: &Document<'_>, _: &RuleContext<'_>) -> Vec<Finding> {
        Vec::new()
    }
}
