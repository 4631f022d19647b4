//! Template leftovers: placeholders that were never filled in.

#![deny(unsafe_code)]

mod candidates;
mod context;
mod placeholder;

pub use placeholder::{Placeholder, PlaceholderOptions};
use redline_core::Registry;

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<Placeholder>();
}
