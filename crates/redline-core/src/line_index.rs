//! Offsets to lines and columns, built once per file.

use crate::Span;
use unicode_width::UnicodeWidthChar;

/// A 1-based line and 1-based column, counted in characters (Unicode
/// scalar values), never in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text.
///
/// A line ends at `\n`, `\r\n` or a lone `\r`; the terminator belongs to the
/// line it ends but never to its content, so a `\r` never shifts a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts; the first is always 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
        starts.push(0);
        let mut iter = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
        while let Some(pos) = iter.next() {
            if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
                // The `\n` of a CRLF pair is the same terminator.
                iter.next();
                starts.push(pos + 2);
            } else {
                starts.push(pos + 1);
            }
        }
        Self {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines. A trailing terminator opens a last, empty line, as
    /// editors count it; an empty text has one empty line.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based index of the line holding `offset`. An offset inside a line
    /// terminator belongs to the line that terminator ends.
    pub fn line_index(&self, offset: usize) -> usize {
        debug_assert!(offset <= self.len, "offset {offset} past end {}", self.len);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Span of the 0-based `line`, including its terminator.
    pub fn line_span_with_terminator(&self, line: usize) -> Span {
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        Span::new(self.starts[line], end)
    }

    /// Span of the 0-based `line`'s content, without its terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let full = self.line_span_with_terminator(line);
        let bytes = &text.as_bytes()[full.range()];
        let content_len = match bytes {
            [.., b'\r', b'\n'] => bytes.len() - 2,
            [.., b'\n' | b'\r'] => bytes.len() - 1,
            _ => bytes.len(),
        };
        Span::new(full.start, full.start + content_len)
    }

    /// 1-based line and character column of `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_index(offset);
        let start = self.starts[line];
        // Offsets inside a terminator count as the column just past the
        // content, so a span ending on `\r` and one ending on `\n` agree.
        let content_end = self.line_span(text, line).end;
        let column = char_count(&text[start..offset.min(content_end)]) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// 1-based display column of `offset`: East Asian wide characters take
    /// two columns, as in a terminal.
    pub fn display_column(&self, text: &str, offset: usize) -> usize {
        let line = self.line_index(offset);
        let start = self.starts[line];
        let content_end = self.line_span(text, line).end;
        display_width(&text[start..offset.min(content_end)]) + 1
    }

    /// Byte offset of a 1-based line and character column, if it exists.
    /// The column just past a line's last character is valid.
    pub fn offset(&self, text: &str, position: LineCol) -> Option<usize> {
        let line = position.line.checked_sub(1)?;
        if line >= self.starts.len() || position.column == 0 {
            return None;
        }
        let content = self.line_span(text, line);
        let line_text = &text[content.range()];
        let wanted = position.column - 1;
        line_text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(line_text.len()))
            .nth(wanted)
            .map(|i| content.start + i)
    }
}

/// Number of characters in `text`, counting lead bytes only; this is what
/// `chars().count()` computes, in a form the compiler vectorises.
pub fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| (b & 0xC0) != 0x80).count()
}

/// Width of `text` in terminal columns (CJK characters are two wide,
/// control characters zero).
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: usize, column: usize) -> LineCol {
        LineCol { line, column }
    }

    #[test]
    fn mixed_cjk_and_ascii_columns_count_characters() {
        let text = "工作总结 20xx年\nab工会c\n";
        let index = LineIndex::new(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(index.line_col(text, at("20xx")), lc(1, 6));
        assert_eq!(index.line_col(text, at("年")), lc(1, 10));
        assert_eq!(index.line_col(text, at("c")), lc(2, 5));
        assert_eq!(index.display_column(text, at("20xx")), 10);
        assert_eq!(index.display_column(text, at("c")), 7);
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn crlf_terminators_do_not_shift_columns() {
        let text = "第一行\r\n第二行 XX\r\nlast";
        let index = LineIndex::new(text);
        let xx = text.find("XX").unwrap();
        assert_eq!(index.line_col(text, xx), lc(2, 5));
        assert_eq!(index.line_col(text, text.find("last").unwrap()), lc(3, 1));
        assert_eq!(&text[index.line_span(text, 0).range()], "第一行");
        assert_eq!(&text[index.line_span(text, 1).range()], "第二行 XX");
        // The end of line 1's content and its `\r` and `\n` all sit at column 4.
        let cr = text.find('\r').unwrap();
        assert_eq!(index.line_col(text, cr), lc(1, 4));
        assert_eq!(index.line_col(text, cr + 1), lc(1, 4));
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let text = "one\rtwo\r\rfour";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, text.find("four").unwrap()), lc(4, 1));
        assert_eq!(&text[index.line_span(text, 2).range()], "");
    }

    #[test]
    fn bom_is_stripped_before_indexing_so_columns_start_at_one() {
        let decoded = crate::source::decode(b"\xEF\xBB\xBFXX\xE5\xB8\x82\n").unwrap();
        assert!(decoded.had_bom);
        let index = LineIndex::new(&decoded.text);
        assert_eq!(index.line_col(&decoded.text, 0), lc(1, 1));
        assert_eq!(index.line_col(&decoded.text, 2), lc(1, 3));
    }

    #[test]
    fn empty_text_has_one_empty_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_col("", 0), lc(1, 1));
        assert_eq!(index.line_span("", 0), Span::new(0, 0));
    }

    #[test]
    fn text_without_trailing_newline_keeps_its_last_line() {
        let text = "a\nbc";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 2);
        assert_eq!(index.line_col(text, 4), lc(2, 3));
        assert_eq!(index.line_span(text, 1), Span::new(2, 4));
        let with_newline = "a\nbc\n";
        assert_eq!(LineIndex::new(with_newline).line_count(), 3);
    }

    #[test]
    fn offsets_round_trip_through_line_and_column() {
        let text = "总结:\r\n20XX年XX市\n\nend 完";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let position = index.line_col(text, offset);
            let content = index.line_span(text, position.line - 1);
            if offset <= content.end {
                assert_eq!(index.offset(text, position), Some(offset), "at {offset}");
            }
        }
        assert_eq!(index.offset(text, lc(9, 1)), None);
        assert_eq!(index.offset(text, lc(1, 0)), None);
        assert_eq!(index.offset(text, lc(1, 9)), None);
    }

    #[test]
    fn display_width_counts_wide_characters_twice() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("工会ab"), 6);
        assert_eq!(display_width("２０ＸＸ"), 8);
    }
}
