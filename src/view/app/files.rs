//! The file commands (open, save, export, screenshots, quit) and the answers to prompts:
//! everything that replaces the open case or writes a file, never without asking when there
//! is unsaved work.

use std::path::Path;

use super::super::command::FileCommand;
use super::super::export_dialog::{self, ExportAnswer, ExportDialog};
use super::super::new_case_form::{self, NewCaseAnswer, NewCaseForm};
use super::super::open_case::OpenCase;
use super::super::prompt::{Answer, Pending, Prompt};
use super::super::window_screenshot::{PendingScreenshot, ScreenshotUse, write_png};
use super::{CaseApp, Content};
use crate::document::{Autosaved, Document, Edit, OrphanQuotes, UnreadableAutosave, create_case_file, file_name};
use crate::model::{DocumentStore, documents_beside};

impl CaseApp {
    pub(super) fn run_file_command(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::New => self.new_case_form = Some(NewCaseForm::default()),
            FileCommand::Open => self.request_open(Pending::ChooseAndOpen),
            FileCommand::OpenRecent(index) => {
                if let Some(path) = self.recent.paths.get(index).cloned() {
                    self.request_open(Pending::Open(path));
                }
            }
            FileCommand::Save => {
                self.save(false);
            }
            FileCommand::SaveAs => {
                self.save(true);
            }
            FileCommand::ExportStory => self.export_story(),
            FileCommand::Import => self.choose_import(),
            FileCommand::ExportAs => self.export_as(),
            FileCommand::ExportFigure => {
                if let Content::Open(open, panels) = &mut self.content {
                    self.export_dialog = Some(ExportDialog::new(open, panels.review.ledger(open)));
                }
            }
            FileCommand::AddSources => self.choose_sources(),
            FileCommand::PasteSource => self.paste_source(),
            FileCommand::CopyScreenshot => {
                self.window_screenshot = Some(PendingScreenshot::new(ScreenshotUse::Copy));
            }
            FileCommand::SaveScreenshot => {
                let stem = self.open_case().map_or("casegraph", |open| {
                    open.document.name().strip_suffix(".case.json").unwrap_or(open.document.name())
                });
                let suggested = format!("{stem} screenshot.png");
                let folder = self.open_case().and_then(|open| open.document.file()?.parent().map(Path::to_path_buf));
                if let Some(path) = self.services.dialogs.choose_screenshot_path(&suggested, folder.as_deref()) {
                    self.window_screenshot = Some(PendingScreenshot::new(ScreenshotUse::Save(path)));
                }
            }
            FileCommand::Quit => {
                if self.is_dirty() {
                    self.prompt = Some(Prompt::Unsaved { then: Pending::Quit });
                } else {
                    self.close(ctx);
                }
            }
        }
    }

    /// The New case form; on Create, asks where the file goes, starts the case there and
    /// opens it (asking first about unsaved work).
    pub(super) fn show_new_case_form(&mut self, ctx: &egui::Context) {
        let Some(form) = self.new_case_form.as_mut() else { return };
        match new_case_form::show(ctx, form) {
            Some(NewCaseAnswer::Cancel) => self.new_case_form = None,
            Some(NewCaseAnswer::Create) => {
                let title = form.title.trim().to_owned();
                if title.is_empty() {
                    form.error = Some("Give the case a title.".to_owned());
                    return;
                }
                let suggested = format!("{}.case.json", crate::model::new_ids::slug(&title, 40));
                let Some(path) = self.services.dialogs.choose_where_to_save(&suggested, None) else { return };
                let summary = form.summary.clone();
                match create_case_file(&path, &title, Some(&summary)) {
                    Ok(_) => {
                        self.new_case_form = None;
                        self.request_open(Pending::Open(path));
                    }
                    Err(error) => {
                        if let Some(form) = self.new_case_form.as_mut() {
                            form.error = Some(format!("The case was not started: {error}."));
                        }
                    }
                }
            }
            None => {}
        }
    }

    pub(super) fn show_export_dialog(&mut self, ctx: &egui::Context) {
        let (Some(mut dialog), Content::Open(open, _)) = (self.export_dialog.take(), &self.content) else { return };
        match export_dialog::show(ctx, &mut dialog, open) {
            Some(ExportAnswer::Cancel) => {}
            Some(ExportAnswer::Export) => {
                if !self.write_figure(&dialog) {
                    self.export_dialog = Some(dialog);
                }
            }
            None => self.export_dialog = Some(dialog),
        }
    }

    /// Copies or writes the picture of the window once it has arrived.
    pub(super) fn use_window_screenshot(&mut self, ctx: &egui::Context) {
        let Some((purpose, image)) = self.window_screenshot.as_mut().and_then(|pending| pending.step(ctx)) else {
            return;
        };
        self.window_screenshot = None;
        match purpose {
            ScreenshotUse::Copy => ctx.copy_image((*image).clone()),
            ScreenshotUse::Save(path) => {
                if let Err(error) = write_png(&path, &image) {
                    let message = error.to_string();
                    self.prompt = Some(Prompt::Report { title: "The screenshot was not written".into(), message });
                }
            }
        }
    }

    /// Asks where, then writes the figure. True once written; false keeps the dialog open
    /// (the file choice was cancelled, or writing failed and the reason is shown).
    fn write_figure(&mut self, dialog: &ExportDialog) -> bool {
        let Content::Open(open, _) = &self.content else { return false };
        let stem = open.document.name().strip_suffix(".case.json").unwrap_or(open.document.name()).to_owned();
        let folder = open.document.file().and_then(Path::parent).map(Path::to_path_buf);
        let Some(path) = self
            .services
            .dialogs
            .choose_figure_path(&format!("{stem}.{}", dialog.format.extension()), folder.as_deref())
        else {
            return false;
        };
        let Some(format) = crate::export::FigureFormat::from_path(&path) else {
            self.prompt = Some(Prompt::Report {
                title: "The figure was not written".into(),
                message: format!("{}: end the file name with .png, .svg or .pdf", path.display()),
            });
            return false;
        };
        let written = crate::export::render_figure(&export_dialog::figure_input(open), &dialog.settings, format)
            .map_err(|error| error.to_string())
            .and_then(|bytes| crate::document::replace_atomically(&path, &bytes).map_err(|error| error.to_string()));
        match written {
            Ok(()) => {
                // The case keeps how its figure was made, so it can be made again exactly.
                if let Content::Open(open, _) = &mut self.content {
                    open.document.edit(Edit::SetFigureSettings(Box::new(dialog.settings.clone())));
                }
                true
            }
            Err(message) => {
                self.prompt = Some(Prompt::Report { title: "The figure was not written".into(), message });
                false
            }
        }
    }

    /// Opens another case, asking first when the open one has unsaved work.
    pub(super) fn request_open(&mut self, what: Pending) {
        if self.is_dirty() {
            self.prompt = Some(Prompt::Unsaved { then: what });
        } else {
            self.carry_out(what, None);
        }
    }

    fn carry_out(&mut self, what: Pending, ctx: Option<&egui::Context>) {
        match what {
            Pending::Quit => {
                if let Some(ctx) = ctx {
                    self.close(ctx);
                }
            }
            Pending::Open(path) => self.open_path(&path),
            Pending::ChooseAndOpen => {
                let folder = self.open_case().and_then(|open| open.document.file()).and_then(Path::parent);
                let folder = folder.map(Path::to_path_buf);
                if let Some(path) = self.services.dialogs.choose_case_to_open(folder.as_deref()) {
                    self.open_path(&path);
                }
            }
        }
    }

    fn close(&mut self, ctx: &egui::Context) {
        self.may_close = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Opens the case at `path` in place of the open one; if it does not open, the open case
    /// stays as it was and the problems are shown.
    fn open_path(&mut self, path: &Path) {
        match Content::from_file(path) {
            opened @ Content::Open(..) => {
                self.forget_autosave();
                self.content = opened;
                self.autosave.restart();
                self.remember_recent(path, true);
            }
            Content::Failed { file, report } => {
                if !path.exists() {
                    self.remember_recent(path, false);
                }
                self.prompt = Some(Prompt::OpenFailed { file, report });
            }
        }
    }

    fn remember_recent(&mut self, path: &Path, add: bool) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if add {
            self.recent.add(&path);
        } else {
            self.recent.remove(&path);
        }
        if let Some(folder) = &self.services.data_folder {
            // The list is a convenience: failing to keep it is not worth interrupting for.
            let _: Result<(), crate::document::WriteError> = self.recent.store(folder);
        }
    }

    /// Saves the case, asking where for Save As or a case with no file. Returns true once it
    /// is saved; on failure the case stays unsaved and the reason is shown.
    fn save(&mut self, choose_file: bool) -> bool {
        let Content::Open(open, _) = &mut self.content else { return false };
        let camera = open.saved_camera();
        let document = &mut open.document;
        let old_file = document.file().map(Path::to_path_buf);
        let result = match (&old_file, choose_file) {
            (Some(_), false) => document.save(camera).map(|()| Vec::new()),
            _ => {
                let suggested = old_file
                    .as_deref()
                    .and_then(Path::file_name)
                    .map_or_else(|| document.name().to_owned(), |name| name.to_string_lossy().into_owned());
                let folder = old_file.as_deref().and_then(Path::parent);
                let Some(path) = self.services.dialogs.choose_where_to_save(&suggested, folder) else {
                    return false;
                };
                document.save_as(&path, camera)
            }
        };
        match result {
            Ok(notes) => {
                let new_file = document.file().map(Path::to_path_buf);
                if let Some(store) = self.autosave_store() {
                    store.remove(old_file.as_deref());
                    store.remove(new_file.as_deref());
                }
                self.autosave.saved();
                if let Some(file) = new_file {
                    self.remember_recent(&file, true);
                }
                if !notes.is_empty() {
                    self.prompt = Some(Prompt::Report { title: "Saved, with notes".into(), message: notes.join("\n") });
                }
                true
            }
            Err(error) => {
                self.prompt =
                    Some(Prompt::Report { title: "The case was not saved".into(), message: error.to_string() });
                false
            }
        }
    }

    pub(super) fn answer(&mut self, ctx: &egui::Context, prompt: Prompt, answer: Answer) {
        match (prompt, answer) {
            (Prompt::Unsaved { then }, Answer::Save) => {
                // A cancelled or failed save leaves the case open and unsaved.
                let saved = self.save(false);
                if saved {
                    self.carry_out(then, Some(ctx));
                }
            }
            (Prompt::Unsaved { then }, Answer::Discard) => {
                self.forget_autosave();
                self.carry_out(then, Some(ctx));
            }
            (Prompt::Restore(found), Answer::Restore) => self.restore(&found),
            (Prompt::Restore(found), Answer::Discard) => {
                if let Some(store) = self.autosave_store() {
                    store.remove(found.case_file.as_deref());
                }
            }
            (Prompt::ChangedOnDisk, Answer::Reload) => {
                if let Some(path) = self.open_case().and_then(|open| open.document.file()).map(Path::to_path_buf) {
                    self.open_path(&path);
                }
            }
            (Prompt::Delete { item, .. }, Answer::DeleteQuotes) => self.delete(item, OrphanQuotes::Delete),
            (Prompt::Delete { item, .. }, Answer::KeepQuotes) => self.delete(item, OrphanQuotes::Keep),
            (Prompt::ChangedOnDisk, _) => {
                if let Some(open) = self.open_case_mut() {
                    open.document.accept_disk_version();
                }
            }
            _ => {}
        }
    }

    /// Opens autosaved work in place of what is shown, as unsaved changes to its own file.
    fn restore(&mut self, found: &Autosaved) {
        let documents: Box<dyn DocumentStore> = match &found.case_file {
            Some(file) => Box::new(documents_beside(file)),
            None => Box::new(crate::sample::sample_documents()),
        };
        let bytes = match std::fs::read(&found.copy) {
            Ok(bytes) => bytes,
            Err(cause) => {
                let report = UnreadableAutosave::Read { path: found.copy.clone(), cause }.to_string();
                self.prompt = Some(Prompt::OpenFailed { file: found.copy.display().to_string(), report });
                return;
            }
        };
        let name = match &found.case_file {
            Some(file) => file_name(file),
            None => crate::sample::SAMPLE_FILE_NAME.to_owned(),
        };
        let report = crate::model::load_case_bytes(&bytes, &found.copy.display().to_string(), documents.as_ref());
        match report.into_result() {
            Ok((case, warnings)) => {
                let mut document = Document::new(case, found.case_file.clone(), name, documents, warnings);
                document.mark_unsaved();
                self.content = Content::open(OpenCase::new(document));
                self.autosave.restart();
            }
            Err(error) => {
                self.prompt = Some(Prompt::OpenFailed { file: error.file.clone(), report: error.to_string() });
            }
        }
    }

    fn forget_autosave(&self) {
        if let (Some(store), Some(open)) = (self.autosave_store(), self.open_case()) {
            store.remove(open.document.file());
        }
    }
}
