//! Throughput of the rule alone, over the shared corpus repeated to about
//! 50 MB: once as it is (web-page text every few kilobytes, far denser
//! than real documents) and once with every finding cut out (the cost of
//! reading text that has none). Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-boilerplate --test throughput -- --ignored --nocapture
//! ```

use redline_core::{DeclaredRule, Document, Rule, RuleContext, Severity, SourceFile};
use redline_rules_boilerplate::Boilerplate;
use std::path::Path;
use std::time::Instant;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const TARGET_BYTES: usize = 50 << 20;
const ROUNDS: usize = 5;

const CONTEXT: RuleContext<'static> = RuleContext {
    rule_id: "boilerplate",
    severity: Severity::Error,
};

fn repeat_to_target(seed: &str) -> String {
    let mut text = String::with_capacity(TARGET_BYTES + seed.len());
    while text.len() < TARGET_BYTES {
        text.push_str(seed);
    }
    text
}

fn time(rule: &Boilerplate, label: &str, text: String) {
    let source = SourceFile::new("corpus-repeated.txt", text);
    let document = Document::parse(&source);
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        findings = rule.check(&document, &CONTEXT).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    let megabytes = source.text().len() as f64 / 1e6;
    eprintln!(
        "boilerplate, {label}: {megabytes:.1} MB, {findings} findings, best of {ROUNDS}: {:.1} ms = {:.0} MB/s on one thread",
        best * 1e3,
        megabytes / best
    );
}

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let docs = Path::new(CORPUS).join("docs");
    let Ok(entries) = std::fs::read_dir(&docs) else {
        eprintln!("notice: no corpus at {CORPUS}; nothing to time");
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    let mut seed = String::new();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        seed.push_str(&std::fs::read_to_string(path).unwrap());
        seed.push('\n');
    }
    let rule = Boilerplate::from_options(Default::default()).unwrap();

    // Cut from the end, so earlier spans stay valid.
    let source = SourceFile::new("seed.txt", seed.clone());
    let mut clean = seed.clone();
    let mut cuts: Vec<_> = rule
        .check(&Document::parse(&source), &CONTEXT)
        .into_iter()
        .flat_map(|finding| finding.fix.map(|fix| fix.edits).unwrap_or_default())
        .collect();
    cuts.sort_by_key(|edit| std::cmp::Reverse(edit.start));
    for edit in cuts {
        clean.replace_range(edit.start..edit.end, &edit.replacement);
    }

    time(&rule, "corpus as is", repeat_to_target(&seed));
    time(&rule, "web-page text cut out", repeat_to_target(&clean));
}
