//! What decoding Chinese text with the wrong encoding leaves behind:
//! replacement characters, the `锟斤拷` and `烫烫烫` families, GBK readings
//! of UTF-8 punctuation (`鈥`), and the debris of GBK read as UTF-8.

use crate::garble::{ChineseMojibake, Garble, Kind};
use crate::text::{char_after, char_before, run_end};
use redline_core::Span;
use redline_core::script::is_han;

const REPLACEMENT: char = '\u{FFFD}';
/// U+FFFD (EF BF BD) twice, read as GBK: EFBF = 锟, BDEF = 斤, BFBD = 拷.
const REPLACEMENT_AS_GBK: &str = "锟斤拷";

/// A run of U+FFFD at `at`: one finding, however long.
pub(crate) fn replacement_run(text: &str, at: usize) -> Garble {
    let end = run_end(text, at, |c| c == REPLACEMENT);
    let count = (end - at) / REPLACEMENT.len_utf8();
    Garble::certain(Span::new(at, end), Kind::ReplacementCharacters { count })
}

/// The mojibake family a marker character at `at` opens, if it does.
pub(crate) fn mojibake_han(text: &str, at: usize) -> Option<Garble> {
    let marker = char_after(text, at)?;
    let after_marker = at + marker.len_utf8();
    let (end, family) = match marker {
        '锟' if text[at..].starts_with(REPLACEMENT_AS_GBK) => {
            let mut end = at;
            while text[end..].starts_with(REPLACEMENT_AS_GBK) {
                end += REPLACEMENT_AS_GBK.len();
            }
            // An odd number of U+FFFD leaves half a pair: `锟斤拷锟?`.
            if text[end..].starts_with('锟') {
                end += '锟'.len_utf8();
                if text[end..].starts_with('?') {
                    end += 1;
                }
            }
            (end, ChineseMojibake::ReplacementAsGbk)
        }
        '锟' => (
            lost_byte_after(text, after_marker)?,
            ChineseMojibake::ReplacementAsGbk,
        ),
        '烫' | '屯' => {
            // 0xCC and 0xCD fill uninitialised memory in debug builds; two in
            // a row can be words (`烫烫的`), three are not.
            let end = run_end(text, at, |c| matches!(c, '烫' | '屯'));
            if (end - at) / marker.len_utf8() < 3 {
                return None;
            }
            (end, ChineseMojibake::UninitialisedMemory)
        }
        // UTF-8 E2 80 (curly quotes, dashes) and E3 80 (、。《》) read as
        // GBK: never a word of modern Chinese. The character after them is
        // the rest of the misread sequence.
        '鈥' | '銆' => (
            debris_after(text, after_marker).unwrap_or(after_marker),
            ChineseMojibake::Utf8AsGbk,
        ),
        // EF BC (，（：) read as GBK; `锛` is also a rare word (an adze), so
        // it needs a lost byte or another marker next to it.
        '锛' => {
            let next = char_after(text, after_marker);
            let previous = char_before(text, at);
            let is_marker = |c: Option<char>| matches!(c, Some('鈥' | '銆' | '锛' | '锟'));
            let end = lost_byte_after(text, after_marker)
                .or_else(|| (is_marker(next) || is_marker(previous)).then_some(after_marker))?;
            (end, ChineseMojibake::Utf8AsGbk)
        }
        _ => return None,
    };
    Some(Garble::certain(
        Span::new(at, end),
        Kind::ChineseMojibake(family),
    ))
}

/// End of a `?` or U+FFFD at `at`.
fn lost_byte_after(text: &str, at: usize) -> Option<usize> {
    char_after(text, at)
        .filter(|&c| matches!(c, '?' | REPLACEMENT))
        .map(|c| at + c.len_utf8())
}

/// End of the character at `at` when it can be the rest of a misread
/// sequence: not ASCII letters, digits or blanks.
fn debris_after(text: &str, at: usize) -> Option<usize> {
    char_after(text, at)
        .filter(|&c| c == '?' || (!c.is_ascii() && !c.is_whitespace()))
        .map(|c| at + c.len_utf8())
}

/// `?偨Y`: GBK read as UTF-8, where a byte that was no valid UTF-8 became
/// `?` and the next bytes happened to form a Han character, followed by a
/// stray ASCII letter (a GBK trail byte). `?` at `at`, a Han character
/// after it.
pub(crate) fn lost_byte(text: &str, at: usize) -> Option<Garble> {
    let before = char_before(text, at)?;
    let han_at = at + 1;
    let han = char_after(text, han_at).filter(|&c| is_han(c))?;
    let trail_at = han_at + han.len_utf8();
    let trail = char_after(text, trail_at)?;
    let glued_before = is_han(before) || before.is_ascii_alphanumeric();
    if !glued_before || !(trail.is_ascii_alphabetic() || trail == '?') {
        return None;
    }
    Some(Garble::tentative(
        Span::new(at, trail_at + trail.len_utf8()),
        Kind::LostByte,
    ))
}

/// Hebrew to NKo letters glued to Han characters or lost bytes: GBK read
/// as UTF-8 turns byte pairs such as D6 B0 into them. Returns the garble,
/// or where to resume when the run at `at` is ordinary text.
pub(crate) fn stray_right_to_left(text: &str, at: usize) -> Result<Garble, usize> {
    let end = run_end(text, at, is_two_byte_right_to_left);
    let glued = |c: Option<char>| c.is_some_and(|c| is_han(c) || matches!(c, '?' | REPLACEMENT));
    if glued(char_before(text, at)) || glued(char_after(text, end)) {
        Ok(Garble::tentative(
            Span::new(at, end),
            Kind::StrayRightToLeft,
        ))
    } else {
        Err(end)
    }
}

/// The right-to-left blocks a two-byte UTF-8 sequence can encode.
pub(crate) fn is_two_byte_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{07FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, marker: char) -> Option<&str> {
        let at = text.find(marker)?;
        let garble = match marker {
            REPLACEMENT => Some(replacement_run(text, at)),
            '?' => lost_byte(text, at),
            c if is_two_byte_right_to_left(c) => stray_right_to_left(text, at).ok(),
            _ => mojibake_han(text, at),
        };
        garble.map(|garble| &text[garble.span.range()])
    }

    #[test]
    fn literal_families() {
        assert_eq!(found("总结锟斤拷锟斤拷工作", '锟'), Some("锟斤拷锟斤拷"));
        assert_eq!(found("总结锟斤拷锟?工作", '锟'), Some("锟斤拷锟?"));
        assert_eq!(found("总结锟?", '锟'), Some("锟?"));
        assert_eq!(found("烫烫烫烫烫", '烫'), Some("烫烫烫烫烫"));
        assert_eq!(found("屯屯屯屯", '屯'), Some("屯屯屯屯"));
        assert_eq!(found("鈥淗ello", '鈥'), Some("鈥淗"));
        assert_eq!(found("world鈥?", '鈥'), Some("鈥?"));
        assert_eq!(found("銆€", '銆'), Some("銆€"));
        assert_eq!(found("鏈夐檺鍏徃锛屾垜", '锛'), None);
        assert_eq!(found("鍏徃锛?", '锛'), Some("锛?"));
        assert_eq!(found("銆锛屾", '锛'), Some("锛"));
    }

    #[test]
    fn words_are_not_mojibake() {
        assert_eq!(found("锟铻剑", '锟'), None);
        assert_eq!(found("用锛子削木头", '锛'), None);
        assert_eq!(found("屯兵", '屯'), None);
        assert_eq!(found("屯屯", '屯'), None);
        assert_eq!(found("烫烫的", '烫'), None);
        assert_eq!(found("2公斤", '斤'), None);
    }

    #[test]
    fn replacement_runs() {
        assert_eq!(
            found("工作\u{FFFD}\u{FFFD}\u{FFFD}总结", REPLACEMENT),
            Some("\u{FFFD}\u{FFFD}\u{FFFD}")
        );
    }

    #[test]
    fn lost_bytes() {
        assert_eq!(found("工作总?偨Y", '?'), Some("?偨Y"));
        assert_eq!(found("为什么?我们", '?'), None);
        assert_eq!(found("what? 工作", '?'), None);
        assert_eq!(found("好吗?第3季度", '?'), None);
        assert_eq!(found("index.php?id=工作", '?'), None);
    }

    #[test]
    fn right_to_left_debris() {
        assert_eq!(found("工\u{073D}作", '\u{073D}'), Some("\u{073D}"));
        assert_eq!(
            found("?\u{05B0}\u{05B1}a", '\u{05B0}'),
            Some("\u{05B0}\u{05B1}")
        );
        assert_eq!(found("שלום עולם", 'ש'), None);
        assert_eq!(found("新疆（شىنجاڭ）", 'ش'), None);
    }
}
