//! The `punctuation` rule end to end: what fires, at which characters, at
//! which severity, with which fix, and what does not fire.

use redline_core::{Applicability, DeclaredRule, Finding, Registry, Severity, SourceFile};
use redline_rules_punctuation::{Punctuation, PunctuationOptions, Report};

const ERROR: Severity = Severity::Error;
const WARNING: Severity = Severity::Warning;
const INFO: Severity = Severity::Info;

fn rule_with(report: Report) -> Punctuation {
    Punctuation::from_options(PunctuationOptions { report }).expect("options are valid")
}

fn lint_by(rule: &Punctuation, text: &str) -> (SourceFile, Vec<Finding>) {
    redline_testing::check(rule, WARNING, text)
}

fn lint(text: &str) -> Vec<Finding> {
    lint_by(&rule_with(Report::PerLine), text).1
}

/// The matched text and severity of every finding, in order.
fn reported(text: &str) -> Vec<(String, Severity)> {
    lint(text)
        .into_iter()
        .map(|finding| (text[finding.span.range()].to_owned(), finding.severity))
        .collect()
}

#[track_caller]
fn assert_reports(text: &str, expected: &[(&str, Severity)]) {
    let expected: Vec<(String, Severity)> = expected
        .iter()
        .map(|&(matched, severity)| (matched.to_owned(), severity))
        .collect();
    assert_eq!(reported(text), expected, "in {text:?}");
}

#[track_caller]
fn assert_clean(text: &str) {
    assert_eq!(reported(text), [], "in {text:?}");
}

/// The only finding of `text`.
#[track_caller]
fn only(text: &str) -> Finding {
    let mut findings = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    findings.remove(0)
}

/// `text` after the safe fixes, as `--fix` leaves it.
fn fixed_safely(text: &str) -> String {
    let safe: Vec<Finding> = lint(text)
        .into_iter()
        .filter(|finding| {
            finding
                .fix
                .as_ref()
                .is_some_and(|fix| fix.applicability == Applicability::Safe)
        })
        .collect();
    redline_testing::apply_fixes(text, &safe)
}

/// `text` after every fix, unsafe ones included.
fn fixed_all(text: &str) -> String {
    redline_testing::apply_fixes(text, &lint(text))
}

fn applicability(finding: &Finding) -> Option<Applicability> {
    finding.fix.as_ref().map(|fix| fix.applicability)
}

mod ascii_marks_in_chinese_text {
    use super::*;

    #[test]
    fn a_colon_between_han_characters() {
        let text = "工作目标:认真学习";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], ":");
        assert_eq!(finding.severity, WARNING);
        assert_eq!(finding.rule, "punctuation");
        assert_eq!(
            finding.message,
            "1 ASCII punctuation mark in Chinese text on this line (1×':')"
        );
        assert_eq!(
            finding.help.as_deref(),
            Some("write the full-width forms ： in Chinese text")
        );
        assert_eq!(applicability(&finding), Some(Applicability::Safe));
        assert_eq!(fixed_safely(text), "工作目标：认真学习");
    }

    #[test]
    fn a_line_gets_one_finding_at_its_first_mark_counting_them_all() {
        let text = "镇工会在镇党委领导下,在上级工会指导下,按照工作计划:一是完善制度;二是加强管理。";
        let finding = only(text);
        assert_eq!(finding.span.start, text.find(',').unwrap());
        assert_eq!(finding.span.len(), 1);
        assert_eq!(
            finding.message,
            "4 ASCII punctuation marks in Chinese text on this line (2×',', 1×':', 1×';')"
        );
        assert_eq!(
            finding.help.as_deref(),
            Some("write the full-width forms ，：； in Chinese text")
        );
        assert_eq!(
            fixed_safely(text),
            "镇工会在镇党委领导下，在上级工会指导下，按照工作计划：一是完善制度；二是加强管理。"
        );
    }

    #[test]
    fn every_line_is_reported_on_its_own() {
        let text = "第一行,内容\n第二行:内容;更多\n";
        let (source, findings) = lint_by(&rule_with(Report::PerLine), text);
        let places: Vec<(usize, usize, String)> = findings
            .iter()
            .map(|finding| {
                let at = source.line_col(finding.span.start);
                (at.line, at.column, finding.message.clone())
            })
            .collect();
        assert_eq!(
            places,
            [
                (
                    1,
                    4,
                    "1 ASCII punctuation mark in Chinese text on this line (1×',')".to_owned()
                ),
                (
                    2,
                    4,
                    "2 ASCII punctuation marks in Chinese text on this line (1×':', 1×';')"
                        .to_owned()
                ),
            ]
        );
        assert_eq!(fixed_safely(text), "第一行，内容\n第二行：内容；更多\n");
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_reported_line_by_line() {
        let text = "一年来,我们做了大量工作,\n取得了成绩;也有不足。\n\n下一段,开始。\n";
        assert_reports(text, &[(",", WARNING), (";", WARNING), (",", WARNING)]);
        assert_eq!(
            fixed_safely(text),
            "一年来，我们做了大量工作，\n取得了成绩；也有不足。\n\n下一段，开始。\n"
        );
    }

    #[test]
    fn each_mark_on_its_own_when_asked() {
        let text = "工作目标:认真学习,深入贯彻";
        let (_, findings) = lint_by(&rule_with(Report::Each), text);
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            ["ASCII `:` in Chinese text", "ASCII `,` in Chinese text"]
        );
        assert_eq!(findings[1].help.as_deref(), Some("write `，`"));
        assert_eq!(
            redline_testing::apply_fixes(text, &findings),
            "工作目标：认真学习，深入贯彻"
        );
    }

    #[test]
    fn question_and_exclamation_marks_and_a_final_full_stop() {
        assert_eq!(fixed_safely("是吗?好!"), "是吗？好！");
        assert_eq!(fixed_safely("工作完成了."), "工作完成了。");
        assert_eq!(fixed_safely("工作完成了. 下一步"), "工作完成了。 下一步");
        assert_eq!(
            only("是吗?好!").message,
            "2 ASCII punctuation marks in Chinese text on this line (1×'?', 1×'!')"
        );
    }

    #[test]
    fn a_bracket_pair_is_converted_whole() {
        let text = "调查(2019年)显示";
        assert_eq!(
            only(text).message,
            "2 ASCII punctuation marks in Chinese text on this line (1×'(', 1×')')"
        );
        assert_eq!(fixed_safely(text), "调查（2019年）显示");
        assert_eq!(fixed_safely("(一)加强组织建设"), "（一）加强组织建设");
        // Half of the pair already full-width.
        assert_eq!(fixed_safely("（一)加强组织建设"), "（一）加强组织建设");
        assert_eq!(fixed_safely("见附件(第三页）"), "见附件（第三页）");
    }

    #[test]
    fn brackets_touching_no_chinese_text_are_left_alone() {
        // Neither bracket of `(2)5月初` touches a Han character.
        let text = "(2)5月初,县总工会开展活动";
        let finding = only(text);
        assert_eq!(finding.span.start, text.find(',').unwrap());
        assert_eq!(fixed_safely(text), "(2)5月初，县总工会开展活动");
    }

    #[test]
    fn a_mark_touching_chinese_text_on_one_side_only() {
        assert_eq!(
            fixed_safely("截至2019,我们完成了任务"),
            "截至2019，我们完成了任务"
        );
        assert_eq!(
            fixed_safely("通过ISO9001:质量体系认证"),
            "通过ISO9001：质量体系认证"
        );
        assert_eq!(
            fixed_safely("开展“和谐企业”,创建活动"),
            "开展“和谐企业”，创建活动"
        );
    }

    #[test]
    fn a_url_does_not_make_a_chinese_line_english() {
        let text = "本文地址:https://www.example.com/fanwen/gongzuozongjie/290089.html";
        let finding = only(text);
        assert_eq!(finding.span.start, text.find(':').unwrap());
        assert_eq!(
            fixed_safely(text),
            "本文地址：https://www.example.com/fanwen/gongzuozongjie/290089.html"
        );
    }

    #[test]
    fn english_inside_chinese_keeps_its_marks() {
        let text = "他用英语说:Hello, world. 然后离开";
        assert_reports(text, &[(":", WARNING)]);
        assert_eq!(fixed_safely(text), "他用英语说：Hello, world. 然后离开");
    }

    #[test]
    fn numbers_times_ranges_urls_and_latin_runs_are_left_alone() {
        assert_clean("会议于21:34:39结束");
        assert_clean("增长了3.5%");
        assert_clean("共有1,000人参加");
        assert_clean("7-9月开展活动");
        assert_clean("每年开展2—3次活动");
        assert_clean("访问http://www.example.com/a?b=1&c=2了解详情");
        assert_clean("使用Windows XP,Office办公");
        assert_clean("通过iso9000认证");
        assert_clean("推行“3+1”模式");
        assert_clean("2019.05.26");
    }
}

mod ascii_quotes {
    use super::*;

    #[test]
    fn paired_ascii_quotes_become_chinese_quotation_marks() {
        let text = "参加了\"三下乡\"大型科普活动";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "\"");
        assert_eq!(finding.span.start, text.find('"').unwrap());
        assert_eq!(
            finding.message,
            "2 ASCII double quotes used as Chinese quotation marks"
        );
        assert_eq!(finding.help.as_deref(), Some("write `“ ”` in Chinese text"));
        assert_eq!(fixed_safely(text), "参加了“三下乡”大型科普活动");
    }

    #[test]
    fn quotes_and_marks_of_one_line_are_two_findings() {
        let text = "参加了\"三下乡\"活动,效果很好";
        assert_reports(text, &[("\"", WARNING), (",", WARNING)]);
        assert_eq!(fixed_safely(text), "参加了“三下乡”活动，效果很好");
    }

    #[test]
    fn each_quote_on_its_own_when_asked() {
        let text = "参加了\"三下乡\"活动";
        let (_, findings) = lint_by(&rule_with(Report::Each), text);
        assert_eq!(findings.len(), 2);
        assert_eq!(
            findings[0].message,
            "ASCII double quote used as a Chinese quotation mark"
        );
        assert_eq!(
            redline_testing::apply_fixes(text, &findings),
            "参加了“三下乡”活动"
        );
    }

    #[test]
    fn an_odd_count_blames_the_doubled_quote_and_fixes_nothing() {
        let text = "开展\"送温暖\"活动,邀请\"土专家\"\"、\"田秀才\"参加";
        assert_reports(text, &[("\"", WARNING), (",", WARNING), ("\"\"", WARNING)]);
        let findings = lint(text);
        assert_eq!(
            findings[0].message,
            "7 ASCII double quotes used as Chinese quotation marks"
        );
        assert!(
            findings[0].fix.is_none(),
            "unpaired quotes are not converted"
        );
        assert_eq!(
            findings[2].message,
            "doubled ASCII quote `\"\"` leaves 7 quotes in this paragraph, one unmatched"
        );
        assert!(findings[2].fix.is_none());
        assert_eq!(
            fixed_safely(text),
            "开展\"送温暖\"活动，邀请\"土专家\"\"、\"田秀才\"参加"
        );
    }

    #[test]
    fn each_mode_leaves_the_blamed_quotes_to_their_own_finding() {
        let text = "邀请\"土专家\"\"、\"田秀才\"参加";
        let (_, findings) = lint_by(&rule_with(Report::Each), text);
        let found: Vec<(&str, &str)> = findings
            .iter()
            .map(|f| (&text[f.span.range()], f.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("\"", "ASCII double quote used as a Chinese quotation mark"),
                (
                    "\"\"",
                    "doubled ASCII quote `\"\"` leaves 5 quotes in this paragraph, one unmatched"
                ),
                ("\"", "ASCII double quote used as a Chinese quotation mark"),
                ("\"", "ASCII double quote used as a Chinese quotation mark"),
            ]
        );
        assert!(findings.iter().all(|f| f.fix.is_none()));
    }

    #[test]
    fn an_odd_count_without_a_doubled_quote_blames_the_last() {
        let text = "开展\"送温暖\"和\"献爱心活动";
        let findings = lint(text);
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[1].span.start, text.rfind('"').unwrap());
        assert_eq!(
            findings[1].message,
            "3 ASCII `\"` in this paragraph: one is unmatched"
        );
    }

    #[test]
    fn a_stray_apostrophe_in_chinese_text() {
        let text = "围绕党的'工作大局,突出工会维权职能";
        assert_reports(text, &[("'", WARNING), (",", WARNING)]);
        assert_eq!(
            lint(text)[0].message,
            "stray ASCII `'`: it has no partner in this paragraph"
        );
        assert_eq!(fixed_safely(text), "围绕党的'工作大局，突出工会维权职能");
    }

    #[test]
    fn paired_single_quotes_become_chinese_quotation_marks() {
        let text = "他说'好'就走了";
        assert_eq!(
            only(text).message,
            "2 ASCII single quotes used as Chinese quotation marks"
        );
        assert_eq!(fixed_safely(text), "他说‘好’就走了");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_clean("参观McDonald's店");
        assert_clean("参观women’s店");
    }
}

mod stray_dots {
    use super::*;

    #[test]
    fn a_dot_between_han_characters() {
        let text = "正确处理教职工的.利益关系";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], ".");
        assert_eq!(
            finding.message,
            "stray ASCII `.` between Chinese characters"
        );
        assert_eq!(applicability(&finding), Some(Applicability::Unsafe));
        assert_eq!(fixed_safely(text), text);
        assert_eq!(fixed_all(text), "正确处理教职工的利益关系");
    }

    #[test]
    fn decimals_and_dates_are_not_stray() {
        assert_clean("完成投资285.2万元");
        assert_clean("纪念5.12汶川地震");
        assert_clean("《决战精准扶贫·决胜全面小康》");
    }
}

mod doubled_marks {
    use super::*;

    #[test]
    fn a_doubled_mark_becomes_one() {
        let text = "完成任务。。下一步";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "。。");
        assert_eq!(finding.message, "doubled punctuation `。。`");
        assert_eq!(applicability(&finding), Some(Applicability::Safe));
        assert_eq!(fixed_safely(text), "完成任务。下一步");
        assert_eq!(fixed_safely("工作，，学习"), "工作，学习");
        assert_eq!(fixed_safely("一是组织、、二是宣传"), "一是组织、二是宣传");
    }

    #[test]
    fn doubled_ascii_marks_are_one_finding_fixed_to_full_width() {
        let text = "工作,,学习";
        assert_reports(text, &[(",,", WARNING)]);
        assert_eq!(fixed_safely(text), "工作，学习");
    }

    #[test]
    fn clashing_marks_keep_the_stronger_one_unsafely() {
        let text = "制定了实施方案;。";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], ";。");
        assert_eq!(finding.message, "clashing punctuation `;。`");
        assert_eq!(applicability(&finding), Some(Applicability::Unsafe));
        assert_eq!(fixed_safely(text), text);
        assert_eq!(fixed_all(text), "制定了实施方案。");
        // The line's other ASCII marks are still converted, and the fixes
        // do not overlap.
        let text = "卫生院积极开展技能比武,相继刊发;。";
        assert_reports(text, &[(",", WARNING), (";。", WARNING)]);
        assert_eq!(fixed_all(text), "卫生院积极开展技能比武，相继刊发。");
    }

    #[test]
    fn ellipses_dashes_and_combined_marks_are_not_doubled() {
        assert_clean("他说……然后离开");
        assert_clean("他——我们的书记");
        assert_clean("真的吗？！");
    }

    #[test]
    fn english_doubled_and_clashing_marks() {
        let text = "the office,, the team";
        assert_reports(text, &[(",,", WARNING)]);
        assert_eq!(fixed_safely(text), "the office, the team");
        assert_eq!(fixed_safely("It ended.."), "It ended.");
        let text = "the office,. the team";
        assert_eq!(only(text).message, "clashing punctuation `,.`");
        assert_eq!(fixed_all(text), "the office. the team");
    }

    #[test]
    fn english_abbreviations_and_ellipses_are_not_doubled() {
        assert_clean("Files, records, etc., were kept.");
        assert_clean("Wait... what happened?");
        assert_clean("Wait . . . then go.");
        assert_clean("Use std::fs for files.");
    }
}

mod layout {
    use super::*;

    #[test]
    fn a_full_stop_right_after_a_numbering_marker() {
        let text = "一、。加强学习";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "。");
        assert_eq!(
            finding.message,
            "`。` directly after the numbering marker `一、`"
        );
        assert_eq!(fixed_safely(text), "一、加强学习");
    }

    #[test]
    fn the_mark_after_a_marker_is_not_also_converted() {
        let text = "（1);加强学习";
        assert_reports(text, &[(")", WARNING), (";", WARNING)]);
        assert_eq!(fixed_safely(text), "（1）加强学习");
    }

    #[test]
    fn a_doubled_enumeration_comma() {
        let text = "1、、继续抓好卫生城的复验工作";
        let finding = only(text);
        assert_eq!(finding.span.start, "1、".len());
        assert_eq!(&text[finding.span.range()], "、");
        assert_eq!(
            finding.message,
            "`、` directly after the numbering marker `1、`"
        );
        assert_eq!(fixed_safely(text), "1、继续抓好卫生城的复验工作");
    }

    #[test]
    fn markers_with_their_own_comma_are_left_to_the_ascii_check() {
        assert_reports("(一)、加强农村生态文明建设", &[("(", WARNING)]);
        assert_reports("一是,进一步加强组织建设", &[(",", WARNING)]);
    }

    #[test]
    fn a_colon_may_follow_a_chapter_or_part_marker() {
        assert_clean("第一章：总则");
        assert_clean("第二部分：工作回顾");
    }

    #[test]
    fn a_line_of_dots_is_an_ellipsis_not_a_stray() {
        assert_clean("前文省略\n...\n后文继续");
        assert_clean("前文省略\n……\n后文继续");
    }

    #[test]
    fn a_line_with_nothing_but_a_full_stop() {
        let text = "工作圆满完成。\n。\n下一篇开始。\n";
        let finding = only(text);
        assert_eq!(finding.span.start, text.find("\n。").unwrap() + 1);
        assert_eq!(&text[finding.span.range()], "。");
        assert_eq!(finding.message, "line holds nothing but `。`");
        assert_eq!(applicability(&finding), Some(Applicability::Safe));
        assert_eq!(fixed_safely(text), "工作圆满完成。\n下一篇开始。\n");
    }

    #[test]
    fn a_lone_full_stop_after_an_unfinished_line_is_joined_to_it_unsafely() {
        let text = "工作圆满完成\n。\n";
        let finding = only(text);
        assert_eq!(applicability(&finding), Some(Applicability::Unsafe));
        assert_eq!(
            finding.help.as_deref(),
            Some("join it to the line before, or delete it")
        );
        assert_eq!(fixed_safely(text), text);
        assert_eq!(fixed_all(text), "工作圆满完成。\n");
    }

    #[test]
    fn a_lone_full_stop_inside_a_wrapped_paragraph() {
        let text = "一年来，我们认真学习。\n。\n继续推进工作。\n\n下一段。\n";
        let finding = only(text);
        assert_eq!(finding.span.start, text.find("\n。").unwrap() + 1);
        assert_eq!(
            fixed_safely(text),
            "一年来，我们认真学习。\n继续推进工作。\n\n下一段。\n"
        );
    }

    #[test]
    fn consecutive_lone_marks_are_all_deleted() {
        let text = "工作圆满完成。\n:\n.\n下一篇开始。";
        assert_reports(text, &[(":", WARNING), (".", WARNING)]);
        assert_eq!(fixed_safely(text), "工作圆满完成。\n下一篇开始。");
    }

    #[test]
    fn a_lone_semicolon_in_english() {
        let text = "The work is done.\n;\n";
        assert_reports(text, &[(";", WARNING)]);
        assert_eq!(fixed_safely(text), "The work is done.\n");
    }

    #[test]
    fn a_list_marker_that_lost_its_opening_bracket() {
        let text = "(2) Organize the meetings.\n3) Pay attention to feedback.\n(4) Strengthen publicity.\n";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "3)");
        assert_eq!(
            finding.message,
            "list marker `3)` has no opening bracket; the item next to it is `(2)`"
        );
        assert_eq!(applicability(&finding), Some(Applicability::Unsafe));
        assert_eq!(
            fixed_all(text),
            "(2) Organize the meetings.\n(3) Pay attention to feedback.\n(4) Strengthen publicity.\n"
        );
        assert_eq!(
            fixed_all("（2）加强学习。\n3）注重反馈。\n（4）强化宣传。\n"),
            "（2）加强学习。\n（3）注重反馈。\n（4）强化宣传。\n"
        );
    }

    #[test]
    fn lists_numbered_with_half_brackets_throughout_are_fine() {
        assert_clean(
            "1) Organize the meetings.\n2) Pay attention to feedback.\n3) Strengthen publicity.\n",
        );
    }
}

mod document_numbers {
    use super::*;

    #[test]
    fn ascii_brackets_around_the_year() {
        let text = "一是以办发[20__]17号文件调整委员会";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "[20__]");
        assert_eq!(
            finding.message,
            "document number brackets its year with `[]`"
        );
        assert_eq!(fixed_safely(text), "一是以办发〔20__〕17号文件调整委员会");
    }

    #[test]
    fn a_line_of_document_numbers_is_one_finding() {
        let text = "先后下发了护办发[]8号、护政办发[]3号等文件";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "[]");
        assert_eq!(finding.span.start, text.find('[').unwrap());
        assert_eq!(
            finding.message,
            "2 document numbers on this line bracket the year with `[]`"
        );
        assert_eq!(
            fixed_safely(text),
            "先后下发了护办发〔〕8号、护政办发〔〕3号等文件"
        );
    }

    #[test]
    fn round_brackets_in_a_document_number_are_not_converted_to_full_width_round_ones() {
        let text = "根据县政发(2019)12号文件";
        assert_reports(text, &[("(2019)", WARNING)]);
        assert_eq!(fixed_safely(text), "根据县政发〔2019〕12号文件");
        assert_eq!(
            fixed_safely("根据县政发【2019】12号文件"),
            "根据县政发〔2019〕12号文件"
        );
    }

    #[test]
    fn other_square_brackets_and_correct_numbers_are_left_alone() {
        assert_clean("见附件[1]");
        assert_clean("根据县政发〔2019〕12号文件");
        assert_clean("【2019】年度总结");
    }
}

mod title_marks {
    use super::*;

    #[test]
    fn single_title_marks_outside_double_ones_are_a_guess() {
        let text = "在单位推行职工〈代表〉大会制度";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "〈代表〉");
        assert_eq!(finding.severity, INFO);
        assert_eq!(
            finding.message,
            "single title marks in `〈代表〉` outside double title marks"
        );
        assert!(finding.fix.is_none());
    }

    #[test]
    fn nested_titles_are_correct() {
        assert_clean("印发《关于报送〈决战精准扶贫〉信息的通知》");
    }

    #[test]
    fn a_title_closed_twice() {
        let text = "印发《关于报送〈决战精准扶贫〉》工作简报信息稿件的通知》,对各部门";
        assert_reports(text, &[("》", WARNING), (",", WARNING)]);
        let finding = &lint(text)[0];
        assert_eq!(finding.span.start, text.rfind('》').unwrap());
        assert_eq!(
            finding.message,
            "`》` closes nothing: no opening mark before it in this paragraph"
        );
    }
}

mod unbalanced_pairs {
    use super::*;

    #[test]
    fn an_unclosed_quotation_mark_is_labelled() {
        let text = "把开展“和谐企业,创建活动作为重点";
        assert_reports(text, &[("“", WARNING), (",", WARNING)]);
        let finding = &lint(text)[0];
        assert_eq!(finding.message, "`“` is never closed in this paragraph");
        assert_eq!(finding.labels.len(), 1);
        assert_eq!(finding.labels[0].span, finding.span);
        assert_eq!(finding.labels[0].message, "opened here");
        assert!(finding.fix.is_none());
    }

    #[test]
    fn a_quotation_closed_with_a_second_opener() {
        let text = "促进了各行各业对除“四害“工作的重视";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "“四害“");
        assert_eq!(
            finding.message,
            "quotation opened with `“` is closed with another `“`"
        );
        let labels: Vec<(&str, &str)> = finding
            .labels
            .iter()
            .map(|label| (&text[label.span.range()], label.message.as_str()))
            .collect();
        assert_eq!(labels, [("“", "opened here"), ("“", "should be `”`")]);
        assert!(finding.fix.is_none());
    }

    #[test]
    fn brackets_of_every_kind() {
        assert_reports("（见附件", &[("（", WARNING)]);
        assert_reports("见附件）", &[("）", WARNING)]);
        assert_reports("【重要通知", &[("【", WARNING)]);
        assert_reports("他说‘好", &[("‘", WARNING)]);
        assert_clean("「引文」和『引文』");
        assert_clean("〔2019〕");
    }

    #[test]
    fn enumerators_are_not_closing_brackets() {
        assert_clean("1）加强学习");
        assert_reports("1)加强学习", &[(")", WARNING)]);
        assert_clean("We will 1) plan, 2) act and 3) review.");
        assert_clean("Great work :) thanks");
    }

    #[test]
    fn a_paragraph_broken_inside_a_quotation_is_left_to_the_truncation_rule() {
        assert_clean("深入开展了“加强企业工\n\n会建设，推进工资集体协商”百日攻坚行动");
    }

    #[test]
    fn a_quotation_over_several_paragraphs_reopens_each() {
        assert_clean("他说：“第一段。\n\n“第二段。”");
    }

    #[test]
    fn a_quotation_never_closed_in_the_next_paragraph_either() {
        let text = "他说：“第一段。\n\n第二段。";
        let finding = only(text);
        assert_eq!(finding.span.start, text.find('“').unwrap());
    }

    #[test]
    fn english_brackets() {
        let text = "Items (files, records, etc.). ) were filed.";
        let finding = only(text);
        assert_eq!(finding.span.start, text.rfind(')').unwrap());
    }

    #[test]
    fn english_straight_quotes_are_a_guess() {
        let text = "He said \"go home and left.";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "\"");
        assert_eq!(finding.severity, INFO);
        assert_clean("He bought a 5\" screen.");
        assert_clean("We built the \"123 Project\" last year.");
    }
}

mod english {
    use super::*;

    #[test]
    fn a_space_before_a_comma() {
        let text = "We finished the work , and then rested.";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], " ,");
        assert_eq!(finding.message, "space before `,`");
        assert_eq!(applicability(&finding), Some(Applicability::Safe));
        assert_eq!(fixed_safely(text), "We finished the work, and then rested.");
    }

    #[test]
    fn a_stray_mark_after_a_full_stop() {
        let text = "forests in Lincang. , and complete material writing.";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], ". ,");
        assert_eq!(finding.message, "stray `,` after `.`");
        assert_eq!(applicability(&finding), Some(Applicability::Unsafe));
        assert_eq!(fixed_safely(text), text);
        assert_eq!(
            fixed_all(text),
            "forests in Lincang. and complete material writing."
        );
    }

    #[test]
    fn a_missing_space_after_a_sentence() {
        let text = "We finished this year.The office grew.";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], ".");
        assert_eq!(finding.message, "missing space after `.`");
        assert_eq!(
            fixed_safely(text),
            "We finished this year. The office grew."
        );
    }

    #[test]
    fn decimals_abbreviations_list_numbers_and_hosts_need_no_space() {
        assert_clean("Output rose 3.5 percent.");
        assert_clean("See the list, e.g.The first one.");
        assert_clean("He joined the U.S.Army in spring.");
        assert_clean("1.The first item is done.");
        assert_clean("Visit www.Example.com today.");
        assert_clean("The time is 10:30 now.");
    }

    #[test]
    fn runs_of_spaces_between_words_are_a_guess() {
        let text = "the  office is open";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "  ");
        assert_eq!(finding.severity, INFO);
        assert_eq!(finding.message, "2 spaces between words");
        assert_eq!(fixed_safely(text), "the office is open");
    }

    #[test]
    fn two_spaces_after_a_sentence_indentation_and_line_ends_are_fine() {
        assert_clean("The work ended.  Next we rested.");
        assert_clean("    Indented text is fine.");
        assert_clean("Trailing spaces are fine.  \nNext line.");
    }

    #[test]
    fn empty_brackets_in_english_text() {
        let text = "The website () was launched.";
        let finding = only(text);
        assert_eq!(&text[finding.span.range()], "()");
        assert_eq!(finding.message, "empty brackets `()`");
        assert_eq!(applicability(&finding), Some(Applicability::Unsafe));
        assert_eq!(fixed_all(text), "The website was launched.");
        assert_clean("Call init() before use.");
        // The spaces before and inside the brackets go with them.
        let text = "The site  (  ) is new.";
        assert_reports(text, &[("(  )", WARNING)]);
        assert_eq!(fixed_all(text), "The site is new.");
        // In Chinese text an empty pair is an unfilled blank, the
        // `placeholder` rule's; only its ASCII form is converted here.
        assert_reports("网站“开鲁县总工会网”()日前开通", &[("(", WARNING)]);
    }

    #[test]
    fn chinese_words_in_english_text_keep_english_marks() {
        assert_clean("Beijing (北京) is the capital, and Shanghai (上海) is a port.");
    }

    #[test]
    fn english_checks_do_not_run_on_chinese_paragraphs() {
        assert_clean("工作  总结");
        assert_clean("工作总结 , 完成");
    }
}

mod configuration {
    use super::*;

    #[test]
    fn options_parse_from_toml() {
        let options: PunctuationOptions = toml::from_str("report = \"each\"").unwrap();
        assert_eq!(options.report, Report::Each);
        let options: PunctuationOptions = toml::from_str("").unwrap();
        assert_eq!(options.report, Report::PerLine);
        assert!(toml::from_str::<PunctuationOptions>("report = \"sometimes\"").is_err());
        assert!(toml::from_str::<PunctuationOptions>("reports = \"each\"").is_err());
    }

    #[test]
    fn severities_follow_the_configured_level() {
        let rule = rule_with(Report::PerLine);
        let (_, findings) =
            redline_testing::check(&rule, ERROR, "工作目标:认真学习。推行职工〈代表〉大会制度");
        let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
        assert_eq!(severities, [ERROR, WARNING]);
    }

    #[test]
    fn the_rule_is_registered_with_its_metadata() {
        let mut registry = Registry::new();
        redline_rules_punctuation::register(&mut registry);
        let registered = registry.get("punctuation").expect("registered");
        assert_eq!(registered.meta.default_severity, WARNING);
        assert!(registered.meta.recommended && registered.meta.fixable);
        let docs = registered.meta.docs_markdown();
        assert!(docs.contains("## What it does not flag"), "{docs}");
        assert!(docs.contains("report = \"each\""), "{docs}");
        let rule = registered
            .build(redline_core::RuleOptions::none())
            .expect("builds with defaults");
        assert_eq!(rule.meta().id, "punctuation");
    }
}

/// A mixed document, rendered: every finding with its place, text,
/// severity, message and fix, then the text after the safe fixes.
#[test]
fn a_mixed_document_renders_as_expected() {
    let text = "开鲁县总工会上半年工作总结\n\
一、。主要工作\n\
按照区、市总工会的工作部署和要求,根据工作目标:认真学习\"十五大\"精神。\n\
。\n\
以办发[2019]17号文件调整镇职工劳动竞赛委员会;。\n\
促进了对除“四害“工作的重视,推行职工〈代表〉大会制度。\n\
\n\
Summary of the office work\n\
We finished the work , and this year.The office  grew (a lot.\n";
    let (source, findings) = lint_by(&rule_with(Report::PerLine), text);
    let mut rendered: Vec<String> = findings
        .iter()
        .map(|finding| {
            let at = source.line_col(finding.span.start);
            let fix = match &finding.fix {
                Some(fix) => format!(" [{:?} fix]", fix.applicability),
                None => String::new(),
            };
            format!(
                "{}:{} {} `{}` {}{fix}",
                at.line,
                at.column,
                finding.severity,
                source.slice(finding.span),
                finding.message
            )
        })
        .collect();
    rendered.push(String::new());
    rendered.push(fixed_safely(text));
    insta::assert_snapshot!(rendered.join("\n"));
}

/// Random text made of the characters the rule cares about never makes it
/// panic, report a span off a character boundary, report a problem twice
/// or emit overlapping edits.
#[test]
fn random_text_keeps_spans_on_boundaries_and_edits_apart() {
    const ALPHABET: &[&str] = &[
        "工", "作", "一", "、", "，", "。", "；", "：", "（", "）", "“", "”", "‘", "’", "《", "》",
        "〈", "〉", "【", "】", "〔", "〕", ",", ".", ";", ":", "(", ")", "[", "]", "\"", "'", "?",
        "!", "1", "2", "a", "b", "T", " ", "  ", "\n", "\r\n", "\n\n", "…", "—", "http://", "www.",
        "号", "发", "20", "x", "_",
    ];
    let rule = rule_with(Report::PerLine);
    let each = rule_with(Report::Each);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..5000 {
        let len = (next() % 60) as usize;
        let text: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        for rule in [&rule, &each] {
            let (_, findings) = lint_by(rule, &text);
            for finding in &findings {
                assert!(
                    text.get(finding.span.range()).is_some(),
                    "span {:?} off a boundary in {text:?}",
                    finding.span
                );
            }
            let mut problems: Vec<_> = findings
                .iter()
                .map(|finding| (finding.span, &finding.message))
                .collect();
            problems.sort();
            problems.dedup();
            assert_eq!(
                problems.len(),
                findings.len(),
                "a problem is reported twice in {text:?}: {findings:#?}"
            );
            let mut edits: Vec<_> = findings
                .iter()
                .filter_map(|finding| finding.fix.as_ref())
                .flat_map(|fix| fix.edits.iter().map(|edit| edit.span()))
                .collect();
            edits.sort();
            for pair in edits.windows(2) {
                assert!(
                    pair[0].end <= pair[1].start,
                    "edits {:?} and {:?} overlap in {text:?}: {findings:#?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}
