//! Reading figures: runs of digits (half- or full-width), thousands groups
//! and decimals.

use redline_core::Span;

/// The most digits [`DigitRun::digits`] keeps; longer runs are no figure a
/// check needs to read digit by digit.
const KEPT_DIGITS: usize = 12;

/// The decimal digit at byte `at`: its value and byte length. Full-width
/// `０`–`９` count, as scraped Chinese text mixes both widths.
pub(crate) fn digit_at(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    match bytes.get(at..) {
        Some([digit @ b'0'..=b'9', ..]) => Some((digit - b'0', 1)),
        Some([0xEF, 0xBC, low @ 0x90..=0x99, ..]) => Some((low - 0x90, 3)),
        _ => None,
    }
}

pub(crate) fn is_ascii_digit_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(u8::is_ascii_digit)
}

/// A run of consecutive digits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DigitRun {
    pub span: Span,
    /// Number of digits.
    pub count: usize,
    /// Its value, saturating: long runs are never compared exactly.
    pub value: u64,
    pub has_ascii: bool,
    pub has_fullwidth: bool,
    /// The first [`KEPT_DIGITS`] digits' values.
    digits: [u8; KEPT_DIGITS],
}

impl DigitRun {
    /// The run starting at `start`, if a digit is there.
    pub(crate) fn at(bytes: &[u8], start: usize) -> Option<DigitRun> {
        let mut run = DigitRun {
            span: Span::new(start, start),
            count: 0,
            value: 0,
            has_ascii: false,
            has_fullwidth: false,
            digits: [0; KEPT_DIGITS],
        };
        let mut at = start;
        while let Some((digit, len)) = digit_at(bytes, at) {
            if run.count < KEPT_DIGITS {
                run.digits[run.count] = digit;
            }
            run.count += 1;
            run.value = run
                .value
                .saturating_mul(10)
                .saturating_add(u64::from(digit));
            if len == 1 {
                run.has_ascii = true;
            } else {
                run.has_fullwidth = true;
            }
            at += len;
        }
        run.span = Span::new(start, at);
        (run.count > 0).then_some(run)
    }

    /// The digits' values, up to the first [`KEPT_DIGITS`].
    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..self.count.min(KEPT_DIGITS)]
    }

    /// The value of `len` digits starting at digit `from`.
    pub(crate) fn value_of(&self, from: usize, len: usize) -> u64 {
        self.digits()
            .iter()
            .skip(from)
            .take(len)
            .fold(0, |value, &digit| value * 10 + u64::from(digit))
    }

    pub(crate) fn starts_with_zero(&self) -> bool {
        self.count > 1 && self.digits[0] == 0
    }
}

/// What follows the integer part after commas: `,260` in `1,260`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Groups {
    pub count: usize,
    /// Every group has three digits: a thousands separator.
    pub regular: bool,
    /// A group of fewer than three digits that opens with `0` (`1,00,0`):
    /// no list of figures looks like that.
    pub zero_led_short: bool,
    /// Digits of the first group (`69` in `1,69`).
    pub first_len: usize,
    /// Byte offset where the last group ends.
    pub end: usize,
    /// The value when the groups are regular thousands groups.
    pub value: u64,
}

/// A figure: integer part, regular thousands groups, decimals.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number {
    /// The whole figure as it will be read: irregular comma groups are not
    /// part of it (`1,69` is the figure `1` and a stray `,69`).
    pub span: Span,
    pub integer: DigitRun,
    /// Comma groups after the integer, regular or not.
    pub groups: Groups,
    pub fraction: Option<DigitRun>,
}

impl Number {
    /// The figure whose first digit is at `start`.
    pub(crate) fn at(bytes: &[u8], start: usize) -> Option<Number> {
        let integer = DigitRun::at(bytes, start)?;
        let groups = read_groups(bytes, integer);
        let mut end = if groups.count > 0 && groups.regular {
            groups.end
        } else {
            integer.span.end
        };
        let mut fraction = None;
        if integer.has_ascii
            && !integer.has_fullwidth
            && bytes.get(end) == Some(&b'.')
            && is_ascii_digit_at(bytes, end + 1)
            && (groups.count == 0 || groups.regular)
        {
            fraction = DigitRun::at(bytes, end + 1);
            end = fraction.map_or(end, |run| run.span.end);
        }
        Some(Number {
            span: Span::new(start, end),
            integer,
            groups,
            fraction,
        })
    }

    /// The integer value, thousands groups included.
    pub(crate) fn whole(&self) -> u64 {
        if self.groups.count > 0 && self.groups.regular {
            self.groups.value
        } else {
            self.integer.value
        }
    }

    /// A bare integer: no groups, no decimals.
    pub(crate) fn is_plain_integer(&self) -> bool {
        self.groups.count == 0 && self.fraction.is_none()
    }

    pub(crate) fn has_nonzero_fraction(&self) -> bool {
        self.fraction.is_some_and(|run| run.value > 0)
    }
}

fn read_groups(bytes: &[u8], integer: DigitRun) -> Groups {
    let mut groups = Groups {
        regular: integer.count <= 3 && integer.has_ascii && !integer.has_fullwidth,
        value: integer.value,
        end: integer.span.end,
        ..Groups::default()
    };
    let mut at = integer.span.end;
    while bytes.get(at) == Some(&b',') && is_ascii_digit_at(bytes, at + 1) {
        let Some(group) = DigitRun::at(bytes, at + 1) else {
            break;
        };
        if groups.count == 0 {
            groups.first_len = group.count;
        }
        groups.count += 1;
        groups.regular &= group.count == 3 && !group.has_fullwidth;
        groups.zero_led_short |= group.count < 3 && group.starts_with_zero();
        groups.value = groups
            .value
            .saturating_mul(1000)
            .saturating_add(group.value);
        groups.end = group.span.end;
        at = group.span.end;
    }
    groups
}

/// A character of a Chinese numeral: the neighbours of a masked digit
/// (`十x五`).
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Number {
        Number::at(text.as_bytes(), 0).unwrap()
    }

    #[test]
    fn reads_widths_groups_and_decimals() {
        let run = DigitRun::at("２0１9年".as_bytes(), 0).unwrap();
        assert_eq!((run.count, run.value), (4, 2019));
        assert!(run.has_ascii && run.has_fullwidth);

        let grouped = number("12,345,678 yuan");
        assert_eq!(grouped.whole(), 12_345_678);
        assert_eq!(grouped.span, Span::new(0, 10));

        let decimal = number("285.2万元");
        assert_eq!(decimal.fraction.unwrap().value, 2);
        assert_eq!(decimal.span, Span::new(0, 5));

        let stray = number("1,69 yuan");
        assert_eq!(stray.span, Span::new(0, 1));
        assert_eq!((stray.groups.count, stray.groups.first_len), (1, 2));
        assert!(!stray.groups.regular);
        assert!(number("1,00,0").groups.zero_led_short);
    }

    #[test]
    fn keeps_leading_digits_of_long_runs() {
        let run = DigitRun::at(b"2019019", 0).unwrap();
        assert_eq!(run.value_of(0, 4), 2019);
        assert_eq!(run.value_of(4, 3), 19);
    }
}
