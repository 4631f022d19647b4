//! Applying fixes: pick non-overlapping fixes, edit, re-lint, repeat.

use crate::config::Config;
use crate::engine::{Checked, RuleCrash, lint_source};
use crate::{Applicability, Edit, Finding, Fix, SourceFile};
use std::path::Path;

/// Rounds of fix-and-re-lint before giving up on reaching a fixed point;
/// a fix that keeps producing new fixes is a rule bug, not a reason to hang.
pub const MAX_ROUNDS: usize = 10;

/// Which fixes may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// `--fix`: safe fixes only.
    Safe,
    /// `--unsafe-fixes`: safe and unsafe fixes.
    All,
}

impl FixMode {
    pub fn allows(self, applicability: Applicability) -> bool {
        match self {
            FixMode::Safe => applicability == Applicability::Safe,
            FixMode::All => true,
        }
    }
}

/// The result of fixing one text.
#[derive(Debug)]
pub struct Fixed {
    /// The text after all rounds (equal to the input when nothing applied).
    pub text: String,
    /// How many fixes were applied over all rounds.
    pub applied: usize,
    /// What the rules find in `text`.
    pub remaining: Checked,
}

/// The fixes `mode` allows, in text order, dropping any that overlaps one
/// before it: the first wins, and the other is looked at again next round,
/// against the edited text.
pub fn select_fixes(findings: &[Finding], mode: FixMode) -> Vec<&Fix> {
    let mut candidates: Vec<&Fix> = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref())
        .filter(|fix| mode.allows(fix.applicability) && !fix.edits.is_empty())
        .collect();
    candidates.sort_by_key(|fix| (fix.edits[0].start, fix.edits[0].end));
    let mut taken: Vec<&Fix> = Vec::new();
    let mut claimed: Vec<(usize, usize)> = Vec::new();
    for fix in candidates {
        let clashes = fix.edits.iter().any(|edit| {
            claimed
                .iter()
                .any(|&(start, end)| overlaps(edit.start, edit.end, start, end))
        });
        if !clashes {
            claimed.extend(fix.edits.iter().map(|edit| (edit.start, edit.end)));
            taken.push(fix);
        }
    }
    taken
}

/// Two ranges clash when they share a byte, or when they are insertions at
/// the same offset (their order would be arbitrary).
fn overlaps(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> bool {
    (a_start < b_end && b_start < a_end)
        || (a_start == b_start && (a_start == a_end || b_start == b_end))
}

/// Applies non-overlapping `edits` (any order) to `text`.
///
/// # Panics
/// When two edits overlap or an edit is out of bounds; callers pass edits
/// from [`select_fixes`].
pub fn apply_edits<'e>(text: &str, edits: impl IntoIterator<Item = &'e Edit>) -> String {
    let mut edits: Vec<&Edit> = edits.into_iter().collect();
    edits.sort_by_key(|edit| (edit.start, edit.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        assert!(edit.start >= at, "overlapping edits at byte {}", edit.start);
        out.push_str(&text[at..edit.start]);
        out.push_str(&edit.replacement);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Fixes `source` under `config` until no allowed fix remains, at most
/// [`MAX_ROUNDS`] times, re-linting after every round.
pub fn fix_source(
    source: &SourceFile,
    config: &Config,
    relative: &Path,
    mode: FixMode,
) -> Result<Fixed, RuleCrash> {
    let mut checked = lint_source(source, config, relative)?;
    let mut text = source.text().to_owned();
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let fixes = select_fixes(&checked.findings, mode);
        if fixes.is_empty() {
            break;
        }
        let edited = apply_edits(&text, fixes.iter().flat_map(|fix| fix.edits.iter()));
        if edited == text {
            break;
        }
        applied += fixes.len();
        text = edited;
        let current = source.with_text(text.clone());
        checked = lint_source(&current, config, relative)?;
    }
    Ok(Fixed {
        text,
        applied,
        remaining: checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DeclaredRule, Document, Registry, Rule, RuleContext, RuleMeta, Span};

    fn finding(span: Span, fix: Fix) -> Finding {
        Finding::new("test", crate::Severity::Warning, span, "m").with_fix(fix)
    }

    #[test]
    fn overlapping_fixes_first_wins() {
        let findings = [
            finding(
                Span::new(4, 8),
                Fix::safe(vec![Edit::delete(Span::new(4, 8))]),
            ),
            finding(
                Span::new(0, 5),
                Fix::safe(vec![Edit::replace(Span::new(0, 5), "x")]),
            ),
            finding(
                Span::new(8, 9),
                Fix::unsafe_edits(vec![Edit::delete(Span::new(8, 9))]),
            ),
            finding(
                Span::new(9, 10),
                Fix::safe(vec![Edit::delete(Span::new(9, 10))]),
            ),
        ];
        let safe: Vec<Span> = select_fixes(&findings, FixMode::Safe)
            .iter()
            .map(|fix| fix.edits[0].span())
            .collect();
        assert_eq!(safe, [Span::new(0, 5), Span::new(9, 10)]);
        let all = select_fixes(&findings, FixMode::All).len();
        assert_eq!(all, 3);
    }

    #[test]
    fn insertions_at_one_offset_clash_but_touching_edits_do_not() {
        assert!(overlaps(3, 3, 3, 3));
        assert!(overlaps(3, 3, 3, 5));
        assert!(!overlaps(1, 3, 3, 5));
        assert_eq!(
            apply_edits(
                "abcdef",
                &[
                    Edit::delete(Span::new(1, 3)),
                    Edit::replace(Span::new(3, 5), "X")
                ]
            ),
            "aXf"
        );
    }

    /// Replaces each `,,` with `,`: needs two rounds for `,,,`.
    struct DoubledComma;

    crate::declare_rule! {
        /// Doubled commas.
        DoubledComma {
            id: "doubled-comma",
            family: "test",
            severity: Warning,
            recommended: true,
            fixable: true,
            summary: "doubled commas",
        }
    }

    impl Rule for DoubledComma {
        fn meta(&self) -> &RuleMeta {
            &Self::META
        }

        fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
            let text = document.text();
            let mut findings = Vec::new();
            let mut from = 0;
            while let Some(at) = text[from..].find(",,").map(|i| from + i) {
                let span = Span::new(at, at + 2);
                findings.push(
                    context
                        .finding(span, "doubled comma")
                        .with_fix(Fix::safe(vec![Edit::replace(span, ",")])),
                );
                from = at + 2;
            }
            findings
        }
    }

    impl DeclaredRule for DoubledComma {
        const META: RuleMeta = Self::META;
        type Options = ();

        fn from_options((): ()) -> Result<Self, String> {
            Ok(DoubledComma)
        }
    }

    #[test]
    fn fixes_repeat_until_nothing_changes() {
        let mut registry = Registry::new();
        registry.register::<DoubledComma>();
        let config = Config::defaults(".", &registry);
        let source = SourceFile::new("a.txt", "a,,,,,b and c,,d\n".to_owned());
        let fixed = fix_source(&source, &config, Path::new("a.txt"), FixMode::Safe).unwrap();
        assert_eq!(fixed.text, "a,b and c,d\n");
        assert!(fixed.remaining.findings.is_empty());
        assert_eq!(fixed.applied, 5);

        // Fixing the fixed text changes nothing: fixes are idempotent.
        let again = SourceFile::new("a.txt", fixed.text.clone());
        let second = fix_source(&again, &config, Path::new("a.txt"), FixMode::Safe).unwrap();
        assert_eq!((second.text, second.applied), (fixed.text, 0));
    }
}
