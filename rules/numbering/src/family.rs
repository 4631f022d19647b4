//! Which marker styles can number the same list, and where the Chinese
//! hierarchy puts them.

use redline_core::MarkerStyle;

/// Marker styles that writers (and machine translation) swap among the
/// siblings of one list: `First,` / `Two,` / `Third,`, or `(a)` / `(2)` /
/// `3)` / `(two)`. A marker continues a list of its family when its
/// ordinal follows; a change of style inside the family is reported as
/// mixed styles, never as a new list.
///
/// Styles that the Chinese hierarchy puts on different levels (`（一）`
/// and `（1）`) are different families: a `（2）` after `（一）` is far more
/// often the second sub-item than a misnumbered sibling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `一、` `Ⅱ、`
    TopLevel,
    /// `First,` `Two,` `The third is`
    EnglishWords,
    /// `（一）` `㈡`
    ChineseParen,
    /// `(a)` `(two)` `(1)` `1)`
    Parenthesized,
    /// `1.` `1、` `①`
    Arabic,
    /// `一是` `二是`
    ChineseShi,
    /// `第一章` `Chapter 1`
    Chapter,
    /// `第一部分` `Part One`
    Part,
    /// `第一节`
    Section,
}

impl Family {
    /// `None` for Markdown headings, which carry no ordinal.
    pub fn of(style: MarkerStyle) -> Option<Family> {
        use MarkerStyle::*;
        Some(match style {
            ChineseComma | Roman => Family::TopLevel,
            EnglishOrdinal | EnglishOrdinalPhrase | EnglishNumberWord => Family::EnglishWords,
            ChineseParen => Family::ChineseParen,
            LetterParen | NumberWordParen | ArabicParen | ArabicHalfParen => Family::Parenthesized,
            ArabicDot | ArabicComma | Circled => Family::Arabic,
            ChineseShi => Family::ChineseShi,
            ChineseChapter | EnglishChapter => Family::Chapter,
            ChinesePart | EnglishPart => Family::Part,
            ChineseSection => Family::Section,
            Markdown => return None,
        })
    }
}

/// A set of marker styles, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StyleSet(u32);

impl StyleSet {
    pub fn of(style: MarkerStyle) -> Self {
        Self(1 << style_key(style))
    }

    pub fn contains(self, style: MarkerStyle) -> bool {
        self.0 & (1 << style_key(style)) != 0
    }

    pub fn insert(&mut self, style: MarkerStyle) {
        self.0 |= 1 << style_key(style);
    }
}

/// `First,` and `The second is` are one style for mixing purposes: English
/// writers (and translators of `一是…二是`) alternate them freely.
fn style_key(style: MarkerStyle) -> u32 {
    match style {
        MarkerStyle::EnglishOrdinalPhrase => MarkerStyle::EnglishOrdinal as u32,
        style => style as u32,
    }
}

/// Depth in the Chinese official-document hierarchy 一、 → （一） → 1. →
/// （1）; `None` for styles outside it.
pub fn hierarchy_rank(style: MarkerStyle) -> Option<u8> {
    use MarkerStyle::*;
    match style {
        ChineseComma => Some(1),
        ChineseParen => Some(2),
        ArabicDot | ArabicComma => Some(3),
        ArabicParen | ArabicHalfParen => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerStyle::*;

    #[test]
    fn sibling_styles_share_a_family() {
        for style in [EnglishOrdinal, EnglishNumberWord, EnglishOrdinalPhrase] {
            assert_eq!(Family::of(style), Some(Family::EnglishWords), "{style:?}");
        }
        assert_eq!(Family::of(Roman), Family::of(ChineseComma));
        for style in [LetterParen, ArabicParen, ArabicHalfParen, NumberWordParen] {
            assert_eq!(Family::of(style), Some(Family::Parenthesized), "{style:?}");
        }
        assert_eq!(Family::of(Circled), Family::of(ArabicDot));
        assert_ne!(Family::of(ChineseShi), Family::of(ChineseComma));
        assert_ne!(Family::of(ChineseParen), Family::of(ArabicParen));
        assert_eq!(Family::of(Markdown), None);
    }

    #[test]
    fn ordinal_words_and_phrases_count_as_one_style() {
        let mut set = StyleSet::of(EnglishOrdinal);
        assert!(set.contains(EnglishOrdinalPhrase));
        assert!(!set.contains(EnglishNumberWord));
        set.insert(EnglishNumberWord);
        assert!(set.contains(EnglishNumberWord));
    }

    #[test]
    fn the_chinese_hierarchy_goes_deeper_left_to_right() {
        let ranks: Vec<_> = [ChineseComma, ChineseParen, ArabicDot, ArabicParen]
            .into_iter()
            .map(hierarchy_rank)
            .collect();
        assert_eq!(ranks, [Some(1), Some(2), Some(3), Some(4)]);
        assert_eq!(hierarchy_rank(LetterParen), None);
    }
}
