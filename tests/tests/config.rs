//! Configuration end to end: discovery, errors, selection.

use redline_tests::{folder, json_report, redline};

fn rules_in(report: &serde_json::Value) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_nearest_config_wins() {
    let dir = folder(&[
        (
            "redline.toml",
            b"[rules.placeholder]\nlevel = \"warning\"\n",
        ),
        ("top.txt", "20xx年\n".as_bytes()),
        (
            "team/.redline.toml",
            b"[rules.placeholder]\nlevel = \"info\"\n",
        ),
        ("team/doc.txt", "20xx年\n".as_bytes()),
        ("team/deep/doc.txt", "20xx年\n".as_bytes()),
        (
            "other/redline.toml",
            b"[rules.placeholder]\nlevel = \"off\"\n",
        ),
        ("other/doc.txt", "20xx年\n".as_bytes()),
    ]);
    let (report, code) = json_report(dir.path(), &["."]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        rules_in(&report),
        [
            ("team/deep/doc.txt".to_owned(), "info".to_owned()),
            ("team/doc.txt".to_owned(), "info".to_owned()),
            ("top.txt".to_owned(), "warning".to_owned()),
        ]
    );
    assert_eq!(report["summary"]["files"], 4);
}

#[test]
fn config_flag_and_isolated_bypass_discovery() {
    let dir = folder(&[
        ("redline.toml", b"[rules.placeholder]\nlevel = \"off\"\n"),
        ("loud.toml", b"[rules.placeholder]\nlevel = \"info\"\n"),
        ("doc.txt", "20xx年\n".as_bytes()),
    ]);
    let (report, _) = json_report(dir.path(), &["doc.txt"]);
    assert!(rules_in(&report).is_empty());
    let (report, _) = json_report(dir.path(), &["doc.txt", "--config", "loud.toml"]);
    assert_eq!(
        rules_in(&report),
        [("doc.txt".to_owned(), "info".to_owned())]
    );
    let (report, _) = json_report(dir.path(), &["doc.txt", "--isolated"]);
    assert_eq!(
        rules_in(&report),
        [("doc.txt".to_owned(), "error".to_owned())]
    );
}

#[test]
fn excludes_and_overrides_apply_relative_to_the_config() {
    let dir = folder(&[
        (
            "redline.toml",
            b"[files]\nexclude = [\"drafts/**\"]\n[[overrides]]\nfiles = [\"archive/**\"]\nrules = { placeholder = \"warning\" }\n",
        ),
        ("drafts/a.txt", "20xx年\n".as_bytes()),
        ("archive/b.txt", "20xx年\n".as_bytes()),
        ("c.txt", "20xx年\n".as_bytes()),
    ]);
    let (report, _) = json_report(dir.path(), &["."]);
    assert_eq!(
        rules_in(&report),
        [
            ("archive/b.txt".to_owned(), "warning".to_owned()),
            ("c.txt".to_owned(), "error".to_owned())
        ]
    );
    // Running from inside a subfolder finds the same config and globs.
    let (report, _) = json_report(&dir.path().join("archive"), &["."]);
    assert_eq!(
        rules_in(&report),
        [("b.txt".to_owned(), "warning".to_owned())]
    );
}

fn config_error(config: &str) -> String {
    let dir = folder(&[("redline.toml", config.as_bytes()), ("a.txt", b"text\n")]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn an_unknown_key_exits_2_pointing_at_the_line() {
    let stderr = config_error("extends = [\"recommended\"]\n\n[file]\ninclude = [\"**/*.txt\"]\n");
    assert!(
        stderr.contains("invalid configuration: unknown field `file`"),
        "{stderr}"
    );
    assert!(stderr.contains("[redline.toml:3:2]"), "{stderr}");
    assert!(stderr.contains("3 │ [file]"), "{stderr}");
}

#[test]
fn an_unknown_rule_exits_2_with_a_suggestion() {
    let stderr = config_error("[rules.placeholders]\nlevel = \"error\"\n");
    assert!(
        stderr.contains("invalid configuration: unknown rule `placeholders`"),
        "{stderr}"
    );
    assert!(stderr.contains("1 │ [rules.placeholders]"), "{stderr}");
    assert!(stderr.contains("did you mean `placeholder`?"), "{stderr}");
}

#[test]
fn a_wrong_type_exits_2_pointing_at_the_value() {
    let stderr = config_error("[files]\ninclude = \"**/*.txt\"\n");
    assert!(stderr.contains("invalid type: string"), "{stderr}");
    assert!(stderr.contains("[redline.toml:2:11]"), "{stderr}");
}

#[test]
fn select_and_ignore_narrow_the_rules() {
    let dir = folder(&[("a.txt", "20xx年\n".as_bytes())]);
    let (report, code) = json_report(dir.path(), &["a.txt", "--ignore", "placeholder"]);
    assert_eq!(
        (report["diagnostics"].as_array().unwrap().len(), code),
        (0, 0)
    );
    let (report, code) = json_report(dir.path(), &["a.txt", "--select", "placeholder"]);
    assert_eq!(
        (report["diagnostics"].as_array().unwrap().len(), code),
        (1, 1)
    );

    // Selecting a rule the config switched off runs it at its default level.
    std::fs::write(
        dir.path().join("redline.toml"),
        "[rules.placeholder]\nlevel = \"off\"\n",
    )
    .unwrap();
    let (report, _) = json_report(dir.path(), &["a.txt", "--select", "placeholder"]);
    assert_eq!(report["diagnostics"][0]["severity"], "error");
}

#[test]
fn an_unknown_rule_on_the_command_line_exits_2() {
    let output = redline()
        .args(["check", "--select", "placeholdr", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "error: unknown rule `placeholdr` in --select/--ignore (did you mean `placeholder`?)"
        ),
        "{stderr}"
    );
}
