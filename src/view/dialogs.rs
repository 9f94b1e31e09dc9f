//! The system's file dialogs behind a small trait, so tests choose files without ever
//! opening a window of the operating system.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// Asking the analyst for a file.
pub trait Dialogs {
    /// A case file to open; `None` when the analyst cancels.
    fn choose_case_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to save; `None` when the analyst cancels.
    fn choose_where_to_save(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
    /// Where to write a figure (PNG, SVG or PDF); `None` when the analyst cancels.
    fn choose_figure_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf>;
}

/// The operating system's dialogs (through the desktop portal on Linux).
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn choose_case_to_open(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title("Open a case").add_filter("Case files", &["json"]);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.pick_file()
    }

    fn choose_where_to_save(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save the case")
            .add_filter("Case files", &["json"])
            .set_file_name(suggested_name);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file()
    }

    fn choose_figure_path(&mut self, suggested_name: &str, folder: Option<&Path>) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Export a figure")
            .add_filter("PNG image", &["png"])
            .add_filter("SVG drawing", &["svg"])
            .add_filter("PDF document", &["pdf"])
            .set_file_name(suggested_name);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        dialog.save_file()
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
}
