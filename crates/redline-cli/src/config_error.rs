//! Config problems as miette diagnostics pointing into the TOML.

use crate::report::source_code::IndexedSource;
use miette::{Diagnostic, LabeledSpan, SourceCode};
use redline_core::config::{ConfigError, ConfigProblem};
use std::fmt;

pub struct ConfigDiagnostic<'a> {
    problem: &'a ConfigProblem,
    /// Positions in the header count characters, as everywhere else.
    source: IndexedSource<'static>,
}

impl<'a> ConfigDiagnostic<'a> {
    /// One diagnostic per problem in the file.
    pub fn all(error: &'a ConfigError) -> Vec<ConfigDiagnostic<'a>> {
        // Config paths are absolute after discovery; show them as the user
        // would type them from here.
        let cwd = std::env::current_dir().unwrap_or_default();
        let name = error
            .path
            .strip_prefix(&cwd)
            .unwrap_or(&error.path)
            .display()
            .to_string();
        error
            .problems
            .iter()
            .map(|problem| ConfigDiagnostic {
                problem,
                source: IndexedSource::owned(name.clone(), error.text.clone()),
            })
            .collect()
    }
}

impl fmt::Debug for ConfigDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.problem, f)
    }
}

impl fmt::Display for ConfigDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.problem.span.is_some() {
            write!(f, "invalid configuration: {}", self.problem.message)
        } else {
            write!(
                f,
                "invalid configuration in {}: {}",
                self.source.name(),
                self.problem.message
            )
        }
    }
}

impl std::error::Error for ConfigDiagnostic<'_> {}

impl Diagnostic for ConfigDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new("config"))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.problem
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.problem.span.map(|_| &self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.problem.span?;
        // An empty span (end of file) still needs a character to point at.
        let len = span
            .len()
            .max(usize::from(span.start < self.source.text().len()));
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".to_owned()), (span.start, len)),
        )))
    }
}
