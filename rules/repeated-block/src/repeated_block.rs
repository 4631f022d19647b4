//! The `repeated-block` rule.

use crate::doubled::{Certainty, Doubled};
use crate::fingerprint::SentencePrint;
use crate::repeats::{LineCopy, Repeat, Thresholds, is_substantial};
use crate::scan::Scan;
use crate::similar::HashedMap;
use redline_core::{
    Block, BlockKind, DeclaredRule, Document, Edit, Finding, Fix, Rule, RuleContext, RuleMeta,
    Span, declare_rule,
};
use regex::Regex;
use serde::Deserialize;
use std::collections::hash_map::Entry;

/// Repeated text: copies of paragraphs, lines and titles, near copies,
/// repeated sentences and doubled words.
#[derive(Debug)]
pub struct RepeatedBlock {
    thresholds: Thresholds,
    /// A whole line of page numbering: `第1页 / 共5页`, `Page 2 of 5`.
    page_furniture: Regex,
}

declare_rule! {
    /// Finds text that says the same thing twice: a paragraph, line or title
    /// copied again, a near copy of one, a sentence repeated inside its
    /// paragraph, page numbering pasted into the text, and doubled words.
    ///
    /// Documents assembled from samples found online repeat themselves: a
    /// sample pasted twice, a paragraph kept in both its old and its edited
    /// form, a title printed three times by the download site. The reader
    /// sees padding, and the second copy often contradicts the first (an
    /// old year, another name).
    ///
    /// ## What fires
    ///
    /// - **Copies.** A paragraph, line or title whose text equals an earlier
    ///   one's after folding: compatibility forms unified (NFKC/NFKD:
    ///   `２０` is `20`), case, whitespace and punctuation ignored, numbering
    ///   markers ignored (`二、抓规范` repeats `一、抓规范`), template blanks and
    ///   masks ignored (`____年` and `xx年` are the same). The later copy is
    ///   reported, with a label on the first. Titles and lines must be
    ///   specific (8 Chinese characters, 24 letters) to count.
    /// - **Near copies.** Paragraphs of at least `min-chars` folded
    ///   characters whose character-shingle sets have a Jaccard similarity
    ///   of at least `threshold` (shingles of 4 characters in Chinese text,
    ///   8 letters in English). Candidates come from MinHash signatures
    ///   banded into LSH buckets, so the cost stays linear in the length
    ///   of the document; each is confirmed on the exact shingle sets.
    /// - **Copies in pieces.** A paragraph whose shingles nearly all
    ///   (`threshold`) occur in one to three earlier paragraphs: a paragraph
    ///   copied again but split over several lines (every piece is
    ///   reported, short ones too), or two copied paragraphs run together.
    /// - **Repeated sentences** inside one paragraph, after the same folding.
    /// - **Page numbering** (`第2页 / 共5页`, `Page 2 of 5`, `- 2 -`) on a line
    ///   of its own, from its second occurrence: page furniture of the
    ///   document the text was copied from.
    /// - **Doubled words**: `the the`, `in the in the`, `工会工会`,
    ///   `到到`, `创创新`, `较好的较好`; and, at one severity lower, a phrase
    ///   joined to its own copy by `and`/`or` (`caring people and caring
    ///   people`).
    ///
    /// ```text
    /// 二是认真落实崇州市总工会年初下达的目标任务,截止____年10月份,…
    /// …
    /// 二是认真落实崇州市总工会年初下达的目标任务,截止xx年10月份,…   ← repeats line 10
    /// 多次到到基层包联点调研                                         ← `到` is doubled
    /// ```
    ///
    /// ## What does not fire
    ///
    /// - Short stock titles and lines (`存在的问题`, `Summary`, `欢迎阅读`)
    ///   repeated: each sample pasted into one file has its own.
    /// - Paragraphs that share phrases but say different things: a copy
    ///   needs `threshold` of its shingles in common.
    /// - Chinese reduplication and two words meeting on one character.
    ///   Chinese doubles characters on purpose (`紧紧`, `人人`, `个个`,
    ///   `层层`, `红红火火`, `九九重阳`, `研究研究`), and one word's last
    ///   character is often the next word's first (`工作` + `作风`,
    ///   `农民工` + `工资`, `讲师团` + `团长`, `今年` + `年初`, `召开` +
    ///   `开鲁县`). A doubled character is therefore judged on a word
    ///   segmentation of its clause (jieba's dictionary, loaded on the first
    ///   doubled character met) and reported only when the segmentation puts
    ///   both copies in one word slot:
    ///   - a function word standing alone twice: `在在`, `到到`, `的的`,
    ///     `了了` — but not `为了` + `了解`, `现在` + `在`;
    ///   - a character standing alone before a word it opens, `创` +
    ///     `创新` — unless it ends a place or organisation name (`XX县` +
    ///     `县委`, `马过河镇` + `镇政府`), so `xx镇镇文体广电站` is left alone;
    ///   - a whole noun, or word of three characters or more, twice
    ///     (`工会工会`); verbs and adjectives repeat on purpose;
    ///   - `较好的较好`: a word opened by a degree adverb on both sides of
    ///     `的` (`朋友的朋友` is fine).
    ///
    ///   When the segmentation is unsure (an unknown dialect word such as
    ///   `坝坝会`), nothing is reported.
    /// - `that that`, `had had`, `is is` and similar grammatical doubles;
    ///   `more and more`, `again and again`. Doubled English words are
    ///   looked for in English paragraphs only.
    ///
    /// ## Fix
    ///
    /// Unsafe: delete the later copy (the whole line or paragraph, the
    /// repeated sentence, one of the doubled words). A near copy or a copy
    /// in pieces may hold the only correct figure, so look before applying.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.repeated-block]
    /// # Folded characters a paragraph needs to be judged as a near copy.
    /// min-chars = 40
    /// # Jaccard similarity of near copies; share of a paragraph that must
    /// # occur earlier for it to count as copied in pieces.
    /// threshold = 0.85
    /// ```
    RepeatedBlock {
        id: "repeated-block",
        family: "repeated-block",
        severity: Warning,
        recommended: true,
        fixable: true,
        summary: "paragraphs, lines and titles repeated or nearly repeated, repeated sentences and doubled words",
    }
}

/// Options of the `repeated-block` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct RepeatedBlockOptions {
    /// Folded characters a paragraph needs to be judged as a near copy.
    pub min_chars: usize,
    /// Jaccard similarity (0–1] that makes two paragraphs near copies.
    pub threshold: f64,
}

impl Default for RepeatedBlockOptions {
    fn default() -> Self {
        Self {
            min_chars: 40,
            threshold: 0.85,
        }
    }
}

impl DeclaredRule for RepeatedBlock {
    const META: RuleMeta = Self::META;
    type Options = RepeatedBlockOptions;

    fn from_options(options: Self::Options) -> Result<Self, String> {
        if !(options.threshold > 0.0 && options.threshold <= 1.0) {
            return Err(format!(
                "`threshold` must be above 0 and at most 1, not {}",
                options.threshold
            ));
        }
        if options.min_chars == 0 {
            return Err("`min-chars` must be at least 1".to_owned());
        }
        let page_furniture = Regex::new(
            r"(?xi)^\s*(?:
                第\s*\d+\s*页\s*[/／,，、]?\s*(?:共\s*\d+\s*页)?
              | 共\s*\d+\s*页\s*[/／,，、]?\s*第\s*\d+\s*页
              | page\s*\d+(?:\s*(?:of|/)\s*\d+)?
              | [-—–]\s*\d+\s*[-—–]
            )\s*$",
        )
        .expect("the page furniture pattern compiles");
        Ok(Self {
            thresholds: Thresholds {
                min_chars: options.min_chars,
                similarity: options.threshold,
            },
            page_furniture,
        })
    }
}

/// Longest line, in bytes, looked at as page numbering.
const MAX_FURNITURE_BYTES: usize = 48;

impl Rule for RepeatedBlock {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let scan = Scan::of(document, self.thresholds);
        let furniture = self.page_furniture(document, &scan.repeats.blocks);
        let mut removed: Vec<bool> = scan.repeats.blocks.iter().map(Option::is_some).collect();
        for &(index, _) in &furniture {
            removed[index] = true;
        }
        let mut report = Report {
            document,
            context,
            removed,
            findings: Vec::new(),
        };
        let part_of = part_of_each_block(document);
        for (index, repeat) in scan.repeats.blocks.iter().enumerate() {
            match repeat {
                Some(repeat) => report.repeated_block(index, repeat, &part_of),
                None => report.repeated_sentences(index, scan.sentences(index)),
            }
        }
        for copy in &scan.repeats.lines {
            report.repeated_line(copy);
        }
        for &(index, first) in &furniture {
            report.page_number(index, first);
        }
        for doubled in &scan.doubled {
            report.doubled(doubled);
        }
        let mut findings = report.findings;
        findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
        findings
    }
}

impl RepeatedBlock {
    /// Page numbering lines after the first, each with the first.
    fn page_furniture(
        &self,
        document: &Document<'_>,
        repeats: &[Option<Repeat>],
    ) -> Vec<(usize, usize)> {
        let mut first = None;
        let mut again = Vec::new();
        for (index, block) in document.blocks().iter().enumerate() {
            let is_furniture = block.span.len() <= MAX_FURNITURE_BYTES
                && self.page_furniture.is_match(document.slice(block.span));
            if !is_furniture || repeats[index].is_some() {
                continue;
            }
            match first {
                None => first = Some(index),
                Some(first) => again.push((index, first)),
            }
        }
        again
    }
}

/// The index of the part (pasted-in document) each block belongs to.
fn part_of_each_block(document: &Document<'_>) -> Vec<usize> {
    let mut part_of = vec![0; document.blocks().len()];
    for (part, range) in document.parts().iter().enumerate() {
        part_of[range.blocks.clone()].fill(part);
    }
    part_of
}

/// Findings under construction.
struct Report<'d, 'a> {
    document: &'d Document<'a>,
    context: &'d RuleContext<'d>,
    /// Blocks a fix deletes, so that deletions of neighbours never overlap.
    removed: Vec<bool>,
    findings: Vec<Finding>,
}

impl Report<'_, '_> {
    fn line(&self, offset: usize) -> usize {
        let document = self.document;
        document.line_index().line_col(document.text(), offset).line
    }

    fn block(&self, index: usize) -> &Block {
        &self.document.blocks()[index]
    }

    /// Whether block `index` is a title alone (not a run-in heading with
    /// its section's text after it).
    fn is_title(&self, index: usize) -> bool {
        let headings = self.document.headings();
        self.block(index).kind == BlockKind::Heading
            && headings
                .binary_search_by_key(&index, |heading| heading.block)
                .is_ok_and(|at| !headings[at].run_in)
    }

    fn repeated_block(&mut self, index: usize, repeat: &Repeat, part_of: &[usize]) {
        let block = self.block(index);
        let is_title = self.is_title(index);
        let noun = if is_title { "title" } else { "paragraph" };
        let first_copies: Vec<Span> = match repeat {
            Repeat::Exact { first, .. } => vec![*first],
            Repeat::Near { of, .. } => vec![self.block(*of).span],
            Repeat::Part { of } => of.iter().map(|&of| self.block(of).span).collect(),
        };
        let places = self.places(&first_copies);
        let (message, help) = match repeat {
            Repeat::Exact { .. } => (
                format!("{noun} repeats the one at {places}"),
                "delete this copy",
            ),
            Repeat::Near { similarity, .. } => (
                format!(
                    "{noun} nearly repeats the one at {places} ({:.0}% alike)",
                    similarity * 100.0
                ),
                "delete this copy, after moving into the first whatever this one says better",
            ),
            Repeat::Part { .. } => (
                format!("{noun} repeats text of {places}"),
                "delete this copy, after moving into the first whatever this one says better",
            ),
        };
        // A title of one pasted sample repeated in the next may be their
        // common template rather than a copy.
        let across_samples = is_title
            && repeat
                .sources()
                .iter()
                .all(|&of| part_of[of] != part_of[index]);
        let mut finding = if across_samples {
            self.context.tentative_finding(block.span, message)
        } else {
            self.context.finding(block.span, message)
        };
        for first in first_copies {
            finding = finding.with_label(first, "first appears here");
        }
        let finding = finding
            .with_help(help)
            .with_fix(Fix::unsafe_edits(vec![Edit::delete(
                self.block_removal(index),
            )]));
        self.findings.push(finding);
    }

    /// `line 9`, `lines 86 and 88`, `lines 3, 7 and 9`.
    fn places(&self, spans: &[Span]) -> String {
        let lines: Vec<String> = spans
            .iter()
            .map(|span| self.line(span.start).to_string())
            .collect();
        match lines.as_slice() {
            [one] => format!("line {one}"),
            [rest @ .., last] => format!("lines {} and {last}", rest.join(", ")),
            [] => String::new(),
        }
    }

    fn repeated_line(&mut self, copy: &LineCopy) {
        let line = self.line(copy.first.start);
        let removal = self
            .document
            .line_index()
            .line_span_with_terminator(self.line(copy.line.start) - 1);
        let finding = self
            .context
            .finding(copy.line, format!("line repeats the text at line {line}"))
            .with_label(copy.first, "first appears here")
            .with_help("delete this copy")
            .with_fix(Fix::unsafe_edits(vec![Edit::delete(removal)]));
        self.findings.push(finding);
    }

    /// The bytes deleting block `index` removes: its lines and the blank
    /// lines after them, so that the text around closes up.
    fn block_removal(&self, index: usize) -> Span {
        let document = self.document;
        let lines = document.line_index();
        let block = self.block(index);
        let start = lines.line_start(block.lines.start);
        match document.blocks().get(index + 1) {
            Some(next) => Span::new(start, lines.line_start(next.lines.start)),
            // The last block: take the line break before it instead, unless
            // the block before goes too (its deletion takes that).
            None => match index.checked_sub(1) {
                Some(previous) if !self.removed[previous] => {
                    Span::new(self.block(previous).span.end, block.span.end)
                }
                _ => Span::new(
                    start,
                    lines.line_span_with_terminator(block.lines.end - 1).end,
                ),
            },
        }
    }

    /// Sentences repeated inside block `index`.
    fn repeated_sentences(&mut self, index: usize, sentences: &[SentencePrint]) {
        if sentences.len() < 2 {
            return;
        }
        let script = self.block(index).script;
        let mut first_copy: HashedMap<usize> = HashedMap::default();
        for (position, print) in sentences.iter().enumerate() {
            if !is_substantial(print.chars, script) {
                continue;
            }
            let first = match first_copy.entry(print.exact) {
                Entry::Occupied(first) => *first.get(),
                Entry::Vacant(slot) => {
                    slot.insert(position);
                    continue;
                }
            };
            let all = self.document.sentences();
            let (earlier, later) = (all[sentences[first].sentence], all[print.sentence]);
            let line = self.line(earlier.span.start);
            let finding = self
                .context
                .finding(
                    later.span,
                    format!("sentence repeats one earlier in its paragraph (line {line})"),
                )
                .with_label(earlier.span, "first appears here")
                .with_help("delete this copy")
                .with_fix(Fix::unsafe_edits(vec![Edit::delete(
                    self.sentence_removal(index, later.span),
                )]));
            self.findings.push(finding);
        }
    }

    /// A sentence and the blanks after it (or before it, at the end of its
    /// block).
    fn sentence_removal(&self, index: usize, sentence: Span) -> Span {
        let text = self.document.text();
        let block = self.block(index);
        let after = &text[sentence.end..block.span.end];
        let trailing = after.len() - after.trim_start().len();
        if sentence.end + trailing < block.span.end {
            return Span::new(sentence.start, sentence.end + trailing);
        }
        let before = &text[block.span.start..sentence.start];
        let leading = before.len() - before.trim_end().len();
        Span::new(sentence.start - leading, sentence.end)
    }

    fn page_number(&mut self, index: usize, first: usize) {
        let block = self.block(index);
        let text = self.document.slice(block.span).trim();
        let line = self.line(self.block(first).span.start);
        let finding = self
            .context
            .finding(
                block.span,
                format!(
                    "page numbering `{text}` from a printed copy, again (first at line {line})"
                ),
            )
            .with_label(self.block(first).span, "first appears here")
            .with_help("delete page headers and footers copied with the text")
            .with_fix(Fix::unsafe_edits(vec![Edit::delete(
                self.block_removal(index),
            )]));
        self.findings.push(finding);
    }

    fn doubled(&mut self, doubled: &Doubled) {
        let text = self.document.slice(doubled.copy);
        let message = format!("`{text}` is doubled");
        let finding = match doubled.certainty {
            Certainty::Sure => self.context.finding(doubled.span, message),
            Certainty::Likely => self.context.tentative_finding(doubled.span, message),
        };
        self.findings.push(
            finding
                .with_help(format!("write `{text}` once"))
                .with_fix(Fix::unsafe_edits(vec![Edit::delete(doubled.delete)])),
        );
    }
}
