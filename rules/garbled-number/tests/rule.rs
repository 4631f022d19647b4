//! What `garbled-number` reports and what it leaves alone, with the exact
//! text and severity of every finding.

use redline_core::{DeclaredRule, Document, Finding, Rule, RuleContext, Severity, SourceFile};
use redline_rules_garbled_number::{GarbledNumber, GarbledNumberOptions};

const ERROR: Severity = Severity::Error;
const WARNING: Severity = Severity::Warning;

fn lint_with(text: &str, options: GarbledNumberOptions) -> Vec<(String, Finding)> {
    let rule = GarbledNumber::from_options(options).unwrap();
    redline_testing::check(&rule, Severity::Error, text)
        .1
        .into_iter()
        .map(|finding| (text[finding.span.range()].to_owned(), finding))
        .collect()
}

fn lint(text: &str) -> Vec<(String, Finding)> {
    lint_with(text, GarbledNumberOptions::default())
}

/// The findings' texts and severities, in order.
fn reported(text: &str) -> Vec<(String, Severity)> {
    lint(text)
        .into_iter()
        .map(|(matched, finding)| (matched, finding.severity))
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

/// The message of the only finding in `text`.
#[track_caller]
fn message(text: &str) -> String {
    let findings = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    findings[0].1.message.clone()
}

mod artifacts {
    use super::*;

    #[test]
    fn the_65438_signature_in_its_forms() {
        assert_reports("共建会65438+0家,占总数的一半。", &[("65438+0", ERROR)]);
        assert_reports(
            "forests of the province. 165438+1From October 24th to 27th,",
            &[("165438+1", ERROR)],
        );
        assert_reports(
            "established on February 8, 65438+20xx, and its term",
            &[("65438+20xx", ERROR)],
        );
        assert_reports(
            "accounting for 654.38+0.49.5% of the tasks",
            &[("654.38+0.49.5%", ERROR)],
        );
        assert_reports(
            "200 million yuan (US$ 6.5438+0.000 million foreign investment)",
            &[("6.5438+0.000", ERROR)],
        );
        assert_reports("同比增长65.438+0.29个百分点。", &[("65.438+0.29", ERROR)]);
    }

    #[test]
    fn the_artifact_after_a_month_and_its_cut_off_tail() {
        assert_reports(
            "The meeting held on June 5438+0 decided",
            &[("June 5438+0", ERROR)],
        );
        assert_reports("It was founded in June 5438.", &[("June 5438", ERROR)]);
        assert_reports("完成全年任务的38+00%。", &[("38+00%", ERROR)]);
    }

    #[test]
    fn messages_name_the_artifact() {
        assert_eq!(
            message("共165438+1家"),
            "`165438+1` is a garbled number: `65438` is a scraping artifact that replaced a digit"
        );
        let finding = &lint("共165438+1家")[0].1;
        assert_eq!(
            finding.help.as_deref(),
            Some("check the figure against the source and write it out")
        );
    }

    #[test]
    fn kloc_and_kooc() {
        assert_reports(
            "submitted more than 20 pieces of information/kloc-0 to the centre",
            &[("/kloc-0", ERROR)],
        );
        assert_reports(
            "there are men's/KOOC-0/9 teams and women's/KOOC-0//KOOC-0/teams, about/KOOC-0/50.",
            &[
                ("/KOOC-0/9", ERROR),
                ("/KOOC-0//KOOC-0/", ERROR),
                ("/KOOC-0/50", ERROR),
            ],
        );
        assert!(message("documents/kloc-0, and").contains("`/kloc-0/` is a scraping artifact"));
    }

    #[test]
    fn formulas_and_slogans_with_plus_are_left_alone() {
        assert_clean("推行“3+1”模式,坚持“5+2、白加黑”,采用图解+实测法。");
        assert_clean("The score was 38+12 and 6+5=11.");
        assert_clean("defects/KLOC fell below 0.5 per KLOC");
    }
}

mod glued {
    use super::*;

    #[test]
    fn figures_glued_to_words() {
        assert_reports("an increase of16% over last year", &[("of16%", ERROR)]);
        assert_reports(
            "the reports1throughout the year were filed",
            &[("reports1throughout", WARNING)],
        );
        assert_reports("last year. 1From October on,", &[("1From", WARNING)]);
        assert!(message("an increase of16% over").contains("glued to the word `of`"));
    }

    #[test]
    fn the_digit_one_for_yi() {
        assert_reports(
            "制定了1系列措施,取得了1些成效。",
            &[("1系列", ERROR), ("1些", ERROR)],
        );
        assert!(message("制定了1系列措施").contains("`一系列`"));
    }

    #[test]
    fn counts_of_one_keep_their_digit() {
        assert_clean("全年发生1起事故,完成1道工序,开通1线城市专线,第1系列产品。");
    }

    #[test]
    fn the_letter_l_as_list_number() {
        assert_reports(
            "一、组织建设\nl、认真做好基层工会组织建设发展会员\n2、加强宣传",
            &[("l、", ERROR)],
        );
        assert_reports("工作有序。l、认真做好发展会员。", &[("l、", ERROR)]);
        assert_clean("look、listen and learn\nlist: a, b");
    }

    #[test]
    fn letters_inside_a_figure() {
        assert_reports("回顾2O19年工作", &[("2O19", ERROR)]);
        assert_reports("截至20l9年底", &[("20l9", ERROR)]);
    }

    #[test]
    fn ordinals_units_and_codes_are_not_glued() {
        assert_clean(
            "On the 1st and the 24th, 5G and 3D, 10km, ISO9000, iso9000, C2C, MP3, \
             COVID-19, H1N1, No.5, 100Mbps, 2x faster, 1990s.",
        );
        assert_clean("建成4S店和5G基站,通过ISO9000认证,打造5A级景区,推广3D打印。");
        assert_clean("see www.abc123def.com or user_2019data");
        assert_clean("a subsidy of 1000yuan for 3days, 10Gbit links, 24hours");
    }
}

mod years {
    use super::*;

    #[test]
    fn doubled_and_fused_years() {
        assert_reports("回顾2019019年我乡工会工作", &[("2019019年", ERROR)]);
        assert_reports("20192020年度计划", &[("20192020年", ERROR)]);
        assert!(message("回顾2019019年").contains("7 digits where a year has four"));
    }

    #[test]
    fn real_years_and_round_spans_of_years() {
        assert_clean("2019年我们节日共走访,建党90周年,距今20000年。");
    }
}

mod masked {
    use super::*;

    #[test]
    fn a_year_mask_over_a_figure() {
        assert_reports("参加志愿服务2620xx,得到好评", &[("2620xx", ERROR)]);
        assert_reports("参加志愿服务2620__,得到好评", &[("2620__", ERROR)]);
        assert_reports("女会员占有比例达71.20xx为进一步加强", &[("71.20xx", ERROR)]);
        assert_reports(
            "女会员占有比例达71、20xx为进一步加强",
            &[("71、20xx", ERROR)],
        );
    }

    #[test]
    fn a_year_mask_before_a_count_unit() {
        assert_reports(
            "印发资料20xx余份,打造20xx亩基地,培训人数达到201*人。",
            &[("20xx", ERROR), ("20xx", ERROR), ("201*", ERROR)],
        );
        assert!(message("印发资料20xx余份").contains("a year mask stands where a count belongs"));
    }

    #[test]
    fn a_masked_chinese_numeral() {
        assert_reports("组织了喜迎党代会、建功十x五文艺演出", &[("十x五", ERROR)]);
    }

    #[test]
    fn year_placeholders_and_lookalikes_are_the_placeholder_rules() {
        assert_clean("20xx年工作总结\n1、20xx年工作回顾\n2xx3年1月\n**2020**年度");
        assert_clean("建功十一五、十二五,“五五”普法,“八一”广场,3×4米,200x zoom");
    }
}

mod separators {
    use super::*;

    #[test]
    fn a_space_inside_a_figure() {
        assert_reports("总投资5 9亿元,", &[("5 9", WARNING)]);
        assert_reports("完成任务的108 3%。", &[("108 3", WARNING)]);
        assert_reports(
            "with an investment of 3 1.86 million yuan, and",
            &[("3 1.86", WARNING)],
        );
    }

    #[test]
    fn commas_that_are_no_thousands_separators() {
        assert_reports("at a price of 1,69 yuan per kilo", &[("1,69", WARNING)]);
        assert_reports("a subsidy of 7, yuan per mu", &[("7, yuan", WARNING)]);
        assert_reports("counted 1,00,0 households", &[("1,00,0", WARNING)]);
    }

    #[test]
    fn full_and_half_width_digits_in_one_figure() {
        assert_reports("２0１9年工作总结", &[("２0１9", ERROR)]);
        assert!(message("２0１9年").contains("mixes full-width and half-width digits"));
    }

    #[test]
    fn real_separators_decimals_stamps_and_phones() {
        assert_clean(
            "1,260 people, 12,345,678 yuan, 98.6%, 285.2万元, 7例1.09万元, 分别为3,5,7个。",
        );
        assert_clean("时间:2019-05-26 21:34:39 网站:公文素材库");
        assert_clean("联系电话:0475-1234567,传真 0475 1234568");
        assert_clean("the administrative office 3 1. It is the result");
        assert_clean("Article 3 15% of the fund");
        assert_clean("全年完成２０１９个项目");
    }
}

mod dates {
    use super::*;

    #[test]
    fn months_and_days_that_do_not_exist() {
        assert_reports("计划于13月底完成", &[("13月", ERROR)]);
        assert_reports("于5月32日召开", &[("5月32日", ERROR)]);
        assert_reports("于2月30日召开", &[("2月30日", ERROR)]);
        assert_eq!(
            message("计划于13月底完成"),
            "month 13 does not exist: `13月`"
        );
        assert!(message("于2月30日召开").contains("month 2 has 29 days"));
    }

    #[test]
    fn english_dates_that_do_not_exist() {
        assert_reports(
            "The meeting on February 30 agreed",
            &[("February 30", ERROR)],
        );
        assert_reports("held on 31 April in Kunming", &[("31 April", ERROR)]);
        assert_reports("due on Sept. 31st,", &[("Sept. 31st", ERROR)]);
        assert_reports(
            "dated 2019-13-05 and 2019/02/30",
            &[("2019-13-05", ERROR), ("2019/02/30", ERROR)],
        );
        assert!(message("on February 30 agreed").contains("February has 29 days"));
    }

    #[test]
    fn a_date_cut_short() {
        assert_reports("1月19,我镇举办座谈会", &[("1月19", WARNING)]);
        assert!(message("1月19,我镇").contains("has no `日`"));
        assert_clean("1月19、20日两天,3月5 日召开");
    }

    #[test]
    fn ranges_that_run_backwards() {
        assert_reports(
            "From June to April, the office",
            &[("From June to April", WARNING)],
        );
        assert_reports("6月至4月开展活动", &[("6月至4月", WARNING)]);
        assert_reports("6-4月开展活动", &[("6-4月", WARNING)]);
        assert_reports("5月17日至15日举办", &[("5月17日至15日", WARNING)]);
        assert_reports(
            "from May 17 to May 15, the contest",
            &[("from May 17 to May 15", WARNING)],
        );
        assert!(message("6月至4月开展").contains("runs backwards"));
    }

    #[test]
    fn list_numbers_before_a_month_are_not_months() {
        assert_clean("(1)3月份,召开会议。(2)5月初,开展培训。（3）6月底,完成验收。\n1.3月份召开");
    }

    #[test]
    fn real_dates_and_ranges() {
        assert_clean(
            "12月31日、2月29日、3月5、6日、7-9月、1-10社、10月至3月、9月至次年6月、\
             10月至次年3月、18月龄、第13月",
        );
        assert_clean(
            "From May 15 to May 17, the contest ran; October 24th to 27th; \
             from September to June; the March 8th Festival; in June 2019; May 3.5 tons",
        );
    }

    #[test]
    fn plan_and_event_names() {
        assert_clean(
            "the \"Eleventh Five-Year Plan\", the \"123 Project\", Article 15 of the Law, “720”工程",
        );
    }
}

mod rates {
    use super::*;

    #[test]
    fn shares_above_the_whole() {
        assert_reports("整治覆盖面达到100﹪以上,", &[("100﹪以上", WARNING)]);
        assert_reports("覆盖面100%以上", &[("100%以上", WARNING)]);
        assert_reports("全镇入会率达到105%。", &[("105%", ERROR)]);
        assert_reports("the coverage rate reached 120%.", &[("120%", ERROR)]);
        assert!(message("全镇入会率达到105%。").contains("a share cannot exceed 100%"));
    }

    #[test]
    fn growth_and_completion_may_pass_100() {
        assert_clean("同比增长120%,完成任务的112.27﹪,完成目标的103.15%,签订率达100%。");
        assert_clean(
            "output grew 150%, with the recovery rate of 100%; the payment rate reached 100%.",
        );
        assert_clean("覆盖面同比增长120%,配套比例为150%;the coverage rate increased by 120%.");
    }

    #[test]
    fn a_whole_number_with_zero_decimals_in_english() {
        assert_reports(
            "was completed, accounting for 1.00% of the key area",
            &[("1.00%", WARNING)],
        );
        assert_reports(
            "and chemical fertilizer 1.00 tons.",
            &[("1.00 tons", WARNING)],
        );
        assert_clean("a price of $1.00 each, 1.00万元, 1.00 million yuan");
    }
}

mod amounts {
    use super::*;

    #[test]
    fn approximate_marker_after_exact_decimals() {
        assert_reports("水稻面积9638.45余亩,", &[("9638.45余", WARNING)]);
        assert_clean("资料3000余份,面积610余亩,投资1.5万余元");
    }

    #[test]
    fn money_counted_in_people() {
        assert_reports(
            "with an investment of 747,000 people. The",
            &[("investment of 747,000 people", WARNING)],
        );
        assert_clean("with 455,000 people trained and an investment of 2 million yuan");
    }

    #[test]
    fn a_vague_amount_and_a_figure() {
        assert_reports(
            "collect all kinds of information, dozens of copies 100.",
            &[("dozens of copies 100", WARNING)],
        );
        assert_clean("dozens of villages, 100 in all; hundreds of copies of 100 pages.");
    }
}

mod options {
    use super::*;

    #[test]
    fn certain_only_drops_suspect_findings() {
        let text = "计划于13月底完成,总投资5 9亿元";
        let options = GarbledNumberOptions {
            certain_only: true,
            ..Default::default()
        };
        let matched: Vec<String> = lint_with(text, options)
            .into_iter()
            .map(|(m, _)| m)
            .collect();
        assert_eq!(matched, ["13月"]);
    }

    #[test]
    fn allowed_texts_are_dropped() {
        let options = GarbledNumberOptions {
            allow: vec!["3Com".to_owned()],
            ..Default::default()
        };
        assert!(lint_with("bought from 3Com today", options).is_empty());
        assert_reports("bought from 3Com today", &[("3Com", WARNING)]);
    }

    #[test]
    fn empty_allow_entries_are_rejected() {
        let options = GarbledNumberOptions {
            allow: vec![String::new()],
            ..Default::default()
        };
        assert!(GarbledNumber::from_options(options).is_err());
    }

    #[test]
    fn metadata_and_registration() {
        let mut registry = redline_core::Registry::new();
        redline_rules_garbled_number::register(&mut registry);
        let meta = registry.get("garbled-number").unwrap().meta;
        assert_eq!(meta.default_severity, Severity::Error);
        assert!(meta.recommended && !meta.fixable);
        assert!(meta.docs.contains("65438"));
    }
}

#[test]
fn nothing_in_plain_text() {
    assert_clean("镇工会在镇党委领导下,紧紧围绕中心工作,取得了明显成效。");
    assert_clean("The office focused on coordination and service work.");
    assert_clean("");
}

/// Arbitrary mixes of the characters the checks look at never make the
/// rule panic or report a span off a character boundary.
#[test]
fn never_panics_on_arbitrary_text() {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "2",
        "9",
        "6",
        "5438",
        "０",
        "１",
        "月",
        "日",
        "年",
        "号",
        "%",
        "﹪",
        "％",
        ",",
        "，",
        ".",
        "．",
        " ",
        "\u{A0}",
        "\u{3000}",
        "x",
        "X",
        "*",
        "＊",
        "×",
        "_",
        "十",
        "五",
        "l",
        "、",
        "/",
        "kloc",
        "-",
        "+",
        "June",
        "May",
        "from ",
        " to ",
        "of",
        "余",
        "以上",
        "覆盖率",
        "\n",
        "至",
        "第",
        "O",
        "yuan",
        "dozens of ",
        "s ",
        "investment of ",
        "people",
        "系列",
    ];
    let rule = GarbledNumber::from_options(GarbledNumberOptions::default()).unwrap();
    let context = RuleContext {
        rule_id: "garbled-number",
        severity: Severity::Error,
    };
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..24 {
            // xorshift: deterministic, no dependency.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        let source = SourceFile::new("fuzz.txt", text.clone());
        let document = Document::parse(&source);
        for finding in rule.check(&document, &context) {
            assert!(
                text.is_char_boundary(finding.span.start)
                    && text.is_char_boundary(finding.span.end)
                    && finding.span.start < finding.span.end,
                "bad span {:?} in {text:?}",
                finding.span
            );
        }
    }
}
