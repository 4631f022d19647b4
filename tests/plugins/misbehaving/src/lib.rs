//! Rules that each break one promise of the plugin contract, so the host's
//! tests can check that a broken plugin costs only its own findings.

use redline_plugin_api::{Finding, Input, PluginRule, Severity, export_plugin};
use serde::Deserialize;

/// Panics on every document.
pub struct Panics;

impl PluginRule for Panics {
    const ID: &'static str = "panics";
    const SUMMARY: &'static str = "panics on every document";
    const DOCS: &'static str = "Panics.";
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    type Options = ();

    fn new((): ()) -> Result<Self, String> {
        Ok(Panics)
    }

    fn check(&self, input: &Input<'_>) -> Vec<Finding> {
        panic!("deliberate panic on {}", input.path)
    }
}

/// Reports a span past the end of the text.
pub struct OutOfBounds;

impl PluginRule for OutOfBounds {
    const ID: &'static str = "out-of-bounds";
    const SUMMARY: &'static str = "reports a span past the end of the text";
    const DOCS: &'static str = "Reports a span past the end.";
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    type Options = ();

    fn new((): ()) -> Result<Self, String> {
        Ok(OutOfBounds)
    }

    fn check(&self, input: &Input<'_>) -> Vec<Finding> {
        vec![Finding::new(0..input.text.len() + 10, "too far")]
    }
}

/// Counts characters, and refuses a limit of zero: for option handling.
pub struct Picky {
    limit: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PickyOptions {
    limit: u32,
}

impl Default for PickyOptions {
    fn default() -> Self {
        Self { limit: 1 }
    }
}

impl PluginRule for Picky {
    const ID: &'static str = "picky";
    const SUMMARY: &'static str = "flags documents longer than `limit` bytes";
    const DOCS: &'static str = "Flags long documents.";
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    type Options = PickyOptions;

    fn new(options: PickyOptions) -> Result<Self, String> {
        if options.limit == 0 {
            return Err("`limit` must be positive".to_owned());
        }
        Ok(Picky {
            limit: options.limit,
        })
    }

    fn check(&self, input: &Input<'_>) -> Vec<Finding> {
        if input.text.len() > self.limit as usize {
            vec![Finding::new(
                0..0,
                format!("longer than {} bytes", self.limit),
            )]
        } else {
            Vec::new()
        }
    }
}

export_plugin!(name: "misbehaving", rules: [Panics, OutOfBounds, Picky]);
