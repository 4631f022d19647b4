//! Recall on the shared corpus of scraped summaries, against its hand-made
//! catalogue of defects: every `placeholder` entry of severity error or
//! warning should be overlapped by a finding, and no `negative` entry (a
//! look-alike that is not a defect) may be.

use redline_core::DeclaredRule;
use redline_rules_placeholder::Placeholder;

#[test]
fn corpus_recall() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = Placeholder::from_options(Default::default()).unwrap();
    let score = redline_testing::score(&documents, &rule, "placeholder", &["error", "warning"]);
    score.report("placeholder recall on the corpus");
    assert!(
        score.negatives_flagged.is_empty(),
        "negatives flagged: {:#?}",
        score.negatives_flagged
    );
    assert!(
        score.recall() >= 0.95,
        "recall {:.3} below 0.95",
        score.recall()
    );
}
