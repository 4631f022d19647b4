//! The result cache in `.redline_cache/`: a second run over unchanged
//! files does no rule work.

use redline_core::Finding;
use redline_core::engine::ResultCache;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The cache folder, relative to the working directory.
pub const CACHE_DIR: &str = ".redline_cache";

/// Findings stored as one JSON file per key, under a folder named after
/// the key's first two hex digits so no folder grows huge.
pub struct DiskCache {
    dir: PathBuf,
}

impl DiskCache {
    /// Opens (creating) the cache under `dir`; `None` when the folder
    /// cannot be made, and the run goes on without a cache.
    ///
    /// Entries live in a folder named after this build of the binary, so
    /// a rebuilt `redline` (whose rules may have changed without a version
    /// bump) never reads an older build's findings; other builds' folders
    /// are removed.
    pub fn open(dir: &Path) -> Option<DiskCache> {
        let builds = dir.join("v1");
        let build = build_id();
        let entries = builds.join(&build);
        std::fs::create_dir_all(&entries).ok()?;
        if let Ok(others) = std::fs::read_dir(&builds) {
            for other in others
                .flatten()
                .filter(|entry| entry.file_name() != build.as_str())
            {
                let _ = std::fs::remove_dir_all(other.path());
            }
        }
        // Keep the cache out of version control and backups, as other
        // tools' caches do.
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(&ignore, "# Created by redline; safe to delete.\n*\n");
            let _ = std::fs::write(
                dir.join("CACHEDIR.TAG"),
                "Signature: 8a477f597d28d172789f06886806bc55\n# Created by redline.\n",
            );
        }
        Some(DiskCache { dir: entries })
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.dir.join(&key[..2]).join(key)
    }
}

impl ResultCache for DiskCache {
    fn get(&self, key: &str) -> Option<Vec<Finding>> {
        let bytes = std::fs::read(self.entry(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    fn put(&self, key: &str, findings: &[Finding]) {
        let path = self.entry(key);
        let Some(folder) = path.parent() else { return };
        // Several threads may write one key at once (identical files);
        // each writes its own temporary file and the last rename wins.
        let stored = std::fs::create_dir_all(folder).and_then(|()| {
            let temporary = tempfile::NamedTempFile::new_in(folder)?;
            // serde_json writes in small pieces: buffer them, or every
            // piece is a system call.
            let mut writer = std::io::BufWriter::new(temporary);
            serde_json::to_writer(&mut writer, findings)?;
            writer.flush()?;
            let temporary = writer.into_inner().map_err(|error| error.into_error())?;
            temporary.persist(&path).map_err(|error| error.error)?;
            Ok(())
        });
        // A read-only or full disk only costs the next run some work.
        drop(stored);
    }
}

/// The version, plus the executable's size and modification time.
fn build_id() -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    if let Some(metadata) = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
    {
        hasher.update(&metadata.len().to_le_bytes());
        if let Ok(modified) = metadata.modified() {
            hasher.update(format!("{modified:?}").as_bytes());
        }
    }
    hasher.finalize().to_hex()[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use redline_core::{Severity, Span};

    #[test]
    fn stores_and_returns_findings() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DiskCache::open(&dir.path().join(CACHE_DIR)).unwrap();
        let key = "ab".repeat(32);
        assert!(cache.get(&key).is_none());
        let findings =
            vec![Finding::new("placeholder", Severity::Error, Span::new(0, 4), "m").with_help("h")];
        cache.put(&key, &findings);
        assert_eq!(cache.get(&key), Some(findings));
        assert!(dir.path().join(CACHE_DIR).join(".gitignore").is_file());
    }

    #[test]
    fn other_builds_entries_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join("v1").join("0123456789abcdef");
        std::fs::create_dir_all(&stale).unwrap();
        DiskCache::open(dir.path()).unwrap();
        assert!(!stale.exists());
        assert!(dir.path().join("v1").join(build_id()).is_dir());
    }

    #[test]
    fn a_damaged_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DiskCache::open(dir.path()).unwrap();
        let key = "cd".repeat(32);
        std::fs::create_dir_all(cache.entry(&key).parent().unwrap()).unwrap();
        std::fs::write(cache.entry(&key), "{ not json").unwrap();
        assert!(cache.get(&key).is_none());
    }
}
