//! Throughput of the rule alone, over the shared corpus repeated to about
//! 50 MB: as scraped (ASCII punctuation all through the Chinese text, so a
//! finding with a fix for every mark on nearly every line), with those
//! marks made full-width as a careful writer types them (ordinary text),
//! and the English document alone. Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-punctuation --test throughput -- --ignored --nocapture
//! ```

use redline_core::DeclaredRule;
use redline_rules_punctuation::Punctuation;

const TARGET_BYTES: usize = 50 << 20;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = Punctuation::from_options(Default::default()).unwrap();
    let seed: String = documents
        .iter()
        .map(|document| format!("{}\n", document.source.text()))
        .collect();
    let scraped = seed.repeat(TARGET_BYTES / seed.len() + 1);
    let full_width = scraped
        .replace(',', "，")
        .replace(':', "：")
        .replace(';', "；")
        .replace('(', "（")
        .replace(')', "）");
    let english: String = documents
        .iter()
        .filter(|document| document.name.starts_with("en-"))
        .map(|document| format!("{}\n", document.source.text()))
        .collect();
    let english = english.repeat(TARGET_BYTES / english.len().max(1) + 1);
    redline_testing::throughput(&rule, "corpus as scraped", scraped, 5);
    redline_testing::throughput(&rule, "Chinese marks full-width", full_width, 5);
    redline_testing::throughput(&rule, "English document", english, 5);
}
