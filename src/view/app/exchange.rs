//! File → Import… and File → Export as…: another tool's file read, previewed and joined to
//! the open case as one undo step; the case written in another tool's format.

use std::path::{Path, PathBuf};

use super::super::import_dialog::{self, ImportAnswer, ImportPreview};
use super::super::prompt::Prompt;
use super::{CaseApp, Content};
use crate::document::replace_atomically;
use crate::exchange::{
    FileFormat, import_file, plan_merge, read_csv_folder, sheets_folder, unverified_quotes, write_case,
};
use crate::model::{Case, ExchangeFormat, Position};

/// Reads `path` for importing: a spreadsheet chosen as one of its two sheets reads the folder.
fn read_for_import(path: &Path) -> Result<(crate::exchange::Imported, Vec<crate::exchange::SheetMapping>), String> {
    let format = match FileFormat::of_path(path) {
        Some(FileFormat::Exchange(format)) => format,
        Some(FileFormat::Case) => return Err(format!("{}: is a case file; open it with File → Open", path.display())),
        None => return Err(format!("{}: {}", path.display(), crate::exchange::FORMATS_HELP)),
    };
    if format == ExchangeFormat::Csv {
        let sheets = read_csv_folder(sheets_folder(path)).map_err(|error| error.to_string())?;
        return Ok((sheets.imported, sheets.sheets));
    }
    import_file(path, format).map(|imported| (imported, Vec::new())).map_err(|error| error.to_string())
}

impl CaseApp {
    /// File → Import…: asks for a file, then previews it.
    pub(super) fn choose_import(&mut self) {
        let Content::Open(open, _) = &self.content else { return };
        let folder = open.document.file().and_then(Path::parent).map(Path::to_path_buf);
        if let Some(path) = self.services.dialogs.choose_file_to_import(folder.as_deref()) {
            self.preview_import(&path);
        }
    }

    /// Reads `path` for importing into the open case and shows what it gave; a file that
    /// cannot be read at all is reported and nothing changes.
    pub fn preview_import(&mut self, path: &Path) {
        let Content::Open(open, _) = &self.content else { return };
        match read_for_import(path) {
            Ok((imported, sheets)) => {
                let document = &open.document;
                let plan = plan_merge(document.case(), &imported.case);
                let unverified = unverified_quotes(document.case(), &plan, document.documents());
                let planned_at = document.facts_revision();
                self.import_preview = Some(ImportPreview { imported, sheets, plan, unverified, planned_at });
            }
            Err(message) => self.prompt = Some(Prompt::Report { title: "Nothing was imported".into(), message }),
        }
    }

    /// The import preview, while it is open; Import joins the file to the case.
    pub(super) fn show_import_preview(&mut self, ctx: &egui::Context) {
        let Some(preview) = &self.import_preview else { return };
        match import_dialog::show(ctx, preview) {
            Some(ImportAnswer::Cancel) => self.import_preview = None,
            Some(ImportAnswer::Import) => {
                let Some(preview) = self.import_preview.take() else { return };
                let Content::Open(open, _) = &mut self.content else { return };
                // The case changed under the open preview (an edit from the menu): plan again.
                let plan = if open.document.facts_revision() == preview.planned_at {
                    preview.plan
                } else {
                    plan_merge(open.document.case(), &preview.imported.case)
                };
                if plan.is_empty() {
                    let message = "Everything in the file is in the case already.".to_owned();
                    self.prompt = Some(Prompt::Report { title: "Nothing was imported".into(), message });
                } else if let Err(error) = open.document.join_import(plan) {
                    let message = format!("The case is as it was: {error}");
                    self.prompt = Some(Prompt::Report { title: "Nothing was imported".into(), message });
                }
            }
            None => {}
        }
    }

    /// File → Export as…: the case in another tool's format, chosen by the name, with the
    /// arrangement on screen; a failure is reported.
    pub(super) fn export_as(&mut self) {
        let Content::Open(open, _) = &self.content else { return };
        let document = &open.document;
        let stem = document.name().strip_suffix(".case.json").unwrap_or(document.name()).to_owned();
        let folder = document.file().and_then(Path::parent).map(Path::to_path_buf);
        let Some(path) = self.services.dialogs.choose_export_path(&format!("{stem}.gexf"), folder.as_deref()) else {
            return;
        };
        let mut case = document.case().clone();
        place_as_shown(&mut case, document.layout().positions());
        if let Err(message) = write_exchange(&case, &path) {
            self.prompt = Some(Prompt::Report { title: "The case was not exported".into(), message });
        }
    }
}

/// Puts every node where the window shows it, keeping pins.
fn place_as_shown(case: &mut Case, positions: &[[f32; 2]]) {
    for (node, [x, y]) in case.nodes.iter().zip(positions) {
        let pinned = case.layout.positions.get(&node.id).is_some_and(|position| position.pinned);
        case.layout.positions.insert(node.id.clone(), Position { x: f64::from(*x), y: f64::from(*y), pinned });
    }
}

/// Writes `case` in the format `path` names.
fn write_exchange(case: &Case, path: &Path) -> Result<(), String> {
    let format = match FileFormat::of_path(path) {
        Some(FileFormat::Exchange(format)) => format,
        Some(FileFormat::Case) => return Err("to write a case file, use File → Save as…".to_owned()),
        None => return Err(format!("{}: {}", path.display(), crate::exchange::FORMATS_HELP)),
    };
    let files: Vec<(PathBuf, String)> = write_case(case, format, path).map_err(|error| error.to_string())?;
    if format == ExchangeFormat::Csv {
        std::fs::create_dir_all(path)
            .map_err(|error| format!("{}: cannot make the folder: {error}", path.display()))?;
    }
    files
        .iter()
        .try_for_each(|(path, text)| replace_atomically(path, text.as_bytes()).map_err(|error| error.to_string()))
}
