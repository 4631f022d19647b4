//! `redline check` end to end: findings, exit codes, JSON, columns.

use redline_tests::{check_in, findings, fixtures, folder, json_report, redline, workspace_root};

#[test]
fn examples_have_findings_and_exit_1() {
    let output = redline()
        .current_dir(workspace_root())
        .args(["check", "examples/", "--color", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("placeholder"), "{stdout}");
    assert!(stdout.contains("garbled-number"), "{stdout}");
    assert!(stdout.contains("garbled-text"), "{stdout}");
    // The header points at the exact character, in character columns.
    assert!(
        stdout.contains("[examples/zh-annual-summary.txt:1:1]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[examples/en-office-summary.txt:1:49]"),
        "{stdout}"
    );
    let summary = stdout.lines().last().unwrap();
    assert!(summary.ends_with("in 2 files"), "{summary}");
    assert!(!summary.starts_with("0 errors"), "{summary}");
    assert!(
        !stdout.contains('\u{1b}'),
        "--color never must not emit escapes"
    );
}

#[test]
fn a_clean_document_exits_0() {
    redline()
        .args(["check", "--color", "never"])
        .arg(fixtures().join("clean.txt"))
        .assert()
        .code(0)
        .stdout("0 errors, 0 warnings, 0 infos in 1 file\n");
}

#[test]
fn json_report_has_schema_version_1_field_for_field() {
    let text = "工作总结\n20xx年,XX市完成任务。\n";
    let dir = folder(&[
        ("report.txt", text.as_bytes()),
        ("broken.txt", b"ok\n\xff\xfe\n"),
    ]);
    let (report, code) = json_report(dir.path(), &["."]);
    assert_eq!(code, 1);
    let object = report.as_object().unwrap();
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["version", "tool", "summary", "diagnostics", "errors"]
    );
    assert_eq!(report["version"], 1);
    assert_eq!(report["tool"]["name"], "redline");
    assert_eq!(report["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let summary = &report["summary"];
    assert_eq!(summary["files"], 1);
    assert_eq!(summary.as_object().unwrap().len(), 4);

    let first = &report["diagnostics"][0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "path", "rule", "severity", "message", "help", "start", "end", "labels", "fix"
        ]
    );
    assert_eq!(first["path"], "report.txt");
    assert_eq!(first["rule"], "placeholder");
    assert_eq!(first["severity"], "error");
    assert!(first["message"].as_str().unwrap().contains("20xx"));
    assert!(first["help"].is_string());
    let offset = text.find("20xx").unwrap() as u64;
    assert_eq!(
        first["start"],
        serde_json::json!({"line": 2, "column": 1, "offset": offset})
    );
    assert_eq!(
        first["end"],
        serde_json::json!({"line": 2, "column": 5, "offset": offset + 4})
    );
    assert_eq!(first["labels"], serde_json::json!([]));
    assert!(first["fix"].is_null());

    assert_eq!(
        report["errors"],
        serde_json::json!([{"path": "broken.txt", "message": "not valid UTF-8 at byte 3 (line 2); other encodings are not supported yet"}])
    );
    let errors = summary["errors"].as_u64().unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(
        errors as usize,
        diagnostics
            .iter()
            .filter(|d| d["severity"] == "error")
            .count()
    );
}

#[test]
fn columns_count_characters_in_chinese_text() {
    let text = "第一行没有问题\n全县共有工会组织，XX市总工会于20XX年成立。\n";
    let dir = folder(&[("zh.txt", text.as_bytes())]);
    let (report, _) = json_report(dir.path(), &["zh.txt"]);
    let found = findings(&report, text);
    assert!(
        found.contains(&("placeholder".into(), 2, 10, "XX".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("placeholder".into(), 2, 17, "20XX".into())),
        "{found:?}"
    );
}

#[test]
fn columns_are_not_shifted_by_crlf() {
    let text = "Summary\r\nIn 20xx we met.\r\nXX Municipal Committee\r\n";
    let dir = folder(&[("crlf.txt", text.as_bytes())]);
    let (report, _) = json_report(dir.path(), &["crlf.txt"]);
    let found = findings(&report, text);
    assert!(
        found.contains(&("placeholder".into(), 2, 4, "20xx".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("placeholder".into(), 3, 1, "XX".into())),
        "{found:?}"
    );
    let end = &report["diagnostics"][0]["end"];
    assert_eq!(
        (end["line"].as_u64(), end["column"].as_u64()),
        (Some(2), Some(8))
    );
}

#[test]
fn a_bom_does_not_shift_columns() {
    let text = "\u{FEFF}20xx年工作总结\n";
    let dir = folder(&[("bom.txt", text.as_bytes())]);
    let (report, _) = json_report(dir.path(), &["bom.txt"]);
    let first = &report["diagnostics"][0];
    assert_eq!(
        first["start"],
        serde_json::json!({"line": 1, "column": 1, "offset": 0})
    );
}

#[test]
fn human_output_header_uses_character_columns() {
    let dir = folder(&[("zh.txt", "工会组织XX市总工会\n".as_bytes())]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", "zh.txt", "--color", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("[zh.txt:1:5]"), "{stdout}");
    assert!(stdout.contains("placeholder"), "{stdout}");
}

#[test]
fn an_unreadable_file_is_reported_and_the_rest_are_linted() {
    let dir = folder(&[
        ("good.txt", "20xx年总结\n".as_bytes()),
        ("bad.txt", b"caf\xe9\n"),
    ]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--color", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout.contains("[good.txt:1:1]"), "{stdout}");
    assert!(stdout.ends_with("in 1 file\n"), "{stdout}");
    assert!(
        stderr.contains("error: bad.txt: not valid UTF-8 at byte 3 (line 1)"),
        "{stderr}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_fails_to_read_is_reported_with_the_reason() {
    // Reading /proc/self/mem from offset 0 fails with an I/O error, even
    // for root, which chmod-based tests are not.
    let dir = folder(&[("good.txt", "工作总结\n".as_bytes())]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", "good.txt", "/proc/self/mem"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: /proc/self/mem: input/output error"),
        "{stderr}"
    );
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .ends_with("in 1 file\n")
    );
}

#[test]
fn a_binary_file_is_skipped_with_a_notice() {
    let dir = folder(&[
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0"),
        ("ok.txt", "工作总结\n".as_bytes()),
    ]);
    let output = redline()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("note: skipped image.txt: binary file (NUL byte at byte 8)"),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout, "0 errors, 0 warnings, 0 infos in 1 file\n");

    let quiet = redline()
        .current_dir(dir.path())
        .args(["check", ".", "--quiet"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
    assert!(quiet.stdout.is_empty());
}

#[test]
fn no_input_files_exits_2() {
    let dir = folder(&[("code.rs", b"fn main() {}\n")]);
    let run = check_in(dir.path(), &["."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error: no files to lint: nothing matched ."),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_path_exits_2_when_nothing_else_is_linted() {
    let dir = folder(&[]);
    let run = check_in(dir.path(), &["missing.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error: missing.txt: no such file or directory"),
        "{}",
        run.stderr
    );
}

#[test]
fn quoted_globs_are_expanded() {
    let dir = folder(&[
        ("2023/a.txt", "20xx年\n".as_bytes()),
        ("2023/b.md", "20xx年\n".as_bytes()),
        ("2024/c.txt", "20xx年\n".as_bytes()),
    ]);
    let (report, code) = json_report(dir.path(), &["202*/*.txt"]);
    assert_eq!(code, 1);
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["2023/a.txt", "2024/c.txt"]);
}

#[test]
fn directories_are_walked_respecting_gitignore_and_extensions() {
    let dir = folder(&[
        (".gitignore", b"build/\n"),
        ("docs/a.txt", "20xx\n".as_bytes()),
        ("docs/b.md", "20xx\n".as_bytes()),
        ("docs/c.rs", b"// 20xx\n"),
        ("build/d.txt", "20xx\n".as_bytes()),
    ]);
    let (report, _) = json_report(dir.path(), &[]);
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["docs/a.txt", "docs/b.md"]);
    assert_eq!(report["summary"]["files"], 2);
}

#[test]
fn fail_on_and_max_warnings_decide_the_exit_code() {
    let dir = folder(&[("a.txt", "20xx年\n".as_bytes())]);
    let run = |args: &[&str]| {
        redline()
            .current_dir(dir.path())
            .args(["check", "a.txt", "--isolated"])
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(1));
    let lowered = ["--config", "warn.toml"];
    std::fs::write(
        dir.path().join("warn.toml"),
        "[rules.placeholder]\nlevel = \"warning\"\n",
    )
    .unwrap();
    let run_warn = |extra: &[&str]| {
        redline()
            .current_dir(dir.path())
            .args(["check", "a.txt"])
            .args(lowered)
            .args(extra)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run_warn(&[]), Some(0));
    assert_eq!(run_warn(&["--fail-on", "warning"]), Some(1));
    assert_eq!(run_warn(&["--fail-on", "info"]), Some(1));
    assert_eq!(run_warn(&["--max-warnings", "0"]), Some(1));
    assert_eq!(run_warn(&["--max-warnings", "5"]), Some(0));
}

#[test]
fn threads_flag_gives_the_same_report() {
    let root = workspace_root();
    let (one, _) = json_report(&root, &["examples", "-j", "1"]);
    let (two, _) = json_report(&root, &["examples", "--threads", "2"]);
    assert_eq!(one, two);
}

#[test]
fn color_always_colors_and_pipes_stay_plain_by_default() {
    let dir = folder(&[("a.txt", "20xx年\n".as_bytes())]);
    let run = |args: &[&str]| {
        let output = redline()
            .current_dir(dir.path())
            .args(["check", "a.txt"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(run(&["--color", "always"]).contains('\u{1b}'));
    // Standard output is a pipe here, so `auto` means no colour.
    assert!(!run(&[]).contains('\u{1b}'));
}
