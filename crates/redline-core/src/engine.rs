//! Running rules over files, in parallel.

use crate::config::Config;
use crate::{DecodeError, Document, Finding, RuleContext, SourceFile, suppress};
use rayon::prelude::*;
use std::panic::AssertUnwindSafe;
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
    /// The bytes, when they do not come from `path` (standard input).
    pub content: Option<Arc<[u8]>>,
}

#[derive(Debug)]
pub struct LintedFile {
    pub source: SourceFile,
    /// Sorted by offset, then rule id.
    pub findings: Vec<Finding>,
    /// Rules that could not check this file (a plugin failed); their
    /// findings are missing, every other rule's are here.
    pub failures: Vec<RuleFailure>,
}

/// A rule could not check a file, for a reason other than a bug in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("rule `{rule}` could not check this file: {message}")]
pub struct RuleFailure {
    pub rule: String,
    pub message: String,
}

/// What the rules found in one source.
#[derive(Debug, Default)]
pub struct Checked {
    /// Sorted by offset, then rule id.
    pub findings: Vec<Finding>,
    pub failures: Vec<RuleFailure>,
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

/// A rule panicked: a bug in the rule, reported instead of aborting the run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("internal error: rule `{rule}` crashed on this file ({message}); please report it")]
pub struct RuleCrash {
    pub rule: String,
    pub message: String,
}

/// Runs every rule `config` enables for `relative` (the source's path
/// relative to the config root) over the source.
pub fn lint_source(
    source: &SourceFile,
    config: &Config,
    relative: &Path,
) -> Result<Checked, RuleCrash> {
    let document = Document::parse(source);
    let mut findings = Vec::new();
    let mut failures = Vec::new();
    let mut unused_suppression = None;
    for (rule, severity) in config.rules_for(relative) {
        if rule.meta().id == suppress::UNUSED_SUPPRESSION {
            unused_suppression = Some(severity);
            continue;
        }
        let context = RuleContext {
            rule_id: rule.meta().id,
            severity,
        };
        let checked =
            std::panic::catch_unwind(AssertUnwindSafe(|| rule.try_check(&document, &context)));
        match checked {
            Ok(Ok(found)) => findings.extend(found),
            Ok(Err(message)) => failures.push(RuleFailure {
                rule: context.rule_id.to_owned(),
                message,
            }),
            Err(payload) => {
                return Err(RuleCrash {
                    rule: rule.meta().id.to_owned(),
                    message: panic_message(payload.as_ref()),
                });
            }
        }
    }
    config.drop_ignored(relative, source.text(), &mut findings);
    // Most documents carry no suppression comment: one substring search.
    if memchr::memmem::find(source.text().as_bytes(), b"redline-").is_some() {
        let directives = suppress::parse(source.text(), source.lines());
        let used = suppress::apply(&mut findings, &directives);
        if let Some(severity) = unused_suppression {
            findings.extend(suppress::unused_findings(
                &directives,
                &used,
                |id| config.knows_rule(id),
                severity,
            ));
        }
    }
    debug_assert!(
        findings
            .iter()
            .all(|f| source.text().get(f.span.range()).is_some()),
        "a rule reported a span outside the text or off a character boundary"
    );
    sort_findings(&mut findings);
    Ok(Checked { findings, failures })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
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

/// Stored findings of earlier runs, by [`cache_key`]. Implementations must
/// treat every failure as a miss: a cache can only save work.
pub trait ResultCache: Sync {
    fn get(&self, key: &str) -> Option<Vec<Finding>>;
    fn put(&self, key: &str, findings: &[Finding]);
}

/// The key under which a file's findings are cached: Redline's version, the
/// configuration, the rules and levels that apply to the file, its path
/// relative to the config (for `[[ignore]]` entries) and its content.
pub fn cache_key(config: &Config, relative: &Path, bytes: &[u8]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(config.fingerprint().as_bytes());
    for (rule, severity) in config.rules_for(relative) {
        hasher.update(rule.meta().id.as_bytes());
        hasher.update(severity.as_str().as_bytes());
        hasher.update(b"\0");
    }
    hasher.update(relative.to_string_lossy().as_bytes());
    hasher.update(b"\0");
    hasher.update(bytes);
    hasher.finalize().to_hex().to_string()
}

/// Reads, decodes and lints one file, reusing cached findings when the
/// cache has them.
pub fn lint_job(job: &Job, cache: Option<&dyn ResultCache>) -> FileReport {
    if let Some(content) = &job.content {
        return FileReport {
            path: job.path.clone(),
            outcome: lint_bytes(job, content, cache),
        };
    }
    let outcome = match std::fs::read(&job.path) {
        Err(error) => FileOutcome::Failed {
            message: io_message(&error),
        },
        Ok(bytes) => lint_bytes(job, &bytes, cache),
    };
    FileReport {
        path: job.path.clone(),
        outcome,
    }
}

fn lint_bytes(job: &Job, bytes: &[u8], cache: Option<&dyn ResultCache>) -> FileOutcome {
    let source = match SourceFile::from_bytes(job.path.clone(), bytes) {
        Ok(source) => source,
        Err(error @ DecodeError::Binary { .. }) => {
            return FileOutcome::Skipped {
                reason: error.to_string(),
            };
        }
        Err(error) => {
            return FileOutcome::Failed {
                message: error.to_string(),
            };
        }
    };
    let key = cache.map(|_| cache_key(&job.config, &job.relative, bytes));
    if let (Some(cache), Some(key)) = (cache, &key) {
        // A stored span that no longer fits is a damaged entry: re-lint.
        if let Some(findings) = cache.get(key).filter(|found| {
            found
                .iter()
                .all(|f| source.text().get(f.span.range()).is_some())
        }) {
            return FileOutcome::Linted(LintedFile {
                source,
                findings,
                failures: Vec::new(),
            });
        }
    }
    match lint_source(&source, &job.config, &job.relative) {
        Ok(Checked { findings, failures }) => {
            // A rule that failed may find something next time: only a
            // complete result is worth keeping.
            if let (Some(cache), Some(key), true) = (cache, &key, failures.is_empty()) {
                cache.put(key, &findings);
            }
            FileOutcome::Linted(LintedFile {
                source,
                findings,
                failures,
            })
        }
        Err(crash) => FileOutcome::Failed {
            message: crash.to_string(),
        },
    }
}

/// Lints every job on the current rayon pool; reports come back in job order.
pub fn lint_jobs(jobs: &[Job], cache: Option<&dyn ResultCache>) -> Vec<FileReport> {
    jobs.par_iter().map(|job| lint_job(job, cache)).collect()
}

/// An I/O error as a sentence, without the `(os error N)` suffix.
pub fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
    .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DeclaredRule, Registry, Rule, RuleMeta};

    struct Crashes;

    crate::declare_rule! {
        /// Panics on every file.
        Crashes {
            id: "crashes",
            family: "test",
            severity: Error,
            recommended: true,
            fixable: false,
            summary: "a buggy rule",
        }
    }

    impl Rule for Crashes {
        fn meta(&self) -> &RuleMeta {
            &Self::META
        }

        fn check(&self, document: &Document<'_>, _: &RuleContext<'_>) -> Vec<Finding> {
            panic!("index out of range in {}", document.path().display())
        }
    }

    impl DeclaredRule for Crashes {
        const META: RuleMeta = Self::META;
        type Options = ();

        fn from_options((): ()) -> Result<Self, String> {
            Ok(Crashes)
        }
    }

    #[test]
    fn a_crashing_rule_fails_its_file_not_the_run() {
        let mut registry = Registry::new();
        registry.register::<Crashes>();
        let config = Arc::new(Config::defaults(".", &registry));
        let dir = tempfile::tempdir().unwrap();
        let jobs: Vec<Job> = ["a.txt", "b.txt"]
            .iter()
            .map(|name| {
                let path = dir.path().join(name);
                std::fs::write(&path, "text\n").unwrap();
                Job {
                    path,
                    relative: PathBuf::from(name),
                    config: config.clone(),
                    content: None,
                }
            })
            .collect();
        let reports = lint_jobs(&jobs, None);
        assert_eq!(reports.len(), 2);
        for report in reports {
            let FileOutcome::Failed { message } = report.outcome else {
                panic!("expected a failure for {}", report.path.display());
            };
            assert!(
                message.starts_with(
                    "internal error: rule `crashes` crashed on this file (index out of range in "
                ),
                "{message}"
            );
        }
    }
}
