//! The `numbering` rule.

use crate::render::render_like;
use crate::tracker::{Checks, Issue, IssueKind, Item, Tracker};
use redline_core::{
    DeclaredRule, Document, Edit, Finding, Fix, Marker, Rule, RuleContext, RuleMeta, declare_rule,
};
use serde::Deserialize;

/// List numbering that skips, repeats, restarts or mixes its markers.
#[derive(Debug)]
pub struct Numbering {
    checks: Checks,
}

declare_rule! {
    /// Checks the numbering of every list, level by level, in each document
    /// of a file: ordinals that skip or repeat, lists that start late or
    /// restart without a heading, siblings in mixed marker styles, and the
    /// Chinese hierarchy `一、` → `（一）` → `1.` → `（1）` turned upside down.
    ///
    /// Summaries assembled from templates lose headings and items, and
    /// machine translation turns `一、二、三、` into `First,` / `Two,` /
    /// `Third,`. A reader who meets `四、` after `二、` wonders what was cut.
    ///
    /// ## What fires
    ///
    /// - Skipped or repeated ordinals: `一、二、四、`, `6、` twice, `(1)(2)(4)`,
    ///   `一是…二是…四是`, `First, … The second is … Fourth, …`. The message
    ///   says what was expected: "expected `三、` after `二、`, found `四、`".
    /// - A list that starts late: `二、` with no `一、` before it (no
    ///   `First,` before `Second,`).
    /// - Mixed marker styles among siblings: `(a)` then `(2)` then `3)`;
    ///   `(two)` beside `(4)`; `First,` / `Two,` / `Third,`; `1.` then `②`.
    ///   Only the first marker of each new style is reported.
    /// - The Chinese hierarchy out of order: `（一）` items nested inside a
    ///   `1.` item (the `1.` list goes on after them).
    /// - A list restarting at 1 with no heading or introduction between
    ///   (`1、2、3、1、2、`): usually a section heading was lost. This is a
    ///   guess, reported one severity lower.
    ///
    /// Enumerations inside a paragraph (`一是…二是…`, `The first is…`) are
    /// lists of their own.
    ///
    /// ## What does not fire
    ///
    /// - A list restarting at `(1)` under a new parent item, or after an
    ///   unnumbered heading or a line ending in a colon (`下步主要工作:`).
    /// - Nesting that reuses a parent's style: `First,` items inside `(a)`
    ///   inside a `First,` section.
    /// - A gap filled by markers run on inside the text: `…召开。(1)3月份…`
    ///   followed by a paragraph opening with `(2)`, or items `2、`–`5、`
    ///   written in the paragraph of item `1、`.
    /// - Where an enumeration inside a paragraph starts: its first item often
    ///   follows a comma or colon (`…三个环节: First, …`).
    /// - `First,` and `The second is` alternating in one list.
    /// - Styles the Chinese hierarchy puts on different levels: a `（2）`
    ///   after `（一）` is a sub-item, not a sibling in a mixed style.
    /// - The same nested `1.`-style list under every `一、` heading, and
    ///   `（一）` items numbered on from one section into the next.
    ///
    /// ## Fix
    ///
    /// Unsafe fixes only, since an item may be missing rather than
    /// misnumbered: a skipped or repeated ordinal renumbers that item and the
    /// siblings following it (`6、 6、 7、` → `6、 7、 8、`); a marker in a
    /// different style is rewritten in the style of the sibling before it
    /// (`(three)` → `(3)`).
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.numbering]
    /// mixed-styles = true   # siblings in different marker styles
    /// hierarchy = true      # 一、 → （一） → 1. → （1） out of order
    /// restarts = true       # lists restarting at 1 without a heading
    /// inline-lists = true   # 一是…二是… inside paragraphs
    /// ```
    Numbering {
        id: "numbering",
        family: "numbering",
        severity: Warning,
        recommended: true,
        fixable: true,
        summary: "list numbering that skips, repeats, restarts or mixes marker styles",
    }
}

/// Options of the `numbering` rule; every check is on by default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct NumberingOptions {
    /// Report siblings numbered in different marker styles.
    pub mixed_styles: bool,
    /// Report the Chinese hierarchy 一、 → （一） → 1. → （1） out of order.
    pub hierarchy: bool,
    /// Report lists restarting at 1 with no heading between.
    pub restarts: bool,
    /// Check enumerations inside paragraphs (`一是…二是…`).
    pub inline_lists: bool,
}

impl Default for NumberingOptions {
    fn default() -> Self {
        Self {
            mixed_styles: true,
            hierarchy: true,
            restarts: true,
            inline_lists: true,
        }
    }
}

impl DeclaredRule for Numbering {
    const META: RuleMeta = Self::META;
    type Options = NumberingOptions;

    fn from_options(options: NumberingOptions) -> Result<Self, String> {
        Ok(Self {
            checks: Checks {
                mixed_styles: options.mixed_styles,
                hierarchy: options.hierarchy,
                restarts: options.restarts,
                inline_lists: options.inline_lists,
            },
        })
    }
}

impl Rule for Numbering {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let tracker = Tracker::run(document, self.checks);
        let mut findings: Vec<Finding> = tracker
            .issues
            .iter()
            .map(|issue| finding(document, context, &tracker.items, issue))
            .collect();
        // Issues are noted in reading order except hierarchy problems, seen
        // only when the parent list goes on; a marker that is both an item
        // and a paragraph's first enumeration may be noted twice.
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, b.severity).cmp(&(b.span.start, b.span.end, a.severity))
        });
        findings.dedup_by_key(|finding| finding.span);
        findings
    }
}

fn finding(
    document: &Document<'_>,
    context: &RuleContext<'_>,
    items: &[Item],
    issue: &Issue,
) -> Finding {
    let found = document.slice(issue.span);
    let previous = issue.previous.map(|index| items[index].marker);
    let marker = issue.item.map(|index| items[index].marker);
    let text_of = |marker: Marker| document.slice(marker.span);
    // The expected marker written like `template`, or a plain description
    // when that form cannot write the number.
    let written = |template: Marker, ordinal: u32| {
        render_like(text_of(template), template.style, ordinal)
            .map_or_else(|| format!("item {ordinal}"), |text| format!("`{text}`"))
    };
    let sequence_message = |template: Marker| {
        let expected = written(template, issue.expected);
        match previous {
            Some(previous) if previous.ordinal + 1 == issue.expected => {
                format!(
                    "expected {expected} after `{}`, found `{found}`",
                    text_of(previous)
                )
            }
            _ if issue.expected > 1 => format!(
                "expected {expected} after {}, found `{found}`",
                written(template, issue.expected - 1)
            ),
            _ => format!("expected {expected} first, found `{found}`"),
        }
    };

    let (finding, fix) = match (issue.kind, previous, marker) {
        (IssueKind::Skipped, Some(previous), Some(_)) => (
            context
                .finding(issue.span, sequence_message(previous))
                .with_help(format!(
                    "{} is missing: restore that item, or renumber the list from here",
                    written(previous, issue.expected)
                )),
            renumber(document, items, issue),
        ),
        (IssueKind::Repeated, Some(previous), Some(_)) => (
            context
                .finding(issue.span, sequence_message(previous))
                .with_help(format!(
                    "`{found}` is used twice: renumber the list from here"
                )),
            renumber(document, items, issue),
        ),
        (IssueKind::OutOfOrder, Some(previous), Some(_)) => (
            context
                .finding(issue.span, sequence_message(previous))
                .with_help(
                    "the numbering goes back: if a new list starts here, its heading is missing",
                ),
            None,
        ),
        (IssueKind::StartsLate, _, Some(marker)) => (
            context
                .finding(issue.span, sequence_message(marker))
                .with_help(format!(
                    "the list has no {}: a heading or item before it was lost",
                    written(marker, issue.expected)
                )),
            None,
        ),
        (IssueKind::Restarted, Some(previous), _) => (
            context
                .tentative_finding(
                    issue.span,
                    format!(
                        "numbering restarts at `{found}` after `{}`",
                        text_of(previous)
                    ),
                )
                .with_help(format!(
                    "if a new section starts here, its heading is missing; otherwise continue with {}",
                    written(previous, issue.expected)
                )),
            None,
        ),
        (IssueKind::MixedStyle, Some(previous), Some(_)) => (
            context
                .finding(
                    issue.span,
                    format!(
                        "expected {} after `{}`, found `{found}` in a different marker style",
                        written(previous, issue.expected),
                        text_of(previous)
                    ),
                )
                .with_help("siblings in one list share one marker style"),
            restyle(document, items, issue, previous),
        ),
        (IssueKind::Hierarchy, Some(parent), Some(_)) => (
            context
                .finding(
                    issue.span,
                    format!(
                        "`{found}` is nested under `{}`: the hierarchy runs 一、 → （一） → 1. → （1）",
                        text_of(parent)
                    ),
                )
                .with_help("swap the markers of the two levels"),
            None,
        ),
        // Every issue is recorded with what its kind needs; a plain message
        // keeps a mismatch visible rather than fatal.
        (kind, _, _) => (
            context.finding(issue.span, format!("numbering problem ({kind:?}) at `{found}`")),
            None,
        ),
    };
    let finding = match previous {
        Some(previous) => finding.with_label(
            previous.span,
            match issue.kind {
                IssueKind::Hierarchy => "the item it is nested in",
                _ => "the sibling before it",
            },
        ),
        None => finding,
    };
    match fix {
        Some(fix) => finding.with_fix(fix),
        None => finding,
    }
}

/// Renumbers the marker at fault to the expected ordinal and the siblings
/// that followed it in sequence after it.
fn renumber(document: &Document<'_>, items: &[Item], issue: &Issue) -> Option<Fix> {
    let run = following_run(items, issue.item?, |_, _| true);
    let edits = (issue.expected..)
        .zip(run)
        .map(|(ordinal, item)| {
            let marker = items[item].marker;
            let renumbered = render_like(document.slice(marker.span), marker.style, ordinal)?;
            Some(Edit::replace(marker.span, renumbered))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Fix::unsafe_edits(edits))
}

/// Rewrites the marker at fault, and its siblings after it in the same
/// style, in the style of the sibling before it.
fn restyle(
    document: &Document<'_>,
    items: &[Item],
    issue: &Issue,
    previous: Marker,
) -> Option<Fix> {
    let template = document.slice(previous.span);
    let first = issue.item?;
    let style = items[first].marker.style;
    let mut edits = Vec::new();
    for item in following_run(items, first, |a, b| a.style == b.style && a.style == style) {
        let marker = items[item].marker;
        let restyled = render_like(template, previous.style, marker.ordinal)?;
        edits.push(Edit::replace(marker.span, restyled));
    }
    Some(Fix::unsafe_edits(edits))
}

/// `first` and the siblings after it that follow it in sequence, up to
/// one with an issue of its own or one `same_run` rejects.
fn following_run(
    items: &[Item],
    first: usize,
    same_run: impl Fn(&Marker, &Marker) -> bool,
) -> Vec<usize> {
    let mut run = vec![first];
    let mut current = first;
    while let Some(next) = items[current].next {
        let (before, after) = (&items[current].marker, &items[next].marker);
        if items[next].flagged || after.ordinal != before.ordinal + 1 || !same_run(before, after) {
            break;
        }
        run.push(next);
        current = next;
    }
    run
}
