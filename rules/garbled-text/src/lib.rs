//! Text corrupted by encoding or conversion: mojibake, replacement
//! characters, invisible characters, pinyin debris and stray quotes.

#![deny(unsafe_code)]

mod cp1252;
mod debris;
mod detect;
mod garble;
mod garbled_text;
mod invisible;
mod latin1;
mod pinyin;
mod quotes;
mod scan;
mod text;

pub use garbled_text::{GarbledText, GarbledTextOptions};
use redline_core::Registry;

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<GarbledText>();
}
