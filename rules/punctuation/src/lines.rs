//! Grouping a paragraph's findings by line.

use redline_core::{Block, Document};

/// Calls `report` with the items of each line of `block`, in order; the
/// items are sorted by their offset `at`.
pub(crate) fn for_each_line<T>(
    document: &Document<'_>,
    block: &Block,
    items: &[T],
    at: impl Fn(&T) -> usize,
    mut report: impl FnMut(&[T]),
) {
    let index = document.line_index();
    let mut rest = items;
    for line in block.lines.clone() {
        if rest.is_empty() {
            return;
        }
        let end = index.line_span_with_terminator(line).end;
        let on_line = rest.iter().take_while(|item| at(item) < end).count();
        if on_line > 0 {
            report(&rest[..on_line]);
        }
        rest = &rest[on_line..];
    }
    if !rest.is_empty() {
        report(rest);
    }
}
