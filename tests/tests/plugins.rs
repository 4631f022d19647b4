//! Native plugins end to end: the real binary loading real libraries built
//! from this workspace, well-behaved and not.

use redline_tests::{
    check_in, findings, folder, json_report, plugin_library, redline, report_errors,
};
use std::path::Path;

const EXAMPLE: &str = "redline-example-plugin";
const MISBEHAVING: &str = "redline-test-plugin-misbehaving";

const UNSIGNED: &str = "一、工作总结\n今年取得了一定成绩，其它工作也有进展。\n明年继续努力。\n";
const SIGNED: &str = "一、工作总结\n今年的工作有进展。\nXX市财政局\n2024年1月5日\n";

/// A folder holding `plugins/<library>` for each package, a config that
/// starts from `extends = ["none"]` plus `config`, and the documents.
fn project(packages: &[&str], config: &str, documents: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = folder(
        &documents
            .iter()
            .map(|(name, text)| (*name, text.as_bytes()))
            .collect::<Vec<_>>(),
    );
    std::fs::create_dir(dir.path().join("plugins")).unwrap();
    for package in packages {
        let library = plugin_library(package);
        std::fs::copy(
            &library,
            dir.path()
                .join("plugins")
                .join(library.file_name().unwrap()),
        )
        .unwrap();
    }
    let entries: Vec<String> = packages
        .iter()
        .map(|package| format!("{{ path = \"plugins/{}\" }}", library_name(package)))
        .collect();
    std::fs::write(
        dir.path().join("redline.toml"),
        format!(
            "extends = [\"none\"]\nplugins = [{}]\n{config}",
            entries.join(", ")
        ),
    )
    .unwrap();
    dir
}

fn library_name(package: &str) -> String {
    plugin_library(package)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn found(rule: &str, line: u64, column: u64, text: &str) -> (String, u64, u64, String) {
    (rule.to_owned(), line, column, text.to_owned())
}

#[test]
fn the_example_plugin_runs_like_a_built_in_rule() {
    let dir = project(&[EXAMPLE], "", &[("a.txt", UNSIGNED), ("b.txt", SIGNED)]);
    let (report, code) = json_report(dir.path(), &["--no-cache", "a.txt", "b.txt"]);
    assert_eq!(code, 0, "warnings do not fail the run: {report:#}");
    assert_eq!(
        findings(&report, UNSIGNED),
        vec![
            found("house-style/banned-phrases", 2, 3, "取得了一定成绩"),
            found("house-style/banned-phrases", 2, 11, "其它"),
            found("house-style/signature", 3, 1, "明年继续努力。"),
        ]
    );
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .all(|d| d["path"] == "a.txt" && d["severity"] == "warning")
    );
    assert_eq!(diagnostics[1]["help"], "write `其他`");
    assert_eq!(report_errors(&report), vec![]);
}

#[test]
fn plugin_rules_take_options_levels_and_overrides() {
    let config = "[rules.\"house-style/signature\"]\nlevel = \"error\"\norganisation = \"教育局\"\n\
                  [rules.\"house-style/banned-phrases\"]\nphrases = [\"有进展\"]\n\
                  [[overrides]]\nfiles = [\"drafts/**\"]\nrules = { \"house-style/signature\" = \"off\" }\n";
    let dir = project(
        &[EXAMPLE],
        config,
        &[("a.txt", SIGNED), ("drafts/b.txt", SIGNED)],
    );
    let (report, code) = json_report(dir.path(), &["--no-cache", "."]);
    assert_eq!(code, 1, "{report:#}");
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str, &str)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "a.txt",
                "house-style/banned-phrases",
                "warning",
                "`有进展` is banned by the house style"
            ),
            (
                "a.txt",
                "house-style/signature",
                "error",
                "signed by `XX市财政局`, expected `教育局`"
            ),
            (
                "drafts/b.txt",
                "house-style/banned-phrases",
                "warning",
                "`有进展` is banned by the house style"
            ),
        ]
    );
}

#[test]
fn plugin_fixes_suppressions_and_selection_work() {
    let markdown = "<!-- redline-disable-next-line house-style/banned-phrases -->\n\
                    取得了一定成绩。\n其它工作也有进展。\n";
    let dir = project(&[EXAMPLE], "", &[("a.md", markdown)]);
    let (report, _) = json_report(dir.path(), &["--no-cache", "a.md"]);
    assert_eq!(
        findings(&report, markdown),
        vec![
            found("house-style/banned-phrases", 3, 1, "其它"),
            found("house-style/signature", 3, 1, "其它工作也有进展。"),
        ]
    );
    let (report, _) = json_report(
        dir.path(),
        &["--no-cache", "--select", "house-style/signature", "a.md"],
    );
    assert_eq!(
        findings(&report, markdown),
        vec![found("house-style/signature", 3, 1, "其它工作也有进展。")]
    );
    let run = check_in(dir.path(), &["--no-cache", "--fix", "a.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        markdown.replace("其它", "其他")
    );
    let run = check_in(dir.path(), &["--select", "house-style/signatur", "a.md"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "unknown rule `house-style/signatur` in --select/--ignore (did you mean `house-style/signature`?)"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn rules_and_explain_show_plugin_rules_with_their_docs() {
    let dir = project(&[EXAMPLE], "", &[]);
    let output = redline()
        .current_dir(dir.path())
        .arg("rules")
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table
            .lines()
            .any(|line| line.starts_with("house-style/signature ")
                && line.contains("warning")
                && line
                    .ends_with("the document does not end with an organisation name and a date")),
        "{table}"
    );
    let output = redline()
        .current_dir(dir.path())
        .args(["explain", "house-style/banned-phrases"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let docs = String::from_utf8(output.stdout).unwrap();
    assert!(
        docs.starts_with(
            "# house-style/banned-phrases\n\nA phrase the house style bans.\n\nFamily: house-style."
        ),
        "{docs}"
    );
    assert!(
        docs.contains("\nEmpty slogans say nothing a reader can check"),
        "{docs}"
    );
    assert!(
        docs.contains("## Options\n\n```json\n{\n  \"additionalProperties\": false,"),
        "{docs}"
    );
    // Outside the project the plugin is unknown.
    let output = redline()
        .args(["explain", "house-style/banned-phrases", "--isolated"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn bad_plugin_options_are_config_errors_at_the_table() {
    let dir = project(
        &[MISBEHAVING],
        "[rules.\"misbehaving/picky\"]\nlimit = 0\n",
        &[("a.txt", "text\n")],
    );
    let run = check_in(dir.path(), &["a.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "invalid options for rule `misbehaving/picky`: plugin `misbehaving` refused the options: `limit` must be positive"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("[rules.\"misbehaving/picky\"]"),
        "{}",
        run.stderr
    );
    std::fs::write(
        dir.path().join("redline.toml"),
        format!(
            "plugins = [{{ path = \"plugins/{}\" }}]\n[rules.\"misbehaving/picky\"]\nlimt = 3\n",
            library_name(MISBEHAVING)
        ),
    )
    .unwrap();
    let run = check_in(dir.path(), &["a.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "refused the options: invalid options: unknown field `limt`, expected `limit`"
        ),
        "{}",
        run.stderr
    );
}

/// Placeholder leftovers, so the built-in rule shows that the run goes on.
const LEFTOVER: &str = "20xx年工作总结\n";

#[test]
fn a_panicking_plugin_is_disabled_and_everything_else_still_runs() {
    let config = "[rules]\nplaceholder = \"error\"\n\"misbehaving/out-of-bounds\" = \"off\"\n";
    let dir = project(
        &[MISBEHAVING],
        config,
        &[
            ("a.txt", LEFTOVER),
            ("b.txt", LEFTOVER),
            ("c.txt", LEFTOVER),
        ],
    );
    let (report, code) = json_report(dir.path(), &["--no-cache", "-j", "1", "."]);
    assert_eq!(code, 1);
    let rules: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rules,
        [
            ("a.txt", "placeholder"),
            ("b.txt", "placeholder"),
            ("c.txt", "placeholder")
        ]
    );
    let errors = report_errors(&report);
    assert_eq!(
        errors[0],
        (
            "a.txt".to_owned(),
            "rule `misbehaving/panics` could not check this file: plugin `misbehaving` panicked: \
             deliberate panic on a.txt (at tests/plugins/misbehaving/src/lib.rs:22:9); it is \
             disabled for the rest of the run"
                .to_owned()
        )
    );
    let disabled = "plugin `misbehaving` was disabled after it panicked earlier in this run";
    assert!(
        errors[1..]
            .iter()
            .all(|(_, message)| message.ends_with(disabled)),
        "{errors:#?}"
    );
    assert_eq!(
        errors.len(),
        6,
        "picky on a.txt, then both plugin rules on b.txt and c.txt"
    );

    // People read one line per distinct problem, not one per file.
    let run = check_in(dir.path(), &["--no-cache", "-j", "1", "."]);
    assert!(
        !run.stderr.contains("panicked at"),
        "the plugin's panic hook stays quiet: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "error: the same for 1 more file: rule `misbehaving/panics` could not check this file: {disabled}"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn out_of_bounds_spans_are_refused_and_the_other_rules_still_report() {
    let config = "[rules]\nplaceholder = \"error\"\n\"misbehaving/panics\" = \"off\"\n\
                  \"misbehaving/picky\" = \"off\"\n";
    let dir = project(&[MISBEHAVING], config, &[("a.txt", LEFTOVER)]);
    let (report, code) = json_report(dir.path(), &["--no-cache", "a.txt"]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&report, LEFTOVER),
        vec![found("placeholder", 1, 1, "20xx")]
    );
    assert_eq!(
        report_errors(&report),
        vec![(
            "a.txt".to_owned(),
            format!(
                "rule `misbehaving/out-of-bounds` could not check this file: plugin `misbehaving` \
                 returned a finding at bytes 0..{}, but the text is {} bytes long",
                LEFTOVER.len() + 10,
                LEFTOVER.len()
            )
        )]
    );
}

#[test]
fn libraries_that_are_not_plugins_are_refused_and_the_run_goes_on() {
    let dir = project(
        &[
            "redline-test-plugin-wrong-abi",
            "redline-test-plugin-no-entry",
        ],
        "[rules]\nplaceholder = \"error\"\n",
        &[("a.txt", LEFTOVER)],
    );
    let config = dir.path().join("redline.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            "plugins = [",
            "plugins = [{ path = \"plugins/missing.so\" }, ",
        ),
    )
    .unwrap();
    let (report, code) = json_report(dir.path(), &["--no-cache", "a.txt"]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&report, LEFTOVER),
        vec![found("placeholder", 1, 1, "20xx")]
    );
    let missing = dir.path().join("plugins/missing.so");
    assert_eq!(
        report_errors(&report),
        vec![
            (
                "redline.toml".to_owned(),
                format!(
                    "plugin `plugins/{}` cannot be used, its rules do not run: the library exports no `redline_plugin_entry_v1`",
                    library_name("redline-test-plugin-no-entry")
                )
            ),
            (
                "redline.toml".to_owned(),
                format!(
                    "plugin `plugins/{}` cannot be used, its rules do not run: it was built for plugin ABI version 99, but this Redline speaks version 1; rebuild it against a matching redline-plugin-api",
                    library_name("redline-test-plugin-wrong-abi")
                )
            ),
            (
                "redline.toml".to_owned(),
                format!(
                    "plugin `plugins/missing.so` cannot be used, its rules do not run: cannot open {}: no such file or directory",
                    missing.display()
                )
            ),
        ]
    );
}

fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[test]
fn a_sha256_pin_is_checked_before_the_library_is_loaded() {
    let dir = project(&[EXAMPLE], "", &[("a.txt", UNSIGNED)]);
    let library = format!("plugins/{}", library_name(EXAMPLE));
    let digest = sha256_of(&dir.path().join(&library));
    let pinned = |pin: &str| {
        std::fs::write(
            dir.path().join("redline.toml"),
            format!(
                "extends = [\"none\"]\nplugins = [{{ path = \"{library}\", sha256 = \"{pin}\" }}]\n"
            ),
        )
        .unwrap();
    };
    pinned(&digest.to_uppercase());
    let (report, code) = json_report(dir.path(), &["--no-cache", "a.txt"]);
    assert_eq!((code, report_errors(&report)), (0, vec![]));
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 3);

    let wrong = "ab".repeat(32);
    pinned(&wrong);
    let (report, code) = json_report(dir.path(), &["--no-cache", "a.txt"]);
    assert_eq!(code, 1);
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(
        report_errors(&report),
        vec![(
            "redline.toml".to_owned(),
            format!(
                "plugin `{library}` cannot be used, its rules do not run: sha256 mismatch: the \
                 config pins {wrong}, the file has {digest}; not loading it"
            )
        )]
    );
}

#[test]
fn cached_results_do_not_outlive_the_plugin_that_made_them() {
    let dir = project(
        &["redline-test-plugin-no-entry"],
        "",
        &[("a.txt", UNSIGNED)],
    );
    let config = dir.path().join("redline.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(&library_name("redline-test-plugin-no-entry"), "rules.so"),
    )
    .unwrap();
    let installed = dir.path().join("plugins/rules.so");
    std::fs::copy(plugin_library("redline-test-plugin-no-entry"), &installed).unwrap();
    let (report, code) = json_report(dir.path(), &["a.txt"]);
    assert_eq!(
        (code, report["diagnostics"].as_array().unwrap().len()),
        (1, 0)
    );

    // Same config text, a working library in its place: no stale result.
    std::fs::remove_file(&installed).unwrap();
    std::fs::copy(plugin_library(EXAMPLE), &installed).unwrap();
    let (report, code) = json_report(dir.path(), &["a.txt"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 3);
}

#[test]
fn a_name_without_extension_finds_the_platforms_library_file() {
    let dir = project(&[EXAMPLE], "", &[("a.txt", UNSIGNED)]);
    std::fs::write(
        dir.path().join("redline.toml"),
        "extends = [\"none\"]\nplugins = [{ path = \"plugins/redline_example_plugin\" }]\n",
    )
    .unwrap();
    let (report, code) = json_report(dir.path(), &["--no-cache", "a.txt"]);
    assert_eq!((code, report_errors(&report)), (0, vec![]));
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 3);
}
