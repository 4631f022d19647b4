//! Titles the website made: headings of its collections (`…汇总六篇`)
//! and the numbers it gave each sample (`… organ 1 Over the past year`,
//! `…工作总结2`, `篇一:`).

use crate::lines::Line;
use crate::piece::{Kind, Piece};
use crate::text::trim;
use redline_core::Span;
use redline_core::script::is_blank;
use regex::Regex;

/// Reads titles.
#[derive(Debug)]
pub(crate) struct TitleReader {
    collection_title: Regex,
    chinese_numbered_title: Regex,
    english_title_opening: Regex,
    article_marker: Regex,
}

impl TitleReader {
    pub(crate) fn new() -> Self {
        let compile = |pattern: &str| Regex::new(pattern).expect("built-in pattern compiles");
        Self {
            // `…模板汇总六篇`, `…范文(精选5篇)`, `… (5 articles)`.
            collection_title: compile(
                r"(?:(?:范文|模板|范例|例文|样本|样例|精选|汇总|合集|集锦|大全|通用|优秀|推荐|参考)\s*[(（【\[]?\s*(?:精选|通用|优秀|推荐|汇总|最新|热门|经典)?\s*[0-9０-９一二两三四五六七八九十]{1,3}\s*篇\s*[)）】\]]?|\(\s*(?i:selected\s+|general\s+|universal\s+)?[0-9]{1,2}\s+(?i:articles|essays|pieces)\s*\))\s*[。.!！]?$",
            ),
            // A sample's title numbered by the site: `乡镇工会工作总结2`.
            chinese_numbered_title: compile(
                r"^[^，,。；;！!？?\s]{2,40}?(?:总结|报告|汇报|计划|方案|范文|范例|心得|体会|述职|材料)\s*([(（]?[0-9]{1,2}[)）]?)$",
            ),
            english_title_opening: compile(
                r"^(?i:(?:(?:annual|half[- ]year(?:ly)?|semi[- ]annual|year[- ]end|mid[- ]year|personal|monthly|quarterly|work|job)\s+)*(?:summary|report|review)\s+(?:of|on|for|about)\s)",
            ),
            // `篇一:`, `【篇二】`, `范文3:` before a sample.
            article_marker: compile(
                r"^(?:[【\[(（]\s*(?:篇|范文|范例|例文)\s*[一二三四五六七八九十0-9]{1,3}\s*[】\])）]|(?:篇|范文|范例|例文)\s*[一二三四五六七八九十0-9]{1,3}\s*[:：]|篇[一二三四五六七八九十]{1,3}(?:\s|$))\s*",
            ),
        }
    }

    /// `…模板汇总六篇`: the line is the heading of a collection.
    pub(crate) fn is_collection_title(&self, line: &str) -> bool {
        self.collection_title.is_match(line)
    }

    /// `乡镇工会工作总结2`: the title goes, less its number.
    pub(crate) fn chinese_article_number(&self, line: &Line<'_>) -> Option<Piece> {
        let number = self.chinese_numbered_title.captures(line.text)?.get(1)?;
        let title = line.text[..number.start()].trim_end_matches(is_blank);
        let title_span = line.absolute(0..title.len());
        let number_span = line.absolute(number.range());
        Some(numbered(title_span, number_span))
    }

    /// `Summary of the work of the office 1 Over the past year…`: the
    /// number the website gave the sample, between its title and its text.
    pub(crate) fn english_article_number(&self, line: &Line<'_>) -> Option<Piece> {
        let opening = self.english_title_opening.find(line.text)?;
        let mut previous: Option<(usize, &str)> = None;
        let mut words = word_spans(line.text, opening.end()).take(16).peekable();
        while let Some((start, word)) = words.next() {
            if word.ends_with([',', '.', ';', ':', '!', '?']) && !is_number(word) {
                return None;
            }
            if is_number(word) {
                let (previous_start, previous_word) = previous?;
                let value: u32 = word.parse().ok()?;
                let follows_title = previous_word.chars().all(|c| c.is_ascii_alphabetic())
                    && !is_function_word(previous_word)
                    && !is_numbering_word(previous_word);
                let next = words.peek().map(|(_, next)| *next);
                let ends_title = match next {
                    None => true,
                    Some(next) => {
                        next.starts_with(|c: char| c.is_ascii_uppercase())
                            || is_list_number(next)
                            || (["in", "of", "for"].contains(&next)
                                && words.clone().nth(1).is_some_and(|(_, year)| is_year(year)))
                    }
                };
                if !(1..=30).contains(&value) || !follows_title || !ends_title {
                    return None;
                }
                let title_end = previous_start + previous_word.len();
                let title = line.absolute(0..title_end);
                let number = line.absolute(start..start + word.len());
                return Some(numbered(title, number));
            }
            previous = Some((start, word));
        }
        None
    }

    /// `篇一:`, `【篇二】` before a sample: only the marker goes.
    pub(crate) fn article_marker(&self, text: &str, line: &Line<'_>) -> Option<Piece> {
        if !line
            .text
            .starts_with(['篇', '【', '[', '(', '（', '范', '例'])
        {
            return None;
        }
        let marker = self.article_marker.find(line.text)?;
        let span = trim(text, line.absolute(marker.range()));
        let removal = line.absolute(marker.range());
        Some(Piece::fragment(Kind::ArticleNumber, span, removal))
    }
}

/// A title with the website's number for the sample: the title is
/// reported, the number labelled and deleted. A warning: a title may carry
/// a number of its own.
fn numbered(title: Span, number: Span) -> Piece {
    Piece::fragment(Kind::ArticleNumber, title, Span::new(title.end, number.end))
        .with_subject(number)
        .with_label(number, "the website's number for this sample")
        .likely()
}

/// First words of a title such as `Summary of …` or `Annual Report on …`.
pub(crate) fn opens_english_title(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "summary",
        "report",
        "review",
        "annual",
        "half-year",
        "half-yearly",
        "half",
        "semi-annual",
        "semi",
        "year-end",
        "year",
        "mid-year",
        "mid",
        "personal",
        "monthly",
        "quarterly",
        "work",
        "job",
    ];
    WORDS.iter().any(|known| known.eq_ignore_ascii_case(word))
}

/// Words of `line` from `from` on, with their byte offsets.
fn word_spans(line: &str, from: usize) -> impl Iterator<Item = (usize, &str)> + Clone + '_ {
    line[from..]
        .split(' ')
        .scan(from, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

fn is_number(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// `1.`, `(1)`, `1)`: a list number opening the body.
fn is_list_number(word: &str) -> bool {
    let inner = word.trim_start_matches('(').trim_end_matches(['.', ')']);
    inner != word && is_number(inner)
}

/// `2019`, `20xx`.
fn is_year(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.']);
    word.len() == 4
        && word.starts_with(['1', '2'])
        && word[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'x' | b'X' | b'*'))
}

fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "the", "a", "an", "of", "for", "in", "on", "to", "and", "with", "by", "at", "its", "their",
        "our", "his", "her", "these", "those", "all", "top", "first", "last", "about", "over",
        "than", "from",
    ];
    WORDS.iter().any(|known| known.eq_ignore_ascii_case(word))
}

/// Words a number legitimately follows in a title: `Phase 2`, `Grade 3`.
fn is_numbering_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "no", "number", "article", "chapter", "section", "part", "phase", "grade", "class",
        "group", "team", "unit", "room", "building", "line", "level", "step", "item", "page",
        "volume", "issue", "round", "stage", "batch", "district", "road", "street", "zone", "area",
        "block", "lot", "station", "plant", "factory", "workshop", "ward", "brigade", "squad",
        "division", "region", "route", "term", "session", "plan", "project", "type",
    ];
    WORDS.iter().any(|known| known.eq_ignore_ascii_case(word))
}
