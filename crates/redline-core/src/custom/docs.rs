//! The summary and `redline explain` text of a custom rule, generated from
//! its table.

use super::rule::Scope;
use super::spec::KindName;
use std::fmt::Write;

/// What the docs say about a rule, as written in its table.
pub(super) struct Description<'a> {
    pub kind: KindName,
    pub scope: Scope,
    pub literals: &'a [String],
    pub regexes: &'a [String],
    pub word: bool,
    pub ignore_case: bool,
    pub message: &'a str,
    pub replace: Option<&'a str>,
    pub max: usize,
    /// `(wrong, right)` terms of a `substitute` rule.
    pub terms: &'a [(String, String)],
    pub bad: &'a [String],
    pub good: &'a [String],
}

/// How many patterns a summary names before "and N more".
const SUMMARY_ITEMS: usize = 3;

impl Description<'_> {
    /// A one-line summary for `redline rules`, when the table has none.
    pub fn summary(&self) -> String {
        match self.kind {
            KindName::Require => {
                format!("requires {} in every document", self.patterns_phrase("or"))
            }
            KindName::MaxCount => format!(
                "allows {}{} at most {} per {}",
                self.patterns_phrase("and"),
                if self.literals.len() + self.regexes.len() > 1 {
                    " in all"
                } else {
                    ""
                },
                times(self.max),
                self.scope.name()
            ),
            KindName::Substitute => {
                let listed: Vec<String> = self
                    .terms
                    .iter()
                    .take(SUMMARY_ITEMS)
                    .map(|(wrong, right)| format!("{} for {}", code(right), code(wrong)))
                    .collect();
                format!("writes {}", with_more(listed, self.terms.len(), "and"))
            }
            KindName::Forbid => format!("forbids {}", self.patterns_phrase("and")),
        }
    }

    fn patterns_phrase(&self, joiner: &str) -> String {
        let listed: Vec<String> = self
            .literals
            .iter()
            .chain(self.regexes)
            .take(SUMMARY_ITEMS)
            .map(|pattern| code(pattern))
            .collect();
        with_more(listed, self.literals.len() + self.regexes.len(), joiner)
    }

    /// Markdown for `redline explain`.
    pub fn docs(&self) -> String {
        let mut out = String::new();
        let what = match self.kind {
            KindName::Require => {
                "reports a document in which nothing matches (one finding, at its first line)"
                    .to_owned()
            }
            KindName::MaxCount => match self.max {
                0 => "reports every match".to_owned(),
                1 => format!(
                    "reports every match after the first in each {}",
                    self.scope.name()
                ),
                max => format!(
                    "reports every match after the first {max} in each {}",
                    self.scope.name()
                ),
            },
            KindName::Substitute => {
                "reports every wrong term, with a safe fix to the right one".to_owned()
            }
            KindName::Forbid if self.replace.is_some() => {
                "reports every match, with a safe fix".to_owned()
            }
            KindName::Forbid => "reports every match".to_owned(),
        };
        let _ = writeln!(
            out,
            "A rule defined in the configuration (`[[custom]]`, kind `{}`): it {what}.\n",
            self.kind.name()
        );
        let _ = writeln!(out, "- Searches: {}.", scope_phrase(self.scope));
        if !self.literals.is_empty() {
            let _ = writeln!(out, "- Text: {}.", list(self.literals));
        }
        if !self.regexes.is_empty() {
            let _ = writeln!(out, "- Regular expressions: {}.", list(self.regexes));
        }
        if self.word {
            let _ = writeln!(
                out,
                "- Whole words only: a match must not start or end inside a word of letters and digits."
            );
        }
        if self.ignore_case {
            let _ = writeln!(out, "- Upper and lower case are the same.");
        }
        let _ = writeln!(out, "- Message: {}", code(self.message));
        if let Some(replace) = self.replace {
            let _ = writeln!(out, "- Fix: replaces the match with {}.", code(replace));
        }
        if !self.terms.is_empty() {
            out.push_str("\n| wrong | right |\n|---|---|\n");
            for (wrong, right) in self.terms {
                let _ = writeln!(out, "| {} | {} |", table_cell(wrong), table_cell(right));
            }
        }
        for (title, examples) in [("Reported", self.bad), ("Not reported", self.good)] {
            if examples.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n## {title}");
            for example in examples {
                let fence = fence_for(example);
                let _ = writeln!(
                    out,
                    "\n{fence}text\n{}\n{fence}",
                    example.trim_end_matches(['\n', '\r'])
                );
            }
        }
        out
    }
}

fn times(count: usize) -> String {
    match count {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

pub(super) fn scope_phrase(scope: Scope) -> &'static str {
    match scope {
        Scope::Line => "each line on its own",
        Scope::Sentence => "each sentence on its own",
        Scope::Paragraph => "each paragraph on its own",
        Scope::Heading => "the title of each heading",
        Scope::Document => "the whole document at once",
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| code(item))
        .collect::<Vec<_>>()
        .join(", ")
}

fn with_more(mut listed: Vec<String>, total: usize, joiner: &str) -> String {
    if total > listed.len() {
        let more = total - listed.len();
        return format!("{} {joiner} {more} more", listed.join(", "));
    }
    match listed.len() {
        0 | 1 => listed.pop().unwrap_or_default(),
        _ => {
            let last = listed.pop().unwrap_or_default();
            format!("{} {joiner} {last}", listed.join(", "))
        }
    }
}

/// Markdown inline code that survives backticks and edge spaces inside.
pub(super) fn code(text: &str) -> String {
    let longest = longest_backtick_run(text);
    let ticks = "`".repeat(longest + 1);
    if longest > 0 || text.starts_with(' ') || text.ends_with(' ') {
        format!("{ticks} {text} {ticks}")
    } else {
        format!("{ticks}{text}{ticks}")
    }
}

fn table_cell(text: &str) -> String {
    code(text).replace('|', "\\|")
}

/// A code fence longer than any run of backticks in `text`.
fn fence_for(text: &str) -> String {
    "`".repeat(longest_backtick_run(text).max(2) + 1)
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}
