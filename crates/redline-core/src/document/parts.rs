//! Documents inside a file: a page of sample summaries is often pasted
//! into one file, and each sample is judged on its own.
//!
//! One pass over the blocks decides at each block whether a new document
//! starts there. A title line decides on its own. An untitled sample is
//! found by weighing how much a paragraph reads like the opening of a work
//! summary (`在…领导下`, `现将…总结如下:`, `一年来,`) against how much the
//! block before it reads like the end of one (`总之,…`, a plan for next
//! year, the last item of a list, a stray `。` left by the scraper): a
//! leadership formula alone also opens many a paragraph inside a summary,
//! and a list ends inside one all the time, but the two together rarely
//! occur anywhere but at a seam between two documents.

use super::{Block, BlockKind, Document, MarkerStyle};
use crate::Span;
use crate::line_index::char_count;
use crate::script::is_blank;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One document inside a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Indices into [`Document::blocks`].
    pub blocks: Range<usize>,
    /// The block that titles it: a title line (`…年工作总结`), or a
    /// paragraph that opens with its title run in (`Summary of the office
    /// work 2 Under the leadership of …`). Header lines before the title
    /// (a site's name, the title repeated by a download page) stay in the
    /// part, so the title is not always its first block.
    pub title: Option<usize>,
}

impl Part {
    /// The title's words: the title line without trailing punctuation, or
    /// the leading words of a paragraph that opens with its title.
    pub fn title_span(&self, document: &Document<'_>) -> Option<Span> {
        let index = self.title?;
        let block = &document.blocks()[index];
        let text = document.slice(block.span);
        match block.kind {
            BlockKind::Heading => {
                let headings = document.headings();
                let at = headings
                    .binary_search_by_key(&index, |heading| heading.block)
                    .ok()?;
                Some(headings[at].title)
            }
            BlockKind::Paragraph => run_in_title_len(text)
                .map(|len| Span::new(block.span.start, block.span.start + len)),
        }
    }
}

/// Words that make a title line the title of a whole document.
const GENRE_WORDS: [&str; 14] = [
    "总结", "汇报", "报告", "要点", "计划", "打算", "述职", "安排", "summary", "Summary", "report",
    "Report", "SUMMARY", "REPORT",
];

/// A title line opening with one of these names a section of a document
/// (`明年工作打算`, `下半年工作计划`), not a document.
const SECTION_OPENINGS: [&str; 12] = [
    "明年",
    "下半年",
    "下一步",
    "下步",
    "今后",
    "来年",
    "新的一年",
    "存在",
    "主要",
    "经验",
    "Next",
    "Plans",
];

/// English openings of a paragraph that starts with its document's title
/// run in: scraped pages lose the line break after the title.
const RUN_IN_TITLES: [&str; 8] = [
    "Summary of ",
    "Summary on ",
    "Work summary",
    "Work Summary",
    "Annual summary",
    "Annual Summary",
    "Report on the work",
    "Work report",
];

/// Words that start a paragraph's opening right after a run-in English
/// title that carries no number to end it.
const RUN_IN_TITLE_ENDS: [&str; 10] = [
    " Over the",
    " Under the",
    " In the",
    " In 20",
    " Since ",
    " During ",
    " This year",
    " Looking back",
    " With the",
    " According to",
];

/// Opening words of a closing paragraph: a document usually ends with it.
const CLOSINGS: [&str; 13] = [
    "总之",
    "综上所述",
    "综上",
    "总而言之",
    "总的来说",
    "In a word",
    "In short",
    "In conclusion",
    "In summary",
    "To sum up",
    "All in all",
    "To conclude",
    "In general",
];

/// At most this many characters make a stray fragment (`。`, `欢迎阅读。`)
/// rather than a paragraph.
const MAX_FRAGMENT_CHARS: usize = 6;
/// A paragraph shorter than this opens no document (a signature, a date).
const MIN_OPENING_CHARS: usize = 20;
/// How far, in bytes, into a paragraph the leadership formula of an
/// opening may end: 100 Chinese characters. Windows are in bytes so that
/// cutting one costs nothing.
const LEADERSHIP_WINDOW_BYTES: usize = 300;
/// An opening announces what follows in its first or its last words
/// (`…现将上半年工作汇报如下:`): these many bytes at each end are read.
const ANNOUNCEMENT_WINDOW_BYTES: usize = 240;
/// How much of a first sentence is read for plan and problem words.
const FIRST_SENTENCE_WINDOW_BYTES: usize = 360;

/// Evidence, in points, that a document starts at a paragraph.
const SPLIT_POINTS: i32 = 3;
/// An opening this clear starts a document after any paragraph.
const STRONG_OPENING_POINTS: i32 = 4;
/// What a closing paragraph before a paragraph is worth: enough alone.
const CLOSING_POINTS: i32 = 3;

/// `在县委、县政府的正确领导下`, `under the correct leadership of`.
static LEADERSHIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"在[^,，;；:：]{0,30}?(?:领导|指导|带领|支持|关心|帮助|重视|关怀)[^,，;；。]{0,14}?下",
        r"|(?i:under the (?:[a-z]+ ){0,3}(?:leadership|guidance))",
    ))
    .expect("the leadership pattern compiles")
});

/// `现将…总结如下:`, `开展了以下几方面工作:`, `is summarized as follows`.
static ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:现将|现就|特将|兹将|现把|下面将|下面就)[^。]{0,40}?(?:如下|汇报|报告|总结)",
        r"|(?:总结|汇报|报告|概括|回顾)如下",
        r"|以下几(?:个|项|点)?(?:方面|项)|如下几(?:个)?方面",
        r"|(?:向|给)(?:各位|大家|你们)[^。]{0,12}(?:汇报|报告|说明|介绍)",
        r"|(?i:(?:summarized|reported|summed up) as follows)",
    ))
    .expect("the announcement pattern compiles")
});

/// `一年来,`, `今年以来,`, `Over the past year,` at the very start.
const TIME_OPENINGS: [&str; 12] = [
    "一年来",
    "今年来",
    "今年以来",
    "半年来",
    "一年以来",
    "过去的一年",
    "回顾",
    "Over the past year",
    "In the past year",
    "Since the beginning of",
    "Looking back",
    "In the first half of",
];

/// Characters of a year at the start of an opening, masked or not:
/// `20xx`, `2__20__`, `*`, `２０１９`.
fn is_year_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９' | 'x' | 'X' | '×' | '_' | '＿' | '*' | '＊')
}

/// Points for a year as the subject of the first clause: 2 for
/// `20xx年是…之年`, 1 for `20xx年,` or `2019年度，`.
fn year_opening_points(text: &str) -> i32 {
    let digits: usize = text
        .chars()
        .take(9)
        .take_while(|&c| is_year_char(c))
        .map(char::len_utf8)
        .sum();
    if digits == 0 {
        return 0;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    if rest.starts_with('是') {
        2
    } else if rest.starts_with([',', '，']) {
        1
    } else {
        0
    }
}

/// Words of a plan for the next period (the last section of a summary).
static PLAN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"明年|下半年|下一步|下步|来年|新的一年|新一年|今后",
        r"|(?i:next year|in the new year|in the coming year|second half of the year|will continue|we will)",
    ))
    .expect("the plan pattern compiles")
});

/// `20xx年我们将…`: a year and what will be done in it. Every match holds
/// `将`, looked for first.
static YEAR_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9xX_*]{2,}年[,，]?(?:我们|我[局镇乡所会站县市区])?将")
        .expect("the year-plan pattern compiles")
});

/// Words that name a summary's problems (a late section).
static PROBLEM_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"存在[^。]{0,16}?(?:问题|不足|差距|困难)|肯定成绩的同时|看到成绩的同时",
        r"|取得[^。]{0,16}?成绩[^。]{0,8}?但|差距|不足之处|薄弱环节",
        r"|(?i:however, there (?:is|are) still|shortcomings|weak links|deficiencies)",
    ))
    .expect("the problem pattern compiles")
});

/// Words that open a summary's lessons: a middle section, so they neither
/// open nor close a document.
static LESSON_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"得益于|主要经验|几点经验|几点体会|(?i:lessons learned|experience is)")
        .expect("the lesson pattern compiles")
});

/// The part being built.
struct Current {
    start: usize,
    title: Option<usize>,
    /// A block other than the title and the header lines before it.
    has_body: bool,
    /// The style and last ordinal of the top-level numbering so far.
    top_level: Option<(MarkerStyle, u32)>,
}

impl Current {
    fn new(start: usize, title: Option<usize>) -> Self {
        Self {
            start,
            title,
            has_body: false,
            top_level: None,
        }
    }

    fn finish(&self, end: usize) -> Part {
        Part {
            blocks: self.start..end,
            title: self.title,
        }
    }
}

/// Splits the blocks into documents. A new one starts at
/// - a title line naming a genre (`…工作总结`, `Summary of …`) once the
///   current document has a body; before that, a later title line replaces
///   the earlier one (a download page repeats the title);
/// - an untitled paragraph that reads like an opening after a block that
///   reads like an ending (see the module docs; a restart of the top-level
///   numbering right after the paragraph counts as an ending of what came
///   before), any paragraph after a closing one (`总之,…`) unless it reads
///   like a later section, or a paragraph whose opening is unmistakable on
///   its own (a leadership formula and an announcement of what follows);
/// - a restart of the top-level numbering (`一、` after `三、`) right after
///   a closing paragraph or a stray fragment.
pub(super) fn split(document: &Document<'_>) -> Vec<Part> {
    let blocks = document.blocks();
    let mut parts = Vec::new();
    let Some(first) = blocks.first() else {
        return parts;
    };
    let mut current = Current::new(0, is_title(document, first).then_some(0));
    if current.title.is_none() {
        current.has_body = is_body(first);
    }
    note_numbering(&mut current, first);
    for (index, block) in blocks.iter().enumerate().skip(1) {
        if is_title(document, block) {
            if current.has_body {
                parts.push(current.finish(index));
                current = Current::new(index, Some(index));
            } else {
                current.title = Some(index);
            }
            continue;
        }
        if current.has_body && starts_document(document, index, &current) {
            parts.push(current.finish(index));
            current = Current::new(index, None);
        }
        current.has_body |= is_body(block);
        note_numbering(&mut current, block);
    }
    parts.push(current.finish(blocks.len()));
    parts
}

fn is_body(block: &Block) -> bool {
    block.kind == BlockKind::Paragraph || block.marker.is_some()
}

fn note_numbering(current: &mut Current, block: &Block) {
    if let Some(marker) = block.marker.filter(|marker| marker.level == 1) {
        current.top_level = Some((marker.style, marker.ordinal));
    }
}

fn is_title(document: &Document<'_>, block: &Block) -> bool {
    if block.marker.is_some() {
        return false;
    }
    let text = document.slice(block.span);
    match block.kind {
        BlockKind::Heading => {
            GENRE_WORDS.iter().any(|word| text.contains(word))
                && !SECTION_OPENINGS.iter().any(|word| text.starts_with(word))
        }
        BlockKind::Paragraph => run_in_title_len(text).is_some(),
    }
}

/// The length in bytes of the title a paragraph opens with, if it opens
/// with one: `Summary of …` up to the article number a download page puts
/// after it, or up to the opening's first words; a Chinese genre title
/// followed by a blank (`…年工作总结　一年来,…`).
fn run_in_title_len(text: &str) -> Option<usize> {
    if RUN_IN_TITLES.iter().any(|title| text.starts_with(title)) {
        let window = prefix_chars(text, 160);
        let number = window.match_indices(' ').map(|(at, _)| at).find(|&at| {
            let word = window[at + 1..].split(' ').next().unwrap_or_default();
            (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
        });
        let opening = RUN_IN_TITLE_ENDS
            .iter()
            .filter_map(|end| window.find(end))
            .min();
        let end = match (number, opening) {
            (Some(a), Some(b)) => a.min(b),
            (Some(at), None) | (None, Some(at)) => at,
            (None, None) => window.find([',', '.', ';']).unwrap_or(window.len()),
        };
        return Some(window[..end].trim_end().len());
    }
    // 40 Chinese characters and the blank after them.
    let window = prefix_bytes(text, 123);
    let blank = window.find(is_blank)?;
    let title = &window[..blank];
    let is_chinese_title = ["总结", "汇报", "报告", "要点", "计划"]
        .iter()
        .any(|genre| title.ends_with(genre))
        && !title.contains(|c: char| "，,。；;：:".contains(c))
        && !SECTION_OPENINGS.iter().any(|word| title.starts_with(word));
    is_chinese_title.then_some(blank)
}

/// Whether the untitled block at `index` starts a new document.
///
/// Evidence is gathered cheapest first and the search stops as soon as
/// the answer is known: most paragraphs show no sign of an opening at all
/// and cost a few prefix checks and two short literal searches.
fn starts_document(document: &Document<'_>, index: usize, current: &Current) -> bool {
    let blocks = document.blocks();
    let block = &blocks[index];
    let previous = &blocks[index - 1];
    let previous_text = document.slice(previous.span);
    let closing =
        previous.kind == BlockKind::Paragraph && starts_with_any(previous_text, &CLOSINGS);
    if let Some(marker) = block.marker {
        // A restarted `一、` with no opening paragraph of its own.
        return restarts_top_level(marker, current) && (closing || is_fragment(previous_text));
    }
    let text = document.slice(block.span);
    if block.kind != BlockKind::Paragraph
        || is_shorter_than(text, MIN_OPENING_CHARS)
        || starts_with_any(text, &CLOSINGS)
    {
        return false;
    }
    let mut opening = opening_points(text);
    if opening <= 0 && !closing {
        return false;
    }
    let mut ending = if closing { CLOSING_POINTS } else { 0 };
    if previous.marker.is_none() && is_fragment(previous_text) {
        ending += 1;
    }
    // The last item of a list; a numbered title with nothing after it in
    // its block is a section heading, whose body may follow.
    if previous.marker.is_some()
        && (previous.kind == BlockKind::Paragraph || previous.sentences.len() > 1)
    {
        ending += 1;
    }
    if blocks
        .get(index + 1)
        .and_then(|next| next.marker)
        .is_some_and(|marker| restarts_top_level(marker, current))
    {
        ending += 1;
    }
    // A paragraph that opens with a plan, a problem or a lesson reads like
    // a later section of the current document, however it starts.
    let (plan, problem) = late_words(first_sentence(document, block));
    if plan || problem || LESSON_WORDS.is_match(first_sentence(document, block)) {
        opening -= 2;
    }
    if opening >= STRONG_OPENING_POINTS {
        return true;
    }
    if !closing {
        let (plan, problem) = late_words(first_sentence(document, previous));
        ending += if plan { 2 } else { i32::from(problem) };
    }
    ending >= 1 && opening + ending >= SPLIT_POINTS
}

fn restarts_top_level(marker: super::Marker, current: &Current) -> bool {
    marker.level == 1
        && marker.ordinal == 1
        && current
            .top_level
            .is_some_and(|(style, ordinal)| style == marker.style && ordinal >= 2)
}

/// How much a paragraph reads like the opening of a work summary: a
/// leadership formula, an announcement of what follows, a time or a year
/// as its first words.
fn opening_points(text: &str) -> i32 {
    let mut points = 0;
    if starts_with_any(text, &TIME_OPENINGS) {
        points += 1;
    } else {
        points += year_opening_points(text);
    }
    let head = prefix_bytes(text, LEADERSHIP_WINDOW_BYTES);
    // Every leadership formula holds `下` or `under`.
    if (head.contains('下') || head.contains("nder")) && LEADERSHIP.is_match(head) {
        points += 2;
    }
    let start = prefix_bytes(text, ANNOUNCEMENT_WINDOW_BYTES);
    let end = suffix_bytes(text, ANNOUNCEMENT_WINDOW_BYTES);
    if ANNOUNCEMENT.is_match(start) || (end.len() < text.len() && ANNOUNCEMENT.is_match(end)) {
        points += 2;
    }
    points
}

/// Whether a first sentence holds words of a plan, and of a problem.
fn late_words(first: &str) -> (bool, bool) {
    let plan = PLAN_WORDS.is_match(first) || (first.contains('将') && YEAR_PLAN.is_match(first));
    (plan, !plan && PROBLEM_WORDS.is_match(first))
}

/// The block's first sentence, at most [`FIRST_SENTENCE_WINDOW_BYTES`].
fn first_sentence<'a>(document: &Document<'a>, block: &Block) -> &'a str {
    let span = document
        .sentences()
        .get(block.sentences.start)
        .filter(|_| !block.sentences.is_empty())
        .map_or(block.span, |sentence| sentence.span);
    prefix_bytes(document.slice(span), FIRST_SENTENCE_WINDOW_BYTES)
}

fn is_fragment(text: &str) -> bool {
    is_shorter_than(text, MAX_FRAGMENT_CHARS + 1)
}

/// Whether `text` has fewer than `chars` characters; a character takes at
/// most four bytes, so long texts are not counted.
fn is_shorter_than(text: &str, chars: usize) -> bool {
    text.len() < chars * 4 && char_count(text) < chars
}

/// At most the first `bytes` bytes of `text`, cut at a character
/// boundary.
fn prefix_bytes(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// At most the last `bytes` bytes of `text`, cut at a character boundary.
fn suffix_bytes(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The first `chars` characters of `text`.
fn prefix_chars(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(at, _)| &text[..at])
}

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|prefix| text.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use crate::{Document, SourceFile};

    /// The first line of each part.
    fn part_openings(text: &str) -> Vec<String> {
        let source = SourceFile::new("t.txt", text.to_owned());
        let document = Document::parse(&source);
        let parts = document.parts();
        assert_eq!(parts.first().map(|p| p.blocks.start), Some(0));
        for pair in parts.windows(2) {
            assert_eq!(
                pair[0].blocks.end, pair[1].blocks.start,
                "parts tile the blocks"
            );
        }
        parts
            .iter()
            .map(|part| {
                let first = &document.blocks()[part.blocks.start];
                let text = document.slice(first.span);
                text.chars().take(8).collect()
            })
            .collect()
    }

    /// The title of each part, `-` for an untitled one.
    fn part_titles(text: &str) -> Vec<String> {
        let source = SourceFile::new("t.txt", text.to_owned());
        let document = Document::parse(&source);
        document
            .parts()
            .iter()
            .map(|part| {
                part.title_span(&document)
                    .map_or("-".to_owned(), |span| document.slice(span).to_owned())
            })
            .collect()
    }

    #[test]
    fn a_single_document_is_one_part() {
        let text = "城建局2023年工作总结\n一、主要工作\n今年完成道路改造。\n二、存在的问题\n人员不足。\n三、明年打算\n继续努力。\n";
        assert_eq!(part_openings(text), ["城建局2023年"]);
        assert_eq!(part_titles(text), ["城建局2023年工作总结"]);
    }

    #[test]
    fn genre_titles_start_documents() {
        let text = "开鲁县总工会上半年工作总结\n上半年,县总工会按照部署开展工作。\n一、主要工作\n组建工会12家。\n开鲁县总工会工作汇报\n开鲁县总工会工作汇报\n全年,县总工会在上级领导下开展工作。\n一、组织建设\n新建工会。\n";
        assert_eq!(
            part_openings(text),
            ["开鲁县总工会上半", "开鲁县总工会工作"]
        );
    }

    #[test]
    fn a_repeated_title_after_header_lines_is_the_title() {
        let text = "公文素材库 首页\n\n城建局工作总结\n\n时间:2019-05-26 网站:公文素材库\n\n城建局工作总结\n\n今年以来,城建局完成了道路改造。\n\n扩展阅读:城建局工作汇报\n\n城建局工作汇报\n\n全年完成投资十亿元。\n";
        assert_eq!(part_openings(text), ["公文素材库 首页", "扩展阅读:城建局"]);
        assert_eq!(part_titles(text), ["城建局工作总结", "城建局工作汇报"]);
    }

    #[test]
    fn section_headings_that_name_a_plan_are_no_titles() {
        let text = "城建局工作总结\n一年来完成了道路改造。\n明年工作打算\n继续改造道路。\n下半年工作计划\n完成绿化。\n";
        assert_eq!(part_openings(text), ["城建局工作总结"]);
    }

    #[test]
    fn a_restarted_top_level_list_starts_a_document_with_its_opening() {
        let text = "镇工会在镇党委领导下开展工作。\n一、维权工作\n签订合同。\n二、组织建设\n新建工会。\n20xx年,乡工会在县总工会领导下开展工作。\n一、宣传工作\n开展宣传。\n二、培训工作\n培训干部。\n";
        assert_eq!(part_openings(text), ["镇工会在镇党委领", "20xx年,乡工"]);
    }

    #[test]
    fn a_restarted_list_of_plans_is_no_new_document() {
        let text = "镇工会在镇党委领导下开展工作。\n一、维权工作\n签订合同。\n二、组织建设\n新建工会。\n20xx年我们将加倍努力做好工会工作,求真务实。\n一、加强阵地建设。\n二、抓好职工培训。\n";
        assert_eq!(part_openings(text), ["镇工会在镇党委领"]);
    }

    #[test]
    fn an_opening_after_a_closing_starts_a_document() {
        let text = "一年来,工会工作取得成绩。\n总之,我们将继续努力。\n一年来,我乡工会在乡党委领导下开展工作。\n";
        assert_eq!(part_openings(text), ["一年来,工会工作", "一年来,我乡工会"]);
    }

    #[test]
    fn any_paragraph_after_a_closing_starts_a_document() {
        let text = "镇工会开展了维权工作。\n总之,我镇工会工作还有待提高,今后我们将继续努力。\n目前,我镇已建工会13家,发展会员1500人。\n";
        assert_eq!(part_openings(text), ["镇工会开展了维权", "目前,我镇已建工"]);
    }

    #[test]
    fn a_signature_after_a_closing_stays_in_the_document() {
        let text =
            "镇工会开展了维权工作。\n总之,今后我们将继续努力。\n某某镇工会\n2023年12月30日\n";
        assert_eq!(part_openings(text), ["镇工会开展了维权"]);
    }

    #[test]
    fn an_opening_after_a_list_or_a_stray_fragment_starts_a_document() {
        let text = concat!(
            "镇工会在镇党委领导下开展了以下几方面工作:\n",
            "1、组建工会。今年新建工会6家。\n",
            "2、发展会员。今年发展会员700人。\n",
            "20xx在市总工会的领导下,学校工会坚持以科学发展观为指导开展工作。\n",
            "为依法保障教职工参与学校民主管理,学校召开了教代会。\n",
            "。\n",
            "20__年,半月镇工会在市总工会和镇党委的正确领导下,完成了各项工作目标。\n",
            "镇工会深入困难企业开展帮扶。\n",
        );
        assert_eq!(
            part_openings(text),
            ["镇工会在镇党委领", "20xx在市总工", "20__年,半月"]
        );
    }

    #[test]
    fn a_leadership_formula_inside_a_summary_starts_nothing() {
        let text = concat!(
            "一年来,镇工会在镇党委领导下开展了以下几方面工作:\n",
            "三、工会自身建设情况。\n",
            "为了贯彻落实工会工作总体思路,在各级领导的重视和支持下,我镇开展了建家活动。\n",
            "(三)得益于严格要求和规范管理。工会工作是不可缺少的一部分。\n",
            "一年来,我们在工会活动、会费收缴等方面进行了严格要求和规范管理,取得了较好的效果。\n",
            "一年来,我局扶贫宣传工作虽然取得一定的成绩,但离上级要求还存在一定差距和不足。\n",
        );
        assert_eq!(part_openings(text), ["一年来,镇工会在"]);
    }

    #[test]
    fn an_unmistakable_opening_starts_a_document_after_any_paragraph() {
        let text = concat!(
            "年度总结是对一年工作的回顾,接下来我们一起阅读一些范文。\n",
            "镇工会在镇党委领导下,围绕工作大局,今年着重做了以下几方面工作:\n",
            "维权是工会的基本职责。\n",
        );
        assert_eq!(
            part_openings(text),
            ["年度总结是对一年", "镇工会在镇党委领"]
        );
    }

    #[test]
    fn a_year_as_subject_opens_a_document_after_a_list() {
        let text = concat!(
            "在镇党委的正确领导下,各项工作取得了一定成绩。现就今年工作情况作简要汇报:\n",
            "1、优化教育发展环境。签订安全管理责任书。\n",
            "6、积极配合挂钩所包工作区的工作。各项工作均出色完成。\n",
            "20xx年是全面深化改革的关键之年,我局以办人民满意的教育为宗旨开展工作。\n",
            "一是积极开展党的群众路线回头看活动,整治四风。\n",
        );
        assert_eq!(part_openings(text), ["在镇党委的正确领", "20xx年是全面"]);
    }

    #[test]
    fn a_plan_for_next_year_ends_a_document() {
        let text = concat!(
            "根据义工会财务收支明细报表,我向各位作一个简短说明。\n",
            "专项基金指单项公益活动的基金,本基金专款专用。\n",
            "2xx4年,我们将在坚持常态性工作的同时,努力完善财务制度。\n",
            "一年来,我镇武装工作认真落实上级军事部门工作要求,取得了良好成绩。\n",
            "一是建立健全队伍建设。\n",
            "一年来,我们在会费收缴等方面进行了严格要求,取得了较好的效果。\n",
        );
        assert_eq!(part_openings(text), ["根据义工会财务收", "一年来,我镇武装"]);
    }

    #[test]
    fn run_in_english_titles_start_documents() {
        let text = concat!(
            "Time flies, and a period of work has come to an end.\n",
            "Summary of the work of the office 1 Over the past year, under the correct leadership of the bureau, the office did its work.\n",
            "First, the role of the staff is obvious.\n",
            "Summary of Office Work 2 in 20xx Under the correct leadership of the party group, we did our work.\n",
            "First, careful investigation.\n",
            "Summary of the work of the administrative office 3 1. It is the responsibility of our union.\n",
            "In the first half of 20xx, the work is summarized as follows.\n",
        );
        assert_eq!(
            part_openings(text),
            ["Time fli", "Summary ", "Summary ", "Summary "]
        );
        assert_eq!(
            part_titles(text),
            [
                "-",
                "Summary of the work of the office",
                "Summary of Office Work",
                "Summary of the work of the administrative office"
            ]
        );
    }

    #[test]
    fn run_in_chinese_titles_start_documents() {
        let text = "前言。\n城建局2023年工作总结　一年来,城建局完成了道路改造。\n一、主要工作\n";
        assert_eq!(part_titles(text), ["-", "城建局2023年工作总结"]);
    }

    #[test]
    fn nested_restarts_do_not_split() {
        let text = "工作总结\n一、主要工作\n(一)宣传\n(二)培训\n二、下一步打算\n(一)加强学习\n(二)完善制度\n";
        assert_eq!(part_openings(text), ["工作总结"]);
    }
}
