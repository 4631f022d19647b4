use super::*;
use redline_core::{Applicability, Registry, Severity, SourceFile};

fn lint_with(options: BoilerplateOptions, text: &str) -> (SourceFile, Vec<Finding>) {
    let rule = Boilerplate::from_options(options).expect("options are valid");
    redline_testing::check(&rule, Severity::Error, text)
}

fn lint(text: &str) -> (SourceFile, Vec<Finding>) {
    lint_with(BoilerplateOptions::default(), text)
}

/// The reported texts, in order.
fn found(text: &str) -> Vec<String> {
    let (source, findings) = lint(text);
    findings
        .iter()
        .map(|finding| source.slice(finding.span).to_owned())
        .collect()
}

#[track_caller]
fn assert_found(text: &str, expected: &[&str]) {
    assert_eq!(found(text), expected, "in {text:?}");
}

#[track_caller]
fn assert_clean(text: &str) {
    assert_eq!(found(text), Vec::<String>::new(), "in {text:?}");
}

/// `text` with the fixes of all findings applied.
fn fixed_with(options: BoilerplateOptions, text: &str) -> String {
    let (_, findings) = lint_with(options, text);
    let mut edits: Vec<Edit> = findings
        .into_iter()
        .flat_map(|finding| {
            let fix = finding.fix.expect("every finding has a fix");
            assert_eq!(fix.applicability, Applicability::Unsafe);
            fix.edits
        })
        .collect();
    edits.sort_by_key(|edit| Reverse(edit.start));
    let mut fixed = text.to_owned();
    for edit in edits {
        fixed.replace_range(edit.start..edit.end, &edit.replacement);
    }
    fixed
}

fn fixed(text: &str) -> String {
    fixed_with(BoilerplateOptions::default(), text)
}

/// The only finding in `text`: its text, severity and message.
#[track_caller]
fn only(text: &str) -> (String, Severity, String) {
    let (source, findings) = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    let finding = &findings[0];
    (
        source.slice(finding.span).to_owned(),
        finding.severity,
        finding.message.clone(),
    )
}

fn options(extra: &[&str], allow: &[&str]) -> BoilerplateOptions {
    BoilerplateOptions {
        extra_patterns: extra.iter().map(|s| s.to_string()).collect(),
        allow: allow.iter().map(|s| s.to_string()).collect(),
    }
}

const BODY: &str = "上半年,县总工会按照区、市总工会的工作部署,扎实开展各项工作。";
const ENGLISH_BODY: &str =
    "Over the past year, the office focused on its main tasks and improved its services.";

// Navigation and page furniture.

#[test]
fn navigation_lines_are_reported_whole_and_deleted_with_their_terminators() {
    let text = format!("{BODY}\n相关阅读\n最近更新\n推荐专题");
    assert_found(&text, &["相关阅读", "最近更新", "推荐专题"]);
    assert_eq!(fixed(&text), format!("{BODY}\n"));
    let (found, severity, message) = only(&format!("{BODY}\n猜你喜欢\n"));
    assert_eq!(found, "猜你喜欢");
    assert_eq!(severity, Severity::Error);
    assert_eq!(
        message,
        "web-page navigation `猜你喜欢` is not part of the document"
    );
}

#[test]
fn a_bar_of_navigation_words_and_a_site_name_beside_one() {
    assert_found(&format!("下载 相关 举报\n{BODY}"), &["下载 相关 举报"]);
    assert_found(&format!("公文素材库 首页\n\n{BODY}"), &["公文素材库 首页"]);
    assert_eq!(
        fixed(&format!("公文素材库 首页\n\n{BODY}")),
        format!("\n{BODY}")
    );
    assert_found(
        &format!("首页 | 范文 | 搜索\n{BODY}"),
        &["首页 | 范文 | 搜索"],
    );
    assert_found(&format!("搜索\n{BODY}"), &["搜索"]);
    assert_found(
        &format!("Home | Search | Login\n{ENGLISH_BODY}"),
        &["Home | Search | Login"],
    );
    assert_found(
        &format!("{ENGLISH_BODY}\nRelated articles\n"),
        &["Related articles"],
    );
}

#[test]
fn navigation_at_the_edge_of_a_longer_line_goes_alone() {
    let text = format!("首页 开鲁县总工会201*年上半年工作总结\n{BODY}");
    assert_found(&text, &["首页"]);
    assert_eq!(
        fixed(&text),
        format!("开鲁县总工会201*年上半年工作总结\n{BODY}")
    );
    let text = format!("{BODY}展开阅读全文");
    assert_found(&text, &["展开阅读全文"]);
    assert_eq!(fixed(&text), BODY);
}

#[test]
fn navigation_words_inside_sentences_and_headings_are_not_furniture() {
    assert_clean("加大搜索力度,相关部门积极配合,首页设计更加合理。");
    assert_clean("四、相关资源\n整合相关资源,形成工作合力。");
    assert_clean("搜索救援\n组织搜索救援演练两次。");
    assert_clean("相关\n下载\n");
    assert_clean("Search and rescue teams were trained twice this year.\nReport\n");
}

#[test]
fn lines_listing_other_articles() {
    let text = format!("{BODY}\n扩展阅读:XXX总工会201*年工作汇报\n{BODY}");
    assert_found(&text, &["扩展阅读:XXX总工会201*年工作汇报"]);
    assert_eq!(fixed(&text), format!("{BODY}\n{BODY}"));
    assert_found("上一篇:2019年工作总结\n", &["上一篇:2019年工作总结"]);
    // With a paragraph after the label, only the label goes.
    let text = format!("相关阅读:{BODY}{BODY}");
    assert_found(&text, &["相关阅读:"]);
    assert_eq!(fixed(&text), format!("{BODY}{BODY}"));
}

#[test]
fn breadcrumbs() {
    assert_found(
        &format!("当前位置:首页 > 范文大全 > 工作总结\n{BODY}"),
        &["当前位置:首页 > 范文大全 > 工作总结"],
    );
    assert_found(&format!("首页 > 工作总结\n{BODY}"), &["首页 > 工作总结"]);
    assert_found(
        &format!("公文写作 > 工作总结 > 年度总结\n{BODY}"),
        &["公文写作 > 工作总结 > 年度总结"],
    );
    assert_found(
        &format!("Home » Work Summary » Annual\n{ENGLISH_BODY}"),
        &["Home » Work Summary » Annual"],
    );
    assert_clean("指标完成率 > 95%\n优秀率>合格率。\n");
}

// Metadata.

#[test]
fn metadata_records_are_reported_whole() {
    assert_found("上传人:admin\n", &["上传人:admin"]);
    assert_found("来源:网络整理\n", &["来源:网络整理"]);
    assert_found("Uploaded by: admin\n", &["Uploaded by: admin"]);
    assert_found("Source: Internet\n", &["Source: Internet"]);
    assert_eq!(
        fixed(&format!("{BODY}\n上传人:admin\n{BODY}")),
        format!("{BODY}\n{BODY}")
    );
}

#[test]
fn a_record_of_several_fields_is_reported_at_its_first() {
    // The fix still deletes the whole line; the other fields are labelled,
    // and the clock time is left to the rules that read times.
    let text =
        format!("开鲁县总工会上半年工作总结\n\n时间:2019-05-26 21:34:39 网站:公文素材库\n\n{BODY}");
    let (source, findings) = lint(&text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(source.slice(finding.span), "时间:2019-05-26");
    assert_eq!(
        finding.message,
        "web-page metadata `时间:2019-05-26` is not part of the document"
    );
    let labels: Vec<&str> = finding
        .labels
        .iter()
        .map(|l| source.slice(l.span))
        .collect();
    assert_eq!(labels, ["网站:公文素材库"]);
    assert_eq!(
        fixed(&text),
        format!("开鲁县总工会上半年工作总结\n\n\n{BODY}")
    );
    assert_found("格式:DOCX 页数:5 大小:18.18KB\n", &["格式:DOCX"]);
    assert_found("上传人:admin 文档编号:123456\n", &["上传人:admin"]);
}

#[test]
fn a_documents_own_labelled_lines_are_not_metadata() {
    assert_clean("时间:2019年5月26日\n地点:县工会三楼会议室\n");
    assert_clean("时间:2019年5月26日 地点:县工会会议室\n");
    assert_clean("来源:县财政拨款\n格式:统一规范\n作者:张三\n");
    assert_clean("Time: 9:30 a.m.\nVenue: the conference room\n");
}

#[test]
fn page_and_word_counters() {
    assert_found(&format!("{BODY}\n第1页 / 共5页\n"), &["第1页 / 共5页"]);
    assert_found(&format!("{BODY}\nPage 2 of 5\n"), &["Page 2 of 5"]);
    let text = format!("{BODY}_第1页\n");
    assert_found(&text, &["_第1页"]);
    assert_eq!(fixed(&text), format!("{BODY}\n"));
    let text = format!("{BODY}[此文共1014字]\n");
    assert_found(&text, &["[此文共1014字]"]);
    assert_eq!(fixed(&text), format!("{BODY}\n"));
    assert_clean("具体数据详见第3页。\n全书共5页。\n");
}

// Notices.

#[test]
fn copyright_and_attribution_notices() {
    let notice = "版权声明:此文自动收集于网络,若有来源错误或者侵犯您的合法权益,您可通过邮箱与我们取得联系,我们将及时进行处理。";
    let text = format!("{BODY}\n{notice}\n");
    let (found, severity, message) = only(&text);
    assert_eq!(found, notice);
    assert_eq!(severity, Severity::Error);
    assert_eq!(
        message,
        "website notice `版权声明` is not part of the document"
    );
    assert_eq!(fixed(&text), format!("{BODY}\n"));

    assert_found(
        "  来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。\n",
        &["来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。"],
    );
    assert_found(
        "由互联网用户整理提供,转载分享请保留原作者信息,谢谢!\n",
        &["由互联网用户整理提供,转载分享请保留原作者信息,谢谢!"],
    );
    assert_found("京ICP备12345678号\n", &["京ICP备12345678号"]);
    assert_found("客服QQ:123456789\n", &["客服QQ:123456789"]);
    assert_found(
        "Copyright © 2019 example.com All rights reserved\n",
        &["Copyright © 2019 example.com All rights reserved"],
    );
    assert_found(
        "友情提示:本文中关于《开鲁县总工会上半年工作总结》给出的范例仅供您参考拓展思维使用\n",
        &["友情提示:本文中关于《开鲁县总工会上半年工作总结》给出的范例仅供您参考拓展思维使用"],
    );
}

#[test]
fn a_documents_own_words_about_copyright_and_websites_are_not_notices() {
    assert_clean("加强版权保护工作,依法打击侵权盗版行为。");
    assert_clean("开通了工会网站,及时发布工会动态。网络安全工作扎实推进。");
    assert_clean("全年发放食品经营许可证120张,查处侵犯职工合法权益案件3起。");
    assert_clean("本站职工积极参加技能培训。温馨提示:冬季注意防火。");
    assert_clean("We strengthened copyright protection and the fight against piracy.");
}

// The website addressing its readers.

#[test]
fn lead_ins_and_sign_offs_on_their_own_lines() {
    assert_found(
        &format!("下面是小编整理的工作总结范文,欢迎阅读。\n{BODY}"),
        &["下面是小编整理的工作总结范文,欢迎阅读。"],
    );
    let (found, severity, message) = only(&format!("{BODY}\n欢迎阅读。\n{BODY}"));
    assert_eq!(found, "欢迎阅读。");
    assert_eq!(severity, Severity::Error);
    assert_eq!(
        message,
        "the website's words to its readers `欢迎阅读` are not part of the document"
    );
    assert_found("以上内容仅供参考。\n", &["以上内容仅供参考。"]);
    assert_found("希望对大家有所帮助!\n", &["希望对大家有所帮助!"]);
    assert_found(
        &format!("{ENGLISH_BODY}\nWelcome to share.\n"),
        &["Welcome to share."],
    );
}

#[test]
fn a_sign_off_after_the_documents_text_goes_alone() {
    let text = format!("{BODY}欢迎阅读。\n");
    assert_found(&text, &["欢迎阅读。"]);
    assert_eq!(fixed(&text), format!("{BODY}\n"));
    let text = format!("{ENGLISH_BODY} Welcome to share.\n");
    assert_found(&text, &["Welcome to share."]);
    assert_eq!(fixed(&text), format!("{ENGLISH_BODY}\n"));
}

#[test]
fn a_paragraph_ending_in_a_lead_in_is_the_websites_introduction() {
    let intro = "年度总结是对一年工作的回顾和反思,可以帮助我们明确目标。接下来,我们一起来阅读一些年度总结的典型范文。";
    let text = format!("{intro}\n{BODY}\n");
    let (found, severity, message) = only(&text);
    assert_eq!(found, intro);
    assert_eq!(severity, Severity::Error);
    assert_eq!(
        message,
        "paragraph introducing the website's samples (`接下来,我们一起来阅读一些年度总结的典型范文`) is not part of the document"
    );
    assert_eq!(fixed(&text), format!("{BODY}\n"));

    let english = "Time flies, and a period of work has come to an end. Are you still worried about writing a work summary? The following is a summary of my work in the office for you. Welcome to share.";
    assert_found(&format!("{english}\n{ENGLISH_BODY}"), &[english]);
    assert_found(
        "工会是党联系职工群众的桥梁和纽带。下面是小编搜集整理的乡镇工会工作总结。\n",
        &["工会是党联系职工群众的桥梁和纽带。下面是小编搜集整理的乡镇工会工作总结。"],
    );
}

#[test]
fn a_long_paragraph_before_a_lead_in_stays() {
    // Too long to be a website's introduction: the document's own text,
    // with the lead-in pasted after it.
    let text = format!("{}下面是小编整理的范文。\n", BODY.repeat(8));
    assert_found(&text, &["下面是小编整理的范文。"]);
    assert_eq!(fixed(&text), format!("{}\n", BODY.repeat(8)));
}

#[test]
fn a_documents_own_forward_references_are_not_lead_ins() {
    assert_clean("下面我给大家汇报一下今年的工作。接下来,我们将继续加强学习。");
    assert_clean("欢迎各位领导莅临指导。希望大家再接再厉。以下是今年的主要工作:");
    assert_clean("The following are our main measures. Let's work together. I hope to improve.");
}

// Addresses.

#[test]
fn the_pages_address_on_its_own_line() {
    let text = format!("{BODY}\nhttp://m.example.net/gongwen/449275.html\n");
    let (found, severity, message) = only(&text);
    assert_eq!(found, "http://m.example.net/gongwen/449275.html");
    assert_eq!(severity, Severity::Error);
    assert_eq!(
        message,
        "address `http://m.example.net/gongwen/4…` of the web page is not part of the document"
    );
    assert_eq!(fixed(&text), format!("{BODY}\n"));
    assert_found(
        "本文地址:https://www.example.com/fanwen/290089.html\n",
        &["本文地址:https://www.example.com/fanwen/290089.html"],
    );
    assert_found("copyright@example.com\n", &["copyright@example.com"]);
}

#[test]
fn an_address_in_running_text_is_a_warning_and_goes_alone() {
    let text = "本年度共整理资料50份 http://example.com/x/1.html 全部归档。\n";
    let (found, severity, message) = only(text);
    assert_eq!(found, "http://example.com/x/1.html");
    assert_eq!(severity, Severity::Warning);
    assert_eq!(
        message,
        "address `http://example.com/x/1.html` in the text looks copied from the web page"
    );
    assert_eq!(fixed(text), "本年度共整理资料50份 全部归档。\n");
}

#[test]
fn an_address_the_document_gives_as_its_own_stays() {
    assert_clean("开通了工会网站www.klzgh.cn,及时发布信息。\n");
    assert_clean("邮箱:union@example.com\n网站:www.example.gov.cn\n");
    assert_clean("Visit www.example.gov.cn for the full report.\n");
}

// Collection headings and sample numbers.

#[test]
fn collection_headings() {
    assert_found(
        &format!("{BODY}\n有关企业年度工作总结模板汇总六篇。\n{BODY}"),
        &["有关企业年度工作总结模板汇总六篇。"],
    );
    assert_found(
        "2023年个人工作总结范文(精选5篇)\n",
        &["2023年个人工作总结范文(精选5篇)"],
    );
    assert_clean("全年发表论文六篇。\n精选优秀稿件10篇\n");
}

#[test]
fn the_websites_sample_number_in_an_english_title_is_a_warning() {
    let text = "Summary of the work of the office of the administrative organ 1 Over the past year, the office played its role.\n";
    let (source, findings) = lint(text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(
        source.slice(finding.span),
        "Summary of the work of the office of the administrative organ"
    );
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(
        finding.message,
        "the website's number for this sample `1` is left in its title"
    );
    assert_eq!(source.slice(finding.labels[0].span), "1");
    assert_eq!(
        fixed(text),
        "Summary of the work of the office of the administrative organ Over the past year, the office played its role.\n"
    );
    assert_found(
        "Summary of Office Work of Administrative Organ 2 in 20xx Under the leadership of the bureau, we worked hard.\n",
        &["Summary of Office Work of Administrative Organ"],
    );
    assert_found(
        "Summary of the work of the administrative office 3 1. It is our duty.\n",
        &["Summary of the work of the administrative office"],
    );
}

#[test]
fn numbers_that_belong_to_a_title_stay() {
    assert_clean("Summary of the Work in Phase 2 Over the past year we grew.\n");
    assert_clean("Report on the 3 Projects of the Bureau\n");
    assert_clean("Summary of Grade 3 Teaching Work\n");
    assert_clean("Summary of the work, 2 In the past year\n");
}

#[test]
fn sample_numbers_in_chinese_titles() {
    let text = format!("乡镇工会工作总结2\n{BODY}");
    let (found, severity, _) = only(&text);
    assert_eq!(found, "乡镇工会工作总结");
    assert_eq!(severity, Severity::Warning);
    assert_eq!(fixed(&text), format!("乡镇工会工作总结\n{BODY}"));
    let text = format!("篇一:乡镇工会工作总结\n{BODY}");
    let (found, severity, _) = only(&text);
    assert_eq!(found, "篇一:");
    assert_eq!(severity, Severity::Error);
    assert_eq!(fixed(&text), format!("乡镇工会工作总结\n{BODY}"));
    assert_clean("2019年工作总结\n第一篇 总则\n");
}

// Debris.

#[test]
fn punctuation_left_on_the_last_line() {
    let text = format!("{ENGLISH_BODY}\n;");
    let (found, severity, message) = only(&text);
    assert_eq!(found, ";");
    assert_eq!(severity, Severity::Error);
    assert_eq!(message, "stray `;` is left at the end of the scraped page");
    assert_eq!(fixed(&text), format!("{ENGLISH_BODY}\n"));
    assert_found(&format!("{BODY}\n。\n\n"), &["。"]);
}

#[test]
fn punctuation_alone_elsewhere_is_not_debris() {
    assert_clean(&format!("{BODY}\n。\n{BODY}"));
    assert_clean(";");
    assert_clean(&format!("{BODY}\n---\n"));
}

// Layout.

#[test]
fn a_page_footer_without_blank_lines_is_judged_line_by_line() {
    // The title line inside the footer is no web-page text of its own.
    let text = format!(
        "{BODY}\n\n开鲁县总工会上半年工作总结\n由互联网用户整理提供,转载分享请保留原作者信息,谢谢!\nhttp://m.example.net/gongwen/449275.html\n相关阅读\n最近更新"
    );
    assert_found(
        &text,
        &[
            "由互联网用户整理提供,转载分享请保留原作者信息,谢谢!",
            "http://m.example.net/gongwen/449275.html",
            "相关阅读",
            "最近更新",
        ],
    );
    assert_eq!(
        fixed(&text),
        format!("{BODY}\n\n开鲁县总工会上半年工作总结\n")
    );
}

#[test]
fn crlf_terminators_go_with_their_lines() {
    let text = format!("相关阅读\r\n{BODY}\r\n欢迎阅读。\r\n{BODY}\r\n");
    assert_eq!(fixed(&text), format!("{BODY}\r\n{BODY}\r\n"));
}

#[test]
fn arbitrary_mixtures_of_tricky_text_never_panic() {
    // Fragments that exercise every scanner, glued in pseudo-random order:
    // spans and fixes must stay on character boundaries and inside the text.
    const PARTS: &[&str] = &[
        "首页",
        " ",
        "\n",
        "\r\n",
        "相关阅读",
        ":",
        "：",
        "时间:2019-05-26",
        " 21:34:39",
        "网站:公文素材库",
        ">",
        "»",
        "http://",
        "www.",
        "example.com",
        "@",
        "。",
        ";",
        "欢迎阅读",
        "下面是小编整理的范文",
        "Summary of the work of the office ",
        "1 ",
        "Over",
        "版权声明",
        "_第1页",
        "[此文共12字]",
        "篇一:",
        "汇总六篇",
        "工作总结2",
        "\u{3000}",
        "Welcome to share.",
        "  ",
        "大家",
        "网络",
        "Copyright © 2019",
        "扩展阅读:",
        "Source: Internet",
        "你好",
    ];
    let rule = Boilerplate::from_options(BoilerplateOptions::default()).unwrap();
    let context = RuleContext {
        rule_id: "boilerplate",
        severity: Severity::Error,
    };
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..24 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            text.push_str(PARTS[(state >> 33) as usize % PARTS.len()]);
        }
        let source = SourceFile::new("t.txt", text.clone());
        let document = Document::parse(&source);
        let mut edits = Vec::new();
        for finding in rule.check(&document, &context) {
            assert!(text.get(finding.span.range()).is_some(), "{text:?}");
            for edit in finding.fix.into_iter().flat_map(|fix| fix.edits) {
                assert!(text.get(edit.start..edit.end).is_some(), "{text:?}");
                edits.push(edit.span());
            }
        }
        edits.sort();
        for pair in edits.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "overlapping fixes in {text:?}"
            );
        }
    }
}

#[test]
fn a_clean_document_has_no_findings() {
    assert_clean(
        "XX市城建局2023年度工作总结\n\n2023年,在市委、市政府的正确领导下,我局扎实推进各项工作。现将一年来的工作总结如下:\n\n一、主要工作及成效\n\n（一）城市基础设施建设稳步推进。全年完成道路改造12条。\n\n二、存在的问题\n\n一是部分项目前期手续办理较慢。\n\n三、明年工作打算\n\n我们将继续加强项目管理。\n\nXX市城建局\n2023年12月28日\n",
    );
}

// Options.

#[test]
fn extra_patterns_report_their_matches() {
    let opts = || options(&["^本文由.*上传$", "范文网"], &[]);
    let text = format!("{BODY}\n本文由用户123上传\n{BODY}范文网\n");
    let (source, findings) = lint_with(opts(), &text);
    let reported: Vec<&str> = findings.iter().map(|f| source.slice(f.span)).collect();
    assert_eq!(reported, ["本文由用户123上传", "范文网"]);
    assert_eq!(
        findings[0].message,
        "`本文由用户123上传` matches `extra-patterns`: web-page text"
    );
    assert_eq!(fixed_with(opts(), &text), format!("{BODY}\n{BODY}\n"));
}

#[test]
fn allow_drops_findings_by_their_text_or_their_giveaway() {
    let text = format!("相关阅读\n以上数据仅供参考。\n{BODY}\n");
    assert_eq!(found(&text), ["相关阅读", "以上数据仅供参考。"]);
    let (_, findings) = lint_with(options(&[], &["仅供参考", "/相关.*/"]), &text);
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn invalid_options_are_refused_with_their_name() {
    let error = Boilerplate::from_options(options(&["("], &[])).unwrap_err();
    assert!(
        error.starts_with("`extra-patterns`: invalid regex `(`"),
        "{error}"
    );
    let error = Boilerplate::from_options(options(&["x*"], &[])).unwrap_err();
    assert!(error.contains("matches the empty string"), "{error}");
    let error = Boilerplate::from_options(options(&[], &["/[/"])).unwrap_err();
    assert!(error.starts_with("`allow`: invalid regex `[`"), "{error}");
}

#[test]
fn options_are_read_in_kebab_case_and_unknown_ones_refused() {
    let parsed: BoilerplateOptions =
        serde_json::from_str(r#"{"extra-patterns": ["范文网"], "allow": ["首页"]}"#).unwrap();
    assert_eq!(parsed.extra_patterns, ["范文网"]);
    assert_eq!(parsed.allow, ["首页"]);
    let error = serde_json::from_str::<BoilerplateOptions>(r#"{"alow": []}"#).unwrap_err();
    assert!(
        error.to_string().contains("unknown field `alow`"),
        "{error}"
    );
}

#[test]
fn the_rule_registers_under_its_id() {
    let mut registry = Registry::new();
    crate::register(&mut registry);
    let registered = registry.get("boilerplate").expect("registered");
    assert_eq!(registered.meta.default_severity, Severity::Error);
    assert!(registered.meta.recommended && registered.meta.fixable);
    assert!(
        Boilerplate::META
            .docs_markdown()
            .contains("## What does not fire")
    );
}

#[test]
fn a_scraped_page_renders_as_expected() {
    let text = "公文素材库 首页\n\n开鲁县总工会上半年工作总结\n\n时间:2019-05-26 21:34:39 网站:公文素材库\n\n上半年,县总工会按照部署开展工作。\n\n友情提示:本文中关于《开鲁县总工会上半年工作总结》给出的范例仅供您参考拓展思维使用\n\n由互联网用户整理提供,转载分享请保留原作者信息,谢谢!\nhttp://m.example.net/gongwen/449275.html\n相关阅读\n";
    let (source, findings) = lint(text);
    let mut rendered = String::new();
    for finding in &findings {
        let at = source.line_col(finding.span.start);
        rendered.push_str(&format!(
            "{}:{} {} {}\n  help: {}\n",
            at.line,
            at.column,
            finding.severity,
            finding.message,
            finding.help.as_deref().unwrap_or_default()
        ));
    }
    rendered.push_str("--- fixed ---\n");
    rendered.push_str(&fixed(text));
    insta::assert_snapshot!(rendered);
}
