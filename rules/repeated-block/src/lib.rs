//! Repeated text: duplicated paragraphs, lines and titles, near-duplicates,
//! repeated sentences and doubled words.

#![deny(unsafe_code)]

mod doubled;
mod fingerprint;
mod fold;
mod repeated_block;
mod repeats;
mod scan;
mod similar;

use redline_core::Registry;
pub use repeated_block::{RepeatedBlock, RepeatedBlockOptions};

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<RepeatedBlock>();
}
