//! Character helpers shared by the scans.

use redline_core::script::{Script, is_cjk};

/// The character starting at byte `at`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The character ending just before byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// Whether the mark of `len` bytes at `at` touches Chinese text: a Han
/// character or a full-width mark directly before or after it. Marks inside
/// Latin runs, numbers (`21:34:39`, `1,000`) and URLs have neither.
pub(crate) fn touches_chinese(text: &str, at: usize, len: usize) -> bool {
    char_before(text, at).is_some_and(is_cjk) || char_at(text, at + len).is_some_and(is_cjk)
}

/// The full-width form Chinese text uses for an ASCII mark.
pub(crate) fn full_width(ascii: char) -> char {
    match ascii {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        other => other,
    }
}

/// Marks that separate clauses or end sentences; two of them in a row say
/// one thing twice. Stronger marks rank higher: `;。` keeps `。`.
pub(crate) fn clause_rank(c: char) -> Option<u8> {
    match c {
        '、' => Some(1),
        '，' | ',' => Some(2),
        '：' | ':' => Some(3),
        '；' | ';' => Some(4),
        '。' | '.' => Some(5),
        _ => None,
    }
}

/// Marks that end a sentence or a clause, closing quotes and brackets
/// included: a paragraph ending in one of them is complete.
pub(crate) fn ends_complete(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '；'
            | '.'
            | '!'
            | '?'
            | ';'
            | '…'
            | '”'
            | '’'
            | '"'
            | '」'
            | '』'
            | '）'
            | ')'
    )
}

/// Blank characters that can sit inside a line (not line breaks).
pub(crate) fn is_inline_blank(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

/// `len` bytes at `at` as a span.
pub(crate) fn span_of(at: usize, c: char) -> redline_core::Span {
    redline_core::Span::new(at, at + c.len_utf8())
}

/// `1)`, `a)`, `ii)` inside running text: an enumerator, not the end of a
/// bracket. The closing bracket at `at` follows one to three letters or
/// digits, which follow the start of the block, a blank or a mark.
pub(crate) fn closes_enumerator(text: &str, block_start: usize, at: usize) -> bool {
    let before = &text[block_start..at];
    let label_len: usize = before
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || ('０'..='９').contains(c))
        .take(4)
        .map(char::len_utf8)
        .sum();
    let label_chars = before[before.len() - label_len..].chars().count();
    if label_chars == 0 || label_chars > 3 {
        return false;
    }
    match before[..before.len() - label_len].chars().next_back() {
        None => true,
        Some(c) => c.is_whitespace() || (!c.is_alphanumeric() && c != '(' && c != '（'),
    }
}

/// Lines a scan passes over (already reported), and how far it got.
pub(crate) struct Skip<'a> {
    spans: &'a [redline_core::Span],
    next: usize,
}

impl<'a> Skip<'a> {
    pub fn new(spans: &'a [redline_core::Span]) -> Self {
        Self { spans, next: 0 }
    }

    /// Where a scan at `at` goes on: the end of the skipped span holding
    /// `at`, if any. Offsets must come in increasing order.
    pub fn past(&mut self, at: usize) -> Option<usize> {
        while self.spans.get(self.next).is_some_and(|span| span.end <= at) {
            self.next += 1;
        }
        self.spans
            .get(self.next)
            .filter(|span| span.contains(at))
            .map(|span| span.end)
    }
}

/// The script a paragraph is written in, not counting the letters of its
/// URLs: `本文地址:https://www.example.com/a/b.html` is a Chinese line.
pub(crate) fn script_without_urls(body: &str, script: Script) -> Script {
    let bytes = body.as_bytes();
    // Only a Latin paragraph with Han characters can change its mind.
    if script != Script::Latin || !bytes.iter().any(|b| (0xE4..=0xE9).contains(b)) {
        return script;
    }
    let mut url_letters = 0;
    let mut covered = 0;
    let starts =
        memchr::memmem::find_iter(bytes, b"://").chain(memchr::memmem::find_iter(bytes, b"www."));
    let mut starts: Vec<usize> = starts.collect();
    if starts.is_empty() {
        return script;
    }
    starts.sort_unstable();
    for found in starts {
        let start = bytes[..found]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |before| before + 1)
            .max(covered);
        let end = bytes[found..]
            .iter()
            .position(|&b| !is_url_byte(b))
            .map_or(bytes.len(), |after| found + after);
        if end <= covered {
            continue;
        }
        url_letters += bytes[start..end]
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count();
        covered = end;
    }
    let latin = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() - url_letters;
    let han = bytes.iter().filter(|b| (0xE4..=0xE9).contains(*b)).count();
    // The document model's rule: a Han character carries about a word.
    if han * 2 >= latin {
        Script::Han
    } else {
        Script::Latin
    }
}

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'*+,;=%".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours() {
        let text = "工作,学习 a,b 21:34";
        assert!(touches_chinese(text, text.find(',').unwrap(), 1));
        assert!(!touches_chinese(text, text.rfind(',').unwrap(), 1));
        assert!(!touches_chinese(text, text.find(':').unwrap(), 1));
        assert_eq!(char_before(text, 0), None);
        assert_eq!(char_at(text, text.len()), None);
    }

    #[test]
    fn urls_do_not_make_a_chinese_line_english() {
        let line = "本文地址:https://www.miekuo.com/fanwendaquan/gongzuozongjie/290089.html";
        assert_eq!(script_without_urls(line, Script::Latin), Script::Han);
        let english = "See www.example.com for the report on 北京 and its offices";
        assert_eq!(script_without_urls(english, Script::Latin), Script::Latin);
        assert_eq!(
            script_without_urls("Plain English", Script::Latin),
            Script::Latin
        );
    }

    #[test]
    fn enumerators() {
        let text = "1) one; b) two, iii) three";
        for (at, _) in text.match_indices(')') {
            assert!(closes_enumerator(text, 0, at), "at {at}");
        }
        assert!(closes_enumerator("。1)加强", 0, "。1".len()));
        assert!(!closes_enumerator("工作(1)", 0, "工作(1".len()));
        assert!(!closes_enumerator("a word)", 0, "a word".len()));
        assert!(!closes_enumerator("工作)", 0, "工作".len()));
    }
}
