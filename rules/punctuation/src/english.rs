//! English paragraphs: spaces before punctuation, missing spaces after a
//! sentence, runs of spaces, doubled marks and unpaired brackets and quotes.

use crate::chars::{
    Skip, char_at, char_before, clause_rank, closes_enumerator, is_inline_blank, span_of,
};
use crate::pairs::{Family, PairTracker};
use crate::quotes::unpaired_quote;
use crate::sink::Sink;
use memchr::memmem;
use redline_core::script::byte_set;
use redline_core::{Block, Edit, Fix, Span};

/// Bytes that can start a character this scan looks at: ASCII marks and
/// the lead bytes of curly quotes (E2) and of CJK brackets (E3, EF).
static INTERESTING: [bool; 256] = byte_set(b",.;:?!()\"\xE2\xE3\xEF");

/// Consecutive ASCII clause marks (`,,` `;.`).
#[derive(Debug, Default)]
struct Run {
    start: usize,
    end: usize,
    count: usize,
    first: char,
    identical: bool,
    strongest: char,
}

impl Run {
    fn extends(&self, at: usize) -> bool {
        self.count > 0 && self.end == at
    }

    fn feed(&mut self, at: usize, ch: char) {
        if self.extends(at) {
            self.count += 1;
            self.identical &= ch == self.first;
            if clause_rank(ch) > clause_rank(self.strongest) {
                self.strongest = ch;
            }
        } else {
            *self = Run {
                start: at,
                end: at,
                count: 1,
                first: ch,
                identical: true,
                strongest: ch,
            };
        }
        self.end = at + 1;
    }

    fn flush(&mut self, sink: &mut Sink<'_>) {
        let run = std::mem::take(self);
        if run.count < 2 {
            return;
        }
        let text = sink.text;
        // `...` is an ellipsis, `::` belongs to code, and a dot before
        // another mark ends an abbreviation (`etc.,`).
        let ellipsis = run.identical && run.first == '.' && run.count != 2;
        let after_abbreviation = run.first == '.' && !run.identical;
        let scoped = run.identical && run.first == ':';
        let after_word = char_before(text, run.start).is_some_and(char::is_alphanumeric);
        if ellipsis || after_abbreviation || scoped || !after_word {
            return;
        }
        let span = Span::new(run.start, run.end);
        let found = sink.slice(span);
        let finding = if run.identical {
            sink.context
                .finding(span, format!("doubled punctuation `{found}`"))
                .with_help(format!("write one `{}`", run.first))
                .with_fix(Fix::safe(vec![Edit::replace(span, run.first.to_string())]))
        } else {
            sink.context
                .finding(span, format!("clashing punctuation `{found}`"))
                .with_help("keep the one mark the sentence needs")
                .with_fix(Fix::unsafe_edits(vec![Edit::replace(
                    span,
                    run.strongest.to_string(),
                )]))
        };
        sink.push(finding);
    }
}

/// Scans one English paragraph. Marks before `runs_from` belong to the
/// numbering marker; the `reported` spans (a stray mark after
/// the marker, lone lines) are passed over.
pub(crate) fn scan_block(
    sink: &mut Sink<'_>,
    block: &Block,
    runs_from: usize,
    reported: &[Span],
    pairs: &mut PairTracker,
    double_spaces: &memmem::Finder<'_>,
    quotes: &mut Vec<usize>,
) {
    let text = sink.text;
    let bytes = text.as_bytes();
    let end = block.span.end;
    let mut at = block.span.start;
    let mut run = Run::default();
    let mut skip = Skip::new(reported);
    while let Some(offset) = bytes[at..end]
        .iter()
        .position(|&b| INTERESTING[usize::from(b)])
    {
        at += offset;
        if let Some(past) = skip.past(at) {
            at = past;
            continue;
        }
        let Some(c) = char_at(text, at) else { break };
        let len = c.len_utf8();
        let is_clause = matches!(c, ',' | '.' | ';' | ':');
        if !(is_clause && run.extends(at)) {
            run.flush(sink);
        }
        match c {
            ',' | '.' | ';' | ':' | '?' | '!' => {
                if at > block.span.start && bytes[at - 1] == b' ' {
                    space_before(sink, block, at, c);
                }
                if matches!(c, '.' | '?' | '!') {
                    missing_space_after(sink, at, c);
                }
                if is_clause && at >= runs_from {
                    run.feed(at, c);
                }
            }
            '(' => pairs.open(Family::Round, at, c, None),
            ')' => {
                let smiley = matches!(char_before(text, at), Some(':' | ';' | '-'));
                let enumerator = pairs.depth(Family::Round) == 0
                    && closes_enumerator(text, block.span.start, at);
                if !smiley
                    && !enumerator
                    && let Some(open) = pairs.close(Family::Round, at, c)
                {
                    empty_brackets(sink, open.at, open.ch, at);
                }
            }
            // A quote after a digit is an inch or seconds sign.
            '"' => {
                if !char_before(text, at).is_some_and(|c| c.is_ascii_digit()) {
                    quotes.push(at);
                }
            }
            // In English `’` is an apostrophe as often as a quote.
            '‘' | '’' => {}
            _ => {
                if let Some(family) = Family::opened_by(c) {
                    pairs.open(family, at, c, None);
                } else if let Some(family) = Family::closed_by(c) {
                    pairs.close(family, at, c);
                }
            }
        }
        at += len;
    }
    run.flush(sink);
    // Straight quotes in English are also inch signs and typos for
    // apostrophes: an odd count is a guess, one level down.
    if let Some((span, message)) = unpaired_quote(quotes, '"') {
        let finding = sink
            .context
            .tentative_finding(span, message)
            .with_help("delete the stray quote, or add its partner");
        sink.push(finding);
    }
    quotes.clear();
    report_double_spaces(sink, block, double_spaces);
}

/// `the website () was`: brackets with nothing in them, where something
/// was cut out. `f()` and other calls in code are left alone.
fn empty_brackets(sink: &mut Sink<'_>, open: usize, opener: char, close: usize) {
    let text = sink.text;
    if !text[open + opener.len_utf8()..close].trim().is_empty()
        || char_before(text, open).is_some_and(|c| !c.is_whitespace())
    {
        return;
    }
    let span = Span::new(open, close + 1);
    let blank_before = text[..open].len() - text[..open].trim_end_matches(' ').len();
    let finding = sink
        .context
        .finding(span, format!("empty brackets `{}`", sink.slice(span)))
        .with_help("fill in what was cut out, or delete them")
        .with_fix(Fix::unsafe_edits(vec![Edit::delete(Span::new(
            open - blank_before,
            close + 1,
        ))]));
    sink.push(finding);
}

/// `word ,`: a blank before a mark that follows a word. A blank between two
/// marks (`Lincang. , and`) leaves a stray mark, text lost in between.
fn space_before(sink: &mut Sink<'_>, block: &Block, at: usize, c: char) {
    let text = sink.text;
    let bytes = text.as_bytes();
    let mut blank_start = at;
    while blank_start > block.span.start && bytes[blank_start - 1] == b' ' {
        blank_start -= 1;
    }
    let Some(before) = char_before(text, blank_start) else {
        return;
    };
    let after = char_at(text, at + 1);
    // `.5`, `.NET`, `:30` and `:)` are not marks closing the word before.
    let closes = after.is_none_or(|a| a.is_whitespace() || matches!(a, '"' | '”' | '’' | '\''));
    // `. . .` is a spaced ellipsis.
    let ellipsis =
        c == '.' && (before == '.' || text[at + 1..].trim_start_matches(' ').starts_with('.'));
    if !closes || ellipsis || blank_start == block.span.start || before.is_whitespace() {
        return;
    }
    if matches!(before, ',' | '.' | ';' | ':' | '!' | '?') {
        let span = Span::new(blank_start - 1, at + 1);
        let finding = sink
            .context
            .finding(span, format!("stray `{c}` after `{before}`"))
            .with_help("text may be missing here; otherwise delete the second mark")
            .with_fix(Fix::unsafe_edits(vec![Edit::delete(Span::new(
                blank_start,
                at + 1,
            ))]));
        sink.push(finding);
    } else if before.is_alphanumeric() || matches!(before, ')' | '"' | '”' | '’' | ']' | '%') {
        let span = Span::new(blank_start, at + 1);
        let finding = sink
            .context
            .finding(span, format!("space before `{c}`"))
            .with_help("delete the space")
            .with_fix(Fix::safe(vec![Edit::delete(Span::new(blank_start, at))]));
        sink.push(finding);
    }
}

/// `year.The`: a sentence mark glued to the next sentence. Needs a word of
/// two lower-case letters before and a capitalised word after, so
/// decimals (`3.5`), list numbers (`1.The`), abbreviations (`e.g.The`,
/// `U.S.`), initials, file names and URLs pass.
fn missing_space_after(sink: &mut Sink<'_>, at: usize, c: char) {
    let text = sink.text;
    let bytes = text.as_bytes();
    let upper_then_lower = bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(at + 2).is_some_and(u8::is_ascii_lowercase);
    if !upper_then_lower || at < 2 {
        return;
    }
    if !(bytes[at - 1].is_ascii_lowercase() && bytes[at - 2].is_ascii_alphabetic()) {
        return;
    }
    let word_start = text[..at]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |blank| blank + 1);
    let word = &text[word_start..at];
    if word.contains(['.', '/', '@', ':', '_', '\\']) || word.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // `www.Example.com`: a host name goes on with more dots or slashes.
    let next_word = text[at + 1..]
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    if next_word
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"'])
        .contains(['.', '/', '@'])
    {
        return;
    }
    let finding = sink
        .context
        .finding(span_of(at, c), format!("missing space after `{c}`"))
        .with_help("put a space between the sentences")
        .with_fix(Fix::safe(vec![Edit::replace(
            Span::new(at + 1, at + 1),
            " ",
        )]));
    sink.push(finding);
}

/// Two or more spaces between words. Indentation, spaces at the end of a
/// line and the two spaces some writers put after a sentence are left
/// alone.
fn report_double_spaces(sink: &mut Sink<'_>, block: &Block, finder: &memmem::Finder<'_>) {
    let text = sink.text;
    let bytes = text.as_bytes();
    let body = &bytes[block.span.range()];
    let mut covered = 0;
    for found in finder.find_iter(body) {
        if found < covered {
            continue;
        }
        let start = block.span.start + found;
        let mut end = start + 2;
        while end < block.span.end && bytes[end] == b' ' {
            end += 1;
        }
        covered = end - block.span.start;
        let before = char_before(text, start);
        let after = char_at(text, end);
        let between_words = before
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '（' | '[' | '“' | '‘'))
            && after.is_some_and(|c| {
                !c.is_whitespace() && !is_inline_blank(c) && !matches!(c, ')' | '）' | ']')
            });
        let after_sentence = matches!(before, Some('.' | '!' | '?' | ':'));
        // Spaces before a mark are reported as such, and spaces before
        // empty brackets go with them.
        let before_mark = matches!(after, Some(',' | '.' | ';' | ':' | '!' | '?'))
            || after.is_some_and(|bracket| {
                matches!(bracket, '(' | '（')
                    && text[end + bracket.len_utf8()..]
                        .trim_start()
                        .starts_with([')', '）'])
            });
        if !between_words || after_sentence || before_mark || start == block.span.start {
            continue;
        }
        let span = Span::new(start, end);
        let finding = sink
            .context
            .tentative_finding(span, format!("{} spaces between words", end - start))
            .with_help("one space separates words")
            .with_fix(Fix::safe(vec![Edit::replace(span, " ")]));
        sink.push(finding);
    }
}
