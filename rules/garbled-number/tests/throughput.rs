//! Throughput of the rule alone, over the shared corpus repeated to about
//! 50 MB. Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-garbled-number --test throughput -- --ignored --nocapture
//! ```

use redline_core::DeclaredRule;
use redline_rules_garbled_number::GarbledNumber;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(50 << 20) else {
        return;
    };
    let rule = GarbledNumber::from_options(Default::default()).unwrap();
    // Chinese typed with full-width punctuation puts a candidate lead byte
    // (0xEF, shared with full-width digits) every few characters.
    let full_width = text
        .replace(',', "，")
        .replace(':', "：")
        .replace(';', "；")
        .replace('(', "（")
        .replace(')', "）");
    redline_testing::throughput(&rule, "scraped punctuation", text, 5);
    redline_testing::throughput(&rule, "full-width punctuation", full_width, 5);
}
