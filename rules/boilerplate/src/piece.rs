//! What the scanners find: pieces of web-page text, before they become
//! findings.

use redline_core::Span;
use std::ops::Range;

/// What a piece of web-page text is; decides the message and the help.
/// Where two pieces cover the same text, the one listed first is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// A paragraph that introduces the website's samples (`…接下来,我们一起来阅读…`).
    IntroParagraph,
    /// Copyright, disclaimer and attribution notices.
    Notice,
    /// The website talking to its reader: `下面是小编整理的…`, `Welcome to share.`
    Promotion,
    /// The source address of the page, or an e-mail address.
    Link,
    /// `上传人:…`, `时间:2019-05-26 21:34:39 网站:…`, `格式:DOCX 页数:5`.
    Metadata,
    /// `当前位置:首页 > …`, `A > B > C`.
    Breadcrumb,
    /// `首页`, `相关阅读`, `下载 相关 举报`, `扩展阅读:…`.
    Navigation,
    /// The heading of the website's collection: `…模板汇总六篇`.
    CollectionTitle,
    /// The website's number for one sample: `… organ 1`, `篇一:`.
    ArticleNumber,
    /// `第1页 / 共5页`, `_第1页`, `[此文共1014字]`.
    PageCounter,
    /// Punctuation left alone on the last line: `;`, `。`.
    Debris,
    /// A match of the `extra-patterns` option.
    Extra,
}

/// How sure the rule is: certain pieces are reported at the configured
/// severity, likely ones one level lower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Certainty {
    Certain,
    Likely,
}

/// What the fix removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Removal {
    /// Whole lines (0-based), terminators included.
    Lines(Range<usize>),
    /// Bytes inside a line.
    Bytes(Span),
}

/// One piece of web-page text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub kind: Kind,
    pub certainty: Certainty,
    /// What the finding points at.
    pub span: Span,
    /// The words quoted in the message, when not the whole span (the
    /// phrase that gave a paragraph away, the number stuck to a title).
    pub subject: Option<Span>,
    pub removal: Removal,
    /// Further parts of the same line worth pointing at.
    pub labels: Vec<(Span, &'static str)>,
}

impl Piece {
    /// A piece that is its lines as a whole.
    pub(crate) fn lines(kind: Kind, span: Span, lines: Range<usize>) -> Self {
        Self {
            kind,
            certainty: Certainty::Certain,
            span,
            subject: None,
            removal: Removal::Lines(lines),
            labels: Vec::new(),
        }
    }

    /// A piece inside a line; the fix removes `removal`.
    pub(crate) fn fragment(kind: Kind, span: Span, removal: Span) -> Self {
        Self {
            kind,
            certainty: Certainty::Certain,
            span,
            subject: None,
            removal: Removal::Bytes(removal),
            labels: Vec::new(),
        }
    }

    pub(crate) fn likely(mut self) -> Self {
        self.certainty = Certainty::Likely;
        self
    }

    pub(crate) fn with_subject(mut self, subject: Span) -> Self {
        self.subject = Some(subject);
        self
    }

    pub(crate) fn with_label(mut self, span: Span, message: &'static str) -> Self {
        self.labels.push((span, message));
        self
    }
}
