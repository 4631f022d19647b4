//! The rule on the shared corpus of scraped summaries, against its
//! hand-made catalogue.
//!
//! The catalogue has no `garbled-text` category: the stray apostrophes
//! are filed under `punctuation`. So the test pins down every finding the
//! rule makes on the corpus, and checks that no `negative` entry (a
//! look-alike that is not a defect) is overlapped.

use redline_core::{DeclaredRule, Severity};
use redline_rules_garbled_text::GarbledText;

/// Every finding expected on the corpus: file, line, column, text, severity.
const EXPECTED: &[(&str, usize, usize, &str, Severity)] = &[
    // `围绕党的'工作大局`: catalogued as a stray apostrophe (punctuation).
    ("zh-union-summaries.txt", 2, 42, "'", Severity::Warning),
    // `"两手抓,两手硬"的'创建机制`: the same artefact, absent from the
    // copies of the paragraph on lines 61 and 141.
    ("zh-union-summaries.txt", 49, 225, "'", Severity::Warning),
    // `"土专家""、"田秀才"`: the doubled quote of a line with 7 quotes.
    ("zh-union-summaries.txt", 287, 238, "\"", Severity::Warning),
];

#[test]
fn corpus_findings_are_exactly_the_expected_ones() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let rule = GarbledText::from_options(Default::default()).unwrap();
    let score = redline_testing::score(&documents, &rule, "garbled-text", &["error", "warning"]);
    assert!(
        score.negatives_flagged.is_empty(),
        "negatives flagged: {:#?}",
        score.negatives_flagged
    );

    let mut actual = Vec::new();
    for document in &documents {
        let findings = redline_testing::check_source(&rule, Severity::Error, &document.source);
        for finding in findings {
            let at = document.source.line_col(finding.span.start);
            eprintln!(
                "{}:{}:{} {}: {}",
                document.name, at.line, at.column, finding.severity, finding.message
            );
            actual.push((
                document.name.clone(),
                at.line,
                at.column,
                document.source.slice(finding.span).to_owned(),
                finding.severity,
            ));
        }
    }
    let expected: Vec<_> = EXPECTED
        .iter()
        .map(|&(name, line, column, text, severity)| {
            (name.to_owned(), line, column, text.to_owned(), severity)
        })
        .collect();
    assert_eq!(actual, expected);
}
