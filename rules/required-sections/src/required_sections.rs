//! The `required-sections` rule.

use crate::outline::{self, Found, Matchers, Scope, Via};
use crate::phrasing::Phrases;
use crate::profile::{self, Profile, Section, SectionOption};
use crate::words::SectionWords;
use redline_core::{
    BlockKind, DeclaredRule, Document, Finding, Part, Rule, RuleContext, RuleMeta, Span,
    declare_rule,
};
use serde::Deserialize;

/// Work summaries that lack a section they need, present them out of
/// order, or leave one empty.
#[derive(Debug)]
pub struct RequiredSections {
    sections: Vec<Section>,
    words: SectionWords,
    phrases: Phrases,
    order: bool,
    min_blocks: usize,
}

declare_rule! {
    /// Finds work summaries that lack a section a summary needs: what was
    /// achieved, what went wrong, and what comes next.
    ///
    /// A year-end or half-year summary (年度/半年工作总结) reports its
    /// achievements (主要工作/成绩), its problems or shortcomings
    /// (存在的问题/不足) and its plan for the next period (下一步/明年工作
    /// 打算); lessons learned (经验/体会) are common and optional. Summaries
    /// assembled from samples found online often keep only the part that
    /// was easy to copy: the list of achievements, with no word on
    /// problems and no plan. Readers notice at once.
    ///
    /// ## What fires
    ///
    /// - A missing section, reported once per document at its title (or at
    ///   the first sentence when it has none), naming every missing one:
    ///   `this summary has no `problems` or `plans` section`.
    /// - Sections out of order (`order = true`): problems after the plan.
    ///   Reported at the section that comes too late.
    /// - A required section whose heading has nothing under it
    ///   (`三、存在的问题` directly followed by `四、明年打算`). The
    ///   `truncation` rule reports empty headings in general; this rule
    ///   reports only the sections it requires.
    ///
    /// Bad (the problems are missing):
    ///
    /// ```text
    /// 城建局2023年工作总结
    /// 一、主要工作
    /// 完成道路改造12公里。
    /// 二、明年工作打算
    /// 继续推进道路改造。
    /// ```
    ///
    /// Good:
    ///
    /// ```text
    /// 城建局2023年工作总结
    /// 一、主要工作
    /// 完成道路改造12公里。
    /// 二、存在的问题
    /// 资金到位慢,部分工程延期。
    /// 三、明年工作打算
    /// 继续推进道路改造。
    /// ```
    ///
    /// ## How sections are found
    ///
    /// Headings first: a top-level heading, the level below it, or an
    /// unnumbered title line that contains one of a section's words. Then
    /// paragraphs, since pasted samples often lose their headings: a label
    /// before an early colon (`下步主要工作:`), and the phrases that open a
    /// section in Chinese and English: `在肯定成绩的同时,我们也认识到…存在`,
    /// `虽然取得了一定成绩,但…`, `However, there is still…` for problems
    /// (only when the text goes on to describe them: `但也还存在一些问题。`
    /// ending a document names none); `20xx年我们将…`, `下半年,我们将…`,
    /// `In the new year, we will…` for plans (the stock `今后我们将继续努力`
    /// is no plan); `回顾…主要得益于` for lessons. A list restarted near the
    /// end whose items are all still to do (`继续…`, `进一步…`, no `了`)
    /// is the plan with its heading lost. Without a heading, the account of
    /// the work before the later sections is the achievements section. The
    /// opening paragraph, which previews every section, is not read for
    /// phrases.
    ///
    /// ## Documents inside a file
    ///
    /// A page of sample summaries pasted into one file is checked document
    /// by document, as the document model splits it (titles, openings such
    /// as `在…领导下…现将…总结如下:` after a closing paragraph or a list,
    /// numbering restarts).
    ///
    /// ## What does not fire
    ///
    /// - Documents that are not summaries: a title naming a plan
    ///   (`2024年工作要点`, `工作计划`, `work plan`) and no summary.
    /// - Fragments shorter than `min-blocks` blocks: a site's preface, a
    ///   copyright notice.
    /// - Optional sections (lessons, by default) that are missing.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.required-sections]
    /// profile = "work-summary"  # or "none"
    /// order = true              # report sections out of order
    /// min-blocks = 3            # shorter documents are not checked
    /// sections = [
    ///   # A profile section's name replaces its words (and `required`,
    ///   # when given) and keeps its place and its paragraph phrases.
    ///   { name = "problems", match = ["存在的问题", "不足", "短板"] },
    ///   # A new name adds a section after the profile's, required unless
    ///   # `required = false`; it is found by its words only.
    ///   { name = "signature", match = ["落款"], required = false },
    /// ]
    /// ```
    ///
    /// The built-in `work-summary` profile, in order: `achievements`
    /// (主要工作, 工作成绩, 取得的成效, main work, achievements, …),
    /// `lessons` (经验, 体会, lessons; optional), `problems` (存在的问题,
    /// 不足, problems, shortcomings, weak links, …) and `plans` (下一步,
    /// 工作打算, 明年, 下半年, next year, work plan, arrangements for, …).
    ///
    /// Findings about sections recognised from paragraphs rather than
    /// headings are reported one severity lower.
    RequiredSections {
        id: "required-sections",
        family: "required-sections",
        severity: Warning,
        recommended: true,
        fixable: false,
        summary: "work summaries without achievements, problems or a plan for the next period",
    }
}

/// Options of the `required-sections` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct RequiredSectionsOptions {
    pub profile: Profile,
    /// Report sections out of profile order.
    pub order: bool,
    /// Sections replacing or extending the profile's.
    pub sections: Vec<SectionOption>,
    /// Documents with fewer blocks after their title are not checked.
    pub min_blocks: usize,
}

impl Default for RequiredSectionsOptions {
    fn default() -> Self {
        Self {
            profile: Profile::WorkSummary,
            order: true,
            sections: Vec::new(),
            min_blocks: 3,
        }
    }
}

impl DeclaredRule for RequiredSections {
    const META: RuleMeta = Self::META;
    type Options = RequiredSectionsOptions;

    fn from_options(options: Self::Options) -> Result<Self, String> {
        let sections = profile::resolve(options.profile, &options.sections)?;
        let words = SectionWords::new(&sections)?;
        Ok(Self {
            sections,
            words,
            phrases: Phrases::new()?,
            order: options.order,
            min_blocks: options.min_blocks.max(1),
        })
    }
}

impl Rule for RequiredSections {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let mut findings = Vec::new();
        for part in document.parts() {
            self.check_part(document, context, part, &mut findings);
        }
        findings
    }
}

/// Title words of a plan; a title with one of them and none of
/// [`SUMMARY_TITLE_WORDS`] is a plan, which needs no summary sections.
const PLAN_TITLE_WORDS: [&str; 8] = [
    "要点", "计划", "打算", "安排", "方案", "思路", "plan", "Plan",
];
const SUMMARY_TITLE_WORDS: [&str; 9] = [
    "总结", "汇报", "述职", "小结", "报告", "summary", "Summary", "report", "Report",
];

impl RequiredSections {
    fn check_part(
        &self,
        document: &Document<'_>,
        context: &RuleContext<'_>,
        part: &Part,
        findings: &mut Vec<Finding>,
    ) {
        let blocks = document.blocks();
        // An unnumbered heading opening an untitled document is its title
        // all the same, though it names no genre the model knows.
        let first = &blocks[part.blocks.start];
        let title = part.title.or_else(|| {
            (first.kind == BlockKind::Heading && first.marker.is_none())
                .then_some(part.blocks.start)
        });
        let title_span = part
            .title_span(document)
            .or_else(|| title.map(|title| trim_end_punctuation(document, blocks[title].span)));
        if title_span.is_some_and(|span| is_plan_title(document.slice(span))) {
            return;
        }
        let body_start = match title {
            Some(title) if blocks[title].kind == BlockKind::Heading => title + 1,
            Some(title) => title,
            None => part.blocks.start,
        };
        let body = body_start..part.blocks.end;
        if body.len() < self.min_blocks {
            return;
        }
        let opening = Some(body.start).filter(|&index| {
            blocks[index].kind == BlockKind::Paragraph && blocks[index].marker.is_none()
        });
        let scope = Scope { body, opening };
        let matchers = Matchers {
            sections: &self.sections,
            words: &self.words,
            phrases: &self.phrases,
        };
        let found = outline::locate(document, &scope, &matchers);

        let anchor = title_span.unwrap_or_else(|| first_sentence(document, scope.body.start));
        self.report_missing(context, &found, anchor, findings);
        if self.order {
            self.report_order(context, &found, findings);
        }
        self.report_empty(context, &found, findings);
    }

    fn report_missing(
        &self,
        context: &RuleContext<'_>,
        found: &[Option<Found>],
        anchor: Span,
        findings: &mut Vec<Finding>,
    ) {
        let missing: Vec<&Section> = self
            .sections
            .iter()
            .zip(found)
            .filter(|(section, found)| section.required && found.is_none())
            .map(|(section, _)| section)
            .collect();
        let Some((last, rest)) = missing.split_last() else {
            return;
        };
        let names = if rest.is_empty() {
            format!("`{}` section", last.name)
        } else {
            let rest: Vec<String> = rest
                .iter()
                .map(|section| format!("`{}`", section.name))
                .collect();
            format!("{} or `{}` section", rest.join(", "), last.name)
        };
        let accepted: Vec<String> = missing
            .iter()
            .map(|section| format!("{}: {}", section.name, section.words.join(", ")))
            .collect();
        let mut finding = context
            .finding(anchor, format!("this summary has no {names}"))
            .with_help(format!(
                "a work summary reports its achievements, its problems and its plan for the next period; headings that count: {}",
                accepted.join("; ")
            ));
        // Show where each missing section belongs: before the next section
        // the document does have.
        for (index, section) in self.sections.iter().enumerate() {
            if !section.required || found[index].is_some() {
                continue;
            }
            let next = found[index + 1..]
                .iter()
                .flatten()
                .find(|next| next.via != Via::Body);
            if let Some(next) = next {
                finding = finding
                    .with_label(next.span, format!("`{}` belongs before this", section.name));
            }
        }
        findings.push(finding);
    }

    /// The first section found before one it should follow.
    fn report_order(
        &self,
        context: &RuleContext<'_>,
        found: &[Option<Found>],
        findings: &mut Vec<Finding>,
    ) {
        let present: Vec<(usize, &Found)> = found
            .iter()
            .enumerate()
            .filter_map(|(index, found)| found.as_ref().map(|found| (index, found)))
            // The account of the work is wherever the later sections are not.
            .filter(|(_, found)| found.via != Via::Body)
            .collect();
        for pair in present.windows(2) {
            let ((early, expected_first), (late, came_first)) = (pair[0], pair[1]);
            if came_first.block >= expected_first.block {
                continue;
            }
            let sure = expected_first.via == Via::Heading && came_first.via == Via::Heading;
            let message = format!(
                "the `{}` section comes after the `{}` section",
                self.sections[early].name, self.sections[late].name
            );
            let finding = if sure {
                context.finding(expected_first.span, message)
            } else {
                context.tentative_finding(expected_first.span, message)
            };
            findings.push(
                finding
                    .with_label(
                        came_first.span,
                        format!("`{}` starts here", self.sections[late].name),
                    )
                    .with_help(format!(
                        "a work summary presents {} in this order",
                        self.order_list()
                    )),
            );
            return;
        }
    }

    fn report_empty(
        &self,
        context: &RuleContext<'_>,
        found: &[Option<Found>],
        findings: &mut Vec<Finding>,
    ) {
        let mut reported: Vec<Span> = Vec::new();
        for (section, found) in self.sections.iter().zip(found) {
            let Some(found) = found.filter(|found| found.empty && section.required) else {
                continue;
            };
            // One heading may name two sections (`存在不足及努力方向`).
            if reported.contains(&found.span) {
                continue;
            }
            reported.push(found.span);
            findings.push(
                context
                    .finding(
                        found.span,
                        format!(
                            "the `{}` section has a heading but nothing under it",
                            section.name
                        ),
                    )
                    .with_help("write the section, or remove its heading"),
            );
        }
    }

    fn order_list(&self) -> String {
        let names: Vec<&str> = self
            .sections
            .iter()
            .map(|section| section.name.as_str())
            .collect();
        names.join(", ")
    }
}

fn is_plan_title(title: &str) -> bool {
    PLAN_TITLE_WORDS.iter().any(|word| title.contains(word))
        && !SUMMARY_TITLE_WORDS.iter().any(|word| title.contains(word))
}

/// `span` without the punctuation a title line may end with.
fn trim_end_punctuation(document: &Document<'_>, span: Span) -> Span {
    let text = document.slice(span);
    let trimmed =
        text.trim_end_matches(|c: char| c.is_whitespace() || "。，、；：！？.,;:!?".contains(c));
    Span::new(span.start, span.start + trimmed.len())
}

/// The first sentence of a block, or the whole block.
fn first_sentence(document: &Document<'_>, index: usize) -> Span {
    let block = &document.blocks()[index];
    document
        .block_sentences(block)
        .first()
        .map_or(block.span, |sentence| sentence.span)
}

#[cfg(test)]
mod tests;
