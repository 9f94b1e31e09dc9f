//! The cases opened lately, newest first, kept in the app's data folder between runs.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic_file::{WriteError, create_folder_for, json_text, replace_atomically};

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

/// Why the recent-files list could not be read. The file is left as it is.
#[derive(Debug, thiserror::Error)]
pub enum RecentFilesError {
    /// The file is there but cannot be read.
    #[error("cannot read the list of recent files {}: {cause}", path.display())]
    Read {
        /// The list's file.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The file is not such a list.
    #[error("the list of recent files {} is damaged ({cause}); it will be replaced when a case is next opened", path.display())]
    Damaged {
        /// The list's file.
        path: PathBuf,
        /// Where and how it is not a list.
        cause: serde_json::Error,
    },
}

impl RecentFiles {
    /// The list kept in `data_folder`: empty when there is none yet, an error when there is
    /// one that cannot be read.
    pub fn load(data_folder: &Path) -> Result<Self, RecentFilesError> {
        let path = data_folder.join(RECENT_FILES_NAME);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(cause) if cause.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(cause) => return Err(RecentFilesError::Read { path, cause }),
        };
        serde_json::from_slice(&bytes).map_err(|cause| RecentFilesError::Damaged { path, cause })
    }

    /// Keeps the list in `data_folder`.
    pub fn store(&self, data_folder: &Path) -> Result<(), WriteError> {
        let path = data_folder.join(RECENT_FILES_NAME);
        let text = json_text(&path, self)?;
        create_folder_for(&path, data_folder)?;
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
        let mut recent = RecentFiles::load(data.path()).expect("no list yet is an empty list");
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
        assert_eq!(RecentFiles::load(data.path()).expect("the list"), recent);
    }

    #[test]
    fn a_damaged_list_is_an_error_naming_its_file() {
        let data = tempfile::tempdir().expect("a temporary folder");
        fs::write(data.path().join(RECENT_FILES_NAME), "{\"paths\": [").expect("a damaged list");
        let error = RecentFiles::load(data.path()).expect_err("not read as empty");
        let message = error.to_string();
        assert!(message.contains(RECENT_FILES_NAME) && message.contains("line 1"), "{message}");
    }

    /// A list that cannot be written as JSON leaves the list on disk as it was, instead of
    /// replacing it with an empty file.
    #[cfg(unix)]
    #[test]
    fn a_list_that_cannot_be_encoded_leaves_the_file_untouched() {
        use std::os::unix::ffi::OsStrExt as _;
        let data = tempfile::tempdir().expect("a temporary folder");
        let mut recent = RecentFiles::default();
        recent.add(Path::new("/cases/a.case.json"));
        recent.store(data.path()).expect("stored");
        let before = fs::read(data.path().join(RECENT_FILES_NAME)).expect("the list");
        recent.add(Path::new(std::ffi::OsStr::from_bytes(b"/cases/\xff.case.json")));
        let error = recent.store(data.path()).expect_err("a path that is not UTF-8 has no JSON form");
        assert_eq!(error.stage, super::super::SaveStage::Encode);
        assert_eq!(fs::read(data.path().join(RECENT_FILES_NAME)).expect("the list"), before);
    }
}
