//! Recall on the shared corpus of scraped summaries, against its hand-made
//! catalogue of defects (`golden/*.jsonl`).
//!
//! `truncation` entries of severity error and warning together must be
//! overlapped by a finding at least 60% of the time, and no `negative`
//! entry (a look-alike that is not a defect) may be. The corpus is
//! third-party material kept outside the repository; without it the test
//! says so and passes.
//!
//! Entries out of reach, and skipped on purpose, because only knowing the
//! text tells them:
//! - a slogan missing a word (`组织起来,切实的工作方针`, where `维权` was
//!   dropped) and words dropped inside a sentence (`多方等基础设施`);
//! - a sample that starts mid-document right after another sample's
//!   ordinary last paragraph (`向各街道办事处发放…`): nothing but the change
//!   of topic marks the seam;
//! - a plan section cut after its first sentence (`…努力在开创xx乡工会工作
//!   新局面。`), complete as a sentence and known to be short only from a
//!   fuller copy elsewhere on the page.
//!
//! The info entries (continuation lines of a split sentence, a sample ending
//! right after announcing a campaign) are not required; the first are shown
//! as labels of the orphan-fragment findings.

use redline_core::DeclaredRule;
use redline_rules_truncation::Truncation;

#[test]
fn corpus_recall() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = Truncation::from_options(Default::default()).unwrap();
    for severity in ["error", "warning", "info"] {
        redline_testing::score(&documents, &rule, "truncation", &[severity])
            .report(&format!("truncation recall on {severity} entries"));
    }
    let score = redline_testing::score(&documents, &rule, "truncation", &["error", "warning"]);
    score.report("truncation recall on error and warning entries");
    assert!(
        score.negatives_flagged.is_empty(),
        "negatives flagged: {:#?}",
        score.negatives_flagged
    );
    assert!(
        score.recall() >= 0.60,
        "recall {:.3} below 0.60",
        score.recall()
    );
}
