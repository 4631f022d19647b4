//! Turning a run's results into output.

pub mod checkstyle;
pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod source_code;

use redline_core::Severity;
use redline_core::engine::{FileOutcome, FileReport};
use std::borrow::Cow;
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

    /// Files that could not be read or decoded, rules (plugins) that could
    /// not check a file, then bad paths.
    pub fn errors(&self) -> impl Iterator<Item = (&std::path::Path, Cow<'_, str>)> {
        let file_errors = self.files.iter().flat_map(|report| {
            let path = report.path.as_path();
            let messages: Vec<Cow<'_, str>> = match &report.outcome {
                FileOutcome::Failed { message } => vec![Cow::Borrowed(message.as_str())],
                FileOutcome::Linted(file) => file
                    .failures
                    .iter()
                    .map(|failure| Cow::Owned(failure.to_string()))
                    .collect(),
                FileOutcome::Skipped { .. } => Vec::new(),
            };
            messages.into_iter().map(move |message| (path, message))
        });
        let path_errors = self
            .path_errors
            .iter()
            .map(|(path, message)| (path.as_path(), Cow::Borrowed(message.as_str())));
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

/// `text` escaped for XML character data.
pub fn xml_text(text: &str) -> Cow<'_, str> {
    escape_xml(text, false)
}

/// `text` escaped for a double-quoted XML attribute value.
pub fn xml_attribute(text: &str) -> Cow<'_, str> {
    escape_xml(text, true)
}

fn escape_xml(text: &str, attribute: bool) -> Cow<'_, str> {
    let needs_escape = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r')
            || !is_xml_char(c)
            || (attribute && matches!(c, '"' | '\n' | '\t'))
    };
    if !text.contains(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // Parsers turn a literal carriage return into a line feed, and
            // attribute-value normalisation turns line breaks and tabs
            // into spaces; references survive both.
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            // XML 1.0 cannot carry these at all, not even as references;
            // dropping them silently would hide that the text had them.
            c if !is_xml_char(c) => out.push(char::REPLACEMENT_CHARACTER),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_keeps_plain_text_borrowed() {
        assert!(matches!(xml_text("20xx年 XX市"), Cow::Borrowed(_)));
        assert!(matches!(xml_attribute("a 'quoted' word"), Cow::Borrowed(_)));
    }

    #[test]
    fn xml_escaping_covers_markup_line_breaks_and_forbidden_characters() {
        assert_eq!(xml_text("a < b & \"c\"\r\n"), "a &lt; b &amp; \"c\"&#13;\n");
        assert_eq!(
            xml_attribute("say \"x\"\r\n\tnext"),
            "say &quot;x&quot;&#13;&#10;&#9;next"
        );
        assert_eq!(xml_text("bell\u{7}\u{FFFE}"), "bell\u{FFFD}\u{FFFD}");
    }
}
