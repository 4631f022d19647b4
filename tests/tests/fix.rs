//! `--fix`, `--unsafe-fixes` and `--diff` end to end.

use redline_tests::{check_in, folder};
use std::path::Path;

const YEAR_CONFIG: &[u8] = b"[rules.placeholder]\nyear = 2023\n";
/// A zero-width space (safe fix: delete) and a year mask (unsafe fix with
/// the `year` option), in a file with a BOM and CRLF line endings.
const DOCUMENT: &[u8] = "\u{FEFF}工作\u{200B}总结 20xx年\r\n第二行\r\n".as_bytes();

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let run = check_in(dir, args);
    (run.code, run.stdout, run.stderr)
}

#[test]
fn fix_applies_safe_fixes_and_keeps_bom_and_line_endings() {
    let dir = folder(&[("redline.toml", YEAR_CONFIG), ("a.txt", DOCUMENT)]);
    let (code, stdout, stderr) = run(dir.path(), &["--fix", "a.txt"]);
    let fixed = std::fs::read(dir.path().join("a.txt")).unwrap();
    assert_eq!(fixed, "\u{FEFF}工作总结 20xx年\r\n第二行\r\n".as_bytes());
    assert!(stderr.contains("fixed 1 finding in 1 file"), "{stderr}");
    // The year mask remains, reported at its place in the fixed text.
    assert_eq!(code, 1);
    assert!(stdout.contains("[a.txt:1:6]"), "{stdout}");
    assert!(
        stdout.ends_with("1 error, 0 warnings, 0 infos in 1 file\n"),
        "{stdout}"
    );

    // A second run has nothing left to fix and leaves the file alone.
    let (_, _, stderr) = run(dir.path(), &["--fix", "a.txt"]);
    assert!(!stderr.contains("fixed"), "{stderr}");
    assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), fixed);
}

#[test]
fn unsafe_fixes_apply_the_configured_year() {
    let dir = folder(&[("redline.toml", YEAR_CONFIG), ("a.txt", DOCUMENT)]);
    let (code, stdout, stderr) = run(dir.path(), &["--unsafe-fixes", "a.txt"]);
    assert_eq!(
        std::fs::read(dir.path().join("a.txt")).unwrap(),
        "\u{FEFF}工作总结 2023年\r\n第二行\r\n".as_bytes()
    );
    assert!(stderr.contains("fixed 2 findings in 1 file"), "{stderr}");
    assert_eq!(
        (code, stdout.as_str()),
        (0, "0 errors, 0 warnings, 0 infos in 1 file\n")
    );
}

#[test]
fn diff_shows_the_change_without_writing() {
    let dir = folder(&[("redline.toml", YEAR_CONFIG), ("a.txt", DOCUMENT)]);
    let (code, stdout, stderr) = run(dir.path(), &["--diff", "a.txt"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n-工作\u{200B}总结 20xx年\r\n+工作总结 20xx年\r\n 第二行\r\n"
    );
    assert!(
        stderr.contains("--fix would fix 1 finding in 1 file"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), DOCUMENT);

    let (code, stdout, _) = run(dir.path(), &["--diff", "--unsafe-fixes", "a.txt"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("+工作总结 2023年\r\n"), "{stdout}");
}

#[test]
fn a_file_without_applicable_fixes_is_never_rewritten() {
    // No `year` option: the mask has no fix at all.
    let dir = folder(&[("a.txt", "工作总结 20xx年\n".as_bytes())]);
    let path = dir.path().join("a.txt");
    let before = std::fs::metadata(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (code, _, stderr) = run(dir.path(), &["--unsafe-fixes", "a.txt"]);
    assert_eq!(code, 1);
    assert!(!stderr.contains("fixed"), "{stderr}");
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(before.ino(), after.ino(), "the file was replaced");
    }
    let (code, stdout, _) = run(dir.path(), &["--diff", "a.txt"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
}
