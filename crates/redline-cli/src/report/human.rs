//! Human output: miette's graphical reports over the line index.

use super::source_code::IndexedSource;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan,
};
use redline_core::engine::LintedFile;
use redline_core::{Finding, Severity, Span};
use std::fmt;

pub struct HumanRenderer {
    handler: GraphicalReportHandler,
}

impl HumanRenderer {
    pub fn new(color: bool) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_context_lines(1)
                .with_links(false),
        }
    }

    /// Every finding of one file, rendered in order.
    pub fn render_file(&self, file: &LintedFile) -> String {
        let source = IndexedSource::new(&file.source);
        let mut out = String::new();
        for finding in &file.findings {
            let diagnostic = FindingDiagnostic {
                finding,
                source: &source,
            };
            self.handler
                .render_report(&mut out, &diagnostic)
                .expect("writing to a String cannot fail");
            // A blank line between reports keeps each finding apart.
            out.push('\n');
        }
        out
    }

    pub fn render(&self, diagnostic: &dyn Diagnostic) -> String {
        let mut out = String::new();
        self.handler
            .render_report(&mut out, diagnostic)
            .expect("writing to a String cannot fail");
        out
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: &'a IndexedSource<'a>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.finding, f)
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::new(span.start.into(), span.len())
}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.finding.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(None, source_span(self.finding.span));
        let secondary = self.finding.labels.iter().map(|label| {
            LabeledSpan::new_with_span(Some(label.message.clone()), source_span(label.span))
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}
