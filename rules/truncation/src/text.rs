//! Character classes and readers of how a piece of text ends and starts.
//!
//! Every reader here looks at a bounded number of characters at one end of
//! a slice, so the rule's cost does not grow with paragraph length.

use redline_core::Span;
use redline_core::script::{is_blank, is_han};

/// Marks that end a sentence: `。！？` and their ASCII and half-width forms.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '.' | '!' | '?' | '…' | '．' | '｡')
}

/// Marks after which a sentence must go on: `，` and `、`.
pub fn is_pause(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '､' | '﹐')
}

pub fn is_semicolon(c: char) -> bool {
    matches!(c, '；' | ';')
}

pub fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

/// Closing quotes and brackets, which may follow a sentence's own mark.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | ')' | '）' | '】' | '》' | '」' | '』' | ']' | '〕' | '〉'
    )
}

/// Opening quotes and brackets.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '(' | '（' | '【' | '《' | '「' | '『' | '[' | '〔' | '〈'
    )
}

/// Marks that close a clause: where a reported fragment stops growing.
fn is_clause_delimiter(c: char) -> bool {
    is_terminal(c) || is_semicolon(c) || is_colon(c) || matches!(c, '，' | ',' | '﹐')
}

/// A letter, Han character or digit: the stuff words are made of.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `text` holds any word at all (a line of `。` or `;` does not).
pub fn has_words(text: &str) -> bool {
    text.chars().any(is_word_char)
}

pub fn trim_blank_end(text: &str) -> &str {
    text.trim_end_matches(is_blank)
}

/// How a line or block ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// With a sentence mark, perhaps inside closing quotes: `。`, `.”`.
    Terminal,
    /// With `，` or `、`: the sentence must go on.
    Pause,
    Semicolon,
    Colon,
    /// With an opening quote or bracket.
    Opener,
    /// With a letter, Han character or digit.
    Word,
    /// With a closing quote or bracket after a word: `(不符合规划)`.
    ClosedWord,
    /// With anything else: a dash, a percent sign, a symbol.
    Other,
}

impl Ending {
    /// Endings after which the sentence visibly goes on.
    pub fn is_mid_sentence(self) -> bool {
        matches!(
            self,
            Ending::Pause | Ending::Semicolon | Ending::Colon | Ending::Opener
        )
    }
}

/// How `text` ends, trailing blanks ignored.
pub fn ending(text: &str) -> Ending {
    let mut chars = trim_blank_end(text).chars().rev();
    let Some(last) = chars.next() else {
        return Ending::Other;
    };
    if is_closer(last) {
        return match chars.find(|&c| !is_closer(c)) {
            Some(c) if is_terminal(c) => Ending::Terminal,
            Some(c) if is_word_char(c) => Ending::ClosedWord,
            _ => Ending::Other,
        };
    }
    classify(last)
}

fn classify(c: char) -> Ending {
    if is_terminal(c) {
        Ending::Terminal
    } else if is_pause(c) {
        Ending::Pause
    } else if is_semicolon(c) {
        Ending::Semicolon
    } else if is_colon(c) {
        Ending::Colon
    } else if is_opener(c) {
        Ending::Opener
    } else if is_word_char(c) {
        Ending::Word
    } else {
        Ending::Other
    }
}

/// Fragments shown in findings are at most this wide, counting a Chinese
/// character as two columns and an ASCII one as one: 16 Chinese
/// characters, or 32 letters of English …
const MAX_FRAGMENT_WIDTH: usize = 32;
/// … and grow past a clause mark until they are at least this wide, so a
/// one-character tail (`,扩`) is shown with some context.
const MIN_FRAGMENT_WIDTH: usize = 8;

fn width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// The span of the clause `text` (at offset `base`) ends with, trailing
/// blanks and its final marks included; at most [`MAX_FRAGMENT_WIDTH`]
/// wide.
pub fn tail_fragment(text: &str, base: usize) -> Span {
    let trimmed = trim_blank_end(text);
    let end = base + trimmed.len();
    let mut start = trimmed.len();
    let mut taken = 0;
    let mut seen_word = false;
    for (index, c) in trimmed.char_indices().rev() {
        if taken + width(c) > MAX_FRAGMENT_WIDTH
            || (seen_word && is_clause_delimiter(c) && taken >= MIN_FRAGMENT_WIDTH)
        {
            break;
        }
        seen_word |= is_word_char(c);
        start = index;
        taken += width(c);
    }
    // An English fragment starts at a word, not inside one.
    if cuts_word(trimmed, start)
        && let Some(space) = trimmed[start..].find(' ')
        && start + space + 1 < trimmed.len()
    {
        start += space + 1;
    }
    start += trimmed[start..].len() - trimmed[start..].trim_start_matches(is_blank).len();
    Span::new(base + start, end)
}

/// Whether `at` falls between two ASCII letters or digits of one word.
fn cuts_word(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    matches!((before, after), (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
}

/// The span of the clause `text` (at offset `base`) starts with, up to its
/// first clause mark; at most [`MAX_FRAGMENT_WIDTH`] wide.
pub fn head_fragment(text: &str, base: usize) -> Span {
    let mut end = 0;
    let mut taken = 0;
    for (index, c) in text.char_indices() {
        if taken + width(c) > MAX_FRAGMENT_WIDTH
            || (is_clause_delimiter(c) && taken >= MIN_FRAGMENT_WIDTH)
            || c == '\n'
            || c == '\r'
        {
            break;
        }
        end = index + c.len_utf8();
        taken += width(c);
    }
    if cuts_word(text, end)
        && let Some(space) = text[..end].rfind(' ')
        && space > 0
    {
        end = space;
    }
    end = text[..end].trim_end_matches(is_blank).len();
    Span::new(base, base + end)
}

/// Whether an opening quote or bracket in `tail` is still open at its end:
/// `开展了“加强企业工`. Straight double quotes count only when `tail`
/// starts at a sentence start, where they pair up.
pub fn leaves_quote_open(tail: &str, straight_quotes_pair: bool) -> bool {
    let mut depth = 0i32;
    let mut ascii_quotes = 0u32;
    for c in tail.chars() {
        match c {
            '"' => ascii_quotes += 1,
            c if is_opener(c) => depth += 1,
            // `'` doubles as an apostrophe (`workers'`), so it neither opens
            // nor closes anything here.
            '\'' => {}
            c if is_closer(c) => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0 || (straight_quotes_pair && ascii_quotes % 2 == 1)
}

/// Whether `head` closes a quote or bracket it never opened before its
/// first sentence mark: `好”乡镇工会`.
pub fn closes_unopened_quote(head: &str) -> bool {
    let mut depth = 0i32;
    for c in head.chars() {
        if is_terminal(c) {
            return false;
        }
        if c == '"' || c == '\'' {
            continue;
        }
        if is_opener(c) {
            depth += 1;
        } else if is_closer(c) {
            if depth == 0 {
                return true;
            }
            depth -= 1;
        }
    }
    false
}

/// The last item of an enumeration cut inside its word: `厂务公开、民`,
/// one Han character after `、` where the item before it is longer.
pub fn ends_in_cut_enumeration(text: &str) -> bool {
    let trimmed = trim_blank_end(text);
    let mut chars = trimmed.chars().rev();
    let (Some(last), Some(separator)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !is_han(last) || !matches!(separator, '、' | '､') {
        return false;
    }
    chars.take(2).filter(|&c| is_han(c)).count() == 2
}

/// A clause of one Han character at the end of `text`, after a comma:
/// `…的协调作用,扩` (from `扩大`).
pub fn ends_in_one_character_clause(text: &str) -> bool {
    let mut chars = trim_blank_end(text).chars().rev();
    matches!(
        (chars.next(), chars.next()),
        (Some(last), Some('，' | ',' | '﹐')) if is_han(last)
    )
}

/// A clause of one Han character at the start of `text`: `题,并做好…`
/// (from `问题`).
pub fn starts_with_one_character_clause(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(first), Some(mark)) if is_han(first) && (is_pause(mark) || is_terminal(mark) || is_semicolon(mark))
    )
}

/// Whether `text` starts with a word in ASCII lower case that is not a
/// template mask (`xx`): the tail of a word cut at a line or page break.
pub fn starts_lowercase_word(text: &str) -> bool {
    let word: &str = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // `iPhone` and `eBay` are names, not the tails of words; `http://` is
    // a link.
    !word.is_empty()
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !word.chars().all(|c| c == 'x')
        && !text[word.len()..].starts_with("://")
}

/// English words a sentence cannot end with.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "for", "and", "or", "with", "by", "on", "at", "from", "as",
    "that", "is", "are", "was", "were", "be", "our", "its", "their", "this", "these", "such",
    "into", "than", "but",
];

/// Whether `text` ends with an English word that needs more after it.
pub fn ends_with_dangling_word(text: &str) -> bool {
    let trimmed = trim_blank_end(text);
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(index, c)| index + c.len_utf8());
    let word = &trimmed[word_start..];
    // Only a word after a space: `the` alone on a line is no evidence.
    word_start > 0
        && trimmed[..word_start].ends_with(' ')
        && DANGLING_WORDS
            .iter()
            .any(|dangling| dangling.eq_ignore_ascii_case(word))
}

/// Whether `text` starts with one of `words`.
pub fn starts_with_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|word| text.starts_with(word))
}

/// A year at the start of `text`: `2019`, or a template's masked year
/// (`20xx`, `201*`, `20__`, `2x20xx`). Returns its length in bytes and
/// whether it is masked.
pub fn leading_year(text: &str) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    if !matches!(bytes.first(), Some(b'1' | b'2')) {
        return None;
    }
    let len = bytes
        .iter()
        .take_while(|&&b| b.is_ascii_digit() || matches!(b, b'x' | b'X' | b'*' | b'_'))
        .count();
    let token = &bytes[..len];
    let digits = token.iter().filter(|b| b.is_ascii_digit()).count();
    let masked = digits < len;
    let plausible = if masked {
        (4..=8).contains(&len) && digits >= 2 && (token[0] == b'2' || token.starts_with(b"19"))
    } else {
        len == 4 && matches!(&token[..2], b"19" | b"20")
    };
    plausible.then_some((len, masked))
}

/// A year at the end of `text`: `乡镇工会2019`. Returns where it starts.
pub fn trailing_year(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let len = bytes
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_digit() || matches!(b, b'x' | b'X' | b'*'))
        .count();
    let start = bytes.len() - len;
    let (year_len, _) = leading_year(&text[start..])?;
    (year_len == len).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings() {
        assert_eq!(ending("完成任务。"), Ending::Terminal);
        assert_eq!(ending("他说：“好。”  "), Ending::Terminal);
        assert_eq!(ending("稳定增长,"), Ending::Pause);
        assert_eq!(ending("民主法律、"), Ending::Pause);
        assert_eq!(ending("128万元;"), Ending::Semicolon);
        assert_eq!(ending("如下:"), Ending::Colon);
        assert_eq!(ending("优秀“"), Ending::Opener);
        assert_eq!(ending("群众的精神"), Ending::Word);
        assert_eq!(ending("87亩(不符合规划)"), Ending::ClosedWord);
        assert_eq!(ending("——"), Ending::Other);
        assert_eq!(ending(""), Ending::Other);
    }

    #[test]
    fn fragments_grow_to_a_clause_of_some_width_and_stop_at_words() {
        let text = "按照部署,发挥系统工会的协调作用,扩";
        let span = tail_fragment(text, 0);
        assert_eq!(&text[span.range()], "发挥系统工会的协调作用,扩");
        let text = "We thank the leaders of the";
        assert_eq!(&text[tail_fragment(text, 0).range()], text);
        let text = "The office has done a great deal of work to improve";
        assert_eq!(
            &text[tail_fragment(text, 0).range()],
            "a great deal of work to improve"
        );
        let text = "保持工会经费收入稳定增长,  ";
        assert_eq!(
            &text[tail_fragment(text, 0).range()],
            "保持工会经费收入稳定增长,"
        );
        let text = "文化需求,增强了工会组织";
        assert_eq!(&text[head_fragment(text, 0).range()], "文化需求");
        let text = "会建设,推进";
        assert_eq!(&text[head_fragment(text, 0).range()], "会建设,推进");
    }

    #[test]
    fn quotes_left_open_and_closed_unopened() {
        assert!(leaves_quote_open("深入开展了“加强企业工", true));
        assert!(!leaves_quote_open("开展了“安康杯”竞赛", true));
        assert!(leaves_quote_open("the \"Warm", true));
        assert!(!leaves_quote_open("the \"Warm", false));
        assert!(!leaves_quote_open("workers' home", true));
        assert!(closes_unopened_quote("好”乡镇工会"));
        assert!(!closes_unopened_quote("“六好”乡镇工会"));
        assert!(!closes_unopened_quote("完成。他说”"));
    }

    #[test]
    fn cut_enumerations() {
        assert!(ends_in_cut_enumeration("重点开展厂务公开、民"));
        assert!(!ends_in_cut_enumeration("德、智、体"));
        assert!(!ends_in_cut_enumeration("厂务公开、民主管理"));
    }

    #[test]
    fn one_character_clauses() {
        assert!(ends_in_one_character_clause("协调作用,扩"));
        assert!(!ends_in_one_character_clause("协调作用,扩大"));
        assert!(!ends_in_one_character_clause("德、智、体"));
        assert!(starts_with_one_character_clause("题,并做好服务"));
        assert!(starts_with_one_character_clause("作。"));
        assert!(!starts_with_one_character_clause("问题,并做好"));
    }

    #[test]
    fn english_evidence() {
        assert!(starts_lowercase_word("ment of the office"));
        assert!(!starts_lowercase_word("xx county"));
        assert!(!starts_lowercase_word("iPhone sales"));
        assert!(!starts_lowercase_word("The office"));
        assert!(!starts_lowercase_word("http://m.example.net"));
        assert!(ends_with_dangling_word("improve the quality of the"));
        assert!(!ends_with_dangling_word("the"));
        assert!(!ends_with_dangling_word("theme"));
    }

    #[test]
    fn years() {
        assert_eq!(leading_year("2019在"), Some((4, false)));
        assert_eq!(leading_year("20xx在"), Some((4, true)));
        assert_eq!(leading_year("2x20xx在"), Some((6, true)));
        assert_eq!(leading_year("2__20__在"), Some((7, true)));
        assert_eq!(leading_year("1500人"), None);
        assert_eq!(leading_year("20人"), None);
        assert_eq!(trailing_year("乡镇工会2019"), Some(12));
        assert_eq!(trailing_year("共12019"), None);
        assert_eq!(trailing_year("工会"), None);
    }
}
