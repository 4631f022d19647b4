//! Where the scans put their findings.

use redline_core::{Finding, RuleContext, Span};
use serde::Deserialize;

/// How ASCII marks in Chinese text are reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Report {
    /// One finding per line, at its first mark, fixing every mark of the
    /// line: a document typed with ASCII punctuation throughout gets one
    /// finding per paragraph, not one per comma.
    #[default]
    PerLine,
    /// One finding per mark.
    Each,
}

/// The findings of one check run, and what every scan needs to make them.
pub(crate) struct Sink<'a> {
    pub context: RuleContext<'a>,
    pub text: &'a str,
    pub report: Report,
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(context: RuleContext<'a>, text: &'a str, report: Report) -> Self {
        Self {
            context,
            text,
            report,
            findings: Vec::new(),
        }
    }

    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }
}
