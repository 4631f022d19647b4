//! The result cache: unchanged files are not linted again.

use redline_tests::{folder, json_report};
use std::path::{Path, PathBuf};

fn cache_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries = Vec::new();
    let mut folders = vec![dir.join(".redline_cache").join("v1")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            if entry.file_type().unwrap().is_dir() {
                folders.push(entry.path());
            } else {
                entries.push(entry.path());
            }
        }
    }
    entries
}

fn messages(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_warm_run_reads_findings_from_the_cache() {
    let dir = folder(&[("a.txt", "20xx年\n".as_bytes())]);
    let (cold, _) = json_report(dir.path(), &["a.txt"]);
    let entries = cache_entries(dir.path());
    assert_eq!(entries.len(), 1);

    // Doctor the stored findings: a warm run must report them as stored,
    // which proves no rule ran.
    let stored = std::fs::read_to_string(&entries[0]).unwrap();
    std::fs::write(
        &entries[0],
        stored.replace("was never filled in", "came from the cache"),
    )
    .unwrap();
    let (warm, _) = json_report(dir.path(), &["a.txt"]);
    assert!(
        messages(&warm)[0].ends_with("came from the cache"),
        "{warm}"
    );

    // --no-cache lints for real; a changed file or config misses the cache.
    let (fresh, _) = json_report(dir.path(), &["a.txt", "--no-cache"]);
    assert_eq!(messages(&fresh), messages(&cold));
    std::fs::write(
        dir.path().join("redline.toml"),
        "[rules.placeholder]\nlevel = \"warning\"\n",
    )
    .unwrap();
    let (reconfigured, _) = json_report(dir.path(), &["a.txt"]);
    assert_eq!(reconfigured["diagnostics"][0]["severity"], "warning");
    assert_eq!(messages(&reconfigured), messages(&cold));
    std::fs::write(dir.path().join("a.txt"), "20xx年 XX市\n").unwrap();
    let (edited, _) = json_report(dir.path(), &["a.txt"]);
    assert_eq!(messages(&edited).len(), 2);
    assert!(
        dir.path()
            .join(".redline_cache")
            .join(".gitignore")
            .is_file()
    );
}
