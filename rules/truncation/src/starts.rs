//! Documents whose beginning was cut off: a word cut at the very start
//! (`结是…`), a document that starts in the middle of its content right
//! after another one closed, and opening phrases cut around their year
//! (`20xx在…`, `…乡镇工会2019。`).

use crate::layout::Layout;
use crate::text::{
    Ending, head_fragment, is_closer, is_colon, is_pause, is_semicolon, is_terminal, leading_year,
    starts_lowercase_word, trailing_year,
};
use crate::words::{OPENING_CUES, OWNERS_OF_MEN, SUBJECTS_BEFORE_SHI};
use redline_core::script::{Script, is_han};
use redline_core::{BlockKind, Edit, Finding, Fix, RuleContext, Span};

/// How far into a paragraph its opening sentence is searched for cues.
const OPENING_WINDOW_BYTES: usize = 240;

/// A colon this close to a paragraph's start makes it a label (`来源:`,
/// `附件：`), not the first paragraph of a document.
const MAX_LABEL_CHARS: usize = 8;

/// What may follow a masked year (`20xx`) and still be right: `20xx年`,
/// `20xx届`.
const AFTER_MASKED_YEAR: &str = "年届级版度号期";

/// What follows a bare year whose `年` was dropped: `2019在…`, `2019以来`.
/// Measure words (`2019名`, `2000元`) make it a count instead.
const AFTER_BARE_YEAR: &str = "在是以我全上下初底末起至本各将";

const FULL_STOP: &str = "。";

/// The phrases the rule recognises, built-in and configured.
#[derive(Debug)]
pub struct Phrases {
    closings: Vec<String>,
    /// The first character of every closing phrase, deduplicated.
    closing_initials: Vec<char>,
    openings: Vec<String>,
}

impl Phrases {
    pub fn new(closings: Vec<String>, openings: Vec<String>) -> Self {
        let mut closing_initials: Vec<char> = closings
            .iter()
            .filter_map(|phrase| phrase.chars().next())
            .collect();
        closing_initials.sort_unstable();
        closing_initials.dedup();
        Self {
            closings,
            closing_initials,
            openings,
        }
    }

    /// Whether a closing phrase starts with `first`: a filter that needs no
    /// text read.
    fn may_close(&self, first: char) -> bool {
        self.closing_initials.contains(&first)
    }

    fn closes(&self, text: &str) -> bool {
        self.closings
            .iter()
            .any(|phrase| text.starts_with(phrase.as_str()))
    }

    /// Whether `text` reads like a document's first paragraph.
    fn opens(&self, text: &str) -> bool {
        if self
            .openings
            .iter()
            .any(|phrase| text.starts_with(phrase.as_str()))
            || leading_year(text).is_some()
        {
            return true;
        }
        let mut end = text.len().min(OPENING_WINDOW_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[..end];
        let first_sentence = window.find(is_terminal).map_or(window, |at| &window[..at]);
        OPENING_CUES.iter().any(|cue| first_sentence.contains(cue))
    }
}

pub fn check_cut_words(
    layout: &Layout<'_, '_>,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    for part in layout.document.parts() {
        let from = layout.content.partition_point(|&b| b < part.blocks.start);
        let Some(&first) = layout.content.get(from).filter(|&&b| b < part.blocks.end) else {
            continue;
        };
        let block = layout.block(first);
        if block.marker.is_some() {
            continue;
        }
        let span = layout.trimmed_span(first);
        let text = layout.block_text(first);
        let mut chars = text.chars();
        let (Some(lead), second) = (chars.next(), chars.next()) else {
            continue;
        };
        let width = lead.len_utf8() + second.map_or(0, char::len_utf8);
        let opening = Span::new(span.start, span.start + width);
        // Straight quotes open as often as they close.
        let closes = is_closer(lead) && !matches!(lead, '"' | '\'');
        if is_pause(lead) || is_terminal(lead) || is_semicolon(lead) || is_colon(lead) || closes {
            findings.push(
                context
                    .finding(
                        Span::new(span.start, span.start + lead.len_utf8()),
                        format!("document starts with `{lead}`: its beginning is cut off"),
                    )
                    .with_help("restore the beginning of the document"),
            );
        } else if block.script == Script::Latin && starts_lowercase_word(text) {
            let word_end = text
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len());
            findings.push(
                context
                    .tentative_finding(
                        Span::new(span.start, span.start + word_end),
                        "document starts in lower case, in the middle of a sentence or word",
                    )
                    .with_help("restore the beginning of the document"),
            );
        } else if let Some(second) = second.filter(|_| is_han(lead)) {
            let cut = (second == '是' && !SUBJECTS_BEFORE_SHI.contains(lead))
                || (second == '们' && !OWNERS_OF_MEN.contains(lead));
            if cut {
                findings.push(
                    context
                        .tentative_finding(
                            opening,
                            format!(
                                "document starts with `{lead}{second}`: the first word seems cut off"
                            ),
                        )
                        .with_help("restore the beginning of the document"),
                );
            }
        }
    }
}

/// A paragraph right after a closing one (`总之,…`) that neither titles
/// nor opens a document: the next document lost its beginning.
pub fn check_abrupt_starts(
    layout: &Layout<'_, '_>,
    phrases: &Phrases,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    for pair in layout.content.windows(2) {
        let (previous, current) = (pair[0], pair[1]);
        let facts = layout.facts(previous);
        if !facts.is_body
            || facts.ending != Ending::Terminal
            || !phrases.may_close(facts.first)
            || !phrases.closes(layout.block_text(previous))
        {
            continue;
        }
        let previous_text = layout.block_text(previous);
        let block = layout.block(current);
        let text = layout.block_text(current);
        let is_label = text.chars().take(MAX_LABEL_CHARS).any(is_colon);
        if block.kind != BlockKind::Paragraph
            || block.marker.is_some()
            || is_label
            || phrases.opens(text)
            || !text.chars().next().is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let span = layout.trimmed_span(current);
        findings.push(
            context
                .finding(
                    head_fragment(text, span.start),
                    "document starts mid-content: the paragraph before closes a document, and this one opens none",
                )
                .with_label(
                    head_fragment(previous_text, layout.trimmed_span(previous).start),
                    "a document closes here",
                )
                .with_help("restore the title and opening of the document that starts here"),
        );
    }
}

/// Years whose `年` and the words after it were cut: `20xx在市总工会的领导下`
/// at a sentence start, `…整理的乡镇工会2019。` at a sentence end.
pub fn check_cut_years(
    layout: &Layout<'_, '_>,
    context: &RuleContext<'_>,
    findings: &mut Vec<Finding>,
) {
    let text = layout.text;
    let bytes = text.as_bytes();
    for sentence in layout.document.sentences() {
        // Two byte tests rule out nearly every sentence before its text is
        // sliced: it starts with `1` or `2`, or ends with a year digit or
        // mask and `。`.
        let (start, end) = (sentence.span.start, sentence.span.end);
        let may_start_with_year = matches!(bytes.get(start), Some(b'1' | b'2'));
        let may_end_with_year = end > start + FULL_STOP.len()
            && bytes[end - FULL_STOP.len()..end] == *FULL_STOP.as_bytes()
            && matches!(
                bytes[end - FULL_STOP.len() - 1],
                b'0'..=b'9' | b'x' | b'X' | b'*'
            );
        if !may_start_with_year && !may_end_with_year {
            continue;
        }
        let body = &text[sentence.span.range()];
        if let Some((len, masked)) = leading_year(body)
            && let Some(next) = body[len..].chars().next()
            && is_han(next)
            && if masked {
                !AFTER_MASKED_YEAR.contains(next)
            } else {
                AFTER_BARE_YEAR.contains(next)
            }
        {
            let year = &body[..len];
            let year_end = sentence.span.start + len;
            let mut finding = context
                .finding(
                    Span::new(sentence.span.start, year_end + next.len_utf8()),
                    format!("year `{year}` is not followed by `年`: the opening phrase is cut"),
                )
                .with_help("restore the cut phrase: `年` and, usually, who the sentence is about");
            if len == 4 {
                finding = finding.with_fix(Fix::unsafe_edits(vec![Edit::replace(
                    Span::new(year_end, year_end),
                    "年",
                )]));
            }
            findings.push(finding);
        }
        if let Some(words) = body.strip_suffix('。')
            && let Some(year_start) = trailing_year(words)
            && words[..year_start].chars().next_back().is_some_and(is_han)
        {
            let lead_start = words[..year_start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c))
                .take(4)
                .last()
                .map_or(year_start, |(index, _)| index);
            let year = &words[year_start..];
            findings.push(
                context
                    .finding(
                        Span::new(sentence.span.start + lead_start, sentence.span.end),
                        format!("sentence stops right after the year `{year}`: the words after it are cut off"),
                    )
                    .with_help("restore the missing words (`2019年工作总结`)"),
            );
        }
    }
}
