//! The words that name each section, in one automaton: a heading is read
//! once whatever the number of sections and words.

use crate::profile::Section;
use aho_corasick::{AhoCorasick, MatchKind};

/// The sections' words, compiled.
#[derive(Debug)]
pub struct SectionWords {
    automaton: AhoCorasick,
    /// The section of each pattern.
    section_of: Vec<usize>,
}

impl SectionWords {
    pub fn new(sections: &[Section]) -> Result<Self, String> {
        let (words, section_of): (Vec<&str>, Vec<usize>) = sections
            .iter()
            .enumerate()
            .flat_map(|(index, section)| {
                section.words.iter().map(move |word| (word.as_str(), index))
            })
            .unzip();
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|error| format!("section words: {error}"))?;
        Ok(Self {
            automaton,
            section_of,
        })
    }

    /// Calls `found` with the section of every word in `text` (a section
    /// may come more than once) and the word's byte range.
    pub fn each_in(&self, text: &str, mut found: impl FnMut(usize, std::ops::Range<usize>)) {
        for hit in self.automaton.find_overlapping_iter(text) {
            found(self.section_of[hit.pattern().as_usize()], hit.range());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, resolve};

    fn sections_in(text: &str) -> Vec<&'static str> {
        let sections = resolve(Profile::WorkSummary, &[]).unwrap();
        let words = SectionWords::new(&sections).unwrap();
        let mut names = Vec::new();
        words.each_in(text, |section, _| {
            let name = ["achievements", "lessons", "problems", "plans"][section];
            if !names.contains(&name) {
                names.push(name);
            }
        });
        names
    }

    #[test]
    fn headings_name_their_sections() {
        assert_eq!(
            sections_in("一、201*年上半年主要工作情况"),
            ["achievements"]
        );
        assert_eq!(sections_in("三、存在的问题及改进措施和建议"), ["problems"]);
        assert_eq!(sections_in("五、存在不足及努力方向"), ["problems", "plans"]);
        assert_eq!(
            sections_in("Second, the work arrangements for the second half of the year"),
            ["plans"]
        );
        assert_eq!(sections_in("MAIN WORK DONE"), ["achievements"]);
        assert!(sections_in("二、抓规范,加强工会组织建设").is_empty());
    }
}
