//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's changed files.

use super::RunResults;
use redline_core::Severity;
use redline_core::engine::FileOutcome;
use std::fmt::Write;
use std::path::Path;

/// The workflow command for a severity; GitHub has no `info` level.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One command per finding, then one `::error` per file that could not be
/// read and per path that matched nothing.
pub fn render(results: &RunResults) -> String {
    let mut out = String::new();
    for report in &results.files {
        let FileOutcome::Linted(file) = &report.outcome else {
            continue;
        };
        if file.findings.is_empty() {
            continue;
        }
        let path = escape_property(&slashed(&report.path));
        let positions = &file.source;
        for finding in &file.findings {
            let start = positions.line_col(finding.span.start);
            let end = positions.line_col(finding.span.end);
            let _ = writeln!(
                out,
                "::{} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                command(finding.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!("redline({})", finding.rule)),
                escape_data(&finding.message),
            );
        }
    }
    for (path, message) in results.errors() {
        let _ = writeln!(
            out,
            "::error file={}::{}",
            escape_property(&slashed(path)),
            escape_data(&message)
        );
    }
    out
}

/// The runner expects `/` in paths, whatever the platform.
fn slashed(path: &Path) -> String {
    let shown = path.display().to_string();
    if std::path::MAIN_SEPARATOR == '/' {
        shown
    } else {
        shown.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// A command's message: a line break would end the command, and `%` starts
/// the runner's escapes.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: additionally `:` ends the properties and `,` separates
/// them.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(
            escape_data("100% done\r\nnext: a,b"),
            "100%25 done%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("a,b:c%.txt\n"), "a%2Cb%3Ac%25.txt%0A");
    }
}
