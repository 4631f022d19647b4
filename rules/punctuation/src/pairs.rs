//! Paired marks: brackets, title marks and quotation marks, matched within
//! the paragraph that opens them.

use crate::chars::span_of;
use crate::sink::Sink;

/// A kind of paired mark. ASCII and full-width round brackets are one
/// family: `(一）` is a pair with one half mistyped, which the ASCII check
/// reports, not an unclosed bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Round,
    Book,
    Angle,
    Lenticular,
    Tortoise,
    Corner,
    WhiteCorner,
    Double,
    Single,
}

const FAMILIES: usize = 9;

impl Family {
    fn index(self) -> usize {
        self as usize
    }

    /// Brackets nest; quotation marks alternate (a quote inside a quote
    /// takes the other kind), so a second opener is a mistyped closer.
    fn nests(self) -> bool {
        !matches!(self, Family::Double | Family::Single)
    }

    pub(crate) fn opened_by(c: char) -> Option<Family> {
        Some(match c {
            '(' | '（' => Family::Round,
            '《' => Family::Book,
            '〈' => Family::Angle,
            '【' => Family::Lenticular,
            '〔' => Family::Tortoise,
            '「' => Family::Corner,
            '『' => Family::WhiteCorner,
            '“' => Family::Double,
            '‘' => Family::Single,
            _ => return None,
        })
    }

    pub(crate) fn closed_by(c: char) -> Option<Family> {
        Some(match c {
            ')' | '）' => Family::Round,
            '》' => Family::Book,
            '〉' => Family::Angle,
            '】' => Family::Lenticular,
            '〕' => Family::Tortoise,
            '」' => Family::Corner,
            '』' => Family::WhiteCorner,
            '”' => Family::Double,
            '’' => Family::Single,
            _ => return None,
        })
    }

    fn closer(self) -> char {
        match self {
            Family::Round => '）',
            Family::Book => '》',
            Family::Angle => '〉',
            Family::Lenticular => '】',
            Family::Tortoise => '〕',
            Family::Corner => '」',
            Family::WhiteCorner => '』',
            Family::Double => '”',
            Family::Single => '’',
        }
    }
}

/// An opener waiting for its closer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Open {
    pub at: usize,
    pub ch: char,
    /// Index of the ASCII-mark candidate this opener is, if it is one.
    pub candidate: Option<usize>,
}

#[derive(Debug, Clone, Copy)]
enum Problem {
    Unclosed {
        at: usize,
        ch: char,
    },
    Unopened {
        at: usize,
        ch: char,
    },
    /// `“四害“`: a quotation closed with a second opener.
    Reopened {
        first: usize,
        second: usize,
        ch: char,
    },
}

/// Open marks of the current paragraph, and those the previous paragraph
/// left open.
#[derive(Debug, Default)]
pub(crate) struct PairTracker {
    open: [Vec<Open>; FAMILIES],
    /// Openers the previous paragraph left open. A paragraph broken in the
    /// middle of a quotation (`“加强企业工` / `会建设”`) closes them in the
    /// next one; that break is a truncation, not a punctuation mistake.
    carried: [Vec<Open>; FAMILIES],
    problems: Vec<Problem>,
}

impl PairTracker {
    /// Starts a paragraph whose first character is `first`.
    pub fn begin_block(&mut self, first: Option<char>) {
        // A quotation running over several paragraphs opens each of them
        // and closes only in the last (GB/T 15834): the earlier paragraphs'
        // openers are continued, not forgotten.
        if let Some(family) = first.and_then(Family::opened_by) {
            self.carried[family.index()].clear();
        }
    }

    pub fn open(&mut self, family: Family, at: usize, ch: char, candidate: Option<usize>) {
        let stack = &mut self.open[family.index()];
        if !family.nests()
            && let Some(previous) = stack.pop()
        {
            self.problems.push(Problem::Reopened {
                first: previous.at,
                second: at,
                ch,
            });
            return;
        }
        stack.push(Open { at, ch, candidate });
    }

    /// Closes the innermost open mark of `family`, returning it.
    pub fn close(&mut self, family: Family, at: usize, ch: char) -> Option<Open> {
        let index = family.index();
        if let Some(open) = self.open[index].pop() {
            return Some(open);
        }
        if self.carried[index].pop().is_none() {
            self.problems.push(Problem::Unopened { at, ch });
        }
        None
    }

    pub fn depth(&self, family: Family) -> usize {
        self.open[family.index()].len()
    }

    /// Ends the current paragraph: what the previous one left open and this
    /// one did not close is reported; what this one leaves open is carried.
    pub fn end_block(&mut self) {
        for index in 0..FAMILIES {
            self.problems
                .extend(self.carried[index].drain(..).map(|open| Problem::Unclosed {
                    at: open.at,
                    ch: open.ch,
                }));
            std::mem::swap(&mut self.carried[index], &mut self.open[index]);
        }
    }

    /// Ends the document and reports every problem found.
    pub fn finish(&mut self, sink: &mut Sink<'_>) {
        // The last paragraph's open marks were carried; nothing follows
        // to close them.
        self.end_block();
        for problem in self.problems.drain(..) {
            let finding = match problem {
                Problem::Unclosed { at, ch } => sink
                    .context
                    .finding(
                        span_of(at, ch),
                        format!("`{ch}` is never closed in this paragraph"),
                    )
                    .with_label(span_of(at, ch), "opened here")
                    .with_help(match Family::opened_by(ch) {
                        Some(family) => format!(
                            "close it with `{}` where the quoted or bracketed text ends, or delete it",
                            family.closer()
                        ),
                        None => "close it, or delete it".to_owned(),
                    }),
                Problem::Unopened { at, ch } => sink
                    .context
                    .finding(
                        span_of(at, ch),
                        format!("`{ch}` closes nothing: no opening mark before it in this paragraph"),
                    )
                    .with_help("delete it, or add the opening mark where the bracketed text starts"),
                Problem::Reopened { first, second, ch } => {
                    let closer = Family::opened_by(ch).map_or(ch, Family::closer);
                    sink.context
                        .finding(
                            redline_core::Span::new(first, second + ch.len_utf8()),
                            format!("quotation opened with `{ch}` is closed with another `{ch}`"),
                        )
                        .with_label(span_of(first, ch), "opened here")
                        .with_label(span_of(second, ch), format!("should be `{closer}`"))
                        .with_help(format!("write `{closer}` to close the quotation"))
                }
            };
            sink.push(finding);
        }
    }
}
