//! `--write-baseline` and `--baseline` end to end.

use redline_tests::{folder, json_report, redline};

#[test]
fn a_baseline_reports_only_new_findings_even_after_lines_move() {
    let dir = folder(&[("a.txt", "20xx年工作总结\nXX市\n".as_bytes())]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--write-baseline", "base.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("wrote 2 findings to base.json"));
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap())
            .unwrap();
    assert_eq!(recorded["version"], 1);
    assert_eq!(recorded["findings"].as_array().unwrap().len(), 2);

    // A line inserted above, one old finding fixed, one new finding.
    std::fs::write(
        dir.path().join("a.txt"),
        "新的一行\n20xx年工作总结\nXX局 与 201*年\n",
    )
    .unwrap();
    let (report, code) = json_report(dir.path(), &[".", "--baseline", "base.json"]);
    assert_eq!(code, 1);
    let texts: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("201*"), "{texts:?}");

    let output = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--baseline", "base.json", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("baseline: 2 known findings hidden, 0 entries no longer found"),
        "{stderr}"
    );
}

#[test]
fn stale_entries_are_counted_and_a_bad_baseline_exits_2() {
    let dir = folder(&[
        ("a.txt", "20xx年\n".as_bytes()),
        ("bad.json", b"{\"version\": 9, \"findings\": []}"),
    ]);
    redline()
        .current_dir(dir.path())
        .args(["check", ".", "--write-baseline", "base.json"])
        .assert()
        .code(0);
    std::fs::write(dir.path().join("a.txt"), "2023年\n").unwrap();
    let output = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--baseline", "base.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("0 known findings hidden, 1 entry no longer found"),
        "{stderr}"
    );

    let output = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--baseline", "bad.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("invalid baseline bad.json: baseline version 9 is not supported"),
        "{stderr}"
    );
}
