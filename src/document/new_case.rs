//! Starting a case: an empty case file, with the `sources/` folder beside it that added
//! documents go into. An existing file is never overwritten.

use std::path::{Path, PathBuf};

use super::atomic_file::{WriteError, write_atomically};
use crate::ingest::store::SOURCES_FOLDER;
use crate::model::{Case, CaseInfo, SaveError, case_to_json};

/// Why a case could not be started; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum NewCaseError {
    /// The title is blank.
    #[error("a case needs a title")]
    NoTitle,
    /// The name does not end in `.json`.
    #[error("{}: a case file's name ends in .case.json, such as bearings.case.json", .0.display())]
    NotJson(PathBuf),
    /// A file is already there.
    #[error("{} already exists; casegraph will not overwrite it. Choose another name", .0.display())]
    Exists(PathBuf),
    /// The `sources/` folder could not be made.
    #[error("cannot create the folder {}: {cause}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        cause: std::io::Error,
    },
    /// The case could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The case could not be encoded.
    #[error(transparent)]
    Encode(#[from] SaveError),
}

/// Writes a new case titled `title` to `path`, with a `sources/` folder beside it.
pub fn create_case_file(path: &Path, title: &str, summary: Option<&str>) -> Result<Case, NewCaseError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(NewCaseError::NoTitle);
    }
    if !path.to_string_lossy().ends_with(".json") {
        return Err(NewCaseError::NotJson(path.to_owned()));
    }
    if path.exists() {
        return Err(NewCaseError::Exists(path.to_owned()));
    }
    let summary = summary.map(str::trim).filter(|summary| !summary.is_empty()).map(str::to_owned);
    let case = Case { info: CaseInfo { title: title.to_owned(), summary, ..CaseInfo::default() }, ..Case::default() };
    let text = case_to_json(&case)?;
    let sources = super::folder_of(path).join(SOURCES_FOLDER);
    std::fs::create_dir_all(&sources).map_err(|cause| NewCaseError::Folder { path: sources, cause })?;
    write_atomically(path, text.as_bytes())?;
    Ok(case)
}
