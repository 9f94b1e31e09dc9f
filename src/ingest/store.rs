//! Writing a source's text, and the file it came from, into the `sources/` folder beside the
//! case. An existing file is never overwritten: a name in use gets a number. Until the case
//! itself is saved, the files can be taken back with [`StoredFiles::discard`], so a source that
//! fails to be added leaves nothing behind.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::new_ids::slug;

/// The folder beside the case file that holds its sources.
pub const SOURCES_FOLDER: &str = "sources";

/// The longest file name stem made for a source.
const MAX_STEM_LENGTH: usize = 60;

/// The most sources of one name in a folder (`name.txt` … `name-9999.txt`).
const MAX_NUMBER: u32 = 9999;

/// Why the files of a source could not be written; nothing of them is left on disk.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {cause}", path.display())]
pub struct StoreError {
    /// The file or folder being written.
    pub path: PathBuf,
    /// What the system said.
    pub cause: std::io::Error,
}

/// The files just written for one source, named relative to the case's folder.
#[derive(Debug)]
pub struct StoredFiles {
    written: Vec<PathBuf>,
    /// The UTF-8 text, as the case's `document` names it (`sources/…`, forward slashes).
    pub document: String,
    /// The file it came from, when kept beside the text.
    pub original: Option<String>,
}

impl StoredFiles {
    /// Removes the files again: the case could not take the source.
    pub fn discard(self) {
        for path in &self.written {
            // Best effort: the file was ours a moment ago; if it cannot go, it harms nothing.
            let _removed: std::io::Result<()> = std::fs::remove_file(path);
        }
    }

    /// Keeps the files: the case now names them.
    pub fn keep(self) {}
}

/// The file a source's text came from, to keep beside it.
#[derive(Clone, Copy, Debug)]
pub struct OriginalFile<'a> {
    /// Its name, for the stored name and extension.
    pub file_name: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// Writes `text` (and `original`, unless it is the same bytes) into `sources/` under
/// `case_folder`, named after `name_hint`.
pub fn store_source_files(
    case_folder: &Path,
    name_hint: &str,
    text: &str,
    original: Option<OriginalFile<'_>>,
) -> Result<StoredFiles, StoreError> {
    let folder = case_folder.join(SOURCES_FOLDER);
    std::fs::create_dir_all(&folder).map_err(|cause| StoreError { path: folder.clone(), cause })?;
    let original = original.filter(|original| original.bytes != text.as_bytes());
    let mut stem = slug(name_hint, MAX_STEM_LENGTH);
    if stem.is_empty() {
        stem = "source".to_owned();
    }
    let original_extension = original.map(|original| extension_for_original(original.file_name));
    for number in 1..=MAX_NUMBER {
        let numbered = if number == 1 { stem.clone() } else { format!("{stem}-{number}") };
        let text_name = format!("{numbered}.txt");
        let original_name = original_extension.as_ref().map(|extension| format!("{numbered}.{extension}"));
        let mut stored = StoredFiles {
            written: Vec::new(),
            document: format!("{SOURCES_FOLDER}/{text_name}"),
            original: original_name.as_ref().map(|name| format!("{SOURCES_FOLDER}/{name}")),
        };
        let mut write_both = || -> Result<bool, StoreError> {
            if !write_new(&folder.join(&text_name), text.as_bytes(), &mut stored)? {
                return Ok(false);
            }
            match (original, &original_name) {
                (Some(original), Some(name)) => write_new(&folder.join(name), original.bytes, &mut stored),
                _ => Ok(true),
            }
        };
        match write_both() {
            Ok(true) => return Ok(stored),
            // A name in use: take back what was written and try the next number.
            Ok(false) => stored.discard(),
            Err(error) => {
                stored.discard();
                return Err(error);
            }
        }
    }
    let cause = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "every numbered name is in use");
    Err(StoreError { path: folder.join(format!("{stem}.txt")), cause })
}

/// The extension the original is stored with: its own, or `original.txt` beside the text.
fn extension_for_original(file_name: &str) -> String {
    let extension = Path::new(file_name).extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        None | Some("txt") => "original.txt".to_owned(),
        Some(other) => slug(other, 12).replace('-', ""),
    }
}

/// Creates `path` with `bytes`, synced to disk. `Ok(false)` when the name is already in use.
fn write_new(path: &Path, bytes: &[u8], stored: &mut StoredFiles) -> Result<bool, StoreError> {
    let error = |cause| StoreError { path: path.to_owned(), cause };
    let mut file: File = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(cause) if cause.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(cause) => return Err(error(cause)),
    };
    stored.written.push(path.to_owned());
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(error)?;
    Ok(true)
}
