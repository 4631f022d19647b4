use super::*;
use MarkerStyle::*;

/// Style, ordinal, level and text of a marker.
type MarkerParts<'a> = (MarkerStyle, u32, u8, &'a str);
/// Level, marker style and ordinal, title and run-in flag of a heading.
type HeadingParts<'a> = (u8, Option<(MarkerStyle, u32)>, &'a str, bool);

fn source(text: &str) -> SourceFile {
    SourceFile::new("t.txt", text.to_string())
}

fn block_texts<'a>(doc: &Document<'a>) -> Vec<&'a str> {
    doc.blocks()
        .iter()
        .map(|block| doc.slice(block.span))
        .collect()
}

fn block_lines(doc: &Document) -> Vec<Range<usize>> {
    doc.blocks()
        .iter()
        .map(|block| block.lines.clone())
        .collect()
}

fn marker_parts<'a>(doc: &Document<'a>, marker: Marker) -> MarkerParts<'a> {
    (
        marker.style,
        marker.ordinal,
        marker.level,
        doc.slice(marker.span),
    )
}

fn block_marker<'a>(doc: &Document<'a>, block: &Block) -> Option<MarkerParts<'a>> {
    block.marker.map(|marker| marker_parts(doc, marker))
}

fn heading_parts<'a>(doc: &Document<'a>, heading: &Heading) -> HeadingParts<'a> {
    (
        heading.level,
        heading.marker.map(|m| (m.style, m.ordinal)),
        doc.slice(heading.title),
        heading.run_in,
    )
}

fn heading_of<'d>(doc: &'d Document, block: usize) -> Option<&'d Heading> {
    doc.headings().iter().find(|heading| heading.block == block)
}

fn sentence_texts<'a>(doc: &Document<'a>, block: &Block) -> Vec<&'a str> {
    doc.block_sentences(block)
        .iter()
        .map(|sentence| doc.slice(sentence.span))
        .collect()
}

fn sentence_markers<'a>(doc: &Document<'a>, block: &Block) -> Vec<Option<MarkerParts<'a>>> {
    doc.block_sentences(block)
        .iter()
        .map(|sentence| sentence.marker.map(|marker| marker_parts(doc, marker)))
        .collect()
}

/// Structural invariants every parsed document must hold, whatever its
/// text: spans on char boundaries and nested block > sentence > marker.
fn assert_well_formed(doc: &Document, name: &str) {
    let text = doc.text();
    let inside = |outer: Span, inner: Span| outer.start <= inner.start && inner.end <= outer.end;
    let on_boundaries =
        |span: Span| text.is_char_boundary(span.start) && text.is_char_boundary(span.end);
    let mut previous_end = 0;
    let mut previous_lines_end = 0;
    for (index, block) in doc.blocks().iter().enumerate() {
        let at = format!("{name}: block {index} at line {}", block.lines.start + 1);
        assert!(block.span.end <= text.len(), "{at}: span past the end");
        assert!(on_boundaries(block.span), "{at}: span off char boundaries");
        assert!(
            block.span.start >= previous_end,
            "{at}: overlaps the previous"
        );
        assert!(
            block.lines.start >= previous_lines_end,
            "{at}: lines overlap"
        );
        assert!(!block.lines.is_empty(), "{at}: no lines");
        let body = doc.slice(block.span);
        assert!(
            !body.is_empty() && body.trim_matches(is_blank) == body,
            "{at}: empty or blank-edged {body:?}"
        );
        assert_eq!(
            doc.line_index().line_index(block.span.start),
            block.lines.start,
            "{at}: span starts on another line"
        );
        if let Some(marker) = block.marker {
            assert_eq!(
                marker.span.start, block.span.start,
                "{at}: marker not first"
            );
            assert!(inside(block.span, marker.span), "{at}: marker outside");
        }
        for sentence in doc.block_sentences(block) {
            assert!(
                on_boundaries(sentence.span),
                "{at}: sentence off boundaries"
            );
            assert!(inside(block.span, sentence.span), "{at}: sentence outside");
            if let Some(marker) = sentence.marker {
                assert_eq!(
                    marker.span.start, sentence.span.start,
                    "{at}: marker not first"
                );
            }
        }
        let heading = heading_of(doc, index);
        assert_eq!(
            heading.is_some(),
            block.kind == BlockKind::Heading,
            "{at}: kind and headings disagree"
        );
        if let Some(heading) = heading {
            assert!(on_boundaries(heading.title), "{at}: title off boundaries");
            assert!(inside(block.span, heading.title), "{at}: title outside");
        }
        previous_end = block.span.end;
        previous_lines_end = block.lines.end;
    }
}

#[test]
fn one_paragraph_per_line_makes_every_line_a_block() {
    let text = "一、总体情况\n今年以来,我们紧紧围绕中心工作,扎实推进各项任务。\n二是加强宣传。\n二、下步打算\n";
    let source = source(text);
    let doc = Document::parse(&source);
    assert!(doc.is_paragraph_per_line());
    assert_eq!(block_lines(&doc), [0..1, 1..2, 2..3, 3..4]);
    assert_eq!(
        block_texts(&doc),
        [
            "一、总体情况",
            "今年以来,我们紧紧围绕中心工作,扎实推进各项任务。",
            "二是加强宣传。",
            "二、下步打算"
        ]
    );
    let kinds: Vec<BlockKind> = doc.blocks().iter().map(|block| block.kind).collect();
    use BlockKind::{Heading as H, Paragraph as P};
    assert_eq!(kinds, [H, P, P, H]);
    assert_well_formed(&doc, "per line");
}

#[test]
fn long_lines_in_runs_are_paragraphs_on_their_own_despite_blank_lines() {
    let long_line = "长".repeat(LONG_LINE_CHARS + 1);
    let text = format!("标题\n\n{long_line}\n{long_line}\n{long_line}\n");
    let source = source(&text);
    let doc = Document::parse(&source);
    assert!(doc.is_paragraph_per_line());
    assert_eq!(block_lines(&doc), [0..1, 2..3, 3..4, 4..5]);
}

#[test]
fn blank_lines_separate_hard_wrapped_paragraphs() {
    let text = "Summary of the work\n\nThe office focused on the idea of grasping\nthe key points and promoting the work.\n\n\nIn 20xx, the office did a lot of work\n  and made progress.\n";
    let source = source(text);
    let doc = Document::parse(&source);
    assert!(!doc.is_paragraph_per_line());
    assert_eq!(block_lines(&doc), [0..1, 2..4, 6..8]);
    assert_eq!(
        block_texts(&doc),
        [
            "Summary of the work",
            "The office focused on the idea of grasping\nthe key points and promoting the work.",
            "In 20xx, the office did a lot of work\n  and made progress."
        ]
    );
    assert_eq!(
        heading_parts(&doc, &doc.headings()[0]),
        (0, None, "Summary of the work", false)
    );
    assert_eq!(doc.headings().len(), 1);
    assert_well_formed(&doc, "hard-wrapped");
}

#[test]
fn a_numbered_line_opens_a_block_inside_a_hard_wrapped_run() {
    let text = "1. Improve the service and\ncoordination of the office.\n2. Organize the important meetings\nof the year.\n\n加强宣传工作。\n一是做好信息报送。\n";
    let source = source(text);
    let doc = Document::parse(&source);
    assert!(!doc.is_paragraph_per_line());
    // `一是` opens a sentence, not a block: the last run stays whole.
    assert_eq!(block_lines(&doc), [0..2, 2..4, 5..7]);
    let first = &doc.blocks()[0];
    assert_eq!(block_marker(&doc, first), Some((ArabicDot, 1, 3, "1.")));
    assert_eq!(
        heading_parts(&doc, heading_of(&doc, 0).unwrap()),
        (
            3,
            Some((ArabicDot, 1)),
            "Improve the service and\ncoordination of the office",
            false
        )
    );
    assert_eq!(
        heading_parts(&doc, heading_of(&doc, 1).unwrap()),
        (
            3,
            Some((ArabicDot, 2)),
            "Organize the important meetings\nof the year",
            false
        )
    );
    let last = &doc.blocks()[2];
    assert_eq!(last.marker, None);
    assert_eq!(
        sentence_markers(&doc, last),
        [None, Some((ChineseShi, 1, 6, "一是"))]
    );
    assert_well_formed(&doc, "numbered run");
}

#[test]
fn headings_with_markers_titles_and_run_in_bodies() {
    let text = "开鲁县总工会201*年上半年工作总结\n\n\u{3000}\u{3000}一、201*年上半年主要工作情况\n\n1、工会组建和会员发展工作。到201*年5月底,全县新建工会组织12家。\n\n(一)、加强农村生态文明建设,着力改善环境质量\n\n1、、继续抓好卫生城的复验工作。\n\n2、招商引资:201*年引进项目3个;\n\n二、工作目标：\n\n## Plans for next year\n";
    let source = source(text);
    let doc = Document::parse(&source);
    let headings: Vec<_> = doc
        .headings()
        .iter()
        .map(|heading| heading_parts(&doc, heading))
        .collect();
    assert_eq!(
        headings,
        [
            (0, None, "开鲁县总工会201*年上半年工作总结", false),
            (
                1,
                Some((ChineseComma, 1)),
                "201*年上半年主要工作情况",
                false
            ),
            (3, Some((ArabicComma, 1)), "工会组建和会员发展工作", true),
            (
                2,
                Some((ChineseParen, 1)),
                "加强农村生态文明建设,着力改善环境质量",
                false
            ),
            (3, Some((ArabicComma, 1)), "继续抓好卫生城的复验工作", false),
            // A colon ends a run-in title; one that ends the line does not
            // make the heading run-in.
            (3, Some((ArabicComma, 2)), "招商引资", true),
            (1, Some((ChineseComma, 2)), "工作目标", false),
            (2, Some((Markdown, 0)), "Plans for next year", false),
        ]
    );
    let block_indices: Vec<usize> = doc.headings().iter().map(|h| h.block).collect();
    assert_eq!(block_indices, [0, 1, 2, 3, 4, 5, 6, 7]);
    // The ideographic indent is no part of the block, and the marker's
    // span is absolute.
    assert_eq!(
        block_marker(&doc, &doc.blocks()[1]),
        Some((ChineseComma, 1, 1, "一、"))
    );
    assert_eq!(
        block_marker(&doc, &doc.blocks()[3]),
        Some((ChineseParen, 1, 2, "(一)、"))
    );
    assert_well_formed(&doc, "headings");
}

#[test]
fn a_numbered_block_with_a_long_first_sentence_is_a_paragraph() {
    let text = "(2)5月初,县总工会与相关部门共同开展了企业、工会、职工三方共同约定行动倡议活动,组织全县企业签订约定书。\n";
    let source = source(text);
    let doc = Document::parse(&source);
    let block = &doc.blocks()[0];
    assert_eq!(block.kind, BlockKind::Paragraph);
    assert_eq!(block_marker(&doc, block), Some((ArabicParen, 2, 4, "(2)")));
    assert!(doc.headings().is_empty());
}

#[test]
fn a_shi_paragraph_is_no_heading_and_its_sentences_carry_markers() {
    let text = "一是按照市总工会的要求,对已组建的工会进行规范。二是认真落实年初下达的目标任务;三是完成了集体合同签订。\n";
    let source = source(text);
    let doc = Document::parse(&source);
    assert_eq!(doc.blocks().len(), 1);
    let block = &doc.blocks()[0];
    assert_eq!(block.kind, BlockKind::Paragraph);
    assert!(doc.headings().is_empty());
    assert_eq!(block_marker(&doc, block), Some((ChineseShi, 1, 6, "一是")));
    assert_eq!(
        sentence_texts(&doc, block),
        [
            "一是按照市总工会的要求,对已组建的工会进行规范。",
            "二是认真落实年初下达的目标任务;",
            "三是完成了集体合同签订。"
        ]
    );
    assert_eq!(
        sentence_markers(&doc, block),
        [
            Some((ChineseShi, 1, 6, "一是")),
            Some((ChineseShi, 2, 6, "二是")),
            Some((ChineseShi, 3, 6, "三是"))
        ]
    );
}

#[test]
fn a_run_in_heading_keeps_its_marker_off_its_sentences() {
    let text = "二、认真做好劳动节系列工作。一是,组织申报各项表彰。二是,组织劳模体检。\n";
    let source = source(text);
    let doc = Document::parse(&source);
    let block = &doc.blocks()[0];
    assert_eq!(block.kind, BlockKind::Heading);
    assert_eq!(
        heading_parts(&doc, &doc.headings()[0]),
        (1, Some((ChineseComma, 2)), "认真做好劳动节系列工作", true)
    );
    assert_eq!(
        sentence_markers(&doc, block),
        [
            None,
            Some((ChineseShi, 1, 6, "一是")),
            Some((ChineseShi, 2, 6, "二是"))
        ]
    );
}

#[test]
fn english_ordinal_phrases_are_sentence_markers() {
    let text = "The first is to organize the press conference. The second is to do a good job in publicity. Then we rest.\n";
    let source = source(text);
    let doc = Document::parse(&source);
    let block = &doc.blocks()[0];
    assert_eq!(block.kind, BlockKind::Paragraph);
    assert_eq!(
        block_marker(&doc, block),
        Some((EnglishOrdinalPhrase, 1, 6, "The first is"))
    );
    assert_eq!(
        sentence_markers(&doc, block),
        [
            Some((EnglishOrdinalPhrase, 1, 6, "The first is")),
            Some((EnglishOrdinalPhrase, 2, 6, "The second is")),
            None
        ]
    );
}

#[test]
fn block_script_follows_the_majority() {
    let text = "工作总结 for 20XX\n\nThe office focused on 20xx work\n\n2019.05.26\n";
    let source = source(text);
    let doc = Document::parse(&source);
    let scripts: Vec<Script> = doc.blocks().iter().map(|block| block.script).collect();
    assert_eq!(scripts, [Script::Han, Script::Latin, Script::Other]);
}

#[test]
fn sentences_of_a_mixed_block() {
    let text = "我们完成了3.5%的增长。Output rose 3.5 percent. 二是加强宣传！Done";
    let source = source(text);
    let doc = Document::parse(&source);
    assert_eq!(doc.blocks().len(), 1);
    let block = &doc.blocks()[0];
    assert_eq!(block.script, Script::Han);
    assert_eq!(
        sentence_texts(&doc, block),
        [
            "我们完成了3.5%的增长。",
            "Output rose 3.5 percent.",
            "二是加强宣传！",
            "Done"
        ]
    );
    assert_eq!(
        sentence_markers(&doc, block),
        [None, None, Some((ChineseShi, 2, 6, "二是")), None]
    );
}

#[test]
fn empty_and_blank_texts_have_no_blocks() {
    for text in ["", "\n", " \u{3000}\n\n\t\n"] {
        let source = source(text);
        let doc = Document::parse(&source);
        assert!(doc.blocks().is_empty(), "{text:?}");
        assert!(doc.sentences().is_empty(), "{text:?}");
    }
}

mod corpus {
    use super::*;

    const CORPUS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/docs");

    /// The corpus file's text, or `None` with a notice when the shared
    /// corpus is not checked out next to the workspace.
    fn corpus_file(name: &str) -> Option<SourceFile> {
        let path = Path::new(CORPUS_DIR).join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(SourceFile::new(name, text)),
            Err(error) => {
                eprintln!("skipping corpus test: {} ({error})", path.display());
                None
            }
        }
    }

    /// The block starting on 1-based `line`, with its index.
    fn block_at<'d>(doc: &'d Document, line: usize) -> (usize, &'d Block) {
        doc.blocks()
            .iter()
            .enumerate()
            .find(|(_, block)| block.lines.start + 1 == line)
            .unwrap_or_else(|| panic!("no block starts on line {line}"))
    }

    fn heading_at<'a>(doc: &Document<'a>, line: usize) -> Option<HeadingParts<'a>> {
        let (index, _) = block_at(doc, line);
        heading_of(doc, index).map(|heading| heading_parts(doc, heading))
    }

    fn marker_at<'a>(doc: &Document<'a>, line: usize) -> Option<MarkerParts<'a>> {
        block_marker(doc, block_at(doc, line).1)
    }

    fn sentence_ordinals(doc: &Document, line: usize) -> Vec<(MarkerStyle, u32)> {
        doc.block_sentences(block_at(doc, line).1)
            .iter()
            .filter_map(|sentence| sentence.marker.map(|m| (m.style, m.ordinal)))
            .collect()
    }

    #[test]
    fn county_union_half_year_report() {
        let Some(source) = corpus_file("zh-county-union-halfyear.txt") else {
            return;
        };
        let doc = Document::parse(&source);
        assert_well_formed(&doc, "zh-county-union-halfyear.txt");
        // Blank lines between single lines: blocks are still one line each.
        assert!(!doc.is_paragraph_per_line());
        assert_eq!(
            heading_at(&doc, 3),
            Some((0, None, "开鲁县总工会201*年上半年工作总结", false))
        );
        assert_eq!(
            heading_at(&doc, 13),
            Some((
                1,
                Some((ChineseComma, 1)),
                "201*年上半年主要工作情况",
                false
            ))
        );
        assert_eq!(marker_at(&doc, 13), Some((ChineseComma, 1, 1, "一、")));
        assert_eq!(
            heading_at(&doc, 15),
            Some((3, Some((ArabicComma, 1)), "工会组建和会员发展工作", true))
        );
        assert_eq!(marker_at(&doc, 19), Some((ArabicParen, 2, 4, "(2)")));
        assert_eq!(heading_at(&doc, 19), None);
        assert_eq!(
            heading_at(&doc, 39),
            Some((1, Some((ChineseComma, 2)), "201*年下半年重点工作", false))
        );
        assert_eq!(
            heading_at(&doc, 99),
            Some((1, Some((ChineseComma, 5)), "其他工作", false))
        );
        assert_eq!(
            sentence_ordinals(&doc, 69),
            [
                (ChineseShi, 1),
                (ChineseShi, 2),
                (ChineseShi, 3),
                (ChineseShi, 4)
            ]
        );
        // The page footer is a run of short lines: one hard-wrapped block.
        assert_eq!(block_at(&doc, 156).1.lines, 155..161);
    }

    #[test]
    fn union_summaries() {
        let Some(source) = corpus_file("zh-union-summaries.txt") else {
            return;
        };
        let doc = Document::parse(&source);
        assert_well_formed(&doc, "zh-union-summaries.txt");
        assert!(doc.is_paragraph_per_line());
        let non_blank_lines = doc
            .lines()
            .filter(|&line| !doc.slice(line).trim().is_empty())
            .count();
        assert_eq!(doc.blocks().len(), non_blank_lines);
        assert_eq!(
            heading_at(&doc, 8),
            Some((1, Some((ChineseComma, 2)), "完成目标情况及主要做法", false))
        );
        let (_, shi_block) = block_at(&doc, 9);
        assert_eq!(shi_block.kind, BlockKind::Paragraph);
        assert_eq!(
            block_marker(&doc, shi_block),
            Some((ChineseShi, 1, 6, "一是"))
        );
        assert_eq!(
            heading_at(&doc, 124),
            Some((2, Some((ChineseParen, 1)), "细化“两个普遍”", false))
        );
        assert_eq!(
            heading_at(&doc, 269),
            Some((
                3,
                Some((ArabicComma, 1)),
                "继续抓好卫生城的复验工作,加强食品检验、卫生防疫、健身教育宣传等方面的工作力度",
                false
            ))
        );
        assert_eq!(
            heading_at(&doc, 335),
            Some((
                3,
                Some((ArabicDot, 1)),
                "加大对农村基础设施建设的投入力度,为促农增收奠定坚实基础",
                true
            ))
        );
        assert_eq!(marker_at(&doc, 349), Some((ChineseParen, 1, 2, "(一)、")));
        // `l、` is a misread `1、`: no marker.
        assert_eq!(marker_at(&doc, 43), None);
        assert_eq!(
            sentence_ordinals(&doc, 114),
            [(ChineseShi, 1), (ChineseShi, 2), (ChineseShi, 3)]
        );
    }

    #[test]
    fn english_office_summaries() {
        let Some(source) = corpus_file("en-office-summaries.txt") else {
            return;
        };
        let doc = Document::parse(&source);
        assert_well_formed(&doc, "en-office-summaries.txt");
        assert!(doc.is_paragraph_per_line());
        assert_eq!(
            heading_at(&doc, 3),
            Some((
                1,
                Some((EnglishOrdinal, 1)),
                "around the focus of work, the role of the staff assistant is obvious",
                false
            ))
        );
        assert_eq!(marker_at(&doc, 3), Some((EnglishOrdinal, 1, 1, "First,")));
        assert_eq!(marker_at(&doc, 5), Some((LetterParen, 1, 2, "(a)")));
        assert_eq!(
            marker_at(&doc, 7),
            Some((EnglishOrdinalPhrase, 2, 6, "The second is"))
        );
        assert_eq!(heading_at(&doc, 7), None);
        assert_eq!(
            heading_at(&doc, 8),
            Some((
                4,
                Some((ArabicParen, 2)),
                "Carefully organize important meetings",
                true
            ))
        );
        assert_eq!(marker_at(&doc, 9), Some((ArabicHalfParen, 3, 4, "3)")));
        assert_eq!(
            heading_at(&doc, 10),
            Some((
                4,
                Some((ArabicParen, 4)),
                "Strengthen publicity and information work",
                false
            ))
        );
        assert_eq!(marker_at(&doc, 14), Some((EnglishNumberWord, 2, 1, "Two,")));
        assert_eq!(
            marker_at(&doc, 18),
            Some((NumberWordParen, 3, 2, "(three)"))
        );
        assert_eq!(
            sentence_ordinals(&doc, 18),
            [
                (EnglishOrdinalPhrase, 1),
                (EnglishOrdinalPhrase, 2),
                (EnglishOrdinalPhrase, 3)
            ]
        );
        assert_eq!(
            heading_at(&doc, 49),
            Some((
                4,
                Some((ArabicParen, 4)),
                "The work of female workers",
                false
            ))
        );
        assert_eq!(marker_at(&doc, 4), None, "`In 20xx, …` is no Roman numeral");
    }
}
