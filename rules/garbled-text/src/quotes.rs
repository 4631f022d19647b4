//! Quote marks that do not belong: a lone ASCII quote or backtick inside a
//! Chinese phrase (`党的'工作大局`, left by scraping or anti-copy tricks),
//! and low or reversed quotes (`„ ‚ ‛ ‟`) in Chinese text.

use crate::garble::{Garble, Kind};
use crate::text::{char_after, char_before, run_end};
use redline_core::Span;
use redline_core::script::is_han;

/// Counts a paragraph's ASCII quotes once, however many candidates it has.
#[derive(Debug, Default)]
pub(crate) struct QuoteScanner {
    counted: Option<(Span, QuoteCounts)>,
}

#[derive(Debug, Clone, Copy, Default)]
struct QuoteCounts {
    /// Apostrophes not touching an ASCII letter or digit: `don't`, `Xi'an`
    /// and `5'10"` are not quotation marks.
    apostrophes: usize,
    double_quotes: usize,
    backticks: usize,
}

impl QuoteCounts {
    fn of(self, quote: u8) -> usize {
        match quote {
            b'\'' => self.apostrophes,
            b'"' => self.double_quotes,
            _ => self.backticks,
        }
    }
}

impl QuoteScanner {
    /// The stray quote at `at` (an ASCII `'`, `"` or backtick) inside the
    /// paragraph `block`; otherwise where to resume scanning.
    ///
    /// A quote is stray when it sits between two Han characters and is the
    /// paragraph's only one of its kind (two backticks or quotes count as
    /// one mark: `工作``大局`), or when it doubles another `"` next to
    /// Chinese text in a paragraph whose `"` do not pair up
    /// (`"土专家""、"田秀才"`). Quotes that pair up (`他说"好"`) are left to
    /// the punctuation rules.
    pub fn stray(
        &mut self,
        text: &str,
        at: usize,
        block: impl FnOnce() -> Option<Span>,
    ) -> Result<Garble, usize> {
        let quote = text.as_bytes()[at];
        let end = run_end(text, at, |c| c == char::from(quote));
        let before = char_before(text, at);
        let after = char_after(text, end);
        let han = |c: Option<char>| c.is_some_and(is_han);
        let chinese = |c: Option<char>| c.is_some_and(is_chinese);
        if !han(before) && !han(after) {
            return Err(end);
        }
        let Some(block) = block() else {
            return Err(end);
        };
        let in_block = self.counts(text, block).of(quote);
        let run = end - at;
        if run <= 2 && han(before) && han(after) && in_block == run {
            return Ok(Garble::tentative(
                Span::new(at, end),
                Kind::StrayQuote {
                    quote: char::from(quote),
                    count: run,
                    doubled: false,
                },
            ));
        }
        if quote == b'"'
            && run == 2
            && in_block % 2 == 1
            && (han(before) || han(after))
            && chinese(before)
            && chinese(after)
        {
            return Ok(Garble::tentative(
                Span::new(end - 1, end),
                Kind::StrayQuote {
                    quote: '"',
                    count: 1,
                    doubled: true,
                },
            ));
        }
        Err(end)
    }

    fn counts(&mut self, text: &str, block: Span) -> QuoteCounts {
        match self.counted {
            Some((counted, counts)) if counted == block => counts,
            _ => {
                let counts = count_quotes(&text.as_bytes()[block.range()]);
                self.counted = Some((block, counts));
                counts
            }
        }
    }
}

/// Han characters and the punctuation only Chinese uses: `、。《》` and the
/// full-width forms. Curly quotes, dashes and `…` are shared with English.
fn is_chinese(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

fn count_quotes(bytes: &[u8]) -> QuoteCounts {
    let mut counts = QuoteCounts::default();
    for index in memchr::memchr3_iter(b'\'', b'"', b'`', bytes) {
        match bytes[index] {
            b'"' => counts.double_quotes += 1,
            b'`' => counts.backticks += 1,
            b'\'' => {
                // ASCII letters and digits are single bytes, so the
                // neighbouring bytes tell.
                let touches_word =
                    |neighbour: Option<&u8>| neighbour.is_some_and(|b| b.is_ascii_alphanumeric());
                let previous = index.checked_sub(1).and_then(|i| bytes.get(i));
                if !touches_word(previous) && !touches_word(bytes.get(index + 1)) {
                    counts.apostrophes += 1;
                }
            }
            _ => {}
        }
    }
    counts
}

/// A low-9 or reversed quotation mark at `at`, in a paragraph of Chinese
/// (`block_is_chinese`) or touching Chinese text. German `„…“` in a
/// paragraph of Latin script is left alone.
pub(crate) fn low_quote(text: &str, at: usize, block_is_chinese: bool) -> Option<Garble> {
    let mark = char_after(text, at)?;
    let replacement = match mark {
        '‚' | '‛' => '‘',
        '„' | '‟' => '“',
        _ => return None,
    };
    let touches_chinese = [
        char_before(text, at),
        char_after(text, at + mark.len_utf8()),
    ]
    .into_iter()
    .any(|c| c.is_some_and(is_chinese));
    (block_is_chinese || touches_chinese).then(|| {
        Garble::certain(
            Span::new(at, at + mark.len_utf8()),
            Kind::LowQuote { mark, replacement },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stray quotes of `text`, taken as one paragraph.
    fn stray(text: &str) -> Vec<&str> {
        let mut scanner = QuoteScanner::default();
        let block = Span::new(0, text.len());
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(offset) = text[at..].find(['\'', '"', '`']) {
            match scanner.stray(text, at + offset, || Some(block)) {
                Ok(garble) => {
                    found.push(&text[garble.span.range()]);
                    at = garble.span.end;
                }
                Err(resume) => at = resume,
            }
        }
        found
    }

    #[test]
    fn lone_quotes_inside_chinese_phrases() {
        assert_eq!(stray("围绕党的'工作大局,突出工会维权职能"), ["'"]);
        assert_eq!(stray("坚持\"两手抓,两手硬\"的'创建机制"), ["'"]);
        assert_eq!(stray("围绕党的\"工作大局"), ["\""]);
        assert_eq!(stray("围绕党的`工作大局"), ["`"]);
        assert_eq!(stray("围绕党的``工作大局"), ["``"]);
        assert_eq!(stray("乡村\"土专家\"\"、\"田秀才\"15人"), ["\""]);
        assert_eq!(stray("西安(Xi'an)的'工作"), ["'"]);
    }

    #[test]
    fn quotes_that_belong() {
        for text in [
            "他说\"好\"",
            "把创建\"先进教职工之家\"作为",
            "党的'工作'大局",
            "党的``工作``大局",
            "don't, Xi'an, the office's work",
            "他身高5'10\"",
            "\"土专家\"\"、\"田秀才\"\"",
            "use `cargo` here",
            "工作'",
            "'工作",
        ] {
            assert_eq!(stray(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn low_quotes() {
        let found = |text: &str, chinese: bool| {
            let at = text.find(['‚', '‛', '„', '‟']).unwrap();
            low_quote(text, at, chinese).map(|garble| garble.kind)
        };
        assert_eq!(
            found("他说„好“", true),
            Some(Kind::LowQuote {
                mark: '„',
                replacement: '“'
            })
        );
        assert!(found("abc‚工作", false).is_some());
        assert_eq!(found("Er sagte „gut“.", false), None);
        assert_eq!(found("–—‘“”„†•…‰™", false), None);
        assert_eq!(found("‚einfach‘", false), None);
    }
}
