use super::*;
use redline_core::{Applicability, Registry, Severity, SourceFile};

fn lint_with(options: PlaceholderOptions, text: &str) -> (SourceFile, Vec<Finding>) {
    let rule = Placeholder::from_options(options).expect("options are valid");
    lint_by(&rule, text)
}

fn lint_by(rule: &Placeholder, text: &str) -> (SourceFile, Vec<Finding>) {
    redline_testing::check(rule, Severity::Error, text)
}

fn lint(text: &str) -> (SourceFile, Vec<Finding>) {
    lint_with(PlaceholderOptions::default(), text)
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

/// The only finding in `text`: its text, message and help.
#[track_caller]
fn only(text: &str) -> (String, String, String) {
    let (source, findings) = lint(text);
    assert_eq!(findings.len(), 1, "in {text:?}: {findings:#?}");
    let finding = &findings[0];
    (
        source.slice(finding.span).to_owned(),
        finding.message.clone(),
        finding.help.clone().unwrap_or_default(),
    )
}

fn options(extra: &[&str], allow: &[&str], year: Option<i64>) -> PlaceholderOptions {
    PlaceholderOptions {
        extra_patterns: extra.iter().map(|s| s.to_string()).collect(),
        allow: allow.iter().map(|s| s.to_string()).collect(),
        year,
    }
}

fn build_error(options: PlaceholderOptions) -> String {
    Placeholder::from_options(options).expect_err("options are invalid")
}

// Years.

#[test]
fn year_masks_in_every_spelling() {
    assert_found("20xx年工作总结", &["20xx"]);
    assert_found("In 20XX, the office focused on", &["20XX"]);
    assert_found("20××年上半年", &["20××"]);
    assert_found("２０ＸＸ年度总结", &["２０ＸＸ"]);
    assert_found("回顾200X年", &["200X"]);
    assert_found("在201X年", &["201X"]);
    assert_found("开鲁县总工会201*年上半年工作总结", &["201*"]);
    assert_found("截止20__年10月份", &["20__"]);
    assert_found("20**年,我镇", &["20**"]);
    assert_found("19XX年出生", &["19XX"]);
    assert_found("2xx3年全年总收入", &["2xx3"]);
    assert_found("2x20xx在市总工会的领导下", &["2x20xx"]);
    assert_found("2__20__在市总工会的领导下", &["2__20__"]);
    assert_found("20xx-*年全县完成", &["20xx", "*"]);
}

#[test]
fn a_year_mask_has_its_message_help_and_position() {
    let (source, findings) = lint("第一行\n回顾20xx年,XX市");
    let year = &findings[0];
    assert_eq!(source.slice(year.span), "20xx");
    assert_eq!(
        year.message,
        "template placeholder `20xx` was never filled in"
    );
    assert_eq!(year.help.as_deref(), Some("write the actual year"));
    assert_eq!(year.rule, "placeholder");
    assert_eq!(year.severity, Severity::Error);
    assert_eq!(source.line_col(year.span.start).line, 2);
    assert_eq!(source.line_col(year.span.start).column, 3);
    let city = &findings[1];
    assert_eq!(source.slice(city.span), "XX");
    assert_eq!(source.line_col(city.span.start).column, 9);
    assert_eq!(source.line_col(city.span.end).column, 11);
    assert!(year.fix.is_none(), "no fix without the `year` option");
}

#[test]
fn a_year_mask_glued_to_a_number_reports_the_mask_only() {
    let (text, message, help) = only("参加志愿服务2620xx,得到了好评");
    assert_eq!(text, "20xx");
    assert_eq!(message, "year mask `20xx` overwrote a figure");
    assert!(help.starts_with("restore the original figure"), "{help}");
    assert_eq!(only("女会员占有比例达71.20xx为进一步").0, "20xx");
    assert_eq!(only("比例达71、20xx为").0, "20xx");
    assert_eq!(
        only("印发宣传资料20xx余份").1,
        "year mask `20xx` overwrote a figure"
    );
    assert_eq!(
        only("培训人数达到201*人。").1,
        "year mask `201*` overwrote a figure"
    );
    // An MT artefact before a real year: still a year.
    let (text, message, _) = only("on February 8, 65438+20xx, and its term");
    assert_eq!(
        (text.as_str(), message.as_str()),
        ("20xx", "template placeholder `20xx` was never filled in")
    );
}

// Names and units.

#[test]
fn masks_standing_for_names() {
    assert_eq!(
        only("XX市城建局"),
        (
            "XX".into(),
            "template placeholder `XX` was never filled in".into(),
            "write the name of the city".into()
        )
    );
    assert_eq!(only("xx乡工会工作").2, "write the name of the township");
    assert_eq!(only("在xx街道试点").2, "write the name of the subdistrict");
    assert_eq!(only("XX局").2, "write the name of the organization");
    assert_eq!(only("xx小学").2, "write the name of the organization");
    assert_eq!(
        only("under the XX Municipal Committee").2,
        "write the name of the city"
    );
    assert_eq!(
        only("为xx的经济发展").2,
        "write the name or words it stands for"
    );
    assert_found("在x镇召开", &["x"]);
    assert_found("扩展阅读:XXX总工会", &["XXX"]);
    assert_found("××局、ＸＸ县", &["××", "ＸＸ"]);
    assert_found(
        "xx化工公司工会、xx化工厂工会、xx镇卫生院工会",
        &["xx", "xx", "xx"],
    );
    assert_found("开创了xx乡工会工作的全新局面", &["xx"]);
    assert_found("生态立县、产业xx县", &["xx"]);
}

#[test]
fn other_masks_standing_for_names() {
    assert_eq!(only("某某公司").0, "某某");
    assert_eq!(only("*****工会").0, "*****");
    assert_eq!(only("**年").2, "write the actual year");
    assert_eq!(only("*年完成造林面积2.54万亩").0, "*");
    assert_eq!(only("2019年zz乡工会").2, "write the name of the township");
    assert_eq!(only("the original city * factory, the wage").0, "*");
    assert_eq!(only("**市").0, "**");
    // A masked date pairs its stars up like Markdown emphasis, but is not.
    assert_found("于**年**月**日", &["**", "**", "**"]);
}

// Dates.

#[test]
fn date_masks() {
    assert_found("x month XX day", &["x", "XX"]);
    assert_found("于X月X日召开", &["X", "X"]);
    assert_found("xx月xx日", &["xx", "xx"]);
    assert_eq!(only("in XX year").2, "write the actual year");
    assert_eq!(only("截至X月底").2, "write the actual date");
    assert_found("填写日期:yyyy年mm月dd日", &["yyyy", "mm", "dd"]);
    assert_found("xx年,镇职工会积极配合", &["xx"]);
}

// Blanks.

#[test]
fn runs_of_underscores() {
    let (text, message, help) = only("完成投资____万元");
    assert_eq!(text, "____");
    assert_eq!(message, "blank `____` was never filled in");
    assert_eq!(help, "fill in the missing figure");
    assert_eq!(only("by the end of ____ and").2, "fill in the blank");
    assert_found("by the end of _ _ _ and", &["_ _ _"]);
    assert_found("其中____年新建工会6家", &["____"]);
    assert_found("新建工会是:__化工公司工会、__化工厂工会", &["__", "__"]);
    assert_found("为__的经济发展", &["__"]);
    assert_found("在市总工会的领导下,_,围绕学校办学目标", &["_"]);
    assert_found("签字：＿＿＿＿", &["＿＿＿＿"]);
}

#[test]
fn empty_brackets() {
    assert_eq!(
        only("先后下发了护办发[]8号"),
        (
            "[]".into(),
            "empty brackets `[]` were never filled in".into(),
            "write the document number in full, with its year and serial number".into()
        )
    );
    assert_found("网站“开鲁县总工会网”()日前正式开通", &["()"]);
    assert_found("负责人：（ ）", &["（ ）"]);
    assert_found("联系人【】", &["【】"]);
    assert_found("县政办发〔〕12号", &["〔〕"]);
    assert_found("请阅读《　》", &["《　》"]);
    assert_eq!(
        only("负责人：（ ）").2,
        "fill in the missing value, or remove the brackets"
    );
}

#[test]
fn bracketed_labels() {
    assert_found(
        "Dear [Name], on [Insert date] we met [Your Company Name].",
        &["[Name]", "[Insert date]", "[Your Company Name]"],
    );
    assert_eq!(only("Signed on [Date]").2, "write the actual date");
    assert_eq!(only("Total: [Amount]").2, "fill in the missing figure");
}

#[test]
fn missing_figures() {
    let (text, message, help) = only("全县共 人参加培训");
    assert_eq!(text, "共 人");
    assert_eq!(message, "figure missing in `共 人`");
    assert_eq!(help, "fill in the missing figure");
    assert_found("签订率达 %", &["达 %"]);
    assert_found("合计　元", &["合计　元"]);
    assert_found("同比增幅 %。", &["幅 %"]);
    assert_eq!(only("共有XXXX个").2, "fill in the missing figure");
    assert_eq!(only("观众xx人次").2, "fill in the missing figure");
    assert_found("提高了X%", &["X"]);
    assert_found("rose by X% this year", &["X"]);
}

#[test]
fn document_number_with_nothing_in_it() {
    let (source, findings) = lint("先后下发了护办发[]8号、护政办发号等文件");
    let texts: Vec<_> = findings.iter().map(|f| source.slice(f.span)).collect();
    assert_eq!(texts, ["[]", "办发号"]);
    assert_eq!(
        findings[1].message,
        "document number `办发号` has no year or serial number"
    );
    assert_eq!(
        findings[1].help.as_deref(),
        Some("write the document number in full, with its year and serial number")
    );
}

// Markers.

#[test]
fn unfinished_work_markers() {
    assert_eq!(
        only("TODO: add the figures"),
        (
            "TODO".into(),
            "unfinished-work marker `TODO` was left in the text".into(),
            "write the missing content and remove the marker".into()
        )
    );
    assert_found("Budget: TBD.", &["TBD"]);
    assert_found("FIXME 数字", &["FIXME"]);
    assert_found("主要成绩:待补充", &["待补充"]);
    assert_found("会议时间待定。", &["待定"]);
    assert_found("此处填写单位名称", &["此处填写"]);
}

// What must not fire.

#[test]
fn roman_numerals_are_not_placeholders() {
    assert_clean("See Chapter XX of the regulations.");
    assert_clean("Article XX applies.");
    assert_clean("Part XX and Volume XX and No. XX");
    assert_clean("in the XX century");
    assert_clean("the XX Olympic Winter Games");
    assert_clean("the XX Congress of the party");
    assert_clean("the XX National Congress");
    assert_clean("在XX世纪末");
    assert_clean("XXI century, XIV, XXV");
}

#[test]
fn words_codes_and_numbers_with_x_are_not_placeholders() {
    assert_clean("next export examination Xinjiang Xi'an Lincang");
    assert_clean("XXL码的工作服");
    assert_clean("X5和XC90两款车型, iPhone X");
    assert_clean("a 2x faster process, 200x zoom, 3 x 4");
    assert_clean("3×4米,长×宽");
    assert_clean("X光片和X射线");
    assert_clean("建功十x五");
    assert_clean("xx-large, mail xxx@example.com or visit www.xxx.com/xx/");
    assert_clean("借鉴iso9000标准");
    assert_clean("Windows XP, Mac OS X, SpaceX, Generation X, an X-ray, 3 × 4 m");
}

#[test]
fn other_look_alikes_are_not_placeholders() {
    assert_clean("活动时aa制余额及会费,AA制2750元");
    assert_clean("COVID-19 疫情");
    assert_clean("“十二五”收官、“十三五”开局");
    assert_clean("ZZ Top; 日期格式为yyyy-mm-dd");
    assert_clean("2019年我们节日共走访慰问特困职工15户");
    assert_clean("累计签订工资集体协议50家,增幅15.01%,达到 50 %");
    assert_clean("节约 人力,全体 人员");
    assert_clean("职工张某某因病致贫");
}

#[test]
fn masked_user_names_on_download_sites_are_not_placeholders() {
    assert_clean("上传人:张**\n上传时间:2019-05-26");
    assert_clean("用户***发布于2019年");
    assert_clean("Uploaded by ***");
    assert_clean("上传人：王**上传");
    assert_clean("表彰王**同志,联系电话138****1234,身份证1101**********1234");
}

#[test]
fn markdown_code_and_faces_are_not_placeholders() {
    assert_clean("**重点工作**:做好宣传");
    assert_clean("一是**抓好**组建");
    assert_clean("* * *\n____\n- [ ] 待办\n[ ] 事项");
    assert_clean("see [text](http://example.com) and ![](image.png)");
    assert_clean("see [Name][1]\n[Name]: http://example.com");
    assert_clean("call f() or a[] or __init__ and snake_case");
    assert_clean("type Options = (); \"labels\": [], .map(|(at, _)| at)");
    assert_clean("谢谢^_^,好的-_-");
    assert_clean("注*:为必填项");
}

#[test]
fn phrases_that_contain_marker_words_are_not_markers() {
    assert_clean("制度有待补充和完善,尚待定夺");
    assert_clean("这个概念待定义");
    assert_clean("发号施令,向全县发号召");
}

// Options.

#[test]
fn allow_drops_literals_and_whole_regex_matches() {
    let texts = |options: PlaceholderOptions| {
        let (source, findings) = lint_with(options, "XX市20xx年,XXX总工会");
        findings
            .iter()
            .map(|f| source.slice(f.span).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(options(&[], &["XX"], None)), ["20xx", "XXX"]);
    assert_eq!(texts(options(&[], &["/20[xX]{2}/"], None)), ["XX", "XXX"]);
    assert_eq!(
        texts(options(&[], &["/X+/", "20xx"], None)),
        Vec::<String>::new()
    );
    // A regex must match the whole reported text.
    assert_eq!(
        texts(options(&[], &["/20/", "/X/"], None)),
        ["XX", "20xx", "XXX"]
    );
}

#[test]
fn extra_patterns_are_reported_once() {
    let extra = options(&["〇〇[市县]", "YOUR NAME HERE"], &[], None);
    let (source, findings) = lint_with(extra, "〇〇市总工会, YOUR NAME HERE, XX市");
    let texts: Vec<_> = findings.iter().map(|f| source.slice(f.span)).collect();
    assert_eq!(texts, ["〇〇市", "YOUR NAME HERE", "XX"]);
    assert_eq!(
        findings[0].message,
        "template placeholder `〇〇市` was never filled in"
    );
    assert!(
        findings[0]
            .help
            .as_deref()
            .unwrap()
            .contains("extra-patterns")
    );

    // A built-in finding and an extra pattern over the same text: one finding.
    let (_, findings) = lint_with(options(&["XX市"], &[], None), "XX市");
    assert_eq!(findings.len(), 1);
    // Allowed texts are dropped whichever pattern found them.
    let (_, findings) = lint_with(options(&["待审核"], &["待审核"], None), "待审核");
    assert!(findings.is_empty());
}

#[test]
fn the_year_option_offers_an_unsafe_fix_for_year_masks() {
    let (source, findings) = lint_with(options(&[], &[], Some(2023)), "回顾20xx年工作");
    let fix = findings[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Unsafe);
    let start = source.text().find("20xx").unwrap();
    assert_eq!(
        fix.edits,
        [Edit {
            start,
            end: start + 4,
            replacement: "2023".into()
        }]
    );

    let replacement = |text: &str| {
        let (_, findings) = lint_with(options(&[], &[], Some(2023)), text);
        findings[0]
            .fix
            .as_ref()
            .map(|fix| fix.edits[0].replacement.clone())
    };
    assert_eq!(replacement("２０ＸＸ年").as_deref(), Some("２０２３"));
    assert_eq!(replacement("2x20xx在").as_deref(), Some("2023"));
    assert_eq!(replacement("202*年").as_deref(), Some("2023"));
    assert_eq!(replacement("2xx3年").as_deref(), Some("2023"));
    // Masks whose visible digits disagree, masks over figures, and masks
    // that are not written as a year get no fix.
    assert_eq!(replacement("201*年"), None);
    assert_eq!(replacement("2xx4年"), None);
    assert_eq!(replacement("19XX年"), None);
    assert_eq!(replacement("参加志愿服务2620xx,"), None);
    assert_eq!(replacement("xx年"), None);
    assert_eq!(replacement("XX市"), None);
}

#[test]
fn invalid_options_are_errors_that_name_the_pattern() {
    let error = build_error(options(&["(unclosed"], &[], None));
    assert!(
        error.starts_with("`extra-patterns`: invalid regex `(unclosed`:"),
        "{error}"
    );
    let error = build_error(options(&[], &["/[oops/"], None));
    assert!(
        error.starts_with("`allow`: invalid regex `[oops`:"),
        "{error}"
    );
    let error = build_error(options(&["x*"], &[], None));
    assert!(error.contains("`x*` matches the empty string"), "{error}");
    assert_eq!(
        build_error(options(&[], &[], Some(23))),
        "`year` must be a four-digit year such as 2023, not 23"
    );
    assert!(Placeholder::from_options(options(&[], &["/"], Some(9999))).is_ok());
}

#[test]
fn options_use_kebab_case_and_reject_unknown_keys() {
    let parsed: PlaceholderOptions =
        serde_json::from_str(r#"{"extra-patterns": ["〇〇市"], "allow": ["XXX"], "year": 2024}"#)
            .unwrap();
    assert_eq!(parsed.extra_patterns, ["〇〇市"]);
    assert_eq!(parsed.allow, ["XXX"]);
    assert_eq!(parsed.year, Some(2024));
    let empty: PlaceholderOptions = serde_json::from_str("{}").unwrap();
    assert!(empty.extra_patterns.is_empty() && empty.allow.is_empty() && empty.year.is_none());
    let unknown = serde_json::from_str::<PlaceholderOptions>(r#"{"years": 2024}"#).unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `years`"),
        "{unknown}"
    );
}

#[test]
fn the_rule_registers_with_its_metadata() {
    let mut registry = Registry::new();
    crate::register(&mut registry);
    let registered = registry.get("placeholder").expect("registered");
    assert_eq!(registered.meta.default_severity, Severity::Error);
    assert!(registered.meta.recommended && registered.meta.fixable);
    assert_eq!(registered.meta.family, "placeholder");
    assert!(registered.meta.docs.contains("## What fires"));
    assert!(registered.meta.docs.contains("## What does not fire"));
    assert!(registered.meta.docs.contains("## Options"));
}

#[test]
fn findings_come_in_text_order_without_overlaps() {
    let text = "20xx年,XX市____万元,TODO,（ ）,某某局,共 人";
    let (_, findings) = lint(text);
    assert_eq!(findings.len(), 7);
    for pair in findings.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:#?}");
    }
}

#[test]
fn a_mixed_report_renders_as_expected() {
    let text = "XX市城建局20XX年度工作总结\n\
                一、201*年以来累计召开调度会48次,在xx街道试点,完成投资____万元。\n\
                In 20xx, under the XX Municipal Committee, the office held X month meetings.\n\
                Chapter XX and the XX century are Roman; 上传人:张** is a user.\n";
    let (source, findings) = lint(text);
    let rendered: Vec<String> = findings
        .iter()
        .map(|finding| {
            let at = source.line_col(finding.span.start);
            format!(
                "{}:{} `{}` {} | {}",
                at.line,
                at.column,
                source.slice(finding.span),
                finding.message,
                finding.help.as_deref().unwrap_or_default()
            )
        })
        .collect();
    insta::assert_snapshot!(rendered.join("\n"));
}

#[test]
fn long_lines_with_many_candidates_stay_linear() {
    // One line, a hundred thousand candidates of each kind that looks along
    // its line: quadratic work here would take minutes.
    let repeats = 100_000;
    let line = "**市 - ___ **重点**，".repeat(repeats);
    let (_, findings) = lint(&line);
    assert_eq!(findings.len(), 2 * repeats);
}

#[test]
fn multi_byte_neighbours_never_split_a_character() {
    // Every check looks at the characters around a candidate; put each
    // candidate after and before multi-byte characters of every width.
    let candidates = [
        "xx乡",
        "XX Municipal",
        "No. XX",
        "XX century",
        "x month",
        "X%",
        "20xx",
        "201*",
        "**年",
        "____",
        "[Name]",
        "（ ）",
        "TODO",
        "待定",
        "王**同志",
        "共 人",
    ];
    let neighbours = ["市 ", "市", "。", "“", "Ｘ", "é ", "ü.", "😀 ", "\u{3000}"];
    let rule = Placeholder::from_options(PlaceholderOptions::default()).unwrap();
    for candidate in candidates {
        for before in neighbours {
            for after in neighbours {
                let text = format!("{before}{candidate}{after}");
                let (source, findings) = lint_by(&rule, &text);
                for finding in findings {
                    assert!(
                        source.text().get(finding.span.range()).is_some(),
                        "{text:?}: {finding:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_name_mask_after_a_chinese_word_and_a_space() {
    assert_found("XX市 xx乡", &["XX", "xx"]);
}
