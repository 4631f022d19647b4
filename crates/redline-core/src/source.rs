//! Decoding files into text, and the text with its line index.

use crate::{LineCol, LineIndex, Span};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// How many leading bytes are searched for NUL to call a file binary; the
/// same heuristic git and ripgrep use.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not an error to the user: binary files are skipped with a notice.
    #[error("binary file (NUL byte at byte {offset})")]
    Binary { offset: usize },
    #[error(
        "not valid UTF-8 at byte {offset} (line {line}); other encodings are not supported yet"
    )]
    NotUtf8 { offset: usize, line: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text without its byte-order mark.
    pub text: String,
    pub had_bom: bool,
}

/// Decodes a file's bytes as UTF-8, with or without a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    if let Some(offset) = memchr::memchr(0, sniff) {
        return Err(DecodeError::Binary { offset });
    }
    let (body, had_bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            had_bom,
        }),
        Err(error) => {
            let bad = error.valid_up_to();
            let line = memchr::memchr_iter(b'\n', &body[..bad]).count() + 1;
            let offset = bad + if had_bom { UTF8_BOM.len() } else { 0 };
            Err(DecodeError::NotUtf8 { offset, line })
        }
    }
}

/// Bytes between character-count checkpoints; see [`SourceFile::char_offset`].
const CHECKPOINT_BYTES: usize = 512;

/// A decoded file: its path as the user named it, its text and line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: String,
    had_bom: bool,
    lines: LineIndex,
    /// Characters before every `CHECKPOINT_BYTES`-th byte, counted on first
    /// use (only reporting needs character positions).
    chars_before_checkpoint: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let lines = LineIndex::new(&text);
        Self {
            path: path.into(),
            text,
            had_bom: false,
            lines,
            chars_before_checkpoint: OnceLock::new(),
        }
    }

    pub fn from_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Self, DecodeError> {
        let decoded = decode(bytes)?;
        let mut file = Self::new(path, decoded.text);
        file.had_bom = decoded.had_bom;
        Ok(file)
    }

    /// The same file with new text (after fixes): path and byte-order mark
    /// are kept, the line index is rebuilt.
    pub fn with_text(&self, text: String) -> Self {
        let mut file = Self::new(self.path.clone(), text);
        file.had_bom = self.had_bom;
        file
    }

    /// The bytes to write back: the text, behind its byte-order mark if
    /// the file had one.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.text.len() + UTF8_BOM.len());
        if self.had_bom {
            bytes.extend_from_slice(UTF8_BOM);
        }
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn had_bom(&self) -> bool {
        self.had_bom
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// 1-based line and character column of `offset`, in time independent
    /// of the line's length (a pasted document is often one paragraph of a
    /// hundred kilobytes with thousands of findings). An offset inside a
    /// line terminator is at the column just past the line's content.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let line = self.lines.line_index(offset);
        let content_end = self.lines.line_span(&self.text, line).end;
        let column = self.char_offset(offset.min(content_end))
            - self.char_offset(self.lines.line_start(line));
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Characters before byte `offset`, from the start of the text.
    pub fn char_offset(&self, offset: usize) -> usize {
        let checkpoints = self.chars_before_checkpoint.get_or_init(|| {
            let mut checkpoints = Vec::with_capacity(self.text.len() / CHECKPOINT_BYTES + 2);
            let mut chars = 0;
            checkpoints.push(0);
            for chunk in self.text.as_bytes().chunks(CHECKPOINT_BYTES) {
                chars += char_count_bytes(chunk);
                checkpoints.push(chars);
            }
            checkpoints
        });
        let checkpoint = offset / CHECKPOINT_BYTES;
        checkpoints[checkpoint]
            + char_count_bytes(&self.text.as_bytes()[checkpoint * CHECKPOINT_BYTES..offset])
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}

/// Characters that start in `bytes` (lead bytes): a checkpoint may split a
/// character, which then counts where it starts.
fn char_count_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_reach_the_end_of_texts_that_fill_whole_checkpoints() {
        for text in [String::new(), "总".repeat(CHECKPOINT_BYTES)] {
            let file = SourceFile::new("a.txt", text.clone());
            assert_eq!(file.char_offset(text.len()), text.chars().count());
            assert_eq!(
                file.line_col(text.len()),
                file.lines().line_col(&text, text.len())
            );
        }
    }

    #[test]
    fn positions_agree_with_the_line_index_everywhere() {
        // Long lines of mixed widths, so checkpoints fall inside characters
        // and inside lines.
        let line = "工作总结 20xx年 XX市，abc。".repeat(40);
        let text = format!("{line}\r\n{line}\n\n{line}");
        let file = SourceFile::new("a.txt", text.clone());
        for (offset, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(
                file.line_col(offset),
                file.lines().line_col(&text, offset),
                "at {offset}"
            );
            assert_eq!(
                file.char_offset(offset),
                text[..offset].chars().count(),
                "at {offset}"
            );
        }
    }

    #[test]
    fn nul_in_the_first_8k_means_binary() {
        assert_eq!(decode(b"abc\0def"), Err(DecodeError::Binary { offset: 3 }));
        let mut late_nul = vec![b'a'; BINARY_SNIFF_LEN];
        late_nul.push(0);
        assert!(decode(&late_nul).is_ok());
    }

    #[test]
    fn invalid_utf8_names_the_byte_and_line() {
        let error = decode(b"ok\nbad \xFF here").unwrap_err();
        assert_eq!(error, DecodeError::NotUtf8 { offset: 7, line: 2 });
        assert_eq!(
            error.to_string(),
            "not valid UTF-8 at byte 7 (line 2); other encodings are not supported yet"
        );
        // Offsets count the BOM, as a hex editor would show them.
        let with_bom = decode(b"\xEF\xBB\xBFa\xC3").unwrap_err();
        assert_eq!(with_bom, DecodeError::NotUtf8 { offset: 4, line: 1 });
    }

    #[test]
    fn bytes_round_trip_with_their_bom() {
        let original = b"\xEF\xBB\xBFline\r\n";
        let file = SourceFile::from_bytes("a.txt", original).unwrap();
        assert_eq!(file.to_bytes(), original);
        let edited = file.with_text("new\r\n".to_owned());
        assert_eq!(edited.to_bytes(), b"\xEF\xBB\xBFnew\r\n");
        assert_eq!(edited.path(), Path::new("a.txt"));
    }

    #[test]
    fn bom_is_removed_and_remembered() {
        let decoded = decode("\u{FEFF}总结".as_bytes()).unwrap();
        assert_eq!(decoded.text, "总结");
        assert!(decoded.had_bom);
        assert!(!decode(b"plain").unwrap().had_bom);
    }
}
