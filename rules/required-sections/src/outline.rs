//! Where each section of one document is: found by its heading first,
//! then, for the built-in sections, by the phrases that open it in
//! paragraphs, a closing list of things to do, or the account of the work
//! that fills a summary before its later sections.

use crate::phrasing::{Phrases, prefix_bytes};
use crate::profile::{Phrasing, Section};
use crate::words::SectionWords;
use redline_core::{Block, BlockKind, Document, Heading, MarkerStyle, Span};
use std::ops::Range;

/// How a section was recognised; decides how sure a finding about it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A heading naming it.
    Heading,
    /// A paragraph opening with its name (`下步主要工作:`).
    Label,
    /// A stock phrase in a paragraph.
    Phrase,
    /// A restarted list of things still to do.
    List,
    /// The body of the summary before its later sections.
    Body,
}

/// Where a section starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub block: usize,
    /// The heading title, label, phrase or first sentence to point at.
    pub span: Span,
    pub via: Via,
    /// A heading with nothing under it.
    pub empty: bool,
}

/// The blocks of one document the rule reads.
pub struct Scope {
    /// From the first block after the title to the end of the document.
    pub body: Range<usize>,
    /// The opening paragraph: it previews every section, so its phrases
    /// are not taken for the sections themselves.
    pub opening: Option<usize>,
}

/// The rule's compiled matchers.
pub struct Matchers<'a> {
    pub sections: &'a [Section],
    pub words: &'a SectionWords,
    pub phrases: &'a Phrases,
}

/// A label naming a section is at most this many bytes before its colon
/// (`下步主要工作:`, `存在的问题：`): 20 Chinese characters.
const MAX_LABEL_BYTES: usize = 60;
/// Body blocks that make an unheaded account of the work.
const MIN_ACHIEVEMENT_BLOCKS: usize = 2;
/// A later sentence of a block names a section by its opening words only
/// in the last blocks of a document, where problems and plans close it;
/// earlier, `下一步,我们将…` is the next step of one piece of work.
const CLOSING_BLOCKS: usize = 3;
/// Items of a restarted list that can be a plan.
const MIN_PLAN_ITEMS: usize = 2;

/// Where each section starts in the document `scope`, in profile order.
pub fn locate(
    document: &Document<'_>,
    scope: &Scope,
    matchers: &Matchers<'_>,
) -> Vec<Option<Found>> {
    let sections = matchers.sections;
    let mut found: Vec<Option<Found>> = vec![None; sections.len()];
    let blocks = document.blocks();
    let top_level = scope
        .body
        .clone()
        .filter_map(|index| blocks[index].marker)
        .filter(|marker| !is_inline(marker.style))
        .map(|marker| marker.level)
        .min();
    let phrased: Vec<usize> = (0..sections.len())
        .filter(|&index| {
            matches!(
                sections[index].phrasing,
                Phrasing::Problems | Phrasing::Plans | Phrasing::Lessons
            )
        })
        .collect();

    // Headings are sorted by block: walk them alongside the blocks.
    let headings = document.headings();
    let mut next_heading = headings.partition_point(|heading| heading.block < scope.body.start);
    for index in scope.body.clone() {
        let block = &blocks[index];
        let heading = headings
            .get(next_heading)
            .filter(|heading| heading.block == index);
        next_heading += usize::from(heading.is_some());
        if let Some(heading) = heading.filter(|heading| counts_as_section(heading, top_level)) {
            let title = document.slice(heading.title);
            matchers.words.each_in(title, |section, _| {
                found[section].get_or_insert_with(|| Found {
                    block: index,
                    span: heading.title,
                    via: Via::Heading,
                    empty: is_empty(document, heading, scope.body.end),
                });
            });
            if !heading.run_in {
                continue;
            }
        } else if heading.is_none_or(|heading| heading.run_in) {
            if let Some(label) = label_span(document, block) {
                matchers.words.each_in(document.slice(label), |section, _| {
                    found[section].get_or_insert(Found {
                        block: index,
                        span: label,
                        via: Via::Label,
                        empty: false,
                    });
                });
            }
        }
        if Some(index) == scope.opening || phrased.iter().all(|&section| found[section].is_some()) {
            continue;
        }
        find_phrases(document, scope, index, matchers, &phrased, &mut found);
    }

    for (index, section) in sections.iter().enumerate() {
        if found[index].is_none() && section.phrasing == Phrasing::Plans {
            found[index] = closing_plan_list(document, scope, matchers.phrases);
        }
    }
    for (index, section) in sections.iter().enumerate() {
        if found[index].is_none() && section.phrasing == Phrasing::Achievements {
            let later = found[index + 1..]
                .iter()
                .flatten()
                .map(|later| later.block)
                .min()
                .unwrap_or(scope.body.end);
            found[index] = account_of_work(document, scope, later);
        }
    }
    found
}

fn is_inline(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::ChineseShi | MarkerStyle::EnglishOrdinalPhrase
    )
}

fn heading_of<'d>(document: &'d Document<'_>, block: usize) -> Option<&'d Heading> {
    let headings = document.headings();
    headings
        .binary_search_by_key(&block, |heading| heading.block)
        .ok()
        .map(|at| &headings[at])
}

/// Section headings are the document's top-level headings, the level
/// below them (`一、上半年工作 (一)存在的问题`), and unnumbered title lines;
/// deeper items (`1、问题整改`) are work, not sections.
fn counts_as_section(heading: &Heading, top_level: Option<u8>) -> bool {
    match heading.marker {
        None => true,
        Some(marker) => top_level.is_none_or(|top| marker.level <= top.saturating_add(1)),
    }
}

/// A heading whose section ends before any text: the next block is a
/// heading of the same or a higher level, or the document ends.
fn is_empty(document: &Document<'_>, heading: &Heading, end: usize) -> bool {
    if heading.run_in {
        return false;
    }
    let next = heading.block + 1;
    if next >= end {
        return true;
    }
    match heading_of(document, next) {
        None => false,
        Some(following) => match (heading.marker, following.marker) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(own), Some(other)) => other.level <= own.level && !is_inline(other.style),
        },
    }
}

/// `下步主要工作:` or `存在的问题：一是…`: the words before an early colon
/// of a paragraph, after its numbering.
fn label_span(document: &Document<'_>, block: &Block) -> Option<Span> {
    let start = block
        .marker
        .map_or(block.span.start, |marker| marker.span.end);
    let text = document.slice(Span::new(start, block.span.end));
    let window = prefix_bytes(text, MAX_LABEL_BYTES + 3);
    let colon = window.find([':', '：'])?;
    let label = text[..colon].trim();
    let leading = text[..colon].len() - text[..colon].trim_start().len();
    (!label.is_empty()).then(|| Span::new(start + leading, start + leading + label.len()))
}

fn find_phrases(
    document: &Document<'_>,
    scope: &Scope,
    index: usize,
    matchers: &Matchers<'_>,
    phrased: &[usize],
    found: &mut [Option<Found>],
) {
    let blocks = document.blocks();
    let block = &blocks[index];
    let sentences = document.block_sentences(block);
    let closing = index + CLOSING_BLOCKS >= scope.body.end;
    let read = if closing { sentences.len() } else { 1 };
    for (position, sentence) in sentences.iter().enumerate().take(read) {
        let text = document.slice(sentence.span);
        // Skip the numbering so that `一是存在…` reads as `存在…`.
        let skip = sentence
            .marker
            .filter(|_| position > 0)
            .or(block.marker.filter(|_| position == 0))
            .map_or(0, |marker| {
                marker.span.end.saturating_sub(sentence.span.start)
            });
        let skip = skip.min(text.len());
        let text = &text[skip..];
        for &section in phrased {
            if found[section].is_some() {
                continue;
            }
            let phrasing = matchers.sections[section].phrasing;
            let Some(range) = matchers.phrases.find(phrasing, text, position == 0) else {
                continue;
            };
            if phrasing == Phrasing::Problems {
                let is_last = position + 1 == sentences.len();
                let list_follows = blocks
                    .get(index + 1)
                    .filter(|_| index + 1 < scope.body.end)
                    .is_some_and(|next| next.marker.is_some());
                if is_last && !list_follows && !matchers.phrases.describes(&text[range.end..]) {
                    // Named in passing (`但也还存在一些问题。`), never described.
                    continue;
                }
            }
            let start = sentence.span.start + skip;
            found[section] = Some(Found {
                block: index,
                span: Span::new(start + range.start, start + range.end),
                via: Via::Phrase,
                empty: false,
            });
        }
    }
}

/// A list restarted near the end of a summary whose items are all still
/// to do: the plan, its heading lost. Lists restart in a summary when a
/// heading between them was lost; only the list of things to do reads as
/// a plan (`继续…`, `进一步…`, no `了`).
fn closing_plan_list(document: &Document<'_>, scope: &Scope, phrases: &Phrases) -> Option<Found> {
    let blocks = document.blocks();
    // The highest ordinal each style has reached in this document.
    let mut reached: Vec<(MarkerStyle, u32)> = Vec::new();
    let mut plan = None;
    let mut index = scope.body.start;
    while index < scope.body.end {
        let block = &blocks[index];
        let Some(marker) = block.marker else {
            note_inline_markers(document, block, &mut reached);
            index += 1;
            continue;
        };
        let restarted = marker.ordinal == 1
            && reached
                .iter()
                .any(|&(style, ordinal)| style == marker.style && ordinal >= 2);
        let mut end = index + 1;
        while end < scope.body.end
            && blocks[end]
                .marker
                .is_some_and(|next| next.style == marker.style && next.ordinal > 1)
        {
            end += 1;
        }
        if restarted && is_plan_list(document, &blocks[index..end], phrases) {
            let first = document.block_sentences(block).first()?;
            plan = Some(Found {
                block: index,
                span: first.span,
                via: Via::List,
                empty: false,
            });
            break;
        }
        for block in &blocks[index..end] {
            note_inline_markers(document, block, &mut reached);
        }
        index = end;
    }
    plan
}

/// Records the block's own marker and the enumerations inside it.
fn note_inline_markers(
    document: &Document<'_>,
    block: &Block,
    reached: &mut Vec<(MarkerStyle, u32)>,
) {
    let markers = block.marker.into_iter().chain(
        document
            .block_sentences(block)
            .iter()
            .skip(1)
            .filter_map(|sentence| sentence.marker),
    );
    for marker in markers {
        match reached.iter_mut().find(|(style, _)| *style == marker.style) {
            Some((_, ordinal)) => *ordinal = (*ordinal).max(marker.ordinal),
            None => reached.push((marker.style, marker.ordinal)),
        }
    }
}

fn is_plan_list(document: &Document<'_>, items: &[Block], phrases: &Phrases) -> bool {
    let texts: Vec<&str> = if items.len() == 1 {
        // One paragraph of `一是…;二是…`: its enumerated sentences.
        let block = &items[0];
        let sentences = document.block_sentences(block);
        let mut starts: Vec<usize> = sentences
            .iter()
            .enumerate()
            .filter(|(position, sentence)| *position == 0 || sentence.marker.is_some())
            .map(|(_, sentence)| sentence.span.start)
            .collect();
        starts.push(block.span.end);
        starts
            .windows(2)
            .map(|pair| document.slice(Span::new(pair[0], pair[1])))
            .collect()
    } else {
        items
            .iter()
            .map(|block| document.slice(block.span))
            .collect()
    };
    texts.len() >= MIN_PLAN_ITEMS
        && !texts.iter().any(|item| Phrases::is_done_item(item))
        && texts.iter().any(|item| phrases.is_prospective_item(item))
}

/// The account of the work: the body blocks before the first later
/// section, past the opening paragraph.
fn account_of_work(document: &Document<'_>, scope: &Scope, later: usize) -> Option<Found> {
    let blocks = document.blocks();
    let mut account = (scope.body.start..later.min(scope.body.end))
        .filter(|&index| Some(index) != scope.opening)
        .filter(|&index| {
            blocks[index].kind == BlockKind::Paragraph || blocks[index].marker.is_some()
        });
    let first = account.next()?;
    if account.count() + 1 < MIN_ACHIEVEMENT_BLOCKS {
        return None;
    }
    let span = document
        .block_sentences(&blocks[first])
        .first()
        .map_or(blocks[first].span, |sentence| sentence.span);
    Some(Found {
        block: first,
        span,
        via: Via::Body,
        empty: false,
    })
}
