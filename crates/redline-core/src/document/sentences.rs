//! Sentence boundaries in Chinese and English text.

use crate::Span;
use crate::script::{byte_set, is_blank, is_cjk, is_han};

/// Words whose trailing period does not end an English sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "no", "nos", "fig", "figs", "vs", "etc",
    "inc", "ltd", "co", "corp", "dept", "gov", "govt", "approx", "cf", "al", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "art", "vol", "pp",
];

/// Bytes that can start a sentence terminator: the ASCII marks, and the
/// lead bytes of `。` (E3) and of full-width `！？；` (EF). Every other byte
/// is skipped without decoding.
static TERMINATOR_LEADS: [bool; 256] = byte_set(b".!?;\xE3\xEF");

/// Sentence spans of `text`, relative to it, blanks trimmed at the start.
#[cfg(test)]
pub fn split(text: &str) -> Vec<Span> {
    let mut sentences = Vec::new();
    for_each_sentence(text, |span| sentences.push(span));
    sentences
}

/// Calls `found` with each sentence span of `text` (relative to it, blanks
/// trimmed), in order.
///
/// Chinese `。！？；` always end a sentence, and so do their ASCII forms
/// between Chinese characters (scraped text often has them). English `.!?`
/// end one before a blank and a capital, digit or Chinese character, except
/// after abbreviations, initials and list numbers.
pub fn for_each_sentence(text: &str, mut found: impl FnMut(Span)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..]
        .iter()
        .position(|&b| TERMINATOR_LEADS[usize::from(b)])
    {
        at += offset;
        let Some(mark) = text[at..].chars().next() else {
            break;
        };
        let ends = match mark {
            '。' | '！' | '？' | '；' => true,
            '.' | '!' | '?' | ';' if is_between_chinese(text, at) => true,
            '.' | '!' | '?' => ends_english_sentence(text, start, at, mark),
            _ => false,
        };
        at += mark.len_utf8();
        if !ends {
            continue;
        }
        // Keep runs like `?!` and closing quotes with the sentence they end.
        let tail: usize = text[at..]
            .chars()
            .take_while(|&c| is_sentence_tail(c))
            .map(char::len_utf8)
            .sum();
        at += tail;
        push_trimmed(&mut found, text, start, at);
        start = at;
    }
    push_trimmed(&mut found, text, start, text.len());
}

/// An ASCII mark at `at` used as Chinese punctuation: after a Chinese
/// character or mark, and before a Han character or the end.
fn is_between_chinese(text: &str, at: usize) -> bool {
    let previous = text[..at].chars().next_back();
    let next = text[at + 1..].chars().next();
    previous.is_some_and(is_cjk) && next.is_none_or(is_han)
}

fn is_sentence_tail(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '.'
            | '!'
            | '?'
            | '”'
            | '’'
            | '"'
            | '\''
            | ')'
            | '）'
            | '】'
            | '》'
            | '」'
            | '』'
    )
}

fn push_trimmed(found: &mut impl FnMut(Span), text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let trimmed = slice
        .trim_start_matches(is_blank)
        .trim_end_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    let begin = start + (slice.len() - slice.trim_start_matches(is_blank).len());
    found(Span::new(begin, begin + trimmed.len()));
}

fn ends_english_sentence(text: &str, sentence_start: usize, index: usize, mark: char) -> bool {
    let after = &text[index + mark.len_utf8()..];
    let after = after.trim_start_matches(['"', '\'', ')', '”', '’']);
    // Text must go on after a blank: `3.5`, `e.g.,` and `www.x.cn` continue.
    let rest = after.trim_start_matches(is_blank);
    if rest.len() == after.len() && !rest.is_empty() {
        return false;
    }
    let opens_next = rest.chars().next().is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || is_cjk(c) || matches!(c, '"' | '“' | '(' | '（')
    });
    if !opens_next {
        return false;
    }
    if mark != '.' {
        return true;
    }
    let before = &text[sentence_start..index];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '（')
        .next()
        .unwrap_or("");
    let is_initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    let is_dotted = word.contains('.');
    let is_abbreviation = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    // `1.`, `IV.`, `(a).` opening a block are list markers, not sentences.
    let is_list_number = before.trim().len() <= 4
        && before
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | 'L' | '(' | ')'));
    !(is_initial || is_dotted || is_abbreviation || is_list_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn chinese_terminators_and_their_ascii_forms_between_han() {
        assert_eq!(
            sentences("一是完善制度。二是扩大协商！三是推进管理;四是加强宣传"),
            [
                "一是完善制度。",
                "二是扩大协商！",
                "三是推进管理;",
                "四是加强宣传"
            ]
        );
        assert_eq!(
            sentences("他说：“做好工作。”然后离开。"),
            ["他说：“做好工作。”", "然后离开。"]
        );
    }

    #[test]
    fn ascii_punctuation_in_numbers_does_not_split_chinese() {
        assert_eq!(
            sentences("增长了3.5%,达到1.2亿元。"),
            ["增长了3.5%,达到1.2亿元。"]
        );
    }

    #[test]
    fn english_with_abbreviations_decimals_and_list_numbers() {
        assert_eq!(
            sentences("Mr. Li spoke. Output rose 3.5 percent! Did it? Yes, e.g. more. Done"),
            [
                "Mr. Li spoke.",
                "Output rose 3.5 percent!",
                "Did it?",
                "Yes, e.g. more.",
                "Done"
            ]
        );
        assert_eq!(
            sentences("1. Improve the work. Then"),
            ["1. Improve the work.", "Then"]
        );
        assert_eq!(
            sentences("He said \"go.\" Then left."),
            ["He said \"go.\"", "Then left."]
        );
    }

    #[test]
    fn a_period_before_lowercase_does_not_end_a_sentence() {
        assert_eq!(sentences("the office. and then"), ["the office. and then"]);
    }

    #[test]
    fn blank_only_text_has_no_sentences() {
        assert!(split("  \u{3000} ").is_empty());
    }
}
