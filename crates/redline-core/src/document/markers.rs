//! Numbering markers at the start of headings and list items.
//!
//! [`parse_marker`] runs at every block start and every sentence start, so it
//! dispatches on the first character and matches by hand: no allocation, no
//! regex, and ordinary text is rejected after looking at one or two
//! characters.

use crate::Span;
use crate::script::is_blank;

/// The numbering system a marker belongs to. Two markers continue the same
/// sequence only when their styles are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerStyle {
    /// `一、`
    ChineseComma,
    /// `（一）`, `(一)` or `㈠`
    ChineseParen,
    /// `1.`, `1．` or `⒈`
    ArabicDot,
    /// `1、`
    ArabicComma,
    /// `（1）`, `(1)` or `⑴`
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
    /// `I.` `IV.` `Ⅱ、`
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

impl MarkerStyle {
    /// The nesting level writers give this style by convention (Markdown
    /// headings carry their own).
    const fn conventional_level(self) -> u8 {
        match self {
            Self::ChineseChapter
            | Self::ChinesePart
            | Self::EnglishChapter
            | Self::EnglishPart
            | Self::Markdown => 0,
            Self::ChineseComma
            | Self::ChineseSection
            | Self::EnglishOrdinal
            | Self::EnglishNumberWord
            | Self::Roman => 1,
            Self::ChineseParen | Self::LetterParen | Self::NumberWordParen => 2,
            Self::ArabicDot | Self::ArabicComma => 3,
            Self::ArabicParen | Self::ArabicHalfParen => 4,
            Self::Circled => 5,
            Self::ChineseShi | Self::EnglishOrdinalPhrase => 6,
        }
    }

    /// Chapter and part words name a title on their own (`第一章` alone on
    /// a line); every other marker needs text after it to number.
    const fn stands_alone(self) -> bool {
        matches!(
            self,
            Self::ChineseChapter
                | Self::ChineseSection
                | Self::ChinesePart
                | Self::EnglishChapter
                | Self::EnglishPart
        )
    }
}

/// A parsed numbering marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Marker {
    pub style: MarkerStyle,
    /// The number it stands for: `三、` is 3, `(c)` is 3, `Part Two` is 2;
    /// 0 for Markdown headings.
    pub ordinal: u32,
    /// Nesting level by convention: 1 for `一、`, 2 for `（一）`, …
    pub level: u8,
    /// The marker's text, punctuation included (`一、`, `（一）`, `First,`).
    pub span: Span,
}

/// Parses the numbering marker at the start of `line`, if any.
///
/// Leading blanks (U+3000 included) are skipped; the span is relative to
/// `line`. `line` may hold several lines (a whole block): text after the
/// marker may then start on the next line.
pub fn parse_marker(line: &str) -> Option<Marker> {
    let body = line.trim_start_matches(is_blank);
    let lead = line.len() - body.len();
    let first = body.chars().next()?;
    let marker = match first {
        '0'..='9' | '０'..='９' => arabic_marker(body),
        '(' | '（' => parenthesized_marker(body, first.len_utf8()),
        '#' => markdown_marker(body),
        'A'..='Z' => english_marker(body),
        '第' => chinese_section_marker(body),
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' => {
            chinese_numeral_marker(body)
        }
        _ => enclosed_marker(body, first),
    }?;
    let complete = marker.style.stands_alone() || has_text(&body[marker.span.end..]);
    complete.then(|| Marker {
        span: marker.span.shift(lead),
        ..marker
    })
}

/// The value of a whole Chinese numeral: `〇`/`零` to `九十九`, and
/// hundreds written out (`一百零五`, `三百二十`). `两` and digit strings
/// like `二〇一九` are not numerals here.
pub fn chinese_numeral_value(text: &str) -> Option<u32> {
    let Some((first, rest)) = split_chinese_digit(text) else {
        return below_hundred_with_tens(text);
    };
    if rest.is_empty() {
        return Some(first);
    }
    let Some(after_hundred) = rest.strip_prefix('百') else {
        return below_hundred_with_tens(text);
    };
    if first == 0 {
        return None;
    }
    let hundreds = first * 100;
    if after_hundred.is_empty() {
        return Some(hundreds);
    }
    if let Some(after_zero) = after_hundred.strip_prefix(['零', '〇']) {
        return match split_chinese_digit(after_zero)? {
            (units @ 1..=9, "") => Some(hundreds + units),
            _ => None,
        };
    }
    // `一百五` is colloquially 150, so only tens spelt out are accepted.
    below_hundred_with_tens(after_hundred).map(|tens| hundreds + tens)
}

/// `十`, `十五`, `二十`, `二十三`: a value from 10 to 99 with `十` written.
fn below_hundred_with_tens(text: &str) -> Option<u32> {
    let (tens, after_ten) = match text.strip_prefix('十') {
        Some(rest) => (1, rest),
        None => match split_chinese_digit(text)? {
            (digit @ 1..=9, rest) => (digit, rest.strip_prefix('十')?),
            _ => return None,
        },
    };
    if after_ten.is_empty() {
        return Some(tens * 10);
    }
    match split_chinese_digit(after_ten)? {
        (units @ 1..=9, "") => Some(tens * 10 + units),
        _ => None,
    }
}

fn split_chinese_digit(text: &str) -> Option<(u32, &str)> {
    let c = text.chars().next()?;
    let value = match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some((value, &text[c.len_utf8()..]))
}

/// `九百九十九` is the longest numeral [`chinese_numeral_value`] reads.
const MAX_CHINESE_NUMERAL_CHARS: usize = 5;

fn is_chinese_numeral_char(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    )
}

/// The numeral opening `text` and its length in bytes. The whole run of
/// numeral characters must be one numeral, so `十二五` is no `十二`.
fn leading_chinese_numeral(text: &str) -> Option<(u32, usize)> {
    let mut len = text.len();
    for (count, (index, c)) in text.char_indices().enumerate() {
        if !is_chinese_numeral_char(c) {
            len = index;
            break;
        }
        // No need to scan a long run like `一一一一一一…`: it is no numeral.
        if count == MAX_CHINESE_NUMERAL_CHARS {
            return None;
        }
    }
    let value = chinese_numeral_value(&text[..len])?;
    (value > 0).then_some((value, len))
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The one- or two-digit number opening `text` (ASCII or full-width
/// digits) and its length in bytes. Longer numbers are years or amounts,
/// never list numbers: `2019.` and `100、` are not markers.
fn leading_list_number(text: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for (count, c) in text.chars().enumerate() {
        let Some(digit) = digit_value(c) else {
            break;
        };
        if count == 2 {
            return None;
        }
        value = value * 10 + digit;
        len += c.len_utf8();
    }
    (value > 0).then_some((value, len))
}

fn starts_with_digit(text: &str) -> bool {
    text.chars().next().and_then(digit_value).is_some()
}

fn has_text(text: &str) -> bool {
    text.chars().any(|c| !is_blank(c))
}

fn marker(style: MarkerStyle, ordinal: u32, len: usize) -> Marker {
    Marker {
        style,
        ordinal,
        level: style.conventional_level(),
        span: Span::new(0, len),
    }
}

/// `1.` `1．` `1、` `1)` `1）`
fn arabic_marker(body: &str) -> Option<Marker> {
    let (value, number_len) = leading_list_number(body)?;
    let rest = &body[number_len..];
    let punctuation = rest.chars().next()?;
    let style = match punctuation {
        // `1.5` and `3.2万` are decimals; `1.The` is a marker that lost its
        // space in scraping.
        '.' | '．' if starts_with_digit(&rest[punctuation.len_utf8()..]) => return None,
        '.' | '．' => MarkerStyle::ArabicDot,
        '、' => MarkerStyle::ArabicComma,
        ')' | '）' => MarkerStyle::ArabicHalfParen,
        _ => return None,
    };
    Some(marker(style, value, number_len + punctuation.len_utf8()))
}

/// `(一)` `（1）` `(a)` `(three)`, half- and full-width parentheses mixed.
fn parenthesized_marker(body: &str, open_len: usize) -> Option<Marker> {
    let inner = &body[open_len..];
    let first = inner.chars().next()?;
    let (style, ordinal, inner_len) = if digit_value(first).is_some() {
        let (value, len) = leading_list_number(inner)?;
        (MarkerStyle::ArabicParen, value, len)
    } else if is_chinese_numeral_char(first) {
        let (value, len) = leading_chinese_numeral(inner)?;
        (MarkerStyle::ChineseParen, value, len)
    } else if first.is_ascii_alphabetic() {
        let word_len = ascii_word_len(inner);
        let word = &inner[..word_len];
        if word_len == 1 && first.is_ascii_lowercase() {
            let ordinal = u32::from(first as u8 - b'a') + 1;
            (MarkerStyle::LetterParen, ordinal, 1)
        } else {
            let value = word_value(&NUMBER_WORDS, word)?;
            (MarkerStyle::NumberWordParen, value, word_len)
        }
    } else {
        return None;
    };
    let after_inner = &inner[inner_len..];
    let close_len = match after_inner.chars().next()? {
        close @ (')' | '）') => close.len_utf8(),
        _ => return None,
    };
    let mut len = open_len + inner_len + close_len;
    // `(一)、` doubles the punctuation; the `、` still belongs to the marker.
    if body[len..].starts_with('、') {
        len += '、'.len_utf8();
    }
    Some(marker(style, ordinal, len))
}

/// `#` to `######` and a blank.
fn markdown_marker(body: &str) -> Option<Marker> {
    let hashes = body.bytes().take_while(|&b| b == b'#').count();
    let followed_by_blank = matches!(body.as_bytes().get(hashes), Some(b' ' | b'\t'));
    if hashes > 6 || !followed_by_blank {
        return None;
    }
    Some(Marker {
        style: MarkerStyle::Markdown,
        ordinal: 0,
        level: hashes as u8,
        span: Span::new(0, hashes),
    })
}

/// `一、` `二是` `十一是`
fn chinese_numeral_marker(body: &str) -> Option<Marker> {
    let (value, numeral_len) = leading_chinese_numeral(body)?;
    let style = match body[numeral_len..].chars().next()? {
        '、' => MarkerStyle::ChineseComma,
        '是' => MarkerStyle::ChineseShi,
        _ => return None,
    };
    // `、` and `是` are both three bytes in UTF-8.
    Some(marker(style, value, numeral_len + '是'.len_utf8()))
}

/// `第一章` `第3节` `第二部分`
fn chinese_section_marker(body: &str) -> Option<Marker> {
    let after_di = &body['第'.len_utf8()..];
    let (value, number_len) = match after_di.chars().next()? {
        c if digit_value(c).is_some() => leading_list_number(after_di)?,
        _ => leading_chinese_numeral(after_di)?,
    };
    let after_number = &after_di[number_len..];
    let (style, unit_len) = if after_number.starts_with('章') {
        (MarkerStyle::ChineseChapter, '章'.len_utf8())
    } else if after_number.starts_with("部分") {
        (MarkerStyle::ChinesePart, "部分".len())
    } else if after_number.starts_with('节') && !after_number['节'.len_utf8()..].starts_with('课')
    {
        // `第一节课` is the first class of a school day.
        (MarkerStyle::ChineseSection, '节'.len_utf8())
    } else {
        return None;
    };
    let len = '第'.len_utf8() + number_len + unit_len;
    Some(marker(style, value, len + separator_len(&body[len..])))
}

/// The `:` `.` `、` closing `Chapter 1:` or `第一章、`, if any.
fn separator_len(text: &str) -> usize {
    match text.chars().next() {
        Some(c @ (':' | '：' | '.' | '．' | '、')) => c.len_utf8(),
        _ => 0,
    }
}

/// Single characters that are numbered markers: `①` `⑴` `⒈` `㈠` `Ⅳ、`.
fn enclosed_marker(body: &str, first: char) -> Option<Marker> {
    let code = first as u32;
    let (style, ordinal) = match first {
        '①'..='⑳' => (MarkerStyle::Circled, code - '①' as u32 + 1),
        '㉑'..='㉟' => (MarkerStyle::Circled, code - '㉑' as u32 + 21),
        '㊱'..='㊿' => (MarkerStyle::Circled, code - '㊱' as u32 + 36),
        '⑴'..='⒇' => (MarkerStyle::ArabicParen, code - '⑴' as u32 + 1),
        '⒈'..='⒛' => (MarkerStyle::ArabicDot, code - '⒈' as u32 + 1),
        '㈠'..='㈩' => (MarkerStyle::ChineseParen, code - '㈠' as u32 + 1),
        'Ⅰ'..='Ⅻ' => {
            // Alone, `Ⅰ` is a grade (`Ⅰ级响应`); only with punctuation does
            // it number.
            let after = &body[first.len_utf8()..];
            let punctuation = after.chars().next()?;
            if !matches!(punctuation, '.' | '．' | '、') {
                return None;
            }
            let len = first.len_utf8() + punctuation.len_utf8();
            return Some(marker(MarkerStyle::Roman, code - 'Ⅰ' as u32 + 1, len));
        }
        _ => return None,
    };
    Some(marker(style, ordinal, first.len_utf8()))
}

/// English number words for 1 to 20, in order (`NUMBER_WORDS[0]` is one).
pub const NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// English ordinal words for 1st to 20th, in order.
pub const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// 1-based position of `word` in `words`, ignoring ASCII case.
fn word_value(words: &[&str], word: &str) -> Option<u32> {
    let index = words.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    Some(index as u32 + 1)
}

/// `second` or `secondly`.
fn ordinal_word_value(word: &str) -> Option<u32> {
    word_value(&ORDINAL_WORDS, word).or_else(|| {
        let stem_len = word.len().checked_sub(2)?;
        let suffix = &word[stem_len..];
        if suffix.eq_ignore_ascii_case("ly") {
            word_value(&ORDINAL_WORDS, &word[..stem_len])
        } else {
            None
        }
    })
}

fn ascii_word_len(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_alphabetic).count()
}

/// `First` or `FIRST`, as a sentence opens; `first` or `fIRST` do not.
fn is_capitalised(word: &str) -> bool {
    let Some((first, rest)) = word.as_bytes().split_first() else {
        return false;
    };
    first.is_ascii_uppercase()
        && (rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase))
}

/// The value of an upper-case Roman numeral from `I` to `XXXIX`, written in
/// its canonical form (`IIII` is rejected). Larger numerals would mostly
/// match initials (`L.`, `C.`) rather than list numbers.
fn roman_value(word: &str) -> Option<u32> {
    const TENS: &[(&str, u32)] = &[("XXX", 30), ("XX", 20), ("X", 10)];
    const UNITS: &[(&str, u32)] = &[
        ("IX", 9),
        ("VIII", 8),
        ("VII", 7),
        ("VI", 6),
        ("V", 5),
        ("IV", 4),
        ("III", 3),
        ("II", 2),
        ("I", 1),
    ];
    let mut rest = word;
    let mut value = 0;
    for group in [TENS, UNITS] {
        if let Some(&(digits, digit_value)) = group.iter().find(|(d, _)| rest.starts_with(d)) {
            value += digit_value;
            rest = &rest[digits.len()..];
        }
    }
    (rest.is_empty() && value > 0).then_some(value)
}

/// The text after one or more ASCII spaces or tabs; `None` without any.
fn after_spaces(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches([' ', '\t']);
    (rest.len() < text.len()).then_some(rest)
}

/// English markers: they all open with an upper-case letter.
fn english_marker(body: &str) -> Option<Marker> {
    let word_len = ascii_word_len(body);
    let word = &body[..word_len];
    let rest = &body[word_len..];
    if let Some(value) = roman_value(word) {
        return roman_marker(value, word_len, rest);
    }
    if !is_capitalised(word) {
        return None;
    }
    if word.eq_ignore_ascii_case("the") {
        return ordinal_phrase_marker(body, rest);
    }
    if word.eq_ignore_ascii_case("chapter") {
        return english_section_marker(MarkerStyle::EnglishChapter, body, rest);
    }
    if word.eq_ignore_ascii_case("part") {
        return english_section_marker(MarkerStyle::EnglishPart, body, rest);
    }
    // The comma is what tells `Two, careful arrangements` from `Ten
    // thousand people` and `One of the`.
    let comma_len = match rest.chars().next()? {
        comma @ (',' | '，') => comma.len_utf8(),
        _ => return None,
    };
    let (style, value) = if let Some(value) = ordinal_word_value(word) {
        (MarkerStyle::EnglishOrdinal, value)
    } else {
        (
            MarkerStyle::EnglishNumberWord,
            word_value(&NUMBER_WORDS, word)?,
        )
    };
    Some(marker(style, value, word_len + comma_len))
}

/// `IV. ` or `IV、`; the blank after the dot keeps `I.e.` out.
fn roman_marker(value: u32, word_len: usize, rest: &str) -> Option<Marker> {
    let mut chars = rest.chars();
    let punctuation = chars.next()?;
    let numbers = match punctuation {
        '.' => chars.next().is_some_and(is_blank),
        '．' | '、' => true,
        _ => false,
    };
    numbers.then(|| marker(MarkerStyle::Roman, value, word_len + punctuation.len_utf8()))
}

/// `The second is`, followed by anything but a letter or digit.
fn ordinal_phrase_marker(body: &str, after_the: &str) -> Option<Marker> {
    let ordinal_text = after_spaces(after_the)?;
    let ordinal_len = ascii_word_len(ordinal_text);
    let value = word_value(&ORDINAL_WORDS, &ordinal_text[..ordinal_len])?;
    let is_text = after_spaces(&ordinal_text[ordinal_len..])?;
    let verb = is_text.get(..2)?;
    let after_verb = &is_text[2..];
    if !verb.eq_ignore_ascii_case("is") || after_verb.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let len = body.len() - after_verb.len();
    Some(marker(MarkerStyle::EnglishOrdinalPhrase, value, len))
}

/// `Chapter 1`, `Part One`, `Part II`, with a `:` or `.` after it if any.
fn english_section_marker(style: MarkerStyle, body: &str, after_word: &str) -> Option<Marker> {
    let number_text = after_spaces(after_word)?;
    let first = number_text.chars().next()?;
    let (value, number_len) = if digit_value(first).is_some() {
        leading_list_number(number_text)?
    } else {
        let len = ascii_word_len(number_text);
        let word = &number_text[..len];
        let value = roman_value(word).or_else(|| word_value(&NUMBER_WORDS, word))?;
        (value, len)
    };
    let after_number = &number_text[number_len..];
    // `Part 2.5` is a decimal, `Part Two2` or `Chapter 1a` no number.
    let ends_number = match after_number.chars().next() {
        None => true,
        Some(dot @ ('.' | '．')) => !starts_with_digit(&after_number[dot.len_utf8()..]),
        Some(c) => !c.is_alphanumeric(),
    };
    if !ends_number {
        return None;
    }
    let len = body.len() - after_number.len();
    Some(marker(style, value, len + separator_len(after_number)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerStyle::*;

    /// Style, ordinal, level and text of the marker opening `line`.
    fn parsed(line: &str) -> Option<(MarkerStyle, u32, u8, &str)> {
        parse_marker(line).map(|m| (m.style, m.ordinal, m.level, &line[m.span.range()]))
    }

    fn assert_no_marker(lines: &[&str]) {
        for line in lines {
            assert_eq!(parsed(line), None, "{line:?} has no marker");
        }
    }

    #[test]
    fn chinese_numeral_values() {
        let cases = [
            ("〇", 0),
            ("零", 0),
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("一十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("一百", 100),
            ("一百零五", 105),
            ("一百〇五", 105),
            ("一百一十", 110),
            ("一百十", 110),
            ("三百二十", 320),
            ("九百九十九", 999),
        ];
        for (numeral, value) in cases {
            assert_eq!(chinese_numeral_value(numeral), Some(value), "{numeral}");
        }
        let not_numerals = [
            "",
            "两",
            "百",
            "一二",
            "十二五",
            "二〇一九",
            "十十",
            "零十",
            "十〇",
            "〇百",
            "一百五",
            "一百零",
            "一百零十",
            "一千",
            "1",
            "a",
            "一、",
        ];
        for text in not_numerals {
            assert_eq!(chinese_numeral_value(text), None, "{text:?}");
        }
    }

    #[test]
    fn chinese_comma() {
        assert_eq!(
            parsed("一、201*年上半年主要工作情况"),
            Some((ChineseComma, 1, 1, "一、"))
        );
        assert_eq!(
            parsed("二、完成目标情况及主要做法。"),
            Some((ChineseComma, 2, 1, "二、"))
        );
        assert_eq!(parsed("四、几条建议。"), Some((ChineseComma, 4, 1, "四、")));
        assert_eq!(
            parsed("八、认真做好困难职工帮扶工作。一是,组织"),
            Some((ChineseComma, 8, 1, "八、"))
        );
        assert_eq!(parsed("十、其他工作"), Some((ChineseComma, 10, 1, "十、")));
        assert_eq!(parsed("十一、附则"), Some((ChineseComma, 11, 1, "十一、")));
        assert_eq!(
            parsed("二十三、附则"),
            Some((ChineseComma, 23, 1, "二十三、"))
        );
    }

    #[test]
    fn chinese_paren_in_any_mix_of_widths() {
        assert_eq!(
            parsed("(一)细化“两个普遍”"),
            Some((ChineseParen, 1, 2, "(一)"))
        );
        assert_eq!(
            parsed("（二）深入走访十二个基层班组。"),
            Some((ChineseParen, 2, 2, "（二）"))
        );
        assert_eq!(parsed("(三）建立"), Some((ChineseParen, 3, 2, "(三）")));
        assert_eq!(parsed("（四)开展"), Some((ChineseParen, 4, 2, "（四)")));
        assert_eq!(parsed("(十二)其他"), Some((ChineseParen, 12, 2, "(十二)")));
        assert_eq!(parsed("㈢建立"), Some((ChineseParen, 3, 2, "㈢")));
        // The doubled `、` of `(一)、` belongs to the marker, not the title.
        assert_eq!(
            parsed("(一)、加强农村生态文明建设,着力改善环"),
            Some((ChineseParen, 1, 2, "(一)、"))
        );
    }

    #[test]
    fn arabic_dot() {
        assert_eq!(
            parsed("1.加大对农村基础设施建设的投入力度,为"),
            Some((ArabicDot, 1, 3, "1."))
        );
        assert_eq!(
            parsed("6.新农村建设促增收。今年,我镇着重把握"),
            Some((ArabicDot, 6, 3, "6."))
        );
        assert_eq!(
            parsed("1. Improve the work."),
            Some((ArabicDot, 1, 3, "1."))
        );
        assert_eq!(parsed("12. Twelfth item"), Some((ArabicDot, 12, 3, "12.")));
        assert_eq!(parsed("3．全角句点"), Some((ArabicDot, 3, 3, "3．")));
        assert_eq!(parsed("１２．全角数字"), Some((ArabicDot, 12, 3, "１２．")));
        assert_eq!(parsed("⒊全角句点"), Some((ArabicDot, 3, 3, "⒊")));
        // Scraped text often loses the space after the dot.
        assert_eq!(parsed("1.The office"), Some((ArabicDot, 1, 3, "1.")));
        assert_eq!(parsed("1. 5月份召开"), Some((ArabicDot, 1, 3, "1.")));
    }

    #[test]
    fn arabic_comma() {
        assert_eq!(
            parsed("1、工会组建和会员发展工作。到201*年5月底"),
            Some((ArabicComma, 1, 3, "1、"))
        );
        assert_eq!(
            parsed("1、 全镇各网吧、娱乐场所、有线站进行了"),
            Some((ArabicComma, 1, 3, "1、"))
        );
        assert_eq!(
            parsed("2、2月5日,配合县委宣传部等部门开展了"),
            Some((ArabicComma, 2, 3, "2、"))
        );
        assert_eq!(
            parsed("1、、继续抓好卫生城的复验工作,加强食品"),
            Some((ArabicComma, 1, 3, "1、"))
        );
        assert_eq!(parsed("１０、全角"), Some((ArabicComma, 10, 3, "１０、")));
    }

    #[test]
    fn arabic_paren() {
        assert_eq!(
            parsed("(2)5月初,县总工会与相关部门"),
            Some((ArabicParen, 2, 4, "(2)"))
        );
        assert_eq!(parsed("(1)3月份,召开"), Some((ArabicParen, 1, 4, "(1)")));
        assert_eq!(
            parsed("(2) Carefully organize important meetings."),
            Some((ArabicParen, 2, 4, "(2)"))
        );
        assert_eq!(
            parsed("(4) The work of female workers:"),
            Some((ArabicParen, 4, 4, "(4)"))
        );
        assert_eq!(parsed("（3）结合创建"), Some((ArabicParen, 3, 4, "（3）")));
        assert_eq!(parsed("（１２)全角"), Some((ArabicParen, 12, 4, "（１２)")));
        assert_eq!(parsed("(1)、多余顿号"), Some((ArabicParen, 1, 4, "(1)、")));
        assert_eq!(parsed("⑷按照"), Some((ArabicParen, 4, 4, "⑷")));
    }

    #[test]
    fn arabic_half_paren() {
        assert_eq!(
            parsed("3) Pay attention to strengthening supervision"),
            Some((ArabicHalfParen, 3, 4, "3)"))
        );
        assert_eq!(parsed("1）全角括号"), Some((ArabicHalfParen, 1, 4, "1）")));
        assert_eq!(parsed("12) item"), Some((ArabicHalfParen, 12, 4, "12)")));
    }

    #[test]
    fn circled() {
        assert_eq!(parsed("①加强领导"), Some((Circled, 1, 5, "①")));
        assert_eq!(parsed("⑳加强领导"), Some((Circled, 20, 5, "⑳")));
        assert_eq!(parsed("㉑加强领导"), Some((Circled, 21, 5, "㉑")));
        assert_eq!(parsed("㉟加强领导"), Some((Circled, 35, 5, "㉟")));
        assert_eq!(parsed("㊱加强领导"), Some((Circled, 36, 5, "㊱")));
        assert_eq!(parsed("㊿加强领导"), Some((Circled, 50, 5, "㊿")));
    }

    #[test]
    fn chinese_chapter_part_and_section() {
        assert_eq!(
            parsed("第一章 总则"),
            Some((ChineseChapter, 1, 0, "第一章"))
        );
        assert_eq!(
            parsed("第十二章 附则"),
            Some((ChineseChapter, 12, 0, "第十二章"))
        );
        assert_eq!(parsed("第3章 方法"), Some((ChineseChapter, 3, 0, "第3章")));
        assert_eq!(
            parsed("第一章：总则"),
            Some((ChineseChapter, 1, 0, "第一章："))
        );
        assert_eq!(parsed("第一章"), Some((ChineseChapter, 1, 0, "第一章")));
        assert_eq!(
            parsed("第二部分 下半年工作计划"),
            Some((ChinesePart, 2, 0, "第二部分"))
        );
        assert_eq!(
            parsed("第一节 概述"),
            Some((ChineseSection, 1, 1, "第一节"))
        );
        assert_eq!(
            parsed("第二节、做法"),
            Some((ChineseSection, 2, 1, "第二节、"))
        );
        assert_no_marker(&[
            "第一次全体会议",
            "第一学区以“八点时刻”活动引领",
            "第一节课由校长主讲",
            "第一生产力",
            "第二届全县运动会",
            "第章",
        ]);
    }

    #[test]
    fn chinese_shi() {
        assert_eq!(
            parsed("一是按照成都市、崇州市总工会的要"),
            Some((ChineseShi, 1, 6, "一是"))
        );
        assert_eq!(
            parsed("二是认真落实崇州市总工会年初下达的目标任"),
            Some((ChineseShi, 2, 6, "二是"))
        );
        assert_eq!(
            parsed("八是做好对贫特困职工的送温暧活动"),
            Some((ChineseShi, 8, 6, "八是"))
        );
        assert_eq!(
            parsed("一是,进一步加强基层工会组织的规范化建设"),
            Some((ChineseShi, 1, 6, "一是"))
        );
        assert_eq!(
            parsed("十一是加强宣传"),
            Some((ChineseShi, 11, 6, "十一是"))
        );
    }

    #[test]
    fn english_ordinals_need_sentence_capitals_and_a_comma() {
        assert_eq!(
            parsed("First, around the focus of work, the role of the staff assistant is obvious."),
            Some((EnglishOrdinal, 1, 1, "First,"))
        );
        assert_eq!(
            parsed("Second, master the general work, grasp the key"),
            Some((EnglishOrdinal, 2, 1, "Second,"))
        );
        assert_eq!(
            parsed("Third, improve quality and standardize daily operations"),
            Some((EnglishOrdinal, 3, 1, "Third,"))
        );
        assert_eq!(
            parsed("Fourth, do a good job of uploading"),
            Some((EnglishOrdinal, 4, 1, "Fourth,"))
        );
        assert_eq!(
            parsed("Fifth, improve"),
            Some((EnglishOrdinal, 5, 1, "Fifth,"))
        );
        assert_eq!(
            parsed("Tenth, improve"),
            Some((EnglishOrdinal, 10, 1, "Tenth,"))
        );
        assert_eq!(
            parsed("FIRST, improve"),
            Some((EnglishOrdinal, 1, 1, "FIRST,"))
        );
        assert_eq!(
            parsed("Firstly, we"),
            Some((EnglishOrdinal, 1, 1, "Firstly,"))
        );
        assert_eq!(
            parsed("Secondly, we"),
            Some((EnglishOrdinal, 2, 1, "Secondly,"))
        );
        assert_eq!(
            parsed("Thirdly， we"),
            Some((EnglishOrdinal, 3, 1, "Thirdly，"))
        );
        assert_no_marker(&[
            "first, lower case",
            "FIrst, mixed case",
            "Finally, we",
            "First of all, we",
            "Second half of the year",
            "Secondary schools",
            "Thirdly",
            "First,",
        ]);
    }

    #[test]
    fn english_ordinal_phrase() {
        assert_eq!(
            parsed("The second is to do a good job in organization"),
            Some((EnglishOrdinalPhrase, 2, 6, "The second is"))
        );
        assert_eq!(
            parsed("The first is to organize the press conference"),
            Some((EnglishOrdinalPhrase, 1, 6, "The first is"))
        );
        assert_eq!(
            parsed("The third is to increase information reporting."),
            Some((EnglishOrdinalPhrase, 3, 6, "The third is"))
        );
        assert_eq!(
            parsed("THE FOURTH IS to"),
            Some((EnglishOrdinalPhrase, 4, 6, "THE FOURTH IS"))
        );
        assert_eq!(
            parsed("The  fifth  is: more"),
            Some((EnglishOrdinalPhrase, 5, 6, "The  fifth  is"))
        );
        assert_no_marker(&[
            "the second is lower case",
            "The office is the central department",
            "The first island",
            "The second issue is",
            "The firstly is",
            "The first is",
            "There first is",
        ]);
    }

    #[test]
    fn english_number_words_need_the_comma() {
        assert_eq!(
            parsed("Two, careful arrangements, the construction"),
            Some((EnglishNumberWord, 2, 1, "Two,"))
        );
        assert_eq!(
            parsed("Five, actively prepare for the convening"),
            Some((EnglishNumberWord, 5, 1, "Five,"))
        );
        assert_eq!(
            parsed("Six, housing reform and family members"),
            Some((EnglishNumberWord, 6, 1, "Six,"))
        );
        assert_eq!(
            parsed("Seven, vehicle management, continue"),
            Some((EnglishNumberWord, 7, 1, "Seven,"))
        );
        assert_eq!(
            parsed("Eight, security work, adhere to the daily"),
            Some((EnglishNumberWord, 8, 1, "Eight,"))
        );
        assert_eq!(
            parsed("Nine, complete other work assigned"),
            Some((EnglishNumberWord, 9, 1, "Nine,"))
        );
        assert_eq!(
            parsed("One, build"),
            Some((EnglishNumberWord, 1, 1, "One,"))
        );
        assert_eq!(
            parsed("Ten, build"),
            Some((EnglishNumberWord, 10, 1, "Ten,"))
        );
        assert_eq!(
            parsed("TWO, build"),
            Some((EnglishNumberWord, 2, 1, "TWO,"))
        );
        assert_no_marker(&[
            "Ten thousand people attended",
            "One of the",
            "one, two",
            "Twenty-one, said",
            "Time flies, and a period",
            "Summary of the work of the office",
        ]);
    }

    #[test]
    fn roman() {
        assert_eq!(parsed("I. Overview"), Some((Roman, 1, 1, "I.")));
        assert_eq!(parsed("II. Work done"), Some((Roman, 2, 1, "II.")));
        assert_eq!(parsed("IV. Plans"), Some((Roman, 4, 1, "IV.")));
        assert_eq!(parsed("IX. Plans"), Some((Roman, 9, 1, "IX.")));
        assert_eq!(parsed("X. Other"), Some((Roman, 10, 1, "X.")));
        assert_eq!(parsed("XIV. Other"), Some((Roman, 14, 1, "XIV.")));
        assert_eq!(parsed("XXXIX. Last"), Some((Roman, 39, 1, "XXXIX.")));
        assert_eq!(parsed("III、主要做法"), Some((Roman, 3, 1, "III、")));
        assert_eq!(parsed("Ⅱ、主要做法"), Some((Roman, 2, 1, "Ⅱ、")));
        assert_eq!(parsed("Ⅻ. Last"), Some((Roman, 12, 1, "Ⅻ.")));
        assert_no_marker(&[
            "I will report",
            "In 20xx, the office focused on",
            "It is",
            "I.e. this",
            "II.5",
            "IIII. Four",
            "VX. Five",
            "IC. Chip",
            "I.",
            "Ⅰ级响应",
        ]);
    }

    #[test]
    fn letter_paren() {
        assert_eq!(
            parsed("(a) improve the comprehensive service"),
            Some((LetterParen, 1, 2, "(a)"))
        );
        assert_eq!(
            parsed("(a) thoroughly implement the spirit"),
            Some((LetterParen, 1, 2, "(a)"))
        );
        assert_eq!(parsed("(b) next"), Some((LetterParen, 2, 2, "(b)")));
        assert_eq!(parsed("(z) last"), Some((LetterParen, 26, 2, "(z)")));
        assert_eq!(parsed("（c）全角"), Some((LetterParen, 3, 2, "（c）")));
        assert_no_marker(&["(A) upper case", "(ab) two letters", "(a", "(see below)"]);
    }

    #[test]
    fn number_word_paren() {
        assert_eq!(
            parsed("(three) standardize behavior, administration according to law."),
            Some((NumberWordParen, 3, 2, "(three)"))
        );
        assert_eq!(
            parsed("(two) to carry out mass health activities"),
            Some((NumberWordParen, 2, 2, "(two)"))
        );
        assert_eq!(
            parsed("(five) the completion of trade union"),
            Some((NumberWordParen, 5, 2, "(five)"))
        );
        assert_eq!(
            parsed("(six) to complete the tasks assigned"),
            Some((NumberWordParen, 6, 2, "(six)"))
        );
        assert_eq!(
            parsed("(Twenty) x"),
            Some((NumberWordParen, 20, 2, "(Twenty)"))
        );
        assert_no_marker(&["(none) x", "(three x"]);
    }

    #[test]
    fn english_chapter_and_part() {
        assert_eq!(
            parsed("Chapter 1 Introduction"),
            Some((EnglishChapter, 1, 0, "Chapter 1"))
        );
        assert_eq!(
            parsed("Chapter One"),
            Some((EnglishChapter, 1, 0, "Chapter One"))
        );
        assert_eq!(
            parsed("Chapter one"),
            Some((EnglishChapter, 1, 0, "Chapter one"))
        );
        assert_eq!(
            parsed("Chapter IV: Results"),
            Some((EnglishChapter, 4, 0, "Chapter IV:"))
        );
        assert_eq!(
            parsed("CHAPTER 12"),
            Some((EnglishChapter, 12, 0, "CHAPTER 12"))
        );
        assert_eq!(parsed("Part One"), Some((EnglishPart, 1, 0, "Part One")));
        assert_eq!(parsed("Part 2 Plans"), Some((EnglishPart, 2, 0, "Part 2")));
        assert_eq!(
            parsed("Part II. Plans"),
            Some((EnglishPart, 2, 0, "Part II."))
        );
        assert_no_marker(&[
            "Chapter and verse",
            "chapter 1",
            "Chapter 1.5 covers",
            "Chapter 100",
            "Chapter 1a",
            "Part of the work",
            "Part-time staff",
            "Part Time",
            "Partner 1",
        ]);
    }

    #[test]
    fn markdown() {
        assert_eq!(parsed("# Summary"), Some((Markdown, 0, 1, "#")));
        assert_eq!(parsed("### Plans"), Some((Markdown, 0, 3, "###")));
        assert_eq!(parsed("######\tDeep"), Some((Markdown, 0, 6, "######")));
        assert_no_marker(&["####### Too deep", "#hashtag", "#", "## ", "#1 item"]);
    }

    #[test]
    fn leading_blanks_are_skipped_and_counted_in_the_span() {
        let line = "\u{3000}\u{3000}一、总体情况";
        let marker = parse_marker(line).unwrap();
        assert_eq!(marker.span, Span::new(6, 12));
        assert_eq!(&line[marker.span.range()], "一、");
        assert_eq!(parse_marker("  (1) x").unwrap().span, Span::new(2, 5));
        assert_eq!(parse_marker("\t First, x").unwrap().span, Span::new(2, 8));
    }

    #[test]
    fn text_after_the_marker_may_start_on_the_next_line() {
        assert_eq!(parsed("(1)\n内容"), Some((ArabicParen, 1, 4, "(1)")));
        assert_eq!(
            parsed("Chapter 2\n"),
            Some((EnglishChapter, 2, 0, "Chapter 2"))
        );
    }

    #[test]
    fn numbers_that_are_not_markers() {
        assert_no_marker(&[
            "1.5亿元",
            "2.5 million",
            "1.1 总体情况",
            "2019年",
            "2019. The year",
            "100、一百",
            "0. Zero",
            "1,000 people",
            "10km",
            "3D打印",
            "2xx3年在xx义工委员会正确带领下",
            "20xx年,xx乡工会工作在县总工会",
            "(2019)年",
            "(0) zero",
        ]);
    }

    #[test]
    fn chinese_openings_that_are_not_markers() {
        assert_no_marker(&[
            "一年来,我乡工会工作在乡党委",
            "十二五规划开局之年",
            "三大任务",
            "两、",
            "〇、",
            "零是",
            "百、",
            "一二三",
            "*是工会重中之重的工作。",
            // `l、` is a misread `1、` in the corpus; letters are no numbers.
            "l、认真做好基层工会组织建设发展会员",
            "年度总结是在一年的时间内",
            "首先加强对“三级联创”活动的领导",
        ]);
    }

    #[test]
    fn a_marker_needs_text_after_it() {
        assert_no_marker(&[
            "",
            "   ",
            "一、",
            "一、  ",
            "一是",
            "(1)",
            "（一）\u{3000}",
            "1.",
            "3)",
            "①",
            "(a)",
            "Two,",
        ]);
    }
}
