//! Figures a masking pass overwrote.
//!
//! Download sites hide the years of their samples with `20xx`, `201*` or
//! `20__`, and the regular expressions they use do not stop at years: they
//! eat into any figure that starts like one (`2620人次` → `2620xx`,
//! `71.2%` → `71.20xx`, `2000余份` → `20xx余份`) and into Chinese
//! numerals (`十二五` → `十x五`). A mask next to a count unit or glued to
//! other digits is such a figure, not a year placeholder.

use crate::defect::{Certainty, HELP_FIGURE};
use crate::numeral::is_chinese_numeral_char;
use crate::scan::{Figure, Scan, run_ending_at};
use crate::text::{char_after, char_before};
use redline_core::Span;
use redline_core::script::{is_blank, is_fullwidth_alphanumeric};

fn is_mask(c: char) -> bool {
    matches!(c, 'x' | 'X' | '*' | '_' | '×' | '＊' | 'ｘ' | 'Ｘ')
}

/// Units of counts and amounts: a year never comes before them.
fn is_count_unit(c: char) -> bool {
    matches!(
        c,
        '余' | '多'
            | '人'
            | '名'
            | '户'
            | '份'
            | '亩'
            | '元'
            | '万'
            | '亿'
            | '千'
            | '百'
            | '个'
            | '次'
            | '家'
            | '件'
            | '项'
            | '场'
            | '张'
            | '台'
            | '辆'
            | '所'
            | '座'
            | '间'
            | '株'
            | '棵'
            | '吨'
            | '斤'
            | '米'
            | '套'
            | '本'
            | '册'
            | '篇'
            | '条'
            | '例'
            | '位'
            | '支'
            | '队'
            | '批'
            | '处'
            | '头'
            | '只'
            | '羽'
            | '倍'
            | '%'
            | '％'
            | '﹪'
    )
}

/// Units a masked year legitimately stands before (`20xx年`, `20xx届`).
fn is_year_unit(c: char) -> bool {
    matches!(c, '年' | '届' | '级' | '度' | '版' | '号' | '季')
}

/// The first digits of a year of the 1900s or 2000s: `2`, `20`, `201`, `19`.
fn is_year_head(digits: &[u8]) -> bool {
    matches!(digits, [2] | [2, 0, ..] | [1] | [1, 9, ..])
}

/// A run of one repeated mask character at `at`: the character, how many,
/// and where the run ends.
fn mask_run(text: &str, at: usize) -> Option<(char, usize, usize)> {
    let mask = char_after(text, at).filter(|&c| is_mask(c))?;
    let count = text[at..].chars().take_while(|&c| c == mask).count();
    Some((mask, count, at + count * mask.len_utf8()))
}

/// Reports a figure overwritten by a year mask, the mask following the
/// figure's digits; returns the end of the mask (0 when nothing is found).
pub(crate) fn check_masked_figure(scan: &mut Scan<'_>, figure: &Figure) -> usize {
    let number = figure.number;
    if number.groups.count > 0 {
        return 0;
    }
    let Some((mask, mask_count, mask_end)) = mask_run(scan.text, figure.end()) else {
        return 0;
    };
    let run = number.fraction.unwrap_or(number.integer);
    // The digits the mask left of the year it stands for: `20` of `20xx`.
    let Some(kept) = 4usize.checked_sub(mask_count) else {
        return 0;
    };
    if kept == 0 || run.count < kept || run.count > run.digits().len() {
        return 0;
    }
    if !is_year_head(&run.digits()[run.count - kept..]) {
        return 0;
    }
    let after = char_after(scan.text, mask_end);
    // `2xx3年` and `20xxl` are the placeholder rule's: a year mask with
    // more of the year or of a word after it.
    if after.is_some_and(|c| c.is_ascii_alphanumeric() || is_fullwidth_alphanumeric(c)) {
        return 0;
    }
    let extra_digits = run.count > kept;
    let on_decimals = number.fraction.is_some();
    let after_figure = !extra_digits && !on_decimals && follows_figure_and_comma(scan, figure);
    let counted = after.is_some_and(is_count_unit);
    if !(extra_digits || on_decimals || after_figure || counted) {
        return 0;
    }
    if !extra_digits && after.is_some_and(is_year_unit) {
        return 0;
    }
    let start = if after_figure {
        // `71、20xx`: report the figure the mask was glued to as well.
        run_ending_at(scan.bytes, figure.start() - '、'.len_utf8())
            .map_or(figure.start(), |run| run.span.start)
    } else {
        figure.start()
    };
    // `**2020**` is a bold year, `2019__` a blank after a year.
    if mask == '*' && scan.text[..start].ends_with("**") {
        return 0;
    }
    if mask == '_' && run.count == 4 && (1900..=2099).contains(&run.value) {
        return 0;
    }
    let span = Span::new(start, mask_end);
    let message = if counted && !extra_digits && !on_decimals && !after_figure {
        format!(
            "`{}` is a garbled number: a year mask stands where a count belongs",
            scan.slice(span)
        )
    } else {
        format!(
            "`{}` is a garbled number: a year mask (`20xx`) overwrote part of this figure",
            scan.slice(span)
        )
    };
    scan.report(Certainty::Certain, span, message, HELP_FIGURE);
    mask_end
}

/// `71、20xx`: the masked figure follows another figure and a `、` in the
/// middle of a sentence, where a decimal point was. At the start of a line
/// the `1、` is a list number (`1、20xx年工作回顾`).
fn follows_figure_and_comma(scan: &Scan<'_>, figure: &Figure) -> bool {
    if figure.before != Some('、') {
        return false;
    }
    let comma = figure.start() - '、'.len_utf8();
    let Some(previous) = run_ending_at(scan.bytes, comma) else {
        return false;
    };
    char_before(scan.text, previous.span.start).is_some_and(|c| {
        !is_blank(c)
            && !matches!(
                c,
                '。' | '；' | ';' | '：' | ':' | '！' | '？' | '(' | '（' | ')' | '）'
            )
    })
}

/// Reports a Chinese numeral with a masked digit (`十x五`) around the mask
/// at `at`; returns where scanning resumes.
pub(crate) fn check_masked_numeral(scan: &mut Scan<'_>, at: usize) -> usize {
    let text = scan.text;
    let Some((_, count, mask_end)) = mask_run(text, at) else {
        return at + 1;
    };
    let numeral_before = char_before(text, at).is_some_and(is_chinese_numeral_char);
    let numeral_after = char_after(text, mask_end).is_some_and(is_chinese_numeral_char);
    if count > 2 || !numeral_before || !numeral_after {
        return mask_end;
    }
    let start = at
        - text[..at]
            .chars()
            .rev()
            .take_while(|&c| is_chinese_numeral_char(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let end = mask_end
        + text[mask_end..]
            .chars()
            .take_while(|&c| is_chinese_numeral_char(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let span = Span::new(start, end);
    let message = format!(
        "`{}` is a garbled number: a digit of this Chinese numeral was masked",
        scan.slice(span)
    );
    scan.report(Certainty::Certain, span, message, HELP_FIGURE);
    end
}
