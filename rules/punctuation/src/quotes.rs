//! ASCII quotation marks in Chinese text: converted to `“ ”` and `‘ ’`
//! when they pair up, reported as unpaired when their count is odd.

use crate::chars::span_of;
use crate::sink::{Report, Sink};
use redline_core::{Edit, Fix, Span};

/// ASCII `"` used as Chinese quotation marks: converted in pairs when they
/// pair up; an odd count is reported as unbalanced, at a doubled `""` when
/// there is one (the likely stray), else at the last.
pub(crate) fn report_double_quotes(sink: &mut Sink<'_>, quotes: &[(usize, bool)]) {
    if quotes.is_empty() {
        return;
    }
    let offsets: Vec<usize> = quotes.iter().map(|&(at, _)| at).collect();
    let unpaired = unpaired_quote(&offsets, '"');
    if let Some(&(first, _)) = quotes.iter().find(|&&(_, chinese)| chinese)
        && offsets.len() > 1
    {
        let blamed = unpaired.as_ref().map(|(span, _)| *span);
        report_quote_conversion(sink, &offsets, first, blamed, '"', ('“', '”'));
    }
    report_unpaired_quote(sink, unpaired);
}

pub(crate) fn report_single_quotes(sink: &mut Sink<'_>, quotes: &[usize]) {
    let Some(&first) = quotes.first() else { return };
    let unpaired = unpaired_quote(quotes, '\'');
    if quotes.len() > 1 {
        let blamed = unpaired.as_ref().map(|(span, _)| *span);
        report_quote_conversion(sink, quotes, first, blamed, '\'', ('‘', '’'));
    }
    report_unpaired_quote(sink, unpaired);
}

/// Reports ASCII quotes to convert; converted only when they pair up. In
/// `each` mode the quotes `blamed` as unpaired have their own finding.
fn report_quote_conversion(
    sink: &mut Sink<'_>,
    quotes: &[usize],
    first: usize,
    blamed: Option<Span>,
    ascii: char,
    (open, close): (char, char),
) {
    let paired = quotes.len() % 2 == 0;
    let replacement = |index: usize| if index % 2 == 0 { open } else { close };
    let kind = if ascii == '"' { "double" } else { "single" };
    let help = format!("write `{open} {close}` in Chinese text");
    if sink.report == Report::Each {
        for (index, &at) in quotes.iter().enumerate() {
            let span = span_of(at, ascii);
            if blamed.is_some_and(|blamed| blamed.overlaps(span)) {
                continue;
            }
            let mut finding = sink
                .context
                .finding(
                    span,
                    format!("ASCII {kind} quote used as a Chinese quotation mark"),
                )
                .with_help(help.clone());
            if paired {
                finding = finding.with_fix(Fix::safe(vec![Edit::replace(
                    span,
                    replacement(index).to_string(),
                )]));
            }
            sink.push(finding);
        }
        return;
    }
    let mut finding = sink
        .context
        .finding(
            span_of(first, ascii),
            format!(
                "{} ASCII {kind} quotes used as Chinese quotation marks",
                quotes.len()
            ),
        )
        .with_help(help);
    if paired {
        let edits = quotes
            .iter()
            .enumerate()
            .map(|(index, &at)| Edit::replace(span_of(at, ascii), replacement(index).to_string()))
            .collect();
        finding = finding.with_fix(Fix::safe(edits));
    }
    sink.push(finding);
}

/// For an odd count of quotes, the one most likely to be the stray: a
/// doubled `""` when there is one, else the last; with its message.
pub(crate) fn unpaired_quote(quotes: &[usize], ascii: char) -> Option<(Span, String)> {
    if quotes.len() % 2 == 0 {
        return None;
    }
    let last = *quotes.last()?;
    let doubled = quotes.windows(2).find(|pair| pair[1] == pair[0] + 1);
    Some(match (doubled, quotes.len()) {
        (Some(pair), count) => (
            Span::new(pair[0], pair[1] + 1),
            format!(
                "doubled ASCII quote `{ascii}{ascii}` leaves {count} quotes in this paragraph, one unmatched"
            ),
        ),
        (None, 1) => (
            span_of(last, ascii),
            format!("stray ASCII `{ascii}`: it has no partner in this paragraph"),
        ),
        (None, count) => (
            span_of(last, ascii),
            format!("{count} ASCII `{ascii}` in this paragraph: one is unmatched"),
        ),
    })
}

fn report_unpaired_quote(sink: &mut Sink<'_>, unpaired: Option<(Span, String)>) {
    let Some((span, message)) = unpaired else {
        return;
    };
    let finding = sink
        .context
        .finding(span, message)
        .with_help("delete the stray quote, or add its partner");
    sink.push(finding);
}
