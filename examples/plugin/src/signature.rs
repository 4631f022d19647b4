//! `house-style/signature`: a summary ends with who issued it and when.

use redline_plugin_api::{Finding, Input, PluginRule, Severity};
use serde::Deserialize;

/// The document must end with a signature block: the issuing organisation
/// on one line and the date on the next (or the other way round, or both
/// on one line).
pub struct Signature {
    options: SignatureOptions,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SignatureOptions {
    /// When set, the organisation line must contain this name.
    pub organisation: Option<String>,
    /// Longer lines are prose, not an organisation name.
    pub max_organisation_chars: usize,
}

impl Default for SignatureOptions {
    fn default() -> Self {
        Self {
            organisation: None,
            max_organisation_chars: 40,
        }
    }
}

impl PluginRule for Signature {
    const ID: &'static str = "signature";
    const SUMMARY: &'static str = "the document does not end with an organisation name and a date";
    const DOCS: &'static str = "\
A work summary is an official document: it ends with the issuing
organisation and the date, on the last two lines.

```text
XX市财政局
2024年1月5日
```

Dates are accepted as `2024年1月5日`, `二〇二四年一月五日`, `2024-01-05`,
`2024/1/5`, `January 5, 2024` and `5 January 2024`; a masked date
(`20xx年x月x日`) counts as a date here, since the `placeholder` rule
reports the mask.

With `organisation` set, the organisation line must contain that name.";
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    type Options = SignatureOptions;

    fn options_schema() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "properties": {
                "organisation": {"type": "string", "description": "a name the organisation line must contain"},
                "max-organisation-chars": {"type": "integer", "minimum": 1, "default": 40}
            },
            "additionalProperties": false
        })
    }

    fn new(options: SignatureOptions) -> Result<Self, String> {
        if options.max_organisation_chars == 0 {
            return Err("`max-organisation-chars` must be at least 1".to_owned());
        }
        if options
            .organisation
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            return Err("`organisation` must not be empty".to_owned());
        }
        Ok(Self { options })
    }

    fn check(&self, input: &Input<'_>) -> Vec<Finding> {
        let mut lines = last_lines(input.text);
        let Some(last) = lines.next() else {
            return Vec::new();
        };
        let before = lines.next();
        let (date, organisation) = if let Some(cut) = date_suffix(last.text) {
            let same_line = last.text[..cut].trim_end_matches(is_blank);
            if same_line.is_empty() {
                (last, before)
            } else {
                (
                    last,
                    Some(Line {
                        start: last.start,
                        text: same_line,
                    }),
                )
            }
        } else if let Some(previous) = before.filter(|line| is_date(line.text)) {
            (previous, Some(last))
        } else {
            return vec![
                Finding::new(last.span(), "the document does not end with a date")
                    .with_help("end with the organisation on one line and the date on the next, e.g. `XX市财政局` / `2024年1月5日`"),
            ];
        };
        let Some(organisation) =
            organisation.filter(|line| self.looks_like_organisation(line.text))
        else {
            return vec![
                Finding::new(
                    date.span(),
                    "the closing date has no organisation name beside it",
                )
                .with_help("put the issuing organisation on the line above the date"),
            ];
        };
        match &self.options.organisation {
            Some(expected) if !organisation.text.contains(expected.as_str()) => vec![
                Finding::new(
                    organisation.span(),
                    format!("signed by `{}`, expected `{expected}`", organisation.text),
                )
                .with_label(date.span(), "dated here"),
            ],
            _ => Vec::new(),
        }
    }
}

impl Signature {
    fn looks_like_organisation(&self, text: &str) -> bool {
        !text.is_empty()
            && text.chars().count() <= self.options.max_organisation_chars
            && !text.ends_with([
                '。', '.', '!', '?', '！', '？', '；', ';', '，', ',', '：', ':',
            ])
            && !is_date(text)
    }
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn span(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.text.len()
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Non-blank lines from the end, trimmed, with their offsets.
fn last_lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut end = text.len();
    std::iter::from_fn(move || {
        loop {
            if end == 0 {
                return None;
            }
            let line_start = text[..end].rfind('\n').map_or(0, |at| at + 1);
            let raw = &text[line_start..end];
            end = line_start.saturating_sub(1);
            let trimmed = raw.trim_start_matches(is_blank);
            let start = line_start + (raw.len() - trimmed.len());
            let trimmed = trimmed.trim_end_matches(is_blank);
            if !trimmed.is_empty() {
                return Some(Line {
                    start,
                    text: trimmed,
                });
            }
        }
    })
}

fn is_date(text: &str) -> bool {
    date_suffix(text) == Some(0)
}

/// Where a date that ends `text` starts, if one does.
fn date_suffix(text: &str) -> Option<usize> {
    chinese_date_suffix(text)
        .or_else(|| numeric_date_suffix(text))
        .or_else(|| english_date_suffix(text))
}

fn is_date_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十OoxX×*".contains(c)
}

/// `2024年1月5日`, `二〇二四年一月`, `20xx年x月x日`.
fn chinese_date_suffix(text: &str) -> Option<usize> {
    let mut rest = text;
    for unit in ['日', '月'] {
        if let Some(before) = rest.strip_suffix(unit) {
            let digits = before.trim_end_matches(is_date_digit);
            if digits.len() == before.len() {
                return None;
            }
            rest = digits;
        } else if unit == '日' {
            // The day is optional: `2024年1月`.
            continue;
        } else {
            return None;
        }
    }
    let before = rest.strip_suffix('年')?;
    let start = before.trim_end_matches(is_date_digit);
    (before.len() - start.len() >= 2).then_some(start.len())
}

/// `2024-01-05`, `2024/1/5`, `2024.1.5`.
fn numeric_date_suffix(text: &str) -> Option<usize> {
    let start = text
        .rfind(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '/' | '.')))
        .map_or(0, |at| {
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        });
    let candidate = &text[start..];
    let parts: Vec<&str> = candidate.split(['-', '/', '.']).collect();
    let shaped = parts.len() == 3
        && parts[0].len() == 4
        && parts[1..].iter().all(|part| (1..=2).contains(&part.len()))
        && parts
            .iter()
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()));
    shaped.then_some(start)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    word.len() >= 3 && MONTHS.iter().any(|month| month.starts_with(&word))
}

/// `January 5, 2024`, `Jan. 5, 2024`, `5 January 2024`.
fn english_date_suffix(text: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
        .collect();
    let [.., (first_at, first), (_, second), (_, year)] = words.as_slice() else {
        return None;
    };
    let is_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    let is_day = |word: &str| {
        let digits = word.trim_end_matches(',');
        (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let month_first = is_month(first) && is_day(second);
    let day_first = is_day(first) && is_month(second.trim_end_matches(','));
    (is_year && (month_first || day_first)).then_some(*first_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, options: SignatureOptions) -> Vec<(String, String)> {
        Signature::new(options)
            .unwrap()
            .check(&Input {
                path: "a.txt",
                text,
            })
            .into_iter()
            .map(|f| (text[f.span.start..f.span.end].to_owned(), f.message))
            .collect()
    }

    fn default_check(text: &str) -> Vec<(String, String)> {
        check(text, SignatureOptions::default())
    }

    #[test]
    fn signed_documents_pass_in_every_date_form() {
        for ending in [
            "XX市财政局\n2024年1月5日\n",
            "XX市财政局\n二〇二四年一月五日",
            "XX市财政局\n２０２４年１月５日\n\n",
            "XX市财政局\n20xx年x月x日\n",
            "XX市财政局\n2024年1月\n",
            "　　XX市财政局\r\n　　2024年1月5日\r\n",
            "2024年1月5日\nXX市财政局\n",
            "XX市财政局 2024年1月5日\n",
            "City Finance Bureau\nJanuary 5, 2024\n",
            "City Finance Bureau\n5 January 2024\n",
            "City Finance Bureau\nJan. 5, 2024\n",
            "City Finance Bureau\n2024-01-05\n",
            "City Finance Bureau\n2024/1/5\n",
        ] {
            let text = format!("一、工作总结\n今年完成了任务。\n{ending}");
            assert_eq!(default_check(&text), vec![], "{ending:?}");
        }
    }

    #[test]
    fn a_missing_date_is_reported_on_the_last_line() {
        assert_eq!(
            default_check("今年完成了任务。\n明年继续努力。\n"),
            vec![(
                "明年继续努力。".to_owned(),
                "the document does not end with a date".to_owned()
            )]
        );
    }

    #[test]
    fn a_date_without_an_organisation_is_reported_on_the_date() {
        assert_eq!(
            default_check("今年完成了任务。\n2024年1月5日\n"),
            vec![(
                "2024年1月5日".to_owned(),
                "the closing date has no organisation name beside it".to_owned()
            )]
        );
        let long = format!("{}\n2024年1月5日", "很".repeat(41));
        assert_eq!(default_check(&long).len(), 1);
    }

    #[test]
    fn the_configured_organisation_must_sign() {
        let options = SignatureOptions {
            organisation: Some("财政局".to_owned()),
            ..SignatureOptions::default()
        };
        assert_eq!(check("XX市财政局\n2024年1月5日", options), vec![]);
        let options = SignatureOptions {
            organisation: Some("教育局".to_owned()),
            ..SignatureOptions::default()
        };
        assert_eq!(
            check("XX市财政局\n2024年1月5日", options),
            vec![(
                "XX市财政局".to_owned(),
                "signed by `XX市财政局`, expected `教育局`".to_owned()
            )]
        );
    }

    #[test]
    fn empty_documents_and_date_look_alikes() {
        assert_eq!(default_check(""), vec![]);
        assert_eq!(default_check("\n\n"), vec![]);
        // A figure is not a date.
        assert_eq!(default_check("XX局\n增长了2024年\n").len(), 1);
        assert_eq!(default_check("XX局\nversion 1.2.3\n").len(), 1);
    }

    #[test]
    fn bad_options_are_refused() {
        let options = SignatureOptions {
            max_organisation_chars: 0,
            ..SignatureOptions::default()
        };
        assert_eq!(
            Signature::new(options).err().as_deref(),
            Some("`max-organisation-chars` must be at least 1")
        );
    }
}
