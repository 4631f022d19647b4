use super::*;
use redline_core::Severity;

/// One finding: the text it points at, its severity and message, and the
/// texts of its labels.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    text: String,
    severity: Severity,
    message: String,
    labels: Vec<String>,
}

fn rule_with(options: RequiredSectionsOptions) -> RequiredSections {
    RequiredSections::from_options(options).expect("valid options")
}

fn seen_with(rule: &RequiredSections, severity: Severity, text: &str) -> Vec<Seen> {
    let (source, findings) = redline_testing::check(rule, severity, text);
    let slice = |span: Span| source.text()[span.range()].to_owned();
    findings
        .into_iter()
        .map(|finding| {
            assert!(finding.fix.is_none(), "the rule offers no fix");
            assert_eq!(
                redline_testing::apply_fixes(text, std::slice::from_ref(&finding)),
                text,
                "applying the findings changes nothing"
            );
            Seen {
                text: slice(finding.span),
                severity: finding.severity,
                message: finding.message,
                labels: finding
                    .labels
                    .iter()
                    .map(|label| slice(label.span))
                    .collect(),
            }
        })
        .collect()
}

fn seen(text: &str) -> Vec<Seen> {
    seen_with(&rule_with(Default::default()), Severity::Warning, text)
}

fn missing(text: &str, message: &str, labels: &[&str]) -> Seen {
    Seen {
        text: text.to_owned(),
        severity: Severity::Warning,
        message: message.to_owned(),
        labels: labels.iter().map(|&label| label.to_owned()).collect(),
    }
}

fn options(json: &str) -> Result<RequiredSectionsOptions, String> {
    serde_json::from_str(json).map_err(|error| error.to_string())
}

const COMPLETE_ZH: &str = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、存在的问题\n资金到位慢,部分工程延期。\n三、明年工作打算\n继续推进道路改造。\n";

const COMPLETE_EN: &str = "Summary of the Work of the Planning Office in 2023\nI. Main work\nWe completed the road plan.\nII. Problems and shortcomings\nStaff are short.\nIII. Work plan for next year\nWe will finish the ring road.\n";

#[test]
fn a_complete_summary_passes() {
    assert_eq!(seen(COMPLETE_ZH), []);
    assert_eq!(seen(COMPLETE_EN), []);
}

#[test]
fn a_missing_section_is_reported_at_the_title() {
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、明年工作打算\n继续推进道路改造。\n";
    assert_eq!(
        seen(text),
        [missing(
            "城建局2023年工作总结",
            "this summary has no `problems` section",
            &["明年工作打算"]
        )]
    );
}

#[test]
fn a_missing_section_in_english_is_reported_at_the_title() {
    let text = "Summary of the Work of the Planning Office in 2023\nI. Main work\nWe completed the road plan.\nII. Problems and shortcomings\nStaff are short.\n";
    assert_eq!(
        seen(text),
        [missing(
            "Summary of the Work of the Planning Office in 2023",
            "this summary has no `plans` section",
            &[]
        )]
    );
}

#[test]
fn every_missing_section_is_named_in_one_finding() {
    let text = "城建局工作总结\n一、明年工作打算\n继续推进道路改造。\n加强绿化。\n";
    assert_eq!(
        seen(text),
        [missing(
            "城建局工作总结",
            "this summary has no `achievements` or `problems` section",
            &["明年工作打算", "明年工作打算"]
        )]
    );
}

#[test]
fn the_help_lists_the_headings_that_count() {
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、明年工作打算\n继续推进道路改造。\n";
    let (_, findings) =
        redline_testing::check(&rule_with(Default::default()), Severity::Warning, text);
    let help = findings[0].help.as_deref().unwrap();
    assert!(help.contains("problems: 存在的问题, 存在问题"), "{help}");
    assert!(
        !help.contains("plans:"),
        "only missing sections are listed: {help}"
    );
}

#[test]
fn lessons_are_optional() {
    // COMPLETE_ZH has no 经验/体会 section and no finding.
    assert!(seen(COMPLETE_ZH).is_empty());
}

#[test]
fn pasted_samples_are_each_reported_at_their_own_first_sentence() {
    let text = concat!(
        "镇工会在镇党委领导下,围绕工作大局,今年着重做了以下几方面工作:\n",
        "一是组建工会6家,发展会员700人。\n",
        "二是签订集体合同12份。\n",
        "回顾一年的工作,在肯定成绩的同时,我们也看到还有一定的差距。工会干部的素质还需进一步提高。\n",
        "20xx年我们将继续加强工会组织建设。\n",
        "一年来,我乡工会在乡党委的领导下开展工作,现将工作总结如下:\n",
        "1、组建工会。新建工会3家。\n",
        "2、维权工作。签订合同8份。\n",
        "3、帮扶工作。走访困难职工20户。\n",
    );
    assert_eq!(
        seen(text),
        [missing(
            "一年来,我乡工会在乡党委的领导下开展工作,现将工作总结如下:",
            "this summary has no `problems` or `plans` section",
            &[]
        )]
    );
}

#[test]
fn problems_named_in_passing_are_no_section() {
    let text = concat!(
        "镇工会在镇党委领导下开展了以下几方面工作:\n",
        "一是组建工会6家。\n",
        "二是签订合同12份。\n",
        "总之,今年的工作取得了一些经验,但也还存在一些问题,在今后的工作中我们将虚心学习。\n",
    );
    assert_eq!(
        seen(text),
        [missing(
            "镇工会在镇党委领导下开展了以下几方面工作:",
            "this summary has no `problems` or `plans` section",
            &[]
        )]
    );
}

#[test]
fn problems_that_go_on_to_be_described_count() {
    let text = concat!(
        "镇工会在镇党委领导下开展了以下几方面工作:\n",
        "一是组建工会6家。\n",
        "二是签订合同12份。\n",
        "总之,今年的工作虽然取得了一些成绩,但也存在不少问题,比如人员数量不足。20xx年我们将继续加强学习。\n",
    );
    assert_eq!(seen(text), []);
}

#[test]
fn the_stock_closing_promise_is_no_plan() {
    let text = concat!(
        "镇工会在镇党委领导下开展了以下几方面工作:\n",
        "一是组建工会6家。\n",
        "二是签订合同12份。\n",
        "三、存在的问题\n",
        "一是个别企业对组建工会认识不够。\n",
        "总之,我镇工会工作还有待提高之处。今后我们将继续努力,完成各项目标任务。\n",
    );
    assert_eq!(
        seen(text),
        [missing(
            "镇工会在镇党委领导下开展了以下几方面工作:",
            "this summary has no `plans` section",
            &[]
        )]
    );
}

#[test]
fn english_sections_are_found_in_the_sentences_of_a_closing_paragraph() {
    let text = concat!(
        "Summary of the work of the office 1 Over the past year, under the correct leadership of the bureau, the office did a lot of work.\n",
        "First, we served the leaders well.\n",
        "Second, we organized the meetings.\n",
        "In 20xx, the office made some achievements. However, there is still a long way to go and many weak links. Mainly manifested in: learning is not enough.\n",
        "In a word, the office completed its tasks. In the new year, we will work harder.\n",
    );
    assert_eq!(seen(text), []);
    let without_plan = text.replace(" In the new year, we will work harder.", "");
    assert_eq!(
        seen(&without_plan),
        [missing(
            "Summary of the work of the office",
            "this summary has no `plans` section",
            &[]
        )]
    );
}

#[test]
fn the_opening_paragraph_previews_sections_without_holding_them() {
    let text = concat!(
        "回顾近一年工作,在镇领导指导下,镇国土所取得了一些成绩,但在工作过程中也确实存在一些问题,有待提高。现将工作汇报如下:\n",
        "(一)占补平衡情况\n",
        "完成任务150亩。\n",
        "(二)土地增减挂工作情况\n",
        "完成45亩。\n",
    );
    assert_eq!(
        seen(text),
        [missing(
            "回顾近一年工作,在镇领导指导下,镇国土所取得了一些成绩,但在工作过程中也确实存在一些问题,有待提高。",
            "this summary has no `problems` or `plans` section",
            &[]
        )]
    );
}

#[test]
fn a_next_step_of_one_piece_of_work_is_no_plan() {
    let text = "城建局工作总结\n一、主要工作\n完成道路改造12公里。下一步,我们将继续推进道路改造。\n组织了绿化活动。\n开展了安全检查。\n二、存在的问题\n资金到位慢。\n";
    assert_eq!(
        seen(text),
        [missing(
            "城建局工作总结",
            "this summary has no `plans` section",
            &[]
        )]
    );
}

#[test]
fn a_label_before_a_colon_names_its_section() {
    let text = "镇工会工作总结\n一、主要工作\n组建工会6家。\n二、存在的问题\n干部素质不高。\n下步主要工作:\n1、抓好工会全面建设。\n";
    assert_eq!(seen(text), []);
}

#[test]
fn a_restarted_list_of_things_to_do_is_the_plan() {
    let text = "镇文体站工作总结\n一、文化活动\n1、举办了广场舞比赛。\n2、开展了送戏下乡活动。\n二、体育工作\n1、组织了篮球赛。\n2、建成了健身路径3处。\n1、继续办好广场舞比赛。\n2、进一步完善健身设施。\n";
    assert_eq!(
        seen(text),
        [missing(
            "镇文体站工作总结",
            "this summary has no `problems` section",
            &["1、继续办好广场舞比赛。"]
        )]
    );
    // A restarted list of work done is no plan.
    let done = text
        .replace("继续办好", "办好了")
        .replace("进一步完善", "完善了");
    assert_eq!(
        seen(&done)[0].message,
        "this summary has no `problems` or `plans` section"
    );
}

#[test]
fn sections_out_of_order_are_reported_at_the_late_one() {
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、明年工作打算\n继续推进道路改造。\n三、存在的问题\n资金到位慢。\n";
    assert_eq!(
        seen(text),
        [Seen {
            text: "存在的问题".to_owned(),
            severity: Severity::Warning,
            message: "the `problems` section comes after the `plans` section".to_owned(),
            labels: vec!["明年工作打算".to_owned()],
        }]
    );
    let rule = rule_with(options(r#"{"order": false}"#).unwrap());
    assert_eq!(seen_with(&rule, Severity::Warning, text), []);
}

#[test]
fn an_order_read_from_phrases_is_tentative() {
    let text = concat!(
        "镇工会在镇党委领导下开展了以下几方面工作:\n",
        "一是组建工会6家。\n",
        "二是签订合同12份。\n",
        "20xx年我们将继续加强工会组织建设。\n",
        "一年来,我镇工会工作虽然取得了一定的成绩,但还存在一些不足,表现在干部素质不高。\n",
    );
    assert_eq!(
        seen(text),
        [Seen {
            text: "取得了一定的成绩,但".to_owned(),
            severity: Severity::Info,
            message: "the `problems` section comes after the `plans` section".to_owned(),
            labels: vec!["20xx年我们将继续".to_owned()],
        }]
    );
}

#[test]
fn severities_follow_the_configured_level() {
    let rule = rule_with(Default::default());
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、明年工作打算\n继续推进道路改造。\n";
    assert_eq!(
        seen_with(&rule, Severity::Error, text)[0].severity,
        Severity::Error
    );
}

#[test]
fn an_empty_required_section_is_reported_at_its_heading() {
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、存在的问题\n三、明年工作打算\n继续推进道路改造。\n";
    assert_eq!(
        seen(text),
        [Seen {
            text: "存在的问题".to_owned(),
            severity: Severity::Warning,
            message: "the `problems` section has a heading but nothing under it".to_owned(),
            labels: vec![],
        }]
    );
}

#[test]
fn a_section_with_subsections_is_not_empty_and_optional_ones_are_not_reported() {
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、经验体会\n三、存在的问题\n(一)资金到位慢\n四、明年工作打算\n继续推进道路改造。\n";
    assert_eq!(seen(text), []);
}

#[test]
fn one_heading_naming_two_empty_sections_is_reported_once() {
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n加强了绿化。\n二、存在不足及努力方向\n";
    let found = seen(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].text, "存在不足及努力方向");
}

#[test]
fn a_plan_is_no_summary() {
    let text = "开鲁县总工会2024年工作要点\n一、开展建功立业活动\n1、开展劳动竞赛。\n二、加强组织建设\n1、新建工会10家。\n";
    assert_eq!(seen(text), []);
    let english = "Work plan of the planning office for 2024\nI. Roads\nBuild the ring road.\nII. Parks\nOpen two parks.\n";
    assert_eq!(seen(english), []);
}

#[test]
fn fragments_are_not_checked() {
    assert_eq!(seen("城建局工作总结\n完成道路改造。\n"), []);
    assert_eq!(seen("年度总结是一种回顾过去、明确目标的学习机会。\n"), []);
    let rule = rule_with(options(r#"{"min-blocks": 1}"#).unwrap());
    assert_eq!(
        seen_with(&rule, Severity::Warning, "城建局工作总结\n完成道路改造。\n")[0].message,
        "this summary has no `achievements`, `problems` or `plans` section"
    );
}

#[test]
fn a_section_option_replaces_a_profile_sections_words() {
    let rule =
        rule_with(options(r#"{"sections": [{"name": "problems", "match": ["短板"]}]}"#).unwrap());
    let text = "城建局2023年工作总结\n一、主要工作\n完成道路改造12公里。\n二、短板与弱项\n资金到位慢。\n三、明年工作打算\n继续推进道路改造。\n";
    assert_eq!(seen_with(&rule, Severity::Warning, text), []);
    // `存在的问题` no longer names the section.
    let old = text.replace("短板与弱项", "存在的问题");
    assert_eq!(
        seen_with(&rule, Severity::Warning, &old)[0].message,
        "this summary has no `problems` section"
    );
}

#[test]
fn a_section_option_with_a_new_name_is_required_after_the_profile() {
    let rule =
        rule_with(options(r#"{"sections": [{"name": "signature", "match": ["落款"]}]}"#).unwrap());
    assert_eq!(
        seen_with(&rule, Severity::Warning, COMPLETE_ZH)[0].message,
        "this summary has no `signature` section"
    );
    let optional = rule_with(
        options(r#"{"sections": [{"name": "signature", "match": ["落款"], "required": false}]}"#)
            .unwrap(),
    );
    assert_eq!(seen_with(&optional, Severity::Warning, COMPLETE_ZH), []);
}

#[test]
fn the_none_profile_checks_only_the_configured_sections() {
    let rule = rule_with(
        options(r#"{"profile": "none", "sections": [{"name": "risks", "match": ["风险"]}]}"#)
            .unwrap(),
    );
    assert_eq!(
        seen_with(&rule, Severity::Warning, COMPLETE_ZH)[0].message,
        "this summary has no `risks` section"
    );
    let with_risks = COMPLETE_ZH.replace("存在的问题", "存在的风险");
    assert_eq!(seen_with(&rule, Severity::Warning, &with_risks), []);
}

#[test]
fn bad_options_are_refused() {
    assert!(options(r#"{"profile": "essay"}"#).is_err());
    assert!(options(r#"{"orders": true}"#).is_err());
    assert!(options(r#"{"sections": [{"name": "x", "match": ["y"], "extra": 1}]}"#).is_err());
    let error =
        RequiredSections::from_options(options(r#"{"profile": "none"}"#).unwrap()).unwrap_err();
    assert!(error.contains("profile `none` needs `sections`"), "{error}");
}

#[test]
fn the_docs_describe_what_fires_and_the_options() {
    let docs = RequiredSections::META.docs_markdown();
    for needle in [
        "## What fires",
        "## What does not fire",
        "## Options",
        "min-blocks",
        "profile",
    ] {
        assert!(docs.contains(needle), "docs lack {needle}");
    }
}
