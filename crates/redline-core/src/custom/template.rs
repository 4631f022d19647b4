//! The `message` template (`{match}`) and the `replace` template (`$1`).

use regex::Captures;
use std::ops::Range;

/// A placeholder a `message` may use, depending on the rule's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placeholder {
    Match,
    Replacement,
    Count,
    Max,
}

impl Placeholder {
    const ALL: [Placeholder; 4] = [
        Placeholder::Match,
        Placeholder::Replacement,
        Placeholder::Count,
        Placeholder::Max,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Match => "match",
            Placeholder::Replacement => "replacement",
            Placeholder::Count => "count",
            Placeholder::Max => "max",
        }
    }
}

/// A mistake in a template, at bytes `range` of the string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TemplateError {
    pub range: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Value(Placeholder),
}

/// A parsed `message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Message {
    pieces: Vec<Piece>,
}

/// What a message's placeholders stand for in one finding.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Values<'a> {
    pub matched: &'a str,
    pub replacement: &'a str,
    pub count: usize,
    pub max: usize,
}

impl Message {
    /// Parses `text`, accepting the placeholders in `allowed`; `kind`
    /// names the rule's kind for the error about the others.
    pub fn parse(
        text: &str,
        allowed: &[Placeholder],
        kind: &str,
    ) -> Result<Message, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text.char_indices().peekable();
        while let Some((at, c)) = rest.next() {
            match c {
                '{' if rest.peek().is_some_and(|&(_, next)| next == '{') => {
                    rest.next();
                    literal.push('{');
                }
                '}' if rest.peek().is_some_and(|&(_, next)| next == '}') => {
                    rest.next();
                    literal.push('}');
                }
                '}' => {
                    return Err(TemplateError {
                        range: at..at + 1,
                        message: "unmatched `}` in `message`".to_owned(),
                        help: Some("write `}}` for a literal brace".to_owned()),
                    });
                }
                '{' => {
                    let Some(close) = text[at..].find('}').map(|end| at + end) else {
                        return Err(TemplateError {
                            range: at..at + 1,
                            message: "unclosed `{` in `message`".to_owned(),
                            help: Some("write `{{` for a literal brace".to_owned()),
                        });
                    };
                    let name = &text[at + 1..close];
                    let placeholder = placeholder(name, allowed, kind, at..close + 1)?;
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Value(placeholder));
                    while rest.next_if(|&(next, _)| next <= close).is_some() {}
                }
                _ => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Message { pieces })
    }

    pub fn render(&self, values: &Values<'_>) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Value(Placeholder::Match) => push_one_line(&mut out, values.matched),
                Piece::Value(Placeholder::Replacement) => {
                    push_one_line(&mut out, values.replacement)
                }
                Piece::Value(Placeholder::Count) => out.push_str(&values.count.to_string()),
                Piece::Value(Placeholder::Max) => out.push_str(&values.max.to_string()),
            }
        }
        out
    }
}

fn placeholder(
    name: &str,
    allowed: &[Placeholder],
    kind: &str,
    range: Range<usize>,
) -> Result<Placeholder, TemplateError> {
    let list = || {
        if allowed.is_empty() {
            format!("a `{kind}` message takes no placeholders; write `{{{{` for a literal brace")
        } else {
            let names: Vec<String> = allowed
                .iter()
                .map(|p| format!("`{{{}}}`", p.name()))
                .collect();
            format!("placeholders here: {}", names.join(", "))
        }
    };
    match Placeholder::ALL.into_iter().find(|p| p.name() == name) {
        Some(known) if allowed.contains(&known) => Ok(known),
        Some(known) => Err(TemplateError {
            range,
            message: format!("`{{{}}}` has no value in a `{kind}` rule", known.name()),
            help: Some(list()),
        }),
        None => {
            let suggestion = crate::closest(name, allowed.iter().map(|p| p.name()));
            Err(TemplateError {
                range,
                message: format!("unknown placeholder `{{{name}}}` in `message`"),
                help: Some(match suggestion {
                    Some(near) => format!("did you mean `{{{near}}}`?"),
                    None => list(),
                }),
            })
        }
    }
}

/// Matches can span line breaks (a paragraph's `\s+`); messages are one
/// line in every report format.
fn push_one_line(out: &mut String, text: &str) {
    if text.contains(['\n', '\r']) {
        let mut first = true;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if !first {
                out.push(' ');
            }
            out.push_str(line);
            first = false;
        }
    } else {
        out.push_str(text);
    }
}

/// A group a `replace` template refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Group {
    Index(usize),
    Name(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ReplacePiece {
    Text(String),
    Group(Group),
}

/// A parsed `replace`, with the syntax of the regex crate's
/// `Captures::expand`: `$1`, `$name`, `${name}`, `$$` for a dollar sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Replacement {
    pieces: Vec<ReplacePiece>,
}

impl Replacement {
    /// The template, and every group it refers to with its byte range.
    pub fn parse(text: &str) -> (Replacement, Vec<(Range<usize>, Group)>) {
        let mut pieces = Vec::new();
        let mut references = Vec::new();
        let mut literal = String::new();
        let mut at = 0;
        while let Some(dollar) = text[at..].find('$').map(|offset| at + offset) {
            literal.push_str(&text[at..dollar]);
            let after = &text[dollar + 1..];
            let (name, consumed) = if after.starts_with('$') {
                (None, 1)
            } else if let Some(braced) = after.strip_prefix('{') {
                match braced.find('}') {
                    Some(end) if end > 0 => (Some(&braced[..end]), end + 2),
                    _ => (None, 0),
                }
            } else {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                ((end > 0).then(|| &after[..end]), end)
            };
            match name {
                Some(name) => {
                    if !literal.is_empty() {
                        pieces.push(ReplacePiece::Text(std::mem::take(&mut literal)));
                    }
                    let group = match name.parse::<usize>() {
                        Ok(index) => Group::Index(index),
                        Err(_) => Group::Name(name.to_owned()),
                    };
                    references.push((dollar..dollar + 1 + consumed, group.clone()));
                    pieces.push(ReplacePiece::Group(group));
                }
                // `$$`, and a `$` that starts no reference, are a dollar sign.
                None => literal.push('$'),
            }
            at = dollar + 1 + consumed;
        }
        literal.push_str(&text[at..]);
        if !literal.is_empty() {
            pieces.push(ReplacePiece::Text(literal));
        }
        (Replacement { pieces }, references)
    }

    /// Whether expanding needs a regex's groups beyond the whole match.
    pub fn needs_groups(&self) -> bool {
        self.pieces
            .iter()
            .any(|piece| matches!(piece, ReplacePiece::Group(group) if *group != Group::Index(0)))
    }

    /// The template as plain text, when it refers to no group.
    pub fn as_literal(&self) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                ReplacePiece::Text(text) => out.push_str(text),
                ReplacePiece::Group(_) => return None,
            }
        }
        Some(out)
    }

    /// The replacement for `matched`, whose groups are `groups` when it was
    /// found by a regex.
    pub fn expand(&self, matched: &str, groups: Option<&Captures<'_>>) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                ReplacePiece::Text(text) => out.push_str(text),
                ReplacePiece::Group(Group::Index(0)) => out.push_str(matched),
                ReplacePiece::Group(Group::Index(index)) => {
                    if let Some(group) = groups.and_then(|groups| groups.get(*index)) {
                        out.push_str(group.as_str());
                    }
                }
                ReplacePiece::Group(Group::Name(name)) => {
                    if let Some(group) = groups.and_then(|groups| groups.name(name)) {
                        out.push_str(group.as_str());
                    }
                }
            }
        }
        out
    }
}
