//! Character classes for CJK-aware rules.
//!
//! Unicode word boundaries do not separate Chinese words (`20XX年` has no
//! `\b` before `年`), so rules decide boundaries with these classes: a change
//! between Han and Latin or digits is a boundary.

/// A 256-entry table marking `bytes`: scanners test each byte of the text
/// against it and decode only the few characters that can matter (ASCII
/// marks, and the lead bytes of the multi-byte characters of interest).
pub const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// The dominant writing system of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Han,
    Latin,
    /// Neither letters nor Han characters (numbers, punctuation, empty).
    Other,
}

/// A Han ideograph (CJK Unified Ideographs, extensions and compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3007}' // 〇
    )
}

/// Full-width and CJK punctuation: `，。、；：？！“”‘’（）《》【】…—` and kin.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation: 、。《》【】
        | '\u{FF01}'..='\u{FF0F}' // ！＂＃＄％＆＇（）＊＋，－．／
        | '\u{FF1A}'..='\u{FF20}' // ：；＜＝＞？＠
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2018}'..='\u{201F}' // curly quotes, used in Chinese text
        | '\u{2026}'              // …
        | '\u{2014}'              // —
        | '\u{00B7}'              // ·
    )
}

/// Han or CJK punctuation: the material a Chinese sentence is made of.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

/// Full-width forms of ASCII digits and letters (`２０ＸＸ`).
pub fn is_fullwidth_alphanumeric(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// Whitespace including the ideographic space U+3000.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
}

/// Counts Han ideographs and Latin letters and names the one in the
/// majority; a block of only digits and punctuation is `Other`.
pub fn dominant_script(text: &str) -> Script {
    // Counted on bytes, which the compiler vectorises: every character
    // from U+4000 to U+9FFF (the unified ideographs and the end of
    // extension A) is encoded with a lead byte from 0xE4 to 0xE9, and no
    // other character is.
    let bytes = text.as_bytes();
    let latin = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let han = bytes
        .iter()
        .filter(|&&b| (0xE4..=0xE9).contains(&b))
        .count();
    match (han, latin) {
        (0, 0) => Script::Other,
        // A Chinese character carries about a word; two Latin letters per
        // Han character keeps `工作总结 for 20XX` Chinese.
        (han, latin) if han * 2 >= latin => Script::Han,
        _ => Script::Latin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sets_mark_exactly_their_bytes() {
        let set = byte_set(b".\xE3");
        assert!(set[usize::from(b'.')] && set[0xE3]);
        assert_eq!(set.iter().filter(|&&marked| marked).count(), 2);
    }

    #[test]
    fn classes() {
        assert!(is_han('工') && is_han('〇') && !is_han('，'));
        assert!(is_cjk_punctuation('，') && is_cjk_punctuation('。') && is_cjk_punctuation('“'));
        assert!(!is_cjk_punctuation(',') && !is_cjk('a'));
        assert!(is_fullwidth_alphanumeric('Ｘ') && is_fullwidth_alphanumeric('２'));
        assert!(is_blank('\u{3000}'));
    }

    #[test]
    fn dominant_script_of_mixed_text() {
        assert_eq!(
            dominant_script("镇工会在镇党委领导下,按照2019年"),
            Script::Han
        );
        assert_eq!(
            dominant_script("The office focused on 20xx work"),
            Script::Latin
        );
        assert_eq!(dominant_script("工作总结 for 20XX"), Script::Han);
        assert_eq!(dominant_script("2019.05.26 —"), Script::Other);
    }
}
