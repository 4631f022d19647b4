//! Finding a custom rule's literals and regexes in one unit of text.

use crate::Span;
use crate::script::is_han;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Captures, Regex, RegexSet, RegexSetBuilder};

/// Which of the rule's patterns a match comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Pattern {
    /// Index into the literal patterns (or substitute terms).
    Literal(usize),
    /// Index into the regexes.
    Regex(usize),
}

/// One match, with its span in the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub span: Span,
    pub pattern: Pattern,
}

/// Every pattern of one rule, compiled once per configuration.
#[derive(Debug)]
pub(super) struct Matcher {
    /// All literals in one automaton: leftmost-longest, or, with `word`,
    /// every overlapping match, so that a shorter literal that ends at a
    /// word boundary is still found where a longer one does not.
    literals: Option<AhoCorasick>,
    regexes: Vec<Regex>,
    /// With several regexes, tells which of them match a unit at all, so
    /// that a unit without a match is read once.
    set: Option<RegexSet>,
    word: bool,
    ignore_case: bool,
}

impl Matcher {
    /// `regexes` are compiled already (with `ignore_case` applied) and
    /// checked to match only non-empty text.
    pub fn new(
        literals: &[String],
        regexes: Vec<Regex>,
        ignore_case: bool,
        word: bool,
    ) -> Result<Matcher, String> {
        let literals = if literals.is_empty() {
            None
        } else {
            let kind = if word {
                MatchKind::Standard
            } else {
                MatchKind::LeftmostLongest
            };
            let automaton = AhoCorasickBuilder::new()
                .match_kind(kind)
                .ascii_case_insensitive(ignore_case)
                .build(literals)
                .map_err(|error| format!("cannot compile the literal patterns: {error}"))?;
            Some(automaton)
        };
        let set = if regexes.len() > 1 {
            let set = RegexSetBuilder::new(regexes.iter().map(Regex::as_str))
                .case_insensitive(ignore_case)
                .build()
                .map_err(|error| format!("cannot compile the regexes together: {error}"))?;
            Some(set)
        } else {
            None
        };
        Ok(Matcher {
            literals,
            regexes,
            set,
            word,
            ignore_case,
        })
    }

    pub fn word(&self) -> bool {
        self.word
    }

    pub fn ignore_case(&self) -> bool {
        self.ignore_case
    }

    /// Replaces `out` with the matches inside `unit` of `text`: in order,
    /// not overlapping, the longest where several start at one place.
    /// `text` is the whole document, for word boundaries at the unit's
    /// edges; the unit alone is searched, so `^` and `$` anchor to it.
    pub fn find_in(&self, text: &str, unit: Span, out: &mut Vec<Found>) {
        out.clear();
        let haystack = &text[unit.range()];
        let absolute = |start: usize, end: usize| Span::new(unit.start + start, unit.start + end);
        if let Some(literals) = &self.literals {
            if self.word {
                for found in literals.find_overlapping_iter(haystack) {
                    let span = absolute(found.start(), found.end());
                    if is_whole_word(text, span) {
                        out.push(Found {
                            span,
                            pattern: Pattern::Literal(found.pattern().as_usize()),
                        });
                    }
                }
            } else {
                out.extend(literals.find_iter(haystack).map(|found| Found {
                    span: absolute(found.start(), found.end()),
                    pattern: Pattern::Literal(found.pattern().as_usize()),
                }));
            }
        }
        match &self.set {
            Some(set) => {
                for index in set.matches(haystack).iter() {
                    self.find_regex(index, text, unit, out);
                }
            }
            None if !self.regexes.is_empty() => self.find_regex(0, text, unit, out),
            None => {}
        }
        keep_leftmost_longest(out);
    }

    fn find_regex(&self, index: usize, text: &str, unit: Span, out: &mut Vec<Found>) {
        let regex = &self.regexes[index];
        let haystack = &text[unit.range()];
        let mut at = 0;
        while at <= haystack.len() {
            let Some(found) = regex.find_at(haystack, at) else {
                break;
            };
            let span = Span::new(unit.start + found.start(), unit.start + found.end());
            if !self.word || is_whole_word(text, span) {
                out.push(Found {
                    span,
                    pattern: Pattern::Regex(index),
                });
                // Regexes that match empty text are refused at load, so
                // this always moves on.
                at = found.end().max(found.start() + 1);
            } else {
                // A later match may start inside this one.
                at = found.start() + next_char_len(&haystack[found.start()..]);
            }
        }
    }

    /// The groups of a regex match found by [`Matcher::find_in`] in `unit`.
    pub fn captures<'t>(&self, text: &'t str, unit: Span, found: Found) -> Option<Captures<'t>> {
        let Pattern::Regex(index) = found.pattern else {
            return None;
        };
        // Searching from the match's start finds the same match again: the
        // regex prefers the same alternative at the same place.
        self.regexes[index].captures_at(&text[unit.range()], found.span.start - unit.start)
    }
}

fn next_char_len(text: &str) -> usize {
    text.chars().next().map_or(1, char::len_utf8)
}

/// Sorts matches from several patterns and drops those that overlap an
/// earlier (or, at the same start, a longer) one.
fn keep_leftmost_longest(found: &mut Vec<Found>) {
    found.sort_unstable_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end), f.pattern));
    let mut end = 0;
    found.retain(|f| {
        let keep = f.span.start >= end;
        if keep {
            end = f.span.end;
        }
        keep
    });
}

/// A character that belongs to a space-separated word: letters (accented
/// ones too), digits and `_`, but not Han or kana, which are written
/// without spaces and so form no words a boundary could find.
pub(super) fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !is_han(c) && !is_kana(c)
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9D}')
}

/// Whether `offset` of `text` is a word boundary: the start or end of the
/// text, or between two characters that are not both word characters.
pub(super) fn is_boundary(text: &str, offset: usize) -> bool {
    let before = text[..offset].chars().next_back();
    let after = text[offset..].chars().next();
    !matches!((before, after), (Some(a), Some(b)) if is_word_char(a) && is_word_char(b))
}

fn is_whole_word(text: &str, span: Span) -> bool {
    is_boundary(text, span.start) && is_boundary(text, span.end)
}
