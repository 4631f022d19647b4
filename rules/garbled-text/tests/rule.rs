//! The `garbled-text` rule end to end: what fires, at which characters,
//! at which severity, with which fix, and what does not fire.

use redline_core::{Applicability, DeclaredRule, Finding, Registry, RuleOptions, Severity};
use redline_rules_garbled_text::{GarbledText, GarbledTextOptions};

const ERROR: Severity = Severity::Error;
const WARNING: Severity = Severity::Warning;

fn run(rule: &GarbledText, text: &str, severity: Severity) -> Vec<Finding> {
    redline_testing::check(rule, severity, text).1
}

fn check(text: &str) -> Vec<Finding> {
    run(
        &GarbledText::from_options(GarbledTextOptions::default()).unwrap(),
        text,
        ERROR,
    )
}

/// The matched text and severity of every finding.
fn found(text: &str) -> Vec<(&str, Severity)> {
    check(text)
        .into_iter()
        .map(|finding| (&text[finding.span.range()], finding.severity))
        .collect()
}

/// The one finding of `text`.
fn only(text: &str) -> Finding {
    let mut findings = check(text);
    assert_eq!(findings.len(), 1, "{text:?}: {findings:#?}");
    findings.remove(0)
}

/// `text` with the finding's fix applied, and whether the fix is safe.
fn fixed(text: &str, finding: &Finding) -> (String, Applicability) {
    let fix = finding.fix.as_ref().expect("the finding has a fix");
    let mut result = text.to_owned();
    for edit in fix.edits.iter().rev() {
        result.replace_range(edit.start..edit.end, &edit.replacement);
    }
    (result, fix.applicability)
}

fn assert_clean(texts: &[&str]) {
    for text in texts {
        assert_eq!(found(text), [], "{text:?}");
    }
}

// Replacement characters.

#[test]
fn replacement_characters_one_finding_per_run() {
    let text = "工作\u{FFFD}\u{FFFD}总结,成绩\u{FFFD}显著";
    assert_eq!(
        found(text),
        [("\u{FFFD}\u{FFFD}", ERROR), ("\u{FFFD}", ERROR)]
    );
    let finding = &check(text)[0];
    assert_eq!(
        finding.message,
        "2 replacement characters `\u{FFFD}\u{FFFD}` (U+FFFD): characters were lost to a wrong encoding"
    );
    assert!(
        finding
            .help
            .as_deref()
            .unwrap()
            .starts_with("re-copy the text from the original document")
    );
    assert_eq!(finding.fix, None);
}

// Classic Chinese mojibake.

#[test]
fn replacement_characters_read_as_gbk() {
    let finding = only("2019年工作锟斤拷锟斤拷总结");
    assert_eq!(finding.span.len(), "锟斤拷锟斤拷".len());
    assert_eq!(finding.severity, ERROR);
    assert_eq!(
        finding.message,
        "mojibake `锟斤拷锟斤拷`: text was decoded with the wrong encoding"
    );
    assert!(
        finding
            .help
            .unwrap()
            .starts_with("re-copy the text from the original document")
    );
    assert_eq!(finding.fix, None);
    assert_eq!(found("总结锟斤拷锟?"), [("锟斤拷锟?", ERROR)]);
}

#[test]
fn uninitialised_memory() {
    assert_eq!(found("会议纪要烫烫烫烫烫烫"), [("烫烫烫烫烫烫", ERROR)]);
    assert_eq!(found("屯屯屯屯屯屯屯"), [("屯屯屯屯屯屯屯", ERROR)]);
    assert!(only("烫烫烫").message.contains("uninitialised memory"));
}

#[test]
fn utf8_punctuation_read_as_gbk() {
    // “工作总结” in UTF-8, read as GBK.
    assert_eq!(
        found("鈥滃伐浣滄€荤粨鈥?"),
        [("鈥滃", ERROR), ("鈥?", ERROR)]
    );
    assert_eq!(found("鍏徃銆傛"), [("銆傛", ERROR)]);
    assert_eq!(found("鍏徃锛?"), [("锛?", ERROR)]);
}

#[test]
fn chinese_words_that_look_like_mojibake() {
    assert_clean(&[
        "重2公斤",
        "屯兵",
        "村屯",
        "烫烫的",
        "用锛子削木头",
        "锟铻剑",
    ]);
}

// UTF-8 read as Latin-1 or Windows-1252.

#[test]
fn utf8_read_as_windows_1252_is_decoded_back() {
    for (text, garbled, repaired) in [
        ("the cafÃ© was full", "Ã©", "the café was full"),
        ("MÃ¼ller", "Ã¼", "Müller"),
        ("officeâ€™s work", "â€™", "office’s work"),
        ("â€œbright spotsâ€\u{9D}", "â€œ", "“bright spotsâ€\u{9D}"),
        ("5Â°C", "Â°", "5°C"),
        ("å·¥ä½œæ€»ç»“", "å·¥ä½œæ€»ç»“", "工作总结"),
    ] {
        let finding = &check(text)[0];
        assert_eq!(&text[finding.span.range()], garbled, "{text}");
        assert_eq!(finding.severity, ERROR);
        assert!(finding.message.starts_with(&format!(
            "mojibake `{garbled}`: UTF-8 text was decoded as Latin-1"
        )));
        assert_eq!(
            fixed(text, finding),
            (repaired.to_owned(), Applicability::Unsafe)
        );
    }
}

#[test]
fn mojibake_with_a_lost_byte_has_no_fix() {
    let finding = only("the â€\"bright spots");
    assert_eq!(finding.span.len(), "â€\"".len());
    assert_eq!(finding.fix, None);
    assert_eq!(found("è¿?è¡Œ"), [("è¿?è¡Œ", ERROR)]);
}

#[test]
fn byte_order_mark_read_as_windows_1252_is_deleted() {
    let text = "ï»¿年度工作总结";
    let finding = only(text);
    assert_eq!(&text[finding.span.range()], "ï»¿");
    assert_eq!(
        finding.message,
        "mojibake `ï»¿`: an invisible character (a byte-order mark) in UTF-8, decoded as Latin-1 (Windows-1252)"
    );
    assert_eq!(
        fixed(text, &finding),
        ("年度工作总结".to_owned(), Applicability::Unsafe)
    );
}

#[test]
fn messages_name_invisible_characters_instead_of_printing_them() {
    // Љ (D0 89) read as Latin-1: the continuation is a C1 control.
    let finding = only("Ð\u{89}Ð\u{8A}");
    assert_eq!(
        finding.message,
        "mojibake `Ð\\u{89}Ð\\u{8a}`: UTF-8 text was decoded as Latin-1 (Windows-1252); it should read `ЉЊ`"
    );
}

#[test]
fn circumflex_left_by_a_non_breaking_space() {
    let text = "a distance of 100Â km";
    let finding = only(text);
    assert_eq!(&text[finding.span.range()], "Â");
    assert_eq!(finding.severity, WARNING);
    assert_eq!(fixed(text, &finding).0, "a distance of 100 km");
    assert_eq!(found("100Â\u{A0}km"), [("Â\u{A0}", ERROR)]);
}

#[test]
fn gbk_read_as_latin1() {
    // 工作总结 in GBK, read as Latin-1.
    assert_eq!(found("2019Äê¹¤×÷×Ü½á"), [("Äê¹¤×÷×Ü½á", WARNING)]);
}

#[test]
fn accented_words_are_not_mojibake() {
    assert_clean(&[
        "café",
        "naïve",
        "Müller",
        "Crème brûlée",
        "São Paulo",
        "SÃO PAULO",
        "CHÂTEAU",
        "Noël",
        "Ångström",
        "Fußball",
        "«café»",
        "the word “café”… and “café”?",
        "30°C",
        "3×4",
        "½",
        "马克思·恩格斯",
        "×××局",
        "Pokémon®",
        "Ça va",
        "ÉCOLE",
        "µg/m³",
    ]);
}

// GBK read as UTF-8.

#[test]
fn lost_byte_fused_with_a_han_character() {
    assert_eq!(found("工作总?偨Y"), [("?偨Y", WARNING)]);
    assert_eq!(found("汇报\u{073D}工作"), [("\u{073D}", WARNING)]);
}

#[test]
fn question_marks_in_sloppy_chinese() {
    assert_clean(&[
        "为什么?我们",
        "好吗?第3季度",
        "what? 工作",
        "index.php?id=工作",
    ]);
}

// Pinyin debris.

#[test]
fn pinyin_after_traditional_characters() {
    let text = "年度總結(jié)報告";
    let finding = only(text);
    assert_eq!(&text[finding.span.range()], "(jié)");
    assert_eq!(finding.severity, ERROR);
    assert_eq!(
        finding.message,
        "pinyin `(jié)` after `結`: debris of a faulty simplified/traditional conversion"
    );
    assert_eq!(
        fixed(text, &finding),
        ("年度總結報告".to_owned(), Applicability::Unsafe)
    );
    assert_eq!(found("積累了經(jīng)驗"), [("(jīng)", ERROR)]);
    assert_eq!(found("會(huì)議"), [("(huì)", ERROR)]);
}

#[test]
fn pinyin_in_simplified_text_is_a_guess() {
    assert_eq!(found("银行（háng）业务"), [("（háng）", WARNING)]);
    assert_eq!(found("行(xíng/háng)"), [("(xíng/háng)", WARNING)]);
}

#[test]
fn parenthesised_latin_after_han() {
    assert_clean(&[
        "工会(union)",
        "国内生产总值(GDP)",
        "工作(a)",
        "咖啡(café)",
        "工作(zong jie)",
        "李明(Lǐ Míng)",
        "工作 (jié)",
        "(jié)",
        "工作(2)",
    ]);
}

// Control and zero-width characters.

#[test]
fn zero_width_characters_are_deleted_safely() {
    for (character, name) in [
        ('\u{200B}', "zero-width space"),
        ('\u{200C}', "zero-width non-joiner"),
        ('\u{200D}', "zero-width joiner"),
        ('\u{2060}', "word joiner"),
        ('\u{FEFF}', "byte-order mark"),
        ('\u{AD}', "soft hyphen"),
    ] {
        let text = format!("工作{character}总结");
        let finding = only(&text);
        assert_eq!(&text[finding.span.range()], character.to_string());
        assert_eq!(finding.severity, ERROR);
        assert_eq!(
            finding.message,
            format!("{name} (U+{:04X}) inside text", u32::from(character))
        );
        assert_eq!(finding.help.as_deref(), Some("delete it"));
        assert_eq!(
            fixed(&text, &finding),
            ("工作总结".to_owned(), Applicability::Safe)
        );
    }
}

#[test]
fn a_run_of_one_invisible_character_is_one_finding() {
    let text = "work\u{200B}\u{200B}\u{200B}done";
    let finding = only(text);
    assert_eq!(
        finding.message,
        "zero-width space (U+200B) inside text (3 in a row)"
    );
    assert_eq!(finding.help.as_deref(), Some("delete them"));
    assert_eq!(fixed(text, &finding).0, "workdone");
}

#[test]
fn control_characters_are_deleted_safely() {
    let text = "工作\u{7}总结\u{1}";
    assert_eq!(found(text), [("\u{7}", ERROR), ("\u{1}", ERROR)]);
    let finding = &check(text)[0];
    assert_eq!(finding.message, "control character (U+0007) inside text");
    assert_eq!(
        fixed(text, finding),
        ("工作总结\u{1}".to_owned(), Applicability::Safe)
    );
    assert_eq!(
        only("a\u{7F}b").message,
        "delete character (U+007F) inside text"
    );
    assert_eq!(fixed("a\u{9D}b", &only("a\u{9D}b")).0, "ab");
}

#[test]
fn line_break_controls_become_line_breaks() {
    let text = "第一行\u{B}第二行";
    assert_eq!(
        fixed(text, &only(text)),
        ("第一行\n第二行".to_owned(), Applicability::Safe)
    );
    let text = "第一页\n\u{C}第二页";
    assert_eq!(fixed(text, &only(text)).0, "第一页\n第二页");
}

#[test]
fn c1_controls_become_the_windows_1252_character() {
    let text = "don\u{92}t";
    let finding = only(text);
    assert_eq!(
        finding.message,
        "control character (U+0092) inside text: a Windows-1252 `’` decoded as Latin-1"
    );
    assert_eq!(
        fixed(text, &finding),
        ("don’t".to_owned(), Applicability::Safe)
    );
}

#[test]
fn terminal_escape_sequences() {
    let text = "\u{1B}[31m重点\u{1B}[0m工作";
    assert_eq!(found(text), [("\u{1B}[31m", ERROR), ("\u{1B}[0m", ERROR)]);
    assert_eq!(
        check(text)[0].message,
        "terminal escape sequence `ESC[31m` inside text"
    );
}

#[test]
fn invisible_characters_that_belong() {
    assert_clean(&[
        "\u{FEFF}年度工作总结",
        "family 👨\u{200D}👩\u{200D}👧 photo",
        "می\u{200C}خواهم",
        "工作\t总结\r\n第二行\n",
    ]);
}

// Garbled quote marks.

#[test]
fn low_quotes_in_chinese_text() {
    let text = "他说„好“。";
    let finding = only(text);
    assert_eq!(&text[finding.span.range()], "„");
    assert_eq!(finding.severity, ERROR);
    assert_eq!(finding.message, "low-9 quotation mark `„` in Chinese text");
    assert_eq!(
        fixed(text, &finding),
        ("他说“好“。".to_owned(), Applicability::Unsafe)
    );
    assert_eq!(found("开展‛创先争优’活动"), [("‛", ERROR)]);
}

#[test]
fn german_quotes_in_latin_text() {
    assert_clean(&["Er sagte „gut“ und ging.", "‚einfach‘ gesagt"]);
}

// Stray quotes.

#[test]
fn stray_apostrophe_inside_a_chinese_phrase() {
    let text = "围绕党的'工作大局,突出工会维权职能";
    let finding = only(text);
    assert_eq!(&text[finding.span.range()], "'");
    assert_eq!(finding.severity, WARNING);
    assert_eq!(
        finding.message,
        "stray apostrophe `'` inside a Chinese phrase"
    );
    assert_eq!(
        fixed(text, &finding),
        (
            "围绕党的工作大局,突出工会维权职能".to_owned(),
            Applicability::Unsafe
        )
    );
}

#[test]
fn stray_backticks_and_double_quotes() {
    assert_eq!(found("围绕党的``工作大局"), [("``", WARNING)]);
    assert_eq!(found("围绕党的`工作大局"), [("`", WARNING)]);
    assert_eq!(found("围绕党的\"工作大局"), [("\"", WARNING)]);
    let text = "乡村\"土专家\"\"、\"田秀才\"15人";
    let finding = only(text);
    assert_eq!(finding.span.start, "乡村\"土专家\"".len());
    assert_eq!(fixed(text, &finding).0, "乡村\"土专家\"、\"田秀才\"15人");
}

#[test]
fn quotes_that_belong() {
    assert_clean(&[
        "他说\"好\"",
        "把创建\"先进教职工之家\"作为精神文明建设",
        "党的'工作'大局",
        "don't, Xi'an, the office's work",
        "\"土专家\"\"、\"田秀才\"\"",
        "use `cargo` here",
        "他身高5'10\"",
    ]);
}

#[test]
fn quotes_pair_within_their_paragraph() {
    // The quote on the first paragraph has no partner there.
    assert_eq!(found("围绕党的\"工作大局\n\n他说\"好\""), [("\"", WARNING)]);
}

// Options, severities, registration.

#[test]
fn stray_quotes_can_be_switched_off() {
    let options: GarbledTextOptions = toml::from_str("stray-quotes = false").unwrap();
    let rule = GarbledText::from_options(options).unwrap();
    assert!(run(&rule, "围绕党的'工作大局", ERROR).is_empty());
    assert_eq!(run(&rule, "工作\u{200B}总结", ERROR).len(), 1);
}

#[test]
fn allowed_characters_are_not_reported() {
    let options: GarbledTextOptions = toml::from_str(r#"allow = ["\u00AD", "„"]"#).unwrap();
    let rule = GarbledText::from_options(options).unwrap();
    assert!(run(&rule, "infor\u{AD}mation 他说„好“", ERROR).is_empty());
    assert_eq!(run(&rule, "工作\u{200B}总结", ERROR).len(), 1);
}

#[test]
fn invalid_options_are_rejected() {
    let options: GarbledTextOptions = toml::from_str(r#"allow = ["ab"]"#).unwrap();
    let error = GarbledText::from_options(options).unwrap_err();
    assert!(
        error.contains("\"ab\" is not a single character"),
        "{error}"
    );
    assert!(toml::from_str::<GarbledTextOptions>("stray-quote = false").is_err());
}

#[test]
fn severities_follow_the_configured_level() {
    let rule = GarbledText::from_options(GarbledTextOptions::default()).unwrap();
    let findings = run(&rule, "工作\u{200B}总结,党的'工作", Severity::Warning);
    let severities: Vec<Severity> = findings.iter().map(|finding| finding.severity).collect();
    assert_eq!(severities, [Severity::Warning, Severity::Info]);
}

#[test]
fn registers_under_its_id() {
    let mut registry = Registry::new();
    redline_rules_garbled_text::register(&mut registry);
    let registered = registry.get("garbled-text").expect("registered");
    assert_eq!(registered.meta.default_severity, ERROR);
    assert!(registered.meta.recommended && registered.meta.fixable);
    assert!(registered.meta.docs.contains("## Options"));
    assert!(registered.build(RuleOptions::none()).is_ok());
}

#[test]
fn findings_are_in_text_order_and_do_not_overlap() {
    let text = "cafÃ©\u{200B}锟斤拷\u{FFFD}總結(jié)党的'工作\u{7}";
    let findings = check(text);
    assert_eq!(findings.len(), 7, "{findings:#?}");
    for pair in findings.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "{pair:#?}");
    }
}

#[test]
fn random_mixes_of_trigger_characters_never_break_the_rule() {
    let alphabet: Vec<char> = "工作總結锟斤拷烫屯鈥銆锛?'\"`(（)）jiéāǚü aA1ÃÂâ€™©°·×¹¤ÄÜ½ä¸\u{AD}\u{80}\u{92}\u{9D}\u{AD}\u{A0}\
        \u{FFFD}\u{FEFF}\u{200B}\u{200C}\u{200D}\u{2060}\u{1B}[m\u{7}\u{B}\n\r\t„‚‛‟“”\u{073D}ش👩"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut random = |bound: usize| {
        // xorshift64: reproducible without a dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % bound as u64).unwrap()
    };
    let rule = GarbledText::from_options(GarbledTextOptions::default()).unwrap();
    for _ in 0..3000 {
        let len = random(24);
        let text: String = (0..len).map(|_| alphabet[random(alphabet.len())]).collect();
        let findings = run(&rule, &text, ERROR);
        for pair in findings.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "{text:?}: {pair:#?}"
            );
        }
        for finding in &findings {
            assert!(!finding.span.is_empty(), "{text:?}");
            assert!(
                text.is_char_boundary(finding.span.start)
                    && text.is_char_boundary(finding.span.end)
            );
            if finding.fix.is_some() {
                fixed(&text, finding);
            }
        }
    }
}
