//! Marks out of place in the layout: a line holding nothing but a full
//! stop, a mark right after a numbering marker, and a list marker that lost
//! its opening bracket.

use crate::chars::{char_at, ends_complete, span_of};
use crate::sink::Sink;
use redline_core::{Block, Document, Edit, Fix, MarkerStyle, Span};

/// Marks that make a stray line when nothing else is on it.
fn is_stray_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '．' | '.' | '，' | ',' | '、' | '；' | ';' | '：' | ':' | '！' | '!' | '？' | '?'
    )
}

/// `。` alone on a line, left between two pasted samples. Returns whether
/// the block holds nothing else; the lines reported go to `reported` (in
/// order), for the scans to skip.
///
/// After a complete line the mark is a stray, and the fix deletes its line
/// (safe). After an unfinished one it may be that line's end, wrapped: the
/// fix joins it to the line (unsafe).
pub(crate) fn lone_marks(
    sink: &mut Sink<'_>,
    document: &Document<'_>,
    block: &Block,
    reported: &mut Vec<Span>,
) -> bool {
    reported.clear();
    let index = document.line_index();
    let text = sink.text;
    let mut all_lone = true;
    for line in block.lines.clone() {
        let content = index.line_span(text, line);
        let body = &text[content.range()];
        let mark = body.trim();
        // One or two marks (three bytes at most each): a longer run
        // (`...`) is an ellipsis or a rule.
        let is_lone = mark.len() <= 6
            && mark.chars().count() <= 2
            && mark != ".."
            && mark.chars().all(is_stray_mark);
        if !is_lone {
            all_lone &= mark.is_empty();
            continue;
        }
        let start = content.start + (body.len() - body.trim_start().len());
        let span = Span::new(start, start + mark.len());
        reported.push(span);
        let previous = (0..line)
            .rev()
            .map(|earlier| index.line_span(text, earlier))
            .find(|earlier| !text[earlier.range()].trim().is_empty());
        // A lone mark after another lone line goes with it.
        let previous_complete = previous.is_none_or(|earlier| {
            let earlier = text[earlier.range()].trim();
            earlier.chars().all(is_stray_mark)
                || earlier.chars().next_back().is_none_or(ends_complete)
        });
        let fix = match previous {
            Some(earlier) if !previous_complete => {
                Fix::unsafe_edits(vec![Edit::delete(Span::new(earlier.end, start))])
            }
            _ => Fix::safe(vec![Edit::delete(index.line_span_with_terminator(line))]),
        };
        let finding = sink
            .context
            .finding(span, format!("line holds nothing but `{mark}`"))
            .with_help(if previous_complete {
                "delete the line: it is left over from copying the text"
            } else {
                "join it to the line before, or delete it"
            })
            .with_fix(fix);
        sink.push(finding);
    }
    all_lone
}

/// Numbering styles after which a mark is a mistake: all but the
/// in-sentence ones (`一是`, `The second is`) and the English words that
/// carry their own comma (`First,`).
fn takes_no_mark_after(style: MarkerStyle) -> bool {
    !matches!(
        style,
        MarkerStyle::ChineseShi
            | MarkerStyle::EnglishOrdinalPhrase
            | MarkerStyle::EnglishOrdinal
            | MarkerStyle::EnglishNumberWord
            | MarkerStyle::Markdown
    )
}

/// `一、。` or `1、、`: a mark right after the numbering marker. Returns
/// the offset from which the block's clause marks may start a doubled
/// run: past the marker, and past the stray mark when there is one, which
/// goes first in `reported` for the scans to skip.
pub(crate) fn mark_after_marker(
    sink: &mut Sink<'_>,
    block: &Block,
    reported: &mut Vec<Span>,
) -> usize {
    let Some(marker) = block.marker else {
        return block.span.start;
    };
    let after = marker.span.end;
    // A colon may introduce the title: `第一章：总则`, `Part One: Review`.
    let Some(mark) = char_at(sink.text, after)
        .filter(|&c| is_stray_mark(c) && !matches!(c, ':' | '：' | '!' | '！' | '?' | '？'))
    else {
        return after;
    };
    if !takes_no_mark_after(marker.style) {
        return after;
    }
    let span = span_of(after, mark);
    let numbering = sink.slice(marker.span);
    let finding = sink
        .context
        .finding(
            span,
            format!("`{mark}` directly after the numbering marker `{numbering}`"),
        )
        .with_help("delete it: the marker carries its own punctuation")
        .with_fix(Fix::safe(vec![Edit::delete(span)]));
    sink.push(finding);
    // Lone lines never hold a marker, so this span comes before them.
    reported.insert(0, span);
    span.end
}

/// How far to look for the neighbouring items of a list.
const LIST_NEIGHBOURHOOD: usize = 8;

/// `3)` between `(2)` and `(4)`: the item lost its opening bracket.
pub(crate) fn lost_opening_brackets(sink: &mut Sink<'_>, document: &Document<'_>) {
    let blocks = document.blocks();
    for (index, block) in blocks.iter().enumerate() {
        let Some(marker) = block
            .marker
            .filter(|marker| marker.style == MarkerStyle::ArabicHalfParen)
        else {
            continue;
        };
        let previous = blocks[..index]
            .iter()
            .rev()
            .take(LIST_NEIGHBOURHOOD)
            .find_map(|block| block.marker);
        let next = blocks[index + 1..]
            .iter()
            .take(LIST_NEIGHBOURHOOD)
            .find_map(|block| block.marker);
        let Some(bracketed) = [previous, next].into_iter().flatten().find(|neighbour| {
            neighbour.style == MarkerStyle::ArabicParen
                && neighbour.ordinal.abs_diff(marker.ordinal) == 1
        }) else {
            continue;
        };
        let found = sink.slice(marker.span);
        let neighbour = sink.slice(bracketed.span);
        let opener = if found.ends_with('）') { "（" } else { "(" };
        let finding = sink
            .context
            .finding(
                marker.span,
                format!("list marker `{found}` has no opening bracket; the item next to it is `{neighbour}`"),
            )
            .with_help(format!("write `{opener}{found}`"))
            .with_fix(Fix::unsafe_edits(vec![Edit::replace(
                Span::new(marker.span.start, marker.span.start),
                opener,
            )]));
        sink.push(finding);
    }
}
