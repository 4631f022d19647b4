//! A miette `SourceCode` that answers from the line index.
//!
//! miette's own implementation for strings scans from byte 0 for every
//! span it renders, which is quadratic over a file with many findings; this
//! one finds lines by binary search. It also keeps snippets of very long
//! lines (one paragraph per line is common) to a window around the span.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use redline_core::{SourceFile, Span};
use std::borrow::Cow;

/// Lines longer than this many bytes are shown as a window around the span.
const LONG_LINE_BYTES: usize = 240;
/// Characters of context kept on each side of a span on a long line.
const WINDOW_CHARS: usize = 30;

pub struct IndexedSource<'a> {
    file: Cow<'a, SourceFile>,
    name: String,
}

impl<'a> IndexedSource<'a> {
    pub fn new(file: &'a SourceFile) -> Self {
        Self {
            name: file.path().display().to_string(),
            file: Cow::Borrowed(file),
        }
    }

    /// For text that is not a linted document (a config file).
    pub fn owned(name: String, text: String) -> IndexedSource<'static> {
        IndexedSource {
            file: Cow::Owned(SourceFile::new(name.clone(), text)),
            name,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        self.file.text()
    }

    fn contents(&self, data: Span, line: usize) -> MietteSpanContents<'_> {
        let text = self.file.text();
        let index = self.file.lines();
        let column = self.file.line_col(data.start).column - 1;
        let line_count = index.line_index(data.end) - line + 1;
        MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[data.range()],
            SourceSpan::new(data.start.into(), data.len()),
            line,
            column,
            line_count,
        )
    }
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.file.text();
        let index = self.file.lines();
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first_line = index.line_index(start);
        let last_line = index.line_index(end.saturating_sub(1).max(start));

        // Only a position is wanted (the `path:line:column` header).
        if context_lines_before == 0 && context_lines_after == 0 {
            return Ok(Box::new(self.contents(Span::new(start, end), first_line)));
        }

        let first_span = index.line_span(text, first_line);
        let last_span = index.line_span(text, last_line);
        let is_long = first_span.len() > LONG_LINE_BYTES || last_span.len() > LONG_LINE_BYTES;
        let data = if is_long {
            // Context lines would be whole paragraphs; show the span's own
            // line, cut to a window.
            Span::new(
                back_chars(text, start, first_span.start, WINDOW_CHARS),
                forward_chars(text, end, last_span.end, WINDOW_CHARS),
            )
        } else {
            let top = first_line.saturating_sub(context_lines_before);
            let bottom = (last_line + context_lines_after).min(index.line_count() - 1);
            Span::new(
                index.line_start(top),
                index.line_span_with_terminator(bottom).end,
            )
        };
        let line = index.line_index(data.start);
        Ok(Box::new(self.contents(data, line)))
    }
}

/// The offset `count` characters before `offset`, not before `floor`.
fn back_chars(text: &str, offset: usize, floor: usize, count: usize) -> usize {
    text[floor..offset]
        .char_indices()
        .rev()
        .take(count)
        .last()
        .map_or(offset, |(i, _)| floor + i)
}

/// The offset `count` characters after `offset`, not after `ceiling`.
fn forward_chars(text: &str, offset: usize, ceiling: usize, count: usize) -> usize {
    text[offset..ceiling]
        .char_indices()
        .nth(count)
        .map_or(ceiling, |(i, _)| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(source: &IndexedSource<'_>, span: Span, context: usize) -> (String, usize, usize) {
        let contents = source
            .read_span(
                &SourceSpan::new(span.start.into(), span.len()),
                context,
                context,
            )
            .unwrap();
        (
            String::from_utf8(contents.data().to_vec()).unwrap(),
            contents.line(),
            contents.column(),
        )
    }

    #[test]
    fn position_of_a_span_uses_character_columns() {
        let file = SourceFile::new("a.txt", "第一行\n二〇XX年XX市\n".to_owned());
        let source = IndexedSource::new(&file);
        let at = file.text().find("XX市").unwrap();
        let (data, line, column) = read(&source, Span::new(at, at + 2), 0);
        assert_eq!((data.as_str(), line, column), ("XX", 1, 5));
    }

    #[test]
    fn context_covers_whole_lines() {
        let file = SourceFile::new("a.txt", "one\r\ntwo XX\r\nthree\r\nfour".to_owned());
        let source = IndexedSource::new(&file);
        let at = file.text().find("XX").unwrap();
        let (data, line, column) = read(&source, Span::new(at, at + 2), 1);
        assert_eq!(
            (data.as_str(), line, column),
            ("one\r\ntwo XX\r\nthree\r\n", 0, 0)
        );
    }

    #[test]
    fn long_lines_are_cut_to_a_window() {
        let text = format!("{}20xx{}\n", "字".repeat(200), "尾".repeat(200));
        let file = SourceFile::new("a.txt", text);
        let source = IndexedSource::new(&file);
        let at = file.text().find("20xx").unwrap();
        let (data, line, column) = read(&source, Span::new(at, at + 4), 2);
        assert_eq!(data, format!("{}20xx{}", "字".repeat(30), "尾".repeat(30)));
        assert_eq!((line, column), (0, 170));
    }
}
