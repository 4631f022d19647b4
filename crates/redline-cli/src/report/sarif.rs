//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF
//! viewers read it.

use super::RunResults;
use redline_core::engine::FileOutcome;
use redline_core::{Applicability, Finding, Registry, RuleMeta, Severity, SourceFile, Span};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path};

const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

/// The base every relative artifact URI is resolved against: the working
/// directory of the run, which is also what report paths are relative to.
const SOURCE_ROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation<'a>; 1],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, ArtifactLocation>,
    /// Text regions may be given only for files whose encoding is known.
    default_encoding: &'static str,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    short_description: Message<'static>,
    full_description: OwnedMessage,
    help: MultiformatMessage,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct OwnedMessage {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// Lines and columns are 1-based and count characters, as `columnKind`
/// declares; `charOffset` counts characters from the start of the text.
/// End line and column are exclusive, like the span.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Message<'a>>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    /// Redline's own notion: only `safe` fixes keep the author's meaning.
    applicability: Applicability,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    /// Absent for a deletion.
    #[serde(skip_serializing_if = "Option::is_none")]
    inserted_content: Option<Message<'a>>,
}

/// SARIF's name for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders the run as one SARIF log; `registry` supplies the rule
/// descriptions, in the order that results' `ruleIndex` refers to.
pub fn render(results: &RunResults, registry: &Registry) -> String {
    let working_directory = std::env::current_dir().ok();
    let uris = UriMaker {
        working_directory: working_directory.as_deref(),
    };
    let rules: Vec<&RuleMeta> = registry.iter().map(|registered| &registered.meta).collect();
    let rule_indices: HashMap<&str, usize> = rules
        .iter()
        .enumerate()
        .map(|(index, meta)| (meta.id, index))
        .collect();

    let mut sarif_results = Vec::new();
    let mut notifications = Vec::new();
    for report in &results.files {
        match &report.outcome {
            FileOutcome::Linted(file) if !file.findings.is_empty() => {
                let artifact = uris.artifact_location(&report.path);
                let positions = &file.source;
                sarif_results.extend(file.findings.iter().map(|finding| {
                    result(
                        finding,
                        rule_indices.get(finding.rule.as_str()).copied(),
                        &artifact,
                        positions,
                    )
                }));
            }
            FileOutcome::Linted(_) => {}
            FileOutcome::Skipped { reason } => {
                notifications.push(notification("note", &report.path, reason, &uris));
            }
            FileOutcome::Failed { message } => {
                notifications.push(notification("error", &report.path, message, &uris));
            }
        }
    }
    let rule_failures: Vec<(&Path, String)> = results
        .files
        .iter()
        .flat_map(|report| match &report.outcome {
            FileOutcome::Linted(file) => file
                .failures
                .iter()
                .map(|failure| (report.path.as_path(), failure.to_string()))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    for (path, message) in &rule_failures {
        notifications.push(notification("error", path, message, &uris));
    }
    for (path, message) in &results.path_errors {
        notifications.push(notification("error", path, message, &uris));
    }

    let mut original_uri_base_ids = BTreeMap::new();
    if let Some(root) = uris.root_uri() {
        original_uri_base_ids.insert(
            SOURCE_ROOT,
            ArtifactLocation {
                uri: root,
                uri_base_id: None,
            },
        );
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "redline",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: rules.into_iter().map(reporting_descriptor).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: results.errors().next().is_none(),
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids,
            default_encoding: "utf-8",
            column_kind: "unicodeCodePoints",
            results: sarif_results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).expect("a SARIF log always serializes");
    out.push('\n');
    out
}

fn reporting_descriptor(meta: &RuleMeta) -> ReportingDescriptor {
    let docs = meta.docs_markdown();
    ReportingDescriptor {
        id: meta.id,
        short_description: Message { text: meta.summary },
        full_description: OwnedMessage { text: docs.clone() },
        help: MultiformatMessage {
            text: docs.clone(),
            markdown: docs,
        },
        default_configuration: Configuration {
            level: level(meta.default_severity),
        },
    }
}

fn result<'a>(
    finding: &'a Finding,
    rule_index: Option<usize>,
    artifact: &ArtifactLocation,
    positions: &SourceFile,
) -> SarifResult<'a> {
    let related_locations = finding
        .labels
        .iter()
        .enumerate()
        .map(|(id, label)| Location {
            id: Some(id),
            physical_location: PhysicalLocation {
                artifact_location: artifact.clone(),
                region: Some(region(positions, label.span)),
            },
            message: Some(Message {
                text: &label.message,
            }),
        })
        .collect();
    let fixes = finding
        .fix
        .iter()
        .map(|fix| SarifFix {
            description: finding.help.as_deref().map(|text| Message { text }),
            artifact_changes: [ArtifactChange {
                artifact_location: artifact.clone(),
                replacements: fix
                    .edits
                    .iter()
                    .map(|edit| Replacement {
                        deleted_region: region(positions, edit.span()),
                        inserted_content: (!edit.replacement.is_empty()).then_some(Message {
                            text: &edit.replacement,
                        }),
                    })
                    .collect(),
            }],
            properties: FixProperties {
                applicability: fix.applicability,
            },
        })
        .collect();
    SarifResult {
        rule_id: &finding.rule,
        rule_index,
        level: level(finding.severity),
        message: Message {
            text: &finding.message,
        },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact.clone(),
                region: Some(region(positions, finding.span)),
            },
            message: None,
        }],
        related_locations,
        fixes,
    }
}

fn notification<'a>(
    level: &'static str,
    path: &Path,
    message: &'a str,
    uris: &UriMaker<'_>,
) -> Notification<'a> {
    Notification {
        level,
        message: Message { text: message },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: uris.artifact_location(path),
                region: None,
            },
            message: None,
        }],
    }
}

/// A span as a SARIF region: 1-based lines and character columns, and
/// character offsets from the start of the text.
fn region(source: &SourceFile, span: Span) -> Region {
    let start = source.line_col(span.start);
    let end = source.line_col(span.end);
    let start_offset = source.char_offset(span.start);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
        char_offset: start_offset,
        char_length: source.char_offset(span.end) - start_offset,
    }
}

/// Turns report paths into SARIF artifact URIs.
struct UriMaker<'a> {
    working_directory: Option<&'a Path>,
}

impl UriMaker<'_> {
    /// A relative path (or an absolute one inside the working directory)
    /// becomes a relative reference resolved against `%SRCROOT%`; any other
    /// absolute path becomes a `file:` URI.
    fn artifact_location(&self, path: &Path) -> ArtifactLocation {
        let relative = if path.is_absolute() {
            self.working_directory
                .and_then(|dir| path.strip_prefix(dir).ok())
        } else {
            Some(path)
        };
        match relative {
            Some(relative) => ArtifactLocation {
                uri: relative_uri(relative),
                uri_base_id: self.working_directory.map(|_| SOURCE_ROOT),
            },
            None => ArtifactLocation {
                uri: file_uri(path),
                uri_base_id: None,
            },
        }
    }

    /// The working directory as a `file:` URI; a base URI must end in `/`.
    fn root_uri(&self) -> Option<String> {
        let directory = self.working_directory.filter(|dir| dir.is_absolute())?;
        let mut uri = file_uri(directory);
        if !uri.ends_with('/') {
            uri.push('/');
        }
        Some(uri)
    }
}

/// `docs/年度 总结.md` → `docs/%E5%B9%B4%E5%BA%A6%20%E6%80%BB%E7%BB%93.md`.
fn relative_uri(path: &Path) -> String {
    let mut uri = String::new();
    for component in path.components() {
        let segment = match component {
            Component::CurDir => continue,
            Component::ParentDir => "..".into(),
            Component::Normal(name) => encode_segment(&os_bytes(name)),
            // Not reached for a relative path.
            Component::RootDir | Component::Prefix(_) => continue,
        };
        if !uri.is_empty() {
            uri.push('/');
        }
        uri.push_str(&segment);
    }
    uri
}

/// `/srv/docs/a.md` → `file:///srv/docs/a.md`; `C:\docs\a.md` →
/// `file:///C:/docs/a.md`.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for component in path.components() {
        match component {
            // A drive letter keeps its colon: `C%3A` would not be a drive.
            Component::Prefix(prefix) => {
                uri.push('/');
                uri.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir => {}
            Component::CurDir => continue,
            Component::ParentDir => {
                uri.push_str("/..");
            }
            Component::Normal(name) => {
                uri.push('/');
                uri.push_str(&encode_segment(&os_bytes(name)));
            }
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

#[cfg(unix)]
fn os_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(name.as_bytes())
}

#[cfg(not(unix))]
fn os_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    match name.to_string_lossy() {
        std::borrow::Cow::Borrowed(text) => std::borrow::Cow::Borrowed(text.as_bytes()),
        std::borrow::Cow::Owned(text) => std::borrow::Cow::Owned(text.into_bytes()),
    }
}

/// Percent-encodes every byte but RFC 3986's unreserved characters. That is
/// more than a path segment strictly needs, but a `:` in the first segment
/// of a relative reference would read as a scheme, and consumers decode
/// `%2C` as readily as they read `,`.
fn encode_segment(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(bytes.len());
    for &byte in bytes {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use redline_core::engine::{FileReport, LintedFile};
    use redline_core::{Edit, Fix, SourceFile};

    /// Labels and fixes, which the end-to-end tests cannot count on a
    /// built-in rule to produce.
    #[test]
    fn labels_become_related_locations_and_unknown_rules_have_no_index() {
        let text = "（一）总结“开头\n结尾”\n";
        let source = SourceFile::new("a.txt", text.to_owned());
        let open = text.find('“').unwrap();
        let close = text.find('”').unwrap();
        let finding = Finding::new(
            "quote-pairs",
            Severity::Warning,
            Span::new(close, close + '”'.len_utf8()),
            "quotation closed on another line",
        )
        .with_label(Span::new(open, open + '“'.len_utf8()), "opened here")
        .with_fix(Fix::safe(vec![Edit::replace(
            Span::new(open, open + '“'.len_utf8()),
            "「",
        )]));
        let results = RunResults {
            files: vec![FileReport {
                path: "a.txt".into(),
                outcome: FileOutcome::Linted(LintedFile {
                    source,
                    findings: vec![finding],
                    failures: Vec::new(),
                }),
            }],
            path_errors: Vec::new(),
        };
        let log: serde_json::Value =
            serde_json::from_str(&render(&results, &Registry::new())).unwrap();
        let result = &log["runs"][0]["results"][0];
        assert_eq!(result["level"], "warning");
        assert!(result.get("ruleIndex").is_none());
        let related = &result["relatedLocations"][0];
        assert_eq!(related["id"], 0);
        assert_eq!(related["message"]["text"], "opened here");
        let region = &related["physicalLocation"]["region"];
        assert_eq!(
            (&region["startLine"], &region["startColumn"]),
            (&1.into(), &6.into())
        );
        assert_eq!(
            (&region["charOffset"], &region["charLength"]),
            (&5.into(), &1.into())
        );
        let closing = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (&closing["startLine"], &closing["startColumn"]),
            (&2.into(), &3.into())
        );
        assert_eq!(closing["charOffset"], 11);
        let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "「");
        assert_eq!(replacement["deletedRegion"]["charOffset"], 5);
        assert_eq!(result["fixes"][0]["properties"]["applicability"], "safe");
        assert_eq!(
            log["runs"][0]["invocations"][0]["executionSuccessful"],
            true
        );
    }

    #[test]
    fn char_offsets_count_characters_across_lines_and_terminators() {
        let text = "工作总结\r\n20xx年，XX市\n";
        let source = SourceFile::new("a.txt", text.to_owned());
        let positions = &source;
        let xx_city = text.find("XX市").unwrap();
        let span = Span::new(xx_city, xx_city + "XX".len());
        assert_eq!(
            region(positions, span),
            Region {
                start_line: 2,
                start_column: 7,
                end_line: 2,
                end_column: 9,
                // 4 characters, CR, LF, then `20xx年，`.
                char_offset: 12,
                char_length: 2,
            }
        );
        let whole_first_line = Span::new(0, text.find("20xx").unwrap());
        let region = region(positions, whole_first_line);
        assert_eq!((region.end_line, region.end_column), (2, 1));
        assert_eq!(region.char_length, 6);
    }

    #[test]
    fn uris_are_relative_slashed_and_percent_encoded() {
        assert_eq!(
            relative_uri(Path::new("./docs/年 a,b:c%.txt")),
            "docs/%E5%B9%B4%20a%2Cb%3Ac%25.txt"
        );
        assert_eq!(relative_uri(Path::new("../x.md")), "../x.md");
        let uris = UriMaker {
            working_directory: Some(Path::new("/srv/reports")),
        };
        let inside = uris.artifact_location(Path::new("/srv/reports/a b.md"));
        assert_eq!(inside.uri, "a%20b.md");
        assert_eq!(inside.uri_base_id, Some(SOURCE_ROOT));
        let outside = uris.artifact_location(Path::new("/tmp/a.md"));
        assert_eq!(outside.uri, "file:///tmp/a.md");
        assert_eq!(outside.uri_base_id, None);
        assert_eq!(uris.root_uri().as_deref(), Some("file:///srv/reports/"));
        let at_the_root = UriMaker {
            working_directory: Some(Path::new("/")),
        };
        assert_eq!(at_the_root.root_uri().as_deref(), Some("file:///"));
    }
}
