//! Saving the open case: what a save writes (unmoved nodes keep their numbers exactly), Save
//! and Save As (rewriting source paths, writing the bundled sample's texts beside a copy).

use std::path::{Path, PathBuf};

use super::atomic_file::{SaveStage, create_folder_for, folder_of, write_atomically, write_atomically_with};
use super::relocate::relocate_documents;
use super::{Document, DocumentSaveError, FileStamp, file_name};
use crate::model::{Camera, Case, NodeIx, Position, SaveError, case_to_json, documents_beside};

impl Document {
    /// The case as it would be saved now: the facts unchanged, every node's position and pin,
    /// what is hidden, and `camera`. A node that has not moved keeps its saved numbers to the
    /// last digit, so saving again gives the same bytes and a diff shows only what moved.
    pub fn case_to_save(&self, camera: Option<Camera>) -> Case {
        let mut case = self.case.clone();
        let positions = self.layout.positions();
        for (index, node) in NodeIx::all(self.case.nodes.len()).zip(&self.case.nodes) {
            let [x, y] = positions[index.index()];
            let pinned = self.layout.is_pinned(index);
            let unchanged = self
                .case
                .layout
                .positions
                .get(&node.id)
                .is_some_and(|saved| saved.x as f32 == x && saved.y as f32 == y && saved.pinned == pinned);
            if !unchanged {
                case.layout.positions.insert(
                    node.id.clone(),
                    Position { x: round_to(f64::from(x), 100.0), y: round_to(f64::from(y), 100.0), pinned },
                );
            }
        }
        case.view.hidden_kinds = self.hidden_kinds.clone();
        case.view.figure = self.figure.clone();
        case.view.camera = match (self.case.view.camera, camera) {
            (Some(saved), Some(now))
                if saved.center_x as f32 == now.center_x as f32
                    && saved.center_y as f32 == now.center_y as f32
                    && saved.zoom as f32 == now.zoom as f32 =>
            {
                Some(saved)
            }
            (_, Some(now)) => Some(Camera {
                center_x: round_to(now.center_x, 100.0),
                center_y: round_to(now.center_y, 100.0),
                zoom: round_to(now.zoom, 10_000.0),
            }),
            (saved, None) => saved,
        };
        case
    }

    /// The text the case would be saved as now.
    pub fn text_to_save(&self, camera: Option<Camera>) -> Result<String, SaveError> {
        case_to_json(&self.case_to_save(camera))
    }

    /// Saves to the case's own file.
    pub fn save(&mut self, camera: Option<Camera>) -> Result<(), DocumentSaveError> {
        self.save_with(camera, &mut |_| Ok(()))
    }

    /// [`Document::save`], calling `before` ahead of each stage of the write; an error from
    /// it fails that stage. Tests use it for failures a real disk will not produce on demand.
    pub fn save_with(
        &mut self,
        camera: Option<Camera>,
        before: &mut dyn FnMut(SaveStage) -> std::io::Result<()>,
    ) -> Result<(), DocumentSaveError> {
        let file = self.file.clone().ok_or(DocumentSaveError::NoFile)?;
        let case = self.case_to_save(camera);
        write_atomically_with(&file, case_to_json(&case)?.as_bytes(), before)?;
        self.saved(case, file);
        Ok(())
    }

    /// Saves to `path`, which becomes the case's file. Source-document paths are rewritten to
    /// name the same documents from the new folder; documents that exist only inside the app
    /// (the bundled sample's) are written beside the new file. Returns notes on documents that
    /// could not be carried over.
    pub fn save_as(&mut self, path: &Path, camera: Option<Camera>) -> Result<Vec<String>, DocumentSaveError> {
        let mut case = self.case_to_save(camera);
        let new_folder = folder_of(path);
        let mut notes = Vec::new();
        match &self.file {
            Some(old) => notes.extend(relocate_documents(&mut case, &folder_of(old), &new_folder)),
            None => notes.extend(self.write_bundled_documents(&case, &new_folder)),
        }
        write_atomically(path, case_to_json(&case)?.as_bytes())?;
        self.documents = Box::new(documents_beside(path));
        self.warnings_now = std::cell::OnceCell::new();
        self.name = file_name(path);
        self.saved(case, path.to_path_buf());
        Ok(notes)
    }

    fn saved(&mut self, case: Case, file: PathBuf) {
        self.case = case;
        self.stamp = FileStamp::of(&file);
        self.file = Some(file);
        self.history.mark_saved();
    }

    /// Writes the in-app copies of the source documents into `folder`, where the case's
    /// relative paths expect them, unless a file is already there.
    fn write_bundled_documents(&self, case: &Case, folder: &Path) -> Vec<String> {
        let mut notes = Vec::new();
        for source in &case.sources {
            let Some(relative) = &source.document else { continue };
            let target = folder.join(relative);
            if target.exists() {
                continue;
            }
            let written = match self.documents.read(relative) {
                Ok(text) => target
                    .parent()
                    .map_or(Ok(()), |parent| create_folder_for(&target, parent))
                    .and_then(|()| write_atomically(&target, text.as_bytes()))
                    .map_err(|error| error.to_string()),
                Err(error) => Err(error.to_string()),
            };
            if let Err(error) = written {
                notes.push(format!("the local copy of source `{}` was not written: {error}", source.id));
            }
        }
        notes
    }
}

fn round_to(value: f64, steps_per_unit: f64) -> f64 {
    (value * steps_per_unit).round() / steps_per_unit
}
