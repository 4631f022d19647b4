//! Control and zero-width characters: invisible, and left by copying text
//! out of web pages, PDF files and other programs.

use crate::cp1252;
use crate::garble::{Garble, Kind};
use crate::text::{char_after, char_before, run_end};
use redline_core::Span;

const ESCAPE: char = '\u{1B}';
const BYTE_ORDER_MARK: char = '\u{FEFF}';
const ZERO_WIDTH_NON_JOINER: char = '\u{200C}';
const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// What an invisible character is called in messages.
pub(crate) fn name(c: char) -> &'static str {
    match c {
        '\u{08}' => "backspace character",
        '\u{0B}' => "vertical tab",
        '\u{0C}' => "form feed",
        ESCAPE => "escape character",
        '\u{7F}' => "delete character",
        '\u{00AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        ZERO_WIDTH_NON_JOINER => "zero-width non-joiner",
        ZERO_WIDTH_JOINER => "zero-width joiner",
        '\u{2060}' => "word joiner",
        BYTE_ORDER_MARK => "byte-order mark",
        _ => "control character",
    }
}

/// The invisible character at `at` (a run of it), or the terminal escape
/// sequence starting there.
pub(crate) fn detect(text: &str, at: usize) -> Option<Garble> {
    let c = char_after(text, at)?;
    if !is_reported(c) {
        return None;
    }
    if c == ESCAPE
        && let Some(end) = escape_sequence_end(text, at)
    {
        return Some(Garble::certain(Span::new(at, end), Kind::EscapeSequence));
    }
    // A byte-order mark opening the file is the file's business, not the
    // text's; the decoder normally removes it.
    if c == BYTE_ORDER_MARK && at == 0 {
        return None;
    }
    let end = run_end(text, at, |other| other == c);
    let count = (end - at) / c.len_utf8();
    let before = char_before(text, at);
    let after = char_after(text, end);
    if matches!(c, ZERO_WIDTH_JOINER | ZERO_WIDTH_NON_JOINER)
        && joins_legitimately(c, before, after)
    {
        return None;
    }
    let replacement = replacement(c, before, after);
    Some(Garble::certain(
        Span::new(at, end),
        Kind::Invisible {
            character: c,
            count,
            replacement,
        },
    ))
}

pub(crate) fn is_reported(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{08}' | '\u{0B}' | '\u{0C}' | '\u{0E}'..='\u{1F}' | '\u{7F}'
        | '\u{80}'..='\u{9F}'
        | '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | BYTE_ORDER_MARK
    )
}

/// What a fix writes instead of the character: line-break controls become
/// a line break unless one is already there, and a C1 control becomes the
/// Windows-1252 character it stands for (U+0092 in `don\u{92}t` is `’`,
/// and deleting it would lose the apostrophe).
fn replacement(c: char, before: Option<char>, after: Option<char>) -> &'static str {
    let at_line_break = |neighbour: Option<char>| matches!(neighbour, None | Some('\n' | '\r'));
    match c {
        '\u{0B}' | '\u{0C}' if !at_line_break(before) && !at_line_break(after) => "\n",
        '\u{80}'..='\u{9F}' => u8::try_from(u32::from(c))
            .ok()
            .and_then(cp1252::char_of_high_control)
            .map_or("", static_str),
        _ => "",
    }
}

/// The Windows-1252 characters as static strings, for fixes.
fn static_str(c: char) -> &'static str {
    match c {
        '€' => "€",
        '‚' => "‚",
        'ƒ' => "ƒ",
        '„' => "„",
        '…' => "…",
        '†' => "†",
        '‡' => "‡",
        'ˆ' => "ˆ",
        '‰' => "‰",
        'Š' => "Š",
        '‹' => "‹",
        'Œ' => "Œ",
        'Ž' => "Ž",
        '‘' => "‘",
        '’' => "’",
        '“' => "“",
        '”' => "”",
        '•' => "•",
        '–' => "–",
        '—' => "—",
        '˜' => "˜",
        '™' => "™",
        'š' => "š",
        '›' => "›",
        'œ' => "œ",
        'ž' => "ž",
        'Ÿ' => "Ÿ",
        _ => "",
    }
}

/// Joiners belong inside emoji sequences (👨 ZWJ 👩 ZWJ 👧) and between letters of
/// scripts that shape by them (Persian, Indic).
fn joins_legitimately(c: char, before: Option<char>, after: Option<char>) -> bool {
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    let emoji = c == ZERO_WIDTH_JOINER && is_emoji_part(before) && is_emoji_part(after);
    emoji || is_joining_script(before) || is_joining_script(after)
}

fn is_emoji_part(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'   // pictographs, skin tones
        | '\u{203C}'..='\u{2BFF}'   // ‼ ™ ↔ ⌚ ▶ ♀ ❤ ⭐ and other symbols
        | '\u{00A9}' | '\u{00AE}'    // © ®
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
        | '\u{FE0F}'                // emoji presentation selector
        | '\u{E0020}'..='\u{E007F}' // tag characters of flag sequences
    )
}

/// Scripts written with joiners: Hebrew to NKo (Persian), Indic, Thai to
/// Tibetan, Myanmar, Khmer and Mongolian.
fn is_joining_script(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{0900}'..='\u{0DFF}'
        | '\u{0E00}'..='\u{0FFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{18AF}'
    )
}

/// End of a CSI sequence `ESC [ parameters intermediates final`, the only
/// kind terminal colours use.
fn escape_sequence_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(at + 1) != Some(&b'[') {
        return None;
    }
    let mut index = at + 2;
    while bytes.get(index).is_some_and(|b| (0x30..=0x3F).contains(b)) {
        index += 1;
    }
    while bytes.get(index).is_some_and(|b| (0x20..=0x2F).contains(b)) {
        index += 1;
    }
    bytes
        .get(index)
        .is_some_and(|b| (0x40..=0x7E).contains(b))
        .then_some(index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(&str, &'static str)> {
        let at = text.find(is_reported)?;
        detect(text, at).map(|garble| {
            let replacement = match garble.kind {
                Kind::Invisible { replacement, .. } => replacement,
                _ => "<sequence>",
            };
            (&text[garble.span.range()], replacement)
        })
    }

    #[test]
    fn runs_and_replacements() {
        assert_eq!(found("a\u{200B}\u{200B}b"), Some(("\u{200B}\u{200B}", "")));
        assert_eq!(found("第一行\u{0B}第二行"), Some(("\u{0B}", "\n")));
        assert_eq!(found("第一页\n\u{0C}第二页"), Some(("\u{0C}", "")));
        assert_eq!(found("don\u{92}t"), Some(("\u{92}", "’")));
        assert_eq!(found("a\u{9D}b"), Some(("\u{9D}", "")));
        assert_eq!(
            found("\u{1B}[31mred\u{1B}[0m"),
            Some(("\u{1B}[31m", "<sequence>"))
        );
        assert_eq!(found("a\u{1B}b"), Some(("\u{1B}", "")));
    }

    #[test]
    fn legitimate_uses_are_left_alone() {
        assert_eq!(found("\u{FEFF}总结"), None);
        assert_eq!(found("👨\u{200D}👩\u{200D}👧"), None);
        assert_eq!(found("🙂\u{200D}↔\u{FE0F}"), None);
        assert_eq!(
            found("工作\u{200D}总结").map(|(found, _)| found),
            Some("\u{200D}")
        );
        assert_eq!(found("می\u{200C}خواهم"), None);
        assert_eq!(found("क्\u{200D}ष"), None);
    }
}
