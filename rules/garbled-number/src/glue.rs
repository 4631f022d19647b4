//! Figures glued into words, and letters and digits standing in for each
//! other (`1系列` for 一系列, `l、` for 1、, `2O19` for 2019).

use crate::defect::{Certainty, HELP_FIGURE, HELP_GLUE};
use crate::numeral::DigitRun;
use crate::scan::{Figure, Scan};
use crate::text::{char_after, char_before, letters_end, letters_start, starts_with_any};
use redline_core::Span;
use redline_core::script::{is_blank, is_han};

/// Short words a figure follows in English: glued to one (`of16%`), the
/// figure has lost its space; no identifier is spelt like that.
const FUNCTION_WORDS: &[&str] = &[
    "of",
    "in",
    "to",
    "by",
    "for",
    "and",
    "the",
    "with",
    "from",
    "at",
    "on",
    "about",
    "over",
    "than",
    "reached",
    "reach",
    "reaching",
    "totaling",
    "totalling",
    "nearly",
    "approximately",
    "more",
    "less",
    "are",
    "were",
    "was",
    "is",
    "has",
    "had",
    "have",
    "into",
    "only",
    "among",
    "around",
];

/// Units and counted nouns of three letters or more written against their
/// figure (`10kWh`, `100Mbps`, `1000yuan`): a missing space, not a garbled
/// figure. Shorter letter runs (`5G`, `3D`, `24th`, `4S`) are never taken
/// for words.
const UNIT_WORDS: &[&str] = &[
    "kwh",
    "mwh",
    "gwh",
    "mhz",
    "ghz",
    "khz",
    "kbps",
    "mbps",
    "gbps",
    "bps",
    "kbit",
    "mbit",
    "gbit",
    "sqm",
    "kva",
    "dbm",
    "lbs",
    "kcal",
    "mol",
    "yrs",
    "hrs",
    "min",
    "mins",
    "sec",
    "secs",
    "kms",
    "kgs",
    "ton",
    "tons",
    "tonnes",
    "kph",
    "mph",
    "fps",
    "dpi",
    "ppm",
    "ppb",
    "pcs",
    "rpm",
    "mah",
    "yuan",
    "rmb",
    "usd",
    "dollars",
    "percent",
    "hundred",
    "thousand",
    "million",
    "billion",
    "meters",
    "metres",
    "kilometers",
    "kilometres",
    "hectares",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "seconds",
    "times",
    "people",
    "persons",
    "households",
    "pieces",
    "sets",
    "units",
    "copies",
    "cases",
    "items",
    "points",
    "degrees",
];

/// Words that open with 一 where a scraper or typist put the digit 1
/// (`1系列`). Counting words (`1起事故`, `1道题`, `1线城市`) are left out:
/// there the digit is right.
const YI_WORDS: &[&str] = &[
    "系列",
    "些",
    "定",
    "直",
    "切",
    "般",
    "致",
    "律",
    "贯",
    "体化",
    "把手",
    "如既往",
    "丝不苟",
    "心一意",
    "手抓",
    "举",
];

fn is_unit(word: &str) -> bool {
    UNIT_WORDS
        .iter()
        .any(|unit| unit.eq_ignore_ascii_case(word))
}

fn is_lowercase_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase())
}

/// `From`, `Report`: a capital and lowercase letters.
fn is_capitalised_word(word: &str) -> bool {
    word.len() >= 2
        && word.as_bytes()[0].is_ascii_uppercase()
        && word.bytes().skip(1).all(|byte| byte.is_ascii_lowercase())
}

/// Characters that join the parts of codes, addresses and file names.
fn joins_identifier(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | '_' | '-' | '/' | '\\' | '@' | '#' | '&' | '=' | ':' | '~'
        )
}

/// Runs the glue checks on one figure.
pub(crate) fn check(scan: &mut Scan<'_>, figure: &Figure) {
    if figure.before.is_some_and(|c| c.is_ascii_alphabetic()) {
        check_glued_after_word(scan, figure);
        return;
    }
    match figure.after {
        Some(c) if c.is_ascii_alphabetic() => {
            check_glued_before_word(scan, figure);
            check_letter_in_figure(scan, figure, c);
        }
        Some(_) => check_digit_for_yi(scan, figure),
        None => {}
    }
}

/// `of16%`, `reports1throughout`.
fn check_glued_after_word(scan: &mut Scan<'_>, figure: &Figure) {
    let text = scan.text;
    if figure.number.integer.has_fullwidth {
        return;
    }
    let word_start = letters_start(text, figure.start());
    let word = &text[word_start..figure.start()];
    // `iso9000`, `www.abc123.com`, `user_2`: codes, not prose.
    if !is_lowercase_word(word) || char_before(text, word_start).is_some_and(joins_identifier) {
        return;
    }
    if FUNCTION_WORDS.contains(&word) {
        let end = match figure.after {
            Some(sign @ ('%' | '％')) => figure.end() + sign.len_utf8(),
            _ => figure.end(),
        };
        let span = Span::new(word_start, end);
        let message = format!(
            "`{}` is a garbled number: the figure is glued to the word `{word}`",
            scan.slice(span)
        );
        scan.report(Certainty::Certain, span, message, HELP_GLUE);
        return;
    }
    let next_end = letters_end(text, figure.end());
    let next = &text[figure.end()..next_end];
    if word.len() < 3 || next.len() < 3 || !is_lowercase_word(next) || is_unit(next) {
        return;
    }
    if char_after(text, next_end).is_some_and(joins_identifier) {
        return;
    }
    let span = Span::new(word_start, next_end);
    let message = format!(
        "`{}` looks garbled: a figure glued between two words, a stray digit or lost spaces",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_GLUE);
}

/// `1From`, `3times`.
fn check_glued_before_word(scan: &mut Scan<'_>, figure: &Figure) {
    let text = scan.text;
    let word_end = letters_end(text, figure.end());
    let word = &text[figure.end()..word_end];
    if word.len() < 3 || is_unit(word) || !(is_lowercase_word(word) || is_capitalised_word(word)) {
        return;
    }
    // `COVID-19vaccine`, `v2beta3`, `3Com.com`: parts of a code.
    if figure.before.is_some_and(joins_identifier)
        || char_after(text, word_end).is_some_and(joins_identifier)
    {
        return;
    }
    let span = Span::new(figure.start(), word_end);
    let message = format!(
        "`{}` looks garbled: the figure is glued to the word `{word}`, a stray digit or a lost space",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_GLUE);
}

/// `2O19年`, `20l9年`: a letter standing for a digit inside a figure
/// in Chinese text.
fn check_letter_in_figure(scan: &mut Scan<'_>, figure: &Figure, letter: char) {
    if !matches!(letter, 'O' | 'o' | 'l' | 'I') || figure.number.fraction.is_some() {
        return;
    }
    let Some(rest) = DigitRun::at(scan.bytes, figure.end() + 1) else {
        return;
    };
    if !char_after(scan.text, rest.span.end).is_some_and(is_han) {
        return;
    }
    let span = Span::new(figure.start(), rest.span.end);
    let digit = if matches!(letter, 'O' | 'o') {
        '0'
    } else {
        '1'
    };
    let message = format!(
        "`{}` is a garbled number: the letter `{letter}` stands for the digit {digit}",
        scan.slice(span)
    );
    scan.report(Certainty::Certain, span, message, HELP_FIGURE);
}

/// `1系列`: the digit 1 where a word opens with 一.
fn check_digit_for_yi(scan: &mut Scan<'_>, figure: &Figure) {
    let number = figure.number;
    if number.integer.value != 1 || number.integer.count != 1 || !number.is_plain_integer() {
        return;
    }
    if figure
        .before
        .is_some_and(|c| matches!(c, '第' | '.' | '．' | '-' | '(' | '（'))
    {
        return;
    }
    let Some(end) = starts_with_any(scan.text, figure.end(), YI_WORDS) else {
        return;
    };
    let span = Span::new(figure.start(), end);
    let message = format!(
        "`{}` is garbled: the digit 1 replaced `一` in the word `一{}`",
        scan.slice(span),
        &scan.text[figure.end()..end]
    );
    scan.report(
        Certainty::Certain,
        span,
        message,
        "write the word with the Chinese character 一",
    );
}

/// `l、认真做好…` at the start of a line or sentence at `at`: the letter
/// `l` used as the list number 1.
pub(crate) fn check_letter_list_number(scan: &mut Scan<'_>, at: usize) {
    let text = scan.text;
    let rest = text[at..].trim_start_matches(is_blank);
    let start = text.len() - rest.len();
    let Some(after_l) = rest.strip_prefix('l') else {
        return;
    };
    let mut chars = after_l.chars();
    let marker_len = match (chars.next(), chars.next()) {
        (Some(separator @ ('、' | '．')), _) => 1 + separator.len_utf8(),
        (Some('.'), Some(next)) if is_han(next) => 2,
        _ => return,
    };
    let span = Span::new(start, start + marker_len);
    let message = format!(
        "`{}` is a garbled list number: the letter `l` stands for the digit 1",
        scan.slice(span)
    );
    scan.report(
        Certainty::Certain,
        span,
        message,
        "write the list number with the digit (`1、`)",
    );
}
