//! Which blocks repeat earlier ones, and which earlier ones they repeat.
//!
//! Blocks are read once, in order; each is checked against the blocks
//! before it, then added to their indexes:
//! 1. equal folded text, by hash (an exact copy is not indexed further:
//!    its first copy already is);
//! 2. near-duplicates, by MinHash and LSH, confirmed on the exact Jaccard
//!    similarity of the shingle sets;
//! 3. blocks whose shingles nearly all occur in one to three earlier
//!    blocks, found through anchor shingles and confirmed on exact sets:
//!    a paragraph copied in pieces over several lines, or two copied
//!    paragraphs run together.
//!
//! Pieces too short to be judged alone are then taken when they sit next
//! to a repeat and come from the same place.

use crate::fingerprint::{BlockPrint, Reader, exact_hash};
use crate::similar::{AnchorIndex, BandIndex, CANDIDATE_LIMIT, HashedMap, ShingleSets};
use redline_core::script::Script;
use redline_core::{Document, Span};
use std::collections::hash_map::Entry;

/// Earlier blocks a block may be pieced together from.
const MAX_SOURCES: usize = 3;

/// Anchors a block needs before its anchors are trusted to estimate
/// how much of it occurs earlier.
const MIN_ANCHORS: usize = 2;

/// How one block repeats earlier text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Repeat {
    /// Folds to the same text as `first`, in block `of`: the whole block,
    /// or one line of it.
    Exact { of: usize, first: Span },
    /// Shingle sets with this Jaccard similarity.
    Near { of: usize, similarity: f64 },
    /// Nearly all of it occurs in these blocks.
    Part { of: Vec<usize> },
}

impl Repeat {
    pub(crate) fn sources(&self) -> &[usize] {
        match self {
            Repeat::Exact { of, .. } | Repeat::Near { of, .. } => std::slice::from_ref(of),
            Repeat::Part { of } => of,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Thresholds {
    /// Folded characters a block needs to be judged on its own as a near
    /// duplicate or a piece of earlier text.
    pub min_chars: usize,
    /// Jaccard similarity for near duplicates, and the share of a block
    /// that must occur earlier for it to be a piece of earlier text.
    pub similarity: f64,
}

/// Folded characters a block needs before an exact copy of it is worth
/// reporting: enough for a specific title (`开鲁县总工会上半年工作总结`),
/// not a stock one (`存在的问题`, `Summary`).
pub(crate) fn is_substantial(chars: usize, script: Script) -> bool {
    chars
        >= match script {
            Script::Latin => 24,
            Script::Han | Script::Other => 8,
        }
}

/// A line inside a block of several lines that repeats earlier text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LineCopy {
    pub line: Span,
    /// The first copy: a whole block or one line of one.
    pub first: Span,
}

/// Everything that repeats earlier text.
#[derive(Debug, Default)]
pub(crate) struct Repeats {
    /// For each block, how it repeats earlier text, if it does.
    pub blocks: Vec<Option<Repeat>>,
    /// Lines repeating earlier text inside blocks that do not as a whole.
    pub lines: Vec<LineCopy>,
}

/// Finds repeats block by block.
pub(crate) struct Finder<'d, 'a> {
    document: &'d Document<'a>,
    thresholds: Thresholds,
    /// Folded text hash to the block and span of its first copy.
    first_copy: HashedMap<(usize, Span)>,
    bands: BandIndex,
    anchor_index: AnchorIndex,
    sets: ShingleSets<'d, 'a>,
    /// Folded characters and shingles of each block added.
    sizes: Vec<(usize, usize)>,
    repeats: Repeats,
}

impl<'d, 'a> Finder<'d, 'a> {
    pub(crate) fn new(document: &'d Document<'a>, thresholds: Thresholds) -> Self {
        Self {
            document,
            thresholds,
            first_copy: HashedMap::with_capacity_and_hasher(
                document.blocks().len(),
                Default::default(),
            ),
            // Sized for text without repeats, so that reading never waits
            // on the tables growing: about one anchor per 12 bytes of
            // Chinese (3 bytes a character, one shingle in 4).
            bands: BandIndex::with_capacity(document.blocks().len()),
            anchor_index: AnchorIndex::with_capacity(document.text().len() / 12),
            sets: ShingleSets::new(document),
            sizes: Vec::with_capacity(document.blocks().len()),
            repeats: Repeats {
                blocks: Vec::with_capacity(document.blocks().len()),
                lines: Vec::new(),
            },
        }
    }

    /// Checks the next block, just read by `reader`, against those before.
    pub(crate) fn add(&mut self, print: &BlockPrint, reader: &mut Reader) {
        let index = self.repeats.blocks.len();
        self.sizes.push((print.chars, print.shingles));
        let repeat = self.exact_copy(index, print);
        let is_copy = repeat.is_some();
        self.repeats.blocks.push(repeat);
        if is_copy {
            return;
        }
        self.repeated_lines(index);
        if print.chars >= self.thresholds.min_chars && print.shingles > 0 {
            let signature = reader.signature();
            if let Some(near) = self.near_duplicate(index, signature) {
                self.repeats.blocks[index] = Some(near);
            }
            self.bands.insert(index, signature);
        }
        let anchors = reader.anchors();
        if self.repeats.blocks[index].is_none()
            && let Some(piece) = self.piece(index, anchors)
        {
            self.repeats.blocks[index] = Some(piece);
        }
        self.anchor_index.insert(index, anchors);
    }

    /// Takes in the short pieces next to repeats and drops short pieces
    /// left alone.
    pub(crate) fn finish(mut self) -> Repeats {
        self.extend_to_neighbours();
        self.drop_lone_short_pieces();
        self.repeats
    }

    fn exact_copy(&mut self, index: usize, print: &BlockPrint) -> Option<Repeat> {
        let block = &self.document.blocks()[index];
        if !is_substantial(print.chars, block.script) {
            return None;
        }
        match self.first_copy.entry(print.exact) {
            Entry::Occupied(first) => {
                let (of, first) = *first.get();
                Some(Repeat::Exact { of, first })
            }
            Entry::Vacant(slot) => {
                slot.insert((index, block.span));
                None
            }
        }
    }

    /// Lines of a block of several lines (hard-wrapped text, a footer)
    /// whose folded text equals an earlier block's or line's.
    fn repeated_lines(&mut self, index: usize) {
        let document = self.document;
        let block = &document.blocks()[index];
        if block.lines.len() < 2 {
            return;
        }
        let lines = document.line_index();
        for line in block.lines.clone() {
            let whole = lines.line_span(document.text(), line);
            let mut span = whole;
            if let Some(marker) = block.marker.filter(|m| span.contains(m.span.start)) {
                span.start = marker.span.end;
            }
            let (hash, chars) = exact_hash(document.slice(span));
            if !is_substantial(chars, block.script) {
                continue;
            }
            match self.first_copy.entry(hash) {
                Entry::Occupied(first) => self.repeats.lines.push(LineCopy {
                    line: whole,
                    first: first.get().1,
                }),
                Entry::Vacant(slot) => {
                    slot.insert((index, span));
                }
            }
        }
    }

    fn near_duplicate(&mut self, index: usize, signature: &[u32]) -> Option<Repeat> {
        let (of, similarity) = self
            .bands
            .candidates(signature)
            .ranked()
            .into_iter()
            .take(CANDIDATE_LIMIT)
            .map(|(candidate, _)| (candidate, self.sets.jaccard(index, candidate)))
            .filter(|&(_, similarity)| similarity >= self.thresholds.similarity)
            // The most similar; the earliest among equals.
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
        Some(Repeat::Near { of, similarity })
    }

    fn piece(&mut self, index: usize, anchors: &[u64]) -> Option<Repeat> {
        if anchors.len() < MIN_ANCHORS {
            return None;
        }
        let tally = self.anchor_index.sources(anchors);
        // A generous first cut, two standard deviations below what a
        // block at the threshold would show: the exact check decides.
        let sampled = anchors.len() as f64;
        let expected = self.thresholds.similarity * sampled;
        if (tally.total() as f64) < expected - 2.0 * expected.sqrt() {
            return None;
        }
        let candidates: Vec<usize> = tally
            .ranked()
            .into_iter()
            .take(MAX_SOURCES)
            .map(|(block, _)| block)
            .collect();
        let (share, sources) = self.sets.cover(index, &candidates);
        (share >= self.thresholds.similarity).then_some(Repeat::Part { of: sources })
    }

    /// Takes the unflagged neighbours of repeats that occur near the same
    /// earlier place: the short lines of a paragraph copied in pieces have
    /// too few anchors to be found on their own.
    fn extend_to_neighbours(&mut self) {
        let count = self.repeats.blocks.len();
        let forward = (1..count).map(|index| (index, index - 1));
        let backward = (0..count.saturating_sub(1))
            .rev()
            .map(|index| (index, index + 1));
        for (index, neighbour) in forward.chain(backward) {
            if self.repeats.blocks[index].is_some() || self.sizes[index].1 == 0 {
                continue;
            }
            let Some(repeat) = &self.repeats.blocks[neighbour] else {
                continue;
            };
            // The neighbour's sources first, then the blocks around them:
            // the pieces of a split copy continue where their source does.
            let mut around: Vec<usize> = Vec::new();
            for &source in repeat.sources() {
                for candidate in [Some(source), Some(source + 1), source.checked_sub(1)] {
                    if let Some(candidate) =
                        candidate.filter(|&c| c < index && !around.contains(&c))
                    {
                        around.push(candidate);
                    }
                }
            }
            let (share, sources) = self.sets.cover(index, &around);
            if share >= self.thresholds.similarity {
                self.repeats.blocks[index] = Some(Repeat::Part { of: sources });
            }
        }
    }

    /// Drops pieces shorter than `min_chars` unless they belong to a run
    /// of repeated blocks that is at least that long together.
    fn drop_lone_short_pieces(&mut self) {
        let min_chars = self.thresholds.min_chars;
        let blocks = &mut self.repeats.blocks;
        let mut start = 0;
        while start < blocks.len() {
            if blocks[start].is_none() {
                start += 1;
                continue;
            }
            let end = (start..blocks.len())
                .find(|&index| blocks[index].is_none())
                .unwrap_or(blocks.len());
            let run_chars: usize = self.sizes[start..end].iter().map(|size| size.0).sum();
            if run_chars < min_chars {
                let run = blocks[start..end].iter_mut().zip(&self.sizes[start..end]);
                for (repeat, &(chars, _)) in run {
                    if chars < min_chars && matches!(repeat, Some(Repeat::Part { .. })) {
                        *repeat = None;
                    }
                }
            }
            start = end;
        }
    }
}
