//! Windows-1252, the encoding UTF-8 text is most often misread as.
//!
//! It is Latin-1 except for 0x80..=0x9F, where Latin-1 has C1 controls and
//! Windows-1252 has curly quotes, dashes and a few letters. Decoders that
//! meet its five undefined bytes mostly fall back to the C1 control.

/// The Windows-1252 characters of bytes 0x80..=0x9F; `None` where the
/// byte is undefined.
const HIGH_CONTROLS: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character Windows-1252 shows for `byte` in 0x80..=0x9F.
pub(crate) fn char_of_high_control(byte: u8) -> Option<char> {
    HIGH_CONTROLS
        .get(usize::from(byte.wrapping_sub(0x80)))
        .copied()
        .flatten()
}

/// The byte a misdecoded character came from, if it is a character a
/// Latin-1 or Windows-1252 decoder produces for a byte 0x80..=0xFF.
pub(crate) fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        // Latin-1: the code point is the byte (C1 controls included).
        code @ 0x80..=0xFF => u8::try_from(code).ok(),
        _ => HIGH_CONTROLS
            .iter()
            .position(|&mapped| mapped == Some(c))
            .and_then(|index| u8::try_from(0x80 + index).ok()),
    }
}

/// Whether `byte` can continue a UTF-8 sequence.
pub(crate) fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// How many bytes a UTF-8 sequence opened by `byte` has, if `byte` can
/// open a multi-byte sequence.
pub(crate) fn sequence_len(byte: u8) -> Option<usize> {
    match byte {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(byte_of('é'), Some(0xE9));
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('™'), Some(0x99));
        assert_eq!(byte_of('\u{0081}'), Some(0x81));
        assert_eq!(byte_of('a'), None);
        assert_eq!(byte_of('工'), None);
        assert_eq!(char_of_high_control(0x92), Some('’'));
        assert_eq!(char_of_high_control(0x9D), None);
        assert_eq!(char_of_high_control(0x41), None);
        for byte in 0x80..=0x9F_u8 {
            if let Some(c) = char_of_high_control(byte) {
                assert_eq!(byte_of(c), Some(byte));
            }
        }
    }
}
