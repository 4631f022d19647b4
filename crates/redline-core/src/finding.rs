//! Findings are plain data; rendering them is the front end's job.

use crate::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered, so `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The next lower severity (`info` stays `info`): the level of a rule's
    /// heuristic findings when its certain ones are at `self`.
    pub const fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            Severity::Warning | Severity::Info => Severity::Info,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's configured level: a severity, or switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub const NAMES: [&'static str; 4] = ["error", "warning", "info", "off"];

    pub const fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn parse(name: &str) -> Option<Level> {
        match name {
            "off" => Some(Level::Off),
            "info" => Some(Level::Info),
            "warning" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Info => Level::Info,
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the author's meaning; applied by `--fix`.
    Safe,
    /// May change meaning (a guessed year, a deleted paragraph); applied
    /// only when asked for explicitly.
    Unsafe,
}

/// Replace the bytes `start..end` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            start: span.start,
            end: span.end,
            replacement: replacement.into(),
        }
    }

    pub fn delete(span: Span) -> Self {
        Self::replace(span, "")
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// Non-overlapping edits, sorted by start.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|edit| (edit.start, edit.end));
        Self {
            applicability,
            edits,
        }
    }

    pub fn safe(edits: Vec<Edit>) -> Self {
        Self::new(Applicability::Safe, edits)
    }

    pub fn unsafe_edits(edits: Vec<Edit>) -> Self {
        Self::new(Applicability::Unsafe, edits)
    }
}

/// A secondary span with its own text ("first appears here").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// Rules create findings through
    /// [`RuleContext::finding`](crate::RuleContext::finding), which fills in
    /// the rule id and the configured severity.
    pub fn new(
        rule: impl Into<String>,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_order_and_lower() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!(Severity::Error.lowered(), Severity::Warning);
        assert_eq!(Severity::Warning.lowered(), Severity::Info);
        assert_eq!(Severity::Info.lowered(), Severity::Info);
    }

    #[test]
    fn fixes_keep_their_edits_sorted() {
        let fix = Fix::safe(vec![
            Edit::delete(Span::new(5, 6)),
            Edit::replace(Span::new(1, 2), "x"),
        ]);
        assert_eq!(fix.edits[0].span(), Span::new(1, 2));
        assert_eq!(fix.applicability, Applicability::Safe);
    }
}
