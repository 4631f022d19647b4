//! Throughput of the rule alone over the shared corpus repeated to about
//! 50 MB: once as it is (a finding every kilobyte, far denser than real
//! documents) and once with every finding cut out (the cost of reading text
//! that has no leftovers). Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-placeholder --test throughput -- --ignored --nocapture
//! ```

use redline_core::{DeclaredRule, Severity};
use redline_rules_placeholder::Placeholder;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(50 << 20) else {
        return;
    };
    let rule = Placeholder::from_options(Default::default()).unwrap();
    let (_, findings) = redline_testing::check(&rule, Severity::Error, &text);
    let mut clean = text.clone();
    for finding in findings.iter().rev() {
        clean.replace_range(finding.span.range(), "");
    }
    redline_testing::throughput(&rule, "corpus as is", text, 5);
    redline_testing::throughput(&rule, "leftovers cut out", clean, 5);
}
