//! `--format json`: schema version 1.

use super::{RunResults, Summary};
use redline_core::engine::FileOutcome;
use redline_core::{Finding, Fix, SourceFile};
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    diagnostics: Vec<Diagnostic<'a>>,
    errors: Vec<Error>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    path: String,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    start: Position,
    end: Position,
    labels: Vec<Label<'a>>,
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct Label<'a> {
    message: &'a str,
    start: Position,
    end: Position,
}

/// 1-based line, 1-based character column, byte offset.
#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
    offset: usize,
}

#[derive(Serialize)]
struct Error {
    path: String,
    message: String,
}

fn position(source: &SourceFile, offset: usize) -> Position {
    let at = source.line_col(offset);
    Position {
        line: at.line,
        column: at.column,
        offset,
    }
}

fn diagnostic<'a>(source: &SourceFile, path: &str, finding: &'a Finding) -> Diagnostic<'a> {
    Diagnostic {
        path: path.to_owned(),
        rule: &finding.rule,
        severity: finding.severity.as_str(),
        message: &finding.message,
        help: finding.help.as_deref(),
        start: position(source, finding.span.start),
        end: position(source, finding.span.end),
        labels: finding
            .labels
            .iter()
            .map(|label| Label {
                message: &label.message,
                start: position(source, label.span.start),
                end: position(source, label.span.end),
            })
            .collect(),
        fix: finding.fix.as_ref(),
    }
}

pub fn render(results: &RunResults) -> String {
    let mut diagnostics = Vec::new();
    for report in &results.files {
        if let FileOutcome::Linted(file) = &report.outcome {
            let path = report.path.display().to_string();
            diagnostics.extend(
                file.findings
                    .iter()
                    .map(|finding| diagnostic(&file.source, &path, finding)),
            );
        }
    }
    let report = Report {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: "redline",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: results.summary(),
        diagnostics,
        errors: results
            .errors()
            .map(|(path, message)| Error {
                path: path.display().to_string(),
                message: message.into_owned(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&report).expect("a report always serializes");
    out.push('\n');
    out
}
