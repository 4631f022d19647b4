//! Known artifacts of scraped, machine-translated text: `65438+0` and
//! `/kloc-0/`.
//!
//! A widely copied scraping and translation bug renders some Chinese
//! figures as the digits 6 5 4 3 8 followed by `+` and the rest of the
//! figure (`65438+0` for 1, `165438+1` for 11), sometimes with a decimal
//! point moved into them (`654.38+0.49.5%`, `6.5438+0.000`); a sibling bug writes
//! `/kloc-0/` or `/KOOC-0/` where a digit was. Both are certain: no real
//! figure looks like that.

use crate::defect::{Certainty, HELP_FIGURE};
use crate::scan::Scan;
use redline_core::Span;

/// The digits before `+` the `65438` artifact leaves, at most.
const HEAD_DIGITS: usize = 24;

/// Reports a `65438+` artifact whose first digit is at `start`; returns
/// the end of the garbled figure.
pub(crate) fn check_plus_signature(scan: &mut Scan<'_>, start: usize) -> Option<usize> {
    let bytes = scan.bytes;
    let mut end = start;
    let mut plus = None;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            b'0'..=b'9' | b'.' => {}
            b'+' if plus.is_none() => plus = Some(end),
            _ => break,
        }
        end += 1;
    }
    let plus = plus?;
    let head = &bytes[start..plus];
    let mut digits = [0u8; HEAD_DIGITS];
    let mut count = 0;
    for &byte in head.iter().filter(|&&byte| byte != b'.') {
        if count == HEAD_DIGITS {
            return None;
        }
        digits[count] = byte;
        count += 1;
    }
    let digits = &digits[..count];
    let dots = head.len() - count;
    let after_plus = &bytes[plus + 1..end];

    let whole_signature = digits.ends_with(b"65438") && dots <= 1;
    // `June 5438+0`: the leading 6 was translated as the month.
    let month_took_the_six = digits == b"5438" && dots == 0;
    // `38+00%`: the head of the artifact was cut off with the text before.
    let cut_tail = matches!(digits, b"38" | b"438")
        && dots == 0
        && after_plus.first() == Some(&b'0')
        && (after_plus.len() >= 2 || matches!(bytes.get(end), Some(b'%')));
    if !(whole_signature || month_took_the_six || cut_tail) {
        return None;
    }
    // A period after the figure ends the sentence.
    while end > plus + 1 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    end = extend_over_figure_tail(scan.text, end);
    let span = Span::new(start, end);
    let message = if cut_tail {
        format!(
            "`{}` is a garbled number: the cut-off tail of the `65438` scraping artifact",
            scan.slice(span)
        )
    } else {
        format!(
            "`{}` is a garbled number: `65438` is a scraping artifact that replaced a digit",
            scan.slice(span)
        )
    };
    scan.report(Certainty::Certain, span, message, HELP_FIGURE);
    Some(end)
}

/// Past a percent sign or a year mask that is still part of the figure
/// (`65438+20xx`).
fn extend_over_figure_tail(text: &str, mut end: usize) -> usize {
    let rest = &text[end..];
    if let Some(sign) = rest.chars().next().filter(|c| matches!(c, '%' | '％')) {
        return end + sign.len_utf8();
    }
    end += rest
        .bytes()
        .take_while(|byte| matches!(byte, b'x' | b'X' | b'*' | b'_'))
        .count();
    end
}

/// `kloc` or `KOOC`, the letters of the `/kloc-0/` artifact.
fn is_kloc(letters: &[u8]) -> bool {
    letters.eq_ignore_ascii_case(b"kloc") || letters.eq_ignore_ascii_case(b"kooc")
}

/// The seven bytes `/kloc-0` end at `at`.
fn kloc_ends_at(bytes: &[u8], at: usize) -> bool {
    at >= 7
        && at <= bytes.len()
        && bytes[at - 7] == b'/'
        && is_kloc(&bytes[at - 6..at - 2])
        && &bytes[at - 2..at] == b"-0"
}

/// Reports a `/kloc-0/` artifact whose `0` is at `start`; returns its end.
pub(crate) fn check_kloc(scan: &mut Scan<'_>, start: usize) -> Option<usize> {
    let bytes = scan.bytes;
    if bytes[start] != b'0' || !kloc_ends_at(bytes, start + 1) {
        return None;
    }
    let mut end = start + 1;
    // Doubled artifacts (`/KOOC-0//KOOC-0/`) are one garbled figure, and
    // digits left after it (`/KOOC-0/50`) belong to it.
    loop {
        if bytes.get(end) == Some(&b'/') {
            end += 1;
        }
        if kloc_ends_at(bytes, end + 7) {
            end += 7;
        } else if end >= 1 && bytes[end - 1] == b'/' && kloc_ends_at(bytes, end + 6) {
            end += 6;
        } else {
            break;
        }
    }
    end += bytes[end..]
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    let span = Span::new(start + 1 - 7, end);
    let message = format!(
        "`{}` is a garbled number: `/kloc-0/` is a scraping artifact that replaced a figure",
        scan.slice(span)
    );
    scan.report(Certainty::Certain, span, message, HELP_FIGURE);
    Some(end)
}
