//! The one pass over a document: each block is folded and hashed once,
//! checked for repeats against the blocks before it, and its doubled
//! characters judged.

use crate::doubled::{self, Doubled};
use crate::fingerprint::{BlockPrint, Reader, SentencePrint};
use crate::repeats::{Finder, Repeats, Thresholds};
use redline_core::Document;

/// What one pass over a document finds.
pub(crate) struct Scan {
    pub repeats: Repeats,
    /// One per block.
    pub prints: Vec<BlockPrint>,
    pub sentences: Vec<SentencePrint>,
    pub doubled: Vec<Doubled>,
}

impl Scan {
    pub(crate) fn of(document: &Document<'_>, thresholds: Thresholds) -> Self {
        let mut reader = Reader::default();
        let mut finder = Finder::new(document, thresholds);
        let mut prints = Vec::with_capacity(document.blocks().len());
        let mut doubled = Vec::new();
        for block in document.blocks() {
            let print = reader.read(document, block);
            finder.add(&print, &mut reader);
            doubled::find(document, block, &reader.doubles, &mut doubled);
            prints.push(print);
        }
        Scan {
            repeats: finder.finish(),
            prints,
            sentences: reader.sentences,
            doubled,
        }
    }

    /// The sentence prints of block `index`.
    pub(crate) fn sentences(&self, index: usize) -> &[SentencePrint] {
        &self.sentences[self.prints[index].sentences.clone()]
    }
}
