//! Dates that cannot exist, years fused with other digits, dates cut
//! short and ranges that run backwards, in Chinese and English.

use crate::defect::{Certainty, HELP_DATE, HELP_RANGE};
use crate::numeral::{DigitRun, Number};
use crate::scan::{Figure, Scan};
use crate::text::{
    char_after, ends_with_ignore_case, is_inline_space, letters_end, starts_with_any,
};
use redline_core::Span;

const DAYS_IN_MONTH: [u64; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A backwards range that starts later than this month may run into the
/// next year without saying so (`10月至3月` heating season, `September to
/// June` school year); one that starts earlier cannot.
const LAST_MONTH_OF_PLAIN_RANGE: u64 = 8;

const CHINESE_RANGE_SEPARATORS: &[&str] = &["至", "到", "——", "—", "-", "~", "～", "－", "–"];
const ENGLISH_RANGE_SEPARATORS: &[&str] =
    &[" to ", " through ", " until ", " till ", " - ", "-", "–"];

fn days_in(month: u64) -> u64 {
    DAYS_IN_MONTH[(month - 1) as usize]
}

fn month_name(month: u64) -> &'static str {
    MONTH_NAMES[(month - 1) as usize]
}

/// The month an English word names: `June`, `Jun`, `Sept`.
fn month_named(word: &str) -> Option<u64> {
    if !(3..=9).contains(&word.len()) || !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    if word.eq_ignore_ascii_case("Sept") {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|name| {
            name.eq_ignore_ascii_case(word)
                || (word.len() == 3 && name[..3].eq_ignore_ascii_case(word))
        })
        .map(|index| index as u64 + 1)
}

fn is_ordinal_suffix(letters: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|suffix| suffix.eq_ignore_ascii_case(letters))
}

/// Dispatches on what follows a figure; returns where scanning resumes
/// (0 when the checks read nothing past the figure).
pub(crate) fn check_after_figure(scan: &mut Scan<'_>, figure: &Figure) -> usize {
    if !figure.number.is_plain_integer() {
        return 0;
    }
    match figure.after {
        Some('年') => {
            check_fused_year(scan, figure);
            0
        }
        Some('月') => check_chinese_month(scan, figure),
        Some('-' | '/') => {
            check_numeric_date(scan, figure).max(check_month_shorthand(scan, figure))
        }
        Some('至' | '到' | '—' | '~' | '～' | '－' | '–') => {
            check_month_shorthand(scan, figure)
        }
        Some(c) if c == ' ' || c.is_ascii_alphabetic() => {
            check_day_before_month(scan, figure);
            0
        }
        _ => 0,
    }
}

/// `2019019年`, `20192020年`: more digits than a year before `年`.
fn check_fused_year(scan: &mut Scan<'_>, figure: &Figure) {
    let run = figure.number.integer;
    if !(5..=8).contains(&run.count) || !(1900..=2099).contains(&run.value_of(0, 4)) {
        return;
    }
    // `20000年` is a round figure of years, not a year.
    if run.digits()[1..].iter().all(|&digit| digit == 0) {
        return;
    }
    let span = Span::new(figure.start(), figure.end() + '年'.len_utf8());
    let message = format!(
        "`{}` is a garbled year: {} digits where a year has four (a year doubled or fused with other digits)",
        scan.slice(span),
        run.count
    );
    scan.report(Certainty::Certain, span, message, HELP_DATE);
}

/// `13月`, `2月30日`, `1月19,`, `6月至4月`.
fn check_chinese_month(scan: &mut Scan<'_>, figure: &Figure) -> usize {
    // `第13月` counts months.
    if figure.before == Some('第') {
        return 0;
    }
    let month = figure.number.integer.value;
    let month_end = figure.end() + '月'.len_utf8();
    // `18月龄` is an age in months.
    if char_after(scan.text, month_end) == Some('龄') {
        return 0;
    }
    if month == 0 || month > 12 {
        let span = Span::new(figure.start(), month_end);
        let message = format!("month {month} does not exist: `{}`", scan.slice(span));
        scan.report(Certainty::Certain, span, message, HELP_DATE);
        return month_end;
    }
    match Number::at(scan.bytes, month_end).filter(Number::is_plain_integer) {
        Some(day) => check_chinese_day(scan, figure.start(), month, &day),
        None => check_chinese_range(scan, figure.start(), month, None, month_end),
    }
    0
}

fn check_chinese_day(scan: &mut Scan<'_>, start: usize, month: u64, day: &Number) {
    let value = day.integer.value;
    match char_after(scan.text, day.span.end) {
        Some('日' | '号') => {
            let date_end = day.span.end + '日'.len_utf8();
            if value == 0 || value > days_in(month) {
                let span = Span::new(start, date_end);
                let message = format!(
                    "`{}` does not exist: month {month} has {} days",
                    scan.slice(span),
                    days_in(month)
                );
                scan.report(Certainty::Certain, span, message, HELP_DATE);
            } else {
                check_chinese_range(scan, start, month, Some(value), date_end);
            }
        }
        Some(c) if (1..=31).contains(&value) && is_cut_after(c) => {
            let next = day.span.end + c.len_utf8();
            // `3月5、6日` lists days that share their `日`; `3月5 日` has
            // it after a stray space.
            if crate::numeral::digit_at(scan.bytes, next).is_some()
                || (is_inline_space(c) && matches!(char_after(scan.text, next), Some('日' | '号')))
            {
                return;
            }
            let span = Span::new(start, day.span.end);
            let message = format!(
                "`{}` has no `日`: the date is cut short or garbled",
                scan.slice(span)
            );
            scan.report(Certainty::Suspect, span, message, HELP_DATE);
        }
        _ => {}
    }
}

/// Punctuation or a space right after `1月19`: no unit follows the day.
fn is_cut_after(c: char) -> bool {
    matches!(
        c,
        ',' | '，' | '。' | '.' | ';' | '；' | '、' | ' ' | '\u{3000}'
    )
}

/// A range after the date `month[day]` that ends at `at`: `至4月`, `-15日`.
fn check_chinese_range(scan: &mut Scan<'_>, start: usize, month: u64, day: Option<u64>, at: usize) {
    let Some(separator_end) = starts_with_any(scan.text, at, CHINESE_RANGE_SEPARATORS) else {
        return;
    };
    let Some(second) = Number::at(scan.bytes, separator_end).filter(Number::is_plain_integer)
    else {
        return;
    };
    let value = second.integer.value;
    match char_after(scan.text, second.span.end) {
        Some('月') if (1..=12).contains(&value) => {
            let month_end = second.span.end + '月'.len_utf8();
            let second_day = Number::at(scan.bytes, month_end)
                .filter(Number::is_plain_integer)
                .filter(|day| matches!(char_after(scan.text, day.span.end), Some('日' | '号')))
                .map(|day| (day.integer.value, day.span.end + '日'.len_utf8()));
            let end = second_day.map_or(month_end, |(_, end)| end);
            let backwards = (value < month && month <= LAST_MONTH_OF_PLAIN_RANGE)
                || (value == month
                    && matches!((day, second_day), (Some(first), Some((last, _))) if last < first));
            if backwards {
                report_backwards(scan, Span::new(start, end));
            }
        }
        Some('日' | '号') => {
            let Some(first_day) = day else {
                return;
            };
            let span = Span::new(start, second.span.end + '日'.len_utf8());
            if value == 0 || value > days_in(month) {
                let message = format!(
                    "`{}` ends on a day that does not exist: month {month} has {} days",
                    scan.slice(span),
                    days_in(month)
                );
                scan.report(Certainty::Certain, span, message, HELP_DATE);
            } else if value < first_day {
                report_backwards(scan, span);
            }
        }
        _ => {}
    }
}

fn report_backwards(scan: &mut Scan<'_>, span: Span) {
    let message = format!(
        "`{}` runs backwards: it ends before it starts",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_RANGE);
}

/// `6-4月`: a month range whose first month carries no `月`.
fn check_month_shorthand(scan: &mut Scan<'_>, figure: &Figure) -> usize {
    let month = figure.number.integer.value;
    if (1..=12).contains(&month) && figure.number.integer.count <= 2 {
        check_chinese_range(scan, figure.start(), month, None, figure.end());
    }
    0
}

/// `2019-13-05`, `2019/02/30`.
fn check_numeric_date(scan: &mut Scan<'_>, figure: &Figure) -> usize {
    let year = figure.number.integer;
    if year.count != 4 || year.has_fullwidth || !(1900..=2099).contains(&year.value) {
        return 0;
    }
    let bytes = scan.bytes;
    let separator = bytes[figure.end()];
    let short_part =
        |at: usize| DigitRun::at(bytes, at).filter(|run| run.count <= 2 && !run.has_fullwidth);
    let Some(month) = short_part(figure.end() + 1) else {
        return 0;
    };
    if bytes.get(month.span.end) != Some(&separator) {
        return 0;
    }
    let Some(day) = short_part(month.span.end + 1) else {
        return 0;
    };
    let span = Span::new(figure.start(), day.span.end);
    let problem = if month.value == 0 || month.value > 12 {
        Some(format!("month {} does not exist", month.value))
    } else if day.value == 0 || day.value > days_in(month.value) {
        Some(format!(
            "month {} has {} days",
            month.value,
            days_in(month.value)
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        let message = format!("`{}` does not exist: {problem}", scan.slice(span));
        scan.report(Certainty::Certain, span, message, HELP_DATE);
    }
    day.span.end
}

/// `30 February`, `31st of April`.
fn check_day_before_month(scan: &mut Scan<'_>, figure: &Figure) {
    let day = figure.number.integer;
    if day.count > 2 || day.has_fullwidth {
        return;
    }
    let text = scan.text;
    let mut cursor = figure.end();
    let suffix_end = letters_end(text, cursor);
    if suffix_end > cursor {
        if !is_ordinal_suffix(&text[cursor..suffix_end]) {
            return;
        }
        cursor = suffix_end;
    }
    if scan.bytes.get(cursor) != Some(&b' ') {
        return;
    }
    cursor += 1;
    if text[cursor..].starts_with("of ") {
        cursor += 3;
    }
    let word_end = letters_end(text, cursor);
    let Some(month) = month_named(&text[cursor..word_end]) else {
        return;
    };
    if day.value == 0 || day.value > days_in(month) {
        let span = Span::new(figure.start(), word_end);
        let message = format!(
            "`{}` does not exist: {} has {} days",
            scan.slice(span),
            month_name(month),
            days_in(month)
        );
        scan.report(Certainty::Certain, span, message, HELP_DATE);
    }
}

/// A day (`30`, `24th`) or year after an English month name, read from
/// the space at `at`: its run and where it ends, suffix included.
fn english_day_after(scan: &Scan<'_>, at: usize) -> Option<(DigitRun, usize)> {
    let bytes = scan.bytes;
    if bytes.get(at) != Some(&b' ') {
        return None;
    }
    let run = DigitRun::at(bytes, at + 1).filter(|run| !run.has_fullwidth)?;
    let end = run.span.end;
    // `May 3.5` and `June 1,260` are no dates.
    if matches!(bytes.get(end), Some(b'.' | b','))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let suffix_end = letters_end(scan.text, end);
    if suffix_end > end && !is_ordinal_suffix(&scan.text[end..suffix_end]) {
        return None;
    }
    Some((run, suffix_end))
}

/// Checks an English month name starting at `at` and the day, year or
/// range after it; returns where scanning resumes.
pub(crate) fn check_english_month(scan: &mut Scan<'_>, at: usize) -> usize {
    let text = scan.text;
    if at > 0 && scan.bytes[at - 1].is_ascii_alphanumeric() {
        return at + 1;
    }
    let word_end = letters_end(text, at);
    let Some(month) = month_named(&text[at..word_end]) else {
        return word_end;
    };
    let mut cursor = word_end;
    if scan.bytes.get(cursor) == Some(&b'.') {
        cursor += 1;
    }
    let first = english_day_after(scan, cursor);
    if let Some((run, end)) = first {
        check_english_date(scan, at, month, &run, end);
    }
    if ends_with_ignore_case(&text[..at], "from ") {
        let day = first
            .filter(|(run, _)| run.count <= 2)
            .map(|(run, end)| (run.value, end));
        check_english_range(
            scan,
            at - "from ".len(),
            month,
            day,
            day.map_or(cursor, |(_, end)| end),
        );
    }
    word_end
}

fn check_english_date(scan: &mut Scan<'_>, at: usize, month: u64, run: &DigitRun, end: usize) {
    let problem = match run.count {
        1 | 2 if run.value == 0 || run.value > days_in(month) => {
            format!("{} has {} days", month_name(month), days_in(month))
        }
        4 if !(1000..=2100).contains(&run.value) => format!(
            "{} is neither a day of {} nor a plausible year",
            run.value,
            month_name(month)
        ),
        _ => return,
    };
    // `June 5438+0`: the rest of the artifact belongs to the figure.
    let mut end = end;
    if scan.bytes.get(end) == Some(&b'+') {
        end += scan.bytes[end..]
            .iter()
            .take_while(|byte| matches!(byte, b'0'..=b'9' | b'+'))
            .count();
    }
    let span = Span::new(at, end);
    let message = format!("`{}` does not exist: {problem}", scan.slice(span));
    scan.report(Certainty::Certain, span, message, HELP_DATE);
}

/// `From June to April`, `from May 17 to May 15`, `from May 17 to 15`.
fn check_english_range(
    scan: &mut Scan<'_>,
    start: usize,
    month: u64,
    day: Option<(u64, usize)>,
    at: usize,
) {
    let text = scan.text;
    let Some(separator_end) = starts_with_any(text, at, ENGLISH_RANGE_SEPARATORS) else {
        return;
    };
    let word_end = letters_end(text, separator_end);
    let (last_month, last_day, end) = match month_named(&text[separator_end..word_end]) {
        Some(last_month) => {
            let last = english_day_after(scan, word_end).filter(|(run, _)| run.count <= 2);
            (
                last_month,
                last.map(|(run, _)| run.value),
                last.map_or(word_end, |(_, end)| end),
            )
        }
        None => match english_day_after(scan, separator_end - 1) {
            Some((run, end)) if run.count <= 2 && day.is_some() => (month, Some(run.value), end),
            _ => return,
        },
    };
    let first_day = day.map(|(value, _)| value);
    let backwards = (last_month < month && month <= LAST_MONTH_OF_PLAIN_RANGE)
        || (last_month == month
            && matches!((first_day, last_day), (Some(first), Some(last)) if last < first));
    if backwards {
        report_backwards(scan, Span::new(start, end));
    }
}
