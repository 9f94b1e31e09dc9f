//! File → New case…: a title and an optional summary; the app then asks where the case file
//! goes and starts it there with a `sources/` folder beside it.

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
    let mut answer = None;
    let mut still_open = true;
    egui::Window::new("New case").open(&mut still_open).collapsible(false).resizable(false).show(ctx, |ui| {
        let label = ui.label("Title");
        let title = ui.add(egui::TextEdit::singleline(&mut form.title).desired_width(360.0)).labelled_by(label.id);
        if std::mem::take(&mut form.wants_focus) {
            title.request_focus();
        }
        if title.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
            answer = Some(NewCaseAnswer::Create);
        }
        let label = ui.label("Summary (optional)");
        let summary = egui::TextEdit::multiline(&mut form.summary).desired_rows(3).desired_width(360.0);
        ui.add(summary).labelled_by(label.id);
        ui.weak("The case file goes where you choose next, with a sources folder beside it.");
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            if ui.button("Create…").clicked() {
                answer = Some(NewCaseAnswer::Create);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(NewCaseAnswer::Cancel);
            }
        });
    });
    if !still_open || ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
        answer = Some(NewCaseAnswer::Cancel);
    }
    answer
}
