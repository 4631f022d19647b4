//! Looking around a byte offset: neighbouring characters and words.
//!
//! Every helper reads a few characters on either side and allocates
//! nothing, so the checks can afford to call them on every figure.

/// The character just before byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character starting at byte `at`, if any.
pub(crate) fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Byte offset just past the character starting at `at`, which must exist.
pub(crate) fn after_char(text: &str, at: usize) -> usize {
    at + char_after(text, at).map_or(0, char::len_utf8)
}

/// Whitespace that stays on one line.
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{3000}')
}

/// Start of the run of ASCII letters that ends at `at`.
pub(crate) fn letters_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = at;
    while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    start
}

/// End of the run of ASCII letters that starts at `at`.
pub(crate) fn letters_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    end
}

/// The ASCII word that ends just before `at`, skipping one run of spaces:
/// `of` before `100` in `investment of 100`. Returns the word and its start.
pub(crate) fn word_before(text: &str, at: usize) -> (&str, usize) {
    let trimmed = text[..at].trim_end_matches([' ', '\t', '\u{A0}']);
    let start = letters_start(text, trimmed.len());
    (&text[start..trimmed.len()], start)
}

/// The ASCII word starting at `at` after at most one run of spaces, and
/// the byte offset where it ends.
pub(crate) fn word_after(text: &str, at: usize) -> (&str, usize) {
    let rest = text[at..].trim_start_matches([' ', '\t', '\u{A0}']);
    let start = text.len() - rest.len();
    let end = letters_end(text, start);
    (&text[start..end], end)
}

/// `text` ends with `suffix`, ASCII case ignored.
pub(crate) fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `text` contains `needle` (ASCII), ASCII case ignored.
pub(crate) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The largest char boundary of `text` not above `at`.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Punctuation that closes a clause: a figure's context never reaches past
/// one.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '.' | '。' | ';' | '；' | ':' | '：' | '!' | '！' | '?' | '？' | '\n' | '\r'
    )
}

/// The clause before byte `at`, at most `max_bytes` long: the words a
/// figure belongs to (`覆盖面达到` before `100%`).
pub(crate) fn clause_before(text: &str, at: usize, max_bytes: usize) -> &str {
    let from = floor_boundary(text, at.saturating_sub(max_bytes));
    let window = &text[from..at];
    match window.rfind(ends_clause) {
        Some(index) => {
            let cut = index + window[index..].chars().next().map_or(1, char::len_utf8);
            &window[cut..]
        }
        None => window,
    }
}

/// `text[at..]` starts with one of `candidates`; returns the end of the
/// match.
pub(crate) fn starts_with_any(text: &str, at: usize, candidates: &[&str]) -> Option<usize> {
    let rest = &text[at..];
    candidates
        .iter()
        .find(|candidate| rest.starts_with(**candidate))
        .map(|candidate| at + candidate.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_and_words() {
        let text = "an investment of 747,000 people";
        let at = text.find('7').unwrap();
        assert_eq!(word_before(text, at).0, "of");
        assert_eq!(word_after(text, text.find(" people").unwrap()).0, "people");
        assert_eq!(char_before("工作1", 6), Some('作'));
        assert!(ends_with_ignore_case("An Investment OF ", "of "));
        assert!(contains_ignore_case("Dozens Of copies", "dozens of"));
    }

    #[test]
    fn clause_stops_at_punctuation() {
        let text = "共26个,整治覆盖面达到100";
        let at = text.find("100").unwrap();
        assert_eq!(clause_before(text, at, 60), "整治覆盖面达到");
        assert_eq!(clause_before(text, at, 6), "达到");
    }
}
