//! What `repeated-block` reports and what it leaves alone: the exact text,
//! severity and message of every finding, and the text its fix leaves.

use redline_core::{DeclaredRule, Finding, Severity, SourceFile};
use redline_rules_repeated_block::{RepeatedBlock, RepeatedBlockOptions};

const WARNING: Severity = Severity::Warning;
const INFO: Severity = Severity::Info;

fn lint_with(text: &str, options: RepeatedBlockOptions) -> (SourceFile, Vec<Finding>) {
    let rule = RepeatedBlock::from_options(options).unwrap();
    redline_testing::check(&rule, Severity::Warning, text)
}

fn lint(text: &str) -> (SourceFile, Vec<Finding>) {
    lint_with(text, RepeatedBlockOptions::default())
}

/// The findings' texts and severities, in order.
fn reported(text: &str) -> Vec<(String, Severity)> {
    let (source, findings) = lint(text);
    findings
        .iter()
        .map(|finding| (source.slice(finding.span).to_owned(), finding.severity))
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

/// The only finding in `text`.
#[track_caller]
fn only_finding(text: &str) -> (SourceFile, Finding) {
    let (source, findings) = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    (source, findings.into_iter().next().unwrap())
}

/// The texts the labels of the only finding point at.
#[track_caller]
fn labels(text: &str) -> Vec<String> {
    let (source, finding) = only_finding(text);
    finding
        .labels
        .iter()
        .map(|label| source.slice(label.span).to_owned())
        .collect()
}

/// `text` after one round of every fix.
fn fixed(text: &str) -> String {
    let (_, findings) = lint(text);
    assert!(
        findings.iter().all(|f| f
            .fix
            .as_ref()
            .is_some_and(|fix| fix.applicability == redline_core::Applicability::Unsafe)),
        "every fix is unsafe: {findings:#?}"
    );
    redline_testing::apply_fixes(text, &findings)
}

const ZH_PARAGRAPH: &str = "二是认真落实市总工会年初下达的目标任务,截止____年10月份,完成新建工会6家,发展会员700人,超额完成了市总工会下达的目标任务。";
const ZH_PARAGRAPH_AGAIN: &str = "二是认真落实市总工会年初下达的目标任务，截止xx年１０月份，完成新建工会6家，发展会员700人，超额完成了市总工会下达的目标任务。";
const ZH_OTHER: &str = "三是完成了企业与职工代表平等协商集体合同签订制度,在与企业签订合同的过程中,我们认真听取职工意见。";
const EN_PARAGRAPH: &str = "The office organised the annual forestry work conference and prepared all of its documents, reports and briefings on time.";
const EN_OTHER: &str = "Information work improved as well: the office submitted more than two hundred reports to the municipal government this year.";

mod copies {
    use super::*;

    #[test]
    fn a_paragraph_copied_again_is_reported_at_its_second_copy() {
        let text = format!("{ZH_PARAGRAPH}\n{ZH_OTHER}\n{ZH_PARAGRAPH}\n");
        assert_reports(&text, &[(ZH_PARAGRAPH, WARNING)]);
        let (_, finding) = only_finding(&text);
        assert_eq!(
            finding.span.start,
            ZH_PARAGRAPH.len() + 1 + ZH_OTHER.len() + 1
        );
        assert_eq!(finding.message, "paragraph repeats the one at line 1");
        assert_eq!(labels(&text), [ZH_PARAGRAPH]);
        assert_eq!(fixed(&text), format!("{ZH_PARAGRAPH}\n{ZH_OTHER}\n"));
    }

    #[test]
    fn copies_differing_in_blanks_masks_punctuation_and_width_are_copies() {
        let text = format!("{ZH_PARAGRAPH}\n{ZH_OTHER}\n{ZH_PARAGRAPH_AGAIN}\n");
        assert_reports(&text, &[(ZH_PARAGRAPH_AGAIN, WARNING)]);
        assert_eq!(fixed(&text), format!("{ZH_PARAGRAPH}\n{ZH_OTHER}\n"));
    }

    #[test]
    fn english_paragraphs_copied_in_another_case_and_spacing() {
        let again = EN_PARAGRAPH.to_uppercase().replace(' ', "  ");
        let text = format!("{EN_PARAGRAPH}\n\n{EN_OTHER}\n\n{again}\n");
        assert_reports(&text, &[(&again, WARNING)]);
        assert_eq!(fixed(&text), format!("{EN_PARAGRAPH}\n\n{EN_OTHER}\n"));
    }

    #[test]
    fn a_title_printed_three_times() {
        let title = "开鲁县总工会201*年上半年工作总结";
        let body = format!("{ZH_OTHER}\n{ZH_PARAGRAPH}");
        let text =
            format!("{title}\n\n时间:2019-05-26 网站:公文素材库\n\n{title}\n\n{title}\n\n{body}\n");
        assert_reports(&text, &[(title, WARNING), (title, WARNING)]);
        let (source, findings) = lint(&text);
        for finding in &findings {
            assert_eq!(finding.message, "title repeats the one at line 1");
            assert_eq!(source.slice(finding.labels[0].span), title);
        }
        assert_eq!(
            fixed(&text),
            format!("{title}\n\n时间:2019-05-26 网站:公文素材库\n\n{body}\n")
        );
    }

    #[test]
    fn a_renumbered_title_of_one_sample_repeated_in_the_next_is_a_guess() {
        let first = format!("工会工作总结\n一、抓规范,加强工会组织建设。\n{ZH_PARAGRAPH}\n");
        let second = format!("乡工会工作总结\n二、抓规范,加强工会组织建设。\n{ZH_OTHER}\n");
        let text = format!("{first}{second}");
        assert_reports(&text, &[("二、抓规范,加强工会组织建设。", INFO)]);
    }

    #[test]
    fn a_title_repeated_inside_one_document_is_a_warning() {
        let text = format!(
            "一、抓规范,加强工会组织建设。\n{ZH_PARAGRAPH}\n二、抓规范,加强工会组织建设。\n{ZH_OTHER}\n"
        );
        assert_reports(&text, &[("二、抓规范,加强工会组织建设。", WARNING)]);
    }

    #[test]
    fn a_line_inside_a_block_repeating_a_title() {
        let title = "开鲁县总工会201*年上半年工作总结";
        let text = format!(
            "{title}\n\n{ZH_OTHER}\n\n{title}\n由互联网用户整理提供,转载分享请保留原作者信息。\n"
        );
        assert_reports(&text, &[(title, WARNING)]);
        let (_, finding) = only_finding(&text);
        assert_eq!(finding.message, "line repeats the text at line 1");
        assert_eq!(
            fixed(&text),
            format!("{title}\n\n{ZH_OTHER}\n\n由互联网用户整理提供,转载分享请保留原作者信息。\n")
        );
    }

    #[test]
    fn the_last_block_is_deleted_with_the_line_break_before_it() {
        let text = format!("{EN_PARAGRAPH}\n\n{EN_OTHER}\n\n{EN_PARAGRAPH}");
        assert_eq!(fixed(&text), format!("{EN_PARAGRAPH}\n\n{EN_OTHER}"));
    }
}

mod near_copies {
    use super::*;

    const ZH_LONG: &str = "在市总工会的领导下,坚持以科学发展观为指导,围绕学校办学目标,以全面提升教育教学质量,办人民满意教育为中心开展工作,调动和发挥教职工的工作积极性和创造性,带领教职工积极投身教育教学改革。";
    const ZH_LONG_EDITED: &str = "在市总工会的领导下,坚持以科学发展观为指导,围绕学校办学目标,以全面提升教育教学质量,办人民满意教育为中心开展工作,调动和发挥全体教职工的工作积极性和创造性,带领教职工积极投身教育教学改革。";

    #[test]
    fn an_edited_copy_is_a_near_duplicate() {
        let text = format!("{ZH_LONG}\n{ZH_OTHER}\n{ZH_LONG_EDITED}\n");
        assert_reports(&text, &[(ZH_LONG_EDITED, WARNING)]);
        let (_, finding) = only_finding(&text);
        assert!(
            finding
                .message
                .starts_with("paragraph nearly repeats the one at line 1 ("),
            "{}",
            finding.message
        );
        assert!(finding.message.ends_with("% alike)"), "{}", finding.message);
        assert_eq!(fixed(&text), format!("{ZH_LONG}\n{ZH_OTHER}\n"));
    }

    #[test]
    fn an_edited_english_copy() {
        let first = "Over the past year, under the correct leadership of the municipal party committee and the municipal government, the office has closely focused on the central work of the whole city and made new progress in every field.";
        let edited = "Over the past year, under the correct leadership of the municipal party committee and the municipal government, the office has closely focused on the central work of the whole city and made great progress in every field.";
        let text = format!("{first}\n\n{EN_OTHER}\n\n{edited}\n");
        assert_reports(&text, &[(edited, WARNING)]);
    }

    #[test]
    fn paragraphs_sharing_phrases_are_not_copies() {
        let a = "From May 15 to May 17, the table tennis teams of our bureau took part in the Channel Management Cup held by the Provincial Communications Department, and both teams won the team championship after three days of fierce competition.";
        let b = "On behalf of the Provincial Communications Department, the table tennis teams of our bureau took part in the staff competition from the 25th to the 28th, and the women's team won the championship after four days of competition.";
        assert_clean(&format!("{a}\n\n{b}\n"));
        let c = "一是推行平等协商、集体合同制度,维护职工合法权益,今年我们把规模较大的企业作为试点单位,取得了较好的效果。";
        let d = "二是积极探索职工民主管理新路子,依法维护职工民主权利,今年我们在规模较大的企业建立了职代会制度。";
        assert_clean(&format!("{c}\n{d}\n"));
    }

    #[test]
    fn the_threshold_and_minimum_length_are_options() {
        let text = format!("{ZH_LONG}\n{ZH_OTHER}\n{ZH_LONG_EDITED}\n");
        let strict = RepeatedBlockOptions {
            threshold: 0.99,
            ..RepeatedBlockOptions::default()
        };
        assert!(lint_with(&text, strict).1.is_empty());
        let long_only = RepeatedBlockOptions {
            min_chars: 500,
            ..RepeatedBlockOptions::default()
        };
        assert!(lint_with(&text, long_only).1.is_empty());
    }
}

mod copies_in_pieces {
    use super::*;

    const ORIGINAL: &str = "肯定成绩的同时,我们也认识到自身工作存在的一些不足:一是工会相关档案资料尚不齐全规范;二是新会员发展覆盖面不够广;三是对外劳务输出的数量还不够;四是工会活动内容还很单一,要向以提高劳动技能为主要内容的工会活动方面拓展。";
    const PIECES: [&str; 5] = [
        "肯定成绩的同时,我们也认识到自身工作存在的一些不足:",
        "一是工会相关档案资料尚不齐全规范。",
        "二是新会员发展覆盖面不够广。",
        "三是对外劳务输出的数量还不够。",
        "四是工会活动内容还很单一,要向以提高劳动技能为主要内容的工会活动方面拓展。",
    ];

    #[test]
    fn every_piece_of_a_paragraph_copied_over_several_lines() {
        let text = format!("{ORIGINAL}\n{ZH_OTHER}\n{}\n", PIECES.join("\n"));
        let expected: Vec<(&str, Severity)> =
            PIECES.iter().map(|&piece| (piece, WARNING)).collect();
        assert_reports(&text, &expected);
        let (_, findings) = lint(&text);
        for finding in &findings {
            assert_eq!(finding.message, "paragraph repeats text of line 1");
        }
        assert_eq!(fixed(&text), format!("{ORIGINAL}\n{ZH_OTHER}\n"));
    }

    #[test]
    fn two_paragraphs_run_together() {
        let first =
            "工会是党联系职工群众的桥梁和纽带,是会员和职工利益的代表,也是推动企业发展的重要力量。";
        let second = "党领导下的工会工作,是中国特色社会主义政治文明的重要组成部分,是党的领导和人民当家作主的一个重要结合点。";
        let merged = format!("{first}{second}");
        let text = format!("{first}\n{ZH_OTHER}\n{second}\n{merged}\n");
        assert_reports(&text, &[(&merged, WARNING)]);
        let (_, finding) = only_finding(&text);
        assert_eq!(finding.message, "paragraph repeats text of lines 1 and 3");
        assert_eq!(labels(&text), [first, second]);
    }

    #[test]
    fn a_short_line_found_in_an_earlier_paragraph_alone_is_no_copy() {
        // A heading that names what an earlier paragraph discussed.
        let text = format!("{ORIGINAL}\n{ZH_OTHER}\n存在的一些不足\n");
        assert_clean(&text);
    }
}

mod sentences {
    use super::*;

    #[test]
    fn a_sentence_repeated_inside_its_paragraph() {
        let text = "今年我们开展了送温暖活动。共走访困难职工36户,发放慰问金3.6万元。今年我们开展了送温暖活动。职工反映良好。\n";
        assert_reports(text, &[("今年我们开展了送温暖活动。", WARNING)]);
        let (source, finding) = only_finding(text);
        assert_eq!(
            finding.span.start,
            source.text().find("。共走访").unwrap()
                + 3
                + "共走访困难职工36户,发放慰问金3.6万元。".len()
        );
        assert_eq!(
            finding.message,
            "sentence repeats one earlier in its paragraph (line 1)"
        );
        assert_eq!(
            fixed(text),
            "今年我们开展了送温暖活动。共走访困难职工36户,发放慰问金3.6万元。职工反映良好。\n"
        );
    }

    #[test]
    fn an_english_sentence_repeated_with_another_ordinal() {
        let text = "The first is to improve the handling of official documents. The second is to organise the meetings of the year. The third is to improve the handling of official documents.\n";
        assert_reports(
            text,
            &[(
                "The third is to improve the handling of official documents.",
                WARNING,
            )],
        );
        assert_eq!(
            fixed(text),
            "The first is to improve the handling of official documents. The second is to organise the meetings of the year.\n"
        );
    }

    #[test]
    fn short_stock_sentences_may_repeat() {
        assert_clean("一是加强学习。二是完善制度。三是加强学习。\n");
    }
}

mod page_furniture {
    use super::*;

    #[test]
    fn page_numbering_pasted_with_the_text() {
        let text = format!("{ZH_PARAGRAPH}\n第1页 / 共3页\n{ZH_OTHER}\n第2页 / 共3页\n");
        assert_reports(&text, &[("第2页 / 共3页", WARNING)]);
        assert_eq!(
            fixed(&text),
            format!("{ZH_PARAGRAPH}\n第1页 / 共3页\n{ZH_OTHER}\n")
        );
    }

    #[test]
    fn english_page_numbers() {
        let text = format!(
            "{EN_PARAGRAPH}\n\nPage 1 of 2\n\n{EN_OTHER}\n\nPage 2 of 2\n\nThe end of the report.\n"
        );
        assert_reports(&text, &[("Page 2 of 2", WARNING)]);
    }

    #[test]
    fn a_page_number_once_is_not_a_repeat() {
        assert_clean(&format!("{ZH_PARAGRAPH}\n第1页 / 共3页\n{ZH_OTHER}\n"));
    }
}

mod doubled_words {
    use super::*;

    #[track_caller]
    fn assert_doubled(sentence: &str, doubled: &str, fixed_sentence: &str) {
        let text = format!("{sentence}\n");
        assert_reports(&text, &[(doubled, WARNING)]);
        assert_eq!(fixed(&text), format!("{fixed_sentence}\n"));
    }

    #[test]
    fn doubled_chinese_function_words() {
        assert_doubled(
            "3、包联工作:多次到到基层包联点调研、考察。",
            "到到",
            "3、包联工作:多次到基层包联点调研、考察。",
        );
        assert_doubled(
            "工作还存在不足,表现在在省级以上媒体发表的文章数量还不够。",
            "在在",
            "工作还存在不足,表现在省级以上媒体发表的文章数量还不够。",
        );
        assert_doubled("这是我们的的工作重点。", "的的", "这是我们的工作重点。");
    }

    #[test]
    fn a_character_doubled_before_the_word_it_opens() {
        assert_doubled(
            "一些创创新点子、建议被采纳后促进了单位工作。",
            "创创",
            "一些创新点子、建议被采纳后促进了单位工作。",
        );
    }

    #[test]
    fn a_noun_doubled() {
        assert_doubled(
            "全镇工会工会会员共有1500人。",
            "工会工会",
            "全镇工会会员共有1500人。",
        );
    }

    #[test]
    fn a_described_word_doubled_around_de() {
        assert_doubled(
            "职工的合法权益得到较好的较好保障。",
            "较好的较好",
            "职工的合法权益得到较好保障。",
        );
        let (_, finding) = only_finding("职工的合法权益得到较好的较好保障。\n");
        assert_eq!(finding.message, "`较好` is doubled");
    }

    #[test]
    fn doubled_english_words_and_phrases() {
        assert_doubled(
            "We completed the the annual plan on time.",
            "the the",
            "We completed the annual plan on time.",
        );
        assert_doubled(
            "The office is in the in the centre of the city.",
            "in the in the",
            "The office is in the centre of the city.",
        );
        // A paragraph wrapped over lines: the copies may meet across a
        // line break.
        let text = "They reviewed The\nthe reports of the year.\n\nThen they left.\n";
        assert_reports(text, &[("The\nthe", WARNING)]);
        assert_eq!(
            fixed(text),
            "They reviewed The reports of the year.\n\nThen they left.\n"
        );
    }

    #[test]
    fn a_phrase_joined_to_its_copy_by_and_is_a_guess() {
        let text =
            "Trade unions should strive to be caring people and caring people for workers.\n";
        assert_reports(text, &[("caring people and caring people", INFO)]);
        assert_eq!(
            fixed(text),
            "Trade unions should strive to be caring people for workers.\n"
        );
    }

    #[test]
    fn chinese_reduplication_is_fine() {
        for text in [
            "全镇各基层工会紧紧围绕经济建设这个中心。",
            "安全生产人人有责,个个有目标。",
            "层层落实责任,节日过得红红火火。",
            "九九重阳节前夕,工会走访了退休职工。",
            "我们的的确确做了大量工作。",
            "大家要研究研究这个问题。",
            "短短几天就完成了任务。",
            "组织职工开展坝坝会。",
            "他是朋友的朋友。",
            "我们现在在北京开会。",
            "为了了解职工的想法,我们召开了座谈会。",
            "这件事情只能不了了之。",
        ] {
            assert_clean(&format!("{text}\n"));
        }
    }

    #[test]
    fn two_words_meeting_on_one_character_are_fine() {
        for text in [
            "切实转变工作作风。",
            "保证农民工工资按时发放。",
            "讲师团团长作了报告。",
            "发展学会会员120名。",
            "今年年初召开了动员会。",
            "幼儿园园长参加了培训。",
            "全县工会会员共有1.2万人。",
            "职工工资按时足额发放。",
            "召开开鲁县总工会全委会议。",
            "领导小组组成人员如下。",
            "马过河镇镇政府高度重视工会工作。",
            "xx镇镇文体广电站开展了文化下乡活动。",
            "我区为全市唯一一支获奖队伍。",
        ] {
            assert_clean(&format!("{text}\n"));
        }
    }

    #[test]
    fn grammatical_english_doubles_are_fine() {
        for text in [
            "He said that that plan had had its effect.",
            "What it is is a plan for more and more workers, again and again.",
            "The COVID19 COVID19 code is not a word.",
        ] {
            assert_clean(&format!("{text}\n"));
        }
    }
}

mod options {
    use super::*;

    #[test]
    fn out_of_range_options_are_refused() {
        let refused = |options| RepeatedBlock::from_options(options).unwrap_err();
        assert!(
            refused(RepeatedBlockOptions {
                threshold: 0.0,
                ..RepeatedBlockOptions::default()
            })
            .contains("threshold")
        );
        assert!(
            refused(RepeatedBlockOptions {
                threshold: 1.5,
                ..RepeatedBlockOptions::default()
            })
            .contains("threshold")
        );
        assert!(
            refused(RepeatedBlockOptions {
                min_chars: 0,
                ..RepeatedBlockOptions::default()
            })
            .contains("min-chars")
        );
    }

    #[test]
    fn options_are_read_from_kebab_case_and_unknown_ones_refused() {
        let options: RepeatedBlockOptions =
            toml_like(r#"{"min-chars": 60, "threshold": 0.9}"#).unwrap();
        assert_eq!((options.min_chars, options.threshold), (60, 0.9));
        assert!(toml_like::<RepeatedBlockOptions>(r#"{"minimum": 3}"#).is_err());
    }

    fn toml_like<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn the_rule_registers_under_its_id() {
        let mut registry = redline_core::Registry::new();
        redline_rules_repeated_block::register(&mut registry);
        let rule = registry.get("repeated-block").expect("registered");
        assert_eq!(rule.meta.default_severity, WARNING);
        assert!(rule.meta.fixable && rule.meta.recommended);
        assert!(rule.meta.docs_markdown().contains("## What does not fire"));
    }
}
