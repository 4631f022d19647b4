//! `--shard I/N`: the union of all shards is the unsharded run.

use redline_tests::{folder, json_report};
use std::collections::BTreeSet;

fn diagnostics(report: &serde_json::Value) -> BTreeSet<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn shards_partition_the_files() {
    let files: Vec<(String, Vec<u8>)> = (0..12)
        .map(|i| {
            (
                format!("docs/{i:02}.txt"),
                format!("第{i}份 20xx年 XX市\n").into_bytes(),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    let dir = folder(&borrowed);
    let (whole, _) = json_report(dir.path(), &["."]);
    let mut union = BTreeSet::new();
    let mut linted = 0;
    for index in 1..=3 {
        let shard = format!("{index}/3");
        let (part, _) = json_report(dir.path(), &[".", "--shard", &shard]);
        let found = diagnostics(&part);
        assert!(union.is_disjoint(&found), "shard {shard} overlaps another");
        union.extend(found);
        linted += part["summary"]["files"].as_u64().unwrap();
    }
    assert_eq!(linted, 12);
    assert_eq!(union, diagnostics(&whole));
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    let dir = folder(&[("a.txt", b"text\n")]);
    let output = redline_tests::redline()
        .current_dir(dir.path())
        .args(["check", ".", "--shard", "4/3"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not a shard"));
}

#[test]
fn an_empty_shard_succeeds_with_an_empty_report() {
    let dir = folder(&[("only.txt", "20xx年\n".as_bytes())]);
    let mut codes = Vec::new();
    for index in 1..=4 {
        let shard = format!("{index}/4");
        let (report, code) = json_report(dir.path(), &[".", "--shard", &shard]);
        codes.push((report["summary"]["files"].as_u64().unwrap(), code));
    }
    codes.sort();
    assert_eq!(codes, [(0, 0), (0, 0), (0, 0), (1, 1)]);
}
