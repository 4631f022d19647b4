//! One pass over each block: its folded text is hashed whole, per
//! sentence, and in overlapping character shingles, from which come a
//! MinHash signature and a sample of anchor shingles.
//!
//! Nothing here allocates per character: shingles are rolling hashes over a
//! window of folded characters, never strings.

use crate::fold::{Sink, fold};
use redline_core::script::Script;
use redline_core::{Block, Document};
use std::ops::Range;

/// Values in a MinHash signature.
pub(crate) const SIGNATURE_LEN: usize = 64;

/// Bits of a shingle hash that pick its signature slot. The signature is
/// one-permutation MinHash: each shingle's hash picks a slot by its top
/// bits and competes there for the minimum with its low 32 bits, so one
/// hash per shingle yields all the values (instead of one hash function
/// per value); slots no shingle reached are filled by [`densify`].
const SLOT_BITS: u32 = SIGNATURE_LEN.trailing_zeros();

/// Folded characters per shingle. Chinese characters carry about a
/// syllable each, so four of them are a phrase; English needs more letters
/// before a shingle stops being common to unrelated text.
pub(crate) fn shingle_len(script: Script) -> usize {
    match script {
        Script::Latin => 8,
        Script::Han | Script::Other => 4,
    }
}

/// One shingle in this many is an anchor (by its hash, so the same
/// shingles are anchors wherever they occur).
fn anchor_rate(script: Script) -> u64 {
    match script {
        Script::Latin => 8,
        Script::Han | Script::Other => 4,
    }
}

/// What the rule keeps of one block after reading it.
#[derive(Debug, Clone)]
pub(crate) struct BlockPrint {
    /// Hash of the whole folded text.
    pub exact: u64,
    /// Folded characters.
    pub chars: usize,
    /// Shingles read (repeats included).
    pub shingles: usize,
    /// Indices into [`Reader::sentences`].
    pub sentences: Range<usize>,
}

/// One sentence's folded text, hashed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SentencePrint {
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    pub exact: u64,
    pub chars: usize,
}

/// Reads blocks one at a time. The anchors, signature and repeated
/// characters of the block last read are kept only until the next is read;
/// sentence prints pile up for the whole document.
#[derive(Debug)]
pub(crate) struct Reader {
    anchors: Vec<u64>,
    slots: [u32; SIGNATURE_LEN],
    densified: bool,
    pub sentences: Vec<SentencePrint>,
    /// Doubled-character candidates of the block last read.
    pub doubles: Vec<Repetition>,
}

impl Default for Reader {
    fn default() -> Self {
        Self {
            anchors: Vec::new(),
            slots: [u32::MAX; SIGNATURE_LEN],
            densified: false,
            sentences: Vec::new(),
            doubles: Vec::new(),
        }
    }
}

impl Reader {
    /// Folds and hashes `block` in one pass.
    pub(crate) fn read(&mut self, document: &Document<'_>, block: &Block) -> BlockPrint {
        self.anchors.clear();
        self.doubles.clear();
        self.slots = [u32::MAX; SIGNATURE_LEN];
        self.densified = false;
        let sentences_start = self.sentences.len();
        let anchor_mask = anchor_rate(block.script) - 1;
        // Locals rather than fields, borrowed apart: the closures below
        // may each hold their own.
        let k = shingle_len(block.script);
        let mut window = Window::new(k);
        let mut ring = Ring::default();
        let mut recent = Recent::default();
        let (slots, anchors, doubles) = (&mut self.slots, &mut self.anchors, &mut self.doubles);
        let sentences = &mut self.sentences;
        for (sentence, start, text) in folded_sentences(document, block) {
            let (prefix, len) = (window.prefix, window.len);
            recent.len = 0;
            let mut hooks = Hooks {
                folded: |c| {
                    if let Some(shingle) = window.push(&mut ring, c) {
                        let slot = (shingle >> (64 - SLOT_BITS)) as usize;
                        slots[slot] = slots[slot].min(shingle as u32);
                        if shingle & anchor_mask == 0 {
                            anchors.push(shingle);
                        }
                    }
                },
                raw: |ideograph: Option<(usize, char)>| match ideograph {
                    Some((offset, c)) => {
                        if let Some(repetition) = recent.push(start + offset, c) {
                            doubles.push(repetition);
                        }
                    }
                    None => recent.len = 0,
                },
            };
            fold(text, &mut hooks);
            let chars = window.len - len;
            if chars > 0 {
                // The polynomial hash of the sentence alone, from the
                // prefix hashes around it.
                let own = window
                    .prefix
                    .wrapping_sub(prefix.wrapping_mul(BASE.wrapping_pow(chars as u32)));
                sentences.push(SentencePrint {
                    sentence,
                    exact: finish(own, chars),
                    chars,
                });
            }
        }
        BlockPrint {
            exact: finish(window.prefix, window.len),
            chars: window.len,
            shingles: window.len.saturating_sub(k - 1),
            sentences: sentences_start..self.sentences.len(),
        }
    }

    /// The anchor shingles of the block last read.
    pub(crate) fn anchors(&self) -> &[u64] {
        &self.anchors
    }

    /// The MinHash signature of the block last read (which must have a
    /// shingle).
    pub(crate) fn signature(&mut self) -> &[u32] {
        if !self.densified {
            densify(&mut self.slots);
            self.densified = true;
        }
        &self.slots
    }
}

/// A [`Sink`] made of two closures: one takes the folded characters, the
/// other each character as written (an ideograph and its offset, or `None`
/// for anything else).
struct Hooks<F, R> {
    folded: F,
    raw: R,
}

impl<F: FnMut(char), R: FnMut(Option<(usize, char)>)> Sink for Hooks<F, R> {
    #[inline(always)]
    fn folded(&mut self, c: char) {
        (self.folded)(c);
    }

    #[inline(always)]
    fn ideograph(&mut self, offset: usize, c: char) {
        (self.raw)(Some((offset, c)));
    }

    #[inline(always)]
    fn not_ideograph(&mut self) {
        (self.raw)(None);
    }
}

/// A character sequence written twice in a row, as found while folding:
/// `XX`, `ABAB`, `ABCABC`, or `AB的AB`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Repetition {
    /// Byte offset of the first copy.
    pub start: usize,
    /// Byte offset just past the second copy.
    pub end: usize,
    /// Characters in one copy.
    pub chars: usize,
    /// Byte offset of the `的` between the copies, if one is.
    pub particle: Option<usize>,
}

/// The last few ideographs of the current run, newest in the low bits,
/// [`CHAR_BITS`] each. All are three-byte characters, so their offsets
/// follow from the newest one's.
#[derive(Debug, Default)]
struct Recent {
    chars: u128,
    len: usize,
}

const CHAR_BITS: u32 = 21;
const KEPT: usize = 5;
const IDEOGRAPH_BYTES: usize = 3;

impl Recent {
    /// The ideograph `back` places before the newest kept (0 is newest).
    #[inline(always)]
    fn at(&self, back: usize) -> u32 {
        (self.chars >> (CHAR_BITS as usize * back)) as u32 & ((1 << CHAR_BITS) - 1)
    }

    /// Adds ideograph `c` at `offset`; returns the repetition it completes.
    #[inline(always)]
    fn push(&mut self, offset: usize, c: char) -> Option<Repetition> {
        let code = c as u32;
        let n = self.len;
        // Only a match with one of the last three is worth a closer look.
        let found = if (n >= 1 && code == self.at(0))
            || (n >= 2 && code == self.at(1))
            || (n >= 3 && code == self.at(2))
        {
            self.repetition(offset, c)
        } else {
            None
        };
        self.chars = (self.chars << CHAR_BITS) | u128::from(code);
        self.len = (n + 1).min(KEPT);
        found
    }

    #[cold]
    fn repetition(&self, offset: usize, c: char) -> Option<Repetition> {
        let code = c as u32;
        let n = self.len;
        let h = |back: usize| self.at(back);
        // Offset of the ideograph `back` places before `c`.
        let start_of = |back: usize| offset - IDEOGRAPH_BYTES * (back + 1);
        let end = offset + IDEOGRAPH_BYTES;
        let twice = |chars: usize, start: usize| Repetition {
            start,
            end,
            chars,
            particle: None,
        };
        if code == h(0) {
            Some(twice(1, start_of(0)))
        } else if n >= 3 && code == h(1) && h(0) == h(2) {
            Some(twice(2, start_of(2)))
        } else if n >= 5 && code == h(2) && h(0) == h(3) && h(1) == h(4) {
            Some(twice(3, start_of(4)))
        } else if n >= 4 && code == h(2) && h(1) == '的' as u32 && h(0) == h(3) {
            Some(Repetition {
                particle: Some(start_of(1)),
                ..twice(2, start_of(3))
            })
        } else {
            None
        }
    }
}

/// Each sentence of `block`: its index, and its text without a numbering
/// marker (and where that text starts), so that renumbered copies still
/// match.
pub(crate) fn folded_sentences<'a>(
    document: &Document<'a>,
    block: &Block,
) -> impl Iterator<Item = (usize, usize, &'a str)> {
    let text = document.text();
    let sentences = document.sentences();
    let first = block.sentences.start;
    let block_marker = block.marker;
    block.sentences.clone().map(move |index| {
        let sentence = &sentences[index];
        let marker = if index == first {
            block_marker.or(sentence.marker)
        } else {
            sentence.marker
        };
        let start = match marker.filter(|m| sentence.span.contains(m.span.start)) {
            Some(marker) => marker.span.end.min(sentence.span.end),
            None => sentence.span.start,
        };
        (index, start, &text[start..sentence.span.end])
    })
}

/// The sorted, distinct shingles of `block`: the exact set that similarity
/// is confirmed on. Each is the top half of its hash: two of a block's
/// thousand shingles share one in a million blocks, and sorting half the
/// bytes is what confirming costs.
pub(crate) fn shingle_set(document: &Document<'_>, block: &Block) -> Vec<u32> {
    let mut window = Window::new(shingle_len(block.script));
    let mut ring = Ring::default();
    let mut set = Vec::with_capacity(block.span.len() / 2);
    for (_, _, text) in folded_sentences(document, block) {
        fold(text, &mut |c| {
            if let Some(shingle) = window.push(&mut ring, c) {
                set.push((shingle >> 32) as u32);
            }
        });
    }
    set.sort_unstable();
    set.dedup();
    set
}

/// The folded text of `text` hashed whole, as [`BlockPrint::exact`] is,
/// with its length in folded characters.
pub(crate) fn exact_hash(text: &str) -> (u64, usize) {
    let mut window = Window::new(1);
    let mut ring = Ring::default();
    fold(text, &mut |c| {
        window.push(&mut ring, c);
    });
    (finish(window.prefix, window.len), window.len)
}

/// Fills each empty signature slot from the next filled one (rotation
/// densification): two sets that agree on a filled slot then agree on the
/// empty slots borrowing from it, so slot agreement still estimates the
/// Jaccard similarity for sets smaller than the signature.
fn densify(slots: &mut [u32; SIGNATURE_LEN]) {
    let Some(filled) = slots.iter().rposition(|&value| value != u32::MAX) else {
        return;
    };
    // Walk backwards from the last filled slot, carrying the nearest
    // filled slot to the right (wrapping around).
    let mut nearest = slots[filled];
    let mut distance = 0u32;
    for step in 1..=SIGNATURE_LEN {
        let slot = (filled + SIGNATURE_LEN - step) % SIGNATURE_LEN;
        distance += 1;
        if slots[slot] == u32::MAX {
            // The offset keeps a borrowed value from equalling a real one.
            slots[slot] = nearest.wrapping_add(distance.wrapping_mul(0x9E37_79B9));
        } else {
            nearest = slots[slot];
            distance = 0;
        }
    }
}

/// Polynomial hashes of a folded character sequence: of all of it so far
/// (`prefix`), and of each window of its last `k` characters, taken as the
/// difference of two prefix hashes.
#[derive(Clone, Copy)]
pub(crate) struct Window {
    k: usize,
    len: usize,
    prefix: u64,
    /// `BASE^k`.
    shift: u64,
}

/// The prefix hashes of the last [`RING`] lengths, by length modulo
/// [`RING`]: kept apart from [`Window`] so that the window's scalars stay
/// in registers while the ring is indexed in memory.
pub(crate) type Ring = [u64; RING];

const RING: usize = 8;

const BASE: u64 = 0x100_0000_01B3;

impl Window {
    pub(crate) fn new(k: usize) -> Self {
        debug_assert!((1..=RING).contains(&k));
        Self {
            k,
            len: 0,
            prefix: 0,
            shift: BASE.wrapping_pow(k as u32),
        }
    }

    /// Adds `c`; returns the hash of the shingle it completes, if any.
    #[inline(always)]
    pub(crate) fn push(&mut self, ring: &mut Ring, c: char) -> Option<u64> {
        self.prefix = self
            .prefix
            .wrapping_mul(BASE)
            .wrapping_add(u64::from(c) + 1);
        self.len += 1;
        // The prefix hash from `k` characters ago (0, the empty prefix's,
        // at first).
        let before = ring[self.len.wrapping_sub(self.k) % RING];
        ring[self.len % RING] = self.prefix;
        (self.len >= self.k).then(|| {
            let window = self.prefix.wrapping_sub(before.wrapping_mul(self.shift));
            scramble(window)
        })
    }
}

/// A whole sequence's hash from its polynomial hash and length.
fn finish(polynomial: u64, len: usize) -> u64 {
    mix(polynomial ^ (len as u64).rotate_left(32))
}

/// Spreads a polynomial hash over all 64 bits with one multiplication:
/// the high bits of the product depend on every input bit, and the shift
/// folds them into the low bits that signature values and anchors use.
#[inline]
fn scramble(x: u64) -> u64 {
    let product = (x ^ (x >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    product ^ (product >> 29)
}

/// MurmurHash3's finaliser: every input bit affects every output bit, so
/// slices of the result (signature slot, value, anchor bits) are
/// independent.
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^ (x >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shingles(text: &str, k: usize) -> Vec<u64> {
        let mut window = Window::new(k);
        let mut ring = Ring::default();
        let mut out = Vec::new();
        fold(text, &mut |c| out.extend(window.push(&mut ring, c)));
        out
    }

    #[test]
    fn rolling_hashes_equal_hashes_of_the_window_alone() {
        let rolled = shingles("abcdefgh", 4);
        assert_eq!(rolled.len(), 5);
        assert_eq!(rolled[4], shingles("efgh", 4)[0]);
        assert_eq!(rolled[0], shingles("abcd", 4)[0]);
        assert_ne!(rolled[0], rolled[1]);
    }

    #[test]
    fn densified_slots_agree_where_their_sources_agree() {
        let mut a = [u32::MAX; SIGNATURE_LEN];
        let mut b = [u32::MAX; SIGNATURE_LEN];
        a[3] = 7;
        b[3] = 7;
        a[40] = 9;
        b[40] = 10;
        densify(&mut a);
        densify(&mut b);
        assert!(a.iter().all(|&v| v != u32::MAX));
        assert_eq!(a[0..=3], b[0..=3]);
        assert_eq!(a[41..], b[41..]);
        assert_ne!(a[4..=40], b[4..=40]);
    }
}
