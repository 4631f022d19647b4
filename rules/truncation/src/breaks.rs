//! Sentences cut in two: by a stray line break (often at a page break, with
//! blank lines between the halves), or by a stray full stop and line break
//! that leave an orphan fragment on a line of its own (`集体。/合同。/以及…`).

use crate::layout::Layout;
use crate::text::{
    Ending, closes_unopened_quote, ends_in_cut_enumeration, ends_in_one_character_clause,
    ends_with_dangling_word, head_fragment, is_opener, is_pause, is_terminal, is_word_char,
    leading_year, leaves_quote_open, starts_lowercase_word, starts_with_any,
    starts_with_one_character_clause, tail_fragment,
};
use crate::words::{CONNECTIVES, CONNECTIVES_AFTER_COMMA, PARAGRAPH_OPENERS};
use redline_core::script::{Script, is_han};
use redline_core::{BlockKind, Edit, Finding, Fix, RuleContext, Span};

/// How far back from a block's end, and forward from its start, quotes are
/// matched: the sentence around a break, not the whole paragraph.
const QUOTE_WINDOW_BYTES: usize = 240;

/// A numbered item is a stub when its sentence, after its number, is at
/// most this many characters long: `2、建立健全工会各项。`.
const MAX_STUB_CHARS: usize = 12;

/// The most bytes a character takes in UTF-8.
const MAX_UTF8_BYTES: usize = 4;

/// How sure the rule is that two blocks are halves of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// The first half cannot end there (`，`, `、`, an open quote, a cut
    /// enumeration) or the second cannot start a sentence (a lower-case
    /// word, a quote it never opened): joining them is safe.
    Certain,
    /// Chinese prose without a closing mark, followed by prose that does
    /// not open like a paragraph: probably one sentence, maybe a paragraph
    /// that lost its full stop.
    Likely,
}

/// What the end of a block says about the block after it.
enum Break {
    /// The sentence goes on in the next block.
    Split(Evidence),
    /// The block stops in mid-sentence and the next one does not go on
    /// with it: the rest of the sentence is lost.
    BrokenOff,
}

pub fn check(
    layout: &mut Layout<'_, '_>,
    max_fragment_chars: usize,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    for at in 1..layout.content.len().saturating_sub(1) {
        let (before, orphan, after) = (
            layout.content[at - 1],
            layout.content[at],
            layout.content[at + 1],
        );
        if layout.is_continued(before) {
            continue;
        }
        if let Some(join) = orphan_join(layout, before, orphan, after, max_fragment_chars) {
            report_orphan(layout, &join, context, findings);
            layout.mark_continued(before);
            layout.mark_continued(orphan);
        }
    }
    for at in 0..layout.content.len() {
        let first = layout.content[at];
        if layout.is_continued(first) {
            continue;
        }
        let second = layout.content.get(at + 1).copied();
        match classify(layout, first, second) {
            Some(Break::Split(evidence)) => {
                let second = second.expect("a split has a second half");
                report_split(layout, first, second, evidence, context, findings);
                layout.mark_continued(first);
            }
            Some(Break::BrokenOff) => {
                report_broken_off(layout, first, context, findings);
                layout.mark_continued(first);
            }
            None => {}
        }
    }
}

/// Whether block `first` ends a sentence that `second` (the next block
/// with words, if any) goes on with.
fn classify(layout: &Layout<'_, '_>, first: usize, second: Option<usize>) -> Option<Break> {
    let first_ending = layout.facts(first).ending;
    let cut_mid_sentence = matches!(first_ending, Ending::Pause | Ending::Opener);
    if !cut_mid_sentence && first_ending != Ending::Word {
        return None;
    }
    // The end of the file: the document-end check speaks for it.
    let second = second?;
    let first_text = layout.block_text(first);
    let second_block = layout.block(second);
    let second_text = layout.block_text(second);
    let opens_block = second_block.marker.is_some()
        || starts_with_any(second_text, PARAGRAPH_OPENERS)
        || leading_year(second_text).is_some();
    let lead = second_text.chars().next()?;
    let can_continue =
        !opens_block && (is_word_char(lead) || is_pause(lead) || is_opener(lead) || lead == '”');
    if !can_continue {
        return cut_mid_sentence.then_some(Break::BrokenOff);
    }

    let tail = last_sentence(window_before(first_text, QUOTE_WINDOW_BYTES));
    let head = window_after(second_text, QUOTE_WINDOW_BYTES);
    let latin = layout.block(first).script == Script::Latin;
    // Marks on the first half prove it is cut; marks on the second prove it
    // goes on from elsewhere.
    let first_is_cut = cut_mid_sentence
        || leaves_quote_open(tail.text, tail.whole)
        || ends_in_cut_enumeration(first_text)
        || ends_in_one_character_clause(first_text)
        || (latin && ends_with_dangling_word(first_text));
    let second_goes_on = is_pause(lead)
        || closes_unopened_quote(head)
        || starts_with_one_character_clause(second_text)
        || (starts_lowercase_word(second_text) && ends_in_letter(first_text));
    // A title line after a cut paragraph (the next document's title, a
    // heading without a number) goes on with nothing unless it shows so.
    let second_is_title = second_block.kind == BlockKind::Heading;
    if second_goes_on || (first_is_cut && !second_is_title) {
        return Some(Break::Split(Evidence::Certain));
    }
    if cut_mid_sentence {
        return Some(Break::BrokenOff);
    }

    // Without a mark that proves it, only prose running into prose counts:
    // a title line before or after, English (where a capital may well
    // start a sentence) or a writer who never closes paragraphs with a
    // full stop say nothing.
    let likely = layout.punctuates_paragraphs
        && layout.is_body(first)
        && !second_is_title
        && !latin
        && first_text.chars().next_back().is_some_and(is_hanzi_or_digit)
        && is_hanzi_or_digit(lead)
        // Prose has finished a sentence before; a long unnumbered title
        // with a comma in it has not.
        && first_text.contains(['。', '！', '？', '；']);
    likely.then_some(Break::Split(Evidence::Likely))
}

fn is_hanzi_or_digit(c: char) -> bool {
    is_han(c) || c.is_ascii_digit()
}

fn ends_in_letter(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// The end of a block from its last sentence mark on.
struct Tail<'a> {
    text: &'a str,
    /// Whether `text` starts where a sentence does (a mark was found), so
    /// that straight quotes in it pair up.
    whole: bool,
}

fn last_sentence(window: &str) -> Tail<'_> {
    match window.rfind(is_terminal) {
        Some(at) => {
            let mark = window[at..].chars().next().map_or(1, char::len_utf8);
            Tail {
                text: &window[at + mark..],
                whole: true,
            }
        }
        None => Tail {
            text: window,
            whole: false,
        },
    }
}

/// The last `bytes` of `text` (or all of it), cut at a character boundary.
fn window_before(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first `bytes` of `text` (or all of it), cut at a character boundary.
fn window_after(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The joint that fixes a split: nothing between Chinese halves, a space
/// between English words (`improve` + `the`, `improve,` + `the`).
fn joint(latin: bool, before: &str, after: &str) -> &'static str {
    let last = before.chars().next_back();
    let first = after.chars().next();
    match (last, first) {
        (Some(a), Some(b))
            if latin
                && (a.is_ascii_alphanumeric() || matches!(a, ',' | ';' | ':'))
                && (b.is_ascii_alphanumeric() || b == '"') =>
        {
            " "
        }
        _ => "",
    }
}

fn report_split(
    layout: &Layout<'_, '_>,
    first: usize,
    second: usize,
    evidence: Evidence,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    let first_span = layout.trimmed_span(first);
    let second_span = layout.trimmed_span(second);
    let first_text = layout.block_text(first);
    let second_text = layout.block_text(second);
    let fragment = tail_fragment(first_text, first_span.start);
    let continuation = head_fragment(second_text, second_span.start);
    let continuation_line = layout.line_number(second_span.start);
    let page_break = layout.block(second).lines.start > layout.block(first).lines.end;
    let message = if page_break {
        format!(
            "paragraph breaks off mid-sentence at a page break; the sentence goes on after the blank line, on line {continuation_line}"
        )
    } else {
        format!("stray line break splits a sentence; it goes on on line {continuation_line}")
    };
    // Halves across a page break read as two broken paragraphs; a single
    // stray break inside running text is a milder blemish.
    let finding = if page_break {
        context.finding(fragment, message)
    } else {
        context.tentative_finding(fragment, message)
    };
    let edits = vec![Edit::replace(
        Span::new(first_span.end, second_span.start),
        joint(
            layout.block(first).script == Script::Latin,
            first_text,
            second_text,
        ),
    )];
    let fix = match evidence {
        Evidence::Certain => Fix::safe(edits),
        Evidence::Likely => Fix::unsafe_edits(edits),
    };
    findings.push(
        finding
            .with_label(continuation, "the sentence goes on here")
            .with_help("join the two lines: remove the line break and any blank lines between them")
            .with_fix(fix),
    );
}

fn report_broken_off(
    layout: &Layout<'_, '_>,
    block: usize,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    let span = layout.trimmed_span(block);
    let text = layout.block_text(block);
    let fragment = tail_fragment(text, span.start);
    let last = text.chars().next_back().unwrap_or(' ');
    findings.push(
        context
            .finding(
                fragment,
                format!("paragraph breaks off mid-sentence, after `{last}`"),
            )
            .with_help("the rest of the sentence is missing: complete it, or end the sentence"),
    );
}

/// A sentence cut by a stray full stop and line break: `before` ends with
/// `。` in mid-sentence, `orphan` is a few characters and a `。`, `after`
/// goes on with the sentence.
struct OrphanJoin {
    /// The stray `。` at the end of the block before the orphan.
    first_stop: Span,
    /// The clause the stray `。` cuts off: `集体。`.
    cut_clause: Span,
    /// The orphan line, its `。` included: `合同。`.
    orphan: Span,
    /// The orphan's own `。`.
    second_stop: Span,
    /// Where the sentence goes on.
    after: Span,
    after_head: Span,
    /// What replaces the orphan's `。` and line break.
    second_joint: &'static str,
}

fn orphan_join(
    layout: &Layout<'_, '_>,
    before: usize,
    orphan: usize,
    after: usize,
    max_fragment_chars: usize,
) -> Option<OrphanJoin> {
    let orphan_block = layout.block(orphan);
    let after_block = layout.block(after);
    // Filters on what the sweep saw, before any text is read again.
    let longest_orphan = (max_fragment_chars + 1) * MAX_UTF8_BYTES;
    if orphan_block.kind != BlockKind::Paragraph
        || orphan_block.marker.is_some()
        || orphan_block.span.len() > longest_orphan
        || layout.facts(orphan).ending != Ending::Terminal
        || layout.facts(before).ending != Ending::Terminal
        || !is_han(layout.facts(after).first)
        || after_block.marker.is_some()
    {
        return None;
    }
    let orphan_text = layout.block_text(orphan);
    let orphan_words = orphan_text.strip_suffix('。')?;
    // Counted up to one past the limit: a long block is no orphan, and is
    // not read to its end to learn that.
    let orphan_chars = orphan_words.chars().take(max_fragment_chars + 1).count();
    if orphan_chars == 0 || orphan_chars > max_fragment_chars || !orphan_words.chars().all(is_han) {
        return None;
    }
    let before_text = layout.block_text(before);
    let before_words = before_text.strip_suffix('。')?;
    if !before_words.chars().next_back().is_some_and(is_han) {
        return None;
    }
    let after_text = layout.block_text(after);
    if !after_text.chars().next().is_some_and(is_han) {
        return None;
    }

    let before_span = layout.trimmed_span(before);
    let goes_on = starts_with_any(after_text, CONNECTIVES);
    let cut_enumeration = ends_with_short_enumerated_item(before_words);
    let stub = is_stub_item(layout, before);
    if !(goes_on || cut_enumeration || stub) {
        return None;
    }

    let first_stop_start = before_span.start + before_words.len();
    let cut_start = before_words
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .take(8)
        .last()
        .map_or(before_words.len(), |(index, _)| index);
    let orphan_span = layout.trimmed_span(orphan);
    let second_stop_start = orphan_span.start + orphan_words.len();
    let after_span = layout.trimmed_span(after);
    let second_joint = if goes_on && !starts_with_any(after_text, CONNECTIVES_AFTER_COMMA) {
        ""
    } else {
        "，"
    };
    Some(OrphanJoin {
        first_stop: Span::new(first_stop_start, first_stop_start + '。'.len_utf8()),
        cut_clause: Span::new(
            before_span.start + cut_start,
            first_stop_start + '。'.len_utf8(),
        ),
        orphan: orphan_span,
        second_stop: Span::new(second_stop_start, second_stop_start + '。'.len_utf8()),
        after: after_span,
        after_head: head_fragment(after_text, after_span.start),
        second_joint,
    })
}

/// `…推行平等协商、集体`: the last enumerated item is one or two characters.
fn ends_with_short_enumerated_item(text: &str) -> bool {
    let item: usize = text
        .chars()
        .rev()
        .take(3)
        .take_while(|&c| is_han(c))
        .count();
    (1..=2).contains(&item)
        && text
            .chars()
            .rev()
            .nth(item)
            .is_some_and(|c| matches!(c, '、' | '､'))
}

/// The block is a numbered item of one short sentence with no pause in
/// it: `2、建立健全工会各项。`.
fn is_stub_item(layout: &Layout<'_, '_>, index: usize) -> bool {
    let block = layout.block(index);
    let (Some(marker), [sentence]) = (block.marker, layout.document.block_sentences(block)) else {
        return false;
    };
    let start = marker.span.end.min(sentence.span.end);
    let text = &layout.text[start..sentence.span.end];
    text.chars().take(MAX_STUB_CHARS + 2).count() <= MAX_STUB_CHARS + 1 && !text.contains(is_pause)
}

fn report_orphan(
    layout: &Layout<'_, '_>,
    join: &OrphanJoin,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    let orphan_text = &layout.text[join.orphan.range()];
    let cut_text = &layout.text[join.cut_clause.range()];
    let fix = Fix::unsafe_edits(vec![
        Edit::delete(Span::new(join.first_stop.start, join.orphan.start)),
        Edit::replace(
            Span::new(join.second_stop.start, join.after.start),
            join.second_joint,
        ),
    ]);
    findings.push(
        context
            .finding(
                join.cut_clause,
                format!(
                    "stray full stop and line break split a sentence: `{cut_text}` goes on with `{orphan_text}` on the next line"
                ),
            )
            .with_label(join.orphan, "the sentence goes on here")
            .with_help("remove the full stops and line breaks that cut the sentence into lines")
            .with_fix(fix),
    );
    findings.push(
        context
            .finding(
                join.orphan,
                format!("orphan fragment `{orphan_text}` belongs to the sentence before it"),
            )
            .with_label(join.after_head, "and the sentence goes on here"),
    );
}
