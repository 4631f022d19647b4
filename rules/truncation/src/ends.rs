//! Documents that stop in mid-sentence, and sections that stop before they
//! start (a heading with nothing under it).

use crate::layout::Layout;
use crate::text::{Ending, ending, has_words, tail_fragment};
use redline_core::script::{Script, dominant_script, is_blank};
use redline_core::{BlockKind, Finding, MarkerStyle, Part, RuleContext, Span};

/// A trailing line this short, with no sentence punctuation, is taken for a
/// signature, a date, a site's navigation label: not the document's text.
const MAX_HAN_TRAILER_CHARS: usize = 25;
const MAX_LATIN_TRAILER_CHARS: usize = 60;

/// A section heading followed by at most this many bodiless siblings in a
/// row is an empty section; a longer run is a list of short items.
const MAX_EMPTY_RUN: usize = 2;

pub fn check_document_ends(
    layout: &Layout<'_, '_>,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    for part in layout.document.parts() {
        let Some((block, line)) = last_content_line(layout, part) else {
            continue;
        };
        let is_block_end = line.end >= layout.trimmed_span(block).end;
        if is_block_end && layout.is_continued(block) {
            continue;
        }
        let text = &layout.text[line.range()];
        let fragment = tail_fragment(text, line.start);
        let finding = match ending(text) {
            Ending::Terminal => continue,
            Ending::Pause | Ending::Semicolon | Ending::Colon | Ending::Opener => {
                let last = text.chars().next_back().unwrap_or(' ');
                context
                    .finding(
                        fragment,
                        format!("document ends mid-sentence, after `{last}`"),
                    )
                    .with_help("the rest of the document is missing: restore it, or finish the last sentence")
            }
            // A writer who never closes paragraphs with a mark did not
            // forget it here either.
            Ending::Word | Ending::ClosedWord | Ending::Other if !layout.punctuates_paragraphs => {
                continue;
            }
            Ending::Word | Ending::ClosedWord | Ending::Other => context
                .tentative_finding(
                    fragment,
                    "document ends without a closing mark: its last sentence may be cut off",
                )
                .with_help(
                    "check that nothing is missing, and end the last sentence with a full stop",
                ),
        };
        findings.push(finding);
    }
}

/// The last line of `part` that belongs to the text: trailing signatures,
/// dates, links and lines without words are passed over.
fn last_content_line(layout: &Layout<'_, '_>, part: &Part) -> Option<(usize, Span)> {
    let index = layout.document.line_index();
    for block in part.blocks.clone().rev() {
        for line in layout.block(block).lines.clone().rev() {
            let span = index.line_span(layout.text, line);
            let raw = &layout.text[span.range()];
            let trimmed_start = raw.trim_start_matches(is_blank);
            let trimmed = trimmed_start.trim_end_matches(is_blank);
            let start = span.start + (raw.len() - trimmed_start.len());
            // A heading's number is no sentence punctuation: `三、强化考核`
            // is judged by `强化考核`.
            let after_marker = layout
                .block(block)
                .marker
                .filter(|marker| marker.span.start == start)
                .and_then(|marker| trimmed.get(marker.span.end - start..))
                .unwrap_or(trimmed);
            if !has_words(trimmed) || is_trailer(after_marker) {
                continue;
            }
            return Some((block, Span::new(start, start + trimmed.len())));
        }
    }
    None
}

/// A line that closes a page rather than a sentence: a link, or a short
/// line with no sentence punctuation (a signature, a date, `推荐专题`,
/// `Forestry Bureau of Lincang City`, `December 30, 2020`).
fn is_trailer(line: &str) -> bool {
    if line.contains("://") || line.contains("www.") {
        return true;
    }
    if ending(line).is_mid_sentence() {
        return false;
    }
    match dominant_script(line) {
        Script::Latin => {
            line.chars().count() <= MAX_LATIN_TRAILER_CHARS
                && !line.contains([';', '!', '?'])
                && !line
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(is_prose_word)
        }
        Script::Han | Script::Other => {
            line.chars().count() <= MAX_HAN_TRAILER_CHARS
                && !line.contains(['，', ',', '；', ';', '。', '！', '？', '!', '?', '、'])
        }
    }
}

/// A lower-case English word of four letters or more: signatures and dates
/// are names and numbers, with only short words (`of`, `the`) between.
fn is_prose_word(word: &str) -> bool {
    word.len() >= 4 && word.starts_with(|c: char| c.is_ascii_lowercase())
}

/// A numbered heading or item in a part.
struct Numbered {
    block: usize,
    style: MarkerStyle,
    level: u8,
    has_body: bool,
    /// Reads like a section title (no closing mark), not like an item.
    is_title: bool,
}

pub fn check_empty_sections(
    layout: &Layout<'_, '_>,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    let mut numbered: Vec<Numbered> = Vec::new();
    for part in layout.document.parts() {
        numbered.clear();
        let from = layout.content.partition_point(|&b| b < part.blocks.start);
        let to = layout.content.partition_point(|&b| b < part.blocks.end);
        let content = &layout.content[from..to];
        for (at, &block_index) in content.iter().enumerate() {
            let block = layout.block(block_index);
            let Some(marker) = block.marker.filter(|m| !is_inline(m.style)) else {
                continue;
            };
            let titled_alone = block.kind == BlockKind::Heading && !layout.is_body(block_index);
            let has_body = !titled_alone
                || content.get(at + 1).is_some_and(|&next| {
                    layout.block(next).marker.is_none_or(|next_marker| {
                        is_inline(next_marker.style) || next_marker.level > marker.level
                    })
                });
            let is_title = !matches!(
                layout.facts(block_index).ending,
                Ending::Terminal | Ending::Semicolon
            );
            numbered.push(Numbered {
                block: block_index,
                style: marker.style,
                level: marker.level,
                has_body,
                is_title,
            });
        }
        let last_content = content.last().copied();
        for (at, entry) in numbered.iter().enumerate() {
            if entry.has_body || !entry.is_title {
                continue;
            }
            let is_sibling =
                |other: &&Numbered| other.style == entry.style && other.level == entry.level;
            let siblings_have_bodies = numbered
                .iter()
                .filter(is_sibling)
                .any(|other| other.has_body);
            if !siblings_have_bodies {
                continue;
            }
            let run_before = numbered[..at]
                .iter()
                .rev()
                .filter(is_sibling)
                .take_while(|other| !other.has_body)
                .count();
            let run_after = numbered[at + 1..]
                .iter()
                .filter(is_sibling)
                .take_while(|other| !other.has_body)
                .count();
            if run_before + 1 + run_after > MAX_EMPTY_RUN {
                continue;
            }
            let heading_title = layout
                .heading(entry.block)
                .map_or(layout.trimmed_span(entry.block), |heading| heading.title);
            let span = layout.trimmed_span(entry.block);
            let title = &layout.text[heading_title.range()];
            let message = if last_content == Some(entry.block) {
                format!("section `{title}` is empty: the document ends right after its heading")
            } else {
                format!("section `{title}` is empty: the next heading follows right after it")
            };
            findings.push(
                context
                    .finding(span, message)
                    .with_help("write the section's content, or remove its heading"),
            );
        }
    }
}

fn is_inline(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::ChineseShi | MarkerStyle::EnglishOrdinalPhrase
    )
}
