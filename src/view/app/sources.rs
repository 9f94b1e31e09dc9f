//! Sources in, in the window: documents chosen from File → Add sources… or dropped on the
//! window are read one at a time, each shown in the metadata form; pasted text goes to the same
//! form. Adding stores the text under `sources/` beside the case and is one undoable step; when
//! it fails, the files are taken back and the form says why.

use std::path::PathBuf;

use super::super::case_panels::SideTab;
use super::super::prompt::Prompt;
use super::super::source_form::{self, SourceForm, SourceFormAnswer, SourceOrigin};
use super::{CaseApp, Content};
use crate::document::{FactEdit, folder_of};
use crate::ingest::store::OriginalFile;
use crate::ingest::{NewSourceError, extract_file, new_source};

impl CaseApp {
    /// Asks for documents and queues them to be read.
    pub(super) fn choose_sources(&mut self) {
        let folder = self.case_folder();
        let chosen = self.services.dialogs.choose_sources(folder.as_deref());
        self.sources_to_read.extend(chosen);
    }

    /// Opens the form for pasted text.
    pub(super) fn paste_source(&mut self) {
        if self.source_form.is_none() {
            self.source_form = Some(SourceForm::for_pasting());
        }
    }

    /// Queues dropped documents to be read as sources.
    pub(super) fn take_dropped_sources(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        self.sources_to_read.extend(paths);
    }

    fn case_folder(&self) -> Option<PathBuf> {
        self.open_case()?.document.file().map(folder_of)
    }

    /// The form, or the next queued document read into it; a document that cannot be read is
    /// reported and skipped.
    pub(super) fn show_source_form(&mut self, ctx: &egui::Context) {
        if self.source_form.is_none() && self.prompt.is_none() {
            self.read_next_source();
        }
        let Some(form) = self.source_form.as_mut() else { return };
        match source_form::show(ctx, form) {
            Some(SourceFormAnswer::Add) => self.add_source_from_form(),
            Some(SourceFormAnswer::Cancel) => self.source_form = None,
            None => {}
        }
    }

    fn read_next_source(&mut self) {
        let Some(path) = self.sources_to_read.pop_front() else { return };
        match extract_file(&path) {
            Ok((extracted, bytes)) => self.source_form = Some(SourceForm::for_file(path, bytes, extracted)),
            Err(error) => {
                let message = format!("{error}\n\n{}", error.help());
                self.prompt = Some(Prompt::Report { title: "This document cannot be added".to_owned(), message });
            }
        }
    }

    fn add_source_from_form(&mut self) {
        let Some(mut form) = self.source_form.take() else { return };
        match self.add_source(&mut form) {
            Ok(()) => {}
            Err(message) => {
                form.error = Some(message);
                self.source_form = Some(form);
            }
        }
    }

    /// Shows the source `id` in the side panel's reader.
    fn read_source(&mut self, id: crate::model::Id) {
        if let Content::Open(_, panels) = &mut self.content {
            panels.side_tab = SideTab::Sources;
            panels.reader.show_source(id);
        }
    }

    fn add_source(&mut self, form: &mut SourceForm) -> Result<(), String> {
        let (extracted, metadata) = form.settle()?;
        let folder = self.case_folder().ok_or_else(|| {
            "Save the case first: its sources are kept in a sources folder beside its file.".to_owned()
        })?;
        let Some(open) = self.open_case_mut() else { return Err("No case is open.".to_owned()) };
        let original = match &form.origin {
            SourceOrigin::File { path, bytes } => {
                path.file_name().map(|name| (name.to_string_lossy().into_owned(), bytes))
            }
            SourceOrigin::Pasted => None,
        };
        let original = original.as_ref().map(|(file_name, bytes)| OriginalFile { file_name, bytes });
        let made =
            new_source(open.document.case(), &folder, &extracted, &metadata, original).map_err(
                |error| match error {
                    NewSourceError::NoPublisher => "Give the source's publisher.".to_owned(),
                    NewSourceError::Store(error) => format!("The source's text could not be stored: {error}."),
                },
            )?;
        let id = made.source.id.clone();
        match open.document.edit_facts(FactEdit::AddSource(Box::new(made.source))) {
            Ok(()) => {
                made.files.keep();
                self.read_source(id);
                Ok(())
            }
            Err(error) => {
                made.files.discard();
                Err(format!("The source was not added: {error}."))
            }
        }
    }
}
