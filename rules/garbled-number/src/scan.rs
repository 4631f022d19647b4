//! One pass over the text: find the few bytes a garbled numeral can start
//! at, and classify what is around each.
//!
//! Nearly every check is anchored on a figure, so the scan looks for digits
//! (and, for the checks that have none, for mask characters and capital
//! letters that may open an English month name). Ordinary text between them
//! is skipped in 32-byte chunks with a test the compiler vectorises.

use crate::defect::{Certainty, Defect};
use crate::numeral::{DigitRun, Number, digit_at, is_ascii_digit_at};
use crate::text::{char_after, char_before};
use crate::{amounts, artifacts, dates, glue, masks};
use redline_core::Span;

/// A figure being classified, with its neighbours.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Figure {
    pub number: Number,
    pub before: Option<char>,
    pub after: Option<char>,
}

impl Figure {
    pub(crate) fn start(&self) -> usize {
        self.number.span.start
    }

    pub(crate) fn end(&self) -> usize {
        self.number.span.end
    }
}

/// The text under scan and the defects found so far.
pub(crate) struct Scan<'t> {
    pub text: &'t str,
    pub bytes: &'t [u8],
    pub defects: Vec<Defect>,
}

impl<'t> Scan<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            defects: Vec::new(),
        }
    }

    pub(crate) fn report(
        &mut self,
        certainty: Certainty,
        span: Span,
        message: String,
        help: &'static str,
    ) {
        self.defects.push(Defect {
            span,
            certainty,
            message,
            help,
        });
    }

    pub(crate) fn slice(&self, span: Span) -> &'t str {
        &self.text[span.range()]
    }

    /// Visits every candidate position of the text once.
    pub(crate) fn run(&mut self) {
        let mut at = 0;
        while let Some(position) = next_candidate(self.bytes, at) {
            at = self.visit(position).max(position + 1);
        }
    }

    /// Classifies what starts at `at`; returns where scanning resumes.
    fn visit(&mut self, at: usize) -> usize {
        match self.bytes[at] {
            b'0'..=b'9' => self.visit_figure(at),
            0xEF => match self.bytes.get(at + 1..at + 3) {
                Some([0xBC, 0x90..=0x99]) => self.visit_figure(at),
                // `＊`, `Ｘ`, `ｘ`
                Some([0xBC, 0x8A | 0xB8] | [0xBD, 0x98]) => masks::check_masked_numeral(self, at),
                _ => at + 1,
            },
            0xC3 if self.bytes.get(at + 1) == Some(&0x97) => masks::check_masked_numeral(self, at),
            b'x' | b'X' | b'*' => masks::check_masked_numeral(self, at),
            b'A'..=b'Z' => dates::check_english_month(self, at),
            _ => at + 1,
        }
    }

    fn visit_figure(&mut self, start: usize) -> usize {
        if let Some(end) = artifacts::check_plus_signature(self, start) {
            return end;
        }
        if let Some(end) = artifacts::check_kloc(self, start) {
            return end;
        }
        let Some(number) = Number::at(self.bytes, start) else {
            return start + 1;
        };
        if self.continues_figure(start) {
            return number.integer.span.end;
        }
        let figure = Figure {
            number,
            before: char_before(self.text, start),
            after: char_after(self.text, number.span.end),
        };
        let mut resume = figure.end();
        resume = resume.max(masks::check_masked_figure(self, &figure));
        resume = resume.max(dates::check_after_figure(self, &figure));
        amounts::check(self, &figure);
        glue::check(self, &figure);
        resume
    }

    /// Digits after `1,` or `3.`: the rest of a figure read already (a
    /// stray group, a third dotted part), not a figure of their own.
    fn continues_figure(&self, start: usize) -> bool {
        start >= 2
            && matches!(self.bytes[start - 1], b'.' | b',')
            && digit_before(self.bytes, start - 1)
    }

    /// Checks what a line or sentence opens with.
    pub(crate) fn visit_line_start(&mut self, at: usize) {
        glue::check_letter_list_number(self, at);
    }
}

/// A digit, half- or full-width, ends just before byte `at`.
pub(crate) fn digit_before(bytes: &[u8], at: usize) -> bool {
    (at >= 1 && is_ascii_digit_at(bytes, at - 1)) || (at >= 3 && digit_at(bytes, at - 3).is_some())
}

/// The digit run that ends at `end`, read back to its first digit.
pub(crate) fn run_ending_at(bytes: &[u8], end: usize) -> Option<DigitRun> {
    let mut start = end;
    loop {
        if start >= 1 && is_ascii_digit_at(bytes, start - 1) {
            start -= 1;
        } else if start >= 3 && digit_at(bytes, start - 3).is_some() {
            start -= 3;
        } else {
            break;
        }
    }
    (start < end).then(|| DigitRun::at(bytes, start)).flatten()
}

const CHUNK: usize = 32;

/// A byte where a check may start: a digit, the lead byte of a full-width
/// digit or mask (`０`, `＊`) or of `×`, an ASCII mask, a capital letter.
#[inline(always)]
fn is_candidate(byte: u8) -> bool {
    byte.wrapping_sub(b'0') < 10
        || byte.wrapping_sub(b'A') < 26
        || byte == 0xEF
        || byte == 0xC3
        || byte == b'x'
        || byte == b'*'
}

/// The first candidate byte at or after `from`.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at + CHUNK <= bytes.len() {
        let chunk = &bytes[at..at + CHUNK];
        // `|` over the whole chunk, not `any`: no early exit keeps the loop
        // branch-free, so it compiles to a few vector compares.
        if chunk
            .iter()
            .fold(false, |seen, &byte| seen | is_candidate(byte))
        {
            let offset = chunk.iter().position(|&byte| is_candidate(byte))?;
            return Some(at + offset);
        }
        at += CHUNK;
    }
    bytes[at..]
        .iter()
        .position(|&byte| is_candidate(byte))
        .map(|offset| at + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_found_in_and_after_chunks() {
        let text = "工作总结工作总结工作总结工作总结 ab 5G";
        assert_eq!(next_candidate(text.as_bytes(), 0), text.find('5'));
        assert_eq!(next_candidate(b"abc", 0), None);
        let long = format!("{}９", "工".repeat(20));
        assert_eq!(next_candidate(long.as_bytes(), 0), Some(60));
    }

    #[test]
    fn runs_are_read_back_over_both_widths() {
        let text = "达71、";
        let run = run_ending_at(text.as_bytes(), text.find('、').unwrap()).unwrap();
        assert_eq!(run.value, 71);
        let wide = "第１２期";
        let run = run_ending_at(wide.as_bytes(), wide.find('期').unwrap()).unwrap();
        assert_eq!(run.value, 12);
    }
}
