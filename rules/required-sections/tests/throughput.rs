//! Throughput of the rule alone over the shared corpus repeated to about
//! 50 MB. The corpus is the rule's worst case: pasted samples whose
//! headings were lost, so every document is read paragraph by paragraph
//! for the phrases that open a section. Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-required-sections --test throughput -- --ignored --nocapture
//! ```

use redline_core::DeclaredRule;
use redline_rules_required_sections::RequiredSections;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(50 << 20) else {
        return;
    };
    let rule = RequiredSections::from_options(Default::default()).unwrap();
    redline_testing::throughput(&rule, "corpus as is", text, 5);
}
