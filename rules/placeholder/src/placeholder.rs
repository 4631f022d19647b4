//! The `placeholder` rule.

use crate::candidates::{Kind, Leftover, Scanner};
use crate::context::Meaning;
use redline_core::patterns::{AllowList, extra_patterns};
use redline_core::{
    DeclaredRule, Document, Edit, Finding, Fix, Rule, RuleContext, RuleMeta, Span, declare_rule,
};
use regex::Regex;
use serde::Deserialize;
use std::cmp::Reverse;

/// Template leftovers that were never filled in.
#[derive(Debug)]
pub struct Placeholder {
    scanner: Scanner,
    /// All `extra-patterns` in one alternation, so the text is read once.
    extra: Option<Regex>,
    allow: AllowList,
    year: Option<u16>,
}

declare_rule! {
    /// Finds what a document kept from the template it was made from: masked
    /// years, `XX` names, blanks and to-do markers.
    ///
    /// Work summaries are often assembled from samples found online. Those
    /// samples hide their years and names behind masks (`20xx`, `XX市`),
    /// leave blanks (`____`, `（ ）`), and download sites mask further
    /// (`201*`). Every such leftover is an error: the document says nothing
    /// where a year, a name or a figure belongs.
    ///
    /// ## What fires
    ///
    /// - Years: `20xx`, `20XX`, `20××`, `２０ＸＸ`, `20__`, `20**`, `201*`,
    ///   `201X`, `19XX`, `2xx3`, and garbled forms such as `2x20xx` or
    ///   `2__20__`.
    ///   A year mask glued to a figure (`2620xx`, `71.20xx`, `20xx余份`,
    ///   `201*人`) is reported as a mask that overwrote the figure; the span
    ///   is the mask, so `2620xx` reports `20xx`.
    /// - Names: `XX市`, `xx乡`, `XXX总工会`, `××局`, `某某公司`, `**年`,
    ///   `*****工会`, `zz乡`, and in English `XX Municipal Committee`. A
    ///   single `x` only before an administrative or date unit: `x镇`,
    ///   `X月X日`, `x month`, `X%`.
    /// - Dates: `X月X日`, `xx月xx日`, `x month XX day`, `XX year`, `mm月dd日`.
    /// - Blanks: runs of underscores (`____`, `_ _ _`; two or one underscore
    ///   when they stand alone in Chinese text: `__镇`, `,_,`), empty
    ///   brackets (`（ ）`, `【】`, `[]`, `〔〕`), bracketed labels (`[Name]`,
    ///   `[Insert date]`), missing figures (`共 人`, `达 %`), and a document
    ///   number with nothing in it (`护政办发号`).
    /// - Markers: `TODO`, `TBD`, `TBC`, `FIXME`, `待补充`, `待填写`, `待定`,
    ///   `此处填写`, `此处输入`. A plan that really is undecided (`时间待定`)
    ///   fires too; add `待定` to `allow` if your documents say that.
    ///
    /// Text matched in more than one way is reported once.
    ///
    /// ## What does not fire
    ///
    /// - Roman numerals: `Chapter XX`, `Article XX`, `No. XX`, `XX century`,
    ///   `the XX Olympic Games`, `the XX National Congress`, `XX世纪`.
    /// - Words and codes that contain an x: `next`, `Xinjiang`, `Xi'an`,
    ///   `XXL`, `X5`, `XC90`, `iPhone X`, `2x faster`, `200x zoom`, `3×4`,
    ///   `xx-large`, addresses such as `xxx@example.com` or `www.xxx.com`.
    /// - Other letters and numbers: `AA制`, `COVID-19`, `十二五`, `ZZ Top`,
    ///   `yyyy-mm-dd`.
    /// - Masked user names on download sites: `上传人:张**`, `用户***`,
    ///   `by ***`; a person anonymised on purpose: `张某某`, `王**同志`;
    ///   masked phone and ID numbers: `138****1234`.
    /// - Markdown: `**重点**`, `* * *` and `____` separator lines, `- [ ]`
    ///   check boxes, `[text](link)`; code such as `f()`, `= ()`, `[]` or
    ///   `(at, _)` (empty ASCII brackets and a lone `_` count only inside
    ///   Chinese text) and `__init__`; faces such as `^_^`.
    /// - A single `*` before a word other than 年/月/日 (`*渠道`, `注*`): a
    ///   footnote mark or a censored word, not a template's blank.
    /// - `有待补充` and `尚待` (something remains to be done), `待定义`,
    ///   `发号施令`.
    ///
    /// Boundaries are CJK-aware: a change between Han and Latin letters or
    /// digits is a boundary, so `20XX年` and `XX市` match while the `x` in
    /// `next` does not.
    ///
    /// ## Fix
    ///
    /// With the `year` option set, year masks get an unsafe fix that writes
    /// that year (`20xx` → `2023`), in full-width digits for `２０ＸＸ`. It is
    /// never safe: one document's `20xx` often means this year in one place
    /// and next year in another. No fix is offered where the mask shows
    /// other digits (`201*` when the year is 2023) or overwrote a figure.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.placeholder]
    /// # Also report every match of these regexes.
    /// extra-patterns = ["〇〇[市县]", "YOUR NAME HERE"]
    /// # Findings whose text is one of these are dropped: a literal, or a
    /// # regex between slashes that must match the whole text.
    /// allow = ["XXX", "/[xX]{4}/"]
    /// # Offer `20xx` → 2023 as an unsafe fix.
    /// year = 2023
    /// ```
    ///
    /// `allow` compares against the reported text, the part shown between
    /// backticks in the message (`XX` for `XX市`, `20xx` for `2620xx`).
    Placeholder {
        id: "placeholder",
        family: "placeholder",
        severity: Error,
        recommended: true,
        fixable: true,
        summary: "template leftovers that were never filled in: 20xx years, XX names, blanks, TODO markers",
    }
}

/// Options of the `placeholder` rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct PlaceholderOptions {
    /// Regexes whose every match is reported as a placeholder.
    pub extra_patterns: Vec<String>,
    /// Literal texts, or `/regex/` matching the whole text, not to report.
    pub allow: Vec<String>,
    /// The year an unsafe fix writes over `20xx`-style masks.
    pub year: Option<i64>,
}

impl Rule for Placeholder {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let text = document.text();
        let mut leftovers = Vec::new();
        self.scanner.scan(text, &mut leftovers);
        if let Some(extra) = &self.extra {
            leftovers.extend(
                extra
                    .find_iter(text)
                    .filter(|m| !m.is_empty())
                    .map(|m| Leftover {
                        span: Span::new(m.start(), m.end()),
                        kind: Kind::Extra,
                    }),
            );
        }
        if !self.allow.is_empty() {
            leftovers.retain(|leftover| !self.allow.allows(&text[leftover.span.range()]));
        }
        // Stable: at one start the longer span wins, then built-in shapes
        // before `extra-patterns`.
        leftovers.sort_by_key(|leftover| (leftover.span.start, Reverse(leftover.span.end)));
        let mut reported_until = 0;
        let mut findings = Vec::with_capacity(leftovers.len());
        findings.extend(
            leftovers
                .into_iter()
                .filter(|leftover| {
                    let fresh = leftover.span.start >= reported_until;
                    if fresh {
                        reported_until = leftover.span.end;
                    }
                    fresh
                })
                .map(|leftover| self.finding(text, leftover, context)),
        );
        findings
    }
}

impl Placeholder {
    fn finding(&self, text: &str, leftover: Leftover, context: &RuleContext<'_>) -> Finding {
        let found = &text[leftover.span.range()];
        let (message, help) = match leftover.kind {
            Kind::Year => (unfilled(found), Meaning::Year.help()),
            Kind::FusedYear => (
                format!("year mask `{found}` overwrote a figure"),
                "restore the original figure: a template site replaced its digits with a year mask"
                    .to_owned(),
            ),
            Kind::Mask(meaning) | Kind::BracketLabel(meaning) => (unfilled(found), meaning.help()),
            Kind::Blank(meaning) => (
                format!("blank `{found}` was never filled in"),
                match meaning {
                    Meaning::Name => "fill in the blank".to_owned(),
                    meaning => meaning.help(),
                },
            ),
            Kind::EmptyBrackets(meaning) => (
                format!("empty brackets `{found}` were never filled in"),
                match meaning {
                    Meaning::DocumentNumber => meaning.help(),
                    _ => "fill in the missing value, or remove the brackets".to_owned(),
                },
            ),
            Kind::Marker => (
                format!("unfinished-work marker `{found}` was left in the text"),
                "write the missing content and remove the marker".to_owned(),
            ),
            Kind::DocumentNumber => (
                format!("document number `{found}` has no year or serial number"),
                Meaning::DocumentNumber.help(),
            ),
            Kind::MissingFigure => (
                format!("figure missing in `{found}`"),
                Meaning::Figure.help(),
            ),
            Kind::Extra => (
                unfilled(found),
                "replace it with the actual text (it matches an `extra-patterns` entry)".to_owned(),
            ),
        };
        let finding = context.finding(leftover.span, message).with_help(help);
        let fix = match (leftover.kind, self.year) {
            (Kind::Year, Some(year)) => year_replacement(found, year),
            _ => None,
        };
        match fix {
            Some(replacement) => finding.with_fix(Fix::unsafe_edits(vec![Edit::replace(
                leftover.span,
                replacement,
            )])),
            None => finding,
        }
    }
}

fn unfilled(found: &str) -> String {
    format!("template placeholder `{found}` was never filled in")
}

/// `year` written over a year mask, if the mask's visible digits agree with
/// it (`201*` is not 2023). Garbled prefixes (`2x20xx`) are replaced too.
fn year_replacement(mask: &str, year: u16) -> Option<String> {
    let chars: Vec<char> = mask.chars().collect();
    let tail = &chars[chars.len().checked_sub(4)?..];
    let year_digits: Vec<char> = year.to_string().chars().collect();
    let consistent = tail.iter().zip(&year_digits).all(|(&shown, &wanted)| {
        match shown.to_digit(10).or_else(|| fullwidth_digit(shown)) {
            Some(digit) => char::from_digit(digit, 10) == Some(wanted),
            None => true,
        }
    });
    if !consistent {
        return None;
    }
    let fullwidth = fullwidth_digit(tail[0]).is_some();
    Some(
        year_digits
            .iter()
            .map(|&digit| {
                if fullwidth {
                    char::from_u32(u32::from(digit) - u32::from('0') + u32::from('０'))
                        .unwrap_or(digit)
                } else {
                    digit
                }
            })
            .collect(),
    )
}

fn fullwidth_digit(c: char) -> Option<u32> {
    ('０'..='９')
        .contains(&c)
        .then(|| u32::from(c) - u32::from('０'))
}

impl DeclaredRule for Placeholder {
    const META: RuleMeta = Self::META;
    type Options = PlaceholderOptions;

    fn from_options(options: PlaceholderOptions) -> Result<Self, String> {
        let extra = extra_patterns(&options.extra_patterns, "")?;
        let year = match options.year {
            None => None,
            Some(year) => Some(
                u16::try_from(year)
                    .ok()
                    .filter(|year| (1000..=9999).contains(year))
                    .ok_or_else(|| {
                        format!("`year` must be a four-digit year such as 2023, not {year}")
                    })?,
            ),
        };
        Ok(Self {
            scanner: Scanner::new(),
            extra,
            allow: AllowList::new(options.allow)?,
            year,
        })
    }
}

#[cfg(test)]
mod tests;
