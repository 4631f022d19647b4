//! The rule and the document model's parts against the shared corpus of
//! scraped summaries and its hand-made catalogue.
//!
//! The catalogue has no `required-sections` category: its `section`
//! entries (not scored by `score.py`) say where each document or pasted
//! sample starts and which sections it has or lacks. Three checks read
//! them:
//! - every `section` warning that reports missing sections must be
//!   overlapped by a finding, and no `negative` entry by any;
//! - the parts of the document model must start where the catalogue says
//!   the documents start;
//! - the missing sections the rule names for a document must be those the
//!   catalogue lists (lessons are optional and not counted; a section the
//!   catalogue calls present but generic may be called either way).
//!
//! Run with `--nocapture` to see the scores and every disagreement.
//!
//! Unreachable on purpose: two catalogue entries of the English file sit
//! at the place a section is missing from (`In a word, …`, `Second, the
//! work arrangements…`), while the rule reports a missing section at the
//! document's title as its issue asks (it adds a label at that place); two
//! samples of the Chinese page (lines 7 and 291) start with nothing that
//! marks an opening, after a paragraph that marks no ending, and stay
//! inside the sample before them; and one sample (line 24) has its
//! problems only as a bare `一是个别企业…认识不够` list, which no general
//! rule can tell from a list of achievements.

use redline_core::{DeclaredRule, Document, Finding, Span};
use redline_rules_required_sections::RequiredSections;
use redline_testing::{CorpusDocument, GoldenEntry};
use std::collections::BTreeSet;

const RECALL_THRESHOLD: f64 = 0.8;
const PART_START_THRESHOLD: f64 = 0.9;
/// Parts the catalogue has no document for: a site's preface and
/// trailer.
const MAX_EXTRA_PARTS: usize = 3;
const AGREEMENT_THRESHOLD: f64 = 0.85;

fn rule() -> RequiredSections {
    RequiredSections::from_options(Default::default()).unwrap()
}

fn findings(document: &CorpusDocument) -> Vec<Finding> {
    let rule = rule();
    redline_testing::check_source(&rule, redline_core::Severity::Warning, &document.source)
}

fn line_of(document: &CorpusDocument, offset: usize) -> usize {
    document.source.lines().line_index(offset) + 1
}

/// A document the catalogue describes.
#[derive(Debug)]
struct CatalogueDocument {
    start_line: usize,
    /// Sections it lacks for certain.
    missing: BTreeSet<&'static str>,
    /// Sections present only in a generic form: either answer is right.
    either: BTreeSet<&'static str>,
    /// A plan, not a summary: no finding is expected.
    is_plan: bool,
}

/// The sections a catalogue note says are missing, by rule section name.
fn sections_named(text: &str) -> BTreeSet<&'static str> {
    let mut names = BTreeSet::new();
    if text.contains("存在的问题") || text.contains("problems") {
        names.insert("problems");
    }
    if text.contains("下一步") || text.contains("plan") {
        names.insert("plans");
    }
    if text.contains("主要工作") || text.contains("achievements") {
        names.insert("achievements");
    }
    names
}

/// Reads the documents of one file out of its `section` notes.
fn catalogue_documents(document: &CorpusDocument) -> Vec<CatalogueDocument> {
    let mut documents: Vec<(usize, CatalogueDocument)> = Vec::new();
    for entry in document
        .entries
        .iter()
        .filter(|entry| entry.category == "section")
    {
        let note = entry.note.as_str();
        let Some((number, start_line)) = document_of(note, entry) else {
            continue;
        };
        let at = documents
            .iter()
            .position(|(known, _)| *known == number)
            .unwrap_or_else(|| {
                documents.push((
                    number,
                    CatalogueDocument {
                        start_line,
                        missing: BTreeSet::new(),
                        either: BTreeSet::new(),
                        is_plan: false,
                    },
                ));
                documents.len() - 1
            });
        let described = &mut documents[at].1;
        if note.contains("is a work plan") {
            described.is_plan = true;
        }
        let missing_list = if let Some(after) = note.split("Missing:").nth(1) {
            // The list's first clause, and later clauses that go on
            // listing (`…stripped; no 下一步…`), not remarks such as
            // `problems placed after the plan`.
            let mut clauses = after.split(';');
            let first = clauses.next().unwrap_or_default();
            let listing = clauses.filter(|clause| clause.trim_start().starts_with("no "));
            &std::iter::once(first)
                .chain(listing)
                .collect::<Vec<_>>()
                .join(", ")
        } else if note.contains("(missing)") || note.contains("Missing in doc") {
            let before = note.split(';').next().unwrap_or_default();
            &before
                .split_once(':')
                .map_or(before, |(_, list)| list)
                .to_owned()
        } else {
            continue;
        };
        for item in missing_list.split("no ") {
            // An item names its section in its first words; what follows
            // may mention other sections (`between the achievements and
            // the plan`).
            let lead: Vec<&str> = item.split_whitespace().take(3).collect();
            let soft = entry.severity == "info"
                || item.contains("only generic")
                || item.contains("no separate")
                || item.starts_with("separate");
            for name in sections_named(&lead.join(" ")) {
                if soft {
                    described.either.insert(name);
                } else {
                    described.missing.insert(name);
                }
            }
        }
    }
    documents
        .into_iter()
        .map(|(_, document)| document)
        .collect()
}

/// The document number and start line an entry's note speaks of.
fn document_of(note: &str, entry: &GoldenEntry) -> Option<(usize, usize)> {
    let number_after = |marker: &str| -> Option<usize> {
        let rest = note.split(marker).nth(1)?;
        rest.split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    // `Sample 7 starts here (lines 71-85)`: the entry is at the start.
    if note.contains("starts here") {
        return Some((number_after("Sample ")?, entry.line));
    }
    // `Document 2 (L26–L36): …` and `Missing in doc 1 (…, lines 9-43)`.
    let number = number_after("Document ")
        .or_else(|| number_after("in doc "))
        .or_else(|| number_after("doc "))?;
    let start = note
        .split(['L', ' '])
        .find_map(|word| {
            let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
            (word.contains('–') || word.contains('-'))
                .then(|| digits.parse::<usize>().ok())
                .flatten()
        })
        .unwrap_or(entry.line);
    Some((number, start))
}

/// Where each part starts: its title line, or its first line.
fn part_start_lines(document: &CorpusDocument) -> Vec<usize> {
    let parsed = Document::parse(&document.source);
    parsed
        .parts()
        .iter()
        .map(|part| {
            let block = part.title.unwrap_or(part.blocks.start);
            line_of(document, parsed.blocks()[block].span.start)
        })
        .collect()
}

/// The section names a finding says are missing.
fn named_missing(finding: &Finding) -> BTreeSet<String> {
    if !finding.message.contains("has no") {
        return BTreeSet::new();
    }
    finding
        .message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn missing_sections_are_reported_where_the_catalogue_has_them() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let (mut expected, mut caught, mut flagged) = (0, 0, Vec::new());
    for document in &documents {
        let findings = findings(document);
        let overlapped = |span: Span| findings.iter().any(|finding| finding.span.overlaps(span));
        for entry in &document.entries {
            if entry.category == "negative" && overlapped(entry.span) {
                flagged.push(entry.place(&document.name));
            }
            let reports_missing = entry.category == "section"
                && entry.severity == "warning"
                && entry.note.to_lowercase().contains("missing");
            if reports_missing {
                expected += 1;
                if overlapped(entry.span) {
                    caught += 1;
                } else {
                    eprintln!("  missed: {}", entry.place(&document.name));
                }
            }
        }
    }
    let recall = caught as f64 / expected as f64;
    eprintln!(
        "missing-section warnings: {caught}/{expected} = {recall:.3}; negatives flagged: {}",
        flagged.len()
    );
    assert!(flagged.is_empty(), "negatives flagged: {flagged:#?}");
    assert!(
        recall >= RECALL_THRESHOLD,
        "recall {recall:.3} below {RECALL_THRESHOLD}"
    );
}

#[test]
fn parts_start_where_the_catalogue_says_documents_start() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let (mut expected, mut matched, mut extra) = (0, 0, 0);
    for document in &documents {
        let starts = part_start_lines(document);
        let catalogue: Vec<usize> = catalogue_documents(document)
            .iter()
            .map(|described| described.start_line)
            .collect();
        for line in &catalogue {
            expected += 1;
            if starts.contains(line) {
                matched += 1;
            } else {
                eprintln!("  no part starts at {}:{line}", document.name);
            }
        }
        for line in starts.iter().filter(|line| !catalogue.contains(line)) {
            extra += 1;
            eprintln!(
                "  part with no catalogue document at {}:{line}",
                document.name
            );
        }
    }
    let accuracy = matched as f64 / expected as f64;
    eprintln!("part starts: {matched}/{expected} = {accuracy:.3}; {extra} extra parts");
    assert!(
        accuracy >= PART_START_THRESHOLD,
        "part starts {accuracy:.3} below {PART_START_THRESHOLD}"
    );
    assert!(extra <= MAX_EXTRA_PARTS, "{extra} extra parts");
}

#[test]
fn missing_sections_agree_with_the_catalogue() {
    let Some(documents) = redline_testing::corpus() else {
        return;
    };
    let (mut total, mut agreeing) = (0, 0);
    for document in &documents {
        let findings = findings(document);
        for described in catalogue_documents(document) {
            total += 1;
            let reported: BTreeSet<String> = findings
                .iter()
                .filter(|finding| line_of(document, finding.span.start) == described.start_line)
                .flat_map(named_missing)
                .collect();
            let certain: BTreeSet<String> = described
                .missing
                .iter()
                .map(|name| name.to_string())
                .collect();
            let allowed: BTreeSet<String> = certain
                .iter()
                .cloned()
                .chain(described.either.iter().map(|name| name.to_string()))
                .collect();
            let agrees = if described.is_plan {
                reported.is_empty()
            } else {
                certain.is_subset(&reported) && reported.is_subset(&allowed)
            };
            if agrees {
                agreeing += 1;
            } else {
                eprintln!(
                    "  {}:{}: catalogue {:?} (either {:?}), rule {:?}",
                    document.name,
                    described.start_line,
                    described.missing,
                    described.either,
                    reported
                );
            }
        }
    }
    let agreement = agreeing as f64 / total as f64;
    eprintln!("documents whose missing sections agree: {agreeing}/{total} = {agreement:.3}");
    assert!(
        agreement >= AGREEMENT_THRESHOLD,
        "agreement {agreement:.3} below {AGREEMENT_THRESHOLD}"
    );
}
