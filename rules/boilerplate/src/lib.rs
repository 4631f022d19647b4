//! Web-page text scraped along with a document.

#![deny(unsafe_code)]

mod boilerplate;
mod lines;
mod links;
mod metadata;
mod navigation;
mod phrases;
mod piece;
mod text;
mod titles;

pub use boilerplate::{Boilerplate, BoilerplateOptions};
use redline_core::Registry;

/// Adds this family's rules to `registry`.
pub fn register(registry: &mut Registry) {
    registry.register::<Boilerplate>();
}
