//! `--changed-since` and `--changed-lines` against a real git repository.

use redline_tests::{folder, json_report};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn paths_and_lines(report: &serde_json::Value) -> Vec<(String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn only_changed_files_and_lines_are_reported() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("notice: git is not installed; skipping");
        return;
    }
    let dir = folder(&[
        ("old.txt", "20xx年\n".as_bytes()),
        ("edited.txt", "20xx年\n第二行\n".as_bytes()),
    ]);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    std::fs::write(dir.path().join("edited.txt"), "20xx年\n第二行 XX市\n").unwrap();
    std::fs::write(dir.path().join("new.txt"), "201*年\n").unwrap();

    let (report, _) = json_report(dir.path(), &[".", "--changed-since", "HEAD"]);
    assert_eq!(
        paths_and_lines(&report),
        [
            ("edited.txt".into(), 1),
            ("edited.txt".into(), 2),
            ("new.txt".into(), 1)
        ]
    );
    let (report, _) = json_report(
        dir.path(),
        &[".", "--changed-since", "HEAD", "--changed-lines"],
    );
    assert_eq!(
        paths_and_lines(&report),
        [("edited.txt".into(), 2), ("new.txt".into(), 1)]
    );

    let output = redline_tests::redline()
        .current_dir(dir.path())
        .args(["check", ".", "--changed-since", "no-such-ref"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("error: --changed-since no-such-ref: git diff")
    );
}
