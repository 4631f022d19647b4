//! From command-line paths to files, each with the config that governs it.

use redline_core::Registry;
use redline_core::config::{CONFIG_FILE_NAMES, Config, ConfigError, Selection};
use redline_core::engine::Job;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// How each file finds its configuration.
pub enum ConfigSource {
    /// Nearest `redline.toml` or `.redline.toml` up from the file's folder.
    Discover,
    /// `--config FILE` for every file.
    Fixed(PathBuf),
    /// `--isolated`: built-in defaults only.
    Isolated,
}

impl ConfigSource {
    /// From the `--config FILE` and `--isolated` flags.
    pub fn from_flags(config: Option<&Path>, isolated: bool) -> Self {
        match (config, isolated) {
            (Some(path), _) => ConfigSource::Fixed(path.to_owned()),
            (None, true) => ConfigSource::Isolated,
            (None, false) => ConfigSource::Discover,
        }
    }
}

/// Finds and caches configs; each config file is parsed once per run.
pub struct ConfigResolver<'r> {
    registry: &'r Registry,
    selection: Selection,
    cwd: PathBuf,
    source: ConfigSource,
    /// Loaded configs by config file path (`None`: the defaults).
    loaded: HashMap<Option<PathBuf>, Arc<Config>>,
    /// Which config file governs each folder seen so far.
    by_folder: HashMap<PathBuf, Option<PathBuf>>,
}

impl<'r> ConfigResolver<'r> {
    pub fn new(registry: &'r Registry, selection: Selection, source: ConfigSource) -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self {
            registry,
            selection,
            cwd,
            source,
            loaded: HashMap::new(),
            by_folder: HashMap::new(),
        }
    }

    /// Every rule known to the run: the built-in ones and those the loaded
    /// configs add (plugins, `[[custom]]`).
    pub fn registry(&self) -> Registry {
        let mut registry = self.registry.clone();
        for config in self.loaded.values() {
            for rule in config.registry().iter() {
                // The same plugin listed by two configs gives the same ids.
                let _ = registry.insert(rule.clone());
            }
        }
        registry
    }

    /// Plugins the loaded configs list but could not use, with the config
    /// that lists each (relative to the working directory when inside it).
    pub fn plugin_errors(&self) -> Vec<(PathBuf, String)> {
        let mut errors: Vec<(PathBuf, String)> = self
            .loaded
            .values()
            .flat_map(|config| {
                let path = config.path().unwrap_or(Path::new("."));
                let shown = path.strip_prefix(&self.cwd).unwrap_or(path).to_owned();
                config
                    .plugin_errors()
                    .iter()
                    .map(move |message| (shown.clone(), message.clone()))
            })
            .collect();
        errors.sort();
        errors
    }

    pub fn absolute(&self, path: &Path) -> PathBuf {
        normalize(&self.cwd.join(path))
    }

    /// The config for files in `folder` (an absolute path).
    pub fn config_for_folder(&mut self, folder: &Path) -> Result<Arc<Config>, ConfigError> {
        let file = match &self.source {
            ConfigSource::Isolated => None,
            ConfigSource::Fixed(path) => Some(self.absolute(path)),
            ConfigSource::Discover => self.nearest_config_file(folder),
        };
        self.load(file)
    }

    fn nearest_config_file(&mut self, folder: &Path) -> Option<PathBuf> {
        let mut visited = Vec::new();
        let mut found = None;
        for ancestor in folder.ancestors() {
            if let Some(known) = self.by_folder.get(ancestor) {
                found = known.clone();
                break;
            }
            visited.push(ancestor.to_owned());
            if let Some(file) = CONFIG_FILE_NAMES
                .iter()
                .map(|name| ancestor.join(name))
                .find(|candidate| candidate.is_file())
            {
                found = Some(file);
                break;
            }
        }
        for folder in visited {
            self.by_folder.insert(folder, found.clone());
        }
        found
    }

    fn load(&mut self, file: Option<PathBuf>) -> Result<Arc<Config>, ConfigError> {
        if let Some(config) = self.loaded.get(&file) {
            return Ok(config.clone());
        }
        let mut config = match &file {
            Some(path) => Config::load(path, self.registry)?,
            None => Config::defaults(&self.cwd, self.registry),
        };
        config.apply_selection(&self.selection);
        let config = Arc::new(config);
        self.loaded.insert(file, config.clone());
        Ok(config)
    }
}

/// Files to lint, and the problems met while finding them.
#[derive(Default)]
pub struct Discovery {
    pub jobs: Vec<Job>,
    /// Paths that do not exist or could not be walked.
    pub errors: Vec<(PathBuf, String)>,
}

/// A document read from standard input (the argument `-`).
pub struct StdinInput {
    pub bytes: Arc<[u8]>,
    /// `--stdin-filename`: the path it stands for, for config discovery,
    /// globs and output.
    pub filename: Option<PathBuf>,
}

/// Expands command-line arguments into lint jobs, sorted by path.
pub fn discover(
    arguments: &[String],
    resolver: &mut ConfigResolver<'_>,
    mut stdin: Option<StdinInput>,
) -> Result<Discovery, ConfigError> {
    let mut discovery = Discovery::default();
    let mut seen = HashSet::new();
    for argument in arguments {
        let path = Path::new(argument);
        if argument == "-" {
            if let Some(input) = stdin.take() {
                discovery.jobs.push(stdin_job(input, resolver)?);
            }
        } else if path.exists() {
            add_path(path, true, resolver, &mut discovery, &mut seen)?;
        } else if is_glob(argument) {
            expand_glob(argument, resolver, &mut discovery, &mut seen)?;
        } else {
            discovery
                .errors
                .push((path.to_owned(), "no such file or directory".to_owned()));
        }
    }
    discovery.jobs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(discovery)
}

fn stdin_job(input: StdinInput, resolver: &mut ConfigResolver<'_>) -> Result<Job, ConfigError> {
    let shown = input.filename.unwrap_or_else(|| PathBuf::from("-"));
    let absolute = resolver.absolute(&shown);
    let folder = absolute
        .parent()
        .map_or_else(|| resolver.cwd.clone(), Path::to_owned);
    let config = resolver.config_for_folder(&folder)?;
    let relative = relative_to(&absolute, config.root(), resolver);
    Ok(Job {
        path: display_path(&shown),
        relative,
        config,
        content: Some(input.bytes),
    })
}

fn is_glob(argument: &str) -> bool {
    argument.contains(['*', '?', '['])
}

fn expand_glob(
    pattern: &str,
    resolver: &mut ConfigResolver<'_>,
    discovery: &mut Discovery,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), ConfigError> {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(error) => {
            discovery.errors.push((
                PathBuf::from(pattern),
                format!("invalid glob pattern: {error}"),
            ));
            return Ok(());
        }
    };
    let mut matched = false;
    for entry in paths {
        match entry {
            Ok(path) => {
                matched = true;
                add_path(&path, true, resolver, discovery, seen)?;
            }
            Err(error) => discovery
                .errors
                .push((error.path().to_owned(), error.error().to_string())),
        }
    }
    if !matched {
        discovery.errors.push((
            PathBuf::from(pattern),
            "the pattern matched no files".to_owned(),
        ));
    }
    Ok(())
}

/// Adds a file named directly (linted whatever its extension, unless its
/// config excludes it), or walks a directory.
fn add_path(
    path: &Path,
    explicit: bool,
    resolver: &mut ConfigResolver<'_>,
    discovery: &mut Discovery,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), ConfigError> {
    if path.is_dir() {
        return walk(path, resolver, discovery, seen);
    }
    let absolute = resolver.absolute(path);
    let folder = absolute.parent().unwrap_or(Path::new("/"));
    let config = resolver.config_for_folder(folder)?;
    let relative = relative_to(&absolute, config.root(), resolver);
    let wanted = if explicit {
        !config.excludes(&relative)
    } else {
        config.includes(&relative)
    };
    if wanted && seen.insert(absolute) {
        discovery.jobs.push(Job {
            path: display_path(path),
            relative,
            config,
            content: None,
        });
    }
    Ok(())
}

fn walk(
    root: &Path,
    resolver: &mut ConfigResolver<'_>,
    discovery: &mut Discovery,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), ConfigError> {
    // Prune folders the root's config excludes; a nested config's own
    // excludes apply file by file.
    let root_config = resolver.config_for_folder(&resolver.absolute(root))?;
    let config_root = root_config.root().to_owned();
    let cwd = resolver.cwd.clone();
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .add_custom_ignore_filename(".redlineignore")
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if !is_dir || entry.depth() == 0 {
                return true;
            }
            let absolute = normalize(&cwd.join(entry.path()));
            let relative = absolute.strip_prefix(&config_root).unwrap_or(&absolute);
            !root_config.excludes(relative)
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                add_path(entry.path(), false, resolver, discovery, seen)?;
            }
            Ok(_) => {}
            Err(error) => {
                let path = walk_error_path(&error).unwrap_or_else(|| root.to_owned());
                discovery.errors.push((path, error.to_string()));
            }
        }
    }
    Ok(())
}

fn walk_error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        _ => None,
    }
}

fn relative_to(absolute: &Path, root: &Path, resolver: &ConfigResolver<'_>) -> PathBuf {
    let root = resolver.absolute(root);
    absolute
        .strip_prefix(&root)
        .map(Path::to_owned)
        .unwrap_or_else(|_| absolute.to_owned())
}

/// `./examples/a.txt` is shown as `examples/a.txt`.
fn display_path(path: &Path) -> PathBuf {
    path.strip_prefix(".")
        .map(Path::to_owned)
        .unwrap_or_else(|_| path.to_owned())
}

/// Removes `.` and resolves `..` lexically, without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
