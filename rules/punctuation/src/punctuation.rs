//! The `punctuation` rule.

use crate::chars::script_without_urls;
use crate::chinese;
use crate::english;
use crate::layout;
use crate::pairs::PairTracker;
use crate::sink::{Report, Sink};
use memchr::memmem;
use redline_core::script::{Script, is_blank};
use redline_core::{DeclaredRule, Document, Finding, Rule, RuleContext, RuleMeta, declare_rule};
use serde::Deserialize;

/// Punctuation mistakes in Chinese and English office documents.
#[derive(Debug)]
pub struct Punctuation {
    report: Report,
    double_spaces: memmem::Finder<'static>,
}

declare_rule! {
    /// Finds punctuation that scraping, machine translation or a careless
    /// keyboard left wrong: ASCII marks in Chinese text, unbalanced brackets
    /// and quotes, doubled marks, and spacing errors in English.
    ///
    /// Readers notice `工作目标:认真学习` and `year.The` at once; documents
    /// pasted from web pages are full of both, and an unclosed `“` or `《`
    /// leaves the reader guessing where a name or a title ends.
    ///
    /// ## Chinese text
    ///
    /// - ASCII `,` `:` `;` `(` `)` `?` `!` touching a Han character or a
    ///   full-width mark, and `.` ending a Chinese sentence:
    ///   `工作目标:认真学习` → `工作目标：认真学习`. A bracket pair is
    ///   converted whole when either half touches Chinese text. By default
    ///   each line gets one finding, at its first such mark, counting them
    ///   all (`9 ASCII punctuation marks in Chinese text on this line
    ///   (8×',', 1×':')`), with a safe fix for every mark of the line.
    /// - ASCII quotes used as Chinese quotation marks: `"三下乡"` →
    ///   `“三下乡”`, one finding per paragraph, fixed when they pair up.
    /// - A stray ASCII `.` between Han characters (`教职工的.利益关系`),
    ///   with an unsafe fix deleting it.
    /// - Doubled marks (`。。`, `，，`, `,,`, `1、、`) with a safe fix to one,
    ///   and clashing marks (`;。`) with an unsafe fix keeping the stronger.
    /// - A mark directly after a numbering marker (`一、。`, `1、、`),
    ///   deleted by a safe fix; a colon after `第一章` is fine.
    /// - A line holding nothing but one or two marks (`。`, `;`). After a
    ///   complete line the fix deletes it (safe); after an unfinished one
    ///   it joins the mark to that line (unsafe), where it may belong.
    /// - Brackets around the year of a document number other than `〔〕`:
    ///   `办发[2019]8号` → `办发〔2019〕8号` (safe fix).
    /// - Single title marks outside double ones (`职工〈代表〉大会`), as a
    ///   guess one level down: `〈〉` nest inside `《》`.
    ///
    /// ## Pairs, in every paragraph
    ///
    /// `“ ”`, `‘ ’`, `《 》`, `〈 〉`, `（ ）`, `【 】`, `〔 〕`, `「 」`,
    /// `『 』`, `( )` and ASCII `"` must pair up within their paragraph. An
    /// unclosed opener, a closer with no opener and a quotation closed with
    /// a second opener (`“四害“`) are reported, with a label on the opener;
    /// an odd number of ASCII quotes is reported at a doubled `""` if there
    /// is one, else at the last. Nested titles (`《关于〈…〉的通知》`) are
    /// correct. There is no fix: only the writer knows where the quotation
    /// ends. A list marker that lost its opening bracket (`3)` between
    /// `(2)` and `(4)`) gets an unsafe fix adding it.
    ///
    /// ## English text
    ///
    /// - A space before a mark: `word ,` → `word,` (safe fix); a mark after
    ///   another one and a space (`Lincang. , and`) is reported as a stray
    ///   mark, text lost in between (unsafe fix).
    /// - A missing space after a sentence: `year.The` → `year. The`.
    /// - Doubled and clashing marks: `,,`, `..`, `,.`.
    /// - Two or more spaces between words, as a guess one level down.
    /// - Empty brackets (`the website () was launched`), where something
    ///   was cut out; the unsafe fix deletes them. Calls such as `f()` pass.
    ///
    /// ## What it does not flag
    ///
    /// - ASCII marks inside numbers and Latin runs: decimals (`3.5`),
    ///   times (`21:34:39`), thousands (`1,000`), ranges (`7-9月`, `2—3次`),
    ///   URLs, `iso9000`, and brackets that touch no Chinese text
    ///   (`(2)5月初`: neither bracket touches a Han character).
    /// - `……` and `——`; `?!`; `etc.,` and other abbreviations before a
    ///   mark; `...`; `e.g.The`, `U.S.`, `1.The` list numbers.
    /// - A quotation broken over two paragraphs (`“加强企业工` / `会建设”`):
    ///   the break is a truncation, reported by that rule. A quotation
    ///   running over several paragraphs that reopens each of them.
    /// - `1)`, `a)`, `iv)` enumerators and `:)` in the bracket balance.
    /// - Empty brackets in Chinese text (`（ ）`): the `placeholder` rule
    ///   reports them as unfilled blanks.
    /// - English in Chinese paragraphs and Chinese in English paragraphs
    ///   keep their own conventions: the English checks run on paragraphs
    ///   that are mostly Latin, the Chinese ones on the others.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.punctuation]
    /// # "per-line" (default): one finding per line for ASCII marks in
    /// # Chinese text, one per paragraph for ASCII quotes.
    /// # "each": one finding per mark.
    /// report = "each"
    /// ```
    Punctuation {
        id: "punctuation",
        family: "punctuation",
        severity: Warning,
        recommended: true,
        fixable: true,
        summary: "ASCII punctuation in Chinese text, unbalanced brackets and quotes, doubled marks, English spacing",
    }
}

/// Options of the `punctuation` rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct PunctuationOptions {
    /// `per-line` or `each`.
    pub report: Report,
}

impl Rule for Punctuation {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let mut sink = Sink::new(*context, document.text(), self.report);
        let mut pairs = PairTracker::default();
        let mut chinese_scratch = chinese::Scratch::default();
        let mut english_quotes = Vec::new();
        let mut reported = Vec::new();
        for block in document.blocks() {
            let first = sink.slice(block.span).chars().find(|&c| !is_blank(c));
            pairs.begin_block(first);
            if !layout::lone_marks(&mut sink, document, block, &mut reported) {
                let runs_from = layout::mark_after_marker(&mut sink, block, &mut reported);
                match script_without_urls(sink.slice(block.span), block.script) {
                    Script::Latin => english::scan_block(
                        &mut sink,
                        block,
                        runs_from,
                        &reported,
                        &mut pairs,
                        &self.double_spaces,
                        &mut english_quotes,
                    ),
                    Script::Han | Script::Other => chinese::scan_block(
                        &mut sink,
                        document,
                        block,
                        runs_from,
                        &reported,
                        &mut pairs,
                        &mut chinese_scratch,
                    ),
                }
            }
            pairs.end_block();
        }
        pairs.finish(&mut sink);
        layout::lost_opening_brackets(&mut sink, document);
        let mut findings = sink.findings;
        findings.sort_by_key(|finding| (finding.span.start, finding.span.end));
        findings
    }
}

impl DeclaredRule for Punctuation {
    const META: RuleMeta = Self::META;
    type Options = PunctuationOptions;

    fn from_options(options: PunctuationOptions) -> Result<Self, String> {
        Ok(Self {
            report: options.report,
            double_spaces: memmem::Finder::new(b"  ").into_owned(),
        })
    }
}
