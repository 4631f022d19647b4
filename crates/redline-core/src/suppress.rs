//! Suppression comments: `<!-- redline-disable … -->` and friends.
//!
//! Markdown (and any format that shows HTML comments as nothing) can carry
//! them; they silence findings in a region, on the next line, or in the
//! whole file. A comment that silences nothing is itself reported, so stale
//! suppressions do not pile up.

use crate::{
    DeclaredRule, Document, Edit, Finding, Fix, LineIndex, Rule, RuleContext, RuleMeta, Severity,
    Span, declare_rule,
};

/// The rule id under which unused suppressions are reported.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// Reports suppression comments that silence nothing.
pub struct UnusedSuppression;

declare_rule! {
    /// Reports a suppression comment that silences no finding, or that names
    /// an unknown rule.
    ///
    /// Findings can be silenced with HTML comments, which Markdown and most
    /// document formats do not show:
    ///
    /// ```markdown
    /// <!-- redline-disable placeholder, garbled-number -->
    /// Text where those rules are silenced …
    /// <!-- redline-enable -->
    ///
    /// <!-- redline-disable-next-line placeholder -->
    /// The 20xx Olympic Games (a quotation, kept as printed).
    ///
    /// <!-- redline-disable-file -->
    /// ```
    ///
    /// Without rule ids a comment applies to every rule. `redline-enable`
    /// without ids ends every open region; with ids, only those rules'.
    /// A region left open runs to the end of the file.
    ///
    /// Plain-text documents cannot carry comments: use an `[[ignore]]` entry
    /// in `redline.toml` instead (see the README).
    ///
    /// A suppression that silences nothing is stale: the text it protected
    /// changed, or the rule no longer fires there. It is reported with a safe
    /// fix that deletes the comment.
    UnusedSuppression {
        id: "unused-suppression",
        family: "core",
        severity: Warning,
        recommended: true,
        fixable: true,
        summary: "suppression comments that silence nothing",
    }
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    /// The engine reports unused suppressions itself, once every other
    /// rule has run; this rule only carries the metadata and level.
    fn check(&self, _: &Document<'_>, _: &RuleContext<'_>) -> Vec<Finding> {
        Vec::new()
    }
}

impl DeclaredRule for UnusedSuppression {
    const META: RuleMeta = Self::META;
    type Options = ();

    fn from_options((): ()) -> Result<Self, String> {
        Ok(UnusedSuppression)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// From the comment to the matching `redline-enable` or the end.
    Region,
    NextLine,
    File,
}

/// One suppression comment and the bytes it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The comment itself.
    pub comment: Span,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// The text it silences.
    pub covers: Span,
}

impl Directive {
    fn silences(&self, finding: &Finding) -> bool {
        self.covers.contains(finding.span.start)
            && (self.rules.is_empty() || self.rules.contains(&finding.rule))
    }
}

/// Finds every suppression comment in `text`.
pub fn parse(text: &str, lines: &LineIndex) -> Vec<Directive> {
    let mut directives = Vec::new();
    // Open regions: index into `directives` of each `redline-disable`.
    let mut open: Vec<usize> = Vec::new();
    let bytes = text.as_bytes();
    let finder = memchr::memmem::Finder::new("<!--");
    for start in finder.find_iter(bytes) {
        let Some(length) = text[start..].find("-->") else {
            break;
        };
        let comment = Span::new(start, start + length + 3);
        let body = text[start + 4..start + length].trim();
        let Some(rest) = body.strip_prefix("redline-") else {
            continue;
        };
        let (keyword, ids) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let rules: Vec<String> = ids
            .split([',', ' '])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect();
        let scope = match keyword {
            "disable" => Scope::Region,
            "disable-next-line" => Scope::NextLine,
            "disable-file" => Scope::File,
            "enable" => {
                for index in std::mem::take(&mut open) {
                    let directive: &mut Directive = &mut directives[index];
                    let closes_all = rules.is_empty();
                    let named = !directive.rules.is_empty()
                        && directive.rules.iter().all(|rule| rules.contains(rule));
                    if closes_all || named {
                        directive.covers.end = comment.start;
                    } else {
                        open.push(index);
                    }
                }
                continue;
            }
            _ => continue,
        };
        let covers = match scope {
            Scope::Region => Span::new(comment.end, text.len()),
            Scope::File => Span::new(0, text.len()),
            Scope::NextLine => {
                let next = lines.line_index(comment.end) + 1;
                if next < lines.line_count() {
                    lines.line_span_with_terminator(next)
                } else {
                    Span::new(text.len(), text.len())
                }
            }
        };
        if scope == Scope::Region {
            open.push(directives.len());
        }
        directives.push(Directive {
            comment,
            rules,
            covers,
        });
    }
    directives
}

/// Drops the findings the directives silence. Returns, for each directive,
/// whether it silenced anything.
pub fn apply(findings: &mut Vec<Finding>, directives: &[Directive]) -> Vec<bool> {
    let mut used = vec![false; directives.len()];
    findings.retain(|finding| {
        let mut silenced = false;
        for (index, directive) in directives.iter().enumerate() {
            if directive.silences(finding) {
                used[index] = true;
                silenced = true;
            }
        }
        !silenced
    });
    used
}

/// Findings for directives that silenced nothing or name unknown rules.
pub fn unused_findings(
    directives: &[Directive],
    used: &[bool],
    is_known_rule: impl Fn(&str) -> bool,
    severity: Severity,
) -> Vec<Finding> {
    let context = RuleContext {
        rule_id: UNUSED_SUPPRESSION,
        severity,
    };
    let mut findings = Vec::new();
    for (directive, &used) in directives.iter().zip(used) {
        let delete = Fix::safe(vec![Edit::delete(directive.comment)]);
        if let Some(unknown) = directive.rules.iter().find(|rule| !is_known_rule(rule)) {
            findings.push(
                context
                    .finding(
                        directive.comment,
                        format!("unknown rule `{unknown}` in a suppression comment"),
                    )
                    .with_help("`redline rules` lists every rule id"),
            );
        } else if !used {
            let what = if directive.rules.is_empty() {
                "any rule".to_owned()
            } else {
                directive
                    .rules
                    .iter()
                    .map(|rule| format!("`{rule}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            findings.push(
                context
                    .finding(
                        directive.comment,
                        format!("this suppression silences no finding of {what}"),
                    )
                    .with_help("delete the comment; the text it protected no longer needs it")
                    .with_fix(delete),
            );
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str) -> Vec<(&str, Vec<String>)> {
        let lines = LineIndex::new(text);
        parse(text, &lines)
            .into_iter()
            .map(|d| (&text[d.covers.range()], d.rules))
            .collect()
    }

    #[test]
    fn regions_next_lines_and_files() {
        let text = "a\n<!-- redline-disable placeholder, garbled-number -->\nb\n<!-- redline-enable -->\nc\n<!-- redline-disable-next-line -->\nd\ne\n";
        let found = covered(text);
        assert_eq!(
            found[0],
            (
                "\nb\n",
                vec!["placeholder".to_owned(), "garbled-number".to_owned()]
            )
        );
        assert_eq!(found[1], ("d\n", vec![]));
        assert_eq!(found.len(), 2);

        let text = "x <!-- redline-disable-file punctuation --> y";
        assert_eq!(covered(text), [(text, vec!["punctuation".to_owned()])]);
    }

    #[test]
    fn enable_with_ids_closes_only_those_regions() {
        let text =
            "<!-- redline-disable a -->1<!-- redline-disable b -->2<!-- redline-enable b -->3";
        let found = covered(text);
        assert_eq!(
            found[0].0,
            "1<!-- redline-disable b -->2<!-- redline-enable b -->3"
        );
        assert_eq!(found[1].0, "2");
    }

    #[test]
    fn ordinary_comments_and_unclosed_ones_are_ignored() {
        assert!(
            covered("<!-- a note --> <!-- redline-frobnicate x --> <!-- redline-disable")
                .is_empty()
        );
    }

    #[test]
    fn unused_and_unknown_suppressions_are_reported() {
        let text = "<!-- redline-disable-next-line placeholder -->\n20xx\n<!-- redline-disable-next-line placeholder -->\nfine\n<!-- redline-disable nope -->";
        let lines = LineIndex::new(text);
        let directives = parse(text, &lines);
        let at = text.find("20xx").unwrap();
        let mut findings = vec![Finding::new(
            "placeholder",
            Severity::Error,
            Span::new(at, at + 4),
            "m",
        )];
        let used = apply(&mut findings, &directives);
        assert!(findings.is_empty());
        assert_eq!(used, [true, false, false]);
        let unused = unused_findings(
            &directives,
            &used,
            |id| id == "placeholder",
            Severity::Warning,
        );
        let messages: Vec<_> = unused.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this suppression silences no finding of `placeholder`",
                "unknown rule `nope` in a suppression comment"
            ]
        );
        assert_eq!(
            &text[unused[0].span.range()],
            "<!-- redline-disable-next-line placeholder -->"
        );
        assert!(unused[0].fix.is_some());
    }
}
