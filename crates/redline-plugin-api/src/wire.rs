//! The JSON documents that cross the ABI, in both directions.
//!
//! Field names are `snake_case`; unknown fields are ignored on both sides
//! so that either side may add optional fields without an ABI bump.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How serious a rule's findings are by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// What `metadata` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginMetadata {
    /// Kebab-case; rule ids are shown as `name/rule-id`.
    pub name: String,
    pub version: String,
    pub rules: Vec<RuleMetadata>,
}

/// One rule a plugin offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleMetadata {
    /// Kebab-case, unique within the plugin.
    pub id: String,
    /// One line, no trailing period.
    pub summary: String,
    /// Markdown, shown by `redline explain`.
    pub docs: String,
    pub default_severity: Severity,
    #[serde(default)]
    pub fixable: bool,
    /// A JSON Schema of the rule's options, shown by `redline explain`;
    /// `null` when the rule takes none.
    #[serde(default)]
    pub options_schema: serde_json::Value,
}

/// What `create` receives: which rule, with the options from the user's
/// `[rules."plugin/rule-id"]` table (`null` when there is none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateRequest {
    pub rule: String,
    #[serde(default)]
    pub options: serde_json::Value,
}

/// A byte range of the text the host passed to `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span {
            start: range.start,
            end: range.end,
        }
    }
}

/// A secondary location shown with a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// Whether `redline check --fix` may apply a fix unasked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning: applied by `--fix`.
    Safe,
    /// May change the meaning: applied by `--unsafe-fixes` only.
    #[default]
    Unsafe,
}

/// A proposed change that resolves a finding: non-overlapping edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    #[serde(default)]
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// One problem a rule found. `check` returns a JSON array of these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id as declared in the metadata (without the plugin
    /// name); [`export_plugin!`](crate::export_plugin) fills it in.
    #[serde(default)]
    pub rule: String,
    pub span: Span,
    pub message: String,
    /// A guess: reported one severity below the configured one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tentative: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding at byte range `span` of the text.
    pub fn new(span: impl Into<Span>, message: impl Into<String>) -> Self {
        Finding {
            rule: String::new(),
            span: span.into(),
            message: message.into(),
            tentative: false,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, span: impl Into<Span>, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span: span.into(),
            message: message.into(),
        });
        self
    }

    /// Attaches a fix made of non-overlapping `edits`.
    pub fn with_fix(
        mut self,
        applicability: Applicability,
        edits: impl IntoIterator<Item = (Range<usize>, String)>,
    ) -> Self {
        self.fix = Some(Fix {
            applicability,
            edits: edits
                .into_iter()
                .map(|(span, replacement)| Edit {
                    span: span.into(),
                    replacement,
                })
                .collect(),
        });
        self
    }

    /// Marks the finding as a guess, reported one severity lower.
    pub fn tentative(mut self) -> Self {
        self.tentative = true;
        self
    }
}
