//! Text cut short: documents ending mid-sentence, empty sections, sentences
//! split by stray line breaks or full stops, documents missing their start.

#![deny(unsafe_code)]

mod breaks;
mod ends;
mod layout;
mod starts;
mod text;
mod truncation;
mod words;

use redline_core::Registry;
pub use truncation::{Truncation, TruncationOptions};

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<Truncation>();
}
