//! Small helpers for looking around a byte offset.

/// The character starting at byte `at`, if any.
pub(crate) fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The character ending at byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// End of the run of characters satisfying `belongs` that starts at `at`.
pub(crate) fn run_end(text: &str, at: usize, belongs: impl Fn(char) -> bool) -> usize {
    let rest = &text[at..];
    at + rest.len() - rest.trim_start_matches(belongs).len()
}
