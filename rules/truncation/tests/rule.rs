//! What `truncation` reports and what it leaves alone: the exact text and
//! severity of every finding, and the text its fixes leave.

use redline_core::fix::apply_edits;
use redline_core::{Applicability, DeclaredRule, Finding, Registry, Rule, Severity, SourceFile};
use redline_rules_truncation::{Truncation, TruncationOptions};

const WARNING: Severity = Severity::Warning;
const INFO: Severity = Severity::Info;

fn lint_with(text: &str, options: TruncationOptions) -> (SourceFile, Vec<Finding>) {
    let rule = Truncation::from_options(options).expect("options are valid");
    redline_testing::check(&rule, WARNING, text)
}

fn lint(text: &str) -> (SourceFile, Vec<Finding>) {
    lint_with(text, TruncationOptions::default())
}

/// The findings' texts and severities, in order.
fn reported_with(text: &str, options: TruncationOptions) -> Vec<(String, Severity)> {
    let (source, findings) = lint_with(text, options);
    findings
        .iter()
        .map(|finding| (source.slice(finding.span).to_owned(), finding.severity))
        .collect()
}

#[track_caller]
fn assert_reports(text: &str, expected: &[(&str, Severity)]) {
    assert_reports_with(text, TruncationOptions::default(), expected);
}

#[track_caller]
fn assert_reports_with(text: &str, options: TruncationOptions, expected: &[(&str, Severity)]) {
    let expected: Vec<(String, Severity)> = expected
        .iter()
        .map(|&(matched, severity)| (matched.to_owned(), severity))
        .collect();
    assert_eq!(reported_with(text, options), expected, "in {text:?}");
}

#[track_caller]
fn assert_clean(text: &str) {
    assert_reports(text, &[]);
}

/// The only finding in `text`.
#[track_caller]
fn only(text: &str) -> Finding {
    let (_, findings) = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    findings.into_iter().next().unwrap()
}

/// `text` after every fix of the given applicability.
fn fixed_by(text: &str, applicability: Applicability) -> String {
    let (_, findings) = lint(text);
    let edits = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref())
        .filter(|fix| fix.applicability == applicability)
        .flat_map(|fix| fix.edits.iter());
    apply_edits(text, edits)
}

/// `text` after its safe fixes, as `--fix` would leave it.
fn safe_fixed(text: &str) -> String {
    fixed_by(text, Applicability::Safe)
}

/// `text` after its unsafe fixes only.
fn unsafe_fixed(text: &str) -> String {
    fixed_by(text, Applicability::Unsafe)
}

/// Fixing must settle: the fixed text has nothing left to fix.
#[track_caller]
fn assert_settles(fixed: &str) {
    let (_, findings) = lint(fixed);
    assert!(
        findings.iter().all(|finding| finding.fix.is_none()),
        "fixable findings remain in {fixed:?}: {findings:#?}"
    );
}

mod line_breaks {
    use super::*;

    #[test]
    fn a_page_break_after_a_comma_is_joined_safely() {
        let text = "2、加强工会经费管理。按照要求,努力做好工作,保持工会经费收入稳定增长,\n\n按规定完成经费任务。\n";
        assert_reports(text, &[("保持工会经费收入稳定增长,", WARNING)]);
        let finding = only(text);
        assert_eq!(
            finding.message,
            "paragraph breaks off mid-sentence at a page break; the sentence goes on after the blank line, on line 3"
        );
        assert_eq!(finding.labels[0].message, "the sentence goes on here");
        let fixed = safe_fixed(text);
        assert_eq!(
            fixed,
            "2、加强工会经费管理。按照要求,努力做好工作,保持工会经费收入稳定增长,按规定完成经费任务。\n"
        );
        assert_settles(&fixed);
    }

    #[test]
    fn a_page_break_inside_an_enumeration() {
        let text = "2、强化职工培训。充分发挥作用,提高职工的思想道德、科学文化、民主法律、\n\n技术技能、安全健康素质。\n";
        assert_reports(text, &[("的思想道德、科学文化、民主法律、", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "2、强化职工培训。充分发挥作用,提高职工的思想道德、科学文化、民主法律、技术技能、安全健康素质。\n"
        );
    }

    #[test]
    fn a_word_cut_after_the_last_enumerated_item_even_in_a_title_line() {
        let text = "3、按照分类培训、注重实效的原则,重点开展厂务公开、民\n\n主管理、工资集体协商等培训。\n";
        assert_reports(text, &[("重点开展厂务公开、民", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "3、按照分类培训、注重实效的原则,重点开展厂务公开、民主管理、工资集体协商等培训。\n"
        );
    }

    #[test]
    fn a_quote_left_open_and_closed_on_the_next_line() {
        let text = "1、努力维护职工权益。深入开展了“加强企业工\n\n会建设,推进工资集体协商”百日攻坚行动。\n";
        assert_reports(text, &[("深入开展了“加强企业工", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "1、努力维护职工权益。深入开展了“加强企业工会建设,推进工资集体协商”百日攻坚行动。\n"
        );
        // Only the second half shows it: a quote closed that was never opened.
        let text = "今年,我们开展了“安康杯”竞赛。下半年开展了技术比\n\n武”活动,效果良好。\n";
        assert_reports(text, &[("下半年开展了技术比", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "今年,我们开展了“安康杯”竞赛。下半年开展了技术比武”活动,效果良好。\n"
        );
    }

    #[test]
    fn a_one_character_clause_on_either_side() {
        let text =
            "2、大力推进工会组建工作。发挥系统工会的协调作用,扩\n\n大工会组建和农牧民入会比率。\n";
        assert_reports(text, &[("发挥系统工会的协调作用,扩", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "2、大力推进工会组建工作。发挥系统工会的协调作用,扩大工会组建和农牧民入会比率。\n"
        );
        // A single stray line break, not a page break: one level lower.
        let text = "工作总结\n今年,我们认真开展工作,取得了成绩。\n我们要解决职工反映的问\n题,并做好服务工作。\n";
        assert_reports(text, &[("我们要解决职工反映的问", INFO)]);
        let finding = only(text);
        assert_eq!(
            finding.message,
            "stray line break splits a sentence; it goes on on line 4"
        );
        assert_eq!(
            safe_fixed(text),
            "工作总结\n今年,我们认真开展工作,取得了成绩。\n我们要解决职工反映的问题,并做好服务工作。\n"
        );
    }

    #[test]
    fn prose_that_only_lacks_its_full_stop_gets_an_unsafe_fix() {
        let text = "3、重视职工精神文化建设。切实加强职工文化设施建设,满足了职工群众的精神\n\n文化需求,增强了工会组织的吸引力。\n";
        assert_reports(text, &[("满足了职工群众的精神", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            text,
            "no safe fix without a mark that proves it"
        );
        let fixed = unsafe_fixed(text);
        assert_eq!(
            fixed,
            "3、重视职工精神文化建设。切实加强职工文化设施建设,满足了职工群众的精神文化需求,增强了工会组织的吸引力。\n"
        );
        assert_settles(&fixed);
    }

    #[test]
    fn english_halves_are_joined_with_a_space() {
        let text = "Summary of work\n\nThe office has done a great deal of work to improve\n\nthe quality of documents. We held meetings.\n";
        assert_reports(text, &[("a great deal of work to improve", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "Summary of work\n\nThe office has done a great deal of work to improve the quality of documents. We held meetings.\n"
        );
        // A word that needs more, before a capital.
        let text = "We thank the leaders of the\n\nForestry Bureau for their support.\n";
        assert_reports(text, &[("We thank the leaders of the", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "We thank the leaders of the Forestry Bureau for their support.\n"
        );
    }

    #[test]
    fn windows_line_ends_and_indentation_go_with_the_break() {
        let text = "按照要求,努力做好工作,保持经费稳定增长,\r\n\r\n\u{3000}\u{3000}按规定完成经费任务。\r\n";
        assert_reports(text, &[("保持经费稳定增长,", WARNING)]);
        assert_eq!(
            safe_fixed(text),
            "按照要求,努力做好工作,保持经费稳定增长,按规定完成经费任务。\r\n"
        );
    }

    #[test]
    fn a_paragraph_that_breaks_off_before_a_new_block() {
        let text = "一、主要工作\n我们开展了培训,提高了职工素质,\n二、存在问题\n经费不足。\n";
        let finding = only(text);
        assert_eq!(
            finding.message,
            "paragraph breaks off mid-sentence, after `,`"
        );
        assert_reports(text, &[("提高了职工素质,", WARNING)]);
        assert!(finding.fix.is_none(), "the rest is lost, nothing to join");
        // The next document's title does not go on with the sentence either.
        assert_reports(
            "第一份工作总结\n今年,我们开展了培训,\n第二份工作总结\n今年,我们开展了竞赛。\n",
            &[("我们开展了培训,", WARNING)],
        );
    }

    #[test]
    fn titles_and_their_bodies_are_no_split() {
        assert_clean(
            "四、加大救助与帮扶工作力度,让广大职工共享经济社会发展成果\n\n争取县委、县政府支持,完成帮扶中心建设。\n",
        );
        assert_clean("(一)占补平衡情况\n今年,县委下达任务150亩,目前已完成153亩。\n");
        assert_clean(
            "Second, the work arrangements for the second half of the year\nBased on the principle of seeking truth from facts, complete the work.\n",
        );
    }

    #[test]
    fn numbered_items_and_semicolon_lists_are_no_split() {
        assert_clean(
            "1、招商引资:目标是200万元,现已完成128万元;\n2、争资立项:完成了全年任务;\n3、包联工作:确定了工作内容。\n",
        );
        assert_clean("我们抓好以下工作:加强学习,提高素质\n一是组织培训。\n二是开展竞赛。\n");
    }

    #[test]
    fn a_paragraph_that_lost_its_full_stop_before_one_that_opens_on_its_own() {
        assert_clean(
            "今年,我们开展了培训。职工素质明显提高,取得了良好效果\n\n下半年,我们将继续努力。\n",
        );
        assert_clean(
            "今年,我们开展了培训。职工素质明显提高,取得了良好效果\n\n2020年,我们将继续努力。\n",
        );
    }

    #[test]
    fn a_writer_who_never_closes_paragraphs_proves_nothing_by_it() {
        assert_clean(
            "今年,我们开展了培训。职工素质提高,效果良好\n\n职工队伍稳定,企业发展顺利\n\n工会组织健全,活动丰富\n\n明年,继续努力\n",
        );
    }

    #[test]
    fn hard_wrapped_lines_inside_a_paragraph_are_no_split() {
        assert_clean(
            "The office has done a great deal of work to improve\nthe quality of official documents and to serve\nthe leaders well.\n\nWe held many meetings.\n",
        );
    }
}

mod orphan_fragments {
    use super::*;

    #[test]
    fn a_stray_full_stop_leaves_an_orphan_before_a_connective() {
        let text = "二、抓维权\n维权是工会的重要工作。针对突出问题,我们通过推行平等协商、集体。\n合同。\n以及职代会制度和送温暖活动,维护职工的合法权益。\n";
        assert_reports(text, &[("集体。", WARNING), ("合同。", WARNING)]);
        let (_, findings) = lint(text);
        assert_eq!(
            findings[0].message,
            "stray full stop and line break split a sentence: `集体。` goes on with `合同。` on the next line"
        );
        assert_eq!(
            findings[1].message,
            "orphan fragment `合同。` belongs to the sentence before it"
        );
        assert_eq!(
            findings[0].fix.as_ref().unwrap().applicability,
            Applicability::Unsafe
        );
        let fixed = unsafe_fixed(text);
        assert_eq!(
            fixed,
            "二、抓维权\n维权是工会的重要工作。针对突出问题,我们通过推行平等协商、集体合同以及职代会制度和送温暖活动,维护职工的合法权益。\n"
        );
        assert_settles(&fixed);
        assert_eq!(safe_fixed(text), text);
    }

    #[test]
    fn a_stub_item_rejoined_with_a_comma_before_an_example() {
        let text = "二、完善制度\n1、建立工会干部档案。\n2、建立健全工会各项。\n规章制度。\n如:工作职责、汇报制度等。\n";
        assert_reports(
            text,
            &[("建立健全工会各项。", WARNING), ("规章制度。", WARNING)],
        );
        assert_eq!(
            unsafe_fixed(text),
            "二、完善制度\n1、建立工会干部档案。\n2、建立健全工会各项规章制度，如:工作职责、汇报制度等。\n"
        );
    }

    #[test]
    fn short_lines_that_stand_on_their_own_are_no_orphans() {
        assert_clean(
            "工会是党联系职工群众的桥梁。下面是小编整理的工作总结。\n欢迎阅读。\n党领导下的工会工作取得了新的进展。\n",
        );
        assert_clean(
            "我们开展了平等协商、集体。\n合同签订和工资协商工作。\n以及职代会制度建设。\n",
        );
    }

    #[test]
    fn the_longest_orphan_is_an_option() {
        let text = "我们通过推行平等协商、集体。\n合同。\n以及职代会制度和送温暖活动。\n";
        assert_reports(text, &[("集体。", WARNING), ("合同。", WARNING)]);
        let options = TruncationOptions {
            max_fragment_chars: 1,
            ..TruncationOptions::default()
        };
        assert_reports_with(text, options, &[]);
    }
}

mod document_ends {
    use super::*;

    #[test]
    fn a_document_that_ends_after_a_comma_or_an_enumeration_mark() {
        let text =
            "工作总结\n今年,我们认真开展工作,取得了成绩。\n下一步,我们将继续努力,加强学习,\n";
        assert_reports(text, &[("加强学习,", WARNING)]);
        assert_eq!(only(text).message, "document ends mid-sentence, after `,`");
        assert_reports(
            "工作总结\n今年,我们开展了培训、竞赛、\n",
            &[("我们开展了培训、竞赛、", WARNING)],
        );
        assert_reports(
            "工作总结\n现将上半年工作情况汇报如下:\n",
            &[("现将上半年工作情况汇报如下:", WARNING)],
        );
        assert_reports(
            "Summary\nThe office did the following: held meetings; wrote reports;\n",
            &[("wrote reports;", WARNING)],
        );
    }

    #[test]
    fn a_document_that_ends_without_any_mark_is_reported_one_level_lower() {
        let text = "工作总结\n今年,我们认真开展工作,取得了成绩。\n下一步,我们将继续努力加强学习\n";
        assert_reports(text, &[("我们将继续努力加强学习", INFO)]);
        assert_eq!(
            only(text).message,
            "document ends without a closing mark: its last sentence may be cut off"
        );
        assert_reports(
            "Summary\n\nWe held meetings.\n\nIn 2020 we will continue to work hard\n",
            &[("we will continue to work hard", INFO)],
        );
    }

    #[test]
    fn signatures_dates_links_and_stray_marks_are_passed_over() {
        assert_clean(
            "工作总结\n今年,我们认真开展工作,取得了成绩。\n\nXX镇工会\n二〇一九年十二月三十日\n",
        );
        assert_clean(
            "工作总结\n今年,我们认真开展工作,取得了成绩。\n来源:网络整理,如有侵权请联系删除。\n相关阅读\n最近更新\nhttp://m.example.net/gongwen/1.html\n",
        );
        assert_clean("Summary\nWe held meetings and truly activated the \"123 Project\".\n;");
        assert_clean(
            "Summary\n\nWe held meetings.\n\nForestry Bureau of Lincang City\n\nDecember 30, 2020\n",
        );
        assert_clean("工作总结\n一、加强学习\n二、完善制度\n三、强化考核\n");
    }

    #[test]
    fn every_document_in_a_file_is_checked() {
        assert_reports(
            "第一份工作总结\n今年,我们开展了培训,取得了成绩。\n\n第二份工作总结\n今年,我们开展了竞赛,取得了\n",
            &[("我们开展了竞赛,取得了", INFO)],
        );
    }
}

mod empty_sections {
    use super::*;

    #[test]
    fn a_heading_followed_by_the_next_heading() {
        let text =
            "工作总结\n一、主要工作\n今年开展了培训。\n二、存在问题\n三、下一步打算\n加强学习。\n";
        assert_reports(text, &[("二、存在问题", WARNING)]);
        let finding = only(text);
        assert_eq!(
            finding.message,
            "section `存在问题` is empty: the next heading follows right after it"
        );
        assert!(finding.fix.is_none());
    }

    #[test]
    fn a_heading_at_the_end_of_the_document() {
        let text = "工作总结\n一、主要工作\n今年开展了培训。\n二、下一步打算\n";
        assert_reports(text, &[("二、下一步打算", WARNING)]);
        assert_eq!(
            only(text).message,
            "section `下一步打算` is empty: the document ends right after its heading"
        );
        assert_reports(
            "First, main work\nWe held meetings.\nSecond, problems\nThird, plans\nWe will work hard.\n",
            &[("Second, problems", WARNING)],
        );
    }

    #[test]
    fn subsections_and_run_in_bodies_are_content() {
        assert_clean("一、主要工作\n（一）组织建设\n新建工会12家。\n二、存在问题\n经费不足。\n");
        assert_clean("一、主要工作。今年开展了培训。\n二、存在问题。经费不足。\n");
        assert_clean("(一)开展定向帮扶20人\n一是走访困难职工。\n二是发放慰问金。\n");
    }

    #[test]
    fn lists_of_short_items_are_no_empty_sections() {
        assert_clean("下步主要工作:\n1、抓好工会全面建设。\n2、组织一次工会干部上岗培训。\n");
        assert_clean("一、加强学习\n二、完善制度\n三、强化考核\n");
        assert_clean(
            "一、主要工作\n今年开展了培训。\n二、下一步打算\n1、加强学习\n2、完善制度\n3、强化考核\n4、做好服务\n",
        );
    }

    #[test]
    fn can_be_switched_off() {
        let options = TruncationOptions {
            empty_sections: false,
            ..TruncationOptions::default()
        };
        assert_reports_with(
            "工作总结\n一、主要工作\n今年开展了培训。\n二、存在问题\n三、下一步打算\n加强学习。\n",
            options,
            &[],
        );
    }
}

mod document_starts {
    use super::*;

    #[test]
    fn a_document_that_starts_mid_content_after_another_closed() {
        let text = "总之,我镇工会工作取得了一定成绩,为经济发展作出了贡献。\n为确实有效提高工会的凝聚力,把热爱工会工作的同志选进工会,配备了专职人员。\n";
        assert_reports(text, &[("为确实有效提高工会的凝聚力", WARNING)]);
        let finding = only(text);
        assert_eq!(
            finding.message,
            "document starts mid-content: the paragraph before closes a document, and this one opens none"
        );
        assert_eq!(finding.labels[0].message, "a document closes here");
        assert_reports(
            "In a word, we made progress this year.\nOrganize division of labor, study and implement the spirit of the meeting.\n",
            &[("Organize division of labor", WARNING)],
        );
    }

    #[test]
    fn an_opening_a_title_or_a_label_after_a_closing_is_fine() {
        let closing = "总之,我镇工会工作取得了一定成绩,为经济发展作出了贡献。\n";
        for next in [
            "一年来,我乡工会在乡党委领导下开展工作。",
            "xx镇文体广电站在上级文化部门的大力支持和重视下,开展了工作。",
            "20xx年,新丰镇紧紧围绕生态文明乡村建设主线开展工作。",
            "版权声明:此文自动收集于网络,若有侵权请联系。",
            "开鲁县总工会工作汇报",
            "二、下半年工作打算",
        ] {
            assert_clean(&format!("{closing}{next}\n"));
        }
        assert_clean(
            "In a word, we made progress this year.\nSummary of the work of the office 3. It is our responsibility.\n",
        );
    }

    #[test]
    fn more_closings_are_an_option() {
        let text = "最后,我们取得了一定成绩。\n为确实有效提高工会的凝聚力,配备了专职人员。\n";
        assert_clean(text);
        let options = TruncationOptions {
            closings: vec!["最后".to_owned()],
            ..TruncationOptions::default()
        };
        assert_reports_with(text, options, &[("为确实有效提高工会的凝聚力", WARNING)]);
        let options = TruncationOptions {
            closings: vec!["最后".to_owned()],
            openings: vec!["为确实".to_owned()],
            ..TruncationOptions::default()
        };
        assert_reports_with(text, options, &[]);
    }

    #[test]
    fn a_word_cut_at_the_very_start() {
        let text = "结是对一年工作的回顾,我们认真开展了工作。\n";
        assert_reports(text, &[("结是", INFO)]);
        assert_eq!(
            only(text).message,
            "document starts with `结是`: the first word seems cut off"
        );
        assert_reports("志们,大家好。今年我们开展了工作。\n", &[("志们", INFO)]);
        assert_reports(",我们认真开展了工作。\n", &[(",", WARNING)]);
        assert_reports("”活动取得了成功。\n", &[("”", WARNING)]);
        assert_reports(
            "ork summary of the office. We did well.\n",
            &[("ork", INFO)],
        );
    }

    #[test]
    fn whole_words_at_the_start_are_fine() {
        assert_clean("这是对一年工作的回顾。\n");
        assert_clean("我们认真开展了工作。\n");
        assert_clean("同志们,大家好。\n");
        assert_clean("一是加强学习。\n");
        assert_clean("xx County Trade Union summary. We did well.\n");
        assert_clean("iPhone sales grew. We did well.\n");
        assert_clean("\"Eleventh Five-Year Plan\" work went well.\n");
    }

    #[test]
    fn a_year_whose_opening_phrase_was_cut() {
        let text = "20xx在市总工会的领导下,坚持以科学发展观为指导。\n";
        assert_reports(text, &[("20xx在", WARNING)]);
        assert_eq!(
            only(text).message,
            "year `20xx` is not followed by `年`: the opening phrase is cut"
        );
        assert_eq!(
            unsafe_fixed(text),
            "20xx年在市总工会的领导下,坚持以科学发展观为指导。\n"
        );
        assert_reports("2019在上级工会的指导下开展工作。\n", &[("2019在", WARNING)]);
        let garbled = only("2__20__在市总工会的领导下开展工作。\n");
        assert!(garbled.fix.is_none(), "no `年` for a garbled year");
    }

    #[test]
    fn years_with_their_unit_are_fine() {
        assert_clean("20xx年,我镇工会开展了工作。\n");
        assert_clean("2019年在市总工会的领导下开展工作。\n");
        assert_clean("20xx届毕业生参加了培训。\n");
        assert_clean("2019名职工参加了培训。\n");
        assert_clean("2000元慰问金已发放到位。\n");
    }

    #[test]
    fn a_sentence_that_stops_right_after_a_year() {
        let text = "工会是职工之家。下面是小编搜集整理的乡镇工会2019。欢迎阅读。\n";
        assert_reports(text, &[("乡镇工会2019。", WARNING)]);
        assert_eq!(
            only(text).message,
            "sentence stops right after the year `2019`: the words after it are cut off"
        );
        assert_clean("工会成立于2019年。\n");
        assert_clean("The plan ends in 2019.\n");
        assert_clean("全年共发放慰问金12019。\n");
    }
}

mod options_and_registration {
    use super::*;

    #[test]
    fn options_are_kebab_case_and_strict() {
        let options: TruncationOptions = serde_json::from_str(
            r#"{"empty-sections": false, "max-fragment-chars": 4, "closings": ["最后"], "openings": ["为认真贯彻"]}"#,
        )
        .unwrap();
        assert!(!options.empty_sections);
        assert_eq!(options.max_fragment_chars, 4);
        assert_eq!(options.closings, ["最后"]);
        assert_eq!(options.openings, ["为认真贯彻"]);
        let defaults: TruncationOptions = serde_json::from_str("{}").unwrap();
        assert!(defaults.empty_sections);
        assert_eq!(defaults.max_fragment_chars, 6);
        assert!(serde_json::from_str::<TruncationOptions>(r#"{"empty_sections": false}"#).is_err());
    }

    #[test]
    fn invalid_options_are_refused() {
        let error = |options| Truncation::from_options(options).expect_err("options are invalid");
        assert_eq!(
            error(TruncationOptions {
                max_fragment_chars: 0,
                ..TruncationOptions::default()
            }),
            "`max-fragment-chars` must be between 1 and 20, not 0"
        );
        assert_eq!(
            error(TruncationOptions {
                closings: vec![" ".to_owned()],
                ..TruncationOptions::default()
            }),
            "`closings` and `openings` may not contain empty phrases"
        );
    }

    #[test]
    fn the_rule_registers_with_its_metadata() {
        let mut registry = Registry::new();
        redline_rules_truncation::register(&mut registry);
        let registered = registry.get("truncation").expect("registered");
        assert_eq!(registered.meta.default_severity, WARNING);
        assert!(registered.meta.recommended && registered.meta.fixable);
        let rule = Truncation::from_options(TruncationOptions::default()).unwrap();
        assert_eq!(rule.meta().id, "truncation");
        let docs = Truncation::META.docs_markdown();
        assert!(docs.contains("## What fires") && docs.contains("## Options"));
    }

    #[test]
    fn an_empty_or_blank_document_has_nothing_to_report() {
        assert_clean("");
        assert_clean("\n\n  \n");
        assert_clean("。\n;\n");
    }
}

mod robustness {
    use super::*;

    /// Pieces that exercise every check, glued in pseudo-random order.
    const PIECES: &[&str] = &[
        "。",
        "，",
        ",",
        "、",
        "“",
        "”",
        "\"",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "一、",
        "1、",
        "(一)",
        "一是",
        "20xx",
        "2019",
        "2__20__",
        "年",
        "在",
        "总之,",
        "结是",
        "们",
        "合同",
        "以及",
        "如:",
        "集体",
        "工作总结",
        "the ",
        "of ",
        "ork ",
        "Second, ",
        ";",
        ":",
        "（",
        "）",
        "\u{3000}",
        " ",
        "x",
        "http://a.cn",
        "…",
        "！",
        "?",
        "民",
        "我们开展了培训",
    ];

    /// A small deterministic generator, so failures reproduce.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn odd_texts_neither_panic_nor_produce_broken_fixes() {
        let mut state = 0x2545_f491_4f6c_dd1d;
        let (mut reported, mut fixable) = (0, 0);
        for _ in 0..3000 {
            let length = 1 + next(&mut state) % 24;
            let text: String = (0..length)
                .map(|_| PIECES[(next(&mut state) % PIECES.len() as u64) as usize])
                .collect();
            let (source, findings) = lint(&text);
            reported += findings.len();
            for finding in &findings {
                assert!(
                    source.text().get(finding.span.range()).is_some(),
                    "span off a character boundary in {text:?}: {finding:#?}"
                );
                if let Some(fix) = &finding.fix {
                    // Each fix applies on its own; the engine keeps
                    // overlapping fixes of different findings apart.
                    let _ = apply_edits(&text, fix.edits.iter());
                    fixable += 1;
                }
            }
        }
        eprintln!("{reported} findings, {fixable} with fixes");
        assert!(
            reported > 1000 && fixable > 200,
            "the texts exercise too little"
        );
    }
}
