//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use redline_core::Severity;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "redline",
    version,
    about = "Lint work summaries and reports for template leftovers, garbled numbers and other defects",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories.
    Check(Box<CheckArgs>),
    /// List every rule with its default level: the built-in ones and those
    /// the config here adds (plugins, `[[custom]]`).
    Rules(ConfigArgs),
    /// Show a rule's documentation.
    Explain {
        /// The rule id, e.g. `placeholder` or `house-style/signature`.
        rule: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Write a commented `redline.toml` in the current directory.
    Init {
        /// Overwrite an existing `redline.toml`.
        #[arg(long)]
        force: bool,
    },
}

/// Which config's rules `rules` and `explain` describe.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Read this config file instead of the nearest one up from the
    /// current directory.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Built-in rules only; ignore all config files.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, directories or quoted glob patterns to lint.
    #[arg(default_value = ".")]
    pub paths: Vec<String>,

    /// The path a document read from standard input (`-`) stands for: its
    /// config is found from there, and reports show this name.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Use this config file for every file instead of discovering one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore all config files; use the built-in defaults.
    #[arg(long)]
    pub isolated: bool,

    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub select: Option<Vec<String>>,

    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub ignore: Vec<String>,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the report to this file (atomically, never coloured) instead of
    /// standard output; the exit code is unchanged.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["diff", "write_baseline"])]
    pub output_file: Option<PathBuf>,

    /// Apply safe fixes, then report what remains.
    #[arg(long)]
    pub fix: bool,

    /// Apply unsafe fixes too (they may change meaning: review the result).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,

    /// Fail the run on findings at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Also fail the run when there are more than this many warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Print only findings and errors: no summary, no notices.
    #[arg(long, short)]
    pub quiet: bool,

    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in this baseline file, then exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,

    /// Do not read or write the result cache (`.redline_cache/`).
    #[arg(long)]
    pub no_cache: bool,

    /// Lint only files changed against this git ref (committed, staged,
    /// unstaged or untracked), e.g. `origin/main`.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,

    /// With --changed-since: report only findings that start on changed lines.
    #[arg(long, requires = "changed_since")]
    pub changed_lines: bool,

    /// Lint only shard I of N (1-based): a stable partition of the files by
    /// path, for CI matrix jobs.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::shard::Shard>,

    /// Number of threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Annotated snippets for people.
    Human,
    /// One JSON document (schema version 1) for tools.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML, a test suite per file, for CI test reports (GitLab, Jenkins).
    Junit,
    /// Checkstyle XML, for Jenkins, reviewdog and other Checkstyle readers.
    Checkstyle,
    /// `path:line:col: severity [rule] message`, one line per finding.
    Compact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn threshold(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
