use crate::config::Config;
use crate::fix::{FixMode, fix_source};
use crate::{Finding, Registry, Severity, SourceFile, Span};
use std::path::Path;

fn parse(toml: &str) -> Result<Config, crate::config::ConfigError> {
    Config::parse(
        Path::new("redline.toml"),
        toml,
        &Registry::with_core_rules(),
    )
}

fn config(toml: &str) -> Config {
    parse(toml).unwrap_or_else(|error| panic!("config rejected: {:#?}", error.problems))
}

fn lint(toml: &str, text: &str) -> Vec<Finding> {
    let config = config(toml);
    let source = SourceFile::new("a.txt", text.to_owned());
    crate::engine::lint_source(&source, &config, Path::new("a.txt"))
        .unwrap()
        .findings
}

/// `(matched text, message)` of every finding.
fn found(toml: &str, text: &str) -> Vec<(String, String)> {
    lint(toml, text)
        .into_iter()
        .map(|finding| (text[finding.span.range()].to_owned(), finding.message))
        .collect()
}

/// The matched texts only.
fn matches(toml: &str, text: &str) -> Vec<String> {
    found(toml, text)
        .into_iter()
        .map(|(matched, _)| matched)
        .collect()
}

fn fixed(toml: &str, text: &str) -> String {
    let config = config(toml);
    let source = SourceFile::new("a.txt", text.to_owned());
    fix_source(&source, &config, Path::new("a.txt"), FixMode::Safe)
        .unwrap()
        .text
}

/// Every problem of a rejected config: `(message, text at its span, help)`.
fn problems(toml: &str) -> Vec<(String, String, Option<String>)> {
    let error = parse(toml).expect_err("config should be rejected");
    error
        .problems
        .iter()
        .map(|problem| {
            let span = problem.span.expect("problem has a span");
            (
                problem.message.clone(),
                toml[span.range()].to_owned(),
                problem.help.clone(),
            )
        })
        .collect()
}

/// The single problem of a rejected config.
fn problem(toml: &str) -> (String, String, Option<String>) {
    let mut all = problems(toml);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

const SLOGANS: &str = r#"
[[custom]]
id = "no-empty-slogans"
message = "avoid the empty phrase `{match}`"
level = "warning"
patterns = ["高度重视", "取得了一定成绩"]
scope = "sentence"
[custom.examples]
bad = ["我们高度重视安全工作。"]
good = ["我们把安全作为首要任务。"]
"#;

#[test]
fn forbid_reports_every_literal_in_chinese() {
    let text = "我们高度重视安全工作，取得了一定成绩。\n";
    let findings = lint(SLOGANS, text);
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0].rule, "no-empty-slogans");
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(findings[0].span, Span::new(6, 18));
    assert_eq!(findings[0].message, "avoid the empty phrase `高度重视`");
    assert_eq!(&text[findings[1].span.range()], "取得了一定成绩");
    assert_eq!(findings[1].fix, None);
}

#[test]
fn forbid_in_english_with_help_and_level() {
    let toml = r#"
[[custom]]
id = "plain-words"
level = "error"
message = "`{match}` is jargon"
help = "say what you mean"
patterns = ["going forward", "synergy"]
"#;
    let findings = lint(toml, "Going forward we seek synergy and synergy.\n");
    let spans: Vec<Span> = findings.iter().map(|f| f.span).collect();
    // Case matters by default: `Going forward` is not `going forward`.
    assert_eq!(spans, [Span::new(22, 29), Span::new(34, 41)]);
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
    assert_eq!(findings[0].help.as_deref(), Some("say what you mean"));
}

#[test]
fn ignore_case_folds_ascii_in_literals_and_all_letters_in_regexes() {
    let literal = r#"
[[custom]]
id = "no-leverage"
message = "avoid `{match}`"
patterns = ["leverage"]
ignore-case = true
"#;
    assert_eq!(
        matches(literal, "Leverage it. LEVERAGE it.\n"),
        ["Leverage", "LEVERAGE"]
    );
    let regex = r#"
[[custom]]
id = "no-strasse"
message = "avoid `{match}`"
regex = 'straße'
ignore-case = true
"#;
    assert_eq!(matches(regex, "Die STRASSE, die Straße.\n"), ["Straße"]);
    let exact = "[[custom]]\nid = \"x\"\nmessage = \"m\"\npatterns = [\"leverage\"]\n";
    assert_eq!(matches(exact, "Leverage it, leverage it.\n"), ["leverage"]);
}

#[test]
fn levels_and_options_come_from_rules_tables() {
    let base = "[[custom]]\nid = \"no-tbd\"\nmessage = \"m\"\npatterns = [\"TBD\"]\n";
    let off = format!("{base}[rules.no-tbd]\nlevel = \"off\"\n");
    assert!(lint(&off, "TBD\n").is_empty());
    let info = format!("{base}[rules]\nno-tbd = \"info\"\n");
    assert_eq!(lint(&info, "TBD\n")[0].severity, Severity::Info);
    let overridden =
        format!("{base}[[overrides]]\nfiles = [\"*.txt\"]\nrules = {{ no-tbd = \"error\" }}\n");
    assert_eq!(lint(&overridden, "TBD\n")[0].severity, Severity::Error);
    let options = format!("{base}[rules.no-tbd]\nlevel = \"info\"\nwords = [\"x\"]\n");
    let (message, at, _) = problem(&options);
    assert!(
        message.starts_with("invalid options for rule `no-tbd`: unknown field `words`"),
        "{message}"
    );
    assert_eq!(at, "words");
}

fn scoped(scope: &str, rest: &str) -> String {
    format!(
        "[[custom]]\nid = \"x\"\nmessage = \"found `{{match}}`\"\nscope = \"{scope}\"\n{rest}\n"
    )
}

#[test]
fn anchors_apply_to_each_unit_of_the_scope() {
    // Two paragraphs, the second of two lines.
    let text = "工作报告\n\n本月完成任务。\n签名：张三\n";
    let anchored = "regex = '^签名：\\S+$'";
    assert_eq!(matches(&scoped("line", anchored), text), ["签名：张三"]);
    assert!(matches(&scoped("paragraph", anchored), text).is_empty());
    let ends = "regex = '任务。$'";
    assert_eq!(matches(&scoped("line", ends), text), ["任务。"]);
    assert!(matches(&scoped("paragraph", ends), text).is_empty());
    assert_eq!(
        matches(&scoped("document", "regex = '^工作'"), text),
        ["工作"]
    );
    assert!(matches(&scoped("document", "regex = '^本月'"), text).is_empty());
}

#[test]
fn a_match_never_crosses_a_unit() {
    let text = "工作报告\n\n本月完成任务。下月继续。\n";
    let crossing = "patterns = [\"任务。下月\"]";
    assert_eq!(
        matches(&scoped("paragraph", crossing), text),
        ["任务。下月"]
    );
    assert!(matches(&scoped("sentence", crossing), text).is_empty());
    let english = "The plan is done. Next we test.\n\nOther.\n";
    let crossing = "patterns = [\"done. Next\"]";
    assert_eq!(matches(&scoped("line", crossing), english), ["done. Next"]);
    assert!(matches(&scoped("sentence", crossing), english).is_empty());
    // Across paragraphs only the whole document is one unit.
    let across = "regex = '(?s)报告.*本月'";
    assert!(matches(&scoped("paragraph", across), text).is_empty());
    assert_eq!(matches(&scoped("document", across), text), ["报告\n\n本月"]);
}

#[test]
fn the_default_scope_is_the_paragraph() {
    let text = "工作报告\n\n本月完成\n任务。\n";
    let wrapped = "[[custom]]\nid = \"x\"\nmessage = \"found `{match}`\"\nregex = '完成\\s+任务'\n";
    assert_eq!(
        found(wrapped, text),
        [("完成\n任务".to_owned(), "found `完成 任务`".to_owned())]
    );
}

#[test]
fn heading_scope_searches_heading_titles_only() {
    let text = "一、工作总结\n\n今年的总结写得很好。\n\n二、下一步计划\n";
    let toml = scoped("heading", "patterns = [\"总结\", \"计划\"]");
    let findings = lint(&toml, text);
    let at: Vec<(usize, &str)> = findings
        .iter()
        .map(|f| (f.span.start, &text[f.span.range()]))
        .collect();
    assert_eq!(at, [(12, "总结"), (67, "计划")]);
    assert_eq!(
        matches(&scoped("paragraph", "patterns = [\"总结\"]"), text).len(),
        2
    );
}

fn words(patterns: &str) -> String {
    format!("[[custom]]\nid = \"x\"\nmessage = \"m\"\nword = true\n{patterns}\n")
}

#[test]
fn word_boundaries_change_between_han_and_latin_or_digits() {
    let api = words("patterns = [\"API\"]");
    assert_eq!(matches(&api, "使用API接口。\n"), ["API"]);
    assert!(matches(&api, "Our APIs and RAPID tools.\n").is_empty());
    assert_eq!(matches(&api, "APIs, then API_KEY, then (API).\n"), ["API"]);
    let five = words("patterns = [\"5\"]");
    assert!(matches(&five, "共15人。\n").is_empty());
    assert_eq!(matches(&five, "共5人。\n"), ["5"]);
    let utilize = words("patterns = [\"utilize\"]");
    assert!(matches(&utilize, "We utilized it.\n").is_empty());
    assert_eq!(
        matches(&utilize, "We utilize, they utilized.\n"),
        ["utilize"]
    );
    // Without `word`, matches inside words are found.
    let inside = "[[custom]]\nid = \"x\"\nmessage = \"m\"\npatterns = [\"utilize\"]\n";
    assert_eq!(matches(inside, "We utilized it.\n"), ["utilize"]);
}

#[test]
fn han_next_to_han_is_always_a_boundary() {
    let toml = words("patterns = [\"重视\"]");
    assert_eq!(matches(&toml, "高度重视安全。\n"), ["重视"]);
}

#[test]
fn word_mode_finds_a_shorter_literal_where_a_longer_one_is_not_a_word() {
    let toml = words("patterns = [\"e-mail\", \"e-mails\", \"mail\"]\nignore-case = true");
    assert_eq!(
        matches(&toml, "E-mailing, e-mails and mail.\n"),
        ["e-mails", "mail"]
    );
    let toml = words("patterns = [\"co\", \"co-op\"]");
    assert_eq!(matches(&toml, "co-opt the co-op\n"), ["co", "co-op"]);
}

#[test]
fn word_mode_regexes_try_again_inside_a_rejected_match() {
    let toml = words("regex = '[A-Z]+'");
    assert_eq!(matches(&toml, "APIs 接口 SDK x\n"), ["SDK"]);
    // Accented letters are word characters.
    let toml = words("regex = 'caf'");
    assert!(matches(&toml, "café\n").is_empty());
}

#[test]
fn replace_expands_groups_and_fixes_safely() {
    let toml = r#"
[[custom]]
id = "full-width-percent"
message = "write `{replacement}` for `{match}`"
regex = '(\d+)%'
replace = '$1％'
"#;
    let text = "增长12%，下降3%。\n";
    let findings = lint(toml, text);
    assert_eq!(findings[0].message, "write `12％` for `12%`");
    assert_eq!(findings[0].help.as_deref(), Some("replace it with `12％`"));
    let fix = findings[0].fix.as_ref().unwrap();
    assert_eq!(fix.applicability, crate::Applicability::Safe);
    assert_eq!(fix.edits, [crate::Edit::replace(Span::new(6, 9), "12％")]);
    assert_eq!(fixed(toml, text), "增长12％，下降3％。\n");

    let named = r#"
[[custom]]
id = "year-suffix"
message = "add 年 after {match}"
regex = '(?P<year>20\d\d) 年'
replace = '${year}年'
help = "no space before 年"
"#;
    let findings = lint(named, "2023 年总结\n");
    assert_eq!(findings[0].help.as_deref(), Some("no space before 年"));
    assert_eq!(fixed(named, "2023 年总结\n"), "2023年总结\n");
}

#[test]
fn replace_on_literals_may_use_the_whole_match_and_dollars() {
    let toml = r#"
[[custom]]
id = "usd"
message = "m"
patterns = ["USD "]
replace = "US$$"
"#;
    assert_eq!(fixed(toml, "USD 5\n"), "US$5\n");
    let delete = "[[custom]]\nid = \"x\"\nmessage = \"m\"\npatterns = [\"  \"]\nreplace = \"\"\n";
    let findings = lint(delete, "a  b\n");
    assert_eq!(findings[0].help.as_deref(), Some("delete it"));
    assert_eq!(fixed(delete, "a  b    c\n"), "abc\n");
}

const TERMS: &str = r#"
[[custom]]
id = "house-terms"
kind = "substitute"
word = true
ignore-case = true
[custom.substitute]
"登陆" = "登录"
"e-mail" = "email"
"web site" = "website"
"#;

#[test]
fn substitute_fixes_each_term_as_written() {
    let text = "请登陆系统，查看E-mail和web site。\n";
    let findings = lint(TERMS, text);
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "use `登录` instead of `登陆`",
            "use `email` instead of `E-mail`",
            "use `website` instead of `web site`"
        ]
    );
    assert!(findings.iter().all(|f| f.fix.is_some() && f.help.is_none()));
    assert_eq!(fixed(TERMS, text), "请登录系统，查看email和website。\n");
    // `word` applies to the terms too.
    assert!(lint(TERMS, "the web sites\n").is_empty());
}

#[test]
fn substitute_messages_can_be_written() {
    let toml = r#"
[[custom]]
id = "terms"
kind = "substitute"
message = "公司用语：{replacement}（不是{match}）"
substitute = { "帐号" = "账号" }
"#;
    assert_eq!(
        found(toml, "帐号\n"),
        [("帐号".to_owned(), "公司用语：账号（不是帐号）".to_owned())]
    );
}

const VERY: &str = r#"
[[custom]]
id = "too-many-very"
kind = "max-count"
max = 1
message = "`{match}` is used {count} times in this paragraph; at most {max}"
patterns = ["非常", "very"]
"#;

#[test]
fn max_count_reports_matches_beyond_the_limit_in_each_unit() {
    let text = "非常好，very good，非常棒。\n\n非常好。\n";
    let findings = lint(VERY, text);
    assert_eq!(findings.len(), 2);
    assert_eq!(&text[findings[0].span.range()], "very");
    assert_eq!(
        findings[0].message,
        "`very` is used 3 times in this paragraph; at most 1"
    );
    assert_eq!(&text[findings[1].span.range()], "非常");
    for finding in &findings {
        assert_eq!(finding.labels.len(), 1);
        assert_eq!(finding.labels[0].span, Span::new(0, 6));
        assert_eq!(finding.labels[0].message, "first use here");
    }
}

#[test]
fn max_zero_reports_every_match_and_labels_all_but_the_first() {
    let toml = VERY.replace("max = 1", "max = 0");
    let findings = lint(&toml, "非常好，非常棒。\n");
    assert_eq!(findings.len(), 2);
    assert!(findings[0].labels.is_empty());
    assert_eq!(findings[1].labels[0].span, Span::new(0, 6));
}

const SIGNATURE: &str = r#"
[[custom]]
id = "needs-signature"
kind = "require"
level = "error"
scope = "line"
message = "the report has no signature line"
help = "end with a line like `签名：张三`"
regex = '^签名：\S+'
"#;

#[test]
fn require_reports_a_missing_match_once_at_the_first_line() {
    let text = "\n  工作报告  \n\n本月完成任务。\n";
    let findings = lint(SIGNATURE, text);
    assert_eq!(findings.len(), 1);
    assert_eq!(&text[findings[0].span.range()], "工作报告");
    assert_eq!(findings[0].span, Span::new(3, 15));
    assert_eq!(findings[0].message, "the report has no signature line");
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(
        findings[0].help.as_deref(),
        Some("end with a line like `签名：张三`")
    );
    assert!(lint(SIGNATURE, "工作报告\n\n签名：张三\n").is_empty());
    // `^` anchors to the line: a signature mid-line does not count.
    assert_eq!(lint(SIGNATURE, "工作报告 签名：张三\n").len(), 1);
    let empty = lint(SIGNATURE, "");
    assert_eq!(empty[0].span, Span::new(0, 0));
}

#[test]
fn message_placeholders_and_escaped_braces() {
    let toml = r#"
[[custom]]
id = "braces"
message = "{{literal}} `{match}` → `{replacement}` }}"
patterns = ["TBD"]
replace = "[待定]"
"#;
    assert_eq!(found(toml, "TBD\n")[0].1, "{literal} `TBD` → `[待定]` }");
}

#[test]
fn literals_and_several_regexes_share_one_leftmost_longest_pass() {
    let toml = r#"
[[custom]]
id = "mixed"
message = "{match}"
patterns = ["20XX", "XX"]
regex = ['20[Xx]{2}年', 'X+市']
"#;
    assert_eq!(
        matches(toml, "20XX年在XX市，20xx年，XX。\n"),
        ["20XX年", "XX市", "20xx年", "XX"]
    );
}

/// A forbid rule with `extra` keys, as a config.
fn rule_with(extra: &str) -> String {
    format!("[[custom]]\nid = \"x\"\nmessage = \"m\"\n{extra}\n")
}

#[test]
fn invalid_ids_are_reported_at_the_id_with_a_suggestion() {
    let (message, at, help) =
        problem("[[custom]]\nid = \"No_Empty Slogans\"\nmessage = \"m\"\npatterns = [\"a\"]\n");
    assert_eq!(message, "invalid rule id `No_Empty Slogans`");
    assert_eq!(at, "\"No_Empty Slogans\"");
    assert_eq!(
        help.as_deref(),
        Some("write it as `no-empty-slogans`: lower-case letters and digits, words joined by `-`")
    );
    let (message, at, _) = problem("[[custom]]\nid = \"-\"\nmessage = \"m\"\npatterns = [\"a\"]\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("invalid rule id `-`", "\"-\"")
    );
}

#[test]
fn unknown_and_mistyped_keys_point_at_the_key_or_value() {
    let (message, at, _) = problem(&rule_with("patern = [\"a\"]"));
    assert!(
        message.starts_with("unknown field `patern`, expected one of"),
        "{message}"
    );
    assert_eq!(at, "patern");
    let (message, at, _) = problem(&rule_with("patterns = \"a\""));
    assert!(
        message.starts_with("invalid type: string \"a\", expected a sequence"),
        "{message}"
    );
    assert_eq!(at, "\"a\"");
    let (message, at, _) = problem(&rule_with("patterns = [\"a\"]\nregex = 5"));
    assert_eq!(
        message,
        "invalid type: integer `5`, expected a string or an array of strings"
    );
    assert_eq!(at, "5");
    let (message, at, _) = problem("[[custom]]\nmessage = \"m\"\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("missing field `id`", "[[custom]]")
    );
    let (message, at, _) = problem(&rule_with(
        "patterns = [\"a\"]\n[custom.examples]\nbda = [\"a\"]",
    ));
    assert!(message.starts_with("unknown field `bda`"), "{message}");
    assert_eq!(at, "bda");
}

#[test]
fn unknown_kind_scope_and_level_suggest_the_closest() {
    let (message, at, help) = problem(&rule_with("kind = \"forbidden\"\npatterns = [\"a\"]"));
    assert_eq!(message, "unknown kind `forbidden`");
    assert_eq!(at, "\"forbidden\"");
    assert_eq!(help.as_deref(), Some("did you mean `forbid`?"));
    let all = problems(&rule_with(
        "scope = \"sentense\"\nlevel = \"fatal\"\npatterns = [\"a\"]",
    ));
    assert_eq!(
        all,
        [
            (
                "unknown level `fatal`".to_owned(),
                "\"fatal\"".to_owned(),
                Some("one of error, warning, info".to_owned())
            ),
            (
                "unknown scope `sentense`".to_owned(),
                "\"sentense\"".to_owned(),
                Some("did you mean `sentence`?".to_owned())
            ),
        ]
    );
}

#[test]
fn level_off_is_refused_with_the_way_to_switch_a_rule_off() {
    let (message, at, help) = problem(&rule_with("level = \"off\"\npatterns = [\"a\"]"));
    assert_eq!(
        message,
        "a custom rule's `level` is its severity: error, warning or info"
    );
    assert_eq!(at, "\"off\"");
    assert_eq!(
        help.as_deref(),
        Some("to switch the rule off, write `level = \"off\"` under `[rules.x]`")
    );
}

#[test]
fn keys_of_another_kind_are_reported_at_the_key() {
    let (message, at, _) = problem(&rule_with("patterns = [\"a\"]\nmax = 2"));
    assert_eq!(message, "`max` does not apply to `kind = \"forbid\"`");
    assert_eq!(at, "max");
    let (message, at, _) = problem(&rule_with(
        "kind = \"require\"\npatterns = [\"a\"]\nreplace = \"b\"",
    ));
    assert_eq!(message, "`replace` does not apply to `kind = \"require\"`");
    assert_eq!(at, "replace");
    let (message, at, _) = problem(&rule_with(
        "kind = \"max-count\"\nmax = 1\npatterns = [\"a\"]\nreplace = \"b\"",
    ));
    assert_eq!(
        message,
        "`replace` does not apply to `kind = \"max-count\"`"
    );
    assert_eq!(at, "replace");
    let (message, at, _) = problem(&rule_with(
        "kind = \"substitute\"\npatterns = [\"a\"]\nsubstitute = { a = \"b\" }",
    ));
    assert_eq!(
        message,
        "`patterns` does not apply to `kind = \"substitute\"`"
    );
    assert_eq!(at, "patterns");
    let (message, at, _) = problem(&rule_with(
        "patterns = [\"a\"]\n[custom.substitute]\na = \"b\"",
    ));
    assert_eq!(
        message,
        "`[custom.substitute]` does not apply to `kind = \"forbid\"`"
    );
    assert_eq!(at, "substitute");
}

#[test]
fn missing_keys_are_reported_where_they_belong() {
    let (message, at, _) = problem(&rule_with("kind = \"max-count\"\npatterns = [\"a\"]"));
    assert_eq!(
        message,
        "`kind = \"max-count\"` needs `max`, the number of matches allowed per paragraph"
    );
    assert_eq!(at, "\"max-count\"");
    let (message, at, _) = problem(&rule_with(
        "kind = \"max-count\"\nmax = -1\npatterns = [\"a\"]",
    ));
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("`max` must be 0 or more", "-1")
    );
    let (message, at, _) = problem(&rule_with("kind = \"substitute\""));
    assert_eq!(
        message,
        "`kind = \"substitute\"` needs a `[custom.substitute]` table of wrong = right terms"
    );
    assert_eq!(at, "\"substitute\"");
    let (message, at, _) = problem("[[custom]]\nid = \"quiet\"\npatterns = [\"a\"]\n");
    assert_eq!(message, "custom rule `quiet` has no `message`");
    assert_eq!(at, "\"quiet\"");
    let (message, at, help) = problem(&rule_with(""));
    assert_eq!(message, "custom rule `x` has nothing to look for");
    assert_eq!(at, "\"x\"");
    assert_eq!(
        help.as_deref(),
        Some("add `patterns = [\"…\"]` (plain text) or `regex = '…'`")
    );
}

#[test]
fn empty_patterns_are_refused() {
    let (message, at, _) = problem(&rule_with("patterns = []"));
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("`patterns` is an empty list", "[]")
    );
    let (message, at, _) = problem(&rule_with("patterns = [\"a\", \"\"]"));
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("empty text in `patterns`", "\"\"")
    );
    let (message, at, _) = problem(&rule_with("regex = []"));
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("`regex` is an empty list", "[]")
    );
}

#[test]
fn regex_errors_point_into_the_regex() {
    let (message, at, help) = problem(&rule_with("regex = '(?P<year>\\d{4}'"));
    assert_eq!(message, "invalid regex: unclosed group");
    assert_eq!(at, "(");
    assert_eq!(
        help.as_deref(),
        Some(
            "Redline uses the syntax of the Rust regex crate: https://docs.rs/regex/latest/regex/#syntax"
        )
    );
    let (message, at, _) = problem(&rule_with("regex = ['ok', 'a{2,1}']"));
    assert_eq!(
        message,
        "invalid regex: invalid repetition count range, the start must be <= the end"
    );
    assert_eq!(at, "{2,1}");
    let (message, at, _) = problem(&rule_with("regex = 'foo(?=bar)'"));
    assert!(
        message.starts_with("invalid regex: look-around"),
        "{message}"
    );
    assert_eq!(at, "(?=");
    // With escapes in the TOML string, the whole value is shown.
    let (message, at, _) = problem(&rule_with("regex = \"\\\\d+(\""));
    assert_eq!(message, "invalid regex: unclosed group");
    assert_eq!(at, "\"\\\\d+(\"");
}

#[test]
fn regexes_that_match_nothing_or_empty_text_are_refused() {
    let (message, at, _) = problem(&rule_with("regex = '[^\\s\\S]'"));
    assert_eq!(message, "regex `[^\\s\\S]` can never match");
    assert_eq!(at, "'[^\\s\\S]'");
    let (message, at, _) = problem(&rule_with("regex = ['x', '\\d*']"));
    assert_eq!(
        message,
        "regex `\\d*` matches empty text, so it would fire everywhere"
    );
    assert_eq!(at, "'\\d*'");
    let (message, _, _) = problem(&rule_with("regex = '^'"));
    assert!(message.ends_with("matches empty text, so it would fire everywhere"));
}

#[test]
fn message_placeholders_are_checked_against_the_kind() {
    let (message, at, help) =
        problem("[[custom]]\nid = \"x\"\nmessage = 'avoid {matches}'\npatterns = [\"a\"]\n");
    assert_eq!(message, "unknown placeholder `{matches}` in `message`");
    assert_eq!(at, "{matches}");
    assert_eq!(help.as_deref(), Some("did you mean `{match}`?"));
    let (message, at, help) =
        problem("[[custom]]\nid = \"x\"\nmessage = \"{count} uses\"\npatterns = [\"a\"]\n");
    assert_eq!(message, "`{count}` has no value in a `forbid` rule");
    assert_eq!(at, "{count}");
    assert_eq!(help.as_deref(), Some("placeholders here: `{match}`"));
    let (message, _, help) =
        problem("[[custom]]\nid = \"x\"\nmessage = \"use {replacement}\"\npatterns = [\"a\"]\n");
    assert_eq!(message, "`{replacement}` has no value in a `forbid` rule");
    assert_eq!(help.as_deref(), Some("placeholders here: `{match}`"));
    let (message, _, help) = problem(
        "[[custom]]\nid = \"x\"\nkind = \"require\"\nmessage = \"no {match}\"\npatterns = [\"a\"]\n",
    );
    assert_eq!(message, "`{match}` has no value in a `require` rule");
    assert_eq!(
        help.as_deref(),
        Some("a `require` message takes no placeholders; write `{{` for a literal brace")
    );
    let (message, at, _) =
        problem("[[custom]]\nid = \"x\"\nmessage = \"set {a\"\npatterns = [\"a\"]\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("unclosed `{` in `message`", "{")
    );
    let (message, at, help) =
        problem("[[custom]]\nid = \"x\"\nmessage = \"a } b\"\npatterns = [\"a\"]\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("unmatched `}` in `message`", "}")
    );
    assert_eq!(help.as_deref(), Some("write `}}` for a literal brace"));
}

#[test]
fn replace_groups_must_exist() {
    let (message, at, _) = problem(&rule_with("regex = '(a)(b)?'\nreplace = 'x$3'"));
    assert_eq!(
        message,
        "`$3` refers to group 3, but regex `(a)(b)?` has only 2 groups"
    );
    assert_eq!(at, "$3");
    let (message, at, help) = problem(&rule_with("regex = '(a)'\nreplace = '$1a'"));
    assert_eq!(message, "`$1a` names no group of regex `(a)`");
    assert_eq!(at, "$1a");
    assert_eq!(
        help.as_deref(),
        Some("`$1a` reads as one name; write `${1}a` for group 1 followed by `a`")
    );
    let (message, at, _) = problem(&rule_with(
        "regex = ['(?P<y>a)', '(?P<x>b)']\nreplace = '${y}'",
    ));
    assert_eq!(message, "`${y}` names no group of regex `(?P<x>b)`");
    assert_eq!(at, "${y}");
    let (message, at, help) = problem(&rule_with("patterns = [\"a\"]\nreplace = 'US$1'"));
    assert_eq!(
        message,
        "`$1` refers to a regex group, but `patterns` are plain text without groups"
    );
    assert_eq!(at, "$1");
    assert_eq!(
        help.as_deref(),
        Some("use `$0` for the whole match, or `$$` for a dollar sign")
    );
}

#[test]
fn substitute_tables_are_checked() {
    let substitute = |entries: &str| {
        format!("[[custom]]\nid = \"t\"\nkind = \"substitute\"\n[custom.substitute]\n{entries}\n")
    };
    let (message, at, _) = problem(&substitute("\"登录\" = \"登录\""));
    assert_eq!(message, "`登录` is replaced by itself");
    assert_eq!(at, "\"登录\"");
    assert_eq!(
        problems(&substitute("\"登录\" = \"登录\""))[0].1,
        "\"登录\""
    );
    let (message, at, _) = problem(&substitute("\"\" = \"x\""));
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("empty term in `[custom.substitute]`", "\"\"")
    );
    let (message, _, _) = problem(&substitute(""));
    assert_eq!(message, "`[custom.substitute]` is empty");
    let (message, at, help) = problem(&substitute("\"mail\" = \"e-mail\""));
    assert_eq!(
        message,
        "the replacement `e-mail` contains `mail`, which this rule replaces again"
    );
    assert_eq!(at, "\"e-mail\"");
    assert_eq!(
        help.as_deref(),
        Some("`--fix` would never finish; a fix must remove what the rule reports")
    );
    let (message, at, _) = problem(&substitute("\"wechat\" = \"WeChat\"").replace(
        "kind = \"substitute\"",
        "kind = \"substitute\"\nignore-case = true",
    ));
    assert_eq!(
        message,
        "the replacement `WeChat` contains `WeChat`, which this rule replaces again"
    );
    assert_eq!(at, "\"WeChat\"");
    let (message, at, _) = problem(&rule_with("patterns = [\"重视\"]\nreplace = \"高度重视\""));
    assert_eq!(
        message,
        "the replacement `高度重视` contains `重视`, which this rule reports again"
    );
    assert_eq!(at, "\"高度重视\"");
}

#[test]
fn examples_are_checked_at_load() {
    let rule = SLOGANS.split("[custom.examples]").next().unwrap();
    let with_examples = |examples: &str| format!("{rule}[custom.examples]\n{examples}\n");
    assert!(parse(SLOGANS).is_ok());
    let (message, at, help) = problem(&with_examples("bad = [\"我们重视安全。\", \"高度重视\"]"));
    assert_eq!(
        message,
        "this `bad` example does not trigger `no-empty-slogans`: nothing in it matches"
    );
    assert_eq!(at, "\"我们重视安全。\"");
    assert_eq!(
        help.as_deref(),
        Some("Redline searches each sentence on its own; case matters unless `ignore-case = true`")
    );
    let (message, at, help) = problem(&with_examples(
        "good = ['''\n第一段。\n\n我们高度重视。''']",
    ));
    assert_eq!(
        message,
        "this `good` example triggers `no-empty-slogans`: it matches `高度重视`"
    );
    assert_eq!(at, "'''\n第一段。\n\n我们高度重视。'''");
    assert_eq!(
        help.as_deref(),
        Some("move the example to `bad`, or narrow the patterns")
    );
}

#[test]
fn examples_of_each_kind() {
    let require = format!(
        "{SIGNATURE}[custom.examples]\nbad = [\"工作报告\\n\\n签名：张三\"]\ngood = [\"正文\"]\n"
    );
    let all = problems(&require);
    assert_eq!(
        all,
        [
            (
                "this `bad` example does not trigger `needs-signature`: it contains `签名：张三`".to_owned(),
                "\"工作报告\\n\\n签名：张三\"".to_owned(),
                Some("a `bad` example of a `require` rule is a document that lacks the required text; Redline searches each line on its own".to_owned())
            ),
            (
                "this `good` example triggers `needs-signature`: nothing in it matches the required text".to_owned(),
                "\"正文\"".to_owned(),
                Some("a `bad` example of a `require` rule is a document that lacks the required text; Redline searches each line on its own".to_owned())
            ),
        ]
    );
    let fine = format!(
        "{SIGNATURE}[custom.examples]\nbad = [\"工作报告\"]\ngood = [\"工作报告\\n签名：张三\"]\n"
    );
    assert!(parse(&fine).is_ok());

    let counted = format!(
        "{VERY}[custom.examples]\nbad = [\"very very\"]\ngood = [\"非常好。\\n\\n非常棒。\", \"very good, very\"]\n"
    );
    let (message, at, _) = problem(&counted);
    assert_eq!(
        message,
        "this `good` example triggers `too-many-very`: one paragraph has more matches than `max = 1`; the first extra one is `very`"
    );
    assert_eq!(at, "\"very good, very\"");
    let (message, _, _) = problem(&format!("{VERY}[custom.examples]\nbad = [\"very good\"]\n"));
    assert_eq!(
        message,
        "this `bad` example does not trigger `too-many-very`: no paragraph in it has more matches than `max = 1`"
    );

    let terms = format!("{TERMS}[custom.examples]\nbad = [\"web sites\"]\n");
    let (message, _, help) = problem(&terms);
    assert_eq!(
        message,
        "this `bad` example does not trigger `house-terms`: nothing in it matches"
    );
    assert_eq!(
        help.as_deref(),
        Some(
            "Redline searches each paragraph on its own, and with `word = true` a match must start and end at a word boundary"
        )
    );
}

#[test]
fn a_fix_that_the_rule_reports_again_is_refused_through_the_examples() {
    let toml = r#"
[[custom]]
id = "wrap"
message = "m"
regex = '(\d+)元'
replace = '${1}元元'
[custom.examples]
bad = ["5元"]
"#;
    let (message, at, _) = problem(toml);
    assert_eq!(
        message,
        "fixing this `bad` example gives `5元元`, in which `wrap` still reports `5元`"
    );
    assert_eq!(at, "\"5元\"");
}

#[test]
fn ids_must_be_unique() {
    let twice = "[[custom]]\nid = \"a\"\nmessage = \"m\"\npatterns = [\"x\"]\n\n[[custom]]\nid = \"a\"\nmessage = \"n\"\npatterns = [\"y\"]\n";
    let error = parse(twice).unwrap_err();
    assert_eq!(error.problems.len(), 1, "{:?}", error.problems);
    assert_eq!(
        error.problems[0].message,
        "custom rule `a` is defined twice"
    );
    let second = twice.rfind("\"a\"").unwrap();
    assert_eq!(error.problems[0].span, Some(Span::new(second, second + 3)));
    let taken =
        rule_with("patterns = [\"x\"]").replace("id = \"x\"", "id = \"unused-suppression\"");
    let (message, at, _) = problem(&taken);
    assert_eq!(message, "rule id `unused-suppression` is already taken");
    assert_eq!(at, "\"unused-suppression\"");
}

#[test]
fn custom_must_be_an_array_of_tables() {
    let (message, at, help) = problem("[custom]\nid = \"a\"\n");
    assert_eq!(message, "`custom` must be an array of tables");
    assert_eq!(at, "[custom]");
    assert_eq!(
        help.as_deref(),
        Some("write each rule under its own `[[custom]]` header, with two brackets")
    );
    let (message, at, _) = problem("custom = [\"a\"]\n");
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("each `custom` entry must be a table", "\"a\"")
    );
}

#[test]
fn a_broken_rule_adds_no_unknown_rule_errors_elsewhere() {
    let toml = "[[custom]]\nid = \"a\"\nmessage = \"m\"\nregex = '('\n[rules.a]\nlevel = \"error\"\n[[overrides]]\nfiles = [\"x\"]\nrules = { a = \"info\" }\n";
    let (message, at, _) = problem(toml);
    assert_eq!(
        (message.as_str(), at.as_str()),
        ("invalid regex: unclosed group", "(")
    );
    let mistyped = toml.replace("regex = '('", "regex = 'a'\npatern = 1");
    let (message, at, _) = problem(&mistyped);
    assert!(message.starts_with("unknown field `patern`"), "{message}");
    assert_eq!(at, "patern");
}

#[test]
fn every_table_is_checked_and_all_problems_are_reported() {
    let toml = "[[custom]]\nid = \"a\"\nmessage = \"m\"\nregex = '('\n\n[[custom]]\nid = \"b\"\nmessage = \"{x}\"\npatterns = [\"x\"]\nscope = \"page\"\n";
    let all: Vec<String> = problems(toml)
        .into_iter()
        .map(|(message, _, _)| message)
        .collect();
    assert_eq!(
        all,
        [
            "invalid regex: unclosed group",
            "unknown scope `page`",
            "unknown placeholder `{x}` in `message`"
        ]
    );
}

#[test]
fn summaries_are_one_line() {
    let (message, at, _) = problem(&rule_with(
        "patterns = [\"a\"]\nsummary = \"\"\"\ntwo\nlines\"\"\"",
    ));
    assert_eq!(message, "`summary` must be one line");
    assert!(at.starts_with("\"\"\""), "{at}");
    let (message, _, _) = problem(&rule_with("patterns = [\"a\"]\nsummary = \" . \""));
    assert_eq!(message, "`summary` is empty");
}

fn meta(toml: &str, id: &str) -> crate::RuleMeta {
    config(toml).registry().get(id).expect("registered").meta
}

#[test]
fn metadata_and_docs_are_generated_from_the_table() {
    let slogans = meta(SLOGANS, "no-empty-slogans");
    assert_eq!(slogans.family, "custom");
    assert_eq!(slogans.default_severity, Severity::Warning);
    assert!(slogans.recommended && !slogans.fixable);
    assert_eq!(slogans.summary, "forbids `高度重视` and `取得了一定成绩`");
    assert_eq!(
        slogans.docs_markdown(),
        "A rule defined in the configuration (`[[custom]]`, kind `forbid`): it reports every match.\n\
         \n\
         - Searches: each sentence on its own.\n\
         - Text: `高度重视`, `取得了一定成绩`.\n\
         - Message: `` avoid the empty phrase `{match}` ``\n\
         \n\
         ## Reported\n\
         \n\
         ```text\n\
         我们高度重视安全工作。\n\
         ```\n\
         \n\
         ## Not reported\n\
         \n\
         ```text\n\
         我们把安全作为首要任务。\n\
         ```\n"
    );
    let terms = meta(TERMS, "house-terms");
    assert!(terms.fixable);
    assert_eq!(
        terms.summary,
        "writes `登录` for `登陆`, `email` for `e-mail` and `website` for `web site`"
    );
    let docs = terms.docs_markdown();
    assert!(docs.contains("| `登陆` | `登录` |\n"), "{docs}");
    assert!(docs.contains("- Whole words only"), "{docs}");
    assert!(
        docs.contains("- Upper and lower case are the same.\n"),
        "{docs}"
    );
    assert_eq!(
        meta(SIGNATURE, "needs-signature").summary,
        "requires `^签名：\\S+` in every document"
    );
    assert_eq!(
        meta(VERY, "too-many-very").summary,
        "allows `非常` and `very` in all at most once per paragraph"
    );
    let many = rule_with("patterns = [\"a\", \"b\", \"c\", \"d\", \"e\"]\nreplace = \"z\"");
    let many = meta(&many, "x");
    assert_eq!(many.summary, "forbids `a`, `b`, `c` and 2 more");
    assert!(many.fixable);
    let written = rule_with("patterns = [\"a\"]\nsummary = \"No letter a.\"");
    assert_eq!(meta(&written, "x").summary, "No letter a");
}

#[test]
fn selection_and_suppression_work_on_custom_rules() {
    let mut selected = config(SLOGANS);
    selected.apply_selection(&crate::config::Selection {
        select: Some(vec!["unused-suppression".to_owned()]),
        ignore: Vec::new(),
    });
    let source = SourceFile::new("a.txt", "高度重视\n".to_owned());
    let findings = crate::engine::lint_source(&source, &selected, Path::new("a.txt"))
        .unwrap()
        .findings;
    assert!(findings.is_empty());
    let text = "<!-- redline-disable-next-line no-empty-slogans -->\n高度重视。高度重视。\n";
    assert!(lint(SLOGANS, text).is_empty());
}

#[test]
fn rules_are_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<super::rule::CustomRule>();
}

#[test]
fn several_regexes_ignore_case_together() {
    let toml = rule_with("regex = ['colou?r', 'grey']\nignore-case = true");
    assert_eq!(matches(&toml, "COLOR and Grey.\n"), ["COLOR", "Grey"]);
}

#[test]
fn kana_like_han_forms_no_words() {
    let toml = words("patterns = [\"API\"]");
    assert_eq!(matches(&toml, "APIを使う。\n"), ["API"]);
}

#[test]
fn errors_inside_triple_quoted_regexes_are_located_too() {
    let (message, at, _) = problem(&rule_with("regex = '''[a-'''"));
    assert_eq!(message, "invalid regex: unclosed character class");
    assert_eq!(at, "[");
    // A leading newline, which TOML drops, makes the place unknown.
    let (_, at, _) = problem(&rule_with("regex = '''\n[a-'''"));
    assert_eq!(at, "'''\n[a-'''");
}
