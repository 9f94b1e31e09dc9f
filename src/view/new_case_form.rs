//! File → New case…: a title and an optional summary; the app then asks where the case file
//! goes and starts it there with a `sources/` folder beside it.

use super::form_window::{entered, form_window};

/// The form while it is open.
#[derive(Debug)]
pub struct NewCaseForm {
    /// The case's title.
    pub title: String,
    /// What the case is about.
    pub summary: String,
    /// Why the last try failed.
    pub error: Option<String>,
    wants_focus: bool,
}

impl Default for NewCaseForm {
    fn default() -> Self {
        Self { title: String::new(), summary: String::new(), error: None, wants_focus: true }
    }
}

/// What the analyst asked of the form this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewCaseAnswer {
    /// Choose where the file goes and start the case.
    Create,
    /// Close the form.
    Cancel,
}

/// Shows the form; returns the analyst's answer, if any.
pub fn show(ctx: &egui::Context, form: &mut NewCaseForm) -> Option<NewCaseAnswer> {
    let error = form.error.clone();
    let (create, cancel) = (("Create…", NewCaseAnswer::Create), NewCaseAnswer::Cancel);
    form_window(ctx, "New case", error.as_deref(), create, cancel, |ui| {
        let label = ui.label("Title");
        let title = ui.add(egui::TextEdit::singleline(&mut form.title).desired_width(360.0)).labelled_by(label.id);
        if std::mem::take(&mut form.wants_focus) {
            title.request_focus();
        }
        let label = ui.label("Summary (optional)");
        let summary = egui::TextEdit::multiline(&mut form.summary).desired_rows(3).desired_width(360.0);
        ui.add(summary).labelled_by(label.id);
        ui.weak("The case file goes where you choose next, with a sources folder beside it.");
        entered(ui, &title).then_some(NewCaseAnswer::Create)
    })
}
