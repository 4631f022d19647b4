//! How a built-in section shows in paragraphs whose headings were lost:
//! scraped and pasted summaries often keep `一是…` lists and the stock
//! phrases that open a section, and nothing else.

use crate::profile::Phrasing;
use regex::Regex;
use std::ops::Range;

/// How far, in bytes, into a block's first sentence a section's phrase
/// may be: 80 Chinese characters, or a line of English (windows are in
/// bytes so that cutting one costs nothing).
const FIRST_SENTENCE_BYTES: usize = 240;
/// How far into any later sentence: only its opening words.
const SENTENCE_OPENING_BYTES: usize = 72;
/// How far after a named problem its description may start.
const DESCRIPTION_BYTES: usize = 120;

/// Compiled once per rule.
#[derive(Debug)]
pub struct Phrases {
    /// Problems named anywhere in the window.
    problems: Regex,
    /// Problems named by the first words.
    problems_opening: Regex,
    /// Words after a problem is named that start describing it.
    description: Regex,
    plans: Regex,
    plans_opening: Regex,
    /// A later sentence opens a plan only by naming the next period:
    /// `下一步,我们将…` there is the next step of one piece of work.
    plans_later: Regex,
    lessons: Regex,
    /// An item of a list of things still to do.
    prospective: Regex,
}

impl Phrases {
    pub fn new() -> Result<Self, String> {
        let compile = |pattern: &str| {
            Regex::new(pattern).map_err(|error| format!("built-in phrase pattern: {error}"))
        };
        Ok(Self {
            problems: compile(concat!(
                r"存在[^。；]{0,16}?(?:问题|不足|差距|困难|短板)",
                r"|肯定成绩的同时|看到成绩的同时",
                r"|取得[^。；]{0,16}?成绩[^。；]{0,10}?但",
                r"|还有[^。；]{0,12}?差距",
                r"|(?i:however,? there (?:is|are) still|there (?:are|is) still (?:some|many|a few) (?:problems|shortcomings|deficiencies))",
            ))?,
            problems_opening: compile(concat!(
                r"^(?:当前|目前|但是|但|同时|工作中)?[,，]?(?:不足之处|薄弱环节|存在的问题|主要问题)",
                r"|(?i:^(?:however|but)(?-u:\b).{0,30}(?-u:\b)(?:shortcomings|weak links|problems|deficiencies))",
            ))?,
            description: compile(
                r"[:：]|表现在|主要是|主要有|比如|例如|一是|(?i:mainly|such as|first)",
            )?,
            plans: compile(concat!(
                r"(?:明年|下半年|来年|新的一年|新一年|[0-9０-９xX_*＊]{2,}年)[,，]?",
                r"(?:我们|我[局镇乡所会站县市区校委办])?将(?:要)?",
                r"(?:继续|进一步|加倍|努力|着力|重点|围绕|紧紧|在|以|坚持|全面|切实|大力|加大|加强|积极|不断|力争|更加|认真|做好|抓好)",
                r"|(?:工作|总体)思路是",
                r"|(?i:(?-u:\b)20[0-9x]{2}(?-u:\b)[^.;]{0,30}(?-u:\b)will (?:continue|further|focus|strive|be)(?-u:\b))",
            ))?,
            plans_opening: compile(concat!(
                r"^(?:明年|下半年|下一步|下步|来年|新的一年|新一年|今后(?:的)?工作(?:打算|思路|计划|重点))",
                r"|^(?:[0-9０-９xX_*＊]{2,}年度?[,，]?)?[^。；，,]{0,6}(?:工作打算|工作计划|工作安排|工作思路|总体思路|努力方向)",
                r"|(?i:^(?:in|for) (?:the new year|the coming year|next year|the second half of the year)(?-u:\b))",
            ))?,
            plans_later: compile(concat!(
                r"^(?:明年|下半年|来年|新的一年|新一年)",
                r"|(?i:^(?:in|for) (?:the new year|the coming year|next year|the second half of the year)(?-u:\b))",
            ))?,
            lessons: compile(concat!(
                r"得益于|主要经验|几点经验|几点体会|经验和体会|经验与体会|几点启示",
                r"|(?i:lessons (?:learned|are)|experience (?:is|shows))",
            ))?,
            prospective: compile(r"继续|进一步|力争|争取|将|明年|下半年|下一步")?,
        })
    }

    /// Where `sentence` names a section with this phrasing, relative to
    /// it; `first` says whether it opens its block (read further then).
    pub fn find(&self, phrasing: Phrasing, sentence: &str, first: bool) -> Option<Range<usize>> {
        let window = prefix_bytes(
            sentence,
            if first {
                FIRST_SENTENCE_BYTES
            } else {
                SENTENCE_OPENING_BYTES
            },
        );
        let opening = prefix_bytes(window, SENTENCE_OPENING_BYTES);
        let (anywhere_pattern, opening_pattern) = match phrasing {
            Phrasing::Problems => (&self.problems, &self.problems_opening),
            Phrasing::Plans if first => (&self.plans, &self.plans_opening),
            Phrasing::Plans => (&self.plans, &self.plans_later),
            Phrasing::Lessons => (&self.lessons, &self.lessons),
            Phrasing::Achievements | Phrasing::None => return None,
        };
        // Every plan phrase read anywhere holds one of these words; most
        // windows have none, and looking for them is cheaper than the
        // pattern.
        let may_hold = phrasing != Phrasing::Plans
            || ["将", "思路", "will", "Will"]
                .iter()
                .any(|word| window.contains(word));
        opening_pattern
            .find(opening)
            .or_else(|| may_hold.then(|| anywhere_pattern.find(window)).flatten())
            .map(|found| found.range())
    }

    /// Whether the text after a named problem starts describing it.
    pub fn describes(&self, after: &str) -> bool {
        self.description
            .is_match(prefix_bytes(after, DESCRIPTION_BYTES))
    }

    /// Whether a list item reads as something still to do: a word of the
    /// future and no `了` of something done.
    pub fn is_prospective_item(&self, item: &str) -> bool {
        !item.contains('了') && self.prospective.is_match(item)
    }

    /// Whether a list item reports something done.
    pub fn is_done_item(item: &str) -> bool {
        item.contains('了')
    }
}

/// At most the first `bytes` bytes of `text`, cut at a character
/// boundary.
pub fn prefix_bytes(text: &str, bytes: usize) -> &str {
    if text.len() <= bytes {
        return text;
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(phrasing: Phrasing, sentence: &str) -> Option<&str> {
        let phrases = Phrases::new().unwrap();
        phrases
            .find(phrasing, sentence, true)
            .map(|range| &sentence[range])
    }

    #[test]
    fn problems_are_found_by_their_stock_phrases() {
        assert_eq!(
            found(
                Phrasing::Problems,
                "回顾一年的工作,在肯定成绩的同时,我们看到工会工作还有一定的差距。"
            ),
            Some("肯定成绩的同时")
        );
        assert_eq!(
            found(
                Phrasing::Problems,
                "一年来,我局工作虽然取得一定的成绩,但离上级要求还存在一定差距和不足。"
            ),
            Some("取得一定的成绩,但")
        );
        assert_eq!(
            found(
                Phrasing::Problems,
                "However, there is still a long way to go and many weak links."
            ),
            Some("However, there is still")
        );
        assert_eq!(
            found(Phrasing::Problems, "我们完善了不足之处的整改台账。"),
            None
        );
    }

    #[test]
    fn plans_need_a_period_to_come() {
        assert_eq!(
            found(Phrasing::Plans, "20xx年我们将加倍努力做好工会工作。"),
            Some("20xx年我们将加倍")
        );
        assert_eq!(found(Phrasing::Plans, "下步主要工作:"), Some("下步"));
        assert_eq!(
            found(
                Phrasing::Plans,
                "In the new year, we will be guided by the spirit."
            ),
            Some("In the new year")
        );
        assert_eq!(
            found(
                Phrasing::Plans,
                "The office work in 20xx will continue to focus on two tasks."
            ),
            Some("20xx will continue")
        );
        assert_eq!(found(Phrasing::Plans, "今后我们将继续努力。"), None);
        assert_eq!(
            found(Phrasing::Plans, "我局将扶贫宣传工作与业务工作同安排。"),
            None
        );
    }

    #[test]
    fn lessons_are_what_success_owes_to() {
        assert_eq!(
            found(Phrasing::Lessons, "回顾20xx年的成绩,主要得益于以下三方面:"),
            Some("得益于")
        );
    }

    #[test]
    fn only_the_opening_of_a_later_sentence_counts() {
        let phrases = Phrases::new().unwrap();
        let late =
            "我们开展了很多活动,组织了很多培训,举办了很多讲座,也在工作中看到成绩的同时存在问题。";
        assert!(phrases.find(Phrasing::Problems, late, false).is_none());
        assert!(phrases.find(Phrasing::Problems, late, true).is_some());
    }

    #[test]
    fn prospective_items_are_to_do() {
        let phrases = Phrases::new().unwrap();
        assert!(phrases.is_prospective_item("1、继续抓好卫生城的复验工作。"));
        assert!(!phrases.is_prospective_item("1、继续开展了送温暖活动。"));
        assert!(!phrases.is_prospective_item("2、优化教育发展环境。"));
    }
}
