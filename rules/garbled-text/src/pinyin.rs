//! Pinyin debris: `總結(jié)`, `經(jīng)驗`, left by converters that annotate
//! the characters they were unsure of.
//!
//! Only tone-marked (`jié`) or tone-numbered (`jie2`) syllables count, and
//! every syllable must be valid pinyin: `工会(union)`, `(GDP)`, `(a)` and
//! `(café)` are ordinary text.

use crate::garble::{Garble, Kind};
use crate::text::{char_after, char_before};
use redline_core::Span;
use redline_core::script::is_han;

/// Longest parenthesis looked into, in bytes: a few syllables.
const MAX_CONTENT_LEN: usize = 64;

/// The parenthesised pinyin opening at `at` (`(` or `（`) right after a
/// Han character.
pub(crate) fn detect(text: &str, at: usize) -> Option<Span> {
    let open = char_after(text, at)?;
    char_before(text, at).filter(|&c| is_han(c))?;
    let content_start = at + open.len_utf8();
    let window_end = floor_char_boundary(text, (content_start + MAX_CONTENT_LEN).min(text.len()));
    let window = &text[content_start..window_end];
    let close = window.find([')', '）'])?;
    if !is_tone_marked_syllable_list(&window[..close]) {
        return None;
    }
    let close_len = char_after(window, close)?.len_utf8();
    Some(Span::new(at, content_start + close + close_len))
}

/// The pinyin at `span` as a garble: certain when the paragraph around it
/// (`block`) holds traditional characters, the sign of a conversion;
/// otherwise it may be a deliberate reading aid (`行(háng)`).
pub(crate) fn garble(span: Span, block: &str) -> Garble {
    if block.chars().any(is_traditional) {
        Garble::certain(span, Kind::Pinyin)
    } else {
        Garble::tentative(span, Kind::Pinyin)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// `jié`, `jīng, jìng`, `xing2/hang2`: syllables separated by blanks,
/// commas, slashes or semicolons, each valid, at least one with a tone.
fn is_tone_marked_syllable_list(content: &str) -> bool {
    let mut syllables = 0;
    let mut toned = 0;
    for token in content.split([' ', ',', '/', ';', '、', '，', '；']) {
        if token.is_empty() {
            continue;
        }
        match parse_syllable(token) {
            Some(tone) => {
                syllables += 1;
                toned += usize::from(tone);
            }
            None => return false,
        }
    }
    syllables > 0 && toned > 0
}

/// Whether `token` is one pinyin syllable, and whether it carries a tone
/// (a mark or a final digit); `None` when it is not pinyin.
fn parse_syllable(token: &str) -> Option<bool> {
    let (letters, digit_tone) = match token.as_bytes().last()? {
        b'1'..=b'5' => (&token[..token.len() - 1], true),
        _ => (token, false),
    };
    let mut plain = [0u8; 8];
    let mut len = 0;
    let mut marks = 0;
    for c in letters.chars() {
        let (base, marked) = strip_tone(c)?;
        *plain.get_mut(len)? = base;
        len += 1;
        marks += usize::from(marked);
    }
    let valid_tone = match (digit_tone, marks) {
        (_, 2..) | (true, 1) => return None,
        (digit, marks) => digit || marks == 1,
    };
    is_syllable(&plain[..len]).then_some(valid_tone)
}

/// The plain letter of a lowercase pinyin letter (`ü` as `v`), and whether
/// it carried a tone mark.
fn strip_tone(c: char) -> Option<(u8, bool)> {
    let plain = match c {
        'a'..='z' => return u8::try_from(c).ok().map(|b| (b, false)),
        'ü' => return Some((b'v', false)),
        'ā' | 'á' | 'ǎ' | 'à' => b'a',
        'ē' | 'é' | 'ě' | 'è' => b'e',
        'ī' | 'í' | 'ǐ' | 'ì' => b'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => b'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => b'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => b'v',
        // `ń`, `ň`, `ǹ` spell the interjection 嗯.
        'ń' | 'ň' | 'ǹ' => b'n',
        _ => return None,
    };
    Some((plain, true))
}

/// Initials and the finals they take (space-separated), in the spelling
/// `ü` = `v` (after j, q, x and y it is written `u`, which the lists allow).
const SYLLABLES: &[(&str, &str)] = &[
    (
        "zh",
        "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    ),
    (
        "ch",
        "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
    ),
    (
        "sh",
        "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
    ),
    ("b", "a o i u ai ei ao an en ang eng ie iao ian in ing"),
    ("p", "a o i u ai ei ao ou an en ang eng ie iao ian in ing"),
    (
        "m",
        "a o e i u ai ei ao ou an en ang eng ie iao iu ian in ing",
    ),
    ("f", "a o u ei ou an en ang eng"),
    (
        "d",
        "a e i u ai ei ao ou an en ang eng ong ia ie iao iu ian ing uo ui uan un",
    ),
    (
        "t",
        "a e i u ai ei ao ou an ang eng ong ie iao ian ing uo ui uan un",
    ),
    (
        "n",
        "a e i u v ai ei ao ou an en ang eng ong ie iao iu ian in iang ing uo uan ve g",
    ),
    (
        "l",
        "a e i u v ai ei ao ou an ang eng ong ia ie iao iu ian in iang ing uo uan un ve",
    ),
    (
        "g",
        "a e u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang",
    ),
    (
        "k",
        "a e u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang",
    ),
    (
        "h",
        "a e u ai ei ao ou an en ang eng ong ua uo uai ui uan un uang m ng",
    ),
    ("j", "i u ia ie iao iu ian in iang ing iong ue uan un"),
    ("q", "i u ia ie iao iu ian in iang ing iong ue uan un"),
    ("x", "i u ia ie iao iu ian in iang ing iong ue uan un"),
    ("r", "e i u ao ou an en ang eng ong ua uo ui uan un"),
    ("z", "a e i u ai ei ao ou an en ang eng ong uo ui uan un"),
    ("c", "a e i u ai ao ou an en ang eng ong uo ui uan un"),
    ("s", "a e i u ai ao ou an en ang eng ong uo ui uan un"),
    ("y", "a e i o u ao ou an in ang ing ong ue uan un"),
    ("w", "a o u ai ei an en ang eng"),
    ("", "a o e ai ei ao ou an en ang eng er n ng m"),
];

fn is_syllable(plain: &[u8]) -> bool {
    let Ok(plain) = std::str::from_utf8(plain) else {
        return false;
    };
    SYLLABLES.iter().any(|(initial, finals)| {
        plain
            .strip_prefix(initial)
            .is_some_and(|final_| finals.split(' ').any(|listed| listed == final_))
    })
}

/// Frequent characters that only traditional Chinese writes: their
/// presence means the paragraph went through a simplified→traditional
/// conversion.
const TRADITIONAL_ONLY: &str = "們這個來經過會時對說為發總結與學國開關實現動點從後當還\
    長問題應該種進間體機處產業區義將務員據術變戰黨議權導織設計劃彙報項獲績積極優質縣鎮\
    鄉級辦傳統營運環網電話續擴億萬認識讓給習協調鬥爭歷屆貫徹價標準備專職責幹組領覺廣張\
    車東門見無頭樣親氣聽書寫讀師軍華龍愛歡參驗衛規條濟興";

fn is_traditional(c: char) -> bool {
    !c.is_ascii() && TRADITIONAL_ONLY.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(&str, bool)> {
        let at = text.find(['(', '（'])?;
        let garble = garble(detect(text, at)?, text);
        Some((&text[garble.span.range()], garble.certain))
    }

    #[test]
    fn conversion_debris() {
        assert_eq!(found("年度總結(jié)報告"), Some(("(jié)", true)));
        assert_eq!(found("經(jīng)驗"), Some(("(jīng)", true)));
        assert_eq!(found("銀行（háng）"), Some(("（háng）", false)));
        assert_eq!(found("行(xíng/háng)"), Some(("(xíng/háng)", false)));
        assert_eq!(found("會(hui4)議"), Some(("(hui4)", true)));
        assert_eq!(found("女(nǚ)工"), Some(("(nǚ)", false)));
        assert_eq!(found("绿(lǜ)化"), Some(("(lǜ)", false)));
        assert_eq!(found("略(lüè)"), Some(("(lüè)", false)));
    }

    #[test]
    fn ordinary_parentheses() {
        for text in [
            "工会(union)",
            "国内生产总值(GDP)",
            "工作(a)",
            "咖啡(café)",
            "工作(zong jie)",
            "简历(résumé)",
            "李明(Lǐ Míng)",
            "工作 (jié)",
            "(jié)",
            "工作(jié",
            "工作(jiéé)",
            "工作(2)",
            "工作(jie6)",
            "工作(jǐé)",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn syllables() {
        for valid in [
            "jie", "jing", "zhuang", "lve", "nv", "er", "ang", "yuan", "xiong", "a",
        ] {
            assert!(is_syllable(valid.as_bytes()), "{valid}");
        }
        for invalid in ["cafe", "union", "bu n", "gi", "zhi1", "resume", "jv"] {
            assert!(!is_syllable(invalid.as_bytes()), "{invalid}");
        }
    }
}
