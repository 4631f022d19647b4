//! The prefilter: finds the few places where a defect can start.
//!
//! Almost every document contains none of the characters this rule looks
//! for, so the scan must cost about as much as reading the text. Two
//! searches run side by side, each far faster than a per-character loop:
//!
//! - single bytes (C0 controls, DEL, ASCII quotes, `(`, `?`, and the lead
//!   bytes C2..DF of every two-byte character), tested a chunk at a time
//!   with comparisons only, which the compiler turns into vector code;
//! - three-byte characters (zero-width characters, U+FFFD, low quotes,
//!   `（`, the Han characters that mark mojibake), found by a packed
//!   multi-literal search: they share lead bytes with everyday Chinese
//!   text, so no single-byte test can pick them out.

use aho_corasick::{AhoCorasick, Input, MatchKind};

/// Bytes tested per vectorised step.
const CHUNK: usize = 32;

/// The three-byte characters where a defect can start.
const THREE_BYTE_TRIGGERS: &[char] = &[
    '\u{200B}', // zero-width space
    '\u{200C}', // zero-width non-joiner
    '\u{200D}', // zero-width joiner
    '\u{2060}', // word joiner
    '\u{FEFF}', // byte-order mark
    '\u{FFFD}', // replacement character
    '‚', '‛', '„', '‟', '（', // pinyin debris
    '锟', // `锟斤拷`
    '锛', '鈥', '銆', '烫', // `烫烫烫`
    '屯', // `屯屯屯`
];

/// Compiled once per rule.
#[derive(Debug, Clone)]
pub(crate) struct Prefilter {
    three_byte: AhoCorasick,
}

impl Prefilter {
    pub fn new() -> Self {
        let patterns = THREE_BYTE_TRIGGERS.iter().map(|c| c.to_string());
        let three_byte = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(patterns)
            .expect("a handful of literals always compiles");
        Self { three_byte }
    }

    pub fn triggers<'a>(&'a self, bytes: &'a [u8]) -> Triggers<'a> {
        Triggers {
            prefilter: self,
            bytes,
            next_single: Cached::Unknown,
            next_three_byte: Cached::Unknown,
        }
    }
}

/// The next occurrence found by one search, valid while the scan has not
/// gone past it (nothing lies between where it searched from and it).
#[derive(Debug, Clone, Copy)]
enum Cached {
    Unknown,
    At(usize),
    None,
}

pub(crate) struct Triggers<'a> {
    prefilter: &'a Prefilter,
    bytes: &'a [u8],
    next_single: Cached,
    next_three_byte: Cached,
}

impl Triggers<'_> {
    /// Offset of the first trigger at or after `from`, always a character
    /// boundary. `from` must not decrease between calls.
    pub fn next(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        let three_byte = &self.prefilter.three_byte;
        let single = refresh(&mut self.next_single, from, || {
            next_single_byte(bytes, from)
        });
        let three = refresh(&mut self.next_three_byte, from, || {
            three_byte
                .find(Input::new(bytes).range(from..))
                .map(|found| found.start())
        });
        match (single, three) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

fn refresh(
    cached: &mut Cached,
    from: usize,
    search: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    match *cached {
        Cached::At(at) if at >= from => Some(at),
        Cached::None => None,
        _ => {
            let found = search();
            *cached = found.map_or(Cached::None, Cached::At);
            found
        }
    }
}

/// The first single-byte trigger at or after `from`.
fn next_single_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(CHUNK);
    let mut offset = from;
    for chunk in &mut chunks {
        let any = chunk.iter().fold(0u8, |any, &byte| {
            any | u8::from(is_single_byte_trigger(byte))
        });
        if any != 0 {
            return chunk
                .iter()
                .position(|&byte| is_single_byte_trigger(byte))
                .map(|position| offset + position);
        }
        offset += CHUNK;
    }
    chunks
        .remainder()
        .iter()
        .position(|&byte| is_single_byte_trigger(byte))
        .map(|position| offset + position)
}

/// Written with `&` and `|` rather than `&&` and `||` on purpose: without
/// short-circuits the chunk loop vectorises.
#[inline(always)]
fn is_single_byte_trigger(byte: u8) -> bool {
    // C0 controls other than tab, line feed and carriage return; DEL.
    let control =
        ((byte < 0x20) & (byte != b'\t') & (byte != b'\n') & (byte != b'\r')) | (byte == 0x7F);
    let ascii = (byte == b'\'') | (byte == b'"') | (byte == b'`') | (byte == b'(') | (byte == b'?');
    // Lead bytes of U+0080..U+07FF: Latin-1 (mojibake, C1 controls, the
    // soft hyphen) up to the right-to-left blocks (GBK read as UTF-8).
    let two_byte = byte.wrapping_sub(0xC2) < 0x1E;
    control | ascii | two_byte
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triggers(text: &str) -> Vec<usize> {
        let prefilter = Prefilter::new();
        let mut triggers = prefilter.triggers(text.as_bytes());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = triggers.next(from) {
            found.push(at);
            from = at + 1;
        }
        found
    }

    #[test]
    fn ordinary_text_has_no_trigger() {
        let chinese = "镇工会在镇党委领导下，按照年初确定的工作计划和目标任务，围绕“党的工作大局”、《重点》——局、层、热。";
        assert!(triggers(&chinese.repeat(5)).is_empty());
        let english = "The office focused on the work; results were good.\n\t“Quoted” — done…\r\n";
        assert!(triggers(&english.repeat(5)).is_empty());
    }

    #[test]
    fn every_trigger_is_found_in_chunks_and_tails() {
        for text in [
            "\u{FFFD}", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{0085}", "\u{0007}", "\u{7F}", "'",
            "\"", "`", "(", "?", "Ã", "\u{073D}", "锟", "烫", "屯", "鈥", "銆", "锛", "„", "‚",
            "‛", "‟", "\u{2060}", "（",
        ] {
            for padding in [0, 3, 40, 100] {
                let haystack = format!("{}{text}{}", "工".repeat(padding), "作".repeat(padding));
                assert_eq!(
                    triggers(&haystack),
                    [padding * 3],
                    "{text:?} after {padding} characters"
                );
            }
        }
    }

    #[test]
    fn the_two_searches_interleave() {
        let text = "a'b\u{200B}c\"d\u{FFFD}e";
        assert_eq!(triggers(text), [1, 3, 7, 9]);
    }
}
