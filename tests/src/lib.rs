//! Helpers for the end-to-end tests of the `redline` command in `tests/`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The workspace's top folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
        .to_owned()
}

/// This crate's fixture folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The shared corpus of real documents, when it is present beside the
/// workspace; tests that need it print a notice and pass without it.
pub fn corpus() -> Option<PathBuf> {
    let corpus = workspace_root().parent()?.join("shared").join("corpus");
    if corpus.join("docs").is_dir() {
        Some(corpus)
    } else {
        eprintln!(
            "notice: {} is absent; skipping the corpus checks",
            corpus.display()
        );
        None
    }
}

/// `target/<profile>` of this test run.
fn profile_dir() -> PathBuf {
    let test_exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> → target/<profile>
    test_exe
        .parent()
        .and_then(Path::parent)
        .expect("test executable lives in target/<profile>/deps")
        .to_owned()
}

/// Runs `cargo build ARGS` into this test run's target folder and profile.
fn cargo_build(args: &[&str]) {
    let profile_dir = profile_dir();
    let release = profile_dir
        .file_name()
        .is_some_and(|name| name == "release");
    let target_dir = profile_dir.parent().expect("profile folder has a parent");
    let mut build = std::process::Command::new(env!("CARGO"));
    build
        .args(["build", "--quiet"])
        .args(args)
        .arg("--target-dir")
        .arg(target_dir)
        .current_dir(workspace_root());
    if release {
        build.arg("--release");
    }
    let status = build.status().expect("cargo runs");
    assert!(status.success(), "cargo build {args:?} failed");
}

/// The `redline` binary of this build profile, built once per test run.
///
/// Cargo exposes `CARGO_BIN_EXE_*` only to the binary's own package, so the
/// binary is built here, into the same target folder as this test.
pub fn redline_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        cargo_build(&["-p", "redline-cli", "--bin", "redline"]);
        profile_dir().join(format!("redline{}", std::env::consts::EXE_SUFFIX))
    })
}

/// Plugin packages the end-to-end tests load: the example and the ones
/// that break the contract on purpose.
pub const PLUGIN_PACKAGES: [&str; 4] = [
    "redline-example-plugin",
    "redline-test-plugin-misbehaving",
    "redline-test-plugin-wrong-abi",
    "redline-test-plugin-no-entry",
];

/// The shared library of a plugin package (one of [`PLUGIN_PACKAGES`]).
/// A `cdylib` is not built for its dependents, so every plugin is built
/// here, once per test run.
pub fn plugin_library(package: &str) -> PathBuf {
    static BUILT: OnceLock<()> = OnceLock::new();
    assert!(
        PLUGIN_PACKAGES.contains(&package),
        "unknown plugin {package}"
    );
    BUILT.get_or_init(|| {
        let args: Vec<&str> = PLUGIN_PACKAGES.iter().flat_map(|p| ["-p", *p]).collect();
        cargo_build(&args);
    });
    let stem = package.replace('-', "_");
    profile_dir().join(format!(
        "{}{stem}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ))
}

/// A `redline` command with colour off and a clean environment.
pub fn redline() -> Command {
    let mut command = Command::new(redline_binary());
    command.env_remove("NO_COLOR").env("COLUMNS", "100");
    command
}

/// Runs `redline` with `args` in `dir` and parses its JSON report.
pub fn json_report(dir: &Path, args: &[&str]) -> (serde_json::Value, i32) {
    let output = redline()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("redline runs");
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (report, output.status.code().expect("exit code"))
}

/// `(rule, line, column, matched text)` of every diagnostic in a report.
pub fn findings(report: &serde_json::Value, text: &str) -> Vec<(String, u64, u64, String)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            let start = d["start"]["offset"].as_u64().unwrap() as usize;
            let end = d["end"]["offset"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["start"]["line"].as_u64().unwrap(),
                d["start"]["column"].as_u64().unwrap(),
                text[start..end].to_owned(),
            )
        })
        .collect()
}

/// `(path, message)` of every error in a JSON report.
pub fn report_errors(report: &serde_json::Value) -> Vec<(String, String)> {
    report["errors"]
        .as_array()
        .expect("errors array")
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A temporary folder with the given files.
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, contents) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(path, contents).expect("write fixture");
    }
    dir
}

/// What one run of `redline check` printed, and its exit code.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `redline check ARGS` in `dir`, colour off.
pub fn check_in(dir: &Path, args: &[&str]) -> Run {
    let output = redline()
        .current_dir(dir)
        .args(["check", "--color", "never"])
        .args(args)
        .output()
        .expect("redline runs");
    Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

/// Compiles the Rust examples of the README (a built-in rule and a plugin
/// rule), so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
