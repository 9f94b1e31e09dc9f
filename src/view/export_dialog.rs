//! File → Export figure…: the figure's options beside a live preview drawn by the export
//! itself (not a grab of the screen), and a button that asks where to write it.

use super::open_case::OpenCase;
use crate::export::{Background, Extent, FigureInput, FigureOptions, figure_pixels};

/// The box the preview image fits in on screen, in points: the whole figure is shown.
const PREVIEW_POINTS: egui::Vec2 = egui::vec2(480.0, 520.0);

/// The dialog's state while it is open.
pub struct ExportDialog {
    /// The options the figure will be made with.
    pub options: FigureOptions,
    /// The options the preview was drawn with, so it is redrawn only when they change.
    previewed: Option<FigureOptions>,
    preview: Option<Result<egui::TextureHandle, String>>,
}

/// What the analyst asked of the dialog this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportAnswer {
    /// Choose a file and write the figure.
    Export,
    /// Close the dialog.
    Cancel,
}

impl ExportDialog {
    /// A dialog with the default options for the open case.
    pub fn new(open: &OpenCase) -> Self {
        Self { options: FigureOptions::for_case(&open.document.case), previewed: None, preview: None }
    }
}

/// What the figure is drawn from: the open case as it is now, hidden kinds and camera included.
pub fn figure_input(open: &OpenCase) -> FigureInput<'_> {
    FigureInput {
        case: &open.document.case,
        graph: &open.document.graph,
        positions: open.document.layout.positions(),
        hidden_kinds: open.document.hidden_kinds(),
        camera: open.saved_camera(),
    }
}

/// Shows the dialog; returns the analyst's answer, if any.
pub fn show(ctx: &egui::Context, dialog: &mut ExportDialog, open: &OpenCase) -> Option<ExportAnswer> {
    let mut answer = None;
    let mut still_open = true;
    egui::Window::new("Export figure").open(&mut still_open).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(280.0);
                options_form(ui, &mut dialog.options);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Export…").clicked() {
                        answer = Some(ExportAnswer::Export);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ExportAnswer::Cancel);
                    }
                });
                ui.weak("The file name's ending chooses the format: .png, .svg or .pdf.");
            });
            ui.separator();
            preview(ui, dialog, open);
        });
    });
    if !still_open {
        answer = Some(ExportAnswer::Cancel);
    }
    answer
}

fn options_form(ui: &mut egui::Ui, options: &mut FigureOptions) {
    ui.label("Show");
    ui.horizontal(|ui| {
        ui.radio_value(&mut options.extent, Extent::Whole, "The whole case");
        ui.radio_value(&mut options.extent, Extent::Saved, "The current view");
    });
    ui.horizontal(|ui| {
        let label = ui.label("Width");
        ui.add(egui::DragValue::new(&mut options.width).range(100.0..=20_000.0).suffix(" px")).labelled_by(label.id);
        let label = ui.label("PNG scale");
        ui.add(egui::DragValue::new(&mut options.scale).range(1.0..=4.0).speed(0.05).fixed_decimals(0).suffix("×"))
            .labelled_by(label.id);
    });
    ui.label("Background");
    ui.horizontal(|ui| {
        ui.radio_value(&mut options.background, Background::White, "White");
        ui.radio_value(&mut options.background, Background::Transparent, "Transparent");
        ui.radio_value(&mut options.background, Background::Theme, "As on screen");
    });
    let mut has_title = options.title.is_some();
    let title_box = ui.checkbox(&mut has_title, "Title");
    if title_box.changed() {
        options.title = has_title.then(String::new);
    }
    if let Some(title) = &mut options.title {
        ui.text_edit_singleline(title).labelled_by(title_box.id);
    }
    let label = ui.label("Caption");
    let mut caption = options.caption.clone().unwrap_or_default();
    if ui.text_edit_multiline(&mut caption).labelled_by(label.id).changed() {
        options.caption = (!caption.trim().is_empty()).then_some(caption);
    }
    ui.checkbox(&mut options.legend, "Legend");
    ui.checkbox(&mut options.sources, "Source credit");
}

/// The figure as it will come out, redrawn whenever an option changes.
fn preview(ui: &mut egui::Ui, dialog: &mut ExportDialog, open: &OpenCase) {
    if dialog.previewed.as_ref() != Some(&dialog.options) {
        let scale = PREVIEW_POINTS.x * ui.ctx().pixels_per_point() / dialog.options.width;
        let rendered = figure_pixels(&figure_input(open), &dialog.options, scale.min(1.0));
        dialog.preview = Some(rendered.map_err(|error| error.to_string()).map(|pixels| {
            let image = egui::ColorImage::from_rgba_premultiplied(
                [pixels.width as usize, pixels.height as usize],
                &pixels.rgba_premultiplied,
            );
            ui.ctx().load_texture("casegraph-export-preview", image, egui::TextureOptions::LINEAR)
        }));
        dialog.previewed = Some(dialog.options.clone());
    }
    match &dialog.preview {
        Some(Ok(texture)) => {
            let size = texture.size_vec2();
            let shown = size * (PREVIEW_POINTS.x / size.x).min(PREVIEW_POINTS.y / size.y);
            ui.add(egui::Image::new((texture.id(), shown)).alt_text("Preview of the figure"));
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        None => {}
    }
}
