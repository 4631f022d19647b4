//! A `[[custom]]` table as written, types checked by serde, spans kept.

use crate::Span;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use toml::Spanned;
use toml::de::DeTable;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawCustom {
    pub id: Spanned<String>,
    pub kind: Option<Spanned<String>>,
    pub message: Option<Spanned<Text>>,
    pub level: Option<Spanned<String>>,
    pub summary: Option<Spanned<String>>,
    pub help: Option<String>,
    pub patterns: Option<Spanned<Vec<Spanned<Text>>>>,
    pub regex: Option<Spanned<Strings>>,
    #[serde(default)]
    pub ignore_case: bool,
    #[serde(default)]
    pub word: bool,
    pub scope: Option<Spanned<String>>,
    pub replace: Option<Spanned<Text>>,
    pub max: Option<Spanned<i64>>,
    pub substitute: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    pub examples: Option<RawExamples>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExamples {
    #[serde(default)]
    pub bad: Vec<Spanned<String>>,
    #[serde(default)]
    pub good: Vec<Spanned<String>>,
}

/// A TOML string that remembers whether it was written without escapes,
/// in which case its characters sit at known places in the config and an
/// error can point at the exact character of a regex or a message.
#[derive(Debug, Clone)]
pub(super) struct Text {
    pub value: String,
    verbatim: bool,
}

impl Text {
    /// The config span of bytes `range` of the string, or of the whole
    /// value (quotes included) when escapes make the mapping unknown.
    pub fn span_of(value: &Spanned<Text>, range: Range<usize>) -> Span {
        let whole: Span = value.span().into();
        let text = value.get_ref();
        // The parser hands out a borrowed slice only for strings without
        // escapes; a single-line string adds one quote on each side, a
        // multi-line one three (unless it also drops a leading newline,
        // which this cannot tell apart, so it falls back).
        let delimiters = whole.len().checked_sub(text.value.len());
        match delimiters {
            Some(extra @ (2 | 6)) if text.verbatim && range.end <= text.value.len() => {
                Span::new(range.start, range.end).shift(whole.start + extra / 2)
            }
            _ => whole,
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Text, E> {
        Ok(Text {
            value: value.to_owned(),
            verbatim: true,
        })
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        Ok(Text {
            value: value.to_owned(),
            verbatim: false,
        })
    }
}

/// `regex = "…"` or `regex = ["…", "…"]`.
pub(super) enum Strings {
    One(Text),
    Many(Vec<Spanned<Text>>),
}

impl Strings {
    /// Every string with its span; a lone string has the span of the key's
    /// value.
    pub fn list(value: &Spanned<Strings>) -> Vec<Spanned<Text>> {
        match value.get_ref() {
            Strings::One(text) => vec![Spanned::new(value.span(), text.clone())],
            Strings::Many(list) => list.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringsVisitor)
    }
}

struct StringsVisitor;

impl<'de> Visitor<'de> for StringsVisitor {
    type Value = Strings;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or an array of strings")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Strings, E> {
        TextVisitor.visit_borrowed_str(value).map(Strings::One)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Strings, E> {
        TextVisitor.visit_str(value).map(Strings::One)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strings, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = seq.next_element()? {
            list.push(item);
        }
        Ok(Strings::Many(list))
    }
}

/// The span of a key of `table` (the name, not its value).
pub(super) fn key_span(table: &DeTable<'_>, name: &str) -> Option<Span> {
    table
        .iter()
        .find(|(key, _)| key.get_ref() == name)
        .map(|(key, _)| key.span().into())
}

/// What `[rules.<custom-id>]` may hold besides `level`: nothing.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct NoOptions {}
