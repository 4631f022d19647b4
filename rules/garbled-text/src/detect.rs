//! One pass over a document: the prefilter finds where a defect may start,
//! and the character there picks the detector.

use crate::garble::Garble;
use crate::latin1::Latin1Scanner;
use crate::quotes::QuoteScanner;
use crate::scan::Prefilter;
use crate::text::run_end;
use crate::{debris, invisible, pinyin, quotes};
use redline_core::script::Script;
use redline_core::{Block, Document};

/// What the rule's options switch.
#[derive(Debug)]
pub(crate) struct Settings {
    pub stray_quotes: bool,
    /// Characters never reported: a garble made only of them is dropped.
    pub allowed: Vec<char>,
}

/// Every garble of `document`, in text order, none overlapping.
pub(crate) fn scan(
    document: &Document<'_>,
    settings: &Settings,
    prefilter: &Prefilter,
) -> Vec<Garble> {
    let text = document.text();
    let mut scanner = Scanner {
        document,
        settings,
        latin1: Latin1Scanner::default(),
        quotes: QuoteScanner::default(),
        block_cursor: 0,
    };
    let mut triggers = prefilter.triggers(text.as_bytes());
    let mut garbles = Vec::new();
    let mut from = 0;
    while let Some(at) = triggers.next(from) {
        let step = scanner.detect(text, at);
        from = step.resume.max(at + 1);
        if let Some(garble) = step.garble
            && !garble.span.is_empty()
            && !text[garble.span.range()]
                .chars()
                .all(|c| settings.allowed.contains(&c))
        {
            garbles.push(garble);
        }
    }
    garbles
}

struct Scanner<'s, 'd> {
    document: &'s Document<'d>,
    settings: &'s Settings,
    latin1: Latin1Scanner,
    quotes: QuoteScanner,
    /// Index of the block the last look-up found; the scan only moves on.
    block_cursor: usize,
}

struct Step {
    garble: Option<Garble>,
    /// Where the scan goes on: past the garble, or past text known clean.
    resume: usize,
}

impl Scanner<'_, '_> {
    fn detect(&mut self, text: &str, at: usize) -> Step {
        let Some(c) = text[at..].chars().next() else {
            return Step {
                garble: None,
                resume: text.len(),
            };
        };
        let next = at + c.len_utf8();
        let found = match c {
            '\'' | '"' | '`' if self.settings.stray_quotes => {
                let (document, cursor) = (self.document, &mut self.block_cursor);
                let block = || block_at(document, cursor, at).map(|block| block.span);
                match self.quotes.stray(text, at, block) {
                    Ok(garble) => Some(garble),
                    Err(resume) => return Step::clean_until(resume),
                }
            }
            '(' | '（' => pinyin::detect(text, at).map(|span| {
                let block = block_at(self.document, &mut self.block_cursor, at)
                    .map_or("", |block| self.document.slice(block.span));
                pinyin::garble(span, block)
            }),
            '?' => debris::lost_byte(text, at),
            '\u{FFFD}' => Some(debris::replacement_run(text, at)),
            // Latin-1 first: a C1 control or soft hyphen may be part of
            // mojibake, and is reported as such rather than on its own.
            '\u{80}'..='\u{FF}' => self
                .latin1
                .detect(text, at)
                .or_else(|| invisible::detect(text, at)),
            // Latin Extended to Armenian: ordinary letters of other
            // languages, skipped a word at a time.
            '\u{100}'..='\u{58F}' => {
                return Step::clean_until(run_end(text, at, |c| {
                    matches!(c, '\u{100}'..='\u{58F}')
                }));
            }
            c if debris::is_two_byte_right_to_left(c) => {
                match debris::stray_right_to_left(text, at) {
                    Ok(garble) => Some(garble),
                    Err(resume) => return Step::clean_until(resume),
                }
            }
            '‚' | '‛' | '„' | '‟' => {
                let chinese = block_at(self.document, &mut self.block_cursor, at)
                    .is_some_and(|block| block.script == Script::Han);
                quotes::low_quote(text, at, chinese)
            }
            '锟' | '烫' | '屯' | '鈥' | '銆' | '锛' => debris::mojibake_han(text, at),
            _ => invisible::detect(text, at),
        };
        match found {
            Some(garble) => Step {
                resume: garble.span.end,
                garble: Some(garble),
            },
            None => Step::clean_until(next),
        }
    }
}

/// The paragraph or heading of `document` holding byte `at`. Offsets only
/// grow during a scan, so the search gallops forward from `cursor`, the
/// block found last.
fn block_at<'d>(document: &'d Document<'_>, cursor: &mut usize, at: usize) -> Option<&'d Block> {
    let blocks = document.blocks();
    let before_at = |block: &Block| block.span.end <= at;
    let mut low = (*cursor).min(blocks.len());
    let mut step = 1;
    while blocks.get(low + step).is_some_and(before_at) {
        low += step;
        step *= 2;
    }
    let high = (low + step + 1).min(blocks.len());
    let index = low + blocks[low..high].partition_point(before_at);
    *cursor = index;
    blocks.get(index).filter(|block| block.span.start <= at)
}

impl Step {
    fn clean_until(resume: usize) -> Self {
        Self {
            garble: None,
            resume,
        }
    }
}
