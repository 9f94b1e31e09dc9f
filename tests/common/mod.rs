//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The files in `folder` whose names end with `suffix`, sorted.
pub fn files_ending_with(folder: &str, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("{folder}: {error}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}
