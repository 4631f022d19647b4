//! The sections a document needs: built-in profiles, and how the
//! `sections` option changes them.

use serde::Deserialize;

/// A built-in set of sections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Achievements, lessons (optional), problems and plans, in Chinese and
    /// English.
    #[default]
    WorkSummary,
    /// No built-in section: only those of the `sections` option.
    None,
}

/// One entry of the `sections` option.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionOption {
    pub name: String,
    /// Words that name the section in a heading, case-insensitive.
    #[serde(rename = "match")]
    pub matches: Vec<String>,
    /// Whether a document without it is reported; `true` for a new
    /// section, unchanged for a profile's section when left out.
    pub required: Option<bool>,
}

/// What, besides its heading words, reveals a built-in section in text
/// whose headings were lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrasing {
    /// Only heading words (sections of the `sections` option).
    None,
    /// The account of the work: the body before the later sections.
    Achievements,
    /// `回顾…主要得益于`, `主要经验`.
    Lessons,
    /// `在肯定成绩的同时,我们也认识到…存在`, `However, there is still…`.
    Problems,
    /// `20xx年我们将…`, `下半年,我们将…`, a closing list of things to do.
    Plans,
}

/// A section a document is checked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub words: Vec<String>,
    pub required: bool,
    pub phrasing: Phrasing,
}

/// The work-summary profile, in the order a summary presents them.
fn work_summary() -> Vec<Section> {
    let section = |name: &str, required, phrasing, words: &[&str]| Section {
        name: name.to_owned(),
        words: words.iter().map(|&word| word.to_owned()).collect(),
        required,
        phrasing,
    };
    vec![
        section(
            "achievements",
            true,
            Phrasing::Achievements,
            &[
                "主要工作",
                "工作成绩",
                "主要成绩",
                "取得的成绩",
                "取得的成效",
                "工作成效",
                "主要做法",
                "工作回顾",
                "完成情况",
                "工作情况",
                "main work",
                "achievements",
                "accomplishments",
                "work done",
            ],
        ),
        section(
            "lessons",
            false,
            Phrasing::Lessons,
            &["经验", "体会", "启示", "lessons", "experience"],
        ),
        section(
            "problems",
            true,
            Phrasing::Problems,
            &[
                "存在的问题",
                "存在问题",
                "问题与不足",
                "问题和不足",
                "不足",
                "差距",
                "薄弱环节",
                "problems",
                "shortcomings",
                "weak links",
                "weaknesses",
                "deficiencies",
            ],
        ),
        section(
            "plans",
            true,
            Phrasing::Plans,
            &[
                "下一步",
                "下步",
                "工作打算",
                "工作计划",
                "工作思路",
                "工作安排",
                "努力方向",
                "今后",
                "明年",
                "下半年",
                "next year",
                "next steps",
                "work plan",
                "plans for",
                "arrangements for",
                "second half",
            ],
        ),
    ]
}

/// The sections to check for: the profile's, with the `sections` option
/// applied. An entry named like a profile section replaces that section's
/// words (and its `required`, when given) and keeps its place and its
/// phrasing; an entry with a new name is appended, required unless it
/// says otherwise.
pub fn resolve(profile: Profile, options: &[SectionOption]) -> Result<Vec<Section>, String> {
    let mut sections = match profile {
        Profile::WorkSummary => work_summary(),
        Profile::None => Vec::new(),
    };
    for (index, option) in options.iter().enumerate() {
        let name = option.name.trim();
        if name.is_empty() {
            return Err(format!("`sections[{index}]`: the name is empty"));
        }
        if options[..index]
            .iter()
            .any(|earlier| earlier.name.trim() == name)
        {
            return Err(format!("`sections[{index}]`: `{name}` is given twice"));
        }
        if option.matches.is_empty() {
            return Err(format!("`sections[{index}]` (`{name}`): `match` is empty"));
        }
        if let Some(word) = option.matches.iter().find(|word| word.trim().is_empty()) {
            return Err(format!(
                "`sections[{index}]` (`{name}`): `match` holds an empty word {word:?}"
            ));
        }
        let words = option
            .matches
            .iter()
            .map(|word| word.trim().to_owned())
            .collect();
        match sections.iter_mut().find(|section| section.name == name) {
            Some(section) => {
                section.words = words;
                section.required = option.required.unwrap_or(section.required);
            }
            None => sections.push(Section {
                name: name.to_owned(),
                words,
                required: option.required.unwrap_or(true),
                phrasing: Phrasing::None,
            }),
        }
    }
    if sections.is_empty() {
        return Err("no section to check: profile `none` needs `sections`".to_owned());
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(name: &str, words: &[&str], required: Option<bool>) -> SectionOption {
        SectionOption {
            name: name.to_owned(),
            matches: words.iter().map(|&word| word.to_owned()).collect(),
            required,
        }
    }

    fn names(sections: &[Section]) -> Vec<(&str, bool)> {
        sections
            .iter()
            .map(|section| (section.name.as_str(), section.required))
            .collect()
    }

    #[test]
    fn the_work_summary_profile_needs_three_sections_in_order() {
        let sections = resolve(Profile::WorkSummary, &[]).unwrap();
        assert_eq!(
            names(&sections),
            [
                ("achievements", true),
                ("lessons", false),
                ("problems", true),
                ("plans", true)
            ]
        );
    }

    #[test]
    fn a_profile_name_replaces_the_words_and_keeps_the_place() {
        let sections = resolve(
            Profile::WorkSummary,
            &[
                option("problems", &["短板"], None),
                option("lessons", &["心得"], Some(true)),
            ],
        )
        .unwrap();
        assert_eq!(sections[2].words, ["短板"]);
        assert_eq!(sections[2].phrasing, Phrasing::Problems);
        assert_eq!(names(&sections)[1], ("lessons", true));
    }

    #[test]
    fn a_new_name_is_appended_and_required() {
        let sections = resolve(
            Profile::WorkSummary,
            &[option("signature", &["落款"], None)],
        )
        .unwrap();
        assert_eq!(names(&sections).last(), Some(&("signature", true)));
        assert_eq!(sections.last().unwrap().phrasing, Phrasing::None);
    }

    #[test]
    fn the_none_profile_checks_only_the_given_sections() {
        let sections = resolve(Profile::None, &[option("risks", &["风险"], None)]).unwrap();
        assert_eq!(names(&sections), [("risks", true)]);
        assert!(resolve(Profile::None, &[]).is_err());
    }

    #[test]
    fn bad_sections_are_refused() {
        for (options, message) in [
            (vec![option(" ", &["x"], None)], "the name is empty"),
            (vec![option("risks", &[], None)], "`match` is empty"),
            (vec![option("risks", &["风险", ""], None)], "empty word"),
            (
                vec![option("risks", &["a"], None), option("risks", &["b"], None)],
                "given twice",
            ),
        ] {
            let error = resolve(Profile::WorkSummary, &options).unwrap_err();
            assert!(error.contains(message), "{error}");
        }
    }
}
