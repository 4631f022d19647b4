//! The rule's cost grows linearly with the document: a generated Chinese
//! report of 1 MB and one of 5 MB, each with near copies, copies split
//! over lines and doubled characters in the same proportions, should take
//! five times as long, not twenty-five.
//!
//! ```sh
//! cargo bench -p redline-rules-repeated-block --bench near_duplicates
//! ```

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use redline_core::{DeclaredRule, Document, Rule, RuleContext, SourceFile};
use redline_rules_repeated_block::RepeatedBlock;
use std::hint::black_box;

/// A small deterministic generator (64-bit linear congruential), so that
/// every run measures the same text.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A report of about `bytes` bytes, one paragraph per line: sentences of
/// words made of random ideographs, with one paragraph in twenty a near
/// copy of an earlier one, one in forty an earlier one split over lines,
/// and a doubled function word now and then.
fn report(bytes: usize) -> String {
    let mut random = Random(0x5EED);
    let ideograph = |random: &mut Random| {
        char::from_u32(0x4E00 + random.below(0x5000) as u32).expect("a unified ideograph")
    };
    let words: Vec<String> = (0..3000)
        .map(|_| {
            let len = 1 + random.below(3);
            (0..len).map(|_| ideograph(&mut random)).collect()
        })
        .collect();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut text = String::with_capacity(bytes + 4096);
    while text.len() < bytes {
        let paragraph = match random.below(40) {
            0 if !paragraphs.is_empty() => {
                // An earlier paragraph split at its sentence ends.
                let earlier = &paragraphs[random.below(paragraphs.len())];
                earlier.replace('。', "。\n").trim_end().to_owned()
            }
            1 | 2 if !paragraphs.is_empty() => {
                // A near copy: one word changed.
                let earlier = &paragraphs[random.below(paragraphs.len())];
                let word = &words[random.below(words.len())];
                let at = earlier
                    .char_indices()
                    .nth(random.below(earlier.chars().count()))
                    .map_or(0, |(offset, _)| offset);
                format!("{}{word}{}", &earlier[..at], &earlier[at..])
            }
            _ => {
                let mut paragraph = String::new();
                for _ in 0..3 + random.below(6) {
                    for _ in 0..6 + random.below(10) {
                        paragraph.push_str(&words[random.below(words.len())]);
                        if random.below(200) == 0 {
                            paragraph.push_str("在在");
                        }
                    }
                    paragraph.push('。');
                }
                paragraphs.push(paragraph.clone());
                paragraph
            }
        };
        text.push_str(&paragraph);
        text.push('\n');
    }
    text
}

fn near_duplicates(c: &mut Criterion) {
    let rule = RepeatedBlock::from_options(Default::default()).expect("default options");
    let context = RuleContext {
        rule_id: "repeated-block",
        severity: rule.meta().default_severity,
    };
    let mut group = c.benchmark_group("repeated-block");
    group.sample_size(10);
    for megabytes in [1, 5] {
        let source = SourceFile::new("report.txt", report(megabytes << 20));
        let document = Document::parse(&source);
        // Load the segmentation dictionary before the clock starts.
        black_box(rule.check(&document, &context));
        group.throughput(Throughput::Bytes(source.text().len() as u64));
        group.bench_with_input(
            BenchmarkId::new("generated report", format!("{megabytes} MB")),
            &document,
            |b, document| b.iter(|| black_box(rule.check(document, &context))),
        );
    }
    group.finish();
}

criterion_group!(benches, near_duplicates);
criterion_main!(benches);
