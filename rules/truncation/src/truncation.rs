//! The `truncation` rule.

use crate::breaks;
use crate::ends;
use crate::layout::Layout;
use crate::starts::{self, Phrases};
use crate::words::{CLOSINGS, OPENINGS};
use redline_core::{DeclaredRule, Document, Finding, Rule, RuleContext, RuleMeta, declare_rule};
use serde::Deserialize;

/// Documents, sections and sentences cut short.
#[derive(Debug)]
pub struct Truncation {
    empty_sections: bool,
    max_fragment_chars: usize,
    phrases: Phrases,
}

declare_rule! {
    /// Finds text cut short: documents that stop in mid-sentence, sections
    /// with nothing under their heading, sentences cut in two by a stray
    /// line break or full stop, and documents whose beginning is missing.
    ///
    /// Summaries assembled from pages found online lose text at every
    /// seam: a page break splits a paragraph, a copy stops half-way, a
    /// sample on a page of samples starts in the middle of its content.
    /// The reader meets a sentence that goes nowhere.
    ///
    /// ## What fires
    ///
    /// - **A sentence split across lines** by a stray line break, often at
    ///   a page break with blank lines between the halves: the line ends
    ///   without a closing mark and the next line goes on with the same
    ///   sentence. Reported at the rule's severity when blank lines lie
    ///   between the halves (two broken paragraphs on the page), one level
    ///   lower for a single stray line break. The fix joins the lines.
    ///
    ///   ```text
    ///   …发挥系统工会的协调作用,扩
    ///
    ///   大工会组建和农牧民入会比率。
    ///   ```
    ///
    ///   The fix is safe when a mark proves the split: the first line ends
    ///   with `，` or `、`, leaves a quote open (`开展了“加强企业工`), cuts
    ///   an enumerated word (`厂务公开、民`), ends in a one-character clause
    ///   (`,扩`) or with an English word that needs more (`the`, `of`); or
    ///   the second line starts with a one-character clause (`题,并…`), a
    ///   word in lower case, or closes a quote it never opened
    ///   (`好”乡镇工会`). Chinese prose (it has finished a sentence before)
    ///   that merely lacks its full stop before more prose is reported with
    ///   an unsafe fix: it may be a paragraph that lost its `。` instead.
    /// - **A sentence cut by a stray full stop** and line breaks, leaving an
    ///   orphan fragment of a few characters on its own line:
    ///
    ///   ```text
    ///   …我们通过推行平等协商、集体。
    ///   合同。
    ///   以及职代会制度和送温暖活动,…
    ///   ```
    ///
    ///   Both the stray `。` (`集体。`) and the orphan (`合同。`) are
    ///   reported, at the rule's severity, when the text around the orphan
    ///   shows the cut: the next line opens with a word that cannot open a
    ///   sentence (`以及`, `和`, `如:`), the line before ends with a one- or
    ///   two-character enumerated item (`、集体。`), or it is a numbered item
    ///   of a few characters (`2、建立健全工会各项。` / `规章制度。` /
    ///   `如:…`). The first finding carries an unsafe fix that rejoins the
    ///   sentence (`…集体合同以及职代会制度…`, `…各项规章制度，如:…`).
    /// - **A paragraph that breaks off** after `，`, `、` or an open quote
    ///   while the next block does not go on with it (a numbered heading,
    ///   a title line, a paragraph that opens on its own: `今年`, `2020年`).
    ///   No fix: the rest of the sentence is lost.
    /// - **A document that ends mid-sentence**: each document in the file
    ///   (a page of pasted samples holds several) is checked at its last
    ///   line of text. Ending with `，`, `、`, `；` or `：` is reported at
    ///   the rule's severity; ending with no closing mark at all one level
    ///   lower (and not at all when the document never closes its
    ///   paragraphs with a mark). Trailing signatures, dates, links, short
    ///   navigation labels and lines of bare punctuation are passed over.
    /// - **An empty section**: a numbered heading followed straight away by
    ///   the next heading of its level (or a higher one), or by the end of
    ///   the document, while sibling headings do have content.
    /// - **A document that starts mid-content**: a paragraph right after a
    ///   closing one (`总之,…`, `In a word,…`) that neither is a title nor
    ///   opens a document (`一年来`, `在…领导下`, a year).
    /// - **A word cut at the very start** of a document: a first line that
    ///   starts with a punctuation mark (`，`, `”`), with a lower-case
    ///   English word, or with a character that cannot begin a word before
    ///   `是` or `们` (`结是…` from `总结是…`, `志们` from `同志们`); the
    ///   last two one level lower.
    /// - **An opening phrase cut around its year**: `20xx在市总工会的领导下`
    ///   (the `年` and the subject are missing) at a sentence start, and a
    ///   sentence that stops right after a year (`…整理的乡镇工会2019。`).
    ///
    /// ## What does not fire
    ///
    /// - Headings and title lines without a full stop, and the body that
    ///   follows them; numbered items (`1、`, `一是`, `(a)`) after a line that
    ///   ends without one. A paragraph cut short before a title line is
    ///   reported as broken off, never joined to the title.
    /// - Lists whose items end with `；` (`1、…128万元;` / `2、…`).
    /// - Runs of short numbered items with no body (`1、抓好工会全面建设。`
    ///   / `2、组织一次培训。`): a list, not empty sections. Items that end
    ///   with a full stop are never empty sections.
    /// - Short standalone lines between paragraphs (`欢迎阅读。`) unless the
    ///   text around them shows a sentence cut in two.
    /// - Hard-wrapped paragraphs: only the ends of blocks are looked at.
    /// - Documents whose paragraphs never end with a full stop: there a
    ///   missing mark proves nothing, and only certain splits are reported.
    /// - `20xx年`, `20xx届`, `2019名职工`, `2000元`; a year before `。` in
    ///   English (`ends in 2019.`).
    /// - A first line that starts with a straight quote (`"Eleventh…"`), a
    ///   name in mixed case (`iPhone`), a mask (`xx County`) or a link.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.truncation]
    /// # Report headings with nothing under them (on by default; turn it off
    /// # when `required-sections` is enough for you).
    /// empty-sections = true
    /// # Longest orphan line (characters before its `。`) taken for a piece
    /// # of the sentence before it.
    /// max-fragment-chars = 6
    /// # More words that open a closing paragraph, or a document's first one.
    /// closings = ["最后"]
    /// openings = ["为认真贯彻"]
    /// ```
    Truncation {
        id: "truncation",
        family: "truncation",
        severity: Warning,
        recommended: true,
        fixable: true,
        summary: "text cut short: documents ending mid-sentence, empty sections, sentences split by stray line breaks or full stops",
    }
}

/// Options of the `truncation` rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct TruncationOptions {
    /// Report headings with nothing under them.
    pub empty_sections: bool,
    /// Longest orphan fragment, in characters before its `。`.
    pub max_fragment_chars: usize,
    /// Extra opening words of a closing paragraph.
    pub closings: Vec<String>,
    /// Extra opening words of a document's first paragraph.
    pub openings: Vec<String>,
}

impl Default for TruncationOptions {
    fn default() -> Self {
        Self {
            empty_sections: true,
            max_fragment_chars: 6,
            closings: Vec::new(),
            openings: Vec::new(),
        }
    }
}

/// Longer orphans are sentences of their own, not fragments.
const MAX_FRAGMENT_CHARS_LIMIT: usize = 20;

impl DeclaredRule for Truncation {
    const META: RuleMeta = Self::META;
    type Options = TruncationOptions;

    fn from_options(options: TruncationOptions) -> Result<Self, String> {
        if !(1..=MAX_FRAGMENT_CHARS_LIMIT).contains(&options.max_fragment_chars) {
            return Err(format!(
                "`max-fragment-chars` must be between 1 and {MAX_FRAGMENT_CHARS_LIMIT}, not {}",
                options.max_fragment_chars
            ));
        }
        let blank = |phrases: &[String]| phrases.iter().any(|phrase| phrase.trim().is_empty());
        if blank(&options.closings) || blank(&options.openings) {
            return Err("`closings` and `openings` may not contain empty phrases".to_owned());
        }
        let merge = |builtin: &[&str], extra: Vec<String>| {
            builtin
                .iter()
                .map(|phrase| (*phrase).to_owned())
                .chain(extra)
                .collect()
        };
        Ok(Self {
            empty_sections: options.empty_sections,
            max_fragment_chars: options.max_fragment_chars,
            phrases: Phrases::new(
                merge(CLOSINGS, options.closings),
                merge(OPENINGS, options.openings),
            ),
        })
    }
}

impl Rule for Truncation {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let mut layout = Layout::new(document);
        let mut findings = Vec::new();
        // Splits first: a block whose sentence goes on in the next one is
        // not also a document that ends mid-sentence.
        breaks::check(&mut layout, self.max_fragment_chars, context, &mut findings);
        ends::check_document_ends(&layout, context, &mut findings);
        if self.empty_sections {
            ends::check_empty_sections(&layout, context, &mut findings);
        }
        starts::check_cut_words(&layout, context, &mut findings);
        starts::check_abrupt_starts(&layout, &self.phrases, context, &mut findings);
        starts::check_cut_years(&layout, context, &mut findings);
        findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
        findings
    }
}
