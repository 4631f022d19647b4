//! Recall on the shared corpus of scraped summaries, against its hand-made
//! catalogue of defects: the `numbering` entries of severity error or
//! warning should be overlapped by a finding, and no `negative` entry (a
//! look-alike that is not a defect, such as `(1)` restarting under a new
//! parent item) may be.

use redline_core::DeclaredRule;
use redline_rules_numbering::Numbering;

#[test]
fn corpus_recall() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = Numbering::from_options(Default::default()).unwrap();
    for severities in [&["error"][..], &["warning"], &["info"]] {
        redline_testing::score(&documents, &rule, "numbering", severities)
            .report(&format!("numbering recall on {} entries", severities[0]));
    }
    let score = redline_testing::score(&documents, &rule, "numbering", &["error", "warning"]);
    score.report("numbering recall on error and warning entries");
    assert!(
        score.negatives_flagged.is_empty(),
        "negatives flagged: {:#?}",
        score.negatives_flagged
    );
    assert!(
        score.recall() >= 0.80,
        "recall {:.3} below 0.80",
        score.recall()
    );
}
