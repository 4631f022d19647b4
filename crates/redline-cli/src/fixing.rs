//! `--fix`, `--unsafe-fixes` and `--diff`.

use crate::write::{Existing, write_atomically};
use rayon::prelude::*;
use redline_core::engine::{FileOutcome, FileReport, Job};
use redline_core::fix::{FixMode, fix_source, select_fixes};

/// What fixing did across the run.
#[derive(Debug, Default)]
pub struct FixRun {
    /// Fixes applied (or, with `--diff`, that would be).
    pub applied: usize,
    /// Files rewritten (or that would be).
    pub files: usize,
    /// Unified diffs, in path order, when only showing.
    pub diffs: Vec<String>,
    /// The fixed document read from standard input, to print instead of
    /// writing a file; the original when nothing applied.
    pub stdin_document: Option<Vec<u8>>,
}

/// Fixes every linted file whose findings carry fixes `mode` allows. When
/// `write` is set, changed files are replaced atomically (keeping their
/// byte-order mark and line endings) and each report then shows the
/// findings that remain; otherwise the changes are collected as diffs and
/// the reports are left alone.
pub fn fix_files(jobs: &[Job], reports: &mut [FileReport], mode: FixMode, write: bool) -> FixRun {
    let per_file: Vec<(usize, Option<String>)> = jobs
        .par_iter()
        .zip(reports.par_iter_mut())
        .map(|(job, report)| fix_one(job, report, mode, write))
        .collect();
    let mut run = FixRun::default();
    if write {
        run.stdin_document = jobs.iter().zip(reports.iter()).find_map(|(job, report)| {
            match (&job.content, &report.outcome) {
                (Some(_), FileOutcome::Linted(file)) => Some(file.source.to_bytes()),
                (Some(content), _) => Some(content.to_vec()),
                _ => None,
            }
        });
    }
    for (applied, diff) in per_file {
        if applied > 0 {
            run.applied += applied;
            run.files += 1;
        }
        run.diffs.extend(diff);
    }
    run
}

fn fix_one(
    job: &Job,
    report: &mut FileReport,
    mode: FixMode,
    write: bool,
) -> (usize, Option<String>) {
    let FileOutcome::Linted(file) = &mut report.outcome else {
        return (0, None);
    };
    // Most files have nothing to fix: no re-lint, no write.
    if select_fixes(&file.findings, mode).is_empty() {
        return (0, None);
    }
    let fixed = match fix_source(&file.source, &job.config, &job.relative, mode) {
        Ok(fixed) => fixed,
        Err(crash) => {
            report.outcome = FileOutcome::Failed {
                message: crash.to_string(),
            };
            return (0, None);
        }
    };
    if fixed.applied == 0 || fixed.text == file.source.text() {
        return (0, None);
    }
    if !write {
        let name = report.path.display().to_string();
        let diff = similar::TextDiff::from_lines(file.source.text(), &fixed.text)
            .unified_diff()
            .context_radius(2)
            .header(&name, &name)
            .to_string();
        return (fixed.applied, Some(diff));
    }
    let source = file.source.with_text(fixed.text);
    if job.content.is_some() {
        // Standard input: the fixed text is printed, not written.
        file.source = source;
        file.findings = fixed.remaining.findings;
        file.failures = fixed.remaining.failures;
        return (fixed.applied, None);
    }
    match write_atomically(&report.path, &source.to_bytes(), Existing::Replace) {
        Ok(()) => {
            file.source = source;
            file.findings = fixed.remaining.findings;
            file.failures = fixed.remaining.failures;
            (fixed.applied, None)
        }
        Err(error) => {
            report.outcome = FileOutcome::Failed {
                message: format!("cannot write the fixes ({error}); the file is unchanged"),
            };
            (0, None)
        }
    }
}
