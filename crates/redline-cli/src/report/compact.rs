//! `--format compact`: `path:line:col: severity [rule] message`, one line
//! per finding, as grep, editors' quickfix lists and `errorformat` read it.

use super::RunResults;
use redline_core::engine::FileOutcome;
use std::borrow::Cow;
use std::fmt::Write;

/// Every finding on its own line; no summary (errors go to standard error).
pub fn render(results: &RunResults) -> String {
    let mut out = String::new();
    for report in &results.files {
        let FileOutcome::Linted(file) = &report.outcome else {
            continue;
        };
        if file.findings.is_empty() {
            continue;
        }
        let path = report.path.display().to_string();
        let path = one_line(&path);
        let positions = &file.source;
        for finding in &file.findings {
            let start = positions.line_col(finding.span.start);
            let _ = writeln!(
                out,
                "{path}:{}:{}: {} [{}] {}",
                start.line,
                start.column,
                finding.severity,
                finding.rule,
                one_line(&finding.message),
            );
        }
    }
    out
}

/// A line break inside a path or message would split one finding into two
/// lines for every line-oriented reader.
fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(['\r', '\n']) {
        Cow::Owned(text.replace("\r\n", " ").replace(['\r', '\n'], " "))
    } else {
        Cow::Borrowed(text)
    }
}
