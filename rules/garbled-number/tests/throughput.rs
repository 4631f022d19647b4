//! Throughput of the rule alone, over the shared corpus repeated to about
//! 50 MB. Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-garbled-number --test throughput -- --ignored --nocapture
//! ```

use redline_core::{DeclaredRule, Document, Rule, RuleContext, Severity, SourceFile};
use redline_rules_garbled_number::GarbledNumber;
use std::path::Path;
use std::time::Instant;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const TARGET_BYTES: usize = 50 << 20;
const ROUNDS: usize = 5;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let docs = Path::new(CORPUS).join("docs");
    let Ok(entries) = std::fs::read_dir(&docs) else {
        eprintln!("notice: no corpus at {CORPUS}; nothing to time");
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .collect();
    paths.sort();
    let mut seed = String::new();
    for path in paths
        .iter()
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
    {
        seed.push_str(&std::fs::read_to_string(path).unwrap());
        seed.push('\n');
    }
    let mut text = String::with_capacity(TARGET_BYTES + seed.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&seed);
    }
    measure("scraped punctuation", text.clone());
    // Chinese typed with full-width punctuation puts a candidate lead byte
    // (0xEF, shared with full-width digits) every few characters.
    let full_width = text
        .replace(',', "，")
        .replace(':', "：")
        .replace(';', "；")
        .replace('(', "（")
        .replace(')', "）");
    measure("full-width punctuation", full_width);
}

fn measure(label: &str, text: String) {
    let source = SourceFile::new("corpus-repeated.txt", text);
    let document = Document::parse(&source);
    let rule = GarbledNumber::from_options(Default::default()).unwrap();
    let context = RuleContext {
        rule_id: "garbled-number",
        severity: Severity::Error,
    };

    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        findings = rule.check(&document, &context).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    let megabytes = source.text().len() as f64 / 1e6;
    eprintln!(
        "garbled-number, {label}: {megabytes:.1} MB, {findings} findings, best of {ROUNDS}: {:.1} ms = {:.0} MB/s (one thread)",
        best * 1e3,
        megabytes / best
    );
}
