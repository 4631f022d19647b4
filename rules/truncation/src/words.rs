//! Word lists: how paragraphs open, close and continue.

/// Opening words of a closing paragraph; a document ends soon after one.
pub const CLOSINGS: &[&str] = &[
    "总之",
    "综上所述",
    "综上",
    "总而言之",
    "总的来说",
    "In a word",
    "In short",
    "In conclusion",
    "In summary",
    "To sum up",
    "All in all",
];

/// Opening words of a document's first paragraph: time phrases and the
/// formulas summaries begin with.
pub const OPENINGS: &[&str] = &[
    "一年来",
    "半年来",
    "今年以来",
    "今年来",
    "今年",
    "去年",
    "本年度",
    "上半年",
    "下半年",
    "年初以来",
    "近年来",
    "回顾",
    "自",
    "根据",
    "按照",
    "在",
    "我",
    "本",
    "Over the past",
    "In the past",
    "Since",
    "During",
    "Under the",
    "This year",
    "Looking back",
    "In the first half",
    "In the second half",
    "Summary",
];

/// Phrases inside a first sentence that mark it as an opening: `在…的领导下`.
pub const OPENING_CUES: &[&str] = &[
    "领导下",
    "指导下",
    "支持下",
    "重视下",
    "关心下",
    "帮助下",
    "带领下",
    "关怀下",
    "以来",
    "under the leadership",
    "under the guidance",
];

/// Words a paragraph commonly opens with; a line that starts with one is
/// taken for a new paragraph, not for the rest of the line before it.
pub const PARAGRAPH_OPENERS: &[&str] = &[
    "今年",
    "去年",
    "明年",
    "本年",
    "上半年",
    "下半年",
    "全年",
    "年初",
    "年底",
    "目前",
    "当前",
    "近年",
    "同时",
    "此外",
    "另外",
    "但是",
    "然而",
    "因此",
    "所以",
    "总之",
    "首先",
    "其次",
    "再次",
    "最后",
    "我们",
    "我",
    "本",
    "为了",
    "为",
    "在",
    "根据",
    "按照",
    "通过",
    "围绕",
    "针对",
    "随着",
    "截至",
    "截止",
    "经过",
    "自",
    "从",
    "今后",
    "下一步",
    "一年来",
    "半年来",
    "回顾",
    "综上",
    "总的来看",
    "一是",
    "第一",
];

/// Words that continue a sentence and cannot open one: the line after an
/// orphan fragment that starts with one belongs to the same sentence.
pub const CONNECTIVES: &[&str] = &[
    "以及", "及其", "及", "并且", "并", "和", "与", "或者", "或", "等", "以至", "乃至", "而且",
    "例如", "比如", "如:", "如：", "包括",
];

/// Connectives that take a comma before them when a sentence is rejoined.
pub const CONNECTIVES_AFTER_COMMA: &[&str] = &["例如", "比如", "如:", "如：", "包括"];

/// Single characters that stand before `是` at the start of a text without
/// being the tail of a longer word: `这是`, `我是`, `也是`.
pub const SUBJECTS_BEFORE_SHI: &str = "这那我你您他她它谁也就还正只但可总更又却便才实确乃即亦凡若要于真或不算该倒都仍均皆尤此其而则共全光单恰偏竟原本准像定必应须能会老已一二三四五六七八九十首再最特又";

/// Characters that stand before `们` as a whole word: `我们`, `人们`.
pub const OWNERS_OF_MEN: &str = "我你您他她它咱人";
