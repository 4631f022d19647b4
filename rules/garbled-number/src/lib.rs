//! Figures corrupted by machine translation, scraping or masking.

#![deny(unsafe_code)]

mod amounts;
mod artifacts;
mod dates;
mod defect;
mod garbled_number;
mod glue;
mod masks;
mod numeral;
mod scan;
mod text;

pub use garbled_number::{GarbledNumber, GarbledNumberOptions};
use redline_core::Registry;

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<GarbledNumber>();
}
