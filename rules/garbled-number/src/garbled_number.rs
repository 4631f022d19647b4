//! The `garbled-number` rule.

use crate::defect::{Certainty, resolve_overlaps};
use crate::scan::Scan;
use redline_core::{DeclaredRule, Document, Finding, Rule, RuleContext, RuleMeta, declare_rule};
use serde::Deserialize;

/// Numerals corrupted by machine translation, scraping or masking.
#[derive(Debug)]
pub struct GarbledNumber {
    certain_only: bool,
    allow: Vec<String>,
}

declare_rule! {
    /// Finds figures that machine translation, scraping or masking
    /// corrupted: artifacts that stand where a digit was, digits glued into
    /// words, years and dates that cannot exist, figures that lost a
    /// decimal point or a unit.
    ///
    /// A work summary is judged by its figures. A garbled one is worse than
    /// none: readers either take it at face value or stop trusting the
    /// rest. These corruptions survive spell checkers because every
    /// character in them is valid on its own.
    ///
    /// ## Certain: reported at the rule's severity (error)
    ///
    /// - The `65438` artifact of a widely copied scraping and translation bug:
    ///   `65438+0`, `165438+1`, `654.38+0.49.5%`, `6.5438+0.000`,
    ///   `65438+20xx`, its cut-off tail `38+00%`, and `June 5438` where the
    ///   6 became a month; its sibling `/kloc-0/` or `/KOOC-0/`.
    /// - Figures a year-masking pass overwrote: `2620xx`, `71.20xx`,
    ///   `71、20xx`, `20xx余份`, `201*人`, and masked Chinese numerals
    ///   such as `十x五`.
    /// - Digits glued to a function word (`of16%`), the digit 1 in a word
    ///   written with 一 (`1系列`), the letter `l` as the list number 1
    ///   (`l、` at a line start), letters inside a figure (`2O19年`).
    /// - Years fused with other digits: `2019019年`, `20192020年`.
    /// - Half- and full-width digits in one figure: `２0１9`.
    /// - Dates that cannot exist: `13月`, `2月30日`, `February 30`,
    ///   `30 February`, `June 5438`, `2019-13-05`.
    /// - A share above 100%: `覆盖率105%`, `coverage of 120%`.
    ///
    /// ## Suspect: reported one level lower (warning)
    ///
    /// - A space or comma inside a figure: `5 9亿元`, `108 3%`,
    ///   `3 1.86 million yuan`, `1,69 yuan`, `7, yuan`, `1,00,0`.
    /// - Digits glued between or before words: `reports1throughout`,
    ///   `1From`.
    /// - A date cut short: `1月19,` (no `日`).
    /// - Ranges that run backwards: `6月至4月`, `From June to April`,
    ///   `5月17日至15日`. A range starting after August may run into the
    ///   next year (`10月至3月`), so it is left alone.
    /// - `100%以上` for a share, which cannot pass 100%.
    /// - `余` after a figure exact to decimals: `9638.45余亩`.
    /// - In English: a whole number written to two decimals (`1.00%`,
    ///   `1.00 tons`), where translation lost the magnitude (`1.00万吨`);
    ///   money counted in people (`an investment of 747,000 people`); a
    ///   vague amount contradicted by a figure (`dozens of copies 100`).
    ///
    /// ## Not reported
    ///
    /// Plan and event names (`十一五`, `“720”`, `March 8th Festival`,
    /// `123 Project`, `Article 15`); list numbers before a month
    /// (`(1)3月份`, `(2)5月初`); thousands separators (`1,260`,
    /// `12,345,678`); decimals (`98.6%`, `285.2万元`); time stamps
    /// (`2019-05-26 21:34:39`); phone numbers (`0475-1234567`); growth
    /// above 100% (`增长120%`); ordinals, units and codes (`1st`, `24th`,
    /// `5G`, `10km`, `3D`, `ISO9000`, `C2C`, `MP3`, `COVID-19`, `H1N1`,
    /// `4S店`, `No.5`); forward ranges (`From May 15 to May 17`, `7-9月`).
    ///
    /// ## Examples
    ///
    /// ```text
    /// bad:  the union was established on February 8, 65438+20xx
    /// good: the union was established on February 8, 2011
    /// bad:  整治覆盖面达到100%以上
    /// good: 整治覆盖面达到100%
    /// bad:  回顾2019019年我乡工会工作
    /// good: 回顾2019年我乡工会工作
    /// ```
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.garbled-number]
    /// # Report only the certain cases, not the suspect ones.
    /// certain-only = false
    /// # Findings whose text is exactly one of these are dropped.
    /// allow = ["3Com"]
    /// ```
    GarbledNumber {
        id: "garbled-number",
        family: "garbled-number",
        severity: Error,
        recommended: true,
        fixable: false,
        summary: "figures corrupted by machine translation, scraping or masking: 65438+0, 2019019年, 13月, 1系列",
    }
}

/// Options of the `garbled-number` rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct GarbledNumberOptions {
    /// Report only the certain cases, at the rule's severity.
    pub certain_only: bool,
    /// Texts not to report: a finding whose text equals one is dropped.
    pub allow: Vec<String>,
}

impl Rule for GarbledNumber {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let text = document.text();
        let mut scan = Scan::new(text);
        scan.run();
        // `l、` is a list number only where a line or sentence opens.
        for line in document.lines() {
            scan.visit_line_start(line.start);
        }
        for sentence in document.sentences() {
            scan.visit_line_start(sentence.span.start);
        }
        let mut defects = scan.defects;
        resolve_overlaps(&mut defects);
        defects
            .into_iter()
            .filter(|defect| !(self.certain_only && defect.certainty == Certainty::Suspect))
            .filter(|defect| {
                !self
                    .allow
                    .iter()
                    .any(|allowed| *allowed == text[defect.span.range()])
            })
            .map(|defect| {
                let finding = match defect.certainty {
                    Certainty::Certain => context.finding(defect.span, defect.message),
                    Certainty::Suspect => context.tentative_finding(defect.span, defect.message),
                };
                finding.with_help(defect.help)
            })
            .collect()
    }
}

impl DeclaredRule for GarbledNumber {
    const META: RuleMeta = Self::META;
    type Options = GarbledNumberOptions;

    fn from_options(options: Self::Options) -> Result<Self, String> {
        if options.allow.iter().any(String::is_empty) {
            return Err("`allow` entries must not be empty".to_owned());
        }
        Ok(Self {
            certain_only: options.certain_only,
            allow: options.allow,
        })
    }
}
