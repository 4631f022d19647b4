//! `--format junit`: JUnit XML, as GitLab, Jenkins and other CI test
//! report readers take it.
//!
//! Each linted file is a test suite and each finding a failed test case, so
//! a CI test report lists the findings by file; a file without findings is
//! one passing test case, so clean files show up as checked.

use super::{RunResults, xml_attribute, xml_text};
use redline_core::engine::FileOutcome;
use std::fmt::Write;

#[derive(Default)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.tests += other.tests;
        self.failures += other.failures;
        self.errors += other.errors;
        self.skipped += other.skipped;
    }

    fn attributes(&self) -> String {
        format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"",
            self.tests, self.failures, self.errors, self.skipped
        )
    }
}

pub fn render(results: &RunResults) -> String {
    let mut suites = String::new();
    let mut totals = Counts::default();
    for report in &results.files {
        let path = report.path.display().to_string();
        let (counts, cases) = match &report.outcome {
            FileOutcome::Linted(file) if file.findings.is_empty() => (
                Counts {
                    tests: 1,
                    ..Counts::default()
                },
                test_case(&path, "no findings", ""),
            ),
            FileOutcome::Linted(file) => {
                let mut cases = String::new();
                let positions = &file.source;
                for finding in &file.findings {
                    let start = positions.line_col(finding.span.start);
                    let mut details = format!(
                        "{path}:{}:{}: {} [{}] {}",
                        start.line, start.column, finding.severity, finding.rule, finding.message
                    );
                    if let Some(help) = &finding.help {
                        let _ = write!(details, "\nhelp: {help}");
                    }
                    let failure = format!(
                        "<failure message=\"{}\" type=\"{}\">{}</failure>",
                        xml_attribute(&finding.message),
                        xml_attribute(&finding.rule),
                        xml_text(&details),
                    );
                    let name = format!("{} at {}:{}", finding.rule, start.line, start.column);
                    cases.push_str(&test_case(&path, &name, &failure));
                }
                let count = file.findings.len();
                (
                    Counts {
                        tests: count,
                        failures: count,
                        ..Counts::default()
                    },
                    cases,
                )
            }
            FileOutcome::Skipped { reason } => (
                Counts {
                    tests: 1,
                    skipped: 1,
                    ..Counts::default()
                },
                test_case(
                    &path,
                    "skipped",
                    &format!("<skipped message=\"{}\"/>", xml_attribute(reason)),
                ),
            ),
            FileOutcome::Failed { message } => (
                Counts {
                    tests: 1,
                    errors: 1,
                    ..Counts::default()
                },
                unreadable_case(&path, message),
            ),
        };
        let (mut counts, mut cases) = (counts, cases);
        if let FileOutcome::Linted(file) = &report.outcome {
            for failure in &file.failures {
                counts.tests += 1;
                counts.errors += 1;
                let message = failure.to_string();
                cases.push_str(&test_case(
                    &path,
                    &format!("{} could run", failure.rule),
                    &format!(
                        "<error message=\"{}\" type=\"rule\">{}</error>",
                        xml_attribute(&message),
                        xml_text(&format!("{path}: {message}")),
                    ),
                ));
            }
        }
        push_suite(&mut suites, &path, &counts, &cases);
        totals.add(&counts);
    }
    for (path, message) in &results.path_errors {
        let path = path.display().to_string();
        let counts = Counts {
            tests: 1,
            errors: 1,
            ..Counts::default()
        };
        push_suite(
            &mut suites,
            &path,
            &counts,
            &unreadable_case(&path, message),
        );
        totals.add(&counts);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"redline\" {}>\n{suites}</testsuites>\n",
        totals.attributes()
    )
}

fn push_suite(out: &mut String, path: &str, counts: &Counts, cases: &str) {
    let _ = write!(
        out,
        "  <testsuite name=\"{}\" {}>\n{cases}  </testsuite>\n",
        xml_attribute(path),
        counts.attributes(),
    );
}

/// A `<testcase>` whose body is `inner` (already XML).
fn test_case(path: &str, name: &str, inner: &str) -> String {
    let attributes = format!(
        "classname=\"{path}\" name=\"{}\" file=\"{path}\"",
        xml_attribute(name),
        path = xml_attribute(path),
    );
    if inner.is_empty() {
        format!("    <testcase {attributes}/>\n")
    } else {
        format!("    <testcase {attributes}>\n      {inner}\n    </testcase>\n")
    }
}

/// A file that could not be read, or a path that matched nothing: an
/// error of the run rather than a finding in the document.
fn unreadable_case(path: &str, message: &str) -> String {
    test_case(
        path,
        "read and decode",
        &format!(
            "<error message=\"{}\" type=\"io\">{}</error>",
            xml_attribute(message),
            xml_text(&format!("{path}: {message}")),
        ),
    )
}
