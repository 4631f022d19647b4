//! Recall on the shared corpus of scraped summaries, against its hand-made
//! catalogue of defects: every `boilerplate` entry of severity error or
//! warning should be overlapped by a finding, and no `negative` entry (a
//! look-alike that is not a defect) may be.

use redline_core::DeclaredRule;
use redline_rules_boilerplate::Boilerplate;

const RECALL_THRESHOLD: f64 = 0.90;

#[test]
fn corpus_recall() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = Boilerplate::from_options(Default::default()).unwrap();
    let score = redline_testing::score(&documents, &rule, "boilerplate", &["error", "warning"]);
    score.report("boilerplate recall on the corpus");
    assert!(
        score.negatives_flagged.is_empty(),
        "negatives flagged: {:#?}",
        score.negatives_flagged
    );
    assert!(
        score.recall() >= RECALL_THRESHOLD,
        "recall {:.3} below {RECALL_THRESHOLD}",
        score.recall()
    );
}
