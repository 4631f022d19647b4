//! Finding similar blocks without comparing every pair: MinHash signatures
//! banded into LSH buckets for near-duplicates, an index of anchor
//! shingles for blocks contained in earlier text, and the exact shingle
//! sets that every candidate is confirmed on.

use crate::fingerprint::{SIGNATURE_LEN, mix, shingle_set};
use redline_core::Document;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Signature values per LSH band. With 16 bands of 4, a pair with Jaccard
/// similarity 0.85 shares a bucket with probability 0.99999, one at 0.5
/// with 0.64, one at 0.2 with 0.025: candidates are mostly real, and each
/// is confirmed on exact shingle sets anyway.
const ROWS: usize = 4;
const BANDS: usize = SIGNATURE_LEN / ROWS;

/// Earlier blocks looked at per bucket: a bucket shared by hundreds of
/// blocks (a table of near-identical rows) must not make the scan
/// quadratic.
const BUCKET_SCAN_LIMIT: usize = 8;

/// Candidates confirmed per block, the most promising first.
pub(crate) const CANDIDATE_LIMIT: usize = 4;

/// Keys here are hashes already: hashing them again buys nothing.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

pub(crate) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// Blocks counted with how often they turned up as a candidate.
#[derive(Debug, Default)]
pub(crate) struct Tally(Vec<(usize, usize)>);

impl Tally {
    fn add(&mut self, block: usize) {
        match self.0.iter_mut().find(|(seen, _)| *seen == block) {
            Some((_, count)) => *count += 1,
            None => self.0.push((block, 1)),
        }
    }

    /// The blocks, most often seen first, earlier first among equals.
    pub(crate) fn ranked(mut self) -> Vec<(usize, usize)> {
        self.0
            .sort_by_key(|&(block, count)| (std::cmp::Reverse(count), block));
        self.0
    }

    pub(crate) fn total(&self) -> usize {
        self.0.iter().map(|(_, count)| count).sum()
    }
}

/// LSH over MinHash signatures: each band of a signature is a bucket key;
/// blocks sharing a bucket are candidates. Buckets are chains through
/// `entries`, so inserting allocates nothing per bucket.
#[derive(Default)]
pub(crate) struct BandIndex {
    /// Bucket key to the newest entry in that bucket.
    heads: HashedMap<usize>,
    /// (block, previous entry in the same bucket).
    entries: Vec<(usize, Option<usize>)>,
}

impl BandIndex {
    pub(crate) fn with_capacity(blocks: usize) -> Self {
        Self {
            heads: HashedMap::with_capacity_and_hasher(blocks * BANDS, Default::default()),
            entries: Vec::with_capacity(blocks * BANDS),
        }
    }

    /// Earlier blocks sharing a bucket with `signature`, with the number
    /// of bands they share.
    pub(crate) fn candidates(&self, signature: &[u32]) -> Tally {
        let mut tally = Tally::default();
        for band in 0..BANDS {
            let mut entry = self.heads.get(&band_key(signature, band)).copied();
            for _ in 0..BUCKET_SCAN_LIMIT {
                let Some(at) = entry else { break };
                let (block, previous) = self.entries[at];
                tally.add(block);
                entry = previous;
            }
        }
        tally
    }

    pub(crate) fn insert(&mut self, block: usize, signature: &[u32]) {
        for band in 0..BANDS {
            let entry = self.entries.len();
            let previous = self.heads.insert(band_key(signature, band), entry);
            self.entries.push((block, previous));
        }
    }
}

fn band_key(signature: &[u32], band: usize) -> u64 {
    let rows = &signature[band * ROWS..(band + 1) * ROWS];
    let mut key = band as u64;
    for &value in rows {
        key = mix(key.rotate_left(32) ^ u64::from(value));
    }
    key
}

/// Where each anchor shingle first occurred.
#[derive(Default)]
pub(crate) struct AnchorIndex {
    first_block: HashedMap<usize>,
}

impl AnchorIndex {
    pub(crate) fn with_capacity(anchors: usize) -> Self {
        Self {
            first_block: HashedMap::with_capacity_and_hasher(anchors, Default::default()),
        }
    }

    /// Earlier blocks holding `anchors`, with how many each holds.
    pub(crate) fn sources(&self, anchors: &[u64]) -> Tally {
        let mut tally = Tally::default();
        for anchor in anchors {
            if let Some(&block) = self.first_block.get(anchor) {
                tally.add(block);
            }
        }
        tally
    }

    pub(crate) fn insert(&mut self, block: usize, anchors: &[u64]) {
        for &anchor in anchors {
            self.first_block.entry(anchor).or_insert(block);
        }
    }
}

/// Shingle sets kept for reuse at most.
const CACHED_SETS: usize = 32;

/// Exact shingle sets, built on first use: only candidates need them.
pub(crate) struct ShingleSets<'d, 'a> {
    document: &'d Document<'a>,
    sets: HashMap<usize, Vec<u32>>,
}

impl<'d, 'a> ShingleSets<'d, 'a> {
    pub(crate) fn new(document: &'d Document<'a>) -> Self {
        Self {
            document,
            sets: HashMap::new(),
        }
    }

    /// Builds the sets of `blocks` that are not at hand.
    fn ensure(&mut self, blocks: &[usize]) {
        // Sets are reused while the blocks near one place are confirmed;
        // keeping every set of a long document would hold a copy of it.
        if self.sets.len() + blocks.len() > CACHED_SETS {
            self.sets.retain(|block, _| blocks.contains(block));
        }
        for &block in blocks {
            self.build(block);
        }
    }

    fn build(&mut self, block: usize) {
        let document = self.document;
        self.sets
            .entry(block)
            .or_insert_with(|| shingle_set(document, &document.blocks()[block]));
    }

    /// The Jaccard similarity of two blocks' shingle sets.
    pub(crate) fn jaccard(&mut self, a: usize, b: usize) -> f64 {
        self.ensure(&[a, b]);
        let (a, b) = (&self.sets[&a], &self.sets[&b]);
        let shared = intersection(a, b);
        let union = a.len() + b.len() - shared;
        if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        }
    }

    /// Picks from `candidates` (the most promising first) the sources that
    /// each hold a tenth or more of `block`'s shingles not held by those
    /// picked before; returns them in document order with the share of
    /// `block` they hold together.
    pub(crate) fn cover(&mut self, block: usize, candidates: &[usize]) -> (f64, Vec<usize>) {
        let mut needed = candidates.to_vec();
        needed.push(block);
        self.ensure(&needed);
        let own = &self.sets[&block];
        if own.is_empty() {
            return (0.0, Vec::new());
        }
        let mut covered = vec![false; own.len()];
        let mut total = 0;
        let mut picked = Vec::new();
        for &candidate in candidates {
            let set = &self.sets[&candidate];
            let fresh: Vec<usize> = (0..own.len())
                .filter(|&i| !covered[i] && set.binary_search(&own[i]).is_ok())
                .collect();
            if fresh.is_empty() || fresh.len() * 10 < own.len() {
                continue;
            }
            total += fresh.len();
            for i in fresh {
                covered[i] = true;
            }
            picked.push(candidate);
        }
        picked.sort_unstable();
        (total as f64 / own.len() as f64, picked)
    }
}

/// Elements common to two sorted, distinct slices.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersections_of_sorted_sets() {
        assert_eq!(intersection(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(intersection(&[], &[1]), 0);
    }

    #[test]
    fn identical_signatures_share_every_band() {
        let signature: Vec<u32> = (0..SIGNATURE_LEN as u32).collect();
        let mut index = BandIndex::default();
        index.insert(0, &signature);
        assert_eq!(index.candidates(&signature).ranked(), [(0, BANDS)]);
        let mut other = signature.clone();
        for value in other.iter_mut().step_by(ROWS) {
            *value += 1000;
        }
        assert!(index.candidates(&other).ranked().is_empty());
    }
}
