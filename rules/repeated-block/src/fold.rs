//! Folding text to what repetition is judged on.
//!
//! Two copies of a paragraph rarely match byte for byte: one has `____`
//! where the other has `xx`, full-width digits, other punctuation, another
//! line wrap or renumbered headings. Folding keeps only letters and digits,
//! lowercased and in compatibility-decomposed form (NFKD: `２０` is `20`,
//! `①` is `1`, `ﬁ` is `fi`), and drops template blanks and masks, so such
//! copies fold to the same characters.

use redline_core::script::{is_blank, is_cjk_punctuation};

/// What folding hands its characters to.
pub(crate) trait Sink {
    /// The next folded character.
    fn folded(&mut self, c: char);

    /// A unified ideograph as written, at byte `offset` of the text: a
    /// sink can watch for doubled characters on the same pass.
    #[inline(always)]
    fn ideograph(&mut self, _offset: usize, _c: char) {}

    /// Any other character as written: it ends a run of ideographs.
    #[inline(always)]
    fn not_ideograph(&mut self) {}
}

impl<F: FnMut(char)> Sink for F {
    #[inline(always)]
    fn folded(&mut self, c: char) {
        self(c);
    }
}

/// Hands each folded character of `text` to `sink`, in order.
///
/// Dropped: whitespace, punctuation and symbols (so `____`, `**` and `□`
/// blanks go too), runs of two or more `x` that do not belong to a word
/// (`xx镇`, `20XX`, `××局`; a single `x` and the one in `Exxon` stay), and
/// `某某` runs.
#[inline(always)]
pub(crate) fn fold(text: &str, sink: &mut impl Sink) {
    // The sink is only ever called from code inlined here, never handed
    // to a function that is not: its state can then live in registers.
    let bytes = text.as_bytes();
    let mut run = MaskRun::default();
    let mut at = 0;
    // ASCII and the unified ideographs (three bytes led by 0xE4–0xE9) are
    // decoded here by hand and need no table: they are nearly all text.
    while at < bytes.len() {
        let lead = bytes[at];
        if lead < 0x80 {
            sink.not_ideograph();
            match ASCII_FOLD[usize::from(lead)] {
                0 => run.separator(sink),
                folded => run.push(char::from(folded), sink),
            }
            at += 1;
        } else if (0xE4..=0xE9).contains(&lead) {
            let c = (u32::from(lead & 0x0F) << 12)
                | (u32::from(bytes[at + 1] & 0x3F) << 6)
                | u32::from(bytes[at + 2] & 0x3F);
            let c = char::from_u32(c).expect("three UTF-8 bytes decode to a char");
            if c >= '\u{4E00}' {
                sink.ideograph(at, c);
                run.push(c, sink);
            } else {
                sink.not_ideograph();
                run.push_all(fold_other(c), sink);
            }
            at += 3;
        } else {
            let c = text[at..]
                .chars()
                .next()
                .expect("`at` is on a char boundary");
            sink.not_ideograph();
            // Chinese punctuation (`，。、：；“”（）`) comes every few
            // characters: decided here, without a call.
            if is_common_punctuation(c) {
                run.separator(sink);
            } else {
                run.push_all(fold_other(c), sink);
            }
            at += c.len_utf8();
        }
    }
    let (mask, count) = run.end(false);
    emit_repeated(sink, mask, count);
}

/// CJK symbols and punctuation (`、。《》【】`), general punctuation
/// (`“”‘’—…`) and full-width punctuation (`，：；（）！？`).
#[inline(always)]
fn is_common_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
    )
}

/// ASCII letters and digits lowercased; 0 for everything else.
static ASCII_FOLD: [u8; 128] = {
    let mut table = [0; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = b.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// The longest compatibility decomposition (U+FDFA) has 18 characters.
const MAX_DECOMPOSITION: usize = 18;

/// What a character other than ASCII and the unified ideographs folds to:
/// nothing (a separator) or up to [`MAX_DECOMPOSITION`] characters.
struct Folded {
    chars: [char; MAX_DECOMPOSITION],
    len: usize,
}

#[cold]
fn fold_other(c: char) -> Folded {
    let mut folded = Folded {
        chars: ['\0'; MAX_DECOMPOSITION],
        len: 0,
    };
    let mut keep = |c: char| {
        if folded.len < MAX_DECOMPOSITION {
            folded.chars[folded.len] = c;
            folded.len += 1;
        }
    };
    if is_blank(c) || is_cjk_punctuation(c) {
        // A separator: nothing to keep.
    } else if let Some(ascii) = full_width_ascii(c) {
        if ascii.is_ascii_alphanumeric() {
            keep(ascii.to_ascii_lowercase());
        }
    } else if c == '×' {
        keep('x');
    } else {
        unicode_normalization::char::decompose_compatible(c, |part| {
            if part.is_alphanumeric() {
                part.to_lowercase().for_each(&mut keep);
            }
        });
    }
    folded
}

#[inline(always)]
fn emit_repeated(sink: &mut impl Sink, c: char, count: usize) {
    for _ in 0..count {
        sink.folded(c);
    }
}

/// Holds back a run of `x` or `某` until the character after it shows
/// whether the run is a mask (dropped) or part of a word (emitted).
#[derive(Default)]
struct MaskRun {
    mask: Option<char>,
    len: usize,
    /// The run follows a letter: `exx…` is a word, not a mask.
    after_letter: bool,
    previous_is_letter: bool,
}

impl MaskRun {
    #[inline(always)]
    fn push(&mut self, c: char, sink: &mut impl Sink) {
        let is_mask_char = c == 'x' || c == '某';
        if self.mask.is_none() && !is_mask_char {
            sink.folded(c);
        } else {
            let (flushed, count, pass) = self.step(c, is_mask_char);
            emit_repeated(sink, flushed, count);
            if pass {
                sink.folded(c);
            }
        }
        self.previous_is_letter = c.is_ascii_alphabetic();
    }

    #[inline(always)]
    fn push_all(&mut self, folded: Folded, sink: &mut impl Sink) {
        if folded.len == 0 {
            self.separator(sink);
        }
        for &c in &folded.chars[..folded.len] {
            self.push(c, sink);
        }
    }

    #[inline(always)]
    fn separator(&mut self, sink: &mut impl Sink) {
        if self.mask.is_some() {
            let (mask, count) = self.end(false);
            emit_repeated(sink, mask, count);
        }
        self.previous_is_letter = false;
    }

    /// Takes `c` next to a pending run; returns the run's character and
    /// how many of it to emit, and whether `c` itself is emitted now.
    #[cold]
    fn step(&mut self, c: char, is_mask_char: bool) -> (char, usize, bool) {
        if self.mask == Some(c) {
            self.len += 1;
            return (c, 0, false);
        }
        let (flushed, count) = self.end(c.is_ascii_alphabetic() && !is_mask_char);
        if is_mask_char {
            self.mask = Some(c);
            self.len = 1;
            self.after_letter = self.previous_is_letter;
        }
        (flushed, count, !is_mask_char)
    }

    /// Ends the pending run, if any; `before_letter` tells whether a letter
    /// follows. Returns the run's character and how many of it to emit
    /// (none when the run is a mask).
    fn end(&mut self, before_letter: bool) -> (char, usize) {
        let Some(mask) = self.mask.take() else {
            return ('\0', 0);
        };
        let len = std::mem::take(&mut self.len);
        let is_mask = len >= 2 && !(mask == 'x' && (self.after_letter || before_letter));
        (mask, if is_mask { 0 } else { len })
    }
}

/// The folded characters of `text`, collected (for tests).
#[cfg(test)]
pub(crate) fn folded(text: &str) -> String {
    let mut out = String::new();
    fold(text, &mut |c| out.push(c));
    out
}

/// `Ａ`–`ｚ`, `０`–`９` and full-width punctuation as their ASCII forms.
fn full_width_ascii(c: char) -> Option<char> {
    ('\u{FF01}'..='\u{FF5E}')
        .contains(&c)
        .then(|| char::from_u32(c as u32 - 0xFEE0))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::folded;

    #[test]
    fn punctuation_whitespace_and_case_go() {
        assert_eq!(folded("一、抓规范, 加强工会建设。"), "一抓规范加强工会建设");
        assert_eq!(folded("The  Office, (a) Work."), "theofficeawork");
    }

    #[test]
    fn compatibility_forms_fold_to_their_plain_forms() {
        assert_eq!(folded("２０１９年，ＡＢＣ"), "2019年abc");
        assert_eq!(folded("①ﬁle"), "1file");
    }

    #[test]
    fn template_masks_and_blanks_go() {
        assert_eq!(
            folded("其中____年新建__化工公司"),
            folded("其中xx年新建xx化工公司")
        );
        assert_eq!(folded("20XX年××局"), "20年局");
        assert_eq!(folded("某某单位"), "单位");
        assert_eq!(folded("201*年"), "201年");
    }

    #[test]
    fn x_inside_words_and_single_marks_stay() {
        assert_eq!(folded("Exxon next 3x4"), "exxonnext3x4");
        assert_eq!(folded("xxl"), "xxl");
        assert_eq!(folded("某单位"), "某单位");
    }
}
