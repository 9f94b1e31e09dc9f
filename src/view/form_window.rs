//! The frame the New case, New node and Add a source forms share: a fixed window, the form's
//! fields, the last error, the confirm and Cancel buttons, and Escape or the close box to
//! cancel, so every form works the same way with the keyboard alone.

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
