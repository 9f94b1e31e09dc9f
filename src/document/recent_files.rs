//! The cases opened lately, newest first, kept in the app's data folder between runs.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic_file::{WriteError, replace_atomically};

/// How many recent files the File menu lists.
pub const RECENT_FILES_KEPT: usize = 10;
/// The file in the data folder that keeps the list.
pub const RECENT_FILES_NAME: &str = "recent-files.json";

/// The recently opened case files, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFiles {
    /// Paths, newest first, no repeats.
    pub paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// The list kept in `data_folder`; empty when there is none or it cannot be read (the list
    /// is a convenience, never worth an error at start-up).
    pub fn load(data_folder: &Path) -> Self {
        fs::read(data_folder.join(RECENT_FILES_NAME))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Keeps the list in `data_folder`.
    pub fn store(&self, data_folder: &Path) -> Result<(), WriteError> {
        let path = data_folder.join(RECENT_FILES_NAME);
        fs::create_dir_all(data_folder).map_err(|cause| WriteError {
            path: path.clone(),
            stage: super::atomic_file::SaveStage::CreateTemporary,
            cause,
        })?;
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        replace_atomically(&path, text.as_bytes())
    }

    /// Puts `path` first.
    pub fn add(&mut self, path: &Path) {
        self.paths.retain(|known| known != path);
        self.paths.insert(0, path.to_path_buf());
        self.paths.truncate(RECENT_FILES_KEPT);
    }

    /// Forgets `path` (it could not be opened).
    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|known| known != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_comes_first_without_repeats_and_the_list_survives_a_restart() {
        let data = tempfile::tempdir().expect("a temporary folder");
        let mut recent = RecentFiles::load(data.path());
        assert!(recent.paths.is_empty());
        for name in ["a", "b", "a"] {
            recent.add(Path::new(name));
        }
        assert_eq!(recent.paths, [PathBuf::from("a"), PathBuf::from("b")]);
        for index in 0..20 {
            recent.add(&PathBuf::from(index.to_string()));
        }
        assert_eq!(recent.paths.len(), RECENT_FILES_KEPT);
        recent.store(data.path()).expect("stored");
        assert_eq!(RecentFiles::load(data.path()), recent);
    }
}
