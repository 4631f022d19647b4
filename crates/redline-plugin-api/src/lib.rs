//! Write native rule plugins for Redline.
//!
//! A plugin is a `cdylib` that exports two C symbols:
//!
//! - `redline_plugin_abi_version() -> u32`: the ABI it was built for,
//!   [`ABI_VERSION`]; the host refuses any other before touching anything
//!   else;
//! - `redline_plugin_entry_v1() -> *const PluginV1`: a static function
//!   table, [`abi::PluginV1`].
//!
//! Everything else crosses as UTF-8 JSON ([`wire`]) in buffers that are
//! freed by the side that allocated them. [`export_plugin!`] writes both
//! symbols and the table for ordinary Rust types implementing
//! [`PluginRule`], and catches every panic before it reaches the host.
//!
//! ```
//! use redline_plugin_api::{Finding, Input, PluginRule, Severity, export_plugin};
//!
//! /// Flags every `TODO`.
//! struct NoTodo;
//!
//! impl PluginRule for NoTodo {
//!     const ID: &'static str = "no-todo";
//!     const SUMMARY: &'static str = "`TODO` left in the text";
//!     const DOCS: &'static str = "Finds `TODO`.";
//!     const DEFAULT_SEVERITY: Severity = Severity::Warning;
//!     type Options = ();
//!
//!     fn new((): ()) -> Result<Self, String> {
//!         Ok(NoTodo)
//!     }
//!
//!     fn check(&self, input: &Input<'_>) -> Vec<Finding> {
//!         input
//!             .text
//!             .match_indices("TODO")
//!             .map(|(at, found)| Finding::new(at..at + found.len(), "remove the TODO"))
//!             .collect()
//!     }
//! }
//!
//! export_plugin!(name: "my-rules", rules: [NoTodo]);
//! ```

pub mod abi;
mod export;
mod sdk;
pub mod wire;

pub use sdk::{Input, Plugin, PluginRule, RuleEntry};
pub use wire::{Applicability, Edit, Finding, Fix, Label, Severity, Span};

/// The ABI this crate implements. It changes only when the function table
/// or the JSON documents change incompatibly.
pub const ABI_VERSION: u32 = 1;

/// The symbol returning the plugin's ABI version.
pub const ABI_VERSION_SYMBOL: &str = "redline_plugin_abi_version";

/// The symbol returning the version 1 function table.
pub const ENTRY_V1_SYMBOL: &str = "redline_plugin_entry_v1";

#[doc(hidden)]
pub mod __private {
    pub use crate::export::{check, create, destroy, free_buffer, metadata};
}

/// Compiles the Rust example of the plugin guide, so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/plugins.md")]
pub struct PluginGuideDoctests;
