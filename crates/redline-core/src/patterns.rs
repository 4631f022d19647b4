//! User patterns in rule options: `allow` lists and `extra-patterns`.
//!
//! Several rules take the same two options; one implementation keeps
//! their syntax and error messages alike.

use regex::Regex;

/// Texts not to report: literals, and `/regex/` entries that must match
/// the whole text.
#[derive(Debug, Default)]
pub struct AllowList {
    literals: Vec<String>,
    /// Every regex entry, anchored, in one alternation.
    patterns: Option<Regex>,
}

impl AllowList {
    pub fn new(entries: Vec<String>) -> Result<Self, String> {
        let mut literals = Vec::new();
        let mut patterns = Vec::new();
        for entry in entries {
            match entry
                .strip_prefix('/')
                .and_then(|rest| rest.strip_suffix('/'))
            {
                Some(pattern) => {
                    compile("allow", pattern)?;
                    patterns.push(pattern.to_owned());
                }
                None => literals.push(entry),
            }
        }
        let patterns = if patterns.is_empty() {
            None
        } else {
            Some(compile(
                "allow",
                &format!("^(?:{})$", alternation(&patterns)),
            )?)
        };
        Ok(Self { literals, patterns })
    }

    pub fn is_empty(&self) -> bool {
        self.literals.is_empty() && self.patterns.is_none()
    }

    pub fn allows(&self, found: &str) -> bool {
        self.literals.iter().any(|literal| literal == found)
            || self.patterns.as_ref().is_some_and(|re| re.is_match(found))
    }
}

/// The patterns as one alternation, each in its own group, so that they
/// compile into one automaton and the text is read once.
pub fn alternation(patterns: &[String]) -> String {
    patterns
        .iter()
        .map(|pattern| format!("(?:{pattern})"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Compiles an `extra-patterns` option into one regex (`None` when empty),
/// with `flags` (such as `(?m)`) in front. A pattern that matches the empty
/// string is refused: it would report nothing useful at every position.
pub fn extra_patterns(patterns: &[String], flags: &str) -> Result<Option<Regex>, String> {
    for pattern in patterns {
        if compile("extra-patterns", pattern)?.is_match("") {
            return Err(format!(
                "`extra-patterns`: regex `{pattern}` matches the empty string; it would report nothing useful"
            ));
        }
    }
    if patterns.is_empty() {
        return Ok(None);
    }
    compile(
        "extra-patterns",
        &format!("{flags}{}", alternation(patterns)),
    )
    .map(Some)
}

/// Compiles a user pattern; the error names the option and the pattern.
pub fn compile(option: &str, pattern: &str) -> Result<Regex, String> {
    Regex::new(pattern).map_err(|error| format!("`{option}`: invalid regex `{pattern}`: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_match_exactly_and_regexes_match_whole_texts() {
        let allow = AllowList::new(vec!["首页".into(), "/.*仅供参考.*/".into()]).unwrap();
        assert!(allow.allows("首页"));
        assert!(!allow.allows("首页 搜索"));
        assert!(allow.allows("以上数据仅供参考。"));
        assert!(
            !AllowList::new(vec!["/仅供/".into()])
                .unwrap()
                .allows("仅供参考")
        );
    }

    #[test]
    fn extra_patterns_combine_and_refuse_empty_matches() {
        assert!(extra_patterns(&[], "").unwrap().is_none());
        let combined = extra_patterns(&["^a$".into(), "bc".into()], "(?m)")
            .unwrap()
            .unwrap();
        assert_eq!(combined.find_iter("x\na\nbc").count(), 2);
        let error = extra_patterns(&["x*".into()], "").unwrap_err();
        assert!(error.contains("matches the empty string"), "{error}");
    }

    #[test]
    fn a_broken_regex_is_reported_with_its_option() {
        let error = AllowList::new(vec!["/(/".into()]).unwrap_err();
        assert!(error.starts_with("`allow`: invalid regex `(`"), "{error}");
    }
}
