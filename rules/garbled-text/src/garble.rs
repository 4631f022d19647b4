//! What the detectors report, before it becomes a finding.

use redline_core::Span;

/// One stretch of corrupted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Garble {
    pub span: Span,
    pub kind: Kind,
    /// False for heuristic cases, reported one severity lower.
    pub certain: bool,
}

impl Garble {
    pub fn certain(span: Span, kind: Kind) -> Self {
        Self {
            span,
            kind,
            certain: true,
        }
    }

    pub fn tentative(span: Span, kind: Kind) -> Self {
        Self {
            span,
            kind,
            certain: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of U+FFFD.
    ReplacementCharacters { count: usize },
    /// A literal family of Chinese mojibake: `锟斤拷`, `烫烫烫`, `鈥`.
    ChineseMojibake(ChineseMojibake),
    /// UTF-8 read as Latin-1 or Windows-1252 (`Ã©`, `â€™`, `å·¥ä½œ`), with
    /// the text it decodes back to when that is recoverable.
    Utf8AsLatin1 { original: Option<String> },
    /// `Â` left before a space: a non-breaking space read as Latin-1.
    CircumflexBeforeSpace,
    /// GBK read as Latin-1: `¹¤×÷×Ü½á`.
    GbkAsLatin1,
    /// A `?` fused with a Han character after a lost byte: `?偨Y`.
    LostByte,
    /// Right-to-left letters glued to Han text: GBK read as UTF-8.
    StrayRightToLeft,
    /// `(jié)` after a Han character.
    Pinyin,
    /// A control or zero-width character (a run of the same one), and what
    /// replaces it: nothing, a line break, or the Windows-1252 character a
    /// C1 control stands for.
    Invisible {
        character: char,
        count: usize,
        replacement: &'static str,
    },
    /// `ESC [ … m` and kin: terminal colours saved with the text.
    EscapeSequence,
    /// `„ ‚ ‛ ‟` inside Chinese text.
    LowQuote { mark: char, replacement: char },
    /// A lone ASCII quote or backtick inside a Chinese phrase; `doubled`
    /// when it is the second of `""` in a paragraph whose quotes do not pair.
    StrayQuote {
        quote: char,
        count: usize,
        doubled: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ChineseMojibake {
    /// `锟斤拷`: U+FFFD written as UTF-8 and read as GBK.
    ReplacementAsGbk,
    /// `烫烫烫`, `屯屯屯`: uninitialised stack or heap memory (0xCC, 0xCD).
    UninitialisedMemory,
    /// `鈥`, `銆`, `锛`: UTF-8 punctuation read as GBK.
    Utf8AsGbk,
}
