//! The `boilerplate` rule.

use crate::lines::{LineProgress, LineScanner};
use crate::phrases::{PhraseProgress, PhraseScanner};
use crate::piece::{Certainty, Kind, Piece, Removal};
use crate::text::{quote, trim, with_adjacent_blanks};
use redline_core::patterns::{AllowList, extra_patterns};
use redline_core::{
    DeclaredRule, Document, Edit, Finding, Fix, Rule, RuleContext, RuleMeta, Span, declare_rule,
};
use regex::Regex;
use serde::Deserialize;
use std::cmp::Reverse;

/// The scans read the text this many bytes at a time: a stretch that stays
/// in the second-level cache between the two scans.
const STRETCH_BYTES: usize = 256 << 10;

/// Characters of the reported text quoted in a message.
const QUOTE_CHARS: usize = 30;

/// Web-page text copied along with a document.
#[derive(Debug)]
pub struct Boilerplate {
    lines: LineScanner,
    phrases: PhraseScanner,
    /// All `extra-patterns` in one alternation, so the text is read once.
    extra: Option<Regex>,
    allow: AllowList,
}

declare_rule! {
    /// Finds text of the web page a document was copied from: navigation,
    /// metadata, copyright notices, the website's words to its readers,
    /// addresses and debris.
    ///
    /// Summaries assembled from samples found online carry the page around
    /// the sample: the site's menu and header, its upload record, its
    /// disclaimer, the paragraph that introduces the samples, the address
    /// of the page. None of it belongs in the document, and a reader who
    /// sees `下面是小编整理的…` knows where the text came from.
    ///
    /// ## What fires
    ///
    /// - Navigation and page furniture: a short line of navigation words
    ///   (`首页`, `相关阅读`, `最近更新`, `推荐专题`, `猜你喜欢`, `下载 相关 举报`,
    ///   `Home | Search`), one beside a site name (`公文素材库 首页`),
    ///   breadcrumbs (`当前位置:首页 > …`, `A > B > C`), and lines that list
    ///   other articles (`扩展阅读:…`, `上一篇:…`). `展开阅读全文` or `首页`
    ///   at the edge of a longer line is reported alone.
    /// - Metadata records: `上传人:`, `文档编号:`, `格式:DOCX 页数:5 大小:18.18KB`,
    ///   `时间:2019-05-26 21:34:39 网站:…`, `来源:网络整理`, and their English
    ///   forms (`Uploaded by:`, `Source: Internet`); page and word counters
    ///   (`第1页 / 共5页`, `_第1页`, `[此文共1014字]`).
    /// - Notices: `版权声明`, `免责声明`, `版权所有`, `Copyright ©`, `ICP备`,
    ///   `转载请注明出处`, `由互联网用户整理提供`, `如有侵权请联系删除`,
    ///   `客服QQ`, `友情提示:…仅供您参考`.
    /// - The website talking to its readers: `下面是小编整理的…`,
    ///   `接下来,我们一起来阅读…范文`, `欢迎阅读`, `仅供参考`,
    ///   `希望对大家有所帮助`, `Are you still worried about writing a work
    ///   summary?`, `The following is … for you.`, `Welcome to share.`
    ///   A paragraph that ends in such a lead-in (a definition of 年度总结
    ///   followed by `接下来,我们一起来阅读…`) is the website's introduction
    ///   and is reported whole; elsewhere only the sentences go.
    /// - Collection headings (`…工作总结模板汇总六篇`) and the number a site
    ///   gives each sample (`Summary of the work of the office 1 Over the
    ///   past year…`, `…工作总结2`, `篇一:`), the latter as warnings.
    /// - Addresses: a line that is a URL or e-mail address, alone or after a
    ///   source label (`本文地址:https://…`). An address inside running text
    ///   is a warning.
    /// - Debris: a last line that is only `;`, `。` or similar.
    ///
    /// Whole lines are reported line by line (a multi-line paragraph as one
    /// span). A metadata record that holds several fields is reported at
    /// its first field, the others labelled, so its dates and times are
    /// left to rules that read them.
    ///
    /// ```text
    /// 公文素材库 首页                              ← reported
    /// 开鲁县总工会上半年工作总结
    /// 时间:2019-05-26 21:34:39 网站:公文素材库     ← reported
    /// 上半年,县总工会按照部署开展工作……
    /// 版权声明:此文自动收集于网络,若有侵犯您的合法权益,请联系删除。  ← reported
    /// ```
    ///
    /// ## What does not fire
    ///
    /// - A document's own mention of a website or of copyright:
    ///   `加强版权保护工作`, `开通了工会网站`, `发放食品经营许可证120张`,
    ///   `依法打击侵权盗版`, `Strengthen copyright protection`.
    /// - An address the document gives as its own: after `网站:`, `邮箱:`,
    ///   `E-mail:`, or in a sentence about the site (`开通了工会网站
    ///   www.…`).
    /// - Navigation words inside sentences (`搜索救援`, `相关部门`,
    ///   `首页设计`), numbered headings (`四、相关资源`), and a speech's
    ///   `下面我给大家汇报…`.
    /// - A lone `。` or `;` in the middle of a document (a punctuation
    ///   matter), and the meeting record's own `时间:2019年5月26日`.
    ///
    /// ## Fix
    ///
    /// An unsafe fix deletes the reported lines with their line terminators,
    /// or the reported words inside a line with the blank beside them; a
    /// sample number is deleted from its title. Unsafe: a line judged to be
    /// page furniture may be the document's.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.boilerplate]
    /// # Also report every match of these regexes; a match that is its whole
    /// # line is deleted with the line.
    /// extra-patterns = ["^本文由.*上传$", "范文网"]
    /// # Findings whose reported text, or whose giveaway phrase (quoted in
    /// # the message), is one of these are dropped: a literal, or a regex
    /// # between slashes that must match the whole text.
    /// allow = ["仅供参考", "/.*网站.*/"]
    /// ```
    Boilerplate {
        id: "boilerplate",
        family: "boilerplate",
        severity: Error,
        recommended: true,
        fixable: true,
        summary: "web-page text copied with the document: navigation, metadata, notices, site lead-ins, URLs",
    }
}

/// Options of the `boilerplate` rule.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct BoilerplateOptions {
    /// Regexes whose every match is reported as web-page text.
    pub extra_patterns: Vec<String>,
    /// Literal texts, or `/regex/` matching the whole text, not to report.
    pub allow: Vec<String>,
}

impl Rule for Boilerplate {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let mut pieces = Vec::new();
        // Both scans go over the text a stretch at a time: the phrase scan
        // streams through it, and the line scan, which jumps from line end
        // to line end, then finds it in the cache.
        let index = document.line_index();
        let mut line_progress = LineProgress::default();
        let mut phrase_progress = PhraseProgress::default();
        let mut first_line = 0;
        while first_line < index.line_count() {
            let start = index.line_start(first_line);
            let mut end_line = first_line + 1;
            while end_line < index.line_count()
                && index.line_start(end_line) - start < STRETCH_BYTES
            {
                end_line += 1;
            }
            let end = index.line_span_with_terminator(end_line - 1).end;
            self.phrases.scan(
                document,
                Span::new(start, end),
                &mut phrase_progress,
                &mut pieces,
            );
            self.lines.scan(
                document,
                first_line..end_line,
                &mut line_progress,
                &mut pieces,
            );
            first_line = end_line;
        }
        self.lines.finish(line_progress, &mut pieces);
        self.phrases.finish(document, phrase_progress, &mut pieces);
        if let Some(extra) = &self.extra {
            extra_pieces(document, extra, &mut pieces);
        }
        if !self.allow.is_empty() {
            let text = document.text();
            pieces.retain(|piece| {
                let allowed = |span: Span| self.allow.allows(&text[span.range()]);
                !(allowed(piece.span) || piece.subject.is_some_and(allowed))
            });
        }
        resolve(document, pieces)
            .into_iter()
            .map(|(piece, removal)| finding(document, piece, removal, context))
            .collect()
    }
}

/// The byte range a piece's fix deletes.
fn removal_span(document: &Document<'_>, piece: &Piece) -> Span {
    match &piece.removal {
        Removal::Bytes(span) => *span,
        Removal::Lines(lines) => {
            let index = document.line_index();
            Span::new(
                index.line_start(lines.start),
                index.line_span_with_terminator(lines.end - 1).end,
            )
        }
    }
}

/// One finding per stretch of text: where pieces overlap, the one that
/// starts first and reaches furthest wins (a whole line over the words in
/// it); between equals, the kind [`Kind`] lists first (a notice over the
/// metadata label that opens its line).
fn resolve(document: &Document<'_>, pieces: Vec<Piece>) -> Vec<(Piece, Span)> {
    let mut pieces: Vec<(Piece, Span)> = pieces
        .into_iter()
        .map(|piece| {
            let removal = removal_span(document, &piece);
            (piece, removal)
        })
        .collect();
    pieces.sort_by_key(|(piece, removal)| (removal.start, Reverse(removal.end), piece.kind));
    let mut reported_until = 0;
    pieces.retain(|(_, removal)| {
        let fresh = removal.start >= reported_until;
        if fresh {
            reported_until = removal.end;
        }
        fresh
    });
    pieces
}

fn extra_pieces(document: &Document<'_>, extra: &Regex, pieces: &mut Vec<Piece>) {
    let text = document.text();
    let index = document.line_index();
    for found in extra.find_iter(text).filter(|m| !m.is_empty()) {
        let span = trim(text, Span::new(found.start(), found.end()));
        if span.is_empty() {
            continue;
        }
        let number = index.line_index(span.start);
        let line = trim(text, index.line_span(text, number));
        let piece = if span == line {
            Piece::lines(Kind::Extra, line, number..number + 1)
        } else if span.end <= line.end {
            Piece::fragment(Kind::Extra, span, with_adjacent_blanks(text, line, span))
        } else {
            Piece::fragment(Kind::Extra, span, span)
        };
        pieces.push(piece);
    }
}

fn finding(
    document: &Document<'_>,
    piece: Piece,
    removal: Span,
    context: &RuleContext<'_>,
) -> Finding {
    let reported = document.slice(piece.span);
    let subject = quote(
        piece.subject.map_or(reported, |s| document.slice(s)),
        QUOTE_CHARS,
    );
    let message = match piece.kind {
        Kind::IntroParagraph => format!(
            "paragraph introducing the website's samples (`{subject}`) is not part of the document"
        ),
        Kind::Notice => format!("website notice `{subject}` is not part of the document"),
        Kind::Promotion => {
            format!("the website's words to its readers `{subject}` are not part of the document")
        }
        Kind::Metadata => format!("web-page metadata `{subject}` is not part of the document"),
        Kind::Breadcrumb => format!("web-page breadcrumb `{subject}` is not part of the document"),
        Kind::Navigation => format!("web-page navigation `{subject}` is not part of the document"),
        Kind::Link if piece.certainty == Certainty::Likely => {
            format!("address `{subject}` in the text looks copied from the web page")
        }
        Kind::Link => format!("address `{subject}` of the web page is not part of the document"),
        Kind::CollectionTitle => {
            format!("heading of the website's collection `{subject}` is not part of the document")
        }
        Kind::ArticleNumber => {
            format!("the website's number for this sample `{subject}` is left in its title")
        }
        Kind::PageCounter => format!("web-page counter `{subject}` is not part of the document"),
        Kind::Debris => format!("stray `{subject}` is left at the end of the scraped page"),
        Kind::Extra => format!("`{subject}` matches `extra-patterns`: web-page text"),
    };
    let help = match (&piece.removal, piece.kind) {
        (_, Kind::ArticleNumber) => {
            "delete the number: the website numbered the samples on its page"
        }
        (_, Kind::Link) if piece.certainty == Certainty::Likely => {
            "delete the address if it came with the web page; keep it if the document means it"
        }
        (Removal::Lines(lines), _) if lines.len() > 1 => {
            "delete these lines: they were copied from the web page along with the document"
        }
        (Removal::Lines(_), _) => {
            "delete the line: it was copied from the web page along with the document"
        }
        (Removal::Bytes(_), _) => {
            "delete it: it was copied from the web page along with the document"
        }
    };
    let finding = match piece.certainty {
        Certainty::Certain => context.finding(piece.span, message),
        Certainty::Likely => context.tentative_finding(piece.span, message),
    };
    let finding = piece
        .labels
        .iter()
        .fold(finding, |finding, &(span, label)| {
            finding.with_label(span, label)
        });
    finding
        .with_help(help)
        .with_fix(Fix::unsafe_edits(vec![Edit::delete(removal)]))
}

impl DeclaredRule for Boilerplate {
    const META: RuleMeta = Self::META;
    type Options = BoilerplateOptions;

    fn from_options(options: BoilerplateOptions) -> Result<Self, String> {
        let extra = extra_patterns(&options.extra_patterns, "(?m)")?;
        Ok(Self {
            lines: LineScanner::new(),
            phrases: PhraseScanner::new(),
            extra,
            allow: AllowList::new(options.allow)?,
        })
    }
}

#[cfg(test)]
mod tests;
