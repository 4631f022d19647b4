//! `--format sarif|github|junit|checkstyle|compact` and `--output-file`, end
//! to end: each report is parsed the way its consumer parses it and checked
//! against the JSON report of the same run.

use redline_tests::{folder, json_report, redline, workspace_root};
use regex::Regex;
use serde_json::Value;
use std::path::Path;

const CHINESE_NAME: &str = "年度总结.txt";
/// `20xx` (an unsafe fix with `year` set), `XX` at character column 7 but
/// byte column 11, a suspect figure (a warning) and mojibake (an info).
const CHINESE: &str = "年度工作总结\n20xx年，XX市总工会完成投资5 9亿元，锟斤拷。\n";
/// `XX`, a zero-width space (an info with a safe fix) and `TODO`.
const ENGLISH: &str = "Annual summary\nThe XX Municipal office\u{200B} reported TODO items.\n";
/// A name the runner's property escaping must get right; not a valid name
/// on Windows, so only made where it can exist.
const AWKWARD_NAME: &str = "a,b:c%.txt";
const CONFIG: &str = "[rules.placeholder]\nyear = 2023\n\n[rules.garbled-text]\nlevel = \"info\"\n";

/// Every kind of outcome: findings of each severity, a clean file, a file
/// that is not UTF-8 and a binary one.
fn documents() -> tempfile::TempDir {
    let mut files: Vec<(&str, &[u8])> = vec![
        (CHINESE_NAME, CHINESE.as_bytes()),
        ("en.md", ENGLISH.as_bytes()),
        ("clean.md", b"All figures are final.\n"),
        ("broken.txt", b"ok\n\xff\xfe\n"),
        ("binary.txt", b"GIF89a\0\0"),
        ("redline.toml", CONFIG.as_bytes()),
    ];
    if cfg!(unix) {
        files.push((AWKWARD_NAME, b"20xx\n"));
    }
    folder(&files)
}

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn check(dir: &Path, args: &[&str]) -> Run {
    let output = redline()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .expect("redline runs");
    Run {
        stdout: String::from_utf8(output.stdout).expect("UTF-8 report"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 messages"),
        code: output.status.code().expect("exit code"),
    }
}

/// A finding as the JSON report gives it.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    path: String,
    rule: String,
    severity: String,
    message: String,
    help: Option<String>,
    /// (line, character column, byte offset)
    start: (u64, u64, usize),
    end: (u64, u64, usize),
    fix: Value,
}

fn position(value: &Value) -> (u64, u64, usize) {
    (
        value["line"].as_u64().unwrap(),
        value["column"].as_u64().unwrap(),
        value["offset"].as_u64().unwrap() as usize,
    )
}

/// The findings and errors of the JSON report, the reference every other
/// format is held to.
fn expected(dir: &Path) -> (Vec<Expected>, Vec<(String, String)>) {
    let (report, code) = json_report(dir, &["."]);
    assert_eq!(code, 1);
    let findings: Vec<Expected> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Expected {
            path: d["path"].as_str().unwrap().to_owned(),
            rule: d["rule"].as_str().unwrap().to_owned(),
            severity: d["severity"].as_str().unwrap().to_owned(),
            message: d["message"].as_str().unwrap().to_owned(),
            help: d["help"].as_str().map(str::to_owned),
            start: position(&d["start"]),
            end: position(&d["end"]),
            fix: d["fix"].clone(),
        })
        .collect();
    let severities: Vec<&str> = findings.iter().map(|f| f.severity.as_str()).collect();
    for severity in ["error", "warning", "info"] {
        assert!(
            severities.contains(&severity),
            "the documents should yield every severity: {severities:?}"
        );
    }
    (findings, redline_tests::report_errors(&report))
}

fn attribute<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> lacks {name}", node.tag_name().name()))
}

fn count_attribute(node: roxmltree::Node<'_, '_>, name: &str) -> usize {
    attribute(node, name).parse().expect("a count")
}

fn elements<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'input>> {
    node.children()
        .filter(move |child| child.is_element() && child.has_tag_name(name))
}

// ---------------------------------------------------------------- SARIF

/// `%XX` escapes back to the bytes they stand for.
fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).expect("hex escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 path")
}

fn sarif_schema() -> Option<Value> {
    let path = workspace_root()
        .parent()?
        .join("shared/schemas/sarif-schema-2.1.0.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the schema is JSON")),
        Err(_) => {
            eprintln!(
                "notice: {} is absent; skipping validation against the SARIF schema",
                path.display()
            );
            None
        }
    }
}

/// The 2.1.0 schema's pattern for `language` (of a run and of a tool
/// component), with a stray `]`: legal in ECMA-262's legacy regexes, where
/// it matches itself, but rejected when the validator checks the schema.
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// Escapes the stray `]` of every `language` pattern, which keeps the
/// pattern's meaning and lets the schema compile; returns how many it
/// changed. Redline writes no `language` anyway.
fn escape_language_patterns(schema: &mut Value) -> usize {
    match schema {
        Value::Object(map) => {
            let mut changed = 0;
            for (key, value) in map.iter_mut() {
                if key == "pattern" && value == LANGUAGE_PATTERN {
                    *value = Value::from(LANGUAGE_PATTERN.replace("]?$", "\\]?$"));
                    changed += 1;
                } else {
                    changed += escape_language_patterns(value);
                }
            }
            changed
        }
        Value::Array(items) => items.iter_mut().map(escape_language_patterns).sum(),
        _ => 0,
    }
}

/// A validator for the official SARIF 2.1.0 schema, when `../shared` has it.
fn sarif_validator() -> Option<jsonschema::Validator> {
    let mut schema = sarif_schema()?;
    assert_eq!(
        escape_language_patterns(&mut schema),
        2,
        "the schema changed: revisit the pattern workaround"
    );
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    Some(validator)
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect()
}

fn assert_valid_sarif(log: &Value) {
    let Some(validator) = sarif_validator() else {
        return;
    };
    let errors = schema_errors(&validator, log);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    // The check has teeth: `columnKind` is an enumeration, and formats
    // (here `uri`) are checked too.
    let mut broken = log.clone();
    broken["runs"][0]["columnKind"] = Value::from("bytes");
    broken["runs"][0]["tool"]["driver"]["informationUri"] = Value::from("not a uri");
    assert_eq!(schema_errors(&validator, &broken).len(), 2, "{broken}");
}

/// The repository URL of the workspace's Cargo metadata.
fn repository_url() -> String {
    let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
    let line = manifest
        .lines()
        .find(|line| line.starts_with("repository"))
        .expect("the workspace names its repository");
    line.split('"').nth(1).unwrap().to_owned()
}

fn sarif_level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        other => panic!("unknown severity {other}"),
    }
}

#[test]
fn sarif_is_valid_and_matches_the_json_report() {
    let dir = documents();
    let (findings, errors) = expected(dir.path());
    let run = check(dir.path(), &["--format", "sarif", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);

    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let sarif_run = &runs[0];
    assert_eq!(sarif_run["columnKind"], "unicodeCodePoints");
    let driver = &sarif_run["tool"]["driver"];
    assert_eq!(driver["name"], "redline");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["informationUri"], repository_url().as_str());
    let rules = driver["rules"].as_array().unwrap();
    for rule in rules {
        for field in ["shortDescription", "fullDescription"] {
            assert!(rule[field]["text"].as_str().is_some_and(|t| !t.is_empty()));
        }
        assert!(rule["help"]["text"].is_string() && rule["help"]["markdown"].is_string());
        assert!(
            ["error", "warning", "note"]
                .contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()),
            "{rule}"
        );
    }
    let root = sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );

    let results = sarif_run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(&findings) {
        let rule_index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], finding.rule.as_str());
        assert_eq!(result["ruleId"], finding.rule.as_str());
        assert_eq!(result["level"], sarif_level(&finding.severity));
        assert_eq!(result["message"]["text"], finding.message.as_str());

        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert_eq!(percent_decode(uri), finding.path);
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let text = std::fs::read_to_string(dir.path().join(&finding.path)).unwrap();
        let char_offset = |byte_offset: usize| text[..byte_offset].chars().count();
        let region = &location["region"];
        assert_eq!(region["startLine"], finding.start.0);
        assert_eq!(region["startColumn"], finding.start.1);
        assert_eq!(region["endLine"], finding.end.0);
        assert_eq!(region["endColumn"], finding.end.1);
        assert_eq!(region["charOffset"], char_offset(finding.start.2));
        assert_eq!(
            region["charLength"],
            char_offset(finding.end.2) - char_offset(finding.start.2)
        );

        match finding.fix.as_object() {
            None => assert!(result.get("fixes").is_none(), "{result}"),
            Some(fix) => {
                let sarif_fix = &result["fixes"][0];
                assert_eq!(
                    sarif_fix["properties"]["applicability"],
                    fix["applicability"]
                );
                let change = &sarif_fix["artifactChanges"][0];
                assert_eq!(change["artifactLocation"]["uri"], uri);
                let edits = fix["edits"].as_array().unwrap();
                let replacements = change["replacements"].as_array().unwrap();
                assert_eq!(replacements.len(), edits.len());
                for (replacement, edit) in replacements.iter().zip(edits) {
                    let start = edit["start"].as_u64().unwrap() as usize;
                    let end = edit["end"].as_u64().unwrap() as usize;
                    let deleted = &replacement["deletedRegion"];
                    assert_eq!(deleted["charOffset"], char_offset(start));
                    assert_eq!(deleted["charLength"], char_offset(end) - char_offset(start));
                    let inserted = edit["replacement"].as_str().unwrap();
                    if inserted.is_empty() {
                        assert!(replacement.get("insertedContent").is_none());
                    } else {
                        assert_eq!(replacement["insertedContent"]["text"], inserted);
                    }
                }
            }
        }
    }

    // Character columns and offsets on Chinese text, not bytes.
    let city = results
        .iter()
        .find(|r| {
            r["message"]["text"] == "template placeholder `XX` was never filled in"
                && percent_decode(
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap(),
                ) == CHINESE_NAME
        })
        .expect("the XX finding");
    let region = &city["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (&Value::from(2), &Value::from(7), &Value::from(9))
    );
    assert_eq!(region["charOffset"], 13);
    assert_eq!(region["charLength"], 2);
    assert_eq!(
        city["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%E5%B9%B4%E5%BA%A6%E6%80%BB%E7%BB%93.txt"
    );
    // The year mask carries its unsafe fix as a replacement of those 4 characters.
    let year = results
        .iter()
        .find(|r| r["fixes"][0]["properties"]["applicability"] == "unsafe")
        .expect("the 20xx finding with its fix");
    let replacement = &year["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "2023");
    assert_eq!(replacement["deletedRegion"]["startColumn"], 1);
    assert_eq!(replacement["deletedRegion"]["endColumn"], 5);
    assert_eq!(
        year["fixes"][0]["description"]["text"],
        "write the actual year"
    );
    if cfg!(unix) {
        assert!(
            results.iter().any(
                |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "a%2Cb%3Ac%25.txt"
            ),
            "{results:?}"
        );
    }

    let invocation = &sarif_run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    let error_notes: Vec<(&str, &str)> = notifications
        .iter()
        .filter(|n| n["level"] == "error")
        .map(|n| {
            (
                n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap(),
                n["message"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    let expected_errors: Vec<(&str, &str)> = errors
        .iter()
        .map(|(path, message)| (path.as_str(), message.as_str()))
        .collect();
    assert_eq!(error_notes, expected_errors);
    assert!(
        notifications.iter().any(|n| n["level"] == "note"
            && n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "binary.txt"),
        "the skipped binary is a note: {notifications:?}"
    );
}

#[test]
fn sarif_of_a_clean_run_is_valid_and_successful() {
    let dir = folder(&[("clean.md", b"All figures are final.\n")]);
    let run = check(dir.path(), &["--format", "sarif", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"], Value::Array(Vec::new()));
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

// --------------------------------------------------------------- GitHub

/// Undoes the runner's escapes.
fn unescape_github(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_commands_follow_the_workflow_command_grammar() {
    let dir = documents();
    let (findings, errors) = expected(dir.path());
    let missing = "missing\n100%, part: two.txt";
    let run = check(dir.path(), &["--format", "github", ".", missing]);
    assert_eq!(run.code, 1, "{}", run.stderr);

    // Property values may hold neither `,` nor `:` nor a raw line break;
    // the message, no raw line break.
    let finding_command = Regex::new(
        r"^::(error|warning|notice) file=([^,:\r\n]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:\r\n]+)::([^\r\n]*)$",
    )
    .unwrap();
    let error_command = Regex::new(r"^::error file=([^,:\r\n]+)::([^\r\n]*)$").unwrap();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), findings.len() + errors.len() + 1);
    for (line, finding) in lines.iter().zip(&findings) {
        let parts = finding_command
            .captures(line)
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        let command = match finding.severity.as_str() {
            "info" => "notice",
            other => other,
        };
        assert_eq!(&parts[1], command);
        assert_eq!(unescape_github(&parts[2]), finding.path);
        let numbers: Vec<u64> = (3..=6).map(|i| parts[i].parse().unwrap()).collect();
        assert_eq!(
            numbers,
            [
                finding.start.0,
                finding.start.1,
                finding.end.0,
                finding.end.1
            ]
        );
        assert_eq!(
            unescape_github(&parts[7]),
            format!("redline({})", finding.rule)
        );
        assert_eq!(unescape_github(&parts[8]), finding.message);
    }
    let error_lines: Vec<(String, String)> = lines[findings.len()..]
        .iter()
        .map(|line| {
            let parts = error_command
                .captures(line)
                .unwrap_or_else(|| panic!("not an error command: {line}"));
            (unescape_github(&parts[1]), unescape_github(&parts[2]))
        })
        .collect();
    assert_eq!(error_lines[..errors.len()], errors[..]);
    assert_eq!(error_lines[errors.len()].0, missing);

    // The escapes themselves, as the runner expects them.
    assert!(
        run.stdout.contains(
            "::error file=missing%0A100%25%2C part%3A two.txt::no such file or directory\n"
        ),
        "{}",
        run.stdout
    );
    if cfg!(unix) {
        assert!(
            run.stdout.contains("::error file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=5,title=redline(placeholder)::template placeholder `20xx` was never filled in\n"),
            "{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains(&format!(
            "::error file={CHINESE_NAME},line=2,col=7,endLine=2,endColumn=9,title=redline(placeholder)::"
        )),
        "character columns: {}",
        run.stdout
    );
}

// ---------------------------------------------------------------- JUnit

#[test]
fn junit_has_a_suite_per_file_and_a_failure_per_finding() {
    let dir = documents();
    let (findings, errors) = expected(dir.path());
    let run = check(dir.path(), &["--format", "junit", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let document = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = document.root_element();
    assert!(root.has_tag_name("testsuites"));

    let suites: Vec<_> = elements(root, "testsuite").collect();
    let names: Vec<&str> = suites.iter().map(|s| attribute(*s, "name")).collect();
    let mut expected_names = vec![
        "binary.txt",
        "broken.txt",
        "clean.md",
        "en.md",
        CHINESE_NAME,
    ];
    if cfg!(unix) {
        expected_names.insert(0, AWKWARD_NAME);
    }
    assert_eq!(names, expected_names);
    for field in ["tests", "failures", "errors", "skipped"] {
        let sum: usize = suites.iter().map(|s| count_attribute(*s, field)).sum();
        assert_eq!(count_attribute(root, field), sum, "{field}");
    }

    let mut failures = Vec::new();
    for suite in &suites {
        let name = attribute(*suite, "name");
        let cases: Vec<_> = elements(*suite, "testcase").collect();
        assert_eq!(count_attribute(*suite, "tests"), cases.len(), "{name}");
        let failed: Vec<_> = cases
            .iter()
            .filter_map(|case| elements(*case, "failure").next())
            .collect();
        assert_eq!(count_attribute(*suite, "failures"), failed.len(), "{name}");
        for case in &cases {
            assert_eq!(attribute(*case, "classname"), name);
        }
        failures.extend(failed.into_iter().map(|failure| (name, failure)));
        match name {
            "clean.md" => {
                assert_eq!(cases.len(), 1);
                assert!(cases[0].first_element_child().is_none(), "a passing case");
            }
            "broken.txt" => {
                assert_eq!(count_attribute(*suite, "errors"), 1);
                let error = elements(cases[0], "error").next().expect("an <error>");
                assert_eq!(
                    Some(attribute(error, "message")),
                    errors.first().map(|e| e.1.as_str())
                );
            }
            "binary.txt" => {
                assert_eq!(count_attribute(*suite, "skipped"), 1);
                assert!(elements(cases[0], "skipped").next().is_some());
            }
            _ => assert_eq!(count_attribute(*suite, "errors"), 0),
        }
    }

    assert_eq!(failures.len(), findings.len());
    for ((suite, failure), finding) in failures.iter().zip(&findings) {
        assert_eq!(*suite, finding.path);
        assert_eq!(attribute(*failure, "type"), finding.rule);
        assert_eq!(attribute(*failure, "message"), finding.message);
        let text = failure.text().unwrap_or_default();
        let location = format!("{}:{}:{}", finding.path, finding.start.0, finding.start.1);
        assert!(text.starts_with(&location), "{text}");
        if let Some(help) = &finding.help {
            assert!(text.contains(&format!("help: {help}")), "{text}");
        }
    }
    let city = failures
        .iter()
        .find(|(suite, failure)| {
            *suite == CHINESE_NAME && attribute(*failure, "message").contains("`XX`")
        })
        .expect("the XX finding");
    assert!(
        city.1
            .text()
            .unwrap()
            .starts_with(&format!("{CHINESE_NAME}:2:7: error [placeholder]")),
        "character columns"
    );
}

// ----------------------------------------------------------- Checkstyle

#[test]
fn checkstyle_lists_every_file_with_its_errors() {
    let dir = documents();
    let (findings, errors) = expected(dir.path());
    let run = check(dir.path(), &["--format", "checkstyle", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let document = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = document.root_element();
    assert!(root.has_tag_name("checkstyle"));
    assert_eq!(attribute(root, "version"), "4.3");

    let files: Vec<_> = elements(root, "file").collect();
    let names: Vec<&str> = files.iter().map(|f| attribute(*f, "name")).collect();
    let mut expected_names = vec!["broken.txt", "clean.md", "en.md", CHINESE_NAME];
    if cfg!(unix) {
        expected_names.insert(0, AWKWARD_NAME);
    }
    assert_eq!(
        names, expected_names,
        "linted and unreadable files, not skipped ones"
    );

    let mut reported = Vec::new();
    for file in &files {
        let name = attribute(*file, "name");
        let file_errors: Vec<_> = elements(*file, "error").collect();
        match name {
            "clean.md" => assert!(file_errors.is_empty()),
            "broken.txt" => {
                assert_eq!(file_errors.len(), 1);
                assert_eq!(attribute(file_errors[0], "severity"), "error");
                assert_eq!(attribute(file_errors[0], "message"), errors[0].1);
                assert_eq!(file_errors[0].attribute("line"), None);
            }
            _ => reported.extend(file_errors.into_iter().map(|error| (name, error))),
        }
    }
    assert_eq!(reported.len(), findings.len());
    for ((name, error), finding) in reported.iter().zip(&findings) {
        assert_eq!(*name, finding.path);
        assert_eq!(count_attribute(*error, "line") as u64, finding.start.0);
        assert_eq!(count_attribute(*error, "column") as u64, finding.start.1);
        assert_eq!(attribute(*error, "severity"), finding.severity);
        assert_eq!(attribute(*error, "message"), finding.message);
        assert_eq!(
            attribute(*error, "source"),
            format!("redline.{}", finding.rule)
        );
    }
}

// -------------------------------------------------------------- compact

#[test]
fn compact_prints_one_grep_friendly_line_per_finding() {
    let dir = documents();
    let (findings, errors) = expected(dir.path());
    let run = check(dir.path(), &["--format", "compact", "."]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line_pattern =
        Regex::new(r"^(.+):(\d+):(\d+): (error|warning|info) \[([a-z0-9-]+)\] (.+)$").unwrap();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        findings.len(),
        "no summary line:\n{}",
        run.stdout
    );
    for (line, finding) in lines.iter().zip(&findings) {
        let parts = line_pattern
            .captures(line)
            .unwrap_or_else(|| panic!("not a compact line: {line}"));
        assert_eq!(&parts[1], finding.path);
        assert_eq!(parts[2].parse::<u64>().unwrap(), finding.start.0);
        assert_eq!(parts[3].parse::<u64>().unwrap(), finding.start.1);
        assert_eq!(&parts[4], finding.severity);
        assert_eq!(&parts[5], finding.rule);
        assert_eq!(&parts[6], finding.message);
    }
    assert!(
        run.stdout.contains(&format!(
            "{CHINESE_NAME}:2:7: error [placeholder] template placeholder `XX` was never filled in\n"
        )),
        "{}",
        run.stdout
    );
    for (path, message) in &errors {
        assert!(
            run.stderr.contains(&format!("error: {path}: {message}")),
            "errors stay on stderr: {}",
            run.stderr
        );
    }
}

// --------------------------------------------------------- --output-file

#[test]
fn output_file_holds_the_whole_report_and_keeps_the_exit_code() {
    let dir = documents();
    let out = tempfile::tempdir().unwrap();
    for format in ["sarif", "github", "junit", "checkstyle", "compact", "json"] {
        let to_stdout = check(dir.path(), &["--format", format, "."]);
        let path = out.path().join(format!("report.{format}"));
        // An old report is replaced, not appended to.
        std::fs::write(&path, "stale").unwrap();
        let to_file = check(
            dir.path(),
            &[
                "--format",
                format,
                "--output-file",
                path.to_str().unwrap(),
                ".",
            ],
        );
        assert_eq!(to_file.code, to_stdout.code, "{format}");
        assert_eq!(to_file.code, 1, "{format}");
        assert_eq!(to_file.stdout, "", "{format}: nothing on stdout");
        assert_eq!(to_file.stderr, to_stdout.stderr, "{format}: same messages");
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, to_stdout.stdout, "{format}: the complete report");
    }
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 6, "no temporary file left behind: {names:?}");
}

#[test]
fn output_file_with_human_format_is_never_coloured() {
    let dir = documents();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("report.txt");
    let run = check(
        dir.path(),
        &[
            "--color",
            "always",
            "--output-file",
            path.to_str().unwrap(),
            ".",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(!written.contains('\u{1b}'), "{written}");
    assert!(
        written.contains(&format!("{CHINESE_NAME}:2:7")),
        "{written}"
    );
    let uncoloured = check(dir.path(), &["--color", "never", "."]);
    assert_eq!(written, uncoloured.stdout);
}

#[test]
fn output_file_of_a_clean_run_exits_0() {
    let dir = folder(&[("clean.md", b"All figures are final.\n")]);
    let run = check(
        dir.path(),
        &[
            "--format",
            "junit",
            "--output-file",
            "redline.xml",
            "clean.md",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("redline.xml")).unwrap();
    let document = roxmltree::Document::parse(&written).unwrap();
    assert_eq!(attribute(document.root_element(), "failures"), "0");
}

#[test]
fn an_unwritable_output_file_fails_the_run() {
    let dir = documents();
    let run = check(
        dir.path(),
        &[
            "--format",
            "sarif",
            "--output-file",
            "missing-folder/report.sarif",
            ".",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: cannot write missing-folder/report.sarif:"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("missing-folder").exists());
}
