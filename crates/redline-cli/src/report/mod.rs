//! Turning a run's results into output.

pub mod checkstyle;
pub mod compact;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
mod source_code;

use redline_core::engine::{FileOutcome, FileReport};
use redline_core::{LineCol, Severity, SourceFile};
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

    /// Files that could not be read or decoded, then bad paths.
    pub fn errors(&self) -> impl Iterator<Item = (&std::path::Path, &str)> {
        let file_errors = self
            .files
            .iter()
            .filter_map(|report| match &report.outcome {
                FileOutcome::Failed { message } => Some((report.path.as_path(), message.as_str())),
                _ => None,
            });
        let path_errors = self
            .path_errors
            .iter()
            .map(|(path, message)| (path.as_path(), message.as_str()));
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

/// Line, character column and character offset of byte offsets in one
/// file, each in time independent of the file's size and line lengths.
///
/// `SourceFile::line_col` counts the characters of the line before the
/// offset, which costs the length of the line: a pasted document is often
/// one paragraph of a hundred kilobytes with thousands of findings. Here the
/// characters before every `CHUNK`-th byte are counted once, in one pass
/// over the file, so a position costs a line lookup and at most `CHUNK`
/// bytes of counting.
pub struct Positions<'a> {
    source: &'a SourceFile,
    /// Characters before byte `i * CHUNK`, for every chunk start.
    chars_before_chunk: Vec<usize>,
}

/// Where a byte offset is, in the units editors and SARIF count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line and 1-based character column, as `SourceFile::line_col`
    /// gives them: an offset inside a line terminator is at the column
    /// just past the line's content.
    pub line_col: LineCol,
    /// Characters from the start of the text (after a byte-order mark).
    pub char_offset: usize,
}

impl<'a> Positions<'a> {
    const CHUNK: usize = 512;

    pub fn new(source: &'a SourceFile) -> Self {
        let mut chars_before_chunk = Vec::with_capacity(source.text().len() / Self::CHUNK + 1);
        let mut chars_before = 0;
        for chunk in source.text().as_bytes().chunks(Self::CHUNK) {
            chars_before_chunk.push(chars_before);
            chars_before += lead_bytes(chunk);
        }
        if source.text().len() % Self::CHUNK == 0 {
            // The end of the text starts a chunk of its own.
            chars_before_chunk.push(chars_before);
        }
        Self {
            source,
            chars_before_chunk,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let lines = self.source.lines();
        let line = lines.line_index(offset);
        let content_end = lines.line_span(self.source.text(), line).end;
        let column_chars =
            self.char_offset(offset.min(content_end)) - self.char_offset(lines.line_start(line));
        Position {
            line_col: LineCol {
                line: line + 1,
                column: column_chars + 1,
            },
            char_offset: self.char_offset(offset),
        }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.position(offset).line_col
    }

    fn char_offset(&self, offset: usize) -> usize {
        let chunk = offset / Self::CHUNK;
        let chunk_start = chunk * Self::CHUNK;
        self.chars_before_chunk[chunk]
            + lead_bytes(&self.source.text().as_bytes()[chunk_start..offset])
    }
}

/// Characters that start in `bytes`: a chunk boundary may split a
/// character, and counting lead bytes gives each character to the chunk it
/// starts in.
fn lead_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&byte| (byte & 0xC0) != 0x80).count()
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
    fn positions_agree_with_line_col_everywhere() {
        // Long enough to span several chunks, with CJK characters across
        // chunk boundaries and every kind of line terminator.
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(["工作总结 20xx年", "XX市\r\n", "ab\r", "完成。\n", ""][i % 5]);
        }
        let source = SourceFile::new("a.txt", text.clone());
        let positions = Positions::new(&source);
        let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        for (chars_before, offset) in boundaries.enumerate() {
            let position = positions.position(offset);
            assert_eq!(position.line_col, source.line_col(offset), "at {offset}");
            assert_eq!(position.char_offset, chars_before, "at {offset}");
        }
    }

    #[test]
    fn positions_reach_the_end_of_texts_that_fill_whole_chunks() {
        for text in [String::new(), "总".repeat(Positions::CHUNK)] {
            let source = SourceFile::new("a.txt", text.clone());
            let end = Positions::new(&source).position(text.len());
            assert_eq!(end.line_col, source.line_col(text.len()));
            assert_eq!(end.char_offset, text.chars().count());
        }
    }

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
