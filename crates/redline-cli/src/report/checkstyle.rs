//! `--format checkstyle`: Checkstyle 4.3 XML, as Jenkins, reviewdog and
//! other Checkstyle readers take it.

use super::{RunResults, xml_attribute};
use redline_core::engine::FileOutcome;
use std::fmt::Write;
use std::path::Path;

/// One `<file>` per linted file, clean ones included, so a reader can tell
/// "checked, nothing found" from "not checked"; files that could not be
/// read and paths that matched nothing carry one error without a line.
pub fn render(results: &RunResults) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<checkstyle version=\"4.3\">\n");
    for report in &results.files {
        match &report.outcome {
            FileOutcome::Linted(file) => {
                let name = path_attribute(&report.path);
                if file.findings.is_empty() && file.failures.is_empty() {
                    let _ = writeln!(out, "  <file name=\"{name}\"/>");
                    continue;
                }
                let _ = writeln!(out, "  <file name=\"{name}\">");
                let positions = &file.source;
                for finding in &file.findings {
                    let start = positions.line_col(finding.span.start);
                    let _ = writeln!(
                        out,
                        "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"redline.{}\"/>",
                        start.line,
                        start.column,
                        finding.severity,
                        xml_attribute(&finding.message),
                        xml_attribute(&finding.rule),
                    );
                }
                for failure in &file.failures {
                    let _ = writeln!(
                        out,
                        "    <error severity=\"error\" message=\"{}\" source=\"redline.{}\"/>",
                        xml_attribute(&failure.to_string()),
                        xml_attribute(&failure.rule),
                    );
                }
                out.push_str("  </file>\n");
            }
            FileOutcome::Failed { message } => unreadable(&mut out, &report.path, message),
            FileOutcome::Skipped { .. } => {}
        }
    }
    for (path, message) in &results.path_errors {
        unreadable(&mut out, path, message);
    }
    out.push_str("</checkstyle>\n");
    out
}

fn unreadable(out: &mut String, path: &Path, message: &str) {
    let _ = writeln!(
        out,
        "  <file name=\"{}\">\n    <error severity=\"error\" message=\"{}\" source=\"redline\"/>\n  </file>",
        path_attribute(path),
        xml_attribute(message),
    );
}

fn path_attribute(path: &Path) -> String {
    xml_attribute(&path.display().to_string()).into_owned()
}
