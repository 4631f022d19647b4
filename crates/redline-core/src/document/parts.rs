//! Documents inside a file: a page of sample summaries is often pasted
//! into one file, and each sample is judged on its own.

use super::{Block, BlockKind, Document, MarkerStyle};
use std::ops::Range;

/// One document inside a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Indices into [`Document::blocks`].
    pub blocks: Range<usize>,
    /// The block that titles it, when it has a title line.
    pub title: Option<usize>,
}

/// Words that make a title line the title of a whole document.
const GENRE_WORDS: [&str; 12] = [
    "总结", "汇报", "报告", "要点", "计划", "打算", "述职", "summary", "Summary", "report",
    "Report", "SUMMARY",
];

/// Opening words of a closing paragraph; a document usually ends soon after.
const CLOSINGS: [&str; 9] = [
    "总之",
    "综上所述",
    "综上",
    "总而言之",
    "In a word",
    "In short",
    "In conclusion",
    "In summary",
    "To sum up",
];

/// Opening words of a summary's first paragraph.
const OPENINGS: [&str; 8] = [
    "一年来",
    "今年以来",
    "今年来",
    "半年来",
    "回顾",
    "Over the past year",
    "In the past year",
    "Since the beginning of",
];

/// Splits the blocks into documents. A new one starts at
/// - a title line naming a genre (`…工作总结`, `Summary of …`) once the
///   current document has a paragraph;
/// - a restart of the top-level numbering (`一、` after `三、`), together
///   with the unnumbered opening paragraph right before it;
/// - an opening paragraph (`一年来,…`) right after a closing one (`总之,…`).
pub(super) fn split(document: &Document<'_>) -> Vec<Part> {
    let blocks = document.blocks();
    let mut starts = vec![0];
    let mut title_at_start = vec![is_document_title(document, blocks.first())];
    let mut has_paragraph = false;
    let mut top_level: Option<(MarkerStyle, u32)> = None;
    for (index, block) in blocks.iter().enumerate().skip(1) {
        let current_start = *starts.last().expect("starts is never empty");
        let is_title = is_document_title(document, Some(block));
        let restart = block.marker.is_some_and(|marker| {
            marker.level == 1
                && marker.ordinal == 1
                && top_level.is_some_and(|(style, ordinal)| style == marker.style && ordinal >= 2)
        });
        let reopening = block.marker.is_none()
            && block.kind == BlockKind::Paragraph
            && starts_with_any(document.slice(block.span), &OPENINGS)
            && starts_with_any(document.slice(blocks[index - 1].span), &CLOSINGS);

        let new_start = if is_title && has_paragraph {
            Some(index)
        } else if restart {
            // The opening paragraph before a restarted `一、` belongs to the
            // new document, unless it is the previous document's title.
            let previous = &blocks[index - 1];
            let opening = previous.marker.is_none()
                && previous.kind == BlockKind::Paragraph
                && index - 1 > current_start;
            Some(if opening { index - 1 } else { index })
        } else if reopening {
            Some(index)
        } else {
            None
        };

        if let Some(start) = new_start {
            starts.push(start);
            title_at_start.push(is_document_title(document, blocks.get(start)));
            has_paragraph = blocks[start..=index]
                .iter()
                .any(|b| b.kind == BlockKind::Paragraph);
            top_level = None;
        } else if block.kind == BlockKind::Paragraph {
            has_paragraph = true;
        }
        if let Some(marker) = block.marker.filter(|marker| marker.level == 1) {
            top_level = Some((marker.style, marker.ordinal));
        }
    }
    starts
        .iter()
        .zip(&title_at_start)
        .enumerate()
        .map(|(part, (&start, &titled))| Part {
            blocks: start..starts.get(part + 1).copied().unwrap_or(blocks.len()),
            title: titled.then_some(start),
        })
        .filter(|part| !part.blocks.is_empty())
        .collect()
}

fn is_document_title(document: &Document<'_>, block: Option<&Block>) -> bool {
    block.is_some_and(|block| {
        block.kind == BlockKind::Heading
            && block.marker.is_none()
            && GENRE_WORDS
                .iter()
                .any(|word| document.slice(block.span).contains(word))
    })
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

    #[test]
    fn a_single_document_is_one_part() {
        let text = "城建局2023年工作总结\n一、主要工作\n今年完成道路改造。\n二、存在的问题\n人员不足。\n三、明年打算\n继续努力。\n";
        assert_eq!(part_openings(text), ["城建局2023年"]);
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
    fn a_restarted_top_level_list_starts_a_document_with_its_opening() {
        let text = "镇工会在镇党委领导下开展工作。\n一、维权工作\n签订合同。\n二、组织建设\n新建工会。\n20xx年,乡工会在县总工会领导下开展工作。\n一、宣传工作\n开展宣传。\n二、培训工作\n培训干部。\n";
        assert_eq!(part_openings(text), ["镇工会在镇党委领", "20xx年,乡工"]);
    }

    #[test]
    fn an_opening_after_a_closing_starts_a_document() {
        let text = "一年来,工会工作取得成绩。\n总之,我们将继续努力。\n一年来,我乡工会在乡党委领导下开展工作。\n";
        assert_eq!(part_openings(text), ["一年来,工会工作", "一年来,我乡工会"]);
    }

    #[test]
    fn nested_restarts_do_not_split() {
        let text = "工作总结\n一、主要工作\n(一)宣传\n(二)培训\n二、下一步打算\n(一)加强学习\n(二)完善制度\n";
        assert_eq!(part_openings(text), ["工作总结"]);
    }
}
