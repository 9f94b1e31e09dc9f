//! The frame the New case, New node and Add a source forms share: a fixed window, the form's
//! fields, the last error, the confirm and Cancel buttons, and Escape or the close box to
//! cancel, so every form works the same way with the keyboard alone.

use crate::model::{ClaimStatus, PartialDate};

/// Shows a form in a window titled `title`. `fields` draws the fields and may answer (Enter in a
/// one-line field, a choice of the form's own); under them come `error`, if any, and the
/// buttons: `confirm.0` answering `confirm.1`, and Cancel answering `cancel`, as Escape and the
/// close box do.
pub fn form_window<A: Copy>(
    ctx: &egui::Context,
    title: &str,
    error: Option<&str>,
    confirm: (&str, A),
    cancel: A,
    fields: impl FnOnce(&mut egui::Ui) -> Option<A>,
) -> Option<A> {
    let mut answer = None;
    let mut still_open = true;
    egui::Window::new(title).open(&mut still_open).collapsible(false).resizable(false).show(ctx, |ui| {
        answer = fields(ui);
        if let Some(error) = error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.horizontal(|ui| {
            if ui.button(confirm.0).clicked() {
                answer = Some(confirm.1);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(cancel);
            }
        });
    });
    if !still_open || ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
        answer = Some(cancel);
    }
    answer
}

/// True when Enter was pressed in the one-line field of `response`, to confirm the form.
pub fn entered(ui: &egui::Ui, response: &egui::Response) -> bool {
    response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter))
}

/// A date typed in a field: none when blank, else YYYY, YYYY-MM or YYYY-MM-DD; the error
/// names the field as `what`.
pub fn date_field(text: &str, what: &str) -> Result<Option<PartialDate>, String> {
    match text.trim() {
        "" => Ok(None),
        text => PartialDate::parse(text).map(Some).map_err(|error| format!("{what}: {error}.")),
    }
}

/// The status of a claim as radio buttons: "stated" (none) and every [`ClaimStatus`].
pub fn status_choice(ui: &mut egui::Ui, status: &mut Option<ClaimStatus>) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Status:");
        ui.radio_value(status, None, "stated");
        for candidate in ClaimStatus::ALL {
            ui.radio_value(status, Some(candidate), candidate.as_str());
        }
    });
}

/// Labelled fields, each one-line or several (`true`), `width_points` wide; true when Enter
/// was pressed in a one-line one. The New node form and the side panel's editors share them.
pub(super) fn labelled_fields<const ROWS: usize>(
    ui: &mut egui::Ui,
    width_points: f32,
    rows: [(&str, &mut String, bool); ROWS],
) -> bool {
    let mut confirmed = false;
    for (name, value, multiline) in rows {
        let label = ui.label(name);
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        let field = ui.add(edit.desired_width(width_points)).labelled_by(label.id);
        confirmed |= !multiline && entered(ui, &field);
    }
    confirmed
}
