//! Loads native rule plugins (see `redline-plugin-api`) and turns their
//! rules into ordinary Redline rules.
//!
//! A plugin runs inside the Redline process with the user's rights: the
//! host can check its ABI, its answers and its SHA-256 digest, not its
//! intentions. Libraries are never unloaded, so everything they hand out
//! stays valid for the run.

mod library;
mod pin;
mod rule;
mod validate;

use library::LoadedPlugin;
use redline_core::engine::io_message;
use redline_core::{PluginLoader, PluginRules};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The [`PluginLoader`] of a run: each library is loaded once, however
/// many configs list it.
#[derive(Default)]
pub struct PluginHost {
    loaded: Mutex<HashMap<PathBuf, Result<Arc<LoadedPlugin>, String>>>,
}

impl PluginHost {
    pub fn new() -> Self {
        Self::default()
    }
}

/// The library at `path`, or, when `path` names no file and has no
/// extension, the platform's file name for a library of that name
/// (`plugins/my_rules` → `plugins/libmy_rules.so`, `libmy_rules.dylib` or
/// `my_rules.dll`), so that one config serves every platform.
fn locate(path: &Path) -> Result<PathBuf, String> {
    let platform_name = match (path.file_name(), path.extension()) {
        (Some(name), None) if !path.exists() => {
            Some(path.with_file_name(libloading::library_filename(name)))
        }
        _ => None,
    };
    let candidate = platform_name.as_deref().unwrap_or(path);
    candidate.canonicalize().map_err(|error| {
        format!(
            "cannot open {}: {}",
            candidate.display(),
            io_message(&error)
        )
    })
}

impl PluginLoader for PluginHost {
    fn load(&self, path: &Path, sha256: Option<&str>) -> Result<PluginRules, String> {
        let canonical = locate(path)?;
        // Read on every use: the digest keys cached results, and another
        // config may pin the same file differently.
        let digest = pin::digest(&canonical)?;
        if let Some(expected) = sha256 {
            pin::verify(&digest, expected)?;
        }
        let plugin = {
            let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
            loaded
                .entry(canonical.clone())
                .or_insert_with(|| LoadedPlugin::load(&canonical).map(Arc::new))
                .clone()?
        };
        Ok(PluginRules {
            rules: rule::registered_rules(&plugin),
            digest,
        })
    }
}
