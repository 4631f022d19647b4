//! Amounts whose digits, separators, precision or unit went wrong.

use crate::defect::{Certainty, HELP_APPROXIMATE, HELP_FIGURE, HELP_RATE, HELP_SPACING, HELP_UNIT};
use crate::numeral::Number;
use crate::scan::{Figure, Scan};
use crate::text::{
    after_char, char_after, char_before, clause_before, contains_ignore_case,
    ends_with_ignore_case, is_inline_space, starts_with_any, word_after, word_before,
};
use redline_core::Span;

/// Rates that are shares of a whole and so cannot pass 100%. Growth,
/// completion of a target and the like can, and are not listed.
const BOUNDED_RATES_ZH: &[&str] = &[
    "覆盖率",
    "覆盖面",
    "入会率",
    "建会率",
    "参保率",
    "普及率",
    "知晓率",
    "合格率",
    "满意率",
    "满意度",
    "出勤率",
    "签订率",
    "达标率",
    "参与率",
    "参与面",
    "受训面",
    "到位率",
    "优秀率",
    "及格率",
    "免疫率",
    "入学率",
    "巩固率",
    "通过率",
    "参活率",
    "就业率",
    "成活率",
    "建档率",
    "入园率",
    "参合率",
    "办结率",
    "答复率",
    "回复率",
    "落实率",
    "准确率",
    "正确率",
    "录取率",
    "结案率",
    "好评率",
    "接种率",
    "占比",
    "比重",
];

/// Words between a rate and its figure that make the figure a change of
/// the rate, which may pass 100% (`覆盖面同比增长120%`).
const GROWTH_WORDS_ZH: &[&str] = &["增长", "增加", "提高", "提升", "上升", "增幅", "翻"];
const GROWTH_WORDS_EN: &[&str] = &["increase", "grew", "grow", "rose", "rise", "up by"];

const BOUNDED_RATES_EN: &[&str] = &[
    "coverage",
    "participation rate",
    "satisfaction rate",
    "pass rate",
    "passing rate",
    "enrollment rate",
    "enrolment rate",
    "attendance rate",
    "survival rate",
    "qualification rate",
    "qualified rate",
    "vaccination rate",
    "immunization rate",
    "proportion",
    "share of",
];

/// Words for money and scale after a figure: an amount, not a count.
const MONEY_WORDS: &[&str] = &[
    "yuan", "million", "billion", "thousand", "dollars", "rmb", "percent", "usd",
];

/// Units a figure carries in English prose besides money.
const QUANTITY_WORDS: &[&str] = &[
    "tons",
    "tonnes",
    "ton",
    "mu",
    "hectares",
    "hectare",
    "kilometers",
    "kilometres",
    "km",
    "meters",
    "metres",
    "people",
    "persons",
    "households",
    "pieces",
    "sets",
    "units",
    "copies",
    "times",
];

/// Vague amounts that a bare figure after them contradicts.
const VAGUE_AMOUNTS: &[&str] = &[
    "dozens of",
    "hundreds of",
    "thousands of",
    "tens of",
    "scores of",
];

/// How money is introduced before its figure.
const MONEY_INTRODUCERS: &[&str] = &[
    "investment of ",
    "invested ",
    "investing ",
    "funds of ",
    "funding of ",
    "expenditure of ",
    "cost of ",
    "costs of ",
    "spent ",
];

const PEOPLE_WORDS: &[&str] = &["people", "persons", "person", "households"];

fn is_word_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

/// Runs every amount check on one figure.
pub(crate) fn check(scan: &mut Scan<'_>, figure: &Figure) {
    check_mixed_width(scan, figure);
    if figure.number.groups.count > 0 && !figure.number.groups.regular {
        check_irregular_groups(scan, figure);
    }
    match figure.after {
        Some('%' | '％' | '﹪') => {
            let sign_end = after_char(scan.text, figure.end());
            check_bounded_rate(scan, figure, sign_end);
            check_whole_with_zero_decimals(scan, figure, sign_end);
        }
        Some('余' | '多') => check_approximate_decimal(scan, figure),
        Some(c) if is_inline_space(c) => {
            check_split_figure(scan, figure);
            check_unit_word(scan, figure);
            let (word, word_end) = word_after(scan.text, figure.end());
            if word.eq_ignore_ascii_case("percent") {
                check_bounded_rate(scan, figure, word_end);
            }
        }
        Some(',') => {
            check_cut_before_unit(scan, figure);
            check_vague_and_exact(scan, figure);
        }
        Some('.' | ';' | '\n' | '\r') | None => check_vague_and_exact(scan, figure),
        _ => {}
    }
}

/// `２0１9`: one figure typed in two widths.
fn check_mixed_width(scan: &mut Scan<'_>, figure: &Figure) {
    let run = figure.number.integer;
    if !(run.has_ascii && run.has_fullwidth) {
        return;
    }
    let span = run.span;
    let message = format!(
        "`{}` mixes full-width and half-width digits: part of the figure was retyped or replaced",
        scan.slice(span)
    );
    scan.report(Certainty::Certain, span, message, HELP_FIGURE);
}

/// `1,69 yuan`, `1,00,0`: comma groups that are no thousands groups.
fn check_irregular_groups(scan: &mut Scan<'_>, figure: &Figure) {
    let number = figure.number;
    let groups = number.groups;
    let before_unit = groups.count == 1 && groups.first_len < 3 && number.integer.count <= 3 && {
        let (word, _) = word_after(scan.text, groups.end);
        char_after(scan.text, groups.end).is_some_and(is_inline_space)
            && is_word_in(word, MONEY_WORDS)
    };
    if !(before_unit || (groups.count >= 2 && groups.zero_led_short)) {
        return;
    }
    let span = Span::new(figure.start(), groups.end);
    let message = format!(
        "`{}` is a garbled number: its comma groups are no thousands groups (a lost decimal point or digit)",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_SPACING);
}

/// `7, yuan`: a figure cut off from its unit by a stray comma.
fn check_cut_before_unit(scan: &mut Scan<'_>, figure: &Figure) {
    if figure.number.groups.count > 0 {
        return;
    }
    let comma_end = figure.end() + 1;
    if !char_after(scan.text, comma_end).is_some_and(is_inline_space) {
        return;
    }
    let (word, word_end) = word_after(scan.text, comma_end);
    if !is_word_in(word, MONEY_WORDS) {
        return;
    }
    let span = Span::new(figure.start(), word_end);
    let message = format!(
        "`{}` is a garbled number: a comma cuts the figure off from its unit",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_SPACING);
}

/// `覆盖面达到105%`, `覆盖面100%以上`: a share above the whole.
fn check_bounded_rate(scan: &mut Scan<'_>, figure: &Figure, sign_end: usize) {
    let number = figure.number;
    let whole = number.whole();
    let over = whole > 100 || (whole == 100 && number.has_nonzero_fraction());
    let at_least_end = (whole >= 100)
        .then(|| starts_with_any(scan.text, sign_end, &["以上", "多", "余"]))
        .flatten();
    if !over && at_least_end.is_none() {
        return;
    }
    let clause = clause_before(scan.text, figure.start(), 60);
    let Some(rate) = bounded_rate_in(clause) else {
        return;
    };
    let span = Span::new(figure.start(), at_least_end.unwrap_or(sign_end));
    let message = format!(
        "`{}` is impossible for `{rate}`: a share cannot exceed 100%",
        scan.slice(span)
    );
    let certainty = if over {
        Certainty::Certain
    } else {
        Certainty::Suspect
    };
    scan.report(certainty, span, message, HELP_RATE);
}

/// The bounded rate a clause gives a figure for, unless the figure is a
/// change of it.
fn bounded_rate_in(clause: &str) -> Option<&'static str> {
    let chinese = BOUNDED_RATES_ZH.iter().find_map(|rate| {
        let after = &clause[clause.find(rate)? + rate.len()..];
        (!GROWTH_WORDS_ZH.iter().any(|growth| after.contains(growth))).then_some(*rate)
    });
    chinese.or_else(|| {
        BOUNDED_RATES_EN.iter().find_map(|rate| {
            let after = &clause[find_ignore_case(clause, rate)? + rate.len()..];
            (!GROWTH_WORDS_EN
                .iter()
                .any(|growth| contains_ignore_case(after, growth)))
            .then_some(*rate)
        })
    })
}

/// English prose before a figure: `for 1.00%`, not `$1.00` or a table.
fn follows_english_word(scan: &Scan<'_>, figure: &Figure) -> bool {
    figure.before == Some(' ')
        && char_before(scan.text, figure.start() - 1).is_some_and(|c| c.is_ascii_alphabetic())
}

/// `1.00%`, `1.00 tons`: a whole number written to two decimals in
/// running English. Translation tools leave this where they dropped a
/// magnitude (`1.00万吨`, ten thousand tons, becomes `1.00 tons`).
fn check_whole_with_zero_decimals(scan: &mut Scan<'_>, figure: &Figure, unit_end: usize) {
    let Some(fraction) = figure.number.fraction else {
        return;
    };
    if fraction.count != 2 || fraction.value != 0 || !follows_english_word(scan, figure) {
        return;
    }
    let span = Span::new(figure.start(), unit_end);
    let message = format!(
        "`{}` looks garbled: a whole number written to two decimals, where a translation lost the figure's magnitude",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_FIGURE);
}

/// Checks the English unit word after a figure and a space.
fn check_unit_word(scan: &mut Scan<'_>, figure: &Figure) {
    let (word, word_end) = word_after(scan.text, figure.end());
    if is_word_in(word, QUANTITY_WORDS) {
        check_whole_with_zero_decimals(scan, figure, word_end);
    }
    if is_word_in(word, PEOPLE_WORDS) {
        check_money_counted_in_people(scan, figure, word_end);
    }
}

/// `an investment of 747,000 people`: money counted in people, the
/// translation of `投工` (labour, counted in workdays).
fn check_money_counted_in_people(scan: &mut Scan<'_>, figure: &Figure, unit_end: usize) {
    let before = &scan.text[..figure.start()];
    let Some(introducer) = MONEY_INTRODUCERS
        .iter()
        .find(|introducer| ends_with_ignore_case(before, introducer))
    else {
        return;
    };
    let span = Span::new(figure.start() - introducer.len(), unit_end);
    let message = format!(
        "`{}`: an amount of money counted in people, a unit lost in translation",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_UNIT);
}

/// `9638.45余亩`: `余` ("more than") after a figure exact to decimals.
fn check_approximate_decimal(scan: &mut Scan<'_>, figure: &Figure) {
    if figure.number.fraction.is_none() {
        return;
    }
    let span = Span::new(figure.start(), after_char(scan.text, figure.end()));
    let message = format!(
        "`{}` contradicts itself: `{}` means \"more than\", yet the figure is exact to decimals",
        scan.slice(span),
        figure.after.unwrap_or('余')
    );
    scan.report(Certainty::Suspect, span, message, HELP_APPROXIMATE);
}

/// `5 9亿元`, `108 3%`, `3 1.86 million`: a space inside a figure.
fn check_split_figure(scan: &mut Scan<'_>, figure: &Figure) {
    let number = figure.number;
    let text = scan.text;
    if !number.is_plain_integer() || number.integer.count > 3 || number.integer.has_fullwidth {
        return;
    }
    if figure.before.is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | ':' | '/' | '+' | '#')
    }) {
        return;
    }
    if let Some(space) = figure.before.filter(|&c| is_inline_space(c)) {
        let (word, _) = word_before(text, figure.start());
        let before_space = text[..figure.start() - space.len_utf8()].trim_end_matches(' ');
        // `Article 3`, `June 3`, `No 3` label their figure; a digit before
        // the space makes a row of a table.
        if word.starts_with(|c: char| c.is_ascii_uppercase())
            || before_space.ends_with(|c: char| c.is_ascii_digit())
        {
            return;
        }
    }
    let space_end = after_char(text, figure.end());
    let Some(second) = Number::at(scan.bytes, space_end) else {
        return;
    };
    if second.integer.has_fullwidth || second.groups.count > 0 && !second.groups.regular {
        return;
    }
    let unit_follows = match char_after(text, second.span.end) {
        Some('万' | '亿' | '元' | '千' | '%' | '％' | '﹪') => true,
        Some(' ') => is_word_in(word_after(text, second.span.end).0, MONEY_WORDS),
        _ => false,
    };
    if !unit_follows {
        return;
    }
    let span = Span::new(figure.start(), second.span.end);
    let message = format!(
        "`{}` is a garbled number: a space inside a figure, where a digit, decimal point or separator was lost",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_SPACING);
}

/// `dozens of copies 100.`: a vague amount and a bare figure after its
/// noun, in Chinese word order, for the same thing.
fn check_vague_and_exact(scan: &mut Scan<'_>, figure: &Figure) {
    let number = figure.number;
    if number.fraction.is_some() || figure.before != Some(' ') {
        return;
    }
    if figure.after == Some('.')
        && scan
            .bytes
            .get(figure.end() + 1)
            .is_some_and(u8::is_ascii_digit)
    {
        return;
    }
    let (noun, _) = word_before(scan.text, figure.start());
    // A plural noun right before the figure: `copies 100`, not `of 100`.
    if noun.len() < 4 || !noun.ends_with('s') || !noun.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    let clause = clause_before(scan.text, figure.start(), 80);
    let clause_start = figure.start() - clause.len();
    let Some(offset) = VAGUE_AMOUNTS
        .iter()
        .filter_map(|vague| find_ignore_case(clause, vague))
        .min()
    else {
        return;
    };
    let span = Span::new(clause_start + offset, figure.end());
    let message = format!(
        "`{}` gives a vague amount and an exact figure for the same thing: the figure is misplaced or garbled",
        scan.slice(span)
    );
    scan.report(Certainty::Suspect, span, message, HELP_FIGURE);
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}
