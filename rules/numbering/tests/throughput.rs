//! Throughput of the rule alone over the shared corpus repeated to about
//! 50 MB. The corpus is dense with numbered headings and enumerations (a
//! marker every few hundred bytes), so this is the rule's heavy case. Run
//! it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-numbering --test throughput -- --ignored --nocapture
//! ```

use redline_core::DeclaredRule;
use redline_rules_numbering::Numbering;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(50 << 20) else {
        return;
    };
    let rule = Numbering::from_options(Default::default()).unwrap();
    redline_testing::throughput(&rule, "corpus", text, 5);
}
