//! Recall on the shared corpus of scraped summaries, against its hand-made
//! catalogue of defects: `repeated-block` entries of severity error or
//! warning should be overlapped by a finding, and no `negative` entry (a
//! look-alike that is not a defect) may be.
//!
//! Known misses, out of reach of a general rule:
//! - `en-office-summaries.txt:18` restates the sentence before it in other
//!   words (`sorted out the basis … reported to the Legislative Affairs
//!   Office` / `Existing effective administrative punishment basis …
//!   Legislative Affairs Office`): a paraphrase shares too few shingles.
//! - `zh-union-summaries.txt:280` retells two sentences of lines 277–278
//!   with new words around them; two thirds of the paragraph is new text.
//! - `zh-union-summaries.txt:238` `xx镇镇文体广电站`: a place name's last
//!   character opening the next word is how `马过河镇镇政府` is written too.

use redline_core::DeclaredRule;
use redline_rules_repeated_block::RepeatedBlock;

#[test]
fn corpus_recall() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = RepeatedBlock::from_options(Default::default()).unwrap();
    for severity in ["error", "warning", "info"] {
        let score = redline_testing::score(&documents, &rule, "repeated-block", &[severity]);
        score.report(&format!("repeated-block recall, {severity} entries"));
    }
    let score = redline_testing::score(&documents, &rule, "repeated-block", &["error", "warning"]);
    score.report("repeated-block recall, error and warning entries");
    assert!(
        score.negatives_flagged.is_empty(),
        "negatives flagged: {:#?}",
        score.negatives_flagged
    );
    assert!(
        score.recall() >= 0.85,
        "recall {:.3} below 0.85",
        score.recall()
    );
}
