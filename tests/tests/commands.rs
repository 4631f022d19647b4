//! `redline rules`, `explain`, `init`.

use redline_tests::{folder, redline};

#[test]
fn rules_lists_every_rule_with_its_level() {
    let output = redline().arg("rules").output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let header = stdout.lines().next().unwrap();
    assert!(
        header.starts_with("ID") && header.ends_with("SUMMARY"),
        "{header}"
    );
    let placeholder = stdout
        .lines()
        .find(|l| l.starts_with("placeholder "))
        .unwrap();
    assert!(placeholder.contains(" error "), "{placeholder}");
    assert!(placeholder.contains(" yes "), "{placeholder}");
}

#[test]
fn explain_prints_the_rule_docs() {
    let output = redline().args(["explain", "placeholder"]).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("# placeholder\n"), "{stdout}");
    assert!(stdout.contains("20xx"), "{stdout}");
    // Doc-comment lines come out without the space after `///`.
    assert!(stdout.contains("\n## What fires\n"), "{stdout}");

    let output = redline().args(["explain", "placehodler"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did you mean `placeholder`?"), "{stderr}");
}

#[test]
fn init_writes_a_config_that_check_accepts_and_never_clobbers() {
    let dir = folder(&[("a.txt", "2023年工作总结\n".as_bytes())]);
    redline()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0);
    let written = std::fs::read_to_string(dir.path().join("redline.toml")).unwrap();
    assert!(written.contains("[rules.placeholder]"));
    redline()
        .current_dir(dir.path())
        .args(["check", "."])
        .assert()
        .code(0);

    std::fs::write(dir.path().join("redline.toml"), "# mine\n").unwrap();
    let output = redline()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("redline.toml")).unwrap(),
        "# mine\n"
    );
    redline()
        .current_dir(dir.path())
        .args(["init", "--force"])
        .assert()
        .code(0);
    assert!(
        std::fs::read_to_string(dir.path().join("redline.toml"))
            .unwrap()
            .contains("extends")
    );
}

#[test]
fn bad_arguments_exit_2() {
    let output = redline()
        .args(["check", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
