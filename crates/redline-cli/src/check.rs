//! `redline check`.

use crate::EXIT_RUN_FAILED;
use crate::baseline::{self, Baseline};
use crate::cache::{CACHE_DIR, DiskCache};
use crate::changed::Changes;
use crate::cli::{CheckArgs, ColorChoice, Format};
use crate::config_error::ConfigDiagnostic;
use crate::discover::{ConfigResolver, ConfigSource, StdinInput, discover};
use crate::fixing::{FixRun, fix_files};
use crate::registry::builtin_registry;
use crate::report::human::HumanRenderer;
use crate::report::{RunResults, checkstyle, compact, github, json, junit, plural, sarif};
use crate::write::{Existing, write_atomically};
use rayon::prelude::*;
use redline_core::Registry;
use redline_core::config::{ConfigError, Selection};
use redline_core::engine::{FileOutcome, FileReport, Job, ResultCache, lint_jobs};
use redline_core::fix::FixMode;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> ExitCode {
    let stderr_renderer =
        HumanRenderer::new(use_color(args.color, std::io::stderr().is_terminal()));
    let registry = builtin_registry();
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    if let Some(threads) = args.threads {
        if let Err(error) = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
        {
            eprintln!("error: cannot start {threads} threads: {error}");
            return ExitCode::from(EXIT_RUN_FAILED);
        }
    }

    let source = ConfigSource::from_flags(args.config.as_deref(), args.isolated);
    let mut resolver = ConfigResolver::new(&registry, selection.clone(), source);
    let stdin = match read_stdin(args) {
        Ok(stdin) => stdin,
        Err(error) => {
            eprintln!("error: cannot read standard input: {error}");
            return ExitCode::from(EXIT_RUN_FAILED);
        }
    };
    let mut discovery = match discover(&args.paths, &mut resolver, stdin) {
        Ok(discovery) => discovery,
        Err(error) => {
            print_config_error(&stderr_renderer, &error);
            return ExitCode::from(EXIT_RUN_FAILED);
        }
    };
    // Checked once the configs are loaded: they may add rules.
    let registry = resolver.registry();
    discovery.errors.extend(resolver.plugin_errors());
    if !report_unknown_rules(&selection, &registry) {
        return ExitCode::from(EXIT_RUN_FAILED);
    }
    // Narrowing to a shard or to changed files may leave nothing, which is
    // a success (an empty report), not a failed run.
    let mut nothing_is_fine = false;
    if let Some(shard) = args.shard {
        let had_files = !discovery.jobs.is_empty();
        discovery.jobs.retain(|job| shard.contains(&job.path));
        if had_files && discovery.jobs.is_empty() {
            nothing_is_fine = true;
            if !args.quiet {
                eprintln!("note: shard {}/{} has no files", shard.index, shard.count);
            }
        }
    }

    let changes = match &args.changed_since {
        Some(reference) => match Changes::since(
            reference,
            &std::env::current_dir().unwrap_or_default(),
            args.changed_lines,
        ) {
            Ok(changes) => Some(changes),
            Err(message) => {
                eprintln!("error: --changed-since {reference}: {message}");
                return ExitCode::from(EXIT_RUN_FAILED);
            }
        },
        None => None,
    };
    if let Some(changes) = &changes {
        discovery
            .jobs
            .retain(|job| changes.contains(&resolver.absolute(&job.path)));
        if discovery.jobs.is_empty() {
            nothing_is_fine = true;
            if !args.quiet {
                eprintln!("note: no file to lint has changed");
            }
        }
    }

    let cache = if args.no_cache {
        None
    } else {
        DiskCache::open(Path::new(CACHE_DIR))
    };
    let mut files = lint_jobs(
        &discovery.jobs,
        cache.as_ref().map(|cache| cache as &dyn ResultCache),
    );
    if let Some(changes) = changes.as_ref().filter(|_| args.changed_lines) {
        for report in &mut files {
            let absolute = resolver.absolute(&report.path);
            if let FileOutcome::Linted(file) = &mut report.outcome {
                let source = &file.source;
                file.findings.retain(|finding| {
                    changes.line_changed(&absolute, source.line_col(finding.span.start).line)
                });
            }
        }
    }
    let fix_mode = if args.unsafe_fixes {
        Some(FixMode::All)
    } else if args.fix || args.diff {
        Some(FixMode::Safe)
    } else {
        None
    };
    let fixes = fix_mode.map(|mode| fix_files(&discovery.jobs, &mut files, mode, !args.diff));
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &discovery.jobs, &files);
    }
    let baseline = match args
        .baseline
        .as_deref()
        .map(|path| apply_baseline(path, &mut files))
    {
        Some(Err(message)) => {
            eprintln!("error: {message}");
            return ExitCode::from(EXIT_RUN_FAILED);
        }
        Some(Ok(counts)) => Some(counts),
        None => None,
    };
    let results = RunResults {
        files,
        path_errors: discovery.errors,
    };
    if let Some((hidden, stale)) = baseline.filter(|_| !args.quiet) {
        eprintln!(
            "baseline: {} hidden, {stale} {} no longer found",
            plural(hidden, "known finding"),
            if stale == 1 { "entry" } else { "entries" }
        );
    }
    if args.diff {
        return report_diffs(args, &results, &fixes.unwrap_or_default());
    }
    if let Some(fixes) = fixes.as_ref().filter(|f| f.applied > 0 && !args.quiet) {
        eprintln!(
            "fixed {} in {}",
            plural(fixes.applied, "finding"),
            plural(fixes.files, "file")
        );
    }
    // `check --fix -`: the document goes to standard output, so the report
    // goes to standard error.
    let stdin_document = fixes.and_then(|fixes| fixes.stdin_document);
    if let Some(document) = &stdin_document {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(document).and_then(|()| stdout.flush());
    }
    report(args, &results, &registry, stdin_document.is_some());
    exit_code(args, &results, nothing_is_fine)
}

/// `--write-baseline`: records every finding, atomically; exit 0 unless
/// the file cannot be written.
fn write_baseline(path: &Path, jobs: &[Job], files: &[FileReport]) -> ExitCode {
    let text = baseline::render(
        jobs.iter()
            .zip(files)
            .map(|(job, report)| (job.path.as_path(), &report.outcome)),
    );
    match write_atomically(path, text.as_bytes(), Existing::Replace) {
        Ok(()) => {
            let count = files
                .iter()
                .map(|report| match &report.outcome {
                    FileOutcome::Linted(file) => file.findings.len(),
                    _ => 0,
                })
                .sum();
            eprintln!("wrote {} to {}", plural(count, "finding"), path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", path.display());
            ExitCode::from(EXIT_RUN_FAILED)
        }
    }
}

/// `--baseline`: drops known findings; returns (hidden, stale entries).
fn apply_baseline(path: &Path, files: &mut [FileReport]) -> Result<(usize, usize), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read baseline {}: {error}", path.display()))?;
    let mut baseline = Baseline::parse(&text)
        .map_err(|error| format!("invalid baseline {}: {error}", path.display()))?;
    let mut hidden = 0;
    for report in files {
        if let FileOutcome::Linted(file) = &mut report.outcome {
            hidden += baseline.filter(&report.path, &file.source, &mut file.findings);
        }
    }
    Ok((hidden, baseline.stale()))
}

/// `--diff`: the diffs on standard output; exit 1 when a file would change.
fn report_diffs(args: &CheckArgs, results: &RunResults, fixes: &FixRun) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    for diff in &fixes.diffs {
        let _ = stdout.write_all(diff.as_bytes());
    }
    let mut stderr = std::io::stderr().lock();
    print_file_errors(&mut stderr, results);
    if !args.quiet {
        let _ = writeln!(
            stderr,
            "{} would fix {} in {}",
            if fixes.applied == 0 {
                "nothing to do:"
            } else {
                "--fix"
            },
            plural(fixes.applied, "finding"),
            plural(fixes.files, "file")
        );
    }
    if fixes.files > 0 || results.errors().next().is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `--select`/`--ignore` ids that no rule has, each with a suggestion;
/// false when there were any.
fn report_unknown_rules(selection: &Selection, registry: &Registry) -> bool {
    let unknown = selection.unknown_ids(registry);
    for (id, suggestion) in &unknown {
        let hint = suggestion.map_or_else(
            || " (`redline rules` lists every rule)".to_owned(),
            |s| format!(" (did you mean `{s}`?)"),
        );
        eprintln!("error: unknown rule `{id}` in --select/--ignore{hint}");
    }
    unknown.is_empty()
}

/// Files that could not be read, rules that could not check a file and
/// paths that matched nothing, one line each, whatever the report format.
/// A message repeated for many files (a plugin disabled after a panic) is
/// printed once, with the count of the others.
fn print_file_errors(stderr: &mut impl Write, results: &RunResults) {
    // Messages in the order first printed, and how often each came again.
    let mut first_seen = Vec::new();
    let mut repeats: std::collections::HashMap<std::borrow::Cow<'_, str>, usize> =
        std::collections::HashMap::new();
    for (path, message) in results.errors() {
        if let Some(count) = repeats.get_mut(&message) {
            *count += 1;
            continue;
        }
        let _ = writeln!(stderr, "error: {}: {message}", path.display());
        first_seen.push(message.clone());
        repeats.insert(message, 0);
    }
    for message in &first_seen {
        let count = repeats[message];
        if count == 0 {
            continue;
        }
        let _ = writeln!(
            stderr,
            "error: the same for {}: {message}",
            plural(count, "more file")
        );
    }
}

/// The document on standard input, when `-` is among the paths.
fn read_stdin(args: &CheckArgs) -> std::io::Result<Option<StdinInput>> {
    if !args.paths.iter().any(|path| path == "-") {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    Ok(Some(StdinInput {
        bytes: bytes.into(),
        filename: args.stdin_filename.clone(),
    }))
}

pub fn print_config_error(renderer: &HumanRenderer, error: &ConfigError) {
    let mut stderr = std::io::stderr().lock();
    for diagnostic in ConfigDiagnostic::all(error) {
        let _ = write!(stderr, "{}", renderer.render(&diagnostic));
    }
}

pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn report(args: &CheckArgs, results: &RunResults, registry: &Registry, to_stderr: bool) {
    let rendered = match args.format {
        Format::Human => {
            // A file is never a terminal: colour there would be escape codes.
            let terminal = if to_stderr {
                std::io::stderr().is_terminal()
            } else {
                std::io::stdout().is_terminal()
            };
            let color = args.output_file.is_none() && use_color(args.color, terminal);
            let mut out = Vec::new();
            write_human(args, results, color, &mut out).expect("writing to memory cannot fail");
            out
        }
        Format::Json => json::render(results).into_bytes(),
        Format::Sarif => sarif::render(results, registry).into_bytes(),
        Format::Github => github::render(results).into_bytes(),
        Format::Junit => junit::render(results).into_bytes(),
        Format::Checkstyle => checkstyle::render(results).into_bytes(),
        Format::Compact => compact::render(results).into_bytes(),
    };
    let written = write_output(args.output_file.as_deref(), &rendered, to_stderr);

    let mut stderr = std::io::stderr().lock();
    print_file_errors(&mut stderr, results);
    if !args.quiet {
        for (path, reason) in results.skipped() {
            let _ = writeln!(stderr, "note: skipped {}: {reason}", path.display());
        }
    }
    if let Err((path, error)) = written {
        let _ = writeln!(stderr, "error: cannot write {}: {error}", path.display());
        // A CI job that finds no report must not pass for want of findings.
        std::process::exit(i32::from(EXIT_RUN_FAILED));
    }
}

/// Writes the report to `--output-file` through a temporary file and a
/// rename, so a reader never sees half a report, or else to standard output.
fn write_output<'a>(
    output_file: Option<&'a Path>,
    report: &[u8],
    to_stderr: bool,
) -> Result<(), (&'a Path, std::io::Error)> {
    match output_file {
        Some(path) => {
            write_atomically(path, report, Existing::Replace).map_err(|error| (path, error))
        }
        None if to_stderr => {
            let _ = std::io::stderr().lock().write_all(report);
            Ok(())
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`redline check | head`) is not worth a panic.
            let _ = stdout.write_all(report).and_then(|()| stdout.flush());
            Ok(())
        }
    }
}

fn write_human(
    args: &CheckArgs,
    results: &RunResults,
    color: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let renderer = HumanRenderer::new(color);
    // Rendering is the costly part of human output; do it per file in
    // parallel, then print in path order.
    let rendered: Vec<String> = results
        .files
        .par_iter()
        .map(|report| match &report.outcome {
            FileOutcome::Linted(file) => renderer.render_file(file),
            _ => String::new(),
        })
        .collect();
    for text in rendered {
        out.write_all(text.as_bytes())?;
    }
    if !args.quiet {
        let summary = results.summary();
        writeln!(
            out,
            "{}, {}, {} in {}",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.infos, "info"),
            plural(summary.files, "file"),
        )?;
    }
    Ok(())
}

/// 2 when nothing could be linted; 1 for failing findings, too many
/// warnings, or files that could not be read; else 0.
fn exit_code(args: &CheckArgs, results: &RunResults, nothing_is_fine: bool) -> ExitCode {
    let linted_or_skipped = results
        .files
        .iter()
        .any(|report| !matches!(report.outcome, FileOutcome::Failed { .. }));
    let empty_by_design = nothing_is_fine && results.files.is_empty();
    if !(linted_or_skipped || empty_by_design) {
        if results.files.is_empty() && results.path_errors.is_empty() {
            eprintln!(
                "error: no files to lint: nothing matched {}",
                args.paths.join(" ")
            );
        }
        return ExitCode::from(EXIT_RUN_FAILED);
    }
    let summary = results.summary();
    let threshold = args.fail_on.threshold();
    let failing: usize = [
        redline_core::Severity::Error,
        redline_core::Severity::Warning,
        redline_core::Severity::Info,
    ]
    .into_iter()
    .filter(|&severity| severity >= threshold)
    .map(|severity| summary.count(severity))
    .sum();
    let too_many_warnings = args.max_warnings.is_some_and(|max| summary.warnings > max);
    if too_many_warnings && !args.quiet {
        eprintln!(
            "error: {} exceed --max-warnings {}",
            plural(summary.warnings, "warning"),
            args.max_warnings.unwrap_or_default()
        );
    }
    let has_errors = results.errors().next().is_some();
    if failing > 0 || too_many_warnings || has_errors {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
