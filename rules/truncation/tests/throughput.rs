//! Throughput of the rule alone over the shared corpus repeated to about
//! 50 MB: once as it is, and once as ordinary prose with no truncation
//! (every paragraph closed with a full stop). Run it optimised:
//!
//! ```sh
//! cargo test --release -p redline-rules-truncation --test throughput -- --ignored --nocapture
//! ```

use redline_core::DeclaredRule;
use redline_rules_truncation::Truncation;

#[test]
#[ignore = "a measurement, not a check; run in release with --ignored --nocapture"]
fn throughput() {
    let Some(text) = redline_testing::corpus_text_of_size(50 << 20) else {
        return;
    };
    let rule = Truncation::from_options(Default::default()).unwrap();
    let closed: String = text
        .lines()
        .map(|line| {
            let line = line.trim_end();
            if line.is_empty() || line.ends_with(['。', '.', '!', '?', '！', '？']) {
                format!("{line}\n")
            } else {
                format!("{line}。\n")
            }
        })
        .collect();
    redline_testing::throughput(&rule, "corpus as is", text, 5);
    redline_testing::throughput(&rule, "every paragraph closed", closed, 5);
}
