//! Document numbers (发文字号) whose year is bracketed with anything but
//! `〔〕`: `办发[2019]8号`, `县政发(2019)12号`.

use crate::chars::{char_at, char_before, span_of};
use crate::lines;
use crate::sink::{Report, Sink};
use redline_core::script::is_han;
use redline_core::{Block, Document, Edit, Fix, Span};

/// Brackets around the year of a document number (`办发[2019]8号`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocumentNumber {
    pub open: Span,
    pub close: Span,
}

/// The closing bracket of a document number's year opened at `at` with
/// `open`: `发[2019]8号`, `发[]8号`, `字（20xx）第3号`. The year is four
/// digits, a mask of one, or missing; a Han character comes before and a
/// serial number with `号` after.
pub(crate) fn closing_bracket(text: &str, at: usize, open: char, limit: usize) -> Option<Span> {
    let close = match open {
        '[' => ']',
        '【' => '】',
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    if !char_before(text, at).is_some_and(is_han) {
        return None;
    }
    let text = &text[..limit];
    let inner_start = at + open.len_utf8();
    let inner_len = text[inner_start..]
        .chars()
        .take(5)
        .take_while(|&c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, 'x' | 'X' | '×' | 'Ｘ' | 'ｘ' | '_' | '＿' | '*' | '＊')
        })
        .map(char::len_utf8)
        .sum::<usize>();
    let inner_chars = text[inner_start..inner_start + inner_len].chars().count();
    if inner_chars != 0 && inner_chars != 4 {
        return None;
    }
    let close_at = inner_start + inner_len;
    if char_at(text, close_at) != Some(close) {
        return None;
    }
    let after = &text[close_at + close.len_utf8()..];
    let after = after.strip_prefix('第').unwrap_or(after);
    let digits: usize = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .take(5)
        .map(char::len_utf8)
        .sum();
    let serial_chars = after[..digits].chars().count();
    ((1..=4).contains(&serial_chars) && after[digits..].starts_with('号'))
        .then(|| span_of(close_at, close))
}

/// One finding per line (or per number) for the document numbers of
/// `block`, fixing their brackets to `〔〕`.
pub(crate) fn report(
    sink: &mut Sink<'_>,
    document: &Document<'_>,
    block: &Block,
    numbers: &[DocumentNumber],
) {
    if numbers.is_empty() {
        return;
    }
    if sink.report == Report::Each {
        for number in numbers {
            report_line_of_document_numbers(sink, std::slice::from_ref(number));
        }
        return;
    }
    lines::for_each_line(
        document,
        block,
        numbers,
        |number| number.open.start,
        |group| {
            report_line_of_document_numbers(sink, group);
        },
    );
}

fn report_line_of_document_numbers(sink: &mut Sink<'_>, group: &[DocumentNumber]) {
    let first = group[0];
    let brackets = format!("{}{}", sink.slice(first.open), sink.slice(first.close));
    let message = if group.len() == 1 {
        format!("document number brackets its year with `{brackets}`")
    } else {
        format!(
            "{} document numbers on this line bracket the year with `{brackets}`",
            group.len()
        )
    };
    let edits = group
        .iter()
        .flat_map(|number| {
            [
                Edit::replace(number.open, "〔"),
                Edit::replace(number.close, "〕"),
            ]
        })
        .collect();
    let finding = sink
        .context
        .finding(Span::new(first.open.start, first.close.end), message)
        .with_help("document numbers bracket the year with `〔 〕` (六角括号): 办发〔2019〕8号")
        .with_fix(Fix::safe(edits));
    sink.push(finding);
}
