//! Work summaries that lack a section they need: achievements, problems,
//! a plan for the next period.

#![deny(unsafe_code)]

mod outline;
mod phrasing;
mod profile;
mod required_sections;
mod words;

pub use profile::{Profile, SectionOption};
use redline_core::Registry;
pub use required_sections::{RequiredSections, RequiredSectionsOptions};

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<RequiredSections>();
}
