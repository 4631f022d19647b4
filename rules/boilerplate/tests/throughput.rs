//! Throughput of the rule alone, over the shared corpus repeated to about
//! 50 MB: once as it is (web-page text every few kilobytes, far denser
//! than real documents) and once with every finding cut out (the cost of
//! reading text that has none). Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-boilerplate --test throughput -- --ignored --nocapture
//! ```

use redline_core::{DeclaredRule, Severity};
use redline_rules_boilerplate::Boilerplate;

const TARGET_BYTES: usize = 50 << 20;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(TARGET_BYTES) else {
        return;
    };
    let rule = Boilerplate::from_options(Default::default()).unwrap();
    let (_, findings) = redline_testing::check(&rule, Severity::Error, &text);
    let clean = redline_testing::apply_fixes(&text, &findings);
    redline_testing::throughput(&rule, "corpus as is", text, 5);
    redline_testing::throughput(&rule, "web-page text cut out", clean, 5);
}
