//! The system's file dialogs behind a small trait, so tests choose files without ever
//! opening a window of the operating system.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::ingest::SOURCE_EXTENSIONS;

/// Asking the analyst for a file.
pub trait Dialogs {
    /// A case file to open; `None` when the analyst cancels.
    fn choose_case_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to save; `None` when the analyst cancels.
    fn choose_where_to_save(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to write a figure (PNG, SVG or PDF); `None` when the analyst cancels.
    fn choose_figure_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to write a screenshot of the window (PNG); `None` when the analyst cancels.
    fn choose_screenshot_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to write the story (PDF, HTML, or an SVG or PNG per step); `None` when the
    /// analyst cancels.
    fn choose_story_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
    /// Documents to add as sources; empty when the analyst cancels.
    fn choose_sources(&mut self, folder: Option<&Path>) -> Vec<PathBuf>;
    /// Another tool's file to import (for spreadsheets, `entities.csv` or `links.csv`);
    /// `None` when the analyst cancels.
    fn choose_file_to_import(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to write the case in another tool's format; `None` when the analyst cancels.
    fn choose_export_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
}

/// The formats File → Import… and File → Export as… offer, as dialog filters.
const EXCHANGE_FILES: [(&str, &[&str]); 5] = [
    ("FollowTheMoney entities", &["ftm", "ijson", "jsonl"]),
    ("Aleph network diagram", &["vis", "json"]),
    ("GEXF (Gephi)", &["gexf"]),
    ("GraphML", &["graphml"]),
    ("Spreadsheets (entities.csv and links.csv)", &["csv"]),
];

/// The operating system's dialogs (through the desktop portal on Linux).
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeDialogs;

/// A system dialog titled `title`, offering `filters` (name, extensions), opening in `folder`.
fn native_dialog(title: &str, filters: &[(&str, &[&str])], folder: Option<&Path>) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new().set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// The filter for case files.
const CASE_FILES: (&str, &[&str]) = ("Case files", &["json"]);

impl Dialogs for NativeDialogs {
    fn choose_case_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        native_dialog("Open a case", &[CASE_FILES], folder).pick_file()
    }

    fn choose_where_to_save(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        native_dialog("Save the case", &[CASE_FILES], folder).set_file_name(suggested_name).save_file()
    }

    fn choose_figure_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        let filters: [(&str, &[&str]); 3] =
            [("PNG image", &["png"]), ("SVG drawing", &["svg"]), ("PDF document", &["pdf"])];
        native_dialog("Export a figure", &filters, folder).set_file_name(suggested_name).save_file()
    }

    fn choose_screenshot_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        native_dialog("Save a screenshot", &[("PNG image", &["png"])], folder).set_file_name(suggested_name).save_file()
    }

    fn choose_story_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        let filters: [(&str, &[&str]); 4] = [
            ("PDF document", &["pdf"]),
            ("Web page", &["html"]),
            ("An SVG drawing per step", &["svg"]),
            ("A PNG image per step", &["png"]),
        ];
        native_dialog("Export the story", &filters, folder).set_file_name(suggested_name).save_file()
    }

    fn choose_sources(&mut self, folder: Option<&Path>) -> Vec<PathBuf> {
        let extensions: Vec<&str> = SOURCE_EXTENSIONS.iter().map(|(extension, _)| *extension).collect();
        let documents: (&str, &[&str]) = ("Documents", &extensions);
        // `None` is the analyst cancelling: no documents chosen.
        native_dialog("Add sources", &[documents], folder).pick_files().unwrap_or_default()
    }

    fn choose_file_to_import(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        native_dialog("Import", &EXCHANGE_FILES, folder).pick_file()
    }

    fn choose_export_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        // Spreadsheets go in a folder: a name without an extension.
        native_dialog("Export as", &EXCHANGE_FILES[..4], folder).set_file_name(suggested_name).save_file()
    }
}

/// Answers given in advance, for tests: each request takes the next answer, or cancels when
/// there is none.
#[derive(Clone, Debug, Default)]
pub struct ScriptedDialogs {
    /// Answers to "open", in order.
    pub to_open: VecDeque<PathBuf>,
    /// Answers to "save as", in order.
    pub to_save: VecDeque<PathBuf>,
    /// Answers to "export a figure", in order.
    pub to_export: VecDeque<PathBuf>,
    /// Answers to "save a screenshot", in order.
    pub to_screenshot: VecDeque<PathBuf>,
    /// Answers to "add sources", in order.
    pub to_add_as_sources: VecDeque<Vec<PathBuf>>,
    /// Answers to "export the story", in order.
    pub to_export_story: VecDeque<PathBuf>,
    /// Answers to "import", in order.
    pub to_import: VecDeque<PathBuf>,
    /// Answers to "export as", in order.
    pub to_export_as: VecDeque<PathBuf>,
}

impl Dialogs for ScriptedDialogs {
    fn choose_case_to_open(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_open.pop_front()
    }

    fn choose_where_to_save(&mut self, _suggested_name: &str, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_save.pop_front()
    }

    fn choose_figure_path(&mut self, _suggested_name: &str, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_export.pop_front()
    }

    fn choose_screenshot_path(&mut self, _suggested_name: &str, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_screenshot.pop_front()
    }

    fn choose_sources(&mut self, _folder: Option<&Path>) -> Vec<PathBuf> {
        self.to_add_as_sources.pop_front().unwrap_or_default()
    }

    fn choose_story_path(&mut self, _suggested_name: &str, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_export_story.pop_front()
    }

    fn choose_file_to_import(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_import.pop_front()
    }

    fn choose_export_path(&mut self, _suggested_name: &str, _folder: Option<&Path>) -> Option<PathBuf> {
        self.to_export_as.pop_front()
    }
}
