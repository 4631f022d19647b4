//! `sha256 = "…"`: a library is loaded only if it is the file the user
//! pinned.

use sha2::{Digest, Sha256};
use std::path::Path;

/// The file's SHA-256 digest in lower-case hex.
pub fn digest(path: &Path) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    Ok(Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}

/// Checks a file's `actual` digest against the pinned `expected` one (hex,
/// any case).
pub fn verify(actual: &str, expected: &str) -> Result<(), String> {
    let expected = expected.trim();
    if expected.len() != 64 || !expected.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "`sha256` must be 64 hexadecimal digits, found `{expected}`"
        ));
    }
    if actual.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(format!(
            "sha256 mismatch: the config pins {}, the file has {actual}; not loading it",
            expected.to_lowercase()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_matching_pin_passes_in_any_case_and_a_different_one_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.so");
        std::fs::write(&path, b"abc").unwrap();
        let expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let actual = digest(&path).unwrap();
        assert_eq!(actual, expected);
        assert_eq!(verify(&actual, expected), Ok(()));
        assert_eq!(verify(&actual, &expected.to_uppercase()), Ok(()));
        let wrong = "0".repeat(64);
        assert_eq!(
            verify(&actual, &wrong),
            Err(format!(
                "sha256 mismatch: the config pins {wrong}, the file has {expected}; not loading it"
            ))
        );
    }

    #[test]
    fn a_malformed_pin_is_named() {
        assert_eq!(
            verify("", "abc"),
            Err("`sha256` must be 64 hexadecimal digits, found `abc`".to_owned())
        );
    }
}
