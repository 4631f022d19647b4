//! Numbering markers at the start of headings and list items.

use crate::Span;

/// The numbering system a marker belongs to. Two markers continue the same
/// sequence only when their styles are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerStyle {
    /// `一、`
    ChineseComma,
    /// `（一）` or `(一)`
    ChineseParen,
    /// `1.` or `1．`
    ArabicDot,
    /// `1、`
    ArabicComma,
    /// `（1）` or `(1)`
    ArabicParen,
    /// `1)` or `1）`
    ArabicHalfParen,
    /// `①`
    Circled,
    /// `第一章`
    ChineseChapter,
    /// `第一节`
    ChineseSection,
    /// `第一部分`
    ChinesePart,
    /// `一是` opening a paragraph or sentence
    ChineseShi,
    /// `First,` `Secondly,`
    EnglishOrdinal,
    /// `The first is` `The second is`
    EnglishOrdinalPhrase,
    /// `One,` `Two,` (machine-translated `一、`)
    EnglishNumberWord,
    /// `I.` `IV.`
    Roman,
    /// `(a)` `(b)`
    LetterParen,
    /// `(one)` `(two)`
    NumberWordParen,
    /// `Chapter 1`
    EnglishChapter,
    /// `Part One`
    EnglishPart,
    /// `#` … `######`
    Markdown,
}

/// A parsed numbering marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Marker {
    pub style: MarkerStyle,
    /// The number it stands for: `三、` is 3, `(c)` is 3, `Part Two` is 2.
    pub ordinal: u32,
    /// Nesting level by convention: 1 for `一、`, 2 for `（一）`, …
    pub level: u8,
    /// The marker's text, punctuation included (`一、`, `（一）`, `First,`).
    pub span: Span,
}

/// Parses the numbering marker at the start of `line`, if any.
pub fn parse_marker(line: &str) -> Option<Marker> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let (value, rest) = split_chinese_numeral(trimmed)?;
    let marker_len = trimmed.len() - rest.len();
    rest.strip_prefix('、').map(|_| Marker {
        style: MarkerStyle::ChineseComma,
        ordinal: value,
        level: 1,
        span: Span::new(lead, lead + marker_len + '、'.len_utf8()),
    })
}

fn split_chinese_numeral(text: &str) -> Option<(u32, &str)> {
    let digits = "一二三四五六七八九";
    let c = text.chars().next()?;
    let value = digits.chars().position(|d| d == c)? as u32 + 1;
    Some((value, &text[c.len_utf8()..]))
}
