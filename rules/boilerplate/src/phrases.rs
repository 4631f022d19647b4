//! One pass over the text for the few words web-page text cannot do
//! without, then a closer look at the sentences around them.
//!
//! The anchors are at least three bytes long and fewer than 64, so the
//! search runs on SIMD fingerprints (Teddy) and ordinary text is skipped
//! at several gigabytes a second; each hit is judged by whole-sentence
//! patterns, which run only on the few sentences that hold an anchor.

use crate::links::{address_at, address_piece};
use crate::piece::{Kind, Piece};
use crate::text::{trim, with_adjacent_blanks};
use aho_corasick::{AhoCorasick, Input, MatchKind};
use redline_core::{Block, BlockKind, Document, Sentence, Span, char_count};
use regex::{Regex, RegexSet};

/// What a sentence pattern says the sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// The website announcing its samples: `下面是小编整理的…`,
    /// `The following is … for you`. A paragraph that ends in one is the
    /// website's introduction as a whole.
    LeadIn,
    /// The website's copyright, disclaimer or attribution notice.
    Notice,
    /// The website addressing its readers after a sample: `欢迎阅读`.
    Outro,
    /// A navigation prompt inside a line: `展开阅读全文`.
    Navigation,
}

/// Sentence patterns, each with what it proves.
const SENTENCE_PATTERNS: &[(Class, &str)] = &[
    // Chinese lead-ins. The website's persona (小编) looking forward.
    (
        Class::LeadIn,
        r"(?:下面|以下|接下来|如下|下文)[^。！？]*小编|小编[^。！？]*(?:下面|以下|如下|下文)",
    ),
    // `下面是为大家整理的…范文`; a speech's `下面我给大家汇报` has no
    // gathering verb and no samples.
    (
        Class::LeadIn,
        r"(?:下面|以下|接下来|下文)[^。！？]{0,16}?(?:为|给|和|跟|帮)(?:大家|你|您|各位|朋友们)[^。！？]{0,6}?(?:整理|收集|搜集|准备|带来|推荐|精选|提供|汇总)[^。！？]*(?:范文|范例|例文|文章|模板|样本|资料|内容|总结|报告|计划|篇)",
    ),
    (
        Class::LeadIn,
        r"(?:下面|以下)(?:就?是|为)[^。！？]{0,20}?(?:搜集|收集|精选|汇总|推荐)?整理的",
    ),
    (
        Class::LeadIn,
        r"(?:下面|以下)(?:就?是|为)[^。！？]{0,20}?(?:搜集|收集|精选|汇总)的",
    ),
    (
        Class::LeadIn,
        r"接下来[,，、]?\s*(?:就?让?我们|小编|请?大家|和大家|跟大家)?\s*(?:一起|一块)来?(?:阅读|看看|欣赏|学习|了解|参考|分享)[^。！？]*(?:范文|范例|例文|文章|模板|样本|吧)",
    ),
    (
        Class::LeadIn,
        r"一起来(?:看看|阅读|欣赏|了解|学习)(?:一下)?吧",
    ),
    (
        Class::LeadIn,
        r"(?:为|给)(?:大家|你|您)(?:精心)?(?:整理|收集|搜集|准备|带来|推荐|精选|汇总|分享)(?:了|的)[^。！？]{0,30}?(?:范文|范例|例文|文章|模板|样本|资料|篇|内容)",
    ),
    // English lead-ins, as machine translation renders them.
    (
        Class::LeadIn,
        r"(?i)(?-u:\b)(?:are|is)\s+you\s+still\s+(?:worried|troubled|distressed|struggling|anxious|confused|bothered|upset|having\s+a\s+headache)(?-u:\b)",
    ),
    (
        Class::LeadIn,
        r"(?i)(?-u:\b)(?:the\s+following|below|here)\s+(?:is|are)(?-u:\b)[^.!?]*(?-u:\b)for\s+you(?:r\s+reference)?(?-u:\b)",
    ),
    (
        Class::LeadIn,
        r"(?i)(?-u:\b)(?:the\s+following|below|here)\s+(?:is|are)(?-u:\b)[^.!?]*(?-u:\b)(?:compiled|collected|sorted\s+out|organized|prepared|brought|shared|selected|recommended)\s+by\s+(?:the\s+)?(?:small\s+)?editor(?-u:\b)",
    ),
    (
        Class::LeadIn,
        r"(?i)(?-u:\b)let'?s\s+(?:take|have)\s+a\s+look(?-u:\b)|(?-u:\b)let'?s\s+(?:read|learn|enjoy)\s+(?:it\s+|them\s+)?together(?-u:\b)",
    ),
    // The website's persona anywhere else.
    (Class::Outro, r"小编"),
    (
        Class::Outro,
        r"(?i)(?-u:\b)(?:compiled|collected|sorted\s+out|organized|prepared|brought|shared|selected|recommended)\s+by\s+(?:the\s+)?(?:small\s+)?editor(?-u:\b)|(?-u:\b)xiaobian(?-u:\b)",
    ),
    // Sign-offs.
    (
        Class::Outro,
        r"欢迎(?:大家|您|你|各位)?(?:阅读|参考|借鉴|分享|收藏|下载|转发|浏览|阅览|查看|评论)",
    ),
    (
        Class::Outro,
        r"仅供(?:您|你|大家|各位)?(?:参考|学习|借鉴|阅读|交流)",
    ),
    (
        Class::Outro,
        r"希望(?:本文|这篇|以上|这些|下面|文章|内容|此文)?[^。！？]{0,6}?(?:对|给|帮助|帮到)(?:你|您|大家)[^。！？]{0,6}?(?:帮助|启发|有用)",
    ),
    (
        Class::Outro,
        r"(?i)(?-u:\b)welcome\s+to\s+(?:read|share|refer|reference|learn|collect|bookmark|download|browse|view|consult|comment|forward)(?-u:\b)",
    ),
    (
        Class::Outro,
        r"(?i)(?-u:\b)for\s+(?:your\s+)?reference\s+only(?-u:\b)|(?-u:\b)only\s+for\s+(?:your\s+)?reference(?-u:\b)|(?-u:\b)for\s+reference\s+and\s+(?:learning|study)(?-u:\b)",
    ),
    (
        Class::Outro,
        r"(?i)(?-u:\b)hope\s+(?:it|this|that|they|these|the\s+following|the\s+above|this\s+article)(?-u:\b)[^.!?]{0,40}(?-u:\b)(?:help|helpful|useful|inspir[a-z]*)(?-u:\b)[^.!?]{0,20}(?-u:\b)you(?-u:\b)",
    ),
    // Notices. `加强版权保护工作` names no notice and fires nothing.
    (
        Class::Notice,
        r"版权声明|免责声明|版权所有|版权归(?:原)?作者|版权归本站|如(?:有|产生|涉及|发现)(?:侵权|版权问题|版权纠纷)|侵犯(?:了)?(?:您|你)(?:的)?(?:合法)?(?:权益|版权)|(?:联系|通知|告知)(?:我们|本站|管理员|小编)[^。！？]{0,6}?删除",
    ),
    (
        Class::Notice,
        r"由(?:互联网|网友|网络)(?:用户)?(?:整理|收集|上传|投稿|提供|发布)|(?:收集|整理|来源|来自|摘自|转载|搜集)(?:于|自)(?:网络|互联网|网上)|(?:网络|网友)(?:整理|投稿|上传)",
    ),
    (
        Class::Notice,
        r"转载(?:分享)?(?:请|时请|务必|需)(?:保留|注明)|请(?:保留|注明)(?:原作者|作者|出处|来源|原文)|未经[^。！？]{0,8}?(?:许可|授权|同意)[,，]?(?:不得|禁止|严禁|请勿)(?:转载|复制|使用|转发)",
    ),
    (
        Class::Notice,
        r"本网站|本站(?:内容|资源|文章|部分|声明|仅|不承担|用户|会员|均|收集|整理|提供的)",
    ),
    (
        Class::Notice,
        r"ICP\s*(?:备|证)|(?:增值电信|ICP|互联网信息服务|网络文化)[^。！？，,]{0,8}?经营许可证|经营许可证(?:编号)?[:：]?\s*\p{Han}?[A-Z]\d-\d{4,}|公网安备",
    ),
    (Class::Notice, r"客服\s*(?:QQ|qq|Qq)"),
    (
        Class::Notice,
        r"(?:友情|温馨)提示[^。！？]*?(?:本文|本站|范文|范例|仅供|版权|下载|转载|网络|参考)",
    ),
    (
        Class::Notice,
        r"仅限(?:学习|个人)(?:分享|交流|参考|使用|研究|学习)",
    ),
    (
        Class::Notice,
        r"(?i)(?-u:\b)copyright\s*(?:©|\(c\)|@|[0-9]{4}|notice|statement|:|reserved)|©\s*[0-9]{4}|(?-u:\b)all\s+rights\s+reserved(?-u:\b)|(?-u:\b)disclaimer\s*[:：]|(?-u:\b)(?:reprint|reproduc)[a-z]*[^.!?]{0,40}(?-u:\b)(?:indicate|retain|keep|cite|note)[a-z]*[^.!?]{0,20}(?-u:\b)source(?-u:\b)",
    ),
    // Navigation prompts inside a line.
    (
        Class::Navigation,
        r"展开阅读全文|点击(?:查看|阅读)全文|(?:点击|立即|免费)下载(?:全文|本文|文档|完整版)?|下载(?:本文|文档|完整版|word文档|Word文档|WORD文档)",
    ),
];

/// What a hit of an anchor leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Check the sentence around it against [`SENTENCE_PATTERNS`].
    Sentence,
    /// Read the address around it.
    Address,
    /// `[此文共1014字]`.
    WordCount,
    /// `_第1页`.
    PageMark,
}

/// Anchors: every sentence pattern contains one of the `Sentence` words.
const ANCHORS: &[(Role, &str)] = &[
    (Role::Sentence, "小编"),
    (Role::Sentence, "下面"),
    (Role::Sentence, "以下"),
    (Role::Sentence, "接下来"),
    (Role::Sentence, "一起来"),
    (Role::Sentence, "大家"),
    (Role::Sentence, "为您"),
    (Role::Sentence, "给您"),
    (Role::Sentence, "为你"),
    (Role::Sentence, "给你"),
    (Role::Sentence, "欢迎"),
    (Role::Sentence, "仅供"),
    (Role::Sentence, "希望"),
    (Role::Sentence, "版权"),
    (Role::Sentence, "免责"),
    (Role::Sentence, "侵权"),
    (Role::Sentence, "侵犯"),
    (Role::Sentence, "删除"),
    (Role::Sentence, "互联网"),
    (Role::Sentence, "网友"),
    (Role::Sentence, "网络"),
    (Role::Sentence, "网上"),
    (Role::Sentence, "转载"),
    (Role::Sentence, "请注明"),
    (Role::Sentence, "请保留"),
    (Role::Sentence, "网站"),
    (Role::Sentence, "本站"),
    (Role::Sentence, "ICP"),
    (Role::Sentence, "许可证"),
    (Role::Sentence, "安备"),
    (Role::Sentence, "客服"),
    (Role::Sentence, "提示"),
    (Role::Sentence, "仅限"),
    (Role::Sentence, "全文"),
    (Role::Sentence, "下载"),
    (Role::Sentence, "ou still"),
    (Role::Sentence, "or you"),
    (Role::Sentence, "ditor"),
    (Role::Sentence, "iaobian"),
    (Role::Sentence, "et's"),
    (Role::Sentence, "elcome"),
    (Role::Sentence, "eference"),
    (Role::Sentence, "ope it"),
    (Role::Sentence, "ope th"),
    (Role::Sentence, "opyright"),
    (Role::Sentence, "OPYRIGHT"),
    (Role::Sentence, "eserved"),
    (Role::Sentence, "isclaimer"),
    (Role::Sentence, "eprint"),
    (Role::Sentence, "eproduc"),
    (Role::Address, "http"),
    (Role::Address, "www."),
    (Role::Address, ".com"),
    (Role::Address, ".cn"),
    (Role::Address, ".net"),
    (Role::Address, ".org"),
    (Role::WordCount, "文共"),
    (Role::PageMark, "_第"),
];

/// A paragraph that ends in a lead-in is the website's introduction when
/// what comes before it is this short …
const INTRO_MAX_SENTENCES: usize = 4;
/// … in sentences and in characters; a longer one is a document's own
/// text with a lead-in pasted after it, and only the lead-in goes.
const INTRO_MAX_CHARS: usize = 300;

/// A sentence found to be web-page text.
#[derive(Debug, Clone, Copy)]
struct Marked {
    sentence: usize,
    class: Class,
    /// The words that gave it away.
    subject: Span,
}

/// What [`PhraseScanner::scan`] carries from one range to the next.
#[derive(Debug, Default)]
pub(crate) struct PhraseProgress {
    /// The last sentence an anchor led to, so it is judged once.
    last_candidate: Option<usize>,
    /// Sentences found to be web-page text, in order.
    marked: Vec<Marked>,
    /// The end of the last address read, so its other anchors are skipped.
    addresses_until: usize,
    /// Every sentence before this one ends before the last hit.
    sentence_cursor: usize,
}

impl PhraseProgress {
    /// Index of the first sentence that ends after `offset`. Hits come in
    /// order, so the search gallops forward from the previous one instead
    /// of bisecting the whole list (which misses the cache on every step
    /// in a long file).
    fn sentence_at(&mut self, sentences: &[Sentence], offset: usize) -> usize {
        let before = |s: &Sentence| s.span.end <= offset;
        let start = self.sentence_cursor;
        // Every sentence below `low` is before the offset; `high` is past
        // the end or a sentence that is not.
        let (mut low, mut high, mut step) = (start, start, 1);
        while high < sentences.len() && before(&sentences[high]) {
            low = high + 1;
            high = start + step;
            step *= 2;
        }
        let high = high.min(sentences.len());
        let found = low + sentences[low..high].partition_point(before);
        self.sentence_cursor = found;
        found
    }
}

#[derive(Debug)]
pub(crate) struct PhraseScanner {
    anchors: AhoCorasick,
    sentence_set: RegexSet,
    sentence_patterns: Vec<Regex>,
    word_count: Regex,
    page_mark: Regex,
}

impl PhraseScanner {
    pub(crate) fn new() -> Self {
        let anchors = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(ANCHORS.iter().map(|(_, anchor)| anchor))
            .expect("built-in anchors compile");
        let patterns = SENTENCE_PATTERNS.iter().map(|(_, pattern)| *pattern);
        let compile = |pattern: &str| Regex::new(pattern).expect("built-in pattern compiles");
        Self {
            anchors,
            sentence_set: RegexSet::new(patterns.clone()).expect("built-in patterns compile"),
            sentence_patterns: patterns.map(compile).collect(),
            word_count: compile(r"[\[【(（]?\s*(?:此文|本文|全文)共\s*[0-9]+\s*字\s*[\]】)）]?"),
            page_mark: compile(r"_第\s*[0-9]+\s*页"),
        }
    }

    /// Reads the bytes `range` of the text, which start and end at line
    /// starts (no anchor spans a line break) and follow the range of the
    /// previous call with the same `progress`.
    pub(crate) fn scan(
        &self,
        document: &Document<'_>,
        range: Span,
        progress: &mut PhraseProgress,
        pieces: &mut Vec<Piece>,
    ) {
        let text = document.text();
        let sentences = document.sentences();
        let input = Input::new(text).span(range.range());
        for hit in self.anchors.find_iter(input) {
            let span = Span::new(hit.start(), hit.end());
            match ANCHORS[hit.pattern().as_usize()].0 {
                Role::Sentence => {
                    let index = progress.sentence_at(sentences, span.start);
                    let inside = sentences
                        .get(index)
                        .is_some_and(|s| s.span.start <= span.start);
                    // Judged at once, while the sentence is in the cache.
                    if inside && progress.last_candidate != Some(index) {
                        progress.last_candidate = Some(index);
                        progress.marked.extend(self.classify(document, index));
                    }
                }
                Role::Address if span.start >= progress.addresses_until => {
                    if let Some(address) = address_at(text, span) {
                        progress.addresses_until = address.span.end;
                        pieces.extend(address_piece(document, address));
                    }
                }
                Role::Address => {}
                Role::WordCount => pieces.extend(self.counter(document, span, &self.word_count)),
                Role::PageMark => pieces.extend(self.counter(document, span, &self.page_mark)),
            }
        }
    }

    /// After the last range: paragraphs and sentences from the marked
    /// sentences.
    pub(crate) fn finish(
        &self,
        document: &Document<'_>,
        progress: PhraseProgress,
        pieces: &mut Vec<Piece>,
    ) {
        self.judge_blocks(document, &progress.marked, pieces);
    }

    fn classify(&self, document: &Document<'_>, sentence: usize) -> Option<Marked> {
        let span = document.sentences()[sentence].span;
        let text = document.slice(span);
        // The strongest class wins: a lead-in outranks a sign-off in the
        // same sentence.
        let pattern = self
            .sentence_set
            .matches(text)
            .into_iter()
            .min_by_key(|&pattern| (SENTENCE_PATTERNS[pattern].0, pattern))?;
        let found = self.sentence_patterns[pattern].find(text)?;
        Some(Marked {
            sentence,
            class: SENTENCE_PATTERNS[pattern].0,
            subject: Span::new(span.start + found.start(), span.start + found.end()),
        })
    }

    /// Whole paragraphs, or the sentences inside one, from the marked
    /// sentences.
    fn judge_blocks(&self, document: &Document<'_>, marked: &[Marked], pieces: &mut Vec<Piece>) {
        let blocks = document.blocks();
        let mut rest = marked;
        while let Some(first) = rest.first() {
            let block_index = blocks.partition_point(|b| b.sentences.end <= first.sentence);
            let Some(block) = blocks.get(block_index) else {
                return;
            };
            let in_block = rest
                .iter()
                .take_while(|m| block.sentences.contains(&m.sentence))
                .count()
                .max(1);
            let (these, later) = rest.split_at(in_block);
            rest = later;
            // In a block of separate short lines (a page footer pasted
            // without blank lines) a sentence may run over lines that are
            // no web-page text; those marks become pieces of their own.
            let mut kept = Vec::with_capacity(these.len());
            for mark in these {
                let sentence = document.sentences()[mark.sentence].span;
                let clipped = clip_to_lines(document, block, sentence, mark.subject);
                if clipped == sentence {
                    kept.push(*mark);
                } else {
                    pieces.push(clipped_piece(document, clipped, mark));
                }
            }
            let these = kept.as_slice();
            if these.is_empty() {
                continue;
            }
            let sentences = block.sentences.clone();
            let is_marked = |sentence: usize| these.iter().any(|m| m.sentence == sentence);
            let suffix_start = sentences
                .clone()
                .rev()
                .take_while(|&s| is_marked(s))
                .last()
                .unwrap_or(sentences.end);
            let whole_block = |kind: Kind, subject: Span| {
                Piece::lines(kind, block.span, block.lines.clone()).with_subject(subject)
            };
            if suffix_start == sentences.start {
                let lead = these
                    .iter()
                    .min_by_key(|m| (m.class, m.sentence))
                    .expect("non-empty");
                pieces.push(whole_block(kind_of(lead.class), lead.subject));
                continue;
            }
            let lead_in = these
                .iter()
                .find(|m| m.sentence >= suffix_start && m.class == Class::LeadIn);
            if let Some(lead_in) = lead_in {
                let all = document.sentences();
                let opening = Span::new(block.span.start, all[suffix_start].span.start);
                let short_opening = suffix_start - sentences.start <= INTRO_MAX_SENTENCES
                    && char_count(document.slice(opening)) <= INTRO_MAX_CHARS;
                if short_opening && block.kind == BlockKind::Paragraph && block.marker.is_none() {
                    pieces.push(whole_block(Kind::IntroParagraph, lead_in.subject));
                    continue;
                }
            }
            self.sentence_runs(document, block.span, these, pieces);
        }
    }

    /// Runs of consecutive marked sentences inside a paragraph.
    fn sentence_runs(
        &self,
        document: &Document<'_>,
        block: Span,
        these: &[Marked],
        pieces: &mut Vec<Piece>,
    ) {
        let sentences = document.sentences();
        let text = document.text();
        let mut index = 0;
        while index < these.len() {
            let mut end = index;
            while end + 1 < these.len() && these[end + 1].sentence == these[end].sentence + 1 {
                end += 1;
            }
            let lead = these[index..=end]
                .iter()
                .min_by_key(|m| (m.class, m.sentence))
                .expect("non-empty run");
            let span = Span::new(
                sentences[these[index].sentence].span.start,
                sentences[these[end].sentence].span.end,
            );
            pieces.push(
                Piece::fragment(
                    kind_of(lead.class),
                    span,
                    with_adjacent_blanks(text, block, span),
                )
                .with_subject(lead.subject),
            );
            index = end + 1;
        }
    }

    /// `[此文共1014字]`, `_第1页` around the anchor at `hit`.
    fn counter(&self, document: &Document<'_>, hit: Span, pattern: &Regex) -> Option<Piece> {
        let text = document.text();
        let index = document.line_index();
        let number = index.line_index(hit.start);
        let line = trim(text, index.line_span(text, number));
        let found = pattern
            .find_iter(document.slice(line))
            .map(|m| Span::new(line.start + m.start(), line.start + m.end()))
            .find(|m| m.start <= hit.start && hit.start < m.end)?;
        let found = trim(text, found);
        if found == line {
            return Some(Piece::lines(Kind::PageCounter, line, number..number + 1));
        }
        Some(Piece::fragment(
            Kind::PageCounter,
            found,
            with_adjacent_blanks(text, line, found),
        ))
    }
}

/// The lines of `sentence` that belong with its giveaway words: from the
/// line holding them, across each line break that wraps a long line, but
/// not across a break after a short line, which ends an item of its own.
fn clip_to_lines(document: &Document<'_>, block: &Block, sentence: Span, subject: Span) -> Span {
    if block.lines.len() == 1 {
        return sentence;
    }
    let text = document.text();
    let index = document.line_index();
    let first = index.line_index(sentence.start);
    let last = index.line_index(sentence.end);
    if first == last {
        return sentence;
    }
    let line = |number: usize| trim(text, index.line_span(text, number));
    let longest = block
        .lines
        .clone()
        .map(|number| char_count(document.slice(line(number))))
        .max()
        .unwrap_or(0);
    // A wrapped line is about as long as the longest of its paragraph.
    let is_wrapped = |number: usize| char_count(document.slice(line(number))) * 5 >= longest * 4;
    let mut start = index.line_index(subject.start);
    while start > first && is_wrapped(start - 1) {
        start -= 1;
    }
    let mut end = index.line_index(subject.end);
    while end < last && is_wrapped(end) {
        end += 1;
    }
    Span::new(
        line(start).start.max(sentence.start),
        line(end).end.min(sentence.end),
    )
}

/// A piece for the part of a sentence [`clip_to_lines`] kept: its lines
/// when it fills them, else the words.
fn clipped_piece(document: &Document<'_>, clipped: Span, mark: &Marked) -> Piece {
    let text = document.text();
    let index = document.line_index();
    let first = index.line_index(clipped.start);
    let last = index.line_index(clipped.end);
    let first_line = trim(text, index.line_span(text, first));
    let last_line = trim(text, index.line_span(text, last));
    let piece = if clipped.start == first_line.start && clipped.end == last_line.end {
        Piece::lines(kind_of(mark.class), clipped, first..last + 1)
    } else {
        let lines = Span::new(first_line.start, last_line.end);
        Piece::fragment(
            kind_of(mark.class),
            clipped,
            with_adjacent_blanks(text, lines, clipped),
        )
    };
    piece.with_subject(mark.subject)
}

fn kind_of(class: Class) -> Kind {
    match class {
        Class::LeadIn | Class::Outro => Kind::Promotion,
        Class::Notice => Kind::Notice,
        Class::Navigation => Kind::Navigation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_pattern_holds_an_anchor() {
        // A pattern no anchor leads to would never run. Checked on one
        // example per pattern.
        let examples = [
            "下面是小编整理的范文",
            "下面是为大家整理的工作总结范文",
            "以下是搜集整理的",
            "以下是搜集的",
            "接下来,我们一起来阅读范文",
            "一起来看看吧",
            "为大家整理了几篇范文",
            "Are you still worried about it?",
            "The following is a summary for you.",
            "The following is compiled by the editor.",
            "Let's take a look.",
            "小编",
            "compiled by the editor",
            "欢迎阅读",
            "仅供参考",
            "希望对大家有所帮助",
            "Welcome to share.",
            "For reference only.",
            "I hope this article can help you.",
            "版权声明",
            "由互联网用户整理提供",
            "转载请注明出处",
            "本网站",
            "京ICP备12345678号",
            "客服QQ:123456",
            "友情提示:本文仅供参考",
            "仅限学习分享",
            "Copyright © 2019",
            "展开阅读全文",
        ];
        assert_eq!(examples.len(), SENTENCE_PATTERNS.len());
        let scanner = PhraseScanner::new();
        for (index, example) in examples.iter().enumerate() {
            assert!(
                scanner.sentence_set.matches(example).matched(index),
                "pattern {index} does not match its example {example:?}"
            );
            assert!(
                scanner.anchors.find(example).is_some(),
                "no anchor leads to pattern {index} in {example:?}"
            );
        }
    }
}
