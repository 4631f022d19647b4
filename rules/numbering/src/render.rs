//! Writing an ordinal the way an existing marker writes its own: `（二）`
//! with 3 gives `（三）`, `Secondly,` gives `Thirdly,`, `⑵` gives `⑶`.
//! Messages name the expected marker and fixes write it, so both need the
//! author's brackets, widths and capitalisation kept.

use redline_core::MarkerStyle;
pub use redline_core::document::markers::{NUMBER_WORDS, ORDINAL_WORDS};
use std::ops::Range;

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Single characters that number by themselves, as (first character,
/// first value, last value) ranges.
const ENCLOSED_RANGES: [(char, u32, u32); 8] = [
    ('①', 1, 20),
    ('㉑', 21, 35),
    ('㊱', 36, 50),
    ('⑴', 1, 20),
    ('⒈', 1, 20),
    ('㈠', 1, 10),
    ('Ⅰ', 1, 12),
    ('ⅰ', 1, 12),
];

/// How a marker spells its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numeral {
    Digits {
        full_width: bool,
    },
    Chinese,
    Letter {
        upper: bool,
    },
    NumberWord(Case),
    OrdinalWord {
        case: Case,
        ly: bool,
    },
    Roman,
    /// One of the circled / parenthesized / dotted characters.
    Enclosed(EnclosedKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnclosedKind {
    Circled,
    Parenthesized,
    Dotted,
    ChineseParenthesized,
    Roman,
    SmallRoman,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Capitalized,
    Upper,
}

/// `template` (a marker's text, in `style`) with its number replaced by
/// `ordinal`; `None` when that form cannot write it (`(z)` is the last
/// letter, `⑳` the last parenthesized digit).
pub fn render_like(template: &str, style: MarkerStyle, ordinal: u32) -> Option<String> {
    let (range, numeral) = locate_numeral(template, style)?;
    let number = write_numeral(numeral, ordinal)?;
    let mut out = String::with_capacity(template.len() + 8);
    out.push_str(&template[..range.start]);
    out.push_str(&number);
    out.push_str(&template[range.end..]);
    Some(out)
}

/// The number part of a marker, and how it is spelt.
fn locate_numeral(template: &str, style: MarkerStyle) -> Option<(Range<usize>, Numeral)> {
    // `The second is`, `Chapter 2`, `Part Two`: the number is the second word.
    let skip = match style {
        MarkerStyle::EnglishOrdinalPhrase
        | MarkerStyle::EnglishChapter
        | MarkerStyle::EnglishPart => {
            let first_word = template.find(|c: char| !c.is_ascii_alphabetic())?;
            first_word + template[first_word..].find(|c: char| !c.is_whitespace())?
        }
        _ => 0,
    };
    let (offset, first) = template[skip..]
        .char_indices()
        .map(|(index, c)| (skip + index, c))
        .find(|&(_, c)| {
            is_digit(c) || is_chinese_numeral(c) || c.is_ascii_alphabetic() || enclosed(c).is_some()
        })?;
    if let Some(kind) = enclosed(first) {
        return Some((offset..offset + first.len_utf8(), Numeral::Enclosed(kind)));
    }
    let run_end = |keep: fn(char) -> bool| {
        template[offset..]
            .char_indices()
            .find(|&(_, c)| !keep(c))
            .map_or(template.len(), |(index, _)| offset + index)
    };
    if is_digit(first) {
        let end = run_end(is_digit);
        return Some((
            offset..end,
            Numeral::Digits {
                full_width: !first.is_ascii_digit(),
            },
        ));
    }
    if is_chinese_numeral(first) {
        return Some((offset..run_end(is_chinese_numeral), Numeral::Chinese));
    }
    let end = run_end(|c| c.is_ascii_alphabetic());
    let word = &template[offset..end];
    let case = word_case(word);
    let numeral = match style {
        MarkerStyle::LetterParen => Numeral::Letter {
            upper: first.is_ascii_uppercase(),
        },
        MarkerStyle::Roman => Numeral::Roman,
        MarkerStyle::EnglishOrdinal | MarkerStyle::EnglishOrdinalPhrase => {
            let ly = word.len() > 2 && word[word.len() - 2..].eq_ignore_ascii_case("ly");
            Numeral::OrdinalWord { case, ly }
        }
        _ if NUMBER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) => Numeral::NumberWord(case),
        MarkerStyle::EnglishChapter | MarkerStyle::EnglishPart => Numeral::Roman,
        _ => return None,
    };
    Some((offset..end, numeral))
}

fn write_numeral(numeral: Numeral, ordinal: u32) -> Option<String> {
    if ordinal == 0 {
        return None;
    }
    Some(match numeral {
        Numeral::Digits { full_width: false } => ordinal.to_string(),
        Numeral::Digits { full_width: true } => ordinal
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
            .collect(),
        Numeral::Chinese => chinese_numeral(ordinal)?,
        Numeral::Letter { upper } => {
            let index = u8::try_from(ordinal - 1).ok().filter(|&i| i < 26)?;
            char::from(if upper { b'A' } else { b'a' } + index).to_string()
        }
        Numeral::NumberWord(case) => with_case(word(&NUMBER_WORDS, ordinal)?, case),
        Numeral::OrdinalWord { case, ly } => {
            let word = word(&ORDINAL_WORDS, ordinal)?;
            let word = if ly {
                format!("{word}ly")
            } else {
                word.to_owned()
            };
            with_case(&word, case)
        }
        Numeral::Roman => roman(ordinal)?,
        Numeral::Enclosed(kind) => enclosed_char(kind, ordinal)?.to_string(),
    })
}

/// The Chinese numeral for 1 to 999: `十一`, `二十`, `一百零五`.
pub fn chinese_numeral(value: u32) -> Option<String> {
    let digit = |d: u32| CHINESE_DIGITS[d as usize];
    let mut out = String::new();
    match value {
        1..=9 => out.push(digit(value)),
        10..=99 => {
            let (tens, units) = (value / 10, value % 10);
            if tens > 1 {
                out.push(digit(tens));
            }
            out.push('十');
            if units > 0 {
                out.push(digit(units));
            }
        }
        100..=999 => {
            let (hundreds, rest) = (value / 100, value % 100);
            out.push(digit(hundreds));
            out.push('百');
            match rest {
                0 => {}
                1..=9 => {
                    out.push('零');
                    out.push(digit(rest));
                }
                _ => {
                    // `一百一十五`: after hundreds the tens digit is written.
                    out.push(digit(rest / 10));
                    out.push('十');
                    if rest % 10 > 0 {
                        out.push(digit(rest % 10));
                    }
                }
            }
        }
        _ => return None,
    }
    Some(out)
}

/// Upper-case Roman numerals up to 39, the range markers use.
fn roman(value: u32) -> Option<String> {
    if !(1..=39).contains(&value) {
        return None;
    }
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    let mut out = "X".repeat((value / 10) as usize);
    out.push_str(UNITS[(value % 10) as usize]);
    Some(out)
}

fn word(words: &[&'static str; 20], ordinal: u32) -> Option<&'static str> {
    words
        .get(usize::try_from(ordinal).ok()?.checked_sub(1)?)
        .copied()
}

fn word_case(word: &str) -> Case {
    let mut letters = word.chars();
    match letters.next() {
        Some(first) if first.is_ascii_uppercase() => {
            if word.len() > 1 && letters.all(|c| c.is_ascii_uppercase()) {
                Case::Upper
            } else {
                Case::Capitalized
            }
        }
        _ => Case::Lower,
    }
}

fn with_case(word: &str, case: Case) -> String {
    match case {
        Case::Lower => word.to_owned(),
        Case::Upper => word.to_ascii_uppercase(),
        Case::Capitalized => capitalize(word),
    }
}

/// `first` → `First`.
pub fn capitalize(word: &str) -> String {
    let mut out = word.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

fn enclosed(c: char) -> Option<EnclosedKind> {
    let in_range = |first: char, last: char| (first..=last).contains(&c);
    let kind = if in_range('①', '⑳') || in_range('㉑', '㉟') || in_range('㊱', '㊿') {
        EnclosedKind::Circled
    } else if in_range('⑴', '⒇') {
        EnclosedKind::Parenthesized
    } else if in_range('⒈', '⒛') {
        EnclosedKind::Dotted
    } else if in_range('㈠', '㈩') {
        EnclosedKind::ChineseParenthesized
    } else if in_range('Ⅰ', 'Ⅻ') {
        EnclosedKind::Roman
    } else if in_range('ⅰ', 'ⅻ') {
        EnclosedKind::SmallRoman
    } else {
        return None;
    };
    Some(kind)
}

fn enclosed_char(kind: EnclosedKind, ordinal: u32) -> Option<char> {
    let ranges: &[(char, u32, u32)] = match kind {
        EnclosedKind::Circled => &ENCLOSED_RANGES[0..3],
        EnclosedKind::Parenthesized => &ENCLOSED_RANGES[3..4],
        EnclosedKind::Dotted => &ENCLOSED_RANGES[4..5],
        EnclosedKind::ChineseParenthesized => &ENCLOSED_RANGES[5..6],
        EnclosedKind::Roman => &ENCLOSED_RANGES[6..7],
        EnclosedKind::SmallRoman => &ENCLOSED_RANGES[7..8],
    };
    let &(first, low, _) = ranges
        .iter()
        .find(|&&(_, low, high)| (low..=high).contains(&ordinal))?;
    char::from_u32(first as u32 + ordinal - low)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerStyle::*;

    #[track_caller]
    fn renders(template: &str, style: MarkerStyle, ordinal: u32, expected: Option<&str>) {
        assert_eq!(
            render_like(template, style, ordinal).as_deref(),
            expected,
            "{template} as {ordinal}"
        );
    }

    #[test]
    fn chinese_markers_keep_their_brackets() {
        renders("二、", ChineseComma, 3, Some("三、"));
        renders("（二）", ChineseParen, 3, Some("（三）"));
        renders("(九)、", ChineseParen, 10, Some("(十)、"));
        renders("十一是", ChineseShi, 12, Some("十二是"));
        renders("第二章：", ChineseChapter, 3, Some("第三章："));
        renders("第2节", ChineseSection, 3, Some("第3节"));
        renders("㈡", ChineseParen, 3, Some("㈢"));
        renders("㈩", ChineseParen, 11, None);
    }

    #[test]
    fn arabic_markers_keep_their_width() {
        renders("6、", ArabicComma, 7, Some("7、"));
        renders("(2)", ArabicParen, 3, Some("(3)"));
        renders("（１２）", ArabicParen, 13, Some("（１３）"));
        renders("3)", ArabicHalfParen, 4, Some("4)"));
        renders("⑵", ArabicParen, 3, Some("⑶"));
        renders("⒐", ArabicDot, 10, Some("⒑"));
        renders("②", Circled, 21, Some("㉑"));
        renders("⒇", ArabicParen, 21, None);
        renders("⑳", Circled, 21, Some("㉑"));
    }

    #[test]
    fn english_words_keep_their_case_and_suffix() {
        renders("Second,", EnglishOrdinal, 3, Some("Third,"));
        renders("Secondly，", EnglishOrdinal, 3, Some("Thirdly，"));
        renders("FIRST,", EnglishOrdinal, 2, Some("SECOND,"));
        renders(
            "The second is",
            EnglishOrdinalPhrase,
            3,
            Some("The third is"),
        );
        renders("Two,", EnglishNumberWord, 3, Some("Three,"));
        renders("(two)", NumberWordParen, 4, Some("(four)"));
        renders("(a)", LetterParen, 2, Some("(b)"));
        renders("(a)", LetterParen, 27, None);
        renders("Nine,", EnglishNumberWord, 21, None);
    }

    #[test]
    fn roman_and_chapter_markers() {
        renders("II.", Roman, 4, Some("IV."));
        renders("Ⅱ、", Roman, 3, Some("Ⅲ、"));
        renders("Chapter 2", EnglishChapter, 3, Some("Chapter 3"));
        renders("Chapter Two", EnglishChapter, 3, Some("Chapter Three"));
        renders("Part II.", EnglishPart, 9, Some("Part IX."));
    }

    #[test]
    fn chinese_numerals() {
        let written: Vec<_> = [1, 10, 11, 20, 23, 100, 105, 115, 320]
            .into_iter()
            .map(|n| chinese_numeral(n).unwrap())
            .collect();
        assert_eq!(
            written,
            [
                "一",
                "十",
                "十一",
                "二十",
                "二十三",
                "一百",
                "一百零五",
                "一百一十五",
                "三百二十"
            ]
        );
        assert_eq!(chinese_numeral(0), None);
        assert_eq!(chinese_numeral(1000), None);
    }
}
