//! What a check reports before it becomes a finding.

use redline_core::Span;

/// How sure a check is: certain defects are reported at the rule's
/// severity, suspect ones one level lower.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Certainty {
    Suspect,
    Certain,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Defect {
    pub span: Span,
    pub certainty: Certainty,
    pub message: String,
    pub help: &'static str,
}

pub(crate) const HELP_FIGURE: &str = "check the figure against the source and write it out";
pub(crate) const HELP_DATE: &str = "check the date against the source and correct it";
pub(crate) const HELP_RANGE: &str = "check both ends of the range against the source; a range runs from the earlier date to the later";
pub(crate) const HELP_SPACING: &str =
    "check the figure against the source: join its digits or restore the lost decimal point";
pub(crate) const HELP_GLUE: &str =
    "check the figure against the source and separate it from the words around it";
pub(crate) const HELP_RATE: &str =
    "a share or coverage rate is at most 100%: check the figure, or write `100%` without `以上`";
pub(crate) const HELP_APPROXIMATE: &str =
    "keep either the exact figure or a round one with 余 (`9600余亩`), not both";
pub(crate) const HELP_UNIT: &str = "check the unit against the source and restore the right one";

/// Removes defects that overlap an earlier one, keeping the more certain
/// of two: a figure reported twice reads as two problems.
pub(crate) fn resolve_overlaps(defects: &mut Vec<Defect>) {
    defects.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept: Vec<Defect> = Vec::with_capacity(defects.len());
    for defect in defects.drain(..) {
        match kept.last_mut() {
            Some(last) if last.span.overlaps(defect.span) => {
                if defect.certainty > last.certainty {
                    *last = defect;
                }
            }
            _ => kept.push(defect),
        }
    }
    *defects = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defect(start: usize, end: usize, certainty: Certainty) -> Defect {
        Defect {
            span: Span::new(start, end),
            certainty,
            message: String::new(),
            help: HELP_FIGURE,
        }
    }

    #[test]
    fn overlapping_defects_keep_the_certain_one() {
        let mut defects = vec![
            defect(5, 9, Certainty::Certain),
            defect(0, 6, Certainty::Suspect),
            defect(20, 22, Certainty::Suspect),
        ];
        resolve_overlaps(&mut defects);
        assert_eq!(
            defects,
            [
                defect(5, 9, Certainty::Certain),
                defect(20, 22, Certainty::Suspect)
            ]
        );
    }
}
