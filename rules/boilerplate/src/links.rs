//! Web and e-mail addresses in the text, and whether the document means
//! them.

use crate::piece::{Kind, Piece};
use crate::text::{is_debris_char, trim, with_adjacent_blanks};
use redline_core::script::is_blank;
use redline_core::{Document, Span};

/// An address found around an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Address {
    pub span: Span,
}

/// Top-level domains a bare `name.tld` must end in to count as an address.
const DOMAINS: &[&str] = &[
    "com", "cn", "net", "org", "gov", "edu", "info", "cc", "top", "vip", "biz", "io",
];

/// Labels that say where the page came from: the line is the page's own.
const SOURCE_LABELS: &[&str] = &[
    "本文地址",
    "本文链接",
    "本文网址",
    "原文地址",
    "原文链接",
    "原文网址",
    "文章来源",
    "文章地址",
    "文章链接",
    "来源",
    "出处",
    "转载自",
    "链接",
    "地址",
    "source",
    "link",
    "url",
    "original",
    "original link",
    "original address",
    "article address",
    "this article address",
    "article source",
];

/// Words that show the document itself gives the address: its own website,
/// mailbox or account.
const OWN_CONTEXT: &[&str] = &[
    "网站",
    "网址",
    "主页",
    "官网",
    "邮箱",
    "信箱",
    "邮件",
    "公众号",
    "平台",
    "网页",
    "微博",
    "投稿",
    "登录",
    "访问",
    "website",
    "site",
    "e-mail",
    "email",
    "mailbox",
    "homepage",
    "portal",
    "contact",
    "visit",
    "send",
];

/// Bytes an address is made of (no `,` `;` `(` `)` or quotes, which end
/// one in running text).
fn is_address_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#@!$&*+=%".contains(&b)
}

/// The address around the anchor `hit`, if the text there is one.
pub(crate) fn address_at(text: &str, hit: Span) -> Option<Address> {
    let bytes = text.as_bytes();
    let mut start = hit.start;
    while start > 0 && is_address_byte(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = hit.end;
    while end < bytes.len() && is_address_byte(bytes[end]) {
        end += 1;
    }
    while start < end && !bytes[start].is_ascii_alphanumeric() {
        start += 1;
    }
    while end > start && matches!(bytes[end - 1], b'.' | b':' | b'!' | b'?' | b'-') {
        end -= 1;
    }
    let candidate = &text[start..end];
    is_address(candidate).then_some(Address {
        span: Span::new(start, end),
    })
}

fn is_address(candidate: &str) -> bool {
    let lower_starts = |prefix: &str| {
        candidate
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if lower_starts("http://") || lower_starts("https://") {
        return candidate.len() > "https://".len() + 3;
    }
    if lower_starts("www.") {
        return candidate["www.".len()..].contains('.');
    }
    let host = match candidate.split_once('@') {
        Some((local, domain)) => {
            let local_ok = !local.is_empty()
                && local
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
            if !local_ok {
                return false;
            }
            domain
        }
        None => candidate.split('/').next().unwrap_or(candidate),
    };
    let mut labels = host.split('.');
    let first = labels.next().unwrap_or("");
    let tld = host.rsplit('.').next().unwrap_or("");
    host.contains('.')
        && first.bytes().any(|b| b.is_ascii_alphabetic())
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && DOMAINS
            .iter()
            .any(|domain| domain.eq_ignore_ascii_case(tld))
}

/// Decides what an address is doing in the document.
///
/// Alone on its line, or after a label naming the page's source
/// (`本文地址:`), it is the page's own address: the line goes. After a label
/// or in a sentence that names the document's own site or mailbox
/// (`开通了工会网站 www.…`) it is left alone. Anywhere else in running text
/// it is likely copied from the page, and only the address goes.
pub(crate) fn address_piece(document: &Document<'_>, address: Address) -> Option<Piece> {
    let text = document.text();
    let index = document.line_index();
    let line_number = index.line_index(address.span.start);
    let line = trim(text, index.line_span(text, line_number));
    if address.span.end > line.end {
        return None;
    }
    let before = &text[line.start..address.span.start];
    let after = &text[address.span.end..line.end];
    let label = before
        .trim_end_matches(is_blank)
        .trim_end_matches([':', '：'])
        .trim_end_matches(is_blank);
    let alone = after.chars().all(|c| is_blank(c) || is_debris_char(c));
    if alone && (label.is_empty() || is_one_of(SOURCE_LABELS, label)) {
        return Some(
            Piece::lines(Kind::Link, line, line_number..line_number + 1).with_subject(address.span),
        );
    }
    // The words just before the address, within its sentence.
    let context_start = before
        .char_indices()
        .rev()
        .take(24)
        .take_while(|&(_, c)| !matches!(c, '。' | '！' | '？' | '；'))
        .last()
        .map_or(before.len(), |(at, _)| at);
    let context = &before[context_start..];
    if mentions_own_address(context) {
        return None;
    }
    let with_label = source_label_before(before).map_or(address.span, |label_start| {
        Span::new(line.start + label_start, address.span.end)
    });
    Some(
        Piece::fragment(
            Kind::Link,
            address.span,
            with_adjacent_blanks(text, line, with_label),
        )
        .likely(),
    )
}

fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|known| known.eq_ignore_ascii_case(word))
}

fn mentions_own_address(context: &str) -> bool {
    OWN_CONTEXT.iter().any(|word| {
        if word.is_ascii() {
            context
                .as_bytes()
                .windows(word.len())
                .any(|window| window.eq_ignore_ascii_case(word.as_bytes()))
        } else {
            context.contains(word)
        }
    })
}

/// Where a source label (`本文地址:`) right before the address starts.
fn source_label_before(before: &str) -> Option<usize> {
    let stripped = before.trim_end_matches(is_blank);
    let without_colon = stripped
        .strip_suffix([':', '：'])?
        .trim_end_matches(is_blank);
    SOURCE_LABELS.iter().find_map(|label| {
        let start = without_colon.len().checked_sub(label.len())?;
        let tail = without_colon.get(start..)?;
        tail.eq_ignore_ascii_case(label).then_some(start)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, anchor: &str) -> Option<String> {
        let at = text.find(anchor).unwrap();
        address_at(text, Span::new(at, at + anchor.len()))
            .map(|address| text[address.span.range()].to_owned())
    }

    #[test]
    fn addresses_are_cut_from_the_text_around_them() {
        assert_eq!(
            found("本文地址:https://www.example.com/a/1.html", "http").as_deref(),
            Some("https://www.example.com/a/1.html")
        );
        assert_eq!(
            found("请发送至copyright@example.com。", ".com").as_deref(),
            Some("copyright@example.com")
        );
        assert_eq!(
            found("访问 www.klzgh.cn,了解", "www.").as_deref(),
            Some("www.klzgh.cn")
        );
        assert_eq!(
            found("域名 example.net/page.", ".net").as_deref(),
            Some("example.net/page")
        );
    }

    #[test]
    fn look_alikes_are_not_addresses() {
        assert_eq!(found("增长3.cn", ".cn"), None);
        assert_eq!(found("the http protocol", "http"), None);
        assert_eq!(found("www.", "www."), None);
    }
}
