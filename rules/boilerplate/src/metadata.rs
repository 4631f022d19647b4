//! Metadata records of a web page: `上传人:…`, `格式:DOCX 页数:5 大小:18.18KB`,
//! `时间:2019-05-26 21:34:39 网站:…`.

use crate::lines::Line;
use crate::navigation::{Shape, Strength, metadata_label};
use crate::piece::{Kind, Piece};
use redline_core::script::is_blank;
use regex::Regex;

/// Reads a line that opens with a metadata label.
#[derive(Debug)]
pub(crate) struct MetadataReader {
    date_value: Regex,
    clock_time: Regex,
    file_size: Regex,
}

impl MetadataReader {
    pub(crate) fn new() -> Self {
        let compile = |pattern: &str| Regex::new(pattern).expect("built-in pattern compiles");
        Self {
            date_value: compile(r"^[0-9]{4}\s*[-/.年]\s*[0-9]{1,2}"),
            clock_time: compile(r"^[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$"),
            file_size: compile(r"^(?i)[0-9]+(?:\.[0-9]+)?\s*(?:[KMG]i?B|[KMG]|bytes?|字节)$"),
        }
    }

    /// The record on `line`, whose label proves `strength` and wants a value
    /// of `shape` starting at `value_start` (bytes into the line), if the
    /// line is one: a strong label alone, a valued one with a value of its
    /// shape, a weak one beside other metadata or a clock time.
    pub(crate) fn record(
        &self,
        line: &Line<'_>,
        strength: Strength,
        shape: Shape,
        value_start: usize,
    ) -> Option<Piece> {
        let rest = &line.text[value_start..];
        let value_start = value_start + (rest.len() - rest.trim_start_matches(is_blank).len());
        let rest = &line.text[value_start..];
        let value_len = rest.find(is_blank).unwrap_or(rest.len());
        let value = &rest[..value_len];
        let first_field = 0..value_start + value_len;
        // Further `label:value` words, and whether a clock time follows the
        // first value (a timestamp printed by the site).
        let mut others = Vec::new();
        let mut timestamp = false;
        let mut offset = first_field.end;
        for (index, word) in line.text[first_field.end..]
            .split(is_blank)
            .enumerate()
            .filter(|(_, word)| !word.is_empty())
        {
            let start = line.text[offset..]
                .find(word)
                .map_or(offset, |at| offset + at);
            offset = start + word.len();
            if index <= 1 && self.clock_time.is_match(word) {
                timestamp = true;
                continue;
            }
            let is_field = word
                .find([':', '：'])
                .is_some_and(|colon| colon > 0 && metadata_label(&word[..colon]).is_some());
            if is_field {
                others.push(line.absolute(start..offset));
            }
        }
        let shaped = !value.is_empty() && self.has_shape(value, rest, shape);
        let is_metadata = match strength {
            Strength::Strong => true,
            Strength::Valued if shaped => true,
            _ => shaped && (!others.is_empty() || (shape == Shape::Date && timestamp)),
        };
        if !is_metadata {
            return None;
        }
        let span = if others.is_empty() && !timestamp {
            line.span
        } else {
            // Only the first field: the rest of the record is pointed at
            // with labels, so the finding does not claim its dates and
            // times, which other rules read.
            line.absolute(first_field)
        };
        let mut piece = Piece::lines(Kind::Metadata, span, line.number..line.number + 1);
        for other in others {
            piece = piece.with_label(other, "more web-page metadata");
        }
        Some(piece)
    }

    fn has_shape(&self, value: &str, rest: &str, shape: Shape) -> bool {
        match shape {
            Shape::Any => true,
            Shape::Date => self.date_value.is_match(value),
            Shape::Web => {
                ["网", "转载", "整理", "http", "www."]
                    .iter()
                    .any(|sign| rest.contains(sign))
                    || ["internet", "network", "web"]
                        .iter()
                        .any(|sign| value.eq_ignore_ascii_case(sign))
            }
            Shape::FileFormat => [
                "doc", "docx", "pdf", "ppt", "pptx", "txt", "wps", "xls", "xlsx", "rtf",
            ]
            .iter()
            .any(|format| value.eq_ignore_ascii_case(format)),
            Shape::FileSize => self.file_size.is_match(value),
            Shape::Count => {
                let digits = value.trim_end_matches(['页', '字', '次']);
                !digits.is_empty()
                    && digits.len() <= 6
                    && digits.bytes().all(|b| b.is_ascii_digit())
            }
        }
    }
}
