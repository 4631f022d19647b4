//! Punctuation: ASCII marks in Chinese text, unbalanced pairs, doubled
//! marks and English spacing.

#![deny(unsafe_code)]

mod chars;
mod chinese;
mod document_numbers;
mod english;
mod layout;
mod lines;
mod pairs;
mod punctuation;
mod quotes;
mod sink;

pub use punctuation::{Punctuation, PunctuationOptions};
use redline_core::Registry;
pub use sink::Report;

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<Punctuation>();
}
