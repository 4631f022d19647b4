//! Writing files so that a failure never leaves half a file behind.

use std::io::Write;
use std::path::Path;

/// Whether an existing file at the path may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    Keep,
}

/// Writes `bytes` to a temporary file in the target's folder and renames it
/// over the target: readers see the old file or the new one, never a mix.
/// A replaced file keeps its permissions.
pub fn write_atomically(path: &Path, bytes: &[u8], existing: Existing) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = new_file_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    match existing {
        Existing::Replace => {
            if let Ok(metadata) = std::fs::metadata(path) {
                temporary
                    .as_file()
                    .set_permissions(metadata.permissions())?;
            }
            temporary.persist(path).map_err(|error| error.error)?;
        }
        Existing::Keep => {
            temporary
                .persist_noclobber(path)
                .map_err(|error| error.error)?;
        }
    }
    Ok(())
}

/// A temporary file that, once renamed, has the permissions a new file
/// would get (0666 less the umask), not the private 0600 of temporaries.
fn new_file_in(folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, b"new", Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomically(&path, b"{}", Existing::Keep).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Not the private 0600 of a temporary file; the umask may remove
        // group and other write bits.
        assert_eq!(mode & 0o644, 0o644, "{mode:o}");
    }

    #[test]
    fn keep_refuses_to_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "mine").unwrap();
        let error = write_atomically(&path, b"new", Existing::Keep).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    }

    #[test]
    fn a_failed_write_leaves_the_original() {
        let dir = tempfile::tempdir().unwrap();
        let missing_folder = dir.path().join("missing").join("a.txt");
        assert!(write_atomically(&missing_folder, b"new", Existing::Replace).is_err());
        assert!(!missing_folder.exists());
    }
}
