//! The `garbled-text` rule.

use crate::detect::{Settings, scan};
use crate::garble::{ChineseMojibake, Garble, Kind};
use crate::invisible;
use crate::scan::Prefilter;
use crate::text::char_before;
use redline_core::{
    DeclaredRule, Document, Edit, Finding, Fix, Rule, RuleContext, RuleMeta, declare_rule,
};
use serde::Deserialize;

const RECOPY: &str = "re-copy the text from the original document";

/// Text corrupted by encoding or conversion.
#[derive(Debug)]
pub struct GarbledText {
    settings: Settings,
    prefilter: Prefilter,
}

declare_rule! {
    /// Finds text corrupted on its way into the document: decoded with the
    /// wrong encoding, converted badly, or carrying invisible characters.
    ///
    /// Summaries assembled from web pages, PDF files and old Word documents
    /// pick up the damage every copy did. Garbled text is an error: the
    /// reader sees `锟斤拷` or `Ã©` where words belong, and invisible
    /// characters break search, counting and line wrapping.
    ///
    /// ## What fires
    ///
    /// - Replacement characters `�` (U+FFFD): one finding per run. The
    ///   original characters are lost.
    /// - Chinese mojibake: `锟斤拷` (lost characters written as UTF-8 and
    ///   read as GBK), `烫烫烫` and `屯屯屯` (uninitialised memory), `鈥`,
    ///   `銆` and `锛?` (UTF-8 quotes and punctuation read as GBK).
    /// - UTF-8 read as Latin-1 or Windows-1252: `Ã©`, `Ã¨`, `â€™`, `â€œ`,
    ///   `Â°`, `å·¥ä½œ`. The characters are turned back into bytes, and
    ///   the bytes must decode as UTF-8, so `café`, `naïve` and `Müller`
    ///   never fire. `Â` before a space (a non-breaking space read as
    ///   Latin-1) is reported as a warning.
    /// - GBK read as Latin-1 (`¹¤×÷×Ü½á`) or as UTF-8 (`?偨Y`, right-to-left
    ///   letters glued to Chinese text): warnings, as they are guesses.
    /// - Pinyin left by a faulty simplified→traditional conversion:
    ///   `總結(jié)`, `經(jīng)驗`. Only tone-marked (`jié`) or tone-numbered
    ///   (`jie2`) syllables that are valid pinyin count, so `工会(union)`,
    ///   `(GDP)` and `(a)` do not fire. An error when the paragraph holds
    ///   traditional characters, else a warning (`行(háng)` may be a
    ///   deliberate reading aid).
    /// - Control characters (C0 except tab, line feed and carriage return;
    ///   DEL; C1 U+0080..U+009F), terminal escape sequences, and
    ///   zero-width characters: zero-width space U+200B, non-joiner U+200C
    ///   and joiner U+200D (outside emoji sequences and the scripts that
    ///   join with them), word joiner U+2060, a byte-order mark U+FEFF
    ///   after the start of the file, and soft hyphens U+00AD.
    /// - Low and reversed quotation marks `‚ ‛ „ ‟` in Chinese text (German
    ///   `„gut“` in Latin text is left alone).
    /// - A stray ASCII quote or backtick inside a Chinese phrase:
    ///   `党的'工作大局`, `工作``大局`, or a lone `"` between Han characters
    ///   in a paragraph with no other `"`; also the extra `"` of a doubled
    ///   `""` when a paragraph's `"` do not pair up (`"土专家""、"田秀才"`).
    ///   Warnings. English apostrophes (`don't`, `Xi'an`, `the office's`)
    ///   and quotes that pair up (`他说"好"`) do not fire.
    ///
    /// ```text
    /// bad                          good
    /// 年度總結(jié)報告              年度總結報告
    /// the officeâ€™s work         the office’s work
    /// 围绕党的'工作大局             围绕党的工作大局
    /// 工作\u200B总结                工作总结
    /// ```
    ///
    /// ## Fix
    ///
    /// Control and zero-width characters have a safe fix: delete them. A
    /// vertical tab or form feed inside a line becomes a line break, and a
    /// C1 control becomes the Windows-1252 character it stands for
    /// (U+0092 → `’`), so `don\u0092t` keeps its apostrophe.
    ///
    /// Unsafe fixes: decodable Latin-1 mojibake is replaced by what its
    /// bytes decode to (`Ã©` → `é`); pinyin debris and stray quotes are
    /// deleted; low quotes become `“` or `‘`. Lost characters (`�`,
    /// `锟斤拷`) have no fix: re-copy the text from the original.
    ///
    /// ## Options
    ///
    /// ```toml
    /// [rules.garbled-text]
    /// # Report lone ASCII quotes and backticks inside Chinese phrases.
    /// stray-quotes = true
    /// # Characters never reported on their own, one per entry.
    /// allow = ["\u00AD", "„"]
    /// ```
    GarbledText {
        id: "garbled-text",
        family: "garbled-text",
        severity: Error,
        recommended: true,
        fixable: true,
        summary: "text corrupted by encoding or conversion: mojibake, U+FFFD, invisible characters, pinyin debris",
    }
}

/// Options of the `garbled-text` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct GarbledTextOptions {
    /// Report lone ASCII quotes and backticks inside Chinese phrases.
    pub stray_quotes: bool,
    /// Characters never reported on their own (a zero-width joiner, `„`).
    pub allow: Vec<String>,
}

impl Default for GarbledTextOptions {
    fn default() -> Self {
        Self {
            stray_quotes: true,
            allow: Vec::new(),
        }
    }
}

impl Rule for GarbledText {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, document: &Document<'_>, context: &RuleContext<'_>) -> Vec<Finding> {
        let text = document.text();
        scan(document, &self.settings, &self.prefilter)
            .into_iter()
            .map(|garble| finding(text, garble, context))
            .collect()
    }
}

impl DeclaredRule for GarbledText {
    const META: RuleMeta = Self::META;
    type Options = GarbledTextOptions;

    fn from_options(options: GarbledTextOptions) -> Result<Self, String> {
        let allowed = options
            .allow
            .iter()
            .map(|entry| {
                let mut chars = entry.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(format!(
                        "`allow`: {entry:?} is not a single character; write one character per entry"
                    )),
                }
            })
            .collect::<Result<Vec<char>, String>>()?;
        Ok(Self {
            settings: Settings {
                stray_quotes: options.stray_quotes,
                allowed,
            },
            prefilter: Prefilter::new(),
        })
    }
}

fn finding(text: &str, garble: Garble, context: &RuleContext<'_>) -> Finding {
    let span = garble.span;
    // Messages name invisible characters rather than print them.
    let shown = visible(&text[span.range()]);
    let (message, help, fix) = match &garble.kind {
        Kind::ReplacementCharacters { count: 1 } => (
            "replacement character `\u{FFFD}` (U+FFFD): a character was lost to a wrong encoding"
                .to_owned(),
            format!("{RECOPY}: the lost character cannot be recovered from this file"),
            None,
        ),
        Kind::ReplacementCharacters { count } => (
            format!(
                "{count} replacement characters `{shown}` (U+FFFD): characters were lost to a wrong encoding"
            ),
            format!("{RECOPY}: the lost characters cannot be recovered from this file"),
            None,
        ),
        Kind::ChineseMojibake(family) => {
            let (message, why) = match family {
                ChineseMojibake::ReplacementAsGbk => (
                    format!("mojibake `{shown}`: text was decoded with the wrong encoding"),
                    "`锟斤拷` is what lost characters (U+FFFD) become when UTF-8 is read as GBK",
                ),
                ChineseMojibake::UninitialisedMemory => (
                    format!("garbage `{shown}`: uninitialised memory was saved as text"),
                    "`烫` and `屯` are the bytes a program fills unwritten memory with",
                ),
                ChineseMojibake::Utf8AsGbk => (
                    format!("mojibake `{shown}`: UTF-8 text was decoded as GBK"),
                    "`鈥`, `銆` and `锛` are UTF-8 quotes, dashes and punctuation read as GBK",
                ),
            };
            (message, format!("{RECOPY}; {why}"), None)
        }
        Kind::Utf8AsLatin1 {
            original: Some(original),
        } if original.is_empty() => (
            format!(
                "mojibake `{shown}`: an invisible character (a byte-order mark) in UTF-8, decoded as Latin-1 (Windows-1252)"
            ),
            "delete it".to_owned(),
            Some(Fix::unsafe_edits(vec![Edit::delete(span)])),
        ),
        Kind::Utf8AsLatin1 {
            original: Some(original),
        } => (
            format!(
                "mojibake `{shown}`: UTF-8 text was decoded as Latin-1 (Windows-1252); it should read {}",
                describe(original)
            ),
            format!(
                "replace it with {}, or {RECOPY}",
                describe(original)
            ),
            Some(Fix::unsafe_edits(vec![Edit::replace(span, original.clone())])),
        ),
        Kind::Utf8AsLatin1 { original: None } => (
            format!("mojibake `{shown}`: UTF-8 text was decoded as Latin-1 (Windows-1252)"),
            format!("{RECOPY}: a byte of it was lost, so it cannot be decoded back"),
            None,
        ),
        Kind::CircumflexBeforeSpace => (
            "stray `Â` before a space: a non-breaking space decoded as Latin-1 (Windows-1252) leaves one"
                .to_owned(),
            "delete the `Â`".to_owned(),
            Some(Fix::unsafe_edits(vec![Edit::delete(span)])),
        ),
        Kind::GbkAsLatin1 => (
            format!("mojibake `{shown}`: Chinese (GBK) text was decoded as Latin-1"),
            RECOPY.to_owned(),
            None,
        ),
        Kind::LostByte => (
            format!(
                "garbled text `{shown}`: a lost byte (`?`) and a misdecoded character, as when GBK text is read as UTF-8"
            ),
            RECOPY.to_owned(),
            None,
        ),
        Kind::StrayRightToLeft => (
            format!(
                "garbled text `{shown}`: right-to-left letters glued to Chinese text, as when GBK text is read as UTF-8"
            ),
            RECOPY.to_owned(),
            None,
        ),
        Kind::Pinyin => {
            let annotated = char_before(text, span.start).unwrap_or_default();
            (
                format!(
                    "pinyin `{shown}` after `{annotated}`: debris of a faulty simplified/traditional conversion"
                ),
                "delete the pinyin, and check the conversion of the whole document".to_owned(),
                Some(Fix::unsafe_edits(vec![Edit::delete(span)])),
            )
        }
        Kind::Invisible {
            character,
            count,
            replacement,
        } => invisible_finding(span, *character, *count, replacement),
        Kind::EscapeSequence => (
            format!(
                "terminal escape sequence `{}` inside text",
                text[span.range()].replace('\u{1B}', "ESC")
            ),
            "delete it: terminal colours were saved with the text".to_owned(),
            Some(Fix::safe(vec![Edit::delete(span)])),
        ),
        Kind::LowQuote { mark, replacement } => {
            let shape = match mark {
                '‚' | '„' => "low-9",
                _ => "reversed",
            };
            (
                format!("{shape} quotation mark `{mark}` in Chinese text"),
                format!("replace it with `{replacement}`"),
                Some(Fix::unsafe_edits(vec![Edit::replace(
                    span,
                    replacement.to_string(),
                )])),
            )
        }
        Kind::StrayQuote {
            quote,
            count,
            doubled,
        } => {
            let name = match (quote, count) {
                ('\'', 1) => "apostrophe",
                ('\'', _) => "apostrophes",
                ('"', 1) => "double quote",
                ('"', _) => "double quotes",
                (_, 1) => "backtick",
                _ => "backticks",
            };
            if *doubled {
                (
                    format!(
                        "extra {name} `{shown}` doubling another: the paragraph's {name}s do not pair up"
                    ),
                    "delete the extra quotation mark".to_owned(),
                    Some(Fix::unsafe_edits(vec![Edit::delete(span)])),
                )
            } else {
                (
                    format!("stray {name} `{shown}` inside a Chinese phrase"),
                    "delete it; if a quotation was meant, use paired Chinese quotation marks “…”"
                        .to_owned(),
                    Some(Fix::unsafe_edits(vec![Edit::delete(span)])),
                )
            }
        }
    };
    let finding = if garble.certain {
        context.finding(span, message)
    } else {
        context.tentative_finding(span, message)
    };
    let finding = finding.with_help(help);
    match fix {
        Some(fix) => finding.with_fix(fix),
        None => finding,
    }
}

fn invisible_finding(
    span: redline_core::Span,
    character: char,
    count: usize,
    replacement: &str,
) -> (String, String, Option<Fix>) {
    let name = invisible::name(character);
    let code = format!("U+{:04X}", u32::from(character));
    let repeated = if count > 1 {
        format!(" ({count} in a row)")
    } else {
        String::new()
    };
    let it = if count > 1 { "them" } else { "it" };
    let (message, help) = match replacement {
        "" => (
            format!("{name} ({code}) inside text{repeated}"),
            format!("delete {it}"),
        ),
        "\n" => (
            format!("{name} ({code}) inside text{repeated}"),
            format!("replace {it} with a line break"),
        ),
        windows_1252 => (
            format!(
                "{name} ({code}) inside text{repeated}: a Windows-1252 `{windows_1252}` decoded as Latin-1"
            ),
            format!("replace {it} with `{windows_1252}`"),
        ),
    };
    let fix = Fix::safe(vec![Edit::replace(span, replacement.repeat(count))]);
    (message, help, Some(fix))
}

/// `text` with control and invisible characters written as `\u{…}`.
fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || invisible::is_reported(c) {
            shown.push_str(&c.escape_unicode().to_string());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// A replacement text as messages show it: blanks by name.
fn describe(text: &str) -> String {
    match text {
        "\u{A0}" => "a non-breaking space".to_owned(),
        " " => "a space".to_owned(),
        _ => format!("`{text}`"),
    }
}
