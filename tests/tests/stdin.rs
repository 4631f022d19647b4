//! `redline check -`: a document on standard input.

use redline_tests::{folder, redline};

#[test]
fn stdin_is_linted_under_the_name_and_config_it_stands_for() {
    let dir = folder(&[(
        "team/redline.toml",
        b"[rules.placeholder]\nlevel = \"warning\"\n",
    )]);
    let output = redline()
        .current_dir(dir.path())
        .args([
            "check",
            "-",
            "--stdin-filename",
            "team/draft.txt",
            "--format",
            "json",
        ])
        .write_stdin("工作总结\n20xx年\n")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    let first = &report["diagnostics"][0];
    assert_eq!(first["path"], "team/draft.txt");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["start"]["line"], 2);

    let output = redline()
        .current_dir(dir.path())
        .args(["check", "-", "--format", "compact"])
        .write_stdin("20xx年\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("-:1:1: error [placeholder]"));
}

#[test]
fn fix_on_stdin_prints_the_fixed_document_and_reports_on_stderr() {
    let dir = folder(&[("redline.toml", b"[rules.placeholder]\nyear = 2023\n")]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", "--unsafe-fixes", "--color", "never", "-"])
        .write_stdin("\u{FEFF}工作\u{200B}总结 20xx年\r\nXX市\r\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "\u{FEFF}工作总结 2023年\r\nXX市\r\n"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("[-:2:1]"), "{stderr}");
    assert!(
        stderr.contains("1 error, 0 warnings, 0 infos in 1 file"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1));

    // Nothing to fix: the document comes back unchanged.
    let output = redline()
        .current_dir(dir.path())
        .args(["check", "--fix", "--quiet", "-"])
        .write_stdin("2023年总结\n")
        .output()
        .unwrap();
    assert_eq!(output.stdout, "2023年总结\n".as_bytes());
    assert_eq!(output.status.code(), Some(0));
}
