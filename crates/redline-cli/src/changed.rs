//! `--changed-since REF` and `--changed-lines`: lint what a pull request
//! touches, asking git what changed.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files changed against a git ref (committed, staged, unstaged, or new
/// and untracked), with their changed lines when asked for.
#[derive(Debug, Default)]
pub struct Changes {
    /// Absolute path → changed 1-based line ranges in the current file;
    /// `None` when every line counts (a new file, or lines not asked for).
    files: HashMap<PathBuf, Option<Vec<RangeInclusive<usize>>>>,
}

impl Changes {
    /// Asks git in `cwd` what changed since `reference`.
    pub fn since(reference: &str, cwd: &Path, with_lines: bool) -> Result<Changes, String> {
        let root = PathBuf::from(git(cwd, &["rev-parse", "--show-toplevel"])?.trim());
        let mut changes = Changes::default();
        // Paths from `git diff` are relative to the repository root.
        let listed = git(
            cwd,
            &[
                "diff",
                "--name-only",
                "--no-renames",
                "--diff-filter=d",
                reference,
                "--",
            ],
        )?;
        for path in listed.lines().filter(|line| !line.is_empty()) {
            changes.files.insert(root.join(path), None);
        }
        let untracked = git(
            cwd,
            &["ls-files", "--others", "--exclude-standard", "--full-name"],
        )?;
        for path in untracked.lines().filter(|line| !line.is_empty()) {
            changes.files.insert(root.join(path), None);
        }
        if with_lines {
            let diff = git(
                cwd,
                &["diff", "-U0", "--no-renames", "--no-color", reference, "--"],
            )?;
            for (path, ranges) in changed_lines(&diff) {
                changes.files.insert(root.join(path), Some(ranges));
            }
        }
        Ok(changes)
    }

    pub fn contains(&self, absolute: &Path) -> bool {
        self.files.contains_key(absolute)
    }

    /// Whether a 1-based line of a file counts as changed.
    pub fn line_changed(&self, absolute: &Path, line: usize) -> bool {
        match self.files.get(absolute) {
            Some(None) => true,
            Some(Some(ranges)) => ranges.iter().any(|range| range.contains(&line)),
            None => false,
        }
    }
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("git {} failed: {}", args.join(" "), stderr.trim()));
    }
    String::from_utf8(output.stdout).map_err(|_| "git printed a path that is not UTF-8".to_owned())
}

/// Changed line ranges of the new side of a `git diff -U0`, by file.
fn changed_lines(diff: &str) -> Vec<(String, Vec<RangeInclusive<usize>>)> {
    let mut files: Vec<(String, Vec<RangeInclusive<usize>>)> = Vec::new();
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ b/") {
            files.push((path.to_owned(), Vec::new()));
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            // `@@ -12,3 +14,2 @@`: two lines from line 14 of the new file.
            let Some(new_side) = hunk.split(' ').find_map(|part| part.strip_prefix('+')) else {
                continue;
            };
            let (start, count) = match new_side.split_once(',') {
                Some((start, count)) => (start.parse().unwrap_or(0), count.parse().unwrap_or(0)),
                None => (new_side.parse().unwrap_or(0), 1),
            };
            if let Some((_, ranges)) = files.last_mut() {
                if count > 0 {
                    ranges.push(start..=start + count - 1);
                }
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_the_new_sides_lines() {
        let diff = "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1,2 @@\n-x\n+y\n+z\n@@ -9,2 +10,0 @@\n-gone\n-gone\n@@ -20 +19 @@\n-a\n+b\ndiff --git a/b c.md b/b c.md\n--- /dev/null\n+++ b/b c.md\n@@ -0,0 +1,3 @@\n+new\n";
        assert_eq!(
            changed_lines(diff),
            [
                ("a.txt".to_owned(), vec![1..=2, 19..=19]),
                ("b c.md".to_owned(), vec![1..=3]),
            ]
        );
    }
}
