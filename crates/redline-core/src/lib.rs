//! Redline's core: text and spans, the document model, rules, configuration
//! and the engine. It knows no rule and no front end.

#![deny(unsafe_code)]

pub mod config;
mod custom;
pub mod document;
pub mod engine;
mod finding;
pub mod fix;
mod line_index;
pub mod patterns;
mod rule;
pub mod script;
mod source;
mod span;
pub mod suppress;

pub use document::{Block, BlockKind, Document, Heading, Marker, MarkerStyle, Part, Sentence};
pub use finding::{Applicability, Edit, Finding, Fix, Label, Level, Severity};
pub use line_index::{LineCol, LineIndex, char_count, display_width};
pub use rule::{
    DeclaredRule, OptionsError, PluginLoader, PluginRules, RegisteredRule, Registry, Rule,
    RuleContext, RuleMeta, RuleOptions, closest, docs_from_markdown, intern, is_rule_id,
};
pub use source::{DecodeError, Decoded, SourceFile, decode};
pub use span::Span;
