//! Mojibake made of Latin-1 characters: UTF-8 read as Latin-1 or
//! Windows-1252 (`Ã©`, `â€™`, `å·¥ä½œ`), and GBK read the same way
//! (`¹¤×÷×Ü½á`).
//!
//! UTF-8 mojibake is recognised by decoding: the characters are turned back
//! into the bytes they were read from, and those bytes must form valid UTF-8
//! sequences. Legitimate accented words (`café`, `naïve`, `Müller`) never
//! do: an accented letter is not followed by the symbols and controls that
//! stand for continuation bytes.

use crate::cp1252;
use crate::garble::{Garble, Kind};
use crate::invisible;
use crate::text::{char_after, char_before, run_end};
use redline_core::Span;

const REPLACEMENT: char = '\u{FFFD}';

/// Remembers the end of the last run of Latin-1 characters measured, so a
/// long run is measured once, not once per character.
#[derive(Debug, Default)]
pub(crate) struct Latin1Scanner {
    measured_run_end: usize,
}

impl Latin1Scanner {
    /// The mojibake starting at `at`, a character of U+0080..=U+00FF.
    pub fn detect(&mut self, text: &str, at: usize) -> Option<Garble> {
        // Mojibake takes two Latin-1 characters in a row (a lead and a
        // continuation, or GBK debris), except `Â` before a space. An
        // accented letter followed by ASCII, as in most words, is done with.
        let lead = char_after(text, at)?;
        let next = char_after(text, at + lead.len_utf8());
        if lead != 'Â' && next.is_none_or(|c| cp1252::byte_of(c).is_none()) {
            return None;
        }
        let decoded = decode_utf8_run(text, at);
        // A later start inside an already measured run sees a suffix of it,
        // which cannot pass `looks_like_gbk` when the whole run did not.
        let gbk_run = if at >= self.measured_run_end {
            let end = run_end(text, at, |c| cp1252::byte_of(c).is_some());
            self.measured_run_end = end;
            looks_like_gbk(&text[at..end]).then_some(Span::new(at, end))
        } else {
            None
        };
        match (decoded, gbk_run) {
            // GBK debris may hold a byte pair that happens to be valid UTF-8;
            // the run it sits in tells them apart.
            (Some(decoded), Some(run)) if chars_between(text, decoded.span.end, run.end) < 2 => {
                Some(decoded.into_garble())
            }
            (_, Some(run)) => Some(Garble::tentative(run, Kind::GbkAsLatin1)),
            (Some(decoded), None) => Some(decoded.into_garble()),
            (None, None) => circumflex_before_space(text, at),
        }
    }
}

fn chars_between(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end)
        .map_or(0, |between| between.chars().count())
}

/// Consecutive misdecoded UTF-8 sequences starting at `at`.
#[derive(Debug)]
struct DecodedRun {
    span: Span,
    /// The text the sequences decode to; `None` when a byte was lost.
    original: Option<String>,
}

impl DecodedRun {
    fn into_garble(self) -> Garble {
        // A byte-order mark read as Latin-1 (`ï»¿`) decodes to an invisible
        // character, which the fix should not write back.
        let original = self
            .original
            .filter(|original| !original.contains(REPLACEMENT))
            .map(|original| {
                original
                    .chars()
                    .filter(|&c| !invisible::is_reported(c))
                    .collect()
            });
        Garble::certain(self.span, Kind::Utf8AsLatin1 { original })
    }
}

/// Decodes sequences while they are valid and accepts the run when it is
/// unlike legitimate text: at least two sequences in a row (`Ð¿Ñ€`, or
/// `è¿?è¡Œ` with a lost byte), one three- or four-byte sequence (unless it
/// reads as a word and its punctuation), one sequence led by `Â` or `Ã`
/// (the leads of every Latin-1 letter and symbol), or `â€`.
fn decode_utf8_run(text: &str, at: usize) -> Option<DecodedRun> {
    let mut cursor = at;
    let mut original = String::new();
    let (mut decoded, mut lost, mut euro_prefix) = (0, 0, false);
    let mut longest = 0;
    while let Some(sequence) = decode_sequence(text, cursor) {
        match sequence.decoded {
            Decoded::Char(c) => {
                original.push(c);
                decoded += 1;
            }
            Decoded::Lost => lost += 1,
            Decoded::EuroPrefix => euro_prefix = true,
        }
        longest = longest.max(sequence.bytes);
        cursor = sequence.end;
    }
    if cursor == at {
        return None;
    }
    let lead = char_after(text, at)?;
    // `café”…` is E9 94 85, valid UTF-8: an accented letter ending a word,
    // followed by punctuation that may follow a word, is taken for a word.
    let ends_a_word = matches!(lead, 'à'..='ï')
        && lead != 'â'
        && char_before(text, at).is_some_and(|c| c.is_ascii_alphabetic())
        && text[at + lead.len_utf8()..cursor].chars().all(|c| {
            matches!(
                c,
                '‘' | '’' | '“' | '”' | '–' | '—' | '…' | '•' | '‹' | '›' | '«' | '»'
            )
        });
    let accepted = euro_prefix
        || (decoded >= 1 && decoded + lost >= 2)
        || (decoded == 1 && longest >= 3 && !ends_a_word)
        || (decoded == 1 && matches!(lead, 'Â' | 'Ã'));
    accepted.then(|| DecodedRun {
        span: Span::new(at, cursor),
        original: (lost == 0 && !euro_prefix).then_some(original),
    })
}

struct Sequence {
    /// Where the misdecoded characters end.
    end: usize,
    /// Length of the UTF-8 sequence in bytes.
    bytes: usize,
    decoded: Decoded,
}

enum Decoded {
    Char(char),
    /// A byte Windows-1252 does not define became `?` or U+FFFD (`è¿?`).
    Lost,
    /// `â€` whose last byte is lost or replaced: a curly quote or a dash.
    EuroPrefix,
}

fn decode_sequence(text: &str, at: usize) -> Option<Sequence> {
    let mut chars = text[at..].char_indices();
    let (_, lead_char) = chars.next()?;
    let lead = cp1252::byte_of(lead_char)?;
    let len = cp1252::sequence_len(lead)?;
    let mut bytes = [lead, 0, 0, 0];
    let mut end = at + lead_char.len_utf8();
    for filled in 1..len {
        let next = chars.next();
        let continuation = next
            .and_then(|(_, c)| cp1252::byte_of(c).filter(|&byte| cp1252::is_continuation(byte)));
        if let (Some((offset, c)), Some(byte)) = (next, continuation) {
            bytes[filled] = byte;
            end = at + offset + c.len_utf8();
            continue;
        }
        let lost_byte = next.filter(|&(_, c)| matches!(c, '?' | REPLACEMENT));
        if filled == 2 && bytes[..2] == [0xE2, 0x80] {
            // `â€` opens every curly quote and dash, whatever became of its
            // last byte (often an ASCII `"` or `?`).
            let end = match next {
                Some((offset, c)) if matches!(c, '"' | '\'' | '?' | REPLACEMENT) => {
                    at + offset + c.len_utf8()
                }
                _ => end,
            };
            return Some(Sequence {
                end,
                bytes: len,
                decoded: Decoded::EuroPrefix,
            });
        }
        return match lost_byte {
            Some((offset, c)) if filled >= 2 => Some(Sequence {
                end: at + offset + c.len_utf8(),
                bytes: len,
                decoded: Decoded::Lost,
            }),
            _ => None,
        };
    }
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    Some(Sequence {
        end,
        bytes: len,
        decoded: Decoded::Char(decoded),
    })
}

/// GBK read as Latin-1 turns every Chinese character into two Latin-1
/// characters, mixing letters (`ÄÜÖ`) with symbols (`¹¤½`). Legitimate
/// runs of Latin-1 characters are short, or all letters (`ÆØÅ`), or all
/// symbols (`°±`), or one repeated (`···`, `×××`), or a listing of the
/// character set in code point order (`£©µÀÆÖÞßéöÿ`).
fn looks_like_gbk(run: &str) -> bool {
    let (mut count, mut letters, mut symbols) = (0, 0, 0);
    let mut distinct: Vec<char> = Vec::new();
    let mut ascending = true;
    let mut previous = '\0';
    for c in run.chars() {
        count += 1;
        ascending &= c > previous;
        previous = c;
        if matches!(c, 'À'..='ÿ') && !matches!(c, '×' | '÷') {
            letters += 1;
        } else {
            symbols += 1;
        }
        if distinct.len() < 3 && !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    count >= 4 && distinct.len() >= 3 && letters >= 1 && symbols >= 1 && !ascending
}

/// `Â` before a space: a non-breaking space (C2 A0) read as Latin-1 shows
/// as `Â` and a space, and the space is often normalised to an ASCII one.
/// No Latin-script word ends in `Â`, but it is only a guess.
fn circumflex_before_space(text: &str, at: usize) -> Option<Garble> {
    let rest = text[at..].strip_prefix('Â')?;
    rest.starts_with(' ').then(|| {
        Garble::tentative(
            Span::new(at, at + 'Â'.len_utf8()),
            Kind::CircumflexBeforeSpace,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every garble in `text`, as the scanner would find them.
    fn scan(text: &str) -> Vec<(&str, Kind)> {
        let mut scanner = Latin1Scanner::default();
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let c = char_after(text, at).unwrap();
            if matches!(c, '\u{80}'..='\u{FF}')
                && let Some(garble) = scanner.detect(text, at)
            {
                at = garble.span.end;
                found.push((&text[garble.span.range()], garble.kind));
                continue;
            }
            at += c.len_utf8();
        }
        found
    }

    fn utf8(original: &str) -> Kind {
        Kind::Utf8AsLatin1 {
            original: Some(original.to_owned()),
        }
    }

    const LOST: Kind = Kind::Utf8AsLatin1 { original: None };

    #[test]
    fn utf8_read_as_windows_1252_decodes_back() {
        assert_eq!(scan("cafÃ© au lait"), [("Ã©", utf8("é"))]);
        assert_eq!(scan("MÃ¼ller"), [("Ã¼", utf8("ü"))]);
        assert_eq!(scan("the officeâ€™s work"), [("â€™", utf8("’"))]);
        assert_eq!(
            scan("â€œgoodâ€\u{9D}"),
            [("â€œ", utf8("“")), ("â€\u{9D}", utf8("”"))]
        );
        assert_eq!(scan("ä¸\u{AD}æ–‡"), [("ä¸\u{AD}æ–‡", utf8("中文"))]);
        assert_eq!(scan("Ð¿Ñ€Ð¸Ð²ÐµÑ‚"), [("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", utf8("привет"))]);
        assert_eq!(scan("ðŸ˜€"), [("ðŸ˜€", utf8("😀"))]);
        assert_eq!(scan("5Â°C"), [("Â°", utf8("°"))]);
        assert_eq!(scan("ÃŸ"), [("ÃŸ", utf8("ß"))]);
    }

    #[test]
    fn latin1_controls_decode_too() {
        assert_eq!(
            scan("don\u{E2}\u{80}\u{99}t"),
            [("â\u{80}\u{99}", utf8("’"))]
        );
    }

    #[test]
    fn lost_bytes_leave_mojibake_without_a_fix() {
        assert_eq!(scan("â€\"hello"), [("â€\"", LOST)]);
        assert_eq!(scan("â€ hello"), [("â€", LOST)]);
        assert_eq!(scan("è¿?è¡Œ"), [("è¿?è¡Œ", LOST)]);
        // U+FFFD written as UTF-8, read as Windows-1252: nothing to restore.
        assert_eq!(scan("ï¿½"), [("ï¿½", LOST)]);
        assert_eq!(scan("ï»¿Ð‰"), [("ï»¿Ð‰", utf8("Љ"))]);
        assert_eq!(scan("cafï¿½"), [("ï¿½", LOST)]);
    }

    #[test]
    fn gbk_read_as_latin1() {
        assert_eq!(scan("¹¤×÷×Ü½á"), [("¹¤×÷×Ü½á", Kind::GbkAsLatin1)]);
        assert_eq!(scan("ÎÒÃÇµÄ"), [("ÎÒÃÇµÄ", Kind::GbkAsLatin1)]);
    }

    #[test]
    fn non_breaking_space_leaves_a_circumflex() {
        assert_eq!(scan("Â\u{A0}"), [("Â\u{A0}", utf8("\u{A0}"))]);
        assert_eq!(scan("100Â km"), [("Â", Kind::CircumflexBeforeSpace)]);
    }

    #[test]
    fn accented_words_before_curly_quotes_are_words() {
        assert_eq!(scan("the word “café”… and “café”?"), []);
        assert_eq!(scan("«café»?"), []);
    }

    #[test]
    fn legitimate_latin1_is_left_alone() {
        for text in [
            "café",
            "naïve",
            "Müller",
            "Ångström",
            "São Paulo",
            "SÃO PAULO",
            "CHÂTEAU",
            "résumé",
            "Noël",
            "«café»",
            "30°C",
            "3×4",
            "马克思·恩格斯",
            "·····",
            "×××局",
            "ÆØÅ æøå",
            "½ ¼",
            "°±",
            "Ñandú",
            "crème brûlée",
            "Pokémon®",
            "Fußball",
            "À la carte",
            "Ça va",
            "élève",
            "ÉCOLE",
            "Ü",
            "Ö.",
            "µg/m³",
            "£©µÀÆÖÞßéöÿ",
            "µºÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ",
        ] {
            assert_eq!(scan(text), [], "{text}");
        }
    }
}
