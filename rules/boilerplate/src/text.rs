//! Small helpers on text and spans.

use redline_core::Span;
use redline_core::script::is_blank;

/// `span` without the blanks at either end.
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let slice = &text[span.range()];
    let start_trimmed = slice.trim_start_matches(is_blank);
    let start = span.start + (slice.len() - start_trimmed.len());
    Span::new(
        start,
        start + start_trimmed.trim_end_matches(is_blank).len(),
    )
}

/// Marks that end or split a sentence; navigation and metadata lines have
/// none of them.
pub(crate) fn is_sentence_punctuation(c: char) -> bool {
    matches!(c, '。' | '，' | '；' | '！' | '？' | ',' | ';' | '!' | '?')
}

/// Marks a scrape leaves behind: a line of nothing but these is debris.
/// Separators such as `---` or `***` are not among them.
pub(crate) fn is_debris_char(c: char) -> bool {
    matches!(
        c,
        ';' | '；'
            | '。'
            | '.'
            | ','
            | '，'
            | '、'
            | ':'
            | '：'
            | '!'
            | '！'
            | '?'
            | '？'
            | '…'
            | '”'
            | '’'
            | ')'
            | '）'
            | '】'
            | '》'
            | '」'
            | '』'
    )
}

/// `text` shortened to `max` characters for a message.
pub(crate) fn quote(text: &str, max: usize) -> String {
    let mut chars = text.char_indices();
    match chars.nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Extends a removal inside a line over the blanks that would be left
/// doubled or dangling: those after it when it opens the line, else those
/// before it.
pub(crate) fn with_adjacent_blanks(text: &str, line: Span, removal: Span) -> Span {
    let before = &text[line.start..removal.start];
    if before.chars().all(is_blank) {
        let after = &text[removal.end..line.end];
        let blanks = after.len() - after.trim_start_matches(is_blank).len();
        return Span::new(removal.start, removal.end + blanks);
    }
    let blanks = before.len() - before.trim_end_matches(is_blank).len();
    Span::new(removal.start - blanks, removal.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_blanks_including_the_ideographic_space() {
        let text = "\u{3000} 相关阅读 \t";
        assert_eq!(
            &text[trim(text, Span::new(0, text.len())).range()],
            "相关阅读"
        );
    }

    #[test]
    fn quotes_are_cut_on_characters() {
        assert_eq!(quote("下面是小编整理的", 4), "下面是小…");
        assert_eq!(quote("首页", 4), "首页");
    }

    #[test]
    fn removals_take_the_blanks_that_would_dangle() {
        let text = "首页 工作总结";
        let line = Span::new(0, text.len());
        assert_eq!(
            &text[with_adjacent_blanks(text, line, Span::new(0, 6)).range()],
            "首页 "
        );
        let text = "工作总结 首页";
        let line = Span::new(0, text.len());
        let removal = with_adjacent_blanks(text, line, Span::new(13, 19));
        assert_eq!(&text[removal.range()], " 首页");
    }
}
