//! `[[custom]]` rules end to end: findings, explain, fixes, config errors,
//! levels and selection.

use redline_tests::{check_in, findings, folder, json_report, redline};

const CONFIG: &str = r#"
[[custom]]
id = "no-empty-slogans"
message = "avoid the empty phrase `{match}`"
level = "error"
patterns = ["高度重视", "取得了一定成绩"]
scope = "sentence"
[custom.examples]
bad = ["我们高度重视安全工作。"]
good = ["我们把安全作为首要任务。"]

[[custom]]
id = "house-terms"
kind = "substitute"
[custom.substitute]
"登陆" = "登录"

[[custom]]
id = "needs-signature"
kind = "require"
level = "info"
scope = "line"
message = "the report has no signature line"
regex = '^签名：\S+'
"#;

const DOCUMENT: &str =
    "2023年工作总结\n\n我们高度重视安全工作，取得了一定成绩。\n请登陆系统查看。\n";

const CUSTOM_IDS: [&str; 3] = ["no-empty-slogans", "house-terms", "needs-signature"];

fn project(config: &str) -> tempfile::TempDir {
    folder(&[
        ("redline.toml", config.as_bytes()),
        ("doc.txt", DOCUMENT.as_bytes()),
    ])
}

/// `(rule, severity, line, column, text)` of the custom rules' findings.
fn custom_findings(report: &serde_json::Value) -> Vec<(String, String, u64, u64, String)> {
    let severities: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap().to_owned())
        .collect();
    findings(report, DOCUMENT)
        .into_iter()
        .zip(severities)
        .filter(|((rule, ..), _)| CUSTOM_IDS.contains(&rule.as_str()))
        .map(|((rule, line, column, text), severity)| (rule, severity, line, column, text))
        .collect()
}

fn row(
    rule: &str,
    severity: &str,
    line: u64,
    column: u64,
    text: &str,
) -> (String, String, u64, u64, String) {
    (
        rule.to_owned(),
        severity.to_owned(),
        line,
        column,
        text.to_owned(),
    )
}

#[test]
fn custom_rules_report_at_their_levels_and_places() {
    let dir = project(CONFIG);
    let (report, code) = json_report(dir.path(), &["doc.txt"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        custom_findings(&report),
        [
            row("needs-signature", "info", 1, 1, "2023年工作总结"),
            row("no-empty-slogans", "error", 3, 3, "高度重视"),
            row("no-empty-slogans", "error", 3, 12, "取得了一定成绩"),
            row("house-terms", "warning", 4, 2, "登陆"),
        ]
    );
    let slogan = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "no-empty-slogans")
        .unwrap();
    assert_eq!(slogan["message"], "avoid the empty phrase `高度重视`");
    let term = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "house-terms")
        .unwrap();
    assert_eq!(term["message"], "use `登录` instead of `登陆`");
    assert_eq!(term["fix"]["applicability"], "safe");
    assert_eq!(term["fix"]["edits"][0]["replacement"], "登录");
}

#[test]
fn fix_applies_substitutions() {
    let dir = project(CONFIG);
    let run = check_in(dir.path(), &["--fix", "doc.txt"]);
    assert!(
        run.stderr.contains("fixed 1 finding in 1 file"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.txt")).unwrap(),
        DOCUMENT.replace("登陆", "登录")
    );
}

#[test]
fn level_off_in_a_rules_table_silences_a_custom_rule() {
    let config = format!(
        "{CONFIG}\n[rules.no-empty-slogans]\nlevel = \"off\"\n[rules]\nneeds-signature = \"error\"\n"
    );
    let dir = project(&config);
    let (report, _) = json_report(dir.path(), &["doc.txt"]);
    assert_eq!(
        custom_findings(&report),
        [
            row("needs-signature", "error", 1, 1, "2023年工作总结"),
            row("house-terms", "warning", 4, 2, "登陆"),
        ]
    );
}

#[test]
fn select_runs_only_the_named_custom_rule() {
    let dir = project(CONFIG);
    let (report, code) = json_report(dir.path(), &["doc.txt", "--select", "house-terms"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(
        findings(&report, DOCUMENT),
        [("house-terms".to_owned(), 4, 2, "登陆".to_owned())]
    );
    let (report, _) = json_report(
        dir.path(),
        &["doc.txt", "--ignore", "house-terms,no-empty-slogans"],
    );
    assert_eq!(
        custom_findings(&report),
        [row("needs-signature", "info", 1, 1, "2023年工作总结")]
    );
}

#[test]
fn explain_shows_a_custom_rules_docs_inside_its_project() {
    let dir = project(CONFIG);
    let output = redline()
        .current_dir(dir.path())
        .args(["explain", "no-empty-slogans"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("# no-empty-slogans\n"), "{stdout}");
    assert!(
        stdout.contains("Forbids `高度重视` and `取得了一定成绩`."),
        "{stdout}"
    );
    assert!(
        stdout.contains("- Searches: each sentence on its own.\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("## Reported\n\n```text\n我们高度重视安全工作。\n```\n"),
        "{stdout}"
    );
}

#[test]
fn rules_lists_custom_rules_inside_their_project() {
    let dir = project(CONFIG);
    let output = redline()
        .current_dir(dir.path())
        .arg("rules")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let line = stdout
        .lines()
        .find(|line| line.starts_with("house-terms "))
        .unwrap_or_else(|| panic!("no house-terms line:\n{stdout}"));
    assert!(line.contains("warning"), "{line}");
    assert!(line.ends_with("writes `登录` for `登陆`"), "{line}");
}

#[test]
fn a_bad_example_that_does_not_fire_exits_2_at_the_example() {
    let config = CONFIG.replace(
        "bad = [\"我们高度重视安全工作。\"]",
        "bad = [\"我们高度重视安全工作。\", \"我们重视安全。\"]",
    );
    let dir = project(&config);
    let run = check_in(dir.path(), &["doc.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "invalid configuration: this `bad` example does not trigger `no-empty-slogans`: nothing in it matches"
        ),
        "{}",
        run.stderr
    );
    // The header's column counts characters: the second example's opening
    // quote is the 23rd character of line 9.
    assert!(run.stderr.contains("[redline.toml:9:23]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("9 │ bad = [\"我们高度重视安全工作。\", \"我们重视安全。\"]"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_regex_error_points_at_the_character() {
    let config = CONFIG.replace("'^签名：\\S+'", "'^签名：(\\S+'");
    let dir = project(&config);
    let run = check_in(dir.path(), &["doc.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("invalid configuration: invalid regex: unclosed group"),
        "{}",
        run.stderr
    );
    // At the `(`, the 14th character of line 24.
    assert!(
        run.stderr.contains("[redline.toml:24:14]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("24 │ regex = '^签名：(\\S+'"),
        "{}",
        run.stderr
    );
}

/// The README's `[[custom]]` example is a working config, with the
/// findings it promises.
#[test]
fn the_readme_custom_rules_example_works_as_written() {
    let readme =
        std::fs::read_to_string(redline_tests::workspace_root().join("README.md")).unwrap();
    let section = readme
        .split("### 1. In `redline.toml`")
        .nth(1)
        .and_then(|rest| rest.split("### 2.").next())
        .expect("the README has the custom rules section");
    let config = section
        .split("```toml\n")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .expect("the section has a TOML example");
    let document = "我们高度重视安全工作，其它帐号也要管好。\n";
    let dir = folder(&[
        ("redline.toml", config.as_bytes()),
        ("a.txt", document.as_bytes()),
    ]);
    let (report, _) = json_report(dir.path(), &["--no-cache", "a.txt"]);
    let mut custom: Vec<(String, u64, u64, String)> = findings(&report, document)
        .into_iter()
        .filter(|(rule, ..)| {
            ["no-empty-slogans", "term-usage", "signature-date"].contains(&rule.as_str())
        })
        .collect();
    custom.sort();
    let expected = [
        ("no-empty-slogans", 1, 3, "高度重视"),
        (
            "signature-date",
            1,
            1,
            "我们高度重视安全工作，其它帐号也要管好。",
        ),
        ("term-usage", 1, 12, "其它"),
        ("term-usage", 1, 14, "帐号"),
    ]
    .map(|(rule, line, column, text)| (rule.to_owned(), line, column, text.to_owned()));
    assert_eq!(custom, expected);
}
