use super::*;
use crate::{DeclaredRule, Document, Finding, RuleContext, RuleMeta};
use serde::Deserialize;

/// Reports every occurrence of its configured words.
struct BannedWords {
    words: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
struct BannedWordsOptions {
    words: Vec<String>,
    min_length: usize,
}

crate::declare_rule! {
    /// Reports configured words.
    BannedWords {
        id: "banned-words",
        family: "test",
        severity: Warning,
        recommended: true,
        fixable: false,
        summary: "configured words",
    }
}

impl Rule for BannedWords {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        self.words
            .iter()
            .flat_map(|word| {
                document
                    .text()
                    .match_indices(word.as_str())
                    .map(|(at, _)| context.finding(Span::new(at, at + word.len()), "banned"))
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

impl DeclaredRule for BannedWords {
    const META: RuleMeta = Self::META;
    type Options = BannedWordsOptions;

    fn from_options(options: Self::Options) -> Result<Self, String> {
        if options.words.iter().any(|w| w.len() < options.min_length) {
            return Err("a word is shorter than `min-length`".to_owned());
        }
        Ok(Self {
            words: options.words,
        })
    }
}

struct OptIn;

crate::declare_rule! {
    /// Off unless asked for.
    OptIn {
        id: "opt-in",
        family: "test",
        severity: Info,
        recommended: false,
        fixable: false,
        summary: "an opt-in rule",
    }
}

impl Rule for OptIn {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, _: &Document<'_>, _: &RuleContext<'_>) -> Vec<Finding> {
        Vec::new()
    }
}

impl DeclaredRule for OptIn {
    const META: RuleMeta = Self::META;
    type Options = ();

    fn from_options((): ()) -> Result<Self, String> {
        Ok(OptIn)
    }
}

fn registry() -> Registry {
    let mut registry = Registry::new();
    registry.register::<BannedWords>();
    registry.register::<OptIn>();
    registry
}

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(Path::new("project/redline.toml"), text, &registry())
}

/// The single problem of an invalid config, with the text its span covers.
fn problem(text: &str) -> (String, String, Option<String>) {
    let error = parse(text).expect_err("config should be rejected");
    assert_eq!(error.problems.len(), 1, "{:?}", error.problems);
    let problem = &error.problems[0];
    let span = problem.span.expect("problem has a span");
    (
        problem.message.clone(),
        text[span.range()].to_owned(),
        problem.help.clone(),
    )
}

fn enabled(config: &Config, path: &str) -> Vec<(&'static str, Severity)> {
    config
        .rules_for(Path::new(path))
        .into_iter()
        .map(|(rule, severity)| (rule.meta().id, severity))
        .collect()
}

#[test]
fn defaults_enable_recommended_rules_at_their_default_level() {
    let config = Config::defaults(".", &registry());
    assert_eq!(
        enabled(&config, "a.txt"),
        [("banned-words", Severity::Warning)]
    );
    assert!(config.includes(Path::new("notes/a.txt")));
    assert!(config.includes(Path::new("README.md")));
    assert!(!config.includes(Path::new("main.rs")));
}

#[test]
fn an_empty_file_is_the_defaults() {
    let config = parse("").unwrap();
    assert_eq!(
        enabled(&config, "a.txt"),
        [("banned-words", Severity::Warning)]
    );
    assert_eq!(config.root(), Path::new("project"));
}

#[test]
fn rule_tables_set_levels_and_options() {
    let config = parse(
        r#"
extends = ["all"]
[rules]
opt-in = "warning"
[rules.banned-words]
level = "error"
words = ["TBD"]
"#,
    )
    .unwrap();
    assert_eq!(
        enabled(&config, "a.txt"),
        [
            ("banned-words", Severity::Error),
            ("opt-in", Severity::Warning)
        ]
    );
    let source = crate::SourceFile::new("a.txt", "still TBD here".to_owned());
    let findings = crate::engine::lint_source(&source, &config, Path::new("a.txt"))
        .unwrap()
        .findings;
    assert_eq!(findings.len(), 1);
    assert_eq!(
        (findings[0].span, findings[0].severity),
        (Span::new(6, 9), Severity::Error)
    );
}

#[test]
fn presets_apply_in_order() {
    let config = parse("extends = [\"none\"]\n[rules.opt-in]\nlevel = \"info\"\n").unwrap();
    assert_eq!(enabled(&config, "a.txt"), [("opt-in", Severity::Info)]);
    let config = parse("extends = [\"all\", \"none\"]").unwrap();
    assert!(enabled(&config, "a.txt").is_empty());
}

#[test]
fn unknown_top_level_key_points_at_the_key() {
    let (message, at, _) = problem("extend = [\"all\"]\n");
    assert!(message.starts_with("unknown field `extend`"), "{message}");
    assert_eq!(at, "extend");
}

#[test]
fn unknown_key_in_files_points_at_the_key() {
    let (message, at, _) = problem("[files]\ninclude = []\nexcludes = [\"a\"]\n");
    assert!(message.starts_with("unknown field `excludes`"), "{message}");
    assert_eq!(at, "excludes");
}

#[test]
fn unknown_rule_suggests_the_closest_id() {
    let (message, at, help) = problem("[rules.banned-word]\nlevel = \"off\"\n");
    assert_eq!(message, "unknown rule `banned-word`");
    assert_eq!(at, "banned-word");
    assert_eq!(help.as_deref(), Some("did you mean `banned-words`?"));
}

#[test]
fn unknown_rule_in_an_override_is_reported_too() {
    let (message, at, _) =
        problem("[[overrides]]\nfiles = [\"a/**\"]\nrules = { opt_in = \"off\" }\n");
    assert_eq!(message, "unknown rule `opt_in`");
    assert_eq!(at, "opt_in");
}

#[test]
fn unknown_level_lists_the_levels() {
    let (message, at, help) = problem("[rules.opt-in]\nlevel = \"warn\"\n");
    assert_eq!(message, "unknown level `warn`");
    assert_eq!(at, "\"warn\"");
    assert_eq!(help.as_deref(), Some("one of error, warning, info, off"));
}

#[test]
fn unknown_option_points_at_the_option() {
    let (message, at, _) = problem("[rules.banned-words]\nwords = []\nmin_length = 3\n");
    assert!(message.contains("unknown field `min_length`"), "{message}");
    assert!(message.contains("`min-length`"), "{message}");
    assert_eq!(at, "min_length");
}

#[test]
fn option_of_the_wrong_type_points_at_the_value() {
    let (message, at, _) = problem("[rules.banned-words]\nwords = \"TBD\"\n");
    assert!(
        message.contains("invalid type: string \"TBD\", expected a sequence"),
        "{message}"
    );
    assert_eq!(at, "\"TBD\"");
}

#[test]
fn a_rule_rejecting_its_options_points_at_its_table() {
    let error = parse("[rules.banned-words]\nwords = [\"a\"]\nmin-length = 2\n").unwrap_err();
    assert_eq!(
        error.problems[0].message,
        "invalid options for rule `banned-words`: a word is shorter than `min-length`"
    );
    assert!(error.problems[0].span.is_some());
}

#[test]
fn every_problem_is_reported_at_once() {
    let error = parse("extends = [\"recomended\"]\n[rules]\nnope = \"off\"\nopt-in = \"loud\"\n")
        .unwrap_err();
    let messages: Vec<_> = error.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown preset `recomended`",
            "unknown rule `nope`",
            "unknown level `loud`"
        ]
    );
    assert_eq!(
        error.problems[0].help.as_deref(),
        Some("did you mean `recommended`?")
    );
}

#[test]
fn toml_syntax_errors_carry_a_span() {
    let error = parse("[rules\n").unwrap_err();
    assert!(error.problems[0].span.is_some());
}

#[test]
fn include_and_exclude_globs() {
    let config =
        parse("[files]\ninclude = [\"**/*.txt\"]\nexclude = [\"drafts/**\", \"old\"]\n").unwrap();
    assert!(config.includes(Path::new("a.txt")));
    assert!(config.includes(Path::new("2024/q1/a.txt")));
    assert!(!config.includes(Path::new("a.md")));
    assert!(!config.includes(Path::new("drafts/a.txt")));
    assert!(!config.includes(Path::new("old/deep/a.txt")));
    assert!(config.excludes(Path::new("old")));
    let (message, at, _) = problem("[files]\nexclude = [\"a[\"]\n");
    assert!(message.starts_with("invalid glob `a[`"), "{message}");
    assert_eq!(at, "\"a[\"");
}

#[test]
fn overrides_change_levels_for_matching_files_in_order() {
    let config = parse(
        r#"
[[overrides]]
files = ["archive/**"]
rules = { banned-words = "info", opt-in = "error" }
[[overrides]]
files = ["archive/2019/**"]
rules = { banned-words = "off" }
"#,
    )
    .unwrap();
    assert_eq!(
        enabled(&config, "a.txt"),
        [("banned-words", Severity::Warning)]
    );
    assert_eq!(
        enabled(&config, "archive/a.txt"),
        [
            ("banned-words", Severity::Info),
            ("opt-in", Severity::Error)
        ]
    );
    assert_eq!(
        enabled(&config, "archive/2019/a.txt"),
        [("opt-in", Severity::Error)]
    );
}

#[test]
fn selection_narrows_and_revives_rules() {
    let mut config =
        parse("[[overrides]]\nfiles = [\"x/**\"]\nrules = { opt-in = \"error\" }\n").unwrap();
    config.apply_selection(&Selection {
        select: Some(vec!["opt-in".to_owned()]),
        ignore: Vec::new(),
    });
    assert_eq!(enabled(&config, "a.txt"), [("opt-in", Severity::Info)]);
    assert_eq!(enabled(&config, "x/a.txt"), [("opt-in", Severity::Error)]);

    let mut config =
        parse("[[overrides]]\nfiles = [\"x/**\"]\nrules = { opt-in = \"error\" }\n").unwrap();
    config.apply_selection(&Selection {
        select: None,
        ignore: vec!["opt-in".to_owned(), "banned-words".to_owned()],
    });
    assert!(enabled(&config, "x/a.txt").is_empty());
}

#[test]
fn selection_names_unknown_ids() {
    let selection = Selection {
        select: Some(vec!["banned-wrds".to_owned()]),
        ignore: vec!["zzz".to_owned()],
    };
    assert_eq!(
        selection.unknown_ids(&registry()),
        [("banned-wrds", Some("banned-words")), ("zzz", None)]
    );
}

#[test]
fn ignore_entries_silence_one_exact_finding_in_matching_files() {
    let config = parse(
        "[rules.banned-words]\nwords = [\"TBD\", \"TODO\"]\n[[ignore]]\npath = \"notes/*.txt\"\nrule = \"banned-words\"\ntext = \"TBD\"\n",
    )
    .unwrap();
    let lint = |path: &str| {
        let source = crate::SourceFile::new(path, "TBD and TODO\n".to_owned());
        crate::engine::lint_source(&source, &config, Path::new(path))
            .unwrap()
            .findings
            .into_iter()
            .map(|f| source.slice(f.span).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(lint("notes/a.txt"), ["TODO"]);
    assert_eq!(lint("other/a.txt"), ["TBD", "TODO"]);

    let (message, at, _) =
        problem("[[ignore]]\npath = \"a.txt\"\nrule = \"banned\"\ntext = \"x\"\n");
    assert_eq!(message, "unknown rule `banned`");
    assert_eq!(at, "\"banned\"");
    let (message, _, _) = problem("[[ignore]]\npath = \"a.txt\"\nrule = \"opt-in\"\n");
    assert!(message.starts_with("missing field `text`"), "{message}");
}

#[test]
fn suppression_comments_silence_findings_and_stale_ones_are_reported() {
    let mut registry = Registry::with_core_rules();
    registry.register::<BannedWords>();
    let config = Config::parse(
        Path::new("redline.toml"),
        "[rules.banned-words]\nwords = [\"TBD\"]\n",
        &registry,
    )
    .unwrap();
    let text = "TBD\n<!-- redline-disable-next-line banned-words -->\nTBD\n<!-- redline-disable-next-line banned-words -->\nfine\n";
    let source = crate::SourceFile::new("a.md", text.to_owned());
    let findings = crate::engine::lint_source(&source, &config, Path::new("a.md"))
        .unwrap()
        .findings;
    let found: Vec<(&str, usize)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), source.line_col(f.span.start).line))
        .collect();
    assert_eq!(found, [("banned-words", 1), ("unused-suppression", 4)]);
    assert_eq!(findings[1].severity, Severity::Warning);

    // Switched off, stale comments are not reported, and still silence.
    let quiet = Config::parse(
        Path::new("redline.toml"),
        "[rules]\nunused-suppression = \"off\"\n[rules.banned-words]\nwords = [\"TBD\"]\n",
        &registry,
    )
    .unwrap();
    let findings = crate::engine::lint_source(&source, &quiet, Path::new("a.md"))
        .unwrap()
        .findings;
    assert_eq!(findings.len(), 1);
}
