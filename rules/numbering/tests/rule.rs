//! What `numbering` reports and what it leaves alone: the exact marker of
//! every finding, its severity and message, and the text its fix leaves.

use redline_core::{Applicability, DeclaredRule, Finding, Severity};
use redline_rules_numbering::{Numbering, NumberingOptions};

const WARNING: Severity = Severity::Warning;
/// Restarts are guesses: one severity below the configured warning.
const INFO: Severity = Severity::Info;

fn lint_with(options: NumberingOptions, text: &str) -> Vec<Finding> {
    let rule = Numbering::from_options(options).expect("options are valid");
    redline_testing::check(&rule, WARNING, text).1
}

fn lint(text: &str) -> Vec<Finding> {
    lint_with(NumberingOptions::default(), text)
}

/// The reported markers and severities, in order.
fn reported_with(options: NumberingOptions, text: &str) -> Vec<(String, Severity)> {
    lint_with(options, text)
        .iter()
        .map(|finding| (text[finding.span.range()].to_owned(), finding.severity))
        .collect()
}

#[track_caller]
fn assert_reports(text: &str, expected: &[(&str, Severity)]) {
    let expected: Vec<(String, Severity)> = expected
        .iter()
        .map(|&(marker, severity)| (marker.to_owned(), severity))
        .collect();
    assert_eq!(
        reported_with(NumberingOptions::default(), text),
        expected,
        "in {text:?}"
    );
}

#[track_caller]
fn assert_clean(text: &str) {
    assert_eq!(
        reported_with(NumberingOptions::default(), text),
        [],
        "in {text:?}"
    );
}

/// The message of the only finding in `text`.
#[track_caller]
fn message(text: &str) -> String {
    let findings = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    findings[0].message.clone()
}

/// `text` after applying every fix, all of which must be unsafe.
#[track_caller]
fn fixed(text: &str) -> String {
    let findings = lint(text);
    for finding in &findings {
        if let Some(fix) = &finding.fix {
            assert_eq!(fix.applicability, Applicability::Unsafe, "{finding:#?}");
        }
    }
    redline_testing::apply_fixes(text, &findings)
}

mod skipped_and_repeated {
    use super::*;

    const SKIPPED_HEADING: &str = "一、总体情况\n今年完成各项任务。\n二、主要做法\n加强领导。\n四、存在问题\n人员不足。\n五、下步打算\n继续努力。\n";

    #[test]
    fn a_skipped_chinese_heading() {
        assert_reports(SKIPPED_HEADING, &[("四、", WARNING)]);
        assert_eq!(
            message(SKIPPED_HEADING),
            "expected `三、` after `二、`, found `四、`"
        );
    }

    #[test]
    fn the_fix_renumbers_the_headings_that_follow() {
        assert_eq!(
            fixed(SKIPPED_HEADING),
            "一、总体情况\n今年完成各项任务。\n二、主要做法\n加强领导。\n三、存在问题\n人员不足。\n四、下步打算\n继续努力。\n"
        );
    }

    #[test]
    fn an_ordinal_used_twice() {
        let text = "4、开展培训。\n5、弘扬劳模精神。\n6、大力实施农牧民工培训工程。\n6、经济技术工作。\n7、加大宣传力度。\n";
        let text = &format!("1、工会组建。\n2、共同约定行动。\n3、文体活动。\n{text}");
        assert_reports(text, &[("6、", WARNING)]);
        let findings = lint(text);
        assert_eq!(
            findings[0].span.start,
            text.find("6、经济").unwrap(),
            "the second 6、 is the one at fault"
        );
        assert_eq!(
            findings[0].message,
            "expected `7、` after `6、`, found `6、`"
        );
        assert_eq!(
            fixed(text),
            text.replace("6、经济", "7、经济")
                .replace("7、加大", "8、加大")
        );
    }

    #[test]
    fn a_skipped_english_parenthesized_number() {
        let text = "(1) Make a plan.\n(2) Train the staff.\n(4) Report the results.\n";
        assert_reports(text, &[("(4)", WARNING)]);
        assert_eq!(message(text), "expected `(3)` after `(2)`, found `(4)`");
        assert_eq!(
            fixed(text),
            "(1) Make a plan.\n(2) Train the staff.\n(3) Report the results.\n"
        );
    }

    #[test]
    fn a_repeated_chinese_parenthesized_number() {
        let text =
            "(一)强化领导。\n(二)健全制度。\n(三)丰富内容。\n(三)创办专刊。\n(四)抓好质量。\n";
        assert_reports(text, &[("(三)", WARNING)]);
        assert_eq!(
            fixed(text),
            "(一)强化领导。\n(二)健全制度。\n(三)丰富内容。\n(四)创办专刊。\n(五)抓好质量。\n"
        );
    }

    #[test]
    fn an_english_enumeration_missing_its_third_item() {
        let text = "First, do a good job in official documents.\nThe second is to do a good job in coordination. Strive to improve the reception level. Fourth, do a good job in daily management.\n";
        assert_reports(text, &[("Fourth,", WARNING)]);
        assert_eq!(
            message(text),
            "expected `The third is` after `The second is`, found `Fourth,`"
        );
        assert_eq!(
            fixed(text),
            text.replace("Fourth, do", "Third, do"),
            "the fix keeps the marker's own form"
        );
    }

    #[test]
    fn a_chinese_enumeration_skipping_inside_a_paragraph() {
        let text = "一是加强领导。二是完善制度。四是强化考核。\n";
        assert_reports(text, &[("四是", WARNING)]);
        assert_eq!(message(text), "expected `三是` after `二是`, found `四是`");
        assert_eq!(fixed(text), "一是加强领导。二是完善制度。三是强化考核。\n");
    }

    #[test]
    fn an_enumeration_repeating_inside_a_paragraph() {
        let text = "存在的不足:一是档案不齐;二是覆盖面不广;三是数量不够;三是活动单一。\n";
        assert_reports(text, &[("三是", WARNING)]);
        assert_eq!(
            fixed(text),
            "存在的不足:一是档案不齐;二是覆盖面不广;三是数量不够;四是活动单一。\n"
        );
    }

    #[test]
    fn a_paragraph_per_item_enumeration_skipping() {
        let text = "一是组建工会。\n二是落实任务。\n三是签订合同。\n五是开展竞赛。\n";
        assert_reports(text, &[("五是", WARNING)]);
    }

    #[test]
    fn an_enumeration_goes_on_from_the_paragraph_that_opened_it() {
        // Items 一 to 三 share a paragraph; 四是 opens the next one.
        assert_clean("一是组建工会;二是落实任务;三是签订合同。\n四是开展竞赛。\n");
        assert_reports(
            "一是组建工会;二是落实任务;三是签订合同。\n五是开展竞赛。\n",
            &[("五是", WARNING)],
        );
    }

    #[test]
    fn numbering_that_goes_back() {
        let text = "1、甲项工作。\n2、乙项工作。\n3、丙项工作。\n2、丁项工作。\n";
        assert_reports(text, &[("2、", WARNING)]);
        assert_eq!(message(text), "expected `4、` after `3、`, found `2、`");
        assert_eq!(
            fixed(text),
            text,
            "no fix: the list may have lost its heading"
        );
    }
}

mod chapters {
    use super::*;

    #[test]
    fn a_skipped_chapter() {
        let text = "第一章 总则\n本办法适用于全镇。\n第二章 组织\n设立工会。\n第四章 附则\n自发布之日起施行。\n";
        assert_reports(text, &[("第四章", WARNING)]);
        assert_eq!(
            message(text),
            "expected `第三章` after `第二章`, found `第四章`"
        );
        assert_eq!(fixed(text), text.replace("第四章", "第三章"));
    }

    #[test]
    fn english_chapters_in_words() {
        let text = "Chapter One\nIntroduction.\nChapter Two\nMethods.\nChapter Two\nResults.\n";
        assert_reports(text, &[("Chapter Two", WARNING)]);
        assert_eq!(
            fixed(text),
            "Chapter One\nIntroduction.\nChapter Two\nMethods.\nChapter Three\nResults.\n"
        );
    }
}

mod starts_late {
    use super::*;

    #[test]
    fn a_top_level_list_without_its_first_heading() {
        let text = "基本情况段落,我镇已建工会13家。\n二、完成目标情况及主要做法。\n一是组建工会。\n三、存在的问题。\n";
        assert_reports(text, &[("二、", WARNING)]);
        let findings = lint(text);
        assert_eq!(findings[0].message, "expected `一、` first, found `二、`");
        assert_eq!(fixed(text), text);
    }

    #[test]
    fn an_english_list_without_its_first_item() {
        let text = "Summary of the work of the administrative office.\nSecond, the work arrangements for the second half of the year\nBased on the principle of seeking truth from facts.\n";
        assert_reports(text, &[("Second,", WARNING)]);
        assert_eq!(message(text), "expected `First,` first, found `Second,`");
    }

    #[test]
    fn a_first_item_run_on_in_the_previous_paragraph() {
        // `(1)` ends the paragraph of item 2、; `(2)` opens its own.
        assert_clean(
            "一、上半年主要工作\n1、工会组建工作。到5月底完成。\n2、开展共同约定行动。全球金融危机对企业造成影响。(1)3月份,召开会议。\n(2)5月初,开展调研。\n(3)结合创建活动。\n3、开展文体活动。\n",
        );
    }

    #[test]
    fn a_first_item_glued_to_its_heading() {
        assert_clean(
            "一、开展建功立业活动\n1、拓展劳动竞赛。\n2、开展安康杯竞赛。\n二、发挥大学校作用,提高职工素质1、推进职工书屋建设。\n2、深入推进职工培训。\n3、重点开展民主管理培训。\n",
        );
    }

    #[test]
    fn sub_items_numbered_on_across_sections() {
        assert_clean(
            "一、主要工作\n（一）宣传\n（二）培训\n二、下步打算\n（三）学习\n（四）制度\n",
        );
    }
}

mod restarts {
    use super::*;

    #[test]
    fn a_restart_without_a_heading_is_a_guess() {
        let text = "1、开展培训。\n2、组织比赛。\n3、慰问职工。\n1、加强学习。\n2、完善制度。\n";
        assert_reports(text, &[("1、", INFO)]);
        assert_eq!(message(text), "numbering restarts at `1、` after `3、`");
        assert_eq!(fixed(text), text);
    }

    #[test]
    fn a_restart_after_an_introduction_is_a_new_list() {
        assert_clean("1、开展培训。\n2、组织比赛。\n下步主要工作:\n1、加强学习。\n2、完善制度。\n");
        assert_clean(
            "1. Train the staff.\n2. Hold the contest.\nPlans for next year\n1. Study.\n2. Improve the rules.\n",
        );
    }

    #[test]
    fn a_restart_under_a_new_parent_is_correct() {
        let text = "First, careful arrangements.\n(1) Make a plan and refine the responsibilities.\n(2) Innovate forms.\nSecond, improve quality.\n(1) Make a plan and refine the responsibilities.\n(2) Standardize behavior.\n";
        assert_clean(text);
        assert_clean(
            "一、主要工作\n（一）宣传\n（二）培训\n二、下步打算\n（一）学习\n（二）制度\n",
        );
    }

    #[test]
    fn a_nested_enumeration_reusing_the_outer_markers() {
        let text = "一是开展劳动竞赛。二是积极开展学习培训,做到“五个结合”：一是学习理论;二是学习管理;三是学习文化。\n";
        assert_reports(text, &[("一是", INFO)]);
        let findings = lint(text);
        assert_eq!(
            findings[0].span.start,
            text.find("一是学习").unwrap(),
            "the run-on 一是 after the colon restarts the enumeration"
        );
    }

    #[test]
    fn an_enumeration_restarting_inside_a_paragraph() {
        assert_reports(
            "一是加强领导。二是完善制度。一是强化考核。\n",
            &[("一是", INFO)],
        );
    }

    #[test]
    fn restarts_can_be_switched_off() {
        let options = NumberingOptions {
            restarts: false,
            ..Default::default()
        };
        assert_eq!(
            reported_with(
                options,
                "1、开展培训。\n2、组织比赛。\n1、加强学习。\n2、完善制度。\n"
            ),
            []
        );
    }
}

mod mixed_styles {
    use super::*;

    #[test]
    fn letters_digits_and_half_parentheses_among_siblings() {
        let text = "(a) improve the service.\n(2) Carefully organize important meetings.\n3) Pay attention to supervision.\n(4) Strengthen publicity.\n";
        assert_reports(text, &[("(2)", WARNING), ("3)", WARNING)]);
        let findings = lint(text);
        assert_eq!(
            findings[0].message,
            "expected `(b)` after `(a)`, found `(2)` in a different marker style"
        );
        assert_eq!(
            fixed(text),
            "(a) improve the service.\n(b) Carefully organize important meetings.\n(3) Pay attention to supervision.\n(4) Strengthen publicity.\n"
        );
    }

    #[test]
    fn a_number_word_among_digits() {
        let text = "(1) Make a plan.\n(2) Innovate forms.\n(three) standardize behavior.\n(4) the goal is promoted.\n(5) frontline work.\n";
        assert_reports(text, &[("(three)", WARNING)]);
        assert_eq!(fixed(text), text.replace("(three)", "(3)"));
    }

    #[test]
    fn a_digit_among_number_words() {
        let text = "(a) implement the spirit.\n(two) carry out health activities.\n(three) complete the tasks.\n(4) The work of female workers:\n(five) the membership fees:\n";
        assert_reports(text, &[("(two)", WARNING), ("(4)", WARNING)]);
    }

    #[test]
    fn ordinal_words_and_number_words_at_the_top_level() {
        let text = "First, around the focus of work.\nTwo, careful arrangements.\nThird, improve quality.\n";
        assert_reports(text, &[("Two,", WARNING)]);
        assert_eq!(
            message(text),
            "expected `Second,` after `First,`, found `Two,` in a different marker style"
        );
        assert_eq!(fixed(text), text.replace("Two,", "Second,"));
    }

    #[test]
    fn a_run_of_number_words_is_restyled_at_once() {
        let text = "First, investigate.\nSecond, master the work.\nThird, be honest.\nFourth, do a good job.\nFive, prepare the congress.\nSix, housing reform.\n";
        assert_reports(text, &[("Five,", WARNING)]);
        assert_eq!(
            fixed(text),
            "First, investigate.\nSecond, master the work.\nThird, be honest.\nFourth, do a good job.\nFifth, prepare the congress.\nSixth, housing reform.\n"
        );
    }

    #[test]
    fn circled_and_dotted_digits_among_siblings() {
        let text = "1.加强领导。\n②完善制度。\n3.强化考核。\n";
        assert_reports(text, &[("②", WARNING)]);
        assert_eq!(
            message(text),
            "expected `2.` after `1.`, found `②` in a different marker style"
        );
        assert_eq!(fixed(text), "1.加强领导。\n2.完善制度。\n3.强化考核。\n");
    }

    #[test]
    fn a_circled_item_then_the_same_number_again() {
        let text = "1.加强领导。\n②完善制度。\n2.强化考核。\n";
        assert_reports(text, &[("②", WARNING), ("2.", WARNING)]);
    }

    #[test]
    fn ordinal_words_and_phrases_may_alternate() {
        assert_clean(
            "First, do a good job in documents.\nThe second is to coordinate.\nThird, organize meetings.\n",
        );
    }

    #[test]
    fn mixed_styles_can_be_switched_off() {
        let options = NumberingOptions {
            mixed_styles: false,
            ..Default::default()
        };
        assert_eq!(
            reported_with(options, "First, A.\nTwo, B.\nThird, C.\n"),
            []
        );
    }
}

mod hierarchy {
    use super::*;

    #[test]
    fn chinese_parentheses_nested_under_arabic_numbers() {
        let text = "一、总体情况\n1.加强领导\n（一）健全机构\n（二）明确分工\n2.完善制度\n";
        assert_reports(text, &[("（一）", WARNING)]);
        assert_eq!(
            message(text),
            "`（一）` is nested under `1.`: the hierarchy runs 一、 → （一） → 1. → （1）"
        );
        assert_eq!(fixed(text), text);
    }

    #[test]
    fn arabic_numbers_nested_under_parenthesized_ones() {
        let text = "一、总体情况\n（1）加强领导\n1.健全机构\n2.明确分工\n（2）完善制度\n";
        assert_reports(text, &[("1.", WARNING)]);
    }

    #[test]
    fn the_usual_order_and_skipped_levels_are_fine() {
        assert_clean(
            "一、总体情况\n（一）加强领导\n1.健全机构\n（1）成立小组\n（2）明确分工\n2.完善制度\n（二）强化考核\n二、下步打算\n",
        );
        assert_clean("一、总体情况\n1.健全机构\n2.明确分工\n二、下步打算\n（1）学习\n（2）制度\n");
    }

    #[test]
    fn unconfirmed_nesting_is_not_judged() {
        // The `1.` list never goes on, so `（一）` may start a new section.
        assert_clean("一、总体情况\n1.加强领导\n（一）健全机构\n（二）明确分工\n");
    }

    #[test]
    fn the_hierarchy_check_can_be_switched_off() {
        let options = NumberingOptions {
            hierarchy: false,
            ..Default::default()
        };
        assert_eq!(
            reported_with(
                options,
                "一、总体\n1.领导\n（一）机构\n（二）分工\n2.制度\n"
            ),
            []
        );
    }
}

mod leaves_alone {
    use super::*;

    #[test]
    fn a_second_level_first_under_a_letter() {
        let text = "First, around the focus of work, the role of the staff assistant is obvious.\nIn 20xx, the office focused on the idea.\n(a) improve the comprehensive service.\nFirst, do a good job in the operation of official documents.\nThe second is to do a good job in organization.\n(b) Carefully organize important meetings.\nSecond, improve quality and standardize daily operations.\n";
        assert_clean(text);
    }

    #[test]
    fn items_run_on_in_one_paragraph() {
        assert_clean(
            "一、上半年主要工作\n完成各项任务。\n二、下半年重点工作\n1、完成帮扶中心建设。2、组织乒乓球比赛。3、组织读书竞赛。4、做好走访慰问。5、加强规范化建设。\n6、组织业务知识培训。\n",
        );
    }

    #[test]
    fn an_enumeration_item_after_a_comma() {
        assert_clean(
            "一是深入推进环境整治,整治村庄26个,二是扎实推进环境保护。三是推进社区建设。\n",
        );
    }

    #[test]
    fn an_enumeration_starting_after_a_colon() {
        assert_clean(
            "We focus on three links: First, we have established the system. The second is to solve the difficult problems. The third is to serve.\n",
        );
        assert_clean("开展了三项工作:一是加强领导;二是完善制度;三是强化考核。\n");
    }

    #[test]
    fn numbers_that_are_not_markers() {
        assert_clean("分别获得第六、四、五名。\n增长1.5倍,完成2.3万元。\n");
        assert_clean("Summary of the work of the administrative office 3 1. It is our duty.\n");
    }

    #[test]
    fn every_document_of_a_file_is_judged_on_its_own() {
        assert_clean(
            "甲镇工会工作总结\n一、组织建设\n新建工会6家。\n二、维权工作\n签订合同。\n乙镇工会工作总结\n一、宣传工作\n开展宣传。\n二、培训工作\n培训干部。\n",
        );
    }

    #[test]
    fn a_nested_list_whose_first_item_runs_on_in_its_parent() {
        // `①` ends the paragraph of item `1.`; `②` is its second sub-item,
        // not a circled sibling of `1.`.
        assert_clean("1.加强领导,具体做到:①成立小组;\n②明确分工。\n2.完善制度。\n");
        assert_clean("(一)加强领导。(1)成立小组。\n(2)明确分工。\n(二)完善制度。\n");
    }

    #[test]
    fn ordinal_paragraphs_under_roman_sections() {
        assert_clean(
            "I. Background\nWe did two things. First of all, we built the team.\nSecond, we wrote the rules.\nII. Results\nThe rules work.\n",
        );
    }

    #[test]
    fn odd_input_does_not_trip_the_rule() {
        for text in [
            "",
            "\n\n",
            "一、",
            "99、甲\n1、乙\n",
            "1、甲\n40、乙\n",
            "(z) a\n(a) b\n",
            "# Title\n## Sub\n### Deeper\n",
            "⑳甲\n㉑乙\n㉓丙\n",
        ] {
            let _ = lint(text);
        }
        assert_reports("1、甲\n40、乙\n", &[("40、", WARNING)]);
    }

    #[test]
    fn enumerations_inside_paragraphs_can_be_switched_off() {
        let options = NumberingOptions {
            inline_lists: false,
            ..Default::default()
        };
        assert_eq!(
            reported_with(options, "一是加强领导。二是完善制度。四是强化考核。\n"),
            []
        );
    }
}

mod options {
    use super::*;
    use redline_core::{Registry, RuleOptions};

    #[test]
    fn the_rule_registers_under_its_id() {
        let mut registry = Registry::new();
        redline_rules_numbering::register(&mut registry);
        let rule = registry.get("numbering").expect("registered");
        assert_eq!(rule.meta.default_severity, WARNING);
        assert!(rule.meta.recommended);
        assert!(rule.meta.docs.contains("What does not fire"));
        assert!(rule.build(RuleOptions::none()).is_ok());
    }

    #[test]
    fn options_are_kebab_case_and_unknown_ones_are_rejected() {
        let options: NumberingOptions =
            toml::from_str("mixed-styles = false\ninline-lists = false").unwrap();
        assert!(!options.mixed_styles && !options.inline_lists);
        assert!(options.hierarchy && options.restarts);
        assert!(toml::from_str::<NumberingOptions>("mixed_styles = false").is_err());
        assert!(toml::from_str::<NumberingOptions>("renumber = true").is_err());
    }
}
