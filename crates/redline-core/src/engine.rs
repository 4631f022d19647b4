//! Running rules over files, in parallel.

use crate::config::Config;
use crate::{DecodeError, Document, Finding, RuleContext, SourceFile};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file to lint and the configuration that governs it.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where to read the file, and the path shown in reports.
    pub path: PathBuf,
    /// The path relative to the config's root, for its globs.
    pub relative: PathBuf,
    pub config: Arc<Config>,
}

#[derive(Debug)]
pub struct LintedFile {
    pub source: SourceFile,
    /// Sorted by offset, then rule id.
    pub findings: Vec<Finding>,
}

#[derive(Debug)]
pub enum FileOutcome {
    Linted(LintedFile),
    /// Not a text document (binary); a notice, not an error.
    Skipped {
        reason: String,
    },
    /// Could not be read or decoded.
    Failed {
        message: String,
    },
}

#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    pub outcome: FileOutcome,
}

/// Runs every rule `config` enables for `relative` (the source's path
/// relative to the config root) over the source.
pub fn lint_source(source: &SourceFile, config: &Config, relative: &Path) -> Vec<Finding> {
    let document = Document::parse(source);
    let mut findings = Vec::new();
    for (rule, severity) in config.rules_for(relative) {
        let context = RuleContext {
            rule_id: rule.meta().id,
            severity,
        };
        findings.extend(rule.check(&document, &context));
    }
    debug_assert!(
        findings
            .iter()
            .all(|f| source.text().get(f.span.range()).is_some()),
        "a rule reported a span outside the text or off a character boundary"
    );
    sort_findings(&mut findings);
    findings
}

/// Deterministic order: offset, rule, end, message.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, &a.rule, a.span.end, &a.message).cmp(&(
            b.span.start,
            &b.rule,
            b.span.end,
            &b.message,
        ))
    });
}

/// Reads, decodes and lints one file.
pub fn lint_job(job: &Job) -> FileReport {
    let outcome = match std::fs::read(&job.path) {
        Err(error) => FileOutcome::Failed {
            message: io_message(&error),
        },
        Ok(bytes) => match SourceFile::from_bytes(job.path.clone(), &bytes) {
            Ok(source) => {
                let findings = lint_source(&source, &job.config, &job.relative);
                FileOutcome::Linted(LintedFile { source, findings })
            }
            Err(error @ DecodeError::Binary { .. }) => FileOutcome::Skipped {
                reason: error.to_string(),
            },
            Err(error) => FileOutcome::Failed {
                message: error.to_string(),
            },
        },
    };
    FileReport {
        path: job.path.clone(),
        outcome,
    }
}

/// Lints every job on the current rayon pool; reports come back in job order.
pub fn lint_jobs(jobs: &[Job]) -> Vec<FileReport> {
    jobs.par_iter().map(lint_job).collect()
}

/// An I/O error as a sentence, without the `(os error N)` suffix.
fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
    .to_lowercase()
}
