//! File → Export figure…: the figure's settings beside a live preview drawn by the export
//! itself (not a grab of the screen), and a button that asks where to write it. The settings
//! start from those saved in the case, and an export keeps them there for next time.

use super::marks::color;
use super::open_case::OpenCase;
use crate::export::{FigureFormat, FigureInput, FigureRisk, figure_pixels};
use crate::model::{
    FIGURE_DPI_RANGE, FIGURE_SCALE_RANGE, FIGURE_WIDTH_MM_RANGE, FIGURE_WIDTH_RANGE, FigureBackground, FigureExtent,
    FigureSettings, FigureSize, Ledger, SourceNote,
};
use crate::theme;

/// The box the preview image fits in on screen, in points: the whole figure is shown.
const PREVIEW_POINTS: egui::Vec2 = egui::vec2(480.0, 520.0);

/// The dialog's state while it is open.
pub struct ExportDialog {
    /// The settings the figure will be made with.
    pub settings: FigureSettings,
    /// The format the file name is suggested in (a different ending typed there wins).
    pub format: FigureFormat,
    /// The settings the preview was drawn with, so it is redrawn only when they change.
    previewed: Option<FigureSettings>,
    preview: Option<Result<egui::TextureHandle, crate::export::ExportError>>,
    /// What the figure shows that is not ready for publication, as the dialog opened.
    risk: FigureRisk,
    /// Whether the analyst was asked about that and may now export anyway.
    asked: bool,
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
    /// A dialog with the open case's figure settings (the defaults if it has none), and what in
    /// `ledger` (the case's review) the figure would show that is not ready.
    pub fn new(open: &OpenCase, ledger: &Ledger) -> Self {
        let document = &open.document;
        let risk = FigureRisk::of(ledger, &open.scene());
        Self {
            settings: document.figure_settings(),
            format: FigureFormat::Png,
            previewed: None,
            preview: None,
            risk,
            asked: false,
        }
    }
}

/// What the figure is drawn from: the open case as it is now, hidden kinds and camera included.
pub fn figure_input(open: &OpenCase) -> FigureInput<'_> {
    FigureInput {
        case: open.document.case(),
        graph: open.document.graph(),
        positions: open.document.layout().positions(),
        scene: open.scene(),
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
                ui.label("Format");
                ui.horizontal(|ui| {
                    for (format, name) in FigureFormat::ALL.into_iter().zip(["PNG", "SVG", "PDF"]) {
                        ui.radio_value(&mut dialog.format, format, name);
                    }
                });
                settings_form(ui, &mut dialog.settings, &open.document.case().info.title);
                ui.add_space(8.0);
                if dialog.asked {
                    let warning = format!("This figure shows {}. View → Review lists them.", dialog.risk.words());
                    ui.colored_label(color(theme::REVIEW_RISK), warning);
                }
                ui.horizontal(|ui| {
                    let label = if dialog.asked { "Export anyway…" } else { "Export…" };
                    if ui.button(label).clicked() {
                        if dialog.risk.is_clear() || dialog.asked {
                            answer = Some(ExportAnswer::Export);
                        } else {
                            dialog.asked = true;
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ExportAnswer::Cancel);
                    }
                });
                ui.weak("PNG for the web, SVG to edit further, PDF for print.");
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

fn settings_form(ui: &mut egui::Ui, settings: &mut FigureSettings, case_title: &str) {
    ui.label("Show");
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.extent, FigureExtent::Whole, "The whole case");
        ui.radio_value(&mut settings.extent, FigureExtent::Saved, "The current view");
    });
    ui.label("Size");
    let mut print = matches!(settings.size, FigureSize::Print { .. });
    ui.horizontal(|ui| {
        ui.radio_value(&mut print, false, "Pixels");
        ui.radio_value(&mut print, true, "Print (mm at dpi)");
    });
    settings.size = match (print, settings.size) {
        (false, FigureSize::Print { .. }) => FigureSize::Pixels { width: 1200.0, scale: 1.0 },
        (true, FigureSize::Pixels { .. }) => FigureSize::Print { width_mm: 180.0, dpi: 300.0 },
        (_, size) => size,
    };
    ui.horizontal(|ui| match &mut settings.size {
        FigureSize::Pixels { width, scale } => {
            let label = ui.label("Width");
            let (low, high) = FIGURE_WIDTH_RANGE;
            ui.add(egui::DragValue::new(width).range(low..=high).suffix(" px")).labelled_by(label.id);
            let label = ui.label("PNG scale");
            let (low, high) = FIGURE_SCALE_RANGE;
            ui.add(egui::DragValue::new(scale).range(low..=high).speed(0.05).fixed_decimals(0).suffix("×"))
                .labelled_by(label.id);
        }
        FigureSize::Print { width_mm, dpi } => {
            let label = ui.label("Width");
            let (low, high) = FIGURE_WIDTH_MM_RANGE;
            ui.add(egui::DragValue::new(width_mm).range(low..=high).suffix(" mm")).labelled_by(label.id);
            let label = ui.label("at");
            let (low, high) = FIGURE_DPI_RANGE;
            ui.add(egui::DragValue::new(dpi).range(low..=high).suffix(" dpi")).labelled_by(label.id);
        }
    });
    ui.weak(format!("A PNG is {:.0} pixels wide.", settings.size.png_width()));
    ui.label("Background");
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.background, FigureBackground::White, "White");
        ui.radio_value(&mut settings.background, FigureBackground::Transparent, "Transparent");
        ui.radio_value(&mut settings.background, FigureBackground::Theme, "As on screen");
    });
    let mut has_title = settings.heading(case_title).is_some();
    let title_box = ui.checkbox(&mut has_title, "Title");
    if title_box.changed() {
        settings.title = if has_title { None } else { Some(String::new()) };
    }
    if has_title {
        let mut title = settings.heading(case_title).unwrap_or_default().to_owned();
        if ui.text_edit_singleline(&mut title).labelled_by(title_box.id).changed() {
            // The case's own title is kept as "the case's title", so renaming the case renames the figure.
            settings.title = (title != case_title).then_some(title);
        }
    }
    let label = ui.label("Caption");
    let mut caption = settings.caption.clone().unwrap_or_default();
    if ui.text_edit_multiline(&mut caption).labelled_by(label.id).changed() {
        settings.caption = (!caption.trim().is_empty()).then_some(caption);
    }
    ui.checkbox(&mut settings.legend, "Legend");
    ui.checkbox(&mut settings.support, "Heavier where two or more independent sources back a claim");
    ui.label("Sources");
    ui.horizontal(|ui| {
        ui.radio_value(&mut settings.sources, SourceNote::Credit, "Credit line");
        ui.radio_value(&mut settings.sources, SourceNote::Numbered, "Numbered on links");
        ui.radio_value(&mut settings.sources, SourceNote::None, "None");
    });
}

/// The figure as it will come out, redrawn whenever an option changes.
fn preview(ui: &mut egui::Ui, dialog: &mut ExportDialog, open: &OpenCase) {
    if dialog.previewed.as_ref() != Some(&dialog.settings) {
        let width = dialog.settings.size.layout_width() as f32;
        let scale = PREVIEW_POINTS.x * ui.ctx().pixels_per_point() / width;
        let rendered = figure_pixels(&figure_input(open), &dialog.settings, scale.min(1.0));
        dialog.preview = Some(rendered.map(|pixels| {
            let image = egui::ColorImage::from_rgba_premultiplied(
                [pixels.width as usize, pixels.height as usize],
                &pixels.rgba_premultiplied,
            );
            ui.ctx().load_texture("casegraph-export-preview", image, egui::TextureOptions::LINEAR)
        }));
        dialog.previewed = Some(dialog.settings.clone());
    }
    match &dialog.preview {
        Some(Ok(texture)) => {
            let size = texture.size_vec2();
            let shown = size * (PREVIEW_POINTS.x / size.x).min(PREVIEW_POINTS.y / size.y);
            ui.add(egui::Image::new((texture.id(), shown)).alt_text("Preview of the figure"));
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, error.to_string());
        }
        None => {}
    }
}
