//! `sha256 = "…"`: a library is loaded only if it is the file the user
//! pinned.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Checks the file's digest against `expected` (hex, any case).
pub fn verify(path: &Path, expected: &str) -> Result<(), String> {
    let expected = expected.trim();
    if expected.len() != 64 || !expected.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "`sha256` must be 64 hexadecimal digits, found `{expected}`"
        ));
    }
    let bytes = std::fs::read(path).map_err(|error| {
        format!(
            "cannot read {} to check its sha256: {error}",
            path.display()
        )
    })?;
    let actual = hex(&Sha256::digest(&bytes));
    if actual.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(format!(
            "sha256 mismatch for {}: the config pins {}, the file has {actual}; not loading it",
            path.display(),
            expected.to_lowercase()
        ))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matching_pin_passes_in_any_case_and_a_different_one_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.so");
        std::fs::write(&path, b"abc").unwrap();
        let digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(verify(&path, digest), Ok(()));
        assert_eq!(verify(&path, &digest.to_uppercase()), Ok(()));
        let wrong = "0".repeat(64);
        let error = verify(&path, &wrong).unwrap_err();
        assert!(
            error.starts_with("sha256 mismatch for ")
                && error.ends_with(&format!(
                    ": the config pins {wrong}, the file has {digest}; not loading it"
                )),
            "{error}"
        );
    }

    #[test]
    fn a_malformed_pin_is_named() {
        assert_eq!(
            verify(Path::new("unused"), "abc"),
            Err("`sha256` must be 64 hexadecimal digits, found `abc`".to_owned())
        );
    }
}
