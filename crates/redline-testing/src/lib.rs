//! Test support shared by the rule crates: run a rule on a text, load the
//! shared corpus of real documents with its hand-made catalogue of
//! defects, score a rule against it, and time a rule.
//!
//! The corpus is third-party material kept beside the repository
//! (`../shared/corpus`); every function that needs it returns `None` and
//! prints a notice when it is absent, so tests pass without it.

#![deny(unsafe_code)]

use redline_core::{Document, Finding, LineCol, Rule, RuleContext, Severity, SourceFile, Span};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Runs `rule` over `text` at `severity`; returns the source (for slicing
/// spans) and the findings in the rule's order.
pub fn check(rule: &dyn Rule, severity: Severity, text: &str) -> (SourceFile, Vec<Finding>) {
    let source = SourceFile::new("test.txt", text.to_owned());
    let findings = check_source(rule, severity, &source);
    (source, findings)
}

/// Runs `rule` over an already loaded source.
pub fn check_source(rule: &dyn Rule, severity: Severity, source: &SourceFile) -> Vec<Finding> {
    let document = Document::parse(source);
    let context = RuleContext {
        rule_id: rule.meta().id,
        severity,
    };
    rule.check(&document, &context)
}

/// Applies every edit of every finding's fix to `text` (edits must not
/// overlap), as one round of `--unsafe-fixes` would.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> String {
    let edits = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref())
        .flat_map(|fix| fix.edits.iter());
    redline_core::fix::apply_edits(text, edits)
}

/// The shared corpus folder, or `None` (with a notice) when it is absent.
pub fn corpus_dir() -> Option<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .canonicalize()
        .ok()
        .filter(|path| path.join("docs").is_dir());
    if corpus.is_none() {
        eprintln!("notice: the shared corpus (../shared/corpus) is absent; skipping");
    }
    corpus
}

/// One entry of the catalogue: a defect, or a `negative` look-alike.
#[derive(Debug, Clone)]
pub struct GoldenEntry {
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub category: String,
    pub severity: String,
    pub note: String,
    /// The entry's text in the document.
    pub span: Span,
}

impl GoldenEntry {
    /// `file:line:col `text``, for messages.
    pub fn place(&self, file: &str) -> String {
        format!("{file}:{}:{} `{}`", self.line, self.column, self.text)
    }
}

/// A corpus document with its catalogue entries.
pub struct CorpusDocument {
    /// The file name, e.g. `zh-union-summaries.txt`.
    pub name: String,
    pub source: SourceFile,
    pub entries: Vec<GoldenEntry>,
}

/// Every corpus document, sorted by name, or `None` when the corpus is
/// absent. Panics when a catalogue entry does not match its document.
pub fn corpus() -> Option<Vec<CorpusDocument>> {
    let corpus = corpus_dir()?;
    let mut names: Vec<String> = std::fs::read_dir(corpus.join("docs"))
        .expect("corpus docs are readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let documents = names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(corpus.join("docs").join(&name))
                .expect("corpus document is UTF-8");
            let source = SourceFile::new(name.clone(), text);
            let golden = corpus.join("golden").join(name.replace(".txt", ".jsonl"));
            let entries = std::fs::read_to_string(golden)
                .map(|catalogue| golden_entries(&name, &source, &catalogue))
                .unwrap_or_default();
            CorpusDocument {
                name,
                source,
                entries,
            }
        })
        .collect();
    Some(documents)
}

fn golden_entries(name: &str, source: &SourceFile, catalogue: &str) -> Vec<GoldenEntry> {
    catalogue
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
            let span = Span::new(start, (start + text.len()).min(source.text().len()));
            GoldenEntry {
                line,
                column,
                text,
                category: field("category"),
                severity: field("severity"),
                note: field("note"),
                span,
            }
        })
        .collect()
}

/// How a rule fares against the catalogue entries of its category.
#[derive(Debug, Default)]
pub struct Score {
    pub expected: usize,
    pub caught: usize,
    /// Entries of the category that no finding overlaps.
    pub misses: Vec<String>,
    /// `negative` entries some finding overlaps.
    pub negatives_flagged: Vec<String>,
    pub findings: usize,
}

impl Score {
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.caught as f64 / self.expected as f64
        }
    }

    /// Prints the recall and the misses (shown with `--nocapture`).
    pub fn report(&self, label: &str) {
        eprintln!(
            "{label}: {}/{} = {:.3}, {} findings, {} negatives flagged",
            self.caught,
            self.expected,
            self.recall(),
            self.findings,
            self.negatives_flagged.len()
        );
        for miss in &self.misses {
            eprintln!("  missed: {miss}");
        }
    }
}

/// Scores `rule` on the corpus: recall over the entries of `category`
/// whose severity is one of `severities`, and every negative it flags.
pub fn score(
    documents: &[CorpusDocument],
    rule: &dyn Rule,
    category: &str,
    severities: &[&str],
) -> Score {
    let mut score = Score::default();
    for document in documents {
        let findings = check_source(rule, rule.meta().default_severity, &document.source);
        score.findings += findings.len();
        let overlapped = |span: Span| findings.iter().any(|f| f.span.overlaps(span));
        for entry in &document.entries {
            if entry.category == "negative" {
                if overlapped(entry.span) {
                    score.negatives_flagged.push(entry.place(&document.name));
                }
            } else if entry.category == category && severities.contains(&entry.severity.as_str()) {
                score.expected += 1;
                if overlapped(entry.span) {
                    score.caught += 1;
                } else {
                    score.misses.push(entry.place(&document.name));
                }
            }
        }
    }
    score
}

/// The corpus documents concatenated and repeated to about `bytes`, for
/// throughput measurements; `None` when the corpus is absent.
pub fn corpus_text_of_size(bytes: usize) -> Option<String> {
    let seed: String = corpus()?
        .iter()
        .map(|document| format!("{}\n", document.source.text()))
        .collect();
    Some(seed.repeat(bytes / seed.len() + 1))
}

/// Times `rule` alone (the document model is built once, outside the
/// clock) over `text`; returns the best of `rounds` in MB/s and prints it.
pub fn throughput(rule: &dyn Rule, label: &str, text: String, rounds: usize) -> f64 {
    let source = SourceFile::new("throughput.txt", text);
    let document = Document::parse(&source);
    let context = RuleContext {
        rule_id: rule.meta().id,
        severity: rule.meta().default_severity,
    };
    let mut best = f64::MAX;
    let mut findings = 0;
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        findings = rule.check(&document, &context).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    let megabytes = source.text().len() as f64 / 1e6;
    let speed = megabytes / best;
    eprintln!(
        "{} ({label}): {megabytes:.1} MB, {findings} findings, best of {rounds}: {:.1} ms = {speed:.0} MB/s on one thread",
        rule.meta().id,
        best * 1e3
    );
    speed
}
