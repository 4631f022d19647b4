//! Markers written inside running text, where the document model does not
//! look for them: `…召开。(1)3月份…`, `…做到“五个结合”：一是…`, `…管理。2、组织…`.
//!
//! The model records a marker only where a block or sentence opens, so a
//! list can seem to skip `(1)` or `二是` that is really there, run on after
//! a colon or glued to the previous item. Before reporting a gap, the rule
//! looks for the missing markers in the text between the two items it
//! saw. This runs only when a gap is found, never over ordinary text.

use crate::family::Family;
use crate::render::{NUMBER_WORDS, ORDINAL_WORDS, capitalize, chinese_numeral};
use redline_core::Span;

/// What must stand right before the searched text.
#[derive(Debug, Clone, Copy)]
enum Before {
    Anything,
    /// Not part of a longer number: `二、` but not `十二、`, `第二、`, `12、`.
    NotNumeral,
    /// A punctuation mark or blank: `是` joins words (`统一是`), so `一是`
    /// counts only after a clause break.
    ClauseBreak,
    /// Not inside an English word.
    NotLetter,
    /// `(` or `（`, which belongs to the marker.
    OpenParen,
    /// `(` or `（` (`(1)`), or no other digit (`1)`).
    OpenParenOrNotNumeral,
}

/// What must follow the searched text; what it names belongs to the marker.
#[derive(Debug, Clone, Copy)]
enum After {
    Anything,
    /// `The first is` but not `The first island`.
    NotLetter,
    /// `)` or `）`.
    CloseParen,
    /// `First,`, `Firstly，`.
    OrdinalComma,
    /// `1、`, or `1.` that is no decimal point (`1.5`).
    ArabicMark,
}

/// A text to search for, and the context that makes it a marker. Searching
/// for the number alone and checking the brackets around it keeps the
/// searches few: this runs over a whole paragraph or more.
struct Pattern {
    literal: String,
    before: Before,
    after: After,
}

impl Pattern {
    fn new(literal: impl Into<String>, before: Before, after: After) -> Self {
        Self {
            literal: literal.into(),
            before,
            after,
        }
    }
}

/// The first place in `region` of `text` where the marker numbering
/// `ordinal` in any style of `family` is written.
pub fn find_hidden(text: &str, region: Span, family: Family, ordinal: u32) -> Option<Span> {
    let mut best: Option<Span> = None;
    for pattern in patterns(family, ordinal) {
        // Only a match starting before the best one so far can win.
        let mut end = best.map_or(region.end, |best| {
            (best.start + pattern.literal.len()).min(region.end)
        });
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let Some(haystack) = text.get(region.start..end) else {
            continue;
        };
        let found =
            haystack
                .match_indices(pattern.literal.as_str())
                .find_map(|(offset, literal)| {
                    let start = region.start + offset;
                    marker_at(text, Span::new(start, start + literal.len()), &pattern)
                });
        if let Some(found) = found
            && best.is_none_or(|best| found.start < best.start)
        {
            best = Some(found);
        }
    }
    best
}

/// The first ordinal of `from..to` not written in `region` in order, each
/// searched after the previous one; `None` when all are there.
pub fn first_missing(text: &str, region: Span, family: Family, from: u32, to: u32) -> Option<u32> {
    // A gap this wide is no run-on list; do not search for every number.
    const MAX_GAP: u32 = 20;
    if to.saturating_sub(from) > MAX_GAP {
        return Some(from);
    }
    let mut cursor = region.start;
    for ordinal in from..to {
        match find_hidden(
            text,
            Span::new(cursor.min(region.end), region.end),
            family,
            ordinal,
        ) {
            Some(found) => cursor = found.end,
            None => return Some(ordinal),
        }
    }
    None
}

/// The whole marker around `found`, a match of `pattern`, when its
/// context makes it one.
fn marker_at(text: &str, found: Span, pattern: &Pattern) -> Option<Span> {
    let before = text[..found.start].chars().next_back();
    let start = match (pattern.before, before) {
        (Before::OpenParen | Before::OpenParenOrNotNumeral, Some(open @ ('(' | '（'))) => {
            found.start - open.len_utf8()
        }
        (Before::OpenParen, _) => return None,
        (Before::Anything, _) | (_, None) => found.start,
        (Before::NotNumeral | Before::OpenParenOrNotNumeral, Some(c)) if is_numeral_context(c) => {
            return None;
        }
        (Before::ClauseBreak, Some(c)) if c.is_alphanumeric() => return None,
        (Before::NotLetter, Some(c)) if c.is_ascii_alphabetic() => return None,
        _ => found.start,
    };
    let rest = &text[found.end..];
    let after_len = match pattern.after {
        After::Anything => 0,
        After::NotLetter if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => return None,
        After::NotLetter => 0,
        After::CloseParen => match rest.chars().next() {
            Some(close @ (')' | '）')) => close.len_utf8(),
            _ => return None,
        },
        After::OrdinalComma => ["ly,", "ly，", ",", "，"]
            .into_iter()
            .find(|suffix| rest.starts_with(suffix))?
            .len(),
        After::ArabicMark => match rest.chars().next() {
            Some('、') => '、'.len_utf8(),
            Some(dot @ ('.' | '．')) if !rest[dot.len_utf8()..].starts_with(is_digit) => {
                dot.len_utf8()
            }
            _ => return None,
        },
    };
    Some(Span::new(start, found.end + after_len))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_numeral_context(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '.' | '．'
                | '第'
                | '〇'
                | '零'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
        )
}

fn patterns(family: Family, ordinal: u32) -> Vec<Pattern> {
    let mut patterns = Vec::new();
    let chinese = chinese_numeral(ordinal);
    let index = usize::try_from(ordinal).ok().and_then(|n| n.checked_sub(1));
    let ordinal_word = index.and_then(|i| ORDINAL_WORDS.get(i)).copied();
    let number_word = index.and_then(|i| NUMBER_WORDS.get(i)).copied();
    let enclosed = |first: char, last: u32| {
        (1..=last)
            .contains(&ordinal)
            .then(|| char::from_u32(first as u32 + ordinal - 1))
            .flatten()
            .map(|c| Pattern::new(c, Before::Anything, After::Anything))
    };
    match family {
        Family::TopLevel => {
            if let Some(chinese) = &chinese {
                patterns.push(Pattern::new(
                    format!("{chinese}、"),
                    Before::NotNumeral,
                    After::Anything,
                ));
            }
        }
        Family::EnglishWords => {
            if ordinal == 1 {
                for opening in ["First of all", "first of all"] {
                    patterns.push(Pattern::new(opening, Before::NotLetter, After::Anything));
                }
            }
            if let Some(word) = ordinal_word {
                patterns.push(Pattern::new(
                    capitalize(word),
                    Before::NotLetter,
                    After::OrdinalComma,
                ));
                for article in ["The", "the"] {
                    patterns.push(Pattern::new(
                        format!("{article} {word} is"),
                        Before::NotLetter,
                        After::NotLetter,
                    ));
                }
            }
            if let Some(word) = number_word {
                patterns.push(Pattern::new(
                    format!("{},", capitalize(word)),
                    Before::NotLetter,
                    After::Anything,
                ));
            }
        }
        Family::ChineseParen => {
            if let Some(chinese) = chinese {
                patterns.push(Pattern::new(chinese, Before::OpenParen, After::CloseParen));
            }
            patterns.extend(enclosed('㈠', 10));
        }
        Family::Parenthesized => {
            patterns.push(Pattern::new(
                ordinal.to_string(),
                Before::OpenParenOrNotNumeral,
                After::CloseParen,
            ));
            if let Some(letter) = index.and_then(|i| u8::try_from(i).ok()).filter(|&i| i < 26) {
                patterns.push(Pattern::new(
                    char::from(b'a' + letter),
                    Before::OpenParen,
                    After::CloseParen,
                ));
            }
            if let Some(word) = number_word {
                patterns.push(Pattern::new(word, Before::OpenParen, After::CloseParen));
            }
            patterns.extend(enclosed('⑴', 20));
        }
        Family::Arabic => {
            patterns.push(Pattern::new(
                ordinal.to_string(),
                Before::NotNumeral,
                After::ArabicMark,
            ));
            patterns.extend(enclosed('①', 20));
        }
        Family::ChineseShi => {
            if let Some(chinese) = &chinese {
                patterns.push(Pattern::new(
                    format!("{chinese}是"),
                    Before::ClauseBreak,
                    After::Anything,
                ));
            }
        }
        // Chapter and part titles stand on their own lines; none is hidden.
        Family::Chapter | Family::Part | Family::Section => {}
    }
    patterns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(text: &str, family: Family, ordinal: u32) -> Option<&str> {
        let span = find_hidden(text, Span::new(0, text.len()), family, ordinal)?;
        Some(&text[span.range()])
    }

    #[test]
    fn run_on_markers_are_found() {
        assert_eq!(
            hidden("影响。(1)3月份,召开", Family::Parenthesized, 1),
            Some("(1)")
        );
        assert_eq!(
            hidden("影响。（一）加强", Family::ChineseParen, 1),
            Some("（一）")
        );
        assert_eq!(
            hidden("做到“五个结合”：一是学习", Family::ChineseShi, 1),
            Some("一是")
        );
        assert_eq!(hidden("管理。2、组织", Family::Arabic, 2), Some("2、"));
        assert_eq!(hidden("素质1、进一步", Family::Arabic, 1), Some("1、"));
        assert_eq!(
            hidden("links: First, we have", Family::EnglishWords, 1),
            Some("First,")
        );
        assert_eq!(
            hidden("innovation\", the first is to", Family::EnglishWords, 1),
            Some("the first is")
        );
    }

    #[test]
    fn longer_numbers_and_words_are_not_markers() {
        assert_eq!(hidden("十二、规划", Family::TopLevel, 2), None);
        assert_eq!(hidden("第二、三名", Family::TopLevel, 2), None);
        assert_eq!(hidden("共12、13家", Family::Arabic, 2), None);
        assert_eq!(hidden("增长1.5倍", Family::Arabic, 1), None);
        assert_eq!(hidden("坚持统一是关键", Family::ChineseShi, 1), None);
        assert_eq!(hidden("The first island", Family::EnglishWords, 1), None);
        assert_eq!(hidden("in the first half", Family::EnglishWords, 1), None);
    }

    #[test]
    fn the_earliest_marker_wins_whatever_its_form() {
        assert_eq!(hidden("(a)中（1）", Family::Parenthesized, 1), Some("(a)"));
        assert_eq!(hidden("㈠甲（一）乙", Family::ChineseParen, 1), Some("㈠"));
        assert_eq!(hidden("甲1)乙(1)", Family::Parenthesized, 1), Some("1)"));
        assert_eq!(
            hidden("we built it. Firstly, we", Family::EnglishWords, 1),
            Some("Firstly,")
        );
    }

    #[test]
    fn missing_ordinals_are_searched_in_order() {
        let text = "1、甲。2、乙。3、丙。5、戊";
        let region = Span::new(0, text.len());
        assert_eq!(first_missing(text, region, Family::Arabic, 2, 5), Some(4));
        assert_eq!(first_missing(text, region, Family::Arabic, 2, 4), None);
        let backwards = "3、丙。2、乙";
        let region = Span::new(0, backwards.len());
        assert_eq!(
            first_missing(backwards, region, Family::Arabic, 2, 4),
            Some(3)
        );
    }
}
