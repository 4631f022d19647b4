//! `house-style/banned-phrases`: phrases the house style does not want.

use redline_plugin_api::{Applicability, Finding, Input, PluginRule, Severity};
use serde::Deserialize;

/// Reports every occurrence of a configured phrase, with a safe fix when
/// the entry names a replacement.
pub struct BannedPhrases {
    phrases: Vec<Phrase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum PhraseEntry {
    /// Just the phrase.
    Phrase(String),
    /// The phrase and what to write instead.
    WithReplacement { phrase: String, instead: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct BannedPhrasesOptions {
    pub phrases: Vec<PhraseEntry>,
}

impl Default for BannedPhrasesOptions {
    fn default() -> Self {
        let phrase = |text: &str| PhraseEntry::Phrase(text.to_owned());
        Self {
            phrases: vec![
                phrase("取得了一定成绩"),
                phrase("圆满完成了各项任务"),
                PhraseEntry::WithReplacement {
                    phrase: "其它".to_owned(),
                    instead: "其他".to_owned(),
                },
                phrase("at the end of the day"),
            ],
        }
    }
}

#[derive(Debug)]
struct Phrase {
    text: String,
    instead: Option<String>,
}

impl PluginRule for BannedPhrases {
    const ID: &'static str = "banned-phrases";
    const SUMMARY: &'static str = "a phrase the house style bans";
    const DOCS: &'static str = "\
Empty slogans say nothing a reader can check: `取得了一定成绩` (achieved
some results) instead of what was achieved. List the phrases your house
style bans; an entry with `instead` also gets a safe fix.

```toml
[rules.\"house-style/banned-phrases\"]
phrases = [\"取得了一定成绩\", { phrase = \"其它\", instead = \"其他\" }]
```

Without options the rule bans a few common ones: `取得了一定成绩`,
`圆满完成了各项任务`, `其它` (write `其他`) and `at the end of the day`.";
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const FIXABLE: bool = true;
    type Options = BannedPhrasesOptions;

    fn options_schema() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "properties": {
                "phrases": {
                    "type": "array",
                    "items": {"oneOf": [
                        {"type": "string"},
                        {"type": "object", "properties": {
                            "phrase": {"type": "string"}, "instead": {"type": "string"}
                        }, "required": ["phrase", "instead"]}
                    ]}
                }
            },
            "additionalProperties": false
        })
    }

    fn new(options: BannedPhrasesOptions) -> Result<Self, String> {
        let phrases = options
            .phrases
            .into_iter()
            .map(|entry| {
                let (text, instead) = match entry {
                    PhraseEntry::Phrase(text) => (text, None),
                    PhraseEntry::WithReplacement { phrase, instead } => (phrase, Some(instead)),
                };
                if text.trim().is_empty() {
                    return Err("a banned phrase is empty".to_owned());
                }
                Ok(Phrase { text, instead })
            })
            .collect::<Result<_, String>>()?;
        Ok(Self { phrases })
    }

    fn check(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut findings = Vec::new();
        for phrase in &self.phrases {
            for (at, found) in input.text.match_indices(phrase.text.as_str()) {
                let span = at..at + found.len();
                let finding = Finding::new(
                    span.clone(),
                    format!("`{found}` is banned by the house style"),
                );
                findings.push(match &phrase.instead {
                    Some(instead) => finding
                        .with_help(format!("write `{instead}`"))
                        .with_fix(Applicability::Safe, [(span, instead.clone())]),
                    None => finding.with_help("say what was done, with figures"),
                });
            }
        }
        findings.sort_by_key(|finding| finding.span.start);
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched<'t>(found: &[Finding], text: &'t str) -> Vec<&'t str> {
        found
            .iter()
            .map(|f| &text[f.span.start..f.span.end])
            .collect()
    }

    #[test]
    fn default_phrases_are_found_with_fixes_where_known() {
        let rule = BannedPhrases::new(BannedPhrasesOptions::default()).unwrap();
        let text = "全年取得了一定成绩，其它工作也有进展。";
        let found = rule.check(&Input {
            path: "a.txt",
            text,
        });
        let spans = matched(&found, text);
        assert_eq!(spans, ["取得了一定成绩", "其它"]);
        assert!(found[0].fix.is_none());
        let fix = found[1].fix.as_ref().unwrap();
        assert_eq!(fix.edits[0].replacement, "其他");
        assert_eq!(fix.applicability, Applicability::Safe);
    }

    #[test]
    fn options_replace_the_defaults_and_accept_both_entry_forms() {
        let options: BannedPhrasesOptions = serde_json::from_value(serde_json::json!({
            "phrases": ["高度重视", {"phrase": "帐号", "instead": "账号"}]
        }))
        .unwrap();
        let rule = BannedPhrases::new(options).unwrap();
        let text = "高度重视帐号安全，取得了一定成绩。";
        let found = rule.check(&Input {
            path: "a.txt",
            text,
        });
        let spans = matched(&found, text);
        assert_eq!(spans, ["高度重视", "帐号"]);
    }

    #[test]
    fn empty_phrases_and_unknown_keys_are_refused() {
        let options = BannedPhrasesOptions {
            phrases: vec![PhraseEntry::Phrase(" ".to_owned())],
        };
        assert_eq!(
            BannedPhrases::new(options).err().as_deref(),
            Some("a banned phrase is empty")
        );
        let unknown =
            serde_json::from_value::<BannedPhrasesOptions>(serde_json::json!({"phrase": []}));
        assert!(
            unknown
                .unwrap_err()
                .to_string()
                .starts_with("unknown field `phrase`")
        );
    }
}
