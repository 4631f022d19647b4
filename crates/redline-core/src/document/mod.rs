//! The document model: built in one pass per file and shared by all rules.

pub mod markers;
mod parts;
mod sentences;

use crate::line_index::char_count;
use crate::script::{Script, dominant_script, is_blank};
use crate::{LineIndex, SourceFile, Span};
pub use markers::{Marker, MarkerStyle, parse_marker};
pub use parts::Part;
use std::ops::Range;
use std::path::Path;

/// Lines longer than this (in characters) are paragraphs on their own:
/// hard-wrapped prose stays below it, one-paragraph-per-line text does not.
const LONG_LINE_CHARS: usize = 80;

/// A heading's title is at most this many characters of Chinese text …
const MAX_HAN_TITLE_CHARS: usize = 40;
/// … or of English text.
const MAX_LATIN_TITLE_CHARS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A heading: a numbered title, or a short title line.
    Heading,
}

/// A paragraph or heading: a run of non-blank lines, or a single line when
/// the file writes one paragraph per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// From the first character of the first line to the end of the last
    /// line's content, terminators excluded.
    pub span: Span,
    /// 0-based indices of the lines it covers.
    pub lines: Range<usize>,
    pub script: Script,
    /// The numbering marker it opens with, spans absolute.
    pub marker: Option<Marker>,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// A heading, found by its numbering marker or as a short title line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Index into [`Document::blocks`].
    pub block: usize,
    pub marker: Option<Marker>,
    /// The title text after the marker, without trailing punctuation: for a
    /// run-in heading (`1、工会组建工作。到5月底,…`) only its first sentence.
    pub title: Span,
    /// 0 for an unnumbered title line, else the marker's level.
    pub level: u8,
    /// Body text follows the title inside the same block.
    pub run_in: bool,
}

/// A sentence; `marker` is set when it opens with an in-paragraph
/// enumeration (`二是…`, `The second is…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub marker: Option<Marker>,
}

/// One parsed file.
#[derive(Debug)]
pub struct Document<'a> {
    source: &'a SourceFile,
    blocks: Vec<Block>,
    headings: Vec<Heading>,
    sentences: Vec<Sentence>,
    parts: Vec<Part>,
    paragraph_per_line: bool,
}

impl<'a> Document<'a> {
    pub fn parse(source: &'a SourceFile) -> Self {
        let text = source.text();
        let index = source.lines();
        let line_spans: Vec<Span> = (0..index.line_count())
            .map(|line| index.line_span(text, line))
            .collect();
        let paragraph_per_line = is_paragraph_per_line(text, &line_spans);

        let mut document = Document {
            source,
            blocks: Vec::new(),
            headings: Vec::new(),
            sentences: Vec::new(),
            parts: Vec::new(),
            paragraph_per_line,
        };
        for lines in block_line_ranges(text, &line_spans, paragraph_per_line) {
            document.push_block(&line_spans, lines);
        }
        document.parts = parts::split(&document);
        document
    }

    fn push_block(&mut self, line_spans: &[Span], lines: Range<usize>) {
        let text = self.source.text();
        let first = line_spans[lines.start];
        let leading_blank = first.len() - trim_blank_start(&text[first.range()]).len();
        let span = Span::new(first.start + leading_blank, line_spans[lines.end - 1].end);
        let block_text = &text[span.range()];
        let marker = parse_marker(block_text).map(|marker| Marker {
            span: marker.span.shift(span.start),
            ..marker
        });

        let sentences_start = self.sentences.len();
        sentences::for_each_sentence(block_text, |sentence| {
            let sentence = sentence.shift(span.start);
            // The block's own marker is recorded once, on the block; later
            // sentences carry only in-paragraph enumerations.
            let marker = if self.sentences.len() == sentences_start {
                marker.filter(|m| is_inline_style(m.style))
            } else {
                parse_marker(&text[sentence.range()])
                    .filter(|m| is_inline_style(m.style))
                    .map(|m| Marker {
                        span: m.span.shift(sentence.start),
                        ..m
                    })
            };
            self.sentences.push(Sentence {
                span: sentence,
                marker,
            });
        });
        let sentences = sentences_start..self.sentences.len();
        let script = dominant_script(block_text);

        let block_index = self.blocks.len();
        let heading = self.detect_heading(block_index, span, marker, script, &sentences, &lines);
        let kind = if heading.is_some() {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        self.headings.extend(heading);
        self.blocks.push(Block {
            kind,
            span,
            lines,
            script,
            marker,
            sentences,
        });
    }

    fn detect_heading(
        &self,
        block: usize,
        span: Span,
        marker: Option<Marker>,
        script: Script,
        sentences: &Range<usize>,
        lines: &Range<usize>,
    ) -> Option<Heading> {
        let text = self.source.text();
        let max_chars = match script {
            Script::Latin => MAX_LATIN_TITLE_CHARS,
            Script::Han | Script::Other => MAX_HAN_TITLE_CHARS,
        };
        match marker {
            Some(marker) if !is_inline_style(marker.style) => {
                let first_sentence = self.sentences.get(sentences.start)?.span;
                // `1、招商引资:今年…` titles its section with the words
                // before the colon.
                let after_marker = &text[marker.span.end..first_sentence.end];
                let title_end = after_marker
                    .find([':', '：'])
                    .map_or(first_sentence.end, |colon| marker.span.end + colon);
                let title = trim_title(text, Span::new(marker.span.end, title_end));
                if title.is_empty() || char_count(&text[title.range()]) > max_chars {
                    return None;
                }
                Some(Heading {
                    block,
                    marker: Some(marker),
                    title,
                    level: marker.level,
                    run_in: text[title_end..span.end]
                        .chars()
                        .any(|c| c.is_alphanumeric()),
                })
            }
            Some(_) => None,
            None => {
                let body = &text[span.range()];
                let is_title_line = lines.len() == 1
                    && char_count(body) <= max_chars
                    && !ends_like_sentence(body)
                    && !body.contains([',', '，', ';', '；', '。'])
                    && body.chars().any(|c| c.is_alphabetic());
                is_title_line.then(|| Heading {
                    block,
                    marker: None,
                    title: trim_title(text, span),
                    level: 0,
                    run_in: false,
                })
            }
        }
    }

    pub fn source(&self) -> &'a SourceFile {
        self.source
    }

    pub fn path(&self) -> &'a Path {
        self.source.path()
    }

    pub fn text(&self) -> &'a str {
        self.source.text()
    }

    pub fn line_index(&self) -> &'a LineIndex {
        self.source.lines()
    }

    /// The text of `span`.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.source.text()[span.range()]
    }

    /// Content spans of every line, terminators excluded.
    pub fn lines(&self) -> impl Iterator<Item = Span> + '_ {
        let index = self.source.lines();
        (0..index.line_count()).map(|line| index.line_span(self.text(), line))
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    pub fn headings(&self) -> &[Heading] {
        &self.headings
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The sentences of one block.
    pub fn block_sentences(&self, block: &Block) -> &[Sentence] {
        &self.sentences[block.sentences.clone()]
    }

    /// The documents in this file, in order; they tile the blocks. Most
    /// files hold one; a page of pasted samples holds several.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Whether blocks were cut at every line break (one paragraph per line).
    pub fn is_paragraph_per_line(&self) -> bool {
        self.paragraph_per_line
    }
}

/// Enumerations that open a sentence rather than a title.
fn is_inline_style(style: MarkerStyle) -> bool {
    matches!(
        style,
        MarkerStyle::ChineseShi | MarkerStyle::EnglishOrdinalPhrase
    )
}

fn is_blank_line(text: &str, span: Span) -> bool {
    text[span.range()].chars().all(is_blank)
}

fn trim_blank_start(text: &str) -> &str {
    text.trim_start_matches(is_blank)
}

/// A file writes one paragraph per line when it has no blank lines at all,
/// or when most lines inside runs of consecutive lines are long.
fn is_paragraph_per_line(text: &str, lines: &[Span]) -> bool {
    let mut has_blank = false;
    let (mut in_runs, mut long_in_runs) = (0usize, 0usize);
    let mut previous_blank = true;
    for (index, &line) in lines.iter().enumerate() {
        let blank = is_blank_line(text, line);
        // A trailing newline leaves an empty last line; it is no separator.
        if blank && index + 1 < lines.len() {
            has_blank = true;
        }
        let next_blank = lines
            .get(index + 1)
            .is_none_or(|&next| is_blank_line(text, next));
        let alone = previous_blank && next_blank;
        if !blank && !alone {
            in_runs += 1;
            if char_count(&text[line.range()]) > LONG_LINE_CHARS {
                long_in_runs += 1;
            }
        }
        previous_blank = blank;
    }
    !has_blank || long_in_runs * 2 > in_runs
}

/// Line ranges of the blocks: runs of non-blank lines, each cut before a
/// line that opens with a numbering marker, or every line on its own.
fn block_line_ranges(text: &str, lines: &[Span], paragraph_per_line: bool) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    for (index, &line) in lines.iter().enumerate() {
        if is_blank_line(text, line) {
            if let Some(begin) = start.take() {
                ranges.push(begin..index);
            }
            continue;
        }
        if let Some(begin) = start
            && (paragraph_per_line || opens_new_block(&text[line.range()]))
        {
            ranges.push(begin..index);
            start = None;
        }
        start.get_or_insert(index);
    }
    if let Some(begin) = start {
        ranges.push(begin..lines.len());
    }
    ranges
}

fn opens_new_block(line: &str) -> bool {
    parse_marker(line).is_some_and(|marker| !is_inline_style(marker.style))
}

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end_matches(is_blank).ends_with([
        '。', '！', '？', '；', '：', '，', '.', '!', '?', ';', ':', ',',
    ])
}

/// `span` without surrounding blanks, trailing punctuation and the stray
/// separator a doubled marker leaves before the title (`1、、继续…`).
fn trim_title(text: &str, span: Span) -> Span {
    let slice = &text[span.range()];
    let start_trimmed =
        slice.trim_start_matches(|c: char| is_blank(c) || matches!(c, '、' | '，' | ','));
    let start = span.start + (slice.len() - start_trimmed.len());
    let trimmed = start_trimmed.trim_end_matches(|c: char| {
        is_blank(c) || (c.is_ascii_punctuation() && c != ')') || "。，、；：！？".contains(c)
    });
    Span::new(start, start + trimmed.len())
}

#[cfg(test)]
mod tests;
