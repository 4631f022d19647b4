//! Words and characters typed twice: `the the`, `到到`, `创创新`,
//! `较好的较好`, `caring people and caring people`.
//!
//! English words are told apart by spaces, so a doubled word is plain to
//! see. Chinese is written without spaces and doubles characters on
//! purpose (`紧紧`, `人人`, `红红火火`) or by accident of two words meeting
//! (`工会` + `会员`, `召开` + `开鲁县`), so a doubled character is judged
//! on a segmentation of the clause around it: see [`Segmenter`].

use crate::fingerprint::Repetition;
use redline_core::script::{Script, is_han};
use redline_core::{Block, Document, Span};
use std::sync::OnceLock;

/// How sure the rule is that a doubling is a typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Certainty {
    Sure,
    Likely,
}

/// A doubled word or character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Doubled {
    /// Both copies (and what stands between them).
    pub span: Span,
    /// The first copy.
    pub copy: Span,
    /// What the fix deletes: one copy, with its separator.
    pub delete: Span,
    pub certainty: Certainty,
}

/// Chinese function words: prepositions, particles, conjunctions and
/// adverbs that never repeat in correct text when each copy stands alone.
const FUNCTION_WORDS: &str =
    "在到的了是和与对把被从向将为于给让由及并也都就又还再才而或跟同往按据以之其所着过地得很更最";

/// Last characters of place and organisation names that the next word may
/// begin with: `XX县` + `县委`, `马过河镇` + `镇政府`, `幼儿园` + `园长`.
const NAME_SUFFIXES: &str = "省市县区镇乡村街道组队团园所站局厅部委会院校社处科室司店厂矿场馆中心";

/// Degree adverbs: a word they open (`较好`, `更高`) describes, so
/// `较好的较好` cannot be a possessive like `朋友的朋友`.
const DEGREE_ADVERBS: &str = "较更最很极太挺越";

/// English words whose doubling is grammatical: `that that`, `had had`,
/// `what it is is`.
const ENGLISH_DOUBLES: &[&str] = &["that", "had", "is", "do", "so", "bye", "ha", "no", "very"];

/// Words that join two copies of a phrase: `caring people and caring
/// people`.
const CONJUNCTIONS: &[&str] = &["and", "or"];

/// Longest phrase, in words, looked for doubled.
const MAX_PHRASE_WORDS: usize = 4;

/// The doubled words and characters of `block`, given the character
/// repetitions folding saw in it.
pub(crate) fn find(
    document: &Document<'_>,
    block: &Block,
    repetitions: &[Repetition],
    found: &mut Vec<Doubled>,
) {
    let text = document.slice(block.span);
    let base = block.span.start;
    let shifted = |doubled: Doubled| Doubled {
        span: doubled.span.shift(base),
        copy: doubled.copy.shift(base),
        delete: doubled.delete.shift(base),
        ..doubled
    };
    for repetition in repetitions {
        let relative = Repetition {
            start: repetition.start - base,
            end: repetition.end - base,
            particle: repetition.particle.map(|particle| particle - base),
            ..*repetition
        };
        found.extend(judge(text, relative).map(shifted));
    }
    if block.script == Script::Latin {
        let start = found.len();
        english(text, &mut Vec::new(), found);
        for doubled in &mut found[start..] {
            *doubled = shifted(doubled.clone());
        }
    }
}

/// Decides whether `repetition` (offsets relative to `text`) is a typo.
fn judge(text: &str, repetition: Repetition) -> Option<Doubled> {
    let Repetition {
        start,
        end,
        chars,
        particle,
    } = repetition;
    if let Some(particle) = particle {
        // `较好的较好`: a word opened by a degree adverb describes, so it
        // cannot be a possessive like `朋友的朋友`.
        let first = text[start..].chars().next()?;
        return DEGREE_ADVERBS.contains(first).then(|| Doubled {
            span: Span::new(start, end),
            copy: Span::new(start, particle),
            delete: Span::new(particle, end),
            certainty: Certainty::Sure,
        });
    }
    let half = (end - start) / 2;
    let segmenter = Segmenter::get();
    if chars == 1 && !segmenter.may_be_doubled_character(text, start, end) {
        return None;
    }
    let clause = Clause::around(text, start, end);
    let tokens = segmenter.tag(clause.text);
    let first = clause.token_at(&tokens, start)?;
    let second = clause.token_at(&tokens, start + half)?;
    let doubled = |certainty| Doubled {
        span: Span::new(start, end),
        copy: Span::new(start, start + half),
        delete: Span::new(start + half, end),
        certainty,
    };
    if chars >= 2 {
        let whole_words = first.start + clause.start == start
            && second.start + clause.start == start + half
            && first.word.len() == half
            && second.word.len() == half;
        // `研究研究`, `高兴高兴` are verbs and adjectives repeated on
        // purpose; nouns and longer words are not.
        let repeatable = first.tag.starts_with(['v', 'a', 'm', 'o', 'e', 'y']);
        let is_typo = whole_words && (chars >= 3 || first.tag.starts_with('n')) && !repeatable;
        return is_typo.then(|| doubled(Certainty::Sure));
    }
    let c = text[start..].chars().next()?;
    // `哈哈哈`, `XXXX`, `红红火火`: a run or a reduplication, not a typo.
    let run_continues = text[end..].starts_with(c)
        || text[..start].ends_with(c)
        || followed_by_pair(&text[end..])
        || preceded_by_pair(&text[..start]);
    if run_continues {
        return None;
    }
    let first_alone = first.word.len() == half;
    let second_alone = second.word.len() == half;
    let second_opens_word = !second_alone && second.start + clause.start == start + half;
    let is_function_word = FUNCTION_WORDS.contains(c);
    let is_typo = (first_alone && second_alone && is_function_word)
        || (first_alone
            && second_opens_word
            && !is_function_word
            && !NAME_SUFFIXES.contains(c)
            && !matches!(first.tag, "m" | "q" | "mq"));
    is_typo.then(|| doubled(Certainty::Sure))
}

fn followed_by_pair(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a == b && is_han(a))
}

fn preceded_by_pair(before: &str) -> bool {
    let mut chars = before.chars().rev();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a == b && is_han(a))
}

/// Characters of context segmented on each side of a candidate.
const CONTEXT_CHARS: usize = 10;

/// The stretch of text segmented to judge a candidate: up to
/// [`CONTEXT_CHARS`] characters each side, within the clause.
struct Clause<'t> {
    text: &'t str,
    /// Byte offset of `text` in the block.
    start: usize,
}

impl<'t> Clause<'t> {
    fn around(text: &'t str, start: usize, end: usize) -> Self {
        let is_break = |c: char| !(is_han(c) || c.is_ascii_alphanumeric());
        let mut from = start;
        for (offset, c) in text[..start].char_indices().rev().take(CONTEXT_CHARS) {
            if is_break(c) {
                break;
            }
            from = offset;
        }
        let mut to = end;
        for c in text[end..].chars().take(CONTEXT_CHARS) {
            if is_break(c) {
                break;
            }
            to += c.len_utf8();
        }
        Clause {
            text: &text[from..to],
            start: from,
        }
    }

    /// The token covering byte `offset` of the block.
    fn token_at<'a>(&self, tokens: &'a [Token<'t>], offset: usize) -> Option<&'a Token<'t>> {
        let offset = offset.checked_sub(self.start)?;
        tokens
            .iter()
            .find(|token| token.start <= offset && offset < token.start + token.word.len())
    }
}

/// A segmented word: its text, part-of-speech tag and byte offset in the
/// clause.
struct Token<'t> {
    word: &'t str,
    tag: &'t str,
    start: usize,
}

/// Chinese word segmentation with jieba's dictionary of 350,000 words and
/// their parts of speech.
///
/// Loading the dictionary takes a fraction of a second, so it happens on
/// the first doubled character the rule meets, once per process; English
/// text never pays for it.
struct Segmenter {
    jieba: jieba_rs::Jieba,
}

impl Segmenter {
    fn get() -> &'static Segmenter {
        static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
        SEGMENTER.get_or_init(|| Segmenter {
            jieba: jieba_rs::Jieba::new(),
        })
    }

    /// Whether the doubled character `text[start..end]` is worth
    /// segmenting its clause for: dictionary look-ups rule out most
    /// candidates (`紧紧`, `职工` + `工资`) without segmenting.
    fn may_be_doubled_character(&self, text: &str, start: usize, end: usize) -> bool {
        let Some(c) = text[start..].chars().next() else {
            return false;
        };
        if FUNCTION_WORDS.contains(c) {
            // Only a segmentation tells `现在` + `在` from `表现` + `在在`.
            return true;
        }
        if NAME_SUFFIXES.contains(c) || self.jieba.has_word(&text[start..end]) {
            return false;
        }
        // The first copy must stand alone: no word ends with it …
        let before: Vec<usize> = text[..start]
            .char_indices()
            .rev()
            .take(2)
            .map(|(offset, _)| offset)
            .collect();
        let first_end = start + c.len_utf8();
        if before
            .iter()
            .any(|&from| self.jieba.has_word(&text[from..first_end]))
        {
            return false;
        }
        // … and the second must open one.
        let second = first_end;
        text[end..].char_indices().take(3).any(|(offset, next)| {
            self.jieba
                .has_word(&text[second..end + offset + next.len_utf8()])
        })
    }

    fn tag<'t>(&'t self, clause: &'t str) -> Vec<Token<'t>> {
        let mut start = 0;
        self.jieba
            .tag(clause, false)
            .into_iter()
            .map(|tag| {
                let token = Token {
                    word: tag.word,
                    tag: tag.tag,
                    start,
                };
                start += tag.word.len();
                token
            })
            .collect()
    }
}

/// An English word in a block: its span, a cheap key that equal words
/// share, and whether only blanks separate it from the word before.
#[derive(Debug, Clone, Copy)]
struct Word {
    span: Span,
    /// Length and lowercased first and last letters.
    key: u32,
    joined_by_blank: bool,
}

/// Doubled English words and phrases in `text`.
fn english(text: &str, words: &mut Vec<Word>, found: &mut Vec<Doubled>) {
    words.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut previous_end = None;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && (bytes[at].is_ascii_alphabetic() || bytes[at] == b'\'') {
            at += 1;
        }
        // `x2`, `COVID19`: codes, not words.
        if at < bytes.len() && bytes[at].is_ascii_digit() {
            previous_end = None;
            continue;
        }
        let joined_by_blank = previous_end.is_some_and(|end: usize| {
            end < start && bytes[end..start].iter().all(u8::is_ascii_whitespace)
        });
        let key = ((at - start) as u32) << 16
            | u32::from(bytes[start].to_ascii_lowercase()) << 8
            | u32::from(bytes[at - 1].to_ascii_lowercase());
        words.push(Word {
            span: Span::new(start, at),
            key,
            joined_by_blank,
        });
        previous_end = Some(at);
        // The last word must repeat one of the few before it: checked on
        // keys first, since it almost never does.
        let last = words.len() - 1;
        let repeats_recent = words[last.saturating_sub(MAX_PHRASE_WORDS + 1)..last]
            .iter()
            .any(|word| word.key == key);
        if repeats_recent {
            found.extend(doubled_phrase(text, words));
        }
    }
}

/// A phrase that the last word of `words` completes doubled: `the the`,
/// `in the in the`, `caring people and caring people`.
fn doubled_phrase(text: &str, words: &[Word]) -> Option<Doubled> {
    let word = |i: usize| &text.as_bytes()[words[i].span.range()];
    let same = |a: usize, b: usize| word(a).eq_ignore_ascii_case(word(b));
    let last = words.len() - 1;
    for len in 1..=MAX_PHRASE_WORDS {
        // Directly repeated: the two copies touch.
        if let Some(first) = (last + 1).checked_sub(2 * len) {
            let second = first + len;
            let joined = (first + 1..=last).all(|i| words[i].joined_by_blank);
            let repeated = (0..len).all(|i| same(first + i, second + i));
            let grammatical = len == 1
                && ENGLISH_DOUBLES
                    .iter()
                    .any(|w| w.as_bytes().eq_ignore_ascii_case(word(first)));
            if joined && repeated && !grammatical {
                return Some(Doubled {
                    span: Span::new(words[first].span.start, words[last].span.end),
                    copy: Span::new(words[first].span.start, words[second - 1].span.end),
                    delete: Span::new(words[second - 1].span.end, words[last].span.end),
                    certainty: Certainty::Sure,
                });
            }
        }
        // Joined by `and` / `or`: only phrases, since `more and more` and
        // `again and again` are idioms.
        if len >= 2
            && let Some(first) = (last + 1).checked_sub(2 * len + 1)
        {
            let conjunction = first + len;
            let second = conjunction + 1;
            let joined = (first + 1..=last).all(|i| words[i].joined_by_blank);
            let is_conjunction = CONJUNCTIONS
                .iter()
                .any(|c| c.as_bytes().eq_ignore_ascii_case(word(conjunction)));
            let repeated = (0..len).all(|i| same(first + i, second + i));
            if joined && is_conjunction && repeated {
                return Some(Doubled {
                    span: Span::new(words[first].span.start, words[last].span.end),
                    copy: Span::new(words[first].span.start, words[conjunction - 1].span.end),
                    delete: Span::new(words[conjunction - 1].span.end, words[last].span.end),
                    certainty: Certainty::Likely,
                });
            }
        }
    }
    None
}
