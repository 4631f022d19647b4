//! Chinese paragraphs: ASCII marks standing in for full-width ones, doubled
//! marks, stray dots, ASCII quotation marks, brackets in document numbers
//! and single title marks outside double ones.

use crate::chars::{
    Skip, char_at, char_before, clause_rank, closes_enumerator, full_width, span_of,
    touches_chinese,
};
use crate::document_numbers::{self, DocumentNumber};
use crate::lines;
use crate::pairs::{Family, PairTracker};
use crate::quotes;
use crate::sink::{Report, Sink};
use redline_core::script::byte_set;
use redline_core::script::is_han;
use redline_core::{Block, Document, Edit, Fix, Span};
use std::fmt::Write as _;

/// Bytes that can start a character this scan looks at: the ASCII marks,
/// and the lead bytes of general punctuation (E2: `“”‘’`), CJK symbols
/// (E3: `。、《》〈〉【】〔〕「」`) and full-width forms (EF: `，：；（）！？`).
/// Han characters (lead bytes E4 to E9) are skipped without decoding.
static INTERESTING: [bool; 256] = byte_set(b",:;()?!.\"\'[]\xE2\xE3\xEF");

/// Bytes ruled out together when skipping Han text.
const CHUNK: usize = 16;

/// The offset of the next interesting byte in `bytes[from..end]`.
///
/// Han characters (lead bytes E4 to E9, then continuation bytes) make up
/// most of a Chinese text and hold no interesting byte: a chunk with no
/// ASCII byte and no E2, E3 or EF lead byte is skipped whole, by a test the
/// compiler turns into vector instructions.
fn next_interesting(bytes: &[u8], from: usize, end: usize) -> Option<usize> {
    let mut at = from;
    while at + CHUNK <= end {
        let chunk: &[u8; CHUNK] = bytes[at..at + CHUNK].try_into().ok()?;
        let mut candidates = 0u8;
        for &b in chunk {
            candidates |= u8::from(b < 0x80) | u8::from(b == 0xE2 || b == 0xE3 || b == 0xEF);
        }
        if candidates != 0
            && let Some(found) = chunk.iter().position(|&b| INTERESTING[usize::from(b)])
        {
            return Some(at + found);
        }
        at += CHUNK;
    }
    bytes[at..end]
        .iter()
        .position(|&b| INTERESTING[usize::from(b)])
        .map(|found| at + found)
}

/// An ASCII mark that may need its full-width form.
#[derive(Debug, Clone, Copy)]
struct AsciiMark {
    at: usize,
    ch: char,
    /// It touches Chinese text, or (for a bracket) its partner does.
    chinese: bool,
}

/// Buffers reused from one paragraph to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    marks: Vec<AsciiMark>,
    /// ASCII `"`, and whether each touches Chinese text.
    double_quotes: Vec<(usize, bool)>,
    /// ASCII `'` touching Chinese text (English apostrophes do not).
    single_quotes: Vec<usize>,
    document_numbers: Vec<DocumentNumber>,
}

/// Consecutive clause marks (`，，`, `;。`).
#[derive(Debug, Default)]
struct Run {
    start: usize,
    end: usize,
    count: usize,
    first: char,
    identical: bool,
    strongest: char,
    chinese: bool,
}

impl Run {
    fn extends(&self, at: usize) -> bool {
        self.count > 0 && self.end == at
    }

    fn feed(&mut self, at: usize, ch: char, chinese: bool) {
        if self.extends(at) {
            self.count += 1;
            self.identical &= ch == self.first;
            if clause_rank(ch) > clause_rank(self.strongest) {
                self.strongest = ch;
            }
            self.chinese |= chinese;
        } else {
            *self = Run {
                start: at,
                end: at,
                count: 1,
                first: ch,
                identical: true,
                strongest: ch,
                chinese,
            };
        }
        self.end = at + ch.len_utf8();
    }

    /// Reports the run if it doubles a mark, taking its ASCII marks from
    /// `marks` so that only this finding edits them.
    fn flush(&mut self, sink: &mut Sink<'_>, marks: &mut Vec<AsciiMark>) {
        let run = std::mem::take(self);
        if run.count < 2 || !run.chinese {
            return;
        }
        while marks.last().is_some_and(|mark| mark.at >= run.start) {
            marks.pop();
        }
        let span = Span::new(run.start, run.end);
        let found = sink.slice(span);
        let finding = if run.identical {
            let mark = full_width(run.first);
            sink.context
                .finding(span, format!("doubled punctuation `{found}`"))
                .with_help(format!("write one `{mark}`"))
                .with_fix(Fix::safe(vec![Edit::replace(span, mark.to_string())]))
        } else {
            let mark = full_width(run.strongest);
            sink.context
                .finding(span, format!("clashing punctuation `{found}`"))
                .with_help(format!(
                    "keep one mark: `{mark}` if the sentence ends here, otherwise the one the sentence needs"
                ))
                .with_fix(Fix::unsafe_edits(vec![Edit::replace(span, mark.to_string())]))
        };
        sink.push(finding);
    }
}

/// Scans one Chinese paragraph. Clause marks before `runs_from` belong to
/// the numbering marker (and a stray mark after it, already reported) and
/// start no doubled run; the `reported` spans (a stray mark after
/// the marker, lone lines) are passed over.
pub(crate) fn scan_block(
    sink: &mut Sink<'_>,
    document: &Document<'_>,
    block: &Block,
    runs_from: usize,
    reported: &[Span],
    pairs: &mut PairTracker,
    scratch: &mut Scratch,
) {
    let text = sink.text;
    let bytes = text.as_bytes();
    let end = block.span.end;
    let mut at = block.span.start;
    let mut run = Run::default();
    // The closing bracket of a document number being read; it is that
    // finding's, not an ASCII mark to convert.
    let mut document_number_close: Option<usize> = None;
    // A `〈` opened outside `《》`.
    let mut lone_angle: Option<usize> = None;

    let mut skip = Skip::new(reported);
    while let Some(next) = next_interesting(bytes, at, end) {
        at = next;
        if let Some(past) = skip.past(at) {
            at = past;
            continue;
        }
        // Only ASCII bytes and lead bytes are interesting, so `at` is on a
        // character boundary.
        let Some(c) = char_at(text, at) else { break };
        let len = c.len_utf8();
        let is_clause = clause_rank(c).is_some() && c != '.';
        if !(is_clause && run.extends(at)) {
            run.flush(sink, &mut scratch.marks);
        }
        match c {
            ',' | ':' | ';' | '?' | '!' => {
                let chinese = touches_chinese(text, at, 1);
                if chinese {
                    scratch.marks.push(AsciiMark { at, ch: c, chinese });
                }
                if is_clause && at >= runs_from {
                    run.feed(at, c, chinese);
                }
            }
            '.' => scan_dot(sink, at, &mut scratch.marks),
            '"' => scratch
                .double_quotes
                .push((at, touches_chinese(text, at, 1))),
            '\'' => {
                if touches_chinese(text, at, 1) {
                    scratch.single_quotes.push(at);
                }
            }
            '(' | '（' | '[' | '【' => {
                if let Some(close) = document_numbers::closing_bracket(text, at, c, end) {
                    scratch.document_numbers.push(DocumentNumber {
                        open: span_of(at, c),
                        close,
                    });
                    document_number_close = Some(close.start);
                    if let Some(family) = Family::opened_by(c) {
                        pairs.open(family, at, c, None);
                    }
                } else if c == '(' {
                    let candidate = scratch.marks.len();
                    scratch.marks.push(AsciiMark {
                        at,
                        ch: c,
                        chinese: touches_chinese(text, at, 1),
                    });
                    pairs.open(Family::Round, at, c, Some(candidate));
                } else if let Some(family) = Family::opened_by(c) {
                    pairs.open(family, at, c, None);
                }
            }
            ')' | '）' | ']' | '】' => {
                if document_number_close == Some(at) {
                    document_number_close = None;
                    if let Some(family) = Family::closed_by(c) {
                        pairs.close(family, at, c);
                    }
                } else if c == ')' || c == '）' {
                    close_round(text, block, at, c, pairs, &mut scratch.marks);
                } else if c == '】' {
                    pairs.close(Family::Lenticular, at, c);
                }
            }
            '〈' => {
                if pairs.depth(Family::Book) == 0 && lone_angle.is_none() {
                    lone_angle = Some(at);
                }
                pairs.open(Family::Angle, at, c, None);
            }
            '〉' => {
                let opened = pairs.close(Family::Angle, at, c).map(|open| open.at);
                if opened.is_some() && opened == lone_angle {
                    lone_angle = None;
                    report_lone_angle(sink, Span::new(opened.unwrap_or(at), at + len));
                }
            }
            '‘' | '’' if is_apostrophe(text, at, len) => {}
            '，' | '。' | '、' | '；' | '：' => {
                if at >= runs_from {
                    run.feed(at, c, true);
                }
            }
            _ => {
                if let Some(family) = Family::opened_by(c) {
                    pairs.open(family, at, c, None);
                } else if let Some(family) = Family::closed_by(c) {
                    pairs.close(family, at, c);
                }
            }
        }
        at += len;
    }
    run.flush(sink, &mut scratch.marks);

    report_ascii_marks(sink, document, block, &mut scratch.marks);
    quotes::report_double_quotes(sink, &scratch.double_quotes);
    quotes::report_single_quotes(sink, &scratch.single_quotes);
    document_numbers::report(sink, document, block, &scratch.document_numbers);
    scratch.marks.clear();
    scratch.double_quotes.clear();
    scratch.single_quotes.clear();
    scratch.document_numbers.clear();
}

/// A closing round bracket: matched with its opener, so that a pair is
/// converted whole when either half touches Chinese text (`(2019年)`), or
/// when the other half is already full-width (`（一)`).
fn close_round(
    text: &str,
    block: &Block,
    at: usize,
    c: char,
    pairs: &mut PairTracker,
    marks: &mut Vec<AsciiMark>,
) {
    let candidate = (c == ')').then(|| {
        marks.push(AsciiMark {
            at,
            ch: c,
            chinese: touches_chinese(text, at, 1),
        });
        marks.len() - 1
    });
    if pairs.depth(Family::Round) == 0 && closes_enumerator(text, block.span.start, at) {
        return;
    }
    let Some(open) = pairs.close(Family::Round, at, c) else {
        return;
    };
    match (open.candidate, candidate) {
        (Some(opener), Some(closer)) => {
            if marks[opener].chinese || marks[closer].chinese {
                marks[opener].chinese = true;
                marks[closer].chinese = true;
            }
        }
        (Some(opener), None) => marks[opener].chinese = true,
        (None, Some(closer)) => marks[closer].chinese = true,
        (None, None) => {}
    }
}

/// `的.利益`: a dot between Han characters is a stray (scraping leaves
/// them); `工作.` at the end of a Chinese sentence is a full stop typed in
/// ASCII. Decimals, ellipses and dots in Latin runs touch no Han character
/// on both sides.
fn scan_dot(sink: &mut Sink<'_>, at: usize, marks: &mut Vec<AsciiMark>) {
    let text = sink.text;
    let before = char_before(text, at);
    let after = char_at(text, at + 1);
    if !before.is_some_and(|c| is_han(c) || matches!(c, '”' | '’' | '）' | '》' | '」' | '』'))
    {
        return;
    }
    if after.is_some_and(is_han) && before.is_some_and(is_han) {
        let span = Span::new(at, at + 1);
        let finding = sink
            .context
            .finding(span, "stray ASCII `.` between Chinese characters")
            .with_help("delete it; if a sentence ends here, write `。`")
            .with_fix(Fix::unsafe_edits(vec![Edit::delete(span)]));
        sink.push(finding);
    } else if after.is_none_or(char::is_whitespace) {
        marks.push(AsciiMark {
            at,
            ch: '.',
            chinese: true,
        });
    }
}

/// `’` between Latin letters is an apostrophe (`women’s`), not a quote.
fn is_apostrophe(text: &str, at: usize, len: usize) -> bool {
    char_before(text, at).is_some_and(|c| c.is_ascii_alphabetic())
        && char_at(text, at + len).is_some_and(|c| c.is_ascii_alphabetic())
}

fn report_lone_angle(sink: &mut Sink<'_>, span: Span) {
    let found = sink.slice(span);
    let finding = sink
        .context
        .tentative_finding(
            span,
            format!("single title marks in `{found}` outside double title marks"),
        )
        .with_help(
            "`〈 〉` mark a title inside a title (`《关于〈…〉的通知》`); write `《 》` for a title, or delete them",
        );
    sink.push(finding);
}

/// One finding per line (or per mark) for the ASCII marks that touch
/// Chinese text, each fixing them to their full-width forms.
fn report_ascii_marks(
    sink: &mut Sink<'_>,
    document: &Document<'_>,
    block: &Block,
    marks: &mut Vec<AsciiMark>,
) {
    marks.retain(|mark| mark.chinese);
    if sink.report == Report::Each {
        for mark in marks.iter() {
            let span = span_of(mark.at, mark.ch);
            let wanted = full_width(mark.ch);
            let finding = sink
                .context
                .finding(span, format!("ASCII `{}` in Chinese text", mark.ch))
                .with_help(format!("write `{wanted}`"))
                .with_fix(Fix::safe(vec![Edit::replace(span, wanted.to_string())]));
            sink.push(finding);
        }
        return;
    }
    lines::for_each_line(
        document,
        block,
        marks,
        |mark| mark.at,
        |group| {
            report_line_of_marks(sink, group);
        },
    );
}

/// The ASCII marks the Chinese check converts.
const CONVERTED: usize = 8;

fn report_line_of_marks(sink: &mut Sink<'_>, group: &[AsciiMark]) {
    let Some(first) = group.first() else { return };
    // Kinds in order of first appearance, with their counts.
    let mut kinds = [(' ', 0usize); CONVERTED];
    let mut kinds_seen = 0;
    for mark in group {
        match kinds[..kinds_seen]
            .iter_mut()
            .find(|(kind, _)| *kind == mark.ch)
        {
            Some((_, count)) => *count += 1,
            None if kinds_seen < CONVERTED => {
                kinds[kinds_seen] = (mark.ch, 1);
                kinds_seen += 1;
            }
            None => {}
        }
    }
    let kinds = &mut kinds[..kinds_seen];
    kinds.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    let total = group.len();
    let noun = if total == 1 { "mark" } else { "marks" };
    let mut message = String::with_capacity(64 + 10 * kinds.len());
    let _ = write!(
        message,
        "{total} ASCII punctuation {noun} in Chinese text on this line ("
    );
    let mut help = String::with_capacity(64);
    help.push_str("write the full-width forms ");
    for (index, (kind, count)) in kinds.iter().enumerate() {
        if index > 0 {
            message.push_str(", ");
        }
        let _ = write!(message, "{count}×'{kind}'");
        help.push(full_width(*kind));
    }
    message.push(')');
    help.push_str(" in Chinese text");
    let edits = group
        .iter()
        .map(|mark| Edit::replace(span_of(mark.at, mark.ch), full_width(mark.ch).to_string()))
        .collect();
    let finding = sink
        .context
        .finding(span_of(first.at, first.ch), message)
        .with_help(help)
        .with_fix(Fix::safe(edits));
    sink.push(finding);
}
