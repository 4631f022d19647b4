//! Turning a run's results into output.

pub mod human;
pub mod json;
mod source_code;

use redline_core::Severity;
use redline_core::engine::{FileOutcome, FileReport};
use std::path::PathBuf;

/// Everything a run produced, in path order.
pub struct RunResults {
    pub files: Vec<FileReport>,
    /// Command-line paths that matched nothing or could not be walked.
    pub path_errors: Vec<(PathBuf, String)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files linted (not skipped, not failed).
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }
}

impl RunResults {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for report in &self.files {
            if let FileOutcome::Linted(file) = &report.outcome {
                summary.files += 1;
                for finding in &file.findings {
                    match finding.severity {
                        Severity::Error => summary.errors += 1,
                        Severity::Warning => summary.warnings += 1,
                        Severity::Info => summary.infos += 1,
                    }
                }
            }
        }
        summary
    }

    /// Files that could not be read or decoded, then bad paths.
    pub fn errors(&self) -> impl Iterator<Item = (&std::path::Path, &str)> {
        let file_errors = self
            .files
            .iter()
            .filter_map(|report| match &report.outcome {
                FileOutcome::Failed { message } => Some((report.path.as_path(), message.as_str())),
                _ => None,
            });
        let path_errors = self
            .path_errors
            .iter()
            .map(|(path, message)| (path.as_path(), message.as_str()));
        file_errors.chain(path_errors)
    }

    /// Files skipped as binary, with the reason.
    pub fn skipped(&self) -> impl Iterator<Item = (&std::path::Path, &str)> {
        self.files
            .iter()
            .filter_map(|report| match &report.outcome {
                FileOutcome::Skipped { reason } => Some((report.path.as_path(), reason.as_str())),
                _ => None,
            })
    }
}

/// `1 error`, `2 warnings`.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
