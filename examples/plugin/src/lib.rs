//! An example Redline plugin: two house rules for work summaries.
//!
//! Copy this folder, rename the crate and the plugin, and build it with
//! `cargo build --release`; Redline loads `target/release/` +
//! `libredline_example_plugin.so` (`.dylib` on macOS, `.dll` without the
//! `lib` prefix on Windows) when a config lists it:
//!
//! ```toml
//! plugins = [{ path = "plugins/libredline_example_plugin.so" }]
//!
//! [rules."house-style/signature"]
//! organisation = "市财政局"
//! ```

// The SDK holds all the `unsafe` a plugin needs.
#![deny(unsafe_code)]

mod banned_phrases;
mod signature;

pub use banned_phrases::BannedPhrases;
pub use signature::Signature;

redline_plugin_api::export_plugin!(name: "house-style", rules: [Signature, BannedPhrases]);
