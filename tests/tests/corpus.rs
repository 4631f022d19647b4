//! The real documents in the shared corpus, scored against their hand-made
//! catalog of defects by the corpus's own scoring script.

use redline_tests::{corpus, redline};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Scores a JSON report with `score.py --strict`, counting only catalog
/// entries of the given severities.
fn score(corpus: &Path, report: &Path, severities: &str) -> Value {
    let golden: Vec<_> = std::fs::read_dir(corpus.join("golden"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    let script = corpus.parent().unwrap().join("tools").join("score.py");
    let output = Command::new("python3")
        .arg(script)
        .args([
            "--strict",
            "--json",
            "--severities",
            severities,
            "--findings",
        ])
        .arg(report)
        .arg("--golden")
        .args(golden)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn recall(score: &Value, category: &str) -> (u64, u64) {
    let pair = &score["per_category"][category];
    (pair[0].as_u64().unwrap_or(0), pair[1].as_u64().unwrap_or(0))
}

fn assert_recall(score: &Value, category: &str, severities: &str, at_least: f64) {
    let (found, total) = recall(score, category);
    assert!(
        total > 0,
        "no {severities} {category} entries in the catalog"
    );
    let ratio = found as f64 / total as f64;
    eprintln!("{category} ({severities}): {found}/{total} = {ratio:.3}");
    assert!(
        ratio >= at_least,
        "{category} recall on {severities} entries is {ratio:.3} < {at_least}"
    );
}

#[test]
fn golden_corpus_recall_and_no_negative_flagged() {
    let Some(corpus) = corpus() else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("notice: python3 is not installed; skipping the corpus score");
        return;
    }
    let output = redline()
        .args(["check", "--format", "json", "--isolated"])
        .arg(corpus.join("docs"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(report.path(), &output.stdout).unwrap();

    let all = score(&corpus, report.path(), "error,warning");
    assert_eq!(
        all["negatives_flagged"][0], 0,
        "look-alikes were flagged: {all}"
    );
    assert_recall(&all, "placeholder", "error,warning", 0.95);
    assert_recall(&all, "repeated-block", "error,warning", 0.85);
    assert_recall(&all, "numbering", "error,warning", 0.80);
    assert_recall(&all, "truncation", "error,warning", 0.60);
    assert_recall(&all, "boilerplate", "error,warning", 0.90);
    assert_recall(&all, "punctuation", "error,warning", 0.80);
    let errors = score(&corpus, report.path(), "error");
    assert_recall(&errors, "garbled-number", "error", 0.90);
    let warnings = score(&corpus, report.path(), "warning");
    assert_recall(&warnings, "garbled-number", "warning", 0.60);
}
