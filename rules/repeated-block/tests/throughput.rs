//! Throughput of the rule alone over about 50 MB of the shared corpus.
//! Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-repeated-block --test throughput -- --ignored --nocapture
//! ```
//!
//! Three measurements:
//! - the corpus repeated verbatim into one document, as every rule crate
//!   measures: this rule's worst case, since every block after the first
//!   copy repeats an earlier one and is reported;
//! - the corpus documents linted one at a time, again and again: files of
//!   ordinary size, as a run over a folder sees them;
//! - one document of corpus copies disguised from each other (Chinese
//!   characters shifted, English letters permuted, lengths, punctuation
//!   and layout kept), so that only the corpus's own repeats remain: a
//!   50 MB document whose indexes outgrow the processor's caches.

use redline_core::{DeclaredRule, Document, Rule, RuleContext, SourceFile};
use redline_rules_repeated_block::RepeatedBlock;
use std::time::Instant;

const SIZE: usize = 50 << 20;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(verbatim) = redline_testing::corpus_text_of_size(SIZE) else {
        return;
    };
    let documents = redline_testing::corpus().expect("the corpus is present");
    let rule = RepeatedBlock::from_options(Default::default()).unwrap();
    redline_testing::throughput(&rule, "corpus repeated verbatim", verbatim, 3);
    one_at_a_time(&rule, &documents);
    let seed = redline_testing::corpus_text_of_size(0).expect("the corpus is present");
    let disguised: String = (0..SIZE / seed.len())
        .map(|copy| disguise(&seed, copy))
        .collect();
    redline_testing::throughput(&rule, "corpus copies disguised", disguised, 3);
}

/// Lints each corpus document on its own until about [`SIZE`] bytes have
/// been read; prints the best of three rounds.
fn one_at_a_time(rule: &RepeatedBlock, documents: &[redline_testing::CorpusDocument]) {
    let sources: Vec<&SourceFile> = documents.iter().map(|document| &document.source).collect();
    let parsed: Vec<Document<'_>> = sources
        .iter()
        .map(|source| Document::parse(source))
        .collect();
    let bytes: usize = sources.iter().map(|source| source.text().len()).sum();
    let repeats = SIZE / bytes;
    let context = RuleContext {
        rule_id: rule.meta().id,
        severity: rule.meta().default_severity,
    };
    let mut best = f64::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        for _ in 0..repeats {
            for document in &parsed {
                std::hint::black_box(rule.check(document, &context));
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    let megabytes = (bytes * repeats) as f64 / 1e6;
    eprintln!(
        "repeated-block (corpus documents one at a time): {megabytes:.1} MB, best of 3: {:.1} ms = {:.0} MB/s on one thread",
        best * 1e3,
        megabytes / best
    );
}

/// `text` with its Chinese characters shifted and its English letters
/// permuted in a way particular to `copy` (the first copy is unchanged).
fn disguise(text: &str, copy: usize) -> String {
    const FIRST_HAN: u32 = 0x4E00;
    const HAN_COUNT: u32 = 0x9FA6 - 0x4E00;
    let shift = (copy as u32 * 7919) % HAN_COUNT;
    let letters = permutation(copy);
    text.chars()
        .map(|c| match c {
            '\u{4E00}'..='\u{9FA5}' => {
                char::from_u32(FIRST_HAN + (c as u32 - FIRST_HAN + shift) % HAN_COUNT)
                    .expect("a unified ideograph")
            }
            'a'..='z' => char::from(letters[usize::from(c as u8 - b'a')]),
            'A'..='Z' => char::from(letters[usize::from(c as u8 - b'A')].to_ascii_uppercase()),
            other => other,
        })
        .collect()
}

/// A permutation of `a`–`z` picked by `seed` (identity for 0).
fn permutation(seed: usize) -> [u8; 26] {
    let mut letters: [u8; 26] = std::array::from_fn(|i| b'a' + i as u8);
    let mut state = seed as u64;
    if seed > 0 {
        for i in (1..letters.len()).rev() {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            letters.swap(i, (state >> 33) as usize % (i + 1));
        }
    }
    letters
}
