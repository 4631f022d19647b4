//! What the rule needs to know about a document's blocks, gathered in one
//! sweep.
//!
//! Every check looks at the ends of blocks. Reading a large file's text at
//! each block's start and end once per check would cost a cache miss per
//! block per check, so the sweep reads them once, in order, and keeps the
//! few facts the checks filter on; the checks read text again only for the
//! rare blocks that pass those filters.

use crate::text::{Ending, ending, is_word_char};
use redline_core::script::is_blank;
use redline_core::{Block, BlockKind, Document, Heading, Span};

/// What one block's text looks like at its ends.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// Where the block's text ends, trailing blanks cut.
    pub end: usize,
    /// Its first character.
    pub first: char,
    pub ending: Ending,
    /// A paragraph, or a heading with body text after its title.
    pub is_body: bool,
}

/// The document with the facts every check shares.
pub struct Layout<'d, 'a> {
    pub document: &'d Document<'a>,
    pub text: &'a str,
    /// Indices of the blocks that hold words, in order: a line of `。`
    /// between two paragraphs is no paragraph.
    pub content: Vec<usize>,
    /// One entry per block of the document.
    facts: Vec<Facts>,
    /// Whether the document ends its paragraphs with sentence marks. When
    /// it does not, a paragraph without one says nothing about a break.
    pub punctuates_paragraphs: bool,
    /// Blocks whose end a finding already explains (the sentence goes on in
    /// the next block), sorted.
    continued: Vec<usize>,
}

/// Paragraphs without a closing mark beyond this share (and at least
/// [`MIN_UNPUNCTUATED`] of them) mean the writer does not use them.
const MAX_UNPUNCTUATED_SHARE: f64 = 0.25;
const MIN_UNPUNCTUATED: usize = 3;

impl<'d, 'a> Layout<'d, 'a> {
    pub fn new(document: &'d Document<'a>) -> Self {
        let text = document.text();
        let blocks = document.blocks();
        let headings = document.headings();
        let mut facts = Vec::with_capacity(blocks.len());
        let mut content = Vec::with_capacity(blocks.len());
        let mut next_heading = 0;
        let (mut body, mut unpunctuated) = (0usize, 0usize);
        for (index, block) in blocks.iter().enumerate() {
            let block_text = text[block.span.range()].trim_end_matches(is_blank);
            // Headings are sorted by block, so one cursor finds them all.
            while headings.get(next_heading).is_some_and(|h| h.block < index) {
                next_heading += 1;
            }
            let is_body = match block.kind {
                BlockKind::Paragraph => true,
                BlockKind::Heading => headings
                    .get(next_heading)
                    .is_some_and(|heading| heading.block == index && heading.run_in),
            };
            let block_facts = Facts {
                end: block.span.start + block_text.len(),
                first: block_text.chars().next().unwrap_or(' '),
                ending: ending(block_text),
                is_body,
            };
            if block_text.chars().any(is_word_char) {
                content.push(index);
                if is_body {
                    body += 1;
                    unpunctuated += usize::from(matches!(
                        block_facts.ending,
                        Ending::Word | Ending::ClosedWord
                    ));
                }
            }
            facts.push(block_facts);
        }
        let punctuates_paragraphs = unpunctuated < MIN_UNPUNCTUATED
            || (unpunctuated as f64) <= MAX_UNPUNCTUATED_SHARE * body as f64;
        Self {
            document,
            text,
            content,
            facts,
            punctuates_paragraphs,
            continued: Vec::new(),
        }
    }

    pub fn block(&self, index: usize) -> &'d Block {
        &self.document.blocks()[index]
    }

    pub fn facts(&self, index: usize) -> Facts {
        self.facts[index]
    }

    /// The block's text, trailing blanks cut.
    pub fn block_text(&self, index: usize) -> &'a str {
        &self.text[self.trimmed_span(index).range()]
    }

    /// The block's span, trailing blanks cut.
    pub fn trimmed_span(&self, index: usize) -> Span {
        Span::new(self.block(index).span.start, self.facts[index].end)
    }

    pub fn heading(&self, index: usize) -> Option<&'d Heading> {
        let headings = self.document.headings();
        headings
            .binary_search_by_key(&index, |heading| heading.block)
            .ok()
            .map(|at| &headings[at])
    }

    /// Prose: a paragraph, or a heading with body text after its title.
    pub fn is_body(&self, index: usize) -> bool {
        self.facts[index].is_body
    }

    /// 1-based line number of a byte offset, for messages.
    pub fn line_number(&self, offset: usize) -> usize {
        self.document.line_index().line_index(offset) + 1
    }

    pub fn mark_continued(&mut self, block: usize) {
        if let Err(at) = self.continued.binary_search(&block) {
            self.continued.insert(at, block);
        }
    }

    pub fn is_continued(&self, block: usize) -> bool {
        self.continued.binary_search(&block).is_ok()
    }
}
