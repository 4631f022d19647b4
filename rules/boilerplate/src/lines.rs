//! One pass over the lines: web-page text that shows in the shape of a
//! whole line (navigation bars, breadcrumbs, metadata records, collection
//! titles, page counters, article numbers, debris on the last line).
//!
//! Most lines are prose, so each is first judged by its first and last few
//! characters only; the rest of a line is read when those look like page
//! furniture.

use crate::metadata::MetadataReader;
use crate::navigation::{
    Nav, POSITION_LABELS, READING_LABELS, chinese_nav, english_nav, metadata_label,
};
use crate::piece::{Kind, Piece};
use crate::text::{is_debris_char, is_sentence_punctuation, trim, with_adjacent_blanks};
use crate::titles::{TitleReader, opens_english_title};
use redline_core::document::parse_marker;
use redline_core::script::{is_blank, is_han};
use redline_core::{Document, Span, char_count};
use regex::Regex;
use std::ops::Range;

/// A navigation bar is at most this many characters long …
const FURNITURE_MAX_CHARS: usize = 40;
/// … and a word beside its navigation words (a site name) at most this.
const FURNITURE_WORD_MAX_CHARS: usize = 12;
const BREADCRUMB_MAX_CHARS: usize = 100;
const BREADCRUMB_SEGMENT_MAX_CHARS: usize = 20;
const COLLECTION_TITLE_MAX_CHARS: usize = 50;
const PAGE_COUNTER_MAX_CHARS: usize = 30;
/// A title the website numbered: `乡镇工会工作总结2`.
const NUMBERED_TITLE_MAX_CHARS: usize = 60;
/// What may follow `扩展阅读:` on its line: the title of another article.
const LISTED_TITLE_MAX_CHARS: usize = 50;
/// The longest word looked up at either end of a line.
const EDGE_WORD_MAX_CHARS: usize = 8;
/// How far into a line a metadata label's colon may be, in bytes.
const LABEL_MAX_BYTES: usize = 24;
/// A line left at the end with at most this many marks is debris.
const DEBRIS_MAX_CHARS: usize = 3;

/// One non-blank line, trimmed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'t> {
    /// 0-based.
    pub number: usize,
    pub span: Span,
    pub text: &'t str,
}

impl Line<'_> {
    /// `relative` (offsets into the line) as a span of the document.
    pub(crate) fn absolute(&self, relative: std::ops::Range<usize>) -> Span {
        Span::new(
            self.span.start + relative.start,
            self.span.start + relative.end,
        )
    }

    pub(crate) fn whole(&self, kind: Kind) -> Piece {
        Piece::lines(kind, self.span, self.number..self.number + 1)
    }
}

/// What [`LineScanner::scan`] carries from one stretch of lines to the
/// next.
#[derive(Debug, Default)]
pub(crate) struct LineProgress<'t> {
    content_lines: usize,
    last: Option<Line<'t>>,
}

/// Classifies the lines of a document.
#[derive(Debug)]
pub(crate) struct LineScanner {
    metadata: MetadataReader,
    titles: TitleReader,
    page_counter: Regex,
}

impl LineScanner {
    pub(crate) fn new() -> Self {
        Self {
            metadata: MetadataReader::new(),
            titles: TitleReader::new(),
            page_counter: Regex::new(
                r"^(?:第\s*[0-9]+\s*页\s*[/／,，]?\s*共\s*[0-9]+\s*页|共\s*[0-9]+\s*页\s*[/／,，]?\s*第\s*[0-9]+\s*页|(?i:page)\s+[0-9]+\s*(?:/|(?i:of))\s*[0-9]+|[0-9]+\s*/\s*[0-9]+\s*页)$",
            )
            .expect("built-in pattern compiles"),
        }
    }

    /// Classifies the lines `lines` (0-based), which follow the lines of
    /// earlier calls with the same `progress`.
    pub(crate) fn scan<'t>(
        &self,
        document: &Document<'t>,
        lines: Range<usize>,
        progress: &mut LineProgress<'t>,
        pieces: &mut Vec<Piece>,
    ) {
        let text = document.text();
        let index = document.line_index();
        let Some(first) = lines.clone().next() else {
            return;
        };
        // Lines holding `>` or `»` may be breadcrumbs even without a
        // navigation word at their edge; one scan finds them all.
        let stretch_start = index.line_start(first);
        let stretch =
            &text.as_bytes()[stretch_start..index.line_span_with_terminator(lines.end - 1).end];
        let mut crumbs = memchr::memchr2_iter(b'>', 0xC2, stretch)
            .map(|at| stretch_start + at)
            .peekable();
        for number in lines {
            let span = trim(text, index.line_span(text, number));
            while crumbs.next_if(|&at| at < span.start).is_some() {}
            let has_crumb = crumbs.next_if(|&at| at < span.end).is_some();
            if span.is_empty() {
                continue;
            }
            let line = Line {
                number,
                span,
                text: &text[span.range()],
            };
            progress.content_lines += 1;
            progress.last = Some(line);
            pieces.extend(self.classify(text, &line, has_crumb));
        }
    }

    /// After the last line: debris left at the end of the page.
    pub(crate) fn finish(&self, progress: LineProgress<'_>, pieces: &mut Vec<Piece>) {
        if let Some(line) = progress.last
            && progress.content_lines > 1
            && char_count(line.text) <= DEBRIS_MAX_CHARS
            && line.text.chars().all(is_debris_char)
        {
            pieces.push(line.whole(Kind::Debris));
        }
    }

    fn classify(&self, text: &str, line: &Line<'_>, has_crumb: bool) -> Option<Piece> {
        let head = head_word(line.text);
        let tail = tail_word(line.text);
        if let Some(piece) = self.labelled(text, line, head) {
            return Some(piece);
        }
        let navigation_at_edge = head.is_some_and(|word| is_nav(word.text))
            || tail
                .as_ref()
                .is_some_and(|word| is_nav(&line.text[word.clone()]));
        if navigation_at_edge || is_short_latin(line.text) {
            if let Some(piece) = self.furniture(line) {
                return Some(piece);
            }
        } else if has_crumb && line.text.len() <= BREADCRUMB_MAX_CHARS * 3 {
            if let Some(piece) = self.breadcrumb(line, char_count(line.text)) {
                return Some(piece);
            }
        }
        if let Some(piece) = self.by_ending(line) {
            return Some(piece);
        }
        self.edge_navigation(text, line, head, tail)
            .or_else(|| {
                head.filter(|word| opens_english_title(word.text))
                    .and_then(|_| self.titles.english_article_number(line))
            })
            .or_else(|| self.titles.article_marker(text, line))
    }

    /// Lines that open with `label:`: metadata records, "you are here"
    /// lines, `扩展阅读:` lists.
    fn labelled(&self, text: &str, line: &Line<'_>, head: Option<Head<'_>>) -> Option<Piece> {
        let label = match head {
            Some(Head {
                text: word,
                stop: Some(':' | '：'),
                end,
            }) => Label { text: word, end },
            _ if line.text.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                english_label(line.text)?
            }
            _ => return None,
        };
        let value_start = label.end + colon_len(&line.text[label.end..]);
        if let Some((strength, shape)) = metadata_label(label.text) {
            return self.metadata.record(line, strength, shape, value_start);
        }
        if has_label(POSITION_LABELS, label.text) {
            return (char_count(line.text) <= BREADCRUMB_MAX_CHARS)
                .then(|| line.whole(Kind::Breadcrumb));
        }
        if has_label(READING_LABELS, label.text) {
            let rest = line.text[value_start..].trim_matches(is_blank);
            let lists_a_title = rest.is_empty()
                || (char_count(rest) <= LISTED_TITLE_MAX_CHARS
                    && !rest
                        .trim_end_matches(is_sentence_punctuation)
                        .contains(is_sentence_punctuation));
            if lists_a_title {
                return Some(line.whole(Kind::Navigation));
            }
            let label_span = line.absolute(0..value_start);
            return Some(Piece::fragment(
                Kind::Navigation,
                label_span,
                with_adjacent_blanks(text, line.span, label_span),
            ));
        }
        None
    }

    /// A line made of navigation words (and at most a site name):
    /// `相关阅读`, `下载 相关 举报`, `公文素材库 首页`, `Home | Search`.
    fn furniture(&self, line: &Line<'_>) -> Option<Piece> {
        let chars = char_count(line.text);
        if chars > FURNITURE_MAX_CHARS || line.text.contains(is_sentence_punctuation) {
            return self.breadcrumb(line, chars);
        }
        let han = line.text.chars().any(is_han);
        let words: Vec<&str> = if han {
            line.text
                .split(|c: char| is_blank(c) || is_separator(c))
                .filter(|word| !word.is_empty())
                .collect()
        } else {
            line.text
                .split(is_separator)
                .map(|word| word.trim_matches(is_blank))
                .filter(|word| !word.is_empty())
                .collect()
        };
        let navs: Vec<Option<Nav>> = words
            .iter()
            .map(|word| {
                if han {
                    chinese_nav(word)
                } else {
                    english_nav(word)
                }
            })
            .collect();
        let strong = navs.iter().filter(|nav| **nav == Some(Nav::Strong)).count();
        let weak = navs.iter().filter(|nav| **nav == Some(Nav::Weak)).count();
        let others: Vec<&str> = words
            .iter()
            .zip(&navs)
            .filter(|(_, nav)| nav.is_none())
            .map(|(word, _)| *word)
            .collect();
        let at_edge =
            navs.first().is_some_and(Option::is_some) || navs.last().is_some_and(Option::is_some);
        let enough = strong >= 1 || weak >= 2;
        let others_fit = (others.len() <= 1 || others.len() <= strong + weak)
            && others.iter().all(|word| {
                if han {
                    char_count(word) <= FURNITURE_WORD_MAX_CHARS
                } else {
                    word.split_whitespace().count() <= 4
                }
            });
        let is_furniture = enough && at_edge && others_fit && parse_marker(line.text).is_none();
        if is_furniture {
            Some(line.whole(Kind::Navigation))
        } else {
            self.breadcrumb(line, chars)
        }
    }

    /// `首页 > 范文大全 > 工作总结`, `A » B » C`.
    fn breadcrumb(&self, line: &Line<'_>, chars: usize) -> Option<Piece> {
        if chars > BREADCRUMB_MAX_CHARS {
            return None;
        }
        let separators = line.text.chars().filter(|&c| is_crumb_separator(c)).count();
        if separators == 0 {
            return None;
        }
        let mut home = false;
        for segment in line.text.split(is_crumb_separator) {
            let segment = segment.trim_matches(is_blank);
            let fits = !segment.is_empty()
                && char_count(segment) <= BREADCRUMB_SEGMENT_MAX_CHARS
                && segment.chars().any(char::is_alphabetic)
                && !segment.contains(is_sentence_punctuation);
            if !fits {
                return None;
            }
            home |= chinese_nav(segment) == Some(Nav::Strong)
                || english_nav(segment) == Some(Nav::Strong);
        }
        (separators >= 2 || home).then(|| line.whole(Kind::Breadcrumb))
    }

    /// Short lines recognised by how they end: collection titles
    /// (`…汇总六篇`), page counters (`第1页 / 共5页`), numbered sample
    /// titles (`…工作总结2`).
    fn by_ending(&self, line: &Line<'_>) -> Option<Piece> {
        let last = line
            .text
            .trim_end_matches(['。', '.', '!', '！', ')', '）', '】', ']']);
        let last = last.chars().next_back()?;
        // Byte lengths first: a long line is skipped without counting.
        match last {
            '篇' | 's' => {
                let fits = line.text.len() <= COLLECTION_TITLE_MAX_CHARS * 3
                    && char_count(line.text) <= COLLECTION_TITLE_MAX_CHARS
                    && !line.text.contains([',', '，', ';', '；']);
                (fits && self.titles.is_collection_title(line.text))
                    .then(|| line.whole(Kind::CollectionTitle))
            }
            '页' | '0'..='9' if line.text.len() <= NUMBERED_TITLE_MAX_CHARS * 3 => {
                if char_count(line.text) <= PAGE_COUNTER_MAX_CHARS
                    && self.page_counter.is_match(line.text)
                {
                    return Some(line.whole(Kind::PageCounter));
                }
                self.titles.chinese_article_number(line)
            }
            _ => None,
        }
    }

    /// `首页` or `展开阅读全文` at the edge of a longer line: only the word
    /// goes.
    fn edge_navigation(
        &self,
        text: &str,
        line: &Line<'_>,
        head: Option<Head<'_>>,
        tail: Option<std::ops::Range<usize>>,
    ) -> Option<Piece> {
        let strong = |word: &str| chinese_nav(word) == Some(Nav::Strong);
        let fragment = |relative: std::ops::Range<usize>| {
            let span = line.absolute(relative);
            Piece::fragment(
                Kind::Navigation,
                span,
                with_adjacent_blanks(text, line.span, span),
            )
        };
        if let Some(head) = head
            && head.stop.is_some_and(is_blank)
            && strong(head.text)
        {
            return Some(fragment(0..head.end));
        }
        let tail = tail?;
        let before = line.text[..tail.start].chars().next_back()?;
        let word = &line.text[tail.clone()];
        let glued_after_sentence =
            matches!(before, '。' | '！' | '？' | '!' | '?') && char_count(word) >= 4;
        (strong(word) && (is_blank(before) || glued_after_sentence)).then(|| fragment(tail))
    }
}

/// The first word of a line and what ended it.
#[derive(Debug, Clone, Copy)]
struct Head<'t> {
    text: &'t str,
    /// The blank, separator or colon after it; `None` at the line's end.
    stop: Option<char>,
    /// Byte offset of `stop` in the line.
    end: usize,
}

/// The line's first word, when short enough to be a label or a navigation
/// word.
fn head_word(line: &str) -> Option<Head<'_>> {
    for (count, (at, c)) in line.char_indices().enumerate() {
        if count > EDGE_WORD_MAX_CHARS {
            return None;
        }
        if is_blank(c) || is_separator(c) || c == ':' || c == '：' {
            return (at > 0).then(|| Head {
                text: &line[..at],
                stop: Some(c),
                end: at,
            });
        }
    }
    Some(Head {
        text: line,
        stop: None,
        end: line.len(),
    })
}

/// Byte range of the line's last word (after its last blank, separator or
/// sentence mark), when short enough to be a navigation word.
fn tail_word(line: &str) -> Option<std::ops::Range<usize>> {
    for (count, (at, c)) in line.char_indices().rev().enumerate() {
        if count > EDGE_WORD_MAX_CHARS {
            return None;
        }
        if is_blank(c) || is_separator(c) || is_sentence_punctuation(c) || c == ':' || c == '：' {
            let start = at + c.len_utf8();
            return (start < line.len()).then_some(start..line.len());
        }
    }
    None
}

fn is_nav(word: &str) -> bool {
    if word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        english_nav(word).is_some()
    } else {
        chinese_nav(word).is_some()
    }
}

/// A short line of Latin text: a navigation bar needs no Chinese word.
fn is_short_latin(line: &str) -> bool {
    line.len() <= FURNITURE_MAX_CHARS && line.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '｜' | '·' | '•' | '/' | '／') || is_crumb_separator(c)
}

fn is_crumb_separator(c: char) -> bool {
    matches!(c, '>' | '＞' | '»' | '›')
}

/// A label ending at a colon.
struct Label<'t> {
    text: &'t str,
    /// Byte offset of the colon.
    end: usize,
}

/// `Uploaded by:` — an English label may hold blanks.
fn english_label(line: &str) -> Option<Label<'_>> {
    let window = &line.as_bytes()[..line.len().min(LABEL_MAX_BYTES)];
    let colon = window.iter().position(|&b| b == b':')?;
    let text = line[..colon].trim_end_matches(is_blank);
    text.chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
        .then_some(Label { text, end: colon })
}

fn colon_len(rest: &str) -> usize {
    rest.chars()
        .next()
        .filter(|&c| c == ':' || c == '：')
        .map_or(0, char::len_utf8)
}

fn has_label(labels: &[&str], label: &str) -> bool {
    labels.iter().any(|known| known.eq_ignore_ascii_case(label))
}
