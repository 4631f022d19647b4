//! List numbering: skipped, repeated and restarted ordinals, mixed marker
//! styles, and the Chinese heading hierarchy out of order.

#![deny(unsafe_code)]

mod family;
mod hidden;
mod numbering;
mod render;
mod tracker;

pub use numbering::{Numbering, NumberingOptions};
use redline_core::Registry;

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<Numbering>();
}
