//! What the window shows (a case, or why one could not be opened) and what the app needs
//! from the machine it runs on.

use std::path::{Path, PathBuf};

use super::super::case_panels::CasePanels;
use super::super::dialogs::{Dialogs, ScriptedDialogs};
use super::super::open_case::OpenCase;
use crate::document::{Document, file_name};
use crate::model::{DocumentStore, LoadReport, documents_beside, load_case_file};

/// What the window shows.
pub enum Content {
    /// A case that opened, and what its panels remember between frames.
    Open(Box<OpenCase>, Box<CasePanels>),
    /// A case that could not be opened, with the report saying why.
    Failed {
        /// The file that was asked for.
        file: String,
        /// Every problem, with file, line and column.
        report: String,
    },
}

impl Content {
    /// The bundled sample case, with its source texts for showing quotes in context. It has
    /// no file: saving it asks where to.
    pub fn from_sample() -> Self {
        let report = crate::sample::load_sample();
        Self::from_report(report, None, Box::new(crate::sample::sample_documents()))
    }

    /// The case at `path`, or the report of why it cannot be opened.
    pub fn from_file(path: &Path) -> Self {
        Self::from_report(load_case_file(path), Some(path), Box::new(documents_beside(path)))
    }

    /// The open case, if one opened.
    pub fn open_case(&self) -> Option<&OpenCase> {
        match self {
            Content::Open(open, _) => Some(open),
            Content::Failed { .. } => None,
        }
    }

    /// `open` on screen, with its panels fresh.
    pub fn open(open: OpenCase) -> Self {
        Content::Open(Box::new(open), Box::default())
    }

    fn from_report(report: LoadReport, file: Option<&Path>, documents: Box<dyn DocumentStore>) -> Self {
        let name = file_name(Path::new(&report.file));
        match report.into_result() {
            Ok((case, warnings)) => {
                let document = Document::new(case, file.map(Path::to_path_buf), name, documents, warnings);
                Content::open(OpenCase::new(document))
            }
            Err(error) => Content::Failed { file: error.file.clone(), report: error.to_string() },
        }
    }
}

/// Why an item could not be selected by its id.
#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    /// No case opened.
    #[error("no case is open")]
    NoCase,
    /// The case has no node or link of that id.
    #[error("no node or link in the case has the id `{0}`")]
    NoSuchItem(String),
}

/// What the app needs from the machine it runs on, so tests can give stand-ins.
pub struct Services {
    /// File dialogs.
    pub dialogs: Box<dyn Dialogs>,
    /// Where the recent-files list and autosaved copies are kept; `None` keeps neither.
    pub data_folder: Option<PathBuf>,
}

impl Default for Services {
    /// No dialogs (every request is cancelled) and no data folder.
    fn default() -> Self {
        Self { dialogs: Box::new(ScriptedDialogs::default()), data_folder: None }
    }
}
