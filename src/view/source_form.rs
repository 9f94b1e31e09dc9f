//! File → Add source…, a dropped document, or pasted text: the metadata form. It shows what
//! was read from the file (its kind, words, pages and the encoding assumed) and the metadata
//! the file gave, marked as such, for the analyst to correct before the source is added.

use std::path::PathBuf;

use super::form_window::{self, form_window};
use crate::ingest::{Extracted, SourceMetadata, extract_pasted, settled_metadata};
use crate::model::{PartialDate, check_web_address};

/// How wide the metadata fields are.
const FIELD_WIDTH_POINTS: f32 = 300.0;

/// Where the source's text comes from.
pub enum SourceOrigin {
    /// A file, and the bytes read from it (kept beside the text).
    File {
        /// The file.
        path: PathBuf,
        /// Its bytes as read.
        bytes: Vec<u8>,
    },
    /// Text pasted into the form.
    Pasted,
}

/// The form while it is open.
pub struct SourceForm {
    /// Where the text comes from.
    pub origin: SourceOrigin,
    /// The text read, once there is one (pasted text is read when added).
    pub extracted: Option<Extracted>,
    /// The pasted text, for [`SourceOrigin::Pasted`].
    pub pasted: String,
    /// What the file itself said, to mark prefilled fields.
    pub found: SourceMetadata,
    /// The fields as the analyst sees and edits them.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    pub date: String,
    /// One author per line.
    pub authors: String,
    /// Where it can be read.
    pub url: String,
    /// Why the last try to add it failed.
    pub error: Option<String>,
    /// Set until the first field has taken the keyboard, so the form works without a mouse.
    wants_focus: bool,
}

/// What the analyst asked of the form this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormAnswer {
    /// Add the source with these fields.
    Add,
    /// Close the form; nothing is added.
    Cancel,
}

impl SourceForm {
    /// A form for a file that was read, prefilled from what it says about itself.
    pub fn for_file(path: PathBuf, bytes: Vec<u8>, extracted: Extracted) -> Self {
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned());
        let settled = settled_metadata(&extracted, &SourceMetadata::default(), name.as_deref());
        let found = extracted.metadata.clone();
        let mut form = Self::empty(SourceOrigin::File { path, bytes });
        form.fill(&settled);
        form.found = found;
        form.extracted = Some(extracted);
        form
    }

    /// A form for pasted text.
    pub fn for_pasting() -> Self {
        Self::empty(SourceOrigin::Pasted)
    }

    fn empty(origin: SourceOrigin) -> Self {
        Self {
            origin,
            extracted: None,
            pasted: String::new(),
            found: SourceMetadata::default(),
            title: String::new(),
            publisher: String::new(),
            date: String::new(),
            authors: String::new(),
            url: String::new(),
            error: None,
            wants_focus: true,
        }
    }

    fn fill(&mut self, metadata: &SourceMetadata) {
        self.title = metadata.title.clone().unwrap_or_default();
        self.publisher = metadata.publisher.clone().unwrap_or_default();
        self.date = metadata.date.map(|date| date.to_string()).unwrap_or_default();
        self.authors = metadata.authors.join("\n");
        self.url = metadata.url.clone().unwrap_or_default();
    }

    /// The text to add (pasted text is read now) and the metadata as corrected, or what is
    /// wrong with the fields.
    pub fn settle(&mut self) -> Result<(Extracted, SourceMetadata), String> {
        if matches!(self.origin, SourceOrigin::Pasted) {
            self.extracted = Some(extract_pasted(&self.pasted).map_err(|error| format!("Pasted text: {error}."))?);
        }
        let extracted = self.extracted.clone().ok_or_else(|| "There is no text to add.".to_owned())?;
        let required = |value: &str, what: &str| {
            let value = value.trim();
            if value.is_empty() { Err(format!("Give the source's {what}.")) } else { Ok(value.to_owned()) }
        };
        let date = match self.date.trim() {
            "" => None,
            text => Some(PartialDate::parse(text).map_err(|error| format!("The date: {error}."))?),
        };
        let url = match self.url.trim() {
            "" => None,
            text => Some(
                check_web_address(text).map(|()| text.to_owned()).map_err(|error| format!("The address: {error}."))?,
            ),
        };
        let authors = self.authors.lines().map(str::trim).filter(|name| !name.is_empty()).map(str::to_owned).collect();
        let metadata = SourceMetadata {
            title: Some(required(&self.title, "title")?),
            publisher: Some(required(&self.publisher, "publisher")?),
            date,
            authors,
            url,
        };
        Ok((extracted, metadata))
    }
}

/// Shows the form; returns the analyst's answer, if any.
pub fn show(ctx: &egui::Context, form: &mut SourceForm) -> Option<SourceFormAnswer> {
    let error = form.error.clone();
    let (add, cancel) = (("Add source", SourceFormAnswer::Add), SourceFormAnswer::Cancel);
    form_window(ctx, "Add a source", error.as_deref(), add, cancel, |ui| {
        ui.set_max_width(460.0);
        match (&form.origin, &form.extracted) {
            (SourceOrigin::File { path, .. }, Some(extracted)) => {
                let name =
                    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                ui.label(egui::RichText::new(name).strong());
                ui.label(what_was_read(extracted));
            }
            _ => {
                let label = ui.label("Pasted text");
                let edit = egui::TextEdit::multiline(&mut form.pasted).desired_rows(6).desired_width(440.0);
                let response = ui.add(edit).labelled_by(label.id);
                if std::mem::take(&mut form.wants_focus) {
                    response.request_focus();
                }
            }
        }
        ui.add_space(6.0);
        fields(ui, form).then_some(SourceFormAnswer::Add)
    })
}

/// The kind, words, pages and encoding, in one line.
fn what_was_read(extracted: &Extracted) -> String {
    let mut parts = vec![extracted.kind.describe().to_owned(), format!("{} words", extracted.word_count())];
    if let Some(pages) = extracted.page_count {
        parts.push(format!("{pages} pages"));
    }
    if let Some(encoding) = &extracted.encoding {
        parts.push(format!("read as {}", encoding.describe()));
    }
    parts.join(" · ")
}

/// The metadata fields; returns true when Enter was pressed in a one-line field.
fn fields(ui: &mut egui::Ui, form: &mut SourceForm) -> bool {
    let mut entered = false;
    let found = form.found.clone();
    let mut wants_focus = std::mem::take(&mut form.wants_focus);
    egui::Grid::new("source-fields").num_columns(3).spacing([8.0, 6.0]).show(ui, |ui| {
        let rows: [(&str, &mut String, bool); 5] = [
            ("Title", &mut form.title, found.title.is_some()),
            ("Publisher", &mut form.publisher, found.publisher.is_some()),
            ("Date", &mut form.date, found.date.is_some()),
            ("Authors (one a line)", &mut form.authors, !found.authors.is_empty()),
            ("Address", &mut form.url, found.url.is_some()),
        ];
        for (name, value, prefilled) in rows {
            let label = ui.label(name);
            let multiline = name.starts_with("Authors");
            let (edit, height) = if multiline {
                (egui::TextEdit::multiline(value).desired_rows(2), 40.0)
            } else {
                (egui::TextEdit::singleline(value), 20.0)
            };
            let response = ui.add_sized([FIELD_WIDTH_POINTS, height], edit).labelled_by(label.id);
            if std::mem::take(&mut wants_focus) {
                response.request_focus();
            }
            entered |= !multiline && form_window::entered(ui, &response);
            if prefilled {
                ui.weak("from the file");
            } else {
                ui.label("");
            }
            ui.end_row();
        }
    });
    entered
}
