//! Suppression comments and `[[ignore]]` entries end to end.

use redline_tests::{findings, folder, json_report};

#[test]
fn comments_silence_findings_in_markdown_and_stale_ones_are_reported() {
    let text = "# 20xx年工作总结\n\n<!-- redline-disable placeholder -->\nXX市 and 20xx\n<!-- redline-enable -->\n\n<!-- redline-disable-next-line placeholder -->\nNothing to hide here.\n\nXX局\n";
    let dir = folder(&[("a.md", text.as_bytes())]);
    let (report, code) = json_report(
        dir.path(),
        &["a.md", "--select", "placeholder,unused-suppression"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        findings(&report, text),
        [
            ("placeholder".to_owned(), 1, 3, "20xx".to_owned()),
            (
                "unused-suppression".to_owned(),
                7,
                1,
                "<!-- redline-disable-next-line placeholder -->".to_owned()
            ),
            ("placeholder".to_owned(), 10, 1, "XX".to_owned()),
        ]
    );
    let unused = &report["diagnostics"][1];
    assert_eq!(unused["severity"], "warning");
    assert_eq!(unused["fix"]["applicability"], "safe");
}

#[test]
fn a_whole_file_can_be_silenced() {
    let text = "<!-- redline-disable-file -->\n20xx年 XX市\n";
    let dir = folder(&[("a.md", text.as_bytes())]);
    let (report, code) = json_report(dir.path(), &["a.md"]);
    assert_eq!(
        (report["diagnostics"].as_array().unwrap().len(), code),
        (0, 0)
    );
}

#[test]
fn ignore_entries_silence_one_finding_in_plain_text() {
    let text = "20xx年 XX市\n";
    let config = b"[[ignore]]\npath = \"report.txt\"\nrule = \"placeholder\"\ntext = \"XX\"\n";
    let dir = folder(&[
        ("redline.toml", config),
        ("report.txt", text.as_bytes()),
        ("other.txt", text.as_bytes()),
    ]);
    let (report, _) = json_report(dir.path(), &["."]);
    let paths: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .filter(|(_, message)| message.contains("`XX`"))
        .collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert_eq!(paths[0].0, "other.txt");
}
