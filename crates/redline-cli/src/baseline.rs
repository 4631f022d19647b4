//! Baselines: adopt Redline on a large corpus by recording today's
//! findings and reporting only new ones.
//!
//! A finding's fingerprint is its rule, its file, its matched text with
//! blanks folded, and its position among the findings of that rule with
//! that text in that file; line numbers are left out, so editing elsewhere
//! in a file does not turn old findings into new ones.

use redline_core::engine::FileOutcome;
use redline_core::{Finding, SourceFile};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub const BASELINE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Fingerprint {
    pub rule: String,
    pub path: String,
    /// The matched text, blanks folded to single spaces.
    pub text: String,
    /// 0 for the first finding of this rule and text in this file, 1 for
    /// the second, …
    pub occurrence: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Fingerprint>,
}

fn fold_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fingerprints of one file's findings, in the findings' order.
pub fn fingerprints(path: &Path, source: &SourceFile, findings: &[Finding]) -> Vec<Fingerprint> {
    let path = path.to_string_lossy().replace('\\', "/");
    let mut seen: HashMap<(&str, String), usize> = HashMap::new();
    findings
        .iter()
        .map(|finding| {
            let text = fold_blanks(source.slice(finding.span));
            let count = seen
                .entry((finding.rule.as_str(), text.clone()))
                .or_default();
            let occurrence = *count;
            *count += 1;
            Fingerprint {
                rule: finding.rule.clone(),
                path: path.clone(),
                text,
                occurrence,
            }
        })
        .collect()
}

/// Every fingerprint of a run, as a baseline file's contents.
pub fn render<'a>(files: impl Iterator<Item = (&'a Path, &'a FileOutcome)>) -> String {
    let mut findings: Vec<Fingerprint> = files
        .filter_map(|(path, outcome)| match outcome {
            FileOutcome::Linted(file) => Some(fingerprints(path, &file.source, &file.findings)),
            _ => None,
        })
        .flatten()
        .collect();
    findings.sort();
    let file = BaselineFile {
        version: BASELINE_VERSION,
        findings,
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a baseline always serializes");
    text.push('\n');
    text
}

/// A loaded baseline.
#[derive(Debug)]
pub struct Baseline {
    known: HashSet<Fingerprint>,
    matched: HashSet<Fingerprint>,
}

impl Baseline {
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let file: BaselineFile = serde_json::from_str(text).map_err(|error| error.to_string())?;
        if file.version != BASELINE_VERSION {
            return Err(format!(
                "baseline version {} is not supported (expected {BASELINE_VERSION})",
                file.version
            ));
        }
        Ok(Baseline {
            known: file.findings.into_iter().collect(),
            matched: HashSet::new(),
        })
    }

    /// Drops the findings the baseline knows; returns how many.
    pub fn filter(
        &mut self,
        path: &Path,
        source: &SourceFile,
        findings: &mut Vec<Finding>,
    ) -> usize {
        let prints = fingerprints(path, source, findings);
        let mut keep = prints.iter().map(|print| !self.known.contains(print));
        let before = findings.len();
        findings.retain(|_| keep.next().unwrap_or(true));
        self.matched.extend(
            prints
                .into_iter()
                .filter(|print| self.known.contains(print)),
        );
        before - findings.len()
    }

    /// Baseline entries no finding matched: fixed since, or renamed.
    pub fn stale(&self) -> usize {
        self.known.len() - self.matched.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use redline_core::{Severity, Span};

    fn finding(rule: &str, start: usize, end: usize) -> Finding {
        Finding::new(rule, Severity::Error, Span::new(start, end), "m")
    }

    /// A placeholder finding on the `nth` occurrence of `needle`.
    fn on(text: &str, needle: &str, nth: usize) -> Finding {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        finding("placeholder", start, start + needle.len())
    }

    #[test]
    fn fingerprints_ignore_lines_and_count_repeats() {
        let text = "20xx\nXX  市 20xx\n";
        let source = SourceFile::new("a.txt", text.to_owned());
        let findings = [
            on(text, "20xx", 0),
            on(text, "XX  市", 0),
            on(text, "20xx", 1),
        ];
        let prints = fingerprints(Path::new("a.txt"), &source, &findings);
        let summary: Vec<(&str, usize)> = prints
            .iter()
            .map(|p| (p.text.as_str(), p.occurrence))
            .collect();
        assert_eq!(summary, [("20xx", 0), ("XX 市", 0), ("20xx", 1)]);

        // The same findings moved down by an inserted line match.
        let text = "new line\n20xx\nXX  市 20xx\n";
        let moved = SourceFile::new("a.txt", text.to_owned());
        let shifted = [
            on(text, "20xx", 0),
            on(text, "XX  市", 0),
            on(text, "20xx", 1),
        ];
        assert_eq!(fingerprints(Path::new("a.txt"), &moved, &shifted), prints);
    }

    #[test]
    fn a_baseline_hides_known_findings_and_counts_stale_ones() {
        let text = "20xx XX\n";
        let source = SourceFile::new("a.txt", text.to_owned());
        let old = vec![on(text, "20xx", 0), on(text, "XX", 0)];
        let outcome = FileOutcome::Linted(redline_core::engine::LintedFile {
            source,
            findings: old,
            failures: Vec::new(),
        });
        let mut baseline =
            Baseline::parse(&render(std::iter::once((Path::new("a.txt"), &outcome)))).unwrap();
        let text = "20xx 2019 YY\n";
        let now = SourceFile::new("a.txt", text.to_owned());
        let mut findings = vec![on(text, "20xx", 0), on(text, "YY", 0)];
        assert_eq!(baseline.filter(Path::new("a.txt"), &now, &mut findings), 1);
        assert_eq!(findings.len(), 1);
        assert_eq!(now.slice(findings[0].span), "YY");
        assert_eq!(baseline.stale(), 1);
    }

    #[test]
    fn a_malformed_baseline_is_an_error() {
        assert!(
            Baseline::parse("{\"version\": 2, \"findings\": []}")
                .unwrap_err()
                .contains("version 2")
        );
        assert!(Baseline::parse("not json").is_err());
    }
}
