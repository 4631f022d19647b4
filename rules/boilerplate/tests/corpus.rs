//! Recall on the shared corpus of scraped summaries, against its hand-made
//! catalogue of defects (`golden/*.jsonl`).
//!
//! Every `boilerplate` entry of severity error or warning should be
//! overlapped by a finding; no `negative` entry (a look-alike that is not a
//! defect) may be. The corpus is third-party material kept outside the
//! repository; without it the test says so and passes.

use redline_core::{
    DeclaredRule, Document, LineCol, Rule, RuleContext, Severity, SourceFile, Span,
};
use redline_rules_boilerplate::Boilerplate;
use std::collections::BTreeMap;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const RECALL_THRESHOLD: f64 = 0.90;

struct Entry {
    line: usize,
    column: usize,
    text: String,
    category: String,
    severity: String,
    span: Span,
}

fn load_entries(corpus: &Path, name: &str, source: &SourceFile) -> Vec<Entry> {
    let golden = std::fs::read_to_string(corpus.join("golden").join(format!("{name}.jsonl")))
        .expect("golden catalogue is readable");
    golden
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("golden line is JSON");
            let field = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
            let number =
                |key: &str| value[key].as_u64().expect("line and col are numbers") as usize;
            let (line, column, text) = (number("line"), number("col"), field("text"));
            let start = source
                .lines()
                .offset(source.text(), LineCol { line, column })
                .unwrap_or_else(|| panic!("{name}:{line}:{column} is outside the document"));
            let span = Span::new(start, start + text.len());
            assert_eq!(
                source.slice(span),
                text,
                "{name}:{line}:{column}: golden text does not match the document"
            );
            Entry {
                line,
                column,
                text,
                category: field("category"),
                severity: field("severity"),
                span,
            }
        })
        .collect()
}

#[test]
fn corpus_recall() {
    let corpus = Path::new(CORPUS);
    if !corpus.join("docs").is_dir() {
        eprintln!("notice: no corpus at {CORPUS}; skipping the recall test");
        return;
    }
    let rule = Boilerplate::from_options(Default::default()).unwrap();
    let context = RuleContext {
        rule_id: "boilerplate",
        severity: Severity::Error,
    };
    let mut names: Vec<String> = std::fs::read_dir(corpus.join("docs"))
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "txt").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();

    // Expected and caught entries per golden severity.
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut findings_total = 0;
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for name in &names {
        let text =
            std::fs::read_to_string(corpus.join("docs").join(format!("{name}.txt"))).unwrap();
        let source = SourceFile::new(format!("{name}.txt"), text);
        let document = Document::parse(&source);
        let findings = rule.check(&document, &context);
        findings_total += findings.len();
        let overlapped = |span: Span| findings.iter().any(|f| f.span.overlaps(span));
        let entries = load_entries(corpus, name, &source);
        // Findings outside every boilerplate entry: listed for review.
        for finding in &findings {
            let related: Vec<&str> = entries
                .iter()
                .filter(|entry| entry.span.overlaps(finding.span))
                .map(|entry| entry.category.as_str())
                .collect();
            if !related.contains(&"boilerplate") {
                let at = source.line_col(finding.span.start);
                let categories = if related.is_empty() {
                    "uncatalogued".to_owned()
                } else {
                    related.join(", ")
                };
                eprintln!(
                    "  beyond the catalogue's boilerplate: {name}.txt:{}:{} `{}` ({categories})",
                    at.line,
                    at.column,
                    source.slice(finding.span)
                );
            }
        }
        for entry in entries {
            let place = format!(
                "{name}.txt:{}:{} `{}`",
                entry.line, entry.column, entry.text
            );
            match entry.category.as_str() {
                "boilerplate" if matches!(entry.severity.as_str(), "error" | "warning") => {
                    let counts = tally.entry(entry.severity.clone()).or_default();
                    counts.0 += 1;
                    if overlapped(entry.span) {
                        counts.1 += 1;
                    } else {
                        misses.push(place);
                    }
                }
                "negative" if overlapped(entry.span) => false_alarms.push(place),
                _ => {}
            }
        }
    }

    let (expected, caught) = tally.values().fold((0, 0), |(e, c), (expected, caught)| {
        (e + expected, c + caught)
    });
    let recall = caught as f64 / expected as f64;
    for (severity, (expected, caught)) in &tally {
        eprintln!("boilerplate recall, golden {severity}: {caught}/{expected}");
    }
    eprintln!(
        "boilerplate recall on the corpus: {caught}/{expected} ({:.1}%), {findings_total} findings, {} negatives flagged",
        recall * 100.0,
        false_alarms.len()
    );
    for miss in &misses {
        eprintln!("  missed: {miss}");
    }
    assert!(
        false_alarms.is_empty(),
        "negatives flagged: {false_alarms:#?}"
    );
    assert!(
        recall >= RECALL_THRESHOLD,
        "recall {recall:.3} below {RECALL_THRESHOLD}; missed: {misses:#?}"
    );
}
