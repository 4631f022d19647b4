//! Looking around a candidate: the characters and words next to it, and what
//! the placeholder most likely stands for.
//!
//! Everything here reads a few characters on either side of a byte offset;
//! nothing allocates, so it can run on every candidate the scanner reports.

use redline_core::script::{is_cjk_punctuation, is_fullwidth_alphanumeric, is_han};

/// The character just before byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character starting at byte `at`, if any.
pub(crate) fn char_after(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Latin letters and digits, half- or full-width: a placeholder touching one
/// of these is part of a word, a model number or a figure, not on its own.
pub(crate) fn is_alphanumeric_neighbour(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || is_fullwidth_alphanumeric(c))
}

/// A neighbour that places a candidate inside Chinese text.
pub(crate) fn is_chinese_neighbour(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punctuation(c))
}

pub(crate) fn is_han_neighbour(c: Option<char>) -> bool {
    c.is_some_and(is_han)
}

/// Whitespace that stays on one line: a gap left in a sentence.
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}')
}

/// The ASCII word after byte `at`, skipping spaces on the same line, in
/// whatever case it was written: `month` in `x month`.
pub(crate) fn word_after(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    let len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    &rest[..len]
}

/// The second ASCII word after byte `at`: `Congress` in `XX National Congress`.
pub(crate) fn second_word_after(text: &str, at: usize) -> &str {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    let first_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if first_len == 0 {
        return "";
    }
    let first_end = text.len() - rest.len() + first_len;
    word_after(text, first_end)
}

/// The ASCII word before byte `at`, skipping spaces and one abbreviation
/// dot: `No` in `No. XX`.
pub(crate) fn word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches([' ', '\t']);
    let head = head.strip_suffix('.').unwrap_or(head);
    // The word is ASCII, so it starts right after the last byte that is
    // not an ASCII letter; that byte may end a multi-byte character.
    let start = head
        .bytes()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    &head[start..]
}

/// What a placeholder stands for, judged by what follows it; it picks the
/// help text ("write the name of the city").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meaning {
    Year,
    Date,
    /// A place, named by its kind of unit: `city` for `XX市`.
    Place(&'static str),
    Organization,
    Figure,
    /// The year and serial number of an official document (`办发〔〕8号`).
    DocumentNumber,
    /// A name or a word of unknown kind.
    Name,
}

impl Meaning {
    pub(crate) fn help(self) -> String {
        match self {
            Meaning::Year => "write the actual year".into(),
            Meaning::Date => "write the actual date".into(),
            Meaning::Place(unit) => format!("write the name of the {unit}"),
            Meaning::Organization => "write the name of the organization".into(),
            Meaning::Figure => "fill in the missing figure".into(),
            Meaning::DocumentNumber => {
                "write the document number in full, with its year and serial number".into()
            }
            Meaning::Name => "write the name or words it stands for".into(),
        }
    }
}

/// Chinese administrative units, longest first, with the English word the
/// help text uses.
const PLACE_UNITS: &[(&str, &str)] = &[
    ("街道", "subdistrict"),
    ("社区", "community"),
    ("自治区", "region"),
    ("省", "province"),
    ("市", "city"),
    ("县", "county"),
    ("区", "district"),
    ("乡", "township"),
    ("镇", "town"),
    ("村", "village"),
    ("州", "prefecture"),
];

/// Words a unit's name is followed by: `XX局`, `xx公司`, `XX教育工会`.
const ORGANIZATION_HEADS: &[&str] = &[
    "局",
    "厅",
    "委",
    "办",
    "部",
    "厂",
    "公司",
    "集团",
    "学校",
    "小学",
    "中学",
    "大学",
    "幼儿园",
    "医院",
    "卫生院",
    "工会",
    "中心",
    "协会",
    "学会",
    "日报",
    "电视台",
    "报社",
    "单位",
    "银行",
    "法院",
    "检察院",
    "党委",
    "政府",
    "教育",
    "义工",
];

/// Units and measure words that follow a count or an amount.
const FIGURE_UNITS: &[&str] = &[
    "%", "％", "‰", "人", "个", "名", "家", "次", "户", "元", "万", "亿", "千", "百", "份", "项",
    "件", "场", "篇", "亩", "台", "辆", "吨", "米", "公里", "余", "多", "条", "本", "套", "座",
    "株", "棵", "批", "所",
];

/// Whether `rest` opens with a unit or measure word: the text before it was
/// a figure (`20xx余份`, `观众xx人次`).
pub(crate) fn starts_with_figure_unit(rest: &str) -> bool {
    FIGURE_UNITS.iter().any(|unit| rest.starts_with(unit))
}

/// The administrative unit `rest` opens with, as an English word.
pub(crate) fn place_unit(rest: &str) -> Option<&'static str> {
    PLACE_UNITS
        .iter()
        .find(|(unit, _)| rest.starts_with(unit))
        .map(|&(_, english)| english)
}

/// What a placeholder followed by `rest` stands for.
pub(crate) fn meaning_of_following(rest: &str) -> Meaning {
    let Some(next) = rest.chars().next() else {
        return Meaning::Name;
    };
    if is_han(next) {
        return match next {
            '年' => Meaning::Year,
            '月' | '日' | '号' => Meaning::Date,
            _ => {
                if let Some(unit) = place_unit(rest) {
                    Meaning::Place(unit)
                } else if ORGANIZATION_HEADS.iter().any(|head| rest.starts_with(head)) {
                    Meaning::Organization
                } else if starts_with_figure_unit(rest) {
                    Meaning::Figure
                } else {
                    Meaning::Name
                }
            }
        };
    }
    if matches!(next, '%' | '％' | '‰') {
        return Meaning::Figure;
    }
    meaning_of_english_word(word_after(rest, 0))
}

fn meaning_of_english_word(word: &str) -> Meaning {
    let lower = |w: &str| word.eq_ignore_ascii_case(w);
    if lower("year") || lower("years") {
        Meaning::Year
    } else if lower("month") || lower("day") {
        Meaning::Date
    } else if lower("city") || lower("municipal") || lower("municipality") {
        Meaning::Place("city")
    } else if lower("county") {
        Meaning::Place("county")
    } else if lower("province") || lower("provincial") {
        Meaning::Place("province")
    } else if lower("town") || lower("township") {
        Meaning::Place("town")
    } else if lower("village") {
        Meaning::Place("village")
    } else if lower("district") {
        Meaning::Place("district")
    } else if [
        "company",
        "bureau",
        "committee",
        "factory",
        "office",
        "department",
        "union",
        "school",
        "hospital",
        "group",
        "corporation",
        "association",
    ]
    .iter()
    .any(|w| lower(w))
    {
        Meaning::Organization
    } else {
        Meaning::Name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_and_words() {
        let text = "工会XX市 and No. XX National Congress";
        let xx = text.find("XX").unwrap();
        assert_eq!(char_before(text, xx), Some('会'));
        assert_eq!(char_after(text, xx + 2), Some('市'));
        let roman = text.rfind("XX").unwrap();
        assert_eq!(word_before(text, roman), "No");
        assert_eq!(word_after(text, roman + 2), "National");
        assert_eq!(second_word_after(text, roman + 2), "Congress");
        assert_eq!(word_before(text, 0), "");
        assert_eq!(word_after(text, text.len()), "");
    }

    #[test]
    fn meanings_come_from_what_follows() {
        assert_eq!(meaning_of_following("市委"), Meaning::Place("city"));
        assert_eq!(
            meaning_of_following("街道试点"),
            Meaning::Place("subdistrict")
        );
        assert_eq!(meaning_of_following("年工作"), Meaning::Year);
        assert_eq!(meaning_of_following("月"), Meaning::Date);
        assert_eq!(meaning_of_following("公司工会"), Meaning::Organization);
        assert_eq!(meaning_of_following("人次"), Meaning::Figure);
        assert_eq!(meaning_of_following("%"), Meaning::Figure);
        assert_eq!(meaning_of_following("的经济"), Meaning::Name);
        assert_eq!(
            meaning_of_following(" Municipal Committee"),
            Meaning::Place("city")
        );
        assert_eq!(meaning_of_following(" month"), Meaning::Date);
        assert_eq!(meaning_of_following(""), Meaning::Name);
    }
}
