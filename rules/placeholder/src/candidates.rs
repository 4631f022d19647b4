//! Finding template leftovers: a few literal-prefiltered regex passes
//! propose candidates, and a small check per shape looks at the characters
//! around each one.
//!
//! The regex crate has no look-around, and `\b` does not separate Chinese
//! from Latin (`XX市` has no Unicode word boundary before `市`), so every
//! boundary decision is made here in code. The regex only uses the ASCII
//! word boundary `(?-u:\b)`, which does separate `xx` from Han text and
//! keeps the `x` of `next` or `2x` from ever becoming a candidate.

use crate::context::{
    Meaning, char_after, char_before, is_alphanumeric_neighbour, is_chinese_neighbour,
    is_han_neighbour, is_inline_space, meaning_of_following, place_unit, second_word_after,
    starts_with_figure_unit, word_after, word_before,
};
use redline_core::Span;
use redline_core::script::{is_cjk_punctuation, is_fullwidth_alphanumeric, is_han};
use regex::{CaptureLocations, Regex};

/// A leftover found in the text, before it becomes a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Leftover {
    pub span: Span,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `20xx`, `201*`, `２０ＸＸ`, `2xx3`: a year, which the `year` option
    /// can fill in.
    Year,
    /// A year mask that replaced the digits of a figure: `2620xx`,
    /// `20xx余份`, `201*人`. Filling in a year would be wrong.
    FusedYear,
    /// `XX`, `××`, `某某`, `**`, `zz`: stands for a word or a number.
    Mask(Meaning),
    /// `____`, `__`, a lone `_`.
    Blank(Meaning),
    /// `（ ）`, `【】`, `[]`.
    EmptyBrackets(Meaning),
    /// `[Name]`, `[Insert date]`.
    BracketLabel(Meaning),
    /// `TODO`, `待补充`.
    Marker,
    /// `护政办发号`: an official document number with nothing in it.
    DocumentNumber,
    /// `共 人`, `达 %`: a gap where a number belongs.
    MissingFigure,
    /// A match of a user's `extra-patterns` entry.
    Extra,
}

/// What a candidate looks like, one per alternative of a scanner pass.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Year,
    AsciiMask,
    WideMask,
    SpareLetters,
    DateFormat,
    Underscores,
    Stars,
    EmptyBrackets,
    BracketLabel,
    Someone,
    Marker,
    DocumentNumber,
    VerbGap,
    PercentGap,
}

/// The scanner's alternatives, in passes.
///
/// Every alternative starts with a literal, so the regex engine skips to
/// candidates with a SIMD literal search instead of running its automaton
/// over every byte. One alternation of everything would be simpler, but the
/// regex crate gives up on a prefilter for a union whose leading literals
/// mix single ASCII bytes with three-byte Han characters (the first byte of
/// `某` is the first byte of a quarter of all Han text), and then runs at
/// about 650 MB/s. Grouped by the kind of literal they start with, each pass
/// runs at 9 to 18 GB/s, and all five together at about 2.8 GB/s on text
/// without leftovers.
const PASSES: &[&[(Shape, &str)]] = &[
    // Years and x masks: 20xx, 20××, 20__, 20**, ２０ＸＸ, 19xx; with a
    // garbled prefix (2x20xx, 2__20__); 201*, 201X; 2xx3. Then runs of x.
    &[
        (
            Shape::Year,
            r"(?:2[xX_]{1,2})?(?:20|19|２０|１９)[xXｘＸ×_＿*＊]{2}|(?:20|２０)[0-9０-９][xXＸ×_＿*＊]|2[xX]{2}[0-9]",
        ),
        (Shape::AsciiMask, r"(?-u:\b)[xX]+(?-u:\b)"),
        (Shape::WideMask, r"[×Ｘｘ]+"),
    ],
    // ASCII blanks, all starting with bytes that are rare in prose. Runs of
    // underscores and stars are measured in code, spaces and all (`_ _ _`).
    &[
        (Shape::Underscores, r"_"),
        (Shape::Stars, r"\*"),
        (
            Shape::EmptyBrackets,
            r"\[[ \t\x{3000}]*\]|\([ \t\x{3000}]*\)",
        ),
        (Shape::BracketLabel, r"\[[A-Za-z][A-Za-z \-]{1,30}\]"),
        (Shape::PercentGap, r"%"),
    ],
    // The other letters templates use as placeholders: YY, ZZ, yyyy, mm月.
    &[
        (
            Shape::SpareLetters,
            r"(?-u:\b)(?:[yY]{2,4}|[zZ]{2,3})(?-u:\b)",
        ),
        (Shape::DateFormat, r"(?-u:\b)(?:[mM]{2}月|[dD]{2}日)"),
    ],
    // Chinese words and full-width blanks: literals of three bytes or more.
    &[
        (Shape::Someone, r"某某+"),
        (
            Shape::Marker,
            r"(?-u:\b)(?:TODO|TBD|TBC|FIXME)(?-u:\b)|待补充|待填写|待定|此处填写|此处输入",
        ),
        (Shape::DocumentNumber, r"发号"),
        (Shape::Underscores, r"＿"),
        (Shape::Stars, r"＊"),
        (
            Shape::EmptyBrackets,
            r"（[ \t\x{3000}]*）|【[ \t\x{3000}]*】|〔[ \t\x{3000}]*〕|［[ \t\x{3000}]*］|《[ \t\x{3000}]*》",
        ),
        (Shape::PercentGap, r"％|‰"),
    ],
    // A gap between a verb that announces a figure and its unit: `共 人`.
    // Alone, because its many verb-and-space literals would otherwise push
    // the pass above onto a slower prefilter.
    &[(
        Shape::VerbGap,
        r"(?:达到|共计|共有|合计|总计|累计|超过|增长|下降|提高|减少|达|共|约|占)[ \x{3000}][ \t\x{3000}\x{A0}]*(?:%|％|‰|人次|人|个|元|万元|亿元|万|亿|家|次|户|名|项|亩|件|份|场|篇|天|台|辆|吨|公里|米|余)",
    )],
];

/// One pass: an alternation whose group `i + 1` is `shapes[i]`.
#[derive(Debug)]
struct Pass {
    regex: Regex,
    shapes: Vec<Shape>,
}

/// The built-in candidates, compiled once per configuration.
#[derive(Debug)]
pub(crate) struct Scanner {
    passes: Vec<Pass>,
}

impl Scanner {
    pub(crate) fn new() -> Self {
        let passes = PASSES
            .iter()
            .map(|alternatives| {
                let pattern = alternatives
                    .iter()
                    .map(|(_, alternative)| format!("({alternative})"))
                    .collect::<Vec<_>>()
                    .join("|");
                Pass {
                    regex: Regex::new(&pattern).expect("the built-in placeholder patterns compile"),
                    shapes: alternatives.iter().map(|&(shape, _)| shape).collect(),
                }
            })
            .collect();
        Self { passes }
    }

    /// Appends every leftover in `text` to `found`; each pass appends in
    /// text order, the passes one after the other.
    pub(crate) fn scan(&self, text: &str, found: &mut Vec<Leftover>) {
        for pass in &self.passes {
            pass.scan(text, found);
        }
    }
}

impl Pass {
    fn scan(&self, text: &str, found: &mut Vec<Leftover>) {
        let mut locations: CaptureLocations = self.regex.capture_locations();
        let mut at = 0;
        while at < text.len() {
            let Some((start, end)) = self
                .regex
                .captures_read_at(&mut locations, text, at)
                .map(|m| (m.start(), m.end()))
            else {
                break;
            };
            // Exactly one alternative took part in the match.
            let Some(shape) = (1..=self.shapes.len())
                .find(|&group| locations.get(group).is_some())
                .map(|group| self.shapes[group - 1])
            else {
                break;
            };
            match classify(shape, text, start, end) {
                Verdict::Found(leftover) => {
                    at = leftover.span.end.max(end);
                    found.push(leftover);
                }
                Verdict::Skip(resume) => at = resume,
            }
        }
    }
}

enum Verdict {
    Found(Leftover),
    /// Not a leftover; look again from this offset, which is past `start`.
    Skip(usize),
}

fn classify(shape: Shape, text: &str, start: usize, end: usize) -> Verdict {
    let next_char = start + char_after(text, start).map_or(1, char::len_utf8);
    let found = |kind: Kind, span_start: usize, span_end: usize| {
        Verdict::Found(Leftover {
            span: Span::new(span_start, span_end),
            kind,
        })
    };
    let kind = match shape {
        Shape::Year => year_mask(text, start, end),
        Shape::AsciiMask => ascii_mask(text, start, end),
        Shape::WideMask => wide_mask(text, start, end),
        Shape::SpareLetters => spare_letters(text, start, end),
        Shape::DateFormat => Some(Kind::Mask(Meaning::Date)),
        Shape::Underscores => {
            return match underscores(text, start) {
                Ok((kind, run_end)) => found(kind, start, run_end),
                Err(resume) => Verdict::Skip(resume),
            };
        }
        Shape::Stars => {
            return match stars(text, start) {
                Ok((kind, run_end)) => found(kind, start, run_end),
                Err(resume) => Verdict::Skip(resume),
            };
        }
        Shape::EmptyBrackets => empty_brackets(text, start, end),
        Shape::BracketLabel => bracket_label(text, start, end),
        Shape::Someone => someone(text, start, end),
        Shape::Marker => marker(text, start, end),
        Shape::DocumentNumber => {
            return match document_number(text, start, end) {
                Some(span_start) => found(Kind::DocumentNumber, span_start, end),
                None => Verdict::Skip(next_char),
            };
        }
        Shape::VerbGap => verb_gap(text, start, end),
        Shape::PercentGap => {
            return match percent_gap(text, start) {
                Some(span_start) => found(Kind::MissingFigure, span_start, end),
                None => Verdict::Skip(next_char),
            };
        }
    };
    match kind {
        Some(kind) => {
            // The date-format shape matched its unit (`mm月`); report the
            // letters only.
            let end = if matches!(shape, Shape::DateFormat) {
                start + 2
            } else {
                end
            };
            found(kind, start, end)
        }
        None => Verdict::Skip(next_char),
    }
}

fn is_mask_char(c: char) -> bool {
    matches!(c, 'x' | 'X' | 'ｘ' | 'Ｘ' | '×' | '_' | '＿' | '*' | '＊')
}

fn is_fullwidth_letter(c: char) -> bool {
    is_fullwidth_alphanumeric(c) && !is_any_digit(c)
}

fn is_any_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn year_mask(text: &str, start: usize, end: usize) -> Option<Kind> {
    let mask = &text[start..end];
    let before = char_before(text, start);
    let after = char_after(text, end);
    if before.is_some_and(|c| c.is_ascii_alphabetic() || is_fullwidth_letter(c)) {
        return None; // a model number: `SM-A20XX`
    }
    if is_alphanumeric_neighbour(after) || after.is_some_and(is_mask_char) {
        return None;
    }
    let digits = mask.chars().filter(|&c| is_any_digit(c)).count();
    let masked = mask.chars().count() - digits;
    let bytes = mask.as_bytes();
    let masked_middle =
        bytes.len() == 4 && matches!(bytes[1], b'x' | b'X') && bytes[3].is_ascii_digit();
    if masked == 1 || masked_middle {
        // `201*`, `201X`, `2xx3`: written on their own, never glued to a
        // longer number.
        if before.is_some_and(is_any_digit) {
            return None;
        }
    }
    if masked == 1 && mask.ends_with('x') && after.is_some_and(char::is_whitespace) {
        return None; // `200x faster`: a multiplier
    }
    let decimal_before = before.is_some_and(|c| matches!(c, '.' | '．' | '、'))
        && char_before(text, start - before.map_or(0, char::len_utf8)).is_some_and(is_any_digit);
    let fused =
        before.is_some_and(is_any_digit) || decimal_before || starts_with_figure_unit(&text[end..]);
    Some(if fused { Kind::FusedYear } else { Kind::Year })
}

/// Words after which `XX` is a Roman numeral: `Chapter XX`, `No. XX`.
const ROMAN_AFTER: &[&str] = &[
    "chapter", "article", "part", "volume", "vol", "no", "section", "book", "act", "appendix",
    "annex", "phase", "round", "session", "clause", "canto", "psalm",
];

/// Words before which `XX` is a Roman numeral: `XX century`, `the XX
/// Olympic Games`, `the XX National Congress`.
const ROMAN_BEFORE: &[&str] = &[
    "century",
    "centuries",
    "congress",
    "olympic",
    "olympics",
    "olympiad",
    "plenary",
    "amendment",
    "dynasty",
    "chromosome",
    "chromosomes",
];

fn is_one_of(word: &str, words: &[&str]) -> bool {
    !word.is_empty() && words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Part of an address, a file name or a web site: `xxx@`, `www.xxx.com`.
fn is_in_address(text: &str, start: usize, end: usize) -> bool {
    let before = char_before(text, start);
    let after = char_after(text, end);
    let dotted_after = after == Some('.') && is_alphanumeric_neighbour(char_after(text, end + 1));
    let dotted_before =
        before == Some('.') && is_alphanumeric_neighbour(char_before(text, start - 1));
    let joined_after = matches!(after, Some('-' | '\'' | '’'))
        && char_after(text, end + after.map_or(0, char::len_utf8))
            .is_some_and(|c| c.is_ascii_alphabetic());
    matches!(before, Some('@' | '/' | '\\' | '#' | '$' | '{' | '<'))
        || matches!(after, Some('@' | '/' | '\\' | '}' | '>'))
        || dotted_after
        || dotted_before
        || joined_after
}

/// Whether a single `x` stands for something: before an administrative
/// unit or a date unit (`x镇`, `X月`), a percent sign, or in `x month`.
fn single_x_stands_for_something(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if place_unit(rest).is_some() || rest.starts_with(['局', '年', '月', '日', '%', '％']) {
        return true;
    }
    rest.starts_with(' ') && is_one_of(word_after(text, end), &["month", "day", "year"])
}

fn ascii_mask(text: &str, start: usize, end: usize) -> Option<Kind> {
    let before = char_before(text, start);
    let after = char_after(text, end);
    if is_alphanumeric_neighbour(before)
        || is_alphanumeric_neighbour(after)
        || is_in_address(text, start, end)
    {
        return None;
    }
    let meaning = meaning_of_following(&text[end..]);
    if end - start == 1 {
        return single_x_stands_for_something(text, end).then_some(Kind::Mask(meaning));
    }
    if is_chinese_neighbour(before) || is_chinese_neighbour(after) {
        // `XX世纪` is the twentieth century, in Roman numerals.
        return (!text[end..].starts_with("世纪")).then_some(Kind::Mask(meaning));
    }
    let roman = is_one_of(word_before(text, start), ROMAN_AFTER)
        || is_one_of(word_after(text, end), ROMAN_BEFORE)
        || is_one_of(second_word_after(text, end), ROMAN_BEFORE);
    (!roman).then_some(Kind::Mask(meaning))
}

fn wide_mask(text: &str, start: usize, end: usize) -> Option<Kind> {
    if is_alphanumeric_neighbour(char_before(text, start))
        || is_alphanumeric_neighbour(char_after(text, end))
    {
        return None; // `3×4`
    }
    let single = char_after(text, start).map(char::len_utf8) == Some(end - start);
    if single && !single_x_stands_for_something(text, end) {
        return None; // `长×宽`
    }
    Some(Kind::Mask(meaning_of_following(&text[end..])))
}

fn spare_letters(text: &str, start: usize, end: usize) -> Option<Kind> {
    // Only in Chinese text and only before the word they stand in for
    // (`zz乡`); `ZZ Top` or `yyyy-mm-dd` are left alone.
    let before = char_before(text, start);
    let after = char_after(text, end);
    let stands_in = is_han_neighbour(after) && !is_alphanumeric_neighbour(before);
    stands_in.then(|| Kind::Mask(meaning_of_following(&text[end..])))
}

fn is_underscore(c: char) -> bool {
    matches!(c, '_' | '＿')
}

fn is_star(c: char) -> bool {
    matches!(c, '*' | '＊')
}

/// End of the run of `is_part` characters starting at `start`, allowing
/// single spaces between them (`_ _ _`); also counts the characters.
fn run_end(text: &str, start: usize, is_part: fn(char) -> bool) -> (usize, usize) {
    let mut end = start;
    let mut count = 0;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if is_part(c) {
            count += 1;
            end = start + offset + c.len_utf8();
        } else if c == ' ' && chars.peek().is_some_and(|&(_, next)| is_part(next)) {
            continue;
        } else {
            break;
        }
    }
    (end, count)
}

/// How far the checks below look along a line. Emphasis and list markers
/// sit within a few words of a candidate; the bound keeps a long line with
/// many candidates linear.
const REACH: usize = 200;

fn is_line_end(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// A line of only rule characters (`______`, `* * *`, `---`) is a
/// separator, not a blank.
fn is_separator_line(text: &str, start: usize, end: usize) -> bool {
    let is_rule = |c: char| {
        matches!(
            c,
            '_' | '＿' | '*' | '＊' | '-' | '=' | '—' | ' ' | '\t' | '\u{3000}'
        )
    };
    let rule_before = text[..start]
        .chars()
        .rev()
        .take(REACH)
        .take_while(|&c| !is_line_end(c))
        .all(is_rule);
    let rule_after = text[end..]
        .chars()
        .take(REACH)
        .take_while(|&c| !is_line_end(c))
        .all(is_rule);
    rule_before && rule_after
}

/// Whether Han characters or Chinese punctuation are within two characters
/// of `start..end`: `领导下,_,围绕` is Chinese text, `(at, _)` is not.
fn is_in_chinese_text(text: &str, start: usize, end: usize) -> bool {
    let chinese = |c: char| is_han(c) || is_cjk_punctuation(c);
    text[..start].chars().rev().take(2).any(chinese) || text[end..].chars().take(2).any(chinese)
}

/// Characters that make `^_^`, `-_-` or `>_<` a face, not a blank.
fn is_emoticon_part(c: Option<char>) -> bool {
    matches!(
        c,
        Some('^' | '-' | '=' | '>' | '<' | '~' | '.' | '\'' | '"' | '`' | 'o' | 'O' | 'T')
    )
}

fn is_separator(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || c.is_ascii_punctuation() || is_cjk_punctuation(c),
    }
}

/// `____年`, `__化工厂`, `领导下,_,围绕`: Ok((kind, end)) or Err(resume).
fn underscores(text: &str, start: usize) -> Result<(Kind, usize), usize> {
    let before = char_before(text, start);
    let (end, count) = run_end(text, start, is_underscore);
    if before.is_some_and(is_underscore) || is_separator_line(text, start, end) {
        return Err(end);
    }
    let after = char_after(text, end);
    let on_its_own = match count {
        0 => false,
        // `(at, _)` in code or `_` in English is not a blank.
        1 => {
            is_in_chinese_text(text, start, end)
                && !is_alphanumeric_neighbour(before)
                && !is_alphanumeric_neighbour(after)
                && !is_emoticon_part(before)
                && !is_emoticon_part(after)
                && (is_separator(before) || is_separator(after))
        }
        // `__init__` and `a__b` are identifiers.
        2 => !is_alphanumeric_neighbour(before) && !is_alphanumeric_neighbour(after),
        _ => true,
    };
    if !on_its_own {
        return Err(end);
    }
    Ok((Kind::Blank(meaning_of_following(&text[end..])), end))
}

/// Words after which `**` hides a user name on a download site:
/// `上传人:张**`, `用户***`, `by ***`.
const NAME_MASK_AFTER: &[&str] = &[
    "用户",
    "网友",
    "会员",
    "作者",
    "上传人",
    "上传者",
    "发布人",
    "发布者",
    "投稿人",
    "昵称",
    "楼主",
    "by",
    "By",
    "BY",
    "user",
    "User",
];

fn is_masked_user_name(text: &str, start: usize) -> bool {
    let trim = |s: &'_ str| -> usize { s.trim_end_matches([' ', ':', '：']).len() };
    let head = &text[..trim(&text[..start])];
    if NAME_MASK_AFTER.iter().any(|w| head.ends_with(w)) {
        return true;
    }
    // The surname is shown, the given name masked: `张**`.
    match head.chars().next_back() {
        Some(surname) if is_han(surname) => {
            let head = &head[..head.len() - surname.len_utf8()];
            let head = &head[..trim(head)];
            NAME_MASK_AFTER.iter().any(|w| head.ends_with(w))
        }
        _ => false,
    }
}

/// Offset in `bytes` of the first run of exactly `len` stars, if any.
fn find_star_run(bytes: &[u8], len: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'*', &bytes[from..]) {
        let run_start = from + found;
        let run_len = bytes[run_start..]
            .iter()
            .take_while(|&&b| b == b'*')
            .count();
        if run_len == len {
            return Some(run_start);
        }
        from = run_start + run_len;
    }
    None
}

/// Offset in `bytes` of the last run of exactly `len` stars, if any.
fn rfind_star_run(bytes: &[u8], len: usize) -> Option<usize> {
    let mut until = bytes.len();
    while let Some(run_end) = memchr::memrchr(b'*', &bytes[..until]).map(|i| i + 1) {
        let run_len = bytes[..run_end]
            .iter()
            .rev()
            .take_while(|&&b| b == b'*')
            .count();
        if run_len == len {
            return Some(run_end - run_len);
        }
        until = run_end - run_len;
    }
    None
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || is_cjk_punctuation(c)
}

/// Whether the star run at `start..end` can open emphasis, by CommonMark's
/// rule: not followed by a space, and not followed by punctuation unless
/// preceded by a space or punctuation.
fn can_open(text: &str, start: usize, end: usize) -> bool {
    let before = char_before(text, start);
    match char_after(text, end) {
        None => false,
        Some(next) if next.is_whitespace() => false,
        Some(next) if is_punctuation(next) => {
            before.is_none_or(|c| c.is_whitespace() || is_punctuation(c))
        }
        Some(_) => true,
    }
}

/// The mirror image of [`can_open`].
fn can_close(text: &str, start: usize, end: usize) -> bool {
    let after = char_after(text, end);
    match char_before(text, start) {
        None => false,
        Some(previous) if previous.is_whitespace() => false,
        Some(previous) if is_punctuation(previous) => {
            after.is_none_or(|c| c.is_whitespace() || is_punctuation(c))
        }
        Some(_) => true,
    }
}

/// Markdown emphasis: `**重点**工作`. The nearest run of the same length on
/// the same line closes (or opens) it, with some content in between. A
/// masked date (`**年**月`) pairs up the same way; its content starts with
/// the date unit.
fn is_emphasis(text: &str, start: usize, end: usize) -> bool {
    let len = end - start;
    if len > 3 || !text[start..end].bytes().all(|b| b == b'*') {
        return false;
    }
    let bytes = text.as_bytes();
    let is_content = |content_start: usize, content_end: usize| {
        content_start < content_end && !text[content_start..].starts_with(['年', '月', '日'])
    };

    if can_open(text, start, end) {
        let ahead = &bytes[end..(end + REACH).min(bytes.len())];
        let line = ahead
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(ahead.len());
        if let Some(close) = find_star_run(&ahead[..line], len).map(|at| end + at) {
            if can_close(text, close, close + len) && is_content(end, close) {
                return true;
            }
        }
    }
    if can_close(text, start, end) {
        let behind_start = start.saturating_sub(REACH);
        let behind = &bytes[behind_start..start];
        let line_start = behind
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1);
        let open =
            rfind_star_run(&behind[line_start..], len).map(|at| behind_start + line_start + at);
        if let Some(open) = open {
            if can_open(text, open, open + len) && is_content(open + len, start) {
                return true;
            }
        }
    }
    false
}

/// `*年`, `**市`, `*****工会`, `city * factory`: Ok((kind, end)) or
/// Err(resume).
fn stars(text: &str, start: usize) -> Result<(Kind, usize), usize> {
    let before = char_before(text, start);
    let (end, count) = run_end(text, start, is_star);
    if before.is_some_and(is_star) || is_separator_line(text, start, end) {
        return Err(end);
    }
    let after = char_after(text, end);
    // `201*` and `20**` are years, `a*b` and `*3` arithmetic.
    if is_alphanumeric_neighbour(before) || after.is_some_and(|c| c.is_ascii_digit()) {
        return Err(end);
    }
    if is_han_neighbour(after) {
        let date_unit = after.is_some_and(|c| matches!(c, '年' | '月' | '日'));
        // A single star before other words is a footnote mark or a
        // censored word, not a blank left by a template.
        // A surname and stars (`王**同志`) is a person masked on purpose.
        let masked_person = !date_unit && before.is_some_and(|c| SURNAMES.contains(c));
        let stands_in = (count >= 2 || date_unit)
            && !masked_person
            && !is_masked_user_name(text, start)
            && !is_emphasis(text, start, end);
        return if stands_in {
            Ok((Kind::Mask(meaning_of_following(&text[end..])), end))
        } else {
            Err(end)
        };
    }
    let between_words = before == Some(' ')
        && after == Some(' ')
        && word_before(text, start).len() >= 2
        && word_after(text, end).len() >= 2;
    if between_words {
        Ok((Kind::Mask(meaning_of_following(&text[end..])), end))
    } else {
        Err(end)
    }
}

/// A list item's check box: `- [ ] task`, or `[ ]` opening a line.
fn is_check_box(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end_matches([' ', '\t']);
    let head = match head.strip_suffix(['-', '*', '+']) {
        Some(rest) => rest,
        None => match head.strip_suffix('.') {
            Some(number) if number.ends_with(|c: char| c.is_ascii_digit()) => {
                number.trim_end_matches(|c: char| c.is_ascii_digit())
            }
            _ => head,
        },
    };
    let head = head.trim_end_matches([' ', '\t']);
    head.is_empty() || head.ends_with(is_line_end)
}

fn empty_brackets(text: &str, start: usize, end: usize) -> Option<Kind> {
    let before = char_before(text, start);
    let after = char_after(text, end);
    let ascii = text[start..].starts_with(['[', '(']);
    if ascii {
        // In English text and code, `()` and `[]` are calls and empty lists:
        // `f()`, `"labels": []`, `[](link)`, `![](image.png)`.
        let code_like = !is_in_chinese_text(text, start, end)
            || is_alphanumeric_neighbour(before)
            || matches!(before, Some('_' | ')' | ']' | '>' | '!'))
            || after == Some('(');
        let check_box =
            text[start..].starts_with('[') && end - start > 2 && is_check_box(text, start);
        if code_like || check_box {
            return None;
        }
    }
    let numbered = matches!(before, Some('发' | '字'))
        || after.is_some_and(|c| c.is_ascii_digit() || c == '号');
    Some(Kind::EmptyBrackets(if numbered {
        Meaning::DocumentNumber
    } else {
        Meaning::Name
    }))
}

/// Labels a template writes in square brackets for the author to replace.
const BRACKET_LABELS: &[(&str, Meaning)] = &[
    ("name", Meaning::Name),
    ("full name", Meaning::Name),
    ("first name", Meaning::Name),
    ("last name", Meaning::Name),
    ("title", Meaning::Name),
    ("job title", Meaning::Name),
    ("position", Meaning::Name),
    ("address", Meaning::Name),
    ("city", Meaning::Place("city")),
    ("country", Meaning::Place("country")),
    ("phone", Meaning::Figure),
    ("phone number", Meaning::Figure),
    ("email", Meaning::Name),
    ("e-mail", Meaning::Name),
    ("date", Meaning::Date),
    ("day", Meaning::Date),
    ("month", Meaning::Date),
    ("year", Meaning::Year),
    ("amount", Meaning::Figure),
    ("number", Meaning::Figure),
    ("figure", Meaning::Figure),
    ("value", Meaning::Figure),
    ("company", Meaning::Organization),
    ("company name", Meaning::Organization),
    ("organization", Meaning::Organization),
    ("organisation", Meaning::Organization),
    ("organization name", Meaning::Organization),
    ("department", Meaning::Organization),
    ("unit", Meaning::Organization),
    ("client", Meaning::Name),
    ("client name", Meaning::Name),
    ("project", Meaning::Name),
    ("project name", Meaning::Name),
    ("signature", Meaning::Name),
    ("text", Meaning::Name),
    ("content", Meaning::Name),
    ("placeholder", Meaning::Name),
];

fn bracket_label(text: &str, start: usize, end: usize) -> Option<Kind> {
    let before = char_before(text, start);
    let after = char_after(text, end);
    // `[Name](url)` and `[Name][1]` are links, `[Name]: url` a link's
    // target, `x[Date]` an index.
    if is_alphanumeric_neighbour(before)
        || matches!(before, Some('!' | ']'))
        || matches!(after, Some('(' | '[' | ':'))
    {
        return None;
    }
    let mut label = text[start + 1..end - 1].trim();
    for prompt in ["your ", "insert ", "enter ", "add ", "the "] {
        if label.len() > prompt.len() && label[..prompt.len()].eq_ignore_ascii_case(prompt) {
            label = label[prompt.len()..].trim_start();
        }
    }
    BRACKET_LABELS
        .iter()
        .find(|(known, _)| label.eq_ignore_ascii_case(known))
        .map(|&(_, meaning)| Kind::BracketLabel(meaning))
}

/// Common surnames: `张某某` anonymises a person on purpose.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";

fn someone(text: &str, start: usize, end: usize) -> Option<Kind> {
    let named_person = char_before(text, start).is_some_and(|c| SURNAMES.contains(c));
    (!named_person).then(|| Kind::Mask(meaning_of_following(&text[end..])))
}

fn marker(text: &str, start: usize, end: usize) -> Option<Kind> {
    let word = &text[start..end];
    if word.is_ascii() {
        return Some(Kind::Marker);
    }
    // `有待补充` and `尚待` say that something remains to be done, `待定义`
    // and `待定夺` are other words.
    let remains_to_be = char_before(text, start).is_some_and(|c| "有尚仍亟".contains(c));
    let other_word = word == "待定" && char_after(text, end).is_some_and(|c| "义夺".contains(c));
    (!remains_to_be && !other_word).then_some(Kind::Marker)
}

/// `护政办发号`: the issuing office's prefix runs straight into `号`.
/// Returns the start of the span, the prefix's last character included.
fn document_number(text: &str, start: usize, end: usize) -> Option<usize> {
    let prefix = char_before(text, start).filter(|&c| "办政委厅党府".contains(c))?;
    // `发号施令` and `发号召` are words.
    if char_after(text, end).is_some_and(|c| "施召令".contains(c)) {
        return None;
    }
    Some(start - prefix.len_utf8())
}

/// Words the gap shape's verbs end: `节约 人力` saves manpower, `下达 人员`
/// hands something down to staff; neither misses a figure.
const WORDS_ENDING_IN_A_VERB: &[&str] = &[
    "公共", "节约", "制约", "合约", "签约", "预约", "契约", "到达", "表达", "发达", "下达", "传达",
    "抵达", "送达", "转达", "侵占", "独占", "霸占",
];

/// `共 人`, `达 %`: a verb that announces a figure, a gap, and a unit.
fn verb_gap(text: &str, start: usize, end: usize) -> Option<Kind> {
    let verb_end = start + text[start..].find(is_inline_space).unwrap_or(end - start);
    let verb = &text[start..verb_end];
    let ends_a_compound = |compound: &&str| {
        compound
            .strip_suffix(verb)
            .is_some_and(|head| !head.is_empty() && text[..start].ends_with(head))
    };
    if WORDS_ENDING_IN_A_VERB.iter().any(ends_a_compound) {
        return None;
    }
    // `共 人员`, `约 人民`: the unit is the start of a noun.
    let unit_is_a_noun = text[..end].ends_with('人')
        && char_after(text, end).is_some_and(|c| "员民才力们口".contains(c));
    (!unit_is_a_noun).then_some(Kind::MissingFigure)
}

/// `增幅 %`: a percent sign after a gap that follows Chinese text. Returns
/// the start of the span, the character before the gap included.
fn percent_gap(text: &str, start: usize) -> Option<usize> {
    let gap_start = text[..start].trim_end_matches(is_inline_space).len();
    if gap_start == start {
        return None;
    }
    let before = char_before(text, gap_start).filter(|&c| is_han(c))?;
    Some(gap_start - before.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> Vec<(&str, Kind)> {
        let mut found = Vec::new();
        Scanner::new().scan(text, &mut found);
        found
            .into_iter()
            .map(|l| (&text[l.span.range()], l.kind))
            .collect()
    }

    #[test]
    fn every_pass_compiles_with_one_group_per_shape() {
        for pass in Scanner::new().passes {
            assert_eq!(pass.regex.captures_len(), pass.shapes.len() + 1);
        }
    }

    #[test]
    fn runs_allow_single_spaces() {
        assert_eq!(run_end("_ _ _ x", 0, is_underscore), (5, 3));
        assert_eq!(run_end("__  _", 0, is_underscore), (2, 2));
        assert_eq!(run_end("＿＿", 0, is_underscore), ("＿＿".len(), 2));
    }

    #[test]
    fn kinds_of_leftovers() {
        assert_eq!(scan("20xx年"), [("20xx", Kind::Year)]);
        assert_eq!(scan("参加志愿服务2620xx,"), [("20xx", Kind::FusedYear)]);
        assert_eq!(scan("资料20xx余份"), [("20xx", Kind::FusedYear)]);
        assert_eq!(scan("XX市"), [("XX", Kind::Mask(Meaning::Place("city")))]);
        assert_eq!(
            scan("护办发[]8号"),
            [("[]", Kind::EmptyBrackets(Meaning::DocumentNumber))]
        );
        assert_eq!(scan("护政办发号等"), [("办发号", Kind::DocumentNumber)]);
        assert_eq!(scan("共 人"), [("共 人", Kind::MissingFigure)]);
    }
}
